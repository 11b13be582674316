/* string.c: string objects, their hash, and the conversion of values to strings (runtime layer).
**
** Strings are immutable and not interned: two strings are equal when they are the same object or have the same
** length, hash and bytes. The hash is computed once, at creation, over all the bytes of a short string and over
** a fixed sample of a long one (so that building a long string stays linear). Objects are atomic: no pointers.
*/
#include <stdio.h>
#include <string.h>
#include "rt.h"

#define HASH_SEED 0x5bd1e995u   /* fixed: iteration order of pairs() is reproducible from run to run */
#define HASH_FULL 128           /* strings up to this length are hashed over every byte */

static inline uint64_t load64(const char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}

static inline uint64_t mix(uint64_t h, uint64_t w) {
  h ^= w;
  h *= 0x9e3779b97f4a7c15ULL;
  return h ^ (h >> 29);
}

/* Hash of every byte of s[0..len-1], 8 at a time. */
static uint64_t hashfull(uint64_t h, const char *s, vm_size len) {
  uint64_t w = 0;
  for (; len >= 8; s += 8, len -= 8) h = mix(h, load64(s));
  if (len > 0) {
    memcpy(&w, s, len);
    h = mix(h, w);
  }
  return h;
}

/* Hash of len bytes at s: all of them up to HASH_FULL bytes, else the first and last 64 and 16 words between. */
unsigned int vm_hashbytes(const char *s, vm_size len) {
  uint64_t h = HASH_SEED ^ ((uint64_t)len * 0xff51afd7ed558ccdULL);
  if (len <= HASH_FULL) {
    h = hashfull(h, s, len);
  } else {
    vm_size step = ((len - 128) >> 4) + 1, i;
    h = hashfull(h, s, 64);
    for (i = 64; i + 8 <= len - 64; i += step) h = mix(h, load64(s + i));
    h = hashfull(h, s + len - 64, 64);
  }
  h ^= h >> 32;
  return (unsigned int)h;
}

/* A string of len bytes whose contents the caller writes into s->s before calling vm_strbufdone. */
VmString *vm_newstrbuf(VmState *L, vm_size len) {
  VmString *ts = vm_alloc_atomic(offsetof(VmString, s) + len + 1);
  (void)L;
  ts->h.tt = VM_TSTRING;
  ts->h.flags = 0;
  ts->h.extra = 0;
  ts->hash = 0;
  ts->len = len;
  ts->s[len] = '\0';
  return ts;
}

/* Finishes a string made by vm_newstrbuf (computes its hash); returns it as a value. */
Value vm_strbufdone(VmString *ts) {
  ts->hash = vm_hashbytes(ts->s, ts->len);
  return vm_mkptr(ts);
}

/* A new string with a copy of s[0..len-1]. */
Value vm_newstr(VmState *L, const char *s, vm_size len) {
  VmString *ts = vm_alloc_atomic(offsetof(VmString, s) + len + 1);
  (void)L;
  ts->h.tt = VM_TSTRING;
  ts->h.flags = 0;
  ts->h.extra = 0;
  ts->hash = vm_hashbytes(s, len);
  ts->len = len;
  memcpy(ts->s, s, len);
  ts->s[len] = '\0';
  return vm_mkptr(ts);
}

/* A new string with a copy of the NUL-terminated s. */
Value vm_newcstr(VmState *L, const char *s) { return vm_newstr(L, s, strlen(s)); }

/* Whether the strings a and b have the same contents. */
int vm_streq(Value a, Value b) {
  VmString *x, *y;
  if (a == b) return 1;
  x = vm_str(a);
  y = vm_str(b);
  return x->hash == y->hash && x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* Orders two strings byte by byte (as strcoll in the C locale, but '\0' is an ordinary byte). */
int vm_strcmp(VmString *a, VmString *b) {
  vm_size n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->s, b->s, n);
  if (c != 0) return c;
  return a->len < b->len ? -1 : a->len > b->len;
}

/* A string value for the NUL-terminated s, built in buf when it fits (for lookups only: never store it). */
Value vm_tmpstr(VmTmpStr *buf, const char *s) {
  vm_size len = strlen(s);
  if (len >= sizeof buf->more) return vm_newstr(NULL, s, len);
  buf->s.h.tt = VM_TSTRING;
  buf->s.h.flags = 0;
  buf->s.h.extra = 0;
  buf->s.len = len;
  buf->s.hash = vm_hashbytes(s, len);
  memcpy(buf->s.s, s, len + 1);
  return vm_mkptr(&buf->s);
}

/* Value to string for concatenation: strings as they are, numbers formatted; 0 for anything else. */
int vm_tostr_coerce(VmState *L, Value v, Value *out) {
  char buf[64];
  if (vm_isstring(v)) {
    *out = v;
    return 1;
  }
  if (!vm_isnumber(v)) return 0;
  *out = vm_newstr(L, buf, (vm_size)vm_fmtnum(buf, v));
  return 1;
}

/* "kind: 0x..." for values without a printed form of their own. */
static Value addressof(VmState *L, Value v) {
  char buf[160];
  Value name = vm_tm(L, v, TM_NAME);
  const char *kind = vm_isstring(name) ? vm_str(name)->s : vm_typename(v);
  int n = snprintf(buf, sizeof buf, "%.100s: %p", kind, vm_toptr(v));
  return vm_newstr(L, buf, (vm_size)n);
}

/* Like tostring(): __tostring (whose result must be a string or a number), then "nil", "true", numbers as
** lua5.4 prints them, strings themselves, "table: 0x..." (or "<__name>: 0x..."). Always returns a string. */
Value vm_tostring(VmState *L, Value v) {
  Value tm = vm_tm(L, v, TM_TOSTRING), r;
  if (tm != VM_NIL) {
    r = vm_callmeta(L, tm, -1, 1, v, VM_NIL, VM_NIL);
    if (vm_isnumber(r)) vm_tostr_coerce(L, r, &r);
    if (!vm_isstring(r)) vm_error(L, "'__tostring' must return a string");
    return r;
  }
  if (vm_tostr_coerce(L, v, &r)) return r;
  if (v == VM_NIL) return vm_newstr(L, "nil", 3);
  if (v == VM_TRUE) return vm_newstr(L, "true", 4);
  if (v == VM_FALSE) return vm_newstr(L, "false", 5);
  return addressof(L, v);
}
