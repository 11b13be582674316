/* irbuild_stmt.c: lowers statements to IR: assignments, control flow, labels and gotos, to-be-closed variables
** (compiler layer). The SSA construction and functions are in irbuild.c, expressions in irbuild_expr.c. */
#include "irbuild.h"

#include <string.h>

/* ---- Scopes: labels, gotos and to-be-closed values ----
** A <close> variable pushes its value on the running state's list of to-be-closed values (TBC), and so does the
** fourth value of a generic for. Leaving their scope (its end, break, goto, return) closes the values pushed
** since (CLOSE), newest first; an error closes them in the runtime (vm_pcall). Depths are static: the value of
** the k-th open <close> scope of an activation is its k-th entry (nil and false are pushed too, as placeholders),
** so `CLOSE k` closes the entries from the activation's base + k up, the base being read when it starts. A goto
** may skip a <close> declaration only to reach the end of its block (the label then counts as outside the
** block's locals), where nothing but the block's own CLOSE follows; that one closes whatever is above the block's
** depth, placeholders or not. A generic for whose body opens no such scope pushes its value only when it is
** truthy: nothing deeper depends on its slot. */

typedef struct Scope {
  int depth, intbc;        /* fs->tbcdepth and fs->intbc outside the block */
  LabelScope labels;
} Scope;

static void statement(FuncState *fs, Stmt *s);

static int declares_tbc(Stmt *s) {
  if (s->kind != S_LOCAL) return 0;
  for (int i = 0; i < s->u.local.vars.n; i++)
    if (((LocalVar *)s->u.local.vars.v[i])->attrib == ATTR_CLOSE) return 1;
  return 0;
}

/* Does b (its nested blocks included, not its nested functions) open a to-be-closed scope? */
static int opens_tbc(Block *b) {
  for (int i = 0; i < b->stmts.n; i++) {
    Stmt *s = b->stmts.v[i];
    int in = 0;
    switch (s->kind) {
    case S_LOCAL: in = declares_tbc(s); break;
    case S_GENFOR: in = 1; break;
    case S_DO: in = opens_tbc(s->u.block); break;
    case S_WHILE: case S_REPEAT: in = opens_tbc(s->u.loop.body); break;
    case S_NUMFOR: in = opens_tbc(s->u.numfor.body); break;
    case S_IF:
      for (int k = 0; k < s->u.ifs.blocks.n && !in; k++) in = opens_tbc(s->u.ifs.blocks.v[k]);
      if (s->u.ifs.els && !in) in = opens_tbc(s->u.ifs.els);
      break;
    default: break;
    }
    if (in) return 1;
  }
  return 0;
}

/* Closes the to-be-closed values of depth >= depth (the values of pack, if any, survive). */
static void emit_close(FuncState *fs, int depth, int line, IrInstr *pack) {
  IrInstr *c = irb_emit(fs, IR_CLOSE, line);
  c->k = depth;
  if (pack) ir_addarg(fs->fn, c, pack);
}

/* emit_close if some value of depth >= depth is open here. */
static void close_to(FuncState *fs, int depth, int line, IrInstr *pack) {
  if (fs->tbcdepth > depth) emit_close(fs, depth, line, pack);
}

/* Pushes the to-be-closed value v of variable `name` (only if truthy: see above). */
static void push_tbc(FuncState *fs, IrInstr *v, const char *name, int line, int iftruthy) {
  IrInstr *t = irb_emit1(fs, IR_TBC, line, v);
  t->s = name;
  t->k = iftruthy;
  fs->tbcdepth++;
  fs->intbc++;
}

/* Opens the scope of block b: makes the IR blocks of its labels, each with the depth a goto to it closes down to.
** For a label that ends the block, lua5.4 considers the block's locals out of scope but closes them only at the
** block's end: its depth still counts them (a goto that skipped them has not pushed them). */
static void open_scope(FuncState *fs, Scope *sc, Block *b) {
  int n = 0, depth = fs->tbcdepth;
  sc->depth = fs->tbcdepth;
  sc->intbc = fs->intbc;
  for (int i = 0; i < b->stmts.n; i++) n += ((Stmt *)b->stmts.v[i])->kind == S_LABEL;
  sc->labels.v = n ? arena_alloc(fs->cx->arena, sizeof(Label) * (size_t)n) : NULL;
  sc->labels.n = 0;
  for (int i = 0; i < b->stmts.n; i++) {
    Stmt *s = b->stmts.v[i];
    depth += declares_tbc(s);
    if (s->kind != S_LABEL) continue;
    Label *l = &sc->labels.v[sc->labels.n++];
    l->name = s->u.go.label;
    l->block = irb_newblock(fs);
    l->block->line = s->line;
    l->depth = depth;
    l->line = s->endline;
    l->seen = 0;
  }
  sc->labels.prev = fs->labels;
  fs->labels = &sc->labels;
}

