/* cf-pdf-stream-cols.h: the text columns of a borderless table that stand
 * right of its figures (Remark, Source, Note)
 */
#pragma once

#include "cf-pdf-stream-layout.h"

G_BEGIN_DECLS

/* Appends to @cols (the columns cf_pdf_stream_columns found for
 * lines[start..stop)) the columns of text set right of the last of them,
 * found by the gaps that run through the words of every numeric line, and
 * cuts the segments of those lines where they cross such a gap. Returns
 * how many columns it added. */
guint cf_pdf_stream_text_columns (const CfPdfPage *page, GPtrArray *lines, guint start,
                                  guint stop, GArray *cols);

/* Inserts into @cols a column for the text that the numeric lines of
 * lines[start..stop) set between two columns of figures right of the
 * @n_label_cols label columns, in two lines or more: the measures between a
 * column of codes ("3.1") and the amounts. Returns how many it inserted. */
guint cf_pdf_stream_inner_text_columns (GPtrArray *lines, guint start, guint stop, GArray *cols,
                                        guint n_label_cols);

/* The numeric line (from lines[start]) that lines[start + rel], a line
 * of labels alone, reaches through lines of one segment each touching the
 * next, going up (@dir -1) or down (+1): the line of figures of a cell set
 * in several lines. -1 when there is none. */
int   cf_pdf_stream_touching_body (GPtrArray *lines, guint start, guint n_lines, guint rel,
                                   int dir);

/* Cuts the segments of @lines where two CJK characters stand apart by a
 * good part of a character: no run of Chinese text is set so, but a
 * printer that pads its cells narrowly (LibreOffice) leaves no wider gap
 * between a group label wrapped in its column and the item label beside it
 * ("他处" | "收费通知"), or between heads of narrow columns ("结果" | "结果"
 * | "其他"), and the line cut joined them. Returns how many cuts it made. */
guint cf_pdf_stream_split_spaced_cjk (const CfPdfPage *page, GPtrArray *lines);

/* Whether the figures of body lines @a and @b stand in the same columns
 * (two of them or more, or the one each has, start or end at one x). */
gboolean cf_pdf_stream_figures_aligned (CfPdfLine *a, CfPdfLine *b);

/* Whether two figures or more of body line @b stand in the columns of the
 * table's numeric lines lines[@start..@stop). */
gboolean cf_pdf_stream_figures_in_columns (GPtrArray *lines, guint start, guint stop, CfPdfLine *b);

/* Whether the figures of body line @b fit the table's columns though fewer
 * than two stand in them: the others in columns left blank above. */
gboolean cf_pdf_stream_figures_fit_blank_columns (GPtrArray *lines, guint start, guint stop,
                                                  CfPdfLine *b);

G_END_DECLS
