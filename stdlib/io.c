/* io.c: the io library, files as userdata with the metatable "FILE*" (stdlib layer). */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "lib.h"

enum { KFILE, KSTD, KPIPE };   /* how a file is closed: fclose, never, pclose */

typedef struct LFile {
  FILE *f;                 /* NULL once closed; not a GC object */
  int kind;
} LFile;

static Value filemeta;     /* the "FILE*" metatable (static data is a GC root) */
static Value defin, defout;

/* ---- File handles ---- */

static LFile *tolfile(Value v) {
  if (vm_isobj(v, VM_TUSERDATA) && vm_istable(filemeta) && vm_udata(v)->meta == vm_tab(filemeta))
    return (LFile *)(void *)vm_udata(v)->data;
  return NULL;
}

static Value newfile(VmState *L, FILE *f, int kind) {
  VmUserdata *u = vm_newuserdata(L, sizeof(LFile));
  LFile *p = (LFile *)(void *)u->data;
  Value v = vm_mkptr(u);
  p->f = f;
  p->kind = kind;
  vm_setmetatable(L, v, filemeta);
  return v;
}

/* Argument 1 as a file handle (open or closed). */
static LFile *checkfile(VmState *L, VmClosure *self, Value *a, int n) {
  LFile *p = n >= 1 ? tolfile(a[0]) : NULL;
  if (p == NULL) lib_typeerror(L, self, a, n, 1, "FILE*");
  return p;
}

/* Argument 1 as an open file. */
static FILE *tofile(VmState *L, VmClosure *self, Value *a, int n) {
  LFile *p = checkfile(L, self, a, n);
  if (p->f == NULL) vm_error(L, "attempt to use a closed file");
  return p->f;
}

