/* pattern.c: Lua patterns and string.find, match, gmatch, gsub (stdlib layer).
**
** The matcher backtracks over the pattern text directly (no compilation), as the manual (§6.4.1) describes
** patterns: single-character classes with the quantifiers * + - ?, anchors ^ and $, captures (including
** position captures ()), back-references %1-%9, %b balanced pairs and %f frontiers.
*/
#include <ctype.h>
#include <string.h>

#include "lib.h"

#define MAXCAPTURES 32
#define MAXDEPTH 200          /* nesting of the matcher's recursion: "pattern too complex" beyond */
#define CAP_OPEN (-1)         /* capture started, not closed yet */
#define CAP_POSITION (-2)     /* position capture "()" */

typedef struct Matcher {
  VmState *L;
  VmClosure *self;            /* gsub, the C caller of a replacement function (NULL for the others) */
  const char *src, *send;     /* subject */
  const char *pend;           /* end of the pattern */
  int depth;                  /* recursion budget left */
  int level;                  /* captures started */
  struct {
    const char *init;
    long len;                 /* length, CAP_OPEN or CAP_POSITION */
  } cap[MAXCAPTURES];
} Matcher;

static const char *domatch(Matcher *m, const char *s, const char *p);

/* ---- Character classes ---- */

/* The classes of every byte, as tables built from <ctype.h> in the current locale (the first match after
** os.setlocale rebuilds them): the is*() calls and the switch on the class letter per subject character took
** 29% of bench/pattern_match (perf, vmc build). */
enum { CA = 1, CC = 2, CD = 4, CG = 8, CL = 16, CP = 32, CS = 64, CU = 128, CW = 256, CX = 512, CZ = 1024 };
static unsigned short ctclass[256];   /* the classes byte c belongs to */
static unsigned short ctletter[256];  /* for a class letter cl: its class bit, with CNEG for an upper-case letter */
#define CNEG 0x8000
static int ctready;                   /* 0: build before use */

static void buildclasses(void) {
  int c;
  for (c = 0; c < 256; c++) {
    int lo = tolower(c), bit;
    ctclass[c] = (unsigned short)((isalpha(c) ? CA : 0) | (iscntrl(c) ? CC : 0) | (isdigit(c) ? CD : 0) |
                                  (isgraph(c) ? CG : 0) | (islower(c) ? CL : 0) | (ispunct(c) ? CP : 0) |
                                  (isspace(c) ? CS : 0) | (isupper(c) ? CU : 0) | (isalnum(c) ? CW : 0) |
                                  (isxdigit(c) ? CX : 0) | (c == 0 ? CZ : 0));
    switch (lo) {
      case 'a': bit = CA; break;
      case 'c': bit = CC; break;
      case 'd': bit = CD; break;
      case 'g': bit = CG; break;
      case 'l': bit = CL; break;
      case 'p': bit = CP; break;
      case 's': bit = CS; break;
      case 'u': bit = CU; break;
      case 'w': bit = CW; break;
      case 'x': bit = CX; break;
      case 'z': bit = CZ; break;          /* deprecated, still accepted by lua5.4 */
      default: bit = 0; break;
    }
    ctletter[c] = (unsigned short)(bit != 0 && isupper(c) ? bit | CNEG : bit);
  }
  ctready = 1;
}

/* The locale may have changed (os.setlocale): the class tables are rebuilt before the next match. */
void lib_localechanged(void) { ctready = 0; }

/* Does c belong to class %cl (cl a letter; other characters stand for themselves)? */
static inline int inclass(int c, int cl) {
  int bit = ctletter[cl];
  if (bit == 0) return cl == c;
  return ((ctclass[c] & bit) != 0) != ((bit & CNEG) != 0);
}

/* Does c match the set [...] from p (at '[') to ec (at its ']')? */
static int inset(int c, const char *p, const char *ec) {
  int neg = 0;
  if (*++p == '^') neg = 1, p++;
  for (; p < ec; p++) {
    if (*p == '%' && p + 1 < ec) {
      p++;
      if (inclass(c, (unsigned char)*p)) return !neg;
    } else if (p[1] == '-' && p + 2 < ec) {
      if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return !neg;
      p += 2;
    } else if ((unsigned char)*p == c) {
      return !neg;
    }
  }
  return neg;
}

