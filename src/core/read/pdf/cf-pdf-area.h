/* cf-pdf-area.h: the table in an area of a PDF page the analyst drew */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* How the table in an area is read. */
typedef enum
{
  CF_PDF_AREA_AUTO,       /* ruled if rulings frame the area's text, else borderless */
  CF_PDF_AREA_RULED,      /* by the rulings drawn on the page (lattice) */
  CF_PDF_AREA_BORDERLESS, /* by how the text lines up (stream) */
} CfPdfAreaMode;

/* Reads the table in @rect (x0, y0, x1, y1: PDF points from the top-left of
 * 1-based @page, the space of cell boxes) of @doc, a loaded PDF, as in
 * Tabula. Characters are those @doc already holds (their centre inside
 * @rect), so cell offsets point into the document text. @column_xs, when
 * given, are the x of the column separators: the table is then read as
 * borderless with exactly those columns. RULED (and AUTO) render the area
 * again from cf_document_get_source_bytes() (@password: the one @doc was
 * opened with, or NULL).
 *
 * Returns a finished table (layout "area-ruled" or "area-stream"; cells with
 * page, box and offset; titled by the heading above it) that is not added to
 * @doc, or NULL with @error set (CF_ERROR_EMPTY: a scanned page, no text or
 * no ruled table in the area; CF_ERROR_INVALID: bad arguments). */
CfTable *cf_pdf_extract_area (CfDocument    *doc,
                              const char    *password,
                              int            page,
                              const double   rect[4],
                              CfPdfAreaMode  mode,
                              const double  *column_xs,
                              guint          n_column_xs,
                              GError       **error);

G_END_DECLS
