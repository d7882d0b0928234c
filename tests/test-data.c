/* test-data.c: what ships around the code — the desktop file, the metainfo,
 * the icons, the GSettings schema, the translations — and a real
 * `meson install` into a temporary prefix.
 *
 * The files are checked with the tools the distributions and Flathub use
 * (desktop-file-validate, appstreamcli, glib-compile-schemas, msgfmt), run
 * with g_spawn_sync. The Flatpak manifest has its own check,
 * tools/flathub-check.py (the flathub-check test).
 */
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cf-test-util.h"

#define APP_ID "io.github.crossfoot.Crossfoot"

/* The top of the source tree: tests/ is $CF_TEST_SRCDIR. */
static char *
source_path (const char *first, ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  va_list ap;

  g_ptr_array_add (parts, (gpointer) cf_test_srcdir ());
  g_ptr_array_add (parts, (gpointer) "..");
  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  joined = g_build_filenamev ((char **) parts->pdata);
  return g_canonicalize_filename (joined, NULL);
}

/* A file the build made: tests/ of the build tree is $CF_TEST_BUILDDIR. */
static char *
build_path (const char *first, ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *builddir = g_getenv ("CF_TEST_BUILDDIR");
  g_autofree char *joined = NULL;
  va_list ap;

  g_ptr_array_add (parts, (gpointer) (builddir ? builddir : "."));
  g_ptr_array_add (parts, (gpointer) "..");
  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  joined = g_build_filenamev ((char **) parts->pdata);
  return g_canonicalize_filename (joined, NULL);
}

/* Runs @argv (argv[0] looked up in PATH) and returns its exit status, or -1
 * when it could not be started or was killed. A missing tool fails the test:
 * tools/deps.txt lists every one of them. */
static int
run_tool (const char * const *argv,
          char              **envp,
          char              **out,
          char              **err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  int wait_status = 0;

  if (program == NULL)
    {
      g_test_fail_printf ("%s is not installed (tools/deps.txt lists its package)", argv[0]);
      return -1;
    }
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &std_out, &std_err, &wait_status, &error))
    {
      g_test_fail_printf ("could not run %s: %s", argv[0], error->message);
      return -1;
    }
  if (out)
    *out = g_steal_pointer (&std_out);
  if (err)
    *err = g_steal_pointer (&std_err);
  if (!g_spawn_check_wait_status (wait_status, &error))
    return error->domain == G_SPAWN_EXIT_ERROR ? error->code : -1;
  return 0;
}

/* TRUE when some line of @text starts with @prefix (after blanks). */
static gboolean
has_line_starting_with (const char *text, const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), prefix))
      return TRUE;
  return FALSE;
}

/* ---- the desktop file ---- */

