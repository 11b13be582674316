/* test_runtime.c: C unit tests of the runtime in isolation (numbers, tables, errors, calls, the collector).
**
** Build and run (lib_openall is stubbed below):
**   cc -I runtime tests/unit/test_runtime.c runtime/[a-z]*.c -lgc -lm -lpthread && ./a.out
** ASan build: add -fsanitize=address,undefined -DVMC_MALLOC_GC and run with
**   ASAN_OPTIONS=detect_stack_use_after_return=0
** Expected values come from lua5.4 (`lua5.4 -e 'print(...)'`).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "rt.h"
#ifndef VMC_MALLOC_GC
#include <gc/gc.h>
#endif

void lib_openall(VmState *L) { (void)L; }

static int failures, checks;
static VmState *TL;

#define CHECK(c) check((c), #c, __LINE__)
static void check(int ok, const char *what, int line) {
  checks++;
  if (!ok) {
    failures++;
    printf("FAIL line %d: %s\n", line, what);
  }
}

/* tostring(v) as a C string (a GC string: alive while on the C stack) */
static const char *str(Value v) { return vm_str(vm_tostring(TL, v))->s; }

#define CHECKSTR(v, s) checkstr((v), (s), __LINE__)
static void checkstr(Value v, const char *expect, int line) {
  const char *got = str(v);
  checks++;
  if (strcmp(got, expect) != 0) {
    failures++;
    printf("FAIL line %d: got \"%s\", expected \"%s\"\n", line, got, expect);
  }
}

static Value S(const char *s) { return vm_newcstr(TL, s); }
static Value I(vm_int i) { return vm_mkint(i); }
static Value F(double d) { return vm_mkfloat(d); }

/* NaNs by their bits (0.0/0.0 is negative on x86, and NAN may be either) */
static double nanbits(unsigned long long bits) {
  union { unsigned long long u; double d; } c;
  c.u = bits;
  return c.d;
}

/* ---- Running C snippets protected ---- */

static Value ga, gb, gc_;
static int gop;
static const char *gda, *gdb;

static Value callc(VmCFunction fn, int *ok) {
  Value *a = TL->top;
  VmClosure *cl = vm_newclosure(TL, fn, &vm_cinfo, 0);
  int r = vm_pcall(TL, vm_mkfunc(cl), a, 0);
  *ok = r >= 0;
  return r != 0 ? a[0] : VM_NIL;
}

/* "ok: <result>" or the error message */
static const char *run(VmCFunction fn) {
  static char buf[4][300];
  static int k;
  int ok;
  Value v = callc(fn, &ok);
  char *b = buf[k++ & 3];
  snprintf(b, 300, "%s%s", ok ? "ok: " : "", str(v));
  return b;
}

#define CHECKRUN(fn, s) checkrun(run(fn), (s), __LINE__)
static void checkrun(const char *got, const char *expect, int line) {
  checks++;
  if (strcmp(got, expect) != 0) {
    failures++;
    printf("FAIL line %d: got \"%s\", expected \"%s\"\n", line, got, expect);
  }
}

static int do_arith(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_arith(L, gop, ga, gb, gda, gdb);
  return 1;
}

static const char *arith(int op, Value a, Value b) {
  gop = op, ga = a, gb = b, gda = "local 'x'", gdb = "local 'y'";
  return run(do_arith);
}

/* ---- Numbers ---- */

static void test_fmtnum(void) {
  CHECKSTR(F(1e15), "1e+15");
  CHECKSTR(F(1e16), "1e+16");
  CHECKSTR(F(100.0), "100.0");
  CHECKSTR(F(-0.0), "-0.0");
  CHECKSTR(F(1.0 / 0.0), "inf");
  CHECKSTR(F(-1.0 / 0.0), "-inf");
  CHECKSTR(F(nanbits(0x7ff8000000000000ULL)), "nan");
  CHECKSTR(F(nanbits(0xfff8000000000000ULL)), "-nan");
  CHECKSTR(F(nanbits(0xfff8000000000001ULL)), "-nan");
  CHECKSTR(F(pow(2, 53)), "9.007199254741e+15");
  CHECKSTR(F(123456789012345.0), "1.2345678901234e+14");
  CHECKSTR(F(0.1), "0.1");
  CHECKSTR(F(1e-310), "1e-310");
  CHECKSTR(F(pow(2, 63)), "9.2233720368548e+18");
  CHECKSTR(F(3.14159265358979), "3.1415926535898");
  CHECKSTR(I(-9223372036854775807LL - 1), "-9223372036854775808");
  CHECKSTR(I(9223372036854775807LL), "9223372036854775807");
  CHECKSTR(I(0), "0");
  CHECKSTR(I(-42), "-42");
  CHECKSTR(I((vm_int)1 << 50), "1125899906842624");
}

static const char *s2n(const char *s) {
  Value v = vm_str2num(s, strlen(s));
  return v == VM_NIL ? "nil" : str(v);
}

#define CHECKS2N(s, e) checkrun(s2n(s), (e), __LINE__)

static void test_str2num(void) {
  CHECKS2N("10", "10");
  CHECKS2N("  0x10  ", "16");
  CHECKS2N("0xffffffffffffffff", "-1");
  CHECKS2N("0x7fffffffffffffffff", "-1");
  CHECKS2N("9223372036854775807", "9223372036854775807");
  CHECKS2N("9223372036854775808", "9.2233720368548e+18");
  CHECKS2N("-9223372036854775808", "-9223372036854775808");
  CHECKS2N("-9223372036854775809", "-9.2233720368548e+18");
  CHECKS2N("1e1", "10.0");
  CHECKS2N(".5", "0.5");
  CHECKS2N("5.", "5.0");
  CHECKS2N("0x1p4", "16.0");
  CHECKS2N("0x.8", "0.5");
  CHECKS2N("0xA.8p1", "21.0");
  CHECKS2N(" 7 ", "7");
  CHECKS2N("\t-3\n", "-3");
  CHECKS2N("0x", "nil");
  CHECKS2N("1e", "nil");
  CHECKS2N("1e+", "nil");
  CHECKS2N("", "nil");
  CHECKS2N(" ", "nil");
  CHECKS2N(".", "nil");
  CHECKS2N("inf", "nil");
  CHECKS2N("nan", "nil");
  CHECKS2N("1 2", "nil");
  CHECKS2N("abc", "nil");
  CHECKS2N("- 1", "nil");
  CHECKS2N("--1", "nil");
  CHECKS2N("1e5000", "inf");
  CHECK(vm_str2num("1\0", 2) == VM_NIL);
  CHECK(vm_str2num("12", 1) == I(1));
}

