"""Property tests for neuron.py, checked against exact arithmetic (fractions, decimal).

Run with `python -m pytest` (see README.md), which also runs tests/ and the examples of the
files TESTING.md names. The checks of the repository itself (line widths, the README's length,
the docs against the code) are in tests/test_repository.py.
"""
import collections
import collections.abc
import decimal
import doctest
import itertools
import math
import numbers
import os
import pathlib
import pydoc
import subprocess
import sys
import traceback
import types
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


# mutmut runs the tests on its own copy of neuron.py, which imports mutmut, is longer, and calls
# each function through one of its own: tests of the file's text, names or call depth skip it.
about_the_source_file = pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ, reason="neuron.py is instrumented by mutmut")


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
# Points where sigmoid is 2 ulp off or more (2.0014 and 1.986), found by a search: the
# answer lies just below a power of two, where an ulp is smallest for its size (TESTING.md).
JUST_BELOW_A_POWER_OF_TWO = [-4.84425982123796, -2.708688684914884]
# The bound that three roundings allow (TESTING.md, "How accurate").
MAX_ULP = 2.5


def naive_sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def textbook_stable_sigmoid(x):
    return math.exp(x) / (1.0 + math.exp(x))


# --- sigmoid: accuracy -------------------------------------------------------------------------

@given(st.one_of(st.floats(min_value=-750.0, max_value=40.0),
                 st.floats(allow_nan=False, allow_infinity=False)))
@example(-36.7368)
@example(JUST_BELOW_A_POWER_OF_TWO[0])
def test_sigmoid_is_within_its_bound_of_exact(x):
    assert ulps_off(sigmoid(x), x) <= MAX_ULP


@pytest.mark.parametrize(
    "point", BRANCH_POINTS + CROSSINGS + NAIVE_FAILS_AT + JUST_BELOW_A_POWER_OF_TWO)
def test_sigmoid_is_within_its_bound_at_hard_points(point):
    worst = max(ulps_off(sigmoid(x), x) for x in neighbours(point, 20))
    assert worst <= MAX_ULP


@pytest.mark.parametrize("x", NAIVE_FAILS_AT)
def test_accuracy_check_would_catch_the_naive_formula(x):
    # Why sigmoid switches to e**x below -36.7368: the article's formula, used down there,
    # rounds 1 + e**-x half a float step away and misses the exact value by more than 2 ulp,
    # where sigmoid's e**x is within 2.
    assert ulps_off(naive_sigmoid(x), x) > 2 >= ulps_off(sigmoid(x), x)


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


def shown(value):
    """How a refusal ends: the value given, cut short past 50 characters, and its type's name."""
    text = repr(value)
    return "got %s (%s)" % (text[:50] + "..." * (len(text) > 50), type(value).__name__)


def a_number(value):
    """What a refusal of one number says it must be: text (as input() gives) is told so, and how to
    read a number."""
    if isinstance(value, str):
        return "a number, not text: float(input()) reads one, "
    return "a real number, "


def count_error(inputs, weights):
    """The refusal of the wrong number of inputs, in plain grammar."""
    return "%d input%s for %d weight%s" % (inputs, "s" * (inputs != 1),
                                           weights, "s" * (weights != 1))


NOT_NUMBERS = ["2", b"2", bytearray(b"2"), None, [1.0], (1.0,), {"x": 1.0}, 1j, object()]


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_sigmoid_refuses_what_is_not_a_real_number(bad):
    with pytest.raises(TypeError) as error:
        sigmoid(bad)
    assert str(error.value) == "x must be " + a_number(bad) + shown(bad)


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


def test_numpy_arrays_are_made_floats_first_so_nothing_warns():
    # A NumPy array goes feedforward's careful way: its numbers become Python floats before they
    # are multiplied, so a product that overflows is inf without a word, as with a list of floats.
    # (setup.cfg turns warnings into errors, so a RuntimeWarning would fail this test.)
    n = Neuron([10, 10], 0)
    assert n.feedforward(np.array([1e308, 1.0])) == 1.0
    assert n.feedforward([1e308, 1.0]) == 1.0


def test_numpy_numbers_in_a_list_get_numpys_own_warning():
    # In a plain list the quick way multiplies a NumPy float64 with NumPy's arithmetic, which warns
    # when the product overflows, as NumPy always does; the careful way then gives the right answer.
    n = Neuron([10, 10], 0)
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert n.feedforward([np.float64(1e308), 1.0]) == 1.0


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
    assert str(error.value) == count_error(count, 2)
    assert_still_works(n)


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_feedforward_names_the_input_that_is_not_a_number(bad):
    n = Neuron([0, 1], 4)
    with pytest.raises(TypeError) as error:
        n.feedforward([2, bad])
    assert str(error.value) == "inputs[1] must be " + a_number(bad) + shown(bad)
    assert_still_works(n)


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_neuron_names_the_weight_or_bias_that_is_not_a_number(bad):
    with pytest.raises(TypeError) as error:
        Neuron([bad, 1], 4)
    assert str(error.value) == "weights[0] must be " + a_number(bad) + shown(bad)
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], bad)
    assert str(error.value) == "bias must be " + a_number(bad) + shown(bad)


@pytest.mark.parametrize("not_a_list", [5, 2.5, None, True])
def test_weights_and_inputs_must_be_lists(not_a_list):
    with pytest.raises(TypeError) as error:
        Neuron(not_a_list, 4)
    assert str(error.value) == "weights must be " + A_LIST + shown(not_a_list)
    n = Neuron([0, 1], 4)
    with pytest.raises(TypeError) as error:
        n.feedforward(not_a_list)
    assert str(error.value) == "inputs must be " + A_LIST + shown(not_a_list)
    assert_still_works(n)


# --- Neuron: changed by hand after it was built -------------------------------------------------

def changed(change):
    """The article's neuron, Neuron([0, 1], 4), after `change(n)`."""
    n = Neuron([0, 1], 4)
    change(n)
    return n


def set_attribute(name, value):
    return lambda n: setattr(n, name, value)


def bias_minus_half(n):
    n.bias -= 0.5


def weight_1_minus_tenth(n):
    n.weights[1] -= 0.1


def weight_0_is_2(n):
    n.weights[0] = 2


