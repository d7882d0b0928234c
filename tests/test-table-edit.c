/* Tests of structure edits, undo/redo and their persistence: every edit undone
 * gives back the grid cell by cell, and replaying the stored edits and then
 * the corrections on a fresh load gives the grid the analyst left. */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cf-test-util.h"

/* Everything about a table that an edit may change, one line per cell. */
static char *
dump_table (CfTable *table)
{
  GString *s = g_string_new (NULL);
  const char *form_table = NULL;
  const char *form = cf_table_get_forced_form (table, &form_table);

  g_string_append_printf (s, "%s %dx%d form=%s/%s\n", cf_table_get_id (table),
                          cf_table_get_n_rows (table), cf_table_get_n_cols (table),
                          form ? form : "-", form_table ? form_table : "-");
  for (int r = 0; r <= cf_table_get_n_rows (table); r++)
    if (cf_table_get_row_role (table, r) != CF_ROW_ROLE_NONE)
      g_string_append_printf (s, "row-role %d=%d\n", r, cf_table_get_row_role (table, r));
  for (int c = 0; c <= cf_table_get_n_cols (table); c++)
    if (cf_table_get_col_role (table, c) != CF_ROW_ROLE_NONE)
      g_string_append_printf (s, "col-role %d=%d\n", c, cf_table_get_col_role (table, c));
  for (int r = 0; r < cf_table_get_n_rows (table); r++)
    for (int c = 0; c < cf_table_get_n_cols (table); c++)
      {
        CfCell *cell = cf_table_get_origin_cell (table, r, c);

        if (cell == NULL)
          {
            g_string_append_printf (s, "%d,%d %s\n", r, c,
                                    cf_table_get_cell (table, r, c) ? "covered" : "hole");
            continue;
          }
        g_string_append_printf (s, "%d,%d span %dx%d flags %x [%s] orig [%s] at %" G_GINT64_FORMAT
                                "+%" G_GINT64_FORMAT " keys %s/%s\n",
                                r, c, cell->row_span, cell->col_span, cell->flags, cell->text,
                                cell->original_text ? cell->original_text : "",
                                cell->offset, cell->length,
                                cell->row_key ? cell->row_key : "-",
                                cell->col_key ? cell->col_key : "-");
      }
  return g_string_free (s, FALSE);
}

static char *
dump_document (CfDocument *doc)
{
  GString *s = g_string_new (NULL);
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *t = dump_table (g_ptr_array_index (tables, i));
      g_string_append (s, t);
    }
  return g_string_free (s, FALSE);
}

/*      0       1      2
 * 0  项目    数量 (spans 2)
 * 1  甲      1      2
 * 2  乙      3 4    (missing)
 * 3  合计    4      6          */
static CfDocument *
make_document (void)
{
  CfDocument *doc = cf_document_new ("small.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfTable) table = cf_table_new ();
  const char *text = "项目 数量\n甲 1 2\n乙 3 4\n合计 4 6\n";
  CfCell *cell;

  cf_document_take_text (doc, g_strdup (text), strlen (text));
  cf_document_set_sha256 (doc, "small");
  cf_table_add_cell (table, 0, 0, 1, 1, "项目", 0, 6)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 0, 1, 1, 2, "数量", 7, 6)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 1, 0, 1, 1, "甲", 14, 3);
  cf_table_add_cell (table, 1, 1, 1, 1, "1", 18, 1);
  cf_table_add_cell (table, 1, 2, 1, 1, "2", 20, 1);
  cf_table_add_cell (table, 2, 0, 1, 1, "乙", 22, 3);
  cf_table_add_cell (table, 2, 1, 1, 1, "3 4", 26, 3);
  cell = cf_table_add_cell (table, 2, 2, 1, 1, "", -1, 0);
  cell->flags |= CF_CELL_FLAG_MISSING;
  cf_table_add_cell (table, 3, 0, 1, 1, "合计", 30, 6);
  cf_table_add_cell (table, 3, 1, 1, 1, "4", 37, 1);
  cf_table_add_cell (table, 3, 2, 1, 1, "6", 39, 1);
  cf_table_set_title (table, "三、情况");
  cf_table_finish (table);
  cf_document_add_table (doc, table);
  return doc;
}

static CfTable *
first_table (CfDocument *doc)
{
  return g_ptr_array_index (cf_document_get_tables (doc), 0);
}

/* Applies @edit, checks the result with @check, undoes it (grid identical to
 * before), redoes it (identical to after). */
