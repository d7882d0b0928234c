/* cf-pdf-lattice-grid.h: slots of a ruled grid, and cells that make no rectangle */
#pragma once

#include "cf-pdf-table.h"

G_BEGIN_DECLS

/* The slot between the sorted @edges (of double) that @p falls in, or -1
 * outside them. */
int  cf_pdf_grid_slot       (GArray          *edges,
                             double           p);

/* Cuts an empty cell whose slots (@in, n_rows x n_cols flags over the grid
 * @xs by @ys) make no rectangle into rectangles: appends them to @rects (of
 * int[4]: top, left, bottom, right) and sets each slot's index among @rects
 * in @slot_cell. Characters marked in @used are left out. Returns FALSE,
 * doing nothing, when text is in the cell. */
gboolean cf_pdf_grid_cut_ragged (const CfPdfPage *page,
                             const gboolean  *used,
                             GArray          *xs,
                             GArray          *ys,
                             const gboolean  *in,
                             int             *slot_cell,
                             GArray          *rects);

G_END_DECLS
