"""The Python half of the playground's network view: lessons/train.py's learn(), one value at a time.

The view shows the article's network (h1, h2 and o1, lessons/train.py) learning, as slowly as a
class likes: each value of one step of learn(), in order, with its formula and its numbers, and the
line of train.py that computes it. Nothing here computes a value of the network: step() runs the
statements of train.py's own learn(), read from its text, one by one, with exec(), on a copy of the
network, and notes what each one computed; the epochs run learn() itself; the loss is train.loss()
and the outputs train.feedforward(). This file only reads train.py's text, keeps the view's state
(the network, the learn rate, the table learned from, who is next) and hands numbers to the page.

"By hand" rounds each value a line computes to 3 significant digits before the next line uses it,
as the article does on paper: so the article's worked example gives its very numbers, 0.0474,
0.524, -0.952, 0.249, -0.0904 and dL/dw1 = 0.0214. With every digit, as learn() computes,
d_L_d_ypred is -0.9526 and dL/dw1 0.02147.

>>> start("article")["w"]
[1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
>>> shown = step(by_hand=True)
>>> [(v["name"], round(v["value"], 4)) for v in shown["values"] if v["name"] in WORKED]
[('h1', 0.0474), ('o1', 0.524), ('d_L_d_ypred', -0.952), ('d_ypred_d_h1', 0.249), ('d_h1_d_w1', -0.0904)]
>>> [round(v["product"], 4) for v in shown["values"] if v["name"] == "w1"]
[0.0214]
>>> exact = step(by_hand=False)
>>> [(v["name"], round(v["value"], 5)) for v in exact["values"] if v["name"] in WORKED]
[('h1', 0.04743), ('o1', 0.5237), ('d_L_d_ypred', -0.95261), ('d_ypred_d_h1', 0.24944), ('d_h1_d_w1', -0.09035)]
>>> [v["product"] for v in exact["values"] if v["name"] == "w1"], exact["same_as_learn"]
([0.02146953526581111], True)
"""
import json
import math
import random

import train
from page import read_number

# The article's worked example: the values it gives, by name.
WORKED = ("h1", "o1", "d_L_d_ypred", "d_ypred_d_h1", "d_h1_d_w1")
# The people of lessons/people.py (which train.py imports), by name, and the two it never learns
# from: the view's table until the page gives it another (set_table).
ARTICLE_TABLE = {
    "names": ["Alice", "Bob", "Charlie", "Diana"],
    "rows": [list(x) for x in train.data],
    "y_trues": list(train.all_y_trues),
    "others": [["Emily", list(train.emily)], ["Frank", list(train.frank)]],
}
PARTS = ("w", "b")  # the network's numbers, in the view's order: w1 ... w6, then b1, b2, b3

view = {"network": None, "learn_rate": train.learn_rate, "person": 0, "steps": 0,
        "table": ARTICLE_TABLE, "start": None}


# ---- train.py's learn(), read from its text -----------------------------------------------------

def learn_statements(text):
    """The statements of learn() in train.py's text, in order: (line number, code), a statement
    to a line, and learn()'s parameter names.

    >>> statements, parameters = learn_statements(source())
    >>> parameters
    ['network', 'x', 'y_true', 'learn_rate']
    >>> statements[5]
    (48, 'sum_h1 = w1 * x[0] + w2 * x[1] + b1')
    """
    lines = text.split("\n")
    first = [i for i, line in enumerate(lines) if line.startswith("def learn(")][0]
    header = lines[first]
    parameters = [name.strip() for name in header[header.index("(") + 1:header.rindex(")")].split(",")]
    statements = []
    pending, opened = "", 0
    for number in range(first + 1, len(lines)):
        line = lines[number]
        if line.strip() and not line[0].isspace():
            break  # the end of learn(): the next line at the left margin
        code = line.split("#")[0].strip()  # learn() holds no "#" inside a string
        if not code:
            continue
        if not pending:
            start_line = number + 1
        pending = (pending + " " + code).strip()
        opened += sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")
        if opened == 0 and not pending.endswith("\\"):
            statements.append((start_line, pending))
            pending = ""
    return statements, parameters


def _source():
    with open(train.__file__) as file:
        return file.read()


