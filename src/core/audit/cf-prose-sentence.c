/* cf-prose-sentence.c: a sentence read as characters, and the numbers it states
 *
 * Each sentence is folded to Simplified, half-width text before any keyword
 * is matched; character indexes map back to its bytes. Numbers that are not
 * quantities take part in nothing: dates and times, ordinals, ranges and
 * phone numbers, numbers without a unit, numbers inside quotes or 《》
 * titles, and Chinese numerals glued to a word (统一, 百家号).
 */
#include <string.h>
#include "cf-prose-private.h"
#include "cf-normalize.h"
#include "cf-number.h"

/* Text handling ----------------------------------------------------------- */

void
cf_sentence_clear (Sentence *s)
{
  g_clear_pointer (&s->text, g_free);
  g_clear_pointer (&s->chars, g_free);
  g_clear_pointer (&s->starts, g_free);
  s->n = 0;
}

void
cf_sentence_init (Sentence *s, const char *raw, gsize raw_len)
{
  g_autofree char *piece = g_utf8_make_valid (raw, (gssize) raw_len);
  g_autofree char *simplified = NULL;

  /* A sentence wrapped over lines (PDF) reads as one line. */
  {
    char *w = piece;
    for (const char *r = piece; *r; r++)
      if (*r != '\n' && *r != '\r' && *r != '\f')
        *w++ = *r;
    *w = '\0';
  }
  simplified = cf_normalize_t2s (piece);
  glong n_chars = 0;

  s->text = cf_normalize_width (simplified);
  /* PDF text spaces numbers off their words ("申请 805 件，占 33.9%"): a
   * space between a digit and a Han character or % is layout. */
  {
    char *w = s->text;
    const char *prev = NULL;

    for (const char *r = s->text; *r;)
      {
        const char *next = g_utf8_next_char (r);

        if (*r == ' ' && prev != NULL && *next != '\0')
          {
            gunichar before = g_utf8_get_char (prev);
            gunichar after = g_utf8_get_char (next);

            if ((is_ascii_digit (before) && (cf_normalize_is_han (after) || after == '%'))
                || (cf_normalize_is_han (before) && is_ascii_digit (after)))
              {
                r = next;
                continue;
              }
          }
        prev = w;
        memmove (w, r, (gsize) (next - r));
        w += next - r;
        r = next;
      }
    *w = '\0';
  }
  n_chars = g_utf8_strlen (s->text, -1);
  s->chars = g_new0 (gunichar, n_chars + 1);
  s->starts = g_new0 (gsize, n_chars + 1);
  s->n = 0;
  for (const char *p = s->text; *p; p = g_utf8_next_char (p))
    {
      s->chars[s->n] = g_utf8_get_char (p);
      s->starts[s->n] = (gsize) (p - s->text);
      s->n++;
    }
  s->starts[s->n] = strlen (s->text);
}

/* TRUE when @word (UTF-8) is spelled at character @at. */
gboolean
cf_sentence_matches (const Sentence *s, gsize at, const char *word)
{
  gsize len = strlen (word);

  if (at > s->n)
    return FALSE;
  return s->starts[s->n] - s->starts[at] >= len
         && memcmp (s->text + s->starts[at], word, len) == 0;
}

/* Finds @word at or after character @from and before @to; returns its index or -1. */
gssize
cf_sentence_find (const Sentence *s, gsize from, gsize to, const char *word)
{
  for (gsize i = from; i < to && i < s->n; i++)
    if (cf_sentence_matches (s, i, word))
      return (gssize) i;
  return -1;
}

/* Numbers ----------------------------------------------------------------- */

