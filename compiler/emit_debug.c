/* emit_debug.c: what the debug library knows of the functions of a unit (compiler layer).
**
** For each module, one writable `static VmChunk CHk` holds its source name; each VmLuaInfo gets the rest of its
** initializer from emit_luainfo: its chunk, last line, upvalue and parameter names. All of it is static data,
** read only by the debug library: generated code never touches it, so programs pay nothing for it when they run.
*/
#include "emit_impl.h"

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

/* Writes the chunk descriptor of every module of the unit (module mi is CH<mi>). */
void emit_chunks(Emitter *E, IrModule **mods, int nmod) {
  for (int mi = 0; mi < nmod; mi++) {
    const char *src = mods[mi]->source;
    buf_printf(E->out, "static VmChunk CH%d = {%s};\n", mi, src ? cstrn(E, src, strlen(src)) : "0");
  }
  buf_puts(E->out, "\n");
}

/* "name name= name? ": fn's upvalues (VmLuaInfo.upvals) */
static const char *upvals(Emitter *E, IrFunc *fn) {
  Buf b = {0};
  buf_putn(&b, "", 0);
  for (int i = 0; i < fn->nup; i++) {
    buf_puts(&b, fn->upnames[i]);
    if (fn->upfold && fn->upfold[i]) buf_puts(&b, fn->upfold[i] == 'k' ? "=" : "?");
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

/* The fields of fn's VmLuaInfo after `direct`, as C initializers; fn belongs to module CH<mi>. */
const char *emit_luainfo(Emitter *E, int mi, IrFunc *fn) {
  return emit_sfmt(E, "&CH%d, %d, %s, %s", mi, fn->ismain ? 0 : fn->lastline, upvals(E, fn), params(E, fn));
}
