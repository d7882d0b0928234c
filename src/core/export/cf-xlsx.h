/* cf-xlsx.h: a document's tables and findings as an Excel workbook
 *
 * One sheet per table (named by its id), numbers as numbers, merged cells
 * merged, cells a finding names filled red (error) or amber (warning) with the
 * finding's message as a comment; then a "findings" sheet listing every
 * finding with the analyst's verdict. Written atomically (a temporary file in
 * the same folder, renamed over @path).
 */
#pragma once

#include "cf-review.h"

G_BEGIN_DECLS

/* FALSE when built without libxlsxwriter (cf_xlsx_write then fails). */
gboolean cf_xlsx_available         (void);
gboolean cf_xlsx_write             (CfDocument  *doc,
                                    const char  *path,
                                    GError     **error);
/* @review (may be NULL) supplies the accepted column and the notes. */
gboolean cf_xlsx_write_with_review (CfDocument  *doc,
                                    CfReview    *review,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
