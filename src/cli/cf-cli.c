/* cf-cli.c: crossfoot-cli, the headless interface (../shared/spec/cli.md)
 *
 *   crossfoot-cli audit   FILE... [--json] [--corrections FILE] [--password PW]
 *   crossfoot-cli extract FILE... -o DIR [--encoding utf-8|utf-8-bom|gb18030] [--corrections FILE]
 *   crossfoot-cli export  FILE... --long -o OUT.csv [--findings OUT.csv] [--encoding ...]
 *                         [--xlsx OUT.xlsx] [--corrections FILE]
 *   (every command also takes --no-saved-corrections and --verbose)
 *
 * Each input is read as the app shows it: loaded, then the structure edits
 * and corrections the app saved for its SHA-256 are replayed from the
 * corrections database (opened read-only: auditing never creates it), then a
 * corrections file given with --corrections is applied over them, then it is
 * audited. A corrections file is what the app exports (cf_corrections_to_json),
 * one object or one per line; each applies to the input with the same SHA-256.
 * Findings the analyst accepted in the app are marked so in every output and
 * do not count as open: the exit status only counts open errors.
 *
 * Memory stays flat over large batches: each document is freed as soon as
 * its output is rendered. Only a "batch stub" survives: the issuing body,
 * year, form and the two tables the rules across years read (requests,
 * proactive). cf_audit_batch runs on the stubs once every file is in; the
 * findings it adds are joined to the rendered outputs, which wait in an
 * anonymous temporary file rather than in memory.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include "cf-cli.h"
#include "cf-locale.h"


/* One input's rendered output, waiting in the spool for the batch findings. */
typedef struct
{
  long        spool_offset;
  gsize       spool_length;
  guint       n_findings;   /* findings already in the rendered output */
  gboolean    has_error;    /* an open error-severity finding among them */
  CfDocument *stub;         /* NULL when it cannot take part in the batch */
  CfReview   *review;       /* the verdicts on the stub's findings */
} Rendered;

static void
rendered_clear (gpointer data)
{
  Rendered *r = data;

  g_clear_object (&r->stub);
  g_clear_object (&r->review);
}

void
print_error (const char *message)
{
  g_printerr ("crossfoot-cli: %s\n", message);
}

/* An error-severity finding the analyst has not accepted. */
gboolean
has_error_finding (CfDocument *doc, CfReview *review)
{
  return cf_review_count_open (review, doc, CF_SEVERITY_ERROR) > 0;
}

/* Corrections files ------------------------------------------------------ */

/* The corrections of one document, as cf_corrections_to_json writes them. */
typedef struct
{
  char      *sha256;
  GPtrArray *corrections; /* of CfCorrection */
  gboolean   used;
} CorrectionSet;

static void
correction_set_clear (gpointer data)
{
  CorrectionSet *set = data;

  g_free (set->sha256);
  g_clear_pointer (&set->corrections, g_ptr_array_unref);
}

/* Reads a corrections file: one {"sha256": …, "corrections": […]} object
 * (as the app exports it), or several of them one per line. */
static GArray *
load_corrections (const char *path)
{
  g_autoptr (GArray) sets = g_array_new (FALSE, TRUE, sizeof (CorrectionSet));
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  gsize len = 0;

  g_array_set_clear_func (sets, correction_set_clear);
  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s: cannot be read (%s)"), name,
                                                  error->message);
      print_error (message);
      return NULL;
    }

  {
    CorrectionSet set = { 0 };

    set.corrections = cf_corrections_from_json (contents, (gssize) len, &set.sha256, NULL);
    if (set.corrections != NULL)
      {
        g_array_append_val (sets, set);
        return g_steal_pointer (&sets);
      }
  }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      CorrectionSet set = { 0 };

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      set.corrections = cf_corrections_from_json (lines[i], -1, &set.sha256, &error);
      if (set.corrections == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("%s: line %u: %s"), name, i + 1,
                                                      error->message);
          print_error (message);
          return NULL;
        }
      g_array_append_val (sets, set);
    }
  if (sets->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s: holds no corrections"), name);
      print_error (message);
      return NULL;
    }
  return g_steal_pointer (&sets);
}

/* Applies the corrections made for @doc (same SHA-256), if any. */
static void
apply_corrections (CfDocument *doc, GArray *sets)
{
  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      CorrectionSet *set = &g_array_index (sets, CorrectionSet, i);
      guint n_stale = 0, n_applied;

      if (set->sha256 != NULL && g_strcmp0 (set->sha256, cf_document_get_sha256 (doc)) != 0)
        continue;
      set->used = TRUE;
      n_applied = cf_corrections_apply (doc, set->corrections, &n_stale);
      if (n_stale > 0 || n_applied + n_stale < set->corrections->len)
        {
          g_autofree char *message = g_strdup_printf (
            _("%s: %u of %u corrections did not apply (the cell is gone or its text changed)"),
            cf_document_get_basename (doc), set->corrections->len - n_applied,
            set->corrections->len);
          print_error (message);
        }
    }
}

