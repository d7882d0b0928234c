/* cf-test-pdf.h: drawing test PDFs with cairo, and checking what was read
 *
 * Shared by test-pdf and test-pdf-general. Every piece of text drawn with
 * cf_test_pdf_show_at() is remembered with its page and box, so a test can
 * check a cell against where its text was drawn.
 */
#pragma once

#include <cairo.h>

#include "crossfoot.h"

#define CF_TEST_PDF_A4_W 595.0
#define CF_TEST_PDF_A4_H 842.0
#define CF_TEST_PDF_FONT "Noto Sans CJK SC"

typedef void (*CfTestPdfDrawFunc) (cairo_t *cr);

/* A piece of text as drawn: its page and its box (advance by ascent and
 * descent, as poppler boxes characters). */
typedef struct
{
  int    page;
  char  *text;
  double box[4];
} CfTestPdfDrawn;

/* Draws an A4 PDF @dir/@name with @draw and returns its path (free with
 * g_free). Forgets what the previous drawing drew. With $CF_TEST_KEEP_PDF
 * set, a copy is left in that folder. */
char       *cf_test_pdf_draw        (const char        *dir,
                                     const char        *name,
                                     CfTestPdfDrawFunc  draw);
/* Ends the page: what is drawn next is on the next page. */
void        cf_test_pdf_next_page   (cairo_t           *cr);
/* Frees the record of drawn pieces (end of the test program). */
void        cf_test_pdf_forget_drawn (void);
/* The @nth (0-based) piece drawn as @text; fails the test when none. */
const CfTestPdfDrawn *cf_test_pdf_drawn_piece (const char *text,
                                               guint       nth);

/* Loads @path, failing the test unless it is read as a PDF. */
CfDocument *cf_test_pdf_load        (const char        *path);

void        cf_test_pdf_set_font    (cairo_t           *cr,
                                     const char        *family,
                                     double             size);
double      cf_test_pdf_text_width  (cairo_t           *cr,
                                     const char        *text);
/* Draws @text with its left end at @x, and remembers where. */
void        cf_test_pdf_show_at     (cairo_t           *cr,
                                     double             x,
                                     double             baseline,
                                     const char        *text);
/* Draws @text with its right end at @right. */
void        cf_test_pdf_show_right  (cairo_t           *cr,
                                     double             right,
                                     double             baseline,
                                     const char        *text);
/* Lines of @text broken to fit @width (between any two characters, as CJK
 * text breaks); a GPtrArray of strings. */
GPtrArray  *cf_test_pdf_wrap        (cairo_t           *cr,
                                     const char        *text,
                                     double             width);

/* Draws @text inside the box (@x0, @y0)-(@x1, @y1), wrapped to fit with 2 pt
 * to spare each side, flush left, the lines centred down the box. */
void        cf_test_pdf_draw_wrapped (cairo_t          *cr,
                                      const char       *text,
                                      double            x0,
                                      double            y0,
                                      double            x1,
                                      double            y1);

/* ------------------------------------------------------------ ruled tables */

/* A cell of a ruled table as drawn: grid slot, spans and text. */
typedef struct
{
  int row, col, row_span, col_span;
  const char *text;
} CfTestPdfCellSpec;

/* Every cell boxed at @xs x @ys (cell rows less @row_offset index @ys), its
 * text wrapped to fit, flush left, the lines centred down the box. */
void        cf_test_pdf_draw_ruled_wrapped (cairo_t                 *cr,
                                            const double            *xs,
                                            const double            *ys,
                                            const CfTestPdfCellSpec *cells,
                                            guint                    n_cells,
                                            int                      row_offset);
/* Every cell boxed at @xs x @ys; labels (columns before @first_value_col,
 * and the header row 0) flush left, numbers flush right, centred down the
 * box. Texts with '\n' are drawn as so many lines. */
void        cf_test_pdf_draw_ruled  (cairo_t                 *cr,
                                     const double            *xs,
                                     const double            *ys,
                                     const CfTestPdfCellSpec *cells,
                                     guint                    n_cells,
                                     int                      first_value_col);
/* Every drawn cell is a cell of @table with its text, spans, page and
 * rectangle (within 2 pt). */
void        cf_test_pdf_check_ruled_table (CfTable                 *table,
                                           const double            *xs,
                                           const double            *ys,
                                           const CfTestPdfCellSpec *cells,
                                           guint                    n_cells,
                                           int                      row_offset,
                                           int                      page);

/* The first table of @doc whose title holds @title_part, or NULL. */
CfTable    *cf_test_pdf_find_table_titled (CfDocument *doc,
                                           const char *title_part);
/* A table's cells as text, one a line: row, column, spans (and, @with_boxes,
 * page and box), text. */
char       *cf_test_pdf_table_grid  (CfTable           *table,
                                     gboolean           with_boxes);

/* ------------------------------------- the national requests table's rows */

/* A row of the requests table (gip-2021 / gip-2019) as a word processor
 * prints it: three label columns (group, sub-group, item). */
typedef struct
{
  const char *key;
  const char *group;     /* column 0 group label, opens here (or NULL) */
  int         group_rows;
  const char *sub;       /* column 1 group label, opens here (or NULL) */
  int         sub_rows;
  const char *label;     /* the row's own label */
  int         label_col; /* 0: over all three label columns; 1: columns 1-2; 2 */
} CfTestPdfFormRow;

#define CF_TEST_PDF_N_ROWS_2021 25
#define CF_TEST_PDF_N_ROWS_2019 23
#define CF_TEST_PDF_N_FORM_COLS 7
extern const CfTestPdfFormRow cf_test_pdf_rows_2021[CF_TEST_PDF_N_ROWS_2021];
extern const CfTestPdfFormRow cf_test_pdf_rows_2019[CF_TEST_PDF_N_ROWS_2019];
/* The value columns' canonical keys. */
extern const char *const cf_test_pdf_form_cols[CF_TEST_PDF_N_FORM_COLS];
/* Label column edges, then the value columns' right edges. */
extern const double cf_test_pdf_form_label_xs[4];
extern const double cf_test_pdf_form_value_right[CF_TEST_PDF_N_FORM_COLS];
#define CF_TEST_PDF_FORM_FONT 7.5
#define CF_TEST_PDF_FORM_LINE 10.5

/* The value drawn at row @r, column @c (the total the sum of the six). */
int         cf_test_pdf_form_value  (guint              r,
                                     guint              c);
/* Draws @text wrapped in [@x0, @x1], its lines CF_TEST_PDF_FORM_LINE apart
 * and centred on @cy; returns the number of lines. */
guint       cf_test_pdf_draw_label  (cairo_t           *cr,
                                     const char        *text,
                                     double             x0,
                                     double             x1,
                                     double             cy);
