/* cf-csv.c: tables and findings out as CSV
 *
 * CSV follows RFC 4180: fields holding a comma, a quote, CR or LF are quoted,
 * quotes are doubled, lines end in CRLF; text that would run as a formula is
 * made inert first (cf_spreadsheet_inert_text). Holds the writer, the
 * table CSV (with its evidence lines), the long CSV and the findings CSV.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include "cf-csv.h"
#include "cf-export-private.h"
#include "cf-cell-labels.h"
#include "cf-form.h"
#include "cf-error.h"

gboolean
cf_csv_encoding_from_string (const char *name, CfCsvEncoding *out)
{
  static const struct
  {
    const char   *name;
    CfCsvEncoding encoding;
  } names[] = {
    { "utf-8", CF_CSV_UTF8 },        { "utf8", CF_CSV_UTF8 },
    { "utf-8-bom", CF_CSV_UTF8_BOM }, { "utf8-bom", CF_CSV_UTF8_BOM },
    { "gb18030", CF_CSV_GB18030 },
  };

  if (name == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *out = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

/* Spreadsheet safety ---------------------------------------------------- */

/* An ASCII number a spreadsheet reads as one: a sign, digits with , or .
 * between them, an optional %. Nothing else can follow the sign. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;

  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        continue;
      if ((*p == ',' || *p == '.') && g_ascii_isdigit (p[1]))
        continue;
      return *p == '%' && p[1] == '\0';
    }
  return TRUE;
}

char *
cf_spreadsheet_inert_text (const char *text)
{
  if (text == NULL || text[0] == '\0' || strchr ("=+-@\t\r", text[0]) == NULL)
    return NULL;
  if (strcmp (text, "-") == 0 || is_plain_number (text))
    return NULL;
  return g_strconcat ("'", text, NULL);
}

/* CSV ------------------------------------------------------------------- */

static void
append_field (GString *out, const char *field)
{
  g_autofree char *inert = NULL;

  if (field == NULL)
    return;
  inert = cf_spreadsheet_inert_text (field);
  if (inert != NULL)
    field = inert;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString *out, const char *const *fields, gsize n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* Rows @from.. of @table, one CSV line each; covered slots of a merged cell
 * stay empty. */
static void
append_rows (GString *out, CfTable *table, int from)
{
  int n_rows = cf_table_get_n_rows (table);
  int n_cols = cf_table_get_n_cols (table);

  for (int r = from; r < n_rows; r++)
    {
      for (int c = 0; c < n_cols; c++)
        {
          CfCell *cell = cf_table_get_origin_cell (table, r, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (cell != NULL)
            append_field (out, cell->text);
        }
      g_string_append (out, "\r\n");
    }
}

char *
cf_csv_table_to_string (CfTable *table)
{
  GString *out = g_string_new (NULL);

  append_rows (out, table, 0);
  return g_string_free (out, FALSE);
}

char *
cf_csv_table_to_string_headed (CfDocument *doc, CfTable *table)
{
  GString *out = g_string_new (NULL);
  CfTableLabels *labels = cf_table_labels_for_document (doc, table);
  int n_cols = cf_table_get_n_cols (table);

  /* One header row: each column named as the grid names it. */
  for (int c = 0; c < n_cols; c++)
    {
      g_autofree char *title = cf_table_labels_column_title (labels, c);

      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, title);
    }
  g_string_append (out, "\r\n");
  append_rows (out, table, cf_table_labels_get_n_header_rows (labels));
  return g_string_free (out, FALSE);
}

gboolean
cf_csv_write_file (const char *path, const char *utf8, CfCsvEncoding encoding, GError **error)
{
  g_autofree char *converted = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize len = strlen (utf8);

  switch (encoding)
    {
    case CF_CSV_UTF8:
      break;

    case CF_CSV_UTF8_BOM:
      converted = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
      len += 3;
      break;

    case CF_CSV_GB18030:
      /* GB18030 maps all of Unicode, so this only fails on invalid UTF-8. */
      converted = g_convert (utf8, (gssize) len, "GB18030", "UTF-8", NULL, &len, &local_error);
      if (converted == NULL)
        {
          g_autofree char *name = g_path_get_basename (path);

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: cannot be written as GB18030 (%s)"),
                       name, local_error->message);
          return FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  /* g_file_set_contents writes a temporary file and renames it: atomic. */
  if (!g_file_set_contents (path, converted ? converted : utf8, (gssize) len, &local_error))
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be written (%s)"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* "report.txt" -> "report"; "-" (standard input) -> "stdin". */
static char *
document_stem (CfDocument *doc)
{
  const char *path = cf_document_get_path (doc);
  g_autofree char *base = g_path_get_basename (path ? path : "-");
  char *dot;

  if (g_strcmp0 (path, "-") == 0 || g_strcmp0 (base, "-") == 0)
    return g_strdup ("stdin");
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

GPtrArray *
cf_csv_write_tables (CfDocument *doc, const char *dir, CfCsvEncoding encoding, GError **error)
{
  return cf_csv_write_tables_with_review (doc, NULL, dir, encoding, error);
}

GPtrArray *
cf_csv_write_tables_with_review (CfDocument *doc, CfReview *review, const char *dir,
                                 CfCsvEncoding encoding, GError **error)
{
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stem = document_stem (doc);
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      g_autofree char *name = g_strdup_printf ("%s-%s.csv", stem, cf_table_get_id (table));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *csv = cf_csv_table_to_string_full (doc, table, review);

      if (!cf_csv_write_file (path, csv, encoding, error))
        return NULL;
      g_ptr_array_add (written, g_steal_pointer (&path));
    }
  return g_steal_pointer (&written);
}

/* The value as printed in CSV: empty when the cell holds no number. */
static char *
cell_value_string (const CfCell *cell)
{
  if (cell->number.kind != CF_NUMBER_VALUE)
    return g_strdup ("");
  return cf_number_format (cell->number.value);
}

/* Position of @key in @keys (the form's declared order), or the end. */
static guint
key_rank (GPtrArray *keys, const char *key)
{
  for (guint i = 0; keys && i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), key) == 0)
      return i;
  return keys ? keys->len : 0;
}

typedef struct
{
  CfCell *cell;
  guint   row_rank;
  guint   col_rank;
} RankedCell;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const RankedCell *x = a, *y = b;

  if (x->row_rank != y->row_rank)
    return x->row_rank < y->row_rank ? -1 : 1;
  if (x->col_rank != y->col_rank)
    return x->col_rank < y->col_rank ? -1 : 1;
  /* Same keys twice (should not happen): keep grid order. */
  if (x->cell->row != y->cell->row)
    return x->cell->row < y->cell->row ? -1 : 1;
  return x->cell->col < y->cell->col ? -1 : (x->cell->col > y->cell->col);
}

