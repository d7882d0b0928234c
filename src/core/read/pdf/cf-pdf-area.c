/* cf-pdf-area.c: the table in an area of a PDF page the analyst drew
 *
 * As in Tabula: the characters the document already holds for the page
 * (their centre inside the area) are read as a ruled table, by the rulings
 * of the area rendered again, or as a borderless one, by how the text lines
 * up or at the column separators the analyst placed.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-pdf-area.h"
#include "cf-pdf-lattice.h"
#include "cf-pdf-render.h"
#include "cf-pdf-stream.h"
#include "cf-pdf-stream-layout.h"
#include "cf-error.h"

/* --------------------------------------------------------- borderless areas */

/* Recuts @line into one segment per column of @cols that holds any of its
 * characters (by their centres), so that the analyst's separators cut
 * exactly where they were put, through a number or a label alike. */
static void
cut_line_at_columns (const CfPdfPage *page, CfPdfLine *line, GArray *cols)
{
  GString *all = g_string_new (NULL);
  CfPdfSegment *seg = NULL;
  guint seg_col = 0;

  g_ptr_array_set_size (line->segments, 0);
  for (guint k = 0; k < line->chars->len; k++)
    {
      guint index = g_array_index (line->chars, guint, k);
      const CfPdfChar *c = cf_pdf_char_at (page, index);
      double cx = cf_pdf_char_cx (c);
      guint col = 0;
      const CfPdfInterval *iv;

      while (col + 1 < cols->len && cx >= g_array_index (cols, CfPdfInterval, col + 1).x0)
        col++;
      iv = &g_array_index (cols, CfPdfInterval, col);
      if (seg == NULL || col != seg_col)
        {
          seg = g_new0 (CfPdfSegment, 1);
          seg->chars = g_array_new (FALSE, FALSE, sizeof (guint));
          seg->x0 = G_MAXDOUBLE;
          seg->x1 = -G_MAXDOUBLE;
          seg_col = col;
          g_ptr_array_add (line->segments, seg);
        }
      g_array_append_val (seg->chars, index);
      /* Kept within its column, so that it spans no other. */
      seg->x0 = MAX (iv->x0, MIN (seg->x0, c->x0));
      seg->x1 = MIN (iv->x1, MAX (seg->x1, c->x1));
    }
  for (guint s = 0; s < line->segments->len; s++)
    {
      g_autoptr (GArray) copy = NULL;
      gint64 off, len;

      seg = g_ptr_array_index (line->segments, s);
      copy = g_array_copy (seg->chars);
      seg->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
      seg->kind = cf_pdf_number_kind (seg->text);
      if (s > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, seg->text);
    }
  g_free (line->text);
  line->text = g_string_free (all, FALSE);
}

/* Columns of text that is no numeric table: the stretches of the page that
 * some line has text in, each one a column. */
static void
text_columns (GPtrArray *lines, GArray *cols)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));

  for (guint i = 0; i < lines->len; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      for (guint s = 0; s < line->segments->len; s++)
        {
          CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
          CfPdfInterval iv = { seg->x0, seg->x1 };
          g_array_append_val (spans, iv);
        }
    }
  g_array_sort (spans, cf_pdf_compare_intervals);
  for (guint i = 0; i < spans->len; i++)
    {
      CfPdfInterval iv = g_array_index (spans, CfPdfInterval, i);
      if (cols->len > 0 && iv.x0 <= g_array_index (cols, CfPdfInterval, cols->len - 1).x1 + 1.0)
        {
          CfPdfInterval *last = &g_array_index (cols, CfPdfInterval, cols->len - 1);
          last->x1 = MAX (last->x1, iv.x1);
        }
      else
        g_array_append_val (cols, iv);
    }
}

/* The borderless table made of the characters of @page not marked in @used
 * (those of an area the analyst drew; @area its box), cut into columns at
 * @column_xs when given, else where the stream finder would cut them (or,
 * for text with no numbers, wherever some line has text). The characters
 * taken are marked in @used. NULL when there is no text. */
