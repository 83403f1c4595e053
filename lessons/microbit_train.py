# main.py on a micro:bit, beside neuron.py, people.py and train.py. Neuron
# first, while there is room to compile it. It shows F or M: Emily, Frank.
import neuron
import train
from microbit import display, sleep

network = train.main()
for person in [train.emily, train.frank]:
    display.show("F" if train.feedforward(network, person) > 0.5 else "M")
    sleep(1000)
