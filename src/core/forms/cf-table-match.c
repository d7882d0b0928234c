/* cf-table-match.c: reading a table as rows and scoring it against a form table
 *
 * Each extracted table is read as rows: label cells on the left (with the
 * row-spanning group cells that cover the row), value cells after them. It
 * is scored against a form table by its title and its row labels
 * (normalised, with fuzzy tolerance, in the context of the group they sit
 * under) and its header texts.
 */
#include <math.h>
#include <string.h>
#include "cf-table-match.h"
#include "cf-normalize.h"

#define ROW_MATCH_MIN      0.78
#define HEADER_MATCH_MIN   0.8
#define GROUP_MATCH_MIN    0.7

/* Reading a table as rows ---------------------------------------------- */

/* A label of the report, normalised, as characters for matching. */
typedef struct
{
  char     *norm;
  gunichar *chars;
  gunichar *stripped; /* without remarks in brackets */
  gsize     n_chars;
  gsize     n_stripped;
  /* Scores against form labels (by their text): the forms share most labels,
   * and every form table is tried against every table. */
  GHashTable *memo;
  GHashTable *memo_stripped;
  GHashTable *group_memo;  /* form group label (its chars, by address) -> score */
} Label;

static Label *
label_new_uncached (const char *text)
{
  Label *label = g_new0 (Label, 1);
  g_autofree char *stripped = NULL;

  label->norm = cf_normalize_label (text);
  stripped = cf_form_strip_remarks (label->norm);
  label->chars = cf_form_chars_new (label->norm);
  label->stripped = cf_form_chars_new (stripped);
  while (label->chars[label->n_chars])
    label->n_chars++;
  while (label->stripped[label->n_stripped])
    label->n_stripped++;
  return label;
}

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->norm);
  g_free (label->chars);
  g_free (label->stripped);
  g_clear_pointer (&label->memo, g_hash_table_unref);
  g_clear_pointer (&label->memo_stripped, g_hash_table_unref);
  g_clear_pointer (&label->group_memo, g_hash_table_unref);
  g_free (label);
}

GHashTable *
cf_table_label_pool_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_free);
}

/* The label for @text from @pool, read once: a document prints the same
 * labels in table after table (and a long one, thousands of times), and a
 * label's scores against the form labels are the same wherever it stands. */
static Label *
label_new (GHashTable *pool, const char *text)
{
  Label *label = g_hash_table_lookup (pool, text);

  if (label == NULL)
    {
      label = label_new_uncached (text);
      g_hash_table_insert (pool, g_strdup (text), label);
    }
  return label;
}

static void
row_info_free (gpointer data)
{
  CfRowInfo *row = data;

  g_ptr_array_unref (row->labels);
  g_ptr_array_unref (row->values);
  g_ptr_array_unref (row->label_norms);
  g_ptr_array_unref (row->label_texts);
  g_free (row);
}

void
cf_table_info_free (gpointer data)
{
  CfTableInfo *info = data;

  g_free (info->title_norm);
  g_ptr_array_unref (info->rows);
  g_hash_table_unref (info->label_pool);
  g_free (info);
}

static gboolean
cell_is_text (const CfCell *cell)
{
  return !(cell->flags & CF_CELL_FLAG_MISSING) && cell->number.kind == CF_NUMBER_TEXT;
}

static Label *
row_own_label (const CfRowInfo *row)
{
  return row->label_norms->len ? g_ptr_array_index (row->label_norms, row->label_norms->len - 1)
                               : NULL;
}

/* Most label cells read for one row (own label, groups, spanning headers). */
#define MAX_ROW_LABELS 16

/* A label cell of the row; one that prints a group label and its sub-label
 * ("（三）不予公开 1.属于国家秘密") reads as the two cells it stands for. */
static void
add_row_label (GHashTable *pool, CfRowInfo *row, CfCell *cell)
{
  g_auto (GStrv) parts = cf_normalize_split_groups (cell->text);

  if (parts == NULL)
    {
      g_ptr_array_add (row->labels, cell);
      g_ptr_array_add (row->label_norms, label_new (pool, cell->text));
      g_ptr_array_add (row->label_texts, g_strdup (cell->text));
      return;
    }
  for (guint i = 0; parts[i]; i++)
    {
      g_ptr_array_add (row->labels, cell);
      g_ptr_array_add (row->label_norms, label_new (pool, parts[i]));
      g_ptr_array_add (row->label_texts, g_strdup (parts[i]));
    }
}

