/* test-text-tables.c: finding tables in plain-text reports
 *
 * The expected grids were read off the corpus reports by eye. A value list
 * is space-separated: "_" is a blank cell the source printed, "?" a MISSING
 * slot, "~N" a value N whose column is a guess (UNCERTAIN).
 */
#include <string.h>

#include "cf-test-util.h"
#include "cf-loader.h"
#include "cf-text-tables.h"

typedef struct
{
  const char *key;    /* a unique part of the row's label */
  const char *values;
} ExpectedRow;

static CfDocument *
document_from_string (const char *text)
{
  CfDocument *doc = cf_document_new ("sample.txt", CF_DOCUMENT_KIND_TEXT);
  g_autoptr (CfReading) reading = cf_reading_new ();

  cf_reading_take_text (reading, g_strdup (text), strlen (text));
  cf_text_tables_find (reading);
  cf_loader_take_reading (doc, reading);
  return doc;
}

static CfTable *
table_titled (CfDocument *doc, const char *title_part)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *found = NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (tables, i);
      const char *title = cf_table_get_title (table);

      if (title != NULL && strstr (title, title_part) != NULL)
        {
          g_assert_null (found);
          found = table;
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* The one row with a non-header cell containing @key. */
static int
row_with_label (CfTable *table, const char *key)
{
  int found = -1;

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (table, i);

      if ((cell->flags & CF_CELL_FLAG_HEADER) || strstr (cell->text, key) == NULL)
        continue;
      if (found != -1 && found != cell->row)
        g_error ("label %s is in rows %d and %d", key, found, cell->row);
      found = cell->row;
    }
  if (found < 0)
    g_error ("no row labelled %s in %s", key, cf_table_get_id (table));
  return found;
}

/* Checks row @row's value block, which ends at grid column @last_col: every
 * value in its column, a label (or nothing) covering the columns before it,
 * nothing after it. */
static void
check_values (CfDocument *doc, CfTable *table, int row, int last_col, const char *values)
{
  g_auto (GStrv) tokens = g_strsplit (values, " ", -1);
  int n = (int) g_strv_length (tokens);
  int first_col = last_col - n + 1;
  gsize text_len;
  const char *text = cf_document_get_text (doc, &text_len);

  g_assert_null (cf_table_get_cell (table, row, last_col + 1));
  for (int i = 0; i < n; i++)
    {
      CfCell *cell = cf_table_get_origin_cell (table, row, first_col + i);
      const char *want = tokens[i];

      if (cell == NULL)
        g_error ("%s row %d: no cell in column %d (want %s)", cf_table_get_id (table), row,
                 first_col + i, want);
      g_assert_cmpint (cell->col_span, ==, 1);
      g_assert_false (cell->flags & CF_CELL_FLAG_HEADER);
      if (strcmp (want, "?") == 0)
        {
          g_assert_true (cell->flags & CF_CELL_FLAG_MISSING);
          g_assert_cmpstr (cell->text, ==, "");
          g_assert_cmpint (cell->offset, ==, -1);
          continue;
        }
      g_assert_false (cell->flags & CF_CELL_FLAG_MISSING);
      if (strcmp (want, "_") == 0)
        {
          g_assert_cmpstr (cell->text, ==, "");
          g_assert_cmpint (cell->offset, ==, -1);
          continue;
        }
      if (want[0] == '~')
        {
          g_assert_true (cell->flags & CF_CELL_FLAG_UNCERTAIN);
          want++;
        }
      else
        g_assert_false (cell->flags & CF_CELL_FLAG_UNCERTAIN);
      g_assert_cmpstr (cell->text, ==, want);
      g_assert_cmpint (cell->offset, >=, 0);
      g_assert_cmpint (cell->offset + cell->length, <=, (gint64) text_len);
      g_assert_true (strncmp (text + cell->offset, want, (gsize) cell->length) == 0);
    }
  /* The label reaches the value block: no hole between them. */
  if (first_col > 0)
    {
      CfCell *label = cf_table_get_cell (table, row, first_col - 1);

      g_assert_nonnull (label);
      g_assert_false (label->flags & CF_CELL_FLAG_MISSING);
    }
}

static void
check_rows (CfDocument *doc, CfTable *table, int last_col, const ExpectedRow *rows, gsize n_rows)
{
  for (gsize i = 0; i < n_rows; i++)
    check_values (doc, table, row_with_label (table, rows[i].key), last_col, rows[i].values);
}

/* Every cell's text is where its offset says; blanks have none. */
static void
check_offsets (CfDocument *doc)
{
  GPtrArray *tables = cf_document_get_tables (doc);
  gsize text_len;
  const char *text = cf_document_get_text (doc, &text_len);

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      gint64 range_offset, range_length;

      cf_table_get_range (table, &range_offset, &range_length);
      g_assert_cmpint (range_offset, >=, 0);
      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);

          if (cell->text[0] == '\0')
            {
              g_assert_cmpint (cell->offset, ==, -1);
              continue;
            }
          g_assert_cmpint (cell->offset, >=, range_offset);
          g_assert_cmpint (cell->offset + cell->length, <=, range_offset + range_length);
          g_assert_cmpint (cell->offset + cell->length, <=, (gint64) text_len);
          g_assert_cmpint ((gint64) strlen (cell->text), ==, cell->length);
          g_assert_true (memcmp (text + cell->offset, cell->text, (gsize) cell->length) == 0);
        }
    }
}

