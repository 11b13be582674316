/* tcc_backend.c: compiles generated C in memory with libtcc (compiler layer, `vmc run` and run-time `load`).
**
** Facts this file relies on (DESIGN.md): Debian's libtcc has the two-argument tcc_relocate, newer ones take one
** argument; we relocate into page-aligned memory of our own and register it as a GC root, because statics of
** tcc-compiled code (the unit's constant strings, for instance) are otherwise invisible to the collector.
** A TCCState is never deleted: its code may run until the process exits (XXX: units made by `load` leak).
*/
#include <libtcc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifndef VMC_MALLOC_GC
#include <gc.h>
#endif

#include "backend.h"
#include "common.h"
#include "driver.h"

#ifndef VMC_TCC_LIBDIR
#define VMC_TCC_LIBDIR "/usr/lib/x86_64-linux-gnu/tcc"
#endif

extern const char vmc_header_text[];

typedef struct TccErr {
  char *msg;
  size_t sz;
  int seen;
} TccErr;

static void on_error(void *opaque, const char *m) {
  TccErr *e = opaque;
  if (!e->seen) snprintf(e->msg, e->sz, "internal error: tcc: %s", m);
  e->seen = 1;
}

#ifdef TCC_RELOCATE_AUTO
/* Code images live in pools of address space, each registered as ONE root set that grows with its use:
** Boehm has a small fixed number of root sets (a program calling `load` in a loop exhausted them with one set
** per unit), and extending a set that starts at the same address does not take a new one. */
#define POOL_SIZE ((size_t)64 << 20)
static char *pool_base;
static size_t pool_used;

static void *pool_alloc(size_t n) {
  if (n > POOL_SIZE) {
    void *own = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (own == MAP_FAILED) return NULL;
#ifndef VMC_MALLOC_GC
    GC_add_roots(own, (char *)own + n);
#endif
    return own;
  }
  if (!pool_base || pool_used + n > POOL_SIZE) {
    void *p = mmap(NULL, POOL_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return NULL;
    pool_base = p;
    pool_used = 0;
  }
  void *mem = pool_base + pool_used;
  pool_used += n;
#ifndef VMC_MALLOC_GC
  GC_add_roots(pool_base, pool_base + pool_used);
#endif
  return mem;
}
#endif

/* The runtime's symbols (build/gen/vmc_symtab.c, made by tools/symtab.sh). */
typedef struct VmSym {
  const char *name;
  const void *addr;
} VmSym;
extern const VmSym vmc_symtab[];

/* What tcc's libtcc1.a would give: tcc calls these for conversions between floating point and unsigned 64-bit
** integers; gcc compiles each to a few instructions. */
static unsigned long long fixunsdfdi(double d) { return (unsigned long long)d; }
static unsigned long long fixunssfdi(float f) { return (unsigned long long)f; }
static double floatundidf(unsigned long long u) { return (double)u; }
static float floatundisf(unsigned long long u) { return (float)u; }

/* Units are compiled with -nostdlib: tcc neither opens libc.so, libc_nonshared.a and libtcc1.a (files of the
** C library's development package and of tcc, absent where a built executable may run) nor looks symbols up in
** the process (which a static executable cannot do): everything a unit may call is given here. */
static void addsymbols(TCCState *s) {
  for (const VmSym *p = vmc_symtab; p->name != NULL; p++) tcc_add_symbol(s, p->name, p->addr);
  tcc_add_symbol(s, "memcpy", (const void *)memcpy);     /* tcc copies and clears structures with these */
  tcc_add_symbol(s, "memmove", (const void *)memmove);
  tcc_add_symbol(s, "memset", (const void *)memset);
  tcc_add_symbol(s, "__fixunsdfdi", (const void *)fixunsdfdi);
  tcc_add_symbol(s, "__fixunssfdi", (const void *)fixunssfdi);
  tcc_add_symbol(s, "__floatundidf", (const void *)floatundidf);
  tcc_add_symbol(s, "__floatundisf", (const void *)floatundisf);
}

/* Relocates the compiled code into memory that the collector scans. Returns 0 on success. */
static int relocate(TCCState *s) {
#ifdef TCC_RELOCATE_AUTO
  int size = tcc_relocate(s, NULL);
  if (size < 0) return -1;
  size_t pg = 4096, n = ((size_t)size + pg - 1) / pg * pg;
  void *mem = pool_alloc(n ? n : pg);
  if (!mem || tcc_relocate(s, mem) < 0) return -1;
  return 0;
#else
  /* XXX: one-argument libtcc manages its own memory; its statics are not GC roots there. */
  return tcc_relocate(s) < 0 ? -1 : 0;
#endif
}

/* ---- The perf map: /tmp/perf-<pid>.map names the code libtcc made, as JIT compilers' maps do ---- */

static int perfmap = -1;   /* -1: VMC_PERF_MAP not read yet */
static FILE *perffile;

int tcc_perfmap(void) {
  if (perfmap < 0) {
    const char *v = getenv("VMC_PERF_MAP");
    perfmap = v != NULL && *v && strcmp(v, "0") != 0;
  }
  return perfmap;
}

void tcc_set_perfmap(int on) { perfmap = on; }

typedef struct FuncSym {
  char *fn;
  const VmFuncInfo *fi;
} FuncSym;

static int byaddr(const void *a, const void *b) {
  const FuncSym *x = a, *y = b;
  return x->fn < y->fn ? -1 : x->fn > y->fn;
}

/* Appends a line "START SIZE NAME" (hex) per function of the unit in s (its vmc_funcsyms[]), a function
** spanning up to the next one: "fib (prog.lua:3)", "main chunk (prog.lua)", "function <prog.lua:9>". */
static void writeperfmap(TCCState *s) {
  const FuncSym *syms = tcc_get_symbol(s, "vmc_funcsyms");
  char *end = tcc_get_symbol(s, "_etext");
  int n = 0;
  if (syms == NULL) return;
  while (syms[n].fn != NULL) n++;
  FuncSym *v = malloc(sizeof *v * (size_t)(n + 1));
  if (v == NULL) return;
  memcpy(v, syms, sizeof *v * (size_t)n);
  qsort(v, (size_t)n, sizeof *v, byaddr);
  if (perffile == NULL) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%ld.map", (long)getpid());
    perffile = fopen(path, "a");
  }
  for (int i = 0; perffile != NULL && i < n; i++) {
    const VmFuncInfo *fi = v[i].fi;
    char *next = i + 1 < n ? v[i + 1].fn : end != NULL && end > v[i].fn ? end : v[i].fn + 16;
    fprintf(perffile, "%lx %lx ", (unsigned long)(uintptr_t)v[i].fn, (unsigned long)(next - v[i].fn));
    if (fi->linedefined == 0) fprintf(perffile, "%s (%s)\n", fi->name, fi->source);
    else if (fi->name != NULL) fprintf(perffile, "%s (%s:%d)\n", fi->name, fi->source, fi->linedefined);
    else fprintf(perffile, "function <%s:%d>\n", fi->source, fi->linedefined);
  }
  if (perffile != NULL) fflush(perffile);
  free(v);
}

