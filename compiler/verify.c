/* verify.c: the IR checker (compiler layer). Runs after ir_build and after every pass that rewrites the IR.
** A failure is a bug of the compiler, not of the Lua program: it prints the function and block and aborts.
**
** Checked: every block ends in exactly one terminator, whose successor count fits its operation; successor and
** predecessor lists agree; the entry has no predecessor; each phi has one operand per predecessor; every
** operand is a value defined in the function, of the kind its position wants (VAL, CELL, PACK, FOR), whose
** definition dominates the use (for a phi operand: the end of the matching predecessor); operation arities;
** a call's pack is used in its block before the next call (a CLOSE may come between: it keeps the pack it names);
** PARAM/UPVAL indices and closure cell counts. */
#include "ir.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Checker {
  IrFunc *fn;
  IrBlock *block;
  IrBlock **rpo;           /* blocks in reverse postorder */
  int nrpo;
  int *rpoindex;           /* by block id */
  IrBlock **idom;          /* immediate dominator, by block id */
  int *pos;                /* by value id: position in its block (phis: -1), or -2 if not defined */
  int *pre, *post;         /* by block id: dominator tree numbering */
} Checker;

static void fail(Checker *c, const char *f, ...) __attribute__((noreturn, format(printf, 2, 3)));

static void fail(Checker *c, const char *f, ...) {
  va_list ap;
  fprintf(stderr, "vmc: internal error: ir_verify: function '%s' (line %d)",
          c->fn->name ? c->fn->name : "anonymous", c->fn->line);
  if (c->block) fprintf(stderr, ", block b%d", c->block->id);
  fputs(": ", stderr);
  va_start(ap, f);
  vfprintf(stderr, f, ap);
  va_end(ap);
  fputc('\n', stderr);
  ir_dumpfunc(c->fn, stderr);
  abort();
}

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p) {
    fprintf(stderr, "vmc: out of memory\n");
    exit(1);
  }
  return p;
}

/* ---- Shape: terminators, edges, phis ---- */

static int nsucc_of(IrOp op) {
  switch (op) {
  case IR_JMP: return 1;
  case IR_BR: case IR_FORPREP: case IR_FORSTEP: return 2;
  default: return 0;
  }
}

static int count(IrBlock **v, int n, IrBlock *b) {
  int k = 0;
  for (int i = 0; i < n; i++) k += v[i] == b;
  return k;
}

static void check_shape(Checker *c, IrBlock *b) {
  c->block = b;
  if (b->func != c->fn) fail(c, "block of another function");
  if (b->nins == 0) fail(c, "empty block");
  for (int i = 0; i < b->nins; i++) {
    int term = (ir_opinfo[b->ins[i]->op].flags & IRF_TERM) != 0;
    if (term != (i == b->nins - 1)) fail(c, "%s at position %d of %d", term ? "terminator" : "no terminator", i, b->nins);
    if (b->ins[i]->block != b) fail(c, "instruction %%%d belongs to another block", b->ins[i]->id);
  }
  IrInstr *t = b->ins[b->nins - 1];
  if (b->nsucc != nsucc_of(t->op)) fail(c, "%s with %d successors", ir_opname(t->op), b->nsucc);
  for (int i = 0; i < b->nsucc; i++) {
    IrBlock *s = b->succ[i];
    if (s->func != c->fn) fail(c, "successor in another function");
    if (count(s->pred, s->npred, b) != count(b->succ, b->nsucc, s))
      fail(c, "successor b%d does not list this block as predecessor", s->id);
  }
  for (int i = 0; i < b->npred; i++)
    if (count(b->pred[i]->succ, b->pred[i]->nsucc, b) == 0) fail(c, "predecessor b%d has no edge here", b->pred[i]->id);
  for (int i = 0; i < b->nphi; i++) {
    IrInstr *phi = b->phi[i];
    if (phi->op != IR_PHI || phi->block != b) fail(c, "bad phi %%%d", phi->id);
    if (phi->narg != b->npred) fail(c, "phi %%%d has %d operands for %d predecessors", phi->id, phi->narg, b->npred);
  }
  if (b == c->fn->blocks[0] && b->npred) fail(c, "entry block has predecessors");
}

/* ---- Dominators (Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm") ---- */

static IrBlock *intersect(Checker *c, IrBlock *a, IrBlock *b) {
  while (a != b) {
    while (c->rpoindex[a->id] > c->rpoindex[b->id]) a = c->idom[a->id];
    while (c->rpoindex[b->id] > c->rpoindex[a->id]) b = c->idom[b->id];
  }
  return a;
}

