/* cc_backend.c: compiles generated C with gcc/clang/tcc into a standalone executable, or into a shared object
** for the run cache (compiler layer).
** The executable links the prebuilt runtime (libvmcrt.a, with the stdlib) and the compiler library (libvmcc.a,
** so that `load` and `require` of computed names still compile at run time through libtcc). Both libraries and
** the headers are found next to the vmc executable: <bindir>/lib/vmc (build tree) or <bindir>/../lib/vmc.
** Portability: the Boehm GC and libtcc are linked statically, so the executable needs only the C library
** (libc, libm, ld.so); --static links that statically too. A shared object links nothing: its `vm_*` symbols
** come from the vmc executable that loads it (linked with -rdynamic).
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backend.h"
#include "common.h"

#ifndef VMC_BUILD_CFLAGS
#define VMC_BUILD_CFLAGS ""
#endif

static int isdir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds <prefix>/lib/vmc and <prefix>/include/vmc beside the running executable. */
static int find_runtime(char *lib, char *inc, size_t sz) {
  char exe[PATH_MAX / 2];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return -1;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash) return -1;
  *slash = '\0';
  const char *ups[] = {"", "/.."};
  for (int i = 0; i < 2; i++) {
    snprintf(lib, sz, "%s%s/lib/vmc", exe, ups[i]);
    snprintf(inc, sz, "%s%s/include/vmc", exe, ups[i]);
    if (isdir(lib) && isdir(inc)) return 0;
  }
  return -1;
}

