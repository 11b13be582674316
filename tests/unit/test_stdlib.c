/* test_stdlib.c: C unit tests of the standard library, called through the public API as compiled code would.
**
** Build and run (no compiler linked in: load() reports that it cannot compile):
**   cc -D_GNU_SOURCE -I runtime tests/unit/test_stdlib.c runtime/[a-z]*.c stdlib/[a-z]*.c -lgc -lm -lpthread
**   ./a.out
** The state is made by vm_main, exactly as for a compiled program; the checks run as its main chunk.
** Expected values come from lua5.4 (`lua5.4 -e 'print(...)'`).
*/
#include <stdio.h>
#include <string.h>
#include "vmc.h"

static int failures, checks;
static VmState *TL;
static Value *A;              /* value-stack area for the calls */

static Value S(const char *s) { return vm_newcstr(TL, s); }
static Value I(vm_int i) { return vm_mkint(i); }
static Value F(double d) { return vm_mkfloat(d); }

/* lib.name from the global table */
static Value libfn(const char *lib, const char *name) {
  Value t = vm_index(TL, TL->globals, S(lib), NULL);
  return name ? vm_index(TL, t, S(name), NULL) : t;
}

/* Calls lib.name with n arguments, protected; returns the result count (-1: error, message in A[0]). */
static int callv(const char *lib, const char *name, int n, const Value *args) {
  Value f = libfn(lib, name);
  memcpy(A, args, (size_t)n * sizeof(Value));
  return vm_pcall(TL, f, A, n);
}

/* tostring of result i of the last call */
static const char *res(int i) { return vm_str(vm_tostring(TL, A[i]))->s; }

static void expect(const char *what, const char *got, const char *want, int line) {
  checks++;
  if (strcmp(got, want) != 0) {
    failures++;
    printf("FAIL line %d: %s: got \"%s\", expected \"%s\"\n", line, what, got, want);
  }
}

/* The first result (or the error message) of lib.name(args) as a string, compared with want. */
#define CHECK1(lib, name, want, ...) do { \
    Value args_[] = {__VA_ARGS__}; \
    int r_ = callv(lib, name, (int)(sizeof args_ / sizeof args_[0]), args_); \
    expect(name, r_ == 0 ? "(no value)" : res(0), want, __LINE__); \
  } while (0)

/* All results, joined by tabs as print would. */
#define CHECKALL(lib, name, want, ...) do { \
    Value args_[] = {__VA_ARGS__}; \
    int r_ = callv(lib, name, (int)(sizeof args_ / sizeof args_[0]), args_); \
    char buf_[512] = ""; \
    if (r_ < 0) snprintf(buf_, sizeof buf_, "error: %s", res(0)); \
    for (int i_ = 0; i_ < r_; i_++) \
      snprintf(buf_ + strlen(buf_), sizeof buf_ - strlen(buf_), "%s%s", i_ ? "\t" : "", res(i_)); \
    expect(name, buf_, want, __LINE__); \
  } while (0)

static void test_format(void) {
  CHECK1("string", "format", "  001|ff|0X1P-1", S("%5.3d|%x|%A"), I(1), I(255), F(0.5));
  CHECK1("string", "format", "3.14|   ab|ab   |", S("%.2f|%5s|%-5s|"), F(3.14159), S("ab"), S("ab"));
  CHECK1("string", "format", "\"a\\\nb\\0001\\13\"", S("%q"), vm_newstr(TL, "a\nb\0" "1\r", 6));
  CHECK1("string", "format", "0x8000000000000000 1e9999 0x1p+0", S("%q %q %q"), I((vm_int)((vm_uint)1 << 63)),
         F(1.0 / 0.0), F(1.0));
  CHECK1("string", "format", "10 1.5 nil", S("%d %s %s"), F(10.0), F(1.5), VM_NIL);
  CHECK1("string", "format", "bad argument #2 to 'string.format' (number has no integer representation)",
         S("%d"), F(1.5));
  CHECK1("string", "format", "invalid conversion '%y' to 'format'", S("%y"), I(1));
  CHECK1("string", "format", "invalid conversion specification: '%#d'", S("%#d"), I(1));
  CHECK1("string", "format", "bad argument #2 to 'string.format' (no value)", S("%d"));
  CHECK1("string", "format", "%|-0004|+2", S("%%|%05d|%+d"), I(-4), I(2));
}

