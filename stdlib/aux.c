/* aux.c: argument checks, errors, buffers and registration shared by the libraries (stdlib layer). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lib.h"

/* ---- Errors ---- */

/* Was the running C function called directly by C (pcall, the host, a library function through lib_call)
** rather than by Lua code? Those push a C frame: line -1 (no Lua function has a negative line). */
static int calledfromc(VmState *L) {
  const VmFrame *f = L->frame;
  return f == NULL || f->line < 0;
}

/* The name of the running function in messages, as lua5.4 finds it: the name at the call site ("method 'rep'"
** gives rep, and *method = 1), else the qualified name ("string.rep") when called from C, else the short one. */
static void callname(VmState *L, VmClosure *self, char *buf, size_t size, int *method) {
  const char *d = vm_calldesc(L), *q, *full, *dot;
  *method = 0;
  if (d && (q = strchr(d, '\'')) != NULL && strchr(q + 1, '\'') != NULL) {
    *method = strncmp(d, "method ", 7) == 0;
    snprintf(buf, size, "%.*s", (int)(strchr(q + 1, '\'') - q - 1), q + 1);
    return;
  }
  full = self && self->info && self->info->name ? self->info->name : "?";
  dot = strrchr(full, '.');
  snprintf(buf, size, "%s", calledfromc(L) || dot == NULL ? full : dot + 1);
}

void lib_argerror(VmState *L, VmClosure *self, int arg, const char *msg) {
  char name[128];
  int method;
  callname(L, self, name, sizeof name, &method);
  if (method && --arg == 0) vm_error(L, "calling '%s' on bad self (%s)", name, msg);
  vm_error(L, "bad argument #%d to '%s' (%s)", arg, name, msg);
}

void lib_typeerror(VmState *L, VmClosure *self, Value *a, int n, int arg, const char *expected) {
  char msg[160];
  const char *got = arg <= n ? vm_objtypename(L, a[arg - 1]) : "no value";
  if (arg <= n && vm_isobj(a[arg - 1], VM_TCELL)) got = "light userdata";   /* debug.upvalueid's answer */
  snprintf(msg, sizeof msg, "%s expected, got %s", expected, got);
  lib_argerror(L, self, arg, msg);
}

/* ---- Numbers ---- */

int lib_flt2int(double d, vm_int *out) {
  /* -2^63 is exact as a double; 2^63 is the first value out of range */
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && floor(d) == d) {
    *out = (vm_int)d;
    return 1;
  }
  return 0;
}

/* ---- Argument checks ---- */

void lib_checkany(VmState *L, VmClosure *self, int n, int arg) {
  if (arg > n) lib_argerror(L, self, arg, "value expected");
}

vm_int lib_checkint_slow(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  vm_int i;
  if (arg <= n && vm_tointeger(a[arg - 1], &i)) return i;
  if (arg <= n && vm_tonumeric(a[arg - 1]) != VM_NIL)
    lib_argerror(L, self, arg, "number has no integer representation");
  lib_typeerror(L, self, a, n, arg, "number");
}

Value lib_checknumber(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  Value v = arg <= n ? vm_tonumeric(a[arg - 1]) : VM_NIL;
  if (v == VM_NIL) lib_typeerror(L, self, a, n, arg, "number");
  return v;
}

double lib_checknum(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  if (arg <= n && vm_isfloat(a[arg - 1])) return vm_tofloat(a[arg - 1]);
  return vm_tonumber(lib_checknumber(L, self, a, n, arg));
}

VmString *lib_checkstr_slow(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  Value s;
  if (arg > n || !vm_isnumber(a[arg - 1]) || !vm_tostr_coerce(L, a[arg - 1], &s))
    lib_typeerror(L, self, a, n, arg, "string");
  a[arg - 1] = s;
  return vm_str(s);
}

VmString *lib_optstr(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  return lib_isnone(a, n, arg) ? NULL : lib_checkstr(L, self, a, n, arg);
}

VmTable *lib_checktable(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  if (arg > n || !vm_istable(a[arg - 1])) lib_typeerror(L, self, a, n, arg, "table");
  return vm_tab(a[arg - 1]);
}

int lib_checkoption(VmState *L, VmClosure *self, Value *a, int n, int arg, const char *def,
                    const char *const opts[]) {
  const char *s = def;
  char msg[120];
  int i;
  if (!(def && lib_isnone(a, n, arg))) s = lib_checkstr(L, self, a, n, arg)->s;
  for (i = 0; opts[i]; i++)
    if (strcmp(opts[i], s) == 0) return i;
  snprintf(msg, sizeof msg, "invalid option '%.80s'", s);
  lib_argerror(L, self, arg, msg);
}

/* ---- Strings and tables ---- */

Value lib_tostring(VmState *L, Value v) {
  char buf[64];
  if (vm_isstring(v)) return v;
  if (vm_isnumber(v) && vm_getmetatable(L, v) == VM_NIL) return vm_newstr(L, buf, (vm_size)vm_fmtnum(buf, v));
  return vm_tostring(L, v);
}

