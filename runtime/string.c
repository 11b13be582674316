/* string.c: string objects, their hash, the intern table, and the conversion of values to strings (runtime layer).
**
** Strings are immutable. Short ones (at most VM_MAXSHORTLEN bytes, as Lua's short strings) are interned: the
** program holds each short content once, so two short strings are equal exactly when they are the same object,
** and a table lookup by a short key is one pointer compare per probed node. Long strings are compared by length,
** hash and bytes. The hash is computed once, at creation, over all the bytes of a string up to HASH_FULL bytes and
** over a fixed sample of a longer one (so that building a long string stays linear). Objects hold no pointers.
**
** The intern table is weak: it lives in malloc'd memory (the collector does not scan it) and an entry goes when the
** collector reclaims its string. Interned strings come from an object kind of their own (vm_alloc_istr) whose
** disclaim callback, which Boehm calls on each unmarked object just before it reclaims it (after finalizers have
** marked what they keep), asks vm_strdisclaim. Boehm sweeps lazily, after the program has resumed: a string found
** unreachable by the last marking can still be found by a lookup and handed out again before its block is swept.
** Every lookup therefore stamps the string with the current collection's epoch, and vm_strdisclaim keeps a string
** stamped since the last marking began.
*/
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
  h ^= h >> 32;   /* a last multiply spreads every byte into the low bits, which pick the slot: without it,
                     keys such as "key1".."key260000" cluster (1.17 extra probes per insert at 1/4 load) */
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  return (unsigned int)h;
}

/* ---- The intern table: open addressing, linear probing, at most half full ----
** A slot is one word: the string's address (below 2^48) with the top 16 bits of its hash above it, so that a probe
** rejects most other strings without reading them; 0 is a free slot. Small slots keep the table's share of the
** cache small: creating a short string costs one random access to it (as in lua5.4), and sweeping one another. */

typedef unsigned long long StrSlot;
#define SLOT_TAG(h) ((StrSlot)((h) >> 16) << 48)
#define SLOT_STR(e) ((VmString *)(unsigned long)((e) & 0xffffffffffffULL))

static StrSlot *strtab;    /* malloc'd, not scanned: it keeps no string alive */
static vm_size strmask, strcount;
static unsigned short strepoch;   /* the collection under way or last finished, mod 2^16 */

/* Zeroed memory for the table; from 2 MB up in huge pages where the kernel allows it (madvise mode): each probe
** is a random access, and with 4 KB pages most of them also miss the TLB. */
static StrSlot *tablealloc(size_t bytes) {
  void *p;
  if (bytes < ((size_t)2 << 20)) {
    p = calloc(1, bytes);
  } else {
    p = aligned_alloc((size_t)2 << 20, bytes);
    if (p != NULL) {
      madvise(p, bytes, MADV_HUGEPAGE);
      memset(p, 0, bytes);
    }
  }
  if (p == NULL) vm_memerror();
  return p;
}

static void strgrow(void) {
  vm_size osize = strtab != NULL ? strmask + 1 : 0, nsize = osize > 0 ? osize * 2 : 1024, i;
  StrSlot *old = strtab;
  strtab = tablealloc(nsize * sizeof(StrSlot));
  strmask = nsize - 1;
  for (i = 0; i < osize; i++) {
    vm_size j;
    if (old[i] == 0) continue;
    for (j = SLOT_STR(old[i])->hash & strmask; strtab[j] != 0; j = (j + 1) & strmask) {}
    strtab[j] = old[i];
  }
  free(old);
}

/* The interned string with these contents, stamped with the current epoch, or NULL. */
static VmString *strfind(const char *s, vm_size len, unsigned int h) {
  StrSlot tag = SLOT_TAG(h);
  vm_size i;
  if (strtab == NULL) return NULL;
  for (i = h & strmask; strtab[i] != 0; i = (i + 1) & strmask) {
    VmString *ts;
    if ((strtab[i] & ~0xffffffffffffULL) != tag) continue;
    ts = SLOT_STR(strtab[i]);
    if (ts->hash == h && ts->len == len && memcmp(ts->s, s, len) == 0) {
      ts->h.extra = strepoch;
      return ts;
    }
  }
  return NULL;
}

/* Enters ts, whose contents are not in the table yet. */
static void strinsert(VmString *ts) {
  vm_size i;
  if (2 * (strcount + 1) > (strtab != NULL ? strmask + 1 : 0)) strgrow();
  for (i = ts->hash & strmask; strtab[i] != 0; i = (i + 1) & strmask) {}
  strtab[i] = (StrSlot)(unsigned long)ts | SLOT_TAG(ts->hash);
  strcount++;
  ts->h.extra = strepoch;
}

