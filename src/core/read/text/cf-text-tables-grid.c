/* cf-text-tables-grid.c: laying out rows read from plain text as a table
 *
 * Whatever the layout, a row is a few label cells followed by a block of
 * value cells. Positions in plain text are rarely trustworthy (a PDF copied
 * as tab-separated text shifts cells freely), so the grid is rebuilt from
 * that split: labels fill from the left, value blocks are right-aligned so
 * the last value column is one grid column for every data row. A row with
 * fewer values than its table keeps its values and gets MISSING slots; when
 * nothing says which column it lost, its values are flagged UNCERTAIN and the
 * document gets a note. Everything here is linear in the number of cells.
 */
#include <string.h>

#include "cf-text-tables-private.h"
#include "cf-table.h"

/* ---- text helpers ------------------------------------------------------ */

/* Length of the blank character at @p (ASCII blanks, NBSP, U+3000), or 0. */
static gsize
blank_len_at (const char *p, gsize avail)
{
  guchar c = (guchar) p[0];

  if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n')
    return 1;
  if (avail >= 2 && c == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if (avail >= 3 && c == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
    return 3;
  return 0;
}

void
cf_text_trim (const char *text, gsize *start, gsize *end)
{
  gsize s = *start, e = *end;

  while (s < e)
    {
      gsize n = blank_len_at (text + s, e - s);
      if (n == 0)
        break;
      s += n;
    }
  while (e > s)
    {
      guchar c = (guchar) text[e - 1];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n')
        e--;
      else if (e - s >= 2 && c == 0xA0 && (guchar) text[e - 2] == 0xC2)
        e -= 2;
      else if (e - s >= 3 && c == 0x80 && (guchar) text[e - 2] == 0x80 && (guchar) text[e - 3] == 0xE3)
        e -= 3;
      else
        break;
    }
  *start = s;
  *end = e;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return (c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
          c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 ||
          c == 0x767E || c == 0x96F6 || c == 0x3007);
}

/* Placeholders the forms read as blank: they sit in value slots. */
static const char * const placeholders[] = {
  "/", "／", "-", "--", "－", "—", "——", "―", "无", "無", "不适用", "不適用", "\\",
};

CfRawKind
cf_text_classify_cell (const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  guint n_digits = 0, n_suffix = 0;

  if (len == 0)
    return CF_RAW_EMPTY;
  for (gsize i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strlen (placeholders[i]) == len && memcmp (placeholders[i], text, len) == 0)
      return CF_RAW_VALUE;

  if (*p == '+' || *p == '-')
    p++;
  else if (len >= 3 && (memcmp (p, "−", 3) == 0 || memcmp (p, "－", 3) == 0))
    p += 3;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return CF_RAW_LABEL;
      next = g_utf8_next_char (p);
      if (is_digit_char (c))
        n_digits++;
      else if ((c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E) && n_digits > 0 && next < end &&
               is_digit_char (g_utf8_get_char_validated (next, end - next)))
        ;
      else
        break;
      p = next;
    }
  if (n_digits == 0)
    return CF_RAW_LABEL;
  while (p < end && *p == ' ')
    p++;

  /* A short trailing unit (项, 万元, %, 余人) keeps it a value; anything
   * else (".属于国家秘密", "年", "-2216049") makes it a label. */
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return CF_RAW_LABEL;
      if (n_suffix == 0 && (c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7 || c == 0x865F))
        return CF_RAW_LABEL; /* 年 月 日 号 號: dates and numbers-as-names */
      if (!((c >= 0x4E00 && c <= 0x9FFF) || c == '%' || c == 0xFF05 || c == 0x2030))
        return CF_RAW_LABEL;
      if (++n_suffix > 4)
        return CF_RAW_LABEL;
      p = g_utf8_next_char (p);
    }
  return CF_RAW_VALUE;
}

