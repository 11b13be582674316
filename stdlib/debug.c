/* debug.c: the debug library: getinfo, traceback, metatables, the registry, user values, debug.debug
** (stdlib layer). Variables are in dbvars.c, hooks in dbhook.c.
**
** What getinfo tells of a Lua function comes from its static description (VmLuaInfo: names, last line, the
** chunk's source name) and, for a level of the stack, from vm_getstack (current line, name, tail call).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

static Value registry;      /* debug.getregistry() (static data is a GC root) */

Value lib_registry(VmState *L) {
  if (registry == VM_NIL) registry = vm_newtable(L, 0, 4);
  return registry;
}

/* ---- getinfo ---- */

/* The source name lua5.4 gives cl: "=[C]", "@file", "=name", a string chunk's text. */
const char *lib_funcsource(VmClosure *cl, char *buf, vm_size size) {
  const VmLuaInfo *li = lib_luainfo(cl);
  if (li == NULL) return "=[C]";
  if (li->chunk->source != NULL) return li->chunk->source;
  snprintf(buf, size, "=%s", li->fi.source);   /* named only at compile time: a command-line chunk */
  return buf;
}

/* The 'S' fields of cl. */
static void infosource(VmState *L, Value t, VmClosure *cl) {
  const VmLuaInfo *li = lib_luainfo(cl);
  char buf[LIB_IDSIZE + 2], id[LIB_IDSIZE];
  const char *src = lib_funcsource(cl, buf, sizeof buf);
  lib_setfield(L, t, "source", vm_newcstr(L, src));
  lib_chunkid(id, src, strlen(src));
  lib_setfield(L, t, "short_src", vm_newcstr(L, id));
  lib_setfield(L, t, "linedefined", vm_mkint(li ? li->fi.linedefined : -1));
  lib_setfield(L, t, "lastlinedefined", vm_mkint(li ? li->lastline : -1));
  lib_setfield(L, t, "what", vm_newcstr(L, li == NULL ? "C" : li->fi.linedefined == 0 ? "main" : "Lua"));
}

/* Fills table t with what getinfo's options `what` ask about ar (a level, or a function with currentline -1). */
static void fillinfo(VmState *L, Value t, const VmDebug *ar, const char *what) {
  VmClosure *cl = ar->func;
  const VmLuaInfo *li = lib_luainfo(cl);
  if (strchr(what, 'S')) infosource(L, t, cl);
  if (strchr(what, 'l')) lib_setfield(L, t, "currentline", vm_mkint(ar->currentline));
  if (strchr(what, 'u')) {
    lib_setfield(L, t, "nups", vm_mkint(lib_nups(L, cl)));
    lib_setfield(L, t, "nparams", vm_mkint(li ? li->fi.nparams : 0));
    lib_setfield(L, t, "isvararg", vm_mkbool(li ? li->fi.isvararg : 1));
  }
  if (strchr(what, 'n')) {
    if (ar->namewhat[0] != '\0') lib_setfield(L, t, "name", vm_newcstr(L, ar->name));
    lib_setfield(L, t, "namewhat", vm_newcstr(L, ar->namewhat));
  }
  if (strchr(what, 'r')) {
    lib_setfield(L, t, "ftransfer", vm_mkint(0));
    lib_setfield(L, t, "ntransfer", vm_mkint(0));
  }
  if (strchr(what, 't')) lib_setfield(L, t, "istailcall", vm_mkbool(ar->istailcall));
  if (strchr(what, 'L') && li != NULL)   /* a C function's is nil */
    vm_error(L, "debug.getinfo: option 'L' (active lines) is not available for compiled Lua functions "
             "(not supported)");
  if (strchr(what, 'f')) lib_setfield(L, t, "func", vm_mkfunc(cl));
}

/* getinfo([thread,] f or level [, what]) */
static int l_getinfo(VmState *L, VmClosure *self, Value *a, int n) {
  int arg;
  VmState *L1 = lib_getthread(L, a, n, &arg);
  VmString *ws = lib_optstr(L, self, a, n, arg + 2);
  const char *what = ws ? ws->s : "flnSrtu";
  VmDebug ar;
  Value t;
  if (what[0] == '>') lib_argerror(L, self, arg + 2, "invalid option '>'");
  if (arg + 1 <= n && vm_isfunction(a[arg])) {
    memset(&ar, 0, sizeof ar);
    ar.func = vm_fn(a[arg]);
    ar.info = ar.func->info;
    ar.currentline = -1;
    ar.namewhat = "";
  } else {
    vm_int level = lib_checkint(L, self, a, n, arg + 1);
    if (!vm_getstack(L1, (int)level, &ar)) {
      a[0] = VM_NIL;
      return 1;
    }
  }
  if (strspn(what, "SlnrutLf") != strlen(what) || (ws && strlen(what) != ws->len))
    lib_argerror(L, self, arg + 2, "invalid option");
  t = vm_newtable(L, 0, 12);
  fillinfo(L, t, &ar, what);
  a[0] = t;
  return 1;
}

