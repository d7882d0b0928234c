/* cf-table-diff.c: a table of two reports matched up, cell by cell */
#include "config.h"

#include <string.h>
#include "cf-form.h"
#include "cf-normalize.h"
#include "cf-table-diff.h"

struct _CfTableDiff
{
  GObject      parent_instance;
  char        *title;
  CfTableMatch match;
  char        *table_ids[2];
  int          pages[2];
  GListStore  *changes;
};

G_DEFINE_FINAL_TYPE (CfTableDiff, cf_table_diff, G_TYPE_OBJECT)

static const char *const match_names[] = { "form", "title", "labels", "only_old", "only_new" };

const char *
cf_table_match_to_string (CfTableMatch match)
{
  g_return_val_if_fail (match < G_N_ELEMENTS (match_names), NULL);
  return match_names[match];
}

static void
cf_table_diff_finalize (GObject *object)
{
  CfTableDiff *self = CF_TABLE_DIFF (object);

  g_free (self->title);
  g_free (self->table_ids[0]);
  g_free (self->table_ids[1]);
  g_object_unref (self->changes);
  G_OBJECT_CLASS (cf_table_diff_parent_class)->finalize (object);
}

static void
cf_table_diff_class_init (CfTableDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_table_diff_finalize;
}

static void
cf_table_diff_init (CfTableDiff *self)
{
  self->changes = g_list_store_new (CF_TYPE_CELL_CHANGE);
}

static CfTableDiff *
table_diff_new (CfTableMatch match, CfTable *old_table, CfTable *new_table, const char *title)
{
  CfTableDiff *self = g_object_new (CF_TYPE_TABLE_DIFF, NULL);
  CfTable *tables[2] = { old_table, new_table };

  self->match = match;
  for (int y = 0; y < 2; y++)
    if (tables[y] != NULL)
      {
        self->table_ids[y] = g_strdup (cf_table_get_id (tables[y]));
        self->pages[y] = cf_table_get_page (tables[y]);
      }
  if (title == NULL && new_table != NULL)
    title = cf_table_get_title (new_table);
  if (title == NULL && old_table != NULL)
    title = cf_table_get_title (old_table);
  self->title = g_strdup (title ? title : self->table_ids[new_table ? 1 : 0]);
  return self;
}

/* Form tables --------------------------------------------------------------- */

/* The keys of a form table in the new form's order, then the old form's
 * keys the new one lacks. */
static GPtrArray *
union_keys (CfFormRegistry *registry, const char *old_form, const char *new_form,
            const char *table_id, gboolean rows)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const char *forms[2] = { new_form, old_form };

  for (int f = 0; f < 2; f++)
    {
      g_autoptr (GPtrArray) these = forms[f] ? cf_form_registry_list_keys (registry, forms[f],
                                                                           table_id, rows)
                                             : NULL;

      for (guint i = 0; these != NULL && i < these->len; i++)
        if (!g_ptr_array_find_with_equal_func (keys, these->pdata[i], g_str_equal, NULL))
          g_ptr_array_add (keys, g_strdup (these->pdata[i]));
    }
  return keys;
}

static char *
key_label (CfFormRegistry *registry, const char *old_form, const char *new_form,
           const char *table_id, const char *key, gboolean rows)
{
  char *label = new_form ? cf_form_registry_get_key_label (registry, new_form, table_id, key, rows)
                         : NULL;

  if (label == NULL && old_form != NULL)
    label = cf_form_registry_get_key_label (registry, old_form, table_id, key, rows);
  return label ? label : g_strdup (key);
}