static CfPdfTable *
area_stream_table (const CfPdfPage *page, gboolean *used, const double area[4],
                          const double *column_xs, guint n_column_xs)
{
  g_autoptr (GPtrArray) lines = cf_pdf_find_lines (page, used);
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (CfPdfInterval));
  guint n_label_cols = 0;

  if (lines->len == 0)
    return NULL;
  if (n_column_xs > 0)
    {
      g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
      double left = area[0];

      for (guint i = 0; i < n_column_xs; i++)
        if (column_xs[i] > area[0] && column_xs[i] < area[2])
          g_array_append_val (xs, column_xs[i]);
      g_array_sort (xs, cf_pdf_compare_doubles);
      for (guint i = 0; i <= xs->len; i++)
        {
          double right = i < xs->len ? g_array_index (xs, double, i) : area[2];
          CfPdfInterval iv = { left, right };

          if (right - left < 0.01)
            continue;
          g_array_append_val (cols, iv);
          left = right;
        }
      for (guint i = 0; i < lines->len; i++)
        cut_line_at_columns (page, g_ptr_array_index (lines, i), cols);
      /* The columns left of every number hold labels: a label wrapped onto
       * a line of its own still joins its row. */
      n_label_cols = cols->len;
      for (guint i = 0; i < lines->len; i++)
        {
          CfPdfLine *line = g_ptr_array_index (lines, i);
          for (guint s = 0; s < line->segments->len; s++)
            {
              CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
              int first, last;

              if (seg->kind != CF_NUMBER_VALUE)
                continue;
              cf_pdf_columns_of_segment (cols, seg, &first, &last);
              n_label_cols = MIN (n_label_cols, (guint) first);
            }
        }
      for (guint i = 0; i < lines->len; i++)
        {
          CfPdfLine *line = g_ptr_array_index (lines, i);
          guint n_labels = 0;

          for (guint s = 0; s < line->segments->len; s++)
            {
              int first, last;

              cf_pdf_columns_of_segment (cols, g_ptr_array_index (line->segments, s), &first,
                                         &last);
              n_labels += (guint) first < n_label_cols;
            }
          line->n_labels = MAX (1, n_labels);
        }
    }
  else if (!cf_pdf_stream_columns (lines, 0, lines->len, cols, &n_label_cols))
    {
      g_array_set_size (cols, 0);
      text_columns (lines, cols);
      n_label_cols = 0;
    }
  if (cols->len == 0)
    return NULL;
  return cf_pdf_stream_table (page, lines, 0, lines->len, cols, n_label_cols, used);
}

/* Sets the title of @table, found in an area, from the page's lines outside
 * the area (the characters marked in @in_area). */
static void
area_title (const CfPdfPage *page, const gboolean *in_area, CfPdfTable *table)
{
  g_autoptr (GPtrArray) lines = cf_pdf_find_lines (page, in_area);

  cf_pdf_find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
}

/* ------------------------------------------------------------ any area */

