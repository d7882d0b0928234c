/* cf-pdf-reader.c: PDF reports through poppler-glib
 *
 * Each page gives its text and one box per character (poppler's text layout),
 * and a rendering in which the rulings of ruled tables are looked for
 * (cf-pdf-tables.c). Boxes and cells are in PDF points with the origin at the
 * top-left of the page as poppler_page_render() shows it: crop box and /Rotate
 * applied, which is the space of poppler's text layout too, so what the app
 * draws over a rendered page lines up with no conversion.
 *
 * The document text is the pages' text in poppler's reading order, pages
 * separated by a line holding only '\f'.
 *
 * Pages are read by a few threads, each through its own PopplerDocument
 * (Poppler is not thread-safe within one document); the pages are then put
 * together in order, and tables that run on over a page break are joined:
 * a row the break cut in two is one row again, and a group label printed
 * above the break spans its rows below it.
 * Each page is rendered before its text is asked for: poppler-glib then reads
 * the page's content once for both.
 *
 * cf_pdf_extract_area() reads a table from an area the analyst drew, out of
 * the characters the document already holds (rendering the area again to
 * find its rulings).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <poppler.h>

#include "cf-pdf-reader.h"
#include "cf-pdf-private.h"
#include "cf-error.h"
#include "cf-number.h"

/* Pixels per point for finding rulings: 1 px/pt keeps a 50-page report
 * quick, and positions within a point are all the grid needs. Strokes are
 * drawn at least a pixel wide; a 0.3 pt grey rule drawn as a filled
 * rectangle still shows as light ink. */
#define RENDER_SCALE      1.0
#define MAX_RENDER_PIXELS (2400 * 2400)

/* Renders the part of @page within @clip (page points; NULL: all of it) on
 * white, at @scale or less for a very large page. The image's top-left pixel
 * is page pixel (*@origin_x, *@origin_y) at *@scale_out.
 *
 * poppler-glib keeps the text layout it reads while rendering (for a page that
 * has none yet), so rendering before poppler_page_get_text() reads the page's
 * content once, not twice. */
static cairo_surface_t *
render_page (PopplerPage *page, double width, double height, const double *clip, double scale,
             int *origin_x, int *origin_y, double *scale_out)
{
  cairo_font_options_t *glyph_options;
  cairo_surface_t *surface;
  cairo_t *cr;
  int x0 = 0, y0 = 0, x1, y1;

  if (width * height * scale * scale > MAX_RENDER_PIXELS)
    scale = sqrt (MAX_RENDER_PIXELS / (width * height));
  x1 = MAX (1, (int) ceil (width * scale));
  y1 = MAX (1, (int) ceil (height * scale));
  /* On the whole page's pixel grid, so that an area finds its rules where the
   * whole page does. */
  if (clip != NULL)
    {
      x0 = CLAMP ((int) floor (clip[0] * scale), 0, x1 - 1);
      y0 = CLAMP ((int) floor (clip[1] * scale), 0, y1 - 1);
      x1 = CLAMP ((int) ceil (clip[2] * scale), x0 + 1, x1);
      y1 = CLAMP ((int) ceil (clip[3] * scale), y0 + 1, y1);
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, x1 - x0, y1 - y0);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -x0, -y0);
  cairo_scale (cr, scale, scale);
  /* Glyphs without antialiasing: their strokes are no rulings, and crisp
   * ones leave no halo of light ink for the ruling scan to trace (on a page
   * of CJK text, three runs in five) and the lattice finder to drop again.
   * Rules are drawn as ever. */
  glyph_options = cairo_font_options_create ();
  cairo_font_options_set_antialias (glyph_options, CAIRO_ANTIALIAS_NONE);
  cairo_set_font_options (cr, glyph_options);
  cairo_font_options_destroy (glyph_options);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  *origin_x = x0;
  *origin_y = y0;
  *scale_out = scale;
  return surface;
}

static CfPdfRuns *
scan_surface (cairo_surface_t *surface, double scale, int origin_x, int origin_y)
{
  return cf_pdf_runs_scan (cairo_image_surface_get_data (surface),
                           cairo_image_surface_get_stride (surface),
                           cairo_image_surface_get_width (surface),
                           cairo_image_surface_get_height (surface), scale, origin_x, origin_y);
}

/* A page without text that still shows something is a scan. */
static gboolean
page_has_ink (PopplerPage *page, cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  GList *images;
  gboolean any;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      for (int x = 0; x < width; x++)
        if ((row[x] & 0xffffff) != 0xffffff)
          return TRUE;
    }
  images = poppler_page_get_image_mapping (page);
  any = images != NULL;
  poppler_page_free_image_mapping (images);
  return any;
}

