"""Property tests for neuron.py, checked against exact arithmetic (fractions, decimal).

Run with `python -m pytest` (see README.md); pytest also runs the doctests of neuron.py,
README.md and playground/page.py, and conftest.py fails the run if those did not run.
"""
import ast
import decimal
import math
import os
import pathlib
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, strategies as st

import neuron
from neuron import Neuron, sigmoid

HERE = pathlib.Path(__file__).parent
WORKED_EXAMPLE = 0.9990889488055994  # the article: Neuron([0, 1], 4).feedforward([2, 3])
NETWORK_OUTPUT = 0.7216325609518421  # the article's 2-2-1 network on x = [2, 3]


# --- The exact reference -------------------------------------------------------------------

# 60 significant digits. Floats end near 10**308 and 10**-324; past 10**2000 e**-x overflows to
# Infinity (not trapped, so sigmoid is 1 / (1 + Infinity) = 0) and below 10**-2000 it underflows
# to 0 (sigmoid is 1): both closer to the truth than any float can tell.
REFERENCE = decimal.Context(prec=60, Emax=2000, Emin=-2000,
                            traps=[decimal.InvalidOperation, decimal.DivisionByZero])


def exact_sigmoid(x):
    """sigmoid(x) for a finite float x, to 60 digits, as a Fraction."""
    e_minus_x = REFERENCE.exp(REFERENCE.minus(Decimal(x)))
    return Fraction(REFERENCE.divide(1, REFERENCE.add(1, e_minus_x)))


def float_spacing_at(exact):
    """The gap between neighbouring floats where the exact value lies (its ulp)."""
    nearest = float(exact)  # Fraction -> float rounds to nearest
    if Fraction(nearest) > exact:  # exact lies below it, perhaps in the binade below
        nearest = math.nextafter(nearest, 0.0)
    return Fraction(math.ulp(nearest))


def ulps_off(result, x):
    """How many ulps result is from the exact sigmoid(x)."""
    exact = exact_sigmoid(x)
    return abs(Fraction(result) - exact) / float_spacing_at(exact)


def test_reference_agrees_with_known_values():
    assert float(exact_sigmoid(0.0)) == 0.5
    assert float(exact_sigmoid(7.0)) == WORKED_EXAMPLE  # correctly rounded, so the article is exact
    assert exact_sigmoid(-1e308) == 0 and exact_sigmoid(1e308) == 1
    assert float_spacing_at(Fraction(1, 2)) == Fraction(1, 2 ** 53)
    assert float_spacing_at(Fraction(1, 2) - Fraction(1, 2 ** 80)) == Fraction(1, 2 ** 54)
    assert float_spacing_at(Fraction(0)) == Fraction(math.ulp(0.0))


# --- Where the naive formula is hardest: the points worth checking one by one ---------------

def neighbours(x, count):
    """x and `count` neighbouring floats on either side of it, in increasing order."""
    below, above = [], []
    low = high = x
    for _ in range(count):
        low, high = math.nextafter(low, -math.inf), math.nextafter(high, math.inf)
        below.append(low)
        above.append(high)
    return below[::-1] + [x] + above


LN2 = Decimal(2).ln(REFERENCE)
# 1 + e**-x rounds most when it crosses a power of two, 2**k: at x = -ln(2**k - 1).
CROSSINGS = [-math.log(2.0 ** k - 1) for k in range(2, 54)]
BRANCH_POINTS = [
    -36.7368,                          # neuron.py's switch to e**x
    float(-53 * LN2),                  # e**-x = 2**53: beyond, 1 + e**-x rounds to even
    float(-54 * LN2),                  # e**-x = 2**54: beyond, 1 + e**-x rounds to e**-x
    -709.782712893384,                 # e**-x overflows below this
    float(-1022 * LN2),                # results turn subnormal (smaller than 2**-1022)
    float(-1075 * LN2),                # results round to 0.0
    -1.0, -0.0, 0.0, 1.0,              # the textbook form goes wrong near -1
    float(53 * LN2), float(54 * LN2),  # results reach 1.0 near here
    -745.0, -700.0, -40.0, -20.0, -5.0, 5.0, 20.0, 40.0,
]
# Points found by sampling where the plain 1 / (1 + exp(-x)) is more than 2 ulp off.
NAIVE_FAILS_AT = [-36.748803808443355, -36.77212863988201, -36.750671734340315]


