/* meta.c: metatables and the slow paths of the operators that consult them (runtime layer).
**
** Tables and userdata carry their own metatable; all strings share one, which the stdlib installs. A metatable
** caches, in the bits of its h.flags, which of the first TM_NCACHED events it is known not to have; any store
** of a string key into it forgets the cache (vm_rawset). Comparison, equality, concatenation, length and
** indexing follow Lua 5.4, including its compatibility fallback of '<=' to 'not (b < a)' through __lt.
*/
#include <math.h>
#include <string.h>
#include "rt.h"

static const char *const tmnames[TM_N] = {
  "__index", "__newindex", "__eq", "__len", "__lt", "__le", "__concat", "__call",
  "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr", "__unm", "__bnot",
  "__tostring", "__name", "__close", "__gc", "__mode", "__metatable", "__pairs"
};

/* Creates the event-name strings of g (once per program). */
void vm_initmeta(VmState *L) {
  int i;
  for (i = 0; i < TM_N; i++) L->g->tmname[i] = vm_newcstr(L, tmnames[i]);
  vm_indexkey = L->g->tmname[TM_INDEX];
}

/* ---- Metatables ---- */

/* Which of the shared metatables of vm_G->typemeta v has (VM_M*), -1 for tables, userdata and strings. */
static int typemetaindex(Value v) {
  if (v == VM_NIL) return VM_MNIL;
  if (vm_isbool(v)) return VM_MBOOL;
  if (vm_isnumber(v)) return VM_MNUMBER;
  if (!vm_isptr(v)) return -1;
  switch (vm_ptrtype(v)) {
    case VM_TFUNC: return VM_MFUNC;
    case VM_TCORO: return VM_MTHREAD;
    default: return -1;
  }
}

static VmTable *metaof(Value v) {
  Value mt;
  int idx;
  if (vm_isptr(v)) {
    switch (vm_ptrtype(v)) {
      case VM_TTABLE: return vm_tab(v)->meta;
      case VM_TUSERDATA: return vm_udata(v)->meta;
      case VM_TSTRING: return vm_istable(vm_G->strmeta) ? vm_tab(vm_G->strmeta) : NULL;
      default: break;
    }
  }
  idx = typemetaindex(v);
  mt = idx >= 0 ? vm_G->typemeta[idx] : VM_NIL;
  return vm_istable(mt) ? vm_tab(mt) : NULL;
}

/* The raw metatable of v (a table value) or VM_NIL. */
Value vm_getmetatable(VmState *L, Value v) {
  VmTable *mt = metaof(v);
  (void)L;
  return mt != NULL ? vm_mkptr(mt) : VM_NIL;
}

/* The weak mode (VM_TWEAKK | VM_TWEAKV) that metatable mt's __mode gives a table (a string with 'k' and/or 'v'). */
static int weakmode(VmTable *mt) {
  Value mode = vm_fasttm(mt, TM_MODE);
  if (!vm_isstring(mode)) return 0;
  return (strchr(vm_str(mode)->s, 'k') ? VM_TWEAKK : 0) | (strchr(vm_str(mode)->s, 'v') ? VM_TWEAKV : 0);
}

/* Sets the metatable of a table or userdata without any check; for strings and the other types the one their
** whole type shares (debug.setmetatable); mt: table or nil. */
void vm_setmetatable(VmState *L, Value o, Value mt) {
  VmTable *m = vm_istable(mt) ? vm_tab(mt) : NULL;
  if (vm_istable(o)) {
    vm_protochange(vm_tab(o));   /* an __index chain through o changes */
    vm_tab(o)->meta = m;
    if (m == NULL || (m->h.extra & VM_TPLAIN)) {   /* the common case: a class without __gc or __mode */
      vm_tablesetweak(L, vm_tab(o), 0);
      return;
    }
    vm_tablesetweak(L, vm_tab(o), weakmode(m));
  } else if (vm_isobj(o, VM_TUSERDATA)) {
    vm_udata(o)->meta = m;
  } else if (vm_isstring(o)) {
    vm_setstringmeta(L, mt);
    return;
  } else {
    if (typemetaindex(o) >= 0) vm_G->typemeta[typemetaindex(o)] = m ? mt : VM_NIL;
    return;
  }
  if (vm_fasttm(m, TM_GC) != VM_NIL) vm_setfinalizer(L, o);   /* as lua5.4: __gc must be there now */
  else if (m != NULL && vm_fasttm(m, TM_MODE) == VM_NIL) m->h.extra |= VM_TPLAIN;
}