/* Reads the page's text (returned, valid UTF-8) and its characters into
 * @page, with offsets into that text. */
static char *
read_page_text (PopplerPage *ppage, CfPdfPage *page)
{
  char *page_text = poppler_page_get_text (ppage);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  guint k = 0;
  gboolean space = FALSE;

  if (page_text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (page_text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (page_text, -1);
      g_free (page_text);
      page_text = valid;
    }
  if (!poppler_page_get_text_layout (ppage, &rects, &n_rects))
    n_rects = 0;

  /* One layout rectangle per character (not byte) of the text. */
  for (const char *p = page_text; *p; p = g_utf8_next_char (p), k++)
    {
      gunichar ch = g_utf8_get_char (p);
      CfPdfChar c;

      if (g_unichar_isspace (ch))
        space = TRUE;
      if (k >= n_rects || g_unichar_isspace (ch) || ch == 0xfeff)
        continue;
      c.space_before = space;
      space = FALSE;
      c.ch = ch;
      c.offset = p - page_text;
      c.length = g_utf8_next_char (p) - p;
      c.x0 = MIN (rects[k].x1, rects[k].x2);
      c.y0 = MIN (rects[k].y1, rects[k].y2);
      c.x1 = MAX (rects[k].x1, rects[k].x2);
      c.y1 = MAX (rects[k].y1, rects[k].y2);
      g_array_append_val (page->chars, c);
    }
  return page_text;
}

/* ------------------------------------------------------- pages in threads */

/* What one page gave; offsets are into the page's own text until the pages
 * are put together. */
typedef struct
{
  char      *text;
  CfPdfPage  page;
  GPtrArray *tables;           /* of CfPdfTable */
  char      *trailing_heading;
  gboolean   scanned;
} PageResult;

typedef struct
{
  GBytes       *bytes;
  const char   *password;
  GCancellable *cancellable;
  PageResult   *results;
  int           n_pages;
  int           next_page;     /* atomic: the next page nobody took */
} PageJob;

static void
page_result_clear (PageResult *result)
{
  g_free (result->text);
  g_clear_pointer (&result->page.chars, g_array_unref);
  g_clear_pointer (&result->tables, g_ptr_array_unref);
  g_free (result->trailing_heading);
}

static void
read_page (PopplerPage *ppage, int index, PageResult *result)
{
  double width = 0, height = 0, scale;
  int origin_x, origin_y;
  cairo_surface_t *surface;

  poppler_page_get_size (ppage, &width, &height);
  result->page.number = index + 1;
  result->page.width = width;
  result->page.height = height;
  result->page.chars = g_array_new (FALSE, FALSE, sizeof (CfPdfChar));
  result->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_table_free);
  /* Rendered first: the text below is then read from the same pass. */
  surface = render_page (ppage, width, height, NULL, RENDER_SCALE, &origin_x, &origin_y, &scale);
  result->text = read_page_text (ppage, &result->page);

  if (result->page.chars->len == 0)
    result->scanned = page_has_ink (ppage, surface);
  else if (cf_pdf_page_may_hold_table (&result->page))
    {
      g_autoptr (CfPdfRuns) runs = scan_surface (surface, scale, origin_x, origin_y);
      cf_pdf_find_tables (&result->page, runs, result->tables, &result->trailing_heading);
    }
  else
    cf_pdf_find_tables (&result->page, NULL, result->tables, &result->trailing_heading);
  cairo_surface_destroy (surface);
}

/* Takes pages until none is left. Poppler is not thread-safe within one
 * document, so every thread reads through its own. */
static void
read_pages (PageJob *job, PopplerDocument *pdoc)
{
  for (;;)
    {
      int index = g_atomic_int_add (&job->next_page, 1);
      PopplerPage *ppage;

      if (index >= job->n_pages || g_cancellable_is_cancelled (job->cancellable))
        break;
      ppage = poppler_document_get_page (pdoc, index);
      if (ppage == NULL)
        continue;
      read_page (ppage, index, &job->results[index]);
      g_object_unref (ppage);
    }
}

static gpointer
page_worker (gpointer data)
{
  PageJob *job = data;
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (job->bytes);
  PopplerDocument *pdoc = poppler_document_new_from_stream (stream, g_bytes_get_size (job->bytes),
                                                            job->password, NULL, NULL);

  if (pdoc != NULL)
    {
      read_pages (job, pdoc);
      g_object_unref (pdoc);
    }
  return NULL;
}

/* --------------------------------------------------- tables across pages */

static int first_value_column (const CfPdfTable *a, const CfPdfTable *b);

