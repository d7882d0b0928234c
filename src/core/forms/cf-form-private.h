/* cf-form-private.h: the loaded forms as the audit walks them (core only) */
#pragma once

#include "cf-form.h"
#include "cf-expr.h"
#include "cf-finding.h"
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A row or a column of a form table. */
typedef struct
{
  char      *id;
  char      *label;          /* as the national form prints it */
  char     **match_labels;   /* label and synonyms, normalised (and without remarks in brackets) */
  gunichar **match_chars;    /* the same as characters, each 0-terminated */
  char      *group;          /* label of the group it sits under, or NULL */
  char      *group_norm;
  gunichar  *group_chars;
  gboolean   group_optional; /* the group may be missing from the print */
  gboolean   unlabelled;     /* a row that prints no label (appeals.cases) */
  gboolean   count;          /* columns: a count (whole, >= 0); FALSE for money and changes */
  GStrv      columns;        /* rows: the columns this row has, NULL for all */
  GStrv      instead_of;     /* rows a print may give in its place (其他处理 or its
                              * three items): absent beside them, it drops out of
                              * the rules; absent alone, it was lost and is unknown */
} CfFormItem;

typedef struct
{
  char      *id;
  char      *heading;
  char     **match_headings; /* normalised */
  GPtrArray *rows;           /* of CfFormItem */
  GPtrArray *columns;        /* of CfFormItem */
  GStrv      group_labels;   /* normalised labels of every row group (for group context) */
} CfFormTable;

typedef enum
{
  CF_RULE_FOR_EACH_ROW,
  CF_RULE_FOR_EACH_COLUMN,
  CF_RULE_FOR_EACH_CELL,
} CfRuleScope;

typedef struct
{
  char        *id;
  char        *table;        /* NULL: every table of the form (cell checks) */
  CfRuleScope  scope;
  char        *expr_text;
  CfExpr      *expr;         /* NULL for cell checks */
  gboolean     check_count;  /* "check": "count" */
  char        *description;
  char        *suspect;      /* key preferred as the likely-wrong cell */
  GStrv        only;         /* restrict to these rows (per row) / columns (per column) */
  CfSeverity   severity;
} CfFormRule;

typedef struct
{
  char *table;
  char *row;    /* one of row / column */
  char *column;
  int   weight;
} CfFormFeature;

/* A cell of a form table, by keys. */
typedef struct
{
  char *table;
  char *row;
  char *column;
} CfFormCellKey;

/* A figure the prose of a report states, and the cells it must equal (their
 * sum). The words are matched in the sentence's Simplified, half-width text,
 * around the number: before it back to the clause's start, after it up to
 * the next break. */
typedef struct
{
  char      *id;
  char      *stated;       /* what the prose states, for messages ("收到政府信息公开申请") */
  char      *cell_name;    /* the cells, for messages ("“本年新收…数量”总计") */
  GStrv      objects;      /* what is counted: one names it (after the number if words follow it) */
  GStrv      verbs;        /* one must be there too; NULL when none is needed */
  GStrv      none;         /* none of these may be */
  GStrv      unambiguous;  /* with one of these an exact figure that disagrees is an error */
  GArray    *cells;        /* of CfFormCellKey */
} CfFormStatement;

typedef struct
{
  char      *id;
  char      *title;
  char      *path;         /* where it was loaded from */
  int        year_min;
  int        year_max;
  GPtrArray *tables;       /* of CfFormTable */
  GPtrArray *rules;        /* of CfFormRule */
  GPtrArray *year_rules;   /* of CfFormRule, with prev. terms */
  GArray    *features;     /* of CfFormFeature */
  GPtrArray *statements;   /* of CfFormStatement */
  GStrv      markers;      /* labels that only a table of this form prints */
} CfForm;

guint              cf_form_registry_get_n_forms (CfFormRegistry *self);
const CfForm      *cf_form_registry_get_nth     (CfFormRegistry *self,
                                                 guint           index);
const CfForm      *cf_form_registry_lookup      (CfFormRegistry *self,
                                                 const char     *form_id);

const CfFormTable *cf_form_get_table            (const CfForm      *form,
                                                 const char        *table_id);
const CfFormItem  *cf_form_table_get_row        (const CfFormTable *table,
                                                 const char        *row_id);
const CfFormItem  *cf_form_table_get_column     (const CfFormTable *table,
                                                 const char        *column_id);

/* Labels as the forms compare them: cf_normalize_label, and the same
 * without remarks in brackets ("部分公开（区分处理的…）" -> "部分公开"). */
char              *cf_form_strip_remarks        (const char        *normalised);
/* Similarity of two normalised labels in [0, 1] (longest common subsequence). */
double             cf_form_label_similarity     (const char        *a,
                                                 const char        *b);
/* The same on 0-terminated characters; 0 early when it cannot reach @min. */
double             cf_form_chars_similarity     (const gunichar    *a,
                                                 const gunichar    *b,
                                                 double             min);
gunichar          *cf_form_chars_new            (const char        *utf8);

/* Reading form files (cf-form-parse.c). */
CfForm            *cf_form_parse                (JsonNode          *root,
                                                 const char        *path,
                                                 GError           **error);
void               cf_form_free                 (CfForm            *form);
const CfFormItem  *cf_form_find_item            (GPtrArray         *items,
                                                 const char        *id);
/* Sets @error to "<file>: <what>" and returns FALSE. */
gboolean           cf_form_invalid              (GError           **error,
                                                 const char        *path,
                                                 const char        *format,
                                                 ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
