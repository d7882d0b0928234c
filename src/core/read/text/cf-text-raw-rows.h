/* cf-text-raw-rows.h: small headed tables of text printed one row a line with single spaces
 *
 * `pdftotext -raw` prints a table's cells in content order, one row a line,
 * words parted by one space, and leaves no trace of a blank cell. A table
 * of a few value columns (主动公开 第二十条第（一）项: 信息内容 本年新制作数量
 * 本年新公开数量 对外公开总数量 / 规章 4 7 2) then reads as a header line of
 * N words and rows of a label and up to N - 1 numbers. This reader takes
 * such runs of headed tables, band lines between them (第二十条第（五）项)
 * included, as one table: a row printing all its header's columns is read
 * as printed; a row printing none is blank when its label is no longer
 * than the labels the run printed whole on one line (else it may be the
 * first line of a wrapped label); any other row keeps its label and its
 * values are left unread (MISSING), never placed by guess. The table goes
 * to the reading as a candidate, kept where the form maps more canonical
 * cells than the other readings did.
 */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

void cf_text_raw_rows_find (CfReading *reading);

G_END_DECLS
