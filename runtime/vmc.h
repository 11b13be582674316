/* vmc.h: the ABI of generated code (runtime layer). Generated C and stdlib/ include this header only.
**
** Self-contained on purpose: no libc header (tcc compiles this text for every `vmc run` and `load`, and the
** libc headers cost it several milliseconds). Everything here is either a declaration of a `vm_*` entry point of
** the runtime or a small inline fast path whose slow path is a named runtime function.
**
** Calling convention (see docs/ARCHITECTURE.md):
**   every function value, Lua or C, is a VmClosure whose `fn` has the type VmCFunction:
**       int fn(VmState *L, VmClosure *self, Value *a, int n);
**   its n arguments are a[0..n-1] on the current coroutine's value stack; everything above a[n-1] is free for the
**   callee (its own outgoing calls and varargs). It returns r >= 0 and leaves its results in a[0..r-1].
**   The value stack never moves, so Value pointers into it stay valid.
**   A negative return value r is a tail call (only Lua functions make one): the function has left the k =
**   VM_TAILARGS(r) arguments of a Lua function g in a[0..k-1] and g itself in a[k], and popped its frame;
**   whoever called fn calls g(a, k) in its place, repeatedly (vm_call, vm_calld and vm_tailcalls do).
*/
#ifndef VMC_H
#define VMC_H

#include "value.h"

#if defined(__GNUC__) || defined(__TINYC__)
#define VM_NORETURN __attribute__((noreturn))
#else
#define VM_NORETURN
#endif

typedef unsigned long vm_size;

typedef struct VmState VmState;
typedef struct VmClosure VmClosure;
typedef int (*VmCFunction)(VmState *L, VmClosure *self, Value *a, int n);

/* Static description of a function, for tracebacks and error positions. Never collected (static data). */
typedef struct VmFuncInfo {
  const char *name;        /* "fib", "main chunk", "insert"; NULL when unknown */
  const char *source;      /* chunk name as shown in messages: "prog.lua"; "[C]" for C functions */
  int linedefined;
  int nparams;
  int isvararg;
} VmFuncInfo;

/* One activation of a Lua function, on the C stack; L->frame is the innermost one. C functions push none. */
typedef struct VmFrame {
  struct VmFrame *prev;
  const VmFuncInfo *info;
  int line;                /* current line: updated by generated code before anything that can fail */
} VmFrame;

/* Heap objects */
typedef struct VmString {
  VmObj h;
  unsigned int hash;       /* always valid */
  vm_size len;
  char s[1];               /* len bytes plus a terminating '\0'; atomic: no pointers */
} VmString;

typedef struct VmNode {
  Value key;               /* VM_NIL: free slot */
  Value val;               /* VM_NIL with a non-nil key: dead entry (kept so that next() still works) */
} VmNode;

typedef struct VmTable {
  VmObj h;                 /* h.flags: cache of absent metamethods (runtime-private meaning) */
  Value *arr;              /* array part: t[1..asize] in arr[0..asize-1] */
  vm_uint asize;
  VmNode *node;            /* hash part, open addressing; NULL when empty */
  vm_uint hmask;           /* number of nodes - 1 */
  vm_uint hcount;          /* used nodes (live or dead) */
  struct VmTable *meta;
  vm_uint lenhint;         /* runtime-private: last border found by vm_rawlen (added by the runtime) */
} VmTable;

/* Full userdata (added by the runtime): `size` bytes of payload, aligned for any scalar type and scanned
** conservatively for pointers. The metatable is raw (use vm_setmetatable). */
typedef struct VmUserdata {
  VmObj h;
  struct VmTable *meta;
  Value user;              /* user value (VM_NIL by default) */
  vm_size size;
  union { double d; long long l; void *p; } data[1];
} VmUserdata;

typedef struct VmCell {    /* a captured mutable local, shared by the closures that capture it */
  VmObj h;
  Value v;
} VmCell;

struct VmClosure {
  VmObj h;                 /* h.flags: VM_FLUA for a Lua function (set by vm_newclosure from info->linedefined) */
  int nup;
  VmCFunction fn;
  const VmFuncInfo *info;
  VmCell *up[1];           /* nup cells */
};

#define VM_MAXCCALLS 200   /* "C stack overflow" past this nesting of C-level calls, as lua5.4's LUAI_MAXCCALLS */

