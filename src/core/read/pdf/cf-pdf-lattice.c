/* cf-pdf-lattice.c: ruled (lattice) tables of a PDF page
 *
 * The rulings of one connected frame (cf-pdf-rulings.c) are snapped to a
 * grid, and a grid line that is missing between two slots merges them (row
 * or column span). Characters go to the cell their box centre falls in.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-lattice.h"
#include "cf-pdf-lattice-grid.h"
#include "cf-pdf-rulings.h"

#define MIN_ROW 4.0 /* pt: thinner grid rows are a double rule, not a row */

static guint
uf_find (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static void
uf_union (guint *parent, guint a, guint b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

/* Total length of the rules within CF_PDF_SNAP_TOL of @pos. */
static double
drawn_length (GArray *rules, double pos)
{
  double length = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      const CfPdfRule *r = &g_array_index (rules, CfPdfRule, i);
      if (fabs (r->pos - pos) <= CF_PDF_SNAP_TOL)
        length += r->b - r->a;
    }
  return length;
}

/* Grid positions from rule positions: clusters within CF_PDF_SNAP_TOL, then of
 * positions closer than MIN_ROW (double rules) keeps the first, or the later
 * one when @rules draw it longer (a rule across the table beside the short
 * side of a cell piece a page break left). */
static GArray *
snap_positions (GArray *positions, GArray *rules)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0, last_length = 0;
  int n = 0;

  g_array_sort (positions, cf_pdf_compare_doubles);
  for (guint i = 0; i <= positions->len; i++)
    {
      double p = i < positions->len ? g_array_index (positions, double, i) : G_MAXDOUBLE;
      if (n > 0 && p - sum / n > CF_PDF_SNAP_TOL)
        {
          double mean = sum / n, length = drawn_length (rules, mean);

          if (out->len == 0 || mean - g_array_index (out, double, out->len - 1) >= MIN_ROW)
            g_array_append_val (out, mean), last_length = length;
          else if (length > 2 * last_length && out->len > 1)
            g_array_index (out, double, out->len - 1) = mean, last_length = length;
          sum = 0;
          n = 0;
        }
      sum += p;
      n++;
    }
  return out;
}

/* Share of [a, b] covered by rules at @pos. */
static double
coverage (GArray *rules, double pos, double a, double b)
{
  double covered = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      const CfPdfRule *r = &g_array_index (rules, CfPdfRule, i);
      if (fabs (r->pos - pos) <= CF_PDF_SNAP_TOL + 0.5)
        covered += MAX (0.0, MIN (b, r->b) - MAX (a, r->a));
    }
  return b > a ? covered / (b - a) : 1.0;
}

/* Whether the visual line of @chars (of guint, sorted by centre y) that
 * starts at @chars[@from] is set apart by wide gaps into several pieces, one
 * of them a number: columns the frame's rules do not separate. Returns the
 * index after that line. */
static guint
line_has_columns (const CfPdfPage *page, GArray *chars, guint from, gboolean *columns)
{
  guint *line = &g_array_index (chars, guint, from);
  const CfPdfChar *first = cf_pdf_char_at (page, line[0]);
  double h = MAX (1.0, first->y1 - first->y0);
  guint n = 1, n_gaps = 0;
  gboolean digit_after_gap = FALSE;

  while (from + n < chars->len
         && fabs (cf_pdf_char_cy (cf_pdf_char_at (page, line[n])) - cf_pdf_char_cy (first)) <= 0.4 * h)
    n++;
  cf_pdf_sort_indices (page, line, n, cf_pdf_compare_by_x);
  for (guint k = 1; k < n; k++)
    {
      const CfPdfChar *prev = cf_pdf_char_at (page, line[k - 1]);
      const CfPdfChar *c = cf_pdf_char_at (page, line[k]);

      if (c->x0 - prev->x1 > 1.5 * h)
        {
          n_gaps++;
          digit_after_gap |= g_unichar_isdigit (c->ch);
        }
    }
  /* "合    计" is one label spread to the cell's width: one gap, no number. */
  *columns = n_gaps >= 2 || (n_gaps == 1 && digit_after_gap);
  return from + n;
}

/* Two characters of one word or number: letters or digits, or a digit
 * beside its decimal point, separator or percent sign. */
static gboolean
is_word_pair (gunichar a, gunichar b)
{
  if (g_unichar_isalnum (a) && g_unichar_isalnum (b))
    return TRUE;
  return (g_unichar_isdigit (a) && strchr (".,%", (int) b) != NULL && b < 0x80)
         || (g_unichar_isdigit (b) && strchr (".,", (int) a) != NULL && a < 0x80);
}

/* Whether @b, the character after @a in text order, goes on @a's word or
 * number: no space between, on one line, set close after it. */
