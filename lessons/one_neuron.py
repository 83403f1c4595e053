# One neuron learns to tell the article's four people apart.
#
# The smallest example of learning: no network yet, just one Neuron from
# neuron.py whose two weights and bias are changed a little at a time, by
# stochastic gradient descent, until its output is near 1 for the women and
# near 0 for the men. The data, the loss and the gradients are the article's
# ("An Introduction to Neural Networks", by Victor Zhou), for one neuron
# instead of three.
#
# Run it from the repository root: python3 lessons/one_neuron.py
try:
    from neuron import Neuron
except ImportError:  # neuron.py is one folder up: for a script, a prompt
    import sys
    sys.path += [sys.path[0] + "/..", ".."]
    from neuron import Neuron
from people import data, all_y_trues, emily, frank

learn_rate = 0.1  # how big each step downhill is
epochs = 1000  # how many times to go through all four people


def mse_loss(y_trues, y_preds):
    # The mean squared error: the average of (truth - prediction) ** 2.
    total = 0
    for y_true, y_pred in zip(y_trues, y_preds):
        total += (y_true - y_pred) ** 2
    return total / len(y_trues)


def loss(n):
    # How wrong the neuron is, over all four people.
    return mse_loss(all_y_trues, [n.feedforward(x) for x in data])


def learn(n, x, y_true, learn_rate):
    # One step of gradient descent on one person x: change each weight and
    # the bias a little, in the direction that makes the loss smaller.
    y_pred = n.feedforward(x)
    # The loss for this person is L = (y_true - y_pred) ** 2, so
    d_L_d_ypred = -2 * (y_true - y_pred)
    # y_pred = f(sum), and the sigmoid's slope is
    # f'(sum) = f(sum) * (1 - f(sum)): computed from the neuron's output,
    # with no need to know the sum.
    d_ypred_d_sum = y_pred * (1 - y_pred)
    # sum = w1 * x1 + w2 * x2 + b, so d sum / d w1 = x1, ..., d sum / d b = 1.
    for i in range(len(x)):
        n.weights[i] -= learn_rate * d_L_d_ypred * d_ypred_d_sum * x[i]
    n.bias -= learn_rate * d_L_d_ypred * d_ypred_d_sum


if __name__ == "__main__":
    # A neuron that has it the wrong way round: taller than 67.5 in says
    # female (the sum 0 * x1 + 1 * x2 - 1.5 is above 0), so all four are
    # wrong. Its first step, on Alice, changes its mind about Frank.
    n = Neuron([0, 1], -1.5)

    for epoch in range(epochs):
        for x, y_true in zip(data, all_y_trues):
            learn(n, x, y_true, learn_rate)
        if epoch % 10 == 0:
            print("Epoch %d loss: %.3f" % (epoch, loss(n)))

    print("Emily: %.3f" % n.feedforward(emily))  # near 1: female
    print("Frank: %.3f" % n.feedforward(frank))  # near 0: male
