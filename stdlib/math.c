/* math.c: the math library (stdlib layer). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <time.h>

#include "lib.h"

#define PI 3.141592653589793238462643383279502884

/* d as an integer when it has an exact integer value in range, else as a float */
static Value numint(double d) {
  vm_int i;
  return lib_flt2int(d, &i) ? vm_mkint(i) : vm_mkfloat(d);
}

static double arg1(VmState *L, VmClosure *self, Value *a, int n) { return lib_checknum(L, self, a, n, 1); }

static int retfloat(Value *a, double d) {
  a[0] = vm_mkfloat(d);
  return 1;
}

/* ---- Rounding and remainders ---- */

static int l_abs(VmState *L, VmClosure *self, Value *a, int n) {
  if (n >= 1 && vm_isint(a[0])) {
    vm_int i = vm_toint(a[0]);
    if (i < 0) a[0] = vm_mkint((vm_int)(0u - (vm_uint)i));
    return 1;
  }
  return retfloat(a, fabs(arg1(L, self, a, n)));
}

static int l_floor(VmState *L, VmClosure *self, Value *a, int n) {
  if (n >= 1 && vm_isint(a[0])) return 1;
  a[0] = numint(floor(arg1(L, self, a, n)));
  return 1;
}

static int l_ceil(VmState *L, VmClosure *self, Value *a, int n) {
  if (n >= 1 && vm_isint(a[0])) return 1;
  a[0] = numint(ceil(arg1(L, self, a, n)));
  return 1;
}

static int l_fmod(VmState *L, VmClosure *self, Value *a, int n) {
  if (n >= 2 && vm_isint(a[0]) && vm_isint(a[1])) {
    vm_int x = vm_toint(a[0]), d = vm_toint(a[1]);
    if (d == 0) lib_argerror(L, self, 2, "zero");
    a[0] = vm_mkint(d == -1 ? 0 : x % d);    /* -1: avoids the overflow of mininteger % -1 */
    return 1;
  }
  return retfloat(a, fmod(arg1(L, self, a, n), lib_checknum(L, self, a, n, 2)));
}

static int l_modf(VmState *L, VmClosure *self, Value *a, int n) {
  double d, ip;
  if (n >= 1 && vm_isint(a[0])) {
    a[1] = vm_mkfloat(0.0);
    return 2;
  }
  d = arg1(L, self, a, n);
  ip = d < 0 ? ceil(d) : floor(d);
  a[0] = numint(ip);
  a[1] = vm_mkfloat(d == ip ? 0.0 : d - ip);     /* the test gives 0.0 for infinities */
  return 2;
}

static int l_tointeger(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int i;
  if (n >= 1 && vm_tointeger(a[0], &i)) {
    a[0] = vm_mkint(i);
    return 1;
  }
  lib_checkany(L, self, n, 1);
  a[0] = VM_NIL;
  return 1;
}

static int l_type(VmState *L, VmClosure *self, Value *a, int n) {
  static Value names[2];
  lib_checkany(L, self, n, 1);
  if (names[0] == VM_NIL) {
    names[0] = vm_newcstr(L, "integer");
    names[1] = vm_newcstr(L, "float");
  }
  a[0] = vm_isint(a[0]) ? names[0] : vm_isfloat(a[0]) ? names[1] : VM_NIL;
  return 1;
}

static int l_ult(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int x = lib_checkint(L, self, a, n, 1), y = lib_checkint(L, self, a, n, 2);
  a[0] = vm_mkbool((vm_uint)x < (vm_uint)y);
  return 1;
}

/* The index of the max (max 1) or min (0) of a[0..n-1], n >= 1: the first of the extreme ones. They are compared
** with '<' (so any comparable values work, as in lua5.4). */
static int extreme(VmState *L, Value *a, int n, int max) {
  int i, best = 0;
  for (i = 1; i < n; i++)
    if (max ? vm_lt(L, a[best], a[i]) : vm_lt(L, a[i], a[best])) best = i;
  return best;
}

static int l_max(VmState *L, VmClosure *self, Value *a, int n) {
  if (n < 1) lib_argerror(L, self, 1, "value expected");
  a[0] = a[extreme(L, a, n, 1)];
  return 1;
}

static int l_min(VmState *L, VmClosure *self, Value *a, int n) {
  if (n < 1) lib_argerror(L, self, 1, "value expected");
  a[0] = a[extreme(L, a, n, 0)];
  return 1;
}

/* ---- Elementary functions ---- */

static int l_sqrt(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, sqrt(arg1(L, self, a, n))); }
static int l_exp(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, exp(arg1(L, self, a, n))); }
static int l_sin(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, sin(arg1(L, self, a, n))); }
static int l_cos(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, cos(arg1(L, self, a, n))); }
static int l_tan(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, tan(arg1(L, self, a, n))); }
static int l_asin(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, asin(arg1(L, self, a, n))); }
static int l_acos(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, acos(arg1(L, self, a, n))); }

