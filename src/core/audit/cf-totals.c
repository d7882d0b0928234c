/* cf-totals.c: auditing generic tables that print a total row or column
 *
 * Reports carry tables of their own besides the national forms (budgets,
 * counts per district). Any row or column labelled 合计, 总计, 小计, 共计,
 * 总数, 总额, Total or Subtotal claims to be the sum of a block of others.
 *
 * Decisions:
 * - Header rows and label columns are decided once, for the grid too
 *   (cf_table_split).
 * - Levels: 小计/Subtotal 1; 合计/共计/总数/总额/Total 2; 总计/Grand total 3.
 *   A total sums what lies above it (or left of it) up to the previous total
 *   of its level or higher; a lower-level total met on the way stands for the
 *   block it sums (nested subtotals). A total with nothing before it sums
 *   what follows (tables that print 合计 first).
 * - A row with a label and no value at all (a section heading) ends the
 *   block of a subtotal; higher totals pass over it.
 * - Columns of rates, shares and changes (率, 比, %, 增减, 同比) are not summed.
 * - "(1,234.50)" is −1234.50, as accounts print it (cf_table_split_amount).
 * - Blank is not zero (report-forms.md): all parts known → error
 *   "table.total"; known parts that add up to the total, or a total of 0 with
 *   blank parts → consistent; known non-negative parts above the total →
 *   error; otherwise → warning "table.total.incomplete" naming the blanks.
 * - Tolerance: one unit of the last printed decimal per part (money with two
 *   decimals: 0.01 × n), 0 for whole numbers.
 * - A finding's first cell is the cell most likely wrong. A row check and a
 *   column check that fail by the same amount through one shared cell are
 *   one finding on that cell: a part that breaks its row total and its
 *   column total, or a total that disagrees with both its row and column.
 * - expected = what the first cell should hold, actual = what it holds.
 * - A table read with confidence under CF_TABLE_CONFIDENCE_DOUBTFUL (tables
 *   of a text damaged in decoding) is not checked: which rows its blocks
 *   hold is not known.
 */
#include <math.h>
#include <string.h>
#include "cf-totals.h"
#include "cf-table-split.h"
#include "cf-form-private.h"
#include "cf-normalize.h"
#include "cf-number.h"

typedef enum
{
  CHECK_ROWS, /* a total row: sums rows in one column */
  CHECK_COLS, /* a total column: sums columns in one row */
} CheckKind;

typedef struct
{
  CheckKind kind;
  int       line;      /* the column (CHECK_ROWS) or row (CHECK_COLS) checked */
  int       total;     /* the total's row (CHECK_ROWS) or column (CHECK_COLS) */
  GArray   *parts;     /* of int: rows or columns summed */
  double    sum;
  double    printed;
  double    tolerance;
  GArray   *blanks;    /* of int: parts left blank */
  CfSeverity severity;
  gboolean  merged;
} Failure;

typedef struct
{
  CfDocument *doc;
  CfTable    *table;
  int         n_rows, n_cols;
  int         n_label_cols;
  int         n_header_rows;
  int        *row_level; /* 0: detail row; 1-3: total level; -1: heading row */
  int        *col_level; /* 0: value column; 1-3: total; -1: label or skipped column */
  GPtrArray  *failures;
} Audit;

static void
failure_free (gpointer data)
{
  Failure *f = data;

  g_array_unref (f->parts);
  g_array_unref (f->blanks);
  g_free (f);
}

/* Labels ------------------------------------------------------------------ */

/* A column of rates or changes, which no total sums. */
static gboolean
is_rate_label (const char *text)
{
  static const char *const words[] = { "率", "比", "%", "增减", "增长", "同比", "环比", "平均",
                                        "均值", "单价", "rate", "ratio", "share" };
  g_autofree char *label = NULL;

  if (text == NULL)
    return FALSE;
  label = g_utf8_strdown (text, -1);
  {
    g_autofree char *norm = cf_normalize_label (label);
    for (gsize k = 0; k < G_N_ELEMENTS (words); k++)
      if (strstr (norm, words[k]) != NULL)
        return TRUE;
  }
  return FALSE;
}

