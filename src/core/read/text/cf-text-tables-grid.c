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
  /* Labels then only blank slots (a row of zeros printed blank): a data row
   * when a data row follows it, else a section row such as a band. */
  guint    blank_slots;
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
            last_label = i;
          }
      if ((row->flags & (CF_RAW_ROW_EMPTIES_ARE_VALUES | CF_RAW_ROW_HEADER)) == CF_RAW_ROW_EMPTIES_ARE_VALUES &&
          last_label != G_MAXUINT)
        {
          plan->val_first = row->first + last_label + 1;
          plan->blank_slots = row->n_cells - last_label - 1;
          if ((row->flags & CF_RAW_ROW_BLANK_DATA) && plan->blank_slots > 0)
            {
              plan->data = TRUE;
              plan->val_n = plan->blank_slots;
            }
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
  else if (row->flags & CF_RAW_ROW_EMPTIES_ARE_VALUES)
    block_start = 0; /* a row of values only: its leading blanks are cells too */
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

/* A grid whose every row has the same number of slots, blanks kept (a pipe
 * or tab dump of an HTML table with its spans expanded): a slot's position
 * is its column. Returns that number, or 0. */
static guint
regular_width (CfGridBuilder *builder)
{
  guint width = 0;

  for (guint r = 0; r < builder->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (builder->rows, CfRawRow, r);

      if (!(row->flags & (CF_RAW_ROW_EMPTIES_ARE_VALUES | CF_RAW_ROW_SLOTS)) ||
          (width != 0 && row->n_cells != width))
        return 0;
      width = row->n_cells;
    }
  return width >= 2 && width <= CF_TEXT_MAX_COLUMNS ? width : 0;
}

/* The label columns of a regular grid: up to the last label printed before
 * a number in any row (headers, whose labels sit over the values, aside);
 * G_MAXUINT when the fields do not line up after all. */
static guint
regular_label_columns (CfGridBuilder *builder, guint width)
{
  guint label_cols = 0;

  for (guint r = 0; r < builder->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (builder->rows, CfRawRow, r);
      const CfRawCell *cells = &g_array_index (builder->cells, CfRawCell, row->first);
      guint last_label = 0;

      if (row->flags & CF_RAW_ROW_HEADER)
        continue;
      for (guint i = 0; i < width; i++)
        {
          if (cells[i].kind == CF_RAW_VALUE)
            {
              label_cols = MAX (label_cols, last_label);
              break;
            }
          if (cells[i].kind == CF_RAW_LABEL)
            last_label = i + 1;
        }
    }
  /* A number in another row's label column: the fields only line up by
   * count (tabs copied from a PDF), not by position. */
  for (guint r = 0; r < builder->rows->len; r++)
    {
      const CfRawRow *row = &g_array_index (builder->rows, CfRawRow, r);
      const CfRawCell *cells = &g_array_index (builder->cells, CfRawCell, row->first);

      for (guint i = 0; i < label_cols && !(row->flags & CF_RAW_ROW_HEADER); i++)
        if (cells[i].kind == CF_RAW_VALUE)
          return G_MAXUINT;
    }
  return label_cols;
}

/* A row of a regular grid: labels in the label columns, the value block
 * every slot after them (blanks included); a row with labels over the
 * value columns is a header. */
static void
plan_regular_row (CfGridBuilder *builder, const CfRawRow *row, guint label_cols, RowPlan *plan,
                  GArray *label_index)
{
  const CfRawCell *cells = &g_array_index (builder->cells, CfRawCell, row->first);
  gboolean has_value = FALSE;

  for (guint i = label_cols; i < row->n_cells; i++)
    {
      if (cells[i].kind == CF_RAW_LABEL || (row->flags & CF_RAW_ROW_HEADER))
        {
          plan_row (builder, row, plan, label_index);
          plan->blank_slots = 0;
          return;
        }
      has_value |= cells[i].kind == CF_RAW_VALUE;
    }
  memset (plan, 0, sizeof *plan);
  plan->lab_first = label_index->len;
  for (guint i = 0; i < label_cols; i++)
    if (cells[i].kind == CF_RAW_LABEL)
      {
        guint index = row->first + i;
        g_array_append_val (label_index, index);
        plan->lab_n++;
      }
  plan->val_first = row->first + label_cols;
  if (has_value)
    {
      plan->data = TRUE;
      plan->val_n = row->n_cells - label_cols;
    }
  else if (plan->lab_n > 0)
    plan->blank_slots = row->n_cells - label_cols;
}

/* In a regular grid, trailing slots that no row of a segment (data rows
 * between header rows) nor its header fills are the span of a merged cell
 * (本年增/减 over two slots), not blank cells. */
static void
trim_unused_columns (CfGridBuilder *builder, GArray *plans, guint label_cols)
{
  for (guint r = 0; r < plans->len;)
    {
      guint end = r, used = 0;

      if (!g_array_index (plans, RowPlan, r).data)
        {
          r++;
          continue;
        }
      while (end < plans->len && g_array_index (plans, RowPlan, end).data)
        end++;
      for (guint i = r > 0 ? r - 1 : r; i < end; i++)
        {
          const CfRawRow *row = &g_array_index (builder->rows, CfRawRow, i);
          const CfRawCell *cells = &g_array_index (builder->cells, CfRawCell, row->first);

          for (guint c = row->n_cells; c > used; c--)
            if (cells[c - 1].kind != CF_RAW_EMPTY)
              {
                used = c;
                break;
              }
        }
      for (guint i = r; i < end; i++)
        {
          RowPlan *plan = &g_array_index (plans, RowPlan, i);

          if (used > label_cols && plan->val_n > used - label_cols)
            plan->val_n = used - label_cols;
        }
      r = end;
    }
}

/* Rows of labels and blank slots as wide as the table are rows of blank
 * cells, unless a header row follows: a band or section label over its
 * header (第二十条第（六）项 over 信息内容…) stays a section row. A header
 * names its columns (two labels or more); a lone label below (the next
 * band, 第二十条第（六）项 after 行政许可 and its blank) is no header. */
static gboolean
is_under_header (GArray *plans, guint r)
{
  const RowPlan *plan = &g_array_index (plans, RowPlan, r);

  if (plan->blank_slots == 0)
    return FALSE;
  while (r-- > 0)
    {
      const RowPlan *above = &g_array_index (plans, RowPlan, r);

      /* Rows of its segment as wide as it is, numbers or blanks. */
      if ((above->data && above->val_n == plan->blank_slots) ||
          (!above->data && above->lab_n > 0 && above->blank_slots == plan->blank_slots))
        continue;
      return !above->data && above->blank_slots == 0 && above->lab_n == plan->blank_slots + 1;
    }
  return FALSE;
}

static void
promote_blank_rows (GArray *plans, guint width)
{
  gboolean header_follows = FALSE;

  for (guint r = plans->len; r-- > 0;)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);
      /* Under a header naming its columns (信息内容 + 本年处理决定数量 over
       * one slot), with only rows as wide as it says between, a row is as
       * wide as that header says. */
      gboolean under_header = is_under_header (plans, r);
      gboolean candidate = !plan->data && plan->blank_slots > 0
                           && (plan->blank_slots == width || under_header);

      if (candidate && !header_follows)
        {
          plan->data = TRUE;
          plan->val_n = plan->blank_slots;
        }
      header_follows = !plan->data && !candidate && plan->lab_n > 1;
    }
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
  guint blank_width_of[CF_TEXT_MAX_COLUMNS + 1] = { 0 };
  guint regular, label_cols, blank_width = 0;
  gint64 range_start = G_MAXINT64, range_end = -1;
  int grid_width;
  gboolean added = FALSE;

  if (n_rows == 0)
    return FALSE;
  if (over_limits (builder))
    goto out;
  plans = g_array_sized_new (FALSE, TRUE, sizeof (RowPlan), n_rows);
  g_array_set_size (plans, n_rows);

  regular = regular_width (builder);
  label_cols = regular > 0 ? regular_label_columns (builder, regular) : G_MAXUINT;
  for (guint r = 0; r < n_rows; r++)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);
      const CfRawRow *row = &g_array_index (builder->rows, CfRawRow, r);

      if (label_cols < regular)
        plan_regular_row (builder, row, label_cols, plan, label_index);
      else
        plan_row (builder, row, plan, label_index);
      if (plan->data)
        blank_width_of[MIN (plan->val_n, CF_TEXT_MAX_COLUMNS)]++;
    }
  /* The width blank rows must have: the commonest value count. */
  for (guint c = 1; c <= CF_TEXT_MAX_COLUMNS; c++)
    if (blank_width_of[c] > blank_width_of[blank_width])
      blank_width = c;
  promote_blank_rows (plans, blank_width);
  if (label_cols < regular)
    trim_unused_columns (builder, plans, label_cols);
  for (guint r = 0; r < n_rows; r++)
    {
      RowPlan *plan = &g_array_index (plans, RowPlan, r);

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
