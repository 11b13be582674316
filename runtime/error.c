/* error.c: raising and catching errors, error positions, tracebacks (runtime layer).
**
** One mechanism: vm_throw longjmps to the innermost VmJmp, which vm_pcall/vm_xpcall set up on the C stack and
** which restores the frame chain, the C-call count and the value-stack mark. A message handler (xpcall, and
** vm_main's traceback) runs inside vm_throw, before unwinding, so that it still sees the frames of the error.
** A protected call pushes a marker frame, and a library function calling out (lib_call) a frame of its own: C
** frames (line -1) that stop position lookups, so that an error raised by a C function that C called directly has
** no "chunk:line:" prefix, as in lua5.4. Tracebacks are in traceback.c.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

#define HANDLER_TRIES 8     /* a failing message handler is retried this often on its own error */

const VmFuncInfo vm_cinfo = {NULL, "[C]", -1, 0, 1, 0};

/* ---- Raising ---- */

static Value runhandler(VmState *L, VmJmp *j, Value err);

static Value lastoverflow;   /* the last "stack overflow" error raised (a GC root: static data) */
static Value errerrmsg;     /* "error in error handling", made once */

/* Is err the error lastoverflow / errerrmsg (both nil until first made; nil is a valid error value)? */
static int isoverflow(Value err) { return err != VM_NIL && err == lastoverflow; }
static int iserrerr(Value err) { return err != VM_NIL && err == errerrmsg; }

/* Raises err: unwinds to the innermost protected call (after running its message handler, if any). */
VM_NORETURN void vm_throw(VmState *L, Value err) {
  VmJmp *j = L->errjmp;
  if (j == NULL) {
    fprintf(stderr, "vmc: PANIC: unprotected error (%s)\n", vm_isstring(err) ? vm_str(err)->s : vm_typename(err));
    fflush(stdout);
    abort();
  }
  if (j->handler != VM_NIL && !iserrerr(err)) err = runhandler(L, j, err);
  if (j->prev == NULL && j == vm_coro(L)->base) vm_coerror(L, err);   /* a coroutine dies (coro.c) */
  j->err = err;
  longjmp(j->b, 1);
}

/* Raises the string msg as it is. */
VM_NORETURN void vm_throwmsg(VmState *L, const char *msg) {
  vm_throw(L, vm_newcstr(L, msg));
}

/* Is f the frame of a C function (a protected call's marker, or a library function calling out)? Those have
** line -1; Lua frames never do. */
static int iscframe(const VmFrame *f) { return f->line < 0; }

/* The Lua frame `level` levels up (1: L->frame), NULL if none or if it is a C frame. */
static const VmFrame *framelevel(VmState *L, int level) {
  const VmFrame *f = L->frame;
  while (f != NULL && --level > 0) f = f->prev;
  return f != NULL && !iscframe(f) ? f : NULL;
}

/* prefix + the printf-style message, as a string. */
static Value vformat(VmState *L, const char *prefix, const char *fmt, va_list ap) {
  va_list aq;
  size_t np = strlen(prefix);
  int nm;
  VmString *s;
  va_copy(aq, ap);
  nm = vsnprintf(NULL, 0, fmt, aq);
  va_end(aq);
  if (nm < 0) nm = 0;
  s = vm_newstrbuf(L, np + (vm_size)nm);
  memcpy(s->s, prefix, np);
  vsnprintf(s->s + np, (size_t)nm + 1, fmt, ap);
  return vm_strbufdone(s);
}

/* "chunk:line: " of frame f into buf (64+ bytes; chunk names are cut at 200 bytes); "" for NULL. */
static const char *position(const VmFrame *f, char *buf, size_t size) {
  if (f == NULL) return "";
  snprintf(buf, size, "%.200s:%d: ", f->cl->info->source, f->line);
  return buf;
}

static VM_NORETURN void verror(VmState *L, const VmFrame *f, const char *fmt, va_list ap) {
  char pos[256];
  vm_throw(L, vformat(L, position(f, pos, sizeof pos), fmt, ap));
}

/* Raises a string error made from a printf format, prefixed with "chunk:line: " of the innermost Lua
** function when there is one (as luaL_error does from a C function called by Lua code). */
VM_NORETURN void vm_error(VmState *L, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verror(L, framelevel(L, 1), fmt, ap);
}

/* Same as vm_error; the name generated code and the runtime use for errors of the operators. */
VM_NORETURN void vm_rterror(VmState *L, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verror(L, framelevel(L, 1), fmt, ap);
}


