/* cf-csv.h: tables and findings out as CSV (RFC 4180, spreadsheet-inert) */
#pragma once

#include "cf-document.h"
#include "cf-review.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CSV_UTF8,
  CF_CSV_UTF8_BOM,
  CF_CSV_GB18030,
} CfCsvEncoding;

/* Text a spreadsheet would run as a formula or a command (it begins with =,
 * +, -, @, a tab or a carriage return) with a leading apostrophe, as OWASP's
 * CSV-injection guidance says; NULL when @text is safe as it is: plain
 * numbers such as -5, +3, -1,234.5 or -12% and the lone dash reports print
 * for zero. Every CSV field and every xlsx text cell goes through it:
 * reports come from the internet. */
char       *cf_spreadsheet_inert_text   (const char    *text);

/* Parses "utf-8", "utf-8-bom", "gb18030" (case-insensitive). */
gboolean    cf_csv_encoding_from_string (const char    *name,
                                         CfCsvEncoding *out);

/* The table as an RFC 4180 CSV (UTF-8, CRLF line ends); merged cells keep
 * their text in the first slot and leave the covered slots empty. */
char       *cf_csv_table_to_string  (CfTable       *table);
/* The table for a spreadsheet: one header row naming each column as the
 * grid does (cf_table_labels_column_title: levels of a multi-level header
 * joined by " / "), then the rows below the header rows. @doc may be NULL
 * (no form: the printed headers). */
char       *cf_csv_table_to_string_headed (CfDocument *doc,
                                           CfTable    *table);
/* cf_csv_table_to_string_headed, then (after an empty line, with its own header row
 * row,column,row_key,column_key,extracted,printed,corrected,findings) one
 * line per cell an extraction fix changed, the analyst restated (the report
 * printed a wrong figure: cf_review_restate) or a finding names: the text as
 * extracted, as printed, the right figure and the findings' states
 * (cf_review_finding_state and rule, "; " between). @review may be NULL. */
char       *cf_csv_table_to_string_full (CfDocument *doc,
                                         CfTable    *table,
                                         CfReview   *review);
/* Whether one of @finding's cells is @cell of @table. */
gboolean    cf_finding_names_cell   (const CfFinding *finding,
                                     CfTable         *table,
                                     const CfCell    *cell);
/* The findings naming @cell, as "open-error rule; accepted-warning rule". */
char       *cf_export_cell_finding_states (CfDocument   *doc,
                                           CfReview     *review,
                                           CfTable      *table,
                                           const CfCell *cell);
/* Writes @utf8 to @path atomically in @encoding. */
gboolean    cf_csv_write_file       (const char    *path,
                                     const char    *utf8,
                                     CfCsvEncoding  encoding,
                                     GError       **error);
/* One CSV per table into @dir: <basename>-<table id>.csv. Returns the paths written. */
GPtrArray  *cf_csv_write_tables     (CfDocument    *doc,
                                     const char    *dir,
                                     CfCsvEncoding  encoding,
                                     GError       **error);
/* cf_csv_write_tables with each table as cf_csv_table_to_string_full. */
GPtrArray  *cf_csv_write_tables_with_review (CfDocument    *doc,
                                             CfReview      *review,
                                             const char    *dir,
                                             CfCsvEncoding  encoding,
                                             GError       **error);
/* export --long: the header line and the rows of every canonical cell.
 * @doc may be NULL to append only the header. */
void        cf_csv_append_long      (GString       *out,
                                     CfDocument    *doc,
                                     gboolean       with_header);
/* The long CSV with six more columns: table_title (the table as the report
 * names it, cf_table_display_name), extracted (the text before an extraction
 * fix), corrected (the analyst's right figure where the report is wrong),
 * findings (the states of the findings naming the cell, as
 * cf_export_cell_finding_states), row_label and column_label (the cell's row
 * and column as the grid names them, in the report's characters). */
void        cf_csv_append_long_with_review (GString    *out,
                                            CfDocument *doc,
                                            CfReview   *review,
                                            gboolean    with_header);
/* cf_csv_append_long_with_review for a batch: document paths relative to
 * @base_dir, the batch's folder, when they lie under it. */
void        cf_csv_append_long_in_batch (GString    *out,
                                         CfDocument *doc,
                                         CfReview   *review,
                                         const char *base_dir,
                                         gboolean    with_header);
/* The findings as CSV (header document,severity,rule,table,cells,expected,
 * actual,message); @doc may be NULL to append only the header. */
void        cf_csv_append_findings  (GString       *out,
                                     CfDocument    *doc,
                                     gboolean       with_header);
/* The same with two more columns, accepted ("true"/"false") and note: the
 * analyst's verdict from @review (NULL: nothing accepted). */
void        cf_csv_append_findings_with_review (GString    *out,
                                                CfDocument *doc,
                                                CfReview   *review,
                                                gboolean    with_header);

/* cf_csv_append_findings_with_review with paths relative to @base_dir. */
void        cf_csv_append_findings_in_batch (GString    *out,
                                             CfDocument *doc,
                                             CfReview   *review,
                                             const char *base_dir,
                                             gboolean    with_header);

G_END_DECLS
