/* test-cli.c: crossfoot-cli run as a user runs it, on the corpus */
#include <locale.h>
#include <string.h>
#include "cf-cell-labels.h"
#include "cf-test-util.h"

static const char *const corpus_texts[] = {
  "danfeng-psb-2020.txt", "shenzhen-psb-2020.txt", "shizuishan-psb-2020.txt",
  "zhaotong-psb-2016.txt", "zibo-gaoxin-psb-2022.txt",
};

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("CF_CLI");

  g_assert_nonnull (cli);
  return cli;
}

/* Runs the CLI with @args (NULL-terminated), feeding @input on stdin when given. */
static void
run_cli (Run *run, const char *input, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (input == NULL)
    {
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &run->out, &run->err, &wait_status, &error));
    }
  else
    {
      /* g_spawn_sync cannot feed stdin; a subprocess launcher can. */
      g_autoptr (GSubprocess) proc = g_subprocess_newv ((const char *const *) argv->pdata,
                                                         G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                         | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                         | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                         &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (proc, input, NULL, &run->out, &run->err,
                                                    &error));
      wait_status = g_subprocess_get_status (proc);
    }
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
corpus_file (const char *sub, const char *name)
{
  return cf_test_path ("corpus", sub, name, NULL);
}

static void
test_version_and_help (void)
{
  g_auto (Run) version = { 0 };
  g_auto (Run) help = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (Run) audit_help = { 0 };

  run_cli (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "crossfoot-cli "));

  run_cli (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "audit"));
  g_assert_nonnull (strstr (help.out, "extract"));
  g_assert_nonnull (strstr (help.out, "export"));

  run_cli (&audit_help, NULL, "audit", "--help", NULL);
  g_assert_cmpint (audit_help.status, ==, 0);
  g_assert_nonnull (strstr (audit_help.out, "--json"));

  run_cli (&bad, NULL, "frobnicate", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "frobnicate"));
}

/* Checks one audit --json line against the file it describes. */
static JsonObject *
check_json_line (JsonParser *parser, const char *line, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize len = 0;
  JsonObject *root, *meta;

  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  meta = json_object_get_object_member (root, "document");
  g_assert_nonnull (meta);
  if (path != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (meta, "path"), ==, path);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_assert_cmpstr (json_object_get_string_member (meta, "sha256"), ==, sha256);
    }
  g_assert_cmpstr (json_object_get_string_member (meta, "kind"), ==, "text");
  g_assert_true (json_object_get_null_member (meta, "pages"));
  g_assert_nonnull (json_object_get_string_member (meta, "encoding"));
  g_assert_true (json_object_has_member (root, "form"));
  g_assert_nonnull (json_object_get_array_member (root, "tables"));
  g_assert_nonnull (json_object_get_array_member (root, "findings"));
  return root;
}

static void
test_audit_json (void)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path ());
  g_ptr_array_add (argv, "audit");
  g_ptr_array_add (argv, "--json");
  for (gsize i = 0; i < G_N_ELEMENTS (corpus_texts); i++)
    {
      char *path = corpus_file ("text", corpus_texts[i]);

      g_ptr_array_add (args, path);
      g_ptr_array_add (argv, path);
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  /* 0 or 1 depending on what the audit finds; never 2: every file is readable. */
  g_assert_cmpint (WEXITSTATUS (wait_status), <=, 1);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_str_has_suffix (out, "\n"));

  lines = g_strsplit (out, "\n", -1);
  /* One line per file, then the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, args->len + 1);
  for (guint i = 0; i < args->len; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      check_json_line (parser, lines[i], g_ptr_array_index (args, i));
    }
}

static void
test_audit_human (void)
{
  g_autofree char *path = corpus_file ("text", "shenzhen-psb-2020.txt");
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;

  run_cli (&run, NULL, "audit", path, NULL);
  g_assert_cmpint (run.status, <=, 1);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  lines = g_strsplit (run.out, "\n", -1);
  /* Header: path, kind, encoding, form, tables. */
  g_assert_true (g_str_has_prefix (lines[0], path));
  g_assert_nonnull (strstr (lines[0], "text"));
  g_assert_nonnull (strstr (lines[0], "UTF-8"));
  g_assert_nonnull (strstr (lines[0], "table"));
  /* Every further line is SEVERITY rule where: message. */
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr (GRegex) re = g_regex_new ("^(ERROR|WARNING|INFO) \\S+ (\\S+|line \\d+|page \\d+): ", 0, 0, NULL);

      g_assert_true (g_regex_match (re, lines[i], 0, NULL));
      if (g_str_has_prefix (lines[i], "ERROR"))
        g_assert_cmpint (run.status, ==, 1);
    }
}

static void
test_audit_stdin (void)
{
  g_autofree char *path = corpus_file ("text", "danfeng-psb-2020.txt");
  g_autofree char *contents = NULL;
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *meta;
  g_autofree char *sha256 = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  run_cli (&run, contents, "audit", "--json", "-", NULL);
  g_assert_cmpint (run.status, <=, 1);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  /* Exactly one line. */
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
  root = check_json_line (parser, run.out, NULL);
  meta = json_object_get_object_member (root, "document");
  g_assert_cmpstr (json_object_get_string_member (meta, "path"), ==, "-");
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_assert_cmpstr (json_object_get_string_member (meta, "sha256"), ==, sha256);
}

static void
test_audit_bad_inputs (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *good = corpus_file ("text", "shenzhen-psb-2020.txt");
  guint8 junk[4096];
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7919 % 256);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, (const char *) junk, sizeof junk, NULL));

  run_cli (&run, NULL, "audit", "--json", empty, good, binary, missing, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "empty.txt"));
  g_assert_nonnull (strstr (run.err, "binary.txt"));
  g_assert_nonnull (strstr (run.err, "missing.txt"));
  /* The readable file is still reported. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();

    check_json_line (parser, lines[0], good);
  }

  /* A corrections file that cannot be read: a message naming it and exit 2. */
  {
    g_auto (Run) corr = { 0 };

    run_cli (&corr, NULL, "audit", "--corrections", "fixes.json", good, NULL);
    g_assert_cmpint (corr.status, ==, 2);
    g_assert_nonnull (strstr (corr.err, "fixes.json"));
  }
  /* Nor one that is not a corrections file. */
  {
    g_auto (Run) corr = { 0 };

    run_cli (&corr, NULL, "audit", "--corrections", good, good, NULL);
    g_assert_cmpint (corr.status, ==, 2);
    g_assert_nonnull (strstr (corr.err, "shenzhen-psb-2020.txt: line 1"));
  }
  cf_test_rm_rf (dir);
}

