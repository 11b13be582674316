/* emit_impl.h: state shared by the two halves of the C emitter, emit_plan.c (decisions about each function
** before it is written: layout, uses, call placement, names) and emit.c (the writing) (compiler layer; private). */
#ifndef VMC_EMIT_IMPL_H
#define VMC_EMIT_IMPL_H

#include "emit.h"

/* What the emitter decided about one function before writing it (IrFunc.aux). */
typedef struct FuncPlan {
  const char *cname;       /* "L_fib_3" */
  const char *file;        /* for #line, or NULL */
  int live;                /* reachable from its module's main chunk through closures */
  IrBlock **layout;        /* blocks in output order */
  int *uses;               /* by value id: uses by live instructions */
  char *dead;              /* by value id: removable, not emitted */
  char *fused;             /* by value id: comparison written inside the branch that uses it */
  int *off;                /* by value id: a call's position in the scratch area */
  const char **vname;      /* by value id: C name */
  char *label;             /* by block id: some edge reaches it by goto */
  char *forflags;          /* by value id of a FORPREP: FOR_VALUED (its value is read), FOR_STEPPED (it loops) */
  char *tail;              /* by value id of a CALL: TAIL_CHECKED or TAIL_KNOWN if it is `return f(args)` */
  int tailcalls;           /* has a tail call: may return VM_TAILCALL (direct calls to it must check) */
  Vec direct;              /* IrFunc*: called directly, not in tail position (frames right above this one's) */
  int visit;               /* scratch: Emitter.gen of the last walk that reached this function */
  int maxslots;            /* scratch slots used by calls and returns */
  int varargcalls;         /* passes `...` to a call (its scratch area grows by the vararg count) */
  int usesS, usesnvar, closures, returns, directcalls, usestbc;   /* found while writing the body */
} FuncPlan;

enum { FOR_VALUED = 1, FOR_STEPPED = 2 };
/* A tail call becomes `return VM_TAILCALL(k)` when the callee is a Lua function: tested at run time
** (TAIL_CHECKED: else an ordinary call and return), or known at compile time (TAIL_KNOWN: the direct callee). */
enum { TAIL_CHECKED = 1, TAIL_KNOWN = 2 };

typedef struct KStr {
  const char *s;
  size_t len;
  int k;                   /* index in K[]; -1: free slot */
} KStr;

typedef struct Emitter {
  CompileCtx *cx;
  Arena *arena;
  Buf *out;                /* where lines go */
  int indent;
  const char *lastfile;    /* file named by the last #line */
  int implied;             /* Lua line the C compiler gives the next output line; -1: unknown */
  int pin;                 /* > 0: the Lua line of output lines written for line 0 (a function's prologue) */
  int exact;               /* every output line gets a Lua line: lines written for line 0 keep the last one
                              (EmitUnit.exactlines, vmc build -g) */
  int lastline;            /* the last Lua line given to put in this function */
  Buf kinit;               /* initialisation of K[], in vmc_chunk */
  int nk;
  int nic;                 /* inline caches of field sites: IC[0..nic-1] (vmc.h, VmIC) */
  int ntpl;                /* templates of constructors with named fields: TPL[0..ntpl-1] (vmc.h, VmTpl) */
  KStr *ktab;              /* hash table of string constants */
  int kcap, kcount;
  Vec cnames;              /* C function names in use */
  IrFunc *fn;              /* function being written */
  FuncPlan *p;
  IrBlock *next;           /* block laid out after the one being written */
  int curline;             /* value F.line holds here; -1: unknown */
  int pendline;            /* `F.line = pendline;` goes before the next statement (0: none) */
  int gen;                 /* walks over functions (FuncPlan.visit) */
} Emitter;

/* emit.c */
const char *emit_sfmt(Emitter *E, const char *f, ...) __attribute__((format(printf, 2, 3)));
/* Appends s[0..len-1] as the body of a C string literal: 8-bit and NUL safe, no trigraphs. */
void emit_cquote(Buf *b, const char *s, size_t len);
/* The C name of the frame of the function being written ("F", or "FA.f" in a vararg function). */
const char *emit_frame(Emitter *E);

/* emit_debug.c */
/* Writes `static VmChunk CH<mi>` (its source name and text) for each module mods[mi] of the unit. */
void emit_chunks(Emitter *E, IrModule **mods, int nmod);
/* The initializers of fn's VmLuaInfo after `direct` (chunk CH<mi> of module m, names, text span). */
const char *emit_luainfo(Emitter *E, IrModule *m, int mi, IrFunc *fn);

/* emit_plan.c */
int emit_isinline(IrInstr *v);
IrInstr *emit_packof(IrInstr *ins);
int emit_intloop(IrInstr *prep);
int emit_constloop(IrInstr *prep, unsigned long long *count);
void emit_plan_unit(Emitter *E, EmitUnit *u, IrModule **mods, int nmod);
int emit_quiettail(Emitter *E, IrInstr *call);

#endif
