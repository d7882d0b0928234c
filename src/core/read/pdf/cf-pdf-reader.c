/* cf-pdf-reader.c: PDF reports through poppler-glib
 *
 * Each page gives its text and one box per character (poppler's text layout),
 * and a rendering in which the rulings of ruled tables are looked for
 * (cf-pdf-render.c; the tables of a page: cf-pdf-page.c). Boxes and cells are in PDF points with the origin at the
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
 * (cf-pdf-join.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-pdf-reader.h"
#include "cf-pdf-join.h"
#include "cf-pdf-page.h"
#include "cf-pdf-render.h"
#include "cf-pdf-textdump.h"
#include "cf-error.h"

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
  surface = cf_pdf_render_page (ppage, width, height, NULL, CF_PDF_RENDER_SCALE, &origin_x,
                                &origin_y, &scale);
  result->text = cf_pdf_read_page_text (ppage, &result->page);

  if (result->page.chars->len == 0)
    result->scanned = cf_pdf_page_has_ink (ppage, surface);
  else if (cf_pdf_page_may_hold_table (&result->page))
    {
      g_autoptr (CfPdfRuns) runs = cf_pdf_scan_surface (surface, scale, origin_x, origin_y);
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

CfReading *
cf_pdf_reader_read (GBytes *bytes, const char *password, const char *name,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr (CfReading) reading = NULL;
  g_autoptr (GObject) pdoc_owner = NULL; /* poppler-glib 22 has no autoptr types */
  PopplerDocument *pdoc;
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_table_free);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *prev_heading = NULL;
  PageResult *results = NULL;
  int n_pages;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  pdoc = cf_pdf_open (bytes, password, name, cancellable, error);
  if (pdoc == NULL)
    return NULL;
  pdoc_owner = G_OBJECT (pdoc);

  n_pages = poppler_document_get_n_pages (pdoc);
  if (n_pages <= 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: the PDF has no pages"), name);
      return NULL;
    }
  reading = cf_reading_new ();
  cf_reading_set_n_pages (reading, n_pages);

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
      return NULL;
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
          cf_reading_add_text_box (reading, &box);
        }

      if (result->scanned)
        {
          g_autofree char *message = g_strdup_printf ("第%d页没有文字层（扫描件），无法提取表格", i + 1);
          CfFinding *note = cf_finding_new (CF_SEVERITY_WARNING, "pdf.no_text_layer", NULL, message);
          note->page = i + 1;
          note->bbox[0] = 0, note->bbox[1] = 0;
          note->bbox[2] = result->page.width, note->bbox[3] = result->page.height;
          cf_reading_take_note (reading, note);
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

  cf_pdf_join_across_pages (tables);

  {
    gsize len = text->len;
    cf_reading_take_text (reading, g_string_free (g_steal_pointer (&text), FALSE), len);
  }
  for (guint t = 0; t < tables->len; t++)
    {
      CfPdfTable *pt = g_ptr_array_index (tables, t);
      g_autoptr (CfTable) table = cf_pdf_table_to_table (pt, pt->layout);

      cf_reading_add_table (reading, table);
    }
  /* A text report printed to PDF: the tables of its text as candidates. */
  cf_pdf_text_dump_read (reading);
  return g_steal_pointer (&reading);
}
