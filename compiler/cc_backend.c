/* cc_backend.c: compiles generated C with gcc/clang/tcc into a standalone executable (compiler layer).
** The executable links the prebuilt runtime (libvmcrt.a, with the stdlib) and the compiler library (libvmcc.a,
** so that `load` and `require` of computed names still compile at run time through libtcc). Both libraries and
** the headers are found next to the vmc executable: <bindir>/lib/vmc (build tree) or <bindir>/../lib/vmc.
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

/* Runs argv, waiting for it; returns its exit status or -1. */
static int run(char **argv) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    execvp(argv[0], argv);
    fprintf(stderr, "vmc: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Splits VMC_BUILD_CFLAGS (sanitizer flags of an ASan build) into argv words. */
static int add_words(char **argv, int k, char *words) {
  for (char *w = strtok(words, " "); w; w = strtok(NULL, " ")) argv[k++] = w;
  return k;
}

int cc_build(const char *csrc, const char *out, const CcOpts *o, char *msg, size_t msgsz) {
  char lib[PATH_MAX], inc[PATH_MAX + 2], rt[PATH_MAX + 16], cc[PATH_MAX + 16], opt[8];
  if (find_runtime(lib, inc + 2, PATH_MAX) < 0) {
    snprintf(msg, msgsz, "cannot find the vmc runtime library next to the vmc executable");
    return -1;
  }
  memcpy(inc, "-I", 2);
  snprintf(rt, sizeof rt, "%s/libvmcrt.a", lib);
  snprintf(cc, sizeof cc, "%s/libvmcc.a", lib);
  snprintf(opt, sizeof opt, "-O%d", o->olevel);
  char cfile[PATH_MAX];
  if (o->keep_c) {
    snprintf(cfile, sizeof cfile, "%s.c", out);
  } else {
    const char *tmp = getenv("TMPDIR");
    snprintf(cfile, sizeof cfile, "%s/vmc-XXXXXX.c", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemps(cfile, 2);
    if (fd < 0) {
      snprintf(msg, msgsz, "cannot create a temporary file: %s", strerror(errno));
      return -1;
    }
    close(fd);
  }
  FILE *f = fopen(cfile, "w");
  if (!f || fputs(csrc, f) < 0 || fclose(f) != 0) {
    snprintf(msg, msgsz, "cannot write %s: %s", cfile, strerror(errno));
    return -1;
  }
  char flags[] = VMC_BUILD_CFLAGS, lflags[] = VMC_BUILD_CFLAGS;   /* add_words cuts them up */
  const char *compiler = o->cc ? o->cc : "gcc";
  /* tcc's own linker cannot read the TLS relocations in gcc-built archives: tcc compiles, cc links. */
  int split = strcmp(compiler, "tcc") == 0;
  char ofile[PATH_MAX + 4];
  snprintf(ofile, sizeof ofile, "%.*s.o", (int)(strlen(cfile) - 2), cfile);
  char *argv[48];
  int k = 0;
  argv[k++] = (char *)compiler;
  argv[k++] = opt;
  /* gcc stops inlining vmc.h's fast paths once a unit has grown by 40%, which benchmark-sized programs reach */
  if (strcmp(compiler, "gcc") == 0 || strncmp(compiler, "gcc-", 4) == 0) argv[k++] = "--param=inline-unit-growth=300";
  argv[k++] = "-w";
  argv[k++] = inc;
  k = add_words(argv, k, flags);
  argv[k++] = cfile;
  argv[k++] = "-o";
  if (split) {
    argv[k++] = ofile;
    argv[k++] = "-c";
    argv[k] = NULL;
    int st = run(argv);
    if (!o->keep_c) remove(cfile);
    if (st != 0) {
      snprintf(msg, msgsz, "%s failed (exit status %d)", compiler, st);
      return -1;
    }
    k = 0;
    argv[k++] = "cc";
    k = add_words(argv, k, lflags);
    argv[k++] = "-Wl,-z,noexecstack";   /* tcc's objects carry no .note.GNU-stack */
    argv[k++] = ofile;
    argv[k++] = "-o";
  }
  argv[k++] = (char *)out;
  argv[k++] = "-rdynamic";
  argv[k++] = cc;
  argv[k++] = "-Wl,--whole-archive";
  argv[k++] = rt;
  argv[k++] = "-Wl,--no-whole-archive";
  argv[k++] = "-ltcc";
  argv[k++] = "-lgc";
  argv[k++] = "-lm";
  argv[k++] = "-ldl";
  argv[k++] = "-lpthread";
  argv[k] = NULL;
  int st = run(argv);
  if (split) remove(ofile);
  else if (!o->keep_c) remove(cfile);
  if (st != 0) {
    snprintf(msg, msgsz, "%s failed (exit status %d)", argv[0], st);
    return -1;
  }
  return 0;
}
