/* repl.c: vmc's interactive mode (compiler layer): lua.c's read-eval-print loop; every input is compiled by
** libtcc (vm_load). Line editing and history come from GNU readline or libedit, loaded with dlopen when the
** machine has them (Debian's lua5.4 itself needs libreadline8), so vmc does not depend on them.
*/
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"

typedef struct LineEditor {
  char *(*readline)(const char *prompt);   /* NULL: plain stdio */
  void (*add_history)(const char *line);
} LineEditor;

static LineEditor ed;

/* GNU readline (libreadline.so.8), else libedit (libedit.so.2), unless VMC_READLINE=off. */
static void initreadline(void) {
  static const char *const libs[] = {"libreadline.so.8", "libedit.so.2"};
  const char *off = getenv("VMC_READLINE");
  if (ed.readline != NULL || (off != NULL && strcmp(off, "off") == 0)) return;
  for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
    void *h = dlopen(libs[i], RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) continue;
    *(void **)&ed.readline = dlsym(h, "readline");
    *(void **)&ed.add_history = dlsym(h, "add_history");
    const char **name = dlsym(h, "rl_readline_name");
    if (ed.readline != NULL && ed.add_history != NULL) {
      if (name != NULL) *name = "vmc";
      return;
    }
    ed.readline = NULL;
    dlclose(h);
  }
}

static void saveline(const char *line) {
  if (ed.add_history != NULL) ed.add_history(line);
}

/* The prompt: tostring(_PROMPT) (or _PROMPT2 for a continuation line) if set, else "> " (">> "). */
static void getprompt(VmState *L, int firstline, Buf *prompt) {
  Value p = vm_index(L, L->globals, vm_newcstr(L, firstline ? "_PROMPT" : "_PROMPT2"), NULL);
  if (p == VM_NIL) {
    buf_puts(prompt, firstline ? "> " : ">> ");
    return;
  }
  p = vm_tostring(L, p);
  buf_putn(prompt, vm_str(p)->s, vm_str(p)->len);
}

/* Shows the prompt and reads a line into *line (without its newline); 0 at end of input. The first line of an
** input starting with '=' means `return` (Lua 5.2's habit, kept by lua5.4). */
static int pushline(VmState *L, int firstline, Buf *line) {
  Buf prompt = {0};
  char *s = NULL;
  size_t cap = 0;
  getprompt(L, firstline, &prompt);
  buf_putn(&prompt, "", 0);
  if (ed.readline != NULL) {
    s = ed.readline(prompt.s);
  } else {
    fputs(prompt.s, stdout);
    fflush(stdout);
    if (getline(&s, &cap, stdin) < 0) {
      free(s);
      s = NULL;
    }
  }
  buf_free(&prompt);
  if (s == NULL) return 0;
  size_t n = strlen(s);
  if (n > 0 && s[n - 1] == '\n') s[--n] = '\0';
  if (firstline && s[0] == '=') buf_printf(line, "return %s", s + 1);
  else buf_putn(line, s, n);
  buf_putn(line, "", 0);
  free(s);
  return 1;
}

static Value load(VmState *L, const char *src, size_t len, Value *err) {
  return vm_load(L, src, len, "stdin", L->globals, err);
}

/* Is err the message of a chunk that ends too early ("... near <eof>")? */
static int incomplete(Value err) {
  return vm_isstring(err) && vm_str(err)->len >= 5 && strcmp(vm_str(err)->s + vm_str(err)->len - 5, "<eof>") == 0;
}

/* The function of the next input, or VM_NIL with the message in *err; returns 0 at end of input. */
static int loadline(VmState *L, Value *f, Value *err) {
  Buf line = {0}, ret = {0};
  if (!pushline(L, 1, &line)) return buf_free(&line), 0;
  buf_printf(&ret, "return %s;", line.s);
  *f = load(L, ret.s, ret.len, err);
  buf_free(&ret);
  if (*f != VM_NIL) {
    if (line.s[0] != '\0') saveline(line.s);
    buf_free(&line);
    return 1;
  }
  for (;;) {   /* a statement, maybe with continuation lines */
    *f = load(L, line.s, line.len, err);
    if (*f != VM_NIL || !incomplete(*err)) break;
    Buf more = {0};
    if (!pushline(L, 0, &more)) {   /* lua.c has dropped the message by then and reports "(null)" */
      *err = vm_newcstr(L, "(null)");
      buf_free(&more);
      break;
    }
    buf_putn(&line, "\n", 1);
    buf_putn(&line, more.s, more.len);
    buf_free(&more);
  }
  saveline(line.s);
  buf_free(&line);
  return 1;
}

/* Prints the r values at a with the global print, as lua.c's l_print. */
static void printresults(VmState *L, Value *a, int r) {
  Value print = vm_index(L, L->globals, vm_newcstr(L, "print"), NULL);
  if (vm_pcall(L, print, a, r) >= 0) return;
  Buf msg = {0};
  buf_printf(&msg, "error calling 'print' (%s)", vm_isstring(a[0]) ? vm_str(a[0])->s : "(null)");
  vm_report(NULL, vm_newcstr(L, msg.s));
  buf_free(&msg);
}

void repl_run(VmState *L) {
  Value f, err;
  initreadline();
  for (;;) {
    Value *a = L->top;
    err = VM_NIL;
    if (!loadline(L, &f, &err)) break;
    int r = f == VM_NIL ? -1 : vm_docall(L, f, a, 0);
    if (f == VM_NIL) vm_report(NULL, err);
    else if (r < 0) vm_report(NULL, a[0]);
    else if (r > 0) printresults(L, a, r);
    L->top = a;
  }
  fputs("\n", stdout);
  fflush(stdout);
}
