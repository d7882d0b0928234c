/* cf-pdf-private.h: what the PDF reader's page reading and table finding share
 *
 * Coordinates are PDF points with the origin at the top-left of the page as
 * poppler_page_render() displays it (crop box applied, /Rotate applied).
 * Poppler's text layout already uses that space, so character boxes and the
 * rendered rulings need no conversion between them.
 */
#pragma once

#include <glib.h>
#include "cf-cell.h"

G_BEGIN_DECLS

/* One printed (non-space) character of a page. */
typedef struct
{
  gunichar ch;
  gint64   offset; /* byte offset in the document text */
  int      length; /* bytes of its UTF-8 */
  gboolean space_before; /* poppler put a space before it (a word gap) */
  double   x0, y0, x1, y1;
} CfPdfChar;

typedef struct
{
  int      number;  /* 1-based */
  double   width;
  double   height;
  GArray  *chars;   /* of CfPdfChar, in text order */
} CfPdfPage;

/* How dark each pixel of the rendered page is, one byte per pixel: 0 white,
 * CF_PDF_LIGHT for light ink or shading, CF_PDF_LIGHT | CF_PDF_INK for ink. */
#define CF_PDF_LIGHT 1
#define CF_PDF_INK   2

typedef struct
{
  guint8 *dark;
  int     width;
  int     height;
  double  scale;    /* pixels per point */
} CfPdfMask;

typedef struct
{
  int          row, col, row_span, col_span;
  char        *text;
  gint64       offset, length;
  int          page;
  double       bbox[4];
  CfCellFlags  flags;
} CfPdfCell;

typedef struct
{
  int         page;
  int         last_page; /* where a table joined across pages ends */
  int         n_rows, n_cols;
  double      bbox[4];
  GArray     *col_edges; /* of double: n_cols + 1 column boundaries, for joining across pages */
  GPtrArray  *cells;     /* of CfPdfCell */
  char       *title;     /* heading line above, or NULL */
  gboolean    title_is_heading; /* the title looks like a section heading (三、…) */
  const char *layout;    /* "lattice" or "stream" */
} CfPdfTable;

void      cf_pdf_table_free       (CfPdfTable *table);
void      cf_pdf_cell_free        (CfPdfCell  *cell);

/* Finds the ruled and the borderless tables of @page. @mask may be NULL (no
 * rulings looked for). Appends CfPdfTable to @tables, top to bottom.
 * @trailing_heading: set to the heading that ends the page below every table
 * (it names the first table of the next page), or NULL. */
void      cf_pdf_find_tables      (const CfPdfPage *page,
                                   const CfPdfMask *mask,
                                   GPtrArray       *tables,
                                   char           **trailing_heading);

/* TRUE for a line that reads like a section heading: 三、… （二）… 1. … */
gboolean  cf_pdf_is_heading_text  (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfTable, cf_pdf_table_free)

G_END_DECLS
