/* irbuild.h: state shared by the three parts of the AST-to-IR lowering, irbuild.c (functions, SSA construction),
** irbuild_stmt.c (statements) and irbuild_expr.c (expressions, calls, conditions) (compiler layer; private). */
#ifndef VMC_IRBUILD_H
#define VMC_IRBUILD_H

#include "ir.h"

/* How a local of the function being built lives. */
enum { BIND_NONE, BIND_SSA, BIND_CELL };

typedef struct Binding {
  int kind;                /* BIND_* */
  IrInstr *cell;           /* BIND_CELL: the cell (NEWCELL, or UPVAL 0 for the main chunk's _ENV) */
  Expr *konst;             /* a <const> local with a literal initializer: its literal (lua5.4 folds them) */
  int ctc;                 /* a <const> local lua5.4 makes a compile-time constant: 'k' surely, '?' maybe; or 0 */
  Expr *ctcval;            /* ctc 'k': the literal it folds to */
  IrFunc *known;           /* the function this local holds for its whole life (direct calls), or NULL */
  const char *name;
} Binding;

typedef struct Loop {
  IrBlock *exit;           /* where `break` goes */
  int depth;               /* to-be-closed depth outside the loop: `break` closes down to it */
  int needclose;           /* some `break` leaves to-be-closed values: the exit closes them */
  struct Loop *prev;
} Loop;

/* A label of a block being lowered. The labels of a block are found before its statements are lowered, so that
** a forward goto knows its target; the label's IR block is sealed when its Lua block ends (no goto can reach it
** from elsewhere). */
typedef struct Label {
  const char *name;
  IrBlock *block;
  int depth;               /* to-be-closed depth at the label: a goto to it closes the deeper values */
  int line;                /* where lua5.4 closes them for a forward goto (the label's) */
  int seen;                /* the label statement has been lowered: gotos to it jump backwards */
} Label;

typedef struct LabelScope {
  Label *v;
  int n;
  struct LabelScope *prev; /* the enclosing block's labels (also visible) */
} LabelScope;

/* One function being lowered; `parent` is the enclosing one, still being lowered too. */
typedef struct FuncState {
  CompileCtx *cx;
  IrModule *m;
  FuncExpr *ast;
  IrFunc *fn;
  struct FuncState *parent;
  IrBlock *cur;            /* block receiving instructions; never terminated */
  Binding *bind;           /* by LocalVar.index */
  int nbind;
  Binding envbind;         /* the main chunk's _ENV */
  int nvars;               /* SSA variables: 0..nbind-1 are the locals, then hidden ones */
  Loop *loop;
  LabelScope *labels;      /* labels of the innermost block being lowered */
  int tbcdepth;            /* to-be-closed values this activation holds here (static: nil/false included) */
  int intbc;               /* inside the scope of a <close> variable or a generic for: no tail calls there */
  IrBlock *header;         /* self tail calls jump here (NULL: the function cannot call itself) */
  int *paramvar;           /* hidden variable holding each parameter's incoming value (self tail calls) */
} FuncState;

/* irbuild.c */
IrInstr *irb_emit(FuncState *fs, IrOp op, int line);
IrInstr *irb_emit1(FuncState *fs, IrOp op, int line, IrInstr *a);
IrInstr *irb_emit2(FuncState *fs, IrOp op, int line, IrInstr *a, IrInstr *b);
IrBlock *irb_newblock(FuncState *fs);
void irb_seal(FuncState *fs, IrBlock *b);
void irb_jump(FuncState *fs, IrBlock *to, int line);
void irb_branch(FuncState *fs, IrInstr *cond, IrBlock *t, IrBlock *f, int line);
void irb_deadblock(FuncState *fs);
int irb_newvar(FuncState *fs);
void irb_writevar(FuncState *fs, int var, IrInstr *val);
IrInstr *irb_readvar(FuncState *fs, int var);
Binding *irb_binding(FuncState *fs, LocalVar *v);
/* Binds v, just declared, to its initial value: a fresh cell if a closure captures it, else an SSA variable. */
void irb_declare(FuncState *fs, LocalVar *v, IrInstr *val, int line);
void irb_assign(FuncState *fs, LocalVar *v, IrInstr *val, int line);
Binding *irb_upbinding(FuncState *fs, int k);
IrFunc *irb_function(FuncState *parent, FuncExpr *f, IrFunc *fn);

/* irbuild_stmt.c: lowers block b in a scope of its own (closing its to-be-closed values on line closeline) */
void irb_block(FuncState *fs, Block *b, int closeline);

/* irbuild_expr.c */
IrInstr *irb_expr(FuncState *fs, Expr *e);
IrInstr *irb_multi(FuncState *fs, Expr *e);
int irb_ismulti(Expr *e);
void irb_explist(FuncState *fs, Vec *exprs, int want, IrInstr **out);
IrInstr **irb_explist_multi(FuncState *fs, Vec *exprs, int *nfixed, IrInstr **pack);
void irb_condjump(FuncState *fs, Expr *e, IrBlock *t, IrBlock *f);
const char *irb_desc(FuncState *fs, Expr *e);
IrInstr *irb_kstr(FuncState *fs, const char *s, size_t len, int line);
IrInstr *irb_knil(FuncState *fs, int line);
IrFunc *irb_knownfunc(FuncState *fs, Expr *e);
IrInstr *irb_closure(FuncState *fs, FuncExpr *f, IrFunc *fn);
IrInstr *irb_localcell(FuncState *fs, LocalVar *v);

#endif