static void test_string(void) {
  CHECK1("string", "sub", "ll", S("hello"), I(-3), I(-2));
  CHECK1("string", "rep", "ab,ab,ab", S("ab"), I(3), S(","));
  CHECK1("string", "rep", "resulting string too large", S("x"), F(1e10));
  CHECKALL("string", "byte", "104\t101", S("hello"), I(1), I(2));
  CHECK1("string", "char", "bad argument #1 to 'string.char' (value out of range)", I(256));
  CHECK1("string", "upper", "ABC", S("aBc"));
  CHECK1("string", "reverse", "cba", S("abc"));
  CHECKALL("string", "find", "2\t3\tb\tc", S("abc"), S("(b)(c)"));
  CHECKALL("string", "find", "2\t2", S("a.c"), S("."), I(1), VM_TRUE);
  CHECKALL("string", "match", "key\tval", S("key=val"), S("(%w+)=(%w+)"));
  CHECKALL("string", "gsub", "-h-e-l-l-o-\t6", S("hello"), S(""), S("-"));
  CHECKALL("string", "gsub", "def abc\t1", S("abc def"), S("(%w+) (%w+)"), S("%2 %1"));
  CHECK1("string", "find", "malformed pattern (missing ']')", S("abc"), S("[a"));
}

static void test_table(void) {
  Value t = vm_newtable(TL, 0, 0);
  int i;
  for (i = 0; i < 100; i++) vm_rawseti(TL, vm_tab(t), i + 1, I((i * 37) % 101));
  CHECK1("table", "sort", "(no value)", t);
  for (i = 1; i < 100; i++)
    if (vm_toint(vm_rawgeti(vm_tab(t), i)) > vm_toint(vm_rawgeti(vm_tab(t), i + 1))) break;
  expect("sort order", i == 100 ? "sorted" : "unsorted", "sorted", __LINE__);
  t = vm_newtable(TL, 0, 0);
  vm_rawseti(TL, vm_tab(t), 1, I(1));
  vm_rawseti(TL, vm_tab(t), 2, F(2.5));
  vm_rawseti(TL, vm_tab(t), 3, S("x"));
  CHECK1("table", "concat", "1, 2.5, x", t, S(", "));
  CHECK1("table", "insert", "wrong number of arguments to 'insert'", t, I(1), I(2), I(3));
  CHECK1("table", "insert", "bad argument #2 to 'table.insert' (position out of bounds)", t, I(9), I(1));
  CHECKALL("table", "unpack", "1\t2.5\tx", t);
  CHECK1("table", "concat", "invalid value (nil) at index 1 in table for 'concat'", vm_newtable(TL, 0, 0),
         S(""), I(1), I(1));
}

static void test_base_math(void) {
  CHECKALL("math", "modf", "3\t0.5", F(3.5));
  CHECK1("math", "floor", "1.1805916207174e+21", F(1180591620717411303424.0));
  CHECK1("math", "fmod", "bad argument #2 to 'math.fmod' (zero)", I(1), I(0));
  CHECK1("math", "max", "3", I(1), I(3), F(2.5));
  CHECK1("math", "random", "bad argument #1 to 'math.random' (interval is empty)", I(2), I(1));
  CHECK1("_G", "tonumber", "255", S("  ff  "), I(16));
  CHECK1("_G", "tonumber", "bad argument #2 to 'tonumber' (base out of range)", S("1"), I(99));
  CHECK1("_G", "tostring", "1e+15", F(1e15));
  CHECKALL("_G", "select", "b\tc", I(-2), S("a"), S("b"), S("c"));
  CHECK1("_G", "select", "bad argument #1 to 'select' (index out of range)", I(0));
  CHECK1("utf8", "char", "H\xc3\xa4", I(72), I(228));
  CHECKALL("utf8", "len", "nil\t1", S("\xff"));
}

static int run_tests(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  TL = L;
  A = a + 16;
  vm_reserve(L, a + 16);
  test_format();
  test_string();
  test_table();
  test_base_math();
  printf("%d checks, %d failures\n", checks, failures);
  return 0;
}

static const VmFuncInfo testinfo = {"tests", "[C]", -1, 0, 1, 0};

static Value chunk(VmState *L, Value env) {
  (void)env;
  return vm_mkfunc(vm_newclosure(L, run_tests, &testinfo, 0));
}

int main(int argc, char **argv) {
  int st = vm_main(argc, argv, 0, chunk, NULL);
  return st != 0 || failures != 0;
}
