/* table.c: the table library, insert, remove, concat, sort, ... (stdlib layer).
**
** As in lua5.4, the functions go through __index, __newindex and __len; a table without a metatable takes
** raw fast paths.
*/
#include <string.h>

#include "lib.h"

enum { TAB_R = 1, TAB_W = 2, TAB_L = 4 };   /* what a "table-like" argument must support */

/* ---- Access ---- */

static int israw(Value t) { return vm_istable(t) && vm_tab(t)->meta == NULL; }

static Value geti(VmState *L, Value t, vm_int i) { return vm_get(L, t, vm_mkint(i), NULL); }
static void seti(VmState *L, Value t, vm_int i, Value v) { vm_set(L, t, vm_mkint(i), v, NULL); }

/* Argument arg must be a table, or have a metatable with the fields `what` needs. */
static void checktab(VmState *L, VmClosure *self, Value *a, int n, int arg, int what) {
  Value v = lib_arg(a, n, arg);
  if (vm_istable(v)) return;
  if (arg <= n && vm_getmetatable(L, v) != VM_NIL
      && (!(what & TAB_R) || vm_metafield(L, v, "__index") != VM_NIL)
      && (!(what & TAB_W) || vm_metafield(L, v, "__newindex") != VM_NIL)
      && (!(what & TAB_L) || vm_metafield(L, v, "__len") != VM_NIL))
    return;
  lib_typeerror(L, self, a, n, arg, "table");
}

/* #t with __len; errors unless the length is an integer. */
static vm_int lenof(VmState *L, Value t) {
  vm_int i;
  if (israw(t)) return vm_rawlen(vm_tab(t));
  if (!vm_tointeger(vm_len(L, t, NULL), &i)) vm_error(L, "object length is not an integer");
  return i;
}

static vm_int getn(VmState *L, VmClosure *self, Value *a, int n, int what) {
  checktab(L, self, a, n, 1, what | TAB_L);
  return lenof(L, a[0]);
}

/* ---- insert, remove, move ---- */

static int l_insert(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int e = getn(L, self, a, n, TAB_R | TAB_W), pos, i;
  Value t = a[0];
  e = (vm_int)((vm_uint)e + 1);        /* first empty slot */
  if (n == 2) {
    if (israw(t)) vm_rawseti(L, vm_tab(t), e, a[1]);
    else seti(L, t, e, a[1]);
    return 0;
  }
  if (n != 3) vm_error(L, "wrong number of arguments to 'insert'");
  pos = lib_checkint(L, self, a, n, 2);
  if ((vm_uint)pos - 1u >= (vm_uint)e) lib_argerror(L, self, 2, "position out of bounds");
  i = e;
  if (israw(t) && e > pos) {   /* the new last slot first (it may grow the array), then one memmove */
    VmTable *h = vm_tab(t);
    vm_rawseti(L, h, e, vm_rawgeti(h, e - 1));
    i = e - 1;
    if ((vm_uint)(e - 1) <= h->asize) {
      memmove(h->arr + pos, h->arr + pos - 1, (size_t)(e - 1 - pos) * sizeof(Value));
      i = pos;
    }
  }
  for (; i > pos; i--) seti(L, t, i, geti(L, t, i - 1));
  seti(L, t, pos, a[2]);
  return 0;
}

static int l_remove(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int size = getn(L, self, a, n, TAB_R | TAB_W);
  vm_int pos = lib_optint(L, self, a, n, 2, size);
  Value t = a[0], r;
  if (pos != size && (vm_uint)pos - 1u > (vm_uint)size) lib_argerror(L, self, 1, "position out of bounds");
  r = geti(L, t, pos);
  if (israw(t) && pos >= 1 && pos < size && (vm_uint)size <= vm_tab(t)->asize) {   /* one memmove */
    Value *arr = vm_tab(t)->arr;
    memmove(arr + pos - 1, arr + pos, (size_t)(size - pos) * sizeof(Value));
    pos = size;
  }
  for (; pos < size; pos++) seti(L, t, pos, geti(L, t, pos + 1));
  seti(L, t, pos, VM_NIL);
  a[0] = r;
  return 1;
}

