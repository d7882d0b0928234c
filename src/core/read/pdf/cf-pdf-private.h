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
#include "cf-document.h"

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

typedef struct
{
  int          row, col, row_span, col_span;
  char        *text;
  gint64       offset, length;
  int          page;
  double       bbox[4];
  CfCellFlags  flags;
  /* Ink box of the text's last visual line (all 0 without text): a line
   * that fills its cell is cut, for a row broken over a page break. */
  double       last_line[4];
} CfPdfCell;

typedef struct
{
  int         page;
  int         last_page; /* where a table joined across pages ends */
  double      last_bottom; /* and the bottom of its part there */
  int         n_rows, n_cols;
  double      bbox[4];
  double      page_height;
  GArray     *col_edges; /* of double: n_cols + 1 column boundaries, for joining across pages */
  GPtrArray  *cells;     /* of CfPdfCell */
  char       *title;     /* heading line above, or NULL */
  gboolean    title_is_heading; /* the title is a section heading (三、…) */
  const char *layout;    /* "lattice" or "stream" */
  /* Of CfPdfCell (row -1), or NULL: label text right above a borderless
   * table, one cell a column, which no row took. When the table goes on
   * from the previous page it may be the tail of the row the break cut. */
  GPtrArray  *lead;
} CfPdfTable;

void      cf_pdf_table_free       (CfPdfTable *table);
void      cf_pdf_cell_free        (CfPdfCell  *cell);
CfPdfTable *cf_pdf_table_new      (int         page,
                                   const char *layout);
/* Adds a cell whose text is made of @page's characters @indices (of guint;
 * sorted in place): visual lines joined, no space between CJK characters.
 * @rect is the cell's box, or NULL for the characters' own box. */
CfPdfCell *cf_pdf_table_add_chars (CfPdfTable      *table,
                                   int              row,
                                   int              col,
                                   int              row_span,
                                   int              col_span,
                                   const CfPdfPage *page,
                                   GArray          *indices,
                                   const double     rect[4]);

static inline const CfPdfChar *
cf_pdf_char_at (const CfPdfPage *page, guint index)
{
  return &g_array_index (page->chars, CfPdfChar, index);
}

static inline double
cf_pdf_char_cx (const CfPdfChar *c)
{
  return (c->x0 + c->x1) / 2;
}

static inline double
cf_pdf_char_cy (const CfPdfChar *c)
{
  return (c->y0 + c->y1) / 2;
}

/* Ruled tables of @page (cf-pdf-lattice.c); their characters are marked in
 * @used, and characters already marked are left out. */
void      cf_pdf_find_lattice_tables (const CfPdfPage *page,
                                      const CfPdfRuns *runs,
                                      gboolean        *used,
                                      GPtrArray       *tables);

/* Finds the ruled and the borderless tables of @page. @runs may be NULL (no
 * rulings looked for). Appends CfPdfTable to @tables, top to bottom.
 * @trailing_heading: set to the heading that ends the page below every table
 * (it names the first table of the next page), or NULL. */
void      cf_pdf_find_tables      (const CfPdfPage *page,
                                   const CfPdfRuns *runs,
                                   GPtrArray       *tables,
                                   char           **trailing_heading);

/* The borderless table made of the characters of @page not marked in @used
 * (those of an area the analyst drew; @area its box), cut into columns at
 * @column_xs when given, else where the stream finder would cut them (or,
 * for text with no numbers, wherever some line has text). The characters
 * taken are marked in @used. NULL when there is no text. */
CfPdfTable *cf_pdf_area_stream_table (const CfPdfPage *page,
                                      gboolean        *used,
                                      const double     area[4],
                                      const double    *column_xs,
                                      guint            n_column_xs);
/* Sets the title of @table, found in an area, from the page's lines outside
 * the area (the characters marked in @in_area). */
void      cf_pdf_find_area_title  (const CfPdfPage *page,
                                   const gboolean  *in_area,
                                   CfPdfTable      *table);

/* FALSE when no line of @page has a gap wider than a character: running text
 * only, no table to look for (and no need to render the page). */
gboolean  cf_pdf_page_may_hold_table (const CfPdfPage *page);

/* The document's pages read back as the plain text they were printed from
 * (cf-pdf-textdump.c) and run through the text table finder; a form table it
 * reads better than the page finders did replaces theirs, its cells placed
 * on the pages. For text reports printed to PDF. */
void      cf_pdf_add_text_dump_tables (CfDocument *doc);

/* @first and @second, the text of one cell cut by a page break, as one:
 * no space between CJK characters, one between Latin words. */
char     *cf_pdf_join_cut_text    (const char *first,
                                   const char *second);

/* TRUE for a line that reads like a heading: 三、… （二）… 1. … */
gboolean  cf_pdf_is_heading_text  (const char *text);
/* TRUE for the heading of a section (三、… 第二章…), which no table runs past. */
gboolean  cf_pdf_is_section_heading (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfTable, cf_pdf_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfRuns, cf_pdf_runs_free)

G_END_DECLS
