"""A class's own table, read in the page's Python: a name, x1, x2 and a 0/1 answer on each row.

The page hands over the text as it was typed or pasted (a spreadsheet gives tab-separated rows),
or a ready table's name; this file reads each number as CPython's float() reads text (page.py's
read_number), keeps the rows it can read, and says of each row it refuses which row it is and
what is wrong. It holds the table the page learns from (`current`), for learn_page.py and any
other view; the page's own text is never changed, so nothing the class typed is lost.
"""
from page import read_number, what_to_write

MOST_ROWS = 30  # rows the page learns from, at most: a table a class types, a link that fits
LONGEST_NAME = 24  # characters of a row's name, at most: room on the drawing
LONGEST_COLUMN = 30  # characters of a column's name kept (from a header row), for the axes


def _lines(text):
    # str.splitlines, which the micro:bit's MicroPython lacks: \r\n, \r or \n end a line
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def separator_of(lines):
    """What stands between the values: a tab (a spreadsheet's paste), else ";", else ",", else
    spaces (None).

    >>> separator_of(["a\\t1,5\\t2\\t1"]), separator_of(["a;1,5;2;1"]), separator_of(["a, 1, 2, 1"])
    ('\\t', ';', ',')
    >>> separator_of(["Alice -2 -1 1"]) is None
    True
    """
    for mark in ("\t", ";", ","):
        for line in lines:
            if mark in line:
                return mark
    return None


def _fields(line, mark):
    if mark is None:
        return line.split()
    fields = [field.strip() for field in line.split(mark)]
    while fields and fields[-1] == "":  # a spreadsheet's empty cells at the end of a row
        fields.pop()
    return fields


def _grouped(text, thousands):
    # "1,234" or "12,345,678": digits in groups of three after the first, between the marks
    parts = text.lstrip("+-").split(thousands)
    return 1 <= len(parts[0]) <= 3 and all(len(part) == 3 for part in parts[1:]) and all(
        part and all("0" <= c <= "9" for c in part) for part in parts)


def read_value(text, mark):
    """The number in a cell, or (None, what to write); a decimal comma is read where nothing
    else can be meant: between values not separated by commas, not 1,500 (1.5 or 1500?).

    >>> read_value("1,5", "\\t"), read_value("-0,25", ";"), read_value("1.234,5", "\\t")
    ((1.5, None), (-0.25, None), (1234.5, None))
    >>> read_value("1,234.5", "\\t"), read_value("\u0663", "\\t"), read_value("1_000", None)
    ((1234.5, None), (3.0, None), (1000.0, None))
    >>> read_value("1,500", "\\t")
    (None, 'write 1.500 with a point, or 1500 with no comma')
    >>> read_value("abc", ",")
    (None, 'write a number as Python does, such as 2.5, -0.1, 1e-3 or inf')
    """
    number = read_number(text)
    if number is not None:
        return number, None
    plain = text.strip()
    if mark != "," and plain.count(",") >= 1:
        mantissa, exponent = plain, ""
        for letter in "eE":
            if letter in plain:
                mantissa, exponent = plain.split(letter, 1)
                exponent = letter + exponent
        whole, comma, fraction = mantissa.rpartition(",")
        if "." not in mantissa and whole.count(",") == 0 and len(fraction) != 3:
            number = read_number(whole + "." + fraction + exponent)  # 1,5: a decimal comma
        elif "." in whole and "." not in fraction and _grouped(whole, "."):
            number = read_number(whole.replace(".", "") + "." + fraction + exponent)  # 1.234,5
        elif "." in mantissa and mantissa.index(",") < mantissa.index(".") and "," not in \
                mantissa.split(".")[1] and _grouped(mantissa.split(".")[0], ","):
            number = read_number(mantissa.replace(",", "") + exponent)  # 1,234.5
        if number is not None:
            return number, None
    return None, what_to_write(text)


def _quoted(text):
    return '"%s"' % text


def _refusal(row, line, why):
    return {"row": row, "text": line, "why": why}


