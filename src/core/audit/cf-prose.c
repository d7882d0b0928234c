/* cf-prose.c: checking the totals stated in sentences, and reading the
 * report's issuing body and year
 *
 * Reports restate their figures in prose: "全年累计发布信息33871条，其中A
 * 3249篇，B 18523条……，其余8755条". Such a sentence claims that its parts add
 * up to its total, and it is often where a typo hides.
 *
 * Decisions:
 * - A sentence is what lies between 。；;!?！？ and line ends. Each is
 *   folded to Simplified, half-width text before any keyword is matched;
 *   findings point at the sentence's bytes in the original text.
 * - A breakdown is a total introduced by 共 / 共计 / 累计 / 合计 / 总计 and
 *   followed by 其中 or 分别; a sentence that starts with 其中 takes the last
 *   number of the sentence before as its total; "A、B，合计N" with the
 *   keyword opening its clause states the parts before the total.
 * - Parts are the numbers after the marker in the total's unit. Count units
 *   of posts and documents (条 篇 个 则 件 份 宗…) are one unit, because
 *   reports mix them for the same thing (shenzhen: 条, 篇 and 个 of posts).
 * - Numbers that are not quantities take part in nothing: dates and times
 *   (2020年, 12月), ordinals (第3), ranges and phone numbers (0755-8446),
 *   numbers without a unit, numbers inside quotes, 《》 titles or asides in
 *   brackets (the brackets right after 其中 hold the parts themselves), and
 *   Chinese numerals glued to a word (统一, 百家号).
 * - When a run of the first k parts already makes the total, the sentence is
 *   consistent: what follows is another statement ("…其中网上100件，信函8件，
 *   均已办结108件").
 * - Severity: parts above the total are an error; parts below it are an
 *   error only when the list is closed (its last part is 其余/其他/其它/另有
 *   …, or it was introduced by 分别), otherwise a warning. Approximate
 *   numbers (约, 余, 多, 近, 左右…) never make an error.
 * - expected = the stated total, actual = the sum of the parts.
 * - Percentages in one sentence that split a whole (从…看 / 占 / 其中 /
 *   分别) must make 100 within rounding: half a unit of the last printed
 *   decimal per part, one point per part when 约. Rates (答复率, 同比增长,
 *   提升到…) are never summed.
 * - The number of requests stated in the prose (共收到申请108件) is compared
 *   with the requests table's new/total cell when the form was recognised.
 */
#include <math.h>
#include <string.h>
#include "cf-prose.h"
#include "cf-normalize.h"
#include "cf-number.h"

/* Text handling ----------------------------------------------------------- */

/* A decoded, normalised sentence: characters and where each starts. */
typedef struct
{
  char     *text;   /* Simplified, half-width UTF-8 */
  gunichar *chars;
  gsize    *starts; /* byte offset of each character in @text; starts[n] = strlen */
  gsize     n;
} Sentence;

static void
sentence_clear (Sentence *s)
{
  g_clear_pointer (&s->text, g_free);
  g_clear_pointer (&s->chars, g_free);
  g_clear_pointer (&s->starts, g_free);
  s->n = 0;
}

static void
sentence_init (Sentence *s, const char *raw, gsize raw_len)
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
static gboolean
sentence_matches (const Sentence *s, gsize at, const char *word)
{
  gsize len = strlen (word);

  if (at > s->n)
    return FALSE;
  return s->starts[s->n] - s->starts[at] >= len
         && memcmp (s->text + s->starts[at], word, len) == 0;
}

/* Finds @word at or after character @from and before @to; returns its index or -1. */
static gssize
sentence_find (const Sentence *s, gsize from, gsize to, const char *word)
{
  for (gsize i = from; i < to && i < s->n; i++)
    if (sentence_matches (s, i, word))
      return (gssize) i;
  return -1;
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007;
}

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return c != 0 && g_utf8_strchr ("〇零一二三四五六七八九十百千万亿两", -1, c) != NULL;
}

/* Punctuation that ends a clause inside a sentence. */
static gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == 0x3001 /* 、 */ || c == ':' || c == ';' || c == '\t';
}

/* Numbers ----------------------------------------------------------------- */

typedef struct
{
  gsize    start, end;  /* character indexes in the sentence */
  double   value;
  char     unit[16];
  gboolean approximate;
  int      decimals;    /* digits printed after the point */
  gboolean usable;      /* a quantity that may take part in a sum */
  int      depth;       /* bracket depth */
  gsize    clause;      /* character index where its clause starts */
} ProseNumber;

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
static gboolean
unit_is_piece (const char *unit)
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

