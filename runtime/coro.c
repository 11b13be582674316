/* coro.c: coroutines: creation, resume, yield, status and close, as lua5.4 has them (runtime layer).
**
** Coroutines are stackful: each runs on a C stack of its own (costack.c) with a VmState of its own (value stack,
** frame chain, climit, error-jump chain), so compiled code knows nothing of them: a yield is a C call that
** returns when the coroutine is resumed, from any depth. Values pass by copying between the two value stacks.
**
** What lua5.4 refuses, this refuses too: a yield while a C function other than the few that let yields through
** is running in the coroutine ("attempt to yield across a C-call boundary": table.sort's comparator, gsub's
** function, __tostring from tostring, a message handler, ...). call.c counts those calls in VmCoro.nny; the
** library marks the exceptions (pcall, xpcall, dofile, pairs' __pairs, the coroutine functions) with VM_FYIELD.
** A resume counts as one C-level call, as in lua5.4: a coroutine's nccalls starts at its resumer's + 1, so that
** nesting resumes ends in "C stack overflow" at the same depth.
**
** The switch protocol. Whoever switches away does the work the other side would do once back: a yield copies
** its values where its resumer's results go and computes the resumer's result count, a resume copies its
** arguments where the yield's results go; the count rides in a register through the switch (the return value
** of vm_coswitch_asm on the other stack). So resume, yield and wrap's functions end in a tail call of the
** switch, and the other side comes back straight into its caller (the generic call of generated code): no code
** of the runtime runs after a switch, and the returns that follow it go through the same addresses on both
** sides, which the return-stack buffer predicts. What cannot be done in advance (raising a wrap function's
** error, unwinding a coroutine being closed) is done on a landing pad: the switch replaces the saved return
** address of the other side by vm_coland_asm, which calls vm_coland first (the ASan build lands every switch
** there, to tell ASan the switch is complete).
*/
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "rt.h"

#define CO_CLOSEJMP 2      /* longjmp code to a coroutine's base: unwound by a close request */
#define CO_CLOSING 3       /* VmCoro.how of a coroutine that waits in coroutine.close */

/* ---- To-be-closed variables ---- */

/* XXX: waits for `<close>` (branch lang-ctl), which keeps each state's pending to-be-closed values reachable
** from its VmState: this is the coroutine library's only contact with it. Closes all of L's pending
** to-be-closed variables, newest first, in L's own context (L is the running coroutine, on its own C stack, its
** frames unwound, yields refused), as lua5.4's luaE_resetthread: each __close gets the error object *err (nil
** after a yield); an error in a __close replaces *err. Returns 1 if an error remains at the end (status: 1 when
** *err is already an error), else 0. Called by coroutine.close and by wrap's functions after an error. */
static int closetbc(VmState *L, Value *err, int status) {
  if (L->ntbc == 0) return status;
  return vm_closepending(L, 0, err) ? 1 : status;
}

/* ---- States ---- */

static VmCoro *newcoro(VmGlobal *g) {
  VmCoro *co = vm_alloc_coro(sizeof(VmCoro));
  co->h.tt = VM_TCORO;
  co->yframe.cl = NULL;   /* a C frame: tracebacks show the record of the coroutine.yield call under it */
  co->yframe.line = -1;
  co->L.g = g;
  co->L.globals = g->mainthread != NULL ? g->mainthread->globals : VM_NIL;
  return co;
}

/* The main program's state: running, never suspended, with a value stack of VM_STACK_SLOTS slots (an mmap'd
** region that never moves; VM_STACK_EXTRA of them above stack_last). Its C stack is the thread's (state.c
** sets clo, chi and climit). */
VmState *vm_newmainstate(VmGlobal *g) {
  VmCoro *co = newcoro(g);
  Value *p = mmap(NULL, VM_STACK_SLOTS * sizeof(Value), PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) vm_memerror();
  co->ismain = co->started = 1;
  co->status = CO_RUNNING;
  co->L.stack = co->L.top = p;
  co->L.stack_last = p + VM_STACK_SLOTS - VM_STACK_EXTRA;
  co->stack_end = p + VM_STACK_SLOTS;
  return &co->L;
}

#define SCANEXTRA 64       /* value-stack slots scanned above the top of a coroutine that waits in a call */

