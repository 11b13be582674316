#!/usr/bin/env python3
"""tests/cli/test_cli.py - vmc's command line against lua5.4's (differential; standard library only).

Usage: tests/cli/test_cli.py VMC [NAME...]

Each case is one behaviour: a shell command in which {lua} stands for the interpreter. It runs once with
lua5.4 and once with VMC, in a fresh copy of tests/cli/fixtures, with an environment without LUA_* variables,
and the two must give the same stdout, stderr and exit status once the interpreters' names are written LUA and
their version lines VERSION (vmc's usage text adds its own commands: those lines are dropped). Prints
PASS/FAIL lines as tests/run.sh does; exits 1 if a case failed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CASES = [
    # -e
    ("e_statement", "{lua} -e 'print(1 + 1)'"),
    ("e_joined_argument", "{lua} '-eprint(10)' -ea=3 -e 'print(a)'"),
    ("e_runtime_error", "{lua} -e 'local t = nil; print(t.x)'"),
    ("e_error_stops_later_options", "{lua} -e 'error(\"first\")' -e 'print(\"never\")'"),
    ("e_syntax_error", "{lua} -e 'x ='"),
    ("e_syntax_error_near_symbol", "{lua} -e a"),
    ("e_needs_argument", "{lua} -e"),
    ("e_followed_by_option", "{lua} -e -v"),
    ("e_space_runs_empty_command", "{lua} '-e ' -- args.lua a b c"),
    ("e_error_object_table", "{lua} -e 'error({})'"),
    ("e_error_nil", "{lua} -e 'error()'"),
    ("e_no_stdin_read", "echo 'print(\"stdin ran\")' | {lua} -e 'print(1)'"),
    # -l
    ("l_module", "{lua} -l mod -e 'print(mod.x)'"),
    ("l_joined", "{lua} -lmod -e 'print(mod.x)'"),
    ("l_global_name", "{lua} -l m=mod -e 'print(m.x, mod)'"),
    ("l_stdlib_module", "{lua} -l string -e 'print(string.upper(\"x\"))'"),
    ("l_stdlib_renamed", "{lua} -l 'str=string' '-lm=math' -e 'print(str.rep(\"ab\", 2), m.max(1, 2))'"),
    ("l_module_returning_nothing", "{lua} -l noreturn -e 'print(noreturn, marker)'"),
    ("l_not_found", "{lua} -l nosuchmodule"),
    ("l_module_error", "{lua} -l failing"),
    ("l_needs_argument", "{lua} -l"),
    ("l_order_with_e", "{lua} -e 'print(1)' -l mod -e 'print(2)'"),
    ("l_sees_arg", "{lua} -l mod args.lua x"),
    # script and arg
    ("script_args", "{lua} args.lua a b c"),
    ("script_no_args", "{lua} args.lua"),
    ("script_options_negative_indices", "{lua} -e 'x=1' -W args.lua a"),
    ("script_after_double_dash", "{lua} -- args.lua -e x"),
    ("script_many_arguments", "{lua} args.lua" + " a" * 40),
    ("script_not_found", "{lua} nosuchfile.lua"),
    ("script_is_directory", "mkdir -p d && {lua} d"),
    ("script_syntax_error", "{lua} syntax.lua"),
    ("script_runtime_error_traceback", "{lua} err.lua"),
    ("script_error_object_table", "{lua} errtable.lua"),
    ("script_error_object_tostring", "{lua} errtostring.lua"),
    ("script_exit_status", "{lua} exit3.lua"),
    ("script_exit_false", "{lua} exitfalse.lua"),
    ("script_returns_values", "{lua} returns.lua"),
    ("script_hash_first_line", "{lua} hashline.lua"),
    ("script_reads_stdin", "printf 'x\\ny\\n' | {lua} readstdin.lua"),
    ("script_arg_not_a_table", "echo '' | {lua} -e 'arg = 1' -"),
    ("script_arg_replaced", "echo 'print(...)' | {lua} -e 'arg[1] = 100' -"),
    # - and --
    ("stdin_dash", "echo 'print(\"from stdin\", ...)' | {lua} - x y"),
    ("stdin_dash_with_option_like_args", "echo 'print(...)' | {lua} - -h -e"),
    ("stdin_no_arguments", "printf 'print(10)\\nprint(2)\\n' | {lua}"),
    ("stdin_syntax_error", "echo 'x = = 1' | {lua} -"),
    ("stdin_runtime_error", "echo 'error(\"in stdin\")' | {lua}"),
    ("stdin_empty", "{lua} - < /dev/null"),
    ("double_dash_then_dash_is_a_file", "echo 'print(\"file named dash\")' > ./- && {lua} -- -"),
    ("double_dash_alone", "echo 'print(\"stdin after --\")' | {lua} --"),
    # bad options
    ("bad_option", "{lua} -x"),
    ("bad_option_h", "{lua} -h"),
    ("bad_option_triple_dash", "{lua} ---"),
    ("bad_option_E_extra", "{lua} -Ex"),
    ("bad_option_vv", "{lua} -vv"),
    ("bad_option_iv", "{lua} -iv"),
    ("bad_option_after_good_one", "{lua} -e 'print(1)' -z"),
    ("bad_long_option", "{lua} --nosuch"),
    # -v
    ("v_version", "{lua} -v"),
    ("v_with_e", "{lua} -v -e 'print(\"hello\")'"),
    ("v_with_script", "{lua} -v args.lua q"),
    # -E and environment
    ("E_ignores_lua_path", "env LUA_PATH=xxx LUA_CPATH=yyy LUA_INIT='error(10)' {lua} -E path.lua"),
    ("lua_path", "env LUA_PATH=x LUA_CPATH=y {lua} path.lua"),
    ("lua_path_versioned_first", "env LUA_PATH_5_4=v LUA_PATH=x LUA_CPATH_5_4=w LUA_CPATH=y {lua} path.lua"),
    ("lua_path_double_semicolon", "env LUA_PATH='a;;b' {lua} path.lua"),
    ("lua_path_module_search", "mkdir -p sub && cp mod.lua sub/m2.lua && env LUA_PATH='sub/?.lua' {lua} -l m2"),
    ("lua_init_code", "env LUA_INIT='X = tonumber(arg[1])' {lua} -e 'print(X)' args.lua 3.5"),
    ("lua_init_versioned_first", "env LUA_INIT_5_4='X = 10' LUA_INIT='X = 3' {lua} -e 'print(X)'"),
    ("lua_init_file", "env LUA_INIT=@init.lua {lua} -e 'print(X)' args.lua"),
    ("lua_init_file_missing", "env LUA_INIT=@nosuch.lua {lua} -e 'print(1)'"),
    ("lua_init_error", "env LUA_INIT='error(\"msg\")' {lua} -e 'print(1)'"),
    ("lua_init_syntax_error", "env LUA_INIT='print(1' {lua} -e 'print(2)'"),
    ("lua_init_versioned_error_name", "env LUA_INIT_5_4='error(\"m\")' {lua}"),
    ("lua_init_before_e", "env LUA_INIT='print(\"init\")' {lua} -e 'print(\"e\")'"),
    # -W
    ("W_turns_warnings_on", "{lua} -W warn.lua"),
    ("warnings_off_by_default", "{lua} warn.lua"),
    ("W_between_e", "{lua} -e 'warn(\"a\")' -W -e 'warn(\"b\")'"),
    # -i and the REPL through a pipe (the pseudo-terminal cases are in test_repl.py)
    ("i_after_script", "echo 'print(\"in repl\", X)' | {lua} -i init.lua"),
    ("i_expression_values", "printf '1 + 1\\n1, nil, \"s\"\\n' | {lua} -i"),
    ("i_equals_prefix", "printf 'x = 5\\n=x\\n' | {lua} -i"),
    ("i_continuation", "printf 'x =\\n10\\nprint(x)\\n' | {lua} -i"),
    ("i_error_goes_on", "printf 'error(\"e\")\\nprint(\"still here\")\\n' | {lua} -i"),
    ("i_syntax_error_goes_on", "printf 'x = = 1\\nprint(2)\\n' | {lua} -i"),
    ("i_eof_in_continuation", "printf 'local a =\\n' | {lua} -i"),
    ("i_prompts", "printf 'x =\\n1\\n' | {lua} -e \"_PROMPT='P1 ' _PROMPT2='P2 '\" -i"),
    ("i_prompt_tostring", "printf ' --\\na = 2\\n' | {lua} -e \"local C = 0; _PROMPT = setmetatable({}, "
                          "{__tostring = function() C = C + 1; return C end})\" -i"),
    ("i_print_missing", "echo 10 | {lua} -e 'print = nil' -i"),
    ("i_locals_do_not_persist", "printf 'local z = 1\\nprint(z)\\n' | {lua} -i"),
    ("i_error_object", "printf 'error({})\\nerror(setmetatable({}, {__tostring = function() return \"T\" end}))\\n'"
                       " | {lua} -i"),
    ("i_multiline_function", "printf 'function f(x)\\n  return x * 2\\nend\\nf(21)\\n' | {lua} -i"),
    ("i_long_string", "printf 'a = [[b\\nc\\nd]]\\n=a\\n' | {lua} -i"),
    ("i_exit_in_repl", "printf 'os.exit(7)\\nprint(1)\\n' | {lua} -i"),
]

VERSION_LINES = re.compile(r"^(Lua 5\.4\.\d+  Copyright \(C\) .*|vmc \d[^\n]*-- compiles Lua 5\.4[^\n]*)$", re.M)


def normalise(text, names):
    for n in sorted(names, key=len, reverse=True):
        text = text.replace(n + ": ", "LUA: ").replace("usage: " + n + " ", "usage: LUA ")
    text = VERSION_LINES.sub("VERSION", text)
    # vmc's usage goes on with its own commands: drop them
    text = re.sub(r"vmc's own \(see vmc\(1\)\):\n(?:  .*\n)*", "", text)
    return text


def run(cmd, interp, fixtures):
    with tempfile.TemporaryDirectory(prefix="vmccli.") as tmp:
        work = os.path.join(tmp, "w")
        shutil.copytree(fixtures, work)
        env = {k: v for k, v in os.environ.items() if not k.startswith("LUA_")}
        env.update(HOME=tmp, XDG_CACHE_HOME=os.path.join(tmp, "cache"), VMC_CACHE="off", LC_ALL="C")
        p = subprocess.run(["bash", "-c", cmd.replace("{lua}", shq(interp))], cwd=work, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode


def shq(s):
    return "'" + s.replace("'", "'\\''") + "'"


def check(case, vmc, fixtures):
    name, cmd = case
    lua = run(cmd, "lua5.4", fixtures)
    got = run(cmd, vmc, fixtures)
    names = ["lua5.4", vmc]
    want = tuple(normalise(x, names) if isinstance(x, str) else x for x in lua)
    have = tuple(normalise(x, names) if isinstance(x, str) else x for x in got)
    diffs = []
    for label, w, h in zip(("stdout", "stderr", "exit status"), want, have):
        if w != h:
            diffs.append("    %s: lua5.4 %r\n    %s  vmc    %r" % (label, w, " " * len(label), h))
    return name, diffs


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: tests/cli/test_cli.py VMC [NAME...]")
    vmc = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
    cases = [c for c in CASES if not only or c[0] in only]
    failed = 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for name, diffs in pool.map(lambda c: check(c, vmc, fixtures), cases):
            if diffs:
                failed += 1
                print("FAIL cli/%s" % name)
                print("\n".join(diffs))
            else:
                print("PASS cli/%s" % name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
