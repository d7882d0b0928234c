/* cf-number.h: reading the numbers that report cells and prose print
 *
 * Values follow ../shared/spec/report-forms.md ("Values"): digits in any
 * width, thousands separators, a sign, a decimal point, a trailing unit,
 * approximations (余, 多) and, in prose, Chinese numerals.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CF_NUMBER_BLANK,  /* empty, or a placeholder: / - -- — 无 不适用 */
  CF_NUMBER_VALUE,  /* a number was read */
  CF_NUMBER_TEXT,   /* text that is not a number (takes part in no rule) */
} CfNumberKind;

typedef struct
{
  CfNumberKind kind;
  double       value;
  /* Simplified-Chinese unit, or "" (e.g. "项", "万元", "%"); always NUL-terminated. */
  char         unit[16];
  gboolean     approximate;  /* 余 / 多 / 约 */
  gboolean     has_decimals; /* a decimal point was printed */
} CfNumber;

/* Reads a whole cell's text. @len may be -1. Never fails: fills @out->kind. */
void     cf_number_parse              (const char *text,
                                       gssize      len,
                                       CfNumber   *out);

/* TRUE when @text is blank or one of the placeholders that mean blank. */
gboolean cf_number_is_blank_text      (const char *text,
                                       gssize      len);

/* TRUE when @text reads as a figure (a value, not blank, not text). */
gboolean cf_number_is_value_text      (const char *text,
                                       gssize      len);

/* Reads a number at the start of @text in prose: Arabic digits (any width,
 * separators, decimals) or Chinese numerals (一百二十三, 两千, 1万余).
 * Returns the number of bytes consumed (0 when no number starts there). */
gsize    cf_number_scan_prose         (const char *text,
                                       gsize       len,
                                       CfNumber   *out);

/* TRUE when @value is a whole number (within floating-point noise). */
gboolean cf_number_is_integer         (double      value);

/* Prints @value the way a report prints it: integers without decimals. */
char    *cf_number_format             (double      value);

G_END_DECLS
