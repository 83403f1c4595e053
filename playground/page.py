"""The Python half of the playground page: the boxes' text goes in, neuron.py's answers come out.

The page hands over each box's text as it was typed, and Python reads the number in it as
CPython's float() reads text (read_number, below). Text that is no number reaches neuron.py as it
is, so that neuron.py itself says what is wrong with it, and the page adds what to write instead.
"""
from neuron import Neuron, sigmoid

# ---- Reading a box as CPython's float() reads text -----------------------------------------
# The page runs in MicroPython, whose float() is looser and narrower than CPython's: it reads
# "." and "e5" as 0.0 and "1__0" as 10.0, and refuses "٣" (Arabic-Indic three) and "３"
# (full-width three), which CPython reads as 3.0. So the page checks the text against CPython's
# rules first, turns it into the plain digits CPython would see, and only then calls float().

# Unicode's decimal digits: every script's digits are ten code points in a row, 0 to 9, so the
# zeros are enough. (CPython finds them with unicodedata, which MicroPython lacks; the tests check
# this list, from Unicode 15.1, against CPython's own.)
DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0,
    0x1E950, 0x1FBF0,
)
# What str.isspace() calls space: float() ignores it before and after the number.
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
DIGITS = "0123456789"


def plain_text(text):
    """The text as CPython's float() first makes it: every digit 0-9, every space ' ', stripped.

    >>> plain_text(" \u0663.\u0665\u00a0"), plain_text("\uff11e\uff13")
    ('3.5', '1e3')
    """
    characters = []
    for character in text:
        code = ord(character)
        if character in SPACES:
            character = " "
        elif code > 127:
            for zero in DIGIT_ZEROS:
                if zero <= code < zero + 10:
                    character = DIGITS[code - zero]
                    break
        characters.append(character)
    return "".join(characters).strip(" ")


def _digits(text):
    return text != "" and all(character in DIGITS for character in text)


def _is_decimal(text):
    # [sign] digits [. digits] [e [sign] digits], with a digit before or after the point
    if text[:1] in ("+", "-"):
        text = text[1:]
    if text.lower() in ("inf", "infinity", "nan"):
        return True
    mantissa, exponent = text, None
    for letter in "eE":
        if letter in text:
            mantissa, exponent = text.split(letter, 1)
    if exponent is not None:
        if exponent[:1] in ("+", "-"):
            exponent = exponent[1:]
        if not _digits(exponent):
            return False
    whole, point, fraction = mantissa.partition(".")
    return (_digits(whole) or _digits(fraction)) and all(part == "" or _digits(part)
                                                        for part in (whole, fraction))


def read_number(text):
    """The float that CPython's float(text) gives, or None where it raises ValueError.

    >>> read_number("2.5"), read_number(" -1e3 "), read_number("1e999"), read_number("1_000")
    (2.5, -1000.0, inf, 1000.0)
    >>> read_number("\u0663"), read_number("\uff13"), read_number("1,5"), read_number("0x10")
    (3.0, 3.0, None, None)
    """
    text = plain_text(text)
    # An underscore may stand between two digits, as in 1_000, and nowhere else.
    for i, character in enumerate(text):
        if character == "_" and not (0 < i < len(text) - 1 and text[i - 1] in DIGITS
                                     and text[i + 1] in DIGITS):
            return None
    text = text.replace("_", "")
    return float(text) if _is_decimal(text) else None


def number_or_text(text):
    """The number in a box (read_number), or the box's text itself where Python reads none, for
    neuron.py to refuse in its own words.

    >>> number_or_text("2.5"), number_or_text("\u0663"), number_or_text("1,5")
    (2.5, 3.0, '1,5')
    """
    number = read_number(text)
    return text if number is None else number