static gboolean
units_compatible (const char *a, const char *b)
{
  if (strcmp (a, b) == 0)
    return TRUE;
  return (unit_is_piece (a) && unit_is_piece (b)) || (unit_is_person (a) && unit_is_person (b));
}

/* Measure words read after a number when cf_number_scan_prose left them
 * (it knows the units of the forms; prose uses a few more). */
static const char *const extra_units[] = {
  "篇次", "条次", "人次", "余人", "名", "位", "所", "处", "部", "台", "辆", "只", "套",
  "册", "本", "封", "则", "幅", "轮", "组", "类", "笔", "页", "万人次", "万人",
};

static gboolean
clause_has_rate_word (const Sentence *s, gsize from, gsize to)
{
  static const char *const rate_words[] = { "率", "增", "降", "升", "提高", "减", "达",
                                            "到", "超", "同比", "环比", "较", "比上年",
                                            "不低于", "不得低于", "不超过", "以上", "以下" };

  for (gsize i = 0; i < G_N_ELEMENTS (rate_words); i++)
    if (sentence_find (s, from, to, rate_words[i]) >= 0)
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

static double
pow10i (int d)
{
  double v = 1;

  while (d-- > 0)
    v *= 10;
  return v;
}

/* Reads every number of the sentence, marking those that are quantities. */
static GArray *
scan_numbers (const Sentence *s)
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

          if (sentence_matches (s, from, extra_units[u])
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
            if (sentence_matches (s, end, dates[u]))
              {
                g_strlcpy (pn.unit, dates[u], sizeof pn.unit);
                break;
              }
        }

      /* Approximations the scanner leaves to the caller. */
      if ((i >= 1 && (prev == 0x7EA6 /* 约 */ || prev == 0x8FD1 /* 近 */ || prev == 0x903E /* 逾 */))
          || (i >= 2 && (sentence_matches (s, i - 2, "超过") || sentence_matches (s, i - 2, "将近")))
          || sentence_matches (s, end, "以上") || sentence_matches (s, end, "左右")
          || sentence_matches (s, end, "余") || sentence_matches (s, end, "多"))
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

typedef struct
{
  CfDocument *doc;
  gint64      offset; /* of the sentence in the document text */
  gint64      length;
} SentenceSpan;

static void
add_narrative_finding (const SentenceSpan *span, CfSeverity severity, const char *rule,
                       double expected, double actual, const char *message)
{
  CfFinding *finding = cf_finding_new (severity, rule, NULL, message);

  cf_finding_set_values (finding, TRUE, expected, TRUE, actual);
  finding->offset = span->offset;
  finding->length = span->length;
  if (cf_document_get_kind (span->doc) == CF_DOCUMENT_KIND_PDF)
    cf_document_locate_range (span->doc, span->offset, span->length, &finding->page,
                              finding->bbox);
  cf_document_take_finding (span->doc, finding);
}

/* What the total counts: its clause up to the number, without the time
 * phrase in front and the keyword at the end ("新媒体平台累计发布信息"). */
static char *
describe_subject (const Sentence *s, const ProseNumber *total)
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
        if (sentence_matches (s, from, leading[k])
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
          if (to >= from + len && sentence_matches (s, to - len, trailing[k]))
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

/* Breakdowns -------------------------------------------------------------- */

static const char *const total_keywords[] = { "共计", "总计", "合计", "累计", "总共", "共" };

/* 共 inside a word (公共, 共同) is not a total. */
static gboolean
keyword_is_word_part (const Sentence *s, gsize at, const char *keyword)
{
  static const char *const after[] = { "同", "享", "建", "青", "产", "识", "性", "用", "治",
                                       "商", "赢", "鸣", "有" };

  if (strcmp (keyword, "共") != 0)
    return FALSE;
  if (at > 0 && (s->chars[at - 1] == 0x516C /* 公 */ || s->chars[at - 1] == 0x4E2D /* 中 */))
    return TRUE;
  for (gsize k = 0; k < G_N_ELEMENTS (after); k++)
    if (sentence_matches (s, at + 1, after[k]))
      return TRUE;
  return FALSE;
}

/* Words that close a list: its last part is "the rest". */
static gboolean
clause_closes_list (const Sentence *s, gsize from, gsize to)
{
  static const char *const closers[] = { "其余", "其他", "其它", "另有", "剩余", "余下" };

  for (gsize k = 0; k < G_N_ELEMENTS (closers); k++)
    if (sentence_find (s, from, to, closers[k]) >= 0)
      return TRUE;
  return FALSE;
}

static double
sum_tolerance (const ProseNumber *total, const ProseNumber *const *parts, guint n_parts)
{
  int decimals = total != NULL ? total->decimals : 0;

  for (guint k = 0; k < n_parts; k++)
    decimals = MAX (decimals, parts[k]->decimals);
  if (decimals == 0)
    return 0.5;
  return 0.5 * (n_parts + 1) / pow10i (decimals) + 1e-9;
}

/* Judges total vs parts and adds a finding when they disagree. */
static void
judge_breakdown (const SentenceSpan *span, const Sentence *s, const ProseNumber *total,
                 const char *subject_text, const ProseNumber *const *parts, guint n_parts,
                 gboolean closed)
{
  double tolerance = sum_tolerance (total, parts, n_parts);
  double sum = 0;
  gboolean approximate = total->approximate;
  CfSeverity severity;
  g_autofree char *subject = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *sum_text = NULL;
  g_autofree char *diff_text = NULL;
  g_autofree char *message = NULL;

  if (n_parts < 2)
    return;
  for (guint k = 0; k < n_parts; k++)
    {
      sum += parts[k]->value;
      approximate |= parts[k]->approximate;
      /* The first parts already make the total: the rest is another statement. */
      if (fabs (sum - total->value) <= tolerance && k >= 1)
        return;
    }
  if (fabs (sum - total->value) <= tolerance)
    return;

  if (sum > total->value)
    severity = approximate ? CF_SEVERITY_WARNING : CF_SEVERITY_ERROR;
  else
    severity = (closed && !approximate) ? CF_SEVERITY_ERROR : CF_SEVERITY_WARNING;

  subject = subject_text != NULL ? g_strdup (subject_text) : describe_subject (s, total);
  total_text = cf_number_format (total->value);
  sum_text = cf_number_format (sum);
  diff_text = cf_number_format (fabs (total->value - sum));
  message = g_strdup_printf ("%s共%s%s%s，其中各项之和为%s%s，相差%s%s%s",
                             subject, total->approximate ? "约" : "", total_text, total->unit,
                             sum_text, total->unit, diff_text, total->unit,
                             severity == CF_SEVERITY_WARNING
                               ? (sum < total->value ? "（所列各项可能并非全部）"
                                                     : "（含约数）")
                               : "");
  add_narrative_finding (span, severity, "prose.sum", total->value, sum, message);
}

/* Collects the parts that follow a marker at character @from. */
static void
check_parts_after (const SentenceSpan *span, const Sentence *s, GArray *numbers,
                   const ProseNumber *total, const char *subject, gsize from, int base_depth,
                   gboolean closed)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  int allowed_depth = base_depth;
  gsize p = from;
  const ProseNumber *last = NULL;

  /* "其中(A 17项、B 843项)": the brackets hold the list itself. */
  while (p < s->n && (s->chars[p] == ':' || s->chars[p] == ' ' || s->chars[p] == ','))
    p++;
  if (p < s->n && (s->chars[p] == '(' || s->chars[p] == 0x3010))
    allowed_depth = base_depth + 1;

  /* A second 其中 opens a breakdown of a part: too ambiguous to check. */
  if (sentence_find (s, from, s->n, "其中") >= 0)
    return;

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

      if (n->start < from || !n->usable || n->depth > allowed_depth)
        continue;
      if (!units_compatible (n->unit, total->unit))
        continue;
      g_ptr_array_add (parts, (gpointer) n);
      last = n;
    }
  if (last != NULL && clause_closes_list (s, last->clause, last->start))
    closed = TRUE;
  judge_breakdown (span, s, total, subject, (const ProseNumber *const *) parts->pdata,
                   parts->len, closed);
}

