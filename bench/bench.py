"""Benchmark neuron.py against the article's NumPy code: speed, start-up time and accuracy.

Run it from the repository root, after `pip install ".[bench]"` (which brings NumPy and SciPy):

    python bench/bench.py            # the full run, under a minute
    python bench/bench.py --quick    # a smoke test: every table, few repeats, timings meaningless

It prints Markdown tables for the README's "Speed and accuracy" section. Without NumPy or SciPy
it prints the rows it can. It is a report, not a test: a missed target does not make it fail.

Wall-clock timings on a shared or virtual machine are noisy, so every comparison is interleaved
(ours, then NumPy's, then ours again...) and we report the median of many repeats.
"""
import argparse
import contextlib
import math
import os
import platform
import statistics
import subprocess
import sys
import timeit
from decimal import Decimal, getcontext

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
sys.path[:0] = [ROOT, BENCH_DIR]  # neuron.py is in the repository root, article_numpy.py here
import neuron  # noqa: E402

try:
    import numpy
    import article_numpy  # needs NumPy
except ImportError:
    numpy = article_numpy = None
try:
    import scipy.special
except ImportError:
    scipy = None

# repeats: interleaved measurements per comparison; seconds: how long one measurement lasts.
FULL = dict(repeats=101, seconds=0.005, startup_rounds=100)
QUICK = dict(repeats=3, seconds=0.0005, startup_rounds=3)
ACCURACY_POINTS = 4000  # evenly spaced, the same in both: a quick run takes them in a second
SIZES = [2, 5, 10, 20, 50, 100, 200, 500]  # numbers of inputs; the crossover is searched among them
BIAS = 0.5
SIGMOID_ARGUMENT = 1.5  # a Python float, as a caller of sigmoid() would pass
TARGETS = []  # (description, measured text, met), filled in as we go, printed last


def calls_per_measurement(timer, seconds):
    """How many calls make one measurement last about `seconds`, so the clock's tick is negligible.

    The first call also serves as a warm-up. seconds=0 means one call per measurement.
    """
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= seconds / 10:
            return max(1, round(number * seconds / elapsed))
        number *= 10


def time_interleaved(statements, repeats, seconds):
    """Seconds per call of each (code, namespace) statement: one list of `repeats` samples each.

    Each repeat times every statement in turn, so a burst of noise from the rest of the machine
    hits them alike rather than one alone; the order rotates so that none is always first.
    timeit switches the garbage collector off while it times.
    """
    timers = [timeit.Timer(code, globals=namespace) for code, namespace in statements]
    numbers = [calls_per_measurement(timer, seconds) for timer in timers]
    samples = [[] for _ in timers]
    for repeat in range(repeats):
        for i in range(len(timers)):
            which = (i + repeat) % len(timers)
            samples[which].append(timers[which].timeit(numbers[which]) / numbers[which])
    return samples


