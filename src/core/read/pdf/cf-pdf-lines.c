/* cf-pdf-lines.c: a PDF page's text as lines and segments, and the titles
 * above tables
 *
 * What is left of the page once the ruled tables took their characters is
 * cut into lines (by baseline) and each line into segments (by gaps wider
 * than a character); the stream finder reads tables from them.
 */
#include <math.h>
#include <string.h>

#include "cf-pdf-lines.h"

/* A line's box before any character: empty, so that the first one sets it. */
void
cf_pdf_line_box_empty (CfPdfLine *line)
{
  line->y0 = line->x0 = G_MAXDOUBLE;
  line->y1 = line->x1 = -G_MAXDOUBLE;
}

/* Grows @line's box over character @c. */
void
cf_pdf_line_cover (CfPdfLine *line, const CfPdfChar *c)
{
  line->y0 = MIN (line->y0, c->y0);
  line->y1 = MAX (line->y1, c->y1);
  line->x0 = MIN (line->x0, c->x0);
  line->x1 = MAX (line->x1, c->x1);
}

void
cf_pdf_segment_free (CfPdfSegment *seg)
{
  g_array_unref (seg->chars);
  g_free (seg->text);
  g_free (seg);
}

void
cf_pdf_line_free (CfPdfLine *line)
{
  g_array_unref (line->chars);
  g_ptr_array_unref (line->segments);
  g_free (line->text);
  g_free (line);
}

/* "26 087", "(1 234 567)", "-12 345.6": thousands grouped by single spaces. */
static gboolean
is_space_grouped (const char *text)
{
  const char *p = text;
  int lead = 0, groups = 0;

  if (*p == '-' || *p == '+' || *p == '(')
    p++;
  while (g_ascii_isdigit (*p) && lead < 4)
    p++, lead++;
  if (lead == 0 || lead > 3)
    return FALSE;
  while (p[0] == ' ' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
         && !g_ascii_isdigit (p[4]))
    p += 4, groups++;
  if (groups == 0)
    return FALSE;
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  if (*p == ')' && text[0] == '(')
    p++;
  return *p == '\0';
}

/* Reads "(1,234)" and "（5）" as numbers too: accounts print negatives so. */
CfNumberKind
cf_pdf_number_kind (const char *text)
{
  CfNumber number;
  g_autofree char *inner = NULL;
  gsize len = strlen (text);

  cf_number_parse (text, -1, &number);
  /* A year (2022年, 2023年度) heads a column: it is no value of a row. */
  if (number.kind == CF_NUMBER_VALUE && g_str_has_prefix (number.unit, "年") && number.value >= 1900
      && number.value <= 2100 && cf_number_is_integer (number.value))
    return CF_NUMBER_TEXT;
  if (number.kind != CF_NUMBER_TEXT)
    return number.kind;
  if (is_space_grouped (text))
    {
      g_autofree char *squeezed = g_strdup (text);
      char *w = squeezed;

      for (const char *r = text; *r; r++)
        if (*r != ' ')
          *w++ = *r;
      *w = '\0';
      return cf_pdf_number_kind (squeezed);
    }
  if (len > 2 && (text[0] == '(' && text[len - 1] == ')'))
    inner = g_strndup (text + 1, len - 2);
  else if (g_str_has_prefix (text, "（") && g_str_has_suffix (text, "）") && len > 6)
    inner = g_strndup (text + 3, len - 6);
  if (inner == NULL)
    return CF_NUMBER_TEXT;
  cf_number_parse (inner, -1, &number);
  return number.kind == CF_NUMBER_VALUE ? CF_NUMBER_VALUE : CF_NUMBER_TEXT;
}

/* Does the character at @k of @line, after a word space, go on a number
 * grouped by spaces ("26 087", "1 234 567", as European tables print
 * thousands)? The segment so far holds one to three digits, or groups of
 * three after them, with nothing but an opening sign; three digits follow,
 * then no digit; and the gap is a word space, narrower than a column gap. */
