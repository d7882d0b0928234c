/* cf-form-match.c: recognising the national forms and giving cells their keys
 *
 * 1. Each extracted table is read as rows and scored against every table of
 *    every form (cf-table-match.c). The form whose tables fit best wins; its
 *    distinguishing features (e.g. gip-2021's 本年制发件数) break ties, then
 *    the report's year (read by the loader; 0 when unknown).
 * 2. Value cells get their canonical keys: in order within their row,
 *    confirmed by the header column where the counts disagree.
 * 3. A report whose text has the form's section headings but no table under
 *    them is still of that form (chosen by its year); the missing tables are
 *    reported.
 *
 * Matching runs no rule: the audit checks the rules on what it leaves.
 */
#include <math.h>
#include <string.h>
#include "cf-form-match-private.h"
#include "cf-normalize.h"

#define ORIGINAL_ID_KEY "cf-form-match-original-id"

struct _CfFormMatch
{
  GObject       parent_instance;
  CfDocument   *doc;
  const CfForm *form;
  GPtrArray    *tables;    /* of CfMappedTable */
  GPtrArray    *findings;  /* of CfFinding, from matching */
  GPtrArray    *matches;   /* of CfTableMatch, the chosen form's; the mapped tables point in */
  GPtrArray    *infos;     /* of CfTableInfo, which the matches point in */
  guint         n_cells;
};

G_DEFINE_FINAL_TYPE (CfFormMatch, cf_form_match, G_TYPE_OBJECT)

/* Choosing the form ------------------------------------------------------ */

typedef struct
{
  const CfForm *form;
  GPtrArray    *matches;  /* CfTableMatch * per form table (NULL when none) */
  double        score;
  double        features;
} FormMatch;

static void
form_match_clear (FormMatch *fm)
{
  g_clear_pointer (&fm->matches, g_ptr_array_unref);
}

static FormMatch
match_form (const CfForm *form, GPtrArray *infos)
{
  FormMatch fm = { form, NULL, 0, 0 };
  g_autofree gboolean *used = g_new0 (gboolean, infos->len);

  fm.matches = g_ptr_array_new_with_free_func (cf_table_match_free);
  g_ptr_array_set_size (fm.matches, form->tables->len);

  /* Tables the analyst assigned to a table of this form take it first, without
   * having to be recognised; they count far above any recognised evidence. */
  for (guint t = 0; t < form->tables->len; t++)
    {
      const CfFormTable *ftable = g_ptr_array_index (form->tables, t);

      for (guint i = 0; i < infos->len && fm.matches->pdata[t] == NULL; i++)
        {
          CfTableInfo *info = g_ptr_array_index (infos, i);
          const char *forced_table = NULL;
          const char *forced_form = cf_table_get_forced_form (info->table, &forced_table);
          CfTableMatch *match;

          if (used[i] || g_strcmp0 (forced_form, form->id) != 0
              || g_strcmp0 (forced_table, ftable->id) != 0)
            continue;
          match = cf_table_match_new (ftable, info);
          match->score = MAX (match->score, 1);
          used[i] = TRUE;
          fm.score += match->score;
          fm.features += 1000;
          fm.matches->pdata[t] = match;
        }
    }

  /* Each form table takes the best-fitting document table still free. */
  for (guint t = 0; t < form->tables->len; t++)
    {
      const CfFormTable *ftable = g_ptr_array_index (form->tables, t);
      CfTableMatch *best = NULL;
      guint best_index = 0;

      if (fm.matches->pdata[t] != NULL)
        continue;
      for (guint i = 0; i < infos->len; i++)
        {
          CfTableMatch *match;
          const char *forced_form = cf_table_get_forced_form (
            ((CfTableInfo *) g_ptr_array_index (infos, i))->table, NULL);

          /* A table assigned to another form table is not up for recognition. */
          if (used[i] || forced_form != NULL)
            continue;
          match = cf_table_match_new (ftable, g_ptr_array_index (infos, i));
          if (match->score > 0 && (best == NULL || match->score > best->score))
            {
              cf_table_match_free (best);
              best = match;
              best_index = i;
            }
          else
            cf_table_match_free (match);
        }
      if (best != NULL)
        {
          used[best_index] = TRUE;
          fm.score += best->score;
          fm.matches->pdata[t] = best;
        }
    }

  for (guint f = 0; f < form->features->len; f++)
    {
      const CfFormFeature *feature = &g_array_index (form->features, CfFormFeature, f);

      for (guint t = 0; t < form->tables->len; t++)
        {
          CfTableMatch *match = g_ptr_array_index (fm.matches, t);

          if (match == NULL || strcmp (match->ftable->id, feature->table) != 0)
            continue;
          if ((feature->row && g_hash_table_contains (match->matched_rows, feature->row))
              || (feature->column
                  && g_hash_table_contains (match->matched_headers, feature->column)))
            fm.features += feature->weight;
        }
    }
  return fm;
}

