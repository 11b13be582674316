/* parse.c: recursive-descent parser of Lua 5.4 building the AST of ast.h (compiler layer).
**
** The grammar is the one of the Lua 5.4 manual (section 9); each function opens with the rule it reads. Names are
** bound while parsing through resolve.c (lex.h), in lua5.4's order, so that errors are lua5.4's, at its lines.
** Nesting of statements and expressions is limited as in lua5.4 (LUAI_MAXCCALLS), so that no input recurses deeply.
*/
#include "lex.h"

#include <stdio.h>
#include <string.h>

/* lua5.4 fails with "C stack overflow" when its C-call count reaches 200; running a file, one call is already
** counted when parsing starts. */
#define MAXLEVELS 199

typedef struct Parser {
  Lexer lx;
  Resolver rs;
  CompileCtx *cx;
  Arena *a;
  int depth;               /* nesting of statements and subexpressions */
} Parser;

static Block *block(Parser *P);
static Expr *expr(Parser *P);
static Expr *subexpr(Parser *P, int limit);
static void statement(Parser *P, Block *b);
static FuncExpr *body(Parser *P, int line, int ismethod, const char *name);

/* --- Helpers --- */

static inline int curtok(const Parser *P) { return P->lx.t.tok; }

static Expr *newexpr(Parser *P, ExprKind kind, int line) {
  Expr *e = arena_alloc(P->a, sizeof *e);
  e->kind = kind;
  e->line = line;
  return e;
}

static Stmt *newstmt(Parser *P, Block *b, StmtKind kind, int line) {
  Stmt *s = arena_alloc(P->a, sizeof *s);
  s->kind = kind;
  s->line = line;
  vec_push(P->a, &b->stmts, s);
  return s;
}

static Expr *strexpr(Parser *P, const char *s, size_t len, int line) {
  Expr *e = newexpr(P, E_STR, line);
  e->u.str.s = s;
  e->u.str.len = len;
  return e;
}

static void next(Parser *P) { lex_next(&P->lx); }

static __attribute__((noreturn)) void error_expected(Parser *P, int tok) {
  char msg[40], t[16];
  snprintf(msg, sizeof msg, "%s expected", lex_token2str(tok, t));
  lex_syntaxerror(&P->lx, msg);
}

static void check(Parser *P, int tok) {
  if (curtok(P) != tok) error_expected(P, tok);
}

static void checknext(Parser *P, int tok) {
  check(P, tok);
  next(P);
}

static int testnext(Parser *P, int tok) {
  if (curtok(P) != tok) return 0;
  next(P);
  return 1;
}

static void check_condition(Parser *P, int ok, const char *msg) {
  if (!ok) lex_syntaxerror(&P->lx, msg);
}

/* Skips the `what` that closes the `who` opened on line `where`. */
static void check_match(Parser *P, int what, int who, int where) {
  if (testnext(P, what)) return;
  if (where == P->lx.line) error_expected(P, what);
  char msg[80], t1[16], t2[16];
  snprintf(msg, sizeof msg, "%s expected (to close %s at line %d)", lex_token2str(what, t1),
           lex_token2str(who, t2), where);
  lex_syntaxerror(&P->lx, msg);
}

static const char *str_checkname(Parser *P) {
  check(P, TK_NAME);
  const char *s = P->lx.t.v.str.s;
  next(P);
  return s;
}

/* Counts one more level of nesting; fails as lua5.4 does (a message without position). */
static void enterlevel(Parser *P) {
  if (++P->depth < MAXLEVELS) return;
  snprintf(P->cx->msg, sizeof P->cx->msg, "C stack overflow");
  longjmp(P->cx->jb, 1);
}

static void leavelevel(Parser *P) { P->depth--; }

static int block_follow(Parser *P, int withuntil) {
  switch (curtok(P)) {
    case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_EOS: return 1;
    case TK_UNTIL: return withuntil;
    default: return 0;
  }
}

static FuncExpr *curfunc(Parser *P) { return P->rs.fs->f; }

/* The name a.b..sep..name, for function names in messages. */
static const char *joinname(Parser *P, const char *a, char sep, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *s = arena_alloc(P->a, na + nb + 2);
  memcpy(s, a, na);
  s[na] = sep;
  memcpy(s + na + 1, b, nb + 1);
  return s;
}

