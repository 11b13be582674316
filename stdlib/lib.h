/* lib.h: helpers shared by the standard library (stdlib layer; private to stdlib/, includes only vmc.h).
**
** A library function is a VmCFunction: `int f(VmState *L, VmClosure *self, Value *a, int n)`. Arguments are
** numbered from 1 as in the Lua manual: argument `arg` is a[arg - 1], absent when arg > n. The helpers below
** take `self` to name the function in messages ("bad argument #1 to 'insert' (table expected, got nil)").
*/
#ifndef VMC_LIB_H
#define VMC_LIB_H

#include "vmc.h"

/* One entry of a registration table: the function's static description and its C entry point. info.name is
** qualified as lua5.4 names a function called from C ("string.rep"); the table key is the part after the last
** dot. */
typedef struct LibReg {
  VmFuncInfo info;
  VmCFunction fn;
} LibReg;

#define LIB_FN(name, fn) {{name, "[C]", -1, 0, 1, 0}, fn}
/* The same with a fast entry (VmFuncInfo.fast) for its common cases. A fast entry takes LIB_FASTARGS, returns
** its results with vm_fastret and leaves every other case to the function with LIB_SLOW() before changing
** anything. */
#define LIB_FAST(name, fn, fast) {{name, "[C]", -1, 0, 1, fast}, fn}
#define LIB_FASTARGS VmState *L, Value f, Value *a, int n, const char *d
#define LIB_SLOW() return vm_calld(L, f, a, n, d)
#define LIB_END {{0, 0, 0, 0, 0, 0}, 0}

/* Argument `arg` (1-based), or nil when absent. */
static inline Value lib_arg(Value *a, int n, int arg) { return arg <= n ? a[arg - 1] : VM_NIL; }
/* Is argument `arg` absent or nil? */
static inline int lib_isnone(Value *a, int n, int arg) { return arg > n || a[arg - 1] == VM_NIL; }

/* ---- Errors (aux.c); all raise through vm_error, which prefixes the position of the calling Lua code ---- */
/* "bad argument #arg to 'name' (msg)". As lua5.4: name is the one at the call site (vm_calldesc: "local 'f'" gives
** 'f'); a method call does not count self ("calling 'name' on bad self" when self is the bad one); a function
** called from C (pcall) gets its qualified name ("string.rep"). */
VM_NORETURN void lib_argerror(VmState *L, VmClosure *self, int arg, const char *msg);
/* "bad argument #arg to 'name' (expected expected, got <type or 'no value'>)" */
VM_NORETURN void lib_typeerror(VmState *L, VmClosure *self, Value *a, int n, int arg, const char *expected);

/* ---- Calls out of a library function ---- */
/* vm_call(f, a, n) made by the library function self as lua5.4 makes a call from C: for the time of the call a
** C frame for self is pushed (line -1), so the callee sees a C caller. An error raised by a library function
** called this way has no "chunk:line:" prefix and names it in full ("bad argument #1 to 'table.sort'"),
** error(msg, 2) in a Lua function called this way has no position, and tracebacks show
** "[C]: in function 'table.sort'". Errors unwind the frame with the rest (vm_pcall restores L->frame).
** The call counts as a C-level call: nesting them (gsub in gsub, sort in a comparator) ends in "C stack
** overflow" at lua5.4's depth, which also bounds the C stack a chain of library calls without Lua frames
** between them (and so without vm_enter's check) can take. */
static inline int lib_call(VmState *L, VmClosure *self, Value f, Value *a, int n) {
  VmFrame fr;
  int r;
  fr.prev = L->frame;
  fr.cl = self;
  fr.line = -1;
  L->frame = &fr;
  if (++L->nccalls >= VM_MAXCCALLS) vm_rterror(L, "C stack overflow");
  r = vm_call(L, f, a, n);
  L->nccalls--;
  L->frame = fr.prev;
  return r;
}