/* ---- traceback ---- */

/* traceback([thread,] [msg [, level]]) */
static int l_traceback(VmState *L, VmClosure *self, Value *a, int n) {
  int arg;
  VmState *L1 = lib_getthread(L, a, n, &arg);
  Value msg = lib_arg(a, n, arg + 1);
  vm_int level;
  if (msg != VM_NIL && !vm_isstring(msg) && !vm_isnumber(msg)) {   /* other values pass through */
    a[0] = msg;
    return 1;
  }
  if (msg != VM_NIL) lib_checkstr(L, self, a, n, arg + 1);
  level = lib_optint(L, self, a, n, arg + 2, L1 == L ? 1 : 0);   /* another thread's level 0 is its top */
  level = (int)level;
  if (level < 0) level = 0x7fffffff;   /* no such level: no lines */
  a[0] = vm_traceback_level(L, L1, msg == VM_NIL ? NULL : vm_str(a[arg])->s, (int)level);
  return 1;
}

/* ---- Metatables, registry, user values, C stack ---- */

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
  a[0] = lib_registry(L);
  return 1;
}

/* getuservalue(u [, n]): vmc's userdata (files) have no user values, as lua5.4's files: fail */
static int l_getuservalue(VmState *L, VmClosure *self, Value *a, int n) {
  lib_optint(L, self, a, n, 2, 1);
  a[0] = VM_NIL;
  return 1;
}

/* setuservalue(u, v [, n]): none to set: fail */
static int l_setuservalue(VmState *L, VmClosure *self, Value *a, int n) {
  lib_optint(L, self, a, n, 3, 1);
  if (n < 1 || !vm_isobj(a[0], VM_TUSERDATA)) lib_typeerror(L, self, a, n, 1, "userdata");
  lib_checkany(L, self, n, 2);
  a[0] = VM_NIL;
  return 1;
}

/* setcstacklimit(limit): does nothing and returns LUAI_MAXCCALLS, as lua 5.4.4 */
static int l_setcstacklimit(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkint(L, self, a, n, 1);
  a[0] = vm_mkint(VM_MAXCCALLS);
  return 1;
}

/* ---- debug.debug ---- */

/* Runs the lines read from stdin as chunks named "=(debug command)" until "cont" or the end of input; errors
** are printed to stderr and the loop goes on, as lua5.4's debug.debug. */
static int l_debug(VmState *L, VmClosure *self, Value *a, int n) {
  char line[250];
  (void)self, (void)n;
  for (;;) {
    Value err = VM_NIL, fn;
    fflush(stdout);
    fputs("lua_debug> ", stderr);
    fflush(stderr);
    if (fgets(line, sizeof line, stdin) == NULL || strcmp(line, "cont\n") == 0) return 0;
    fn = vm_load(L, line, strlen(line), "(debug command)", L->globals, &err);
    if (fn != VM_NIL) {
      lib_setchunksource(L, fn, vm_newcstr(L, "=(debug command)"));
      a[0] = fn;
      if (vm_pcall(L, fn, a + 1, 0) < 0) err = a[1];
    }
    if (fn == VM_NIL || err != VM_NIL) {
      VmString *s = vm_str(lib_tostring(L, err));
      fflush(stdout);
      fwrite(s->s, 1, s->len, stderr);
      fputc('\n', stderr);
      fflush(stderr);
    }
  }
}

static const LibReg dbfuncs[] = {
  LIB_FN("debug.debug", l_debug),
  LIB_FN("debug.getinfo", l_getinfo),
  LIB_FN("debug.getmetatable", l_getmetatable),
  LIB_FN("debug.getregistry", l_getregistry),
  LIB_FN("debug.getuservalue", l_getuservalue),
  LIB_FN("debug.setcstacklimit", l_setcstacklimit),
  LIB_FN("debug.setmetatable", l_setmetatable),
  LIB_FN("debug.setuservalue", l_setuservalue),
  LIB_FN("debug.traceback", l_traceback),
  LIB_END
};

/* Creates the debug library in g. */
void lib_opendebug(VmState *L, Value g) {
  Value lib = lib_newlib(L, dbfuncs);
  lib_opendbvars(L, lib);
  lib_opendbhook(L, lib);
  lib_setfield(L, g, "debug", lib);
  lib_setloaded(L, "debug", lib);
}