/* "A 10件、B 20件，合计30件": the parts come before a clause-opening keyword. */
static void
check_parts_before (const SentenceSpan *span, const Sentence *s, GArray *numbers,
                    const ProseNumber *total, gsize keyword_at)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

      if (n->end > keyword_at || !n->usable || n->depth > total->depth)
        continue;
      if (!units_compatible (n->unit, total->unit))
        continue;
      g_ptr_array_add (parts, (gpointer) n);
    }
  judge_breakdown (span, s, total, NULL, (const ProseNumber *const *) parts->pdata, parts->len,
                   TRUE);
}

static int
depth_at (GArray *numbers, gsize at)
{
  int depth = 0;

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);
      if (n->start >= at)
        return n->depth;
      depth = n->depth;
    }
  return depth;
}

static void
check_breakdowns (const SentenceSpan *span, const Sentence *s, GArray *numbers,
                  const ProseNumber *previous_total, const char *previous_subject)
{
  gsize i = 0;
  gsize first = 0;

  /* "74条。其中A 7条、B 9条……": the total closed the sentence before. */
  while (first < s->n && (s->chars[first] == ' ' || s->chars[first] == '\t'))
    first++;
  if (previous_total != NULL && sentence_matches (s, first, "其中"))
    {
      check_parts_after (span, s, numbers, previous_total, previous_subject, first + 2, 0, FALSE);
      return;
    }

  while (i < s->n)
    {
      const char *keyword = NULL;
      const ProseNumber *total = NULL;
      gsize keyword_len;
      gssize marker;
      gboolean closed = FALSE;

      for (gsize k = 0; k < G_N_ELEMENTS (total_keywords) && keyword == NULL; k++)
        if (sentence_matches (s, i, total_keywords[k]))
          keyword = total_keywords[k];
      if (keyword == NULL || keyword_is_word_part (s, i, keyword))
        {
          i++;
          continue;
        }
      keyword_len = (gsize) g_utf8_strlen (keyword, -1);

      /* The total: the first quantity after the keyword, in its clause. */
      for (guint k = 0; k < numbers->len; k++)
        {
          const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

          if (n->start < i + keyword_len)
            continue;
          if (n->clause > i)
            break;
          if (n->usable)
            total = n;
          break;
        }
      if (total == NULL)
        {
          i += keyword_len;
          continue;
        }

      /* The marker: 其中 or 分别 after the total, with no other quantity of
       * its unit and no other total keyword in between. */
      marker = -1;
      for (gsize j = total->end; j < s->n; j++)
        {
          gboolean other_total = FALSE;

          if (sentence_matches (s, j, "其中"))
            {
              marker = (gssize) j + 2;
              break;
            }
          if (sentence_matches (s, j, "分别"))
            {
              marker = (gssize) j + 2;
              closed = TRUE;
              break;
            }
          for (gsize k = 0; k < G_N_ELEMENTS (total_keywords); k++)
            if (sentence_matches (s, j, total_keywords[k])
                && !keyword_is_word_part (s, j, total_keywords[k]))
              other_total = TRUE;
          for (guint k = 0; k < numbers->len && !other_total; k++)
            {
              const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);
              if (n->start == j && n->usable && units_compatible (n->unit, total->unit))
                other_total = TRUE;
            }
          if (other_total)
            break;
        }

      if (marker >= 0)
        {
          check_parts_after (span, s, numbers, total, NULL, (gsize) marker,
                             depth_at (numbers, (gsize) marker), closed);
          return;
        }

      /* "…，合计30件": a keyword that opens its clause sums what came before. */
      if (strcmp (keyword, "共") != 0 && strcmp (keyword, "累计") != 0)
        {
          gsize c = i;
          while (c > 0 && s->chars[c - 1] == ' ')
            c--;
          if (c > 0 && (s->chars[c - 1] == ',' || sentence_matches (s, c >= 2 ? c - 2 : 0, "以上")
                        || sentence_matches (s, c >= 2 ? c - 2 : 0, "上述")))
            {
              check_parts_before (span, s, numbers, total, i);
              return;
            }
        }
      i = total->end;
    }
}

