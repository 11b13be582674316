/* test_front.c: driver of the front end (lex, parse, resolve) for tests: parses a Lua file and prints its resolved
** AST as S-expressions, or the compile error as lua5.4 words it (without the program name).
**
** usage: test_front [-q] [-t N] [-n chunkname] file.lua
**        test_front -b [-n chunkname] files...
**   -q    print nothing on success (exit status 0; 1 on a compile error)
**   -t N  parse N times and print the time per parse
**   -b    batch: for each file, one line "file<TAB>OK" or "file<TAB>message"; files are parsed as load()
**         strings (a first line starting with '#' is not skipped)
*/
#include "../../compiler/ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void dumpexpr(const Expr *e, int depth);
static void dumpblock(const Block *b, int depth);

static const char *const binops[] = {"+", "-", "*", "%", "^", "/", "//", "&", "|", "~", "<<", ">>",
                                     "..", "==", "~=", "<", "<=", ">", ">="};
static const char *const unops[] = {"neg", "bnot", "not", "len"};

static void indent(int depth) { printf("\n%*s", 2 * depth, ""); }

static void dumpstr(const char *s, size_t n) {
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c >= 0x20 && c < 0x7f) putchar(c);
    else printf("\\%03d", c);
  }
  putchar('"');
}

static void dumpvar(const LocalVar *v) {
  static const char *const attr[] = {"", "<const>", "<close>"};
  printf("%s#%d%s%s%s", v->name, v->index, attr[v->attrib], v->captured ? "^" : "", v->assigned ? "=" : "");
}

static void dumpvec(const Vec *v, int depth) {
  for (int i = 0; i < v->n; i++) {
    putchar(' ');
    dumpexpr(v->v[i], depth);
  }
}

static void dumpfunc(const FuncExpr *f, int depth) {
  printf("(function %d \"%s\" %d-%d%s%s (", f->id, f->name, f->line, f->lastline, f->isvararg ? " vararg" : "",
         f->ismethod ? " method" : "");
  for (int i = 0; i < f->params.n; i++) {
    if (i) putchar(' ');
    dumpvar(f->params.v[i]);
  }
  printf(") upvals(");
  for (int i = 0; i < f->upvals.n; i++) {
    const UpvalDesc *u = f->upvals.v[i];
    printf("%s%s:%s%d", i ? " " : "", u->name, u->instack ? "local" : "up", u->index);
  }
  printf(") nlocals %d", f->locals.n);
  dumpblock(f->body, depth + 1);
  putchar(')');
}

static void dumpname(const Expr *e, int depth) {
  switch (e->kind) {
    case E_LOCAL: printf("(local "); dumpvar(e->u.name.var); putchar(')'); break;
    case E_UPVAL: printf("(upval %s %d)", e->u.name.name, e->u.name.up); break;
    case E_GLOBAL: printf("(global %s ", e->u.name.name); dumpexpr(e->u.name.env, depth); putchar(')'); break;
    default: printf("(name %s)", e->u.name.name); break;
  }
}

static void dumptable(const Expr *e, int depth) {
  printf("(table");
  for (int i = 0; i < e->u.fields.n; i++) {
    const TableField *f = e->u.fields.v[i];
    putchar(' ');
    if (f->kind == TF_POS) {
      dumpexpr(f->val, depth);
      continue;
    }
    putchar('[');
    dumpexpr(f->key, depth);
    printf("]=");
    dumpexpr(f->val, depth);
  }
  putchar(')');
}

static void dumpexpr(const Expr *e, int depth) {
  switch (e->kind) {
    case E_NIL: printf("nil"); break;
    case E_TRUE: printf("true"); break;
    case E_FALSE: printf("false"); break;
    case E_INT: printf("%lld", e->u.i); break;
    case E_FLT: printf("%.17g", e->u.f); break;
    case E_STR: dumpstr(e->u.str.s, e->u.str.len); break;
    case E_VARARG: printf("..."); break;
    case E_FUNC: indent(depth); dumpfunc(e->u.func, depth); break;
    case E_TABLE: dumptable(e, depth); break;
    case E_BINOP: case E_AND: case E_OR:
      printf("(%s ", e->kind == E_AND ? "and" : e->kind == E_OR ? "or" : binops[e->u.bin.op]);
      dumpexpr(e->u.bin.a, depth);
      putchar(' ');
      dumpexpr(e->u.bin.b, depth);
      putchar(')');
      break;
    case E_UNOP: printf("(%s ", unops[e->u.un.op]); dumpexpr(e->u.un.a, depth); putchar(')'); break;
    case E_NAME: case E_LOCAL: case E_UPVAL: case E_GLOBAL: dumpname(e, depth); break;
    case E_INDEX:
      printf("(index ");
      dumpexpr(e->u.index.obj, depth);
      putchar(' ');
      dumpexpr(e->u.index.key, depth);
      putchar(')');
      break;
    case E_CALL: case E_METHCALL:
      printf("(%s@%d ", e->kind == E_CALL ? "call" : "method", e->line);
      dumpexpr(e->u.call.fn, depth);
      if (e->u.call.method) printf(" :%s", e->u.call.method);
      dumpvec(&e->u.call.args, depth);
      putchar(')');
      break;
    case E_PAREN: printf("(paren "); dumpexpr(e->u.paren, depth); putchar(')'); break;
  }
}

static void dumpvars(const Vec *v) {
  for (int i = 0; i < v->n; i++) {
    putchar(' ');
    dumpvar(v->v[i]);
  }
}

