/* cf-audit.c: recognising the national forms and checking their rules
 *
 * 1. Each extracted table is read as rows: label cells on the left (with the
 *    row-spanning group cells that cover the row), value cells after them.
 * 2. Every table is scored against every table of every form by its title
 *    and its row labels (normalised, with fuzzy tolerance, in the context of
 *    the group they sit under) and its header texts. The form whose tables
 *    fit best wins; its distinguishing features (e.g. gip-2021's 本年制发件数)
 *    break ties, then the report's year.
 * 3. Value cells get their canonical keys: in order within their row,
 *    confirmed by the header column where the counts disagree.
 * 4. The form's rules are checked blank-aware (cf-expr.c); the first cell of
 *    a finding is the one most likely wrong: the operand shared by the most
 *    failing relations.
 *
 * Decisions beyond report-forms.md:
 * - A relation that holds with its blanks read as 0 is consistent; with
 *   blanks on one side only that is the only reading (it generalises "a
 *   stated total of 0 with blank parts"); with blanks on both sides nothing
 *   contradicts it.
 * - Each failing relation is one finding (so each rule can be acted upon);
 *   a cell that breaks its row and its column is the first cell of both.
 * - A relation one of whose sides has no row/column in the report at all is
 *   not checked; a relation whose operands are all blank is consistent.
 * - A report whose text has the form's section headings but no table under
 *   them gets form.table_missing; its form is chosen by its year.
 * - Rules across years are only checked when every operand is known.
 */
#include <math.h>
#include <string.h>
#include "cf-audit.h"
#include "cf-form-private.h"
#include "cf-normalize.h"
#include "cf-prose.h"
#include "cf-totals.h"

#define ROW_MATCH_MIN      0.78
#define HEADER_MATCH_MIN   0.8
#define HEADING_MATCH_MIN  0.85
#define GROUP_MATCH_MIN    0.7
#define ORIGINAL_ID_KEY    "cf-audit-original-id"

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
} Label;

static Label *
label_new (const char *text)
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
  g_free (label);
}

typedef struct
{
  int        grid_row;
  GPtrArray *labels;      /* CfCell *, left to right, incl. group cells from above */
  GPtrArray *values;      /* CfCell *, origin cells of this row after the labels */
  GPtrArray *label_norms; /* Label *, one per label cell, or per part of a compound one */
  GPtrArray *label_texts; /* char *, the printed text of each of those */
  gboolean   has_number;  /* some value cell holds a number */
} RowInfo;

typedef struct
{
  CfTable   *table;
  char      *title_norm;
  GPtrArray *rows;        /* of RowInfo */
} TableInfo;

static void
row_info_free (gpointer data)
{
  RowInfo *row = data;

  g_ptr_array_unref (row->labels);
  g_ptr_array_unref (row->values);
  g_ptr_array_unref (row->label_norms);
  g_ptr_array_unref (row->label_texts);
  g_free (row);
}

static void
table_info_free (gpointer data)
{
  TableInfo *info = data;

  g_free (info->title_norm);
  g_ptr_array_unref (info->rows);
  g_free (info);
}

static gboolean
cell_is_text (const CfCell *cell)
{
  return !(cell->flags & CF_CELL_FLAG_MISSING) && cell->number.kind == CF_NUMBER_TEXT;
}

static Label *
row_own_label (const RowInfo *row)
{
  return row->label_norms->len ? g_ptr_array_index (row->label_norms, row->label_norms->len - 1)
                               : NULL;
}

/* Most label cells read for one row (own label, groups, spanning headers). */
#define MAX_ROW_LABELS 16

/* A label cell of the row; one that prints a group label and its sub-label
 * ("（三）不予公开 1.属于国家秘密") reads as the two cells it stands for. */
static void
add_row_label (RowInfo *row, CfCell *cell)
{
  g_auto (GStrv) parts = cf_normalize_split_groups (cell->text);

  if (parts == NULL)
    {
      g_ptr_array_add (row->labels, cell);
      g_ptr_array_add (row->label_norms, label_new (cell->text));
      g_ptr_array_add (row->label_texts, g_strdup (cell->text));
      return;
    }
  for (guint i = 0; parts[i]; i++)
    {
      g_ptr_array_add (row->labels, cell);
      g_ptr_array_add (row->label_norms, label_new (parts[i]));
      g_ptr_array_add (row->label_texts, g_strdup (parts[i]));
    }
}

