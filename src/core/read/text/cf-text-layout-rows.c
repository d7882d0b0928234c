/* cf-text-layout-rows.c: tables of text converted from a PDF, rebuilt from the row sequence
 *
 * See cf-text-layout-rows.h. A region runs from a section heading (三、… on
 * a line of its own, followed by no row) to the next; inside it every line
 * is split into words (runs without spaces) with their character columns,
 * the trailing numbers of a line are its values, the other words are label
 * pieces.
 */
#include <string.h>

#include "cf-text-layout-rows.h"
#include "cf-text-layout-rows-private.h"


static void
label_clear (gpointer data)
{
  Label *label = data;

  g_string_free (label->text, TRUE);
  g_array_unref (label->values);
}

static gboolean
is_space_at (const char *p, const char *end, gsize *len)
{
  if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f')
    {
      *len = 1;
      return TRUE;
    }
  if (end - p >= 3 && memcmp (p, "\xe3\x80\x80", 3) == 0) /* U+3000 */
    {
      *len = 3;
      return TRUE;
    }
  return FALSE;
}

/* A printed number: -?digits with optional thousands commas and decimals. */
static gboolean
is_number (const char *text, gsize start, gsize end)
{
  gsize i = start;
  gboolean digit = FALSE, dot = FALSE;

  if (i < end && (text[i] == '-' || text[i] == '+'))
    i++;
  for (; i < end; i++)
    {
      char c = text[i];

      if (c >= '0' && c <= '9')
        digit = TRUE;
      else if (c == '.' && !dot && digit)
        dot = TRUE;
      else if (c == ',' && digit && !dot)
        continue;
      else
        return FALSE;
    }
  return digit && text[end - 1] >= '0' && text[end - 1] <= '9';
}

static void
read_line (const char *text, gsize start, gsize end, int page, Line *line)
{
  const char *p = text + start, *stop = text + end;
  int col = 0, wcol = 0;
  gsize word_start = 0;
  gboolean in_word = FALSE;

  line->start = start;
  line->end = end;
  line->page = page;
  line->words = g_array_new (FALSE, FALSE, sizeof (Word));
  line->n_values = 0;
  while (p < stop)
    {
      gsize len = 0;

      if (*p == '\f')
        {
          p++;
          continue;
        }
      if (is_space_at (p, stop, &len))
        {
          if (in_word)
            {
              Word w = { word_start, p - text, 0, 0 };

              w.col = g_array_index (line->words, Word, line->words->len - 1).col;
              w.wcol = g_array_index (line->words, Word, line->words->len - 1).wcol;
              g_array_index (line->words, Word, line->words->len - 1) = w;
              in_word = FALSE;
            }
          wcol += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
          p += len;
          col++;
          continue;
        }
      if (!in_word)
        {
          Word w = { p - text, 0, col, wcol };

          g_array_append_val (line->words, w);
          word_start = p - text;
          in_word = TRUE;
        }
      wcol += g_unichar_iswide (g_utf8_get_char_validated (p, stop - p)) ? 2 : 1;
      p = g_utf8_find_next_char (p, stop);
      if (p == NULL)
        p = stop;
      col++;
    }
  if (in_word)
    g_array_index (line->words, Word, line->words->len - 1).end = end;
  for (guint i = line->words->len; i-- > 0;)
    {
      const Word *w = &g_array_index (line->words, Word, i);

      if (!is_number (text, w->start, w->end))
        break;
      line->n_values++;
    }
}

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->words, g_array_unref);
}

static int word_level (const char *text, const Word *w);

/* A section heading: 三、… alone on its line (long enough not to be a
 * wrapped row label), and the next line neither a row of numbers nor a row
 * label of a deeper level. */
