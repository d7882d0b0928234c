#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "cf-xlsx.h"
#include "cf-csv.h"
#include "cf-cell-labels.h"
#include "cf-error.h"

gboolean
cf_xlsx_available (void)
{
#ifdef HAVE_XLSXWRITER
  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
cf_xlsx_write (CfDocument *doc, const char *path, GError **error)
{
  return cf_xlsx_write_with_review (doc, NULL, path, error);
}

#ifndef HAVE_XLSXWRITER

static gboolean
write_workbook (CfDocument *doc, CfReview *review, const char *path, GError **error)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
               _("%s: this build of Crossfoot cannot write Excel files (no libxlsxwriter)"), name);
  return FALSE;
}

#else

#define FINDINGS_SHEET "findings"
#define CORRECTIONS_SHEET "corrections"
#define MAX_SHEET_CHARS 31

/* What the findings say about one cell: the worst severity and the messages. */
typedef struct
{
  CfSeverity severity;
  GString   *comment;
} CellMark;

static void
cell_mark_free (CellMark *mark)
{
  g_string_free (mark->comment, TRUE);
  g_free (mark);
}

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *error;
  lxw_format   *error_header;
  lxw_format   *warning;
  lxw_format   *warning_header;
  lxw_format   *bold;
  GHashTable   *used_names; /* case-folded sheet names */
} Writer;

/* Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
static char *
sheet_name (Writer *w, const char *id, guint index)
{
  g_autofree char *base = NULL;
  GString *clean = g_string_new (NULL);
  int n = 0;

  for (const char *p = id ? id : ""; *p && n < MAX_SHEET_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\", (int) ch) != NULL && ch < 128)
        g_string_append_c (clean, '_');
      else
        g_string_append_unichar (clean, ch);
    }
  if (clean->len == 0 || clean->str[0] == '\'')
    g_string_printf (clean, "table-%u", index + 1);
  base = g_string_free (clean, FALSE);

  for (guint attempt = 1;; attempt++)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *folded = NULL;

      if (attempt == 1)
        candidate = g_strdup (base);
      else
        {
          g_autofree char *suffix = g_strdup_printf ("~%u", attempt);
          glong keep = MAX_SHEET_CHARS - (glong) strlen (suffix);
          g_autofree char *head = g_utf8_substring (base, 0, MIN (keep, g_utf8_strlen (base, -1)));
          candidate = g_strconcat (head, suffix, NULL);
        }
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (w->used_names, folded))
        {
          g_hash_table_add (w->used_names, g_steal_pointer (&folded));
          return g_steal_pointer (&candidate);
        }
    }
}

static CfCell *
resolve_ref (CfDocument *doc, const CfFinding *finding, const CfCellRef *ref, CfTable **table_out)
{
  const char *table_id = ref->table ? ref->table : finding->table;
  CfTable *table = table_id ? cf_document_find_table (doc, table_id) : NULL;
  CfCell *cell = NULL;

  if (table == NULL)
    return NULL;
  if (ref->row_key && ref->col_key)
    cell = cf_table_find_by_keys (table, ref->row_key, ref->col_key);
  if (cell == NULL && ref->row >= 0 && ref->col >= 0)
    cell = cf_table_get_cell (table, ref->row, ref->col);
  *table_out = table;
  return cell;
}

/* CfCell -> CellMark for every cell a finding names. */
static GHashTable *
mark_cells (CfDocument *doc, CfReview *review)
{
  GHashTable *marks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cell_mark_free);
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      const char *note = NULL;
      gboolean accepted = review && cf_review_is_accepted (review, finding, &note);

      for (guint j = 0; finding->cells && j < finding->cells->len; j++)
        {
          CfTable *table = NULL;
          CfCell *cell = resolve_ref (doc, finding, &g_array_index (finding->cells, CfCellRef, j),
                                      &table);
          CellMark *mark;

          if (cell == NULL)
            continue;
          mark = g_hash_table_lookup (marks, cell);
          if (mark == NULL)
            {
              mark = g_new0 (CellMark, 1);
              mark->severity = finding->severity;
              mark->comment = g_string_new (NULL);
              g_hash_table_insert (marks, cell, mark);
            }
          else
            {
              /* One message per finding even when it names the cell twice. */
              if (strstr (mark->comment->str, finding->message ? finding->message : "") != NULL)
                continue;
              g_string_append (mark->comment, "\n");
            }
          mark->severity = MAX (mark->severity, finding->severity);
          g_string_append_printf (mark->comment, "%s: %s", cf_severity_to_string (finding->severity),
                                  finding->message ? finding->message : finding->rule);
          if (accepted)
            g_string_append_printf (mark->comment, " [accepted%s%s]", note && *note ? ": " : "",
                                    note ? note : "");
        }
    }
  /* Cells the analyst corrected: what was printed or extracted, and the figure given. */
  for (guint t = 0; t < cf_document_get_tables (doc)->len; t++)
    {
      CfTable *table = g_ptr_array_index (cf_document_get_tables (doc), t);

      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);
          const char *printed = NULL;
          const char *corrected = review ? cf_review_get_restated (review, table, cell, &printed)
                                         : NULL;
          CellMark *mark;

          if (corrected == NULL && !(cell->flags & CF_CELL_FLAG_CORRECTED))
            continue;
          mark = g_hash_table_lookup (marks, cell);
          if (mark == NULL)
            {
              mark = g_new0 (CellMark, 1);
              mark->severity = CF_SEVERITY_INFO;
              mark->comment = g_string_new (NULL);
              g_hash_table_insert (marks, cell, mark);
            }
          else
            g_string_append (mark->comment, "\n");
          if (corrected != NULL)
            g_string_append_printf (mark->comment, "printed: %s; corrected: %s (the report is wrong)",
                                    cell->text, corrected);
          else
            g_string_append_printf (mark->comment, "extracted: %s; printed: %s (extraction fixed)",
                                    cell->original_text ? cell->original_text : "", cell->text);
        }
    }
  return marks;
}