/* Per-coroutine state. Generated code touches only the first fields. */
struct VmState {
  VmFrame *frame;          /* innermost Lua frame */
  char *climit;            /* C stack: a frame below this address raises "stack overflow" */
  Value *stack_last;       /* value stack: a frame whose arguments end above this raises "stack overflow" */
  Value *stack;            /* base of the value stack */
  Value globals;           /* the global table (_G); the initial _ENV */
  struct VmGlobal *g;      /* runtime-private shared state */
  struct VmJmp *errjmp;    /* innermost protected call (runtime-private) */
  int nccalls;             /* nesting of C-level calls (pcall, metamethods, library call-outs, resumes) */
  /* Added by the runtime: a high-water mark of the value stack. No live value of any activation lies at or
  ** above it, so calls the runtime makes on its own (metamethods, __call, error handlers) put their arguments
  ** at L->top. vm_enter raises it to the frame's top and vm_call to a + n; vm_call lowers it again when the
  ** callee returns. A C function that keeps live values above a[n-1] while it calls anything that may run
  ** Lua code (vm_index, vm_tostring, vm_arith, ...) must raise it first: vm_reserve(L, a + n + k). */
  Value *top;
  /* Added by the runtime: the description vm_calld got for the C function running now ("local 'ins'",
  ** "method 'rep'"; NULL when called through vm_call or unknown), so that the stdlib can word "bad argument"
  ** errors as lua5.4 does. Valid until the function makes a call of its own: read it first. */
  const char *calld;
};

/* ---- Allocation (Boehm GC; an ASan build swaps in malloc) ---- */
void *vm_alloc(vm_size n);           /* zeroed, scanned for pointers */
void *vm_alloc_atomic(vm_size n);    /* not scanned: no pointers may be stored in it; not zeroed */

/* ---- Errors ---- */
VM_NORETURN void vm_throw(VmState *L, Value err);
VM_NORETURN void vm_error(VmState *L, const char *fmt, ...);   /* "chunk:line: " + message, like luaL_error */
VM_NORETURN void vm_rterror(VmState *L, const char *fmt, ...); /* same, used by generated code and the runtime */
VM_NORETURN void vm_stackoverflow(VmState *L);
/* a[0..n-1] in, a[0..r-1] out as vm_call; on error returns -1 with the error value in a[0] */
int vm_pcall(VmState *L, Value f, Value *a, int n);

/* ---- Frames ---- */
/* top: one past the highest value-stack slot this activation may write (its arguments, any locals it keeps on
** the value stack, and the arguments of its outgoing calls). */
static inline void vm_enter(VmState *L, VmFrame *f, const VmFuncInfo *info, Value *top) {
  f->prev = L->frame;
  f->info = info;
  f->line = info->linedefined;
  L->frame = f;
  if (top > L->top) {
    L->top = top;
    if (top > L->stack_last) vm_stackoverflow(L);
  }
  if ((char *)f < L->climit) vm_stackoverflow(L);
}
/* protects the value-stack slots below p from calls the runtime makes on its own (see VmState.top) */
static inline void vm_reserve(VmState *L, Value *p) {
  if (p > L->top) L->top = p;
}
static inline void vm_leave(VmState *L, VmFrame *f) { L->frame = f->prev; }

/* ---- Strings ---- */
Value vm_newstr(VmState *L, const char *s, vm_size len);   /* copies s */
Value vm_newcstr(VmState *L, const char *s);               /* NUL-terminated */
/* A string built in place (added by the runtime): write len bytes into ->s, then vm_strbufdone gives the value. */
VmString *vm_newstrbuf(VmState *L, vm_size len);
Value vm_strbufdone(VmString *s);
static inline VmString *vm_str(Value v) { return (VmString *)vm_toptr(v); }
Value vm_tostring(VmState *L, Value v);     /* like tostring(): __tostring, __name; always a string */
/* Value to string for concatenation: strings and numbers only; 0 otherwise */
int vm_tostr_coerce(VmState *L, Value v, Value *out);
/* number formatting as lua5.4 prints ("%.14g", "1e+15", "-nan", "100.0"); buf >= 64 bytes; returns length */
int vm_fmtnum(char *buf, Value v);
/* string -> number as Lua reads numerals (hex, exponents, surrounding spaces); VM_NIL if not a numeral */
Value vm_str2num(const char *s, vm_size len);
int vm_streq(Value a, Value b);              /* both strings */

