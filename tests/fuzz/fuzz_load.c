/* fuzz_load.c: libFuzzer target for load of binary chunks (tests): the input, whole, is the chunk, loaded with
** mode "b" through the run-time compiler (libtcc, as `vmc run` has it). load must give a function or fail with
** a message; a function it gives is dumped again (string.dump), never called, so that a mutated body cannot
** loop. Seeds are string.dump's output (tests/fuzz/seeds/load, made by tools/fuzz_seeds_load.lua). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  VmState *L = fuzz_state(vmc_compile_hook);
  Value a[4];
  a[0] = vm_newstr(L, (const char *)data, size);
  a[1] = vm_newcstr(L, "=fuzz");
  a[2] = vm_newcstr(L, "b");
  if (fuzz_call(L, "_G", "load", a, 3) >= 1 && vm_isfunction(L->stack[0])) {
    a[0] = L->stack[0];
    fuzz_call(L, "string", "dump", a, 1);
  }
  return 0;
}
