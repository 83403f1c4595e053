# One artificial neuron in plain Python: sigmoid(w . x + b), math alone.
#
# The first building block of Victor Zhou's article "An Introduction to Neural
# Networks", without NumPy: the neuron with weights [0, 1] and bias 4, given
# the inputs [2, 3], outputs sigmoid(0*2 + 1*3 + 4):
#
#     >>> Neuron([0, 1], 4).feedforward([2, 3])
#     0.9990889488055994
#     >>> sigmoid(0), sigmoid(7), sigmoid(-1000)
#     (0.5, 0.9990889488055994, 0.0)
#
# For slides, slides/neuron.py is the same neuron as short as the article has
# it; this one checks what it is given.
import math


# sigmoid(x) = 1 / (1 + e**-x), from 0 to 1, for a number x.
def sigmoid(x):
    if type(x) is not float:
        x = _floats(x, "x", one=True)  # an int, a Fraction...: as a float
    if x >= -36.7368:
        return 1.0 / (1.0 + math.exp(-x))  # the article's formula
    if x < -36.7368:
        # Far to the left e**-x is too big: 1 + e**-x loses its 1, and below
        # x = -709.78 math.exp(-x) fails (OverflowError). There e**x is as
        # good, within a rounding of the answer, all the way down to 0.0.
        return math.exp(x)
    # Neither: x is nan, "not a number", and so is its sigmoid. (The formula
    # gives a nan too, with its sign on, which the micro:bit prints "-nan".)
    return float("nan")


# A neuron: Neuron(weights, bias), with one weight for each input, and a bias.
# Neuron([0, 1], 4) has the weights w1 = 0, w2 = 1 and the bias b = 4; then
# n.feedforward([2, 3]), with the inputs x1 = 2, x2 = 3, is
# sigmoid(0*2 + 1*3 + 4), 0.9990889488055994.
#
# The neuron keeps its own copy of the weights and the bias, as floats, in
# n.weights and n.bias. Change them by hand and it keeps what you put there
# (repr(n) shows it), and checks it at the next feedforward. What is no
# number, or the wrong number of inputs, is refused with a TypeError or a
# ValueError that says what is wrong.
class Neuron:
    # Only these two: a misspelt n.wieghts = [5, 5] is refused, not ignored.
    # (MicroPython, the micro:bit's too, has no __slots__ and takes it.)
    __slots__ = ("weights", "bias")

    def __init__(self, weights, bias):
        # Our own copy, as floats: changing your list won't change ours.
        self.weights = _floats(weights, "weights")
        self.bias = _floats(bias, "bias", one=True)

    # sigmoid(w . x + b): one input x for each weight w.
    def feedforward(self, inputs):
        weights, bias = self.weights, self.bias
        if type(weights) is list and type(inputs) is list and (
                len(inputs) == len(weights)):
            # Lists of ints and floats, as the lessons have them:
            try:
                total = 0.0
                for weight, x in zip(weights, inputs):
                    total += weight * x  # the dot product w . x
                total += bias
                if type(total) is float and total == total:  # not nan
                    return sigmoid(total)
            except Exception:
                pass  # text, None, a number too big for a float: see below
        # Anything else, or a nan (0 * 10**400, on some Pythons), the careful
        # way: each number is checked and made a float, then they are added
        # up as above. An error says which number is wrong; one that is not
        # about the numbers (RecursionError, MemoryError) comes through.
        weights = _floats(weights, "weights")
        total = 0.0
        for weight, x in zip(weights, _floats(inputs, "inputs", weights)):
            total += weight * x
        return sigmoid(total + _floats(bias, "bias", one=True))

    def __repr__(self):  # what it holds now: Neuron([0.0, 1.0], 4.0)
        return "Neuron(%r, %r)" % (self.weights, self.bias)


# --- The number checks -------------------------------------------------------
# A first reading can stop here. What follows makes sure that what goes in is
# a number, and says clearly what is wrong when it is not.
#
# _floats(weights, "weights") is the weights as a list of floats;
# _floats(inputs, "inputs", weights) the inputs, one for each weight;
# _floats(bias, "bias", one=True) the one number bias, as a float.
# Anything else raises a TypeError or ValueError that says what is wrong.
#
# What float() raises for a number it cannot hold, as 10**400: OverflowError,
# decimal's InvalidOperation (both ArithmeticError), ValueError (Brython's,
# for Decimal("1e400")). Skulpt has no ArithmeticError. Any other error, as
# RecursionError or MemoryError, is not about the number, and comes through.
try:
    _NUMBER_ERRORS = (ValueError, ArithmeticError)
except NameError:
    _NUMBER_ERRORS = (ValueError, OverflowError)


