/* emit.c: writes C from the IR (compiler layer). Reads the IR only, never the AST.
**
** One C function per Lua function, with the generic entry of runtime/vmc.h:
**     static int L_fib_1(VmState *L, VmClosure *self, Value *a, int n)
** Every IR value becomes a C local declared at the top (`Value`, `VmCell *`, `int` for the length of a call's
** results, `VmFor` for a numeric loop); constants and the closure's cells are written in place. Blocks become
** labels, phis become assignments on the incoming edges (inside the branch for conditional edges). Calls place
** their arguments in the scratch area S of the value stack; a call whose results are the last argument of
** another call (or of a return) is placed where those results are wanted, so they never move. `return f(args)`
** to a Lua function is a tail call: it returns VM_TAILCALL for the caller's trampoline (vmc.h).
** String constants (and integers too large for an immediate) are in the unit's static K[], filled by vmc_chunk.
** `F.line` is updated before anything that may raise an error; `#line` directives map C lines to Lua lines.
*/
#include "emit_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "value.h"

/* ---- Text ---- */

/* vsnprintf into the arena; *len gets the length. */
static char *vsfmt(Emitter *E, size_t *len, const char *f, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, f, ap2);
  va_end(ap2);
  char *s = arena_alloc(E->arena, (size_t)n + 1);
  vsnprintf(s, (size_t)n + 1, f, ap);
  *len = (size_t)n;
  return s;
}

const char *emit_sfmt(Emitter *E, const char *f, ...) {
  size_t n;
  va_list ap;
  va_start(ap, f);
  char *s = vsfmt(E, &n, f, ap);
  va_end(ap);
  return s;
}

/* The C name of the frame of the function being written: a vararg function's is in a VmArgFrame. */
const char *emit_frame(Emitter *E) { return E->fn != NULL && E->fn->isvararg ? "FA.f" : "F"; }

/* Appends s[0..len-1] as the body of a C string literal: 8-bit and NUL safe, no trigraphs. */
void emit_cquote(Buf *b, const char *s, size_t len) {
  char tmp[8];
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c == '?') {
      tmp[0] = '\\';
      tmp[1] = (char)c;
      buf_putn(b, tmp, 2);
    } else if (c == '\n') {
      buf_puts(b, "\\n");
    } else if (c >= 32 && c < 127) {
      buf_putn(b, (const char *)&c, 1);
    } else {
      snprintf(tmp, sizeof tmp, "\\%03o", c);
      buf_puts(b, tmp);
    }
  }
}

/* A C expression for the string s (NULL: 0), in the arena. */
static const char *cstr(Emitter *E, const char *s) {
  if (!s) return "0";
  Buf b = {0};
  buf_putn(&b, "\"", 1);
  emit_cquote(&b, s, strlen(s));
  buf_putn(&b, "\"", 1);
  char *r = arena_strdup(E->arena, b.s, b.len);
  buf_free(&b);
  return r;
}

/* s made safe inside a C comment: no comment end, no line break (the arena). */
static const char *ccomment(Emitter *E, const char *s) {
  char *r = arena_strdup(E->arena, s, strlen(s));
  for (char *c = r; *c; c++) {
    if (*c == '\n' || *c == '\r' || *c == '\\') *c = ' ';
    if (c[0] == '*' && c[1] == '/') c[1] = ' ';
  }
  return r;
}

/* Writes one line of C for Lua line `line` (0: none), preceded by a #line directive when the C compiler
** would otherwise attribute it to another Lua line. */
static void put(Emitter *E, int line, const char *f, ...) __attribute__((format(printf, 3, 4)));

static void put(Emitter *E, int line, const char *f, ...) {
  const char *file = E->p ? E->p->file : NULL;
  if (line == 0) line = E->pin ? E->pin : E->exact ? E->lastline : 0;
  else E->lastline = line;
  if (line > 0 && file && E->implied != line) {
    if (E->lastfile == file && E->implied >= 0) {
      buf_printf(E->out, "#line %d\n", line);
    } else {
      buf_printf(E->out, "#line %d \"", line);
      emit_cquote(E->out, file, strlen(file));
      buf_puts(E->out, "\"\n");
    }
    E->lastfile = file;
    E->implied = line;
  }
  for (int i = 0; i < E->indent; i++) buf_puts(E->out, "  ");
  if (E->pendline) buf_printf(E->out, "%s.line = %d; ", emit_frame(E), E->pendline);
  E->pendline = 0;
  size_t n;
  va_list ap;
  va_start(ap, f);
  char *s = vsfmt(E, &n, f, ap);
  va_end(ap);
  buf_putn(E->out, s, n);
  buf_puts(E->out, "\n");
  if (E->implied >= 0) E->implied++;
}

/* ---- Unit constants K[] ---- */

static unsigned hash_bytes(const char *s, size_t len) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void kgrow(Emitter *E) {
  KStr *old = E->ktab;
  int oldcap = E->kcap;
  E->kcap = oldcap ? oldcap * 2 : 64;
  E->ktab = arena_alloc(E->arena, sizeof(KStr) * (size_t)E->kcap);
  for (int i = 0; i < E->kcap; i++) E->ktab[i].k = -1;
  for (int i = 0; i < oldcap; i++) {
    if (old[i].k < 0) continue;
    unsigned h = hash_bytes(old[i].s, old[i].len) & (unsigned)(E->kcap - 1);
    while (E->ktab[h].k >= 0) h = (h + 1) & (unsigned)(E->kcap - 1);
    E->ktab[h] = old[i];
  }
}

/* The index in K[] of the string constant s, adding it (and its initialisation) the first time. */
static int kstring(Emitter *E, const char *s, size_t len) {
  if (2 * (E->kcount + 1) > E->kcap) kgrow(E);
  unsigned h = hash_bytes(s, len) & (unsigned)(E->kcap - 1);
  for (; E->ktab[h].k >= 0; h = (h + 1) & (unsigned)(E->kcap - 1)) {
    KStr *e = &E->ktab[h];
    if (e->len == len && memcmp(e->s, s, len) == 0) return e->k;
  }
  KStr *e = &E->ktab[h];
  e->s = s;
  e->len = len;
  e->k = E->nk++;
  E->kcount++;
  buf_printf(&E->kinit, "  K[%d] = vm_newstr(L, \"", e->k);
  emit_cquote(&E->kinit, s, len);
  buf_printf(&E->kinit, "\", %zu);\n", len);
  return e->k;
}