static gboolean
same_word (const CfPdfChar *a, const CfPdfChar *b)
{
  double h = MAX (1.0, a->y1 - a->y0);

  return !b->space_before && is_word_pair (a->ch, b->ch) && !cf_pdf_is_cjk (a->ch) && !cf_pdf_is_cjk (b->ch)
         && fabs (cf_pdf_char_cy (a) - cf_pdf_char_cy (b)) < 0.4 * h && b->x0 >= a->x0 && b->x0 - a->x1 < 0.3 * h;
}

/* Words the grid cuts: two letters or digits printed one right after the
 * other (in text order, no space between) that land in different cells.
 * Text never runs over a ruling; it does over the boxes of a diagram. */
static guint
count_cut_words (const CfPdfPage *page, GPtrArray *cell_chars)
{
  g_autofree int *cell_of = g_new (int, page->chars->len + 1);
  guint n_cut = 0;

  for (guint i = 0; i < page->chars->len; i++)
    cell_of[i] = -1;
  for (guint k = 0; k < cell_chars->len; k++)
    {
      GArray *chars = g_ptr_array_index (cell_chars, k);
      for (guint i = 0; i < chars->len; i++)
        cell_of[g_array_index (chars, guint, i)] = k;
    }
  for (guint i = 1; i < page->chars->len; i++)
    {
      if (cell_of[i - 1] >= 0 && cell_of[i] >= 0 && cell_of[i - 1] != cell_of[i]
          && same_word (cf_pdf_char_at (page, i - 1), cf_pdf_char_at (page, i)))
        n_cut++;
    }
  return n_cut;
}

/* Slots of one row that a word runs over are one cell: text never runs
 * over a ruling, so what parts them there is no rule of the table (a rule
 * of a head band drawn under a spanning head). */
static void
join_cut_words (const CfPdfPage *page, const gboolean *used, GArray *xs, GArray *ys, guint *parent)
{
  int n_cols = (int) xs->len - 1;

  for (guint i = 1; i < page->chars->len; i++)
    {
      const CfPdfChar *a = cf_pdf_char_at (page, i - 1), *b = cf_pdf_char_at (page, i);
      int ra, ca, rb, cb;

      if (used[i - 1] || used[i] || !same_word (a, b))
        continue;
      ra = cf_pdf_grid_slot (ys, cf_pdf_char_cy (a)), ca = cf_pdf_grid_slot (xs, cf_pdf_char_cx (a));
      rb = cf_pdf_grid_slot (ys, cf_pdf_char_cy (b)), cb = cf_pdf_grid_slot (xs, cf_pdf_char_cx (b));
      if (ra < 0 || ca < 0 || ra != rb || cb <= ca)
        continue;
      for (int c = ca; c < cb; c++)
        uf_union (parent, ra * n_cols + c, ra * n_cols + c + 1);
    }
}

/* How well a frame of rules makes a grid of cells, from 0 to 1; below 0
 * for one that is none: a chart (its axes and gridlines frame slots nearly
 * all empty), a table ruled only between rows, whose columns the rules leave
 * in one slot (many slots then hold a row's several columns, set apart by
 * wide gaps), or a diagram whose boxes cut the words. */
static double
grid_quality (const CfPdfPage *page, int n_rows, GPtrArray *cell_chars)
{
  guint n_filled = 0, n_with_columns = 0, n_cut;

  for (guint k = 0; k < cell_chars->len; k++)
    {
      GArray *chars = g_ptr_array_index (cell_chars, k);
      gboolean columns = FALSE;

      if (chars->len == 0)
        continue;
      n_filled++;
      cf_pdf_sort_indices (page, (guint *) chars->data, chars->len, cf_pdf_compare_by_cy);
      for (guint i = 0; i < chars->len && !columns;)
        i = line_has_columns (page, chars, i, &columns);
      n_with_columns += columns;
    }
  /* A form leaves many cells blank, but a chart nearly all, and its few
   * labels often stand apart in one slot; one row may be nearly empty: the
   * tail of a row a page break cut. */
  if (n_rows >= 2 && (n_filled < 2 || n_filled * 5 < cell_chars->len
                      || (n_filled * 3 < cell_chars->len && n_with_columns > 0)))
    return -1;
  if (n_with_columns > 0 && n_with_columns * 4 >= n_filled)
    return -1;
  n_cut = count_cut_words (page, cell_chars);
  if (n_cut >= 2 && n_cut * 6 >= n_filled)
    return -1;
  return MAX (0.1, 1.0 - (double) (n_with_columns + n_cut) / n_filled);
}

/* A visual line of the characters in one band between two horizontal
 * rules: its extent, and whether it holds a row of figures: a label in the
 * first column, then a number. */
