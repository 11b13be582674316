/* costack.c: the C stacks and value stacks of coroutines, and the switch between stacks (runtime layer).
**
** Every coroutine gets one REGION of address space, mapped in chunks of CHUNK regions (vm.max_map_count,
** 65530 by default, caps the number of mappings: 100,000 coroutines could not have one mapping each, nor a
** guard page each, since mprotect splits mappings). A region holds both of its stacks, which start next to each
** other in the middle so that a small coroutine touches a single page:
**
**   lo | SLACK (never used) | VM_CSTACK_MARGIN | C stack, grows down from mid | value stack, up | hi
**                           ^ climit                                          ^ mid
**
** No guard page: overflow is the Lua error "stack overflow" from the checks against L->climit (vm_enter, and the
** runtime's calls out of C: metamethods, protected calls, library calls) and L->stack_last. Runtime C code
** between two checks stays within the margin (deep work, the compiler, goes to the main stack:
** vm_onmainstack); SLACK absorbs the collector's stack clearing (16 KB below its frame). No canary either:
** writing one at lo would cost every coroutine a second page (measured: 8 KB instead of 4 KB per suspended
** coroutine, and page-table pages on top).
**
** Only touched pages cost memory, plus the page-table page (4 KB per 2 MB of address space) that maps them:
** measured on 100,000 suspended coroutines, 4.3 KB of RSS each and 4 KB of page tables with 8 MB regions
** (2 KB with 1 MB regions). 8 MB buys depth: simple recursion in a coroutine goes 48,000 levels deep under
** `vmc run` and 87,000 under `vmc build` before "stack overflow" (lua5.4: up to a million, its limit being the
** Lua stack), where 1 MB gave about 3,000 and failed the official calls.lua (10,000 levels of calls through
** __call chains in a coroutine); the value stack gets 128K slots (lua5.4: 1M).
**
** Free regions are reused last-in first-out, those whose pages are still mapped ("hot") first; beyond HOT of
** those, a released region's pages go back to the kernel (madvise) and it waits on the cold list. HOT matches
** GCMIN, so that the regions one collection reclaims are reused without page faults: measured on a million
** coroutines of which a tenth are dropped while suspended, returning them at once (64 hot ones) spent a third
** of the run in page faults, madvise and the TLB shootdowns it sends to the collector's marker threads.
** A coroutine holds its region from its first resume until its death; one that is suspended and becomes
** unreachable loses it at the end of the collection that finds it so: the collector's mark procedure marks the
** regions of the coroutines it reaches (vm_costack_mark), and vm_costack_gcend releases the others. Regions in
** use also push the collector: when their number doubles, a collection runs before a new one is handed out.
**
** The switch is a small assembly routine (x86-64): it saves the callee-saved registers on the old stack, stores
** the stack pointer, loads the new one and pops. Measured: about 22 ns per resume/yield pair, against 360 ns for
** swapcontext, which makes a system call per switch. Each switch also tells the collector where the running
** stack starts (vm_gcstack) and, in an AddressSanitizer build, tells ASan.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "rt.h"

#if !defined(__x86_64__)
#error "costack.c: the coroutine switch is written for x86-64 only"
#endif

#define REGION ((size_t)8 << 20)          /* address space of one coroutine */
#define VSLOTS ((size_t)130688)           /* value-stack slots (1 MB - 3 KB): mid falls 3 KB into a page */
#define SLACK ((size_t)64 << 10)          /* below the margin: never used (GC_clear_stack clears 16 KB) */
#define CHUNK 64                          /* regions per mapping */
#define HOT 4096                          /* free regions that keep their pages */
#define GCMIN 4096                        /* regions in use before they push the collector */
#define ASAN_CLEARCO ((size_t)16 << 10)   /* ASan build: stack unpoisoned for a coroutine's entry ... */
#define ASAN_CLEARMAIN ((size_t)4 << 20)  /* ... and for an excursion to the main stack */

struct CoRegion {
  char *lo;
  CoRegion *nextfree;
  unsigned char inuse;
  unsigned char marked;       /* written by the mark procedure, possibly from the collector's marker threads */
};

typedef struct Chunk {
  struct Chunk *next;
  CoRegion r[CHUNK];
} Chunk;

static Chunk *chunks;
static CoRegion *hotlist, *coldlist;   /* free regions, with and without their pages */
static size_t nhot, ninuse, gclimit = GCMIN;

/* ---- The pool ---- */

