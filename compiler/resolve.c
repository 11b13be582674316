/* resolve.c: scopes of Lua 5.4: locals, upvalues, _ENV, labels and gotos, <const> checks (compiler layer).
**
** lua5.4 binds names while it parses, and so does vmc: parse.c calls the res_* functions below as it reads the
** source (see lex.h), so that every scoping error is raised at the point where lua5.4 raises it, with its line.
** res_chunk then checks the annotations of the finished tree.
**
** The bookkeeping mirrors lua5.4's: one stack of declared variables for all open functions (each function
** knows where its own start and how many of them are visible), a list of visible labels and a list of pending
** gotos (a `break` is a goto to the implicit label "break" that closes each loop).
*/
#include "lex.h"

#include <stdio.h>
#include <string.h>

#define MAXVARS 200        /* locals of one function, as in lua5.4 */
#define MAXUPVAL 255

static __attribute__((noreturn)) void semerror(Resolver *rs, const char *msg) { lex_error(rs->lx, msg, 0); }

/* Raises lua5.4's "too many ... (limit is N) in ..." error about function f. */
static __attribute__((noreturn)) void errorlimit(Resolver *rs, FuncExpr *f, int limit, const char *what) {
  char msg[160];
  int line = f->line;
  if (line == 0) snprintf(msg, sizeof msg, "too many %s (limit is %d) in main function", what, limit);
  else snprintf(msg, sizeof msg, "too many %s (limit is %d) in function at line %d", what, limit, line);
  lex_syntaxerror(rs->lx, msg);
}

/* Grows an arena-backed array of `size`-byte elements holding `n` of `*cap`. */
static void *grow(Resolver *rs, void *arr, int n, int *cap, size_t size) {
  if (n < *cap) return arr;
  int ncap = *cap ? *cap * 2 : 32;
  void *na = arena_alloc(rs->cx->arena, size * (size_t)ncap);
  if (n) memcpy(na, arr, size * (size_t)n);
  *cap = ncap;
  return na;
}

void res_init(Resolver *rs, Lexer *lx) {
  memset(rs, 0, sizeof *rs);
  rs->cx = lx->cx;
  rs->lx = lx;
  rs->hidden.name = "(for state)";
  rs->envname = lex_intern(lx, "_ENV", 4);
  rs->breakname = lex_intern(lx, "break", 5);
}

/* --- Variables --- */

static void pushvar(Resolver *rs, LocalVar *v) {
  int n = rs->nact + 1 - rs->fs->firstlocal;
  if (!rs->fs->prev) n--;  /* main's _ENV is an upvalue for lua5.4: not counted */
  if (n > MAXVARS) errorlimit(rs, rs->fs->f, MAXVARS, "local variables");
  rs->act = grow(rs, rs->act, rs->nact, &rs->capact, sizeof *rs->act);
  rs->act[rs->nact++] = v;
}

LocalVar *res_new_local(Resolver *rs, const char *name, int line) {
  FuncExpr *f = rs->fs->f;
  LocalVar *v = arena_alloc(rs->cx->arena, sizeof *v);
  v->name = name;
  v->line = line;
  v->func = f;
  pushvar(rs, v);
  v->index = f->locals.n;
  vec_push(rs->cx->arena, &f->locals, v);
  return v;
}

void res_new_hidden(Resolver *rs) { pushvar(rs, &rs->hidden); }

void res_activate(Resolver *rs, int n) { rs->fs->nactvar += n; }

/* The visible local `name` of function fs, or NULL. Names are interned: compared as pointers. */
static LocalVar *findlocal(Resolver *rs, ResFunc *fs, const char *name) {
  for (int i = fs->firstlocal + fs->nactvar - 1; i >= fs->firstlocal; i--)
    if (rs->act[i]->name == name) return rs->act[i];
  return NULL;
}

static int findupval(FuncExpr *f, const char *name) {
  for (int i = 0; i < f->upvals.n; i++)
    if (((UpvalDesc *)f->upvals.v[i])->name == name) return i;
  return -1;
}

