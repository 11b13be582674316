/* init.c: opens the standard libraries (stdlib layer). */
#include "lib.h"

/* Fills L->globals (_G) with the basic functions and the libraries, each also recorded in package.loaded.
** vm_main calls it once, before the main chunk runs. */
void lib_openall(VmState *L) {
  Value g = L->globals;
  lib_openpackage(L, g);       /* first: the others register into package.loaded */
  lib_openbase(L, g);
  lib_setloaded(L, "_G", g);
  lib_opencoroutine(L, g);
  lib_openstring(L, g);
  lib_opentable(L, g);
  lib_openmath(L, g);
  lib_openio(L, g);
  lib_openos(L, g);
  lib_openutf8(L, g);
  lib_opendebug(L, g);
}
