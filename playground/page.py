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


# How neuron.py names each box in its messages ("weights[0] must be a real number, ..."):
# its lists count from 0, the page's labels from 1.
BOX_NAMED = {"weights[0]": "w1", "weights[1]": "w2", "bias": "b", "inputs[0]": "x1", "inputs[1]": "x2"}


def evaluate(w1, w2, b, x1, x2):
    """What the page shows for the boxes' text: neuron.py's numbers, or its message and the box
    that it refuses.

    >>> answer = evaluate("0", "1", "4", "2", "3")    # the worked example
    >>> answer["output"], answer["sum"], answer["terms"], answer["error"]
    (0.9990889488055994, 7.0, [0.0, 3.0], None)
    >>> answer["weights"], answer["bias"], answer["inputs"]
    ([0.0, 1.0], 4.0, [2.0, 3.0])
    >>> refused = evaluate("abc", "1", "4", "2", "3")
    >>> refused["error"], refused["named"], refused["box"], refused["output"]
    ("TypeError: weights[0] must be a real number, got 'abc' (str)", 'weights[0]', 'w1', None)
    >>> evaluate("0", "1", "4", "", "3")["error"]
    "TypeError: inputs[0] must be a real number, got '' (str)"
    """
    weights = [number_or_text(w1), number_or_text(w2)]
    bias = number_or_text(b)
    inputs = [number_or_text(x1), number_or_text(x2)]
    try:
        neuron = Neuron(weights, bias)
        output = neuron.feedforward(inputs)
    except (TypeError, ValueError) as error:
        message = "%s: %s" % (type(error).__name__, error)
        named = str(error).split(" ")[0]  # "weights[0]" from "weights[0] must be a real number, ..."
        return {"error": message, "named": named, "box": BOX_NAMED.get(named),
                "weights": None, "bias": None, "inputs": None, "terms": None, "sum": None, "output": None}
    # What feedforward multiplies and adds, for the page to show: the neuron's own weights and
    # bias, the inputs it took, each input times its weight, and the sum that it passes to sigmoid,
    # added up in the same order.
    terms = [neuron.weights[0] * inputs[0], neuron.weights[1] * inputs[1]]
    return {"error": None, "named": None, "box": None,
            "weights": neuron.weights, "bias": neuron.bias, "inputs": inputs, "terms": terms,
            "sum": terms[0] + terms[1] + neuron.bias, "output": output}


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
