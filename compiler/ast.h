/* ast.h: the abstract syntax tree, made by parse.c and annotated by resolve.c (compiler layer).
**
** The resolver binds every name: each local declaration gets a LocalVar, each Name expression becomes a local, an
** upvalue of the enclosing function or a global (an index of _ENV), and each function gets its list of upvalues.
** As in lua5.4, binding happens while parsing (parse.c calls into resolve.c), so that scoping errors come in
** lua5.4's order and at its lines: E_NAME never leaves the parser. irbuild.c reads only the resolved tree.
*/
#ifndef VMC_AST_H
#define VMC_AST_H

#include "common.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Block Block;
typedef struct FuncExpr FuncExpr;

/* A local variable (also parameters, for-loop variables and the implicit _ENV of the main chunk). */
typedef struct LocalVar {
  const char *name;
  int line;                /* line of its declaration */
  int index;               /* 0..nlocals-1 within its function (FuncExpr.locals) */
  int attrib;              /* ATTR_* */
  int captured;            /* some inner function refers to it (set by resolve) */
  int assigned;            /* assigned after its declaration (set by resolve) */
  FuncExpr *func;          /* declaring function */
} LocalVar;

enum { ATTR_NONE, ATTR_CONST, ATTR_CLOSE };

/* An upvalue of a function: a captured local of the immediately enclosing function, or one of its upvalues. */
typedef struct UpvalDesc {
  const char *name;
  int instack;             /* 1: parent's local `local`; 0: parent's upvalue number `index` */
  LocalVar *local;         /* set in both cases: the variable this upvalue ends at */
  int index;               /* instack: local->index; else the parent's upvalue number */
} UpvalDesc;

typedef enum ExprKind {
  E_NIL, E_TRUE, E_FALSE, E_INT, E_FLT, E_STR, E_VARARG,
  E_FUNC,                  /* function ... end */
  E_TABLE,                 /* table constructor */
  E_BINOP, E_UNOP,
  E_AND, E_OR,
  E_NAME,                  /* before resolve; resolve turns it into E_LOCAL, E_UPVAL or E_GLOBAL */
  E_LOCAL, E_UPVAL, E_GLOBAL,
  E_INDEX,                 /* obj[key]; obj.name has key E_STR */
  E_CALL,                  /* fn(args) */
  E_METHCALL,              /* obj:name(args) */
  E_PAREN                  /* (e): truncates to one value */
} ExprKind;

/* Operators: same order as the VM_OP* codes of runtime/vmc.h for the arithmetic and bitwise ones. */
typedef enum BinOp {
  OP_ADD, OP_SUB, OP_MUL, OP_MOD, OP_POW, OP_DIV, OP_IDIV,
  OP_BAND, OP_BOR, OP_BXOR, OP_SHL, OP_SHR,
  OP_CONCAT, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE
} BinOp;
typedef enum UnOp { OP_NEG, OP_BNOT, OP_NOT, OP_LEN } UnOp;

typedef struct TableField {
  int kind;                /* TF_POS: value only; TF_NAMED / TF_KEYED: key = value */
  Expr *key;               /* E_STR for TF_NAMED */
  Expr *val;
  int line;
} TableField;
enum { TF_POS, TF_NAMED, TF_KEYED };

struct FuncExpr {
  const char *name;        /* for messages and C names: "fib", "Account:deposit", "anonymous", "main chunk" */
  int line, lastline;      /* of `function` and `end`; main chunk: 0 and its last line */
  int nparams;             /* params.n (self included) */
  int isvararg;
  int ismethod;            /* has the implicit `self` parameter (first of params) */
  Vec params;              /* LocalVar*, including self */
  Block *body;
  FuncExpr *parent;
  Vec locals;              /* LocalVar*: every local declared in this function (set by resolve) */
  Vec upvals;              /* UpvalDesc* (set by resolve) */
  Vec children;            /* FuncExpr* of nested functions, in source order (set by resolve) */
  LocalVar *env;           /* main chunk only: the _ENV local (its upvalue 0 in Lua terms) */
  size_t spos, send;       /* its text in the source: from the '(' of its parameters to the end of its 'end';
                              main chunk: from where the lexer starts (past a '#' line) to the end */
  int sline;               /* the line where that text starts */
  int id;                  /* unique in the compilation unit (set by resolve): numbering of C functions */
};

