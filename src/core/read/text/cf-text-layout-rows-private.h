/* cf-text-layout-rows-private.h: what the text-dump row reader (cf-text-layout-rows.c) and
 * its -raw parts (cf-text-layout-raw.c) share
 *
 * Lines of words with their character columns, the labels a region opens
 * and the region being read; see cf-text-layout-rows.h.
 */
#pragma once

#include "cf-text-tables-private.h"

G_BEGIN_DECLS

/* Fewer value columns: a list the other layouts read well (and prose). */
#define MIN_COLUMNS   4
#define MAX_LEVEL     3

typedef struct
{
  gsize start, end; /* bytes in the text */
  int   col;        /* character column in its line */
} Word;

typedef struct
{
  gsize  start, end; /* the line without its newline, after a form feed */
  int    page;
  GArray *words;     /* of Word */
  guint  n_values;   /* trailing numeric words */
} Line;

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
  gboolean has_child;
  gboolean placeholder;    /* a group whose label is still to come */
  int      last_number;    /* a group's last numbered row (3. -> 3) */
  gboolean uncertain;      /* out of order: its values are not read */
  int      first_row, n_rows;
} Label;

typedef struct
{
  const char *text;
  GArray     *labels;            /* of Label */
  int         open[MAX_LEVEL + 1]; /* open label per level, or -1 */
  int         current;           /* the label written last, or -1 */
  gboolean    spaced;            /* numbers set apart by runs of spaces:
                                  * their positions are columns (-layout) */
  int         lone;              /* the row a lone piece on the line before
                                  * went to after its values, or -1 */
  gsize       lone_len;          /* that row's text before the piece */
  Word        lone_word;
  int         named;             /* a group named last on the line before
                                  * beside a row being written, or -1 */
} Region;

static inline gboolean
is_leaf (const Label *label)
{
  return label->values->len > 0 || !label->has_child;
}

/* -raw (cf-text-layout-raw.c). A row label of the first level wrapped
 * over lines at line @i (一、本年新收政府信息公开申请 / 数量 / 4929 149 …),
 * which is no section heading. */
gboolean cf_text_raw_wrapped_row_label (const char *text,
                                        GArray     *lines,
                                        guint       i);
/* The first-level group of @index cut short by its narrow column
 * (三、本年), or -1. */
int      cf_text_raw_cut_heading       (Region     *rg,
                                        int         index);
/* The value count of a region's rows and how sure it is (see the .c). */
guint    cf_text_raw_region_width      (GArray     *labels,
                                        gboolean   *confirmed,
                                        gboolean   *has_short);

G_END_DECLS