/* Parses a CSV we wrote (RFC 4180) and returns the number of rows; fails on bad quoting. */
static guint
count_csv_rows (const char *text, guint *n_fields_first)
{
  guint rows = 0, fields = 1;
  gboolean quoted = FALSE;

  *n_fields_first = 0;
  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            p++;
          else if (*p == '"')
            {
              quoted = FALSE;
              g_assert_true (p[1] == ',' || p[1] == '\r');
            }
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        fields++;
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          if (rows == 0)
            *n_fields_first = fields;
          rows++;
          fields = 1;
          p++;
        }
      else
        g_assert_cmpint (*p, !=, '\n');
    }
  g_assert_false (quoted);
  return rows;
}

static void
test_extract (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *out_dir = g_build_filename (dir, "csv", NULL);
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  guint n_csv = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (corpus_texts); i++)
    {
      g_autofree char *path = corpus_file ("text", corpus_texts[i]);
      g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", corpus_texts[i]);
      g_autofree char *stem = g_strndup (corpus_texts[i], strlen (corpus_texts[i]) - 4);
      g_auto (Run) one = { 0 };

      cf_audit_document (doc, NULL);
      run_cli (&one, NULL, "extract", path, "-o", out_dir, NULL);
      g_assert_cmpint (one.status, <=, 1);
      /* One CSV per table, named <stem>-<table id>.csv, each parsing back. */
      for (guint t = 0; t < cf_document_get_tables (doc)->len; t++)
        {
          CfTable *table = g_ptr_array_index (cf_document_get_tables (doc), t);
          g_autofree char *name = g_strdup_printf ("%s-%s.csv", stem, cf_table_get_id (table));
          g_autofree char *csv_path = g_build_filename (out_dir, name, NULL);
          g_autofree char *csv = NULL;
          guint n_fields = 0;

          g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
          g_assert_true (g_utf8_validate (csv, -1, NULL));
          /* The table, then (after an empty line) the cells findings name. */
          if (strstr (csv, "\r\n\r\n") != NULL)
            {
              g_assert_nonnull (strstr (csv, "\r\n\r\nrow,column,row_key,column_key,extracted,"
                                             "printed,corrected,findings\r\n"));
              strstr (csv, "\r\n\r\n")[2] = '\0';
            }
          /* One header row for the table's header rows, then its body. */
          g_assert_cmpuint (count_csv_rows (csv, &n_fields), ==,
                            (guint) (1 + cf_table_get_n_rows (table)
                                     - cf_table_labels_get_n_header_rows (
                                         cf_table_labels_for_document (doc, table))));
          g_assert_cmpuint (n_fields, ==, (guint) cf_table_get_n_cols (table));
          g_assert_nonnull (strstr (one.out, csv_path));
          n_csv++;
        }
    }
  /* danfeng, shizuishan and zibo-gaoxin print their three tables as text;
   * kept at "some" so that table-finder work in progress does not break it. */
  g_test_message ("%u CSV files written", n_csv);
  g_assert_cmpuint (n_csv, >=, 3);

  /* GB18030 output decodes back to the UTF-8 one. */
  {
    g_autofree char *path = corpus_file ("text", "shenzhen-psb-2020.txt");
    g_autofree char *gb_dir = g_build_filename (dir, "gb", NULL);

    run_cli (&run, NULL, "extract", path, "-o", gb_dir, "--encoding", "gb18030", NULL);
    g_assert_cmpint (run.status, <=, 1);
    lines = g_strsplit (run.out, "\n", -1);
    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_autofree char *gb = NULL, *utf8 = NULL, *back = NULL;
        g_autofree char *base = g_path_get_basename (lines[i]);
        g_autofree char *utf8_path = g_build_filename (out_dir, base, NULL);
        gsize len = 0;

        g_assert_true (g_file_get_contents (lines[i], &gb, &len, NULL));
        g_assert_true (g_file_get_contents (utf8_path, &utf8, NULL, NULL));
        back = g_convert (gb, (gssize) len, "UTF-8", "GB18030", NULL, NULL, NULL);
        g_assert_cmpstr (back, ==, utf8);
      }
  }

  {
    g_auto (Run) bad = { 0 };
    g_autofree char *path = corpus_file ("text", "shenzhen-psb-2020.txt");

    run_cli (&bad, NULL, "extract", path, "-o", out_dir, "--encoding", "latin1", NULL);
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_nonnull (strstr (bad.err, "latin1"));
  }
  cf_test_rm_rf (dir);
}

