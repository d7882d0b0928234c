/* cf-pdf-tables.c: ruled (lattice) and borderless (stream) tables of a PDF page
 *
 * Lattice: the page is rendered (see cf-pdf-reader.c) and long runs of dark
 * pixels become line segments; segments that cross or touch at least two
 * perpendicular ones are rulings (a glyph stroke or an underline is not); the
 * rulings of one connected frame are snapped to a grid, and a grid line that is
 * missing between two slots merges them (row or column span).
 *
 * Stream: what is left of the page is cut into lines (by baseline) and each
 * line into segments (by gaps wider than a character). A run of lines with
 * several segments and numbers in them is a table; its columns are the gaps
 * that run through every numeric row.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-private.h"
#include "cf-number.h"

#define SNAP_TOL      2.0   /* pt: grid lines closer than this are one */
#define MIN_ROW       4.0   /* pt: thinner grid rows are a double rule, not a row */
#define MIN_RULE      8.0   /* pt: shortest ruling looked for */
#define MAX_THICK     3.0   /* pt: thicker runs are a filled box; its edges are rulings */

/* ---------------------------------------------------------------- helpers */

void
cf_pdf_cell_free (CfPdfCell *cell)
{
  if (cell == NULL)
    return;
  g_free (cell->text);
  g_free (cell);
}

void
cf_pdf_table_free (CfPdfTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->col_edges, g_array_unref);
  g_clear_pointer (&table->cells, g_ptr_array_unref);
  g_free (table->title);
  g_free (table);
}

static CfPdfTable *
pdf_table_new (int page, const char *layout)
{
  CfPdfTable *table = g_new0 (CfPdfTable, 1);

  table->page = page;
  table->last_page = page;
  table->layout = layout;
  table->col_edges = g_array_new (FALSE, FALSE, sizeof (double));
  table->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_cell_free);
  return table;
}

