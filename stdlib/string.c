/* string.c: the string library without patterns, string.format included (stdlib layer). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lib.h"

/* Largest string the library builds (lua5.4 keeps sizes within an int). */
#define MAXSTR ((vm_size)0x7fffffff)

/* ---- Positions ---- */

/* A start position: negative counts from the end; clipped to 1.. */
static vm_size startpos(vm_int pos, vm_size len) {
  if (pos > 0) return (vm_size)pos;
  if (pos == 0 || pos < -(vm_int)len) return 1;
  return len + (vm_size)pos + 1;
}

/* An end position: negative counts from the end; clipped to 0..len */
static vm_size endpos(vm_int pos, vm_size len) {
  if (pos > (vm_int)len) return len;
  if (pos >= 0) return (vm_size)pos;
  if (pos < -(vm_int)len) return 0;
  return len + (vm_size)pos + 1;
}

/* ---- Simple functions ---- */

static int l_len(VmState *L, VmClosure *self, Value *a, int n) {
  a[0] = vm_mkint((vm_int)lib_checkstr(L, self, a, n, 1)->len);
  return 1;
}

static int l_sub(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1);
  vm_size i = startpos(lib_checkint(L, self, a, n, 2), s->len);
  vm_size j = endpos(lib_optint(L, self, a, n, 3, -1), s->len);
  if (i == 1 && j == s->len) return 1;
  a[0] = i <= j ? vm_newstr(L, s->s + i - 1, j - i + 1) : vm_newstr(L, "", 0);
  return 1;
}

/* upper/lower: f maps one byte */
static int mapbytes(VmState *L, VmClosure *self, Value *a, int n, int (*f)(int)) {
  VmString *s = lib_checkstr(L, self, a, n, 1), *r = vm_newstrbuf(L, s->len);
  vm_size i;
  for (i = 0; i < s->len; i++) r->s[i] = (char)f((unsigned char)s->s[i]);
  a[0] = vm_strbufdone(r);
  return 1;
}

static int l_upper(VmState *L, VmClosure *self, Value *a, int n) { return mapbytes(L, self, a, n, toupper); }
static int l_lower(VmState *L, VmClosure *self, Value *a, int n) { return mapbytes(L, self, a, n, tolower); }

static int l_reverse(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1), *r = vm_newstrbuf(L, s->len);
  vm_size i;
  for (i = 0; i < s->len; i++) r->s[i] = s->s[s->len - 1 - i];
  a[0] = vm_strbufdone(r);
  return 1;
}

static int l_rep(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1), *sep, *r;
  vm_int k = lib_checkint(L, self, a, n, 2);
  vm_size l, ls, total;
  char *p;
  sep = lib_optstr(L, self, a, n, 3);
  l = s->len, ls = sep ? sep->len : 0;
  if (k <= 0 || l + ls == 0) {
    a[0] = vm_newstr(L, "", 0);
    return 1;
  }
  if (l + ls > MAXSTR / (vm_size)k) vm_error(L, "resulting string too large");
  total = l * (vm_size)k + ls * (vm_size)(k - 1);
  r = vm_newstrbuf(L, total);
  for (p = r->s; k > 0; k--) {
    memcpy(p, s->s, l), p += l;
    if (k > 1 && ls > 0) memcpy(p, sep->s, ls), p += ls;
  }
  a[0] = vm_strbufdone(r);
  return 1;
}

static int l_byte(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1);
  vm_int pi = lib_optint(L, self, a, n, 2, 1);
  vm_size i = startpos(pi, s->len), j = endpos(lib_optint(L, self, a, n, 3, pi), s->len), k;
  const unsigned char *p = (const unsigned char *)s->s;
  if (i > j) return 0;
  if (j - i >= 0x7fffffff) vm_error(L, "string slice too long");
  lib_checkstack(L, a, (vm_int)(j - i + 1), "string slice too long");
  for (k = i; k <= j; k++) a[k - i] = vm_mkimmint(p[k - 1]);
  return (int)(j - i + 1);
}

