/* cli.h: vmc's lua5.4 command line, its REPL and its run cache (compiler layer, the `vmc` program only). */
#ifndef VMC_CLI_H
#define VMC_CLI_H

#include <stdio.h>

#include "driver.h"
#include "vmc.h"

#define VMC_VERSION "vmc 0.1"
#define VMC_VERSION_LINE VMC_VERSION " -- compiles Lua 5.4 (as lua5.4 5.4.4 runs it) to native code"

/* cli.c: runs `vmc [options] [script [args]]` as lua5.4 runs `lua5.4 [options] [script [args]]`; argv[first]
** is the first option (after `vmc run`, 2). Returns the exit status. */
int cli_main(int argc, char **argv, int first);
/* The usage text (lua5.4's options and vmc's commands), with progname in front. */
void cli_usage(FILE *f, const char *progname);

/* repl.c: lua.c's read-eval-print loop on L until end of input: a line is tried as `return <line>;`, then as
** a statement, with more lines while it is incomplete; values are printed with the global print, errors
** reported without the program's name. Each input is compiled by libtcc (vm_load). */
void repl_run(VmState *L);

/* cache.c: the run cache of `vmc run` ($XDG_CACHE_HOME/vmc, else ~/.cache/vmc): the gcc-compiled form of a
** program's C text. cache_lookup returns its vmc_chunk if an intact entry for exactly this text is there (and
** loads it), else NULL. */
VmChunkFn cache_lookup(const char *ctext);
/* Starts filling the entry for ctext in the background (a detached `vmc` process compiles it with gcc and
** installs it atomically); returns at once. Does nothing if the cache is off or another run is filling it. */
void cache_fill(const char *ctext);
/* The background filler: `vmc --cache-fill FILE.c KEY` (internal). Returns the exit status. */
int cache_fill_main(int argc, char **argv);
/* 0 if VMC_CACHE=off or no cache directory can be found (no HOME, no XDG_CACHE_HOME), else 1. */
int cache_enabled(void);

#endif