static gboolean
is_cjk (gunichar ch)
{
  return g_unichar_iswide (ch) || g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static const CfPdfChar *
char_at (const CfPdfPage *page, guint index)
{
  return &g_array_index (page->chars, CfPdfChar, index);
}

static double
char_cx (const CfPdfChar *c)
{
  return (c->x0 + c->x1) / 2;
}

static double
char_cy (const CfPdfChar *c)
{
  return (c->y0 + c->y1) / 2;
}

/* Sorting character indices of @page: by centre y, then x; or by x. */
static int
compare_by_cy (gconstpointer a, gconstpointer b, gpointer page)
{
  const CfPdfChar *x = char_at (page, *(const guint *) a);
  const CfPdfChar *y = char_at (page, *(const guint *) b);
  double d = char_cy (x) - char_cy (y);

  if (d == 0)
    d = x->x0 - y->x0;
  return (d > 0) - (d < 0);
}

static int
compare_by_x (gconstpointer a, gconstpointer b, gpointer page)
{
  const CfPdfChar *x = char_at (page, *(const guint *) a);
  const CfPdfChar *y = char_at (page, *(const guint *) b);
  double d = x->x0 - y->x0;

  return (d > 0) - (d < 0);
}

static void
sort_indices (const CfPdfPage *page, guint *indices, guint n, GCompareDataFunc func)
{
  g_qsort_with_data (indices, n, sizeof (guint), func, (gpointer) page);
}

/* A cell's text from its characters: visual lines top to bottom, left to
 * right; no space between CJK characters, one between Latin words. Sets the
 * byte range of the characters in the document text. */
static char *
text_of_chars (const CfPdfPage *page, GArray *indices, gint64 *offset, gint64 *length,
               double bbox[4])
{
  GString *out = g_string_new (NULL);
  gint64 first = G_MAXINT64, end = -1;
  double line_cy = 0, line_h = 0;
  const CfPdfChar *prev = NULL;

  if (bbox)
    bbox[0] = bbox[1] = G_MAXDOUBLE, bbox[2] = bbox[3] = -G_MAXDOUBLE;
  if (indices->len == 0)
    {
      *offset = -1;
      *length = 0;
      return g_string_free (out, FALSE);
    }

  sort_indices (page, (guint *) indices->data, indices->len, compare_by_cy);

  /* Cut into visual lines, then order each line by x. */
  for (guint start = 0; start < indices->len;)
    {
      guint stop = start + 1;
      const CfPdfChar *c0 = char_at (page, g_array_index (indices, guint, start));

      line_cy = char_cy (c0);
      line_h = c0->y1 - c0->y0;
      while (stop < indices->len)
        {
          const CfPdfChar *c = char_at (page, g_array_index (indices, guint, stop));
          if (fabs (char_cy (c) - line_cy) > 0.5 * MAX (line_h, c->y1 - c->y0))
            break;
          stop++;
        }
      sort_indices (page, &g_array_index (indices, guint, start), stop - start, compare_by_x);

      for (guint k = start; k < stop; k++)
        {
          const CfPdfChar *c = char_at (page, g_array_index (indices, guint, k));
          char utf8[8];
          int n = g_unichar_to_utf8 (c->ch, utf8);

          if (prev != NULL)
            {
              gboolean same_line = k > start;
              double gap = c->x0 - prev->x1;
              double h = MAX (1.0, MIN (c->y1 - c->y0, prev->y1 - prev->y0));
              gboolean latin_pair = !is_cjk (prev->ch) && !is_cjk (c->ch);

              /* Latin words keep their space, across a wrap too. */
              if (latin_pair && (!same_line || c->space_before || gap > 0.3 * h))
                g_string_append_c (out, ' ');
              else if (same_line && gap > 1.5 * h && !is_cjk (prev->ch) != !is_cjk (c->ch))
                g_string_append_c (out, ' ');
            }
          g_string_append_len (out, utf8, n);
          first = MIN (first, c->offset);
          end = MAX (end, c->offset + c->length);
          if (bbox)
            {
              bbox[0] = MIN (bbox[0], c->x0);
              bbox[1] = MIN (bbox[1], c->y0);
              bbox[2] = MAX (bbox[2], c->x1);
              bbox[3] = MAX (bbox[3], c->y1);
            }
          prev = c;
        }
      start = stop;
    }

  *offset = first;
  *length = end - first;
  return g_string_free (out, FALSE);
}

static CfPdfCell *
add_cell (CfPdfTable *table, int row, int col, int row_span, int col_span, const CfPdfPage *page,
          GArray *indices, const double rect[4])
{
  CfPdfCell *cell = g_new0 (CfPdfCell, 1);
  double ink[4];

  cell->row = row;
  cell->col = col;
  cell->row_span = row_span;
  cell->col_span = col_span;
  cell->page = page->number;
  cell->text = text_of_chars (page, indices, &cell->offset, &cell->length, ink);
  if (rect)
    memcpy (cell->bbox, rect, sizeof cell->bbox);
  else if (indices->len > 0)
    memcpy (cell->bbox, ink, sizeof cell->bbox);
  g_ptr_array_add (table->cells, cell);
  table->n_rows = MAX (table->n_rows, row + row_span);
  table->n_cols = MAX (table->n_cols, col + col_span);
  return cell;
}

gboolean
cf_pdf_is_heading_text (const char *text)
{
  static GRegex *heading = NULL;

  if (g_once_init_enter (&heading))
    {
      GRegex *re = g_regex_new ("^\\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]"
                                "|第[一二三四五六七八九十]+[章节部分]|[0-9０-９]+[、.．](?![0-9０-９]))",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&heading, re);
    }
  return text != NULL && g_regex_match (heading, text, 0, NULL);
}

/* ------------------------------------------------------------- page lines */

typedef struct
{
  double x0, x1;
  GArray *chars; /* of guint */
  char *text;
  CfNumberKind kind;
} Segment;

typedef struct
{
  double y0, y1, cy, h;
  double x0, x1;
  GArray *chars;    /* of guint, by x */
  GPtrArray *segments;
  gboolean used;    /* belongs to a table */
  char *text;
} Line;

static void
segment_free (Segment *seg)
{
  g_array_unref (seg->chars);
  g_free (seg->text);
  g_free (seg);
}

static void
line_free (Line *line)
{
  g_array_unref (line->chars);
  g_ptr_array_unref (line->segments);
  g_free (line->text);
  g_free (line);
}

/* Reads "(1,234)" and "（5）" as numbers too: accounts print negatives so. */
static CfNumberKind
number_kind (const char *text)
{
  CfNumber number;
  g_autofree char *inner = NULL;
  gsize len = strlen (text);

  cf_number_parse (text, -1, &number);
  if (number.kind != CF_NUMBER_TEXT)
    return number.kind;
  if (len > 2 && (text[0] == '(' && text[len - 1] == ')'))
    inner = g_strndup (text + 1, len - 2);
  else if (g_str_has_prefix (text, "（") && g_str_has_suffix (text, "）") && len > 6)
    inner = g_strndup (text + 3, len - 6);
  if (inner == NULL)
    return CF_NUMBER_TEXT;
  cf_number_parse (inner, -1, &number);
  return number.kind == CF_NUMBER_VALUE ? CF_NUMBER_VALUE : CF_NUMBER_TEXT;
}

static GPtrArray *
find_lines (const CfPdfPage *page, const gboolean *used)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < page->chars->len; i++)
    if (!used[i])
      g_array_append_val (order, i);
  sort_indices (page, (guint *) order->data, order->len, compare_by_cy);

  for (guint start = 0; start < order->len;)
    {
      const CfPdfChar *c0 = char_at (page, g_array_index (order, guint, start));
      Line *line = g_new0 (Line, 1);
      double sum_cy = char_cy (c0), sum_h = c0->y1 - c0->y0;
      guint stop = start + 1;

      while (stop < order->len)
        {
          const CfPdfChar *c = char_at (page, g_array_index (order, guint, stop));
          double n = stop - start;
          if (fabs (char_cy (c) - sum_cy / n) > 0.4 * MAX (sum_h / n, c->y1 - c->y0))
            break;
          sum_cy += char_cy (c);
          sum_h += c->y1 - c->y0;
          stop++;
        }
      line->chars = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (line->chars, &g_array_index (order, guint, start), stop - start);
      sort_indices (page, (guint *) line->chars->data, line->chars->len, compare_by_x);
      line->cy = sum_cy / (stop - start);
      line->h = sum_h / (stop - start);
      line->y0 = line->x0 = G_MAXDOUBLE;
      line->y1 = line->x1 = -G_MAXDOUBLE;
      line->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);

      /* Segments: cut where the gap is wider than about a character. */
      {
        Segment *seg = NULL;
        double prev_x1 = 0;

        for (guint k = 0; k < line->chars->len; k++)
          {
            const CfPdfChar *c = char_at (page, g_array_index (line->chars, guint, k));
            line->y0 = MIN (line->y0, c->y0);
            line->y1 = MAX (line->y1, c->y1);
            line->x0 = MIN (line->x0, c->x0);
            line->x1 = MAX (line->x1, c->x1);
            gboolean number_after_text = FALSE;

            /* A number set close after a label or after another number is
             * still its own cell: numbers hold no gaps. */
            if (k > 0 && (g_unichar_isdigit (c->ch) || c->ch == '(' || c->ch == '-'))
              {
                const CfPdfChar *prev = char_at (page, g_array_index (line->chars, guint, k - 1));
                double gap = c->x0 - prev_x1;
                number_after_text = (is_cjk (prev->ch) && gap > 0.15 * line->h)
                                    || ((g_unichar_isdigit (prev->ch) || prev->ch == ')')
                                        && (c->space_before || gap > 0.25 * line->h));
              }
            if (seg == NULL || c->x0 - prev_x1 > 0.9 * line->h || number_after_text)
              {
                seg = g_new0 (Segment, 1);
                seg->chars = g_array_new (FALSE, FALSE, sizeof (guint));
                seg->x0 = c->x0;
                g_ptr_array_add (line->segments, seg);
              }
            g_array_append_val (seg->chars, g_array_index (line->chars, guint, k));
            seg->x1 = MAX (seg->x1, c->x1);
            prev_x1 = MAX (prev_x1, c->x1);
            if (k == 0)
              prev_x1 = c->x1;
          }
      }
      {
        GString *all = g_string_new (NULL);
        for (guint s = 0; s < line->segments->len; s++)
          {
            Segment *seg = g_ptr_array_index (line->segments, s);
            g_autoptr (GArray) copy = g_array_copy (seg->chars);
            gint64 off, len;
            seg->text = text_of_chars (page, copy, &off, &len, NULL);
            seg->kind = number_kind (seg->text);
            if (s > 0)
              g_string_append_c (all, ' ');
            g_string_append (all, seg->text);
          }
        line->text = g_string_free (all, FALSE);
      }
      g_ptr_array_add (lines, line);
      start = stop;
    }
  return lines;
}

