/* call.c: calls of function values, __call, closures and upvalue cells (runtime layer).
**
** Every function value is a VmClosure whose fn takes its arguments in a[0..n-1] on the value stack and leaves
** its results in a[0..r-1]. vm_call keeps VmState.top, the mark above which the runtime may place the arguments
** of the calls it makes on its own, above the arguments during the call and above the results after it.
*/
#include <stddef.h>
#include "rt.h"

static inline int callclosure(VmState *L, VmClosure *cl, Value *a, int n, const char *d) {
  Value *saved = L->top;
  const char *calld = L->calld;
  int r;
  if (a + n > saved) L->top = a + n;
  L->calld = d;
  r = cl->fn(L, cl, a, n);
  L->calld = calld;
  L->top = (r > 0 && a + r > saved) ? a + r : saved;
  return r;
}

/* f is not a function: calls its __call metamethod with f inserted before the arguments (repeatedly, as a
** __call may itself be a callable object). */
static int callobject(VmState *L, Value f, Value *a, int n, const char *d) {
  for (;;) {
    Value tm = vm_tm(L, f, TM_CALL);
    int i;
    if (tm == VM_NIL) vm_typeerror(L, f, "call", d);
    if (a + n + 1 > L->stack_last) vm_stackerror(L);
    for (i = n; i > 0; i--) a[i] = a[i - 1];
    a[0] = f;
    n++;
    f = tm;
    d = NULL;
    if (vm_isfunction(f)) return callclosure(L, vm_fn(f), a, n, NULL);
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

/* A new closure of fn with nup upvalue cells (NULL: the caller fills self->up[]). */
VmClosure *vm_newclosure(VmState *L, VmCFunction fn, const VmFuncInfo *info, int nup) {
  VmClosure *cl = vm_alloc(offsetof(VmClosure, up) + (vm_size)(nup > 0 ? nup : 1) * sizeof(VmCell *));
  (void)L;
  cl->h.tt = VM_TFUNC;
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
