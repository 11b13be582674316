/* irbuild.c: lowers the resolved AST to IR: functions, statements and the SSA construction (compiler layer).
**
** SSA form for the locals no closure captures is built on the fly, as in Braun et al., "Simple and Efficient
** Construction of Static Single Assignment Form" (CC 2013): each block maps variables to their current value
** (irb_writevar / irb_readvar); reading a variable a block does not define looks in its predecessors, placing a
** phi where they may disagree. A block is "sealed" once all its predecessors are known; reads in an unsealed
** block (a loop header) create operand-less phis completed at sealing. Phis that turn out trivial (all operands
** the same value) are forwarded to that value (IrInstr.fwd) and removed when the function is finished.
** Captured locals live in cells instead. Statements are in irbuild_stmt.c, expressions in irbuild_expr.c.
*/
#include "irbuild.h"

#include <string.h>

typedef struct VarDef {
  int var;
  IrInstr *val;
  struct VarDef *next;
} VarDef;

/* SSA construction state of a block (IrBlock.aux) */
typedef struct BlockSSA {
  VarDef *defs;            /* current value of each variable written or read in the block */
  VarDef *pending;         /* unsealed block: phis waiting for their operands */
  int sealed;
} BlockSSA;

/* ---- Emission helpers ---- */

IrInstr *irb_emit(FuncState *fs, IrOp op, int line) {
  IrInstr *ins = ir_newinstr(fs->fn, op, line);
  ir_append(fs->cur, ins);
  return ins;
}

IrInstr *irb_emit1(FuncState *fs, IrOp op, int line, IrInstr *a) {
  IrInstr *ins = irb_emit(fs, op, line);
  ir_addarg(fs->fn, ins, a);
  return ins;
}

IrInstr *irb_emit2(FuncState *fs, IrOp op, int line, IrInstr *a, IrInstr *b) {
  IrInstr *ins = irb_emit1(fs, op, line, a);
  ir_addarg(fs->fn, ins, b);
  return ins;
}

IrBlock *irb_newblock(FuncState *fs) {
  IrBlock *b = ir_newblock(fs->fn);
  b->aux = arena_alloc(fs->cx->arena, sizeof(BlockSSA));
  return b;
}

static BlockSSA *ssa(IrBlock *b) { return b->aux; }

void irb_jump(FuncState *fs, IrBlock *to, int line) {
  irb_emit(fs, IR_JMP, line);
  ir_setsucc(fs->cur, to, NULL);
}

void irb_branch(FuncState *fs, IrInstr *cond, IrBlock *t, IrBlock *f, int line) {
  irb_emit1(fs, IR_BR, line, cond);
  ir_setsucc(fs->cur, t, f);
}

/* Continues in a fresh block no edge reaches (code after `break` or `return`); removed when finished. */
void irb_deadblock(FuncState *fs) {
  fs->cur = irb_newblock(fs);
  ssa(fs->cur)->sealed = 1;
}

/* ---- SSA construction ---- */

static IrInstr *resolved(IrInstr *v) {
  while (v->fwd) v = v->fwd;
  return v;
}

int irb_newvar(FuncState *fs) { return fs->nvars++; }

static void write_var_in(FuncState *fs, int var, IrBlock *b, IrInstr *val) {
  BlockSSA *s = ssa(b);
  for (VarDef *d = s->defs; d; d = d->next) {
    if (d->var == var) {
      d->val = val;
      return;
    }
  }
  VarDef *d = arena_alloc(fs->cx->arena, sizeof *d);
  d->var = var;
  d->val = val;
  d->next = s->defs;
  s->defs = d;
}

/* A value for a variable read where it has none (only in code no path reaches): nil. */
static IrInstr *undefined(FuncState *fs, IrBlock *b) {
  IrInstr *k = ir_newinstr(fs->fn, IR_KNIL, 0);
  ir_prepend(b, k);
  return k;
}

