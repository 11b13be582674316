/* field.c: the slow paths of field access by a constant short-string key through an inline cache (runtime
** layer): `t.name`, `t.name = v`, globals, `obj:m()` (vmc.h: vm_getfield, vm_setfield).
**
** A site's cache remembers the node index where it last found its key. Tables built the same way give their keys
** the same nodes (table.c), so the guess usually holds for every object a site sees; the inline path checks it
** with one compare of the node's key (keys are unique in a table, so a match anywhere is the answer) and comes here
** otherwise. For a key the table lacks, the cache also remembers one `__index` step: the metatable, the node of
** "__index" in it, the table that field held and the key's node there. Each of those facts is checked again on
** every use, so no store anywhere needs to invalidate anything, and a wrong guess costs only this slow path.
*/
#include "rt.h"

/* The node index of the short string k in t, or -1. */
static long findslot(VmTable *t, Value k) {
  VmNode *n = &t->node[vm_str(k)->hash & t->hmask];
  for (;;) {
    if (n->key == k) return n - t->node;
    if (n->next == 0) return -1;
    n += n->next;
  }
}

/* The value of k in the __index table the cache remembers for metatable mt, or VM_NIL if the cache does not
** apply (another metatable, __index changed, or k not where it was). */
static Value cachedstep(VmIC *ic, VmTable *mt, Value k) {
  VmNode *n;
  VmTable *c;
  if (mt != ic->mt) return VM_NIL;
  n = &mt->node[ic->islot & mt->hmask];
  if (n->key != vm_G->tmname[TM_INDEX] || n->val != vm_mkptr(ic->cls)) return VM_NIL;
  c = ic->cls;
  n = &c->node[ic->cslot & c->hmask];
  return n->key == k ? n->val : VM_NIL;
}

/* Fills the cache's __index step for a key absent from a table whose metatable is mt, if mt's __index is a
** table that holds k itself; returns k's value there (VM_NIL when the step is not cacheable). */
static Value fillstep(VmIC *ic, VmTable *mt, Value k) {
  long islot = findslot(mt, vm_G->tmname[TM_INDEX]), cslot;
  Value idx;
  VmTable *c;
  if (islot < 0 || !vm_istable(idx = mt->node[islot].val)) return VM_NIL;
  c = vm_tab(idx);
  if ((cslot = findslot(c, k)) < 0 || c->node[cslot].val == VM_NIL) return VM_NIL;
  ic->mt = mt;
  ic->islot = (vm_uint)islot;
  ic->cls = c;
  ic->cslot = (vm_uint)cslot;
  return c->node[cslot].val;
}

/* o[k] for a short-string constant k after the inline guess failed: looks k up in o, then one cached __index
** step, then the general path (vm_index), updating the cache on the way. d describes o for errors. */
Value vm_getfield_miss(VmState *L, Value o, Value k, VmIC *ic, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o), *mt = t->meta;
    long i = findslot(t, k);
    Value v;
    if (i >= 0) {
      ic->slot = (vm_uint)i;
      if ((v = t->node[i].val) != VM_NIL) return v;
    }
    if (mt == NULL) return VM_NIL;
    if ((v = cachedstep(ic, mt, k)) != VM_NIL) return v;
    if (vm_fasttm(mt, TM_INDEX) == VM_NIL) return VM_NIL;
    if ((v = fillstep(ic, mt, k)) != VM_NIL) return v;
  }
  return vm_index(L, o, k, d);
}

/* o[k] = v for a short-string constant k after the inline guess failed (k absent, dead, or elsewhere): a raw
** store when o is a table that holds k or has no __newindex, remembering k's node; else vm_setindex. */
void vm_setfield_miss(VmState *L, Value o, Value k, Value v, VmIC *ic, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    long i = findslot(t, k);
    if (i >= 0 && t->node[i].val != VM_NIL) {
      t->node[i].val = v;
      ic->slot = (vm_uint)i;
      return;
    }
    if (t->meta == NULL || vm_fasttm(t->meta, TM_NEWINDEX) == VM_NIL) {
      vm_rawset(L, t, k, v);
      if ((i = findslot(t, k)) >= 0) ic->slot = (vm_uint)i;
      return;
    }
  }
  vm_setindex(L, o, k, v, d);
}