static Value errerr(VmState *L) {
  if (errerrmsg == VM_NIL) errerrmsg = vm_newcstr(L, "error in error handling");
  return errerrmsg;
}

/* Are the stack margins lent to a message handler that handles a stack overflow (runhandler)? */
static int marginslent(VmState *L) { return vm_coro(L)->lent; }

/* Raises "stack overflow" at frame f; while a handler of a stack overflow runs on the lent margins, another
** overflow is lua5.4's LUA_ERRERR instead: "error in error handling", which no message handler sees. */
static VM_NORETURN void overflow(VmState *L, const VmFrame *f) {
  char pos[256], msg[300];
  if (marginslent(L)) vm_throw(L, errerr(L));
  snprintf(msg, sizeof msg, "%sstack overflow", position(f, pos, sizeof pos));
  lastoverflow = vm_newcstr(L, msg);
  vm_throw(L, lastoverflow);
}

/* "stack overflow", raised by vm_enter in the frame that does not fit: the frame is dropped and the error
** is placed at the call, in its caller (lua5.4: "prog.lua:2: stack overflow"). */
VM_NORETURN void vm_stackoverflow(VmState *L) {
  if (L->frame != NULL) L->frame = L->frame->prev;
  overflow(L, framelevel(L, 1));
}

/* "stack overflow" raised by the runtime itself (metamethods, __call), placed in the current frame. */
VM_NORETURN void vm_stackerror(VmState *L) {
  overflow(L, framelevel(L, 1));
}

/* "chunk:line: " of the Lua function `level` levels up ("" if none or a C function): for error(msg, level). */
Value vm_where(VmState *L, int level) {
  char pos[256];
  return vm_newcstr(L, level > 0 ? position(framelevel(L, level), pos, sizeof pos) : "");
}

/* ---- Catching ---- */

/* What a protected call restores when it catches an error. The C-call counts are kept relative to the
** coroutine's base, which a resume may have moved while the call waited in a yield. */
typedef struct Saved {
  VmFrame *frame;
  Value *top;
  VmCall *calls;
  int nccalls;             /* L->nccalls - the coroutine's ccbase */
  int nny;                 /* the coroutine's non-yieldable calls */
} Saved;

static void save(VmState *L, Saved *s) {
  VmCoro *co = vm_coro(L);
  s->frame = L->frame;
  s->top = L->top;
  s->calls = L->calls;
  s->nccalls = L->nccalls - co->ccbase;
  s->nny = co->nny;
}

static void restore(VmState *L, const Saved *s) {
  VmCoro *co = vm_coro(L);
  L->frame = s->frame;
  L->top = s->top;
  L->calls = s->calls;
  L->nccalls = co->ccbase + s->nccalls;
  co->nny = s->nny;
}

/* Closes L's pending to-be-closed values from index level up as an error unwinds them (see vm_closepending);
** h: the message handler of the protected call that caught the error (VM_NIL: none), which lua5.4 also runs on
** the errors of the __close calls. The calls see the state s (the catching call's), none of the error's frames. */
static int closeprotected(VmState *L, int level, Value *err, Value h, const Saved *s) {
  volatile int failed = 0;
  while (L->ntbc > level) {
    VmJmp j;
    j.prev = L->errjmp;
    j.err = VM_NIL;
    j.handler = h;
    L->errjmp = &j;
    if (setjmp(j.b) == 0) {
      while (L->ntbc > level) {
        Value v = vm_tbcpop(L), *base = L->top;
        if (vm_isfalsy(v)) continue;
        if (base + 3 > L->stack_last) vm_stackerror(L);
        base[0] = v;
        base[1] = *err;
        vm_call(L, vm_tm(L, v, TM_CLOSE), base, 2);
        L->top = base;
      }
    } else {
      *err = j.err;
      failed = 1;
      restore(L, s);
    }
    L->errjmp = j.prev;
  }
  return failed;
}

int vm_closepending(VmState *L, int level, Value *err) {
  Saved s;
  save(L, &s);
  return closeprotected(L, level, err, VM_NIL, &s);
}

