// Runs a Python file on a BBC micro:bit v1, emulated: node compat/microbit.mjs FILE.py [MODULE.py...]
// The board is the real MicroPython firmware from Debian's firmware-microbit-micropython, in QEMU's
// "microbit" machine (Debian's qemu-system-arm). As a learner's editor does, @microbit/microbit-fs
// writes FILE.py, as main.py, and neuron.py into the firmware's file system; the board runs main.py
// when it starts, then opens its REPL. Any MODULE.py files go beside them, under their own names,
// for main.py to import (lessons/microbit_train.py imports lessons/train.py so). Printed here: what
// main.py printed. Exit status 1 if it ended in an error, or the board said nothing for too long.
import { MicropythonFsHex } from "@microbit/microbit-fs";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The longest a run may take. The self-check's largest piece, 12,000 sigmoids, runs in about two
// seconds; a minute means the board hangs (a program that never ends, say), not that it is slow.
const SECONDS = 60;
// An error: a traceback, or only the error's line when main.py could not even be compiled (for
// want of memory, say).
const ERROR = /^(Traceback \(most recent call last\):|\w+Error: )/m;
// After an error the firmware scrolls it across the board's LEDs before it opens its REPL, and
// in QEMU no prompt came in 90 s: once it has printed an error, two seconds of silence end the
// run (the error's lines come milliseconds apart).
const SILENCE_AFTER_ERROR = 2;
// After main.py the board prints its banner, "MicroPython v1.9.2-34-... on 2017-09-01; ...",
// and then the REPL's prompt: everything before the banner is main.py's output.
const BANNER = "MicroPython v";
const PROMPT = ">>> ";

// The firmware: the .hex file named by $MICROBIT_FIRMWARE, or else where Debian's package put its
// own (dpkg -L lists the package's files). compat/run.py runs each firmware it checks that way.
const firmware = process.env.MICROBIT_FIRMWARE ||
  execFileSync("dpkg", ["-L", "firmware-microbit-micropython"], { encoding: "utf8" })
    .split("\n").find((path) => path.endsWith(".hex"));
const files = new MicropythonFsHex(readFileSync(firmware, "utf8"));
const neuron = fileURLToPath(new URL("../neuron.py", import.meta.url));
files.write("main.py", readFileSync(process.argv[2]));
for (const module of process.argv.slice(3)) files.write(basename(module), readFileSync(module));
// neuron.py itself as main.py (the demo) needs no second copy: the board has 15 KB for files.
if (resolve(process.argv[2]) !== neuron) files.write("neuron.py", readFileSync(neuron));

const board = files.getIntelHex(); // before the folder below: it throws if the files do not fit

// The board's serial port, its REPL, is a Unix socket in a folder of our own: no network port is
// opened, and two runs at once cannot clash. wait=on: the board starts once we are connected, so
// nothing it prints is lost.
const folder = mkdtempSync(join(tmpdir(), "microbit-"));
process.on("exit", () => rmSync(folder, { recursive: true, force: true })); // after QEMU's end
const hex = join(folder, "board.hex");
const serial = join(folder, "serial");
writeFileSync(hex, board);
const qemu = spawn("qemu-system-arm", ["-M", "microbit", "-display", "none", "-monitor", "none",
  "-serial", `unix:${serial},server=on,wait=on`, "-device", `loader,file=${hex}`],
{ stdio: ["ignore", "ignore", "pipe"] });
// QEMU says "info: QEMU waiting for connection" each time: its messages show only on a problem.
let qemuSaid = "";
qemu.stderr.on("data", (data) => { qemuSaid += data; });
qemu.on("error", (error) => finish(`cannot run qemu-system-arm: ${error.message}`));

let output = "";
let socket = null;
let silence = null;
let finished = false;
const deadline = setTimeout(() => finish(`the board did not reach its prompt in ${SECONDS} s`),
  SECONDS * 1000);

// QEMU makes the socket once it has started: try again every 50 ms until then.
function connectToBoard() {
  socket = connect(serial);
  socket.on("error", () => { if (!finished) setTimeout(connectToBoard, 50); });
  socket.on("data", (data) => {
    output += data.toString("latin1"); // byte for byte: a character may come in two pieces
    if (output.includes(BANNER) && output.endsWith(PROMPT)) finish(null);
    else if (ERROR.test(printedBy(output))) {
      clearTimeout(silence);
      silence = setTimeout(() => finish(null), SILENCE_AFTER_ERROR * 1000);
    }
  });
}
connectToBoard();

function finish(problem) {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  clearTimeout(silence);
  if (socket) socket.destroy();
  qemu.kill("SIGKILL"); // by its process id: only the QEMU started here
  const printed = printedBy(output);
  process.stdout.write(Buffer.from(printed, "latin1").toString("utf8"));
  if (problem) console.error(qemuSaid + problem);
  process.exitCode = problem || ERROR.test(printed) ? 1 : 0;
}

// What main.py printed: all before the banner. The firmware sends a NUL byte as it starts, and
// ends its lines with \r\n.
function printedBy(output) {
  return output.split(BANNER)[0].replaceAll("\0", "").replaceAll("\r\n", "\n");
}
