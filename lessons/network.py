# The article's network: two inputs, a hidden layer of two neurons (h1 and h2)
# and an output neuron (o1), all with weights [0, 1] and bias 0.
# From "An Introduction to Neural Networks", by Victor Zhou.
# Run it: python3 lessons/network.py (or beside a copy of neuron.py).
try:
    from neuron import Neuron
except ImportError:  # neuron.py is one folder up: for a script, a prompt
    import sys
    sys.path += [sys.path[0] + "/..", ".."]
    from neuron import Neuron

weights = [0, 1]  # w1 = 0, w2 = 1
bias = 0          # b = 0
h1 = Neuron(weights, bias)
h2 = Neuron(weights, bias)
o1 = Neuron(weights, bias)

x = [2, 3]  # x1 = 2, x2 = 3
out_h1 = h1.feedforward(x)
out_h2 = h2.feedforward(x)
# The outputs of h1 and h2 are the inputs of o1.
out_o1 = o1.feedforward([out_h1, out_h2])
print(out_o1)  # 0.7216325609518421