static gboolean
has_space (const char *text, gint64 from, gint64 to)
{
  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* @page as the reader saw it, from the character boxes @doc holds for it:
 * offsets into the document text. FALSE when the page has no text. */
static gboolean
page_from_document (CfDocument *doc, int number, CfPdfPage *page)
{
  gsize text_len;
  const char *text = cf_document_get_text (doc, &text_len);
  guint n = cf_document_get_n_text_boxes (doc);
  guint lo = 0, hi = n;
  gint64 prev_end;

  page->number = number;
  page->width = page->height = 0;
  page->chars = g_array_new (FALSE, FALSE, sizeof (CfPdfChar));

  /* Boxes are in text order, so in page order: the first box of the page. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (cf_document_get_text_box (doc, mid)->page < number)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* The page's text starts after the "\n\f\n" that ends the page before. */
  prev_end = lo < n ? cf_document_get_text_box (doc, lo)->offset : 0;
  {
    gint64 first = prev_end;

    while (prev_end > 0 && text[prev_end - 1] != '\f')
      prev_end--;
    prev_end = prev_end > 0 ? MIN (prev_end + 1, first) : 0;
  }

  for (guint i = lo; i < n; i++)
    {
      const CfTextBox *box = cf_document_get_text_box (doc, i);
      CfPdfChar c;

      if (box->page != number)
        break;
      if (box->offset < 0 || box->offset + box->length > (gint64) text_len)
        continue;
      /* Poppler's whitespace is left out of the boxes; what lies between
       * two of them is a space (a word gap) or a line break. */
      c.ch = g_utf8_get_char (text + box->offset);
      c.offset = box->offset;
      c.length = box->length;
      c.space_before = has_space (text, prev_end, box->offset);
      c.x0 = box->bbox[0], c.y0 = box->bbox[1], c.x1 = box->bbox[2], c.y1 = box->bbox[3];
      page->width = MAX (page->width, c.x1);
      page->height = MAX (page->height, c.y1);
      g_array_append_val (page->chars, c);
      prev_end = box->offset + box->length;
    }
  return page->chars->len > 0;
}

/* The ruled table in @rect: the area alone is rendered again. NULL (and no
 * error) when rulings frame no table there. */
static CfPdfTable *
area_lattice (CfDocument *doc, const char *password, CfPdfPage *page, const double rect[4],
              const gboolean *outside, GError **error)
{
  GBytes *bytes = cf_document_get_source_bytes (doc);
  g_autoptr (GObject) pdoc_owner = NULL;
  g_autoptr (GObject) ppage_owner = NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_table_free);
  g_autoptr (CfPdfRuns) runs = NULL;
  g_autofree gboolean *used = NULL;
  PopplerDocument *pdoc;
  PopplerPage *ppage;
  cairo_surface_t *surface;
  double scale;
  int origin_x, origin_y;
  guint best = 0, best_chars = 0;

  if (bytes == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("%s: the PDF itself was not kept, so page %d cannot be rendered again"),
                   cf_document_get_basename (doc), page->number);
      return NULL;
    }
  pdoc = cf_pdf_open (bytes, password, cf_document_get_basename (doc), NULL, error);
  if (pdoc == NULL)
    return NULL;
  pdoc_owner = G_OBJECT (pdoc);
  ppage = poppler_document_get_page (pdoc, page->number - 1);
  if (ppage == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CORRUPT, _("%s: page %d cannot be read"),
                   cf_document_get_basename (doc), page->number);
      return NULL;
    }
  ppage_owner = G_OBJECT (ppage);
  poppler_page_get_size (ppage, &page->width, &page->height);

  surface = cf_pdf_render_page (ppage, page->width, page->height, rect, CF_PDF_RENDER_SCALE,
                                &origin_x, &origin_y, &scale);
  runs = cf_pdf_scan_surface (surface, scale, origin_x, origin_y);
  cairo_surface_destroy (surface);

  used = g_memdup2 (outside, sizeof (gboolean) * (page->chars->len + 1));
  cf_pdf_find_lattice_tables (page, runs, used, found);

  /* Two frames in the area: the one that holds the most text. */
  for (guint t = 0; t < found->len; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);
      guint n_chars = 0;

      for (guint k = 0; k < table->cells->len; k++)
        n_chars += g_utf8_strlen (((CfPdfCell *) g_ptr_array_index (table->cells, k))->text, -1);
      if (n_chars > best_chars)
        best = t, best_chars = n_chars;
    }
  if (best_chars == 0)
    return NULL;
  return g_ptr_array_steal_index (found, best);
}

