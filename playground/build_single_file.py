"""Build playground/neuron-playground.html: the playground in one file, for a teacher to take.

It holds everything the page needs, so that it runs opened from a file: address, with no server
and no network, or uploaded to a course site as one file: index.html with playground.css and
playground.js, learn.js, backprop.js and table.js inlined, the text of page.py, neuron.py,
learn_page.py, backprop_page.py, table_page.py and lessons/one_neuron.py, train.py and people.py,
and MicroPython's glue code and .wasm (the .wasm as base64, which playground.js gives to
MicroPython as a data: URL), with MicroPython's license notice. It is
made from the repository's files and the npm package that package-lock.json pins, byte for byte
the same each time:

    npm ci --omit=dev && python3 playground/build_single_file.py          # writes the file
    npm ci --omit=dev && python3 playground/build_single_file.py --check  # fails if it differs

It also prints the Content-Security-Policy the file needs, which it carries in a <meta> tag.
"""
import base64
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAYGROUND = ROOT / "playground"
OUTPUT = PLAYGROUND / "neuron-playground.html"
PACKAGE = "@micropython/micropython-webassembly-pyscript"
PACKAGE_DIR = ROOT / "node_modules" / PACKAGE
WASM_LINE = 100  # base64 characters a line, so that the file reads and diffs as text

# The lines of index.html that change in the single file, each of which must be there.
STYLESHEET = '  <link rel="stylesheet" href="playground.css">\n'
SCRIPT = '  <script type="module" src="playground.js"></script>\n'
LEARN_SCRIPT = '  <script type="module" src="learn.js"></script>\n'
BACKPROP_SCRIPT = '  <script type="module" src="backprop.js"></script>\n'
BACKPROP_LINE_START = '          <p id="bp-code-line">'
BACKPROP_LINE = """\
          <p id="bp-code-line">This is lessons/train.py, carried inside this file as it is, as
            the page runs it: the line that computes each value is marked as it goes.</p>
"""
TABLE_SCRIPT = '  <script type="module" src="table.js"></script>\n'
RUNNING_LINE_START = '      <p id="running-line">'
RUNNING_LINE = """\
      <p id="running-line">This is neuron.py, carried inside this file as it is: the code
        running on this page, in <span id="python-version">a Python compiled to WebAssembly</span>.
        MicroPython is under the MIT license; its notice is in this file's source.</p>
"""
LESSON_LINE_START = '          <p id="lesson-line">'
LESSON_LINE = """\
          <p id="lesson-line">This is lessons/one_neuron.py, carried inside this file as it is:
            the page imports it beside neuron.py, and its <code>learn()</code> and
            <code>mse_loss()</code> do the learning, on its <code>data</code> or the table above,
            with its learn rate, 0.1, unless the box says another. It starts from the sliders, not
            from the lesson's own start.</p>
"""
BODY_END = "</body>\n"


def read(path):
    return path.read_text(encoding="utf-8")


def pinned_micropython():
    """The package's glue code and .wasm, after checking they are the version the lock pins."""
    lock = json.loads(read(ROOT / "package-lock.json"))
    pinned = lock["packages"]["node_modules/" + PACKAGE]["version"]
    try:
        installed = json.loads(read(PACKAGE_DIR / "package.json"))["version"]
    except FileNotFoundError:
        sys.exit("%s is not installed: run npm ci --omit=dev first" % PACKAGE)
    if installed != pinned:
        sys.exit("%s %s is installed, package-lock.json pins %s: run npm ci --omit=dev"
                 % (PACKAGE, installed, pinned))
    return pinned, read(PACKAGE_DIR / "micropython.mjs"), (PACKAGE_DIR / "micropython.wasm").read_bytes()


def raw_text(text, what):
    """Text as it may stand inside a <script> or <style> element, where HTML reads no entities."""
    for forbidden in ("</script", "</style", "<!--"):
        if forbidden in text.lower():
            sys.exit("%s holds %r, which would end its element early in the single file" % (what, forbidden))
    return text