/* For gc.c's mark procedure (possibly on a marker thread, the world stopped): the object itself, the used part
** of the value stack and, unless its stack is the one in use (sp NULL), the C stack from the saved stack
** pointer. The running state's C functions may use slots above top without raising it: VM_STACK_EXTRA of them
** are scanned; one that waits in a call (yield, resume) keeps everything below top. Tolerates a cleared object
** (the collector may call it on one on a free list) and a stale one (regions are never unmapped). */
int vm_coroscan(void *p, VmRange *r) {
  VmCoro *co = p;
  int n = 0;
  Value *hi;
  r[n].lo = co, r[n++].hi = co + 1;
  if (co->L.stack != NULL && co->stack_end != NULL) {
    hi = co->L.top + (&co->L == vm_G->running ? VM_STACK_EXTRA : SCANEXTRA);
    if (hi > co->stack_end || hi < co->L.stack) hi = co->stack_end;
    r[n].lo = co->L.stack, r[n++].hi = hi;
  }
  if (co->sp != NULL && (char *)co->sp >= co->clo && (char *)co->sp < co->chi)
    r[n].lo = co->sp, r[n++].hi = co->chi;
  if (co->region != NULL) vm_costack_mark(co->region);
  return n;
}

/* Nils the slots of L's value stack from `from` up to where the collector scans the running state: what calls that
** have returned left there would keep garbage alive for this conservative collector (gc.lua's weak tables). Only
** for a C function that keeps nothing above its own arguments while it runs (collectgarbage). */
void vm_scrubstack(VmState *L, Value *from) {
  Value *hi = L->top + VM_STACK_EXTRA, *end = vm_coro(L)->stack_end;
  if (end != NULL && hi > end) hi = end;
  while (from < hi) *from++ = VM_NIL;
}

/* ---- Switching ---- */

static inline int switchto(VmCoro *from, VmCoro *to, int r, int dying) {
  vm_G->running = &to->L;
  return vm_costack_switch(from, to, r, dying);
}

/* Resets the state of a coroutine that stopped running for good (a longjmp to its base may have left anything). */
static void settle(VmCoro *co) {
  co->L.frame = NULL;
  co->L.top = co->L.stack;
  co->L.calls = NULL;
  co->L.nccalls = co->ccbase;
  co->nny = 0;
  co->status = CO_DEAD;
  co->parked = 0;
  co->fn = VM_NIL;
}

/* Runs the body with the arguments of the first resume; its results are left for the resumer. */
static void runbody(VmCoro *co) {
  VmState *L = &co->L;
  Value fn = co->fn;
  co->fn = VM_NIL;
  L->top = L->stack + co->nxfer;
  co->nxfer = vm_call(L, fn, L->stack, co->nxfer);
  co->xfer = L->stack;
}

/* Closes the pending to-be-closed variables (coroutine.close, or wrap after an error), the stack unwound. An
** error that escapes them ends at the base again, with the flag `closing` set: it is the final error. */
static void runclose(VmCoro *co, VmJmp *j) {
  co->closing = 1;
  co->L.frame = NULL;
  co->L.errjmp = j;
  co->nny = 1;                /* lua5.4 closes a coroutine in a non-yieldable call */
  if (setjmp(j->b) == 0) {
    Value err = co->errored ? co->err : VM_NIL;
    co->errored = (unsigned char)closetbc(&co->L, &err, co->errored);
    co->err = co->errored ? err : VM_NIL;
  } else {
    co->err = j->err;
    co->errored = 1;
  }
}

static inline int deliver(VmCoro *co, VmCoro *to, Value *vals, int n, Value err);

/* The first function on a coroutine's stack. Its protected call is the coroutine's base, where a coroutine
** returns from its body, and where a close request unwinds to (from the yield or the error it waits in). It
** delivers the body's results, gives its region back (nothing can take it before the switch) and leaves. */
static void coentry(VmCoro *co) {
  VmState *L = &co->L;
  VmCoro *to;
  VmJmp j;
  int r;
  j.prev = NULL;
  j.handler = VM_NIL;
  j.err = VM_NIL;
  co->base = &j;
  L->errjmp = &j;
  if (setjmp(j.b) == 0) runbody(co);
  else runclose(co, &j);
  to = co->resumer;
  co->resumer = NULL;
  r = deliver(co, to, co->closing ? NULL : co->xfer, co->closing ? 0 : co->nxfer, VM_NIL);
  settle(co);
  vm_costack_put(co, 1);
  switchto(co, to, r, 1);
}