/* The printed label of row @row: its label cells joined. */
static char *
row_label (Audit *a, int row)
{
  GString *s = g_string_new (NULL);

  for (int c = 0; c < MAX (a->n_label_cols, 1) && c < a->n_cols; c++)
    {
      CfCell *cell = cf_table_get_cell (a->table, row, c);
      if (cell != NULL && cell->text != NULL && *cell->text != '\0'
          && cell->number.kind == CF_NUMBER_TEXT)
        {
          if (s->len > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, cell->text);
        }
    }
  if (s->len == 0)
    g_string_printf (s, "第%d行", row + 1);
  return g_string_free (s, FALSE);
}

/* The header text over column @col: its most specific header cell. */
static char *
col_label (Audit *a, int col)
{
  for (int r = a->n_header_rows - 1; r >= 0; r--)
    {
      CfCell *cell = cf_table_get_cell (a->table, r, col);
      if (cell != NULL && cell->text != NULL && *cell->text != '\0')
        return g_strdup (cell->text);
    }
  return g_strdup_printf ("第%d列", col + 1);
}

/* Layout -------------------------------------------------------------------- */

static gboolean
row_has_number (Audit *a, int row, int from_col)
{
  for (int c = from_col; c < a->n_cols; c++)
    if (cf_table_split_amount (a->table, row, c).kind == CF_AMOUNT_NUMBER)
      return TRUE;
  return FALSE;
}

/* A section heading ("一、收入", or a label spanning the row): no values,
 * as opposed to a row whose values were left blank. */
static gboolean
row_is_heading (Audit *a, int row)
{
  gboolean has_value_cells = FALSE;
  CfCell *label;

  if (row_has_number (a, row, a->n_label_cols))
    return FALSE;
  for (int c = a->n_label_cols; c < a->n_cols; c++)
    {
      CfCell *cell = cf_table_get_cell (a->table, row, c);
      if (cell != NULL && cell->col >= a->n_label_cols)
        has_value_cells = TRUE;
    }
  if (!has_value_cells)
    return TRUE;
  /* "一、收入", "（二）支出": an enumerated heading over the rows below. */
  label = cf_table_get_cell (a->table, row, 0);
  if (label != NULL && label->text != NULL)
    {
      const char *p = label->text;
      gboolean han_numeral = FALSE;

      if (g_str_has_prefix (p, "（") || g_str_has_prefix (p, "("))
        return g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (g_utf8_next_char (p))) != NULL;
      while (*p && g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)) != NULL)
        p = g_utf8_next_char (p), han_numeral = TRUE;
      return han_numeral && g_str_has_prefix (p, "、");
    }
  return FALSE;
}

void
cf_totals_get_split (CfTable *table, CfTableSplit *split)
{
  /* The grid names cells by the same split (cf-cell-labels.c): a finding
   * speaks of the rows and columns the reader sees. */
  cf_table_split (table, split);
}

static void
find_layout (Audit *a)
{
  CfTableSplit split;

  cf_totals_get_split (a->table, &split);
  a->n_label_cols = split.n_label_cols;
  a->n_header_rows = split.n_header_rows;

  a->row_level = g_new0 (int, a->n_rows);
  a->col_level = g_new0 (int, a->n_cols);
  for (int r = a->n_header_rows; r < a->n_rows; r++)
    {
      int level = 0;

      for (int c = 0; c < MAX (a->n_label_cols, 1) && c < a->n_cols; c++)
        {
          CfCell *cell = cf_table_get_cell (a->table, r, c);
          if (cell != NULL && cell->number.kind == CF_NUMBER_TEXT)
            level = MAX (level, cf_label_total_level (cell->text));
        }
      /* A row the analyst marked as a total counts as one whatever its label says. */
      if (level == 0 && cf_table_get_row_role (a->table, r) == CF_ROW_ROLE_TOTAL)
        level = 2;
      a->row_level[r] = level;
      if (level == 0 && row_is_heading (a, r))
        a->row_level[r] = -1;
    }
  for (int c = 0; c < a->n_cols; c++)
    {
      g_autofree char *label = NULL;

      if (c < a->n_label_cols || a->n_header_rows == 0)
        {
          a->col_level[c] = c < a->n_label_cols ? -1 : 0;
          continue;
        }
      label = col_label (a, c);
      a->col_level[c] = cf_label_total_level (label);
      if (a->col_level[c] == 0 && cf_table_get_col_role (a->table, c) == CF_ROW_ROLE_TOTAL)
        a->col_level[c] = 2;
      if (a->col_level[c] == 0 && is_rate_label (label))
        a->col_level[c] = -1;
    }
}

