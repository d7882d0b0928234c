/* cf-text-scan.h: the line scanner the text table layouts share
 *
 * cf-text-tables.c classifies each line and hands a run of lines of one
 * family to its layout's parser: pipe remnants and Markdown
 * (cf-text-tables-pipe.c), tab-separated and space-aligned rows
 * (cf-text-tables-separated.c), one cell per line (cf-text-tables-lines.c).
 * Each parser reads its run into the grid builder and returns where the run
 * ends.
 */
#pragma once

#include "cf-text-tables-private.h"

G_BEGIN_DECLS

/* A run longer than this is not a report table; it is skipped unread. */
#define MAX_REGION_LINES 100000
/* Most fields of a tab or aligned row. */
#define MAX_FIELDS 200

typedef enum
{
  LINE_BLANK,
  LINE_PROSE,
  LINE_SHORT,
  LINE_PIPE_BAR,   /* only "|" characters */
  LINE_PIPE_CELL,  /* "TEXT |" */
  LINE_MD_ROW,     /* "| a | b |" */
  LINE_MD_SEP,     /* "|---|:---:|" */
  LINE_TAB,
  LINE_ALIGNED,
  LINE_BOX_RULE,   /* "┌──┬──┐" or "+---+---+": a drawn grid starts */
} LineKind;

typedef struct
{
  gsize    start;   /* the line without its line break */
  gsize    end;
  gsize    next;    /* where the next line starts */
  gsize    tstart;  /* trimmed */
  gsize    tend;
  LineKind kind;
  guint    n_bars;
} Line;

typedef struct
{
  const char   *text;
  gsize         len;
  CfGridBuilder grid;
  /* The last line before the current run, when it can be a heading. */
  gssize        title_start;
  gsize         title_end;
  /* The last section heading (三、…情况) among the label lines just before
   * the run: it names the table over lines such as 单位：件, 申请人情况 or
   * 第二十条第（一）项 printed between it and the table. */
  gssize        heading_start;
  gsize         heading_end;
  /* Extraction from a selection with a layout named: every non-blank line
   * reads as @forced_kind (pipe and Markdown: those that can). */
  gboolean      forced;
  LineKind      forced_kind;
} Scanner;

typedef void (*FieldFunc) (gpointer data, gsize start, gsize end);

/* Reads the line starting at @pos ('\f', a page break, also ends a line). */
void     cf_text_read_line        (Scanner *sc, gsize pos, Line *line);
/* The heading over the current run, or NULL. */
char    *cf_text_title_text       (Scanner *sc);
void     cf_text_set_title        (Scanner *sc, const Line *line);
/* Lays out the rows read so far as one table of @layout. */
void     cf_text_commit           (Scanner *sc, const char *layout, const char *title);
gboolean cf_text_has_bytes        (const char *text, gsize start, gsize end, const char *needle);
gboolean cf_text_is_space_char_at (const char *text, gsize pos, gsize end, gsize *len);
/* Calls @func on each field of a line whose fields are set apart by runs
 * of spaces; returns how many (stops counting past @limit). */
guint    cf_text_split_aligned    (const char *text, gsize start, gsize end, guint limit,
                                   FieldFunc func, gpointer data);

gsize    cf_text_parse_pipe       (Scanner *sc, gsize pos);
gsize    cf_text_parse_markdown   (Scanner *sc, gsize pos);
gsize    cf_text_parse_separated  (Scanner *sc, gsize pos, LineKind kind);
gsize    cf_text_parse_lines      (Scanner *sc, gsize pos);
/* html2text's ruled tables (cf-text-ruled-dump.c): [@start, @end) is the
 * line of "_" over one; the parser reads it and its "|" rows. */
gboolean cf_text_ruled_dump_is_top (const char *text, gsize start, gsize end);
gsize    cf_text_parse_ruled_dump  (Scanner *sc, gsize pos);

G_END_DECLS