/* ---- Argument checks (aux.c) ---- */
/* Errors "value expected" when argument `arg` is absent (an explicit nil is a value). */
void lib_checkany(VmState *L, VmClosure *self, int n, int arg);
/* An integer: integers, floats with an exact integer value and numeric strings are accepted. */
vm_int lib_checkint_slow(VmState *L, VmClosure *self, Value *a, int n, int arg);
static inline vm_int lib_checkint(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  if (arg <= n && vm_isint(a[arg - 1])) return vm_toint(a[arg - 1]);
  return lib_checkint_slow(L, self, a, n, arg);
}
/* lib_checkint, or `def` when the argument is absent or nil. */
static inline vm_int lib_optint(VmState *L, VmClosure *self, Value *a, int n, int arg, vm_int def) {
  return lib_isnone(a, n, arg) ? def : lib_checkint(L, self, a, n, arg);
}
/* A number of either subtype (numeric strings converted), as a Value. */
Value lib_checknumber(VmState *L, VmClosure *self, Value *a, int n, int arg);
/* A number as a double. */
double lib_checknum(VmState *L, VmClosure *self, Value *a, int n, int arg);
/* A string; a number is converted and the string stored back into a[arg - 1] (which keeps it reachable). */
VmString *lib_checkstr_slow(VmState *L, VmClosure *self, Value *a, int n, int arg);
static inline VmString *lib_checkstr(VmState *L, VmClosure *self, Value *a, int n, int arg) {
  if (arg <= n && vm_isstring(a[arg - 1])) return vm_str(a[arg - 1]);
  return lib_checkstr_slow(L, self, a, n, arg);
}
/* lib_checkstr, or NULL when the argument is absent or nil. */
VmString *lib_optstr(VmState *L, VmClosure *self, Value *a, int n, int arg);
/* A table. */
VmTable *lib_checktable(VmState *L, VmClosure *self, Value *a, int n, int arg);
/* Index in the NULL-terminated list `opts` of string argument `arg` (or of `def` when it is absent or nil and
** def is not NULL); errors "invalid option 'x'" otherwise. */
int lib_checkoption(VmState *L, VmClosure *self, Value *a, int n, int arg, const char *def,
                    const char *const opts[]);

/* ---- Numbers (aux.c) ---- */
/* Converts an integral double in the range of vm_int; returns 0 (and leaves *out alone) otherwise. */
int lib_flt2int(double d, vm_int *out);

/* ---- Patterns (pattern.c) ---- */
/* os.setlocale changed the locale: pattern.c rebuilds its character-class tables (from <ctype.h>) */
void lib_localechanged(void);

/* ---- Strings and tables (aux.c) ---- */
/* tostring(v) with fast paths for strings and numbers (no allocation for strings). */
Value lib_tostring(VmState *L, Value v);
/* t[k] = v without metamethods, k a C string (allocated). */
void lib_setfield(VmState *L, Value t, const char *k, Value v);
/* t[k] with metamethods, k a C string (allocated). */
Value lib_getfield(VmState *L, Value t, const char *k);
/* Stores a closure for each entry of r (up to LIB_END) into table t under the entry's name. */
void lib_register(VmState *L, Value t, const LibReg *r);
/* Marks the C functions t[names[i]] (NULL-terminated) as letting coroutines yield through them (VM_FYIELD);
** other C functions run as non-yieldable calls, as in lua5.4. */
void lib_letyield(VmState *L, Value t, const char *const names[]);
/* Makes a new table filled from r. */
Value lib_newlib(VmState *L, const LibReg *r);
/* Formats a chunk name as lua5.4 shows it in messages: "=name" -> "name", "@file" -> "file" (long ones keep
** their end), source text -> [string "first line..."]. buf has room for LIB_IDSIZE bytes. */
#define LIB_IDSIZE 60
void lib_chunkid(char *buf, const char *src, vm_size len);
/* Results of a file operation as lua5.4's luaL_fileresult: true (1 result), or nil, "fname: strerror(errno)"
** (just the strerror text when fname is NULL) and errno (3 results). Reads errno first. */
int lib_fileresult(VmState *L, Value *a, int ok, const char *fname);
/* Room on the value stack for k more values above p? Raises "msg" otherwise. */
void lib_checkstack(VmState *L, Value *p, vm_int k, const char *msg);

/* ---- String buffers (aux.c): start on the C stack, grow into collected (atomic) blocks ---- */
#define LIB_BUFSIZE 512
typedef struct LibBuf {
  char *p;                 /* init, or a GC block kept alive by this pointer on the C stack */
  vm_size n, cap;
  char init[LIB_BUFSIZE];
} LibBuf;

