/* traceback.c: the stack of running functions as tracebacks and the debug library see it (runtime layer).
**
** lua5.4 counts every running function, Lua or C, as a level of the stack. In vmc a Lua function has a frame
** (VmFrame, pushed by generated code) and a C function has none, but every call made through vm_call/vm_calld
** leaves a record (VmCall) on the C stack while it runs, and a run of tail calls (vm_tailcalls) one record whose
** description is vm_taildesc. Each record knows the frame that was innermost when it was made, which orders the two
** chains: walking both, newest first, gives the levels:
**   - a Lua frame is a Lua function. The item below it tells how it was called: its own record (by a call site
**     that named it so, or a tail call), or a Lua frame (a direct call: the caller's VmLuaInfo.direct says how
**     it names its direct callees; a function not in that list came from a run of tail calls that left no record,
**     vm_tailcalls_quiet), or else a C caller, which names nothing;
**   - the record of a C function is that C function, named by its record when a Lua frame made the call;
**   - the record of a Lua function is nothing more (its frame stands for it), and neither is a C frame (line -1,
**     pushed by lib_call or a protected call: the record of its C function stands for it).
** Names follow luaL_traceback: a function found in package.loaded first ("string.rep", without "_G."), then
** the call site's description ("local 'f'", "method 'm'", "metamethod 'index'"), then "main chunk",
** "function <file:line>" for Lua functions or "?". Nothing of this costs anything until a traceback is made.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

#define TB_HEAD 10          /* a long traceback shows the first TB_HEAD levels ... (LEVELS1) */
#define TB_TAIL 11          /* ... and the last TB_TAIL (LEVELS2) */
#define NAMESIZE 200        /* longest "mod.name" found in package.loaded that is shown in full */

static Value loadedtab;     /* package.loaded, searched for function names (static data: a GC root) */

/* Records t as the table of loaded modules that tracebacks search for names (lua5.4's registry._LOADED). */
void vm_setloadedtable(VmState *L, Value t) {
  (void)L;
  loadedtab = t;
}

/* ---- Walking the stack ---- */

typedef struct Cursor {
  const VmFrame *f;        /* the next frame not yet walked */
  const VmCall *c;         /* the next record not yet walked */
} Cursor;

enum { IT_END, IT_FRAME, IT_CALL };

/* One level: a running function. */
typedef struct Act {
  const VmFrame *frame;    /* a Lua function's frame; NULL for a C function */
  VmClosure *cl;
  const char *d;           /* how its caller names it ("local 'f'"), or NULL */
  int tail;                /* called by a tail call (its caller is gone) */
} Act;

/* The newer of the next frame and the next record: a record comes right after the frame that was innermost when it
** was made (VmCall.frame), so a frame newer than that one comes first. (Addresses on the C stack cannot tell: a
** call inlined in generated code keeps its record in the caller's own C frame, beside its VmFrame.) */
static int peek(const Cursor *k) {
  if (k->f == NULL) return k->c == NULL ? IT_END : IT_CALL;
  if (k->c == NULL) return IT_FRAME;
  return k->c->frame == k->f ? IT_CALL : IT_FRAME;
}

static void skip(Cursor *k, int it) {
  if (it == IT_FRAME) k->f = k->f->prev;
  else k->c = k->c->prev;
}

/* Is the next item a Lua function's frame (a Lua caller)? */
static int nextislua(const Cursor *k) { return peek(k) == IT_FRAME && k->f->line >= 0; }

/* Is callee a direct callee of the Lua function running in frame caller? *d: how the caller names it. Only
** generated code pushes Lua frames, and it describes its functions with VmLuaInfo. */
static int directcall(const VmFrame *caller, const VmFuncInfo *callee, const char **d) {
  const VmCallee *c = NULL;
  if (caller->cl != NULL && (caller->cl->h.flags & VM_FLUA)) c = ((const VmLuaInfo *)caller->cl->info)->direct;
  for (; c != NULL && c->info != NULL; c++)
    if (c->info == callee) {
      *d = c->d;
      return 1;
    }
  return 0;
}