static TableInfo *
table_info_new (CfTable *table)
{
  TableInfo *info = g_new0 (TableInfo, 1);
  int n_rows = cf_table_get_n_rows (table);
  int n_cols = cf_table_get_n_cols (table);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  info->table = table;
  info->title_norm = cf_table_get_title (table) ? cf_normalize_label (cf_table_get_title (table))
                                                : NULL;
  info->rows = g_ptr_array_new_with_free_func (row_info_free);

  for (int r = 0; r < n_rows; r++)
    {
      RowInfo *row = g_new0 (RowInfo, 1);
      int first_number = -1, last_text = -1;

      row->grid_row = r;
      row->labels = g_ptr_array_new ();
      row->values = g_ptr_array_new ();
      row->label_norms = g_ptr_array_new_with_free_func (label_free);
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
                add_row_label (row, cell);
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
  if (context == NULL)
    return 0;
  return MAX (cf_form_chars_similarity (group_chars, context->chars, 0),
              cf_form_chars_similarity (group_chars, context->stripped, 0));
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
typedef struct
{
  const CfFormTable *ftable;
  TableInfo         *info;
  double             score;
  guint              rows_matched;
  gboolean           title_matched;
  /* per RowInfo index: the form row, or NULL */
  GPtrArray         *row_items;
  /* grid column -> form column, from header texts (NULL where unknown) */
  GPtrArray         *header_items;
  GHashTable        *matched_rows;     /* form row id set */
  GHashTable        *matched_headers;  /* form column id -> header CfCell */
} TableMatch;

static void
table_match_free (gpointer data)
{
  TableMatch *match = data;

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
    if (cf_form_label_similarity (title_norm, ftable->match_headings[i]) >= HEADING_MATCH_MIN
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

static TableMatch *
table_match_new (const CfFormTable *ftable, TableInfo *info)
{
  TableMatch *match = g_new0 (TableMatch, 1);
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
      RowInfo *row = g_ptr_array_index (info->rows, i);
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
      RowInfo *row = g_ptr_array_index (info->rows, i);
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

/* Choosing the form ------------------------------------------------------ */

typedef struct
{
  const CfForm *form;
  GPtrArray    *matches;  /* TableMatch * per form table (NULL when none) */
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

  fm.matches = g_ptr_array_new_with_free_func (table_match_free);
  g_ptr_array_set_size (fm.matches, form->tables->len);

  /* Tables the analyst assigned to a table of this form take it first, without
   * having to be recognised; they count far above any recognised evidence. */
  for (guint t = 0; t < form->tables->len; t++)
    {
      const CfFormTable *ftable = g_ptr_array_index (form->tables, t);

      for (guint i = 0; i < infos->len && fm.matches->pdata[t] == NULL; i++)
        {
          TableInfo *info = g_ptr_array_index (infos, i);
          const char *forced_table = NULL;
          const char *forced_form = cf_table_get_forced_form (info->table, &forced_table);
          TableMatch *match;

          if (used[i] || g_strcmp0 (forced_form, form->id) != 0
              || g_strcmp0 (forced_table, ftable->id) != 0)
            continue;
          match = table_match_new (ftable, info);
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
      TableMatch *best = NULL;
      guint best_index = 0;

      if (fm.matches->pdata[t] != NULL)
        continue;
      for (guint i = 0; i < infos->len; i++)
        {
          TableMatch *match;
          const char *forced_form = cf_table_get_forced_form (
            ((TableInfo *) g_ptr_array_index (infos, i))->table, NULL);

          /* A table assigned to another form table is not up for recognition. */
          if (used[i] || forced_form != NULL)
            continue;
          match = table_match_new (ftable, g_ptr_array_index (infos, i));
          if (match->score > 0 && (best == NULL || match->score > best->score))
            {
              table_match_free (best);
              best = match;
              best_index = i;
            }
          else
            table_match_free (match);
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
          TableMatch *match = g_ptr_array_index (fm.matches, t);

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
        if (cf_form_chars_similarity (g_ptr_array_index (*lines, l), heading, HEADING_MATCH_MIN)
            >= HEADING_MATCH_MIN)
          return TRUE;
    }
  return FALSE;
}

/* Mapping the chosen form onto the tables -------------------------------- */

typedef struct
{
  CfDocument        *doc;
  const CfForm      *form;
  const CfFormTable *ftable;
  CfTable           *table;
  TableMatch        *match;
  GHashTable        *cells;      /* "row\037col" -> CfCell */
  GHashTable        *rows;       /* row key -> RowInfo */
  GHashTable        *columns;    /* column key present */
  GHashTable        *guessed;    /* cells whose column is only a guess: unknown in rules */
  GHashTable        *names;      /* strings printed_row_label made */
} Mapped;

static char *
pair_key (const char *row, const char *col)
{
  return g_strconcat (row, "\037", col, NULL);
}

static void
mapped_free (gpointer data)
{
  Mapped *mapped = data;

  g_hash_table_unref (mapped->cells);
  g_hash_table_unref (mapped->rows);
  g_hash_table_unref (mapped->columns);
  g_hash_table_unref (mapped->guessed);
  g_hash_table_unref (mapped->names);
  g_free (mapped);
}

static CfCell *
mapped_cell (Mapped *mapped, const char *row, const char *col)
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
map_row (Mapped *mapped, RowInfo *row, const CfFormItem *item, CfFinding **mismatch)
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
      if (mapped_cell (mapped, item->id, column->id) != NULL)
        continue;
      cf_cell_set_keys (cell, item->id, column->id);
      if (!by_header && values->len != columns->len)
        g_hash_table_add (mapped->guessed, cell);
      g_hash_table_insert (mapped->cells, pair_key (item->id, column->id), cell);
      g_hash_table_add (mapped->columns, column->id);
    }
  g_hash_table_insert (mapped->rows, item->id, row);
}

static Mapped *
apply_match (CfDocument *doc, const CfForm *form, TableMatch *match, GPtrArray *findings)
{
  Mapped *mapped = g_new0 (Mapped, 1);

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
printed_row_label (Mapped *mapped, const char *row_key)
{
  RowInfo *row = g_hash_table_lookup (mapped->rows, row_key);
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
printed_column_label (Mapped *mapped, const char *col_key)
{
  CfCell *header = g_hash_table_lookup (mapped->match->matched_headers, col_key);
  const CfFormItem *item = cf_form_table_get_column (mapped->ftable, col_key);

  if (header != NULL && item && !item->group)
    return header->text;
  if (item && item->group)
    return NULL;  /* caller composes group / label */
  return item ? item->label : col_key;
}

static char *
cell_name (Mapped *mapped, const char *row_key, const char *col_key)
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

/* Checking the rules ----------------------------------------------------- */

typedef struct
{
  const char *row_key;
  const char *col_key;
  CfCell     *cell;   /* NULL when the slot has no cell */
  CfOperand   operand;
  int         sign;
  gboolean    lhs;
} Operand;

typedef struct
{
  const CfFormRule *rule;
  const char       *along;     /* the row (per row) or column (per column) key */
  CfExprOutcome     outcome;
  double            lhs;
  double            rhs;
  GArray           *operands;  /* of Operand */
  int               suspect;   /* index into operands */
} Failure;

static void
failure_free (gpointer data)
{
  Failure *failure = data;

  g_array_unref (failure->operands);
  g_free (failure);
}

static CfOperand
operand_of_cell (const CfCell *cell)
{
  CfOperand operand = { CF_OPERAND_BLANK, 0 };

  if (cell == NULL || (cell->flags & (CF_CELL_FLAG_MISSING | CF_CELL_FLAG_UNCERTAIN)))
    return operand;
  if (cell->number.kind == CF_NUMBER_VALUE)
    {
      operand.state = CF_OPERAND_KNOWN;
      operand.value = cell->number.value;
    }
  return operand;
}

static gboolean
strv_has (GStrv strv, const char *key)
{
  return strv == NULL || g_strv_contains ((const char * const *) strv, key);
}

/* Evaluates @rule along one row or column; NULL when it holds or cannot apply. */
static Failure *
check_along (Mapped *mapped, const CfFormRule *rule, const char *along)
{
  guint n = cf_expr_get_n_terms (rule->expr);
  g_autofree CfOperand *operands = g_new0 (CfOperand, n);
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (Operand));
  gboolean lhs_present = FALSE, rhs_present = FALSE;
  Failure *failure;
  double lhs, rhs;
  CfExprOutcome outcome;

  for (guint t = 0; t < n; t++)
    {
      const CfExprTerm *term = cf_expr_get_term (rule->expr, t);
      Operand operand = { 0 };
      gboolean present;

      if (term->key == NULL)
        continue;
      operand.row_key = rule->scope == CF_RULE_FOR_EACH_ROW ? along : term->key;
      operand.col_key = rule->scope == CF_RULE_FOR_EACH_ROW ? term->key : along;
      operand.sign = term->sign;
      operand.lhs = term->lhs;
      present = g_hash_table_contains (mapped->rows, operand.row_key)
                && g_hash_table_contains (mapped->columns, operand.col_key);
      /* A row that does not have this column (proactive rows differ). */
      if (present)
        {
          const CfFormItem *row = cf_form_table_get_row (mapped->ftable, operand.row_key);
          present = strv_has (row->columns, operand.col_key);
        }
      if (!present)
        {
          operands[t].state = CF_OPERAND_ABSENT;
          continue;
        }
      operand.cell = mapped_cell (mapped, operand.row_key, operand.col_key);
      operand.operand = operand_of_cell (operand.cell);
      if (operand.cell && g_hash_table_contains (mapped->guessed, operand.cell))
        operand.operand.state = CF_OPERAND_BLANK;
      operands[t] = operand.operand;
      if (term->lhs)
        lhs_present = TRUE;
      else
        rhs_present = TRUE;
      g_array_append_val (list, operand);
    }
  if (!lhs_present || !rhs_present)
    return NULL;

  outcome = cf_expr_check (rule->expr, operands, &lhs, &rhs);
  if (outcome == CF_EXPR_HOLDS)
    return NULL;

  failure = g_new0 (Failure, 1);
  failure->rule = rule;
  failure->along = along;
  failure->outcome = outcome;
  failure->lhs = lhs;
  failure->rhs = rhs;
  failure->operands = g_steal_pointer (&list);
  return failure;
}

static void
add_operand_cell (CfFinding *finding, Mapped *mapped, const Operand *operand)
{
  cf_finding_add_cell (finding, mapped->ftable->id,
                       operand->cell ? operand->cell->row : -1,
                       operand->cell ? operand->cell->col : -1,
                       operand->row_key, operand->col_key);
}

static void
append_side (GString *out, Failure *failure, gboolean lhs, double sum)
{
  guint shown = 0, terms = 0, blanks = 0;
  g_autofree char *total = cf_number_format (sum);

  for (guint i = 0; i < failure->operands->len; i++)
    {
      const Operand *op = &g_array_index (failure->operands, Operand, i);

      if (op->lhs != lhs)
        continue;
      terms++;
      blanks += op->operand.state == CF_OPERAND_BLANK;
    }
  if (terms == 1 && blanks == 0)
    {
      g_string_append (out, total);
      return;
    }
  for (guint i = 0; i < failure->operands->len; i++)
    {
      const Operand *op = &g_array_index (failure->operands, Operand, i);
      g_autofree char *value = NULL;

      if (op->lhs != lhs || op->operand.state != CF_OPERAND_KNOWN || op->operand.value == 0)
        continue;
      value = cf_number_format (fabs (op->operand.value));
      if (shown > 0)
        g_string_append (out, op->sign < 0 ? " - " : " + ");
      else if (op->sign < 0)
        g_string_append (out, "-");
      g_string_append (out, value);
      shown++;
    }
  if (blanks > 0)
    {
      if (shown > 0)
        g_string_append (out, " + ");
      if (blanks == 1)
        g_string_append (out, "空白");
      else
        g_string_append_printf (out, "%u 个空白", blanks);
      return;
    }
  if (shown == 0)
    g_string_append (out, "0");
  else if (shown > 1)
    g_string_append_printf (out, " = %s", total);
}

static CfFinding *
finding_from_failure (Mapped *mapped, Failure *failure)
{
  const Operand *suspect = &g_array_index (failure->operands, Operand, failure->suspect);
  gboolean incomplete = failure->outcome == CF_EXPR_INCOMPLETE;
  g_autofree char *rule_id = incomplete ? g_strconcat (failure->rule->id, ".incomplete", NULL)
                                        : g_strdup (failure->rule->id);
  g_autofree char *where = NULL;
  GString *message = g_string_new (NULL);
  gboolean suspect_lhs = suspect->lhs;
  guint lhs_terms = 0;
  CfFinding *finding;

  for (guint i = 0; i < failure->operands->len; i++)
    lhs_terms += g_array_index (failure->operands, Operand, i).lhs;
  if (incomplete)
    {
      /* In the relation's own order, named by its stated total when it has one. */
      const Operand *named = lhs_terms == 1 ? &g_array_index (failure->operands, Operand, 0)
                                            : suspect;
      suspect_lhs = TRUE;
      where = cell_name (mapped, named->row_key, named->col_key);
    }
  else
    where = cell_name (mapped, suspect->row_key, suspect->col_key);

  g_string_append_printf (message, "%s：", where);
  append_side (message, failure, suspect_lhs, suspect_lhs ? failure->lhs : failure->rhs);
  g_string_append (message, " ≠ ");
  append_side (message, failure, !suspect_lhs, suspect_lhs ? failure->rhs : failure->lhs);
  if (incomplete)
    {
      guint named = 0;

      g_string_append (message, "；空白单元格：");
      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);
          g_autofree char *name = NULL;

          if (op->operand.state != CF_OPERAND_BLANK)
            continue;
          if (named == 5)
            {
              g_string_append (message, "……");
              break;
            }
          name = cell_name (mapped, op->row_key, op->col_key);
          g_string_append_printf (message, "%s%s", named ? "；" : "", name);
          named++;
        }
      g_string_append (message, "，填写的数字决定是否相符");
    }
  if (failure->rule->description)
    g_string_append_printf (message, "（%s）", failure->rule->description);

  finding = cf_finding_new (incomplete ? CF_SEVERITY_WARNING : failure->rule->severity, rule_id,
                            mapped->ftable->id, message->str);
  g_string_free (message, TRUE);

  /* Incomplete: the blanks first (they decide); else the likely wrong cell. */
  add_operand_cell (finding, mapped, suspect);
  if (incomplete)
    {
      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);
          if (op->operand.state == CF_OPERAND_BLANK && (int) i != failure->suspect)
            add_operand_cell (finding, mapped, op);
        }
    }
  for (guint i = 0; i < failure->operands->len; i++)
    {
      const Operand *op = &g_array_index (failure->operands, Operand, i);

      if ((int) i == failure->suspect
          || (incomplete && op->operand.state == CF_OPERAND_BLANK))
        continue;
      add_operand_cell (finding, mapped, op);
    }
  /* actual: the likely wrong cell; expected: the value that makes the relation hold. */
  if (!incomplete)
    {
      double residual = failure->lhs - failure->rhs;
      double actual = suspect->operand.value;
      double expected = suspect->lhs ? actual - suspect->sign * residual
                                     : actual + suspect->sign * residual;

      cf_finding_set_values (finding, TRUE, expected, TRUE, actual);
    }
  return finding;
}

static guint
cell_hash (gconstpointer key)
{
  return g_direct_hash (key);
}

/* The likely wrong operand of each failure: the known cell in most failing
 * relations; ties go to the rule's suspect key, then to the first term. */
static void
choose_suspects (GPtrArray *failures)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (cell_hash, g_direct_equal);

  for (guint f = 0; f < failures->len; f++)
    {
      Failure *failure = g_ptr_array_index (failures, f);

      if (failure->outcome != CF_EXPR_FAILS)
        continue;
      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);

          if (op->cell != NULL && op->operand.state == CF_OPERAND_KNOWN)
            g_hash_table_insert (counts, op->cell,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                   g_hash_table_lookup (counts, op->cell)) + 1));
        }
    }

  for (guint f = 0; f < failures->len; f++)
    {
      Failure *failure = g_ptr_array_index (failures, f);
      const char *preferred = failure->rule->suspect;

      if (failure->outcome == CF_EXPR_INCOMPLETE)
        {
          /* The blank that decides: on the side with the fewest blanks (a blank total). */
          guint blanks[2] = { 0, 0 };
          int first_blank[2] = { -1, -1 };

          for (guint i = 0; i < failure->operands->len; i++)
            {
              const Operand *op = &g_array_index (failure->operands, Operand, i);
              int side = op->lhs ? 0 : 1;

              if (op->operand.state != CF_OPERAND_BLANK)
                continue;
              if (first_blank[side] < 0)
                first_blank[side] = (int) i;
              blanks[side]++;
            }
          if (first_blank[0] >= 0 && (first_blank[1] < 0 || blanks[0] <= blanks[1]))
            failure->suspect = first_blank[0];
          else
            failure->suspect = MAX (first_blank[1], 0);
          continue;
        }
      int best = -1;
      guint best_count = 0;
      gboolean best_preferred = FALSE;

      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);
          guint count;
          gboolean is_preferred;
          const char *key;

          if (op->operand.state != CF_OPERAND_KNOWN)
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, op->cell));
          key = failure->rule->scope == CF_RULE_FOR_EACH_ROW ? op->col_key : op->row_key;
          is_preferred = preferred && strcmp (key, preferred) == 0;
          if (best < 0 || count > best_count || (count == best_count && is_preferred && !best_preferred))
            {
              best = (int) i;
              best_count = count;
              best_preferred = is_preferred;
            }
        }
      failure->suspect = MAX (best, 0);
    }
}

