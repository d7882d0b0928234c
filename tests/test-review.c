/* Tests of the review state: accepted findings stop counting as open, keep
 * their note, and survive a reopen and a re-audit. */
#include <string.h>

#include "cf-test-util.h"

/* The corpus report with one total made wrong, audited: it has errors. */
static CfDocument *
load_broken_report (void)
{
  CfDocument *doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
  CfTable *requests;
  CfCell *cell;

  cf_audit_document (doc, NULL);
  requests = cf_document_find_table (doc, "requests");
  g_assert_nonnull (requests);
  cell = cf_table_find_by_keys (requests, "new", "total");
  g_assert_nonnull (cell);
  cf_cell_set_text (cell, "14070");
  cf_audit_document (doc, NULL);
  return doc;
}

static CfFinding *
first_error (CfDocument *doc)
{
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);
      if (f->severity == CF_SEVERITY_ERROR)
        return f;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_key_is_stable (void)
{
  g_autoptr (CfFinding) a = cf_finding_new (CF_SEVERITY_ERROR, "requests.balance", "requests", "x");
  g_autoptr (CfFinding) b = cf_finding_new (CF_SEVERITY_ERROR, "table.total", "table-3", "y");
  g_autoptr (CfFinding) c = cf_finding_new (CF_SEVERITY_WARNING, "prose.sum", NULL, "z");
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;
  g_autofree char *kc = NULL;

  cf_finding_add_cell (a, "requests", 3, 9, "new", "total");
  cf_finding_add_cell (a, "requests", 3, 3, "new", "natural_person");
  cf_finding_add_cell (b, "table-3", 4, 2, NULL, NULL);
  c->offset = 120;
  ka = cf_review_key_for_finding (a);
  kb = cf_review_key_for_finding (b);
  kc = cf_review_key_for_finding (c);
  g_assert_cmpstr (ka, ==, "requests.balance|requests|new/total");
  g_assert_cmpstr (kb, ==, "table.total|table-3|r4 c2");
  g_assert_cmpstr (kc, ==, "prose.sum||@120");
}

static void
test_accept_survives_reopen (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = load_broken_report ();
  const char *sha = cf_document_get_sha256 (doc);
  guint open_errors = cf_document_count_findings (doc, CF_SEVERITY_ERROR);
  guint open_warnings = cf_document_count_findings (doc, CF_SEVERITY_WARNING);
  const char *note = NULL;

  g_assert_cmpuint (open_errors, >, 0);
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfReview) review = cf_review_new (store, sha, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, open_errors);
    g_assert_true (cf_review_accept (review, first_error (doc), "报告原文如此", &error));
    g_assert_no_error (error);
    g_assert_true (cf_review_set_table_reviewed (review, "requests", TRUE, &error));
    g_assert_true (cf_review_set_table_reviewed (review, "appeals", TRUE, &error));
    g_assert_true (cf_review_set_table_reviewed (review, "appeals", FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, open_errors - 1);
  }
  /* A re-audit makes new finding objects: the verdict still finds its finding. */
  cf_audit_document (doc, NULL);
  g_assert_cmpuint (cf_document_count_findings (doc, CF_SEVERITY_ERROR), ==, open_errors);
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfReview) review = cf_review_new (store, sha, &error);
    g_autoptr (CfReview) other = cf_review_new (store, "another-document", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cf_review_get_n_accepted (review), ==, 1);
    g_assert_true (cf_review_is_accepted (review, first_error (doc), &note));
    g_assert_cmpstr (note, ==, "报告原文如此");
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, open_errors - 1);
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_WARNING), ==, open_warnings);
    g_assert_true (cf_review_get_table_reviewed (review, "requests"));
    g_assert_false (cf_review_get_table_reviewed (review, "appeals"));
    g_assert_false (cf_review_is_accepted (other, first_error (doc), NULL));
    g_assert_false (cf_review_get_table_reviewed (other, "requests"));

    g_assert_true (cf_review_unaccept (review, first_error (doc), &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (CfStore) store = cf_store_open (path, &error);
    g_autoptr (CfReview) review = cf_review_new (store, sha, &error);

    g_assert_no_error (error);
    g_assert_false (cf_review_is_accepted (review, first_error (doc), NULL));
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, open_errors);
  }
  cf_test_rm_rf (dir);
}

/* Fixing the value makes the finding go away; the verdict just stays unused. */
static void
test_in_memory (void)
{
  g_autoptr (CfDocument) doc = load_broken_report ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CfReview) review = cf_review_new (NULL, cf_document_get_sha256 (doc), &error);
  guint errors = cf_document_count_findings (doc, CF_SEVERITY_ERROR);
  GPtrArray *findings = cf_document_get_findings (doc);

  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);
      if (f->severity == CF_SEVERITY_ERROR)
        g_assert_true (cf_review_accept (review, f, NULL, &error));
    }
  g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (cf_review_get_n_accepted (review), <=, errors);
  cf_cell_set_text (cf_table_find_by_keys (cf_document_find_table (doc, "requests"), "new",
                                           "total"), "14069");
  cf_audit_document (doc, NULL);
  g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, 0);
}

