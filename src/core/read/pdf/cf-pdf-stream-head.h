/* cf-pdf-stream-head.h: the head of a borderless table set in narrow
 * columns over its figures
 *
 * A table of many narrow columns (the appeals table: fifteen columns of
 * 结果维持 / 结果纠正 / … / 总计) printed by Chromium sets the words of its
 * head so close that a line of them reads as one segment, and the head's
 * lines apart from its single row of figures: such a head was no head, and
 * a single row without one no table.
 */
#pragma once

#include "cf-pdf-lines.h"

G_BEGIN_DECLS

/* Whether @line, one segment of text above the numeric line @body, is a
 * head set in its columns: three words or more (runs of characters apart by a gap), each
 * starting where a figure of @body starts or centred on one. */
gboolean cf_pdf_head_over_figures   (const CfPdfPage *page,
                                     CfPdfLine       *line,
                                     CfPdfLine       *body);

/* Whether no line of lines[start..stop) is one segment of three words or
 * more only some of which stand over a figure of @body: where figures are
 * left blank, the words over them place no column, and the row's figures
 * cannot be told apart. */
gboolean cf_pdf_head_read_whole     (const CfPdfPage *page,
                                     GPtrArray       *lines,
                                     guint            start,
                                     guint            stop,
                                     CfPdfLine       *body);

/* Cuts each segment of @line, a head over the figures of @body, into its
 * words that start at a figure of @body. */
void     cf_pdf_split_head_at_figures (const CfPdfPage *page,
                                       CfPdfLine       *line,
                                       CfPdfLine       *body);

G_END_DECLS
