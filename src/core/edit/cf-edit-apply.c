/* cf-edit-apply.c: performing and undoing edits on a document */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-edit-private.h"

/* ---- applying ---- */

static gboolean
invalid (GError **error, CfDocument *doc, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, CfDocument *doc, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a file's name, then what is wrong with it. */
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("%s: %s"), cf_document_get_basename (doc), msg);
  return FALSE;
}

static CfTable *
get_table (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  if (edit->table_index >= tables->len)
    {
      invalid (error, doc, _("there is no table %u"), edit->table_index + 1);
      return NULL;
    }
  return g_ptr_array_index (tables, edit->table_index);
}

static CfCell *
blank_cell (int row, int col)
{
  return cf_cell_new (row, col, 1, 1, "", -1, 0);
}

/* Sets the text as if extracted so: no correction on it. */
static void
reset_text (CfCell *cell, const char *text)
{
  g_free (cell->text);
  g_clear_pointer (&cell->original_text, g_free);
  cell->text = g_strdup (text ? text : "");
  cell->flags &= ~CF_CELL_FLAG_CORRECTED;
  cf_number_parse (cell->text, -1, &cell->number);
}

static const char *
extracted_text (const CfCell *cell)
{
  return cell->original_text ? cell->original_text : cell->text;
}

/* Moves the cells after @at along one axis by @count (1 or -1), growing or
 * shrinking the spans that cross @at, as an inserted or deleted line does. */
static void
shift_cells (CfTable *table, gboolean rows, int at, int count)
{
  g_autoptr (GPtrArray) doomed = g_ptr_array_new ();

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      int *pos = rows ? &cell->row : &cell->col;
      int *span = rows ? &cell->row_span : &cell->col_span;

      if (count > 0)
        {
          if (*pos >= at)
            *pos += count;
          else if (*pos + *span > at)
            *span += count;
        }
      else if (*pos == at && *span == 1)
        g_ptr_array_add (doomed, cell);
      else if (*pos > at)
        *pos -= 1;
      else if (*pos + *span > at)
        *span -= 1;
    }
  for (guint i = 0; i < doomed->len; i++)
    cf_table_remove_cell (table, g_ptr_array_index (doomed, i));
  cf_table_reindex (table);
}

static gboolean
apply_insert_line (CfEdit *edit, CfDocument *doc, CfTable *table, gboolean rows, GError **error)
{
  int at = rows ? edit->row : edit->col;
  int size = rows ? cf_table_get_n_rows (table) : cf_table_get_n_cols (table);
  int other;

  if (at < 0 || at > size)
    return rows ? invalid (error, doc, _("cannot insert a row at %d of %s"), at + 1,
                           cf_table_get_id (table))
                : invalid (error, doc, _("cannot insert a column at %d of %s"), at + 1,
                           cf_table_get_id (table));
  shift_cells (table, rows, at, 1);
  /* The new line gets empty cells where no span crosses it, so rows stay square. */
  other = rows ? cf_table_get_n_cols (table) : cf_table_get_n_rows (table);
  for (int i = 0; i < other; i++)
    {
      int r = rows ? at : i, c = rows ? i : at;
      gboolean inside = rows ? at < cf_table_get_n_rows (table) : at < cf_table_get_n_cols (table);

      if (!inside || cf_table_get_cell (table, r, c) == NULL)
        cf_table_take_cell (table, blank_cell (r, c));
    }
  cf_table_reindex (table);
  if (rows)
    cf_table_shift_row_roles (table, at, 1);
  else
    cf_table_shift_col_roles (table, at, 1);
  return TRUE;
}

static gboolean
apply_delete_line (CfEdit *edit, CfDocument *doc, CfTable *table, gboolean rows, GError **error)
{
  int at = rows ? edit->row : edit->col;
  int size = rows ? cf_table_get_n_rows (table) : cf_table_get_n_cols (table);

  if (at < 0 || at >= size)
    return rows ? invalid (error, doc, _("%s has no row %d"), cf_table_get_id (table), at + 1)
                : invalid (error, doc, _("%s has no column %d"), cf_table_get_id (table), at + 1);
  shift_cells (table, rows, at, -1);
  if (rows)
    cf_table_shift_row_roles (table, at, -1);
  else
    cf_table_shift_col_roles (table, at, -1);
  return TRUE;
}