def sha256(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def build():
    """The single file's text, and the Content-Security-Policy it needs."""
    version, glue, wasm = pinned_micropython()
    html = read(PLAYGROUND / "index.html")
    css = raw_text(read(PLAYGROUND / "playground.css"), "playground.css")
    script = raw_text(read(PLAYGROUND / "playground.js"), "playground.js")
    neuron = raw_text(read(ROOT / "neuron.py"), "neuron.py")
    page = raw_text(read(PLAYGROUND / "page.py"), "page.py")
    learn_script = raw_text(read(PLAYGROUND / "learn.js"), "learn.js")
    lesson = raw_text(read(ROOT / "lessons" / "one_neuron.py"), "lessons/one_neuron.py")
    people = raw_text(read(ROOT / "lessons" / "people.py"), "lessons/people.py")
    # The network view: backprop.js, backprop_page.py and lessons/train.py.
    backprop_script = raw_text(read(PLAYGROUND / "backprop.js"), "backprop.js")
    backprop_page = raw_text(read(PLAYGROUND / "backprop_page.py"), "backprop_page.py")
    train = raw_text(read(ROOT / "lessons" / "train.py"), "lessons/train.py")
    learn_page = raw_text(read(PLAYGROUND / "learn_page.py"), "learn_page.py")
    table_script = raw_text(read(PLAYGROUND / "table.js"), "table.js")
    table_page = raw_text(read(PLAYGROUND / "table_page.py"), "table_page.py")
    notice = raw_text(read(PLAYGROUND / "MICROPYTHON-LICENSE.txt"), "MICROPYTHON-LICENSE.txt")
    # The glue runs as it is, an inline module script: it leaves its loader in
    # globalThis.loadMicroPython, where playground.js, the next script, finds it.
    glue = raw_text(glue, "micropython.mjs")
    encoded = base64.b64encode(wasm).decode("ascii")
    wasm_lines = "".join(encoded[i:i + WASM_LINE] + "\n" for i in range(0, len(encoded), WASM_LINE))

    style = "\n" + css
    policy = "; ".join([
        "default-src 'none'",
        "script-src %s %s %s %s %s 'wasm-unsafe-eval'" % (sha256(glue), sha256(script), sha256(learn_script),
                                                      sha256(backprop_script), sha256(table_script)),
        "style-src %s" % sha256(style),
        "connect-src data:",  # MicroPython fetches its .wasm from the data: URL
        "img-src data:",  # the empty icon
    ])
    head = (
        '  <meta http-equiv="Content-Security-Policy" content="%s">\n' % policy
        + "  <style>%s</style>\n" % style
    )
    carried = "".join([
        "\n<!-- What follows is carried for playground.js, learn.js, backprop.js and table.js:\n"
        "     neuron.py, page.py, lessons/one_neuron.py, people.py and train.py, learn_page.py,\n"
        "     backprop_page.py and table_page.py, run in MicroPython %s (npm package %s),\n"
        "     its glue code and its .wasm. -->\n" % (version, PACKAGE),
        '<script type="text/plain" id="neuron-py">%s</script>\n' % neuron,
        '<script type="text/plain" id="page-py">%s</script>\n' % page,
        '<script type="text/plain" id="one-neuron-py">%s</script>\n' % lesson,
        '<script type="text/plain" id="people-py">%s</script>\n' % people,
        '<script type="text/plain" id="train-py">%s</script>\n' % train,
        '<script type="text/plain" id="backprop-page-py">%s</script>\n' % backprop_page,
        '<script type="text/plain" id="learn-page-py">%s</script>\n' % learn_page,
        '<script type="text/plain" id="table-page-py">%s</script>\n' % table_page,
        "<!--\n%s-->\n" % notice,
        '<script type="module">%s</script>\n' % glue,
        '<script type="text/plain" id="micropython-wasm">\n%s</script>\n' % wasm_lines,
        '<script type="module">%s</script>\n' % script,
        '<script type="module">%s</script>\n' % learn_script,
        '<script type="module">%s</script>\n' % backprop_script,
        '<script type="module">%s</script>\n' % table_script,
    ])

    for line in (STYLESHEET, SCRIPT, LEARN_SCRIPT, BACKPROP_SCRIPT, TABLE_SCRIPT, BODY_END):
        if html.count(line) != 1:
            sys.exit("index.html should hold this line once: %r" % line)
    start = html.index(RUNNING_LINE_START)
    end = html.index("</p>\n", start) + len("</p>\n")
    html = html[:start] + RUNNING_LINE + html[end:]
    start = html.index(LESSON_LINE_START)
    end = html.index("</p>\n", start) + len("</p>\n")
    html = html[:start] + LESSON_LINE + html[end:]
    start = html.index(BACKPROP_LINE_START)
    end = html.index("</p>\n", start) + len("</p>\n")
    html = html[:start] + BACKPROP_LINE + html[end:]
    html = html.replace(STYLESHEET, head).replace(SCRIPT, "").replace(LEARN_SCRIPT, "").replace(BACKPROP_SCRIPT, "")\
        .replace(TABLE_SCRIPT, "")
    html = html.replace(BODY_END, carried + BODY_END)
    banner = ("<!-- neuron.py's playground in one file: open it in a browser, no server or network needed.\n"
              "     Built by playground/build_single_file.py from the repository's playground/index.html,\n"
              "     playground.css, playground.js, page.py, learn.js, learn_page.py, backprop.js,\n"
              "     backprop_page.py, table.js, table_page.py, neuron.py, lessons/one_neuron.py,\n"
              "     people.py and train.py, and MicroPython %s: edit those and build again rather\n"
              "     than this file. -->\n" % version)
    doctype = "<!DOCTYPE html>\n"
    assert html.startswith(doctype)
    return doctype + banner + html[len(doctype):], policy


def main(argv):
    text, policy = build()
    if argv[1:] == ["--check"]:
        committed = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if committed != text:
            sys.exit("%s is not what build_single_file.py makes from today's files: run\n"
                     "    python3 playground/build_single_file.py\nand commit it" % OUTPUT.relative_to(ROOT))
        print("%s is up to date (%d bytes)" % (OUTPUT.relative_to(ROOT), len(text.encode("utf-8"))))
    elif argv[1:]:
        sys.exit(__doc__)
    else:
        OUTPUT.write_text(text, encoding="utf-8", newline="\n")
        print("wrote %s (%d bytes)" % (OUTPUT.relative_to(ROOT), len(text.encode("utf-8"))))
    print("Content-Security-Policy: " + policy)


if __name__ == "__main__":
    main(sys.argv)