/* The heading above @top (and above no other table): the nearest line that
 * reads like a section heading within a few lines, else the nearest short line
 * right above. */
static void
find_title (GPtrArray *lines, double top, double x0, double x1, CfPdfTable *table)
{
  Line *nearest = NULL, *heading = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      double dist = top - line->y1;

      if (line->used || dist < -1.0 || dist > 90.0)
        continue;
      if (line->x1 < x0 - 20 || line->x0 > x1 + 20)
        continue;
      if (nearest == NULL || line->y1 > nearest->y1)
        nearest = line;
      if (cf_pdf_is_heading_text (line->text) && (heading == NULL || line->y1 > heading->y1))
        heading = line;
    }
  if (heading != NULL)
    {
      table->title = g_strdup (heading->text);
      table->title_is_heading = TRUE;
    }
  else if (nearest != NULL && top - nearest->y1 < 3 * nearest->h
           && g_utf8_strlen (nearest->text, -1) <= 40)
    table->title = g_strdup (nearest->text);
  if (table->title)
    g_strstrip (table->title);
}

/* ----------------------------------------------------------------- lattice */

typedef struct
{
  double pos;   /* y of a horizontal rule, x of a vertical one */
  double a, b;  /* its extent along the other axis */
} Rule;

typedef struct
{
  int first, last; /* pixel lines */
  int a, b;        /* pixel extent */
  int run_a, run_b;
  gboolean seen;
} OpenRun;

static void
emit_rule (GArray *rules, const OpenRun *run, double scale)
{
  int thick = run->last - run->first + 1;
  Rule rule = { 0, run->a / scale, (run->b + 1) / scale };

  if (thick <= MAX_THICK * scale)
    {
      rule.pos = (run->first + run->last + 1) / 2.0 / scale;
      g_array_append_val (rules, rule);
    }
  else if (run->b - run->a + 1 >= 1.5 * thick)
    {
      /* A filled box (shading) longer than it is thick; a blob of glyph ink is not. */
      rule.pos = run->first / scale;
      g_array_append_val (rules, rule);
      rule.pos = (run->last + 1) / scale;
      g_array_append_val (rules, rule);
    }
}

typedef struct
{
  int line;  /* pixel row of a horizontal run, pixel column of a vertical one */
  int a, b;  /* first and last pixel along it */
} PixelRun;

static int
compare_pixel_runs (gconstpointer x, gconstpointer y)
{
  const PixelRun *p = x, *q = y;

  if (p->line != q->line)
    return p->line < q->line ? -1 : 1;
  return (p->a > q->a) - (p->a < q->a);
}

/* Runs of dark pixels at least MIN_RULE long, both ways, read in one pass
 * over the rows (the mask is row-major; walking columns would thrash the cache). */
static void
find_pixel_runs (const CfPdfMask *mask, guint8 level, GArray *h_runs, GArray *v_runs)
{
  int min_run = MAX (4, (int) (MIN_RULE * mask->scale));
  g_autofree int *v_start = g_new (int, mask->width);
  g_autofree int *open_in_block = g_new0 (int, mask->width / 8 + 1);

  for (int x = 0; x < mask->width; x++)
    v_start[x] = -1;
  for (int y = 0; y <= mask->height; y++)
    {
      const guint8 *row = y < mask->height ? mask->dark + (gsize) y * mask->width : NULL;


      /* Vertical runs end where a column turns light (or at the bottom). */
      for (int x = 0; x < mask->width; x++)
        {
          gboolean dark;

          /* Skip eight white pixels with no run open above them at once. */
          if ((x & 7) == 0 && x + 8 <= mask->width && open_in_block[x >> 3] == 0)
            {
              guint64 word = 0;
              if (row != NULL)
                memcpy (&word, row + x, sizeof word);
              if (word == 0)
                {
                  x += 7;
                  continue;
                }
            }
          dark = row != NULL && (row[x] & level);
          if (dark && v_start[x] < 0)
            {
              v_start[x] = y;
              open_in_block[x >> 3]++;
            }
          else if (!dark && v_start[x] >= 0)
            {
              open_in_block[x >> 3]--;
              if (y - v_start[x] >= min_run)
                {
                  PixelRun run = { x, v_start[x], y - 1 };
                  g_array_append_val (v_runs, run);
                }
              v_start[x] = -1;
            }
        }
      if (row == NULL)
        break;

      /* Horizontal runs: most of a page is white, so skip white eight at a time. */
      for (int x = 0; x < mask->width;)
        {
          int start;

          if (x + 8 <= mask->width)
            {
              guint64 word;
              memcpy (&word, row + x, sizeof word);
              if (word == 0)
                {
                  x += 8;
                  continue;
                }
            }
          if (!(row[x] & level))
            {
              x++;
              continue;
            }
          start = x;
          while (x < mask->width && (row[x] & level))
            x++;
          if (x - start >= min_run)
            {
              PixelRun run = { y, start, x - 1 };
              g_array_append_val (h_runs, run);
            }
        }
    }
}