static void
test_export_long (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "cells.csv", NULL);
  g_autofree char *findings = g_build_filename (dir, "findings.csv", NULL);
  g_autofree char *a = corpus_file ("text", "shenzhen-psb-2020.txt");
  g_autofree char *b = corpus_file ("text", "danfeng-psb-2020.txt");
  g_autofree char *csv = NULL, *fcsv = NULL;
  g_auto (Run) run = { 0 };
  guint n_fields = 0;

  run_cli (&run, NULL, "export", a, b, "--long", "-o", out, "--findings", findings, NULL);
  g_assert_cmpint (run.status, <=, 1);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  /* The spec's eight columns, then the analyst's trail (docs/cli.md). */
  g_assert_true (g_str_has_prefix (csv, "document,form,table,row,column,text,value,unit,"
                                        "table_title,extracted,corrected,findings,row_label,column_label\r\n"));
  g_assert_cmpuint (count_csv_rows (csv, &n_fields), >=, 1);
  g_assert_cmpuint (n_fields, ==, 14);
  g_assert_true (g_file_get_contents (findings, &fcsv, NULL, NULL));
  /* The analyst's verdicts travel with the findings, in two last columns. */
  g_assert_true (g_str_has_prefix (fcsv, "document,severity,rule,table,cells,expected,actual,"
                                         "message,accepted,note\r\n"));
  g_assert_cmpuint (count_csv_rows (fcsv, &n_fields), >=, 1);
  g_assert_cmpuint (n_fields, ==, 10);

  /* With a BOM. */
  {
    g_auto (Run) bom = { 0 };
    g_autofree char *bom_csv = NULL;

    run_cli (&bom, NULL, "export", a, "--long", "-o", out, "--encoding", "utf-8-bom", NULL);
    g_assert_cmpint (bom.status, <=, 1);
    g_assert_true (g_file_get_contents (out, &bom_csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (bom_csv, "\xEF\xBB\xBF" "document,"));
  }

  /* Without --long: a usage error. */
  {
    g_auto (Run) bad = { 0 };

    run_cli (&bad, NULL, "export", a, "-o", out, NULL);
    g_assert_cmpint (bad.status, ==, 2);
  }
  cf_test_rm_rf (dir);
}

/* The offset of the requests cell (@row_key, @col_key) in the audit JSON of @path, or -1. */
static gint64
cell_offset (const char *path, const char *row_key, const char *col_key)
{
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *tables;

  run_cli (&run, NULL, "audit", "--json", path, NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "tables");
  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);
      JsonArray *cells = json_object_get_array_member (table, "cells");

      if (g_strcmp0 (json_object_get_string_member (table, "id"), "requests") != 0)
        continue;
      for (guint c = 0; c < json_array_get_length (cells); c++)
        {
          JsonObject *cell = json_array_get_object_element (cells, c);

          if (g_strcmp0 (json_object_get_string_member (cell, "row_key"), row_key) == 0
              && g_strcmp0 (json_object_get_string_member (cell, "col_key"), col_key) == 0
              && !json_object_get_null_member (cell, "offset"))
            return json_object_get_int_member (cell, "offset");
        }
    }
  return -1;
}

static void
test_audit_pdf (void)
{
  g_autofree char *pdf = cf_test_path ("pdf", "shanghai-gov-office-2019.pdf", NULL);
  g_autofree char *locked = cf_test_path ("pdf", "encrypted.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (Run) run = { 0 };
  g_auto (Run) no_password = { 0 };
  g_auto (Run) with_password = { 0 };
  JsonObject *root, *meta;
  JsonArray *tables;
  gsize len = 0;
  guint n_placed = 0;

  run_cli (&run, NULL, "audit", "--json", pdf, NULL);
  g_assert_cmpint (run.status, <=, 1);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  meta = json_object_get_object_member (root, "document");
  g_assert_cmpstr (json_object_get_string_member (meta, "kind"), ==, "pdf");
  g_assert_cmpint (json_object_get_int_member (meta, "pages"), >=, 1);
  g_assert_true (json_object_get_null_member (meta, "encoding"));
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (json_object_get_string_member (meta, "sha256"), ==, sha256);
  /* PDF cells: page and bbox, never an offset. */
  tables = json_object_get_array_member (root, "tables");
  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonArray *cells = json_object_get_array_member (json_array_get_object_element (tables, t),
                                                       "cells");

      for (guint c = 0; c < json_array_get_length (cells); c++)
        {
          JsonObject *cell = json_array_get_object_element (cells, c);

          g_assert_true (json_object_get_null_member (cell, "offset"));
          if (!json_object_get_null_member (cell, "page"))
            {
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cell, "bbox")),
                                ==, 4);
              n_placed++;
            }
        }
    }
  g_test_message ("%u PDF cells with a page and a box", n_placed);

  /* An encrypted PDF: exit 2 and a message naming it; with its password it opens. */
  run_cli (&no_password, NULL, "audit", locked, NULL);
  g_assert_cmpint (no_password.status, ==, 2);
  g_assert_nonnull (strstr (no_password.err, "encrypted.pdf"));
  run_cli (&with_password, NULL, "audit", "--password", "secret", locked, NULL);
  g_assert_cmpint (with_password.status, <=, 1);
  g_assert_true (g_str_has_prefix (with_password.out, locked));
  g_assert_nonnull (strstr (with_password.out, "pdf"));
}

static void
test_non_utf8_file_name (void)
{
  /* A file name that is not UTF-8 still gives UTF-8 output. */
  g_autofree char *src = corpus_file ("text", "zibo-gaoxin-psb-2022.txt");
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report-\xff\xfe.txt", NULL);
  g_autofree char *dir_out = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *text = NULL, *csv = NULL;
  g_auto (Run) json = { 0 };
  g_auto (Run) human = { 0 };
  g_auto (Run) export = { 0 };
  gsize len = 0;

  g_assert_true (g_file_get_contents (src, &text, &len, NULL));
  g_assert_true (g_file_set_contents (path, text, (gssize) len, NULL));
  run_cli (&json, NULL, "audit", "--json", path, NULL);
  g_assert_cmpint (json.status, <=, 1);
  g_assert_true (g_utf8_validate (json.out, -1, NULL));
  g_assert_nonnull (strstr (json.out, "report-"));
  run_cli (&human, NULL, "audit", path, NULL);
  g_assert_cmpint (human.status, <=, 1);
  g_assert_true (g_utf8_validate (human.out, -1, NULL));
  run_cli (&export, NULL, "export", "--long", "-o", dir_out, path, NULL);
  g_assert_cmpint (export.status, <=, 1);
  g_assert_true (g_file_get_contents (dir_out, &csv, NULL, NULL));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_nonnull (strstr (csv, "report-\xef\xbf\xbd"));
  cf_test_rm_rf (dir);
}