/* A C literal for the integer i (the most negative one has none). */
static const char *cint(Emitter *E, long long i) {
  if (i == (-9223372036854775807LL - 1)) return "(-9223372036854775807LL - 1)";
  return emit_sfmt(E, "%lldLL", i);
}

/* An integer constant outside the immediate range: boxed once, in K[]. */
static int kbigint(Emitter *E, long long i) {
  int k = E->nk++;
  buf_printf(&E->kinit, "  K[%d] = vm_mkint(%s);\n", k, cint(E, i));
  return k;
}

/* ---- Values ---- */

static const char *kfloat(Emitter *E, double d) {
  Value w = vm_mkfloat(d);
  char num[40];
  if (d != d) snprintf(num, sizeof num, "%snan", w == vm_mkfloat(-(0.0 / 0.0)) ? "-" : "");
  else snprintf(num, sizeof num, "%.17g", d);
  if (!strpbrk(num, ".eni")) strcat(num, ".0");
  return emit_sfmt(E, "(Value)0x%016llxULL /* %s */", (unsigned long long)w, num);
}

/* The C expression for the value v. */
static const char *val(Emitter *E, IrInstr *v) {
  switch (v->op) {
  case IR_KNIL: return "VM_NIL";
  case IR_KTRUE: return "VM_TRUE";
  case IR_KFALSE: return "VM_FALSE";
  case IR_KINT:
    if (vm_fitsimm(v->i)) return emit_sfmt(E, "VMC_INT(%lld)", v->i);
    if (v->aux == 0) v->aux = kbigint(E, v->i) + 1;
    return emit_sfmt(E, "K[%d]", v->aux - 1);
  case IR_KFLT: return kfloat(E, v->f);
  case IR_KSTR: return emit_sfmt(E, "K[%d]", kstring(E, v->s, v->len));
  case IR_UPVAL:
    return emit_sfmt(E, "self->up[%d]", v->k);
  default: return E->p->vname[v->id];
  }
}

/* ---- Writing a function: edges and branches ---- */

static const char *vname(Emitter *E, IrInstr *v) { return E->p->vname[v->id]; }

/* The frame's line must be `line` before the next statement (written on the same line as it). */
static void set_line(Emitter *E, int line) {
  if (line <= 0 || line == E->curline) return;
  E->pendline = line;
  E->curline = line;
}

static int pred_index(IrBlock *to, IrBlock *from) {
  for (int i = 0; i < to->npred; i++)
    if (to->pred[i] == from) return i;
  ir_internal("emit: b%d is not a predecessor of b%d", from->id, to->id);
}

static int copied(Emitter *E, IrInstr *phi, int j) {
  return !E->p->dead[phi->id] && phi->arg[j] != phi;
}

static int has_copies(Emitter *E, IrBlock *from, IrBlock *to) {
  int j = to->nphi ? pred_index(to, from) : 0;
  for (int k = 0; k < to->nphi; k++)
    if (copied(E, to->phi[k], j)) return 1;
  return 0;
}

/* The phi assignments of the edge from -> to. When a phi reads another phi of `to`, all values go through
** temporaries first (the copies are parallel). */
static void copies(Emitter *E, IrBlock *from, IrBlock *to) {
  if (!has_copies(E, from, to)) return;
  int j = pred_index(to, from), conflict = 0;
  for (int k = 0; k < to->nphi; k++) {
    IrInstr *a = to->phi[k]->arg[j];
    if (copied(E, to->phi[k], j) && a->op == IR_PHI && a->block == to) conflict = 1;
  }
  if (!conflict) {
    for (int k = 0; k < to->nphi; k++)
      if (copied(E, to->phi[k], j)) put(E, 0, "%s = %s;", vname(E, to->phi[k]), val(E, to->phi[k]->arg[j]));
    return;
  }
  put(E, 0, "{");
  E->indent++;
  for (int k = 0; k < to->nphi; k++)
    if (copied(E, to->phi[k], j)) put(E, 0, "Value t%d = %s;", k, val(E, to->phi[k]->arg[j]));
  for (int k = 0; k < to->nphi; k++)
    if (copied(E, to->phi[k], j)) put(E, 0, "%s = t%d;", vname(E, to->phi[k]), k);
  E->indent--;
  put(E, 0, "}");
}

/* The statement `pre` (if any), the copies for the edge, then a goto unless `to` comes next and falling
** through is allowed. */
static void edge(Emitter *E, IrBlock *from, IrBlock *to, int fall, const char *pre) {
  while (pre && *pre) {
    const char *nl = strchr(pre, '\n');
    int len = nl ? (int)(nl - pre) : (int)strlen(pre);
    put(E, 0, "%.*s", len, pre);
    pre += len + (nl != NULL);
  }
  copies(E, from, to);
  if (!fall || to != E->next) put(E, 0, "goto b%d;", to->id);
}

typedef struct Cond {
  const char *yes, *no;    /* C conditions: true when the branch goes to its first / second successor */
  int line;                /* line to set in F.line before evaluating it; 0: cannot raise */
  const char *pre;         /* statement for the edge to the first successor, or NULL */
} Cond;

static int is_simple_const(IrInstr *v) { return v->op == IR_KNIL || v->op == IR_KTRUE || v->op == IR_KFALSE; }