/* Whether the value columns of borderless @a and @b (from @a_first and
 * @b_first on) are as many and line up, one side of each at least. */
static gboolean
same_value_columns (const CfPdfTable *a, int a_first, const CfPdfTable *b, int b_first)
{
  if (a->n_cols - a_first != b->n_cols - b_first || a_first >= a->n_cols
      || a->col_edges->len != 2 * (guint) a->n_cols || b->col_edges->len != 2 * (guint) b->n_cols)
    return FALSE;
  for (int k = 0; a_first + k < a->n_cols; k++)
    {
      double dx0 = fabs (g_array_index (a->col_edges, double, 2 * (a_first + k))
                         - g_array_index (b->col_edges, double, 2 * (b_first + k)));
      double dx1 = fabs (g_array_index (a->col_edges, double, 2 * (a_first + k) + 1)
                         - g_array_index (b->col_edges, double, 2 * (b_first + k) + 1));
      if (dx0 > 10.0 && dx1 > 10.0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_columns (const CfPdfTable *a, const CfPdfTable *b)
{
  double tol = g_str_equal (a->layout, "lattice") ? 4.0 : 10.0;

  if (!g_str_equal (a->layout, b->layout))
    return FALSE;
  /* A borderless part whose page holds fewer kinds of label (no group
   * label on it) has fewer label columns: its value columns decide. */
  if (g_str_equal (a->layout, "stream") && a->n_cols != b->n_cols)
    return same_value_columns (a, first_value_column (a, a), b, first_value_column (b, b));
  if (a->n_cols != b->n_cols || a->col_edges->len != b->col_edges->len)
    return FALSE;
  if (g_str_equal (a->layout, "lattice"))
    {
      for (guint i = 0; i < a->col_edges->len; i++)
        if (fabs (g_array_index (a->col_edges, double, i) - g_array_index (b->col_edges, double, i)) > tol)
          return FALSE;
      return TRUE;
    }

  /* Stream tables keep both sides of each column; one side of every value
   * column must line up (the label column follows the longest label). */
  for (guint c = 1; 2 * c + 1 < a->col_edges->len; c++)
    {
      double dx0 = fabs (g_array_index (a->col_edges, double, 2 * c) - g_array_index (b->col_edges, double, 2 * c));
      double dx1 = fabs (g_array_index (a->col_edges, double, 2 * c + 1)
                         - g_array_index (b->col_edges, double, 2 * c + 1));
      if (dx0 > tol && dx1 > tol)
        return FALSE;
    }
  return TRUE;
}

static const char *
cell_text_at (const CfPdfTable *table, int row, int col)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell->row == row && cell->col == col)
        return cell->text;
    }
  return NULL;
}

static gboolean
rows_equal (const CfPdfTable *a, int ra, const CfPdfTable *b, int rb)
{
  gboolean any = FALSE;

  for (int c = 0; c < a->n_cols; c++)
    {
      const char *x = cell_text_at (a, ra, c), *y = cell_text_at (b, rb, c);
      if (g_strcmp0 (x, y) != 0)
        return FALSE;
      any |= x != NULL && *x != '\0';
    }
  return any;
}

/* ------------------------------------------ rows cut by the page break */

static gboolean
text_has_number (const char *text)
{
  CfNumber number;

  cf_number_parse (text, -1, &number);
  return number.kind == CF_NUMBER_VALUE;
}

/* The leftmost column with a number in it, in either part: the columns
 * left of it hold labels (one grid row per printed row, labels first). */
static int
first_value_column (const CfPdfTable *a, const CfPdfTable *b)
{
  const CfPdfTable *parts[] = { a, b };
  int first = MAX (a->n_cols, b->n_cols);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->cells->len; i++)
      {
        const CfPdfCell *cell = g_ptr_array_index (parts[p]->cells, i);
        if (cell->col < first && cell->col_span == 1 && text_has_number (cell->text))
          first = cell->col;
      }
  return first;
}

/* The cell of @table in @cell's columns that reaches its last row. */
static CfPdfCell *
cell_above (const CfPdfTable *table, const CfPdfCell *cell)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      CfPdfCell *above = g_ptr_array_index (table->cells, i);
      if (above->col == cell->col && above->col_span == cell->col_span
          && above->row + above->row_span == table->n_rows)
        return above;
    }
  return NULL;
}

/* The width @cell's text could fill: its ruled box; in a borderless table,
 * whose columns are only as wide as their text, the widest text of its
 * column (the lines of a wrapped label are that wide). */