static int l_char(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *r = vm_newstrbuf(L, (vm_size)n);
  int i;
  for (i = 1; i <= n; i++) {
    vm_int c = lib_checkint(L, self, a, n, i);
    if ((vm_uint)c > 255) lib_argerror(L, self, i, "value out of range");
    r->s[i - 1] = (char)c;
  }
  a[0] = vm_strbufdone(r);
  return 1;
}

/* ---- format ---- */

#define FMTSPAN "-+#0 123456789."  /* flags, width, precision */
#define FMTMAX 32                   /* size of a conversion specification with its length modifier */

/* Errors unless form ("%...c") has only characters of `flags`, a width of up to two digits and (when precision
** is allowed) a '.' and up to two digits before its conversion letter. */
static void checkspec(VmState *L, const char *form, const char *flags, int precision) {
  const char *p = form + 1;
  p += strspn(p, flags);
  if (*p != '0') {
    if (isdigit((unsigned char)*p)) p++;
    if (isdigit((unsigned char)*p)) p++;
    if (*p == '.' && precision) {
      p++;
      if (isdigit((unsigned char)*p)) p++;
      if (isdigit((unsigned char)*p)) p++;
    }
  }
  if (!isalpha((unsigned char)*p)) vm_error(L, "invalid conversion specification: '%s'", form);
}

/* Inserts the length modifier mod before the conversion letter at the end of form. */
static void addlenmod(char *form, const char *mod) {
  size_t l = strlen(form), lm = strlen(mod);
  char c = form[l - 1];
  memcpy(form + l - 1, mod, lm);
  form[l - 1 + lm] = c;
  form[l + lm] = '\0';
}

/* Appends s (len bytes) quoted so that Lua reads it back: "...", escapes for '"', '\\', newlines and control
** characters (\ddd with three digits when a digit follows). */
static void addquoted(LibBuf *b, const char *s, vm_size len) {
  vm_size i;
  lib_addchar(b, '"');
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c == '\n') {
      lib_addchar(b, '\\');
      lib_addchar(b, (char)c);
    } else if (iscntrl(c)) {
      int digit = i + 1 < len && isdigit((unsigned char)s[i + 1]);
      b->n += (vm_size)snprintf(lib_bufprep(b, 8), 8, digit ? "\\%03d" : "\\%d", c);
    } else {
      lib_addchar(b, (char)c);
    }
  }
  lib_addchar(b, '"');
}

/* %q of a float: hex float, or an expression for infinities and NaN */
static void addquotedfloat(LibBuf *b, double d) {
  if (d == 1.0 / 0.0) lib_addcstr(b, "1e9999");
  else if (d == -1.0 / 0.0) lib_addcstr(b, "-1e9999");
  else if (d != d) lib_addcstr(b, "(0/0)");
  else b->n += (vm_size)snprintf(lib_bufprep(b, 64), 64, "%a", d);
}

static void addliteral(VmState *L, VmClosure *self, LibBuf *b, Value *a, int arg) {
  Value v = a[arg - 1];
  if (vm_isstring(v)) {
    addquoted(b, vm_str(v)->s, vm_str(v)->len);
  } else if (vm_isfloat(v)) {
    addquotedfloat(b, vm_tofloat(v));
  } else if (vm_isint(v)) {
    vm_int i = vm_toint(v);
    b->n += (vm_size)snprintf(lib_bufprep(b, 32), 32, i == (vm_int)((vm_uint)1 << 63) ? "0x%llx" : "%lld", i);
  } else if (v == VM_NIL || vm_isbool(v)) {
    lib_addvalue(L, b, v);
  } else {
    lib_argerror(L, self, arg, "value has no literal form");
  }
}

