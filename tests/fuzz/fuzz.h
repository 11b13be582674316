/* fuzz.h: what the libFuzzer targets of tests/fuzz share (tests, over the runtime and stdlib layers).
**
** One state for the whole run, opened on the first input with every library, as a compiled program has it; each
** input then becomes the arguments of a protected call (vm_pcall) of a library function, so that a Lua error is
** an ordinary outcome and only a crash or a sanitizer report is a finding.
**
** An input is split into pieces: its first byte is the separator, the rest is cut at each occurrence of it (so
** seeds stay readable: "|%d|i42" is the pieces "%d" and "i42"). fuzz_arg turns a piece into a value by its first
** byte: 'i' an integer (strtoll, any base prefix), 'f' a float (strtod), 's' the string that follows, 'n' nil,
** 't' true, 'F' false, 'T' an empty table; a piece starting with anything else is a string, whole.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

#define FUZZ_MAXPIECES 16

typedef struct FuzzPiece {
  const char *s;     /* NUL-terminated copy (freed by fuzz_split's caller through fuzz_free) */
  size_t len;
} FuzzPiece;

static VmState *FL;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The state, opened on first use; hook: the run-time compiler for load (NULL: none linked in). */
static inline VmState *fuzz_state(VmCompileHook hook) {
  if (FL == NULL) {
    FL = vm_openstate();
    FL->g->hook = hook;
    FL->top = FL->stack;
    lib_openall(FL);
  }
  FL->top = FL->stack;
  return FL;
}

/* Cuts data (see the file's comment) into at most max pieces (the last one keeps the rest); their number. */
static inline int fuzz_split(const uint8_t *data, size_t size, FuzzPiece *p, int max) {
  int n = 0;
  size_t i = 1, start = 1;
  if (size == 0) return 0;
  for (;; i++) {
    if (i == size || (data[i] == data[0] && n < max - 1)) {
      char *s = malloc(i - start + 1);
      memcpy(s, data + start, i - start);
      s[i - start] = '\0';
      p[n].s = s, p[n].len = i - start;
      n++;
      start = i + 1;
      if (i == size) break;
    }
  }
  return n;
}

static inline void fuzz_free(FuzzPiece *p, int n) {
  for (int i = 0; i < n; i++) free((void *)p[i].s);
}

/* The value a piece stands for (see the file's comment). */
static inline Value fuzz_arg(VmState *L, const FuzzPiece *p) {
  switch (p->len > 0 ? p->s[0] : 0) {
  case 'i': return vm_mkint((vm_int)strtoull(p->s + 1, NULL, 0));
  case 'f': return vm_mkfloat(strtod(p->s + 1, NULL));
  case 's': return vm_newstr(L, p->s + 1, p->len - 1);
  case 'n': return VM_NIL;
  case 't': return VM_TRUE;
  case 'F': return VM_FALSE;
  case 'T': return vm_newtable(L, 0, 0);
  default: return vm_newstr(L, p->s, p->len);
  }
}

/* lib.name from the globals */
static inline Value fuzz_fn(VmState *L, const char *lib, const char *name) {
  Value t = vm_index(L, L->globals, vm_newcstr(L, lib), NULL);
  return vm_index(L, t, vm_newcstr(L, name), NULL);
}

/* Calls f with the n values of args in protected mode, at the bottom of the value stack; the number of results
** (in L->stack[0..]) or -1 for an error. */
static inline int fuzz_pcall(VmState *L, Value f, const Value *args, int n) {
  Value *a = L->stack;
  memcpy(a, args, (size_t)n * sizeof(Value));
  L->top = a + n;
  n = vm_pcall(L, f, a, n);
  L->top = a;
  return n;
}

/* lib.name(args...) in protected mode, as fuzz_pcall. */
static inline int fuzz_call(VmState *L, const char *lib, const char *name, const Value *args, int n) {
  return fuzz_pcall(L, fuzz_fn(L, lib, name), args, n);
}