static void test_arith(void) {
  vm_int mn = -9223372036854775807LL - 1, mx = 9223372036854775807LL;
  checkrun(arith(VM_OPADD, I(mx), I(1)), "ok: -9223372036854775808", __LINE__);
  checkrun(arith(VM_OPMUL, I(mx), I(2)), "ok: -2", __LINE__);
  checkrun(arith(VM_OPIDIV, I(mn), I(-1)), "ok: -9223372036854775808", __LINE__);
  checkrun(arith(VM_OPMOD, I(mn), I(-1)), "ok: 0", __LINE__);
  checkrun(arith(VM_OPIDIV, I(7), I(-2)), "ok: -4", __LINE__);
  checkrun(arith(VM_OPMOD, I(7), I(-2)), "ok: -1", __LINE__);
  checkrun(arith(VM_OPMOD, I(-7), I(2)), "ok: 1", __LINE__);
  checkrun(arith(VM_OPIDIV, I(1), I(0)), "attempt to divide by zero", __LINE__);
  checkrun(arith(VM_OPMOD, I(1), I(0)), "attempt to perform 'n%0'", __LINE__);
  checkrun(arith(VM_OPIDIV, F(1), F(0)), "ok: inf", __LINE__);
  checkrun(arith(VM_OPIDIV, F(-1), F(0)), "ok: -inf", __LINE__);
  checkrun(arith(VM_OPMOD, F(5.3), F(-2)), "ok: -0.7", __LINE__);
  checkrun(arith(VM_OPMOD, F(-5.3), F(2)), "ok: 0.7", __LINE__);
  checkrun(arith(VM_OPMOD, I(5), F(-0.0)), "ok: -nan", __LINE__);
  checkrun(arith(VM_OPMOD, F(1), F(1.0 / 0.0)), "ok: 1.0", __LINE__);
  checkrun(arith(VM_OPMOD, F(-1), F(1.0 / 0.0)), "ok: inf", __LINE__);
  checkrun(arith(VM_OPDIV, I(1), I(2)), "ok: 0.5", __LINE__);
  checkrun(arith(VM_OPPOW, I(2), I(10)), "ok: 1024.0", __LINE__);
  checkrun(arith(VM_OPADD, S("10"), I(1)), "ok: 11", __LINE__);
  checkrun(arith(VM_OPADD, S("0x10"), I(0)), "ok: 16", __LINE__);
  checkrun(arith(VM_OPMUL, S("1e1"), I(1)), "ok: 10.0", __LINE__);
  checkrun(arith(VM_OPUNM, S("2"), S("2")), "ok: -2", __LINE__);
  checkrun(arith(VM_OPADD, S("abc"), I(1)), "attempt to add a 'string' with a 'number'", __LINE__);
  checkrun(arith(VM_OPSUB, I(1), S("x")), "attempt to sub a 'number' with a 'string'", __LINE__);
  checkrun(arith(VM_OPUNM, S("abc"), S("abc")), "attempt to unm a 'string' with a 'string'", __LINE__);
  checkrun(arith(VM_OPADD, S("10"), vm_newtable(TL, 0, 0)), "attempt to add a 'string' with a 'table'", __LINE__);
  checkrun(arith(VM_OPADD, VM_NIL, I(1)), "attempt to perform arithmetic on a nil value (local 'x')", __LINE__);
  checkrun(arith(VM_OPADD, I(1), VM_TRUE), "attempt to perform arithmetic on a boolean value (local 'y')",
           __LINE__);
  checkrun(arith(VM_OPBOR, S("8"), I(1)), "attempt to perform bitwise operation on a string value (local 'x')",
           __LINE__);
  checkrun(arith(VM_OPBOR, F(1.5), I(0)), "number (local 'x') has no integer representation", __LINE__);
  checkrun(arith(VM_OPBAND, I(1), F(pow(2, 63))), "number (local 'y') has no integer representation", __LINE__);
  checkrun(arith(VM_OPBAND, I(3), F(5.0)), "ok: 1", __LINE__);
  checkrun(arith(VM_OPSHL, I(1), I(64)), "ok: 0", __LINE__);
  checkrun(arith(VM_OPSHL, I(1), I(63)), "ok: -9223372036854775808", __LINE__);
  checkrun(arith(VM_OPSHR, I(1), I(-1)), "ok: 2", __LINE__);
  checkrun(arith(VM_OPSHR, I(-1), I(1)), "ok: 9223372036854775807", __LINE__);
  checkrun(arith(VM_OPSHL, I(1), I(-64)), "ok: 0", __LINE__);
  checkrun(arith(VM_OPSHR, I(5), I(mn)), "ok: 0", __LINE__);
  checkrun(arith(VM_OPBNOT, I(0), I(0)), "ok: -1", __LINE__);
  checkrun(arith(VM_OPUNM, I(mn), I(mn)), "ok: -9223372036854775808", __LINE__);
  /* the inline fast paths agree with the slow path at the edges of the immediate range */
  CHECKSTR(vm_add(TL, I(((vm_int)1 << 49) - 1), I(1), NULL, NULL), "562949953421312");
  CHECKSTR(vm_sub(TL, I(-((vm_int)1 << 49)), I(1), NULL, NULL), "-562949953421313");
  CHECKSTR(vm_mul(TL, I((vm_int)1 << 40), I((vm_int)1 << 30), NULL, NULL), "0");
  CHECKSTR(vm_mul(TL, I((vm_int)1 << 40), I(3), NULL, NULL), "3298534883328");
  CHECKSTR(vm_idiv(TL, I(-7), I(2), NULL, NULL), "-4");
  CHECKSTR(vm_mod(TL, I(-7), I(2), NULL, NULL), "1");
  CHECKSTR(vm_mod(TL, I(mx), I(mx - 1), NULL, NULL), "1");
}

