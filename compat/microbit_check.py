"""The self-check of neuron.py on a BBC micro:bit v1, for compat/run.py. From the repository root:

    python3 compat/microbit_check.py

compat/selfcheck.py cannot run on the board: it needs far more than the board's 9.5 KB of heap,
and its expected values are doubles, where the board's floats are float32 (less two bits: see
BOARD_ULP). So this file runs on
CPython, which works out what the board should print, and sends the board small programs, one at
a time, through compat/microbit.mjs (the board, emulated: see there). Each program is as a learner
would write it, and small enough for the board: a few lines to compile in its heap, and calls no
deeper than its stack allows (six nested Python calls from main.py and at the >>> prompt, four
from the top of a module that main.py imports; one more raises RuntimeError). Besides the
numbers and the messages it checks what neuron.py leaves a learner: at most 2,500 bytes of the
heap taken by import neuron, every refusal raised two functions deep in the learner's program
(from main.py, and typed at the prompt), and a lesson in an imported module.

The board prints each float as the 32 bits that hold it, so that nothing is lost to its 6-digit
printing. The expected values are CPython's: the same program run here, where struct.pack rounds
each double to float32, and for the sigmoid grids the exact value, worked out to 50 digits with
decimal and rounded to float32. The expected error messages are CPython's too, from the same calls
against the same neuron.py. A failed check is printed; the run ends in AssertionError if any did.
"""
import contextlib
import decimal
import io
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPOSITORY)  # the same neuron.py as the board's, for CPython's expected values

# The board's floats are not quite float32: each keeps 30 of the 32 bits, the two lowest bits of
# the mantissa cleared (MicroPython's object representation C packs a float into one word with a
# 2-bit tag). So its numbers lie 4 float32 ulp apart, and each result is cut down to one of them,
# up to 3 float32 ulp below the float32 nearest to it. Its smallest positive float is 2**-147,
# where float32's is 2**-149.
BOARD_ULP = 4
SMALLEST_BOARD_FLOAT = 2.0 ** -147
# The largest error the sigmoid may have on the board, in float32 ulp (how many float32s apart its
# result and the exact value's nearest float32 are): one of the board's ulps for each of the three
# steps that cut a result down (e**-x, 1 + that, 1 / that), and one more because below 1.0 the
# ulp of 1 + e**-x is twice the result's. More than that is a wrong formula, not rounding.
MAX_ULP = 4 * BOARD_ULP

# Every program starts with this: on the board and on CPython alike it prints a float as the 32
# bits of a float32, which on CPython rounds the double to float32 first.
BITS = """import struct
def bits(x):
    return struct.unpack('<I', struct.pack('<f', x))[0]
"""

# The board's free heap before and after import neuron, and what it says it is. A learner's
# program needs the rest: the article's training written flat (compat/learner.py, below) has to
# compile and run beside it, which leaves neuron.py at most 2,500 bytes.
MOST_HEAP = 2500
HEAP = """import gc
gc.collect()
before = gc.mem_free()
import neuron
gc.collect()
print(before, gc.mem_free())
import sys
version = '%d.%d.%d' % sys.implementation.version
print('%s %s, Python %s' % (sys.implementation.name, version, sys.version))
"""

# The article's worked example and its 2-2-1 network, as a learner writes them: inside main().
LEARNER = """from neuron import Neuron

def main():
    n = Neuron([0, 1], 4)
    print(bits(n.feedforward([2, 3])))
    h1 = Neuron([0, 1], 0)
    h2 = Neuron([0, 1], 0)
    o1 = Neuron([0, 1], 0)
    x = [2, 3]
    print(bits(o1.feedforward([h1.feedforward(x), h2.feedforward(x)])))

main()
"""

# A nan prints as nan, as on every other Python: 1 / (1 + e**-x) would turn its sign bit on, and
# this firmware prints "-nan" for that. Also a nan from inf - inf, and one given with its sign.
# (A float32 cannot hold 1e308: on the board that literal is inf.)
NAN = """from neuron import Neuron, sigmoid

def main():
    nan = float('nan')
    print(sigmoid(nan))
    print(sigmoid(-nan))
    print(Neuron([1e308, -1e308], 0).feedforward([10, 10]))
    print(Neuron([1], 0).feedforward([-nan]))

main()
"""

# Extremes: each gives exactly the sigmoid's limit, 0.0 or 1.0, as on CPython. A float32 cannot
# hold 1e308: on the board that literal is inf, and the sum inf too.
EXTREMES = """from neuron import Neuron, sigmoid

def main():
    for x in [1000, -1000, float('inf'), float('-inf'), 10 ** 400, -10 ** 400]:
        print(bits(sigmoid(x)))
    for w, x in [(1e308, 10), (-1e308, 10), (1, 10 ** 400), (1000, -1000)]:
        print(bits(Neuron([w], 0).feedforward([x])))

main()
"""
EXTREME_LIMITS = [1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]