/* EQ, LT, LE as a C condition. Equality with nil or a boolean is an identity test (no __eq applies). */
static Cond compare(Emitter *E, IrInstr *c) {
  Cond r;
  const char *a = val(E, c->arg[0]), *b = val(E, c->arg[1]);
  if (c->op == IR_EQ && (is_simple_const(c->arg[0]) || is_simple_const(c->arg[1]))) {
    r.yes = emit_sfmt(E, "%s == %s", a, b);
    r.no = emit_sfmt(E, "%s != %s", a, b);
    r.line = 0;
    r.pre = NULL;
    return r;
  }
  const char *f = c->op == IR_EQ ? "vm_eq" : c->op == IR_LT ? "vm_lt" : "vm_le";
  r.yes = emit_sfmt(E, "%s(L, %s, %s)", f, a, b);
  r.no = emit_sfmt(E, "!%s", r.yes);
  r.line = c->line;
  r.pre = NULL;
  return r;
}

static Cond cond_of(Emitter *E, IrInstr *v) {
  Cond r;
  if (E->p->fused[v->id] && v->op != IR_NOT) return compare(E, v);
  if (E->p->fused[v->id] && E->p->fused[v->arg[0]->id]) {
    r = cond_of(E, v->arg[0]);
    const char *t = r.yes;
    r.yes = r.no;
    r.no = t;
    return r;
  }
  int neg = E->p->fused[v->id];
  const char *x = val(E, neg ? v->arg[0] : v);
  r.yes = emit_sfmt(E, neg ? "vm_isfalsy(%s)" : "vm_istruthy(%s)", x);
  r.no = emit_sfmt(E, neg ? "vm_istruthy(%s)" : "vm_isfalsy(%s)", x);
  r.line = 0;
  r.pre = NULL;
  return r;
}

/* A conditional jump: to t when c holds, else to f; the block laid out next is reached by falling through. */
static void twoway(Emitter *E, IrBlock *b, Cond c, IrBlock *t, IrBlock *f, int line) {
  const char *tpre = c.pre, *fpre = NULL;
  set_line(E, c.line);
  if (t == E->next && f != E->next) {
    IrBlock *x = t;
    const char *y = c.yes;
    t = f;
    f = x;
    c.yes = c.no;
    c.no = y;
    fpre = tpre;
    tpre = NULL;
  }
  if (tpre || has_copies(E, b, t)) {
    put(E, line, "if (%s) {", c.yes);
    E->indent++;
    edge(E, b, t, 0, tpre);
    E->indent--;
    put(E, 0, "}");
  } else {
    put(E, line, "if (%s) goto b%d;", c.yes, t->id);
  }
  edge(E, b, f, 1, fpre);
}

/* ---- Writing a function: instructions ---- */

/* `name = expr;`, or just `expr;` when nothing uses the result. */
static void assign(Emitter *E, IrInstr *ins, const char *expr) {
  if (E->p->uses[ins->id] > 0) put(E, ins->line, "%s = %s;", vname(E, ins), expr);
  else put(E, ins->line, "%s;", expr);
}

/* Value k of a pack, or its values in a loop over i: the varargs are a[NP..], a call's results are in the
** scratch area where the call was placed. */
static const char *pack_at(Emitter *E, IrInstr *pack, int k) {
  if (pack->op == IR_VARARG) {
    E->p->usesnvar = 1;
    return emit_sfmt(E, "a[%d]", E->fn->nparams + k);
  }
  E->p->usesS = 1;
  return emit_sfmt(E, "S[%d]", E->p->off[pack->id] + k);
}

/* "arr[base + i]" */
static const char *at_i(Emitter *E, const char *arr, int base) {
  return base ? emit_sfmt(E, "%s[%d + i]", arr, base) : emit_sfmt(E, "%s[i]", arr);
}

static const char *pack_loop(Emitter *E, IrInstr *pack) {
  int base = pack->op == IR_VARARG ? E->fn->nparams : E->p->off[pack->id];
  const char *arr = pack->op == IR_VARARG ? "a" : "S";
  if (pack->op == IR_VARARG) E->p->usesnvar = 1;
  else E->p->usesS = 1;
  return at_i(E, arr, base);
}

static const char *pack_count(Emitter *E, IrInstr *pack) {
  if (pack->op == IR_VARARG) {
    E->p->usesnvar = 1;
    return "nvar";
  }
  return vname(E, pack);
}

static void emit_extract(Emitter *E, IrInstr *ins) {
  IrInstr *pack = ins->arg[0];
  assign(E, ins, emit_sfmt(E, "%s > %d ? %s : VM_NIL", pack_count(E, pack), ins->k, pack_at(E, pack, ins->k)));
}

/* The tail call `return f(args)` (args already in S[0..count-1]) when f is a Lua function: the arguments to
** a[0..count-1] (in a vararg function S lies above a: copied upwards from below, as memmove), f to a[count], the
** frame popped, VM_TAILCALL returned; the caller's trampoline makes the call. */
static void emit_tailcall(Emitter *E, IrInstr *ins, const char *fnv, const char *count) {
  int line = ins->line, known = E->p->tail[ins->id] == TAIL_KNOWN;
  if (!known) {
    put(E, line, "if (vm_isluafn(%s)) {", fnv);
    E->indent++;
  }
  if (E->fn->isvararg) put(E, line, "for (int i = 0; i < %s; i++) a[i] = S[i];", count);
  put(E, line, "a[%s] = %s;", count, fnv);
  put(E, line, "vm_leave(L, &%s);", emit_frame(E));
  put(E, line, "return VM_TAILCALL(%s);", count);
  if (!known) {
    E->indent--;
    put(E, line, "}");
  }
  E->p->returns = 1;
}

