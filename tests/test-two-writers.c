/* test-two-writers.c: two copies of one document saving into one database
 * (two windows, the app and a script: issue #20, point 1). Cell and
 * structure edits interleave; every edit of both must survive, on the cell
 * it was made on, both in the stored state and in the copies. */
#include <string.h>

#include "cf-test-util.h"

#define N_ROWS 12

/* A table whose rows are named in column 0 ("row 0" … "row 11"), so a
 * correction can be checked to sit in the row it was made in. */
static CfDocument *
make_document (void)
{
  CfDocument *doc = cf_document_new ("two.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();

  cf_document_set_sha256 (doc, "two-writers");
  for (int r = 0; r < N_ROWS; r++)
    {
      g_autofree char *label = g_strdup_printf ("row %d", r);
      g_autofree char *value = g_strdup_printf ("%d", r * 10);

      cf_table_add_cell (table, r, 0, 1, 1, label, 0, 0);
      cf_table_add_cell (table, r, 1, 1, 1, value, 0, 0);
      cf_table_add_cell (table, r, 2, 1, 1, "x", 0, 0);
    }
  cf_table_finish (table);
  cf_document_add_table (doc, table);
  return doc;
}

typedef struct
{
  CfDocument    *doc;
  CfStore       *store;
  CfEditHistory *history;
} Writer;

static void
writer_open (Writer *w, const char *path)
{
  g_autoptr (GError) error = NULL;

  w->doc = make_document ();
  w->store = cf_store_open (path, &error);
  g_assert_no_error (error);
  w->history = cf_edit_history_new (w->doc, w->store);
  g_assert_true (cf_edit_history_restore (w->history, NULL, &error));
  g_assert_no_error (error);
}

static void
writer_close (Writer *w)
{
  g_clear_object (&w->history);
  g_clear_object (&w->store);
  g_clear_object (&w->doc);
}

/* The row of @doc's table whose column 0 says "row @n", or -1. */
static int
row_of (CfDocument *doc, int n)
{
  CfTable *table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_autofree char *label = g_strdup_printf ("row %d", n);

  for (int r = 0; r < cf_table_get_n_rows (table); r++)
    if (g_strcmp0 (cf_test_cell_text (table, r, 0), label) == 0)
      return r;
  return -1;
}

static void
set_text (Writer *w, int labelled_row, int col, const char *text)
{
  g_autoptr (GError) error = NULL;
  int row = row_of (w->doc, labelled_row);

  g_assert_cmpint (row, >=, 0);
  g_assert_true (cf_edit_history_set_text (w->history, 0, row, col, text, &error));
  g_assert_no_error (error);
  cf_edit_history_seal (w->history);
}

static void
insert_row (Writer *w, int before_labelled_row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfEdit) edit = cf_edit_insert_row (0, row_of (w->doc, before_labelled_row));

  g_assert_true (cf_edit_history_apply (w->history, edit, &error));
  g_assert_no_error (error);
}

/* Every expected text in the row it was made in. */
static void
assert_all_edits (CfDocument *doc, int n_inserted)
{
  CfTable *table = g_ptr_array_index (cf_document_get_tables (doc), 0);

  g_assert_cmpint (cf_table_get_n_rows (table), ==, N_ROWS + n_inserted);
  for (int r = 1; r <= 11; r++)
    {
      g_autofree char *expected = g_strdup_printf ("B-%d", r);

      g_assert_cmpstr (cf_test_cell_text (table, row_of (doc, r), 1), ==, expected);
    }
  g_assert_cmpstr (cf_test_cell_text (table, row_of (doc, 4), 2), ==, "A-4");
  g_assert_cmpstr (cf_test_cell_text (table, row_of (doc, 9), 2), ==, "A-9");
}

static void
test_interleaved (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corrections.db", NULL);
  Writer a = { 0 }, b = { 0 }, reopened = { 0 };

  writer_open (&a, path);
  writer_open (&b, path);

  /* B saves ten corrections; A, which has not seen them, inserts a row:
   * the case that lost all ten before. */
  for (int r = 1; r <= 10; r++)
    {
      g_autofree char *text = g_strdup_printf ("B-%d", r);
      set_text (&b, r, 1, text);
    }
  insert_row (&a, 3);
  /* A's copy took B's corrections in. */
  g_assert_cmpstr (cf_test_cell_text (g_ptr_array_index (cf_document_get_tables (a.doc), 0),
                                      row_of (a.doc, 7), 1), ==, "B-7");

  /* B, which has not seen A's row, corrects a cell in its own slots. */
  set_text (&b, 11, 1, "B-11");
  set_text (&a, 4, 2, "A-4");
  /* Structure from both sides. */
  insert_row (&b, 8);
  set_text (&a, 9, 2, "A-9");

  writer_open (&reopened, path);
  assert_all_edits (reopened.doc, 2);
  /* The last writer's copy holds all of it too. */
  assert_all_edits (a.doc, 2);

  writer_close (&a);
  writer_close (&b);
  writer_close (&reopened);
  cf_test_rm_rf (dir);
}

/* An undo in a copy that another writer has moved past is refused and
 * reported, not written over the other's work. */
static void
test_stale_undo_refused (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corrections.db", NULL);
  g_autoptr (GError) error = NULL;
  Writer a = { 0 }, b = { 0 }, reopened = { 0 };

  writer_open (&a, path);
  writer_open (&b, path);
  insert_row (&a, 2);
  set_text (&b, 5, 1, "B-5");  /* merges A's row into B */
  g_assert_false (cf_edit_history_undo (a.history, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "two.txt"));

  writer_open (&reopened, path);
  g_assert_cmpint (cf_table_get_n_rows (g_ptr_array_index (cf_document_get_tables (reopened.doc), 0)),
                   ==, N_ROWS + 1);
  g_assert_cmpstr (cf_test_cell_text (g_ptr_array_index (cf_document_get_tables (reopened.doc), 0),
                                      row_of (reopened.doc, 5), 1), ==, "B-5");
  writer_close (&a);
  writer_close (&b);
  writer_close (&reopened);
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/two-writers/interleaved", test_interleaved);
  g_test_add_func ("/two-writers/stale-undo-refused", test_stale_undo_refused);
  return g_test_run ();
}