/* The canonical cells of @table in the order report-forms.md lists rows and
 * columns (grid order where the form does not say). */
static GPtrArray *
keyed_cells_in_form_order (const char *form, CfTable *table)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();
  g_autoptr (GPtrArray) row_keys = NULL;
  g_autoptr (GPtrArray) col_keys = NULL;
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedCell));
  GPtrArray *cells = g_ptr_array_new ();

  if (form != NULL)
    {
      row_keys = cf_form_registry_list_keys (registry, form, cf_table_get_id (table), TRUE);
      col_keys = cf_form_registry_list_keys (registry, form, cf_table_get_id (table), FALSE);
    }
  for (guint c = 0; c < cf_table_get_n_cells (table); c++)
    {
      CfCell *cell = cf_table_get_cell_at (table, c);
      RankedCell r;

      if (cell->row_key == NULL || cell->col_key == NULL)
        continue;
      r.cell = cell;
      r.row_rank = key_rank (row_keys, cell->row_key);
      r.col_rank = key_rank (col_keys, cell->col_key);
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (cells, g_array_index (ranked, RankedCell, i).cell);
  return cells;
}

/* Evidence: what the analyst changed and what the audit says, per cell --- */

static gboolean
ref_names_cell (const CfFinding *finding, const CfCellRef *ref, CfTable *table, const CfCell *cell);

gboolean
cf_finding_names_cell (const CfFinding *finding, CfTable *table, const CfCell *cell)
{
  for (guint j = 0; finding->cells && j < finding->cells->len; j++)
    if (ref_names_cell (finding, &g_array_index (finding->cells, CfCellRef, j), table, cell))
      return TRUE;
  return FALSE;
}

static gboolean
ref_names_cell (const CfFinding *finding, const CfCellRef *ref, CfTable *table, const CfCell *cell)
{
  const char *table_id = ref->table ? ref->table : finding->table;

  if (g_strcmp0 (table_id, cf_table_get_id (table)) != 0)
    return FALSE;
  if (ref->row_key && ref->col_key && cell->row_key && cell->col_key)
    return g_strcmp0 (ref->row_key, cell->row_key) == 0
           && g_strcmp0 (ref->col_key, cell->col_key) == 0;
  return ref->row >= cell->row && ref->row < cell->row + cell->row_span
         && ref->col >= cell->col && ref->col < cell->col + cell->col_span;
}