def read_table(text):
    """The rows of a table as typed or pasted, each a name, x1, x2 and a 0/1 answer (a row of
    three numbers has no name), and the rows refused, each with its row, counted as the text has
    them from 1, and what is wrong. A first row whose values are no numbers is a header: its
    names go on the axes.

    >>> table = read_table("name\\tmass (g)\\tvolume (cm3)\\tfloats\\ncork\\t2,4\\t10\\t1\\n"
    ...                    "coin\\t7,1\\t1\\t0\\nkey\\t1,500\\t1\\t0\\n")
    >>> table["columns"], table["separator"]
    (['name', 'mass (g)', 'volume (cm3)', 'floats'], 'tab')
    >>> [(row["name"], row["x"], row["y"]) for row in table["rows"]]
    [('cork', [2.4, 10.0], 1), ('coin', [7.1, 1.0], 0)]
    >>> for refused in table["refused"]:
    ...     print(refused["row"], refused["why"])
    4 x1 is "1,500": write 1.500 with a point, or 1500 with no comma
    >>> for refused in read_table("0, 0, 0\\n1,5, 1, 1\\nAlice, 2, 1\\n1, 1, 2")["refused"]:
    ...     print(refused["row"], refused["why"])
    2 it has 4 values, where the rows above have 3 (x1, x2 and the answer): between values with commas, write a decimal with a point, 1.5
    3 x1 is "Alice": write a number as Python does, such as 2.5, -0.1, 1e-3 or inf
    4 the answer is "2": write 0 or 1
    >>> read_table("Emily Brown  -7 -3 1")["rows"][0]["name"]
    'Emily Brown'
    """
    lines = _lines(text)
    mark = separator_of(lines)
    rows, refused, columns = [], [], None
    width = None  # 4 values on a row (a name, x1, x2, the answer) or 3 (no name): as the first row
    for number, line in enumerate(lines, 1):
        if line.strip() == "":
            continue
        fields = _fields(line, mark)
        if mark is None and len(fields) > 4:  # spaces between the values: a name may have some
            fields = [" ".join(fields[:-3])] + fields[-3:]
        if width is None and len(fields) in (3, 4):
            width = len(fields)
        if len(fields) != (width or 4) and not (mark is None and len(fields) == 4):
            if width is None or len(fields) < 3:
                why = "it has %d value%s: a name, x1, x2 and the answer are 4" % (
                    len(fields), "" if len(fields) == 1 else "s")
            else:
                why = "it has %d values, where the rows above have %d (%s)" % (
                    len(fields), width, "x1, x2 and the answer" if width == 3
                    else "a name, x1, x2 and the answer")
            if mark == "," and len(fields) > 3:
                why += ": between values with commas, write a decimal with a point, 1.5"
            refused.append(_refusal(number, line, why))
            continue
        if len(fields) == 3:
            fields = [""] + fields
        values = [read_value(field, mark) for field in fields[1:]]
        if columns is None and not rows and not refused and all(v[0] is None for v in values):
            columns = [field[:LONGEST_COLUMN] for field in fields]  # a header row
            continue
        why = []
        for name, field, (value, hint) in zip(("x1", "x2", "the answer"), fields[1:], values):
            if name == "the answer":
                if value is None or value not in (0, 1):
                    why.append("the answer is %s: write 0 or 1" % _quoted(field))
            elif value is None:
                why.append("%s is %s: %s" % (name, _quoted(field), hint))
            elif value - value != 0:  # inf or nan
                why.append("%s is %s: the neuron learns from finite numbers" % (name, _quoted(field)))
        if len(fields[0]) > LONGEST_NAME:
            why.append("its name is %d characters long: %d at most, please" % (
                len(fields[0]), LONGEST_NAME))
        if not why and len(rows) == MOST_ROWS:
            why.append("the page learns from %d rows at most" % MOST_ROWS)
        if why:
            refused.append(_refusal(number, line, "; ".join(why)))
            continue
        rows.append({"name": fields[0] or "row %d" % number,
                     "x": [values[0][0], values[1][0]], "y": int(values[2][0])})
    return {"rows": rows, "refused": refused, "columns": columns,
            "separator": {"\t": "tab", ";": "semicolon", ",": "comma", None: "spaces"}[mark]}