static IrInstr *new_phi(FuncState *fs, IrBlock *b, int var) {
  IrInstr *phi = ir_newinstr(fs->fn, IR_PHI, b->line);
  if (var < fs->nbind) phi->name = fs->bind[var].name;
  ir_addphi(b, phi);
  return phi;
}

/* If phi's operands are all one value (or phi itself), forwards phi to that value and returns it. */
static IrInstr *try_remove_trivial(FuncState *fs, IrInstr *phi) {
  IrInstr *same = NULL;
  for (int i = 0; i < phi->narg; i++) {
    IrInstr *op = resolved(phi->arg[i]);
    if (op == same || op == phi) continue;
    if (same) return phi;
    same = op;
  }
  if (!same) same = undefined(fs, phi->block);
  if (!same->name && !ir_isconst(same)) same->name = phi->name;
  phi->fwd = same;
  return same;
}

static IrInstr *read_var_in(FuncState *fs, int var, IrBlock *b);

static IrInstr *add_phi_operands(FuncState *fs, int var, IrInstr *phi) {
  IrBlock *b = phi->block;
  for (int i = 0; i < b->npred; i++) ir_addarg(fs->fn, phi, read_var_in(fs, var, b->pred[i]));
  return try_remove_trivial(fs, phi);
}

static IrInstr *read_var_recursive(FuncState *fs, int var, IrBlock *b) {
  BlockSSA *s = ssa(b);
  IrInstr *val;
  if (!s->sealed) {
    val = new_phi(fs, b, var);
    VarDef *p = arena_alloc(fs->cx->arena, sizeof *p);
    p->var = var;
    p->val = val;
    p->next = s->pending;
    s->pending = p;
  } else if (b->npred == 0) {
    val = undefined(fs, b);
  } else if (b->npred == 1) {
    val = read_var_in(fs, var, b->pred[0]);
  } else {
    IrInstr *phi = new_phi(fs, b, var);
    write_var_in(fs, var, b, phi);   /* breaks cycles through loops */
    val = add_phi_operands(fs, var, phi);
  }
  write_var_in(fs, var, b, val);
  return val;
}

static IrInstr *read_var_in(FuncState *fs, int var, IrBlock *b) {
  for (VarDef *d = ssa(b)->defs; d; d = d->next)
    if (d->var == var) return resolved(d->val);
  return read_var_recursive(fs, var, b);
}

void irb_writevar(FuncState *fs, int var, IrInstr *val) { write_var_in(fs, var, fs->cur, val); }

IrInstr *irb_readvar(FuncState *fs, int var) { return read_var_in(fs, var, fs->cur); }

/* Declares that every predecessor of b is known: completes the phis its reads created meanwhile. */
void irb_seal(FuncState *fs, IrBlock *b) {
  BlockSSA *s = ssa(b);
  if (s->sealed) return;
  for (VarDef *p = s->pending; p; p = p->next) add_phi_operands(fs, p->var, p->val);
  s->pending = NULL;
  s->sealed = 1;
}

/* ---- Locals ---- */

Binding *irb_binding(FuncState *fs, LocalVar *v) {
  if (v == fs->ast->env) return &fs->envbind;
  IR_CHECK(v->func == fs->ast && v->index >= 0 && v->index < fs->nbind, "local of another function");
  return &fs->bind[v->index];
}

/* The binding the upvalue k of fs stands for, in the function that declares it (NULL: main's _ENV). */
Binding *irb_upbinding(FuncState *fs, int k) {
  if (!fs->parent || k >= fs->ast->upvals.n) return NULL;
  UpvalDesc *u = fs->ast->upvals.v[k];
  if (u->instack) return irb_binding(fs->parent, u->local);
  return irb_upbinding(fs->parent, u->index);
}

