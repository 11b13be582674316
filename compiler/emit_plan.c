/* emit_plan.c: what the C emitter decides about each function before writing it (compiler layer): block
** layout, use counts and removal of unused values, placement of calls in the scratch area, comparisons fused
** into branches, labels, integer loops, C names; and which functions are reachable. See emit.c. */
#include "emit_impl.h"

#include <string.h>

int emit_isinline(IrInstr *v) { return ir_isconst(v) || v->op == IR_UPVAL; }

static int is_cident(const char *s) {
  if (!s || !*s || strlen(s) > 40 || (*s >= '0' && *s <= '9')) return 0;
  for (const char *c = s; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_')) return 0;
  return 1;
}

/* A C name for value v: its Lua variable's name when it has one ("n_4"), else "v4"; "c4" for a cell,
** "r4" for a call's result count, "for4" for a numeric loop's state. Prefixes of generated names are avoided. */
static const char *value_name(Emitter *E, IrInstr *v) {
  const char *nm = v->name;
  if (nm && (strncmp(nm, "L_", 2) == 0 || strncmp(nm, "I_", 2) == 0 || strncmp(nm, "vm", 2) == 0 ||
             strncmp(nm, "VM", 2) == 0)) nm = emit_sfmt(E, "v_%s", nm);
  int named = is_cident(nm);
  switch (v->type) {
  case IRT_CELL: return named ? emit_sfmt(E, "%s_c%d", nm, v->id) : emit_sfmt(E, "c%d", v->id);
  case IRT_PACK: return emit_sfmt(E, "r%d", v->id);
  case IRT_FOR: return emit_sfmt(E, "for%d", v->id);
  default: return named ? emit_sfmt(E, "%s_%d", nm, v->id) : emit_sfmt(E, "v%d", v->id);
  }
}

/* ---- Planning a function ---- */

/* Reverse postorder, visiting the first successor last so that it comes right after its block. */
static void plan_layout(Emitter *E, IrFunc *fn, FuncPlan *p) {
  p->layout = arena_alloc(E->arena, sizeof(IrBlock *) * (size_t)fn->nblocks);
  int n = ir_postorder(fn, p->layout, 1);
  for (int i = 0; i < n / 2; i++) {
    IrBlock *t = p->layout[i];
    p->layout[i] = p->layout[n - 1 - i];
    p->layout[n - 1 - i] = t;
  }
  IR_CHECK(n == fn->nblocks, "unreachable block reached the emitter");
}

static void count_instr_uses(FuncPlan *p, IrInstr *ins, int delta) {
  for (int i = 0; i < ins->narg; i++)
    if (ins->arg[i] != ins && ins->arg[i]->id >= 0) p->uses[ins->arg[i]->id] += delta;
}

/* Use counts, then removal of the instructions without effect whose results nobody uses. */
static void plan_uses(IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = 0; k < b->nphi; k++) count_instr_uses(p, b->phi[k], 1);
    for (int k = 0; k < b->nins; k++) count_instr_uses(p, b->ins[k], 1);
  }
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = 0; i < fn->nblocks; i++) {
      IrBlock *b = fn->blocks[i];
      for (int k = 0; k < b->nphi + b->nins; k++) {
        IrInstr *ins = k < b->nphi ? b->phi[k] : b->ins[k - b->nphi];
        if (ins->id < 0 || p->dead[ins->id] || p->uses[ins->id] > 0) continue;
        if (!(ir_opinfo[ins->op].flags & IRF_PURE)) continue;
        p->dead[ins->id] = 1;
        count_instr_uses(p, ins, -1);
        changed = 1;
      }
    }
  }
}

IrInstr *emit_packof(IrInstr *ins) {
  if (ins->narg == 0) return NULL;
  IrInstr *last = ins->arg[ins->narg - 1];
  if (last->type != IRT_PACK || (ins->op == IR_CALL && ins->narg == 1)) return NULL;
  return last;
}

/* Places calls in the scratch area: a call whose results are the tail of another call's arguments (or of a
** return's values) goes right after that call's fixed arguments. */
static void plan_calls(IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = b->nins - 1; k >= 0; k--) {
      IrInstr *ins = b->ins[k], *pack = emit_packof(ins);
      int nfix = ins->narg - (pack != NULL), base = 0;
      if (ins->op == IR_CALL) {
        base = p->off[ins->id];
        nfix--;
        if (p->maxslots < base + nfix + 1) p->maxslots = base + nfix + 1;
        if (pack && pack->op == IR_VARARG) p->varargcalls = 1;
      } else if (ins->op == IR_RET) {
        if (p->maxslots < nfix) p->maxslots = nfix;
      } else if (ins->op != IR_SETLIST) {
        continue;
      }
      if (pack && pack->op == IR_CALL) p->off[pack->id] = ins->op == IR_SETLIST ? 0 : base + nfix;
    }
  }
}