static int newupval(Resolver *rs, ResFunc *fs, const char *name, int instack, LocalVar *var, int index) {
  FuncExpr *f = fs->f;
  if (f->upvals.n + 1 > MAXUPVAL) errorlimit(rs, f, MAXUPVAL, "upvalues");
  UpvalDesc *u = arena_alloc(rs->cx->arena, sizeof *u);
  u->name = name;
  u->instack = instack;
  u->local = var;
  u->index = instack ? var->index : index;
  vec_push(rs->cx->arena, &f->upvals, u);
  return f->upvals.n - 1;
}

/* Looks `name` up from function fs outwards: returns 1 for a local of fs (*var), 2 for an upvalue of fs (*up, and
** *var the variable it ends at), 0 if no function has it. `base`: fs is where the name is used. */
static int lookup(Resolver *rs, ResFunc *fs, const char *name, int base, LocalVar **var, int *up) {
  if (!fs) return 0;
  LocalVar *v = findlocal(rs, fs, name);
  if (v) {
    if (!base) v->captured = 1;
    *var = v;
    return 1;
  }
  int k = findupval(fs->f, name);
  if (k >= 0) {
    *var = ((UpvalDesc *)fs->f->upvals.v[k])->local;
  } else {
    int r = lookup(rs, fs->prev, name, 0, var, up);
    if (r == 0) return 0;
    k = newupval(rs, fs, name, r == 1, *var, *up);
  }
  *up = k;
  return 2;
}

Expr *res_name(Resolver *rs, const char *name, int line) {
  Expr *e = arena_alloc(rs->cx->arena, sizeof *e);
  LocalVar *v = NULL;
  int up = 0;
  int r = lookup(rs, rs->fs, name, 1, &v, &up);
  e->line = line;
  e->u.name.name = name;
  e->u.name.var = v;
  if (r == 1) {
    e->kind = E_LOCAL;
  } else if (r == 2) {
    e->kind = E_UPVAL;
    e->u.name.up = up;
  } else {
    e->kind = E_GLOBAL;
    e->u.name.env = res_name(rs, rs->envname, line);  /* the main chunk always has an _ENV */
  }
  return e;
}

void res_assign(Resolver *rs, Expr *target) {
  if (target->kind != E_LOCAL && target->kind != E_UPVAL) return;
  LocalVar *v = target->u.name.var;
  if (v->attrib != ATTR_NONE) {
    char msg[300];
    snprintf(msg, sizeof msg, "attempt to assign to const variable '%s'", v->name);
    semerror(rs, msg);
  }
  v->assigned = 1;
}

/* --- Labels and gotos --- */

static int newentry(Resolver *rs, ResLabel **list, int *n, int *cap, const char *name, int line) {
  *list = grow(rs, *list, *n, cap, sizeof **list);
  ResLabel *l = &(*list)[*n];
  l->name = name;
  l->line = line;
  l->nactvar = rs->fs->nactvar;
  return (*n)++;
}

/* The visible label `name` of the current function, or NULL. */
static ResLabel *findlabel(Resolver *rs, const char *name) {
  for (int i = rs->fs->firstlabel; i < rs->nlabels; i++)
    if (rs->labels[i].name == name) return &rs->labels[i];
  return NULL;
}

static void jumpscopeerror(Resolver *rs, ResLabel *gt) {
  char msg[400];
  const char *var = rs->act[rs->fs->firstlocal + gt->nactvar]->name;
  snprintf(msg, sizeof msg, "<goto %s> at line %d jumps into the scope of local '%s'", gt->name, gt->line, var);
  semerror(rs, msg);
}

/* Resolves the pending gotos of the current block that go to label `lb`. */
static void solvegotos(Resolver *rs, ResLabel *lb) {
  int i = rs->fs->bl->firstgoto;
  while (i < rs->ngotos) {
    ResLabel *gt = &rs->gotos[i];
    if (gt->name != lb->name) {
      i++;
      continue;
    }
    if (gt->nactvar < lb->nactvar) jumpscopeerror(rs, gt);
    memmove(gt, gt + 1, sizeof *gt * (size_t)(rs->ngotos - i - 1));
    rs->ngotos--;
  }
}

static void createlabel(Resolver *rs, const char *name, int line, int last) {
  int l = newentry(rs, &rs->labels, &rs->nlabels, &rs->caplabels, name, line);
  if (last) rs->labels[l].nactvar = rs->fs->bl->nactvar;  /* its block's locals are already out of scope */
  ResLabel lb = rs->labels[l];
  solvegotos(rs, &lb);
}

