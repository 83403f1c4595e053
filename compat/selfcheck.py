"""A self-check of neuron.py that every Python can run: CPython, PyPy, MicroPython, Pyodide,
Skulpt and Brython. Run it from the repository root:

    python3 compat/selfcheck.py

It uses the language core alone (no pytest, doctest or typing; no math.ulp or sys.exit, which
MicroPython or Skulpt lack) and compares numbers, not printed text: Skulpt prints floats with 16
digits where CPython prints 17, although both hold the same double. A failed check is printed,
and the run ends with an uncaught AssertionError, which every interpreter (or its launcher in
this folder) turns into a non-zero exit.
"""
import math
import sys

sys.path.insert(0, ".")  # neuron.py lies in the repository root, the folder this is run from
from neuron import Neuron, sigmoid

failures = []
check_count = 0


def check(passed, what):
    global check_count
    check_count += 1
    if not passed:
        failures.append(what)
        print("FAIL: " + what)


def ulp(number):
    """The gap between a float and the next one away from zero (math.ulp, which MicroPython lacks)."""
    exponent = math.frexp(number)[1]  # number = mantissa * 2**exponent, 0.5 <= |mantissa| < 1
    # A double has 53 bits, so its last one is worth 2**(exponent - 53). Below 2**-1022 floats
    # are subnormal and evenly spaced, 2**-1074 apart: that is exponent -1021.
    return 2.0 ** (max(exponent, -1021) - 53)


def close(result, expected, ulps=4):
    """A float within a few ulp of the expected float (a sum rounds a little differently, maybe)."""
    return type(result) is float and abs(result - expected) <= ulps * ulp(expected)


def raises(error_type, message, function, *arguments):
    """True if function(*arguments) raises error_type with exactly this message."""
    try:
        function(*arguments)
    except error_type as error:
        return str(error) == message
    return False


# The article's worked example: weights [0, 1], bias 4, inputs [2, 3], so sigmoid(7).
result = Neuron([0, 1], 4).feedforward([2, 3])
check(close(result, 0.9990889488055994), "worked example gave %r" % result)
check(close(sigmoid(7), 0.9990889488055994), "sigmoid(7) gave %r" % sigmoid(7))
check(sigmoid(0) == 0.5 and type(sigmoid(0)) is float, "sigmoid(0) gave %r" % sigmoid(0))

# The article's network: hidden neurons h1, h2 and output neuron o1, each with weights [0, 1]
# and bias 0, fed [2, 3].
h1 = Neuron([0, 1], 0)
h2 = Neuron([0, 1], 0)
o1 = Neuron([0, 1], 0)
result = o1.feedforward([h1.feedforward([2, 3]), h2.feedforward([2, 3])])
check(close(result, 0.7216325609518421), "network gave %r" % result)

# Extremes never raise, and give exactly the limit (or a float in [0, 1] on the way there).
infinity = float("inf")
exact_limits = [(1e308, 1.0), (-1e308, 0.0), (1000, 1.0), (-1000, 0.0), (infinity, 1.0),
                (-infinity, 0.0), (10 ** 400, 1.0), (-10 ** 400, 0.0)]
for x, limit in exact_limits:
    try:
        result = sigmoid(x)
    except Exception as error:  # any error at all is a failure here
        result = error
    check(type(result) is float and result == limit, "sigmoid(%r) gave %r" % (x, result))
for weight, x in [(1e308, 10), (-1e308, 10), (1, 10 ** 400), (1000, -1000)]:
    result = Neuron([weight], 0).feedforward([x])
    check(type(result) is float and 0.0 <= result <= 1.0,
          "Neuron([%r], 0).feedforward([%r]) gave %r" % (weight, x, result))
# sigmoid(-720) = e**-720 / (1 + e**-720) is about 2.03e-313: tiny (subnormal) but not zero.
check(close(sigmoid(-720), 2.0322308024e-313), "sigmoid(-720) gave %r" % sigmoid(-720))
check(sigmoid(float("nan")) != sigmoid(float("nan")), "sigmoid(nan) is not nan")

# Monotone: it never goes down as x grows, over a grid 1/64 apart from -760 to 60 (exact floats)...
previous = sigmoid(-760)
for step in range(-760 * 64, 60 * 64 + 1):
    x = step / 64
    result = sigmoid(x)
    check(result >= previous and 0.0 <= result <= 1.0, "sigmoid(%r) gave %r" % (x, result))
    previous = result
