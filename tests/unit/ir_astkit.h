/* ir_astkit.h: helpers that build resolved ASTs by hand, for the IR and emitter unit tests (tests layer).
** Each helper fills the annotations resolve.c would (indices, captured/assigned, upvalues, _ENV). */
#ifndef VMC_IR_ASTKIT_H
#define VMC_IR_ASTKIT_H

#include <string.h>

#include "ast.h"

static Arena kit_arena;

static inline void *kit_new(size_t n) { return arena_alloc(&kit_arena, n); }

static inline FuncExpr *kit_func(const char *name, int line, FuncExpr *parent) {
  FuncExpr *f = kit_new(sizeof *f);
  f->name = name;
  f->line = line;
  f->lastline = line;
  f->parent = parent;
  f->body = kit_new(sizeof(Block));
  if (parent) vec_push(&kit_arena, &parent->children, f);
  return f;
}

static inline LocalVar *kit_local(FuncExpr *f, const char *name, int line) {
  LocalVar *v = kit_new(sizeof *v);
  v->name = name;
  v->line = line;
  v->func = f;
  v->index = f->locals.n;
  vec_push(&kit_arena, &f->locals, v);
  return v;
}

static inline LocalVar *kit_param(FuncExpr *f, const char *name) {
  LocalVar *v = kit_local(f, name, f->line);
  vec_push(&kit_arena, &f->params, v);
  f->nparams = f->params.n;
  return v;
}

/* The main chunk: vararg, with its _ENV local. */
static inline FuncExpr *kit_main(void) {
  FuncExpr *m = kit_func("main chunk", 0, NULL);
  m->isvararg = 1;
  m->env = kit_local(m, "_ENV", 0);
  return m;
}

static inline int kit_upval(FuncExpr *f, const char *name, int instack, LocalVar *local, int index) {
  UpvalDesc *u = kit_new(sizeof *u);
  u->name = name;
  u->instack = instack;
  u->local = local;
  u->index = index;
  vec_push(&kit_arena, &f->upvals, u);
  if (local) local->captured = 1;
  return f->upvals.n - 1;
}

static inline Expr *kit_expr(ExprKind k, int line) {
  Expr *e = kit_new(sizeof *e);
  e->kind = k;
  e->line = line;
  return e;
}

static inline Expr *kit_int(long long i, int line) {
  Expr *e = kit_expr(E_INT, line);
  e->u.i = i;
  return e;
}

static inline Expr *kit_str(const char *s, int line) {
  Expr *e = kit_expr(E_STR, line);
  e->u.str.s = s;
  e->u.str.len = strlen(s);
  return e;
}

static inline Expr *kit_localref(LocalVar *v, int line) {
  Expr *e = kit_expr(E_LOCAL, line);
  e->u.name.name = v->name;
  e->u.name.var = v;
  return e;
}

static inline Expr *kit_upref(FuncExpr *f, int k, int line) {
  Expr *e = kit_expr(E_UPVAL, line);
  e->u.name.name = ((UpvalDesc *)f->upvals.v[k])->name;
  e->u.name.up = k;
  return e;
}

static inline Expr *kit_global(const char *name, Expr *env, int line) {
  Expr *e = kit_expr(E_GLOBAL, line);
  e->u.name.name = name;
  e->u.name.env = env;
  return e;
}

static inline Expr *kit_bin(int op, Expr *a, Expr *b, int line) {
  Expr *e = kit_expr(op == -1 ? E_AND : op == -2 ? E_OR : E_BINOP, line);
  e->u.bin.op = op;
  e->u.bin.a = a;
  e->u.bin.b = b;
  return e;
}

static inline Expr *kit_call(Expr *fn, int line, int nargs, Expr **args) {
  Expr *e = kit_expr(E_CALL, line);
  e->u.call.fn = fn;
  for (int i = 0; i < nargs; i++) vec_push(&kit_arena, &e->u.call.args, args[i]);
  return e;
}

static inline Expr *kit_index(Expr *obj, Expr *key, int line) {
  Expr *e = kit_expr(E_INDEX, line);
  e->u.index.obj = obj;
  e->u.index.key = key;
  return e;
}

static inline Stmt *kit_stmt(Block *b, StmtKind k, int line) {
  Stmt *s = kit_new(sizeof *s);
  s->kind = k;
  s->line = line;
  vec_push(&kit_arena, &b->stmts, s);
  return s;
}

static inline Block *kit_block(int line) {
  Block *b = kit_new(sizeof *b);
  b->line = b->lastline = line;
  return b;
}

#endif