/* Binds v, just declared, to its initial value: a fresh cell if a closure captures it, else an SSA variable. */
void irb_declare(FuncState *fs, LocalVar *v, IrInstr *val, int line) {
  Binding *b = irb_binding(fs, v);
  b->name = v->name;
  if (v->captured) {
    b->kind = BIND_CELL;
    b->cell = irb_emit1(fs, IR_NEWCELL, line, val);
    b->cell->name = v->name;
    return;
  }
  b->kind = BIND_SSA;
  if (!val->name && !ir_isconst(val)) val->name = v->name;
  irb_writevar(fs, v->index, val);
}

void irb_assign(FuncState *fs, LocalVar *v, IrInstr *val, int line) {
  Binding *b = irb_binding(fs, v);
  if (b->kind == BIND_CELL) irb_emit2(fs, IR_CELLSET, line, b->cell, val);
  else irb_writevar(fs, v->index, val);
}

IrInstr *irb_localcell(FuncState *fs, LocalVar *v) {
  Binding *b = irb_binding(fs, v);
  IR_CHECK(b->kind == BIND_CELL, "captured local without a cell");
  return b->cell;
}

/* ---- Finishing a function: unreachable blocks, trivial phis ---- */

/* Drops the blocks no path from the entry reaches, with the phi operands that came from them. */
static void remove_unreachable(IrFunc *fn) {
  IrBlock **order = arena_alloc(fn->module->arena, sizeof(IrBlock *) * (size_t)fn->nblocks);
  ir_postorder(fn, order, 0);   /* marks the reachable blocks */
  int n = 0;
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    if (!b->mark) continue;
    int np = 0;
    for (int p = 0; p < b->npred; p++) {
      if (!b->pred[p]->mark) continue;
      for (int k = 0; k < b->nphi; k++) b->phi[k]->arg[np] = b->phi[k]->arg[p];
      b->pred[np++] = b->pred[p];
    }
    b->npred = np;
    for (int k = 0; k < b->nphi; k++) b->phi[k]->narg = np;
    b->id = n;
    fn->blocks[n++] = b;
  }
  fn->nblocks = n;
}

static void resolve_operands(IrInstr *ins) {
  for (int i = 0; i < ins->narg; i++) ins->arg[i] = resolved(ins->arg[i]);
}

/* Forwards trivial phis until none is left, then removes them and points every operand at its final value. */
static void remove_trivial_phis(FuncState *fs) {
  IrFunc *fn = fs->fn;
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = 0; i < fn->nblocks; i++) {
      IrBlock *b = fn->blocks[i];
      for (int k = 0; k < b->nphi; k++) {
        IrInstr *phi = b->phi[k];
        if (!phi->fwd && try_remove_trivial(fs, phi) != phi) changed = 1;
      }
    }
  }
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    int n = 0;
    for (int k = 0; k < b->nphi; k++)
      if (!b->phi[k]->fwd) b->phi[n++] = b->phi[k];
    b->nphi = n;
    for (int k = 0; k < b->nphi; k++) resolve_operands(b->phi[k]);
    for (int k = 0; k < b->nins; k++) resolve_operands(b->ins[k]);
  }
}

static void replace_edge(IrBlock **v, int n, IrBlock *from, IrBlock *to) {
  for (int i = 0; i < n; i++)
    if (v[i] == from) v[i] = to;
}

/* Appends b to its only predecessor p, which jumps to it unconditionally. */
static void merge_into_pred(IrBlock *p, IrBlock *b) {
  p->nins--;
  for (int i = 0; i < b->nins; i++) ir_append(p, b->ins[i]);
  p->nsucc = b->nsucc;
  for (int i = 0; i < b->nsucc; i++) {
    p->succ[i] = b->succ[i];
    replace_edge(b->succ[i]->pred, b->succ[i]->npred, b, p);
  }
  b->nins = b->npred = b->nsucc = 0;
}

static int has_succ(IrBlock *p, IrBlock *s) {
  for (int i = 0; i < p->nsucc; i++)
    if (p->succ[i] == s) return 1;
  return 0;
}

