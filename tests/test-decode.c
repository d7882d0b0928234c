/* test-decode.c: text reports in every encoding and line end decode alike */
#include <string.h>

#include "cf-test-util.h"

static const char *const corpus_texts[] = {
  "danfeng-psb-2020.txt",
  "shenzhen-psb-2020.txt",
  "shizuishan-psb-2020.txt",
  "zhaotong-psb-2016.txt",
  "zibo-gaoxin-psb-2022.txt",
};

/* Traditional-script reports, which also travel as Big5. glibc's plain BIG5
 * lacks 〇 (U+3007, in shenzhen), so that one is encoded as BIG5-HKSCS. */
static const struct
{
  const char *name;
  const char *big5_charset;
} traditional_texts[] = {
  { "danfeng-psb-2020.txt", "BIG5" },
  { "shenzhen-psb-2020.txt", "BIG5-HKSCS" },
};

typedef struct
{
  const char *label;
  const char *charset;  /* what the test encodes with */
  const char *bom;      /* prepended as is */
  gsize       bom_len;
  const char *line_end; /* replaces each '\n' */
  const char *expected; /* the encoding cf_decode_text must report */
} Variant;

static const Variant variants[] = {
  { "utf-8", "UTF-8", "", 0, "\n", "UTF-8" },
  { "utf-8-bom", "UTF-8", "\xEF\xBB\xBF", 3, "\n", "UTF-8" },
  { "gb18030", "GB18030", "", 0, "\n", "GB18030" },
  { "utf-16le-bom", "UTF-16LE", "\xFF\xFE", 2, "\n", "UTF-16LE" },
  { "utf-16be-bom", "UTF-16BE", "\xFE\xFF", 2, "\n", "UTF-16BE" },
  { "crlf", "UTF-8", "", 0, "\r\n", "UTF-8" },
  { "cr", "UTF-8", "", 0, "\r", "UTF-8" },
  { "gb18030-crlf", "GB18030", "", 0, "\r\n", "GB18030" },
  { "utf-16le-crlf", "UTF-16LE", "\xFF\xFE", 2, "\r\n", "UTF-16LE" },
};

static char *
read_corpus_text (const char *name, gsize *len)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cf_test_path ("corpus", "text", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, *len, NULL));
  g_assert_null (memchr (contents, '\r', *len));
  return contents;
}

/* @utf8 with its line ends replaced, encoded in @charset, after @bom. */
static GBytes *
encode (const char *utf8, gsize len, const char *charset, const char *bom, gsize bom_len,
        const char *line_end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new_len (utf8, len);
  g_autofree char *converted = NULL;
  gsize converted_len = 0;
  GByteArray *out = g_byte_array_new ();

  if (strcmp (line_end, "\n") != 0)
    g_string_replace (text, "\n", line_end, 0);
  converted = g_convert (text->str, text->len, charset, "UTF-8", NULL, &converted_len, &error);
  g_assert_no_error (error);
  g_byte_array_append (out, (const guint8 *) bom, bom_len);
  g_byte_array_append (out, (const guint8 *) converted, converted_len);
  return g_byte_array_free_to_bytes (out);
}

static char *
decode_bytes (GBytes *bytes, const char *name, char **encoding, gsize *len, GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return cf_decode_text (data, size, name, encoding, len, error);
}

static void
assert_decodes_to (GBytes *bytes, const char *name, const char *original, gsize original_len,
                   const char *expected_encoding)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  text = decode_bytes (bytes, name, &encoding, &len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpstr (encoding, ==, expected_encoding);
  g_assert_cmpuint (len, ==, original_len);
  g_assert_cmpint (text[len], ==, '\0');
  g_assert_true (memcmp (text, original, len) == 0);
}

