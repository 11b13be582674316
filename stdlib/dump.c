/* dump.c: string.dump and the loading of the binary chunks it makes (stdlib layer).
**
** A binary chunk opens with lua5.4's header, byte for byte (signature, version, format, LUAC_DATA, the sizes of
** an instruction, an integer and a float, the check values 0x5678 and 370.5) and lua5.4's count of the
** function's upvalues, so that programs inspecting it learn the truth about the host. The body is vmc's own:
** a mark ("\xffvmc" and a version byte), then what rebuilds the function from source: its source name, the
** line where its text starts, linedefined, whether it is a method or the main chunk, its upvalues (names, and
** the literals of the <const> locals lua5.4 folds) and its text, from the '(' of its parameters to its 'end'.
** Loading compiles
**     local u1, u2, ...; local K <const> = literal ... return function(params) body end
** on the lines the function had (so that its messages name the same lines), runs it, and gives the function
** fresh upvalues, the first one set to load's env: what lua5.4 does. Numbers in the body are 4-byte little-endian
** unsigned integers; strings are a number (their length) and their bytes.
** XXX: the strip argument is ignored (the manual allows it): debug information is always kept.
*/
#include <stdio.h>
#include <string.h>

#include "lib.h"

static const char header[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08";
#define HEADERLEN 15       /* then LUAC_INT (8 bytes) and LUAC_NUM (8 bytes), in the host's order */
#define MARK "\xffvmc\x01"
#define MARKLEN 5

/* ---- Writing ---- */

static void addnum(LibBuf *b, vm_size v) {
  for (int i = 0; i < 4; i++) lib_addchar(b, (char)((v >> (8 * i)) & 0xff));
}

static void addstr(LibBuf *b, const char *s, vm_size len) {
  addnum(b, len);
  lib_addmem(b, s, len);
}

/* lua5.4's header, its count of fn's upvalues, then vmc's mark. */
static void addheader(VmState *L, LibBuf *b, VmClosure *fn) {
  vm_int i = 0x5678;
  double d = 370.5;
  lib_addmem(b, header, HEADERLEN);
  lib_addmem(b, (const char *)&i, sizeof i);
  lib_addmem(b, (const char *)&d, sizeof d);
  lib_addchar(b, (char)lib_nups(L, fn));
  lib_addmem(b, MARK, MARKLEN);
}

/* string.dump(f [, strip]) */
static int l_dump(VmState *L, VmClosure *self, Value *a, int n) {
  const VmLuaInfo *li;
  char buf[LIB_IDSIZE + 2];
  const char *src;
  LibBuf b;
  if (n < 1 || !vm_isfunction(a[0])) lib_typeerror(L, self, a, n, 1, "function");
  li = lib_luainfo(vm_fn(a[0]));
  if (li == NULL || li->chunk->text == NULL) vm_error(L, "unable to dump given function");
  if (strchr(li->upvals, '?') != NULL)
    vm_error(L, "string.dump: the function uses a <const> local lua5.4 may fold (not supported)");
  src = lib_funcsource(vm_fn(a[0]), buf, sizeof buf);
  lib_bufinit(&b);
  addheader(L, &b, vm_fn(a[0]));
  addstr(&b, src, strlen(src));
  addnum(&b, (vm_size)li->sline);
  addnum(&b, (vm_size)li->fi.linedefined);
  addnum(&b, (vm_size)li->ismethod);
  addnum(&b, (vm_size)(li->fi.linedefined == 0));
  addstr(&b, li->upvals, strlen(li->upvals));
  addstr(&b, li->chunk->text + li->pos, li->len);
  a[0] = lib_bufresult(L, &b);
  return 1;
}

/* ---- Reading ---- */

typedef struct Reader {
  const char *p, *end;
  const char *name;        /* for messages, as lua5.4's: the chunk name without '@' or '=', or "binary string" */
  int bad;                 /* truncated */
} Reader;

static const char *getbytes(Reader *r, vm_size k) {
  const char *s = r->p;
  if ((vm_size)(r->end - r->p) < k) {
    r->bad = 1;
    r->p = r->end;
    return NULL;
  }
  r->p += k;
  return s;
}

static vm_size getnum(Reader *r) {
  const unsigned char *s = (const unsigned char *)getbytes(r, 4);
  vm_size v = 0;
  if (s == NULL) return 0;
  for (int i = 3; i >= 0; i--) v = (v << 8) | s[i];
  return v;
}

static const char *getstr(Reader *r, vm_size *len) {
  *len = getnum(r);
  return getbytes(r, *len);
}

/* Checks the next k bytes are lit: NULL, or why not ("truncated chunk" before `why`). */
static const char *checklit(Reader *r, const void *lit, vm_size k, const char *why) {
  const char *s = getbytes(r, k);
  if (s == NULL) return "truncated chunk";
  return memcmp(s, lit, k) == 0 ? NULL : why;
}

/* The reason the header is not lua5.4's on this host, as lua5.4 words it, or NULL. */
static const char *checkheader(Reader *r) {
  static const char *const why[] = {"not a binary chunk", "version mismatch", "format mismatch",
                                    "corrupted chunk", "Instruction size mismatch", "lua_Integer size mismatch",
                                    "lua_Number size mismatch"};
  static const int span[][2] = {{1, 3}, {4, 1}, {5, 1}, {6, 6}, {12, 1}, {13, 1}, {14, 1}};
  vm_int i = 0x5678;
  double d = 370.5;
  const char *e;
  r->p++;                  /* the escape: seen by load */
  for (int k = 0; k < 7; k++)
    if ((e = checklit(r, header + span[k][0], (vm_size)span[k][1], why[k])) != NULL) return e;
  if ((e = checklit(r, &i, sizeof i, "integer format mismatch")) != NULL) return e;
  return checklit(r, &d, sizeof d, "float format mismatch");
}

/* Appends the declarations of the wrapper around a function with upvalues ups ("name name=literal ... "). */
static void adddecls(LibBuf *b, const char *ups, vm_size len) {
  const char *p = ups, *end = ups + len;
  while (p < end) {
    const char *e = memchr(p, ' ', (vm_size)(end - p));
    const char *eq;
    if (e == NULL) e = end;
    eq = memchr(p, '=', (vm_size)(e - p));
    lib_addcstr(b, "local ");
    lib_addmem(b, p, (vm_size)((eq ? eq : e) - p));
    if (eq) {
      lib_addcstr(b, " <const> = ");
      lib_addmem(b, eq + 1, (vm_size)(e - eq - 1));
    }
    lib_addcstr(b, "; ");
    p = e + 1;
  }
}

static void addlines(LibBuf *b, vm_size k) {
  while (k-- > 0) lib_addchar(b, '\n');
}

/* The source text that rebuilds the dumped function (see the file's comment): from the body read by r. */
static Value rebuild(VmState *L, Reader *r, Value *source, int *main) {
  vm_size srclen, uplen, textlen, sline, linedefined, ismethod, ismain;
  const char *src = getstr(r, &srclen), *ups, *text;
  LibBuf b;
  sline = getnum(r), linedefined = getnum(r), ismethod = getnum(r), ismain = getnum(r);
  ups = getstr(r, &uplen);
  text = getstr(r, &textlen);
  if (r->bad || r->p != r->end || sline > 0xffffff || linedefined > sline || (!ismain && textlen == 0) ||
      (ismain && linedefined != 0))
    return VM_NIL;
  *source = vm_newstr(L, src, srclen);
  *main = (int)ismain;
  lib_bufinit(&b);
  if (ismain) {
    addlines(&b, sline > 0 ? sline - 1 : 0);
    lib_addmem(&b, text, textlen);
    return lib_bufresult(L, &b);
  }
  adddecls(&b, ups, uplen);
  addlines(&b, linedefined > 0 ? linedefined - 1 : 0);
  lib_addcstr(&b, "return function");
  addlines(&b, sline - linedefined);
  if (ismethod) {          /* self is implicit in its text: "(" ... */
    const char *q = text + 1, *e = text + textlen;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) q++;
    lib_addcstr(&b, q < e && *q == ')' ? "(self" : "(self, ");
    lib_addmem(&b, text + 1, textlen - 1);
  } else {
    lib_addmem(&b, text, textlen);
  }
  return lib_bufresult(L, &b);
}