/* Two generic tables (no form), each with a wrong total. */
static const char two_tables_html[] =
  "<html><head><meta charset=\"utf-8\"><title>某局2021年政府信息公开工作年度报告</title></head><body>\n"
  "<h2>一、人员情况</h2>\n<table>\n"
  "<tr><td>科室</td><td>人数</td><td>经费</td></tr>\n"
  "<tr><td>办公室</td><td>3</td><td>10</td></tr>\n"
  "<tr><td>法规科</td><td>2</td><td>5</td></tr>\n"
  "<tr><td>合计</td><td>6</td><td>15</td></tr>\n</table>\n"
  "<h2>二、培训情况</h2>\n<table>\n"
  "<tr><td>类别</td><td>场次</td><td>人次</td></tr>\n"
  "<tr><td>业务培训</td><td>4</td><td>40</td></tr>\n"
  "<tr><td>专题讲座</td><td>1</td><td>12</td></tr>\n"
  "<tr><td>合计</td><td>5</td><td>50</td></tr>\n</table>\n"
  "</body></html>\n";

/* The one finding of @rule on the table titled @title, or NULL. */
static CfFinding *
finding_on_table (CfDocument *doc, const char *rule, const char *title)
{
  GPtrArray *findings = cf_document_get_findings (doc);
  CfFinding *found = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *f = g_ptr_array_index (findings, i);
      CfTable *table = f->table ? cf_document_find_table (doc, f->table) : NULL;

      if (g_strcmp0 (f->rule, rule) == 0 && table != NULL
          && g_strcmp0 (cf_table_get_title (table), title) == 0)
        {
          g_assert_null (found);
          found = f;
        }
    }
  return found;
}

/* Opens @path as the app does: load, replay the stored edits, audit. */
static CfDocument *
reopen (const char *path, CfStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfDocument) doc = cf_loader_load_file (path, NULL, NULL, &error);
  guint n_stale = 0;

  g_assert_no_error (error);
  g_assert_true (cf_store_restore (store, doc, &n_stale, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stale, ==, 0);
  cf_audit_document (doc, NULL);
  return g_steal_pointer (&doc);
}

/* A verdict on the second generic table stays on its finding when the first
 * table is deleted (and another table added), across a reopen. */
static void
test_generic_table_key_survives_removal (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *path = g_build_filename (dir, "two-tables.html", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  g_autofree char *key_before = NULL;
  g_autofree char *first_table_key = NULL;
  const char *note = NULL;
  CfFinding *training;

  g_assert_true (g_file_set_contents (path, two_tables_html, -1, NULL));
  store = cf_store_open (db, &error);
  g_assert_no_error (error);
  doc = reopen (path, store);
  g_assert_null (cf_document_get_form (doc));
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 2);
  training = finding_on_table (doc, "table.total", "二、培训情况");
  g_assert_nonnull (training);
  g_assert_nonnull (finding_on_table (doc, "table.total", "一、人员情况"));
  key_before = cf_review_key_for_finding (training);
  first_table_key = cf_review_key_for_finding (finding_on_table (doc, "table.total",
                                                                 "一、人员情况"));

  /* Accept the second table's finding, mark it reviewed, delete the first table. */
  {
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    CfTable *second = g_ptr_array_index (cf_document_get_tables (doc), 1);
    CfEdit *remove = cf_edit_remove_table (0);

    g_assert_no_error (error);
    g_assert_true (cf_review_accept (review, training, "原文如此", &error));
    g_assert_true (cf_review_set_table_reviewed (review, cf_table_get_id (second), TRUE,
                                                 &error));
    g_assert_no_error (error);
    g_assert_true (cf_edit_apply (remove, doc, &error));
    g_assert_no_error (error);
    g_ptr_array_add (edits, remove);
  }
  /* A table added by hand takes no key a table had before. */
  {
    g_autoptr (CfTable) copy = cf_table_new ();
    CfEdit *add;

    cf_table_add_cell (copy, 0, 0, 1, 1, "合计", -1, -1);
    cf_table_add_cell (copy, 0, 1, 1, 1, "1", -1, -1);
    cf_table_finish (copy);
    add = cf_edit_add_table (1, copy, NULL);
    g_assert_true (cf_edit_apply (add, doc, &error));
    g_assert_no_error (error);
    g_ptr_array_add (edits, add);
  }
  g_assert_true (cf_store_save_edits (store, cf_document_get_sha256 (doc), edits, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  g_clear_object (&store);

  store = cf_store_open (db, &error);
  g_assert_no_error (error);
  doc = reopen (path, store);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 2);
  {
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    CfTable *kept = g_ptr_array_index (cf_document_get_tables (doc), 0);
    CfTable *added = g_ptr_array_index (cf_document_get_tables (doc), 1);
    g_autofree char *key_after = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (cf_table_get_title (kept), ==, "二、培训情况");
    g_assert_null (finding_on_table (doc, "table.total", "一、人员情况"));
    training = finding_on_table (doc, "table.total", "二、培训情况");
    g_assert_nonnull (training);
    key_after = cf_review_key_for_finding (training);
    g_assert_cmpstr (key_after, ==, key_before);
    g_assert_true (cf_review_is_accepted (review, training, &note));
    g_assert_cmpstr (note, ==, "原文如此");
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==,
                      cf_document_count_findings (doc, CF_SEVERITY_ERROR) - 1);
    g_assert_true (cf_review_get_table_reviewed (review, cf_table_get_id (kept)));
    g_assert_false (cf_review_get_table_reviewed (review, cf_table_get_id (added)));
    /* Nothing of the deleted first table is found on the added one. */
    g_assert_cmpstr (cf_table_get_id (added), !=, "table-1");
    for (guint i = 0; i < cf_document_get_findings (doc)->len; i++)
      {
        g_autofree char *key = cf_review_key_for_finding (g_ptr_array_index (cf_document_get_findings (doc), i));

        g_assert_cmpstr (key, !=, first_table_key);
      }
  }
  cf_test_rm_rf (dir);
}

