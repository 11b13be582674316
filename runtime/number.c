/* number.c: numbers: formatting, reading numerals, arithmetic with Lua 5.4 semantics, numeric for (runtime layer).
**
** Integers wrap around (arithmetic is done on unsigned values); '//' and '%' round toward minus infinity for
** both subtypes; '/' and '^' always give floats. Bitwise operators work on integers and on floats with an exact
** integer value. Strings take part in arithmetic (not in bitwise operators) as the string metamethods of lua5.4
** do, with their error messages; every other operand goes through the metamethods of the operands.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

#define MAXINT ((vm_int)0x7fffffffffffffffLL)
#define MININT ((vm_int)(-MAXINT - 1))

static const char *const opnames[] = {
  "add", "sub", "mul", "mod", "pow", "div", "idiv", "band", "bor", "bxor", "shl", "shr", "unm", "bnot"
};

/* Boxes an integer outside the immediate range. Atomic: no pointers. */
Value vm_boxint_slow(vm_int i) {
  VmBigInt *b = vm_alloc_atomic(sizeof(VmBigInt));
  b->h.tt = VM_TBIGINT;
  b->h.flags = 0;
  b->h.extra = 0;
  b->i = i;
  return vm_mkptr(b);
}

/* ---- Formatting ---- */

static int fmtint(char *buf, vm_int i) {
  char tmp[24];
  vm_uint u = i < 0 ? 0u - (vm_uint)i : (vm_uint)i;
  int n = 0, len = 0;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (i < 0) buf[len++] = '-';
  while (n > 0) buf[len++] = tmp[--n];
  buf[len] = '\0';
  return len;
}

/* Writes v as lua5.4 prints it into buf (64 bytes at least): integers in decimal, floats with "%.14g" and a
** ".0" added when the result looks like an integer. Returns the length. */
int vm_fmtnum(char *buf, Value v) {
  int n;
  if (vm_isint(v)) return fmtint(buf, vm_toint(v));
  n = snprintf(buf, 64, "%.14g", vm_tofloat(v));
  if (buf[strspn(buf, "-0123456789")] == '\0') {
    buf[n++] = '.';
    buf[n++] = '0';
    buf[n] = '\0';
  }
  return n;
}

/* ---- Reading numerals ---- */

