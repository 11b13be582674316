/* fuzz_tonumber.c: libFuzzer target for tonumber (tests): piece 1 is the string converted, piece 2 the base
** (decoded by fuzz_arg: "i16", "f2.5", "s10", ...). Calls tonumber(s) and, with a base, tonumber(s, base). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  VmState *L = fuzz_state(NULL);
  FuzzPiece p[2];
  int n = fuzz_split(data, size, p, 2);
  if (n >= 1) {
    Value a[2];
    Value f = vm_index(L, L->globals, vm_newcstr(L, "tonumber"), NULL);
    a[0] = vm_newstr(L, p[0].s, p[0].len);
    fuzz_pcall(L, f, a, 1);
    if (n >= 2) {
      a[0] = vm_newstr(L, p[0].s, p[0].len), a[1] = fuzz_arg(L, &p[1]);
      fuzz_pcall(L, f, a, 2);
    }
  }
  fuzz_free(p, n);
  return 0;
}
