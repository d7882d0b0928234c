#include "cf-finding.h"
#include <string.h>

G_DEFINE_BOXED_TYPE (CfFinding, cf_finding, cf_finding_copy, cf_finding_free)

static void
clear_cell_ref (gpointer data)
{
  CfCellRef *ref = data;

  g_free (ref->table);
  g_free (ref->row_key);
  g_free (ref->col_key);
}

CfFinding *
cf_finding_new (CfSeverity severity, const char *rule, const char *table, const char *message)
{
  CfFinding *finding = g_new0 (CfFinding, 1);

  finding->severity = severity;
  finding->rule = g_strdup (rule);
  finding->table = g_strdup (table);
  finding->message = g_strdup (message);
  finding->cells = g_array_new (FALSE, TRUE, sizeof (CfCellRef));
  g_array_set_clear_func (finding->cells, clear_cell_ref);
  finding->offset = -1;
  return finding;
}

CfFinding *
cf_finding_copy (const CfFinding *finding)
{
  CfFinding *copy = cf_finding_new (finding->severity, finding->rule, finding->table,
                                    finding->message);

  for (guint i = 0; i < finding->cells->len; i++)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, i);
      cf_finding_add_cell (copy, ref->table, ref->row, ref->col, ref->row_key, ref->col_key);
    }
  copy->has_expected = finding->has_expected;
  copy->expected = finding->expected;
  copy->has_actual = finding->has_actual;
  copy->actual = finding->actual;
  copy->offset = finding->offset;
  copy->length = finding->length;
  copy->page = finding->page;
  memcpy (copy->bbox, finding->bbox, sizeof copy->bbox);
  copy->related_document = g_strdup (finding->related_document);
  return copy;
}

void
cf_finding_free (CfFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->table);
  g_free (finding->message);
  g_free (finding->related_document);
  g_array_unref (finding->cells);
  g_free (finding);
}

void
cf_finding_add_cell (CfFinding *finding, const char *table, int row, int col,
                     const char *row_key, const char *col_key)
{
  CfCellRef ref = {
    .table = g_strdup (table),
    .row = row,
    .col = col,
    .row_key = g_strdup (row_key),
    .col_key = g_strdup (col_key),
  };

  g_array_append_val (finding->cells, ref);
}

void
cf_finding_set_values (CfFinding *finding, gboolean has_expected, double expected,
                       gboolean has_actual, double actual)
{
  finding->has_expected = has_expected;
  finding->expected = expected;
  finding->has_actual = has_actual;
  finding->actual = actual;
}

const char *
cf_severity_to_string (CfSeverity severity)
{
  switch (severity)
    {
    case CF_SEVERITY_ERROR:
      return "error";
    case CF_SEVERITY_WARNING:
      return "warning";
    case CF_SEVERITY_INFO:
    default:
      return "info";
    }
}