static lxw_format *
format_for (Writer *w, const CfCell *cell, const CellMark *mark)
{
  gboolean header = (cell->flags & CF_CELL_FLAG_HEADER) != 0;

  if (mark && mark->severity == CF_SEVERITY_ERROR)
    return header ? w->error_header : w->error;
  if (mark && mark->severity == CF_SEVERITY_WARNING)
    return header ? w->warning_header : w->warning;
  return header ? w->header : NULL;
}

static gboolean
check (lxw_error rc, const char *name, GError **error)
{
  if (rc == LXW_NO_ERROR)
    return TRUE;
  /* Translators: the workbook's name, then libxlsxwriter's reason. */
  g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot write the workbook (%s)"), name,
               lxw_strerror (rc));
  return FALSE;
}

/* Text as a string cell, never a formula, and inert if a spreadsheet would
 * run it once retyped or saved as CSV (cf_spreadsheet_inert_text). */
static lxw_error
write_text (lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *inert = cf_spreadsheet_inert_text (text);

  return worksheet_write_string (ws, row, col, inert != NULL ? inert : text, format);
}

static gboolean
write_cell_value (lxw_worksheet *ws, int row, int col, const CfCell *cell, lxw_format *format,
                  const char *name, GError **error)
{
  /* Numbers as numbers when the text is just a number; anything with a unit or
   * an "about" stays text so nothing printed is lost. */
  if (cell->number.kind == CF_NUMBER_VALUE && cell->number.unit[0] == '\0'
      && !cell->number.approximate)
    return check (worksheet_write_number (ws, row, col, cell->number.value, format), name, error);
  if (cell->text[0] == '\0')
    return check (worksheet_write_blank (ws, row, col, format), name, error);
  return check (write_text (ws, row, col, cell->text, format), name, error);
}

static gboolean
write_table (Writer *w, CfTable *table, guint index, GHashTable *marks, const char *name,
             GError **error)
{
  g_autofree char *sheet = sheet_name (w, cf_table_get_id (table), index);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, sheet);

  if (ws == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot add the sheet “%s”"), name, sheet);
      return FALSE;
    }
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      CellMark *mark = g_hash_table_lookup (marks, cell);
      lxw_format *format = format_for (w, cell, mark);

      if (cell->row >= LXW_ROW_MAX || cell->col >= LXW_COL_MAX)
        continue;
      if (cell->row_span > 1 || cell->col_span > 1)
        {
          /* The range first, then the value over its first cell (libxlsxwriter's recipe). */
          if (!check (worksheet_merge_range (ws, cell->row, cell->col,
                                             cell->row + cell->row_span - 1,
                                             cell->col + cell->col_span - 1, "", format),
                      name, error))
            return FALSE;
        }
      if (!write_cell_value (ws, cell->row, cell->col, cell, format, name, error))
        return FALSE;
      if (mark && !check (worksheet_write_comment (ws, cell->row, cell->col, mark->comment->str),
                          name, error))
        return FALSE;
    }
  return TRUE;
}

