/* cf-expr.c: parsing and checking the relations of the form files
 *
 * Relations are linear, so a parsed relation is just its list of signed
 * terms; ranges and patterns are expanded at parse time against the keys the
 * form declares, which also validates every key a rule names.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include "cf-expr.h"
#include "cf-error.h"

struct _CfExpr
{
  GArray *terms; /* of CfExprTerm */
};

typedef struct
{
  const char         *text;
  const char         *p;
  const char * const *keys;
  guint               n_keys;
  CfExpr             *expr;
  gboolean            lhs;
  GError            **error;
} Parser;

static void
clear_term (gpointer data)
{
  g_free (((CfExprTerm *) data)->key);
}

void
cf_expr_free (CfExpr *expr)
{
  if (expr == NULL)
    return;
  g_array_unref (expr->terms);
  g_free (expr);
}

guint
cf_expr_get_n_terms (const CfExpr *expr)
{
  return expr->terms->len;
}

const CfExprTerm *
cf_expr_get_term (const CfExpr *expr, guint index)
{
  g_return_val_if_fail (index < expr->terms->len, NULL);
  return &g_array_index (expr->terms, CfExprTerm, index);
}

static gboolean
fail (Parser *parser, const char *what)
{
  if (parser->error != NULL && *parser->error == NULL)
    /* Translators: a relation of a form file, the offset where it goes wrong, then what. */
    g_set_error (parser->error, CF_ERROR, CF_ERROR_FORM, _("“%s”, at %d: %s"), parser->text,
                 (int) (parser->p - parser->text), what);
  return FALSE;
}

static void
skip_blanks (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t')
    parser->p++;
}

static gboolean
is_key_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '*';
}

/* A key or pattern: [A-Za-z0-9_*]+ ; NULL when none. */
static char *
read_key (Parser *parser)
{
  const char *start;

  skip_blanks (parser);
  start = parser->p;
  while (is_key_char (*parser->p))
    parser->p++;
  if (parser->p == start)
    return NULL;
  return g_strndup (start, parser->p - start);
}

static int
key_index (Parser *parser, const char *key)
{
  for (guint i = 0; i < parser->n_keys; i++)
    if (strcmp (parser->keys[i], key) == 0)
      return (int) i;
  return -1;
}

static void
add_term (Parser *parser, const char *key, double constant, int sign, gboolean prev)
{
  CfExprTerm term = { g_strdup (key), constant, sign, parser->lhs, prev };

  g_array_append_val (parser->expr->terms, term);
}

static gboolean
add_key (Parser *parser, const char *key, int sign, gboolean prev)
{
  if (strchr (key, '*') != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < parser->n_keys; i++)
        if (g_pattern_match_simple (key, parser->keys[i]))
          {
            add_term (parser, parser->keys[i], 0, sign, prev);
            any = TRUE;
          }
      if (!any)
        return fail (parser, _("the pattern matches no key"));
      return TRUE;
    }
  if (key_index (parser, key) < 0)
    {
      g_autofree char *what = g_strdup_printf (_("unknown key “%s”"), key);
      return fail (parser, what);
    }
  add_term (parser, key, 0, sign, prev);
  return TRUE;
}