/* Percentages ------------------------------------------------------------- */

static void
check_percentages (const SentenceSpan *span, const Sentence *s, GArray *numbers)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  gboolean approximate = FALSE;
  gboolean split_cue;
  gboolean closed = FALSE;
  int decimals = 0;
  double sum = 0, tolerance;
  CfSeverity severity;
  g_autofree char *sum_text = NULL;
  g_autofree char *message = NULL;

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

      if (strcmp (n->unit, "%") != 0 || n->depth > 0)
        continue;
      /* A rate in the sentence: its percentages do not split one whole. */
      if (!n->usable || clause_has_rate_word (s, n->clause, n->start))
        return;
      g_ptr_array_add (parts, (gpointer) n);
    }
  if (parts->len < 2)
    return;

  for (guint k = 0; k < parts->len; k++)
    {
      const ProseNumber *n = g_ptr_array_index (parts, k);
      sum += n->value;
      approximate |= n->approximate;
      decimals = MAX (decimals, n->decimals);
    }
  tolerance = 0.5 * parts->len / pow10i (decimals) + 1e-9;
  if (approximate)
    tolerance += parts->len;
  if (fabs (sum - 100) <= tolerance)
    return;

  {
    const ProseNumber *last = g_ptr_array_index (parts, parts->len - 1);
    closed = clause_closes_list (s, last->clause, s->n);
  }
  split_cue = sentence_find (s, 0, s->n, "看") >= 0 || sentence_find (s, 0, s->n, "占") >= 0
              || sentence_find (s, 0, s->n, "其中") >= 0 || sentence_find (s, 0, s->n, "分别") >= 0;

  if (sum > 100)
    severity = (split_cue && !approximate) ? CF_SEVERITY_ERROR : CF_SEVERITY_WARNING;
  else if (closed)
    severity = approximate ? CF_SEVERITY_WARNING : CF_SEVERITY_ERROR;
  else if (split_cue)
    severity = CF_SEVERITY_WARNING;
  else
    return;

  sum_text = cf_number_format (round (sum * 1e6) / 1e6);
  message = g_strdup_printf ("各部分所占比例之和为%s%%，而不是100%%%s", sum_text,
                             severity == CF_SEVERITY_WARNING ? "（可能为约数或并非全部）" : "");
  add_narrative_finding (span, severity, "prose.sum", 100, sum, message);
}

