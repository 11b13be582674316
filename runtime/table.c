/* table.c: Lua tables: an array part and a hash part (runtime layer).
**
** The array part holds t[1..asize] in arr[0..asize-1]; asize is its capacity, and a nil slot is an absent key.
** Setting t[asize+1] doubles it (moving the integer keys that now fall inside it out of the hash part).
**
** The hash part is a chained scatter table with Brent's variation, as lua5.4's: a power-of-two array of nodes,
** each key chained from its main position (its hash masked) through `next` offsets. A new key whose main position
** holds a key of another chain evicts that key to a free node; otherwise it takes a free node linked after its main
** position. So a chain holds only keys of one main position, and a lookup, found or not, reads about one node:
** probing (linear or otherwise) walks whole clusters on a miss, the common case of `obj:method()` (the method is
** on the class, not on the object). Free nodes are taken from the top down (lastfree); when none is left the table
** is rebuilt with both parts sized for its live keys, as Lua does (the array gets the largest power of two n such
** that more than half of t[1..n] is in use). Assigning nil leaves a dead node that keeps its key, so that next()
** can go on from it while a traversal clears fields; a new key of the same main position may reuse it.
**
** A node's index depends only on the order in which keys were inserted into a part of that size: objects built the
** same way share their layout, which the inline caches of generated code rely on (vmc.h, vm_getfield). An empty
** hash part is the shared dummy node (never written), so that lookups need no NULL test.
**
** Keys are normalised: floats with an integral value become integers; integers hash by value, strings by their
** content hash. Short strings are interned (string.c): they are equal only when identical, so a short-string key
** is found by pointer comparisons alone. Node arrays and array parts are scanned by the collector.
*/
#include <string.h>
#include "rt.h"

#define MAXINT ((vm_int)0x7fffffffffffffffLL)
/* A hash part that grows gets at least this many nodes: objects filled field by field (`self.x = x` in a
** constructor) are rebuilt at 1, 2, 4, 8 fields otherwise (bench/event_sim: rehashing was 10% of its time). */
#define MINGROW 4

/* The hash part of every table without one; read-only (key nil, next 0). Not const: VmTable.node is not. */
static VmNode dummynode;

/* The key of a node whose weak key was collected (vm_tableclearweak): an object no value can equal. */
static VmObj deadkeyobj;
#define DEADKEY vm_mkptr(&deadkeyobj)

/* The weak mode of t (VM_TWEAKK | VM_TWEAKV; weak.c), 0 for an ordinary table. */
static inline int weakmode(const VmTable *t) { return t->h.extra & (VM_TWEAKK | VM_TWEAKV); }

/* Zeroed memory for cap nodes of t / an array part of n values: of the collector's weak kinds for a weak table. */
static VmNode *allocnodes(VmTable *t, vm_uint cap) {
  return weakmode(t) ? vm_alloc_weak(cap * sizeof(VmNode), weakmode(t), 1) : vm_alloc(cap * sizeof(VmNode));
}
static Value *allocarr(VmTable *t, vm_uint n) {
  return weakmode(t) ? vm_alloc_weak(n * sizeof(Value), weakmode(t), 0) : vm_alloc(n * sizeof(Value));
}

static inline vm_uint inthash(vm_uint x) {
  x *= 0x9e3779b97f4a7c15ULL;
  return x ^ (x >> 32);
}

enum { KSTR, KINT, KRAW };  /* how a key compares: by content, by integer value, by bits */

static int keykind(Value k) {
  if (vm_isptr(k)) {
    int tt = vm_ptrtype(k);
    if (tt == VM_TSTRING) return KSTR;
    if (tt == VM_TBIGINT) return KINT;
  }
  return vm_isimmint(k) ? KINT : KRAW;
}

static vm_uint keyhash(Value k, int kind) {
  if (kind == KSTR) return vm_str(k)->hash;
  if (kind == KINT) return inthash((vm_uint)vm_toint(k));
  return inthash(k ^ (k >> 29));
}

