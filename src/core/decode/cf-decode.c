/* cf-decode.c: turning a text file's bytes into UTF-8, whatever its encoding
 *
 * Reports reach us as UTF-8 (with or without a BOM), UTF-16 with a BOM,
 * GB18030/GBK or Big5, with any line ends. A BOM decides first; otherwise
 * uchardet guesses from the first 64 KiB and the guess is confirmed by
 * converting the whole input; when it fails (or is a single-byte Western
 * guess, which is never right for these reports) UTF-8, GB18030 and Big5 are
 * tried in turn. Everything is linear in the input size.
 */
#include "config.h"

#include <string.h>
#include <uchardet.h>
#include <glib/gi18n-lib.h>

#include "cf-decode.h"
#include "cf-error.h"

/* uchardet needs far less than this to make up its mind. */
#define SNIFF_BYTES ((gsize) 64 * 1024)

typedef enum
{
  BOM_NONE,
  BOM_UTF8,
  BOM_UTF16LE,
  BOM_UTF16BE,
} BomKind;

static BomKind
detect_bom (const guint8 *data, gsize len, gsize *bom_len)
{
  *bom_len = 0;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *bom_len = 3;
      return BOM_UTF8;
    }
  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *bom_len = 2;
      return BOM_UTF16LE;
    }
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *bom_len = 2;
      return BOM_UTF16BE;
    }
  return BOM_NONE;
}

/* Signatures of the binary files people most often pick by mistake. */
static gboolean
has_binary_magic (const guint8 *data, gsize len)
{
  static const struct
  {
    const char *bytes;
    gsize       len;
  } magics[] = {
    { "\x89PNG\r\n\x1a\n", 8 },     /* PNG */
    { "PK\x03\x04", 4 },            /* ZIP, DOCX, XLSX, ODT */
    { "PK\x05\x06", 4 },            /* empty ZIP */
    { "\x7f" "ELF", 4 },            /* executables */
    { "GIF87a", 6 },
    { "GIF89a", 6 },
    { "\xff\xd8\xff", 3 },          /* JPEG */
    { "\x1f\x8b", 2 },              /* gzip */
    { "BZh", 3 },                   /* bzip2 (followed by a digit, checked below) */
    { "\xfd" "7zXZ\x00", 6 },       /* xz */
    { "7z\xbc\xaf\x27\x1c", 6 },    /* 7-Zip */
    { "Rar!\x1a\x07", 6 },          /* RAR */
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8 }, /* OLE: .doc, .xls, .wps */
    { "II*\x00", 4 },               /* TIFF */
    { "MM\x00*", 4 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (magics); i++)
    if (len >= magics[i].len && memcmp (data, magics[i].bytes, magics[i].len) == 0)
      {
        if (magics[i].bytes[0] == 'B' && (len < 4 || !g_ascii_isdigit (data[3])))
          continue;
        return TRUE;
      }
  return FALSE;
}

/* Control bytes a text file does not contain (tab, line ends, form feed,
 * vertical tab, escape and the DOS end-of-file mark are tolerated). */
static gboolean
is_odd_control (guint8 c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
         c != 0x1b && c != 0x1a;
}

/* NUL bytes (outside UTF-16) or many control bytes near the start: binary. */
static gboolean
looks_binary (const guint8 *data, gsize len)
{
  gsize sample = MIN (len, SNIFF_BYTES);
  gsize n_control = 0;

  if (has_binary_magic (data, len))
    return TRUE;
  if (memchr (data, '\0', len) != NULL)
    return TRUE;
  for (gsize i = 0; i < sample; i++)
    if (is_odd_control (data[i]))
      n_control++;
  /* A stray control character or two happens in real reports. */
  return n_control > 8 && n_control * 100 > sample;
}

/* UTF-16 without a BOM still shows itself when most of its text is ASCII:
 * every other byte is NUL. Returns "UTF-16LE", "UTF-16BE" or NULL. */
static const char *
guess_bomless_utf16 (const guint8 *data, gsize len)
{
  gsize sample = MIN (len, SNIFF_BYTES) & ~(gsize) 1;
  gsize even_nuls = 0, odd_nuls = 0;

  if (sample < 4)
    return NULL;
  for (gsize i = 0; i < sample; i += 2)
    {
      even_nuls += data[i] == 0;
      odd_nuls += data[i + 1] == 0;
    }
  /* Two thirds of the characters ASCII, and NULs only on one side. */
  if (odd_nuls * 3 >= sample && even_nuls == 0)
    return "UTF-16LE";
  if (even_nuls * 3 >= sample && odd_nuls == 0)
    return "UTF-16BE";
  return NULL;
}