static CfTableDiff *
compare_form_table (CfFormRegistry *registry, CfDocument *old_doc, CfDocument *new_doc,
                    const char *table_id)
{
  const char *old_form = cf_document_get_form (old_doc);
  const char *new_form = cf_document_get_form (new_doc);
  CfTable *old_table = old_form ? cf_document_find_table (old_doc, table_id) : NULL;
  CfTable *new_table = new_form ? cf_document_find_table (new_doc, table_id) : NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) cols = NULL;
  CfTableDiff *diff;
  CfTableMatch match = CF_TABLE_MATCH_FORM;

  if (old_table == NULL && new_table == NULL)
    return NULL;
  if (old_table == NULL)
    match = CF_TABLE_MATCH_ONLY_NEW;
  else if (new_table == NULL)
    match = CF_TABLE_MATCH_ONLY_OLD;
  diff = table_diff_new (match, old_table, new_table,
                         cf_form_registry_get_table_heading (registry,
                                                             new_form ? new_form : old_form,
                                                             table_id));
  rows = union_keys (registry, old_form, new_form, table_id, TRUE);
  cols = union_keys (registry, old_form, new_form, table_id, FALSE);
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < cols->len; c++)
      {
        const CfCell *old_cell = old_table ? cf_table_find_by_keys (old_table, rows->pdata[r],
                                                                    cols->pdata[c])
                                           : NULL;
        const CfCell *new_cell = new_table ? cf_table_find_by_keys (new_table, rows->pdata[r],
                                                                    cols->pdata[c])
                                           : NULL;
        g_autofree char *row_label = NULL;
        g_autofree char *col_label = NULL;
        g_autoptr (CfCellChange) change = NULL;

        if (old_cell == NULL && new_cell == NULL)
          continue;
        row_label = key_label (registry, old_form, new_form, table_id, rows->pdata[r], TRUE);
        col_label = key_label (registry, old_form, new_form, table_id, cols->pdata[c], FALSE);
        change = cf_cell_change_new (table_id, rows->pdata[r], cols->pdata[c], row_label,
                                     col_label, old_cell, new_cell);
        g_list_store_append (diff->changes, change);
      }
  return diff;
}

/* Generic tables ------------------------------------------------------------ */

/* A generic table read as labelled values: the rows above the first number
 * are its column headings, the columns left of the first number its row
 * labels. */
typedef struct
{
  CfTable    *table;
  int         first_row;
  int         first_col;
  GHashTable *cells;  /* "row label\tcolumn label" -> CfCell (not owned) */
  GPtrArray  *keys;   /* the same keys in table order */
  GHashTable *labels; /* normalised row and column labels, a set */
  char       *title;  /* normalised, or NULL */
  gboolean    used;
} Labelled;

static void
labelled_clear (gpointer data)
{
  Labelled *l = data;

  g_hash_table_unref (l->cells);
  g_ptr_array_unref (l->keys);
  g_hash_table_unref (l->labels);
  g_free (l->title);
}

/* The texts of the cells covering (@row, from..to-1) or (from..to-1, @col),
 * joined by " / ", repeats (a span) once. */
