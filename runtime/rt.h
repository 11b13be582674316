/* rt.h: declarations private to the runtime's files (runtime layer). Generated code and stdlib/ never see it. */
#ifndef VMC_RT_H
#define VMC_RT_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include "vmc.h"

#if defined(__GNUC__)
#define rt_likely(x) __builtin_expect(!!(x), 1)
#define rt_unlikely(x) __builtin_expect(!!(x), 0)
#else
#define rt_likely(x) (x)
#define rt_unlikely(x) (x)
#endif

#define VM_MAXTAGLOOP 2000        /* length of an __index/__newindex chain */
#define VM_STACK_SLOTS (1 << 20)  /* value stack of each VmState: 1M slots, never moves */
#define VM_STACK_EXTRA 8192       /* slots above stack_last: C functions and error handlers use them freely */
/* C stack of the thread that runs the program. ASan ignores the unwinding of a longjmp on stacks over 64 MB
** (and then reports false errors), so its build gets less. */
#if defined(VMC_MALLOC_GC) || defined(__SANITIZE_ADDRESS__)
#define VM_CSTACK_SIZE ((size_t)60 << 20)
#else
#define VM_CSTACK_SIZE ((size_t)256 << 20)
#endif
#define VM_CSTACK_MARGIN (256 << 10)  /* bytes kept free below climit for the C code of the runtime */

/* Metamethod events. The first eight are cached as known-absent in the bits of a metatable's h.flags. The
** arithmetic and bitwise events follow the order of the VM_OP* codes, starting at TM_ADD. */
enum {
  TM_INDEX, TM_NEWINDEX, TM_EQ, TM_LEN, TM_LT, TM_LE, TM_CONCAT, TM_CALL,
  TM_ADD, TM_SUB, TM_MUL, TM_MOD, TM_POW, TM_DIV, TM_IDIV,
  TM_BAND, TM_BOR, TM_BXOR, TM_SHL, TM_SHR, TM_UNM, TM_BNOT,
  TM_TOSTRING, TM_NAME, TM_CLOSE, TM_GC, TM_MODE, TM_METATABLE, TM_PAIRS,
  TM_N
};
#define TM_NCACHED 8
_Static_assert(VM_FNONEWINDEX == 1u << TM_NEWINDEX, "vmc.h's bit of h.flags for __newindex");

/* The basic types without metatables of their own values, which debug.setmetatable can give one each. */
enum { VM_MNIL, VM_MBOOL, VM_MNUMBER, VM_MFUNC, VM_MTHREAD, VM_NTYPEMETA };

/* State shared by all the coroutines of one program. Allocated uncollectable: a GC root. */
typedef struct VmGlobal {
  Value strmeta;            /* metatable of strings (VM_NIL until the stdlib sets it) */
  Value typemeta[VM_NTYPEMETA];  /* metatables of the other basic types (debug.setmetatable): VM_M* order */
  VmCompileHook hook;       /* run-time compiler, or NULL */
  VmState *mainthread;      /* the state of the main program (inside its VmCoro, which this keeps alive) */
  VmState *running;         /* the coroutine whose value stack is in use; coroutine switches update it */
  Value memerrmsg;          /* "not enough memory", made in advance */
  Value tmname[TM_N];       /* "__index", ...: strings, so that lookups need no allocation */
} VmGlobal;

/* One protected call (vm_pcall/vm_xpcall), on the C stack; L->errjmp is the innermost one. */
typedef struct VmJmp {
  struct VmJmp *prev;
  Value err;                /* the error value, set before longjmp */
  Value handler;            /* message handler or VM_NIL (also while it runs) */
  jmp_buf b;
} VmJmp;

/* ---- Coroutines (coro.c: semantics; costack.c: stacks and switching) ---- */
enum { CO_SUSPENDED, CO_RUNNING, CO_NORMAL, CO_DEAD };   /* VmCoro.status */
typedef struct CoRegion CoRegion;   /* costack.c: one coroutine's C stack and value stack */

