/* cf-cli-compare.c: crossfoot-cli compare OLD NEW — two years side by side
 *
 * Both reports are read as every command reads them (cf-cli.h), then
 * compared by the core (cf-comparison.h). The exit status is audit's over
 * the two reports and the carry-over findings between them; a pair that
 * cannot be compared (different bodies without --force) exits 2.
 */
#include "config.h"

#include <glib/gi18n.h>
#include "cf-cli.h"

/* How many of the largest changes the summary prints. */
#define N_SUMMARY_CHANGES 10

static void
append_change_line (GString *out, CfCellChange *change)
{
  g_autofree char *old_text = cf_cell_change_dup_value_text (change, FALSE);
  g_autofree char *new_text = cf_cell_change_dup_value_text (change, TRUE);
  g_autofree char *delta = cf_cell_change_dup_change_text (change);

  g_string_append_printf (out, "  %s [%s, %s]: %s → %s", cf_cell_change_get_table_id (change),
                          cf_cell_change_get_row_label (change),
                          cf_cell_change_get_col_label (change), old_text, new_text);
  if (*delta != '\0')
    g_string_append_printf (out, " (%s)", delta);
  g_string_append_c (out, '\n');
}

static void
render_summary (GString *out, CfComparison *comparison, CfReview *review)
{
  GListModel *tables = cf_comparison_get_tables (comparison);
  GPtrArray *carry = cf_comparison_get_carry_findings (comparison);
  g_autoptr (GPtrArray) largest = cf_comparison_list_largest_changes (comparison, 0);
  CfTextDiff *text = cf_comparison_get_text (comparison);
  const char *const *notes = cf_comparison_get_notes (comparison);
  const char *years[2] = { cf_comparison_get_year_label (comparison, FALSE),
                           cf_comparison_get_year_label (comparison, TRUE) };
  guint n_cells = 0, n_missing = 0;

  for (int y = 0; y < 2; y++)
    {
      CfDocument *doc = cf_comparison_get_document (comparison, y);
      const char *form = cf_document_get_form (doc);

      g_string_append_printf (out, "%s: %s", years[y], cf_document_get_path (doc));
      if (form != NULL)
        g_string_append_printf (out, _(", form %s"), form);
      else
        g_string_append (out, _(", no known form"));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; notes[i] != NULL; i++)
    g_string_append_printf (out, "%s\n", notes[i]);

  /* Tables, then how their cells changed. */
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);
      GListModel *changes = cf_table_diff_get_changes (diff);
      CfTableMatch match = cf_table_diff_get_match (diff);

      n_cells += g_list_model_get_n_items (changes);
      for (guint c = 0; c < g_list_model_get_n_items (changes); c++)
        {
          g_autoptr (CfCellChange) change = g_list_model_get_item (changes, c);
          CfCellChangeKind kind = cf_cell_change_get_kind (change);

          n_missing += kind == CF_CELL_CHANGE_ONLY_OLD || kind == CF_CELL_CHANGE_ONLY_NEW;
        }
      if (match == CF_TABLE_MATCH_ONLY_OLD || match == CF_TABLE_MATCH_ONLY_NEW)
        g_string_append_printf (out, _("Table “%s”: only in %s\n"), cf_table_diff_get_title (diff),
                                years[match == CF_TABLE_MATCH_ONLY_NEW]);
    }
  g_string_append_printf (out, _("Cells: %u compared, %u changed, %u in one year only\n"), n_cells,
                          largest->len, n_missing);
  if (largest->len > 0)
    g_string_append (out, _("Largest changes:\n"));
  for (guint i = 0; i < largest->len && i < N_SUMMARY_CHANGES; i++)
    append_change_line (out, largest->pdata[i]);

  if (cf_comparison_get_carry_note (comparison) != NULL)
    g_string_append_printf (out, "%s\n", cf_comparison_get_carry_note (comparison));
  else
    g_string_append_printf (out, ngettext ("Carry-over: %u finding\n", "Carry-over: %u findings\n",
                                           carry->len), carry->len);
  for (guint i = 0; i < carry->len; i++)
    {
      const CfFinding *finding = carry->pdata[i];
      g_autofree char *severity = g_ascii_strup (cf_severity_to_string (finding->severity), -1);

      /* Not translated, as in audit: scripts grep for it. */
      g_string_append_printf (out, "%s%s %s: %s\n",
                              cf_review_is_accepted (review, finding, NULL) ? "[accepted] " : "",
                              severity, finding->rule, finding->message);
    }

  g_string_append_printf (out, ngettext ("Text: %u sentence changed\n",
                                         "Text: %u sentences changed\n",
                                         cf_text_diff_count_changes (text)),
                          cf_text_diff_count_changes (text));
  for (guint s = 0; s < cf_text_diff_get_n_sections (text); s++)
    {
      const CfSectionDiff *section = cf_text_diff_get_section (text, s);

      if (section->old_heading == NULL)
        g_string_append_printf (out, _("  section only in %s: %s\n"), years[1],
                                section->new_heading);
      else if (section->new_heading == NULL)
        g_string_append_printf (out, _("  section only in %s: %s\n"), years[0],
                                section->old_heading);
    }
}