/* Is the key nk of a node equal to k (of kind `kind`, not a short string: those compare by identity)? */
static int keyeq(Value nk, Value k, int kind) {
  if (nk == k) return 1;
  if (kind == KSTR) return vm_isstring(nk) && vm_streq(nk, k);
  if (kind == KINT) return vm_isobj(nk, VM_TBIGINT) && vm_isobj(k, VM_TBIGINT) && vm_toint(nk) == vm_toint(k);
  return 0;
}

static inline VmNode *mainpos(VmTable *t, Value k, int kind) { return &t->node[keyhash(k, kind) & t->hmask]; }

/* The node of key k (live or dead), or NULL. Keys compared by identity alone (short strings, immediate
** integers, booleans, objects) take the short loop. */
static VmNode *findnode(VmTable *t, Value k, int kind) {
  VmNode *n = mainpos(t, k, kind);
  if (kind == KSTR ? vm_str(k)->len <= VM_MAXSHORTLEN : !vm_isptr(k) || vm_ptrtype(k) != VM_TBIGINT) {
    for (;;) {
      if (n->key == k) return n;
      if (n->next == 0) return NULL;
      n += n->next;
    }
  }
  for (;;) {
    if (keyeq(n->key, k, kind)) return n;
    if (n->next == 0) return NULL;
    n += n->next;
  }
}

/* Number of nodes for n keys: the smallest power of two >= n; 0 for none. */
static vm_uint nodesize(vm_uint n) {
  vm_uint cap = 1;
  if (n == 0) return 0;
  while (cap < n) cap <<= 1;
  return cap;
}

/* t's hash part onode (ocap nodes) has been replaced: if it lived in t's own block, right after t (newtable), it
** is zeroed, so that the conservative collector sees no stale key or value there. */
static void dropnodes(VmTable *t, VmNode *onode, vm_uint ocap) {
  if (onode == (VmNode *)(t + 1)) memset(onode, 0, ocap * sizeof(VmNode));
}

/* Gives t a hash part of cap nodes (0: the dummy), all free. */
static void setnodes(VmTable *t, vm_uint cap) {
  t->node = cap > 0 ? allocnodes(t, cap) : &dummynode;
  t->hmask = cap > 0 ? cap - 1 : 0;
  t->lastfree = (unsigned int)cap;
  t->keybits = 0;
}

/* A new empty table (no metatable). */
VmTable *vm_tablenew(VmState *L) {
  VmTable *t = vm_alloc(sizeof(VmTable));
  (void)L;
  t->h.tt = VM_TTABLE;
  t->node = &dummynode;
  return t;
}

/* A new empty table with a hash part of cap > 0 free nodes in the same block: objects built by a constructor
** have their fields one cache line from their header, and cost one allocation. */
static VmTable *newtable(vm_uint cap) {
  VmTable *t = vm_alloc(sizeof(VmTable) + cap * sizeof(VmNode));
  t->h.tt = VM_TTABLE;
  t->node = (VmNode *)(t + 1);
  t->hmask = cap - 1;
  t->lastfree = (unsigned int)cap;
  return t;
}

/* A new table with room for narr array elements and nhash other keys. A safe point for finalizers (weak.c). */
Value vm_newtable(VmState *L, int narr, int nhash) {
  VmTable *t;
  vm_runfinalizers(L);
  t = nhash > 0 ? newtable(nodesize((vm_uint)nhash)) : vm_tablenew(L);
  if (narr > 0) {
    t->arr = vm_alloc((vm_size)narr * sizeof(Value));
    t->asize = (vm_uint)narr;
  }
  return vm_mkptr(t);
}

