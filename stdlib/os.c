/* os.c: the os library, time and date, environment, files, exit (stdlib layer). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib.h"

/* ---- Dates ---- */

/* Sets t[key] = v + delta. */
static void setfield(VmState *L, Value t, const char *key, int v, int delta) {
  vm_setindex(L, t, vm_newcstr(L, key), vm_mkint((vm_int)v + delta), NULL);
}

/* Fills table t with the fields of tm, as os.date("*t") and os.time(t) do. */
static void setallfields(VmState *L, Value t, const struct tm *tm) {
  setfield(L, t, "year", tm->tm_year, 1900);
  setfield(L, t, "month", tm->tm_mon, 1);
  setfield(L, t, "day", tm->tm_mday, 0);
  setfield(L, t, "hour", tm->tm_hour, 0);
  setfield(L, t, "min", tm->tm_min, 0);
  setfield(L, t, "sec", tm->tm_sec, 0);
  setfield(L, t, "yday", tm->tm_yday, 1);
  setfield(L, t, "wday", tm->tm_wday, 1);
  if (tm->tm_isdst >= 0) vm_setindex(L, t, vm_newcstr(L, "isdst"), vm_mkbool(tm->tm_isdst), NULL);
}

/* t[key] - delta as an int; dflt when absent (dflt < 0: the field is required). */
static int getfield(VmState *L, Value t, const char *key, int dflt, int delta) {
  Value v = vm_index(L, t, vm_newcstr(L, key), NULL);
  vm_int i;
  if (!vm_tointeger(v, &i)) {
    if (v != VM_NIL) vm_error(L, "field '%s' is not an integer", key);
    if (dflt < 0) vm_error(L, "field '%s' missing in date table", key);
    return dflt;
  }
  if (!(i >= 0 ? i - delta <= 0x7fffffff : (vm_int)-0x7fffffff - 1 + delta <= i))
    vm_error(L, "field '%s' is out-of-bound", key);
  return (int)(i - delta);
}

static int l_time(VmState *L, VmClosure *self, Value *a, int n) {
  time_t t;
  if (lib_isnone(a, n, 1)) {
    t = time(NULL);
  } else {
    struct tm tm;
    Value tab = a[0], isdst;
    lib_checktable(L, self, a, n, 1);
    memset(&tm, 0, sizeof tm);
    tm.tm_year = getfield(L, tab, "year", -1, 1900);
    tm.tm_mon = getfield(L, tab, "month", -1, 1);
    tm.tm_mday = getfield(L, tab, "day", -1, 0);
    tm.tm_hour = getfield(L, tab, "hour", 12, 0);
    tm.tm_min = getfield(L, tab, "min", 0, 0);
    tm.tm_sec = getfield(L, tab, "sec", 0, 0);
    isdst = vm_index(L, tab, vm_newcstr(L, "isdst"), NULL);
    tm.tm_isdst = isdst == VM_NIL ? -1 : vm_istruthy(isdst);
    t = mktime(&tm);
    setallfields(L, tab, &tm);
  }
  if (t == (time_t)-1) vm_error(L, "time result cannot be represented in this installation");
  a[0] = vm_mkint((vm_int)t);
  return 1;
}

static time_t checktime(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  vm_int i = lib_checkint(L, self, a, n, arg);
  time_t t = (time_t)i;
  if ((vm_int)t != i) lib_argerror(L, self, arg, "time out-of-bounds");
  return t;
}

/* The conversions strftime accepts (C99), one and two characters long. */
static const char opts1[] = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
static const char *const opts2[] = {
  "Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW",
  "Oy", NULL
};

/* Copies the conversion at s (after '%') into cc as "%x"; returns its length; errors if it is not valid. */
static int convspec(VmState *L, VmClosure *self, const char *s, const char *e, char *cc) {
  char msg[120];
  int i;
  if (s < e && *s != '\0' && strchr(opts1, *s)) {
    cc[0] = '%', cc[1] = *s, cc[2] = '\0';
    return 1;
  }
  for (i = 0; opts2[i] && e - s >= 2; i++)
    if (s[0] == opts2[i][0] && s[1] == opts2[i][1]) {
      cc[0] = '%', cc[1] = s[0], cc[2] = s[1], cc[3] = '\0';
      return 2;
    }
  snprintf(msg, sizeof msg, "invalid conversion specifier '%%%.80s'", s);
  lib_argerror(L, self, 1, msg);
}

