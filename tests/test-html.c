/* test-html.c: saved web pages become text lines and tables with spans */
#include <string.h>

#include "cf-test-util.h"
#include "cf-html-reader.h"

static CfDocument *
load_html_string (const char *html, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (html, strlen (html));
  CfDocument *doc = cf_loader_load_bytes (bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (cf_document_get_kind (doc), ==, CF_DOCUMENT_KIND_HTML);
  return doc;
}

/* The cell that starts at (@row, @col), with its spans and text checked. */
static CfCell *
assert_cell (CfTable *table, int row, int col, int row_span, int col_span, const char *text)
{
  CfCell *cell = cf_table_get_origin_cell (table, row, col);

  if (cell == NULL)
    g_error ("no cell starts at (%d, %d), expected \"%s\"", row, col, text);
  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpint (cell->row_span, ==, row_span);
  g_assert_cmpint (cell->col_span, ==, col_span);
  g_assert_false (cell->flags & CF_CELL_FLAG_MISSING);
  return cell;
}

static void
assert_row_values (CfTable *table, int row, int first_col, const char *const *values)
{
  for (int i = 0; values[i] != NULL; i++)
    assert_cell (table, row, first_col + i, 1, 1, values[i]);
}

/* Every cell's offset/length points at exactly its text in the document. */
static void
assert_offsets (CfDocument *doc)
{
  gsize text_len = 0;
  const char *text = cf_document_get_text (doc, &text_len);
  GPtrArray *tables = cf_document_get_tables (doc);
  guint n_checked = 0;

  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = tables->pdata[t];

      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          CfCell *cell = cf_table_get_cell_at (table, i);

          g_assert_cmpint (cell->offset, >=, 0);
          g_assert_cmpint (cell->offset + cell->length, <=, (gint64) text_len);
          g_assert_cmpint (cell->length, ==, (gint64) strlen (cell->text));
          g_assert_true (strncmp (text + cell->offset, cell->text, cell->length) == 0);
          /* Cells are tab-separated on their row's line. */
          g_assert_true (cell->offset + cell->length == (gint64) text_len ||
                         text[cell->offset + cell->length] == '\t' ||
                         text[cell->offset + cell->length] == '\n');
          n_checked++;
        }
    }
  if (tables->len > 0)
    g_assert_cmpuint (n_checked, >, 0);
}

static char *
first_line (CfDocument *doc)
{
  const char *text = cf_document_get_text (doc, NULL);
  const char *nl = strchr (text, '\n');

  return nl ? g_strndup (text, nl - text) : g_strdup (text);
}

