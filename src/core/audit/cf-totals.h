/* cf-totals.h: auditing generic tables that print a total row or column */
#pragma once

#include "cf-document.h"
#include "cf-table-split.h"

G_BEGIN_DECLS

/* Checks every row or column labelled 合计, 总计, 小计, 共计, 总数, Total or
 * Subtotal against the block it totals (nested subtotals included) and adds
 * findings (rule "table.total") to @doc. @table is not a recognised form.
 * Returns how many totals were checked. */
guint cf_totals_check_table (CfDocument *doc,
                             CfTable    *table);

/* The header rows and label columns the check assumes for @table: the grid's
 * (cf_table_labels_get_n_header_rows, cf_table_labels_get_n_label_cols). */
void  cf_totals_get_split   (CfTable      *table,
                             CfTableSplit *split);

G_END_DECLS
