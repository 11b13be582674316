/* emit_debug.c: what the debug library and string.dump know of the functions of a unit (compiler layer).
**
** For each module, one writable `static VmChunk CHk` holds its source name and text; each VmLuaInfo gets the rest
** of its initializer from emit_luainfo: its chunk, last line, upvalue and parameter names, the span of its text.
** All of it is static data, read only by the debug library and string.dump: generated code never touches it, so
** programs pay nothing for it when they run (the C compiler reads a little more text).
*/
#include "emit_impl.h"

#include <math.h>
#include <string.h>

/* The C expression for the string s[0..len) (arena). */
static const char *cstrn(Emitter *E, const char *s, size_t len) {
  Buf b = {0};
  buf_putn(&b, "\"", 1);
  emit_cquote(&b, s, len);
  buf_putn(&b, "\"", 1);
  char *r = arena_strdup(E->arena, b.s, b.len);
  buf_free(&b);
  return r;
}

/* Writes `static VmChunk CH<mi>` for module m: its source name, and its text as a C string, one Lua line per C
** line. */
static void write_chunk(Emitter *E, IrModule *m, int mi) {
  Buf *out = E->out;
  const char *p = m->text, *end = m->text + m->textlen;
  buf_printf(out, "static VmChunk CH%d = {%s, ", mi, m->source ? cstrn(E, m->source, strlen(m->source)) : "0");
  if (p == end) buf_puts(out, "\"\"");
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *q = nl ? nl + 1 : end;
    buf_puts(out, "\n  \"");
    emit_cquote(out, p, (size_t)(q - p));
    buf_puts(out, "\"");
    p = q;
  }
  buf_printf(out, ", %zu};\n", m->textlen);
}

/* Writes the chunk descriptor of every module of the unit (module mi is CH<mi>). */
void emit_chunks(Emitter *E, IrModule **mods, int nmod) {
  for (int mi = 0; mi < nmod; mi++) write_chunk(E, mods[mi], mi);
  buf_puts(E->out, "\n");
}

/* Appends a Lua literal for the constant e without spaces (upvalue lists are separated by spaces). */
static void put_literal(Buf *b, Expr *e) {
  switch (e->kind) {
    case E_NIL: buf_puts(b, "nil"); break;
    case E_TRUE: buf_puts(b, "true"); break;
    case E_FALSE: buf_puts(b, "false"); break;
    case E_INT: buf_printf(b, "%lld", e->u.i); break;
    case E_FLT:
      if (isinf(e->u.f)) buf_puts(b, "1e9999");   /* a literal is never negative nor NaN */
      else buf_printf(b, "%a", e->u.f);
      break;
    case E_STR:
      buf_puts(b, "\"");
      for (size_t i = 0; i < e->u.str.len; i++) {
        unsigned char c = (unsigned char)e->u.str.s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
          buf_putn(b, (const char *)&c, 1);
        else
          buf_printf(b, "\\%03d", c);
      }
      buf_puts(b, "\"");
      break;
    default: buf_puts(b, "nil"); break;   /* not reached: is_literal */
  }
}

/* "name name=literal name? ": fn's upvalues (VmLuaInfo.upvals) */
static const char *upvals(Emitter *E, IrFunc *fn) {
  Buf b = {0};
  buf_putn(&b, "", 0);
  for (int i = 0; i < fn->nup; i++) {
    buf_puts(&b, fn->upnames[i]);
    if (fn->upfold[i] == 'k') {
      buf_puts(&b, "=");
      put_literal(&b, fn->upkonst[i]);
    } else if (fn->upfold[i] == '?') {
      buf_puts(&b, "?");
    }
    buf_puts(&b, " ");
  }
  const char *r = cstrn(E, b.s, b.len);
  buf_free(&b);
  return r;
}

/* "a b* self ": the parameter names of fn (VmLuaInfo.params); '*' marks one whose value a frame of fn does not
** keep (it is assigned, or the function loops on self tail calls) */
static const char *params(Emitter *E, IrFunc *fn) {
  Buf b = {0};
  buf_putn(&b, "", 0);
  for (int i = 0; i < fn->nparams; i++)
    buf_printf(&b, "%s%s ", fn->params[i], fn->paramset[i] || fn->selftail ? "*" : "");
  const char *r = cstrn(E, b.s, b.len);
  buf_free(&b);
  return r;
}

/* The fields of fn's VmLuaInfo after `direct`, as C initializers; fn belongs to module m, which is CH<mi>. */
const char *emit_luainfo(Emitter *E, IrModule *m, int mi, IrFunc *fn) {
  size_t pos = fn->ismain ? 0 : fn->spos - m->textbase;
  size_t len = fn->ismain ? m->textlen : fn->send - fn->spos;
  return emit_sfmt(E, "&CH%d, %d, %s, %s, %d, %d, %zu, %zu", mi, fn->ismain ? 0 : fn->lastline, upvals(E, fn),
                   params(E, fn), fn->ismethod, fn->sline, pos, len);
}