/* An error is about to unwind a coroutine to its base (vm_throw). As in lua5.4 it dies with its frames in
** place (debug.traceback(co) shows them, and its to-be-closed variables stay pending): it stops here, keeping
** its stack, until coroutine.close (or a wrap function, after the error) resumes it to unwind and close, or
** the collector finds it unreachable. Returns at once for an error while closing, which unwinds as usual. */
void vm_coerror(VmState *L, Value err) {
  VmCoro *co = vm_coro(L), *to = co->resumer;
  int r;
  if (co->closing) return;
  co->err = err;
  co->errored = co->parked = 1;
  co->status = CO_DEAD;
  co->nny = 0;
  co->fn = VM_NIL;
  co->resumer = NULL;
  r = deliver(co, to, NULL, -1, err);
  switchto(co, to, r, 0);
  longjmp(co->base->b, CO_CLOSEJMP);
}

/* ---- Resume and yield ---- */

/* Copies n values between two value stacks (never overlapping); most transfers are of zero to two values. */
static inline void copyvals(Value *to, const Value *from, int n) {
  int i;
  if (n == 1) {
    to[0] = from[0];
    return;
  }
  for (i = 0; i < n; i++) to[i] = from[i];
}

static VmCoro *tocoro(Value v) { return (VmCoro *)vm_toptr(v); }

/* A new coroutine that will run f (not called yet). */
Value vm_cocreate(VmState *L, Value f) {
  VmCoro *co = newcoro(L->g);
  co->fn = f;
  co->status = CO_SUSPENDED;
  return vm_mkptr(co);
}

/* Gives co a stack and its first arguments, or says why not. */
static const char *start(VmState *L, VmCoro *co, Value *a, int n) {
  vm_costack_get(L, co);
  if (co->L.stack + n > co->L.stack_last) {
    vm_costack_put(co, 0);
    return "too many arguments to resume";
  }
  copyvals(co->L.stack, a, n);
  co->nxfer = n;
  vm_costack_init(co, coentry);
  co->started = 1;
  return NULL;
}

/* Starting co would go past the C-call limit: as in lua5.4, the body's call fails inside co, which dies. */
static const char *startoverflow(VmState *L, VmCoro *co) {
  co->status = CO_DEAD;
  co->fn = VM_NIL;
  co->errored = 1;
  co->err = vm_newcstr(L, "C stack overflow");
  return "";
}

/* Readies co to be resumed by `from` with a[0..n-1]: passes the values (to the yield co waits in, whose frame
** is popped, or as the body's arguments), or says why not ("" for an error already in co->err). */
static inline const char *prepare(VmState *L, VmCoro *from, VmCoro *co, Value *a, int n) {
  if (rt_unlikely(co->status != CO_SUSPENDED))
    return co->status == CO_DEAD ? "cannot resume dead coroutine" : "cannot resume non-suspended coroutine";
  if (rt_unlikely(from->L.nccalls >= VM_MAXCCALLS)) return "C stack overflow";
  if (!co->started) return from->L.nccalls + 1 >= VM_MAXCCALLS ? startoverflow(L, co) : start(L, co, a, n);
  if (rt_unlikely(co->xfer + n > co->L.stack_last)) return "too many arguments to resume";
  copyvals(co->xfer, a, n);
  co->nxfer = n;
  co->L.frame = co->yframe.prev;
  return NULL;
}

/* co is about to run on behalf of `from`: the resume counts as a C-level call. */
static void enter(VmCoro *from, VmCoro *co) {
  int base = from->L.nccalls + 1;
  co->L.nccalls += base - co->ccbase;
  co->ccbase = base;
  co->resumer = from;
  co->status = CO_RUNNING;
  from->status = CO_NORMAL;
}

/* Raises the error of a wrap function in L, whose coroutine is co: after closing co if it died of it, with the
** position of the call added to a string (lua5.4's auxwrap). */
static VM_NORETURN void wraperror(VmState *L, VmCoro *co, Value err) {
  if (co->status == CO_DEAD) vm_coclose(L, vm_mkptr(co), &err);
  if (vm_isstring(err)) err = vm_concat(L, vm_where(L, 1), err, NULL, NULL);
  vm_throw(L, err);
}

