/* cf-pdf-lines.h: a PDF page's text as lines and segments
 *
 * What the borderless (stream) finders work on: the characters no ruled
 * table took, cut into lines by baseline and each line into segments by gaps
 * wider than a character.
 */
#pragma once

#include "cf-number.h"
#include "cf-pdf-table.h"

G_BEGIN_DECLS

/* A run of a line's characters with no wide gap in it. */
typedef struct
{
  double x0, x1;
  GArray *chars; /* of guint */
  char *text;
  CfNumberKind kind;
} CfPdfSegment;

typedef struct
{
  double y0, y1, cy, h;
  double x0, x1;
  GArray *chars;    /* of guint, by x */
  GPtrArray *segments;
  gboolean used;    /* belongs to a table */
  char *text;
  guint n_labels;   /* leading segments that are labels: 1, or more in
                       an area the analyst cut into columns */
  int panel;        /* 0, or a side of tables set side by side (odd: left) */
} CfPdfLine;

/* A line's box before any character: empty, so that the first one sets it. */
void          cf_pdf_line_box_empty (CfPdfLine       *line);
/* Grows @line's box over character @c. */
void          cf_pdf_line_cover     (CfPdfLine       *line,
                                     const CfPdfChar *c);
void          cf_pdf_segment_free   (CfPdfSegment    *seg);
void          cf_pdf_line_free      (CfPdfLine       *line);

/* CF_NUMBER_VALUE when @text reads as a number ("(1,234)" and "（5）" too:
 * accounts print negatives so), else CF_NUMBER_TEXT. */
CfNumberKind  cf_pdf_number_kind    (const char      *text);

/* The lines (of CfPdfLine, top to bottom) of the characters of @page not
 * marked in @used. */
GPtrArray    *cf_pdf_find_lines     (const CfPdfPage *page,
                                     const gboolean  *used);

/* Sets @table's title from the heading above @top (and above no other
 * table) among @lines, between @x0 and @x1. */
void          cf_pdf_find_title     (GPtrArray       *lines,
                                     double           top,
                                     double           x0,
                                     double           x1,
                                     CfPdfTable      *table);

/* TRUE for a line of a table's body: a label or a few, then numbers. */
gboolean      cf_pdf_line_is_body   (CfPdfLine       *line);

G_END_DECLS