def what_to_write(text):
    """For a box whose text is no number: what to write instead, in a learner's words.

    >>> what_to_write("1,5")
    'write 1.5, with a point'
    >>> what_to_write("1 000"), what_to_write("\u22123")
    ('write 1000, with no spaces', 'write -3, with the keyboard\\'s minus sign "-"')
    >>> what_to_write("0x10")
    'write 16: float() reads no hexadecimal'
    >>> what_to_write("abc")
    'write a number as Python does, such as 2.5, -0.1, 1e-3 or inf'
    """
    plain = plain_text(text)
    for dash in "\u2212\u2013\u2014":  # a minus sign, an en dash, an em dash
        if dash in plain and read_number(plain.replace(dash, "-")) is not None:
            return 'write %s, with the keyboard\'s minus sign "-"' % plain.replace(dash, "-")
    if "," in plain:
        if plain.count(",") == 1 and "." not in plain:
            with_point = plain.replace(",", ".")
            if read_number(with_point) is not None:
                if len(plain.split(",")[1]) == 3:  # 2,500: two and a half, or two thousand?
                    return "write %s with a point, or %s with no comma" % (
                        with_point, plain.replace(",", ""))
                return "write %s, with a point" % with_point
        european = plain.replace(".", "").replace(",", ".")
        if plain.count(",") == 1 and plain.index(",") > plain.find(".") >= 0 \
                and read_number(european) is not None:
            return "write %s: Python's point is a dot, and it takes no thousands marks" % european
        without = plain.replace(",", "").strip()  # ", 0" leaves a space to drop
        if read_number(without) is not None:
            return "write %s, with no commas" % without
    if " " in plain and read_number(plain.replace(" ", "")) is not None:
        return "write %s, with no spaces" % plain.replace(" ", "")
    lowered = plain.lower().lstrip("+-")
    if lowered[:2] in ("0x", "0o", "0b"):
        try:
            return "write %d: float() reads no %s" % (int(plain, 0), {
                "0x": "hexadecimal", "0o": "octal", "0b": "binary"}[lowered[:2]])
        except ValueError:
            pass
    return "write a number as Python does, such as 2.5, -0.1, 1e-3 or inf"


# ---- The neuron ------------------------------------------------------------------------------

# The boxes in the order the page gives them, and how neuron.py names each in its messages
# ("weights[0] must be a real number, ..."): its lists count from 0, the page's labels from 1.
BOXES = ("w1", "w2", "b", "x1", "x2")
BOX_NAMED = {"weights[0]": "w1", "weights[1]": "w2", "bias": "b", "inputs[0]": "x1", "inputs[1]": "x2"}


def _escaped(code):
    # Characters that CPython's repr writes as escapes though they are not ASCII: the controls,
    # the spaces other than " ", and the invisible ones a paste can bring in (soft hyphens,
    # zero-width and direction marks, private use). MicroPython's repr escapes everything past
    # ASCII, which would show a learner's "−2" as '\u22122'.
    return (code < 0x20 or 0x7F <= code <= 0xA0 or code == 0xAD or code in (0x61C, 0x180E, 0xFEFF)
            or (code != 0x20 and chr(code) in SPACES) or 0x200B <= code <= 0x200F
            or 0x2028 <= code <= 0x202E or 0x2060 <= code <= 0x206F or 0xD800 <= code <= 0xF8FF
            or 0xFFF9 <= code <= 0xFFFB)


def cpython_repr(text):
    """A str's repr as CPython writes it, in MicroPython too.

    >>> print(cpython_repr("\u22122"), cpython_repr("it's"), cpython_repr("a\\u00a0b\\n"))
    '−2' "it's" 'a\\xa0b\\n'
    """
    quote = '"' if "'" in text and '"' not in text else "'"
    written = []
    for character in text:
        code = ord(character)
        if character in (quote, "\\"):
            written.append("\\" + character)
        elif character in "\n\r\t":
            written.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[character])
        elif _escaped(code):
            written.append(("\\x%02x" if code < 0x100 else "\\u%04x") % code)
        else:
            written.append(character)
    return quote + "".join(written) + quote


def neuron_message(box, text):
    """neuron.py's own message for text in one box, the other boxes holding numbers.

    >>> neuron_message("x2", "1,5")
    "TypeError: inputs[1] must be a number, not text: float(input()) reads one, got '1,5' (str)"
    """
    values = dict((name, 0.0) for name in BOXES)
    values[box] = text
    try:
        Neuron([values["w1"], values["w2"]], values["b"]).feedforward([values["x1"], values["x2"]])
    except (TypeError, ValueError) as error:
        # neuron.py quotes the text with repr(): as CPython would, for the message CPython gives
        return ("%s: %s" % (type(error).__name__, error)).replace(repr(text), cpython_repr(text))
    return None


