/* cli.c: vmc's lua5.4 command line (compiler layer): `vmc [options] [script [args]]` with lua5.4's options,
** LUA_INIT, `arg`, exit statuses and messages (the lua5.4 manual page is the specification); the script is
** compiled with libtcc, or taken from the run cache (cache.c); -i and a terminal give the REPL (repl.c).
*/
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "cli.h"
#include "common.h"
#include "driver.h"

enum { HAS_ERROR = 1, HAS_I = 2, HAS_V = 4, HAS_E = 8, HAS_NOENV = 16 };

typedef struct Cli {
  int argc;
  char **argv;
  int first;               /* argv index of the first option */
  int script;              /* argv index of the script; argc when there is none */
  int args;                /* HAS_* */
  int cache;               /* 0: --no-cache */
  const char *progname;    /* prefix of messages: argv[0], as lua.c */
  DriverOpts o;            /* -d letters, -E for the modules bundled at compile time */
} Cli;

static const char usage[] =
    "usage: %s [options] [script [args]]\n"
    "Available options are:\n"
    "  -e stat   execute string 'stat'\n"
    "  -i        enter interactive mode after executing 'script'\n"
    "  -l mod    require library 'mod' into global 'mod'\n"
    "  -l g=mod  require library 'mod' into global 'g'\n"
    "  -v        show version information\n"
    "  -E        ignore environment variables\n"
    "  -W        turn warnings on\n"
    "  --        stop handling options\n"
    "  -         stop handling options and execute stdin\n"
    "vmc's own (see vmc(1)):\n"
    "  --no-cache            do not use the run cache for the script\n"
    "  --perf-map            write /tmp/perf-PID.map: perf names the Lua functions compiled by libtcc\n"
    "  vmc run [options] [script [args]]          the same as above\n"
    "  vmc build prog.lua [-o exe] [-m name[=path]]... [--modules dir] [-g] [-s] [--static]\n"
    "            [--cc gcc|clang|tcc] [-O0..3] [--keep-c]       a standalone executable\n"
    "  vmc emit-c prog.lua [-o prog.c]            the generated C\n"
    "  vmc --help | --version\n";

/* Prints lua.c's complaint about a bad option, then the usage. */
static void print_usage(const Cli *c, const char *bad) {
  fflush(stdout);
  if (bad[1] == 'e' || bad[1] == 'l') fprintf(stderr, "%s: '%s' needs argument\n", c->progname, bad);
  else fprintf(stderr, "%s: unrecognized option '%s'\n", c->progname, bad);
  fprintf(stderr, usage, c->progname);
}

void cli_usage(FILE *f, const char *progname) { fprintf(f, usage, progname); }

/* vmc's own options before the script: `--no-cache`, `--perf-map`, `-d<letters>` (IR dumps). 0 if opt is none
** of them. */
static int vmcoption(Cli *c, const char *opt) {
  if (strcmp(opt, "--no-cache") == 0) c->cache = 0;
  else if (strcmp(opt, "--perf-map") == 0) tcc_set_perfmap(1);
  else if (opt[1] == 'd' && opt[2]) c->o.dump = opt + 2;
  else return 0;
  return 1;
}

/* lua.c's collectargs: the HAS_* mask of the options before the script; c->script is the script's index, or
** that of the bad option with HAS_ERROR. */
static int collectargs(Cli *c) {
  char **argv = c->argv;
  int args = 0, i;
  for (i = c->first; argv[i] != NULL; i++) {
    c->script = i;
    if (argv[i][0] != '-') return args;
    switch (argv[i][1]) {
    case '-':
      if (argv[i][2] == '\0') {
        c->script = i + 1;
        return args;
      }
      if (!vmcoption(c, argv[i])) return HAS_ERROR;
      break;
    case '\0': return args;
    case 'E': if (argv[i][2] != '\0') return HAS_ERROR; args |= HAS_NOENV; break;
    case 'W': if (argv[i][2] != '\0') return HAS_ERROR; break;
    case 'i': args |= HAS_I; /* fall through - -i implies -v */
    case 'v': if (argv[i][2] != '\0') return HAS_ERROR; args |= HAS_V; break;
    case 'e': args |= HAS_E; /* fall through - both need an argument */
    case 'l':
      if (argv[i][2] == '\0' && (argv[++i] == NULL || argv[i][0] == '-')) return HAS_ERROR;
      break;
    case 'd': if (!vmcoption(c, argv[i])) return HAS_ERROR; break;
    default: return HAS_ERROR;
    }
  }
  c->script = i;
  return args;
}