static int l_date(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *fs = lib_optstr(L, self, a, n, 1);
  const char *s = fs ? fs->s : "%c", *e = s + (fs ? fs->len : 2);
  time_t t = lib_isnone(a, n, 2) ? time(NULL) : checktime(L, self, a, n, 2);
  struct tm tmr, *tm;
  LibBuf b;
  char cc[4];
  if (*s == '!') tm = gmtime_r(&t, &tmr), s++;
  else tm = localtime_r(&t, &tmr);
  if (tm == NULL) vm_error(L, "date result cannot be represented in this installation");
  if (e - s == 2 && s[0] == '*' && s[1] == 't') {
    a[0] = vm_newtable(L, 0, 9);
    setallfields(L, a[0], tm);
    return 1;
  }
  lib_bufinit(&b);
  while (s < e) {
    if (*s != '%') {
      lib_addchar(&b, *s++);
    } else {
      s++;
      s += convspec(L, self, s, e, cc);
      b.n += strftime(lib_bufprep(&b, 250), 250, cc, tm);
    }
  }
  a[0] = lib_bufresult(L, &b);
  return 1;
}

static int l_clock(VmState *L, VmClosure *self, Value *a, int n) {
  (void)L, (void)self, (void)n;
  a[0] = vm_mkfloat((double)clock() / (double)CLOCKS_PER_SEC);
  return 1;
}

static int l_difftime(VmState *L, VmClosure *self, Value *a, int n) {
  time_t t1 = checktime(L, self, a, n, 1), t2 = checktime(L, self, a, n, 2);
  a[0] = vm_mkfloat(difftime(t1, t2));
  return 1;
}

/* ---- Environment and files ---- */

static int l_getenv(VmState *L, VmClosure *self, Value *a, int n) {
  const char *v = getenv(lib_checkstr(L, self, a, n, 1)->s);
  a[0] = v ? vm_newcstr(L, v) : VM_NIL;
  return 1;
}

static int l_remove(VmState *L, VmClosure *self, Value *a, int n) {
  const char *f = lib_checkstr(L, self, a, n, 1)->s;
  return lib_fileresult(L, a, remove(f) == 0, f);
}

static int l_rename(VmState *L, VmClosure *self, Value *a, int n) {
  const char *from = lib_checkstr(L, self, a, n, 1)->s, *to = lib_checkstr(L, self, a, n, 2)->s;
  return lib_fileresult(L, a, rename(from, to) == 0, NULL);
}

static int l_tmpname(VmState *L, VmClosure *self, Value *a, int n) {
  char name[32] = "/tmp/lua_XXXXXX";
  int fd = mkstemp(name);
  (void)self, (void)n;
  if (fd == -1) vm_error(L, "unable to generate a unique filename");
  close(fd);
  a[0] = vm_newcstr(L, name);
  return 1;
}

static int l_setlocale(VmState *L, VmClosure *self, Value *a, int n) {
  static const int cats[] = {LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME};
  static const char *const names[] = {"all", "collate", "ctype", "monetary", "numeric", "time", NULL};
  VmString *loc = lib_optstr(L, self, a, n, 1);
  int op = lib_checkoption(L, self, a, n, 2, "all", names);
  const char *r = setlocale(cats[op], loc ? loc->s : NULL);
  if (loc != NULL) lib_localechanged();
  a[0] = r ? vm_newcstr(L, r) : VM_NIL;
  return 1;
}

static int l_execute(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *cmd = lib_optstr(L, self, a, n, 1);
  int st;
  fflush(NULL);
  st = system(cmd ? cmd->s : NULL);
  if (cmd == NULL) {
    a[0] = vm_mkbool(st != 0);
    return 1;
  }
  if (st == -1) return lib_fileresult(L, a, 0, NULL);
  a[0] = WIFEXITED(st) && WEXITSTATUS(st) == 0 ? VM_TRUE : VM_NIL;
  a[1] = vm_newcstr(L, WIFSIGNALED(st) ? "signal" : "exit");
  a[2] = vm_mkint(WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
  return 3;
}

/* os.exit([code [, close]]): true -> success, false -> failure; flushes the C streams (exit does). */
static int l_exit(VmState *L, VmClosure *self, Value *a, int n) {
  int status;
  if (n >= 1 && vm_isbool(a[0])) status = a[0] == VM_TRUE ? EXIT_SUCCESS : EXIT_FAILURE;
  else status = (int)lib_optint(L, self, a, n, 1, EXIT_SUCCESS);
  if (n >= 2 && vm_istruthy(a[1])) vm_closestate(L);   /* os.exit(code, true) closes the state first */
  fflush(stdout);
  exit(status);
}

/* ---- Registration ---- */

static const LibReg osfuncs[] = {
  LIB_FN("os.clock", l_clock),
  LIB_FN("os.date", l_date),
  LIB_FN("os.difftime", l_difftime),
  LIB_FN("os.execute", l_execute),
  LIB_FN("os.exit", l_exit),
  LIB_FN("os.getenv", l_getenv),
  LIB_FN("os.remove", l_remove),
  LIB_FN("os.rename", l_rename),
  LIB_FN("os.setlocale", l_setlocale),
  LIB_FN("os.time", l_time),
  LIB_FN("os.tmpname", l_tmpname),
  LIB_END
};

/* Creates the os library in g. */
void lib_openos(VmState *L, Value g) {
  Value lib = lib_newlib(L, osfuncs);
  lib_setfield(L, g, "os", lib);
  lib_setloaded(L, "os", lib);
}