# ---- The ready tables and the table in use ------------------------------------------------------

# Each ready table: its title, its columns (a name, x1, x2 and the answer), its labels (the words
# for a 0 and a 1), and its rows. "people", the lesson's own data, is people() below, with Emily and Frank;
# these are the others a teacher can pick. None holds data about a pupil.
READY = {
    "and": {"title": "AND gate", "columns": ["inputs", "x1", "x2", "x1 AND x2"],
            "labels": ["0", "1"], "rows": [["0 0", 0, 0, 0], ["0 1", 0, 1, 0],
                                           ["1 0", 1, 0, 0], ["1 1", 1, 1, 1]]},
    "or": {"title": "OR gate", "columns": ["inputs", "x1", "x2", "x1 OR x2"],
           "labels": ["0", "1"], "rows": [["0 0", 0, 0, 0], ["0 1", 0, 1, 1],
                                          ["1 0", 1, 0, 1], ["1 1", 1, 1, 1]]},
    "xor": {"title": "XOR (one neuron cannot)", "columns": ["inputs", "x1", "x2", "x1 XOR x2"],
            "labels": ["0", "1"], "rows": [["0 0", 0, 0, 0], ["0 1", 0, 1, 1],
                                           ["1 0", 1, 0, 1], ["1 1", 1, 1, 0]]},
    # Does it float? Mass and volume of things from a kitchen drawer: what floats is lighter than
    # the water it would push aside (1 g for each cm3), so the answer is a straight line's side.
    "float": {"title": "Does it float?", "columns": ["thing", "mass (g)", "volume (cm3)", "floats"],
              "labels": ["sinks", "floats"],
              "rows": [["cork", 2.4, 10, 1], ["ice cube", 9.2, 10, 1], ["candle", 18, 20, 1],
                       ["apple", 15, 18, 1], ["coin", 7.5, 1, 0], ["marble", 5, 2, 0],
                       ["key", 10, 1.3, 0], ["pebble", 13, 5, 0]]},
}

current = None  # the table the page learns from: set by use(); learn_page.py reads it


def ready_text(name):
    """A ready table as text, tab-separated with its header, as the page shows it to edit.

    >>> print(ready_text("and").replace("\\t", " | "))
    inputs | x1 | x2 | x1 AND x2
    0 0 | 0 | 0 | 0
    0 1 | 0 | 1 | 0
    1 0 | 1 | 0 | 0
    1 1 | 1 | 1 | 1
    """
    table = READY[name]
    lines = ["\t".join(table["columns"])]
    for row in table["rows"]:
        lines.append("\t".join(str(value) for value in row))
    return "\n".join(lines)


def people():
    """The lesson's own data, lessons/one_neuron.py's four people, with Emily and Frank, whom the
    neuron never learns from, as the panel has always shown them.

    >>> [(row["name"], row["x"], row["y"]) for row in people()["rows"]][:2]
    [('Alice', [-2, -1], 1), ('Bob', [25, 6], 0)]
    """
    from one_neuron import data, all_y_trues, emily, frank
    return {"title": "the article's four people",
            "columns": ["person", "weight \u2212 135 (lb)", "height \u2212 66 (in)", "female"],
            "labels": ["male", "female"],
            "rows": [{"name": name, "x": x, "y": y}
                     for name, x, y in zip(PEOPLE, data, all_y_trues)],
            "newcomers": [{"name": "Emily", "x": emily}, {"name": "Frank", "x": frank}],
            "box": [-20, 30, -8, 8]}


PEOPLE = ["Alice", "Bob", "Charlie", "Diana"]  # the names of one_neuron.data's rows, in order


def box_around(rows):
    """The part of the (x1, x2) plane to draw, [x1 low, x1 high, x2 low, x2 high]: every row,
    with a sixth of the room again on each side, and a third above, where the drawing writes the
    x2 axis's name.

    >>> box_around([{"x": [0.0, 0.0]}, {"x": [1.0, 3.0]}])
    [-0.16666666666666666, 1.1666666666666667, -0.5, 4.0]
    """
    box = []
    for i in (0, 1):
        values = [row["x"][i] for row in rows]
        low, high = min(values), max(values)
        room = (high - low) / 6 if high > low else max(1.0, abs(low) / 6)
        box += [low - room, high + room * (2 if i else 1)]
    return box