static void
test_desktop_validate (void)
{
  g_autofree char *path = build_path ("data", APP_ID ".desktop", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *all = NULL;
  const char *argv[] = { "desktop-file-validate", path, NULL };
  int status;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  status = run_tool (argv, NULL, &out, &err);
  all = g_strconcat (out ? out : "", err ? err : "", NULL);
  if (*all)
    g_test_message ("%s", all);
  g_assert_cmpint (status, ==, 0);
  /* Hints are advice (Office;Utility; is two main categories on purpose). */
  g_assert_null (strstr (all, "error:"));
  g_assert_null (strstr (all, "warning:"));
}

static void
assert_key (GKeyFile *keys, const char *key, const char *expected)
{
  g_autofree char *value = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, key, NULL);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_desktop_contents (void)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = build_path ("data", APP_ID ".desktop", NULL);
  g_autofree char *mime = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *comment_cn = NULL;
  g_autofree char *comment_tw = NULL;
  g_autofree char *categories = NULL;
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  assert_key (keys, "Name", "Crossfoot");
  assert_key (keys, "Comment", "Audit the tables in published reports");
  assert_key (keys, "Icon", APP_ID);
  assert_key (keys, "Exec", "crossfoot %F");
  assert_key (keys, "Type", "Application");
  /* Single instance: the desktop opens files in the running app over D-Bus. */
  assert_key (keys, "DBusActivatable", "true");

  mime = g_key_file_get_string (keys, group, "MimeType", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (mime, "application/pdf;"));
  g_assert_nonnull (strstr (mime, "text/plain;"));
  g_assert_nonnull (strstr (mime, "text/html;"));

  categories = g_key_file_get_string (keys, group, "Categories", &error);
  g_assert_no_error (error);
  /* One main category. */
  g_assert_cmpstr (categories, ==, "Office;");

  keywords = g_key_file_get_string (keys, group, "Keywords", &error);
  g_assert_no_error (error);
  for (const char * const *k = (const char * const[]) { "政府信息公开;", "年度报告;", "勾稽;", NULL }; *k; k++)
    g_assert_nonnull (strstr (keywords, *k));

  /* The translations were merged in from po/. */
  comment_cn = g_key_file_get_locale_string (keys, group, "Comment", "zh_CN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment_cn, !=, "Audit the tables in published reports");
  comment_tw = g_key_file_get_locale_string (keys, group, "Comment", "zh_TW", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment_tw, !=, comment_cn);
}

/* ---- the metainfo ---- */

static void
test_metainfo_validate (void)
{
  g_autofree char *path = build_path ("data", APP_ID ".metainfo.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *all = NULL;
  const char *argv[] = { "appstreamcli", "validate", "--no-net", "--pedantic", path, NULL };
  int status;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  status = run_tool (argv, NULL, &out, &err);
  all = g_strconcat (out ? out : "", err ? err : "", NULL);
  g_test_message ("%s", all);
  /* Infos ("I:") and pedantic notes ("P:") are fine; warnings and errors not. */
  g_assert_false (has_line_starting_with (all, "E:"));
  g_assert_false (has_line_starting_with (all, "W:"));
  g_assert_cmpint (status, ==, 0);
}

static void
test_metainfo_contents (void)
{
  g_autofree char *path = build_path ("data", APP_ID ".metainfo.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GError) error = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  guint n_screenshots = 0;
  guint n_releases = 0;
  gboolean has_zh_screenshot = FALSE;
  gboolean has_zh_summary = FALSE;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "component");

  for (xmlNodePtr node = root->children; node; node = node->next)
    {
      g_autofree char *lang = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      lang = (char *) xmlGetProp (node, (const xmlChar *) "lang");
      if (xmlStrEqual (node->name, (const xmlChar *) "id"))
        {
          xmlChar *id = xmlNodeGetContent (node);
          g_assert_cmpstr ((const char *) id, ==, APP_ID);
          xmlFree (id);
        }
      else if (xmlStrEqual (node->name, (const xmlChar *) "project_license"))
        {
          xmlChar *license = xmlNodeGetContent (node);
          g_assert_cmpstr ((const char *) license, ==, "GPL-3.0-or-later");
          xmlFree (license);
        }
      else if (xmlStrEqual (node->name, (const xmlChar *) "summary") && lang == NULL)
        {
          xmlChar *summary = xmlNodeGetContent (node);
          g_assert_cmpstr ((const char *) summary, ==, "Check the totals in report tables");
          /* Flathub's limit. */
          g_assert_cmpint (g_utf8_strlen ((const char *) summary, -1), <=, 35);
          xmlFree (summary);
        }
      else if (xmlStrEqual (node->name, (const xmlChar *) "summary") && g_strcmp0 (lang, "zh_CN") == 0)
        has_zh_summary = TRUE;
      else if (xmlStrEqual (node->name, (const xmlChar *) "screenshots"))
        {
          for (xmlNodePtr shot = node->children; shot; shot = shot->next)
            for (xmlNodePtr image = shot->children; image; image = image->next)
              if (xmlStrEqual (image->name, (const xmlChar *) "image"))
                {
                  xmlChar *url = xmlNodeGetContent (image);

                  /* The Chinese window is shown, with its caption in Chinese too. */
                  if (g_str_has_suffix ((const char *) url, "/zh_CN.png"))
                    for (xmlNodePtr caption = shot->children; caption; caption = caption->next)
                      {
                        g_autofree char *caption_lang = (char *) xmlGetProp (caption, (const xmlChar *) "lang");

                        if (xmlStrEqual (caption->name, (const xmlChar *) "caption")
                            && g_strcmp0 (caption_lang, "zh_CN") == 0)
                          has_zh_screenshot = TRUE;
                      }
                  g_assert_true (g_str_has_prefix ((const char *) url,
                                                   "https://raw.githubusercontent.com/crossfoot/crossfoot/v0.1.0/data/screenshots/"));
                  g_assert_true (g_str_has_suffix ((const char *) url, ".png"));
                  /* The URL serves a file of this tree. */
                  {
                    g_autofree char *local = source_path ("data", "screenshots",
                                                          strrchr ((const char *) url, '/') + 1, NULL);

                    if (!g_file_test (local, G_FILE_TEST_IS_REGULAR))
                      g_test_fail_printf ("screenshot %s is not in data/screenshots/", (const char *) url);
                  }
                  n_screenshots++;
                  xmlFree (url);
                }
        }
      else if (xmlStrEqual (node->name, (const xmlChar *) "releases"))
        {
          for (xmlNodePtr release = node->children; release; release = release->next)
            {
              g_autofree char *version = NULL;
              g_autofree char *date = NULL;

              if (release->type != XML_ELEMENT_NODE)
                continue;
              version = (char *) xmlGetProp (release, (const xmlChar *) "version");
              date = (char *) xmlGetProp (release, (const xmlChar *) "date");
              if (g_strcmp0 (version, "0.1.0") == 0)
                g_assert_cmpstr (date, ==, "2026-11-25");
              n_releases++;
            }
        }
    }
  xmlFreeDoc (doc);

  g_assert_cmpuint (n_screenshots, >=, 1);
  g_assert_cmpuint (n_releases, >=, 1);
  g_assert_true (has_zh_summary);
  g_assert_true (has_zh_screenshot);
}

/* ---- the icons ---- */

static void
check_svg (const char *name, const char *size)
{
  g_autofree char *path = source_path ("data", "icons", "hicolor", name, NULL);
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlNodePtr root;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  width = (char *) xmlGetProp (root, (const xmlChar *) "width");
  height = (char *) xmlGetProp (root, (const xmlChar *) "height");
  g_assert_cmpstr (width, ==, size);
  g_assert_cmpstr (height, ==, size);
  xmlFreeDoc (doc);
}

static void
test_icons (void)
{
  check_svg ("scalable/apps/" APP_ID ".svg", "128");
  check_svg ("symbolic/apps/" APP_ID "-symbolic.svg", "16");
}

/* ---- the GSettings schema ---- */

static void
test_schema_compiles (void)
{
  g_autofree char *dir = source_path ("data", NULL);
  g_autofree char *schema = g_build_filename (dir, APP_ID ".gschema.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "glib-compile-schemas", "--strict", "--dry-run", dir, NULL };

  g_assert_true (g_file_test (schema, G_FILE_TEST_EXISTS));
  if (run_tool (argv, NULL, &out, &err) != 0)
    g_test_fail_printf ("glib-compile-schemas --strict: %s%s", out ? out : "", err ? err : "");
}

/* ---- translations ---- */

/* Lines of @path that are not blank or comments. */
static GPtrArray *
read_list (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        g_ptr_array_add (entries, g_strdup (line));
    }
  return entries;
}

static gboolean
list_contains (GPtrArray *list, const char *entry)
{
  return g_ptr_array_find_with_equal_func (list, entry, g_str_equal, NULL);
}

/* Adds to @found every file under @dir (relative to @top) that marks a
 * string for translation. */
static void
find_translatable (const char *top,
                   const char *dir,
                   GRegex     *marker,
                   GPtrArray  *found)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *abs_dir = g_build_filename (top, dir, NULL);
  g_autoptr (GDir) listing = g_dir_open (abs_dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *rel = g_build_filename (dir, name, NULL);
      g_autofree char *abs = g_build_filename (top, rel, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (abs, G_FILE_TEST_IS_DIR))
        {
          find_translatable (top, rel, marker, found);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h")
          && !g_str_has_suffix (name, ".ui") && !g_str_has_suffix (name, ".blp"))
        continue;
      if (!g_file_get_contents (abs, &text, NULL, NULL))
        continue;
      if (g_regex_match (marker, text, 0, NULL))
        g_ptr_array_add (found, g_steal_pointer (&rel));
    }
}

static void
test_potfiles (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *top = source_path (NULL);
  g_autofree char *potfiles_path = source_path ("po", "POTFILES.in", NULL);
  g_autoptr (GPtrArray) potfiles = read_list (potfiles_path);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  /* _("…"), N_("…"), C_("ctx", …), NC_(…), ngettext/g_dngettext, and
   * translatable="yes" in GtkBuilder files. */
  g_autoptr (GRegex) marker = g_regex_new ("(?<![A-Za-z0-9_])(N?C?_|[a-z_]*ngettext)\\s*\\(\\s*\"|"
                                           "translatable\\s*=\\s*[\"']yes[\"']",
                                           G_REGEX_OPTIMIZE, 0, &error);

  g_assert_no_error (error);

  /* Every listed file exists, or xgettext stops. */
  for (guint i = 0; i < potfiles->len; i++)
    {
      g_autofree char *listed = g_build_filename (top, g_ptr_array_index (potfiles, i), NULL);

      if (!g_file_test (listed, G_FILE_TEST_EXISTS))
        g_test_fail_printf ("po/POTFILES.in lists %s, which does not exist",
                            (char *) g_ptr_array_index (potfiles, i));
    }

  /* A file listed twice is extracted twice (two engineers adding it at once). */
  for (guint i = 0; i < potfiles->len; i++)
    for (guint j = i + 1; j < potfiles->len; j++)
      if (g_str_equal (g_ptr_array_index (potfiles, i), g_ptr_array_index (potfiles, j)))
        g_test_fail_printf ("po/POTFILES.in lists %s twice", (char *) g_ptr_array_index (potfiles, i));

  g_assert_true (list_contains (potfiles, "data/" APP_ID ".desktop.in"));
  g_assert_true (list_contains (potfiles, "data/" APP_ID ".metainfo.xml.in"));

  /* A GSettings schema's summaries and descriptions are translatable too. */
  {
    g_autofree char *schema = source_path ("data", APP_ID ".gschema.xml", NULL);

    if (g_file_test (schema, G_FILE_TEST_EXISTS))
      g_ptr_array_add (found, g_strdup ("data/" APP_ID ".gschema.xml"));
  }

  find_translatable (top, "src", marker, found);
  for (guint i = 0; i < found->len; i++)
    {
      const char *file = g_ptr_array_index (found, i);

      g_test_message ("translatable strings in %s", file);
      if (!list_contains (potfiles, file))
        g_test_fail_printf ("%s has translatable strings but is missing from po/POTFILES.in", file);
    }

  /* The scan reaches the core library too: its errors reach the user. */
  g_assert_true (list_contains (found, "src/core/decode/cf-decode.c"));
  g_assert_true (list_contains (found, "src/cli/cf-cli.c"));

  /* The scan itself works: the regex sees the markers it is meant to. */
  g_assert_true (g_regex_match (marker, "label = _(\"Open\");", 0, NULL));
  g_assert_true (g_regex_match (marker, "N_ (\"Tables\")", 0, NULL));
  g_assert_true (g_regex_match (marker, "<property name=\"label\" translatable=\"yes\">", 0, NULL));
  g_assert_false (g_regex_match (marker, "g_print (\"x\");", 0, NULL));
}

/* Why the catalogue at @po is not complete, or NULL when it is: msgfmt
 * --statistics (on stderr) counts "N translated messages, M fuzzy
 * translations, K untranslated messages"; a complete one has only the first. */
static char *
po_incompleteness (const char *po)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", po, NULL };
  const char *statistics;

  if (run_tool (argv, NULL, &out, &err) != 0)
    return g_strdup_printf ("msgfmt --check: %s", err ? err : "");
  /* The statistics are the last line, after any warnings. */
  g_strstrip (err);
  statistics = strrchr (err, '\n') ? strrchr (err, '\n') + 1 : err;
  g_test_message ("%s: %s", po, statistics);
  if (strstr (statistics, "fuzzy") != NULL || strstr (statistics, "untranslated") != NULL
      || strstr (statistics, " translated message") == NULL)
    return g_strdup (statistics);
  return NULL;
}

