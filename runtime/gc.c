/* gc.c: memory allocation on the Boehm collector, or on malloc for the ASan build (runtime layer).
**
** Boehm scans conservatively: every word that looks like a pointer into the heap keeps its object alive, which
** is why value.h stores heap pointers raw. Roots are the data segments, the stack in use of the thread that
** runs the program (its host stack: vm_runonstack), and uncollectable objects (VmGlobal, which keeps the
** main program's coroutine alive).
**
** Coroutines (VmCoro) are objects of a kind of their own whose mark procedure scans, besides the object, the
** used part of its value stack and, while another stack runs, its C stack (from the saved stack pointer): the
** value stacks and coroutine stacks live in mmap'd regions the collector knows nothing of, and a suspended
** coroutine's stacks keep things alive only as long as the coroutine itself is reachable. Every switch tells
** the collector where the stack in use starts (GC_set_stackbottom); the main program's C stack, when a
** coroutine runs, is scanned by the main coroutine's mark procedure like any suspended one. The collection
** events let costack.c reclaim the stacks of unreachable suspended coroutines.
**
** Built with -DVMC_MALLOC_GC (the ASan build), every object comes from calloc and is never freed, so that
** AddressSanitizer sees the bounds of each one.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "rt.h"

static int gcstats;

/* Where the stack in use starts (NULL: the thread's own, never switched). Coroutine switches only store it:
** the collector learns it when a collection starts (gcevent), so that a switch costs no call into it. */
char *vm_gcstackhi;

#ifdef VMC_MALLOC_GC

static size_t allocd;

/* AddressSanitizer's defaults for this build: objects are never freed (no leak report), and no fake stacks
** (a conservative collector could not scan them; kept off for when this build is used with one). */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0:detect_stack_use_after_return=0"; }

static void *rawalloc(vm_size n) {
  void *p = calloc(1, n ? n : 1);
  if (p == NULL) vm_memerror();
  allocd += n;
  return p;
}

/* Allocates n zeroed bytes that may hold pointers. */
void *vm_alloc(vm_size n) { return rawalloc(n); }
/* Allocates n bytes that hold no pointers (strings, number arrays): never scanned. */
void *vm_alloc_atomic(vm_size n) { return rawalloc(n); }
/* An interned string's memory: never freed in this build, so the intern table only grows. */
void *vm_alloc_istr(vm_size n) { return rawalloc(n); }
/* Allocates n zeroed bytes that are never collected and are scanned: runtime-global structures. */
void *vm_alloc_root(vm_size n) { return rawalloc(n); }
/* Grows (or shrinks) the scanned block p of oldn bytes to n bytes; the new part is zeroed. */
void *vm_realloc(void *p, vm_size oldn, vm_size n) {
  char *q = realloc(p, n ? n : 1);
  if (q == NULL) vm_memerror();
  if (n > oldn) memset(q + oldn, 0, n - oldn);
  allocd += n;
  return q;
}

/* Coroutines are objects like the others; nothing is scanned or switched without a collector. */
void *vm_alloc_coro(vm_size n) { return rawalloc(n); }
char *vm_gcthread(void) { return NULL; }

static int stopped;
static size_t firstgc, lastgc;   /* allocd at the first and at the last simulated collection; 0: none yet */

/* A simulated collection: whatever was allocated since the previous one counts as freed. */
static void simcollect(void) {
  if (firstgc == 0) firstgc = allocd;
  lastgc = allocd;
}

/* What count reports: the bytes allocated so far until the first collection, then the bytes in use then plus
** those allocated since the last one (nothing is ever freed, but a program that waits for count to drop after
** a collection, as the official gc.lua does, sees it drop). */
static size_t simcount(void) { return firstgc == 0 ? allocd : firstgc + (allocd - lastgc); }

/* collectgarbage without a collector: every step finishes a (simulated) cycle. */
int vm_gc(VmState *L, int what, int arg) {
  (void)L, (void)arg;
  if (vm_infinalizer()) return -1;
  switch (what) {
    case VM_GCSTOP: stopped = 1; return 0;
    case VM_GCRESTART: stopped = 0; return 0;
    case VM_GCCOLLECT:
      simcollect();
      vm_runfinalizers(L);
      return 0;
    case VM_GCCOUNT: return (int)(simcount() >> 10);
    case VM_GCCOUNTB: return (int)(simcount() & 1023);
    case VM_GCSTEP: simcollect(); return 1;
    case VM_GCISRUNNING: return !stopped;
    default: return 0;
  }
}

static size_t totalbytes(void) { return allocd; }

static void initcollector(void) {}