static gboolean
is_heading (const char *text, GArray *lines, guint i)
{
  const Line *line = &g_array_index (lines, Line, i);
  const Word *first;

  if (line->n_values > 0 || line->words->len == 0)
    return FALSE;
  first = &g_array_index (line->words, Word, 0);
  if (word_level (text, first) != 1)
    return FALSE;
  if (g_utf8_strlen (text + first->start, line->end - first->start) < 8)
    return FALSE;
  if (cf_text_raw_wrapped_row_label (text, lines, i))
    return FALSE;
  for (guint j = i + 1; j < lines->len; j++)
    {
      const Line *next = &g_array_index (lines, Line, j);
      const Word *w;

      if (next->words->len == 0)
        continue;
      if (next->n_values > 0)
        return FALSE;
      w = &g_array_index (next->words, Word, 0);
      return word_level (text, w) < 2;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- labels */

/* The enumerator level a word opens: cf_text_enumerator_level, and a group
 * enumerator cut by a narrow column ("（三" then "）不予公开" below) as 2. */
static int
word_level (const char *text, const Word *w)
{
  /* NFKC: some converters print 一 as the Kangxi radical ⼀. */
  g_autofree char *norm = g_utf8_normalize (text + w->start, w->end - w->start, G_NORMALIZE_NFKC);
  const char *p = norm, *end;
  int level;
  gunichar c;

  if (norm == NULL)
    return 0;
  end = norm + strlen (norm);
  level = cf_text_enumerator_level (p, end - p);

  if (level > 0)
    return level;
  c = g_utf8_get_char_validated (p, end - p);
  if (c != '(' && c != 0xFF08)
    return 0;
  p = g_utf8_next_char (p);
  if (p >= end)
    return 0;
  for (; p < end; p = g_utf8_next_char (p))
    if (!g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)))
      return 0;
  return 2;
}


static int
deepest_open (Region *rg, int below)
{
  for (int v = MIN (below - 1, MAX_LEVEL); v >= 0; v--)
    if (rg->open[v] >= 0)
      return rg->open[v];
  return -1;
}

/* The group a label opened at @level nests under: the deepest open label
 * of a lower level that is no row of its own (a row printed values). */
static int
open_group (Region *rg, int level)
{
  for (int v = MIN (level - 1, MAX_LEVEL); v >= 1; v--)
    if (rg->open[v] >= 0 && g_array_index (rg->labels, Label, rg->open[v]).values->len == 0)
      return rg->open[v];
  return -1;
}

/* A group label cut short by its narrow column (（四）无, （四): the rest
 * of its text comes later, out of the rows' order. */
static gboolean
is_cut_group (Region *rg, int index)
{
  const Label *label;

  if (index < 0)
    return FALSE;
  label = &g_array_index (rg->labels, Label, index);
  return label->level == 2 && label->values->len == 0 && !label->placeholder
         && label->text->len > 0 && g_utf8_strlen (label->text->str, -1) <= 5;
}

static int
open_label (Region *rg, const Word *w, int level)
{
  Label label = { 0 };

  label.text = w ? g_string_new_len (rg->text + w->start, w->end - w->start) : g_string_new (NULL);
  label.offset = w ? (gint64) w->start : -1;
  label.length = w ? (gint64) (w->end - w->start) : 0;
  label.level = level;
  label.col = w ? w->col : -1;
  label.parent = level > 0 ? open_group (rg, level) : -1;
  label.values = g_array_new (FALSE, FALSE, sizeof (Word));
  label.page = -1;
  if (label.parent >= 0)
    g_array_index (rg->labels, Label, label.parent).has_child = TRUE;
  g_array_append_val (rg->labels, label);
  if (level > 0)
    for (int v = level; v <= MAX_LEVEL; v++)
      rg->open[v] = -1;
  rg->open[level] = rg->labels->len - 1;
  rg->current = rg->labels->len - 1;
  return rg->current;
}

static void
continue_label (Region *rg, int index, const Word *w)
{
  Label *label = &g_array_index (rg->labels, Label, index);

  g_string_append_len (label->text, rg->text + w->start, w->end - w->start);
}

/* The number of a row enumerator (3 for "3."), 0 for none. */
static int
row_number (const char *text, const Word *w)
{
  g_autofree char *norm = g_utf8_normalize (text + w->start, w->end - w->start, G_NORMALIZE_NFKC);
  int n = 0;

  for (const char *p = norm; p != NULL && *p >= '0' && *p <= '9' && n < 1000; p++)
    n = n * 10 + (*p - '0');
  return n;
}

/* Opens the label an enumerator starts. Numbered rows restart at 1. in each
 * group, and pdftotext prints a group's label in the middle of its rows: a
 * row numbered 1. after rows 1. and 2. of its group, or under no group,
 * starts a group whose label is still to come (a repeated row, 3. after 3.
 * or 1. after 1., starts none), and the
 * next group label names it. That label is printed beside the row being
 * written: what follows it on its line (the row's label, its values) stays
 * with that row. */