static void dumpstmt(const Stmt *s, int depth) {
  indent(depth);
  printf("%d: ", s->line);
  switch (s->kind) {
    case S_LOCAL: printf("(local"); dumpvars(&s->u.local.vars); printf(" ="); dumpvec(&s->u.local.exprs, depth); break;
    case S_ASSIGN:
      printf("(assign");
      dumpvec(&s->u.assign.targets, depth);
      printf(" =");
      dumpvec(&s->u.assign.exprs, depth);
      break;
    case S_CALL: printf("(callstat "); dumpexpr(s->u.call, depth); break;
    case S_DO: printf("(do"); dumpblock(s->u.block, depth + 1); break;
    case S_WHILE: case S_REPEAT:
      printf("(%s ", s->kind == S_WHILE ? "while" : "repeat");
      dumpexpr(s->u.loop.cond, depth);
      dumpblock(s->u.loop.body, depth + 1);
      break;
    case S_IF:
      printf("(if");
      for (int i = 0; i < s->u.ifs.conds.n; i++) {
        putchar(' ');
        dumpexpr(s->u.ifs.conds.v[i], depth);
        dumpblock(s->u.ifs.blocks.v[i], depth + 1);
      }
      if (s->u.ifs.els) {
        printf(" else");
        dumpblock(s->u.ifs.els, depth + 1);
      }
      break;
    case S_NUMFOR:
      printf("(fornum ");
      dumpvar(s->u.numfor.var);
      putchar(' ');
      dumpexpr(s->u.numfor.start, depth);
      putchar(' ');
      dumpexpr(s->u.numfor.limit, depth);
      if (s->u.numfor.step) putchar(' '), dumpexpr(s->u.numfor.step, depth);
      dumpblock(s->u.numfor.body, depth + 1);
      break;
    case S_GENFOR:
      printf("(forin");
      dumpvars(&s->u.genfor.vars);
      printf(" in");
      dumpvec(&s->u.genfor.exprs, depth);
      dumpblock(s->u.genfor.body, depth + 1);
      break;
    case S_FUNC: printf("(funcstat "); dumpexpr(s->u.func.target, depth); indent(depth + 1);
      dumpfunc(s->u.func.func, depth + 1); break;
    case S_LOCALFUNC: printf("(localfunc "); dumpvar(s->u.localfunc.var); indent(depth + 1);
      dumpfunc(s->u.localfunc.func, depth + 1); break;
    case S_RETURN: printf("(return"); dumpvec(&s->u.ret.exprs, depth); break;
    case S_BREAK: printf("(break"); break;
    case S_GOTO: printf("(goto %s", s->u.go.label); break;
    case S_LABEL: printf("(label %s", s->u.go.label); break;
  }
  putchar(')');
}

static void dumpblock(const Block *b, int depth) {
  printf(" [%d-%d]", b->line, b->lastline);
  for (int i = 0; i < b->stmts.n; i++) dumpstmt(b->stmts.v[i], depth);
}

static char *readfile(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  size_t cap = 1 << 16, n = 0;
  char *s = malloc(cap);
  size_t k;
  while ((k = fread(s + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) s = realloc(s, cap *= 2);
  }
  fclose(f);
  *len = n;
  return s;
}

/* Parses and resolves src; returns the main function or NULL with the message in cx->msg. */
static FuncExpr *compile(CompileCtx *cx, const char *src, size_t len, int isstring) {
  if (setjmp(cx->jb)) return NULL;
  FuncExpr *f = isstring ? parse_string(cx, src, len) : parse_chunk(cx, src, len);
  res_chunk(cx, f);
  return f;
}

/* One line per file: its name, a tab, then OK or the error message (newlines shown as \n). */
static int batch(int n, char **files, const char *name) {
  for (int i = 0; i < n; i++) {
    size_t len;
    char *src = readfile(files[i], &len);
    Arena arena = {0};
    CompileCtx cx;
    memset(&cx, 0, sizeof cx);
    cx.arena = &arena;
    cx.chunkname = name ? name : files[i];
    FuncExpr *f = compile(&cx, src, len, 1);
    printf("%s\t", files[i]);
    for (const char *p = f ? "OK" : cx.msg; *p; p++) {
      if (*p == '\n') printf("\\n");
      else putchar(*p);
    }
    putchar('\n');
    arena_free(&arena);
    free(src);
  }
  return 0;
}

int main(int argc, char **argv) {
  int quiet = 0, times = 0;
  if (argc > 1 && strcmp(argv[1], "-b") == 0) {
    if (argc > 3 && strcmp(argv[2], "-n") == 0) return batch(argc - 4, argv + 4, argv[3]);
    return batch(argc - 2, argv + 2, NULL);
  }
  const char *name = NULL;
  int i = 1;
  for (; i < argc - 1; i++) {
    if (strcmp(argv[i], "-q") == 0) quiet = 1;
    else if (strcmp(argv[i], "-t") == 0) times = atoi(argv[++i]);
    else if (strcmp(argv[i], "-n") == 0) name = argv[++i];
  }
  if (i != argc - 1) {
    fprintf(stderr, "usage: test_front [-q] [-t N] [-n chunkname] file.lua\n");
    return 2;
  }
  size_t len;
  char *src = readfile(argv[i], &len);
  Arena arena = {0};
  CompileCtx cx;
  memset(&cx, 0, sizeof cx);
  cx.arena = &arena;
  cx.chunkname = name ? name : argv[i];
  if (times > 0) {
    clock_t t0 = clock();
    for (int k = 0; k < times; k++) {
      compile(&cx, src, len, 0);
      arena_free(&arena);
    }
    printf("%.3f ms per parse\n", 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC / times);
  }
  FuncExpr *f = compile(&cx, src, len, 0);
  int rc = 0;
  if (!f) {
    printf("%s\n", cx.msg);
    rc = 1;
  } else if (!quiet) {
    dumpfunc(f, 0);
    putchar('\n');
  }
  arena_free(&arena);
  free(src);
  return rc;
}