/* A coroutine, Lua type "thread": a collected object of a kind of its own (gc.c), which the collector scans
** with vm_coroscan: its own words, its value stack and, while another stack runs, its C stack. Its state L
** is embedded, so vm_coro(L) finds it; the main program's state is one too (status CO_RUNNING or CO_NORMAL,
** never suspended). A coroutine owns a CoRegion only between its first resume and its death (or, when it is
** unreachable, the collection that finds it so: costack.c). */
typedef struct VmCoro {
  VmObj h;                  /* VM_TCORO */
  unsigned char status;     /* CO_* */
  unsigned char started;    /* its body was entered (before: the body waits in fn) */
  unsigned char errored;    /* died in error: err holds the error object until coroutine.close takes it */
  unsigned char parked;     /* died in error, its frames kept in place (vm_coerror) until closed or collected */
  unsigned char closing;    /* unwound to its base to close its to-be-closed variables */
  unsigned char land;       /* VM_LAND*: what its landing pad does when a switch comes back to it */
  unsigned char lent;       /* its stack margins are lent to the handler of a stack overflow (error.c) */
  unsigned char ismain;
  int nny;                  /* non-yieldable calls running in it: C functions (call.c), message handlers */
  int ccbase;               /* L.nccalls of the resumer + 1 at the last resume: where its own count starts */
  VmState L;
  Value fn;                 /* the body, until started */
  Value err;                /* see errored */
  struct VmCoro *resumer;   /* while running or normal: the coroutine that resumed it */
  Value *xfer;              /* values in transit between resume and yield: xfer[0..nxfer-1] */
  int nxfer;
  int how;                  /* while it waits in a resume: VM_CORESUME, VM_COWRAP (coro.c: or a close) ... */
  Value *dest;              /* ... and where the results go */
  VmFrame yframe;           /* while suspended: the C frame of coroutine.yield, on top of its frame chain */
  void *landret;            /* where its landing pad goes on (the saved return address it replaced) */
  Value landerr;            /* VM_LANDRAISE: the error, and the coroutine it came from */
  struct VmCoro *landco;
  void *sp;                 /* its saved C stack pointer while another stack is in use */
  char *clo, *chi;          /* its C stack: [clo, chi), entered at chi */
  Value *stack_end;         /* end of its value-stack region (scans stop there) */
  CoRegion *region;         /* its pooled stacks; NULL for the main program and when it has none */
  struct VmJmp *base;       /* its outermost protected call, on its own stack */
  void *asanfake;           /* AddressSanitizer's fake-stack handle while switched out */
} VmCoro;

static inline VmCoro *vm_coro(VmState *L) { return (VmCoro *)(void *)((char *)L - offsetof(VmCoro, L)); }

extern VmGlobal *vm_G;      /* the program's shared state (one program per process) */
extern const VmFuncInfo vm_cinfo;  /* info of a C function that has none of its own */

/* gc.c */
void vm_gcinit(void);
void *vm_alloc_coro(vm_size n);             /* a zeroed object of the coroutine kind (scanned by vm_coroscan) */
char *vm_gcthread(void);     /* the calling thread runs the program: returns its stack's cool end (or NULL) */
/* the cool end of the C stack in use (a coroutine switch sets it; the collector reads it when it starts) */
extern char *vm_gcstackhi;
/* runs fn(arg) on a new thread known to the collector, with a C stack of stacksize bytes, and waits for it;
** 0 if the thread could not be created */
int vm_runonstack(void (*fn)(void *), void *arg, size_t size);
extern char *vm_hoststacklo, *vm_hoststackhi;   /* that stack while the program runs on it */
void *vm_alloc_root(vm_size n);             /* zeroed, scanned, never collected */
/* an interned string's memory (not zeroed, holds no pointers): the collector asks vm_strdisclaim before it
** reclaims one */
void *vm_alloc_istr(vm_size n);
void *vm_realloc(void *p, vm_size oldn, vm_size n);  /* scanned block resized, new part zeroed; p is freed */
VM_NORETURN void vm_memerror(void);