# The sigmoid over a grid 1/64 apart (exact on the board), from -110, where the exact value is far
# below the board's smallest float, through the formula's branch point, to 20, where it is 1.0.
GRID_STEP = 64
GRID = range(-110 * GRID_STEP, 20 * GRID_STEP + 1)
GRID_PROGRAM = """from neuron import sigmoid
for i in range(%d, %d):
    print(bits(sigmoid(i / %d)))
""" % (GRID.start, GRID.stop, GRID_STEP)

# ...and along runs of neighbouring floats, 1,000 each side of: where the exact sigmoid drops below
# the board's smallest float (-147 ln 2) and where it leaves the normal floats (-126 ln 2); the
# point where neuron.py changes formula (-36.7368); near -1 and 0.25, where the textbook
# e**x / (1 + e**x) goes down; and just left of 0. The board's floats are float32s with the two
# lowest bits cleared (see BOARD_ULP), so the board steps through every fourth 32-bit pattern,
# from the float at or below each of those, rounded to float32.
NEIGHBOURS = 1000
NEIGHBOURS_AROUND = [-147 * math.log(2), -126 * math.log(2), -36.7368, -1.0, -1e-30, 0.25]
NEIGHBOURS_PROGRAM = """import struct
from neuron import sigmoid
for start in %r:
    for b in range(start - %d, start + %d, %d):
        print(bits(sigmoid(struct.unpack('<f', struct.pack('<I', b))[0])))
"""

# Each refusal, raised inside a function of the learner's, must say what CPython says, word for
# word. type(error).__name__ does not exist on the board: the names come from a dictionary.
REFUSALS = ["n.feedforward([2, 3, 5])", "n.feedforward([2])", "n.feedforward([2, '3'])",
            "n.feedforward([None, 3])", "n.feedforward(range(2, 7))",
            "Neuron([1], 4).feedforward([2, 3])", "Neuron([0, '1'], 4)", "Neuron([None, 1], 4)",
            "Neuron([0, 1], '4')", "Neuron([0, 1], None)", "sigmoid('7')", "n.feedforward(5)",
            # What gives labels where numbers were meant: a dict, a mapping of one's own (the
            # board has no collections.abc), a set, and a table like a DataFrame. (Their repr()
            # in the message is a call of the learner's own: Labels and Table go in as inputs.)
            "n.feedforward({0: 2, 1: 3})", "Neuron({0: 5, 1: 7}, 4)", "n.feedforward(Labels())",
            "n.feedforward({2, 3})", "n.feedforward(Table())",
            # A neuron changed after it was made: refused by the name of what was changed.
            "n.bias = '4'\n    return n.feedforward([2, 3])"]
CHANGED = REFUSALS[-1]
REFUSALS_START = """from neuron import Neuron, sigmoid
NAMES = {TypeError: 'TypeError', ValueError: 'ValueError'}

class Labels:  # a mapping: keys(), and iteration that gives them
    def keys(self):
        return [0, 1]
    def __iter__(self):
        return iter([0, 1])
    def __repr__(self):
        return 'Labels()'

class Table(Labels):  # what neuron.py sees of a pandas DataFrame: 2-d, and labels
    ndim = 2
    def __repr__(self):
        return 'Table()'
"""
# Each refusal comes two functions deep, in changed(), called from learner(): the board's stack
# holds about six calls, and neuron.py may take at most two of them.
REFUSAL = """
def changed(n):
    %s

def learner():
    return changed(Neuron([0, 1], 4))
"""
REFUSAL_FROM_MAIN = """
try:
    learner()
except Exception as error:
    print(NAMES.get(type(error), type(error)), error)
else:
    print('no error')
"""
# ...and the same at the board's >>> prompt, where a learner types learner() after main.py has
# run: the board prints the traceback, whose last line must be CPython's error, word for word.
AT_THE_PROMPT = [REFUSALS[2], REFUSALS[4], REFUSALS[10], CHANGED]

