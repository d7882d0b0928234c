/* cf-pdf-render.h: a PDF page through Poppler: its characters and its rendering */
#pragma once

#include <cairo.h>
#include <poppler.h>

#include "cf-pdf-rulings.h"

G_BEGIN_DECLS

/* Pixels per point for finding rulings: 1 px/pt keeps a 50-page report
 * quick, and positions within a point are all the grid needs. Strokes are
 * drawn at least a pixel wide; a 0.3 pt grey rule drawn as a filled
 * rectangle still shows as light ink. */
#define CF_PDF_RENDER_SCALE 1.0

/* The PDF in @bytes opened with @password (or NULL), or NULL with @error
 * set: CF_ERROR_ENCRYPTED, CF_ERROR_EMPTY, CF_ERROR_CORRUPT, messages that
 * start with @name; or G_IO_ERROR_CANCELLED. */
PopplerDocument *cf_pdf_open           (GBytes          *bytes,
                                        const char      *password,
                                        const char      *name,
                                        GCancellable    *cancellable,
                                        GError         **error);

/* Renders the part of @page (@width x @height points) within @clip (page
 * points; NULL: all of it) on white, at @scale or less for a very large
 * page. The image's top-left pixel is page pixel (*@origin_x, *@origin_y)
 * at *@scale_out. Rendering before cf_pdf_read_page_text() makes Poppler
 * read the page's content once for both. */
cairo_surface_t *cf_pdf_render_page    (PopplerPage     *page,
                                        double           width,
                                        double           height,
                                        const double    *clip,
                                        double           scale,
                                        int             *origin_x,
                                        int             *origin_y,
                                        double          *scale_out);

/* The runs of ink of a rendering by cf_pdf_render_page(). */
CfPdfRuns       *cf_pdf_scan_surface   (cairo_surface_t *surface,
                                        double           scale,
                                        int              origin_x,
                                        int              origin_y);

/* A page without text that still shows something is a scan. */
gboolean         cf_pdf_page_has_ink   (PopplerPage     *page,
                                        cairo_surface_t *surface);

/* Reads the page's text (returned, valid UTF-8) and its characters into
 * @page, with offsets into that text. */
char            *cf_pdf_read_page_text (PopplerPage     *ppage,
                                        CfPdfPage       *page);

G_END_DECLS