static void
check_round_trip (CfDocument *doc, CfEdit *edit, void (*check) (CfDocument *doc))
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, NULL);
  g_autofree char *before = dump_document (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (cf_edit_history_apply (history, edit, &error));
  g_assert_no_error (error);
  after = dump_document (doc);
  g_assert_cmpstr (after, !=, before);
  if (check)
    check (doc);
  g_assert_true (cf_edit_history_can_undo (history));
  g_assert_true (cf_edit_history_undo (history, &error));
  g_assert_no_error (error);
  undone = dump_document (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (cf_edit_history_can_redo (history));
  g_assert_true (cf_edit_history_redo (history, &error));
  g_assert_no_error (error);
  redone = dump_document (doc);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (cf_edit_history_can_redo (history));
}

static void
check_insert_row (CfDocument *doc)
{
  CfTable *t = first_table (doc);

  g_assert_cmpint (cf_table_get_n_rows (t), ==, 5);
  g_assert_cmpstr (cf_test_cell_text (t, 2, 0), ==, "");
  g_assert_cmpstr (cf_test_cell_text (t, 3, 0), ==, "乙");
  g_assert_cmpstr (cf_test_cell_text (t, 4, 2), ==, "6");
  g_assert_cmpint (cf_table_get_row_role (t, 4), ==, CF_ROW_ROLE_TOTAL);
}

static void
check_delete_row (CfDocument *doc)
{
  CfTable *t = first_table (doc);

  g_assert_cmpint (cf_table_get_n_rows (t), ==, 3);
  g_assert_cmpstr (cf_test_cell_text (t, 1, 0), ==, "乙");
  g_assert_cmpint (cf_table_get_row_role (t, 2), ==, CF_ROW_ROLE_TOTAL);
}

static void
check_insert_col (CfDocument *doc)
{
  CfTable *t = first_table (doc);
  CfCell *header = cf_table_get_origin_cell (t, 0, 1);

  /* The column goes inside the header's span, which grows. */
  g_assert_cmpint (cf_table_get_n_cols (t), ==, 4);
  g_assert_cmpint (header->col_span, ==, 3);
  g_assert_cmpstr (cf_test_cell_text (t, 1, 2), ==, "");
  g_assert_cmpstr (cf_test_cell_text (t, 1, 3), ==, "2");
}

static void
check_delete_col (CfDocument *doc)
{
  CfTable *t = first_table (doc);

  g_assert_cmpint (cf_table_get_n_cols (t), ==, 2);
  g_assert_cmpint (cf_table_get_origin_cell (t, 0, 1)->col_span, ==, 1);
  g_assert_cmpstr (cf_test_cell_text (t, 1, 1), ==, "2");
  g_assert_cmpstr (cf_test_cell_text (t, 3, 1), ==, "6");
}

static void
check_merge (CfDocument *doc)
{
  CfTable *t = first_table (doc);
  CfCell *cell = cf_table_get_origin_cell (t, 1, 0);

  g_assert_cmpint (cell->row_span, ==, 2);
  g_assert_cmpstr (cell->text, ==, "甲乙");
  g_assert_true (cf_table_get_cell (t, 2, 0) == cell);
  g_assert_cmpint (cell->offset, ==, 14);
  g_assert_cmpint (cell->length, ==, 11);
}

static void
check_unmerge (CfDocument *doc)
{
  CfTable *t = first_table (doc);

  g_assert_cmpint (cf_table_get_origin_cell (t, 0, 1)->col_span, ==, 1);
  g_assert_cmpstr (cf_test_cell_text (t, 0, 1), ==, "数量");
  g_assert_nonnull (cf_table_get_origin_cell (t, 0, 2));
  g_assert_cmpstr (cf_test_cell_text (t, 0, 2), ==, "");
}

static void
check_split (CfDocument *doc)
{
  CfTable *t = first_table (doc);
  CfCell *left = cf_table_get_origin_cell (t, 2, 1);
  CfCell *right = cf_table_get_origin_cell (t, 2, 2);
  gsize len = 0;
  const char *text = cf_document_get_text (doc, &len);

  g_assert_cmpstr (left->text, ==, "3");
  g_assert_cmpstr (right->text, ==, "4");
  g_assert_cmpfloat (right->number.value, ==, 4);
  g_assert_false (right->flags & CF_CELL_FLAG_MISSING);
  /* Each piece still points at its own bytes of the document. */
  g_assert_cmpint (right->offset, ==, 28);
  g_assert_true (strncmp (text + right->offset, "4", right->length) == 0);
  g_assert_cmpint (left->length, ==, 1);
}

static void
check_join (CfDocument *doc)
{
  CfTable *t = first_table (doc);
  CfCell *cell = cf_table_get_origin_cell (t, 1, 1);

  g_assert_cmpstr (cell->text, ==, "12");
  g_assert_cmpfloat (cell->number.value, ==, 12);
  g_assert_true (cf_table_get_origin_cell (t, 1, 2)->flags & CF_CELL_FLAG_MISSING);
  g_assert_cmpstr (cf_test_cell_text (t, 1, 2), ==, "");
}

static void
check_role (CfDocument *doc)
{
  g_assert_cmpint (cf_table_get_col_role (first_table (doc), 2), ==, CF_ROW_ROLE_TOTAL);
}

static void
check_form (CfDocument *doc)
{
  const char *table_id = NULL;

  g_assert_cmpstr (cf_table_get_forced_form (first_table (doc), &table_id), ==, "gip-2021");
  g_assert_cmpstr (table_id, ==, "requests");
}

static void
check_extract (CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *rest = g_ptr_array_index (tables, 0);
  CfTable *block;

  g_assert_cmpuint (tables->len, ==, 2);
  block = g_ptr_array_index (tables, 1);
  g_assert_cmpint (cf_table_get_n_rows (rest), ==, 2);
  g_assert_cmpstr (cf_test_cell_text (rest, 1, 0), ==, "合计");
  g_assert_cmpint (cf_table_get_row_role (rest, 1), ==, CF_ROW_ROLE_TOTAL);
  g_assert_cmpint (cf_table_get_n_rows (block), ==, 2);
  g_assert_cmpstr (cf_test_cell_text (block, 0, 0), ==, "甲");
  g_assert_cmpstr (cf_test_cell_text (block, 1, 1), ==, "3 4");
  g_assert_cmpstr (cf_table_get_title (block), ==, "三、情况");
}

static void
check_remove_table (CfDocument *doc)
{
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 0);
}