static void
check_cells (Mapped *mapped, const CfFormRule *rule, GPtrArray *findings)
{
  guint n = cf_table_get_n_cells (mapped->table);

  for (guint i = 0; i < n; i++)
    {
      CfCell *cell = cf_table_get_cell_at (mapped->table, i);
      const CfFormItem *column;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      CfFinding *finding;

      if (cell->row_key == NULL || cell->col_key == NULL)
        continue;
      if (cell->flags & (CF_CELL_FLAG_MISSING))
        continue;
      column = cf_form_table_get_column (mapped->ftable, cell->col_key);
      if (cell->number.kind == CF_NUMBER_TEXT)
        {
          /* Reported once, whatever rule would have used it. */
          name = cell_name (mapped, cell->row_key, cell->col_key);
          message = g_strdup_printf ("%s：“%s”不是一个数，不参与任何核对", name, cell->text);
          finding = cf_finding_new (CF_SEVERITY_INFO, "cell.not_a_number", mapped->ftable->id,
                                    message);
          cf_finding_add_cell (finding, mapped->ftable->id, cell->row, cell->col, cell->row_key,
                               cell->col_key);
          g_ptr_array_add (findings, finding);
          continue;
        }
      if (cell->number.kind != CF_NUMBER_VALUE || column == NULL || !column->count)
        continue;
      if (cell->number.value >= 0 && cf_number_is_integer (cell->number.value))
        continue;
      name = cell_name (mapped, cell->row_key, cell->col_key);
      message = g_strdup_printf ("%s：“%s”不是不小于 0 的整数（%s）", name, cell->text,
                                 rule->description ? rule->description : "件数应为整数");
      finding = cf_finding_new (rule->severity, rule->id, mapped->ftable->id, message);
      cf_finding_add_cell (finding, mapped->ftable->id, cell->row, cell->col, cell->row_key,
                           cell->col_key);
      cf_finding_set_values (finding, TRUE, MAX (0, floor (cell->number.value)), TRUE,
                             cell->number.value);
      g_ptr_array_add (findings, finding);
    }
}

