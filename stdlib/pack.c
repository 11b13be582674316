/* pack.c: string.pack, string.unpack and string.packsize (stdlib layer).
**
** A format is read one option at a time (nextopt) into a PackOpt: its kind, its size in bytes and the padding
** that alignment puts before it. The three functions share that reader, so that their checks and messages
** (lua5.4's, from the manual's section "Format Strings for Pack and Unpack") cannot drift apart. Integers of
** 1 to 16 bytes are written and read byte by byte in the chosen order; bytes beyond the 8 of a Lua integer
** carry its sign (pack) and must (unpack), else "n-byte integer does not fit into Lua Integer".
*/
#include <string.h>

#include "lib.h"

#define MAXINTSIZE 16              /* largest size of an integer option (i16) */
#define NATIVEALIGN 8              /* '!' alone: the strictest alignment of the C types lua5.4 lists */
#define MAXPACKSIZE 0x7fffffff     /* packsize: lua5.4 keeps results within an int */
#define SZINT 8                    /* bytes of a Lua integer */

typedef enum PackKind {
  K_INT,        /* signed integer */
  K_UINT,       /* unsigned integer */
  K_FLOAT,      /* C float */
  K_DOUBLE,     /* C double (also 'n', a lua_Number) */
  K_CHAR,       /* fixed-size string */
  K_STRING,     /* string preceded by its length */
  K_ZSTR,       /* zero-terminated string */
  K_PADDING,    /* one byte of padding */
  K_PADALIGN,   /* 'X': alignment only */
  K_NOP         /* endianness, alignment setting, space */
} PackKind;

/* The state of a format being read: where it is, the byte order and the maximum alignment in force. */
typedef struct PackFmt {
  VmState *L;
  VmClosure *self;
  const char *p, *end;
  int little;
  int maxalign;
} PackFmt;

/* One option: its kind, its size in bytes and the padding before it. */
typedef struct PackOpt {
  PackKind kind;
  int size;
  int ntoalign;
} PackOpt;

static int isdigitc(char c) { return c >= '0' && c <= '9'; }

/* An optional numeral after an option; def when there is none. */
static int getnum(PackFmt *f, int def) {
  int a = 0;
  if (f->p >= f->end || !isdigitc(*f->p)) return def;
  do {
    a = a * 10 + (*f->p++ - '0');
  } while (f->p < f->end && isdigitc(*f->p) && a <= (MAXPACKSIZE - 9) / 10);
  return a;
}

/* A numeral that sizes an integer or an alignment: 1..16. */
static int getnumlimit(PackFmt *f, int def) {
  int sz = getnum(f, def);
  if (sz > MAXINTSIZE || sz <= 0)
    vm_error(f->L, "integral size (%d) out of limits [1,%d]", sz, MAXINTSIZE);
  return sz;
}

/* Reads one option letter (and its numeral) into kind and size. */
static PackKind getoption(PackFmt *f, int *size) {
  char c = *f->p++;
  *size = 0;
  switch (c) {
    case 'b': *size = 1; return K_INT;
    case 'B': *size = 1; return K_UINT;
    case 'h': *size = 2; return K_INT;
    case 'H': *size = 2; return K_UINT;
    case 'l': case 'j': *size = 8; return K_INT;
    case 'L': case 'J': case 'T': *size = 8; return K_UINT;
    case 'f': *size = 4; return K_FLOAT;
    case 'n': case 'd': *size = 8; return K_DOUBLE;
    case 'i': *size = getnumlimit(f, 4); return K_INT;
    case 'I': *size = getnumlimit(f, 4); return K_UINT;
    case 's': *size = getnumlimit(f, 8); return K_STRING;
    case 'c':
      *size = getnum(f, -1);
      if (*size == -1) vm_error(f->L, "missing size for format option 'c'");
      return K_CHAR;
    case 'z': return K_ZSTR;
    case 'x': *size = 1; return K_PADDING;
    case 'X': return K_PADALIGN;
    case ' ': return K_NOP;
    case '<': f->little = 1; return K_NOP;
    case '>': f->little = 0; return K_NOP;
    case '=': f->little = 1; return K_NOP;   /* x86-64 and every host vmc builds for: little endian */
    case '!': f->maxalign = getnumlimit(f, NATIVEALIGN); return K_NOP;
    default: vm_error(f->L, "invalid format option '%c'", c);
  }
}

/* Reads the next option; total is the size of what comes before it (for alignment). */
static void nextopt(PackFmt *f, vm_size total, PackOpt *o) {
  int align;
  o->kind = getoption(f, &o->size);
  align = o->size;
  if (o->kind == K_PADALIGN) {
    if (f->p >= f->end || getoption(f, &align) == K_CHAR || align == 0)
      lib_argerror(f->L, f->self, 1, "invalid next option for option 'X'");
  }
  o->ntoalign = 0;
  if (align <= 1 || o->kind == K_CHAR) return;
  if (align > f->maxalign) align = f->maxalign;
  if ((align & (align - 1)) != 0) lib_argerror(f->L, f->self, 1, "format asks for alignment not power of 2");
  o->ntoalign = (align - (int)(total & (vm_size)(align - 1))) & (align - 1);
}

