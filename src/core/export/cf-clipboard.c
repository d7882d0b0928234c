/* cf-clipboard.c: a range of a table as tab-separated text for the clipboard */
#include "cf-clipboard.h"

#include "cf-csv.h"

static void
append_cell (GString *out, const char *text)
{
  g_autofree char *inert = cf_spreadsheet_inert_text (text);
  const char *p = inert != NULL ? inert : text;

  for (; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

char *
cf_clipboard_range_text (CfTable *table, int r0, int c0, int r1, int c1)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (CF_IS_TABLE (table), g_string_free (out, FALSE));
  for (int r = r0; r <= r1; r++)
    {
      for (int c = c0; c <= c1; c++)
        {
          CfCell *cell = cf_table_get_origin_cell (table, r, c);

          if (c > c0)
            g_string_append_c (out, '\t');
          if (cell != NULL && cell->text != NULL)
            append_cell (out, cell->text);
        }
      if (r < r1)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
