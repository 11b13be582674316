/* ir.h: the intermediate representation between the resolved AST and the C emitter (compiler layer).
**
** A module is a list of functions; a function is a list of basic blocks; a block holds its phis, then its
** instructions, the last of which (and only the last) is a terminator. Every instruction that has a result
** defines one value, numbered `id` within its function, and is referred to by pointer: operands are IrInstr*.
** Values are single-assignment. Lua locals that no inner function captures are SSA values (phis at joins);
** captured locals live in cells (NEWCELL / CELLGET / CELLSET) shared with the closures.
**
** Every value has a kind (IrType):
**   VAL   one Lua value;
**   CELL  a VmCell* (a captured local; UPVAL reads the current closure's cells);
**   PACK  a run of values of unknown length: the results of a CALL, or the extra arguments (VARARG). A pack is
**         consumed by EXTRACT (its k-th value, nil if absent) or as the last operand of CALL, RET or SETLIST,
**         which then take all of its values. A CALL's pack lives on the value stack: it must be consumed before
**         the next CALL of the block (ir_verify checks this);
**   FOR   the state of a numeric for loop (FORPREP defines it, FORVALUE and FORSTEP use it).
** The `tlat` field is reserved for the type lattice of a later inference pass.
*/
#ifndef VMC_IR_H
#define VMC_IR_H

#include <stdio.h>

#include "ast.h"

typedef enum IrType { IRT_NONE, IRT_VAL, IRT_CELL, IRT_PACK, IRT_FOR } IrType;

/* Operation properties */
enum {
  IRF_PURE = 1,      /* no effect but allocation, no error: removable when its result is unused (not always
                        movable: CELLGET reads memory) */
  IRF_RAISE = 2,     /* may raise a Lua error (or call Lua code): the frame's line must be current */
  IRF_TERM = 4,      /* block terminator */
  IRF_CONST = 8      /* a constant: no operands, its value is in the payload */
};

