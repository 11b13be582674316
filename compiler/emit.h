/* emit.h: the C emitter's interface (compiler layer): a compilation unit of IR modules in, C text out. */
#ifndef VMC_EMIT_H
#define VMC_EMIT_H

#include "common.h"
#include "ir.h"

/* A module bundled into the unit: found by `require("name")` at build time, registered with vm_bundle. */
typedef struct EmitModule {
  const char *name;        /* the require name: "util", "a.b" */
  const char *path;        /* the file it was found in: the loader's second argument, as under lua5.4 */
  IrModule *m;
  int preload;             /* registered in package.preload (vmc build -m, --modules), not found as a file */
} EmitModule;

typedef struct EmitUnit {
  IrModule *main;          /* the main chunk */
  EmitModule *mods;         /* bundled modules */
  int nmods;
  int with_include;        /* emit #include "vmc.h" (0: the libtcc backend prepends the header itself) */
  int with_main;           /* append a C main() calling vm_main (executables) */
  int funcsyms;            /* append vmc_funcsyms[], the unit's functions and their infos (perf maps) */
  int exactlines;          /* a #line for every C line of a function, none counted on (debuggers: -g) */
  const char *source_path; /* the main chunk's file for #line directives; NULL: none */
} EmitUnit;

/* emit_c: appends to out the C translation unit for u: one C function per Lua function, the unit's constants,
** and the exported `Value vmc_chunk(VmState *L, Value env)` that registers the bundled modules and returns the
** main chunk's closure. Reads the IR only. */
void emit_c(CompileCtx *cx, EmitUnit *u, Buf *out);

#endif
