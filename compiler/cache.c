/* cache.c: stub */
#include "cli.h"
VmChunkFn cache_lookup(const char *ctext) { (void)ctext; return 0; }
void cache_fill(const char *ctext) { (void)ctext; }
int cache_fill_main(int argc, char **argv) { (void)argc; (void)argv; return 1; }
int cache_enabled(void) { return 0; }