/* Joins runs of neighbouring pixel lines that overlap into rules. */
static GArray *
link_runs (GArray *runs, double scale)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenRun));

  g_array_sort (runs, compare_pixel_runs);
  for (guint i = 0; i <= runs->len; i++)
    {
      const PixelRun *run = i < runs->len ? &g_array_index (runs, PixelRun, i) : NULL;
      gboolean joined = FALSE;

      /* Close the open rules that the previous pixel lines did not continue. */
      for (guint k = open->len; k-- > 0;)
        {
          OpenRun *o = &g_array_index (open, OpenRun, k);
          if (run == NULL || o->last < run->line - 1)
            {
              emit_rule (rules, o, scale);
              g_array_remove_index_fast (open, k);
            }
        }
      if (run == NULL)
        break;
      for (guint k = 0; k < open->len; k++)
        {
          OpenRun *o = &g_array_index (open, OpenRun, k);
          if (o->last == run->line - 1 && run->a <= o->run_b && run->b >= o->run_a)
            {
              o->last = run->line;
              o->a = MIN (o->a, run->a);
              o->b = MAX (o->b, run->b);
              o->run_a = run->a;
              o->run_b = run->b;
              joined = TRUE;
              break;
            }
        }
      if (!joined)
        {
          OpenRun o = { run->line, run->line, run->a, run->b, run->a, run->b, TRUE };
          g_array_append_val (open, o);
        }
    }
  return rules;
}

static int
compare_rules (gconstpointer a, gconstpointer b)
{
  const Rule *x = a, *y = b;

  if (fabs (x->pos - y->pos) > 0.01)
    return x->pos < y->pos ? -1 : 1;
  return (x->a > y->a) - (x->a < y->a);
}

/* Joins pieces of one rule (broken by antialiasing or crossings). */
static void
merge_rules (GArray *rules)
{
  guint out = 0;

  g_array_sort (rules, compare_rules);
  for (guint i = 0; i < rules->len; i++)
    {
      Rule r = g_array_index (rules, Rule, i);
      gboolean merged = FALSE;

      for (guint k = out; k-- > 0;)
        {
          Rule *prev = &g_array_index (rules, Rule, k);
          if (r.pos - prev->pos > 1.5)
            break;
          if (r.a <= prev->b + 2.0 && r.b >= prev->a - 2.0)
            {
              prev->a = MIN (prev->a, r.a);
              prev->b = MAX (prev->b, r.b);
              merged = TRUE;
              break;
            }
        }
      if (!merged)
        g_array_index (rules, Rule, out++) = r;
    }
  g_array_set_size (rules, out);
}

static gboolean
rules_touch (const Rule *h, const Rule *v)
{
  return v->pos >= h->a - SNAP_TOL && v->pos <= h->b + SNAP_TOL
         && h->pos >= v->a - SNAP_TOL && h->pos <= v->b + SNAP_TOL;
}

static void
band_free (gpointer band)
{
  if (band)
    g_array_unref (band);
}

/* Drops the strokes of glyphs: runs that lie mostly inside character boxes
 * (rulings run between lines of text). Characters are looked up in bands
 * across the rules' direction, so this stays linear in the page's text. */
static void
drop_glyph_strokes (GArray *rules, gboolean vertical, const CfPdfPage *page)
{
  const double band_size = 8.0;
  int n_bands = (int) ((vertical ? page->width : page->height) / band_size) + 2;
  g_autoptr (GPtrArray) bands = g_ptr_array_new_with_free_func (band_free);

  if (rules->len == 0)
    return;
  g_ptr_array_set_size (bands, n_bands);
  for (guint k = 0; k < page->chars->len; k++)
    {
      const CfPdfChar *c = char_at (page, k);
      int first = CLAMP ((int) floor ((vertical ? c->x0 : c->y0) / band_size), 0, n_bands - 1);
      int last = CLAMP ((int) floor ((vertical ? c->x1 : c->y1) / band_size), 0, n_bands - 1);

      for (int band = first; band <= last; band++)
        {
          if (bands->pdata[band] == NULL)
            bands->pdata[band] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (bands->pdata[band], k);
        }
    }

  for (guint i = rules->len; i-- > 0;)
    {
      const Rule *r = &g_array_index (rules, Rule, i);
      int band = CLAMP ((int) floor (r->pos / band_size), 0, n_bands - 1);
      GArray *in_band = bands->pdata[band];
      double covered = 0;

      for (guint j = 0; in_band && j < in_band->len; j++)
        {
          const CfPdfChar *c = char_at (page, g_array_index (in_band, guint, j));
          double lo = vertical ? c->x0 : c->y0, hi = vertical ? c->x1 : c->y1;
          double a = vertical ? c->y0 : c->x0, b = vertical ? c->y1 : c->x1;
          double inset = 0.05 * (hi - lo);

          if (r->pos < lo + inset || r->pos > hi - inset)
            continue;
          covered += MAX (0.0, MIN (b, r->b) - MAX (a, r->a));
        }
      if (covered >= 0.6 * (r->b - r->a))
        g_array_remove_index_fast (rules, i);
    }
}

/* Keeps the rules that touch at least two perpendicular ones. */
static void
keep_framed_rules (GArray *hs, GArray *vs)
{
  for (int pass = 0; pass < 3; pass++)
    {
      g_autofree int *hn = g_new0 (int, hs->len + 1);
      g_autofree int *vn = g_new0 (int, vs->len + 1);
      gboolean changed = FALSE;

      for (guint i = 0; i < hs->len; i++)
        for (guint j = 0; j < vs->len; j++)
          if (rules_touch (&g_array_index (hs, Rule, i), &g_array_index (vs, Rule, j)))
            hn[i]++, vn[j]++;
      for (guint i = hs->len; i-- > 0;)
        if (hn[i] < 2)
          g_array_remove_index (hs, i), changed = TRUE;
      for (guint j = vs->len; j-- > 0;)
        if (vn[j] < 2)
          g_array_remove_index (vs, j), changed = TRUE;
      if (!changed)
        break;
    }
}

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