static void dominators(Checker *c) {
  c->nrpo = ir_postorder(c->fn, c->rpo, 0);
  for (int i = 0; i < c->nrpo / 2; i++) {   /* postorder -> reverse postorder */
    IrBlock *t = c->rpo[i];
    c->rpo[i] = c->rpo[c->nrpo - 1 - i];
    c->rpo[c->nrpo - 1 - i] = t;
  }
  for (int i = 0; i < c->nrpo; i++) c->rpoindex[c->rpo[i]->id] = i;
  IrBlock *entry = c->rpo[0];
  c->idom[entry->id] = entry;
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = 1; i < c->nrpo; i++) {
      IrBlock *b = c->rpo[i], *d = NULL;
      for (int p = 0; p < b->npred; p++) {
        IrBlock *pb = b->pred[p];
        if (!c->idom[pb->id]) continue;
        d = d ? intersect(c, pb, d) : pb;
      }
      if (d && c->idom[b->id] != d) {
        c->idom[b->id] = d;
        changed = 1;
      }
    }
  }
}

/* Numbers the dominator tree in depth-first order (pre, post), so that dominance is an interval test. */
static void number_domtree(Checker *c) {
  int n = c->fn->nblocks, *nchild = xcalloc((size_t)n + 1, sizeof(int)), *first = xcalloc((size_t)n + 1, sizeof(int));
  IrBlock **kids = xcalloc((size_t)n, sizeof(IrBlock *)), **stack = xcalloc((size_t)n, sizeof(IrBlock *));
  int *next = xcalloc((size_t)n, sizeof(int));
  for (int i = 1; i < c->nrpo; i++) nchild[c->idom[c->rpo[i]->id]->id]++;
  for (int i = 0; i < n; i++) first[i + 1] = first[i] + nchild[i];
  for (int i = 1; i < c->nrpo; i++) {
    IrBlock *b = c->rpo[i], *d = c->idom[b->id];
    kids[first[d->id] + next[d->id]++] = b;
  }
  int sp = 0, clock = 0;
  memset(next, 0, sizeof(int) * (size_t)n);
  stack[sp++] = c->rpo[0];
  c->pre[c->rpo[0]->id] = clock++;
  while (sp) {
    IrBlock *b = stack[sp - 1];
    if (next[b->id] < nchild[b->id]) {
      IrBlock *k = kids[first[b->id] + next[b->id]++];
      c->pre[k->id] = clock++;
      stack[sp++] = k;
    } else {
      c->post[b->id] = clock++;
      sp--;
    }
  }
  free(nchild);
  free(first);
  free(kids);
  free(stack);
  free(next);
}

static int dominates(Checker *c, IrBlock *a, IrBlock *b) {
  return c->pre[a->id] <= c->pre[b->id] && c->post[b->id] <= c->post[a->id];
}

/* ---- Operands ---- */

/* Number of operands of op, or -1 if it varies. */
static int arity(IrOp op) {
  if (ir_opinfo[op].flags & IRF_CONST) return 0;
  switch (op) {
  case IR_NOP: case IR_PARAM: case IR_VARARG: case IR_UPVAL: case IR_NEWTABLE: case IR_JMP: return 0;
  case IR_EXTRACT: case IR_NEWCELL: case IR_CELLGET: case IR_UNM: case IR_BNOT: case IR_NOT: case IR_LEN:
  case IR_FORVALUE: case IR_BR: case IR_FORSTEP: case IR_TBC: return 1;
  case IR_PHI: case IR_CLOSURE: case IR_CALL: case IR_RET: case IR_CLOSE: return -1;
  case IR_RAWSET: case IR_SETINDEX: case IR_FORPREP: return 3;
  default: return 2;
  }
}

/* The kind operand i of ins must have. */
static IrType operand_type(IrInstr *ins, int i) {
  int last = i == ins->narg - 1;
  switch (ins->op) {
  case IR_EXTRACT: return IRT_PACK;
  case IR_CELLGET: return IRT_CELL;
  case IR_CELLSET: return i == 0 ? IRT_CELL : IRT_VAL;
  case IR_CLOSURE: return IRT_CELL;
  case IR_FORVALUE: case IR_FORSTEP: return IRT_FOR;
  case IR_SETLIST: return i == 0 ? IRT_VAL : IRT_PACK;
  case IR_CLOSE: return IRT_PACK;
  case IR_CALL: case IR_RET:
    if (last && ins->arg[i]->type == IRT_PACK && (ins->op == IR_RET || i > 0)) return IRT_PACK;
    return IRT_VAL;
  default: return IRT_VAL;
  }
}

/* A CALL's results live in the callee's stack area until the next call: its pack must be used before it. */
static void check_pack_use(Checker *c, IrInstr *ins, IrInstr *pack, int pos) {
  if (pack->op == IR_VARARG) return;
  if (pack->op != IR_CALL) fail(c, "pack %%%d is not a call or '...'", pack->id);
  if (pack->block != ins->block) fail(c, "pack %%%d used in another block", pack->id);
  IrBlock *b = ins->block;
  for (int i = c->pos[pack->id] + 1; i < pos; i++)
    if (b->ins[i]->op == IR_CALL) fail(c, "pack %%%d used after another call", pack->id);
}