static int isspacec(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Integer numeral: decimal (0 if it overflows: then it is a float) or hexadecimal (wraps around). */
static int str2int(const char *p, const char *e, vm_int *out) {
  vm_uint a = 0;
  int neg = 0, empty = 1, d;
  while (p < e && isspacec(*p)) p++;
  if (p < e && (*p == '-' || *p == '+')) neg = *p++ == '-';
  if (e - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    for (p += 2; p < e && (d = hexval(*p)) >= 0; p++, empty = 0) a = a * 16 + (vm_uint)d;
  } else {
    for (; p < e && *p >= '0' && *p <= '9'; p++, empty = 0) {
      d = *p - '0';
      if (a >= (vm_uint)MAXINT / 10 && (a > (vm_uint)MAXINT / 10 || d > (int)(MAXINT % 10) + neg)) return 0;
      a = a * 10 + (vm_uint)d;
    }
  }
  while (p < e && isspacec(*p)) p++;
  if (empty || p != e) return 0;
  *out = (vm_int)(neg ? 0u - a : a);
  return 1;
}

/* Float numeral (decimal or hexadecimal, as strtod reads them; no "inf" or "nan"); s is NUL-terminated. */
static int str2flt(const char *s, const char *e, double *out) {
  char *end;
  if (strpbrk(s, "nN") != NULL) return 0;
  *out = strtod(s, &end);
  if (end == s) return 0;
  while (end < e && isspacec(*end)) end++;
  return end == e;
}

/* Reads s[0..len-1] as Lua reads a numeral (integers, floats, hex, surrounding spaces); VM_NIL if it is not
** one. A string with a '\0' inside is not a numeral. */
Value vm_str2num(const char *s, vm_size len) {
  char buf[200], *copy;
  vm_int i;
  double d;
  int ok;
  if (str2int(s, s + len, &i)) return vm_mkint(i);
  if (memchr(s, '\0', len) != NULL) return VM_NIL;
  copy = len < sizeof buf ? buf : malloc(len + 1);
  if (copy == NULL) return VM_NIL;
  memcpy(copy, s, len);
  copy[len] = '\0';
  ok = str2flt(copy, copy + len, &d);
  if (copy != buf) free(copy);
  return ok ? vm_mkfloat(d) : VM_NIL;
}

/* v as a number: numbers themselves, numeric strings converted; VM_NIL otherwise. */
Value vm_tonumeric(Value v) {
  if (vm_isnumber(v)) return v;
  if (vm_isstring(v)) return vm_str2num(vm_str(v)->s, vm_str(v)->len);
  return VM_NIL;
}

/* Integer value of v (integers, integral floats, numeric strings); 0 if it has none. */
int vm_tointeger(Value v, vm_int *out) {
  if (vm_isstring(v)) v = vm_tonumeric(v);
  if (vm_isint(v)) {
    *out = vm_toint(v);
    return 1;
  }
  return vm_isfloat(v) && vm_flt2int(vm_tofloat(v), out);
}

/* ---- Arithmetic ---- */

static vm_int shiftl(vm_int x, vm_int y) {
  if (y < 0) return y <= -64 ? 0 : (vm_int)((vm_uint)x >> (vm_uint)(-y));
  return y >= 64 ? 0 : (vm_int)((vm_uint)x << y);
}

static vm_int imod(VmState *L, vm_int x, vm_int y) {
  vm_int r;
  if (rt_unlikely(y == 0)) vm_rterror(L, "attempt to perform 'n%%0'");
  if (y == -1) return 0;
  r = x % y;
  return (r != 0 && (r ^ y) < 0) ? r + y : r;
}

static vm_int idiv(VmState *L, vm_int x, vm_int y) {
  vm_int q;
  if (rt_unlikely(y == 0)) vm_rterror(L, "attempt to divide by zero");
  if (y == -1) return (vm_int)(0u - (vm_uint)x);
  q = x / y;
  return ((x ^ y) < 0 && x % y != 0) ? q - 1 : q;
}

static vm_int intarith(VmState *L, int op, vm_int x, vm_int y) {
  vm_uint ux = (vm_uint)x, uy = (vm_uint)y;
  switch (op) {
    case VM_OPADD: return (vm_int)(ux + uy);
    case VM_OPSUB: return (vm_int)(ux - uy);
    case VM_OPMUL: return (vm_int)(ux * uy);
    case VM_OPMOD: return imod(L, x, y);
    case VM_OPIDIV: return idiv(L, x, y);
    case VM_OPBAND: return (vm_int)(ux & uy);
    case VM_OPBOR: return (vm_int)(ux | uy);
    case VM_OPBXOR: return (vm_int)(ux ^ uy);
    case VM_OPSHL: return shiftl(x, y);
    case VM_OPSHR: return shiftl(x, (vm_int)(0u - uy));
    case VM_OPUNM: return (vm_int)(0u - ux);
    default: return (vm_int)~ux;  /* VM_OPBNOT */
  }
}

static double fltarith(int op, double x, double y) {
  double m;
  switch (op) {
    case VM_OPADD: return x + y;
    case VM_OPSUB: return x - y;
    case VM_OPMUL: return x * y;
    case VM_OPDIV: return x / y;
    case VM_OPPOW: return y == 2 ? x * x : pow(x, y);
    case VM_OPIDIV: return floor(x / y);
    case VM_OPUNM: return copysign(x, signbit(x) ? 1.0 : -1.0);  /* not 0.0 - x (NaN signs) */
    default:  /* VM_OPMOD: fmod has the sign of x; a nonzero result of the other sign than y gets y added */
      m = fmod(x, y);
      if (m > 0 ? y < 0 : (m < 0 && y > 0)) m += y;
      return m;
  }
}

/* a op b for two numbers (not bitwise) */
static Value numarith(VmState *L, int op, Value a, Value b) {
  if (op != VM_OPDIV && op != VM_OPPOW && vm_isint(a) && vm_isint(b))
    return vm_mkint(intarith(L, op, vm_toint(a), vm_toint(b)));
  return vm_mkfloat(fltarith(op, vm_tonumber(a), vm_tonumber(b)));
}

static int numtoint(Value v, vm_int *out) {
  if (vm_isint(v)) {
    *out = vm_toint(v);
    return 1;
  }
  return vm_flt2int(vm_tofloat(v), out);
}

/* "number (local 'x') has no integer representation", naming the first operand that has none */
static VM_NORETURN void tointerror(VmState *L, Value a, const char *da, const char *db) {
  vm_int dummy;
  const char *d = numtoint(a, &dummy) ? db : da;
  if (d != NULL) vm_rterror(L, "number (%s) has no integer representation", d);
  vm_rterror(L, "number has no integer representation");
}

/* The culprit of a failed operation: the first operand unless it is a number. */
static VM_NORETURN void opinterror(VmState *L, Value a, Value b, const char *da, const char *db, const char *msg) {
  if (!vm_isnumber(a)) vm_typeerror(L, a, msg, da);
  vm_typeerror(L, b, msg, db);
}

/* lua5.4 runs these in C metamethods of the string library: tracebacks show one ("[C]: in metamethod 'add'"). */
static const char *const strmetadesc[] = {
  "metamethod 'add'", "metamethod 'sub'", "metamethod 'mul'", "metamethod 'mod'", "metamethod 'pow'",
  "metamethod 'div'", "metamethod 'idiv'", "metamethod 'band'", "metamethod 'bor'", "metamethod 'bxor'",
  "metamethod 'shl'", "metamethod 'shr'", "metamethod 'unm'", "metamethod 'bnot'"
};
static VmClosure *strmetacl;   /* stands for those C functions in tracebacks (static data: a GC root) */

static int strmetafn(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)a, (void)n;
  return 0;
}