static CfDocument *
load_text (const char *name)
{
  CfDocument *doc = cf_test_load_corpus ("text", name);

  g_assert_cmpint (cf_document_get_kind (doc), ==, CF_DOCUMENT_KIND_TEXT);
  return doc;
}

#define ZEROS7 "0 0 0 0 0 0 0"
#define ZEROS15 "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
#define MISSING_LAST "~0 ~0 ~0 ~0 ~0 ~0 ?"
#define BLANK_THEN_ZERO "_ _ _ _ _ _ 0"

static void
test_zibo_lines (void)
{
  g_autoptr (CfDocument) doc = load_text ("zibo-gaoxin-psb-2022.txt");
  CfTable *proactive, *requests, *appeals;
  CfCell *section;
  static const ExpectedRow proactive_rows[] = {
    { "规章", "0 0 0" },
    { "行政规范性文件", "1 0 2" },
    { "行政许可", "12258" },
    { "行政处罚", "297" },
    { "行政强制", "136" },
    { "行政事业性收费", "57.8374" },
  };
  static const ExpectedRow request_rows[] = {
    { "本年新收", "4 0 0 0 0 0 4" },
    { "上年结转", ZEROS7 },
    { "予以公开", "2 0 0 0 0 0 2" },
    { "部分公开", ZEROS7 },
    { "属于国家秘密", ZEROS7 },
    { "其他法律行政法规禁止公开", ZEROS7 },
    { "三安全一稳定", ZEROS7 },
    { "保护第三方合法权益", ZEROS7 },
    { "属于三类内部事务信息", ZEROS7 },
    { "属于四类过程性信息", ZEROS7 },
    { "属于行政执法案卷", "1 0 0 0 0 0 1" },
    { "属于行政查询事项", "1 0 0 0 0 0 1" },
    { "本机关不掌握相关政府信息", ZEROS7 },
    { "没有现成信息需要另行制作", ZEROS7 },
    { "补正后申请内容仍不明确", ZEROS7 },
    { "信访举报投诉类申请", ZEROS7 },
    { "重复申请", ZEROS7 },
    { "要求提供公开出版物", ZEROS7 },
    { "无正当理由大量反复申请", ZEROS7 },
    { "要求行政机关确认或重新出具已获取信息", ZEROS7 },
    { "逾期不补正", ZEROS7 },
    { "逾期未按收费通知要求缴纳费用", ZEROS7 },
    { "3.其他", ZEROS7 },
    { "总计", "4 0 0 0 0 0 4" },
    { "结转下年度继续办理", ZEROS7 },
  };

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 3);
  proactive = table_titled (doc, "主动公开政府信息情况");
  requests = table_titled (doc, "收到和处理政府信息公开申请情况");
  appeals = table_titled (doc, "行政复议、行政诉讼情况");
  g_assert_cmpstr (cf_table_get_layout (requests), ==, "lines");

  /* 二 is one table; its 第二十条 lines are section rows spanning it. */
  check_rows (doc, proactive, 3, proactive_rows, G_N_ELEMENTS (proactive_rows));
  section = cf_table_get_origin_cell (proactive, 0, 0);
  g_assert_nonnull (section);
  g_assert_true (g_str_has_prefix (section->text, "第二十条第"));
  g_assert_cmpint (section->col_span, ==, 4);
  g_assert_cmpint (row_with_label (proactive, "行政许可"), >, row_with_label (proactive, "规章"));

  check_rows (doc, requests, 8, request_rows, G_N_ELEMENTS (request_rows));
  /* Parent labels stay in their row: 三（三） over 1.属于国家秘密. */
  g_assert_cmpint (row_with_label (requests, "不予公开"), ==, row_with_label (requests, "属于国家秘密"));
  g_assert_cmpint (row_with_label (requests, "本年度办理结果"), ==, row_with_label (requests, "予以公开"));

  check_values (doc, appeals, cf_table_get_n_rows (appeals) - 1, 14, ZEROS15);
  g_assert_cmpuint (cf_document_get_notes (doc)->len, ==, 0);
  check_offsets (doc);
}