/* Grid positions from rule positions: clusters within SNAP_TOL, then drops
 * positions closer than MIN_ROW to the one before (double rules). */
static GArray *
snap_positions (GArray *positions)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0;
  int n = 0;

  g_array_sort (positions, compare_double);
  for (guint i = 0; i <= positions->len; i++)
    {
      double p = i < positions->len ? g_array_index (positions, double, i) : G_MAXDOUBLE;
      if (n > 0 && p - sum / n > SNAP_TOL)
        {
          double mean = sum / n;
          if (out->len == 0 || mean - g_array_index (out, double, out->len - 1) >= MIN_ROW)
            g_array_append_val (out, mean);
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
      const Rule *r = &g_array_index (rules, Rule, i);
      if (fabs (r->pos - pos) <= SNAP_TOL + 0.5)
        covered += MAX (0.0, MIN (b, r->b) - MAX (a, r->a));
    }
  return b > a ? covered / (b - a) : 1.0;
}

static int
find_slot (GArray *edges, double p)
{
  guint n = edges->len;

  if (n < 2 || p < g_array_index (edges, double, 0) || p > g_array_index (edges, double, n - 1))
    return -1;
  for (guint i = 1; i < n; i++)
    if (p <= g_array_index (edges, double, i))
      return i - 1;
  return n - 2;
}

static void
build_lattice (const CfPdfPage *page, GArray *hs, GArray *vs, gboolean *used, GPtrArray *tables)
{
  g_autoptr (GArray) xs_in = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ys_in = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) xs = NULL;
  g_autoptr (GArray) ys = NULL;
  g_autoptr (CfPdfTable) table = NULL;
  g_autofree guint *parent = NULL;
  g_autofree int *slot_cell = NULL;
  g_autoptr (GPtrArray) cell_chars = NULL;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE;
  int n_rows, n_cols;
  guint n_chars = 0;

  for (guint i = 0; i < hs->len; i++)
    {
      const Rule *r = &g_array_index (hs, Rule, i);
      g_array_append_val (ys_in, r->pos);
      x_min = MIN (x_min, r->a), x_max = MAX (x_max, r->b);
      y_min = MIN (y_min, r->pos), y_max = MAX (y_max, r->pos);
    }
  for (guint i = 0; i < vs->len; i++)
    {
      const Rule *r = &g_array_index (vs, Rule, i);
      g_array_append_val (xs_in, r->pos);
      y_min = MIN (y_min, r->a), y_max = MAX (y_max, r->b);
      x_min = MIN (x_min, r->pos), x_max = MAX (x_max, r->pos);
    }
  /* Open sides (no outer vertical or horizontal rule): the frame's extent is an edge. */
  g_array_append_val (xs_in, x_min);
  g_array_append_val (xs_in, x_max);
  g_array_append_val (ys_in, y_min);
  g_array_append_val (ys_in, y_max);
  xs = snap_positions (xs_in);
  ys = snap_positions (ys_in);
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
        const CfPdfChar *ch = char_at (page, i);
        double cw = ch->x1 - ch->x0, chh = ch->y1 - ch->y0;
        gboolean crosses = FALSE;

        if (used[i] || char_cx (ch) < x_min || char_cx (ch) > x_max || char_cy (ch) < y_min
            || char_cy (ch) > y_max)
          continue;
        inside++;
        for (guint k = 0; k < hs->len && !crosses; k++)
          {
            const Rule *r = &g_array_index (hs, Rule, k);
            crosses = r->pos > ch->y0 + 0.25 * chh && r->pos < ch->y1 - 0.25 * chh
                      && MIN (r->b, ch->x1) - MAX (r->a, ch->x0) > 0.5 * cw;
          }
        for (guint k = 0; k < vs->len && !crosses; k++)
          {
            const Rule *r = &g_array_index (vs, Rule, k);
            crosses = r->pos > ch->x0 + 0.25 * cw && r->pos < ch->x1 - 0.25 * cw
                      && MIN (r->b, ch->y1) - MAX (r->a, ch->y0) > 0.5 * chh;
          }
        crossed += crosses;
      }
    if (inside == 0 || crossed * 5 > inside)
      return;
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
        if (r + 1 < n_rows && coverage (hs, bottom, left + mx, right - mx) < 0.5)
          uf_union (parent, r * n_cols + c, (r + 1) * n_cols + c);
      }

  table = pdf_table_new (page->number, "lattice");
  slot_cell = g_new (int, n_rows * n_cols);
  for (int i = 0; i < n_rows * n_cols; i++)
    slot_cell[i] = -1;
  cell_chars = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  {
    g_autoptr (GArray) rects = g_array_new (FALSE, FALSE, sizeof (int) * 4);

    for (int s = 0; s < n_rows * n_cols; s++)
      {
        int root, rect[4];

        if (slot_cell[s] >= 0)
          continue;
        root = uf_find (parent, s);
        rect[0] = s / n_cols, rect[1] = s % n_cols, rect[2] = rect[0], rect[3] = rect[1];
        for (int t = s; t < n_rows * n_cols; t++)
          if (uf_find (parent, t) == (guint) root)
            {
              rect[0] = MIN (rect[0], t / n_cols), rect[2] = MAX (rect[2], t / n_cols);
              rect[1] = MIN (rect[1], t % n_cols), rect[3] = MAX (rect[3], t % n_cols);
            }
        /* A merge that is not a rectangle (or runs into a cell already made) stays one slot. */
        for (int r = rect[0]; r <= rect[2]; r++)
          for (int c = rect[1]; c <= rect[3]; c++)
            if (slot_cell[r * n_cols + c] >= 0)
              rect[0] = rect[2] = s / n_cols, rect[1] = rect[3] = s % n_cols;
        for (int r = rect[0]; r <= rect[2]; r++)
          for (int c = rect[1]; c <= rect[3]; c++)
            slot_cell[r * n_cols + c] = rects->len;
        g_array_append_vals (rects, rect, 1);
        g_ptr_array_add (cell_chars, g_array_new (FALSE, FALSE, sizeof (guint)));
      }

    for (guint i = 0; i < page->chars->len; i++)
      {
        const CfPdfChar *ch = char_at (page, i);
        int r, c;

        if (used[i])
          continue;
        r = find_slot (ys, char_cy (ch));
        c = find_slot (xs, char_cx (ch));
        if (r < 0 || c < 0)
          continue;
        g_array_append_val (g_ptr_array_index (cell_chars, slot_cell[r * n_cols + c]), i);
        used[i] = TRUE;
        n_chars++;
      }
    if (n_chars == 0)
      return;

    for (guint k = 0; k < rects->len; k++)
      {
        const int *rect = &g_array_index (rects, int, k * 4);
        double box[4] = {
          g_array_index (xs, double, rect[1]), g_array_index (ys, double, rect[0]),
          g_array_index (xs, double, rect[3] + 1), g_array_index (ys, double, rect[2] + 1),
        };
        add_cell (table, rect[0], rect[1], rect[2] - rect[0] + 1, rect[3] - rect[1] + 1, page,
                  g_ptr_array_index (cell_chars, k), box);
      }
  }

  table->bbox[0] = g_array_index (xs, double, 0);
  table->bbox[1] = g_array_index (ys, double, 0);
  table->bbox[2] = g_array_index (xs, double, xs->len - 1);
  table->bbox[3] = g_array_index (ys, double, ys->len - 1);
  g_array_append_vals (table->col_edges, xs->data, xs->len);
  g_ptr_array_add (tables, g_steal_pointer (&table));
}

