/* common.h: shared utilities of the compiler layer: arenas, growable buffers, compile errors. */
#ifndef VMC_COMMON_H
#define VMC_COMMON_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* Arena: every allocation of one compilation lives until arena_free; nothing is freed one by one. */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ArenaBlock *head;
} Arena;
void *arena_alloc(Arena *a, size_t n);            /* zeroed, aligned to 16 */
char *arena_strdup(Arena *a, const char *s, size_t n);
void arena_free(Arena *a);

/* Growable byte buffer (malloc'd; free with buf_free). */
typedef struct Buf {
  char *s;
  size_t len, cap;
} Buf;
void buf_putn(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *buf_take(Buf *b);                           /* NUL-terminated, caller frees */
void buf_free(Buf *b);

/* Growable array of pointers, arena-backed. */
typedef struct Vec {
  void **v;
  int n, cap;
} Vec;
void vec_push(Arena *a, Vec *v, void *p);

/* A compilation's error context: the first error longjmps to `jb` with the message in `msg`
** ("prog.lua:3: 'end' expected near <eof>", as lua5.4 words it, without the program name). */
typedef struct CompileCtx {
  Arena *arena;
  const char *chunkname;   /* as shown in messages: "prog.lua" */
  jmp_buf jb;
  char msg[512];
} CompileCtx;
void compile_error(CompileCtx *cx, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

#endif