static void
report_unused_corrections (GArray *sets, const char *path)
{
  g_autofree char *name = NULL;
  guint n_unused = 0;

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    if (!g_array_index (sets, CorrectionSet, i).used)
      n_unused++;
  if (n_unused == 0)
    return;
  name = g_path_get_basename (path);
  {
    g_autofree char *message = g_strdup_printf (
      ngettext ("%s: %u set of corrections matches none of the files (different SHA-256)",
                "%s: %u sets of corrections match none of the files (different SHA-256)",
                n_unused), name, n_unused);
    print_error (message);
  }
}


void
inputs_clear (Inputs *inputs)
{
  g_clear_pointer (&inputs->password, g_free);
  g_clear_pointer (&inputs->corrections_path, g_free);
  g_clear_pointer (&inputs->correction_sets, g_array_unref);
  g_clear_object (&inputs->pipeline);
}


void
add_input_entries (GOptionContext *context, Inputs *inputs)
{
  const GOptionEntry entries[] = {
    { "corrections", 0, 0, G_OPTION_ARG_FILENAME, &inputs->corrections_path, N_("Apply the corrections in FILE (as the app exports them) over the saved ones"), N_("FILE") },
    { "no-saved-corrections", 0, 0, G_OPTION_ARG_NONE, &inputs->no_saved, N_("Ignore what the app saved for these files (corrections, table edits, accepted findings)"), NULL },
    { "password", 0, 0, G_OPTION_ARG_STRING, &inputs->password, N_("Password of encrypted PDFs"), N_("PW") },
    { "input-timeout", 0, 0, G_OPTION_ARG_INT, &inputs->input_timeout, N_("Give up on a pipe given as FILE after SECONDS without data (default 10)"), N_("SECONDS") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &inputs->verbose, N_("Say on standard error how many saved corrections each file got"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* What every command does with its command line: its own options and the
 * input options, the help text, then the parse; says why it failed. */
gboolean
parse_command_line (GOptionContext     *context,
                    const GOptionEntry *entries,
                    const char         *description,
                    Inputs             *inputs,
                    int                *argc,
                    char             ***argv)
{
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_input_entries (context, inputs);
  g_option_context_set_description (context, description != NULL ? description
                                                                  : _(exit_status_help));
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error (error->message);
      return FALSE;
    }
  return TRUE;
}

static void report_saved_work (CfCorrectionSession *session, Inputs *inputs);

/* Says once per run that the app's saved work cannot be read. */
static void
warn_saved_unavailable (Inputs *inputs, const char *why)
{
  g_autofree char *message = NULL;

  if (inputs->warned_saved)
    return;
  inputs->warned_saved = TRUE;
  message = g_strdup_printf (_("warning: %s; auditing without the saved corrections"), why);
  print_error (message);
}

/* The pipeline's last step before the audit: what the app saved is
 * restored, the corrections file goes over it. */
static void
before_audit (CfCorrectionSession *session, gpointer data)
{
  Inputs *inputs = data;

  report_saved_work (session, inputs);
  apply_corrections (cf_correction_session_get_document (session), inputs->correction_sets);
}

/* Reads the corrections file and opens the saved work, once per run. */
gboolean
inputs_prepare (Inputs *inputs)
{
  g_autoptr (GError) error = NULL;

  if (inputs->corrections_path != NULL
      && (inputs->correction_sets = load_corrections (inputs->corrections_path)) == NULL)
    return FALSE;
  inputs->pipeline = cf_pipeline_new (inputs->no_saved ? CF_PIPELINE_IGNORE_SAVED_WORK
                                                       : CF_PIPELINE_READ_SAVED_WORK);
  cf_pipeline_set_password (inputs->pipeline, inputs->password);
  if (inputs->input_timeout > 0)
    cf_pipeline_set_input_timeout (inputs->pipeline, (guint) inputs->input_timeout);
  cf_pipeline_set_before_audit (inputs->pipeline, before_audit, inputs);
  /* Read-only, and NULL without an error when the app never saved anything.
   * The app's database is its own state: when it cannot be read the audit
   * goes on without it (each input notes it), never fails for it. */
  if (cf_pipeline_get_store (inputs->pipeline, &error) == NULL && error != NULL)
    warn_saved_unavailable (inputs, error->message);
  return TRUE;
}

void
inputs_finish (Inputs *inputs)
{
  if (inputs->corrections_path != NULL)
    report_unused_corrections (inputs->correction_sets, inputs->corrections_path);
}

/* Says how much of the work the app saved for the session's document was
 * replayed (with --verbose) and how much no longer fits. */
static void
report_saved_work (CfCorrectionSession *session, Inputs *inputs)
{
  CfDocument *doc = cf_correction_session_get_document (session);
  const char *name = cf_document_get_basename (doc);
  guint n_applied = cf_correction_session_get_n_applied (session);
  guint n_stale = cf_correction_session_get_n_stale (session);

  if (cf_correction_session_get_store_error (session) != NULL)
    return;
  if (cf_correction_session_get_store (session) == NULL || cf_document_get_sha256 (doc) == NULL)
    {
      if (inputs->verbose)
        {
          g_autofree char *message = g_strdup_printf (_("%s: no saved corrections"), name);
          print_error (message);
        }
      return;
    }
  if (inputs->verbose)
    {
      g_autofree char *message = g_strdup_printf (
        ngettext ("%s: %u saved correction or table edit applied",
                  "%s: %u saved corrections and table edits applied", n_applied),
        name, n_applied);
      print_error (message);
    }
  if (n_stale > 0)
    {
      g_autofree char *message = g_strdup_printf (
        ngettext ("%s: %u saved correction or table edit no longer fits the extracted tables",
                  "%s: %u saved corrections and table edits no longer fit the extracted tables",
                  n_stale),
        name, n_stale);
      print_error (message);
    }
}

/* Loads, corrects and audits one input as the app would show it; prints why
 * on failure. @review receives the analyst's verdicts on its findings. */
CfDocument *
load_and_audit (const char *path, Inputs *inputs, CfReview **review)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CfCorrectionSession) session = cf_pipeline_open_file (inputs->pipeline, path, NULL,
                                                                   &error);
  const GError *store_error;

  *review = NULL;
  if (session == NULL)
    {
      print_error (error->message);
      return NULL;
    }
  inputs->saved_unavailable = (store_error = cf_correction_session_get_store_error (session)) != NULL;
  if (store_error != NULL)
    warn_saved_unavailable (inputs, store_error->message);
  *review = g_object_ref (cf_correction_session_get_review (session));
  return g_object_ref (cf_correction_session_get_document (session));
}

/* The input's JSON line; "saved_corrections": "unavailable" (after "form")
 * when the app's saved work could not be read for it (docs/cli.md). */
static char *
document_line (CfDocument *doc, CfReview *review, gboolean saved_unavailable)
{
  g_autoptr (JsonNode) root = cf_json_document_with_review (doc, review);
  g_autoptr (JsonObject) marked = NULL;
  JsonObject *object = json_node_get_object (root);
  g_autoptr (GList) members = NULL;

  if (!saved_unavailable)
    return cf_json_node_to_line (root);
  /* A new object: "findings" stays last, where the batch findings go. */
  marked = json_object_new ();
  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      json_object_set_member (marked, m->data, json_node_copy (json_object_get_member (object, m->data)));
      if (g_str_equal (m->data, "form"))
        json_object_set_string_member (marked, "saved_corrections", "unavailable");
    }
  json_node_take_object (root, g_steal_pointer (&marked));
  return cf_json_node_to_line (root);
}

