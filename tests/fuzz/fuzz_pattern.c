/* fuzz_pattern.c: libFuzzer target for the pattern matcher (tests): the pieces are the subject, the pattern, the
** replacement of gsub (decoded by fuzz_arg: a string, or an empty table) and a fourth argument (fuzz_arg), the
** init of find, match and gmatch and the count of gsub. Calls string.find (plain and not), string.match,
** string.gsub, and the iterator of string.gmatch at most 1000 times.
** Backtracking is exponential in the pattern's quantifiers, under lua5.4 too: the subject is cut to 4 KB, less the
** more quantifiers there are (subjectcap), and patterns with more than 8 are skipped, so that no input is slow for that. */
#include "fuzz.h"

#define MAXSUBJECT 4096
#define MAXREPL 64

/* How long a subject may be for pattern p: 4 KB, quartered for each quantifier, 16 bytes at least (a search
** with q quantifiers may take n^(q+1) steps: "l*.*l" on 4 KB of 'l' timed out at 10 s). */
static size_t subjectcap(const FuzzPiece *p) {
  int q = 0;
  for (size_t i = 0; i < p->len; i++)
    if (strchr("*+-?", p->s[i]) != NULL && p->s[i] != '\0') q++;
  if (q > 8) return 0;
  return q <= 4 ? MAXSUBJECT >> (2 * q) : 16;
}

/* Runs the iterator of string.gmatch(s, pat, init) to its end, or 1000 steps. */
static void gmatchall(VmState *L, Value s, Value pat, Value init) {
  Value args[3] = {s, pat, init}, it, none[2] = {VM_NIL, VM_NIL};
  if (fuzz_call(L, "string", "gmatch", args, 3) < 1) return;
  it = L->stack[0];
  for (int i = 0; i < 1000; i++)
    if (fuzz_pcall(L, it, none, 2) < 1 || L->stack[0] == VM_NIL) break;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  VmState *L = fuzz_state(NULL);
  FuzzPiece p[4];
  int n = fuzz_split(data, size, p, 4);
  if (n >= 2 && p[0].len <= subjectcap(&p[1]) && (n < 3 || p[2].len <= MAXREPL)) {
    Value s = vm_newstr(L, p[0].s, p[0].len), pat = vm_newstr(L, p[1].s, p[1].len);
    Value repl = n >= 3 ? fuzz_arg(L, &p[2]) : vm_newcstr(L, "<%0>");
    Value init = n >= 4 ? fuzz_arg(L, &p[3]) : VM_NIL;
    Value a1[4] = {s, pat, init, VM_TRUE}, a2[3] = {s, pat, init}, a3[4] = {s, pat, repl, init};
    fuzz_call(L, "string", "find", a1, 4);
    fuzz_call(L, "string", "find", a2, 3);
    fuzz_call(L, "string", "match", a2, 3);
    fuzz_call(L, "string", "gsub", a3, n >= 4 ? 4 : 3);
    gmatchall(L, s, pat, init);
  }
  fuzz_free(p, n);
  return 0;
}