/* mark: push a C-boundary frame (a message handler runs without one, in the frames of the error). Counts as a
** C-level call (lua5.4's nCcalls). An error closes the to-be-closed values pushed since the call, with the error
** object, before the call returns. */
static int protectedcall(VmState *L, Value f, Value h, Value *a, int n, int mark) {
  VmJmp j;
  VmFrame marker;
  Saved s;
  int r, ntbc = L->ntbc;
  char here;
  save(L, &s);
  j.prev = L->errjmp;
  j.err = VM_NIL;
  j.handler = h;
  marker.prev = s.frame;
  marker.cl = s.calls != NULL ? s.calls->cl : NULL;   /* the C function calling (pcall) */
  marker.line = -1;
  if (mark) L->frame = &marker;
  L->errjmp = &j;
  if (setjmp(j.b) == 0) {
    if (&here < L->climit) vm_stackerror(L);
    if (++L->nccalls >= VM_MAXCCALLS) vm_rterror(L, "C stack overflow");
    r = vm_call(L, f, a, n);
    L->errjmp = j.prev;
  } else {
    Value err = j.err;
    L->errjmp = j.prev;
    restore(L, &s);
    if (mark) L->frame = &marker;   /* the __close calls run in the protected call's caller, a C function */
    if (L->ntbc > ntbc) closeprotected(L, ntbc, &err, h, &s);
    a[0] = err;
    r = -1;
  }
  L->frame = s.frame;
  L->nccalls = vm_coro(L)->ccbase + s.nccalls;
  return r;
}

/* Calls f with a[0..n-1] as vm_call does, catching errors: returns the number of results, or -1 with the
** error value in a[0]. */
int vm_pcall(VmState *L, Value f, Value *a, int n) { return protectedcall(L, f, VM_NIL, a, n, 1); }

/* vm_pcall with a message handler h, called at the point of the error with the error value; its first result
** becomes the error value. A handler that keeps failing gives "error in error handling". */
int vm_xpcall(VmState *L, Value f, Value h, Value *a, int n) { return protectedcall(L, f, h, a, n, 1); }

/* Runs the message handler of j on err. The handler of a stack overflow gets some of the stack margins lent,
** as lua5.4 lends its extra stack, so that it can run at all; an overflow there is "error in error handling"
** (see overflow). An error in the handler calls it again with the new error, a few times; "error in error
** handling" ends that at once, as it ends lua5.4's. */
static Value runhandler(VmState *L, VmJmp *j, Value err) {
  Value h = j->handler, *base = L->top <= L->stack_last ? L->top : L->stack_last;
  VmCoro *co = vm_coro(L);
  char *climit = L->climit;
  Value *last = L->stack_last;
  int nccalls = L->nccalls, tries, r;
  j->handler = VM_NIL;
  if (L->nccalls > VM_MAXCCALLS - 10) L->nccalls = VM_MAXCCALLS - 10;
  co->nny++;                  /* as lua5.4: a message handler cannot yield */
  for (tries = 0;; tries++) {
    int lend = isoverflow(err) && !marginslent(L);
    if (lend) {
      L->climit -= VM_CSTACK_MARGIN / 2;
      L->stack_last += VM_STACK_EXTRA / 2;
      co->lent = 1;
    }
    base[0] = err;
    L->top = base;
    r = protectedcall(L, h, VM_NIL, base, 1, 0);
    if (lend) {
      L->climit = climit;
      L->stack_last = last;
      co->lent = 0;
    }
    if (r >= 0) {
      err = r > 0 ? base[0] : VM_NIL;
      break;
    }
    err = base[0];
    if (tries == HANDLER_TRIES || iserrerr(err)) {
      err = errerr(L);
      break;
    }
  }
  L->nccalls = nccalls;
  co->nny--;
  j->handler = h;
  return err;
}

/* ---- Warnings (lua_warning with lua.c's warning function) ---- */

static enum { WARN_OFF, WARN_ON, WARN_CONT } warnstate;   /* off until "@on" */

/* A control message ("@on", "@off"; others are ignored) is a whole message starting with '@'. */
static int warncontrol(const char *msg, int tocont) {
  if (tocont || msg[0] != '@') return 0;
  if (strcmp(msg + 1, "off") == 0) warnstate = WARN_OFF;
  else if (strcmp(msg + 1, "on") == 0) warnstate = WARN_ON;
  return 1;
}

/* One piece of a warning (see vmc.h): "Lua warning: " starts a message, a newline ends it. */
void vm_warning(const char *msg, int tocont) {
  switch (warnstate) {
  case WARN_OFF:
    warncontrol(msg, tocont);
    return;
  case WARN_ON:
    if (warncontrol(msg, tocont)) return;
    fflush(stdout);
    fputs("Lua warning: ", stderr);
    /* fall through */
  case WARN_CONT:
    fputs(msg, stderr);
    if (tocont) {
      warnstate = WARN_CONT;
    } else {
      fputc('\n', stderr);
      warnstate = WARN_ON;
    }
    fflush(stderr);
  }
}