/* Human-readable audit output ------------------------------------------- */

/* SEVERITY rule where: message; "[accepted] " before and the note after
 * when the analyst accepted it. */
static void
append_finding_line (GString *out, CfDocument *doc, const CfFinding *finding, CfReview *review)
{
  g_autofree char *severity = g_ascii_strup (cf_severity_to_string (finding->severity), -1);
  const CfCellRef *ref = NULL;
  const char *note = NULL;
  gboolean accepted = cf_review_is_accepted (review, finding, &note);

  if (finding->cells != NULL && finding->cells->len > 0)
    ref = &g_array_index (finding->cells, CfCellRef, 0);

  /* Not translated: scripts grep for it, as for the severities. */
  if (accepted)
    g_string_append (out, "[accepted] ");
  g_string_append_printf (out, "%s %s ", severity, finding->rule ? finding->rule : "");
  if (finding->table != NULL)
    {
      g_string_append (out, finding->table);
      if (ref != NULL && (ref->row_key != NULL || ref->col_key != NULL))
        g_string_append_printf (out, "[%s/%s]", ref->row_key ? ref->row_key : "",
                                ref->col_key ? ref->col_key : "");
      else if (ref != NULL)
        g_string_append_printf (out, "[%d,%d]", ref->row, ref->col);
    }
  else if (finding->page > 0)
    /* TRANSLATORS: where a finding in the prose is: a PDF page number */
    g_string_append_printf (out, _("page %d"), finding->page);
  else if (finding->offset >= 0 && doc != NULL && cf_document_get_text (doc, NULL) != NULL
           && *cf_document_get_text (doc, NULL) != '\0')
    /* TRANSLATORS: where a finding in the prose is: a line of the text */
    g_string_append_printf (out, _("line %d"), cf_document_line_at_offset (doc, finding->offset));
  else
    g_string_append (out, "-");
  g_string_append_printf (out, ": %s", finding->message ? finding->message : "");
  if (accepted && note != NULL && *note != '\0')
    /* TRANSLATORS: after an accepted finding, the analyst's note on it */
    g_string_append_printf (out, _(" (note: %s)"), note);
  g_string_append_c (out, '\n');
}