/* Maps uchardet's name to the iconv name we decode with, or NULL when the
 * guess is not one we trust for Chinese reports (single-byte Western sets,
 * unknown). GB2312 and GBK are subsets of GB18030. */
static const char *
candidate_for_guess (const char *guess)
{
  static const char *const gb_names[] = { "GB18030", "GB2312", "GBK", "CP936", "EUC-CN", "X-GBK" };

  if (guess == NULL || *guess == '\0')
    return NULL;
  if (g_ascii_strcasecmp (guess, "ASCII") == 0 || g_ascii_strcasecmp (guess, "UTF-8") == 0)
    return "UTF-8";
  for (gsize i = 0; i < G_N_ELEMENTS (gb_names); i++)
    if (g_ascii_strcasecmp (guess, gb_names[i]) == 0)
      return "GB18030";
  if (g_ascii_strncasecmp (guess, "BIG5", 4) == 0 || g_ascii_strcasecmp (guess, "CP950") == 0)
    return "BIG5";
  if (g_ascii_strcasecmp (guess, "EUC-TW") == 0)
    return "EUC-TW";
  return NULL;
}

static char *
detect_with_uchardet (const guint8 *data, gsize len)
{
  uchardet_t ud = uchardet_new ();
  char *charset = NULL;

  if (uchardet_handle_data (ud, (const char *) data, MIN (len, SNIFF_BYTES)) == 0)
    {
      uchardet_data_end (ud);
      charset = g_strdup (uchardet_get_charset (ud));
    }
  uchardet_delete (ud);
  return charset;
}

/* Copies @text with CRLF and lone CR turned into LF; NUL-terminated. */
static char *
normalize_line_ends (const char *text, gsize len, gsize *out_len)
{
  char *out = g_malloc (len + 1);
  const char *p = text, *end = text + len;
  char *w = out;

  while (p < end)
    {
      const char *cr = memchr (p, '\r', end - p);

      if (cr == NULL)
        {
          memcpy (w, p, end - p);
          w += end - p;
          break;
        }
      memcpy (w, p, cr - p);
      w += cr - p;
      *w++ = '\n';
      p = cr + 1;
      if (p < end && *p == '\n')
        p++;
    }
  *w = '\0';
  *out_len = w - out;
  return out;
}

/* TRUE when @text holds nothing but white space (ASCII, no-break, ideographic)
 * and stray BOMs. Stops at the first visible character. */
static gboolean
is_blank_text (const char *text, gsize len)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x3000 && c != 0x00A0)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* TRUE when @text holds Private Use Area characters (U+E000..U+F8FF, UTF-8
 * EE xx xx and EF 80..A3 xx): glibc's BIG5 maps the Hong Kong extensions
 * there, so such text wants BIG5-HKSCS. */
static gboolean
has_private_use_chars (const char *text, gsize len)
{
  const guint8 *p = (const guint8 *) text, *end = p + len;

  if (memchr (p, 0xEE, len) != NULL)
    return TRUE;
  while (p < end && (p = memchr (p, 0xEF, end - p)) != NULL)
    {
      if (p + 1 < end && p[1] >= 0x80 && p[1] <= 0xA3)
        return TRUE;
      p++;
    }
  return FALSE;
}

/* The attempts made so far, for the error message and to try each once. */
typedef struct
{
  const guint8 *data;
  gsize         len;
  GString      *why;
  GPtrArray    *tried;
} Attempts;

/* Decodes with @charset (line ends normalised), or returns NULL and notes
 * where it failed. g_convert's bytes_read gives that place. */