static gboolean
apply_merge (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  int r0 = edit->row, c0 = edit->col, r1 = edit->row + edit->n_rows, c1 = edit->col + edit->n_cols;
  g_autoptr (GPtrArray) inside = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) original = g_string_new (NULL);
  gint64 start = G_MAXINT64, end = -1;
  gboolean all_missing = TRUE;
  CfCell *merged, *first = NULL;

  if (edit->n_rows < 1 || edit->n_cols < 1 || r0 < 0 || c0 < 0
      || r1 > cf_table_get_n_rows (table) || c1 > cf_table_get_n_cols (table)
      || (edit->n_rows == 1 && edit->n_cols == 1))
    return invalid (error, doc, _("cannot merge rows %d–%d, columns %d–%d of %s"), r0 + 1, r1,
                    c0 + 1, c1, cf_table_get_id (table));

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      gboolean overlaps = cell->row < r1 && cell->row + cell->row_span > r0
                          && cell->col < c1 && cell->col + cell->col_span > c0;
      gboolean within = cell->row >= r0 && cell->row + cell->row_span <= r1
                        && cell->col >= c0 && cell->col + cell->col_span <= c1;

      if (!overlaps)
        continue;
      if (!within)
        return invalid (error, doc, _("the merge would cut the merged cell at row %d, column %d of %s"),
                        cell->row + 1, cell->col + 1, cf_table_get_id (table));
      g_ptr_array_add (inside, cell);
    }

  /* Cells are in (row, col) order: reading order. */
  for (guint i = 0; i < inside->len; i++)
    {
      CfCell *cell = g_ptr_array_index (inside, i);

      if (first == NULL)
        first = cell;
      g_string_append (text, cell->text);
      g_string_append (original, extracted_text (cell));
      if (cell->offset >= 0)
        {
          start = MIN (start, cell->offset);
          end = MAX (end, cell->offset + cell->length);
        }
      if (!(cell->flags & CF_CELL_FLAG_MISSING))
        all_missing = FALSE;
    }

  merged = cf_cell_new (r0, c0, edit->n_rows, edit->n_cols, original->str,
                        end >= 0 ? start : -1, end >= 0 ? end - start : 0);
  if (first)
    {
      merged->flags = first->flags & (CF_CELL_FLAG_HEADER | CF_CELL_FLAG_UNCERTAIN);
      merged->page = first->page;
      memcpy (merged->bbox, first->bbox, sizeof merged->bbox);
      cf_cell_set_keys (merged, first->row_key, first->col_key);
    }
  if (all_missing && inside->len > 0)
    merged->flags |= CF_CELL_FLAG_MISSING;
  if (merged->page > 0 && end >= 0)
    cf_document_locate_range (doc, merged->offset, merged->length, &merged->page, merged->bbox);
  cf_cell_set_text (merged, text->str);
  for (guint i = 0; i < inside->len; i++)
    cf_table_remove_cell (table, g_ptr_array_index (inside, i));
  cf_table_take_cell (table, merged);
  cf_table_reindex (table);
  return TRUE;
}

static gboolean
apply_unmerge (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);
  int row, col, row_span, col_span;

  if (cell == NULL || (cell->row_span == 1 && cell->col_span == 1))
    return invalid (error, doc, _("row %d, column %d of %s is not a merged cell"), edit->row + 1,
                    edit->col + 1, cf_table_get_id (table));
  row = cell->row;
  col = cell->col;
  row_span = cell->row_span;
  col_span = cell->col_span;
  cell->row_span = 1;
  cell->col_span = 1;
  for (int r = row; r < row + row_span; r++)
    for (int c = col; c < col + col_span; c++)
      if (r != row || c != col)
        cf_table_take_cell (table, blank_cell (r, c));
  cf_table_reindex (table);
  return TRUE;
}

/* Where @piece lies in the cell's extracted text, if the cell is uncorrected
 * and was located in the document. */
static void
locate_piece (CfDocument *doc, const CfCell *cell, const char *piece, const char *from,
              CfCell *target)
{
  const char *found;

  target->offset = -1;
  target->length = 0;
  if (cell->offset < 0 || (cell->flags & CF_CELL_FLAG_CORRECTED)
      || (found = strstr (from, piece)) == NULL)
    return;
  target->offset = cell->offset + (found - cell->text);
  target->length = strlen (piece);
  if (cell->page > 0)
    cf_document_locate_range (doc, target->offset, target->length, &target->page, target->bbox);
}