/* The error of a resume that did not switch: false and the error (coroutine.resume), or raised (wrap). */
static int resumeerror(VmState *L, VmCoro *co, Value *a, Value err, int how) {
  if (how != VM_CORESUME) wraperror(L, co, err);
  a[0] = VM_FALSE;
  a[1] = err;
  return 2;
}

/* Gives `to`, which resumed co and waits in vm_cotransfer (or coroutine.close), the outcome of its resume, from
** co's side before the switch back: the values vals[0..n-1] where its results go, as its how says, or (n < 0)
** the error err: false and err for coroutine.resume, a landing pad that raises it for wrap. Returns to's result
** count. */
static inline int deliver(VmCoro *co, VmCoro *to, Value *vals, int n, Value err) {
  Value *d = to->dest;
  to->status = CO_RUNNING;
  if (to->how == CO_CLOSING) return 0;
  if (n >= 0 && rt_unlikely(d + (to->how == VM_CORESUME) + n > to->L.stack_last)) {
    err = vm_newcstr(&co->L, "too many results to resume");
    n = -1;
  }
  if (rt_unlikely(n < 0)) {
    if (to->how == VM_CORESUME) {
      d[0] = VM_FALSE;
      d[1] = err;
      return 2;
    }
    to->landerr = err;
    to->landco = co;
    vm_costack_land(to, VM_LANDRAISE);
    return 0;
  }
  if (to->how != VM_CORESUME) {
    copyvals(d, vals, n);
    return n;
  }
  d[0] = VM_TRUE;
  copyvals(d + 1, vals, n);
  return n + 1;
}

/* A yield refused: in the main program, or while a non-yieldable C call runs. */
static VM_NORETURN void yieldrefused(VmState *L) {
  vm_throwmsg(L, vm_coro(L)->ismain ? "attempt to yield from outside a coroutine"
                                    : "attempt to yield across a C-call boundary");
}

/* The one place where resumes and yields switch: how is VM_COYIELD (L's coroutine yields a[0..n-1] to its
** resumer; returns the number of values the next resume passes, in a[0..]), VM_CORESUME (coroutine.resume
** with the function's arguments, co = a[0]: returns true and what co yields or returns, or false and the
** error), or VM_COWRAP (a function of coroutine.wrap: returns what co yields or returns; raises its errors).
** A yield is refused in the main program and while a non-yieldable C call runs. It ends in the switch, whose
** return value is this function's on the other side (see the switch protocol above); the library's functions
** tail-call it. */
int vm_cotransfer(VmState *L, Value v, Value *a, int n, int how) {
  VmCoro *from = vm_coro(L), *to;
  int r;
  if (how == VM_COYIELD) {
    if (rt_unlikely(from->ismain | (from->nny > 0))) yieldrefused(L);
    to = from->resumer;
    r = deliver(from, to, a, n, VM_NIL);
    from->resumer = NULL;
    from->xfer = a;
    from->status = CO_SUSPENDED;
    from->yframe.prev = L->frame;
    L->frame = &from->yframe;
  } else {
    const char *msg;
    to = tocoro(v);
    msg = how == VM_CORESUME ? prepare(L, from, to, a + 1, n - 1) : prepare(L, from, to, a, n);
    if (rt_unlikely(msg != NULL)) return resumeerror(L, to, a, *msg ? vm_newcstr(L, msg) : to->err, how);
    r = to->nxfer;
    from->how = how;
    from->dest = a;
    enter(from, to);
  }
  return switchto(from, to, r, 0);
}

/* The landing pad's work (vm_coland_asm calls it on the stack of the coroutine a switch just resumed): raises
** the error of a wrap function, or unwinds a coroutine being closed; returns where the coroutine resumes. */
void *vm_coland(void) {
  VmCoro *co = vm_costack_to;
  int land = co->land;
  co->land = VM_LANDNONE;
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_finish_switch_fiber(co->asanfake, NULL, NULL);
#endif
  if (land == VM_LANDRAISE) {
    Value err = co->landerr;
    VmCoro *src = co->landco;
    co->landerr = VM_NIL;
    co->landco = NULL;
    wraperror(&co->L, src, err);
  }
  if (land == VM_LANDCLOSE) longjmp(co->base->b, CO_CLOSEJMP);
  return co->landret;
}

static const char *const statnames[] = {"suspended", "running", "normal", "dead"};

