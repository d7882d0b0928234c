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
 * - The figures the prose states (共收到申请108件, 行政复议3件…) are compared
 *   with their cells when the form was recognised (cf-prose-figures.c; the
 *   form file says which phrase states which cell).
 */
#include <math.h>
#include <string.h>
#include "cf-prose.h"
#include "cf-prose-private.h"
#include "cf-normalize.h"
#include "cf-number.h"

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
 * ended: a long line that stops mid-sentence goes on after the break (the
 * whole line counts, also when a sentence began in it: "…12.3%；答复"). */
static gboolean
line_wraps (const char *text_start, const char *line_end, const char *next, const char *text_end)
{
  const char *line_start = line_end;
  gunichar last, first;

  while (line_start > text_start && line_start[-1] != '\n' && line_start[-1] != '\f')
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
  CfStatedFigures *figures;
  ProseNumber previous_total = { 0 };
  gboolean has_previous = FALSE;
  const char *start;
  const char *p;
  gboolean is_pdf;
  g_autofree char *previous_subject = NULL;

  g_return_if_fail (CF_IS_DOCUMENT (doc));
  cf_document_set_stated_figures (doc, 0, 0);
  if (text == NULL || text_len == 0)
    return;

  figures = cf_stated_figures_new (
    doc, cf_form_registry_lookup (cf_form_registry_get_default (), cf_document_get_form (doc)));
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
      if (!at_end && is_pdf && (c == '\n' || c == '\f') && line_wraps (text, p, next, text + text_len))
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

              cf_sentence_init (&s, a, (gsize) (b - a));
              numbers = cf_prose_scan_numbers (&s);
              cf_prose_check_breakdowns (&span, &s, numbers, has_previous ? &previous_total : NULL,
                                previous_subject);
              cf_prose_check_percentages (&span, &s, numbers);
              cf_stated_figures_check (figures, &span, &s, numbers);

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
                      previous_subject = cf_prose_describe_subject (&s, last);
                      previous_total = *last;
                      /* Its clause and offsets refer to the old sentence. */
                      previous_total.start = previous_total.end = previous_total.clause = 0;
                      has_previous = TRUE;
                    }
                }
              cf_sentence_clear (&s);
            }
          else if (b > a)
            has_previous = FALSE;
          if (at_end || c == '\n' || c == '\r' || c == '\f')
            cf_stated_figures_paragraph_end (figures);
          start = next;
        }
      p = next;
    }
  cf_stated_figures_free (figures);
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