static gboolean
continues_space_grouped_number (const CfPdfPage *page, const CfPdfLine *line, const CfPdfSegment *seg,
                                guint k, double gap)
{
  int lead = 0, group = 0;

  if (seg == NULL || gap > 0.3 * line->h)
    return FALSE;
  for (guint i = 0; i < seg->chars->len; i++)
    {
      const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (seg->chars, guint, i));

      if (i > 0 && c->space_before)
        {
          if (group == 0 || (lead == 0 ? group > 3 : group != 3))
            return FALSE;
          lead++;
          group = 0;
        }
      if (g_unichar_isdigit (c->ch))
        group++;
      else if (!(i == 0 && (c->ch == '-' || c->ch == '(' || c->ch == '+' || c->ch == 0x2212)))
        return FALSE;
    }
  if (group == 0 || group > 3 || (lead > 0 && group != 3))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      const CfPdfChar *c, *prev;
      gboolean apart;

      if (k + i >= line->chars->len)
        return i == 3;
      c = cf_pdf_char_at (page, g_array_index (line->chars, guint, k + i));
      prev = cf_pdf_char_at (page, g_array_index (line->chars, guint, k + i - 1));
      apart = c->space_before || c->x0 - prev->x1 > 0.2 * line->h;
      if (i == 3)
        return !g_unichar_isdigit (c->ch) || apart;
      if (!g_unichar_isdigit (c->ch) || (i > 0 && apart))
        return FALSE;
    }
  return FALSE;
}

GPtrArray *
cf_pdf_find_lines (const CfPdfPage *page, const gboolean *used)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_line_free);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < page->chars->len; i++)
    if (!used[i])
      g_array_append_val (order, i);
  cf_pdf_sort_indices (page, (guint *) order->data, order->len, cf_pdf_compare_by_cy);

  for (guint start = 0; start < order->len;)
    {
      const CfPdfChar *c0 = cf_pdf_char_at (page, g_array_index (order, guint, start));
      CfPdfLine *line = g_new0 (CfPdfLine, 1);
      double sum_cy = cf_pdf_char_cy (c0), sum_h = c0->y1 - c0->y0;
      guint stop = start + 1;

      while (stop < order->len)
        {
          const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (order, guint, stop));
          double n = stop - start;
          if (fabs (cf_pdf_char_cy (c) - sum_cy / n) > 0.4 * MAX (sum_h / n, c->y1 - c->y0))
            break;
          sum_cy += cf_pdf_char_cy (c);
          sum_h += c->y1 - c->y0;
          stop++;
        }
      line->chars = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (line->chars, &g_array_index (order, guint, start), stop - start);
      cf_pdf_sort_indices (page, (guint *)line->chars->data, line->chars->len, cf_pdf_compare_by_x);
      line->cy = sum_cy / (stop - start);
      line->h = sum_h / (stop - start);
      cf_pdf_line_box_empty (line);
      line->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_pdf_segment_free);
      line->n_labels = 1;

      /* Segments: cut where the gap is wider than about a character. */
      {
        CfPdfSegment *seg = NULL;
        double prev_x1 = 0;

        for (guint k = 0; k < line->chars->len; k++)
          {
            const CfPdfChar *c = cf_pdf_char_at (page, g_array_index (line->chars, guint, k));
            gboolean number_after_text = FALSE;

            cf_pdf_line_cover (line, c);

            /* A number set close after a label or after another number is
             * still its own cell: numbers hold no gaps. */
            if (k > 0 && (g_unichar_isdigit (c->ch) || c->ch == '(' || c->ch == '-'))
              {
                const CfPdfChar *prev = cf_pdf_char_at (page, g_array_index (line->chars, guint, k - 1));
                double gap = c->x0 - prev_x1;
                /* A placeholder ("-") or a percentage ends a cell as a number does. */
                number_after_text = (cf_pdf_is_cjk (prev->ch) && gap > 0.15 * line->h)
                                    || ((g_unichar_isdigit (prev->ch) || prev->ch == ')'
                                         || prev->ch == '%' || (prev->ch == '-' && c->ch == '-'))
                                        && (c->space_before || gap > 0.25 * line->h));
                if (number_after_text && g_unichar_isdigit (prev->ch) && g_unichar_isdigit (c->ch)
                    && continues_space_grouped_number (page, line, seg, k, gap))
                  number_after_text = FALSE;
              }
            if (seg == NULL || c->x0 - prev_x1 > 0.9 * line->h || number_after_text)
              {
                seg = g_new0 (CfPdfSegment, 1);
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
            CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
            g_autoptr (GArray) copy = g_array_copy (seg->chars);
            gint64 off, len;
            seg->text = cf_pdf_text_of_chars (page, copy, &off, &len, NULL);
            seg->kind = cf_pdf_number_kind (seg->text);
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

/* A unit line set above a table (单位：万元, 金额单位：元) names no table. */
static gboolean
is_unit_text (const char *text)
{
  static const char *const prefixes[] = { "单位", "金额单位", "计量单位", "货币单位", "單位", "金額單位" };

  while (*text == ' ' || *text == '(' || g_str_has_prefix (text, "（"))
    text += *text == ' ' || *text == '(' ? 1 : strlen ("（");
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i]))
      {
        const char *rest = text + strlen (prefixes[i]);
        while (*rest == ' ')
          rest++;
        if (*rest == ':' || g_str_has_prefix (rest, "："))
          return TRUE;
      }
  return FALSE;
}