static char *
join_labels (CfTable *table, int fixed, int from, int to, gboolean along_row)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const CfCell *last = NULL;

  for (int i = from; i < to; i++)
    {
      const CfCell *cell = along_row ? cf_table_get_cell (table, fixed, i)
                                     : cf_table_get_cell (table, i, fixed);

      if (cell == NULL || cell == last || cell->text == NULL || *cell->text == '\0')
        continue;
      last = cell;
      if (out->len > 0)
        g_string_append (out, " / ");
      g_string_append (out, cell->text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
labelled_init (Labelled *l, CfTable *table)
{
  int n_rows = cf_table_get_n_rows (table), n_cols = cf_table_get_n_cols (table);

  l->table = table;
  l->first_row = n_rows;
  l->first_col = n_cols;
  l->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l->keys = g_ptr_array_new ();
  l->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l->title = cf_table_get_title (table) ? cf_normalize_label (cf_table_get_title (table)) : NULL;
  l->used = FALSE;
  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      const CfCell *cell = cf_table_get_cell_at (table, i);

      if (cell->number.kind == CF_NUMBER_VALUE && !(cell->flags & CF_CELL_FLAG_HEADER))
        {
          l->first_row = MIN (l->first_row, cell->row);
          l->first_col = MIN (l->first_col, cell->col);
        }
    }
  /* A table of numbers without labels: the first row and column label it. */
  l->first_row = MAX (l->first_row, MIN (1, n_rows));
  l->first_col = MAX (l->first_col, MIN (1, n_cols));

  for (int r = l->first_row; r < n_rows; r++)
    for (int c = l->first_col; c < n_cols; c++)
      {
        const CfCell *cell = cf_table_get_origin_cell (table, r, c);
        g_autofree char *row_label = NULL;
        g_autofree char *col_label = NULL;
        g_autofree char *row_norm = NULL;
        g_autofree char *col_norm = NULL;
        char *key;

        if (cell == NULL || (cell->flags & CF_CELL_FLAG_HEADER))
          continue;
        row_label = join_labels (table, r, 0, l->first_col, TRUE);
        col_label = join_labels (table, c, 0, l->first_row, FALSE);
        row_norm = cf_normalize_label (row_label);
        col_norm = cf_normalize_label (col_label);
        key = g_strdup_printf ("%s\t%s", row_norm, col_norm);
        /* The same labels twice (an unlabelled row): told apart by count. */
        for (int n = 2; g_hash_table_contains (l->cells, key); n++)
          {
            g_free (key);
            key = g_strdup_printf ("%s\t%s\t%d", row_norm, col_norm, n);
          }
        g_hash_table_insert (l->cells, key, (gpointer) cell);
        g_ptr_array_add (l->keys, key);
        if (*row_norm != '\0')
          g_hash_table_add (l->labels, g_steal_pointer (&row_norm));
        if (*col_norm != '\0')
          g_hash_table_add (l->labels, g_steal_pointer (&col_norm));
      }
}

/* Shared labels over all labels (Jaccard). */
static double
label_overlap (const Labelled *a, const Labelled *b)
{
  GHashTableIter iter;
  gpointer key;
  guint common = 0, total;

  g_hash_table_iter_init (&iter, a->labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    common += g_hash_table_contains (b->labels, key);
  total = g_hash_table_size (a->labels) + g_hash_table_size (b->labels) - common;
  return total == 0 ? 0 : (double) common / total;
}

static void
labelled_key_labels (Labelled *l, const CfCell *cell, char **row_label, char **col_label)
{
  *row_label = join_labels (l->table, cell->row, 0, l->first_col, TRUE);
  *col_label = join_labels (l->table, cell->col, 0, l->first_row, FALSE);
}

static CfTableDiff *
compare_generic (Labelled *old_l, Labelled *new_l, CfTableMatch match)
{
  CfTableDiff *diff = table_diff_new (match, old_l ? old_l->table : NULL,
                                      new_l ? new_l->table : NULL, NULL);
  Labelled *sides[2] = { new_l, old_l };

  if (old_l == NULL || new_l == NULL)
    return diff;
  /* The new table's cells in its order, then those only the old one has. */
  for (int s = 0; s < 2; s++)
    for (guint k = 0; k < sides[s]->keys->len; k++)
      {
        const char *key = sides[s]->keys->pdata[k];
        const CfCell *new_cell = g_hash_table_lookup (new_l->cells, key);
        const CfCell *old_cell = g_hash_table_lookup (old_l->cells, key);
        g_autofree char *row_label = NULL;
        g_autofree char *col_label = NULL;
        g_autoptr (CfCellChange) change = NULL;

        if (s == 1 && new_cell != NULL)
          continue;
        labelled_key_labels (sides[s], s == 0 ? new_cell : old_cell, &row_label, &col_label);
        change = cf_cell_change_new (diff->table_ids[1], NULL, NULL, row_label, col_label,
                                     old_cell, new_cell);
        g_list_store_append (diff->changes, change);
      }
  return diff;
}

static gboolean
is_generic (CfTable *table)
{
  return g_str_has_prefix (cf_table_get_id (table), "table-");
}

static void
compare_generic_tables (CfDocument *old_doc, CfDocument *new_doc, GPtrArray *out)
{
  g_autoptr (GArray) olds = g_array_new (FALSE, TRUE, sizeof (Labelled));
  g_autoptr (GArray) news = g_array_new (FALSE, TRUE, sizeof (Labelled));
  CfDocument *docs[2] = { old_doc, new_doc };
  GArray *sides[2] = { olds, news };

  g_array_set_clear_func (olds, labelled_clear);
  g_array_set_clear_func (news, labelled_clear);
  for (int y = 0; y < 2; y++)
    {
      GPtrArray *tables = cf_document_get_tables (docs[y]);

      for (guint t = 0; t < tables->len; t++)
        if (is_generic (tables->pdata[t]))
          {
            Labelled l;

            labelled_init (&l, tables->pdata[t]);
            g_array_append_val (sides[y], l);
          }
    }

  for (guint n = 0; n < news->len; n++)
    {
      Labelled *new_l = &g_array_index (news, Labelled, n);
      Labelled *best = NULL;
      CfTableMatch match = CF_TABLE_MATCH_ONLY_NEW;
      double best_overlap = 0.5;

      for (guint o = 0; o < olds->len && new_l->title && *new_l->title; o++)
        {
          Labelled *old_l = &g_array_index (olds, Labelled, o);

          if (!old_l->used && g_strcmp0 (old_l->title, new_l->title) == 0)
            {
              best = old_l, match = CF_TABLE_MATCH_TITLE;
              break;
            }
        }
      for (guint o = 0; best == NULL && o < olds->len; o++)
        {
          Labelled *old_l = &g_array_index (olds, Labelled, o);
          double overlap = old_l->used ? 0 : label_overlap (old_l, new_l);

          if (overlap >= best_overlap)
            best_overlap = overlap, match = CF_TABLE_MATCH_LABELS;
        }
      for (guint o = 0; best == NULL && match == CF_TABLE_MATCH_LABELS && o < olds->len; o++)
        {
          Labelled *old_l = &g_array_index (olds, Labelled, o);

          if (!old_l->used && label_overlap (old_l, new_l) == best_overlap)
            best = old_l;
        }
      if (best != NULL)
        best->used = TRUE;
      g_ptr_array_add (out, compare_generic (best, new_l, match));
    }
  for (guint o = 0; o < olds->len; o++)
    if (!g_array_index (olds, Labelled, o).used)
      g_ptr_array_add (out, compare_generic (&g_array_index (olds, Labelled, o), NULL,
                                             CF_TABLE_MATCH_ONLY_OLD));
}

GPtrArray *
cf_table_diff_compare_documents (CfDocument *old_doc, CfDocument *new_doc)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  const char *forms[2] = { cf_document_get_form (new_doc), cf_document_get_form (old_doc) };
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CF_IS_DOCUMENT (old_doc) && CF_IS_DOCUMENT (new_doc), out);
  for (int f = 0; f < 2; f++)
    {
      g_autoptr (GPtrArray) ids = forms[f] ? cf_form_registry_list_table_ids (registry, forms[f])
                                           : NULL;

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        {
          CfTableDiff *diff;

          if (g_ptr_array_find_with_equal_func (seen, ids->pdata[i], g_str_equal, NULL))
            continue;
          g_ptr_array_add (seen, g_strdup (ids->pdata[i]));
          diff = compare_form_table (registry, old_doc, new_doc, ids->pdata[i]);
          if (diff != NULL)
            g_ptr_array_add (out, diff);
        }
    }
  compare_generic_tables (old_doc, new_doc, out);
  return out;
}

