/* cf-test-util.h: where tests find their files, and small shared checks */
#pragma once

#include "crossfoot.h"

/* tests/ in the source tree ($CF_TEST_SRCDIR). */
const char *cf_test_srcdir     (void);
/* A path under tests/: cf_test_path ("corpus", "text", "x.txt", NULL). Free with g_free. */
char       *cf_test_path       (const char *first, ...) G_GNUC_NULL_TERMINATED;
/* A fresh temporary folder, removed by the caller with cf_test_rm_rf. */
char       *cf_test_make_tmpdir (void);
void        cf_test_rm_rf      (const char *path);
/* Loads a corpus file (corpus/<sub>/<name>) and fails the test on error. */
CfDocument *cf_test_load_corpus (const char *sub,
                                 const char *name);
/* The text of cell (@row, @col) or NULL when no cell covers it. */
const char *cf_test_cell_text  (CfTable    *table,
                                int         row,
                                int         col);
/* The table of @doc with id @id ("requests", "table-2"), and its index in
 * the document; fails the test when there is none. */
CfTable    *cf_test_table_by_id (CfDocument        *doc,
                                 const char        *id,
                                 guint             *index);
/* "table/row/col" -> what that canonical cell says (its number with unit,
 * "" when blank, "<missing>", else its text as the forms match labels), over
 * the form tables of an audited @doc whose id is in @table_ids (NULL: all).
 * Readings of one report in two shapes compare cell by cell. */
GHashTable *cf_test_canonical_cells (CfDocument        *doc,
                                     const char *const *table_ids);
/* How a generated variant (tests/SUB/NAME with its NAME.json sidecar of
 * expected canonical cells) was read: its cells right, unread (absent or
 * MISSING), wrong, of how many, and its error findings. */
typedef struct
{
  guint right, missing, wrong, of, errors;
} CfTestOutcome;

typedef enum
{
  CF_TEST_SIDECAR_ALL_TABLES,    /* every cell, as cf_test_canonical_cells says it */
  CF_TEST_SIDECAR_REQUESTS,      /* the requests table's cells only, by their text */
  CF_TEST_SIDECAR_IN_REQUESTS,   /* every cell looked for in the requests table */
} CfTestSidecarScope;

/* Loads and audits tests/@sub/@name and compares it with its sidecar;
 * each wrong cell and error is a test message. */
CfTestOutcome cf_test_read_variant (const char        *sub,
                                    const char        *name,
                                    CfTestSidecarScope scope);
/* The reports of tests/corpus that folder and batch tests copy: text ones
 * (sub "text") first, then saved web pages (sub "html"). */
typedef struct
{
  const char *sub;
  const char *name;
} CfTestCorpusFile;

#define CF_TEST_N_CORPUS 7
extern const CfTestCorpusFile cf_test_corpus[CF_TEST_N_CORPUS];

/* Copies @from to @to, failing the test on error. */
void        cf_test_copy_file   (const char *from,
                                 const char *to);
/* Copies every cf_test_corpus report into @text_dir or, for the HTML ones,
 * @html_dir (both existing folders, often the same). */
void        cf_test_copy_corpus (const char *text_dir,
                                 const char *html_dir);
/* g_test_run () with CROSSFOOT_DATA_DIR (where the app keeps corrections)
 * a fresh folder, removed after. */
int         cf_test_run_with_data_dir (void);
/* A time limit of @seconds scaled by $CF_TEST_TIME_FACTOR (the valgrind
 * test setup sets it: Memcheck runs code some 30 times slower), and by 4 in
 * an AddressSanitizer build. */
double      cf_test_time_limit (double      seconds);
/* A memory limit of @megabytes, scaled for an AddressSanitizer build. */
double      cf_test_memory_limit (double    megabytes);

/* Spreadsheet-injection checks of the CSV and xlsx exports. */
/* Text a spreadsheet would run, and what must stay as printed (signed
 * numbers, the lone dash). */
extern const char *const cf_test_hostile_texts[];
extern const char *const cf_test_kept_texts[];
/* A document named "@hostile.txt" whose one table has every hostile and
 * kept text as a cell (the first two rows keyed as canonical cells), a
 * finding whose message is hostile, and, when @review is not NULL, that
 * finding accepted in @review with a hostile note. */
CfDocument *cf_test_hostile_document (CfReview  **review);
/* TRUE when @text would run in a spreadsheet: it begins with =, +, -, @, a
 * tab or a CR and is none of cf_test_kept_texts. */
gboolean    cf_test_is_live_text    (const char *text);