static gboolean
apply_split_text (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);
  CfCell *target;
  int target_col;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *whole = NULL;
  CfCell saved_location;

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  target_col = cell->col + cell->col_span;
  target = cf_table_get_cell (table, cell->row, target_col);
  if (target_col >= cf_table_get_n_cols (table)
      || (target != NULL && (target->row != cell->row || target->col != target_col
                             || target->row_span != 1 || target->col_span != 1
                             || target->text[0] != '\0')))
    return invalid (error, doc, _("the cell right of row %d, column %d of %s is not empty"),
                    edit->row + 1, edit->col + 1, cf_table_get_id (table));

  if (edit->left != NULL)
    {
      /* Replayed or redone: the texts the first split made. */
      left = g_strdup (edit->left);
      right = g_strdup (edit->right);
    }
  else
    {
      gsize len = strlen (cell->text);

      if (edit->index == 0 || edit->index >= len
          || (((guchar) cell->text[edit->index]) & 0xC0) == 0x80)
        return invalid (error, doc, _("cannot split “%s” at byte %lu"), cell->text,
                        (unsigned long) edit->index);
      left = g_strstrip (g_strndup (cell->text, edit->index));
      right = g_strstrip (g_strdup (cell->text + edit->index));
      if (*left == '\0' || *right == '\0')
        return invalid (error, doc, _("cannot split “%s” at byte %lu"), cell->text,
                        (unsigned long) edit->index);
      edit->left = g_strdup (left);
      edit->right = g_strdup (right);
      edit->whole = g_strdup (cell->text);
    }

  if (target == NULL)
    target = cf_table_take_cell (table, blank_cell (cell->row, target_col));
  whole = g_strdup (cell->text);
  saved_location = *cell;
  saved_location.text = whole;
  /* A replay (before corrections) sees other text than the first split did
   * when that text was a correction: then neither locates the pieces. */
  if (edit->whole != NULL && g_strcmp0 (edit->whole, whole) != 0)
    saved_location.offset = -1;
  reset_text (target, right);
  target->flags &= ~(CF_CELL_FLAG_MISSING | CF_CELL_FLAG_UNCERTAIN);
  target->flags |= cell->flags & CF_CELL_FLAG_UNCERTAIN;
  target->page = cell->page;
  locate_piece (doc, &saved_location, right, whole + MIN (strlen (left), strlen (whole)), target);
  reset_text (cell, left);
  locate_piece (doc, &saved_location, left, whole, cell);
  cf_table_reindex (table);
  return TRUE;
}

static gboolean
apply_join (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);
  CfCell *right;
  g_autofree char *text = NULL;
  g_autofree char *original = NULL;

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  right = cf_table_get_cell (table, cell->row, cell->col + cell->col_span);
  if (right == NULL || right->row != cell->row || right->row_span != cell->row_span)
    return invalid (error, doc, _("no cell of the same height is right of row %d, column %d of %s"),
                    edit->row + 1, edit->col + 1, cf_table_get_id (table));

  text = g_strconcat (cell->text, right->text, NULL);
  original = g_strconcat (extracted_text (cell), extracted_text (right), NULL);
  if (cell->offset >= 0 && right->offset >= 0 && right->text[0] != '\0')
    {
      gint64 end = MAX (cell->offset + cell->length, right->offset + right->length);
      cell->offset = MIN (cell->offset, right->offset);
      cell->length = end - cell->offset;
    }
  else if (cell->offset < 0)
    {
      cell->offset = right->offset;
      cell->length = right->length;
    }
  reset_text (cell, original);
  cf_cell_set_text (cell, text);
  if (*text != '\0')
    cell->flags &= ~CF_CELL_FLAG_MISSING;

  reset_text (right, "");
  right->flags = CF_CELL_FLAG_MISSING;
  right->offset = -1;
  right->length = 0;
  cf_table_reindex (table);
  return TRUE;
}