static void
check_table_rules (Mapped *mapped, GPtrArray *findings)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (failure_free);

  for (guint r = 0; r < mapped->form->rules->len; r++)
    {
      const CfFormRule *rule = g_ptr_array_index (mapped->form->rules, r);
      GPtrArray *along;

      if (rule->table != NULL && strcmp (rule->table, mapped->ftable->id) != 0)
        continue;
      if (rule->scope == CF_RULE_FOR_EACH_CELL)
        {
          check_cells (mapped, rule, findings);
          continue;
        }
      along = rule->scope == CF_RULE_FOR_EACH_ROW ? mapped->ftable->rows : mapped->ftable->columns;
      for (guint i = 0; i < along->len; i++)
        {
          const CfFormItem *item = g_ptr_array_index (along, i);
          Failure *failure;

          if (!strv_has (rule->only, item->id))
            continue;
          if (!g_hash_table_contains (rule->scope == CF_RULE_FOR_EACH_ROW ? mapped->rows
                                                                          : mapped->columns,
                                      item->id))
            continue;
          failure = check_along (mapped, rule, item->id);
          if (failure != NULL)
            g_ptr_array_add (failures, failure);
        }
    }

  choose_suspects (failures);
  for (guint f = 0; f < failures->len; f++)
    g_ptr_array_add (findings, finding_from_failure (mapped, g_ptr_array_index (failures, f)));
}

