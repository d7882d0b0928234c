/* cf-pdf-rulings.h: the rulings drawn on a PDF page
 *
 * A rendered page is scanned once for long runs of ink, across and down;
 * runs of neighbouring pixel lines become rules; rules that lie inside
 * character boxes are glyph strokes, and of the rest those that cross or
 * touch at least two perpendicular ones are rulings (an underline is not).
 */
#pragma once

#include "cf-pdf-table.h"

G_BEGIN_DECLS

/* A run of ink in a rendered page, in pixels of the whole page at the
 * rendering's scale (a rendering of part of a page is offset to match). */
typedef struct
{
  int line;  /* pixel row of a horizontal run, pixel column of a vertical one */
  int a, b;  /* first and last pixel along it */
} CfPdfRun;

/* What the ruling finder needs of a rendered page: the runs of ink long enough
 * to be part of a rule, across and down. Ink runs are of dark pixels; light
 * runs of any pixel that is not white (light ink, shading, and dark ink). */
typedef struct
{
  double  scale;   /* pixels per point */
  GArray *h_ink;   /* of CfPdfRun */
  GArray *h_light;
  GArray *v_ink;
  GArray *v_light;
} CfPdfRuns;

/* Scans a cairo RGB24 image of @width x @height pixels whose top-left pixel
 * is page pixel (@origin_x, @origin_y), in one pass. */
CfPdfRuns *cf_pdf_runs_scan (const guint8 *data,
                             int           stride,
                             int           width,
                             int           height,
                             double        scale,
                             int           origin_x,
                             int           origin_y);
void       cf_pdf_runs_free (CfPdfRuns    *runs);

/* A rule: a line segment of ink, in page points. */
typedef struct
{
  double pos;   /* y of a horizontal rule, x of a vertical one */
  double a, b;  /* its extent along the other axis */
  gboolean cut; /* not drawn: where a page break cut a frame open, across
                 * the ends of its sides (it ties them to one table) */
} CfPdfRule;

/* pt: rule positions closer than this are one. */
#define CF_PDF_SNAP_TOL 2.0

/* TRUE when horizontal @h and vertical @v cross or touch. */
gboolean   cf_pdf_rules_touch (const CfPdfRule *h,
                               const CfPdfRule *v);

/* The rulings of @page in @runs: rules of dark ink and of any ink, merged,
 * glyph strokes dropped, frames a page break cut open closed by cut
 * rules, those framed by two perpendicular ones kept. Sets
 * @hs and @vs (of CfPdfRule) and returns TRUE, or FALSE when there are so
 * many pieces of rules that they are a picture (a photo, a scan under the
 * text), not a table. */
gboolean   cf_pdf_rulings_find (const CfPdfPage *page,
                                const CfPdfRuns *runs,
                                GArray         **hs,
                                GArray         **vs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfRuns, cf_pdf_runs_free)

G_END_DECLS
