#!/usr/bin/env python3
"""Runs the examples of our documentation and checks their shown output.

An example is a literal block (a paragraph ending in "::" and the indented
lines after it) with command lines: "# CMD" or "$ CMD".  The lines after a
command, up to the next command, are its output as the document shows it.
Every such block of the files given is run, in document order, one file
after the other, with bash in the directory the file names in a comment:

  .. doc-examples: cwd=/sys/kernel/tracing

"ring=host" marks a file whose examples run on the build host (the docs
stage of make check) rather than in the guest (the default).  "cwd=@top"
is the top of this repository, and "cwd=@work" a scratch directory holding "vmlinux" (the running
kernel's, from GUEST_VMLINUX) and "linux" (its source tree).  Before each
file the tracing state is reset (no kprobe events, empty trace and
error_log), and after it too.

Shown and real output are compared line by line after masking what
differs from run to run: timestamps, CPU numbers, PIDs and kernel
addresses.  A shown line "..." stands for any number of lines, and "..."
inside a line for any text, so a document may show the lines that matter.

  doc-examples.py --run [--ring host|guest] FILE...
                                   run the examples of the files of that
                                   ring (default guest: needs root, tracefs)
  doc-examples.py --list FILE...   print the examples found, run nothing
  doc-examples.py --selftest       check the parser and the matcher

Prints TAP-like "ok"/"not ok" lines, one per example, and ends with
"doc-examples: N passed, N failed".
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

PROMPT = re.compile(r"^[#$] (.*)$")
SETTINGS = re.compile(r"^\.\. doc-examples:\s*(.*)$")
CMD_TIMEOUT = 120

# What differs between runs of the same example, masked on both sides.
MASKS = [
    # "[   36.478224]" and " 6.720359:" timestamps
    (re.compile(r"\[\s*\d+\.\d{6}\]"), "[T]"),
    (re.compile(r"\b\d+\.\d{6}\b"), "T"),
    # ftrace "comm-PID [CPU]" and perf script "comm PID [CPU]"
    (re.compile(r"-\d+(\s+)\[\d{3}\]"), r"-P\1[C]"),
    (re.compile(r"(\S)\s+\d+\s+\[\d{3}\]"), r"\1 P [C]"),
    (re.compile(r"\[\d{3}\]"), "[C]"),
    # symbol sizes ("vfs_read+0x4/0x140") and the kernel's patch level
    # change with Debian's linux-source updates
    (re.compile(r"(\+0x[0-9a-f]+)/0x[0-9a-f]+"), r"\1/S"),
    (re.compile(r"\b6\.12\.\d+\b"), "6.12.N"),
    # kernel addresses, with and without 0x
    (re.compile(r"\b(0x)?ffff[0-9a-f]{12}\b"), r"\1K"),
    # bash's "line N:" in error messages of bash -c
    (re.compile(r"^bash: line \d+: "), "bash: "),
]


def mask(line):
    for pat, rep in MASKS:
        line = pat.sub(rep, line)
    return " ".join(line.split())


class Example:
    def __init__(self, path, lineno, cwd, ring="guest"):
        self.path, self.lineno, self.cwd = path, lineno, cwd
        self.ring = ring
        self.commands = []      # [cmd, [shown output lines]]

    def name(self):
        return f"{self.path}:{self.lineno}"


def literal_blocks(lines):
    """Yields (first line number, [block lines, indentation removed])."""
    i = 0
    while i < len(lines):
        text = lines[i].rstrip()
        if not text.endswith("::") or text.lstrip().startswith(".. "):
            i += 1
            continue
        indent = len(text) - len(text.lstrip())
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        block = []
        start = j
        while j < len(lines):
            s = lines[j].rstrip()
            if s and len(s) - len(s.lstrip()) <= indent:
                break
            block.append(s)
            j += 1
        while block and not block[-1]:
            block.pop()
        if block:
            cut = min(len(s) - len(s.lstrip()) for s in block if s)
            yield start + 1, [s[cut:] for s in block]
        i = j


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    settings = {"cwd": None, "ring": "guest"}
    for line in lines:
        m = SETTINGS.match(line)
        if m:
            for kv in m.group(1).split():
                key, _, val = kv.partition("=")
                if key not in settings:
                    raise SystemExit(f"{path}: unknown doc-examples setting {key}")
                settings[key] = val
    cwd, ring = settings["cwd"], settings["ring"]
    examples = []
    for lineno, block in literal_blocks(lines):
        if not any(PROMPT.match(s) for s in block):
            continue
        if not PROMPT.match(block[0]):
            raise SystemExit(f"{path}:{lineno}: example must start with a command")
        ex = Example(path, lineno, cwd, ring)
        for s in block:
            m = PROMPT.match(s)
            if m:
                ex.commands.append([m.group(1), []])
            else:
                ex.commands[-1][1].append(s)
        examples.append(ex)
    return examples


def line_matches(shown, real):
    if "..." not in shown:
        return shown == real
    parts = [re.escape(p) for p in re.split(r"\s*\.\.\.\s*", shown)]
    return re.fullmatch(".*".join(parts), real) is not None


def output_matches(shown, real):
    """shown and real are masked lines; "..." alone matches any lines."""
    if not shown:
        return not real
    if shown[0] == "...":
        return any(output_matches(shown[1:], real[k:])
                   for k in range(len(real) + 1))
    return bool(real) and line_matches(shown[0], real[0]) and \
        output_matches(shown[1:], real[1:])


def run_command(cmd, cwd, env):
    try:
        p = subprocess.run(["bash", "-c", cmd], cwd=cwd, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=CMD_TIMEOUT)
        out = p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        out = f"(timed out after {CMD_TIMEOUT} s)"
    return out.rstrip("\n").split("\n") if out.strip("\n") else []


def check(ex, env, runner=run_command):
    """Returns None when every command printed what the example shows,
    else the differences.  Every command runs, also after a difference:
    the last ones usually clean up."""
    errs = []
    for cmd, shown in ex.commands:
        real = runner(cmd, ex.cwd, env)
        ms = [mask(s) for s in shown]
        mr = [mask(s) for s in real]
        if not output_matches(ms, mr):
            diff = difflib.unified_diff(shown, real, "shown", "real",
                                        lineterm="", n=2)
            errs.append(f"command: {cmd}\n" + "\n".join(diff))
    return "\n".join(errs) if errs else None


RESET = """
cd /sys/kernel/tracing || exit 1
echo 0 > events/enable
echo > trace
echo > kprobe_events
echo > error_log
echo 1 > tracing_on
"""


def work_dir(top):
    """The directory of cwd=@work examples."""
    d = tempfile.mkdtemp(prefix="doc-examples.")
    vmlinux = os.environ.get("GUEST_VMLINUX",
                             os.path.join(top, "build/out-ours/vmlinux"))
    os.symlink(vmlinux, os.path.join(d, "vmlinux"))
    os.symlink(os.path.join(top, "build/linux"), os.path.join(d, "linux"))
    return d


def user_env():
    """The environment of a user's shell: an example run from make check
    must not inherit make's (a sub-make prints "Entering directory")."""
    return {k: v for k, v in os.environ.items()
            if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
                         "MAKE_TERMOUT", "MAKE_TERMERR")}


