/* cf-char-diff.h: what changed between two runs of text, character by character
 *
 * Chinese prose has no spaces to split words at, so text is compared by
 * characters; a run of digits (with its decimal point and separators) counts
 * as one token, so a number that changed is one change, not a few digits.
 */
#pragma once
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CF_DIFF_SAME,
  CF_DIFF_REMOVED,  /* only in the old text */
  CF_DIFF_INSERTED, /* only in the new text */
} CfDiffOp;

/* One run of a diff: a byte range of the old text (REMOVED, SAME) and/or of
 * the new text (INSERTED, SAME). */
typedef struct
{
  CfDiffOp op;
  gsize    old_offset;
  gsize    old_length;
  gsize    new_offset;
  gsize    new_length;
  gboolean is_number; /* the run holds a number (a changed figure stands out) */
} CfDiffSpan;

/* Compares two sequences of @n_old and @n_new items, @equal telling whether
 * old item i equals new item j. Returns the edit script: one CfDiffOp
 * (as guint8) per step, old and new in order. */
typedef gboolean (*CfDiffEqualFunc) (guint    old_index,
                                     guint    new_index,
                                     gpointer data);
GByteArray *cf_diff_sequences (guint           n_old,
                               guint           n_new,
                               CfDiffEqualFunc equal,
                               gpointer        data);

/* The character diff of two UTF-8 strings (@len -1: NUL-terminated), as
 * runs (GArray of CfDiffSpan) in text order. */
GArray     *cf_char_diff      (const char *old_text,
                               gssize      old_len,
                               const char *new_text,
                               gssize      new_len);

/* How alike two strings are, by the same tokens: 2 × common / (old + new),
 * from 0 (nothing in common) to 1 (equal). */
double      cf_char_similarity (const char *old_text,
                                const char *new_text);

G_END_DECLS