/* The slow path of the string metamethods: the second operand's metamethod, else an error naming the operation
** and both types. Runs as lua5.4's C metamethod would, with a record of its call on the stack (see VmCall). */
static Value strmeta(VmState *L, int op, Value a, Value b) {
  Value tm;
  VmCall rec;
  if (strmetacl == NULL) strmetacl = vm_newclosure(L, strmetafn, &vm_cinfo, 0);
  rec.prev = L->calls;
  rec.cl = strmetacl;
  rec.d = strmetadesc[op];
  rec.frame = L->frame;
  L->calls = &rec;
  if (!vm_isstring(b) && (tm = vm_tm(L, b, TM_ADD + op)) != VM_NIL) {
    Value r = vm_callmeta(L, tm, -1, 2, a, b, VM_NIL);
    L->calls = rec.prev;
    return r;
  }
  vm_error(L, "attempt to %s a '%s' with a '%s'", opnames[op], vm_typename(a), vm_typename(b));
}

/* What the string metamethods of lua5.4 do: both operands as numbers, else strmeta. */
static Value strarith(VmState *L, int op, Value a, Value b) {
  Value x = vm_tonumeric(a), y = vm_tonumeric(b);
  if (x != VM_NIL && y != VM_NIL) return numarith(L, op, x, y);
  return strmeta(L, op, a, b);
}

static Value arithmeta(VmState *L, int op, Value a, Value b, const char *da, const char *db) {
  Value tm;
  if (vm_isstring(a)) return strarith(L, op, a, b);
  tm = vm_tm(L, a, TM_ADD + op);
  if (tm == VM_NIL) {
    if (vm_isstring(b)) return strarith(L, op, a, b);
    tm = vm_tm(L, b, TM_ADD + op);
  }
  if (tm != VM_NIL) return vm_callmeta(L, tm, TM_ADD + op, 2, a, b, VM_NIL);
  opinterror(L, a, b, da, db, "perform arithmetic on");
}

