/* fuzz_format.c: libFuzzer target for string.format (tests): piece 1 is the format, the others its arguments
** (decoded by fuzz_arg, fuzz.h). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  VmState *L = fuzz_state(NULL);
  FuzzPiece p[FUZZ_MAXPIECES];
  Value args[FUZZ_MAXPIECES];
  int n = fuzz_split(data, size, p, FUZZ_MAXPIECES);
  if (n == 0) return 0;
  args[0] = vm_newstr(L, p[0].s, p[0].len);
  for (int i = 1; i < n; i++) args[i] = fuzz_arg(L, &p[i]);
  fuzz_call(L, "string", "format", args, n);
  fuzz_free(p, n);
  return 0;
}