/* Lost cells the extraction did not already note. */
static void
note_missing_cells (Mapped *mapped, GPtrArray *notes, GPtrArray *findings)
{
  g_autoptr(GHashTable) noted = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *original = g_object_get_data (G_OBJECT (mapped->table), ORIGINAL_ID_KEY);

  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *note = g_ptr_array_index (notes, i);

      for (guint c = 0; c < note->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (note->cells, CfCellRef, c);

          if (g_strcmp0 (ref->table, original) == 0 || g_strcmp0 (ref->table, mapped->ftable->id) == 0)
            g_hash_table_add (noted, GINT_TO_POINTER (ref->row + 1));
        }
    }

  for (guint i = 0; i < cf_table_get_n_cells (mapped->table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (mapped->table, i);
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      CfFinding *finding;

      if (!(cell->flags & CF_CELL_FLAG_MISSING) || cell->row_key == NULL
          || g_hash_table_contains (noted, GINT_TO_POINTER (cell->row + 1)))
        continue;
      g_hash_table_add (noted, GINT_TO_POINTER (cell->row + 1));
      name = cell_name (mapped, cell->row_key, cell->col_key);
      message = g_strdup_printf ("%s：这一行缺少一个单元格，本行各数值所在的列无法确定，不参与核对",
                                 name);
      finding = cf_finding_new (CF_SEVERITY_WARNING, "cell.missing", mapped->ftable->id, message);
      cf_finding_add_cell (finding, mapped->ftable->id, cell->row, cell->col, cell->row_key,
                           cell->col_key);
      g_ptr_array_add (findings, finding);
    }
}

