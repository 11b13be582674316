/* irbuild.h: state shared by the two halves of the AST-to-IR lowering, irbuild.c (functions, SSA construction,
** statements) and irbuild_expr.c (expressions, calls, conditions) (compiler layer; private to them). */
#ifndef VMC_IRBUILD_H
#define VMC_IRBUILD_H

#include "ir.h"

/* How a local of the function being built lives. */
enum { BIND_NONE, BIND_SSA, BIND_CELL };

typedef struct Binding {
  int kind;                /* BIND_* */
  IrInstr *cell;           /* BIND_CELL: the cell (NEWCELL, or UPVAL 0 for the main chunk's _ENV) */
  Expr *konst;             /* a <const> local with a literal initializer: its literal (lua5.4 folds them) */
  IrFunc *known;           /* the function this local holds for its whole life (direct calls), or NULL */
  const char *name;
} Binding;

typedef struct Loop {
  IrBlock *exit;           /* where `break` goes */
  struct Loop *prev;
} Loop;

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
Binding *irb_upbinding(FuncState *fs, int k);
IrFunc *irb_function(FuncState *parent, FuncExpr *f, IrFunc *fn);

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
