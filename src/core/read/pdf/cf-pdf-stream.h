/* cf-pdf-stream.h: borderless (stream) tables of a PDF page */
#pragma once

#include "cf-pdf-lines.h"

G_BEGIN_DECLS

/* The table of lines[start..stop) cut into @cols (of CfPdfInterval), the
 * first @n_label_cols of them label columns; its characters are marked in
 * @used and its lines as used. */
CfPdfTable *cf_pdf_stream_table       (const CfPdfPage *page,
                                       GPtrArray       *lines,
                                       guint            start,
                                       guint            stop,
                                       GArray          *cols,
                                       guint            n_label_cols,
                                       gboolean        *used);

/* The borderless tables among @lines (of CfPdfLine, in reading order), each
 * a run of lines with several segments and numbers in them; their
 * characters are marked in @used. Appends CfPdfTable to @tables. */
void        cf_pdf_find_stream_tables (const CfPdfPage *page,
                                       GPtrArray       *lines,
                                       gboolean        *used,
                                       GPtrArray       *tables);

G_END_DECLS