static int l_atan(VmState *L, VmClosure *self, Value *a, int n) {
  double y = arg1(L, self, a, n), x = lib_isnone(a, n, 2) ? 1.0 : lib_checknum(L, self, a, n, 2);
  return retfloat(a, atan2(y, x));
}

static int l_log(VmState *L, VmClosure *self, Value *a, int n) {
  double x = arg1(L, self, a, n), b;
  if (lib_isnone(a, n, 2)) return retfloat(a, log(x));
  b = lib_checknum(L, self, a, n, 2);
  if (b == 2.0) return retfloat(a, log2(x));
  if (b == 10.0) return retfloat(a, log10(x));
  return retfloat(a, log(x) / log(b));
}

static int l_deg(VmState *L, VmClosure *self, Value *a, int n) {
  return retfloat(a, arg1(L, self, a, n) * (180.0 / PI));
}

static int l_rad(VmState *L, VmClosure *self, Value *a, int n) {
  return retfloat(a, arg1(L, self, a, n) * (PI / 180.0));
}

/* ---- Functions of Lua 5.3 that Debian's lua5.4 still has (built with LUA_COMPAT_MATHLIB); math.atan2 is
** math.atan ---- */

static int l_cosh(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, cosh(arg1(L, self, a, n))); }
static int l_sinh(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, sinh(arg1(L, self, a, n))); }
static int l_tanh(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, tanh(arg1(L, self, a, n))); }
static int l_log10(VmState *L, VmClosure *self, Value *a, int n) { return retfloat(a, log10(arg1(L, self, a, n))); }

static int l_pow(VmState *L, VmClosure *self, Value *a, int n) {
  double x = arg1(L, self, a, n), y = lib_checknum(L, self, a, n, 2);
  return retfloat(a, pow(x, y));
}

/* frexp(x): m, e with x = m * 2^e, 0.5 <= |m| < 1; e an integer */
static int l_frexp(VmState *L, VmClosure *self, Value *a, int n) {
  int e;
  a[0] = vm_mkfloat(frexp(arg1(L, self, a, n), &e));
  a[1] = vm_mkint(e);
  return 2;
}

/* ldexp(m, e): m * 2^e. The exponent is truncated to a C int, as lua5.4 does. */
static int l_ldexp(VmState *L, VmClosure *self, Value *a, int n) {
  double m = arg1(L, self, a, n);
  int e = (int)lib_checkint(L, self, a, n, 2);
  return retfloat(a, ldexp(m, e));
}

/* ---- Pseudo-random numbers: xoshiro256** (Blackman and Vigna), seeded as lua5.4 seeds it, so that a given
** math.randomseed(n) gives lua5.4's sequence ---- */

static vm_uint rng[4];

static vm_uint rotl(vm_uint x, int k) { return (x << k) | (x >> (64 - k)); }

static vm_uint nextrand(void) {
  vm_uint r = rotl(rng[1] * 5, 7) * 9, t = rng[1] << 17;
  rng[2] ^= rng[0];
  rng[3] ^= rng[1];
  rng[1] ^= rng[2];
  rng[0] ^= rng[3];
  rng[2] ^= t;
  rng[3] = rotl(rng[3], 45);
  return r;
}

static void setseed(vm_uint n1, vm_uint n2) {
  int i;
  rng[0] = n1;
  rng[1] = 0xff;   /* never an all-zero state */
  rng[2] = n2;
  rng[3] = 0;
  for (i = 0; i < 16; i++) nextrand();
}

/* A value in [0, n] from r, drawing again while r falls out of the smallest 2^b - 1 mask covering n. */
static vm_uint project(vm_uint r, vm_uint n) {
  vm_uint mask = n;
  int sh;
  if ((n & (n + 1)) == 0) return r & n;
  for (sh = 1; sh < 64; sh <<= 1) mask |= mask >> sh;
  while ((r &= mask) > n) r = nextrand();
  return r;
}

static int l_random(VmState *L, VmClosure *self, Value *a, int n) {
  vm_uint r = nextrand();
  vm_int lo, up;
  if (n == 0) return retfloat(a, (double)(r >> 11) * 0x1.0p-53);
  if (n > 2) vm_error(L, "wrong number of arguments");
  lo = n == 2 ? lib_checkint(L, self, a, n, 1) : 1;
  up = lib_checkint(L, self, a, n, n);
  if (n == 1 && up == 0) {
    a[0] = vm_mkint((vm_int)r);
    return 1;
  }
  if (lo > up) lib_argerror(L, self, 1, "interval is empty");
  a[0] = vm_mkint((vm_int)(project(r, (vm_uint)up - (vm_uint)lo) + (vm_uint)lo));
  return 1;
}