static void test_compare(void) {
  double two63 = pow(2, 63), two53 = pow(2, 53);
  vm_int mx = 9223372036854775807LL, mn = -mx - 1;
  CHECK(vm_lessthan(TL, I(mx), F(two63)));
  CHECK(!vm_equal(TL, I(mx), F(two63)));
  CHECK(vm_equal(TL, F(two53), I((vm_int)1 << 53)));
  CHECK(!vm_equal(TL, F(two53), I(((vm_int)1 << 53) + 1)));
  CHECK(vm_lessthan(TL, F(two53), I(((vm_int)1 << 53) + 1)));
  CHECK(vm_lessequal(TL, F(-two63), I(mn)));
  CHECK(!vm_lessthan(TL, F(-two63), I(mn)));
  CHECK(vm_lessthan(TL, I(1), F(1.5)));
  CHECK(!vm_lessthan(TL, F(NAN), I(1)) && !vm_lessthan(TL, I(1), F(NAN)));
  CHECK(!vm_lessequal(TL, I(mx), F(NAN)));
  CHECK(vm_lessthan(TL, I(mx - 1), F(two63)) && vm_lessthan(TL, F(-two63 * 2), I(mn)));
  CHECK(vm_equal(TL, I(1), F(1.0)) && vm_rawequal(I(1), F(1.0)));
  CHECK(!vm_equal(TL, F(NAN), F(NAN)) && !vm_eq(TL, F(NAN), F(NAN)));
  CHECK(vm_eq(TL, I(mx), I(mx)) && vm_eq(TL, S("ab"), S("ab")));
  CHECK(vm_lessthan(TL, vm_newstr(TL, "a\0b", 3), vm_newstr(TL, "a\0c", 3)));
  CHECK(vm_lessthan(TL, S("a"), vm_newstr(TL, "a\0", 2)));
  CHECK(vm_lessthan(TL, S(""), vm_newstr(TL, "\0", 1)));
  CHECK(vm_lessequal(TL, S("abc"), S("abc")) && !vm_lessthan(TL, S("b"), S("abc")));
}

static int do_lt(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_mkbool(gop ? vm_lessequal(L, ga, gb) : vm_lessthan(L, ga, gb));
  return 1;
}

static void test_compare_errors(void) {
  gop = 0, ga = I(1), gb = VM_NIL;
  CHECKRUN(do_lt, "attempt to compare number with nil");
  ga = vm_newtable(TL, 0, 0), gb = vm_newtable(TL, 0, 0);
  CHECKRUN(do_lt, "attempt to compare two table values");
  ga = I(1), gb = S("x");
  CHECKRUN(do_lt, "attempt to compare number with string");
  gop = 1, ga = VM_TRUE, gb = VM_FALSE;
  CHECKRUN(do_lt, "attempt to compare two boolean values");
}

/* ---- Numeric for ---- */

static const char *forloop(Value init, Value limit, Value step) {
  static char buf[400];
  VmFor f;
  int n = 0, len = 0;
  if (vm_forprep(TL, &f, init, limit, step)) {
    do {
      if (n++ < 6) len += snprintf(buf + len, sizeof buf - (size_t)len, "%s ", str(vm_forvalue(&f)));
    } while (vm_forstep(&f) && n < 1000000);
  }
  snprintf(buf + len, sizeof buf - (size_t)len, "#%d", n);
  return buf;
}

#define CHECKFOR(i, l, s, e) checkrun(forloop((i), (l), (s)), (e), __LINE__)

static VmFor gfor;
static int do_forprep(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  vm_forprep(L, &gfor, ga, gb, gc_);
  a[0] = VM_TRUE;
  return 1;
}

static void test_for(void) {
  vm_int mx = 9223372036854775807LL, mn = -mx - 1;
  CHECKFOR(I(1), I(3), I(1), "1 2 3 #3");
  CHECKFOR(I(3), I(1), I(-1), "3 2 1 #3");
  CHECKFOR(I(1), I(0), I(1), "#0");
  CHECKFOR(I(mx - 2), I(mx), I(1), "9223372036854775805 9223372036854775806 9223372036854775807 #3");
  CHECKFOR(I(mn + 2), I(mn), I(-1), "-9223372036854775806 -9223372036854775807 -9223372036854775808 #3");
  CHECKFOR(I(mx - 5), F(1e100), I(4), "9223372036854775802 9223372036854775806 #2");
  CHECKFOR(I(1), F(2.5), I(1), "1 2 #2");
  CHECKFOR(I(3), F(1.5), I(-1), "3 2 #2");
  CHECKFOR(I(1), F(-1e100), I(1), "#0");
  CHECKFOR(I(1), F(NAN), I(1), "#0");
  CHECKFOR(F(1), I(2), F(0.5), "1.0 1.5 2.0 #3");
  CHECKFOR(S("1"), I(2), I(1), "1.0 2.0 #2");
  CHECKFOR(I(1), S("2"), I(1), "1 2 #2");
  CHECKFOR(I(mn), I(mx), I(mx), "-9223372036854775808 -1 9223372036854775806 #3");
  ga = I(1), gb = vm_newtable(TL, 0, 0), gc_ = I(1);
  CHECKRUN(do_forprep, "bad 'for' limit (number expected, got table)");
  ga = I(1), gb = I(2), gc_ = VM_NIL;
  CHECKRUN(do_forprep, "bad 'for' step (number expected, got nil)");
  ga = VM_NIL, gb = I(2), gc_ = I(1);
  CHECKRUN(do_forprep, "bad 'for' initial value (number expected, got nil)");
  ga = I(1), gb = I(2), gc_ = I(0);
  CHECKRUN(do_forprep, "'for' step is zero");
  ga = F(1), gb = I(2), gc_ = F(0);
  CHECKRUN(do_forprep, "'for' step is zero");
}

/* ---- Tables ---- */

static void test_table_basic(void) {
  Value tv = vm_newtable(TL, 0, 0), k, v;
  VmTable *t = vm_tab(tv);
  int i, n;
  for (i = 1; i <= 1000; i++) vm_rawseti(TL, t, i, I(i * 10));
  CHECK(vm_rawlen(t) == 1000);
  CHECK(vm_rawgeti(t, 500) == I(5000));
  CHECK(vm_rawget(t, F(500.0)) == I(5000));
  vm_rawset(TL, t, F(3.0), S("three"));
  CHECKSTR(vm_rawgeti(t, 3), "three");
  vm_rawset(TL, t, S("x"), I(1));
  vm_rawset(TL, t, F(-0.0), S("zero"));
  CHECKSTR(vm_rawgeti(t, 0), "zero");
  vm_rawset(TL, t, F(1.5), S("half"));
  CHECKSTR(vm_rawget(t, F(1.5)), "half");
  vm_rawset(TL, t, I((vm_int)1 << 60), S("big"));
  CHECKSTR(vm_rawget(t, F(pow(2, 60))), "big");
  CHECKSTR(vm_rawgeti(t, (vm_int)1 << 60), "big");
  CHECK(vm_rawget(t, F(NAN)) == VM_NIL);
  CHECK(vm_rawgetstr(t, S("x")) == I(1));
  CHECK(vm_rawget(t, S("y")) == VM_NIL);
  /* # after removing from the end, one by one and in bulk */
  vm_rawseti(TL, t, 1000, VM_NIL);
  CHECK(vm_rawlen(t) == 999);
  for (i = 999; i > 500; i--) vm_rawseti(TL, t, i, VM_NIL);
  CHECK(vm_rawlen(t) == 500);
  vm_rawseti(TL, t, 501, VM_TRUE);
  CHECK(vm_rawlen(t) == 501);
  /* count with next */
  n = 0;
  k = VM_NIL;
  while (vm_next(TL, t, &k, &v)) n++;
  CHECK(n == 501 + 4);  /* x, 0, 1.5, 2^60 */
}

