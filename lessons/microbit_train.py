# train.py on a BBC micro:bit: put this on it as main.py, with neuron.py and
# train.py beside it. neuron.py is imported first, while the board has the
# memory to compile it (lessons/README.md says why). The loss comes over
# serial; then the display shows F or M for Emily, then Frank.
import neuron
import train
from microbit import display, sleep

h1, h2, o1 = train.main()
for person in [[-7, -3], [20, 2]]:  # Emily, then Frank
    display.show("F" if train.feedforward(h1, h2, o1, person) > 0.5 else "M")
    sleep(1000)
