/* cf-json.c: documents and findings out as JSON
 *
 * JSON follows ../shared/spec/cli.md and is built with json-glib so escaping
 * is never hand-made.
 */
#include "config.h"

#include <math.h>
#include "cf-json.h"
#include "cf-export-private.h"

/* Integers as JSON integers (4, not 4.0), other values as doubles. */
static void
add_number (JsonBuilder *b, double value)
{
  if (cf_number_is_integer (value) && value > -9e15 && value < 9e15)
    json_builder_add_int_value (b, (gint64) nearbyint (value));
  else
    json_builder_add_double_value (b, value);
}

void
cf_json_add_string_or_null (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_bbox (JsonBuilder *b, const double bbox[4])
{
  json_builder_begin_array (b);
  for (int i = 0; i < 4; i++)
    json_builder_add_double_value (b, bbox[i]);
  json_builder_end_array (b);
}

static void
build_document_meta (JsonBuilder *b, CfDocument *doc)
{
  CfDocumentKind kind = cf_document_get_kind (doc);
  const char *body = cf_document_get_body (doc);
  int year = cf_document_get_year (doc);
  g_autofree char *path = cf_export_display_path (cf_document_get_path (doc));

  json_builder_set_member_name (b, "document");
  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "path", path);
  cf_json_add_string_or_null (b, "sha256", cf_document_get_sha256 (doc));
  cf_json_add_string_or_null (b, "kind", cf_document_kind_to_string (kind));
  json_builder_set_member_name (b, "pages");
  if (kind == CF_DOCUMENT_KIND_PDF)
    json_builder_add_int_value (b, cf_document_get_n_pages (doc));
  else
    json_builder_add_null_value (b);
  cf_json_add_string_or_null (b, "encoding",
                      kind == CF_DOCUMENT_KIND_PDF ? NULL : cf_document_get_encoding (doc));
  if (body != NULL)
    cf_json_add_string_or_null (b, "body", body);
  if (year > 0)
    {
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, year);
    }
  json_builder_end_object (b);
}

static void
build_cell (JsonBuilder *b, const CfCell *cell, gboolean from_pdf)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "row");
  json_builder_add_int_value (b, cell->row);
  json_builder_set_member_name (b, "col");
  json_builder_add_int_value (b, cell->col);
  json_builder_set_member_name (b, "row_span");
  json_builder_add_int_value (b, cell->row_span);
  json_builder_set_member_name (b, "col_span");
  json_builder_add_int_value (b, cell->col_span);
  cf_json_add_string_or_null (b, "text", cell->text ? cell->text : "");
  json_builder_set_member_name (b, "value");
  if (cell->number.kind == CF_NUMBER_VALUE)
    add_number (b, cell->number.value);
  else
    json_builder_add_null_value (b);
  cf_json_add_string_or_null (b, "unit",
                      cell->number.kind == CF_NUMBER_VALUE && cell->number.unit[0]
                        ? cell->number.unit : NULL);
  cf_json_add_string_or_null (b, "row_key", cell->row_key);
  cf_json_add_string_or_null (b, "col_key", cell->col_key);
  json_builder_set_member_name (b, "page");
  if (cell->page > 0)
    json_builder_add_int_value (b, cell->page);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "bbox");
  if (cell->page > 0)
    add_bbox (b, cell->bbox);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "offset");
  if (!from_pdf && cell->offset >= 0)
    json_builder_add_int_value (b, cell->offset);
  else
    json_builder_add_null_value (b);
  if (cell->number.kind == CF_NUMBER_VALUE && cell->number.approximate)
    {
      json_builder_set_member_name (b, "approximate");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (cell->flags & CF_CELL_FLAG_MISSING)
    {
      json_builder_set_member_name (b, "missing");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (cell->flags & CF_CELL_FLAG_UNCERTAIN)
    {
      json_builder_set_member_name (b, "uncertain");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (cell->flags & CF_CELL_FLAG_CORRECTED)
    cf_json_add_string_or_null (b, "original_text", cell->original_text);
  json_builder_end_object (b);
}

static void
build_table (JsonBuilder *b, CfTable *table, gboolean from_pdf)
{
  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "id", cf_table_get_id (table));
  cf_json_add_string_or_null (b, "title", cf_table_get_title (table));
  json_builder_set_member_name (b, "page");
  if (cf_table_get_page (table) > 0)
    json_builder_add_int_value (b, cf_table_get_page (table));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "n_rows");
  json_builder_add_int_value (b, cf_table_get_n_rows (table));
  json_builder_set_member_name (b, "n_cols");
  json_builder_add_int_value (b, cf_table_get_n_cols (table));
  json_builder_set_member_name (b, "confidence");
  if (cf_table_get_confidence (table) >= 0)
    json_builder_add_double_value (b, round (cf_table_get_confidence (table) * 100) / 100);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    build_cell (b, cf_table_get_cell_at (table, i), from_pdf);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
build_finding (JsonBuilder *b, const CfFinding *finding, CfReview *review)
{
  const char *note = NULL;

  json_builder_begin_object (b);
  cf_json_add_string_or_null (b, "severity", cf_severity_to_string (finding->severity));
  cf_json_add_string_or_null (b, "rule", finding->rule);
  cf_json_add_string_or_null (b, "table", finding->table);
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint i = 0; finding->cells && i < finding->cells->len; i++)
    {
      const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, i);

      json_builder_begin_object (b);
      if (ref->row_key != NULL || ref->col_key != NULL)
        {
          /* Across tables (or years) the table id disambiguates. */
          if (ref->table != NULL && g_strcmp0 (ref->table, finding->table) != 0)
            cf_json_add_string_or_null (b, "table", ref->table);
          cf_json_add_string_or_null (b, "row_key", ref->row_key);
          cf_json_add_string_or_null (b, "col_key", ref->col_key);
        }
      else
        {
          cf_json_add_string_or_null (b, "table", ref->table);
          json_builder_set_member_name (b, "row");
          json_builder_add_int_value (b, ref->row);
          json_builder_set_member_name (b, "col");
          json_builder_add_int_value (b, ref->col);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "expected");
  if (finding->has_expected)
    add_number (b, finding->expected);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "actual");
  if (finding->has_actual)
    add_number (b, finding->actual);
  else
    json_builder_add_null_value (b);
  cf_json_add_string_or_null (b, "message", finding->message);

  if (finding->table == NULL)
    {
      /* Narrative findings say where the sentence is. */
      if (finding->offset >= 0)
        {
          json_builder_set_member_name (b, "offset");
          json_builder_add_int_value (b, finding->offset);
        }
      if (finding->page > 0)
        {
          json_builder_set_member_name (b, "page");
          json_builder_add_int_value (b, finding->page);
          json_builder_set_member_name (b, "bbox");
          add_bbox (b, finding->bbox);
        }
    }
  if (finding->related_document != NULL)
    {
      g_autofree char *related = cf_export_display_path (finding->related_document);

      cf_json_add_string_or_null (b, "related_document", related);
    }
  /* Only accepted findings say so: the shape of the others is unchanged. */
  if (review != NULL && cf_review_is_accepted (review, finding, &note))
    {
      json_builder_set_member_name (b, "accepted");
      json_builder_add_boolean_value (b, TRUE);
      cf_json_add_string_or_null (b, "note", note ? note : "");
    }
  json_builder_end_object (b);
}