/* A call: fixed arguments to the scratch area, then the tail (already there if it is a call's results). */
static void emit_call(Emitter *E, IrInstr *ins) {
  IrInstr *pack = emit_packof(ins);
  int nfix = ins->narg - 1 - (pack != NULL), off = E->p->off[ins->id], line = ins->line;
  E->p->usesS = 1;
  for (int i = 0; i < nfix; i++) put(E, line, "S[%d] = %s;", off + i, val(E, ins->arg[1 + i]));
  const char *count = emit_sfmt(E, "%d", nfix);
  if (pack && pack->op == IR_VARARG) {
    E->p->usesnvar = 1;
    put(E, line, "for (int i = 0; i < nvar; i++) %s = %s;", at_i(E, "S", off + nfix), at_i(E, "a", E->fn->nparams));
    count = nfix ? emit_sfmt(E, "%d + nvar", nfix) : "nvar";
  } else if (pack) {
    count = nfix ? emit_sfmt(E, "%d + %s", nfix, vname(E, pack)) : vname(E, pack);
  }
  const char *base = off ? emit_sfmt(E, "S + %d", off) : "S";
  const char *fnv = val(E, ins->arg[0]);
  if (E->p->tail[ins->id]) {   /* `return f(args)`: else (not a Lua function) an ordinary call and return */
    emit_tailcall(E, ins, fnv, count);
    if (E->p->tail[ins->id] == TAIL_KNOWN) return;
  }
  if (ins->fn) {   /* a direct call: as vm_call does, L->top comes back down after it */
    FuncPlan *callee = ins->fn->aux;
    const char *call = emit_sfmt(E, "%s(L, vm_fn(%s), %s, %s)", callee->cname, fnv, base, count);
    if (callee->tailcalls) {   /* it may return VM_TAILCALL: the trampoline finishes the call */
      const char *r = vname(E, ins), *tramp = emit_quiettail(E, ins) ? "vm_tailcalls_quiet" : "vm_tailcalls";
      put(E, line, "%s = %s;", r, call);
      if (E->p->uses[ins->id] > 0) put(E, line, "if (%s < 0) %s = %s(L, %s, %s);", r, r, tramp, base, r);
      else put(E, line, "if (%s < 0) %s(L, %s, %s);", r, tramp, base, r);
    } else {
      assign(E, ins, call);
    }
    put(E, ins->line, "L->top = T;");
    E->p->directcalls = 1;
  } else {
    assign(E, ins, emit_sfmt(E, "vm_callv(L, %s, %s, %s, %s)", fnv, base, count, cstr(E, ins->da)));
  }
}

/* A return: the tail values moved to a[k..] first (they may overlap a[0..k-1]), then the fixed ones. */
static void emit_ret(Emitter *E, IrInstr *ins) {
  IrInstr *pack = emit_packof(ins);
  int k = ins->narg - (pack != NULL), np = E->fn->nparams, line = ins->line;
  const char *count = emit_sfmt(E, "%d", k);
  if (pack && pack->op == IR_CALL && E->p->tail[pack->id] == TAIL_KNOWN) return;   /* returned already */
  if (pack && pack->op == IR_CALL) {
    if (E->fn->isvararg) {
      E->p->usesS = 1;
      put(E, line, "for (int i = 0; i < %s; i++) %s = %s;", vname(E, pack), at_i(E, "a", k), at_i(E, "S", k));
    }
    count = k ? emit_sfmt(E, "%d + %s", k, vname(E, pack)) : vname(E, pack);
  } else if (pack) {
    E->p->usesnvar = 1;
    if (k < np) put(E, line, "for (int i = 0; i < nvar; i++) %s = %s;", at_i(E, "a", k), at_i(E, "a", np));
    else if (k > np) put(E, line, "for (int i = nvar - 1; i >= 0; i--) %s = %s;", at_i(E, "a", k), at_i(E, "a", np));
    count = k ? emit_sfmt(E, "%d + nvar", k) : "nvar";
  }
  for (int i = 0; i < k; i++) put(E, line, "a[%d] = %s;", i, val(E, ins->arg[i]));
  put(E, line, "vm_leave(L, &%s);", emit_frame(E));
  put(E, line, "return %s;", count);
  E->p->returns = 1;
}

/* `local x <close> = v`: v goes on the list of to-be-closed values (checked there: it must have __close). */
static void emit_tbc(Emitter *E, IrInstr *ins) {
  const char *v = val(E, ins->arg[0]);
  const char *push = emit_sfmt(E, "vm_tbcpush(L, %s, %s);", v, cstr(E, ins->s));
  if (ins->k) put(E, ins->line, "if (vm_istruthy(%s)) %s", v, push);
  else put(E, ins->line, "%s", push);
}

/* Closes this activation's to-be-closed values from depth k up; the results of a call a return is about to hand
** back lie above the frame's top: the __close calls must not overwrite them. */
static void emit_tbcclose(Emitter *E, IrInstr *ins) {
  IrInstr *pack = ins->narg ? ins->arg[0] : NULL;
  const char *keep = "0";
  if (pack && pack->op == IR_CALL) {
    E->p->usesS = 1;
    keep = emit_sfmt(E, "S + %d + %s", E->p->off[pack->id], vname(E, pack));
  }
  put(E, ins->line, "vm_tbcclose(L, tbc0 + %d, %s);", ins->k, keep);
  E->p->usestbc = 1;
}

static void emit_closure(Emitter *E, IrInstr *ins) {
  FuncPlan *callee = ins->fn->aux;
  int line = ins->line;
  E->p->closures = 1;
  put(E, line, "cl = vm_newclosure(L, %s, &I%s.fi, %d);", callee->cname, callee->cname + 1, ins->narg);
  for (int i = 0; i < ins->narg; i++) {
    IrInstr *c = ins->arg[i];
    put(E, line, "cl->up[%d] = %s;", i, val(E, c));
  }
  assign(E, ins, "vm_mkfunc(cl)");
}

static void emit_setlist(Emitter *E, IrInstr *ins) {
  IrInstr *pack = ins->arg[1];
  put(E, ins->line, "for (int i = 0; i < %s; i++) vm_rawseti(L, vm_tab(%s), %lld + i, %s);", pack_count(E, pack),
      val(E, ins->arg[0]), ins->i, pack_loop(E, pack));
}

/* Is v a constant short string (interned at run time: a field name with an inline cache)? Stores of "__index"
** take the general path, which tells the runtime's method cache (vmc.h, VmIC). */
static int is_field_key(IrInstr *v, int store) {
  return v->op == IR_KSTR && v->len <= VM_MAXSHORTLEN && !(store && v->len == 7 && memcmp(v->s, "__index", 7) == 0);
}