/* Extracts the messages of po/POTFILES.in from the sources as they are now,
 * with the keywords of meson's i18n 'glib' preset, into @pot. */
static void
extract_template (const char *top, const char *pot)
{
  g_autofree char *potfiles = source_path ("po", "POTFILES.in", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "xgettext", "--files-from", potfiles, "--directory", top, "-o", pot,
                         "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
                         "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
                         "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3", NULL };

  if (run_tool (argv, NULL, NULL, &err) != 0)
    g_test_fail_printf ("xgettext: %s", err ? err : "");
  g_assert_true (g_file_test (pot, G_FILE_TEST_IS_REGULAR));
}

/* The check itself can fail: a fuzzy and an empty message are both caught,
 * and so is a message of the sources that the catalogue lacks. */
static void
check_completeness_checks (const char *tmpdir, const char *pot)
{
  const char *header = "msgid \"\"\nmsgstr \"\"\n"
                       "\"Project-Id-Version: test\\n\"\n\"PO-Revision-Date: 2026-01-01 00:00+0000\\n\"\n"
                       "\"Last-Translator: test\\n\"\n\"Language-Team: test\\n\"\n\"Language: zh_CN\\n\"\n"
                       "\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                       "\"Content-Transfer-Encoding: 8bit\\n\"\n\n";
  g_autofree char *complete = g_build_filename (tmpdir, "complete.po", NULL);
  g_autofree char *fuzzy = g_build_filename (tmpdir, "fuzzy.po", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "empty.po", NULL);
  g_autofree char *complete_text = g_strconcat (header, "msgid \"Quit\"\nmsgstr \"退出\"\n", NULL);
  g_autofree char *fuzzy_text = g_strconcat (header, "#, fuzzy\nmsgid \"Quit\"\nmsgstr \"退出\"\n", NULL);
  g_autofree char *empty_text = g_strconcat (header, "msgid \"Quit\"\nmsgstr \"\"\n", NULL);
  g_autofree char *complete_problem = NULL;
  g_autofree char *fuzzy_problem = NULL;
  g_autofree char *empty_problem = NULL;

  g_assert_true (g_file_set_contents (complete, complete_text, -1, NULL));
  g_assert_true (g_file_set_contents (fuzzy, fuzzy_text, -1, NULL));
  g_assert_true (g_file_set_contents (empty, empty_text, -1, NULL));
  complete_problem = po_incompleteness (complete);
  fuzzy_problem = po_incompleteness (fuzzy);
  empty_problem = po_incompleteness (empty);
  g_assert_null (complete_problem);
  g_assert_nonnull (fuzzy_problem);
  g_assert_nonnull (empty_problem);

  {
    const char *argv[] = { "msgcmp", complete, pot, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_tool (argv, NULL, NULL, &err), !=, 0);
  }
}

