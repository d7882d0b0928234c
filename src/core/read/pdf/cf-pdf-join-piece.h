/* cf-pdf-join-piece.h: a part of a borderless table over a page break,
 * put on the columns of the part before it */
#pragma once

#include "cf-pdf-table.h"

G_BEGIN_DECLS

/* Whether borderless @piece (at the top of a page, whose columns its own
 * rows could not find as @table's: one or two rows, a column blank
 * throughout, label columns merged) goes on in @table's
 * columns, the page geometry being the same: each of its figures lies over
 * exactly one value column of @table, in order, and its labels left of
 * them. If so, its cells are moved onto @table's columns (the value
 * columns it leaves empty get blank cells) and TRUE is returned; else
 * @piece is left as it was. @table must show as many value columns as any
 * other part of its table among @tables (of CfPdfTable). */
gboolean cf_pdf_join_piece_fit (GPtrArray *tables, const CfPdfTable *table, CfPdfTable *piece);

/* Marks missing the figures of each row of borderless @table (a table
 * joined across pages) where two labels cross, one spanning the column the
 * other starts in (（六）其他处理 read on the line of the item 5. above it):
 * whose row they are cannot be told. */
void cf_pdf_join_piece_doubt_crossed_rows (CfPdfTable *table);

G_END_DECLS