static void emit_index(Emitter *E, IrInstr *ins) {
  IrInstr **x = ins->arg;
  const char *d = cstr(E, ins->da);
  if (is_field_key(x[1], ins->op == IR_SETINDEX)) {   /* through the site's inline cache */
    int ic = E->nic++;
    if (ins->op == IR_GETINDEX)
      assign(E, ins, emit_sfmt(E, "%s(L, %s, %s, &IC[%d], %s)", ins->k ? "vm_getmethod" : "vm_getfield",
                               val(E, x[0]), val(E, x[1]), ic, d));
    else
      put(E, ins->line, "vm_setfield(L, %s, %s, %s, &IC[%d], %s);", val(E, x[0]), val(E, x[1]), val(E, x[2]), ic, d);
    return;
  }
  if (ins->op == IR_GETINDEX) {
    const char *f = x[1]->op == IR_KSTR ? "vm_getstr" : "vm_get";
    assign(E, ins, emit_sfmt(E, "%s(L, %s, %s, %s)", f, val(E, x[0]), val(E, x[1]), d));
  } else {
    const char *f = x[1]->op == IR_KSTR ? "vm_setindex" : "vm_set";
    put(E, ins->line, "%s(L, %s, %s, %s, %s);", f, val(E, x[0]), val(E, x[1]), val(E, x[2]), d);
  }
}

/* Arithmetic, bitwise, length and concatenation: the inline fast path of vmc.h or vm_arith. */
static void emit_arith(Emitter *E, IrInstr *ins) {
  const IrOpInfo *oi = &ir_opinfo[ins->op];
  const char *a = val(E, ins->arg[0]), *da = cstr(E, ins->da);
  if (ins->op == IR_UNM) {
    assign(E, ins, emit_sfmt(E, "vm_unm(L, %s, %s)", a, da));
    return;
  }
  if (ins->op == IR_LEN) {
    assign(E, ins, emit_sfmt(E, "vm_len(L, %s, %s)", a, da));
    return;
  }
  if (ins->op == IR_BNOT) {
    assign(E, ins, emit_sfmt(E, "vm_arith(L, VM_OPBNOT, %s, %s, %s, %s)", a, a, da, da));
    return;
  }
  const char *b = val(E, ins->arg[1]), *db = cstr(E, ins->db);
  if (oi->cfn) assign(E, ins, emit_sfmt(E, "%s(L, %s, %s, %s, %s)", oi->cfn, a, b, da, db));
  else if (oi->arith) assign(E, ins, emit_sfmt(E, "vm_arith(L, %s, %s, %s, %s, %s)", oi->arith, a, b, da, db));
  else if (ins->op == IR_CONCAT) assign(E, ins, emit_sfmt(E, "vm_concat(L, %s, %s, %s, %s)", a, b, da, db));
  else ir_internal("emit: no C for %s", ir_opname(ins->op));
}

/* The statements that start an integer loop at value i with n iterations after it (those it needs). */
static const char *loop_init(Emitter *E, IrInstr *prep, const char *i, const char *n) {
  int f = E->p->forflags[prep->id];
  const char *st = vname(E, prep);
  const char *si = f & FOR_VALUED ? emit_sfmt(E, "%s_i = %s;", st, i) : "";
  const char *sn = f & FOR_STEPPED ? emit_sfmt(E, "%s_n = %s;", st, n) : "";
  return emit_sfmt(E, "%s%s%s", si, *si && *sn ? "\n" : "", sn);
}

static Cond for_cond(Emitter *E, IrInstr *ins) {
  Cond c;
  c.pre = NULL;
  c.line = 0;
  if (ins->op == IR_FORPREP) {
    const char *st = vname(E, ins);
    c.yes = emit_sfmt(E, "vm_forprep(L, &%s, %s, %s, %s)", st, val(E, ins->arg[0]), val(E, ins->arg[1]),
                 val(E, ins->arg[2]));
    c.line = ins->line;
    if (emit_intloop(ins)) c.pre = loop_init(E, ins, emit_sfmt(E, "%s.i", st), emit_sfmt(E, "%s.count", st));
  } else if (emit_intloop(ins->arg[0])) {
    const char *st = vname(E, ins->arg[0]);
    if (E->p->forflags[ins->arg[0]->id] & FOR_VALUED)
      put(E, ins->line, "%s_i = (vm_int)((vm_uint)%s_i + (vm_uint)%s);", st, st, cint(E, ins->arg[0]->arg[2]->i));
    c.yes = emit_sfmt(E, "%s_n-- != 0", st);
    c.no = emit_sfmt(E, "%s_n-- == 0", st);
    return c;
  } else {
    c.yes = emit_sfmt(E, "vm_forstep(&%s)", vname(E, ins->arg[0]));
  }
  c.no = emit_sfmt(E, "!%s", c.yes);
  return c;
}

static void emit_term(Emitter *E, IrBlock *b, IrInstr *ins) {
  unsigned long long count;
  int runs;
  switch (ins->op) {
  case IR_JMP:
    edge(E, b, b->succ[0], 1, NULL);
    break;
  case IR_BR:
    twoway(E, b, cond_of(E, ins->arg[0]), b->succ[0], b->succ[1], ins->line);
    break;
  case IR_FORPREP:
  case IR_FORSTEP:
    runs = emit_constloop(ins, &count);
    if (runs > 0) {
      edge(E, b, b->succ[0], 1, loop_init(E, ins, cint(E, ins->arg[0]->i), emit_sfmt(E, "%lluu", count)));
    } else if (runs == 0) {
      edge(E, b, b->succ[1], 1, NULL);
    } else {
      twoway(E, b, for_cond(E, ins), b->succ[0], b->succ[1], ins->line);
    }
    break;
  case IR_RET:
    emit_ret(E, ins);
    break;
  default:
    ir_internal("emit: bad terminator %s", ir_opname(ins->op));
  }
}

