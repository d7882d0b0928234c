/* cf-cell-labels.c: row and column labels read off the grid
 *
 * Tables follow the grid conventions of the readers: label cells first, value
 * cells after them, header rows on top; where they end is cf_table_split's
 * call, the one the totals check makes. A row's label is the text of its label
 * cells (merged ones included); a column's label is the text of the header
 * cells above it, leaving out a header that spans every value column.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cf-cell-labels.h"
#include "cf-form.h"
#include "cf-normalize.h"
#include "cf-number.h"
#include "cf-table-split.h"

struct _CfTableLabels
{
  CfTable   *table;        /* not owned: the labels live on the table */
  int        n_header_rows;
  int        first_value_col;
  GArray    *label_cols;   /* of int, per row: how many leading columns are labels */
  GPtrArray *row_labels;   /* of char*, NULL until asked */
  GPtrArray *col_labels;
  char      *form_id;      /* the document's form, for columns the header misnames */
  int        traditional;  /* printed in Traditional characters: 1, not: 0, unknown: -1 */
};

static int
count_label_cols (CfTable *table, int row)
{
  int n_cols = cf_table_get_n_cols (table);
  int c = 0;

  while (c < n_cols)
    {
      CfCell *cell = cf_table_get_cell (table, row, c);

      if (cell == NULL || !cf_cell_is_label (cell))
        break;
      c = cell->col + MAX (cell->col_span, 1);
    }
  return c;
}

static void
cf_table_labels_free (CfTableLabels *labels)
{
  g_array_unref (labels->label_cols);
  g_ptr_array_unref (labels->row_labels);
  g_ptr_array_unref (labels->col_labels);
  g_free (labels->form_id);
  g_free (labels);
}

static CfTableLabels *
cf_table_labels_new (CfTable *table)
{
  CfTableLabels *labels = g_new0 (CfTableLabels, 1);
  int n_rows = cf_table_get_n_rows (table);
  int n_cols = cf_table_get_n_cols (table);

  labels->table = table;
  labels->traditional = -1;
  labels->label_cols = g_array_sized_new (FALSE, TRUE, sizeof (int), n_rows);
  labels->row_labels = g_ptr_array_new_full (n_rows, g_free);
  labels->col_labels = g_ptr_array_new_full (n_cols, g_free);
  g_ptr_array_set_size (labels->row_labels, n_rows);
  g_ptr_array_set_size (labels->col_labels, n_cols);

  {
    CfTableSplit split;

    cf_table_split (table, &split);
    labels->n_header_rows = split.n_header_rows;
    labels->first_value_col = split.n_label_cols;
  }
  /* Within that split, a row's own label may end earlier (a blank label
   * cell is a value to fill in) or reach further (a heading across the
   * row): which of its cells are shown, not edited. */
  for (int r = 0; r < n_rows; r++)
    {
      int n = r < labels->n_header_rows ? 0 : count_label_cols (table, r);

      g_array_append_val (labels->label_cols, n);
    }
  return labels;
}

CfTableLabels *
cf_table_labels_for (CfTable *table)
{
  CfTableLabels *labels = g_object_get_data (G_OBJECT (table), "cf-table-labels");

  if (labels == NULL)
    {
      labels = cf_table_labels_new (table);
      g_object_set_data_full (G_OBJECT (table), "cf-table-labels", labels,
                              (GDestroyNotify) cf_table_labels_free);
    }
  return labels;
}

CfTableLabels *
cf_table_labels_for_document (CfDocument *doc, CfTable *table)
{
  CfTableLabels *labels = cf_table_labels_for (table);
  const char *form = doc != NULL ? cf_document_get_form (doc) : NULL;

  if (g_strcmp0 (labels->form_id, form) != 0)
    {
      g_free (labels->form_id);
      labels->form_id = g_strdup (form);
      for (guint i = 0; i < labels->col_labels->len; i++)
        g_clear_pointer (&g_ptr_array_index (labels->col_labels, i), g_free);
    }
  return labels;
}

void
cf_table_labels_forget (CfTable *table)
{
  g_object_set_data (G_OBJECT (table), "cf-table-labels", NULL);
}

int
cf_table_labels_get_n_header_rows (CfTableLabels *labels)
{
  return labels->n_header_rows;
}

int
cf_table_labels_get_n_label_cols (CfTableLabels *labels)
{
  return labels->first_value_col;
}