static void
test_translations (void)
{
  g_autofree char *linguas_path = source_path ("po", "LINGUAS", NULL);
  g_autoptr (GPtrArray) linguas = read_list (linguas_path);
  g_autofree char *top = source_path (NULL);
  g_autofree char *tmpdir = cf_test_make_tmpdir ();
  g_autofree char *pot = g_build_filename (tmpdir, "crossfoot.pot", NULL);

  g_assert_true (list_contains (linguas, "zh_CN"));
  g_assert_true (list_contains (linguas, "zh_TW"));

  extract_template (top, pot);
  check_completeness_checks (tmpdir, pot);

  for (guint i = 0; i < linguas->len; i++)
    {
      const char *lang = g_ptr_array_index (linguas, i);
      g_autofree char *po_name = g_strconcat (lang, ".po", NULL);
      g_autofree char *po = source_path ("po", po_name, NULL);
      g_autofree char *problem = NULL;
      g_autofree char *err = NULL;
      const char *msgcmp_argv[] = { "msgcmp", po, pot, NULL };

      g_assert_true (g_file_test (po, G_FILE_TEST_EXISTS));

      /* Every message is translated, none fuzzy. */
      problem = po_incompleteness (po);
      if (problem != NULL)
        g_test_fail_printf ("po/%s is not complete: %s (ninja crossfoot-pot, msgmerge --update, "
                            "then translate)", po_name, problem);

      /* …and it has every message the sources have now, not only those of
       * an old template. */
      if (run_tool (msgcmp_argv, NULL, NULL, &err) != 0)
        g_test_fail_printf ("po/%s lacks messages of the sources (regenerate po/crossfoot.pot "
                            "with ninja crossfoot-pot and msgmerge --update): %s", po_name,
                            err ? err : "");
    }

  cf_test_rm_rf (tmpdir);
}

