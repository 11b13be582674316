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

/* ---- sort ----
** Quicksort making lua5.4's choices: a[lo], a[mid], a[up] ordered first (the median is the pivot, mid the middle
** index), no special case for short ranges, and the same two scans, which stop with "invalid order function for
** sorting" exactly where lua5.4's do (a scan that would pass the pivot's slot or cross the other scan). So a
** given order function sees the same calls, and an inconsistent one is caught on the same inputs. Elements are
** read and written through the table every time (the order function may change the table; no pointer into it
** is kept), and every index stays within [lo, up]. XXX: where lua5.4 switches to random pivots (very unbalanced
** partitions), we switch to heapsort past a depth limit instead: O(n log n) either way, fewer order checks. */

typedef struct Sorter {
  VmState *L;
  VmClosure *self;         /* table.sort itself, the C caller of the comparator */
  Value t;                 /* the table (or table-like value) being sorted */
  Value f;                 /* comparator, or VM_NIL for '<' */
  Value *slot;             /* two free value-stack slots for the comparator's arguments */
} Sorter;

static int before(Sorter *s, Value x, Value y) {
  if (s->f == VM_NIL) return vm_lt(s->L, x, y);
  s->slot[0] = x;
  s->slot[1] = y;
  return lib_call(s->L, s->self, s->f, s->slot, 2) > 0 && vm_istruthy(s->slot[0]);
}

static VM_NORETURN void badorder(Sorter *s) { vm_error(s->L, "invalid order function for sorting"); }

/* t[i]: straight from the array part of a plain table, looked up again each time (the order function may
** resize the table or give it a metatable) */
static Value sget(Sorter *s, vm_int i) {
  VmTable *h = vm_tab(s->t);
  if (israw(s->t) && (vm_uint)i - 1 < h->asize) return h->arr[i - 1];
  return geti(s->L, s->t, i);
}

static void sset(Sorter *s, vm_int i, Value x) {
  VmTable *h = vm_tab(s->t);
  if (israw(s->t) && (vm_uint)i - 1 < h->asize) h->arr[i - 1] = x;
  else seti(s->L, s->t, i, x);
}

/* t[i] = x, t[j] = y */
static void sset2(Sorter *s, vm_int i, Value x, vm_int j, Value y) {
  sset(s, i, x);
  sset(s, j, y);
}

/* Puts t[i] and t[j] (i < j) in order; returns whether they were swapped. */
static int order2(Sorter *s, vm_int i, vm_int j) {
  Value x = sget(s, i), y = sget(s, j);
  if (!before(s, y, x)) return 0;
  sset2(s, i, y, j, x);
  return 1;
}

/* Heapsort of t[lo..up], for ranges past the depth limit; k is an offset from lo. */
static void siftdown(Sorter *s, vm_int lo, vm_int k, vm_int count) {
  for (;;) {
    vm_int c = 2 * k + 1;
    Value x, y;
    if (c >= count) return;
    if (c + 1 < count && before(s, sget(s, lo + c), sget(s, lo + c + 1))) c++;
    x = sget(s, lo + k), y = sget(s, lo + c);
    if (!before(s, x, y)) return;
    sset2(s, lo + k, y, lo + c, x);
    k = c;
  }
}

static void heapsort_range(Sorter *s, vm_int lo, vm_int up) {
  vm_int count = up - lo + 1, k;
  for (k = count / 2 - 1; k >= 0; k--) siftdown(s, lo, k, count);
  for (k = count - 1; k > 0; k--) {
    Value x = sget(s, lo), y = sget(s, lo + k);
    sset2(s, lo, y, lo + k, x);
    siftdown(s, lo, 0, k);
  }
}

/* Partitions t[lo..up] around the pivot p, which is in t[up - 1] (t[lo] <= p <= t[up] already); returns the
** pivot's final index. Reads stay in [lo, up - 1] even when the order function is inconsistent. */
static vm_int partition(Sorter *s, vm_int lo, vm_int up, Value p) {
  vm_int i = lo, j = up - 1;
  for (;;) {
    Value x, y;
    while (x = sget(s, ++i), before(s, x, p))    /* up to an element not below p */
      if (i == up - 1) badorder(s);                /* passed t[up - 1], which is p itself */
    while (y = sget(s, --j), before(s, p, y))    /* down to an element not above p */
      if (j < i) badorder(s);                      /* crossed the first scan */
    if (j < i) {
      sset2(s, up - 1, x, i, p);
      return i;
    }
    sset2(s, i, y, j, x);
  }
}

/* Orders t[lo], t[mid], t[up] and moves the median (the pivot) to t[up - 1]; returns it. Needs up - lo >= 3. */
static Value median3(Sorter *s, vm_int lo, vm_int up) {
  vm_int mid = lo + (up - lo) / 2;
  Value p;
  if (!order2(s, lo, mid)) order2(s, mid, up);
  p = sget(s, mid);
  sset2(s, mid, sget(s, up - 1), up - 1, p);
  return p;
}

static void sortrange(Sorter *s, vm_int lo, vm_int up, int depth) {
  while (lo < up) {
    vm_int p;
    order2(s, lo, up);
    if (up - lo == 1) return;
    if (up - lo == 2) {                /* three elements: the middle one against both ends */
      if (!order2(s, lo, lo + 1)) order2(s, lo + 1, up);
      return;
    }
    if (depth-- == 0) {
      heapsort_range(s, lo, up);
      return;
    }
    p = partition(s, lo, up, median3(s, lo, up));
    if (p - lo < up - p) {             /* recurse into the smaller side: the C stack stays O(log n) */
      sortrange(s, lo, p - 1, depth);
      lo = p + 1;
    } else {
      sortrange(s, p + 1, up, depth);
      up = p - 1;
    }
  }
}

static int l_sort(VmState *L, VmClosure *self, Value *a, int n) {
  vm_int len = getn(L, self, a, n, TAB_R | TAB_W), k;
  Sorter s;
  int depth = 16;
  if (len <= 1) return 0;
  if (len >= 0x7fffffff) lib_argerror(L, self, 1, "array too big");
  if (!lib_isnone(a, n, 2) && !vm_isfunction(a[1])) lib_typeerror(L, self, a, n, 2, "function");
  s.L = L;
  s.self = self;
  s.t = a[0];
  s.f = lib_arg(a, n, 2);
  s.slot = a + 2;
  vm_reserve(L, a + 2);
  for (k = len; k > 1; k >>= 1) depth += 3;
  sortrange(&s, 1, len, depth);
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
