/* irbuild_expr.c: lowers expressions, calls, table constructors and conditions to IR (compiler layer).
** The statements and the SSA construction are in irbuild.c. */
#include "irbuild.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A description string for error messages, in the compilation's arena. */
static const char *fmt(FuncState *fs, const char *f, ...) {
  char buf[300];
  va_list ap;
  va_start(ap, f);
  int n = vsnprintf(buf, sizeof buf, f, ap);
  va_end(ap);
  if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
  return arena_strdup(fs->cx->arena, buf, (size_t)n);
}

/* ---- Constants ---- */

IrInstr *irb_knil(FuncState *fs, int line) { return irb_emit(fs, IR_KNIL, line); }

IrInstr *irb_kstr(FuncState *fs, const char *s, size_t len, int line) {
  IrInstr *k = irb_emit(fs, IR_KSTR, line);
  k->s = s;
  k->len = len;
  return k;
}

static IrInstr *kint(FuncState *fs, long long i, int line) {
  IrInstr *k = irb_emit(fs, IR_KINT, line);
  k->i = i;
  return k;
}

static IrInstr *kflt(FuncState *fs, double f, int line) {
  IrInstr *k = irb_emit(fs, IR_KFLT, line);
  k->f = f;
  return k;
}

/* ---- Descriptions of operands ("local 'x'"), as lua5.4's debug info words them ---- */

/* The literal a <const> local (or an upvalue standing for one) was folded to, or e itself. */
static Expr *folded(FuncState *fs, Expr *e) {
  Binding *b = NULL;
  if (e->kind == E_LOCAL) b = irb_binding(fs, e->u.name.var);
  else if (e->kind == E_UPVAL) b = irb_upbinding(fs, e->u.name.up);
  return b && b->konst ? b->konst : e;
}

static const char *upname(FuncState *fs, int k) {
  return k < fs->fn->nup ? fs->fn->upnames[k] : "?";
}

static int is_env(FuncState *fs, Expr *e) {
  if (e->kind == E_LOCAL) return strcmp(e->u.name.var->name, "_ENV") == 0;
  if (e->kind == E_UPVAL) return strcmp(upname(fs, e->u.name.up), "_ENV") == 0;
  return 0;
}

/* The value obj[key]: "field 'name'", "global 'name'" on _ENV, "field 'integer index'" for a small integer
** constant key (lua5.4's OP_GETI), "field '?'" otherwise. */
static const char *index_desc(FuncState *fs, Expr *e) {
  Expr *key = folded(fs, e->u.index.key);
  if (key->kind == E_STR) return fmt(fs, "%s '%s'", is_env(fs, e->u.index.obj) ? "global" : "field", key->u.str.s);
  if (key->kind == E_INT && key->u.i >= 0 && key->u.i <= 255) return "field 'integer index'";
  return "field '?'";
}

const char *irb_desc(FuncState *fs, Expr *e) {
  Expr *k = folded(fs, e);
  if (k != e) return irb_desc(fs, k);
  switch (e->kind) {
  case E_LOCAL:
    if (e->u.name.var == fs->ast->env) return "upvalue '_ENV'";   /* lua5.4: the main chunk's upvalue */
    return fmt(fs, "local '%s'", e->u.name.var->name);
  case E_UPVAL: return fmt(fs, "upvalue '%s'", upname(fs, e->u.name.up));
  case E_GLOBAL: return fmt(fs, "global '%s'", e->u.name.name);
  case E_INDEX: return index_desc(fs, e);
  case E_STR: return fmt(fs, "constant '%s'", e->u.str.s);
  case E_PAREN: return irb_desc(fs, e->u.paren);
  default: return NULL;
  }
}

/* ---- Variables ---- */

static IrInstr *local(FuncState *fs, Expr *e) {
  LocalVar *v = e->u.name.var;
  Binding *b = irb_binding(fs, v);
  if (b->konst) return irb_expr(fs, b->konst);
  if (b->kind == BIND_CELL) {
    IrInstr *get = irb_emit1(fs, IR_CELLGET, e->line, b->cell);
    get->name = v->name;
    return get;
  }
  IR_CHECK(b->kind == BIND_SSA, "local read before its declaration");
  return irb_readvar(fs, v->index);
}