static double
room_of_cell (const CfPdfTable *table, const CfPdfCell *cell)
{
  double room = cell->bbox[2] - cell->bbox[0];

  if (!g_str_equal (table->layout, "stream"))
    return room;
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *other = g_ptr_array_index (table->cells, i);
      if (other->col == cell->col && other->col_span == cell->col_span && *other->text != '\0')
        room = MAX (room, other->bbox[2] - other->bbox[0]);
    }
  return room;
}

/* Whether @second, at the top of the next page, is the rest of the text of
 * @above (of @table), which the page break cut: it starts no item of its own
 * (4. （三） …) and the last line above fills its cell, so the text wrapped
 * there. A cell cut before its text (empty above) goes on too. */
static gboolean
text_goes_on (const CfPdfTable *table, const CfPdfCell *above, const CfPdfCell *second)
{
  double line_h = above->last_line[3] - above->last_line[1];
  double used = above->last_line[2] - above->last_line[0];

  if (*above->text == '\0' || *second->text == '\0')
    return TRUE;
  if (cf_pdf_is_heading_text (second->text) || line_h <= 0)
    return FALSE;
  return room_of_cell (table, above) - used < 2 * line_h;
}

/* Whether the first row of the continuation (@top, with the cells of @table
 * above each, in @aboves) is the tail of @table's last row: it has the same
 * cells, no number anywhere and no text in a value column, and its labels
 * go on from those above. A row with no text at all is the blank rest of a
 * row whose text all fitted above (LibreOffice prints a header row so). */
static gboolean
row_is_cut (const CfPdfTable *table, GPtrArray *top, GPtrArray *aboves, int value_col)
{
  for (guint i = 0; i < top->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (top, i);
      const CfPdfCell *above = g_ptr_array_index (aboves, i);

      if (above == NULL || text_has_number (cell->text))
        return FALSE;
      if (*cell->text == '\0')
        continue;
      if (cell->col + cell->col_span > value_col || !text_goes_on (table, above, cell))
        return FALSE;
    }
  return top->len > 0;
}

/* Whether @cell, in the continuation's first row @top, goes on with the
 * label @above that spans down to the page break (a group of rows such as
 * 三、本年度办理结果 printed once, on the first page). */
static gboolean
group_goes_on (const CfPdfTable *table, const CfPdfCell *above, const CfPdfCell *cell, GPtrArray *top,
               int value_col)
{
  gboolean labels_right = FALSE;

  if (cell->col + cell->col_span > value_col || !text_goes_on (table, above, cell))
    return FALSE;
  if (*above->text != '\0' && *cell->text != '\0' && above->row_span == 1 && cell->row_span == 1)
    return FALSE;
  for (guint i = 0; i < top->len; i++)
    {
      const CfPdfCell *other = g_ptr_array_index (top, i);
      labels_right |= other->col > cell->col && other->col < value_col && *other->text != '\0';
    }
  return above->row_span > 1 || cell->row_span > 1 || labels_right;
}

/* @above (on the previous page) and @cell (at @row on the next) are one
 * cell: it spans down to the rows of @cell and holds the text of both.
 * A cell keeps one page and box, the first part's (CfCell has room for one):
 * the second part's box is lost unless the text is all there. */
static void
mend_cut_cell (CfPdfTable *table, CfPdfCell *above, const CfPdfCell *cell, int row)
{
  above->row_span = MAX (above->row + above->row_span, row + cell->row_span) - above->row;
  table->n_rows = MAX (table->n_rows, above->row + above->row_span);
  if (*cell->text == '\0')
    return;
  if (*above->text == '\0')
    {
      g_free (above->text);
      above->text = g_strdup (cell->text);
      above->offset = cell->offset;
      above->length = cell->length;
      above->page = cell->page;
      above->flags = cell->flags;
      memcpy (above->bbox, cell->bbox, sizeof above->bbox);
      memcpy (above->last_line, cell->last_line, sizeof above->last_line);
      return;
    }
  {
    char *joined = cf_pdf_join_cut_text (above->text, cell->text);

    g_free (above->text);
    above->text = joined;
    if (above->offset >= 0 && cell->offset >= 0)
      above->length = cell->offset + cell->length - above->offset;
    above->flags &= ~CF_CELL_FLAG_MISSING;
  }
}

/* Whether row @row of @table has label text right of column @col (before
 * the numbers at @value_col), in a cell of its own or one spanning down. */
static gboolean
row_has_label_right (const CfPdfTable *table, int row, int col, int value_col)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      const CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell->col > col && cell->col < value_col && cell->row <= row && row < cell->row + cell->row_span
          && *cell->text != '\0')
        return TRUE;
    }
  return FALSE;
}

