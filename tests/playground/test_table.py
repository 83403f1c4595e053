"""table_page.py reads a class's table as a spreadsheet pastes it, refuses bad rows one by one,
and learn_page.py learns it with the lesson's own functions."""
import sys
from pathlib import Path

from hypothesis import given, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "playground"))
import learn_page  # noqa: E402
from table_page import MOST_ROWS, READY, in_use, read_table, use  # noqa: E402

# What a spreadsheet in a country that writes a decimal comma gives when its cells are copied:
# a header row, then tab-separated values, the last line ended too.
SPREADSHEET = ("thing\tmass (g)\tvolume (cm3)\tfloats\r\n"
               "cork\t2,4\t10\t1\r\n"
               "ice cube\t9,2\t10\t1\r\n"
               "coin\t7,5\t1\t0\r\n"
               "marble\t5\t2\t0\r\n"
               "key\t10\t1,3\t0\r\n"
               "apple\t15\t18\t1\r\n")


def test_a_pasted_spreadsheet():
    table = read_table(SPREADSHEET)
    assert table["separator"] == "tab" and table["refused"] == []
    assert table["columns"] == ["thing", "mass (g)", "volume (cm3)", "floats"]
    assert [(row["name"], row["x"], row["y"]) for row in table["rows"]] == [
        ("cork", [2.4, 10.0], 1), ("ice cube", [9.2, 10.0], 1), ("coin", [7.5, 1.0], 0),
        ("marble", [5.0, 2.0], 0), ("key", [10.0, 1.3], 0), ("apple", [15.0, 18.0], 1)]


def test_each_bad_row_is_refused_alone_and_says_why():
    text = SPREADSHEET.replace("coin\t7,5", "coin\t7,5,1")
    text = text.replace("key\t10\t1,3\t0", "key\t10\t1,3\tyes")
    table = read_table(text + "\n\nshell\t1,500\t2\t0\n" + "lid\t1\n")
    assert [row["name"] for row in table["rows"]] == ["cork", "ice cube", "marble", "apple"]
    assert [(refused["row"], refused["why"]) for refused in table["refused"]] == [
        (4, 'x1 is "7,5,1": write 751, with no commas'),
        (6, 'the answer is "yes": write 0 or 1'),
        (10, 'x1 is "1,500": write 1.500 with a point, or 1500 with no comma'),
        (11, "it has 2 values: a name, x1, x2 and the answer are 4")]
    # the row as typed, for the page to show
    assert table["refused"][0]["text"] == "coin\t7,5,1\t1\t0"


def test_more_than_the_page_takes():
    text = "".join("p%d, %d, %d, %d\n" % (i, i, -i, i % 2) for i in range(MOST_ROWS + 2))
    table = read_table(text)
    assert len(table["rows"]) == MOST_ROWS
    assert [refused["row"] for refused in table["refused"]] == [MOST_ROWS + 1, MOST_ROWS + 2]
    assert table["refused"][0]["why"] == "the page learns from 30 rows at most"
    assert "infinite" not in read_table("a, inf, 1, 1")["refused"][0]["why"]
    assert read_table("a, inf, 1, 1")["refused"][0]["why"] == (
        'x1 is "inf": the neuron learns from finite numbers')


NAMES = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                                       blacklist_characters="\t,;"), min_size=1, max_size=24)
FLOATS = st.floats(allow_nan=False, allow_infinity=False)
ROWS = st.lists(st.tuples(NAMES, FLOATS, FLOATS, st.sampled_from([0, 1])),
                min_size=1, max_size=MOST_ROWS)


@given(ROWS, st.sampled_from(["\t", ";", ","]))
def test_any_table_reads_back_as_written(rows, mark):
    # Rows written with Python's repr of each float, as the page's link writes them, read back
    # as the very same floats, whatever the names hold; with a header row or without.
    rows = [(name.strip() or "x", x1, x2, y) for name, x1, x2, y in rows]
    text = "\n".join(mark.join([name, repr(x1), repr(x2), str(y)]) for name, x1, x2, y in rows)
    table = read_table("name%sa%sb%sy\n" % (mark, mark, mark) + text)
    assert table["refused"] == [] and table["columns"] == ["name", "a", "b", "y"]
    assert [(row["name"], row["x"][0], row["x"][1], row["y"]) for row in table["rows"]] == rows


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)))
def test_a_decimal_comma_between_tabs_is_the_number(x):
    written = repr(x).replace(".", ",")
    if "e" in written or len(written.split(",")[1]) == 3:
        return  # 1,500 is not read: 1.5 or 1500?
    assert read_table("a\t%s\t1\t1" % written)["rows"][0]["x"][0] == x


def test_the_ready_tables():
    assert set(READY) == {"and", "or", "xor", "float"}
    for name, table in READY.items():
        used = use("", ready=name)
        assert used["used"] and len(used["rows"]) == len(table["rows"])
    gates = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "xor": [0, 1, 1, 0]}
    for name, answers in gates.items():
        assert [row[3] for row in READY[name]["rows"]] == answers
    # what floats is lighter than the water it pushes aside: 1 g for each cm3
    assert all((mass < volume) == bool(floats)
               for _, mass, volume, floats in READY["float"]["rows"])


def test_learning_a_table_is_the_lessons_learning():
    # learn_page.learn_steps on "Does it float?" is the lesson's learn() on each row in turn, with
    # the learn rate of the box, and the loss is the lesson's mse_loss over the rows.
    from neuron import Neuron
    from one_neuron import learn, mse_loss
    use("", ready="float")
    rows = in_use()["rows"]
    trained = learn_page.learn_steps("0", "1", "4", 600, 0, "0.05")
    n = Neuron([0.0, 1.0], 4.0)
    for step in range(600):
        row = rows[step % len(rows)]
        learn(n, row["x"], row["y"], 0.05)
    assert (trained["weights"], trained["bias"]) == (n.weights, n.bias)
    outputs = [n.feedforward(r["x"]) for r in rows]
    assert trained["losses"][-1] == mse_loss([r["y"] for r in rows], outputs)
    assert trained["losses"][-1] < 0.01
    use("", ready="people")