/* ---- Tables ---- */
Value vm_newtable(VmState *L, int narr, int nhash);
Value vm_rawget(VmTable *t, Value k);
Value vm_rawgeti(VmTable *t, vm_int i);
Value vm_rawgetstr(VmTable *t, Value k);      /* k is a string */
void vm_rawset(VmState *L, VmTable *t, Value k, Value v);     /* errors on nil/NaN keys */
void vm_rawseti(VmState *L, VmTable *t, vm_int i, Value v);
vm_int vm_rawlen(VmTable *t);                 /* border, as # without __len */
int vm_next(VmState *L, VmTable *t, Value *k, Value *v);    /* 0 at the end; error on an invalid key */
static inline VmTable *vm_tab(Value v) { return (VmTable *)vm_toptr(v); }

/* ---- Metatables and events ---- */
enum {  /* order of the arithmetic and bitwise events; also the operator codes of vm_arith */
  VM_OPADD, VM_OPSUB, VM_OPMUL, VM_OPMOD, VM_OPPOW, VM_OPDIV, VM_OPIDIV,
  VM_OPBAND, VM_OPBOR, VM_OPBXOR, VM_OPSHL, VM_OPSHR, VM_OPUNM, VM_OPBNOT
};
Value vm_getmetatable(VmState *L, Value v);   /* raw metatable (table or VM_NIL) */
Value vm_metafield(VmState *L, Value v, const char *event);  /* VM_NIL if absent */
const char *vm_typename(Value v);             /* "nil", "number", ... */
const char *vm_objtypename(VmState *L, Value v);  /* honours __name */