VmChunkFn tcc_compile_unit(const char *csrc, char *msg, size_t msgsz) {
  TccErr err = {msg, msgsz, 0};
  TCCState *s = tcc_new();
  if (!s) {
    snprintf(msg, msgsz, "internal error: cannot create a tcc state");
    return NULL;
  }
  tcc_set_error_func(s, &err, on_error);
  tcc_set_lib_path(s, VMC_TCC_LIBDIR);
  tcc_set_options(s, "-nostdinc -nostdlib");
  tcc_set_output_type(s, TCC_OUTPUT_MEMORY);
  size_t hl = strlen(vmc_header_text), cl = strlen(csrc);
  char *text = malloc(hl + cl + 1);
  if (!text) {
    snprintf(msg, msgsz, "out of memory");
    return NULL;
  }
  memcpy(text, vmc_header_text, hl);
  memcpy(text + hl, csrc, cl + 1);
  int rc = tcc_compile_string(s, text);
  free(text);
  if (rc >= 0) addsymbols(s);
  if (rc < 0 || relocate(s) < 0) {
    if (!err.seen) snprintf(msg, msgsz, "internal error: tcc failed");
    return NULL;
  }
  VmChunkFn fn = (VmChunkFn)tcc_get_symbol(s, "vmc_chunk");
  if (!fn) snprintf(msg, msgsz, "internal error: generated code has no vmc_chunk");
  if (fn && tcc_perfmap()) writeperfmap(s);
  return fn;
}

/* The run-time compiler (see VmCompileHook). src is parsed as it is, as a string: callers that load a file
** (lib_loadfile) have already skipped its byte-order mark and a first line starting with '#'. */
Value vmc_compile_hook(VmState *L, const char *src, vm_size len, const char *chunkname, Value env, Value *err) {
  DriverOpts o = {0};
  o.isstring = 1;
  o.funcsyms = tcc_perfmap();
  char msg[600];
  Buf c = {0};
  if (drv_translate(chunkname, src, len, &o, &c, msg, sizeof msg) < 0) {
    buf_free(&c);
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  VmChunkFn fn = tcc_compile_unit(c.s, msg, sizeof msg);
  buf_free(&c);
  if (!fn) {
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  return fn(L, env);
}