/* The requests stated in prose vs the requests table --------------------- */

static void
check_requests_statement (const SentenceSpan *span, const Sentence *s, GArray *numbers,
                          CfTable *requests)
{
  CfCell *cell;
  gssize verb_at = -1;
  gboolean received = FALSE;

  if (requests == NULL)
    return;
  cell = cf_table_find_by_keys (requests, "new", "total");
  if (cell == NULL || cell->number.kind != CF_NUMBER_VALUE)
    return;

  for (gsize i = 0; i < s->n && verb_at < 0; i++)
    {
      if (sentence_matches (s, i, "收到") || sentence_matches (s, i, "新收"))
        verb_at = (gssize) i, received = TRUE;
      else if (sentence_matches (s, i, "受理") || sentence_matches (s, i, "接到"))
        verb_at = (gssize) i;
    }
  if (verb_at < 0 || (verb_at > 0 && s->chars[verb_at - 1] == 0x672A /* 未 */))
    return;

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);
      gssize request_at;
      CfSeverity severity;
      g_autofree char *stated = NULL;
      g_autofree char *table_text = NULL;
      g_autofree char *message = NULL;

      if (n->start < (gsize) verb_at)
        continue;
      /* The number must close the clause that names the requests
       * ("共收到公民、法人提出的…申请4宗": 、 joins, a comma ends). */
      for (gsize j = (gsize) verb_at; j < n->start; j++)
        if (s->chars[j] == ',' || s->chars[j] == ';' || s->chars[j] == ':')
          return;
      request_at = sentence_find (s, (gsize) verb_at, n->start, "申请");
      if (request_at < 0 || !n->usable || !unit_is_piece (n->unit))
        return;
      if (sentence_find (s, n->clause, n->start, "结转") >= 0
          || sentence_find (s, n->clause, n->start, "咨询") >= 0
          || sentence_find (s, n->clause, n->start, "复议") >= 0
          || sentence_find (s, n->clause, n->start, "诉讼") >= 0)
        return;
      if (fabs (n->value - cell->number.value) < 0.5)
        return;

      severity = (received && !n->approximate) ? CF_SEVERITY_ERROR : CF_SEVERITY_WARNING;
      stated = cf_number_format (n->value);
      table_text = cf_number_format (cell->number.value);
      message = g_strdup_printf ("正文称收到政府信息公开申请%s%s，"
                                 "表格“本年新收政府信息公开申请数量”总计为%s",
                                 stated, n->unit, table_text);
      {
        CfFinding *finding = cf_finding_new (severity, "prose.table_mismatch", NULL, message);

        cf_finding_set_values (finding, TRUE, cell->number.value, TRUE, n->value);
        finding->offset = span->offset;
        finding->length = span->length;
        if (cf_document_get_kind (span->doc) == CF_DOCUMENT_KIND_PDF)
          cf_document_locate_range (span->doc, span->offset, span->length, &finding->page,
                                    finding->bbox);
        cf_finding_add_cell (finding, cf_table_get_id (requests), cell->row, cell->col, "new",
                             "total");
        cf_document_take_finding (span->doc, finding);
      }
      return;
    }
}

/* Sentences --------------------------------------------------------------- */

/* Text this long without a sentence end is not a sentence (a table
 * flattened to one line, a dump of data): it is not checked. Each checked
 * sentence costs some 20 bytes per byte while it is read. */
#define MAX_SENTENCE_BYTES 8192
/* Reports are a few hundred KB of text; past this much the rest is not
 * read for sentences, so that a huge file is still audited in seconds. */
#define MAX_PROSE_BYTES ((gsize) 4 * 1024 * 1024)

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ || c == ';' || c == '!' || c == '?'
         || c == 0xFF01 || c == 0xFF1F || c == '\n' || c == '\r' || c == '\f';
}

static gboolean
sentence_has_digits (const char *p, gsize len)
{
  for (gsize k = 0; k < len; k++)
    if (g_ascii_isdigit (p[k]) || (guchar) p[k] >= 0xE3)
      return TRUE;
  return FALSE;
}

/* PDF text breaks lines where the page ran out, not where the sentence
 * ended: a long line that stops mid-sentence goes on after the break. */