/* A new table at a constructor site with nhash named fields, from the site's template once there is one (vmc.h,
** VmTpl). The first table a site makes is kept until the second: if it still has the constructor's node count, its
** nodes become the template (values cleared). */
Value vm_newtable_tpl(VmState *L, int narr, int nhash, VmTpl *tpl) {
  Value v;
  VmTable *t;
  if (tpl->node == NULL && tpl->last != NULL) {
    VmTable *f = tpl->last;
    vm_uint cap = nodesize((vm_uint)nhash), i;
    tpl->last = NULL;
    if (f->node != &dummynode && f->hmask + 1 == cap) {
      VmNode *n = vm_alloc(cap * sizeof(VmNode));
      for (i = 0; i < cap; i++) {
        n[i].key = f->node[i].key;
        n[i].next = f->node[i].next;
      }
      tpl->hmask = f->hmask;
      tpl->keybits = f->keybits;
      tpl->lastfree = f->lastfree;
      tpl->node = n;
    }
  }
  if (tpl->node == NULL) {
    v = vm_newtable(L, narr, nhash);
    if (tpl->last == NULL) tpl->last = vm_tab(v);
    return v;
  }
  vm_runfinalizers(L);
  t = newtable(tpl->hmask + 1);
  memcpy(t->node, tpl->node, (tpl->hmask + 1) * sizeof(VmNode));
  t->lastfree = tpl->lastfree;
  t->keybits = tpl->keybits;
  if (narr > 0) {
    t->arr = vm_alloc((vm_size)narr * sizeof(Value));
    t->asize = (vm_uint)narr;
  }
  return vm_mkptr(t);
}

/* t.k = v in t's constructor when the site's node guess failed (first tables, no template yet). */
void vm_initfield_miss(VmState *L, VmTable *t, Value k, Value v, VmIC *ic) {
  VmNode *n;
  vm_rawset(L, t, k, v);
  if ((n = findnode(t, k, KSTR)) != NULL) ic->slot = vm_icslot(t, k, (vm_uint)(n - t->node));
}

/* ---- Reading ---- */

/* t[k] for a long string k (compared by contents). */
static Value getlongstr(VmTable *t, Value k) {
  VmNode *n = findnode(t, k, KSTR);
  return n != NULL ? n->val : VM_NIL;
}

/* t[k] for a string k, without metamethods: the hot path of field access. A short k is interned: the chain from
** its main position is compared by identity only. */
Value vm_rawgetstr(VmTable *t, Value k) {
  VmNode *n;
  if (vm_str(k)->len > VM_MAXSHORTLEN) return getlongstr(t, k);
  n = &t->node[vm_str(k)->hash & t->hmask];
  for (;;) {
    if (n->key == k) return n->val;
    if (n->next == 0) return VM_NIL;
    n += n->next;
  }
}

static Value getinthash(VmTable *t, vm_int i) {
  VmNode *n;
  Value k;
  if (!vm_fitsimm(i)) {
    n = findnode(t, vm_boxint_slow(i), KINT);
    return n != NULL ? n->val : VM_NIL;
  }
  k = vm_mkimmint(i);
  n = &t->node[inthash((vm_uint)i) & t->hmask];
  for (;;) {
    if (n->key == k) return n->val;
    if (n->next == 0) return VM_NIL;
    n += n->next;
  }
}

/* t[i] without metamethods. */
Value vm_rawgeti(VmTable *t, vm_int i) {
  vm_uint u = (vm_uint)i - 1;
  if (u < t->asize) return t->arr[u];
  return getinthash(t, i);
}

/* t[k] without metamethods, for any k (nil and NaN keys are simply absent). */
Value vm_rawget(VmTable *t, Value k) {
  VmNode *n;
  vm_int i;
  if (vm_isimmint(k)) return vm_rawgeti(t, vm_immint(k));
  if (vm_isfloat(k)) {
    if (vm_flt2int(vm_tofloat(k), &i)) return vm_rawgeti(t, i);
  } else if (vm_isptr(k)) {
    int tt = vm_ptrtype(k);
    if (tt == VM_TSTRING) return vm_rawgetstr(t, k);
    if (tt == VM_TBIGINT) return vm_rawgeti(t, vm_toint(k));
  }
  n = findnode(t, k, KRAW);
  return n != NULL ? n->val : VM_NIL;
}