/* --- Expressions --- */

static Vec explist(Parser *P) {
  /* explist -> expr { ',' expr } */
  Vec v = {0};
  vec_push(P->a, &v, expr(P));
  while (testnext(P, ',')) vec_push(P->a, &v, expr(P));
  return v;
}

static Expr *indexexpr(Parser *P, Expr *obj, Expr *key) {
  Expr *e = newexpr(P, E_INDEX, P->lx.lastline);
  e->u.index.obj = obj;
  e->u.index.key = key;
  return e;
}

static Expr *fieldsel(Parser *P, Expr *obj) {
  /* fieldsel -> ['.' | ':'] NAME */
  next(P);
  int line = P->lx.line;
  const char *name = str_checkname(P);
  return indexexpr(P, obj, strexpr(P, name, strlen(name), line));
}

static Expr *yindex(Parser *P) {
  /* yindex -> '[' expr ']' */
  next(P);
  Expr *e = expr(P);
  checknext(P, ']');
  return e;
}

static void recfield(Parser *P, TableField *f) {
  /* recfield -> (NAME | '[' expr ']') '=' expr */
  if (curtok(P) == TK_NAME) {
    int line = P->lx.line;
    const char *name = str_checkname(P);
    f->kind = TF_NAMED;
    f->key = strexpr(P, name, strlen(name), line);
  } else {
    f->kind = TF_KEYED;
    f->key = yindex(P);
  }
  checknext(P, '=');
  f->val = expr(P);
}

static void field(Parser *P, Vec *fields) {
  /* field -> listfield | recfield ;  listfield -> expr */
  TableField *f = arena_alloc(P->a, sizeof *f);
  f->line = P->lx.line;
  if (curtok(P) == '[' || (curtok(P) == TK_NAME && lex_lookahead(&P->lx) == '=')) {
    recfield(P, f);
  } else {
    f->kind = TF_POS;
    f->val = expr(P);
  }
  vec_push(P->a, fields, f);
}

static Expr *constructor(Parser *P) {
  /* constructor -> '{' [ field { sep field } [sep] ] '}' ;  sep -> ',' | ';' */
  int line = P->lx.line;
  Expr *e = newexpr(P, E_TABLE, line);
  checknext(P, '{');
  while (curtok(P) != '}') {
    field(P, &e->u.fields);
    if (!testnext(P, ',') && !testnext(P, ';')) break;
  }
  check_match(P, '}', '{', line);
  return e;
}

static void parlist(Parser *P, FuncExpr *f) {
  /* parlist -> [ {NAME ','} (NAME | '...') ] */
  int n = 0;
  if (curtok(P) != ')') {
    do {
      if (curtok(P) == TK_NAME) {
        int line = P->lx.line;
        vec_push(P->a, &f->params, res_new_local(&P->rs, str_checkname(P), line));
        n++;
      } else if (curtok(P) == TK_DOTS) {
        next(P);
        f->isvararg = 1;
      } else {
        lex_syntaxerror(&P->lx, "<name> or '...' expected");
      }
    } while (!f->isvararg && testnext(P, ','));
  }
  res_activate(&P->rs, n);
}

/* Reads the statements of a function's body or of a block into b, up to what follows them. */
static void statlist(Parser *P, Block *b);

static FuncExpr *body(Parser *P, int line, int ismethod, const char *name) {
  /* body -> '(' parlist ')' block END */
  FuncExpr *f = arena_alloc(P->a, sizeof *f);
  ResFunc fs;
  ResBlock bl;
  f->name = name;
  f->line = line;
  res_open_func(&P->rs, &fs, &bl, f);
  f->spos = P->lx.t.pos;
  f->sline = P->lx.line;
  checknext(P, '(');
  if (ismethod) {
    f->ismethod = 1;
    vec_push(P->a, &f->params, res_new_local(&P->rs, lex_intern(&P->lx, "self", 4), line));
    res_activate(&P->rs, 1);
  }
  parlist(P, f);
  f->nparams = f->params.n;
  checknext(P, ')');
  f->body = arena_alloc(P->a, sizeof *f->body);
  f->body->line = P->lx.line;
  statlist(P, f->body);
  f->lastline = f->body->lastline = P->lx.line;
  f->send = P->lx.t.pos + 3;   /* past 'end' (or an error just below) */
  check_match(P, TK_END, TK_FUNCTION, line);
  res_close_func(&P->rs);
  return f;
}