static int l_move(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int f = lib_checkint(L, self, a, n, 2), e = lib_checkint(L, self, a, n, 3);
  vm_int t = lib_checkint(L, self, a, n, 4), k, i;
  int tt = lib_isnone(a, n, 5) ? 1 : 5;
  Value src, dst;
  checktab(L, self, a, n, 1, TAB_R);
  checktab(L, self, a, n, tt, TAB_W);
  src = a[0], dst = a[tt - 1];
  if (e >= f) {
    if (!(f > 0 || e < (vm_int)(((vm_uint)1 << 63) - 1) + f))
      lib_argerror(L, self, 3, "too many elements to move");
    k = e - f + 1;
    if (t > (vm_int)(((vm_uint)1 << 63) - 1) - k + 1) lib_argerror(L, self, 4, "destination wrap around");
    if (t > e || t <= f || (tt != 1 && !vm_eq(L, src, dst))) {
      for (i = 0; i < k; i++) seti(L, dst, t + i, geti(L, src, f + i));
    } else {
      for (i = k - 1; i >= 0; i--) seti(L, dst, t + i, geti(L, src, f + i));
    }
  }
  a[0] = dst;
  return 1;
}

/* ---- concat, pack, unpack ---- */

static void addfield(VmState *L, LibBuf *b, Value v, vm_int i) {
  if (vm_isstring(v)) {
    lib_addmem(b, vm_str(v)->s, vm_str(v)->len);
  } else if (vm_isnumber(v)) {
    b->n += (vm_size)vm_fmtnum(lib_bufprep(b, 64), v);
  } else {
    vm_error(L, "invalid value (%s) at index %lld in table for 'concat'", vm_typename(v), i);
  }
}

static int l_concat(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int last = getn(L, self, a, n, TAB_R), i;
  VmString *sep = lib_optstr(L, self, a, n, 2);
  Value t = a[0];
  LibBuf b;
  i = lib_optint(L, self, a, n, 3, 1);
  last = lib_optint(L, self, a, n, 4, last);
  lib_bufinit(&b);
  for (; i <= last; i++) {
    VmTable *h = vm_tab(t);
    Value v = israw(t) && (vm_uint)i - 1 < h->asize ? h->arr[i - 1] : geti(L, t, i);
    addfield(L, &b, v, i);
    if (i == last) break;     /* also stops before i + 1 overflows */
    if (sep) lib_addmem(&b, sep->s, sep->len);
  }
  a[0] = lib_bufresult(L, &b);
  return 1;
}

static int l_pack(VmState *L, VmClosure *self, Value *a, int n) {
  Value t = vm_newtable(L, n, 1);
  int i;
  (void)self;
  for (i = 0; i < n; i++) vm_rawseti(L, vm_tab(t), i + 1, a[i]);
  lib_setfield(L, t, "n", vm_mkint(n));
  a[0] = t;
  return 1;
}

static int l_unpack(VmState *L, VmClosure *self, Value *a, int n) {
  Value t = lib_arg(a, n, 1);
  vm_int i = lib_optint(L, self, a, n, 2, 1), e, k;
  vm_uint count;
  e = lib_isnone(a, n, 3) ? lenof(L, t) : lib_checkint(L, self, a, n, 3);
  if (i > e) return 0;
  count = (vm_uint)e - (vm_uint)i;
  if (count >= 0x7fffffff) vm_error(L, "too many results to unpack");
  lib_checkstack(L, a, (vm_int)count + 1, "too many results to unpack");
  if (israw(t)) {
    VmTable *h = vm_tab(t);
    for (k = 0; k <= (vm_int)count; k++) {
      vm_uint j = (vm_uint)i + (vm_uint)k - 1;
      a[k] = j < h->asize ? h->arr[j] : vm_rawgeti(h, (vm_int)(j + 1));
    }
  } else {
    vm_reserve(L, a + count + 1);
    for (k = 0; k <= (vm_int)count; k++) a[k] = geti(L, t, (vm_int)((vm_uint)i + (vm_uint)k));
  }
  return (int)count + 1;
}

/* ---- sort: introsort (quicksort, heapsort past a depth limit, insertion sort for short ranges) ---- */

typedef struct Sorter {
  VmState *L;
  Value f;                 /* comparator, or VM_NIL for '<' */
  Value *slot;             /* two free value-stack slots for the comparator's arguments */
} Sorter;

static int before(Sorter *s, Value x, Value y) {
  if (s->f == VM_NIL) return vm_lt(s->L, x, y);
  s->slot[0] = x;
  s->slot[1] = y;
  return vm_call(s->L, s->f, s->slot, 2) > 0 && vm_istruthy(s->slot[0]);
}

static VM_NORETURN void badorder(Sorter *s) { vm_error(s->L, "invalid order function for sorting"); }

static void swapv(Value *v, vm_int i, vm_int j) {
  Value x = v[i];
  v[i] = v[j];
  v[j] = x;
}

