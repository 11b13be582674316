/* call.c: calls of function values, __call, closures and upvalue cells (runtime layer).
**
** Every function value is a VmClosure whose fn takes its arguments in a[0..n-1] on the value stack and leaves
** its results in a[0..r-1]. vm_call keeps VmState.top, the mark above which the runtime may place the arguments
** of the calls it makes on its own, above the arguments during the call and above the results after it.
** A negative result is a tail call (vmc.h): the trampoline vm_tailcalls makes it, and those that follow, in a
** loop, so that `return g(x)` chains of any length run in constant C stack.
*/
#include <stddef.h>
#include "rt.h"

const char vm_taildesc[] = "(...tail calls...)";

static int tailloop(VmState *L, Value *a, int r, VmCall *rec);

/* A C function that may call Lua code, other than those marked VM_FYIELD, runs as a non-yieldable call (as
** lua5.4's lua_call from C): coroutine.yield refuses while one runs (coro.c). */
static int callc(VmState *L, VmClosure *cl, Value *a, int n) {
  VmCoro *co = vm_coro(L);
  int r;
  co->nny++;
  r = cl->fn(L, cl, a, n);
  co->nny--;
  return r;
}

/* Calls cl, recording the call (cl, d) for tracebacks and the debug library (VmCall) while it runs. */
static inline int callclosure(VmState *L, VmClosure *cl, Value *a, int n, const char *d) {
  Value *saved = L->top;
  VmCall rec;
  int r;
  if (a + n > saved) L->top = a + n;
  rec.prev = L->calls;
  rec.cl = cl;
  rec.d = d;
  rec.frame = L->frame;
  L->calls = &rec;
  if (rt_likely(cl->h.flags & (VM_FLUA | VM_FYIELD))) r = cl->fn(L, cl, a, n);
  else r = callc(L, cl, a, n);
  if (rt_unlikely(r <= 0)) {   /* the test for no results also catches a tail call, off the common path */
    if (r == 0) {
      L->calls = rec.prev;
      L->top = saved;
      return 0;
    }
    r = tailloop(L, a, r, &rec);   /* cl is gone: the record now stands for the tail calls */
  }
  L->calls = rec.prev;
  L->top = a + r > saved ? a + r : saved;
  return r;
}

/* f is not a function: calls its __call metamethod with f inserted before the arguments (repeatedly, as a
** __call may itself be a callable object). d describes the original callee for "attempt to call". */
static int callobject(VmState *L, Value f, Value *a, int n, const char *d) {
  for (;;) {
    Value tm = vm_tm(L, f, TM_CALL);
    int i;
    if (tm == VM_NIL) vm_typeerror(L, f, "call", d);
    if (a + n + 1 > L->stack_last) vm_stackerror(L);
    for (i = n; i > 0; i--) a[i] = a[i - 1];
    a[0] = f;
    n++;
    f = tm;   /* a failure further down the chain still names the original callee, as lua5.4 does */
    if (vm_isfunction(f)) return callclosure(L, vm_fn(f), a, n, d);
  }
}

/* Calls f with a[0..n-1]; its r results are left in a[0..r-1]. Non-functions go through __call. */
int vm_call(VmState *L, Value f, Value *a, int n) {
  if (rt_likely(vm_isfunction(f))) return callclosure(L, vm_fn(f), a, n, NULL);
  return callobject(L, f, a, n, NULL);
}

/* vm_call where d describes f for the error "attempt to call a nil value (global 'f')". */
int vm_calld(VmState *L, Value f, Value *a, int n, const char *d) {
  if (rt_likely(vm_isfunction(f))) return callclosure(L, vm_fn(f), a, n, d);
  return callobject(L, f, a, n, d);
}

/* vm_calld for what vm_callv leaves (no Lua function): a C function with a fast entry (math.sqrt(x), s:byte(i))
** makes the call through it, which does the common cases without a record and hands the others to vm_calld. Both
** are tail calls: nothing to save here. Kept out of vm_calld, which calls metamethods, mostly Lua functions: the
** test cost bench/ray_trace 1.5% of its instructions there. */
int vm_callc(VmState *L, Value f, Value *a, int n, const char *d) {
  if (rt_likely(vm_isfunction(f)) && vm_fn(f)->info->fast != NULL) return vm_fn(f)->info->fast(L, f, a, n, d);
  return vm_calld(L, f, a, n, d);
}

/* The trampoline: calls the Lua function in a[k] with a[0..k-1] (k = VM_TAILARGS(r)), its frame taking the place
** of the one that made the tail call, until one returns r >= 0 (its results in a[0..r-1]). The top mark only
** rises here (the tail caller's frame top already covers a[0..k]); the caller lowers it. rec (or NULL): the
** record that marks the functions called here as tail-called (d vm_taildesc, cl the one running). */
#if defined(__GNUC__)
__attribute__((always_inline))   /* in each of its three callers: ackermann's tail calls paid a call for it */
#endif
static inline int tailloop(VmState *L, Value *a, int r, VmCall *rec) {
  if (rec != NULL) rec->d = vm_taildesc;
  do {
    int n = VM_TAILARGS(r);
    VmClosure *cl = vm_fn(a[n]);
    if (rec != NULL) rec->cl = cl;
    if (a + n > L->top) L->top = a + n;
    r = cl->fn(L, cl, a, n);
  } while (r < 0);
  return r;
}

/* Finishes a call that returned r < 0 (see tailloop), with a record of the run of tail calls for tracebacks. */
int vm_tailcalls(VmState *L, Value *a, int r) {
  VmCall rec;
  rec.prev = L->calls;
  rec.frame = L->frame;
  L->calls = &rec;
  r = tailloop(L, a, r, &rec);
  L->calls = rec.prev;
  return r;
}

/* The same under the record of the call that returned r (vm_callv's, as callclosure's). */
int vm_tailcalls_rec(VmState *L, Value *a, int r, VmCall *rec) { return tailloop(L, a, r, rec); }

/* The same without a record: for a direct call whose tail calls cannot end in a function its caller calls
** directly too, so that tracebacks know them for tail calls all the same (see traceback.c). */
int vm_tailcalls_quiet(VmState *L, Value *a, int r) { return tailloop(L, a, r, NULL); }

/* A new closure of fn with nup upvalue cells (NULL: the caller fills self->up[]). */
VmClosure *vm_newclosure(VmState *L, VmCFunction fn, const VmFuncInfo *info, int nup) {
  VmClosure *cl;
  vm_runfinalizers(L);   /* a safe point (weak.c) */
  cl = vm_alloc(offsetof(VmClosure, up) + (vm_size)(nup > 0 ? nup : 1) * sizeof(VmCell *));
  cl->h.tt = VM_TFUNC;
  cl->h.flags = info != NULL && info->linedefined >= 0 ? VM_FLUA : 0;   /* C functions: -1 */
  cl->nup = nup;
  cl->fn = fn;
  cl->info = info;
  return cl;
}

/* A new cell holding v: a captured local shared by the closures that capture it. */
VmCell *vm_newcell(VmState *L, Value v) {
  VmCell *c = vm_alloc(sizeof(VmCell));
  (void)L;
  c->h.tt = VM_TCELL;
  c->v = v;
  return c;
}