gboolean
cf_table_labels_is_fixed (CfTableLabels *labels, int row, int col)
{
  CfCell *cell = cf_table_get_cell (labels->table, row, col);

  if (cell == NULL || cell->row != row || cell->col != col)
    return TRUE;
  if (row < labels->n_header_rows || (cell->flags & CF_CELL_FLAG_HEADER))
    return TRUE;
  return col < g_array_index (labels->label_cols, int, row);
}

static void
append_level (GString *out, const char *text)
{
  const char *level;

  if (text == NULL || *text == '\0')
    return;
  level = cf_normalize_skip_enumerator (text);
  /* "第12行" is not an enumerator before "行": a name that would be left
   * with one character keeps its number, or every row would sound alike. */
  if (g_utf8_strlen (level, -1) <= 1)
    level = text;
  if (out->len > 0)
    g_string_append (out, " / ");
  g_string_append (out, level);
}

const char *
cf_table_labels_row (CfTableLabels *labels, int row)
{
  char *label;

  if (row < 0 || (guint) row >= labels->row_labels->len)
    return "";
  label = g_ptr_array_index (labels->row_labels, row);
  if (label == NULL)
    {
      GString *out = g_string_new (NULL);
      int n = g_array_index (labels->label_cols, int, row);

      if (row < labels->n_header_rows)
        n = 1;
      for (int c = 0; c < n;)
        {
          CfCell *cell = cf_table_get_cell (labels->table, row, c);

          if (cell == NULL)
            {
              c++;
              continue;
            }
          append_level (out, cell->text);
          c = cell->col + MAX (cell->col_span, 1);
        }
      if (out->len == 0)
        {
          if (row < labels->n_header_rows)
            g_string_append_printf (out, _("Header %d"), row + 1);
          else
            g_string_append_printf (out, _("Row %d"), row + 1);
        }
      label = g_string_free (out, FALSE);
      g_ptr_array_index (labels->row_labels, row) = label;
    }
  return label;
}

char *
cf_table_labels_in_print (CfTableLabels *labels, const char *simplified)
{
  if (simplified == NULL)
    return NULL;
  if (labels->traditional < 0)
    {
      /* The label cells say which characters the table is printed in. */
      g_autoptr (GString) sample = g_string_new (NULL);
      g_autofree char *simple = NULL;

      for (guint i = 0; i < cf_table_get_n_cells (labels->table) && sample->len < 4096; i++)
        {
          CfCell *cell = cf_table_get_cell_at (labels->table, i);

          if (cell->text != NULL && cell->number.kind == CF_NUMBER_TEXT)
            g_string_append (sample, cell->text);
        }
      simple = cf_normalize_t2s (sample->str);
      labels->traditional = strcmp (simple, sample->str) != 0;
    }
  return labels->traditional ? cf_normalize_s2t (simplified) : g_strdup (simplified);
}

/* The form's label of mapped column @col when the printed header above it
 * does not name it (a header the extraction could not line up, or none),
 * so that a cell is named the same in the grid, the findings and the form;
 * NULL when the printed header will do. */
static char *
form_col_label (CfTableLabels *labels, int col, const char *printed)
{
  int n_rows = cf_table_get_n_rows (labels->table);
  const char *col_key = NULL;
  char *label;

  if (labels->form_id == NULL)
    return NULL;
  for (int r = labels->n_header_rows; r < n_rows && col_key == NULL; r++)
    {
      CfCell *cell = cf_table_get_cell (labels->table, r, col);

      if (cell != NULL && cell->col == col && cell->col_key != NULL)
        col_key = cell->col_key;
    }
  if (col_key == NULL)
    return NULL;
  label = cf_form_registry_get_key_label (cf_form_registry_get_default (), labels->form_id,
                                          cf_table_get_id (labels->table), col_key, FALSE);
  if (label != NULL && printed != NULL && *printed != '\0')
    {
      g_autofree char *want = cf_normalize_label (label);
      g_autofree char *have = cf_normalize_label (printed);

      if (*want != '\0' && strstr (have, want) != NULL)
        g_clear_pointer (&label, g_free);
    }
  if (label != NULL)
    {
      char *printed_label = cf_table_labels_in_print (labels, label);

      g_free (label);
      label = printed_label;
    }
  return label;
}