static void
test_structure_edits (void)
{
  struct
  {
    CfEdit *edit;
    void (*check) (CfDocument *doc);
  } cases[] = {
    { cf_edit_insert_row (0, 2), check_insert_row },
    { cf_edit_delete_row (0, 1), check_delete_row },
    { cf_edit_insert_col (0, 2), check_insert_col },
    { cf_edit_delete_col (0, 1), check_delete_col },
    { cf_edit_merge (0, 1, 0, 2, 1), check_merge },
    { cf_edit_unmerge (0, 0, 2), check_unmerge },
    { cf_edit_split_text (0, 2, 1, 1), check_split },
    { cf_edit_join (0, 1, 1), check_join },
    { cf_edit_set_col_role (0, 2, CF_ROW_ROLE_TOTAL), check_role },
    { cf_edit_set_form (0, "gip-2021", "requests"), check_form },
    { cf_edit_extract_rows (0, 1, 2), check_extract },
    { cf_edit_remove_table (0), check_remove_table },
    { cf_edit_set_text (0, 3, 2, "7"), NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CfDocument) doc = make_document ();
      g_autoptr (CfEdit) edit = cases[i].edit;
      g_autofree char *what = cf_edit_describe (edit, doc);

      g_test_message ("edit: %s", what);
      /* The total row is marked first, so shifts of roles are checked too. */
      cf_table_set_row_role (first_table (doc), 3, CF_ROW_ROLE_TOTAL);
      check_round_trip (doc, edit, cases[i].check);
    }
}