/* ---- Resizing ---- */

static int ceillog2(vm_uint x) {  /* x >= 1 */
#if defined(__GNUC__) && !defined(__TINYC__)
  return x == 1 ? 0 : 64 - __builtin_clzll(x - 1);
#else
  int l = 0;
  for (x--; x != 0; x >>= 1) l++;
  return l;
#endif
}

/* The array size for integer keys counted by nums[b] (keys in (2^(b-1), 2^b]): the largest power of two n
** such that more than n/2 keys lie in 1..n. *nint: all integer keys in; keys going to the array out. */
static vm_uint arraysize(const vm_uint nums[65], vm_uint *nint) {
  vm_uint a = 0, na = 0, best = 0, twotoi = 1;
  int b;
  for (b = 0; b < 64 && twotoi / 2 < *nint; b++, twotoi *= 2) {
    a += nums[b];
    if (a > twotoi / 2) {
      best = twotoi;
      na = a;
    }
  }
  *nint = na;
  return best;
}

static void countint(Value k, vm_uint nums[65], vm_uint *nint) {
  if (keykind(k) == KINT && vm_toint(k) > 0) {
    nums[ceillog2((vm_uint)vm_toint(k))]++;
    (*nint)++;
  }
}

static void insertnew(VmState *L, VmTable *t, Value k, Value v);

/* Rebuilds t with an array part of nasize slots and a hash part for nhkeys keys. */
static void resize(VmState *L, VmTable *t, vm_uint nasize, vm_uint nhkeys) {
  Value *oarr = t->arr;
  VmNode *onode = t->node;
  vm_uint oasize = t->asize, ocap = onode != &dummynode ? t->hmask + 1 : 0, i;
  if (nasize != oasize) {
    t->arr = nasize > 0 ? allocarr(t, nasize) : NULL;
    if (nasize > 0 && oasize > 0) memcpy(t->arr, oarr, (nasize < oasize ? nasize : oasize) * sizeof(Value));
  }
  t->asize = nasize;
  vm_protochange(t);   /* nodes move */
  setnodes(t, nodesize(nhkeys));
  t->lenhint = 0;
  for (i = nasize; i < oasize; i++)
    if (oarr[i] != VM_NIL) insertnew(L, t, vm_mkint((vm_int)i + 1), oarr[i]);
  for (i = 0; i < ocap; i++) {
    VmNode *n = &onode[i];
    vm_uint u;
    if (n->val == VM_NIL) continue;
    u = keykind(n->key) == KINT ? (vm_uint)vm_toint(n->key) - 1 : nasize;
    if (u < nasize) t->arr[u] = n->val;
    else insertnew(L, t, n->key, n->val);
  }
  dropnodes(t, onode, ocap);
}

/* Counts the keys of the array part into nums (slice b: keys in (2^(b-1), 2^b]); returns their number. */
static vm_uint countarray(const VmTable *t, vm_uint nums[65]) {
  vm_uint total = 0, lo = 1, hi = 1;
  int b;
  for (b = 0; lo <= t->asize; b++, lo = hi + 1, hi *= 2) {
    vm_uint lim = hi < t->asize ? hi : t->asize, c = 0, i;
    for (i = lo; i <= lim; i++) c += t->arr[i - 1] != VM_NIL;
    nums[b] += c;
    total += c;
  }
  return total;
}

