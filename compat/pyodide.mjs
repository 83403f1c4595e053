// Runs a Python file under Pyodide (CPython compiled to WebAssembly): node compat/pyodide.mjs FILE.py
// Pyodide loads from its npm package's own files, so nothing is downloaded; neuron.py is copied
// into its in-memory file system, in the folder it starts in, so the file can import it (and
// lessons/people.py, the lessons' data, beside it).
import { loadPyodide } from "pyodide";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const pyodide = await loadPyodide({
  indexURL: fileURLToPath(new URL("../node_modules/pyodide/", import.meta.url)),
});
pyodide.FS.writeFile("neuron.py", readFileSync(new URL("../neuron.py", import.meta.url)));
pyodide.FS.writeFile("people.py", readFileSync(new URL("../lessons/people.py", import.meta.url))); // the lessons' data
try {
  pyodide.runPython(readFileSync(process.argv[2], "utf8")); // runs as __main__
} catch (error) {
  console.error(error.message); // an uncaught Python exception, with its traceback
  process.exitCode = 1;
}