# ...and between neighbouring floats (x + ulp(x) is the next float up, but for one skipped at each
# power of two below zero): where the sigmoid stops being exactly 0 (-745.13), where its formula
# changes (-36.7368), around 0, and near -1 and 0.25, where the textbook e**x / (1 + e**x) goes down.
for start in [-745.1332191019411, -36.7368, -1.0, -1e-300, 0.25]:
    x = start - 2000 * ulp(start)
    previous = sigmoid(x)
    for i in range(4000):
        x = x + ulp(x)
        result = sigmoid(x)
        check(result >= previous, "sigmoid went down from %r at %r" % (previous, x))
        previous = result

# Bad input gets a clear error.
n = Neuron([0, 1], 4)
TEXT = "must be a number, not text: float(input()) reads one, got "
check(raises(ValueError, "3 inputs for 2 weights", n.feedforward, [2, 3, 5]),
      "no clear ValueError for 3 inputs")
check(raises(ValueError, "1 input for 2 weights", n.feedforward, [2]),
      "no clear ValueError for 1 input")
check(raises(ValueError, "2 inputs for 1 weight", Neuron([1], 4).feedforward, [2, 3]),
      "no clear ValueError for 2 inputs to 1 weight")
check(raises(ValueError, "5 inputs for 2 weights", n.feedforward, range(2, 7)),
      "a range of 5 inputs not counted whole")
check(raises(TypeError, "inputs[1] " + TEXT + "'3' (str)", n.feedforward, [2, "3"]),
      "no clear TypeError for a string input")
check(raises(TypeError, "inputs[0] must be a real number, got None (NoneType)",
             n.feedforward, [None, 3]), "no clear TypeError for a None input")
check(raises(TypeError, "weights[1] " + TEXT + "'1' (str)", Neuron, [0, "1"], 4),
      "no clear TypeError for a string weight")
check(raises(TypeError, "weights[0] must be a real number, got None (NoneType)",
             Neuron, [None, 1], 4), "no clear TypeError for a None weight")
check(raises(TypeError, "bias " + TEXT + "'4' (str)", Neuron, [0, 1], "4"),
      "no clear TypeError for a string bias")
check(raises(TypeError, "bias must be a real number, got None (NoneType)", Neuron, [0, 1], None),
      "no clear TypeError for a None bias")
check(raises(TypeError, "x " + TEXT + "'7' (str)", sigmoid, "7"),
      "no clear TypeError for sigmoid('7')")
check(raises(TypeError, "inputs must be a list of numbers in order, got 5 (int)", n.feedforward, 5),
      "no clear TypeError for inputs 5")

check(raises(TypeError, "inputs must be a list of numbers in order, got '2 3' (str)", n.feedforward,
             "2 3"), "no clear TypeError for inputs '2 3', one string")
check(raises(TypeError, "weights must be a list of numbers in order, got {1} (set)", Neuron, {1}, 4),
      "a set of weights taken")
check(raises(TypeError, "inputs must be a list of numbers in order, got '" + "2 3 " * 12 + "2... (str)",
             n.feedforward, "2 3 " * 100), "a long value not cut short")
# An input whose weight is 0 does not matter, however big (10**400 is no float: it counts as the
# largest one, and 0 times that is 0, although MicroPython's and Brython's 0.0 * 10**400 is nan).
check(n.feedforward(x for x in [10 ** 400, -4]) == 0.5, "10**400 times a weight of 0 mattered")
check(n.feedforward([10 ** 400, -4]) == 0.5, "10**400 times a weight of 0 mattered, in a list")
# A neuron changed by hand: refused by name at the next feedforward, or used.
changed = Neuron([0, 1], 4)
changed.bias = "4"
check(raises(TypeError, "bias " + TEXT + "'4' (str)", changed.feedforward, [2, 3]),
      "no clear TypeError for a bias changed to '4'")
changed.bias = 3
changed.weights[1] = None
check(raises(TypeError, "weights[1] must be a real number, got None (NoneType)",
             changed.feedforward, [2, 3]), "no clear TypeError for a weight changed to None")
changed.weights = 5
check(raises(TypeError, "weights must be a list of numbers in order, got 5 (int)",
             changed.feedforward, [2, 3]), "no clear TypeError for weights changed to 5")
changed.weights = (1, 1)
check(changed.feedforward([2, 3]) == sigmoid(8.0), "weights changed to (1, 1) not used")


