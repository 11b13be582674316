/* loadlib.c: the package library and require (stdlib layer).
**
** Modules come from package.preload (where compiled programs register the modules they bundle, through
** vm_preload) or from Lua files on package.path, compiled at run time with vm_load. C modules cannot be
** loaded: the C searchers only report where they looked, so that messages read as lua5.4's.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* Debian's lua5.4 defaults (luaconf.h with Debian's /usr/share and multiarch entries). compiler/driver.c
** (package_path) repeats DEFAULT_PATH to bundle modules at build time: keep the two equal. */
#define DEFAULT_PATH \
  "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;/usr/local/lib/lua/5.4/?.lua;" \
  "/usr/local/lib/lua/5.4/?/init.lua;/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua"
#define DEFAULT_CPATH \
  "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;/usr/lib/lua/5.4/?.so;" \
  "/usr/local/lib/lua/5.4/loadall.so;./?.so"

/* The registry's tables (static data is a GC root): require uses these even if package.loaded is replaced. */
static Value packagetab, loadedtab, preloadtab;
static Value bundled;       /* name -> {loader, path}: modules compiled into the program (vm_bundle) */

/* ---- Searching files ---- */

static int readable(const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

/* Searches path (templates separated by ';') for name with each sep replaced by rep and substituted for '?'.
** Returns the first readable file name as a string, or VM_NIL with "no file 'a'\n\tno file 'b'" in *msg. */
static Value searchpath(VmState *L, const char *name, const char *path, vm_size plen, const char *sep,
                        const char *rep, Value *msg) {
  LibBuf nm, file, notfound;
  const char *p = path, *end = path + plen;
  vm_size seplen = strlen(sep);
  lib_bufinit(&nm), lib_bufinit(&notfound);
  while (*name) {
    if (seplen > 0 && strncmp(name, sep, seplen) == 0) lib_addcstr(&nm, rep), name += seplen;
    else lib_addchar(&nm, *name++);
  }
  for (;;) {                /* every template, empty ones too: they are listed in the message as lua5.4 does */
    const char *q = memchr(p, ';', (vm_size)(end - p));
    if (q == NULL) q = end;
    lib_bufinit(&file);
    for (; p < q; p++)
      if (*p == '?') lib_addmem(&file, nm.p, nm.n);
      else lib_addchar(&file, *p);
    lib_addchar(&file, '\0');
    if (file.n > 1 && readable(file.p)) return vm_newcstr(L, file.p);
    lib_addcstr(&notfound, notfound.n ? "\n\tno file '" : "no file '");
    lib_addmem(&notfound, file.p, file.n - 1);
    lib_addchar(&notfound, '\'');
    if (q == end) break;
    p = q + 1;
  }
  *msg = lib_bufresult(L, &notfound);
  return VM_NIL;
}

/* package.<field> as a string, for the searchers. */
static VmString *pathfield(VmState *L, const char *field) {
  Value v = lib_getfield(L, packagetab, field);
  if (!vm_isstring(v) && !(vm_isnumber(v) && vm_tostr_coerce(L, v, &v)))
    vm_error(L, "'package.%s' must be a string", field);
  return vm_str(v);
}

static int l_searchpath(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *name = lib_checkstr(L, self, a, n, 1), *path = lib_checkstr(L, self, a, n, 2);
  VmString *sep = lib_optstr(L, self, a, n, 3), *rep = lib_optstr(L, self, a, n, 4);
  Value msg = VM_NIL;
  Value f = searchpath(L, name->s, path->s, path->len, sep ? sep->s : ".", rep ? rep->s : "/", &msg);
  a[0] = f;
  if (f != VM_NIL) return 1;
  a[1] = msg;
  return 2;
}

/* ---- Searchers: each takes the module name and returns a loader (+ extra value) or a message ---- */

static int searcher_preload(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *name = lib_checkstr(L, self, a, n, 1);
  char msg[300];
  Value loader = vm_rawget(vm_tab(preloadtab), a[0]);
  if (loader != VM_NIL) {
    a[0] = loader;
    a[1] = vm_newcstr(L, ":preload:");
    return 2;
  }
  snprintf(msg, sizeof msg, "no field package.preload['%.250s']", name->s);
  a[0] = vm_newcstr(L, msg);
  return 1;
}

static int searcher_lua(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *name = lib_checkstr(L, self, a, n, 1), *path = pathfield(L, "path");
  Value msg = VM_NIL, err = VM_NIL, fn, b = vm_rawget(vm_tab(bundled), a[0]), file;
  if (b != VM_NIL) {           /* compiled in: as if found on package.path */
    a[0] = vm_rawgeti(vm_tab(b), 1);
    a[1] = vm_rawgeti(vm_tab(b), 2);
    return 2;
  }
  file = searchpath(L, name->s, path->s, path->len, ".", "/", &msg);
  if (file == VM_NIL) {
    a[0] = msg;
    return 1;
  }
  a[1] = file;
  fn = lib_loadfile(L, vm_str(file)->s, "bt", L->globals, &err);
  if (fn == VM_NIL)
    vm_error(L, "error loading module '%s' from file '%s':\n\t%s", name->s, vm_str(file)->s,
             vm_isstring(err) ? vm_str(err)->s : "?");
  a[0] = fn;
  return 2;
}

/* Reports where a C module would be; vmc cannot load one. */
static int searchc(VmState *L, Value *a, const char *name) {
  VmString *path = pathfield(L, "cpath");
  Value msg = VM_NIL, file = searchpath(L, name, path->s, path->len, ".", "/", &msg);
  char buf[400];
  if (file != VM_NIL) {
    snprintf(buf, sizeof buf, "C module file '%.300s' found, but vmc cannot load C modules", vm_str(file)->s);
    msg = vm_newcstr(L, buf);
  }
  a[0] = msg;
  return 1;
}

static int searcher_c(VmState *L, VmClosure *self, Value *a, int n) {
  return searchc(L, a, lib_checkstr(L, self, a, n, 1)->s);
}

/* for "a.b.c", looks for "a" (an all-in-one library) */
static int searcher_croot(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *name = lib_checkstr(L, self, a, n, 1);
  const char *dot = strchr(name->s, '.');
  char root[256];
  if (dot == NULL) return 0;
  snprintf(root, sizeof root, "%.*s", (int)(dot - name->s), name->s);
  return searchc(L, a, root);
}

/* ---- require ---- */

/* Runs the searchers for name (a[0]) on behalf of require (self); leaves loader and extra value in a[1], a[2]. */
static void findloader(VmState *L, VmClosure *self, Value *a) {
  Value searchers = lib_getfield(L, packagetab, "searchers");
  LibBuf msg;
  vm_int i;
  if (!vm_istable(searchers)) vm_error(L, "'package.searchers' must be a table");
  lib_bufinit(&msg);
  for (i = 1;; i++) {
    Value s = vm_get(L, searchers, vm_mkint(i), NULL);
    int r;
    if (s == VM_NIL) {
      lib_addchar(&msg, '\0');
      vm_error(L, "module '%s' not found:%s", vm_str(a[0])->s, msg.p);
    }
    a[1] = a[0];
    r = lib_call(L, self, s, a + 1, 1);
    vm_adjust(a + 1, r, 2);
    if (vm_isfunction(a[1])) return;
    if (vm_isstring(a[1]) || vm_isnumber(a[1])) {
      lib_addcstr(&msg, "\n\t");
      lib_addvalue(L, &msg, a[1]);
    }
  }
}

static int l_require(VmState *L, VmClosure *self, Value *a, int n) {
  Value v;
  lib_checkstr(L, self, a, n, 1);
  v = vm_rawget(vm_tab(loadedtab), a[0]);
  if (vm_istruthy(v)) {
    a[0] = v;
    return 1;
  }
  findloader(L, self, a);        /* a[1] = loader, a[2] = extra value */
  a[3] = a[0];
  a[4] = a[2];
  vm_adjust(a + 3, lib_call(L, self, a[1], a + 3, 2), 1);
  if (a[3] != VM_NIL) vm_rawset(L, vm_tab(loadedtab), a[0], a[3]);
  else if (vm_rawget(vm_tab(loadedtab), a[0]) == VM_NIL) vm_rawset(L, vm_tab(loadedtab), a[0], VM_TRUE);
  a[1] = a[2];
  a[0] = vm_rawget(vm_tab(loadedtab), a[0]);
  return 2;
}

static int l_loadlib(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkstr(L, self, a, n, 1);
  lib_checkstr(L, self, a, n, 2);
  a[0] = VM_NIL;
  a[1] = vm_newcstr(L, "dynamic libraries not enabled; check your Lua installation");
  a[2] = vm_newcstr(L, "absent");
  return 3;
}

/* ---- Opening ---- */

int lib_noenv;

/* The path from the environment (LUA_PATH_5_4, else LUA_PATH) with its first ";;" replaced by the default, or
** the default (always with lib_noenv set: `vmc -E`). */
static Value envpath(VmState *L, const char *var, const char *dflt) {
  char name[40];
  const char *p, *mark;
  LibBuf b;
  snprintf(name, sizeof name, "%s_5_4", var);
  p = lib_noenv ? NULL : getenv(name);
  if (p == NULL && !lib_noenv) p = getenv(var);
  if (p == NULL) return vm_newcstr(L, dflt);
  mark = strstr(p, ";;");
  if (mark == NULL) return vm_newcstr(L, p);
  lib_bufinit(&b);
  if (mark > p) lib_addmem(&b, p, (vm_size)(mark - p)), lib_addchar(&b, ';');
  lib_addcstr(&b, dflt);
  if (mark[2] != '\0') lib_addchar(&b, ';'), lib_addcstr(&b, mark + 2);
  return lib_bufresult(L, &b);
}

static const LibReg pkgfuncs[] = {
  LIB_FN("package.loadlib", l_loadlib),
  LIB_FN("package.searchpath", l_searchpath),
  LIB_END
};

static const LibReg searcherfuncs[] = {
  LIB_FN("searcher_preload", searcher_preload),
  LIB_FN("searcher_Lua", searcher_lua),
  LIB_FN("searcher_C", searcher_c),
  LIB_FN("searcher_Croot", searcher_croot),
  LIB_END
};

static const LibReg requirefunc[] = {
  LIB_FN("require", l_require),
  LIB_END
};

/* Records lib as package.loaded[name]. */
void lib_setloaded(VmState *L, const char *name, Value lib) {
  lib_setfield(L, loadedtab, name, lib);
}

/* Sets package.preload[name] = loader: how a compiled program registers a module it bundles. Call after
** lib_openall. */
void vm_preload(VmState *L, const char *name, Value loader) {
  lib_setfield(L, preloadtab, name, loader);
}

/* Registers a module compiled into the program: require(name) finds it as the Lua searcher would find the file
** path (after package.preload, before searching package.path) and calls loader(name, path). */
void vm_bundle(VmState *L, const char *name, const char *path, Value loader) {
  Value b = vm_newtable(L, 2, 0);
  vm_rawseti(L, vm_tab(b), 1, loader);
  vm_rawseti(L, vm_tab(b), 2, vm_newcstr(L, path));
  lib_setfield(L, bundled, name, b);
}

/* Creates the package table and require in g. */
void lib_openpackage(VmState *L, Value g) {
  Value searchers = vm_newtable(L, 4, 0);
  int i;
  packagetab = lib_newlib(L, pkgfuncs);
  loadedtab = vm_newtable(L, 0, 16);
  preloadtab = vm_newtable(L, 0, 4);
  bundled = vm_newtable(L, 0, 4);
  for (i = 0; searcherfuncs[i].fn; i++)
    vm_rawseti(L, vm_tab(searchers), i + 1,
               vm_mkfunc(vm_newclosure(L, searcherfuncs[i].fn, &searcherfuncs[i].info, 0)));
  lib_setfield(L, packagetab, "searchers", searchers);
  lib_setfield(L, packagetab, "loaded", loadedtab);
  vm_setloadedtable(L, loadedtab);
  lib_setfield(L, packagetab, "preload", preloadtab);
  lib_setfield(L, packagetab, "config", vm_newcstr(L, "/\n;\n?\n!\n-\n"));
  lib_setfield(L, packagetab, "path", envpath(L, "LUA_PATH", DEFAULT_PATH));
  lib_setfield(L, packagetab, "cpath", envpath(L, "LUA_CPATH", DEFAULT_CPATH));
  lib_register(L, g, requirefunc);
  lib_setfield(L, g, "package", packagetab);
  lib_setloaded(L, "package", packagetab);
}
