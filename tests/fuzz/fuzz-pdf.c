/* fuzz-pdf.c: libFuzzer harness for the PDF reader
 *
 * An input that starts with "%PDF-" is read as it is (poppler, the page
 * reader, the ruled and borderless table finders). Any other input is taken
 * as a text report and printed first: cairo sets its lines in a monospaced
 * CJK font, 40 lines a page, as a text report printed to PDF would be. That
 * runs the reader's text-dump path (cf-pdf-textdump.c) and the mending of
 * rows cut by a page break on inputs the fuzzer shapes as text. Then the
 * audit and the JSON writer run on whatever came out. Errors are fine;
 * crashes are not.
 */
#include <stdint.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include "crossfoot.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define PAGE_W         595.0
#define PAGE_H         842.0
#define FONT_SIZE      10.0
#define LINES_PER_PAGE 40
#define MAX_PAGES      4

static cairo_status_t
append_to_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @text set as a printed text report: one PDF line a text line. */
static GBytes *
print_text (const char *text)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf,
                                                                  PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  int on_page = 0, pages = 1;

  cairo_select_font_face (cr, "Noto Sans Mono CJK SC", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\r\t\f\v", ' ');
      if (on_page == LINES_PER_PAGE)
        {
          if (++pages > MAX_PAGES)
            break;
          cairo_show_page (cr);
          on_page = 0;
        }
      cairo_move_to (cr, 40, 60 + on_page * FONT_SIZE * 1.8);
      cairo_show_text (cr, lines[i]);
      on_page++;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    bytes = g_bytes_new (data, size);
  else
    {
      /* Cairo wants UTF-8 without NULs. */
      g_autofree char *raw = g_strndup ((const char *) data, size);
      g_autofree char *text = g_utf8_make_valid (raw, -1);

      bytes = print_text (text);
    }

  doc = cf_loader_load_bytes (bytes, "fuzz.pdf", NULL, NULL, &error);
  if (doc == NULL)
    {
      /* Errors name the file first. */
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.pdf"))
        __builtin_trap ();
      return 0;
    }

  cf_audit_document (doc, NULL);
  {
    g_autofree char *line = cf_json_document_line (doc);

    if (!g_utf8_validate (line, -1, NULL))
      __builtin_trap ();
  }
  return 0;
}
