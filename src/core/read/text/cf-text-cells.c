/* cf-text-cells.c: what a piece of report text is as a table cell (blank,
 * label or value, its enumerator level), shared by every text layout */
#include <string.h>

#include "cf-text-tables-private.h"

/* Length of the blank character at @p (ASCII blanks, NBSP, U+3000), or 0. */
static gsize
blank_len_at (const char *p, gsize avail)
{
  guchar c = (guchar) p[0];

  if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n')
    return 1;
  if (avail >= 2 && c == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if (avail >= 3 && c == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
    return 3;
  return 0;
}

void
cf_text_trim (const char *text, gsize *start, gsize *end)
{
  gsize s = *start, e = *end;

  while (s < e)
    {
      gsize n = blank_len_at (text + s, e - s);
      if (n == 0)
        break;
      s += n;
    }
  while (e > s)
    {
      guchar c = (guchar) text[e - 1];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n')
        e--;
      else if (e - s >= 2 && c == 0xA0 && (guchar) text[e - 2] == 0xC2)
        e -= 2;
      else if (e - s >= 3 && c == 0x80 && (guchar) text[e - 2] == 0x80 && (guchar) text[e - 3] == 0xE3)
        e -= 3;
      else
        break;
    }
  *start = s;
  *end = e;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return (c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
          c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 ||
          c == 0x767E || c == 0x96F6 || c == 0x3007);
}

/* Placeholders the forms read as blank: they sit in value slots. */
static const char * const placeholders[] = {
  "/", "／", "-", "--", "－", "—", "——", "―", "无", "無", "不适用", "不適用", "\\",
};

CfRawKind
cf_text_classify_cell (const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  guint n_digits = 0, n_suffix = 0;

  if (len == 0)
    return CF_RAW_EMPTY;
  for (gsize i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strlen (placeholders[i]) == len && memcmp (placeholders[i], text, len) == 0)
      return CF_RAW_VALUE;

  if (*p == '+' || *p == '-')
    p++;
  else if (len >= 3 && (memcmp (p, "−", 3) == 0 || memcmp (p, "－", 3) == 0))
    p += 3;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return CF_RAW_LABEL;
      next = g_utf8_next_char (p);
      if (is_digit_char (c))
        n_digits++;
      else if ((c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E) && n_digits > 0 && next < end &&
               is_digit_char (g_utf8_get_char_validated (next, end - next)))
        ;
      else
        break;
      p = next;
    }
  if (n_digits == 0)
    return CF_RAW_LABEL;
  while (p < end && *p == ' ')
    p++;

  /* A short trailing unit (项, 万元, %, 余人) keeps it a value; anything
   * else (".属于国家秘密", "年", "-2216049") makes it a label. */
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return CF_RAW_LABEL;
      if (n_suffix == 0 && (c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7 || c == 0x865F))
        return CF_RAW_LABEL; /* 年 月 日 号 號: dates and numbers-as-names */
      if (!((c >= 0x4E00 && c <= 0x9FFF) || c == '%' || c == 0xFF05 || c == 0x2030))
        return CF_RAW_LABEL;
      if (++n_suffix > 4)
        return CF_RAW_LABEL;
      p = g_utf8_next_char (p);
    }
  return CF_RAW_VALUE;
}

int
cf_text_enumerator_level (const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  gunichar c;
  gboolean paren = FALSE;
  guint n = 0;

  if (len == 0)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == '(' || c == 0xFF08)
    {
      paren = TRUE;
      p = g_utf8_next_char (p);
    }
  if (p >= end)
    return 0;

  c = g_utf8_get_char_validated (p, end - p);
  if (is_chinese_numeral (c))
    {
      while (p < end && is_chinese_numeral (g_utf8_get_char_validated (p, end - p)))
        {
          p = g_utf8_next_char (p);
          n++;
        }
      if (p >= end)
        return 0;
      c = g_utf8_get_char_validated (p, end - p);
      if (paren)
        return (c == ')' || c == 0xFF09) ? 2 : 0;
      return c == 0x3001 ? 1 : 0; /* 、 */
    }
  if (is_digit_char (c))
    {
      while (p < end && is_digit_char (g_utf8_get_char_validated (p, end - p)))
        p = g_utf8_next_char (p);
      if (p >= end)
        return 0;
      c = g_utf8_get_char_validated (p, end - p);
      if (paren)
        return (c == ')' || c == 0xFF09) ? 3 : 0;
      return (c == '.' || c == 0xFF0E || c == 0x3001) ? 3 : 0;
    }
  return 0;
}
