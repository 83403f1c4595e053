"""One artificial neuron in plain Python: it weighs its inputs, adds a bias, and squashes the sum.

This is the first building block of the article "An Introduction to Neural Networks", written
without NumPy so that it runs on any Python, the standard library's math module being all it needs:

    output = sigmoid(w . x + b) = sigmoid(w1*x1 + w2*x2 + ... + b)

The article's worked example, a neuron with weights [0, 1] and bias 4 given the inputs [2, 3]:

>>> Neuron([0, 1], 4).feedforward([2, 3])    # sigmoid(0*2 + 1*3 + 4) = sigmoid(7)
0.9990889488055994
"""
import math

INFINITY = float("inf")


def _to_float(value, name, index=None):
    """Return a real number (int, float, Fraction, Decimal, NumPy scalar...) as a float.

    >>> _to_float("2", "inputs", 1)
    Traceback (most recent call last):
    TypeError: inputs[1] must be a real number, got '2' (str)
    """
    try:
        value + 0  # only numbers can add 0: "2" + 0 fails, although float("2") reads it as 2.0
        return float(value)
    except OverflowError:
        # An int or Fraction beyond the largest float (about 1.8e308), such as 10**400: as a float
        # it is infinite, which is where the sigmoid takes it anyway.
        return INFINITY if value > 0 else -INFINITY
    except TypeError:
        pass  # not a number: raised below, outside the except, so the traceback shows our message
    if index is not None:
        name = "%s[%d]" % (name, index)
    raise TypeError("%s must be a real number, got %r (%s)" % (name, value, type(value).__name__))


def _to_floats(values, name):
    """Return an iterable of real numbers (list, tuple, generator, NumPy array...) as a list of floats.

    >>> _to_floats([0, 1.5, True], "weights")
    [0.0, 1.5, 1.0]
    """
    try:
        numbers = list(values)
    except TypeError:
        numbers = None  # not iterable: raised below, outside the except, like _to_float's error
    if numbers is None:
        raise TypeError("%s must be a list of real numbers, got %r (%s)"
                        % (name, values, type(values).__name__))
    return [_to_float(number, name, i) for i, number in enumerate(numbers)]


def sigmoid(x: float) -> float:
    """The sigmoid, or logistic, function 1 / (1 + e**-x): it squashes any number into [0, 1].

    Never raises on a number, however large, and is within 2 ulp (units in the last place) of the
    exact value. It never decreases as x grows, even between neighbouring floats.

    >>> sigmoid(0)
    0.5
    >>> sigmoid(7)
    0.9990889488055994
    >>> sigmoid(-1000)    # the naive 1 / (1 + math.exp(1000)) raises OverflowError here
    0.0
    >>> sigmoid(-720)     # tiny, but not zero
    2.0322308024e-313
    >>> sigmoid(10**400), sigmoid(float("inf")), sigmoid(float("nan"))
    (1.0, 1.0, nan)
    >>> sigmoid("7")
    Traceback (most recent call last):
    TypeError: x must be a real number, got '7' (str)
    """
    if type(x) is not float:  # a float needs no checking; anything else is checked and made one
        x = _to_float(x, "x")
    if x < -36.7368:
        # Far to the left e**-x is too big to work with: past 2**53 (at x = -36.7368, or -53 ln 2)
        # floats are 2 apart, so 1 + e**-x loses its 1, and past the largest float (at x = -709.78)
        # math.exp overflows. But sigmoid(x) = e**x / (1 + e**x), and here e**x is 1.1e-16 or less,
        # so e**x alone is within one rounding of the answer, all the way down to 0.0.
        return math.exp(x)
    # Elsewhere: the article's formula. Each step (e**-x, then 1 + that, then 1 / that) is rounded to
    # the nearest float, and rounding never swaps two numbers' order, so the result never decreases
    # as x grows. The textbook "stable" form e**x / (1 + e**x) rounds its top and bottom apart,
    # and does go down between neighbouring floats (near x = -1, for one).
    return 1.0 / (1.0 + math.exp(-x))


class Neuron:
    """A neuron with one weight per input and a bias.

    >>> n = Neuron([0, 1], 4)
    >>> n
    Neuron([0.0, 1.0], 4.0)
    >>> n.weights, n.bias
    ([0.0, 1.0], 4.0)
    >>> Neuron([0, "1"], 4)
    Traceback (most recent call last):
    TypeError: weights[1] must be a real number, got '1' (str)
    """

    def __init__(self, weights, bias):
        self.weights = _to_floats(weights, "weights")  # a copy: changing yours won't change ours
        self.bias = _to_float(bias, "bias")

    def feedforward(self, inputs) -> float:
        """Weigh the inputs, add the bias, and pass the total through the sigmoid.

        >>> n = Neuron([0, 1], 4)
        >>> n.feedforward([2, 3])
        0.9990889488055994
        >>> n.feedforward([2, 3, 5])
        Traceback (most recent call last):
        ValueError: expected 2 inputs, got 3
        """
        # The quick way, for a list of plain numbers: just do the sum. Our weights are floats, and
        # a float times anything but a number raises TypeError (0.5 * "3" does, where 0 * "3" is
        # ""), so the arithmetic itself checks the inputs.
        try:
            if len(inputs) == len(self.weights):  # zip() below would silently drop extra inputs
                total = 0.0
                for weight, x in zip(self.weights, inputs):  # the dot product w . x, by hand
                    total += weight * x
                if type(total) is float:  # a complex or a NumPy input makes it something else
                    return sigmoid(total + self.bias)
        except (TypeError, OverflowError):  # text, None...; an int too big for a float
            pass
        # The careful way, for anything else: a generator (it has no len), the wrong count, text,
        # a Decimal, a NumPy array... Check each input: that raises a clear error, or gives a list
        # of floats, which the quick way takes.
        inputs = _to_floats(inputs, "inputs")
        if len(inputs) != len(self.weights):
            raise ValueError("expected %d inputs, got %d" % (len(self.weights), len(inputs)))
        return self.feedforward(inputs)

    def __repr__(self) -> str:
        return "Neuron(%r, %r)" % (self.weights, self.bias)


if __name__ == "__main__":
    weights = [0, 1]  # w1 = 0, w2 = 1
    bias = 4          # b = 4
    n = Neuron(weights, bias)
    x = [2, 3]        # x1 = 2, x2 = 3
    print(n.feedforward(x))  # 0.9990889488055994