static void test_table_border(void) {
  VmTable *t = vm_tab(vm_newtable(TL, 0, 0));
  int i;
  CHECK(vm_rawlen(t) == 0);
  vm_rawset(TL, t, S("n"), I(3));
  CHECK(vm_rawlen(t) == 0);
  for (i = 100; i >= 1; i--) vm_rawseti(TL, t, i, I(i));  /* backwards: into the hash part first */
  CHECK(vm_rawlen(t) == 100);
  vm_rawseti(TL, t, 101, I(1));
  CHECK(vm_rawlen(t) == 101);
  vm_rawseti(TL, t, 101, VM_NIL);
  vm_rawseti(TL, t, 100, VM_NIL);
  CHECK(vm_rawlen(t) == 99);
  t = vm_tab(vm_newtable(TL, 4, 0));  /* {1, 2, nil, 4} */
  vm_rawseti(TL, t, 1, I(1));
  vm_rawseti(TL, t, 2, I(2));
  vm_rawseti(TL, t, 4, I(4));
  CHECK(vm_rawlen(t) == 4);
  t = vm_tab(vm_newtable(TL, 0, 0));
  vm_rawseti(TL, t, 1, I(1));
  vm_rawseti(TL, t, 3, I(3));
  CHECK(vm_rawlen(t) == 1 || vm_rawlen(t) == 3);
  for (i = 1; i <= 20; i++) vm_rawseti(TL, t, i * 2, I(i));  /* holes: any border will do */
  {
    vm_int b = vm_rawlen(t);
    CHECK((b == 0 || vm_rawgeti(t, b) != VM_NIL) && vm_rawgeti(t, b + 1) == VM_NIL);
  }
}

/* Clearing every field during a traversal visits each key once. */
static void test_next_clearing(void) {
  VmTable *t = vm_tab(vm_newtable(TL, 0, 0));
  Value k = VM_NIL, v;
  int i, n = 0, sum = 0;
  char name[16];
  for (i = 1; i <= 200; i++) {
    snprintf(name, sizeof name, "k%d", i);
    vm_rawset(TL, t, S(name), I(i));
    vm_rawseti(TL, t, i, I(i));
  }
  vm_rawset(TL, t, F(0.5), I(1000));
  while (vm_next(TL, t, &k, &v)) {
    n++;
    sum += (int)vm_toint(v);
    vm_rawset(TL, t, k, VM_NIL);
  }
  CHECK(n == 401);
  CHECK(sum == 2 * (200 * 201 / 2) + 1000);
  k = VM_NIL;
  CHECK(vm_next(TL, t, &k, &v) == 0);
  CHECK(vm_rawlen(t) == 0);
  /* reuse after clearing: dead nodes take new keys */
  for (i = 0; i < 10000; i++) {
    snprintf(name, sizeof name, "n%d", i);
    vm_rawset(TL, t, S(name), I(i));
    vm_rawset(TL, t, S(name), VM_NIL);
  }
  CHECK(t->hmask < 1024);
}

static int do_rawset(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n, (void)a;
  vm_rawset(L, vm_tab(ga), gb, I(1));
  return 0;
}

static int do_next(VmState *L, VmClosure *self, Value *a, int n) {
  Value k = gb, v;
  (void)self, (void)n;
  vm_next(L, vm_tab(ga), &k, &v);
  a[0] = k;
  return 1;
}

static void test_table_errors(void) {
  ga = vm_newtable(TL, 0, 0), gb = VM_NIL;
  CHECKRUN(do_rawset, "table index is nil");
  gb = F(NAN);
  CHECKRUN(do_rawset, "table index is NaN");
  gb = S("nokey");
  CHECKRUN(do_next, "invalid key to 'next'");
}

/* Many keys of every kind, deletions and re-insertions, against a shadow array. */
static void test_table_stress(void) {
  VmTable *t = vm_tab(vm_newtable(TL, 0, 0));
  static Value keys[3000];
  static int present[3000];
  unsigned seed = 1;
  int i, round, bad = 0;
  char name[32];
  for (i = 0; i < 3000; i++) {
    if (i % 3 == 0) snprintf(name, sizeof name, "key%d", i), keys[i] = S(name);
    else if (i % 3 == 1) keys[i] = I(i % 7 == 0 ? -i : i / 2 + 1);
    else keys[i] = F(i + 0.25);
  }
  for (round = 0; round < 20000; round++) {
    seed = seed * 1103515245 + 12345;
    i = (int)((seed >> 8) % 3000);
    if ((seed >> 4) & 1) {
      vm_rawset(TL, t, keys[i], I(i));
      present[i] = 1;
    } else {
      vm_rawset(TL, t, keys[i], VM_NIL);
      present[i] = 0;
    }
  }
  for (i = 0; i < 3000; i++) {
    Value v = vm_rawget(t, keys[i]);
    /* integer keys are shared by several i; check only the ones owning their key */
    if (vm_isint(keys[i])) continue;
    if (present[i] ? v != I(i) : v != VM_NIL) bad++;
  }
  CHECK(bad == 0);
}

/* ---- Metatables, indexing, concatenation, length ---- */

static int idx_fn(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)n;
  a[0] = vm_isstring(a[1]) ? a[1] : I(-1);
  return 1;
}

static int do_index(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_index(L, ga, gb, gda);
  return 1;
}

static int do_concat(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_concat(L, ga, gb, gda, gdb);
  return 1;
}

static int do_len(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_len(L, ga, gda);
  return 1;
}