@pytest.mark.parametrize("change, weights, bias", [
    (bias_minus_half, [0, 1], 3.5),
    (set_attribute("bias", 3), [0, 1], 3),
    (set_attribute("bias", Fraction(3)), [0, 1], 3),
    (set_attribute("bias", Decimal(3)), [0, 1], 3),
    (weight_0_is_2, [2, 1], 4),
    (weight_1_minus_tenth, [0, 1 - 0.1], 4),
    (set_attribute("weights", [1, 1]), [1, 1], 4),
    (set_attribute("weights", (1, 1)), [1, 1], 4),
    (set_attribute("weights", np.array([1, 1])), [1, 1], 4),
    (set_attribute("weights", np.array([1.0, 1.5])), [1, 1.5], 4),
])
def test_a_neuron_changed_by_hand_uses_its_new_numbers(change, weights, bias):
    n = changed(change)
    assert n.feedforward([2, 3]) == Neuron(weights, bias).feedforward([2, 3])
    assert n.feedforward(iter([2, 3])) == Neuron(weights, bias).feedforward([2, 3])


BAD_CHANGES = ["4", None, [4], [0, "1"], [1j, 1], 5, "01"]


@pytest.mark.parametrize("bad", BAD_CHANGES)
def test_a_bias_changed_to_what_is_not_a_number_is_refused_by_name(bad):
    n = changed(set_attribute("bias", bad))
    if bad == 5:
        assert n.feedforward([2, 3]) == sigmoid(8)  # 5 is a fine bias
        return
    with pytest.raises(TypeError) as error:
        n.feedforward([2, 3])
    assert str(error.value) == "bias must be " + a_number(bad) + shown(bad)


@pytest.mark.parametrize("bad, error_type, message", [
    ("4", TypeError, "weights must be a list of numbers in order, got '4' (str)"),
    (None, TypeError, "weights must be a list of numbers in order, got None (NoneType)"),
    ([4], ValueError, "2 inputs for 1 weight"),
    ([0, "1"], TypeError,
     "weights[1] must be a number, not text: float(input()) reads one, got '1' (str)"),
    ([1j, 1], TypeError, "weights[0] must be a real number, got 1j (complex)"),
    (5, TypeError, "weights must be a list of numbers in order, got 5 (int)"),
    ("01", TypeError, "weights must be a list of numbers in order, got '01' (str)"),
])
def test_weights_changed_to_what_is_not_a_list_of_numbers_are_refused_by_name(bad, error_type,
                                                                              message):
    n = changed(set_attribute("weights", bad))
    for inputs in ([2, 3], iter([2, 3]), np.array([2, 3])):
        with pytest.raises(error_type) as error:
            n.feedforward(inputs)
        assert str(error.value) == message


def weight_1_is_none(n):
    n.weights[1] = None


def one_more_weight(n):
    n.weights.append(1)


def test_a_weight_changed_in_place_is_refused_by_its_index():
    with pytest.raises(TypeError) as error:
        changed(weight_1_is_none).feedforward([2, 3])
    assert str(error.value) == "weights[1] must be a real number, got None (NoneType)"
    with pytest.raises(ValueError) as error:
        changed(one_more_weight).feedforward([2, 3])
    assert str(error.value) == "2 inputs for 3 weights"


class Unusual:
    """An object that is no number, with a type name of its own, and that (as a list does on the
    micro:bit's MicroPython) lets itself be compared with 0."""

    def __lt__(self, other):
        return False

    def __repr__(self):
        return "Unusual()"


anything = st.one_of(
    real_numbers, st.complex_numbers(), st.text(), st.binary(), st.none(), st.builds(Unusual),
    st.lists(real_numbers, max_size=3), st.tuples(real_numbers), st.sets(st.integers(), max_size=3),
    st.dictionaries(st.integers(), st.integers(), max_size=2), st.just(np.array([1.0, 2.0])),
    st.sampled_from([np.complex64(1 + 2j), np.complex128(3 - 1j), np.float32(0.5), np.int8(-128)]))


def is_a_number(value):
    return isinstance(value, (int, float, Fraction, Decimal, np.integer, np.floating))


def assert_refused_by_name_or_fine(n, name):
    """n.feedforward([2, 3]) gives a float in [0, 1] (or nan), or refuses by name, and True if it
    gave a float: never another error."""
    try:
        y = n.feedforward([2, 3])
    except TypeError as error:
        assert str(error).startswith(name + " must be ") or str(error).startswith(name + "[")
        return False
    except ValueError as error:
        assert str(error).startswith("2 inputs for ") and " weight" in str(error)
        return False
    assert type(y) is float and (math.isnan(y) or 0.0 <= y <= 1.0)
    return True


@given(anything)
def test_any_bias_is_used_or_refused_by_name(bias):
    worked = assert_refused_by_name_or_fine(changed(set_attribute("bias", bias)), "bias")
    assert worked == is_a_number(bias)


@given(anything, st.sampled_from([0, 1]))
def test_any_weight_is_used_or_refused_by_name(weight, index):
    n = Neuron([0, 1], 4)
    n.weights[index] = weight
    worked = assert_refused_by_name_or_fine(n, "weights")
    assert worked == is_a_number(weight)


@given(anything)
def test_any_weights_are_used_or_refused_by_name(weights):
    assert_refused_by_name_or_fine(changed(set_attribute("weights", weights)), "weights")


# --- Neuron: whole arguments, collections and iterators ----------------------------------------

@pytest.mark.parametrize("text", ["2 3", "23", b"23", bytearray(b"23")])
def test_text_as_the_whole_inputs_or_weights_is_refused_as_such(text):
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], 4).feedforward(text)
    assert str(error.value) == "inputs must be " + A_LIST + shown(text)
    with pytest.raises(TypeError) as error:
        Neuron(text, 4)
    assert str(error.value) == "weights must be " + A_LIST + shown(text)


@pytest.mark.parametrize("unordered", [
    {2, 3}, frozenset([2, 3]), {2: 0, 3: 0}, collections.Counter([2, 3])])
def test_unordered_collections_are_refused_saying_why(unordered):
    assert_refused_as_inputs_and_weights(unordered, IN_ORDER)


IN_ORDER = A_LIST = "a list of numbers in order, "  # a string, a set, a mapping, a table, a number


def assert_refused_as_inputs_and_weights(collection, why):
    """The collection is refused, saying why, as inputs, as weights, and as weights changed by
    hand (and then with inputs of any kind)."""
    calls = [(lambda: Neuron([0, 1], 4).feedforward(collection), "inputs"),
             (lambda: Neuron(collection, 4), "weights")]
    n = changed(set_attribute("weights", collection))
    calls += [(lambda: n.feedforward([2, 3]), "weights"),
              (lambda: n.feedforward(iter([2, 3])), "weights")]
    for call, name in calls:
        with pytest.raises(TypeError) as error:
            call()
        assert str(error.value) == name + " must be " + why + shown(collection)


