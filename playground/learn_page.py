"""The Python half of the playground's learning panel: the lesson's own learning, for the page.

lessons/one_neuron.py holds the article's four people, the loss and one step of gradient descent
(learn); this file only takes the page's w1, w2 and b boxes to a Neuron, calls the lesson's
functions on the table the page learns from (table_page.py: the lesson's four people, a ready
table or a class's own), and hands back the numbers the panel draws. It does no learning of its
own.
"""
import math

from neuron import Neuron
from one_neuron import learn_rate, mse_loss, learn
from page import number_or_text, weighted_sum, what_to_write
from table_page import in_use


def neuron_from_boxes(w1, w2, b):
    """The Neuron of the boxes' text, read as the page reads it; neuron.py refuses what is no number.

    >>> neuron_from_boxes("0", "1", "4").weights
    [0.0, 1.0]
    """
    return Neuron([number_or_text(w1), number_or_text(w2)], number_or_text(b))


def read_rate(text):
    """The learn rate in its box, read as the page reads a number: above 0 and finite, or None
    and what to write.

    >>> read_rate("0.1"), read_rate("0,5"), read_rate("-1"), read_rate("inf")[0]
    ((0.1, None), (None, 'write 0.5, with a point'), (None, 'write a number above 0, such as 0.1'), None)
    """
    rate = number_or_text(text)
    if isinstance(rate, str):
        return None, what_to_write(text) if text.strip() else "write a number, such as 0.1"
    if not 0 < rate < float("inf"):
        return None, "write a number above 0, such as %r" % learn_rate
    return rate, None


def loss(n, table):
    # The lesson's mean squared error over the table's rows, as its loss() is over its data.
    return mse_loss([row["y"] for row in table["rows"]], [n.feedforward(row["x"]) for row in table["rows"]])


def learn_steps(w1, w2, b, steps, person, rate=None):
    """Take `steps` steps of gradient descent from the boxes' w1, w2 and b, each with the lesson's
    learn() on one row of the table in use, from row `person` on and round again, as the lesson
    goes through its data; give back the new weights and bias, the loss after each step, and
    who is next. The learn rate is the lesson's unless the page's box gives another.

    >>> trained = learn_steps("0", "1", "4", 4, 0)   # one epoch from the article's worked example
    >>> trained["weights"], trained["bias"], trained["person"]
    ([-0.28659748407353075, 0.8855039502228027], 4.01930720788085, 0)
    >>> len(trained["losses"]), trained["losses"][-1]
    (4, 0.4211833582057393)
    """
    table = in_use()
    rows = table["rows"]
    rate = learn_rate if rate is None else read_rate(rate)[0]
    n = neuron_from_boxes(w1, w2, b)
    losses = []
    person = person % len(rows)
    for _ in range(steps):
        learn(n, rows[person]["x"], rows[person]["y"], rate)
        person = (person + 1) % len(rows)
        losses.append(loss(n, table))
    return {"weights": n.weights, "bias": n.bias, "losses": losses, "person": person}


def learning_panel(w1, w2, b, box=None):
    """What the panel shows for the boxes' w1, w2 and b: the loss, each person's output, and the
    boundary, where the output is 0.5, inside box = [x1 low, x1 high, x2 low, x2 high] (the
    table's own where none is given).

    The output is 0.5 where the weighted sum w1 * x1 + w2 * x2 + b is 0 (sigmoid(0) = 0.5), and
    above 0.5 (the neuron says female) where the sum is above 0: on a straight line, the boundary,
    and on one side of it. "female_side" is the part of the box on that side, as a polygon's
    corners; "boundary" the line's points on the box's edges (none if it misses the box). Both
    are None where the sums are too big to place the line (an inf weight, or 1e308).

    "people" are the four, then Emily and Frank (whose y_true is None: they are not learned from),
    each with the neuron's output for them and its label: what that output means.

    The worked example: female where x2 > -4.

    >>> seen = learning_panel("0", "1", "4", [-20, 30, -8, 8])
    >>> seen["loss"], seen["weights"], seen["bias"]
    (0.6943228311358424, [0.0, 1.0], 4.0)
    >>> for person in seen["people"]:
    ...     print(person["name"], person["x"], person["y_true"], person["output"], person["label"])
    Alice [-2, -1] 1 0.9525741268224334 female
    Bob [25, 6] 0 0.9999546021312976 female
    Charlie [17, 4] 0 0.9996646498695336 female
    Diana [-15, -6] 1 0.11920292202211755 male
    Emily [-7, -3] None 0.7310585786300049 female
    Frank [20, 2] None 0.9975273768433653 female
    >>> seen["boundary"], seen["female_side"]
    ([[30.0, -4.0], [-20.0, -4.0]], [[30.0, -4.0], [30, 8], [-20, 8], [-20.0, -4.0]])
    >>> infinite = learning_panel("1e999", "1", "4", [-20, 30, -8, 8])  # inf * -20 - inf * 30: nan
    >>> infinite["boundary"] is None
    True
    >>> learning_panel("abc", "1", "4", [-20, 30, -8, 8])["error"]
    "TypeError: weights[0] must be a number, not text: float(input()) reads one, got 'abc' (str)"
    """
    try:
        n = neuron_from_boxes(w1, w2, b)
    except (TypeError, ValueError) as error:
        return {"error": "%s: %s" % (type(error).__name__, error)}
    table = in_use()
    box = box or table["box"]
    low1, high1, low2, high2 = box
    corners = [[low1, low2], [high1, low2], [high1, high2], [low1, high2]]
    female_side = []
    boundary = []
    for i in range(4):  # round the box, one edge at a time, from corner p to corner q
        p, q = corners[i], corners[(i + 1) % 4]
        sum_p, sum_q = weighted_sum(n, p), weighted_sum(n, q)
        if sum_p > 0:
            female_side.append(p)
        if (sum_p > 0) != (sum_q > 0):
            # The sum changes sign on this edge: it is 0 at the fraction t of the way to q.
            t = sum_p / (sum_p - sum_q)
            crossing = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]
            female_side.append(crossing)
            boundary.append(crossing)
            if not (math.isfinite(crossing[0]) and math.isfinite(crossing[1])):
                female_side, boundary = None, None
                break
    rows = [[row["name"], row["x"], row["y"]] for row in table["rows"]]
    rows += [[row["name"], row["x"], None] for row in table["newcomers"]]
    people = []
    for name, x, y_true in rows:
        output = n.feedforward(x)
        people.append({"name": name, "x": x, "y_true": y_true, "output": output,
                       "label": label(output, table["labels"])})
    return {"error": None, "weights": n.weights, "bias": n.bias, "loss": loss(n, table),
            "people": people, "boundary": boundary, "female_side": female_side, "box": box}


def label(output, labels=("male", "female")):
    """What the neuron's output means, as the lesson reads it: near 1 female, near 0 male (or
    the table's own labels for a 0 and a 1).

    >>> label(0.9), label(0.1), label(0.5), label(float("nan")), label(0.9, ["sinks", "floats"])
    ('female', 'male', 'on the line', 'nothing', 'floats')
    """
    if output > 0.5:
        return labels[1]
    if output < 0.5:
        return labels[0]
    return "on the line" if output == 0.5 else "nothing"