static int do_call(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  return vm_calld(L, ga, a, 0, gda);
}

static void test_meta(void) {
  Value base = vm_newtable(TL, 0, 0), mt = vm_newtable(TL, 0, 0), obj = vm_newtable(TL, 0, 0), loop;
  int i;
  vm_rawset(TL, vm_tab(base), S("found"), S("yes"));
  vm_rawset(TL, vm_tab(mt), S("__index"), base);
  vm_setmetatable(TL, obj, mt);
  CHECKSTR(vm_getstr(TL, obj, S("found"), NULL), "yes");
  CHECK(vm_getstr(TL, obj, S("missing"), NULL) == VM_NIL);
  for (i = 0; i < 100; i++) {  /* a 100-level chain */
    Value m = vm_newtable(TL, 0, 0), o = vm_newtable(TL, 0, 0);
    vm_rawset(TL, vm_tab(m), S("__index"), obj);
    vm_setmetatable(TL, o, m);
    obj = o;
  }
  CHECKSTR(vm_index(TL, obj, S("found"), NULL), "yes");
  vm_rawset(TL, vm_tab(mt), S("__index"), vm_mkfunc(vm_newclosure(TL, idx_fn, &vm_cinfo, 0)));
  CHECKSTR(vm_index(TL, obj, S("zzz"), NULL), "zzz");  /* cache of absent events forgotten on store */
  loop = vm_newtable(TL, 0, 0);
  vm_rawset(TL, vm_tab(loop), S("__index"), loop);
  vm_setmetatable(TL, loop, loop);
  ga = loop, gb = S("x"), gda = NULL;
  CHECKRUN(do_index, "'__index' chain too long; possibly a loop");
  ga = VM_NIL, gda = "global 'x'";
  CHECKRUN(do_index, "attempt to index a nil value (global 'x')");
  ga = I(1), gda = "field 'y'";
  CHECKRUN(do_index, "attempt to index a number value (field 'y')");
  ga = S("a"), gb = I(1), gda = "local 's'", gdb = NULL;
  CHECKRUN(do_concat, "ok: a1");
  ga = F(1.5), gb = S("x");
  CHECKRUN(do_concat, "ok: 1.5x");
  ga = S("x"), gb = vm_newtable(TL, 0, 0), gda = "local 'a'", gdb = "local 't'";
  CHECKRUN(do_concat, "attempt to concatenate a table value (local 't')");
  ga = VM_NIL, gb = S("x"), gda = NULL;
  CHECKRUN(do_concat, "attempt to concatenate a nil value");
  ga = vm_newstr(TL, "a\0b", 3), gda = "local 's'";
  CHECKRUN(do_len, "ok: 3");
  ga = VM_TRUE, gda = "upvalue 'b'";
  CHECKRUN(do_len, "attempt to get length of a boolean value (upvalue 'b')");
  ga = VM_NIL, gda = "global 'f'";
  CHECKRUN(do_call, "attempt to call a nil value (global 'f')");
  vm_rawset(TL, vm_tab(mt), S("__name"), S("MyType"));
  ga = obj;
  vm_setmetatable(TL, obj, mt);
  gda = "local 'o'";
  CHECKRUN(do_call, "attempt to call a MyType value (local 'o')");
}

/* returns its arguments as a string "n:a,b,c" */
static int args_fn(VmState *L, VmClosure *self, Value *a, int n) {
  char buf[200];
  int i, len = snprintf(buf, sizeof buf, "%d:", n);
  (void)self;
  for (i = 0; i < n; i++) len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s", i ? "," : "", str(a[i]));
  a[0] = vm_newstr(L, buf, (vm_size)len);
  return 1;
}

static int lt_fn(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_mkbool(vm_lessthan(L, vm_rawgetstr(vm_tab(a[0]), S("v")), vm_rawgetstr(vm_tab(a[1]), S("v"))));
  return 1;
}

static int ret42(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)n;
  a[0] = I(42);
  return 1;
}

static int rettable(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_newtable(L, 0, 0);
  return 1;
}

static int recindex(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_index(L, a[0], a[1], NULL);
  return 1;
}

static int do_tostring(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_tostring(L, ga);
  return 1;
}

static Value fn(VmCFunction f) { return vm_mkfunc(vm_newclosure(TL, f, &vm_cinfo, 0)); }

static Value withmeta(const char *event, Value v) {
  Value t = vm_newtable(TL, 0, 0), mt = vm_newtable(TL, 0, 0);
  vm_rawset(TL, vm_tab(mt), S(event), v);
  vm_setmetatable(TL, t, mt);
  return t;
}