int
cf_text_enumerator_level (const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  gunichar c;
  gboolean paren = FALSE;
  guint n = 0;

  if (len == 0)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == '(' || c == 0xFF08)
    {
      paren = TRUE;
      p = g_utf8_next_char (p);
    }
  if (p >= end)
    return 0;

  c = g_utf8_get_char_validated (p, end - p);
  if (is_chinese_numeral (c))
    {
      while (p < end && is_chinese_numeral (g_utf8_get_char_validated (p, end - p)))
        {
          p = g_utf8_next_char (p);
          n++;
        }
      if (p >= end)
        return 0;
      c = g_utf8_get_char_validated (p, end - p);
      if (paren)
        return (c == ')' || c == 0xFF09) ? 2 : 0;
      return c == 0x3001 ? 1 : 0; /* 、 */
    }
  if (is_digit_char (c))
    {
      while (p < end && is_digit_char (g_utf8_get_char_validated (p, end - p)))
        p = g_utf8_next_char (p);
      if (p >= end)
        return 0;
      c = g_utf8_get_char_validated (p, end - p);
      if (paren)
        return (c == ')' || c == 0xFF09) ? 3 : 0;
      return (c == '.' || c == 0xFF0E || c == 0x3001) ? 3 : 0;
    }
  return 0;
}

/* ---- builder ------------------------------------------------------------ */

void
cf_grid_builder_init (CfGridBuilder *builder, const char *text, gsize text_len, CfReading *out,
                      const char *layout)
{
  builder->out = out;
  builder->text = text;
  builder->text_len = text_len;
  builder->layout = layout;
  builder->cells = g_array_new (FALSE, FALSE, sizeof (CfRawCell));
  builder->rows = g_array_new (FALSE, FALSE, sizeof (CfRawRow));
  builder->joined = g_ptr_array_new_with_free_func (g_free);
  builder->n_tables_added = 0;
  builder->n_cells_added = 0;
  builder->limit_noted = FALSE;
}

/* TRUE (with a note the first time) when the rows collected would take the
 * document past CF_TEXT_MAX_TABLES or CF_TEXT_MAX_CELLS. */
static gboolean
over_limits (CfGridBuilder *builder)
{
  g_autofree char *message = NULL;

  if (builder->n_tables_added < CF_TEXT_MAX_TABLES &&
      builder->n_cells_added + builder->cells->len <= CF_TEXT_MAX_CELLS)
    return FALSE;
  if (!builder->limit_noted)
    {
      message = g_strdup_printf ("文本中的表格过多：只读取了前%u个表格（%" G_GSIZE_FORMAT "个单元格），其余未读取",
                                 builder->n_tables_added, builder->n_cells_added);
      cf_reading_take_note (builder->out,
                             cf_finding_new (CF_SEVERITY_WARNING, "extract.too_large", NULL, message));
    }
  builder->limit_noted = TRUE;
  return TRUE;
}

void
cf_grid_builder_clear (CfGridBuilder *builder)
{
  g_clear_pointer (&builder->cells, g_array_unref);
  g_clear_pointer (&builder->rows, g_array_unref);
  g_clear_pointer (&builder->joined, g_ptr_array_unref);
}

void
cf_grid_builder_reset (CfGridBuilder *builder)
{
  g_array_set_size (builder->cells, 0);
  g_array_set_size (builder->rows, 0);
  g_ptr_array_set_size (builder->joined, 0);
}

void
cf_grid_builder_begin_row (CfGridBuilder *builder, CfRawRowFlags flags)
{
  CfRawRow row = { builder->cells->len, 0, flags };

  g_array_append_val (builder->rows, row);
}

CfRawCell *
cf_grid_builder_add_cell (CfGridBuilder *builder, gsize start, gsize end)
{
  CfRawCell cell = { -1, 0, CF_RAW_EMPTY, -1, -1 };
  CfRawRow *row;

  g_return_val_if_fail (builder->rows->len > 0, NULL);
  cf_text_trim (builder->text, &start, &end);
  if (end > start)
    {
      cell.offset = (gint64) start;
      cell.length = (gint64) (end - start);
      cell.kind = cf_text_classify_cell (builder->text + start, end - start);
    }
  g_array_append_val (builder->cells, cell);
  row = &g_array_index (builder->rows, CfRawRow, builder->rows->len - 1);
  row->n_cells++;
  return &g_array_index (builder->cells, CfRawCell, builder->cells->len - 1);
}