static gboolean
line_wraps (const char *sentence_start, const char *line_end, const char *next, const char *text_end)
{
  const char *line_start = line_end;
  gunichar last, first;

  while (line_start > sentence_start && line_start[-1] != '\n' && line_start[-1] != '\f')
    line_start--;
  if (g_utf8_strlen (line_start, line_end - line_start) < 15 || line_end == line_start)
    return FALSE;
  last = g_utf8_get_char (g_utf8_prev_char (line_end));
  if (next >= text_end)
    return FALSE;
  first = g_utf8_get_char (next);
  /* The line ends on a word, a digit or a comma, and the next goes on with one. */
  return (is_han (last) || g_unichar_isdigit (last) || last == 0xFF0C || last == ',' || last == 0x3001)
         && (is_han (first) || g_unichar_isdigit (first));
}

void
cf_prose_check (CfDocument *doc)
{
  gsize text_len = 0;
  const char *text = cf_document_get_text (doc, &text_len);
  CfTable *requests;
  ProseNumber previous_total = { 0 };
  gboolean has_previous = FALSE;
  const char *start;
  const char *p;
  gboolean is_pdf;
  g_autofree char *previous_subject = NULL;

  g_return_if_fail (CF_IS_DOCUMENT (doc));
  if (text == NULL || text_len == 0)
    return;

  requests = cf_document_find_table (doc, "requests");
  is_pdf = cf_document_get_kind (doc) == CF_DOCUMENT_KIND_PDF;
  text_len = MIN (text_len, MAX_PROSE_BYTES);
  start = text;
  p = text;
  while (p <= text + text_len)
    {
      gunichar c = p < text + text_len ? g_utf8_get_char_validated (p, text + text_len - p) : 0;
      gboolean at_end = p >= text + text_len;
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = at_end ? p + 1 : g_utf8_next_char (p);
      if (!at_end && is_pdf && (c == '\n' || c == '\f') && line_wraps (start, p, next, text + text_len))
        {
          p = next;
          continue;
        }
      if (at_end || is_sentence_end (c))
        {
          const char *a = start, *b = p;

          /* The sentence keeps its end mark (。) but not the line break. */
          if (!at_end && c != '\n' && c != '\r' && c != '\f')
            b = next;
          while (a < b && g_ascii_isspace (*a))
            a++;
          if (b > a && (gsize) (b - a) <= MAX_SENTENCE_BYTES && sentence_has_digits (a, (gsize) (b - a)))
            {
              Sentence s = { 0 };
              SentenceSpan span = { doc, a - text, b - a };
              g_autoptr (GArray) numbers = NULL;

              sentence_init (&s, a, (gsize) (b - a));
              numbers = scan_numbers (&s);
              check_breakdowns (&span, &s, numbers, has_previous ? &previous_total : NULL,
                                previous_subject);
              check_percentages (&span, &s, numbers);
              check_requests_statement (&span, &s, numbers, requests);

              /* A sentence that ends on a quantity may be the total of the
               * next one ("…74条。其中…"). */
              has_previous = FALSE;
              if (numbers->len > 0)
                {
                  const ProseNumber *last = &g_array_index (numbers, ProseNumber, numbers->len - 1);
                  gsize tail = last->end;

                  while (tail < s.n && (s.chars[tail] == 0x3002 || s.chars[tail] == ' '))
                    tail++;
                  if (last->usable && tail >= s.n)
                    {
                      g_free (previous_subject);
                      previous_subject = describe_subject (&s, last);
                      previous_total = *last;
                      /* Its clause and offsets refer to the old sentence. */
                      previous_total.start = previous_total.end = previous_total.clause = 0;
                      has_previous = TRUE;
                    }
                }
              sentence_clear (&s);
            }
          else if (b > a)
            has_previous = FALSE;
          start = next;
        }
      p = next;
    }
}

/* Report metadata --------------------------------------------------------- */

static int
chinese_year (const char *p)
{
  static const char digits[] = "〇零一二三四五六七八九";
  int year = 0;

  for (int k = 0; k < 4; k++)
    {
      gunichar c = g_utf8_get_char (p);
      int d = -1;

      if (c >= '0' && c <= '9')
        d = (int) (c - '0');
      else if (c == 0x3007 || c == 0x96F6 /* 零 */ || c == 'O' || c == 0x25CB /* ○ */)
        d = 0;
      else
        {
          const char *hit = g_utf8_strchr (digits, -1, c);
          if (hit != NULL)
            d = (int) g_utf8_pointer_to_offset (digits, hit) - 1;
        }
      if (d < 0)
        return 0;
      year = year * 10 + d;
      p = g_utf8_next_char (p);
    }
  return year;
}