/* Runs the wrapper w, which returns the rebuilt function; gives that function's first upvalue env. */
static Value unwrap(VmState *L, Value w, Value env, Value *err) {
  Value *a = L->top;
  int i;
  if (a + 2 > L->stack_last) {
    *err = vm_newcstr(L, "stack overflow");
    return VM_NIL;
  }
  if (vm_pcall(L, w, a, 0) < 0 || !vm_isfunction(a[0])) {
    *err = vm_isfunction(a[0]) ? a[0] : vm_newcstr(L, "bad binary format (corrupted chunk)");
    return VM_NIL;
  }
  i = lib_upvalue(L, vm_fn(a[0]), 1, NULL, 0);
  if (i >= 0) vm_fn(a[0])->up[i]->v = env;
  return a[0];
}

Value lib_undump(VmState *L, const char *s, vm_size len, const char *chunkname, Value env, Value *err) {
  Reader r;
  const char *why, *mark;
  char msg[200], id[LIB_IDSIZE];
  Value text = VM_NIL, source = VM_NIL, fn;
  int main = 0;
  r.p = s, r.end = s + len, r.bad = 0;
  r.name = chunkname[0] == '@' || chunkname[0] == '=' ? chunkname + 1 : chunkname[0] == '\x1b' ? "binary string"
                                                                                              : chunkname;
  why = checkheader(&r);
  if (why == NULL && getbytes(&r, 1) == NULL) why = "truncated chunk";   /* lua5.4's count of upvalues */
  if (why == NULL && (mark = getbytes(&r, MARKLEN)) == NULL) why = "truncated chunk";
  if (why == NULL && memcmp(mark, MARK, MARKLEN) != 0)
    why = "lua5.4 bytecode: vmc loads only the binary chunks of its own string.dump";
  if (why == NULL && (text = rebuild(L, &r, &source, &main)) == VM_NIL)
    why = r.bad ? "truncated chunk" : "corrupted chunk";
  if (why != NULL) {
    snprintf(msg, sizeof msg, "%.100s: bad binary format (%s)", r.name, why);
    *err = vm_newcstr(L, msg);
    return VM_NIL;
  }
  lib_chunkid(id, vm_str(source)->s, vm_str(source)->len);
  fn = vm_load(L, vm_str(text)->s, vm_str(text)->len, id, env, err);
  if (fn == VM_NIL) return VM_NIL;
  lib_setchunksource(L, fn, source);
  return main ? fn : unwrap(L, fn, env, err);   /* a main chunk: vm_load gave it env */
}

/* Adds dump to the string table t. */
void lib_opendump(VmState *L, Value t) {
  static const LibReg dumpfuncs[] = {LIB_FN("string.dump", l_dump), LIB_END};
  lib_register(L, t, dumpfuncs);
}
