/* test_ir.c: unit test of irbuild, verify and emit on hand-built ASTs, independent of the parser (tests layer).
** Checks properties of the generated C (direct calls, self tail calls as loops, ...), not its exact text.
** Build (from the repo root): cc -std=c11 -Icompiler -Iruntime tests/unit/test_ir.c \
**   compiler/{ir,irbuild,irbuild_stmt,irbuild_expr,verify,emit,emit_plan,common}.c -o test_ir
** Usage: test_ir [-v]   (-v: print the IR and the C to stderr); exit status 1 if a check fails. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "ir.h"
#include "ir_astkit.h"

/* local function fib(n)            -- 1
**   if n < 2 then return n end     -- 2
**   return fib(n-1) + fib(n-2)     -- 3
** end                              -- 4
** print(fib(20))                   -- 5 */
static FuncExpr *prog_fib(void) {
  FuncExpr *m = kit_main();
  LocalVar *fibv = kit_local(m, "fib", 1);
  FuncExpr *f = kit_func("fib", 1, m);
  f->lastline = 4;
  LocalVar *n = kit_param(f, "n");
  int up = kit_upval(f, "fib", 1, fibv, 0);
  Stmt *s = kit_stmt(m->body, S_LOCALFUNC, 1);
  s->u.localfunc.var = fibv;
  s->u.localfunc.func = f;
  Stmt *iff = kit_stmt(f->body, S_IF, 2);
  vec_push(&kit_arena, &iff->u.ifs.conds, kit_bin(OP_LT, kit_localref(n, 2), kit_int(2, 2), 2));
  Block *then = kit_block(2);
  Stmt *r = kit_stmt(then, S_RETURN, 2);
  vec_push(&kit_arena, &r->u.ret.exprs, kit_localref(n, 2));
  vec_push(&kit_arena, &iff->u.ifs.blocks, then);
  Expr *a1[] = {kit_bin(OP_SUB, kit_localref(n, 3), kit_int(1, 3), 3)};
  Expr *a2[] = {kit_bin(OP_SUB, kit_localref(n, 3), kit_int(2, 3), 3)};
  Expr *sum = kit_bin(OP_ADD, kit_call(kit_upref(f, up, 3), 3, 1, a1), kit_call(kit_upref(f, up, 3), 3, 1, a2), 3);
  r = kit_stmt(f->body, S_RETURN, 3);
  vec_push(&kit_arena, &r->u.ret.exprs, sum);
  Expr *a3[] = {kit_int(20, 5)};
  Expr *a4[] = {kit_call(kit_localref(fibv, 5), 5, 1, a3)};
  s = kit_stmt(m->body, S_CALL, 5);
  s->u.call = kit_call(kit_global("print", kit_localref(m->env, 5), 5), 5, 1, a4);
  m->lastline = 5;
  return m;
}

