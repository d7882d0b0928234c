/* cf-text-layout-raw.c: the parts of the text-dump row reader for pdftotext -raw
 *
 * -raw prints no positions: a row label may wrap before its values, a
 * group label cut by its narrow column is finished beside a later row,
 * and a blank cell leaves no trace. See cf-text-layout-rows.h.
 */
#include "cf-text-layout-rows-private.h"

/* A row label of the first level wrapped over lines (-raw: 一、本年新收政府
 *信息公开申请 / 数量 / 4929 149 …): its last piece, a short word alone,
 * and then a line of values only. */
gboolean
cf_text_raw_wrapped_row_label (const char *text, GArray *lines, guint i)
{
  const Line *piece, *values;

  if (i + 2 >= lines->len)
    return FALSE;
  piece = &g_array_index (lines, Line, i + 1);
  values = &g_array_index (lines, Line, i + 2);
  if (piece->words->len != 1 || piece->n_values > 0 || values->n_values < MIN_COLUMNS
      || values->n_values != values->words->len)
    return FALSE;
  return g_utf8_strlen (text + g_array_index (piece->words, Word, 0).start, piece->end
                        - g_array_index (piece->words, Word, 0).start) <= 4;
}

/* -raw: the first-level group of @index whose label was cut short by its
 * narrow column (三、本年, its rest 度办理结 / 果 printed beside a later row),
 * or -1. */
int
cf_text_raw_cut_heading (Region *rg, int index)
{
  for (int up = index; up >= 0; up = g_array_index (rg->labels, Label, up).parent)
    {
      const Label *label = &g_array_index (rg->labels, Label, up);

      if (label->level == 1 && label->values->len == 0 && !label->placeholder
          && g_utf8_strlen (label->text->str, -1) <= 5)
        return up;
    }
  return -1;
}

/* -raw: how sure the value count of a region's rows is. build_table takes
 * the most values two rows print (else the most one row prints) for the
 * count; *@confirmed when two rows print that many and no row prints a few
 * more, *@has_short when a row prints fewer but some: then a blank cell left
 * no trace, and a count no two rows confirm may be short too. Returns
 * the count. */
guint
cf_text_raw_region_width (GArray *labels, gboolean *confirmed, gboolean *has_short)
{
  guint count_of[CF_TEXT_MAX_COLUMNS + 1] = { 0 };
  guint width = 0, max_vals = 0;

  *confirmed = *has_short = FALSE;
  for (guint i = 0; i < labels->len; i++)
    {
      guint n = g_array_index (labels, Label, i).values->len;

      if (n > CF_TEXT_MAX_COLUMNS)
        return 0;
      count_of[n]++;
      max_vals = MAX (max_vals, n);
    }
  for (guint c = max_vals; c > 0 && width == 0; c--)
    if (count_of[c] >= 2)
      width = c;
  *confirmed = width > 0;
  if (width == 0)
    width = max_vals;
  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      guint n = label->values->len;

      if (is_leaf (label) && n > 0 && n < width)
        *has_short = TRUE;
      /* A row printing a few more: the count may be short. Half as many
       * again or more are two rows' values run together. */
      if (n > width && 2 * n < 3 * width)
        *confirmed = FALSE;
    }
  return width;
}