static void
find_lattice_tables (const CfPdfPage *page, const CfPdfMask *mask, gboolean *used,
                     GPtrArray *tables)
{
  g_autoptr (GArray) h_runs = g_array_new (FALSE, FALSE, sizeof (PixelRun));
  g_autoptr (GArray) v_runs = g_array_new (FALSE, FALSE, sizeof (PixelRun));
  g_autoptr (GArray) hs = NULL;
  g_autoptr (GArray) vs = NULL;
  g_autofree guint *parent = NULL;
  guint nh, nv;

  /* Rules of ink, and rules and shaded boxes of light ink: a dark rule through
   * shading is lost in the second, a faint hairline in the first. */
  hs = g_array_new (FALSE, FALSE, sizeof (Rule));
  vs = g_array_new (FALSE, FALSE, sizeof (Rule));
  for (guint8 level = CF_PDF_INK; level >= CF_PDF_LIGHT; level >>= 1)
    {
      g_autoptr (GArray) h = NULL;
      g_autoptr (GArray) v = NULL;

      g_array_set_size (h_runs, 0);
      g_array_set_size (v_runs, 0);
      find_pixel_runs (mask, level, h_runs, v_runs);
      h = link_runs (h_runs, mask->scale);
      v = link_runs (v_runs, mask->scale);
      g_array_append_vals (hs, h->data, h->len);
      g_array_append_vals (vs, v->data, v->len);
    }
  merge_rules (hs);
  merge_rules (vs);
  drop_glyph_strokes (hs, FALSE, page);
  drop_glyph_strokes (vs, TRUE, page);
  keep_framed_rules (hs, vs);
  nh = hs->len;
  nv = vs->len;
  if (nh < 2 || nv < 2)
    return;

  /* One table per connected frame of rules. */
  parent = g_new (guint, nh + nv);
  for (guint i = 0; i < nh + nv; i++)
    parent[i] = i;
  for (guint i = 0; i < nh; i++)
    for (guint j = 0; j < nv; j++)
      if (rules_touch (&g_array_index (hs, Rule, i), &g_array_index (vs, Rule, j)))
        uf_union (parent, i, nh + j);

  for (guint root = 0; root < nh + nv; root++)
    {
      g_autoptr (GArray) th = NULL;
      g_autoptr (GArray) tv = NULL;

      if (uf_find (parent, root) != root)
        continue;
      th = g_array_new (FALSE, FALSE, sizeof (Rule));
      tv = g_array_new (FALSE, FALSE, sizeof (Rule));
      for (guint i = 0; i < nh + nv; i++)
        if (uf_find (parent, i) == root)
          {
            if (i < nh)
              g_array_append_val (th, g_array_index (hs, Rule, i));
            else
              g_array_append_val (tv, g_array_index (vs, Rule, i - nh));
          }
      if (th->len >= 2 && tv->len >= 2)
        build_lattice (page, th, tv, used, tables);
    }
}

/* ------------------------------------------------------------------ stream */

static gboolean
line_is_body (Line *line)
{
  guint values = 0;

  if (line->segments->len < 2)
    return FALSE;
  for (guint s = 1; s < line->segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (line->segments, s);
      if (seg->kind == CF_NUMBER_VALUE)
        values++;
      else if (seg->kind == CF_NUMBER_TEXT)
        return values > 0 && s + 1 == line->segments->len ? TRUE : FALSE;
    }
  return values > 0;
}

typedef struct
{
  double x0, x1;
} Interval;

