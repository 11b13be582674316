/* state.c: the program's states and value stacks, and vm_main, the host's entry point (runtime layer).
**
** The program runs on a C stack of its own of VM_CSTACK_SIZE bytes, on the main thread (vm_runonstack, which
** tells the collector), so that deep recursion works as in lua5.4; climit sits VM_CSTACK_MARGIN above the end
** of that stack. Each state's value stack is an mmap'd region of VM_STACK_SLOTS slots that never moves;
** stack_last leaves VM_STACK_EXTRA slots above it for C functions and error handling.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* pthread_getattr_np */
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "rt.h"

#define FALLBACK_CSTACK ((size_t)8 << 20)   /* assumed C stack when the thread's cannot be found out */

VmGlobal *vm_G;
const char *vm_progname;

/* ---- States ---- */

/* Sets L->climit VM_CSTACK_MARGIN bytes above the lowest address of the calling thread's stack, and the bounds
** of that stack in L's VmCoro (the cool end as the collector knows it, if it does). */
void vm_setclimit(VmState *L) {
  VmCoro *co = vm_coro(L);
  char *gchi;
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  char here;
  if (vm_hoststacklo != NULL && &here > vm_hoststacklo && &here < vm_hoststackhi) {
    addr = vm_hoststacklo;
    size = (size_t)(vm_hoststackhi - vm_hoststacklo);
  } else if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstack(&attr, &addr, &size) != 0) addr = NULL;
    pthread_attr_destroy(&attr);
  }
  if (addr == NULL || size > ((size_t)1 << 34) || &here < (char *)addr || &here > (char *)addr + size)
    addr = (void *)((uintptr_t)&here - FALLBACK_CSTACK), size = FALLBACK_CSTACK + 4096;  /* XXX: unknown */
  L->climit = (char *)addr + VM_CSTACK_MARGIN;
  co->clo = addr;
  co->chi = (char *)addr + size;
  gchi = vm_gcthread();
  if (gchi != NULL && gchi > &here && gchi <= co->chi) co->chi = gchi;
}

static void openglobal(void) {
  VmGlobal *g = vm_alloc_root(sizeof(VmGlobal));
  VmState *L;
  vm_G = g;
  L = vm_newmainstate(g);
  g->mainthread = g->running = L;
  vm_initmeta(L);
  g->memerrmsg = vm_newcstr(L, "not enough memory");
  L->globals = vm_newtable(L, 0, 64);
}

/* Starts the collector and the shared state (the first time) and returns the main state, its climit taken
** from the calling thread. For vm_main and for tests of the runtime. */
VmState *vm_openstate(void) {
  vm_gcinit();
  if (vm_G == NULL) openglobal();
  vm_setclimit(vm_G->mainthread);
  return vm_G->mainthread;
}

/* ---- Loading ---- */

typedef struct LoadJob {
  const char *src, *chunkname;
  vm_size len;
  Value env, fn, *err;
} LoadJob;

static void loadjob(VmState *L, void *ud) {
  LoadJob *j = ud;
  j->fn = L->g->hook(L, j->src, j->len, j->chunkname, j->env, j->err);
}

/* Compiles a chunk at run time with the hook given to vm_main, on the main program's stack (a coroutine's is
** too small for the compiler on deeply nested source). */
Value vm_load(VmState *L, const char *src, vm_size len, const char *chunkname, Value env, Value *err) {
  LoadJob j;
  if (L->g->hook == NULL) {
    *err = vm_newcstr(L, "cannot compile at run time: no compiler in this program");
    return VM_NIL;
  }
  j.src = src, j.chunkname = chunkname, j.len = len, j.env = env, j.fn = VM_NIL, j.err = err;
  vm_onmainstack(L, loadjob, &j);
  return j.fn;
}

/* ---- Hosts: vm_host, vm_docall, vm_main ---- */

typedef struct HostArgs {
  VmHostFn body;
  void *ud;
  VmCompileHook hook;
  int status;
} HostArgs;

static HostArgs *hostargs;   /* for hostmain, a C function without upvalues */

/* arg[0] = argv[script], arg[1..] what follows it, arg[-1..] what precedes it on the command line; with no
** script (script >= argc), argv[0] is arg[0]. Sets the global `arg`. */
void vm_createargtable(VmState *L, char **argv, int argc, int script) {
  Value t;
  int i;
  if (script >= argc) script = 0;
  t = vm_newtable(L, argc - script - 1 > 0 ? argc - script - 1 : 0, script + 1);
  for (i = 0; i < argc; i++) vm_rawseti(L, vm_tab(t), i - script, vm_newcstr(L, argv[i]));
  vm_rawset(L, vm_tab(L->globals), vm_newcstr(L, "arg"), t);
}