/* Sends the predecessors of e, a block that only jumps to t, straight to t (their phi operands in t are e's).
** Not done when a predecessor already branches to t too. */
static int thread_empty(FuncState *fs, IrBlock *e) {
  IrBlock *t = e->succ[0];
  if (t == e || e->npred == 0) return 0;
  for (int i = 0; i < e->npred; i++)
    if (has_succ(e->pred[i], t) || e->pred[i] == e) return 0;
  int j = 0;
  while (t->pred[j] != e) j++;
  t->pred[j] = e->pred[0];
  for (int i = 1; i < e->npred; i++) {
    ir_addpred(t, e->pred[i]);
    for (int k = 0; k < t->nphi; k++) ir_addarg(fs->fn, t->phi[k], t->phi[k]->arg[j]);
  }
  for (int i = 0; i < e->npred; i++) replace_edge(e->pred[i]->succ, e->pred[i]->nsucc, e, t);
  e->nins = e->npred = e->nsucc = 0;
  return 1;
}

/* Straightens the control flow graph: merges a block into its predecessor when that one only leads to it,
** and removes blocks that only jump; then renumbers the blocks. */
static void simplify_cfg(FuncState *fs) {
  IrFunc *fn = fs->fn;
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = 1; i < fn->nblocks; i++) {
      IrBlock *b = fn->blocks[i];
      if (b->nins == 0) continue;
      IrBlock *p = b->npred == 1 ? b->pred[0] : NULL;
      if (p && p != b && p->nsucc == 1 && b->nphi == 0) {
        merge_into_pred(p, b);
        changed = 1;
      } else if (b->nphi == 0 && b->nins == 1 && b->ins[0]->op == IR_JMP && thread_empty(fs, b)) {
        changed = 1;
      }
    }
  }
  int n = 0;
  for (int i = 0; i < fn->nblocks; i++) {
    if (fn->blocks[i]->nins == 0) continue;
    fn->blocks[i]->id = n;
    fn->blocks[n++] = fn->blocks[i];
  }
  fn->nblocks = n;
}

/* ---- Functions ---- */

/* Binds the parameters. With a self-tail-call header, their values come through hidden variables so that
** `return f(...)` can rebind them; the header is sealed when the body is done. */
static void bind_params(FuncState *fs, int line) {
  FuncExpr *f = fs->ast;
  int np = f->params.n;
  IrInstr **p = arena_alloc(fs->cx->arena, sizeof(IrInstr *) * (size_t)(np + 1));
  for (int i = 0; i < np; i++) {
    p[i] = irb_emit(fs, IR_PARAM, line);
    p[i]->k = i;
    p[i]->name = ((LocalVar *)f->params.v[i])->name;
  }
  if (fs->header) {
    fs->paramvar = arena_alloc(fs->cx->arena, sizeof(int) * (size_t)(np + 1));
    for (int i = 0; i < np; i++) {
      fs->paramvar[i] = irb_newvar(fs);
      irb_writevar(fs, fs->paramvar[i], p[i]);
    }
    irb_jump(fs, fs->header, line);
    fs->cur = fs->header;
    for (int i = 0; i < np; i++) p[i] = irb_readvar(fs, fs->paramvar[i]);
  }
  for (int i = 0; i < np; i++) irb_declare(fs, f->params.v[i], p[i], line);
}