static void
render_human (GString *out, CfDocument *doc, CfReview *review)
{
  GPtrArray *findings = cf_document_get_findings (doc);
  guint n_accepted = 0;
  const char *form = cf_document_get_form (doc);
  const char *encoding = cf_document_get_encoding (doc);
  guint n_tables = cf_document_get_tables (doc)->len;
  guint n_stated, n_checked = 0;
  g_autofree char *path = g_filename_display_name (cf_document_get_path (doc));

  for (guint i = 0; i < findings->len; i++)
    if (cf_review_is_accepted (review, g_ptr_array_index (findings, i), NULL))
      n_accepted++;
  g_string_append_printf (out, "%s: %s", path,
                          cf_document_kind_to_string (cf_document_get_kind (doc)));
  if (cf_document_get_kind (doc) == CF_DOCUMENT_KIND_PDF)
    g_string_append_printf (out, ngettext (", %d page", ", %d pages",
                                           cf_document_get_n_pages (doc)),
                            cf_document_get_n_pages (doc));
  else if (encoding != NULL)
    g_string_append_printf (out, ", %s", encoding);
  if (form != NULL)
    g_string_append_printf (out, _(", form %s"), form);
  else
    g_string_append (out, _(", no known form"));
  g_string_append_printf (out, ngettext (", %u table", ", %u tables", n_tables), n_tables);
  n_stated = cf_document_get_stated_figures (doc, &n_checked);
  g_string_append_printf (out, ngettext (", %u figure stated in the text", ", %u figures stated in the text",
                                         n_stated),
                          n_stated);
  if (n_stated > 0)
    g_string_append_printf (out, _(" (%u checked against the tables)"), n_checked);
  g_string_append_printf (out, ngettext (", %u finding", ", %u findings", findings->len),
                          findings->len);
  if (n_accepted > 0)
    g_string_append_printf (out, _(" (%u accepted)"), n_accepted);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < findings->len; i++)
    append_finding_line (out, doc, g_ptr_array_index (findings, i), review);
}

/* The --help text of every command on what the exit status means. */
const char *const exit_status_help =
  N_("Each FILE is read as the app shows it: the corrections and table edits saved in the app "
     "for it (by its SHA-256, in $CROSSFOOT_DATA_DIR or $XDG_DATA_HOME/crossfoot/corrections.db, "
     "only read) are applied first, then those of --corrections. Findings accepted in the app "
     "are still reported, marked accepted, but do not count as open.\n"
     "Exit status: 0 when no open (not accepted) error-severity finding was made, 1 when at "
     "least one was, 2 when an input could not be read, 3 when the output could not be "
     "written.");

/* Ends writing standard output: what could not be written is said, with
 * its own exit status, except to a reader that closed the pipe (| head -1):
 * it had what it wanted, the audit's status stands. */
static int
finish_output (int status)
{
  int saved;

  errno = 0;
  if (fflush (stdout) == 0 && !ferror (stdout))
    return status;
  saved = errno;
  if (saved == EPIPE)
    return status;
  {
    g_autofree char *message = g_strdup_printf (_("cannot write the output (%s)"),
                                                g_strerror (saved ? saved : EIO));
    print_error (message);
  }
  return EXIT_OUTPUT;
}

/* The spool ----------------------------------------------------------------- */

static gboolean
spool_write (FILE *spool, const GString *text, Rendered *r)
{
  r->spool_offset = ftell (spool);
  r->spool_length = text->len;
  return fwrite (text->str, 1, text->len, spool) == text->len;
}

static char *
spool_read (FILE *spool, const Rendered *r)
{
  char *buf = g_malloc (r->spool_length + 1);

  if (fseek (spool, r->spool_offset, SEEK_SET) != 0
      || fread (buf, 1, r->spool_length, spool) != r->spool_length)
    {
      g_free (buf);
      return NULL;
    }
  buf[r->spool_length] = '\0';
  return buf;
}

