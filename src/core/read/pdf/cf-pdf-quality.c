/* cf-pdf-quality.c: how far a table read from a PDF page can be trusted
 *
 * Two signs that a borderless table was cut right, after the quality scores
 * of table extractors (Camelot's whitespace and accuracy reports): the cells
 * of a column line up along one edge or their centre, and the grid is not
 * mostly empty (a table cut into too many columns or rows, or prose read as
 * one, leaves most slots blank).
 */
#include <math.h>

#include "cf-pdf-quality.h"

#define ALIGN_TOL 2.0 /* pt: edges this close line up */

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Share of @edges (sorted in place) within ALIGN_TOL of their median. */
static double
share_at_median (GArray *edges)
{
  double median;
  guint n = 0;

  g_array_sort (edges, compare_doubles);
  median = g_array_index (edges, double, edges->len / 2);
  for (guint i = 0; i < edges->len; i++)
    n += fabs (g_array_index (edges, double, i) - median) <= ALIGN_TOL;
  return (double) n / edges->len;
}

double
cf_pdf_table_confidence (CfTable *table)
{
  int n_rows = cf_table_get_n_rows (table), n_cols = cf_table_get_n_cols (table);
  double fit_sum = 0, coverage, shape = 1.0, fit;
  guint fit_weight = 0;
  gint64 filled = 0;

  if (n_rows <= 0 || n_cols <= 0)
    return 0.0;

  for (int c = 0; c < n_cols; c++)
    {
      g_autoptr (GArray) lefts = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) rights = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) centres = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < cf_table_get_n_cells (table); i++)
        {
          const CfCell *cell = cf_table_get_cell_at (table, i);
          double centre = (cell->bbox[0] + cell->bbox[2]) / 2;

          if (cell->col != c || cell->col_span != 1 || cell->text == NULL || *cell->text == '\0'
              || cell->bbox[2] <= cell->bbox[0])
            continue;
          g_array_append_val (lefts, cell->bbox[0]);
          g_array_append_val (rights, cell->bbox[2]);
          g_array_append_val (centres, centre);
        }
      if (lefts->len < 2)
        continue;
      fit_sum += lefts->len
                 * MAX (share_at_median (lefts), MAX (share_at_median (rights), share_at_median (centres)));
      fit_weight += lefts->len;
    }
  fit = fit_weight > 0 ? fit_sum / fit_weight : 0.5;

  for (guint i = 0; i < cf_table_get_n_cells (table); i++)
    {
      const CfCell *cell = cf_table_get_cell_at (table, i);
      if (cell->text != NULL && *cell->text != '\0')
        filled += (gint64) cell->row_span * cell->col_span;
    }
  coverage = (double) filled / ((double) n_rows * n_cols);

  if (n_rows < 2 || n_cols < 2)
    shape = 0.5;
  else if (n_rows == 2)
    shape = 0.8;
  return CLAMP (fit * (0.4 + 0.6 * MIN (1.0, coverage / 0.6)) * shape, 0.0, 1.0);
}