void lib_bufinit(LibBuf *b);
/* Ensures room for k more bytes; returns where they go (b->n is not advanced). */
char *lib_bufprep_slow(LibBuf *b, vm_size k);
static inline char *lib_bufprep(LibBuf *b, vm_size k) {
  return b->cap - b->n >= k ? b->p + b->n : lib_bufprep_slow(b, k);
}
static inline void lib_addchar(LibBuf *b, char c) {
  if (b->n == b->cap) lib_bufprep_slow(b, 1);
  b->p[b->n++] = c;
}
void lib_addmem(LibBuf *b, const char *s, vm_size len);
void lib_addcstr(LibBuf *b, const char *s);
/* Appends v as tostring would. */
void lib_addvalue(VmState *L, LibBuf *b, Value v);
/* The buffer's contents as a new string. */
Value lib_bufresult(VmState *L, LibBuf *b);

/* ---- Chunks (base.c) ---- */
/* Loads the file path (NULL: stdin) as lua5.4's luaL_loadfile (skips a first line starting with '#'), its
** chunk named after path; mode: "b", "t" or "bt". Returns the function, or VM_NIL with the message in *err
** ("cannot open f: No such file or directory", or the compiler's message). */
Value lib_loadfile(VmState *L, const char *path, const char *mode, Value env, Value *err);

/* dump.c: the function of the binary chunk s[0..len-1] (made by string.dump; it starts with "\x1b"), named
** chunkname, its first upvalue set to env; or VM_NIL with lua5.4's message in *err ("bad binary format"). */
Value lib_undump(VmState *L, const char *s, vm_size len, const char *chunkname, Value env, Value *err);

/* ---- Compiled functions (dbvars.c, debug.c, base.c) ---- */
#define LIB_NAMESIZE 256   /* longest name of a variable the debug library shows in full */
/* The description of a Lua function (VmLuaInfo), NULL for a C function. */
const VmLuaInfo *lib_luainfo(VmClosure *cl);
/* Item i (from 0) of a list of items each followed by a space (VmLuaInfo.upvals, params) into buf; 0 if none. */
int lib_listitem(const char *list, int i, char *buf, vm_size size);
/* The closure cell of cl's k-th upvalue as lua5.4 numbers them (from 1), its name in name (may be NULL):
** "" for a C function's. -1 if there is none; an error if lua5.4's numbering is not known (see dbvars.c). */
int lib_upvalue(VmState *L, VmClosure *cl, int k, char *name, vm_size size);
/* The number of upvalues lua5.4 would give cl (an error as lib_upvalue). */
int lib_nups(VmState *L, VmClosure *cl);
/* The state of a first argument that is a coroutine (*arg = 1), else L (*arg = 0). */
VmState *lib_getthread(VmState *L, Value *a, int n, int *arg);
/* The table debug.getregistry returns. */
Value lib_registry(VmState *L);
/* The source name lua5.4 gives cl ("@file", "=[C]", "=?" when stripped ...), maybe written in buf. */
const char *lib_funcsource(VmClosure *cl, char *buf, vm_size size);
/* Records source, lua5.4's name of the chunk fn (a function just loaded) was compiled from ("=stdin", "@f"...). */
void lib_setchunksource(VmState *L, Value fn, Value source);

/* ---- Library openers (one per file) ---- */
void lib_openbase(VmState *L, Value g);
void lib_openpackage(VmState *L, Value g);
void lib_openstring(VmState *L, Value g);
void lib_opentable(VmState *L, Value g);
void lib_openmath(VmState *L, Value g);
void lib_openos(VmState *L, Value g);
void lib_openio(VmState *L, Value g);
void lib_openutf8(VmState *L, Value g);
void lib_opencoroutine(VmState *L, Value g);
void lib_opendebug(VmState *L, Value g);
/* pattern.c: adds find, match, gmatch, gsub to the string table */
void lib_openpattern(VmState *L, Value strtab);
/* pack.c: adds pack, packsize, unpack to the string table */
void lib_openpack(VmState *L, Value strtab);
/* dump.c: adds dump to the string table */
void lib_opendump(VmState *L, Value strtab);
/* dbvars.c, dbhook.c: add their functions to the debug table */
void lib_opendbvars(VmState *L, Value dbtab);
void lib_opendbhook(VmState *L, Value dbtab);
/* loadlib.c: records a library in package.loaded (called by lib_openall for each library) */
void lib_setloaded(VmState *L, const char *name, Value lib);

#endif