/* The hash part has no free node and key k must go in: sizes both parts for the live keys plus k. */
static void rehash(VmState *L, VmTable *t, Value k) {
  vm_uint nums[65] = {0}, nint, total, i, ocap = t->node != &dummynode ? t->hmask + 1 : 0, na, nh;
  nint = countarray(t, nums);
  total = nint + 1;
  for (i = 0; i < ocap; i++) {
    if (t->node[i].val == VM_NIL) continue;
    total++;
    countint(t->node[i].key, nums, &nint);
  }
  countint(k, nums, &nint);
  na = arraysize(nums, &nint);
  nh = total - nint;
  if (nh > ocap && nh < MINGROW) nh = MINGROW;
  resize(L, t, na, nh);
}

/* t[asize+1] is being set: doubles the array part, moving keys from the hash part into it. */
static void growarray(VmTable *t) {
  vm_uint old = t->asize, nsize = old > 0 ? old * 2 : 4, i;
  Value *na = old > 0 ? vm_realloc(t->arr, old * sizeof(Value), nsize * sizeof(Value))
                      : allocarr(t, nsize);
  t->arr = na;
  t->asize = nsize;
  if (t->node == &dummynode) return;
  for (i = 0; i <= t->hmask; i++) {
    VmNode *n = &t->node[i];
    vm_uint u;
    if (n->val == VM_NIL || keykind(n->key) != KINT) continue;
    u = (vm_uint)vm_toint(n->key) - 1;
    if (u >= old && u < nsize) {
      na[u] = n->val;
      n->val = VM_NIL;   /* dead: keeps its key */
    }
  }
}

/* ---- Writing ---- */

/* A free node (never used: dead nodes stay in their chains), searched downward from lastfree; NULL if none. */
static VmNode *freenode(VmTable *t) {
  while (t->lastfree > 0) {
    VmNode *n = &t->node[--t->lastfree];
    if (n->key == VM_NIL) return n;
  }
  return NULL;
}

/* Enters key k, known to be absent (normalised, not nil or NaN), with the non-nil value v. A main position holding
** a dead node is reused as it is (its chain goes on through it); one holding a live key of another chain gives
** its node to k and that key moves to a free node; one holding a key of k's own chain gets k linked after it.
** Without a free node the table is rebuilt first. */
static void insertnew(VmState *L, VmTable *t, Value k, Value v) {
  int kind = keykind(k);
  VmNode *mp = mainpos(t, k, kind);
  if (mp->val != VM_NIL || t->node == &dummynode) {
    VmNode *f = freenode(t), *other;
    if (f == NULL) {
      rehash(L, t, k);
      vm_rawset(L, t, k, v);
      return;
    }
    other = mainpos(t, mp->key, keykind(mp->key));
    if (other != mp) {   /* mp's key is out of its main position: move it to f */
      while (other + other->next != mp) other += other->next;
      other->next = (int)(f - other);
      *f = *mp;
      if (mp->next != 0) f->next += (int)(mp - f);
      mp->next = 0;
    } else {             /* mp's key is in its own chain: k goes to f, linked after mp */
      f->next = mp->next != 0 ? (int)(mp + mp->next - f) : 0;
      mp->next = (int)(f - mp);
      mp = f;
    }
  }
  mp->key = k;
  mp->val = v;
  if (kind == KSTR) t->keybits |= VM_KEYBIT(vm_str(k)->hash);
  vm_protochange(t);
}

/* Sets a key that belongs in the hash part (normalised, not nil or NaN). A prototype reports a key that comes or
** goes, and any store of "__index" (field.c's method cache depends on both). */
static void hashset(VmState *L, VmTable *t, Value k, Value v) {
  VmNode *n = findnode(t, k, keykind(k));
  if (n != NULL) {
    if ((n->val == VM_NIL) != (v == VM_NIL) || k == vm_G->tmname[TM_INDEX]) vm_protochange(t);
    n->val = v;
  } else if (v != VM_NIL) {
    insertnew(L, t, k, v);
  }
}

/* t[i] = v without metamethods. */
void vm_rawseti(VmState *L, VmTable *t, vm_int i, Value v) {
  vm_uint u = (vm_uint)i - 1;
  if (u < t->asize) {
    t->arr[u] = v;
    return;
  }
  if (u == t->asize && v != VM_NIL) {
    growarray(t);
    t->arr[u] = v;
    return;
  }
  hashset(L, t, vm_mkint(i), v);
}

