/* cf-pdf-lattice.c: ruled (lattice) tables of a PDF page
 *
 * The page is rendered (see cf-pdf-reader.c) and scanned once for long runs
 * of ink, across and down; runs of neighbouring pixel lines become line
 * segments; segments that lie inside character boxes are glyph
 * strokes, and of the rest those that cross or touch at least two
 * perpendicular ones are rulings (an underline is not); the rulings of one
 * connected frame are snapped to a grid, and a grid line that is missing
 * between two slots merges them (row or column span). Characters go to the
 * cell their box centre falls in.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-private.h"

#define SNAP_TOL      2.0   /* pt: grid lines closer than this are one */
#define MIN_ROW       4.0   /* pt: thinner grid rows are a double rule, not a row */
#define MIN_RULE      8.0   /* pt: shortest ruling looked for */
#define MAX_THICK     3.0   /* pt: thicker runs are a filled box; its edges are rulings */
#define MAX_RULES     20000 /* more pieces of rules than this are a picture */
/* Luminance below which a pixel is ink, and below which it is at least light
 * ink or shading: rules are looked for in both, so that a dark rule through a
 * shaded cell and a faint hairline both show. */
#define INK_LEVEL     200
#define LIGHT_LEVEL   245

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double pos;   /* y of a horizontal rule, x of a vertical one */
  double a, b;  /* its extent along the other axis */
} Rule;