static char *
try_decode (Attempts *attempts, const char *charset, gsize *out_len)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *converted = NULL;
  gsize converted_len = 0, bytes_read = 0;
  const char *data = (const char *) attempts->data;

  for (guint i = 0; i < attempts->tried->len; i++)
    if (g_ascii_strcasecmp (attempts->tried->pdata[i], charset) == 0)
      return NULL;
  g_ptr_array_add (attempts->tried, (gpointer) charset);

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      const char *end = NULL;

      if (g_utf8_validate_len (data, attempts->len, &end))
        return normalize_line_ends (data, attempts->len, out_len);
      bytes_read = end - data;
    }
  else
    {
      converted = g_convert (data, attempts->len, "UTF-8", charset, &bytes_read, &converted_len,
                             &local_error);
      if (converted != NULL)
        return normalize_line_ends (converted, converted_len, out_len);
    }

  if (attempts->why->len > 0)
    g_string_append (attempts->why, C_("list separator", ", "));
  /* Translators: an encoding (GB18030, BIG5…) that cannot read the file from
   * the byte at this offset on; the byte's value follows in hex. */
  g_string_append_printf (attempts->why, _("%s fails at byte %lu (0x%02X)"), charset,
                          (unsigned long) bytes_read,
                          bytes_read < attempts->len ? attempts->data[bytes_read] : 0);
  return NULL;
}

/* How Chinese @text reads: the share of its first characters that are among
 * the commonest in reports, Simplified or Traditional. Decoding Big5 bytes
 * as GB18030 (or the reverse) mostly succeeds but yields rare characters. */
static guint
chinese_score (const char *text, gsize len)
{
  static const char common[] =
    "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會"
    "可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着等部度"
    "家力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開"
    "它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你"
    "明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代"
    "想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資"
    "边邊流路级級少图圖山统統接知较較将將组組见見计計别別手角期根论論运運农農指几幾九区區强強放"
    "决決西被干做必战戰先回则則任取据據处處府研信息申请請局市县縣省件依复復议議诉訴讼訟收费費";
  const char *p = text, *end = text + MIN (len, 16384);
  guint n_common = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x3400)
        {
          char utf8[8] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          n_common += strstr (common, utf8) != NULL;
        }
      p = g_utf8_next_char (p);
    }
  return n_common;
}

/* UTF-8 with some sequences broken (a converter that counted bytes as
 * columns and cut characters in half, as html2text 1.3.2a does): most of
 * its non-ASCII text is valid UTF-8. Returns the text with U+FFFD for each
 * broken run, or NULL when the bytes are not that. */
static char *
salvage_utf8 (const guint8 *data, gsize len, CfDecodeDamage *damage)
{
  g_autoptr (GString) out = NULL;
  const char *p = (const char *) data, *end = p + len;
  gsize n_valid = 0, n_runs = 0, first = 0;
  gboolean in_run = FALSE;

  out = g_string_sized_new (len + 16);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          if (!in_run)
            {
              if (n_runs++ == 0)
                first = (gsize) (p - (const char *) data);
              g_string_append (out, "\xEF\xBF\xBD");
            }
          in_run = TRUE;
          p++;
          continue;
        }
      in_run = FALSE;
      n_valid += c >= 0x80;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  /* Mostly text that was UTF-8: many valid characters, few broken runs. */
  if (n_runs == 0 || n_valid < 16 || n_runs * 4 > n_valid)
    return NULL;
  damage->n_broken = n_runs;
  damage->first_broken = first;
  return normalize_line_ends (out->str, out->len, &damage->text_len);
}

char *
cf_decode_text (const guint8 *data, gsize len, const char *name, char **encoding,
                gsize *out_len, GError **error)
{
  return cf_decode_text_salvage (data, len, name, encoding, out_len, NULL, error);
}