def naive_sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def textbook_stable_sigmoid(x):
    return math.exp(x) / (1.0 + math.exp(x))


# --- sigmoid: accuracy -------------------------------------------------------------------------

@given(st.one_of(st.floats(min_value=-750.0, max_value=40.0),
                 st.floats(allow_nan=False, allow_infinity=False)))
@example(-36.7368)
def test_sigmoid_is_within_2_ulp_of_exact(x):
    assert ulps_off(sigmoid(x), x) <= 2


@pytest.mark.parametrize("point", BRANCH_POINTS + CROSSINGS + NAIVE_FAILS_AT)
def test_sigmoid_is_within_2_ulp_at_hard_points(point):
    worst = max(ulps_off(sigmoid(x), x) for x in neighbours(point, 20))
    assert worst <= 2


@pytest.mark.parametrize("x", NAIVE_FAILS_AT)
def test_accuracy_check_would_catch_the_naive_formula(x):
    # Why sigmoid switches to e**x below -36.7368: the article's formula, used down there,
    # rounds 1 + e**-x half a float step away and misses the exact value by more than 2 ulp.
    assert ulps_off(naive_sigmoid(x), x) > 2


# --- sigmoid: range ----------------------------------------------------------------------------

@given(st.floats())
def test_sigmoid_is_a_float_in_the_closed_range(x):
    y = sigmoid(x)
    assert type(y) is float
    if math.isnan(x):
        assert math.isnan(y)
    else:
        assert 0.0 <= y <= 1.0


SMALLEST_ABOVE_ZERO = next(x for x in neighbours(float(-1075 * LN2), 3)
                           if exact_sigmoid(x) > Fraction(1, 2 ** 1075))


@given(st.floats(min_value=SMALLEST_ABOVE_ZERO, max_value=float(53 * LN2), exclude_max=True))
@example(SMALLEST_ABOVE_ZERO)
@example(math.nextafter(float(53 * LN2), 0.0))
def test_sigmoid_is_strictly_inside_where_representable(x):
    # Below SMALLEST_ABOVE_ZERO the exact value is under half the smallest float, 2**-1075;
    # from 53 ln 2 = 36.7368 up it is within 2**-53 of 1, under one float step.
    assert 0.0 < sigmoid(x) < 1.0


def test_sigmoid_gives_zero_only_where_the_exact_value_rounds_to_zero():
    assert sigmoid(math.nextafter(SMALLEST_ABOVE_ZERO, -math.inf)) == 0.0
    assert sigmoid(SMALLEST_ABOVE_ZERO) == 5e-324  # the smallest float above zero


@given(st.floats(min_value=30.0, allow_infinity=False))
def test_sigmoid_gives_one_only_within_a_float_step_of_one(x):
    if sigmoid(x) == 1.0:
        assert 1 - exact_sigmoid(x) < Fraction(1, 2 ** 53)


# --- sigmoid: shape ------------------------------------------------------------------------------

@given(st.floats(allow_nan=False), st.floats(allow_nan=False))
def test_sigmoid_never_decreases(a, b):
    a, b = min(a, b), max(a, b)
    assert sigmoid(a) <= sigmoid(b)


def first_decrease(f, xs):
    """The first x in the increasing list xs where f(x) is below f at the x before it, or None."""
    values = [f(x) for x in xs]
    for x, before, after in zip(xs[1:], values, values[1:]):
        if after < before:
            return x
    return None


