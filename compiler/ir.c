/* ir.c: construction helpers and the text form of the IR (compiler layer). */
#include "ir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const IrOpInfo ir_opinfo[IR_NOPS] = {
#define IR_INFO(name, res, flags, cfn, code) {#name, IRT_##res, flags, cfn, code},
  IR_OPS(IR_INFO)
#undef IR_INFO
};

/* Grows the array `*v` of `*cap` pointers (arena memory) so that it holds at least n + 1 of them. */
static void grow(Arena *a, void ***v, int n, int *cap) {
  if (n < *cap) return;
  int ncap = *cap ? *cap * 2 : 4;
  void **nv = arena_alloc(a, sizeof(void *) * (size_t)ncap);
  if (n) memcpy(nv, *v, sizeof(void *) * (size_t)n);
  *v = nv;
  *cap = ncap;
}

IrModule *ir_newmodule(Arena *a, const char *chunkname) {
  IrModule *m = arena_alloc(a, sizeof *m);
  m->arena = a;
  m->chunkname = chunkname;
  return m;
}

IrFunc *ir_newfunc(IrModule *m, const char *name, int line) {
  IrFunc *f = arena_alloc(m->arena, sizeof *f);
  f->name = name;
  f->line = line;
  f->module = m;
  f->id = m->nfuncs;
  grow(m->arena, (void ***)&m->funcs, m->nfuncs, &m->funccap);
  m->funcs[m->nfuncs++] = f;
  return f;
}

IrBlock *ir_newblock(IrFunc *f) {
  Arena *a = f->module->arena;
  IrBlock *b = arena_alloc(a, sizeof *b);
  b->func = f;
  b->id = f->nblocks;
  grow(a, (void ***)&f->blocks, f->nblocks, &f->blockcap);
  f->blocks[f->nblocks++] = b;
  return b;
}

IrInstr *ir_newinstr(IrFunc *f, IrOp op, int line) {
  IrInstr *i = arena_alloc(f->module->arena, sizeof *i);
  i->op = op;
  i->type = ir_opinfo[op].res;
  i->line = line;
  i->id = i->type != IRT_NONE ? f->nvalues++ : -1;
  return i;
}

void ir_addarg(IrFunc *f, IrInstr *ins, IrInstr *arg) {
  grow(f->module->arena, (void ***)&ins->arg, ins->narg, &ins->argcap);
  ins->arg[ins->narg++] = arg;
}

void ir_append(IrBlock *b, IrInstr *ins) {
  IR_CHECK(!ir_terminator(b), "instruction appended after the terminator");
  grow(b->func->module->arena, (void ***)&b->ins, b->nins, &b->inscap);
  b->ins[b->nins++] = ins;
  ins->block = b;
}

void ir_prepend(IrBlock *b, IrInstr *ins) {
  grow(b->func->module->arena, (void ***)&b->ins, b->nins, &b->inscap);
  memmove(b->ins + 1, b->ins, sizeof(IrInstr *) * (size_t)b->nins);
  b->ins[0] = ins;
  b->nins++;
  ins->block = b;
}

void ir_addphi(IrBlock *b, IrInstr *phi) {
  grow(b->func->module->arena, (void ***)&b->phi, b->nphi, &b->phicap);
  b->phi[b->nphi++] = phi;
  phi->block = b;
}

void ir_addpred(IrBlock *b, IrBlock *pred) {
  grow(b->func->module->arena, (void ***)&b->pred, b->npred, &b->predcap);
  b->pred[b->npred++] = pred;
}

void ir_setsucc(IrBlock *b, IrBlock *s0, IrBlock *s1) {
  b->nsucc = 0;
  if (s0) {
    b->succ[b->nsucc++] = s0;
    ir_addpred(s0, b);
  }
  if (s1) {
    b->succ[b->nsucc++] = s1;
    ir_addpred(s1, b);
  }
}

IrInstr *ir_terminator(IrBlock *b) {
  if (b->nins == 0) return NULL;
  IrInstr *last = b->ins[b->nins - 1];
  return (ir_opinfo[last->op].flags & IRF_TERM) ? last : NULL;
}