def ratio_and_spread(ours, theirs):
    """The median of the paired ratios (their time over ours in the same repeat), and their middle half.

    Pairing matters here: this machine's speed drifts during a run, and two timings taken
    moments apart drift together, where the medians of two whole columns need not.
    """
    paired = sorted(t / o for o, t in zip(ours, theirs))
    middle = "%.2f-%.2f" % (paired[len(paired) // 4], paired[3 * len(paired) // 4])
    return statistics.median(paired), middle


def microseconds(samples):
    return "%.3g µs" % (statistics.median(samples) * 1e6)


def print_table(headers, rows):
    print("| " + " | ".join(headers) + " |")
    print("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def add_target(description, measured, goal, higher_is_better=True):
    met = measured >= goal if higher_is_better else measured <= goal
    TARGETS.append((description, "%.2fx" % measured, "yes" if met else "**no**"))


def do_nothing(x):
    return x


# What neuron.py's checks cost: its sum and sigmoid with every check taken out (no count of the
# inputs, no test of their types), timed beside it. Never use these: they drop extra inputs without
# a word, and an input of 10**400 or Decimal("2") stops them with Python's own puzzling error.
def unchecked_sigmoid(x):
    if x < -36.7368:
        return math.exp(x)
    return 1.0 / (1.0 + math.exp(-x))


class UncheckedNeuron(neuron.Neuron):
    def feedforward(self, inputs):
        total = 0.0
        for weight, x in zip(self.weights, inputs):
            total += weight * x
        return unchecked_sigmoid(total + self.bias)


def time_feedforward(size, settings):
    """Samples for our Neuron, the unchecked copy and, with NumPy, the article's, on `size` inputs."""
    # Deterministic weights and inputs in [-1, 1], so the total stays where the sigmoid bends.
    weights = [((7 * i) % 13 - 6) / 6 for i in range(size)]
    inputs = [((5 * i) % 11 - 5) / 5 for i in range(size)]
    ours = neuron.Neuron(weights, BIAS)
    statements = [("n.feedforward(x)", {"n": ours, "x": inputs}),
                  ("n.feedforward(x)", {"n": UncheckedNeuron(weights, BIAS), "x": inputs})]
    if article_numpy:
        # As the article does: the weights and the inputs are NumPy arrays before the call.
        theirs, their_inputs = article_numpy.Neuron(numpy.array(weights), BIAS), numpy.array(inputs)
        statements.append(("n.feedforward(x)", {"n": theirs, "x": their_inputs}))
        # Timing two neurons that disagree would be pointless.
        assert math.isclose(ours.feedforward(inputs), theirs.feedforward(their_inputs), rel_tol=1e-12)
    return time_interleaved(statements, settings["repeats"], settings["seconds"])


def speed_row(name, samples):
    """A row of the speed table from the samples of ours, the unchecked copy (if any), NumPy's."""
    ours, theirs = samples[0], samples[-1] if article_numpy else None
    unchecked = samples[1] if len(samples) == 2 + bool(article_numpy) else None
    row = [name, microseconds(ours), microseconds(unchecked) if unchecked else ""]
    if not article_numpy:
        return row, None
    ratio, spread = ratio_and_spread(ours, theirs)
    row += [microseconds(theirs), "%.2fx" % ratio, spread,
            "%.2fx" % ratio_and_spread(unchecked, theirs)[0] if unchecked else ""]
    return row, ratio


def speed(settings):
    print("### Speed: time per call, median of %d interleaved repeats\n" % settings["repeats"])
    ratios, rows = {}, []
    for size in SIZES:
        row, ratios[size] = speed_row("`Neuron.feedforward`, %d inputs" % size,
                                      time_feedforward(size, settings))
        rows.append(row)

    # sigmoid, and for scale the cheapest Python function there is: no sigmoid written in Python
    # can be faster than a call that does nothing.
    functions = [("`sigmoid` on a Python float", [neuron.sigmoid, unchecked_sigmoid]),
                 ("`f(x)`, where `def f(x): return x`", [do_nothing])]
    for name, ours in functions:
        theirs = [article_numpy.sigmoid] if article_numpy else []
        statements = [("f(x)", {"f": function, "x": SIGMOID_ARGUMENT}) for function in ours + theirs]
        row, _ = speed_row(name, time_interleaved(statements, settings["repeats"], settings["seconds"]))
        rows.append(row)

    headers = ["Call", "neuron.py", "neuron.py without its checks"]
    if article_numpy:
        headers += ["article's NumPy", "NumPy time / ours (median of pairs)", "middle half of pairs",
                    "NumPy time / ours without checks"]
    print_table(headers, rows)
    if not article_numpy:
        print("NumPy is not installed: neuron.py's times alone.\n")
        return
    # The floors: at the sizes of the article's neurons, faster than the NumPy original.
    add_target("`feedforward`, 2 inputs: at least 2.0x NumPy's speed", ratios[2], 2.0)
    add_target("`feedforward`, 10 inputs: at least 1.25x NumPy's speed", ratios[10], 1.25)
    print(crossover(ratios, settings) + "\n")


def crossover(ratios, settings):
    """The first number of inputs where NumPy is faster, bisected between two sizes of SIZES."""
    slower = [size for size in SIZES if ratios[size] < 1]
    if not slower:
        return "NumPy did not overtake neuron.py up to %d inputs." % SIZES[-1]
    if slower[0] == SIZES[0]:
        return "NumPy was faster at every size tried, from %d inputs." % SIZES[0]
    bracket = ours_faster, numpy_faster = SIZES[SIZES.index(slower[0]) - 1], slower[0]
    while numpy_faster - ours_faster > 1:
        middle = (ours_faster + numpy_faster) // 2
        samples = time_feedforward(middle, settings)
        ratio, _ = ratio_and_spread(samples[0], samples[-1])
        if ratio < 1:
            numpy_faster = middle
        else:
            ours_faster = middle
    return ("NumPy overtakes neuron.py at about **%d inputs** (bisected between %d and %d; "
            "near the crossover the answer moves with the noise)."
            % ((numpy_faster,) + bracket))


def startup(settings):
    # OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE and the like are one machine's tuning of the library
    # under NumPy and change how long its import takes: time what a user without them would see.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OPENBLAS_")}
    removed = sorted(set(os.environ) - set(environment))
    commands = [("python -c pass", ["-c", "pass"]), ("python neuron.py", ["neuron.py"])]
    if article_numpy:
        commands.append(("python bench/article_numpy.py", [os.path.join("bench", "article_numpy.py")]))

    def run(arguments):
        subprocess.run([sys.executable] + arguments, cwd=ROOT, env=environment, check=True,
                       stdout=subprocess.DEVNULL)

    statements = [("run(arguments)", {"run": run, "arguments": arguments}) for _, arguments in commands]
    samples = time_interleaved(statements, settings["startup_rounds"], seconds=0)
    medians = [statistics.median(times) for times in samples]
    # Each ratio is the median of the rounds' own ratios, as for the speed table.
    ratios = [ratio_and_spread(samples[0], times)[0] for times in samples]
    print("### Start-up: whole process, median of %d interleaved runs\n" % settings["startup_rounds"])
    print_table(["Command", "Wall time", "Time / bare `python -c pass` (median of pairs)"],
                [("`%s`" % name, "%.1f ms" % (median * 1e3), "%.2fx" % ratio)
                 for (name, _), median, ratio in zip(commands, medians, ratios)])
    note = "`python` is the interpreter running this benchmark."
    if removed:
        note += " Left out of the runs' environment: %s." % ", ".join(removed)
    print(note + "\n")
    add_target("`python neuron.py` start-up: within 1.2x bare `python -c pass`",
               ratios[1], 1.2, higher_is_better=False)
    if article_numpy:
        add_target("`python neuron.py` start-up: under half (0.5x) the article's NumPy script's",
                   ratio_and_spread(samples[2], samples[1])[0], 0.5, higher_is_better=False)


getcontext().prec = 60  # the exact sigmoid below keeps 60 significant digits, floats have 17
SMALLEST_SUBNORMAL = 2.0 ** -1074
ROUNDS_TO_ZERO = Decimal(2) ** -1075  # half the smallest subnormal: true values up to here round to 0.0


def exact_sigmoid(x):
    """1 / (1 + e**-x) to 60 digits; Decimal(x) converts the float x exactly, with no rounding."""
    return 1 / (1 + (-Decimal(x)).exp())


def ulp(exact):
    """One unit in the last place at `exact` (> 0): the gap between the floats either side of it.

    This is math.ulp of exact rounded to a float, except when exact rounds up to a power of two:
    exact lies below it, where floats are half as far apart. Near 0 it is the subnormal gap,
    2**-1074. math.frexp, unlike math.ulp, works before Python 3.9.
    """
    rounded = float(exact)  # correctly rounded: float() reads Decimal's digits
    if rounded == 0.0:
        return SMALLEST_SUBNORMAL
    mantissa, exponent = math.frexp(rounded)  # rounded = mantissa * 2**exponent, 0.5 <= mantissa < 1
    if mantissa == 0.5 and Decimal(rounded) > exact:
        exponent -= 1
    return math.ldexp(1.0, max(exponent - 53, -1074))


def accuracy_sample(count):
    """Evenly spaced x from -745 to 40, plus each side of the points where something changes."""
    evenly = [-745 + 785 * k / (count - 1) for k in range(count)]
    ln2 = Decimal(2).ln()
    # The true value reaches 2**-1075 (below, it rounds to 0.0), the smallest subnormal 2**-1074
    # and the smallest normal 2**-1022; e**-x overflows (-1024 ln 2); neuron.py switches formula
    # (-53 ln 2); the true value rounds to 1.0 (54 ln 2).
    edges = [float(k * ln2) for k in (-1075, -1074, -1024, -1022, -53, 53, 54)] + [-1.0, 0.0, 1.0]
    near_edges = [edge + offset for edge in edges for offset in (-1e-9, 0.0, 1e-9)]
    return sorted(set(evenly + near_edges + [SMALLEST_SUBNORMAL, -SMALLEST_SUBNORMAL]))


def accuracy():
    sample = accuracy_sample(ACCURACY_POINTS)
    exacts = [exact_sigmoid(x) for x in sample]
    ulps = [Decimal(ulp(exact)) for exact in exacts]
    implementations = [("neuron.py `sigmoid`", neuron.sigmoid)]
    if numpy:
        implementations.append(("article's NumPy `1/(1+np.exp(-x))`",
                                lambda x: float(article_numpy.sigmoid(x))))
    if scipy:
        implementations.append(("`scipy.special.expit`", lambda x: float(scipy.special.expit(x))))

    rows = []
    for name, function in implementations:
        errors, other_errors, wrong_zeros = [], [0.0], []  # (ulp error, x); the rest; the x's
        # np.exp(-x) overflows to inf below x = -709.78, with a RuntimeWarning we silence here;
        # contextlib.suppress() with nothing to suppress stands in when NumPy is absent.
        with numpy.errstate(over="ignore") if numpy else contextlib.suppress():
            for x, exact, gap in zip(sample, exacts, ulps):
                result = function(x)
                errors.append((float(abs(Decimal(result) - exact) / gap), x))
                if result == 0.0 and exact > ROUNDS_TO_ZERO:
                    wrong_zeros.append(x)  # a flush to 0.0 of a value a float can hold
                else:
                    other_errors.append(errors[-1][0])
        where_zero = "x from %.2f to %.2f" % (min(wrong_zeros), max(wrong_zeros)) if wrong_zeros else "never"
        rows.append((name, "%.3g (x = %.6g)" % max(errors), "%.3g" % statistics.mean(e for e, _ in errors),
                     "%.3g" % max(other_errors), len(wrong_zeros), where_zero))

    print("### Accuracy: error in ulp against 60-digit `decimal`, %d points from x = %.2f to %g\n"
          % (len(sample), sample[0], sample[-1]))
    print_table(["Implementation", "Largest ulp error", "Mean ulp error", "Largest, leaving out the 0.0s",
                 "Wrongly 0.0 (points)", "Wrongly 0.0 at"], rows)
    note = "The true value rounds to a non-zero float for x > %.2f." % float(-1075 * Decimal(2).ln())
    if numpy:
        note += (" NumPy's overflow warnings from `np.exp(-x)` were silenced with"
                 " `np.errstate(over='ignore')`.")
    print(note + "\n")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:  # Linux only; elsewhere platform.processor() may say
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown processor"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="few repeats: checks every section runs, timings meaningless")
    quick = parser.parse_args().quick
    settings = QUICK if quick else FULL

    libraries = ["NumPy %s" % numpy.__version__ if numpy else "no NumPy",
                 "SciPy %s" % scipy.__version__ if scipy else "no SciPy"]
    print("Measured on %s %s, %s; %s; %s, %s logical CPUs. Repeat with `python bench/bench.py%s`%s.\n"
          % (platform.python_implementation(), platform.python_version(), ", ".join(libraries),
             platform.platform(), cpu_model(), os.cpu_count(), " --quick" if quick else "",
             " (quick run: the timings mean nothing)" if quick else ""))
    speed(settings)
    startup(settings)
    accuracy()
    print("### Targets\n")
    print_table(["Target", "Measured", "Met"], TARGETS)


if __name__ == "__main__":
    main()