void lib_setfield(VmState *L, Value t, const char *k, Value v) {
  vm_rawset(L, vm_tab(t), vm_newcstr(L, k), v);
}

Value lib_getfield(VmState *L, Value t, const char *k) {
  return vm_index(L, t, vm_newcstr(L, k), NULL);
}

void lib_register(VmState *L, Value t, const LibReg *r) {
  for (; r->fn; r++) {
    const char *dot = strrchr(r->info.name, '.');
    lib_setfield(L, t, dot ? dot + 1 : r->info.name, vm_mkfunc(vm_newclosure(L, r->fn, &r->info, 0)));
  }
}

void lib_letyield(VmState *L, Value t, const char *const names[]) {
  for (; *names != NULL; names++) {
    Value f = lib_getfield(L, t, *names);
    if (vm_isfunction(f)) vm_fn(f)->h.flags |= VM_FYIELD;
  }
}

Value lib_newlib(VmState *L, const LibReg *r) {
  int k = 0;
  Value t;
  while (r[k].fn) k++;
  t = vm_newtable(L, 0, k);
  lib_register(L, t, r);
  return t;
}

/* chunk names given as source text: [string "first line..."] */
static void chunkid_string(char *buf, const char *src, vm_size len) {
  static const char pre[] = "[string \"", dots[] = "...", post[] = "\"]";
  vm_size room = LIB_IDSIZE - (sizeof pre - 1) - (sizeof dots - 1) - (sizeof post - 1) - 1;
  const char *nl = memchr(src, '\n', len);
  char *o = buf;
  memcpy(o, pre, sizeof pre - 1), o += sizeof pre - 1;
  if (nl == NULL && len < room) {
    memcpy(o, src, len), o += len;
  } else {
    if (nl) len = (vm_size)(nl - src);
    if (len > room) len = room;
    memcpy(o, src, len), o += len;
    memcpy(o, dots, sizeof dots - 1), o += sizeof dots - 1;
  }
  memcpy(o, post, sizeof post);
}

void lib_chunkid(char *buf, const char *src, vm_size len) {
  if (len > 0 && src[0] == '=') {            /* literal: keep at most LIB_IDSIZE - 1 bytes */
    vm_size k = len - 1 < LIB_IDSIZE - 1 ? len - 1 : LIB_IDSIZE - 1;
    memcpy(buf, src + 1, k);
    buf[k] = '\0';
  } else if (len > 0 && src[0] == '@') {     /* file name: keep its end */
    if (len <= LIB_IDSIZE) {
      memcpy(buf, src + 1, len - 1);
      buf[len - 1] = '\0';
    } else {
      vm_size k = LIB_IDSIZE - 4;
      memcpy(buf, "...", 3);
      memcpy(buf + 3, src + len - k, k);
      buf[3 + k] = '\0';
    }
  } else {
    chunkid_string(buf, src, len);
  }
}

int lib_fileresult(VmState *L, Value *a, int ok, const char *fname) {
  int en = errno;
  char msg[400];
  if (ok) {
    a[0] = VM_TRUE;
    return 1;
  }
  if (fname) snprintf(msg, sizeof msg, "%.300s: %s", fname, strerror(en));
  else snprintf(msg, sizeof msg, "%s", strerror(en));
  a[0] = VM_NIL;
  a[1] = vm_newcstr(L, msg);
  a[2] = vm_mkint(en);
  return 3;
}

void lib_checkstack(VmState *L, Value *p, vm_int k, const char *msg) {
  if (k < 0 || k >= 1000000 || p + k + 8 > L->stack_last) vm_error(L, "%s", msg);
}

/* ---- Buffers ---- */

void lib_bufinit(LibBuf *b) {
  b->p = b->init;
  b->n = 0;
  b->cap = LIB_BUFSIZE;
}

char *lib_bufprep_slow(LibBuf *b, vm_size k) {
  vm_size cap = b->cap;
  char *p;
  if (cap - b->n >= k) return b->p + b->n;
  while (cap - b->n < k) {
    if (cap > ((vm_size)-1) / 4) {  /* cannot happen before memory runs out; guards the doubling */
      cap = b->n + k;
      break;
    }
    cap *= 2;
  }
  p = vm_alloc_atomic(cap);
  memcpy(p, b->p, b->n);
  b->p = p;
  b->cap = cap;
  return p + b->n;
}

void lib_addmem(LibBuf *b, const char *s, vm_size len) {
  memcpy(lib_bufprep(b, len), s, len);
  b->n += len;
}

void lib_addcstr(LibBuf *b, const char *s) {
  lib_addmem(b, s, strlen(s));
}

void lib_addvalue(VmState *L, LibBuf *b, Value v) {
  if (vm_isnumber(v) && vm_getmetatable(L, v) == VM_NIL) {
    b->n += (vm_size)vm_fmtnum(lib_bufprep(b, 64), v);
  } else {
    VmString *s = vm_str(lib_tostring(L, v));
    lib_addmem(b, s->s, s->len);
  }
}

Value lib_bufresult(VmState *L, LibBuf *b) {
  return vm_newstr(L, b->p, b->n);
}