/* Blocks -------------------------------------------------------------------- */

/* The parts a total at @index (level @level) sums, walking in @step
 * direction over @levels (rows or columns) between @lo and @hi. */
static void
collect_block (const int *levels, int lo, int hi, int index, int step, GArray *parts)
{
  int level = levels[index];
  int i = index + step;

  while (i >= lo && i < hi)
    {
      int l = levels[i];

      if (l >= level)
        break;
      if (l == -1)
        {
          /* A heading row ends a subtotal's block; other totals pass it. */
          if (level == 1 && parts->len > 0)
            break;
          i += step;
          continue;
        }
      g_array_append_val (parts, i);
      if (l > 0 && step < 0)
        {
          /* A lower total stands for its own block: skip over it. */
          g_autoptr (GArray) inner = g_array_new (FALSE, FALSE, sizeof (int));
          int last = i;

          collect_block (levels, lo, hi, i, step, inner);
          for (guint k = 0; k < inner->len; k++)
            last = MIN (last, g_array_index (inner, int, k));
          i = last + step;
          continue;
        }
      if (l > 0 && step > 0)
        {
          /* Totals first: a lower total heads its block below it. */
          g_autoptr (GArray) inner = g_array_new (FALSE, FALSE, sizeof (int));
          int last = i;

          collect_block (levels, lo, hi, i, step, inner);
          for (guint k = 0; k < inner->len; k++)
            last = MAX (last, g_array_index (inner, int, k));
          i = last + step;
          continue;
        }
      i += step;
    }
}

/* TRUE when the first line that is not a heading is a total: the table
 * prints its totals before their parts. */
static gboolean
totals_come_first (const int *levels, int lo, int hi)
{
  for (int i = lo; i < hi; i++)
    if (levels[i] != -1)
      return levels[i] > 0;
  return FALSE;
}

static void
find_parts (const int *levels, int lo, int hi, int index, GArray *parts)
{
  int step = totals_come_first (levels, lo, hi) ? +1 : -1;

  collect_block (levels, lo, hi, index, step, parts);
  if (parts->len == 0)
    collect_block (levels, lo, hi, index, -step, parts);
}

/* Checking -------------------------------------------------------------------- */

/* Checks one total against its parts; whether it could be checked (a number
 * over at least one known part), holding or not. */
