/* driver.h: the compilation pipeline, from Lua source to C text (compiler layer). */
#ifndef VMC_DRIVER_H
#define VMC_DRIVER_H

#include <stddef.h>

#include "common.h"

typedef struct DriverOpts {
  const char *dump;        /* -d letters: which IR dumps to print to stderr (see driver.c) */
  int with_include;        /* emit `#include "vmc.h"` (0: the libtcc backend prepends the header text) */
  int with_main;           /* emit a main() for a standalone executable */
  int bundle;              /* compile `require "literal"` modules found on package.path into the unit */
  int isstring;            /* the source is a string (load, -e), not a file: a first line starting with '#' is
                              parsed as code, as lua5.4's luaL_loadbuffer does (files skip it) */
  int funcsyms;            /* emit vmc_funcsyms[] (emit.h) for a perf map */
  int exactlines;          /* every C line of a function maps to a Lua line (emit.h; vmc build -g) */
  int noenv;               /* bundling searches the default package.path, ignoring LUA_PATH* (vmc -E) */
  const char **mods;       /* vmc build -m: "name" (found on package.path) or "name=path", compiled in and
                              registered in package.preload */
  int nmods;
  const char *modules_dir; /* vmc build --modules DIR: every DIR/a/b.lua as module "a.b" (a/init.lua: "a") */
} DriverOpts;

/* Translates one chunk (and the modules it bundles) into C appended to `out`. Returns 0, or -1 with the error
** message in msg, worded as lua5.4 words it without the program name ("prog.lua:3: unexpected symbol near '+'"). */
int drv_translate(const char *chunkname, const char *src, size_t len, const DriverOpts *o, Buf *out, char *msg,
                  size_t msgsz);

/* Reads a whole file into a malloc'd buffer (NUL-terminated); NULL with errno set on failure. */
char *drv_readfile(const char *path, size_t *len);

#endif