static int l_randomseed(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int n1, n2;
  if (n == 0) {
    n1 = (vm_int)time(NULL);
    n2 = (vm_int)(unsigned long)&n1 ^ (vm_int)clock();
  } else {
    n1 = lib_checkint(L, self, a, n, 1);
    n2 = lib_optint(L, self, a, n, 2, 0);
  }
  setseed((vm_uint)n1, (vm_uint)n2);
  a[0] = vm_mkint(n1);
  a[1] = vm_mkint(n2);
  return 2;
}

/* ---- Fast entries (VmFuncInfo.fast): number arguments, the rest to the functions above ---- */

static int fastfloat(VmState *L, Value *a, double d) {
  a[0] = vm_mkfloat(d);
  return vm_fastret(L, a, 1);
}

static int f_abs(LIB_FASTARGS) {
  if (n < 1 || !vm_isnumber(a[0])) LIB_SLOW();
  if (vm_isint(a[0])) {
    vm_int i = vm_toint(a[0]);
    if (i < 0) a[0] = vm_mkint((vm_int)(0u - (vm_uint)i));
    return vm_fastret(L, a, 1);
  }
  return fastfloat(L, a, fabs(vm_tofloat(a[0])));
}

static int f_floor(LIB_FASTARGS) {
  if (n < 1 || !vm_isnumber(a[0])) LIB_SLOW();
  if (!vm_isint(a[0])) a[0] = numint(floor(vm_tofloat(a[0])));
  return vm_fastret(L, a, 1);
}

static int f_ceil(LIB_FASTARGS) {
  if (n < 1 || !vm_isnumber(a[0])) LIB_SLOW();
  if (!vm_isint(a[0])) a[0] = numint(ceil(vm_tofloat(a[0])));
  return vm_fastret(L, a, 1);
}

static int f_sqrt(LIB_FASTARGS) {
  if (n < 1 || !vm_isnumber(a[0])) LIB_SLOW();
  return fastfloat(L, a, sqrt(vm_tonumber(a[0])));
}

/* max and min of numbers (whose comparisons cannot raise) */
static int allnumbers(Value *a, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (!vm_isnumber(a[i])) return 0;
  return n >= 1;
}

static int f_max(LIB_FASTARGS) {
  if (!allnumbers(a, n)) LIB_SLOW();
  a[0] = a[extreme(L, a, n, 1)];
  return vm_fastret(L, a, 1);
}

static int f_min(LIB_FASTARGS) {
  if (!allnumbers(a, n)) LIB_SLOW();
  a[0] = a[extreme(L, a, n, 0)];
  return vm_fastret(L, a, 1);
}

/* ---- Registration ---- */

static const LibReg mathfuncs[] = {
  LIB_FAST("math.abs", l_abs, f_abs),
  LIB_FN("math.acos", l_acos),
  LIB_FN("math.asin", l_asin),
  LIB_FN("math.atan", l_atan),
  LIB_FN("math.atan2", l_atan),
  LIB_FAST("math.ceil", l_ceil, f_ceil),
  LIB_FN("math.cos", l_cos),
  LIB_FN("math.cosh", l_cosh),
  LIB_FN("math.deg", l_deg),
  LIB_FN("math.exp", l_exp),
  LIB_FAST("math.floor", l_floor, f_floor),
  LIB_FN("math.fmod", l_fmod),
  LIB_FN("math.frexp", l_frexp),
  LIB_FN("math.ldexp", l_ldexp),
  LIB_FN("math.log", l_log),
  LIB_FN("math.log10", l_log10),
  LIB_FAST("math.max", l_max, f_max),
  LIB_FAST("math.min", l_min, f_min),
  LIB_FN("math.modf", l_modf),
  LIB_FN("math.pow", l_pow),
  LIB_FN("math.rad", l_rad),
  LIB_FN("math.random", l_random),
  LIB_FN("math.randomseed", l_randomseed),
  LIB_FN("math.sin", l_sin),
  LIB_FN("math.sinh", l_sinh),
  LIB_FAST("math.sqrt", l_sqrt, f_sqrt),
  LIB_FN("math.tan", l_tan),
  LIB_FN("math.tanh", l_tanh),
  LIB_FN("math.tointeger", l_tointeger),
  LIB_FN("math.type", l_type),
  LIB_FN("math.ult", l_ult),
  LIB_END
};

/* Creates the math library in g; seeds the generator from the time, as lua5.4 does. */
void lib_openmath(VmState *L, Value g) {
  Value lib = lib_newlib(L, mathfuncs);
  lib_setfield(L, lib, "pi", vm_mkfloat(PI));
  lib_setfield(L, lib, "huge", vm_mkfloat(HUGE_VAL));
  lib_setfield(L, lib, "maxinteger", vm_mkint((vm_int)(((vm_uint)1 << 63) - 1)));
  lib_setfield(L, lib, "mininteger", vm_mkint((vm_int)((vm_uint)1 << 63)));
  setseed((vm_uint)time(NULL), (vm_uint)(unsigned long)&lib);
  lib_setfield(L, g, "math", lib);
  lib_setloaded(L, "math", lib);
}