static void
test_shizuishan_tabs (void)
{
  g_autoptr (CfDocument) doc = load_text ("shizuishan-psb-2020.txt");
  CfTable *proactive, *requests, *appeals;
  GPtrArray *notes;
  CfCell *purchase;
  static const ExpectedRow proactive_rows[] = {
    { "规章", "0 0 0" },
    { "规范性文件", "1 1 12" },
    { "行政许可", "24 0 22" },
    { "其他对外管理服务事项", "40 8 16" },
    { "行政处罚", "247 43 750" },
    { "行政强制", "24 0 620" },
    { "行政事业性收费", "2 0" },
  };
  /* The 三（一）to 三（五）2 rows printed six values for seven columns. */
  static const ExpectedRow request_rows[] = {
    { "本年新收", ZEROS7 },
    { "上年结转", ZEROS7 },
    { "予以公开", MISSING_LAST },
    { "部分公开", MISSING_LAST },
    { "属于国家秘密", MISSING_LAST },
    { "其他法律行政法规禁止公开", MISSING_LAST },
    { "三安全一稳定", MISSING_LAST },
    { "保护第三方合法权益", MISSING_LAST },
    { "属于三类内部事务信息", MISSING_LAST },
    { "属于四类过程性信息", MISSING_LAST },
    { "属于行政执法案卷", MISSING_LAST },
    { "属于行政查询事项", MISSING_LAST },
    { "本机关不掌握相关政府信息", MISSING_LAST },
    { "没有现成信息需要另行制作", MISSING_LAST },
    { "补正后申请内容仍不明确", MISSING_LAST },
    { "信访举报投诉类申请", MISSING_LAST },
    { "重复申请", MISSING_LAST },
    { "要求提供公开出版物", ZEROS7 },
    { "无正当理由大量反复申请", ZEROS7 },
    { "要求行政机关确认或重新出具已获取信息", ZEROS7 },
    { "其他处理", ZEROS7 },
    { "总计", ZEROS7 },
    { "结转下年度继续办理", ZEROS7 },
  };

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 3);
  proactive = table_titled (doc, "主动公开政府信息情况");
  requests = table_titled (doc, "收到和处理政府信息公开申请情况");
  appeals = table_titled (doc, "行政复议、行政诉讼情况");
  g_assert_cmpstr (cf_table_get_layout (proactive), ==, "tab");

  /* The blank line (a page break) between 行政许可 and 其他对外管理服务事项
   * neither splits the table nor makes a row. */
  check_rows (doc, proactive, 3, proactive_rows, G_N_ELEMENTS (proactive_rows));
  g_assert_cmpint (row_with_label (proactive, "其他对外管理服务事项"), ==,
                   row_with_label (proactive, "行政许可") + 1);
  purchase = cf_table_get_origin_cell (proactive, row_with_label (proactive, "政府集中采购"), 3);
  g_assert_nonnull (purchase);
  g_assert_cmpstr (purchase->text, ==, "855.034 万元");

  check_rows (doc, requests, 8, request_rows, G_N_ELEMENTS (request_rows));
  /* 三（五）2 sits after the page break with its cells shuffled; still one row. */
  g_assert_cmpint (row_with_label (requests, "要求提供公开出版物"), ==,
                   row_with_label (requests, "重复申请") + 1);

  /* One note per row that lost a cell, naming the MISSING slot. */
  notes = cf_document_get_notes (doc);
  g_assert_cmpuint (notes->len, ==, 15);
  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *note = g_ptr_array_index (notes, i);
      CfCellRef *ref;
      CfCell *slot;

      g_assert_cmpint (note->severity, ==, CF_SEVERITY_WARNING);
      g_assert_cmpstr (note->rule, ==, "extract.missing_cell");
      g_assert_cmpstr (note->table, ==, cf_table_get_id (requests));
      g_assert_cmpuint (note->cells->len, ==, 1);
      ref = &g_array_index (note->cells, CfCellRef, 0);
      g_assert_cmpstr (ref->table, ==, cf_table_get_id (requests));
      slot = cf_table_get_origin_cell (requests, ref->row, ref->col);
      g_assert_nonnull (slot);
      g_assert_true (slot->flags & CF_CELL_FLAG_MISSING);
      g_assert_nonnull (strstr (note->message, "该行只有6个数值，表格有7列"));
    }
  g_assert_nonnull (strstr (((CfFinding *) g_ptr_array_index (notes, 0))->message, "予以公开"));

  check_values (doc, appeals, cf_table_get_n_rows (appeals) - 1, 14, ZEROS15);
  check_offsets (doc);
}

static void
test_danfeng_pipes (void)
{
  g_autoptr (CfDocument) doc = load_text ("danfeng-psb-2020.txt");
  CfTable *proactive, *requests, *appeals;
  GPtrArray *notes;
  CfFinding *note;
  static const ExpectedRow proactive_rows[] = {
    { "規章", "0 0 0" },
    { "規范性文件", "0 0 0" },
    { "行政許可", "8 0 401" },
    { "其他對外管理服務事項", "10 0 身份證13181張,臨時證1705張,戶口本4985個,準遷證678份。" },
    { "行政處罰", "748項 35項 137案" },
    { "行政強制", "21 0 1981次" },
    { "行政事業性收費", "6 0" },
    { "政府集中采購", "7項 417.75萬元" },
  };
  /* The HTML left the applicant columns blank and wrote only the total. */
  static const ExpectedRow request_rows[] = {
    { "本年新收", BLANK_THEN_ZERO },
    { "上年結轉", BLANK_THEN_ZERO },
    { "予以公開", BLANK_THEN_ZERO },
    { "部分公開", BLANK_THEN_ZERO },
    { "屬于國家秘密", BLANK_THEN_ZERO },
    { "其他法律行政法規禁止公開", BLANK_THEN_ZERO },
    { "三安全一穩定", BLANK_THEN_ZERO },
    { "保護第三方合法權益", BLANK_THEN_ZERO },
    { "屬于三類內部事務信息", BLANK_THEN_ZERO },
    { "屬于四類過程性信息", BLANK_THEN_ZERO },
    { "屬于行政執法案卷", BLANK_THEN_ZERO },
    { "屬于行政查詢事項", BLANK_THEN_ZERO },
    { "本機關不掌握相關政府信息", BLANK_THEN_ZERO },
    { "沒有現成信息需要另行制作", BLANK_THEN_ZERO },
    { "補正后申請內容仍不明確", BLANK_THEN_ZERO },
    { "信訪舉報投訴類申請", BLANK_THEN_ZERO },
    { "重復申請", BLANK_THEN_ZERO },
    { "要求提供公開出版物", BLANK_THEN_ZERO },
    { "無正當理由大量反復申請", BLANK_THEN_ZERO },
    { "要求行政機關確認或重新出具已獲取信息", BLANK_THEN_ZERO },
    { "其他處理", BLANK_THEN_ZERO },
    { "總計", BLANK_THEN_ZERO },
    /* One value for seven columns: which one is unknown. */
    { "結轉下年度繼續辦理", "~0 ? ? ? ? ? ?" },
  };

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 3);
  proactive = table_titled (doc, "主動公開政府信息情況");
  requests = table_titled (doc, "收到和處理政府信息公開申請情況");
  appeals = table_titled (doc, "行政復議、行政訴訟情況");
  g_assert_cmpstr (cf_table_get_layout (appeals), ==, "pipe");

  check_rows (doc, proactive, 3, proactive_rows, G_N_ELEMENTS (proactive_rows));
  g_assert_cmpint (row_with_label (proactive, "行政處罰"), >, row_with_label (proactive, "行政許可"));
  check_rows (doc, requests, 8, request_rows, G_N_ELEMENTS (request_rows));
  check_values (doc, appeals, cf_table_get_n_rows (appeals) - 1, 14, ZEROS15);

  notes = cf_document_get_notes (doc);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (note->rule, ==, "extract.missing_cell");
  g_assert_cmpstr (note->table, ==, cf_table_get_id (requests));
  g_assert_cmpuint (note->cells->len, ==, 6);
  g_assert_nonnull (strstr (note->message, "結轉下年度繼續辦理"));
  check_offsets (doc);
}