/* The message handler of the host's chunks, as lua.c's: the message plus a traceback; an error object with
** __tostring gives that string alone; other non-strings "(error object is a <type> value)". */
static int msghandler(VmState *L, VmClosure *self, Value *a, int n) {
  Value msg = n > 0 ? a[0] : VM_NIL, tm, r;
  char buf[80];
  (void)self;
  if (vm_isnumber(msg)) vm_tostr_coerce(L, msg, &msg);
  if (!vm_isstring(msg)) {
    tm = vm_tm(L, msg, TM_TOSTRING);
    if (tm != VM_NIL && vm_isstring(r = vm_callmeta(L, tm, -1, 1, msg, VM_NIL, VM_NIL))) {
      a[0] = r;
      return 1;
    }
    snprintf(buf, sizeof buf, "(error object is a %s value)", vm_typename(msg));
    a[0] = vm_traceback(L, buf);
    return 1;
  }
  a[0] = vm_traceback(L, vm_str(msg)->s);
  return 1;
}

static const VmFuncInfo hostinfo = {"pmain", "[C]", -1, 0, 1, 0};
static const VmFuncInfo handlerinfo = {"msghandler", "[C]", -1, 0, 1, 0};

/* lua.c's docall (see vmc.h). */
int vm_docall(VmState *L, Value f, Value *a, int n) {
  Value h = vm_mkfunc(vm_newclosure(L, msghandler, &handlerinfo, 0));
  return vm_xpcall(L, f, h, a, n);
}

/* lua.c's l_message (see vmc.h). */
void vm_report(const char *progname, Value msg) {
  fflush(stdout);
  if (progname != NULL) fprintf(stderr, "%s: ", progname);
  if (vm_isstring(msg)) fwrite(vm_str(msg)->s, 1, vm_str(msg)->len, stderr);
  else fprintf(stderr, "(error object is a %s value)", vm_typename(msg));
  fputc('\n', stderr);
  fflush(stderr);
}

/* The C function at the bottom of the program's stack, as lua.c's pmain: runs the host's body. */
static int hostmain(VmState *L, VmClosure *self, Value *a, int n) {
  (void)self, (void)n;
  a[0] = hostargs->body(L, hostargs->ud) ? VM_TRUE : VM_FALSE;
  return 1;
}

static void runhost(HostArgs *h) {
  VmState *L = vm_openstate();
  Value *a = L->stack;
  L->g->hook = h->hook;
  hostargs = h;
  L->top = a;
  if (vm_pcall(L, vm_mkfunc(vm_newclosure(L, hostmain, &hostinfo, 0)), a, 0) < 0) {
    vm_report(vm_progname, a[0]);   /* an error outside the body's protected calls: no traceback */
    h->status = 1;
  } else {
    h->status = a[0] == VM_TRUE ? 0 : 1;
  }
  vm_closestate(L);   /* as lua.c's lua_close: the remaining finalizers */
}

static void runhostonstack(void *ud) { runhost(ud); }

/* Runs body on the program's thread (see vmc.h). */
int vm_host(VmHostFn body, void *ud, VmCompileHook hook) {
  HostArgs h;
  h.body = body;
  h.ud = ud;
  h.hook = hook;
  h.status = 1;
  vm_gcinit();
  if (!vm_runonstack(runhostonstack, &h, VM_CSTACK_SIZE))
    runhost(&h);   /* XXX: no stack of our own: the thread's gives a shallower recursion limit */
  fflush(stdout);
  return h.status;
}

typedef struct MainArgs {
  int argc, script;
  char **argv;
  VmChunkFn chunk;
} MainArgs;

/* The body of a compiled program: libraries, `arg`, then the main chunk with the script's arguments. */
static int mainbody(VmState *L, void *ud) {
  MainArgs *m = ud;
  Value *a = L->top, f;
  int n = 0, i;
  lib_openall(L);
  vm_createargtable(L, m->argv, m->argc, m->script);
  f = m->chunk(L, L->globals);
  for (i = m->script + 1; i < m->argc && n < VM_STACK_SLOTS / 2; i++) a[n++] = vm_newcstr(L, m->argv[i]);
  L->top = a + n;
  if (vm_docall(L, f, a, n) >= 0) return 1;
  vm_report(vm_progname != NULL ? vm_progname : m->argv[0], a[0]);
  return 0;
}

/* The host's main of a compiled program: starts the runtime, opens the libraries, sets `arg`, runs the main
** chunk of `chunk` with argv[script+1..] as its arguments. On an error prints "<progname>: <message>" and a
** traceback to stderr and returns 1; otherwise 0. Flushes stdout. */
int vm_main(int argc, char **argv, int script, VmChunkFn chunk, VmCompileHook hook) {
  MainArgs m;
  m.argc = argc;
  m.argv = argv;
  m.script = script;
  m.chunk = chunk;
  return vm_host(mainbody, &m, hook);
}