static void check_operand(Checker *c, IrInstr *ins, int i, int pos) {
  IrInstr *a = ins->arg[i];
  if (!a) fail(c, "%%%d: operand %d is missing", ins->id, i);
  if (a->fwd) fail(c, "%%%d: operand %%%d was replaced", ins->id, a->id);
  if (a->type == IRT_NONE || a->id < 0 || a->id >= c->fn->nvalues || c->pos[a->id] == -2)
    fail(c, "%s (%%%d): operand %d is not a value defined in this function", ir_opname(ins->op), ins->id, i);
  if (a->type != operand_type(ins, i))
    fail(c, "%s (%%%d): operand %d (%%%d) has the wrong kind", ir_opname(ins->op), ins->id, i, a->id);
  if (a->type == IRT_PACK) check_pack_use(c, ins, a, pos);
  IrBlock *use = ins->block;
  if (ins->op == IR_PHI) {
    use = ins->block->pred[i];
    pos = use->nins;
  }
  if (a->block == use) {
    if (c->pos[a->id] >= pos && !(ins->op == IR_PHI && a->op == IR_PHI))
      fail(c, "%%%d used by %%%d before its definition", a->id, ins->id);
  } else if (c->idom[use->id] && !dominates(c, a->block, use)) {
    fail(c, "%%%d (b%d) does not dominate its use by %s %%%d", a->id, a->block->id, ir_opname(ins->op), ins->id);
  }
}

static void check_instr(Checker *c, IrInstr *ins, int pos) {
  int n = arity(ins->op);
  if (ins->op >= IR_NOPS) fail(c, "bad operation %d", ins->op);
  if (n >= 0 && ins->narg != n) fail(c, "%s with %d operands", ir_opname(ins->op), ins->narg);
  if (ins->type != ir_opinfo[ins->op].res) fail(c, "%s with a result of the wrong kind", ir_opname(ins->op));
  if ((ins->op == IR_PARAM && ins->k >= c->fn->nparams) || (ins->op == IR_UPVAL && ins->k >= c->fn->nup))
    fail(c, "%s #%d out of range", ir_opname(ins->op), ins->k);
  if (ins->op == IR_CLOSURE && (!ins->fn || ins->narg != ins->fn->nup))
    fail(c, "closure with %d cells", ins->narg);
  if ((ins->op == IR_CALL && ins->narg < 1) || (ins->op == IR_VARARG && !c->fn->isvararg) ||
      (ins->op == IR_CLOSE && ins->narg > 1))
    fail(c, "bad %s", ir_opname(ins->op));
  for (int i = 0; i < ins->narg; i++) check_operand(c, ins, i, pos);
}

static void number_values(Checker *c) {
  for (int i = 0; i < c->fn->nvalues; i++) c->pos[i] = -2;
  for (int i = 0; i < c->fn->nblocks; i++) {
    IrBlock *b = c->fn->blocks[i];
    if (b->id != i) {
      c->block = b;
      fail(c, "block numbered %d at position %d", b->id, i);
    }
    for (int k = 0; k < b->nphi; k++) c->pos[b->phi[k]->id] = -1;
    for (int k = 0; k < b->nins; k++)
      if (b->ins[k]->id >= 0) c->pos[b->ins[k]->id] = k;
  }
}

static void verify_func(IrFunc *fn) {
  Checker c = {0};
  c.fn = fn;
  if (fn->nblocks == 0) fail(&c, "no blocks");
  size_t nb = (size_t)fn->nblocks;
  c.rpo = xcalloc(nb, sizeof(IrBlock *));
  c.rpoindex = xcalloc(nb, sizeof(int));
  c.idom = xcalloc(nb, sizeof(IrBlock *));
  c.pos = xcalloc((size_t)fn->nvalues, sizeof(int));
  c.pre = xcalloc(nb, sizeof(int));
  c.post = xcalloc(nb, sizeof(int));
  number_values(&c);
  for (int i = 0; i < fn->nblocks; i++) check_shape(&c, fn->blocks[i]);
  c.block = NULL;
  dominators(&c);
  number_domtree(&c);
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    c.block = b;
    for (int k = 0; k < b->nphi; k++) check_instr(&c, b->phi[k], -1);
    for (int k = 0; k < b->nins; k++) check_instr(&c, b->ins[k], k);
  }
  free(c.rpo);
  free(c.rpoindex);
  free(c.idom);
  free(c.pos);
  free(c.pre);
  free(c.post);
}

/* ir_verify: checks every function of m (see the list at the top of the file); aborts on the first violation. */
void ir_verify(CompileCtx *cx, IrModule *m) {
  (void)cx;
  for (int i = 0; i < m->nfuncs; i++) verify_func(m->funcs[i]);
}