/* The operations. Columns: name, result kind, properties, C entry point used by the emitter (arithmetic),
** operator code for vm_arith (NULL: none). Payload fields in comments. */
#define IR_OPS(_) \
  _(NOP,      NONE, IRF_PURE,             0,         0)                                                  \
  _(KNIL,     VAL,  IRF_PURE | IRF_CONST, 0,         0)                                                  \
  _(KTRUE,    VAL,  IRF_PURE | IRF_CONST, 0,         0)                                                  \
  _(KFALSE,   VAL,  IRF_PURE | IRF_CONST, 0,         0)                                                  \
  _(KINT,     VAL,  IRF_PURE | IRF_CONST, 0,         0) /* i */                                          \
  _(KFLT,     VAL,  IRF_PURE | IRF_CONST, 0,         0) /* f */                                          \
  _(KSTR,     VAL,  IRF_PURE | IRF_CONST, 0,         0) /* s, len */                                     \
  _(PARAM,    VAL,  IRF_PURE,             0,         0) /* k: argument k, nil if absent */               \
  _(VARARG,   PACK, IRF_PURE,             0,         0) /* the extra arguments */                        \
  _(EXTRACT,  VAL,  IRF_PURE,             0,         0) /* pack; k: its value k, nil if absent */        \
  _(PHI,      VAL,  IRF_PURE,             0,         0) /* one operand per predecessor */                \
  _(UPVAL,    CELL, IRF_PURE,             0,         0) /* k: cell k of the running closure */           \
  _(NEWCELL,  CELL, IRF_PURE,             0,         0) /* initial value */                              \
  _(CELLGET,  VAL,  IRF_PURE,             0,         0) /* cell */                                       \
  _(CELLSET,  NONE, 0,                    0,         0) /* cell, value */                                \
  _(CLOSURE,  VAL,  IRF_PURE,             0,         0) /* one cell per upvalue; fn */                   \
  _(NEWTABLE, VAL,  IRF_PURE,             0,         0) /* i: array size, k: hash size */                \
  _(RAWSETI,  NONE, 0,                    0,         0) /* table, value; i: index */                     \
  _(RAWSET,   NONE, IRF_RAISE,            0,         0) /* table, key, value (nil/NaN key) */            \
  _(SETLIST,  NONE, 0,                    0,         0) /* table, pack; i: index of the first */         \
  _(ADD,      VAL,  IRF_RAISE,            "vm_add",  0) /* a, b; da, db */                               \
  _(SUB,      VAL,  IRF_RAISE,            "vm_sub",  0)                                                  \
  _(MUL,      VAL,  IRF_RAISE,            "vm_mul",  0)                                                  \
  _(MOD,      VAL,  IRF_RAISE,            "vm_mod",  0)                                                  \
  _(POW,      VAL,  IRF_RAISE,            0,         "VM_OPPOW")                                         \
  _(DIV,      VAL,  IRF_RAISE,            "vm_div",  0)                                                  \
  _(IDIV,     VAL,  IRF_RAISE,            "vm_idiv", 0)                                                  \
  _(BAND,     VAL,  IRF_RAISE,            0,         "VM_OPBAND")                                        \
  _(BOR,      VAL,  IRF_RAISE,            0,         "VM_OPBOR")                                         \
  _(BXOR,     VAL,  IRF_RAISE,            0,         "VM_OPBXOR")                                        \
  _(SHL,      VAL,  IRF_RAISE,            0,         "VM_OPSHL")                                         \
  _(SHR,      VAL,  IRF_RAISE,            0,         "VM_OPSHR")                                         \
  _(UNM,      VAL,  IRF_RAISE,            "vm_unm",  0) /* a; da */                                      \
  _(BNOT,     VAL,  IRF_RAISE,            0,         "VM_OPBNOT") /* a; da */                            \
  _(NOT,      VAL,  IRF_PURE,             0,         0) /* a */                                          \
  _(LEN,      VAL,  IRF_RAISE,            0,         0) /* a; da */                                      \
  _(CONCAT,   VAL,  IRF_RAISE,            0,         0) /* a, b; da, db */                               \
  _(EQ,       VAL,  IRF_RAISE,            0,         0) /* a, b: a == b (__eq) */                        \
  _(LT,       VAL,  IRF_RAISE,            0,         0) /* a, b: a < b */                                \
  _(LE,       VAL,  IRF_RAISE,            0,         0) /* a, b: a <= b */                               \
  _(GETINDEX, VAL,  IRF_RAISE,            0,         0) /* obj, key; da describes obj */                 \
  _(SETINDEX, NONE, IRF_RAISE,            0,         0) /* obj, key, value; da describes obj */          \
  _(CALL,     PACK, IRF_RAISE,            0,         0) /* fn, args... [pack]; da: fn; fn: direct */     \
  _(FORVALUE, VAL,  IRF_PURE,             0,         0) /* for state: the control value */               \
  _(TBC,      NONE, IRF_RAISE,            0,         0) /* a; s: name: push a to-be-closed value; k: 1 if truthy */ \
  _(CLOSE,    NONE, IRF_RAISE,            0,         0) /* [pack]; k: close depths >= k (the pack survives) */    \
  _(JMP,      NONE, IRF_TERM,             0,         0) /* -> succ[0] */                                 \
  _(BR,       NONE, IRF_TERM,             0,         0) /* cond -> succ[0] if truthy, else succ[1] */    \
  _(FORPREP,  FOR,  IRF_TERM | IRF_RAISE, 0,         0) /* init, limit, step -> body, exit */            \
  _(FORSTEP,  NONE, IRF_TERM,             0,         0) /* for state -> body, exit */                    \
  _(RET,      NONE, IRF_TERM,             0,         0) /* values... [pack]; i: 1 = never a tail call */

typedef enum IrOp {
#define IR_ENUM(name, res, flags, cfn, code) IR_##name,
  IR_OPS(IR_ENUM)
#undef IR_ENUM
  IR_NOPS
} IrOp;

typedef struct IrOpInfo {
  const char *name;        /* for the dump */
  IrType res;
  int flags;
  const char *cfn;         /* inline fast path of vmc.h, or NULL */
  const char *arith;       /* VM_OP* code for vm_arith, or NULL */
} IrOpInfo;
extern const IrOpInfo ir_opinfo[IR_NOPS];

typedef struct IrInstr IrInstr;
typedef struct IrBlock IrBlock;
typedef struct IrFunc IrFunc;

struct IrInstr {
  IrOp op;
  IrType type;             /* kind of the result (IRT_NONE: none) */
  int id;                  /* value number in its function */
  int line;                /* source line, for errors and #line */
  IrBlock *block;
  IrInstr **arg;           /* operands */
  int narg, argcap;
  long long i;             /* KINT; RAWSETI/SETLIST index; NEWTABLE array size */
  double f;                /* KFLT */
  const char *s;           /* KSTR: its len bytes (may hold '\0'); TBC: the variable's name */
  size_t len;
  int k;                   /* PARAM, EXTRACT, UPVAL index; NEWTABLE hash size; GETINDEX: 1 for the method of o:m() */
  const char *da, *db;     /* descriptions of operands for error messages ("local 'x'"), or NULL */
  const char *name;        /* Lua variable this value was first bound to (for readable C), or NULL */
  IrFunc *fn;              /* CLOSURE: the function; CALL: callee known at compile time (direct call) */
  IrInstr *fwd;            /* irbuild: replaced by this value (removed trivial phi) */
  int tlat;                /* type lattice value (reserved for inference) */
  int aux;                 /* scratch for passes (emit: K[] index + 1 of a boxed integer constant) */
};