/* local function loop(n, acc)                      -- 1
**   if n == 0 then return acc end                   -- 2
**   return loop(n - 1, acc + 1)                     -- 3
** end
** local a, b = 1, 2                                 -- 5
** while a < 100 do a, b = b, a + b end              -- 6
** print(loop(1000000, 0), a, b, ...)                -- 7 */
static FuncExpr *prog_loops(void) {
  FuncExpr *m = kit_main();
  LocalVar *loopv = kit_local(m, "loop", 1);
  FuncExpr *f = kit_func("loop", 1, m);
  LocalVar *n = kit_param(f, "n"), *acc = kit_param(f, "acc");
  int up = kit_upval(f, "loop", 1, loopv, 0);
  Stmt *s = kit_stmt(m->body, S_LOCALFUNC, 1);
  s->u.localfunc.var = loopv;
  s->u.localfunc.func = f;
  Stmt *iff = kit_stmt(f->body, S_IF, 2);
  vec_push(&kit_arena, &iff->u.ifs.conds, kit_bin(OP_EQ, kit_localref(n, 2), kit_int(0, 2), 2));
  Block *then = kit_block(2);
  Stmt *r = kit_stmt(then, S_RETURN, 2);
  vec_push(&kit_arena, &r->u.ret.exprs, kit_localref(acc, 2));
  vec_push(&kit_arena, &iff->u.ifs.blocks, then);
  Expr *args[] = {kit_bin(OP_SUB, kit_localref(n, 3), kit_int(1, 3), 3),
                  kit_bin(OP_ADD, kit_localref(acc, 3), kit_int(1, 3), 3)};
  r = kit_stmt(f->body, S_RETURN, 3);
  vec_push(&kit_arena, &r->u.ret.exprs, kit_call(kit_upref(f, up, 3), 3, 2, args));
  LocalVar *a = kit_local(m, "a", 5), *b = kit_local(m, "b", 5);
  s = kit_stmt(m->body, S_LOCAL, 5);
  vec_push(&kit_arena, &s->u.local.vars, a);
  vec_push(&kit_arena, &s->u.local.vars, b);
  vec_push(&kit_arena, &s->u.local.exprs, kit_int(1, 5));
  vec_push(&kit_arena, &s->u.local.exprs, kit_int(2, 5));
  a->assigned = b->assigned = 1;
  Stmt *w = kit_stmt(m->body, S_WHILE, 6);
  w->u.loop.cond = kit_bin(OP_LT, kit_localref(a, 6), kit_int(100, 6), 6);
  w->u.loop.body = kit_block(6);
  Stmt *as = kit_stmt(w->u.loop.body, S_ASSIGN, 6);
  vec_push(&kit_arena, &as->u.assign.targets, kit_localref(a, 6));
  vec_push(&kit_arena, &as->u.assign.targets, kit_localref(b, 6));
  vec_push(&kit_arena, &as->u.assign.exprs, kit_localref(b, 6));
  vec_push(&kit_arena, &as->u.assign.exprs, kit_bin(OP_ADD, kit_localref(a, 6), kit_localref(b, 6), 6));
  Expr *la[] = {kit_int(1000000, 7), kit_int(0, 7)};
  Expr *pa[] = {kit_call(kit_localref(loopv, 7), 7, 2, la), kit_localref(a, 7), kit_localref(b, 7),
                kit_expr(E_VARARG, 7)};
  s = kit_stmt(m->body, S_CALL, 7);
  s->u.call = kit_call(kit_global("print", kit_localref(m->env, 7), 7), 7, 4, pa);
  m->lastline = 7;
  return m;
}

/* local function f() return 1 end                 -- 1
** local i = 0                                      -- 2
** ::top::                                          -- 3
** local c <close> = nil                            -- 4
** i = i + 1                                        -- 5
** if i < 3 then goto top end                       -- 6
** return f()                                       -- 7 */
static FuncExpr *prog_gotoclose(void) {
  FuncExpr *m = kit_main();
  LocalVar *fv = kit_local(m, "f", 1), *i = kit_local(m, "i", 2), *c = kit_local(m, "c", 4);
  FuncExpr *f = kit_func("f", 1, m);
  Stmt *s = kit_stmt(m->body, S_LOCALFUNC, 1);
  s->u.localfunc.var = fv;
  s->u.localfunc.func = f;
  Stmt *r = kit_stmt(f->body, S_RETURN, 1);
  vec_push(&kit_arena, &r->u.ret.exprs, kit_int(1, 1));
  s = kit_stmt(m->body, S_LOCAL, 2);
  vec_push(&kit_arena, &s->u.local.vars, i);
  vec_push(&kit_arena, &s->u.local.exprs, kit_int(0, 2));
  i->assigned = 1;
  kit_stmt(m->body, S_LABEL, 3)->u.go.label = "top";
  s = kit_stmt(m->body, S_LOCAL, 4);
  c->attrib = ATTR_CLOSE;
  vec_push(&kit_arena, &s->u.local.vars, c);
  vec_push(&kit_arena, &s->u.local.exprs, kit_expr(E_NIL, 4));
  s = kit_stmt(m->body, S_ASSIGN, 5);
  vec_push(&kit_arena, &s->u.assign.targets, kit_localref(i, 5));
  vec_push(&kit_arena, &s->u.assign.exprs, kit_bin(OP_ADD, kit_localref(i, 5), kit_int(1, 5), 5));
  Stmt *iff = kit_stmt(m->body, S_IF, 6);
  vec_push(&kit_arena, &iff->u.ifs.conds, kit_bin(OP_LT, kit_localref(i, 6), kit_int(3, 6), 6));
  Block *then = kit_block(6);
  kit_stmt(then, S_GOTO, 6)->u.go.label = "top";
  vec_push(&kit_arena, &iff->u.ifs.blocks, then);
  r = kit_stmt(m->body, S_RETURN, 7);
  vec_push(&kit_arena, &r->u.ret.exprs, kit_call(kit_localref(fv, 7), 7, 0, NULL));
  m->lastline = 7;
  return m;
}