static Expr *funcargs(Parser *P, Expr *call, int line) {
  /* funcargs -> '(' [ explist ] ')' | constructor | STRING */
  switch (curtok(P)) {
    case '(':
      next(P);
      if (curtok(P) != ')') call->u.call.args = explist(P);
      check_match(P, ')', '(', line);
      break;
    case '{':
      vec_push(P->a, &call->u.call.args, constructor(P));
      break;
    case TK_STRING:
      vec_push(P->a, &call->u.call.args, strexpr(P, P->lx.t.v.str.s, P->lx.t.v.str.len, P->lx.line));
      next(P);
      break;
    default:
      lex_syntaxerror(&P->lx, "function arguments expected");
  }
  return call;
}

static Expr *primaryexp(Parser *P) {
  /* primaryexp -> NAME | '(' expr ')' */
  int line = P->lx.line;
  switch (curtok(P)) {
    case TK_NAME:
      return res_name(&P->rs, str_checkname(P), line);
    case '(': {
      next(P);
      Expr *e = newexpr(P, E_PAREN, line);
      e->u.paren = expr(P);
      check_match(P, ')', '(', line);
      return e;
    }
    default:
      lex_syntaxerror(&P->lx, "unexpected symbol");
  }
}

static Expr *suffixedexp(Parser *P) {
  /* suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs } */
  int line = P->lx.line;
  Expr *e = primaryexp(P);
  for (;;) {
    switch (curtok(P)) {
      case '.':
        e = fieldsel(P, e);
        break;
      case '[': {
        Expr *k = yindex(P);
        e = indexexpr(P, e, k);
        break;
      }
      case ':': {
        next(P);
        Expr *c = newexpr(P, E_METHCALL, line);
        c->u.call.method = str_checkname(P);
        c->u.call.fn = e;
        e = funcargs(P, c, line);
        break;
      }
      case '(': case TK_STRING: case '{': {
        Expr *c = newexpr(P, E_CALL, line);
        c->u.call.fn = e;
        e = funcargs(P, c, line);
        break;
      }
      default:
        return e;
    }
  }
}

static Expr *simpleexp(Parser *P) {
  /* simpleexp -> FLT | INT | STRING | NIL | TRUE | FALSE | '...' | constructor | FUNCTION body | suffixedexp */
  int line = P->lx.line;
  Expr *e;
  switch (curtok(P)) {
    case TK_FLT: e = newexpr(P, E_FLT, line); e->u.f = P->lx.t.v.f; break;
    case TK_INT: e = newexpr(P, E_INT, line); e->u.i = P->lx.t.v.i; break;
    case TK_STRING: e = strexpr(P, P->lx.t.v.str.s, P->lx.t.v.str.len, line); break;
    case TK_NIL: e = newexpr(P, E_NIL, line); break;
    case TK_TRUE: e = newexpr(P, E_TRUE, line); break;
    case TK_FALSE: e = newexpr(P, E_FALSE, line); break;
    case TK_DOTS:
      check_condition(P, curfunc(P)->isvararg, "cannot use '...' outside a vararg function");
      e = newexpr(P, E_VARARG, line);
      break;
    case '{': return constructor(P);
    case TK_FUNCTION:
      next(P);
      e = newexpr(P, E_FUNC, line);
      e->u.func = body(P, P->lx.line, 0, "anonymous");
      return e;
    default: return suffixedexp(P);
  }
  next(P);
  return e;
}

/* Unary operator of token t, or -1. */
static int getunopr(int t) {
  switch (t) {
    case TK_NOT: return OP_NOT;
    case '-': return OP_NEG;
    case '~': return OP_BNOT;
    case '#': return OP_LEN;
    default: return -1;
  }
}

/* Binary operators: BinOp values, then these two. */
enum { OPX_AND = OP_GE + 1, OPX_OR };