static void emit_instr(Emitter *E, IrBlock *b, IrInstr *ins) {
  FuncPlan *p = E->p;
  IrInstr **x = ins->arg;
  int line = ins->line, flags = ir_opinfo[ins->op].flags;
  if (ins->id >= 0 && (p->dead[ins->id] || p->fused[ins->id])) return;
  if (flags & IRF_TERM) {
    emit_term(E, b, ins);
    return;
  }
  if (flags & IRF_RAISE) set_line(E, line);
  switch (ins->op) {
  case IR_NOP: case IR_KNIL: case IR_KTRUE: case IR_KFALSE: case IR_KINT: case IR_KFLT: case IR_KSTR:
  case IR_UPVAL: case IR_VARARG: case IR_PHI:
    break;
  case IR_PARAM: assign(E, ins, emit_sfmt(E, "n > %d ? a[%d] : VM_NIL", ins->k, ins->k)); break;
  case IR_EXTRACT: emit_extract(E, ins); break;
  case IR_NEWCELL: assign(E, ins, emit_sfmt(E, "vm_newcell(L, %s)", val(E, x[0]))); break;
  case IR_CELLGET: assign(E, ins, emit_sfmt(E, "%s->v", val(E, x[0]))); break;
  case IR_CELLSET: put(E, line, "%s->v = %s;", val(E, x[0]), val(E, x[1])); break;
  case IR_CLOSURE: emit_closure(E, ins); break;
  case IR_NEWTABLE:
    if (ins->k > 0)   /* named fields: from the site's template (vmc.h, VmTpl) */
      assign(E, ins, emit_sfmt(E, "vm_newtable_tpl(L, %lld, %d, &TPL[%d])", ins->i, ins->k, E->ntpl++));
    else
      assign(E, ins, emit_sfmt(E, "vm_newtable(L, %lld, %d)", ins->i, ins->k));
    break;
  case IR_RAWSETI: put(E, line, "vm_rawseti(L, vm_tab(%s), %lld, %s);", val(E, x[0]), ins->i, val(E, x[1])); break;
  case IR_RAWSET:
    if (is_field_key(x[1], 0) && x[0]->op == IR_NEWTABLE)
      put(E, line, "vm_initfield(L, %s, %s, %s, &IC[%d]);", val(E, x[0]), val(E, x[1]), val(E, x[2]), E->nic++);
    else
      put(E, line, "vm_rawset(L, vm_tab(%s), %s, %s);", val(E, x[0]), val(E, x[1]), val(E, x[2]));
    break;
  case IR_SETLIST: emit_setlist(E, ins); break;
  case IR_NOT: assign(E, ins, emit_sfmt(E, "vm_mkbool(vm_isfalsy(%s))", val(E, x[0]))); break;
  case IR_EQ: case IR_LT: case IR_LE: assign(E, ins, emit_sfmt(E, "vm_mkbool(%s)", compare(E, ins).yes)); break;
  case IR_GETINDEX: case IR_SETINDEX: emit_index(E, ins); break;
  case IR_CALL: emit_call(E, ins); break;
  case IR_TBC: emit_tbc(E, ins); break;
  case IR_CLOSE: emit_tbcclose(E, ins); break;
  put(E, line, "if (vm_istruthy(%s)) vm_rterror(L, \"%%s\", %s);", val(E, x[0]), cstr(E, ins->s)); break;
  case IR_FORVALUE:
    if (emit_intloop(x[0])) assign(E, ins, emit_sfmt(E, "vm_mkint(%s_i)", vname(E, x[0])));
    else assign(E, ins, emit_sfmt(E, "vm_forvalue(&%s)", vname(E, x[0])));
    break;
  default: emit_arith(E, ins); break;
  }
}

/* ---- Writing a function: prologue and whole ---- */

static int declared(FuncPlan *p, IrInstr *ins) {
  unsigned long long count;
  if (ins->id < 0 || p->dead[ins->id] || p->fused[ins->id] || emit_isinline(ins) || ins->op == IR_VARARG) return 0;
  if (emit_constloop(ins, &count) >= 0) return 0;   /* no VmFor */
  if (ins->op == IR_CALL && p->tail[ins->id] == TAIL_KNOWN) return 0;   /* always a tail call */
  if (ins->op == IR_CALL && ins->fn && ((FuncPlan *)ins->fn->aux)->tailcalls) return 1;   /* r < 0 is tested */
  return p->uses[ins->id] > 0 || ins->type == IRT_FOR;
}

/* The declarations of one kind of value: "Value n_0, v3;", "VmCell *c4;" (wrapped). */
static void declare(Emitter *E, IrFunc *fn, IrType type, const char *ctype, const char *star) {
  Buf line = {0};
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = E->p->layout[i];
    for (int k = 0; k < b->nphi + b->nins; k++) {
      IrInstr *ins = k < b->nphi ? b->phi[k] : b->ins[k - b->nphi];
      if (ins->type != type || !declared(E->p, ins)) continue;
      if (line.len > 90) {
        put(E, 0, "%s;", line.s);
        line.len = 0;
      }
      if (line.len) buf_printf(&line, ", %s%s", star, vname(E, ins));
      else buf_printf(&line, "%s %s%s", ctype, star, vname(E, ins));
    }
  }
  if (line.len) put(E, 0, "%s;", line.s);
  buf_free(&line);
}

static void declare_intloops(Emitter *E, IrFunc *fn) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrInstr *t = fn->blocks[i]->ins[fn->blocks[i]->nins - 1];
    if (t->op != IR_FORPREP || !emit_intloop(t)) continue;
    if (E->p->forflags[t->id] & FOR_VALUED) put(E, 0, "vm_int %s_i;", vname(E, t));
    if (E->p->forflags[t->id] & FOR_STEPPED) put(E, 0, "vm_uint %s_n;", vname(E, t));
  }
}

