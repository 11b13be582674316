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
/* The fast paths generated code uses. Not forced inline: in a huge function (a long main chunk) that made gcc take
** 12 s on the official attrib.lua; `vmc build` raises gcc's unit growth limit instead, which inlines them in the
** benchmarks as forcing did (callgrind within 0.5%) and leaves huge functions alone (attrib.lua: 5.5 s). */
#define VM_INLINE static inline

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
  /* C functions (or NULL): vm_callc's call of the function f (described by d): the common cases without the
  ** call record (results in a[0..r-1], returned by vm_fastret), never raising an error (but "not enough memory")
  ** nor calling Lua code; every other case, before changing anything, by vm_calld(L, f, a, n, d). */
  int (*fast)(VmState *L, Value f, Value *a, int n, const char *d);
} VmFuncInfo;

/* A function called directly (by its C name, without vm_call) and how its caller names it ("local 'f'",
** "upvalue 'f'"): a caller always names one callee alike. Tracebacks read it. */
typedef struct VmCallee {
  const VmFuncInfo *info;
  const char *d;
} VmCallee;

/* A chunk of Lua source compiled into a unit (the main one or a bundled module), for the debug library and
** string.dump. Static data of the unit, writable: the runtime completes what is only known when it runs. */
typedef struct VmChunk {
  const char *source;      /* lua5.4's source name ("@prog.lua", "=stdin", a string chunk's text); NULL: not known
                              when compiled (lib_setchunksource sets it for chunks loaded at run time) */
  const char *text;        /* its source text, from past a first '#' line (string.dump rebuilds functions from it) */
  vm_size len;
} VmChunk;

/* The description of a function written in Lua (a closure with VM_FLUA): its VmFuncInfo, the functions it calls
** directly (a list ending with info NULL, or NULL), and what the debug library knows of it. Generated code makes
** these; the closures point at fi. Lists are plain text, which costs nothing until read. */
typedef struct VmLuaInfo {
  VmFuncInfo fi;
  const VmCallee *direct;
  VmChunk *chunk;          /* the chunk it is part of */
  int lastline;            /* line of its 'end' (main chunk: 0, as lua5.4) */
  const char *upvals;      /* its upvalues in the closure's order, each followed by a space: a name, then
                              "=literal" for a <const> local that lua5.4 folds (it has no upvalue for it), '?' for
                              one it may fold */
  const char *params;      /* names of its parameters (self included), each followed by a space, a '*' before it
                              when frames do not keep its value (assigned, or a loop on self tail calls) */
  int ismethod;            /* defined with ':' (self is implicit in its text) */
  int sline;               /* the line where its text starts */
  vm_size pos, len;        /* its text in chunk->text: its parameters and body ("(a, b) ... end"); main: all */
} VmLuaInfo;

/* One activation of a Lua function, on the C stack; L->frame is the innermost one. C functions push none, except
** while they call out (lib_call) and in protected calls: frames with line -1. */
typedef struct VmFrame {
  struct VmFrame *prev;
  int line;                /* current line: updated by generated code before anything that can fail */
  VmClosure *cl;           /* the running function (its info describes it); NULL in some C frames */
} VmFrame;

/* The frame of a vararg Lua function (info->isvararg): a VmFrame, then where its arguments are, for the debug
** library (its varargs, its parameters). Other functions' frames keep their three fields. */
typedef struct VmArgFrame {
  VmFrame f;
  Value *base;             /* its arguments: base[0..nargs-1] */
  int nargs;
} VmArgFrame;

/* A call made through vm_call/vm_calld/vm_callv, or a run of tail calls (vm_tailcalls), recorded on the C stack
** of the call; L->calls is the innermost one. Together with the frames they make the stack of activations that
** tracebacks and the debug library see (traceback.c): a record comes right after the frame that was innermost
** when it was made. C functions have a record and no frame, and a Lua function's record says how its caller named
** it. */
typedef struct VmCall {
  struct VmCall *prev;
  VmClosure *cl;           /* the function called (in a run of tail calls: the current one) */
  const char *d;           /* how the call site names it ("global 'print'", "method 'm'"); NULL: nothing */
  const struct VmFrame *frame;   /* L->frame when the call was made */
} VmCall;

/* Heap objects */
typedef struct VmString {
  VmObj h;
  unsigned int hash;       /* always valid */
  vm_size len;
  char s[1];               /* len bytes plus a terminating '\0'; atomic: no pointers */
} VmString;

typedef struct VmNode {
  Value key;               /* VM_NIL: free node */
  Value val;               /* VM_NIL with a non-nil key: dead entry (kept so that next() still works) */
  int next;                /* offset of the next node of this key's chain; 0: the last */
} VmNode;

