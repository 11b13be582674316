/* dbhook.c: debug.sethook and debug.gethook (stdlib layer).
**
** XXX: compiled code calls no hooks: sethook accepts only what turns hooks off (no function, or a mask without
** 'c', 'r', 'l' and a count of 0) and refuses a real hook with an error; gethook always answers "no hook", as
** lua5.4's does when none is set.
*/
#include <string.h>

#include "lib.h"

/* sethook([thread,] [f, mask [, count]]) */
static int l_sethook(VmState *L, VmClosure *self, Value *a, int n) {
  int arg;
  VmString *mask;
  vm_int count;
  lib_getthread(L, a, n, &arg);
  if (lib_arg(a, n, arg + 1) == VM_NIL) return 0;   /* turn off hooks: there are none */
  mask = lib_checkstr(L, self, a, n, arg + 2);
  if (!vm_isfunction(a[arg])) lib_typeerror(L, self, a, n, arg + 1, "function");
  count = lib_optint(L, self, a, n, arg + 3, 0);
  if (count > 0 || strpbrk(mask->s, "crl") != NULL)
    vm_error(L, "debug.sethook: hooks are not called by compiled code (not supported)");
  return 0;
}

/* gethook([thread]): no hook is ever set: fail */
static int l_gethook(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)n;
  a[0] = VM_NIL;
  return 1;
}

static const LibReg hookfuncs[] = {
  LIB_FN("debug.gethook", l_gethook),
  LIB_FN("debug.sethook", l_sethook),
  LIB_END
};

/* Adds sethook and gethook to the debug table t. */
void lib_opendbhook(VmState *L, Value t) { lib_register(L, t, hookfuncs); }