/* An edit that does not fit is refused and changes nothing. */
static void
test_refused_edits (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autofree char *before = dump_document (doc);
  CfEdit *bad[] = {
    cf_edit_merge (0, 0, 0, 1, 2),     /* would cut the 数量 header */
    cf_edit_split_text (0, 1, 1, 0),   /* nothing on the left */
    cf_edit_split_text (0, 1, 1, 1),   /* "1" has no byte 1 to split at */
    cf_edit_split_text (0, 1, 0, 1),   /* inside a UTF-8 character */
    cf_edit_split_text (0, 1, 2, 1),   /* no slot on the right */
    cf_edit_unmerge (0, 1, 1),         /* not merged */
    cf_edit_delete_row (0, 9),
    cf_edit_extract_rows (0, 0, 9),
    cf_edit_remove_table (3),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CfEdit) edit = bad[i];
      g_autofree char *after = NULL;

      g_assert_false (cf_edit_apply (edit, doc, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "small.txt: "));
      after = dump_document (doc);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Edits on a real extracted table: each undone gives back every cell. */
static void
test_corpus_edits (void)
{
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
  g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump_document (doc);
  CfTable *requests = NULL;
  GPtrArray *tables = cf_document_get_tables (doc);
  guint t;
  CfEdit *edits[6];

  for (t = 0; t < tables->len; t++)
    if (cf_table_get_n_cells (g_ptr_array_index (tables, t)) > 100)
      break;
  g_assert_cmpuint (t, <, tables->len);
  requests = g_ptr_array_index (tables, t);

  edits[0] = cf_edit_set_text (t, 5, cf_table_get_n_cols (requests) - 1, "999");
  edits[1] = cf_edit_insert_row (t, 4);
  edits[2] = cf_edit_delete_col (t, 1);
  edits[3] = cf_edit_set_row_role (t, 6, CF_ROW_ROLE_TOTAL);
  edits[4] = cf_edit_merge (t, cf_table_get_n_rows (requests) - 2, 2, 2, 1);
  edits[5] = cf_edit_remove_table (0);
  for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (CfEdit) edit = edits[i];
      g_assert_true (cf_edit_history_apply (history, edit, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 6);
  while (cf_edit_history_can_undo (history))
    {
      g_assert_true (cf_edit_history_undo (history, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *undone = dump_document (doc);
    g_assert_cmpstr (undone, ==, before);
  }
}

static void
count_changed (CfEditHistory *history, CfEdit *edit, gboolean structural, gpointer data)
{
  (*(int *) data)++;
}

/* Typing in one cell is one step; another cell or a structure edit starts a new one. */
static void
test_coalescing (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, NULL);
  g_autoptr (GError) error = NULL;
  CfTable *t = first_table (doc);
  int changes = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_changed), &changes);
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "1", &error));
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "12", &error));
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "123", &error));
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 1);
  g_assert_cmpint (changes, ==, 3);
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 1, "5", &error));
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "1234", &error));
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 3);
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "12345", &error));
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 3);
  {
    g_autoptr (CfEdit) insert = cf_edit_insert_row (0, 0);
    g_assert_true (cf_edit_history_apply (history, insert, &error));
  }
  /* After a structure edit the same cell (now one row down) is a new step. */
  g_assert_true (cf_edit_history_set_text (history, 0, 4, 2, "9", &error));
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 5);
  g_assert_no_error (error);

  g_assert_true (cf_edit_history_undo (history, &error)); /* 9 */
  g_assert_cmpstr (cf_test_cell_text (t, 4, 2), ==, "12345");
  g_assert_true (cf_edit_history_undo (history, &error)); /* the inserted row */
  g_assert_true (cf_edit_history_undo (history, &error)); /* 1234, 12345 */
  g_assert_cmpstr (cf_test_cell_text (t, 3, 2), ==, "123");
  g_assert_true (cf_edit_history_undo (history, &error)); /* 5 */
  g_assert_cmpstr (cf_test_cell_text (t, 3, 1), ==, "4");
  g_assert_true (cf_edit_history_undo (history, &error)); /* 1, 12, 123 */
  g_assert_cmpstr (cf_test_cell_text (t, 3, 2), ==, "6");
  g_assert_false (cf_table_get_cell (t, 3, 2)->flags & CF_CELL_FLAG_CORRECTED);
  g_assert_false (cf_edit_history_can_undo (history));
  g_assert_true (cf_edit_history_redo (history, &error));
  g_assert_cmpstr (cf_test_cell_text (t, 3, 2), ==, "123");
  /* A redo is not typing: the next keystroke in that cell is a new step. */
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "1230", &error));
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 2);
  g_assert_false (cf_edit_history_can_redo (history));
  g_assert_no_error (error);
}

