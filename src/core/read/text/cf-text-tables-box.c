/* cf-text-tables-box.c: tables drawn with box characters or ASCII rules
 *
 * Browsers and converters dump a bordered HTML table as a drawn grid:
 *
 *   ┌────┬────┐        +----+----+
 *   │ a  │ b  │        | a  | b  |
 *   ├────┼────┤        +----+----+
 *
 * Unlike the other text layouts, the drawing says exactly where every cell
 * is, merged cells included (a rule that stops, a bar that is missing), so
 * the grid is rebuilt as the HTML reader would: one CfCell per drawn box,
 * with its row and column spans. Positions are display columns of a
 * monospace view (a wide CJK character takes two; box characters one).
 */
#include <string.h>

#include "cf-text-tables-private.h"
#include "cf-table.h"

/* Widest grid (display columns) and most lines read as one drawn table: a
 * report table is a few hundred lines; each line keeps a column map. */
#define MAX_BOX_WIDTH 1024
#define MAX_BOX_LINES 4000

typedef struct
{
  gsize   start;  /* the line, without its line break */
  gsize   end;
  int     width;  /* display columns */
  gint64 *at;     /* display column -> byte offset of the character starting there, or -1 */
  gboolean rule;  /* some column segment of it is a horizontal rule */
} BoxLine;

static gboolean
is_horizontal_char (gunichar c)
{
  return c == '-' || c == '=' || c == 0x2500 || c == 0x2501 || c == 0x2550 || c == 0x2504 ||
         c == 0x2505 || c == 0x2508 || c == 0x2509 || c == 0x254C || c == 0x254D;
}

/* Vertical bars and junctions of the box-drawing block (U+2500-U+257F). */
static gboolean
is_box_vertical (gunichar c)
{
  return c >= 0x2500 && c <= 0x257F && !is_horizontal_char (c);
}

static gboolean
is_box_char (gunichar c)
{
  return c >= 0x2500 && c <= 0x257F;
}

/* A character a rule can run through: a dash or a junction, not a bare bar. */
static gboolean
is_rule_joint (gunichar c)
{
  return c == '+' || is_horizontal_char (c) ||
         (is_box_vertical (c) && c != 0x2502 && c != 0x2503 && c != 0x2551);
}

static gunichar
char_at (const char *text, gsize pos, gsize end)
{
  gunichar c;

  if (pos >= end)
    return 0;
  c = g_utf8_get_char_validated (text + pos, end - pos);
  return (c == (gunichar) -1 || c == (gunichar) -2) ? 0 : c;
}

/* A top or middle rule: "┌──┬──┐", "├──┼──┤", "+----+----+", "+====+". */
gboolean
cf_text_box_is_rule (const char *text, gsize start, gsize end)
{
  gboolean ascii, has_dash = FALSE;
  gunichar first, last;
  gsize last_pos = end;

  cf_text_trim (text, &start, &end);
  if (end - start < 3)
    return FALSE;
  first = char_at (text, start, end);
  while (last_pos > start && ((guchar) text[last_pos - 1] & 0xC0) == 0x80)
    last_pos--;
  last_pos--;
  last = char_at (text, last_pos, end);
  ascii = first == '+';
  if (ascii ? last != '+' : !(is_box_vertical (first) && is_box_vertical (last)))
    return FALSE;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, text + end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (is_horizontal_char (c))
        has_dash = TRUE;
      else if (ascii ? (c != '+' && c != ':' && c != '|') : !is_box_char (c))
        return FALSE;
    }
  return has_dash;
}

/* A line of the drawing: it starts with a bar, a junction or a rule. */
static gboolean
is_box_line (const char *text, gsize start, gsize end, gboolean ascii)
{
  gunichar c;

  cf_text_trim (text, &start, &end);
  if (start == end)
    return FALSE;
  c = char_at (text, start, end);
  if (ascii)
    return c == '|' || (c == '+' && cf_text_box_is_rule (text, start, end)) ||
           (c == '+' && end - start >= 2 && (text[start + 1] == '-' || text[start + 1] == '='));
  return is_box_vertical (c);
}

static void
box_line_init (BoxLine *line, const char *text, gsize start, gsize end)
{
  int col = 0;

  line->start = start;
  line->end = end;
  line->rule = FALSE;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    col += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  line->width = MIN (col, MAX_BOX_WIDTH);
  line->at = g_new (gint64, line->width + 1);
  for (int i = 0; i <= line->width; i++)
    line->at[i] = -1;
  col = 0;
  for (const char *p = text + start; p < text + end && col < line->width; p = g_utf8_next_char (p))
    {
      line->at[col] = p - text;
      col += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
    }
}

/* The character starting at display column @col, or 0. */
static gunichar
line_char (const char *text, const BoxLine *line, int col)
{
  if (col < 0 || col >= line->width || line->at[col] < 0)
    return 0;
  return char_at (text, (gsize) line->at[col], line->end);
}

