/* lex.c: the lexer of Lua 5.4 source: tokens, numerals, strings and their escapes, comments (compiler layer).
**
** It follows lua5.4's lexer closely because its error messages show the text read so far: `lx->buf` holds the
** current token as lua5.4 keeps it (delimiters included, escapes already decoded), and errors are reported on the
** line of the current character.
*/
#include "lex.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EOZ (-1)

/* Texts of the tokens from TK_FIRST on, in the order of their enum. */
static const char *const tokentext[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in", "local", "nil",
  "not", "or", "repeat", "return", "then", "true", "until", "while",
  "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::",
  "<eof>", "<number>", "<integer>", "<name>", "<string>"
};
#define NRESERVED (TK_WHILE - TK_FIRST + 1)

struct NameSlot {
  const char *s;           /* NULL: free slot */
  size_t len;
  unsigned hash;
  int tok;                 /* reserved word's token, or TK_NAME */
};

/* Character classes of the C locale, whatever the process's locale is. */
static inline int isalpha_(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static inline int isdigit_(int c) { return c >= '0' && c <= '9'; }
static inline int isalnum_(int c) { return isalpha_(c) || isdigit_(c); }
static inline int isxdigit_(int c) { return isdigit_(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static inline int isspace_(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int isnewline(int c) { return c == '\n' || c == '\r'; }
static int hexvalue(int c) { return isdigit_(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

static inline void nextc(Lexer *lx) { lx->cur = lx->p < lx->end ? (unsigned char)*lx->p++ : EOZ; }

/* Slow path of save: doubles the token buffer (the old one stays in the arena). */
static void growbuf(Lexer *lx) {
  size_t cap = lx->bcap ? lx->bcap * 2 : 256;
  char *nb = arena_alloc(lx->cx->arena, cap);
  if (lx->blen) memcpy(nb, lx->buf, lx->blen);
  lx->buf = nb;
  lx->bcap = cap;
}

static inline void save(Lexer *lx, int c) {
  if (lx->blen + 1 >= lx->bcap) growbuf(lx);
  lx->buf[lx->blen++] = (char)c;
}

static inline void save_and_next(Lexer *lx) {
  save(lx, lx->cur);
  nextc(lx);
}

/* Saves and skips the current character if it is one of the two of `set`. */
static int check_next2(Lexer *lx, const char *set) {
  if (lx->cur != set[0] && lx->cur != set[1]) return 0;
  save_and_next(lx);
  return 1;
}

static int check_next1(Lexer *lx, int c) {
  if (lx->cur != c) return 0;
  nextc(lx);
  return 1;
}

const char *lex_token2str(int tok, char out[16]) {
  if (tok < TK_FIRST) {
    if (tok >= 0x20 && tok < 0x7f) snprintf(out, 16, "'%c'", tok);
    else snprintf(out, 16, "'<\\%d>'", (int)(unsigned char)tok);
  } else if (tok < TK_EOS) {
    snprintf(out, 16, "'%s'", tokentext[tok - TK_FIRST]);
  } else {
    snprintf(out, 16, "%s", tokentext[tok - TK_FIRST]);
  }
  return out;
}

void lex_error(Lexer *lx, const char *msg, int tok) {
  char tmp[16];
  if (!tok) compile_error(lx->cx, lx->line, "%s", msg);
  if (tok == TK_NAME || tok == TK_STRING || tok == TK_FLT || tok == TK_INT) {
    save(lx, '\0');        /* the text stops at its first '\0', as lua5.4's does */
    compile_error(lx->cx, lx->line, "%s near '%s'", msg, lx->buf);
  }
  compile_error(lx->cx, lx->line, "%s near %s", msg, lex_token2str(tok, tmp));
}

void lex_syntaxerror(Lexer *lx, const char *msg) { lex_error(lx, msg, lx->t.tok); }

/* FNV-1a. */
static unsigned hashname(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void growtable(Lexer *lx) {
  size_t cap = lx->capnames ? lx->capnames * 2 : 512;
  NameSlot *t = arena_alloc(lx->cx->arena, cap * sizeof *t);
  for (size_t i = 0; i < lx->capnames; i++) {
    NameSlot *o = &lx->names[i];
    if (!o->s) continue;
    size_t j = o->hash & (cap - 1);
    while (t[j].s) j = (j + 1) & (cap - 1);
    t[j] = *o;
  }
  lx->names = t;
  lx->capnames = cap;
}

static NameSlot *findname(Lexer *lx, const char *s, size_t n) {
  if (2 * (lx->nnames + 1) > lx->capnames) growtable(lx);
  unsigned h = hashname(s, n);
  size_t j = h & (lx->capnames - 1);
  for (;;) {
    NameSlot *e = &lx->names[j];
    if (!e->s) {
      e->s = arena_strdup(lx->cx->arena, s, n);
      e->len = n;
      e->hash = h;
      e->tok = TK_NAME;
      lx->nnames++;
      return e;
    }
    if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0) return e;
    j = (j + 1) & (lx->capnames - 1);
  }
}

const char *lex_intern(Lexer *lx, const char *s, size_t n) { return findname(lx, s, n)->s; }

/* Skips a byte-order mark and a first line starting with '#', keeping its newline for the line count. */
static void skipheader(Lexer *lx) {
  if (lx->end - lx->p >= 3 && memcmp(lx->p, "\xEF\xBB\xBF", 3) == 0) lx->p += 3;
  if (lx->p >= lx->end || *lx->p != '#') return;
  const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));
  if (nl) {
    lx->p = nl;
  } else {                 /* lua5.4 puts back a newline after the comment */
    lx->p = lx->end;
    lx->line++;
  }
}

void lex_init(Lexer *lx, CompileCtx *cx, const char *src, size_t len, int isfile) {
  memset(lx, 0, sizeof *lx);
  lx->cx = cx;
  lx->src = lx->p = src;
  lx->end = src + len;
  lx->line = lx->lastline = 1;
  lx->t.tok = lx->ahead.tok = TK_EOS;
  growbuf(lx);
  for (int i = 0; i < NRESERVED; i++) {
    const char *w = tokentext[i];
    findname(lx, w, strlen(w))->tok = TK_FIRST + i;
  }
  if (isfile) skipheader(lx);
  nextc(lx);
}

/* Skips a newline: "\n", "\r", "\n\r" or "\r\n". */
static void inclinenumber(Lexer *lx) {
  int old = lx->cur;
  nextc(lx);
  if (isnewline(lx->cur) && lx->cur != old) nextc(lx);
  if (++lx->line >= INT_MAX) lex_error(lx, "chunk has too many lines", 0);
}

/* Converts the numeral of the buffer as lua5.4 does: an integer if it fits (hexadecimal ones wrap around), else a
** float. Returns 0 on a malformed numeral. */
static int str2num(const char *s, size_t n, Token *tk) {
  const char *e = s + n;
  unsigned long long a = 0;
  const char *q = s;
  int ok = 1;
  if (n > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
    for (q = s + 2; q < e && isxdigit_((unsigned char)*q); q++) a = a * 16 + (unsigned)hexvalue(*q);
    ok = q > s + 2;
  } else {
    for (; q < e && isdigit_((unsigned char)*q); q++) {
      unsigned d = (unsigned)(*q - '0');
      if (a > (unsigned long long)(LLONG_MAX - d) / 10) ok = 0;  /* overflows: becomes a float */
      a = a * 10 + d;
    }
  }
  if (ok && q == e) {
    tk->tok = TK_INT;
    tk->v.i = (long long)a;
    return 1;
  }
  if (memchr(s, 'n', n) || memchr(s, 'N', n)) return 0;  /* reject 'inf' and 'nan' */
  char *end;
  tk->v.f = strtod(s, &end);
  tk->tok = TK_FLT;
  return end == e;
}

/* Reads a numeral: digits, '.', exponent marks with their signs, and one letter glued to it (an error). */
static void read_numeral(Lexer *lx, Token *tk) {
  const char *expo = "Ee";
  int first = lx->cur;
  save_and_next(lx);
  if (first == '0' && check_next2(lx, "xX")) expo = "Pp";
  for (;;) {
    if (check_next2(lx, expo)) check_next2(lx, "-+");
    else if (isxdigit_(lx->cur) || lx->cur == '.') save_and_next(lx);
    else break;
  }
  if (isalpha_(lx->cur)) save_and_next(lx);  /* '3x': makes it malformed */
  save(lx, '\0');
  lx->blen--;
  if (!str2num(lx->buf, lx->blen, tk)) lex_error(lx, "malformed number", TK_FLT);
}

/* Reads '[' '='* '[' (or the closing ']' '='* ']'); returns the level plus 2 on a complete bracket, 1 for a lone
** '[', 0 for '[=' not followed by '['. */
static size_t skip_sep(Lexer *lx) {
  size_t count = 0;
  int s = lx->cur;
  save_and_next(lx);
  while (lx->cur == '=') {
    save_and_next(lx);
    count++;
  }
  return lx->cur == s ? count + 2 : (count == 0 ? 1 : 0);
}

/* Reads a long string (tk != NULL) or a long comment after its opening bracket of level sep-2. */
static void read_long_string(Lexer *lx, Token *tk, size_t sep) {
  int line = lx->line;
  save_and_next(lx);       /* the second '[' */
  if (isnewline(lx->cur)) inclinenumber(lx);  /* the first newline is not part of the string */
  for (;;) {
    switch (lx->cur) {
      case EOZ: {
        char msg[80];
        snprintf(msg, sizeof msg, "unfinished long %s (starting at line %d)", tk ? "string" : "comment", line);
        lex_error(lx, msg, TK_EOS);
      }
      case ']':
        if (skip_sep(lx) == sep) {
          save_and_next(lx);
          goto done;
        }
        break;
      case '\n': case '\r':
        save(lx, '\n');
        inclinenumber(lx);
        if (!tk) lx->blen = 0;  /* a comment's text is not needed */
        break;
      default:
        if (tk) save_and_next(lx);
        else nextc(lx);
    }
  }
done:
  if (tk) {
    tk->v.str.len = lx->blen - 2 * sep;
    tk->v.str.s = arena_strdup(lx->cx->arena, lx->buf + sep, tk->v.str.len);
  }
}

/* Raises `msg` about an escape unless `ok`, showing the offending character too. */
static void esccheck(Lexer *lx, int ok, const char *msg) {
  if (ok) return;
  if (lx->cur != EOZ) save_and_next(lx);
  lex_error(lx, msg, TK_STRING);
}

static int gethexa(Lexer *lx) {
  save_and_next(lx);
  esccheck(lx, isxdigit_(lx->cur), "hexadecimal digit expected");
  return hexvalue(lx->cur);
}

/* \xXX: returns the byte; the current character is the second digit. */
static int readhexaesc(Lexer *lx) {
  int r = gethexa(lx);
  r = (r << 4) + gethexa(lx);
  lx->blen -= 2;           /* 'x' and the first digit */
  return r;
}

/* \u{XXX}: returns the code point (at most 2^31-1); skips the '}'. */
static unsigned long readutf8esc(Lexer *lx) {
  size_t nsaved = 4;       /* '\', 'u', '{' and the first digit */
  save_and_next(lx);       /* the 'u' */
  esccheck(lx, lx->cur == '{', "missing '{'");
  unsigned long r = (unsigned long)gethexa(lx);
  for (;;) {
    save_and_next(lx);
    if (!isxdigit_(lx->cur)) break;
    nsaved++;
    esccheck(lx, r <= (0x7FFFFFFFu >> 4), "UTF-8 value too large");
    r = (r << 4) + (unsigned long)hexvalue(lx->cur);
  }
  esccheck(lx, lx->cur == '}', "missing '}'");
  nextc(lx);
  lx->blen -= nsaved;
  return r;
}

/* Saves code point x in UTF-8, extended to 6 bytes for values up to 2^31-1 as lua5.4 does. */
static void saveutf8(Lexer *lx, unsigned long x) {
  if (x < 0x80) {
    save(lx, (int)x);
    return;
  }
  int n = x < 0x800 ? 2 : x < 0x10000 ? 3 : x < 0x200000 ? 4 : x < 0x4000000 ? 5 : 6;
  save(lx, (int)((0xFF00u >> n) & 0xFF) | (int)(x >> (6 * (n - 1))));
  for (int k = n - 2; k >= 0; k--) save(lx, (int)(0x80 | ((x >> (6 * k)) & 0x3F)));
}

/* \ddd: up to three decimal digits, at most 255. */
static int readdecesc(Lexer *lx) {
  int r = 0, i;
  for (i = 0; i < 3 && isdigit_(lx->cur); i++) {
    r = 10 * r + lx->cur - '0';
    save_and_next(lx);
  }
  esccheck(lx, r <= 255, "decimal escape too large");
  lx->blen -= (size_t)i;
  return r;
}

/* \z: skips the following white space, newlines included. */
static void skipz(Lexer *lx) {
  lx->blen--;              /* the '\' */
  nextc(lx);
  while (isspace_(lx->cur)) {
    if (isnewline(lx->cur)) inclinenumber(lx);
    else nextc(lx);
  }
}

/* Reads the escape sequence at a '\' of a short string and saves what it stands for. */
static void read_escape(Lexer *lx) {
  int c;
  save_and_next(lx);       /* keeps the '\' for error messages */
  switch (lx->cur) {
    case 'a': c = '\a'; goto read_save;
    case 'b': c = '\b'; goto read_save;
    case 'f': c = '\f'; goto read_save;
    case 'n': c = '\n'; goto read_save;
    case 'r': c = '\r'; goto read_save;
    case 't': c = '\t'; goto read_save;
    case 'v': c = '\v'; goto read_save;
    case 'x': c = readhexaesc(lx); goto read_save;
    case 'u': saveutf8(lx, readutf8esc(lx)); return;
    case '\n': case '\r': inclinenumber(lx); c = '\n'; goto only_save;
    case '\\': case '"': case '\'': c = lx->cur; goto read_save;
    case EOZ: return;      /* the string's loop reports it */
    case 'z': skipz(lx); return;
    default:
      esccheck(lx, isdigit_(lx->cur), "invalid escape sequence");
      c = readdecesc(lx);
      goto only_save;
  }
read_save:
  nextc(lx);
only_save:
  lx->blen--;              /* the '\' */
  save(lx, c);
}

static void read_string(Lexer *lx, int del, Token *tk) {
  save_and_next(lx);
  while (lx->cur != del) {
    switch (lx->cur) {
      case EOZ: lex_error(lx, "unfinished string", TK_EOS);
      case '\n': case '\r': lex_error(lx, "unfinished string", TK_STRING);
      case '\\': read_escape(lx); break;
      default: save_and_next(lx);
    }
  }
  save_and_next(lx);
  tk->v.str.len = lx->blen - 2;
  tk->v.str.s = arena_strdup(lx->cx->arena, lx->buf + 1, tk->v.str.len);
}

/* After "--": a long comment or a line comment. */
static void skip_comment(Lexer *lx) {
  if (lx->cur == '[') {
    size_t sep = skip_sep(lx);
    lx->blen = 0;
    if (sep >= 2) {
      read_long_string(lx, NULL, sep);
      lx->blen = 0;
      return;
    }
  }
  while (!isnewline(lx->cur) && lx->cur != EOZ) nextc(lx);
}

static int read_name(Lexer *lx, Token *tk) {
  do save_and_next(lx);
  while (isalnum_(lx->cur));
  NameSlot *e = findname(lx, lx->buf, lx->blen);
  tk->v.str.s = e->s;
  tk->v.str.len = e->len;
  return e->tok;
}

/* Reads one token into tk and returns its code. */
static int llex(Lexer *lx, Token *tk) {
  lx->blen = 0;
  for (;;) {
    tk->pos = (size_t)(lx->p - lx->src) - (lx->cur != EOZ);   /* where lx->cur is */
    switch (lx->cur) {
      case '\n': case '\r': inclinenumber(lx); break;
      case ' ': case '\f': case '\t': case '\v': nextc(lx); break;
      case '-':
        nextc(lx);
        if (lx->cur != '-') return '-';
        nextc(lx);
        skip_comment(lx);
        break;
      case '[': {
        size_t sep = skip_sep(lx);
        if (sep >= 2) {
          read_long_string(lx, tk, sep);
          return TK_STRING;
        }
        if (sep == 0) lex_error(lx, "invalid long string delimiter", TK_STRING);
        return '[';
      }
      case '=': nextc(lx); return check_next1(lx, '=') ? TK_EQ : '=';
      case '<':
        nextc(lx);
        return check_next1(lx, '=') ? TK_LE : check_next1(lx, '<') ? TK_SHL : '<';
      case '>':
        nextc(lx);
        return check_next1(lx, '=') ? TK_GE : check_next1(lx, '>') ? TK_SHR : '>';
      case '/': nextc(lx); return check_next1(lx, '/') ? TK_IDIV : '/';
      case '~': nextc(lx); return check_next1(lx, '=') ? TK_NE : '~';
      case ':': nextc(lx); return check_next1(lx, ':') ? TK_DBCOLON : ':';
      case '"': case '\'': read_string(lx, lx->cur, tk); return TK_STRING;
      case '.':
        save_and_next(lx);
        if (check_next1(lx, '.')) return check_next1(lx, '.') ? TK_DOTS : TK_CONCAT;
        if (!isdigit_(lx->cur)) return '.';
        read_numeral(lx, tk);
        return tk->tok;
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        read_numeral(lx, tk);
        return tk->tok;
      case EOZ: return TK_EOS;
      default: {
        if (isalpha_(lx->cur)) return read_name(lx, tk);
        int c = lx->cur;
        nextc(lx);
        return c;
      }
    }
  }
}

void lex_next(Lexer *lx) {
  lx->lastline = lx->line;
  if (lx->ahead.tok != TK_EOS) {
    lx->t = lx->ahead;
    lx->ahead.tok = TK_EOS;
  } else {
    lx->t.tok = llex(lx, &lx->t);
  }
}

int lex_lookahead(Lexer *lx) {
  lx->ahead.tok = llex(lx, &lx->ahead);
  return lx->ahead.tok;
}