static void
open_numbered (Region *rg, const Word *w, int level)
{
  rg->named = -1;
  if (level == 3)
    {
      int n = row_number (rg->text, w);
      int group = open_group (rg, 3);
      Label *g = group >= 0 ? &g_array_index (rg->labels, Label, group) : NULL;

      if (n == 1 && (g == NULL || g->level < 2 || g->last_number > 1))
        {
          open_label (rg, NULL, 2);
          group = rg->current;
          g_array_index (rg->labels, Label, group).placeholder = TRUE;
        }
      open_label (rg, w, 3);
      if (n > 0 && group >= 0)
        {
          g = &g_array_index (rg->labels, Label, group);
          g->last_number = MAX (g->last_number, n);
        }
      return;
    }
  if (level == 2 && rg->open[2] >= 0)
    {
      Label *g = &g_array_index (rg->labels, Label, rg->open[2]);

      if (g->placeholder)
        {
          g_string_append_len (g->text, rg->text + w->start, w->end - w->start);
          g->offset = w->start;
          g->length = w->end - w->start;
          g->col = w->col;
          g->placeholder = FALSE;
          rg->named = rg->open[2];
          return;
        }
    }
  open_label (rg, w, level);
}

/* The chain of labels from @index up to its outermost group. */
static int
ancestor (Region *rg, int index, guint up)
{
  while (index >= 0 && up-- > 0)
    index = g_array_index (rg->labels, Label, index).parent;
  return index;
}