/* setmetatable(t, mt) when that is all it does: t has no metatable (so none protected), is no prototype and not
** weak, and mt is known to have neither __gc nor __mode. 0 (nothing done) otherwise. */
int vm_setmetaplain(VmTable *t, VmTable *mt) {
  if (t->meta != NULL || (t->h.extra & (VM_TPROTO | VM_TWEAKK | VM_TWEAKV)) || !(mt->h.extra & VM_TPLAIN)) return 0;
  t->meta = mt;
  return 1;
}

/* Installs the metatable shared by all strings (the stdlib's, whose __index is the string table). */
void vm_setstringmeta(VmState *L, Value mt) {
  L->g->strmeta = vm_istable(mt) ? mt : VM_NIL;
}

/* The metamethod `event` of metatable mt (NULL allowed), VM_NIL if absent; caches absence. */
Value vm_fasttm(VmTable *mt, int event) {
  Value r;
  if (mt == NULL) return VM_NIL;
  if (event < TM_NCACHED && (mt->h.flags & (1u << event))) return VM_NIL;
  r = vm_rawgetstr(mt, vm_G->tmname[event]);
  if (r == VM_NIL && event < TM_NCACHED) mt->h.flags |= (unsigned char)(1u << event);
  return r;
}

/* The metamethod `event` of any value, VM_NIL if none. */
Value vm_tm(VmState *L, Value o, int event) {
  (void)L;
  return vm_fasttm(metaof(o), event);
}

/* Field `event` (any name) of the metatable of v, VM_NIL if none. */
Value vm_metafield(VmState *L, Value v, const char *event) {
  VmTable *mt = metaof(v);
  VmTmpStr buf;
  (void)L;
  return mt != NULL ? vm_rawgetstr(mt, vm_tmpstr(&buf, event)) : VM_NIL;
}

/* How lua5.4 names a metamethod that the operator of a Lua function calls ("metamethod 'add'"), by event. */
static const char *const tmdesc[TM_N] = {
  "metamethod 'index'", "metamethod 'newindex'", "metamethod 'eq'", "metamethod 'len'", "metamethod 'lt'",
  "metamethod 'le'", "metamethod 'concat'", "metamethod 'call'", "metamethod 'add'", "metamethod 'sub'",
  "metamethod 'mul'", "metamethod 'mod'", "metamethod 'pow'", "metamethod 'div'", "metamethod 'idiv'",
  "metamethod 'band'", "metamethod 'bor'", "metamethod 'bxor'", "metamethod 'shl'", "metamethod 'shr'",
  "metamethod 'unm'", "metamethod 'bnot'", NULL, NULL, "metamethod 'close'", NULL, NULL, NULL, NULL
};

/* Calls metamethod tm with nargs (1-3) arguments placed at L->top; its first result (or nil). Counts as a
** C-level call: nesting is limited to VM_MAXCCALLS ("C stack overflow"), as in lua5.4. event: see rt.h. */
Value vm_callmeta(VmState *L, Value tm, int event, int nargs, Value a, Value b, Value c) {
  Value *base = L->top;
  VmFrame cf;
  char here;
  int r;
  if (base > L->stack_last || &here < L->climit) vm_stackerror(L);
  if (++L->nccalls >= VM_MAXCCALLS) vm_rterror(L, "C stack overflow");
  base[0] = a;
  base[1] = b;
  base[2] = c;
  if (event < 0) {            /* a C caller: errors of the call itself get no position */
    cf.prev = L->frame;
    cf.cl = NULL;
    cf.line = -1;
    L->frame = &cf;
    r = vm_call(L, tm, base, nargs);
    L->frame = cf.prev;
  } else {
    r = vm_calld(L, tm, base, nargs, tmdesc[event]);
  }
  L->nccalls--;
  L->top = base;   /* the result is taken: without this, each metamethod call left the mark one slot higher */
  return r > 0 ? base[0] : VM_NIL;
}