static IrInstr *upval_cell(FuncState *fs, int k, int line) {
  IrInstr *u = irb_emit(fs, IR_UPVAL, line);
  u->k = k;
  return u;
}

static IrInstr *upval(FuncState *fs, Expr *e) {
  Binding *b = irb_upbinding(fs, e->u.name.up);
  if (b && b->konst) return irb_expr(fs, b->konst);
  IrInstr *get = irb_emit1(fs, IR_CELLGET, e->line, upval_cell(fs, e->u.name.up, e->line));
  get->name = upname(fs, e->u.name.up);
  return get;
}

static IrInstr *global(FuncState *fs, Expr *e) {
  const char *name = e->u.name.name;
  IrInstr *env = irb_expr(fs, e->u.name.env);
  IrInstr *g = irb_emit2(fs, IR_GETINDEX, e->line, env, irb_kstr(fs, name, strlen(name), e->line));
  g->da = irb_desc(fs, e->u.name.env);
  g->name = name;
  return g;
}

static IrInstr *index_expr(FuncState *fs, Expr *e) {
  IrInstr *obj = irb_expr(fs, e->u.index.obj);
  IrInstr *key = irb_expr(fs, e->u.index.key);
  IrInstr *v = irb_emit2(fs, IR_GETINDEX, e->line, obj, key);
  v->da = irb_desc(fs, e->u.index.obj);
  return v;
}

/* The function a call to e always reaches, when e is a local (or an upvalue standing for one) bound once to a
** function of this module and never assigned. */
IrFunc *irb_knownfunc(FuncState *fs, Expr *e) {
  Binding *b = NULL;
  if (e->kind == E_LOCAL && !e->u.name.var->assigned) b = irb_binding(fs, e->u.name.var);
  else if (e->kind == E_UPVAL) b = irb_upbinding(fs, e->u.name.up);
  return b ? b->known : NULL;
}

/* ---- Operators ---- */

static const IrOp arith_ops[] = {
  [OP_ADD] = IR_ADD, [OP_SUB] = IR_SUB, [OP_MUL] = IR_MUL, [OP_MOD] = IR_MOD, [OP_POW] = IR_POW,
  [OP_DIV] = IR_DIV, [OP_IDIV] = IR_IDIV, [OP_BAND] = IR_BAND, [OP_BOR] = IR_BOR, [OP_BXOR] = IR_BXOR,
  [OP_SHL] = IR_SHL, [OP_SHR] = IR_SHR, [OP_CONCAT] = IR_CONCAT,
};

/* Comparisons keep lua5.4's operand order: `a > b` is `b < a` (its messages name b's type first). */
static IrInstr *binop(FuncState *fs, Expr *e) {
  int op = e->u.bin.op, line = e->line;
  IrInstr *a = irb_expr(fs, e->u.bin.a);
  IrInstr *b = irb_expr(fs, e->u.bin.b);
  switch (op) {
  case OP_EQ: return irb_emit2(fs, IR_EQ, line, a, b);
  case OP_NE: return irb_emit1(fs, IR_NOT, line, irb_emit2(fs, IR_EQ, line, a, b));
  case OP_LT: return irb_emit2(fs, IR_LT, line, a, b);
  case OP_LE: return irb_emit2(fs, IR_LE, line, a, b);
  case OP_GT: return irb_emit2(fs, IR_LT, line, b, a);
  case OP_GE: return irb_emit2(fs, IR_LE, line, b, a);
  default: break;
  }
  IR_CHECK(op >= OP_ADD && op <= OP_CONCAT, "bad binary operator");
  IrInstr *v = irb_emit2(fs, arith_ops[op], line, a, b);
  v->da = irb_desc(fs, e->u.bin.a);
  v->db = irb_desc(fs, e->u.bin.b);
  return v;
}

