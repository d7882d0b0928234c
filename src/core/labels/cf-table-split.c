/* cf-table-split.c: where a table's header rows and label columns end
 *
 * The grid and the totals check once guessed this each their own way, and
 * the grid could show a split the check did not assume (a header row of
 * years read as values). This is the one guess, with what both knew:
 * - A value is a number that is an amount: shares (%) and years ("2020年",
 *   "2021年预算数") are not; "(1,234.50)" is −1234.50, as accounts print it.
 * - Label columns are the leading columns where numbers are rare: none, or
 *   fewer than half as many as label cells (text, header cells, merged
 *   blanks). A stray number (a footnote, a page-cut label) does not move them.
 * - Header rows are the rows above the first one with a value in a value
 *   column, header cells left out, and above a section heading (an
 *   enumerated label over blank value cells: "一、收入"); then rows whose
 *   numbers are all years (2019年, 2020) above more data, unless their label
 *   is a total. Label columns are then counted again below the header: the
 *   header's words are not row labels.
 * - A table without any value: its first row is its header, its first
 *   column its labels.
 */
#include "config.h"

#include <string.h>

#include "cf-table-split.h"
#include "cf-normalize.h"
#include "cf-number.h"

static int
printed_decimals (const char *text)
{
  const char *point = strrchr (text, '.');
  int n = 0;

  if (point == NULL)
    return 0;
  for (const char *p = point + 1; g_ascii_isdigit (*p); p++)
    n++;
  return n;
}

CfAmount
cf_table_split_amount (CfTable *table, int row, int col)
{
  CfCell *cell = cf_table_get_cell (table, row, col);
  CfAmount v = { CF_AMOUNT_NONE, 0, 0 };

  if (cell == NULL)
    return v;
  /* A merged cell is read once, at its origin. */
  if (cell->row != row || cell->col != col)
    return v;
  if ((cell->flags & CF_CELL_FLAG_MISSING) || cell->number.kind == CF_NUMBER_BLANK)
    {
      v.kind = CF_AMOUNT_BLANK;
      return v;
    }
  /* Shares and years ("2020年", "2021年预算数" head columns) are not amounts. */
  if (cell->number.kind == CF_NUMBER_VALUE && strcmp (cell->number.unit, "%") != 0
      && !g_str_has_prefix (cell->number.unit, "年") && !g_str_has_prefix (cell->number.unit, "月"))
    {
      v.kind = CF_AMOUNT_NUMBER;
      v.value = cell->number.value;
      v.decimals = printed_decimals (cell->text);
      return v;
    }
  if (cell->number.kind == CF_NUMBER_TEXT && cell->text != NULL)
    {
      /* Accounts print negatives in brackets: (1,234.50) or （1,234.50）. */
      g_autofree char *half = cf_normalize_width (cell->text);
      gsize len;
      CfNumber inner;

      g_strstrip (half);
      len = strlen (half);
      if (len > 2 && half[0] == '(' && half[len - 1] == ')')
        {
          cf_number_parse (half + 1, (gssize) len - 2, &inner);
          if (inner.kind == CF_NUMBER_VALUE && inner.value >= 0)
            {
              v.kind = CF_AMOUNT_NUMBER;
              v.value = -inner.value;
              v.decimals = printed_decimals (half);
            }
        }
    }
  return v;
}

int
cf_label_total_level (const char *text)
{
  static const struct
  {
    const char *word;
    int         level;
  } words[] = {
    { "小计", 1 }, { "subtotal", 1 }, { "sub-total", 1 },
    { "合计", 2 }, { "共计", 2 }, { "总数", 2 }, { "总额", 2 }, { "total", 2 }, { "总量", 2 },
    { "总计", 3 }, { "grandtotal", 3 }, { "全部合计", 3 },
  };
  g_autofree char *label = NULL;
  g_autofree char *lower = NULL;
  char *bracket;
  int level = 0;
  gsize best_len = 0;

  if (text == NULL || *text == '\0')
    return 0;
  label = cf_normalize_label (text);
  /* A unit in brackets after the label: 合计(万元). */
  bracket = strchr (label, '(');
  if (bracket != NULL && bracket != label)
    *bracket = '\0';
  lower = g_utf8_strdown (label, -1);
  g_strdelimit (lower, " :", '\0');

  for (gsize k = 0; k < G_N_ELEMENTS (words); k++)
    {
      /* The label is the word, or ends with it ("支出合计", "一、收入小计"),
       * or starts with it ("合计:" was cut above). The longest word that
       * matches decides: "subtotal" is not "total". */
      if ((strcmp (lower, words[k].word) == 0 || g_str_has_suffix (lower, words[k].word)
           || (g_str_has_prefix (lower, words[k].word)
               && g_utf8_strlen (lower, -1) <= g_utf8_strlen (words[k].word, -1) + 2))
          && strlen (words[k].word) > best_len)
        {
          level = words[k].level;
          best_len = strlen (words[k].word);
        }
    }
  return level;
}

gboolean
cf_cell_is_label (const CfCell *cell)
{
  if (cell->flags & CF_CELL_FLAG_HEADER)
    return TRUE;
  if (cell->flags & CF_CELL_FLAG_MISSING)
    return FALSE;
  if ((cell->text == NULL || *cell->text == '\0') && (cell->row_span > 1 || cell->col_span > 1))
    return TRUE;
  return cell->number.kind == CF_NUMBER_TEXT;
}

