/* cf-normalize.c: making labels comparable across reports
 *
 * Reports print the same label in Traditional or Simplified characters, in
 * full- or half-width forms, with stray spaces and line breaks, and behind
 * an enumerator ("（三）", "3.", "三、") that differs between layouts. The
 * form matcher compares labels only after all of that is folded away.
 */
#include <string.h>
#include <opencc.h>
#include "cf-normalize.h"

/* OpenCC handles are not documented as thread-safe, and opening one reads
 * its dictionaries (tens of milliseconds): one handle, one lock, and a cache
 * because the same labels come back in every report. */
#define T2S_CACHE_MAX 20000

static GMutex      t2s_lock;
static opencc_t    t2s_handle;
static gboolean    t2s_tried;
static GHashTable *t2s_cache;

static gboolean
is_ascii_only (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* An OpenCC converter for @config (e.g. "s2t.json"), or NULL with a warning
 * when its dictionaries cannot be read. */
static opencc_t
open_converter (const char *config)
{
  opencc_t handle = opencc_open (config);

  if (handle == (opencc_t) -1)
    {
      g_warning ("OpenCC: cannot open %s: %s", config, opencc_error ());
      return NULL;
    }
  return handle;
}

/* @text through @handle; NULL when there is no handle or OpenCC failed. */
static char *
convert (opencc_t handle, const char *text)
{
  char *converted;
  char *result;

  if (handle == NULL)
    return NULL;
  converted = opencc_convert_utf8 (handle, text, strlen (text));
  if (converted == NULL)
    return NULL;
  /* OpenCC's string goes back to OpenCC's allocator. */
  result = g_strdup (converted);
  opencc_convert_utf8_free (converted);
  return result;
}

char *
cf_normalize_t2s (const char *text)
{
  char *result = NULL;
  const char *cached;

  if (text == NULL)
    return NULL;
  /* OpenCC only changes Han characters: skip the lock for plain ASCII. */
  if (is_ascii_only (text) || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  g_mutex_lock (&t2s_lock);
  if (!t2s_tried)
    {
      t2s_tried = TRUE;
      t2s_handle = open_converter (OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
      t2s_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  cached = g_hash_table_lookup (t2s_cache, text);
  if (cached != NULL)
    result = g_strdup (cached);
  else if ((result = convert (t2s_handle, text)) != NULL)
    {
      if (g_hash_table_size (t2s_cache) >= T2S_CACHE_MAX)
        g_hash_table_remove_all (t2s_cache);
      g_hash_table_insert (t2s_cache, g_strdup (text), g_strdup (result));
    }
  g_mutex_unlock (&t2s_lock);

  return result != NULL ? result : g_strdup (text);
}

static GMutex   s2t_lock;
static opencc_t s2t_handle;
static gboolean s2t_tried;

char *
cf_normalize_s2t (const char *text)
{
  char *result = NULL;

  if (text == NULL)
    return NULL;
  if (is_ascii_only (text) || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  g_mutex_lock (&s2t_lock);
  if (!s2t_tried)
    {
      s2t_tried = TRUE;
      s2t_handle = open_converter ("s2t.json");
    }
  result = convert (s2t_handle, text);
  g_mutex_unlock (&s2t_lock);

  return result != NULL ? result : g_strdup (text);
}

char *
cf_normalize_width (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid UTF-8: keep the byte, there is nothing to fold. */
          g_string_append_c (out, *p);
          continue;
        }
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000)
        c = ' ';
      else if ((c >= 0x2E80 && c <= 0x2EF3) || (c >= 0x2F00 && c <= 0x2FD5))
        {
          /* Kangxi and supplementary radicals: PDFs whose fonts map glyphs
           * to them (wkhtmltopdf prints 行 as ⾏) mean the ideograph. */
          gunichar ideograph[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

          if (g_unichar_fully_decompose (c, TRUE, ideograph, G_N_ELEMENTS (ideograph)) == 1)
            c = ideograph[0];
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF;
}

static gboolean
is_han_numeral (gunichar c)
{
  return c != 0 && g_utf8_strchr ("一二三四五六七八九十百零〇两", -1, c) != NULL;
}

static gboolean
is_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_open_bracket (gunichar c)
{
  return c == '(' || c == 0xFF08 || c == '[' || c == 0xFF3B || c == 0x3014 || c == 0x3010;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == ')' || c == 0xFF09 || c == ']' || c == 0xFF3D || c == 0x3015 || c == 0x3011;
}

static gboolean
is_enumerator_mark (gunichar c)
{
  /* 、 . ， , ． ： : */
  return c == 0x3001 || c == '.' || c == 0xFF0E || c == ',' || c == 0xFF0C || c == ':'
         || c == 0xFF1A;
}

static gboolean
is_circled_number (gunichar c)
{
  return (c >= 0x2460 && c <= 0x2473) || (c >= 0x2776 && c <= 0x277F);
}

static const char *
skip_spaces (const char *p)
{
  while (*p && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Skips a run of numerals of one kind; returns @p when there is none. */
static const char *
skip_numerals (const char *p, gboolean *han)
{
  const char *start = p;
  gboolean first_han = is_han_numeral (g_utf8_get_char (p));

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (first_han ? !is_han_numeral (c) : !is_digit (c))
        break;
      p = g_utf8_next_char (p);
    }
  if (han)
    *han = first_han;
  return p == start ? start : p;
}

/* One enumerator at @p, or @p itself when none starts there. */
static const char *
skip_one_enumerator (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *q;
  gboolean han;

  if (is_circled_number (c))
    return skip_spaces (g_utf8_next_char (p));

  /* (3) （三） [3] */
  if (is_open_bracket (c))
    {
      q = skip_spaces (g_utf8_next_char (p));
      const char *after = skip_numerals (q, NULL);
      if (after == q)
        return p;
      after = skip_spaces (after);
      if (!is_close_bracket (g_utf8_get_char (after)))
        return p;
      after = g_utf8_next_char (after);
      if (is_enumerator_mark (g_utf8_get_char (after)))
        after = g_utf8_next_char (after);
      return skip_spaces (after);
    }

  /* 第三、 第3. (but not 第二十条 / 第一项: those are words) */
  if (c == 0x7B2C /* 第 */)
    {
      q = g_utf8_next_char (p);
      const char *after = skip_numerals (q, NULL);
      gunichar next;

      if (after == q)
        return p;
      next = g_utf8_get_char (after);
      if (next != 0 && g_utf8_strchr ("条项章节款部类个次", -1, next) != NULL)
        return p;
      if (is_enumerator_mark (next))
        after = g_utf8_next_char (after);
      return skip_spaces (after);
    }

  /* 三、 3. 3、 3) 三(一): a numeral followed by a mark or a bracketed numeral */
  q = skip_numerals (p, &han);
  if (q != p)
    {
      gunichar next = g_utf8_get_char (q);

      if (is_enumerator_mark (next) || (!han && is_close_bracket (next)))
        {
          /* "3.5" is a number, not an enumerator */
          if ((next == '.' || next == 0xFF0E) && is_digit (g_utf8_get_char (g_utf8_next_char (q))))
            return p;
          return skip_spaces (g_utf8_next_char (q));
        }
      if (han && is_open_bracket (next))
        return q;
    }
  return p;
}

const char *
cf_normalize_skip_enumerator (const char *text)
{
  const char *p;

  if (text == NULL)
    return NULL;
  p = skip_spaces (text);
  /* "三（一）" and "1.（1）" stack two enumerators. */
  for (int i = 0; i < 3; i++)
    {
      const char *next = skip_one_enumerator (p);

      if (next == p)
        break;
      p = next;
    }
  return p;
}

static gunichar
unify_punctuation (gunichar c)
{
  switch (c)
    {
    case 0x3014: case 0x3010: case 0x3016: case '[': case '{':
      return '(';
    case 0x3015: case 0x3011: case 0x3017: case ']': case '}':
      return ')';
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F: case '\'': case 0x301D: case 0x301E:
      return '"';
    case 0x2014: case 0x2013: case 0x2015: case 0x2212:
      return '-';
    case 0x3001:
      return ',';
    case 0x3002:
      return '.';
    default:
      return c;
    }
}

char *
cf_normalize_label (const char *text)
{
  g_autofree char *simplified = NULL;
  g_autofree char *half = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  /* Width (and radicals) first: a radical may stand for a Traditional character. */
  half = cf_normalize_width (text);
  simplified = cf_normalize_t2s (half);

  out = g_string_sized_new (strlen (simplified));
  for (const char *p = cf_normalize_skip_enumerator (simplified); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        continue;
      if (is_space (c))
        continue;
      g_string_append_unichar (out, unify_punctuation (c));
    }
  /* Removing spaces can expose a prefix ("三 、"): strip again. */
  {
    const char *rest = cf_normalize_skip_enumerator (out->str);
    if (rest != out->str)
      g_string_erase (out, 0, rest - out->str);
  }
  return g_string_free (out, FALSE);
}

int
cf_normalize_enumerator_depth (const char *text)
{
  const char *p, *q;
  gunichar c;
  gboolean han;

  if (text == NULL)
    return 0;
  p = skip_spaces (text);
  c = g_utf8_get_char (p);
  if (is_circled_number (c))
    return 5;
  if (is_open_bracket (c))
    {
      q = skip_spaces (g_utf8_next_char (p));
      const char *after = skip_numerals (q, &han);

      if (after == q || !is_close_bracket (g_utf8_get_char (skip_spaces (after))))
        return 0;
      return han ? 2 : 4;
    }
  q = skip_numerals (p, &han);
  if (q == p)
    return 0;
  c = g_utf8_get_char (q);
  if ((c == '.' || c == 0xFF0E) && is_digit (g_utf8_get_char (g_utf8_next_char (q))))
    return 0; /* 3.5 is a number */
  if (is_enumerator_mark (c) || (!han && is_close_bracket (c)) || (han && is_open_bracket (c)))
    return han ? 1 : 3;
  return 0;
}

/* Where the words of a part that starts at @p begin: after its enumerators. */
static const char *
part_words (const char *p)
{
  return cf_normalize_skip_enumerator (p);
}

GStrv
cf_normalize_split_groups (const char *text)
{
  g_autoptr (GPtrArray) parts = NULL;
  const char *part, *p;
  int part_depth;

  if (text == NULL)
    return NULL;
  part = skip_spaces (text);
  part_depth = cf_normalize_enumerator_depth (part);
  for (p = part; *p; p = g_utf8_next_char (p))
    {
      const char *next, *end;
      int depth;

      if (!is_space (g_utf8_get_char (p)))
        continue;
      end = p;
      next = skip_spaces (p);
      depth = cf_normalize_enumerator_depth (next);
      /* A sub-label: an enumerator deeper than this part's, words after
       * it, and words in this part before the blank. */
      if (depth == 0 || (part_depth != 0 && depth <= part_depth) || *part_words (next) == '\0'
          || part_words (part) >= end)
        {
          p = g_utf8_prev_char (next);
          continue;
        }
      if (parts == NULL)
        parts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (parts, g_strndup (part, end - part));
      part = next;
      part_depth = depth;
      p = g_utf8_prev_char (next);
    }
  if (parts == NULL)
    return NULL;
  {
    const char *end = part + strlen (part);

    while (end > part && is_space (g_utf8_get_char (g_utf8_prev_char (end))))
      end = g_utf8_prev_char (end);
    g_ptr_array_add (parts, g_strndup (part, end - part));
  }
  g_ptr_array_add (parts, NULL);
  g_ptr_array_set_free_func (parts, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&parts), FALSE);
}
