/* cache.c: the run cache of `vmc run` (compiler layer, the vmc program only).
**
** An entry is the program's C text compiled by gcc -O2 into a shared object, <dir>/<key>.so, where dir is
** $XDG_CACHE_HOME/vmc (else ~/.cache/vmc) and key a 128-bit hash of vmc's version, the runtime's header text
** (the ABI of generated code), the C compiler's flags and the C text itself, which holds every Lua source the
** program compiles (its bundled modules too), their file names and the options that shaped it. A run that finds
** no entry compiles with libtcc as before and starts `vmc --cache-fill` in the background (detached, niced,
** its output discarded), which compiles the entry under a temporary name and renames it into place: readers
** see a whole entry or none. The entry ends with a trailer (magic, size, key, hash of the bytes before it):
** one that does not check out is removed and never loaded. A lock file (<key>.lock, O_EXCL) keeps concurrent
** runs from compiling the same entry twice; <key>.fail records a compilation that failed, so it is not retried.
** After each fill the oldest entries (by last use) go until the directory is under VMC_CACHE_MAX bytes.
** The shared object takes its `vm_*` symbols from the vmc executable (linked with -rdynamic); the collector
** scans its data (K[], inline caches) as it scans every loaded library's.
*/
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "cli.h"
#include "common.h"

#ifndef VMC_BUILD_CFLAGS
#define VMC_BUILD_CFLAGS ""
#endif
/* the flags of `vmc build` (cc_backend.c says why) */
#define CACHE_CFLAGS "gcc -O2 --param=inline-unit-growth=300 -fsignaling-nans -fPIC -shared " VMC_BUILD_CFLAGS
#define DEFAULT_MAX ((long long)256 << 20)   /* bytes */
#define LOCK_STALE 600                        /* seconds after which a lock or temporary file is abandoned */

extern const char vmc_header_text[];

typedef struct Hash {
  uint64_t a, b;
} Hash;

typedef struct Trailer {
  char magic[8];           /* "VMCRUN1\0" */
  uint64_t size;           /* bytes of the shared object before the trailer */
  uint64_t key[2];
  uint64_t sum[2];         /* hash of those bytes */
} Trailer;

static const char MAGIC[8] = "VMCRUN1";

/* ---- Hashing (128 bits in two lanes of 64; not cryptographic: it tells programs apart, it does not
** resist an adversary, who would need to write into the user's cache or sources anyway) ---- */

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static uint64_t fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  return k ^ (k >> 33);
}