typedef struct VmTable {
  VmObj h;                 /* h.flags: cache of absent metamethods (runtime-private meaning) */
  unsigned int lastfree;   /* runtime-private: free nodes are below this index */
  Value *arr;              /* array part: t[1..asize] in arr[0..asize-1] */
  vm_uint asize;
  VmNode *node;            /* hash part, chained scatter (table.c); a shared read-only node when empty */
  vm_uint hmask;           /* number of nodes - 1 */
  vm_uint keybits;         /* VM_KEYBIT of every string key in node (and maybe of some no longer there) */
  struct VmTable *meta;
  vm_uint lenhint;         /* runtime-private: last border found by vm_rawlen (added by the runtime) */
} VmTable;
/* A table some __index chain went through (a metatable or an __index table), in h.extra: when it gains or loses a
** key, has "__index" stored, is rebuilt or gets another metatable, vm_protoepoch advances (field.c). */
#define VM_TPROTO 1
#define VM_TPLAIN 16              /* h.extra of a metatable known to have neither __gc nor __mode (meta.c) */
/* Bit of a metatable's h.flags: it is known to have no __newindex (the runtime's cache of absent metamethods) */
#define VM_FNONEWINDEX 2
/* A table's filter of its string keys: a string whose bit is clear in t->keybits is not a key of t (field.c has
** the measurements that chose it). */
#define VM_KEYBIT(hash) ((vm_uint)1 << ((unsigned int)(hash) >> 26))

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
  /* The innermost call made through vm_call/vm_calld/vm_tailcalls (see VmCall), NULL if none. */
  VmCall *calls;
  /* Added for <close>: the pending to-be-closed values of this state, oldest first, in tbc[0..ntbc-1] (collected
  ** memory reachable from here, so the collector sees them; nil and false are placeholders that close nothing).
  ** Generated code reads ntbc when an activation that has <close> scopes starts, and changes the list only through
  ** vm_tbcpush and vm_tbcclose; errors close what they unwind (vm_pcall, vm_closepending). */
  Value *tbc;
  int ntbc, tbccap;
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
/* self: the running closure (its info is info); top: one past the highest value-stack slot this activation may write (its arguments, any locals it keeps on
** the value stack, and the arguments of its outgoing calls). */
VM_INLINE void vm_enter(VmState *L, VmFrame *f, VmClosure *self, const VmFuncInfo *info, Value *top) {
  f->prev = L->frame;
  f->cl = self;
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
VM_INLINE void vm_leave(VmState *L, VmFrame *f) { L->frame = f->prev; }

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
int vm_nextq(VmTable *t, Value *k, Value *v);                /* the same, -1 for an invalid key */
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
Value vm_lenof(VmState *L, Value a, const char *da);   /* #a (vm_len has its common cases in line) */
int vm_lessthan(VmState *L, Value a, Value b);
int vm_lessequal(VmState *L, Value a, Value b);
int vm_equal(VmState *L, Value a, Value b);   /* with __eq */
int vm_rawequal(Value a, Value b);
Value vm_index(VmState *L, Value o, Value k, const char *d);          /* o[k]; d describes o */
void vm_setindex(VmState *L, Value o, Value k, Value v, const char *d);

/* ---- Calls ---- */
int vm_call(VmState *L, Value f, Value *a, int n);    /* d: see vm_calld */
/* d describes f for "attempt to call" and for tracebacks ("global 'print'") */
int vm_calld(VmState *L, Value f, Value *a, int n, const char *d);
/* vm_calld for what is not a Lua function: takes the fast entry of a C function that has one (VmFuncInfo.fast) */
int vm_callc(VmState *L, Value f, Value *a, int n, const char *d);
/* a fast entry's return of its r results in a[0..r-1]: L->top stays above them, as after vm_calld */
static inline int vm_fastret(VmState *L, Value *a, int r) {
  if (a + r > L->top) L->top = a + r;
  return r;
}
/* How the call site named the running C function ("method 'rep'"; NULL when called through vm_call or by C), so
** that the stdlib can word "bad argument" errors as lua5.4 does. */
static inline const char *vm_calldesc(VmState *L) { return L->calls ? L->calls->d : 0; }
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
/* vm_tailcalls leaving no trace for tracebacks: for a direct call whose chains of tail calls cannot reach a function
** the caller calls directly (a function the caller does not call directly, seen right above the caller's frame,
** was tail-called). */
#if defined(__GNUC__) && !defined(__TINYC__)
__attribute__((cold))
#endif
int vm_tailcalls_quiet(VmState *L, Value *a, int r);
/* vm_tailcalls under the record rec of the call that returned r (vm_callv): the run of tail calls takes its place */
int vm_tailcalls_rec(VmState *L, Value *a, int r, VmCall *rec);
/* a function written in Lua (the target of a tail call), not a C function */
static inline int vm_isluafn(Value v) { return vm_isfunction(v) && (vm_fn(v)->h.flags & VM_FLUA); }
/* A call from generated code (vm_calld's contract). A Lua function is called here through its C entry, with its
** record for tracebacks as vm_calld makes it: it raises L->top over its frame itself (vm_enter); whatever else
** goes to vm_callc (C functions, __call, errors). */
VM_INLINE int vm_callv(VmState *L, Value f, Value *a, int n, const char *d) {
  if (vm_isluafn(f)) {
    Value *saved = L->top;
    VmCall rec;
    int r;
    rec.prev = L->calls;
    rec.cl = vm_fn(f);
    rec.d = d;
    rec.frame = L->frame;
    L->calls = &rec;
    r = rec.cl->fn(L, rec.cl, a, n);
    if (r < 0) r = vm_tailcalls_rec(L, a, r, &rec);
    L->calls = rec.prev;
    L->top = a + r > saved ? a + r : saved;
    return r;
  }
  return vm_callc(L, f, a, n, d);
}
/* fill a[r..want-1] with nil after a call that returned r values */
static inline void vm_adjust(Value *a, int r, int want) { while (r < want) a[r++] = VM_NIL; }

/* ---- To-be-closed values (<close> variables, the closing value of a generic for) ---- */
/* Pushes v, the value of to-be-closed variable `name`: "variable 'name' got a non-closable value" unless v is nil,
** false or has a __close metamethod. */
void vm_tbcpush(VmState *L, Value v, const char *name);
/* Closes the pending values of L from index level up, newest first: calls __close(v, nil) for each truthy v, as
** `metamethod 'close'` of the running function. An error in a __close propagates (the values below it are then
** closed by the unwinding). keep (or 0): slots below it hold live values (a return's results): calls go above. */
void vm_tbcclose_slow(VmState *L, int level, Value *keep);
static inline void vm_tbcclose(VmState *L, int level, Value *keep) {
  if (L->ntbc > level) vm_tbcclose_slow(L, level, keep);
}
/* Closes the pending values of L from index level up, newest first, in protected mode, as an error unwinding
** them does: __close(v, *err) for each truthy v; an error in one becomes *err for the next ones. Returns 1 if some
** __close raised an error (the last one is in *err), else 0. vm_pcall uses it; so can coroutine.close (level 0,
** *err the coroutine's error or nil). Calls run at L->top on L's value stack. */
int vm_closepending(VmState *L, int level, Value *err);

/* ---- Numeric for (Lua 5.4 semantics: integer loop when init and step are integers; never overflows) ---- */
typedef struct VmFor {
  vm_int i, step;          /* integer loop: current value and step */
  vm_uint count;           /* integer loop: iterations left after the current one */
  double fi, flimit, fstep; /* float loop */
  int isint;
} VmFor;
/* Prepares the loop: returns 0 if it runs no iteration. Errors: "'for' initial value must be a number", ... */
int vm_forprep(VmState *L, VmFor *f, Value init, Value limit, Value step);
VM_INLINE Value vm_forvalue(VmFor *f) { return f->isint ? vm_mkint(f->i) : vm_mkfloat(f->fi); }
/* advances; returns 0 when the loop is over */
VM_INLINE int vm_forstep(VmFor *f) {
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
/* A host's body, run by vm_host in protected mode; returns 1 for success (exit status 0), 0 for failure. */
typedef int (*VmHostFn)(VmState *L, void *ud);
/* Starts the runtime and runs body(L, ud) on the program's thread (libraries not opened yet: the body calls
** lib_openall), as the C function at the bottom of the stack (lua.c's pmain, "[C]: in ?" in tracebacks). An
** error the body does not catch is reported with vm_progname, without a traceback. Returns the exit status. */
int vm_host(VmHostFn body, void *ud, VmCompileHook hook);
/* lua.c's docall: calls f with a[0..n-1] under a message handler that appends a traceback to the message.
** Returns the number of results, or -1 with the message (a string) in a[0]. */
int vm_docall(VmState *L, Value f, Value *a, int n);
/* Prints "progname: msg" (no prefix if progname is NULL) on stderr, stdout flushed first. */
void vm_report(const char *progname, Value msg);
/* The global `arg`: arg[0] = argv[script] (argv[0] when script >= argc), arguments after it at 1.., the ones
** before it at -1, -2, ... */
void vm_createargtable(VmState *L, char **argv, int argc, int script);
/* set by the host before lib_openall (lua -E): package.path and cpath ignore LUA_PATH*, LUA_CPATH* */
extern int lib_noenv;
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
/* "msg\nstack traceback:\n\t..." of L's stack from the caller of the running (C) function on, as
** luaL_traceback words it (msg NULL: no first line); a string */
Value vm_traceback(VmState *L, const char *msg);
/* the same for the stack of L1 from level `level` on (0: L1's running function) */
Value vm_traceback_level(VmState *L, VmState *L1, const char *msg, int level);
/* One level of a state's stack, as lua5.4's debug interface describes it (vm_getstack). */
typedef struct VmDebug {
  VmClosure *func;         /* the function (NULL: not known) */
  const VmFuncInfo *info;  /* its description (a "[C]" one when func is NULL) */
  int currentline;         /* -1 for a C function */
  int istailcall;
  const char *namewhat;    /* how the call site names it: "global", "local", "method", "field", "upvalue",
                              "metamethod", "for iterator", "" (unknown) */
  char name[64];           /* the name ("" when namewhat is "") */
  const VmFrame *frame;    /* a Lua function's frame (NULL for a C function) */
} VmDebug;
/* Describes level `level` of L's stack (0: the running function, 1: its caller, ...); 0 if there is none. */
int vm_getstack(VmState *L, int level, VmDebug *ar);
/* The table whose modules tracebacks search for function names ("string.rep"): package.loaded. */
void vm_setloadedtable(VmState *L, Value t);
/* "chunk:line: " of the Lua function `level` frames up (1: the innermost one), "" if none; a string */
Value vm_where(VmState *L, int level);
/* raw: a table's or userdata's own; for other types (debug.setmetatable) the one the type shares; mt a table or
** VM_NIL */
void vm_setmetatable(VmState *L, Value o, Value mt);
int vm_setmetaplain(VmTable *t, VmTable *mt);   /* the common case of setmetatable(t, mt) or 0 (meta.c) */
void vm_setstringmeta(VmState *L, Value mt);           /* the metatable shared by all strings */
VmUserdata *vm_newuserdata(VmState *L, vm_size size);  /* zeroed payload */
static inline VmUserdata *vm_udata(Value v) { return (VmUserdata *)vm_toptr(v); }
/* integer value of v: integers, floats with an exact integer value, numeric strings; 0 if none */
int vm_tointeger(Value v, vm_int *out);
/* v as a number: numbers themselves, numeric strings converted (as arithmetic does); VM_NIL otherwise */
Value vm_tonumeric(Value v);

/* ---- Inline fast paths used by generated code ---- */
/* Mixed operands (an immediate integer and a float, `x + 1` on a float x): immediate integers have at most 50 bits,
** so converting one to a double is exact and the float operation or comparison is lua5.4's. Both are numbers iff
** both are at or above VM_DOUBLE_OFFSET (floats, then immediate integers). */
#define VM_BOTHNUM(a, b) ((Value)(a) >= VM_DOUBLE_OFFSET && (Value)(b) >= VM_DOUBLE_OFFSET)
#define VM_NUMF(v) (vm_isimmint(v) ? (double)vm_immint(v) : vm_tofloat(v))
VM_INLINE Value vm_add(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_mkint(vm_immint(a) + vm_immint(b));
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) + vm_tofloat(b));
  if (VM_BOTHNUM(a, b)) return vm_mkfloat(VM_NUMF(a) + VM_NUMF(b));   /* mixed */
  return vm_arith(L, VM_OPADD, a, b, da, db);
}
VM_INLINE Value vm_sub(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_mkint(vm_immint(a) - vm_immint(b));
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) - vm_tofloat(b));
  if (VM_BOTHNUM(a, b)) return vm_mkfloat(VM_NUMF(a) - VM_NUMF(b));   /* mixed */
  return vm_arith(L, VM_OPSUB, a, b, da, db);
}
VM_INLINE Value vm_mul(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b))
    return vm_mkint((vm_int)((vm_uint)vm_immint(a) * (vm_uint)vm_immint(b)));
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) * vm_tofloat(b));
  if (VM_BOTHNUM(a, b)) return vm_mkfloat(VM_NUMF(a) * VM_NUMF(b));   /* mixed */
  return vm_arith(L, VM_OPMUL, a, b, da, db);
}
VM_INLINE Value vm_div(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_mkfloat(vm_tofloat(a) / vm_tofloat(b));
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_mkfloat((double)vm_immint(a) / (double)vm_immint(b));
  if (VM_BOTHNUM(a, b)) return vm_mkfloat(VM_NUMF(a) / VM_NUMF(b));   /* mixed */
  return vm_arith(L, VM_OPDIV, a, b, da, db);
}
VM_INLINE Value vm_mod(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b) && vm_immint(b) > 0) {
    vm_int r = vm_immint(a) % vm_immint(b);
    return vm_mkimmint(r < 0 ? r + vm_immint(b) : r);
  }
  return vm_arith(L, VM_OPMOD, a, b, da, db);
}
VM_INLINE Value vm_idiv(VmState *L, Value a, Value b, const char *da, const char *db) {
  if (vm_isimmint(a) && vm_isimmint(b) && vm_immint(b) > 0) {
    vm_int x = vm_immint(a), y = vm_immint(b), q = x / y;
    return vm_mkimmint((x % y != 0 && x < 0) ? q - 1 : q);
  }
  return vm_arith(L, VM_OPIDIV, a, b, da, db);
}
VM_INLINE Value vm_unm(VmState *L, Value a, const char *da) {
  if (vm_isimmint(a)) return vm_mkint(-vm_immint(a));
  if (vm_isfloat(a)) {  /* flip the sign bit: tcc compiles -d as 0.0 - d, which keeps the sign of a NaN */
    union { Value u; double d; } c;
    c.u = (a - VM_DOUBLE_OFFSET) ^ 0x8000000000000000ULL;
    return vm_mkfloat(c.d);
  }
  return vm_arith(L, VM_OPUNM, a, a, da, da);
}
VM_INLINE int vm_eq(VmState *L, Value a, Value b) {
  if (a == b) return !vm_isfloat(a) || vm_tofloat(a) == vm_tofloat(a);
  if (vm_isimmint(a) && vm_isimmint(b)) return 0;
  return vm_equal(L, a, b);
}
VM_INLINE int vm_lt(VmState *L, Value a, Value b) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_immint(a) < vm_immint(b);
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_tofloat(a) < vm_tofloat(b);
  if (VM_BOTHNUM(a, b)) return VM_NUMF(a) < VM_NUMF(b);   /* mixed */
  return vm_lessthan(L, a, b);
}
VM_INLINE int vm_le(VmState *L, Value a, Value b) {
  if (vm_isimmint(a) && vm_isimmint(b)) return vm_immint(a) <= vm_immint(b);
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_tofloat(a) <= vm_tofloat(b);
  if (VM_BOTHNUM(a, b)) return VM_NUMF(a) <= VM_NUMF(b);   /* mixed */
  return vm_lessequal(L, a, b);
}
/* o[k] for any k */
VM_INLINE Value vm_get(VmState *L, Value o, Value k, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    if (vm_isimmint(k)) {
      vm_uint i = (vm_uint)vm_immint(k) - 1;
      Value v = i < t->asize ? t->arr[i] : vm_rawgeti(t, vm_immint(k));   /* sparse keys: char classes */
      if (v != VM_NIL || t->meta == 0) return v;
    } else if (vm_isstring(k)) {   /* t[name] with a run-time string: dispatch tables, environments */
      Value v = vm_rawgetstr(t, k);
      if (v != VM_NIL || t->meta == 0) return v;
    }
  }
  return vm_index(L, o, k, d);
}
/* o[k] for a string constant k (o.name) */
/* #a in line for a string, and for a table without a metatable whose length the runtime would find at once: its
** array part full and its hash part empty, or its last border (lenhint) still one (table.c's arrayborder).
** Everything else: vm_lenof. */
VM_INLINE Value vm_len(VmState *L, Value a, const char *da) {
  if (vm_istable(a)) {
    VmTable *t = vm_tab(a);
    vm_uint h = t->lenhint, n = t->asize;
    if (t->meta == 0 && n > 0) {
      if (t->arr[n - 1] != VM_NIL) {
        if (t->hmask == 0 && t->node->key == VM_NIL) return vm_mkint((vm_int)n);
      } else if (h < n && t->arr[h] == VM_NIL && (h == 0 || t->arr[h - 1] != VM_NIL)) {
        return vm_mkint((vm_int)h);
      }
    }
  } else if (vm_isstring(a)) {
    return vm_mkint((vm_int)vm_str(a)->len);
  }
  return vm_lenof(L, a, da);
}
VM_INLINE Value vm_getstr(VmState *L, Value o, Value k, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    Value v = vm_rawgetstr(t, k);
    if (v != VM_NIL || t->meta == 0) return v;
  }
  return vm_index(L, o, k, d);
}
/* ---- Field access by a constant short-string key, through a per-site inline cache (field.c) ----
** Generated code keeps one zeroed VmIC per site of `t.name`, `t.name = v`, a global or `obj:m()`. The inline path
** guesses that the key is in the node where the site found it last time: tables built the same way give their
** keys the same nodes. One compare of that node's key checks the guess (keys are unique in a table, and short
** strings are interned: the same string is the same pointer). The slow path (field.c) finds the key and updates
** the cache. For a key the object lacks (a method) the site also remembers the class its metatable's __index named
** (and the node of "__index" there) and where the chain from that class held the key: that holds while the
** metatable names that class and no table of any chain has changed its keys or its "__index" since
** (vm_protoepoch). The compiler gives no cache to stores of "__index", which the epoch must hear of. In line, that
** result is used only where the object's lack of the key costs no search: a field set to nil, a key whose bit is
** clear in the table's key filter (VM_KEYBIT), and method sites (vm_getmethod). Walking the key's main chain in
** line at every site as well cost more than it saved (callgrind: event_sim +3%, richards -0.8%) and made gcc
** slower on big units (bench/event_sim 3.6 s instead of 2.4 s). */
typedef struct VmIC {
  vm_uint slot;            /* node index of the key in the last table that held it */
  vm_uint islot;           /* for the last object that lacked the key: the node of "__index" in its metatable, */
  struct VmTable *cls;     /* ... the table that __index held, */
  vm_uint epoch;           /* ... vm_protoepoch then (0: never), */
  VmNode *node;            /* ... and the node along the chain from cls that held the key (&vm_nilnode: none) */
} VmIC;
extern vm_uint vm_protoepoch;
extern VmNode vm_nilnode;  /* a node whose value is nil: a chain without the key */
extern Value vm_indexkey;  /* "__index" */
Value vm_getfield_miss(VmState *L, Value o, Value k, VmIC *ic, const char *d);
void vm_setfield_miss(VmState *L, Value o, Value k, Value v, VmIC *ic, const char *d);
/* Does the site's last __index result stand for an object that lacks its key and has metatable mt? mt still names
** the same class at the same node and no prototype changed since. Used in line and by vm_getfield_miss. */
VM_INLINE int vm_icchain(VmTable *mt, VmIC *ic) {
  VmNode *in = &mt->node[ic->islot & mt->hmask];
  return in->key == vm_indexkey && in->val == vm_mkptr(ic->cls) && ic->epoch == vm_protoepoch &&
         (ic->node->val != VM_NIL || ic->node == &vm_nilnode);
}
/* o[k] for a short-string constant k; d describes o for errors. In line: the guessed node, and a field set to nil
** (o holds k's node, with nil) through the site's cached __index result. The miss path walks the key's main chain
** (objects of several layouts at one site: base-class fields), then uses the site's cached __index result for a key
** o lacks, then the method cache (field.c). */
VM_INLINE Value vm_getfield(VmState *L, Value o, Value k, VmIC *ic, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    VmNode *n = &t->node[ic->slot & t->hmask];
    if (n->key == k ? n->val == VM_NIL : !(t->keybits & VM_KEYBIT(vm_str(k)->hash))) {   /* nil or absent */
      if (t->meta == 0) return VM_NIL;
      if (vm_icchain(t->meta, ic)) return ic->node->val;
    } else if (n->key == k) {
      return n->val;
    }
  }
  return vm_getfield_miss(L, o, k, ic, d);
}
/* The method of o:m() (k the constant "m"): as vm_getfield, plus in line the usual case, a method of o's class:
** k is not in o when the node at k's main position in o holds another key and ends its chain. */
VM_INLINE Value vm_getmethod(VmState *L, Value o, Value k, VmIC *ic, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    VmNode *n = &t->node[ic->slot & t->hmask];
    int absent;
    if (n->key == k && n->val != VM_NIL) return n->val;
    absent = n->key == k || !(t->keybits & VM_KEYBIT(vm_str(k)->hash));   /* n->key == k: its value is nil */
    if (!absent) {   /* the filter may be wrong: k is also absent if its main chain is one node of another key */
      n = &t->node[vm_str(k)->hash & t->hmask];
      absent = n->key == k ? n->val == VM_NIL : n->next == 0;
    }
    if (absent && t->meta != 0 && vm_icchain(t->meta, ic)) return ic->node->val;
  }
  return vm_getfield_miss(L, o, k, ic, d);
}
/* o[k] = v for a short-string constant k; a node holding k with a non-nil value is simply overwritten (no
** __newindex applies to a present key, and the metamethod caches of a metatable only record absent events). So is
** a node holding k with nil (a field set to nil before: `packet.link = nil`, then a packet again), when nothing
** must hear of it (VM_RAWREVIVE): t is neither a metatable with cached facts nor on an __index chain, and its
** metatable, if any, is known to lack __newindex. */
#define VM_RAWREVIVE(t) ((t)->h.flags == 0 && !((t)->h.extra & (VM_TPROTO | VM_TPLAIN)) && \
                         ((t)->meta == 0 || ((t)->meta->h.flags & VM_FNONEWINDEX)))