typedef struct
{
  double y0, y1;
  gboolean figures;
  gboolean spans;  /* a word or phrase runs over a column's edge */
  int n_slots;     /* the slots it has text in */
  guint64 slots;   /* those slots (the first 64), and those a phrase spans */
  guint64 spanned;
} BandLine;

/* Whether the characters @a and @b, set close on one line in slots @from
 * and @to, stand on either side of ruled edges: every column edge between
 * them ruled where they stand and passing in the gap between them. Cells
 * with little padding set their text that close to a rule; a head that runs
 * over rules of its band has a rule through its characters. */
static gboolean
edges_ruled (GArray *vs, GArray *xs, int from, int to, const CfPdfChar *a, const CfPdfChar *b)
{
  double top = MIN (a->y0, b->y0), bottom = MAX (a->y1, b->y1);

  for (int e = MIN (from, to) + 1; e <= MAX (from, to); e++)
    {
      double x = g_array_index (xs, double, e);

      if (x <= a->x1 || x >= b->x0 || coverage (vs, x, top, bottom) < 0.5)
        return FALSE;
    }
  return TRUE;
}

static GArray *
band_lines (const CfPdfPage *page, GArray *vs, GArray *xs, GArray *chars)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (BandLine));
  guint *order = (guint *) chars->data;

  cf_pdf_sort_indices (page, order, chars->len, cf_pdf_compare_by_cy);
  for (guint start = 0; start < chars->len;)
    {
      const CfPdfChar *first = cf_pdf_char_at (page, order[start]);
      double h = MAX (1.0, first->y1 - first->y0);
      BandLine line = { first->y0, first->y1, FALSE, FALSE, 0, 0, 0 };
      int first_slot = G_MAXINT, n_slots = 0, last_slot = -1;
      gboolean number_after_first = FALSE;
      guint stop = start;

      while (stop < chars->len && fabs (cf_pdf_char_cy (cf_pdf_char_at (page, order[stop])) - cf_pdf_char_cy (first)) <= 0.4 * h)
        stop++;
      cf_pdf_sort_indices (page, order + start, stop - start, cf_pdf_compare_by_x);
      for (guint k = start; k < stop; k++)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, order[k]);
          int slot = cf_pdf_grid_slot (xs, cf_pdf_char_cx (c));

          line.y0 = MIN (line.y0, c->y0), line.y1 = MAX (line.y1, c->y1);
          if (k > start && slot != last_slot && last_slot >= 0
              && c->x0 - cf_pdf_char_at (page, order[k - 1])->x1 < 0.3 * h
              && !edges_ruled (vs, xs, last_slot, slot, cf_pdf_char_at (page, order[k - 1]), c))
            {
              line.spans = TRUE;
              line.spanned |= (slot < 64 ? G_GUINT64_CONSTANT (1) << slot : 0)
                              | (last_slot < 64 ? G_GUINT64_CONSTANT (1) << last_slot : 0);
            }
          if (slot >= 0 && slot < 64)
            line.slots |= G_GUINT64_CONSTANT (1) << slot;
          if (slot != last_slot)
            {
              n_slots++;
              first_slot = MIN (first_slot, slot);
              last_slot = slot;
            }
          number_after_first |= slot > first_slot && g_unichar_isdigit (c->ch);
        }
      line.figures = first_slot == 0 && n_slots >= 2 && number_after_first;
      line.n_slots = n_slots;
      g_array_append_val (out, line);
      start = stop;
    }
  return out;
}

/* Whether one run of adjacent slots a phrase spans (of @spanned) stands
 * over two or more of the slots @below has text in: heads of the columns
 * it spans. Each run over one slot below is a head wrapped in its merged
 * cell (a narrow column's head cut into lines), no head above heads. */
static gboolean
heads_under_one_span (guint64 spanned, guint64 below)
{
  while (spanned != 0)
    {
      guint64 low = spanned & -spanned;        /* the run's first slot */
      guint64 run = (spanned + low) & ~spanned; /* the slot after it */
      guint64 under;

      run = run != 0 ? (run - low) : ~(low - 1);
      under = below & run;
      if ((under & (under - 1)) != 0)
        return TRUE;
      spanned &= ~run;
    }
  return FALSE;
}

/* Row boundaries the rules leave out: a table ruled only around its head
 * and foot (or between groups) holds several rows of figures in one band.
 * Each line of figures in such a band opens a row; other lines (a wrapped
 * label, a list in one cell) stay with the row above. A band with one line
 * of figures (numbers set beside a label of several lines) is one row. Returns the new
 * edges (of double) and sets @unruled (of gboolean, by edge) to mark those
 * no rule drew. Empty bands thinner than a line are dropped. */