/* Nothing scans stacks in this build. */
static int hostenter(char *sp, char *hi) {
  (void)sp, (void)hi;
  return 1;
}
static void hostleave(char *sp) { (void)sp; }

#else

#define GC_THREADS
#define GC_ASSERT(e) ((void)0)
#include <gc/gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#include <gc/gc_disclaim.h>

/* Small scanned objects come from free lists of our own, one per size in granules, refilled in batches by
** the collector (gc_inline.h): an allocation is then a few instructions instead of a call into libgc. The
** lists belong to the thread (the pointer is thread-local) and live in an uncollectable block, so that the
** objects waiting on them stay marked: the collector follows the links, which are their first words. Atomic
** objects cannot be kept so (their links are not scanned, and the collector would reclaim all but the first
** object of a list): they come from GC_MALLOC_ATOMIC. */
typedef struct FreeLists {
  void *normal[GC_TINY_FREELISTS];
  void *istr[GC_TINY_FREELISTS];   /* interned strings (kind istrkind) */
  void *coro[GC_TINY_FREELISTS];   /* objects of the coroutine kind (see below) */
} FreeLists;

#if defined(__TINYC__)
#define VM_THREADLOCAL   /* XXX: tcc has no thread-local storage: one allocating thread only */
#else
#define VM_THREADLOCAL __thread
#endif

static VM_THREADLOCAL FreeLists *freelists;

static FreeLists *newfreelists(void) {
  freelists = GC_MALLOC_UNCOLLECTABLE(sizeof(FreeLists));
  if (freelists == NULL) vm_memerror();
  memset(freelists, 0, sizeof(FreeLists));
  return freelists;
}

/* granules for n bytes plus the byte past the end that the collector expects (interior pointers are on) */
static inline size_t granules(vm_size n) { return (size_t)(n + GC_GRANULE_BYTES) / GC_GRANULE_BYTES; }

/* Allocates n zeroed bytes that may hold pointers. */
void *vm_alloc(vm_size n) {
  FreeLists *fl = freelists != NULL ? freelists : newfreelists();
  size_t g = granules(n);
  void *p;
  GC_FAST_MALLOC_GRANS(p, g, fl->normal, 0, GC_I_NORMAL, GC_MALLOC(n), *(void **)p = 0);
  if (rt_unlikely(p == NULL)) vm_memerror();
  return p;
}

/* Interned strings are a kind of their own: the collector scans only their first word (so that the links of
** objects waiting on our free lists, which are first words, keep them; a string's first word is its header and
** hash, never mistaken for a pointer into the heap in practice) and, before it reclaims one, asks vm_strdisclaim,
** which takes it out of the intern table (string.c). */
static int istrkind;

/* Allocates the n bytes of an interned string (not zeroed; only the first word is scanned). */
void *vm_alloc_istr(vm_size n) {
  FreeLists *fl = freelists != NULL ? freelists : newfreelists();
  size_t g = granules(n);
  void *p;
  GC_FAST_MALLOC_GRANS(p, g, fl->istr, 0, istrkind, GC_generic_malloc(n, istrkind), (void)0);
  if (rt_unlikely(p == NULL)) vm_memerror();
  return p;
}

static int GC_CALLBACK istrdisclaim(void *obj) { return vm_strdisclaim(obj); }

static void initistr(void) {
  istrkind = (int)GC_new_kind(GC_new_free_list(), sizeof(void *) | GC_DS_LENGTH, 0, 0);
  GC_register_disclaim_proc(istrkind, istrdisclaim, 0);
}

/* Allocates n bytes that hold no pointers (strings, number arrays): never scanned, not zeroed. */
void *vm_alloc_atomic(vm_size n) {
  void *p = GC_MALLOC_ATOMIC(n);
  if (rt_unlikely(p == NULL)) vm_memerror();
  return p;
}

/* Grows (or shrinks) the scanned block p of oldn bytes to n bytes; the new part is zeroed (memory from the
** collector is, and GC_REALLOC copies into a fresh block when it cannot grow in place). p is freed: nothing
** else may point to it. */
void *vm_realloc(void *p, vm_size oldn, vm_size n) {
  void *q = GC_REALLOC(p, n);
  (void)oldn;
  if (rt_unlikely(q == NULL)) vm_memerror();
  return q;
}

/* Allocates n zeroed bytes that are never collected and are scanned: runtime-global structures. */
void *vm_alloc_root(vm_size n) {
  void *p = GC_MALLOC_UNCOLLECTABLE(n);
  if (p == NULL) vm_memerror();
  memset(p, 0, n);
  return p;
}

/* ---- Coroutines ---- */