static void hupdate(Hash *h, const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t w;
  for (; n >= 8; n -= 8, s += 8) {
    memcpy(&w, s, 8);
    h->a = rotl(h->a ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL + h->b;
    h->b = rotl(h->b ^ (w * 0x4cf5ad432745937fULL), 33) * 0x87c37b91114253d5ULL + h->a;
  }
  w = (uint64_t)n << 56;
  memcpy(&w, s, n);   /* the tail, little-endian, under its length */
  h->a = rotl(h->a ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL + h->b;
  h->b = rotl(h->b ^ (w * 0x4cf5ad432745937fULL), 33) * 0x87c37b91114253d5ULL + h->a;
}

static void hfinal(Hash *h, uint64_t out[2]) {
  out[0] = fmix(h->a + h->b);
  out[1] = fmix(h->b ^ rotl(h->a, 17));
}

/* ---- Places ---- */

static int tracing(void) {
  const char *t = getenv("VMC_CACHE_TRACE");
  return t != NULL && *t && strcmp(t, "0") != 0;
}

static void trace(const char *what, const char *detail) {
  if (tracing()) fprintf(stderr, "vmc-cache: %s %s\n", what, detail);
}

/* The cache directory, created if needed; 0 if there is none. */
static int cachedir(char *dir, size_t sz) {
  const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  if (xdg != NULL && xdg[0] == '/') snprintf(dir, sz, "%s/vmc", xdg);
  else if (home != NULL && home[0] == '/') snprintf(dir, sz, "%s/.cache/vmc", home);
  else return 0;
  for (char *p = dir + 1; *p; p++) {   /* mkdir -p */
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) return 0;
    *p = '/';
  }
  return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

int cache_enabled(void) {
  const char *v = getenv("VMC_CACHE");
  char dir[PATH_MAX];
  if (v != NULL && strcmp(v, "off") == 0) return 0;
  return cachedir(dir, sizeof dir);
}

/* The entry's key in hex: vmc's version, the ABI, the compiler's flags, the program's C text. */
static void keyof(const char *ctext, char hex[33], uint64_t key[2]) {
  Hash h = {0x9e3779b97f4a7c15ULL, 0x6a09e667f3bcc909ULL};
  hupdate(&h, VMC_VERSION, sizeof VMC_VERSION);
  hupdate(&h, vmc_header_text, strlen(vmc_header_text) + 1);
  hupdate(&h, CACHE_CFLAGS, sizeof CACHE_CFLAGS);
  hupdate(&h, ctext, strlen(ctext));
  hfinal(&h, key);
  snprintf(hex, 33, "%016llx%016llx", (unsigned long long)key[0], (unsigned long long)key[1]);
}

static void entrypath(char *path, size_t sz, const char *dir, const char *hex, const char *ext) {
  snprintf(path, sz, "%s/%s%s", dir, hex, ext);
}

/* ---- Lookup ---- */

/* Does the file at fd (st_size bytes) end with a trailer for key that matches its contents? */
static int intact(int fd, size_t size, const uint64_t key[2]) {
  Trailer t;
  uint64_t sum[2];
  if (size < sizeof t) return 0;
  unsigned char *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return 0;
  memcpy(&t, p + size - sizeof t, sizeof t);
  int ok = memcmp(t.magic, MAGIC, sizeof MAGIC) == 0 && t.size == size - sizeof t && t.key[0] == key[0] &&
           t.key[1] == key[1];
  if (ok) {
    Hash h = {t.key[0], t.key[1]};
    hupdate(&h, p, (size_t)t.size);
    hfinal(&h, sum);
    ok = sum[0] == t.sum[0] && sum[1] == t.sum[1];
  }
  munmap(p, size);
  return ok;
}

/* Marks key as failed (never compiled again until evicted). */
static void markfailed(const char *dir, const char *hex) {
  char path[PATH_MAX + 64];
  entrypath(path, sizeof path, dir, hex, ".fail");
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd >= 0) close(fd);
}

VmChunkFn cache_lookup(const char *ctext) {
  char dir[PATH_MAX], path[PATH_MAX + 64], hex[33];
  uint64_t key[2];
  struct stat st;
  if (!cachedir(dir, sizeof dir)) return NULL;
  keyof(ctext, hex, key);
  entrypath(path, sizeof path, dir, hex, ".so");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    trace("miss", hex);
    return NULL;
  }
  int ok = fstat(fd, &st) == 0 && intact(fd, (size_t)st.st_size, key);
  close(fd);
  if (!ok) {
    trace("corrupt (removed)", path);
    unlink(path);
    return NULL;
  }
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  VmChunkFn fn = h != NULL ? (VmChunkFn)(uintptr_t)dlsym(h, "vmc_chunk") : NULL;
  if (fn == NULL) {
    trace("unloadable (removed)", h == NULL ? dlerror() : path);
    unlink(path);
    markfailed(dir, hex);
    return NULL;
  }
  utimensat(AT_FDCWD, path, NULL, 0);   /* last use, for eviction */
  trace("hit", path);
  return fn;
}

/* ---- Filling ---- */

/* Takes the lock of key (a stale one is broken); 0 if another run holds it or the key failed before. */
static int lock(const char *dir, const char *hex) {
  char path[PATH_MAX + 64];
  struct stat st;
  entrypath(path, sizeof path, dir, hex, ".fail");
  if (stat(path, &st) == 0) return 0;
  entrypath(path, sizeof path, dir, hex, ".lock");
  for (int tries = 0; tries < 2; tries++) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      close(fd);
      return 1;
    }
    if (errno != EEXIST || stat(path, &st) != 0 || time(NULL) - st.st_mtime < LOCK_STALE) return 0;
    unlink(path);
  }
  return 0;
}

/* Starts `vmc --cache-fill FILE.c KEY` detached from this process (double fork: no zombie, no wait), niced,
** its standard streams on /dev/null, so that a pipe reading our output ends when we do. Only async-signal-safe
** calls between fork and exec: the program may already run threads. */
static void spawn_filler(const char *cfile, const char *hex) {
  pid_t pid = fork();
  if (pid < 0) return;
  if (pid == 0) {
    if (fork() != 0) _exit(0);
    setsid();
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) dup2(null, 0), dup2(null, 1), dup2(null, 2);
    setpriority(PRIO_PROCESS, 0, 10);
    execl("/proc/self/exe", "vmc", "--cache-fill", cfile, hex, (char *)NULL);
    _exit(127);
  }
  while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
  }
}

void cache_fill(const char *ctext) {
  char dir[PATH_MAX], cfile[PATH_MAX + 64], hex[33];
  uint64_t key[2];
  if (!cachedir(dir, sizeof dir)) return;
  keyof(ctext, hex, key);
  if (!lock(dir, hex)) {
    trace("busy", hex);
    return;
  }
  snprintf(cfile, sizeof cfile, "%s/tmp-%s-%ld.c", dir, hex, (long)getpid());
  FILE *f = fopen(cfile, "w");
  int ok = f != NULL && fputs("#include \"vmc.h\"\n", f) >= 0 && fputs(ctext, f) >= 0;
  if (f != NULL && fclose(f) != 0) ok = 0;
  if (!ok) {
    unlink(cfile);
    entrypath(cfile, sizeof cfile, dir, hex, ".lock");
    unlink(cfile);
    return;
  }
  trace("filling", hex);
  spawn_filler(cfile, hex);
}

