/* cf-text-diff.h: the prose of two reports, section by section, sentence by sentence
 *
 * The prose is the document's text outside its tables. A line that starts
 * with a first-level enumerator (一、 二、 …) and is short starts a section;
 * sections are matched by their heading (without its number), else by how
 * alike the headings are. Within a pair of sections the sentences are
 * aligned; a removed and an inserted sentence that are mostly alike are one
 * changed sentence, diffed by characters (cf-char-diff.h).
 */
#pragma once
#include <glib-object.h>
#include "cf-document.h"
#include "cf-char-diff.h"

G_BEGIN_DECLS

typedef enum
{
  CF_TEXT_SAME,
  CF_TEXT_REMOVED,
  CF_TEXT_INSERTED,
  CF_TEXT_CHANGED,
} CfTextChangeKind;

/* "same", "removed", "inserted", "changed" */
const char *cf_text_change_kind_to_string (CfTextChangeKind kind);

typedef struct
{
  CfTextChangeKind kind;
  char            *old_text; /* NULL for INSERTED */
  char            *new_text; /* NULL for REMOVED */
  GArray          *spans;    /* CHANGED: CfDiffSpan over old_text and new_text; else NULL */
} CfSentenceChange;

typedef struct
{
  char      *old_heading; /* as printed; NULL when the section is only in the new report */
  char      *new_heading; /* NULL when only in the old report */
  GPtrArray *sentences;   /* of CfSentenceChange; empty for a section in one year only */
} CfSectionDiff;

#define CF_TYPE_TEXT_DIFF (cf_text_diff_get_type ())
G_DECLARE_FINAL_TYPE (CfTextDiff, cf_text_diff, CF, TEXT_DIFF, GObject)

CfTextDiff          *cf_text_diff_new            (CfDocument *old_doc,
                                                  CfDocument *new_doc);
/* Sections in the new report's order, those only in the old one after. */
guint                cf_text_diff_get_n_sections (CfTextDiff *self);
const CfSectionDiff *cf_text_diff_get_section    (CfTextDiff *self,
                                                  guint       index);
/* Sentences not CF_TEXT_SAME, over every section in both years. */
guint                cf_text_diff_count_changes  (CfTextDiff *self);

/* The prose of @doc split into sections: a GPtrArray of GStrv, each
 * { heading, sentence, sentence, …, NULL }; the text before the first
 * heading has the heading "". */
GPtrArray           *cf_text_diff_split_sections (CfDocument *doc);

G_END_DECLS
