"""Run neuron.py under every Python a class might have, and print a table of how it went.

From the repository root, after `npm ci` (which installs the JavaScript-hosted Pythons):

    python3 compat/run.py

For each interpreter it runs the demo (`neuron.py` as a script, which should print the article's
0.9990889488055994) and compat/selfcheck.py. The interpreters: CPython 3.6 to 3.13 as pyenv
installs them (`pyenv root` says where), PyPy 3 (`pypy3` on the PATH), and MicroPython, Pyodide,
Skulpt and Brython, run by Node.js through the launchers in this folder. Last, a BBC micro:bit v1:
its own MicroPython firmware, emulated by QEMU (Debian's firmware-microbit-micropython and
qemu-system-arm), through compat/microbit.mjs; its floats are float32, and its check is
compat/microbit_check.py, sized to its 9.5 KB heap. An interpreter that is missing is a failed
row, never a skipped one. The exit status is 1 if any row failed.
"""
import json
import os
import struct
import subprocess
import sys
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPAT = os.path.join(REPOSITORY, "compat")
CPYTHON_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
WORKED_EXAMPLE = 0.9990889488055994
# The JavaScript-hosted Pythons: the launcher that runs a file under each, and its npm package.
NODE_PYTHONS = [
    ("MicroPython", "micropython.mjs", "@micropython/micropython-webassembly-pyscript"),
    ("Pyodide", "pyodide.mjs", "pyodide"),
    ("Skulpt", "skulpt.cjs", "skulpt"),
    ("Brython", "brython.cjs", "brython"),
]
MICROBIT = "BBC micro:bit v1 (MicroPython 1.9.2, float32)"


def pyenv_pythons():
    """(name, command, {}) for the newest pyenv-installed CPython of each version 3.6 ... 3.13."""
    try:
        root = subprocess.run(["pyenv", "root"], stdout=subprocess.PIPE,
                              universal_newlines=True, check=True).stdout.strip()
        installed = os.listdir(os.path.join(root, "versions"))
    except (OSError, subprocess.CalledProcessError):
        root, installed = None, []
    pythons = []
    for minor in CPYTHON_VERSIONS:
        # "3.10.13" is a 3.10 but "3.1.5" is not: compare the version's first two numbers.
        found = [name for name in installed if name.split(".")[:2] == minor.split(".")]
        found.sort(key=lambda name: [int(part) for part in name.split(".") if part.isdigit()])
        command = [os.path.join(root, "versions", found[-1], "bin", "python")] if found else None
        # A command of None makes a failed row: that version is not installed.
        pythons.append(("CPython " + minor, command, {}))
    return pythons


def node_package_version(package):
    try:
        with open(os.path.join(REPOSITORY, "node_modules", package, "package.json")) as file:
            return json.load(file)["version"]
    except OSError:
        return "not installed (run npm ci)"


def run(command, script):
    """Run a Python file, from the repository root: (ok, its last line of output, or the error)."""
    if command is None:
        return False, "not installed (pyenv install it)"
    try:
        result = subprocess.run(command + [script], cwd=REPOSITORY, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True, timeout=600)
    except OSError as error:
        return False, "cannot run %s: %s" % (command[0], error.strerror)
    except subprocess.TimeoutExpired:
        return False, "no answer in 600 s"
    lines = result.stdout.strip().splitlines() or ["(no output)"]
    if result.returncode != 0:
        # The telling lines: the first check that failed, if any, and the error that ended the run.
        failed_checks = [line for line in lines if line.startswith("FAIL: ")][:1]
        errors = [line.strip() for line in lines if "Error" in line][-1:] or lines[-1:]
        return False, "exit %d: %s" % (result.returncode, " | ".join(failed_checks + errors))
    return True, lines[-1]


def demo_printed_right(demo, float32=False):
    """Whether the demo printed the worked example (on a float32 board, as the board prints it)."""
    if float32:
        # The board prints floats with 6 significant digits: the double, rounded to float32, so.
        return demo == "%.6g" % struct.unpack("f", struct.pack("f", WORKED_EXAMPLE))[0]
    # Compared as a number: Skulpt, for one, prints floats with 16 digits, not 17.
    try:
        return abs(float(demo) - WORKED_EXAMPLE) <= 4 * 2.0 ** -53  # 4 ulp, near 1
    except ValueError:
        return False


def check_row(name, command, package=None, selfcheck=None, float32=False):
    """Run the demo and the self-check under one interpreter: a row of the table, and if it passed.

    selfcheck: (command, script) that runs the self-check, if not this interpreter on selfcheck.py.
    """
    started = time.perf_counter()
    demo_ok, demo = run(command, "neuron.py")
    demo_ok = demo_ok and demo_printed_right(demo, float32)
    selfcheck_ok, selfcheck = run(*selfcheck or (command, os.path.join("compat", "selfcheck.py")))
    seconds = time.perf_counter() - started
    # The self-check's last line says which interpreter ran it: "... checks on pypy 7.3.11, Python 3.9.16".
    version = selfcheck.rpartition(" checks on ")[2] if selfcheck_ok else "?"
    if package:
        name = "%s %s (npm)" % (name, node_package_version(package))
    passed = demo_ok and selfcheck_ok and selfcheck.startswith("selfcheck passed")
    if selfcheck_ok:
        selfcheck = selfcheck.partition(" on ")[0]
    return [name, version, demo, selfcheck, "%.1f" % seconds, "pass" if passed else "FAIL"], passed


def main():
    interpreters = pyenv_pythons() + [("PyPy 3", ["pypy3"], {})]
    for name, launcher, package in NODE_PYTHONS:
        interpreters.append((name, ["node", os.path.join(COMPAT, launcher)], {"package": package}))
    # The board runs the demo itself; its self-check runs here, on CPython, and sends it programs.
    microbit_check = ([sys.executable], os.path.join("compat", "microbit_check.py"))
    interpreters.append((MICROBIT, ["node", os.path.join(COMPAT, "microbit.mjs")],
                         {"selfcheck": microbit_check, "float32": True}))

    header = ["implementation", "says it is", "demo (neuron.py)", "self-check", "seconds", "result"]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    failures = 0
    for name, command, options in interpreters:
        row, passed = check_row(name, command, **options)
        failures += not passed
        print("| " + " | ".join(row) + " |", flush=True)
    print("\n%d of %d interpreters passed" % (len(interpreters) - failures, len(interpreters)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