static void test_metamethods(void) {
  Value *a = TL->top, o, p, strmt, strtab;
  int r;
  o = withmeta("__call", fn(args_fn));
  a[0] = I(1), a[1] = S("x");
  r = vm_call(TL, o, a, 2);
  CHECK(r == 1 && strncmp(str(a[0]), "3:table: ", 9) == 0 && strstr(str(a[0]), ",1,x") != NULL);
  o = withmeta("__newindex", fn(args_fn));
  vm_setindex(TL, o, S("k"), I(5), NULL);
  CHECK(vm_rawget(vm_tab(o), S("k")) == VM_NIL);
  p = vm_newtable(TL, 0, 0);
  o = withmeta("__newindex", p);
  vm_setindex(TL, o, S("k"), I(5), NULL);
  CHECK(vm_rawget(vm_tab(o), S("k")) == VM_NIL && vm_rawget(vm_tab(p), S("k")) == I(5));
  vm_rawset(TL, vm_tab(o), S("k"), I(1));
  vm_setindex(TL, o, S("k"), I(6), NULL);  /* existing key: raw */
  CHECK(vm_rawget(vm_tab(o), S("k")) == I(6));
  /* __eq: only for two different tables; result converted to a boolean */
  o = withmeta("__eq", fn(ret42));
  p = vm_newtable(TL, 0, 0);
  CHECK(vm_equal(TL, o, p) == 1 && vm_equal(TL, p, o) == 1 && vm_eq(TL, o, o));
  CHECK(!vm_equal(TL, o, I(1)) && !vm_equal(TL, o, S("x")));
  /* __le falls back to not (b < a) with __lt */
  o = withmeta("__lt", fn(lt_fn));
  p = vm_newtable(TL, 0, 0);
  vm_setmetatable(TL, p, vm_getmetatable(TL, o));
  vm_rawset(TL, vm_tab(o), S("v"), I(2));
  vm_rawset(TL, vm_tab(p), S("v"), I(1));
  CHECK(!vm_lessequal(TL, o, p) && vm_lessequal(TL, p, o) && vm_lessthan(TL, p, o));
  /* __concat, __len, __add with a string on the other side, __unm */
  o = withmeta("__concat", fn(args_fn));
  CHECK(strncmp(str(vm_concat(TL, I(1), o, NULL, NULL)), "2:1,table:", 10) == 0);
  o = withmeta("__len", fn(ret42));
  CHECKSTR(vm_len(TL, o, NULL), "42");
  o = withmeta("__add", fn(args_fn));
  CHECK(strncmp(str(vm_arith(TL, VM_OPADD, S("abc"), o, NULL, NULL)), "2:abc,table:", 12) == 0);
  CHECK(strncmp(str(vm_arith(TL, VM_OPADD, S("10"), o, NULL, NULL)), "2:10,table:", 11) == 0);
  o = withmeta("__unm", fn(args_fn));
  CHECK(strncmp(str(vm_unm(TL, o, NULL)), "2:table:", 8) == 0);
  /* __tostring: numbers are accepted, other results are an error; __name */
  ga = withmeta("__tostring", fn(ret42));
  CHECKRUN(do_tostring, "ok: 42");
  ga = withmeta("__tostring", fn(rettable));
  CHECKRUN(do_tostring, "'__tostring' must return a string");
  ga = withmeta("__name", S("MyType"));
  CHECK(strncmp(run(do_tostring), "ok: MyType: 0x", 14) == 0);
  /* strings index through the shared metatable */
  strtab = vm_newtable(TL, 0, 0);
  vm_rawset(TL, vm_tab(strtab), S("len"), I(7));
  strmt = withmeta("x", VM_NIL);
  vm_rawset(TL, vm_tab(strmt), S("__index"), strtab);
  vm_setstringmeta(TL, strmt);
  CHECKSTR(vm_getstr(TL, S("abc"), S("len"), NULL), "7");
  CHECK(vm_getmetatable(TL, S("")) == strmt);
  vm_setstringmeta(TL, VM_NIL);
  /* runaway __index functions end in "C stack overflow", as in lua5.4 */
  o = withmeta("__index", fn(recindex));
  ga = o, gb = S("x"), gda = NULL;
  CHECKRUN(do_index, "C stack overflow");
  CHECK(TL->nccalls == 0);
  /* vm_metafield reads any field of the metatable */
  CHECK(vm_metafield(TL, o, "__index") != VM_NIL && vm_metafield(TL, o, "__gc") == VM_NIL);
  CHECK(vm_metafield(TL, I(1), "__index") == VM_NIL);
}

/* ---- Errors and protected calls ---- */

static const VmLuaInfo luainfo = {.fi = {"f", "t.lua", 3, 0, 0}, .direct = NULL};

static int throws_with_frame(VmState *L, VmClosure *self, Value *a, int n) {
  VmFrame fr;
  (void)self, (void)n;
  vm_enter(L, &fr, vm_newclosure(L, throws_with_frame, &luainfo.fi, 0), &luainfo.fi, a + 1);
  fr.line = 7;
  vm_rterror(L, "boom %d", 42);
}

static int throws_value(VmState *L, VmClosure *self, Value *a, int n) {
  (void)a, (void)n, (void)self;
  vm_throw(L, ga);
}

static int handler_fn(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_concat(L, S("["), vm_concat(L, a[0], S("]"), NULL, NULL), NULL, NULL);
  return 1;
}

static int bad_handler(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n, (void)a;
  vm_throw(L, S("second"));
}

static int nested_pcall(VmState *L, VmClosure *self, Value *a, int n) {
  int r;
  (void)n;
  ga = S("inner");
  r = vm_pcall(L, vm_mkfunc(vm_newclosure(L, throws_value, &vm_cinfo, 0)), a + 1, 0);
  a[0] = r < 0 ? a[1] : VM_NIL;
  CHECK(L->frame == NULL || L->frame->line == -1);
  (void)self;
  return 1;
}

static void test_errors(void) {
  Value *a = TL->top;
  VmFrame *frame = TL->frame;
  int r;
  CHECKRUN(throws_with_frame, "t.lua:7: boom 42");
  CHECK(TL->frame == frame && TL->errjmp == NULL && TL->nccalls == 0 && TL->top == a);
  ga = I(42);
  CHECKRUN(throws_value, "42");
  CHECKRUN(nested_pcall, "ok: inner");
  r = vm_xpcall(TL, vm_mkfunc(vm_newclosure(TL, throws_with_frame, &luainfo.fi, 0)),
                vm_mkfunc(vm_newclosure(TL, handler_fn, &vm_cinfo, 0)), a, 0);
  CHECK(r == -1);
  CHECKSTR(a[0], "[t.lua:7: boom 42]");
  r = vm_xpcall(TL, vm_mkfunc(vm_newclosure(TL, throws_with_frame, &luainfo.fi, 0)),
                vm_mkfunc(vm_newclosure(TL, bad_handler, &vm_cinfo, 0)), a, 0);
  CHECK(r == -1);
  CHECKSTR(a[0], "error in error handling");
  CHECK(TL->frame == frame && TL->errjmp == NULL && TL->nccalls == 0);
}

/* ---- Deep recursion: `local function f(n) return 1 + f(n) end` as generated code would call it ---- */

static const VmLuaInfo finfo = {.fi = {"f", "t.lua", 2, 1, 0}, .direct = NULL};
static long depth;

static int L_f_2(VmState *L, VmClosure *self, Value *a, int n) {
  VmFrame fr;
  Value r;
  vm_enter(L, &fr, self, &finfo.fi, a + 2);
  depth++;
  vm_adjust(a, n, 1);
  fr.line = 2;
  a[1] = a[0];
  r = vm_call(L, vm_mkfunc(self), a + 1, 1) > 0 ? a[1] : VM_NIL;
  a[0] = vm_add(L, vm_mkint(1), r, NULL, "?");
  vm_leave(L, &fr);
  return 1;
}

/* the same with a direct C call, as when the compiler knows the callee */
static vm_int L_g_2(VmState *L, VmClosure *self, vm_int n) {
  VmFrame fr;
  vm_int r;
  vm_enter(L, &fr, self, &finfo.fi, L->top);
  depth++;
  fr.line = 2;
  if (n == 0) return 0;
  r = L_g_2(L, self, n) + 1;
  vm_leave(L, &fr);
  return r;
}