static int
compare_segments (gconstpointer a, gconstpointer b)
{
  const Interval *x = a, *y = b;

  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static void
columns_of_segment (GArray *cols, const Segment *seg, int *first, int *last)
{
  *first = *last = -1;
  for (guint c = 0; c < cols->len; c++)
    {
      const Interval *iv = &g_array_index (cols, Interval, c);
      if (MIN (iv->x1, seg->x1) - MAX (iv->x0, seg->x0) > 0)
        {
          if (*first < 0)
            *first = c;
          *last = c;
        }
    }
  if (*first < 0)
    {
      double best = G_MAXDOUBLE;
      double mid = (seg->x0 + seg->x1) / 2;
      for (guint c = 0; c < cols->len; c++)
        {
          const Interval *iv = &g_array_index (cols, Interval, c);
          double d = fabs ((iv->x0 + iv->x1) / 2 - mid);
          if (d < best)
            best = d, *first = *last = c;
        }
    }
}

typedef struct
{
  double y0, y1;
  GPtrArray *cols; /* per column: GArray of char indices, or NULL */
  int *spans;
} StreamRow;

static void
stream_row_free (StreamRow *row)
{
  g_ptr_array_unref (row->cols);
  g_free (row->spans);
  g_free (row);
}

static StreamRow *
stream_row_new (guint n_cols)
{
  StreamRow *row = g_new0 (StreamRow, 1);

  row->y0 = G_MAXDOUBLE;
  row->y1 = -G_MAXDOUBLE;
  row->cols = g_ptr_array_new_full (n_cols, (GDestroyNotify) g_array_unref);
  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (row->cols, g_array_new (FALSE, FALSE, sizeof (guint)));
  row->spans = g_new0 (int, n_cols);
  return row;
}

static void
stream_row_add_line (StreamRow *row, GArray *cols, Line *line)
{
  int next_free = 0;

  row->y0 = MIN (row->y0, line->y0);
  row->y1 = MAX (row->y1, line->y1);
  for (guint s = 0; s < line->segments->len; s++)
    {
      Segment *seg = g_ptr_array_index (line->segments, s);
      int first, last;

      columns_of_segment (cols, seg, &first, &last);
      first = MAX (first, MIN (next_free, (int) cols->len - 1));
      last = MAX (last, first);
      g_array_append_vals (g_ptr_array_index (row->cols, first), seg->chars->data, seg->chars->len);
      row->spans[first] = MAX (row->spans[first], last - first + 1);
      next_free = last + 1;
    }
}

/* Builds a table from lines[start..stop) of a block; FALSE when it is no table. */
static gboolean
build_stream (const CfPdfPage *page, GPtrArray *lines, guint start, guint stop, gboolean *used,
              GPtrArray *tables)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_row_free);
  g_autoptr (GArray) body_cy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (CfPdfTable) table = NULL;
  double pitch = 0;
  guint n_body = 0;

  /* Columns: the gaps that run through every numeric row. */
  for (guint i = start; i < stop; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      if (!line_is_body (line))
        continue;
      n_body++;
      g_array_append_val (body_cy, line->cy);
      for (guint s = 0; s < line->segments->len; s++)
        {
          Segment *seg = g_ptr_array_index (line->segments, s);
          Interval iv = { seg->x0, seg->x1 };
          g_array_append_val (spans, iv);
        }
    }
  if (n_body < 2)
    return FALSE;
  g_array_sort (spans, compare_segments);
  for (guint i = 0; i < spans->len; i++)
    {
      Interval iv = g_array_index (spans, Interval, i);
      if (cols->len > 0 && iv.x0 <= g_array_index (cols, Interval, cols->len - 1).x1 + 1.0)
        {
          Interval *last = &g_array_index (cols, Interval, cols->len - 1);
          last->x1 = MAX (last->x1, iv.x1);
        }
      else
        g_array_append_val (cols, iv);
    }
  if (cols->len < 2)
    return FALSE;

  for (guint i = 1; i < body_cy->len; i++)
    {
      double d = g_array_index (body_cy, double, i) - g_array_index (body_cy, double, i - 1);
      pitch = pitch == 0 ? d : MIN (pitch, d);
    }

  /* Rows: a numeric or multi-segment line opens one; a lone piece of text
   * that sits closer than the row pitch is a wrapped cell of the row next to it. */
  for (guint i = start; i < stop; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      Line *prev = i > start ? g_ptr_array_index (lines, i - 1) : NULL;
      Line *next = i + 1 < stop ? g_ptr_array_index (lines, i + 1) : NULL;
      StreamRow *row = NULL;

      if (line->segments->len == 1 && !line_is_body (line) && !cf_pdf_is_heading_text (line->text))
        {
          double d_prev = prev ? line->cy - prev->cy : G_MAXDOUBLE;
          double d_next = next ? next->cy - line->cy : G_MAXDOUBLE;
          Segment *seg = g_ptr_array_index (line->segments, 0);
          int first, last;

          columns_of_segment (cols, seg, &first, &last);
          if (rows->len > 0 && (d_prev < 0.8 * pitch || (first > 0 && d_prev <= d_next)))
            row = g_ptr_array_index (rows, rows->len - 1);
          else if (next && d_next < 0.8 * pitch && (line_is_body (next) || first > 0))
            {
              /* Wrapped above its row: the next line's row takes it. */
              StreamRow *ahead = stream_row_new (cols->len);
              stream_row_add_line (ahead, cols, line);
              g_ptr_array_add (rows, ahead);
              stream_row_add_line (ahead, cols, next);
              line->used = next->used = TRUE;
              i++;
              continue;
            }
        }
      if (row == NULL)
        {
          row = stream_row_new (cols->len);
          g_ptr_array_add (rows, row);
        }
      stream_row_add_line (row, cols, line);
      line->used = TRUE;
    }

  table = pdf_table_new (page->number, "stream");
  for (guint r = 0; r < rows->len; r++)
    {
      StreamRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < cols->len;)
        {
          GArray *chars = g_ptr_array_index (row->cols, c);
          int span = MAX (1, row->spans[c]);
          const Interval *a = &g_array_index (cols, Interval, c);
          const Interval *b = &g_array_index (cols, Interval, MIN (c + span - 1, cols->len - 1));
          double slot[4] = { a->x0, row->y0, b->x1, row->y1 };

          span = MIN (span, (int) (cols->len - c));
          /* Later columns under a span hand their text to it. */
          for (int k = 1; k < span; k++)
            {
              GArray *more = g_ptr_array_index (row->cols, c + k);
              g_array_append_vals (chars, more->data, more->len);
            }
          {
            CfPdfCell *cell = add_cell (table, r, c, 1, span, page, chars, NULL);
            if (chars->len == 0)
              memcpy (cell->bbox, slot, sizeof slot);
          }
          for (guint k = 0; k < chars->len; k++)
            used[g_array_index (chars, guint, k)] = TRUE;
          c += span;
        }
    }

  {
    Line *first = g_ptr_array_index (lines, start), *last = g_ptr_array_index (lines, stop - 1);
    table->bbox[0] = g_array_index (cols, Interval, 0).x0;
    table->bbox[1] = first->y0;
    table->bbox[2] = g_array_index (cols, Interval, cols->len - 1).x1;
    table->bbox[3] = last->y1;
  }
  {
    double left = g_array_index (cols, Interval, 0).x0;
    g_array_append_val (table->col_edges, left);
    for (guint c = 0; c < cols->len; c++)
      g_array_append_val (table->col_edges, g_array_index (cols, Interval, c).x1);
  }
  g_ptr_array_add (tables, g_steal_pointer (&table));
  return TRUE;
}

