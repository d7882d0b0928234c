/* cf-clipboard.h: a range of a table as tab-separated text for the clipboard */
#pragma once

#include "cf-table.h"

G_BEGIN_DECLS

/* Rows r0..r1 and columns c0..c1 (inclusive) of @table as tab-separated
 * lines joined by "\n", the way spreadsheets paste them: each merged cell's
 * text in its first slot, tabs and line breaks inside a cell turned into
 * spaces (they would split it), and text a spreadsheet would run as a
 * formula made inert, as in every export (cf_spreadsheet_inert_text). */
char *cf_clipboard_range_text (CfTable *table,
                               int      r0,
                               int      c0,
                               int      r1,
                               int      c1);

G_END_DECLS