/* Same tables, same cells, same offsets: the text is the same. */
static void
assert_same_tables (CfDocument *expected, CfDocument *actual)
{
  GPtrArray *a = cf_document_get_tables (expected);
  GPtrArray *b = cf_document_get_tables (actual);

  g_assert_cmpstr (cf_document_get_text (actual, NULL), ==, cf_document_get_text (expected, NULL));
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint t = 0; t < a->len; t++)
    {
      CfTable *ta = a->pdata[t], *tb = b->pdata[t];

      g_assert_cmpstr (cf_table_get_title (tb), ==, cf_table_get_title (ta));
      g_assert_cmpint (cf_table_get_n_rows (tb), ==, cf_table_get_n_rows (ta));
      g_assert_cmpint (cf_table_get_n_cols (tb), ==, cf_table_get_n_cols (ta));
      g_assert_cmpuint (cf_table_get_n_cells (tb), ==, cf_table_get_n_cells (ta));
      for (guint i = 0; i < cf_table_get_n_cells (ta); i++)
        {
          CfCell *ca = cf_table_get_cell_at (ta, i), *cb = cf_table_get_cell_at (tb, i);

          g_assert_cmpint (cb->row, ==, ca->row);
          g_assert_cmpint (cb->col, ==, ca->col);
          g_assert_cmpint (cb->row_span, ==, ca->row_span);
          g_assert_cmpint (cb->col_span, ==, ca->col_span);
          g_assert_cmpstr (cb->text, ==, ca->text);
          g_assert_cmpint (cb->offset, ==, ca->offset);
          g_assert_cmpint (cb->length, ==, ca->length);
          g_assert_cmpint (cb->flags, ==, ca->flags);
        }
    }
}

