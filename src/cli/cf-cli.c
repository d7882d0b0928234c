/* STUB: replaced by the command line. */
#include "crossfoot.h"

int
main (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  return 0;
}
