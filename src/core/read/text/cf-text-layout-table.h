/* cf-text-layout-table.h: the table of the rows cf-text-layout-rows.c rebuilt
 *
 * Private to the layout-rows reader: its words and labels, and the table
 * built from them (the columns of the rows that print all values, a short
 * row placed where its figures stand, doubtful rows left MISSING).
 */
#pragma once

#include "cf-table.h"

G_BEGIN_DECLS

typedef struct
{
  gsize start, end; /* bytes in the text */
  int   col;        /* character column in its line */
  int   wcol;       /* display column (a wide character counts two) */
} Word;

typedef struct
{
  GString *text;
  gint64   offset, length; /* the first piece */
  int      level;          /* 1..3 by enumerator, 0 none */
  int      col;            /* character column of its enumerator, or -1 */
  int      parent;         /* enclosing label, or -1 */
  GArray  *values;         /* of Word */
  int      page;           /* of its first value line */
  guint    n_value_lines;
  guint    first_line_values; /* how many of the values its first value line printed */
  gboolean has_child;
  gboolean placeholder;    /* a group whose label is still to come */
  int      last_number;    /* a group's last numbered row (3. -> 3) */
  gboolean uncertain;      /* out of order: its values are not read */
  int      first_row, n_rows;
} Label;

/* Fewer value columns: a list the other layouts read well (and prose). */
#define MIN_COLUMNS   4

static inline gboolean
is_leaf (const Label *label)
{
  return label->values->len > 0 || !label->has_child;
}

/* The table of @labels; without @read_values (a -raw row whose width is not
 * certain) its values are MISSING. */
CfTable *cf_text_layout_build_table (const char *text, GArray *labels, gboolean spaced,
                                     const char *title, gboolean read_values);

G_END_DECLS