static gboolean
apply_extract_rows (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  int r0 = edit->row, r1 = edit->row + edit->n_rows;
  g_autoptr (CfTable) block = NULL;
  g_autoptr (GPtrArray) moved = g_ptr_array_new ();
  g_autofree char *id = NULL;
  gint64 start = G_MAXINT64, end = -1;

  if (edit->n_rows < 1 || r0 < 0 || r1 > cf_table_get_n_rows (table))
    return invalid (error, doc, _("%s has no rows %d–%d"), cf_table_get_id (table), r0 + 1, r1);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      int last = cell->row + cell->row_span;

      if ((cell->row < r0 && last > r0) || (cell->row < r1 && last > r1))
        return invalid (error, doc, _("the cell at row %d, column %d of %s crosses rows %d–%d"),
                        cell->row + 1, cell->col + 1, cf_table_get_id (table), r0 + 1, r1);
    }

  block = cf_table_new ();
  id = g_strdup_printf ("%s.%d", cf_table_get_id (table), r0 + 1);
  cf_table_set_id (block, id);
  cf_table_set_title (block, cf_table_get_title (table));
  cf_table_set_layout (block, cf_table_get_layout (table));
  cf_table_set_page (block, cf_table_get_page (table));
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if (cell->row >= r0 && cell->row < r1)
        g_ptr_array_add (moved, cell);
    }
  for (guint i = 0; i < moved->len; i++)
    {
      CfCell *copy = cf_cell_copy (g_ptr_array_index (moved, i));

      copy->row -= r0;
      if (copy->offset >= 0)
        {
          start = MIN (start, copy->offset);
          end = MAX (end, copy->offset + copy->length);
        }
      cf_table_take_cell (block, copy);
      cf_table_remove_cell (table, g_ptr_array_index (moved, i));
    }
  for (int r = r0; r < r1; r++)
    cf_table_set_row_role (block, r - r0, cf_table_get_row_role (table, r));
  for (int c = 0; c < cf_table_get_n_cols (table); c++)
    cf_table_set_col_role (block, c, cf_table_get_col_role (table, c));
  if (end >= 0)
    cf_table_set_range (block, start, end - start);
  cf_table_finish (block);

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      if (cell->row >= r1)
        cell->row -= edit->n_rows;
    }
  cf_table_shift_row_roles (table, r0, -edit->n_rows);
  cf_table_reindex (table);
  cf_document_insert_table (doc, edit->table_index + 1, block);
  return TRUE;
}

static gboolean
apply_set_text (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_cell (table, edit->row, edit->col);

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  /* A covered slot edits the merged cell, named by its first slot. */
  edit->row = cell->row;
  edit->col = cell->col;
  g_free (edit->old_text);
  g_free (edit->old_original);
  edit->old_text = g_strdup (cell->text);
  edit->old_original = g_strdup (cell->original_text);
  edit->old_flags = cell->flags;
  cf_cell_set_text (cell, edit->text);
  return TRUE;
}

static gboolean
revert_set_text (CfEdit *edit, CfDocument *doc, CfTable *table, GError **error)
{
  CfCell *cell = cf_table_get_origin_cell (table, edit->row, edit->col);

  if (cell == NULL)
    return invalid (error, doc, _("%s has no cell at row %d, column %d"), cf_table_get_id (table),
                    edit->row + 1, edit->col + 1);
  g_free (cell->text);
  g_free (cell->original_text);
  cell->text = g_strdup (edit->old_text);
  cell->original_text = g_strdup (edit->old_original);
  cell->flags = edit->old_flags;
  cf_number_parse (cell->text, -1, &cell->number);
  return TRUE;
}

/* A fresh table from the stored description each time, so a redo (or a
 * replay) does not bring back whatever the audit did to the one undone. */
static gboolean
apply_add_table (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autoptr (CfTable) table = NULL;
  const char *why = NULL;

  if (edit->added == NULL)
    return invalid (error, doc, _("the added table was not stored"));
  if (edit->table_index > tables->len)
    return invalid (error, doc, _("cannot add table %u: the report has %u"), edit->table_index + 1,
                    tables->len);
  if ((table = cf_edit_added_table_from_json (edit->added, &why)) == NULL)
    return invalid (error, doc, _("the added table does not fit: %s"), _(why));
  if (cf_table_get_id (table) == NULL)
    {
      /* First apply: a "table-N" no table had (not a deleted one's), kept
       * with the edit for replays. */
      g_autofree char *id = cf_document_new_table_id (doc);

      cf_table_set_id (table, id);
      json_object_set_string_member (edit->added, "id", id);
    }
  cf_document_insert_table (doc, edit->table_index, table);
  edit->table = g_object_ref (table);
  edit->note = cf_edit_added_note_from_json (edit->added, cf_table_get_id (table));
  if (edit->note != NULL)
    cf_document_take_note (doc, edit->note);
  return TRUE;
}

static gboolean
revert_add_table (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  guint index;

  if (!g_ptr_array_find (tables, edit->table, &index))
    return invalid (error, doc, _("the added table is gone"));
  cf_document_remove_table (doc, index);
  /* The document owns its notes; the array frees the one taken out. */
  if (edit->note != NULL)
    g_ptr_array_remove (cf_document_get_notes (doc), edit->note);
  cf_edit_clear_undo_state (edit);
  return TRUE;
}