/* ---- Slow paths of the operators (full semantics: coercions, metamethods, errors).
** `da`/`db` describe the operands for error messages, e.g. "global 'x'", "local 'n'", "field 'y'",
** "upvalue 'z'", "constant 'k'"; NULL when there is nothing to say. */
Value vm_arith(VmState *L, int op, Value a, Value b, const char *da, const char *db);
Value vm_concat(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_len(VmState *L, Value a, const char *da);
int vm_lessthan(VmState *L, Value a, Value b);
int vm_lessequal(VmState *L, Value a, Value b);
int vm_equal(VmState *L, Value a, Value b);   /* with __eq */
int vm_rawequal(Value a, Value b);
Value vm_index(VmState *L, Value o, Value k, const char *d);          /* o[k]; d describes o */
void vm_setindex(VmState *L, Value o, Value k, Value v, const char *d);

/* ---- Calls ---- */
int vm_call(VmState *L, Value f, Value *a, int n);    /* d: see vm_calld */
int vm_calld(VmState *L, Value f, Value *a, int n, const char *d);   /* d describes f for "attempt to call" */
VmClosure *vm_newclosure(VmState *L, VmCFunction fn, const VmFuncInfo *info, int nup);
VmCell *vm_newcell(VmState *L, Value v);
static inline Value vm_mkfunc(VmClosure *c) { return vm_mkptr(c); }
static inline VmClosure *vm_fn(Value v) { return (VmClosure *)vm_toptr(v); }
/* ---- Proper tail calls ----
** `return g(args)` where g is a Lua function: g's k arguments go to a[0..k-1], g to a[k], the frame is popped
** and the function returns VM_TAILCALL(k). A C function (or a __call object) in tail position is called as
** usual, inside the caller's frame, as lua5.4 does. A caller that calls a fn itself finishes a negative result
** with vm_tailcalls(L, a, r), which calls g and its own tail calls in a loop (constant C stack) and returns the
** final result count, the results in a[0..]. */
/* VmClosure.h.flags: VM_FLUA, a Lua function; VM_FYIELD, a C function that lets coroutines yield through it
** (pcall, the coroutine functions...: set by the stdlib; other C functions run as non-yieldable calls). */
enum { VM_FLUA = 1, VM_FYIELD = 2 };
#define VM_TAILCALL(k) (-1 - (k))
#define VM_TAILARGS(r) (-1 - (r))
#if defined(__GNUC__) && !defined(__TINYC__)
__attribute__((cold))
#endif
int vm_tailcalls(VmState *L, Value *a, int r);
/* a function written in Lua (the target of a tail call), not a C function */
static inline int vm_isluafn(Value v) { return vm_isfunction(v) && (vm_fn(v)->h.flags & VM_FLUA); }
/* fill a[r..want-1] with nil after a call that returned r values */
static inline void vm_adjust(Value *a, int r, int want) { while (r < want) a[r++] = VM_NIL; }

/* ---- Numeric for (Lua 5.4 semantics: integer loop when init and step are integers; never overflows) ---- */
typedef struct VmFor {
  vm_int i, step;          /* integer loop: current value and step */
  vm_uint count;           /* integer loop: iterations left after the current one */
  double fi, flimit, fstep; /* float loop */
  int isint;
} VmFor;
/* Prepares the loop: returns 0 if it runs no iteration. Errors: "'for' initial value must be a number", ... */
int vm_forprep(VmState *L, VmFor *f, Value init, Value limit, Value step);
static inline Value vm_forvalue(VmFor *f) { return f->isint ? vm_mkint(f->i) : vm_mkfloat(f->fi); }
/* advances; returns 0 when the loop is over */
static inline int vm_forstep(VmFor *f) {
  if (f->isint) {
    if (f->count == 0) return 0;
    f->count--;
    f->i = (vm_int)((vm_uint)f->i + (vm_uint)f->step);
    return 1;
  }
  f->fi += f->fstep;
  return f->fstep > 0 ? f->fi <= f->flimit : f->fi >= f->flimit;
}

/* ---- Modules and chunks ---- */
/* The compiler's entry for run-time compilation (load, dofile, require of a computed name), installed by the host.
** src is parsed as a string chunk: callers that read files strip a first '#' line themselves (lib_loadfile).
** Returns a function value, or VM_NIL with an error message string in *err. env: the chunk's _ENV. */
typedef Value (*VmCompileHook)(VmState *L, const char *src, vm_size len, const char *chunkname, Value env,
                               Value *err);
/* What a compiled unit exports: builds its main closure with _ENV = env, registering the modules it bundles
** (package.preload) on the way. */
typedef Value (*VmChunkFn)(VmState *L, Value env);
void vm_preload(VmState *L, const char *name, Value loader);
/* The host's main: runtime set-up, `arg`, runs chunk with argv[script+1..] as `...`; returns the exit status.
** script: index in argv of the script name (for arg[0]). */
int vm_main(int argc, char **argv, int script, VmChunkFn chunk, VmCompileHook hook);
Value vmc_compile_hook(VmState *L, const char *src, vm_size len, const char *chunkname, Value env, Value *err);
/* Compiles a chunk at run time through the hook vm_main installed: a function value, or VM_NIL with an error
** message string in *err (also when no compiler is linked in). */
Value vm_load(VmState *L, const char *src, vm_size len, const char *chunkname, Value env, Value *err);
void lib_openall(VmState *L);               /* stdlib: opens every library into L->globals; vm_main calls it */
extern const char *vm_progname;             /* prefix of uncaught-error messages; NULL (default): argv[0] */

/* ---- Added by the runtime for the stdlib ---- */
/* like vm_pcall, with a message handler h called at the point of the error (before unwinding) with the error
** value; its first result becomes the error value. A handler that errors gives "error in error handling". */
int vm_xpcall(VmState *L, Value f, Value h, Value *a, int n);
/* "msg\nstack traceback:\n\t..." from the current frame chain (msg NULL: no first line); a string */
Value vm_traceback(VmState *L, const char *msg);
/* "chunk:line: " of the Lua function `level` frames up (1: the innermost one), "" if none; a string */
Value vm_where(VmState *L, int level);
void vm_setmetatable(VmState *L, Value o, Value mt);   /* raw: tables and userdata; mt a table or VM_NIL */
void vm_setstringmeta(VmState *L, Value mt);           /* the metatable shared by all strings */
VmUserdata *vm_newuserdata(VmState *L, vm_size size);  /* zeroed payload */
static inline VmUserdata *vm_udata(Value v) { return (VmUserdata *)vm_toptr(v); }
/* integer value of v: integers, floats with an exact integer value, numeric strings; 0 if none */
int vm_tointeger(Value v, vm_int *out);
/* v as a number: numbers themselves, numeric strings converted (as arithmetic does); VM_NIL otherwise */
Value vm_tonumeric(Value v);

/* ---- Inline fast paths used by generated code ---- */
static inline Value vm_add(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_mkint(vm_immint(a) + vm_immint(b));
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) + vm_tofloat(b));
  return vm_arith(L, VM_OPADD, a, b, da, db);
}
static inline Value vm_sub(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_mkint(vm_immint(a) - vm_immint(b));
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) - vm_tofloat(b));
  return vm_arith(L, VM_OPSUB, a, b, da, db);
}
static inline Value vm_mul(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b))
    return vm_mkint((vm_int)((vm_uint)vm_immint(a) * (vm_uint)vm_immint(b)));
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) * vm_tofloat(b));
  return vm_arith(L, VM_OPMUL, a, b, da, db);
}
static inline Value vm_div(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) / vm_tofloat(b));
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_mkfloat((double)vm_immint(a) / (double)vm_immint(b));
  return vm_arith(L, VM_OPDIV, a, b, da, db);
}
static inline Value vm_mod(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b) && vm_immint(b) > 0) {
    vm_int r = vm_immint(a) % vm_immint(b);
    return vm_mkimmint(r < 0 ? r + vm_immint(b) : r);
  }
  return vm_arith(L, VM_OPMOD, a, b, da, db);
}
static inline Value vm_idiv(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b) && vm_immint(b) > 0) {
    vm_int x = vm_immint(a), y = vm_immint(b), q = x / y;
    return vm_mkimmint((x % y != 0 && x < 0) ? q - 1 : q);
  }
  return vm_arith(L, VM_OPIDIV, a, b, da, db);
}
static inline Value vm_unm(VmState *L, Value a, const char *da) {
  if (vm_isimmint(a)) return vm_mkint(-vm_immint(a));
  if (vm_isfloat(a)) {  /* flip the sign bit: tcc compiles -d as 0.0 - d, which keeps the sign of a NaN */
    union { Value u; double d; } c;
    c.u = (a - VM_DOUBLE_OFFSET) ^ 0x8000000000000000ULL;
    return vm_mkfloat(c.d);
  }
  return vm_arith(L, VM_OPUNM, a, a, da, da);
}
static inline int vm_eq(VmState *L, Value a, Value b) {
  if (a == b) return !vm_isfloat(a) || vm_tofloat(a) == vm_tofloat(a);
  if (vm_isimmint(a) && vm_isimmint(b)) return 0;
  return vm_equal(L, a, b);
}
static inline int vm_lt(VmState *L, Value a, Value b) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_immint(a) < vm_immint(b);
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_tofloat(a) < vm_tofloat(b);
  return vm_lessthan(L, a, b);
}
static inline int vm_le(VmState *L, Value a, Value b) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_immint(a) <= vm_immint(b);
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_tofloat(a) <= vm_tofloat(b);
  return vm_lessequal(L, a, b);
}
/* o[k] for any k */
static inline Value vm_get(VmState *L, Value o, Value k, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    if (vm_isimmint(k)) {
      vm_uint i = (vm_uint)vm_immint(k) - 1;
      if (i < t->asize) {
        Value v = t->arr[i];
        if (v != VM_NIL || t->meta == 0) return v;
      }
    }
  }
  return vm_index(L, o, k, d);
}
/* o[k] for a string constant k (o.name) */
static inline Value vm_getstr(VmState *L, Value o, Value k, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    Value v = vm_rawgetstr(t, k);
    if (v != VM_NIL || t->meta == 0) return v;
  }
  return vm_index(L, o, k, d);
}
/* o[k] = v */
static inline void vm_set(VmState *L, Value o, Value k, Value v, const char *d) {
  if (vm_istable(o) && vm_isimmint(k)) {
    VmTable *t = vm_tab(o);
    vm_uint i = (vm_uint)vm_immint(k) - 1;
    if (i < t->asize && (t->meta == 0 || t->arr[i] != VM_NIL)) {
      t->arr[i] = v;
      return;
    }
  }
  vm_setindex(L, o, k, v, d);
}

