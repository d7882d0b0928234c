/* cf-prose-breakdowns.c: totals and percentages a sentence splits into parts
 *
 * "全年累计发布信息33871条，其中A 3249篇，B 18523条……，其余8755条" claims that
 * its parts add up to its total; percentages that split a whole must make
 * 100. The decisions are listed in cf-prose.c.
 */
#include <math.h>
#include <string.h>
#include "cf-prose-private.h"
#include "cf-number.h"

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
    if (cf_sentence_matches (s, at + 1, after[k]))
      return TRUE;
  return FALSE;
}

/* Words that close a list: its last part is "the rest". */
static gboolean
clause_closes_list (const Sentence *s, gsize from, gsize to)
{
  static const char *const closers[] = { "其余", "其他", "其它", "另有", "剩余", "余下" };

  for (gsize k = 0; k < G_N_ELEMENTS (closers); k++)
    if (cf_sentence_find (s, from, to, closers[k]) >= 0)
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
  return 0.5 * (n_parts + 1) / cf_prose_pow10 (decimals) + 1e-9;
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

  subject = subject_text != NULL ? g_strdup (subject_text) : cf_prose_describe_subject (s, total);
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
  cf_prose_add_finding (span, severity, "prose.sum", total->value, sum, message);
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
  if (cf_sentence_find (s, from, s->n, "其中") >= 0)
    return;

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

      if (n->start < from || !n->usable || n->depth > allowed_depth)
        continue;
      if (!cf_prose_units_compatible (n->unit, total->unit))
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
      if (!cf_prose_units_compatible (n->unit, total->unit))
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

void
cf_prose_check_breakdowns (const SentenceSpan *span, const Sentence *s, GArray *numbers,
                  const ProseNumber *previous_total, const char *previous_subject)
{
  gsize i = 0;
  gsize first = 0;

  /* "74条。其中A 7条、B 9条……": the total closed the sentence before. */
  while (first < s->n && (s->chars[first] == ' ' || s->chars[first] == '\t'))
    first++;
  if (previous_total != NULL && cf_sentence_matches (s, first, "其中"))
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
        if (cf_sentence_matches (s, i, total_keywords[k]))
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

          if (cf_sentence_matches (s, j, "其中"))
            {
              marker = (gssize) j + 2;
              break;
            }
          if (cf_sentence_matches (s, j, "分别"))
            {
              marker = (gssize) j + 2;
              closed = TRUE;
              break;
            }
          for (gsize k = 0; k < G_N_ELEMENTS (total_keywords); k++)
            if (cf_sentence_matches (s, j, total_keywords[k])
                && !keyword_is_word_part (s, j, total_keywords[k]))
              other_total = TRUE;
          for (guint k = 0; k < numbers->len && !other_total; k++)
            {
              const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);
              if (n->start == j && n->usable && cf_prose_units_compatible (n->unit, total->unit))
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
          if (c > 0 && (s->chars[c - 1] == ',' || cf_sentence_matches (s, c >= 2 ? c - 2 : 0, "以上")
                        || cf_sentence_matches (s, c >= 2 ? c - 2 : 0, "上述")))
            {
              check_parts_before (span, s, numbers, total, i);
              return;
            }
        }
      i = total->end;
    }

  /* "主动公开政府信息933条，其中A 86条…": a quantity right before "，其中" is
   * the total too (issue #14). */
  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

      if (n->usable && n->depth == 0 && n->end + 3 <= s->n && s->chars[n->end] == ','
          && cf_sentence_matches (s, n->end + 1, "其中"))
        {
          check_parts_after (span, s, numbers, n, NULL, n->end + 3, depth_at (numbers, n->end + 3),
                             FALSE);
          return;
        }
    }
}

/* Percentages ------------------------------------------------------------- */

void
cf_prose_check_percentages (const SentenceSpan *span, const Sentence *s, GArray *numbers)
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
      if (!n->usable || cf_sentence_has_rate_word (s, n->clause, n->start))
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
  tolerance = 0.5 * parts->len / cf_prose_pow10 (decimals) + 1e-9;
  if (approximate)
    tolerance += parts->len;
  if (fabs (sum - 100) <= tolerance)
    return;

  {
    const ProseNumber *last = g_ptr_array_index (parts, parts->len - 1);
    closed = clause_closes_list (s, last->clause, s->n);
  }
  split_cue = cf_sentence_find (s, 0, s->n, "看") >= 0 || cf_sentence_find (s, 0, s->n, "占") >= 0
              || cf_sentence_find (s, 0, s->n, "其中") >= 0 || cf_sentence_find (s, 0, s->n, "分别") >= 0;

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
  cf_prose_add_finding (span, severity, "prose.sum", 100, sum, message);
}