/* The audit ---------------------------------------------------------------- */

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

static const char *
renamed_table (CfDocument *doc, const char *old_id)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; old_id && t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (table), ORIGINAL_ID_KEY), old_id) == 0)
        return cf_table_get_id (table);
    }
  return old_id;
}

static void
copy_notes (CfDocument *doc)
{
  GPtrArray *notes = cf_document_get_notes (doc);

  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *finding = cf_finding_copy (g_ptr_array_index (notes, i));
      const char *table_id = renamed_table (doc, finding->table);

      if (finding->table && table_id != finding->table)
        {
          char *renamed = g_strdup (table_id);
          g_free (finding->table);
          finding->table = renamed;
        }
      for (guint c = 0; c < finding->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);
          CfTable *table;
          CfCell *cell;

          table_id = renamed_table (doc, ref->table);
          if (ref->table && table_id != ref->table)
            {
              char *renamed = g_strdup (table_id);
              g_free (ref->table);
              ref->table = renamed;
            }
          table = ref->table ? cf_document_find_table (doc, ref->table) : NULL;
          cell = table ? cf_table_get_cell (table, ref->row, ref->col) : NULL;
          if (cell != NULL && cell->row_key != NULL && ref->row_key == NULL)
            {
              ref->row_key = g_strdup (cell->row_key);
              ref->col_key = g_strdup (cell->col_key);
            }
        }
      cf_document_take_finding (doc, finding);
    }
}