/* %s with modifiers */
static void addformattedstr(VmState *L, VmClosure *self, LibBuf *b, char *form, Value *a, int arg) {
  VmString *s;
  a[arg - 1] = lib_tostring(L, a[arg - 1]);
  s = vm_str(a[arg - 1]);
  if (strlen(s->s) != s->len) lib_argerror(L, self, arg, "string contains zeros");
  checkspec(L, form, "-", 1);
  if (strchr(form, '.') == NULL && s->len >= 100) lib_addmem(b, s->s, s->len);
  else b->n += (vm_size)snprintf(lib_bufprep(b, 256), 256, form, s->s);
}

/* %p: the address of an object, "(null)" for values that are not objects */
static void addpointer(VmState *L, LibBuf *b, char *form, Value v) {
  checkspec(L, form, "-", 0);
  if (vm_isptr(v) && !vm_isnumber(v)) {
    b->n += (vm_size)snprintf(lib_bufprep(b, 128), 128, form, vm_toptr(v));
  } else {
    form[strlen(form) - 1] = 's';
    b->n += (vm_size)snprintf(lib_bufprep(b, 128), 128, form, "(null)");
  }
}

/* One conversion: form is "%<flags/width/precision><conv>" (conv '\0': the format ended or has a zero there,
** an invalid conversion). */
static void convert(VmState *L, VmClosure *self, LibBuf *b, char conv, char *form, Value *a, int n, int arg) {
  const char *flags;
  switch (conv) {
    case 'c':
      checkspec(L, form, "-", 0);
      b->n += (vm_size)snprintf(lib_bufprep(b, 128), 128, form, (int)lib_checkint(L, self, a, n, arg));
      return;
    case 'd': case 'i': flags = "-+0 "; goto intcase;
    case 'u': flags = "-0"; goto intcase;
    case 'o': case 'x': case 'X': flags = "-#0";
    intcase: {
      vm_int i = lib_checkint(L, self, a, n, arg);
      checkspec(L, form, flags, 1);
      addlenmod(form, "ll");
      b->n += (vm_size)snprintf(lib_bufprep(b, 128), 128, form, i);
      return;
    }
    case 'a': case 'A':
      checkspec(L, form, "-+#0 ", 1);
      b->n += (vm_size)snprintf(lib_bufprep(b, 128), 128, form, lib_checknum(L, self, a, n, arg));
      return;
    case 'f': case 'e': case 'E': case 'g': case 'G': {      /* no 'F': lua5.4.4 rejects it */
      double d = lib_checknum(L, self, a, n, arg);
      checkspec(L, form, "-+#0 ", 1);
      b->n += (vm_size)snprintf(lib_bufprep(b, 512), 512, form, d);
      return;
    }
    case 'p': addpointer(L, b, form, a[arg - 1]); return;
    case 'q':
      if (form[2] != '\0') vm_error(L, "specifier '%%q' cannot have modifiers");
      addliteral(L, self, b, a, arg);
      return;
    case 's':
      if (form[2] == '\0') lib_addvalue(L, b, a[arg - 1]);
      else addformattedstr(L, self, b, form, a, arg);
      return;
    default:
      vm_error(L, "invalid conversion '%s' to 'format'", form);
  }
}

static int l_format(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *fs = lib_checkstr(L, self, a, n, 1);
  const char *p = fs->s, *e = p + fs->len;
  char form[FMTMAX];
  int arg = 1;
  LibBuf b;
  lib_bufinit(&b);
  while (p < e) {
    const char *q = memchr(p, '%', (vm_size)(e - p));
    vm_size span;
    if (q == NULL) q = e;
    lib_addmem(&b, p, (vm_size)(q - p));
    if (q == e) break;
    p = q + 1;
    if (*p == '%') {             /* "%%" (s->s is NUL-terminated, so p[0] is readable at the end) */
      lib_addchar(&b, '%');
      p++;
      continue;
    }
    if (++arg > n) lib_argerror(L, self, arg, "no value");
    if (p[0] == 'd' && vm_isint(a[arg - 1])) {   /* fast paths: plain %d, %s */
      b.n += (vm_size)vm_fmtnum(lib_bufprep(&b, 64), a[arg - 1]);
      p++;
      continue;
    }
    if (p[0] == 's') {
      lib_addvalue(L, &b, a[arg - 1]);
      p++;
      continue;
    }
    span = strspn(p, FMTSPAN);
    if (span + 1 >= FMTMAX - 10) vm_error(L, "invalid format (too long)");
    form[0] = '%';
    memcpy(form + 1, p, span + 1);
    form[span + 2] = '\0';
    convert(L, self, &b, p[span], form, a, n, arg);
    p += span + 1;
  }
  a[0] = lib_bufresult(L, &b);
  return 1;
}