static gboolean
check_one (Audit *a, CheckKind kind, int line, int total_index, GArray *parts)
{
  CfAmount total = kind == CHECK_ROWS ? cf_table_split_amount (a->table, total_index, line)
                                      : cf_table_split_amount (a->table, line, total_index);
  g_autoptr (GArray) blanks = g_array_new (FALSE, FALSE, sizeof (int));
  double sum = 0, tolerance;
  int decimals = total.decimals;
  gboolean negative = FALSE;
  int known = 0;
  Failure *f;

  if (total.kind != CF_AMOUNT_NUMBER || parts->len < 1)
    return FALSE;
  for (guint k = 0; k < parts->len; k++)
    {
      int p = g_array_index (parts, int, k);
      CfAmount v = kind == CHECK_ROWS ? cf_table_split_amount (a->table, p, line)
                                      : cf_table_split_amount (a->table, line, p);

      if (v.kind == CF_AMOUNT_NONE)
        {
          /* Text, or a slot a merged cell covers: this line holds no sum. */
          CfCell *cell = kind == CHECK_ROWS ? cf_table_get_cell (a->table, p, line)
                                            : cf_table_get_cell (a->table, line, p);
          if (cell != NULL)
            return FALSE;
          g_array_append_val (blanks, p);
          continue;
        }
      if (v.kind == CF_AMOUNT_BLANK)
        {
          g_array_append_val (blanks, p);
          continue;
        }
      sum += v.value;
      negative |= v.value < 0;
      decimals = MAX (decimals, v.decimals);
      known++;
    }
  if (known == 0)
    return FALSE;
  tolerance = decimals == 0 ? 1e-9 : parts->len / pow (10, decimals) + 1e-9;
  /* Checked from here on, whether it holds or not. */
  if (fabs (sum - total.value) <= tolerance)
    return TRUE;

  f = g_new0 (Failure, 1);
  f->kind = kind;
  f->line = line;
  f->total = total_index;
  f->parts = g_array_ref (parts);
  f->blanks = g_array_ref (blanks);
  f->sum = sum;
  f->printed = total.value;
  f->tolerance = tolerance;
  if (blanks->len == 0)
    f->severity = CF_SEVERITY_ERROR;
  else if (total.value == 0 && !negative)
    {
      /* Counts are ≥ 0: a total of 0 makes every blank 0. Only known parts
       * above 0 break it. */
      if (sum <= tolerance)
        {
          failure_free (f);
          return TRUE;
        }
      f->severity = CF_SEVERITY_ERROR;
    }
  else if (!negative && total.value >= 0 && sum > total.value + tolerance)
    f->severity = CF_SEVERITY_ERROR;
  else
    f->severity = CF_SEVERITY_WARNING;
  g_ptr_array_add (a->failures, f);
  return TRUE;
}

/* The cell that both failures involve, with the error it would carry, or FALSE. */
static gboolean
shared_cell (Audit *a, const Failure *rows, const Failure *cols, int *row, int *col,
             double *error)
{
  /* rows checks column rows->line; cols checks row cols->line: they meet
   * at (cols->line, rows->line). */
  int r = cols->line, c = rows->line;
  gboolean in_rows = FALSE, in_cols = FALSE;
  double e_rows, e_cols;
  int sign_rows = 0, sign_cols = 0;

  (void) a;
  if (r == rows->total)
    in_rows = TRUE, sign_rows = 1;
  for (guint k = 0; k < rows->parts->len && !in_rows; k++)
    if (g_array_index (rows->parts, int, k) == r)
      in_rows = TRUE, sign_rows = -1;
  if (c == cols->total)
    in_cols = TRUE, sign_cols = 1;
  for (guint k = 0; k < cols->parts->len && !in_cols; k++)
    if (g_array_index (cols->parts, int, k) == c)
      in_cols = TRUE, sign_cols = -1;
  if (!in_rows || !in_cols)
    return FALSE;

  /* An error e in the shared cell moves printed − sum by +e where it is
   * the total and by −e where it is a part. */
  e_rows = (rows->printed - rows->sum) * sign_rows;
  e_cols = (cols->printed - cols->sum) * sign_cols;
  if (fabs (e_rows - e_cols) > MAX (rows->tolerance, cols->tolerance) + 1e-9)
    return FALSE;
  *row = r;
  *col = c;
  *error = e_rows;
  return TRUE;
}

static void
add_cell_ref (CfFinding *f, Audit *a, int row, int col)
{
  cf_finding_add_cell (f, cf_table_get_id (a->table), row, col, NULL, NULL);
}

