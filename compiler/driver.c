/* driver.c: the pass pipeline of vmc, in one place (compiler layer).
**
**   source -> parse_chunk (lex + parse: AST) -> res_chunk (scopes, upvalues, _ENV, checks)
**          -> ir_build (SSA-like IR) -> ir_verify -> emit_c (C text)
**
** `-d` letters print the IR to stderr after the matching pass: 'b' after ir_build. Later passes (infer, escape,
** opt) go between ir_verify and emit_c, each with its letter and a second ir_verify after them.
** Bundling: a call `require "name"` with a literal name whose module is found on package.path at compile time
** is compiled into the same unit and registered as package.preload[name] (see emit.c).
*/
#include "driver.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"
#include "emit.h"
#include "ir.h"

#define MAX_BUNDLED 4096

typedef struct Bundle {
  CompileCtx *cx;
  const DriverOpts *o;
  EmitModule *mods;        /* arena memory, cap entries */
  int nmods, cap;
} Bundle;

static void dump(const DriverOpts *o, int letter, IrModule *m) {
  if (o->dump && strchr(o->dump, letter)) ir_dump(m, stderr);
}

/* One chunk through the front end and the IR passes; isfile: skip a first line starting with '#'. Errors
** longjmp through cx. */
static IrModule *compile_chunk(CompileCtx *cx, const DriverOpts *o, const char *src, size_t len, int isfile,
                               FuncExpr **tree) {
  FuncExpr *main = isfile ? parse_chunk(cx, src, len) : parse_string(cx, src, len);
  res_chunk(cx, main);
  IrModule *m = ir_build(cx, main);
  m->textbase = main->spos;
  m->textlen = main->send - main->spos;
  m->text = arena_strdup(cx->arena, src + main->spos, m->textlen);
  if (isfile) {
    size_t n = strlen(cx->chunkname);
    char *s = arena_alloc(cx->arena, n + 2);
    s[0] = '@';
    memcpy(s + 1, cx->chunkname, n + 1);
    m->source = s;
  }
  dump(o, 'b', m);
  ir_verify(cx, m);
  *tree = main;
  return m;
}

char *drv_readfile(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  Buf b = {0};
  char tmp[65536];
  size_t k;
  while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) buf_putn(&b, tmp, k);
  int err = ferror(f);
  fclose(f);
  if (err) {
    buf_free(&b);
    errno = EIO;
    return NULL;
  }
  *len = b.len;
  return buf_take(&b);
}

/* package.path as the program will see it at run time (stdlib/loadlib.c, envpath): LUA_PATH_5_4, else LUA_PATH,
** else the default; the first ";;" is replaced by the default. The default is the stdlib's DEFAULT_PATH: keep the
** two equal; noenv (vmc -E): the default alone. Returns a malloc'd string. */
static char *package_path(int noenv) {
  static const char *def = "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
                           "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
                           "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
  const char *p = noenv ? NULL : getenv("LUA_PATH_5_4");
  if (!p && !noenv) p = getenv("LUA_PATH");
  Buf b = {0};
  const char *mark = p ? strstr(p, ";;") : NULL;
  if (!p) {
    buf_puts(&b, def);
  } else if (!mark) {
    buf_puts(&b, p);
  } else {
    if (mark > p) buf_putn(&b, p, (size_t)(mark - p) + 1);
    buf_puts(&b, def);
    if (mark[2]) buf_printf(&b, ";%s", mark + 2);
  }
  return buf_take(&b);
}

/* Finds module `name` on package.path; returns a malloc'd file name or NULL. */
static char *search_module(const char *name, int noenv) {
  Buf mod = {0};
  buf_putn(&mod, "", 0);   /* never NULL, even for require "" */
  for (const char *c = name; *c; c++) buf_putn(&mod, *c == '.' ? "/" : c, 1);
  char *path = package_path(noenv);
  const char *p = path;
  while (*p) {
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    Buf f = {0};
    for (size_t i = 0; i < n; i++) {
      if (p[i] == '?') buf_puts(&f, mod.s);
      else buf_putn(&f, p + i, 1);
    }
    FILE *fp = n ? fopen(f.s, "r") : NULL;
    if (fp) {
      fclose(fp);
      buf_free(&mod);
      free(path);
      return buf_take(&f);
    }
    buf_free(&f);
    p += n + (e != NULL);
  }
  buf_free(&mod);
  free(path);
  return NULL;
}

static void scan_block(Bundle *bd, Block *b);
static void scan_expr(Bundle *bd, Expr *e);

static void scan_exprs(Bundle *bd, Vec *v) {
  for (int i = 0; i < v->n; i++) scan_expr(bd, v->v[i]);
}

static int bundled(Bundle *bd, const char *name) {
  for (int i = 0; i < bd->nmods; i++)
    if (strcmp(bd->mods[i].name, name) == 0) return 1;
  return 0;
}