/* Ends the scope: closes its to-be-closed values (at line), seals its labels (every goto to them is known). */
static void close_scope(FuncState *fs, Scope *sc, int line) {
  close_to(fs, sc->depth, line, NULL);
  fs->tbcdepth = sc->depth;
  fs->intbc = sc->intbc;
  for (int i = 0; i < sc->labels.n; i++) irb_seal(fs, sc->labels.v[i].block);
  fs->labels = sc->labels.prev;
}

/* The label `name` visible here (the innermost: lua5.4 forbids a label that shadows a visible one). */
static Label *find_label(FuncState *fs, const char *name) {
  for (LabelScope *sc = fs->labels; sc; sc = sc->prev)
    for (int i = 0; i < sc->n; i++)
      if (strcmp(sc->v[i].name, name) == 0) return &sc->v[i];
  return NULL;
}

/* label -> '::' NAME '::': the flow goes on in the label's block */
static void label_stat(FuncState *fs, Stmt *s) {
  Label *l = find_label(fs, s->u.go.label);
  IR_CHECK(l != NULL, "label without a block");
  l->seen = 1;
  irb_jump(fs, l->block, s->line);
  fs->cur = l->block;
}

/* gotostat -> GOTO NAME (resolve.c has checked it). The values of the scopes it leaves are closed here, on the
** line where lua5.4 closes them: the goto's for a backward jump, the label's for a forward one. */
static void goto_stat(FuncState *fs, Stmt *s) {
  Label *l = find_label(fs, s->u.go.label);
  IR_CHECK(l != NULL, "goto without a visible label");
  close_to(fs, l->depth, l->seen ? s->endline : l->line, NULL);
  irb_jump(fs, l->block, s->line);
  irb_deadblock(fs);
}

static void break_stat(FuncState *fs, Stmt *s) {
  IR_CHECK(fs->loop != NULL, "break outside a loop");
  if (fs->tbcdepth > fs->loop->depth) fs->loop->needclose = 1;
  irb_jump(fs, fs->loop->exit, s->line);
  irb_deadblock(fs);
}

/* ---- Loops ---- */

static void push_loop(FuncState *fs, Loop *l, IrBlock *exit) {
  l->exit = exit;
  l->depth = fs->tbcdepth;
  l->needclose = 0;
  l->prev = fs->loop;
  fs->loop = l;
}

/* Leaves loop l, continuing in its exit block: the values a `break` left open are closed there (at line). */
static void pop_loop(FuncState *fs, Loop *l, int line) {
  fs->loop = l->prev;
  fs->cur = l->exit;
  if (l->needclose) emit_close(fs, l->depth, line, NULL);
}

/* whilestat -> WHILE cond DO block END */
static void while_stat(FuncState *fs, Stmt *s) {
  IrBlock *head = irb_newblock(fs), *body = irb_newblock(fs), *exit = irb_newblock(fs);
  Loop l;
  irb_jump(fs, head, s->line);
  fs->cur = head;
  irb_condjump(fs, s->u.loop.cond, body, exit);
  irb_seal(fs, body);
  fs->cur = body;
  push_loop(fs, &l, exit);
  irb_block(fs, s->u.loop.body, s->u.loop.body->closeline);
  irb_jump(fs, head, s->u.loop.body->lastline);
  irb_seal(fs, head);
  irb_seal(fs, exit);
  pop_loop(fs, &l, s->endline);
}