static char *
describe_cells (const CfFinding *finding)
{
  GString *s = g_string_new (NULL);

  for (guint j = 0; finding->cells && j < finding->cells->len; j++)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, j);

      if (j > 0)
        g_string_append (s, "; ");
      if (ref->row_key || ref->col_key)
        g_string_append_printf (s, "%s.%s", ref->row_key ? ref->row_key : "",
                                ref->col_key ? ref->col_key : "");
      else
        g_string_append_printf (s, "R%dC%d", ref->row + 1, ref->col + 1);
    }
  return g_string_free (s, FALSE);
}

static gboolean
write_findings (Writer *w, CfDocument *doc, CfReview *review, const char *name, GError **error)
{
  static const char *columns[] = { "severity", "rule", "table", "cells", "expected", "actual",
                                   "message", "accepted", "note", "table_title", "row_label",
                                   "column_label" };
  g_autofree char *sheet = sheet_name (w, FINDINGS_SHEET, 0);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, sheet);
  GPtrArray *findings = cf_document_get_findings (doc);

  if (ws == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot add the findings sheet"), name);
      return FALSE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (!check (worksheet_write_string (ws, 0, c, columns[c], w->bold), name, error))
      return FALSE;
  worksheet_set_column (ws, 6, 6, 60, NULL);
  for (guint i = 0; i < findings->len && i + 1 < LXW_ROW_MAX; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *cells = describe_cells (f);
      const char *note = NULL;
      gboolean accepted = review && cf_review_is_accepted (review, f, &note);
      lxw_row_t row = i + 1;
      lxw_error rc = LXW_NO_ERROR;

      rc |= write_text (ws, row, 0, cf_severity_to_string (f->severity), NULL);
      rc |= write_text (ws, row, 1, f->rule ? f->rule : "", NULL);
      rc |= write_text (ws, row, 2, f->table ? f->table : "", NULL);
      rc |= write_text (ws, row, 3, cells, NULL);
      if (f->has_expected)
        rc |= worksheet_write_number (ws, row, 4, f->expected, NULL);
      if (f->has_actual)
        rc |= worksheet_write_number (ws, row, 5, f->actual, NULL);
      rc |= write_text (ws, row, 6, f->message ? f->message : "", NULL);
      rc |= worksheet_write_boolean (ws, row, 7, accepted, NULL);
      rc |= write_text (ws, row, 8, note ? note : "", NULL);
      {
        /* The first cell it names, as the report prints its table, row and column. */
        CfTable *table = NULL;
        CfCell *cell = cf_finding_resolve_cell (doc, f, 0, &table);

        if (cell != NULL)
          {
            CfTableLabels *labels = cf_table_labels_for_document (doc, table);
            g_autofree char *col_label = cf_table_labels_column_title (labels, cell->col);
            const char *title = cf_table_get_title (table);

            rc |= write_text (ws, row, 9, title ? title : "", NULL);
            rc |= write_text (ws, row, 10, cf_table_labels_row (labels, cell->row), NULL);
            rc |= write_text (ws, row, 11, col_label, NULL);
          }
      }
      if (!check (rc, name, error))
        return FALSE;
    }
  return TRUE;
}

/* The second sheet: every cell corrected, printed beside corrected, with the
 * states of the findings that name it. */
static gboolean
write_corrections (Writer *w, CfDocument *doc, CfReview *review, const char *name, GError **error)
{
  static const char *columns[] = { "table", "table_title", "row", "column", "row_key",
                                   "column_key", "kind", "extracted", "printed", "corrected",
                                   "findings", "row_label", "column_label" };
  g_autofree char *sheet = sheet_name (w, CORRECTIONS_SHEET, 0);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, sheet);
  GPtrArray *tables = cf_document_get_tables (doc);
  lxw_row_t row = 1;

  if (ws == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot add the sheet “%s”"), name, sheet);
      return FALSE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (!check (worksheet_write_string (ws, 0, c, columns[c], w->bold), name, error))
      return FALSE;
  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);

      for (guint i = 0; i < cf_table_get_n_cells (table) && row < LXW_ROW_MAX; i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);
          const char *corrected = review ? cf_review_get_restated (review, table, cell, NULL)
                                         : NULL;
          g_autofree char *states = NULL;
          lxw_error rc = LXW_NO_ERROR;

          if (corrected == NULL && !(cell->flags & CF_CELL_FLAG_CORRECTED))
            continue;
          states = cf_export_cell_finding_states (doc, review, table, cell);
          rc |= worksheet_write_string (ws, row, 0, cf_table_get_id (table), NULL);
          rc |= worksheet_write_string (ws, row, 1, cf_table_get_title (table) ? cf_table_get_title (table) : "", NULL);
          rc |= worksheet_write_number (ws, row, 2, cell->row + 1, NULL);
          rc |= worksheet_write_number (ws, row, 3, cell->col + 1, NULL);
          rc |= worksheet_write_string (ws, row, 4, cell->row_key ? cell->row_key : "", NULL);
          rc |= worksheet_write_string (ws, row, 5, cell->col_key ? cell->col_key : "", NULL);
          rc |= worksheet_write_string (ws, row, 6, corrected ? "report" : "extraction", NULL);
          rc |= worksheet_write_string (ws, row, 7,
                                        corrected ? "" : (cell->original_text ? cell->original_text : ""),
                                        NULL);
          rc |= worksheet_write_string (ws, row, 8, cell->text, NULL);
          rc |= worksheet_write_string (ws, row, 9, corrected ? corrected : "", NULL);
          rc |= worksheet_write_string (ws, row, 10, states, NULL);
          {
            CfTableLabels *labels = cf_table_labels_for_document (doc, table);
            g_autofree char *col_label = cf_table_labels_column_title (labels, cell->col);

            rc |= write_text (ws, row, 11, cf_table_labels_row (labels, cell->row), NULL);
            rc |= write_text (ws, row, 12, col_label, NULL);
          }
          if (!check (rc, name, error))
            return FALSE;
          row++;
        }
    }
  return TRUE;
}