/* Reports without statistical tables: no table is made from their prose. */
static void
test_prose_only (void)
{
  static const char * const names[] = { "zhaotong-psb-2016.txt", "shenzhen-psb-2020.txt" };
  /* Short lines with a number here and there are still prose. */
  static const char list[] =
    "一、总体情况\n\n本年度共收到申请:\n\n12\n\n联系电话:\n\n0533-2189585\n\n"
    "发布日期:2023-01-19\n\n2022年12月31日\n";

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (CfDocument) doc = load_text (names[i]);

      g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 0);
      g_assert_cmpuint (cf_document_get_notes (doc)->len, ==, 0);
    }
  {
    g_autoptr (CfDocument) doc = document_from_string (list);
    g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 0);
  }
}

/* Pads @s with spaces up to display column @col (CJK characters are two wide). */
static void
pad_to (GString *s, gsize line_start, int col)
{
  int width = 0;

  for (const char *p = s->str + line_start; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; width < col; width++)
    g_string_append_c (s, ' ');
}

static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* What `pdftotext -layout` prints: labels on the left, values right-aligned
 * in their columns; the 予以公开 row left its 科研机构 cell blank. */
static void
test_aligned_columns (void)
{
  static const char * const rows[][8] = {
    { "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" },
    { "一、本年新收政府信息公开申请数量", "12", "3", "0", "0", "1", "0", "16" },
    { "二、上年结转政府信息公开申请数量", "2", "0", "0", "0", "0", "0", "2" },
    { "（一）予以公开", "5", "1", "", "0", "0", "0", "6" },
    { "（七）总计", "14", "3", "0", "0", "1", "0", "18" },
    { "四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0" },
  };
  g_autoptr (GString) text = g_string_new ("三、收到和处理政府信息公开申请情况\n\n");
  g_autoptr (CfDocument) doc = NULL;
  CfTable *table;
  CfFinding *note;

  for (gsize r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      gsize line_start = text->len;

      g_string_append (text, rows[r][0]);
      for (int c = 1; c < 8; c++)
        {
          int right = 36 + 14 * c;

          if (rows[r][c][0] == '\0')
            continue;
          pad_to (text, line_start, right - display_width (rows[r][c]));
          g_string_append (text, rows[r][c]);
        }
      g_string_append_c (text, '\n');
    }
  g_string_append (text, "\n五、存在的主要问题及改进情况\n");

  doc = document_from_string (text->str);
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "aligned");
  g_assert_cmpstr (cf_table_get_title (table), ==, "三、收到和处理政府信息公开申请情况");
  check_values (doc, table, row_with_label (table, "本年新收"), 7, "12 3 0 0 1 0 16");
  check_values (doc, table, row_with_label (table, "总计"), 7, "14 3 0 0 1 0 18");
  check_values (doc, table, row_with_label (table, "结转下年度"), 7, ZEROS7);
  /* The positions say which column is blank: no guess, the slot is MISSING. */
  check_values (doc, table, row_with_label (table, "予以公开"), 7, "5 1 ? 0 0 0 6");
  g_assert_cmpuint (cf_document_get_notes (doc)->len, ==, 1);
  note = g_ptr_array_index (cf_document_get_notes (doc), 0);
  g_assert_cmpint (g_array_index (note->cells, CfCellRef, 0).col, ==, 3);
  check_offsets (doc);
}