char *
cf_export_cell_finding_states (CfDocument *doc, CfReview *review, CfTable *table,
                               const CfCell *cell)
{
  GPtrArray *findings = cf_document_get_findings (doc);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CfFinding *finding = g_ptr_array_index (findings, i);

      for (guint j = 0; finding->cells && j < finding->cells->len; j++)
        if (ref_names_cell (finding, &g_array_index (finding->cells, CfCellRef, j), table, cell))
          {
            if (out->len > 0)
              g_string_append (out, "; ");
            g_string_append_printf (out, "%s %s", cf_review_finding_state (review, finding),
                                    finding->rule ? finding->rule : "");
            break;
          }
    }
  return g_string_free (out, FALSE);
}

/* The text of @cell before an extraction fix changed it, else "". */
static const char *
extracted_text (const CfCell *cell)
{
  return (cell->flags & CF_CELL_FLAG_CORRECTED) && cell->original_text ? cell->original_text : "";
}

char *
cf_csv_table_to_string_full (CfDocument *doc, CfTable *table, CfReview *review)
{
  static const char *const header[] = {
    "row", "column", "row_key", "column_key", "extracted", "printed", "corrected", "findings",
  };
  GString *out = g_string_new (NULL);
  g_autofree char *grid = cf_csv_table_to_string_headed (doc, table);
  gboolean any = FALSE;

  g_string_append (out, grid);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      const char *corrected = review ? cf_review_get_restated (review, table, cell, NULL) : NULL;
      g_autofree char *states = doc ? cf_export_cell_finding_states (doc, review, table, cell)
                                    : g_strdup ("");
      g_autofree char *row = NULL, *col = NULL;
      const char *fields[8];

      if (corrected == NULL && !(cell->flags & CF_CELL_FLAG_CORRECTED) && *states == '\0')
        continue;
      if (!any)
        {
          /* After an empty line, one line per cell the analyst corrected or
           * a finding names: printed, corrected and the findings' state. */
          g_string_append (out, "\r\n");
          append_row (out, header, G_N_ELEMENTS (header));
          any = TRUE;
        }
      row = g_strdup_printf ("%d", cell->row + 1);
      col = g_strdup_printf ("%d", cell->col + 1);
      fields[0] = row;
      fields[1] = col;
      fields[2] = cell->row_key;
      fields[3] = cell->col_key;
      fields[4] = extracted_text (cell);
      fields[5] = cell->text;
      fields[6] = corrected ? corrected : "";
      fields[7] = states;
      append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}

/* @path relative to @base_dir when it lies under it (a batch's folder), else as given. */
static char *
display_path_under (const char *path, const char *base_dir)
{
  if (path != NULL && base_dir != NULL && *base_dir != '\0')
    {
      g_autofree char *base = g_canonicalize_filename (base_dir, NULL);
      g_autofree char *full = g_canonicalize_filename (path, NULL);
      gsize n = strlen (base);

      if (n > 1 && strncmp (full, base, n) == 0 && full[n] == G_DIR_SEPARATOR && full[n + 1] != '\0')
        return cf_export_display_path (full + n + 1);
    }
  return cf_export_display_path (path);
}

/* The long CSV: one line per canonical cell, in the form's order.
 * @with_review adds the last six columns (table_title, extracted, corrected,
 * findings, row_label, column_label); without it the header and the lines
 * are the spec's eight columns, and the findings are not looked up at all. */
static void
append_long (GString *out, CfDocument *doc, CfReview *review, gboolean with_review,
             const char *base_dir, gboolean with_header)
{
  static const char *const header[] = {
    "document", "form", "table", "row", "column", "text", "value", "unit",
    "table_title", "extracted", "corrected", "findings", "row_label", "column_label",
  };
  const gsize n_fields = with_review ? G_N_ELEMENTS (header) : G_N_ELEMENTS (header) - 6;
  GPtrArray *tables;
  const char *form;
  g_autofree char *path = NULL;

  if (with_header)
    append_row (out, header, n_fields);
  if (doc == NULL)
    return;
  tables = cf_document_get_tables (doc);
  form = cf_document_get_form (doc);
  path = display_path_under (cf_document_get_path (doc), base_dir);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      g_autoptr (GPtrArray) cells = keyed_cells_in_form_order (form, table);
      CfTableLabels *labels = with_review ? cf_table_labels_for_document (doc, table) : NULL;
      const char *printed = cf_table_get_title (table);
      g_autofree char *title = !with_review ? NULL
                               : printed != NULL && *printed != '\0' ? g_strdup (printed)
                               : cf_table_display_name (table, t);

      for (guint c = 0; c < cells->len; c++)
        {
          CfCell *cell = g_ptr_array_index (cells, c);
          g_autofree char *value = cell_value_string (cell);
          g_autofree char *states = with_review
                                      ? cf_export_cell_finding_states (doc, review, table, cell)
                                      : NULL;
          g_autofree char *col_label = labels ? cf_table_labels_column_title (labels, cell->col)
                                              : NULL;
          const char *corrected = review ? cf_review_get_restated (review, table, cell, NULL)
                                         : NULL;
          const char *fields[G_N_ELEMENTS (header)] = {
            path,
            form ? form : "",
            cf_table_get_id (table),
            cell->row_key,
            cell->col_key,
            cell->number.kind == CF_NUMBER_BLANK ? "" : cell->text,
            value,
            cell->number.kind == CF_NUMBER_VALUE ? cell->number.unit : "",
            title,
            extracted_text (cell),
            corrected ? corrected : "",
            states,
            labels ? cf_table_labels_row (labels, cell->row) : NULL,
            col_label,
          };

          append_row (out, fields, n_fields);
        }
    }
}

