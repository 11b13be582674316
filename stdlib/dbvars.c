/* dbvars.c: the debug library's access to variables: getlocal, setlocal, getupvalue, setupvalue, upvalueid,
** upvaluejoin, and what they read of a compiled function's description (stdlib layer).
**
** Upvalues are cells (VmClosure.up), shared by the closures that capture a variable, so reading, writing and
** joining them is exact. Names come from VmLuaInfo.upvals; an entry "k=literal" is a <const> local that lua5.4 folds and
** has no upvalue for, so it is skipped: upvalue numbers are lua5.4's. An entry "k?" (a <const> local whose value
** lua5.4 may fold) makes the numbering unknown: the functions refuse with an error.
** Locals live in C variables and registers of the compiled function, out of reach, except what a frame keeps:
** a vararg function's frame records where its arguments are (VmArgFrame), which gives its varargs
** (read and written: compiled code reads them there each time) and the values of parameters it never assigns.
** The rest (other parameters, other locals, C functions' stack slots) is refused with an error rather than
** answered wrongly.
*/
#include <stdio.h>
#include <string.h>

#include "lib.h"

/* ---- Compiled functions' descriptions ---- */

const VmLuaInfo *lib_luainfo(VmClosure *cl) {
  return (cl->h.flags & VM_FLUA) && cl->info != NULL ? (const VmLuaInfo *)cl->info : NULL;
}

int lib_listitem(const char *list, int i, char *buf, vm_size size) {
  const char *p = list;
  if (p == NULL || i < 0) return 0;
  for (; i > 0; i--) {
    p = strchr(p, ' ');
    if (p == NULL) return 0;
    p++;
  }
  const char *e = strchr(p, ' ');
  if (e == NULL) return 0;
  snprintf(buf, size, "%.*s", (int)(e - p), p);
  return 1;
}

int lib_upvalue(VmState *L, VmClosure *cl, int k, char *name, vm_size size) {
  const VmLuaInfo *li = lib_luainfo(cl);
  char item[LIB_NAMESIZE];
  if (k < 1) return -1;
  if (li == NULL) {
    if (k > cl->nup) return -1;
    if (name) snprintf(name, size, "%s", "");
    return k - 1;
  }
  for (int i = 0; lib_listitem(li->upvals, i, item, sizeof item) && i < cl->nup; i++) {
    size_t len = strlen(item);
    if (item[len - 1] == '?')
      vm_error(L, "upvalues of a function that uses <const> local '%.*s' are not numbered as lua5.4 does "
               "(not supported)", (int)(len - 1), item);
    if (strchr(item, '=') != NULL) continue;   /* a folded constant: no upvalue in lua5.4 */
    if (--k == 0) {
      if (name) snprintf(name, size, "%s", item);
      return i;
    }
  }
  return -1;
}

int lib_nups(VmState *L, VmClosure *cl) {
  int n = 0;
  while (lib_upvalue(L, cl, n + 1, NULL, 0) >= 0) n++;
  return n;
}

/* ---- Upvalues ---- */

static VmClosure *checkfunc(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  if (arg > n || !vm_isfunction(a[arg - 1])) lib_typeerror(L, self, a, n, arg, "function");
  return vm_fn(a[arg - 1]);
}

/* getupvalue(f, n) / setupvalue(f, n, v): the name (and value) of f's n-th upvalue; nothing when there is none. */
static int auxupvalue(VmState *L, VmClosure *self, Value *a, int n, int get) {
  vm_int k = lib_checkint(L, self, a, n, 2);
  VmClosure *cl = checkfunc(L, self, a, n, 1);
  char name[LIB_NAMESIZE];
  int i = k < 1 || k > 0x7fffffff ? -1 : lib_upvalue(L, cl, (int)k, name, sizeof name);
  if (i < 0) return 0;
  if (!get) {
    if (lib_luainfo(cl) == NULL) return 0;   /* XXX: C functions' upvalues hold their state: read-only here */
    cl->up[i]->v = a[2];
    a[0] = vm_newcstr(L, name);
    return 1;
  }
  a[1] = cl->up[i]->v;
  a[0] = vm_newcstr(L, name);
  return 2;
}

static int l_getupvalue(VmState *L, VmClosure *self, Value *a, int n) { return auxupvalue(L, self, a, n, 1); }

static int l_setupvalue(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkany(L, self, n, 3);
  return auxupvalue(L, self, a, n, 0);
}

/* The cell index of upvalue argnup of function argf; -1 if it has none (an error when required). */
static int checkupval(VmState *L, VmClosure *self, Value *a, int n, int argf, int argnup, int required) {
  vm_int k = lib_checkint(L, self, a, n, argnup);
  VmClosure *cl = checkfunc(L, self, a, n, argf);
  int i = k < 1 || k > 0x7fffffff ? -1 : lib_upvalue(L, cl, (int)k, NULL, 0);
  if (i < 0 && required) lib_argerror(L, self, argnup, "invalid upvalue index");
  return i;
}

/* upvalueid(f, n): the identity of the variable f's n-th upvalue is: its cell (a userdata, compared by address) */
static int l_upvalueid(VmState *L, VmClosure *self, Value *a, int n) {
  int i = checkupval(L, self, a, n, 1, 2, 0);
  a[0] = i < 0 ? VM_NIL : vm_mkptr(vm_fn(a[0])->up[i]);
  return 1;
}