MOST = 1000000  # the most numbers neuron.py takes from one collection


class Counted:
    """An iterator over `numbers` that counts how many of them were taken, and fails the test
    instead of going on past `most` (so an endless one cannot hang the suite, or fill the memory,
    where it is followed for ever)."""

    def __init__(self, numbers, most=1000):
        self.numbers, self.taken, self.most = iter(numbers), 0, most

    def __iter__(self):
        return self

    def __next__(self):
        self.taken += 1
        assert self.taken <= self.most, "took %d numbers from an endless iterator" % self.most
        return next(self.numbers)

    def __repr__(self):
        return "Counted(endless)"


@pytest.mark.parametrize("name", ["inputs", "weights"])
def test_endless_weights_or_inputs_are_refused_not_followed_for_ever(name):
    # A million numbers, and one more: refused, rather than followed for ever (here the iterator
    # gives up at two million). One input too many does not stop the count: the message says how
    # many there were (below).
    endless = Counted(itertools.count(), most=2 * MOST)
    with pytest.raises(TypeError) as error:
        if name == "inputs":
            Neuron([0, 1], 4).feedforward(endless)
        else:
            Neuron(endless, 4)
    assert str(error.value) == name + " must be at most a million numbers, got Counted(endless) " \
        "(Counted)"
    assert endless.taken == MOST + 1


def five_numbers(kind):
    numbers = [2, 3, 5, 7, 11]
    return {"range": lambda: range(2, 7), "deque": lambda: collections.deque(numbers),
            "generator": lambda: (x for x in numbers), "iterator": lambda: iter(numbers),
            "tuple": lambda: tuple(numbers), "NumPy array": lambda: np.array(numbers),
            "map": lambda: map(float, numbers), "list": lambda: list(numbers)}[kind]()


@pytest.mark.parametrize("kind", ["range", "deque", "generator", "iterator", "tuple",
                                  "NumPy array", "map", "list"])
def test_the_count_is_right_for_every_kind_of_iterable(kind):
    # Reading one input past the weights and stopping would say "got 3" for five.
    with pytest.raises(ValueError) as error:
        Neuron([0, 1], 4).feedforward(five_numbers(kind))
    assert str(error.value) == "5 inputs for 2 weights"


def test_an_error_in_your_own_generator_comes_through_unchanged():
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], 4).feedforward(1 + x for x in [0, None])
    with pytest.raises(TypeError) as python_says:
        1 + None
    assert str(error.value) == str(python_says.value)


class LyingLength:
    """A collection whose len() says one thing and whose iteration gives another."""

    def __init__(self, length, numbers):
        self.length, self.numbers = length, numbers

    def __len__(self):
        return self.length

    def __iter__(self):
        return iter(self.numbers)


@pytest.mark.parametrize("length, numbers", [(2, [3]), (2, [2, 3, 5]), (1, [2, 3, 5])])
def test_the_count_is_what_iteration_gives_never_what_len_says(length, numbers):
    with pytest.raises(ValueError) as error:
        Neuron([0, 1], 4).feedforward(LyingLength(length, numbers))
    assert str(error.value) == count_error(len(numbers), 2)


@pytest.mark.parametrize("length", [0, 1, 3, 5])
def test_a_wrong_len_with_the_right_numbers_still_works(length):
    assert Neuron([0, 1], 4).feedforward(LyingLength(length, [2, 3])) == WORKED_EXAMPLE


def test_a_list_is_counted_whole_even_when_the_weights_are_not_a_list():
    # A list has an honest len(), so the careful way reads all of it, and says how many it got.
    n = changed(set_attribute("weights", np.array([0, 1])))
    with pytest.raises(ValueError) as error:
        n.feedforward([2] * 10)
    assert str(error.value) == "10 inputs for 2 weights"


class BareNumber:
    """A real number with no .real or .imag, as MicroPython's ints and floats have none."""

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return self.value < other

    def __float__(self):
        return float(self.value)


def test_a_number_needs_no_real_or_imag_part():
    assert sigmoid(BareNumber(7)) == WORKED_EXAMPLE
    n = Neuron([BareNumber(0), 1], BareNumber(4))
    assert n.feedforward([2, BareNumber(3)]) == WORKED_EXAMPLE


# --- Numbers at the edges: Decimal, NumPy complex ----------------------------------------------

LARGEST_FLOAT = sys.float_info.max  # 1.7976931348623157e308


def test_a_decimal_beyond_a_floats_range_counts_as_the_largest_float():
    assert sigmoid(Decimal("1e1000000")) == 1.0
    assert sigmoid(Decimal("-1e1000000")) == 0.0
    assert Neuron([Decimal("1e1000000")], 0).feedforward([1]) == 1.0
    assert Neuron([1], Decimal("-1e1000000")).feedforward([Decimal("-9e999999")]) == 0.0
    assert Neuron([Decimal("1e400"), -10 ** 400], Fraction(10 ** 400, 3)).weights == [
        LARGEST_FLOAT, -LARGEST_FLOAT]
    assert Neuron([1], Fraction(10 ** 400, 3)).bias == LARGEST_FLOAT
    # Infinite ones stay infinite.
    assert Neuron([Decimal("Infinity"), -math.inf], 0).weights == [math.inf, -math.inf]


@pytest.mark.parametrize("huge", [10 ** 400, -10 ** 400, Fraction(10 ** 400, 3), Decimal("1e400"),
                                  Decimal("-9e999999"), 10 ** 5000], ids=[
    "10**400", "-10**400", "Fraction(10**400, 3)", "Decimal('1e400')", "Decimal('-9e999999')",
    "10**5000"])
def test_an_input_whose_weight_is_0_does_not_matter_however_big(huge):
    # The worksheet (2b): x1 does not matter when its weight is 0. A number too big for a float is
    # the largest float, not inf, so 0 times it is 0, not nan (0 * inf).
    assert Neuron([0, 1], 4).feedforward([huge, -4]) == 0.5
    assert Neuron([0, 1], 4).feedforward(iter([huge, -4])) == 0.5
    assert Neuron([huge, 1], 4).feedforward([0, -4]) == 0.5
    # Infinities and nans are not numbers one weighs: 0 * inf has no value, as in NumPy.
    assert math.isnan(Neuron([0, 1], 4).feedforward([math.inf, -4]))