static char *
dup_text (CfGridBuilder *builder, const CfRawCell *cell)
{
  if (cell->joined >= 0)
    return g_strdup (g_ptr_array_index (builder->joined, cell->joined));
  if (cell->offset < 0)
    return g_strdup ("");
  return g_strndup (builder->text + cell->offset, (gsize) cell->length);
}

static gboolean
is_ascii_word_char (char c)
{
  return g_ascii_isalnum (c);
}

void
cf_grid_builder_join_label (CfGridBuilder *builder, guint cell_index, gsize start, gsize end)
{
  CfRawCell *cell;
  g_autofree char *head = NULL;
  char *joined;

  g_return_if_fail (cell_index < builder->cells->len);
  cf_text_trim (builder->text, &start, &end);
  if (start >= end)
    return;
  cell = &g_array_index (builder->cells, CfRawCell, cell_index);
  if (cell->offset < 0)
    return;
  head = dup_text (builder, cell);
  /* Chinese wraps anywhere and joins without a space; Latin words keep one. */
  if (head[0] != '\0' && is_ascii_word_char (head[strlen (head) - 1]) &&
      is_ascii_word_char (builder->text[start]))
    joined = g_strdup_printf ("%s %.*s", head, (int) (end - start), builder->text + start);
  else
    joined = g_strdup_printf ("%s%.*s", head, (int) (end - start), builder->text + start);
  if (cell->joined >= 0)
    {
      g_free (builder->joined->pdata[cell->joined]);
      builder->joined->pdata[cell->joined] = joined;
    }
  else
    {
      cell->joined = (int) builder->joined->len;
      g_ptr_array_add (builder->joined, joined);
    }
}

gboolean
cf_grid_builder_add_table (CfGridBuilder *builder, CfTable *table)
{
  g_return_val_if_fail (CF_IS_TABLE (table), FALSE);

  if (builder->n_tables_added >= CF_TEXT_MAX_TABLES ||
      builder->n_cells_added + cf_table_get_n_cells (table) > CF_TEXT_MAX_CELLS)
    {
      if (!builder->limit_noted)
        {
          g_autofree char *message = g_strdup_printf ("文本中的表格过多：只读取了前%u个表格（%" G_GSIZE_FORMAT "个单元格），其余未读取",
                                                      builder->n_tables_added, builder->n_cells_added);

          cf_reading_take_note (builder->out,
                                 cf_finding_new (CF_SEVERITY_WARNING, "extract.too_large", NULL, message));
        }
      builder->limit_noted = TRUE;
      return FALSE;
    }
  builder->n_tables_added++;
  builder->n_cells_added += cf_table_get_n_cells (table);
  cf_reading_add_table (builder->out, table);
  return TRUE;
}

/* How one raw row is laid out. */
typedef struct
{
  gboolean data;       /* has a value block */
  guint    lab_first;  /* into the plan's label index list */
  guint    lab_n;
  guint    val_first;  /* into the builder's cells: the value block is contiguous */
  guint    val_n;
  guint    width;      /* value slots its segment has */
  int      grid_row;
} RowPlan;

