/* cf-cell-change.c: one cell of a table in two years */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include "cf-cell-change.h"

struct _CfCellChange
{
  GObject          parent_instance;
  char            *table_id;
  char            *row_key;
  char            *col_key;
  char            *row_label;
  char            *col_label;
  CfCell          *cells[2]; /* old, new */
  CfCellChangeKind kind;
  GPtrArray       *findings;
};

G_DEFINE_FINAL_TYPE (CfCellChange, cf_cell_change, G_TYPE_OBJECT)

static const char *const kind_names[] = {
  "same", "changed", "filled", "blanked", "text", "only_old", "only_new",
};

const char *
cf_cell_change_kind_to_string (CfCellChangeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

static void
cf_cell_change_finalize (GObject *object)
{
  CfCellChange *self = CF_CELL_CHANGE (object);

  g_free (self->table_id);
  g_free (self->row_key);
  g_free (self->col_key);
  g_free (self->row_label);
  g_free (self->col_label);
  g_clear_pointer (&self->cells[0], cf_cell_free);
  g_clear_pointer (&self->cells[1], cf_cell_free);
  g_ptr_array_unref (self->findings);
  G_OBJECT_CLASS (cf_cell_change_parent_class)->finalize (object);
}

static void
cf_cell_change_class_init (CfCellChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_cell_change_finalize;
}

static void
cf_cell_change_init (CfCellChange *self)
{
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
}

/* Missing cells (the source lost them) are blank: nothing was read. */
static CfNumberKind
kind_of (const CfCell *cell)
{
  if (cell->flags & CF_CELL_FLAG_MISSING)
    return CF_NUMBER_BLANK;
  return cell->number.kind;
}

static CfCellChangeKind
classify (const CfCell *old_cell, const CfCell *new_cell)
{
  CfNumberKind a, b;

  if (new_cell == NULL)
    return CF_CELL_CHANGE_ONLY_OLD;
  if (old_cell == NULL)
    return CF_CELL_CHANGE_ONLY_NEW;
  a = kind_of (old_cell);
  b = kind_of (new_cell);
  if (a == CF_NUMBER_VALUE && b == CF_NUMBER_VALUE)
    return old_cell->number.value == new_cell->number.value ? CF_CELL_CHANGE_SAME
                                                            : CF_CELL_CHANGE_CHANGED;
  if (a == CF_NUMBER_BLANK && b == CF_NUMBER_BLANK)
    return CF_CELL_CHANGE_SAME;
  if (a == CF_NUMBER_BLANK && b == CF_NUMBER_VALUE)
    return CF_CELL_CHANGE_FILLED;
  if (a == CF_NUMBER_VALUE && b == CF_NUMBER_BLANK)
    return CF_CELL_CHANGE_BLANKED;
  return g_strcmp0 (old_cell->text, new_cell->text) == 0 ? CF_CELL_CHANGE_SAME
                                                         : CF_CELL_CHANGE_TEXT;
}

CfCellChange *
cf_cell_change_new (const char *table_id, const char *row_key, const char *col_key,
                    const char *row_label, const char *col_label, const CfCell *old_cell,
                    const CfCell *new_cell)
{
  CfCellChange *self = g_object_new (CF_TYPE_CELL_CHANGE, NULL);

  self->table_id = g_strdup (table_id);
  self->row_key = g_strdup (row_key);
  self->col_key = g_strdup (col_key);
  self->row_label = g_strdup (row_label ? row_label : "");
  self->col_label = g_strdup (col_label ? col_label : "");
  self->cells[0] = old_cell ? cf_cell_copy (old_cell) : NULL;
  self->cells[1] = new_cell ? cf_cell_copy (new_cell) : NULL;
  self->kind = classify (old_cell, new_cell);
  return self;
}

const char *
cf_cell_change_get_table_id (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->table_id;
}

const char *
cf_cell_change_get_row_key (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->row_key;
}

const char *
cf_cell_change_get_col_key (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->col_key;
}

const char *
cf_cell_change_get_row_label (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->row_label;
}

const char *
cf_cell_change_get_col_label (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->col_label;
}

const CfCell *
cf_cell_change_get_cell (CfCellChange *self, gboolean new_year)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->cells[new_year ? 1 : 0];
}