void
cf_audit_document (CfDocument *doc, CfFormRegistry *registry)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (table_info_free);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  g_autoptr(GPtrArray) mapped = g_ptr_array_new_with_free_func (mapped_free);
  FormMatch best = { NULL, NULL, 0, 0 };
  g_autoptr(GPtrArray) heading_lines = NULL;
  const char *text;
  int year;

  g_return_if_fail (CF_IS_DOCUMENT (doc));
  if (registry == NULL)
    registry = cf_form_registry_get_default ();

  cf_document_clear_findings (doc);
  reset_tables (doc);
  cf_document_set_form (doc, NULL);
  /* The year decides between forms that fit equally well. */
  cf_report_meta_read (doc);
  year = cf_document_get_year (doc);
  text = cf_document_get_text (doc, NULL);

  for (guint t = 0; t < tables->len; t++)
    g_ptr_array_add (infos, table_info_new (g_ptr_array_index (tables, t)));

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
          headings += text_has_heading (text, &heading_lines, g_ptr_array_index (form->tables, t));
        if (headings >= 2)
          {
            best.form = form;
            best.matches = g_ptr_array_new_with_free_func (table_match_free);
            g_ptr_array_set_size (best.matches, form->tables->len);
          }
      }

  if (best.form != NULL)
    {
      cf_document_set_form (doc, best.form->id);
      for (guint t = 0; t < best.form->tables->len; t++)
        {
          TableMatch *match = g_ptr_array_index (best.matches, t);
          const CfFormTable *ftable = g_ptr_array_index (best.form->tables, t);

          if (match != NULL)
            g_ptr_array_add (mapped, apply_match (doc, best.form, match, findings));
          else
            {
              gboolean heading = text_has_heading (text, &heading_lines, ftable);
              g_autofree char *message = g_strdup_printf (
                heading ? "报告有“%s”一节，但其下没有找到统计表"
                        : "没有找到“%s”统计表",
                ftable->heading);
              CfFinding *finding = cf_finding_new (CF_SEVERITY_WARNING, "form.table_missing",
                                                   ftable->id, message);
              g_ptr_array_add (findings, finding);
            }
        }
    }

  /* Notes first (with the tables' new ids), then the form's rules. */
  copy_notes (doc);
  for (guint m = 0; m < mapped->len; m++)
    {
      Mapped *each = g_ptr_array_index (mapped, m);

      note_missing_cells (each, cf_document_get_notes (doc), findings);
      check_table_rules (each, findings);
    }
  for (guint i = 0; i < findings->len; i++)
    cf_document_take_finding (doc, g_steal_pointer (&findings->pdata[i]));
  g_ptr_array_set_size (findings, 0);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      gboolean is_form = FALSE;

      for (guint m = 0; m < mapped->len; m++)
        is_form |= ((Mapped *) g_ptr_array_index (mapped, m))->table == table;
      if (!is_form)
        cf_totals_check_table (doc, table);
    }

  cf_prose_check (doc);
  form_match_clear (&best);
}

/* Across years ---------------------------------------------------------------- */