static void
test_audit_across_years (void)
{
  /* The 2022 report and a made-up 2023 one of the same body whose 上年结转
   * (natural persons) is 5 where 2022 carried 0 forward: requests.carry must
   * land on the 2023 report, through the CLI's light batch copies. */
  g_autofree char *src = corpus_file ("text", "zibo-gaoxin-psb-2022.txt");
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *y2022 = g_build_filename (dir, "zibo-2022.txt", NULL);
  g_autofree char *y2023 = g_build_filename (dir, "zibo-2023.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_auto (Run) run = { 0 };
  g_auto (Run) human = { 0 };
  g_auto (GStrv) lines = NULL;
  gsize len = 0;
  gint64 offset;
  char *at;

  g_assert_true (g_file_get_contents (src, &text, &len, NULL));
  g_assert_true (g_file_set_contents (y2022, text, (gssize) len, NULL));
  offset = cell_offset (y2022, "carried_over", "natural_person");
  g_assert_cmpint (offset, >=, 0);
  g_assert_cmpint (text[offset], ==, '0');
  text[offset] = '5';
  at = strstr (text, "2022年政府信息公开工作年度报告");
  g_assert_nonnull (at);
  at[3] = '3';
  g_assert_true (g_file_set_contents (y2023, text, (gssize) len, NULL));

  run_cli (&run, NULL, "audit", "--json", y2023, y2022, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root = check_json_line (parser, lines[0], y2023);
    JsonArray *findings = json_object_get_array_member (root, "findings");
    gboolean found = FALSE;

    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "document"),
                                                 "year"), ==, 2023);
    for (guint i = 0; i < json_array_get_length (findings); i++)
      {
        JsonObject *f = json_array_get_object_element (findings, i);
        JsonObject *ref;

        if (g_strcmp0 (json_object_get_string_member (f, "rule"), "requests.carry") != 0)
          continue;
        ref = json_array_get_object_element (json_object_get_array_member (f, "cells"), 0);
        if (g_strcmp0 (json_object_get_string_member (ref, "col_key"), "natural_person") != 0)
          continue;
        found = TRUE;
        g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");
        g_assert_cmpstr (json_object_get_string_member (ref, "row_key"), ==, "carried_over");
        g_assert_cmpstr (json_object_get_string_member (f, "related_document"), ==, y2022);
      }
    g_assert_true (found);
  }
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root = check_json_line (parser, lines[1], y2022);
    JsonArray *findings = json_object_get_array_member (root, "findings");

    for (guint i = 0; i < json_array_get_length (findings); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, i),
                                                      "rule"), !=, "requests.carry");
  }

  /* The human output names it too, under the 2023 report. */
  run_cli (&human, NULL, "audit", y2022, y2023, NULL);
  g_assert_cmpint (human.status, ==, 1);
  title = g_strdup_printf ("%s:", y2023);
  g_assert_nonnull (strstr (human.out, "ERROR requests.carry requests[carried_over/natural_person]: "));
  g_assert_true (strstr (human.out, "ERROR requests.carry") > strstr (human.out, title));
  cf_test_rm_rf (dir);
}

static void
test_audit_corrections (void)
{
  /* A correction (as the app exports it) turns a 0 into 5; the audit sees 5. */
  g_autofree char *path = corpus_file ("text", "zibo-gaoxin-psb-2022.txt");
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *fixes = g_build_filename (dir, "fixes.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", "zibo-gaoxin-psb-2022.txt");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  GPtrArray *tables;
  CfCell *cell = NULL;
  guint index = 0;
  JsonArray *json_tables;
  gboolean seen = FALSE;

  cf_audit_document (doc, NULL);
  tables = cf_document_get_tables (doc);
  for (index = 0; index < tables->len && cell == NULL; index++)
    cell = cf_table_find_by_keys (g_ptr_array_index (tables, index), "carried_over", "natural_person");
  g_assert_nonnull (cell);
  index--;
  g_assert_cmpstr (cell->text, ==, "0");
  json = g_strdup_printf ("{\"sha256\": \"%s\", \"corrections\": [{\"table\": %u, \"row\": %d, "
                          "\"col\": %d, \"text\": \"5\", \"original\": \"0\"}]}",
                          cf_document_get_sha256 (doc), index, cell->row, cell->col);
  g_assert_true (g_file_set_contents (fixes, json, -1, NULL));

  run_cli (&run, NULL, "audit", "--json", "--corrections", fixes, path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  /* 一 + 二 no longer equals 三 + 四 in the natural-person column. */
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  json_tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "tables");
  {
    JsonArray *cells = json_object_get_array_member (json_array_get_object_element (json_tables, index),
                                                     "cells");

    for (guint i = 0; i < json_array_get_length (cells); i++)
      {
        JsonObject *c = json_array_get_object_element (cells, i);

        if (json_object_get_int_member (c, "row") != cell->row
            || json_object_get_int_member (c, "col") != cell->col)
          continue;
        seen = TRUE;
        g_assert_cmpstr (json_object_get_string_member (c, "text"), ==, "5");
        g_assert_cmpint (json_object_get_int_member (c, "value"), ==, 5);
        g_assert_cmpstr (json_object_get_string_member (c, "original_text"), ==, "0");
      }
  }
  g_assert_true (seen);

  /* Corrections made for other bytes are not applied, and the user is told. */
  {
    g_auto (Run) other = { 0 };
    g_autofree char *danfeng = corpus_file ("text", "danfeng-psb-2020.txt");

    run_cli (&other, NULL, "audit", "--corrections", fixes, danfeng, NULL);
    g_assert_cmpint (other.status, <=, 1);
    g_assert_nonnull (strstr (other.err, "fixes.json"));
  }
  cf_test_rm_rf (dir);
}

/* Saved work ---------------------------------------------------------------
 *
 * These tests save corrections, table edits and verdicts the way the app does
 * (through CfEditHistory and CfReview on the store at $CROSSFOOT_DATA_DIR),
 * then check that the CLI shows the report as the app would. */

static const char zibo[] = "zibo-gaoxin-psb-2022.txt";

/* A fresh CROSSFOOT_DATA_DIR for this test and the CLIs it runs; returns the
 * previous one (restore it with leave_data_dir). */
