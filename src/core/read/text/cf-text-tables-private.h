/* cf-text-tables-private.h: what the text table layouts share
 *
 * Each layout parser (pipe remnants, tabs, one cell per line, aligned
 * columns, Markdown) turns its lines into raw rows of raw cells: byte ranges
 * of the document text, classified as empty, label or value. The grid builder
 * then lays every table out the same way (labels from the left, value blocks
 * right-aligned, lost cells as MISSING slots with a note), so the form mapper
 * sees one convention whatever the layout was.
 */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

typedef enum
{
  CF_RAW_EMPTY,
  CF_RAW_LABEL,
  CF_RAW_VALUE,
} CfRawKind;

typedef struct
{
  gint64    offset;  /* trimmed text in the document; -1 for an empty cell */
  gint64    length;
  CfRawKind kind;
  int       hint;    /* value column read from positions (aligned layout), or -1 */
  int       joined;  /* a label wrapped over lines: its whole text in the
                      * builder's joined texts, or -1 (offset/length are
                      * then those of its first line) */
} CfRawCell;

typedef enum
{
  CF_RAW_ROW_NONE              = 0,
  /* Empty cells after the labels are blank value slots (pipe and Markdown
   * rows keep every cell the source had); otherwise they are layout noise. */
  CF_RAW_ROW_EMPTIES_ARE_VALUES = 1 << 0,
  /* A header row even if some of its cells read as numbers. */
  CF_RAW_ROW_HEADER            = 1 << 1,
  /* Tab rows of one field count: if their fields also line up by position
   * (no number in a label column), every field is a slot, blanks included. */
  CF_RAW_ROW_SLOTS             = 1 << 2,
  /* Labels then blank slots whose columns the positions proved (a row of
   * zeros printed blank in a browser's text dump): a data row, never a
   * section row. */
  CF_RAW_ROW_BLANK_DATA        = 1 << 3,
} CfRawRowFlags;

typedef struct
{
  guint         first;  /* index of the first cell in the builder's cells */
  guint         n_cells;
  CfRawRowFlags flags;
} CfRawRow;

typedef struct
{
  CfReading  *out;    /* where tables and their notes go */
  const char *text;
  gsize       text_len;
  const char *layout;
  GArray     *cells;  /* of CfRawCell */
  GArray     *rows;   /* of CfRawRow */
  GPtrArray  *joined; /* char *: texts of labels wrapped over lines */
  /* What the reading got so far: past the limits below, the rest of a
   * hostile file is not laid out (one note says so). */
  guint       n_tables_added;
  gsize       n_cells_added;
  gboolean    limit_noted;
} CfGridBuilder;

/* Most tables and cells the text finder gives one document; a report has a
 * dozen tables of a few hundred cells. */
#define CF_TEXT_MAX_TABLES 20000
#define CF_TEXT_MAX_CELLS  1500000

/* Longest value run or widest table a layout may produce; wider is not a report table. */
#define CF_TEXT_MAX_COLUMNS 64

/* Tables of @text (cell offsets into it) go to @out, with their notes. */
void      cf_grid_builder_init      (CfGridBuilder *builder,
                                     const char    *text,
                                     gsize          text_len,
                                     CfReading     *out,
                                     const char    *layout);
void      cf_grid_builder_clear     (CfGridBuilder *builder);
/* Drops the rows collected so far. */
void      cf_grid_builder_reset     (CfGridBuilder *builder);
void      cf_grid_builder_begin_row (CfGridBuilder *builder,
                                     CfRawRowFlags  flags);
/* Adds a cell to the current row; [@start, @end) is trimmed here and classified. */
CfRawCell *cf_grid_builder_add_cell (CfGridBuilder *builder,
                                     gsize          start,
                                     gsize          end);
/* Appends the text [@start, @end) of a following line to the label
 * @cell_index (a label wrapped over lines). */
void      cf_grid_builder_join_label (CfGridBuilder *builder,
                                      guint          cell_index,
                                      gsize          start,
                                      gsize          end);
/* Lays the rows out as a table, adds it to the reading (with notes for
 * lost cells) when it looks like a statistical table, and resets the rows.
 * @title may be NULL. Returns TRUE when a table was added. */
gboolean  cf_grid_builder_commit    (CfGridBuilder *builder,
                                     const char    *title);

/* Adds a table a layout built itself (the drawn grids) to the reading,
 * within the limits above. */
gboolean  cf_grid_builder_add_table (CfGridBuilder *builder,
                                     CfTable       *table);

/* Browser dumps (cf-text-tables-dump.c): rewrites blocks of aligned rows
 * whose values start exactly on the columns of their header words (w3m,
 * lynx) so every slot is a cell, blanks included. TRUE when it did. */
gboolean  cf_text_dump_slots        (CfGridBuilder *grid);

/* Drawn grids (cf-text-tables-box.c): TRUE when [@start, @end) is a rule of
 * box characters or of ASCII "+---+"; then cf_text_box_parse reads the
 * drawing from @pos (a rule's line) up to @limit, adds its table and
 * returns where the drawing ends. */
gboolean  cf_text_box_is_rule       (const char    *text,
                                     gsize          start,
                                     gsize          end);
gsize     cf_text_box_parse         (CfGridBuilder *builder,
                                     gsize          pos,
                                     gsize          limit,
                                     const char    *title);

/* Text helpers shared by the layouts. */
CfRawKind cf_text_classify_cell     (const char    *text,
                                     gsize          len);
/* Narrows [*start, *end) to its non-blank text (spaces, tabs, NBSP, U+3000). */
void      cf_text_trim              (const char    *text,
                                     gsize         *start,
                                     gsize         *end);
/* 1 for 三、, 2 for （三）, 3 for 3. / 3、 / (3), 0 when no enumerator starts @text. */
int       cf_text_enumerator_level  (const char    *text,
                                     gsize          len);

G_END_DECLS