struct IrBlock {
  int id;
  IrFunc *func;
  IrInstr **phi;           /* phis, first */
  int nphi, phicap;
  IrInstr **ins;           /* instructions; the last is the terminator */
  int nins, inscap;
  IrBlock **pred;          /* predecessors, in the order of phi operands */
  int npred, predcap;
  IrBlock *succ[2];        /* from the terminator */
  int nsucc;
  int line;                /* first source line, for the dump */
  void *aux;               /* scratch for passes */
  int mark;                /* scratch for passes */
};

struct IrFunc {
  const char *name;        /* Lua name: "fib", "Account:deposit", "main chunk"; "anonymous" or NULL */
  int line, lastline;
  int nparams, isvararg;
  int ismain;
  int nup;                 /* number of upvalues (cells in the closure) */
  const char **upnames;
  char *upfold;            /* by upvalue, for a <const> local: 'k' has a literal value, which lua5.4 folds (it has
                              no such upvalue); '?' may or may not be folded by lua5.4; 0 otherwise */
  Expr **upkonst;          /* by upvalue with upfold 'k': the literal lua5.4 folds it to */
  const char **params;     /* names of the nparams parameters, self included */
  int ismethod;            /* defined with ':' (self is implicit in its text) */
  size_t spos, send;       /* its text in its module's source (FuncExpr.spos, send) */
  int sline;               /* the line where that text starts */
  int selftail;            /* makes self tail calls (a loop: its parameters change without a new frame) */
  char *paramset;          /* by parameter: assigned after entry (its incoming value is not kept) */
  IrBlock **blocks;        /* blocks[0] is the entry */
  int nblocks, blockcap;
  int nvalues;             /* value numbers 0..nvalues-1 are in use */
  int id;                  /* index in IrModule.funcs */
  IrFunc *parent;
  struct IrModule *module;
  void *aux;               /* scratch for passes (emit: its FuncPlan) */
};

typedef struct IrModule {
  const char *chunkname;   /* as shown in messages */
  const char *source;      /* lua5.4's name of the chunk ("@file"), NULL when only known at run time (load) */
  const char *text;        /* the source text from the main function's spos on (string.dump rebuilds from it) */
  size_t textlen, textbase;  /* its length, and the offset in the source where it starts */
  IrFunc **funcs;          /* in creation order; funcs[0] is the main chunk */
  int nfuncs, funccap;
  IrFunc *main;
  Arena *arena;
} IrModule;

/* ir.c: construction */
IrModule *ir_newmodule(Arena *a, const char *chunkname);
IrFunc *ir_newfunc(IrModule *m, const char *name, int line);
IrBlock *ir_newblock(IrFunc *f);
IrInstr *ir_newinstr(IrFunc *f, IrOp op, int line);
void ir_addarg(IrFunc *f, IrInstr *ins, IrInstr *arg);
void ir_append(IrBlock *b, IrInstr *ins);          /* at the end (after the terminator is an error) */
void ir_prepend(IrBlock *b, IrInstr *ins);         /* at the start, after the phis */
void ir_addphi(IrBlock *b, IrInstr *phi);
void ir_addpred(IrBlock *b, IrBlock *pred);
void ir_setsucc(IrBlock *b, IrBlock *s0, IrBlock *s1);  /* successors of b's terminator; adds b to their preds */
IrInstr *ir_terminator(IrBlock *b);                /* NULL if b is not terminated yet */
int ir_postorder(IrFunc *f, IrBlock **out, int lastfirst);
int ir_isconst(IrInstr *ins);
const char *ir_opname(IrOp op);

/* ir.c: reports a broken invariant of the compiler itself and aborts. */
void ir_internal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
#define IR_CHECK(cond, msg) ((cond) ? (void)0 : ir_internal("%s:%d: %s", __FILE__, __LINE__, (msg)))

/* ir.c: prints the text form of the IR. */
void ir_dump(IrModule *m, FILE *f);
void ir_dumpfunc(IrFunc *fn, FILE *f);

/* irbuild.c: lowers the resolved chunk `main` to IR. Errors (unsupported constructs) via compile_error. */
IrModule *ir_build(CompileCtx *cx, FuncExpr *main);

/* verify.c: checks the invariants of the IR; an internal error aborts with a message naming function and block. */
void ir_verify(CompileCtx *cx, IrModule *m);

#endif
