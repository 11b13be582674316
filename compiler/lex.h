/* lex.h: the lexer of Lua 5.4 source, and the scope interface resolve.c offers the parser (compiler layer).
**
** This header is private to the front end (lex.c, parse.c, resolve.c). The rest of the compiler sees only
** ast.h: parse_chunk and res_chunk.
*/
#ifndef VMC_LEX_H
#define VMC_LEX_H

#include "ast.h"

/* Tokens. A single-byte symbol ('+', '{', ...) is its own code; the others follow, in the order of the table of
** their texts in lex.c. Reserved words come first, then multi-byte symbols, then the tokens with a value. */
#define TK_FIRST 257
enum {
  TK_AND = TK_FIRST, TK_BREAK, TK_DO, TK_ELSE, TK_ELSEIF, TK_END, TK_FALSE, TK_FOR, TK_FUNCTION, TK_GOTO, TK_IF,
  TK_IN, TK_LOCAL, TK_NIL, TK_NOT, TK_OR, TK_REPEAT, TK_RETURN, TK_THEN, TK_TRUE, TK_UNTIL, TK_WHILE,
  TK_IDIV, TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE, TK_SHL, TK_SHR, TK_DBCOLON,
  TK_EOS, TK_FLT, TK_INT, TK_NAME, TK_STRING
};

typedef struct Token {
  int tok;
  size_t pos;              /* offset of its first byte in the source (string.dump keeps functions' text) */
  union {
    double f;                                   /* TK_FLT */
    long long i;                                /* TK_INT */
    struct { const char *s; size_t len; } str;  /* TK_NAME (interned), TK_STRING (arena, NUL-terminated) */
  } v;
} Token;

typedef struct NameSlot NameSlot;

typedef struct Lexer {
  CompileCtx *cx;
  const char *src;         /* the whole source */
  const char *p, *end;     /* the unread rest of the source */
  int cur;                 /* the current character, or -1 at the end of the source */
  int line;                /* line of the current character (errors are reported on it, as lua5.4 does) */
  int lastline;            /* line of the last token consumed */
  Token t;                 /* the current token */
  Token ahead;             /* the look-ahead token; tok == TK_EOS when there is none */
  char *buf;               /* the text of the token being read (arena; shown in "near '...'") */
  size_t blen, bcap;
  NameSlot *names;         /* interned names: open addressing, power-of-two size (arena) */
  size_t nnames, capnames;
} Lexer;

/* Prepares `lx` to read src[0..len) (which may contain '\0'). When `isfile`, a UTF-8 byte-order mark and a first
** line starting with '#' are skipped as lua5.4's loadfile does (the line count is kept). Reads no token yet. */
void lex_init(Lexer *lx, CompileCtx *cx, const char *src, size_t len, int isfile);

/* Moves to the next token (the look-ahead one if there is one); `lx->lastline` becomes the line of the previous. */
void lex_next(Lexer *lx);

/* Reads the token after the current one without consuming it and returns its code. At most one at a time. */
int lex_lookahead(Lexer *lx);

/* The unique copy of the name s[0..n): equal names are equal pointers. */
const char *lex_intern(Lexer *lx, const char *s, size_t n);

/* Writes into `out` the text lua5.4 shows for token code `tok`: 'end', '+', '<\1>', <eof>, <name>... */
const char *lex_token2str(int tok, char out[16]);

/* Raises `chunk:line: msg near TOKEN` on the current line; `tok` 0 leaves out the " near ..." part. */
void lex_error(Lexer *lx, const char *msg, int tok) __attribute__((noreturn));

/* Raises `msg` near the current token. */
void lex_syntaxerror(Lexer *lx, const char *msg) __attribute__((noreturn));

/* --- Scopes (resolve.c), driven by parse.c while it reads the source. Names are bound as lua5.4 binds them,
** during parsing, so that scoping errors come in lua5.4's order and with its line numbers. --- */

typedef struct ResLabel {
  const char *name;
  int line;
  int nactvar;             /* active locals of the function at the label (or goto) */
} ResLabel;

typedef struct ResBlock {
  struct ResBlock *prev;
  int nactvar;             /* active locals of the function outside this block */
  int firstlabel, firstgoto;
  int isloop;
} ResBlock;

typedef struct ResFunc {
  struct ResFunc *prev;
  FuncExpr *f;
  ResBlock *bl;            /* innermost open block */
  int firstlocal;          /* index of its first variable in Resolver.act */
  int firstlabel;          /* index of its first label in Resolver.labels */
  int nactvar;             /* active (visible) locals, hidden ones included */
} ResFunc;

typedef struct Resolver {
  CompileCtx *cx;
  Lexer *lx;
  ResFunc *fs;             /* innermost open function */
  LocalVar **act;          /* declared variables of the open functions, active and pending (arena) */
  int nact, capact;
  ResLabel *labels, *gotos;  /* visible labels; pending gotos (arena) */
  int nlabels, caplabels, ngotos, capgotos;
  int nfuncs;              /* functions opened so far: the next id */
  LocalVar hidden;         /* stands for the internal slots of a for loop (counted, never found) */
  const char *envname, *breakname;
} Resolver;

void res_init(Resolver *rs, Lexer *lx);
/* Opens function `f` (fills parent, id, parent's children) with its outermost block `bl`. */
void res_open_func(Resolver *rs, ResFunc *fs, ResBlock *bl, FuncExpr *f);
/* Closes the innermost function: reports its first pending goto ("no visible label", "break outside loop"). */
void res_close_func(Resolver *rs);
void res_enter_block(Resolver *rs, ResBlock *bl, int isloop);
void res_leave_block(Resolver *rs);
/* Declares a local of the current function, not yet visible (see res_activate). Checks the 200-local limit. */
LocalVar *res_new_local(Resolver *rs, const char *name, int line);
/* Declares one internal slot of a for loop: counts towards lua5.4's limits, is never found by name. */
void res_new_hidden(Resolver *rs);
/* Makes the next `n` declared locals visible. */
void res_activate(Resolver *rs, int n);
/* The expression for name `name` seen here: E_LOCAL, E_UPVAL or E_GLOBAL (indexing the visible _ENV). */
Expr *res_name(Resolver *rs, const char *name, int line);
/* `target` is being assigned: rejects <const>/<close> variables, marks locals as assigned. */
void res_assign(Resolver *rs, Expr *target);
void res_goto(Resolver *rs, const char *name, int line);
void res_break(Resolver *rs, int line);
/* A label; `last`: nothing but void statements follow it in its block (locals then count as out of scope). */
void res_label(Resolver *rs, const char *name, int line, int last);

#endif