/* The end of the single-character class starting at p. */
static const char *classend(Matcher *m, const char *p) {
  char c = *p++;
  if (c == '%') {
    if (p >= m->pend) vm_error(m->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    if (*p == '^') p++;
    do {                     /* the first character of a set is literal, even ']' */
      if (p >= m->pend) vm_error(m->L, "malformed pattern (missing ']')");
      c = *p++;
      if (c == '%' && p < m->pend) p++;
    } while (p >= m->pend || *p != ']');
    return p + 1;
  }
  return p;
}

/* Does the character at s match the class p..ep? */
static int single(Matcher *m, const char *s, const char *p, const char *ep) {
  int c;
  if (s >= m->send) return 0;
  c = (unsigned char)*s;
  switch (*p) {
    case '.': return 1;
    case '%': return inclass(c, (unsigned char)p[1]);
    case '[': return inset(c, p, ep - 1);
    default: return (unsigned char)*p == c;
  }
}

/* ---- Matching ---- */

static const char *maxexpand(Matcher *m, const char *s, const char *p, const char *ep) {
  long i = 0;
  while (single(m, s + i, p, ep)) i++;
  for (; i >= 0; i--) {
    const char *r = domatch(m, s + i, ep + 1);
    if (r) return r;
  }
  return NULL;
}

static const char *minexpand(Matcher *m, const char *s, const char *p, const char *ep) {
  for (;;) {
    const char *r = domatch(m, s, ep + 1);
    if (r) return r;
    if (!single(m, s, p, ep)) return NULL;
    s++;
  }
}

static const char *opencapture(Matcher *m, const char *s, const char *p, long what) {
  const char *r;
  if (m->level >= MAXCAPTURES) vm_error(m->L, "too many captures");
  m->cap[m->level].init = s;
  m->cap[m->level].len = what;
  m->level++;
  if ((r = domatch(m, s, p)) == NULL) m->level--;
  return r;
}

static const char *closecapture(Matcher *m, const char *s, const char *p) {
  int l;
  const char *r;
  for (l = m->level - 1; l >= 0 && m->cap[l].len != CAP_OPEN; l--) {}
  if (l < 0) vm_error(m->L, "invalid pattern capture");
  m->cap[l].len = s - m->cap[l].init;
  if ((r = domatch(m, s, p)) == NULL) m->cap[l].len = CAP_OPEN;
  return r;
}

/* %bxy at s: returns the end of the balanced run or NULL */
static const char *balance(Matcher *m, const char *s, const char *p) {
  int depth = 1;
  if (p + 1 >= m->pend) vm_error(m->L, "malformed pattern (missing arguments to '%%b')");
  if (s >= m->send || *s != p[0]) return NULL;
  while (++s < m->send) {
    if (*s == p[1]) {
      if (--depth == 0) return s + 1;
    } else if (*s == p[0]) {
      depth++;
    }
  }
  return NULL;
}

/* %1-%9 at s: the text of an earlier capture */
static const char *backref(Matcher *m, const char *s, int c) {
  int l = c - '1';
  size_t len;
  if (l < 0 || l >= m->level || m->cap[l].len == CAP_OPEN) vm_error(m->L, "invalid capture index %%%d", l + 1);
  len = (size_t)m->cap[l].len;
  if ((size_t)(m->send - s) >= len && memcmp(m->cap[l].init, s, len) == 0) return s + len;
  return NULL;
}

/* A single class p..ep with the quantifier *ep that matches at s (ok: whether the class matches there); for a
** plain class, sets *next and returns s + 1 for domatch to go on with. */
static const char *quantified(Matcher *m, const char *s, const char *p, const char *ep, const char **next) {
  const char *r;
  switch (*ep) {
    case '?':
      if ((r = domatch(m, s + 1, ep + 1)) != NULL) return r;
      *next = ep + 1;
      return s;
    case '+': return maxexpand(m, s + 1, p, ep);
    case '*': return maxexpand(m, s, p, ep);
    case '-': return minexpand(m, s, p, ep);
    default:
      *next = ep;
      return s + 1;
  }
}

/* Is %f[set] at s a frontier (set p..ep)? */
static int frontier(Matcher *m, const char *s, const char *p, const char *ep) {
  int prev = s == m->src ? 0 : (unsigned char)s[-1], cur = s < m->send ? (unsigned char)*s : 0;
  return !inset(prev, p, ep - 1) && inset(cur, p, ep - 1);
}

/* Matches pattern p (to m->pend) at s; returns the end of the match or NULL. Simple steps loop; quantifiers
** and captures recurse, at most MAXDEPTH deep. */
static const char *domatch(Matcher *m, const char *s, const char *p) {
  if (m->depth-- == 0) vm_error(m->L, "pattern too complex");
  while (s != NULL && p != m->pend) {
    const char *ep, *next = NULL;
    if (*p == '(') {
      s = opencapture(m, s, p[1] == ')' ? p + 2 : p + 1, p[1] == ')' ? CAP_POSITION : CAP_OPEN);
      break;
    }
    if (*p == ')') {
      s = closecapture(m, s, p + 1);
      break;
    }
    if (*p == '$' && p + 1 == m->pend) {
      s = s == m->send ? s : NULL;
      break;
    }
    if (*p == '%' && p[1] == 'b') {
      s = balance(m, s, p + 2), p += 4;
      continue;
    }
    if (*p == '%' && p[1] == 'f') {
      p += 2;
      if (*p != '[') vm_error(m->L, "missing '[' after '%%f' in pattern");
      ep = classend(m, p);
      s = frontier(m, s, p, ep) ? s : NULL, p = ep;
      continue;
    }
    if (*p == '%' && isdigit((unsigned char)p[1])) {
      s = backref(m, s, p[1]), p += 2;
      continue;
    }
    ep = classend(m, p);
    if (!single(m, s, p, ep)) {
      if (*ep == '*' || *ep == '?' || *ep == '-') p = ep + 1;   /* zero repetitions */
      else s = NULL;
      continue;
    }
    s = quantified(m, s, p, ep, &next);
    if (next == NULL) break;
    p = next;
  }
  m->depth++;
  return s;
}

/* ---- Captures ---- */

static void initmatcher(Matcher *m, VmState *L, VmString *s, const char *p, vm_size lp) {
  m->L = L;
  m->self = NULL;
  m->src = s->s;
  m->send = s->s + s->len;
  m->pend = p + lp;
  m->level = 0;
  m->depth = MAXDEPTH;
  if (!ctready) buildclasses();
}

/* Capture i as a value; with no captures, capture 0 is the whole match s..e. */
static Value capture(Matcher *m, int i, const char *s, const char *e) {
  if (i >= m->level) {
    if (i != 0) vm_error(m->L, "invalid capture index %%%d", i + 1);
    return vm_newstr(m->L, s, (vm_size)(e - s));
  }
  if (m->cap[i].len == CAP_OPEN) vm_error(m->L, "unfinished capture");
  if (m->cap[i].len == CAP_POSITION) return vm_mkint(m->cap[i].init - m->src + 1);
  return vm_newstr(m->L, m->cap[i].init, (vm_size)m->cap[i].len);
}

/* Stores the captures (or the whole match when there are none and s is not NULL) at out; returns their count. */
static int captures(Matcher *m, Value *out, const char *s, const char *e) {
  int i, k = m->level == 0 && s ? 1 : m->level;
  vm_reserve(m->L, out + k);
  for (i = 0; i < k; i++) out[i] = capture(m, i, s, e);
  return k;
}

/* ---- find, match ---- */

static int nospecials(const char *p, vm_size lp) {
  vm_size i;
  for (i = 0; i < lp; i++)
    if (strchr("^$*+?.([%-", p[i]) && p[i] != '\0') return 0;
  return 1;
}

static const char *memfind(const char *s, vm_size ls, const char *p, vm_size lp) {
  const char *end;
  if (lp == 0) return s;
  if (lp > ls) return NULL;
  for (end = s + (ls - lp); s <= end; s++) {
    s = memchr(s, p[0], (vm_size)(end - s) + 1);
    if (s == NULL) return NULL;
    if (memcmp(s + 1, p + 1, lp - 1) == 0) return s;
  }
  return NULL;
}

static int findaux(VmState *L, VmClosure *self, Value *a, int n, int find) {
  VmString *s = lib_checkstr(L, self, a, n, 1), *ps = lib_checkstr(L, self, a, n, 2);
  vm_int init = lib_optint(L, self, a, n, 3, 1);
  const char *p = ps->s, *s1;
  vm_size lp = ps->len, start;
  Matcher m;
  int anchor;
  start = init > 0 ? (vm_size)init : init == 0 || init < -(vm_int)s->len ? 1 : s->len + (vm_size)init + 1;
  if (start - 1 > s->len) {
    a[0] = VM_NIL;
    return 1;
  }
  if (find && ((n >= 4 && vm_istruthy(a[3])) || nospecials(p, lp))) {
    const char *r = memfind(s->s + start - 1, s->len - (start - 1), p, lp);
    if (r == NULL) {
      a[0] = VM_NIL;
      return 1;
    }
    a[0] = vm_mkint(r - s->s + 1);
    a[1] = vm_mkint(r - s->s + (vm_int)lp);
    return 2;
  }
  anchor = lp > 0 && *p == '^';
  if (anchor) p++, lp--;
  initmatcher(&m, L, s, p, lp);
  vm_reserve(L, a + n);
  s1 = s->s + start - 1;
  do {
    const char *e;
    m.level = 0;
    m.depth = MAXDEPTH;
    if ((e = domatch(&m, s1, p)) != NULL) {
      if (!find) return captures(&m, a, s1, e);
      a[0] = vm_mkint(s1 - s->s + 1);
      a[1] = vm_mkint(e - s->s);
      return captures(&m, a + 2, NULL, NULL) + 2;
    }
  } while (s1++ < m.send && !anchor);
  a[0] = VM_NIL;
  return 1;
}

static int l_find(VmState *L, VmClosure *self, Value *a, int n) { return findaux(L, self, a, n, 1); }
static int l_match(VmState *L, VmClosure *self, Value *a, int n) { return findaux(L, self, a, n, 0); }

/* ---- gmatch ---- */

/* The iterator: up[0] subject, up[1] pattern, up[2] next position (0-based), up[3] end of the last match
** (-1: none). */
static int gmatch_iter(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = vm_str(self->up[0]->v), *p = vm_str(self->up[1]->v);
  vm_int pos = vm_toint(self->up[2]->v), last = vm_toint(self->up[3]->v);
  Matcher m;
  (void)n;
  initmatcher(&m, L, s, p->s, p->len);
  for (; pos <= (vm_int)s->len; pos++) {
    const char *e;
    m.level = 0;
    m.depth = MAXDEPTH;
    e = domatch(&m, s->s + pos, p->s);
    if (e != NULL && e - s->s != last) {
      self->up[2]->v = self->up[3]->v = vm_mkint(e - s->s);
      return captures(&m, a, s->s + pos, e);
    }
  }
  self->up[2]->v = vm_mkint(pos);
  return 0;
}

static const VmFuncInfo gmatchinfo = {"for iterator", "[C]", -1, 0, 1, 0};

static int l_gmatch(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *s = lib_checkstr(L, self, a, n, 1);
  vm_int init = lib_optint(L, self, a, n, 3, 1);
  VmClosure *c;
  lib_checkstr(L, self, a, n, 2);
  init = init > 0 ? init - 1 : init == 0 || init < -(vm_int)s->len ? 0 : (vm_int)s->len + init;
  if (init > (vm_int)s->len) init = (vm_int)s->len + 1;     /* no match at all */
  c = vm_newclosure(L, gmatch_iter, &gmatchinfo, 4);
  c->up[0] = vm_newcell(L, a[0]);
  c->up[1] = vm_newcell(L, a[1]);
  c->up[2] = vm_newcell(L, vm_mkint(init));
  c->up[3] = vm_newcell(L, vm_mkint(-1));
  a[0] = vm_mkfunc(c);
  return 1;
}

/* ---- gsub ---- */

/* Appends the replacement string r for the match s..e, expanding %0-%9 and %%. */
static void addrepl(Matcher *m, LibBuf *b, VmString *r, const char *s, const char *e) {
  const char *p = r->s, *end = p + r->len;
  while (p < end) {
    const char *q = memchr(p, '%', (vm_size)(end - p));
    if (q == NULL) q = end;
    lib_addmem(b, p, (vm_size)(q - p));
    if (q == end) break;
    p = q + 1;
    if (*p == '%') lib_addchar(b, '%');
    else if (*p == '0') lib_addmem(b, s, (vm_size)(e - s));
    else if (isdigit((unsigned char)*p)) lib_addvalue(m->L, b, capture(m, *p - '1', s, e));
    else vm_error(m->L, "invalid use of '%%' in replacement string");
    p++;
  }
}

/* Appends the replacement of the match s..e from repl (a string, table or function); returns whether the text
** changed (false or nil keep the match). slot: a free value-stack slot. */
static int addvalue(Matcher *m, LibBuf *b, Value repl, const char *s, const char *e, Value *slot) {
  Value v;
  if (vm_isstring(repl)) {
    addrepl(m, b, vm_str(repl), s, e);
    return 1;
  }
  if (vm_isfunction(repl)) {
    int k = captures(m, slot, s, e);
    v = lib_call(m->L, m->self, repl, slot, k) > 0 ? slot[0] : VM_NIL;
  } else {
    v = vm_get(m->L, repl, capture(m, 0, s, e), NULL);
  }
  if (vm_isfalsy(v)) {
    lib_addmem(b, s, (vm_size)(e - s));
    return 0;
  }
  if (!vm_isstring(v) && !vm_isnumber(v)) vm_error(m->L, "invalid replacement value (a %s)", vm_typename(v));
  lib_addvalue(m->L, b, v);
  return 1;
}

static int l_gsub(VmState *L, VmClosure *self, Value *a, int n) {
  VmString *src = lib_checkstr(L, self, a, n, 1), *ps = lib_checkstr(L, self, a, n, 2);
  Value repl = lib_arg(a, n, 3);
  const char *p = ps->s, *s, *last = NULL;
  vm_size lp = ps->len;
  vm_int maxn, count = 0;
  int anchor, changed = 0;
  Matcher m;
  LibBuf b;
  if (vm_isnumber(repl)) {
    lib_checkstr(L, self, a, n, 3);
    repl = a[2];
  }
  if (!(vm_isstring(repl) || vm_isfunction(repl) || vm_istable(repl)))
    lib_typeerror(L, self, a, n, 3, "string/function/table");
  maxn = lib_optint(L, self, a, n, 4, (vm_int)src->len + 1);
  anchor = lp > 0 && *p == '^';
  if (anchor) p++, lp--;
  initmatcher(&m, L, src, p, lp);
  m.self = self;
  vm_reserve(L, a + 4);
  lib_bufinit(&b);
  for (s = src->s; count < maxn;) {
    const char *e;
    m.level = 0;
    m.depth = MAXDEPTH;
    if ((e = domatch(&m, s, p)) != NULL && e != last) {
      count++;
      changed |= addvalue(&m, &b, repl, s, e, a + 4);
      if (!ctready) buildclasses();   /* the replacement function called os.setlocale */
      s = last = e;
    } else if (s < m.send) {
      lib_addchar(&b, *s++);
    } else {
      break;
    }
    if (anchor) break;
  }
  if (changed) {
    lib_addmem(&b, s, (vm_size)(m.send - s));
    a[0] = lib_bufresult(L, &b);
  }
  a[1] = vm_mkint(count);
  return 2;
}

/* ---- Registration ---- */

static const LibReg patfuncs[] = {
  LIB_FN("string.find", l_find),
  LIB_FN("string.gmatch", l_gmatch),
  LIB_FN("string.gsub", l_gsub),
  LIB_FN("string.match", l_match),
  LIB_END
};

/* Adds find, gmatch, gsub and match to the string table strtab. */
void lib_openpattern(VmState *L, Value strtab) {
  lib_register(L, strtab, patfuncs);
}