/* Runs argv, waiting for it, its stderr in a temporary file; returns its exit status (-1 if it could not run or
** was killed), with the start of that stderr in msg when not 0. */
static int run(char **argv, char *msg, size_t msgsz) {
  char errfile[PATH_MAX];
  const char *tmp = getenv("TMPDIR");
  snprintf(errfile, sizeof errfile, "%s/vmc-cc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  int efd = mkstemp(errfile);
  pid_t pid = efd < 0 ? -1 : fork();
  if (pid < 0) {
    snprintf(msg, msgsz, "cannot run %s: %s", argv[0], strerror(errno));
    if (efd >= 0) close(efd), remove(errfile);
    return -1;
  }
  if (pid == 0) {
    dup2(efd, 2);
    execvp(argv[0], argv);
    fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  int st, status;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) break;
  status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  if (status != 0) {
    int n = snprintf(msg, msgsz, "%s failed (exit status %d)%s", argv[0], status, msgsz > 80 ? ":\n" : "");
    ssize_t got = n >= 0 && (size_t)n < msgsz ? pread(efd, msg + n, msgsz - (size_t)n - 1, 0) : 0;
    msg[n + (got > 0 ? got : 0)] = '\0';
    while (n > 0 && msg[strlen(msg) - 1] == '\n') msg[strlen(msg) - 1] = '\0';
  }
  close(efd);
  remove(errfile);
  return status;
}

/* The arguments of one compiler run, built up by the functions below. */
typedef struct CcJob {
  const CcOpts *o;
  char lib[PATH_MAX], inc[PATH_MAX + 2], rt[PATH_MAX + 16], cc[PATH_MAX + 16], opt[8];
  char cfile[PATH_MAX], ofile[PATH_MAX + 4];
  char flags[sizeof VMC_BUILD_CFLAGS], lflags[sizeof VMC_BUILD_CFLAGS];   /* cut up by add_words */
  char *argv[64];
  int k;
} CcJob;

static void add(CcJob *j, const char *a) { j->argv[j->k++] = (char *)a; }

/* Splits VMC_BUILD_CFLAGS (sanitizer flags of an ASan build) into argv words. */
static void add_words(CcJob *j, char *words) {
  for (char *w = strtok(words, " "); w; w = strtok(NULL, " ")) add(j, w);
}

/* Writes csrc to the .c file: out.c with keep_c, else a temporary one. */
static int write_cfile(CcJob *j, const char *csrc, const char *out, char *msg, size_t msgsz) {
  if (j->o->keep_c) {
    snprintf(j->cfile, sizeof j->cfile, "%s.c", out);
  } else {
    const char *tmp = getenv("TMPDIR");
    snprintf(j->cfile, sizeof j->cfile, "%s/vmc-XXXXXX.c", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemps(j->cfile, 2);
    if (fd < 0) {
      snprintf(msg, msgsz, "cannot create a temporary file: %s", strerror(errno));
      return -1;
    }
    close(fd);
  }
  FILE *f = fopen(j->cfile, "w");
  if (!f || fputs(csrc, f) < 0 || fclose(f) != 0) {
    snprintf(msg, msgsz, "cannot write %s: %s", j->cfile, strerror(errno));
    return -1;
  }
  snprintf(j->ofile, sizeof j->ofile, "%.*s.o", (int)(strlen(j->cfile) - 2), j->cfile);
  return 0;
}

/* `cc -O2 -w -I<inc> [-g] [sanitizers] file.c -o` */
static void compile_args(CcJob *j, const char *compiler) {
  j->k = 0;
  add(j, compiler);
  add(j, j->opt);
  /* gcc stops inlining vmc.h's fast paths once a unit has grown by 40%, which benchmark-sized programs reach;
  ** and it turns x * -1.0 and x / -1.0 into -x, which gives a NaN x the other sign (lua5.4 multiplies: (0/0) * -1
  ** prints "-nan"), unless NaNs may signal (tests/number/nan_arith_inline.lua) */
  if (strcmp(compiler, "gcc") == 0 || strncmp(compiler, "gcc-", 4) == 0) {
    add(j, "--param=inline-unit-growth=300");
    add(j, "-fsignaling-nans");
  }
  add(j, "-w");
  add(j, j->inc);
  if (j->o->debug) add(j, "-g");
  if (j->o->shared) add(j, "-fPIC");
  add_words(j, j->flags);
  add(j, j->cfile);
  add(j, "-o");
}

/* The output and the libraries: the runtime whole (code compiled at run time may call any of it), libtcc and
** the GC statically, the C library's parts dynamically unless fully static. */
static void link_args(CcJob *j, const char *out) {
  const CcOpts *o = j->o;
  add(j, out);
  if (o->shared) {
    add(j, "-shared");
    return;
  }
  if (o->fully_static) add(j, "-static");
  if (o->strip) add(j, "-s");
  add(j, j->cc);
  add(j, "-Wl,--whole-archive");
  add(j, j->rt);
  add(j, "-Wl,--no-whole-archive");
  add(j, "-ltcc");
  if (!o->fully_static) add(j, "-Wl,-Bstatic");
  add(j, "-lgc");
  if (!o->fully_static) add(j, "-Wl,-Bdynamic");
  add(j, "-lm");
  add(j, "-ldl");
  add(j, "-lpthread");
  add(j, NULL);
}

int cc_build(const char *csrc, const char *out, const CcOpts *o, char *msg, size_t msgsz) {
  CcJob *j = calloc(1, sizeof *j);
  int st = -1;
  j->o = o;
  if (find_runtime(j->lib, j->inc + 2, PATH_MAX) < 0) {
    snprintf(msg, msgsz, "cannot find the vmc runtime library next to the vmc executable");
    free(j);
    return -1;
  }
  memcpy(j->inc, "-I", 2);
  snprintf(j->rt, sizeof j->rt, "%s/libvmcrt.a", j->lib);
  snprintf(j->cc, sizeof j->cc, "%s/libvmcc.a", j->lib);
  snprintf(j->opt, sizeof j->opt, "-O%d", o->olevel);
  strcpy(j->flags, VMC_BUILD_CFLAGS);
  strcpy(j->lflags, VMC_BUILD_CFLAGS);
  if (write_cfile(j, csrc, out, msg, msgsz) < 0) goto done;
  const char *compiler = o->cc ? o->cc : "gcc";
  if (strcmp(compiler, "tcc") == 0) {   /* tcc's linker cannot read the TLS relocations of gcc's archives */
    compile_args(j, compiler);
    add(j, j->ofile);
    add(j, "-c");
    add(j, NULL);
    st = run(j->argv, msg, msgsz);
    if (st != 0) goto done;
    j->k = 0;
    add(j, "cc");
    add_words(j, j->lflags);
    add(j, "-Wl,-z,noexecstack");   /* tcc's objects carry no .note.GNU-stack */
    add(j, j->ofile);
    add(j, "-o");
  } else {
    compile_args(j, compiler);
  }
  link_args(j, out);
  st = run(j->argv, msg, msgsz);
done:
  remove(j->ofile);
  if (!o->keep_c && j->cfile[0]) remove(j->cfile);
  free(j);
  return st == 0 ? 0 : -1;
}
