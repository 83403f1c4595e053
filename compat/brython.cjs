// Runs a Python file under Brython (Python compiled to JavaScript in the browser):
//     node compat/brython.cjs FILE.py
// Brython expects a web page, so Node.js first gets the few browser objects it touches.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

globalThis.self = globalThis;
// The page's address. With a file: address Brython never tries to download a module it does not
// have (it raises ModuleNotFoundError), so nothing here reaches for the network.
globalThis.location = new URL("file:///");
globalThis.addEventListener = () => {}; // it waits for the page to load...
globalThis.document = {
  currentScript: { src: "file:///brython.js" }, // where brython.js was loaded from
  querySelectorAll: () => [], // the page's Python scripts: none, we run ours ourselves
  dispatchEvent: () => {}, // it says when it has run a script
};
// Node.js 20 has no Set.prototype.difference, and the one Brython brings for old browsers
// takes a list instead of a Set: give it the standard one.
Set.prototype.difference ??= function (other) {
  return new Set([...this].filter((item) => !other.has(item)));
};
// Load Brython as a page's <script> tags would, in the global scope.
globalThis.module = {}; // on Node.js brython.js also exports itself as a module
for (const file of ["brython.js", "brython_stdlib.js"]) {
  const source = fs.readFileSync(require.resolve("brython/" + file), "utf8");
  vm.runInThisContext(source, { filename: file });
}
delete globalThis.module;
// neuron.py joins the modules that Brython holds in memory, beside its standard library.
const neuronSource = fs.readFileSync(path.join(__dirname, "..", "neuron.py"), "utf8");
const peopleSource = fs.readFileSync(path.join(__dirname, "..", "lessons", "people.py"), "utf8"); // the lessons' data
__BRYTHON__.update_VFS({ neuron: [".py", neuronSource, []], people: [".py", peopleSource, []] });

// Brython's print() goes to console.log, one call for the text and one for the end of the line:
// write both as they are, or each line comes out followed by a blank one.
console.log = (...texts) => process.stdout.write(texts.join(" "));
console.error = (...texts) => process.stderr.write(texts.join(" "));
try {
  __BRYTHON__.runPythonSource(fs.readFileSync(process.argv[2], "utf8"), "__main__");
} catch (error) {
  process.exitCode = 1; // an uncaught Python exception, which Brython has already printed
}