/* ---- Names of types ---- */

/* The type name of v as type() gives it. */
const char *vm_typename(Value v) {
  if (v == VM_NIL) return "nil";
  if (vm_isbool(v)) return "boolean";
  if (vm_isnumber(v)) return "number";
  switch (vm_ptrtype(v)) {
    case VM_TSTRING: return "string";
    case VM_TTABLE: return "table";
    case VM_TFUNC: return "function";
    case VM_TCORO: return "thread";
    default: return "userdata";
  }
}

/* The type name of v for messages: the string __name of its metatable if it has one. */
const char *vm_objtypename(VmState *L, Value v) {
  if (vm_istable(v) || vm_isobj(v, VM_TUSERDATA)) {
    Value name = vm_tm(L, v, TM_NAME);
    if (vm_isstring(name)) return vm_str(name)->s;
  }
  return vm_typename(v);
}

/* "attempt to <op> a <type> value (<d>)" */
VM_NORETURN void vm_typeerror(VmState *L, Value v, const char *op, const char *d) {
  const char *t = vm_objtypename(L, v);
  if (d != NULL) vm_rterror(L, "attempt to %s a %s value (%s)", op, t, d);
  vm_rterror(L, "attempt to %s a %s value", op, t);
}

/* ---- Indexing ---- */

/* o[k] with __index (tables or functions, chains up to VM_MAXTAGLOOP); d describes o for the error
** "attempt to index a nil value (global 'x')". */
Value vm_index(VmState *L, Value o, Value k, const char *d) {
  int loop;
  for (loop = 0; loop < VM_MAXTAGLOOP; loop++) {
    Value tm;
    if (vm_istable(o)) {
      VmTable *t = vm_tab(o);
      Value v = vm_isstring(k) ? vm_rawgetstr(t, k) : vm_rawget(t, k);
      if (v != VM_NIL || (tm = vm_fasttm(t->meta, TM_INDEX)) == VM_NIL) return v;
    } else if ((tm = vm_tm(L, o, TM_INDEX)) == VM_NIL) {
      vm_typeerror(L, o, "index", loop == 0 ? d : NULL);
    }
    if (vm_isfunction(tm)) return vm_callmeta(L, tm, TM_INDEX, 2, o, k, VM_NIL);
    o = tm;
  }
  vm_rterror(L, "'__index' chain too long; possibly a loop");
}

/* o[k] = v with __newindex (tables or functions, chains); d describes o. */
void vm_setindex(VmState *L, Value o, Value k, Value v, const char *d) {
  int loop;
  for (loop = 0; loop < VM_MAXTAGLOOP; loop++) {
    Value tm;
    if (vm_istable(o)) {
      VmTable *t = vm_tab(o);
      if (t->meta == NULL || vm_rawget(t, k) != VM_NIL || (tm = vm_fasttm(t->meta, TM_NEWINDEX)) == VM_NIL) {
        vm_rawset(L, t, k, v);
        return;
      }
    } else if ((tm = vm_tm(L, o, TM_NEWINDEX)) == VM_NIL) {
      vm_typeerror(L, o, "index", loop == 0 ? d : NULL);
    }
    if (vm_isfunction(tm)) {
      vm_callmeta(L, tm, TM_NEWINDEX, 3, o, k, v);
      return;
    }
    o = tm;
  }
  vm_rterror(L, "'__newindex' chain too long; possibly a loop");
}

/* ---- Equality and order ---- */

static int numeq(Value a, Value b) {
  vm_int i;
  if (vm_isint(a) && vm_isint(b)) return vm_toint(a) == vm_toint(b);
  if (vm_isfloat(a) && vm_isfloat(b)) return vm_tofloat(a) == vm_tofloat(b);
  if (vm_isfloat(a)) return vm_flt2int(vm_tofloat(a), &i) && i == vm_toint(b);
  return vm_flt2int(vm_tofloat(b), &i) && i == vm_toint(a);
}