def _floats(values, name, weights=None, one=False):
    expected, iterator, numbers = "a list of numbers in order", None, []
    if one:
        iterator = [values]
    elif not (isinstance(values, (str, set, frozenset)) or hasattr(
            values, "decode") or getattr(
            values, "ndim", 2 * hasattr(values, "keys")) > 1):
        # Each input goes with the weight in its place: not so in a set,
        # which has no places; nor in a table, such as pandas' DataFrame (its
        # ndim is 2), which gives its column labels, nor in a dict, or any
        # mapping (keys() and no ndim), which gives its keys. (pandas' Series
        # has keys(), but its ndim is 1: it gives its values, in order.) And
        # "2 3" is one string, not two numbers; and so are bytes.
        try:
            iterator = iter(values)
        except TypeError:
            pass  # not a collection: refused below
    for value in iterator or ():  # your own generator's error comes through
        # A number compares with 0: "2" < 0 fails, although float("2") reads
        # it, and so do None < 0 and 1j < 0. A NumPy array of one number
        # compares, but its ndim is 1; a NumPy complex number compares, but
        # has an imaginary part. .real: NumPy warns at float() of a complex.
        number = None
        try:
            value < 0
            if getattr(value, "ndim", 0) == 0 == getattr(value, "imag", 0):
                number = float(getattr(value, "real", value))
        except TypeError:
            pass  # no real number: refused below
        except _NUMBER_ERRORS:
            # A number float() cannot hold: an int or Fraction beyond 1.8e308,
            # a Decimal nan, or another Python's way to fail. Beyond the
            # floats it is inf or -inf (then made finite, below); a tiny one
            # is 0.0; and any nan, which compares as nothing, is nan.
            number = float("nan")  # unless it compares as a number:
            try:
                number = 1e999 if value > 1 else -1e999 if value < -1 else (
                    0.0 if -1 <= value <= 1 else number)
            except _NUMBER_ERRORS:
                pass  # a nan that will not even be compared
        if (number == 1e999 or number == -1e999) and (
                type(value) is int or value != number):
            # A number too big for a float, but not infinite, as 10**400, is
            # the largest float of its sign, 1.8e308: as good as infinite to
            # the sigmoid, but 0 times it is 0, where 0 times inf is nan. (An
            # int is never infinite, though MicroPython's float(10**400) is
            # inf and equals it. The micro:bit's floats end at 3.4e38: there
            # it stays inf.)
            number = math.copysign(1.7976931348623157e308, number)
        if number is None:
            values, expected = value, "a real number"
            if isinstance(value, str):  # as input() gives
                expected = "a number, not text: float(input()) reads one"
            if not one:
                name += "[%d]" % len(numbers)
            break
        if one:
            return number
        numbers.append(number)
        if len(numbers) > 1000000:  # itertools.count() never ends
            expected = "at most a million numbers"
            break
    else:
        if iterator is not None:
            if weights is None or len(numbers) == len(weights):
                return numbers
            message = "%d input%s for %d weight%s" % (
                len(numbers), "s" * (len(numbers) != 1), len(weights),
                "s" * (len(weights) != 1))
            raise ValueError(message)
    # Refused: what `name` should be, what it is, and its type's name, from
    # "<class 'decimal.Decimal'>" (the micro:bit has no type(x).__name__). A
    # long value is cut short; an int too long to print (over 4300 digits,
    # Python 3.11 on) shows as "...".
    try:
        message = repr(values)
    except ValueError:
        message = "..."
    message = "%s must be %s, got %s (%s)" % (
        name, expected, message[:50] + "..." * (len(message) > 50),
        str(type(values)).split("'")[-2:][0].split(".")[-1])
    raise TypeError(message)


# help(Neuron) shows this for Neuron(...), where Python would say "Initialize
# self". (The micro:bit keeps a docstring in its memory, and its functions
# have no __doc__ to set: there this does nothing.)
try:
    Neuron.__init__.__doc__ = "Neuron([w1, w2, ...], b): weights and a bias."
except AttributeError:
    pass

# The smallest boards. The BBC micro:bit's MicroPython has no
# type(x).__name__, room for about six nested calls (four in a module that
# main.py imports), and 9.5 KB of memory, of which a learner's program needs
# most. So feedforward calls only sigmoid and _floats, one after the other,
# and _floats calls no other function of this file: neuron.py is never more
# than two calls deep, whether it works or refuses. The board keeps each
# function's docstring in its memory, and holds every string of the file
# while it reads it, but comments cost it nothing: so the documentation is
# in comments. compat/microbit_check.py measures all of it.

if __name__ == "__main__":
    n = Neuron([0, 1], 4)  # w1 = 0, w2 = 1, b = 4
    print(n.feedforward([2, 3]))  # x1 = 2, x2 = 3: 0.9990889488055994
