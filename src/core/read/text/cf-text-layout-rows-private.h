/* cf-text-layout-rows-private.h: what the text-dump row reader (cf-text-layout-rows.c) and
 * its -raw parts (cf-text-layout-raw.c) share
 *
 * Lines of words with their character columns and the region being read;
 * the words and labels themselves are cf-text-layout-table.h's. See
 * cf-text-layout-rows.h.
 */
#pragma once

#include "cf-text-tables-private.h"
#include "cf-text-layout-table.h"

G_BEGIN_DECLS

#define MAX_LEVEL     3

typedef struct
{
  gsize  start, end; /* the line without its newline, after a form feed */
  int    page;
  GArray *words;     /* of Word */
  guint  n_values;   /* trailing numeric words */
} Line;

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