/* a == b without metamethods (1 == 1.0; strings by contents; NaN differs from itself). */
int vm_rawequal(Value a, Value b) {
  if (vm_isnumber(a) && vm_isnumber(b)) return numeq(a, b);
  if (a == b) return 1;
  return vm_isstring(a) && vm_isstring(b) && vm_streq(a, b);
}

/* a == b with __eq, tried only for two tables or two userdata; the result is a boolean. */
int vm_equal(VmState *L, Value a, Value b) {
  int ta;
  Value tm;
  if (vm_isnumber(a) && vm_isnumber(b)) return numeq(a, b);
  if (a == b) return 1;
  if (!vm_isptr(a) || !vm_isptr(b) || (ta = vm_ptrtype(a)) != vm_ptrtype(b)) return 0;
  if (ta == VM_TSTRING) return vm_streq(a, b);
  if (ta != VM_TTABLE && ta != VM_TUSERDATA) return 0;
  tm = vm_tm(L, a, TM_EQ);
  if (tm == VM_NIL) tm = vm_tm(L, b, TM_EQ);
  return tm != VM_NIL && vm_istruthy(vm_callmeta(L, tm, TM_EQ, 2, a, b, VM_NIL));
}

/* Float f rounded by floor (up = 0) or ceil (up = 1) to an integer, if in range. */
static int flt2introunded(double f, int up, vm_int *out) {
  double r = up ? ceil(f) : floor(f);
  if (r >= -0x1p63 && r < 0x1p63) {
    *out = (vm_int)r;
    return 1;
  }
  return 0;
}

static int fitsdouble(vm_int i) { return (vm_uint)i + (1ULL << 53) <= (1ULL << 54); }

/* i < f (le: i <= f), exactly */
static int intltflt(vm_int i, double f, int le) {
  vm_int fi;
  if (fitsdouble(i)) return le ? (double)i <= f : (double)i < f;
  if (flt2introunded(f, !le, &fi)) return le ? i <= fi : i < fi;
  return f > 0;
}

/* f < i (le: f <= i), exactly */
static int fltltint(double f, vm_int i, int le) {
  vm_int fi;
  if (fitsdouble(i)) return le ? f <= (double)i : f < (double)i;
  if (flt2introunded(f, le, &fi)) return le ? fi <= i : fi < i;
  return f < 0;
}

static int numlt(Value a, Value b, int le) {
  if (vm_isint(a)) {
    if (vm_isint(b)) return le ? vm_toint(a) <= vm_toint(b) : vm_toint(a) < vm_toint(b);
    return intltflt(vm_toint(a), vm_tofloat(b), le);
  }
  if (vm_isfloat(b)) return le ? vm_tofloat(a) <= vm_tofloat(b) : vm_tofloat(a) < vm_tofloat(b);
  return fltltint(vm_tofloat(a), vm_toint(b), le);
}

static VM_NORETURN void ordererror(VmState *L, Value a, Value b) {
  const char *t1 = vm_objtypename(L, a), *t2 = vm_objtypename(L, b);
  if (strcmp(t1, t2) == 0) vm_rterror(L, "attempt to compare two %s values", t1);
  vm_rterror(L, "attempt to compare %s with %s", t1, t2);
}

/* Calls the order metamethod `event` of a or b on (a, b); 0 if neither has it. op: the operator's event, which
** names the metamethod in messages (TM_LE also when __lt stands in for a missing __le). */
static int ordertm(VmState *L, Value a, Value b, int event, int op, int *res) {
  Value tm = vm_tm(L, a, event);
  if (tm == VM_NIL) tm = vm_tm(L, b, event);
  if (tm == VM_NIL) return 0;
  *res = vm_istruthy(vm_callmeta(L, tm, op, 2, a, b, VM_NIL));
  return 1;
}