NANS = [Decimal("NaN"), Decimal("-NaN"), Decimal("sNaN"), Decimal("-sNaN"), Decimal("sNaN123"),
        math.nan, -math.nan, np.float64("nan"), np.array(math.nan)]
CONTEXTS = {"default": decimal.DefaultContext, "extended, no traps": decimal.ExtendedContext,
            "basic": decimal.BasicContext,
            "no traps at all": decimal.Context(traps=[]),
            "every trap": decimal.Context(traps=list(decimal.DefaultContext.traps))}


@pytest.mark.parametrize("context", CONTEXTS, ids=str)
@pytest.mark.parametrize("nan", NANS, ids=repr)
def test_any_nan_signalling_or_not_trapped_or_not_gives_nan(nan, context):
    # With decimal's ExtendedContext (no traps), a nan compares as nothing: a check that asks
    # "is it below -36.7368?" would take it for a tiny number, and give 0.5 or keep 0.0.
    with decimal.localcontext(CONTEXTS[context]):
        assert math.isnan(sigmoid(nan))
        n = Neuron([nan, 1], nan)
        assert math.isnan(n.weights[0]) and math.isnan(n.bias) and n.weights[1] == 1.0
        assert math.isnan(Neuron([1], 0).feedforward([nan]))
        assert math.isnan(Neuron([1], 0).feedforward(iter([nan])))


@pytest.mark.parametrize("bad", [np.complex64(1 + 2j), np.complex128(3 - 1j), np.clongdouble(1j)])
def test_numpy_complex_numbers_are_refused_like_pythons(bad):
    # setup.cfg turns warnings into errors: NumPy's ComplexWarning would fail these.
    expected = "must be a real number, " + shown(bad)
    with pytest.raises(TypeError) as error:
        sigmoid(bad)
    assert str(error.value) == "x " + expected
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], 4).feedforward([2, bad])
    assert str(error.value) == "inputs[1] " + expected
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], 4).feedforward(np.array([2, bad]))
    assert str(error.value).startswith("inputs[1] must be a real number, got ")
    with pytest.raises(TypeError) as error:
        Neuron([0, 1], bad)
    assert str(error.value) == "bias " + expected


def test_a_complex_number_with_no_imaginary_part_is_python_s_or_numpy_s():
    # Python will not make a float of 3+0j, and neither does neuron.py; NumPy orders its complex
    # numbers like reals, and neuron.py takes one whose imaginary part is 0 as that real number.
    with pytest.raises(TypeError):
        sigmoid(3 + 0j)
    assert sigmoid(np.complex64(3)) == sigmoid(np.complex128(3)) == sigmoid(3.0)


@pytest.mark.parametrize("array", [np.array([5.0]), np.array([[1.0, 2.0]]), np.array([])])
def test_a_numpy_array_with_a_length_is_not_a_number(array):
    with pytest.raises(TypeError) as error:
        sigmoid(array)
    assert str(error.value) == "x must be a real number, " + shown(array)


# --- Order pairs an input with its weight: mappings and tables --------------------------------

NOT_A_TABLE = IN_ORDER  # a table, as a set or a mapping: the pairs are not in order


class MappingStandIn(collections.abc.Mapping):
    """A mapping of one's own: like every mapping's, its iteration gives its keys."""

    def __init__(self, items):
        self.items = dict(items)

    def __getitem__(self, key):
        return self.items[key]

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "MappingStandIn(%r)" % self.items


class KeysStandIn:
    """A mapping with no collections.abc (which the micro:bit has not): keys(), and iteration
    that gives them."""

    def __init__(self, items):
        self.items = dict(items)

    def keys(self):
        return self.items.keys()

    def __iter__(self):
        return iter(self.items)


class TableStandIn:
    """What neuron.py sees of a pandas DataFrame: two dimensions (ndim 2), keys() that gives the
    column labels, and iteration that gives them too."""
    ndim = 2

    def __init__(self, rows):
        self.rows = rows

    def keys(self):
        return list(range(len(self.rows[0])))

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.rows)

    def __repr__(self):
        return "TableStandIn(%r)" % (self.rows,)


class SeriesStandIn:
    """What neuron.py sees of a pandas Series: one dimension (ndim 1), keys() that gives its
    labels, and iteration that gives its values, in order."""
    ndim = 1

    def __init__(self, values, labels):
        self.values, self.labels = values, labels

    def keys(self):
        return list(self.labels)

    def __iter__(self):
        return iter(self.values)

    def __len__(self):
        return len(self.values)


def two_items():
    return {0: 2, 1: 3}


MAPPINGS = [
    lambda: collections.UserDict(two_items()), lambda: collections.ChainMap(two_items()),
    lambda: types.MappingProxyType(two_items()), lambda: collections.OrderedDict(two_items()),
    lambda: collections.defaultdict(int, two_items()), lambda: MappingStandIn(two_items()),
    lambda: KeysStandIn(two_items()), lambda: {0: 2, 1: 3}.keys().mapping,
]


@pytest.mark.parametrize("make_mapping", MAPPINGS)
def test_every_mapping_is_refused_saying_why(make_mapping):
    # Each gives its keys, 0 and 1, where its values were meant: sigmoid(0*0 + 1*1 + 4) before.
    assert_refused_as_inputs_and_weights(make_mapping(), IN_ORDER)


@pytest.mark.parametrize("table", [
    TableStandIn([[2, 3]]), np.array([[2, 3]]), np.array([[2], [3]]), np.zeros((1, 2, 1))])
def test_a_table_is_refused_as_not_one_row(table):
    # Iterating a DataFrame gives its column labels (here 0 and 1, so sigmoid(5) before); a 2-d
    # array's gives its rows.
    assert_refused_as_inputs_and_weights(table, NOT_A_TABLE)


def test_a_series_gives_its_values_in_order():
    inputs = SeriesStandIn([2, 3], labels=["x1", "x2"])
    assert Neuron([0, 1], 4).feedforward(inputs) == WORKED_EXAMPLE
    n = Neuron(SeriesStandIn([0, 1], labels=["w2", "w1"]), SeriesStandIn([4], ["b"]).values[0])
    assert n.weights == [0.0, 1.0]
    assert n.feedforward(np.array([2, 3])) == WORKED_EXAMPLE


# --- One number is one number: 0-d arrays --------------------------------------------------------

