/* cf-cell-change.h: one cell of a table in two years, and how it changed */
#pragma once
#include <glib-object.h>
#include "cf-cell.h"
#include "cf-finding.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CELL_CHANGE_SAME,     /* the same value (or the same blank) both years */
  CF_CELL_CHANGE_CHANGED,  /* a number both years, not the same */
  CF_CELL_CHANGE_FILLED,   /* blank last year, a number this year (blank is not zero) */
  CF_CELL_CHANGE_BLANKED,  /* a number last year, blank this year */
  CF_CELL_CHANGE_TEXT,     /* text that is not a number changed */
  CF_CELL_CHANGE_ONLY_OLD, /* the new report has no such cell (another form, a lost cell) */
  CF_CELL_CHANGE_ONLY_NEW, /* the old report has no such cell */
} CfCellChangeKind;

/* "same", "changed", "filled", "blanked", "text", "only_old", "only_new" */
const char *cf_cell_change_kind_to_string (CfCellChangeKind kind);

#define CF_TYPE_CELL_CHANGE (cf_cell_change_get_type ())
G_DECLARE_FINAL_TYPE (CfCellChange, cf_cell_change, CF, CELL_CHANGE, GObject)

/* @old_cell / @new_cell are copied; either may be NULL (not in that year).
 * @row_key and @col_key are canonical keys, or NULL for generic tables. */
CfCellChange     *cf_cell_change_new (const char   *table_id,
                                      const char   *row_key,
                                      const char   *col_key,
                                      const char   *row_label,
                                      const char   *col_label,
                                      const CfCell *old_cell,
                                      const CfCell *new_cell);

/* The table id in the new report (the old one's when only there). */
const char       *cf_cell_change_get_table_id  (CfCellChange *self);
const char       *cf_cell_change_get_row_key   (CfCellChange *self);
const char       *cf_cell_change_get_col_key   (CfCellChange *self);
/* Labels as printed (the form's labels for recognised tables). */
const char       *cf_cell_change_get_row_label (CfCellChange *self);
const char       *cf_cell_change_get_col_label (CfCellChange *self);
/* The cell in the old (@new_year FALSE) or new report, or NULL. */
const CfCell     *cf_cell_change_get_cell      (CfCellChange *self,
                                                gboolean      new_year);
CfCellChangeKind  cf_cell_change_get_kind      (CfCellChange *self);
/* new − old; FALSE when either is not a number. */
gboolean          cf_cell_change_get_delta     (CfCellChange *self,
                                                double       *delta);
/* (new − old) / |old|; FALSE when either is not a number or old is 0. */
gboolean          cf_cell_change_get_relative  (CfCellChange *self,
                                                double       *relative);
/* What a cell shows: its text, or "" when absent. */
const char       *cf_cell_change_get_text      (CfCellChange *self,
                                                gboolean      new_year);
/* What the cell of a year shows for a person: its text, "(blank)" or
 * "(none)" (translated). */
char             *cf_cell_change_dup_value_text (CfCellChange *self,
                                                 gboolean      new_year);
/* The change in words: "+18 (+150.0%)", "filled in", "left blank", … or "". */
char             *cf_cell_change_dup_change_text (CfCellChange *self);
/* Carry-over findings that name this cell (of either year); the change
 * keeps a copy. */
void              cf_cell_change_add_finding   (CfCellChange    *self,
                                                const CfFinding *finding);
GPtrArray        *cf_cell_change_get_findings  (CfCellChange *self);

G_END_DECLS
