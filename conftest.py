"""pytest set-up for the whole suite: the Python it needs, hypothesis profiles, and a check
that the doctests ran."""
import os
import sys

# neuron.py runs on Python 3.6 and newer, but its tests use math.nextafter and math.ulp (3.9)
# and pytest's Config.ArgsSource (3.10 is the oldest Python that today's pytest supports).
# pytest reads this file before any test, so an older Python stops here, saying why.
OLDEST_PYTHON = (3, 10)
if sys.version_info < OLDEST_PYTHON:
    sys.exit("The tests need Python %d.%d or newer; this is Python %s. Make the virtual "
             "environment with a newer python3 (neuron.py itself runs on 3.6 and newer)."
             % (OLDEST_PYTHON + (sys.version.split()[0],)))

import pytest
from hypothesis import settings

# pytester lets tests/test_repository.py run the check below on a sample project.
pytest_plugins = ["pytester"]

# CI explores more examples, from a fixed seed so that a red run can be repeated; nobody wants
# a slow shared machine to fail a test on time alone, so neither profile has a deadline.
settings.register_profile("ci", max_examples=500, derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# `pytest lessons` would import every lesson for its doctests; this one needs a micro:bit.
collect_ignore = ["lessons/microbit_train.py"]

# pytest runs these files' examples as doctests (setup.cfg); a typo in that configuration
# would quietly run none, so the full suite fails unless each of them passed some.
DOCTEST_FILES = ("README.md", "playground/page.py", "playground/learn_page.py",
                 "playground/table_page.py", "playground/backprop_page.py",
                 "lessons/worksheet.md")
files_with_passing_tests = set()


def pytest_runtest_logreport(report):
    if report.when == "call" and report.passed:
        files_with_passing_tests.add(report.nodeid.split("::")[0])


def pytest_sessionfinish(session):
    config = session.config
    whole_suite = (config.args_source == pytest.Config.ArgsSource.TESTPATHS
                   and not config.option.keyword and not config.option.markexpr)
    missing = [name for name in DOCTEST_FILES if name not in files_with_passing_tests]
    if whole_suite and missing and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line("FAILED: no doctest ran in %s" % ", ".join(missing), red=True)