/* The cell of @table that starts at (@row, @col), and its index. */
static CfPdfCell *
cell_starting_at (const CfPdfTable *table, int row, int col, guint *index)
{
  for (guint i = 0; i < table->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (table->cells, i);
      if (cell->row == row && cell->col == col)
        {
          *index = i;
          return cell;
        }
    }
  return NULL;
}

/* A group label printed once on the page before (三、本年度办理结果,
 * （三）不予公开) goes on down the rows of the next page that leave its
 * column empty beside labels of their own (5.… 8.…), from @first_new on, up
 * to the first row that has text in its column. */
static void
extend_groups (CfPdfTable *table, int first_new, int value_col)
{
  for (int col = 0; col < value_col; col++)
    {
      CfPdfCell *group = NULL;

      for (guint i = 0; i < table->cells->len && group == NULL; i++)
        {
          CfPdfCell *cell = g_ptr_array_index (table->cells, i);
          if (cell->col == col && cell->col_span == 1 && *cell->text != '\0' && cell->row < first_new
              && cell->row + cell->row_span >= first_new
              && (cell->row_span > 1 || row_has_label_right (table, cell->row, col, value_col)))
            group = cell;
        }
      if (group == NULL)
        continue;
      for (int row = group->row + group->row_span; row < table->n_rows; row++)
        {
          guint index;
          CfPdfCell *empty = cell_starting_at (table, row, col, &index);

          if (empty == NULL || *empty->text != '\0' || empty->col_span != 1 || empty->row_span != 1
              || !row_has_label_right (table, row, col, value_col))
            break;
          g_ptr_array_remove_index (table->cells, index);
          group->row_span++;
        }
    }
}

/* Appends @next (the first table of the following page) to @table, dropping
 * the header rows it repeats. A row the page break cut in two is one row
 * again, and labels that span rows down to the break go on over them. */
static void
join_tables (CfPdfTable *table, CfPdfTable *next)
{
  g_autoptr (GPtrArray) top = g_ptr_array_new ();
  g_autoptr (GPtrArray) aboves = g_ptr_array_new ();
  int skip = 0;
  int offset, value_col, first_new;
  gboolean cut, lead_mended = FALSE;

  while (skip < next->n_rows && skip < table->n_rows && rows_equal (table, skip, next, skip))
    skip++;

  /* Looked at before any cell moves: the last row above is table->n_rows - 1. */
  value_col = first_value_column (table, next);
  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (next->cells, i);
      if (cell->row != skip)
        continue;
      g_ptr_array_add (top, cell);
      g_ptr_array_add (aboves, cell_above (table, cell));
    }
  /* A borderless table's rows start at its numbers: the tail of a cut
   * label is a lead line above them, not a row of its own. */
  if (skip == 0 && next->lead != NULL && next->lead->len > 0 && table->n_rows > 0
      && value_col < next->n_cols)
    {
      g_autoptr (GPtrArray) lead_aboves = g_ptr_array_new ();
      double numbers_x = g_array_index (next->col_edges, double, 2 * value_col);
      gboolean left_of_numbers = TRUE;

      /* All of it left of the numbers (a running header is not). */
      for (guint i = 0; i < next->lead->len; i++)
        {
          CfPdfCell *cell = g_ptr_array_index (next->lead, i);

          g_ptr_array_add (lead_aboves, cell_above (table, cell));
          if (cell->bbox[2] > numbers_x + 2)
            left_of_numbers = FALSE;
        }
      if (left_of_numbers && row_is_cut (table, next->lead, lead_aboves, value_col))
        {
          for (guint i = 0; i < next->lead->len; i++)
            mend_cut_cell (table, g_ptr_array_index (lead_aboves, i), g_ptr_array_index (next->lead, i),
                           table->n_rows - 1);
          lead_mended = TRUE;
        }
    }
  cut = !lead_mended && table->n_rows > 0 && row_is_cut (table, top, aboves, value_col);
  offset = table->n_rows - skip - (cut ? 1 : 0);

  for (guint i = 0; i < top->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (top, i);
      CfPdfCell *above = g_ptr_array_index (aboves, i);

      if (above != NULL && (cut || group_goes_on (table, above, cell, top, value_col)))
        {
          mend_cut_cell (table, above, cell, cell->row + offset);
          cell->row = -1; /* mended: left with @next */
        }
    }

  first_new = table->n_rows;
  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_ptr_array_index (next->cells, i);
      if (cell->row < skip)
        continue;
      cell->row += offset;
      g_ptr_array_add (table->cells, cell);
      next->cells->pdata[i] = NULL;
      table->n_rows = MAX (table->n_rows, cell->row + cell->row_span);
    }
  extend_groups (table, first_new, value_col);
}

