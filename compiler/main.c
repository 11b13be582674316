/* main.c: the vmc command line (compiler layer): run, build, emit-c, -e. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "common.h"
#include "driver.h"

#define VMC_VERSION "vmc 0.1 (Lua 5.4)"

extern const char *vm_progname;

static const char *usage =
    "usage: vmc run prog.lua [args...]       compile in memory with libtcc and run\n"
    "       vmc build prog.lua [-o exe] [--cc gcc|clang|tcc] [-O0..3] [--keep-c]\n"
    "                                        write a standalone executable (gcc -O2 by default)\n"
    "       vmc emit-c prog.lua [-o prog.c]  write the generated C\n"
    "       vmc prog.lua [args...]           same as vmc run\n"
    "       vmc -e 'code' [args...]          run a chunk given on the command line\n"
    "       vmc [- [args...]]                run standard input; interactive mode on a terminal\n"
    "       vmc -v | --version | --help\n"
    "options: -d<letters>  dump the IR to stderr after passes (b: ir_build)\n";

static int fail(const char *fmt, const char *a) {
  fprintf(stderr, "vmc: ");
  fprintf(stderr, fmt, a);
  fprintf(stderr, "\n");
  return 1;
}


/* Translates a chunk to C; prints the error and returns NULL on failure. */
static char *translate(const char *name, const char *src, size_t len, DriverOpts *o) {
  Buf out = {0};
  char msg[600];
  if (drv_translate(name, src, len, o, &out, msg, sizeof msg) < 0) {
    buf_free(&out);
    fprintf(stderr, "vmc: %s\n", msg);
    return NULL;
  }
  return buf_take(&out);
}

static char *read_source(const char *path, size_t *len) {
  char *src = drv_readfile(path, len);
  if (!src) fprintf(stderr, "vmc: cannot open %s\n", path);
  return src;
}

/* vmc run FILE args / vmc -e CODE args: argv[script] is the script name for arg[0]. */
static int cmd_run(int argc, char **argv, int script, const char *name, char *src, size_t len, DriverOpts *o) {
  o->bundle = 1;
  char *c = translate(name, src, len, o);
  free(src);
  if (!c) return 1;
  char msg[600];
  VmChunkFn chunk = tcc_compile_unit(c, msg, sizeof msg);
  free(c);
  if (!chunk) return fail("%s", msg);
  vm_progname = "vmc";
  return vm_main(argc, argv, script, chunk, vmc_compile_hook);
}

/* The interactive mode, in Lua: each line is tried as `return <line>` then as a statement; a chunk that is
** incomplete (its error is "near <eof>") asks for more lines. Values are printed as lua5.4 prints them. */
static const char repl_src[] =
    "print(_VERSION .. ' (vmc, compiled with libtcc; ctrl-d to quit)')\n"
    "while true do\n"
    "  io.write('> ')\n"
    "  local line = io.read('l')\n"
    "  if not line then io.write('\\n') break end\n"
    "  local f, err = load('return ' .. line, '=stdin')\n"
    "  if not f then\n"
    "    local src = line\n"
    "    f, err = load(src, '=stdin')\n"
    "    while not f and err:sub(-5) == '<eof>' do\n"
    "      io.write('>> ')\n"
    "      local more = io.read('l')\n"
    "      if not more then break end\n"
    "      src = src .. '\\n' .. more\n"
    "      f, err = load(src, '=stdin')\n"
    "    end\n"
    "  end\n"
    "  if not f then print(err)\n"
    "  else\n"
    "    local r = table.pack(xpcall(f, debug.traceback))\n"
    "    if not r[1] then print(r[2])\n"
    "    elseif r.n > 1 then print(table.unpack(r, 2, r.n)) end\n"
    "  end\n"
    "end\n";

static int write_file(const char *path, const char *text) {
  FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
  if (!f) return fail("cannot open %s for writing", path);
  fputs(text, f);
  if (f != stdout && fclose(f) != 0) return fail("cannot write %s", path);
  return 0;
}