static void
test_markdown (void)
{
  static const char text[] =
    "## 二、主动公开政府信息情况\n"
    "\n"
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "|---|:---:|---:|---|\n"
    "| 规章 | 0 | 0 | 3 |\n"
    "| 行政规范性文件 | 2 | 1 | 15 |\n"
    "| 行政许可 | | | 120 |\n"
    "\n"
    "三、收到和处理政府信息公开申请情况\n";
  g_autoptr (CfDocument) doc = document_from_string (text);
  CfTable *table;
  CfCell *corner;

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "markdown");
  g_assert_cmpstr (cf_table_get_title (table), ==, "二、主动公开政府信息情况");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  corner = cf_table_get_origin_cell (table, 0, 0);
  g_assert_cmpstr (corner->text, ==, "信息内容");
  g_assert_true (corner->flags & CF_CELL_FLAG_HEADER);
  g_assert_cmpstr (cf_test_cell_text (table, 0, 3), ==, "现行有效件数");
  check_values (doc, table, row_with_label (table, "规章"), 3, "0 0 3");
  check_values (doc, table, row_with_label (table, "行政规范性文件"), 3, "2 1 15");
  check_values (doc, table, row_with_label (table, "行政许可"), 3, "_ _ 120");
  g_assert_cmpuint (cf_document_get_notes (doc)->len, ==, 0);
  check_offsets (doc);
}

/* A page break inside a row: its last values continue on the next line. */
static void
test_tab_row_continued (void)
{
  static const char text[] =
    "三、收到和处理政府信息公开申请情况\n"
    "\n"
    "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
    "一、本年新收政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3\n"
    "二、上年结转政府信息公开申请数量\t0\t1\t0\t0\t\n"
    "\f\n"
    "0\t0\t1\n"
    "（七）总计\t1\t3\t0\t0\t0\t0\t4\n";
  g_autoptr (CfDocument) doc = document_from_string (text);
  CfTable *table;

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  check_values (doc, table, row_with_label (table, "本年新收"), 7, "1 2 0 0 0 0 3");
  check_values (doc, table, row_with_label (table, "上年结转"), 7, "0 1 0 0 0 0 1");
  check_values (doc, table, row_with_label (table, "总计"), 7, "1 3 0 0 0 0 4");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (cf_document_get_notes (doc)->len, ==, 0);
  check_offsets (doc);
}

/* Pipe remnants where no row is short: the width comes from the labels. */
static void
test_pipe_full_rows (void)
{
  static const char text[] =
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "|\n项目 |\n复议 |\n诉讼 |\n|\n"
    "|\n收到 |\n3 |\n1 |\n|\n"
    "|\n办结 |\n|\n1 |\n|\n"
    "五、存在的主要问题\n";
  g_autoptr (CfDocument) doc = document_from_string (text);
  CfTable *table;

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 1);
  table = g_ptr_array_index (cf_document_get_tables (doc), 0);
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 3);
  check_values (doc, table, row_with_label (table, "收到"), 2, "3 1");
  check_values (doc, table, row_with_label (table, "办结"), 2, "_ 1");
  check_offsets (doc);
}

static double
seconds_to_find (const char *text, gsize len, guint *n_tables)
{
  g_autoptr (CfReading) reading = cf_reading_new ();
  gint64 start;

  cf_reading_take_text (reading, g_strndup (text, len), len);
  start = g_get_monotonic_time ();
  cf_text_tables_find (reading);
  *n_tables = cf_reading_get_tables (reading)->len;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Linear time on inputs built to hurt: a column of 200k numbers, one 5 MB
 * line, 200k tab rows, and 20 MB of report text. Limits leave room for a
 * loaded machine; unloaded, 40 MB take about 1.5 s. */
static void
test_pathological (void)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  g_autoptr (GString) tabs = g_string_new (NULL);
  g_autofree char *long_line = g_malloc (5 * 1024 * 1024 + 1);
  g_autoptr (GString) big = g_string_new (NULL);
  g_autofree char *path = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *report = NULL;
  gsize report_len;
  guint n_tables;
  double seconds;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (digits, "%u\n", i % 97);
  seconds = seconds_to_find (digits->str, digits->len, &n_tables);
  g_test_message ("200k numeric lines: %.3f s, %u tables", seconds, n_tables);
  g_assert_cmpfloat (seconds, <, cf_test_time_limit (3.0));
  g_assert_cmpuint (n_tables, ==, 0);

  memset (long_line, '7', 5 * 1024 * 1024);
  for (gsize i = 0; i < 5 * 1024 * 1024; i += 3)
    long_line[i] = ' ';
  long_line[5 * 1024 * 1024] = '\0';
  seconds = seconds_to_find (long_line, 5 * 1024 * 1024, &n_tables);
  g_test_message ("one 5 MB line: %.3f s", seconds);
  g_assert_cmpfloat (seconds, <, cf_test_time_limit (3.0));
  g_assert_cmpuint (n_tables, ==, 0);

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (tabs, "%u\t%u\t\t%u\n", i, i % 7, i % 3);
  seconds = seconds_to_find (tabs->str, tabs->len, &n_tables);
  g_test_message ("200k tab rows: %.3f s, %u tables", seconds, n_tables);
  g_assert_cmpfloat (seconds, <, cf_test_time_limit (10.0));

  g_assert_true (g_file_get_contents (path, &report, &report_len, NULL));
  while (big->len < 20 * 1024 * 1024)
    g_string_append_len (big, report, (gssize) report_len);
  seconds = seconds_to_find (big->str, big->len, &n_tables);
  g_test_message ("%zu MB of reports: %.3f s, %u tables", big->len >> 20, seconds, n_tables);
  g_assert_cmpfloat (seconds, <, cf_test_time_limit (10.0));
  g_assert_cmpuint (n_tables, ==, 3 * (big->len / report_len));
}