def evaluate(w1, w2, b, x1, x2):
    """What the page shows for the boxes' text: what Python reads in each box, neuron.py's numbers
    where it has them all, and for a box with no number in it, neuron.py's message and a hint.

    >>> answer = evaluate("0", "1", "4", "2", "3")    # the worked example
    >>> answer["output"], answer["sum"], answer["terms"], answer["refused"], answer["waiting"]
    (0.9990889488055994, 7.0, [0.0, 3.0], {}, [])
    >>> answer["weights"], answer["bias"], answer["inputs"]
    ([0.0, 1.0], 4.0, [2.0, 3.0])
    >>> refused = evaluate("abc", "1", "4", "2", "3")
    >>> print(refused["refused"]["w1"]["error"])
    TypeError: weights[0] must be a number, not text: float(input()) reads one, got 'abc' (str)
    >>> refused["refused"]["w1"]["named"], refused["output"]
    ('weights[0]', None)
    >>> refused["terms"], refused["weights"]    # the parts that do not need w1 still show
    ([None, 3.0], [None, 1.0])
    >>> waiting = evaluate("0", "1", "4", " ", "3")    # an empty box waits, with no message
    >>> waiting["waiting"], waiting["refused"], waiting["output"]
    (['x1'], {}, None)
    >>> evaluate("1e999", "1", "4", "0", "3")["nan_from"]
    'w1\\xb7x1 is inf \\xd7 0.0, which has no value'
    """
    texts = dict(zip(BOXES, (w1, w2, b, x1, x2)))
    read = dict((name, read_number(texts[name])) for name in BOXES)
    waiting = [name for name in BOXES if read[name] is None and plain_text(texts[name]) == ""]
    refused = {}
    for name in BOXES:
        if read[name] is None and name not in waiting:
            error = neuron_message(name, texts[name])
            refused[name] = {"error": error, "named": error.split(": ", 1)[1].split(" ")[0],
                             "hint": what_to_write(texts[name])}
    answer = {"read": read, "waiting": waiting, "refused": refused, "nan_from": None,
              "weights": [read["w1"], read["w2"]], "bias": read["b"],
              "inputs": [read["x1"], read["x2"]], "terms": [None, None], "sum": None, "output": None}
    # Each input times its weight, where the page has both: a bad box leaves the rest showing.
    for i in (0, 1):
        if answer["weights"][i] is not None and answer["inputs"][i] is not None:
            answer["terms"][i] = answer["weights"][i] * answer["inputs"][i]
    if None in read.values():
        return answer
    neuron = Neuron(answer["weights"], answer["bias"])
    answer["output"] = neuron.feedforward(answer["inputs"])
    # What feedforward multiplies and adds, for the page to show: the neuron's own weights and
    # bias, the inputs it took, each input times its weight, and the sum that it passes to sigmoid,
    # added up in the same order.
    answer["weights"], answer["bias"] = neuron.weights, neuron.bias
    terms = answer["terms"] = [weight * x for weight, x in zip(neuron.weights, answer["inputs"])]
    answer["sum"] = weighted_sum(neuron, answer["inputs"])
    if answer["sum"] != answer["sum"]:
        answer["nan_from"] = nan_from(read, terms)
    return answer


def weighted_sum(neuron, inputs):
    """The sum a Neuron passes to sigmoid, w1 * x1 + w2 * x2 + b, added up as feedforward adds
    it. The Neuron keeps this sum to itself (the article's feedforward gives only the output),
    so the page works it out here, for the boxes (evaluate) and the learning panel's boundary.

    >>> weighted_sum(Neuron([0, 1], 4), [2, 3])
    7.0
    """
    total = 0.0
    for weight, x in zip(neuron.weights, inputs):
        total += weight * x
    return total + neuron.bias


def nan_from(read, terms):
    """Where a sum that is nan (not a number) came from, in words.

    >>> nan_from({"w1": 0.0, "w2": float("nan"), "b": 0.0, "x1": 0.0, "x2": 0.0}, [0.0, 0.0])
    'w2 is nan, and a sum with a nan in it is nan'
    >>> inf = float("inf")
    >>> nan_from({"w1": inf, "w2": 1.0, "b": -inf, "x1": 1.0, "x2": 0.0}, [inf, 0.0])
    'the sum adds inf and -inf, which has no value'
    """
    for name in BOXES:
        if read[name] != read[name]:
            return "%s is nan, and a sum with a nan in it is nan" % name
    for i in (0, 1):
        if terms[i] != terms[i]:
            weight, x = read["w%d" % (i + 1)], read["x%d" % (i + 1)]
            return "w%d\xb7x%d is %r \xd7 %r, which has no value" % (i + 1, i + 1, weight, x)
    return "the sum adds inf and -inf, which has no value"


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