/* repeatstat -> REPEAT block UNTIL cond: the condition sees the block's locals; the block's to-be-closed values
** are closed after it, on both ways out */
static void repeat_stat(FuncState *fs, Stmt *s) {
  IrBlock *body = irb_newblock(fs), *exit = irb_newblock(fs);
  Loop l;
  Scope sc;
  irb_jump(fs, body, s->line);
  fs->cur = body;
  push_loop(fs, &l, exit);
  open_scope(fs, &sc, s->u.loop.body);
  for (int i = 0; i < s->u.loop.body->stmts.n; i++) statement(fs, s->u.loop.body->stmts.v[i]);
  if (fs->tbcdepth > sc.depth) {
    IrBlock *out = irb_newblock(fs), *again = irb_newblock(fs);
    irb_condjump(fs, s->u.loop.cond, out, again);
    irb_seal(fs, out);
    irb_seal(fs, again);
    fs->cur = out;
    emit_close(fs, sc.depth, s->endline, NULL);
    irb_jump(fs, exit, s->endline);
    fs->cur = again;
    emit_close(fs, sc.depth, s->endline, NULL);
    irb_jump(fs, body, s->endline);
    fs->tbcdepth = sc.depth;
  } else {
    irb_condjump(fs, s->u.loop.cond, exit, body);
  }
  close_scope(fs, &sc, s->endline);
  irb_seal(fs, body);
  irb_seal(fs, exit);
  pop_loop(fs, &l, s->endline);
}

static int is_literal(Expr *e) {
  return e->kind == E_NIL || e->kind == E_TRUE || e->kind == E_FALSE || e->kind == E_INT || e->kind == E_FLT ||
         e->kind == E_STR;
}

/* Might lua5.4 fold e into a constant? Operators on literals and locals may be (it folds arithmetic on numbers,
** and <const> locals); anything else is not. */
static int maybe_constant(Expr *e) {
  switch (e->kind) {
    case E_BINOP: case E_AND: case E_OR: return maybe_constant(e->u.bin.a) && maybe_constant(e->u.bin.b);
    case E_UNOP: return maybe_constant(e->u.un.a);
    case E_PAREN: return maybe_constant(e->u.paren);
    case E_LOCAL: case E_UPVAL: return 1;
    default: return is_literal(e);
  }
}

/* The constant lua5.4 folds the initializer e of a <const> local to, when vmc can tell: a literal, one in
** parentheses, the negation of a numeric one (but not a float zero, which lua5.4 does not fold), or the value
** of such a local; NULL otherwise, with *maybe set when lua5.4 might fold e all the same (other operators). */
static Expr *folded(FuncState *fs, Expr *e, int *maybe) {
  Binding *b = NULL;
  Expr *k, *r;
  switch (e->kind) {
    case E_PAREN: return folded(fs, e->u.paren, maybe);
    case E_LOCAL: b = irb_binding(fs, e->u.name.var); break;
    case E_UPVAL: b = irb_upbinding(fs, e->u.name.up); break;
    case E_UNOP:
      if (e->u.un.op != OP_NEG) break;
      k = folded(fs, e->u.un.a, maybe);
      if (k == NULL || (k->kind != E_INT && k->kind != E_FLT)) break;
      if (k->kind == E_FLT && k->u.f == 0) return NULL;   /* -0.0: certainly not folded */
      r = arena_alloc(fs->cx->arena, sizeof *r);
      *r = *k;
      if (k->kind == E_INT) r->u.i = (long long)(0ULL - (unsigned long long)k->u.i);
      else r->u.f = -k->u.f;
      return r;
    default:
      if (is_literal(e)) return e;
      break;
  }
  if (b != NULL) {
    if (b->ctc == '?') *maybe = 1;
    return b->ctc == 'k' ? b->ctcval : NULL;
  }
  if (maybe_constant(e)) *maybe = 1;
  return NULL;
}