static GArray *
split_unruled_rows (const CfPdfPage *page, const gboolean *used, GArray *hs, GArray *vs, GArray *xs, GArray *ys,
                    GArray **unruled)
{
  guint n_bands = ys->len - 1;
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) band_chars = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean no = FALSE, yes = TRUE;
  g_autofree gboolean *skip_edge = NULL;
  double line_h;

  *unruled = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint b = 0; b < n_bands; b++)
    g_ptr_array_add (band_chars, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < page->chars->len; i++)
    {
      const CfPdfChar *ch = cf_pdf_char_at (page, i);
      int b = cf_pdf_grid_slot (ys, cf_pdf_char_cy (ch));

      if (!used[i] && b >= 0 && cf_pdf_grid_slot (xs, cf_pdf_char_cx (ch)) >= 0)
        g_array_append_val (g_ptr_array_index (band_chars, b), i);
    }

  /* A band with no text that is thinner than a line of it holds no row:
   * the gap of a double or a thick rule. It joins the band above (the first
   * one the band below). */
  {
    g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint b = 0; b < n_bands; b++)
      {
        GArray *chars = g_ptr_array_index (band_chars, b);
        for (guint k = 0; k < chars->len; k++)
          {
            const CfPdfChar *ch = cf_pdf_char_at (page, g_array_index (chars, guint, k));
            double h = ch->y1 - ch->y0;
            g_array_append_val (heights, h);
          }
      }
    g_array_sort (heights, cf_pdf_compare_doubles);
    line_h = heights->len > 0 ? g_array_index (heights, double, heights->len / 2) : 0;
  }
  skip_edge = g_new0 (gboolean, ys->len);
  for (guint b = 0; b < n_bands && n_bands > 1; b++)
    if (((GArray *) g_ptr_array_index (band_chars, b))->len == 0
        && g_array_index (ys, double, b + 1) - g_array_index (ys, double, b) < line_h)
      {
        double left = g_array_index (xs, double, 0), right = g_array_index (xs, double, xs->len - 1);
        guint drop = b > 0 ? b : b + 1;

        /* Of a head's rule across the frame and a row's top border drawn
         * cell by cell (Chromium under a repeated head), the rule across
         * stays: cells over the other would merge down into the row. */
        if (b > 0 && b + 1 < n_bands
            && coverage (hs, g_array_index (ys, double, b + 1), left, right) + 0.05
                 < coverage (hs, g_array_index (ys, double, b), left, right))
          drop = b + 1;
        skip_edge[drop] = TRUE;
      }

  for (guint b = 0; b < n_bands; b++)
    {
      g_autoptr (GArray) lines = band_lines (page, vs, xs, g_ptr_array_index (band_chars, b));
      guint n_figures = 0;
      double row_bottom = -G_MAXDOUBLE;

      if (!skip_edge[b])
        {
          g_array_append_val (edges, g_array_index (ys, double, b));
          g_array_append_val (*unruled, no);
        }
      for (guint l = 0; l < lines->len; l++)
        n_figures += g_array_index (lines, BandLine, l).figures;
      /* A head that spans columns over the heads of each of them, with no
       * rule between: two rows, the first a span. */
      for (guint l = 1, span = 0; l < lines->len && n_figures < 2; l++)
        {
          const BandLine *above = &g_array_index (lines, BandLine, span);
          const BandLine *line = &g_array_index (lines, BandLine, l);
          guint64 under = line->slots & above->spanned;

          /* The heads below stand in the columns the span covers (not
           * the wrapped ends of heads beside it). */
          if (above->spans && !line->spans && under != 0 && heads_under_one_span (above->spanned, line->slots))
            {
              double edge = (above->y1 + line->y0) / 2;
              g_array_append_val (edges, edge);
              g_array_append_val (*unruled, yes);
              break;
            }
          if (line->spans)
            span = l;
        }
      for (guint l = 0; l < lines->len && n_figures >= 2; l++)
        {
          const BandLine *line = &g_array_index (lines, BandLine, l);

          /* Each line of figures after the first opens a row. */
          if (line->figures && row_bottom > -G_MAXDOUBLE && line->y0 > row_bottom)
            {
              double edge = (row_bottom + line->y0) / 2;
              g_array_append_val (edges, edge);
              g_array_append_val (*unruled, yes);
            }
          row_bottom = MAX (row_bottom, line->y1);
        }
    }
  g_array_append_val (edges, g_array_index (ys, double, n_bands));
  g_array_append_val (*unruled, no);
  return edges;
}

/* Whether rules at @p and @q run side by side, as the two strokes of a
 * double rule do: over most of the height either is drawn, both are. Edges
 * of cells in different rows that a form sets a little apart (a label
 * column wider in one part of the table than in another) are each drawn
 * where the other is not. */
