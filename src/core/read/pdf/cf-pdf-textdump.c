/* cf-pdf-textdump.c: PDF pages that are a plain-text dump of a report
 *
 * A text report printed to PDF (LibreOffice prints a .txt as it stands)
 * keeps its pipes, tabs-turned-gaps and one-cell-per-line runs as printed
 * text, with no ruled or aligned table for the page finders. Such pages are
 * read back into the text the dump was (visual lines, soft wraps joined,
 * blank lines where the page leaves blank lines' room, wide gaps as runs of
 * spaces), the text table finder runs on that, and every cell it finds is
 * put back on the page: its offset into the document text, its page and the
 * box of its characters. The tables found so are candidates of the reading:
 * the loader lets one replace the page finders' tables it overlaps where its
 * form maps more canonical cells than theirs (reading never audits). A report whose
 * pages hold a ruled table of figures was typeset, not printed from text:
 * it is not read as a dump (a twentieth of the time a long report takes).
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-textdump.h"
#include "cf-pdf-quality.h"
#include "cf-text-tables.h"

/* One printed character, by where it is in the rebuilt text. */
typedef struct
{
  gint64 dump_offset;
  const CfTextBox *box;
} DumpChar;

typedef struct
{
  double cy, h, x0, x1;
  double max_gap; /* the widest gap between its characters that stands for a tab, or 0 */
  guint first, n; /* into the page's boxes, sorted by line then x */
} DumpLine;

static double
box_cy (const CfTextBox *box)
{
  return (box->bbox[1] + box->bbox[3]) / 2;
}

static int
compare_boxes_by_cy (gconstpointer a, gconstpointer b)
{
  const CfTextBox *x = *(const CfTextBox * const *) a, *y = *(const CfTextBox * const *) b;
  double d = box_cy (x) - box_cy (y);

  if (d == 0)
    d = x->bbox[0] - y->bbox[0];
  return (d > 0) - (d < 0);
}

static int
compare_boxes_by_x (gconstpointer a, gconstpointer b, gpointer unused)
{
  const CfTextBox *x = *(const CfTextBox * const *) a, *y = *(const CfTextBox * const *) b;
  double d = x->bbox[0] - y->bbox[0];

  return (d > 0) - (d < 0);
}

/* Cuts one page's boxes (sorted by centre y) into visual lines, each sorted by x. */
static GArray *
page_lines (GPtrArray *boxes)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (DumpLine));

  for (guint start = 0; start < boxes->len;)
    {
      const CfTextBox *b0 = g_ptr_array_index (boxes, start);
      double sum_cy = box_cy (b0), sum_h = b0->bbox[3] - b0->bbox[1];
      DumpLine line = { 0 };
      guint stop = start + 1;

      while (stop < boxes->len)
        {
          const CfTextBox *b = g_ptr_array_index (boxes, stop);
          double n = stop - start;
          if (fabs (box_cy (b) - sum_cy / n) > 0.4 * MAX (sum_h / n, b->bbox[3] - b->bbox[1]))
            break;
          sum_cy += box_cy (b);
          sum_h += b->bbox[3] - b->bbox[1];
          stop++;
        }
      g_qsort_with_data (&boxes->pdata[start], stop - start, sizeof (gpointer),
                         compare_boxes_by_x, NULL);
      line.cy = sum_cy / (stop - start);
      line.h = MAX (1.0, sum_h / (stop - start));
      line.first = start;
      line.n = stop - start;
      line.x0 = ((const CfTextBox *) g_ptr_array_index (boxes, start))->bbox[0];
      line.x1 = -G_MAXDOUBLE;
      for (guint k = start; k < stop; k++)
        {
          const CfTextBox *b = g_ptr_array_index (boxes, k);
          if (k > start && b->bbox[0] - line.x1 > 0.8 * line.h)
            line.max_gap = MAX (line.max_gap, b->bbox[0] - line.x1);
          line.x1 = MAX (line.x1, b->bbox[2]);
        }
      g_array_append_val (lines, line);
      start = stop;
    }
  return lines;
}

