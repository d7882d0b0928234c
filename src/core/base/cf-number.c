/* cf-number.c: reading the numbers that report cells and prose print
 *
 * A cell is read as a whole: it is blank (empty or a placeholder), a value
 * (one number with an optional sign, unit and approximation mark) or text.
 * Prose is read from the front: the caller learns how many bytes the number
 * took so it can go on scanning after it.
 *
 * Decisions beyond ../shared/spec/report-forms.md ("Values"):
 * - Footnote marks after a number (12*, 12※, 12①, 12注, 12注1) are dropped:
 *   the value is 12. The mark refers to a note, not to the count.
 * - A number followed by a short word that is not a known unit ("137案",
 *   at most 4 Han characters) is a value with that word as its unit.
 * - Text holding anything else after the number (a second number,
 *   punctuation, Latin letters) is CF_NUMBER_TEXT.
 * - 万 / 亿 after digits multiply ("1萬余人" is 10000, approximate) except in
 *   the money units 万元 / 亿元, which are kept as the unit ("417.75萬元" is
 *   417.75 万元), as reports print amounts in them.
 * - Chinese numerals are read only by cf_number_scan_prose, never in cells.
 * - A number in parentheses is negative ("(1,234)" is -1234) unless it is a
 *   plain one- or two-digit integer: "(1)", "（12）" are list enumerators.
 *
 * Everything works on bounded buffers and validated UTF-8 so that any bytes
 * are safe (see tests/fuzz/fuzz-number.c).
 */
#include <math.h>
#include <string.h>
#include "cf-number.h"

/* No number cell is longer than this; longer text is TEXT. */
#define MAX_CELL_CHARS 128
/* Digits (and the decimal point) kept for g_ascii_strtod. */
#define MAX_DIGITS 64
/* An unknown unit is at most this many Han characters. */
#define MAX_UNKNOWN_UNIT_CHARS 4

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
         || c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF || c == 0x2002
         || c == 0x2003 || c == 0x2009;
}

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

static gboolean
is_comma (gunichar c)
{
  return c == ',' || c == 0xFF0C;
}

static gboolean
is_point (gunichar c)
{
  return c == '.' || c == 0xFF0E;
}

static gboolean
is_minus (gunichar c)
{
  return c == '-' || c == 0xFF0D || c == 0x2212;
}