static CfDocument *
load (GBytes *bytes, const char *name)
{
  g_autoptr (GError) error = NULL;
  CfDocument *doc = cf_loader_load_bytes (bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_corpus_reencoded (void)
{
  for (gsize f = 0; f < G_N_ELEMENTS (corpus_texts); f++)
    {
      gsize len = 0;
      g_autofree char *original = read_corpus_text (corpus_texts[f], &len);
      g_autoptr (GBytes) plain = g_bytes_new (original, len);
      g_autoptr (CfDocument) reference = load (plain, corpus_texts[f]);

      for (gsize v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          const Variant *variant = &variants[v];
          g_autoptr (GBytes) bytes = encode (original, len, variant->charset, variant->bom,
                                             variant->bom_len, variant->line_end);
          g_autofree char *name = g_strdup_printf ("%s.%s", corpus_texts[f], variant->label);
          g_autoptr (CfDocument) doc = NULL;

          g_test_message ("%s", name);
          assert_decodes_to (bytes, name, original, len, variant->expected);
          doc = load (bytes, name);
          g_assert_cmpstr (cf_document_get_encoding (doc), ==, variant->expected);
          assert_same_tables (reference, doc);
        }
    }
}

static void
test_big5 (void)
{
  for (gsize f = 0; f < G_N_ELEMENTS (traditional_texts); f++)
    {
      gsize len = 0;
      g_autofree char *original = read_corpus_text (traditional_texts[f].name, &len);
      g_autoptr (GBytes) plain = g_bytes_new (original, len);
      g_autoptr (CfDocument) reference = load (plain, traditional_texts[f].name);
      g_autoptr (GBytes) bytes = encode (original, len, traditional_texts[f].big5_charset, "", 0,
                                         "\r\n");
      g_autoptr (CfDocument) doc = NULL;

      /* Plain Big5 when it decodes, its Hong Kong superset otherwise. */
      assert_decodes_to (bytes, traditional_texts[f].name, original, len,
                         traditional_texts[f].big5_charset);
      doc = load (bytes, traditional_texts[f].name);
      assert_same_tables (reference, doc);
    }
}

static void
test_line_ends (void)
{
  const char input[] = "一\r\n二\r三\n\r\n四\r\r五";
  g_autoptr (GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  text = cf_decode_text ((const guint8 *) input, sizeof input - 1, "ends.txt", &encoding, &len,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "一\n二\n三\n\n四\n\n五");
  g_assert_cmpuint (len, ==, strlen (text));
}

/* UTF-16 saved without a BOM shows itself by its NUL bytes. */
static void
test_bomless_utf16 (void)
{
  const char *original = "Table 1\nitem\tcount\nrules\t3\n";
  g_autoptr (GBytes) le = encode (original, strlen (original), "UTF-16LE", "", 0, "\n");
  g_autoptr (GBytes) be = encode (original, strlen (original), "UTF-16BE", "", 0, "\n");

  assert_decodes_to (le, "le.txt", original, strlen (original), "UTF-16LE");
  assert_decodes_to (be, "be.txt", original, strlen (original), "UTF-16BE");
}

/* A line or two gives uchardet little to go on; the decode still has to
 * come out right (Big5 bytes also decode, wrongly, as GB18030). */
static void
test_short_cjk (void)
{
  const char *simplified[] = { "政府信息公开", "二、收到和处理政府信息公开申请情况\n", "本年新收 13\n" };
  const char *traditional[] = { "政府資訊公開申請", "二、收到和處理政府信息公開申請情況\n",
                                "本機關認真貫徹落實條例\n", "申請數量 3", "年度報告" };

  for (gsize i = 0; i < G_N_ELEMENTS (simplified); i++)
    {
      g_autoptr (GBytes) gb = encode (simplified[i], strlen (simplified[i]), "GB18030", "", 0, "\n");

      assert_decodes_to (gb, "short-gb.txt", simplified[i], strlen (simplified[i]), "GB18030");
    }
  for (gsize i = 0; i < G_N_ELEMENTS (traditional); i++)
    {
      g_autoptr (GBytes) big5 = encode (traditional[i], strlen (traditional[i]), "BIG5", "", 0, "\n");

      assert_decodes_to (big5, "short-big5.txt", traditional[i], strlen (traditional[i]), "BIG5");
    }
}

static void
assert_error (const guint8 *data, gsize len, const char *name, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  g_autoptr (CfDocument) doc = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);
  gsize out_len = 0;

  text = cf_decode_text (data, len, name, &encoding, &out_len, &error);
  g_assert_null (text);
  g_assert_error (error, CF_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  /* The same through the document loader, named after the path's base name. */
  {
    g_autofree char *path = g_build_filename ("/some/folder", name, NULL);

    doc = cf_loader_load_bytes (bytes, path, NULL, NULL, &error);
    g_assert_null (doc);
    g_assert_error (error, CF_ERROR, code);
    g_assert_true (g_str_has_prefix (error->message, prefix));
  }
}

static void
test_empty (void)
{
  const char whitespace[] = " \n\t\r\n\xE3\x80\x80 \xC2\xA0\n";
  const char utf16_blank[] = "\xFF\xFE \0\n\0\t\0";

  assert_error ((const guint8 *) "", 0, "empty.txt", CF_ERROR_EMPTY);
  assert_error ((const guint8 *) whitespace, sizeof whitespace - 1, "blank.txt", CF_ERROR_EMPTY);
  assert_error ((const guint8 *) "\xEF\xBB\xBF", 3, "bom.txt", CF_ERROR_EMPTY);
  assert_error ((const guint8 *) "\xFF\xFE", 2, "bom16.txt", CF_ERROR_EMPTY);
  assert_error ((const guint8 *) utf16_blank, sizeof utf16_blank - 1, "blank16.txt",
                CF_ERROR_EMPTY);

  {
    g_autoptr (GError) error = NULL;
    gsize out_len = 0;
    char *encoding = NULL;

    g_assert_null (cf_decode_text ((const guint8 *) "", 0, "empty.txt", &encoding, &out_len,
                                   &error));
    g_assert_cmpstr (error->message, ==, "empty.txt: the file is empty");
  }
}

static GByteArray *
random_bytes (const char *header, gsize header_len, gsize n)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20250101);
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) header, header_len);
  for (gsize i = 0; i < n; i++)
    {
      guint8 b = g_rand_int_range (rand, 0, 256);
      g_byte_array_append (out, &b, 1);
    }
  return out;
}