static gboolean
rules_run_together (GArray *rules, double p, double q, double a, double b)
{
  const int n_steps = 200;
  int n_either = 0, n_both = 0;

  for (int k = 0; k < n_steps; k++)
    {
      double y = a + (b - a) * (k + 0.5) / n_steps;
      gboolean at_p = FALSE, at_q = FALSE;

      for (guint i = 0; i < rules->len; i++)
        {
          const CfPdfRule *r = &g_array_index (rules, CfPdfRule, i);

          if (y < r->a || y > r->b)
            continue;
          at_p |= fabs (r->pos - p) <= CF_PDF_SNAP_TOL + 0.5;
          at_q |= fabs (r->pos - q) <= CF_PDF_SNAP_TOL + 0.5;
        }
      n_either += at_p || at_q;
      n_both += at_p && at_q;
    }
  return n_either > 0 && n_both * 2 >= n_either;
}

/* Drops the slots between double rules down the page: a column narrower
 * than most of a character that (nearly) no text falls in, between two rules
 * drawn side by side, holds no column. A narrow slot between edges that
 * rows of a form set a little apart is a column of some rows (a label
 * column's narrow cells, whose few characters are its whole text).
 * Each joins the column on its left (the first one the column on its
 * right). */
static void
drop_thin_columns (const CfPdfPage *page, const gboolean *used, GArray *vs, GArray *xs, double y_min, double y_max)
{
  guint n_slots = xs->len - 1;
  g_autofree guint *n_in = g_new0 (guint, n_slots + 1);
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double line_h;

  for (guint i = 0; i < page->chars->len; i++)
    {
      const CfPdfChar *ch = cf_pdf_char_at (page, i);
      double h = ch->y1 - ch->y0;
      int slot;

      if (used[i] || cf_pdf_char_cy (ch) < y_min || cf_pdf_char_cy (ch) > y_max)
        continue;
      slot = cf_pdf_grid_slot (xs, cf_pdf_char_cx (ch));
      if (slot < 0)
        continue;
      n_in[slot]++;
      g_array_append_val (heights, h);
    }
  if (heights->len == 0 || n_slots < 3)
    return;
  g_array_sort (heights, cf_pdf_compare_doubles);
  line_h = g_array_index (heights, double, heights->len / 2);
  for (guint c = n_slots; c-- > 0 && xs->len > 3;)
    if (g_array_index (xs, double, c + 1) - g_array_index (xs, double, c) < 0.8 * line_h
        && n_in[c] * 50 < heights->len
        && rules_run_together (vs, g_array_index (xs, double, c), g_array_index (xs, double, c + 1), y_min, y_max))
      g_array_remove_index (xs, c > 0 ? c : 1);
}

/* Whether any character not yet taken has its centre in the box. */
static gboolean
text_in_box (const CfPdfPage *page, const gboolean *used, double left, double top, double right, double bottom)
{
  for (guint i = 0; i < page->chars->len; i++)
    {
      const CfPdfChar *ch = cf_pdf_char_at (page, i);
      double cx = cf_pdf_char_cx (ch), cy = cf_pdf_char_cy (ch);

      if (!used[i] && cx > left && cx < right && cy > top && cy < bottom)
        return TRUE;
    }
  return FALSE;
}

/* Drops inner grid lines that are no row boundary: a rule drawn in a few
 * columns only, between slots empty on both sides, at a height where it
 * would run through the middle of the text in the columns beside it. A page
 * break leaves those: Chromium draws the piece of a spanning cell that runs
 * on to the next page with its bottom side half way down the row after. */
static void
drop_stray_edges (const CfPdfPage *page, const gboolean *used, GArray *hs, GArray *xs, GArray *ys)
{
  double left = g_array_index (xs, double, 0), right = g_array_index (xs, double, xs->len - 1);

  for (guint e = 1; e + 1 < ys->len; e++)
    {
      double y = g_array_index (ys, double, e);
      double above = g_array_index (ys, double, e - 1), below = g_array_index (ys, double, e + 1);
      gboolean stray = coverage (hs, y, left, right) < 0.5, crossed = FALSE;

      for (guint c = 0; c + 1 < xs->len && stray; c++)
        {
          double x0 = g_array_index (xs, double, c), x1 = g_array_index (xs, double, c + 1);
          double mx = MIN (2.0, (x1 - x0) / 4);

          if (coverage (hs, y, x0 + mx, x1 - mx) >= 0.5)
            stray = !text_in_box (page, used, x0, above, x1, below);
          else
            for (guint i = 0; i < page->chars->len && !crossed; i++)
              {
                const CfPdfChar *ch = cf_pdf_char_at (page, i);
                double h = ch->y1 - ch->y0, cx = cf_pdf_char_cx (ch);

                crossed = !used[i] && cx > x0 && cx < x1 && y > ch->y0 + 0.25 * h && y < ch->y1 - 0.25 * h;
              }
        }
      if (stray && crossed)
        g_array_remove_index (ys, e--);
    }
}