void ir_internal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("vmc: internal error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

/* ir_postorder: stores in out the blocks reachable from f's entry, in the postorder of a depth-first search
** that visits each block's successors from the last to the first if lastfirst, else from the first; returns their
** number. Iterative (functions may have hundreds of thousands of blocks). Leaves IrBlock.mark set on them. */
int ir_postorder(IrFunc *f, IrBlock **out, int lastfirst) {
  IrBlock **stack = malloc(sizeof(IrBlock *) * (size_t)(f->nblocks + 1));
  int *next = malloc(sizeof(int) * (size_t)(f->nblocks + 1));
  if (!stack || !next) ir_internal("out of memory");
  for (int i = 0; i < f->nblocks; i++) f->blocks[i]->mark = 0;
  int sp = 0, n = 0;
  stack[sp] = f->blocks[0];
  next[sp++] = 0;
  f->blocks[0]->mark = 1;
  while (sp) {
    IrBlock *b = stack[sp - 1];
    if (next[sp - 1] < b->nsucc) {
      int k = next[sp - 1]++;
      IrBlock *s = b->succ[lastfirst ? b->nsucc - 1 - k : k];
      if (s->mark) continue;
      s->mark = 1;
      stack[sp] = s;
      next[sp++] = 0;
    } else {
      out[n++] = b;
      sp--;
    }
  }
  free(stack);
  free(next);
  return n;
}

int ir_isconst(IrInstr *ins) { return (ir_opinfo[ins->op].flags & IRF_CONST) != 0; }

const char *ir_opname(IrOp op) { return op < IR_NOPS ? ir_opinfo[op].name : "?"; }

/* ---- Text form ----
** func fib (line 1, 1 params) upvals: fib
** b0:                       ; preds:
**   %1 = param 0            ; n
**   jmp b1
*/

/* Writes the string constant s as a Lua-style quoted literal. */
static void dump_string(FILE *f, const char *s, size_t len) {
  fputc('"', f);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c == '\n') fputs("\\n", f);
    else if (c < 32 || c >= 127) fprintf(f, "\\%d", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

static void dump_operand(FILE *f, IrInstr *v) {
  switch (v->op) {
  case IR_KNIL: fputs("nil", f); break;
  case IR_KTRUE: fputs("true", f); break;
  case IR_KFALSE: fputs("false", f); break;
  case IR_KINT: fprintf(f, "%lld", v->i); break;
  case IR_KFLT: fprintf(f, "%.17g", v->f); break;
  case IR_KSTR: dump_string(f, v->s, v->len); break;
  default: fprintf(f, "%%%d", v->id); break;
  }
}

/* The payload of an instruction, after its operands. */
static void dump_payload(FILE *f, IrInstr *ins) {
  switch (ins->op) {
  case IR_PARAM: case IR_EXTRACT: case IR_UPVAL: fprintf(f, " #%d", ins->k); break;
  case IR_RAWSETI: case IR_SETLIST: fprintf(f, " [%lld]", ins->i); break;
  case IR_TBC: fprintf(f, " '%s'%s", ins->s, ins->k ? " if truthy" : ""); break;
  case IR_CLOSE: fprintf(f, " depth %d", ins->k); break;
  case IR_RET: if (ins->i) fputs(" (no tail call)", f); break;
  case IR_NEWTABLE: fprintf(f, " %lld, %d", ins->i, ins->k); break;
  case IR_CLOSURE: fprintf(f, " <%s:%d>", ins->fn->name ? ins->fn->name : "anonymous", ins->fn->line); break;
  case IR_CALL:
    if (ins->fn) fprintf(f, " direct <%s:%d>", ins->fn->name ? ins->fn->name : "anonymous", ins->fn->line);
    break;
  default: break;
  }
}

static void dump_instr(FILE *f, IrInstr *ins) {
  if (ir_isconst(ins)) return;   /* constants show at their uses */
  fputs("  ", f);
  if (ins->type != IRT_NONE) fprintf(f, "%%%d = ", ins->id);
  fputs(ir_opname(ins->op), f);
  for (int i = 0; i < ins->narg; i++) {
    fputs(i ? ", " : " ", f);
    dump_operand(f, ins->arg[i]);
  }
  dump_payload(f, ins);
  if (ins->op == IR_JMP) fprintf(f, " b%d", ins->block->succ[0]->id);
  else if (ir_opinfo[ins->op].flags & IRF_TERM && ins->op != IR_RET)
    fprintf(f, " -> b%d, b%d", ins->block->succ[0]->id, ins->block->succ[1]->id);
  if (ins->name || ins->da || ins->db || ins->line) {
    fprintf(f, "    ;");
    if (ins->line) fprintf(f, " @%d", ins->line);
    if (ins->name) fprintf(f, " %s", ins->name);
    if (ins->da) fprintf(f, " (%s)", ins->da);
    if (ins->db) fprintf(f, " (%s)", ins->db);
  }
  fputc('\n', f);
}

static void dump_block(FILE *f, IrBlock *b) {
  fprintf(f, "b%d:", b->id);
  if (b->npred) {
    fputs("    ; preds", f);
    for (int i = 0; i < b->npred; i++) fprintf(f, " b%d", b->pred[i]->id);
  }
  fputc('\n', f);
  for (int i = 0; i < b->nphi; i++) dump_instr(f, b->phi[i]);
  for (int i = 0; i < b->nins; i++) dump_instr(f, b->ins[i]);
}

void ir_dumpfunc(IrFunc *fn, FILE *f) {
  fprintf(f, "func %s (line %d, %d params%s)", fn->name ? fn->name : "anonymous", fn->line, fn->nparams,
          fn->isvararg ? ", vararg" : "");
  if (fn->nup) {
    fputs(" upvals:", f);
    for (int i = 0; i < fn->nup; i++) fprintf(f, " %s", fn->upnames[i]);
  }
  fputc('\n', f);
  for (int i = 0; i < fn->nblocks; i++) dump_block(f, fn->blocks[i]);
  fputc('\n', f);
}

/* ir_dump: prints every function of m, main chunk first, in the text form above. */
void ir_dump(IrModule *m, FILE *f) {
  fprintf(f, "; module %s\n", m->chunkname ? m->chunkname : "?");
  for (int i = 0; i < m->nfuncs; i++) ir_dumpfunc(m->funcs[i], f);
}
