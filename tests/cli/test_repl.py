#!/usr/bin/env python3
"""tests/cli/test_repl.py - vmc's REPL through a pseudo-terminal, against lua5.4's (standard library only).

Usage: tests/cli/test_repl.py VMC [NAME...]

Each case starts the interpreter on a pseudo-terminal (so it sees a terminal, as a user's shell would give it),
waits for each prompt before typing the next input, ends with Ctrl-D, and records everything the terminal shows.
The transcripts of lua5.4 and vmc must be equal once escape sequences and carriage returns are removed, the
version lines and program names normalised and the final newlines dropped.
Keys: "\\x1b[A" is the up arrow (history), "\\x7f" backspace.
"""
import os
import pty
import re
import select
import sys
import tempfile
import time

FIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

CASES = [
    # name, extra arguments, inputs (each typed after a prompt), extra environment
    ("banner_expression", [], ["1 + 1"], {}),
    ("statement_then_expression", [], ["x = 10", "x * 2"], {}),
    ("several_values", [], ["1, 'two', nil, 4.0"], {}),
    ("equals_prefix", [], ["y = 'why'", "=y"], {}),
    ("continuation_lines", [], ["function f(a)", "return a + 1", "end", "f(1)"], {}),
    ("runtime_error_goes_on", [], ["error('boom')", "print('after')"], {}),
    ("syntax_error_goes_on", [], ["x = = 1", "print('after')"], {}),
    ("error_in_function_traceback", [], ["local function g() return nil + 1 end g()"], {}),
    ("locals_end_with_their_line", [], ["local z = 5", "print(z)"], {}),
    ("history_up_arrow", [], ["print(40 + 2)", "\x1b[A"], {}),
    ("history_of_continued_input", [], ["for i = 1, 2 do", "print(i) end", "\x1b[A"], {}),
    ("editing_backspace", [], ["print(12)\x7f\x7f)"], {}),
    ("custom_prompts", ["-e", "_PROMPT = 'lua? ' _PROMPT2 = '...? '"], ["t = {", "}", "type(t)"], {}),
    ("i_after_script", ["-i", os.path.join(FIX, "init.lua")], ["X"], {}),
    ("i_with_e", ["-i", "-e", "w = 3"], ["w + 1"], {}),
    ("print_replaced", [], ["print = function(...) io.write('P:', select('#', ...), '\\n') end", "1, 2"], {}),
    ("no_readline_fallback", [], ["a = 1", "a + 1", "print('x')\x7f\x7f\x7fy')"], {"VMC_READLINE": "off"}),
]

ESC = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r|\x07")
PROMPT = re.compile(rb"(?:> |>> |lua\? |\.\.\.\? )$")


def visible(data):
    return ESC.sub(b"", data)


def read_some(fd, buf, end):
    """Appends what fd has to buf, waiting until time end; False at the end of output or past end."""
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            buf.extend(chunk)
            return True
    return False


def read_until_prompt(fd, buf, timeout=20.0):
    """Reads from fd into buf until the visible text ends with a prompt; False on end of output."""
    end = time.time() + timeout
    while not PROMPT.search(visible(bytes(buf))):
        if not read_some(fd, buf, end):
            return False
    return True


def wait_new_line(fd, buf, timeout=20.0):
    """After a line is typed: reads until the terminal has shown a newline (the line echoed)."""
    before, end = len(buf), time.time() + timeout
    while b"\n" not in bytes(buf[before:]):
        if not read_some(fd, buf, end):
            return False
    return True


def session(argv, inputs, env):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    buf = bytearray()
    ok = read_until_prompt(fd, buf)
    for line in inputs:
        if not ok:
            break
        os.write(fd, line.encode() + b"\r")
        ok = wait_new_line(fd, buf) and read_until_prompt(fd, buf)
    os.write(fd, b"\x04")
    end = time.time() + 20
    while read_some(fd, buf, end):
        pass
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return visible(bytes(buf)).decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def normalise(text, names):
    # At Ctrl-D readline ends the line itself before lua.c's newline: the transcripts' ends are not compared
    # (the pipe cases of test_cli.py check that newline).
    text = text.rstrip("\n")
    for n in sorted(names, key=len, reverse=True):
        text = text.replace(n + ": ", "LUA: ")
    return re.sub(r"^(Lua 5\.4\.\d+  Copyright \(C\) .*|vmc \d[^\n]*-- compiles Lua 5\.4[^\n]*)$", "VERSION",
                  text, flags=re.M)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: tests/cli/test_repl.py VMC [NAME...]")
    vmc = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    failed = 0
    with tempfile.TemporaryDirectory(prefix="vmcrepl.") as home:
        base = {k: v for k, v in os.environ.items() if not k.startswith("LUA_")}
        base.update(HOME=home, TERM="xterm", INPUTRC="/dev/null", VMC_CACHE="off", LC_ALL="C",
                    XDG_CACHE_HOME=os.path.join(home, "cache"))
        for name, args, inputs, extra in CASES:
            if only and name not in only:
                continue
            env = dict(base, **extra)
            want = session(["lua5.4"] + args, inputs, env)
            got = session([vmc] + args, inputs, env)
            want = (normalise(want[0], ["lua5.4"]), want[1])
            got = (normalise(got[0], [vmc]), got[1])
            if want == got:
                print("PASS repl/%s" % name)
            else:
                failed += 1
                print("FAIL repl/%s" % name)
                print("    lua5.4 (exit %d): %r\n    vmc    (exit %d): %r" % (want[1], want[0], got[1], got[0]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
