/* table.c: Lua tables: an array part and an open-addressing hash part (runtime layer).
**
** The array part holds t[1..asize] in arr[0..asize-1]; asize is its capacity, and a nil slot is an absent key.
** Setting t[asize+1] doubles it (moving the integer keys that now fall inside it out of the hash part). The
** hash part is a power-of-two array of nodes probed linearly from the key's hash; at most 3/4 of the nodes are
** used, so every probe ends on a free node. Assigning nil to a field leaves a dead node that keeps its key (so
** that next() can go on from it while a traversal clears fields); a new key may reuse a dead node, and a rehash,
** which happens only when a new key finds the part full, drops them and recomputes the size of both parts as
** Lua does (the largest power of two n such that more than half of t[1..n] is in use goes to the array).
**
** Keys are normalised: floats with an integral value become integers; integers hash by value, strings by their
** content hash. Node arrays and array parts are scanned by the collector (they hold values).
*/
#include <string.h>
#include "rt.h"

#define MAXINT ((vm_int)0x7fffffffffffffffLL)

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

static inline int streqs(VmString *a, VmString *b) {
  return a->hash == b->hash && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static int keyeq(Value nk, Value k, int kind) {
  if (nk == k) return 1;
  if (kind == KSTR) return vm_isstring(nk) && streqs(vm_str(nk), vm_str(k));
  if (kind == KINT) return vm_isobj(nk, VM_TBIGINT) && vm_isobj(k, VM_TBIGINT) && vm_toint(nk) == vm_toint(k);
  return 0;
}

/* The node of key k (live or dead), or NULL; *slot: where k would go (the first dead node on its probe
** sequence, else the free node that ends it). The hash part must exist. */
static VmNode *probe(VmTable *t, Value k, int kind, VmNode **slot) {
  vm_uint i = keyhash(k, kind) & t->hmask;
  VmNode *dead = NULL;
  for (;;) {
    VmNode *n = &t->node[i];
    if (n->key == VM_NIL) {
      *slot = dead != NULL ? dead : n;
      return NULL;
    }
    if (keyeq(n->key, k, kind)) return n;
    if (dead == NULL && n->val == VM_NIL) dead = n;
    i = (i + 1) & t->hmask;
  }
}

static VmNode *findnode(VmTable *t, Value k, int kind) {
  VmNode *slot;
  return t->node != NULL ? probe(t, k, kind, &slot) : NULL;
}

/* Node size for n keys: a power of two of which n fill at most 3/4; 0 for none. */
static vm_uint nodesize(vm_uint n) {
  vm_uint cap = 4;
  if (n == 0) return 0;
  while (cap - (cap >> 2) < n) cap <<= 1;
  return cap;
}

/* Places a key known to be absent into a hash part with room (used while rebuilding). */
static void insertnew(VmTable *t, Value k, Value v) {
  VmNode *slot;
  probe(t, k, keykind(k), &slot);
  slot->key = k;
  slot->val = v;
  t->hcount++;
}

/* A new empty table (no metatable). */
VmTable *vm_tablenew(VmState *L) {
  VmTable *t = vm_alloc(sizeof(VmTable));
  (void)L;
  t->h.tt = VM_TTABLE;
  return t;
}

/* A new table with room for narr array elements and nhash other keys. */
Value vm_newtable(VmState *L, int narr, int nhash) {
  VmTable *t = vm_tablenew(L);
  if (narr > 0) {
    t->arr = vm_alloc((vm_size)narr * sizeof(Value));
    t->asize = (vm_uint)narr;
  }
  if (nhash > 0) {
    vm_uint cap = nodesize((vm_uint)nhash);
    t->node = vm_alloc(cap * sizeof(VmNode));
    t->hmask = cap - 1;
  }
  return vm_mkptr(t);
}

/* ---- Reading ---- */

/* t[k] for a string k, without metamethods: the hot path of field access. */
Value vm_rawgetstr(VmTable *t, Value k) {
  VmString *ks = vm_str(k);
  VmNode *node = t->node;
  vm_uint mask = t->hmask, i = ks->hash & mask;
  if (node == NULL) return VM_NIL;
  for (;;) {
    Value nk = node[i].key;
    if (nk == k) return node[i].val;
    if (nk == VM_NIL) return VM_NIL;
    if (vm_isptr(nk) && vm_ptrtype(nk) == VM_TSTRING && streqs(vm_str(nk), ks)) return node[i].val;
    i = (i + 1) & mask;
  }
}

static Value getinthash(VmTable *t, vm_int i) {
  VmNode *node = t->node;
  vm_uint mask = t->hmask, h;
  Value k;
  if (node == NULL) return VM_NIL;
  if (!vm_fitsimm(i)) {
    VmNode *n = findnode(t, vm_boxint_slow(i), KINT);
    return n != NULL ? n->val : VM_NIL;
  }
  k = vm_mkimmint(i);
  for (h = inthash((vm_uint)i) & mask;; h = (h + 1) & mask) {
    if (node[h].key == k) return node[h].val;
    if (node[h].key == VM_NIL) return VM_NIL;
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

/* Rebuilds t with an array part of nasize slots and a hash part for nhkeys keys. */
static void resize(VmTable *t, vm_uint nasize, vm_uint nhkeys) {
  Value *oarr = t->arr;
  VmNode *onode = t->node;
  vm_uint oasize = t->asize, ocap = onode != NULL ? t->hmask + 1 : 0, cap = nodesize(nhkeys), i;
  if (nasize != oasize) {
    t->arr = nasize > 0 ? vm_alloc(nasize * sizeof(Value)) : NULL;
    if (nasize > 0 && oasize > 0) memcpy(t->arr, oarr, (nasize < oasize ? nasize : oasize) * sizeof(Value));
  }
  t->asize = nasize;
  t->node = cap > 0 ? vm_alloc(cap * sizeof(VmNode)) : NULL;
  t->hmask = cap > 0 ? cap - 1 : 0;
  t->hcount = 0;
  t->lenhint = 0;
  for (i = nasize; i < oasize; i++)
    if (oarr[i] != VM_NIL) insertnew(t, vm_mkint((vm_int)i + 1), oarr[i]);
  for (i = 0; i < ocap; i++) {
    VmNode *n = &onode[i];
    vm_uint u;
    if (n->val == VM_NIL) continue;
    u = keykind(n->key) == KINT ? (vm_uint)vm_toint(n->key) - 1 : nasize;
    if (u < nasize) t->arr[u] = n->val;
    else insertnew(t, n->key, n->val);
  }
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

/* The hash part is full and key k must go in: sizes both parts for the live keys plus k. */
static void rehash(VmTable *t, Value k) {
  vm_uint nums[65] = {0}, nint, total, i, ocap = t->node != NULL ? t->hmask + 1 : 0, na;
  nint = countarray(t, nums);
  total = nint + 1;
  for (i = 0; i < ocap; i++) {
    if (t->node[i].val == VM_NIL) continue;
    total++;
    countint(t->node[i].key, nums, &nint);
  }
  countint(k, nums, &nint);
  na = arraysize(nums, &nint);
  resize(t, na, total - nint);
}

/* t[asize+1] is being set: doubles the array part, moving keys from the hash part into it. */
static void growarray(VmTable *t) {
  vm_uint old = t->asize, nsize = old > 0 ? old * 2 : 4, i;
  Value *na = old > 0 ? vm_realloc(t->arr, old * sizeof(Value), nsize * sizeof(Value))
                      : vm_alloc(nsize * sizeof(Value));
  t->arr = na;
  t->asize = nsize;
  if (t->node == NULL) return;
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

/* Sets a key that belongs in the hash part (normalised, not nil or NaN). */
static void hashset(VmState *L, VmTable *t, Value k, Value v) {
  int kind = keykind(k);
  VmNode *n, *slot = NULL;
  if (t->node != NULL) {
    n = probe(t, k, kind, &slot);
    if (n != NULL) {
      n->val = v;
      return;
    }
  }
  if (v == VM_NIL) return;
  if (slot == NULL || (slot->key == VM_NIL && t->hcount + 1 > (t->hmask + 1) - ((t->hmask + 1) >> 2))) {
    rehash(t, k);
    vm_rawset(L, t, k, v);
    return;
  }
  if (slot->key == VM_NIL) t->hcount++;
  slot->key = k;
  slot->val = v;
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
    if (vm_ptrtype(k) == VM_TSTRING) t->h.flags = 0;
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
  if (t->node == NULL) return (vm_int)n;
  return hashborder(t, n);
}

/* ---- Traversal ---- */

/* Position after key k: 0 for nil, i for array key i, asize + node index + 1 for a hash key. */
static vm_uint nextindex(VmState *L, VmTable *t, Value k) {
  VmNode *n;
  vm_int i;
  if (k == VM_NIL) return 0;
  if (vm_isfloat(k) && vm_flt2int(vm_tofloat(k), &i)) k = vm_mkint(i);
  if (keykind(k) == KINT && (vm_uint)vm_toint(k) - 1 < t->asize) return (vm_uint)vm_toint(k);
  n = findnode(t, k, keykind(k));
  if (n == NULL) vm_throwmsg(L, "invalid key to 'next'");
  return t->asize + (vm_uint)(n - t->node) + 1;
}

/* The entry after *k (the first for nil) in *k and *v: array part in order, then the hash nodes. Returns 0
** at the end. Fields may be cleared during a traversal: their dead nodes keep their keys. */
int vm_next(VmState *L, VmTable *t, Value *k, Value *v) {
  vm_uint i = nextindex(L, t, *k), cap = t->node != NULL ? t->hmask + 1 : 0;
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