const char *
cf_table_diff_get_title (CfTableDiff *self)
{
  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), NULL);
  return self->title;
}

CfTableMatch
cf_table_diff_get_match (CfTableDiff *self)
{
  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), CF_TABLE_MATCH_ONLY_NEW);
  return self->match;
}

const char *
cf_table_diff_get_table_id (CfTableDiff *self, gboolean new_year)
{
  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), NULL);
  return self->table_ids[new_year ? 1 : 0];
}

int
cf_table_diff_get_page (CfTableDiff *self, gboolean new_year)
{
  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), 0);
  return self->pages[new_year ? 1 : 0];
}

GListModel *
cf_table_diff_get_changes (CfTableDiff *self)
{
  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), NULL);
  return G_LIST_MODEL (self->changes);
}

guint
cf_table_diff_count_changed (CfTableDiff *self)
{
  guint n = 0;

  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->changes)); i++)
    {
      g_autoptr (CfCellChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

      n += cf_cell_change_get_kind (change) != CF_CELL_CHANGE_SAME;
    }
  return n;
}

CfCellChange *
cf_table_diff_find_change (CfTableDiff *self, const char *row_key, const char *col_key)
{
  GListModel *model;

  g_return_val_if_fail (CF_IS_TABLE_DIFF (self), NULL);
  model = G_LIST_MODEL (self->changes);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CfCellChange) change = g_list_model_get_item (model, i);

      if (g_strcmp0 (cf_cell_change_get_row_key (change), row_key) == 0
          && g_strcmp0 (cf_cell_change_get_col_key (change), col_key) == 0)
        return change; /* the store keeps its ref */
    }
  return NULL;
}