static void fmtinit(PackFmt *f, VmState *L, VmClosure *self, VmString *fmt) {
  f->L = L;
  f->self = self;
  f->p = fmt->s;
  f->end = fmt->s + strlen(fmt->s);   /* as lua5.4: a zero ends the format */
  f->little = 1;
  f->maxalign = 1;
}

/* ---- pack ---- */

/* Appends the size low bytes of v in the format's order; bytes past the eighth are 0xff when neg. */
static void packint(LibBuf *b, vm_uint v, int little, int size, int neg) {
  char *buf = lib_bufprep(b, (vm_size)size);
  int i;
  for (i = 0; i < size; i++) {
    unsigned char byte = i < SZINT ? (unsigned char)(v >> (8 * i)) : (neg ? 0xff : 0);
    buf[little ? i : size - 1 - i] = (char)byte;
  }
  b->n += (vm_size)size;
}

/* Copies the size bytes of a C float or double between memory (native order: little endian) and a packed
** string in the format's order; the same permutation serves both ways. */
static void copyorder(void *dst, const void *src, int size, int little) {
  int i;
  for (i = 0; i < size; i++) ((char *)dst)[i] = ((const char *)src)[little ? i : size - 1 - i];
}

/* Appends the size bytes of the float or double at p in the format's order. */
static void packbytes(LibBuf *b, const void *p, int size, int little) {
  copyorder(lib_bufprep(b, (vm_size)size), p, size, little);
  b->n += (vm_size)size;
}

/* Packs argument arg under an integer option, with lua5.4's range checks for sizes below 8 bytes. */
static void packinteger(PackFmt *f, LibBuf *b, const PackOpt *o, Value *a, int n, int arg) {
  vm_int v = lib_checkint(f->L, f->self, a, n, arg);
  if (o->size < SZINT) {
    if (o->kind == K_INT) {
      vm_int lim = (vm_int)1 << (o->size * 8 - 1);
      if (!(-lim <= v && v < lim)) lib_argerror(f->L, f->self, arg, "integer overflow");
    } else if ((vm_uint)v >= (vm_uint)1 << (o->size * 8)) {
      lib_argerror(f->L, f->self, arg, "unsigned overflow");
    }
  }
  packint(b, (vm_uint)v, f->little, o->size, o->kind == K_INT && v < 0);
}

/* Packs one data option from argument arg. */
static void packvalue(PackFmt *f, LibBuf *b, const PackOpt *o, Value *a, int n, int arg) {
  VmState *L = f->L;
  VmString *s;
  switch (o->kind) {
    case K_INT: case K_UINT: packinteger(f, b, o, a, n, arg); break;
    case K_FLOAT: {
      float x = (float)lib_checknum(L, f->self, a, n, arg);
      packbytes(b, &x, 4, f->little);
      break;
    }
    case K_DOUBLE: {
      double x = lib_checknum(L, f->self, a, n, arg);
      packbytes(b, &x, 8, f->little);
      break;
    }
    case K_CHAR:
      s = lib_checkstr(L, f->self, a, n, arg);
      if (s->len > (vm_size)o->size) lib_argerror(L, f->self, arg, "string longer than given size");
      lib_addmem(b, s->s, s->len);
      for (vm_size k = s->len; k < (vm_size)o->size; k++) lib_addchar(b, 0);
      break;
    case K_STRING:
      s = lib_checkstr(L, f->self, a, n, arg);
      if (o->size < SZINT && s->len >= (vm_size)1 << (o->size * 8))
        lib_argerror(L, f->self, arg, "string length does not fit in given size");
      packint(b, (vm_uint)s->len, f->little, o->size, 0);
      lib_addmem(b, s->s, s->len);
      break;
    case K_ZSTR:
      s = lib_checkstr(L, f->self, a, n, arg);
      if (strlen(s->s) != s->len) lib_argerror(L, f->self, arg, "string contains zeros");
      lib_addmem(b, s->s, s->len + 1);
      break;
    default: break;
  }
}

/* string.pack(fmt, v1, v2, ...) */
static int l_pack(VmState *L, VmClosure *self, Value *a, int n) {
  PackFmt f;
  LibBuf b;
  int arg = 1;
  fmtinit(&f, L, self, lib_checkstr(L, self, a, n, 1));
  a[n] = VM_NIL;   /* as in lua5.4, the first missing value is a nil ("got nil"): nothing goes past it */
  lib_bufinit(&b);
  while (f.p < f.end) {
    PackOpt o;
    nextopt(&f, b.n, &o);
    for (int k = 0; k < o.ntoalign; k++) lib_addchar(&b, 0);
    if (o.kind == K_PADDING) lib_addchar(&b, 0);
    else if (o.kind != K_PADALIGN && o.kind != K_NOP) packvalue(&f, &b, &o, a, n + 1, ++arg);
  }
  a[0] = lib_bufresult(L, &b);
  return 1;
}

