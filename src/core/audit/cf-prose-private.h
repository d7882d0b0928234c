/* cf-prose-private.h: sentences and the numbers they state, as the prose checks read them (core only) */
#pragma once

#include "cf-document.h"
#include "cf-form-private.h"
#include "cf-normalize.h"

G_BEGIN_DECLS

/* A decoded, normalised sentence: characters and where each starts. */
typedef struct
{
  char     *text;   /* Simplified, half-width UTF-8 */
  gunichar *chars;
  gsize    *starts; /* byte offset of each character in @text; starts[n] = strlen */
  gsize     n;
} Sentence;

/* A number stated in a sentence. */
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

/* Where a sentence lies in its document. */
typedef struct
{
  CfDocument *doc;
  gint64      offset; /* of the sentence in the document text */
  gint64      length;
} SentenceSpan;

/* Characters, as the sentence scanners test them. */
static inline gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_chinese_numeral (gunichar c)
{
  return c != 0 && g_utf8_strchr ("〇零一二三四五六七八九十百千万亿两", -1, c) != NULL;
}

/* Punctuation that ends a clause inside a sentence. */
static inline gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == 0x3001 /* 、 */ || c == ':' || c == ';' || c == '\t';
}

void     cf_sentence_init           (Sentence           *s,
                                     const char         *raw,
                                     gsize               raw_len);
void     cf_sentence_clear          (Sentence           *s);
/* TRUE when @word (UTF-8) is spelled at character @at. */
gboolean cf_sentence_matches        (const Sentence     *s,
                                     gsize               at,
                                     const char         *word);
/* Finds @word at or after character @from and before @to; its index or -1. */
gssize   cf_sentence_find           (const Sentence     *s,
                                     gsize               from,
                                     gsize               to,
                                     const char         *word);
/* A rate, a change or a bound between @from and @to (答复率, 同比增长…). */
gboolean cf_sentence_has_rate_word  (const Sentence     *s,
                                     gsize               from,
                                     gsize               to);

/* Units of pieces of published or handled matter (条 篇 个 件…). */
gboolean cf_prose_unit_is_piece     (const char         *unit);
gboolean cf_prose_units_compatible  (const char         *a,
                                     const char         *b);
double   cf_prose_pow10             (int                 digits);
/* Every number of the sentence (of ProseNumber), quantities marked usable. */
GArray  *cf_prose_scan_numbers      (const Sentence     *s);
/* What @total counts: its clause up to the number ("新媒体平台累计发布信息"). */
char    *cf_prose_describe_subject  (const Sentence     *s,
                                     const ProseNumber  *total);
/* A finding on the sentence (table NULL; offset, or page and box in a PDF);
 * cf_prose_add_finding() adds it to the document at once. */
CfFinding *cf_prose_finding_new     (const SentenceSpan *span,
                                     CfSeverity          severity,
                                     const char         *rule,
                                     double              expected,
                                     double              actual,
                                     const char         *message);
void     cf_prose_add_finding       (const SentenceSpan *span,
                                     CfSeverity          severity,
                                     const char         *rule,
                                     double              expected,
                                     double              actual,
                                     const char         *message);

/* The checks of one sentence (cf-prose-breakdowns.c). */
void     cf_prose_check_breakdowns  (const SentenceSpan *span,
                                     const Sentence     *s,
                                     GArray             *numbers,
                                     const ProseNumber  *previous_total,
                                     const char         *previous_subject);
void     cf_prose_check_percentages (const SentenceSpan *span,
                                     const Sentence     *s,
                                     GArray             *numbers);

/* The figures the prose states, against their cells (cf-prose-figures.c):
 * one walk over a document's sentences, in order. @form NULL checks nothing. */
typedef struct _CfStatedFigures CfStatedFigures;

CfStatedFigures *cf_stated_figures_new           (CfDocument         *doc,
                                                  const CfForm       *form);
void             cf_stated_figures_check         (CfStatedFigures    *self,
                                                  const SentenceSpan *span,
                                                  const Sentence     *s,
                                                  GArray             *numbers);
void             cf_stated_figures_paragraph_end (CfStatedFigures    *self);
/* Ends the walk: sets the document's stated-figure counts. */
void             cf_stated_figures_free          (CfStatedFigures    *self);

G_END_DECLS
