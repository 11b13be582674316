/* fuzz_pack.c: libFuzzer target for string.pack, string.unpack and string.packsize (tests): piece 1 is the
** format, piece 2 the data unpack reads (a string, whole), piece 3 unpack's position (decoded by fuzz_arg), the
** rest the values pack packs (fuzz_arg). A format with a count of 6 digits or more is skipped: "c999999999"
** packs a gigabyte, as lua5.4 would. */
#include <ctype.h>
#include "fuzz.h"

static int hugecount(const FuzzPiece *f) {
  int run = 0;
  for (size_t i = 0; i < f->len; i++) {
    run = isdigit((unsigned char)f->s[i]) ? run + 1 : 0;
    if (run >= 6) return 1;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  VmState *L = fuzz_state(NULL);
  FuzzPiece p[FUZZ_MAXPIECES];
  Value a[FUZZ_MAXPIECES];
  int n = fuzz_split(data, size, p, FUZZ_MAXPIECES);
  if (n >= 1 && !hugecount(&p[0])) {
    Value fmt = vm_newstr(L, p[0].s, p[0].len);
    a[0] = fmt;
    fuzz_call(L, "string", "packsize", a, 1);
    if (n >= 2) {
      a[0] = fmt, a[1] = vm_newstr(L, p[1].s, p[1].len), a[2] = n >= 3 ? fuzz_arg(L, &p[2]) : VM_NIL;
      fuzz_call(L, "string", "unpack", a, n >= 3 ? 3 : 2);
    }
    a[0] = fmt;
    for (int i = 3; i < n; i++) a[i - 2] = fuzz_arg(L, &p[i]);
    if (fuzz_call(L, "string", "pack", a, n > 3 ? n - 2 : 1) == 1) {   /* and back */
      a[1] = L->stack[0];
      fuzz_call(L, "string", "unpack", a, 2);
    }
  }
  fuzz_free(p, n);
  return 0;
}