/* The Lua function of frame f, with how it was called (k: just past f). */
static void luaact(Cursor *k, const VmFrame *f, Act *a) {
  a->frame = f;
  a->cl = f->cl;
  a->d = NULL;
  a->tail = 0;
  if (peek(k) == IT_CALL && k->c->cl == f->cl) {   /* its own record */
    Cursor past = *k;
    skip(&past, IT_CALL);
    if (k->c->d == vm_taildesc) a->tail = 1;
    else if (nextislua(&past)) a->d = k->c->d;
  } else if (nextislua(k) && !directcall(k->f, f->cl->info, &a->d)) {
    a->tail = 1;                                   /* a direct call's tail calls (vm_tailcalls_quiet) */
  }
}

/* Moves k past the next level, describing it in a; 0 when there is none. */
static int nextact(Cursor *k, Act *a) {
  for (;;) {
    int it = peek(k);
    if (it == IT_END) return 0;
    if (it == IT_FRAME) {
      const VmFrame *f = k->f;
      skip(k, it);
      if (f->line < 0) continue;   /* a C function's frame: its record stands for it */
      luaact(k, f, a);
      return 1;
    }
    const VmCall *c = k->c;
    skip(k, it);
    if (c->cl->h.flags & VM_FLUA) continue;   /* a Lua function's record: its frame stands for it */
    a->frame = NULL;
    a->cl = c->cl;
    a->d = nextislua(k) && c->d != vm_taildesc ? c->d : NULL;
    a->tail = 0;
    return 1;
  }
}

static void start(VmState *L, Cursor *k) {
  k->f = L->frame;
  k->c = L->calls;
}

/* Level `level` of L's stack in a (0: the running function); 0 if there is none. */
static int getlevel(VmState *L, int level, Act *a) {
  Cursor k;
  if (level < 0) return 0;
  start(L, &k);
  while (nextact(&k, a))
    if (level-- == 0) return 1;
  return 0;
}

/* ---- Names ---- */

/* Looks for the function fv among the string keys of t and, level > 1, of its tables ("mod.name") in buf. */
static int findfield(VmState *L, VmTable *t, Value fv, int level, char *buf, size_t size) {
  Value k = VM_NIL, v;
  char sub[NAMESIZE];
  while (vm_next(L, t, &k, &v)) {
    if (!vm_isstring(k)) continue;
    if (vm_rawequal(v, fv)) {
      snprintf(buf, size, "%s", vm_str(k)->s);
      return 1;
    }
    if (level > 1 && vm_istable(v) && findfield(L, vm_tab(v), fv, level - 1, sub, sizeof sub))
      return snprintf(buf, size, "%s.%s", vm_str(k)->s, sub) > 0;   /* (a name too long is cut) */
  }
  return 0;
}

/* The name of cl in package.loaded ("string.rep"; "_G.print" gives "print") in buf; 0 if it is not there. */
static int globalname(VmState *L, VmClosure *cl, char *buf, size_t size) {
  if (!vm_istable(loadedtab) || !findfield(L, vm_tab(loadedtab), vm_mkfunc(cl), 2, buf, size)) return 0;
  if (strncmp(buf, "_G.", 3) == 0) memmove(buf, buf + 3, strlen(buf + 3) + 1);
  return 1;
}