static CfOperand
year_operand (CfDocument *doc, const char *table_id, const char *row, const char *col,
              CfCell **cell_out)
{
  CfTable *table = cf_document_find_table (doc, table_id);
  CfCell *cell = table ? cf_table_find_by_keys (table, row, col) : NULL;
  CfOperand operand = { CF_OPERAND_ABSENT, 0 };

  *cell_out = cell;
  if (cell == NULL)
    return operand;
  return operand_of_cell (cell);
}

static void
check_year_rule (CfDocument *doc, CfDocument *prev, const CfForm *form, const CfFormRule *rule)
{
  const CfFormTable *ftable = cf_form_get_table (form, rule->table);
  GPtrArray *along = rule->scope == CF_RULE_FOR_EACH_ROW ? ftable->rows : ftable->columns;
  guint n = cf_expr_get_n_terms (rule->expr);

  for (guint a = 0; a < along->len; a++)
    {
      const char *key = ((CfFormItem *) g_ptr_array_index (along, a))->id;
      g_autofree CfOperand *operands = g_new0 (CfOperand, n);
      g_autofree CfCell **cells = g_new0 (CfCell *, n);
      gboolean complete = TRUE;
      int first = -1, other = -1;
      double lhs, rhs;

      if (!strv_has (rule->only, key))
        continue;
      for (guint t = 0; t < n; t++)
        {
          const CfExprTerm *term = cf_expr_get_term (rule->expr, t);
          const char *row = rule->scope == CF_RULE_FOR_EACH_ROW ? key : term->key;
          const char *col = rule->scope == CF_RULE_FOR_EACH_ROW ? term->key : key;

          if (term->key == NULL)
            continue;
          operands[t] = year_operand (term->prev ? prev : doc, rule->table, row, col, &cells[t]);
          if (operands[t].state != CF_OPERAND_KNOWN)
            complete = FALSE;
          if (!term->prev && first < 0)
            first = (int) t;
          if (term->prev && other < 0)
            other = (int) t;
        }
      if (!complete || first < 0 || other < 0)
        continue;
      if (cf_expr_check (rule->expr, operands, &lhs, &rhs) != CF_EXPR_FAILS)
        continue;

      {
        CfCell *here = cells[first];
        CfCell *there = cells[other];
        const CfExprTerm *first_term = cf_expr_get_term (rule->expr, first);
        const CfExprTerm *other_term = cf_expr_get_term (rule->expr, other);
        g_autofree char *a_value = cf_number_format (lhs);
        g_autofree char *b_value = cf_number_format (rhs);
        g_autofree char *message = g_strdup_printf (
          "%d 年报告 %s / %s：%s ≠ %s（与 %s 的 %d 年报告 %s / %s 比较；%s）",
          cf_document_get_year (doc),
          rule->scope == CF_RULE_FOR_EACH_ROW ? key : first_term->key,
          rule->scope == CF_RULE_FOR_EACH_ROW ? first_term->key : key, a_value, b_value,
          cf_document_get_basename (prev), cf_document_get_year (prev),
          rule->scope == CF_RULE_FOR_EACH_ROW ? key : other_term->key,
          rule->scope == CF_RULE_FOR_EACH_ROW ? other_term->key : key,
          rule->description ? rule->description : rule->id);
        CfFinding *finding = cf_finding_new (rule->severity, rule->id, rule->table, message);

        cf_finding_add_cell (finding, rule->table, here->row, here->col, here->row_key,
                             here->col_key);
        cf_finding_add_cell (finding, rule->table, there->row, there->col, there->row_key,
                             there->col_key);
        cf_finding_set_values (finding, TRUE, rhs, TRUE, lhs);
        finding->related_document = g_strdup (cf_document_get_path (prev));
        cf_document_take_finding (doc, finding);
      }
    }
}

void
cf_audit_batch (GPtrArray *documents)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();

  g_return_if_fail (documents != NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      CfDocument *doc = g_ptr_array_index (documents, i);
      const CfForm *form = cf_form_registry_lookup (registry, cf_document_get_form (doc));
      const char *body = cf_document_get_body (doc);
      int year = cf_document_get_year (doc);

      if (form == NULL || body == NULL || year <= 0)
        continue;
      for (guint j = 0; j < documents->len; j++)
        {
          CfDocument *prev = g_ptr_array_index (documents, j);

          if (prev == doc || cf_document_get_year (prev) != year - 1
              || g_strcmp0 (cf_document_get_body (prev), body) != 0
              || cf_document_get_form (prev) == NULL)
            continue;
          for (guint r = 0; r < form->year_rules->len; r++)
            check_year_rule (doc, prev, form, g_ptr_array_index (form->year_rules, r));
          break;
        }
    }
}
