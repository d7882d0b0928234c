/* cf-pdf-stream-layout.h: laying a borderless table's lines out in columns
 * and rows
 *
 * The pieces the stream finder puts together: the columns of a block of
 * lines, the rows its lines make, where header segments and labels wrapped
 * over lines go, and the group labels set down the rows they head.
 */
#pragma once

#include "cf-pdf-lines.h"

G_BEGIN_DECLS

/* A column: its left and right edge. */
typedef struct
{
  double x0, x1;
} CfPdfInterval;

/* A row being filled: per column the characters that go in it. */
typedef struct
{
  double y0, y1;
  GPtrArray *cols; /* per column: GArray of char indices, or NULL */
  int *spans;
  gboolean head;      /* above the table's first line of figures: no group goes on it */
  gboolean bare_item; /* an item's own label, its figures all blank */
} CfPdfStreamRow;

#define CF_PDF_ROUTED (-2) /* a line of labels alone, placed piece by piece */

/* A label segment not on a row of its own: the rest of a wrapped label, or
 * (part of) a group label set down the rows it heads. */
typedef struct
{
  guint    rel;     /* its line, from the block's first */
  guint    seg;     /* its segment there */
  int      col, last;
  int      row;     /* the row it continues, or -1 */
  gboolean on_body; /* on a numeric line (beside that row's own label) */
} CfPdfPiece;

/* A group label: its column and the rows it spans. */
typedef struct
{
  int     col;
  int     row, row_span;
  double  y0, y1;
  GArray *chars; /* of guint */
} CfPdfGroup;

/* Whether @line, a numbered item alone on its line, is the first line of
 * the label of the numeric line @below. */
gboolean        cf_pdf_starts_wrapped_label   (CfPdfLine          *line,
                                               CfPdfLine          *below);

/* For g_array_sort() of CfPdfInterval, by left edge. */
int             cf_pdf_compare_intervals      (gconstpointer       a,
                                               gconstpointer       b);
/* The first and last of @cols (of CfPdfInterval) @seg overlaps, else the
 * nearest one. */
void            cf_pdf_columns_of_segment     (GArray             *cols,
                                               const CfPdfSegment *seg,
                                               int                *first,
                                               int                *last);

CfPdfStreamRow *cf_pdf_stream_row_new         (guint               n_cols);
void            cf_pdf_stream_row_free        (CfPdfStreamRow     *row);
/* Adds the segments of @line not in @skip (NULL: none) to @row, each in
 * its columns of @cols. @forced: per segment, the first and last column it
 * is known to go in (first -1: not known), or NULL. */
void            cf_pdf_stream_row_add_line    (CfPdfStreamRow     *row,
                                               GArray             *cols,
                                               CfPdfLine          *line,
                                               const gboolean     *skip,
                                               const int          *forced);

/* The columns (of CfPdfInterval, appended to @cols) of a table made of
 * lines[start..stop), and how many of them are label columns (0 to 4);
 * FALSE when the lines are no table. */
gboolean        cf_pdf_stream_columns         (GPtrArray          *lines,
                                               guint               start,
                                               guint               stop,
                                               GArray             *cols,
                                               guint              *n_label_cols_out);

/* Columns for the segments of the header lines above the first numeric
 * line, as cf_pdf_stream_row_add_line() takes them; NULL when there is no
 * such header line, else one array (or NULL) a line, to be freed. */
int           **cf_pdf_place_header_segments  (GPtrArray          *lines,
                                               guint               start,
                                               guint               n_lines,
                                               GArray             *cols,
                                               guint               n_label_cols,
                                               const int          *joins);

/* Cuts label segments that ran over the edge of a label column. */
void            cf_pdf_split_at_label_columns (const CfPdfPage    *page,
                                               GPtrArray          *lines,
                                               guint               start,
                                               guint               stop,
                                               GArray             *cols,
                                               guint               n_label_cols);

void            cf_pdf_group_free             (CfPdfGroup         *group);

/* Joins every piece of label text (of CfPdfPiece) that starts in the last label column
 * whose line overlaps a line of figures alone (a printer that centres the
 * figures on a label wrapped over two lines: Chromium) to that line's row. */
void            cf_pdf_route_pieces_to_bare_rows (GPtrArray       *lines,
                                                  guint            start,
                                                  guint            n_lines,
                                                  GArray          *cols,
                                                  guint            n_label_cols,
                                                  const int       *row_of,
                                                  GPtrArray       *rows,
                                                  GArray          *pieces);

/* Joins every piece (of CfPdfPiece) that goes on a label of the line above
 * or below it in its column to that label's row. */
void            cf_pdf_route_label_pieces     (GPtrArray          *lines,
                                               guint               start,
                                               guint               n_lines,
                                               GArray             *cols,
                                               const int          *joins,
                                               const int          *row_of,
                                               GPtrArray          *rows,
                                               GArray             *pieces);

/* The pieces no row took are group labels: adds them to @groups (of
 * CfPdfGroup) and returns the slots (rows x columns) they cover, or NULL. */
gboolean       *cf_pdf_place_group_labels     (const CfPdfPage    *page,
                                               GPtrArray          *lines,
                                               guint               start,
                                               GArray             *cols,
                                               guint               n_label_cols,
                                               GPtrArray          *rows,
                                               GArray             *pieces,
                                               GPtrArray          *groups);

G_END_DECLS