CfTable *
cf_pdf_extract_area (CfDocument *doc, const char *password, int page_number, const double rect[4],
                     CfPdfAreaMode mode, const double *column_xs, guint n_column_xs, GError **error)
{
  const char *name;
  CfPdfPage page = { 0 };
  g_autoptr (CfPdfTable) table = NULL;
  g_autofree gboolean *outside = NULL;
  const char *layout;
  guint n_inside = 0;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (rect != NULL, NULL);
  g_return_val_if_fail (n_column_xs == 0 || column_xs != NULL, NULL);

  name = cf_document_get_basename (doc);
  if (cf_document_get_kind (doc) != CF_DOCUMENT_KIND_PDF)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: areas are read from PDF pages only"), name);
      return NULL;
    }
  if (page_number < 1 || page_number > cf_document_get_n_pages (doc))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: there is no page %d (the PDF has %d)"), name,
                   page_number, cf_document_get_n_pages (doc));
      return NULL;
    }
  if (!(rect[2] > rect[0] && rect[3] > rect[1]))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: the area drawn on page %d is empty"), name,
                   page_number);
      return NULL;
    }
  if (!page_from_document (doc, page_number, &page))
    {
      g_array_unref (page.chars);
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY,
                   _("%s: page %d has no text layer (a scan): no table can be read from it"), name,
                   page_number);
      return NULL;
    }

  /* The area's characters are those whose centre it holds; the others are
   * marked as taken, so that the finders leave them alone. */
  outside = g_new0 (gboolean, page.chars->len + 1);
  for (guint i = 0; i < page.chars->len; i++)
    {
      const CfPdfChar *c = cf_pdf_char_at (&page, i);
      double cx = cf_pdf_char_cx (c), cy = cf_pdf_char_cy (c);

      outside[i] = cx < rect[0] || cx > rect[2] || cy < rect[1] || cy > rect[3];
      n_inside += !outside[i];
    }
  if (n_inside == 0)
    {
      g_array_unref (page.chars);
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: the area drawn on page %d holds no text"),
                   name, page_number);
      return NULL;
    }

  if (n_column_xs == 0 && mode != CF_PDF_AREA_BORDERLESS
      && (mode == CF_PDF_AREA_RULED || cf_document_get_source_bytes (doc) != NULL))
    {
      g_autoptr (GError) local_error = NULL;

      table = area_lattice (doc, password, &page, rect, outside, &local_error);
      if (local_error != NULL)
        {
          g_array_unref (page.chars);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (table == NULL && mode == CF_PDF_AREA_RULED)
        {
          g_array_unref (page.chars);
          g_set_error (error, CF_ERROR, CF_ERROR_EMPTY,
                       _("%s: no ruled table in the area drawn on page %d"), name, page_number);
          return NULL;
        }
      /* Auto: rulings that frame a small part of the text are a box
       * around a note, not the table drawn around. */
      if (table != NULL && mode == CF_PDF_AREA_AUTO)
        {
          guint n_taken = 0;

          for (guint k = 0; k < table->cells->len; k++)
            n_taken += g_utf8_strlen (((CfPdfCell *) g_ptr_array_index (table->cells, k))->text, -1);
          if (2 * n_taken < n_inside)
            g_clear_pointer (&table, cf_pdf_table_free);
        }
    }
  if (table != NULL)
    layout = "area-ruled";
  else
    {
      g_autofree gboolean *used = g_memdup2 (outside, sizeof (gboolean) * (page.chars->len + 1));

      table = area_stream_table (&page, used, rect, column_xs, n_column_xs);
      layout = "area-stream";
    }
  if (table == NULL)
    {
      g_array_unref (page.chars);
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: no table in the area drawn on page %d"), name,
                   page_number);
      return NULL;
    }

  {
    g_autofree gboolean *inside = g_new0 (gboolean, page.chars->len + 1);

    for (guint i = 0; i < page.chars->len; i++)
      inside[i] = !outside[i];
    area_title (&page, inside, table);
  }
  g_array_unref (page.chars);
  return cf_pdf_table_to_table (table, layout);
}
