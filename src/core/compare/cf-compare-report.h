/* cf-compare-report.h: a comparison as a report to hand on, in HTML or PDF
 *
 * The report gives the largest changes, every carry-over finding with the
 * two cells it joins and their pages, and the changed sentences of the
 * prose, in the language of the running program (gettext). Both formats are
 * written from the same list of blocks; files are written atomically.
 */
#pragma once
#include "cf-comparison.h"

G_BEGIN_DECLS

/* How many of the largest changes the report lists. */
#define CF_COMPARE_REPORT_N_LARGEST 30

/* The report as one HTML page (UTF-8, styles inline). */
char     *cf_compare_report_to_html    (CfComparison *comparison);
gboolean  cf_compare_report_write_html (CfComparison *comparison,
                                        const char   *path,
                                        GError      **error);
/* The report as an A4 PDF drawn with cairo and Pango. */
gboolean  cf_compare_report_write_pdf  (CfComparison *comparison,
                                        const char   *path,
                                        GError      **error);

G_END_DECLS
