"""One artificial neuron in plain Python: sigmoid(w . x + b), math alone.

The first building block of Victor Zhou's article
"An Introduction to Neural Networks", without NumPy.
The article's neuron has weights [0, 1] and bias 4; given the inputs [2, 3]:

>>> Neuron([0, 1], 4).feedforward([2, 3])  # sigmoid(0*2 + 1*3 + 4)
0.9990889488055994
>>> sigmoid(0), sigmoid(7), sigmoid(-1000)
(0.5, 0.9990889488055994, 0.0)
"""
import math


def sigmoid(x):
    """1 / (1 + e**-x), from 0 to 1, for a number x."""
    if type(x) is not float:  # anything but a float is checked first
        x = _floats(x, "x", alone=True)
    if x >= -36.7368:
        return 1.0 / (1.0 + math.exp(-x))  # the article's formula
    if x < -36.7368:
        # Far to the left e**-x is too big to work with, and e**x is as good.
        return math.exp(x)
    return float("nan")  # nan, "not a number", is neither: nan in, nan out


class Neuron:
    """A neuron: one weight per input, and a bias added to the weighted sum,
    then the sigmoid.

    Neuron(weights, bias) takes a list of real numbers and a real number, and
    keeps them as floats in n.weights and n.bias; feedforward(inputs) takes a
    list of as many numbers as there are weights. Anything else is refused: a
    TypeError or ValueError that says what was expected. Change n.weights or
    n.bias by hand, and the neuron keeps what you put there (repr(n) shows
    it) and checks it at each feedforward.

    >>> n = Neuron([0, 1], 4)  # w1 = 0, w2 = 1, b = 4
    >>> n.feedforward([2, 3])  # x1 = 2, x2 = 3: sigmoid(0*2 + 1*3 + 4)
    0.9990889488055994
    >>> n.feedforward([2, 3, 5])
    Traceback (most recent call last):
    ValueError: expected 2 inputs, got 3
    """

    def __init__(self, weights, bias):
        # Our own copy, as floats: changing your list won't change ours.
        self.weights = _floats(weights, "weights")
        self.bias = _floats(bias, "bias", alone=True)

    def feedforward(self, inputs):
        """sigmoid(w . x + b): one input x per weight w."""
        weights, bias = self.weights, self.bias
        if type(weights) is not list or type(inputs) is not list:
            # A tuple, a range, a NumPy array...: make lists of floats.
            weights = _floats(weights, "weights")
            inputs = _floats(inputs, "inputs", len(weights))
        if len(inputs) != len(weights):
            raise ValueError("expected %d inputs, got %d"
                             % (len(weights), len(inputs)))
        while True:
            try:
                total = 0.0
                for weight, x in zip(weights, inputs):
                    total += weight * x  # the dot product w . x
                total += bias
            except Exception:
                total = None  # text, None, a Decimal...
            if type(total) is float:
                return sigmoid(total)
            # Not all plain numbers: check each one, which says which is
            # wrong or makes it a float, and add them up again.
            weights = _floats(weights, "weights")
            inputs = _floats(inputs, "inputs")
            bias = _floats(bias, "bias", alone=True)

    def __repr__(self):  # what it holds now: Neuron([0.0, 1.0], 4.0)
        return "Neuron(%r, %r)" % (self.weights, self.bias)


# --- The number checks -------------------------------------------------------
# A first reading can stop here. What follows makes sure that what goes in is
# a number, and says clearly what is wrong when it is not.
#
# The sigmoid, in numbers. Floats hold 53 bits, so past x = -36.7368
# (-53 ln 2) e**-x is over 2**53 and 1 + e**-x loses its 1; past x = -709.78
# math.exp(-x) overflows. But sigmoid(x) = e**x / (1 + e**x), and there e**x
# is 1.1e-16 or less, so e**x alone is within one rounding of the answer, all
# the way down to 0.0. Elsewhere each step of the article's formula (e**-x,
# then 1 + that, then 1 / that) is rounded to the nearest float, and rounding
# never swaps two numbers' order, so the result never decreases as x grows;
# the textbook "stable" form e**x / (1 + e**x) does (near x = -1). A nan goes
# neither way: its own branch gives a nan, where 1 / (1 + e**-x) would flip
# its sign bit, which the BBC micro:bit prints as "-nan".
#
# The quick way. feedforward adds up lists of ints and floats as they are, and
# anything that fails, whatever it is (text, None, a Decimal, an int too big
# for a float, a NumPy int8 that overflows with warnings made errors), or
# that adds up to something other than a float (a NumPy number, a complex
# one), sends it the careful way: _floats checks each number, and names the
# one that is wrong, or makes each a float, and the loop adds them up again.
# A bare zip() would drop extra inputs, so the count is checked first.
#
# The smallest boards. The BBC micro:bit's MicroPython has no
# type(x).__name__, room for about six nested calls (four in a module that
# main.py imports), and 9.5 KB of memory, of which a learner's program needs
# most. So feedforward calls only sigmoid (the dot product is written inside
# it), and _floats calls no other function of this file: neuron.py is never
# more than two calls deep, whether it works or refuses. The board keeps each
# function's docstring in its memory, but not the module's or a class's, so
# the examples are there and each function has one line, or none;
# compat/microbit_check.py measures all of it.


