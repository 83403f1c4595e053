"""The code a teacher shows on a slide, run as a class would run it: alone, typed in.

The README's slides paragraph names the file to show; these tests take that file by itself, with
no neuron.py beside it, and run it as a script, typed at the >>> prompt and in a notebook's
namespace, under every Python of the matrix found here (compat/run.py runs it on every row too),
and check that it gives the numbers neuron.py gives. Then they check the exercise's answers.
"""
import doctest
import glob
import io
import math
import os
import pathlib
import re
import runpy
import shutil
import subprocess
import sys
from contextlib import redirect_stdout

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = ROOT / "slides"  # the folder this file tests
# pytest puts this folder first on sys.path, where `import neuron` would find the slide's code:
# the neuron.py these numbers are checked against is the repository's.
sys.path.insert(0, str(ROOT))
import neuron  # noqa: E402

assert pathlib.Path(neuron.__file__).resolve() == (ROOT / "neuron.py").resolve()
WORKED_EXAMPLE = 0.9990889488055994
NETWORK_OUTPUT = 0.7216325609518421


def slide_path():
    """The file the README's slides paragraph tells a teacher to show, from its sentence."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    found = re.search(r"For slides, show \[`([^`]+)`\]\(\1\)", readme)
    assert found, "the README's slides paragraph names no file to show"
    return ROOT / found.group(1)


def matrix_pythons():
    """This Python, and the CPythons 3.6 to 3.13 and the PyPy of compat/run.py's matrix that are
    installed here (all of them on CI's machine)."""
    pythons = [sys.executable]
    try:
        root = subprocess.run(["pyenv", "root"], stdout=subprocess.PIPE, universal_newlines=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        root = None
    for minor in range(6, 14):
        found = sorted(glob.glob(os.path.join(root, "versions", "3.%d.*" % minor)) if root else [])
        found = [path for path in found if re.fullmatch(r"3\.%d\.\d+" % minor,
                                                         os.path.basename(path))]
        if found:
            pythons.append(os.path.join(found[-1], "bin", "python"))
    if shutil.which("pypy3"):
        pythons.append(shutil.which("pypy3"))
    return pythons


# mutmut runs the tests on its own copy of neuron.py, which imports mutmut: the tests that run
# Pythons of their own skip it (the slide's code needs no neuron.py; the lessons' copy would).
in_subprocesses = pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ, reason="neuron.py is instrumented by mutmut")


@pytest.fixture
def alone(tmp_path):
    """A folder holding the slide's code and nothing else, as a pupil's own file."""
    shutil.copy(str(slide_path()), str(tmp_path / "slide.py"))
    return tmp_path


def test_the_readme_names_the_slide_code_in_its_slides_sentence():
    # The README names one file's path, in the sentence that says what to show: lines of
    # neuron.py, typed in alone, would raise NameError where they call the checks below them.
    assert slide_path() == HERE / "neuron.py"
    assert slide_path().is_file()


@in_subprocesses
@pytest.mark.parametrize("python", matrix_pythons())
def test_the_slide_code_runs_alone_as_a_file(python, alone):
    run = subprocess.run([python, "slide.py"], cwd=str(alone), stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    assert (run.returncode, run.stdout) == (0, "%r\n" % WORKED_EXAMPLE)


@in_subprocesses
@pytest.mark.parametrize("python", matrix_pythons())
def test_the_slide_code_typed_at_the_prompt_prints_the_worked_example(python, alone):
    # Typed line by line into the interactive interpreter, where (before Python 3.13) a blank
    # line ends a class or a function: the slide has none inside either. Then the pupil's first
    # tries: sigmoid of an int and of a float, and the article's network.
    typed = (alone / "slide.py").read_text() + "\n".join([
        "", "print(sigmoid(0), sigmoid(7), sigmoid(-1.5))",
        "h1 = Neuron([0, 1], 0)", "h2 = Neuron([0, 1], 0)", "o1 = Neuron([0, 1], 0)",
        "print(o1.feedforward([h1.feedforward([2, 3]), h2.feedforward([2, 3])]))", ""])
    run = subprocess.run([python, "-i"], cwd=str(alone), input=typed, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    printed = re.sub(r"(>>>>?|\.\.\.\.?) ?", "", run.stdout)
    assert "Error" not in run.stdout and "Traceback" not in run.stdout, run.stdout
    assert "%r" % WORKED_EXAMPLE in printed.split()
    assert "0.5 %r %r" % (WORKED_EXAMPLE, neuron.sigmoid(-1.5)) in printed
    assert "%r" % NETWORK_OUTPUT in printed.split()


def run_slide_in_a_cell():
    """The slide's code run as a notebook cell runs it: in a fresh namespace, printing."""
    namespace = {"__name__": "__main__"}
    printed = io.StringIO()
    with redirect_stdout(printed):
        exec(compile(slide_path().read_text(), "<cell>", "exec"), namespace)
    assert printed.getvalue() == "%r\n" % WORKED_EXAMPLE
    return namespace


def test_in_a_cell_the_slide_gives_neuron_py_s_numbers():
    cell = run_slide_in_a_cell()
    sigmoid, Neuron = cell["sigmoid"], cell["Neuron"]
    # sigmoid of ints and floats, 1/8 apart and every int, from -36 (from -36.7368 on, neuron.py
    # works out the article's formula itself) to 700. Further left, where neuron.py takes e**x,
    # the short one is an ulp or so off (as NumPy's is), and below -709.78 it raises
    # OverflowError: the exercise's first question.
    points = [i / 8 for i in range(-36 * 8, 5601)] + list(range(-36, 701)) + [-36.7368]
    assert [sigmoid(x) for x in points] == [neuron.sigmoid(x) for x in points]
    assert all(abs(sigmoid(x) - neuron.sigmoid(x)) <= 4 * math.ulp(neuron.sigmoid(x))
               for x in range(-709, -36))
    assert Neuron([0, 1], 4).feedforward([2, 3]) == WORKED_EXAMPLE
    h1, h2, o1 = Neuron([0, 1], 0), Neuron([0, 1], 0), Neuron([0, 1], 0)
    assert o1.feedforward([h1.feedforward([2, 3]), h2.feedforward([2, 3])]) == NETWORK_OUTPUT
    # Neurons of floats, as training makes them, give the same floats too.
    weights, inputs = [0.25, -1.5, 3.125], [2.0, -0.5, 1.75]
    assert Neuron(weights, 0.5).feedforward(inputs) == neuron.Neuron(weights, 0.5).feedforward(
        inputs)


LESSON_FILES = sorted(path for path in glob.glob(str(ROOT / "lessons" / "*.py"))
                      if not os.path.basename(path).startswith(("test_", "microbit_")))
# The lessons are the files that use a neuron; people.py only holds their data.
LESSONS = [path for path in LESSON_FILES
           if "from neuron import" in pathlib.Path(path).read_text(encoding="utf-8")]


@in_subprocesses
@pytest.mark.parametrize("lesson", LESSONS, ids=os.path.basename)
def test_every_lesson_gives_the_same_numbers_beside_the_slide_code(lesson, tmp_path):
    # A pupil who typed the slide into a file of their own, neuron.py, runs the lessons beside it:
    # their happy path prints what it prints beside the real neuron.py, number for number.
    printed = {}
    for name, source in [("slide", slide_path()), ("neuron.py", ROOT / "neuron.py")]:
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(str(source), str(folder / "neuron.py"))
        for other in LESSON_FILES:
            shutil.copy(other, str(folder))
        run = subprocess.run([sys.executable, os.path.basename(lesson)], cwd=str(folder),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True, timeout=300)
        assert run.returncode == 0, run.stdout
        printed[name] = run.stdout
    # The slide's code prints the worked example when it is imported, as the article's does.
    assert printed["slide"] == "%r\n" % WORKED_EXAMPLE + printed["neuron.py"]


def exercise_blocks():
    """The exercise's answers: (file the block is run against, its text), for each ```python
    block, which follows a line that names `python3 -i FILE`."""
    text = (HERE / "exercise.md").read_text(encoding="utf-8")
    blocks = []
    for before, block in re.findall(r"([^\n]*)\n\n```python\n(.*?)```", text, re.S):
        blocks.append((re.search(r"`python3 -i ([^`]+)`", before).group(1), block))
    return blocks


def test_the_exercise_answers_are_what_each_neuron_does():
    blocks = exercise_blocks()
    assert [path for path, _ in blocks] == ["slides/neuron.py", "neuron.py"]
    for path, block in blocks:
        with redirect_stdout(io.StringIO()):  # the demo's line, as python3 -i prints it
            namespace = runpy.run_path(str(ROOT / path), run_name="__main__")
        test = doctest.DocTestParser().get_doctest(block, namespace, path, path, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        output = io.StringIO()
        runner.run(test, out=output.write)
        assert runner.summarize(verbose=False).failed == 0, output.getvalue()
        assert test.examples


def test_the_short_neuron_breaks_where_the_exercise_says():
    # What the exercise's first answer, OverflowError, rests on: e**1000 is too big for a float.
    cell = run_slide_in_a_cell()
    with pytest.raises(OverflowError):
        cell["sigmoid"](-1000)
    assert neuron.sigmoid(-1000) == 0.0 and not math.isnan(neuron.sigmoid(-1000))