static IrInstr *unop(FuncState *fs, Expr *e) {
  Expr *ea = e->u.un.a;
  int line = e->line;
  if (e->u.un.op == OP_NEG && ea->kind == E_INT) return kint(fs, (long long)(0ULL - (unsigned long long)ea->u.i), line);
  if (e->u.un.op == OP_NEG && ea->kind == E_FLT) return kflt(fs, -ea->u.f, line);
  IrInstr *a = irb_expr(fs, ea), *v;
  switch (e->u.un.op) {
  case OP_NEG: v = irb_emit1(fs, IR_UNM, line, a); break;
  case OP_BNOT: v = irb_emit1(fs, IR_BNOT, line, a); break;
  case OP_NOT: return irb_emit1(fs, IR_NOT, line, a);
  case OP_LEN: v = irb_emit1(fs, IR_LEN, line, a); break;
  default: ir_internal("irbuild: bad unary operator %d", e->u.un.op);
  }
  v->da = irb_desc(fs, ea);
  return v;
}

/* Truthiness of a literal: 1 truthy, 0 falsy, -1 not a literal. */
static int literal_truth(Expr *e) {
  switch (e->kind) {
  case E_NIL: case E_FALSE: return 0;
  case E_TRUE: case E_INT: case E_FLT: case E_STR: return 1;
  default: return -1;
  }
}

/* `a and b` / `a or b` as a value: a hidden variable holds a, then b on the path that evaluates b. */
static IrInstr *andor(FuncState *fs, Expr *e) {
  int truth = literal_truth(e->u.bin.a);
  if (truth >= 0) {   /* known at compile time: a literal has no effect to keep */
    if (truth == (e->kind == E_AND)) return irb_expr(fs, e->u.bin.b);
    return irb_expr(fs, e->u.bin.a);
  }
  int var = irb_newvar(fs);
  IrInstr *a = irb_expr(fs, e->u.bin.a);
  irb_writevar(fs, var, a);
  IrBlock *rhs = irb_newblock(fs), *join = irb_newblock(fs);
  if (e->kind == E_AND) irb_branch(fs, a, rhs, join, e->line);
  else irb_branch(fs, a, join, rhs, e->line);
  irb_seal(fs, rhs);
  fs->cur = rhs;
  irb_writevar(fs, var, irb_expr(fs, e->u.bin.b));
  irb_jump(fs, join, e->line);
  irb_seal(fs, join);
  fs->cur = join;
  return irb_readvar(fs, var);
}

/* Branches to t if e is truthy, else to f; short-circuits and/or/not without materialising booleans.
** Leaves fs->cur terminated: the caller continues in t or f. */
void irb_condjump(FuncState *fs, Expr *e, IrBlock *t, IrBlock *f) {
  IrBlock *mid;
  switch (e->kind) {
  case E_AND:
  case E_OR:
    mid = irb_newblock(fs);
    if (e->kind == E_AND) irb_condjump(fs, e->u.bin.a, mid, f);
    else irb_condjump(fs, e->u.bin.a, t, mid);
    irb_seal(fs, mid);
    fs->cur = mid;
    irb_condjump(fs, e->u.bin.b, t, f);
    return;
  case E_UNOP:
    if (e->u.un.op != OP_NOT) break;
    irb_condjump(fs, e->u.un.a, f, t);
    return;
  case E_PAREN:
    irb_condjump(fs, e->u.paren, t, f);
    return;
  case E_NIL:
  case E_FALSE:
    irb_jump(fs, f, e->line);
    return;
  case E_TRUE:
  case E_INT:
  case E_FLT:
  case E_STR:
    irb_jump(fs, t, e->line);
    return;
  default:
    break;
  }
  irb_branch(fs, irb_expr(fs, e), t, f, e->line);
}

/* ---- Calls and multiple values ---- */

int irb_ismulti(Expr *e) { return e->kind == E_CALL || e->kind == E_METHCALL || e->kind == E_VARARG; }