/* The label column of @table (before @first) that text starting at @x is in:
 * the last one whose left side it reaches. */
static int
label_column_at (const CfPdfTable *table, int first, double x)
{
  int col = 0;

  for (int c = 1; c < first; c++)
    if (x >= g_array_index (table->col_edges, double, 2 * c) - 2)
      col = c;
  return col;
}

/* Cuts the label columns of @next (a borderless table going on from
 * @table, with fewer label columns) as @table's are: each label goes to the
 * column of @table where it starts, over those its text reaches, and the
 * slots no label covers are empty cells. Value columns follow. */
static void
recut_label_columns (const CfPdfTable *table, CfPdfTable *next)
{
  int first = first_value_column (table, table), next_first = first_value_column (next, next);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_cell_free);
  g_autofree gboolean *taken = g_new0 (gboolean, (gsize) next->n_rows * first + 1);
  g_autofree double *row_y = g_new0 (double, 2 * (gsize) next->n_rows + 2);

  for (guint i = 0; i < next->cells->len; i++)
    {
      CfPdfCell *cell = g_steal_pointer (&next->cells->pdata[i]);

      if (cell->row >= 0 && cell->row < next->n_rows && *cell->text != '\0' && row_y[2 * cell->row + 1] == 0)
        {
          row_y[2 * cell->row] = cell->bbox[1];
          row_y[2 * cell->row + 1] = cell->bbox[3];
        }
      if (cell->col >= next_first)
        {
          cell->col += first - next_first;
          g_ptr_array_add (cells, cell);
          continue;
        }
      if (*cell->text == '\0')
        {
          cf_pdf_cell_free (cell);
          continue;
        }
      {
        int col = label_column_at (table, first, cell->bbox[0]), last = col;

        for (int c = col + 1; c < first; c++)
          if (cell->bbox[2] > g_array_index (table->col_edges, double, 2 * c) + 2)
            last = c;
        cell->col = col;
        cell->col_span = last - col + 1;
        for (int r = cell->row; r < cell->row + cell->row_span && r < next->n_rows; r++)
          for (int c = col; c <= last; c++)
            taken[r * first + c] = TRUE;
        g_ptr_array_add (cells, cell);
      }
    }
  for (int r = 0; r < next->n_rows; r++)
    for (int c = 0; c < first; c++)
      if (!taken[r * first + c])
        {
          CfPdfCell *cell = g_new0 (CfPdfCell, 1);

          cell->row = r;
          cell->col = c;
          cell->row_span = cell->col_span = 1;
          cell->text = g_strdup ("");
          cell->offset = -1;
          cell->page = next->page;
          cell->bbox[0] = g_array_index (table->col_edges, double, 2 * c);
          cell->bbox[1] = row_y[2 * r];
          cell->bbox[2] = g_array_index (table->col_edges, double, 2 * c + 1);
          cell->bbox[3] = row_y[2 * r + 1];
          g_ptr_array_add (cells, cell);
        }
  g_ptr_array_set_size (next->cells, 0);
  g_ptr_array_extend_and_steal (next->cells, g_steal_pointer (&cells));
  if (next->lead != NULL)
    for (guint i = 0; i < next->lead->len; i++)
      {
        CfPdfCell *cell = g_ptr_array_index (next->lead, i);
        if (cell->col >= next_first)
          cell->col += first - next_first;
        else
          cell->col = label_column_at (table, first, cell->bbox[0]);
      }
  {
    g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (double));

    g_array_append_vals (edges, table->col_edges->data, 2 * first);
    g_array_append_vals (edges, &g_array_index (next->col_edges, double, 2 * next_first),
                         next->col_edges->len - 2 * next_first);
    g_array_set_size (next->col_edges, 0);
    g_array_append_vals (next->col_edges, edges->data, edges->len);
  }
  next->n_cols = table->n_cols;
}

static void
join_across_pages (GPtrArray *tables)
{
  /* Tables are in page order, so @next is the first table of its page and
   * @table the last one of the page it reached. */
  for (guint i = 0; i + 1 < tables->len;)
    {
      CfPdfTable *table = g_ptr_array_index (tables, i);
      CfPdfTable *next = g_ptr_array_index (tables, i + 1);

      /* It goes on where the page breaks: the table reaches the lower half
       * of its page, the next one starts in the upper half of the next. */
      if (next->page == table->last_page + 1 && !next->title_is_heading && same_columns (table, next)
          && table->last_bottom > table->page_height / 2 && next->bbox[1] < next->page_height / 2)
        {
          if (table->n_cols != next->n_cols)
            recut_label_columns (table, next);
          join_tables (table, next);
          table->last_page = next->page;
          table->last_bottom = next->bbox[3];
          table->page_height = next->page_height;
          g_ptr_array_remove_index (tables, i + 1);
          continue;
        }
      i++;
    }
}