def zero_d_cases():
    """(dtype, value) for each NumPy number type and each of these values that it can hold."""
    cases = []
    for dtype in [np.float16, np.float32, np.float64, np.longdouble, np.int8, np.int16,
                  np.int32, np.int64, np.uint8, np.uint64, np.bool_]:
        for value in [-1000, -40, -1, 0, 1, 7, 40, 709, 1000]:
            if np.issubdtype(dtype, np.integer):
                limits = np.iinfo(dtype)
                if not limits.min <= value <= limits.max:
                    continue
            elif dtype is np.bool_ and value not in (0, 1):
                continue
            cases.append((dtype, value))
    return cases


@pytest.mark.parametrize("dtype, value", zero_d_cases())
def test_a_0d_array_is_the_number_it_holds(dtype, value):
    # As float() and NumPy take it, and as SciPy's expit tests pass it.
    array = np.array(value, dtype=dtype)
    assert array.ndim == 0
    assert sigmoid(array) == sigmoid(float(array))
    n = Neuron([np.array(0, dtype=dtype), array], np.array(1, dtype=dtype))
    assert n.weights == [0.0, float(array)] and n.bias == 1.0
    assert n.feedforward([array, np.array(1, dtype=dtype)]) == sigmoid(float(array) + 1)


class ZeroDStandIn:
    """Anything with ndim == 0 that float() takes is one number, although len() refuses it."""
    ndim = 0

    def __init__(self, value):
        self.value = value

    def __len__(self):
        raise TypeError("len() of unsized object")

    def __lt__(self, other):
        return self.value < other

    def __float__(self):
        return float(self.value)


def test_anything_0d_that_float_takes_is_one_number():
    assert sigmoid(ZeroDStandIn(7)) == sigmoid(np.array(7.0)) == WORKED_EXAMPLE
    assert Neuron([0, ZeroDStandIn(1)], ZeroDStandIn(4)).feedforward([2, 3]) == WORKED_EXAMPLE
    assert math.isnan(sigmoid(np.array(np.nan)))
    assert sigmoid(np.array(3 + 0j)) == sigmoid(3.0)  # as NumPy's complex scalars


@pytest.mark.parametrize("bad", [np.array(1 + 2j), np.array("4"), np.array(None)])
def test_a_0d_array_of_what_is_no_real_number_is_refused(bad):
    with pytest.raises(TypeError) as error:
        sigmoid(bad)
    assert str(error.value) == "x must be a real number, " + shown(bad)


def test_a_0d_array_is_one_number_not_a_list_of_them():
    with pytest.raises(TypeError) as error:
        Neuron([1], 0).feedforward(np.array(5.0))
    assert str(error.value) == "inputs must be " + A_LIST + shown(np.array(5.0))


# --- Every interpreter fails to convert in its own way -------------------------------------------

def failing_decimal(error_type):
    """A Decimal whose float() raises error_type when the float would be inf, 0.0 or nan, as
    Brython's Decimal raises ValueError for Decimal("1e400") where CPython's gives inf."""

    class FailingDecimal(Decimal):
        def __float__(self):
            plain = float(Decimal(self))
            if plain in (math.inf, -math.inf, 0.0) or plain != plain:
                raise error_type("could not convert string to float: %r" % str(self))
            return plain

    return FailingDecimal


@pytest.mark.parametrize("error_type", [
    ValueError, OverflowError, ArithmeticError, decimal.InvalidOperation, decimal.Overflow])
@pytest.mark.parametrize("text", [
    "1e400", "-1e400", "1e-400", "-1e-400", "9e999999", "NaN", "-NaN", "sNaN", "2.5"])
def test_whatever_a_python_raises_converting_a_number_gives_cpythons_result(error_type, text):
    # A number float() cannot hold: a ValueError (Brython's, for Decimal("1e400")) or an
    # ArithmeticError, whichever a Python raises.
    number = failing_decimal(error_type)(text)
    expected = Decimal(text)  # CPython's own: float() of it is inf, -inf, 0.0, nan, or 2.5
    if expected.is_snan():
        expected = Decimal("NaN")
    # ... as neuron.py keeps it: finite ones beyond the floats as the largest float
    expected = float(expected)
    if math.isinf(expected):
        expected = math.copysign(LARGEST_FLOAT, expected)
    assert sigmoid(number) == sigmoid(expected) or math.isnan(sigmoid(expected))
    assert math.isnan(sigmoid(number)) == math.isnan(expected)
    n = Neuron([number], number)
    kept = n.weights + [n.bias]  # as floats; -1e-400 may come out as 0.0 rather than -0.0
    assert all(type(x) is float and (x == expected or x != x != expected) for x in kept)
    y = Neuron([1], 0).feedforward([number])
    assert y == sigmoid(expected) or math.isnan(y) and math.isnan(expected)


class Failing:
    """A number of one's own whose comparison with 0, or float(), raises `error`: an error that
    is not about the number (RecursionError, MemoryError, KeyboardInterrupt, or a bug of its own,
    KeyError, RuntimeError) must come through, not be taken for a number float() cannot hold."""

    def __init__(self, error, where):
        self.error, self.where = error, where

    def __lt__(self, other):
        if self.where == "compare":
            raise self.error("from the number's own code")
        return False

    __gt__ = __lt__

    def __float__(self):
        raise self.error("from the number's own code")


@pytest.mark.parametrize("where", ["compare", "float"])
@pytest.mark.parametrize("error", [RecursionError, MemoryError, KeyboardInterrupt, KeyError,
                                   RuntimeError, NotImplementedError])
def test_errors_that_are_not_about_the_number_come_through(error, where):
    # Catching every Exception there would take the number for a nan, or for 0.0.
    number = Failing(error, where)
    calls = [lambda: sigmoid(number), lambda: Neuron([number, 1], 0), lambda: Neuron([1], number),
             lambda: Neuron([0, 1], 4).feedforward([2, number]),
             lambda: Neuron([0, 1], 4).feedforward(iter([2, number]))]
    for call in calls:
        with pytest.raises(error, match="from the number's own code"):
            call()


def at_depth(depth, call):
    """call() with `depth` more frames of this file on the stack."""
    return call() if depth == 0 else at_depth(depth - 1, call)