static int getbinopr(int t) {
  switch (t) {
    case '+': return OP_ADD;
    case '-': return OP_SUB;
    case '*': return OP_MUL;
    case '%': return OP_MOD;
    case '^': return OP_POW;
    case '/': return OP_DIV;
    case TK_IDIV: return OP_IDIV;
    case '&': return OP_BAND;
    case '|': return OP_BOR;
    case '~': return OP_BXOR;
    case TK_SHL: return OP_SHL;
    case TK_SHR: return OP_SHR;
    case TK_CONCAT: return OP_CONCAT;
    case TK_EQ: return OP_EQ;
    case TK_NE: return OP_NE;
    case '<': return OP_LT;
    case TK_LE: return OP_LE;
    case '>': return OP_GT;
    case TK_GE: return OP_GE;
    case TK_AND: return OPX_AND;
    case TK_OR: return OPX_OR;
    default: return -1;
  }
}

/* Left and right priorities of the binary operators, indexed as getbinopr numbers them ('..' and '^' are right
** associative: their right priority is lower). */
static const struct { unsigned char left, right; } priority[] = {
  {10, 10}, {10, 10},                       /* + - */
  {11, 11}, {11, 11},                       /* * % */
  {14, 13},                                 /* ^ */
  {11, 11}, {11, 11},                       /* / // */
  {6, 6}, {4, 4}, {5, 5},                   /* & | ~ */
  {7, 7}, {7, 7},                           /* << >> */
  {9, 8},                                   /* .. */
  {3, 3}, {3, 3}, {3, 3}, {3, 3}, {3, 3}, {3, 3},  /* == ~= < <= > >= */
  {2, 2}, {1, 1}                            /* and or */
};

#define UNARY_PRIORITY 12  /* above every binary operator but '^' */

static Expr *binexpr(Parser *P, int op, Expr *a, Expr *b, int line) {
  Expr *e;
  if (op == OPX_AND || op == OPX_OR) {
    e = newexpr(P, op == OPX_AND ? E_AND : E_OR, line);
  } else {
    e = newexpr(P, E_BINOP, line);
    e->u.bin.op = op;
  }
  e->u.bin.a = a;
  e->u.bin.b = b;
  return e;
}

static Expr *subexpr(Parser *P, int limit) {
  /* subexpr -> (simpleexp | unop subexpr) { binop subexpr }
  ** where a binop is read only if its left priority is above `limit`. */
  Expr *e;
  enterlevel(P);
  int uop = getunopr(curtok(P));
  if (uop >= 0) {
    int line = P->lx.line;
    next(P);
    Expr *a = subexpr(P, UNARY_PRIORITY);
    e = newexpr(P, E_UNOP, line);
    e->u.un.op = uop;
    e->u.un.a = a;
  } else {
    e = simpleexp(P);
  }
  int op = getbinopr(curtok(P));
  while (op >= 0 && priority[op].left > limit) {
    int line = P->lx.line;
    next(P);
    Expr *b = subexpr(P, priority[op].right);
    e = binexpr(P, op, e, b, line);
    op = getbinopr(curtok(P));
  }
  leavelevel(P);
  return e;
}

/* expr -> subexpr */
static Expr *expr(Parser *P) { return subexpr(P, 0); }

/* --- Statements --- */

static void statlist(Parser *P, Block *b) {
  /* statlist -> { stat [';'] } */
  while (!block_follow(P, 1)) {
    if (curtok(P) == TK_RETURN) {
      statement(P, b);
      break;               /* 'return' must be the last statement */
    }
    statement(P, b);
  }
  b->lastline = P->lx.line;
  b->closeline = P->lx.lastline;
}

static Block *block(Parser *P) {
  /* block -> statlist */
  ResBlock bl;
  Block *b = arena_alloc(P->a, sizeof *b);
  b->line = P->lx.line;
  res_enter_block(&P->rs, &bl, 0);
  statlist(P, b);
  res_leave_block(&P->rs);
  return b;
}

static void restassign(Parser *P, Stmt *s, Expr *target) {
  /* assignment -> suffixedexp { ',' suffixedexp } '=' explist
  ** The first target is read; lua5.4 reads the others recursively, which counts as nesting. */
  int levels = 0;
  for (;;) {
    ExprKind k = target->kind;
    check_condition(P, k == E_LOCAL || k == E_UPVAL || k == E_GLOBAL || k == E_INDEX, "syntax error");
    res_assign(&P->rs, target);
    vec_push(P->a, &s->u.assign.targets, target);
    if (!testnext(P, ',')) break;
    target = suffixedexp(P);
    enterlevel(P);
    levels++;
  }
  checknext(P, '=');
  s->u.assign.exprs = explist(P);
  P->depth -= levels;
}