/* ---- extraction from a selection ---------------------------------------- */

/* Cell for cell, the same grid (positions, spans, texts, offsets, flags). */
static void
assert_same_grid (CfTable *expected, CfTable *actual)
{
  g_assert_cmpint (cf_table_get_n_rows (actual), ==, cf_table_get_n_rows (expected));
  g_assert_cmpint (cf_table_get_n_cols (actual), ==, cf_table_get_n_cols (expected));
  g_assert_cmpuint (cf_table_get_n_cells (actual), ==, cf_table_get_n_cells (expected));
  g_assert_cmpstr (cf_table_get_layout (actual), ==, cf_table_get_layout (expected));
  for (guint i = 0; i < cf_table_get_n_cells (expected); i++)
    {
      CfCell *e = cf_table_get_cell_at (expected, i);
      CfCell *a = cf_table_get_cell_at (actual, i);

      g_assert_cmpint (a->row, ==, e->row);
      g_assert_cmpint (a->col, ==, e->col);
      g_assert_cmpint (a->row_span, ==, e->row_span);
      g_assert_cmpint (a->col_span, ==, e->col_span);
      g_assert_cmpstr (a->text, ==, e->text);
      g_assert_cmpint (a->offset, ==, e->offset);
      g_assert_cmpint (a->length, ==, e->length);
      g_assert_cmpint (a->flags, ==, e->flags);
    }
}

/* [*start, *end) widened to the whole lines it touches, as a line selection. */
static void
widen_to_lines (const char *text, gsize len, gint64 *start, gint64 *end)
{
  while (*start > 0 && text[*start - 1] != '\n')
    (*start)--;
  while ((gsize) *end < len && text[*end] != '\n')
    (*end)++;
}

static void
test_extract_range_zibo (void)
{
  g_autoptr (CfDocument) doc = load_text ("zibo-gaoxin-psb-2022.txt");
  g_autoptr (CfTable) selected = NULL;
  g_autoptr (CfTable) forced = NULL;
  g_autoptr (CfTable) outside = NULL;
  CfTable *requests = table_titled (doc, "收到和处理政府信息公开申请情况");
  gint64 offset, length, start, end;
  gsize text_len;
  const char *text = cf_document_get_text (doc, &text_len);
  guint n_tables = cf_document_get_tables (doc)->len;

  cf_table_get_range (requests, &offset, &length);
  start = offset;
  end = offset + length;
  widen_to_lines (text, text_len, &start, &end);

  selected = cf_text_tables_extract_range (doc, start, end - start, NULL);
  g_assert_nonnull (selected);
  assert_same_grid (requests, selected);
  /* The heading above the selection names it; the document is unchanged. */
  g_assert_cmpstr (cf_table_get_title (selected), ==, cf_table_get_title (requests));
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, n_tables);
  g_assert_null (cf_table_get_id (selected));

  forced = cf_text_tables_extract_range (doc, start, end - start, "lines");
  g_assert_nonnull (forced);
  assert_same_grid (requests, forced);

  /* Only the first lines of the table (a header and two rows): a smaller
   * table, offsets still into the whole text. */
  {
    CfCell *second = cf_table_get_cell (requests, row_with_label (requests, "上年结转"), 7);
    g_autoptr (CfTable) part = NULL;

    g_assert_nonnull (second);
    part = cf_text_tables_extract_range (doc, start, second->offset + second->length - start, NULL);
    g_assert_nonnull (part);
    g_assert_cmpint (cf_table_get_n_rows (part), <, cf_table_get_n_rows (requests));
    for (guint i = 0; i < cf_table_get_n_cells (part); i++)
      {
        CfCell *cell = cf_table_get_cell_at (part, i);

        if (cell->offset < 0)
          continue;
        g_assert_cmpint (cell->offset, >=, start);
        g_assert_true (memcmp (text + cell->offset, cell->text, (gsize) cell->length) == 0);
      }
  }

  /* Starting inside a character is the same as starting after it. */
  {
    g_autoptr (CfTable) shifted = cf_text_tables_extract_range (doc, start + 1, end - start - 1, NULL);

    g_assert_nonnull (shifted);
  }

  /* The report's first lines (title and prose) hold no table; a range
   * outside the text is no table either. */
  outside = cf_text_tables_extract_range (doc, 0, 40, NULL);
  g_assert_null (outside);
  g_assert_null (cf_text_tables_extract_range (doc, (gint64) text_len, 10, NULL));
  g_assert_null (cf_text_tables_extract_range (doc, -5, 10, NULL));
  g_assert_null (cf_text_tables_extract_range (doc, start, 0, NULL));
}

/* Four lines inside prose, columns one space apart (no finder sees them),
 * split where the analyst put the column separators. */