/* localstat -> LOCAL attnamelist ['=' explist] */
static void local_stat(FuncState *fs, Stmt *s) {
  Vec *vars = &s->u.local.vars, *exprs = &s->u.local.exprs;
  IrInstr **vals = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)(vars->n + 1));
  IrFunc *known = NULL;
  if (vars->n == 1 && exprs->n == 1 && ((Expr *)exprs->v[0])->kind == E_FUNC && !((LocalVar *)vars->v[0])->assigned) {
    Expr *f = exprs->v[0];
    known = ir_newfunc(fs->m, f->u.func->name, f->u.func->line);
    vals[0] = irb_closure(fs, f->u.func, known);
  } else {
    irb_explist(fs, exprs, vars->n, vals);
  }
  for (int i = 0; i < vars->n; i++) {
    LocalVar *v = vars->v[i];
    irb_declare(fs, v, vals[i], s->line);
    Binding *b = irb_binding(fs, v);
    b->known = known;
    if (v->attrib == ATTR_CONST && i < exprs->n && is_literal(exprs->v[i])) b->konst = exprs->v[i];
    if (v->attrib == ATTR_CONST && i == vars->n - 1 && exprs->n == vars->n) {   /* lua5.4's rule */
      int maybe = 0;
      b->ctcval = folded(fs, exprs->v[i], &maybe);
      b->ctc = b->ctcval ? 'k' : maybe ? '?' : 0;
    }
    if (v->attrib == ATTR_CLOSE) push_tbc(fs, vals[i], v->name, s->endline, 0);
  }
}

/* localfunc -> LOCAL FUNCTION NAME body: the name is in scope in the body (recursion) */
static void localfunc_stat(FuncState *fs, Stmt *s) {
  LocalVar *v = s->u.localfunc.var;
  FuncExpr *f = s->u.localfunc.func;
  IrInstr *nil = irb_knil(fs, s->line);
  irb_declare(fs, v, nil, s->line);
  IrFunc *fn = ir_newfunc(fs->m, f->name, f->line);
  if (!v->assigned) irb_binding(fs, v)->known = fn;
  IrInstr *c = irb_closure(fs, f, fn);
  c->name = v->name;
  irb_assign(fs, v, c, s->line);
}

/* An assignment target, with its prefix evaluated before the right-hand side. */
typedef struct Target {
  Expr *e;
  IrInstr *obj, *key;      /* E_INDEX, E_GLOBAL */
} Target;

static void prepare_target(FuncState *fs, Target *t, Expr *e) {
  t->e = e;
  if (e->kind == E_INDEX) {
    t->obj = irb_expr(fs, e->u.index.obj);
    t->key = irb_expr(fs, e->u.index.key);
  } else if (e->kind == E_GLOBAL) {
    t->obj = irb_expr(fs, e->u.name.env);
    t->key = irb_kstr(fs, e->u.name.name, strlen(e->u.name.name), e->line);
  }
}

static void store_target(FuncState *fs, Target *t, IrInstr *val, int line) {
  Expr *e = t->e;
  IrInstr *ins;
  switch (e->kind) {
  case E_LOCAL:
    irb_assign(fs, e->u.name.var, val, line);
    break;
  case E_UPVAL:
    ins = irb_emit(fs, IR_UPVAL, line);
    ins->k = e->u.name.up;
    irb_emit2(fs, IR_CELLSET, line, ins, val);
    break;
  case E_GLOBAL:
  case E_INDEX:
    ins = irb_emit2(fs, IR_SETINDEX, line, t->obj, t->key);
    ir_addarg(fs->fn, ins, val);
    ins->da = irb_desc(fs, e->kind == E_INDEX ? e->u.index.obj : e->u.name.env);
    break;
  default:
    ir_internal("irbuild: bad assignment target (kind %d)", e->kind);
  }
}

/* assignment -> suffixedexp {',' suffixedexp} '=' explist; lua5.4 stores from the last target to the first */
static void assign_stat(FuncState *fs, Stmt *s) {
  Vec *targets = &s->u.assign.targets;
  int n = targets->n;
  Target *t = arena_alloc(fs->cx->arena, sizeof(Target) * (size_t)n);
  for (int i = 0; i < n; i++) prepare_target(fs, &t[i], targets->v[i]);
  IrInstr **vals = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)n);
  irb_explist(fs, &s->u.assign.exprs, n, vals);
  for (int i = n - 1; i >= 0; i--) store_target(fs, &t[i], vals[i], s->line);
}

/* funcstat -> FUNCTION funcname body */
static void func_stat(FuncState *fs, Stmt *s) {
  Target t;
  memset(&t, 0, sizeof t);
  prepare_target(fs, &t, s->u.func.target);
  IrInstr *c = irb_closure(fs, s->u.func.func, NULL);
  store_target(fs, &t, c, s->line);
}

/* ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END */
static void if_stat(FuncState *fs, Stmt *s) {
  IrBlock *join = irb_newblock(fs);
  Vec *conds = &s->u.ifs.conds, *blocks = &s->u.ifs.blocks;
  for (int i = 0; i < conds->n; i++) {
    IrBlock *then = irb_newblock(fs), *next = irb_newblock(fs);
    irb_condjump(fs, conds->v[i], then, next);
    irb_seal(fs, then);
    irb_seal(fs, next);
    fs->cur = then;
    Block *b = blocks->v[i];
    irb_block(fs, b, b->closeline);
    irb_jump(fs, join, b->lastline);
    fs->cur = next;
  }
  if (s->u.ifs.els) irb_block(fs, s->u.ifs.els, s->u.ifs.els->closeline);
  irb_jump(fs, join, s->line);
  irb_seal(fs, join);
  fs->cur = join;
}

/* fornum -> NAME = exp, exp [, exp] DO block */
static void numfor_stat(FuncState *fs, Stmt *s) {
  int line = s->u.numfor.doline ? s->u.numfor.doline : s->line;
  IrInstr *init = irb_expr(fs, s->u.numfor.start);
  IrInstr *limit = irb_expr(fs, s->u.numfor.limit);
  IrInstr *step;
  Loop l;
  if (s->u.numfor.step) {
    step = irb_expr(fs, s->u.numfor.step);
  } else {
    step = irb_emit(fs, IR_KINT, line);
    step->i = 1;
  }
  IrInstr *prep = irb_emit2(fs, IR_FORPREP, line, init, limit);
  ir_addarg(fs->fn, prep, step);
  IrBlock *body = irb_newblock(fs), *exit = irb_newblock(fs);
  ir_setsucc(fs->cur, body, exit);
  fs->cur = body;
  IrInstr *v = irb_emit1(fs, IR_FORVALUE, line, prep);
  irb_declare(fs, s->u.numfor.var, v, line);
  push_loop(fs, &l, exit);
  irb_block(fs, s->u.numfor.body, s->u.numfor.body->closeline);
  irb_emit1(fs, IR_FORSTEP, line, prep);
  ir_setsucc(fs->cur, body, exit);
  irb_seal(fs, body);
  irb_seal(fs, exit);
  pop_loop(fs, &l, s->endline);
}

/* The head of a generic for, returned: calls f(s, control); goes on in body with the loop variables declared,
** or to exit. */
static IrBlock *genfor_head(FuncState *fs, Stmt *s, IrInstr **init, IrBlock *body, IrBlock *exit, int line) {
  Vec *vars = &s->u.genfor.vars;
  int control = irb_newvar(fs);
  IrBlock *head = irb_newblock(fs);
  irb_writevar(fs, control, init[2]);
  irb_jump(fs, head, line);
  fs->cur = head;
  IrInstr *call = irb_emit2(fs, IR_CALL, line, init[0], init[1]);
  ir_addarg(fs->fn, call, irb_readvar(fs, control));
  call->da = "for iterator 'for iterator'";
  IrInstr **vals = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)vars->n);
  for (int i = 0; i < vars->n; i++) {
    vals[i] = irb_emit1(fs, IR_EXTRACT, line, call);
    vals[i]->k = i;
  }
  IrInstr *done = irb_emit2(fs, IR_EQ, line, vals[0], irb_knil(fs, line));
  irb_branch(fs, done, exit, body, line);
  irb_seal(fs, body);
  fs->cur = body;
  irb_writevar(fs, control, vals[0]);
  for (int i = 0; i < vars->n; i++) irb_declare(fs, vars->v[i], vals[i], line);
  return head;
}