int
cf_cli_run_compare (int argc, char **argv)
{
  g_auto (GStrv) files = NULL;
  gboolean json = FALSE, force = FALSE;
  g_autofree char *pdf_path = NULL;
  g_autofree char *html_path = NULL;
  g_auto (Inputs) inputs = { 0 };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as one JSON object"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Compare reports of different bodies as one body's"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the comparison report as PDF to FILE"), N_("FILE") },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html_path, N_("Write the comparison report as HTML to FILE"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("OLD NEW") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfReview) old_review = NULL;
  g_autoptr (CfReview) new_review = NULL;
  g_autoptr (CfDocument) old_doc = NULL;
  g_autoptr (CfDocument) new_doc = NULL;
  CfReview **reviews[2] = { &old_review, &new_review };
  CfDocument **docs[2] = { &old_doc, &new_doc };
  CfReview *later_review;
  g_autoptr (CfComparison) comparison = NULL;
  int status = EXIT_CLEAN;
  gboolean swapped;

  if (!parse_command_line (context, entries, NULL, &inputs, &argc, &argv))
    return EXIT_UNREADABLE;
  if (files == NULL || g_strv_length (files) != 2)
    {
      print_error (_("compare: use compare OLD NEW (two reports)"));
      return EXIT_UNREADABLE;
    }
  if (!inputs_prepare (&inputs))
    return EXIT_UNREADABLE;
  for (int y = 0; y < 2; y++)
    if ((*docs[y] = load_and_audit (files[y], &inputs, reviews[y])) == NULL)
      status = EXIT_UNREADABLE;
  inputs_finish (&inputs);
  if (status == EXIT_UNREADABLE)
    return status;

  comparison = cf_comparison_new (old_doc, new_doc, force ? CF_COMPARE_FORCE : CF_COMPARE_NONE,
                                  &error);
  if (comparison == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s (--force compares them anyway)"),
                                                  error->message);
      print_error (message);
      return EXIT_UNREADABLE;
    }
  /* The core puts the earlier year first; the verdicts follow their report. */
  swapped = cf_comparison_get_document (comparison, FALSE) != old_doc;
  later_review = swapped ? old_review : new_review;
  if (json)
    {
      g_autoptr (JsonNode) node = cf_comparison_to_json (comparison, later_review);
      g_autofree char *line = cf_json_node_to_line (node);

      g_print ("%s\n", line);
    }
  else
    {
      g_autoptr (GString) out = g_string_new (NULL);

      render_summary (out, comparison, later_review);
      g_print ("%s", out->str);
    }

  if (html_path != NULL && !cf_compare_report_write_html (comparison, html_path, &error))
    {
      print_error (error->message);
      return EXIT_UNREADABLE;
    }
  if (pdf_path != NULL && !cf_compare_report_write_pdf (comparison, pdf_path, &error))
    {
      print_error (error->message);
      return EXIT_UNREADABLE;
    }

  for (int y = 0; y < 2; y++)
    if (has_error_finding (*docs[y], *reviews[y]))
      status = EXIT_ERROR_FINDING;
  {
    GPtrArray *carry = cf_comparison_get_carry_findings (comparison);

    for (guint i = 0; i < carry->len; i++)
      {
        const CfFinding *finding = carry->pdata[i];

        if (finding->severity == CF_SEVERITY_ERROR
            && !cf_review_is_accepted (later_review, finding, NULL))
          status = EXIT_ERROR_FINDING;
      }
  }
  return status;
}
