/* cf-report-meta.c: the issuing body and year of a report
 *
 * Read from the title ("<body><year>年…年度报告", the body possibly on a line
 * of its own just before), else the signature at the end, else the first
 * body the opening paragraphs name. Only the opening lines and the last few
 * are read, so a huge file costs no more than a report.
 */
#include <string.h>

#include "cf-report-meta.h"
#include "cf-normalize.h"

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
      if (!cf_normalize_is_han (c) && c != '(' && c != ')' && c != 0x00B7)
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

      if (!cf_normalize_is_han (c) || (p > text && cf_normalize_is_han (g_utf8_get_char (g_utf8_prev_char (p)))))
        continue;
      /* A run of Han characters: look for place + body within 16 of them. */
      for (int k = 0; k < 16 && *run_end && cf_normalize_is_han (g_utf8_get_char (run_end)); k++)
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