static lxw_format *
fill_format (lxw_workbook *workbook, lxw_color_t color, gboolean bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (color)
    {
      format_set_bg_color (format, color);
      format_set_pattern (format, LXW_PATTERN_SOLID);
    }
  if (bold)
    format_set_bold (format);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static gboolean
write_workbook (CfDocument *doc, CfReview *review, const char *path, GError **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  g_autoptr (GHashTable) marks = NULL;
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *tables = cf_document_get_tables (doc);
  Writer w = { 0 };
  gboolean ok = TRUE;
  lxw_error rc;
  int fd;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A temporary file next to the target, so the rename is atomic. */
  tmp = g_build_filename (dir, ".crossfoot-xlsx-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      /* Translators: the workbook's name, its folder, then the system's reason. */
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot write in %s (%s)"), name, dir,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  w.workbook = workbook_new (tmp);
  if (w.workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot create the workbook"), name);
      return FALSE;
    }
  w.used_names = used;
  w.header = fill_format (w.workbook, 0, TRUE);
  w.error = fill_format (w.workbook, 0xF4CCCC, FALSE);
  w.error_header = fill_format (w.workbook, 0xF4CCCC, TRUE);
  w.warning = fill_format (w.workbook, 0xFFE599, FALSE);
  w.warning_header = fill_format (w.workbook, 0xFFE599, TRUE);
  w.bold = workbook_add_format (w.workbook);
  format_set_bold (w.bold);

  /* The findings sheet's name is taken first so no table can claim it. */
  g_hash_table_add (used, g_utf8_casefold (FINDINGS_SHEET, -1));
  g_hash_table_add (used, g_utf8_casefold (CORRECTIONS_SHEET, -1));
  marks = mark_cells (doc, review);
  for (guint i = 0; ok && i < tables->len; i++)
    ok = write_table (&w, g_ptr_array_index (tables, i), i, marks, name, error);
  if (ok)
    {
      g_hash_table_remove (used, FINDINGS_SHEET);
      ok = write_findings (&w, doc, review, name, error);
    }
  if (ok)
    {
      g_hash_table_remove (used, CORRECTIONS_SHEET);
      ok = write_corrections (&w, doc, review, name, error);
    }

  rc = workbook_close (w.workbook);
  if (ok && rc != LXW_NO_ERROR)
    ok = check (rc, name, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot replace the file (%s)"), name,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  else
    g_chmod (path, 0644);
  return ok;
}

gboolean
cf_xlsx_write_with_review (CfDocument *doc, CfReview *review, const char *path, GError **error)
{
  static gsize once = 0;
  static locale_t c_numeric = (locale_t) 0;
  locale_t saved;
  gboolean ok;

  /* libxlsxwriter prints numbers with printf unless built with its own dtoa
   * (USE_DTOA_LIBRARY, as the Flatpak does): under a comma-decimal locale
   * 417.75 would become 417,75, which Excel "repairs". Numbers are printed in
   * the C locale whatever the library, for this thread only. */
  if (g_once_init_enter (&once))
    {
      c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
      g_once_init_leave (&once, 1);
    }
  /* (locale_t) 0 if newlocale failed: uselocale then changes nothing. */
  saved = uselocale (c_numeric);
  ok = write_workbook (doc, review, path, error);
  uselocale (saved);
  return ok;
}

#endif