/* A year "2020年", "2020 年" or "二〇二一年" at @p; sets @end after 年. */
static int
year_at (const char *p, const char **end)
{
  int year = chinese_year (p);
  const char *q = p;

  if (year < 1949 || year > 2199)
    return 0;
  for (int k = 0; k < 4; k++)
    q = g_utf8_next_char (q);
  while (*q == ' ')
    q++;
  if (!g_str_has_prefix (q, "年"))
    return 0;
  if (end != NULL)
    *end = q + strlen ("年");
  return year;
}

/* The first year in @line, and where it starts. */
static int
find_year (const char *line, const char **year_start, const char **year_end)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar prev = p > line ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
      int year;

      if (prev >= '0' && prev <= '9')
        continue;
      year = year_at (p, year_end);
      if (year != 0)
        {
          if (year_start != NULL)
            *year_start = p;
          return year;
        }
    }
  return 0;
}

static const char *const body_suffixes[] = {
  "分局", "公安局", "局", "厅", "办公厅", "办公室", "人民政府", "委员会", "政府", "委", "院",
  "署", "办", "部", "中心", "所", "站", "队", "处", "街道办事处", "管委会", "支队", "大队",
};

static gboolean
has_body_suffix (const char *name)
{
  for (gsize k = 0; k < G_N_ELEMENTS (body_suffixes); k++)
    if (g_str_has_suffix (name, body_suffixes[k]))
      return TRUE;
  return FALSE;
}

/* A line that is only a body's name: "石嘴山市公安局". */
static gboolean
looks_like_body_line (const char *line)
{
  glong n = g_utf8_strlen (line, -1);

  if (n < 3 || n > 40 || !has_body_suffix (line))
    return FALSE;
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_han (c) && c != '(' && c != ')' && c != 0x00B7)
        return FALSE;
    }
  return TRUE;
}

/* How much of a text's start and end is read for its body and year. */
#define META_HEAD_BYTES 65536
#define META_TAIL_BYTES 4096
/* Of those, how many lines that are not blank: the title and the opening
 * paragraphs, the signature. */
#define META_HEAD_LINES 30
#define META_TAIL_LINES 4

/* @raw_line Simplified, half-width and stripped; NULL when that leaves nothing. */
static char *
normalize_meta_line (const char *raw_line)
{
  g_autofree char *simplified = cf_normalize_t2s (raw_line);
  /* Full-width spaces became spaces: "2020 年" stays readable. */
  char *line = g_strstrip (cf_normalize_width (simplified));

  if (*line == '\0')
    {
      g_free (line);
      return NULL;
    }
  return line;
}

static char *
clean_body (const char *from, const char *to)
{
  g_autofree char *body = g_strndup (from, (gsize) (to - from));
  static const char *const labels[] = { "标题:", "标题", "title:" };

  g_strstrip (body);
  for (gsize k = 0; k < G_N_ELEMENTS (labels); k++)
    if (g_str_has_prefix (body, labels[k]))
      {
        memmove (body, body + strlen (labels[k]), strlen (body) - strlen (labels[k]) + 1);
        g_strstrip (body);
      }
  /* "关于…" or quotes around a title are not part of the name. */
  g_strdelimit (body, "\"", ' ');
  g_strstrip (body);
  if (*body == '\0' || !has_body_suffix (body) || g_utf8_strlen (body, -1) > 40)
    return NULL;
  return g_steal_pointer (&body);
}

/* In running text: the first place-named body ("丹凤县公安局认真…" gives 丹凤县公安局). */
static char *
find_body_in_prose (const char *text)
{
  static const char *const places[] = { "省", "市", "县", "区", "州", "旗", "盟" };
  static const char *const bodies[] = { "公安分局", "公安局", "人民政府办公厅", "人民政府办公室",
                                        "人民政府", "分局", "局", "厅" };

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *run_end = p;
      gboolean place = FALSE;

      if (!is_han (c) || (p > text && is_han (g_utf8_get_char (g_utf8_prev_char (p)))))
        continue;
      /* A run of Han characters: look for place + body within 16 of them. */
      for (int k = 0; k < 16 && *run_end && is_han (g_utf8_get_char (run_end)); k++)
        {
          for (gsize pl = 0; pl < G_N_ELEMENTS (places) && !place; pl++)
            if (k >= 1 && g_str_has_prefix (run_end, places[pl]))
              place = TRUE;
          if (place)
            for (gsize b = 0; b < G_N_ELEMENTS (bodies); b++)
              if (g_str_has_prefix (run_end, bodies[b]) && run_end > p)
                return g_strndup (p, (gsize) (run_end - p) + strlen (bodies[b]));
          run_end = g_utf8_next_char (run_end);
        }
    }
  return NULL;
}