@pytest.mark.parametrize("point", BRANCH_POINTS + CROSSINGS)
def test_sigmoid_never_decreases_between_neighbouring_floats(point):
    assert first_decrease(sigmoid, neighbours(point, 3000)) is None


@given(st.floats(min_value=-800.0, max_value=800.0))
def test_sigmoid_never_decreases_between_neighbouring_floats_anywhere(x):
    assert first_decrease(sigmoid, neighbours(x, 200)) is None


def test_neighbour_walk_would_catch_the_textbook_stable_form():
    assert first_decrease(textbook_stable_sigmoid, neighbours(-1.0, 3000)) is not None


@given(st.floats(allow_nan=False))
def test_sigmoid_is_symmetric(x):
    total = Fraction(sigmoid(x)) + Fraction(sigmoid(-x))
    assert abs(total - 1) <= Fraction(1, 2 ** 52)


# --- sigmoid: what it accepts --------------------------------------------------------------------

@pytest.mark.parametrize("x, expected", [
    (math.inf, 1.0), (-math.inf, 0.0), (1e308, 1.0), (-1e308, 0.0),
    (10 ** 400, 1.0), (-10 ** 400, 0.0),  # ints too large for a float
    (Fraction(10 ** 400, 3), 1.0), (Decimal("-1e400"), 0.0),
    (-0.0, 0.5), (False, 0.5),
])
def test_sigmoid_limits(x, expected):
    assert sigmoid(x) == expected


@pytest.mark.parametrize("x", [
    7, True, Fraction(7, 3), Decimal("-2.5"), 2 ** 60 + 1,
    np.float64(7), np.float32(0.1), np.int64(-3), np.int8(127), np.uint8(255), np.bool_(True),
])
def test_sigmoid_takes_any_real_number_as_its_float(x):
    y = sigmoid(x)
    assert type(y) is float
    assert y == sigmoid(float(x))


real_numbers = st.one_of(
    st.floats(), st.integers(), st.integers(min_value=-(10 ** 500), max_value=10 ** 500),
    st.fractions(), st.decimals(allow_nan=False), st.booleans())


@given(real_numbers)
@example(Decimal("NaN"))
@example(Decimal("Infinity"))
def test_sigmoid_never_raises_on_a_number(x):
    y = sigmoid(x)
    assert type(y) is float
    assert math.isnan(y) or 0.0 <= y <= 1.0


def test_sigmoid_of_nan_is_nan():
    assert math.isnan(sigmoid(math.nan))
    assert math.isnan(sigmoid(Decimal("NaN")))


NOT_NUMBERS = ["2", b"2", bytearray(b"2"), None, [1.0], (1.0,), {"x": 1.0}, 1j, object()]


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_sigmoid_refuses_what_is_not_a_real_number(bad):
    with pytest.raises(TypeError) as error:
        sigmoid(bad)
    assert str(error.value) == "x must be a real number, got %r (%s)" % (bad, type(bad).__name__)


# --- Neuron ------------------------------------------------------------------------------------

def test_worked_example():
    assert Neuron([0, 1], 4).feedforward([2, 3]) == WORKED_EXAMPLE == sigmoid(7)


def test_demo_prints_the_worked_example():
    run = subprocess.run([sys.executable, "neuron.py"], cwd=str(HERE), check=True,
                         stdout=subprocess.PIPE, universal_newlines=True)
    assert run.stdout == "%r\n" % WORKED_EXAMPLE


def test_the_articles_network():
    # Two hidden neurons and an output neuron, each with weights [0, 1] and bias 0.
    h1 = Neuron([0, 1], 0)
    h2 = Neuron([0, 1], 0)
    o1 = Neuron([0, 1], 0)
    x = [2, 3]
    out_h1, out_h2 = h1.feedforward(x), h2.feedforward(x)
    assert out_h1 == out_h2 == sigmoid(3)
    assert o1.feedforward([out_h1, out_h2]) == NETWORK_OUTPUT
    assert float(exact_sigmoid(float(exact_sigmoid(3.0)))) == NETWORK_OUTPUT