/* Maps a chunk of CHUNK regions (no swap reserved: only touched pages cost) and frees its regions. */
static void newchunk(void) {
  Chunk *c = malloc(sizeof(Chunk));
  char *p = mmap(NULL, REGION * CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  int i;
  if (p == MAP_FAILED || c == NULL) {
    if (p != MAP_FAILED) munmap(p, REGION * CHUNK);
    free(c);
    vm_memerror();
  }
#ifdef MADV_NOHUGEPAGE
  madvise(p, REGION * CHUNK, MADV_NOHUGEPAGE);   /* a huge page per coroutine would cost 2 MB each */
#endif
  c->next = chunks;
  chunks = c;
  for (i = CHUNK - 1; i >= 0; i--) {
    c->r[i].lo = p + (size_t)i * REGION;
    c->r[i].inuse = 0;
    c->r[i].nextfree = coldlist;
    coldlist = &c->r[i];
  }
}

/* Returns r to the pool; beyond HOT free regions with pages, its pages go back to the kernel (unless keep: the
** region is the stack in use). */
static void putregion(CoRegion *r, int keep) {
  r->inuse = 0;
  ninuse--;
  if (nhot < HOT || keep) {
    r->nextfree = hotlist;
    hotlist = r;
    nhot++;
  } else {
    madvise(r->lo, REGION, MADV_DONTNEED);
    r->nextfree = coldlist;
    coldlist = r;
  }
}

/* A free region, hot if there is one. */
static CoRegion *takeregion(void) {
  CoRegion *r = hotlist;
  if (r != NULL) {
    hotlist = r->nextfree;
    nhot--;
    return r;
  }
  if (coldlist == NULL) newchunk();
  r = coldlist;
  coldlist = r->nextfree;
  return r;
}

/* A region for co. When the regions in use have doubled since the last collection, collects first: the
** regions of unreachable suspended coroutines come back (vm_costack_gcend), their memory counts for nothing
** in the collector's own pacing. */
void vm_costack_get(VmState *L, VmCoro *co) {
  CoRegion *r;
  char *mid;
  if (ninuse >= gclimit) {
    if (vm_gc(L, VM_GCISRUNNING, 0)) vm_gc(L, VM_GCCOLLECT, 0);
    gclimit = ninuse * 2 > GCMIN ? ninuse * 2 : GCMIN;
  }
  r = takeregion();
  ninuse++;
  r->inuse = 1;
  r->marked = 1;              /* reachable (it is being resumed) if a collection is under way */
  mid = r->lo + REGION - VSLOTS * sizeof(Value);
  co->region = r;
  co->clo = r->lo;
  co->chi = mid;
  co->L.climit = r->lo + SLACK + VM_CSTACK_MARGIN;
  co->L.stack = co->L.top = (Value *)(void *)mid;
  co->L.stack_last = co->L.stack + VSLOTS - VM_STACK_EXTRA;
  co->stack_end = co->L.stack + VSLOTS;
}

/* co is dead (or could not start): its region goes back to the pool. self: co still runs on it, until its
** switch away (nothing can take the region before that: no allocation, no collection in between). */
void vm_costack_put(VmCoro *co, int self) {
  if (co->region == NULL) return;
  putregion(co->region, self);
  co->region = NULL;
  co->sp = NULL;
  co->L.stack = co->L.top = co->L.stack_last = co->stack_end = NULL;
}

/* Regions in use (for tests). */
size_t vm_costack_inuse(void) { return ninuse; }

/* ---- Reclaiming the regions of unreachable coroutines (called by gc.c from the collector's events) ---- */

/* Marking starts: no region is known to be reachable. */
void vm_costack_gcstart(void) {
  Chunk *c;
  int i;
  for (c = chunks; c != NULL; c = c->next)
    for (i = 0; i < CHUNK; i++) __atomic_store_n(&c->r[i].marked, 0, __ATOMIC_RELAXED);
}

/* The mark procedure reached r's owner. */
void vm_costack_mark(CoRegion *r) { __atomic_store_n(&r->marked, 1, __ATOMIC_RELAXED); }

/* Reclaiming ended (after finalization, which may mark more): a region in use that was not marked belongs to
** a coroutine the collector found unreachable, which nothing will touch again. */
void vm_costack_gcend(void) {
  Chunk *c;
  int i;
  for (c = chunks; c != NULL; c = c->next)
    for (i = 0; i < CHUNK; i++)
      if (c->r[i].inuse && !__atomic_load_n(&c->r[i].marked, __ATOMIC_RELAXED)) putregion(&c->r[i], 0);
}

/* ---- Switching ---- */

void vm_costart_asm(void);
void vm_coland_asm(void);

/* vm_coswitch_asm(savesp, newsp, r): pushes the callee-saved registers, stores rsp in *savesp (rdi), loads newsp
** (rsi), pops the registers saved there and returns r (rdx) into the other stack. vm_costart_asm: where a new
** stack starts (the pops gave r12 = the coroutine, r13 = its entry function); it calls entry(co), which never
** returns. vm_coland_asm: a landing pad (vm_costack_land) in place of a return address: keeps the value being
** returned, calls vm_coland (rsp is 16-aligned there, as after a return) and jumps where it says. */
__asm__(".text\n"
        ".globl vm_coswitch_asm\n"
        ".type vm_coswitch_asm, @function\n"
        "vm_coswitch_asm:\n"
        "\tpushq %rbp\n\tpushq %rbx\n\tpushq %r12\n\tpushq %r13\n\tpushq %r14\n\tpushq %r15\n"
        "\tmovq %rsp, (%rdi)\n"
        "\tmovq %rsi, %rsp\n"
        "\tpopq %r15\n\tpopq %r14\n\tpopq %r13\n\tpopq %r12\n\tpopq %rbx\n\tpopq %rbp\n"
        "\tmovl %edx, %eax\n"
        "\tret\n"
        ".size vm_coswitch_asm, .-vm_coswitch_asm\n"
        ".globl vm_costart_asm\n"
        ".type vm_costart_asm, @function\n"
        "vm_costart_asm:\n"
        "\t.cfi_startproc\n"
        "\t.cfi_undefined rip\n"
        "\tmovq %r12, %rdi\n"
        "\tcallq *%r13\n"
        "\tud2\n"
        "\t.cfi_endproc\n"
        ".size vm_costart_asm, .-vm_costart_asm\n"
        ".globl vm_coland_asm\n"
        ".type vm_coland_asm, @function\n"
        "vm_coland_asm:\n"
        "\tpushq %rax\n"
        "\tsubq $8, %rsp\n"
        "\tcallq vm_coland\n"
        "\tmovq %rax, %r11\n"
        "\taddq $8, %rsp\n"
        "\tpopq %rax\n"
        "\tjmpq *%r11\n"
        ".size vm_coland_asm, .-vm_coland_asm\n");

/* vm_callonstack_asm(arg, fn, top): calls fn(arg) with the stack pointer at top (16-aligned) and comes back to
** the caller's stack when fn returns. rbp keeps the caller's stack pointer, and the unwind information says so,
** so that debuggers see through the switch. */
__asm__(".text\n"
        ".globl vm_callonstack_asm\n"
        ".type vm_callonstack_asm, @function\n"
        "vm_callonstack_asm:\n"
        "\t.cfi_startproc\n"
        "\tpushq %rbp\n"
        "\t.cfi_def_cfa_offset 16\n"
        "\t.cfi_offset %rbp, -16\n"
        "\tmovq %rsp, %rbp\n"
        "\t.cfi_def_cfa_register %rbp\n"
        "\tmovq %rdx, %rsp\n"
        "\tcallq *%rsi\n"
        "\tmovq %rbp, %rsp\n"
        "\tpopq %rbp\n"
        "\t.cfi_def_cfa %rsp, 8\n"
        "\tret\n"
        "\t.cfi_endproc\n"
        ".size vm_callonstack_asm, .-vm_callonstack_asm\n");

VmCoro *vm_costack_to;

/* co, switched away (its saved stack pointer is at its six saved registers and the return address), will come
** back through vm_coland_asm, which does `land` (coro.c's vm_coland) and then goes on to the address it had. */
void vm_costack_land(VmCoro *co, int land) {
  void **slot = (void **)co->sp + 6;
  if (*slot != (void *)(uintptr_t)vm_coland_asm) {
    co->landret = *slot;
    *slot = (void *)(uintptr_t)vm_coland_asm;
  }
  co->land = (unsigned char)land;
}

/* AddressSanitizer build: frames that never returned (a coroutine's entry, an excursion's entry) leave their
** redzones poisoned, and whatever uses that stack next would trip on them: clears the top of co's stack, where
** entries and the first frames go (libtcc, which runs there during an excursion, is not instrumented and does
** not set its own shadow). Nothing in other builds. */
void vm_costack_unpoison(VmCoro *co) {
#if defined(__SANITIZE_ADDRESS__)
  size_t clear = co->region != NULL ? ASAN_CLEARCO : ASAN_CLEARMAIN;
  if ((size_t)(co->chi - co->clo) < clear) clear = (size_t)(co->chi - co->clo);
  __asan_unpoison_memory_region(co->chi - clear, clear);
#else
  (void)co;
#endif
}

/* The first switch to co pops six registers and returns into vm_costart_asm, with rsp 16-aligned there so that
** entry sees the alignment of a normal call. */
void vm_costack_init(VmCoro *co, void (*entry)(VmCoro *)) {
  uintptr_t top = ((uintptr_t)co->chi - 64) & ~(uintptr_t)15;
  void **sp = (void **)(top - 72);
  vm_costack_unpoison(co);
  memset(sp, 0, 9 * sizeof(void *));
  sp[2] = (void *)(uintptr_t)entry;    /* r13 */
  sp[3] = co;                          /* r12 */
  sp[6] = (void *)(uintptr_t)vm_costart_asm;
  co->sp = sp;
}

