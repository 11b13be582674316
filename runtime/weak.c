/* weak.c: weak tables and finalizers (__mode, __gc) on the Boehm collector (runtime layer).
**
** Weak tables. A table whose metatable has __mode when setmetatable gives it (table.c: vm_tablesetweak) keeps
** its node array, and for weak values its array part, in memory of a kind of its own whose mark procedure skips
** the weak references to objects (tables, functions, userdata, coroutines: what lua5.4 removes; strings and
** numbers are values and stay). Weak tables are listed in a registry the collector does not scan, each slot a long
** disappearing link (cleared once the table is gone for good, after finalization). When marking ends, every listed
** table drops the entries whose weak key or value was not marked (vm_tableclearweak): the collector can then free
** those objects, since nothing else refers to them. Stores need no barrier: what a slot holds at that moment is
** what counts. Deviations from lua5.4: a weak key is not an ephemeron (a value that refers to its own key keeps
** the entry), an object kept for its finalizer leaves weak keys at once (lua5.4: at the next collection), and a
** __mode set or changed after setmetatable is not seen until the next setmetatable.
**
** Finalizers. setmetatable with a metatable that has __gc registers the object with the collector (once; the
** order of registration is kept). The collector runs no code of ours during a collection (finalize_on_demand):
** it only says that some registered objects became unreachable; the runtime calls their __gc at safe points
** (vm_runfinalizers: table and closure construction, collectgarbage), newest registration first, each in
** protected mode with yields refused; an error becomes the warning "error in __gc (...)", as lua5.4's. An
** object stays alive for its finalizer (and what it refers to), and may be resurrected. vm_closestate runs the
** finalizers of every object still registered, as lua_close does.
**
** Built with -DVMC_MALLOC_GC nothing is ever collected: weak tables keep everything and finalizers run only
** when the state closes.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

#ifndef VMC_MALLOC_GC
#define GC_THREADS
#define GC_ASSERT(e) ((void)0)
#include <gc/gc.h>
#include <gc/gc_mark.h>
#endif

/* ---- Finalizer registry ---- */

/* An object registered for finalization: its address hidden (the registry must not keep it alive), the order of
** registration. The collector's client data of the registration is the entry's index. */
typedef struct FinEntry {
  uintptr_t hidden;        /* ~address; 0: a free entry */
  vm_uint seq;
} FinEntry;

static FinEntry *fins;       /* malloc'd: not scanned */
static size_t nfins, finsize, finfree;   /* used entries, capacity, a hint for the next free one */
static vm_uint finseq;

/* Objects whose finalizer is due, with their order: a scanned, uncollectable block (they stay alive). */
typedef struct Ready {
  void *obj;
  vm_uint seq;
} Ready;
static Ready *ready;
static size_t nready, readysize;
#ifndef VMC_MALLOC_GC
static int finpending;       /* the collector has unreachable registered objects for us */
#endif
static int finrunning;       /* vm_runfinalizers is calling finalizers */
static int closing;          /* vm_closestate has begun: no object gets a finalizer any more (as lua5.4) */

static size_t finslot(void) {
  size_t i;
  if (nfins == finsize) {
    size_t n = finsize ? finsize * 2 : 64;
    FinEntry *f = realloc(fins, n * sizeof(FinEntry));
    if (f == NULL) vm_memerror();
    memset(f + finsize, 0, (n - finsize) * sizeof(FinEntry));
    fins = f;
    finfree = finsize;
    finsize = n;
  }
  for (i = finfree; fins[i].hidden != 0; i = (i + 1) % finsize) {}
  finfree = (i + 1) % finsize;
  nfins++;
  return i;
}

static void addready(void *obj, vm_uint seq) {
  if (nready == readysize) {
    size_t n = readysize ? readysize * 2 : 64;
    Ready *r = vm_alloc_root(n * sizeof(Ready));
    if (nready > 0) memcpy(r, ready, nready * sizeof(Ready));
#ifndef VMC_MALLOC_GC
    GC_FREE(ready);
#endif
    ready = r;
    readysize = n;
  }
  ready[nready].obj = obj;
  ready[nready].seq = seq;
  nready++;
}

/* Entry i's object is due (the collector found it unreachable, or the state closes): it moves to the ready list. */
static void due(size_t i) {
  void *obj = (void *)~fins[i].hidden;
  addready(obj, fins[i].seq);
  ((VmObj *)obj)->extra &= (unsigned short)~VM_TFINAL;   /* setmetatable may register it again */
  fins[i].hidden = 0;
  nfins--;
}