static CfTable *
table_from_pdf_table (CfPdfTable *pt, const char *layout)
{
  CfTable *table = cf_table_new ();
  gint64 first = G_MAXINT64, end = -1;

  for (guint i = 0; i < pt->cells->len; i++)
    {
      CfPdfCell *pc = g_ptr_array_index (pt->cells, i);
      CfCell *cell;

      if (pc == NULL)
        continue;
      cell = cf_table_add_cell (table, pc->row, pc->col, pc->row_span, pc->col_span, pc->text,
                                pc->offset, pc->length);
      cell->page = pc->page;
      memcpy (cell->bbox, pc->bbox, sizeof cell->bbox);
      cell->flags |= pc->flags;
      if (pc->offset >= 0)
        {
          first = MIN (first, pc->offset);
          end = MAX (end, pc->offset + pc->length);
        }
    }
  if (pt->title)
    cf_table_set_title (table, pt->title);
  cf_table_set_page (table, pt->page);
  cf_table_set_layout (table, layout);
  if (end >= 0)
    cf_table_set_range (table, first, end - first);
  cf_table_finish (table);
  return table;
}

static void
add_tables_to_document (CfDocument *doc, GPtrArray *tables)
{
  for (guint t = 0; t < tables->len; t++)
    {
      CfPdfTable *pt = g_ptr_array_index (tables, t);
      g_autoptr (CfTable) table = table_from_pdf_table (pt, pt->layout);

      cf_document_add_table (doc, table);
    }
}

/* ------------------------------------------------------------------ reader */

/* Poppler refuses a page tree that counts no pages as damaged; it is empty. */
static gboolean
says_no_pages (GBytes *bytes)
{
  static GRegex *count = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_once_init_enter (&count))
    g_once_init_leave (&count, g_regex_new ("/Type\\s*/Pages\\b[^>]*/Count\\s+0\\b"
                                            "|/Count\\s+0\\b[^>]*/Type\\s*/Pages\\b",
                                            G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL));
  /* Only small files: a real report has content streams and is not scanned. */
  if (len > 64 * 1024)
    return FALSE;
  return g_regex_match_full (count, data, len, 0, 0, NULL, NULL);
}

static gboolean
open_error (CfDocument *doc, GBytes *bytes, GError *poppler_error, const char *password,
            GError **error)
{
  const char *name = cf_document_get_basename (doc);

  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password != NULL && *password != '\0')
        g_set_error (error, CF_ERROR, CF_ERROR_ENCRYPTED,
                     _("%s: this PDF is encrypted; give its password (--password): "
                       "the password given does not open it"), name);
      else
        g_set_error (error, CF_ERROR, CF_ERROR_ENCRYPTED,
                     _("%s: this PDF is encrypted; give its password (--password)"), name);
    }
  else if (says_no_pages (bytes))
    g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: the PDF has no pages"), name);
  else
    /* Translators: the file's name, then poppler's reason. */
    g_set_error (error, CF_ERROR, CF_ERROR_CORRUPT, _("%s: the PDF is damaged or truncated (%s)"),
                 name, poppler_error ? poppler_error->message : _("unreadable"));
  return FALSE;
}

