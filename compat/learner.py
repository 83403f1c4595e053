# A learner's own program, for compat/microbit_check.py: the article's network and its
# training written flat, as a learner writes it from the article, with `from neuron import
# Neuron` at its top. The check runs it on the emulated micro:bit as main.py, and as a module
# that a one-line main.py imports; either way it must train to a loss below 0.01.
from neuron import Neuron
import random

# The article's four people: weight - 135 (lb), height - 66 (in)
data = [[-2, -1], [25, 6], [17, 4], [-15, -6]]
all_y_trues = [1, 0, 0, 1]  # 1 = female, 0 = male
emily = [-7, -3]
frank = [20, 2]

random.seed(1)
h1 = Neuron([random.uniform(-1, 1), random.uniform(-1, 1)], random.uniform(-1, 1))
h2 = Neuron([random.uniform(-1, 1), random.uniform(-1, 1)], random.uniform(-1, 1))
o1 = Neuron([random.uniform(-1, 1), random.uniform(-1, 1)], random.uniform(-1, 1))
learn_rate = 0.1

for epoch in range(1000):
    for x, y_true in zip(data, all_y_trues):
        # Feedforward
        out_h1 = h1.feedforward(x)
        out_h2 = h2.feedforward(x)
        y_pred = o1.feedforward([out_h1, out_h2])
        # The partial derivatives
        d_L_d_ypred = -2 * (y_true - y_pred)
        f_o1 = y_pred * (1 - y_pred)
        f_h1 = out_h1 * (1 - out_h1)
        f_h2 = out_h2 * (1 - out_h2)
        d_ypred_d_h1 = o1.weights[0] * f_o1
        d_ypred_d_h2 = o1.weights[1] * f_o1
        # Update weights and biases
        h1.weights[0] -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * x[0] * f_h1
        h1.weights[1] -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * x[1] * f_h1
        h1.bias -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * f_h1
        h2.weights[0] -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * x[0] * f_h2
        h2.weights[1] -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * x[1] * f_h2
        h2.bias -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * f_h2
        o1.weights[0] -= learn_rate * d_L_d_ypred * out_h1 * f_o1
        o1.weights[1] -= learn_rate * d_L_d_ypred * out_h2 * f_o1
        o1.bias -= learn_rate * d_L_d_ypred * f_o1
    if epoch % 10 == 0:
        loss = 0
        for x, y_true in zip(data, all_y_trues):
            y_pred = o1.feedforward([h1.feedforward(x), h2.feedforward(x)])
            loss += (y_true - y_pred) ** 2
        print("Epoch %d loss: %.3f" % (epoch, loss / len(data)))

print("Emily: %.3f" % o1.feedforward([h1.feedforward(emily), h2.feedforward(emily)]))
print("Frank: %.3f" % o1.feedforward([h1.feedforward(frank), h2.feedforward(frank)]))