static void
test_json_round_trip (void)
{
  CfEdit *edits[] = {
    cf_edit_merge (2, 1, 0, 2, 3),
    cf_edit_set_form (0, "gip-2019", "proactive"),
    cf_edit_set_form (0, NULL, NULL),
    cf_edit_set_row_role (1, 4, CF_ROW_ROLE_TOTAL),
    cf_edit_set_text (0, 1, 2, "“7”"),
    cf_edit_extract_rows (0, 3, 4),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (CfEdit) edit = edits[i];
      g_autoptr (CfEdit) back = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *json = cf_edit_to_string (edit);
      g_autofree char *again = NULL;

      back = cf_edit_from_string (json, &error);
      g_assert_no_error (error);
      again = cf_edit_to_string (back);
      g_assert_cmpstr (again, ==, json);
      g_assert_cmpint (cf_edit_get_kind (back), ==, cf_edit_get_kind (edit));
    }
  {
    g_autoptr (GError) error = NULL;
    g_assert_null (cf_edit_from_string ("{\"op\": \"explode\", \"table\": 0}", &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  }
}

/* Value and structure edits, stored, then replayed on a fresh load of the
 * same file: the same grid, cell by cell. */
static void
test_persist_and_replay (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *replayed = NULL;
  guint stale = 99;

  {
    g_autoptr (CfDocument) doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);
    CfTable *t1 = g_ptr_array_index (cf_document_get_tables (doc), 1);
    int last_col = cf_table_get_n_cols (t1) - 1;
    CfEdit *edits[] = {
      cf_edit_set_text (1, 3, last_col, "100"),     /* corrected, then moved down by the insert */
      cf_edit_set_text (1, 3, 0, "改过的标签"),
      cf_edit_insert_row (1, 2),
      cf_edit_set_text (1, 2, 1, "8"),               /* in the inserted row */
      cf_edit_merge (1, 4, last_col, 2, 1),          /* merges the corrected total */
      cf_edit_set_row_role (1, 5, CF_ROW_ROLE_TOTAL),
      cf_edit_remove_table (0),                      /* table 1 becomes table 0 */
      cf_edit_set_form (0, "gip-2021", "requests"),
      cf_edit_set_text (0, 6, 2, "42"),
      cf_edit_delete_col (0, 3),
      cf_edit_insert_col (0, 1),                     /* undone below: not replayed */
    };

    g_assert_no_error (error);
    g_assert_true (cf_edit_history_restore (history, &stale, &error));
    g_assert_cmpuint (stale, ==, 0);
    for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        g_autoptr (CfEdit) edit = edits[i];
        gboolean ok = cf_edit_history_apply (history, edit, &error);
        g_assert_no_error (error);
        g_assert_true (ok);
      }
    g_assert_true (cf_edit_history_undo (history, &error));
    g_assert_no_error (error);
    left = dump_document (doc);
    g_assert_nonnull (strstr (left, "[100560] orig [14069560]"));
    g_assert_nonnull (strstr (left, "[改过的标签] orig [一、本年新收政府信息公开申请数量]"));
    g_assert_nonnull (strstr (left, "form=gip-2021/requests"));
  }
  {
    g_autoptr (CfDocument) doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);
    g_autoptr (GPtrArray) edits = NULL;

    g_assert_no_error (error);
    edits = cf_store_load_edits (store, cf_document_get_sha256 (doc), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (edits->len, ==, 6);
    g_assert_true (cf_edit_history_restore (history, &stale, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stale, ==, 0);
    g_assert_false (cf_edit_history_can_undo (history));
    replayed = dump_document (doc);
  }
  g_assert_cmpstr (replayed, ==, left);
  cf_test_rm_rf (dir);
}

/* Splits and joins of corrected cells replay to the same grid, offsets included. */
static void
test_replay_split_join (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *replayed = NULL;
  guint stale = 99;

  {
    g_autoptr (CfDocument) doc = make_document ();
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);
    CfEdit *edits[] = {
      cf_edit_set_text (0, 2, 1, "5 6"),
      cf_edit_split_text (0, 2, 1, 1),  /* a corrected cell: pieces not located */
      cf_edit_set_text (0, 1, 2, "3"),
      cf_edit_join (0, 1, 1),           /* "13", extracted "12" */
      cf_edit_split_text (0, 3, 0, 3),  /* 合 | 计, located */
      cf_edit_extract_rows (0, 1, 1),
      cf_edit_set_text (1, 0, 2, "14"),  /* the joined cell, moved by the inserted column */
    };

    g_assert_no_error (error);
    for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        g_autoptr (CfEdit) edit = edits[i];
        gboolean ok;

        /* 合计 needs an empty slot on its right for the split: insert a column. */
        if (i == 4)
          {
            g_autoptr (CfEdit) clear = cf_edit_insert_col (0, 1);
            g_assert_true (cf_edit_history_apply (history, clear, &error));
          }
        ok = cf_edit_history_apply (history, edit, &error);
        g_assert_no_error (error);
        g_assert_true (ok);
      }
    left = dump_document (doc);
    g_assert_nonnull (strstr (left, "[5] orig [] at -1+0"));
    g_assert_nonnull (strstr (left, "[14] orig [12]"));
    g_assert_nonnull (strstr (left, "[合] orig [] at 30+3"));
    g_assert_nonnull (strstr (left, "[计] orig [] at 33+3"));
  }
  {
    g_autoptr (CfDocument) doc = make_document ();
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);

    g_assert_no_error (error);
    g_assert_true (cf_edit_history_restore (history, &stale, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stale, ==, 0);
    replayed = dump_document (doc);
  }
  g_assert_cmpstr (replayed, ==, left);
  cf_test_rm_rf (dir);
}