typedef struct
{
  int first, last; /* pixel lines */
  int a, b;        /* pixel extent */
  int run_a, run_b; /* the run on its last line */
  gboolean taken;  /* a run of the next line goes on with it */
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

static inline void
end_run (GArray *runs, int line, int start, int stop, int min_run)
{
  if (stop - start >= min_run)
    {
      CfPdfRun run = { line, start, stop - 1 };
      g_array_append_val (runs, run);
    }
}

void
cf_pdf_runs_free (CfPdfRuns *runs)
{
  if (runs == NULL)
    return;
  g_array_unref (runs->h_ink);
  g_array_unref (runs->h_light);
  g_array_unref (runs->v_ink);
  g_array_unref (runs->v_light);
  g_free (runs);
}

/* Sorts @runs, whose lines are in [@first, @first + @n_lines), by line,
 * keeping the order within a line (counting sort). Runs down one column
 * end in the order they start, so they come out in (line, start) order. */
static void
sort_by_line (GArray *runs, int first, int n_lines)
{
  g_autofree guint *next = g_new0 (guint, n_lines + 1);
  g_autofree CfPdfRun *sorted = NULL;

  if (runs->len < 2)
    return;
  for (guint i = 0; i < runs->len; i++)
    next[g_array_index (runs, CfPdfRun, i).line - first + 1]++;
  for (int line = 1; line <= n_lines; line++)
    next[line] += next[line - 1];
  sorted = g_new (CfPdfRun, runs->len);
  for (guint i = 0; i < runs->len; i++)
    {
      const CfPdfRun *run = &g_array_index (runs, CfPdfRun, i);
      sorted[next[run->line - first]++] = *run;
    }
  memcpy (runs->data, sorted, runs->len * sizeof (CfPdfRun));
}

#define WORD_BITS (GLIB_SIZEOF_LONG * 8)

/* The lowest set bit of @word (not 0). g_bit_nth_lsf() tries bit by bit. */
static inline int
lowest_bit (gulong word)
{
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzl (word);
#else
  return g_bit_nth_lsf (word, -1);
#endif
}

/* The first pixel from @x on whose bit in @bits is @value, or @width. */
static inline int
next_bit (const gulong *bits, int x, int width, gboolean value)
{
  while (x < width)
    {
      int shift = x % WORD_BITS;
      gulong word = (value ? bits[x / WORD_BITS] : ~bits[x / WORD_BITS]) >> shift;

      if (word != 0)
        return MIN (width, x + lowest_bit (word));
      x += WORD_BITS - shift;
    }
  return width;
}

/* The runs of at least @min_run set bits in a row of @n_words words
 * (@width pixels). @long_starts (@n_words words) is scratch space. */
static void
row_runs (const gulong *bits, gulong *long_starts, int n_words, int width, int line, int origin,
          int min_run, GArray *runs)
{
  gboolean any = FALSE;

  /* Where @min_run set bits start: a row of text holds many short runs
   * (glyph strokes) and seldom a long one. A bit stays set where the bits
   * from it on are; each step doubles how many (at most up to @min_run). */
  for (int w = 0; w < n_words; w++)
    any |= (long_starts[w] = bits[w]) != 0;
  for (int covered = 1; covered < min_run && any;)
    {
      int step = MIN (covered, min_run - covered);
      int words = step / WORD_BITS, shift = step % WORD_BITS;

      any = FALSE;
      /* In place: word w reads words w and up, which are not changed yet. */
      for (int w = 0; w < n_words; w++)
        {
          int from = w + words;
          gulong shifted = from < n_words ? long_starts[from] >> shift : 0;

          if (shift != 0 && from + 1 < n_words)
            shifted |= long_starts[from + 1] << (WORD_BITS - shift);
          any |= (long_starts[w] &= shifted) != 0;
        }
      covered += step;
    }
  if (!any)
    return;
  /* The first long start after a gap is where its run starts. */
  for (int x = next_bit (long_starts, 0, width, TRUE); x < width;)
    {
      int end = next_bit (bits, x, width, FALSE);

      end_run (runs, line, origin + x, origin + end, min_run);
      x = next_bit (long_starts, end, width, TRUE);
    }
}

/* Runs down the columns: they start where a pixel is set under one that is
 * not (@prev: the row above, @row: pixel row @y) and end where it is the
 * other way round; @row NULL ends all of them below the last row. */
static void
column_runs (const gulong *prev, const gulong *row, int n_words, int y, int *starts, int origin_x,
             int origin_y, int min_run, GArray *runs)
{
  for (int w = 0; w < n_words; w++)
    {
      gulong now = row ? row[w] : 0;
      gulong ended = prev[w] & ~now, started = now & ~prev[w];

      for (; ended != 0; ended &= ended - 1)
        {
          int x = w * WORD_BITS + lowest_bit (ended);
          end_run (runs, origin_x + x, origin_y + starts[x], origin_y + y, min_run);
        }
      for (; started != 0; started &= started - 1)
        starts[w * WORD_BITS + lowest_bit (started)] = y;
    }
}

CfPdfRuns *
cf_pdf_runs_scan (const guint8 *data, int stride, int width, int height, double scale,
                  int origin_x, int origin_y)
{
  CfPdfRuns *runs = g_new0 (CfPdfRuns, 1);
  int min_run = MAX (4, (int) (MIN_RULE * scale));
  int n_words = (width + WORD_BITS - 1) / WORD_BITS;
  /* One bit per pixel, for this row and the one above: light (any pixel
   * that is not white) and ink (dark). A pixel of ink is light too. */
  g_autofree gulong *bits = g_new0 (gulong, 4 * n_words);
  gulong *light = bits, *ink = bits + n_words, *prev_light = bits + 2 * n_words, *prev_ink = bits + 3 * n_words;
  g_autofree gulong *long_starts = g_new0 (gulong, n_words);
  g_autofree int *light_starts = g_new0 (int, n_words * WORD_BITS);
  g_autofree int *ink_starts = g_new0 (int, n_words * WORD_BITS);

  runs->scale = scale;
  runs->h_ink = g_array_new (FALSE, FALSE, sizeof (CfPdfRun));
  runs->h_light = g_array_new (FALSE, FALSE, sizeof (CfPdfRun));
  runs->v_ink = g_array_new (FALSE, FALSE, sizeof (CfPdfRun));
  runs->v_light = g_array_new (FALSE, FALSE, sizeof (CfPdfRun));

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      memset (light, 0, 2 * n_words * sizeof (gulong));
      /* Eight pixels at a time (never across a word of bits): white is by
       * far the most common, and white gives no bit. */
      for (int x = 0; x < width; x += 8)
        {
          int n = MIN (8, width - x);
          gulong light_bits = 0, ink_bits = 0;

          if (n == 8)
            {
              guint64 q[4];

              memcpy (q, row + x, sizeof q);
              if (((q[0] & q[1] & q[2] & q[3]) & G_GUINT64_CONSTANT (0x00ffffff00ffffff))
                  == G_GUINT64_CONSTANT (0x00ffffff00ffffff))
                continue;
            }
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          if (n == 8)
            {
              /* One byte per pixel, then the low bits of the bytes gathered
               * in one multiplication: the compiler can do the eight at once. */
              guint8 light_flags[8], ink_flags[8];
              guint64 l, k;

              for (int i = 0; i < 8; i++)
                {
                  guint32 px = row[x + i];
                  guint sum = ((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff);

                  light_flags[i] = sum < 3 * LIGHT_LEVEL;
                  ink_flags[i] = sum < 3 * INK_LEVEL;
                }
              memcpy (&l, light_flags, sizeof l);
              memcpy (&k, ink_flags, sizeof k);
              light_bits = (l * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56;
              ink_bits = (k * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56;
            }
          else
#endif
            for (int i = 0; i < n; i++)
              {
                guint32 px = row[x + i];
                guint sum = ((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff);

                light_bits |= (gulong) (sum < 3 * LIGHT_LEVEL) << i;
                ink_bits |= (gulong) (sum < 3 * INK_LEVEL) << i;
              }
          light[x / WORD_BITS] |= light_bits << (x % WORD_BITS);
          ink[x / WORD_BITS] |= ink_bits << (x % WORD_BITS);
        }
      row_runs (light, long_starts, n_words, width, origin_y + y, origin_x, min_run, runs->h_light);
      row_runs (ink, long_starts, n_words, width, origin_y + y, origin_x, min_run, runs->h_ink);
      column_runs (prev_light, light, n_words, y, light_starts, origin_x, origin_y, min_run, runs->v_light);
      column_runs (prev_ink, ink, n_words, y, ink_starts, origin_x, origin_y, min_run, runs->v_ink);
      memcpy (prev_light, light, 2 * n_words * sizeof (gulong));
    }
  column_runs (prev_light, NULL, n_words, height, light_starts, origin_x, origin_y, min_run, runs->v_light);
  column_runs (prev_ink, NULL, n_words, height, ink_starts, origin_x, origin_y, min_run, runs->v_ink);

  /* Runs down come out in the order they ended; the rule finder wants them by column. */
  sort_by_line (runs->v_ink, origin_x, width);
  sort_by_line (runs->v_light, origin_x, width);
  return runs;
}

/* Joins runs of neighbouring pixel lines that overlap into rules. @runs are
 * in (line, start) order. */
static GArray *
link_runs (GArray *runs, double scale)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  /* The rules that reached the line before, by where their run there starts. */
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenRun));
  g_autoptr (GArray) next = g_array_new (FALSE, FALSE, sizeof (OpenRun));

  for (guint i = 0; i < runs->len;)
    {
      int line = g_array_index (runs, CfPdfRun, i).line;
      guint k = 0;

      if (open->len > 0 && g_array_index (open, OpenRun, 0).last < line - 1)
        {
          for (guint m = 0; m < open->len; m++)
            emit_rule (rules, &g_array_index (open, OpenRun, m), scale);
          g_array_set_size (open, 0);
        }
      for (; i < runs->len && g_array_index (runs, CfPdfRun, i).line == line; i++)
        {
          const CfPdfRun *run = &g_array_index (runs, CfPdfRun, i);
          gboolean joined = FALSE;

          /* Rules wholly left of this run go on under no run of this line. */
          for (; k < open->len && g_array_index (open, OpenRun, k).run_b < run->a; k++)
            if (!g_array_index (open, OpenRun, k).taken)
              emit_rule (rules, &g_array_index (open, OpenRun, k), scale);

          /* Only runs of about the same extent are one rule: a rule through
           * a shaded box stays a rule, not part of the box. Two runs of one
           * line cannot both overlap 70% of this one, so the first is the one. */
          for (guint m = k; m < open->len && g_array_index (open, OpenRun, m).run_a <= run->b; m++)
            {
              OpenRun *o = &g_array_index (open, OpenRun, m);
              int overlap = MIN (run->b, o->run_b) - MAX (run->a, o->run_a) + 1;
              int longer = MAX (run->b - run->a, o->run_b - o->run_a) + 1;

              if (!o->taken && overlap * 10 >= longer * 7)
                {
                  OpenRun joined_run = { o->first, line, MIN (o->a, run->a), MAX (o->b, run->b),
                                         run->a, run->b, FALSE };
                  g_array_append_val (next, joined_run);
                  o->taken = TRUE;
                  joined = TRUE;
                  break;
                }
            }
          if (!joined)
            {
              OpenRun o = { line, line, run->a, run->b, run->a, run->b, FALSE };
              g_array_append_val (next, o);
            }
        }
      /* What no run of this line went on with ends. */
      for (; k < open->len; k++)
        if (!g_array_index (open, OpenRun, k).taken)
          emit_rule (rules, &g_array_index (open, OpenRun, k), scale);
      g_array_set_size (open, 0);
      {
        GArray *swap = open;
        open = next;
        next = swap;
      }
    }
  for (guint m = 0; m < open->len; m++)
    emit_rule (rules, &g_array_index (open, OpenRun, m), scale);
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

static gboolean
rules_sorted (GArray *rules)
{
  for (guint i = 1; i < rules->len; i++)
    if (compare_rules (&g_array_index (rules, Rule, i - 1), &g_array_index (rules, Rule, i)) > 0)
      return FALSE;
  return TRUE;
}

/* Sorts rules that are nearly in order already (as link_runs() makes them:
 * in the order they end), stably: by insertion, or by merging when they
 * turn out to be far from it. */
static void
sort_nearly_sorted_rules (GArray *rules)
{
  Rule *r = (Rule *) rules->data;
  gsize budget = 64 * (gsize) rules->len;

  for (guint i = 1; i < rules->len; i++)
    {
      Rule rule = r[i];
      guint j = i;

      while (j > 0 && compare_rules (&r[j - 1], &rule) > 0)
        {
          r[j] = r[j - 1];
          j--;
        }
      r[j] = rule;
      budget -= MIN (budget, i - j);
      if (budget == 0)
        {
          g_array_sort (rules, compare_rules);
          return;
        }
    }
}

/* The sorted rules @a and @b in one sorted array, @a's first among equals. */
static GArray *
merge_sorted_rules (GArray *a, GArray *b)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Rule), a->len + b->len);
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      if (j == b->len
          || (i < a->len && compare_rules (&g_array_index (a, Rule, i), &g_array_index (b, Rule, j)) <= 0))
        g_array_append_val (out, g_array_index (a, Rule, i++));
      else
        g_array_append_val (out, g_array_index (b, Rule, j++));
    }
  return out;
}

