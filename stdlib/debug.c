/* debug.c: a small debug library, traceback, getinfo, raw metatables (stdlib layer).
** XXX: no hooks, locals or upvalues: compiled code keeps no such information. */
#include <stdio.h>
#include <string.h>

#include "lib.h"

static Value registry;      /* debug.getregistry() (static data is a GC root) */

/* traceback([thread,] [msg]): the frames of the running coroutine, or of thread. */
static int l_traceback(VmState *L, VmClosure *self, Value *a, int n) {
  VmState *T = L;
  int arg = 1;
  Value msg;
  vm_int level;
  if (n >= 1 && vm_iscoro(a[0])) T = vm_costate(a[0]), arg = 2;
  msg = lib_arg(a, n, arg);
  if (msg != VM_NIL && !vm_isstring(msg) && !vm_isnumber(msg)) {   /* other values pass through */
    a[0] = msg;
    return 1;
  }
  if (msg != VM_NIL) lib_checkstr(L, self, a, n, arg);
  level = lib_optint(L, self, a, n, arg + 1, T == L ? 1 : 0);   /* another thread's level 0 is its top */
  if (level < 0 || level > 0x7fffffff) level = 0x7fffffff;   /* no such level: no lines */
  a[0] = vm_traceback_level(L, T, msg == VM_NIL ? NULL : vm_str(a[arg - 1])->s, (int)level);
  return 1;
}

/* Fills table t with what getinfo tells of a function: ar describes it (a level of the stack, or a function
** value with no name and line -1). */
static void fillinfo(VmState *L, Value t, const VmDebug *ar, const char *what) {
  const VmFuncInfo *info = ar->info;
  const char *src = info->source ? info->source : "?";
  int isc = strcmp(src, "[C]") == 0;
  char buf[300];
  if (strchr(what, 'S')) {
    snprintf(buf, sizeof buf, "%s%s", isc ? "=" : "@", src);
    lib_setfield(L, t, "source", vm_newcstr(L, buf));
    lib_setfield(L, t, "short_src", vm_newcstr(L, src));
    lib_setfield(L, t, "what", vm_newcstr(L, isc ? "C" : info->linedefined == 0 ? "main" : "Lua"));
    lib_setfield(L, t, "linedefined", vm_mkint(isc ? -1 : info->linedefined));
    lib_setfield(L, t, "lastlinedefined", vm_mkint(isc ? -1 : info->linedefined));
  }
  if (strchr(what, 'l')) lib_setfield(L, t, "currentline", vm_mkint(ar->currentline));
  if (strchr(what, 'u')) {
    lib_setfield(L, t, "nups", vm_mkint(0));
    lib_setfield(L, t, "nparams", vm_mkint(info->nparams));
    lib_setfield(L, t, "isvararg", vm_mkbool(info->isvararg));
  }
  if (strchr(what, 't')) lib_setfield(L, t, "istailcall", vm_mkbool(ar->istailcall));
  if (strchr(what, 'n')) {
    if (ar->namewhat[0] != '\0') lib_setfield(L, t, "name", vm_newcstr(L, ar->name));
    lib_setfield(L, t, "namewhat", vm_newcstr(L, ar->namewhat));
  }
  if (strchr(what, 'f') && ar->func != NULL) lib_setfield(L, t, "func", vm_mkfunc(ar->func));
}

static int l_getinfo(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *ws = lib_optstr(L, self, a, n, 2);
  const char *what = ws ? ws->s : "flnSrtu";
  VmDebug ar;
  Value t;
  if (what[0] == '>') lib_argerror(L, self, 2, "invalid option");
  if (n >= 1 && vm_isfunction(a[0])) {
    memset(&ar, 0, sizeof ar);
    ar.func = vm_fn(a[0]);
    ar.info = ar.func->info;
    ar.currentline = -1;
    ar.namewhat = "";
  } else {
    vm_int level = lib_checkint(L, self, a, n, 1);
    if (level < 0 || level > 0x7fffffff || !vm_getstack(L, (int)level, &ar)) {
      a[0] = VM_NIL;
      return 1;
    }
  }
  t = vm_newtable(L, 0, 12);
  fillinfo(L, t, &ar, what);
  a[0] = t;
  return 1;
}

static int l_getmetatable(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkany(L, self, n, 1);
  a[0] = vm_getmetatable(L, a[0]);
  return 1;
}

static int l_setmetatable(VmState *L, VmClosure *self, Value *a, int n) {
  Value mt = lib_arg(a, n, 2);
  if (n < 2 || !(mt == VM_NIL || vm_istable(mt))) lib_typeerror(L, self, a, n, 2, "nil or table");
  vm_setmetatable(L, a[0], mt);
  return 1;
}

static int l_getregistry(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  if (registry == VM_NIL) registry = vm_newtable(L, 0, 4);
  a[0] = registry;
  return 1;
}

/* debug.upvalueid(f, n): the identity of f's n-th upvalue, its cell (shown as a userdata, compared by address) */
static int l_upvalueid(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int k = lib_checkint(L, self, a, n, 2);
  VmClosure *cl;
  if (!vm_isfunction(a[0])) lib_typeerror(L, self, a, n, 1, "function");
  cl = vm_fn(a[0]);
  if (k < 1 || k > cl->nup) {
    a[0] = VM_NIL;   /* fail */
    return 1;
  }
  a[0] = vm_mkptr(cl->up[k - 1]);
  return 1;
}

/* hooks are not supported: sethook does nothing, gethook reports none */
static int l_nohook(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)a, (void)n;
  return 0;
}

static const LibReg dbfuncs[] = {
  LIB_FN("debug.gethook", l_nohook),
  LIB_FN("debug.getinfo", l_getinfo),
  LIB_FN("debug.getmetatable", l_getmetatable),
  LIB_FN("debug.getregistry", l_getregistry),
  LIB_FN("debug.sethook", l_nohook),
  LIB_FN("debug.setmetatable", l_setmetatable),
  LIB_FN("debug.traceback", l_traceback),
  LIB_FN("debug.upvalueid", l_upvalueid),
  LIB_END
};

/* Creates the debug library in g. */
void lib_opendebug(VmState *L, Value g) {
  Value lib = lib_newlib(L, dbfuncs);
  lib_setfield(L, g, "debug", lib);
  lib_setloaded(L, "debug", lib);
}