static gboolean
is_wide (gunichar ch)
{
  return g_unichar_iswide (ch) || g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

/* Appends one page's lines to @dump, recording every character in @chars. */
static void
dump_page (const char *text, GPtrArray *boxes, double right, GString *dump, GArray *chars)
{
  g_autoptr (GArray) lines = NULL;
  double left = G_MAXDOUBLE;

  g_ptr_array_sort (boxes, compare_boxes_by_cy);
  lines = page_lines (boxes);
  for (guint i = 0; i < lines->len; i++)
    {
      DumpLine *line = &g_array_index (lines, DumpLine, i);
      left = MIN (left, line->x0);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      DumpLine *line = &g_array_index (lines, DumpLine, i);
      const CfTextBox *prev = NULL;

      if (i > 0)
        {
          DumpLine *above = &g_array_index (lines, DumpLine, i - 1);
          double pitch = line->cy - above->cy;
          double h = MAX (line->h, above->h);
          const CfTextBox *next = g_ptr_array_index (boxes, line->first);
          /* A line that ran up to the right margin, so that the next one's
           * first character would not fit after it, went on in the next
           * one (a soft wrap) when that one starts at the left margin. */
          /* In a row of cells set apart by wide gaps, the next cell would
           * have needed a gap as wide again. */
          gboolean wrapped = above->x1 + above->max_gap + (next->bbox[2] - next->bbox[0]) > right - 0.2 * h
                             && line->x0 < left + 0.5 * h && pitch < 2.0 * h;

          if (!wrapped)
            {
              int blank = (int) floor (pitch / (1.3 * h) + 0.3) - 1;
              g_string_append_c (dump, '\n');
              for (int k = 0; k < MIN (blank, 8); k++)
                g_string_append_c (dump, '\n');
            }
        }
      for (guint k = line->first; k < line->first + line->n; k++)
        {
          const CfTextBox *box = g_ptr_array_index (boxes, k);
          const char *p = text + box->offset;
          DumpChar dc;

          if (prev != NULL)
            {
              double gap = box->bbox[0] - prev->bbox[2];
              gunichar a = g_utf8_get_char (text + prev->offset), b = g_utf8_get_char (p);
              double em = line->h;

              /* A wide gap stands for the run of spaces (or the tab) that
               * made it, as a monospace dump would show it. */
              if (gap > 0.8 * em)
                {
                  int n = MAX (2, (int) lround (gap / (0.5 * em)));
                  for (int s = 0; s < MIN (n, 40); s++)
                    g_string_append_c (dump, ' ');
                }
              else if (gap > 0.2 * em && !(is_wide (a) && is_wide (b)))
                g_string_append_c (dump, ' ');
              /* A number set right after a label (a tab that reached the
               * next stop at once) is still a word of its own. */
              else if (gap > 0.05 * em && is_wide (a) && g_unichar_isdigit (b))
                g_string_append_c (dump, ' ');
            }
          dc.dump_offset = dump->len;
          dc.box = box;
          g_array_append_val (chars, dc);
          g_string_append_len (dump, p, box->length);
          prev = box;
        }
    }
  g_string_append_c (dump, '\n');
}

/* The characters of [@offset, @offset + @length) of the dump: their place in
 * the document text, page and box (of those on the first one's page). */
static gboolean
locate (GArray *chars, gint64 offset, gint64 length, gint64 *doc_offset, gint64 *doc_length,
        int *page, double bbox[4])
{
  guint lo = 0, hi = chars->len;
  gint64 first = G_MAXINT64, end = -1;

  *page = 0;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (chars, DumpChar, mid).dump_offset < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < chars->len; k++)
    {
      const DumpChar *dc = &g_array_index (chars, DumpChar, k);
      const CfTextBox *box = dc->box;

      if (dc->dump_offset >= offset + length)
        break;
      first = MIN (first, box->offset);
      end = MAX (end, box->offset + box->length);
      if (*page == 0)
        {
          *page = box->page;
          memcpy (bbox, box->bbox, 4 * sizeof (double));
        }
      else if (box->page == *page)
        {
          bbox[0] = MIN (bbox[0], box->bbox[0]);
          bbox[1] = MIN (bbox[1], box->bbox[1]);
          bbox[2] = MAX (bbox[2], box->bbox[2]);
          bbox[3] = MAX (bbox[3], box->bbox[3]);
        }
    }
  if (end < 0)
    return FALSE;
  *doc_offset = first;
  *doc_length = end - first;
  return TRUE;
}

/* Moves @table's cells from the dump onto the pages. A cell the dump made
 * up (none of its characters printed) keeps no offset and takes the box of
 * its row's printed cells on their page, so that it can still be shown. */
