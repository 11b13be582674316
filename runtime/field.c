/* field.c: the slow paths of field access by a constant short-string key (runtime layer): `t.name`,
** `t.name = v`, globals, `obj:m()` (vmc.h: vm_getfield, vm_setfield), and the method cache behind them.
**
** A site's inline cache remembers the node index where it last found its key. Tables built the same way give their
** keys the same nodes (table.c), so the guess usually holds for every object a site sees; the inline path checks it
** with one compare of the node's key (keys are unique in a table, so a match anywhere is the answer) and comes here
** otherwise.
**
** A key the object lacks comes from its __index chain: the method of a class, a default of a prototype, or nothing
** (a field not set yet). The chain starts at the table the object's metatable names as __index, its class; the
** metatable itself may be shared (setmetatable(o, Class)) or made afresh for every object
** (setmetatable(o, {__index = Class}), as in the AWFY programs), so it is looked at anew every time (one node: its
** "__index", whose node the site also remembers) and the results are keyed by the class. They are kept in one
** method cache shared by all sites, indexed by (class, key): polymorphic sites (`task:step()` over four task
** classes) and chains of any depth cost one probe; each site also keeps its last one. An entry stays true while
** no table it was computed from changes in a way that could change it, which the tables report themselves: every
** table a chain walk goes through from the class on (classes and their metatables) is marked a prototype
** (VM_TPROTO), and a prototype that gains or loses a key, has its "__index" stored, is rebuilt or gets another
** metatable advances vm_protoepoch (table.c, meta.c), which invalidates every entry at once. What a use checks:
** the class, the key, the epoch, that the object itself lacks the key, and (for a found method) that its node
** still holds a value: a value stored over it needs no invalidation, since the entry names the node.
*/
#include "rt.h"

vm_uint vm_protoepoch = 1;   /* 0 never matches: zeroed entries are empty */
VmNode vm_nilnode;           /* never written: its value stays nil */
Value vm_indexkey;           /* the string "__index" (interned: compared by identity) */

#define MCACHE_SIZE 1024     /* entries: 2^10 (mentry takes the top 10 bits of a product) */

typedef struct MEntry {
  VmTable *cls;              /* the __index table of the object's metatable: where the chain starts */
  Value key;
  vm_uint epoch;             /* vm_protoepoch when filled */
  VmNode *node;              /* the key's node in the table holding it along the chain; NULL: the chain gives nil */
} MEntry;

static MEntry mcache[MCACHE_SIZE];   /* static data: a GC root, so the tables it names stay alive */

static inline MEntry *mentry(VmTable *cls, Value k) {
  vm_uint h = ((vm_uint)(unsigned long)cls ^ ((vm_uint)k << 17)) * 0x9e3779b97f4a7c15ULL;
  return &mcache[h >> 54];
}

/* The node index of the short string k in t, or -1. */
static long findslot(VmTable *t, Value k) {
  VmNode *n = &t->node[vm_str(k)->hash & t->hmask];
  for (;;) {
    if (n->key == k) return n - t->node;
    if (n->next == 0) return -1;
    n += n->next;
  }
}

/* The value of k along the __index chain that starts at table cls, walked with one-node lookups, when the chain is
** all tables: fills e and returns 1. Otherwise (an __index function or a value that is not a table further on)
** returns 0, and the general path (vm_index from o) gives *v. */
static int walkchain(VmState *L, Value o, VmTable *cls, Value k, MEntry *e, const char *d, Value *v) {
  VmTable *t = cls;
  int loop;
  for (loop = 0; loop < VM_MAXTAGLOOP; loop++) {
    Value idx;
    VmTable *mt;
    long i;
    t->h.extra |= VM_TPROTO;
    if ((i = findslot(t, k)) >= 0 && t->node[i].val != VM_NIL) {
      e->cls = cls, e->key = k, e->epoch = vm_protoepoch, e->node = &t->node[i];
      return 1;
    }
    if ((mt = t->meta) == NULL) break;
    mt->h.extra |= VM_TPROTO;
    if ((idx = vm_fasttm(mt, TM_INDEX)) == VM_NIL) break;
    if (!vm_istable(idx)) {
      *v = vm_index(L, o, k, d);
      return 0;
    }
    t = vm_tab(idx);
  }
  if (loop == VM_MAXTAGLOOP) vm_rterror(L, "'__index' chain too long; possibly a loop");
  e->cls = cls, e->key = k, e->epoch = vm_protoepoch, e->node = NULL;
  return 1;
}