CfCellChangeKind
cf_cell_change_get_kind (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), CF_CELL_CHANGE_SAME);
  return self->kind;
}

gboolean
cf_cell_change_get_delta (CfCellChange *self, double *delta)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), FALSE);
  if (self->kind != CF_CELL_CHANGE_CHANGED && self->kind != CF_CELL_CHANGE_SAME)
    return FALSE;
  if (kind_of (self->cells[0]) != CF_NUMBER_VALUE)
    return FALSE;
  *delta = self->cells[1]->number.value - self->cells[0]->number.value;
  return TRUE;
}

gboolean
cf_cell_change_get_relative (CfCellChange *self, double *relative)
{
  double delta;

  if (!cf_cell_change_get_delta (self, &delta) || self->cells[0]->number.value == 0)
    return FALSE;
  *relative = delta / fabs (self->cells[0]->number.value);
  return TRUE;
}

const char *
cf_cell_change_get_text (CfCellChange *self, gboolean new_year)
{
  const CfCell *cell = cf_cell_change_get_cell (self, new_year);

  return cell && cell->text ? cell->text : "";
}

void
cf_cell_change_add_finding (CfCellChange *self, const CfFinding *finding)
{
  g_return_if_fail (CF_IS_CELL_CHANGE (self));
  g_ptr_array_add (self->findings, cf_finding_copy (finding));
}

GPtrArray *
cf_cell_change_get_findings (CfCellChange *self)
{
  g_return_val_if_fail (CF_IS_CELL_CHANGE (self), NULL);
  return self->findings;
}

char *
cf_cell_change_dup_value_text (CfCellChange *self, gboolean new_year)
{
  const CfCell *cell = cf_cell_change_get_cell (self, new_year);

  if (cell == NULL)
    /* TRANSLATORS: a cell that one year's report does not have */
    return g_strdup (_("(none)"));
  if (cell->text == NULL || *cell->text == '\0')
    /* TRANSLATORS: a cell left blank in the report (blank is not zero) */
    return g_strdup (_("(blank)"));
  return g_strdup (cell->text);
}

char *
cf_cell_change_dup_change_text (CfCellChange *self)
{
  double delta = 0, relative = 0;
  g_autofree char *number = NULL;

  switch (cf_cell_change_get_kind (self))
    {
    case CF_CELL_CHANGE_FILLED:
      /* TRANSLATORS: a cell blank last year holds a number this year */
      return g_strdup (_("filled in"));
    case CF_CELL_CHANGE_BLANKED:
      /* TRANSLATORS: a cell that held a number last year is blank this year */
      return g_strdup (_("left blank"));
    case CF_CELL_CHANGE_TEXT:
      /* TRANSLATORS: a cell whose text (not a number) changed */
      return g_strdup (_("text changed"));
    case CF_CELL_CHANGE_ONLY_OLD:
    case CF_CELL_CHANGE_ONLY_NEW:
      /* TRANSLATORS: a cell only one year's report has */
      return g_strdup (_("one year only"));
    case CF_CELL_CHANGE_SAME:
      return g_strdup ("");
    case CF_CELL_CHANGE_CHANGED:
    default:
      break;
    }
  if (!cf_cell_change_get_delta (self, &delta))
    return g_strdup ("");
  number = cf_number_format (delta);
  if (cf_cell_change_get_relative (self, &relative))
    return g_strdup_printf ("%s%s (%+.1f%%)", delta > 0 ? "+" : "", number, relative * 100);
  return g_strdup_printf ("%s%s", delta > 0 ? "+" : "", number);
}