struct Expr {
  ExprKind kind;
  int line;
  union {
    long long i;           /* E_INT */
    double f;              /* E_FLT */
    struct { const char *s; size_t len; } str;  /* E_STR (not NUL-safe: use len) */
    FuncExpr *func;        /* E_FUNC */
    Vec fields;            /* E_TABLE: TableField* */
    struct { int op; Expr *a, *b; } bin;        /* E_BINOP (BinOp), E_AND, E_OR */
    struct { int op; Expr *a; } un;             /* E_UNOP (UnOp) */
    struct {
      const char *name;    /* E_NAME, E_GLOBAL: the name */
      LocalVar *var;       /* E_LOCAL; E_UPVAL: the variable it ends at */
      int up;              /* E_UPVAL: index in the current function's upvals */
      Expr *env;           /* E_GLOBAL: the _ENV expression (E_LOCAL or E_UPVAL) */
    } name;
    struct { Expr *obj, *key; } index;          /* E_INDEX */
    struct { Expr *fn; Vec args; const char *method; } call;  /* E_CALL, E_METHCALL (fn = object) */
    Expr *paren;           /* E_PAREN */
  } u;
};

typedef enum StmtKind {
  S_LOCAL,                 /* local n1 <a>, n2 = e1, e2 */
  S_ASSIGN,                /* t1, t2 = e1, e2 */
  S_CALL,                  /* a call as a statement */
  S_DO, S_WHILE, S_REPEAT, S_IF, S_NUMFOR, S_GENFOR,
  S_FUNC,                  /* function a.b.c:m() ... end  (target + function) */
  S_LOCALFUNC,             /* local function f() ... end */
  S_RETURN, S_BREAK, S_GOTO, S_LABEL
} StmtKind;

/* doline (for loops): the line where lua5.4 reports the loop's errors: for a numeric for the line of 'do'
** ("'for' initial value must be a number"), for a generic for the line of the first token after 'in' (the
** iterator calls); 0 when unknown (the statement's line is used). */
struct Stmt {
  StmtKind kind;
  int line;
  int endline;             /* line of its last token (lua5.4 places the closing of <close> variables there) */
  union {
    struct { Vec vars; Vec exprs; } local;        /* vars: LocalVar* (attribs set) */
    struct { Vec targets; Vec exprs; } assign;    /* targets: Expr* (names or E_INDEX) */
    Expr *call;                                   /* S_CALL */
    Block *block;                                 /* S_DO */
    struct { Expr *cond; Block *body; } loop;     /* S_WHILE, S_REPEAT (cond after body; body's scope) */
    struct { Vec conds; Vec blocks; Block *els; } ifs;  /* conds[i] -> blocks[i]; els may be NULL */
    struct { LocalVar *var; Expr *start, *limit, *step; Block *body; int doline; } numfor;  /* step may be NULL */
    struct { Vec vars; Vec exprs; Block *body; int doline, prepline; } genfor;  /* vars: LocalVar*; prepline:
                                     the line of 'do' (where lua5.4 checks the closing value) */
    struct { Expr *target; FuncExpr *func; } func; /* S_FUNC: target is a name or E_INDEX chain */
    struct { LocalVar *var; FuncExpr *func; } localfunc;
    struct { Vec exprs; } ret;
    struct { const char *label; int last; } go;   /* S_GOTO, S_LABEL; last: only void statements follow the
                                                     label in its block (its locals are then out of scope) */
  } u;
};

struct Block {
  Vec stmts;               /* Stmt* */
  int line, lastline;      /* lastline: of the token that ends it ('end', 'until', ...) */
  int closeline;           /* of its last token: where lua5.4 closes its <close> variables */
};

/* parse.c: parses a whole chunk into its main function (vararg, named "main chunk"). Errors via compile_error. */
FuncExpr *parse_chunk(CompileCtx *cx, const char *src, size_t len);
/* parse.c: the same for a chunk given as a string (load): a first line starting with '#' is an error there, as
** in lua5.4, where parse_chunk (files) skips it. Both resolve names while parsing: see resolve.c. */
FuncExpr *parse_string(CompileCtx *cx, const char *src, size_t len);

/* resolve.c: names are bound and scoping rules checked (const assignment, goto/labels, break outside loop) during
** parse_chunk, with lua5.4's wording; res_chunk checks the annotations of the finished tree (an internal error
** through compile_error if one is inconsistent). */
void res_chunk(CompileCtx *cx, FuncExpr *main);

#endif