/* o[k] for a short-string constant k after the inline guess failed: looks k up in o (remembering its node), then
** along the __index chain of its metatable mt: the site's last result, else the method cache. A string's methods
** (s:sub(i)) come the same way from the strings' metatable; anything else goes to the general path (vm_index).
** d describes o for errors. */
Value vm_getfield_miss(VmState *L, Value o, Value k, VmIC *ic, const char *d) {
  VmTable *t, *mt, *cls;
  MEntry *e;
  Value idx;
  long i;
  if (vm_istable(o)) {
    t = vm_tab(o);
    if ((i = findslot(t, k)) >= 0) {
      ic->slot = vm_icslot(t, k, (vm_uint)i);
      if (t->node[i].val != VM_NIL) return t->node[i].val;
    }
    if ((mt = t->meta) == NULL) return VM_NIL;
  } else if (vm_isstring(o) && vm_istable(L->g->strmeta)) {
    mt = vm_tab(L->g->strmeta);
  } else {
    return vm_index(L, o, k, d);
  }
  if (vm_icchain(mt, ic)) return ic->node->val;   /* the site's own last result */
  if (mt->h.flags & (1u << TM_INDEX) || (i = findslot(mt, vm_indexkey)) < 0)
    return vm_istable(o) ? VM_NIL : vm_index(L, o, k, d);   /* a string without __index: the error */
  if (!vm_istable(idx = mt->node[i].val)) return idx == VM_NIL && vm_istable(o) ? VM_NIL : vm_index(L, o, k, d);
  cls = vm_tab(idx);
  e = mentry(cls, k);
  if (e->cls != cls || e->key != k || e->epoch != vm_protoepoch || (e->node != NULL && e->node->val == VM_NIL)) {
    Value v;
    if (!walkchain(L, o, cls, k, e, d, &v)) return v;
  }
  ic->islot = vm_icslot(mt, vm_indexkey, (vm_uint)i);
  ic->cls = cls;
  ic->epoch = e->epoch;
  ic->node = e->node != NULL ? e->node : &vm_nilnode;
  return ic->node->val;
}

/* o[k] = v for a short-string constant k after the inline guess failed (k absent, dead, elsewhere, or v nil).
** Without __newindex in the way (o holds k, or has no metatable, or its metatable no __newindex) the store is
** raw: done here on k's node when it has one (a prototype reports a key coming or going), by vm_rawset for a new
** key; a nil for an absent key does nothing. Otherwise vm_setindex. */
void vm_setfield_miss(VmState *L, Value o, Value k, Value v, VmIC *ic, const char *d) {
  if (vm_istable(o)) {
    VmTable *t = vm_tab(o);
    long i = findslot(t, k);
    int present = i >= 0 && t->node[i].val != VM_NIL;
    if (present || t->meta == NULL || vm_fasttm(t->meta, TM_NEWINDEX) == VM_NIL) {
      if (i < 0) {
        if (v == VM_NIL) return;
        vm_rawset(L, t, k, v);
        i = findslot(t, k);
      } else {
        if (present != (v != VM_NIL)) vm_protochange(t);
        if (!present) vm_metareset(t);   /* a metamethod may come back: forget those cached as absent */
        t->node[i].val = v;
      }
      ic->slot = vm_icslot(t, k, (vm_uint)i);
      return;
    }
  }
  vm_setindex(L, o, k, v, d);
}