/* t[k] = v without metamethods; errors "table index is nil" and "table index is NaN". A string key also
** forgets the metamethods t caches as absent (t may be a metatable). */
void vm_rawset(VmState *L, VmTable *t, Value k, Value v) {
  vm_int i;
  if (vm_isimmint(k)) {
    vm_rawseti(L, t, vm_immint(k), v);
    return;
  }
  if (vm_isfloat(k)) {
    double d = vm_tofloat(k);
    if (vm_flt2int(d, &i)) {
      vm_rawseti(L, t, i, v);
      return;
    }
    if (d != d) vm_rterror(L, "table index is NaN");
  } else if (k == VM_NIL) {
    vm_rterror(L, "table index is nil");
  } else if (vm_isptr(k)) {
    if (vm_ptrtype(k) == VM_TBIGINT) {
      vm_rawseti(L, t, vm_toint(k), v);
      return;
    }
    if (vm_ptrtype(k) == VM_TSTRING) vm_metareset(t);
  }
  hashset(L, t, k, v);
}

/* ---- Length ---- */

/* A border beyond a full array part of n slots, searching the hash part (unbounded, then binary search). */
static vm_int hashborder(VmTable *t, vm_uint n) {
  vm_uint i = n, j = n + 1;
  while (getinthash(t, (vm_int)j) != VM_NIL) {
    i = j;
    if (j > (vm_uint)MAXINT / 2) {  /* pathological: linear search */
      for (i = 1; vm_rawgeti(t, (vm_int)i) != VM_NIL; i++) {}
      return (vm_int)(i - 1);
    }
    j *= 2;
  }
  while (j - i > 1) {
    vm_uint m = i + (j - i) / 2;
    if (getinthash(t, (vm_int)m) == VM_NIL) j = m;
    else i = m;
  }
  return (vm_int)i;
}

/* A border inside the array part, whose last slot is nil: near the last one found, else by binary search. */
static vm_uint arrayborder(VmTable *t) {
  Value *a = t->arr;
  vm_uint h = t->lenhint, n = t->asize, i = 0, j = n;
  if (h < n && (h == 0 || a[h - 1] != VM_NIL)) {
    if (a[h] == VM_NIL) return h;
    if (h + 1 < n && a[h + 1] == VM_NIL) return t->lenhint = h + 1;
  } else if (h > 0 && h <= n && (h == 1 || a[h - 2] != VM_NIL)) {
    return t->lenhint = h - 1;  /* a[h-1] is nil: the sequence shrank by one */
  }
  while (j - i > 1) {  /* invariant: i == 0 or a[i-1] non-nil; a[j-1] nil */
    vm_uint m = i + (j - i) / 2;
    if (a[m - 1] == VM_NIL) j = m;
    else i = m;
  }
  return t->lenhint = i;
}

/* The length of t as '#' gives it without __len: a border (t[n] non-nil and t[n+1] nil, or 0). */
vm_int vm_rawlen(VmTable *t) {
  vm_uint n = t->asize;
  if (n > 0 && t->arr[n - 1] == VM_NIL) return (vm_int)arrayborder(t);
  if (t->node == &dummynode) return (vm_int)n;
  return hashborder(t, n);
}

/* ---- Traversal ---- */

/* Position after key k: 0 for nil, i for array key i, asize + node index + 1 for a hash key. */
#define NOKEY ((vm_uint)-1)

/* Where a traversal goes on after key k: NOKEY if k is not a key of t. A float with an integer value is no key
** (keys are stored as integers), as in lua5.4: next(t, 1.0) is an error. */
static vm_uint nextindex(VmTable *t, Value k) {
  VmNode *n;
  if (k == VM_NIL) return 0;
  if (keykind(k) == KINT && (vm_uint)vm_toint(k) - 1 < t->asize) return (vm_uint)vm_toint(k);
  n = findnode(t, k, keykind(k));
  if (n == NULL) return NOKEY;
  return t->asize + (vm_uint)(n - t->node) + 1;
}