/* A generic table made by hand: a total row whose 人次 (row 3, column 2) is
 * wrong, as in the second table of two_tables_html, with other numbers. */
static CfTable *
new_wrong_total_table (void)
{
  static const char *const cells[4][3] = {
    { "类别", "场次", "人次" },
    { "座谈会", "1", "10" },
    { "开放日", "1", "10" },
    { "合计", "2", "30" },
  };
  CfTable *table = cf_table_new ();

  for (int r = 0; r < 4; r++)
    for (int c = 0; c < 3; c++)
      cf_table_add_cell (table, r, c, 1, 1, cells[r][c], -1, -1);
  cf_table_set_title (table, "三、活动情况");
  cf_table_finish (table);
  return table;
}

/* A table deleted and another one added in its place: the new table takes
 * no id the deleted one had, so the verdicts on the deleted table's findings
 * (and its reviewed mark) do not land on the new table's, even on a reopen. */
static void
test_deleted_table_key_not_reused (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *path = g_build_filename (dir, "two-tables.html", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_edit_unref);
  g_autofree char *deleted_id = NULL;

  g_assert_true (g_file_set_contents (path, two_tables_html, -1, NULL));
  store = cf_store_open (db, &error);
  g_assert_no_error (error);
  doc = reopen (path, store);
  {
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    g_autoptr (CfTable) made = new_wrong_total_table ();
    CfTable *second = g_ptr_array_index (cf_document_get_tables (doc), 1);
    CfEdit *remove = cf_edit_remove_table (1);
    CfEdit *add = cf_edit_add_table (1, made, NULL);

    g_assert_no_error (error);
    deleted_id = g_strdup (cf_table_get_id (second));
    g_assert_true (cf_review_accept (review, finding_on_table (doc, "table.total", "二、培训情况"),
                                     NULL, &error));
    g_assert_true (cf_review_set_table_reviewed (review, deleted_id, TRUE, &error));
    g_assert_true (cf_edit_apply (remove, doc, &error));
    g_assert_true (cf_edit_apply (add, doc, &error));
    g_assert_no_error (error);
    g_ptr_array_add (edits, remove);
    g_ptr_array_add (edits, add);
    g_assert_cmpstr (cf_table_get_id (cf_edit_get_added_table (add)), !=, deleted_id);
  }
  g_assert_true (cf_store_save_edits (store, cf_document_get_sha256 (doc), edits, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);

  doc = reopen (path, store);
  {
    g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    CfTable *added = g_ptr_array_index (cf_document_get_tables (doc), 1);
    CfFinding *wrong = finding_on_table (doc, "table.total", "三、活动情况");

    g_assert_no_error (error);
    g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 2);
    g_assert_cmpstr (cf_table_get_title (added), ==, "三、活动情况");
    g_assert_cmpstr (cf_table_get_id (added), !=, deleted_id);
    g_assert_nonnull (wrong);
    g_assert_false (cf_review_is_accepted (review, wrong, NULL));
    g_assert_false (cf_review_get_table_reviewed (review, cf_table_get_id (added)));
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==,
                      cf_document_count_findings (doc, CF_SEVERITY_ERROR));
  }
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review/key-is-stable", test_key_is_stable);
  g_test_add_func ("/review/accept-survives-reopen", test_accept_survives_reopen);
  g_test_add_func ("/review/in-memory", test_in_memory);
  g_test_add_func ("/review/generic-table-key-survives-removal",
                   test_generic_table_key_survives_removal);
  g_test_add_func ("/review/deleted-table-key-not-reused", test_deleted_table_key_not_reused);
  return g_test_run ();
}