def use(text, ready=None):
    """Makes the table the page learns from: a ready table by its name ("people" is the
    lesson's own), else the rows that text holds; gives what was read, and keeps the table in use
    as it was where text holds no row.

    >>> use("", ready="xor")["title"], [row["y"] for row in in_use()["rows"]]
    ('XOR (one neuron cannot)', [0, 1, 1, 0])
    >>> answer = use("name;x1;x2;big\\nA;0,5;1;1\\nB;x;1;0")
    >>> answer["title"], answer["rows"][0]["x"], answer["refused"][0]["row"], answer["labels"]
    ('your table', [0.5, 1.0], 3, ['not big', 'big'])
    >>> use("nonsense")["used"], in_use()["title"]
    (False, 'your table')
    """
    global current
    ready = ready or None  # "" from the page: the rows of text
    if ready == "people":
        table = dict(people(), refused=[], separator=None)
    elif ready is not None:
        table = READY[ready]
        table = {"title": table["title"], "columns": table["columns"], "labels": table["labels"],
                 "rows": [{"name": name, "x": [float(x1), float(x2)], "y": y}
                          for name, x1, x2, y in table["rows"]],
                 "refused": [], "separator": "tab", "newcomers": []}
    else:
        table = read_table(text)
        table["title"] = "your table"
        answer = table["columns"] and table["columns"][3]  # the answer's column, by its name
        table["labels"] = ["not " + answer, answer] if answer else ["0", "1"]
        table["newcomers"] = []
    table["ready"] = ready
    table["used"] = len(table["rows"]) > 0
    if table["used"]:
        if "box" not in table:
            table["box"] = box_around(table["rows"] + table["newcomers"])
        current = table
    return table


def in_use():
    """The table the page learns from: the lesson's four people until the page picks another."""
    if current is None:
        use("", ready="people")
    return current


def example(w1, w2, b):
    """The boxes' neuron on one row of the table, for the page's "copy as Python": the row it is
    least sure of (its output nearest 0.5; the first of those), with its name and x, and
    neuron.py's output for it; None where a box holds no number.

    >>> use("", ready="people")["title"]
    "the article's four people"
    >>> example("0", "1", "4")
    {'name': 'Diana', 'x': [-15, -6], 'output': 0.11920292202211755}
    >>> example("abc", "1", "4") is None
    True
    """
    from neuron import Neuron
    from page import number_or_text
    try:
        n = Neuron([number_or_text(w1), number_or_text(w2)], number_or_text(b))
    except (TypeError, ValueError):
        return None
    found = None
    for row in in_use()["rows"]:
        output = n.feedforward(row["x"])
        if found is None or abs(output - 0.5) < abs(found["output"] - 0.5):
            found = {"name": row["name"], "x": row["x"], "output": output}
    return found


def network_example(weights, biases):
    """The network's three neurons (h1 with w1, w2, b1; h2 with w3, w4, b2; o1 with w5, w6, b3,
    each as text, Python's repr) on the row of the table it is least sure of, for "copy as
    Python": the row's name and x, and the output o1.feedforward([h1.feedforward(x),
    h2.feedforward(x)]), as lessons/train.py's feedforward() works it out.

    >>> use("", ready="people")["title"]
    "the article's four people"
    >>> example = network_example(["1.0"] * 6, ["0.0"] * 3)   # the article's start
    >>> example["name"], example["output"]
    ('Diana', 0.5000000003791281)
    """
    from neuron import Neuron
    w = [float(text) for text in weights]
    b = [float(text) for text in biases]
    h1, h2, o1 = Neuron(w[0:2], b[0]), Neuron(w[2:4], b[1]), Neuron(w[4:6], b[2])
    found = None
    for row in in_use()["rows"]:
        output = o1.feedforward([h1.feedforward(row["x"]), h2.feedforward(row["x"])])
        if found is None or abs(output - 0.5) < abs(found["output"] - 0.5):
            found = {"name": row["name"], "x": row["x"], "output": output}
    return found