def near_the_recursion_limit(call):
    """What call() gives with 1 to 59 frames to spare under a recursion limit of 200: its result
    at each depth, or "RecursionError" where the stack ran out."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        depth = len(traceback.extract_stack())
        results = []
        for spare in range(1, 60):
            try:
                results.append(at_depth(200 - depth - spare, call))
            except RecursionError:
                results.append("RecursionError")
    finally:
        sys.setrecursionlimit(limit)
    return results


def test_the_recursion_limit_comes_through_never_a_wrong_number():
    # Near the recursion limit, Fraction's comparisons (Python code) run out of stack inside the
    # number checks. Swallowing that would keep Neuron([nan, 1.0], nan) on 3.11 to 3.13
    # (Neuron([0.0, 1.0], 2.5) on 3.6): at every depth, the right neuron or a RecursionError.
    results = near_the_recursion_limit(lambda: Neuron([Fraction(1, 3), 1], Fraction(5, 2)))
    outcomes = set(result if result == "RecursionError" else (tuple(result.weights), result.bias)
                   for result in results)
    assert outcomes == {"RecursionError", ((1 / 3, 1.0), 2.5)}


def test_a_type_error_from_float_still_means_no_number():
    # Python's float() raises TypeError for what is no number; that stays a refusal.
    with pytest.raises(TypeError) as error:
        sigmoid(Unusual())
    assert str(error.value) == "x must be a real number, got Unusual() (Unusual)"


# --- The same text on every interpreter: nan ---------------------------------------------------

@pytest.mark.parametrize("make_nan", [
    lambda: sigmoid(math.nan), lambda: sigmoid(-math.nan), lambda: sigmoid(Decimal("-NaN")),
    lambda: sigmoid(Decimal("-sNaN")), lambda: sigmoid(np.float64("nan")),
    lambda: Neuron([1e308, -1e308], 0).feedforward([10, 10]),  # inf - inf
    lambda: Neuron([1], 0).feedforward([-math.nan]),
])
def test_a_nan_comes_out_without_a_sign(make_nan):
    # e**-x turns a nan's sign bit on, and the micro:bit prints such a nan as "-nan" where every
    # other Python prints "nan" (compat/microbit_check.py shows it); CPython keeps the bit too.
    y = make_nan()
    assert math.isnan(y) and math.copysign(1.0, y) == 1.0 and repr(y) == "nan"


# --- Errors: short, and the same on every Python -------------------------------------------------

def neuron_py_depth(function, *arguments):
    """(deepest, where it raised): how many neuron.py calls were ever on the stack at once while
    function(*arguments) ran, and how many of them were on it where it raised (0 if it did not)."""
    depth = deepest = 0

    def profile(frame, event, argument):
        nonlocal depth, deepest
        if frame.f_code.co_filename == neuron.__file__:
            if event == "call":
                depth += 1
                deepest = max(deepest, depth)
            elif event == "return":
                depth -= 1

    sys.setprofile(profile)
    try:
        function(*arguments)
    except (TypeError, ValueError) as error:
        frames = traceback.extract_tb(error.__traceback__)
        return deepest, sum(frame.filename == neuron.__file__ for frame in frames)
    finally:
        sys.setprofile(None)
    return deepest, 0


REFUSALS = [
    (sigmoid, "7"), (sigmoid, None), (Neuron, [0, "1"], 4), (Neuron, [0, 1], "4"),
    (Neuron, "01", 4), (Neuron, {1, 2}, 4), (Neuron, 5, 4),
    (Neuron([0, 1], 4).feedforward, [2, None]), (Neuron([0, 1], 4).feedforward, (2, "3")),
    (Neuron([0, 1], 4).feedforward, iter([2, None])), (Neuron([0, 1], 4).feedforward, "2 3"),
    (Neuron([0, 1], 4).feedforward, [2, 3, 5]),
    (Neuron([0, 1], 4).feedforward, range(5)), (Neuron([0, 1], 4).feedforward, 10 ** 5000),
    (Neuron([0, 1], 4).feedforward, collections.UserDict({0: 2, 1: 3})),
    (Neuron([0, 1], 4).feedforward, np.array([[2, 3]])), (Neuron, TableStandIn([[5, 7]]), 4),
    (sigmoid, np.array([5.0])), (Neuron, [0, 1], np.array(["4"])),
    (changed(set_attribute("bias", "4")).feedforward, [2, 3]),
    (changed(set_attribute("weights", [0, None])).feedforward, np.array([2, 3])),
    (changed(set_attribute("weights", 5)).feedforward, [2, 3]),
]


@about_the_source_file
def short_id(call):
    """A test id: the arguments, as a refusal shows them (an int too long to print is '...')."""
    try:
        return repr(call[1:])[:60]
    except ValueError:
        return "(10**5000,)"


@pytest.mark.parametrize("call", REFUSALS, ids=short_id)
def test_a_refusal_is_raised_at_most_two_calls_deep(call):
    # The BBC micro:bit's MicroPython has room for about six nested Python calls, fewer in a
    # module that main.py imports, and a learner's program two functions deep needs the rest
    # (compat/microbit_check.py runs one, from main.py and at the board's prompt).
    deepest, raised_at = neuron_py_depth(*call)
    assert 1 <= raised_at <= deepest <= 2


@about_the_source_file
@pytest.mark.parametrize("call", [
    (sigmoid, 7), (Neuron([0, 1], 4).feedforward, iter([Decimal(2), 10 ** 400])),
    (changed(set_attribute("bias", Decimal(4))).feedforward, [2, 3]), (Neuron, (0, 1), 4),
    (Neuron, [Fraction(1, 3)], Decimal(4)), (sigmoid, np.array(7.0)),
])
def test_a_call_that_works_is_at_most_two_calls_deep_too(call):
    assert neuron_py_depth(*call) in [(1, 0), (2, 0)]


@about_the_source_file
@pytest.mark.parametrize("weights, bias", [
    ([0, 1], 4), ([0.5, -1.5], 0.25), ([], 0), ([True, 2], -1), ([10.0 ** 300] * 3, 1e308)])
def test_a_neuron_from_lists_of_ints_and_floats_is_two_calls_deep(weights, bias):
    # Building it and feeding it, the happy path of a lesson on the board
    # (compat/microbit_check.py runs one in a module that main.py imports).
    assert neuron_py_depth(Neuron, weights, bias) == (2, 0)
    n = Neuron(weights, bias)
    assert n.weights == [float(w) for w in weights] and n.bias == float(bias)
    assert all(type(number) is float for number in n.weights + [n.bias])
    assert neuron_py_depth(n.feedforward, [1.0] * len(weights)) == (2, 0)


@given(anything)
def test_a_type_name_in_a_message_is_pythons_own(value):
    n = Neuron([0, 1], 4)
    try:
        n.feedforward([2, value])
    except TypeError as error:
        assert str(error).endswith(" (%s)" % type(value).__name__)
    else:
        assert is_a_number(value)


class Outer:
    class Inner:
        pass


def test_a_type_name_is_the_short_one_even_for_a_nested_class():
    with pytest.raises(TypeError) as error:
        sigmoid(Outer.Inner())
    assert str(error.value).endswith(" (Inner)")


# --- Messages a learner can act on -------------------------------------------------------------

def test_text_from_input_says_it_is_text_and_how_to_read_a_number(monkeypatch):
    # A pupil types 2 and 3: input() gives text. "must be a real number" alone would not say so.
    typed = iter(["2", "3"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    n = Neuron([0, 1], 4)
    with pytest.raises(TypeError) as error:
        n.feedforward([input(), input()])
    assert str(error.value) == ("inputs[0] must be a number, not text: float(input()) reads one, "
                                "got '2' (str)")
    assert n.feedforward([float("2"), float("3")]) == WORKED_EXAMPLE


def test_a_count_names_weights_and_inputs_in_plain_grammar():
    # Not "expected 1 inputs, got 2": the message counts weights and inputs in plain grammar, and
    # after n.weights = [1, 2, 3] says that the weights changed.
    with pytest.raises(ValueError) as error:
        Neuron([1], 4).feedforward([2, 3])
    assert str(error.value) == "2 inputs for 1 weight"
    n = Neuron([0, 1], 4)
    n.weights = [1, 2, 3]
    with pytest.raises(ValueError) as error:
        n.feedforward([2, 3])
    assert str(error.value) == "2 inputs for 3 weights"
    with pytest.raises(ValueError) as error:
        Neuron([1, 2], 0).feedforward([7])
    assert str(error.value) == "1 input for 2 weights"


class Meta(type):
    """A metaclass whose classes print without quotes: str(type(x)) is just 'Plain'."""

    def __repr__(cls):
        return cls.__name__


class Plain(metaclass=Meta):
    def __repr__(self):
        return "Plain()"


@pytest.mark.parametrize("make, expected", [
    (lambda: Neuron([0, 1], 4).feedforward(10 ** 5000),
     "inputs must be a list of numbers in order, got ... (int)"),
    (lambda: Neuron(10 ** 5000, 4), "weights must be a list of numbers in order, got ... (int)"),
    (lambda: sigmoid(Plain()), "x must be a real number, got Plain() (Plain)"),
    (lambda: Neuron([0, 1], 4).feedforward(Plain()),
     "inputs must be a list of numbers in order, got Plain() (Plain)"),
    (lambda: Neuron([0, 1], 4).feedforward("2 3 " * 100),
     "inputs must be a list of numbers in order, got "
     "'2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2... (str)"),
    (lambda: Neuron([0, 1], 4).feedforward("x" * 49),  # 51 characters as text: cut at 50
     "inputs must be a list of numbers in order, got '" + "x" * 49 + "... (str)"),
    (lambda: Neuron([0, 1], 4).feedforward("x" * 48),  # 50: whole
     "inputs must be a list of numbers in order, got '" + "x" * 48 + "' (str)"),
    (lambda: Neuron([0, 1], 4).feedforward([2, [3] * 1000]),
     "inputs[1] must be a real number, got [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3"
     "... (list)"),
], ids=["int of 5001 digits", "as weights", "metaclass", "metaclass, inputs", "long text",
        "51 characters", "50 characters", "long list"])
def test_a_refusal_message_never_fails_to_build(make, expected):
    # Building the message must not fail itself: str(10**5000) raises ValueError (Exceeds the limit
    # (4300 digits) for integer string conversion), and a type that prints without quotes could
    # give an IndexError.
    with pytest.raises(TypeError) as error:
        make()
    assert str(error.value) == expected


def test_the_failing_line_of_a_refusal_is_never_the_message_building_line():
    # The last line shown in neuron.py is a plain raise of the message built above it, whatever
    # the refusal: never the line that builds the message.
    for call in REFUSALS:
        with pytest.raises((TypeError, ValueError)) as error:
            call[0](*call[1:])
        last = traceback.extract_tb(error.value.__traceback__)[-1]
        assert last.filename == neuron.__file__
        assert last.line in ("raise TypeError(message)", "raise ValueError(message)"), last.line


class RegisteredInt:
    """What neuron.py sees of gmpy2.mpz(2): a numbers.Integral (registered, not a subclass of
    int) that float() takes, with a __len__ (its number of digits) and indexing (its bits), but no
    iteration."""

    def __init__(self, value):
        self.value = value

    def __len__(self):
        return len(str(self.value))

    def __getitem__(self, bit):
        if isinstance(bit, int) and bit < 0:
            raise IndexError(bit)
        return (self.value >> bit) & 1

    def __iter__(self):
        raise TypeError("'mpz' object is not iterable")

    def __lt__(self, other):
        return self.value < other

    def __float__(self):
        return float(self.value)

    def __repr__(self):
        return "mpz(%d)" % self.value


numbers.Integral.register(RegisteredInt)


def test_what_float_takes_is_a_number_unless_it_really_is_a_collection():
    # gmpy2.mpz(2) is a number, though it has a __len__: not "not a real number". A collection (an
    # ndim of 1 or more: a NumPy array, a pandas Series) is still refused where a number goes.
    two = RegisteredInt(2)
    assert isinstance(two, numbers.Integral) and float(two) == 2.0
    assert sigmoid(RegisteredInt(7)) == WORKED_EXAMPLE
    n = Neuron([RegisteredInt(0), 1], RegisteredInt(4))
    assert n.weights == [0.0, 1.0] and n.bias == 4.0
    assert n.feedforward([two, RegisteredInt(3)]) == WORKED_EXAMPLE
    assert n.feedforward(iter([two, 3])) == WORKED_EXAMPLE
    for collection in [np.array([7.0]), SeriesStandIn([7.0], ["x"])]:
        with pytest.raises(TypeError):
            sigmoid(collection)


class BrythonInt:
    """An int as MicroPython and Brython have one beyond the floats: float() makes it inf, and a
    float times it is inf, or nan for 0.0, without an error (CPython raises OverflowError)."""

    def __init__(self, value):
        self.value = value

    def __float__(self):
        return math.inf if self.value > 0 else -math.inf

    def __rmul__(self, other):
        return other * float(self)

    def __neg__(self):
        return BrythonInt(-self.value)

    def __lt__(self, other):
        return self.value < other

    def __gt__(self, other):
        return self.value > other

    def __ne__(self, other):
        return self.value != other


def test_a_nan_total_is_worked_out_again_the_careful_way():
    # MicroPython's and Brython's 0.0 * 10**400 is nan: the quick way's nan total goes the careful
    # way, where 10**400 is the largest float, and 0 times it is 0.
    huge = BrythonInt(10 ** 400)
    assert math.isnan(0.0 * huge)
    assert Neuron([0, 1], 4).feedforward([huge, -4]) == 0.5
    assert Neuron([1, 1], 0).feedforward([huge, -huge]) == 0.5  # not inf - inf


def neuron_py_calls(function, *arguments):
    """The names of neuron.py's functions that function(*arguments) called, in order."""
    calls = []

    def profile(frame, event, argument):
        if event == "call" and frame.f_code.co_filename == neuron.__file__:
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        function(*arguments)
    finally:
        sys.setprofile(None)
    return calls