STATEMENTS, PARAMETERS = learn_statements(_source())


def kind_of(code):
    """What a statement of learn() does, for the page: 'read' (the neurons' numbers into the
    article's names), 'value' (a named value), 'update' (w -= ...) or 'store' (back into the
    neurons).

    >>> [kind_of(c) for c in ["w1, w2 = n_h1.weights", "h1 = sigmoid(sum_h1)", "w1 -= 0.1", "n_h1.bias = b1"]]
    ['read', 'value', 'update', 'store']
    """
    if " -= " in code:
        return "update"
    target = code.split(" = ")[0]
    if "." in target:
        return "store"
    if "," in target or "." in code.split(" = ")[1]:
        return "read"
    return "value"


def parts(expression, names):
    """The expression as pieces: [text, value] where a name of `names` (a dict of numbers) stands,
    [text, None] between them: the page writes it with the names, or with their numbers. A name
    followed by "(" is a function and stays; x[0] is one name.

    >>> parts("x[0] * deriv_sigmoid(sum_h1)", {"x": [-2, -1], "sum_h1": -3.0})
    [['x[0]', -2, True], [' * deriv_sigmoid(', None], ['sum_h1', -3.0, False], [')', None]]
    """
    pieces, text, i = [], "", 0
    while i < len(expression):
        c = expression[i]
        if c.isalpha() or c == "_":
            j = i
            while j < len(expression) and (expression[j].isalpha() or expression[j].isdigit()
                                           or expression[j] == "_"):
                j += 1
            name = expression[i:j]
            value = names.get(name)
            if expression[j:j + 1] == "[" and type(value) in (list, tuple):
                k = expression.index("]", j)
                value = value[int(expression[j + 1:k])]
                name, j = expression[i:k + 1], k + 1
            if type(value) in (int, float) and expression[j:j + 1] != "(":
                if text:
                    pieces.append([text, None])
                pieces.append([name, value, type(value) is int])
                text = ""
            else:
                text += name
            i = j
        else:
            text += c
            i += 1
    if text:
        pieces.append([text, None])
    return pieces


def round3(value):
    """A value rounded to 3 significant digits, as the article writes its numbers.

    >>> round3(0.047425873177566774), round3(-0.9526), round3(-3.0), round3(0.0)
    (0.0474, -0.953, -3.0, 0.0)
    """
    if value == 0 or not math.isfinite(value):
        return value
    places = 2 - int(math.floor(math.log10(abs(value))))
    # Whole numbers divided, which any Python rounds correctly: -904 / 10000 is the float
    # nearest -0.0904, where MicroPython's round(-0.0903533, 4) is one float away from it.
    if places >= 0:
        return round(value * 10 ** places) / 10 ** places
    return float(round(value / 10 ** -places) * 10 ** -places)


def _copy(network):
    return [train.Neuron(list(n.weights), n.bias) for n in network]


def numbers(network):
    """The network's w1 ... w6 and b1, b2, b3, as the view lists them."""
    return {"w": [w for n in network for w in n.weights], "b": [n.bias for n in network]}


def trace(network, x, y_true, learn_rate, by_hand):
    """One step of learn() on the person x, run statement by statement on a copy of the network:
    each statement's line, code, kind and what it computed; and the copy, changed as learn()
    changes it."""
    copy = _copy(network)
    names = dict(train.__dict__)  # train.py's own sigmoid, deriv_sigmoid, Neuron...
    names.update(zip(PARAMETERS, [copy, x, y_true, learn_rate]))
    values = []
    for line, code in STATEMENTS:
        kind = kind_of(code)
        target, expression = code.split(" -= " if kind == "update" else " = ", 1)
        entry = {"line": line, "code": code, "kind": kind, "name": target.strip()}
        if kind != "read":
            entry["parts"] = parts(expression, names)
        if kind == "update":
            entry["old"] = names[target]
            # dL/dw: the product after learn_rate, as the update line writes it
            product = expression.split("learn_rate * ", 1)[1]
            entry["product"] = eval(product, names)
            entry["product_parts"] = parts(product, names)
        exec(code, names)
        if kind == "value" and by_hand:
            names[target] = round3(names[target])
        if kind in ("value", "update"):
            entry["value"] = names[target]
        else:
            targets = [t.strip() for t in target.split(",")]
            entry["names"] = [[t, names[t], type(names[t]) is int] for t in targets
                              if type(names.get(t)) in (int, float)]
        values.append(entry)
    return values, copy