/* A value in the row from @from_col on; a header cell (<th>) states none. */
static gboolean
row_has_value (CfTable *table, int row, int from_col)
{
  int n_cols = cf_table_get_n_cols (table);

  for (int c = from_col; c < n_cols; c++)
    {
      CfCell *cell = cf_table_get_cell (table, row, c);

      if (cell != NULL && !(cell->flags & CF_CELL_FLAG_HEADER)
          && cf_table_split_amount (table, row, c).kind == CF_AMOUNT_NUMBER)
        return TRUE;
    }
  return FALSE;
}

/* A row of years over the value columns ("2020年", "2021"), not a total's. */
static gboolean
row_is_years (CfTable *table, int row, int n_label_cols)
{
  int n_cols = cf_table_get_n_cols (table);
  int years = 0;

  for (int c = 0; c < n_label_cols && c < n_cols; c++)
    {
      CfCell *cell = cf_table_get_cell (table, row, c);

      if (cell != NULL && cell->text != NULL && *cell->text != '\0'
          && cf_label_total_level (cell->text) > 0)
        return FALSE;
    }
  for (int c = n_label_cols; c < n_cols; c++)
    {
      CfCell *cell = cf_table_get_origin_cell (table, row, c);
      CfAmount v = cf_table_split_amount (table, row, c);

      if (v.kind != CF_AMOUNT_NUMBER)
        continue;
      if (v.decimals > 0 || v.value < 1949 || v.value > 2199
          || (cell->number.unit[0] != '\0' && strcmp (cell->number.unit, "年") != 0))
        return FALSE;
      years++;
    }
  return years >= 2 || (row == 0 && years >= 1);
}

/* A section heading ("一、一般公共服务" over blank value cells): the body's
 * first row, though no value is printed in it yet. */
static gboolean
row_is_section (CfTable *table, int row, int n_label_cols)
{
  int n_cols = cf_table_get_n_cols (table);
  CfCell *label = cf_table_get_cell (table, row, 0);

  if (label == NULL || label->row != row || label->text == NULL
      || label->number.kind != CF_NUMBER_TEXT
      || cf_normalize_enumerator_depth (label->text) == 0)
    return FALSE;
  for (int c = MAX (n_label_cols, label->col_span); c < n_cols; c++)
    {
      CfCell *cell = cf_table_get_origin_cell (table, row, c);

      if (cell != NULL && cf_table_split_amount (table, row, c).kind != CF_AMOUNT_BLANK)
        return FALSE;
    }
  return TRUE;
}

/* The leading columns, counted from @from_row down, where numbers are rare. */
static int
count_label_cols (CfTable *table, int from_row)
{
  int n_rows = cf_table_get_n_rows (table);
  int n_cols = cf_table_get_n_cols (table);
  int n = 0;

  for (int c = 0; c < n_cols; c++)
    {
      int numbers = 0, labels = 0;

      for (int r = from_row; r < n_rows; r++)
        {
          CfCell *cell = cf_table_get_origin_cell (table, r, c);

          if (cf_table_split_amount (table, r, c).kind == CF_AMOUNT_NUMBER)
            numbers++;
          else if (cell != NULL && cf_cell_is_label (cell))
            labels++;
        }
      if (numbers > 0 && numbers * 2 >= labels)
        break;
      n = c + 1;
    }
  return n;
}

void
cf_table_split (CfTable *table, CfTableSplit *split)
{
  int n_rows, n_cols;
  int first_data = -1;

  g_return_if_fail (CF_IS_TABLE (table));
  g_return_if_fail (split != NULL);

  n_rows = cf_table_get_n_rows (table);
  n_cols = cf_table_get_n_cols (table);
  split->n_label_cols = count_label_cols (table, 0);
  /* Nothing but text: the first column names the rows, the rest are read
   * as (empty) values, so that a column still has a header to name it. */
  if (split->n_label_cols == n_cols && n_cols > 1)
    split->n_label_cols = 1;

  for (int r = 0; r < n_rows && first_data < 0; r++)
    if (row_has_value (table, r, split->n_label_cols))
      first_data = r;
  /* No value at all: only the first row heads it. */
  split->n_header_rows = first_data < 0 ? MIN (n_rows, 1) : first_data;
  for (int r = 1; r < split->n_header_rows; r++)
    if (row_is_section (table, r, split->n_label_cols))
      split->n_header_rows = r;
  /* A header row of years reads as numbers: rows before more data whose
   * numbers are all years and whose label is not a total. */
  while (first_data >= 0 && split->n_header_rows + 1 < n_rows
         && row_is_years (table, split->n_header_rows, split->n_label_cols))
    split->n_header_rows++;
  /* Counted below the header, a column may turn out to hold values: the
   * header's words over a short body (one row of counts under three rows of
   * headings) are not row labels. */
  if (first_data >= 0 && split->n_header_rows > 0)
    split->n_label_cols = MIN (split->n_label_cols,
                               count_label_cols (table, split->n_header_rows));
}