/* Runs the rules across years on the stubs; their findings are the new ones. */
static void
run_batch (GArray *rendered)
{
  g_autoptr (GPtrArray) stubs = g_ptr_array_new ();

  for (guint i = 0; i < rendered->len; i++)
    {
      Rendered *r = &g_array_index (rendered, Rendered, i);

      if (r->stub != NULL)
        g_ptr_array_add (stubs, r->stub);
    }
  if (stubs->len > 1)
    cf_audit_batch (stubs);
}

/* audit ------------------------------------------------------------------- */

static int
run_audit (int argc, char **argv)
{
  gboolean json = FALSE;
  g_auto (Inputs) inputs = { 0 };
  g_auto (GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per file (JSON Lines)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (N_("— check the statistical tables of reports"));
  g_autoptr (GArray) rendered = g_array_new (FALSE, TRUE, sizeof (Rendered));
  g_autoptr (GString) out = g_string_new (NULL);
  FILE *spool = NULL;
  int status = EXIT_CLEAN;

  if (!parse_command_line (context, entries, NULL, &inputs, &argc, &argv))
    return EXIT_UNREADABLE;
  if (files == NULL || files[0] == NULL)
    {
      print_error (_("audit: no file given (use - for standard input)"));
      return EXIT_UNREADABLE;
    }
  if (!inputs_prepare (&inputs))
    return EXIT_UNREADABLE;

  g_array_set_clear_func (rendered, rendered_clear);
  spool = tmpfile ();
  if (spool == NULL)
    {
      print_error (_("cannot create a temporary file"));
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr (CfReview) review = NULL;
      g_autoptr (CfDocument) doc = load_and_audit (files[i], &inputs, &review);
      Rendered r = { 0 };

      if (doc == NULL)
        {
          status = EXIT_UNREADABLE;
          continue;
        }
      g_string_truncate (out, 0);
      if (json)
        {
          g_autofree char *line = document_line (doc, review, inputs.saved_unavailable);

          g_string_append (out, line);
        }
      else
        render_human (out, doc, review);
      r.n_findings = cf_document_get_findings (doc)->len;
      r.has_error = has_error_finding (doc, review);
      r.stub = cf_audit_batch_stub_new (doc);
      r.review = r.stub ? g_steal_pointer (&review) : NULL;
      if (!spool_write (spool, out, &r))
        {
          print_error (_("cannot write a temporary file"));
          rendered_clear (&r);
          fclose (spool);
          return EXIT_UNREADABLE;
        }
      g_array_append_val (rendered, r);
    }

  inputs_finish (&inputs);
  run_batch (rendered);

  for (guint i = 0; i < rendered->len; i++)
    {
      Rendered *r = &g_array_index (rendered, Rendered, i);
      g_autofree char *text = spool_read (spool, r);
      GPtrArray *extra = r->stub ? cf_document_get_findings (r->stub) : NULL;

      if (text == NULL)
        {
          print_error (_("cannot read back a temporary file"));
          status = EXIT_UNREADABLE;
          continue;
        }
      if (r->has_error && status == EXIT_CLEAN)
        status = EXIT_ERROR_FINDING;

      if (extra == NULL || extra->len == 0)
        {
          fputs (text, stdout);
          if (json)
            fputc ('\n', stdout);
          continue;
        }

      if (has_error_finding (r->stub, r->review) && status == EXIT_CLEAN)
        status = EXIT_ERROR_FINDING;
      if (json)
        {
          /* "findings" is the last member: reopen its array and add to it. */
          gsize len = strlen (text);

          g_assert (len >= 2 && strcmp (text + len - 2, "]}") == 0);
          fwrite (text, 1, len - 2, stdout);
          for (guint k = 0; k < extra->len; k++)
            {
              g_autoptr (JsonNode) node = cf_json_finding_with_review (g_ptr_array_index (extra, k),
                                                                       r->review);
              g_autofree char *item = cf_json_node_to_line (node);

              if (r->n_findings > 0 || k > 0)
                fputc (',', stdout);
              fputs (item, stdout);
            }
          fputs ("]}\n", stdout);
        }
      else
        {
          g_string_truncate (out, 0);
          for (guint k = 0; k < extra->len; k++)
            append_finding_line (out, NULL, g_ptr_array_index (extra, k), r->review);
          fputs (text, stdout);
          fputs (out->str, stdout);
        }
    }

  fclose (spool);
  return finish_output (status);
}

/* extract ----------------------------------------------------------------- */

static gboolean
parse_encoding (const char *name, CfCsvEncoding *encoding)
{
  if (name == NULL)
    {
      *encoding = CF_CSV_UTF8;
      return TRUE;
    }
  if (cf_csv_encoding_from_string (name, encoding))
    return TRUE;
  {
    g_autofree char *message = g_strdup_printf (_("unknown encoding “%s” (use utf-8, utf-8-bom or gb18030)"),
                                                name);
    print_error (message);
  }
  return FALSE;
}

static int
run_extract (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *encoding_name = NULL;
  g_auto (Inputs) inputs = { 0 };
  g_auto (GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &dir, N_("Write the CSV files into DIR"), N_("DIR") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name, N_("utf-8 (default), utf-8-bom or gb18030"), N_("ENCODING") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (N_("— write one CSV per table of each report"));
  g_autoptr (GError) error = NULL;
  CfCsvEncoding encoding;
  int status = EXIT_CLEAN;

  if (!parse_command_line (context, entries, NULL, &inputs, &argc, &argv))
    return EXIT_UNREADABLE;
  if (files == NULL || files[0] == NULL || dir == NULL)
    {
      print_error (_("extract: give the files and the output folder (-o DIR)"));
      return EXIT_UNREADABLE;
    }
  if (!parse_encoding (encoding_name, &encoding) || !inputs_prepare (&inputs))
    return EXIT_UNREADABLE;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s: cannot create the folder (%s)"), dir,
                                                  g_strerror (errno));
      print_error (message);
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr (CfReview) review = NULL;
      g_autoptr (CfDocument) doc = load_and_audit (files[i], &inputs, &review);
      g_autoptr (GPtrArray) written = NULL;
      g_autoptr (GError) write_error = NULL;

      if (doc == NULL)
        {
          status = EXIT_UNREADABLE;
          continue;
        }
      written = cf_csv_write_tables_with_review (doc, review, dir, encoding, &write_error);
      if (written == NULL)
        {
          print_error (write_error->message);
          status = EXIT_UNREADABLE;
          continue;
        }
      for (guint k = 0; k < written->len; k++)
        g_print ("%s\n", (const char *) g_ptr_array_index (written, k));
      if (has_error_finding (doc, review) && status == EXIT_CLEAN)
        status = EXIT_ERROR_FINDING;
    }
  inputs_finish (&inputs);
  return status;
}

