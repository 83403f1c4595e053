# network.py's network learns people.py's people: the train() of Victor
# Zhou's "An Introduction to Neural Networks", with its names, on Neurons.
# Run it: python3 lessons/train.py (or beside neuron.py and people.py).
import random

try:
    from neuron import Neuron, sigmoid
except ImportError:  # neuron.py is one folder up: for a script, a prompt
    import sys
    sys.path += [sys.path[0] + "/..", ".."]
    from neuron import Neuron, sigmoid
from people import data, all_y_trues, emily, frank

learn_rate = 0.1
epochs = 1000  # number of times to loop through the entire dataset


def deriv_sigmoid(x):
    # Derivative of sigmoid: f'(x) = f(x) * (1 - f(x))
    fx = sigmoid(x)
    return fx * (1 - fx)


def feedforward(network, x):
    # The outputs of h1 and h2 are the inputs of o1.
    n_h1, n_h2, n_o1 = network
    return n_o1.feedforward([n_h1.feedforward(x), n_h2.feedforward(x)])


def loss(network):
    # The mean squared error, the article's mse_loss.
    total = 0
    for x, y_true in zip(data, all_y_trues):
        total += (y_true - feedforward(network, x)) ** 2
    return total / len(data)


def learn(network, x, y_true, learn_rate):
    # One step on one person: inside the article's loop. w1, w2, b1 are
    # h1's weights and bias; w3, w4, b2 are h2's; w5, w6, b3 are o1's.
    n_h1, n_h2, n_o1 = network
    w1, w2 = n_h1.weights
    w3, w4 = n_h2.weights
    w5, w6 = n_o1.weights
    b1, b2, b3 = n_h1.bias, n_h2.bias, n_o1.bias

    # --- Do a feedforward (we'll need these values later)
    sum_h1 = w1 * x[0] + w2 * x[1] + b1
    h1 = sigmoid(sum_h1)

    sum_h2 = w3 * x[0] + w4 * x[1] + b2
    h2 = sigmoid(sum_h2)

    sum_o1 = w5 * h1 + w6 * h2 + b3
    o1 = sigmoid(sum_o1)
    y_pred = o1

    # --- Calculate partial derivatives.
    # --- Naming: d_L_d_w1 represents "partial L / partial w1"
    d_L_d_ypred = -2 * (y_true - y_pred)

    # Neuron o1
    d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
    d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
    d_ypred_d_b3 = deriv_sigmoid(sum_o1)

    d_ypred_d_h1 = w5 * deriv_sigmoid(sum_o1)
    d_ypred_d_h2 = w6 * deriv_sigmoid(sum_o1)

    # Neuron h1
    d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
    d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
    d_h1_d_b1 = deriv_sigmoid(sum_h1)

    # Neuron h2
    d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
    d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
    d_h2_d_b2 = deriv_sigmoid(sum_h2)

    # --- Update weights and biases
    # Neuron h1
    w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
    w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
    b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1

    # Neuron h2
    w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
    w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
    b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2

    # Neuron o1
    w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
    w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
    b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3

    # Back into the neurons, by hand
    n_h1.weights, n_h1.bias = [w1, w2], b1
    n_h2.weights, n_h2.bias = [w3, w4], b2
    n_o1.weights, n_o1.bias = [w5, w6], b3


def random_neuron():
    # From -1 to 1: random.uniform is on every Python, the micro:bit's too.
    return Neuron([random.uniform(-1, 1), random.uniform(-1, 1)],
                  random.uniform(-1, 1))


def main():
    random.seed(1)  # the same start, so a class sees the same numbers
    network = [random_neuron(), random_neuron(), random_neuron()]  # h1 h2 o1
    for epoch in range(epochs):
        for x, y_true in zip(data, all_y_trues):
            learn(network, x, y_true, learn_rate)
        # --- Calculate total loss at the end of each epoch
        if epoch % 10 == 0:
            print("Epoch %d loss: %.3f" % (epoch, loss(network)))
    print("Emily: %.3f" % feedforward(network, emily))  # near 1: female
    print("Frank: %.3f" % feedforward(network, frank))  # near 0: male
    return network


if __name__ == "__main__":
    main()