/* Drops the first or last grid row when no rule runs along its outer edge
 * and no text is in it: the sliver of a row a page break pushed to the next
 * page, whose top rule and the sides of the cells spanning down into it a
 * browser still draws at the foot of the page (Chromium), the frame's
 * sides running on below the last whole row. */
static void
trim_open_ends (const CfPdfPage *page, const gboolean *used, GArray *hs, GArray *xs, GArray *ys)
{
  double left = g_array_index (xs, double, 0), right = g_array_index (xs, double, xs->len - 1);
  double mx = MIN (2.0, (right - left) / 4);

  for (int end = 0; end < 2 && ys->len > 2; end++)
    {
      guint edge = end == 0 ? 0 : ys->len - 1, inner = end == 0 ? 1 : ys->len - 2;
      double y_edge = g_array_index (ys, double, edge), y_inner = g_array_index (ys, double, inner);
      double top = MIN (y_edge, y_inner), bottom = MAX (y_edge, y_inner);
      gboolean empty = TRUE;

      if (coverage (hs, y_edge, left + mx, right - mx) >= 0.5)
        continue;
      for (guint i = 0; i < page->chars->len && empty; i++)
        {
          const CfPdfChar *ch = cf_pdf_char_at (page, i);

          empty = used[i] || cf_pdf_char_cy (ch) < top || cf_pdf_char_cy (ch) > bottom
                  || cf_pdf_char_cx (ch) < left || cf_pdf_char_cx (ch) > right;
        }
      if (empty)
        g_array_remove_index (ys, edge);
    }
}