def endless():
    number = 0
    while True:
        number += 1
        yield number


def refused_after_a_million(function, name):
    """True if function(endless()) raises the TypeError for more than a million numbers, or runs
    out of memory first (MicroPython's unix port has a heap of a few megabytes: a million
    floats do not fit)."""
    try:
        function(endless())
    except TypeError as error:
        return str(error).startswith(name + " must be at most a million numbers, got <generator")
    except MemoryError:
        return True
    return False


check(refused_after_a_million(lambda weights: Neuron(weights, 0), "weights"),
      "endless weights not refused")
# A misspelt name is refused where Python has __slots__; MicroPython and Skulpt have none, and
# take it.
micropython = getattr(getattr(sys, "implementation", None), "name", "") == "micropython"
takes_any_name = micropython or "Skulpt" in str(sys.version)
try:
    n.wieghts = [5, 5]
except AttributeError:
    misspelt = "refused"
else:
    misspelt = "taken"
check(misspelt == ("taken" if takes_any_name else "refused"),
      "n.wieghts = [5, 5] was %s" % misspelt)

# Decimal and Fraction, where this Python has them (MicroPython has neither): huge,
# tiny, nan and the signalling nan give the largest float (a finite number beyond the floats),
# 0.0 or nan, whatever error this Python's own float() raises for them (Brython's: ValueError for
# Decimal("1e400")).
try:
    from decimal import Decimal
except Exception:  # ImportError; Skulpt raises NotImplementedError
    Decimal = None
try:
    from fractions import Fraction
except Exception:
    Fraction = None
numbers = []  # (number, what float() of it is on CPython)
largest = 1.7976931348623157e308  # a finite number beyond the floats is the largest float
if Decimal is not None:
    numbers += [(Decimal("1e400"), largest), (Decimal("-1e400"), -largest),
                (Decimal("9e999999"), largest), (Decimal("1e-400"), 0.0),
                (Decimal("-1e-400"), 0.0), (Decimal("NaN"), None), (Decimal("-NaN"), None),
                (Decimal("sNaN"), None), (Decimal("2.5"), 2.5)]
if Fraction is not None:
    numbers += [(Fraction(10 ** 400, 3), largest), (Fraction(-10 ** 400, 7), -largest),
                (Fraction(1, 10 ** 400), 0.0), (Fraction(-1, 10 ** 400), 0.0),
                (Fraction(5, 2), 2.5)]
for number, as_float in numbers:
    try:
        results = [sigmoid(number), Neuron([number], 0).feedforward([1]),
                   Neuron([1], number).feedforward([0]), Neuron([1], 0).feedforward([number])]
        kept = Neuron([number], number)
        results += kept.weights + [kept.bias]
        expected = [sigmoid(as_float)] * 4 + [as_float] * 2 if as_float is not None else None
    except Exception as error:  # any error at all is a failure here
        results, expected = error, "no error"
    if expected is None:  # nan: nan is equal to nothing, not even itself
        passed = type(results) is list and all(result != result for result in results)
    else:
        passed = results == expected
    check(passed, "%r gave %r, not %r" % (number, results, expected))

# Any real number, not only floats: ints, bools, a tuple, a generator.
check(n.feedforward((2, 3)) == n.feedforward([2.0, 3.0]), "a tuple of inputs differs from a list")
check(n.feedforward(x for x in [2, 3]) == n.feedforward([2, 3]), "a generator differs from a list")
check(n.feedforward([True, True]) == sigmoid(5.0), "bool inputs differ from 1.0")
check(repr(n) == "Neuron([0.0, 1.0], 4.0)", "repr gave %s" % repr(n))

if failures:
    raise AssertionError("%d of %d checks failed" % (len(failures), check_count))
# Say which Python ran this. Skulpt has no sys.implementation, and needs str() to split sys.version;
# MicroPython's sys.version reads "3.4.0; MicroPython v1.27.0 on ...".
language_version = str(sys.version).split()[0].rstrip(";")
implementation = getattr(sys, "implementation", None)
if implementation:
    version = ".".join(str(number) for number in implementation.version[:3])
    interpreter = "%s %s, Python %s" % (implementation.name, version, language_version)
else:
    interpreter = "Python " + " ".join(str(sys.version).split())
print("selfcheck passed: %d checks on %s" % (check_count, interpreter))
