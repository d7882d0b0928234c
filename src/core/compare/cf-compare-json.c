/* cf-compare-json.c: a comparison as JSON */
#include "config.h"

#include "cf-export.h"
#include "cf-compare-json.h"

static void
add_int_or_null (JsonBuilder *b, const char *name, int value)
{
  json_builder_set_member_name (b, name);
  if (value > 0)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_double (JsonBuilder *b, const char *name, gboolean known, double value)
{
  json_builder_set_member_name (b, name);
  if (known)
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
build_report (JsonBuilder *b, CfDocument *doc)
{
  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "path", cf_document_get_path (doc));
  cf_json_add_string_or_null (b, "sha256", cf_document_get_sha256 (doc));
  cf_json_add_string_or_null (b, "body", cf_document_get_body (doc));
  add_int_or_null (b, "year", cf_document_get_year (doc));
  cf_json_add_string_or_null (b, "form", cf_document_get_form (doc));
  json_builder_end_object (b);
}

/* A cell of one year: {"text", "value", "page"}, or null when absent. */
static void
build_side (JsonBuilder *b, const char *name, const CfCell *cell)
{
  json_builder_set_member_name (b, name);
  if (cell == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "text", cell->text ? cell->text : "");
  add_double (b, "value", cell->number.kind == CF_NUMBER_VALUE
                            && !(cell->flags & CF_CELL_FLAG_MISSING), cell->number.value);
  add_int_or_null (b, "page", cell->page);
  json_builder_end_object (b);
}

static void
build_change (JsonBuilder *b, CfCellChange *change, gboolean with_table)
{
  double delta = 0, relative = 0;
  gboolean has_delta = cf_cell_change_get_delta (change, &delta);
  gboolean has_relative = cf_cell_change_get_relative (change, &relative);

  json_builder_begin_object (b);
  if (with_table)
    cf_json_add_string_or_null (b, "table", cf_cell_change_get_table_id (change));
  cf_json_add_string_or_null (b, "row_key", cf_cell_change_get_row_key (change));
  cf_json_add_string_or_null (b, "col_key", cf_cell_change_get_col_key (change));
  cf_json_add_string_or_null (b, "row_label", cf_cell_change_get_row_label (change));
  cf_json_add_string_or_null (b, "col_label", cf_cell_change_get_col_label (change));
  cf_json_add_string_or_null (b, "change", cf_cell_change_kind_to_string (cf_cell_change_get_kind (change)));
  build_side (b, "old", cf_cell_change_get_cell (change, FALSE));
  build_side (b, "new", cf_cell_change_get_cell (change, TRUE));
  add_double (b, "delta", has_delta, delta);
  add_double (b, "relative", has_relative, relative);
  json_builder_end_object (b);
}

static void
build_table (JsonBuilder *b, CfTableDiff *diff)
{
  GListModel *changes = cf_table_diff_get_changes (diff);

  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "title", cf_table_diff_get_title (diff));
  cf_json_add_string_or_null (b, "match", cf_table_match_to_string (cf_table_diff_get_match (diff)));
  cf_json_add_string_or_null (b, "old_table", cf_table_diff_get_table_id (diff, FALSE));
  cf_json_add_string_or_null (b, "new_table", cf_table_diff_get_table_id (diff, TRUE));
  add_int_or_null (b, "old_page", cf_table_diff_get_page (diff, FALSE));
  add_int_or_null (b, "new_page", cf_table_diff_get_page (diff, TRUE));
  json_builder_set_member_name (b, "n_changed");
  json_builder_add_int_value (b, cf_table_diff_count_changed (diff));
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint c = 0; c < g_list_model_get_n_items (changes); c++)
    {
      g_autoptr (CfCellChange) change = g_list_model_get_item (changes, c);

      build_change (b, change, FALSE);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* A carry-over finding as audit --json prints findings, plus the two cells
 * with their year and page. */
static void
build_carry (JsonBuilder *b, CfComparison *comparison, const CfFinding *finding,
             CfReview *review)
{
  g_autoptr (JsonNode) node = cf_json_finding_with_review (finding, review);
  JsonObject *object = json_node_get_object (node);
  JsonArray *places = json_array_new ();

  for (guint i = 0; finding->cells != NULL && i < finding->cells->len; i++)
    {
      gboolean new_year = FALSE;
      const CfCell *cell = cf_comparison_get_finding_cell (comparison, finding, i, &new_year);
      JsonObject *place = json_object_new ();
      CfDocument *doc = cf_comparison_get_document (comparison, new_year);

      json_object_set_string_member (place, "document", cf_document_get_path (doc));
      json_object_set_int_member (place, "year", cf_document_get_year (doc));
      if (cell != NULL && cell->page > 0)
        json_object_set_int_member (place, "page", cell->page);
      else
        json_object_set_null_member (place, "page");
      if (cell != NULL)
        json_object_set_string_member (place, "text", cell->text ? cell->text : "");
      else
        json_object_set_null_member (place, "text");
      json_array_add_object_element (places, place);
    }
  json_object_set_array_member (object, "places", places);
  json_builder_add_value (b, g_steal_pointer (&node));
}

static void
build_sentence (JsonBuilder *b, const CfSentenceChange *s)
{
  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "change", cf_text_change_kind_to_string (s->kind));
  cf_json_add_string_or_null (b, "old", s->old_text);
  cf_json_add_string_or_null (b, "new", s->new_text);
  if (s->spans != NULL)
    {
      json_builder_set_member_name (b, "spans");
      json_builder_begin_array (b);
      for (guint i = 0; i < s->spans->len; i++)
        {
          const CfDiffSpan *span = &g_array_index (s->spans, CfDiffSpan, i);
          g_autofree char *old_part = g_strndup (s->old_text + span->old_offset, span->old_length);
          g_autofree char *new_part = g_strndup (s->new_text + span->new_offset, span->new_length);

          if (span->op == CF_DIFF_SAME)
            continue;
          json_builder_begin_object (b);
          cf_json_add_string_or_null (b, "op", span->op == CF_DIFF_REMOVED ? "removed" : "inserted");
          cf_json_add_string_or_null (b, "text", span->op == CF_DIFF_REMOVED ? old_part : new_part);
          json_builder_set_member_name (b, "number");
          json_builder_add_boolean_value (b, span->is_number);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
build_text (JsonBuilder *b, CfTextDiff *text)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "n_changes");
  json_builder_add_int_value (b, cf_text_diff_count_changes (text));
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint s = 0; s < cf_text_diff_get_n_sections (text); s++)
    {
      const CfSectionDiff *section = cf_text_diff_get_section (text, s);

      json_builder_begin_object (b);
      cf_json_add_string_or_null (b, "old_heading", section->old_heading);
      cf_json_add_string_or_null (b, "new_heading", section->new_heading);
      json_builder_set_member_name (b, "sentences");
      json_builder_begin_array (b);
      for (guint i = 0; i < section->sentences->len; i++)
        {
          const CfSentenceChange *sentence = section->sentences->pdata[i];

          if (sentence->kind != CF_TEXT_SAME)
            build_sentence (b, sentence);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

JsonNode *
cf_comparison_to_json (CfComparison *comparison, CfReview *review)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  GListModel *tables = cf_comparison_get_tables (comparison);
  GPtrArray *carry = cf_comparison_get_carry_findings (comparison);
  g_autoptr (GPtrArray) largest = cf_comparison_list_largest_changes (comparison,
                                                                       CF_COMPARE_N_LARGEST);
  const char *const *notes = cf_comparison_get_notes (comparison);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "old");
  build_report (b, cf_comparison_get_document (comparison, FALSE));
  json_builder_set_member_name (b, "new");
  build_report (b, cf_comparison_get_document (comparison, TRUE));
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; notes[i] != NULL; i++)
    json_builder_add_string_value (b, notes[i]);
  json_builder_end_array (b);
  cf_json_add_string_or_null (b, "carry_note", cf_comparison_get_carry_note (comparison));

  json_builder_set_member_name (b, "tables");
  json_builder_begin_array (b);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);

      build_table (b, diff);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "largest_changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < largest->len; i++)
    build_change (b, largest->pdata[i], TRUE);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "carry_findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < carry->len; i++)
    build_carry (b, comparison, carry->pdata[i], review);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "text");
  build_text (b, cf_comparison_get_text (comparison));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