CfTableInfo *
cf_table_info_new (CfTable *table, GHashTable *label_pool)
{
  CfTableInfo *info = g_new0 (CfTableInfo, 1);
  int n_rows = cf_table_get_n_rows (table);
  int n_cols = cf_table_get_n_cols (table);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  info->table = table;
  info->label_pool = g_hash_table_ref (label_pool);
  info->title_norm = cf_table_get_title (table) ? cf_normalize_label (cf_table_get_title (table))
                                                : NULL;
  info->rows = g_ptr_array_new_with_free_func (row_info_free);

  for (int r = 0; r < n_rows; r++)
    {
      CfRowInfo *row = g_new0 (CfRowInfo, 1);
      int first_number = -1, last_text = -1;

      row->grid_row = r;
      row->labels = g_ptr_array_new ();
      row->values = g_ptr_array_new ();
      row->label_norms = g_ptr_array_new ();  /* the labels belong to the pool */
      row->label_texts = g_ptr_array_new_with_free_func (g_free);

      /* The distinct cells that cover this row, left to right. */
      g_ptr_array_set_size (cells, 0);
      for (int c = 0; c < n_cols; c++)
        {
          CfCell *cell = cf_table_get_cell (table, r, c);

          if (cell == NULL || (cells->len && g_ptr_array_index (cells, cells->len - 1) == cell))
            continue;
          if (cell->row != r && !cell_is_text (cell))
            continue;  /* a value spanning rows belongs to its first row */
          g_ptr_array_add (cells, cell);
        }

      for (guint i = 0; i < cells->len; i++)
        {
          CfCell *cell = g_ptr_array_index (cells, i);

          if (first_number < 0 && cell->number.kind == CF_NUMBER_VALUE
              && !(cell->flags & CF_CELL_FLAG_MISSING) && cell->row == r)
            first_number = (int) i;
          if (cell_is_text (cell) && (first_number < 0))
            last_text = (int) i;
        }

      /* Labels: the text cells before the first number (blanks among them are
       * empty label slots); values: everything after the last label. A form
       * row has a few labels: of a hostile row's thousands (text cells
       * spanning down from above) the last MAX_ROW_LABELS are kept. */
      for (guint i = 0; i < cells->len; i++)
        {
          CfCell *cell = g_ptr_array_index (cells, i);

          if ((int) i <= last_text)
            {
              if (cell_is_text (cell) && last_text - (int) i < MAX_ROW_LABELS)
                add_row_label (info->label_pool, row, cell);
            }
          else if (cell->row == r)
            {
              g_ptr_array_add (row->values, cell);
              if (cell->number.kind == CF_NUMBER_VALUE && !(cell->flags & CF_CELL_FLAG_MISSING))
                row->has_number = TRUE;
            }
        }
      g_ptr_array_add (info->rows, row);
    }
  return info;
}

/* Matching a table to a form table -------------------------------------- */

typedef struct
{
  const CfFormItem *item;
  double            score;
} ItemMatch;

static double
memo_similarity (GHashTable **memo, const gunichar *chars, gsize n_chars, const char *key,
                 const gunichar *other, double min)
{
  gsize n_other = 0;
  gpointer found;
  double score;

  while (other[n_other])
    n_other++;
  if (n_chars + n_other == 0 || 2.0 * MIN (n_chars, n_other) / (double) (n_chars + n_other) < min)
    return 0;
  if (*memo == NULL)
    *memo = g_hash_table_new (g_str_hash, g_str_equal);
  found = g_hash_table_lookup (*memo, key);
  if (found != NULL)
    return (GPOINTER_TO_UINT (found) - 1) / 1e6;
  score = cf_form_chars_similarity (chars, other, 0);
  g_hash_table_insert (*memo, (gpointer) key, GUINT_TO_POINTER ((guint) (score * 1e6 + 0.5) + 1));
  return score;
}

static double
best_label_score (const CfFormItem *item, Label *label, double min)
{
  double best = 0;

  if (label == NULL || label->n_chars == 0)
    return 0;
  for (guint i = 0; item->match_chars[i]; i++)
    {
      best = MAX (best, memo_similarity (&label->memo, label->chars, label->n_chars,
                                         item->match_labels[i], item->match_chars[i], min));
      if (label->n_stripped > 0 && label->n_stripped < label->n_chars)
        best = MAX (best, memo_similarity (&label->memo_stripped, label->stripped,
                                           label->n_stripped, item->match_labels[i],
                                           item->match_chars[i], min));
      if (best >= 1.0)
        break;
    }
  return best;
}