/* Byte range of the display columns [from, to) of @line, blanks trimmed. */
static void
line_segment (const char *text, const BoxLine *line, int from, int to, gsize *start, gsize *end)
{
  int a = MAX (from, 0), b = MIN (to, line->width);

  while (a < b && line->at[a] < 0)
    a++;
  while (b < line->width && line->at[b] < 0)
    b++;
  if (a >= b)
    {
      *start = *end = line->start;
      return;
    }
  *start = (gsize) line->at[a];
  *end = b >= line->width ? line->end : (gsize) line->at[b];
  cf_text_trim (text, start, end);
}

/* TRUE when the display columns [from, to) of @line are all rule characters. */
static gboolean
segment_is_rule (const char *text, const BoxLine *line, int from, int to)
{
  gboolean any = FALSE;

  if (to <= from)
    {
      /* A column with no room inside (two junctions side by side, where
       * rows above and below drew their bars one apart): ruled when the
       * junctions on both sides are. */
      gunichar left = line_char (text, line, from - 1), right = line_char (text, line, to);

      return is_rule_joint (left) && is_rule_joint (right);
    }
  for (int x = from; x < to; x++)
    {
      gunichar c;

      if (x >= line->width)
        return FALSE;
      if (line->at[x] < 0)
        return FALSE;
      c = line_char (text, line, x);
      if (!is_horizontal_char (c) && !(c == '+' || is_box_vertical (c)))
        return FALSE;
      any = TRUE;
    }
  return any;
}

static gboolean
is_bar_at (const char *text, const BoxLine *line, int col, gboolean ascii)
{
  gunichar c = line_char (text, line, col);

  return ascii ? (c == '|' || c == '+') : is_box_vertical (c);
}

