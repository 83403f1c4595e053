"""The Python half of the playground page: the boxes' text goes in, neuron.py's answers come out.

The page hands over each box's text as it was typed, and Python reads the numbers in it, so text
that is no number reaches neuron.py as it is, and neuron.py itself says what is wrong with it.
(MicroPython reads numbers exactly as CPython does: each box gives the same float in both.)
"""
from neuron import Neuron, sigmoid


def number_or_text(text):
    """The number in a box, or the box's text itself where Python reads no number.

    >>> number_or_text("2.5"), number_or_text(" -1e3 "), number_or_text("1e999"), number_or_text("abc")
    (2.5, -1000.0, inf, 'abc')
    """
    try:
        return float(text)
    except ValueError:
        return text


def evaluate(w1, w2, b, x1, x2):
    """[w . x + b, output, None] for Neuron([w1, w2], b) given [x1, x2];
    [None, None, "TypeError: ..."] when neuron.py refuses a value.

    >>> evaluate("0", "1", "4", "2", "3")    # the worked example
    [7.0, 0.9990889488055994, None]
    >>> evaluate("0", "1", "abc", "2", "3")
    [None, None, "TypeError: bias must be a real number, got 'abc' (str)"]
    >>> evaluate("0", "1", "4", "", "3")
    [None, None, "TypeError: inputs[0] must be a real number, got '' (str)"]
    """
    weights = [number_or_text(w1), number_or_text(w2)]
    bias = number_or_text(b)
    inputs = [number_or_text(x1), number_or_text(x2)]
    try:
        neuron = Neuron(weights, bias)
        output = neuron.feedforward(inputs)
    except (TypeError, ValueError) as error:
        return [None, None, "%s: %s" % (type(error).__name__, error)]
    # The sum that feedforward passes to sigmoid, added up in the same order, for the page to show.
    weighted_sum = weights[0] * inputs[0] + weights[1] * inputs[1] + bias
    return [weighted_sum, output, None]


def curve(low, high, steps):
    """Points [z, sigmoid(z)] from z = low to z = high, for drawing the curve.

    >>> curve(-10, 10, 2)
    [[-10.0, 4.5397868702434395e-05], [0.0, 0.5], [10.0, 0.9999546021312976]]
    """
    low, high = float(low), float(high)
    points = []
    for i in range(steps + 1):
        z = low + (high - low) * i / steps
        points.append([z, sigmoid(z)])
    return points


def python_version():
    """Which Python this is, such as "MicroPython 1.27.0"."""
    import sys
    name = sys.implementation.name
    version = ".".join(str(part) for part in sys.implementation.version[:3])
    return {"micropython": "MicroPython", "cpython": "CPython"}.get(name, name) + " " + version
