/* cf-pdf-page.c: the tables of one PDF page
 *
 * Ruled (lattice) tables first; their titles from the lines left; then the
 * borderless (stream) tables of what no ruled table took, each side of a
 * page set in two panels read on its own.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-page.h"
#include "cf-pdf-lattice.h"
#include "cf-pdf-side.h"
#include "cf-pdf-stream.h"

/* ------------------------------------------------------------------- entry */

static int
compare_tables_by_top (gconstpointer a, gconstpointer b)
{
  const CfPdfTable *x = *(CfPdfTable * const *) a, *y = *(CfPdfTable * const *) b;

  return (x->bbox[1] > y->bbox[1]) - (x->bbox[1] < y->bbox[1]);
}

gboolean
cf_pdf_page_may_hold_table (const CfPdfPage *page)
{
  g_autofree guint *order = g_new (guint, page->chars->len + 1);
  guint n = page->chars->len;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  cf_pdf_sort_indices (page, order, n, cf_pdf_compare_by_cy);
  for (guint start = 0; start < n;)
    {
      const CfPdfChar *first = cf_pdf_char_at (page, order[start]);
      double h = MAX (1.0, first->y1 - first->y0);
      guint stop = start + 1;

      while (stop < n && fabs (cf_pdf_char_cy (cf_pdf_char_at (page, order[stop])) - cf_pdf_char_cy (first)) < 0.4 * h)
        stop++;
      cf_pdf_sort_indices (page, order + start, stop - start, cf_pdf_compare_by_x);
      for (guint k = start + 1; k < stop; k++)
        if (cf_pdf_char_at (page, order[k])->x0 - cf_pdf_char_at (page, order[k - 1])->x1 > 0.9 * h)
          return TRUE;
      start = stop;
    }
  return FALSE;
}

/* Page numbers ("- 3 -", "3/12") are no text of the report. */
static gboolean
is_page_number (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (!g_unichar_isdigit (ch) && !g_unichar_isspace (ch) && !(ch < 0x80 && strchr ("-/()", ch))
          && ch != 0x2014 /* — */ && ch != 0x7b2c /* 第 */ && ch != 0x9875 /* 页 */)
        return FALSE;
    }
  return TRUE;
}

void
cf_pdf_find_tables (const CfPdfPage *page, const CfPdfRuns *runs, GPtrArray *tables,
                    char **trailing_heading)
{
  g_autofree gboolean *used = g_new0 (gboolean, page->chars->len + 1);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GPtrArray) lines = NULL;
  guint n_lattice;

  if (runs != NULL)
    cf_pdf_find_lattice_tables (page, runs, used, found);
  n_lattice = found->len;

  lines = cf_pdf_find_lines (page, used);
  for (guint t = 0; t < n_lattice; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);
      cf_pdf_find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
    }
  if (cf_pdf_split_side_by_side (page, lines))
    {
      /* Each side a block of its own: the lines side by side in turn. */
      g_autoptr (GPtrArray) by_panel = g_ptr_array_sized_new (lines->len);

      for (guint i = 0; i < lines->len; i++)
        g_ptr_array_add (by_panel, g_ptr_array_index (lines, i));
      g_ptr_array_sort (by_panel, cf_pdf_compare_lines_by_panel);
      cf_pdf_find_stream_tables (page, by_panel, used, found);
    }
  else
    cf_pdf_find_stream_tables (page, lines, used, found);

  g_ptr_array_sort (found, compare_tables_by_top);
  for (guint t = 0; t < found->len; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);
      table->page_height = page->height;
      table->last_bottom = table->bbox[3];
    }

  /* A heading at the foot of the page names a table on the next one. */
  if (trailing_heading)
    {
      double bottom = -G_MAXDOUBLE;

      *trailing_heading = NULL;
      for (guint t = 0; t < found->len; t++)
        bottom = MAX (bottom, ((CfPdfTable *) g_ptr_array_index (found, t))->bbox[3]);
      for (guint i = lines->len; i-- > 0;)
        {
          CfPdfLine *line = g_ptr_array_index (lines, i);
          if (line->used || is_page_number (line->text))
            continue;
          if (line->y0 > bottom && cf_pdf_is_section_heading (line->text))
            *trailing_heading = g_strstrip (g_strdup (line->text));
          break;
        }
    }
  for (guint t = 0; t < found->len; t++)
    g_ptr_array_add (tables, g_ptr_array_index (found, t));
}