/* upvaluejoin(f1, n1, f2, n2): f1's n1-th upvalue becomes the variable f2's n2-th upvalue is */
static int l_upvaluejoin(VmState *L, VmClosure *self, Value *a, int n) {
  int i1 = checkupval(L, self, a, n, 1, 2, 1), i2 = checkupval(L, self, a, n, 3, 4, 1);
  if (lib_luainfo(vm_fn(a[0])) == NULL) lib_argerror(L, self, 1, "Lua function expected");
  if (lib_luainfo(vm_fn(a[2])) == NULL) lib_argerror(L, self, 3, "Lua function expected");
  vm_fn(a[0])->up[i1] = vm_fn(a[2])->up[i2];
  return 0;
}

/* ---- Locals ---- */

/* Local k of the activation ar: its name in name, and where its value is in *slot (NULL: nowhere, an error for
** a name that exists). 0 if there is no local k. */
static int findlocal(VmState *L, const VmDebug *ar, int k, char *name, vm_size size, Value **slot) {
  const VmLuaInfo *li;
  const VmArgFrame *af;      /* a vararg function's frame */
  int np, kept;
  *slot = NULL;
  if (ar->frame == NULL) vm_error(L, "local variables of C functions are not available (not supported)");
  li = lib_luainfo(ar->func);
  np = li->fi.nparams;
  af = li->fi.isvararg ? (const VmArgFrame *)ar->frame : NULL;   /* generated code declares it so */
  if (k < 0) {               /* varargs */
    if (af == NULL || -k > af->nargs - np) return 0;
    snprintf(name, size, "%s", "(vararg)");
    *slot = &af->base[np - k - 1];
    return 1;
  }
  if (k == 0 || k > np) {
    if (k > 0) vm_error(L, "local variables of compiled Lua functions other than parameters are not available "
                        "(not supported)");
    return 0;
  }
  lib_listitem(li->params, k - 1, name, size);
  kept = name[strlen(name) - 1] != '*';
  if (!kept) name[strlen(name) - 1] = '\0';
  if (af == NULL || !kept)
    vm_error(L, "the value of parameter '%s' of a compiled Lua function is not available (not supported)", name);
  if (k <= af->nargs) *slot = &af->base[k - 1];
  return 1;   /* *slot NULL: not passed, nil */
}

/* The thread argument that getlocal, setlocal, getinfo and traceback may take first: its state (L when absent);
** *arg is 1 when there is one. */
VmState *lib_getthread(VmState *L, Value *a, int n, int *arg) {
  if (n >= 1 && vm_iscoro(a[0])) {
    *arg = 1;
    return vm_costate(a[0]);
  }
  *arg = 0;
  return L;
}

/* The level argument arg (an error when it is out of L1's stack) */
static void checklevel(VmState *L, VmClosure *self, Value *a, int n, int arg, VmState *L1, VmDebug *ar) {
  vm_int level = lib_checkint(L, self, a, n, arg);
  if (!vm_getstack(L1, (int)level, ar)) lib_argerror(L, self, arg, "level out of range");
}

/* getlocal([thread,] level, k) or getlocal(f, k) (the name of f's k-th parameter) */
static int l_getlocal(VmState *L, VmClosure *self, Value *a, int n) {
  int arg;
  VmState *L1 = lib_getthread(L, a, n, &arg);
  vm_int k = lib_checkint(L, self, a, n, arg + 2);
  char name[LIB_NAMESIZE];
  VmDebug ar;
  Value *slot;
  if (arg + 1 <= n && vm_isfunction(a[arg])) {
    const VmLuaInfo *li = lib_luainfo(vm_fn(a[arg]));
    a[0] = VM_NIL;
    if (li != NULL && k >= 1 && k <= li->fi.nparams && lib_listitem(li->params, (int)k - 1, name, sizeof name)) {
      if (name[strlen(name) - 1] == '*') name[strlen(name) - 1] = '\0';
      a[0] = vm_newcstr(L, name);
    }
    return 1;
  }
  checklevel(L, self, a, n, arg + 1, L1, &ar);
  if (k < -0x7fffffff || k > 0x7fffffff || !findlocal(L, &ar, (int)k, name, sizeof name, &slot)) {
    a[0] = VM_NIL;
    return 1;
  }
  a[1] = slot != NULL ? *slot : VM_NIL;
  a[0] = vm_newcstr(L, name);
  return 2;
}

/* setlocal([thread,] level, k, v): only varargs can be written */
static int l_setlocal(VmState *L, VmClosure *self, Value *a, int n) {
  int arg;
  VmState *L1 = lib_getthread(L, a, n, &arg);
  VmDebug ar;
  vm_int k;
  char name[LIB_NAMESIZE];
  Value *slot;
  checklevel(L, self, a, n, arg + 1, L1, &ar);
  k = lib_checkint(L, self, a, n, arg + 2);
  lib_checkany(L, self, n, arg + 3);
  if (k < -0x7fffffff || k > 0x7fffffff || !findlocal(L, &ar, (int)k, name, sizeof name, &slot)) {
    a[0] = VM_NIL;
    return 1;
  }
  if (k > 0)
    vm_error(L, "parameter '%s' of a compiled Lua function cannot be changed (not supported)", name);
  *slot = a[arg + 2];
  a[0] = vm_newcstr(L, name);
  return 1;
}

static const LibReg varfuncs[] = {
  LIB_FN("debug.getlocal", l_getlocal),
  LIB_FN("debug.getupvalue", l_getupvalue),
  LIB_FN("debug.setlocal", l_setlocal),
  LIB_FN("debug.setupvalue", l_setupvalue),
  LIB_FN("debug.upvalueid", l_upvalueid),
  LIB_FN("debug.upvaluejoin", l_upvaluejoin),
  LIB_END
};

/* Adds the functions on variables to the debug table t. */
void lib_opendbvars(VmState *L, Value t) { lib_register(L, t, varfuncs); }