static void
test_binary (void)
{
  g_autoptr (GByteArray) png = random_bytes ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, 4096);
  g_autoptr (GByteArray) noise = random_bytes ("", 0, 4096);
  g_autoptr (GByteArray) elf = NULL;
  g_autofree char *ls = NULL;
  gsize ls_len = 0;
  /* Text with NULs scattered in it, not in a UTF-16 pattern. */
  const char nul_text[] = "报告\0正文\0\0第一行\n";
  /* Control characters throughout, no NUL. */
  g_autoptr (GString) controls = g_string_new (NULL);

  assert_error (png->data, png->len, "scan.png", CF_ERROR_BINARY);
  assert_error (noise->data, noise->len, "noise.bin", CF_ERROR_BINARY);

  if (g_file_get_contents ("/bin/ls", &ls, &ls_len, NULL) && g_str_has_prefix (ls, "\x7f" "ELF"))
    assert_error ((const guint8 *) ls, ls_len, "ls", CF_ERROR_BINARY);
  elf = random_bytes ("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0", 20, 2048);
  assert_error (elf->data, elf->len, "program", CF_ERROR_BINARY);

  assert_error ((const guint8 *) nul_text, sizeof nul_text - 1, "nul.txt", CF_ERROR_BINARY);
  for (int i = 0; i < 200; i++)
    g_string_append (controls, "ab\x01\x02\x03\x04");
  assert_error ((const guint8 *) controls->str, controls->len, "ctl.txt", CF_ERROR_BINARY);

  {
    g_autoptr (GError) error = NULL;
    gsize out_len = 0;
    char *encoding = NULL;

    g_assert_null (cf_decode_text (png->data, png->len, "scan.png", &encoding, &out_len, &error));
    g_assert_cmpstr (error->message, ==,
                     "scan.png: this is not a text, HTML or PDF report (binary data)");
  }
}

