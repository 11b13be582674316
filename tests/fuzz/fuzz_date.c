/* fuzz_date.c: libFuzzer target for os.date (tests): the input is the format, whole; the time is fixed
** (2024-02-29 13:37:42 UTC, a leap day) and TZ is UTC for the whole run, so that a finding can be repeated. */
#include "fuzz.h"

#define FIXEDTIME 1709213862

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int tzdone;
  VmState *L = fuzz_state(NULL);
  Value a[2];
  if (!tzdone) setenv("TZ", "UTC", 1), tzdone = 1;
  a[0] = vm_newstr(L, (const char *)data, size);
  a[1] = vm_mkint(FIXEDTIME);
  fuzz_call(L, "os", "date", a, 2);
  return 0;
}