/* ---- meson install into a temporary prefix ---- */

static void
assert_installed (const char *prefix, const char *rel)
{
  g_autofree char *path = g_build_filename (prefix, rel, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_test_fail_printf ("meson install did not install %s", rel);
}

/* What install-check.sh saw of the installed app (WORKDIR/app-check.log):
 * its window titled with the report, and the catalogue, schema and forms of
 * the prefix. */
static void
check_installed_app (const char *prefix, const char *workdir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *log_path = g_build_filename (workdir, "app-check.log", NULL);
  g_autofree char *log = NULL;
  g_autofree char *locale_dir = g_build_filename (prefix, "share", "locale", NULL);
  g_autofree char *localedir_line = g_strdup_printf ("install: localedir=%s\n", locale_dir);

  g_file_get_contents (log_path, &log, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("the installed app:\n%s", log);
  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      /* The rest of the installation is still checked. */
      g_test_message ("SKIPPED starting the installed app: no DISPLAY (run the tests under xvfb-run)");
      g_assert_true (g_str_has_prefix (log, "skipped: no display"));
      return;
    }

  if (!has_line_starting_with (log, "window: zibo-gaoxin-psb-2022.txt — Crossfoot"))
    g_test_fail_printf ("the installed app showed no window titled with the report");
  if (strstr (log, localedir_line) == NULL)
    g_test_fail_printf ("the installed app does not read its catalogues from %s", locale_dir);
  /* Its own string "Open a Report", from the installed zh_CN catalogue. */
  if (!has_line_starting_with (log, "install: sample=打开报告"))
    g_test_fail_printf ("the installed app did not find its zh_CN translation");
  if (!has_line_starting_with (log, "install: schema=found"))
    g_test_fail_printf ("the installed app did not find its GSettings schema in the prefix");
  if (has_line_starting_with (log, "install: forms=0") || !has_line_starting_with (log, "install: forms="))
    g_test_fail_printf ("the installed app found no report forms in the prefix");
}

static void
test_install (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *top = source_path (NULL);
  g_autofree char *script = source_path ("tests", "install-check.sh", NULL);
  g_autofree char *workdir = build_path ("tests", "install-check", NULL);
  g_autofree char *schema_source = source_path ("data", APP_ID ".gschema.xml", NULL);
  g_autofree char *forms_dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *report = cf_test_path ("corpus", "text", "zibo-gaoxin-psb-2022.txt", NULL);
  g_autofree char *cli_out = NULL;
  g_autofree char *cli_err = NULL;
  g_auto (GStrv) env = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GDir) forms = NULL;
  const char *prefix;
  const char *name;
  guint n_forms = 0;
  int status;
  JsonObject *result;
  JsonNode *form;

  {
    const char *argv[] = { "sh", script, top, workdir, NULL };

    status = run_tool (argv, NULL, &out, &err);
    if (err != NULL && *err != '\0')
      g_test_message ("install-check.sh:\n%s", err);
    g_assert_cmpint (status, ==, 0);
  }
  prefix = g_strstrip (out);
  g_assert_true (g_path_is_absolute (prefix));
  g_test_message ("installed into %s", prefix);

  assert_installed (prefix, "bin/crossfoot");
  assert_installed (prefix, "bin/crossfoot-cli");
  assert_installed (prefix, "share/applications/" APP_ID ".desktop");
  assert_installed (prefix, "share/metainfo/" APP_ID ".metainfo.xml");
  assert_installed (prefix, "share/dbus-1/services/" APP_ID ".service");
  {
    /* D-Bus activation starts the installed binary as a service. */
    g_autofree char *service_path = g_build_filename (prefix, "share", "dbus-1", "services",
                                                      APP_ID ".service", NULL);
    g_autofree char *service = NULL;
    g_autofree char *exec_line = g_strdup_printf ("Exec=%s/bin/crossfoot --gapplication-service",
                                                  prefix);

    g_assert_true (g_file_get_contents (service_path, &service, NULL, NULL));
    g_assert_nonnull (strstr (service, "Name=" APP_ID "\n"));
    if (strstr (service, exec_line) == NULL)
      g_test_fail_printf ("the service file does not start %s/bin/crossfoot", prefix);
  }
  assert_installed (prefix, "share/icons/hicolor/scalable/apps/" APP_ID ".svg");
  assert_installed (prefix, "share/icons/hicolor/symbolic/apps/" APP_ID "-symbolic.svg");
  assert_installed (prefix, "share/locale/zh_CN/LC_MESSAGES/crossfoot.mo");
  assert_installed (prefix, "share/locale/zh_TW/LC_MESSAGES/crossfoot.mo");
  if (g_file_test (schema_source, G_FILE_TEST_EXISTS))
    {
      assert_installed (prefix, "share/glib-2.0/schemas/" APP_ID ".gschema.xml");
      assert_installed (prefix, "share/glib-2.0/schemas/gschemas.compiled");
    }
  else
    g_test_message ("no GSettings schema yet: not checking the compiled schema");

  forms_dir = g_build_filename (prefix, "share", "crossfoot", "forms", NULL);
  forms = g_dir_open (forms_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (forms)) != NULL)
    n_forms += g_str_has_suffix (name, ".json");
  g_assert_cmpuint (n_forms, >=, 2);

  /* The installed CLI finds its forms in the prefix, not through the
   * variable the other tests set. */
  cli = g_build_filename (prefix, "bin", "crossfoot-cli", NULL);
  env = g_environ_unsetenv (g_get_environ (), "CROSSFOOT_FORMS_DIR");
  {
    const char *argv[] = { cli, "audit", "--json", report, NULL };

    status = run_tool (argv, env, &cli_out, &cli_err);
  }
  if (cli_err && *cli_err)
    g_test_message ("crossfoot-cli: %s", cli_err);
  /* 0: no error found, 1: errors found; both mean the audit ran. */
  g_assert_true (status == 0 || status == 1);
  g_assert_nonnull (cli_out);
  lines = g_strsplit (cli_out, "\n", -1);
  json_parser_load_from_data (parser, lines[0], -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  result = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (result, "document"));
  g_assert_true (json_object_has_member (result, "tables"));
  form = json_object_get_member (result, "form");
  g_assert_nonnull (form);
  if (JSON_NODE_HOLDS_NULL (form))
    g_test_fail_printf ("the installed crossfoot-cli recognised no form in %s: "
                        "its forms in %s were not found", report, forms_dir);
  else
    g_assert_cmpstr (json_node_get_string (form), ==, "gip-2021");

  check_installed_app (prefix, workdir);

  /* The installed catalogues are found: the usage text comes out in Chinese
   * (LANGUAGE picks the catalogue; C.UTF-8 is a locale every glibc has). */
  {
    const char *argv[] = { cli, NULL };
    g_autofree char *usage_out = NULL;
    g_autofree char *usage_err = NULL;
    g_auto (GStrv) zh_env = g_environ_setenv (g_strdupv (env), "LANGUAGE", "zh_CN", TRUE);

    zh_env = g_environ_setenv (zh_env, "LC_ALL", "C.UTF-8", TRUE);
    run_tool (argv, zh_env, &usage_out, &usage_err);
    if (strstr (usage_out ? usage_out : "", "用法") == NULL
        && strstr (usage_err ? usage_err : "", "用法") == NULL)
      g_test_fail_printf ("the installed crossfoot-cli does not speak zh_CN: %s%s",
                          usage_out ? usage_out : "", usage_err ? usage_err : "");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data/desktop/validate", test_desktop_validate);
  g_test_add_func ("/data/desktop/contents", test_desktop_contents);
  g_test_add_func ("/data/metainfo/validate", test_metainfo_validate);
  g_test_add_func ("/data/metainfo/contents", test_metainfo_contents);
  g_test_add_func ("/data/icons", test_icons);
  g_test_add_func ("/data/schema/compiles", test_schema_compiles);
  g_test_add_func ("/data/po/potfiles", test_potfiles);
  g_test_add_func ("/data/po/translations", test_translations);
  g_test_add_func ("/data/install", test_install);

  return g_test_run ();
}