gboolean
cf_pdf_reader_read (CfDocument *doc, GBytes *bytes, const char *password,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) poppler_error = NULL;
  g_autoptr (GObject) pdoc_owner = NULL; /* poppler-glib 22 has no autoptr types */
  PopplerDocument *pdoc;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_table_free);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *name = cf_document_get_basename (doc);
  g_autofree char *prev_heading = NULL;
  PageResult *results = NULL;
  int n_pages;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Not poppler_document_new_from_bytes: Poppler 22 crashes there when a
   * wrong password is given; the stream path reports the error. */
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pdoc = poppler_document_new_from_stream (stream, g_bytes_get_size (bytes), password,
                                           cancellable, &poppler_error);
  if (pdoc == NULL && g_error_matches (poppler_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&poppler_error));
      return FALSE;
    }
  if (pdoc == NULL)
    return open_error (doc, bytes, poppler_error, password, error);
  pdoc_owner = G_OBJECT (pdoc);

  n_pages = poppler_document_get_n_pages (pdoc);
  if (n_pages <= 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: the PDF has no pages"), name);
      return FALSE;
    }
  cf_document_set_n_pages (doc, n_pages);

  /* Pages are read in parallel, a few threads at most (each renders a page). */
  {
    PageJob job = { bytes, password, cancellable, g_new0 (PageResult, n_pages), n_pages, 0 };
    const char *wanted = g_getenv ("CF_PDF_THREADS"); /* for benchmarks */
    int n_threads = CLAMP (wanted ? atoi (wanted) : (int) g_get_num_processors (), 1, 4);
    g_autoptr (GPtrArray) threads = g_ptr_array_new ();

    n_threads = MIN (n_threads, (n_pages + 1) / 2);
    for (int t = 1; t < n_threads; t++)
      g_ptr_array_add (threads, g_thread_new ("cf-pdf-pages", page_worker, &job));
    read_pages (&job, pdoc);
    for (guint t = 0; t < threads->len; t++)
      g_thread_join (g_ptr_array_index (threads, t));
    results = job.results;
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      for (int i = 0; i < n_pages; i++)
        page_result_clear (&results[i]);
      g_free (results);
      return FALSE;
    }

  /* Put the pages together: text, boxes and cell offsets move to the page's place. */
  for (int i = 0; i < n_pages; i++)
    {
      PageResult *result = &results[i];
      gint64 base;

      if (i > 0)
        g_string_append (text, "\n\f\n");
      base = text->len;
      if (result->text == NULL)
        {
          g_clear_pointer (&prev_heading, g_free);
          continue;
        }
      g_string_append (text, result->text);

      for (guint k = 0; k < result->page.chars->len; k++)
        {
          const CfPdfChar *c = &g_array_index (result->page.chars, CfPdfChar, k);
          CfTextBox box = { base + c->offset, c->length, i + 1, { c->x0, c->y0, c->x1, c->y1 } };
          cf_document_add_text_box (doc, &box);
        }

      if (result->scanned)
        {
          g_autofree char *message = g_strdup_printf ("第%d页没有文字层（扫描件），无法提取表格", i + 1);
          CfFinding *note = cf_finding_new (CF_SEVERITY_WARNING, "pdf.no_text_layer", NULL, message);
          note->page = i + 1;
          note->bbox[0] = 0, note->bbox[1] = 0;
          note->bbox[2] = result->page.width, note->bbox[3] = result->page.height;
          cf_document_take_note (doc, note);
        }

      for (guint t = 0; t < result->tables->len; t++)
        {
          CfPdfTable *table = g_ptr_array_index (result->tables, t);

          for (guint k = 0; k < table->cells->len; k++)
            {
              CfPdfCell *cell = g_ptr_array_index (table->cells, k);
              if (cell->offset >= 0)
                cell->offset += base;
            }
          for (guint k = 0; table->lead != NULL && k < table->lead->len; k++)
            {
              CfPdfCell *cell = g_ptr_array_index (table->lead, k);
              if (cell->offset >= 0)
                cell->offset += base;
            }
          /* A heading at the foot of the previous page names the first table here. */
          if (t == 0 && prev_heading != NULL && !table->title_is_heading)
            {
              g_free (table->title);
              table->title = g_steal_pointer (&prev_heading);
              table->title_is_heading = TRUE;
            }
          g_ptr_array_add (tables, table);
          result->tables->pdata[t] = NULL;
        }
      if (result->page.chars->len > 0)
        {
          g_free (prev_heading);
          prev_heading = g_steal_pointer (&result->trailing_heading);
        }
      else
        g_clear_pointer (&prev_heading, g_free);
      page_result_clear (result);
    }
  g_free (results);

  join_across_pages (tables);

  {
    gsize len = text->len;
    cf_document_take_text (doc, g_string_free (g_steal_pointer (&text), FALSE), len);
  }
  add_tables_to_document (doc, tables);
  cf_pdf_add_text_dump_tables (doc);
  return TRUE;
}

/* -------------------------------------------------------------------- areas */

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
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GObject) pdoc_owner = NULL;
  g_autoptr (GObject) ppage_owner = NULL;
  g_autoptr (GError) poppler_error = NULL;
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
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pdoc = poppler_document_new_from_stream (stream, g_bytes_get_size (bytes), password, NULL,
                                           &poppler_error);
  if (pdoc == NULL)
    {
      open_error (doc, bytes, poppler_error, password, error);
      return NULL;
    }
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

  surface = render_page (ppage, page->width, page->height, rect, RENDER_SCALE, &origin_x, &origin_y,
                         &scale);
  runs = scan_surface (surface, scale, origin_x, origin_y);
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

      table = cf_pdf_area_stream_table (&page, used, rect, column_xs, n_column_xs);
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
    cf_pdf_find_area_title (&page, inside, table);
  }
  g_array_unref (page.chars);
  return table_from_pdf_table (table, layout);
}
