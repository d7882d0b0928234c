/* cf-prose.c: checking the totals stated in sentences
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
  return (cf_normalize_is_han (last) || g_unichar_isdigit (last) || last == 0xFF0C || last == ',' || last == 0x3001)
         && (cf_normalize_is_han (first) || g_unichar_isdigit (first));
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