static int corokind;        /* the collector's kind of VmCoro objects: scanned by markcoro */
static void **corofree;     /* its free lists, one per size in granules */
static void *gcthread;      /* the collector's handle of the thread that runs the program */

/* Marks what the words of [lo, hi) point to, as the collector's own scan would. */
static struct GC_ms_entry *markrange(GC_word *lo, GC_word *hi, struct GC_ms_entry *msp,
                                     struct GC_ms_entry *lim) {
  for (; lo < hi; lo++) msp = GC_MARK_AND_PUSH((void *)*lo, msp, lim, (void **)lo);
  return msp;
}

/* The mark procedure of coroutines: the ranges coro.c gives. Called with the world stopped, maybe on one of
** the collector's marker threads, maybe on a cleared object from a free list (coro.c copes). */
static struct GC_ms_entry *GC_CALLBACK markcoro(GC_word *addr, struct GC_ms_entry *msp,
                                                struct GC_ms_entry *lim, GC_word env) {
  VmRange r[VM_COROSCAN];
  int i, n = vm_coroscan(addr, r);
  (void)env;
  for (i = 0; i < n; i++) {
    GC_word *lo = (GC_word *)(((uintptr_t)r[i].lo + sizeof(GC_word) - 1) & ~(uintptr_t)(sizeof(GC_word) - 1));
    msp = markrange(lo, (GC_word *)r[i].hi, msp, lim);
  }
  return msp;
}

/* Allocates a zeroed coroutine object of n bytes (from this thread's free lists of the kind, as vm_alloc). */
void *vm_alloc_coro(vm_size n) {
  FreeLists *fl = freelists != NULL ? freelists : newfreelists();
  size_t g = granules(n);
  void *p;
  GC_FAST_MALLOC_GRANS(p, g, fl->coro, 0, corokind, GC_generic_malloc(n, corokind), *(void **)p = 0);
  if (rt_unlikely(p == NULL)) vm_memerror();
  return p;
}

/* Records the calling thread (the one that runs the program) for vm_gcstack; returns the cool end of its stack
** as the collector knows it. */
char *vm_gcthread(void) {
  struct GC_stack_base sb;
  gcthread = GC_get_my_stackbottom(&sb);
  return sb.mem_base;
}

static char *mainbottom;   /* the calling thread's own stack bottom while the program runs on the host stack */

static void *setstackbottom(void *hi) {
  struct GC_stack_base sb;
  sb.mem_base = hi;
  GC_set_stackbottom(gcthread, &sb);
  return NULL;
}

/* The program is about to run on a stack of its own ending at hi, switched to from this thread's stack, in use
** down to sp: the collector is to scan the new stack (gcevent), and the part in use of the old one as a range
** of roots. 0: the collector does not know this thread. */
static int hostenter(char *sp, char *hi) {
  mainbottom = vm_gcthread();
  if (mainbottom == NULL || sp >= mainbottom) return 0;
  GC_add_roots(sp, mainbottom);
  vm_gcstackhi = hi;
  GC_call_with_alloc_lock(setstackbottom, hi);   /* now: the collector sizes its pace by the stack's depth */
  return 1;
}

/* Back on the thread's own stack, at sp. */
static void hostleave(char *sp) {
  GC_remove_roots(sp, mainbottom);
  vm_gcstackhi = mainbottom;
  GC_call_with_alloc_lock(setstackbottom, mainbottom);
}

/* The collector's events, called with its lock held (no allocation). Before marking, the world stopped (the
** thread stacks are pushed after this), the collector learns where the stack in use starts (the lock is what
** GC_set_stackbottom asks for) and costack.c forgets which regions were reachable; once everything reachable is
** marked (after finalization, which marks more), costack.c reclaims the regions of unreachable coroutines. The
** intern table's epoch advances when marking starts (string.c); when it ends, weak tables drop what was not
** marked (weak.c). */
static void GC_CALLBACK gcevent(GC_EventType e) {
  if (e == GC_EVENT_MARK_START) {
    vm_strnewcycle();
    if (gcthread != NULL && vm_gcstackhi != NULL) {
      struct GC_stack_base sb;
      sb.mem_base = vm_gcstackhi;
      GC_set_stackbottom(gcthread, &sb);
    }
    vm_costack_gcstart();
  } else if (e == GC_EVENT_MARK_END) {
    vm_weaksweep();
  } else if (e == GC_EVENT_RECLAIM_END) {
    vm_costack_gcend();
  }
}

/* Boehm's warnings (large blocks, ...) would pollute the program's stderr. */
static void GC_CALLBACK nowarn(char *msg, GC_word arg) {
  (void)msg;
  (void)arg;
}

