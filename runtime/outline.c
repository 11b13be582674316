/* outline.c: out-of-line copies of vmc.h's inline fast paths, for code compiled by tcc (runtime layer).
** tcc inlines nothing: it compiles each inline function of vmc.h that a unit uses as a static of that unit, with
** its own code generator. Under tcc, vmc.h's macros fall back to these instead, and the fast paths without a macro
** are these: the same source, compiled once by the compiler that built the runtime. */
#include "vmc.h"

Value vm_add_x(VmState *L, Value a, Value b, const char *da, const char *db) { return vm_add(L, a, b, da, db); }
Value vm_sub_x(VmState *L, Value a, Value b, const char *da, const char *db) { return vm_sub(L, a, b, da, db); }
Value vm_mul_x(VmState *L, Value a, Value b, const char *da, const char *db) { return vm_mul(L, a, b, da, db); }
Value vm_div_x(VmState *L, Value a, Value b, const char *da, const char *db) { return vm_div(L, a, b, da, db); }
Value vm_mod_x(VmState *L, Value a, Value b, const char *da, const char *db) { return vm_mod(L, a, b, da, db); }
Value vm_idiv_x(VmState *L, Value a, Value b, const char *da, const char *db) { return vm_idiv(L, a, b, da, db); }
Value vm_unm_x(VmState *L, Value a, const char *da) { return vm_unm(L, a, da); }
int vm_eq_x(VmState *L, Value a, Value b) { return vm_eq(L, a, b); }
int vm_lt_x(VmState *L, Value a, Value b) { return vm_lt(L, a, b); }
int vm_le_x(VmState *L, Value a, Value b) { return vm_le(L, a, b); }
Value vm_get_x(VmState *L, Value o, Value k, const char *d) { return vm_get(L, o, k, d); }
Value vm_getstr_x(VmState *L, Value o, Value k, const char *d) { return vm_getstr(L, o, k, d); }
void vm_set_x(VmState *L, Value o, Value k, Value v, const char *d) { vm_set(L, o, k, v, d); }
Value vm_forvalue_x(VmFor *f) { return vm_forvalue(f); }
int vm_forstep_x(VmFor *f) { return vm_forstep(f); }