def run_files(paths, ring):
    env = user_env()
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PATH"] = os.path.join(top, "tools/probe") + ":" + env.get("PATH", "")
    work = work_dir(top)
    examples = [ex for path in paths for ex in parse(path) if ex.ring == ring]
    passed = failed = 0
    path = None
    for n, ex in enumerate(examples, 1):
        if ring == "guest" and ex.path != path:
            subprocess.run(["bash", "-c", RESET], check=False)
            path = ex.path
        if ex.cwd is None:
            err = "no '.. doc-examples: cwd=DIR' comment in the file"
        else:
            ex.cwd = {"@work": work, "@top": top}.get(ex.cwd, ex.cwd)
            err = check(ex, env)
        if err is None:
            print(f"ok {n} {ex.name()}")
            passed += 1
        else:
            print(f"not ok {n} {ex.name()}")
            print("# " + err.replace("\n", "\n# "))
            failed += 1
    if ring == "guest":
        subprocess.run(["bash", "-c", RESET], check=False)
    return passed, failed


SELFTEST_DOC = """\
.. doc-examples: cwd=/

Shown exactly::

  # echo 'dd-78 [001] ..... 6.720359: ev: (f+0x4/0x140) a=0xffff888000dcf780'
  dd-12 [000] ..... 17.000001: ev: (f+0x4/0x140) a=0xffff888000aaaa00

Elided::

  $ printf 'a\\nb\\nc\\nd\\n'
  a
  ...
  d
  # printf 'x=1 y=2 z=3\\n'
  x=1 ... z=3

Not an example::

  p:kprobes/ev vfs_read
"""


