/* cf-text-layout-rows.h: tables of text converted from a PDF (pdftotext -layout / -raw)
 *
 * Text a PDF converter printed keeps a table's rows but not its grid: a
 * row's label is wrapped over lines above and below its values, the group
 * labels of a row block are interleaved with the row labels, header cells
 * are stacked word by word, and (with -raw) blank cells leave no trace. This
 * reader rebuilds the rows from the sequence itself: labels open at their
 * enumerators (三、 / （三） / 3.) and collect the fragments that continue
 * them, each line of numbers belongs to the label being written, and a label
 * that others nest under becomes their group. A row printing all the table's
 * values is read as printed; a shorter row is read only when the character
 * positions of its numbers fall on the columns the full rows of its page
 * show (-layout); otherwise its values are left unread (MISSING), never
 * guessed. The tables go to the reading as candidates: the loader keeps
 * them only where the form maps more canonical cells than the other text
 * layouts did.
 */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

void cf_text_layout_rows_find (CfReading *reading);

G_END_DECLS