/* ---- Fast entries (VmFuncInfo.fast): a string and integers, as above; anything else to the functions ---- */

/* s:byte() or s:byte(i): one byte or none */
static int f_byte(LIB_FASTARGS) {
  VmString *s;
  vm_int pi = 1;
  vm_size i;
  if (n < 1 || n > 2 || !vm_isstring(a[0]) || (n == 2 && !vm_isint(a[1]))) LIB_SLOW();
  s = vm_str(a[0]);
  if (n == 2) pi = vm_toint(a[1]);
  i = startpos(pi, s->len);
  if (i > endpos(pi, s->len)) return vm_fastret(L, a, 0);
  a[0] = vm_mkimmint((unsigned char)s->s[i - 1]);
  return vm_fastret(L, a, 1);
}

static int f_char(LIB_FASTARGS) {
  char c;
  if (n != 1 || !vm_isint(a[0]) || (vm_uint)vm_toint(a[0]) > 255) LIB_SLOW();
  c = (char)vm_toint(a[0]);
  a[0] = vm_newstr(L, &c, 1);
  return vm_fastret(L, a, 1);
}

static int f_len(LIB_FASTARGS) {
  if (n < 1 || !vm_isstring(a[0])) LIB_SLOW();
  a[0] = vm_mkint((vm_int)vm_str(a[0])->len);
  return vm_fastret(L, a, 1);
}

static int f_sub(LIB_FASTARGS) {
  VmString *s;
  vm_size i, j;
  if (n < 2 || n > 3 || !vm_isstring(a[0]) || !vm_isint(a[1]) || (n == 3 && !vm_isint(a[2]))) LIB_SLOW();
  s = vm_str(a[0]);
  i = startpos(vm_toint(a[1]), s->len);
  j = endpos(n == 3 ? vm_toint(a[2]) : -1, s->len);
  if (i == 1 && j == s->len) return vm_fastret(L, a, 1);
  a[0] = i <= j ? vm_newstr(L, s->s + i - 1, j - i + 1) : vm_newstr(L, "", 0);
  return vm_fastret(L, a, 1);
}

/* ---- Registration ---- */

static const LibReg strfuncs[] = {
  LIB_FAST("string.byte", l_byte, f_byte),
  LIB_FAST("string.char", l_char, f_char),
  LIB_FN("string.format", l_format),
  LIB_FAST("string.len", l_len, f_len),
  LIB_FN("string.lower", l_lower),
  LIB_FN("string.rep", l_rep),
  LIB_FN("string.reverse", l_reverse),
  LIB_FAST("string.sub", l_sub, f_sub),
  LIB_FN("string.upper", l_upper),
  LIB_END
};

/* Creates the string table in g and the metatable of strings (__index = string). */
void lib_openstring(VmState *L, Value g) {
  Value lib = lib_newlib(L, strfuncs), mt = vm_newtable(L, 0, 2);
  lib_openpattern(L, lib);
  lib_openpack(L, lib);
  lib_opendump(L, lib);
  lib_setfield(L, mt, "__index", lib);
  vm_setstringmeta(L, mt);
  lib_setfield(L, g, "string", lib);
  lib_setloaded(L, "string", lib);
}
