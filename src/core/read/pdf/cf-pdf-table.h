/* cf-pdf-table.h: the PDF component's table model
 *
 * What every part of the PDF reader shares: a page's printed characters with
 * their boxes, and the tables found on it (cells made of those characters),
 * before they become CfTable.
 *
 * Coordinates are PDF points with the origin at the top-left of the page as
 * poppler_page_render() displays it (crop box applied, /Rotate applied).
 * Poppler's text layout already uses that space, so character boxes and the
 * rendered rulings need no conversion between them.
 */
#pragma once

#include <glib.h>
#include "cf-cell.h"
#include "cf-table.h"

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
  double      quality;   /* 0–1: what the finder knows of its own reading
                            (1 unless it saw doubt), weighs the table's confidence */
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

/* A new cell made of @page's characters @indices (as cf_pdf_table_add_chars()),
 * not yet in a table. */
CfPdfCell *cf_pdf_cell_new        (int              row,
                                   int              col,
                                   int              row_span,
                                   int              col_span,
                                   const CfPdfPage *page,
                                   GArray          *indices,
                                   const double     rect[4]);

/* A new blank cell (a cell the page prints nothing in) at @row, @col of
 * page number @page, in @rect; no characters, no text range. */
CfPdfCell *cf_pdf_cell_new_blank  (int              row,
                                   int              col,
                                   int              page,
                                   const double     rect[4]);

/* A cell's text from @page's characters @indices (of guint, sorted in place):
 * visual lines top to bottom, left to right; no space between CJK characters,
 * one between Latin words. Sets the byte range of the characters in the
 * document text and, when @bbox is not NULL, their box. */
char      *cf_pdf_text_of_chars   (const CfPdfPage *page,
                                   GArray          *indices,
                                   gint64          *offset,
                                   gint64          *length,
                                   double           bbox[4]);

/* The CfTable of @pt, finished, laid out as @layout. */
CfTable   *cf_pdf_table_to_table  (CfPdfTable      *pt,
                                   const char      *layout);

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

gboolean  cf_pdf_is_cjk            (gunichar         ch);

/* Sorting character indices of @page (passed as the data): by centre y,
 * then x; or by x. */
int       cf_pdf_compare_by_cy     (gconstpointer    a,
                                    gconstpointer    b,
                                    gpointer         page);
int       cf_pdf_compare_by_x      (gconstpointer    a,
                                    gconstpointer    b,
                                    gpointer         page);
void      cf_pdf_sort_indices      (const CfPdfPage *page,
                                    guint           *indices,
                                    guint            n,
                                    GCompareDataFunc func);
/* For g_array_sort() of doubles. */
int       cf_pdf_compare_doubles   (gconstpointer    a,
                                    gconstpointer    b);

/* @first and @second, the text of one cell cut by a page break, as one:
 * no space between CJK characters, one between Latin words. */
char     *cf_pdf_join_cut_text    (const char *first,
                                   const char *second);

/* TRUE for a line that reads like a heading: 三、… （二）… 1. … */
gboolean  cf_pdf_is_heading_text  (const char *text);
/* TRUE for the heading of a section (三、… 第二章…), which no table runs past. */
gboolean  cf_pdf_is_section_heading (const char *text);

/* TRUE when @table is the tick labels of a chart's axes, not a table. */
gboolean  cf_pdf_table_is_chart_axis (CfPdfTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfTable, cf_pdf_table_free)

G_END_DECLS