static gboolean
year_fits (const CfForm *form, int year)
{
  return year > 0 && year >= form->year_min && year <= form->year_max;
}

/* Finding headings in the text ------------------------------------------- */

/* The document's short lines, normalised, as characters: read once per
 * audit, since every form table looks for its heading among them (OpenCC on
 * each line is most of the cost). */
static GPtrArray *
heading_lines_new (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *line = text;

  while (line && *line)
    {
      const char *end = strchr (line, '\n');
      gsize length = end ? (gsize) (end - line) : strlen (line);

      /* A heading is a short line of its own. */
      if (length > 0 && length < 200)
        {
          g_autofree char *raw = g_strndup (line, length);
          g_autofree char *norm = cf_normalize_label (raw);

          if (*norm != '\0')
            g_ptr_array_add (lines, cf_form_chars_new (norm));
        }
      line = end ? end + 1 : NULL;
    }
  return lines;
}

static gboolean
text_has_heading (const char *text, GPtrArray **lines, const CfFormTable *ftable)
{
  if (text == NULL)
    return FALSE;
  if (*lines == NULL)
    *lines = heading_lines_new (text);
  for (guint i = 0; ftable->match_headings[i]; i++)
    {
      g_autofree gunichar *heading = cf_form_chars_new (ftable->match_headings[i]);

      for (guint l = 0; l < (*lines)->len; l++)
        if (cf_form_chars_similarity (g_ptr_array_index (*lines, l), heading, CF_HEADING_MATCH_MIN)
            >= CF_HEADING_MATCH_MIN)
          return TRUE;
    }
  return FALSE;
}

/* Mapping the chosen form onto the tables -------------------------------- */

static char *
pair_key (const char *row, const char *col)
{
  return g_strconcat (row, "\037", col, NULL);
}

void
cf_mapped_table_free (gpointer data)
{
  CfMappedTable *mapped = data;

  g_hash_table_unref (mapped->cells);
  g_hash_table_unref (mapped->rows);
  g_hash_table_unref (mapped->columns);
  g_hash_table_unref (mapped->guessed);
  g_hash_table_unref (mapped->names);
  g_free (mapped);
}

CfCell *
cf_mapped_table_get_cell (CfMappedTable *mapped, const char *row, const char *col)
{
  g_autofree char *key = pair_key (row, col);

  return g_hash_table_lookup (mapped->cells, key);
}

static gboolean
is_blank_cell (const CfCell *cell)
{
  return (cell->flags & CF_CELL_FLAG_MISSING) || cell->number.kind == CF_NUMBER_BLANK;
}