/* The text of @line over [@x0, @x1] (a title over a table beside another
 * names that one only), without the unit printed at its end ("表1 收入支出表
 * 单位：元"); NULL when none is left. */
static char *
title_text_of_line (CfPdfLine *line, double x0, double x1)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      if (seg->x1 < x0 - 20 || seg->x0 > x1 + 20)
        continue;
      if (is_unit_text (seg->text))
        break;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, seg->text);
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* The heading above @top (and above no other table): the nearest line that
 * reads like a section heading within a few lines, else the nearest short line
 * right above (a unit line between them stands for no title). */
void
cf_pdf_find_title (GPtrArray *lines, double top, double x0, double x1, CfPdfTable *table)
{
  g_autofree char *nearest = NULL, *heading = NULL;
  double nearest_y1 = -G_MAXDOUBLE, nearest_h = 0, heading_y1 = -G_MAXDOUBLE, unit_h = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      CfPdfLine *line = g_ptr_array_index (lines, i);
      double dist = top - line->y1;
      g_autofree char *text = NULL;

      if (line->used || dist < -1.0 || dist > 90.0)
        continue;
      if (line->x1 < x0 - 20 || line->x0 > x1 + 20)
        continue;
      text = title_text_of_line (line, x0, x1);
      if (text == NULL)
        {
          /* A unit line: the title may stand above it. */
          unit_h = MAX (unit_h, line->y1 - line->y0 + dist);
          continue;
        }
      if (line->y1 > nearest_y1)
        {
          g_free (nearest);
          nearest = g_strdup (text);
          nearest_y1 = line->y1;
          nearest_h = line->h;
        }
      if (cf_pdf_is_heading_text (text) && line->y1 > heading_y1)
        {
          g_free (heading);
          heading = g_steal_pointer (&text);
          heading_y1 = line->y1;
        }
    }
  if (heading != NULL)
    {
      table->title = g_steal_pointer (&heading);
      table->title_is_heading = cf_pdf_is_section_heading (table->title);
    }
  else if (nearest != NULL && top - nearest_y1 < 3 * nearest_h + unit_h
           && g_utf8_strlen (nearest, -1) <= 40)
    table->title = g_steal_pointer (&nearest);
  if (table->title)
    g_strstrip (table->title);
}

gboolean
cf_pdf_line_is_body (CfPdfLine *line)
{
  guint values = 0;

  guint labels = line->n_labels;

  /* A group label may stand before the row's own label (（三）不予公开 on the
   * line of 4.保护第三方合法权益): up to three labels lead the numbers. */
  while (labels < line->segments->len && labels < line->n_labels + 2
         && ((CfPdfSegment *) g_ptr_array_index (line->segments, labels))->kind == CF_NUMBER_TEXT)
    labels++;
  if (line->segments->len < labels + 1)
    return FALSE;
  for (guint s = labels; s < line->segments->len; s++)
    {
      CfPdfSegment *seg = g_ptr_array_index (line->segments, s);
      if (seg->kind == CF_NUMBER_VALUE)
        values++;
      else if (seg->kind == CF_NUMBER_TEXT)
        {
          /* Text after the figures: one cell, or a Remark or Source
           * column, up to three short cells of text that are no clauses of
           * a sentence, and nothing but text after them. */
          if (values == 0 || line->segments->len - s > 3)
            return FALSE;
          if (s + 1 == line->segments->len)
            return TRUE;
          for (guint t = s; t < line->segments->len; t++)
            {
              CfPdfSegment *text = g_ptr_array_index (line->segments, t);
              if (text->kind != CF_NUMBER_TEXT || g_utf8_strlen (text->text, -1) > 24
                  || strstr (text->text, "，") || strstr (text->text, "。")
                  || strstr (text->text, "；") || strstr (text->text, ", "))
                return FALSE;
            }
          return TRUE;
        }
    }
  return values > 0;
}