static void
test_extract_columns_in_prose (void)
{
  static const char report[] =
    "本机关全年收到的申请情况如下，具体数字见下列各行。\n"
    "事项名称 本年 上年\n"
    "收到申请 1200 800\n"
    "撤回申请 30\n"
    "办结申请 1000 700\n"
    "以上数字与上年相比有所增加，主要原因是群众对政府信息的需求持续增长。\n";
  static const int starts[] = { 0, 9, 14 };
  g_autoptr (CfDocument) doc = document_from_string (report);
  g_autoptr (CfTable) table = NULL;
  g_autoptr (CfTable) automatic = NULL;
  const char *text = cf_document_get_text (doc, NULL);
  const char *first = strstr (text, "事项名称");
  const char *last = strstr (text, "办结申请 1000 700") + strlen ("办结申请 1000 700");
  CfCell *cell;

  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, 0);

  table = cf_text_tables_extract_columns (doc, first - text, last - first, starts, G_N_ELEMENTS (starts));
  g_assert_nonnull (table);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "aligned");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  /* The sentence above is prose, not a heading. */
  g_assert_null (cf_table_get_title (table));

  g_assert_cmpstr (cf_test_cell_text (table, 0, 0), ==, "事项名称");
  g_assert_cmpstr (cf_test_cell_text (table, 0, 1), ==, "本年");
  g_assert_cmpstr (cf_test_cell_text (table, 0, 2), ==, "上年");
  g_assert_true (cf_table_get_cell (table, 0, 2)->flags & CF_CELL_FLAG_HEADER);
  g_assert_cmpstr (cf_test_cell_text (table, 1, 0), ==, "收到申请");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 1), ==, "1200");
  g_assert_cmpstr (cf_test_cell_text (table, 1, 2), ==, "800");
  g_assert_false (cf_table_get_cell (table, 1, 2)->flags & CF_CELL_FLAG_HEADER);
  g_assert_cmpfloat (cf_table_get_cell (table, 1, 1)->number.value, ==, 1200);
  /* A row that printed nothing in the last column has a blank slot there. */
  g_assert_cmpstr (cf_test_cell_text (table, 2, 1), ==, "30");
  cell = cf_table_get_cell (table, 2, 2);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, "");
  g_assert_cmpint (cell->offset, ==, -1);
  g_assert_cmpstr (cf_test_cell_text (table, 3, 2), ==, "700");

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      cell = cf_table_get_cell_at (table, i);
      if (cell->offset < 0)
        continue;
      g_assert_cmpint (cell->offset, >=, first - text);
      g_assert_cmpint (cell->offset + cell->length, <=, last - text);
      g_assert_true (memcmp (text + cell->offset, cell->text, (gsize) cell->length) == 0);
    }

  /* A separator moved into a word splits it there (by display column). */
  {
    static const int narrow[] = { 0, 4 };
    g_autoptr (CfTable) split = cf_text_tables_extract_columns (doc, first - text, last - first,
                                                                narrow, G_N_ELEMENTS (narrow));

    g_assert_cmpstr (cf_test_cell_text (split, 1, 0), ==, "收到");
    g_assert_cmpstr (cf_test_cell_text (split, 1, 1), ==, "申请 1200 800");
  }

  /* Without separators the lines are no table. */
  automatic = cf_text_tables_extract_range (doc, first - text, last - first, NULL);
  g_assert_null (automatic);
}

/* A named layout reads every line of the selection as that layout: a row
 * whose label is too long for an aligned row keeps its values. */
static void
test_extract_range_forced_layout (void)
{
  static const char long_label[] =
    "因申请内容不明确经本机关书面告知补正后申请人在规定期限内逾期仍未补正以及其他各类情形合计的申请数量（含本年度由上级机关转办和交办的申请）";
  static const char report[] =
    "（二）办理结果\n"
    "予以公开  12  3\n"
    "部分公开  4  1\n"
    "因申请内容不明确经本机关书面告知补正后申请人在规定期限内逾期仍未补正以及其他各类情形合计的申请数量（含本年度由上级机关转办和交办的申请）  5  1\n"
    "总计  21  5\n";
  g_autoptr (CfDocument) doc = document_from_string (report);
  g_autoptr (CfTable) table = NULL;
  g_autoptr (CfTable) automatic = NULL;
  gsize len;
  const char *text = cf_document_get_text (doc, &len);
  const char *first = strstr (text, "予以公开");

  g_assert_cmpuint (g_utf8_strlen (long_label, -1), >, 64);
  automatic = cf_text_tables_extract_range (doc, first - text, len - (first - text), NULL);
  g_assert_nonnull (automatic);
  /* Detected, the long row is prose: the table does not read its values. */
  g_assert_cmpstr (cf_test_cell_text (automatic, 2, 0), !=, long_label);
  g_assert_null (cf_table_get_origin_cell (automatic, 2, 2));

  table = cf_text_tables_extract_range (doc, first - text, len - (first - text), "aligned");
  g_assert_nonnull (table);
  g_assert_cmpstr (cf_table_get_layout (table), ==, "aligned");
  g_assert_cmpstr (cf_table_get_title (table), ==, "（二）办理结果");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 3);
  g_assert_cmpstr (cf_test_cell_text (table, 2, 0), ==, long_label);
  g_assert_cmpstr (cf_test_cell_text (table, 2, 1), ==, "5");
  g_assert_cmpstr (cf_test_cell_text (table, 2, 2), ==, "1");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 0), ==, "总计");
  g_assert_cmpstr (cf_test_cell_text (table, 3, 2), ==, "5");

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*unknown layout*");
  g_assert_null (cf_text_tables_extract_range (doc, 0, (gint64) len, "csv"));
  g_test_assert_expected_messages ();
}

/* Any range, any layout, any columns: whatever comes back points at its
 * own text inside the range (run under ASan/valgrind, this is a small fuzz). */