@pytest.mark.parametrize("make_arguments", [
    lambda: ((0, 1), 4, (2, 3)),
    lambda: ((w for w in [0, 1]), 4, iter([2, 3])),  # made afresh: a generator runs only once
    lambda: (np.array([0, 1]), np.int64(4), np.array([2, 3])),
    lambda: (np.array([0.0, 1.0]), np.float64(4.0), np.array([2.0, 3.0], dtype=np.float32)),
    lambda: ([Fraction(0), Decimal(1)], Fraction(4), [Decimal(2), Fraction(3)]),
])
def test_any_iterable_of_real_numbers_will_do(make_arguments):
    weights, bias, inputs = make_arguments()
    n = Neuron(weights, bias)
    assert n.weights == [0.0, 1.0] and all(type(w) is float for w in n.weights)
    assert type(n.bias) is float
    y = n.feedforward(inputs)
    assert type(y) is float and y == WORKED_EXAMPLE


@given(st.lists(st.tuples(real_numbers, real_numbers), max_size=8), real_numbers)
@example([(0.5, 10 ** 400), (1, Fraction(1, 3))], 0)      # too big for a float; not a float
@example([(Fraction(1, 3), Decimal("0.1")), (True, 2 ** 60 + 1)], Decimal("-1"))
def test_feedforward_is_the_same_for_a_list_and_for_a_generator(pairs, bias):
    # A list (it has a len) goes feedforward's quick way, which multiplies the inputs as they are;
    # a generator (it has none) the careful way, which first makes each input a float. Whatever
    # the numbers, both must give the same float.
    n = Neuron([w for w, _ in pairs], bias)
    inputs = [x for _, x in pairs]
    quick, careful = n.feedforward(inputs), n.feedforward(x for x in inputs)
    assert type(quick) is float
    assert quick == careful or (math.isnan(quick) and math.isnan(careful))


def test_numpy_inputs_whose_products_overflow_get_numpys_own_warning():
    # The quick way multiplies a NumPy float64 with NumPy's arithmetic, which warns when the
    # product overflows, as NumPy always does; the careful way then gives the right answer.
    n = Neuron([10, 10], 0)
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert n.feedforward(np.array([1e308, 1.0])) == 1.0
    assert n.feedforward([1e308, 1.0]) == 1.0  # Python floats overflow to inf without a word


small_floats = st.floats(min_value=-1e100, max_value=1e100)
pairs = st.lists(st.tuples(small_floats, small_floats), max_size=12)


def feed_pairs(pairs, bias):
    """A neuron with the pairs' weights and bias, fed the pairs' inputs."""
    return Neuron([w for w, _ in pairs], bias).feedforward([x for _, x in pairs])


def exact_total(pairs, bias):
    return sum(Fraction(w) * Fraction(x) for w, x in pairs) + Fraction(bias)


def rounding_bound(pairs, bias):
    """A bound on the rounding error of the float loop w1*x1 + ... + wn*xn + b.

    Each term passes through at most n + 1 roundings (its product and the sums after it), each
    off by a factor of at most (1 + u), u = 2**-53; gamma(k) = k u / (1 - k u) bounds them all.
    """
    u = Fraction(1, 2 ** 53)
    k = len(pairs) + 1
    gamma = k * u / (1 - k * u)
    return gamma * (sum(abs(Fraction(w) * Fraction(x)) for w, x in pairs) + abs(Fraction(bias)))


def float_below(exact):
    y = float(exact)
    return y if Fraction(y) <= exact else math.nextafter(y, -math.inf)


def float_above(exact):
    y = float(exact)
    return y if Fraction(y) >= exact else math.nextafter(y, math.inf)