def selftest():
    """The matcher must accept masked and elided output and refuse any
    other difference; the parser must find exactly the examples."""
    fails = []
    with tempfile.NamedTemporaryFile("w", suffix=".rst", delete=False) as f:
        f.write(SELFTEST_DOC)
    try:
        exs = parse(f.name)
    finally:
        os.unlink(f.name)
    if [len(e.commands) for e in exs] != [1, 2]:
        fails.append(f"parser found {[len(e.commands) for e in exs]}")
    else:
        def fake(outputs):
            it = iter(outputs)
            return lambda cmd, cwd, env: next(it)
        cases = [
            (0, [["dd-5 [001] ..... 1.000000: ev: (f+0x4/0x140) a=0xffff888000000001"]], True),
            (0, [["dd-5 [001] ..... 1.000000: ev: (f+0x5/0x140) a=0xffff888000000001"]], False),
            (0, [["cat-5 [001] ..... 1.000000: ev: (f+0x4/0x140) a=0xffff888000000001"]], False),
            (0, [[]], False),
            (1, [["a", "d"], ["x=1 y=9 z=3"]], True),
            (1, [["a", "b", "c", "d"], ["x=1 z=3"]], True),
            (1, [["a", "b", "c"], ["x=1 y=9 z=3"]], False),
            (1, [["a", "d"], ["x=2 y=9 z=3"]], False),
            (1, [["a", "d", "e"], ["x=1 z=3"]], False),
        ]
        for k, (idx, outs, want) in enumerate(cases):
            got = check(exs[idx], {}, fake(outs)) is None
            if got != want:
                fails.append(f"case {k}: matched={got}, expected {want}")
        # And for real: a command whose output differs is reported.
        ex = Example("selftest", 1, "/")
        ex.commands = [["echo one", ["two"]]]
        if check(ex, dict(os.environ)) is None:
            fails.append("a real mismatch went unreported")
        ex.commands = [["echo one; echo two >&2", ["one", "two"]]]
        if check(ex, dict(os.environ)) is not None:
            fails.append("stdout and stderr are not both compared")
    for msg in fails:
        print("not ok doc-examples selftest: " + msg)
    print(f"doc-examples selftest: {0 if fails else 1} passed, "
          f"{1 if fails else 0} failed")
    return not fails


def main(argv):
    if argv[:1] == ["--selftest"]:
        return 0 if selftest() else 1
    if len(argv) < 2 or argv[0] not in ("--run", "--list"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "--list":
        for path in argv[1:]:
            for ex in parse(path):
                print(f"{ex.name()} ({ex.ring}, cwd {ex.cwd})")
                for cmd, shown in ex.commands:
                    print(f"  {cmd}  [{len(shown)} lines shown]")
        return 0
    files, ring = argv[1:], "guest"
    if files[:1] == ["--ring"] and len(files) > 1:
        ring, files = files[1], files[2:]
    passed, failed = run_files(files, ring)
    print(f"doc-examples: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