static int g_entry(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = vm_mkint(L_g_2(L, self, 1));
  return 1;
}

static void test_stackoverflow(void) {
  Value *a = TL->top;
  int r;
  depth = 0;
  a[0] = I(1);
  r = vm_pcall(TL, vm_mkfunc(vm_newclosure(TL, L_f_2, &finfo.fi, 0)), a, 1);
  CHECK(r == -1);
  CHECKSTR(a[0], "t.lua:2: stack overflow");
  printf("stack overflow at depth %ld through vm_call (value stack: 1 slot a level)\n", depth);
  depth = 0;
  r = vm_pcall(TL, vm_mkfunc(vm_newclosure(TL, g_entry, &finfo.fi, 0)), a, 0);
  CHECK(r == -1);
  CHECKSTR(a[0], "t.lua:2: stack overflow");
  printf("stack overflow at depth %ld through direct C calls (C stack only)\n", depth);
  CHECK(TL->top == a && TL->frame == NULL);
}

/* ---- Proper tail calls: VM_TAILCALL and the trampoline ---- */

/* function t(k, acc) if k == 0 then return acc, "end" end return t(k - 1, acc + 1, "pad") end: a tail call
** with one argument more than it keeps, 10^7 deep (a C stack could not hold that many frames) */
static int L_t_2(VmState *L, VmClosure *self, Value *a, int n) {
  VmFrame fr;
  Value k, acc;
  vm_enter(L, &fr, self, &finfo.fi, a + n + 4);
  k = n > 0 ? a[0] : VM_NIL;
  acc = n > 1 ? a[1] : VM_NIL;
  fr.line = 2;
  if (k == I(0)) {
    a[0] = acc;
    a[1] = S("end");
    vm_leave(L, &fr);
    return 2;
  }
  a[0] = vm_sub(L, k, I(1), NULL, NULL);
  a[1] = vm_add(L, acc, I(1), NULL, NULL);
  a[2] = S("pad");
  a[3] = vm_mkfunc(self);
  vm_leave(L, &fr);
  return VM_TAILCALL(3);
}

static void test_tailcalls(void) {
  Value *a = TL->top, f = vm_mkfunc(vm_newclosure(TL, L_t_2, &finfo.fi, 0));
  int r;
  CHECK(vm_isluafn(f) && !vm_isluafn(vm_mkfunc(vm_newclosure(TL, L_t_2, &vm_cinfo, 0))) && !vm_isluafn(I(1)));
  a[0] = I(10000000);
  a[1] = I(5);
  r = vm_call(TL, f, a, 2);
  CHECK(r == 2 && a[0] == I(10000005));
  CHECKSTR(a[1], "end");
  CHECK(TL->top == a + 2 && TL->frame == NULL);
  TL->top = a;
  a[0] = I(3);   /* through vm_pcall, and an error after a few tail calls: frames and top come back */
  a[1] = S("x");
  r = vm_pcall(TL, f, a, 2);
  CHECK(r == -1 && TL->top == a && TL->frame == NULL);
  a[0] = I(1);   /* vm_tailcalls directly, as generated code after a direct call */
  a[1] = I(0);
  r = vm_tailcalls(TL, a, L_t_2(TL, vm_fn(f), a, 2));
  CHECK(r == 2 && a[0] == I(1) && TL->frame == NULL);
  TL->top = a;
}

/* ---- The collector sees the value stack ---- */

static void test_gc_roots(void) {
  Value *a = TL->top;
  int i, ok = 1;
  char name[32];
  for (i = 0; i < 100; i++) {
    snprintf(name, sizeof name, "s%d", i);
    a[i] = vm_newtable(TL, 0, 0);
    vm_rawset(TL, vm_tab(a[i]), S("name"), S(name));
  }
  TL->top = a + 100;
  for (i = 0; i < 200000; i++) vm_newtable(TL, 4, 4);  /* garbage */
#ifndef VMC_MALLOC_GC
  GC_gcollect();
#endif
  for (i = 0; i < 100; i++) {
    snprintf(name, sizeof name, "s%d", i);
    ok &= strcmp(str(vm_rawgetstr(vm_tab(a[i]), S("name"))), name) == 0;
  }
  CHECK(ok);
  CHECK(vm_gc(TL, VM_GCCOUNT, 0) > 0 && vm_gc(TL, VM_GCISRUNNING, 0));
  vm_gc(TL, VM_GCCOLLECT, 0);
  TL->top = a;
}

/* Many collections while a ring of live tables is rewritten; everything reachable stays intact. */
static void test_gc_torture(void) {
  static int expect[1000];
  Value *a = TL->top, ring = vm_newtable(TL, 0, 0);
  unsigned seed = 7;
  int round, i, bad = 0;
  char name[32];
  a[0] = ring;
  TL->top = a + 1;
  for (round = 0; round < 300000; round++) {
    Value t = vm_newtable(TL, 0, 0);
    seed = seed * 1103515245 + 12345;
    i = (int)((seed >> 8) % 1000);
    snprintf(name, sizeof name, "n%d", round);
    vm_rawset(TL, vm_tab(t), S("name"), S(name));
    vm_rawset(TL, vm_tab(t), S("big"), I(((vm_int)1 << 60) + round));
    vm_rawseti(TL, vm_tab(t), 1, I(i));
    vm_rawseti(TL, vm_tab(ring), i + 1, t);
    expect[i] = round;
  }
  for (i = 0; i < 1000; i++) {
    Value t = vm_rawgeti(vm_tab(ring), i + 1);
    if (t == VM_NIL) continue;
    snprintf(name, sizeof name, "n%d", expect[i]);
    bad += strcmp(str(vm_rawgetstr(vm_tab(t), S("name"))), name) != 0;
    bad += vm_toint(vm_rawgetstr(vm_tab(t), S("big"))) != ((vm_int)1 << 60) + expect[i];
    bad += vm_rawgeti(vm_tab(t), 1) != I(i);
  }
  CHECK(bad == 0);
  TL->top = a;
}

/* Lua frames directly above one another: the outer one's VmLuaInfo.direct names the inner one, else the inner
** one was reached by tail calls (vm_tailcalls_quiet); level 0 on. */
static const VmLuaInfo anon = {.fi = {NULL, "t.lua", 5, 0, 0}, .direct = NULL};
static const VmCallee maindirect[] = {{&anon.fi, "local 'g'"}, {NULL, NULL}};
static const VmLuaInfo mainfo = {.fi = {"main chunk", "t.lua", 0, 0, 1}, .direct = maindirect};