static char *
enter_data_dir (char **dir)
{
  char *previous = g_strdup (g_getenv ("CROSSFOOT_DATA_DIR"));

  *dir = cf_test_make_tmpdir ();
  g_setenv ("CROSSFOOT_DATA_DIR", *dir, TRUE);
  return previous;
}

static void
leave_data_dir (char *dir, char *previous)
{
  g_setenv ("CROSSFOOT_DATA_DIR", previous, TRUE);
  cf_test_rm_rf (dir);
  g_free (dir);
  g_free (previous);
}

/* The position of the requests cell 上年结转/自然人 ("0" in the report). */
static gboolean
find_carried_over (CfDocument *doc, guint *table_index, int *row, int *col)
{
  GPtrArray *tables = cf_document_get_tables (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      CfCell *cell = cf_table_find_by_keys (g_ptr_array_index (tables, t), "carried_over",
                                            "natural_person");

      if (cell != NULL)
        {
          *table_index = t;
          *row = cell->row;
          *col = cell->col;
          return TRUE;
        }
    }
  return FALSE;
}

/* What the analyst does in the app on the zibo report: an empty row inserted
 * at the top of the requests table (a structure edit: every cell below moves
 * down one), then 上年结转/自然人 corrected from 0 to 5 on the new grid.
 * With @value_only, only the correction. Returns FALSE (skipping the test)
 * when the requests table is not recognised. */
static gboolean
save_zibo_work (gboolean value_only, guint *table_index, int *row, int *col)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = cf_store_open (NULL, &error);
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", zibo);
  g_autoptr (CfEditHistory) history = NULL;

  g_assert_no_error (error);
  cf_audit_document (doc, NULL);
  if (!find_carried_over (doc, table_index, row, col))
    {
      g_test_skip ("the requests table of the report is not recognised");
      return FALSE;
    }
  history = cf_edit_history_new (doc, store);
  if (!value_only)
    {
      g_autoptr (CfEdit) insert = cf_edit_insert_row (*table_index, 0);

      g_assert_true (cf_edit_history_apply (history, insert, &error));
      g_assert_no_error (error);
      (*row)++;
    }
  g_assert_cmpstr (cf_test_cell_text (g_ptr_array_index (cf_document_get_tables (doc),
                                                         *table_index), *row, *col), ==, "0");
  g_assert_true (cf_edit_history_set_text (history, *table_index, *row, *col, "5", &error));
  g_assert_no_error (error);
  return TRUE;
}

/* The cell (@row, @col) of table @table_index in one audit --json line. */
static JsonObject *
json_cell (JsonObject *root, guint table_index, int row, int col)
{
  JsonArray *tables = json_object_get_array_member (root, "tables");
  JsonArray *cells;

  g_assert_cmpuint (table_index, <, json_array_get_length (tables));
  cells = json_object_get_array_member (json_array_get_object_element (tables, table_index),
                                        "cells");
  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *c = json_array_get_object_element (cells, i);

      if (json_object_get_int_member (c, "row") == row
          && json_object_get_int_member (c, "col") == col)
        return c;
    }
  return NULL;
}

/* The requests.balance finding of the natural-person column, or NULL. */
static JsonObject *
json_balance_finding (JsonObject *root)
{
  JsonArray *findings = json_object_get_array_member (root, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (f, "rule"), "requests.balance") == 0)
        return f;
    }
  return NULL;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Every entry of @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return g_strdup ("(none)");
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_saved_corrections (void)
{
  g_autofree char *path = corpus_file ("text", zibo);
  char *dir = NULL;
  char *previous = enter_data_dir (&dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint index = 0;
  int row = 0, col = 0;

  /* No database yet: the audit reads the report as extracted and creates nothing. */
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, NULL, "audit", "--json", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    after = list_dir (dir);
    g_assert_cmpstr (after, ==, "");
    g_clear_pointer (&after, g_free);
  }

  if (!save_zibo_work (FALSE, &index, &row, &col))
    {
      leave_data_dir (dir, previous);
      return;
    }
  before = list_dir (dir);

  /* By default: the grid as the analyst left it, and the error that follows. */
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root, *cell, *finding;

    run_cli (&run, NULL, "audit", "--json", path, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 1);
    root = check_json_line (parser, run.out, path);
    cell = json_cell (root, index, row, col);
    g_assert_nonnull (cell);
    g_assert_cmpstr (json_object_get_string_member (cell, "text"), ==, "5");
    g_assert_cmpint (json_object_get_int_member (cell, "value"), ==, 5);
    g_assert_cmpstr (json_object_get_string_member (cell, "original_text"), ==, "0");
    g_assert_cmpstr (json_object_get_string_member (cell, "row_key"), ==, "carried_over");
    /* The structure edit came first: the inserted top row is empty. */
    cell = json_cell (root, index, 0, 0);
    g_assert_nonnull (cell);
    g_assert_cmpstr (json_object_get_string_member (cell, "text"), ==, "");
    finding = json_balance_finding (root);
    g_assert_nonnull (finding);
    g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
    g_assert_false (json_object_has_member (finding, "accepted"));
  }

  /* --verbose says how many applied: one edit and one correction. */
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, NULL, "audit", "--verbose", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, zibo));
    g_assert_nonnull (strstr (run.err, "2 saved corrections and table edits applied"));
  }

  /* --no-saved-corrections: the report as published. */
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root, *cell;

    run_cli (&run, NULL, "audit", "--json", "--no-saved-corrections", path, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    root = check_json_line (parser, run.out, path);
    cell = json_cell (root, index, row - 1, col);
    g_assert_nonnull (cell);
    g_assert_cmpstr (json_object_get_string_member (cell, "text"), ==, "0");
    g_assert_false (json_object_has_member (cell, "original_text"));
    g_assert_null (json_balance_finding (root));
  }

  /* Reading left the database as it was (no -wal or -shm behind). */
  after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  leave_data_dir (dir, previous);
}