static void
plan_row (CfGridBuilder *builder, const CfRawRow *row, RowPlan *plan, GArray *label_index)
{
  const CfRawCell *cells;
  guint first_value = G_MAXUINT, last_label = G_MAXUINT, block_start, block_end;

  memset (plan, 0, sizeof *plan);
  plan->lab_first = label_index->len;
  if (row->n_cells == 0)
    return;
  cells = &g_array_index (builder->cells, CfRawCell, row->first);

  if (!(row->flags & CF_RAW_ROW_HEADER))
    for (guint i = 0; i < row->n_cells; i++)
      if (cells[i].kind == CF_RAW_VALUE)
        {
          first_value = i;
          break;
        }

  if (first_value == G_MAXUINT)
    {
      /* A header or section row: its printed cells, blanks dropped. */
      for (guint i = 0; i < row->n_cells; i++)
        if (cells[i].kind != CF_RAW_EMPTY)
          {
            guint index = row->first + i;
            g_array_append_val (label_index, index);
            plan->lab_n++;
          }
      return;
    }

  for (guint i = 0; i < first_value; i++)
    if (cells[i].kind == CF_RAW_LABEL)
      {
        guint index = row->first + i;
        g_array_append_val (label_index, index);
        plan->lab_n++;
        last_label = i;
      }

  /* Pipe and Markdown rows keep blank value slots between the labels and the
   * first number; tab and aligned rows put noise there. */
  if ((row->flags & CF_RAW_ROW_EMPTIES_ARE_VALUES) && last_label != G_MAXUINT)
    block_start = last_label + 1;
  else
    block_start = first_value;
  block_end = row->n_cells;
  if (!(row->flags & CF_RAW_ROW_EMPTIES_ARE_VALUES))
    while (block_end > block_start && cells[block_end - 1].kind == CF_RAW_EMPTY)
      block_end--;

  plan->data = TRUE;
  plan->val_first = row->first + block_start;
  plan->val_n = block_end - block_start;
}


static CfCell *
place_cell (CfGridBuilder *builder, CfTable *table, const CfRawCell *raw, int row, int col,
            int col_span, CfCellFlags flags)
{
  g_autofree char *text = dup_text (builder, raw);
  CfCell *cell = cf_table_add_cell (table, row, col, 1, col_span, text, raw->offset,
                                    raw->offset >= 0 ? raw->length : 0);

  cell->flags |= flags;
  return cell;
}