void res_goto(Resolver *rs, const char *name, int line) {
  if (!findlabel(rs, name))  /* a backward jump is always fine */
    newentry(rs, &rs->gotos, &rs->ngotos, &rs->capgotos, name, line);
}

void res_break(Resolver *rs, int line) { newentry(rs, &rs->gotos, &rs->ngotos, &rs->capgotos, rs->breakname, line); }

void res_label(Resolver *rs, const char *name, int line, int last) {
  ResLabel *old = findlabel(rs, name);
  if (old) {
    char msg[300];
    snprintf(msg, sizeof msg, "label '%s' already defined on line %d", name, old->line);
    semerror(rs, msg);
  }
  createlabel(rs, name, line, last);
}

static void undefgoto(Resolver *rs, ResLabel *gt) {
  char msg[300];
  if (gt->name == rs->breakname)
    snprintf(msg, sizeof msg, "break outside loop at line %d", gt->line);
  else
    snprintf(msg, sizeof msg, "no visible label '%s' for <goto> at line %d", gt->name, gt->line);
  semerror(rs, msg);
}

/* --- Blocks and functions --- */

void res_enter_block(Resolver *rs, ResBlock *bl, int isloop) {
  ResFunc *fs = rs->fs;
  bl->isloop = isloop;
  bl->nactvar = fs->nactvar;
  bl->firstlabel = rs->nlabels;
  bl->firstgoto = rs->ngotos;
  bl->prev = fs->bl;
  fs->bl = bl;
}

void res_leave_block(Resolver *rs) {
  ResFunc *fs = rs->fs;
  ResBlock *bl = fs->bl;
  if (bl->isloop) createlabel(rs, rs->breakname, 0, 0);
  fs->bl = bl->prev;
  fs->nactvar = bl->nactvar;
  rs->nact = fs->firstlocal + bl->nactvar;
  rs->nlabels = bl->firstlabel;
  if (bl->prev) {          /* pending gotos now belong to the enclosing block */
    for (int i = bl->firstgoto; i < rs->ngotos; i++) rs->gotos[i].nactvar = bl->nactvar;
  } else if (bl->firstgoto < rs->ngotos) {
    undefgoto(rs, &rs->gotos[bl->firstgoto]);
  }
}

void res_open_func(Resolver *rs, ResFunc *fs, ResBlock *bl, FuncExpr *f) {
  memset(fs, 0, sizeof *fs);
  fs->prev = rs->fs;
  fs->f = f;
  fs->firstlocal = rs->nact;
  fs->firstlabel = rs->nlabels;
  f->id = rs->nfuncs++;
  if (fs->prev) {
    f->parent = fs->prev->f;
    vec_push(rs->cx->arena, &f->parent->children, f);
  }
  rs->fs = fs;
  res_enter_block(rs, bl, 0);
}

void res_close_func(Resolver *rs) {
  res_leave_block(rs);
  rs->fs = rs->fs->prev;
}

/* --- Checks of the finished tree --- */

/* Checks f and its nested functions; ids must number them in source order (a preorder). */
static void checkfunc(CompileCtx *cx, FuncExpr *f, int *nfuncs) {
  if (f->id != (*nfuncs)++) compile_error(cx, f->line, "internal error: bad function id");
  for (int i = 0; i < f->locals.n; i++) {
    LocalVar *v = f->locals.v[i];
    if (v->index != i || v->func != f) compile_error(cx, f->line, "internal error: bad local '%s'", v->name);
  }
  for (int i = 0; i < f->upvals.n; i++) {
    UpvalDesc *u = f->upvals.v[i];
    int bad = !f->parent || !u->local;
    if (!bad && u->instack) bad = u->local->func != f->parent || !u->local->captured;
    if (!bad && !u->instack) bad = u->index < 0 || u->index >= f->parent->upvals.n;
    if (bad) compile_error(cx, f->line, "internal error: bad upvalue '%s'", u->name);
  }
  for (int i = 0; i < f->children.n; i++) checkfunc(cx, f->children.v[i], nfuncs);
}

void res_chunk(CompileCtx *cx, FuncExpr *main) {
  int nfuncs = 0;
  if (!main->env || main->parent) compile_error(cx, 0, "internal error: main chunk not resolved");
  checkfunc(cx, main, &nfuncs);
}
