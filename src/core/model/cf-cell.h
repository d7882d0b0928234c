/* cf-cell.h: one cell of an extracted table, with where it came from */
#pragma once

#include <glib-object.h>
#include "cf-number.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CELL_FLAG_NONE      = 0,
  /* The source lost this cell: the slot exists so the grid stays square, but
   * nothing was read for it. Rules never treat it as zero. */
  CF_CELL_FLAG_MISSING   = 1 << 0,
  CF_CELL_FLAG_HEADER    = 1 << 1,
  /* The row lost a cell and this value's column is a best guess. */
  CF_CELL_FLAG_UNCERTAIN = 1 << 2,
  /* Corrected by the analyst: text differs from original_text. */
  CF_CELL_FLAG_CORRECTED = 1 << 3,
} CfCellFlags;

typedef struct
{
  int         row;
  int         col;
  int         row_span;
  int         col_span;
  char       *text;          /* UTF-8, trimmed; current (corrected) text */
  char       *original_text; /* as extracted, when corrected; else NULL */
  gint64      offset;        /* byte offset of the text in the document text, -1 if none */
  gint64      length;        /* byte length there */
  int         page;          /* 1-based PDF page, 0 when not from a PDF */
  double      bbox[4];       /* x0, y0, x1, y1 in PDF points, origin top-left */
  CfCellFlags flags;
  char       *row_key;       /* canonical keys after form mapping, else NULL */
  char       *col_key;
  CfNumber    number;        /* parsed from text */
} CfCell;

#define CF_TYPE_CELL (cf_cell_get_type ())
GType   cf_cell_get_type (void) G_GNUC_CONST;

CfCell *cf_cell_new      (int         row,
                          int         col,
                          int         row_span,
                          int         col_span,
                          const char *text,
                          gint64      offset,
                          gint64      length);
CfCell *cf_cell_copy     (const CfCell *cell);
void    cf_cell_free     (CfCell     *cell);
/* Replaces the text (keeping the first original) and re-parses the number. */
void    cf_cell_set_text (CfCell     *cell,
                          const char *text);
void    cf_cell_set_keys (CfCell     *cell,
                          const char *row_key,
                          const char *col_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCell, cf_cell_free)

G_END_DECLS