/* Lowers prog through ir_build, ir_verify and emit_c; returns the C text (malloc'd). With verbose, prints the IR
** and the C to stderr. */
static char *translate(FuncExpr *(*prog)(void), int verbose) {
  CompileCtx cx;
  memset(&cx, 0, sizeof cx);
  cx.arena = &kit_arena;
  cx.chunkname = "test.lua";
  if (setjmp(cx.jb)) {
    fprintf(stderr, "compile error: %s\n", cx.msg);
    exit(1);
  }
  IrModule *m = ir_build(&cx, prog());
  if (verbose) ir_dump(m, stderr);
  ir_verify(&cx, m);
  EmitUnit u;
  memset(&u, 0, sizeof u);
  u.main = m;
  u.with_include = 1;
  u.with_main = 1;
  u.source_path = "test.lua";
  Buf out = {0};
  emit_c(&cx, &u, &out);
  if (verbose) fputs(out.s, stderr);
  return buf_take(&out);
}

static int failures;

static void expect(const char *what, int ok) {
  printf("%s %s\n", ok ? "PASS" : "FAIL", what);
  failures += !ok;
}

/* The number of times s occurs in text. */
static int count(const char *text, const char *s) {
  int n = 0;
  for (const char *p = strstr(text, s); p; p = strstr(p + 1, s)) n++;
  return n;
}

/* The text of C function `name` (up to its closing brace at the start of a line). */
static char *cfunction(const char *text, const char *name) {
  char head[128];
  snprintf(head, sizeof head, "static int %s(VmState *L, VmClosure *self, Value *a, int n) {", name);
  const char *p = strstr(text, head);
  if (!p) return strdup("");
  const char *e = strstr(p, "\n}\n");
  return strndup(p, e ? (size_t)(e - p) : strlen(p));
}

int main(int argc, char **argv) {
  int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
  char *c = translate(prog_fib, verbose);
  char *fib = cfunction(c, "L_fib_1");
  expect("fib: one C function per Lua function", count(c, "static const VmLuaInfo I_") == 4);   /* declared, defined */
  expect("fib: recursive calls are direct", count(fib, "L_fib_1(L, vm_fn(") == 2 && !strstr(fib, "vm_calld"));
  expect("fib: comparison fused into the branch", strstr(fib, "if (!vm_lt(L, ") != NULL);
  expect("fib: descriptions for errors", strstr(fib, "\"local 'n'\"") && strstr(c, "\"global 'print'\""));
  expect("fib: #line directives", strstr(c, "#line 1 \"test.lua\"\n") && strstr(c, "\n#line 3\n"));
  expect("fib: no to-be-closed bookkeeping", !strstr(c, "tbc"));
  expect("fib: its direct callee named for tracebacks", strstr(c, "D_fib_1[] = {{&I_fib_1.fi, \"upvalue 'fib'\"}") != NULL);
  free(fib);
  free(c);
  c = translate(prog_loops, verbose);
  char *loop = cfunction(c, "L_loop_1");
  expect("loops: self tail call is a jump", !strstr(loop, "L_loop_1(L") && strstr(loop, "goto b"));
  expect("loops: swapped phis go through temporaries", strstr(c, "Value t0 = ") != NULL);
  expect("loops: varargs passed on", strstr(c, "for (int i = 0; i < nvar; i++) S[3 + i] = a[i];") != NULL);
  free(loop);
  free(c);
  c = translate(prog_gotoclose, verbose);
  char *main = cfunction(c, "L_main");
  expect("goto: the backward goto closes the <close> variable", count(main, "vm_tbcclose(L, tbc0 + 0, 0);") == 1);
  expect("close: pushed each pass, also nil", strstr(main, "vm_tbcpush(L, VM_NIL, \"c\");") != NULL);
  expect("close: return f() is a call, then the closing, then the return",
         strstr(main, "vm_tbcclose(L, tbc0 + 0, S + 0 + r") && !strstr(main, "VM_TAILCALL"));
  free(main);
  free(c);
  arena_free(&kit_arena);
  return failures != 0;
}