/* An enumerator printed without its label text ("2."). */
static gboolean
is_bare_enumerator (const char *text, const Word *w)
{
  g_autofree char *norm = g_utf8_normalize (text + w->start, w->end - w->start, G_NORMALIZE_NFKC);

  if (norm == NULL)
    return FALSE;
  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    if (!g_utf8_strchr ("0123456789.\xe3\x80\x81()", -1, g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Whether @w stands right of the enumerator of row @index, which its text
 * follows without a space ("2.重复申请"): continued lines of such a label
 * start under the enumerator, the next row's text further right. */
static gboolean
indented_past (Region *rg, int index, const Word *w)
{
  const Label *label = &g_array_index (rg->labels, Label, index);
  Word first = { (gsize) label->offset, (gsize) (label->offset + label->length), label->col, 0 };

  return label->level == 3 && label->offset >= 0 && label->col >= 0
         && !is_bare_enumerator (rg->text, &first) && w->col >= label->col + 2;
}

/* Each piece to the label of the open chain (the row written last and its
 * groups) whose enumerator it stands nearest, the chain's labels standing
 * apart (3 characters or more) and the pieces going outer to inner; FALSE
 * (nothing done) when the columns do not say so. */
static gboolean
feed_pieces_by_column (Region *rg, const Line *line, guint n_words)
{
  int chain[MAX_LEVEL + 2], n_chain = 0, target[CF_TEXT_MAX_COLUMNS];

  if (!rg->spaced || rg->current < 0 || n_words > CF_TEXT_MAX_COLUMNS)
    return FALSE;
  for (int i = rg->current; i >= 0 && n_chain < MAX_LEVEL + 2;
       i = g_array_index (rg->labels, Label, i).parent)
    {
      const Label *label = &g_array_index (rg->labels, Label, i);

      if (label->col < 0 || (label->values->len > 0 && i != rg->current))
        return FALSE;
      if (n_chain > 0 && g_array_index (rg->labels, Label, chain[n_chain - 1]).col - label->col < 3)
        return FALSE;
      chain[n_chain++] = i;
    }
  if (n_chain < 2)
    return FALSE;
  for (guint p = 0; p < n_words; p++)
    {
      const Word *w = &g_array_index (line->words, Word, p);
      int best = -1, best_d = G_MAXINT;

      for (int c = 0; c < n_chain; c++)
        {
          int d = ABS (w->col - g_array_index (rg->labels, Label, chain[c]).col);

          if (d < best_d)
            {
              best_d = d;
              best = c;
            }
        }
      /* Outer labels stand left: chain indexes fall left to right. */
      if (p > 0 && best >= target[p - 1])
        return FALSE;
      target[p] = best;
    }
  for (guint p = 0; p < n_words; p++)
    continue_label (rg, chain[target[p]], &g_array_index (line->words, Word, p));
  return TRUE;
}

static void
feed_line (Region *rg, const Line *line)
{
  int lone = rg->lone;
  int named = rg->named;
  guint n_words = line->words->len - line->n_values;
  guint first_enum = n_words;

  for (guint i = 0; i < n_words; i++)
    {
      const Word *w = &g_array_index (line->words, Word, i);

      if (word_level (rg->text, w) > 0)
        {
          first_enum = i;
          break;
        }
    }

  rg->lone = -1;
  rg->named = -1;
  /* Where the columns set the labels apart (-layout), pieces of a line
   * without enumerator or values continue the labels they stand under. */
  if (first_enum == n_words && n_words >= 2 && line->n_values == 0 && named < 0
      && feed_pieces_by_column (rg, line, n_words))
    return;
  /* Pieces before the first enumerator continue labels already open: the
   * last piece the deepest one that stays open, earlier pieces its groups. */
  if (first_enum > 0 && rg->current >= 0)
    {
      int target = rg->current;
      int parent = g_array_index (rg->labels, Label, target).parent;

      /* After a row's values, a lone piece finishes its cut group. */
      if (first_enum == n_words && n_words == 1
          && g_array_index (rg->labels, Label, target).values->len > 0
          && is_cut_group (rg, parent))
        target = parent;
      /* Without columns (-raw), a lone piece after a row's values finishes
       * its cut first-level group, and the lone pieces after it too. */
      if (first_enum == n_words && n_words == 1 && line->n_values == 0 && !rg->spaced
          && named < 0 && target == rg->current
          && g_array_index (rg->labels, Label, target).values->len > 0)
        {
          int up = cf_text_raw_cut_heading (rg, target);

          if (up >= 0)
            {
              target = up;
              rg->named = named = up;
            }
        }
      /* Lone pieces after a group label named beside a row finish it. */
      if (first_enum == n_words && line->n_values == 0 && named >= 0)
        {
          target = named;
          rg->named = named;
        }
      /* Where the columns set the group labels apart from the row labels
       * (-layout), a lone piece continues the one it is printed under. */
      if (first_enum == n_words && n_words == 1 && rg->spaced)
        {
          const Word *w = &g_array_index (line->words, Word, 0);
          int row = rg->current;
          int group = g_array_index (rg->labels, Label, row).parent;
          const Label *r = &g_array_index (rg->labels, Label, row);
          const Label *g = group >= 0 ? &g_array_index (rg->labels, Label, group) : NULL;

          if (g != NULL && g->level >= 1 && g->level < r->level && g->values->len == 0
              && g->col >= 0 && r->col >= 0 && ABS (r->col - g->col) >= 3)
            {
              target = ABS (w->col - g->col) < ABS (w->col - r->col) ? group : row;
              /* Or a heading further out, nearer still. */
              for (int up = g->parent; target == group && up >= 0;
                   up = g_array_index (rg->labels, Label, up).parent)
                {
                  const Label *u = &g_array_index (rg->labels, Label, up);

                  if (u->values->len == 0 && u->col >= 0
                      && ABS (w->col - u->col) < ABS (w->col - g->col) && ABS (u->col - g->col) >= 3)
                    target = up;
                }
            }
        }
      if (first_enum < n_words)
        {
          const Word *w = &g_array_index (line->words, Word, first_enum);
          int level = word_level (rg->text, w);

          target = deepest_open (rg, level);
        }
      if (first_enum == n_words && n_words == 1 && line->n_values == 0 && target >= 0
          && g_array_index (rg->labels, Label, target).level >= 2
          && (g_array_index (rg->labels, Label, target).values->len > 0
              || indented_past (rg, target, &g_array_index (line->words, Word, 0))))
        {
          /* After its values, or indented past its enumerator (where the
           * text of the next row begins): a bare enumerator on the next
           * line takes it back. */
          rg->lone = target;
          rg->lone_len = g_array_index (rg->labels, Label, target).text->len;
          rg->lone_word = g_array_index (line->words, Word, 0);
        }
      for (guint i = first_enum; i-- > 0 && target >= 0;)
        {
          continue_label (rg, target, &g_array_index (line->words, Word, i));
          if (i > 0)
            {
              int up = ancestor (rg, target, 1);

              if (up >= 0)
                target = up;
            }
        }
    }
  /* An enumerator opens a label; words after it continue it. */
  for (guint i = first_enum; i < n_words; i++)
    {
      const Word *w = &g_array_index (line->words, Word, i);
      int level = word_level (rg->text, w);

      if (level == 1 && line->n_values == 0 && rg->open[2] >= 0
          && g_array_index (rg->labels, Label, rg->open[2]).parent < 0
          && g_array_index (rg->labels, Label, rg->open[2]).values->len == 0)
        {
          /* A section heading printed in the middle of its rows (三、本年
           * beside （四）): it encloses the open group, which stays open. */
          int group = rg->open[2], row = rg->open[3], current = rg->current;

          open_numbered (rg, w, 1);
          g_array_index (rg->labels, Label, group).parent = rg->current;
          g_array_index (rg->labels, Label, rg->current).has_child = TRUE;
          rg->open[2] = group;
          rg->open[3] = row;
          rg->current = current;
          continue;
        }
      if (level > 0)
        {
          open_numbered (rg, w, MIN (level, MAX_LEVEL));
          /* A row label printed around its bare enumerator: the lone
           * piece on the line before, given to the row above, begins it. */
          if (i == 0 && lone >= 0 && level == 3 && rg->current != lone
              && is_bare_enumerator (rg->text, w))
            {
              g_string_truncate (g_array_index (rg->labels, Label, lone).text, rg->lone_len);
              continue_label (rg, rg->current, &rg->lone_word);
            }
        }
      else
        {
          continue_label (rg, rg->current, w);
          rg->named = -1;
        }
    }

  if (line->n_values > 0)
    {
      Label *label;

      rg->named = -1;
      for (guint i = MAX (n_words, 1); i < line->words->len; i++)
        {
          const Word *a = &g_array_index (line->words, Word, i - 1);
          const Word *b = &g_array_index (line->words, Word, i);

          if (b->col - (a->col + (int) g_utf8_strlen (rg->text + a->start, a->end - a->start)) >= 2)
            rg->spaced = TRUE;
        }

      /* A row without a label (a one-row table) has an empty one. */
      if (rg->current < 0)
        open_label (rg, NULL, 0);
      label = &g_array_index (rg->labels, Label, rg->current);
      if (label->values->len == 0)
        {
          label->page = line->page;
          label->first_line_values = line->n_values;
        }
      g_array_append_vals (label->values,
                           &g_array_index (line->words, Word, n_words), line->n_values);
      label->n_value_lines++;
    }
}

/* The line's words joined by one space. */
static char *
line_words (const char *text, const Line *line)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < line->words->len; i++)
    {
      const Word *w = &g_array_index (line->words, Word, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append_len (s, text + w->start, w->end - w->start);
    }
  return g_string_free (s, FALSE);
}

/* The next line after @i with words, or @to. */
static guint
next_line (GArray *lines, guint i, guint to)
{
  for (i++; i < to; i++)
    if (g_array_index (lines, Line, i).words->len > 0)
      return i;
  return to;
}

/* Where the enumerator that opens @w ends ("3." of "3.版物"), in bytes;
 * @w's start when it opens with none. */
static gsize
enumerator_end (const char *text, const Word *w)
{
  const char *p = text + w->start, *end = text + w->end;
  gboolean digits = FALSE;

  while (p < end && *p >= '0' && *p <= '9')
    {
      p++;
      digits = TRUE;
    }
  if (!digits || p >= end)
    return w->start;
  if (*p == '.')
    return p + 1 - text;
  if (end - p >= 3 && (memcmp (p, "\xef\xbc\x8e", 3) == 0 || memcmp (p, "\xe3\x80\x81", 3) == 0))
    return p + 3 - text;
  return w->start;
}

/* A row's label and figures printed above its bare enumerator ("属于行政
 *查询 829 0 … 829", then "8." alone): the row above has its figures
 * already, so these are the enumerator's row. Fed as one line, the
 * enumerator first. */
static gboolean
feed_before_bare_enumerator (Region *rg, GArray *lines, guint i, guint to)
{
  const Line *line = &g_array_index (lines, Line, i);
  guint j = next_line (lines, i, to);
  const Line *next;
  const Word *w;
  Word enumerator, rest;
  Line merged;
  guint k;

  if (line->n_values == 0 || line->words->len <= line->n_values || rg->current < 0
      || g_array_index (rg->labels, Label, rg->current).values->len == 0 || j >= to)
    return FALSE;
  w = &g_array_index (line->words, Word, 0);
  if (word_level (rg->text, w) != 0)
    return FALSE;
  next = &g_array_index (lines, Line, j);
  if (next->words->len == 0 || next->n_values > 0 || next->page != line->page)
    return FALSE;
  /* The enumerator bare, or with the end of its label after the label of
   * its group ("（五） 3.版物"), and nothing else. */
  for (k = 0; k + 1 < next->words->len; k++)
    if (word_level (rg->text, &g_array_index (next->words, Word, k)) != 2)
      return FALSE;
  w = &g_array_index (next->words, Word, k);
  if (word_level (rg->text, w) != 3 || (k == 0 && !is_bare_enumerator (rg->text, w)))
    return FALSE;
  enumerator = rest = *w;
  rest.start = enumerator.end = enumerator_end (rg->text, w);
  if (enumerator.end <= enumerator.start)
    return FALSE;
  rest.col = w->col + (int) g_utf8_strlen (rg->text + w->start, enumerator.end - w->start);
  merged = *line;
  merged.words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_array_append_vals (merged.words, next->words->data, k);
  g_array_append_vals (merged.words, &enumerator, 1);
  g_array_append_vals (merged.words, line->words->data, line->words->len - line->n_values);
  if (rest.end > rest.start)
    g_array_append_vals (merged.words, &rest, 1);
  g_array_append_vals (merged.words,
                       &g_array_index (line->words, Word, line->words->len - line->n_values),
                       line->n_values);
  rg->lone = -1;
  feed_line (rg, &merged);
  g_array_unref (merged.words);
  return TRUE;
}

/* A region read, its table still to build (add_regions). */
typedef struct
{
  Region   rg;
  char    *title;
  guint    width;      /* cf_text_raw_region_width of its rows */
  gboolean confirmed;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_array_unref (p->rg.labels);
  g_free (p->title);
  g_free (p);
}

static void
read_region (GPtrArray *regions, const char *text, GArray *lines, guint from, guint to,
             const char *title)
{
  g_autoptr (GArray) labels = g_array_new (FALSE, TRUE, sizeof (Label));
  Region rg = { text, labels, { -1, -1, -1, -1 }, -1, FALSE, -1, 0, { 0 }, -1 };
  Pending *pending;
  g_autoptr (GHashTable) header = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) header_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  gboolean any_values = FALSE, page_top = FALSE;
  int page = -1;

  g_array_set_clear_func (labels, label_clear);
  for (guint i = from; i < to; i++)
    any_values |= g_array_index (lines, Line, i).n_values > 0;
  if (!any_values)
    return;
  for (guint i = from; i < to; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autofree char *words = NULL;

      if (line->words->len == 0)
        continue;
      words = line_words (text, line);
      /* Header words before the first row label or value are no label, and
       * the header repeated on a later page is none either. */
      if (rg.current < 0 && line->n_values == 0)
        {
          const Word *w = &g_array_index (line->words, Word, 0);

          if (word_level (text, w) == 0)
            {
              for (guint k = 0; k < line->words->len; k++)
                {
                  const Word *hw = &g_array_index (line->words, Word, k);

                  g_hash_table_add (header_words, g_strndup (text + hw->start, hw->end - hw->start));
                }
              g_hash_table_add (header, g_steal_pointer (&words));
              continue;
            }
        }
      if (line->n_values == 0 && g_hash_table_contains (header, words))
        continue;
      /* At the top of a later page, before its first row: the header
       * repeated, wrapped another way, is lines most of whose words the
       * header printed (what continues a label cut by the break is not). */
      if (line->page != page)
        {
          page = line->page;
          page_top = rg.current >= 0;
        }
      if (line->n_values > 0 || word_level (text, &g_array_index (line->words, Word, 0)) > 0)
        page_top = FALSE;
      if (page_top)
        {
          guint known = 0;

          for (guint k = 0; k < line->words->len; k++)
            {
              const Word *hw = &g_array_index (line->words, Word, k);
              g_autofree char *word = g_strndup (text + hw->start, hw->end - hw->start);

              known += g_hash_table_contains (header_words, word);
            }
          if (2 * known > line->words->len)
            continue;
        }
      if (feed_before_bare_enumerator (&rg, lines, i, to))
        {
          i = next_line (lines, i, to);
          continue;
        }
      feed_line (&rg, line);
    }
  pending = g_new0 (Pending, 1);
  pending->rg = rg;
  pending->rg.labels = g_steal_pointer (&labels);
  pending->title = g_strdup (title);
  g_ptr_array_add (regions, pending);
}

/* The regions' tables. Without positions (-raw), the values of a lone row
 * (the appeals': its count no other row confirms) are read only where no
 * row of the text is short (blanks are printed, as zeros) or another region
 * confirmed the same count; otherwise blanks may have left no trace, and
 * its values are left unread (MISSING). */
static void
add_regions (CfReading *reading, const char *text, GPtrArray *regions)
{
  gboolean any_short = FALSE;
  g_autoptr (GArray) confirmed_widths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; r < regions->len; r++)
    {
      Pending *p = g_ptr_array_index (regions, r);
      gboolean has_short;

      p->width = cf_text_raw_region_width (p->rg.labels, &p->confirmed, &has_short);
      if (p->rg.spaced)
        continue;
      any_short |= has_short;
      if (p->confirmed)
        g_array_append_val (confirmed_widths, p->width);
    }
  for (guint r = 0; r < regions->len; r++)
    {
      Pending *p = g_ptr_array_index (regions, r);
      g_autoptr (CfTable) table = NULL;
      gboolean read = p->rg.spaced;
      guint n_rows = 0;

      for (guint i = 0; i < p->rg.labels->len; i++)
        n_rows += g_array_index (p->rg.labels, Label, i).values->len > 0;
      read |= n_rows > 1 || p->confirmed || (!any_short && confirmed_widths->len > 0);
      for (guint w = 0; w < confirmed_widths->len; w++)
        read |= g_array_index (confirmed_widths, guint, w) == p->width;
      table = cf_text_layout_build_table (text, p->rg.labels, p->rg.spaced, p->title, read);
      if (table != NULL)
        cf_reading_add_candidate (reading, table);
    }
}