/* Closes p; leaves the results of close in a. */
static int closefile(VmState *L, LFile *p, Value *a) {
  FILE *f = p->f;
  int st;
  if (p->kind == KSTD) {
    a[0] = VM_NIL;
    a[1] = vm_newcstr(L, "cannot close standard file");
    return 2;
  }
  p->f = NULL;
  if (p->kind == KFILE) return lib_fileresult(L, a, fclose(f) == 0, NULL);
  st = pclose(f);
  if (st == -1) return lib_fileresult(L, a, 0, NULL);
  a[0] = WIFEXITED(st) && WEXITSTATUS(st) == 0 ? VM_TRUE : VM_NIL;
  a[1] = vm_newcstr(L, WIFSIGNALED(st) ? "signal" : "exit");
  a[2] = vm_mkint(WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
  return 3;
}

/* Opens fname or raises "cannot open file 'f' (reason)". */
static Value opencheck(VmState *L, const char *fname, const char *mode) {
  FILE *f = fopen(fname, mode);
  if (f == NULL) vm_error(L, "cannot open file '%s' (%s)", fname, strerror(errno));
  return newfile(L, f, KFILE);
}

/* The default input or output, which must be open. */
static FILE *deffile(VmState *L, Value v, const char *what) {
  LFile *p = tolfile(v);
  if (p == NULL || p->f == NULL) vm_error(L, "default %s file is closed", what);
  return p->f;
}

/* ---- Reading ---- */

/* Reads a numeral as lua5.4's read_number: at most 200 characters that can belong to a number. */
typedef struct NumReader {
  FILE *f;
  int c, n;
  char buf[201];
} NumReader;

static int nextc(NumReader *r) {
  if (r->n >= 200) {
    r->buf[0] = '\0';
    return 0;
  }
  r->buf[r->n++] = (char)r->c;
  r->c = getc_unlocked(r->f);
  return 1;
}

static int accept2(NumReader *r, const char *set) {
  return (r->c == set[0] || r->c == set[1]) && nextc(r);
}

static int digits(NumReader *r, int hex) {
  int k = 0;
  while ((hex ? isxdigit(r->c) : isdigit(r->c)) && nextc(r)) k++;
  return k;
}

static Value readnumber(FILE *f) {
  NumReader r;
  int count = 0, hex = 0;
  r.f = f;
  r.n = 0;
  flockfile(f);
  do r.c = getc_unlocked(f); while (isspace(r.c));
  accept2(&r, "-+");
  if (accept2(&r, "00")) {
    if (accept2(&r, "xX")) hex = 1;
    else count = 1;
  }
  count += digits(&r, hex);
  if (accept2(&r, "..")) count += digits(&r, hex);
  if (count > 0 && accept2(&r, hex ? "pP" : "eE")) {
    accept2(&r, "-+");
    digits(&r, 0);
  }
  ungetc(r.c, f);
  funlockfile(f);
  r.buf[r.n] = '\0';
  return vm_str2num(r.buf, strlen(r.buf));
}

/* A line (chop: without its newline); VM_NIL at the end of the file. */
static Value readline(VmState *L, FILE *f, int chop) {
  LibBuf b;
  int c = EOF;
  lib_bufinit(&b);
  flockfile(f);
  for (;;) {
    char *p = lib_bufprep(&b, 256), *e = p + 256;
    while (p < e && (c = getc_unlocked(f)) != EOF && c != '\n') *p++ = (char)c;
    b.n = (vm_size)(p - b.p);
    if (p < e) break;
  }
  funlockfile(f);
  if (c == '\n' && !chop) lib_addchar(&b, '\n');
  if (c == EOF && b.n == 0) return VM_NIL;
  return lib_bufresult(L, &b);
}

static Value readchars(VmState *L, FILE *f, vm_size k) {
  LibBuf b;
  lib_bufinit(&b);
  b.n = fread(lib_bufprep(&b, k), 1, k, f);
  return b.n > 0 ? lib_bufresult(L, &b) : VM_NIL;
}

static Value readall(VmState *L, FILE *f) {
  LibBuf b;
  vm_size k;
  lib_bufinit(&b);
  while ((k = fread(lib_bufprep(&b, 4096), 1, 4096, f)) > 0) b.n += k;
  return lib_bufresult(L, &b);
}

/* "" if f is not at its end, else VM_NIL */
static Value testeof(VmState *L, FILE *f) {
  int c = getc(f);
  ungetc(c, f);
  return c == EOF ? VM_NIL : vm_newstr(L, "", 0);
}

/* Reads with the formats a[first..n-1] (none: "l"); results go to a[0..]: up to the first failure (nil). */
static int readformats(VmState *L, VmClosure *self, FILE *f, Value *a, int first, int n) {
  int k, r = 0;
  clearerr(f);
  if (first >= n) {
    vm_reserve(L, a + n + 1);
    a[n] = vm_newcstr(L, "l");
    n++;
  }
  for (k = first; k < n; k++) {
    Value fmt = a[k], v;
    if (vm_isnumber(fmt)) {
      vm_int cnt = lib_checkint(L, self, a, n, k + 1);
      v = cnt == 0 ? testeof(L, f) : readchars(L, f, (vm_size)cnt);
    } else {
      const char *p = lib_checkstr(L, self, a, n, k + 1)->s;
      if (*p == '*') p++;
      switch (*p) {
        case 'n': v = readnumber(f); break;
        case 'l': v = readline(L, f, 1); break;
        case 'L': v = readline(L, f, 0); break;
        case 'a': v = readall(L, f); break;
        default: lib_argerror(L, self, k + 1, "invalid format");
      }
    }
    a[r++] = v;
    if (v == VM_NIL) break;
  }
  if (ferror(f)) return lib_fileresult(L, a, 0, NULL);
  return r;
}

static int l_read(VmState *L, VmClosure *self, Value *a, int n) {
  return readformats(L, self, deffile(L, defin, "input"), a, 0, n);
}

static int f_read(VmState *L, VmClosure *self, Value *a, int n) {
  return readformats(L, self, tofile(L, self, a, n), a, 1, n);
}

/* ---- Writing ---- */

/* Writes a[first..n-1]; leaves a[0] (the file) as the result, or the failure's results. */
static int writevalues(VmState *L, VmClosure *self, FILE *f, Value *a, int first, int n) {
  char buf[64];
  int k, ok = 1;
  if (f == stderr) fflush(stdout);    /* print does not flush: keep stdout's lines before stderr's */
  for (k = first; k < n; k++) {
    Value v = a[k];
    if (vm_isstring(v)) {
      ok &= fwrite(vm_str(v)->s, 1, vm_str(v)->len, f) == vm_str(v)->len;
    } else if (vm_isint(v)) {
      int len = vm_fmtnum(buf, v);
      ok &= fwrite(buf, 1, (size_t)len, f) == (size_t)len;
    } else if (vm_isfloat(v)) {
      ok &= fprintf(f, "%.14g", vm_tofloat(v)) > 0;
    } else {
      lib_typeerror(L, self, a, n, k + 1, "string");
    }
  }
  if (ok) return 1;
  return lib_fileresult(L, a, 0, NULL);
}

static int l_write(VmState *L, VmClosure *self, Value *a, int n) {
  FILE *f = deffile(L, defout, "output");
  int r = writevalues(L, self, f, a, 0, n);
  if (r == 1) a[0] = defout;
  return r;
}

static int f_write(VmState *L, VmClosure *self, Value *a, int n) {
  return writevalues(L, self, tofile(L, self, a, n), a, 1, n);
}

/* ---- Lines ---- */

/* The iterator of lines: up[0] the file, up[1] whether to close it at the end, up[2..] the formats. */
static int linesiter(VmState *L, VmClosure *self, Value *a, int n) {
  LFile *p = tolfile(self->up[0]->v);
  int k, nf = self->nup - 2, r;
  (void)n;
  if (p == NULL || p->f == NULL) vm_error(L, "file is already closed");
  for (k = 0; k < nf; k++) a[k] = self->up[k + 2]->v;
  vm_reserve(L, a + nf + 1);
  r = readformats(L, self, p->f, a, 0, nf);
  if (r > 0 && a[0] != VM_NIL) return r;
  if (r > 1 && vm_isstring(a[1])) vm_error(L, "%s", vm_str(a[1])->s);
  if (self->up[1]->v == VM_TRUE) closefile(L, p, a);
  return 0;
}

static const VmFuncInfo linesinfo = {"for iterator", "[C]", -1, 0, 1, 0};

/* An iterator reading file with the formats a[first..n-1]. */
static Value makelines(VmState *L, Value file, int toclose, Value *a, int first, int n) {
  VmClosure *c;
  int k, nf = n > first ? n - first : 0;
  if (nf > 250) vm_error(L, "too many arguments");
  c = vm_newclosure(L, linesiter, &linesinfo, nf + 2);
  c->up[0] = vm_newcell(L, file);
  c->up[1] = vm_newcell(L, vm_mkbool(toclose));
  for (k = 0; k < nf; k++) c->up[k + 2] = vm_newcell(L, a[first + k]);
  return vm_mkfunc(c);
}

static int f_lines(VmState *L, VmClosure *self, Value *a, int n) {
  tofile(L, self, a, n);
  a[0] = makelines(L, a[0], 0, a, 1, n);
  return 1;
}

static int l_lines(VmState *L, VmClosure *self, Value *a, int n) {
  Value file;
  if (lib_isnone(a, n, 1)) {
    deffile(L, defin, "input");
    a[0] = makelines(L, defin, 0, a, 1, n);
    return 1;
  }
  file = opencheck(L, lib_checkstr(L, self, a, n, 1)->s, "r");
  a[0] = makelines(L, file, 1, a, 1, n);
  a[1] = VM_NIL;
  a[2] = VM_NIL;
  a[3] = file;   /* the generic for's closing value: a loop left early closes the file (its __close) */
  return 4;
}

/* ---- Opening and closing ---- */

static int validmode(const char *m) {
  if (*m == '\0' || strchr("rwa", *m++) == NULL) return 0;
  if (*m == '+') m++;
  return strspn(m, "b") == strlen(m);
}

static int l_open(VmState *L, VmClosure *self, Value *a, int n) {
  const char *name = lib_checkstr(L, self, a, n, 1)->s;
  VmString *ms = lib_optstr(L, self, a, n, 2);
  const char *mode = ms ? ms->s : "r";
  FILE *f;
  if (!validmode(mode)) lib_argerror(L, self, 2, "invalid mode");
  f = fopen(name, mode);
  if (f == NULL) return lib_fileresult(L, a, 0, name);
  a[0] = newfile(L, f, KFILE);
  return 1;
}

static int l_popen(VmState *L, VmClosure *self, Value *a, int n) {
  const char *prog = lib_checkstr(L, self, a, n, 1)->s;
  VmString *ms = lib_optstr(L, self, a, n, 2);
  const char *mode = ms ? ms->s : "r";
  FILE *f;
  if (!((mode[0] == 'r' || mode[0] == 'w') && mode[1] == '\0')) lib_argerror(L, self, 2, "invalid mode");
  fflush(NULL);
  f = popen(prog, mode);
  if (f == NULL) return lib_fileresult(L, a, 0, prog);
  a[0] = newfile(L, f, KPIPE);
  return 1;
}

static int l_tmpfile(VmState *L, VmClosure *self, Value *a, int n) {
  FILE *f = tmpfile();
  (void)self, (void)n;
  if (f == NULL) return lib_fileresult(L, a, 0, NULL);
  a[0] = newfile(L, f, KFILE);
  return 1;
}

static int f_close(VmState *L, VmClosure *self, Value *a, int n) {
  tofile(L, self, a, n);
  return closefile(L, tolfile(a[0]), a);
}

static int l_close(VmState *L, VmClosure *self, Value *a, int n) {
  if (lib_isnone(a, n, 1)) a[0] = defout, n = 1;
  return f_close(L, self, a, n);
}

/* io.input / io.output: set the default from a file name or handle; return the current default */
static int iofile(VmState *L, VmClosure *self, Value *a, int n, Value *def, const char *mode) {
  if (!lib_isnone(a, n, 1)) {
    if (vm_isstring(a[0]) || vm_isnumber(a[0])) *def = opencheck(L, lib_checkstr(L, self, a, n, 1)->s, mode);
    else tofile(L, self, a, n), *def = a[0];
  }
  a[0] = *def;
  return 1;
}

static int l_input(VmState *L, VmClosure *self, Value *a, int n) { return iofile(L, self, a, n, &defin, "r"); }
static int l_output(VmState *L, VmClosure *self, Value *a, int n) { return iofile(L, self, a, n, &defout, "w"); }

static int l_type(VmState *L, VmClosure *self, Value *a, int n) {
  static Value names[2];
  LFile *p;
  lib_checkany(L, self, n, 1);
  if (names[0] == VM_NIL) names[0] = vm_newcstr(L, "file"), names[1] = vm_newcstr(L, "closed file");
  p = tolfile(a[0]);
  a[0] = p == NULL ? VM_NIL : p->f ? names[0] : names[1];
  return 1;
}

/* ---- Other file methods ---- */

static int f_flush(VmState *L, VmClosure *self, Value *a, int n) {
  FILE *f = tofile(L, self, a, n);
  errno = 0;
  return lib_fileresult(L, a, fflush(f) == 0, NULL);
}

static int l_flush(VmState *L, VmClosure *self, Value *a, int n) {
  FILE *f = deffile(L, defout, "output");
  (void)self, (void)n;
  errno = 0;
  return lib_fileresult(L, a, fflush(f) == 0, NULL);
}

static int f_seek(VmState *L, VmClosure *self, Value *a, int n) {
  static const int modes[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  static const char *const names[] = {"set", "cur", "end", NULL};
  FILE *f = tofile(L, self, a, n);
  int op = lib_checkoption(L, self, a, n, 2, "cur", names);
  vm_int off = lib_optint(L, self, a, n, 3, 0);
  if (fseeko(f, (off_t)off, modes[op]) != 0) return lib_fileresult(L, a, 0, NULL);
  a[0] = vm_mkint((vm_int)ftello(f));
  return 1;
}

static int f_setvbuf(VmState *L, VmClosure *self, Value *a, int n) {
  static const int modes[] = {_IONBF, _IOFBF, _IOLBF};
  static const char *const names[] = {"no", "full", "line", NULL};
  FILE *f = tofile(L, self, a, n);
  int op = lib_checkoption(L, self, a, n, 2, NULL, names);
  vm_int size = lib_optint(L, self, a, n, 3, 1024);
  return lib_fileresult(L, a, setvbuf(f, NULL, modes[op], (size_t)size) == 0, NULL);
}

static int f_tostring(VmState *L, VmClosure *self, Value *a, int n) {
  LFile *p = checkfile(L, self, a, n);
  char buf[64];
  if (p->f == NULL) snprintf(buf, sizeof buf, "file (closed)");
  else snprintf(buf, sizeof buf, "file (%p)", (void *)p->f);
  a[0] = vm_newcstr(L, buf);
  return 1;
}

/* __gc and __close: close a file that is still open (never the standard ones) */
static int f_gc(VmState *L, VmClosure *self, Value *a, int n) {
  LFile *p = checkfile(L, self, a, n);
  if (p->f != NULL && p->kind != KSTD) closefile(L, p, a + 1);
  return 0;
}

/* ---- Registration ---- */

static const LibReg iofuncs[] = {
  LIB_FN("io.close", l_close),
  LIB_FN("io.flush", l_flush),
  LIB_FN("io.input", l_input),
  LIB_FN("io.lines", l_lines),
  LIB_FN("io.open", l_open),
  LIB_FN("io.output", l_output),
  LIB_FN("io.popen", l_popen),
  LIB_FN("io.read", l_read),
  LIB_FN("io.tmpfile", l_tmpfile),
  LIB_FN("io.type", l_type),
  LIB_FN("io.write", l_write),
  LIB_END
};

static const LibReg methods[] = {
  LIB_FN("close", f_close),
  LIB_FN("flush", f_flush),
  LIB_FN("lines", f_lines),
  LIB_FN("read", f_read),
  LIB_FN("seek", f_seek),
  LIB_FN("setvbuf", f_setvbuf),
  LIB_FN("write", f_write),
  LIB_END
};

static const LibReg metamethods[] = {
  LIB_FN("__close", f_gc),
  LIB_FN("__gc", f_gc),
  LIB_FN("__tostring", f_tostring),
  LIB_END
};

/* Creates the io library in g with its standard files. */
void lib_openio(VmState *L, Value g) {
  Value lib = lib_newlib(L, iofuncs);
  filemeta = lib_newlib(L, metamethods);
  lib_setfield(L, filemeta, "__index", lib_newlib(L, methods));
  lib_setfield(L, filemeta, "__name", vm_newcstr(L, "FILE*"));
  defin = newfile(L, stdin, KSTD);
  defout = newfile(L, stdout, KSTD);
  lib_setfield(L, lib, "stdin", defin);
  lib_setfield(L, lib, "stdout", defout);
  lib_setfield(L, lib, "stderr", newfile(L, stderr, KSTD));
  lib_setfield(L, g, "io", lib);
  lib_setloaded(L, "io", lib);
}