static Value bitwise(VmState *L, int op, Value a, Value b, const char *da, const char *db) {
  vm_int x, y;
  Value tm;
  if (vm_isnumber(a) && vm_isnumber(b)) {
    if (numtoint(a, &x) && numtoint(b, &y)) return vm_mkint(intarith(L, op, x, y));
    tointerror(L, a, da, db);
  }
  tm = vm_tm(L, a, TM_ADD + op);
  if (tm == VM_NIL) tm = vm_tm(L, b, TM_ADD + op);
  if (tm != VM_NIL) return vm_callmeta(L, tm, TM_ADD + op, 2, a, b, VM_NIL);
  opinterror(L, a, b, da, db, "perform bitwise operation on");
}

/* a op b (op: VM_OP*; unary operators pass the operand twice) with all of Lua's semantics: integer and float
** arithmetic, string coercion, metamethods, and lua5.4's error messages naming the culprit by da or db. */
Value vm_arith(VmState *L, int op, Value a, Value b, const char *da, const char *db) {
  if ((op >= VM_OPBAND && op <= VM_OPSHR) || op == VM_OPBNOT) return bitwise(L, op, a, b, da, db);
  if (vm_isnumber(a) && vm_isnumber(b)) return numarith(L, op, a, b);
  return arithmeta(L, op, a, b, da, db);
}

/* ---- Numeric for ---- */

static VM_NORETURN void forerror(VmState *L, Value v, const char *what) {
  vm_rterror(L, "bad 'for' %s (number expected, got %s)", what, vm_objtypename(L, v));
}

/* Float limit to an integer limit (floor for ascending loops, ceil for descending ones). */
static int fltlimit(double fl, vm_int step, vm_int *p) {
  double f = step < 0 ? ceil(fl) : floor(fl);
  if (f >= -0x1p63 && f < 0x1p63) {
    *p = (vm_int)f;
    return 1;
  }
  return 0;
}

/* The integer limit of an integer loop; 1 if the loop must not run at all. */
static int forlimit(VmState *L, vm_int init, Value lim, vm_int step, vm_int *p) {
  Value n = vm_tonumeric(lim);
  if (n == VM_NIL) forerror(L, lim, "limit");
  if (vm_isint(n)) {
    *p = vm_toint(n);
  } else if (!fltlimit(vm_tofloat(n), step, p)) {
    if (vm_tofloat(n) > 0) {  /* beyond the integers above: the loop runs up to maxinteger */
      if (step < 0) return 1;
      *p = MAXINT;
    } else {                  /* below them, or NaN */
      if (step > 0) return 1;
      *p = MININT;
    }
  }
  return step > 0 ? init > *p : init < *p;
}

static int forprepint(VmState *L, VmFor *f, vm_int init, Value limit, vm_int step) {
  vm_int lim;
  vm_uint count;
  if (step == 0) vm_rterror(L, "'for' step is zero");
  f->isint = 1;
  f->i = init;
  f->step = step;
  if (forlimit(L, init, limit, step, &lim)) return 0;
  if (step > 0) {
    count = (vm_uint)lim - (vm_uint)init;
    if (step != 1) count /= (vm_uint)step;
  } else {
    count = (vm_uint)init - (vm_uint)lim;
    count /= (vm_uint)(-(step + 1)) + 1u;
  }
  f->count = count;
  return 1;
}

/* Prepares a numeric for loop with Lua 5.4's rules: an integer loop when init and step are integers (the
** number of iterations computed in advance, so that it never overflows), a float loop otherwise. Returns 0
** if the loop runs no iteration. */
int vm_forprep(VmState *L, VmFor *f, Value init, Value limit, Value step) {
  Value l, s, i;
  if (vm_isint(init) && vm_isint(step)) return forprepint(L, f, vm_toint(init), limit, vm_toint(step));
  if ((l = vm_tonumeric(limit)) == VM_NIL) forerror(L, limit, "limit");
  if ((s = vm_tonumeric(step)) == VM_NIL) forerror(L, step, "step");
  if ((i = vm_tonumeric(init)) == VM_NIL) forerror(L, init, "initial value");
  f->isint = 0;
  f->fi = vm_tonumber(i);
  f->flimit = vm_tonumber(l);
  f->fstep = vm_tonumber(s);
  if (f->fstep == 0) vm_rterror(L, "'for' step is zero");
  return f->fstep > 0 ? !(f->flimit < f->fi) : !(f->fi < f->flimit);
}