static size_t totalbytes(void) { return GC_get_total_bytes(); }

static GC_word livegc;      /* the collection (GC_get_gc_no) whose survivors `live` counts; 0: none */
static size_t live;         /* bytes of the objects that survived collection number livegc */

static void GC_CALLBACK addlive(void *obj, size_t bytes, void *total) {
  (void)obj;
  *(size_t *)total += bytes;
}

static void *countlive(void *total) {
  GC_enumerate_reachable_objects_inner(addlive, total);
  return NULL;
}

/* Bytes of the objects waiting on this thread's free lists: the collector counts them as allocated. */
static size_t freelistbytes(void) {
  size_t total = 0;
  int g;
  if (freelists == NULL) return 0;
  for (g = 1; g < GC_TINY_FREELISTS; g++) {
    void *p = freelists->normal[g], *q = freelists->coro[g];
    for (; (GC_word)p > GC_TINY_FREELISTS + 1; p = *(void **)p) total += (size_t)g * GC_GRANULE_BYTES;
    for (; (GC_word)q > GC_TINY_FREELISTS + 1; q = *(void **)q) total += (size_t)g * GC_GRANULE_BYTES;
    for (p = freelists->istr[g]; (GC_word)p > GC_TINY_FREELISTS + 1; p = *(void **)p)
      total += (size_t)g * GC_GRANULE_BYTES;
  }
  return total;
}

/* Bytes in use, as lua5.4's count: the survivors of the last collection plus what was allocated since, less
** what waits on the free lists. Boehm sweeps lazily and keeps freed objects on free lists, so the heap's free
** bytes say little; the survivors are counted from the mark bits, which stay valid until the next collection
** (once per collection, on demand). Before the first collection: the heap's size minus its free blocks. */
static size_t inuse(void) {
  GC_word no = GC_get_gc_no();
  size_t used, spare;
  if (no == 0) return GC_get_heap_size() - GC_get_free_bytes();
  if (no != livegc) {
    size_t total = 0;
    GC_call_with_alloc_lock(countlive, &total);
    live = total;
    livegc = no;
  }
  used = live + GC_get_bytes_since_gc();
  spare = freelistbytes();
  return spare < used ? used - spare : used;
}

#define SCRUBBYTES (16 << 10)             /* stack zeroed below a full collection's frame */
#define GC_BASICSTEP ((size_t)1 << 20)   /* bytes of work of a basic step, collectgarbage("step", 0) */

static size_t stepwork;     /* work asked for by steps since the last full collection, in bytes */

/* Zeroes the stack below the caller's frame, where the collector's frames will go: what dead frames left
** there (the table a rehash just replaced, say) would otherwise be found by the collector where its own frames
** leave gaps. */
static __attribute__((noinline)) void scrubcstack(void) {
  char buf[SCRUBBYTES];
  memset(buf, 0, sizeof buf);
  __asm__ volatile("" : : "r"(buf) : "memory");
}

/* A full collection, also while the collector is stopped (as lua5.4's collectgarbage("collect")). */
static void fullcollect(void) {
  int off = GC_is_disabled();
  if (off) GC_enable();
  scrubcstack();
  GC_gcollect();
  if (off) GC_disable();
  stepwork = 0;
}

/* collectgarbage("step", kb). Boehm collects in one go, not in increments: steps add up the work asked for (kb
** KB, or a basic step when kb is 0) and, once it reaches the heap in use (the work of marking and sweeping it),
** run a full collection: a finished cycle (1). Works while the collector is stopped, as in lua5.4. */
static int gcstep(int kb) {
  stepwork += kb > 0 ? (size_t)kb << 10 : GC_BASICSTEP;
  if (stepwork < inuse()) {
    if (!GC_is_disabled()) GC_collect_a_little();
    return 0;
  }
  fullcollect();
  return 1;
}

/* collectgarbage's operations on the collector, as lua_gc (see vmc.h). */
int vm_gc(VmState *L, int what, int arg) {
  (void)L;
  if (vm_infinalizer()) return -1;
  switch (what) {
    case VM_GCSTOP:
      if (!GC_is_disabled()) GC_disable();
      return 0;
    case VM_GCRESTART:
      if (GC_is_disabled()) GC_enable();
      return 0;
    case VM_GCCOLLECT:
      fullcollect();
      vm_runfinalizers(L);   /* as lua5.4's full collection, the finalizers it made due run before it returns */
      return 0;
    case VM_GCCOUNT: return (int)(inuse() >> 10);
    case VM_GCCOUNTB: return (int)(inuse() & 1023);
    case VM_GCSTEP: return gcstep(arg);
    case VM_GCISRUNNING: return !GC_is_disabled();
    default: return 0;
  }
}

