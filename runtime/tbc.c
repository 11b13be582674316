/* tbc.c: to-be-closed values, the <close> variables and the closing value of a generic for (runtime layer).
**
** Each state keeps its pending to-be-closed values in a growable array reachable from the VmState (VmState.tbc),
** oldest first, so that the collector sees them. Generated code pushes a value when its variable is declared
** (vm_tbcpush: nil and false too, as placeholders, so that an activation's k-th <close> scope is its k-th entry)
** and closes the values of a scope when the scope ends (vm_tbcclose). An error closes the values it unwinds in
** vm_pcall, through vm_closepending (error.c). As in lua5.4, values are closed newest first by calling their
** __close metamethod with the value and the error object (nil when no error is on its way).
*/
#include "rt.h"

/* Room for one more value on L's list. */
static void grow(VmState *L) {
  int cap = L->tbccap ? L->tbccap * 2 : 16;
  L->tbc = vm_realloc(L->tbc, (vm_size)L->tbccap * sizeof(Value), (vm_size)cap * sizeof(Value));
  L->tbccap = cap;
}

/* Pushes v for the to-be-closed variable `name`; errors unless v is nil, false or has a __close metamethod. */
void vm_tbcpush(VmState *L, Value v, const char *name) {
  if (vm_istruthy(v) && vm_tm(L, v, TM_CLOSE) == VM_NIL)
    vm_rterror(L, "variable '%s' got a non-closable value", name);
  if (L->ntbc == L->tbccap) grow(L);
  L->tbc[L->ntbc++] = v;
}

/* Removes the newest pending value of L and returns it. */
Value vm_tbcpop(VmState *L) {
  Value v = L->tbc[--L->ntbc];
  L->tbc[L->ntbc] = VM_NIL;   /* no longer kept alive from here */
  return v;
}

/* The end of a scope: closes the values of L from index level up, newest first, calling __close(v, nil) on
** behalf of the running function ("metamethod 'close'"). A value is removed before its __close runs, so that an
** error there leaves the ones below for the unwinding, which closes them with the new error. */
void vm_tbcclose_slow(VmState *L, int level, Value *keep) {
  Value *top = L->top;
  if (keep != NULL && keep > L->top) L->top = keep;
  while (L->ntbc > level) {
    Value v = vm_tbcpop(L);
    if (vm_istruthy(v)) vm_callmeta(L, vm_tm(L, v, TM_CLOSE), TM_CLOSE, 2, v, VM_NIL, VM_NIL);
  }
  L->top = top;
}