@about_the_source_file
@pytest.mark.parametrize("weights, inputs", [([0, 1], [2, 3]), ([0.5, -1.5], [2.0, 3.5]),
                                             ([True, 2], [3, False]), ([], [])])
def test_lists_of_ints_and_floats_go_the_quick_way(weights, inputs):
    # The lessons' case, which the speed floors are about: feedforward adds them up itself, and
    # calls sigmoid alone; the checks are for anything else.
    n = Neuron(weights, 4)
    assert neuron_py_calls(n.feedforward, inputs) == ["feedforward", "sigmoid"]
    assert neuron_py_calls(n.feedforward, tuple(inputs)) == [
        "feedforward", "_floats", "_floats", "_floats", "sigmoid"]


def test_feedforward_near_the_recursion_limit_is_right_or_says_so():
    # The quick way's sum can fail anywhere (here Fraction's own code, near the limit): the careful
    # way then checks each number, and lets a RecursionError through; never a wrong number.
    n = Neuron([0, 1], 4)
    results = near_the_recursion_limit(lambda: n.feedforward([Fraction(2), Fraction(3)]))
    assert set(results) == {"RecursionError", WORKED_EXAMPLE}


# --- The module as help() and a learner see it ------------------------------------------------

def test_the_readme_and_repr_agree_on_what_a_neuron_keeps():
    # The README's API section says a neuron changed by hand keeps what it was given, as its
    # example shows (run as a doctest), and repr() shows just that.
    readme = " ".join((HERE / "README.md").read_text().split())
    assert "Change them by hand and it keeps what you put there, as you wrote it" in readme
    n = Neuron([0, 1], 4)
    n.weights = [1, 2]
    assert repr(n) == "Neuron([1, 2], 4.0)"


