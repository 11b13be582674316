/* base.c: the basic library, print, pairs, pcall, load, ... (stdlib layer). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib.h"

/* ---- Output and conversions ---- */

/* print with each piece written as it is made (a __tostring may itself print) */
static int print_pieces(VmState *L, Value *a, int n) {
  char buf[64];
  int i;
  for (i = 0; i < n; i++) {
    Value v = a[i];
    if (i > 0) putc('\t', stdout);
    if (vm_isstring(v)) {
      fwrite(vm_str(v)->s, 1, vm_str(v)->len, stdout);
    } else if (vm_isnumber(v)) {
      fwrite(buf, 1, (size_t)vm_fmtnum(buf, v), stdout);
    } else {
      VmString *s = vm_str(vm_tostring(L, v));
      fwrite(s->s, 1, s->len, stdout);
    }
  }
  putc('\n', stdout);
  return 0;
}

/* print(...): tostring of each argument, separated by tabs, then a newline. A line of short strings and
** numbers is assembled first and written with one call. XXX: lua5.4 flushes stdout after every print; we leave
** it buffered (much faster on a pipe) and the runtime flushes it before it writes to stderr and at exit. */
static int l_print(VmState *L, VmClosure *self, Value *a, int n) {
  LibBuf b;
  int i;
  (void)self;
  for (i = 0; i < n; i++)
    if (!vm_isnumber(a[i]) && !(vm_isstring(a[i]) && vm_str(a[i])->len <= 256)) return print_pieces(L, a, n);
  lib_bufinit(&b);
  for (i = 0; i < n; i++) {
    if (i > 0) lib_addchar(&b, '\t');
    lib_addvalue(L, &b, a[i]);
  }
  lib_addchar(&b, '\n');
  fwrite(b.p, 1, b.n, stdout);
  return 0;
}

/* Names of the basic types, made once (static data is a GC root). */
enum { TNIL, TBOOL, TNUM, TSTR, TTAB, TFUN, TUDATA, TTHREAD, NTYPES };
static const char *const typenames[NTYPES] = {
  "nil", "boolean", "number", "string", "table", "function", "userdata", "thread"
};
static Value typestr[NTYPES];

static int typeindex(Value v) {
  if (v == VM_NIL) return TNIL;
  if (vm_isbool(v)) return TBOOL;
  if (vm_isnumber(v)) return TNUM;
  switch (vm_ptrtype(v)) {
    case VM_TSTRING: return TSTR;
    case VM_TTABLE: return TTAB;
    case VM_TFUNC: return TFUN;
    case VM_TCORO: return TTHREAD;
    default: return TUDATA;
  }
}

static int l_type(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkany(L, self, n, 1);
  a[0] = typestr[typeindex(a[0])];
  return 1;
}

static int f_type(LIB_FASTARGS) {
  if (n < 1) LIB_SLOW();
  a[0] = typestr[typeindex(a[0])];
  return vm_fastret(L, a, 1);
}

static int l_tostring(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkany(L, self, n, 1);
  a[0] = lib_tostring(L, a[0]);
  return 1;
}