static gboolean
unit_is_time (const char *unit)
{
  static const char *const time_units[] = { "年", "月", "日", "天", "工作日", "个工作日", "时",
                                            "小时", "分钟", "秒", "周", "周岁", "岁" };

  for (gsize i = 0; i < G_N_ELEMENTS (time_units); i++)
    if (strcmp (unit, time_units[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Units that count pieces of published or handled matter: reports mix them
 * for one total (shenzhen counts posts in 条, 篇 and 个). */
gboolean
cf_prose_unit_is_piece (const char *unit)
{
  static const char *const piece_units[] = { "条", "篇", "个", "则", "幅", "件", "份", "宗" };

  for (gsize i = 0; i < G_N_ELEMENTS (piece_units); i++)
    if (strcmp (unit, piece_units[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
unit_is_person (const char *unit)
{
  return strcmp (unit, "人") == 0 || strcmp (unit, "名") == 0 || strcmp (unit, "位") == 0;
}

gboolean
cf_prose_units_compatible (const char *a, const char *b)
{
  if (strcmp (a, b) == 0)
    return TRUE;
  return (cf_prose_unit_is_piece (a) && cf_prose_unit_is_piece (b)) || (unit_is_person (a) && unit_is_person (b));
}

/* Measure words read after a number when cf_number_scan_prose left them
 * (it knows the units of the forms; prose uses a few more). */
static const char *const extra_units[] = {
  "篇次", "条次", "人次", "余人", "名", "位", "所", "处", "部", "台", "辆", "只", "套",
  "册", "本", "封", "则", "幅", "轮", "组", "类", "笔", "页", "万人次", "万人",
};

gboolean
cf_sentence_has_rate_word (const Sentence *s, gsize from, gsize to)
{
  static const char *const rate_words[] = { "率", "增", "降", "升", "提高", "减", "达",
                                            "到", "超", "同比", "环比", "较", "比上年",
                                            "不低于", "不得低于", "不超过", "以上", "以下" };

  for (gsize i = 0; i < G_N_ELEMENTS (rate_words); i++)
    if (cf_sentence_find (s, from, to, rate_words[i]) >= 0)
      return TRUE;
  return FALSE;
}

/* Han characters that make a word with a Chinese numeral after them (统一,
 * 唯一, 第三, 之一, 周一): the numeral is not a quantity there. */
static gboolean
may_precede_chinese_numeral (gunichar c)
{
  return g_utf8_strchr ("统唯第之初周星礼逐单专万千百十零", -1, c) == NULL;
}

/* A Chinese numeral that starts with a bare multiplier (百家号, 千方百计,
 * 万人空巷) is a word, not a number; 十二 is a number. */
static gboolean
is_bare_multiplier (gunichar c)
{
  return g_utf8_strchr ("百千万亿", -1, c) != NULL;
}

double
cf_prose_pow10 (int d)
{
  double v = 1;

  while (d-- > 0)
    v *= 10;
  return v;
}

/* Reads every number of the sentence, marking those that are quantities. */
GArray *
cf_prose_scan_numbers (const Sentence *s)
{
  GArray *numbers = g_array_new (FALSE, TRUE, sizeof (ProseNumber));
  int depth = 0, quote = 0, title = 0;
  gsize clause = 0;
  gsize i = 0;

  while (i < s->n)
    {
      gunichar c = s->chars[i];
      gunichar prev = i > 0 ? s->chars[i - 1] : 0;
      CfNumber num;
      gsize taken, end, bytes;
      ProseNumber pn = { 0 };

      if (c == '(' || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if ((c == ')' || c == ']' || c == 0x3011) && depth > 0)
        depth--;
      else if (c == 0x201C /* “ */ || c == 0x300C /* 「 */)
        quote++;
      else if ((c == 0x201D || c == 0x300D) && quote > 0)
        quote--;
      else if (c == 0x300A /* 《 */)
        title++;
      else if (c == 0x300B && title > 0)
        title--;
      if (is_clause_break (c))
        clause = i + 1;

      if (!(is_ascii_digit (c) || is_chinese_numeral (c))
          || is_ascii_digit (prev) || prev == '.')
        {
          i++;
          continue;
        }

      bytes = cf_number_scan_prose (s->text + s->starts[i], s->starts[s->n] - s->starts[i], &num);
      if (bytes == 0 || num.kind != CF_NUMBER_VALUE)
        {
          i++;
          continue;
        }
      end = i;
      while (end < s->n && s->starts[end] < s->starts[i] + bytes)
        end++;
      taken = end - i;
      if (taken == 0)
        taken = end = i + 1;

      pn.start = i;
      pn.end = end;
      pn.value = num.value;
      pn.approximate = num.approximate;
      pn.depth = depth;
      pn.clause = clause;
      pn.usable = TRUE;
      g_strlcpy (pn.unit, num.unit, sizeof pn.unit);

      /* Printed decimals: count digits after a point inside the number. */
      for (gsize k = i; k < end; k++)
        if (s->chars[k] == '.')
          {
            gsize d = k + 1;
            while (d < end && is_ascii_digit (s->chars[d]))
              d++;
            pn.decimals = (int) (d - k - 1);
          }

      /* A unit the scanner does not know, or a longer one ("篇次"). */
      for (gsize u = 0; u < G_N_ELEMENTS (extra_units); u++)
        {
          gsize from = pn.unit[0] != '\0' ? end - (gsize) g_utf8_strlen (pn.unit, -1) : end;

          if (cf_sentence_matches (s, from, extra_units[u])
              && strlen (extra_units[u]) > strlen (pn.unit))
            {
              gsize len = (gsize) g_utf8_strlen (extra_units[u], -1);

              g_strlcpy (pn.unit, extra_units[u], sizeof pn.unit);
              end = from + len;
              pn.end = end;
              break;
            }
        }
      if (pn.unit[0] == '\0' && end < s->n)
        {
          /* A time or date unit the scanner does not read. */
          static const char *const dates[] = { "年", "月", "时", "小时", "周岁", "岁", "周" };
          for (gsize u = 0; u < G_N_ELEMENTS (dates); u++)
            if (cf_sentence_matches (s, end, dates[u]))
              {
                g_strlcpy (pn.unit, dates[u], sizeof pn.unit);
                break;
              }
        }

      /* Approximations the scanner leaves to the caller. */
      if ((i >= 1 && (prev == 0x7EA6 /* 约 */ || prev == 0x8FD1 /* 近 */ || prev == 0x903E /* 逾 */))
          || (i >= 2 && (cf_sentence_matches (s, i - 2, "超过") || cf_sentence_matches (s, i - 2, "将近")))
          || cf_sentence_matches (s, end, "以上") || cf_sentence_matches (s, end, "左右")
          || cf_sentence_matches (s, end, "余") || cf_sentence_matches (s, end, "多"))
        pn.approximate = TRUE;

      if (pn.unit[0] == '\0' || unit_is_time (pn.unit))
        pn.usable = FALSE;
      if (prev == 0x7B2C /* 第 */ || quote > 0 || title > 0)
        pn.usable = FALSE;
      if (!is_ascii_digit (c) && (!may_precede_chinese_numeral (prev) || is_bare_multiplier (c)))
        pn.usable = FALSE;
      /* Ranges and phone or document numbers: 3-5, 0755-8446, 3至5. */
      if (prev == '-' || prev == '~' || prev == '/' || prev == 0xFF5E)
        pn.usable = FALSE;
      if (end + 1 < s->n
          && (s->chars[end] == '-' || s->chars[end] == '~' || s->chars[end] == 0xFF5E
              || s->chars[end] == 0x81F3 /* 至 */ || s->chars[end] == 0x5230 /* 到 */)
          && (is_ascii_digit (s->chars[end + 1]) || is_chinese_numeral (s->chars[end + 1])))
        pn.usable = FALSE;
      if (numbers->len > 0)
        {
          ProseNumber *last = &g_array_index (numbers, ProseNumber, numbers->len - 1);
          /* The second end of a range. */
          if (last->end + 1 == i
              && (prev == 0x81F3 || prev == 0x5230 || prev == '-' || prev == '~'))
            pn.usable = last->usable = FALSE;
        }

      g_array_append_val (numbers, pn);
      i = end;
    }
  return numbers;
}

/* Findings ---------------------------------------------------------------- */

CfFinding *
cf_prose_finding_new (const SentenceSpan *span, CfSeverity severity, const char *rule,
                      double expected, double actual, const char *message)
{
  CfFinding *finding = cf_finding_new (severity, rule, NULL, message);

  cf_finding_set_values (finding, TRUE, expected, TRUE, actual);
  finding->offset = span->offset;
  finding->length = span->length;
  if (cf_document_get_kind (span->doc) == CF_DOCUMENT_KIND_PDF)
    cf_document_locate_range (span->doc, span->offset, span->length, &finding->page,
                              finding->bbox);
  return finding;
}

void
cf_prose_add_finding (const SentenceSpan *span, CfSeverity severity, const char *rule,
                      double expected, double actual, const char *message)
{
  cf_document_take_finding (span->doc,
                            cf_prose_finding_new (span, severity, rule, expected, actual, message));
}

/* What the total counts: its clause up to the number, without the time
 * phrase in front and the keyword at the end ("新媒体平台累计发布信息"). */
char *
cf_prose_describe_subject (const Sentence *s, const ProseNumber *total)
{
  static const char *const leading[] = { "全年", "今年", "本年度", "本年", "年内", "截至目前",
                                         "目前", "同时", "此外", "另外" };
  static const char *const trailing[] = { "共计", "总计", "合计", "累计", "共", "总数为", "为",
                                          "达" };
  gsize from = total->clause, to = total->start;
  gboolean changed = TRUE;

  while (changed && from < to)
    {
      changed = FALSE;
      while (from < to && (s->chars[from] == ' ' || s->chars[from] == '('))
        from++, changed = TRUE;
      /* A year in front: "2020年". */
      if (from + 5 <= to && is_ascii_digit (s->chars[from]) && s->chars[from + 4] == 0x5E74)
        from += 5, changed = TRUE;
      for (gsize k = 0; k < G_N_ELEMENTS (leading); k++)
        if (cf_sentence_matches (s, from, leading[k])
            && s->starts[from] + strlen (leading[k]) <= s->starts[to])
          {
            from += (gsize) g_utf8_strlen (leading[k], -1);
            changed = TRUE;
          }
    }
  changed = TRUE;
  while (changed && to > from)
    {
      changed = FALSE;
      for (gsize k = 0; k < G_N_ELEMENTS (trailing); k++)
        {
          gsize len = (gsize) g_utf8_strlen (trailing[k], -1);
          if (to >= from + len && cf_sentence_matches (s, to - len, trailing[k]))
            {
              to -= len;
              changed = TRUE;
              break;
            }
        }
      while (to > from && (s->chars[to - 1] == 0x7EA6 /* 约 */ || s->chars[to - 1] == ' '))
        to--, changed = TRUE;
    }
  if (to <= from)
    return g_strdup ("所述总数");
  return g_strndup (s->text + s->starts[from], s->starts[to] - s->starts[from]);
}
