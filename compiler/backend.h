/* backend.h: the two ways out of the compiler: libtcc in memory, or a C compiler to an executable. */
#ifndef VMC_BACKEND_H
#define VMC_BACKEND_H

#include <stddef.h>

#include "vmc.h"

/* tcc_backend.c: compiles a unit's C text (without the header, which it prepends) in memory and returns its
** vmc_chunk entry, or NULL with a message. The TCCState and its code stay alive for the life of the process. */
VmChunkFn tcc_compile_unit(const char *csrc, char *msg, size_t msgsz);
/* Is the perf map on (VMC_PERF_MAP set and not "0", or tcc_set_perfmap(1))? Then each unit compiled by
** tcc_compile_unit, made with DriverOpts.funcsyms, has its functions appended to /tmp/perf-<pid>.map, which
** `perf report` reads to name code generated at run time: "fib (prog.lua:3)". */
int tcc_perfmap(void);
void tcc_set_perfmap(int on);

typedef struct CcOpts {
  const char *cc;          /* "gcc" (default), "clang", "tcc" */
  int olevel;              /* 0..3, default 2 */
  int keep_c;              /* leave the .c file next to the output */
  int debug;               /* -g: debug information (#line: Lua files and lines) */
  int strip;               /* -s: no symbols */
  int fully_static;        /* --static: the C library linked statically too */
  int shared;              /* a shared object for the run cache instead of an executable */
} CcOpts;

/* cc_backend.c: writes `csrc` to a temporary file and compiles and links it with the runtime library into the
** executable `out` (or, with o->shared, into a shared object that takes the runtime from its host). Returns 0,
** or -1 with a message (the compiler's errors included). */
int cc_build(const char *csrc, const char *out, const CcOpts *o, char *msg, size_t msgsz);

#endif