/* Raises a compile error of the whole translation (cx): fmt with "%s" for arg, then ": strerror(errno)" if
** witherr. */
static void drv_fail(Bundle *bd, const char *fmt, const char *arg, int witherr) {
  const char *why = strerror(errno);
  int n = snprintf(bd->cx->msg, sizeof bd->cx->msg, fmt, arg);
  if (witherr && n >= 0 && (size_t)n < sizeof bd->cx->msg)
    snprintf(bd->cx->msg + n, sizeof bd->cx->msg - (size_t)n, ": %s", why);
  longjmp(bd->cx->jb, 1);
}

/* Compiles module `name` from file `path` into the unit: registered in package.preload (preload) or found by
** require as on package.path. Returns 0, or -1 if it cannot be read or compiled: then, with must, the whole
** translation fails with that error. */
static int add_module(Bundle *bd, const char *name, const char *path, int preload, int must) {
  size_t len;
  char *src = drv_readfile(path, &len);
  if (!src) {
    if (must) drv_fail(bd, "cannot open %s", path, 1);
    return -1;
  }
  if (bd->nmods == bd->cap) {
    EmitModule *more = arena_alloc(bd->cx->arena, sizeof *more * (size_t)(bd->cap * 2 + 16));
    if (bd->nmods) memcpy(more, bd->mods, sizeof *more * (size_t)bd->nmods);
    bd->mods = more, bd->cap = bd->cap * 2 + 16;
  }
  CompileCtx *sub = arena_alloc(bd->cx->arena, sizeof *sub);
  sub->arena = bd->cx->arena;
  sub->chunkname = arena_strdup(bd->cx->arena, path, strlen(path));
  int rc = -1;
  if (setjmp(sub->jb) == 0) {
    FuncExpr *tree;
    IrModule *m = compile_chunk(sub, bd->o, src, len, 1, &tree);
    EmitModule *em = &bd->mods[bd->nmods++];
    em->name = arena_strdup(bd->cx->arena, name, strlen(name));
    em->path = sub->chunkname;
    em->m = m;
    em->preload = preload;
    scan_block(bd, tree->body);
    rc = 0;
  }
  free(src);
  if (rc < 0 && must) drv_fail(bd, "%s", sub->msg, 0);
  return rc;
}

/* A module that cannot be found or compiled now is left to require at run time, which reports it as lua5.4. */
static void bundle_module(Bundle *bd, const char *name) {
  if (bundled(bd, name) || bd->nmods >= MAX_BUNDLED) return;
  char *path = search_module(name, bd->o->noenv);
  if (!path) return;
  add_module(bd, name, path, 0, 0);
  free(path);
}

/* vmc build -m "name" or "name=path": compiled in and preloaded; a module that is not there is an error. */
static void preload_spec(Bundle *bd, const char *spec) {
  const char *eq = strchr(spec, '=');
  char *name = arena_strdup(bd->cx->arena, spec, eq ? (size_t)(eq - spec) : strlen(spec));
  if (bundled(bd, name)) return;
  char *found = eq ? NULL : search_module(name, bd->o->noenv);
  if (!eq && !found) drv_fail(bd, "module '%s' not found on package.path", name, 0);
  const char *path = eq ? eq + 1 : arena_strdup(bd->cx->arena, found, strlen(found));
  free(found);
  add_module(bd, name, path, 1, 1);
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* vmc build --modules DIR: every .lua file under dir (rel: its path below DIR so far), in name order. */
static void preload_dir(Bundle *bd, const char *dir, const char *rel) {
  DIR *d = opendir(dir);
  if (!d) drv_fail(bd, "cannot open %s", dir, 1);
  Vec names = {0};
  for (struct dirent *e; (e = readdir(d)) != NULL;)
    if (e->d_name[0] != '.') vec_push(bd->cx->arena, &names, arena_strdup(bd->cx->arena, e->d_name, strlen(e->d_name)));
  closedir(d);
  if (names.n) qsort(names.v, (size_t)names.n, sizeof(void *), cmpstr);
  for (int i = 0; i < names.n; i++) {
    const char *n = names.v[i];
    Buf path = {0}, mod = {0};
    buf_printf(&path, "%s/%s", dir, n);
    buf_printf(&mod, "%s%s%s", rel, *rel ? "." : "", n);
    struct stat st;
    if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode)) {
      preload_dir(bd, arena_strdup(bd->cx->arena, path.s, path.len), arena_strdup(bd->cx->arena, mod.s, mod.len));
    } else if (mod.len > 4 && strcmp(mod.s + mod.len - 4, ".lua") == 0) {
      mod.s[mod.len -= 4] = '\0';
      if (mod.len >= 5 && strcmp(mod.s + mod.len - 5, ".init") == 0) mod.s[mod.len -= 5] = '\0';
      else if (strcmp(mod.s, "init") == 0) mod.len = 0;
      Arena *a = bd->cx->arena;
      if (mod.len && !bundled(bd, mod.s))
        add_module(bd, arena_strdup(a, mod.s, mod.len), arena_strdup(a, path.s, path.len), 1, 1);
    }
    buf_free(&path);
    buf_free(&mod);
  }
}