static void
report_failure (Audit *a, const Failure *f)
{
  int total_row = f->kind == CHECK_ROWS ? f->total : f->line;
  int total_col = f->kind == CHECK_ROWS ? f->line : f->total;
  g_autofree char *line_label = f->kind == CHECK_ROWS ? col_label (a, f->line) : row_label (a, f->line);
  g_autofree char *total_label = f->kind == CHECK_ROWS ? row_label (a, f->total) : col_label (a, f->total);
  g_autofree char *printed = cf_number_format (f->printed);
  g_autofree char *sum = cf_number_format (f->sum);
  g_autofree char *diff = cf_number_format (fabs (f->printed - f->sum));
  g_autoptr (GString) message = g_string_new (NULL);
  const char *rule = f->severity == CF_SEVERITY_ERROR ? "table.total" : "table.total.incomplete";
  CfFinding *finding;

  if (f->kind == CHECK_ROWS)
    g_string_printf (message, "“%s”行“%s”列为%s，但所合计各行之和为%s（相差%s）",
                     total_label, line_label, printed, sum, diff);
  else
    g_string_printf (message, "“%s”行“%s”列为%s，但所合计各列之和为%s（相差%s）",
                     line_label, total_label, printed, sum, diff);
  if (f->blanks->len > 0)
    {
      g_string_append (message, "；空白：");
      for (guint k = 0; k < f->blanks->len; k++)
        {
          int p = g_array_index (f->blanks, int, k);
          g_autofree char *label = f->kind == CHECK_ROWS ? row_label (a, p) : col_label (a, p);
          g_string_append_printf (message, "%s“%s”", k > 0 ? "、" : "", label);
        }
    }

  finding = cf_finding_new (f->severity, rule, cf_table_get_id (a->table), message->str);
  cf_finding_set_values (finding, TRUE, f->sum, TRUE, f->printed);
  add_cell_ref (finding, a, total_row, total_col);
  for (guint k = 0; k < f->blanks->len; k++)
    {
      int p = g_array_index (f->blanks, int, k);
      if (f->kind == CHECK_ROWS)
        add_cell_ref (finding, a, p, f->line);
      else
        add_cell_ref (finding, a, f->line, p);
    }
  cf_document_take_finding (a->doc, finding);
}

static void
report_shared (Audit *a, const Failure *rows, const Failure *cols, int row, int col, double error)
{
  CfCell *cell = cf_table_get_cell (a->table, row, col);
  CfAmount v = cf_table_split_amount (a->table, row, col);
  g_autofree char *rlabel = row_label (a, row);
  g_autofree char *clabel = col_label (a, col);
  g_autofree char *printed = cf_number_format (v.value);
  g_autofree char *expected = cf_number_format (v.value - error);
  g_autofree char *message = NULL;
  CfFinding *finding;

  message = g_strdup_printf ("“%s”行“%s”列为%s，与所在行和所在列的合计都不一致，"
                             "按合计应为%s", rlabel, clabel,
                             cell != NULL ? cell->text : printed, expected);
  finding = cf_finding_new (CF_SEVERITY_ERROR, "table.total", cf_table_get_id (a->table), message);
  cf_finding_set_values (finding, TRUE, v.value - error, TRUE, v.value);
  add_cell_ref (finding, a, row, col);
  /* Then the totals that disagree. */
  if (!(rows->total == row && rows->line == col))
    add_cell_ref (finding, a, rows->total, rows->line);
  if (!(cols->line == row && cols->total == col))
    add_cell_ref (finding, a, cols->line, cols->total);
  cf_document_take_finding (a->doc, finding);
}

/* The national forms have rules of their own (cf-rules.c); a form table the
 * matcher missed would be misread here (三（七）总计 does not sum every row
 * above it). Each form file lists the labels only its tables print
 * ("markers"). */
static gboolean
looks_like_national_form (CfTable *table)
{
  CfFormRegistry *registry = cf_form_registry_get_default ();

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);
      g_autofree char *label = NULL;

      if (cell->text == NULL || cell->number.kind != CF_NUMBER_TEXT)
        continue;
      label = cf_normalize_label (cell->text);
      for (guint f = 0; f < cf_form_registry_get_n_forms (registry); f++)
        {
          GStrv markers = cf_form_registry_get_nth (registry, f)->markers;

          for (guint k = 0; markers != NULL && markers[k] != NULL; k++)
            if (strstr (label, markers[k]) != NULL)
              return TRUE;
        }
    }
  return FALSE;
}