# ---- The view's state ----------------------------------------------------------------------------

def _rows():
    table = view["table"]
    return table["rows"], table["y_trues"]


def start(kind, seed=1):
    """Start again from the article's start (every weight 1, every bias 0) or from a random one,
    as train.py's main() makes it: random_neuron() three times, after random.seed(seed)."""
    if kind == "article":
        network = [train.Neuron([1, 1], 0) for _ in range(3)]
    else:
        random.seed(seed)
        network = [train.random_neuron() for _ in range(3)]
    view.update(network=network, person=0, steps=0, start=_copy(network))
    return state()


def start_again():
    """Back to the last start, with the same learn rate and table."""
    view.update(network=_copy(view["start"]), person=0, steps=0)
    return state()


def set_learn_rate(text):
    """The learn rate from the box's text, read as CPython's float() reads it; None if no number.

    >>> set_learn_rate("0,5"), set_learn_rate(" 0.5 "), set_learn_rate("0.1")
    (None, 0.5, 0.1)
    """
    rate = read_number(text)
    if rate is not None:
        view["learn_rate"] = rate
    return rate


def set_person(index):
    view["person"] = int(index) % len(_rows()[0])
    return state()


def set_state(texts):
    """Set the view from text (a link, a saved state): w (six numbers), b (three), learn_rate,
    person and steps, each optional. A number that does not read leaves its part as it was; the
    answer says which did not.

    >>> start("article") and set_state({"w": ["0.5"] * 6, "b": ["0", "0", "x"], "steps": "8"})["refused"]
    ['b3']
    """
    refused = []
    network = view["network"]
    for part, count in (("w", 6), ("b", 3)):
        for i, text in enumerate(list(texts.get(part) or [])[:count]):
            number = read_number(str(text))
            if number is None:
                refused.append("%s%d" % (part, i + 1))
            elif part == "w":
                network[i // 2].weights[i % 2] = number
            else:
                network[i].bias = number
    if texts.get("learn_rate") is not None and set_learn_rate(str(texts["learn_rate"])) is None:
        refused.append("learn_rate")
    for name in ("person", "steps"):
        if texts.get(name) is not None:
            number = read_number(str(texts[name]))
            if number is None or number != int(number) or number < 0:
                refused.append(name)
            else:
                view[name] = int(number) % len(_rows()[0]) if name == "person" else int(number)
    answer = state()
    answer["refused"] = refused
    return answer


def set_table(names, rows, y_trues, other_names=(), other_rows=()):
    """Learn another table: a name, two numbers (x1, x2, as text) and y_true (0 or 1) per row, and
    people to try that it never learns from. The network stays; the count of steps starts again.

    >>> set_table(["a", "b"], [["0", "1"], ["1", "0"]], ["1", "0"])["refused"]
    []
    >>> set_table(["a"], [["0", "one"]], ["1"])["refused"]
    ['row 1, x2']
    >>> set_table(ARTICLE_TABLE["names"], ARTICLE_TABLE["rows"], ARTICLE_TABLE["y_trues"])["rows"]
    4
    """
    refused = []

    def read_rows(rows, label):
        read = []
        for i, row in enumerate(rows):
            x = []
            for j, text in enumerate(list(row)[:2]):
                number = read_number(str(text))
                if number is None:
                    refused.append("%s %d, x%d" % (label, i + 1, j + 1))
                x.append(number)
            read.append(x)
        return read

    rows = read_rows(rows, "row")
    others = read_rows(other_rows, "other")
    trues = []
    for i, text in enumerate(y_trues):
        number = read_number(str(text))
        if number not in (0, 1):
            refused.append("row %d, y_true" % (i + 1))
        trues.append(number)
    if not refused and rows and len(rows) == len(trues) == len(names):
        view["table"] = {"names": [str(n) for n in names], "rows": rows, "y_trues": [int(t) for t in trues],
                         "others": [[str(n), x] for n, x in zip(other_names, others)]}
        view.update(person=0, steps=0)
    elif not refused:
        refused.append("rows")
    return {"refused": refused, "rows": len(view["table"]["rows"])}


def article_table():
    """Back to the article's people, and Emily and Frank, to learn from."""
    view["table"] = ARTICLE_TABLE
    view.update(person=0, steps=0)
    return {"refused": [], "rows": len(ARTICLE_TABLE["rows"])}


def set_table_json(text):
    """set_table() with its arguments as JSON text, as the page sends them."""
    return set_table(*json.loads(text))


def set_state_json(text):
    """set_state() with its argument as JSON text, as the page sends it."""
    return set_state(json.loads(text))


def state():
    """The view's numbers: w1 ... w6, b1 ... b3, the learn rate, who is next, the steps taken."""
    answer = numbers(view["network"])
    rows = len(_rows()[0])
    answer.update(learn_rate=view["learn_rate"], person=view["person"], steps=view["steps"],
                  epoch=view["steps"] // rows, rows=rows, epochs=train.epochs)
    return answer


def loss():
    """train.py's loss(), the mean squared error, over the view's table."""
    rows, trues = _rows()
    train.data, train.all_y_trues = rows, trues  # train.loss() reads these names
    try:
        return train.loss(view["network"])
    finally:
        train.data, train.all_y_trues = ARTICLE_TABLE["rows"], ARTICLE_TABLE["y_trues"]


# ---- Learning ------------------------------------------------------------------------------------

def step(by_hand):
    """The next step, worked out and not yet taken: every value of learn() on the next person, in
    order, and the network it leads to. `take()` takes it."""
    rows, trues = _rows()
    person = view["person"]
    values, after = trace(view["network"], rows[person], trues[person], view["learn_rate"], by_hand)
    view["pending"] = after
    same = None
    if not by_hand:  # the statements, run one by one, must do what learn() itself does
        check = _copy(view["network"])
        train.learn(check, rows[person], trues[person], view["learn_rate"])
        same = numbers(check) == numbers(after)
    return {"values": values, "person": person, "x": rows[person], "y_true": trues[person],
            "after": numbers(after), "same_as_learn": same, "by_hand": by_hand}


def take():
    """Take the step that step() worked out: the network becomes the one it led to."""
    view["network"] = view.pop("pending")
    view["person"] = (view["person"] + 1) % len(_rows()[0])
    view["steps"] += 1
    return state()


def learn_steps(count):
    """`count` steps of train.py's learn() itself, from the next person on and round again, as
    train.py goes through its data; the loss after each step when there are few, else after each
    epoch (the article computes it at the end of each epoch)."""
    rows, trues = _rows()
    network, rate = view["network"], view["learn_rate"]
    losses = []
    every = 1 if count <= 4 * len(rows) else len(rows)
    for _ in range(count):
        person = view["person"]
        train.learn(network, rows[person], trues[person], rate)
        view["person"] = (person + 1) % len(rows)
        view["steps"] += 1
        if view["steps"] % every == 0:
            losses.append([view["steps"], loss()])
    view.pop("pending", None)
    return {"losses": losses, "state": state()}


def network_view(box, columns, rows):
    """What the drawings show now: the loss, each person's output (train.feedforward) and what the
    network says, and which side of 0.5 the output is on at the middle of each cell of a grid of
    `columns` x `rows` over box = [x1 low, x1 high, x2 low, x2 high], from the top row down: 1
    where it says 1 (female, for the article's people)."""
    network = view["network"]
    table = view["table"]
    people = []
    for name, x, y_true in zip(table["names"], table["rows"], table["y_trues"]):
        people.append([name, x, y_true, train.feedforward(network, x)])
    for name, x in table["others"]:
        people.append([name, x, None, train.feedforward(network, x)])
    low1, high1, low2, high2 = [float(v) for v in box]
    grid = []
    for row in range(rows):
        x2 = high2 - (row + 0.5) * (high2 - low2) / rows
        grid.append([1 if train.feedforward(network, [low1 + (c + 0.5) * (high1 - low1) / columns, x2]) > 0.5
                     else 0 for c in range(columns)])
    answer = state()
    answer.update(loss=loss(), people=people, grid=grid)
    return answer


def source():
    """train.py's text, for the page to show: the very text whose learn() runs here."""
    return _source()