static void scan_expr(Bundle *bd, Expr *e) {
  if (!e) return;
  switch (e->kind) {
  case E_FUNC: scan_block(bd, e->u.func->body); break;
  case E_TABLE:
    for (int i = 0; i < e->u.fields.n; i++) {
      TableField *f = e->u.fields.v[i];
      scan_expr(bd, f->key);
      scan_expr(bd, f->val);
    }
    break;
  case E_BINOP: case E_AND: case E_OR: scan_expr(bd, e->u.bin.a); scan_expr(bd, e->u.bin.b); break;
  case E_UNOP: scan_expr(bd, e->u.un.a); break;
  case E_INDEX: scan_expr(bd, e->u.index.obj); scan_expr(bd, e->u.index.key); break;
  case E_PAREN: scan_expr(bd, e->u.paren); break;
  case E_CALL: case E_METHCALL: {
    Expr *fn = e->u.call.fn;
    Vec *args = &e->u.call.args;
    if (e->kind == E_CALL && fn->kind == E_GLOBAL && strcmp(fn->u.name.name, "require") == 0 && args->n == 1 &&
        ((Expr *)args->v[0])->kind == E_STR && memchr(((Expr *)args->v[0])->u.str.s, 0,
                                                       ((Expr *)args->v[0])->u.str.len) == NULL)
      bundle_module(bd, ((Expr *)args->v[0])->u.str.s);
    scan_expr(bd, fn);
    scan_exprs(bd, args);
    break;
  }
  default: break;
  }
}

static void scan_stmt(Bundle *bd, Stmt *s) {
  switch (s->kind) {
  case S_LOCAL: scan_exprs(bd, &s->u.local.exprs); break;
  case S_ASSIGN: scan_exprs(bd, &s->u.assign.targets); scan_exprs(bd, &s->u.assign.exprs); break;
  case S_CALL: scan_expr(bd, s->u.call); break;
  case S_DO: scan_block(bd, s->u.block); break;
  case S_WHILE: case S_REPEAT: scan_expr(bd, s->u.loop.cond); scan_block(bd, s->u.loop.body); break;
  case S_IF:
    scan_exprs(bd, &s->u.ifs.conds);
    for (int i = 0; i < s->u.ifs.blocks.n; i++) scan_block(bd, s->u.ifs.blocks.v[i]);
    if (s->u.ifs.els) scan_block(bd, s->u.ifs.els);
    break;
  case S_NUMFOR:
    scan_expr(bd, s->u.numfor.start);
    scan_expr(bd, s->u.numfor.limit);
    scan_expr(bd, s->u.numfor.step);
    scan_block(bd, s->u.numfor.body);
    break;
  case S_GENFOR: scan_exprs(bd, &s->u.genfor.exprs); scan_block(bd, s->u.genfor.body); break;
  case S_FUNC: scan_block(bd, s->u.func.func->body); break;
  case S_LOCALFUNC: scan_block(bd, s->u.localfunc.func->body); break;
  case S_RETURN: scan_exprs(bd, &s->u.ret.exprs); break;
  default: break;
  }
}

static void scan_block(Bundle *bd, Block *b) {
  for (int i = 0; b && i < b->stmts.n; i++) scan_stmt(bd, b->stmts.v[i]);
}

int drv_translate(const char *chunkname, const char *src, size_t len, const DriverOpts *o, Buf *out, char *msg,
                  size_t msgsz) {
  Arena arena = {0};
  CompileCtx *cx = arena_alloc(&arena, sizeof *cx);
  Bundle *bd = arena_alloc(&arena, sizeof *bd);
  cx->arena = &arena;
  cx->chunkname = chunkname;
  bd->cx = cx;
  bd->o = o;
  if (setjmp(cx->jb)) {
    snprintf(msg, msgsz, "%s", cx->msg);
    arena_free(&arena);
    return -1;
  }
  FuncExpr *tree;
  IrModule *m = compile_chunk(cx, o, src, len, !o->isstring, &tree);
  for (int i = 0; i < o->nmods; i++) preload_spec(bd, o->mods[i]);
  if (o->modules_dir) preload_dir(bd, o->modules_dir, "");
  if (o->bundle) scan_block(bd, tree->body);
  EmitUnit u = {0};
  u.main = m;
  u.mods = bd->mods;
  u.nmods = bd->nmods;
  u.with_include = o->with_include;
  u.with_main = o->with_main;
  u.funcsyms = o->funcsyms;
  u.exactlines = o->exactlines;
  u.source_path = chunkname;
  emit_c(cx, &u, out);
  arena_free(&arena);
  return 0;
}