/* Evaluates the expressions in order: all but a multi-valued last one into values (returned; *nfixed of them);
** a multi-valued last one (call, `...`) into the pack *pack (else NULL). */
IrInstr **irb_explist_multi(FuncState *fs, Vec *exprs, int *nfixed, IrInstr **pack) {
  IrInstr **vals = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)(exprs->n + 1));
  *nfixed = 0;
  *pack = NULL;
  for (int i = 0; i < exprs->n; i++) {
    Expr *e = exprs->v[i];
    if (i == exprs->n - 1 && irb_ismulti(e)) *pack = irb_multi(fs, e);
    else vals[(*nfixed)++] = irb_expr(fs, e);
  }
  return vals;
}

/* Evaluates the expressions adjusted to `want` values in out[0..want-1], as in `local a, b, c = explist`. */
void irb_explist(FuncState *fs, Vec *exprs, int want, IrInstr **out) {
  int n = exprs->n;
  for (int i = 0; i < n; i++) {
    Expr *e = exprs->v[i];
    if (i == n - 1 && irb_ismulti(e)) {
      IrInstr *pack = irb_multi(fs, e);
      for (int j = i; j < want; j++) {
        out[j] = irb_emit1(fs, IR_EXTRACT, e->line, pack);
        out[j]->k = j - i;
      }
      return;
    }
    IrInstr *v = irb_expr(fs, e);
    if (i < want) out[i] = v;
  }
  for (int i = n; i < want; i++) out[i] = irb_knil(fs, n ? ((Expr *)exprs->v[n - 1])->line : 0);
}

/* funcargs: f(args) or o:m(args); returns the pack of all results. */
static IrInstr *call(FuncState *fs, Expr *e) {
  IrInstr *fn, *self = NULL;
  const char *d;
  if (e->kind == E_METHCALL) {
    const char *m = e->u.call.method;
    self = irb_expr(fs, e->u.call.fn);
    fn = irb_emit2(fs, IR_GETINDEX, e->line, self, irb_kstr(fs, m, strlen(m), e->line));
    fn->da = irb_desc(fs, e->u.call.fn);
    fn->k = 1;
    d = fmt(fs, "method '%s'", m);
  } else {
    fn = irb_expr(fs, e->u.call.fn);
    d = irb_desc(fs, e->u.call.fn);
  }
  int nfixed;
  IrInstr *pack;
  IrInstr **args = irb_explist_multi(fs, &e->u.call.args, &nfixed, &pack);
  IrInstr *c = irb_emit1(fs, IR_CALL, e->line, fn);
  if (self) ir_addarg(fs->fn, c, self);
  for (int i = 0; i < nfixed; i++) ir_addarg(fs->fn, c, args[i]);
  if (pack) ir_addarg(fs->fn, c, pack);
  c->da = d;
  if (!self) c->fn = irb_knownfunc(fs, e->u.call.fn);
  return c;
}

/* The pack of all values of a call or `...`. */
IrInstr *irb_multi(FuncState *fs, Expr *e) {
  if (e->kind == E_VARARG) return irb_emit(fs, IR_VARARG, e->line);
  IR_CHECK(e->kind == E_CALL || e->kind == E_METHCALL, "multiple values from a non-call");
  return call(fs, e);
}

/* ---- Functions and tables ---- */

/* Lowers the nested function f (into fn, or a new IrFunc) and makes its closure from the cells it captures. */
IrInstr *irb_closure(FuncState *fs, FuncExpr *f, IrFunc *fn) {
  if (!fn) fn = ir_newfunc(fs->m, f->name, f->line);
  irb_function(fs, f, fn);
  IrInstr **cells = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)(f->upvals.n + 1));
  for (int i = 0; i < f->upvals.n; i++) {
    UpvalDesc *u = f->upvals.v[i];
    cells[i] = u->instack ? irb_localcell(fs, u->local) : upval_cell(fs, u->index, f->line);
  }
  IrInstr *c = irb_emit(fs, IR_CLOSURE, f->line);
  c->fn = fn;
  for (int i = 0; i < f->upvals.n; i++) ir_addarg(fs->fn, c, cells[i]);
  return c;
}