/* export ------------------------------------------------------------------ */

/* Streams UTF-8 text to a file that replaces @path atomically when closed. */
typedef struct
{
  GFile         *file;
  GOutputStream *stream;
} CsvOut;

static gboolean
csv_out_open (CsvOut *csv, const char *path, CfCsvEncoding encoding, GError **error)
{
  GFileOutputStream *file_stream;

  csv->file = g_file_new_for_commandline_arg (path);
  /* g_file_replace writes a temporary file and renames it over @path on close. */
  file_stream = g_file_replace (csv->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                error);
  if (file_stream == NULL)
    return FALSE;
  csv->stream = G_OUTPUT_STREAM (file_stream);
  if (encoding == CF_CSV_UTF8_BOM)
    return g_output_stream_write_all (csv->stream, "\xEF\xBB\xBF", 3, NULL, NULL, error);
  if (encoding == CF_CSV_GB18030)
    {
      g_autoptr (GCharsetConverter) conv = g_charset_converter_new ("GB18030", "UTF-8", error);

      if (conv == NULL)
        return FALSE;
      csv->stream = g_converter_output_stream_new (csv->stream, G_CONVERTER (conv));
      g_object_unref (file_stream);
    }
  return TRUE;
}

static gboolean
csv_out_write (CsvOut *csv, GString *text, GError **error)
{
  gboolean ok = g_output_stream_write_all (csv->stream, text->str, text->len, NULL, NULL, error);

  g_string_truncate (text, 0);
  return ok;
}

static gboolean
csv_out_close (CsvOut *csv, gboolean commit, GError **error)
{
  gboolean ok = TRUE;

  if (csv->stream != NULL)
    {
      if (!commit)
        {
          /* Cancelling the close leaves the old file in place. */
          g_autoptr (GCancellable) cancel = g_cancellable_new ();

          g_cancellable_cancel (cancel);
          g_output_stream_close (csv->stream, cancel, NULL);
        }
      else
        ok = g_output_stream_close (csv->stream, NULL, error);
    }
  g_clear_object (&csv->stream);
  g_clear_object (&csv->file);
  return ok;
}

static void
report_write_error (const char *path, GError *error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf (_("%s: cannot be written (%s)"), name,
                                              error->message);

  print_error (message);
}

/* Where export --xlsx puts @doc's workbook: @target itself for a single
 * input; with several, @target is a folder receiving <name>.xlsx for each
 * (the file name without its extension, "stdin" for -; -2, -3… when two
 * inputs share a name). */