VM_INLINE void vm_setfield(VmState *L, Value o, Value k, Value v, VmIC *ic, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    VmNode *n = &t->node[ic->slot & t->hmask];
    if (n->key == k && (n->val != VM_NIL || VM_RAWREVIVE(t))) {
      n->val = v;
      return;
    }
  }
  vm_setfield_miss(L, o, k, v, ic, d);
}

/* ---- Table constructors with named fields ({x = 1, y = 2}) ----
** A constructor site keeps a template: the node array of the first table it made, as it stood when the site made
** its second (if it was not rebuilt since: its size is still the constructor's), with every value nil. Later tables
** start as a copy of it, keys and chains in place, so each named field is one store into the node its site
** remembers (vm_initfield). A key the template holds but a table never gets stays as a dead node: absent, as if it
** had been set to nil. */
typedef struct VmTpl {
  struct VmTable *last;    /* the table this site made first, until the template is taken from it */
  VmNode *node;            /* the template (values nil), NULL until taken */
  vm_uint hmask, keybits;
  unsigned int lastfree;
} VmTpl;
Value vm_newtable_tpl(VmState *L, int narr, int nhash, VmTpl *tpl);
void vm_initfield_miss(VmState *L, VmTable *t, Value k, Value v, VmIC *ic);
/* t.k = v for a short-string constant k in the constructor that made t (no metamethods) */
VM_INLINE void vm_initfield(VmState *L, Value t, Value k, Value v, VmIC *ic) {
  VmNode *n = &vm_tab(t)->node[ic->slot & vm_tab(t)->hmask];
  if (n->key == k) n->val = v;
  else vm_initfield_miss(L, vm_tab(t), k, v, ic);
}