/* string.c */
unsigned int vm_hashbytes(const char *s, vm_size len);
void vm_strnewcycle(void);                  /* gc.c: a collection starts marking */
int vm_strdisclaim(void *obj);              /* gc.c: obj is about to be reclaimed; 1 keeps it */
/* compares two strings as Lua's '<' (byte order, '\0' allowed): <0, 0, >0 */
int vm_strcmp(VmString *a, VmString *b);
/* a temporary string on the C stack for lookups (never stored) */
typedef struct VmTmpStr {
  VmString s;
  char more[64];
} VmTmpStr;
Value vm_tmpstr(VmTmpStr *buf, const char *s);

/* number.c */
/* float -> integer when the value is integral and in range */
static inline int vm_flt2int(double d, vm_int *out) {
  if (d >= -0x1p63 && d < 0x1p63) {
    vm_int i = (vm_int)d;
    if ((double)i == d) {
      *out = i;
      return 1;
    }
  }
  return 0;
}

/* table.c */
VmTable *vm_tablenew(VmState *L);
/* What an inline cache (VmIC.slot, .islot) remembers for the short string k found at node i of t: i, or, when k
** sits in its main position, k's whole hash, which masked with any table's hmask gives k's main position there.
** A site that sees objects of several sizes then hits on all those that hold the key in its main position (field.c
** has the measurements). */
static inline vm_uint vm_icslot(const VmTable *t, Value k, vm_uint i) {
  vm_uint h = vm_str(k)->hash;
  return (h & t->hmask) == i ? h : i;
}
/* h.extra of tables: VM_TPROTO and VM_TPLAIN are in vmc.h (field stores in line look at them) */
#define VM_TWEAKK 2               /* h.extra of a weak table (weak.c): weak keys ... */
#define VM_TWEAKV 4               /* ... weak values */
#define VM_TFINAL 8               /* h.extra of a table or userdata registered for finalization (weak.c) */
/* t gained a string key: forget the metamethods its caches say it lacks (t may be a metatable) */
static inline void vm_metareset(VmTable *t) {
  t->h.flags = 0;
  t->h.extra &= (unsigned short)~VM_TPLAIN;
}
void vm_tablesetweak(VmState *L, VmTable *t, int mode);
void vm_tableclearweak(VmTable *t, int (*alive)(Value));

/* weak.c */
void vm_weakinit(void);                     /* gc.c, when the collector starts */
void vm_weaksweep(void);                    /* gc.c: marking has ended */
void *vm_alloc_weak(vm_size n, int mode, int nodes);
void vm_weakregister(VmTable *t, int on);
void vm_setfinalizer(VmState *L, Value o);
int vm_infinalizer(void);   /* is a __gc metamethod running (weak.c)? */
static inline void vm_protochange(VmTable *t) {
  if (t->h.extra & VM_TPROTO) vm_protoepoch++;
}

/* state.c */
VmState *vm_openstate(void);                /* collector, shared state (once) and a state for this thread */
void vm_setclimit(VmState *L);              /* climit and C stack bounds from the stack of the calling thread */

/* coro.c */
VmState *vm_newmainstate(VmGlobal *g);      /* the main program's state, with a VM_STACK_SLOTS value stack */
/* A scan range of the collector: [lo, hi) */
typedef struct VmRange {
  void *lo, *hi;
} VmRange;
#define VM_COROSCAN 3
/* gc.c's mark procedure: the ranges to scan for coroutine object p (at most VM_COROSCAN: the object itself,
** its value stack, its C stack when not in use); marks its region as reachable. */
int vm_coroscan(void *p, VmRange *r);
/* vm_throw: err is about to unwind L, a coroutine, to its base: parks it dead with its frames (returns only
** while it is being closed) */
void vm_coerror(VmState *L, Value err);
/* Runs fn(ud) on a C stack of the main program's (below its suspended frames) when a coroutine is running,
** for C code that needs a deep stack (the compiler); directly otherwise. Errors fn raises pass through. */
void vm_onmainstack(VmState *L, void (*fn)(VmState *L, void *ud), void *ud);