/* Reports a failed status (message in *msg) with the program's name; returns ok. */
static int report(const Cli *c, int ok, Value msg) {
  if (!ok) vm_report(c->progname, msg);
  return ok;
}

/* lua.c's docall of f without arguments, then report. */
static int dochunk(const Cli *c, VmState *L, Value f, Value err) {
  Value *a = L->top;
  if (f == VM_NIL) return report(c, 0, err);
  int ok = vm_docall(L, f, a, 0) >= 0;
  return report(c, ok, a[0]);
}

static int dostring(const Cli *c, VmState *L, const char *s, const char *name) {
  Value err = VM_NIL, f = vm_load(L, s, strlen(s), name, L->globals, &err);
  return dochunk(c, L, f, err);
}

/* Reads a script (stdin if path is NULL) into *src; on failure a message as luaL_loadfile words it. */
static int readscript(VmState *L, const char *path, Buf *src, Value *err) {
  FILE *f = path ? fopen(path, "rb") : stdin;
  char tmp[65536], msg[400];
  size_t k;
  if (f == NULL) {
    snprintf(msg, sizeof msg, "cannot open %.300s: %s", path, strerror(errno));
    *err = vm_newcstr(L, msg);
    return 0;
  }
  while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) buf_putn(src, tmp, k);
  if (ferror(f)) {
    snprintf(msg, sizeof msg, "cannot read %.300s: %s", path ? path : "stdin", strerror(errno));
    if (f != stdin) fclose(f);
    *err = vm_newcstr(L, msg);
    return 0;
  }
  if (f != stdin) fclose(f);
  buf_putn(src, "", 0);
  return 1;
}