/* Boehm starts a collection once the bytes allocated since the last one reach a share of the heap (1/3 by default).
** A program whose live data is small keeps a heap of a few hundred KB and so collects every few hundred KB it
** allocates, and each collection has a fixed cost (roots, waking the marker threads, sweeping: ~0.2 ms here):
** bench/ray_trace made 1,791 collections in 1.2 s. At least MINALLOC bytes between collections: 612 of them, and
** (median of 5 interleaved runs, vmc build) ray_trace 1.55 -> 1.02 s, event_sim 1.21 -> 0.92, tree_interp 1.67 ->
** 1.43, job_shop 0.71 -> 0.62, peak RSS +0.5 to +1.1 MB; programs with big heaps unchanged. Collecting after the
** heap's size instead (free space divisor 1) gained as much but doubled list_build's peak RSS (10 -> 20 MB), and
** 2 MB between collections added a further 1-1.5 MB for little. docs/ARCHITECTURE.md has the table. */
#define MINALLOC ((size_t)1 << 20)

static void initcollector(void) {
  GC_INIT();
  GC_set_min_bytes_allocd(MINALLOC);
  GC_set_warn_proc(nowarn);
  corofree = GC_new_free_list();
  corokind = (int)GC_new_kind(corofree, GC_MAKE_PROC(GC_new_proc(markcoro), 0), 0, 1);
  initistr();
  vm_weakinit();
  GC_set_on_collection_event(gcevent);
  GC_start_mark_threads();   /* parallel marking, which Boehm starts only with a second thread */
}

#endif

/* The host stack (vm_runonstack) while the program runs on it, else NULL. */
char *vm_hoststacklo, *vm_hoststackhi;

typedef struct HostCall {
  void (*fn)(void *);
  void *arg;
  const void *oldlo;   /* ASan build: the caller's stack, to switch back to */
  size_t oldsize;
} HostCall;

static void hostentry(void *ud) {
  HostCall *c = ud;
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_finish_switch_fiber(NULL, &c->oldlo, &c->oldsize);
#endif
  c->fn(c->arg);
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(NULL, c->oldlo, c->oldsize);
#endif
}

/* Runs fn(arg) on the calling thread, on a stack of `size` bytes of its own (mapped here, with a guard page
** below it), and returns 1; 0 if that stack could not be had (fn has not run). The program runs so rather than
** on a thread of its own: a second thread, even one waiting, is one the collector must stop with signals at
** every collection (see ARCHITECTURE.md, "The program's stack"). */
int vm_runonstack(void (*fn)(void *), void *arg, size_t size) {
  size_t guard = 4096;
  char *map, here;
  HostCall c;
#if defined(__SANITIZE_ADDRESS__)
  void *fake;
#endif
  map = mmap(NULL, size + guard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK,
             -1, 0);
  if (map == MAP_FAILED) return 0;
  if (mprotect(map, guard, PROT_NONE) != 0 || !hostenter(&here, map + guard + size)) {
    munmap(map, size + guard);
    return 0;
  }
  c.fn = fn;
  c.arg = arg;
  vm_hoststacklo = map + guard;
  vm_hoststackhi = map + guard + size;
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(&fake, vm_hoststacklo, size);
#endif
  vm_callonstack_asm(&c, hostentry, vm_hoststackhi);
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_finish_switch_fiber(fake, NULL, NULL);
#endif
  vm_hoststacklo = vm_hoststackhi = NULL;
  hostleave(&here);
  munmap(map, size + guard);
  return 1;
}

static void printstats(void) {
  fprintf(stderr, "vmc-gc: bytes_allocd=%zu\n", totalbytes());
}

/* Starts the collector; call once, from the main thread, before anything else of the runtime. */
void vm_gcinit(void) {
  static int done;
  const char *e;
  if (done) return;
  done = 1;
  initcollector();
  e = getenv("VMC_GCSTATS");
  gcstats = e != NULL && strcmp(e, "1") == 0;
  if (gcstats) atexit(printstats);
}

/* Out of memory: a Lua error "not enough memory" when a protected call can catch it, else the end. */
VM_NORETURN void vm_memerror(void) {
  VmState *L = vm_G != NULL ? vm_G->running : NULL;
  if (L != NULL && L->errjmp != NULL && vm_G->memerrmsg != VM_NIL) vm_throw(L, vm_G->memerrmsg);
  fputs("vmc: not enough memory\n", stderr);
  abort();
}