static void
place_table (CfTable *table, GArray *chars)
{
  gint64 first = G_MAXINT64, end = -1;
  int table_page = 0;

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      gint64 off, len;
      int page;
      double bbox[4];

      if (cell->offset >= 0 && locate (chars, cell->offset, MAX (1, cell->length), &off, &len, &page, bbox))
        {
          cell->offset = off;
          cell->length = len;
          cell->page = page;
          memcpy (cell->bbox, bbox, sizeof bbox);
          first = MIN (first, off);
          end = MAX (end, off + len);
          if (table_page == 0)
            table_page = page;
        }
      else
        {
          cell->offset = -1;
          cell->length = 0;
          cell->page = 0;
        }
    }
  /* Cells with nothing printed: the box right after the cell before them. */
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      CfCell *before = i > 0 ? cf_table_get_cell_at (table, i - 1) : NULL;

      if (cell->page != 0)
        continue;
      if (before != NULL && before->page != 0)
        {
          double w = MAX (1.0, before->bbox[3] - before->bbox[1]);
          cell->page = before->page;
          cell->bbox[0] = before->bbox[2];
          cell->bbox[1] = before->bbox[1];
          cell->bbox[2] = before->bbox[2] + w;
          cell->bbox[3] = before->bbox[3];
        }
      else
        cell->page = MAX (1, table_page);
    }
  cf_table_set_page (table, MAX (1, table_page));
  if (end >= 0)
    cf_table_set_range (table, first, end - first);
  else
    cf_table_set_range (table, -1, 0);
}

/* The offsets of the cells of @tables (pointing into them), as a set. */
static GHashTable *
held_offsets (GPtrArray *tables)
{
  GHashTable *held = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);
          if (cell->offset >= 0)
            g_hash_table_add (held, &cell->offset);
        }
    }
  return held;
}

/* How many of @table's numbers no cell offset in @held holds already. */
static guint
new_numbers (CfTable *table, GHashTable *held)
{
  guint n = 0;

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      n += cell->number.kind == CF_NUMBER_VALUE && cell->offset >= 0
           && !g_hash_table_contains (held, &cell->offset);
    }
  return n;
}

/* TRUE when one of @tables is a ruled table of figures. A report printed
 * from plain text has no rulings (box-drawing characters are glyphs, which
 * the lattice finder leaves out), so one that has them was typeset and its
 * tables are the page finders' to read: the dump is not made. */
static gboolean
has_ruled_figures (GPtrArray *tables)
{
  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      guint n = 0;

      if (g_strcmp0 (cf_table_get_layout (table), "lattice") != 0)
        continue;
      for (guint i = 0; i < cf_table_get_n_cells (table) && n < 3; i++)
        n += cf_table_get_cell_at (table, i)->number.kind == CF_NUMBER_VALUE;
      if (n >= 3)
        return TRUE;
    }
  return FALSE;
}

void
cf_pdf_text_dump_read (CfReading *reading)
{
  const char *text = cf_reading_get_text (reading, NULL);
  GArray *all_boxes = cf_reading_get_text_boxes (reading);
  guint n_boxes = all_boxes->len;
  g_autoptr (GString) dump = g_string_new (NULL);
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (DumpChar));
  g_autoptr (CfReading) dumped = cf_reading_new ();
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *tables = cf_reading_get_tables (reading);
  gboolean any_new = FALSE;
  double right = -G_MAXDOUBLE;

  if (text == NULL || n_boxes == 0 || has_ruled_figures (tables))
    return;

  /* The right margin: where the longest lines of the report end. */
  for (guint k = 0; k < n_boxes; k++)
    right = MAX (right, g_array_index (all_boxes, CfTextBox, k).bbox[2]);

  /* The dump, page by page. */
  for (guint k = 0; k < n_boxes;)
    {
      g_autoptr (GPtrArray) boxes = g_ptr_array_new ();
      int page = g_array_index (all_boxes, CfTextBox, k).page;

      while (k < n_boxes && g_array_index (all_boxes, CfTextBox, k).page == page)
        g_ptr_array_add (boxes, &g_array_index (all_boxes, CfTextBox, k++));
      dump_page (text, boxes, right, dump, chars);
    }

  {
    gsize len = dump->len;
    cf_reading_take_text (dumped, g_string_free (g_steal_pointer (&dump), FALSE), len);
  }
  cf_text_tables_find (dumped);
  {
    GPtrArray *dumped_tables = cf_reading_get_tables (dumped);
    /* Built once: the page finders' tables do not change in this loop. */
    g_autoptr (GHashTable) held = held_offsets (tables);

    for (guint t = 0; t < dumped_tables->len; t++)
      {
        CfTable *table = g_ptr_array_index (dumped_tables, t);
        place_table (table, chars);
        cf_table_set_confidence (table, cf_pdf_table_confidence (table));
        if (new_numbers (table, held) >= 3)
          any_new = TRUE;
        g_ptr_array_add (found, g_object_ref (table));
      }
  }
  /* Nothing the page finders missed: keep their tables, and the loader has
   * no reading to choose between. */
  if (!any_new)
    return;
  for (guint t = 0; t < found->len; t++)
    cf_reading_add_candidate (reading, g_ptr_array_index (found, t));
}