static void
test_sniff (void)
{
  const char *pages[] = {
    "<!DOCTYPE html><html><body>x</body></html>",
    "\n\n  <HTML><BODY>x</BODY></HTML>",
    "<table><tr><td>1</td></tr></table>",
    "\xEF\xBB\xBF<html>",
    "<meta charset=\"gb2312\"><p>报告</p>",
  };
  const char *texts[] = {
    "",
    "一、总体情况\n2019年，本机关……\n",
    "项目\t数量\n规章\t3\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_true (cf_html_reader_sniff (pages[i], strlen (pages[i])));
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_false (cf_html_reader_sniff (texts[i], strlen (texts[i])));
}

static void
test_city_2025 (void)
{
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("html", "city-2025-placeholder-headers.html");
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autofree char *title_line = first_line (doc);
  CfTable *active, *requests, *review;
  CfCell *cell;

  g_assert_cmpint (cf_document_get_kind (doc), ==, CF_DOCUMENT_KIND_HTML);
  g_assert_cmpstr (title_line, ==, "2025年政府信息公开工作年度报告");
  g_assert_cmpuint (tables->len, ==, 3);
  active = tables->pdata[0];
  requests = tables->pdata[1];
  review = tables->pdata[2];

  /* Active disclosure: section headers span the four columns. */
  g_assert_cmpstr (cf_table_get_title (active), ==, "二、主动公开政府信息情况");
  g_assert_cmpstr (cf_table_get_layout (active), ==, "html");
  g_assert_cmpint (cf_table_get_n_rows (active), ==, 14);
  g_assert_cmpint (cf_table_get_n_cols (active), ==, 4);
  assert_cell (active, 0, 0, 1, 4, "第二十条第（一）项");
  assert_row_values (active, 2, 0, (const char *const[]) { "规章", "3", "5", "74", NULL });
  assert_cell (active, 6, 0, 1, 1, "行政许可");
  assert_cell (active, 6, 1, 1, 3, "11398889");
  g_assert_null (cf_table_get_origin_cell (active, 6, 2));
  g_assert_true (cf_table_get_cell (active, 6, 3) == cf_table_get_origin_cell (active, 6, 1));
  assert_cell (active, 13, 1, 1, 3, "316441");

  /* Requests: the header cells the page left empty are blank cells. */
  g_assert_cmpstr (cf_table_get_title (requests), ==, "三、收到和处理政府信息公开申请情况");
  g_assert_cmpint (cf_table_get_n_rows (requests), ==, 28);
  g_assert_cmpint (cf_table_get_n_cols (requests), ==, 10);
  assert_cell (requests, 0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  assert_cell (requests, 0, 3, 1, 7, "申请人情况");
  assert_cell (requests, 1, 3, 1, 1, "自然人");
  assert_cell (requests, 1, 4, 1, 5, "法人或其他组织");
  assert_cell (requests, 1, 9, 1, 1, "总计");
  assert_cell (requests, 2, 3, 1, 1, "");
  assert_row_values (requests, 2, 4,
                     (const char *const[]) { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", NULL });
  assert_cell (requests, 3, 0, 1, 3, "一、本年新收政府信息公开申请数量");
  assert_row_values (requests, 3, 3,
                     (const char *const[]) { "13612", "252", "0", "45", "128", "32", "14069", NULL });
  assert_cell (requests, 5, 0, 22, 1, "三、本年度办理结果");
  assert_cell (requests, 5, 1, 1, 2, "（一）予以公开");
  assert_row_values (requests, 5, 3,
                     (const char *const[]) { "5345", "129", "0", "41", "19", "14", "5548", NULL });
  assert_cell (requests, 7, 1, 8, 1, "（三）不予公开");
  assert_cell (requests, 7, 2, 1, 1, "1.属于国家秘密");
  assert_cell (requests, 8, 2, 1, 1, "2.其他法律行政法规禁止公开");
  assert_cell (requests, 8, 3, 1, 1, "30");
  assert_cell (requests, 9, 2, 1, 1, "3.危及“三安全一稳定”");
  assert_cell (requests, 26, 1, 1, 2, "（七）总计");
  assert_row_values (requests, 26, 3,
                     (const char *const[]) { "13364", "252", "0", "44", "121", "29", "13810", NULL });
  assert_cell (requests, 27, 0, 1, 3, "四、结转下年度继续办理");
  assert_cell (requests, 27, 9, 1, 1, "819");
  cell = cf_table_get_cell (requests, 26, 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, "三、本年度办理结果");

  /* Review and litigation: 15 value columns. */
  g_assert_cmpstr (cf_table_get_title (review), ==, "四、政府信息公开行政复议、行政诉讼情况");
  assert_cell (review, 0, 0, 1, 5, "行政复议");
  assert_cell (review, 0, 5, 1, 10, "行政诉讼");
  assert_cell (review, 2, 0, 1, 1, "");
  assert_row_values (review, 3, 0,
                     (const char *const[]) { "376", "97", "196", "121", "790", "16", "1", "12", "27",
                                             "56", "74", "1", "30", "51", "156", NULL });

  assert_offsets (doc);
}

static void
test_shanghai_2019 (void)
{
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("html", "shanghai-gov-office-2019.html");
  GPtrArray *tables = cf_document_get_tables (doc);
  g_autofree char *title_line = first_line (doc);
  const char *text = cf_document_get_text (doc, NULL);
  CfTable *active, *requests, *review;

  g_assert_cmpstr (title_line, ==, "2019年上海市人民政府办公厅政府信息公开工作年度报告");
  g_assert_nonnull (strstr (text, "\n一、总体情况\n"));
  g_assert_null (strstr (text, "&nbsp;"));
  g_assert_cmpuint (tables->len, ==, 3);
  active = tables->pdata[0];
  requests = tables->pdata[1];
  review = tables->pdata[2];

  /* <br> between Chinese characters joins them; the colspan of the values
   * in rows 行政许可 etc. does not line up with their header, kept as printed. */
  g_assert_cmpstr (cf_table_get_title (active), ==, "二、主动公开政府信息情况");
  g_assert_cmpint (cf_table_get_n_rows (active), ==, 18);
  g_assert_cmpint (cf_table_get_n_cols (active), ==, 5);
  assert_cell (active, 0, 0, 1, 5, "第二十条第（一）项");
  assert_cell (active, 1, 1, 1, 1, "本年新制作数量");
  assert_cell (active, 1, 2, 1, 2, "本年新公开数量");
  assert_cell (active, 1, 4, 1, 1, "对外公开总数量");
  assert_cell (active, 2, 2, 1, 2, "13");
  assert_cell (active, 2, 4, 1, 1, "524");
  assert_cell (active, 5, 2, 1, 2, "本年增/减");
  assert_cell (active, 6, 0, 1, 1, "行政许可");
  assert_cell (active, 6, 1, 1, 2, "0");
  assert_cell (active, 6, 3, 1, 1, "0");
  assert_cell (active, 6, 4, 1, 1, "0");
  assert_cell (active, 17, 0, 1, 1, "政府集中采购");
  assert_cell (active, 17, 1, 1, 2, "6");
  assert_cell (active, 17, 3, 1, 2, "251000元");

  /* Requests: &nbsp; blanks are cells with empty text. */
  g_assert_cmpstr (cf_table_get_title (requests), ==, "三、收到和处理政府信息公开申请情况");
  g_assert_cmpint (cf_table_get_n_rows (requests), ==, 26);
  g_assert_cmpint (cf_table_get_n_cols (requests), ==, 10);
  assert_cell (requests, 0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  assert_cell (requests, 1, 3, 2, 1, "自然人");
  assert_cell (requests, 1, 4, 1, 5, "法人或其他组织");
  assert_cell (requests, 1, 9, 2, 1, "总计");
  assert_row_values (requests, 2, 4,
                     (const char *const[]) { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", NULL });
  assert_cell (requests, 3, 0, 1, 3, "一、本年新收政府信息公开申请数量");
  assert_row_values (requests, 3, 3,
                     (const char *const[]) { "821", "35", "", "", "2", "1", "859", NULL });
  assert_row_values (requests, 4, 3,
                     (const char *const[]) { "18", "", "", "", "", "", "18", NULL });
  assert_cell (requests, 5, 0, 20, 1, "三、本年度办理结果");
  assert_row_values (requests, 5, 3,
                     (const char *const[]) { "258", "12", "", "", "1", "1", "", NULL });
  assert_cell (requests, 7, 1, 8, 1, "（三）不予公开");
  assert_cell (requests, 7, 3, 1, 1, "14");
  assert_cell (requests, 23, 1, 1, 2, "（六）其他处理");
  assert_cell (requests, 24, 1, 1, 2, "（七）总计");
  assert_row_values (requests, 24, 3,
                     (const char *const[]) { "767", "35", "", "", "2", "1", "805", NULL });
  assert_cell (requests, 25, 0, 1, 3, "四、结转下年度继续办理");
  assert_cell (requests, 25, 3, 1, 1, "72");
  assert_cell (requests, 25, 9, 1, 1, "72");

  /* The heading follows a <br> inside its paragraph. */
  g_assert_cmpstr (cf_table_get_title (review), ==, "四、政府信息公开行政复议、行政诉讼情况");
  assert_cell (review, 1, 0, 2, 1, "结果维持");
  assert_cell (review, 1, 5, 1, 5, "未经复议直接起诉");
  assert_cell (review, 2, 5, 1, 1, "结果维持");
  assert_row_values (review, 3, 0,
                     (const char *const[]) { "5", "", "", "2", "7", "8", "", "", "1", "9", "", "",
                                             "", "", "", NULL });

  assert_offsets (doc);
}

static void
test_merged_snippet (void)
{
  const char *html =
    "<html><head><title>某区2021年政府信息公开工作年度报告</title></head><body>\n"
    "<h2>表一</h2>\n"
    "<table border=1>\n"
    "<thead><tr><th rowspan=\"2\" colspan=\"2\">项目</th><th colspan=\"2\">数量</th></tr>\n"
    "<tr><th>甲</th><th>乙</th></tr></thead>\n"
    "<tbody><tr><td rowspan=\"2\">合计</td><td>a</td><td> 1 </td><td>2</td></tr>\n"
    "<tr><td>b</td><td>3</td><td>&nbsp;</td></tr></tbody>\n"
    "</table>\n"
    "<p>结束。</p></body></html>\n";
  g_autoptr (CfDocument) doc = load_html_string (html, "snippet.html");
  GPtrArray *tables = cf_document_get_tables (doc);
  const char *text = cf_document_get_text (doc, NULL);
  CfTable *table;
  CfCell *cell;
  gint64 offset, length;

  g_assert_cmpstr (text, ==,
                   "某区2021年政府信息公开工作年度报告\n"
                   "表一\n"
                   "项目\t数量\n"
                   "甲\t乙\n"
                   "合计\ta\t1\t2\n"
                   "b\t3\t\n"
                   "结束。\n");
  g_assert_cmpuint (tables->len, ==, 1);
  table = tables->pdata[0];
  g_assert_cmpstr (cf_table_get_title (table), ==, "表一");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (cf_table_get_n_cols (table), ==, 4);
  g_assert_cmpuint (cf_table_get_n_cells (table), ==, 11);

  cell = assert_cell (table, 0, 0, 2, 2, "项目");
  g_assert_true (cell->flags & CF_CELL_FLAG_HEADER);
  g_assert_true (cf_table_get_cell (table, 1, 1) == cell);
  g_assert_null (cf_table_get_origin_cell (table, 1, 1));
  assert_cell (table, 0, 2, 1, 2, "数量");
  assert_cell (table, 1, 2, 1, 1, "甲");
  assert_cell (table, 1, 3, 1, 1, "乙");
  cell = assert_cell (table, 2, 0, 2, 1, "合计");
  g_assert_false (cell->flags & CF_CELL_FLAG_HEADER);
  assert_cell (table, 2, 1, 1, 1, "a");
  assert_cell (table, 2, 2, 1, 1, "1");
  assert_cell (table, 3, 1, 1, 1, "b");
  assert_cell (table, 3, 2, 1, 1, "3");
  cell = assert_cell (table, 3, 3, 1, 1, "");
  g_assert_cmpint (cell->length, ==, 0);
  g_assert_cmpint (cell->offset, ==, strstr (text, "b\t3\t\n") - text + 4);

  cf_table_get_range (table, &offset, &length);
  g_assert_cmpint (offset, ==, strstr (text, "项目") - text);
  g_assert_cmpint (offset + length, ==, strstr (text, "\n结束") - text);
  assert_offsets (doc);
}

static void
test_flattening (void)
{
  const char *html =
    "<!DOCTYPE html><html><head><meta charset=\"gb2312\">\n"
    "<style>p { color: red }</style><script>var x = '<table>';</script>\n"
    "<title>\n  2020年  报告\n</title></head>\n"
    "<body><div>第一段\n第二句　</div><div style=\"display: none\">隐藏</div>"
    "<p>A<br>B</p><p>  many   spaces\tand\nlines  </p>"
    "<table><tr><td>本年新<br/>制作数量</td><td>new<br>items</td>"
    "<td><p>甲</p><p>乙</p></td><td><table><tr><td>内</td><td>表</td></tr></table></td></tr></table>"
    "<ul><li>一</li><li>二</li></ul>"
    "</body></html>";
  g_autoptr (CfDocument) doc = load_html_string (html, "flat.html");
  const char *text = cf_document_get_text (doc, NULL);
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;

  g_assert_cmpstr (text, ==,
                   "2020年 报告\n"
                   "第一段第二句\n"
                   "A\n"
                   "B\n"
                   "many spaces and lines\n"
                   "本年新制作数量\tnew items\t甲乙\t内表\n"
                   "一\n"
                   "二\n");
  /* The nested table is cell text, not a table of its own. */
  g_assert_cmpuint (tables->len, ==, 1);
  table = tables->pdata[0];
  g_assert_cmpstr (cf_table_get_title (table), ==, "many spaces and lines");
  assert_row_values (table, 0, 0,
                     (const char *const[]) { "本年新制作数量", "new items", "甲乙", "内表", NULL });
  assert_offsets (doc);
}

/* Old sites lay pages out with a table; the report's table sits in a cell. */
static void
test_layout_table (void)
{
  const char *html =
    "<html><body><table width=\"100%\"><tr><td>导航</td></tr><tr><td>"
    "<p>三、收到和处理政府信息公开申请情况</p>"
    "<table><tr><td>项目</td><td>数量</td></tr><tr><td>新收</td><td>5</td></tr>"
    "<tr><td>结转</td><td>1</td></tr></table>"
    "</td></tr></table></body></html>";
  g_autoptr (CfDocument) doc = load_html_string (html, "layout.html");
  GPtrArray *tables = cf_document_get_tables (doc);
  CfTable *table;

  g_assert_cmpuint (tables->len, ==, 1);
  table = tables->pdata[0];
  g_assert_cmpstr (cf_table_get_title (table), ==, "三、收到和处理政府信息公开申请情况");
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 3);
  assert_cell (table, 1, 0, 1, 1, "新收");
  assert_cell (table, 1, 1, 1, 1, "5");
  assert_offsets (doc);
}

/* Odd spans: rowspan past the end, rowspan="0", a ragged row. */
static void
test_odd_spans (void)
{
  const char *html =
    "<table><tr><td rowspan=\"9\">a</td><td colspan=\"0\">b</td><td rowspan=\"0\">c</td></tr>"
    "<tr><td>d</td></tr><tr></tr><tr><td>e</td><td>f</td><td>g</td></tr></table>";
  g_autoptr (CfDocument) doc = load_html_string (html, "odd.html");
  CfTable *table = g_ptr_array_index (cf_document_get_tables (doc), 0);

  /* The empty <tr> holds no cell and is no row; spans end with the table. */
  g_assert_cmpint (cf_table_get_n_rows (table), ==, 3);
  assert_cell (table, 0, 0, 3, 1, "a");
  assert_cell (table, 0, 1, 1, 1, "b");
  assert_cell (table, 0, 2, 3, 1, "c");
  assert_cell (table, 1, 1, 1, 1, "d");
  assert_cell (table, 2, 1, 1, 1, "e");
  assert_cell (table, 2, 3, 1, 1, "f");
  assert_cell (table, 2, 4, 1, 1, "g");
  assert_offsets (doc);
}

/* A page saved in GB18030 with its <meta charset> loads like the UTF-8 one. */
static void
test_gb18030_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cf_test_path ("corpus", "html", "shanghai-gov-office-2019.html", NULL);
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  g_autoptr (GString) page = NULL;
  g_autoptr (CfDocument) reference = cf_test_load_corpus ("html", "shanghai-gov-office-2019.html");
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len = 0, gb_len = 0;

  g_file_get_contents (path, &utf8, &len, &error);
  g_assert_no_error (error);
  page = g_string_new_len (utf8, len);
  g_string_replace (page, "charset=\"utf-8\"", "charset=\"gb2312\"", 1);
  gb = g_convert (page->str, page->len, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (gb, gb_len);
  doc = cf_loader_load_bytes (bytes, "page-gb.html", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_document_get_encoding (doc), ==, "GB18030");
  g_assert_cmpstr (cf_document_get_text (doc, NULL), ==, cf_document_get_text (reference, NULL));
  g_assert_cmpuint (cf_document_get_tables (doc)->len, ==, cf_document_get_tables (reference)->len);
  assert_offsets (doc);
}

/* Damaged pages (cut tags, stray markup, lost bytes) still load, and every
 * cell still points at its own text. */
static void
test_mutations (void)
{
  const char *const pages[] = { "city-2025-placeholder-headers.html", "shanghai-gov-office-2019.html" };
  const char *const junk[] = { "<", ">", "</td>", "<td rowspan=\"7\">", "<tr>", "</table>",
                               "<table>", "<br>", "&nbsp;", "<td colspan=\"999999\">", "\t" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);

  for (gsize p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = cf_test_path ("corpus", "html", pages[p], NULL);
      g_autofree char *html = NULL;
      gsize len = 0;

      g_file_get_contents (path, &html, &len, &error);
      g_assert_no_error (error);
      for (int round = 0; round < 100; round++)
        {
          g_autoptr (GString) page = g_string_new_len (html, len);
          g_autoptr (CfDocument) doc = NULL;

          for (int edit = 0; edit < 8; edit++)
            {
              gsize at = g_rand_int_range (rand, 0, page->len);

              if (g_rand_boolean (rand))
                g_string_erase (page, at, MIN (page->len - at, (gsize) g_rand_int_range (rand, 1, 40)));
              else
                g_string_insert (page, at, junk[g_rand_int_range (rand, 0, G_N_ELEMENTS (junk))]);
            }
          /* Cutting bytes may break UTF-8: keep the valid part, as decoding would refuse it. */
          {
            const char *end = NULL;

            if (!g_utf8_validate (page->str, page->len, &end))
              g_string_truncate (page, end - page->str);
          }
          g_string_prepend (page, "<html>");
          doc = load_html_string (page->str, "damaged.html");
          assert_offsets (doc);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/sniff", test_sniff);
  g_test_add_func ("/html/city-2025", test_city_2025);
  g_test_add_func ("/html/shanghai-2019", test_shanghai_2019);
  g_test_add_func ("/html/merged-snippet", test_merged_snippet);
  g_test_add_func ("/html/flattening", test_flattening);
  g_test_add_func ("/html/layout-table", test_layout_table);
  g_test_add_func ("/html/odd-spans", test_odd_spans);
  g_test_add_func ("/html/gb18030-page", test_gb18030_page);
  g_test_add_func ("/html/mutations", test_mutations);
  return g_test_run ();
}