/* Removes the entry at i, moving later entries of its probe run back so that every entry stays reachable. */
static void strremove(vm_size i) {
  vm_size j = i;
  for (;;) {
    vm_size home;
    j = (j + 1) & strmask;
    if (strtab[j] == 0) break;
    home = SLOT_STR(strtab[j])->hash & strmask;
    /* entry j may fill the hole at i unless its home lies cyclically in (i, j] */
    if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
      strtab[i] = strtab[j];
      i = j;
    }
  }
  strtab[i] = 0;
  strcount--;
}

/* A collection starts marking: strings looked up from now on were handed out after it (see the head comment). */
void vm_strnewcycle(void) { strepoch++; }

/* The collector is about to reclaim obj, an unmarked object of the interned strings' kind (possibly a free slot or
** a string that lost to an equal one in vm_strbufdone, neither of them in the table). Returns 1 to keep it: it was
** handed out since this collection's marking began. Otherwise it leaves the table, if it was there. */
int vm_strdisclaim(void *obj) {
  VmString *ts = obj;
  StrSlot e = (StrSlot)(unsigned long)ts | SLOT_TAG(ts->hash);
  vm_size i;
  if (ts->h.tt != VM_TSTRING || strtab == NULL) return 0;
  for (i = ts->hash & strmask; strtab[i] != 0; i = (i + 1) & strmask) {
    if (strtab[i] != e) continue;
    if (ts->h.extra == strepoch) return 1;
    strremove(i);
    return 0;
  }
  return 0;
}

static VmString *strnew(vm_size len) {
  VmString *ts = len <= VM_MAXSHORTLEN ? vm_alloc_istr(offsetof(VmString, s) + len + 1)
                                       : vm_alloc_atomic(offsetof(VmString, s) + len + 1);
  ts->h.tt = VM_TSTRING;
  ts->h.flags = 0;
  ts->h.extra = 0;
  ts->len = len;
  ts->s[len] = '\0';
  return ts;
}

/* A string of len bytes whose contents the caller writes into s->s before calling vm_strbufdone. */
VmString *vm_newstrbuf(VmState *L, vm_size len) {
  VmString *ts = strnew(len);
  (void)L;
  ts->hash = 0;
  return ts;
}

/* Finishes a string made by vm_newstrbuf (computes its hash); returns it as a value: for a short string, the
** interned one with these contents (ts itself if it is the first). */
Value vm_strbufdone(VmString *ts) {
  ts->hash = vm_hashbytes(ts->s, ts->len);
  if (ts->len <= VM_MAXSHORTLEN) {
    VmString *old = strfind(ts->s, ts->len, ts->hash);
    if (old != NULL) return vm_mkptr(old);
    strinsert(ts);
  }
  return vm_mkptr(ts);
}

/* A string with a copy of s[0..len-1]: the interned one for a short string. */
Value vm_newstr(VmState *L, const char *s, vm_size len) {
  unsigned int h = vm_hashbytes(s, len);
  VmString *ts;
  (void)L;
  if (len <= VM_MAXSHORTLEN && (ts = strfind(s, len, h)) != NULL) return vm_mkptr(ts);
  ts = strnew(len);   /* may collect, and so change the table: insert after */
  ts->hash = h;
  memcpy(ts->s, s, len);
  if (len <= VM_MAXSHORTLEN) strinsert(ts);
  return vm_mkptr(ts);
}

/* A new string with a copy of the NUL-terminated s. */
Value vm_newcstr(VmState *L, const char *s) { return vm_newstr(L, s, strlen(s)); }

/* Whether the strings a and b have the same contents: short ones only when they are the same object. */
int vm_streq(Value a, Value b) {
  VmString *x, *y;
  if (a == b) return 1;
  x = vm_str(a);
  y = vm_str(b);
  return x->len > VM_MAXSHORTLEN && x->hash == y->hash && x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* Orders two strings byte by byte (as strcoll in the C locale, but '\0' is an ordinary byte). */
int vm_strcmp(VmString *a, VmString *b) {
  vm_size n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->s, b->s, n);
  if (c != 0) return c;
  return a->len < b->len ? -1 : a->len > b->len;
}

/* A string value for the NUL-terminated s, for lookups only (never store it): the interned string if there is
** one; else, for a short s, a string built in buf that equals no key (no table can hold a short key that is not
** interned); a long s is allocated. */
Value vm_tmpstr(VmTmpStr *buf, const char *s) {
  vm_size len = strlen(s);
  unsigned int h = vm_hashbytes(s, len);
  VmString *ts;
  if (len > VM_MAXSHORTLEN || len >= sizeof buf->more) return vm_newstr(NULL, s, len);
  if ((ts = strfind(s, len, h)) != NULL) return vm_mkptr(ts);
  buf->s.h.tt = VM_TSTRING;
  buf->s.h.flags = 0;
  buf->s.h.extra = 0;
  buf->s.len = len;
  buf->s.hash = h;
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