static guint
find_root (guint *parent, guint i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
join (guint *parent, guint a, guint b)
{
  a = find_root (parent, a);
  b = find_root (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

typedef struct
{
  int r0, r1, c0, c1;  /* bands and columns covered, inclusive */
} Box;

gsize
cf_text_box_parse (CfGridBuilder *builder, gsize pos, gsize limit, const char *title)
{
  const char *text = builder->text;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (BoxLine));
  g_autoptr (GArray) bounds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) band_first = g_array_new (FALSE, FALSE, sizeof (guint)); /* first line of each band */
  g_autoptr (GArray) band_last = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (CfTable) table = NULL;
  g_autofree gboolean *is_bound = NULL;
  g_autofree guint *parent = NULL;
  g_autofree Box *boxes = NULL;
  gsize end_pos = pos, first_start;
  gboolean ascii;
  int width = 0, n_cols, n_bands;
  gint64 range_start = -1, range_end = -1;

  {
    gsize s = pos, e = pos;

    while (e < limit && text[e] != '\n')
      e++;
    cf_text_trim (text, &s, &e);
    first_start = s;
    ascii = s < e && text[s] == '+';
  }

  /* The lines of the drawing. */
  while (pos < limit && lines->len < MAX_BOX_LINES)
    {
      gsize e = pos, next;
      BoxLine line;

      while (e < limit && text[e] != '\n' && text[e] != '\f')
        e++;
      next = e < limit ? e + 1 : limit;
      if (e > pos && text[e - 1] == '\r')
        e--;
      if (!is_box_line (text, pos, e, ascii))
        break;
      box_line_init (&line, text, pos, e);
      g_array_append_val (lines, line);
      width = MAX (width, line.width);
      pos = end_pos = next;
    }
  (void) first_start;

  /* Column boundaries: every bar of a text line, every junction of a rule. */
  is_bound = g_new0 (gboolean, width + 1);
  for (guint l = 0; l < lines->len; l++)
    {
      BoxLine *line = &g_array_index (lines, BoxLine, l);

      for (int x = 0; x < line->width; x++)
        {
          gunichar c = line_char (text, line, x);

          if (c == '|' && ascii)
            is_bound[x] = TRUE;
          else if (c == '+' && ascii)
            {
              gunichar before = line_char (text, line, x - 1), after = line_char (text, line, x + 1);

              if (is_horizontal_char (before) || is_horizontal_char (after) || before == 0 ||
                  after == 0 || before == '|' || after == '|')
                is_bound[x] = TRUE;
            }
          else if (!ascii && is_box_vertical (c))
            is_bound[x] = TRUE;
        }
    }
  for (int x = 0; x <= width; x++)
    if (is_bound[x])
      g_array_append_val (bounds, x);
  n_cols = (int) bounds->len - 1;
  if (n_cols < 1 || n_cols > CF_TEXT_MAX_COLUMNS)
    goto out;

  /* Rule lines separate bands; the text lines between two rules are one band. */
  for (guint l = 0; l < lines->len; l++)
    {
      BoxLine *line = &g_array_index (lines, BoxLine, l);

      for (int c = 0; c < n_cols && !line->rule; c++)
        if (segment_is_rule (text, line, g_array_index (bounds, int, c) + 1, g_array_index (bounds, int, c + 1)))
          line->rule = TRUE;
    }
  for (guint l = 0; l < lines->len; l++)
    {
      if (g_array_index (lines, BoxLine, l).rule)
        continue;
      if (l > 0 && !g_array_index (lines, BoxLine, l - 1).rule && band_last->len > 0)
        g_array_index (band_last, guint, band_last->len - 1) = l;
      else
        {
          g_array_append_val (band_first, l);
          g_array_append_val (band_last, l);
        }
    }
  n_bands = (int) band_first->len;
  if (n_bands < 2)
    goto out;

  /* Slots (band, column) joined where no bar or rule separates them. */
  parent = g_new (guint, (gsize) n_bands * n_cols);
  for (guint i = 0; i < (guint) (n_bands * n_cols); i++)
    parent[i] = i;
  for (int b = 0; b < n_bands; b++)
    {
      const BoxLine *line = &g_array_index (lines, BoxLine, g_array_index (band_first, guint, b));

      for (int c = 0; c + 1 < n_cols; c++)
        if (!is_bar_at (text, line, g_array_index (bounds, int, c + 1), ascii))
          join (parent, b * n_cols + c, b * n_cols + c + 1);
      if (b + 1 < n_bands)
        for (int c = 0; c < n_cols; c++)
          {
            gboolean ruled = FALSE;

            for (guint l = g_array_index (band_last, guint, b) + 1; l < g_array_index (band_first, guint, b + 1); l++)
              if (segment_is_rule (text, &g_array_index (lines, BoxLine, l),
                                   g_array_index (bounds, int, c) + 1, g_array_index (bounds, int, c + 1)))
                ruled = TRUE;
            if (!ruled)
              join (parent, b * n_cols + c, (b + 1) * n_cols + c);
          }
    }

  boxes = g_new (Box, (gsize) n_bands * n_cols);
  for (int i = 0; i < n_bands * n_cols; i++)
    boxes[i] = (Box) { G_MAXINT, -1, G_MAXINT, -1 };
  for (int b = 0; b < n_bands; b++)
    for (int c = 0; c < n_cols; c++)
      {
        Box *box = &boxes[find_root (parent, b * n_cols + c)];

        box->r0 = MIN (box->r0, b);
        box->r1 = MAX (box->r1, b);
        box->c0 = MIN (box->c0, c);
        box->c1 = MAX (box->c1, c);
      }

  table = cf_table_new ();
  for (int b = 0; b < n_bands; b++)
    for (int c = 0; c < n_cols; c++)
      {
        int index = b * n_cols + c;
        const Box *box = &boxes[index];
        g_autoptr (GString) cell_text = g_string_new (NULL);
        gint64 offset = -1, length = 0;
        guint from, to;
        int x0, x1;

        if ((int) find_root (parent, index) != index || box->r0 != b || box->c0 != c)
          continue;
        /* Its text: every line from its first band to its last, rules
         * between them included (a merged cell's words sit on them). */
        from = g_array_index (band_first, guint, box->r0);
        to = g_array_index (band_last, guint, box->r1);
        x0 = g_array_index (bounds, int, box->c0) + 1;
        x1 = g_array_index (bounds, int, box->c1 + 1);
        for (guint l = from; l <= to; l++)
          {
            const BoxLine *line = &g_array_index (lines, BoxLine, l);
            gsize s, e;

            if (segment_is_rule (text, line, x0, x1))
              continue;
            line_segment (text, line, x0, x1, &s, &e);
            if (e <= s)
              continue;
            /* Wrapped words join without a space, except between Latin words. */
            if (cell_text->len > 0 && g_ascii_isalnum (cell_text->str[cell_text->len - 1]) &&
                g_ascii_isalnum (text[s]))
              g_string_append_c (cell_text, ' ');
            g_string_append_len (cell_text, text + s, (gssize) (e - s));
            if (offset < 0)
              {
                offset = (gint64) s;
                length = (gint64) (e - s);
              }
            if (range_start < 0)
              range_start = (gint64) s;
            range_end = MAX (range_end, (gint64) e);
          }
        cf_table_add_cell (table, box->r0, box->c0, box->r1 - box->r0 + 1, box->c1 - box->c0 + 1,
                           cell_text->str, offset, offset >= 0 ? length : 0);
      }

  if (range_start < 0)
    goto out;
  if (title != NULL && title[0] != '\0')
    cf_table_set_title (table, title);
  cf_table_set_layout (table, ascii ? "ascii-grid" : "box");
  cf_table_set_range (table, range_start, range_end - range_start);
  cf_table_finish (table);
  cf_grid_builder_add_table (builder, table);

out:
  for (guint l = 0; l < lines->len; l++)
    g_free (g_array_index (lines, BoxLine, l).at);
  return end_pos;
}