static void exprstat(Parser *P, Block *b, int line) {
  /* exprstat -> func | assignment */
  Expr *e = suffixedexp(P);
  if (curtok(P) == '=' || curtok(P) == ',') {
    restassign(P, newstmt(P, b, S_ASSIGN, line), e);
  } else {
    check_condition(P, e->kind == E_CALL || e->kind == E_METHCALL, "syntax error");
    newstmt(P, b, S_CALL, line)->u.call = e;
  }
}

static void test_then_block(Parser *P, Stmt *s) {
  /* test_then_block -> [IF | ELSEIF] cond THEN block */
  next(P);
  vec_push(P->a, &s->u.ifs.conds, expr(P));
  checknext(P, TK_THEN);
  vec_push(P->a, &s->u.ifs.blocks, block(P));
}

static void ifstat(Parser *P, Block *b, int line) {
  /* ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END */
  Stmt *s = newstmt(P, b, S_IF, line);
  test_then_block(P, s);
  while (curtok(P) == TK_ELSEIF) test_then_block(P, s);
  if (testnext(P, TK_ELSE)) s->u.ifs.els = block(P);
  check_match(P, TK_END, TK_IF, line);
}

static void whilestat(Parser *P, Block *b, int line) {
  /* whilestat -> WHILE cond DO block END */
  ResBlock bl;
  Stmt *s = newstmt(P, b, S_WHILE, line);
  next(P);
  s->u.loop.cond = expr(P);
  res_enter_block(&P->rs, &bl, 1);
  checknext(P, TK_DO);
  s->u.loop.body = block(P);
  check_match(P, TK_END, TK_WHILE, line);
  res_leave_block(&P->rs);
}

static void repeatstat(Parser *P, Block *b, int line) {
  /* repeatstat -> REPEAT block UNTIL cond  (cond sees the block's locals) */
  ResBlock loop, scope;
  Stmt *s = newstmt(P, b, S_REPEAT, line);
  Block *body = arena_alloc(P->a, sizeof *body);
  res_enter_block(&P->rs, &loop, 1);
  res_enter_block(&P->rs, &scope, 0);
  next(P);
  body->line = P->lx.line;
  statlist(P, body);
  check_match(P, TK_UNTIL, TK_REPEAT, line);
  s->u.loop.body = body;
  s->u.loop.cond = expr(P);
  res_leave_block(&P->rs);
  res_leave_block(&P->rs);
}

static Block *forbody(Parser *P, int nvars) {
  /* forbody -> DO block  (the first `nvars` pending locals are the loop's variables) */
  ResBlock bl;
  checknext(P, TK_DO);
  res_enter_block(&P->rs, &bl, 0);
  res_activate(&P->rs, nvars);
  Block *body = block(P);
  res_leave_block(&P->rs);
  return body;
}

static void fornum(Parser *P, Stmt *s, const char *name, int line) {
  /* fornum -> NAME '=' exp ',' exp [',' exp] forbody */
  for (int i = 0; i < 3; i++) res_new_hidden(&P->rs);
  s->kind = S_NUMFOR;
  s->u.numfor.var = res_new_local(&P->rs, name, line);
  checknext(P, '=');
  s->u.numfor.start = expr(P);
  checknext(P, ',');
  s->u.numfor.limit = expr(P);
  if (testnext(P, ',')) s->u.numfor.step = expr(P);
  res_activate(&P->rs, 3);
  s->u.numfor.doline = P->lx.line;         /* of 'do', if it is there: lua5.4's FORPREP line */
  s->u.numfor.body = forbody(P, 1);
}

static void forlist(Parser *P, Stmt *s, const char *name, int line) {
  /* forlist -> NAME {',' NAME} IN explist forbody */
  for (int i = 0; i < 4; i++) res_new_hidden(&P->rs);
  s->kind = S_GENFOR;
  vec_push(P->a, &s->u.genfor.vars, res_new_local(&P->rs, name, line));
  while (testnext(P, ',')) {
    int vline = P->lx.line;
    vec_push(P->a, &s->u.genfor.vars, res_new_local(&P->rs, str_checkname(P), vline));
  }
  checknext(P, TK_IN);
  s->u.genfor.doline = P->lx.line;         /* of the token after 'in': lua5.4's line for the iterator call */
  s->u.genfor.exprs = explist(P);
  res_activate(&P->rs, 4);
  s->u.genfor.prepline = P->lx.line;       /* of 'do', if it is there */
  s->u.genfor.body = forbody(P, s->u.genfor.vars.n);
}