/* o[k] = v */
VM_INLINE void vm_set(VmState *L, Value o, Value k, Value v, const char *d) {
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

/* ---- Finalizers and warnings (weak.c, error.c) ---- */
/* Calls the __gc of objects the collector found unreachable, if any (newest registration first). */
void vm_runfinalizers(VmState *L);
/* As lua_close: calls the finalizers of every object still registered for finalization. */
void vm_closestate(VmState *L);
/* A piece of a warning, as lua_warning: tocont says more pieces follow; "@on"/"@off" alone switch warnings (off at
** first). Shown on stderr as "Lua warning: ..." */
void vm_warning(const char *msg, int tocont);
/* Nils the value-stack slots from `from` up: for collectgarbage, which keeps nothing above its own arguments, so
** that values left there by returned calls do not keep garbage alive. */
void vm_scrubstack(VmState *L, Value *from);

/* ---- Requested by stdlib (the runtime implements these) ---- */
/* collectgarbage: one operation on the collector, as lua_gc. Returns: VM_GCCOUNT the heap in use in KB,
** VM_GCCOUNTB the remainder in bytes (count = KB * 1024 + B), VM_GCSTEP 1 if a cycle finished (arg: KB of
** work, 0 = one basic step), VM_GCISRUNNING 1 unless stopped; the others 0. While a finalizer runs, -1 for
** every operation, which does nothing (lua_gc's answer there: collectgarbage returns fail). */
enum { VM_GCSTOP, VM_GCRESTART, VM_GCCOLLECT, VM_GCCOUNT, VM_GCCOUNTB, VM_GCSTEP, VM_GCISRUNNING };
int vm_gc(VmState *L, int what, int arg);

/* ---- Provided by stdlib for generated code (loadlib.c) ---- */
/* Registers a module compiled into the program: require(name) finds it where lua5.4's file searcher would have
** found `path` (after package.preload, before package.path) and calls loader(name, path), so that the module
** sees the same `...` as under lua5.4 (vm_preload gives ":preload:"). Call after lib_openall. */
void vm_bundle(VmState *L, const char *name, const char *path, Value loader);

/* Under tcc (vmc run, load) nothing is inlined: the hottest fast paths are also open-coded as expressions that
** fall back to the runtime's compiled copies of the functions above (vm_add_x, ...); the float cases and the
** table ones use GNU statement expressions, which tcc has. Operands are evaluated more than once: only generated
** code, which passes C locals and constants, may use these. Measured with fib(32) under `vmc run`: 198 ms with
** calls only, 120 ms with value.h's accessor macros, less with these; bench/matmul (float arithmetic on array
** elements) 4.2x faster with the float and array cases than with the integer ones alone. The copies
** (outline.c) replace tcc's own code for the inline functions, which tcc compiled as statics of each unit:
** bench/tree_interp 1000 under `vmc run` 1,921M -> 1,490M instructions (callgrind). */
Value vm_add_x(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_sub_x(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_mul_x(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_div_x(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_mod_x(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_idiv_x(VmState *L, Value a, Value b, const char *da, const char *db);
Value vm_unm_x(VmState *L, Value a, const char *da);
int vm_eq_x(VmState *L, Value a, Value b);
int vm_lt_x(VmState *L, Value a, Value b);
int vm_le_x(VmState *L, Value a, Value b);
Value vm_get_x(VmState *L, Value o, Value k, const char *d);
Value vm_getstr_x(VmState *L, Value o, Value k, const char *d);
void vm_set_x(VmState *L, Value o, Value k, Value v, const char *d);
Value vm_forvalue_x(VmFor *f);
int vm_forstep_x(VmFor *f);

#ifdef __TINYC__
#define vm_idiv vm_idiv_x
#define vm_unm vm_unm_x
#define vm_getstr vm_getstr_x
#define vm_len vm_lenof
#define vm_forvalue vm_forvalue_x
#define vm_forstep vm_forstep_x
#define vm_fn(v) ((VmClosure *)(unsigned long)(v))
#define vm_tab(v) ((VmTable *)(unsigned long)(v))
#define vm_str(v) ((VmString *)(unsigned long)(v))
#define vm_mkfunc(c) ((Value)(unsigned long)(c))
#define vm_enter(L_, f, s, fi, t) do { \
    VmFrame *f_ = (f); \
    f_->prev = (L_)->frame; \
    f_->cl = (s); \
    f_->line = (fi)->linedefined; \
    (L_)->frame = f_; \
    if ((t) > (L_)->top) { \
      (L_)->top = (t); \
      if ((t) > (L_)->stack_last) vm_stackoverflow(L_); \
    } \
    if ((char *)f_ < (L_)->climit) vm_stackoverflow(L_); } while (0)
#define vm_leave(L_, f) ((L_)->frame = (f)->prev)
#define vm_isluafn(f) ((Value)(f) - VM_PTR_MIN < VM_DOUBLE_OFFSET - VM_PTR_MIN && ((VmObj *)(f))->tt == VM_TFUNC && \
                       (((VmObj *)(f))->flags & VM_FLUA))
#define vm_fitsimm(i) ((vm_int)((vm_uint)(i) << 14) >> 14 == (i))
#define vm_mkint(i) ({ vm_int i_ = (i); vm_fitsimm(i_) ? vm_mkimmint(i_) : vm_boxint_slow(i_); })
#define VM_FLT(v) ({ union { Value u; double d; } c_; c_.u = (Value)(v) - VM_DOUBLE_OFFSET; c_.d; })
#define VM_MKFLT(x) ({ \
    union { Value u; double d; } c_; \
    c_.d = (x); \
    (c_.u > VM_NEG_NAN_BITS ? VM_NEG_NAN_BITS : c_.u) + VM_DOUBLE_OFFSET; })
/* The result of + - * / on two floats in line: on x86-64, an operation on canonical values (NaN only as
** VM_NEG_NAN_BITS) gives a number, or the NaN of an operand, or the default NaN, which is VM_NEG_NAN_BITS: never
** a NaN above it (one that would box into the integer range), so the check of VM_MKFLT is left out. */
#if defined(__x86_64__)
#define VM_MKFLTOP(x) ({ union { Value u; double d; } c_; c_.d = (x); c_.u + VM_DOUBLE_OFFSET; })
#else
#define VM_MKFLTOP(x) VM_MKFLT(x)
#endif
#define VM_BOTHIMM(a, b) (vm_isimmint(a) && vm_isimmint(b))
#define VM_BOTHFLT(a, b) (vm_isfloat(a) && vm_isfloat(b))
/* integer results that leave the immediate range take the function (which boxes them) */
#define VM_IMMOP(a, op, b) vm_fitsimm(vm_immint(a) op vm_immint(b))
#define VM_IMUL(a, b) ((vm_int)((vm_uint)vm_immint(a) * (vm_uint)vm_immint(b)))
#define vm_add(L, a, b, da, db) \
  (VM_BOTHIMM(a, b) && VM_IMMOP(a, +, b) ? vm_mkimmint(vm_immint(a) + vm_immint(b)) \
   : VM_BOTHFLT(a, b) ? VM_MKFLTOP(VM_FLT(a) + VM_FLT(b)) : vm_add_x(L, a, b, da, db))
#define vm_sub(L, a, b, da, db) \
  (VM_BOTHIMM(a, b) && VM_IMMOP(a, -, b) ? vm_mkimmint(vm_immint(a) - vm_immint(b)) \
   : VM_BOTHFLT(a, b) ? VM_MKFLTOP(VM_FLT(a) - VM_FLT(b)) : vm_sub_x(L, a, b, da, db))
#define vm_mul(L, a, b, da, db) \
  (VM_BOTHIMM(a, b) && vm_fitsimm(VM_IMUL(a, b)) ? vm_mkimmint(VM_IMUL(a, b)) \
   : VM_BOTHFLT(a, b) ? VM_MKFLTOP(VM_FLT(a) * VM_FLT(b)) : vm_mul_x(L, a, b, da, db))
#define vm_div(L, a, b, da, db) \
  (VM_BOTHFLT(a, b) ? VM_MKFLTOP(VM_FLT(a) / VM_FLT(b)) \
   : VM_BOTHIMM(a, b) ? VM_MKFLTOP((double)vm_immint(a) / (double)vm_immint(b)) : vm_div_x(L, a, b, da, db))
#define vm_mod(L, a, b, da, db) ({ \
    Value m_; \
    if (VM_BOTHIMM(a, b) && vm_immint(b) > 0) { \
      vm_int r_ = vm_immint(a) % vm_immint(b); \
      m_ = vm_mkimmint(r_ < 0 ? r_ + vm_immint(b) : r_); \
    } else { \
      m_ = vm_mod_x(L, a, b, da, db); \
    } \
    m_; })