static void
test_bad_encoding (void)
{
  /* Odd length after a UTF-16 BOM: the last character was cut. */
  const char truncated[] = "\xFF\xFE\x2C\x67\x74\x5E\x0A";
  const char truncated_be[] = "\xFE\xFF\x67\x2C\x5E";
  /* 0xFF starts nothing in UTF-8, GB18030 or Big5. */
  g_autoptr (GString) invalid = g_string_new (NULL);
  /* A lone GB18030 lead byte at the very end. */
  g_autoptr (GString) cut_gb = g_string_new (NULL);
  g_autofree char *gb = NULL;
  gsize gb_len = 0;

  assert_error ((const guint8 *) truncated, sizeof truncated - 1, "cut16.txt", CF_ERROR_ENCODING);
  assert_error ((const guint8 *) truncated_be, sizeof truncated_be - 1, "cut16be.txt",
                CF_ERROR_ENCODING);

  for (int i = 0; i < 50; i++)
    g_string_append (invalid, "Report line \xFF\xFF value 12\n");
  assert_error ((const guint8 *) invalid->str, invalid->len, "latin.txt", CF_ERROR_ENCODING);

  gb = g_convert ("政府信息公开工作年度报告\n", -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  g_assert_nonnull (gb);
  g_string_append_len (cut_gb, gb, gb_len);
  g_string_append (cut_gb, "\xFF\xFE\xFF");
  assert_error ((const guint8 *) cut_gb->str, cut_gb->len, "cut-gb.txt", CF_ERROR_ENCODING);
}

/* 100 MB of report text: decoding stays linear and quick. */
static void
test_large_input (void)
{
  gsize len = 0;
  g_autofree char *original = read_corpus_text ("zhaotong-psb-2016.txt", &len);
  const gsize target = 100 * 1024 * 1024;
  g_autoptr (GString) big = g_string_sized_new (target + len);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autofree char *gb = NULL;
  gsize out_len = 0, gb_len = 0;
  gint64 start, elapsed;

  /* Prose only: each line stands alone. */
  while (big->len < target)
    g_string_append (big, "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。\r\n");

  start = g_get_monotonic_time ();
  text = cf_decode_text ((const guint8 *) big->str, big->len, "big.txt", &encoding, &out_len,
                         &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpuint (out_len, <, big->len);
  g_test_message ("100 MB UTF-8 (CRLF) decoded in %.2f s", elapsed / 1e6);
  g_assert_cmpfloat (elapsed / 1e6, <, cf_test_time_limit (20));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&encoding, g_free);

  gb = g_convert (big->str, big->len, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  text = cf_decode_text ((const guint8 *) gb, gb_len, "big-gb.txt", &encoding, &out_len, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_test_message ("%.0f MB GB18030 decoded in %.2f s", gb_len / 1048576.0, elapsed / 1e6);
  g_assert_cmpfloat (elapsed / 1e6, <, cf_test_time_limit (20));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&gb, g_free);

  /* The whole load, table search included, loads or fails clearly in time. */
  bytes = g_string_free_to_bytes (g_steal_pointer (&big));
  start = g_get_monotonic_time ();
  {
    g_autoptr (CfDocument) doc = cf_loader_load_bytes (bytes, "big.txt", NULL, NULL, &error);

    elapsed = g_get_monotonic_time () - start;
    g_test_message ("100 MB document loaded in %.2f s (%s)", elapsed / 1e6,
                    doc ? "ok" : error->message);
    g_assert_true (doc != NULL || g_str_has_prefix (error->message, "big.txt: "));
  }
  g_assert_cmpfloat (elapsed / 1e6, <, cf_test_time_limit (20));
}

/* html2text 1.3.2a counts bytes as columns: a later cell overwrites the end
 * of a Chinese label, leaving half a character. The text is read, each
 * broken run as U+FFFD, the damage said; through the loader, as a note. */
static void
test_salvage (void)
{
  g_autoptr (GString) data = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CfDocument) doc = NULL;
  CfDecodeDamage damage;
  gsize out_len = 0;
  gboolean noted = FALSE;

  g_string_append (data, "二、主动公开政府信息情况\n信息内容   本年新制作数量\n规章     0       21\n");
  /* 规范性文件 with the last byte of 文 overwritten by the column's 0. */
  g_string_append (data, "规范性\xE6\x96" "0件    1       31\n");
  g_string_append (data, "三、收到和处理政府信息公开申请情况\n");

  text = cf_decode_text ((const guint8 *) data->str, data->len, "cut.txt", &encoding, &out_len, &error);
  g_assert_null (text);
  g_assert_error (error, CF_ERROR, CF_ERROR_ENCODING);
  g_clear_error (&error);
  g_clear_pointer (&encoding, g_free);

  text = cf_decode_text_salvage ((const guint8 *) data->str, data->len, "cut.txt", &encoding, &out_len,
                                 &damage, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpuint (damage.n_broken, ==, 1);
  g_assert_cmpuint (damage.first_broken, ==, strstr (data->str, "\xE6\x96" "0") - data->str);
  g_assert_nonnull (strstr (text, "规范性\xEF\xBF\xBD" "0件    1       31"));
  g_assert_true (g_utf8_validate (text, (gssize) out_len, NULL));

  bytes = g_bytes_new (data->str, data->len);
  doc = cf_loader_load_bytes (bytes, "/some/folder/cut.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cf_document_get_notes (doc)->len; i++)
    {
      CfFinding *note = g_ptr_array_index (cf_document_get_notes (doc), i);

      noted |= g_strcmp0 (note->rule, "extract.broken_text") == 0;
    }
  g_assert_true (noted);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/decode/corpus-reencoded", test_corpus_reencoded);
  g_test_add_func ("/decode/big5", test_big5);
  g_test_add_func ("/decode/line-ends", test_line_ends);
  g_test_add_func ("/decode/bomless-utf16", test_bomless_utf16);
  g_test_add_func ("/decode/short-cjk", test_short_cjk);
  g_test_add_func ("/decode/empty", test_empty);
  g_test_add_func ("/decode/binary", test_binary);
  g_test_add_func ("/decode/bad-encoding", test_bad_encoding);
  g_test_add_func ("/decode/salvage", test_salvage);
  g_test_add_func ("/decode/large-input", test_large_input);
  return g_test_run ();
}