static void
test_saved_corrections_stale (void)
{
  /* A saved correction that no longer fits (its table is gone) is always
   * reported, with or without --verbose; the rest still applies. */
  g_autofree char *path = corpus_file ("text", zibo);
  char *dir = NULL;
  char *previous = enter_data_dir (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = cf_store_open (NULL, &error);
  g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", zibo);
  CfCorrection gone = { 99, 1, 1, (char *) "12", (char *) "3" };
  g_auto (Run) run = { 0 };

  g_assert_no_error (error);
  g_assert_true (cf_store_save_correction (store, cf_document_get_sha256 (doc), &gone, &error));
  g_assert_no_error (error);
  run_cli (&run, NULL, "audit", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, zibo));
  g_assert_nonnull (strstr (run.err, "1 saved correction or table edit no longer fits"));
  leave_data_dir (dir, previous);
}

static void
test_saved_corrections_equal_file (void)
{
  /* The saved corrections, exported as the app exports them and given with
   * --corrections instead, give the same output byte for byte. */
  g_autofree char *path = corpus_file ("text", zibo);
  char *dir = NULL;
  char *previous = enter_data_dir (&dir);
  g_autofree char *fixes = NULL;
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) saved = { 0 };
  g_auto (Run) file = { 0 };
  g_auto (Run) both = { 0 };
  guint index = 0;
  int row = 0, col = 0;

  if (!save_zibo_work (TRUE, &index, &row, &col))
    {
      leave_data_dir (dir, previous);
      return;
    }
  {
    g_autoptr (CfStore) store = cf_store_open (NULL, &error);
    g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", zibo);
    g_autoptr (GPtrArray) corrections = NULL;

    g_assert_no_error (error);
    corrections = cf_store_load_corrections (store, cf_document_get_sha256 (doc), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (corrections->len, ==, 1);
    json = cf_corrections_to_json (doc, corrections);
  }
  fixes = g_build_filename (dir, "fixes.json", NULL);
  g_assert_true (g_file_set_contents (fixes, json, -1, NULL));

  run_cli (&saved, NULL, "audit", "--json", path, NULL);
  run_cli (&file, NULL, "audit", "--json", "--no-saved-corrections", "--corrections", fixes, path,
           NULL);
  /* Both: the file's corrections land on the same cells, over the saved ones. */
  run_cli (&both, NULL, "audit", "--json", "--corrections", fixes, path, NULL);
  g_assert_cmpint (saved.status, ==, 1);
  g_assert_cmpint (file.status, ==, 1);
  g_assert_cmpstr (saved.err, ==, "");
  g_assert_cmpstr (file.err, ==, "");
  g_assert_cmpstr (saved.out, ==, file.out);
  g_assert_cmpstr (saved.out, ==, both.out);

  /* A corrections file overrides the saved correction of the same cell. */
  {
    g_autofree char *other = g_build_filename (dir, "other.json", NULL);
    g_autofree char *seven = NULL;
    char *at = strstr (json, "\"text\" : \"5\"");
    g_auto (Run) run = { 0 };
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *cell;

    g_assert_nonnull (at);
    at[strlen ("\"text\" : \"")] = '7';
    g_assert_true (g_file_set_contents (other, json, -1, NULL));
    run_cli (&run, NULL, "audit", "--json", "--corrections", other, path, NULL);
    cell = json_cell (check_json_line (parser, run.out, path), index, row, col);
    g_assert_nonnull (cell);
    g_assert_cmpstr (json_object_get_string_member (cell, "text"), ==, "7");
    g_assert_cmpstr (json_object_get_string_member (cell, "original_text"), ==, "0");
  }
  leave_data_dir (dir, previous);
}