#define vm_lt(L, a, b) \
  (VM_BOTHIMM(a, b) ? vm_immint(a) < vm_immint(b) : VM_BOTHFLT(a, b) ? VM_FLT(a) < VM_FLT(b) : vm_lt_x(L, a, b))
#define vm_le(L, a, b) \
  (VM_BOTHIMM(a, b) ? vm_immint(a) <= vm_immint(b) : VM_BOTHFLT(a, b) ? VM_FLT(a) <= VM_FLT(b) : vm_le_x(L, a, b))
#define vm_eq(L, a, b) ((a) == (b) && !vm_isfloat(a) ? 1 : VM_BOTHIMM(a, b) ? 0 : vm_eq_x(L, a, b))
#define vm_get(L, o, k, d) ({ \
    Value v_; \
    vm_uint i_; \
    if (!(VM_ISTABLE(o) && vm_isimmint(k) && (i_ = (vm_uint)vm_immint(k) - 1) < ((VmTable *)(o))->asize && \
          ((v_ = ((VmTable *)(o))->arr[i_]) != VM_NIL || ((VmTable *)(o))->meta == 0))) \
      v_ = vm_get_x(L, o, k, d); \
    v_; })
#define vm_set(L, o, k, v, d) do { \
    vm_uint i_; \
    VmTable *t_; \
    if (VM_ISTABLE(o) && vm_isimmint(k) && (i_ = (vm_uint)vm_immint(k) - 1) < (t_ = (VmTable *)(o))->asize && \
        (t_->meta == 0 || t_->arr[i_] != VM_NIL)) \
      t_->arr[i_] = (v); \
    else \
      vm_set_x(L, o, k, v, d); } while (0)