static void init_func(FuncState *fs, FuncState *parent, FuncExpr *f, IrFunc *fn) {
  memset(fs, 0, sizeof *fs);
  fs->cx = parent->cx;
  fs->m = parent->m;
  fs->ast = f;
  fs->fn = fn;
  fs->parent = parent->ast ? parent : NULL;
  fn->parent = fs->parent ? fs->parent->fn : NULL;
  fn->line = f->line;
  fn->lastline = f->lastline;
  fn->nparams = f->params.n;
  fn->isvararg = f->isvararg;
  fn->ismethod = f->ismethod;
  fn->spos = f->spos;
  fn->send = f->send;
  fn->sline = f->sline;
  fn->params = arena_alloc(fs->cx->arena, sizeof(char *) * (size_t)(f->params.n + 1));
  fn->paramset = arena_alloc(fs->cx->arena, (size_t)(f->params.n + 1));
  for (int i = 0; i < f->params.n; i++) {
    fn->params[i] = ((LocalVar *)f->params.v[i])->name;
    fn->paramset[i] = (char)((LocalVar *)f->params.v[i])->assigned;
  }
  for (int i = 0; i < f->locals.n; i++) {
    LocalVar *v = f->locals.v[i];
    if (v->index + 1 > fs->nbind) fs->nbind = v->index + 1;
  }
  for (int i = 0; i < f->params.n; i++) {
    LocalVar *v = f->params.v[i];
    if (v->index + 1 > fs->nbind) fs->nbind = v->index + 1;
  }
  fs->bind = arena_alloc(fs->cx->arena, sizeof(Binding) * (size_t)(fs->nbind + 1));
  fs->nvars = fs->nbind;
}

static void set_upvalues(FuncState *fs) {
  FuncExpr *f = fs->ast;
  IrFunc *fn = fs->fn;
  fn->nup = f->upvals.n;
  if (fn->ismain && fn->nup == 0) fn->nup = 1;   /* _ENV */
  fn->upnames = arena_alloc(fs->cx->arena, sizeof(char *) * (size_t)(fn->nup + 1));
  fn->upfold = arena_alloc(fs->cx->arena, (size_t)(fn->nup + 1));
  fn->upkonst = arena_alloc(fs->cx->arena, sizeof(Expr *) * (size_t)(fn->nup + 1));
  for (int i = 0; i < fn->nup; i++) {
    Binding *b = irb_upbinding(fs, i);
    fn->upnames[i] = i < f->upvals.n ? ((UpvalDesc *)f->upvals.v[i])->name : "_ENV";
    fn->upfold[i] = b ? (char)b->ctc : 0;
    fn->upkonst[i] = b && b->ctc == 'k' ? b->ctcval : NULL;
  }
}

/* Is fn the function some local of parent always holds (so that its body may call itself directly)? */
static int is_known(FuncState *parent, IrFunc *fn) {
  for (int i = 0; i < parent->nbind; i++)
    if (parent->bind[i].known == fn) return 1;
  return 0;
}

/* Lowers the function f (nested in parent) into fn, which its caller has made (ir_newfunc) so that calls to
** it can be resolved while its body is lowered. Returns fn. */
IrFunc *irb_function(FuncState *parent, FuncExpr *f, IrFunc *fn) {
  FuncState fs;
  init_func(&fs, parent, f, fn);
  fn->ismain = fs.parent == NULL;
  set_upvalues(&fs);
  IrBlock *entry = irb_newblock(&fs);
  irb_seal(&fs, entry);
  entry->line = f->line;
  fs.cur = entry;
  if (fn->ismain) {
    fs.envbind.kind = BIND_CELL;
    fs.envbind.cell = irb_emit(&fs, IR_UPVAL, f->line);
    fs.envbind.cell->name = "_ENV";
  }
  if (is_known(parent, fn)) fs.header = irb_newblock(&fs);
  bind_params(&fs, f->line);
  irb_block(&fs, f->body, f->lastline);
  irb_emit(&fs, IR_RET, f->lastline);
  if (fs.header) irb_seal(&fs, fs.header);
  remove_unreachable(fn);
  remove_trivial_phis(&fs);
  simplify_cfg(&fs);
  return fn;
}

/* ir_build: lowers the resolved main chunk and every function nested in it. Errors via compile_error. */
IrModule *ir_build(CompileCtx *cx, FuncExpr *main) {
  IrModule *m = ir_newmodule(cx->arena, cx->chunkname);
  FuncState top;
  memset(&top, 0, sizeof top);
  top.cx = cx;
  top.m = m;
  IrFunc *fn = ir_newfunc(m, main->name ? main->name : "main chunk", main->line);
  m->main = fn;
  irb_function(&top, main, fn);
  return m;
}