/* The chunk of a file (stdin if path is NULL) as luaL_loadfile makes it: a function value, or VM_NIL with the
** message in *err. The script (isscript) bundles the modules it requires by literal names, and comes from the
** run cache when it can. */
static Value loadfile(const Cli *c, VmState *L, const char *path, int isscript, Value *err) {
  Buf src = {0}, out = {0};
  char msg[600];
  DriverOpts o = c->o;
  VmChunkFn chunk = NULL;
  if (!readscript(L, path, &src, err)) return buf_free(&src), VM_NIL;
  o.bundle = isscript;
  o.funcsyms = tcc_perfmap();   /* a profile of the code libtcc made: the cache's shared objects name themselves */
  if (drv_translate(path ? path : "stdin", src.s, src.len, &o, &out, msg, sizeof msg) < 0) {
    buf_free(&src);
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  buf_free(&src);
  int cached = isscript && path != NULL && c->cache && !o.dump && !o.funcsyms && cache_enabled();
  if (cached) chunk = cache_lookup(out.s);
  if (chunk == NULL) {
    chunk = tcc_compile_unit(out.s, msg, sizeof msg);
    if (chunk != NULL && cached) cache_fill(out.s);
  }
  buf_free(&out);
  if (chunk == NULL) {
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  return chunk(L, L->globals);
}

/* lua.c's dolibrary: `g = require(mod)` for "g=mod" or "mod". */
static int dolibrary(const Cli *c, VmState *L, const char *spec) {
  const char *eq = strchr(spec, '=');
  Value *a = L->top, g;
  g = eq ? vm_newstr(L, spec, (vm_size)(eq - spec)) : vm_newcstr(L, spec);
  a[0] = vm_newcstr(L, eq ? eq + 1 : spec);
  int r = vm_docall(L, vm_index(L, L->globals, vm_newcstr(L, "require"), NULL), a, 1);
  if (r < 0) return report(c, 0, a[0]);
  vm_setindex(L, L->globals, g, r > 0 ? a[0] : VM_NIL, NULL);
  return 1;
}

/* LUA_INIT_5_4, else LUA_INIT: "@file" runs the file, anything else is a chunk named after the variable. */
static int handle_luainit(const Cli *c, VmState *L) {
  const char *name = "LUA_INIT_5_4", *init = getenv(name);
  if (init == NULL) init = getenv(name = "LUA_INIT");
  if (init == NULL) return 1;
  if (init[0] != '@') return dostring(c, L, init, name);
  Value err = VM_NIL, f = loadfile(c, L, init + 1, 0, &err);
  return dochunk(c, L, f, err);
}

/* lua.c's runargs: -e, -l and -W in their order. */
static int runargs(const Cli *c, VmState *L, Value warn) {
  for (int i = c->first; i < c->script; i++) {
    const char *o = c->argv[i];
    if (o[1] == 'e' || o[1] == 'l') {
      const char *extra = o[2] ? o + 2 : c->argv[++i];
      if (!(o[1] == 'e' ? dostring(c, L, extra, "(command line)") : dolibrary(c, L, extra))) return 0;
    } else if (o[1] == 'W' && vm_isfunction(warn)) {
      Value *a = L->top;
      a[0] = vm_newcstr(L, "@on");
      vm_call(L, warn, a, 1);
    }
  }
  return 1;
}

/* The script's arguments (arg[1..#arg]) at a; their number. */
static int pushargs(VmState *L, Value *a) {
  Value t = vm_index(L, L->globals, vm_newcstr(L, "arg"), NULL), len;
  vm_int n;
  if (!vm_istable(t)) vm_error(L, "'arg' is not a table");
  len = vm_len(L, t, NULL);
  if (!vm_isint(len)) vm_error(L, "object length is not an integer");
  n = vm_toint(len);
  if (n < 0) n = 0;
  if (n > L->stack_last - a - 16) vm_error(L, "stack overflow (too many arguments to script)");
  for (vm_int i = 1; i <= n; i++) a[i - 1] = vm_rawgeti(vm_tab(t), i);
  return (int)n;
}

static int handle_script(const Cli *c, VmState *L) {
  const char *fname = c->argv[c->script];
  int isstdin = strcmp(fname, "-") == 0 && strcmp(c->argv[c->script - 1], "--") != 0;
  Value err = VM_NIL, f = loadfile(c, L, isstdin ? NULL : fname, 1, &err), *a = L->top;
  if (f == VM_NIL) return report(c, 0, err);
  vm_reserve(L, a + 1);
  a[0] = f;
  int n = pushargs(L, a + 1);
  int ok = vm_docall(L, a[0], a + 1, n) >= 0;
  return report(c, ok, a[1]);
}

/* lua.c's pmain. Ctrl-C stops the program: lua.c's handler makes the running Lua code raise "interrupted!"
** through a debug hook, and compiled code has no hooks; its default action is what lua.c leaves after the first
** Ctrl-C (also when the parent ignored SIGINT, as a shell does for background jobs). */
static int climain(VmState *L, void *ud) {
  Cli *c = ud;
  signal(SIGINT, SIG_DFL);
  if (c->args & HAS_V) {
    puts(VMC_VERSION_LINE);
    fflush(stdout);
  }
  lib_noenv = (c->args & HAS_NOENV) != 0;
  c->o.noenv = lib_noenv;
  lib_openall(L);
  Value warn = vm_rawget(vm_tab(L->globals), vm_newcstr(L, "warn"));
  vm_createargtable(L, c->argv, c->argc, c->script);
  if (!(c->args & HAS_NOENV) && !handle_luainit(c, L)) return 0;
  if (!runargs(c, L, warn)) return 0;
  if (c->script < c->argc && !handle_script(c, L)) return 0;
  if (c->args & HAS_I) {
    repl_run(L);
  } else if (c->script == c->argc && !(c->args & (HAS_E | HAS_V))) {
    if (isatty(0)) {
      puts(VMC_VERSION_LINE);
      repl_run(L);
    } else {   /* lua.c ignores how this one ends: the exit status is 0 even after an error */
      Value err = VM_NIL, f = loadfile(c, L, NULL, 1, &err);
      dochunk(c, L, f, err);
    }
  }
  return 1;
}

int cli_main(int argc, char **argv, int first) {
  Cli c;
  memset(&c, 0, sizeof c);
  c.argc = argc;
  c.argv = argv;
  c.first = first;
  c.cache = 1;
  c.progname = argv[0] && argv[0][0] ? argv[0] : "vmc";
  c.args = collectargs(&c);
  if (c.args == HAS_ERROR) {
    print_usage(&c, argv[c.script]);
    return 1;
  }
  vm_progname = c.progname;
  return vm_host(climain, &c, vmc_compile_hook);
}
