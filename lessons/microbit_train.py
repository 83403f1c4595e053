# train.py on a micro:bit: this is main.py, beside neuron.py, people.py and
# train.py. It imports neuron.py first, while there is memory to compile it.
# The display shows F or M for Emily, then Frank.
import neuron
import train
from microbit import display, sleep

network = train.main()
for person in [train.emily, train.frank]:
    display.show("F" if train.feedforward(network, person) > 0.5 else "M")
    sleep(1000)