def assert_is_sigmoid_of_exact_total_within_rounding(result, pairs, bias):
    total, bound = exact_total(pairs, bias), rounding_bound(pairs, bias)
    # sigmoid never decreases, so the float total's sigmoid lies between these two
    assert sigmoid(float_below(total - bound)) <= result <= sigmoid(float_above(total + bound))


@given(pairs, small_floats)
@example([(1.0, 1e16), (1.0, 1.0), (1.0, -1e16)], 0.0)  # float sums do cancel badly here
def test_feedforward_is_sigmoid_of_the_exact_dot_product_within_rounding(pairs, bias):
    assert_is_sigmoid_of_exact_total_within_rounding(feed_pairs(pairs, bias), pairs, bias)


small_ints = st.integers(min_value=-1000, max_value=1000)


@given(st.lists(st.tuples(small_ints, small_ints), max_size=12), small_ints)
def test_feedforward_is_exact_when_the_dot_product_is(pairs, bias):
    # Small ints multiply and add exactly in floats, so there is nothing to round but sigmoid's own.
    assert feed_pairs(pairs, bias) == sigmoid(exact_total(pairs, bias))


@given(st.lists(st.tuples(small_ints, small_ints), min_size=1, max_size=12), small_ints,
       st.randoms(use_true_random=False))
def test_feedforward_ignores_the_order_of_the_pairs_when_exact(pairs, bias, random):
    shuffled = random.sample(pairs, len(pairs))
    assert feed_pairs(pairs, bias) == feed_pairs(shuffled, bias)


@given(pairs, small_floats, st.randoms(use_true_random=False))
def test_feedforward_ignores_the_order_of_the_pairs_within_rounding(pairs, bias, random):
    # Float addition is not associative: another order may round differently, but only so far.
    shuffled = random.sample(pairs, len(pairs))
    assert_is_sigmoid_of_exact_total_within_rounding(feed_pairs(shuffled, bias), pairs, bias)


def test_float_sums_do_depend_on_order():
    # Why the test above allows for rounding: 1e16 + 1 is 1e16 in floats.
    w = [1.0, 1.0, 1.0]
    assert Neuron(w, 0).feedforward([1e16, 1.0, -1e16]) == 0.5             # the 1 is lost
    assert Neuron(w, 0).feedforward([1e16, -1e16, 1.0]) == sigmoid(1.0)    # nothing is lost


@pytest.mark.parametrize("weights, inputs, expected", [
    ([1e308, 1e308], [10, 10], 1.0),     # w . x overflows to +inf
    ([1e308, 1e308], [-10, -10], 0.0),   # and to -inf
    ([10 ** 400], [1], 1.0),             # an int weight too large for a float
    ([1.0], [-(10 ** 400)], 0.0),        # and an input
])
def test_feedforward_survives_overflow(weights, inputs, expected):
    assert Neuron(weights, 0).feedforward(inputs) == expected


def test_feedforward_gives_nan_where_the_total_is_undefined():
    # +inf - inf has no value; as in NumPy, the result says so.
    assert math.isnan(Neuron([1e308, -1e308], 0).feedforward([10, 10]))


@given(st.lists(st.floats(), max_size=6), st.data())
def test_feedforward_never_raises_on_numbers(weights, data):
    inputs = data.draw(st.lists(st.floats(), min_size=len(weights), max_size=len(weights)))
    bias = data.draw(real_numbers)
    y = Neuron(weights, bias).feedforward(inputs)
    assert type(y) is float
    assert math.isnan(y) or 0.0 <= y <= 1.0


def test_neuron_keeps_its_own_copy_of_the_weights():
    weights = [0, 1]
    n = Neuron(weights, 4)
    weights[0] = 100
    weights.append(5)
    assert n.weights == [0.0, 1.0]
    assert n.feedforward([2, 3]) == WORKED_EXAMPLE