/* The prologue's C lines are the function's first Lua line (the main chunk's: 1), so that a debugger shows
** entering it there, and none of it is taken for the Lua lines of another function. */
static void prologue(Emitter *E, IrFunc *fn) {
  FuncPlan *p = E->p;
  int np = fn->nparams;
  E->pin = E->lastline = fn->line > 0 ? fn->line : 1;
  put(E, 0, "static int %s(VmState *L, VmClosure *self, Value *a, int n) {", p->cname);
  E->indent = 1;
  declare(E, fn, IRT_VAL, "Value", "");
  declare(E, fn, IRT_CELL, "VmCell", "*");
  declare(E, fn, IRT_PACK, "int", "");
  declare(E, fn, IRT_FOR, "VmFor", "");
  declare_intloops(E, fn);
  if (p->closures) put(E, 0, "VmClosure *cl;");
  const char *top = emit_sfmt(E, "a + n + %d", p->maxslots);
  if (fn->isvararg && (p->usesnvar || p->usesS)) {
    if (np) put(E, 0, "int nvar = n > %d ? n - %d : 0;", np, np);
    else put(E, 0, "int nvar = n;");
  }
  if (fn->isvararg && p->usesS) {
    if (np) put(E, 0, "Value *S = a + %d + nvar;", np);
    else put(E, 0, "Value *S = a + nvar;");
    top = emit_sfmt(E, p->varargcalls ? "S + %d + nvar" : "S + %d", p->maxslots);
  } else if (p->usesS) {
    put(E, 0, "Value *S = a;");
  }
  put(E, 0, fn->isvararg ? "VmArgFrame FA;" : "VmFrame F;");
  put(E, 0, "vm_enter(L, &%s, self, &I%s.fi, %s);", emit_frame(E), p->cname + 1, top);
  if (fn->isvararg) put(E, 0, "FA.base = a, FA.nargs = n;   /* the debug library reads the arguments there */");
  if (p->usestbc) put(E, 0, "int tbc0 = L->ntbc;   /* this activation's to-be-closed values start here */");
  if (p->directcalls) put(E, 0, "Value *T = L->top;   /* restored after direct calls */");
  E->pin = 0;
}

/* Writes fn: the body first (to learn what the prologue must declare), then prologue and body to out. */
static void write_func(Emitter *E, IrFunc *fn, Buf *out) {
  FuncPlan *p = fn->aux;
  Buf body = {0};
  E->fn = fn;
  E->p = p;
  E->out = &body;
  E->implied = -1;
  E->curline = fn->line;
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = p->layout[i];
    E->next = i + 1 < fn->nblocks ? p->layout[i + 1] : NULL;
    if (p->label[b->id]) {
      E->indent = 0;
      E->curline = -1;
      put(E, 0, "b%d:", b->id);
    }
    E->indent = 1;
    for (int k = 0; k < b->nins; k++) emit_instr(E, b, b->ins[k]);
  }
  if (!p->returns) put(E, 0, "return 0;   /* not reached */");
  E->out = out;
  E->indent = 0;
  int implied = E->implied;
  E->implied = -1;
  if (fn->ismain) put(E, 0, "/* main chunk of %s */", ccomment(E, fn->module->chunkname ? fn->module->chunkname : "?"));
  else put(E, 0, "/* function %s, line %d */", ccomment(E, fn->name ? fn->name : "anonymous"), fn->line);
  prologue(E, fn);
  buf_putn(out, body.s ? body.s : "", body.len);
  E->implied = implied;
  E->indent = 0;
  put(E, 0, "}");
  put(E, 0, "%s", "");
  E->implied = -1;
  buf_free(&body);
}

/* ---- The unit ---- */

/* How fn names its direct callee callee: the description of its first call to it (irbuild gives all of fn's
** calls to one callee the same: the one local or upvalue that holds it). */
static const char *direct_desc(IrFunc *fn, IrFunc *callee) {
  for (int i = 0; i < fn->nblocks; i++) {
    IrBlock *b = fn->blocks[i];
    for (int k = 0; k < b->nins; k++)
      if (b->ins[k]->op == IR_CALL && b->ins[k]->fn == callee) return b->ins[k]->da;
  }
  return NULL;
}

/* The table "D_x" of fn's direct callees (FuncPlan.direct) with how fn names them (VmCallee), for tracebacks;
** returns 0 if fn calls nothing directly. */
static int write_direct(Emitter *E, IrFunc *fn) {
  FuncPlan *p = fn->aux;
  Buf line = {0};
  int n = 0;
  for (int i = 0; i < p->direct.n; i++) {
    IrFunc *callee = p->direct.v[i];
    if (!((FuncPlan *)callee->aux)->live) continue;
    buf_printf(&line, "{&I%s.fi, %s}, ", ((FuncPlan *)callee->aux)->cname + 1, cstr(E, direct_desc(fn, callee)));
    n++;
  }
  if (n) put(E, 0, "static const VmCallee D%s[] = {%s{0, 0}};", p->cname + 1, line.s);
  buf_free(&line);
  return n > 0;
}

static void write_infos(Emitter *E, IrModule **mods, int nmod) {
  emit_chunks(E, mods, nmod);
  for (int mi = 0; mi < nmod; mi++)
    for (int i = 0; i < mods[mi]->nfuncs; i++) {
      FuncPlan *p = mods[mi]->funcs[i]->aux;
      if (p->live) put(E, 0, "static const VmLuaInfo I%s;", p->cname + 1);
    }
  for (int mi = 0; mi < nmod; mi++) {
    for (int i = 0; i < mods[mi]->nfuncs; i++) {
      IrFunc *fn = mods[mi]->funcs[i];
      FuncPlan *p = fn->aux;
      if (!p->live) continue;
      const char *name = fn->name && strcmp(fn->name, "anonymous") != 0 ? fn->name : NULL;
      const char *direct = write_direct(E, fn) ? emit_sfmt(E, "D%s", p->cname + 1) : "0";
      put(E, 0, "static const VmLuaInfo I%s = {{%s, %s, %d, %d, %d, 0}, %s, %s};", p->cname + 1, cstr(E, name),
          cstr(E, mods[mi]->chunkname), fn->ismain ? 0 : fn->line, fn->nparams, fn->isvararg, direct,
          emit_luainfo(E, mods[mi], mi, fn));
    }
  }
  put(E, 0, "%s", "");
  for (int mi = 0; mi < nmod; mi++) {
    for (int i = 0; i < mods[mi]->nfuncs; i++) {
      FuncPlan *p = mods[mi]->funcs[i]->aux;
      if (p->live) put(E, 0, "static int %s(VmState *L, VmClosure *self, Value *a, int n);", p->cname);
    }
  }
  put(E, 0, "%s", "");
}