/* Gives each value cell of a matched row its keys. */
static void
map_row (CfMappedTable *mapped, CfRowInfo *row, const CfFormItem *item, CfFinding **mismatch)
{
  const CfFormTable *ftable = mapped->ftable;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_copy (row->values, NULL, NULL);
  gboolean by_header = FALSE;

  if (item->columns != NULL)
    for (guint i = 0; item->columns[i]; i++)
      g_ptr_array_add (columns, (gpointer) cf_form_table_get_column (ftable, item->columns[i]));
  else
    for (guint i = 0; i < ftable->columns->len; i++)
      g_ptr_array_add (columns, g_ptr_array_index (ftable->columns, i));

  /* Blank padding after the last column (and before the first) is layout. */
  while (values->len > columns->len
         && is_blank_cell (g_ptr_array_index (values, values->len - 1))
         && !(((CfCell *) g_ptr_array_index (values, values->len - 1))->flags
              & CF_CELL_FLAG_MISSING))
    g_ptr_array_remove_index (values, values->len - 1);
  while (values->len > columns->len && is_blank_cell (g_ptr_array_index (values, 0))
         && !(((CfCell *) g_ptr_array_index (values, 0))->flags & CF_CELL_FLAG_MISSING))
    g_ptr_array_remove_index (values, 0);
  /* A slot the extraction thought lost past the form's columns: the row
   * sat under a wider header (a narrower table printed in the same run). */
  while (values->len > columns->len
         && (((CfCell *) g_ptr_array_index (values, values->len - 1))->flags & CF_CELL_FLAG_MISSING))
    g_ptr_array_remove_index (values, values->len - 1);

  if (values->len != columns->len)
    {
      /* Counts disagree: trust the header columns when they place every value. */
      by_header = TRUE;
      for (guint i = 0; i < values->len && by_header; i++)
        {
          CfCell *cell = g_ptr_array_index (values, i);
          const CfFormItem *column = cell->col < (int) mapped->match->header_items->len
                                       ? g_ptr_array_index (mapped->match->header_items, cell->col)
                                       : NULL;

          if (column == NULL || !g_ptr_array_find (columns, column, NULL))
            by_header = FALSE;
        }
      if (!by_header && *mismatch == NULL)
        {
          g_autofree char *message = NULL;
          const char *label = row->label_texts->len
                                ? g_ptr_array_index (row->label_texts, row->label_texts->len - 1)
                                : NULL;

          message = g_strdup_printf ("%s：这一行有 %u 个数值，表格应有 %u 列，无法确定各数值所在的列",
                                     label ? cf_normalize_skip_enumerator (label) : item->label,
                                     values->len, columns->len);
          *mismatch = cf_finding_new (CF_SEVERITY_WARNING, "form.row_mismatch", ftable->id, message);
          cf_finding_add_cell (*mismatch, ftable->id, row->grid_row, -1, item->id, NULL);
        }
    }

  for (guint i = 0; i < values->len; i++)
    {
      CfCell *cell = g_ptr_array_index (values, i);
      const CfFormItem *column;

      if (by_header)
        column = g_ptr_array_index (mapped->match->header_items, cell->col);
      else if (values->len == columns->len)
        column = g_ptr_array_index (columns, i);
      else if (i < columns->len)
        /* Lost cells: the leading values in order, and each of them uncertain. */
        column = g_ptr_array_index (columns, i);
      else
        continue;
      if (cf_mapped_table_get_cell (mapped, item->id, column->id) != NULL)
        continue;
      cf_cell_set_keys (cell, item->id, column->id);
      if (!by_header && values->len != columns->len)
        g_hash_table_add (mapped->guessed, cell);
      g_hash_table_insert (mapped->cells, pair_key (item->id, column->id), cell);
      g_hash_table_add (mapped->columns, column->id);
    }
  g_hash_table_insert (mapped->rows, item->id, row);
}

static CfMappedTable *
apply_match (CfDocument *doc, const CfForm *form, CfTableMatch *match, GPtrArray *findings)
{
  CfMappedTable *mapped = g_new0 (CfMappedTable, 1);

  mapped->doc = doc;
  mapped->form = form;
  mapped->ftable = match->ftable;
  mapped->table = match->info->table;
  mapped->match = match;
  mapped->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  mapped->rows = g_hash_table_new (g_str_hash, g_str_equal);
  mapped->columns = g_hash_table_new (g_str_hash, g_str_equal);
  mapped->guessed = g_hash_table_new (g_direct_hash, g_direct_equal);
  mapped->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cf_table_set_id (mapped->table, match->ftable->id);
  for (guint i = 0; i < match->info->rows->len; i++)
    {
      const CfFormItem *item = g_ptr_array_index (match->row_items, i);
      CfFinding *mismatch = NULL;

      if (item == NULL)
        continue;
      map_row (mapped, g_ptr_array_index (match->info->rows, i), item, &mismatch);
      if (mismatch != NULL)
        g_ptr_array_add (findings, mismatch);
    }
  return mapped;
}

/* Printed labels, for messages ------------------------------------------- */