static void forstat(Parser *P, Block *b, int line) {
  /* forstat -> FOR (fornum | forlist) END */
  ResBlock bl;
  Stmt *s = newstmt(P, b, S_NUMFOR, line);
  res_enter_block(&P->rs, &bl, 1);
  next(P);
  int vline = P->lx.line;
  const char *name = str_checkname(P);
  switch (curtok(P)) {
    case '=': fornum(P, s, name, vline); break;
    case ',': case TK_IN: forlist(P, s, name, vline); break;
    default: lex_syntaxerror(&P->lx, "'=' or 'in' expected");
  }
  check_match(P, TK_END, TK_FOR, line);
  res_leave_block(&P->rs);
}

static void funcstat(Parser *P, Block *b, int line) {
  /* funcstat -> FUNCTION funcname body ;  funcname -> NAME {'.' NAME} [':' NAME] */
  Stmt *s = newstmt(P, b, S_FUNC, line);
  next(P);
  int nline = P->lx.line;
  const char *name = str_checkname(P);
  Expr *target = res_name(&P->rs, name, nline);
  int ismethod = 0;
  while (curtok(P) == '.') {
    target = fieldsel(P, target);
    name = joinname(P, name, '.', target->u.index.key->u.str.s);
  }
  if (curtok(P) == ':') {
    ismethod = 1;
    target = fieldsel(P, target);
    name = joinname(P, name, ':', target->u.index.key->u.str.s);
  }
  s->u.func.target = target;
  s->u.func.func = body(P, line, ismethod, name);
  res_assign(&P->rs, target);
}

static void localfunc(Parser *P, Block *b, int line) {
  /* localfunc -> NAME body  (the name is visible in the body) */
  Stmt *s = newstmt(P, b, S_LOCALFUNC, line);
  int vline = P->lx.line;
  LocalVar *v = res_new_local(&P->rs, str_checkname(P), vline);
  res_activate(&P->rs, 1);
  s->u.localfunc.var = v;
  s->u.localfunc.func = body(P, P->lx.line, 0, v->name);
}

static int getlocalattribute(Parser *P) {
  /* attrib -> ['<' NAME '>'] */
  if (!testnext(P, '<')) return ATTR_NONE;
  const char *attr = str_checkname(P);
  checknext(P, '>');
  if (strcmp(attr, "const") == 0) return ATTR_CONST;
  if (strcmp(attr, "close") == 0) return ATTR_CLOSE;
  char msg[300];
  snprintf(msg, sizeof msg, "unknown attribute '%s'", attr);
  lex_error(&P->lx, msg, 0);
}

static void localstat(Parser *P, Block *b, int line) {
  /* localstat -> LOCAL NAME attrib { ',' NAME attrib } ['=' explist] */
  Stmt *s = newstmt(P, b, S_LOCAL, line);
  int hasclose = 0;
  do {
    int vline = P->lx.line;
    LocalVar *v = res_new_local(&P->rs, str_checkname(P), vline);
    v->attrib = getlocalattribute(P);
    if (v->attrib == ATTR_CLOSE) {
      if (hasclose) lex_error(&P->lx, "multiple to-be-closed variables in local list", 0);
      hasclose = 1;
    }
    vec_push(P->a, &s->u.local.vars, v);
  } while (testnext(P, ','));
  if (testnext(P, '=')) s->u.local.exprs = explist(P);
  res_activate(&P->rs, s->u.local.vars.n);
}

static void retstat(Parser *P, Block *b, int line) {
  /* retstat -> RETURN [explist] [';'] */
  Stmt *s = newstmt(P, b, S_RETURN, line);
  next(P);
  if (!block_follow(P, 1) && curtok(P) != ';') s->u.ret.exprs = explist(P);
  testnext(P, ';');
}

