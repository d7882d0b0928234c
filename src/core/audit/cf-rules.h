/* cf-rules.h: a form's rules checked on the tables matched to it (core only) */
#pragma once

#include "cf-form-match-private.h"

G_BEGIN_DECLS

/* Adds to @findings the form's rules failing on @mapped, after the cells it
 * lost that @notes (the extraction's) do not already name. */
void     cf_rules_check_table (CfMappedTable *mapped,
                               GPtrArray     *notes,
                               GPtrArray     *findings);
/* Adds to @doc the rules across years of @form failing against @prev, the
 * same body's report of the year before. */
void     cf_rules_check_years (CfDocument    *doc,
                               CfDocument    *prev,
                               const CfForm  *form);
/* TRUE when a rule across years of @form reads that cell. */
gboolean cf_rules_year_reads  (const CfForm  *form,
                               const char    *table_id,
                               const char    *row_key,
                               const char    *col_key);

G_END_DECLS