# A lesson as a module with its own main() and loss(), imported by main.py, where the board's
# stack has the least room (four calls from the module's top, against six from main.py's):
# main() builds the article's 2-2-1 network and loss() works out its mean squared error over
# the article's four people, with neuron.py's calls below those.
LESSON_MAIN = "import lesson\n"
LESSON = """from neuron import Neuron

def loss(h1, h2, o1, people):
    total = 0.0
    for x, y in people:
        total += (o1.feedforward([h1.feedforward(x), h2.feedforward(x)]) - y) ** 2
    return total / len(people)

def main():
    h1, h2, o1 = Neuron([0.5, -0.5], 0), Neuron([0.25, 0.75], 0), Neuron([1, 1], 0)
    people = [([-2, -1], 1), ([25, 6], 0), ([17, 4], 0), ([-15, -6], 1)]
    print(bits(loss(h1, h2, o1, people)))

main()
"""
# A learner's own program (compat/learner.py): the article's network and its training, 51 lines
# written flat (39 of them code), with `from neuron import Neuron` at its top. The board compiles main.py
# whole, then neuron.py beside it: it must train to a loss below 0.01 as main.py, and as a module
# that a one-line main.py imports.
with open(os.path.join(REPOSITORY, "compat", "learner.py")) as learner_file:
    TRAINING = learner_file.read()


def trained(lines):
    """The learner's program printed the loss every 10 epochs, ending below 0.01, then Emily near
    1 and Frank near 0."""
    try:
        losses = [float(line.split("loss: ")[1]) for line in lines if line.startswith("Epoch ")]
        people = dict(line.split(": ") for line in lines[-2:])
        return losses[-1] < 0.01 and float(people["Emily"]) > 0.9 and float(people["Frank"]) < 0.1
    except (IndexError, KeyError, ValueError):
        return False


# How many refusals one program holds: one, so that the check asks no more of the heap than a
# learner's short program.
REFUSALS_PER_PROGRAM = 1

checks = 0
failures = []


def check(passed, what):
    global checks
    checks += 1
    if not passed:
        failures.append(what)
        if len(failures) <= 20:  # a broken sigmoid fails thousands of grid points: show a few
            print("FAIL: " + what)


def on_board(program, lesson=None, typed=None):
    """Run a program on the emulated board, as main.py, with lesson.py beside it if given, and
    typed at the prompt afterwards if given: the lines it printed, or an AssertionError."""
    folder = tempfile.mkdtemp()
    command = ["node", os.path.join(REPOSITORY, "compat", "microbit.mjs")]
    for name, text in [("main.py", program), ("lesson.py", lesson)]:
        if text is not None:
            with open(os.path.join(folder, name), "w") as file:
                file.write(text)
            command.append(file.name)
    if typed is not None:
        command += ["--prompt", typed]
    try:
        # microbit.mjs gives up after 60 s itself, and stops its QEMU; this is a last resort.
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, timeout=120)
    finally:
        shutil.rmtree(folder)
    if result.returncode != 0:
        raise AssertionError("the board failed: " + result.stdout.strip().replace("\n", "; "))
    return result.stdout.splitlines()


def on_cpython(program):
    """Run the same program here, on CPython: the lines it printed."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(program, {"__name__": "__main__"})
    return output.getvalue().splitlines()


def float32(bits):
    """The float32 that these 32 bits hold."""
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def bits32(x):
    """The 32 bits of x rounded to float32 (struct.pack rounds a double to the nearest float32)."""
    return struct.unpack("<I", struct.pack("<f", x))[0]


def exact_sigmoid(x):
    """The exact sigmoid of x, to 50 digits (a float32 has 9)."""
    with decimal.localcontext() as context:
        context.prec = 50
        return 1 / (1 + (-decimal.Decimal(x)).exp())


def nearest_float32_bits(exact):
    """The bits of the float32 nearest to a Decimal."""
    # float() rounds to a double, and struct.pack that to float32: two roundings, which can miss
    # the nearest float32 by one. So take the nearest of that float32 and its two neighbours.
    near = bits32(float(exact))
    candidates = [bits for bits in (near - 1, near, near + 1) if bits >= 0]
    return min(candidates, key=lambda bits: abs(decimal.Decimal(float32(bits)) - exact))


def check_sigmoid(xs, lines, errors):
    """Check the board's sigmoid on these x, in order: within [0, 1], never decreasing, no 0.0
    where the board's floats hold the value, and within MAX_ULP of it. Adds each error to errors."""
    previous = None
    for x, line in sorted(zip(xs, lines)):
        result = int(line)
        exact = exact_sigmoid(x)
        expected = nearest_float32_bits(exact)
        # Non-negative float32s are ordered as their bits are, one float32 apart per step.
        error = abs(result - expected)
        errors.append(error)
        check(0 <= result <= bits32(1.0), "sigmoid(%r) gave %r, not in [0, 1]" % (x, float32(result)))
        check(previous is None or result >= previous, "sigmoid went down from %r to %r at %r"
              % (float32(previous or 0), float32(result), x))
        check(result != 0 or exact < SMALLEST_BOARD_FLOAT,
              "sigmoid(%r) gave 0.0 where the board's floats hold %r" % (x, float(exact)))
        check(error <= MAX_ULP, "sigmoid(%r) gave %r, %d float32 ulp from %r"
              % (x, float32(result), error, float32(expected)))
        previous = result