/* `cl = closure of module m's main chunk with _ENV = env` */
static void main_closure(Emitter *E, IrModule *m) {
  FuncPlan *p = m->main->aux;
  put(E, 0, "cl = vm_newclosure(L, %s, &I%s.fi, %d);", p->cname, p->cname + 1, m->main->nup);
  put(E, 0, "cl->up[0] = vm_newcell(L, env);");
  for (int i = 1; i < m->main->nup; i++) put(E, 0, "cl->up[%d] = vm_newcell(L, VM_NIL);", i);
}

/* `vmc_funcsyms`: the address and VmFuncInfo of every function of the unit, ending with {0, 0}, for the perf
** map of code compiled in memory (tcc_backend.c). */
static void write_funcsyms(Emitter *E, EmitUnit *u) {
  put(E, 0, "%s", "");
  put(E, 0, "const struct { void *fn; const VmFuncInfo *fi; } vmc_funcsyms[] = {");
  for (int mi = -1; mi < u->nmods; mi++) {
    IrModule *m = mi < 0 ? u->main : u->mods[mi].m;
    for (int i = 0; i < m->nfuncs; i++) {
      FuncPlan *p = m->funcs[i]->aux;
      if (p->live) put(E, 0, "  {(void *)%s, &I%s.fi},", p->cname, p->cname + 1);
    }
  }
  put(E, 0, "  {0, 0}};");
}

/* vmc_chunk (and main) are no Lua lines: their C lines are named after a file that does not exist, so that a
** debugger puts no breakpoint of a Lua line in them. */
static void write_chunk(Emitter *E, EmitUnit *u) {
  const char *src = u->main->chunkname ? u->main->chunkname : "?";
  buf_puts(E->out, "#line 1 \"");
  emit_cquote(E->out, src, strlen(src));
  buf_puts(E->out, " (vmc_chunk)\"\n");
  E->p = NULL;
  E->implied = -1;
  E->exact = 0;
  put(E, 0, "Value vmc_chunk(VmState *L, Value env);");
  put(E, 0, "%s", "");
  put(E, 0, "Value vmc_chunk(VmState *L, Value env) {");
  E->indent = 1;
  put(E, 0, "VmClosure *cl;");
  buf_putn(E->out, E->kinit.s ? E->kinit.s : "", E->kinit.len);
  for (int i = 0; i < u->nmods; i++) {
    put(E, 0, "/* require(%s) */", ccomment(E, cstr(E, u->mods[i].name)));
    main_closure(E, u->mods[i].m);
    if (u->mods[i].preload) put(E, 0, "vm_preload(L, %s, vm_mkfunc(cl));", cstr(E, u->mods[i].name));
    else put(E, 0, "vm_bundle(L, %s, %s, vm_mkfunc(cl));", cstr(E, u->mods[i].name), cstr(E, u->mods[i].path));
  }
  main_closure(E, u->main);
  put(E, 0, "return vm_mkfunc(cl);");
  E->indent = 0;
  put(E, 0, "}");
  if (u->funcsyms) write_funcsyms(E, u);
  if (u->with_main) {
    put(E, 0, "%s", "");
    put(E, 0, "int main(int argc, char **argv) {");
    put(E, 0, "  return vm_main(argc, argv, 0, vmc_chunk, vmc_compile_hook);");
    put(E, 0, "}");
  }
}

void emit_c(CompileCtx *cx, EmitUnit *u, Buf *out) {
  Emitter E;
  memset(&E, 0, sizeof E);
  E.cx = cx;
  E.arena = cx->arena;
  E.implied = -1;
  E.exact = u->exactlines;
  int nmod = 1 + u->nmods;
  IrModule **mods = arena_alloc(E.arena, sizeof(IrModule *) * (size_t)nmod);
  mods[0] = u->main;
  for (int i = 0; i < u->nmods; i++) mods[i + 1] = u->mods[i].m;
  emit_plan_unit(&E, u, mods, nmod);
  Buf funcs = {0};
  for (int mi = 0; mi < nmod; mi++)
    for (int i = 0; i < mods[mi]->nfuncs; i++)
      if (((FuncPlan *)mods[mi]->funcs[i]->aux)->live) write_func(&E, mods[mi]->funcs[i], &funcs);
  E.out = out;
  E.p = NULL;
  E.indent = 0;
  put(&E, 0, "/* Generated by vmc from %s. */", ccomment(&E, u->main->chunkname ? u->main->chunkname : "?"));
  if (u->with_include) put(&E, 0, "#include \"vmc.h\"");
  put(&E, 0, "%s", "");
  put(&E, 0, "#define VMC_INT(i) (VM_INT_TAG | ((Value)(i) & ~VM_INT_TAG))");
  put(&E, 0, "%s", "");
  put(&E, 0, "/* Lua code may recurse until it raises \"stack overflow\": not a C compiler's business. */");
  put(&E, 0, "#if defined(__clang__)");
  put(&E, 0, "#pragma clang diagnostic ignored \"-Winfinite-recursion\"");
  put(&E, 0, "#elif defined(__GNUC__) && !defined(__TINYC__) && __GNUC__ >= 12");
  put(&E, 0, "#pragma GCC diagnostic ignored \"-Winfinite-recursion\"");
  put(&E, 0, "#endif");
  put(&E, 0, "%s", "");
  write_infos(&E, mods, nmod);
  if (E.nk) {
    put(&E, 0, "static Value K[%d];   /* constants, set by vmc_chunk; a GC root */", E.nk);
    put(&E, 0, "%s", "");
  }
  if (E.nic) {
    put(&E, 0, "static VmIC IC[%d];   /* inline caches of field sites */", E.nic);
    put(&E, 0, "%s", "");
  }
  if (E.ntpl) {
    put(&E, 0, "static VmTpl TPL[%d];   /* templates of constructors with named fields */", E.ntpl);
    put(&E, 0, "%s", "");
  }
  buf_putn(out, funcs.s ? funcs.s : "", funcs.len);
  write_chunk(&E, u);
  buf_free(&funcs);
  buf_free(&E.kinit);
}