enum { FIELDS_PER_FLUSH = 50 };   /* lua5.4's LFIELDS_PER_FLUSH: when positional items are stored */

typedef struct Constructor {
  IrInstr *table;
  IrInstr *pending[FIELDS_PER_FLUSH];
  int npending;
  long long next;          /* index of the next positional item */
} Constructor;

static void flush(FuncState *fs, Constructor *c, int line) {
  for (int i = 0; i < c->npending; i++) {
    IrInstr *set = irb_emit2(fs, IR_RAWSETI, line, c->table, c->pending[i]);
    set->i = c->next++;
  }
  c->npending = 0;
}

static void field(FuncState *fs, Constructor *c, TableField *f, int last) {
  IrInstr *set;
  if (c->npending == FIELDS_PER_FLUSH) flush(fs, c, f->line);
  switch (f->kind) {
  case TF_POS:
    if (last && irb_ismulti(f->val)) {
      IrInstr *pack = irb_multi(fs, f->val);
      flush(fs, c, f->line);
      set = irb_emit2(fs, IR_SETLIST, f->line, c->table, pack);
      set->i = c->next;
    } else {
      c->pending[c->npending++] = irb_expr(fs, f->val);
    }
    break;
  case TF_NAMED:
  case TF_KEYED: {
    IrInstr *k = irb_expr(fs, f->key);
    IrInstr *v = irb_expr(fs, f->val);
    set = irb_emit2(fs, IR_RAWSET, f->line, c->table, k);
    ir_addarg(fs->fn, set, v);
    break;
  }
  }
}

/* constructor -> '{' [field {sep field} [sep]] '}'; positional items are stored in batches as lua5.4 does
** (so `{10, [1] = 5}` gives t[1] == 10). */
static IrInstr *table(FuncState *fs, Expr *e) {
  Vec *fields = &e->u.fields;
  int narr = 0, nhash = 0;
  for (int i = 0; i < fields->n; i++) {
    TableField *f = fields->v[i];
    if (f->kind != TF_POS) nhash++;
    else if (i < fields->n - 1 || !irb_ismulti(f->val)) narr++;
  }
  Constructor c;
  c.table = irb_emit(fs, IR_NEWTABLE, e->line);
  c.table->i = narr;
  c.table->k = nhash;
  c.npending = 0;
  c.next = 1;
  for (int i = 0; i < fields->n; i++) field(fs, &c, fields->v[i], i == fields->n - 1);
  flush(fs, &c, e->line);
  return c.table;
}

/* ---- Expressions ---- */

/* Lowers e to one value (a multi-valued expression is truncated to its first value). */
IrInstr *irb_expr(FuncState *fs, Expr *e) {
  IrInstr *v;
  switch (e->kind) {
  case E_NIL: return irb_knil(fs, e->line);
  case E_TRUE: return irb_emit(fs, IR_KTRUE, e->line);
  case E_FALSE: return irb_emit(fs, IR_KFALSE, e->line);
  case E_INT: return kint(fs, e->u.i, e->line);
  case E_FLT: return kflt(fs, e->u.f, e->line);
  case E_STR: return irb_kstr(fs, e->u.str.s, e->u.str.len, e->line);
  case E_FUNC: return irb_closure(fs, e->u.func, NULL);
  case E_TABLE: return table(fs, e);
  case E_BINOP: return binop(fs, e);
  case E_UNOP: return unop(fs, e);
  case E_AND:
  case E_OR: return andor(fs, e);
  case E_LOCAL: return local(fs, e);
  case E_UPVAL: return upval(fs, e);
  case E_GLOBAL: return global(fs, e);
  case E_INDEX: return index_expr(fs, e);
  case E_PAREN: return irb_expr(fs, e->u.paren);
  case E_VARARG:
  case E_CALL:
  case E_METHCALL:
    v = irb_emit1(fs, IR_EXTRACT, e->line, irb_multi(fs, e));
    v->k = 0;
    return v;
  case E_NAME: break;
  }
  ir_internal("irbuild: unresolved name '%s' at line %d", e->u.name.name, e->line);
}