#define vm_callv(L, f, a, n, ds) ({ \
    int r_; \
    if (vm_isluafn(f)) { \
      Value *s_ = L->top; \
      VmCall c_; \
      c_.prev = L->calls; \
      c_.cl = (VmClosure *)(f); \
      c_.d = (ds); \
      c_.frame = L->frame; \
      L->calls = &c_; \
      r_ = c_.cl->fn(L, c_.cl, a, n); \
      if (r_ < 0) r_ = vm_tailcalls_rec(L, a, r_, &c_); \
      L->calls = c_.prev; \
      L->top = (a) + r_ > s_ ? (a) + r_ : s_; \
    } else { \
      r_ = vm_callc(L, f, a, n, ds); \
    } \
    r_; })
#define VM_ISTABLE(o) ((Value)(o) - VM_PTR_MIN < VM_DOUBLE_OFFSET - VM_PTR_MIN && ((VmObj *)(o))->tt == VM_TTABLE)
#define VM_ICNODE(o, ic) (&((VmTable *)(o))->node[(ic)->slot & ((VmTable *)(o))->hmask])
#define vm_getfield(L, o, k, ic, d) ({ \
    VmNode *n_; \
    Value v_; \
    if (!(VM_ISTABLE(o) && (n_ = VM_ICNODE(o, ic))->key == (k) && (v_ = n_->val) != VM_NIL)) \
      v_ = vm_getfield_miss(L, o, k, ic, d); \
    v_; })
#define vm_getmethod(L, o, k, ic, d) vm_getfield(L, o, k, ic, d)   /* tcc: the smaller path */
#define vm_initfield(L, t, k, v, ic) do { \
    VmNode *n_ = VM_ICNODE(t, ic); \
    if (n_->key == (k)) n_->val = (v); \
    else vm_initfield_miss(L, (VmTable *)(t), k, v, ic); } while (0)
#define vm_setfield(L, o, k, v, ic, d) do { \
    VmNode *n_; \
    if (VM_ISTABLE(o) && (n_ = VM_ICNODE(o, ic))->key == (k) && \
        (n_->val != VM_NIL || VM_RAWREVIVE((VmTable *)(o)))) n_->val = (v); \
    else vm_setfield_miss(L, o, k, v, ic, d); } while (0)
#endif

#endif