/* a < b: numbers exactly across subtypes, strings byte-wise, else __lt. */
int vm_lessthan(VmState *L, Value a, Value b) {
  int res;
  if (vm_isnumber(a) && vm_isnumber(b)) return numlt(a, b, 0);
  if (vm_isstring(a) && vm_isstring(b)) return vm_strcmp(vm_str(a), vm_str(b)) < 0;
  if (!ordertm(L, a, b, TM_LT, TM_LT, &res)) ordererror(L, a, b);
  return res;
}

/* a <= b: numbers, strings, __le, else not (b < a) through __lt (LUA_COMPAT_LT_LE, on in lua5.4). */
int vm_lessequal(VmState *L, Value a, Value b) {
  int res;
  if (vm_isnumber(a) && vm_isnumber(b)) return numlt(a, b, 1);
  if (vm_isstring(a) && vm_isstring(b)) return vm_strcmp(vm_str(a), vm_str(b)) <= 0;
  if (ordertm(L, a, b, TM_LE, TM_LE, &res)) return res;
  if (ordertm(L, b, a, TM_LT, TM_LE, &res)) return !res;
  ordererror(L, a, b);
}

/* ---- Concatenation and length ---- */

static int isstrnum(Value v) { return vm_isstring(v) || vm_isnumber(v); }

/* The bytes of v, a string or a number (formatted into buf, 64 bytes, as tostring does: no string is made, so
** `"key" .. i` interns one string, not two). */
static const char *strnumview(Value v, char *buf, vm_size *len) {
  if (vm_isstring(v)) {
    *len = vm_str(v)->len;
    return vm_str(v)->s;
  }
  *len = (vm_size)vm_fmtnum(buf, v);
  return buf;
}

/* a .. b: strings and numbers (formatted as tostring does), else __concat of a or b; d describes the
** operands for "attempt to concatenate a nil value (local 'x')". */
Value vm_concat(VmState *L, Value a, Value b, const char *da, const char *db) {
  Value tm;
  VmString *r;
  if (isstrnum(a) && isstrnum(b)) {
    char ba[64], bb[64];
    vm_size la, lb;
    const char *pa = strnumview(a, ba, &la), *pb = strnumview(b, bb, &lb);
    if (lb == 0 && vm_isstring(a)) return a;
    if (la == 0 && vm_isstring(b)) return b;
    r = vm_newstrbuf(L, la + lb);
    memcpy(r->s, pa, la);
    memcpy(r->s + la, pb, lb);
    return vm_strbufdone(r);
  }
  tm = vm_tm(L, a, TM_CONCAT);
  if (tm == VM_NIL) tm = vm_tm(L, b, TM_CONCAT);
  if (tm != VM_NIL) return vm_callmeta(L, tm, TM_CONCAT, 2, a, b, VM_NIL);
  if (isstrnum(a)) vm_typeerror(L, b, "concatenate", db);
  vm_typeerror(L, a, "concatenate", da);
}

/* #a: string length, __len, else the border of a table; d describes a for "attempt to get length of". */
Value vm_lenof(VmState *L, Value a, const char *da) {
  Value tm;
  if (vm_isstring(a)) return vm_mkint((vm_int)vm_str(a)->len);
  if (vm_istable(a)) {
    tm = vm_fasttm(vm_tab(a)->meta, TM_LEN);
    if (tm == VM_NIL) return vm_mkint(vm_rawlen(vm_tab(a)));
  } else if ((tm = vm_tm(L, a, TM_LEN)) == VM_NIL) {
    vm_typeerror(L, a, "get length of", da);
  }
  return vm_callmeta(L, tm, TM_LEN, 2, a, a, VM_NIL);
}

/* ---- Userdata ---- */

/* A new userdata with size zeroed bytes of payload, no metatable. Scanned conservatively. */
VmUserdata *vm_newuserdata(VmState *L, vm_size size) {
  VmUserdata *u = vm_alloc(offsetof(VmUserdata, data) + (size > 0 ? size : 1));
  (void)L;
  u->h.tt = VM_TUSERDATA;
  u->size = size;
  return u;
}
