# train.py on a BBC micro:bit v1, with the answers on its display.
# Put this file on the board as main.py, with neuron.py and train.py beside it.
# The loss comes over serial, as on a PC; then the display shows F (female)
# or M (male) for Emily, then for Frank, and keeps Frank's.
#
# Why not train.py itself as main.py: the board compiles main.py whole before
# it runs a line, and while it compiles neuron.py it needs more memory than
# is left beside a program as long as train.py. So neuron.py comes first,
# while the memory is free, and train.py after it.
import neuron
import train
from microbit import display, sleep

h1, h2, o1 = train.main()
for person in [[-7, -3], [20, 2]]:  # Emily, then Frank
    display.show("F" if train.feedforward(h1, h2, o1, person) > 0.5 else "M")
    sleep(1000)
