# The article's network (network.py) learns to tell its four people apart,
# by stochastic gradient descent, each step worked out with the article's
# equations. From "An Introduction to Neural Networks", by Victor Zhou.
# Run it: python3 lessons/train.py (or beside a copy of neuron.py).
import random

try:
    from neuron import Neuron
except ImportError:  # run from the repository: neuron.py is one folder up
    import sys
    sys.path.append(sys.path[0] + "/..")
    from neuron import Neuron

# The article's four people: weight minus 135 (lb), height minus 66 (in).
data = [
    [-2, -1],   # Alice
    [25, 6],    # Bob
    [17, 4],    # Charlie
    [-15, -6],  # Diana
]
all_y_trues = [1, 0, 0, 1]  # 1 = female, 0 = male


def deriv_sigmoid(fx):
    # The sigmoid's slope: f'(x) = f(x) * (1 - f(x)). A neuron's output is
    # f(x), so the slope comes from the output alone.
    return fx * (1 - fx)


def feedforward(h1, h2, o1, x):
    # The outputs of h1 and h2 are the inputs of o1.
    return o1.feedforward([h1.feedforward(x), h2.feedforward(x)])


def loss(h1, h2, o1):
    # How wrong the network is: the mean squared error over the four people,
    # the average of (truth - prediction) ** 2.
    total = 0
    for x, y_true in zip(data, all_y_trues):
        total += (y_true - feedforward(h1, h2, o1, x)) ** 2
    return total / len(data)


def learn(h1, h2, o1, x, y_true, learn_rate):
    # One step on one person x: each weight and bias w changes by
    # -learn_rate * dL/dw, downhill for the loss L. h1 has the weights w1, w2
    # and the bias b1; h2 has w3, w4, b2; o1 has w5, w6, b3.
    out_h1 = h1.feedforward(x)
    out_h2 = h2.feedforward(x)
    y_pred = o1.feedforward([out_h1, out_h2])

    # The sigmoid's slope at each neuron's sum, from the neuron's output:
    f_o1 = deriv_sigmoid(y_pred)  # f'(w5 * h1 + w6 * h2 + b3)
    f_h1 = deriv_sigmoid(out_h1)  # f'(w1 * x1 + w2 * x2 + b1)
    f_h2 = deriv_sigmoid(out_h2)  # f'(w3 * x1 + w4 * x2 + b2)

    # The article's partial derivatives (d_L_d_ypred stands for dL/dypred):
    d_L_d_ypred = -2 * (y_true - y_pred)  # L = (y_true - y_pred) ** 2
    d_ypred_d_h1 = o1.weights[0] * f_o1   # w5 * f'(...)
    d_ypred_d_h2 = o1.weights[1] * f_o1   # w6 * f'(...)

    # The chain rule: dL/dw1 = dL/dypred * dypred/dh1 * dh1/dw1, where
    # dh1/dw1 = x1 * f'(w1 * x1 + w2 * x2 + b1); and so on for each of them.
    # h1: w1, w2, then b1.
    h1.weights[0] -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * x[0] * f_h1
    h1.weights[1] -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * x[1] * f_h1
    h1.bias -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * f_h1

    # h2: w3, w4, then b2.
    h2.weights[0] -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * x[0] * f_h2
    h2.weights[1] -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * x[1] * f_h2
    h2.bias -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * f_h2

    # Neuron o1: dypred/dw5 = h1 * f'(w5 * h1 + w6 * h2 + b3).
    o1.weights[0] -= learn_rate * d_L_d_ypred * out_h1 * f_o1  # w5
    o1.weights[1] -= learn_rate * d_L_d_ypred * out_h2 * f_o1  # w6
    o1.bias -= learn_rate * d_L_d_ypred * f_o1                 # b3


def random_neuron():
    # Two weights and a bias, each from -1 to 1 (random.uniform is on every
    # Python, the micro:bit's too; the article's np.random.normal is not).
    return Neuron([random.uniform(-1, 1), random.uniform(-1, 1)],
                  random.uniform(-1, 1))


def main():
    # The training, then two new people.
    random.seed(1)  # the same start, so a class sees the same numbers
    h1 = random_neuron()
    h2 = random_neuron()
    o1 = random_neuron()

    # Each epoch goes once through all four people, a step for each.
    for epoch in range(1000):
        for x, y_true in zip(data, all_y_trues):
            learn(h1, h2, o1, x, y_true, 0.1)  # learn rate 0.1
        if epoch % 10 == 0:
            print("Epoch %d loss: %.3f" % (epoch, loss(h1, h2, o1)))

    # Emily (128 lb, 63 in) and Frank (155 lb, 68 in).
    print("Emily: %.3f" % feedforward(h1, h2, o1, [-7, -3]))  # near 1: female
    print("Frank: %.3f" % feedforward(h1, h2, o1, [20, 2]))   # near 0: male
    return h1, h2, o1


if __name__ == "__main__":
    main()