static char *
workbook_path (const char *target, gboolean several, CfDocument *doc, GHashTable *used)
{
  const char *path = cf_document_get_path (doc);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (!several)
    return g_strdup (target);
  if (path == NULL || g_strcmp0 (path, "-") == 0)
    stem = g_strdup ("stdin");
  else
    stem = g_path_get_basename (path);
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';
  name = g_strdup_printf ("%s.xlsx", stem);
  for (guint n = 2; g_hash_table_contains (used, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u.xlsx", stem, n);
    }
  g_hash_table_add (used, g_strdup (name));
  return g_build_filename (target, name, NULL);
}

static int
run_export (int argc, char **argv)
{
  gboolean long_format = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *findings_path = NULL;
  g_autofree char *encoding_name = NULL;
  g_autofree char *xlsx = NULL;
  g_auto (Inputs) inputs = { 0 };
  g_auto (GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "long", 0, 0, G_OPTION_ARG_NONE, &long_format, N_("One row per canonical cell (with -o)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the cells to FILE"), N_("FILE") },
    { "findings", 0, 0, G_OPTION_ARG_FILENAME, &findings_path, N_("Also write the findings to FILE"), N_("FILE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name, N_("utf-8 (default), utf-8-bom or gb18030"), N_("ENCODING") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write an Excel workbook: PATH for one FILE; for several, one PATH/NAME.xlsx per FILE"), N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (N_("— the canonical cells of all reports in one CSV, or Excel workbooks"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rendered = g_array_new (FALSE, TRUE, sizeof (Rendered));
  g_autoptr (GString) cells = g_string_new (NULL);
  g_autoptr (GString) findings = g_string_new (NULL);
  g_autoptr (GHashTable) workbook_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                 NULL);
  g_autofree char *description = NULL;
  CsvOut cells_out = { 0 }, findings_out = { 0 };
  CfCsvEncoding encoding;
  gboolean several;
  int status = EXIT_CLEAN;
  gboolean ok = TRUE;

  description = g_strdup_printf ("%s\n%s", _(exit_status_help),
                                 _("Workbooks hold each file's tables and its own findings with "
                                   "their verdicts; findings across years (between the files) "
                                   "are only in the --findings CSV."));
  if (!parse_command_line (context, entries, description, &inputs, &argc, &argv))
    return EXIT_UNREADABLE;
  if (files == NULL || files[0] == NULL || long_format != (output != NULL)
      || (!long_format && xlsx == NULL))
    {
      print_error (_("export: use export FILE… --long -o OUT.csv, or export FILE… --xlsx OUT.xlsx"));
      return EXIT_UNREADABLE;
    }
  if (!parse_encoding (encoding_name, &encoding) || !inputs_prepare (&inputs))
    return EXIT_UNREADABLE;
  several = g_strv_length (files) > 1;
  if (xlsx != NULL)
    {
      if (!cf_xlsx_available ())
        {
          print_error (_("export: this build cannot write Excel workbooks (no libxlsxwriter)"));
          return EXIT_UNREADABLE;
        }
      if (several && g_mkdir_with_parents (xlsx, 0755) != 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s: cannot create the folder (%s)"), xlsx,
                                                      g_strerror (errno));
          print_error (message);
          return EXIT_UNREADABLE;
        }
    }
  g_array_set_clear_func (rendered, rendered_clear);

  if (long_format && !csv_out_open (&cells_out, output, encoding, &error))
    {
      report_write_error (output, error);
      csv_out_close (&cells_out, FALSE, NULL);
      return EXIT_UNREADABLE;
    }
  if (findings_path != NULL && !csv_out_open (&findings_out, findings_path, encoding, &error))
    {
      report_write_error (findings_path, error);
      csv_out_close (&cells_out, FALSE, NULL);
      csv_out_close (&findings_out, FALSE, NULL);
      return EXIT_UNREADABLE;
    }

  cf_csv_append_long_with_review (cells, NULL, NULL, TRUE);
  cf_csv_append_findings_with_review (findings, NULL, NULL, TRUE);
  for (guint i = 0; ok && files[i] != NULL; i++)
    {
      g_autoptr (CfReview) review = NULL;
      g_autoptr (CfDocument) doc = load_and_audit (files[i], &inputs, &review);
      Rendered r = { 0 };

      if (doc == NULL)
        {
          status = EXIT_UNREADABLE;
          continue;
        }
      if (long_format)
        {
          cf_csv_append_long_with_review (cells, doc, review, FALSE);
          ok = csv_out_write (&cells_out, cells, &error);
        }
      if (ok && findings_path != NULL)
        {
          cf_csv_append_findings_with_review (findings, doc, review, FALSE);
          ok = csv_out_write (&findings_out, findings, &error);
        }
      if (ok && xlsx != NULL)
        {
          g_autofree char *workbook = workbook_path (xlsx, several, doc, workbook_names);
          g_autoptr (GError) xlsx_error = NULL;

          /* One workbook failing leaves the others (and the CSVs) to be written. */
          if (cf_xlsx_write_with_review (doc, review, workbook, &xlsx_error))
            g_print ("%s\n", workbook);
          else
            {
              print_error (xlsx_error->message);
              status = EXIT_UNREADABLE;
            }
        }
      if (has_error_finding (doc, review) && status == EXIT_CLEAN)
        status = EXIT_ERROR_FINDING;
      r.stub = cf_audit_batch_stub_new (doc);
      r.review = r.stub ? g_steal_pointer (&review) : NULL;
      g_array_append_val (rendered, r);
    }

  inputs_finish (&inputs);
  run_batch (rendered);
  for (guint i = 0; ok && i < rendered->len; i++)
    {
      Rendered *r = &g_array_index (rendered, Rendered, i);

      if (r->stub == NULL || cf_document_get_findings (r->stub)->len == 0)
        continue;
      if (has_error_finding (r->stub, r->review) && status == EXIT_CLEAN)
        status = EXIT_ERROR_FINDING;
      if (findings_path != NULL)
        {
          cf_csv_append_findings_with_review (findings, r->stub, r->review, FALSE);
          ok = csv_out_write (&findings_out, findings, &error);
        }
    }

  if (!ok)
    report_write_error (output ? output : findings_path, error);
  else if (long_format && !csv_out_close (&cells_out, TRUE, &error))
    {
      report_write_error (output, error);
      ok = FALSE;
    }
  else if (findings_path != NULL && !csv_out_close (&findings_out, TRUE, &error))
    {
      report_write_error (findings_path, error);
      ok = FALSE;
    }
  csv_out_close (&cells_out, FALSE, NULL);
  csv_out_close (&findings_out, FALSE, NULL);
  return ok ? status : EXIT_UNREADABLE;
}

/* main -------------------------------------------------------------------- */

static void
print_usage (FILE *to)
{
  fprintf (to, "%s\n\n  crossfoot-cli audit   FILE… [--json] [--corrections FILE] [--password PW]\n"
               "  crossfoot-cli extract FILE… -o DIR [--encoding utf-8|utf-8-bom|gb18030] [--corrections FILE]\n"
               "  crossfoot-cli export  FILE… --long -o OUT.csv [--findings OUT.csv] [--encoding …] [--corrections FILE]\n"
               "  crossfoot-cli export  FILE… --xlsx OUT.xlsx|DIR [--findings OUT.csv] [--corrections FILE]\n"
               "  crossfoot-cli compare OLD NEW [--json] [--force] [--pdf OUT.pdf] [--html OUT.html]\n"
               "  %s\n\n%s\n\n%s\n",
           _("Usage:"),
           _("(every command also takes --no-saved-corrections and --verbose)"),
           _("FILE is a PDF, a text report or a saved HTML page; - reads standard input."),
           _(exit_status_help));
  fprintf (to, "%s\n", _("Run crossfoot-cli COMMAND --help for the options of a command."));
}

int
main (int argc, char **argv)
{
  const char *command;

  /* A closed output pipe is an error of write(), handled where the output
   * ends (finish_output), not a signal that kills the batch. */
  signal (SIGPIPE, SIG_IGN);
  /* Installed catalogues, an uninstalled build's (build/po) or
   * CROSSFOOT_LOCALEDIR's. */
  cf_locale_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_UNREADABLE;
    }
  command = argv[1];
  if (strcmp (command, "--version") == 0 || strcmp (command, "-V") == 0)
    {
      printf ("crossfoot-cli %s\n", PACKAGE_VERSION);
      return EXIT_CLEAN;
    }
  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0
      || strcmp (command, "help") == 0)
    {
      print_usage (stdout);
      return EXIT_CLEAN;
    }

  /* The subcommand's parser sees "crossfoot-cli COMMAND" as its program name
   * (GOption takes the program name from it for --help). */
  argv[1] = g_strdup_printf ("crossfoot-cli %s", command);
  argc--;
  argv++;
  if (strcmp (command, "audit") == 0)
    return run_audit (argc, argv);
  if (strcmp (command, "extract") == 0)
    return run_extract (argc, argv);
  if (strcmp (command, "export") == 0)
    return run_export (argc, argv);
  if (strcmp (command, "compare") == 0)
    return cf_cli_run_compare (argc, argv);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), command);

    print_error (message);
    print_usage (stderr);
  }
  return EXIT_UNREADABLE;
}