/* coroutine.status: "running" (co is L), "suspended" (not started, or yielded), "normal" (it resumed
** another) or "dead". */
const char *vm_costatus(VmState *L, Value v) {
  VmCoro *co = tocoro(v);
  return &co->L == L ? "running" : statnames[co->status];
}

/* coroutine.close: closes a suspended or dead coroutine: runs its pending to-be-closed variables and leaves it
** dead. Returns 1, or 0 with the error object in *err: the error it died of (the first close after it only)
** or one raised while closing. Raises "cannot close a running coroutine" (or normal) for the others. */
int vm_coclose(VmState *L, Value v, Value *err) {
  VmCoro *from = vm_coro(L), *co = tocoro(v);
  int ok;
  if (&co->L == L || co->status == CO_RUNNING || co->status == CO_NORMAL)
    vm_error(L, "cannot close a %s coroutine", &co->L == L ? "running" : statnames[co->status]);
  if ((co->status == CO_SUSPENDED && co->started) || co->parked) {
    from->how = CO_CLOSING;   /* the coroutine unwinds to its base, closes, dies, gives its region back */
    enter(from, co);
    if (!co->parked) vm_costack_land(co, VM_LANDCLOSE);   /* waits in a yield: its landing pad unwinds it */
    switchto(from, co, 0, 0);
  }
  co->status = CO_DEAD;
  co->fn = VM_NIL;
  ok = !co->errored;
  if (!ok) *err = co->err;
  co->errored = 0;
  co->err = VM_NIL;
  return ok;
}

/* The state of coroutine co (its frames, for tracebacks). */
VmState *vm_costate(Value co) { return &tocoro(co)->L; }

/* coroutine.running: the running coroutine; *ismain tells whether it is the main program. */
Value vm_corunning(VmState *L, int *ismain) {
  VmCoro *co = vm_coro(L);
  *ismain = co->ismain;
  return vm_mkptr(co);
}

/* coroutine.isyieldable: could co yield now (a coroutine, no C function of those that refuse it running)? */
int vm_coyieldable(VmState *L, Value v) {
  VmCoro *co = tocoro(v);
  (void)L;
  return !co->ismain && co->nny == 0;
}

/* ---- Deep C work on the main stack ---- */

typedef struct Job {
  VmState *L;
  void (*fn)(VmState *L, void *ud);
  void *ud;
  VmCoro *back;
  Value err;
  int failed;
} Job;

static Job *curjob;          /* the excursion under way (one thread runs the program) */

static void jobentry(VmCoro *x) {
  Job *job = curjob;
  VmState *L = job->L;
  VmJmp j;
  j.prev = L->errjmp;
  j.handler = VM_NIL;
  j.err = VM_NIL;
  L->errjmp = &j;
  if (setjmp(j.b) == 0) job->fn(L, job->ud);
  else job->failed = 1, job->err = j.err;
  L->errjmp = j.prev;
  vm_costack_switch(x, job->back, 0, 1);
}

/* Runs fn(L, ud) on the main program's C stack, below its suspended frames, when a coroutine is running (its
** own stack is small: the compiler needs more for deeply nested source), else directly. L stays the running
** state; the collector scans the coroutine's stack as a suspended one meanwhile. An error fn raises is raised
** again in L once back. */
void vm_onmainstack(VmState *L, void (*fn)(VmState *L, void *ud), void *ud) {
  VmCoro *co = vm_coro(L), *mainco = vm_coro(L->g->mainthread), x;
  char *climit = L->climit;
  Job job;
  if (co->ismain || curjob != NULL) {   /* on the main stack already */
    fn(L, ud);
    return;
  }
  memset(&x, 0, sizeof x);
  x.clo = mainco->clo;
  x.chi = (char *)(((uintptr_t)mainco->sp - 256) & ~(uintptr_t)15);
  job.L = L, job.fn = fn, job.ud = ud, job.back = co, job.err = VM_NIL, job.failed = 0;
  curjob = &job;
  L->climit = mainco->L.climit;
  vm_costack_init(&x, jobentry);
  vm_costack_switch(co, &x, 0, 0);
  vm_costack_unpoison(&x);    /* ASan: the excursion's entry never returned, its redzones stay */
  L->climit = climit;
  curjob = NULL;
  if (job.failed) vm_throw(L, job.err);
}
