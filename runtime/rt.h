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

#define VM_MAXCCALLS 200          /* nesting of pcall and metamethod calls, as LUAI_MAXCCALLS */
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

/* State shared by all the coroutines of one program. Allocated uncollectable: a GC root. */
typedef struct VmGlobal {
  Value strmeta;            /* metatable of strings (VM_NIL until the stdlib sets it) */
  VmCompileHook hook;       /* run-time compiler, or NULL */
  VmState *mainthread;
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

extern VmGlobal *vm_G;      /* the program's shared state (one program per process) */
extern const VmFuncInfo vm_cinfo;  /* info of a C function that has none of its own */

/* gc.c */
void vm_gcinit(void);
/* runs fn(arg) on a new thread known to the collector, with a C stack of stacksize bytes, and waits for it;
** 0 if the thread could not be created */
int vm_runthread(void *(*fn)(void *), void *arg, size_t stacksize);
void *vm_alloc_root(vm_size n);             /* zeroed, scanned, never collected */
/* an interned string's memory (not zeroed, holds no pointers): the collector asks vm_strdisclaim before it
** reclaims one */
void *vm_alloc_istr(vm_size n);
void *vm_realloc(void *p, vm_size oldn, vm_size n);  /* scanned block resized, new part zeroed; p is freed */
void vm_pushstack(VmState *L);              /* GC: marks the used part of L's value stack */
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
/* A table some __index chain went through (a metatable or an __index table), in h.extra: when it gains or loses a
** key, has "__index" stored, is rebuilt or gets another metatable, vm_protoepoch advances (field.c). */
#define VM_TPROTO 1
static inline void vm_protochange(VmTable *t) {
  if (t->h.extra & VM_TPROTO) vm_protoepoch++;
}

/* state.c */
VmState *vm_openstate(void);                /* collector, shared state (once) and a state for this thread */
VmState *vm_newstate(VmGlobal *g);          /* a state with its own value stack; climit left to the caller */
void vm_setclimit(VmState *L);              /* climit from the stack of the calling thread */

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