/* The row's labels joined by spaces, for messages. */
static char *
row_label_text (CfGridBuilder *builder, const RowPlan *plan, GArray *label_index)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < plan->lab_n; i++)
    {
      guint index = g_array_index (label_index, guint, plan->lab_first + i);
      const CfRawCell *cell = &g_array_index (builder->cells, CfRawCell, index);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_autofree char *text = dup_text (builder, cell);

      g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

gboolean
cf_grid_builder_commit (CfGridBuilder *builder, const char *title)
{
  g_autoptr (GArray) plans = NULL;
  g_autoptr (GArray) label_index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (CfTable) table = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new ();
  guint n_rows = builder->rows->len;
  guint n_data = 0, n_numbers = 0, max_vals = 0, max_labels = 0, table_width = 0;
  guint count_of[CF_TEXT_MAX_COLUMNS + 1] = { 0 };
  gint64 range_start = G_MAXINT64, range_end = -1;
  int grid_width;
  gboolean added = FALSE;

  if (n_rows == 0)
    return FALSE;
  if (over_limits (builder))
    goto out;
  plans = g_array_sized_new (FALSE, TRUE, sizeof (RowPlan), n_rows);
  g_array_set_size (plans, n_rows);

  for (guint r = 0; r < n_rows; r++)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);

      plan_row (builder, &g_array_index (builder->rows, CfRawRow, r), plan, label_index);
      if (!plan->data)
        continue;
      if (plan->val_n > CF_TEXT_MAX_COLUMNS || plan->lab_n > 16)
        goto out;
      n_data++;
      count_of[plan->val_n]++;
      max_vals = MAX (max_vals, plan->val_n);
      max_labels = MAX (max_labels, plan->lab_n);
    }
  for (guint i = 0; i < builder->cells->len; i++)
    {
      const CfRawCell *cell = &g_array_index (builder->cells, CfRawCell, i);

      if (cell->kind == CF_RAW_VALUE)
        n_numbers++;
      if (cell->offset >= 0)
        {
          range_start = MIN (range_start, cell->offset);
          range_end = MAX (range_end, cell->offset + cell->length);
        }
    }

  /* Prose never gets this far: a table has rows, numbers and a value column. */
  if (n_data == 0 || n_numbers < 2 || n_rows < 2 || max_vals == 0)
    goto out;

  /* The table's width: the widest value count printed by two rows or more
   * (one row that absorbed a stray cell does not widen it), else the widest. */
  for (guint c = max_vals; c > 0; c--)
    if (count_of[c] >= 2)
      {
        table_width = c;
        break;
      }
  if (table_width == 0)
    table_width = max_vals;

  /* Segments: runs of data rows between header rows. A segment whose header
   * names exactly its columns (信息内容 + 2 column names over 2 values) is
   * legitimately narrower; any other short row lost cells. */
  for (guint r = 0; r < n_rows;)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);
      guint end = r, seg_max = 0, width;
      const RowPlan *header = NULL;

      if (!plan->data)
        {
          r++;
          continue;
        }
      if (r > 0)
        header = &g_array_index (plans, RowPlan, r - 1);
      while (end < n_rows && g_array_index (plans, RowPlan, end).data)
        {
          seg_max = MAX (seg_max, g_array_index (plans, RowPlan, end).val_n);
          end++;
        }
      if (seg_max > table_width || (header != NULL && seg_max < table_width && header->lab_n == seg_max + 1))
        width = seg_max;
      else
        width = table_width;
      for (guint i = r; i < end; i++)
        g_array_index (plans, RowPlan, i).width = width;
      r = end;
    }

  table = cf_table_new ();
  grid_width = (int) (max_labels + max_vals);

  for (guint r = 0; r < n_rows; r++)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);
      const guint *labels = plan->lab_n > 0 ? &g_array_index (label_index, guint, plan->lab_first) : NULL;
      int value_col;

      plan->grid_row = (int) r;
      if (!plan->data)
        {
          const RowPlan *next = r + 1 < n_rows ? &g_array_index (plans, RowPlan, r + 1) : NULL;
          int corner_span = (int) (max_labels + max_vals) - (next ? (int) next->width : 0);

          if (plan->lab_n == 0)
            continue;
          if (next != NULL && next->data && plan->lab_n == next->width + 1 && corner_span >= 1)
            {
              /* A column header row over the segment below: corner cell over
               * the label columns, names over their value columns. */
              place_cell (builder, table, &g_array_index (builder->cells, CfRawCell, labels[0]),
                          (int) r, 0, corner_span, CF_CELL_FLAG_HEADER);
              for (guint i = 1; i < plan->lab_n; i++)
                place_cell (builder, table, &g_array_index (builder->cells, CfRawCell, labels[i]),
                            (int) r, corner_span + (int) i - 1, 1, CF_CELL_FLAG_HEADER);
            }
          else if (plan->lab_n == 1)
            place_cell (builder, table, &g_array_index (builder->cells, CfRawCell, labels[0]),
                        (int) r, 0, MAX (grid_width, 1), CF_CELL_FLAG_HEADER);
          else
            for (guint i = 0; i < plan->lab_n; i++)
              place_cell (builder, table, &g_array_index (builder->cells, CfRawCell, labels[i]),
                          (int) r, (int) i, 1, CF_CELL_FLAG_HEADER);
          continue;
        }

      value_col = (int) (max_labels + max_vals - plan->width);
      for (guint i = 0; i < plan->lab_n; i++)
        {
          /* The last label reaches the value block, as a merged cell would. */
          int span = (i + 1 == plan->lab_n) ? value_col - (int) i : 1;

          place_cell (builder, table, &g_array_index (builder->cells, CfRawCell, labels[i]),
                      (int) r, (int) i, span, CF_CELL_FLAG_NONE);
        }

      if (plan->val_n >= plan->width)
        {
          for (guint i = 0; i < plan->val_n; i++)
            place_cell (builder, table, &g_array_index (builder->cells, CfRawCell, plan->val_first + i),
                        (int) r, value_col + (int) (plan->width - plan->val_n + i), 1, CF_CELL_FLAG_NONE);
        }
      else
        {
          const CfRawCell *vals = &g_array_index (builder->cells, CfRawCell, plan->val_first);
          gboolean hinted = plan->width == max_vals;
          g_autofree gboolean *taken = g_new0 (gboolean, plan->width);
          CfFinding *note;
          g_autofree char *label = NULL;
          g_autofree char *message = NULL;
          g_autofree char *lost = NULL;
          guint n_missing = plan->width - plan->val_n;

          /* Positions (aligned layout) say where each value belongs. */
          for (guint i = 0; hinted && i < plan->val_n; i++)
            {
              if (vals[i].hint < 0 || vals[i].hint >= (int) plan->width || taken[vals[i].hint] ||
                  (i > 0 && vals[i].hint <= vals[i - 1].hint))
                hinted = FALSE;
              else
                taken[vals[i].hint] = TRUE;
            }
          if (!hinted)
            memset (taken, 0, sizeof (gboolean) * plan->width);

          for (guint i = 0; i < plan->val_n; i++)
            {
              guint slot = hinted ? (guint) vals[i].hint : i;

              taken[slot] = TRUE;
              place_cell (builder, table, &vals[i], (int) r, value_col + (int) slot, 1,
                          hinted ? CF_CELL_FLAG_NONE : CF_CELL_FLAG_UNCERTAIN);
            }

          label = row_label_text (builder, plan, label_index);
          lost = n_missing == 1 ? g_strdup ("一个单元格") : g_strdup_printf ("%u个单元格", n_missing);
          if (label[0] != '\0')
            message = g_strdup_printf ("第%u行“%s”缺少%s：该行只有%u个数值，表格有%u列%s",
                                       r + 1, label, lost, plan->val_n, plan->width,
                                       hinted ? "" : "，无法确定缺少的是哪一列，数值按顺序靠左放置");
          else
            message = g_strdup_printf ("第%u行缺少%s：该行只有%u个数值，表格有%u列%s",
                                       r + 1, lost, plan->val_n, plan->width,
                                       hinted ? "" : "，无法确定缺少的是哪一列，数值按顺序靠左放置");
          note = cf_finding_new (CF_SEVERITY_WARNING, "extract.missing_cell", NULL, message);
          for (guint slot = 0; slot < plan->width; slot++)
            if (!taken[slot])
              {
                CfCell *cell = cf_table_add_cell (table, (int) r, value_col + (int) slot, 1, 1, "", -1, 0);

                cell->flags |= CF_CELL_FLAG_MISSING;
                cf_finding_add_cell (note, NULL, (int) r, value_col + (int) slot, NULL, NULL);
              }
          g_ptr_array_add (notes, note);
        }
    }

  if (title != NULL && title[0] != '\0')
    cf_table_set_title (table, title);
  cf_table_set_layout (table, builder->layout);
  if (range_end >= 0)
    cf_table_set_range (table, range_start, range_end - range_start);
  cf_table_finish (table);
  builder->n_tables_added++;
  builder->n_cells_added += cf_table_get_n_cells (table);
  cf_reading_add_table (builder->out, table);

  /* Notes name the table by the id it was just given. */
  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *note = g_ptr_array_index (notes, i);
      const char *id = cf_table_get_id (table);

      note->table = g_strdup (id);
      for (guint c = 0; c < note->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (note->cells, CfCellRef, c);
          g_free (ref->table);
          ref->table = g_strdup (id);
        }
      cf_reading_take_note (builder->out, note);
    }
  g_ptr_array_set_size (notes, 0);
  added = TRUE;

out:
  for (guint i = 0; i < notes->len; i++)
    cf_finding_free (g_ptr_array_index (notes, i));
  cf_grid_builder_reset (builder);
  return added;
}
