"""Checks of the repository itself, apart from what the neuron does (test_neuron.py): that the
test suite runs what it says it runs, that neuron.py keeps the shape the project promises (the
article's order, math alone, lines a slide shows whole, room on the micro:bit), and that the docs
agree with the code. Each check says why; each limit says where it comes from (TESTING.md, "The
repository's own checks").
"""
import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# mutmut runs the tests on its own copy of neuron.py, which imports mutmut, is longer, and calls
# each function through one of its own: checks of the file's text skip it.
about_the_source_file = pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ, reason="neuron.py is instrumented by mutmut")

# PEP 8's line width, the width of a standard 80 x 24 terminal less one: a slide, a handout or
# an editor's split window shows such a line whole.
WIDTH = 79
# The height of that terminal: a function that fits it is read in one glance.
ONE_GLANCE = 24


def read(name):
    return (ROOT / name).read_text(encoding="utf-8")


# --- The test suite -------------------------------------------------------------------------------

def doctest_files():
    """conftest.py's DOCTEST_FILES: the files whose examples must run."""
    for node in ast.parse(read("conftest.py")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DOCTEST_FILES":
            return list(ast.literal_eval(node.value))
    raise AssertionError("conftest.py has no DOCTEST_FILES")


def test_the_suite_fails_if_a_files_doctests_did_not_run(pytester):
    # A sample project with each of DOCTEST_FILES holding one passing example, but the README
    # none: the run must fail, naming it; with an example in the README too, it passes.
    pytester.makeconftest(read("conftest.py"))
    files = doctest_files()
    globs = sorted({Path(name).name for name in files if name.endswith(".md")})
    pytester.makeini("[pytest]\ntestpaths = %s\naddopts = --doctest-modules %s\n"
                     % (" ".join(files), " ".join("--doctest-glob=" + g for g in globs)))
    for number, name in enumerate(files):
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        example = ">>> %d + 1\n%d\n" % (number, number + 1)
        path.write_text(example if name.endswith(".md") else '"""\n%s"""\n' % example)
    pytester.path.joinpath("README.md").write_text("No examples here.\n")
    result = pytester.runpytest_subprocess()
    result.stdout.fnmatch_lines(["*no doctest ran in README.md*"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    pytester.path.joinpath("README.md").write_text(">>> 2 + 2\n4\n")
    assert pytester.runpytest_subprocess().ret == pytest.ExitCode.OK


def test_testing_md_names_every_file_whose_examples_run():
    # TESTING.md tells a reader which files' examples are tests: all of them.
    testing = read("TESTING.md")
    assert [name for name in doctest_files() if "`%s`" % name not in testing] == []


def test_an_older_python_is_told_which_python_the_tests_need():
    # On Python 3.8 the test command installs, then pytest reads conftest.py first: it must stop
    # there, saying which Python the tests need, not at test_neuron.py's math.nextafter. (pytest
    # itself cannot run here as an older Python, so conftest.py runs alone, told it is 3.8.18;
    # the real 3.8 was tried too, see TESTING.md.)
    pretend = ("import sys; sys.version_info = (3, 8, 18, 'final', 0); "
               "sys.version = '3.8.18 (default)'; "
               "exec(compile(open('conftest.py').read(), 'conftest.py', 'exec'))")
    run = subprocess.run([sys.executable, "-c", pretend], cwd=str(ROOT), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    assert run.returncode == 1
    assert run.stderr.startswith("The tests need Python 3.10 or newer; this is Python 3.8.18.")
    assert "Traceback" not in run.stderr


def test_the_bench_checks_the_floors_its_readme_states():
    # bench/README.md states the speed floors; bench/bench.py's Targets table must check those
    # very numbers. The speed itself is measured by the bench, beside NumPy, not here: a shared
    # machine's timings would make a flaky test.
    stated = re.search(r"`feedforward` at least (\S+)x NumPy's speed with 2 inputs and (\S+)x "
                       r"with 10", " ".join(read("bench/README.md").split()))
    tree = ast.parse(read("bench/bench.py"))
    targets = [call.args[2].value for call in ast.walk(tree)
               if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "add_target"
               and "NumPy's speed" in call.args[0].value]
    assert targets == [float(stated.group(1)), float(stated.group(2))]


# --- neuron.py's shape ----------------------------------------------------------------------------


@about_the_source_file
def test_neuron_py_imports_math_alone():
    # The project's promise: no dependency, nothing but Python's own math module.
    tree = ast.parse(read("neuron.py"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    assert imported == {"math"}


@about_the_source_file
def test_type_names_do_not_come_from_dunder_name():
    # type(x).__name__ is missing on the micro:bit's MicroPython; the messages' type names come
    # from str(type(x)) instead, and give the same words (test_neuron.py compares with __name__).
    tree = ast.parse(read("neuron.py"))
    assert not [node for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and node.attr == "__name__"]


CHECKS_HEADING = "# --- The number checks ---"


@about_the_source_file
def test_neuron_py_reads_in_the_articles_order():
    # sigmoid, then Neuron, as the article has them, with nothing before them but the import;
    # then the number checks a reader may skip; the demo last.
    source = read("neuron.py")
    lines = source.splitlines()
    top_level = [node.name for node in ast.parse(source).body if hasattr(node, "name")]
    assert top_level[:2] == ["sigmoid", "Neuron"]
    assert all(name.startswith("_") for name in top_level[2:])
    body = ast.parse(source).body
    before = body[:[getattr(node, "name", None) for node in body].index("sigmoid")]
    assert all(isinstance(node, (ast.Import, ast.Expr)) for node in before)
    checks = next(i for i, line in enumerate(lines) if line.startswith(CHECKS_HEADING))
    assert lines.index("class Neuron:") < checks < lines.index(
        "def _floats(values, name, weights=None, one=False):")
    assert lines.index('if __name__ == "__main__":') > checks


@about_the_source_file
def test_every_line_fits_the_width_a_slide_shows():
    for path in ["neuron.py", "slides/neuron.py"]:
        lines = read(path).splitlines()
        assert [number for number, line in enumerate(lines, 1) if len(line) > WIDTH] == [], path


def function_source(name):
    """The lines of a function of neuron.py, from its def to its end (a method: Neuron.name)."""
    source = read("neuron.py")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return source.splitlines()[node.lineno - 1:node.end_lineno]
    raise LookupError(name)


@about_the_source_file
def test_feedforward_reads_in_one_glance():
    # Top to bottom: the quick way for lists of plain numbers, then the careful way; no retry loop,
    # no sentinel, and no taller than a terminal shows at once.
    lines = function_source("feedforward")
    assert len(lines) <= ONE_GLANCE
    tree = ast.parse(textwrap.dedent("\n".join(lines)))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.While)
                or isinstance(node, ast.Constant) and node.value is None]


@about_the_source_file
def test_each_branch_of_sigmoid_says_in_place_why_it_is_there():
    lines = function_source("sigmoid")
    branches = [i for i, line in enumerate(lines) if line.strip().startswith(("if x", "return"))]
    # Each of the three returns has a comment on its line or just above it.
    for i in [i for i in branches if lines[i].strip().startswith("return")]:
        assert "#" in lines[i] or lines[i - 1].strip().startswith("#"), lines[i]


@about_the_source_file
def test_no_docstring_costs_the_micro_bit_its_memory():
    # The micro:bit's MicroPython keeps a function's docstring in its 9.5 KB heap for as long as
    # the function lives (80 bytes for a line of 50 characters), and holds every string of the
    # file while it compiles it (with the module's and Neuron's docstrings, 1.3 KB, a learner's
    # program, compat/learner.py, runs out of memory at `from neuron import Neuron`); comments
    # cost it nothing. So neuron.py's documentation is in comments, which help() shows on CPython.
    # Its strings stay short: none longer than one such 50-character line, and together (the
    # messages, not the short names) under a quarter of those 1.3 KB. The board itself is
    # measured by compat/microbit_check.py and compat/learner.py.
    tree = ast.parse(read("neuron.py"))
    documented = [node for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and ast.get_docstring(node) is not None]
    assert documented == []
    strings = [node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    assert max(len(text) for text in strings) <= 50
    assert sum(len(text) for text in strings if len(text) > 10) <= 1300 // 4


# --- The README stays short ----------------------------------------------------------------------

def readme_words(text):
    """The README's words outside its code blocks (inline code counts), as a reader meets them."""
    outside = []
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code:
            outside.append(line)
    return len("\n".join(outside).split())


def test_readme_words_are_counted_outside_code_only():
    assert readme_words("one two\n```sh\nthree four five\n```\nsix `seven`\n") == 4


def test_the_readme_stays_short():
    # The project's rule (TESTING.md): at most 1,800 words outside code, at most 600 before the
    # first section, so that a teacher reads it in one sitting; the detail lives in the folders'
    # READMEs and in TESTING.md, one link away.
    text = read("README.md")
    first_section = text.index("\n## ")
    assert readme_words(text) <= 1800
    assert readme_words(text[:first_section]) <= 600