def compare(name, board, cpython, ulps):
    """Check that the board printed the floats CPython printed, each within ulps float32 ulp."""
    check(len(board) == len(cpython), "%s: the board printed %r" % (name, board))
    for got, expected in zip(board, cpython):
        check(abs(int(got) - int(expected)) <= ulps, "%s: %r where CPython gives %r"
              % (name, float32(int(got)), float32(int(expected))))


def main():
    heap, interpreter = on_board(BITS + HEAP)
    heap_before, heap_after = [int(number) for number in heap.split()]
    check(heap_before - heap_after <= MOST_HEAP, "import neuron took %d bytes of the heap, more "
          "than %d" % (heap_before - heap_after, MOST_HEAP))

    board, cpython = on_board(NAN), on_cpython(NAN)
    check(board == cpython == ["nan"] * 4, "nan: the board printed %r, CPython %r" % (board, cpython))

    # As close to CPython as the board's floats allow; the extremes exactly, and at their limits.
    board, cpython = on_board(BITS + LEARNER), on_cpython(BITS + LEARNER)
    compare("worked example and network", board, cpython, MAX_ULP)
    board, cpython = on_board(BITS + EXTREMES), on_cpython(BITS + EXTREMES)
    compare("extremes", board, cpython, 0)
    check(board == [str(bits32(limit)) for limit in EXTREME_LIMITS],
          "extremes: %r, not the limits %r" % ([float32(int(line)) for line in board], EXTREME_LIMITS))

    errors = []  # in float32 ulp, at each x of the grid, then of the runs of neighbours
    check_sigmoid([i / GRID_STEP for i in GRID], on_board(BITS + GRID_PROGRAM), errors)
    grid_error = max(errors)
    starts = [bits32(x) // BOARD_ULP * BOARD_ULP for x in NEIGHBOURS_AROUND]  # floats the board has
    span = NEIGHBOURS * BOARD_ULP
    runs = [float32(bits) for start in starts
            for bits in range(start - span, start + span, BOARD_ULP)]
    program = NEIGHBOURS_PROGRAM % (starts, span, span, BOARD_ULP)
    check_sigmoid(runs, on_board(BITS + program), errors)

    try:
        lesson = on_board(LESSON_MAIN, BITS + LESSON)
    except AssertionError as error:  # the board's stack ran out, say: a failed check
        check(False, "the lesson in a module: %s" % error)
    else:
        compare("the lesson in a module", lesson, on_cpython(BITS + LESSON), MAX_ULP)

    for shape, program, module in [("as main.py", TRAINING, None),
                                   ("as a module main.py imports", LESSON_MAIN, TRAINING)]:
        try:
            lines = on_board(program, module)
        except AssertionError as error:  # MemoryError at the import, say: a failed check
            lines = [str(error)]
        check(trained(lines), "a learner's training, %s: it ended %r" % (shape, lines[-3:]))

    for call in AT_THE_PROMPT:
        program = REFUSALS_START + REFUSAL % call
        board = on_board(program, typed="learner()")
        expected = on_cpython(program + REFUSAL_FROM_MAIN)[0].replace(" ", ": ", 1)
        call = call.replace("\n   ", ";")
        check(board[-1:] == [expected], "%s at the prompt: the board says %r, CPython %r"
              % (call, board[-1:], expected))

    for first in range(0, len(REFUSALS), REFUSALS_PER_PROGRAM):
        calls = REFUSALS[first:first + REFUSALS_PER_PROGRAM]
        program = REFUSALS_START + "".join(REFUSAL % call + REFUSAL_FROM_MAIN for call in calls)
        board, cpython = on_board(program), on_cpython(program)
        check(len(board) == len(calls), "%s: the board printed %r" % (" | ".join(calls), board))
        for call, got, expected in zip(calls, board, cpython):
            call = call.replace("\n   ", ";")
            check(got == expected, "%s: the board says %r, CPython %r" % (call, got, expected))
        if CHANGED in calls:
            expected = cpython[calls.index(CHANGED)]
            check(expected.startswith("TypeError") and "bias" in expected,
                  "n.bias = '4': CPython says %r, not a TypeError that names bias" % expected)

    print("import neuron: heap free %d bytes before, %d after. sigmoid: at most %d float32 ulp "
          "from exact over the grid (%d points), %d over the grid and the runs of neighbours "
          "(%d points)"
          % (heap_before, heap_after, grid_error, len(GRID), max(errors), len(errors)))
    if failures:
        raise AssertionError("%d of %d checks failed" % (len(failures), checks))
    print("selfcheck passed: %d checks on %s" % (checks, interpreter))


if __name__ == "__main__":
    main()