/* A child makes edits and is SIGKILLed straight after: a reload has them all. */
static void
test_survives_sigkill (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *replayed = NULL;
  g_autoptr (GError) error = NULL;
  pid_t pid;
  int status = 0;

  /* What the child will make, made here without a store. */
  {
    g_autoptr (CfDocument) doc = make_document ();
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, NULL);
    for (int i = 0; i < 20; i++)
      {
        g_autoptr (CfEdit) insert = cf_edit_insert_row (0, 1);
        g_autofree char *text = g_strdup_printf ("%d", i);
        cf_edit_history_apply (history, insert, NULL);
        cf_edit_history_set_text (history, 0, 1, 1, text, NULL);
      }
    expected = dump_document (doc);
  }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      CfDocument *doc = make_document ();
      CfStore *store = cf_store_open (path, NULL);
      CfEditHistory *history = cf_edit_history_new (doc, store);
      for (int i = 0; i < 20; i++)
        {
          CfEdit *insert = cf_edit_insert_row (0, 1);
          char text[16];
          g_snprintf (text, sizeof text, "%d", i);
          cf_edit_history_apply (history, insert, NULL);
          cf_edit_history_set_text (history, 0, 1, 1, text, NULL);
        }
      raise (SIGKILL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  {
    g_autoptr (CfDocument) doc = make_document ();
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);
    guint stale = 99;

    g_assert_no_error (error);
    g_assert_true (cf_edit_history_restore (history, &stale, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stale, ==, 0);
    replayed = dump_document (doc);
    g_assert_cmpint (cf_table_get_n_rows (first_table (doc)), ==, 24);
  }
  g_assert_cmpstr (replayed, ==, expected);
  cf_test_rm_rf (dir);
}

/* The provenance notes of @doc as "table: message" lines. */
static char *
dump_notes (CfDocument *doc)
{
  GString *s = g_string_new (NULL);
  GPtrArray *notes = cf_document_get_notes (doc);

  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *note = g_ptr_array_index (notes, i);

      g_string_append_printf (s, "%s %s: %s @%" G_GINT64_FORMAT "+%" G_GINT64_FORMAT "\n",
                              note->rule, note->table ? note->table : "-",
                              note->message ? note->message : "", note->offset, note->length);
    }
  return g_string_free (s, FALSE);
}

/* A table as the area extraction makes one: rows 1–3 of the small report,
 * with a merged header, a lost cell and a PDF-like box on one cell. */
static CfTable *
make_extracted_table (void)
{
  CfTable *table = cf_table_new ();
  CfCell *cell;

  cf_table_add_cell (table, 0, 0, 1, 2, "甲 1", 14, 5)->flags |= CF_CELL_FLAG_HEADER;
  cf_table_add_cell (table, 0, 2, 1, 1, "2", 20, 1);
  cf_table_add_cell (table, 1, 0, 2, 1, "乙", 22, 3);
  cf_table_add_cell (table, 1, 1, 1, 1, "3", 26, 1)->flags |= CF_CELL_FLAG_UNCERTAIN;
  cell = cf_table_add_cell (table, 1, 2, 1, 1, "", -1, 0);
  cell->flags |= CF_CELL_FLAG_MISSING;
  cf_table_add_cell (table, 2, 1, 1, 1, "4", 37, 1);
  cell = cf_table_add_cell (table, 2, 2, 1, 1, "6", 39, 1);
  cell->page = 2;
  cell->bbox[0] = 10.5;
  cell->bbox[1] = 20;
  cell->bbox[2] = 30.25;
  cell->bbox[3] = 40;
  cf_table_set_title (table, "手工提取");
  cf_table_set_layout (table, "aligned");
  cf_table_set_range (table, 14, 26);
  cf_table_finish (table);
  return table;
}

static CfFinding *
make_note (void)
{
  CfFinding *note = cf_finding_new (CF_SEVERITY_INFO, "extract.area", NULL,
                                    "Table 2 was extracted by hand from lines 2–4 (aligned)");

  note->offset = 14;
  note->length = 26;
  return note;
}

/* An added table: in the list with its cells, title, range, layout and note;
 * undo takes table and note out (the document as before); redo brings the
 * same table back; its JSON makes the same table on another load. */