@about_the_source_file
def test_the_public_names_are_sigmoid_and_neuron():
    public = [name for name in dir(neuron)
              if not name.startswith("_") and not isinstance(getattr(neuron, name), type(math))]
    assert public == ["Neuron", "sigmoid"]


def examples_in_the_comments():
    """The `>>>` examples at the top of neuron.py, a comment block, as a doctest's text."""
    lines = (HERE / "neuron.py").read_text().splitlines()
    return "\n".join(line[len("#     "):] for line in lines if line.startswith("#     "))


@about_the_source_file
def test_the_examples_in_neuron_py_s_comments_are_right():
    text = examples_in_the_comments()
    assert ">>> Neuron([0, 1], 4).feedforward([2, 3])" in text
    test = doctest.DocTestParser().get_doctest(text, {"Neuron": Neuron, "sigmoid": sigmoid},
                                               "neuron.py's comments", "neuron.py", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False) == doctest.TestResults(0, 2)


def help_text(thing):
    """What help(thing) prints, as plain text."""
    return pydoc.render_doc(thing, renderer=pydoc.plaintext)


@about_the_source_file
def test_help_says_how_to_build_a_neuron_and_what_it_takes():
    # Not "Initialize self.  See help(type(self)) for accurate signature." for the constructor:
    # the documentation is in comments, which help() shows, and __init__'s is
    # set where Python can set one (neuron.py's last lines), which the micro:bit cannot.
    text = help_text(Neuron)
    assert "Initialize self" not in text
    assert "__init__(self, weights, bias)\n |      Neuron([w1, w2, ...], b)" in text
    flat = " ".join(text.replace("|", " ").replace("#", " ").split())
    assert "A neuron: Neuron(weights, bias), with one weight for each input, and a bias." in flat
    assert "Neuron([0, 1], 4) has the weights w1 = 0, w2 = 1 and the bias b = 4" in flat
    assert "TypeError or a ValueError" in flat and "0.9990889488055994" in flat
    assert "keeps what you put there (repr(n) shows it)" in flat
    assert "sigmoid(w . x + b): one input x for each weight w." in flat
    assert "1 / (1 + e**-x), from 0 to 1, for a number x." in " ".join(
        help_text(sigmoid).replace("#", " ").split())
    module = help_text(neuron)
    assert "An Introduction to Neural" in module and "_floats" not in module


@about_the_source_file
@pytest.mark.parametrize("name, called_as", [
    ("sigmoid", "sigmoid("), ("Neuron", "Neuron("), ("Neuron.feedforward", ".feedforward(")])
def test_public_names_have_help_and_examples(name, called_as):
    # Comments above each, which help() shows on CPython (and the micro:bit does not keep); the
    # examples at the top of the file.
    thing = neuron
    for part in name.split("."):
        thing = getattr(thing, part)
    assert pydoc.getdoc(thing).strip()
    assert any(called_as in line for line in examples_in_the_comments().splitlines()
               if line.startswith(">>> "))


def test_a_misspelt_attribute_is_refused():
    # n.wieghts = [5, 5] or n.Bias = 100, taken without a word, would leave the old numbers in
    # use. __slots__ refuses them on CPython and PyPy; MicroPython has no __slots__, and
    # takes them (README, TESTING.md).
    n = Neuron([0, 1], 4)
    for name in ["wieghts", "Bias", "weight", "biases", "inputs"]:
        with pytest.raises(AttributeError):
            setattr(n, name, [5, 5])
    n.weights, n.bias = [5, 5], 100  # the right names work as before
    assert n.feedforward([0, 0]) == 1.0

