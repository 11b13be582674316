/* coroutine.c: the coroutine library (stdlib layer), on the runtime's coroutines (vmc.h, runtime/coro.c). */
#include "lib.h"

/* The coroutine argument `arg`, or "bad argument ... (thread expected, got ...)". */
static Value checkco(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  if (arg > n || !vm_iscoro(a[arg - 1])) lib_typeerror(L, self, a, n, arg, "thread");
  return a[arg - 1];
}

static int l_create(VmState *L, VmClosure *self, Value *a, int n) {
  if (n < 1 || !vm_isfunction(a[0])) lib_typeerror(L, self, a, n, 1, "function");
  a[0] = vm_cocreate(L, a[0]);
  return 1;
}

/* resume(co, ...): true and what co yields or returns, or false and the error. */
static int l_resume(VmState *L, VmClosure *self, Value *a, int n) {
  return vm_cotransfer(L, checkco(L, self, a, n, 1), a, n, VM_CORESUME);
}

/* The function coroutine.wrap returns: resumes its coroutine (up[0]) with its arguments. */
static int l_auxwrap(VmState *L, VmClosure *self, Value *a, int n) {
  return vm_cotransfer(L, self->up[0]->v, a, n, VM_COWRAP);
}

static const VmFuncInfo wrapinfo = {0, "[C]", -1, 0, 1, 0};

static int l_wrap(VmState *L, VmClosure *self, Value *a, int n) {
  VmClosure *f;
  if (n < 1 || !vm_isfunction(a[0])) lib_typeerror(L, self, a, n, 1, "function");
  a[0] = vm_cocreate(L, a[0]);
  f = vm_newclosure(L, l_auxwrap, &wrapinfo, 1);
  f->up[0] = vm_newcell(L, a[0]);
  f->h.flags |= VM_FYIELD;
  a[0] = vm_mkfunc(f);
  return 1;
}

static int l_yield(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self;
  return vm_cotransfer(L, VM_NIL, a, n, VM_COYIELD);
}

static int l_status(VmState *L, VmClosure *self, Value *a, int n) {
  a[0] = vm_newcstr(L, vm_costatus(L, checkco(L, self, a, n, 1)));
  return 1;
}

static int l_isyieldable(VmState *L, VmClosure *self, Value *a, int n) {
  int ismain;
  Value co = n < 1 ? vm_corunning(L, &ismain) : checkco(L, self, a, n, 1);
  a[0] = vm_mkbool(vm_coyieldable(L, co));
  return 1;
}

static int l_running(VmState *L, VmClosure *self, Value *a, int n) {
  int ismain;
  (void)self, (void)n;
  a[0] = vm_corunning(L, &ismain);
  a[1] = vm_mkbool(ismain);
  return 2;
}

/* close(co): true, or false and the error co died of or that closing it raised. */
static int l_close(VmState *L, VmClosure *self, Value *a, int n) {
  Value err = VM_NIL;
  if (vm_coclose(L, checkco(L, self, a, n, 1), &err)) {
    a[0] = VM_TRUE;
    return 1;
  }
  a[0] = VM_FALSE;
  a[1] = err;
  return 2;
}

static const LibReg cofuncs[] = {
  LIB_FN("coroutine.close", l_close),
  LIB_FN("coroutine.create", l_create),
  LIB_FN("coroutine.isyieldable", l_isyieldable),
  LIB_FN("coroutine.resume", l_resume),
  LIB_FN("coroutine.running", l_running),
  LIB_FN("coroutine.status", l_status),
  LIB_FN("coroutine.wrap", l_wrap),
  LIB_FN("coroutine.yield", l_yield),
  LIB_END
};

/* Those let a coroutine yield through them: yield itself, and those whose answer would change if they were
** counted as running C calls (isyieldable, and resume for the status of the coroutine that resumes). */
static const char *const letyield[] = {"yield", "isyieldable", "resume", 0};

/* Creates the coroutine library in g. */
void lib_opencoroutine(VmState *L, Value g) {
  Value lib = lib_newlib(L, cofuncs);
  lib_letyield(L, lib, letyield);
  lib_setfield(L, g, "coroutine", lib);
  lib_setloaded(L, "coroutine", lib);
}