static const char *
printed_row_label (CfMappedTable *mapped, const char *row_key)
{
  CfRowInfo *row = g_hash_table_lookup (mapped->rows, row_key);
  const CfFormItem *item = cf_form_table_get_row (mapped->ftable, row_key);

  if (row != NULL && row->labels->len > 0)
    {
      const char *label = cf_normalize_skip_enumerator (
        g_ptr_array_index (row->label_texts, row->label_texts->len - 1));
      const char *remark = strstr (label, "（");

      if (remark == NULL)
        remark = strchr (label, '(');
      /* "部分公开（区分处理的，只计这一情形…）": the remark is not the name. */
      if (remark != NULL && remark > label && g_str_has_suffix (label, remark[0] == '(' ? ")" : "）"))
        {
          g_autofree char *name = g_strndup (label, remark - label);
          const char *kept = g_hash_table_lookup (mapped->names, name);

          if (kept == NULL)
            {
              kept = g_steal_pointer (&name);
              g_hash_table_add (mapped->names, (gpointer) kept);
            }
          return kept;
        }
      return label;
    }
  return item && *item->label ? item->label : mapped->ftable->heading;
}

static const char *
printed_column_label (CfMappedTable *mapped, const char *col_key)
{
  CfCell *header = g_hash_table_lookup (mapped->match->matched_headers, col_key);
  const CfFormItem *item = cf_form_table_get_column (mapped->ftable, col_key);

  if (header != NULL && item && !item->group)
    return header->text;
  if (item && item->group)
    return NULL;  /* caller composes group / label */
  return item ? item->label : col_key;
}

char *
cf_mapped_table_cell_name (CfMappedTable *mapped, const char *row_key, const char *col_key)
{
  const char *column = printed_column_label (mapped, col_key);
  const CfFormItem *item = cf_form_table_get_column (mapped->ftable, col_key);
  g_autofree char *composed = NULL;

  if (column == NULL && item != NULL)
    column = composed = g_strdup_printf ("%s / %s", item->group, item->label);
  if (cf_form_table_get_row (mapped->ftable, row_key)->unlabelled)
    return g_strdup (column);
  return g_strdup_printf ("%s, %s", printed_row_label (mapped, row_key), column);
}

/* The match ------------------------------------------------------------------ */

/* Undoes what an earlier match did: the tables' own ids, no keys. */
static void
reset_tables (CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      const char *original = g_object_get_data (G_OBJECT (table), ORIGINAL_ID_KEY);

      if (original == NULL)
        {
          g_object_set_data_full (G_OBJECT (table), ORIGINAL_ID_KEY,
                                  g_strdup (cf_table_get_id (table)), g_free);
          original = g_object_get_data (G_OBJECT (table), ORIGINAL_ID_KEY);
        }
      else
        cf_table_set_id (table, original);
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);

          if (cell->row_key || cell->col_key)
            cf_cell_set_keys (cell, NULL, NULL);
        }
    }
}

const char *
cf_form_match_get_original_id (CfTable *table)
{
  return g_object_get_data (G_OBJECT (table), ORIGINAL_ID_KEY);
}

static FormMatch
best_form (CfFormRegistry *registry, GPtrArray *infos, const char *text, int year,
           GPtrArray **heading_lines)
{
  FormMatch best = { NULL, NULL, 0, 0 };

  for (guint f = 0; f < cf_form_registry_get_n_forms (registry); f++)
    {
      FormMatch candidate = match_form (cf_form_registry_get_nth (registry, f), infos);
      gboolean better;

      if (candidate.score <= 0)
        {
          form_match_clear (&candidate);
          continue;
        }
      better = best.form == NULL || candidate.features > best.features
               || (candidate.features == best.features
                   && (candidate.score > best.score + 1e-9
                       || (fabs (candidate.score - best.score) < 1e-9
                           && year_fits (candidate.form, year) && !year_fits (best.form, year))));
      if (better)
        {
          form_match_clear (&best);
          best = candidate;
        }
      else
        form_match_clear (&candidate);
    }

  /* No table of any form: a report can still print the headings alone. */
  if (best.form == NULL && text != NULL)
    for (guint f = 0; f < cf_form_registry_get_n_forms (registry) && best.form == NULL; f++)
      {
        const CfForm *form = cf_form_registry_get_nth (registry, f);
        guint headings = 0;

        if (!year_fits (form, year))
          continue;
        for (guint t = 0; t < form->tables->len; t++)
          headings += text_has_heading (text, heading_lines, g_ptr_array_index (form->tables, t));
        if (headings >= 2)
          {
            best.form = form;
            best.matches = g_ptr_array_new_with_free_func (cf_table_match_free);
            g_ptr_array_set_size (best.matches, form->tables->len);
          }
      }
  return best;
}

