/* fuzz-number.c: libFuzzer harness for the cell and prose number readers
 *
 * Any bytes must parse without a crash, a leak or undefined behaviour, and
 * the results must stay within their contracts (see tests/fuzz/README.md).
 */
#include <stdint.h>
#include <string.h>
#include "cf-number.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  CfNumber number;
  gsize pos = 0;

  /* The whole input as a cell (length given: the bytes need no NUL). */
  cf_number_parse (text, (gssize) size, &number);
  if (number.kind > CF_NUMBER_TEXT)
    __builtin_trap ();
  if (memchr (number.unit, '\0', sizeof number.unit) == NULL)
    __builtin_trap ();
  if (number.kind == CF_NUMBER_VALUE)
    {
      g_autofree char *printed = cf_number_format (number.value);

      if (printed == NULL)
        __builtin_trap ();
    }

  /* The input as prose: read numbers wherever one starts, as cf-prose does. */
  while (pos < size)
    {
      gsize used = cf_number_scan_prose (text + pos, size - pos, &number);

      if (used > size - pos)
        __builtin_trap ();
      pos += used > 0 ? used : 1;
    }
  return 0;
}