static gboolean
is_plus (gunichar c)
{
  return c == '+' || c == 0xFF0B;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0xFF0D || c == 0x2212 || c == 0x2010 || c == 0x2012 || c == 0x2013
         || c == 0x2014 || c == 0x2015 || c == 0x2500 || c == 0x2501 || c == 0xFE63;
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static gboolean
is_approx_mark (gunichar c)
{
  return c == 0x4F59 /* 余 */ || c == 0x9918 /* 餘 */ || c == 0x591A /* 多 */;
}

static gboolean
is_wan (gunichar c)
{
  return c == 0x4E07 /* 万 */ || c == 0x842C /* 萬 */;
}

static gboolean
is_yi (gunichar c)
{
  return c == 0x4EBF /* 亿 */ || c == 0x5104 /* 億 */;
}

/* A decoded stretch of text: characters and where each starts in the bytes. */
typedef struct
{
  gunichar chars[MAX_CELL_CHARS + 1];
  gsize    starts[MAX_CELL_CHARS + 1];
  gsize    n;
} CharRun;

/* Decodes up to MAX_CELL_CHARS characters of @text; stops at invalid UTF-8 or
 * a NUL. Returns FALSE when it stopped early because of invalid bytes and
 * @stop_on_invalid is set, or when the text has more characters than fit. */
static gboolean
char_run_decode (CharRun *run, const char *text, gsize len, gboolean whole)
{
  gsize pos = 0;

  run->n = 0;
  while (pos < len)
    {
      gunichar c = g_utf8_get_char_validated (text + pos, (gssize) (len - pos));

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        break;
      if (run->n == MAX_CELL_CHARS)
        {
          run->starts[run->n] = pos;
          return !whole;
        }
      run->chars[run->n] = c;
      run->starts[run->n] = pos;
      run->n++;
      pos = (gsize) (g_utf8_next_char (text + pos) - text);
    }
  run->starts[run->n] = pos;
  return !whole || pos == len;
}

static gboolean
run_matches (const CharRun *run, gsize at, const char *word)
{
  const char *p = word;

  while (*p)
    {
      if (at >= run->n || run->chars[at] != g_utf8_get_char (p))
        return FALSE;
      at++;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

static gsize
word_chars (const char *word)
{
  return (gsize) g_utf8_strlen (word, -1);
}

/* Units the forms print, Traditional and Simplified, with the Simplified form
 * stored. Longest first where one is the prefix of another. */
static const struct
{
  const char *printed;
  const char *unit;
} known_units[] = {
  { "万元", "万元" }, { "萬元", "万元" }, { "亿元", "亿元" }, { "億元", "亿元" },
  { "人次", "人次" }, { "件次", "件次" }, { "个工作日", "个工作日" }, { "個工作日", "个工作日" },
  { "工作日", "工作日" },
  { "项", "项" }, { "項", "项" }, { "件", "件" }, { "条", "条" }, { "條", "条" },
  { "次", "次" }, { "个", "个" }, { "個", "个" }, { "张", "张" }, { "張", "张" },
  { "人", "人" }, { "元", "元" }, { "宗", "宗" }, { "篇", "篇" }, { "份", "份" },
  { "户", "户" }, { "戶", "户" }, { "家", "家" }, { "期", "期" }, { "场", "场" },
  { "場", "场" }, { "天", "天" }, { "日", "日" }, { "起", "起" }, { "批", "批" },
  { "%", "%" }, { "％", "%" }, { "‰", "‰" },
};

/* Traditional characters that may appear in unknown units. */
static const struct
{
  gunichar traditional;
  gunichar simplified;
} unit_t2s[] = {
  { 0x9805, 0x9879 }, /* 項 项 */
  { 0x689D, 0x6761 }, /* 條 条 */
  { 0x500B, 0x4E2A }, /* 個 个 */
  { 0x5F35, 0x5F20 }, /* 張 张 */
  { 0x842C, 0x4E07 }, /* 萬 万 */
  { 0x5104, 0x4EBF }, /* 億 亿 */
  { 0x6236, 0x6237 }, /* 戶 户 */
  { 0x5834, 0x573A }, /* 場 场 */
  { 0x7B46, 0x7B14 }, /* 筆 笔 */
  { 0x96BB, 0x53EA }, /* 隻 只 */
  { 0x554F, 0x95EE }, /* 問 问 */
  { 0x9801, 0x9875 }, /* 頁 页 */
  { 0x7D44, 0x7EC4 }, /* 組 组 */
  { 0x8F2A, 0x8F6E }, /* 輪 轮 */
  { 0x6B21, 0x6B21 },
};

static void
set_unit (CfNumber *out, const char *unit)
{
  g_strlcpy (out->unit, unit, sizeof out->unit);
}

/* Matches a known unit at @at; returns the characters taken (0 when none). */
static gsize
match_known_unit (const CharRun *run, gsize at, CfNumber *out)
{
  for (gsize k = 0; k < G_N_ELEMENTS (known_units); k++)
    if (run_matches (run, at, known_units[k].printed))
      {
        set_unit (out, known_units[k].unit);
        return word_chars (known_units[k].printed);
      }
  return 0;
}

static gunichar
unit_char_simplified (gunichar c)
{
  for (gsize k = 0; k < G_N_ELEMENTS (unit_t2s); k++)
    if (unit_t2s[k].traditional == c)
      return unit_t2s[k].simplified;
  return c;
}

/* Footnote marks: * ＊ ※ † ‡ ①-⑳ ⑴-⒇ ❶-❿, or 注 with an optional number. */
static gsize
match_footnote (const CharRun *run, gsize at)
{
  gsize i = at;

  while (i < run->n)
    {
      gunichar c = run->chars[i];

      if (c == '*' || c == 0xFF0A || c == 0x203B || c == 0x2020 || c == 0x2021
          || (c >= 0x2460 && c <= 0x2487) || (c >= 0x2776 && c <= 0x277F))
        i++;
      else if (c == 0x6CE8 /* 注 */)
        {
          i++;
          while (i < run->n && digit_value (run->chars[i]) >= 0)
            i++;
        }
      else
        break;
    }
  return i - at;
}

static gsize
skip_spaces (const CharRun *run, gsize at)
{
  while (at < run->n && is_space_char (run->chars[at]))
    at++;
  return at;
}

/* Reads Arabic digits with thousands separators and a decimal part into
 * @digits (ASCII, for g_ascii_strtod). Returns the characters taken, 0 when
 * no digit starts at @at. A comma only separates thousands when exactly
 * three digits follow it, so "12,其中" and "12,34" stop at the comma. */
static gsize
read_arabic (const CharRun *run, gsize at, char digits[MAX_DIGITS + 1], gboolean *has_decimals)
{
  gsize i = at, n_digits = 0;

  *has_decimals = FALSE;
  if (at >= run->n || digit_value (run->chars[at]) < 0)
    return 0;

  while (i < run->n)
    {
      int d = digit_value (run->chars[i]);

      if (d >= 0)
        {
          if (n_digits < MAX_DIGITS)
            digits[n_digits++] = (char) ('0' + d);
          i++;
        }
      else if (is_comma (run->chars[i]) && !*has_decimals && i + 3 < run->n
               && digit_value (run->chars[i + 1]) >= 0 && digit_value (run->chars[i + 2]) >= 0
               && digit_value (run->chars[i + 3]) >= 0
               && (i + 4 >= run->n || digit_value (run->chars[i + 4]) < 0))
        i++;
      else if (is_point (run->chars[i]) && !*has_decimals && i + 1 < run->n
               && digit_value (run->chars[i + 1]) >= 0)
        {
          *has_decimals = TRUE;
          if (n_digits < MAX_DIGITS)
            digits[n_digits++] = '.';
          i++;
        }
      else
        break;
    }
  digits[n_digits] = '\0';
  return i - at;
}

/* After the digits: a multiplier (万, 亿, except in 万元 / 亿元) and an
 * approximation mark (余, 多). Returns the characters taken. */
static gsize
read_multiplier (const CharRun *run, gsize at, CfNumber *out)
{
  gsize i = at;

  if (i < run->n && (is_wan (run->chars[i]) || is_yi (run->chars[i]))
      && !(i + 1 < run->n && run->chars[i + 1] == 0x5143 /* 元 */))
    {
      out->value *= is_wan (run->chars[i]) ? 1e4 : 1e8;
      i++;
      /* 1亿2千万 and the like are prose; cells do not print them. */
    }
  if (i < run->n && is_approx_mark (run->chars[i]))
    {
      out->approximate = TRUE;
      i++;
    }
  return i - at;
}

static gboolean
digits_to_value (const char *digits, CfNumber *out)
{
  char *end = NULL;
  double v = g_ascii_strtod (digits, &end);

  if (end == digits || !isfinite (v))
    return FALSE;
  out->value = v;
  return TRUE;
}

static const char *const approx_prefixes[] = {
  "大约", "大約", "约计", "約計", "约", "約", "超过", "超過", "逾", "近",
};

static gsize
read_approx_prefix (const CharRun *run, gsize at, CfNumber *out)
{
  for (gsize k = 0; k < G_N_ELEMENTS (approx_prefixes); k++)
    if (run_matches (run, at, approx_prefixes[k]))
      {
        out->approximate = TRUE;
        return word_chars (approx_prefixes[k]);
      }
  return 0;
}

static gboolean
is_placeholder (const CharRun *run, gsize from, gsize to)
{
  static const char *const words[] = {
    "无", "無", "不适用", "不適用", "暂无", "暫無", "/", "／", "\\", "N/A", "n/a", "NA", "/ /",
  };
  gsize n = to - from;
  gboolean all_dashes = n > 0 && n <= 6;

  for (gsize i = from; i < to && all_dashes; i++)
    all_dashes = is_dash (run->chars[i]);
  if (all_dashes)
    return TRUE;

  for (gsize k = 0; k < G_N_ELEMENTS (words); k++)
    if (word_chars (words[k]) == n && run_matches (run, from, words[k]))
      return TRUE;
  return FALSE;
}

void
cf_number_parse (const char *text, gssize len, CfNumber *out)
{
  CharRun run;
  gsize byte_len, from, to, i, taken;
  char digits[MAX_DIGITS + 1];
  gboolean negative = FALSE, paren = FALSE, has_decimals = FALSE;

  memset (out, 0, sizeof *out);
  out->kind = CF_NUMBER_BLANK;
  if (text == NULL)
    return;
  byte_len = len < 0 ? strlen (text) : (gsize) len;

  /* Skip leading whitespace in bytes so that long padding does not count. */
  while (byte_len > 0 && (*text == ' ' || *text == '\t' || *text == '\r' || *text == '\n'))
    text++, byte_len--;
  while (byte_len > 0 && (text[byte_len - 1] == ' ' || text[byte_len - 1] == '\t'
                          || text[byte_len - 1] == '\r' || text[byte_len - 1] == '\n'))
    byte_len--;

  if (!char_run_decode (&run, text, byte_len, TRUE))
    {
      out->kind = CF_NUMBER_TEXT;
      return;
    }

  from = skip_spaces (&run, 0);
  to = run.n;
  while (to > from && is_space_char (run.chars[to - 1]))
    to--;
  if (from == to || is_placeholder (&run, from, to))
    return;

  out->kind = CF_NUMBER_TEXT;
  /* Decode up to `to` only from here on. */
  run.n = to;
  i = from;
  i += read_approx_prefix (&run, i, out);
  i = skip_spaces (&run, i);

  if (i < run.n && (run.chars[i] == '(' || run.chars[i] == 0xFF08))
    {
      paren = TRUE;
      i = skip_spaces (&run, i + 1);
    }
  if (i < run.n && is_minus (run.chars[i]))
    negative = TRUE, i++;
  else if (i < run.n && is_plus (run.chars[i]))
    i++;

  taken = read_arabic (&run, i, digits, &has_decimals);
  if (taken == 0 || !digits_to_value (digits, out))
    {
      out->approximate = FALSE;
      return;
    }
  i += taken;

  if (paren)
    {
      i = skip_spaces (&run, i);
      if (i >= run.n || (run.chars[i] != ')' && run.chars[i] != 0xFF09))
        goto not_a_number;
      /* "(1)" and "（12）" number the items of a list; only amounts such as
       * "(1,234)", "(12.5)" or "(123)" are negatives in parentheses. */
      if (!has_decimals && strlen (digits) <= 2 && taken <= 2)
        goto not_a_number;
      negative = !negative;
      i++;
    }

  i += read_multiplier (&run, i, out);
  i += match_footnote (&run, i);
  i = skip_spaces (&run, i);

  if (i < run.n)
    {
      taken = match_known_unit (&run, i, out);
      if (taken == 0 && is_han (run.chars[i]) && !run_matches (&run, i, "左右"))
        {
          /* An unknown unit word: a short run of Han characters. */
          gsize end = i, n_bytes = 0;
          GString *unit = NULL;

          while (end < run.n && is_han (run.chars[end]) && !is_approx_mark (run.chars[end])
                 && !run_matches (&run, end, "左右") && run.chars[end] != 0x6CE8 /* 注 */)
            end++;
          if (end - i > MAX_UNKNOWN_UNIT_CHARS)
            goto not_a_number;
          unit = g_string_new (NULL);
          for (gsize k = i; k < end; k++)
            g_string_append_unichar (unit, unit_char_simplified (run.chars[k]));
          n_bytes = unit->len;
          if (n_bytes < sizeof out->unit)
            set_unit (out, unit->str);
          g_string_free (unit, TRUE);
          if (n_bytes >= sizeof out->unit)
            goto not_a_number;
          taken = end - i;
        }
      i += taken;
      if (i < run.n && is_approx_mark (run.chars[i]))
        out->approximate = TRUE, i++;
      if (run_matches (&run, i, "左右"))
        out->approximate = TRUE, i += 2;
      i += match_footnote (&run, i);
      i = skip_spaces (&run, i);
    }

  if (i != run.n)
    goto not_a_number;

  if (negative)
    out->value = -out->value;
  if (out->value == 0.0)
    out->value = 0.0; /* no -0 */
  out->has_decimals = has_decimals;
  out->kind = CF_NUMBER_VALUE;
  return;

not_a_number:
  memset (out, 0, sizeof *out);
  out->kind = CF_NUMBER_TEXT;
}

gboolean
cf_number_is_blank_text (const char *text, gssize len)
{
  CfNumber n;

  cf_number_parse (text, len, &n);
  return n.kind == CF_NUMBER_BLANK;
}

gboolean
cf_number_is_value_text (const char *text, gssize len)
{
  CfNumber n;

  cf_number_parse (text, len, &n);
  return n.kind == CF_NUMBER_VALUE;
}

/* Chinese numerals ------------------------------------------------------- */

static int
chinese_digit (gunichar c)
{
  switch (c)
    {
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */
      return 0;
    case 0x4E00: /* 一 */
    case 0x58F9: /* 壹 */
      return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
    case 0x5169: /* 兩 */
    case 0x8D30: /* 贰 */
    case 0x8CB3: /* 貳 */
      return 2;
    case 0x4E09: /* 三 */
    case 0x53C1: /* 叁 */
      return 3;
    case 0x56DB: /* 四 */
    case 0x8086: /* 肆 */
      return 4;
    case 0x4E94: /* 五 */
    case 0x4F0D: /* 伍 */
      return 5;
    case 0x516D: /* 六 */
    case 0x9678: /* 陸 */
    case 0x9646: /* 陆 */
      return 6;
    case 0x4E03: /* 七 */
    case 0x67D2: /* 柒 */
      return 7;
    case 0x516B: /* 八 */
    case 0x634C: /* 捌 */
      return 8;
    case 0x4E5D: /* 九 */
    case 0x7396: /* 玖 */
      return 9;
    default:
      return -1;
    }
}

static double
chinese_small_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: /* 十 */
    case 0x62FE: /* 拾 */
      return 10;
    case 0x767E: /* 百 */
    case 0x4F70: /* 佰 */
      return 100;
    case 0x5343: /* 千 */
    case 0x4EDF: /* 仟 */
      return 1000;
    default:
      return 0;
    }
}

/* Reads 一百二十三, 两千, 十五, 三万四千五百, 一千零五. Returns characters taken. */
static gsize
read_chinese (const CharRun *run, gsize at, double *value)
{
  double total = 0, section = 0, digit = 0;
  gboolean have_digit = FALSE, any = FALSE;
  gsize i = at, last_good = at;

  /* 二〇二〇: digits one by one, as years are written. */
  if (at + 1 < run->n && chinese_digit (run->chars[at]) >= 0
      && chinese_digit (run->chars[at + 1]) >= 0)
    {
      double positional = 0;

      while (i < run->n && chinese_digit (run->chars[i]) >= 0 && i - at < 16)
        positional = positional * 10 + chinese_digit (run->chars[i++]);
      *value = positional;
      return i - at;
    }

  while (i < run->n)
    {
      gunichar c = run->chars[i];
      int d = chinese_digit (c);
      double small = chinese_small_unit (c);

      if (d >= 0)
        {
          /* 二三 is not a number; 一千零五 is. */
          if (have_digit && digit != 0)
            break;
          digit = d;
          have_digit = TRUE;
        }
      else if (small > 0)
        {
          /* 十五 and 一千零十: a unit without its digit counts once. */
          section += (have_digit && digit != 0 ? digit : 1) * small;
          digit = 0;
          have_digit = FALSE;
        }
      else if (is_wan (c) || is_yi (c))
        {
          double big = is_wan (c) ? 1e4 : 1e8;

          if (!any)
            break;
          if (is_yi (c))
            {
              total = (total + section + digit) * big;
            }
          else
            total += (section + digit) * big;
          section = 0;
          digit = 0;
          have_digit = FALSE;
        }
      else
        break;
      any = TRUE;
      i++;
      last_good = i;
    }

  if (last_good == at)
    return 0;
  *value = total + section + digit;
  return last_good - at;
}

/* After "3万" or "1亿": "4千" or "2000万" completes the number. */
static gsize
read_mixed_rest (const CharRun *run, gsize at, CfNumber *out)
{
  char digits[MAX_DIGITS + 1];
  gboolean has_decimals = FALSE;
  gsize taken = read_arabic (run, at, digits, &has_decimals);
  gunichar next;
  double part;

  if (taken == 0 || at + taken >= run->n || has_decimals)
    return 0;
  next = run->chars[at + taken];
  part = g_ascii_strtod (digits, NULL);
  if (next == 0x5343 /* 千 */)
    part *= 1e3;
  else if (next == 0x767E /* 百 */)
    part *= 1e2;
  else if (is_wan (next) && out->value >= 1e8)
    part *= 1e4;
  else
    return 0;
  out->value += part;
  return taken + 1;
}

static gsize
bytes_of (const CharRun *run, gsize from_char, gsize to_char)
{
  return run->starts[to_char] - run->starts[from_char];
}

gsize
cf_number_scan_prose (const char *text, gsize len, CfNumber *out)
{
  CharRun run;
  char digits[MAX_DIGITS + 1];
  gboolean has_decimals = FALSE;
  gsize i = 0, taken, before;

  memset (out, 0, sizeof *out);
  out->kind = CF_NUMBER_TEXT;
  if (text == NULL || len == 0)
    return 0;

  /* A number in prose is short; 128 characters are plenty. */
  char_run_decode (&run, text, len, FALSE);
  if (run.n == 0)
    return 0;

  taken = read_arabic (&run, i, digits, &has_decimals);
  if (taken > 0)
    {
      if (!digits_to_value (digits, out))
        return 0;
      out->has_decimals = has_decimals;
      i += taken;
      if (i < run.n && run.chars[i] == 0x5343 /* 千 */)
        {
          out->value *= 1000;
          i++;
        }
      before = i;
      i += read_multiplier (&run, i, out);
      /* 3万4千 and 1亿2000万 mix digits and multipliers. */
      if (i > before && !out->approximate
          && (is_wan (run.chars[i - 1]) || is_yi (run.chars[i - 1])))
        i += read_mixed_rest (&run, i, out);
      if (i < run.n && is_approx_mark (run.chars[i]) && !out->approximate)
        out->approximate = TRUE, i++;
    }
  else
    {
      double value = 0;

      taken = read_chinese (&run, i, &value);
      if (taken == 0)
        return 0;
      out->value = value;
      i += taken;
      if (i < run.n && is_approx_mark (run.chars[i]))
        out->approximate = TRUE, i++;
    }

  i += match_known_unit (&run, i, out);
  if (run_matches (&run, i, "左右"))
    out->approximate = TRUE, i += 2;
  out->kind = CF_NUMBER_VALUE;
  return bytes_of (&run, 0, i);
}

/* Printing --------------------------------------------------------------- */

gboolean
cf_number_is_integer (double value)
{
  if (!isfinite (value))
    return FALSE;
  return fabs (value - nearbyint (value)) <= 1e-9 * MAX (1.0, fabs (value));
}

char *
cf_number_format (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 400];
  char *end;

  if (!isfinite (value))
    return g_strdup ("");
  if (cf_number_is_integer (value))
    {
      double rounded = nearbyint (value);

      if (fabs (rounded) < 9e15)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) rounded + 0);
      g_ascii_formatd (buf, sizeof buf, "%.0f", rounded);
      return g_strdup (buf);
    }
  /* Six decimals, trailing zeros dropped: 417.75, 99.98, 0.5. */
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    *--end = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}
