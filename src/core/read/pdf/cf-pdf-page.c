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

#define TITLE_OVER_RULE 3.0 /* pt */

static int
compare_tables_in_reading_order (gconstpointer a, gconstpointer b)
{
  const CfPdfTable *x = *(CfPdfTable * const *) a, *y = *(CfPdfTable * const *) b;

  /* Side by side (one beside the other, their rows at one height): the left
   * one first, as they are read. */
  if (x->bbox[2] <= y->bbox[0] + 1.0 && x->bbox[1] < y->bbox[3] && y->bbox[1] < x->bbox[3])
    return -1;
  if (y->bbox[2] <= x->bbox[0] + 1.0 && x->bbox[1] < y->bbox[3] && y->bbox[1] < x->bbox[3])
    return 1;
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

/* Whether @b, the character after @a in text order, is set below or above
 * it rather than after it: the two are letters of a word turned on its
 * side. */
static gboolean
stacked (const CfPdfChar *a, const CfPdfChar *b)
{
  double overlap_x = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
  double overlap_y = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

  return !b->space_before && !cf_pdf_is_cjk (a->ch) && !cf_pdf_is_cjk (b->ch)
         && overlap_x > 0.5 * MIN (a->x1 - a->x0, b->x1 - b->x0) && overlap_y < 0.2 * MIN (a->y1 - a->y0, b->y1 - b->y0);
}

/* Marks in @used the characters of words printed turned on their side (a
 * chart's axis title, a turned column head): read as lines they would be
 * one letter a line, and no borderless table is made of them. */
static void
drop_turned_words (const CfPdfPage *page, gboolean *used)
{
  for (guint i = 0; i + 2 < page->chars->len;)
    {
      guint stop = i + 1;

      while (stop < page->chars->len && stacked (cf_pdf_char_at (page, stop - 1), cf_pdf_char_at (page, stop)))
        stop++;
      if (stop - i >= 3)
        for (guint k = i; k < stop; k++)
          used[k] = TRUE;
      i = stop;
    }
}

/* The section heading that ends the page under its tables (it names a
 * table on the next page), or NULL: the last line no table took. A heading
 * set right under the last table's bottom rule may have its glyph boxes
 * reach over the rule by the rule's width or more (cairo prints a GTK
 * app's paragraph flush under the table's last cell), as a title's over a
 * top rule. */
static char *
trailing_heading_new (GPtrArray *lines, double tables_bottom)
{
  for (guint i = lines->len; i-- > 0;)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      if (line->used || is_page_number (line->text))
        continue;
      if (line->y0 > tables_bottom - TITLE_OVER_RULE && cf_pdf_is_section_heading (line->text))
        return g_strstrip (g_strdup (line->text));
      return NULL;
    }
  return NULL;
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

  drop_turned_words (page, used);
  lines = cf_pdf_find_lines (page, used);
  for (guint t = 0; t < n_lattice; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);

      /* The box of a title set close over the frame's top rule may reach
       * over it (wkhtmltopdf boxes CJK glyphs taller than they are); text
       * inside the frame is the table's, taken already. */
      cf_pdf_find_title (lines, table->bbox[1] + TITLE_OVER_RULE, table->bbox[0], table->bbox[2], table);
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

  g_ptr_array_sort (found, compare_tables_in_reading_order);
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

      for (guint t = 0; t < found->len; t++)
        bottom = MAX (bottom, ((CfPdfTable *) g_ptr_array_index (found, t))->bbox[3]);
      *trailing_heading = trailing_heading_new (lines, bottom);
    }
  for (guint t = 0; t < found->len; t++)
    g_ptr_array_add (tables, g_ptr_array_index (found, t));
}
