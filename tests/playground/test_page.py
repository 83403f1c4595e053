"""page.py reads a box as CPython's float() reads text, on any text a class might type."""
import sys
import unicodedata
from pathlib import Path

from hypothesis import example, given, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "playground"))
from page import DIGIT_ZEROS, SPACES, cpython_repr, read_number, what_to_write  # noqa: E402


def test_the_digit_zeros_are_cpythons():
    # Every zero of a run of ten decimal digits that this CPython knows is in page.py's list, and
    # every one in the list is such a zero here, or a character this CPython's Unicode predates.
    known = [code for code in range(128, 0x110000) if unicodedata.decimal(chr(code), None) == 0]
    assert set(known) <= set(DIGIT_ZEROS)
    for zero in DIGIT_ZEROS:
        if unicodedata.category(chr(zero)) != "Cn":
            assert [unicodedata.decimal(chr(zero + i), None) for i in range(10)] == list(range(10))


def test_the_spaces_are_cpythons():
    assert set(SPACES) == {chr(code) for code in range(0x110000) if chr(code).isspace()}


def cpython_float(text):
    try:
        return float(text)
    except ValueError:
        return None


# Texts made of what a number is made of, in several scripts, with the characters that make one
# wrong: a comma, a space inside, a doubled underscore, letters of inf and nan, a Unicode minus.
PIECES = st.sampled_from(list("0123456789.eE+-_ ,x") + [
    "inf", "nan", "infinity", "\u0663", "\uff17", "\u0966", "\U0001D7D9", "\xa0", "\u2212",
    "\u3000"])
TEXTS = st.lists(PIECES, max_size=12).map("".join)


@given(st.one_of(TEXTS, st.text(max_size=12)))
@example("1__0")
@example(".")
@example("e5")
@example("1_.5")
@example("0x10")
@example("-nan")
@example("\u0663.\u0665e-\uff12")
@example("1e99999")
@example(" \u2003+.5E-3\u205f")
def test_read_number_reads_as_cpythons_float(text):
    expected = cpython_float(text)
    got = read_number(text)
    if expected is None or got is None:
        assert got is expected
    else:
        assert repr(got) == repr(expected)  # nan == nan is false; the reprs say the same


@given(st.one_of(TEXTS, st.text(max_size=12)))
@example("1,5")
@example(", 0")  # the number a hint suggests starts at once, with no space before it
@example("2,500")
@example("1.000,5")
@example("1,000,000")
@example("\u22123")
def test_what_to_write_is_a_number_python_reads(text):
    if cpython_float(text) is None:
        hint = what_to_write(text)
        assert hint.startswith("write ")
        suggested = hint[len("write "):].split(" ")[0].rstrip(",:")
        if suggested != "a":  # "write a number as Python does, such as ..."
            assert cpython_float(suggested) is not None, hint


@given(st.text(alphabet=st.sampled_from(
    list("ab1'\"\\\n\r\t\x00\x7f\x85\xa0\xad") + [
        "\u0663", "\u2212", "\u2003", "\u200b", "\u202e", "\u3000", "\ufeff", "\ue000", "\u00e9",
        "\u4e00"]), max_size=8))
@example("it's")
@example("'\"")
def test_cpython_repr_is_cpythons(text):
    assert cpython_repr(text) == repr(text)
