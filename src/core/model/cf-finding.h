/* cf-finding.h: one thing the audit found, with the cells it concerns */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CF_SEVERITY_INFO,
  CF_SEVERITY_WARNING,
  CF_SEVERITY_ERROR,
} CfSeverity;

/* A cell named by a finding: by keys for recognised forms (row/col -1 allowed),
 * by grid position otherwise. */
typedef struct
{
  char *table;   /* table id */
  int   row;
  int   col;
  char *row_key; /* NULL for generic tables */
  char *col_key;
} CfCellRef;

typedef struct
{
  CfSeverity severity;
  char      *rule;       /* "requests.balance", "requests.balance.incomplete", "prose.sum", ... */
  char      *table;      /* table id, NULL for narrative findings */
  GArray    *cells;      /* of CfCellRef; the first is the cell most likely wrong */
  gboolean   has_expected;
  double     expected;
  gboolean   has_actual;
  double     actual;
  char      *message;    /* for a person: what is wrong and where */
  /* Narrative findings: where the sentence is. offset -1 / page 0 when unknown. */
  gint64     offset;
  gint64     length;
  int        page;
  double     bbox[4];
  char      *related_document; /* across-year rules: the other document's path */
} CfFinding;

#define CF_TYPE_FINDING (cf_finding_get_type ())
GType       cf_finding_get_type       (void) G_GNUC_CONST;

CfFinding  *cf_finding_new            (CfSeverity  severity,
                                       const char *rule,
                                       const char *table,
                                       const char *message);
CfFinding  *cf_finding_copy           (const CfFinding *finding);
void        cf_finding_free           (CfFinding  *finding);
void        cf_finding_add_cell       (CfFinding  *finding,
                                       const char *table,
                                       int         row,
                                       int         col,
                                       const char *row_key,
                                       const char *col_key);
void        cf_finding_set_values     (CfFinding  *finding,
                                       gboolean    has_expected,
                                       double      expected,
                                       gboolean    has_actual,
                                       double      actual);
const char *cf_severity_to_string     (CfSeverity  severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFinding, cf_finding_free)

G_END_DECLS