/* costack.c */
/* A region of C stack and value stack for co (sets clo, chi, L.stack, L.stack_last, L.climit, stack_end,
** region); may run a collection first, to reclaim the regions of unreachable coroutines. */
void vm_costack_get(VmState *L, VmCoro *co);
/* co is dead (or could not start): its region goes back to the pool; self: co is still running on it (it will
** switch away at once), so its pages stay */
void vm_costack_put(VmCoro *co, int self);
size_t vm_costack_inuse(void);              /* regions in use (for tests) */
/* Prepares co's C stack so that the first switch to it calls entry(co) there (entry never returns). */
void vm_costack_init(VmCoro *co, void (*entry)(VmCoro *));
void vm_costack_unpoison(VmCoro *co);       /* ASan build: clears stale redzones at the top of co's stack */
void vm_costack_gcstart(void);              /* collection events (gc.c): marking starts ... */
void vm_costack_gcend(void);                /* ... and reclaiming ended: regions nobody marked go back */
void vm_costack_mark(CoRegion *r);          /* during marking: r's owner is reachable */
/* The switch (x86-64 assembly): saves the callee-saved registers and rsp in *savesp, loads newsp, restores the
** registers saved there and returns r there, as the return value of the call that switched away. */
int vm_coswitch_asm(void **savesp, void *newsp, int r);
void vm_callonstack_asm(void *arg, void (*fn)(void *), void *top);
enum { VM_LANDNONE, VM_LANDRAISE, VM_LANDCLOSE };   /* VmCoro.land */
/* Makes co, switched away, come back through its landing pad (vm_coland_asm, then coro.c's vm_coland), which
** does `land` before co goes on. */
void vm_costack_land(VmCoro *co, int land);
extern VmCoro *vm_costack_to;               /* the coroutine the last switch went to (for the landing pad) */
void *vm_coland(void);                      /* coro.c: the landing pad's work; where co goes on */

#if defined(__SANITIZE_ADDRESS__)
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save, const void **bottom_old, size_t *size_old);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#endif

/* Switches the machine from the coroutine `from`, whose stack is in use, to `to`, which continues where it
** stopped (or starts at its entry): returns r there (see coro.c's switch protocol), and here whatever a switch
** back gives. dying: `from` never runs again. vm_G->running is the caller's business (an excursion to the main
** stack keeps it). Inline: the fewer frames between the code that runs and the switch, the fewer returns
** mispredicted after it. The ASan build lands every switch on the pad, which tells ASan it is complete. */
static inline int vm_costack_switch(VmCoro *from, VmCoro *to, int r, int dying) {
  void *sp = to->sp;
#if defined(__SANITIZE_ADDRESS__)
  vm_costack_land(to, to->land);
  __sanitizer_start_switch_fiber(dying ? NULL : &from->asanfake, to->clo, (size_t)(to->chi - to->clo));
#else
  (void)dying;
#endif
  to->sp = NULL;
  vm_gcstackhi = to->chi;
  vm_costack_to = to;
  return vm_coswitch_asm(&from->sp, sp, r);
}

/* meta.c */
void vm_initmeta(VmState *L);
Value vm_tm(VmState *L, Value o, int event);       /* metamethod of o for event, VM_NIL if none */
Value vm_fasttm(VmTable *mt, int event);           /* same for a metatable (NULL allowed) */
/* calls the metamethod tm with 1-3 arguments at L->top; returns its first result. event (TM_*) names tm in
** "attempt to call a number value (metamethod 'add')" and in the messages of a library function it is; -1:
** called on behalf of a library function (__tostring), which lua5.4 words as a call from C: no name, no
** position */
Value vm_callmeta(VmState *L, Value tm, int event, int nargs, Value a, Value b, Value c);
/* raises "attempt to <op> a <type> value (<d>)" */
VM_NORETURN void vm_typeerror(VmState *L, Value v, const char *op, const char *d);

/* call.c */
extern const char vm_taildesc[];   /* VmCall.d of the functions vm_tailcalls calls: tail-called */

/* tbc.c */
Value vm_tbcpop(VmState *L);                 /* removes and returns the newest pending to-be-closed value */

/* error.c */
VM_NORETURN void vm_throwmsg(VmState *L, const char *msg);     /* a string error without position */
VM_NORETURN void vm_stackerror(VmState *L);  /* "stack overflow" at the current frame (runtime-made calls) */

#endif