const char *
cf_table_labels_col (CfTableLabels *labels, int col)
{
  char *label;
  int n_cols = cf_table_get_n_cols (labels->table);

  if (col < 0 || col >= n_cols)
    return "";
  label = g_ptr_array_index (labels->col_labels, col);
  if (label == NULL)
    {
      GString *out = g_string_new (NULL);
      int n_values = n_cols - labels->first_value_col;

      for (int r = 0; r < labels->n_header_rows;)
        {
          CfCell *cell = cf_table_get_cell (labels->table, r, col);
          gboolean spans_all_values;

          if (cell == NULL)
            {
              r++;
              continue;
            }
          /* A header over every value column ("申请人情况") names none of them,
           * nor does a corner note that reaches over from the label columns. */
          spans_all_values = col >= labels->first_value_col && n_values > 1 &&
                             cell->col <= labels->first_value_col &&
                             cell->col + cell->col_span >= n_cols;
          if (col >= labels->first_value_col && cell->col < labels->first_value_col)
            spans_all_values = TRUE;
          if (!spans_all_values)
            append_level (out, cell->text);
          r = cell->row + MAX (cell->row_span, 1);
        }
      label = form_col_label (labels, col, out->str);
      if (label != NULL)
        g_string_assign (out, label);
      g_free (label);
      if (out->len == 0)
        g_string_append_printf (out, _("Column %d"), col + 1);
      label = g_string_free (out, FALSE);
      g_ptr_array_index (labels->col_labels, col) = label;
    }
  return label;
}

/* A column of row labels: no value cell below the header rows. */
static gboolean
is_label_column (CfTableLabels *labels, int col)
{
  int n_rows = cf_table_get_n_rows (labels->table);

  for (int r = labels->n_header_rows; r < n_rows; r++)
    {
      CfCell *cell = cf_table_get_cell (labels->table, r, col);

      if (cell != NULL && cell->row == r && cell->col == col &&
          !cf_table_labels_is_fixed (labels, r, col))
        return FALSE;
    }
  return TRUE;
}

char *
cf_table_labels_column_title (CfTableLabels *labels, int col)
{
  CfTable *table = labels->table;
  const char *form = labels->form_id;
  int n_rows = cf_table_get_n_rows (table);

  for (int r = 0; form != NULL && r < n_rows; r++)
    {
      CfCell *cell = cf_table_get_cell (table, r, col);
      g_autofree char *label = NULL;

      if (cell == NULL || cell->col != col || cell->col_key == NULL)
        continue;
      label = cf_form_registry_get_key_label (cf_form_registry_get_default (), form,
                                              cf_table_get_id (table), cell->col_key, FALSE);
      if (label != NULL)
        return cf_table_labels_in_print (labels, label);
    }
  if (form != NULL && is_label_column (labels, col) && (col == 0 || is_label_column (labels, col - 1)))
    {
      /* Row labels of a mapped form table: the printed header is often a
       * sentence. The first label column names them all. */
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        if (cf_table_get_cell_at (table, i)->row_key != NULL)
          /* Translators: the title of the column of row labels of a form's table. */
          return g_strdup (col > 0 && is_label_column (labels, col - 1) ? "" : _("Item"));
    }
  return g_strdup (cf_table_labels_col (labels, col));
}

char *
cf_table_labels_cell (CfTableLabels *labels, int row, int col)
{
  return g_strdup_printf ("%s, %s",
                          cf_table_labels_row (labels, row),
                          cf_table_labels_col (labels, col));
}