static void test_traceback(void) {
  VmFrame f1, f2, f3;
  Value tb;
  f1.prev = NULL, f1.cl = vm_newclosure(TL, NULL, &mainfo.fi, 0), f1.line = 9;
  f2.prev = &f1, f2.cl = vm_newclosure(TL, NULL, &anon.fi, 0), f2.line = 6;
  f3.prev = &f2, f3.cl = f2.cl, f3.line = 7;
  TL->frame = &f3;
  tb = vm_traceback_level(TL, TL, "msg", 0);
  TL->frame = NULL;
  CHECKSTR(tb, "msg\nstack traceback:\n\tt.lua:7: in function <t.lua:5>\n\t(...tail calls...)"
               "\n\tt.lua:6: in local 'g'\n\tt.lua:9: in main chunk");
}

/* ---- Coroutines ---- */

/* A coroutine body in C: yields its argument + 1, then returns what the resume passed, plus 100. */
static int cobody(VmState *L, VmClosure *self, Value *a, int n) {
  int r;
  (void)self, (void)n;
  a[0] = I(vm_toint(a[0]) + 1);
  r = vm_cotransfer(L, VM_NIL, a, 1, VM_COYIELD);
  a[0] = I(vm_toint(a[0]) + 100);
  return r;
}

/* Keeps a string and a table in C locals only (its own C stack, or registers saved there) across a yield. */
static int cokeep(VmState *L, VmClosure *self, Value *a, int n) {
  char buf[32];
  Value s, t;
  (void)self, (void)n;
  snprintf(buf, sizeof buf, "kept %d", (int)vm_toint(a[0]));
  s = vm_newcstr(L, buf);
  t = vm_newtable(L, 0, 0);
  vm_rawseti(L, vm_tab(t), 1, s);
  vm_cotransfer(L, VM_NIL, a, 0, VM_COYIELD);
  a[0] = vm_rawgeti(vm_tab(t), 1);
  a[1] = s;
  return 2;
}

static Value newco(VmCFunction body) {
  static const VmFuncInfo info = {"body", "[C]", -1, 0, 1, 0};
  VmClosure *cl = vm_newclosure(TL, body, &info, 0);
  cl->h.flags |= VM_FYIELD;   /* as the library's coroutine functions: a yield may pass it */
  return vm_cocreate(TL, vm_mkfunc(cl));
}

static void test_coroutines(void) {
  Value *a = TL->top, co;
  size_t base = vm_costack_inuse();
  int i, bad = 0, r;
  co = newco(cobody);
  a[0] = co, a[1] = I(41);
  r = vm_cotransfer(TL, co, a, 2, VM_CORESUME);
  CHECK(r == 2 && a[0] == VM_TRUE && a[1] == I(42));
  CHECK(strcmp(vm_costatus(TL, co), "suspended") == 0 && vm_costack_inuse() == base + 1);
  a[0] = co, a[1] = I(1);
  r = vm_cotransfer(TL, co, a, 2, VM_CORESUME);
  CHECK(r == 2 && a[1] == I(101) && strcmp(vm_costatus(TL, co), "dead") == 0);
  CHECK(vm_costack_inuse() == base);          /* a dead coroutine gives its stacks back at once */
  for (i = 0; i < 20000; i++) {               /* run to their end: the pool does not grow */
    co = newco(cobody);
    a[0] = co, a[1] = I(i);
    vm_cotransfer(TL, co, a, 2, VM_CORESUME);
    a[0] = co, a[1] = I(i);
    bad += vm_cotransfer(TL, co, a, 2, VM_CORESUME) != 2 || a[1] != I(i + 100);
    bad += vm_costack_inuse() != base;
  }
  CHECK(bad == 0);
  TL->top = a;
}

/* Objects only a suspended coroutine's C stack refers to survive collections; suspended coroutines nobody
** refers to lose their stacks at a collection (not in the ASan build, which has no collector). */
static void test_coroutines_gc(void) {
  Value *a = TL->top, keep[64];
  int i, bad = 0;
  char buf[32];
  for (i = 0; i < 64; i++) {
    keep[i] = newco(cokeep);
    a[0] = keep[i], a[1] = I(i);
    vm_cotransfer(TL, keep[i], a, 2, VM_CORESUME);
  }
  for (i = 0; i < 2000; i++) newco(cobody), vm_newtable(TL, 4, 4);   /* garbage */
  vm_gc(TL, VM_GCCOLLECT, 0);
  for (i = 0; i < 20000; i++) vm_newtable(TL, 2, 0);                 /* reuse freed memory */
  for (i = 0; i < 64; i++) {
    snprintf(buf, sizeof buf, "kept %d", i);
    a[0] = keep[i];
    bad += vm_cotransfer(TL, keep[i], a, 1, VM_CORESUME) != 3 || !vm_isstring(a[1]) || a[1] != a[2] ||
           strcmp(vm_str(a[1])->s, buf) != 0;
  }
  CHECK(bad == 0);
#ifndef VMC_MALLOC_GC
  {
    size_t before = vm_costack_inuse();
    for (i = 0; i < 10000; i++) {             /* suspended, then dropped */
      Value co = newco(cobody);
      a[0] = co, a[1] = I(i);
      vm_cotransfer(TL, co, a, 2, VM_CORESUME);
    }
    a[0] = a[1] = VM_NIL;
    CHECK(vm_costack_inuse() >= before);
    vm_gc(TL, VM_GCCOLLECT, 0);
    CHECK(vm_costack_inuse() < before + 100);  /* conservative scanning may keep a few */
  }
#endif
  TL->top = a;
}

static void testmain(void *ud) {
  (void)ud;
  TL = vm_openstate();
  test_fmtnum();
  test_str2num();
  test_arith();
  test_compare();
  test_compare_errors();
  test_for();
  test_table_basic();
  test_table_border();
  test_next_clearing();
  test_table_errors();
  test_table_stress();
  test_meta();
  test_metamethods();
  test_errors();
  test_traceback();
  test_gc_roots();
  test_gc_torture();
  test_stackoverflow();
  test_tailcalls();
  test_coroutines();
  test_coroutines_gc();
}

int main(void) {
  vm_gcinit();
  if (!vm_runonstack(testmain, NULL, VM_CSTACK_SIZE)) testmain(NULL);
  printf("%d checks, %d failures\n", checks, failures);
  return failures != 0;
}