static void
build_lattice (const CfPdfPage *page, GArray *hs, GArray *vs, gboolean *used, GPtrArray *tables)
{
  g_autoptr (GArray) xs_in = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ys_in = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) xs = NULL;
  g_autoptr (GArray) ys = NULL;
  g_autoptr (GArray) unruled = NULL;
  g_autoptr (CfPdfTable) table = NULL;
  g_autofree guint *parent = NULL;
  g_autofree int *slot_cell = NULL;
  g_autoptr (GPtrArray) cell_chars = NULL;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE;
  int n_rows, n_cols;
  guint n_chars = 0;
  double quality;

  for (guint i = 0; i < hs->len; i++)
    {
      const CfPdfRule *r = &g_array_index (hs, CfPdfRule, i);
      g_array_append_val (ys_in, r->pos);
      x_min = MIN (x_min, r->a), x_max = MAX (x_max, r->b);
      y_min = MIN (y_min, r->pos), y_max = MAX (y_max, r->pos);
    }
  for (guint i = 0; i < vs->len; i++)
    {
      const CfPdfRule *r = &g_array_index (vs, CfPdfRule, i);
      g_array_append_val (xs_in, r->pos);
      y_min = MIN (y_min, r->a), y_max = MAX (y_max, r->b);
      x_min = MIN (x_min, r->pos), x_max = MAX (x_max, r->pos);
    }
  /* Open sides (no outer vertical or horizontal rule): the frame's extent is an edge. */
  g_array_append_val (xs_in, x_min);
  g_array_append_val (xs_in, x_max);
  g_array_append_val (ys_in, y_min);
  g_array_append_val (ys_in, y_max);
  xs = snap_positions (xs_in, vs);
  ys = snap_positions (ys_in, hs);
  if (xs->len >= 2)
    {
      trim_open_ends (page, used, hs, xs, ys);
      y_min = g_array_index (ys, double, 0);
      y_max = g_array_index (ys, double, ys->len - 1);
    }
  drop_thin_columns (page, used, vs, xs, y_min, y_max);
  if (xs->len >= 2)
    drop_stray_edges (page, used, hs, xs, ys);
  n_cols = (int) xs->len - 1;
  n_rows = (int) ys->len - 1;
  /* One column is a frame or striped rows around text, not a grid: the
   * stream reader may still find the table inside. */
  if (n_cols < 2 || n_rows < 1)
    return;

  /* Rulings never run through the middle of characters; strokes of large
   * glyphs that passed for a frame do. */
  {
    guint inside = 0, crossed = 0;

    for (guint i = 0; i < page->chars->len; i++)
      {
        const CfPdfChar *ch = cf_pdf_char_at (page, i);
        double cw = ch->x1 - ch->x0, chh = ch->y1 - ch->y0;
        gboolean crosses = FALSE;

        if (used[i] || cf_pdf_char_cx (ch) < x_min || cf_pdf_char_cx (ch) > x_max || cf_pdf_char_cy (ch) < y_min
            || cf_pdf_char_cy (ch) > y_max)
          continue;
        inside++;
        for (guint k = 0; k < hs->len && !crosses; k++)
          {
            const CfPdfRule *r = &g_array_index (hs, CfPdfRule, k);
            crosses = r->pos > ch->y0 + 0.25 * chh && r->pos < ch->y1 - 0.25 * chh
                      && MIN (r->b, ch->x1) - MAX (r->a, ch->x0) > 0.5 * cw;
          }
        for (guint k = 0; k < vs->len && !crosses; k++)
          {
            const CfPdfRule *r = &g_array_index (vs, CfPdfRule, k);
            crosses = r->pos > ch->x0 + 0.25 * cw && r->pos < ch->x1 - 0.25 * cw
                      && MIN (r->b, ch->y1) - MAX (r->a, ch->y0) > 0.5 * chh;
          }
        crossed += crosses;
      }
    if (inside == 0 || crossed * 5 > inside)
      return;
  }

  {
    GArray *ruled_ys = g_steal_pointer (&ys);
    ys = split_unruled_rows (page, used, hs, vs, xs, ruled_ys, &unruled);
    g_array_unref (ruled_ys);
    n_rows = (int) ys->len - 1;
  }

  /* Slots with no rule between them are one cell. */
  parent = g_new (guint, n_rows * n_cols);
  for (int i = 0; i < n_rows * n_cols; i++)
    parent[i] = i;
  for (int r = 0; r < n_rows; r++)
    for (int c = 0; c < n_cols; c++)
      {
        double top = g_array_index (ys, double, r), bottom = g_array_index (ys, double, r + 1);
        double left = g_array_index (xs, double, c), right = g_array_index (xs, double, c + 1);
        /* Looked at away from the corners, where crossing rules stop short. */
        double my = MIN (2.0, (bottom - top) / 4), mx = MIN (2.0, (right - left) / 4);

        if (c + 1 < n_cols && coverage (vs, right, top + my, bottom - my) < 0.5)
          uf_union (parent, r * n_cols + c, r * n_cols + c + 1);
        if (r + 1 < n_rows && !g_array_index (unruled, gboolean, r + 1)
            && coverage (hs, bottom, left + mx, right - mx) < 0.5)
          uf_union (parent, r * n_cols + c, (r + 1) * n_cols + c);
      }
  join_cut_words (page, used, xs, ys, parent);

  table = cf_pdf_table_new (page->number, "lattice");
  slot_cell = g_new (int, n_rows * n_cols);
  for (int i = 0; i < n_rows * n_cols; i++)
    slot_cell[i] = -1;
  cell_chars = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  {
    g_autoptr (GArray) rects = g_array_new (FALSE, FALSE, sizeof (int) * 4);

    for (int s = 0; s < n_rows * n_cols; s++)
      {
        int root, rect[4];

        int n_in = 0;
        gboolean ragged = FALSE;

        if (slot_cell[s] >= 0)
          continue;
        root = uf_find (parent, s);
        rect[0] = s / n_cols, rect[1] = s % n_cols, rect[2] = rect[0], rect[3] = rect[1];
        for (int t = s; t < n_rows * n_cols; t++)
          if (uf_find (parent, t) == (guint) root)
            {
              rect[0] = MIN (rect[0], t / n_cols), rect[2] = MAX (rect[2], t / n_cols);
              rect[1] = MIN (rect[1], t % n_cols), rect[3] = MAX (rect[3], t % n_cols);
              n_in++;
            }
        if (n_in != (rect[2] - rect[0] + 1) * (rect[3] - rect[1] + 1))
          {
            g_autofree gboolean *in = g_new0 (gboolean, n_rows * n_cols);

            for (int t = s; t < n_rows * n_cols; t++)
              in[t] = uf_find (parent, t) == (guint) root;
            ragged = cf_pdf_grid_cut_ragged (page, used, xs, ys, in, slot_cell, rects);
          }
        if (!ragged)
          {
            /* A merge that is not a rectangle (or runs into a cell already made) stays one slot. */
            for (int r = rect[0]; r <= rect[2]; r++)
              for (int c = rect[1]; c <= rect[3]; c++)
                if (slot_cell[r * n_cols + c] >= 0)
                  rect[0] = rect[2] = s / n_cols, rect[1] = rect[3] = s % n_cols;
            for (int r = rect[0]; r <= rect[2]; r++)
              for (int c = rect[1]; c <= rect[3]; c++)
                slot_cell[r * n_cols + c] = rects->len;
            g_array_append_vals (rects, rect, 1);
          }
        while (cell_chars->len < rects->len)
          g_ptr_array_add (cell_chars, g_array_new (FALSE, FALSE, sizeof (guint)));
      }

    for (guint i = 0; i < page->chars->len; i++)
      {
        const CfPdfChar *ch = cf_pdf_char_at (page, i);
        int r, c;

        if (used[i])
          continue;
        r = cf_pdf_grid_slot (ys, cf_pdf_char_cy (ch));
        c = cf_pdf_grid_slot (xs, cf_pdf_char_cx (ch));
        if (r < 0 || c < 0)
          continue;
        g_array_append_val (g_ptr_array_index (cell_chars, slot_cell[r * n_cols + c]), i);
        n_chars++;
      }
    if (n_chars == 0 || (quality = grid_quality (page, n_rows, cell_chars)) < 0)
      return;
    table->quality = quality;
    /* Taken only now: a frame that is no grid leaves its text to the stream reader. */
    for (guint k = 0; k < cell_chars->len; k++)
      {
        GArray *chars = g_ptr_array_index (cell_chars, k);
        for (guint i = 0; i < chars->len; i++)
          used[g_array_index (chars, guint, i)] = TRUE;
      }

    for (guint k = 0; k < rects->len; k++)
      {
        const int *rect = &g_array_index (rects, int, k * 4);
        double box[4] = {
          g_array_index (xs, double, rect[1]), g_array_index (ys, double, rect[0]),
          g_array_index (xs, double, rect[3] + 1), g_array_index (ys, double, rect[2] + 1),
        };
        cf_pdf_table_add_chars (table, rect[0], rect[1], rect[2] - rect[0] + 1, rect[3] - rect[1] + 1, page,
                  g_ptr_array_index (cell_chars, k), box);
      }
  }

  table->bbox[0] = g_array_index (xs, double, 0);
  table->bbox[1] = g_array_index (ys, double, 0);
  table->bbox[2] = g_array_index (xs, double, xs->len - 1);
  table->bbox[3] = g_array_index (ys, double, ys->len - 1);
  g_array_append_vals (table->col_edges, xs->data, xs->len);
  /* A chart's gridlines frame its tick labels; they stay taken. */
  if (cf_pdf_table_is_chart_axis (table))
    return;
  g_ptr_array_add (tables, g_steal_pointer (&table));
}

