/* coroutine.c: the coroutine library (stdlib layer).
** XXX: a placeholder until the runtime exposes coroutines in vmc.h: the table exists, isyieldable answers (the
** main program is not a coroutine), every other function raises an error. */
#include "lib.h"

static int l_unsupported(VmState *L, VmClosure *self, Value *a, int n) {
  (void)a, (void)n;
  vm_error(L, "%s: coroutines not yet supported", self->info->name);
}

static int l_isyieldable(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)n;
  a[0] = VM_FALSE;
  return 1;
}

static const LibReg cofuncs[] = {
  LIB_FN("coroutine.close", l_unsupported),
  LIB_FN("coroutine.create", l_unsupported),
  LIB_FN("coroutine.isyieldable", l_isyieldable),
  LIB_FN("coroutine.resume", l_unsupported),
  LIB_FN("coroutine.running", l_unsupported),
  LIB_FN("coroutine.status", l_unsupported),
  LIB_FN("coroutine.wrap", l_unsupported),
  LIB_FN("coroutine.yield", l_unsupported),
  LIB_END
};

/* Creates the coroutine library in g. */
void lib_opencoroutine(VmState *L, Value g) {
  Value lib = lib_newlib(L, cofuncs);
  lib_setfield(L, g, "coroutine", lib);
  lib_setloaded(L, "coroutine", lib);
}