static double
group_score (const gunichar *group_chars, Label *context)
{
  double *found;
  double *score;

  if (context == NULL)
    return 0;
  /* Remembered per label, exactly: the form's group labels (keys by
   * address) live as long as its registry. */
  if (context->group_memo == NULL)
    context->group_memo = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  found = g_hash_table_lookup (context->group_memo, group_chars);
  if (found != NULL)
    return *found;
  score = g_new (double, 1);
  *score = MAX (cf_form_chars_similarity (group_chars, context->chars, 0),
                cf_form_chars_similarity (group_chars, context->stripped, 0));
  g_hash_table_insert (context->group_memo, (gpointer) group_chars, score);
  return *score;
}

/* The group labels a row may sit under: printed on it, above it, below it. */
#define MAX_CONTEXTS 4

typedef struct
{
  Label *groups[MAX_CONTEXTS];
  guint  n_groups;
} GroupContext;

static void
context_add (GroupContext *context, Label *group)
{
  if (group == NULL || context->n_groups == MAX_CONTEXTS)
    return;
  for (guint i = 0; i < context->n_groups; i++)
    if (context->groups[i] == group)
      return;
  context->groups[context->n_groups++] = group;
}

static double
context_score (const gunichar *group_chars, const GroupContext *context)
{
  double best = 0;

  for (guint i = 0; i < context->n_groups; i++)
    best = MAX (best, group_score (group_chars, context->groups[i]));
  return best;
}

static ItemMatch
match_row_label (const CfFormTable *ftable, Label *own, const GroupContext *context)
{
  ItemMatch best = { NULL, 0 };

  for (guint i = 0; i < ftable->rows->len; i++)
    {
      const CfFormItem *item = g_ptr_array_index (ftable->rows, i);
      double score;

      if (item->unlabelled)
        continue;
      score = best_label_score (item, own, ROW_MATCH_MIN * 0.9);
      if (score < ROW_MATCH_MIN * 0.9)
        continue;
      if (item->group_norm != NULL)
        {
          double gs = context_score (item->group_chars, context);

          if (gs < GROUP_MATCH_MIN && !item->group_optional)
            score *= context->n_groups > 0 ? 0.5 : 0.9;
        }
      /* Ties go to the row whose group is the context. */
      if (score > best.score + 1e-9
          || (fabs (score - best.score) < 1e-9 && item->group_norm
              && context_score (item->group_chars, context) >= GROUP_MATCH_MIN))
        {
          best.item = item;
          best.score = score;
        }
    }
  if (best.score < ROW_MATCH_MIN)
    best.item = NULL;
  return best;
}

static gboolean
is_group_label (const CfFormTable *ftable, Label *label)
{
  for (guint i = 0; label && i < ftable->rows->len; i++)
    {
      const CfFormItem *item = g_ptr_array_index (ftable->rows, i);

      if (item->group_chars && group_score (item->group_chars, label) >= HEADER_MATCH_MIN)
        return TRUE;
    }
  return FALSE;
}

/* How a table maps onto one form table. */
void
cf_table_match_free (gpointer data)
{
  CfTableMatch *match = data;

  if (match == NULL)
    return;
  g_ptr_array_unref (match->row_items);
  g_ptr_array_unref (match->header_items);
  g_hash_table_unref (match->matched_rows);
  g_hash_table_unref (match->matched_headers);
  g_free (match);
}

static gboolean
title_matches (const CfFormTable *ftable, const char *title_norm)
{
  if (title_norm == NULL || *title_norm == '\0')
    return FALSE;
  for (guint i = 0; ftable->match_headings[i]; i++)
    if (cf_form_label_similarity (title_norm, ftable->match_headings[i]) >= CF_HEADING_MATCH_MIN
        || strstr (title_norm, ftable->match_headings[i]) != NULL)
      return TRUE;
  return FALSE;
}

static const CfFormItem *
unlabelled_row (const CfFormTable *ftable)
{
  for (guint i = 0; i < ftable->rows->len; i++)
    {
      const CfFormItem *item = g_ptr_array_index (ftable->rows, i);
      if (item->unlabelled)
        return item;
    }
  return NULL;
}

