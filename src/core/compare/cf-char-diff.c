/* cf-char-diff.c: a longest-common-subsequence diff over tokens
 *
 * Hand-written: Debian 12 packages no C diff library for arbitrary sequences
 * (libdtl is C++ headers, GNU diff is a program). The classic dynamic
 * programme is enough here: the sequences are a section's sentences or a
 * sentence's characters, after the common head and tail are cut off. Past
 * CF_DIFF_MAX_CELLS the middle is said removed and inserted whole.
 */
#include "config.h"

#include <string.h>
#include "cf-char-diff.h"

#define CF_DIFF_MAX_CELLS (4u * 1024u * 1024u)

GByteArray *
cf_diff_sequences (guint n_old, guint n_new, CfDiffEqualFunc equal, gpointer data)
{
  GByteArray *script = g_byte_array_new ();
  guint head = 0, tail = 0;
  guint n, m;
  guint8 op;

  while (head < n_old && head < n_new && equal (head, head, data))
    head++;
  while (tail < n_old - head && tail < n_new - head
         && equal (n_old - 1 - tail, n_new - 1 - tail, data))
    tail++;
  n = n_old - head - tail;
  m = n_new - head - tail;

  op = CF_DIFF_SAME;
  for (guint i = 0; i < head; i++)
    g_byte_array_append (script, &op, 1);

  if ((guint64) (n + 1) * (m + 1) > CF_DIFF_MAX_CELLS)
    {
      op = CF_DIFF_REMOVED;
      for (guint i = 0; i < n; i++)
        g_byte_array_append (script, &op, 1);
      op = CF_DIFF_INSERTED;
      for (guint j = 0; j < m; j++)
        g_byte_array_append (script, &op, 1);
    }
  else if (n > 0 || m > 0)
    {
      /* lcs[i][j]: common length of old[head+i..] and new[head+j..] */
      guint w = m + 1;
      g_autofree guint32 *lcs = g_new0 (guint32, (gsize) (n + 1) * w);
      guint i = 0, j = 0;

      for (guint a = n; a-- > 0;)
        for (guint b = m; b-- > 0;)
          lcs[a * w + b] = equal (head + a, head + b, data)
                             ? lcs[(a + 1) * w + b + 1] + 1
                             : MAX (lcs[(a + 1) * w + b], lcs[a * w + b + 1]);
      while (i < n || j < m)
        {
          if (i < n && j < m && equal (head + i, head + j, data))
            op = CF_DIFF_SAME, i++, j++;
          /* Removed before inserted where both fit: "[-9-]{+4+}" reads best. */
          else if (i < n && (j == m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
            op = CF_DIFF_REMOVED, i++;
          else
            op = CF_DIFF_INSERTED, j++;
          g_byte_array_append (script, &op, 1);
        }
    }

  op = CF_DIFF_SAME;
  for (guint i = 0; i < tail; i++)
    g_byte_array_append (script, &op, 1);
  return script;
}

/* Tokens ------------------------------------------------------------------ */

typedef struct
{
  gsize    offset;
  gsize    length;
  gboolean is_number;
} Token;

static gboolean
is_digit_at (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* A digit run takes in '.', ',', '，' and full-width '．' only between digits. */
static GArray *
tokenize (const char *text, gsize len)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *end = text + len;
  const char *p = text;

  while (p < end)
    {
      Token token = { p - text, 0, is_digit_at (p) };
      const char *q = g_utf8_find_next_char (p, end);

      if (q == NULL)
        q = end;
      if (token.is_number)
        while (q < end)
          {
            const char *next = g_utf8_find_next_char (q, end);
            gunichar c = g_utf8_get_char (q);

            if (next == NULL)
              next = end;
            if (is_digit_at (q))
              q = next;
            else if ((c == '.' || c == ',' || c == 0xFF0E) && next < end && is_digit_at (next))
              q = next;
            else
              break;
          }
      token.length = q - p;
      g_array_append_val (tokens, token);
      p = q;
    }
  return tokens;
}

typedef struct
{
  const char *old_text;
  const char *new_text;
  GArray     *old_tokens;
  GArray     *new_tokens;
} TokenPair;

static gboolean
tokens_equal (guint i, guint j, gpointer data)
{
  TokenPair *pair = data;
  const Token *a = &g_array_index (pair->old_tokens, Token, i);
  const Token *b = &g_array_index (pair->new_tokens, Token, j);

  return a->length == b->length
         && memcmp (pair->old_text + a->offset, pair->new_text + b->offset, a->length) == 0;
}

static GByteArray *
diff_tokens (TokenPair *pair, const char *old_text, gsize old_len, const char *new_text,
             gsize new_len)
{
  pair->old_text = old_text;
  pair->new_text = new_text;
  pair->old_tokens = tokenize (old_text, old_len);
  pair->new_tokens = tokenize (new_text, new_len);
  return cf_diff_sequences (pair->old_tokens->len, pair->new_tokens->len, tokens_equal, pair);
}

static void
token_pair_clear (TokenPair *pair)
{
  g_array_unref (pair->old_tokens);
  g_array_unref (pair->new_tokens);
}

GArray *
cf_char_diff (const char *old_text, gssize old_len, const char *new_text, gssize new_len)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CfDiffSpan));
  TokenPair pair;
  g_autoptr (GByteArray) script = NULL;
  guint i = 0, j = 0;

  if (old_len < 0)
    old_len = strlen (old_text);
  if (new_len < 0)
    new_len = strlen (new_text);
  script = diff_tokens (&pair, old_text, old_len, new_text, new_len);

  for (guint s = 0; s < script->len; s++)
    {
      CfDiffOp op = script->data[s];
      const Token *a = op != CF_DIFF_INSERTED ? &g_array_index (pair.old_tokens, Token, i) : NULL;
      const Token *b = op != CF_DIFF_REMOVED ? &g_array_index (pair.new_tokens, Token, j) : NULL;
      CfDiffSpan *last = spans->len > 0 ? &g_array_index (spans, CfDiffSpan, spans->len - 1)
                                        : NULL;

      /* Runs of one op grow; a number starts a run of its own so that it
       * can be marked alone. */
      if (last == NULL || last->op != op || (a && a->is_number) || (b && b->is_number)
          || last->is_number)
        {
          CfDiffSpan span = { op, a ? a->offset : 0, 0, b ? b->offset : 0, 0, FALSE };

          if (a == NULL)
            span.old_offset = i < pair.old_tokens->len
                                ? g_array_index (pair.old_tokens, Token, i).offset
                                : (gsize) old_len;
          if (b == NULL)
            span.new_offset = j < pair.new_tokens->len
                                ? g_array_index (pair.new_tokens, Token, j).offset
                                : (gsize) new_len;
          span.is_number = (a && a->is_number) || (b && b->is_number);
          g_array_append_val (spans, span);
          last = &g_array_index (spans, CfDiffSpan, spans->len - 1);
        }
      if (a != NULL)
        last->old_length += a->length, i++;
      if (b != NULL)
        last->new_length += b->length, j++;
    }
  token_pair_clear (&pair);
  return spans;
}

double
cf_char_similarity (const char *old_text, const char *new_text)
{
  TokenPair pair;
  g_autoptr (GByteArray) script = diff_tokens (&pair, old_text, strlen (old_text), new_text,
                                               strlen (new_text));
  guint same = 0, total = pair.old_tokens->len + pair.new_tokens->len;

  for (guint s = 0; s < script->len; s++)
    same += script->data[s] == CF_DIFF_SAME;
  token_pair_clear (&pair);
  return total == 0 ? 1.0 : 2.0 * same / total;
}