char *
cf_form_display_name (const char *form_id)
{
  const char *p;

  if (form_id == NULL)
    return NULL;
  /* "gip-2021": the edition's year is what tells the national forms apart. */
  for (p = form_id; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
        && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
      {
        g_autofree char *year = g_strndup (p, 4);

        /* Translators: a national report form by its edition's year ("2021 Form"). */
        return g_strdup_printf (_("%s Form"), year);
      }
  return g_strdup (form_id);
}

char *
cf_table_display_name (CfTable *table, guint index)
{
  const char *id = cf_table_get_id (table);
  const char *title = cf_table_get_title (table);
  int page = cf_table_get_page (table);

  if (g_strcmp0 (id, "proactive") == 0)
    return g_strdup ("二、主动公开政府信息情况");
  if (g_strcmp0 (id, "requests") == 0)
    return g_strdup ("三、收到和处理政府信息公开申请情况");
  if (g_strcmp0 (id, "appeals") == 0)
    return g_strdup ("四、政府信息公开行政复议、行政诉讼情况");
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (page > 0)
    return g_strdup_printf (_("Table %u · page %d"), index + 1, page);
  return g_strdup_printf (_("Table %u"), index + 1);
}

CfCell *
cf_finding_resolve_cell (CfDocument      *doc,
                         const CfFinding *finding,
                         guint            index,
                         CfTable        **table_out)
{
  const CfCellRef *ref;
  const char *table_id;
  CfTable *table;
  CfCell *cell = NULL;

  if (table_out != NULL)
    *table_out = NULL;
  if (finding->cells == NULL || index >= finding->cells->len)
    return NULL;
  ref = &g_array_index (finding->cells, CfCellRef, index);
  table_id = ref->table != NULL ? ref->table : finding->table;
  if (table_id == NULL || (table = cf_document_find_table (doc, table_id)) == NULL)
    return NULL;
  if (ref->row_key != NULL && ref->col_key != NULL)
    cell = cf_table_find_by_keys (table, ref->row_key, ref->col_key);
  if (cell == NULL && ref->row >= 0 && ref->col >= 0)
    cell = cf_table_get_cell (table, ref->row, ref->col);
  if (cell != NULL && table_out != NULL)
    *table_out = table;
  return cell;
}

const char *
cf_severity_display (CfSeverity severity)
{
  switch (severity)
    {
    case CF_SEVERITY_ERROR:
      /* Translators: a finding's severity, before what it says. */
      return _("Error");
    case CF_SEVERITY_WARNING:
      return _("Warning");
    case CF_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

static char *
format_value (double value)
{
  return cf_number_format (value);
}

/* A total: a form's total row or column, or one the table marks as such. */
static gboolean
is_total_cell (CfTable *table, const CfCell *cell)
{
  if (cell->col_key != NULL && g_str_has_suffix (cell->col_key, "total"))
    return TRUE;
  if (cell->row_key != NULL && g_str_has_suffix (cell->row_key, "total"))
    return TRUE;
  return cf_table_get_row_role (table, cell->row) == CF_ROW_ROLE_TOTAL ||
         cf_table_get_col_role (table, cell->col) == CF_ROW_ROLE_TOTAL;
}

/* "4 + 2 = " when the finding's cell is a total and the other cells are
 * parts that add up to the expected value. (When a part is the likely wrong
 * cell, its expected value is a difference: no sum to show.) */
static void
append_parts (GString *out, CfDocument *doc, const CfFinding *finding)
{
  g_autoptr (GString) parts = g_string_new (NULL);
  double sum = 0;
  CfTable *table = NULL;
  CfCell *first;

  if (finding->cells == NULL || finding->cells->len < 3)
    return;
  first = cf_finding_resolve_cell (doc, finding, 0, &table);
  if (first == NULL || !is_total_cell (table, first))
    return;
  for (guint i = 1; i < finding->cells->len; i++)
    {
      CfCell *cell = cf_finding_resolve_cell (doc, finding, i, NULL);
      g_autofree char *value = NULL;

      if (cell == NULL || cell->number.kind != CF_NUMBER_VALUE)
        return;
      sum += cell->number.value;
      value = format_value (cell->number.value);
      if (parts->len > 0)
        g_string_append (parts, " + ");
      g_string_append (parts, value);
    }
  if (fabs (sum - finding->expected) > 1e-6)
    return;
  g_string_append (out, parts->str);
  g_string_append (out, " = ");
}

char *
cf_finding_describe (CfDocument *doc, const CfFinding *finding)
{
  GString *out = g_string_new (cf_severity_display (finding->severity));
  CfTable *table = NULL;
  CfCell *cell = cf_finding_resolve_cell (doc, finding, 0, &table);

  /* Translators: between a finding's severity and what it says ("Error: …"). */
  g_string_append (out, _(": "));
  if (cell == NULL)
    {
      g_string_append (out, finding->message != NULL ? finding->message : finding->rule);
      return g_string_free (out, FALSE);
    }

  g_autofree char *where = cf_table_labels_cell (cf_table_labels_for_document (doc, table),
                                                 cell->row, cell->col);
  const char *message = finding->message;

  g_string_append (out, where);
  g_string_append (out, "：");
  /* The audit's message names the cell its own way ("予以公开, 总计：…"):
   * said once is enough. */
  if (message != NULL)
    {
      const char *colon = strstr (message, "：");

      if (colon != NULL && colon > message)
        {
          g_autofree char *named = g_strndup (message, (gsize) (colon - message));

          if (strstr (where, named) != NULL)
            message = colon + strlen ("：");
        }
    }
  if (finding->has_actual && finding->has_expected)
    {
      g_autofree char *actual = format_value (finding->actual);
      g_autofree char *expected = format_value (finding->expected);

      g_string_append_printf (out, "%s ≠ ", actual);
      append_parts (out, doc, finding);
      g_string_append (out, expected);
    }
  else if (message != NULL)
    g_string_append (out, message);
  else
    g_string_append (out, finding->rule);
  return g_string_free (out, FALSE);
}
