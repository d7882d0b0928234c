/* cf-text-damage.c: values of a text damaged in decoding left unread
 *
 * See cf-text-damage.h.
 */
#include <string.h>

#include "cf-text-damage.h"
#include "cf-text-tables-private.h"

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

/* Under CF_TABLE_CONFIDENCE_DOUBTFUL: no check infers these tables' structure. */
#define DAMAGED_CONFIDENCE (CF_TABLE_CONFIDENCE_DOUBTFUL / 2)

/* Its kind; a cell of blanks only (html2text prints a blank cell as NBSP) is empty. */
static CfRawKind
cell_kind (const CfCell *cell)
{
  gsize start = 0, end = strlen (cell->text);

  cf_text_trim (cell->text, &start, &end);
  return cf_text_classify_cell (cell->text + start, end - start);
}

static void
unread (CfCell *cell)
{
  cf_cell_set_text (cell, "");
  g_clear_pointer (&cell->original_text, g_free);
  cell->offset = -1;
  cell->length = 0;
  cell->flags |= CF_CELL_FLAG_MISSING;
}

static void
mark_table (CfTable *table)
{
  int n_rows = cf_table_get_n_rows (table), n_cols = cf_table_get_n_cols (table);
  g_autofree gboolean *value_col = g_new0 (gboolean, MAX (n_cols, 1));

  /* Rows lost to the damage may split a table anywhere: a piece read as a
   * table of its own holds a total without its parts. */
  cf_table_set_confidence (table, DAMAGED_CONFIDENCE);
  /* html2text's ruled tables (cf-text-ruled-dump.c) vetted each cell. */
  if (g_strcmp0 (cf_table_get_layout (table), "html2text") == 0)
    return;

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (cell->col_span == 1 && !(cell->flags & CF_CELL_FLAG_MISSING) && cell_kind (cell) == CF_RAW_VALUE)
        value_col[cell->col] = TRUE;
    }
  for (int r = 0; r < n_rows; r++)
    {
      gboolean damaged = FALSE, other = FALSE;
      guint n_values = 0, n_empty = 0;

      for (int c = 0; c < n_cols; c++)
        {
          CfCell *cell = cf_table_get_origin_cell (table, r, c);

          /* A value slot no cell covers, or a label stretched over: the
           * row printed fewer values than the table has columns. */
          if (cell == NULL)
            {
              CfCell *over = cf_table_get_cell (table, r, c);

              n_empty += value_col[c] && (over == NULL || cell_kind (over) != CF_RAW_VALUE);
              continue;
            }
          damaged |= strstr (cell->text, REPLACEMENT) != NULL;
          if (!value_col[c])
            continue;
          /* A slot the row reader left unread: the row printed fewer
           * values than the table has columns, so where the others go
           * was a guess by position. */
          if (cell->flags & CF_CELL_FLAG_MISSING)
            {
              n_empty++;
              continue;
            }
          switch (cell_kind (cell))
            {
            case CF_RAW_VALUE:
              n_values++;
              /* Stretched over columns: which one it is in is a guess. */
              n_empty += cell->col_span > 1;
              break;
            case CF_RAW_EMPTY: n_empty++; break;
            default: other = TRUE; break;
            }
        }
      /* A header or a line of prose; a row printing nothing, whole. */
      if (other || n_values + n_empty == 0 || (!damaged && n_values == 0))
        continue;
      if (!damaged && n_empty == 0)
        continue;
      for (int c = 0; c < n_cols; c++)
        {
          CfCell *cell = cf_table_get_origin_cell (table, r, c);

          if (cell != NULL && value_col[c] && !(cell->flags & CF_CELL_FLAG_MISSING))
            unread (cell);
        }
    }
}

void
cf_text_damage_mark (CfReading *reading)
{
  const char *text;
  gsize len = 0;
  GPtrArray *lists[2];

  g_return_if_fail (CF_IS_READING (reading));

  text = cf_reading_get_text (reading, &len);
  if (text == NULL || g_strstr_len (text, len, REPLACEMENT) == NULL)
    return;
  lists[0] = cf_reading_get_tables (reading);
  lists[1] = cf_reading_get_candidates (reading);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint t = 0; t < lists[l]->len; t++)
      mark_table (g_ptr_array_index (lists[l], t));
}