CfFormMatch *
cf_form_match_new (CfDocument *doc, CfFormRegistry *registry)
{
  g_autoptr(CfFormMatch) self = NULL;
  GPtrArray *tables;
  g_autoptr(GPtrArray) heading_lines = NULL;
  g_autoptr(GHashTable) label_pool = NULL;
  FormMatch best;
  const char *text;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), NULL);
  if (registry == NULL)
    registry = cf_form_registry_get_default ();

  self = g_object_new (CF_TYPE_FORM_MATCH, NULL);
  self->doc = g_object_ref (doc);
  tables = cf_document_get_tables (doc);
  reset_tables (doc);
  cf_document_set_form (doc, NULL);
  text = cf_document_get_text (doc, NULL);

  label_pool = cf_table_label_pool_new ();
  for (guint t = 0; t < tables->len; t++)
    g_ptr_array_add (self->infos, cf_table_info_new (g_ptr_array_index (tables, t), label_pool));

  best = best_form (registry, self->infos, text, cf_document_get_year (doc), &heading_lines);
  if (best.form == NULL)
    return g_steal_pointer (&self);

  self->form = best.form;
  self->matches = g_steal_pointer (&best.matches);
  cf_document_set_form (doc, best.form->id);
  for (guint t = 0; t < best.form->tables->len; t++)
    {
      CfTableMatch *match = g_ptr_array_index (self->matches, t);
      const CfFormTable *ftable = g_ptr_array_index (best.form->tables, t);

      if (match != NULL)
        {
          CfMappedTable *mapped = apply_match (doc, best.form, match, self->findings);

          self->n_cells += g_hash_table_size (mapped->cells);
          g_ptr_array_add (self->tables, mapped);
        }
      else
        {
          gboolean heading = text_has_heading (text, &heading_lines, ftable);
          g_autofree char *message = g_strdup_printf (
            heading ? "报告有“%s”一节，但其下没有找到统计表"
                    : "没有找到“%s”统计表",
            ftable->heading);
          CfFinding *finding = cf_finding_new (CF_SEVERITY_WARNING, "form.table_missing",
                                               ftable->id, message);
          g_ptr_array_add (self->findings, finding);
        }
    }
  return g_steal_pointer (&self);
}

guint
cf_form_match_document (CfDocument *doc, CfFormRegistry *registry)
{
  g_autoptr(CfFormMatch) match = cf_form_match_new (doc, registry);

  g_return_val_if_fail (match != NULL, 0);
  return match->n_cells;
}

guint
cf_form_match_get_n_cells (CfFormMatch *self)
{
  g_return_val_if_fail (CF_IS_FORM_MATCH (self), 0);
  return self->n_cells;
}

const CfForm *
cf_form_match_get_form (CfFormMatch *self)
{
  return self->form;
}

GPtrArray *
cf_form_match_get_tables (CfFormMatch *self)
{
  return self->tables;
}

GPtrArray *
cf_form_match_steal_findings (CfFormMatch *self)
{
  GPtrArray *findings = g_steal_pointer (&self->findings);

  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  return findings;
}

static void
cf_form_match_finalize (GObject *object)
{
  CfFormMatch *self = CF_FORM_MATCH (object);

  /* The mapped tables point into the matches, which point into the infos. */
  g_ptr_array_unref (self->tables);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_ptr_array_unref (self->infos);
  g_ptr_array_unref (self->findings);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (cf_form_match_parent_class)->finalize (object);
}

static void
cf_form_match_class_init (CfFormMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_form_match_finalize;
}

static void
cf_form_match_init (CfFormMatch *self)
{
  self->tables = g_ptr_array_new_with_free_func (cf_mapped_table_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  self->infos = g_ptr_array_new_with_free_func (cf_table_info_free);
}
