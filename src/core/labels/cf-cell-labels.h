/* cf-cell-labels.h: naming cells and findings the way the printed table does */
#pragma once

#include "cf-document.h"
#include "cf-finding.h"
#include "cf-table.h"

G_BEGIN_DECLS

typedef struct _CfTableLabels CfTableLabels;

/* The labels of @table, computed on first use and kept with the table. */
CfTableLabels *cf_table_labels_for          (CfTable       *table);
/* The same, naming mapped columns by @doc's form where the printed header does not. */
CfTableLabels *cf_table_labels_for_document (CfDocument    *doc,
                                             CfTable       *table);
int            cf_table_labels_get_n_header_rows (CfTableLabels *labels);
/* How many leading columns name the rows: the first value column. */
int            cf_table_labels_get_n_label_cols  (CfTableLabels *labels);
/* Drops the labels kept with @table (after a structure edit changed its grid). */
void           cf_table_labels_forget       (CfTable       *table);
/* TRUE for header cells, row labels and covered slots: shown, not edited. */
gboolean       cf_table_labels_is_fixed     (CfTableLabels *labels,
                                             int            row,
                                             int            col);
/* "本年新收政府信息公开申请数量"; levels joined by " / ". */
const char    *cf_table_labels_row          (CfTableLabels *labels,
                                             int            row);
/* "法人或其他组织 / 商业企业". */
const char    *cf_table_labels_col          (CfTableLabels *labels,
                                             int            col);
/* The title of column @col as the grid shows it: for a table of the
 * document's form (cf_table_labels_for_document) the form's own label of a
 * mapped column, in the table's characters, and "Item" over its row labels;
 * else the printed header cells above it, levels joined by " / ". */
char          *cf_table_labels_column_title (CfTableLabels *labels,
                                             int            col);
/* @simplified (a form's label) in the characters @labels' table is printed in. */
char          *cf_table_labels_in_print     (CfTableLabels *labels,
                                             const char    *simplified);
/* "<row label>, <column label>". */
char          *cf_table_labels_cell         (CfTableLabels *labels,
                                             int            row,
                                             int            col);

/* A form id ("gip-2021") as a person reads it: "2021 Form" (translated),
 * the id itself when it holds no year; NULL for NULL. */
char          *cf_form_display_name         (const char    *form_id);
/* The name shown in the tables list: canonical for forms, else title or "Table N". */
char          *cf_table_display_name        (CfTable       *table,
                                             guint          index);

/* The cell @finding names at @index (origin cell), and its table; NULL if gone. */
CfCell        *cf_finding_resolve_cell      (CfDocument      *doc,
                                             const CfFinding *finding,
                                             guint            index,
                                             CfTable        **table);
/* "错误", "警告", "提示". */
const char    *cf_severity_display          (CfSeverity       severity);
/* One line for a person: "错误：本年新收政府信息公开申请数量, 总计：5 ≠ 4 + 2 = 6". */
char          *cf_finding_describe          (CfDocument      *doc,
                                             const CfFinding *finding);

G_END_DECLS