CfTableMatch *
cf_table_match_new (const CfFormTable *ftable, CfTableInfo *info)
{
  CfTableMatch *match = g_new0 (CfTableMatch, 1);
  Label *last_group = NULL;
  g_autofree Label **row_groups = NULL;
  g_autofree Label **next_groups = NULL;
  const CfFormItem *unlabelled = unlabelled_row (ftable);
  int n_cols = cf_table_get_n_cols (info->table);
  guint labelled_rows = 0;

  match->ftable = ftable;
  match->info = info;
  match->row_items = g_ptr_array_new ();
  match->header_items = g_ptr_array_new ();
  g_ptr_array_set_size (match->header_items, n_cols);
  match->matched_rows = g_hash_table_new (g_str_hash, g_str_equal);
  match->matched_headers = g_hash_table_new (g_str_hash, g_str_equal);
  match->title_matched = title_matches (ftable, info->title_norm);

  /* The group label each row prints: beside its own label, or alone on a
   * row without values. Text dumps print a row-spanning group label on the
   * middle one of its rows, so the rows above it read it from below. */
  row_groups = g_new0 (Label *, info->rows->len + 1);
  for (guint i = 0; i < info->rows->len; i++)
    {
      CfRowInfo *row = g_ptr_array_index (info->rows, i);
      Label *own = row_own_label (row);

      if (row->values->len > 0 && row->label_norms->len >= 2)
        row_groups[i] = g_ptr_array_index (row->label_norms, row->label_norms->len - 2);
      else if (row->values->len == 0 && own != NULL && is_group_label (ftable, own))
        row_groups[i] = own;
    }
  next_groups = g_new0 (Label *, info->rows->len + 1);
  for (guint i = info->rows->len; i > 1; i--)
    next_groups[i - 2] = row_groups[i - 1] ? row_groups[i - 1] : next_groups[i - 1];

  for (guint i = 0; i < info->rows->len; i++)
    {
      CfRowInfo *row = g_ptr_array_index (info->rows, i);
      Label *own = row_own_label (row);
      GroupContext context = { { NULL }, 0 };
      const CfFormItem *item = NULL;

      for (guint l = row->label_norms->len; l >= 2; l--)
        context_add (&context, g_ptr_array_index (row->label_norms, l - 2));
      context_add (&context, last_group);
      context_add (&context, next_groups[i]);

      if (own != NULL && row->values->len > 0)
        {
          ItemMatch found = match_row_label (ftable, own, &context);

          labelled_rows++;
          item = found.item;
        }
      else if (own == NULL && row->has_number && unlabelled != NULL)
        item = unlabelled;

      if (item != NULL && g_hash_table_contains (match->matched_rows, item->id))
        item = NULL;  /* a row printed twice: keep the first */
      if (item != NULL)
        g_hash_table_add (match->matched_rows, item->id);
      g_ptr_array_add (match->row_items, (gpointer) item);

      /* Rows without values are headers: learn which column each text heads. */
      if (!row->has_number && row->labels->len > 0)
        for (guint l = 0; l < row->labels->len; l++)
          {
            CfCell *cell = g_ptr_array_index (row->labels, l);
            Label *norm = g_ptr_array_index (row->label_norms, l);
            const CfFormItem *column = NULL;
            double best = 0;
            gboolean ambiguous = FALSE;

            if (cell->row != row->grid_row)
              continue;
            for (guint k = 0; k < ftable->columns->len; k++)
              {
                const CfFormItem *candidate = g_ptr_array_index (ftable->columns, k);
                double score = best_label_score (candidate, norm, HEADER_MATCH_MIN);

                if (score > best + 1e-9)
                  {
                    best = score;
                    column = candidate;
                    ambiguous = FALSE;
                  }
                else if (fabs (score - best) < 1e-9 && column
                         && g_strcmp0 (column->label, candidate->label) == 0)
                  ambiguous = TRUE;
              }
            if (column == NULL || best < HEADER_MATCH_MIN)
              continue;
            if (!g_hash_table_contains (match->matched_headers, column->id))
              g_hash_table_insert (match->matched_headers, column->id, cell);
            if (!ambiguous && cell->col < n_cols)
              match->header_items->pdata[cell->col] = (gpointer) column;
          }

      /* Group context for the rows below. */
      if (row_groups[i] != NULL)
        last_group = row_groups[i];
      else if (own != NULL && is_group_label (ftable, own))
        last_group = own;
    }

  match->rows_matched = g_hash_table_size (match->matched_rows);
  match->score = match->rows_matched + 0.5 * g_hash_table_size (match->matched_headers)
                 + (match->title_matched ? 3 : 0);

  /* Enough evidence that this is the form table, and not a look-alike. */
  if (!((match->rows_matched >= 2 && match->rows_matched * 2 >= labelled_rows)
        || (match->title_matched
            && (match->rows_matched >= 1 || g_hash_table_size (match->matched_headers) >= 2))))
    match->score = 0;
  return match;
}