static void insertion(Sorter *s, Value *v, vm_int lo, vm_int hi) {
  vm_int i, j;
  for (i = lo + 1; i <= hi; i++) {
    Value x = v[i];
    for (j = i; j > lo && before(s, x, v[j - 1]); j--) v[j] = v[j - 1];
    v[j] = x;
  }
}

static void siftdown(Sorter *s, Value *v, vm_int root, vm_int count) {
  for (;;) {
    vm_int child = 2 * root + 1;
    if (child >= count) return;
    if (child + 1 < count && before(s, v[child], v[child + 1])) child++;
    if (!before(s, v[root], v[child])) return;
    swapv(v, root, child);
    root = child;
  }
}

static void heapsort_range(Sorter *s, Value *v, vm_int count) {
  vm_int i;
  for (i = count / 2 - 1; i >= 0; i--) siftdown(s, v, i, count);
  for (i = count - 1; i > 0; i--) {
    swapv(v, 0, i);
    siftdown(s, v, 0, i);
  }
}

/* Partitions v[lo..hi] (at least 4 elements) around the median of three; returns the pivot's final index.
** The guards stop an inconsistent comparator from running the scans out of the range. */
static vm_int partition(Sorter *s, Value *v, vm_int lo, vm_int hi) {
  vm_int mid = lo + (hi - lo) / 2, i = lo, j = hi - 1;
  Value p;
  if (before(s, v[mid], v[lo])) swapv(v, mid, lo);
  if (before(s, v[hi], v[mid])) {
    swapv(v, hi, mid);
    if (before(s, v[mid], v[lo])) swapv(v, mid, lo);
  }
  swapv(v, mid, hi - 1);
  p = v[hi - 1];
  for (;;) {
    while (before(s, v[++i], p))
      if (i >= hi - 1) badorder(s);
    while (before(s, p, v[--j]))
      if (j < i) badorder(s);
    if (j < i) break;
    swapv(v, i, j);
  }
  swapv(v, i, hi - 1);
  return i;
}

static void sortrange(Sorter *s, Value *v, vm_int lo, vm_int hi, int depth) {
  while (hi - lo >= 12) {
    vm_int p;
    if (depth-- == 0) {
      heapsort_range(s, v + lo, hi - lo + 1);
      return;
    }
    p = partition(s, v, lo, hi);
    if (p - lo < hi - p) {       /* recurse into the smaller side: the C stack stays O(log n) */
      sortrange(s, v, lo, p - 1, depth);
      lo = p + 1;
    } else {
      sortrange(s, v, p + 1, hi, depth);
      hi = p - 1;
    }
  }
  insertion(s, v, lo, hi);
}

static void sortvalues(Sorter *s, Value *v, vm_int count) {
  int depth = 0;
  vm_int k;
  for (k = count; k > 1; k >>= 1) depth += 2;
  sortrange(s, v, 0, count - 1, depth);
}

static int l_sort(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int len = getn(L, self, a, n, TAB_R | TAB_W), i;
  Value t = a[0], *v;
  Sorter s;
  if (len <= 1) return 0;
  if (len >= 0x7fffffff) lib_argerror(L, self, 1, "array too big");
  if (!lib_isnone(a, n, 2) && !vm_isfunction(a[1])) lib_typeerror(L, self, a, n, 2, "function");
  s.L = L;
  s.f = lib_arg(a, n, 2);
  s.slot = a + 2;
  vm_reserve(L, a + 2);
  if (israw(t) && (vm_uint)len <= vm_tab(t)->asize) {
    sortvalues(&s, vm_tab(t)->arr, len);     /* in place */
    return 0;
  }
  /* XXX: with metamethods, the elements are read first and written back after sorting, not interleaved */
  v = vm_alloc((vm_size)len * sizeof(Value));
  for (i = 0; i < len; i++) v[i] = geti(L, t, i + 1);
  sortvalues(&s, v, len);
  for (i = 0; i < len; i++) seti(L, t, i + 1, v[i]);
  return 0;
}

/* ---- Registration ---- */

static const LibReg tabfuncs[] = {
  LIB_FN("table.concat", l_concat),
  LIB_FN("table.insert", l_insert),
  LIB_FN("table.move", l_move),
  LIB_FN("table.pack", l_pack),
  LIB_FN("table.remove", l_remove),
  LIB_FN("table.sort", l_sort),
  LIB_FN("table.unpack", l_unpack),
  LIB_END
};

/* Creates the table library in g. */
void lib_opentable(VmState *L, Value g) {
  Value lib = lib_newlib(L, tabfuncs);
  lib_setfield(L, g, "table", lib);
  lib_setloaded(L, "table", lib);
}