/* Builds the tables framed by the rulings @hs and @vs, one per connected frame. */
static void
tables_from_rules (const CfPdfPage *page, GArray *hs, GArray *vs, gboolean *used,
                   GPtrArray *tables)
{
  g_autofree guint *parent = NULL;
  guint nh = hs->len, nv = vs->len;

  /* Thousands of "rules" are a picture (a photo, a scan under the text), not a table. */
  if (nh < 2 || nv < 2 || nh > 4000 || nv > 4000)
    return;

  /* One table per connected frame of rules. */
  parent = g_new (guint, nh + nv);
  for (guint i = 0; i < nh + nv; i++)
    parent[i] = i;
  for (guint i = 0; i < nh; i++)
    for (guint j = 0; j < nv; j++)
      if (cf_pdf_rules_touch (&g_array_index (hs, CfPdfRule, i), &g_array_index (vs, CfPdfRule, j)))
        uf_union (parent, i, nh + j);

  for (guint root = 0; root < nh + nv; root++)
    {
      g_autoptr (GArray) th = NULL;
      g_autoptr (GArray) tv = NULL;

      if (uf_find (parent, root) != root)
        continue;
      th = g_array_new (FALSE, FALSE, sizeof (CfPdfRule));
      tv = g_array_new (FALSE, FALSE, sizeof (CfPdfRule));
      for (guint i = 0; i < nh + nv; i++)
        if (uf_find (parent, i) == root)
          {
            /* A cut rule ties the frame together; no row ends there. */
            if (i < nh && !g_array_index (hs, CfPdfRule, i).cut)
              g_array_append_val (th, g_array_index (hs, CfPdfRule, i));
            else if (i >= nh)
              g_array_append_val (tv, g_array_index (vs, CfPdfRule, i - nh));
          }
      if (th->len >= 2 && tv->len >= 2)
        build_lattice (page, th, tv, used, tables);
    }
}

void
cf_pdf_find_lattice_tables (const CfPdfPage *page, const CfPdfRuns *runs, gboolean *used,
                            GPtrArray *tables)
{
  g_autoptr (GArray) hs = NULL;
  g_autoptr (GArray) vs = NULL;

  if (cf_pdf_rulings_find (page, runs, &hs, &vs))
    tables_from_rules (page, hs, vs, used, tables);
}
