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
    g_autoptr (CfCorrectionStore) store = cf_correction_store_open (path, &error);
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
    g_autoptr (CfCorrectionStore) store = cf_correction_store_open (path, &error);
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
    g_autoptr (CfCorrectionStore) store = cf_correction_store_open (path, &error);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review/key-is-stable", test_key_is_stable);
  g_test_add_func ("/review/accept-survives-reopen", test_accept_survives_reopen);
  g_test_add_func ("/review/in-memory", test_in_memory);
  return g_test_run ();
}