static void labelstat(Parser *P, Block *b, int line) {
  /* label -> '::' NAME '::'
  ** Void statements after it (';' and other labels) are read first, as lua5.4 does: they decide whether the label
  ** ends its block. */
  Stmt *s = newstmt(P, b, S_LABEL, line);
  next(P);
  const char *name = str_checkname(P);
  s->u.go.label = name;
  checknext(P, TK_DBCOLON);
  while (curtok(P) == ';' || curtok(P) == TK_DBCOLON) statement(P, b);
  s->u.go.last = block_follow(P, 0);
  res_label(&P->rs, name, line, s->u.go.last);
}

static void gotostat(Parser *P, Block *b, int line) {
  /* gotostat -> GOTO NAME */
  Stmt *s = newstmt(P, b, S_GOTO, line);
  next(P);
  int nline = P->lx.line;
  s->u.go.label = str_checkname(P);
  res_goto(&P->rs, s->u.go.label, nline);
}

static void breakstat(Parser *P, Block *b, int line) {
  /* breakstat -> BREAK */
  newstmt(P, b, S_BREAK, line);
  next(P);
  res_break(&P->rs, line);
}

static void dostat(Parser *P, Block *b, int line) {
  /* dostat -> DO block END */
  Stmt *s = newstmt(P, b, S_DO, line);
  next(P);
  s->u.block = block(P);
  check_match(P, TK_END, TK_DO, line);
}

static void statement(Parser *P, Block *b) {
  /* statement -> ';' | ifstat | whilestat | dostat | forstat | repeatstat | funcstat | localstat | localfunc
  **            | label | retstat | breakstat | gotostat | exprstat */
  int line = P->lx.line, first = b->stmts.n;
  enterlevel(P);
  switch (curtok(P)) {
    case ';': next(P); break;
    case TK_IF: ifstat(P, b, line); break;
    case TK_WHILE: whilestat(P, b, line); break;
    case TK_DO: dostat(P, b, line); break;
    case TK_FOR: forstat(P, b, line); break;
    case TK_REPEAT: repeatstat(P, b, line); break;
    case TK_FUNCTION: funcstat(P, b, line); break;
    case TK_LOCAL:
      next(P);
      if (testnext(P, TK_FUNCTION)) localfunc(P, b, line);
      else localstat(P, b, line);
      break;
    case TK_DBCOLON: labelstat(P, b, line); break;
    case TK_RETURN: retstat(P, b, line); break;
    case TK_BREAK: breakstat(P, b, line); break;
    case TK_GOTO: gotostat(P, b, line); break;
    default: exprstat(P, b, line); break;
  }
  if (b->stmts.n > first) ((Stmt *)b->stmts.v[first])->endline = P->lx.lastline;
  leavelevel(P);
}

static FuncExpr *mainfunc(Parser *P) {
  /* mainfunc -> statlist EOS  (a vararg function with the local _ENV) */
  FuncExpr *f = arena_alloc(P->a, sizeof *f);
  ResFunc fs;
  ResBlock bl;
  f->name = "main chunk";
  f->isvararg = 1;
  res_open_func(&P->rs, &fs, &bl, f);
  f->env = res_new_local(&P->rs, P->rs.envname, 0);
  res_activate(&P->rs, 1);
  f->spos = (size_t)(P->lx.p - P->lx.src) - (P->lx.cur >= 0);   /* past a '#' line */
  f->send = (size_t)(P->lx.end - P->lx.src);
  f->sline = P->lx.line;
  next(P);
  f->body = arena_alloc(P->a, sizeof *f->body);
  f->body->line = P->lx.line;
  statlist(P, f->body);
  check(P, TK_EOS);
  f->lastline = P->lx.line;
  res_close_func(&P->rs);
  return f;
}

static FuncExpr *parse(CompileCtx *cx, const char *src, size_t len, int isfile) {
  Parser P;
  memset(&P, 0, sizeof P);
  P.cx = cx;
  P.a = cx->arena;
  lex_init(&P.lx, cx, src, len, isfile);
  res_init(&P.rs, &P.lx);
  return mainfunc(&P);
}

FuncExpr *parse_chunk(CompileCtx *cx, const char *src, size_t len) { return parse(cx, src, len, 1); }

FuncExpr *parse_string(CompileCtx *cx, const char *src, size_t len) { return parse(cx, src, len, 0); }