guint
cf_totals_check_table (CfDocument *doc, CfTable *table)
{
  Audit a = { 0 };
  guint n_checks = 0;

  g_return_val_if_fail (CF_IS_DOCUMENT (doc), 0);
  g_return_val_if_fail (CF_IS_TABLE (table), 0);

  a.doc = doc;
  a.table = table;
  a.n_rows = cf_table_get_n_rows (table);
  a.n_cols = cf_table_get_n_cols (table);
  if (a.n_rows < 2 || a.n_cols < 1 || looks_like_national_form (table))
    return 0;
  /* A doubtful reading (a fragment of a table cut by damaged text): its
   * total rows and their blocks would be guesses. */
  if (cf_table_get_confidence (table) >= 0
      && cf_table_get_confidence (table) < CF_TABLE_CONFIDENCE_DOUBTFUL)
    return 0;
  a.failures = g_ptr_array_new_with_free_func (failure_free);
  find_layout (&a);

  /* Total rows: each value column summed over the row's block. */
  for (int r = a.n_header_rows; r < a.n_rows; r++)
    {
      g_autoptr (GArray) parts = NULL;

      if (a.row_level[r] <= 0)
        continue;
      parts = g_array_new (FALSE, FALSE, sizeof (int));
      find_parts (a.row_level + a.n_header_rows, 0, a.n_rows - a.n_header_rows,
                  r - a.n_header_rows, parts);
      for (guint k = 0; k < parts->len; k++)
        g_array_index (parts, int, k) += a.n_header_rows;
      for (int c = a.n_label_cols; c < a.n_cols; c++)
        if (a.col_level[c] >= 0)
          n_checks += check_one (&a, CHECK_ROWS, c, r, parts);
    }

  /* Total columns: each data row summed over the column's block. */
  for (int c = a.n_label_cols; c < a.n_cols; c++)
    {
      g_autoptr (GArray) parts = NULL;

      if (a.col_level[c] <= 0)
        continue;
      parts = g_array_new (FALSE, FALSE, sizeof (int));
      find_parts (a.col_level + a.n_label_cols, 0, a.n_cols - a.n_label_cols,
                  c - a.n_label_cols, parts);
      for (guint k = 0; k < parts->len; k++)
        g_array_index (parts, int, k) += a.n_label_cols;
      for (int r = a.n_header_rows; r < a.n_rows; r++)
        if (a.row_level[r] >= 0)
          n_checks += check_one (&a, CHECK_COLS, r, c, parts);
    }

  /* One finding for a row check and a column check that share the cell at
   * fault; the rest as they are. */
  for (guint i = 0; i < a.failures->len; i++)
    {
      Failure *rows = g_ptr_array_index (a.failures, i);

      if (rows->kind != CHECK_ROWS || rows->merged || rows->severity != CF_SEVERITY_ERROR)
        continue;
      for (guint j = 0; j < a.failures->len; j++)
        {
          Failure *cols = g_ptr_array_index (a.failures, j);
          int row, col;
          double error;

          if (cols->kind != CHECK_COLS || cols->merged || cols->severity != CF_SEVERITY_ERROR)
            continue;
          if (shared_cell (&a, rows, cols, &row, &col, &error))
            {
              report_shared (&a, rows, cols, row, col, error);
              rows->merged = cols->merged = TRUE;
              break;
            }
        }
    }
  for (guint i = 0; i < a.failures->len; i++)
    {
      Failure *f = g_ptr_array_index (a.failures, i);
      if (!f->merged)
        report_failure (&a, f);
    }

  g_ptr_array_unref (a.failures);
  g_free (a.row_level);
  g_free (a.col_level);
  return n_checks;
}