JsonNode *
cf_json_finding (const CfFinding *finding)
{
  return cf_json_finding_with_review (finding, NULL);
}

JsonNode *
cf_json_finding_with_review (const CfFinding *finding, CfReview *review)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  build_finding (b, finding, review);
  return json_builder_get_root (b);
}

char *
cf_json_node_to_line (JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, FALSE);
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

JsonNode *
cf_json_document (CfDocument *doc)
{
  return cf_json_document_with_review (doc, NULL);
}

JsonNode *
cf_json_document_with_review (CfDocument *doc, CfReview *review)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  GPtrArray *tables = cf_document_get_tables (doc);
  GPtrArray *findings = cf_document_get_findings (doc);
  gboolean from_pdf = cf_document_get_kind (doc) == CF_DOCUMENT_KIND_PDF;

  json_builder_begin_object (b);
  build_document_meta (b, doc);
  cf_json_add_string_or_null (b, "form", cf_document_get_form (doc));

  json_builder_set_member_name (b, "tables");
  json_builder_begin_array (b);
  for (guint i = 0; i < tables->len; i++)
    build_table (b, g_ptr_array_index (tables, i), from_pdf);
  json_builder_end_array (b);

  /* What the prose states was compared: "nothing stated" is not "no disagreement". */
  {
    guint checked = 0;
    guint found = cf_document_get_stated_figures (doc, &checked);

    json_builder_set_member_name (b, "stated_figures");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "found");
    json_builder_add_int_value (b, found);
    json_builder_set_member_name (b, "checked");
    json_builder_add_int_value (b, checked);
    json_builder_end_object (b);
  }

  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    build_finding (b, g_ptr_array_index (findings, i), review);
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cf_json_document_line (CfDocument *doc)
{
  return cf_json_document_line_with_review (doc, NULL);
}

char *
cf_json_document_line_with_review (CfDocument *doc, CfReview *review)
{
  g_autoptr (JsonNode) root = cf_json_document_with_review (doc, review);

  return cf_json_node_to_line (root);
}