/* ---- Coroutines (added by the runtime for the stdlib; coro.c) ---- */
static inline int vm_iscoro(Value v) { return vm_isobj(v, VM_TCORO); }
Value vm_cocreate(VmState *L, Value f);                  /* a new coroutine (a "thread" value) that will run f */
/* coroutine.yield, coroutine.resume and the functions of coroutine.wrap in one, for the library's functions
** to tail-call with their own arguments (a[0..n-1]) and how:
**   VM_COYIELD: the running coroutine yields a[0..n-1]; returns the number of values the next resume passes,
**     in a[0..]. Errors in the main program and across a non-yieldable C call. (co is ignored.)
**   VM_CORESUME: resumes co = a[0] with a[1..n-1]: returns true and what co yields or returns, or false and the
**     error (an error in co, which is dead then, or a refusal: "cannot resume dead coroutine", ...).
**   VM_COWRAP: resumes co with a[0..n-1]: returns what co yields or returns; raises errors, as wrap does. */
enum { VM_COYIELD, VM_CORESUME, VM_COWRAP };
int vm_cotransfer(VmState *L, Value co, Value *a, int n, int how);
const char *vm_costatus(VmState *L, Value co);           /* "running", "suspended", "normal" or "dead" */
/* closes a suspended or dead co (its pending to-be-closed variables run): 1, or 0 with the error in *err;
** errors for a running or normal one */
int vm_coclose(VmState *L, Value co, Value *err);
Value vm_corunning(VmState *L, int *ismain);             /* the running coroutine */
VmState *vm_costate(Value co);                           /* its state: frames for debug.traceback(co) */
int vm_coyieldable(VmState *L, Value co);                /* could co yield now? */