/* Joins pieces of one rule (broken by antialiasing or crossings). */
static void
merge_rules (GArray *rules)
{
  guint out = 0;

  if (!rules_sorted (rules))
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

/* A character's box seen from a rule: @a to @b along it, @lo to @hi across. */
typedef struct
{
  double a, b, lo, hi;
} GlyphSpan;

/* floor (@v / @size) within [0, @n) (no libm call: this runs per character). */
static inline int
bucket (double v, double size, int n)
{
  return v <= 0 ? 0 : MIN ((int) (v / size), n - 1);
}

/* Drops the strokes of glyphs: runs that lie mostly inside character boxes
 * (rulings run between lines of text). The boxes are put in buckets of a
 * grid (bands across the rules' direction, cells along it), so that a rule
 * meets only the few characters it runs by. */
static void
drop_glyph_strokes (GArray *rules, gboolean vertical, const CfPdfPage *page)
{
  const double cell = 8.0;
  int n_bands = (int) ((vertical ? page->width : page->height) / cell) + 2;
  int n_cells = (int) ((vertical ? page->height : page->width) / cell) + 2;
  guint n_chars = page->chars->len;
  g_autofree guint *bucket_of = NULL;
  g_autofree guint *starts = NULL;
  g_autofree GlyphSpan *spans = NULL;
  g_autofree GlyphSpan *sorted = NULL;
  g_autofree double *longest = NULL;
  guint n_spans = 0;

  if (rules->len == 0 || n_chars == 0)
    return;

  /* A box goes in every band it reaches, in the cell where it starts. */
  spans = g_new (GlyphSpan, n_chars);
  longest = g_new0 (double, n_bands);
  starts = g_new0 (guint, (gsize) n_bands * n_cells + 1);
  for (guint k = 0; k < n_chars; k++)
    {
      const CfPdfChar *c = cf_pdf_char_at (page, k);
      GlyphSpan *span = &spans[k];
      int first, last, along;

      span->a = vertical ? c->y0 : c->x0;
      span->b = vertical ? c->y1 : c->x1;
      span->lo = vertical ? c->x0 : c->y0;
      span->hi = vertical ? c->x1 : c->y1;
      first = bucket (span->lo, cell, n_bands);
      last = bucket (span->hi, cell, n_bands);
      along = bucket (span->a, cell, n_cells);
      for (int band = first; band <= last; band++)
        {
          starts[(gsize) band * n_cells + along + 1]++;
          longest[band] = MAX (longest[band], span->b - span->a);
          n_spans++;
        }
    }
  for (gsize i = 1; i <= (gsize) n_bands * n_cells; i++)
    starts[i] += starts[i - 1];
  sorted = g_new (GlyphSpan, n_spans);
  bucket_of = g_memdup2 (starts, sizeof (guint) * ((gsize) n_bands * n_cells));
  for (guint k = 0; k < n_chars; k++)
    {
      const GlyphSpan *span = &spans[k];
      int first = bucket (span->lo, cell, n_bands);
      int last = bucket (span->hi, cell, n_bands);
      int along = bucket (span->a, cell, n_cells);

      for (int band = first; band <= last; band++)
        sorted[bucket_of[(gsize) band * n_cells + along]++] = *span;
    }

  for (guint i = rules->len; i-- > 0;)
    {
      const Rule *r = &g_array_index (rules, Rule, i);
      int band = bucket (r->pos, cell, n_bands);
      /* No box starts more than the band's longest before the rule. */
      int from = bucket ((r->a - longest[band]), cell, n_cells);
      int to = bucket (r->b, cell, n_cells);
      guint first = starts[(gsize) band * n_cells + from];
      guint stop = starts[(gsize) band * n_cells + to + 1];
      double covered = 0;

      for (guint j = first; j < stop; j++)
        {
          const GlyphSpan *c = &sorted[j];
          double inset = 0.05 * (c->hi - c->lo);

          if (r->pos < c->lo + inset || r->pos > c->hi - inset)
            continue;
          covered += MAX (0.0, MIN (c->b, r->b) - MAX (c->a, r->a));
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
        const CfPdfChar *ch = cf_pdf_char_at (page, i);
        double cw = ch->x1 - ch->x0, chh = ch->y1 - ch->y0;
        gboolean crosses = FALSE;

        if (used[i] || cf_pdf_char_cx (ch) < x_min || cf_pdf_char_cx (ch) > x_max || cf_pdf_char_cy (ch) < y_min
            || cf_pdf_char_cy (ch) > y_max)
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
        const CfPdfChar *ch = cf_pdf_char_at (page, i);
        int r, c;

        if (used[i])
          continue;
        r = find_slot (ys, cf_pdf_char_cy (ch));
        c = find_slot (xs, cf_pdf_char_cx (ch));
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
        cf_pdf_table_add_chars (table, rect[0], rect[1], rect[2] - rect[0] + 1, rect[3] - rect[1] + 1, page,
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

/* Builds the tables framed by the rules @hs and @vs (which it sorts and thins). */
static void
tables_from_rules (const CfPdfPage *page, GArray *hs, GArray *vs, gboolean *used,
                   GPtrArray *tables)
{
  g_autofree guint *parent = NULL;
  guint nh, nv;

  if (hs->len > MAX_RULES || vs->len > MAX_RULES)
    return;
  merge_rules (hs);
  merge_rules (vs);
  drop_glyph_strokes (hs, FALSE, page);
  drop_glyph_strokes (vs, TRUE, page);
  keep_framed_rules (hs, vs);
  nh = hs->len;
  nv = vs->len;
  /* Thousands of "rules" are a picture (a photo, a scan under the text), not a table. */
  if (nh < 2 || nv < 2 || nh > 4000 || nv > 4000)
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

void
cf_pdf_find_lattice_tables (const CfPdfPage *page, const CfPdfRuns *runs, gboolean *used,
                            GPtrArray *tables)
{
  /* Rules of dark ink, and rules and shaded boxes of any ink: a dark rule
   * through shading is lost in the second, a faint hairline in the first. */
  g_autoptr (GArray) h_ink = link_runs (runs->h_ink, runs->scale);
  g_autoptr (GArray) v_ink = link_runs (runs->v_ink, runs->scale);
  g_autoptr (GArray) h_light = link_runs (runs->h_light, runs->scale);
  g_autoptr (GArray) v_light = link_runs (runs->v_light, runs->scale);
  g_autoptr (GArray) hs = NULL;
  g_autoptr (GArray) vs = NULL;

  /* Thousands of "rules" are a picture (a photo, a scan under the text). */
  if (h_ink->len + h_light->len > MAX_RULES || v_ink->len + v_light->len > MAX_RULES)
    return;
  /* Sorted here, where each kind is nearly in order: merge_rules() then
   * finds them in order. */
  sort_nearly_sorted_rules (h_ink);
  sort_nearly_sorted_rules (v_ink);
  sort_nearly_sorted_rules (h_light);
  sort_nearly_sorted_rules (v_light);
  hs = merge_sorted_rules (h_ink, h_light);
  vs = merge_sorted_rules (v_ink, v_light);
  tables_from_rules (page, hs, vs, used, tables);
}