static int nextfrom(VmTable *t, vm_uint i, Value *k, Value *v);

/* The entry after *k (the first for nil) in *k and *v: array part in order, then the hash nodes. Returns 0
** at the end. Fields may be cleared during a traversal: their dead nodes keep their keys. */
int vm_next(VmState *L, VmTable *t, Value *k, Value *v) {
  vm_uint i = nextindex(t, *k);
  if (i == NOKEY) vm_throwmsg(L, "invalid key to 'next'");
  return nextfrom(t, i, k, v);
}

/* vm_next that returns -1 for an invalid key. */
int vm_nextq(VmTable *t, Value *k, Value *v) {
  vm_uint i = nextindex(t, *k);
  return i == NOKEY ? -1 : nextfrom(t, i, k, v);
}

static int nextfrom(VmTable *t, vm_uint i, Value *k, Value *v) {
  vm_uint cap = t->node != &dummynode ? t->hmask + 1 : 0;
  for (; i < t->asize; i++) {
    if (t->arr[i] != VM_NIL) {
      *k = vm_mkint((vm_int)i + 1);
      *v = t->arr[i];
      return 1;
    }
  }
  for (i -= t->asize; i < cap; i++) {
    if (t->node[i].val != VM_NIL) {
      *k = t->node[i].key;
      *v = t->node[i].val;
      return 1;
    }
  }
  return 0;
}

/* ---- Weak tables (weak.c) ---- */

/* Gives t the weak mode `mode` (VM_TWEAKK | VM_TWEAKV, 0: none), as its metatable's __mode says: its parts move to
** memory of the matching kind, and the collector's list of weak tables gains or loses it. */
void vm_tablesetweak(VmState *L, VmTable *t, int mode) {
  vm_uint cap = t->node != &dummynode ? t->hmask + 1 : 0;
  (void)L;
  if (weakmode(t) == mode) return;
  t->h.extra = (unsigned short)((t->h.extra & ~(VM_TWEAKK | VM_TWEAKV)) | mode);
  if (cap > 0) {
    VmNode *n = allocnodes(t, cap), *o = t->node;
    memcpy(n, o, cap * sizeof(VmNode));
    t->node = n;
    dropnodes(t, o, cap);   /* the weak part must be the only copy */
  }
  if (t->asize > 0) {
    Value *a = allocarr(t, t->asize);
    memcpy(a, t->arr, t->asize * sizeof(Value));
    t->arr = a;
  }
  vm_weakregister(t, mode != 0);
}

/* Drops the entries of the weak table t whose weak key or value is not alive (called by the collector when
** marking ends, so it allocates nothing): a dead key becomes DEADKEY with a nil value, keeping the node in its
** chain; a dead value becomes nil. */
void vm_tableclearweak(VmTable *t, int (*alive)(Value)) {
  int mode = weakmode(t);
  vm_uint i;
  if (mode & VM_TWEAKV)
    for (i = 0; i < t->asize; i++)
      if (!alive(t->arr[i])) t->arr[i] = VM_NIL;
  if (t->node == &dummynode) return;
  for (i = 0; i <= t->hmask; i++) {
    VmNode *n = &t->node[i];
    if (n->val == VM_NIL && n->key != DEADKEY && (mode & VM_TWEAKK) && !alive(n->key)) n->key = DEADKEY;
    if (n->val == VM_NIL) continue;
    if ((mode & VM_TWEAKK) && !alive(n->key)) {
      n->key = DEADKEY;
      n->val = VM_NIL;
    } else if ((mode & VM_TWEAKV) && !alive(n->val)) {
      n->val = VM_NIL;
    }
  }
}
