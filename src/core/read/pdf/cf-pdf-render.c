/* cf-pdf-render.c: a PDF page through Poppler: its characters and its rendering
 *
 * Boxes are in PDF points with the origin at the top-left of the page as
 * poppler_page_render() shows it: crop box and /Rotate applied, which is the
 * space of poppler's text layout too.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-pdf-render.h"
#include "cf-pdf-lock.h"
#include "cf-error.h"

#define MAX_RENDER_PIXELS (2400 * 2400)

/* Renders the part of @page within @clip (page points; NULL: all of it) on
 * white, at @scale or less for a very large page. The image's top-left pixel
 * is page pixel (*@origin_x, *@origin_y) at *@scale_out.
 *
 * poppler-glib keeps the text layout it reads while rendering (for a page that
 * has none yet), so rendering before poppler_page_get_text() reads the page's
 * content once, not twice. */
cairo_surface_t *
cf_pdf_render_page (PopplerPage *page, double width, double height, const double *clip,
                    double scale, int *origin_x, int *origin_y, double *scale_out)
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
  cf_pdf_render_lock ();
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cf_pdf_render_unlock ();
  cairo_surface_flush (surface);
  *origin_x = x0;
  *origin_y = y0;
  *scale_out = scale;
  return surface;
}

CfPdfRuns *
cf_pdf_scan_surface (cairo_surface_t *surface, double scale, int origin_x, int origin_y)
{
  return cf_pdf_runs_scan (cairo_image_surface_get_data (surface),
                           cairo_image_surface_get_stride (surface),
                           cairo_image_surface_get_width (surface),
                           cairo_image_surface_get_height (surface), scale, origin_x, origin_y);
}

/* A page without text that still shows something is a scan. */
gboolean
cf_pdf_page_has_ink (PopplerPage *page, cairo_surface_t *surface)
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

/* A wide (CJK) character's box no taller than it is wide, about its
 * centre. Poppler gives a glyph of a Type 3 font the font's whole bounding
 * box as height (Chromium embeds CFF CJK fonts as Type 3: a 9 pt ideograph
 * comes 23 pt tall), and a box that tall reaches over the rules above and
 * below its cell. An ideograph fills about its em square, as wide as high. */
static void
fit_wide_glyph (CfPdfChar *c)
{
  double w = c->x1 - c->x0, mid = (c->y0 + c->y1) / 2;

  if (w > 0 && c->y1 - c->y0 > 1.6 * w && cf_pdf_is_cjk (c->ch))
    {
      c->y0 = mid - 0.55 * w;
      c->y1 = mid + 0.55 * w;
    }
}

/* Reads the page's text (returned, valid UTF-8) and its characters into
 * @page, with offsets into that text. */
char *
cf_pdf_read_page_text (PopplerPage *ppage, CfPdfPage *page)
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
      fit_wide_glyph (&c);
      g_array_append_val (page->chars, c);
    }
  return page_text;
}

/* ------------------------------------------------------------------ open */

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

static void
open_error (const char *name, GBytes *bytes, GError *poppler_error, const char *password,
            GError **error)
{
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
}

PopplerDocument *
cf_pdf_open (GBytes *bytes, const char *password, const char *name, GCancellable *cancellable,
             GError **error)
{
  g_autoptr (GError) poppler_error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  PopplerDocument *pdoc;

  /* Not poppler_document_new_from_bytes: Poppler 22 crashes there when a
   * wrong password is given; the stream path reports the error. */
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pdoc = poppler_document_new_from_stream (stream, g_bytes_get_size (bytes), password,
                                           cancellable, &poppler_error);
  if (pdoc == NULL && g_error_matches (poppler_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&poppler_error));
  else if (pdoc == NULL)
    open_error (name, bytes, poppler_error, password, error);
  return pdoc;
}
