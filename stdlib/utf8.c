/* utf8.c: the utf8 library (stdlib layer). Sequences of up to six bytes encode values up to 2^31 - 1; the
** strict functions (lax false) also reject surrogates and values past U+10FFFF, as lua5.4 does. */
#include <stddef.h>

#include "lib.h"

#define MAXUTF 0x7fffffffu
#define MAXUNICODE 0x10ffffu

static int iscont(const char *p) { return (*p & 0xc0) == 0x80; }

/* Decodes the sequence at s (NUL-terminated, so that a truncated sequence fails); returns the byte after it,
** or NULL when it is invalid (overlong, too long, or, if strict, not a Unicode scalar value). */
static const char *decode(const char *s, unsigned *code, int strict) {
  static const unsigned least[] = {~0u, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u};
  unsigned c = (unsigned char)s[0], r = 0;
  int k = 0;
  if (c >= 0x80) {
    for (; c & 0x40; c <<= 1) {
      unsigned cc = (unsigned char)s[++k];
      if ((cc & 0xc0) != 0x80) return NULL;
      r = (r << 6) | (cc & 0x3f);
    }
    if (k > 5) return NULL;
    r |= (c & 0x7f) << (k * 5);
    if (r > MAXUTF || r < least[k]) return NULL;
  } else {
    r = c;
  }
  if (strict && (r > MAXUNICODE || (r >= 0xd800u && r <= 0xdfffu))) return NULL;
  if (code) *code = r;
  return s + k + 1;
}

/* A position argument: negative counts from the end (0 stays 0). */
static vm_int relpos(vm_int pos, vm_size len) {
  if (pos >= 0) return pos;
  if ((vm_size)-pos > len) return 0;
  return (vm_int)len + pos + 1;
}

/* Writes the encoding of x (<= MAXUTF) into buf; returns its length. */
static int encode(char *buf, unsigned x) {
  unsigned room = 0x3f;        /* largest value the first byte can still hold */
  int k = 0;
  char tmp[8];
  if (x < 0x80) {
    buf[0] = (char)x;
    return 1;
  }
  do {
    tmp[k++] = (char)(0x80 | (x & 0x3f));
    x >>= 6;
    room >>= 1;
  } while (x > room);
  tmp[k++] = (char)((~room << 1) | x);
  for (int i = 0; i < k; i++) buf[i] = tmp[k - 1 - i];
  return k;
}

static int l_char(VmState *L, VmClosure *self, Value *a, int n) {
  LibBuf b;
  int i;
  lib_bufinit(&b);
  for (i = 1; i <= n; i++) {
    vm_int c = lib_checkint(L, self, a, n, i);
    if ((vm_uint)c > MAXUTF) lib_argerror(L, self, i, "value out of range");
    b.n += (vm_size)encode(lib_bufprep(&b, 8), (unsigned)c);
  }
  a[0] = lib_bufresult(L, &b);
  return 1;
}

static int l_len(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1);
  vm_int i = relpos(lib_optint(L, self, a, n, 2, 1), s->len), j = relpos(lib_optint(L, self, a, n, 3, -1), s->len);
  int lax = n >= 4 && vm_istruthy(a[3]);
  vm_int count = 0;
  if (!(1 <= i && i - 1 <= (vm_int)s->len)) lib_argerror(L, self, 2, "initial position out of bounds");
  if (!(j <= (vm_int)s->len)) lib_argerror(L, self, 3, "final position out of bounds");
  for (i--; i < j; count++) {
    const char *e = decode(s->s + i, NULL, !lax);
    if (e == NULL) {
      a[0] = VM_NIL;
      a[1] = vm_mkint(i + 1);
      return 2;
    }
    i = e - s->s;
  }
  a[0] = vm_mkint(count);
  return 1;
}

