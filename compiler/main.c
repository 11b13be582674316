/* main.c: the vmc program (compiler layer): `vmc build`, `vmc emit-c`; the rest is lua5.4's command line (cli.c). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "cli.h"
#include "common.h"
#include "driver.h"

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
  if (!src) fprintf(stderr, "vmc: cannot open %s: %s\n", path, strerror(errno));
  return src;
}

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

/* The options of `vmc build` and `vmc emit-c` (see vmc --help); 0, or 1 after a message. */
static int build_options(int argc, char **argv, const char **in, const char **out, CcOpts *co, DriverOpts *o) {
  o->mods = calloc((size_t)argc + 1, sizeof *o->mods);
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int more = i + 1 < argc;
    if (strcmp(a, "-o") == 0 && more) *out = argv[++i];
    else if (strcmp(a, "--cc") == 0 && more) co->cc = argv[++i];
    else if (strncmp(a, "--cc=", 5) == 0) co->cc = a + 5;
    else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) co->olevel = a[2] - '0';
    else if (strcmp(a, "--keep-c") == 0) co->keep_c = 1;
    else if (strcmp(a, "-g") == 0) co->debug = o->exactlines = 1;
    else if (strcmp(a, "-s") == 0 || strcmp(a, "--strip") == 0) co->strip = 1;
    else if (strcmp(a, "--static") == 0) co->fully_static = 1;
    else if (strcmp(a, "-m") == 0 && more) o->mods[o->nmods++] = argv[++i];
    else if (strcmp(a, "--modules") == 0 && more) o->modules_dir = argv[++i];
    else if (strncmp(a, "-d", 2) == 0) o->dump = a + 2;
    else if (a[0] == '-' && a[1]) return fail("unknown option '%s' (see vmc --help)", a);
    else if (!*in) *in = a;
    else return fail("unexpected argument '%s' (see vmc --help)", a);
  }
  if (!*in) return fail("%s", "no input file (see vmc --help)");
  return 0;
}

static int cmd_build(int argc, char **argv, int emit_only, DriverOpts *o) {
  const char *in = NULL, *out = NULL;
  CcOpts co = {0};
  co.cc = "gcc";
  co.olevel = 2;
  if (build_options(argc, argv, &in, &out, &co, o)) return 1;
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

/* vmc build|emit-c ..., vmc --help|--version, the run cache's filler; anything else is lua5.4's command line,
** after `vmc run` or not (cli.c). */
int main(int argc, char **argv) {
  const char *cmd = argc > 1 ? argv[1] : "";
  DriverOpts o = {0};
  if (strcmp(cmd, "build") == 0) return cmd_build(argc - 2, argv + 2, 0, &o);
  if (strcmp(cmd, "emit-c") == 0) return cmd_build(argc - 2, argv + 2, 1, &o);
  if (strcmp(cmd, "run") == 0) return cli_main(argc, argv, 2);
  if (strcmp(cmd, "--help") == 0) {
    cli_usage(stdout, "vmc");
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    puts(VMC_VERSION_LINE);
    return 0;
  }
  if (strcmp(cmd, "--cache-fill") == 0) return cache_fill_main(argc - 2, argv + 2);
  return cli_main(argc, argv, 1);
}