void
cf_csv_append_long (GString *out, CfDocument *doc, gboolean with_header)
{
  append_long (out, doc, NULL, FALSE, NULL, with_header);
}

void
cf_csv_append_long_with_review (GString *out, CfDocument *doc, CfReview *review,
                                gboolean with_header)
{
  append_long (out, doc, review, TRUE, NULL, with_header);
}

void
cf_csv_append_long_in_batch (GString *out, CfDocument *doc, CfReview *review,
                             const char *base_dir, gboolean with_header)
{
  append_long (out, doc, review, TRUE, base_dir, with_header);
}

/* "requests[new/total]" for keyed refs, "table-1[3,4]" otherwise; ";" between. */
static char *
finding_cells_string (const CfFinding *finding)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; finding->cells && i < finding->cells->len; i++)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, i);

      if (i > 0)
        g_string_append_c (s, ';');
      if (ref->row_key != NULL || ref->col_key != NULL)
        g_string_append_printf (s, "%s[%s/%s]", ref->table ? ref->table : "",
                                ref->row_key ? ref->row_key : "", ref->col_key ? ref->col_key : "");
      else
        g_string_append_printf (s, "%s[%d,%d]", ref->table ? ref->table : "", ref->row, ref->col);
    }
  return g_string_free (s, FALSE);
}

/* The findings CSV; @with_verdicts adds the accepted and note columns. */
static void
append_findings (GString *out, CfDocument *doc, CfReview *review, gboolean with_verdicts,
                 const char *base_dir, gboolean with_header)
{
  static const char *const header[] = {
    "document", "severity", "rule", "table", "cells", "expected", "actual", "message",
    "accepted", "note",
  };
  const gsize n_fields = with_verdicts ? G_N_ELEMENTS (header) : G_N_ELEMENTS (header) - 2;
  GPtrArray *findings;
  g_autofree char *path = NULL;

  if (with_header)
    append_row (out, header, n_fields);
  if (doc == NULL)
    return;
  findings = cf_document_get_findings (doc);
  path = display_path_under (cf_document_get_path (doc), base_dir);

  for (guint i = 0; i < findings->len; i++)
    {
      const CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *cells = finding_cells_string (finding);
      g_autofree char *expected = finding->has_expected ? cf_number_format (finding->expected)
                                                        : g_strdup ("");
      g_autofree char *actual = finding->has_actual ? cf_number_format (finding->actual)
                                                    : g_strdup ("");
      const char *note = NULL;
      gboolean accepted = review != NULL && cf_review_is_accepted (review, finding, &note);
      const char *fields[] = {
        path,
        cf_severity_to_string (finding->severity),
        finding->rule,
        finding->table ? finding->table : "",
        cells,
        expected,
        actual,
        finding->message,
        accepted ? "true" : "false",
        accepted && note ? note : "",
      };

      append_row (out, fields, n_fields);
    }
}

void
cf_csv_append_findings (GString *out, CfDocument *doc, gboolean with_header)
{
  append_findings (out, doc, NULL, FALSE, NULL, with_header);
}

void
cf_csv_append_findings_with_review (GString *out, CfDocument *doc, CfReview *review,
                                    gboolean with_header)
{
  append_findings (out, doc, review, TRUE, NULL, with_header);
}

void
cf_csv_append_findings_in_batch (GString *out, CfDocument *doc, CfReview *review,
                                 const char *base_dir, gboolean with_header)
{
  append_findings (out, doc, review, TRUE, base_dir, with_header);
}
