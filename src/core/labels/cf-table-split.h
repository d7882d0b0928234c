/* cf-table-split.h: where a table's header rows and label columns end
 *
 * One answer for everything that reads a table as printed: the totals check
 * (audit/cf-totals.c) sums below and right of it, the grid and the findings
 * (cf-cell-labels.c) name cells by what lies above and left of it.
 */
#pragma once

#include "cf-table.h"

G_BEGIN_DECLS

typedef struct
{
  int n_header_rows; /* rows on top that name columns */
  int n_label_cols;  /* leading columns that name rows: the first value column */
} CfTableSplit;

typedef enum
{
  CF_AMOUNT_NONE,   /* no cell, a covered slot, or text that is not a number */
  CF_AMOUNT_BLANK,  /* blank, placeholder or a cell the source lost */
  CF_AMOUNT_NUMBER,
} CfAmountKind;

typedef struct
{
  CfAmountKind kind;
  double       value;
  int          decimals; /* printed after the point */
} CfAmount;

/* The amount the cell at (@row, @col) states: shares and years are not amounts, (1,234.50) is
 * −1234.50, a merged cell is read once, at its origin. */
CfAmount cf_table_split_amount  (CfTable      *table,
                                 int           row,
                                 int           col);
/* A cell that names rather than states: a header cell, text, or a merged blank (a group label
 * continued from the previous page). */
gboolean cf_cell_is_label       (const CfCell *cell);
/* The level of a total label: 小计 1; 合计, 共计, Total 2; 总计 3; 0 when it is none. */
int      cf_label_total_level   (const char   *text);
/* Decides @table's header rows and label columns. */
void     cf_table_split         (CfTable      *table,
                                 CfTableSplit *split);

G_END_DECLS