gboolean
cf_edit_apply (CfEdit *edit, CfDocument *doc, GError **error)
{
  CfTable *table;
  gboolean ok = FALSE;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (CF_IS_DOCUMENT (doc), FALSE);

  cf_edit_clear_undo_state (edit);
  if (edit->kind == CF_EDIT_ADD_TABLE)
    {
      ok = apply_add_table (edit, doc, error);
      edit->applied = ok;
      return ok;
    }
  if ((table = get_table (edit, doc, error)) == NULL)
    return FALSE;

  if (edit->kind == CF_EDIT_SET_TEXT)
    ok = apply_set_text (edit, doc, table, error);
  else if (edit->kind == CF_EDIT_REMOVE_TABLE)
    {
      edit->table = g_object_ref (table);
      cf_document_remove_table (doc, edit->table_index);
      ok = TRUE;
    }
  else
    {
      edit->snapshot = cf_edit_snapshot_take (table);
      switch (edit->kind)
        {
        case CF_EDIT_INSERT_ROW:
          ok = apply_insert_line (edit, doc, table, TRUE, error);
          break;
        case CF_EDIT_INSERT_COL:
          ok = apply_insert_line (edit, doc, table, FALSE, error);
          break;
        case CF_EDIT_DELETE_ROW:
          ok = apply_delete_line (edit, doc, table, TRUE, error);
          break;
        case CF_EDIT_DELETE_COL:
          ok = apply_delete_line (edit, doc, table, FALSE, error);
          break;
        case CF_EDIT_MERGE:
          ok = apply_merge (edit, doc, table, error);
          break;
        case CF_EDIT_UNMERGE:
          ok = apply_unmerge (edit, doc, table, error);
          break;
        case CF_EDIT_SPLIT_TEXT:
          ok = apply_split_text (edit, doc, table, error);
          break;
        case CF_EDIT_JOIN:
          ok = apply_join (edit, doc, table, error);
          break;
        case CF_EDIT_SET_ROW_ROLE:
          if (edit->row < 0 || edit->row >= cf_table_get_n_rows (table))
            ok = invalid (error, doc, _("%s has no row %d"), cf_table_get_id (table), edit->row + 1);
          else
            {
              cf_table_set_row_role (table, edit->row, edit->role);
              ok = TRUE;
            }
          break;
        case CF_EDIT_SET_COL_ROLE:
          if (edit->col < 0 || edit->col >= cf_table_get_n_cols (table))
            ok = invalid (error, doc, _("%s has no column %d"), cf_table_get_id (table),
                          edit->col + 1);
          else
            {
              cf_table_set_col_role (table, edit->col, edit->role);
              ok = TRUE;
            }
          break;
        case CF_EDIT_SET_FORM:
          cf_table_set_forced_form (table, edit->text, edit->form_table);
          ok = TRUE;
          break;
        case CF_EDIT_EXTRACT_ROWS:
          ok = apply_extract_rows (edit, doc, table, error);
          break;
        default:
          ok = invalid (error, doc, _("unknown edit"));
          break;
        }
      /* The checks come before any change, so a refused edit left the table as it was. */
    }
  edit->applied = ok;
  if (!ok)
    cf_edit_clear_undo_state (edit);
  return ok;
}

gboolean
cf_edit_revert (CfEdit *edit, CfDocument *doc, GError **error)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;

  g_return_val_if_fail (edit != NULL, FALSE);
  if (!edit->applied)
    return invalid (error, doc, _("the edit was not applied"));

  if (edit->kind == CF_EDIT_ADD_TABLE)
    return revert_add_table (edit, doc, error);
  if (edit->kind == CF_EDIT_REMOVE_TABLE)
    {
      if (edit->table_index > tables->len)
        return invalid (error, doc, _("cannot put back table %u"), edit->table_index + 1);
      cf_document_insert_table (doc, edit->table_index, edit->table);
      cf_edit_clear_undo_state (edit);
      return TRUE;
    }
  if ((table = get_table (edit, doc, error)) == NULL)
    return FALSE;
  if (edit->kind == CF_EDIT_SET_TEXT)
    {
      if (!revert_set_text (edit, doc, table, error))
        return FALSE;
    }
  else
    {
      if (edit->kind == CF_EDIT_EXTRACT_ROWS)
        {
          if (edit->table_index + 1 >= tables->len)
            return invalid (error, doc, _("the extracted table is gone"));
          cf_document_remove_table (doc, edit->table_index + 1);
        }
      cf_edit_snapshot_restore (edit->snapshot, table);
    }
  cf_edit_clear_undo_state (edit);
  return TRUE;
}