#ifndef VMC_MALLOC_GC
/* The collector's finalizer of every registered object, called by GC_invoke_finalizers (from vm_runfinalizers). */
static void GC_CALLBACK fincb(void *obj, void *cd) {
  (void)obj;
  due((size_t)(uintptr_t)cd);
}

static void GC_CALLBACK finnotify(void) { finpending = 1; }
#endif

/* Registers the table or userdata o, whose metatable has __gc, for finalization (once until its finalizer runs). */
void vm_setfinalizer(VmState *L, Value o) {
  VmObj *h = vm_toptr(o);
  size_t i;
  (void)L;
  if ((h->extra & VM_TFINAL) || closing) return;
  h->extra |= VM_TFINAL;
  i = finslot();
  fins[i].hidden = ~(uintptr_t)h;
  fins[i].seq = ++finseq;
#ifndef VMC_MALLOC_GC
  GC_register_finalizer_no_order(h, fincb, (void *)(uintptr_t)i, NULL, NULL);
#endif
}

static int laterfirst(const void *a, const void *b) {
  vm_uint x = ((const Ready *)a)->seq, y = ((const Ready *)b)->seq;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Calls the __gc of obj's current metatable, if any, protected; an error becomes a warning. */
static void callgc(VmState *L, void *obj) {
  Value o = vm_mkptr(obj), tm = vm_tm(L, o, TM_GC), *base = L->top;
  VmCoro *co = vm_coro(L);
  if (tm == VM_NIL) return;
  if (base + 2 > L->stack_last) return;   /* XXX: no room on this stack: the finalizer is skipped */
  base[0] = o;
  co->nny++;
  if (vm_pcall(L, tm, base, 1) < 0) {
    Value e = base[0];
    vm_warning("error in __gc (", 1);
    vm_warning(vm_isstring(e) ? vm_str(e)->s : "error object is not a string", 1);
    vm_warning(")", 0);
  }
  co->nny--;
  L->top = base;
}

int vm_infinalizer(void) { return finrunning; }

/* Calls the finalizers that are due, newest registration first (each batch in that order). */
static void callready(VmState *L) {
  while (nready > 0) {
    size_t n = nready, i;
    Ready *batch = malloc(n * sizeof(Ready));
    if (batch == NULL) vm_memerror();
    memcpy(batch, ready, n * sizeof(Ready));
    memset(ready, 0, n * sizeof(Ready));
    nready = 0;
    qsort(batch, n, sizeof(Ready), laterfirst);
    for (i = 0; i < n; i++) {
      vm_reserve(L, L->top);
      callgc(L, batch[i].obj);
      batch[i].obj = NULL;
    }
    free(batch);
  }
}

/* Runs the finalizers of the registered objects the collector found unreachable, if any: called at safe points
** (no runtime structure half-built), never from within a finalizer. */
void vm_runfinalizers(VmState *L) {
  if (finrunning) return;
#ifndef VMC_MALLOC_GC
  if (!finpending && nready == 0) return;
  finpending = 0;
  finrunning = 1;
  GC_invoke_finalizers();
#else
  if (nready == 0) return;
  finrunning = 1;
#endif
  callready(L);
  finrunning = 0;
}

/* As lua_close: closes the pending to-be-closed variables of the main program (os.exit(code, true) called from it;
** from a coroutine, they stay pending), then calls the finalizers of every object still registered (unreachable or
** not), newest first. Objects given a __gc from then on get no finalizer, as in lua5.4. */
void vm_closestate(VmState *L) {
  Value err = VM_NIL;
  if (L == L->g->mainthread && L->ntbc > 0) vm_closepending(L, 0, &err);   /* errors in __close are dropped */
  vm_runfinalizers(L);
  closing = 1;
  finrunning = 1;
  while (nfins > 0 || nready > 0) {
    size_t i;
    for (i = 0; i < finsize; i++) {
      if (fins[i].hidden == 0) continue;
#ifndef VMC_MALLOC_GC
      GC_register_finalizer_no_order((void *)~fins[i].hidden, 0, 0, NULL, NULL);
#endif
      due(i);
    }
    callready(L);
  }
  finrunning = 0;
}

/* ---- Weak tables ---- */

/* Weak tables, in chunks that never move (each slot is a long link the collector clears). Not scanned. */
#define WCHUNK 256
typedef struct WeakChunk {
  struct WeakChunk *next;
  VmTable *t[WCHUNK];
} WeakChunk;
#ifndef VMC_MALLOC_GC
static WeakChunk *weaks;
#endif

#ifdef VMC_MALLOC_GC

void *vm_alloc_weak(vm_size n, int mode, int nodes) {
  (void)mode, (void)nodes;
  return vm_alloc(n);
}

void vm_weakregister(VmTable *t, int on) { (void)t, (void)on; }

#else

/* Is v an object lua5.4 removes from weak tables (not a string or a number)? */
static inline int isobject(Value v) {
  if (!vm_isptr(v)) return 0;
  switch (vm_ptrtype(v)) {
    case VM_TTABLE: case VM_TFUNC: case VM_TUSERDATA: case VM_TCORO: return 1;
    default: return 0;
  }
}

static int nodekind[4];      /* node arrays of weak tables, by mode (VM_TWEAKK | VM_TWEAKV) >> 1 */
static int arrkind;          /* array parts of tables with weak values */

/* The mark procedure of a weak table's node array (env: its mode): keys and values, but for the weak ones that
** are objects. Runs with the world stopped, maybe on a marker thread; reads what the values point to. */
static struct GC_ms_entry *GC_CALLBACK marknodes(GC_word *addr, struct GC_ms_entry *msp,
                                                 struct GC_ms_entry *lim, GC_word env) {
  VmNode *n = (VmNode *)addr;
  size_t i, count = GC_size(addr) / sizeof(VmNode);
  for (i = 0; i < count; i++) {
    if (!((env & VM_TWEAKK) && isobject(n[i].key)))
      msp = GC_MARK_AND_PUSH((void *)(uintptr_t)n[i].key, msp, lim, (void **)&n[i].key);
    if (!((env & VM_TWEAKV) && isobject(n[i].val)))
      msp = GC_MARK_AND_PUSH((void *)(uintptr_t)n[i].val, msp, lim, (void **)&n[i].val);
  }
  return msp;
}

/* The mark procedure of the array part of a table with weak values: its values that are not objects. */
static struct GC_ms_entry *GC_CALLBACK markarr(GC_word *addr, struct GC_ms_entry *msp,
                                               struct GC_ms_entry *lim, GC_word env) {
  Value *v = (Value *)addr;
  size_t i, count = GC_size(addr) / sizeof(Value);
  (void)env;
  for (i = 0; i < count; i++)
    if (!isobject(v[i])) msp = GC_MARK_AND_PUSH((void *)(uintptr_t)v[i], msp, lim, (void **)&v[i]);
  return msp;
}

/* Creates the kinds (once, from vm_gcinit). */
void vm_weakinit(void) {
  int proc = (int)GC_new_proc(marknodes), m;
  for (m = 1; m < 4; m++) nodekind[m] = (int)GC_new_kind(GC_new_free_list(), GC_MAKE_PROC(proc, m << 1), 0, 1);
  arrkind = (int)GC_new_kind(GC_new_free_list(), GC_MAKE_PROC(GC_new_proc(markarr), 0), 0, 1);
  GC_set_finalize_on_demand(1);
  GC_set_finalizer_notifier(finnotify);
}

/* Zeroed memory for a weak table of mode `mode`: its node array (nodes) or its array part. */
void *vm_alloc_weak(vm_size n, int mode, int nodes) {
  void *p;
  if (!nodes && !(mode & VM_TWEAKV)) return vm_alloc(n);   /* weak keys only: the array part is strong */
  p = GC_generic_malloc(n, nodes ? nodekind[mode >> 1] : arrkind);
  if (p == NULL) vm_memerror();
  return p;
}

/* Lists t among the weak tables (on) or takes it off. */
void vm_weakregister(VmTable *t, int on) {
  WeakChunk *c;
  int i;
  for (c = weaks; c != NULL; c = c->next)
    for (i = 0; i < WCHUNK; i++)
      if (c->t[i] == (on ? NULL : t)) goto found;
  if (!on) return;
  c = calloc(1, sizeof(WeakChunk));
  if (c == NULL) vm_memerror();
  c->next = weaks;
  weaks = c;
  i = 0;
found:
  if (on) {
    c->t[i] = t;
    GC_register_long_link((void **)&c->t[i], t);
  } else {
    GC_unregister_long_link((void **)&c->t[i]);
    c->t[i] = NULL;
  }
}

/* Was v marked by the collection under way (anything but an object counts as alive)? Lock held. */
static int alive(Value v) { return !isobject(v) || GC_is_marked(vm_toptr(v)); }

/* Marking has ended (collector's event, lock held, world stopped): every weak table drops the entries whose weak
** objects were not marked. Tables that are themselves unreachable are cleared too: one may yet be resurrected by
** a finalizer, and must not keep references to what this collection frees. */
void vm_weaksweep(void) {
  WeakChunk *c;
  int i;
  for (c = weaks; c != NULL; c = c->next)
    for (i = 0; i < WCHUNK; i++)
      if (c->t[i] != NULL) vm_tableclearweak(c->t[i], alive);
}

#endif