/* string.packsize(fmt) */
static int l_packsize(VmState *L, VmClosure *self, Value *a, int n) {
  PackFmt f;
  vm_size total = 0;
  fmtinit(&f, L, self, lib_checkstr(L, self, a, n, 1));
  while (f.p < f.end) {
    PackOpt o;
    vm_size size;
    nextopt(&f, total, &o);
    if (o.kind == K_STRING || o.kind == K_ZSTR) lib_argerror(L, self, 1, "variable-length format");
    size = (vm_size)o.size + (vm_size)o.ntoalign;
    if (total > MAXPACKSIZE - size) lib_argerror(L, self, 1, "format result too large");
    total += size;
  }
  a[0] = vm_mkint((vm_int)total);
  return 1;
}

/* ---- unpack ---- */

/* Reads a size-byte integer at p; sizes past 8 bytes must hold only the sign's extension. */
static vm_int unpackint(VmState *L, const char *p, int little, int size, int issigned) {
  vm_uint v = 0;
  int limit = size <= SZINT ? size : SZINT, i;
  for (i = limit - 1; i >= 0; i--) v = (v << 8) | (unsigned char)p[little ? i : size - 1 - i];
  if (size < SZINT) {
    if (issigned) {
      vm_uint mask = (vm_uint)1 << (size * 8 - 1);
      v = (v ^ mask) - mask;
    }
  } else if (size > SZINT) {
    unsigned char ext = (issigned && (vm_int)v < 0) ? 0xff : 0;
    for (i = limit; i < size; i++)
      if ((unsigned char)p[little ? i : size - 1 - i] != ext)
        vm_error(L, "%d-byte integer does not fit into Lua Integer", size);
  }
  return (vm_int)v;
}

/* Reads one data option at data + pos (room for its fixed size checked); returns the value, advancing *pos past
** any variable-length part. */
static Value unpackvalue(PackFmt *f, const PackOpt *o, VmString *data, vm_size *pos) {
  const char *p = data->s + *pos;
  vm_size len, ld = data->len;
  switch (o->kind) {
    case K_INT: case K_UINT: return vm_mkint(unpackint(f->L, p, f->little, o->size, o->kind == K_INT));
    case K_FLOAT: {
      float x;
      copyorder(&x, p, 4, f->little);
      return vm_mkfloat((double)x);
    }
    case K_DOUBLE: {
      double x;
      copyorder(&x, p, 8, f->little);
      return vm_mkfloat(x);
    }
    case K_CHAR: return vm_newstr(f->L, p, (vm_size)o->size);
    case K_STRING:
      len = (vm_size)unpackint(f->L, p, f->little, o->size, 0);
      if (len > ld - *pos - (vm_size)o->size) lib_argerror(f->L, f->self, 2, "data string too short");
      *pos += len;
      return vm_newstr(f->L, p + o->size, len);
    case K_ZSTR:
      len = strnlen(p, ld - *pos);
      if (*pos + len >= ld) lib_argerror(f->L, f->self, 2, "unfinished string for format 'z'");
      *pos += len + 1;
      return vm_newstr(f->L, p, len);
    default: return VM_NIL;
  }
}

/* string.unpack(fmt, s [, pos]): the values, then the position after them */
static int l_unpack(VmState *L, VmClosure *self, Value *a, int n) {
  PackFmt f;
  VmString *data;
  vm_int ipos;
  vm_size pos, ld;
  int nres = 0;
  fmtinit(&f, L, self, lib_checkstr(L, self, a, n, 1));
  data = lib_checkstr(L, self, a, n, 2);
  ld = data->len;
  ipos = lib_optint(L, self, a, n, 3, 1);
  if (ipos > 0) pos = (vm_size)ipos - 1;
  else if (ipos == 0 || ipos < -(vm_int)ld) pos = 0;
  else pos = ld + (vm_size)ipos;
  if (pos > ld) lib_argerror(L, self, 3, "initial position out of string");
  while (f.p < f.end) {
    PackOpt o;
    nextopt(&f, pos, &o);
    if ((vm_size)o.ntoalign + (vm_size)o.size > ld - pos) lib_argerror(L, self, 2, "data string too short");
    pos += (vm_size)o.ntoalign;
    if (o.kind != K_PADDING && o.kind != K_PADALIGN && o.kind != K_NOP) {
      Value v;
      lib_checkstack(L, a + nres, 2, "too many results");
      v = unpackvalue(&f, &o, data, &pos);
      a[nres++] = v;
    }
    pos += (vm_size)o.size;
  }
  a[nres] = vm_mkint((vm_int)pos + 1);
  return nres + 1;
}

static const LibReg packfuncs[] = {
  LIB_FN("string.pack", l_pack),
  LIB_FN("string.packsize", l_packsize),
  LIB_FN("string.unpack", l_unpack),
  LIB_END
};

/* Adds pack, packsize and unpack to the string table strtab. */
void lib_openpack(VmState *L, Value strtab) { lib_register(L, strtab, packfuncs); }