/* forlist -> NAME {, NAME} IN explist DO block: calls f(s, control) until its first result is nil. The fourth
** value is to be closed when the loop ends, however it ends. Inside the loop nothing is a tail call (lua5.4). */
static void genfor_stat(FuncState *fs, Stmt *s) {
  int line = s->u.genfor.doline ? s->u.genfor.doline : s->line, depth = fs->tbcdepth, intbc = fs->intbc;
  Block *b = s->u.genfor.body;
  IrInstr *init[4];
  Loop l;
  irb_explist(fs, &s->u.genfor.exprs, 4, init);
  int closing = init[3]->op != IR_KNIL;
  if (closing) push_tbc(fs, init[3], "(for state)", s->u.genfor.prepline, !opens_tbc(b));
  else fs->intbc++;
  IrBlock *body = irb_newblock(fs), *exit = irb_newblock(fs);
  IrBlock *head = genfor_head(fs, s, init, body, exit, line);
  push_loop(fs, &l, exit);
  l.depth = depth;
  irb_block(fs, b, b->closeline);
  irb_jump(fs, head, b->lastline);
  irb_seal(fs, head);
  irb_seal(fs, exit);
  l.needclose |= closing;
  pop_loop(fs, &l, s->endline);
  fs->tbcdepth = depth;
  fs->intbc = intbc;
}
/* `return f(args)` where f is the function being built: rebinds the parameters and jumps to its start (a loop:
** Lua's proper tail calls). With varargs, only when the call passes on `...` unchanged after the parameters.
** Without, the arguments are adjusted to the parameters as a call would: `return ack(m - 1, ack(m, n - 1))`
** loops too (bench/ackermann: its tail calls went through vm_tailcalls). */
static int self_tailcall(FuncState *fs, Stmt *s) {
  if (!fs->header || s->u.ret.exprs.n != 1 || fs->intbc) return 0;
  Expr *call = s->u.ret.exprs.v[0];
  if (call->kind != E_CALL || irb_knownfunc(fs, call->u.call.fn) != fs->fn) return 0;
  Vec *args = &call->u.call.args;
  int np = fs->fn->nparams, nargs = args->n;
  if (fs->fn->isvararg) {   /* only `return f(p1, ..., pn, ...)`: the varargs stay as they are */
    if (nargs != np + 1 || ((Expr *)args->v[np])->kind != E_VARARG) return 0;
  }
  IrInstr **vals = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)(np + 1));
  if (fs->fn->isvararg) {
    for (int i = 0; i < np; i++) vals[i] = irb_expr(fs, args->v[i]);
  } else {
    irb_explist(fs, args, np, vals);   /* every argument evaluated; the first np values, nil for missing ones */
  }
  for (int i = 0; i < np; i++) irb_writevar(fs, fs->paramvar[i], vals[i]);
  irb_jump(fs, fs->header, s->line);
  fs->fn->selftail = 1;
  irb_deadblock(fs);
  return 1;
}

/* retstat -> RETURN [explist] [';']: the values are computed, then the to-be-closed values closed */
static void return_stat(FuncState *fs, Stmt *s) {
  if (self_tailcall(fs, s)) return;
  int nfixed;
  IrInstr *pack;
  IrInstr **vals = irb_explist_multi(fs, &s->u.ret.exprs, &nfixed, &pack);
  close_to(fs, 0, s->endline, pack);
  IrInstr *ret = irb_emit(fs, IR_RET, s->line);
  for (int i = 0; i < nfixed; i++) ir_addarg(fs->fn, ret, vals[i]);
  if (pack) ir_addarg(fs->fn, ret, pack);
  ret->i = fs->intbc > 0;
  irb_deadblock(fs);
}

static void statement(FuncState *fs, Stmt *s) {
  switch (s->kind) {
  case S_LOCAL: local_stat(fs, s); break;
  case S_ASSIGN: assign_stat(fs, s); break;
  case S_CALL: irb_multi(fs, s->u.call); break;
  case S_DO: irb_block(fs, s->u.block, s->u.block->closeline); break;
  case S_WHILE: while_stat(fs, s); break;
  case S_REPEAT: repeat_stat(fs, s); break;
  case S_IF: if_stat(fs, s); break;
  case S_NUMFOR: numfor_stat(fs, s); break;
  case S_GENFOR: genfor_stat(fs, s); break;
  case S_FUNC: func_stat(fs, s); break;
  case S_LOCALFUNC: localfunc_stat(fs, s); break;
  case S_RETURN: return_stat(fs, s); break;
  case S_BREAK: break_stat(fs, s); break;
  case S_GOTO: goto_stat(fs, s); break;
  case S_LABEL: label_stat(fs, s); break;
  }
}

/* Lowers block b in a scope of its own; its to-be-closed values are closed at its end, on line closeline. */
void irb_block(FuncState *fs, Block *b, int closeline) {
  Scope sc;
  open_scope(fs, &sc, b);
  for (int i = 0; i < b->stmts.n; i++) statement(fs, b->stmts.v[i]);
  close_scope(fs, &sc, closeline);
}