def test_repr_reads_like_the_call_that_builds_it():
    n = Neuron([0, 1], 4)
    assert repr(n) == "Neuron([0.0, 1.0], 4.0)"
    again = eval(repr(n), {"Neuron": Neuron})
    assert (again.weights, again.bias) == (n.weights, n.bias)


# --- Neuron: bad arguments ---------------------------------------------------------------------

def assert_still_works(n):
    assert (n.weights, n.bias) == ([0.0, 1.0], 4.0)
    assert n.feedforward([2, 3]) == WORKED_EXAMPLE


@pytest.mark.parametrize("count", [0, 1, 3, 10])
def test_feedforward_refuses_the_wrong_number_of_inputs(count):
    n = Neuron([0, 1], 4)
    with pytest.raises(ValueError) as error:
        n.feedforward([2] * count)
    assert str(error.value) == "expected 2 inputs, got %d" % count
    assert_still_works(n)


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_feedforward_names_the_input_that_is_not_a_number(bad):
    n = Neuron([0, 1], 4)
    with pytest.raises(TypeError) as error:
        n.feedforward([2, bad])
    assert str(error.value) == "inputs[1] must be a real number, got %r (%s)" % (
        bad, type(bad).__name__)
    assert_still_works(n)


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_neuron_names_the_weight_or_bias_that_is_not_a_number(bad):
    with pytest.raises(TypeError) as error:
        Neuron([bad, 1], 4)
    assert str(error.value).startswith("weights[0] must be a real number, got ")
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], bad)
    assert str(error.value).startswith("bias must be a real number, got ")


@pytest.mark.parametrize("not_a_list", [5, 2.5, None, True])
def test_weights_and_inputs_must_be_lists(not_a_list):
    shown = "got %r (%s)" % (not_a_list, type(not_a_list).__name__)
    with pytest.raises(TypeError) as error:
        Neuron(not_a_list, 4)
    assert str(error.value) == "weights must be a list of real numbers, " + shown
    n = Neuron([0, 1], 4)
    with pytest.raises(TypeError) as error:
        n.feedforward(not_a_list)
    assert str(error.value) == "inputs must be a list of real numbers, " + shown
    assert_still_works(n)


# --- The suite itself ----------------------------------------------------------------------------

def test_the_suite_fails_if_a_files_doctests_did_not_run(pytester):
    pytester.makeconftest((HERE / "conftest.py").read_text())
    pytester.makeini("[pytest]\ntestpaths = neuron.py README.md playground/page.py\n"
                     "addopts = --doctest-modules --doctest-glob=README.md\n")
    pytester.makepyfile(neuron='"""\n>>> 1 + 1\n2\n"""\n')
    pytester.mkdir("playground").joinpath("page.py").write_text('"""\n>>> 3 + 3\n6\n"""\n')
    pytester.path.joinpath("README.md").write_text("No examples here.\n")
    result = pytester.runpytest_subprocess()
    result.stdout.fnmatch_lines(["*no doctest ran in README.md*"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    pytester.path.joinpath("README.md").write_text(">>> 2 + 2\n4\n")
    assert pytester.runpytest_subprocess().ret == pytest.ExitCode.OK


# --- The file itself ---------------------------------------------------------------------------

# mutmut runs the tests on its own copy of neuron.py, which imports mutmut and is longer.
about_the_source_file = pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ, reason="neuron.py is instrumented by mutmut")


@about_the_source_file
def test_neuron_py_imports_math_alone():
    tree = ast.parse((HERE / "neuron.py").read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    assert imported == {"math"}


@about_the_source_file
def test_neuron_py_fits_on_slides():
    assert len((HERE / "neuron.py").read_text().splitlines()) <= 150


@pytest.mark.parametrize("name", ["sigmoid", "Neuron", "Neuron.feedforward"])
def test_public_names_have_docstrings_with_examples(name):
    thing = neuron
    for part in name.split("."):
        thing = getattr(thing, part)
    assert ">>> " in thing.__doc__
