/* cf-pdf-rulings.c: the rulings drawn on a PDF page
 *
 * The page is rendered (cf-pdf-render.c) and scanned once for long runs of
 * ink, across and down; runs of neighbouring pixel lines become line
 * segments; segments that lie inside character boxes are glyph strokes, and
 * of the rest those that cross or touch at least two perpendicular ones are
 * rulings (an underline is not). The lattice finder builds tables of them.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-rulings.h"

#define MIN_RULE      8.0   /* pt: shortest ruling looked for */
#define MAX_THICK     3.0   /* pt: thicker runs are a filled box; its edges are rulings */
#define MAX_RULES     20000 /* more pieces of rules than this are a picture */
/* Luminance below which a pixel is ink, and below which it is at least light
 * ink or shading: rules are looked for in both, so that a dark rule through a
 * shaded cell and a faint hairline both show. */
#define INK_LEVEL     200
#define LIGHT_LEVEL   245

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
  CfPdfRule rule = { 0, run->a / scale, (run->b + 1) / scale, FALSE };

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
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (CfPdfRule));
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
  const CfPdfRule *x = a, *y = b;

  if (fabs (x->pos - y->pos) > 0.01)
    return x->pos < y->pos ? -1 : 1;
  return (x->a > y->a) - (x->a < y->a);
}

static gboolean
rules_sorted (GArray *rules)
{
  for (guint i = 1; i < rules->len; i++)
    if (compare_rules (&g_array_index (rules, CfPdfRule, i - 1),
                       &g_array_index (rules, CfPdfRule, i))
        > 0)
      return FALSE;
  return TRUE;
}

/* Sorts rules that are nearly in order already (as link_runs() makes them:
 * in the order they end), stably: by insertion, or by merging when they
 * turn out to be far from it. */
static void
sort_nearly_sorted_rules (GArray *rules)
{
  CfPdfRule *r = (CfPdfRule *) rules->data;
  gsize budget = 64 * (gsize) rules->len;

  for (guint i = 1; i < rules->len; i++)
    {
      CfPdfRule rule = r[i];
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
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (CfPdfRule), a->len + b->len);
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      if (j == b->len
          || (i < a->len
              && compare_rules (&g_array_index (a, CfPdfRule, i), &g_array_index (b, CfPdfRule, j))
                     <= 0))
        g_array_append_val (out, g_array_index (a, CfPdfRule, i++));
      else
        g_array_append_val (out, g_array_index (b, CfPdfRule, j++));
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
      CfPdfRule r = g_array_index (rules, CfPdfRule, i);
      gboolean merged = FALSE;

      for (guint k = out; k-- > 0;)
        {
          CfPdfRule *prev = &g_array_index (rules, CfPdfRule, k);
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
        g_array_index (rules, CfPdfRule, out++) = r;
    }
  g_array_set_size (rules, out);
}

gboolean
cf_pdf_rules_touch (const CfPdfRule *h, const CfPdfRule *v)
{
  return v->pos >= h->a - CF_PDF_SNAP_TOL && v->pos <= h->b + CF_PDF_SNAP_TOL
         && h->pos >= v->a - CF_PDF_SNAP_TOL && h->pos <= v->b + CF_PDF_SNAP_TOL;
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
      const CfPdfRule *r = &g_array_index (rules, CfPdfRule, i);
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

/* Cuts the ends of rules that run on through a character: a glyph's stroke
 * set against a rule's end (a heading's stroke on the top of a frame, the
 * table above's foot just over it) runs on with it in the rendering, and
 * would tie the frame to whatever the glyph's other end touches. An end
 * inside a character's box, the box half the character's height or more
 * along the rule, ends at the box when the rule runs on past the box twice
 * the character's height or more. */
static void
trim_glyph_ends (GArray *rules, gboolean vertical, const CfPdfPage *page)
{
  if ((gsize) rules->len * page->chars->len > 50000000)
    return;
  for (guint i = 0; i < rules->len; i++)
    {
      CfPdfRule *r = &g_array_index (rules, CfPdfRule, i);

      for (guint k = 0; k < page->chars->len; k++)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, k);
          double lo = vertical ? c->x0 : c->y0, hi = vertical ? c->x1 : c->y1;
          double a = vertical ? c->y0 : c->x0, b = vertical ? c->y1 : c->x1;
          double inset = 0.1 * (hi - lo), half = 0.5 * (b - a);

          if (r->pos <= lo + inset || r->pos >= hi - inset || b <= r->a || a >= r->b)
            continue;
          /* The rule's start inside the box, and the rule runs on past it
           * well beyond (a glyph's own strokes do not). */
          if (a <= r->a + 0.5 && b - r->a >= half && r->b - b >= 2 * (b - a))
            r->a = b;
          else if (b >= r->b - 0.5 && r->b - a >= half && a - r->a >= 2 * (b - a))
            r->b = a;
        }
    }
}