/* Splits a call site's description "local 'f'" into its kind ("local", a static string) and name. */
static const char *splitdesc(const char *d, char *name, size_t size) {
  static const char *const kinds[] = {"global", "local", "method", "field", "upvalue", "constant", "metamethod",
                                      "for iterator", NULL};
  const char *q = d != NULL ? strchr(d, '\'') : NULL;
  name[0] = '\0';
  if (q == NULL || q == d || q[-1] != ' ') return "";
  for (int i = 0; kinds[i] != NULL; i++) {
    size_t n = strlen(kinds[i]);
    if ((size_t)(q - 1 - d) == n && strncmp(d, kinds[i], n) == 0) {
      const char *e = strrchr(q + 1, '\'');
      snprintf(name, size, "%.*s", e != NULL ? (int)(e - q - 1) : 0, q + 1);
      return kinds[i];
    }
  }
  return "";
}

int vm_getstack(VmState *L, int level, VmDebug *ar) {
  Act a;
  if (!getlevel(L, level, &a)) return 0;
  ar->func = a.cl;
  ar->info = a.cl != NULL && a.cl->info != NULL ? a.cl->info : &vm_cinfo;
  ar->currentline = a.frame != NULL ? a.frame->line : -1;
  ar->istailcall = a.tail;
  ar->namewhat = splitdesc(a.d, ar->name, sizeof ar->name);
  ar->frame = a.frame;
  return 1;
}

/* ---- Tracebacks ---- */

typedef struct Buf {
  char *p;
  size_t n, cap;
} Buf;

static void addraw(Buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap * 2 + n + 64;
    char *p = realloc(b->p, cap);
    if (p == NULL) return;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
}

static void addf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void addf(Buf *b, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  addraw(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* One line of a traceback, as luaL_traceback writes it. */
static void actline(VmState *L, Buf *b, const Act *a) {
  const VmFuncInfo *fi = a->cl != NULL && a->cl->info != NULL ? a->cl->info : &vm_cinfo;
  char name[NAMESIZE];
  if (a->frame == NULL) addf(b, "\n\t[C]: in ");
  else if (a->frame->line <= 0) addf(b, "\n\t%.200s: in ", fi->source);
  else addf(b, "\n\t%.200s:%d: in ", fi->source, a->frame->line);
  if (a->cl != NULL && globalname(L, a->cl, name, sizeof name)) addf(b, "function '%s'", name);
  else if (a->d != NULL) addf(b, "%.200s", a->d);
  else if (a->frame != NULL && fi->linedefined == 0) addf(b, "main chunk");
  else if (a->frame != NULL) addf(b, "function <%.200s:%d>", fi->source, fi->linedefined);
  else addf(b, "?");
  if (a->tail) addf(b, "\n\t(...tail calls...)");
}

/* The number of levels of L1's stack. */
static int countlevels(VmState *L1) {
  Cursor k;
  Act a;
  int n = 0;
  start(L1, &k);
  while (nextact(&k, &a)) n++;
  return n;
}

Value vm_traceback_level(VmState *L, VmState *L1, const char *msg, int level) {
  Buf b = {NULL, 0, 0};
  Cursor k;
  Act a;
  int last = countlevels(L1) - 1, lev = 0;
  int limit2show = last - level > TB_HEAD + TB_TAIL ? TB_HEAD : -1;
  Value r;
  if (msg != NULL) {
    addraw(&b, msg, strlen(msg));
    addraw(&b, "\n", 1);
  }
  addf(&b, "stack traceback:");
  start(L1, &k);
  while (lev < level && nextact(&k, &a)) lev++;
  while (nextact(&k, &a)) {
    lev++;
    if (limit2show-- == 0) {   /* as luaL_traceback: this level and n more are skipped */
      int n = last - lev - TB_TAIL + 1;
      addf(&b, "\n\t...\t(skipping %d levels)", n);
      for (; n > 0 && nextact(&k, &a); n--) lev++;
    } else {
      actline(L, &b, &a);
    }
  }
  r = vm_newstr(L, b.p != NULL ? b.p : "", b.n);
  free(b.p);
  return r;
}

/* The traceback of L from the caller of the running function (a C function: the message handler, or
** debug.traceback) on. */
Value vm_traceback(VmState *L, const char *msg) { return vm_traceback_level(L, L, msg, 1); }