static int digitvalue(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static int isspace_c(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Reads s[0..len-1] as an integer in base b (spaces around, optional sign, wrap-around); VM_NIL if it is not
** one. */
static Value str2int_base(const char *s, vm_size len, int b) {
  const char *e = s + len;
  vm_uint acc = 0;
  int neg = 0, digits = 0;
  while (s < e && isspace_c((unsigned char)*s)) s++;
  if (s < e && (*s == '-' || *s == '+')) neg = *s++ == '-';
  for (; s < e && digitvalue((unsigned char)*s) < b; s++, digits++)
    acc = acc * (vm_uint)b + (vm_uint)digitvalue((unsigned char)*s);
  while (s < e && isspace_c((unsigned char)*s)) s++;
  if (digits == 0 || s != e) return VM_NIL;
  return vm_mkint((vm_int)(neg ? 0 - acc : acc));
}

static int l_tonumber(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int base;
  VmString *s;
  if (lib_isnone(a, n, 2)) {
    lib_checkany(L, self, n, 1);
    a[0] = vm_tonumeric(a[0]);
    return 1;
  }
  base = lib_checkint(L, self, a, n, 2);
  if (!vm_isstring(a[0])) lib_typeerror(L, self, a, n, 1, "string");
  s = vm_str(a[0]);
  if (base < 2 || base > 36) lib_argerror(L, self, 2, "base out of range");
  a[0] = str2int_base(s->s, s->len, (int)base);
  return 1;
}

/* ---- Iteration ---- */

static Value nextfn, ipairsiter;

static int l_next(VmState *L, VmClosure *self, Value *a, int n) {
  VmTable *t = lib_checktable(L, self, a, n, 1);
  Value k = lib_arg(a, n, 2), v;
  if (!vm_next(L, t, &k, &v)) {
    a[0] = VM_NIL;
    return 1;
  }
  a[0] = k;
  a[1] = v;
  return 2;
}

static int f_next(LIB_FASTARGS) {
  Value k, v;
  int r;
  if (n < 1 || !vm_istable(a[0])) LIB_SLOW();
  k = n >= 2 ? a[1] : VM_NIL;
  if ((r = vm_nextq(vm_tab(a[0]), &k, &v)) < 0) LIB_SLOW();
  if (r == 0) {
    a[0] = VM_NIL;
    return vm_fastret(L, a, 1);
  }
  a[0] = k;
  a[1] = v;
  return vm_fastret(L, a, 2);
}

static int l_pairs(VmState *L, VmClosure *self, Value *a, int n) {
  Value t, mm;
  lib_checkany(L, self, n, 1);
  t = a[0];
  mm = vm_istable(t) && vm_tab(t)->meta == NULL ? VM_NIL : vm_metafield(L, t, "__pairs");
  if (mm != VM_NIL) {
    a[1] = t;
    vm_adjust(a + 1, lib_call(L, self, mm, a + 1, 1), 3);
    a[0] = a[1], a[1] = a[2], a[2] = a[3];
    return 3;
  }
  a[0] = nextfn;
  a[1] = t;
  a[2] = VM_NIL;
  return 3;
}

static int ipairs_aux(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int i = lib_checkint(L, self, a, n, 2);
  Value k = vm_mkint((vm_int)((vm_uint)i + 1)), v = vm_get(L, a[0], k, NULL);
  if (v == VM_NIL) {
    a[0] = VM_NIL;
    return 1;
  }
  a[0] = k;
  a[1] = v;
  return 2;
}

/* the common step: an integer and a non-nil next element in the array part (no __index is asked then) */
static int f_ipairs_aux(LIB_FASTARGS) {
  VmTable *t;
  vm_uint i;
  if (n < 2 || !vm_istable(a[0]) || !vm_isint(a[1])) LIB_SLOW();
  t = vm_tab(a[0]);
  i = (vm_uint)vm_toint(a[1]);
  if (i >= t->asize || t->arr[i] == VM_NIL) LIB_SLOW();
  a[1] = t->arr[i];
  a[0] = vm_mkint((vm_int)i + 1);
  return vm_fastret(L, a, 2);
}

static int l_ipairs(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkany(L, self, n, 1);
  a[1] = a[0];
  a[0] = ipairsiter;
  a[2] = vm_mkint(0);
  return 3;
}

static int l_select(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int i;
  if (n >= 1 && vm_isstring(a[0]) && vm_str(a[0])->s[0] == '#') {
    a[0] = vm_mkint(n - 1);
    return 1;
  }
  i = lib_checkint(L, self, a, n, 1);
  if (i < 0) i = n + i;
  else if (i > n) i = n;
  if (i < 1) lib_argerror(L, self, 1, "index out of range");
  memmove(a, a + i, (size_t)(n - i) * sizeof(Value));
  return (int)(n - i);
}

/* ---- Raw access and metatables ---- */

static int l_rawget(VmState *L, VmClosure *self, Value *a, int n) {
  VmTable *t = lib_checktable(L, self, a, n, 1);
  lib_checkany(L, self, n, 2);
  a[0] = vm_rawget(t, a[1]);
  return 1;
}

static int l_rawset(VmState *L, VmClosure *self, Value *a, int n) {
  VmTable *t = lib_checktable(L, self, a, n, 1);
  lib_checkany(L, self, n, 2);
  lib_checkany(L, self, n, 3);
  vm_rawset(L, t, a[1], a[2]);
  return 1;
}

static int l_rawequal(VmState *L, VmClosure *self, Value *a, int n) {
  lib_checkany(L, self, n, 1);
  lib_checkany(L, self, n, 2);
  a[0] = vm_mkbool(vm_rawequal(a[0], a[1]));
  return 1;
}

static int l_rawlen(VmState *L, VmClosure *self, Value *a, int n) {
  if (n >= 1 && vm_istable(a[0])) a[0] = vm_mkint(vm_rawlen(vm_tab(a[0])));
  else if (n >= 1 && vm_isstring(a[0])) a[0] = vm_mkint((vm_int)vm_str(a[0])->len);
  else lib_typeerror(L, self, a, n, 1, "table or string");
  return 1;
}

static int l_setmetatable(VmState *L, VmClosure *self, Value *a, int n) {
  Value mt = lib_arg(a, n, 2);
  lib_checktable(L, self, a, n, 1);
  if (n < 2 || !(mt == VM_NIL || vm_istable(mt))) lib_typeerror(L, self, a, n, 2, "nil or table");
  if (vm_metafield(L, a[0], "__metatable") != VM_NIL) vm_error(L, "cannot change a protected metatable");
  vm_setmetatable(L, a[0], mt);
  return 1;
}

static int f_setmetatable(LIB_FASTARGS) {
  if (n != 2 || !vm_istable(a[0]) || !vm_istable(a[1]) || !vm_setmetaplain(vm_tab(a[0]), vm_tab(a[1]))) LIB_SLOW();
  return vm_fastret(L, a, 1);
}

static int l_getmetatable(VmState *L, VmClosure *self, Value *a, int n) {
  Value mt, protect;
  lib_checkany(L, self, n, 1);
  mt = vm_getmetatable(L, a[0]);
  if (mt == VM_NIL) {
    a[0] = VM_NIL;
    return 1;
  }
  protect = vm_metafield(L, a[0], "__metatable");
  a[0] = protect != VM_NIL ? protect : mt;
  return 1;
}

/* ---- Errors ---- */

/* Raises v; a string gets the position of the Lua function `level` levels up (0: none). */
static VM_NORETURN void raise_at(VmState *L, Value v, vm_int level) {
  if (vm_isstring(v) && level > 0) {
    Value where = vm_where(L, level > 1000000 ? 1000000 : (int)level);
    if (vm_str(where)->len > 0) v = vm_concat(L, where, v, NULL, NULL);
  }
  vm_throw(L, v);
}

static int l_error(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int level = lib_optint(L, self, a, n, 2, 1);
  raise_at(L, lib_arg(a, n, 1), level);
}

static int l_assert(VmState *L, VmClosure *self, Value *a, int n) {
  static Value deflt;
  if (n >= 1 && vm_istruthy(a[0])) return n;
  lib_checkany(L, self, n, 1);
  if (n >= 2) raise_at(L, a[1], 1);
  if (deflt == VM_NIL) deflt = vm_newcstr(L, "assertion failed!");
  raise_at(L, deflt, 1);
}

static int l_pcall(VmState *L, VmClosure *self, Value *a, int n) {
  int r;
  lib_checkany(L, self, n, 1);
  r = vm_pcall(L, a[0], a + 1, n - 1);
  if (r < 0) {
    a[0] = VM_FALSE;
    return 2;
  }
  a[0] = VM_TRUE;
  return r + 1;
}

static int l_xpcall(VmState *L, VmClosure *self, Value *a, int n) {
  int r;
  if (n < 2 || !vm_isfunction(a[1])) lib_typeerror(L, self, a, n, 2, "function");
  r = vm_xpcall(L, a[0], a[1], a + 2, n - 2);
  if (r < 0) {
    a[0] = VM_FALSE;
    a[1] = a[2];
    return 2;
  }
  a[1] = VM_TRUE;
  memmove(a, a + 1, (size_t)(r + 1) * sizeof(Value));
  return r + 1;
}

/* ---- Warnings ---- */

/* warn(msg1, ...): with warnings on, "Lua warning: " and the pieces, on one line of stderr. A message of one
** piece starting with '@' is a control message: "@on" and "@off" switch warnings (off at start, as in the lua
** program without -W); other ones are ignored. All pieces must be strings (numbers are converted). */
static int l_warn(VmState *L, VmClosure *self, Value *a, int n) {
  int i;
  lib_checkstr(L, self, a, n, 1);
  for (i = 2; i <= n; i++) lib_checkstr(L, self, a, n, i);
  for (i = 0; i < n; i++) vm_warning(vm_str(a[i])->s, i < n - 1);
  return 0;
}

/* ---- Loading chunks ---- */

/* Compiles src as a chunk named chunkname (as given to load: "=name", "@file" or the source itself), checking
** mode ("b", "t", "bt"). Returns the function, or VM_NIL with the message in *err. */
static Value loadchunk(VmState *L, const char *src, vm_size len, const char *chunkname, vm_size namelen,
                       const char *mode, Value env, Value *err) {
  char id[LIB_IDSIZE], msg[120];
  int binary = len > 0 && src[0] == '\x1b';
  Value fn;
  if (mode && strchr(mode, binary ? 'b' : 't') == NULL) {
    snprintf(msg, sizeof msg, "attempt to load a %s chunk (mode is '%.60s')", binary ? "binary" : "text", mode);
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  if (binary) return lib_undump(L, src, len, chunkname, env, err);
  lib_chunkid(id, chunkname, namelen);
  fn = vm_load(L, src, len, id, env, err);
  if (fn != VM_NIL) lib_setchunksource(L, fn, vm_newstr(L, chunkname, namelen));
  return fn;
}

void lib_setchunksource(VmState *L, Value fn, Value source) {
  const VmLuaInfo *li = lib_luainfo(vm_fn(fn));
  (void)L;
  if (li != NULL) li->chunk->source = vm_str(source)->s;   /* the chunk is a GC root: source stays */
}

Value lib_loadfile(VmState *L, const char *path, const char *mode, Value env, Value *err) {
  FILE *f = path ? fopen(path, "rb") : stdin;
  LibBuf b;
  Value name, fn;
  vm_size skip = 0, k;
  char msg[300];
  if (f == NULL) {
    snprintf(msg, sizeof msg, "cannot open %.200s: %s", path, strerror(errno));
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  lib_bufinit(&b);
  while ((k = fread(lib_bufprep(&b, 4096), 1, 4096, f)) > 0) b.n += k;
  if (ferror(f)) {
    snprintf(msg, sizeof msg, "cannot read %.200s", path ? path : "stdin");
    if (f != stdin) fclose(f);
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  if (f != stdin) fclose(f);
  if (b.n >= 3 && memcmp(b.p, "\xEF\xBB\xBF", 3) == 0) skip = 3;   /* UTF-8 byte-order mark */
  if (b.n > skip && b.p[skip] == '#')                                 /* keep the newline: lines stay right */
    while (skip < b.n && b.p[skip] != '\n') skip++;
  snprintf(msg, sizeof msg, path ? "@%s" : "=stdin", path);
  name = vm_newcstr(L, msg);
  fn = loadchunk(L, b.p + skip, b.n - skip, vm_str(name)->s, vm_str(name)->len, mode, env, err);
  return fn;
}

/* Called protected by load: concatenates the pieces the reader a[0] returns until nil or ""; a[1] is the
** position of load's caller, for the message of a bad piece. */
static int readall(VmState *L, VmClosure *self, Value *a, int n) {
  Value where = a[1];
  LibBuf b;
  (void)n;
  lib_bufinit(&b);
  for (;;) {
    int r = lib_call(L, self, a[0], a + 2, 0);
    Value piece = r > 0 ? a[2] : VM_NIL;
    if (piece == VM_NIL) break;
    if (!vm_isstring(piece))
      vm_throw(L, vm_concat(L, where, vm_newcstr(L, "reader function must return a string"), NULL, NULL));
    if (vm_str(piece)->len == 0) break;
    lib_addmem(&b, vm_str(piece)->s, vm_str(piece)->len);
  }
  a[0] = lib_bufresult(L, &b);
  return 1;
}

static const VmFuncInfo readallinfo = {"load", "[C]", -1, 0, 1, 0};

/* Leaves load's results: the function, or nil and the message. */
static int loadresult(Value *a, Value fn, Value err) {
  if (fn == VM_NIL) {
    a[0] = VM_NIL;
    a[1] = err;
    return 2;
  }
  a[0] = fn;
  return 1;
}

static int l_load(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *name = lib_optstr(L, self, a, n, 2), *mode = lib_optstr(L, self, a, n, 3), *src;
  Value env = n >= 4 ? a[3] : L->globals, err = VM_NIL, fn;
  if (n >= 1 && (vm_isstring(a[0]) || vm_isnumber(a[0]))) {
    src = lib_checkstr(L, self, a, n, 1);
    if (name == NULL) name = src;
  } else {
    if (n < 1 || !vm_isfunction(a[0])) lib_typeerror(L, self, a, n, 1, "function");
    a[n] = a[0];
    a[n + 1] = vm_where(L, 1);
    if (vm_pcall(L, vm_mkfunc(vm_newclosure(L, readall, &readallinfo, 0)), a + n, 2) < 0)
      return loadresult(a, VM_NIL, a[n]);
    src = vm_str(a[n]);
  }
  fn = loadchunk(L, src->s, src->len, name ? name->s : "=(load)", name ? name->len : 7,
                 mode ? mode->s : "bt", env, &err);
  return loadresult(a, fn, err);
}

static int l_loadfile(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *path = lib_optstr(L, self, a, n, 1), *mode = lib_optstr(L, self, a, n, 2);
  Value env = n >= 3 ? a[2] : L->globals, err = VM_NIL;
  Value fn = lib_loadfile(L, path ? path->s : NULL, mode ? mode->s : "bt", env, &err);
  return loadresult(a, fn, err);
}

static int l_dofile(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *path = lib_optstr(L, self, a, n, 1);
  Value err = VM_NIL, fn = lib_loadfile(L, path ? path->s : NULL, "bt", L->globals, &err);
  if (fn == VM_NIL) vm_throw(L, err);
  return lib_call(L, self, fn, a, 0);
}

/* ---- collectgarbage ---- */

static int generational = 1;   /* the collector's mode as collectgarbage reports it; lua.c starts generational */
static double majorkb;         /* KB in use after the last full collection; 0: not known yet */

static double gccount(VmState *L) { return vm_gc(L, VM_GCCOUNT, 0) + vm_gc(L, VM_GCCOUNTB, 0) / 1024.0; }

static void gccollect(VmState *L) {
  vm_gc(L, VM_GCCOLLECT, 0);
  majorkb = gccount(L);
}

/* collectgarbage("step", kb): true when a collection cycle finished. Incremental mode: the collector's answer
** (kb KB of work; 0: a basic step). Generational mode: lua5.4's steps are young collections, which finish no
** cycle; only a major collection, once the heap has doubled since the last full one, reports true.
** XXX: a young collection does nothing here (Boehm has no generations; it collects as allocation goes on). */
static int gcstep(VmState *L, vm_int kb) {
  double now;
  if (!generational) return vm_gc(L, VM_GCSTEP, kb <= 0 ? 0 : kb > 0x7fffffff ? 0x7fffffff : (int)kb);
  now = gccount(L);
  if (majorkb == 0 || now < 2 * majorkb) {
    if (majorkb == 0) majorkb = now;
    return 0;
  }
  gccollect(L);
  return 1;
}

static int l_collectgarbage(VmState *L, VmClosure *self, Value *a, int n) {
  static const char *const opts[] = {
    "stop", "restart", "collect", "count", "step", "setpause", "setstepmul", "isrunning", "generational",
    "incremental", NULL
  };
  static int pause = 200, stepmul = 100;
  int o = lib_checkoption(L, self, a, n, 1, "collect", opts), prev;
  if (vm_gc(L, VM_GCISRUNNING, 0) < 0) {   /* inside a finalizer: fail, as lua5.4 */
    a[0] = VM_NIL;
    return 1;
  }
  switch (o) {
    case 0: vm_gc(L, VM_GCSTOP, 0); a[0] = vm_mkint(0); break;
    case 1: vm_gc(L, VM_GCRESTART, 0); a[0] = vm_mkint(0); break;
    case 2:
      vm_scrubstack(L, a + n);
      gccollect(L);
      a[0] = vm_mkint(0);
      break;
    case 3: a[0] = vm_mkfloat(gccount(L)); break;
    case 4: a[0] = vm_mkbool(gcstep(L, lib_optint(L, self, a, n, 2, 0))); break;
    case 5: case 6:
      prev = o == 5 ? pause : stepmul;
      *(o == 5 ? &pause : &stepmul) = (int)lib_optint(L, self, a, n, 2, 0);
      a[0] = vm_mkint(prev);
      break;
    case 7: a[0] = vm_mkbool(vm_gc(L, VM_GCISRUNNING, 0)); break;
    default:
      a[0] = vm_newcstr(L, generational ? "generational" : "incremental");
      generational = o == 8;
      break;
  }
  return 1;
}

/* ---- Registration ---- */

static const LibReg basefuncs[] = {
  LIB_FN("assert", l_assert),
  LIB_FN("collectgarbage", l_collectgarbage),
  LIB_FN("dofile", l_dofile),
  LIB_FN("error", l_error),
  LIB_FN("getmetatable", l_getmetatable),
  LIB_FN("ipairs", l_ipairs),
  LIB_FN("load", l_load),
  LIB_FN("loadfile", l_loadfile),
  LIB_FAST("next", l_next, f_next),
  LIB_FN("pairs", l_pairs),
  LIB_FN("pcall", l_pcall),
  LIB_FN("print", l_print),
  LIB_FN("rawequal", l_rawequal),
  LIB_FN("rawget", l_rawget),
  LIB_FN("rawlen", l_rawlen),
  LIB_FN("rawset", l_rawset),
  LIB_FN("select", l_select),
  LIB_FAST("setmetatable", l_setmetatable, f_setmetatable),
  LIB_FN("tonumber", l_tonumber),
  LIB_FN("tostring", l_tostring),
  LIB_FAST("type", l_type, f_type),
  LIB_FN("warn", l_warn),
  LIB_FN("xpcall", l_xpcall),
  LIB_END
};

static const VmFuncInfo ipairsinfo = {"for iterator", "[C]", -1, 0, 1, f_ipairs_aux};

/* Fills the global table g with the basic functions, _G and _VERSION. */
/* As in lua5.4, the functions they call (pcall's, dofile's chunk, __pairs) may yield. */
static const char *const letyield[] = {"pcall", "xpcall", "dofile", "pairs", NULL};

void lib_openbase(VmState *L, Value g) {
  int i;
  for (i = 0; i < NTYPES; i++) typestr[i] = vm_newcstr(L, typenames[i]);
  lib_register(L, g, basefuncs);
  lib_letyield(L, g, letyield);
  nextfn = vm_rawgetstr(vm_tab(g), vm_newcstr(L, "next"));
  ipairsiter = vm_mkfunc(vm_newclosure(L, ipairs_aux, &ipairsinfo, 0));
  lib_setfield(L, g, "_G", g);
  lib_setfield(L, g, "_VERSION", vm_newcstr(L, "Lua 5.4"));
}