# The real numbers in `values` (a list, tuple, range, NumPy array, generator:
# any ordered collection) as a list of floats, or with alone=True the one
# real number `values` as a float; a TypeError naming `name` for anything
# else. From a collection that is no list or tuple, which might never end, it
# takes at most `most` + 1 numbers: one too many tells that there are too many.
def _floats(values, name, most=None, alone=False):
    expected = "a list of real numbers"
    if alone:
        iterator = (values,)
    elif isinstance(values, str) or hasattr(values, "decode"):
        iterator = None  # "2 3" is one string, not two numbers (and bytearray)
    elif getattr(values, "ndim", 1) > 1:
        # A table, such as pandas' DataFrame, gives its column labels.
        iterator, expected = None, "one row of numbers, not a table"
    elif isinstance(values, (set, frozenset)) or (
            hasattr(values, "keys") and not hasattr(values, "ndim")):
        # Each input goes with the weight in its place: a set has no places,
        # and a dict, or any mapping, gives its keys. (pandas' Series has
        # keys() too, but it has an ndim, 1, and gives its values.)
        iterator, expected = None, ("a list of real numbers in order (a set "
                                    "or a dict has no order to pair them by)")
    else:
        try:
            iterator = iter(values)
        except TypeError:
            iterator = None  # not a collection: refused below, our error alone
    if iterator is not None:
        numbers = []
        for value in iterator:  # your own generator's error comes through
            number = None
            try:
                # A real number compares with 0: "2" < 0 fails, although
                # float("2") reads it, and so do 1j < 0 and None < 0. A list
                # has a len(), and so has a NumPy array, unless it is 0-d: one
                # number. A NumPy complex compares, but has an imaginary part.
                value < 0
                if getattr(value, "ndim", 1) == 0 or not hasattr(
                        value, "__len__"):
                    if getattr(value, "imag", 0) == 0:
                        # .real: NumPy warns at float() of a complex number
                        number = float(getattr(value, "real", value))
            except TypeError:
                pass  # no real number: refused below
            except Exception:
                # A real number float() would not take. On CPython: an int or
                # Fraction beyond the largest float, 1.8e308 (OverflowError),
                # or a Decimal nan, which will not even be compared
                # (InvalidOperation). Other Pythons fail in their own ways
                # (Brython: ValueError for Decimal("1e400")). Each gives what
                # CPython's float() gives.
                try:
                    number = float("inf") if value > 1 else (
                        float("-inf") if value < -1 else 0.0)
                except Exception:
                    number = float("nan")
            if number is None:
                if not alone:
                    name = "%s[%d]" % (name, len(numbers))
                values, expected = value, "a real number"
                break
            if alone:
                return number
            numbers.append(number)
            if most is not None and len(numbers) > most and (
                    type(values) not in (list, tuple)):
                return numbers
        else:
            return numbers
    # Refused: say what `name` should be, and what it is. The type's name comes
    # from "<class 'decimal.Decimal'>": the micro:bit has no type(x).__name__.
    kind = str(type(values)).split("'")[1].split(".")[-1]
    raise TypeError("%s must be %s, got %r (%s)"
                    % (name, expected, values, kind))


if __name__ == "__main__":
    weights = [0, 1]  # w1 = 0, w2 = 1
    bias = 4          # b = 4
    n = Neuron(weights, bias)
    x = [2, 3]        # x1 = 2, x2 = 3
    print(n.feedforward(x))  # 0.9990889488055994