/* Default output name: prog.lua -> prog (build) or prog.c (emit-c). */
static char *default_out(const char *in, const char *ext) {
  const char *base = strrchr(in, '/');
  base = base ? base + 1 : in;
  size_t n = strlen(base);
  if (n > 4 && strcmp(base + n - 4, ".lua") == 0) n -= 4;
  char *s = malloc(n + strlen(ext) + 1);
  memcpy(s, base, n);
  strcpy(s + n, ext);
  return s;
}

static int cmd_build(int argc, char **argv, int emit_only, DriverOpts *o) {
  const char *in = NULL, *out = NULL;
  CcOpts co = {"gcc", 2, 0};
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-o") == 0 && i + 1 < argc) out = argv[++i];
    else if (strcmp(a, "--cc") == 0 && i + 1 < argc) co.cc = argv[++i];
    else if (strncmp(a, "--cc=", 5) == 0) co.cc = a + 5;
    else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) co.olevel = a[2] - '0';
    else if (strcmp(a, "--keep-c") == 0) co.keep_c = 1;
    else if (strncmp(a, "-d", 2) == 0) o->dump = a + 2;
    else if (a[0] == '-' && a[1]) return fail("unknown option '%s' (see vmc --help)", a);
    else if (!in) in = a;
    else return fail("unexpected argument '%s' (see vmc --help)", a);
  }
  if (!in) return fail("%s", "no input file (see vmc --help)");
  size_t len;
  char *src = read_source(in, &len);
  if (!src) return 1;
  o->bundle = 1;
  o->with_include = 1;
  o->with_main = !emit_only;
  char *c = translate(in, src, len, o);
  free(src);
  if (!c) return 1;
  int rc;
  if (emit_only) {
    char *def = out ? NULL : default_out(in, ".c");
    rc = write_file(out ? out : def, c);
    free(def);
  } else {
    char *def = out ? NULL : default_out(in, "");
    char msg[4200];
    rc = cc_build(c, out ? out : def, &co, msg, sizeof msg) < 0 ? fail("%s", msg) : 0;
    free(def);
  }
  free(c);
  return rc;
}

int main(int argc, char **argv) {
  DriverOpts o = {0};
  int i = 1;
  while (i < argc && strncmp(argv[i], "-d", 2) == 0 && argv[i][2]) o.dump = argv[i++] + 2;
  if (i >= argc && isatty(0)) {
    char *src = strdup(repl_src);
    return cmd_run(argc, argv, 0, "=(interactive)", src, strlen(src), &o);
  }
  if (i >= argc || strcmp(argv[i], "-") == 0) {   /* the program is standard input, named "stdin" */
    Buf in = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, stdin)) > 0) buf_putn(&in, tmp, k);
    size_t len = in.len;
    return cmd_run(argc, argv, i < argc ? i : 0, "stdin", buf_take(&in), len, &o);
  }
  const char *cmd = argv[i];
  if (strcmp(cmd, "-v") == 0 || strcmp(cmd, "--version") == 0) {
    puts(VMC_VERSION);
    return 0;
  }
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
    fputs(usage, stdout);
    return 0;
  }
  if (strcmp(cmd, "build") == 0) return cmd_build(argc - i - 1, argv + i + 1, 0, &o);
  if (strcmp(cmd, "emit-c") == 0) return cmd_build(argc - i - 1, argv + i + 1, 1, &o);
  if (strcmp(cmd, "-e") == 0) {
    if (i + 1 >= argc) return fail("%s", "'-e' needs an argument");
    char *src = strdup(argv[i + 1]);
    o.isstring = 1;
    return cmd_run(argc, argv, i + 1, "(command line)", src, strlen(src), &o);
  }
  if (strcmp(cmd, "run") == 0) i++;
  else if (cmd[0] == '-') return fail("unknown option '%s' (see vmc --help)", cmd);
  if (i >= argc) return fail("%s", "no input file (see vmc --help)");
  size_t len;
  char *src = read_source(argv[i], &len);
  if (!src) return 1;
  return cmd_run(argc, argv, i, argv[i], src, len, &o);
}
