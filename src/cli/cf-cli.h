/* cf-cli.h: what the commands of crossfoot-cli share
 *
 * Every command reads its inputs the same way (cf-cli.c): loaded, the work
 * the app saved for them replayed, a corrections file applied, audited.
 */
#pragma once
#include "crossfoot.h"

G_BEGIN_DECLS

enum
{
  EXIT_CLEAN = 0,
  EXIT_ERROR_FINDING = 1,
  EXIT_UNREADABLE = 2,
  EXIT_OUTPUT = 3, /* the output could not be written (a full disk, a closed pipe) */
};

/* How every command reads its inputs: the options they share, and what
 * those options load once per run. */
typedef struct
{
  char              *password;
  char              *corrections_path;
  gboolean           no_saved;
  gboolean           verbose;
  GArray            *correction_sets; /* of CorrectionSet, from --corrections */
  CfPipeline        *pipeline;        /* load, saved work, the file above, audit */
  int                input_timeout;    /* seconds; 0: the pipeline's default */
  gboolean           warned_saved;     /* the saved work is unreadable: said once */
  gboolean           saved_unavailable; /* ... and for the input being read now */
} Inputs;

void        inputs_clear      (Inputs         *inputs);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

/* The options every command takes for its inputs. */
void        add_input_entries (GOptionContext *context,
                               Inputs         *inputs);
/* Adds the command's @entries and the input options, sets the help text
 * (@description, or the exit status help when NULL) and parses; prints why
 * and returns FALSE on a bad command line. */
gboolean    parse_command_line (GOptionContext     *context,
                                const GOptionEntry *entries,
                                const char         *description,
                                Inputs             *inputs,
                                int                *argc,
                                char             ***argv);
/* Reads the corrections file and opens the saved work, once per run. */
gboolean    inputs_prepare    (Inputs         *inputs);
void        inputs_finish     (Inputs         *inputs);
/* Loads, corrects and audits one input; prints why on failure (NULL). */
CfDocument *load_and_audit    (const char     *path,
                               Inputs         *inputs,
                               CfReview      **review);
/* An open (not accepted) error-severity finding in @doc. */
gboolean    has_error_finding (CfDocument     *doc,
                               CfReview       *review);
void        print_error       (const char     *message);
/* The --help text on saved corrections and the exit status. */
extern const char *const exit_status_help;

/* crossfoot-cli compare (cf-cli-compare.c). */
int         cf_cli_run_compare (int    argc,
                                char **argv);

G_END_DECLS
