"""One artificial neuron in plain Python: output = sigmoid(w . x + b), with only the math module.

The first building block of Victor Zhou's "An Introduction to Neural Networks", without NumPy.
The article's neuron has weights [0, 1] and bias 4; given the inputs [2, 3]:

>>> Neuron([0, 1], 4).feedforward([2, 3])    # sigmoid(0*2 + 1*3 + 4) = sigmoid(7)
0.9990889488055994
"""
import math


def sigmoid(x):
    """The sigmoid 1 / (1 + e**-x): any number in, a float from 0 to 1 out, never an overflow.

    >>> sigmoid(0), sigmoid(7), sigmoid(-1000), sigmoid(10**400)
    (0.5, 0.9990889488055994, 0.0, 1.0)
    """
    if type(x) is not float:  # a float needs no checking; anything else is checked and made one
        x = _real_number(x, "x")
    if x < -36.7368:
        # Far to the left e**-x is too big to work with: past 2**53 (at x = -36.7368, or -53 ln 2)
        # floats are 2 apart, so 1 + e**-x loses its 1, and past the largest float (at x = -709.78)
        # math.exp overflows. But sigmoid(x) = e**x / (1 + e**x), and here e**x is 1.1e-16 or less,
        # so e**x alone is within one rounding of the answer, all the way down to 0.0.
        return math.exp(x)
    # Elsewhere: the article's formula. Each step (e**-x, then 1 + that, then 1 / that) is rounded
    # to the nearest float, and rounding never swaps two numbers' order, so the result never
    # decreases as x grows. The textbook "stable" form e**x / (1 + e**x) rounds its top and bottom
    # apart, and does go down between neighbouring floats (near x = -1, for one).
    return 1.0 / (1.0 + math.exp(-x))


class Neuron:
    """A neuron: one weight per input, and a bias added to the weighted sum, then the sigmoid.

    >>> n = Neuron([0, 1], 4)    # w1 = 0, w2 = 1, b = 4
    >>> n.feedforward([2, 3])    # x1 = 2, x2 = 3: sigmoid(0*2 + 1*3 + 4)
    0.9990889488055994
    """

    def __init__(self, weights, bias):
        """Keep the weights as a list of floats, and the bias as a float."""
        self.weights = _real_numbers(weights, "weights")  # a copy: changing yours won't change ours
        self.bias = _real_number(bias, "bias")

    def feedforward(self, inputs):
        """Weigh the inputs (one per weight), add the bias, apply the sigmoid.

        >>> Neuron([0, 1], 4).feedforward([2, 3, 5])
        Traceback (most recent call last):
        ValueError: expected 2 inputs, got 3
        """
        weights, bias = self.weights, self.bias
        if type(weights) not in _LISTS or type(inputs) not in _LISTS:
            # A generator, a range, a NumPy array...: make plain lists of floats first, checked.
            weights = _real_numbers(weights, "weights")
            inputs = _real_numbers(inputs, "inputs", len(weights))
        if len(inputs) != len(weights):  # zip() in _dot would silently drop the extra inputs
            raise ValueError("expected %d inputs, got %d" % (len(weights), len(inputs)))
        try:
            total = _dot(weights, inputs) + bias  # w . x + b
        except Exception:
            # Text, None, a Decimal, an int too big for a float, a NumPy int8 that overflows with
            # warnings made errors...: whatever it was, the careful way just below finds and says.
            total = None
        if type(total) is not float:
            # Not all plain numbers: check each one, which says which is wrong, or makes it a float.
            weights = _real_numbers(weights, "weights")
            inputs = _real_numbers(inputs, "inputs")
            total = _dot(weights, inputs) + _real_number(bias, "bias")
        return sigmoid(total)

    def __repr__(self):
        return "Neuron(%r, %r)" % (self.weights, self.bias)


# The dot product w . x = w1*x1 + w2*x2 + ..., written out by hand (NumPy's np.dot).
def _dot(weights, inputs):
    total = 0.0
    for weight, x in zip(weights, inputs):
        total += weight * x
    return total


# --- The number checks -------------------------------------------------------------------------
# A first reading can stop here. What follows makes sure that what goes in is a number, and says
# clearly what is wrong when it is not. It runs on the smallest boards too: the BBC micro:bit's
# MicroPython has no type(x).__name__, and room for only six nested calls.

# Ordered, finite, with an honest len(): feedforward's quick way takes them as they are.
_LISTS = (list, tuple)


# A real number (int, float, Fraction, Decimal, NumPy number...) as a float, or a TypeError.
def _real_number(value, name):
    number = _as_float(value)
    if number is None:
        _refuse(name, "a real number", value)
    return number


# An ordered collection of real numbers (list, tuple, range, NumPy array, generator...) as a list
# of floats. From one that is not a list or tuple, which might never end, it takes at most
# `most` + 1 numbers: one too many is enough to tell that there are too many.
def _real_numbers(values, name, most=None):
    # "2 3" is one string, not two numbers. (bytearray has decode(), and no name on Skulpt.)
    if isinstance(values, (str, bytes)) or hasattr(values, "decode"):
        _refuse(name, "a list of real numbers", values)
    # Each input goes with the weight in its place; a set has no places, and a dict gives its keys.
    if isinstance(values, (set, frozenset, dict)):
        _refuse(name, "a list of real numbers in order (a set or a dict has no order to pair "
                "them by)", values)
    try:
        iterator = iter(values)
    except TypeError:
        iterator = None  # not a collection: refused below, so the traceback shows our error alone
    if iterator is None:
        _refuse(name, "a list of real numbers", values)
    numbers = []
    for value in iterator:  # an error raised by your own generator comes through as it is
        number = _as_float(value)
        if number is None:
            _refuse("%s[%d]" % (name, len(numbers)), "a real number", value)
        numbers.append(number)
        if most is not None and len(numbers) > most and type(values) not in _LISTS:
            break
    return numbers


# A real number as a float; None for anything else: text, None, a list, a complex number...
def _as_float(value):
    try:
        # A real number can be compared with 0: "2" < 0 fails, although float("2") reads it as
        # 2.0, and so do 1j < 0 and None < 0. A NumPy array compares, but has a len(); a NumPy
        # complex number compares, but has an imaginary part.
        value < 0
        if hasattr(value, "__len__") or getattr(value, "imag", 0) != 0:
            return None
        # Its real part, which is the number itself, but keeps NumPy from warning about a complex
        # number whose imaginary part is 0.
        return float(getattr(value, "real", value))
    except TypeError:
        return None  # cannot be compared, or float() will not take it
    except OverflowError:
        # An int or Fraction beyond the largest float (about 1.8e308), such as 10**400: as a float
        # it is infinite, which is where the sigmoid takes it anyway.
        return float("inf") if value > 0 else float("-inf")
    except ArithmeticError:
        return float("nan")  # Decimal("NaN") and Decimal("sNaN") refuse to be compared


# Raise a TypeError that says what `name` should be, and what it is.
def _refuse(name, expected, value):
    # The type's name, from "<class 'decimal.Decimal'>": type(value).__name__ is not on every
    # Python (the micro:bit's has none).
    kind = str(type(value))
    kind = kind[kind.find("'") + 1:kind.rfind("'")].split(".")[-1]
    raise TypeError("%s must be %s, got %r (%s)" % (name, expected, value, kind))


if __name__ == "__main__":
    weights = [0, 1]  # w1 = 0, w2 = 1
    bias = 4          # b = 4
    n = Neuron(weights, bias)
    x = [2, 3]        # x1 = 2, x2 = 3
    print(n.feedforward(x))  # 0.9990889488055994