static gboolean
parse_sum (Parser *parser, int sign, gboolean prev)
{
  skip_blanks (parser);
  if (*parser->p != '(')
    return fail (parser, _("“(” expected after sum"));
  parser->p++;
  for (;;)
    {
      g_autofree char *first = read_key (parser);

      if (first == NULL)
        return fail (parser, _("a key expected"));
      skip_blanks (parser);
      if (g_str_has_prefix (parser->p, ".."))
        {
          g_autofree char *last = NULL;
          int from, to;

          parser->p += 2;
          last = read_key (parser);
          if (last == NULL)
            return fail (parser, _("a key expected after .."));
          from = key_index (parser, first);
          to = key_index (parser, last);
          if (from < 0 || to < 0 || to < from)
            return fail (parser, _("a range of declared keys, in their order, expected"));
          for (int i = from; i <= to; i++)
            add_term (parser, parser->keys[i], 0, sign, prev);
        }
      else if (!add_key (parser, first, sign, prev))
        return FALSE;
      skip_blanks (parser);
      if (*parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (*parser->p == ')')
        {
          parser->p++;
          return TRUE;
        }
      return fail (parser, _("“,” or “)” expected"));
    }
}

static gboolean
parse_term (Parser *parser, int sign)
{
  g_autofree char *word = NULL;
  gboolean prev = FALSE;

  skip_blanks (parser);
  if (g_ascii_isdigit (*parser->p))
    {
      char *end;
      double value = g_ascii_strtod (parser->p, &end);

      parser->p = end;
      add_term (parser, NULL, value, sign, FALSE);
      return TRUE;
    }
  word = read_key (parser);
  if (word == NULL)
    return fail (parser, _("a term expected"));
  if (strcmp (word, "prev") == 0 && parser->p[0] == '.' && parser->p[1] != '.')
    {
      parser->p++;
      prev = TRUE;
      g_free (word);
      word = read_key (parser);
      if (word == NULL)
        return fail (parser, _("a key expected after prev."));
    }
  skip_blanks (parser);
  if (strcmp (word, "sum") == 0 && *parser->p == '(')
    return parse_sum (parser, sign, prev);
  return add_key (parser, word, sign, prev);
}

static gboolean
parse_side (Parser *parser)
{
  int sign = 1;

  skip_blanks (parser);
  if (*parser->p == '-')
    {
      sign = -1;
      parser->p++;
    }
  for (;;)
    {
      if (!parse_term (parser, sign))
        return FALSE;
      skip_blanks (parser);
      if (*parser->p == '+')
        sign = 1;
      else if (*parser->p == '-')
        sign = -1;
      else
        return TRUE;
      parser->p++;
    }
}

CfExpr *
cf_expr_parse (const char *text, const char * const *keys, guint n_keys, GError **error)
{
  Parser parser = { text, text, keys, n_keys, NULL, TRUE, error };
  CfExpr *expr;

  g_return_val_if_fail (text != NULL, NULL);

  expr = g_new0 (CfExpr, 1);
  expr->terms = g_array_new (FALSE, TRUE, sizeof (CfExprTerm));
  g_array_set_clear_func (expr->terms, clear_term);
  parser.expr = expr;

  if (!parse_side (&parser))
    goto failed;
  skip_blanks (&parser);
  if (!g_str_has_prefix (parser.p, "=="))
    {
      fail (&parser, _("“==” expected"));
      goto failed;
    }
  parser.p += 2;
  parser.lhs = FALSE;
  if (!parse_side (&parser))
    goto failed;
  skip_blanks (&parser);
  if (*parser.p != '\0')
    {
      fail (&parser, _("end of the relation expected"));
      goto failed;
    }
  return expr;

failed:
  cf_expr_free (expr);
  return NULL;
}

static gboolean
nearly_zero (double value, double scale)
{
  return fabs (value) <= 1e-6 * MAX (1.0, scale);
}

CfExprOutcome
cf_expr_check (const CfExpr *expr, const CfOperand *operands, double *lhs, double *rhs)
{
  double left = 0, right = 0, scale = 0;
  gboolean blank_plus = FALSE, blank_minus = FALSE;
  double residual;

  /* Move everything to one side: residual + (blanks with +) - (blanks with -) == 0 */
  for (guint i = 0; i < expr->terms->len; i++)
    {
      const CfExprTerm *term = &g_array_index (expr->terms, CfExprTerm, i);
      int side_sign = term->lhs ? 1 : -1;

      if (term->key == NULL)
        {
          if (term->lhs)
            left += term->sign * term->constant;
          else
            right += term->sign * term->constant;
          scale += fabs (term->constant);
          continue;
        }
      switch (operands[i].state)
        {
        case CF_OPERAND_ABSENT:
          break;
        case CF_OPERAND_BLANK:
          if (term->sign * side_sign > 0)
            blank_plus = TRUE;
          else
            blank_minus = TRUE;
          break;
        case CF_OPERAND_KNOWN:
          if (term->lhs)
            left += term->sign * operands[i].value;
          else
            right += term->sign * operands[i].value;
          scale += fabs (operands[i].value);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (lhs)
    *lhs = left;
  if (rhs)
    *rhs = right;

  residual = left - right;
  if (nearly_zero (residual, scale))
    /* Holds with the blanks as 0; with blanks on one side only they must be 0. */
    return CF_EXPR_HOLDS;
  if (!blank_plus && !blank_minus)
    return CF_EXPR_FAILS;
  if (blank_plus && blank_minus)
    return CF_EXPR_INCOMPLETE;
  /* Blanks are counts >= 0: they can only push the residual one way. */
  if (blank_plus && residual > 0)
    return CF_EXPR_FAILS;
  if (blank_minus && residual < 0)
    return CF_EXPR_FAILS;
  return CF_EXPR_INCOMPLETE;
}