/* Whether a table read from separators (pipes, tabs, Markdown), which
 * says where its cells are, overlaps the bytes [@from, @to): positions in
 * a line are never surer than separators, so such a region is not read
 * again. The reading's tables come in text order and the regions too, so
 * *@next carries on where the last call stopped. */
static gboolean
delimited_over (CfReading *reading, guint *next, gsize from, gsize to)
{
  GPtrArray *tables = cf_reading_get_tables (reading);

  for (; *next < tables->len; (*next)++)
    {
      CfTable *table = g_ptr_array_index (tables, *next);
      const char *layout = cf_table_get_layout (table);
      gint64 offset, length;

      cf_table_get_range (table, &offset, &length);
      if (offset < 0 || (gsize) (offset + length) <= from)
        continue;
      if ((gsize) offset >= to)
        return FALSE;
      if (g_strcmp0 (layout, "pipe") == 0 || g_strcmp0 (layout, "tab") == 0
          || g_strcmp0 (layout, "markdown") == 0)
        return TRUE;
    }
  return FALSE;
}

void
cf_text_layout_rows_find (CfReading *reading)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr (GPtrArray) regions = g_ptr_array_new_with_free_func (pending_free);
  const char *text;
  gsize len = 0, pos = 0;
  int page = 0;
  guint region = 0;
  g_autofree char *title = NULL;
  guint next_delimited = 0;

  g_return_if_fail (CF_IS_READING (reading));

  text = cf_reading_get_text (reading, &len);
  if (text == NULL || len == 0)
    return;
  g_array_set_clear_func (lines, line_clear);
  while (pos < len)
    {
      const char *nl = memchr (text + pos, '\n', len - pos);
      gsize end = nl ? (gsize) (nl - text) : len;
      Line line;

      if (memchr (text + pos, '\f', end - pos) != NULL)
        page++;
      read_line (text, pos, end, page, &line);
      g_array_append_val (lines, line);
      pos = nl ? end + 1 : len;
      if (lines->len > 200000)
        return;
    }

  for (guint i = 0; i <= lines->len; i++)
    {
      if (i < lines->len && !is_heading (text, lines, i))
        continue;
      if (i > region && !delimited_over (reading, &next_delimited,
                                         g_array_index (lines, Line, region).start,
                                         g_array_index (lines, Line, i - 1).end))
        read_region (regions, text, lines, region, i, title);
      if (i < lines->len)
        {
          const Line *line = &g_array_index (lines, Line, i);

          g_free (title);
          title = g_strndup (text + line->start, line->end - line->start);
          g_strstrip (title);
          region = i + 1;
        }
    }
  add_regions (reading, text, regions);
}