char *
cf_decode_text_salvage (const guint8 *data, gsize len, const char *name, char **encoding,
                        gsize *out_len, CfDecodeDamage *damage, GError **error)
{
  g_autoptr (GString) why = g_string_new (NULL);
  g_autoptr (GPtrArray) tried = g_ptr_array_new ();
  g_autofree char *guess = NULL;
  Attempts attempts = { 0 };
  const char *trusted = NULL;
  gsize bom_len = 0;
  BomKind bom;
  char *text = NULL;
  gsize text_len = 0;
  const char *used = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (encoding != NULL && out_len != NULL, NULL);

  bom = detect_bom (data, len, &bom_len);
  if (len == bom_len)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  attempts.data = data + bom_len;
  attempts.len = len - bom_len;
  attempts.why = why;
  attempts.tried = tried;

  if (bom == BOM_UTF16LE || bom == BOM_UTF16BE)
    {
      used = bom == BOM_UTF16LE ? "UTF-16LE" : "UTF-16BE";
      if (attempts.len % 2 != 0)
        {
          /* Translators: the file's name, then its encoding (UTF-16LE or UTF-16BE). */
          g_set_error (error, CF_ERROR, CF_ERROR_ENCODING,
                       _("%s: the %s text is truncated (an odd number of bytes)"), name, used);
          return NULL;
        }
      text = try_decode (&attempts, used, &text_len);
    }
  else if (bom == BOM_UTF8)
    {
      used = "UTF-8";
      if (looks_binary (attempts.data, attempts.len))
        goto binary;
      text = try_decode (&attempts, used, &text_len);
    }
  else
    {
      const char *utf16 = guess_bomless_utf16 (attempts.data, attempts.len);

      if (utf16 != NULL && attempts.len % 2 == 0)
        text = try_decode (&attempts, used = utf16, &text_len);
      else if (looks_binary (attempts.data, attempts.len))
        goto binary;

      if (text == NULL)
        {
          guess = detect_with_uchardet (attempts.data, attempts.len);
          trusted = candidate_for_guess (guess);
          if (trusted != NULL)
            text = try_decode (&attempts, used = trusted, &text_len);
        }
      if (text == NULL)
        text = try_decode (&attempts, used = "UTF-8", &text_len);
      if (text == NULL)
        {
          text = try_decode (&attempts, used = "GB18030", &text_len);
          /* Big5 bytes mostly decode as GB18030 too, into rare characters:
           * without uchardet's word, the text that reads better wins. */
          if (text != NULL && trusted == NULL)
            {
              gsize big5_len = 0;
              char *big5 = try_decode (&attempts, "BIG5", &big5_len);

              if (big5 != NULL && chinese_score (big5, big5_len) > chinese_score (text, text_len))
                {
                  g_free (text);
                  text = big5;
                  text_len = big5_len;
                  used = "BIG5";
                }
              else
                g_free (big5);
            }
        }
      if (text == NULL)
        text = try_decode (&attempts, used = "BIG5", &text_len);

      /* glibc's BIG5 puts the Hong Kong extensions (〇 among them) in the
       * Private Use Area; BIG5-HKSCS reads them. */
      if (g_strcmp0 (used, "BIG5") == 0 && (text == NULL || has_private_use_chars (text, text_len)))
        {
          gsize hkscs_len = 0;
          char *hkscs = try_decode (&attempts, "BIG5-HKSCS", &hkscs_len);

          if (hkscs != NULL)
            {
              g_free (text);
              text = hkscs;
              text_len = hkscs_len;
              used = "BIG5-HKSCS";
            }
        }
    }

  if (damage != NULL)
    memset (damage, 0, sizeof *damage);
  if (text == NULL && damage != NULL && bom != BOM_UTF16LE && bom != BOM_UTF16BE &&
      (text = salvage_utf8 (attempts.data, attempts.len, damage)) != NULL)
    {
      used = "UTF-8";
      text_len = damage->text_len;
    }
  if (text == NULL)
    {
      /* Translators: the file's name, then the encodings tried and where each failed;
       * the last %s is the encoding that the detector (uchardet) guessed. */
      if (guess != NULL && *guess != '\0')
        g_set_error (error, CF_ERROR, CF_ERROR_ENCODING,
                     _("%s: no supported encoding decodes this text (%s; uchardet guessed %s)"),
                     name, why->str, guess);
      else
        g_set_error (error, CF_ERROR, CF_ERROR_ENCODING,
                     _("%s: no supported encoding decodes this text (%s)"), name, why->str);
      return NULL;
    }

  /* NUL characters only come out of binary data (UTF-16 included). */
  if (memchr (text, '\0', text_len) != NULL)
    {
      g_free (text);
      goto binary;
    }

  if (is_blank_text (text, text_len))
    {
      g_free (text);
      g_set_error (error, CF_ERROR, CF_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }

  /* A BOM the encoding kept (UTF-8 after a UTF-16 BOM, say) is not text. */
  if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (text, text + 3, text_len - 3 + 1);
      text_len -= 3;
    }

  *encoding = g_strdup (used);
  *out_len = text_len;
  return text;

binary:
  g_set_error (error, CF_ERROR, CF_ERROR_BINARY,
               _("%s: this is not a text, HTML or PDF report (binary data)"), name);
  return NULL;
}