/* Appends the trailer for key to the shared object at path. */
static int seal(const char *path, const uint64_t key[2]) {
  int fd = open(path, O_RDWR);
  struct stat st;
  Trailer t;
  if (fd < 0 || fstat(fd, &st) != 0) return fd >= 0 ? close(fd), -1 : -1;
  unsigned char *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return close(fd), -1;
  Hash h = {key[0], key[1]};
  hupdate(&h, p, (size_t)st.st_size);
  munmap(p, (size_t)st.st_size);
  memcpy(t.magic, MAGIC, sizeof t.magic);
  t.size = (uint64_t)st.st_size;
  t.key[0] = key[0], t.key[1] = key[1];
  hfinal(&h, t.sum);
  int ok = pwrite(fd, &t, sizeof t, st.st_size) == (ssize_t)sizeof t && fsync(fd) == 0;
  return close(fd) == 0 && ok ? 0 : -1;
}

/* ---- Eviction ---- */

typedef struct Entry {
  char *name;
  time_t used;
  long long size;
} Entry;

/* VMC_CACHE_MAX: bytes, or with a suffix K, M or G; else DEFAULT_MAX. */
static long long maxsize(void) {
  const char *v = getenv("VMC_CACHE_MAX");
  char *end;
  if (v == NULL || !*v) return DEFAULT_MAX;
  long long n = strtoll(v, &end, 10);
  int shift = *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : 0;
  return n < 0 ? DEFAULT_MAX : n << shift;
}

static int byuse(const void *a, const void *b) {
  const Entry *x = a, *y = b;
  return x->used < y->used ? -1 : x->used > y->used;
}

/* Removes abandoned temporary files and locks, then the least recently used entries until the entries take at
** most VMC_CACHE_MAX bytes. */
static void evict(const char *dir) {
  DIR *d = opendir(dir);
  if (d == NULL) return;
  Entry *es = NULL;
  int n = 0, cap = 0;
  long long total = 0, max = maxsize();
  char path[PATH_MAX + 300];
  struct stat st;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    size_t len = strlen(e->d_name);
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (e->d_name[0] == '.' || stat(path, &st) != 0) continue;
    int temp = strncmp(e->d_name, "tmp-", 4) == 0 || (len > 5 && strcmp(e->d_name + len - 5, ".lock") == 0);
    if (temp && time(NULL) - st.st_mtime >= LOCK_STALE) unlink(path);
    if (temp || len < 4 || strcmp(e->d_name + len - 3, ".so") != 0) continue;
    if (n == cap && (es = realloc(es, sizeof *es * (size_t)(cap = cap * 2 + 16))) == NULL) break;
    es[n].name = strdup(e->d_name);
    es[n].used = st.st_mtime;
    es[n++].size = st.st_size;
    total += st.st_size;
  }
  closedir(d);
  if (n > 0) qsort(es, (size_t)n, sizeof *es, byuse);
  for (int i = 0; i < n; i++) {
    if (total > max) {
      snprintf(path, sizeof path, "%s/%s", dir, es[i].name);
      if (unlink(path) == 0) total -= es[i].size;
    }
    free(es[i].name);
  }
  free(es);
}

/* ---- The filler process ---- */

int cache_fill_main(int argc, char **argv) {
  if (argc != 2 || strlen(argv[1]) != 32) return 2;
  const char *cfile = argv[0], *hex = argv[1];
  char dir[PATH_MAX], tmp[PATH_MAX + 64], final[PATH_MAX + 64], lockf[PATH_MAX + 64], msg[4200], half[17];
  uint64_t key[2];
  size_t len;
  snprintf(dir, sizeof dir, "%s", cfile);
  char *slash = strrchr(dir, '/');
  if (slash == NULL) return 2;
  *slash = '\0';
  memcpy(half, hex, 16), half[16] = '\0';
  key[0] = strtoull(half, NULL, 16);
  key[1] = strtoull(hex + 16, NULL, 16);
  entrypath(lockf, sizeof lockf, dir, hex, ".lock");
  entrypath(final, sizeof final, dir, hex, ".so");
  snprintf(tmp, sizeof tmp, "%s/tmp-%s-%ld.so", dir, hex, (long)getpid());
  char *text = drv_readfile(cfile, &len);
  unlink(cfile);
  CcOpts co = {0};
  co.cc = "gcc";
  co.olevel = 2;
  co.shared = 1;
  int ok = text != NULL && cc_build(text, tmp, &co, msg, sizeof msg) == 0 && seal(tmp, key) == 0 &&
           rename(tmp, final) == 0;
  free(text);
  if (!ok) {
    unlink(tmp);
    markfailed(dir, hex);
  }
  evict(dir);
  unlink(lockf);
  return ok ? 0 : 1;
}