/* `return f(args)`: a RET whose only operand is the results of the CALL right before it (the IR of a self tail
** call is already a loop), unless the RET is marked as never a tail call (inside a to-be-closed scope). */
static void plan_tailcalls(IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    IrInstr *ret = b->ins[b->nins - 1], *call = b->nins >= 2 ? b->ins[b->nins - 2] : NULL;
    if (ret->op != IR_RET || ret->i || ret->narg != 1 || ret->arg[0] != call || call->op != IR_CALL) continue;
    if (p->uses[call->id] != 1 || p->off[call->id] != 0) continue;
    p->tail[call->id] = call->fn ? TAIL_KNOWN : TAIL_CHECKED;
    p->tailcalls = 1;
  }
}

/* The functions fn calls directly, except in tail position: tracebacks see their frames right above fn's. */
static void plan_direct(Emitter *E, IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = 0; k < b->nins; k++) {
      IrInstr *ins = b->ins[k];
      int dup = 0;
      if (ins->op != IR_CALL || !ins->fn || p->tail[ins->id] == TAIL_KNOWN) continue;
      for (int j = 0; j < p->direct.n && !dup; j++) dup = p->direct.v[j] == ins->fn;
      if (!dup) vec_push(E->arena, &p->direct, ins->fn);
    }
  }
}

/* Can a chain of tail calls made by f (and by the functions it tail-calls) reach a function of caller->direct,
** or one unknown at compile time? */
static int tail_reaches(Emitter *E, IrFunc *f, FuncPlan *caller) {
  FuncPlan *p = f->aux;
  if (p->visit == E->gen) return 0;
  p->visit = E->gen;
  for (int i = 0; i < f->nblocks; i++) {
    IrBlock *b = f->blocks[i];
    IrInstr *call = b->nins >= 2 ? b->ins[b->nins - 2] : NULL;
    if (!call || call->op != IR_CALL || !p->tail[call->id]) continue;
    if (p->tail[call->id] == TAIL_CHECKED) return 1;
    for (int j = 0; j < caller->direct.n; j++)
      if (caller->direct.v[j] == call->fn) return 1;
    if (tail_reaches(E, call->fn, caller)) return 1;
  }
  return 0;
}

/* May the direct call `call` of the function being written finish its callee's tail calls without a record
** (vm_tailcalls_quiet)? Only if none of them can be taken for a direct callee of its caller in a traceback. */
int emit_quiettail(Emitter *E, IrInstr *call) {
  E->gen++;
  return !tail_reaches(E, call->fn, E->p);
}

static int fusable_op(IrOp op) { return op == IR_EQ || op == IR_LT || op == IR_LE || op == IR_NOT; }

/* A comparison (or `not`) computed just before the branch that alone uses it is written inside the `if`. */
static void plan_fusion(IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    IrInstr *t = b->ins[b->nins - 1];
    if (t->op != IR_BR) continue;
    IrInstr *c = t->arg[0];
    for (int pos = b->nins - 1; pos > 0; pos--) {
      if (b->ins[pos - 1] != c || !fusable_op(c->op) || p->uses[c->id] != 1) break;
      p->fused[c->id] = 1;
      if (c->op != IR_NOT) break;
      c = c->arg[0];
    }
  }
}

/* A loop whose initial value and step are integer constants counts in C locals NAME_i and NAME_n (the value
** and the iterations left after it); others keep their state in the VmFor. */
int emit_intloop(IrInstr *prep) { return prep->arg[0]->op == IR_KINT && prep->arg[2]->op == IR_KINT; }

/* An integer loop whose limit is an integer constant too: 1 if it runs (*count: iterations after the first, as
** lua5.4's forprep computes it), 0 if it does not, -1 if it is not such a loop (a zero step raises at run time). */
int emit_constloop(IrInstr *prep, unsigned long long *count) {
  if (prep->op != IR_FORPREP || !emit_intloop(prep) || prep->arg[1]->op != IR_KINT || prep->arg[2]->i == 0) return -1;
  long long init = prep->arg[0]->i, limit = prep->arg[1]->i, step = prep->arg[2]->i;
  if (step > 0 ? init > limit : init < limit) return 0;
  unsigned long long span = step > 0 ? (unsigned long long)limit - (unsigned long long)init
                                     : (unsigned long long)init - (unsigned long long)limit;
  unsigned long long ustep = step > 0 ? (unsigned long long)step : (unsigned long long)(-(step + 1)) + 1;
  *count = span / ustep;
  return 1;
}

/* Is the edge to successor s of b written at all? (Not for the path a constant loop never takes.) */
static int edge_live(IrBlock *b, int s) {
  unsigned long long count;
  int runs = emit_constloop(b->ins[b->nins - 1], &count);
  return runs < 0 || (s == 0) == (runs == 1);
}