static void
test_extract_any_range (void)
{
  static const char *const hints[] = { NULL, "tab", "aligned", "lines", "pipe", "markdown" };
  static const char *const names[] = { "zibo-gaoxin-psb-2022.txt", "danfeng-psb-2020.txt",
                                       "shizuishan-psb-2020.txt" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  guint n_tables = 0;

  for (gsize d = 0; d < G_N_ELEMENTS (names); d++)
    {
      g_autoptr (CfDocument) doc = load_text (names[d]);
      gsize len;
      const char *text = cf_document_get_text (doc, &len);

      for (guint i = 0; i < 300; i++)
        {
          gint64 offset = g_rand_int_range (rand, -10, (gint32) len + 10);
          gint64 length = g_rand_int_range (rand, -10, 6000);
          int starts[5] = { 0 };
          g_autoptr (CfTable) table = NULL;

          for (guint k = 1; k < G_N_ELEMENTS (starts); k++)
            starts[k] = starts[k - 1] + g_rand_int_range (rand, 1, 30);
          if (i % 7 == 0)
            table = cf_text_tables_extract_columns (doc, offset, length, starts, G_N_ELEMENTS (starts));
          else
            table = cf_text_tables_extract_range (doc, offset, length, hints[i % G_N_ELEMENTS (hints)]);
          if (table == NULL)
            continue;
          n_tables++;
          g_assert_cmpuint (cf_table_get_n_cells (table), >, 0);
          for (guint c = 0; c < cf_table_get_n_cells (table); c++)
            {
              CfCell *cell = cf_table_get_cell_at (table, c);

              if (cell->offset < 0)
                continue;
              g_assert_cmpint (cell->offset, >=, MAX (offset, 0));
              g_assert_cmpint (cell->offset + cell->length, <=, MIN (offset + length, (gint64) len));
              g_assert_true (memcmp (text + cell->offset, cell->text, (gsize) cell->length) == 0);
            }
        }
    }
  g_test_message ("%u of 900 ranges gave a table", n_tables);
  g_assert_cmpuint (n_tables, >, 100);
}

/* A second reading's table that reaches a few bytes into a table of another
 * section (a join across pages can end there) replaces only its own: the
 * table it overlaps maps more cells of another form table and stays. */
static void
test_candidate_keeps_other_table (void)
{
  g_autofree char *path = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *report = NULL;
  gsize len;
  g_autoptr (CfReading) own = cf_reading_new ();
  g_autoptr (CfReading) second = cf_reading_new ();
  g_autoptr (CfDocument) doc = cf_document_new ("sample.txt", CF_DOCUMENT_KIND_TEXT);
  GPtrArray *own_tables, *tables;
  CfTable *candidate, *requests;
  gint64 offset, length, end, cand_offset, cand_length;

  g_assert_true (g_file_get_contents (path, &report, &len, NULL));
  cf_reading_take_text (own, g_strndup (report, len), len);
  cf_reading_take_text (second, g_strndup (report, len), len);
  cf_text_tables_find (own);
  cf_text_tables_find (second);
  own_tables = cf_reading_get_tables (own);
  g_assert_cmpuint (own_tables->len, ==, 3);
  g_assert_cmpuint (cf_reading_get_tables (second)->len, ==, 3);

  /* The own reading lost the appeals table; the second reading has it,
   * starting a few bytes before the requests table ends. */
  requests = g_object_ref (g_ptr_array_index (own_tables, 1));
  cf_table_get_range (requests, &offset, &length);
  end = offset + length;
  g_ptr_array_remove_index (own_tables, 2);
  candidate = g_ptr_array_index (cf_reading_get_tables (second), 2);
  cf_table_get_range (candidate, &cand_offset, &cand_length);
  g_assert_cmpint (cand_offset, >=, end);
  cf_table_set_range (candidate, end - 10, cand_offset + cand_length - (end - 10));
  cf_reading_add_candidate (own, candidate);

  cf_loader_take_reading (doc, own);
  cf_loader_choose_candidates (doc, own);
  tables = cf_document_get_tables (doc);
  g_assert_cmpuint (tables->len, ==, 3);
  g_assert_true (g_ptr_array_find (tables, requests, NULL));
  g_assert_true (g_ptr_array_find (tables, candidate, NULL));
  g_object_unref (requests);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-tables/zibo-lines", test_zibo_lines);
  g_test_add_func ("/text-tables/shizuishan-tabs", test_shizuishan_tabs);
  g_test_add_func ("/text-tables/danfeng-pipes", test_danfeng_pipes);
  g_test_add_func ("/text-tables/prose-only", test_prose_only);
  g_test_add_func ("/text-tables/aligned-columns", test_aligned_columns);
  g_test_add_func ("/text-tables/markdown", test_markdown);
  g_test_add_func ("/text-tables/tab-row-continued", test_tab_row_continued);
  g_test_add_func ("/text-tables/pipe-full-rows", test_pipe_full_rows);
  g_test_add_func ("/text-tables/pathological", test_pathological);
  g_test_add_func ("/text-tables/extract-range-zibo", test_extract_range_zibo);
  g_test_add_func ("/text-tables/candidate-keeps-other-table", test_candidate_keeps_other_table);
  g_test_add_func ("/text-tables/extract-columns-in-prose", test_extract_columns_in_prose);
  g_test_add_func ("/text-tables/extract-range-forced-layout", test_extract_range_forced_layout);
  g_test_add_func ("/text-tables/extract-any-range", test_extract_any_range);
  return g_test_run ();
}