static void
test_add_table (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, NULL);
  g_autoptr (CfTable) source = make_extracted_table ();
  g_autoptr (CfFinding) note = make_note ();
  g_autoptr (CfEdit) edit = cf_edit_add_table (1, source, note);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump_document (doc);
  g_autofree char *notes_before = dump_notes (doc);
  g_autofree char *source_dump = dump_table (source);
  g_autofree char *after = NULL;
  g_autofree char *notes_after = NULL;
  g_autofree char *json = NULL;
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *added;
  gint64 offset = -1, length = -1;

  g_assert_true (cf_edit_is_structural (edit));
  g_assert_null (cf_edit_get_added_table (edit));
  g_assert_true (cf_edit_history_apply (history, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 2);
  added = g_ptr_array_index (tables, 1);
  g_assert_true (cf_edit_get_added_table (edit) == added);
  /* A copy: the extraction's own table is not the document's. */
  g_assert_true (added != source);
  g_assert_cmpstr (cf_table_get_id (added), ==, "table-2");
  g_assert_cmpstr (cf_table_get_title (added), ==, "手工提取");
  g_assert_cmpstr (cf_table_get_layout (added), ==, "aligned");
  cf_table_get_range (added, &offset, &length);
  g_assert_cmpint (offset, ==, 14);
  g_assert_cmpint (length, ==, 26);
  g_assert_cmpint (cf_table_get_origin_cell (added, 2, 2)->page, ==, 2);
  g_assert_cmpfloat (cf_table_get_origin_cell (added, 2, 2)->bbox[2], ==, 30.25);
  g_assert_cmpint (cf_table_get_origin_cell (added, 2, 2)->number.kind, ==, CF_NUMBER_VALUE);
  g_assert_true (cf_table_get_cell (added, 2, 0) == cf_table_get_origin_cell (added, 1, 0));
  {
    /* Cell for cell what was extracted, under its new id. */
    g_autofree char *dump = dump_table (added);

    g_assert_cmpstr (strchr (dump, ' '), ==, strchr (source_dump, ' '));
  }
  notes_after = dump_notes (doc);
  g_assert_nonnull (strstr (notes_after, "extract.area table-2: Table 2 was extracted by hand"
                                         " from lines 2–4 (aligned) @14+26"));
  after = dump_document (doc);
  {
    g_autofree char *described = cf_edit_describe (edit, doc);

    g_assert_cmpstr (described, ==, "add table-2");
  }

  /* Undo: no table, no note, the document as it was. */
  g_assert_true (cf_edit_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_null (cf_edit_get_added_table (edit));
  {
    g_autofree char *now = dump_document (doc);
    g_autofree char *notes_now = dump_notes (doc);

    g_assert_cmpstr (now, ==, before);
    g_assert_cmpstr (notes_now, ==, notes_before);
  }

  /* Redo: the same table again, and the same note. */
  g_assert_true (cf_edit_history_redo (history, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = dump_document (doc);
    g_autofree char *notes_now = dump_notes (doc);

    g_assert_cmpstr (now, ==, after);
    g_assert_cmpstr (notes_now, ==, notes_after);
  }

  /* The JSON carries the table: it round-trips and makes it on another load. */
  json = cf_edit_to_string (edit);
  {
    g_autoptr (CfEdit) back = cf_edit_from_string (json, &error);
    g_autoptr (CfDocument) other = make_document ();
    g_autofree char *again = NULL;
    g_autofree char *made = NULL;
    g_autofree char *notes_made = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cf_edit_get_kind (back), ==, CF_EDIT_ADD_TABLE);
    again = cf_edit_to_string (back);
    g_assert_cmpstr (again, ==, json);
    g_assert_true (cf_edit_apply (back, other, &error));
    g_assert_no_error (error);
    made = dump_document (other);
    notes_made = dump_notes (other);
    g_assert_cmpstr (made, ==, after);
    g_assert_cmpstr (notes_made, ==, notes_after);
  }
}

/* Stored add-table edits that do not fit are refused, the document unchanged. */
static void
test_add_table_refused (void)
{
  const char *bad[] = {
    /* past the end of the list */
    "{\"op\": \"add-table\", \"table\": 5, \"added\": {\"cells\": [{\"row\": 0, \"col\": 0, \"text\": \"1\"}]}}",
    /* two cells on one slot */
    "{\"op\": \"add-table\", \"table\": 1, \"added\": {\"cells\": [{\"row\": 0, \"col\": 0, \"cols\": 2, \"text\": \"a\"},"
    " {\"row\": 0, \"col\": 1, \"text\": \"b\"}]}}",
    /* no cells, and a cell out of bounds */
    "{\"op\": \"add-table\", \"table\": 1, \"added\": {\"cells\": []}}",
    "{\"op\": \"add-table\", \"table\": 1, \"added\": {\"cells\": [{\"row\": -1, \"col\": 0}]}}",
    "{\"op\": \"add-table\", \"table\": 1, \"added\": {\"cells\": [{\"row\": 9000000000, \"col\": 0}]}}",
  };
  g_autoptr (CfDocument) doc = make_document ();
  g_autofree char *before = dump_document (doc);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CfEdit) edit = cf_edit_from_string (bad[i], &error);
      g_autofree char *now = NULL;

      g_assert_no_error (error);
      g_assert_false (cf_edit_apply (edit, doc, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      now = dump_document (doc);
      g_assert_cmpstr (now, ==, before);
      g_assert_cmpuint (cf_document_get_notes (doc)->len, ==, 0);
    }
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (cf_edit_from_string ("{\"op\": \"add-table\", \"table\": 1}", &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  }
}

/* Added by hand, corrected, saved; a fresh load of the same file gets the
 * table back (with its note and the correction); an undone one stays out. */
static void
test_add_table_persists (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *left_notes = NULL;
  guint stale = 99;

  {
    g_autoptr (CfDocument) doc = make_document ();
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);
    g_autoptr (CfTable) source = make_extracted_table ();
    g_autoptr (CfFinding) note = make_note ();
    g_autoptr (CfEdit) add = cf_edit_add_table (1, source, note);
    g_autoptr (CfEdit) again = cf_edit_add_table (2, source, NULL);

    g_assert_no_error (error);
    g_assert_true (cf_edit_history_restore (history, &stale, &error));
    g_assert_true (cf_edit_history_apply (history, add, &error));
    g_assert_true (cf_edit_history_set_text (history, 1, 2, 1, "5", &error));
    g_assert_true (cf_edit_history_apply (history, again, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cf_table_get_id (g_ptr_array_index (cf_document_get_tables (doc), 2)), ==,
                     "table-3");
    /* The second one is undone: not saved, not made again. */
    g_assert_true (cf_edit_history_undo (history, &error));
    g_assert_no_error (error);
    left = dump_document (doc);
    left_notes = dump_notes (doc);
    g_assert_nonnull (strstr (left, "table-2 3x3"));
    g_assert_nonnull (strstr (left, "[5] orig [4]"));
    g_assert_null (strstr (left, "table-3"));
  }
  {
    g_autoptr (CfDocument) doc = make_document ();
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, store);
    g_autofree char *replayed = NULL;
    g_autofree char *replayed_notes = NULL;

    g_assert_no_error (error);
    g_assert_true (cf_edit_history_restore (history, &stale, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stale, ==, 0);
    g_assert_false (cf_edit_history_can_undo (history));
    replayed = dump_document (doc);
    replayed_notes = dump_notes (doc);
    g_assert_cmpstr (replayed, ==, left);
    g_assert_cmpstr (replayed_notes, ==, left_notes);
  }
  cf_test_rm_rf (dir);
}

/* Typing then Esc: the cell goes back to what it held, and no step is left
 * that would make one Ctrl+Z do nothing. */
static void
test_typed_back (void)
{
  g_autoptr (CfDocument) doc = make_document ();
  g_autoptr (CfEditHistory) history = cf_edit_history_new (doc, NULL);
  g_autoptr (GError) error = NULL;
  CfTable *t = first_table (doc);

  g_assert_true (cf_edit_history_set_text (history, 0, 3, 1, "7", &error));
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "1", &error));
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "12", &error));
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 2);
  g_assert_true (cf_edit_history_set_text (history, 0, 3, 2, "6", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_test_cell_text (t, 3, 2), ==, "6");
  g_assert_false (cf_table_get_cell (t, 3, 2)->flags & CF_CELL_FLAG_CORRECTED);
  g_assert_cmpuint (cf_edit_history_get_n_undo (history), ==, 1);
  g_assert_false (cf_edit_history_can_redo (history));
  /* The step below it is the next undo. */
  g_assert_true (cf_edit_history_undo (history, &error));
  g_assert_cmpstr (cf_test_cell_text (t, 3, 1), ==, "4");
  g_assert_false (cf_edit_history_can_undo (history));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-edit/structure-edits", test_structure_edits);
  g_test_add_func ("/table-edit/refused-edits", test_refused_edits);
  g_test_add_func ("/table-edit/corpus-edits", test_corpus_edits);
  g_test_add_func ("/table-edit/coalescing", test_coalescing);
  g_test_add_func ("/table-edit/typed-back", test_typed_back);
  g_test_add_func ("/table-edit/json-round-trip", test_json_round_trip);
  g_test_add_func ("/table-edit/persist-and-replay", test_persist_and_replay);
  g_test_add_func ("/table-edit/replay-split-join", test_replay_split_join);
  g_test_add_func ("/table-edit/survives-sigkill", test_survives_sigkill);
  g_test_add_func ("/table-edit/add-table", test_add_table);
  g_test_add_func ("/table-edit/add-table-refused", test_add_table_refused);
  g_test_add_func ("/table-edit/add-table-persists", test_add_table_persists);
  return g_test_run ();
}