static void
find_stream_tables (const CfPdfPage *page, GPtrArray *lines, gboolean *used, GPtrArray *tables)
{
  for (guint i = 0; i < lines->len;)
    {
      Line *line = g_ptr_array_index (lines, i);
      guint start = i, stop = i + 1;
      double block_x0 = line->x0, block_x1 = line->x1;

      if (line->used || !line_is_body (line))
        {
          i++;
          continue;
        }

      /* Header lines right above: several segments, no heading. */
      while (start > 0)
        {
          Line *above = g_ptr_array_index (lines, start - 1);
          Line *below = g_ptr_array_index (lines, start);
          if (above->used || above->segments->len < 2 || cf_pdf_is_heading_text (above->text)
              || below->y0 - above->y1 > 1.5 * below->h)
            break;
          start--;
        }

      /* Down: numeric lines, and the short lines between them. */
      while (stop < lines->len)
        {
          Line *below = g_ptr_array_index (lines, stop);
          Line *above = g_ptr_array_index (lines, stop - 1);
          gboolean body = line_is_body (below);
          gboolean short_line = below->x1 - below->x0 < 0.6 * MAX (1.0, block_x1 - block_x0)
                                && !cf_pdf_is_heading_text (below->text);

          if (below->used || below->y0 - above->y1 > 1.5 * MAX (above->h, below->h))
            break;
          if (!body && below->segments->len < 2 && !short_line)
            break;
          block_x0 = MIN (block_x0, below->x0);
          block_x1 = MAX (block_x1, below->x1);
          stop++;
        }
      /* Trailing text that is not a wrapped cell belongs to the prose below. */
      while (stop > start + 1)
        {
          Line *last = g_ptr_array_index (lines, stop - 1);
          Line *above = g_ptr_array_index (lines, stop - 2);
          if (line_is_body (last) || last->cy - above->cy < 1.1 * last->h)
            break;
          stop--;
        }

      if (build_stream (page, lines, start, stop, used, tables))
        {
          CfPdfTable *table = g_ptr_array_index (tables, tables->len - 1);
          find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
        }
      i = stop;
    }
}

/* ------------------------------------------------------------------- entry */

static int
compare_tables_by_top (gconstpointer a, gconstpointer b)
{
  const CfPdfTable *x = *(CfPdfTable * const *) a, *y = *(CfPdfTable * const *) b;

  return (x->bbox[1] > y->bbox[1]) - (x->bbox[1] < y->bbox[1]);
}

/* Page numbers ("- 3 -", "3/12") are no text of the report. */
static gboolean
is_page_number (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (!g_unichar_isdigit (ch) && !g_unichar_isspace (ch) && !(ch < 0x80 && strchr ("-/()", ch))
          && ch != 0x2014 /* — */ && ch != 0x7b2c /* 第 */ && ch != 0x9875 /* 页 */)
        return FALSE;
    }
  return TRUE;
}

void
cf_pdf_find_tables (const CfPdfPage *page, const CfPdfMask *mask, GPtrArray *tables,
                    char **trailing_heading)
{
  g_autofree gboolean *used = g_new0 (gboolean, page->chars->len + 1);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GPtrArray) lines = NULL;
  guint n_lattice;

  if (mask != NULL)
    find_lattice_tables (page, mask, used, found);
  n_lattice = found->len;

  lines = find_lines (page, used);
  for (guint t = 0; t < n_lattice; t++)
    {
      CfPdfTable *table = g_ptr_array_index (found, t);
      find_title (lines, table->bbox[1], table->bbox[0], table->bbox[2], table);
    }
  find_stream_tables (page, lines, used, found);

  g_ptr_array_sort (found, compare_tables_by_top);

  /* A heading at the foot of the page names a table on the next one. */
  if (trailing_heading)
    {
      double bottom = -G_MAXDOUBLE;

      *trailing_heading = NULL;
      for (guint t = 0; t < found->len; t++)
        bottom = MAX (bottom, ((CfPdfTable *) g_ptr_array_index (found, t))->bbox[3]);
      for (guint i = lines->len; i-- > 0;)
        {
          Line *line = g_ptr_array_index (lines, i);
          if (line->used || is_page_number (line->text))
            continue;
          if (line->y0 > bottom && cf_pdf_is_heading_text (line->text))
            *trailing_heading = g_strstrip (g_strdup (line->text));
          break;
        }
    }
  for (guint t = 0; t < found->len; t++)
    g_ptr_array_add (tables, g_ptr_array_index (found, t));
}