static char *
unzip_member (const char *zip, const char *member)
{
  const char *argv[] = { "unzip", "-p", zip, member, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_accepted_findings (void)
{
  g_autofree char *path = corpus_file ("text", zibo);
  char *dir = NULL;
  char *previous = enter_data_dir (&dir);
  g_autofree char *findings_csv = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (GError) error = NULL;
  const char *note = "报告原文如此，已向发布机关核实";
  guint index = 0;
  int row = 0, col = 0;

  if (!save_zibo_work (FALSE, &index, &row, &col))
    {
      leave_data_dir (dir, previous);
      return;
    }
  /* As the app: reopen (restore, audit), accept the error with a note. */
  {
    g_autoptr (CfStore) store = cf_store_open (NULL, &error);
    g_autoptr (CfDocument) doc = cf_test_load_corpus ("text", zibo);
    g_autoptr (CfReview) review = NULL;
    GPtrArray *findings;
    guint n_accepted = 0;

    g_assert_no_error (error);
    g_assert_true (cf_store_restore (store, doc, NULL, &error));
    g_assert_no_error (error);
    cf_audit_document (doc, NULL);
    review = cf_review_new (store, cf_document_get_sha256 (doc), &error);
    g_assert_no_error (error);
    findings = cf_document_get_findings (doc);
    for (guint i = 0; i < findings->len; i++)
      {
        CfFinding *f = g_ptr_array_index (findings, i);

        if (f->severity != CF_SEVERITY_ERROR)
          continue;
        g_assert_true (cf_review_accept (review, f, note, &error));
        g_assert_no_error (error);
        n_accepted++;
      }
    g_assert_cmpuint (n_accepted, >, 0);
    g_assert_cmpuint (cf_review_count_open (review, doc, CF_SEVERITY_ERROR), ==, 0);
  }

  /* JSON: the finding is still there, accepted, with its note; no open error. */
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root, *finding;
    JsonArray *all;

    run_cli (&run, NULL, "audit", "--json", path, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    root = check_json_line (parser, run.out, path);
    finding = json_balance_finding (root);
    g_assert_nonnull (finding);
    g_assert_true (json_object_get_boolean_member (finding, "accepted"));
    g_assert_cmpstr (json_object_get_string_member (finding, "note"), ==, note);
    all = json_object_get_array_member (root, "findings");
    for (guint i = 0; i < json_array_get_length (all); i++)
      {
        JsonObject *f = json_array_get_object_element (all, i);

        if (!json_object_has_member (f, "accepted"))
          g_assert_cmpstr (json_object_get_string_member (f, "severity"), !=, "error");
      }
  }

  /* Human: marked, with the note; exit 0. */
  {
    g_auto (Run) run = { 0 };
    g_autofree char *with_note = g_strdup_printf ("(note: %s)", note);

    run_cli (&run, NULL, "audit", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\n[accepted] ERROR requests.balance requests["));
    g_assert_nonnull (strstr (run.out, with_note));
    g_assert_nonnull (strstr (run.out, "accepted)\n"));
  }

  /* The findings CSV carries the verdict; extract's exit status agrees. */
  {
    g_auto (Run) run = { 0 };
    g_auto (Run) extract = { 0 };
    g_autofree char *cells = g_build_filename (dir, "cells.csv", NULL);
    g_autofree char *out = g_build_filename (dir, "tables", NULL);
    g_autofree char *line = NULL;

    findings_csv = g_build_filename (dir, "findings.csv", NULL);
    run_cli (&run, NULL, "export", path, "--long", "-o", cells, "--findings", findings_csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (findings_csv, &csv, NULL, NULL));
    line = g_strdup_printf (",true,%s\r\n", note);
    g_assert_nonnull (strstr (csv, "requests.balance"));
    g_assert_nonnull (strstr (csv, line));
    run_cli (&extract, NULL, "extract", path, "-o", out, NULL);
    g_assert_cmpint (extract.status, ==, 0);
  }

  /* And so does the workbook: its findings sheet holds the note. */
  {
    g_auto (Run) run = { 0 };
    g_autofree char *workbook = g_build_filename (dir, "zibo.xlsx", NULL);
    g_autofree char *strings = NULL;

    run_cli (&run, NULL, "export", path, "--xlsx", workbook, NULL);
    if (run.status != 2)
      {
        g_assert_cmpint (run.status, ==, 0);
        strings = unzip_member (workbook, "xl/sharedStrings.xml");
        g_assert_nonnull (strstr (strings, note));
      }
  }

  /* Without the saved work, the report is clean again (nothing to accept). */
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, NULL, "audit", "--no-saved-corrections", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "[accepted]"));
  }
  leave_data_dir (dir, previous);
}

/* The column letters and row number Excel names grid slot (@row, @col) by. */
static char *
excel_ref (int row, int col)
{
  GString *letters = g_string_new (NULL);

  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    g_string_prepend_c (letters, 'A' + (c - 1) % 26);
  g_string_append_printf (letters, "%d", row + 1);
  return g_string_free (letters, FALSE);
}

static void
test_export_xlsx (void)
{
  g_autofree char *path = corpus_file ("text", zibo);
  g_autofree char *other = corpus_file ("text", "danfeng-psb-2020.txt");
  char *dir = NULL;
  char *previous = enter_data_dir (&dir);
  g_autofree char *workbook = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *member = NULL;
  g_auto (Run) run = { 0 };
  g_auto (Run) several = { 0 };
  g_auto (Run) bad = { 0 };
  guint index = 0;
  int row = 0, col = 0;

  if (!save_zibo_work (FALSE, &index, &row, &col))
    {
      leave_data_dir (dir, previous);
      return;
    }
  workbook = g_build_filename (dir, "zibo.xlsx", NULL);
  run_cli (&run, NULL, "export", path, "--xlsx", workbook, NULL);
  if (run.status == 2 && strstr (run.err, "libxlsxwriter") != NULL)
    {
      g_test_skip ("built without libxlsxwriter");
      leave_data_dir (dir, previous);
      return;
    }
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_file_test (workbook, G_FILE_TEST_IS_REGULAR));
  /* One sheet per table in document order: the corrected cell holds the number 5. */
  member = g_strdup_printf ("xl/worksheets/sheet%u.xml", index + 1);
  sheet = unzip_member (workbook, member);
  ref = excel_ref (row, col);
  expected = g_strdup_printf ("<c r=\"%s\"[^>]*><v>5</v>", ref);
  g_assert_true (g_regex_match_simple (expected, sheet, 0, 0));

  /* Several files: PATH is a folder with one workbook per file. */
  folder = g_build_filename (dir, "books", NULL);
  run_cli (&several, NULL, "export", path, other, "--xlsx", folder, NULL);
  g_assert_cmpint (several.status, <=, 1);
  {
    g_autofree char *a = g_build_filename (folder, "zibo-gaoxin-psb-2022.xlsx", NULL);
    g_autofree char *b = g_build_filename (folder, "danfeng-psb-2020.xlsx", NULL);

    g_assert_true (g_file_test (a, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (b, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (several.out, a));
  }

  /* Neither --long nor --xlsx: a usage error. */
  run_cli (&bad, NULL, "export", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  leave_data_dir (dir, previous);
}

/* The file @path's contents (the test fails when it cannot be read). */
static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_extract_equals_app_export (void)
{
  /* The app exports a table with cf_csv_table_to_string_full on the document it
   * restored (CfEditHistory) and audited; extract of the same file must
   * write the same bytes. */
  g_autofree char *path = corpus_file ("text", zibo);
  char *dir = NULL;
  char *previous = enter_data_dir (&dir);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CfStore) store = NULL;
  g_autoptr (CfDocument) doc = NULL;
  g_autoptr (CfEditHistory) history = NULL;
  g_auto (Run) run = { 0 };
  GPtrArray *tables;
  guint index = 0;
  int row = 0, col = 0;
  guint n_stale = 1;

  if (!save_zibo_work (FALSE, &index, &row, &col))
    {
      leave_data_dir (dir, previous);
      return;
    }
  store = cf_store_open (NULL, &error);
  g_assert_no_error (error);
  doc = cf_test_load_corpus ("text", zibo);
  history = cf_edit_history_new (doc, store);
  g_assert_true (cf_edit_history_restore (history, &n_stale, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stale, ==, 0);
  cf_audit_document (doc, NULL);

  out = g_build_filename (dir, "tables", NULL);
  run_cli (&run, NULL, "extract", path, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  tables = cf_document_get_tables (doc);
  g_assert_cmpuint (tables->len, >, index);
  for (guint t = 0; t < tables->len; t++)
    {
      CfTable *table = g_ptr_array_index (tables, t);
      g_autofree char *name = g_strdup_printf ("zibo-gaoxin-psb-2022-%s.csv",
                                               cf_table_get_id (table));
      g_autofree char *file = g_build_filename (out, name, NULL);
      g_autofree char *cli_csv = read_file (file);
      g_autoptr (CfReview) review = cf_review_new (store, cf_document_get_sha256 (doc), NULL);
      g_autofree char *app_csv = cf_csv_table_to_string_full (doc, table, review);

      g_assert_cmpstr (cli_csv, ==, app_csv);
      if (t == index)
        g_assert_cmpstr (cf_test_cell_text (table, row, col), ==, "5");
    }
  leave_data_dir (dir, previous);
}

/* Runs the CLI on @path in the locale @lang (NULL: C) with the catalogues
 * the build compiled into po/; returns its standard error. */
static char *
cli_error_in (const char *lang, const char *path)
{
  g_autofree char *locale_dir = g_build_filename (g_getenv ("CF_TEST_BUILDDIR"), "..", "po", NULL);
  g_auto (GStrv) env = g_get_environ ();
  const char *argv[] = { cli_path (), "audit", path, NULL };
  g_autoptr (GError) error = NULL;
  char *err = NULL;
  int wait_status = 0;

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "CROSSFOOT_LOCALEDIR", locale_dir, TRUE);
  if (lang != NULL)
    {
      g_autofree char *posix_name = g_strconcat (lang, ".UTF-8", NULL);

      env = g_environ_setenv (env, "LANGUAGE", lang, TRUE);
      env = g_environ_setenv (env, "LANG", posix_name, TRUE);
    }
  else
    {
      env = g_environ_unsetenv (env, "LANGUAGE");
      env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_test_message ("%s: %s", lang ? lang : "C", err);
  return err;
}

static gboolean
locale_available (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;
  freelocale (locale);
  return TRUE;
}

/* The core's errors reach the user in the desktop's language, still naming
 * the file first (tools/run-tests.sh generates zh_CN.UTF-8 and zh_TW.UTF-8). */
static void
test_translated_errors (void)
{
  g_autofree char *dir = cf_test_make_tmpdir ();
  g_autofree char *mo = g_build_filename (g_getenv ("CF_TEST_BUILDDIR"), "..", "po", "zh_CN",
                                          "LC_MESSAGES", "crossfoot.mo", NULL);
  g_autofree char *empty = g_build_filename (dir, "空的报告.txt", NULL);
  g_autofree char *not_pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.pdf", NULL);
  guint8 junk[4096];

  if (!locale_available ("zh_CN.UTF-8") || !locale_available ("zh_TW.UTF-8"))
    {
      g_test_skip ("the zh_CN.UTF-8 or zh_TW.UTF-8 locale is not generated (localedef)");
      cf_test_rm_rf (dir);
      return;
    }
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7919 % 256);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (not_pdf, (const char *) junk, sizeof junk, NULL));
  g_assert_true (g_file_set_contents (damaged, "%PDF-1.7\n1 0 obj\n<<", -1, NULL));

  {
    g_autofree char *c_err = cli_error_in (NULL, empty);
    g_autofree char *cn_err = cli_error_in ("zh_CN", empty);
    g_autofree char *tw_err = cli_error_in ("zh_TW", empty);

    g_assert_nonnull (strstr (c_err, "空的报告.txt: the file is empty"));
    g_assert_nonnull (strstr (cn_err, "空的报告.txt：文件是空的"));
    g_assert_nonnull (strstr (tw_err, "空的报告.txt：檔案是空的"));
  }
  {
    g_autofree char *c_err = cli_error_in (NULL, not_pdf);
    g_autofree char *cn_err = cli_error_in ("zh_CN", not_pdf);

    g_assert_nonnull (strstr (c_err, "report.pdf: this is not a text, HTML or PDF report"));
    g_assert_nonnull (strstr (cn_err, "report.pdf：这不是文本、HTML 或 PDF 格式的报告（二进制数据）"));
  }
  {
    g_autofree char *cn_err = cli_error_in ("zh_CN", damaged);

    g_assert_nonnull (strstr (cn_err, "damaged.pdf：PDF 文件已损坏或不完整"));
  }
  cf_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *data_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The CLI reads the app's saved corrections: never the user's own. */
  data_dir = cf_test_make_tmpdir ();
  g_setenv ("CROSSFOOT_DATA_DIR", data_dir, TRUE);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/audit-json", test_audit_json);
  g_test_add_func ("/cli/audit-human", test_audit_human);
  g_test_add_func ("/cli/audit-stdin", test_audit_stdin);
  g_test_add_func ("/cli/audit-bad-inputs", test_audit_bad_inputs);
  g_test_add_func ("/cli/audit-across-years", test_audit_across_years);
  g_test_add_func ("/cli/non-utf8-file-name", test_non_utf8_file_name);
  g_test_add_func ("/cli/audit-pdf", test_audit_pdf);
  g_test_add_func ("/cli/audit-corrections", test_audit_corrections);
  g_test_add_func ("/cli/extract", test_extract);
  g_test_add_func ("/cli/export-long", test_export_long);
  g_test_add_func ("/cli/saved-corrections", test_saved_corrections);
  g_test_add_func ("/cli/saved-corrections-stale", test_saved_corrections_stale);
  g_test_add_func ("/cli/saved-corrections-equal-file", test_saved_corrections_equal_file);
  g_test_add_func ("/cli/accepted-findings", test_accepted_findings);
  g_test_add_func ("/cli/export-xlsx", test_export_xlsx);
  g_test_add_func ("/cli/extract-equals-app-export", test_extract_equals_app_export);
  g_test_add_func ("/cli/translated-errors", test_translated_errors);
  status = g_test_run ();
  cf_test_rm_rf (data_dir);
  return status;
}