void
cf_report_meta_read (CfDocument *doc)
{
  gsize text_len = 0;
  const char *raw = cf_document_get_text (doc, &text_len);
  g_autofree char *valid = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) last = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;
  int year = 0;
  guint n_lines, head_end = 0;
  guint n_head;

  g_return_if_fail (CF_IS_DOCUMENT (doc));
  if (raw == NULL || text_len == 0)
    return;

  /* Only the opening lines and the signature are read: a long text is cut
   * to its first and last lines, so a huge file costs no more than a report. */
  if (text_len > META_HEAD_BYTES + META_TAIL_BYTES)
    {
      const char *head_end = raw + META_HEAD_BYTES, *tail = raw + text_len - META_TAIL_BYTES;
      const char *newline = memchr (tail, '\n', META_TAIL_BYTES);
      g_autofree char *head = NULL;
      g_autofree char *signature = NULL;

      while (head_end > raw && *head_end != '\n')
        head_end--;
      if (head_end == raw)
        head_end = raw + META_HEAD_BYTES;
      tail = newline ? newline + 1 : tail;
      head = g_utf8_make_valid (raw, head_end - raw);
      signature = g_utf8_make_valid (tail, raw + text_len - tail);
      valid = g_strconcat (head, "\n", signature, NULL);
    }
  else
    valid = g_utf8_make_valid (raw, (gssize) text_len);
  /* Of the lines that are not blank only the first META_HEAD_LINES and the
   * last META_TAIL_LINES are read below, so only those are normalised (no
   * conversion runs across a line break: OpenCC's keys hold none). */
  lines = g_strsplit_set (valid, "\n\r\f", -1);
  n_lines = g_strv_length (lines);
  for (; head_end < n_lines && kept->len < META_HEAD_LINES; head_end++)
    {
      char *line = normalize_meta_line (lines[head_end]);
      if (line != NULL)
        g_ptr_array_add (kept, line);
    }
  for (guint k = n_lines; k > head_end && last->len < META_TAIL_LINES; k--)
    {
      char *line = normalize_meta_line (lines[k - 1]);
      if (line != NULL)
        g_ptr_array_add (last, line);
    }
  for (guint k = last->len; k > 0; k--)
    g_ptr_array_add (kept, g_steal_pointer (&last->pdata[k - 1]));
  n_head = MIN (kept->len, META_HEAD_LINES);

  /* 1. The title: "<body><year>年…年度报告" or "<year>年<body>…年度报告", the
   *    body possibly on a line of its own just before. */
  for (guint k = 0; k < n_head && year == 0; k++)
    {
      const char *line = g_ptr_array_index (kept, k);
      const char *ys = NULL, *ye = NULL;
      const char *report = strstr (line, "年度报告");
      const char *gip;
      int y;

      if (report == NULL || g_utf8_strlen (line, -1) > 80)
        continue;
      y = find_year (line, &ys, &ye);
      if (y == 0 || ys > report)
        continue;
      year = y;
      gip = strstr (ye, "政府信息公开");
      if (gip == NULL)
        gip = strstr (ye, "政务公开");
      if (gip == NULL)
        gip = report;
      body = clean_body (line, ys);
      if (body == NULL && gip > ye)
        body = clean_body (ye, gip);
      for (guint back = 1; body == NULL && back <= 3 && back <= k; back++)
        {
          const char *before = g_ptr_array_index (kept, k - back);
          if (looks_like_body_line (before))
            body = g_strdup (before);
        }
    }

  /* 2. The signature at the end: the body's name, then the date. */
  if (body == NULL)
    for (guint k = kept->len; k > 0 && k + META_TAIL_LINES > kept->len && body == NULL; k--)
      {
        const char *line = g_ptr_array_index (kept, k - 1);
        if (looks_like_body_line (line))
          body = g_strdup (line);
      }

  /* 3. The first body named in the opening paragraphs. */
  if (body == NULL)
    for (guint k = 0; k < MIN (kept->len, 8) && body == NULL; k++)
      body = find_body_in_prose (g_ptr_array_index (kept, k));

  /* The year: the first one the opening lines name, else the signature's. */
  for (guint k = 0; k < n_head && year == 0; k++)
    {
      const char *line = g_ptr_array_index (kept, k);
      if (g_str_has_prefix (line, "发布日期") || g_str_has_prefix (line, "发文日期"))
        continue;
      year = find_year (line, NULL, NULL);
    }
  for (guint k = kept->len; k > 0 && k + META_TAIL_LINES > kept->len && year == 0; k--)
    year = find_year (g_ptr_array_index (kept, k - 1), NULL, NULL);

  cf_document_set_report_meta (doc, body, year);
}