/* The block b falls into without a goto: its successor laid out right after it (for a two-way branch, the
** second successor, or the first one if only that one is next). */
static IrBlock *fall_target(IrBlock *b, IrBlock *next) {
  if (!next || b->nsucc == 0) return NULL;
  if (b->nsucc == 2 && b->succ[0] == b->succ[1]) return NULL;
  for (int i = 0; i < b->nsucc; i++)
    if (b->succ[i] == next) return next;
  return NULL;
}

static void plan_labels(IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = p->layout[i], *next = i + 1 < fn->nblocks ? p->layout[i + 1] : NULL;
    for (int s = 0; s < b->nsucc; s++)
      if (edge_live(b, s) && fall_target(b, next) != b->succ[s]) p->label[b->succ[s]->id] = 1;
  }
}

/* Which numeric loops read their control value and which step (for the C locals of integer loops). */
static void plan_loops(IrFunc *fn, FuncPlan *p) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = 0; k < b->nins; k++) {
      IrInstr *ins = b->ins[k];
      if (ins->op == IR_FORVALUE && !p->dead[ins->id]) p->forflags[ins->arg[0]->id] |= FOR_VALUED;
      if (ins->op == IR_FORSTEP) p->forflags[ins->arg[0]->id] |= FOR_STEPPED;
    }
  }
}

static void plan_func(Emitter *E, IrFunc *fn) {
  FuncPlan *p = arena_alloc(E->arena, sizeof *p);
  size_t nv = (size_t)fn->nvalues + 1;
  fn->aux = p;
  p->uses = arena_alloc(E->arena, sizeof(int) * nv);
  p->off = arena_alloc(E->arena, sizeof(int) * nv);
  p->dead = arena_alloc(E->arena, nv);
  p->fused = arena_alloc(E->arena, nv);
  p->vname = arena_alloc(E->arena, sizeof(char *) * nv);
  p->label = arena_alloc(E->arena, (size_t)fn->nblocks + 1);
  p->forflags = arena_alloc(E->arena, nv);
  p->tail = arena_alloc(E->arena, nv);
  plan_layout(E, fn, p);
  plan_uses(fn, p);
  plan_loops(fn, p);
  plan_calls(fn, p);
  plan_tailcalls(fn, p);
  plan_direct(E, fn, p);
  plan_fusion(fn, p);
  plan_labels(fn, p);
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = 0; k < b->nphi + b->nins; k++) {
      IrInstr *ins = k < b->nphi ? b->phi[k] : b->ins[k - b->nphi];
      if (ins->id >= 0) p->vname[ins->id] = value_name(E, ins);
    }
  }
}

/* Marks fn and the functions whose closures its live code makes. */
static void mark_live(IrFunc *fn) {
  FuncPlan *p = fn->aux;
  if (p->live) return;
  p->live = 1;
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = 0; k < b->nins; k++) {
      IrInstr *ins = b->ins[k];
      if (ins->op == IR_CLOSURE && !p->dead[ins->id]) mark_live(ins->fn);
    }
  }
}

/* A unique C name "L_<lua name>_<line>[_m<module>]" for fn. */
static const char *func_cname(Emitter *E, IrFunc *fn, int module) {
  Buf b = {0};
  buf_puts(&b, "L_");
  const char *nm = fn->name && strcmp(fn->name, "anonymous") != 0 ? fn->name : "anon";
  if (fn->ismain) nm = "main";
  for (const char *c = nm; *c && b.len < 40; c++) {
    int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9');
    buf_putn(&b, ok ? c : "_", 1);
  }
  if (!fn->ismain) buf_printf(&b, "_%d", fn->line);
  if (module) buf_printf(&b, "_m%d", module);
  size_t base = b.len;
  for (int n = 2;; n++) {
    int clash = 0;
    for (int i = 0; i < E->cnames.n && !clash; i++) clash = strcmp(E->cnames.v[i], b.s) == 0;
    if (!clash) break;
    b.len = base;
    buf_printf(&b, "_%d", n);
  }
  const char *s = arena_strdup(E->arena, b.s, b.len);
  buf_free(&b);
  vec_push(E->arena, &E->cnames, (void *)s);
  return s;
}


/* Plans every function of every module, marks those reachable from each main chunk and names them. */
void emit_plan_unit(Emitter *E, EmitUnit *u, IrModule **mods, int nmod) {
  for (int mi = 0; mi < nmod; mi++) {
    IrModule *m = mods[mi];
    const char *file = !u->source_path ? NULL : mi == 0 ? u->source_path : m->chunkname;
    for (int i = 0; i < m->nfuncs; i++) {
      plan_func(E, m->funcs[i]);
      ((FuncPlan *)m->funcs[i]->aux)->file = file;
    }
    mark_live(m->main);
    for (int i = 0; i < m->nfuncs; i++) {
      FuncPlan *p = m->funcs[i]->aux;
      if (p->live) p->cname = func_cname(E, m->funcs[i], mi);
    }
  }
}

