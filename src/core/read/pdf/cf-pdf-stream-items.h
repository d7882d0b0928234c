/* cf-pdf-stream-items.h: rows of a borderless table that print no figure
 *
 * A report that prints zeros blank leaves some item rows without a single
 * figure: their label stands alone in its column, and no line of figures
 * takes it. Such a label is a row all the same, never a group label nor a
 * piece of the header.
 */
#pragma once

#include "cf-pdf-stream-layout.h"

G_BEGIN_DECLS

/* Marks the rows of @rows (top to bottom) that lie above the first line of
 * figures of lines[start..start+n_lines) as head rows, and makes a row of
 * its own (its figures blank) of each numbered item label ("2.…", "（一）…")
 * in the last label column that no row took (@pieces with row -1) and that
 * lies under the first line of figures with no row of figures beside it;
 * the pieces it takes get that row. */
void cf_pdf_rows_for_blank_items (GPtrArray *lines, guint start, guint n_lines, GArray *cols,
                                  guint n_label_cols, GPtrArray *rows, GArray *pieces);

G_END_DECLS