/* How many of the first @n_hs of @hs @v touches. */
static guint
n_touching (GArray *hs, guint n_hs, const CfPdfRule *v)
{
  guint n = 0;

  for (guint i = 0; i < n_hs; i++)
    n += cf_pdf_rules_touch (&g_array_index (hs, CfPdfRule, i), v);
  return n;
}

static int
compare_rule_ends (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Whether a drawn rule of the first @n_hs of @hs runs at @y over [@a, @b]
 * (nearly all of it). */
static gboolean
drawn_across (GArray *hs, guint n_hs, double y, double a, double b)
{
  double covered = 0;

  for (guint k = 0; k < n_hs; k++)
    {
      const CfPdfRule *h = &g_array_index (hs, CfPdfRule, k);

      if (fabs (h->pos - y) <= CF_PDF_SNAP_TOL)
        covered += MAX (0.0, MIN (h->b, b) - MAX (h->a, a));
    }
  return covered >= 0.9 * (b - a);
}

/* Whether text stands within a line or so above @y (@above) or below it,
 * between @left and @right: a heading or a caption over a table, text
 * under a chart, no page break. */
static gboolean
text_beyond (const CfPdfPage *page, double y, gboolean above, double left, double right)
{
  for (guint i = 0; i < page->chars->len; i++)
    {
      const CfPdfChar *c = cf_pdf_char_at (page, i);
      double gap = above ? y - c->y1 : c->y0 - y;

      if (c->x1 > left && c->x0 < right && gap > -1.0 && gap < 12.0)
        return TRUE;
    }
  return FALSE;
}

/* Closes frames a page break cut open. A browser prints the part of a table
 * on either side of a page break with no rule along the cut, and a cell
 * that spans rows across it as its two sides only: the page's table is then
 * a frame open at the cut, and a side that no rule of the rows reaches (the
 * first column's, under a label spanning down) would be left out of it.
 * Where sides of a frame end level at the head or foot of the page, with
 * no text close beyond them (one of them framed by rules of the rows), and
 * a side ends open (no drawn rule meets it there), a cut rule joins it to
 * its neighbours ending there, over the gaps no drawn rule runs in. Frames
 * closed at their ends (tables side by side) are left, and so are rules
 * ending level inside the page (a chart's bars). */
static void
close_cut_frames (const CfPdfPage *page, GArray *hs, GArray *vs)
{
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  g_autoptr (GArray) group = g_array_new (FALSE, FALSE, sizeof (CfPdfRule));
  guint n_drawn = hs->len;

  /* (y, index) of every end of a vertical rule, by y. */
  for (guint j = 0; j < vs->len; j++)
    {
      const CfPdfRule *v = &g_array_index (vs, CfPdfRule, j);
      double top[2] = { v->a, j }, bottom[2] = { v->b, j };

      g_array_append_vals (ends, top, 1);
      g_array_append_vals (ends, bottom, 1);
    }
  g_array_sort (ends, compare_rule_ends);
  for (guint i = 0; i < ends->len;)
    {
      double y0 = g_array_index (ends, double, 2 * i), y = 0;
      gboolean framed = FALSE;
      guint stop = i;

      while (stop < ends->len && g_array_index (ends, double, 2 * stop) - y0 <= CF_PDF_SNAP_TOL)
        stop++;
      g_array_set_size (group, 0);
      for (guint k = i; k < stop; k++)
        {
          const CfPdfRule *v = &g_array_index (vs, CfPdfRule, (guint) g_array_index (ends, double, 2 * k + 1));

          y += g_array_index (ends, double, 2 * k) / (stop - i);
          g_array_append_val (group, *v);
          framed |= n_touching (hs, n_drawn, v) >= 2;
        }
      i = stop;
      if (group->len < 2 || !framed || (y > 0.15 * page->height && y < 0.85 * page->height))
        continue;
      /* The sides by x; each gap between two, one of them open, that no
       * drawn rule runs over gets a cut rule. */
      g_array_sort (group, compare_rule_ends);
      if (text_beyond (page, y, y < page->height / 2, g_array_index (group, CfPdfRule, 0).pos,
                       g_array_index (group, CfPdfRule, group->len - 1).pos))
        continue;
      for (guint k = 0; k + 1 < group->len; k++)
        {
          CfPdfRule *v = &g_array_index (group, CfPdfRule, k), *w = &g_array_index (group, CfPdfRule, k + 1);
          CfPdfRule cut = { y, v->pos, w->pos, TRUE };
          gboolean v_open = TRUE, w_open = TRUE;

          if (w->pos - v->pos < 1.0)
            continue;
          for (guint m = 0; m < n_drawn && (v_open || w_open); m++)
            {
              const CfPdfRule *h = &g_array_index (hs, CfPdfRule, m);

              if (fabs (h->pos - y) > CF_PDF_SNAP_TOL)
                continue;
              v_open &= !cf_pdf_rules_touch (h, v);
              w_open &= !cf_pdf_rules_touch (h, w);
            }
          if ((v_open || w_open) && !drawn_across (hs, n_drawn, y, v->pos, w->pos))
            g_array_append_val (hs, cut);
        }
    }
}

/* Closes the frame of a lone row a page break put at the head of a page
 * with neither of its rules (wkhtmltopdf prints the last row of 第二十条第
 * （八）项 so, its sides alone): three sides at least, of one top and one
 * bottom, a line or two apart, touching no drawn rule, with no text just
 * above them. Rules join them at both ends. */
static void
close_lone_row (const CfPdfPage *page, GArray *hs, GArray *vs)
{
  guint n_drawn = hs->len;

  for (guint j = 0; j < vs->len; j++)
    {
      const CfPdfRule *v = &g_array_index (vs, CfPdfRule, j);
      double left = v->pos, right = v->pos;
      guint n = 0;
      gboolean lone = TRUE;

      if (v->a > 0.15 * page->height || v->b - v->a > 30.0 || v->b - v->a < 6.0)
        continue;
      for (guint k = 0; k < vs->len && lone; k++)
        {
          const CfPdfRule *w = &g_array_index (vs, CfPdfRule, k);

          if (fabs (w->a - v->a) > CF_PDF_SNAP_TOL || fabs (w->b - v->b) > CF_PDF_SNAP_TOL)
            continue;
          if (k < j || n_touching (hs, n_drawn, w) > 0)
            lone = FALSE; /* looked at from its first side already, or ruled */
          left = MIN (left, w->pos);
          right = MAX (right, w->pos);
          n++;
        }
      if (!lone || n < 3 || text_beyond (page, v->a, TRUE, left, right))
        continue;
      {
        /* The row ends at both: rules, not cuts that only tie a frame. */
        CfPdfRule top = { v->a, left, right, FALSE }, bottom = { v->b, left, right, FALSE };

        g_array_append_val (hs, top);
        g_array_append_val (hs, bottom);
      }
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
          if (cf_pdf_rules_touch (&g_array_index (hs, CfPdfRule, i),
                                  &g_array_index (vs, CfPdfRule, j)))
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

gboolean
cf_pdf_rulings_find (const CfPdfPage *page, const CfPdfRuns *runs, GArray **hs_out, GArray **vs_out)
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
    return FALSE;
  /* Sorted here, where each kind is nearly in order: merge_rules() then
   * finds them in order. */
  sort_nearly_sorted_rules (h_ink);
  sort_nearly_sorted_rules (v_ink);
  sort_nearly_sorted_rules (h_light);
  sort_nearly_sorted_rules (v_light);
  hs = merge_sorted_rules (h_ink, h_light);
  vs = merge_sorted_rules (v_ink, v_light);
  if (hs->len > MAX_RULES || vs->len > MAX_RULES)
    return FALSE;
  merge_rules (hs);
  merge_rules (vs);
  drop_glyph_strokes (hs, FALSE, page);
  drop_glyph_strokes (vs, TRUE, page);
  trim_glyph_ends (hs, FALSE, page);
  trim_glyph_ends (vs, TRUE, page);
  close_cut_frames (page, hs, vs);
  close_lone_row (page, hs, vs);
  keep_framed_rules (hs, vs);
  *hs_out = g_steal_pointer (&hs);
  *vs_out = g_steal_pointer (&vs);
  return TRUE;
}