/* ---- Requested by stdlib (the runtime implements these) ---- */
/* collectgarbage: one operation on the collector, as lua_gc. Returns: VM_GCCOUNT the heap in use in KB,
** VM_GCCOUNTB the remainder in bytes (count = KB * 1024 + B), VM_GCSTEP 1 if a cycle finished (arg: KB of
** work, 0 = one basic step), VM_GCISRUNNING 1 unless stopped; the others 0. */
enum { VM_GCSTOP, VM_GCRESTART, VM_GCCOLLECT, VM_GCCOUNT, VM_GCCOUNTB, VM_GCSTEP, VM_GCISRUNNING };
int vm_gc(VmState *L, int what, int arg);

/* ---- Provided by stdlib for generated code (loadlib.c) ---- */
/* Registers a module compiled into the program: require(name) finds it where lua5.4's file searcher would have
** found `path` (after package.preload, before package.path) and calls loader(name, path), so that the module
** sees the same `...` as under lua5.4 (vm_preload gives ":preload:"). Call after lib_openall. */
void vm_bundle(VmState *L, const char *name, const char *path, Value loader);

/* Under tcc (vmc run, load) nothing is inlined: the hottest fast paths are also open-coded as expressions that
** fall back to the functions above (a parenthesised name is not a macro call). Operands are evaluated more than
** once: only generated code, which passes C locals and constants, may use these. Measured with fib(32) under
** `vmc run`: 198 ms with calls only, 120 ms with value.h's accessor macros, less with these. */
#ifdef __TINYC__
#define vm_fitsimm(i) ((vm_int)((vm_uint)(i) << 14) >> 14 == (i))
#define VM_BOTHIMM(a, b) (vm_isimmint(a) && vm_isimmint(b))
#define vm_add(L, a, b, da, db) \
  (VM_BOTHIMM(a, b) && vm_fitsimm(vm_immint(a) + vm_immint(b)) ? vm_mkimmint(vm_immint(a) + vm_immint(b)) \
                                                               : (vm_add)(L, a, b, da, db))
#define vm_sub(L, a, b, da, db) \
  (VM_BOTHIMM(a, b) && vm_fitsimm(vm_immint(a) - vm_immint(b)) ? vm_mkimmint(vm_immint(a) - vm_immint(b)) \
                                                               : (vm_sub)(L, a, b, da, db))
#define vm_lt(L, a, b) (VM_BOTHIMM(a, b) ? vm_immint(a) < vm_immint(b) : (vm_lt)(L, a, b))
#define vm_le(L, a, b) (VM_BOTHIMM(a, b) ? vm_immint(a) <= vm_immint(b) : (vm_le)(L, a, b))
#define vm_eq(L, a, b) ((a) == (b) && !vm_isfloat(a) ? 1 : VM_BOTHIMM(a, b) ? 0 : (vm_eq)(L, a, b))
#endif

#endif
