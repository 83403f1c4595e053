# The article's neuron, as short as the article has it: for slides, and to
# type in. From "An Introduction to Neural Networks", by Victor Zhou, with
# math.exp for NumPy's np.exp and a loop for np.dot. It checks nothing:
# ../neuron.py is the same neuron, which does (see exercise.md here).
import math


def sigmoid(x):
    # Our activation function: f(x) = 1 / (1 + e^(-x))
    return 1 / (1 + math.exp(-x))


class Neuron:
    def __init__(self, weights, bias):
        self.weights = weights
        self.bias = bias
    def feedforward(self, inputs):
        # Weight inputs, add bias, then use the activation function
        total = 0
        for weight, x in zip(self.weights, inputs):
            total += weight * x
        total += self.bias
        return sigmoid(total)


weights = [0, 1]  # w1 = 0, w2 = 1
bias = 4          # b = 4
n = Neuron(weights, bias)

x = [2, 3]        # x1 = 2, x2 = 3
print(n.feedforward(x))  # 0.9990889488055994