static int l_codepoint(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1);
  vm_int i = relpos(lib_optint(L, self, a, n, 2, 1), s->len), j, k = 0;
  int lax = n >= 4 && vm_istruthy(a[3]);
  const char *p, *end;
  j = relpos(lib_optint(L, self, a, n, 3, i), s->len);
  if (i < 1) lib_argerror(L, self, 2, "out of bounds");
  if (j > (vm_int)s->len) lib_argerror(L, self, 3, "out of bounds");
  if (i > j) return 0;
  if (j - i >= 0x7fffffff) vm_error(L, "string slice too long");
  lib_checkstack(L, a, j - i + 1, "string slice too long");
  for (p = s->s + i - 1, end = s->s + j; p < end; k++) {
    unsigned code;
    p = decode(p, &code, !lax);
    if (p == NULL) vm_error(L, "invalid UTF-8 code");
    a[k] = vm_mkint(code);
  }
  return (int)k;
}

static int l_offset(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *str = lib_checkstr(L, self, a, n, 1);
  const char *s = str->s;
  vm_int k = lib_checkint(L, self, a, n, 2), len = (vm_int)str->len;
  vm_int i = relpos(lib_optint(L, self, a, n, 3, k >= 0 ? 1 : len + 1), str->len);
  if (!(1 <= i && i - 1 <= len)) lib_argerror(L, self, 3, "position out of bounds");
  i--;
  if (k == 0) {
    while (i > 0 && iscont(s + i)) i--;
  } else {
    if (iscont(s + i)) vm_error(L, "initial position is a continuation byte");
    if (k < 0) {
      for (; k < 0 && i > 0; k++) {
        do i--; while (i > 0 && iscont(s + i));
      }
    } else {
      for (k--; k > 0 && i < len; k--) {
        do i++; while (iscont(s + i));
      }
    }
  }
  a[0] = k == 0 ? vm_mkint(i + 1) : VM_NIL;
  return 1;
}

/* The iterator of codes: (s, position of the previous character) -> position, code. */
static int iteraux(VmState *L, VmClosure *self, Value *a, int n, int strict) {
  VmString *s = lib_checkstr(L, self, a, n, 1);
  vm_uint i = (vm_uint)lib_optint(L, self, a, n, 2, 0);
  unsigned code;
  const char *e;
  if (i < s->len) while (iscont(s->s + i)) i++;
  if (i >= s->len) return 0;
  e = decode(s->s + i, &code, strict);
  if (e == NULL) vm_error(L, "invalid UTF-8 code");
  a[0] = vm_mkint((vm_int)i + 1);
  a[1] = vm_mkint(code);
  return 2;
}

static int iter_strict(VmState *L, VmClosure *self, Value *a, int n) { return iteraux(L, self, a, n, 1); }
static int iter_lax(VmState *L, VmClosure *self, Value *a, int n) { return iteraux(L, self, a, n, 0); }

static const LibReg iters[] = {
  LIB_FN("for iterator", iter_strict),
  LIB_FN("for iterator", iter_lax),
  LIB_END
};
static Value iterfn[2];

static int l_codes(VmState *L, VmClosure *self, Value *a, int n) {
  int lax = n >= 2 && vm_istruthy(a[1]);
  lib_checkstr(L, self, a, n, 1);
  a[1] = a[0];
  a[0] = iterfn[lax];
  a[2] = vm_mkint(0);
  return 3;
}

static const LibReg utf8funcs[] = {
  LIB_FN("utf8.char", l_char),
  LIB_FN("utf8.codepoint", l_codepoint),
  LIB_FN("utf8.codes", l_codes),
  LIB_FN("utf8.len", l_len),
  LIB_FN("utf8.offset", l_offset),
  LIB_END
};

/* Creates the utf8 library in g. */
void lib_openutf8(VmState *L, Value g) {
  Value lib = lib_newlib(L, utf8funcs);
  iterfn[0] = vm_mkfunc(vm_newclosure(L, iters[0].fn, &iters[0].info, 0));
  iterfn[1] = vm_mkfunc(vm_newclosure(L, iters[1].fn, &iters[1].info, 0));
  lib_setfield(L, lib, "charpattern", vm_newstr(L, "[\0-\x7F\xC2-\xFD][\x80-\xBF]*", 14));
  lib_setfield(L, g, "utf8", lib);
  lib_setloaded(L, "utf8", lib);
}
