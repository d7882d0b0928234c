/* cf-text-tables.h: finding tables in plain text, in every layout reports use */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

/* Scans the reading's text and adds to it every table it finds (pipe
 * remnants, tab-separated rows, one cell per line, whitespace-aligned
 * columns, Markdown/pipe tables). Cells carry byte offsets into the text;
 * rows that lost a cell get CF_CELL_FLAG_MISSING slots and a note. */
void cf_text_tables_find (CfReading *reading);

/* The table in [@offset, @offset + @length) of the document's text (lines
 * the analyst selected): the finder's layouts run on exactly that range, and
 * the biggest table they find is returned (a new reference, not added to the
 * document, without its notes; its heading is the label line just above the
 * range). @layout_hint NULL detects the layout; "tab", "aligned", "lines",
 * "pipe" or "markdown" reads every line of the range as that layout. Cell
 * offsets are into the whole text. NULL when the range holds no table. */
CfTable *cf_text_tables_extract_range   (CfDocument *doc,
                                         gint64      offset,
                                         gint64      length,
                                         const char *layout_hint);

/* Aligned text split at columns the analyst placed: @column_starts (@n_columns
 * of them, increasing, at most 64) are the display columns where each column
 * starts, counted from the start of each line as in a monospace view (a wide
 * CJK character takes two; a character belongs to the column it starts in;
 * text left of the first start joins the first column). Each non-blank line
 * is a row; blank slots after a row's first number are empty cells; rows
 * without a number are header rows. Layout "aligned"; NULL when nothing is
 * in the range. */
CfTable *cf_text_tables_extract_columns (CfDocument *doc,
                                         gint64      offset,
                                         gint64      length,
                                         const int  *column_starts,
                                         guint       n_columns);

G_END_DECLS
