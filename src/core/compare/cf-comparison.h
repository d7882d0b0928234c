/* cf-comparison.h: two reports of one body side by side
 *
 * A comparison takes two audited documents (the earlier year first: they are
 * swapped when their years say otherwise), matches their tables cell by cell
 * (cf-table-diff.h), aligns their prose (cf-text-diff.h) and runs the rules
 * across years of their forms (report-forms.md, "Rules across years") with
 * cf_audit_batch on copies, so the documents themselves are not changed.
 */
#pragma once
#include <gio/gio.h>
#include "cf-document.h"
#include "cf-table-diff.h"
#include "cf-text-diff.h"

G_BEGIN_DECLS

typedef enum
{
  CF_COMPARE_NONE = 0,
  /* Compare reports of different bodies (a body renamed, a merger): they are
   * then taken as one body, and the carry-over rules run between them. */
  CF_COMPARE_FORCE = 1 << 0,
} CfCompareFlags;

/* Whether @a and @b are reports of the same body: equal after normalising
 * (Traditional/Simplified, widths, spaces). FALSE when either is unknown. */
gboolean cf_comparison_same_body (const char *a,
                                  const char *b);

/* Pairs among @n reports of which @bodies and @years are known (NULL / 0
 * where not): each report is paired with the latest earlier report of the
 * same body. Returns a GArray of guint pairs {older index, newer index},
 * newer reports in order. */
GArray  *cf_comparison_find_pairs (const char *const *bodies,
                                   const int         *years,
                                   guint              n);

#define CF_TYPE_COMPARISON (cf_comparison_get_type ())
G_DECLARE_FINAL_TYPE (CfComparison, cf_comparison, CF, COMPARISON, GObject)

/* Compares two audited documents. NULL with CF_ERROR_INVALID when both
 * bodies are known and differ (unless CF_COMPARE_FORCE), or when @old_doc
 * and @new_doc are one document; the message names both files. */
CfComparison *cf_comparison_new (CfDocument     *old_doc,
                                 CfDocument     *new_doc,
                                 CfCompareFlags  flags,
                                 GError        **error);

/* The earlier (@new_year FALSE) or later report. */
CfDocument   *cf_comparison_get_document      (CfComparison *self,
                                               gboolean      new_year);
/* The documents' years (0 when unknown). */
int           cf_comparison_get_year          (CfComparison *self,
                                               gboolean      new_year);
/* "2020" or, without a year, the file name: how a column names its year. */
const char   *cf_comparison_get_year_label    (CfComparison *self,
                                               gboolean      new_year);
/* A GListModel of CfTableDiff. */
GListModel   *cf_comparison_get_tables        (CfComparison *self);
CfTextDiff   *cf_comparison_get_text          (CfComparison *self);
/* The findings of the rules across years (of CfFinding), on the later
 * report's cells; each names the earlier report in related_document. */
GPtrArray    *cf_comparison_get_carry_findings (CfComparison *self);
/* Why no carry-over rule ran, in words (not consecutive years, a year or
 * a form unknown), or NULL when they ran. */
const char   *cf_comparison_get_carry_note    (CfComparison *self);
/* Notes on the pairing ("bodies differ: compared as forced"), a
 * NULL-terminated array. */
const char *const *cf_comparison_get_notes    (CfComparison *self);
/* Cells that changed, largest first: by absolute change, then a number that
 * appeared or went blank, then other changes; at most @max (0: all). A new
 * GPtrArray of CfCellChange (refs). */
GPtrArray    *cf_comparison_list_largest_changes (CfComparison *self,
                                                  guint         max);
/* The cell that a carry-over finding's @index-th cell names, in the year it
 * belongs to (the first in the later report, the second in the earlier),
 * and that year. */
const CfCell *cf_comparison_get_finding_cell  (CfComparison    *self,
                                               const CfFinding *finding,
                                               guint            index,
                                               gboolean        *new_year);

/* The change of the cell with canonical keys in table @table_id (the later
 * report's id), or NULL. */
CfCellChange *cf_comparison_find_change       (CfComparison *self,
                                               const char   *table_id,
                                               const char   *row_key,
                                               const char   *col_key);
/* Calls @func for the text changes in reading order: a section's heading
 * (@sentence NULL) before its first changed sentence, or alone for a
 * section found in one year only ("Only in 2022: 六、…"), then each changed
 * sentence. @heading is translated and ready to show. */
typedef void (*CfTextChangeFunc) (const char             *heading,
                                  const CfSentenceChange *sentence,
                                  gpointer                data);
void          cf_comparison_foreach_text_change (CfComparison    *self,
                                                 CfTextChangeFunc func,
                                                 gpointer         data);

G_END_DECLS
