"""The README's terminal steps for a BBC micro:bit, followed on the emulated board. From the
repository root, after npm ci:

    python3 compat/microbit_terminal.py

As the README says: `pip install uflash microfs` (the pinned versions below, in a venv of their
own in a throwaway folder); `uflash` writes MicroPython onto the board, here into a folder that
stands for its MICROBIT drive; then `ufs put neuron.py` and `ufs put main.py`, with the README's
AND gate as main.py (taken from README.md), copy the files through the board's serial port; and
the board, restarted, runs main.py, which must print what the README says it prints.

Where the emulator differs from a board: uflash writes a "universal" hex, for the micro:bit v1
and V2, and the board's USB chip takes the v1 part of it; here @microbit/microbit-universal-hex
(from npm, beside @microbit/microbit-fs) does, and QEMU's microbit machine (Debian's
qemu-system-arm) boots that, with its serial port on a pseudo-terminal. ufs finds a board by its
USB ids, so it is told that port instead; the rest of ufs runs as it is. A soft reset (Ctrl-D at
the REPL) stands for the reset button. Exit status 1 if a step failed.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = ["uflash==2.0.0", "microfs==1.4.5"]
SECONDS = 60  # for each wait on the board: booting, a file copied, main.py's first line

# ufs, from the command line, but talking to this port rather than looking for a USB micro:bit.
UFS = "import sys, microfs; microfs.find_microbit = lambda: (sys.argv[1], None); " \
      "microfs.main(sys.argv[2:])"
# After a soft reset, the first line the board prints: what main.py printed first.
FIRST_LINE = """import sys, serial
board = serial.Serial(sys.argv[1], 115200, timeout=%d)
board.write(b"\\x04")
board.read_until(b"soft reboot\\r\\n")
print(board.read_until(b"\\r\\n").decode("latin1").strip())
""" % SECONDS
# The v1 part of a universal hex, from the npm package the editors use.
V1_PART = """const { separateUniversalHex } = require("@microbit/microbit-universal-hex");
const parts = separateUniversalHex(require("fs").readFileSync(process.argv[1], "utf8"));
process.stdout.write(parts.find((part) => part.boardId === 0x9900).hex);
"""


def step(what, command, **options):
    """Run one step: its output, or SystemExit saying which step failed and why."""
    print("+ " + what, flush=True)
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, timeout=300, **options)
    if result.returncode != 0:
        raise SystemExit("%s failed (exit %d): %s" % (what, result.returncode, result.stdout))
    return result.stdout.strip()


def readme_program():
    """The README's micro:bit program, and the first line it says the board prints."""
    with open(os.path.join(REPOSITORY, "README.md"), encoding="utf-8") as file:
        readme = file.read()
    section = readme.split("## On a BBC micro:bit", 1)[1].split("\n## ", 1)[0]
    program = re.search(r"```python\n(from microbit import .*?)```", section, re.S).group(1)
    printed = re.search(r"it prints `([^`]+)`", section).group(1)
    return program, printed


def boot(hex_file):
    """QEMU's micro:bit with this hex, its serial port on a pseudo-terminal: (qemu, the port)."""
    qemu = subprocess.Popen(["qemu-system-arm", "-M", "microbit", "-display", "none",
                             "-monitor", "none", "-serial", "pty",
                             "-device", "loader,file=" + hex_file],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    # QEMU's first line: "char device redirected to /dev/pts/3 (label serial0)".
    said = qemu.stdout.readline()
    port = re.search(r"(/dev/\S+)", said)
    if not port:
        qemu.kill()
        raise SystemExit("QEMU gave no serial port: " + said + qemu.stdout.read())
    return qemu, port.group(1)


def main():
    program, printed = readme_program()
    with tempfile.TemporaryDirectory(prefix="microbit-terminal-") as folder:
        venv = os.path.join(folder, "venv")
        step("python3 -m venv", [sys.executable, "-m", "venv", venv])
        step("pip install " + " ".join(TOOLS),
             [os.path.join(venv, "bin", "pip"), "install", "-q"] + TOOLS)
        drive = os.path.join(folder, "MICROBIT")
        os.mkdir(drive)
        step("uflash", [os.path.join(venv, "bin", "uflash"), "", drive])
        (flashed,) = os.listdir(drive)
        v1_hex = os.path.join(folder, "v1.hex")
        with open(v1_hex, "w") as file:
            file.write(step("the v1 part of " + flashed,
                            ["node", "-e", V1_PART, os.path.join(drive, flashed)],
                            cwd=REPOSITORY))
        # The class's folder: neuron.py and the program, main.py.
        work = os.path.join(folder, "class")
        os.mkdir(work)
        with open(os.path.join(REPOSITORY, "neuron.py"), "rb") as source:
            with open(os.path.join(work, "neuron.py"), "wb") as copy:
                copy.write(source.read())
        with open(os.path.join(work, "main.py"), "w") as file:
            file.write(program)

        qemu, port = boot(v1_hex)
        try:
            python = os.path.join(venv, "bin", "python")
            for name in ["neuron.py", "main.py"]:
                said = step("ufs put " + name, [python, "-c", UFS, port, "put", name], cwd=work)
                if said:  # ufs prints nothing when the copy went well
                    raise SystemExit("ufs put %s: %s" % (name, said))
            files = step("ufs ls", [python, "-c", UFS, port, "ls"], cwd=work).split()
            if sorted(files) != ["main.py", "neuron.py"]:
                raise SystemExit("ufs ls shows %r, not main.py and neuron.py" % files)
            started = time.perf_counter()
            first = step("restart", [python, "-c", FIRST_LINE, port])
        finally:
            qemu.kill()  # by its process id: only the QEMU started here
            qemu.wait()
    if first != printed:
        raise SystemExit("after a restart the board printed %r, where the README says %r"
                         % (first, printed))
    print("the README's terminal steps passed: the board printed %s, %.1f s after its restart"
          % (first, time.perf_counter() - started))


if __name__ == "__main__":
    main()
