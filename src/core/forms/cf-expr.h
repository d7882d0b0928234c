/* cf-expr.h: the small relations the form files state over canonical keys
 *
 *   relation := side "==" side
 *   side     := ["-"] term (("+" | "-") term)*
 *   term     := NUMBER | KEY | "prev." KEY | "sum(" item ("," item)* ")"
 *   item     := KEY | KEY ".." KEY | PATTERN        (PATTERN holds "*")
 *
 * Keys name rows (for rules checked per column) or columns (per row); ranges
 * and patterns expand over the declared order of those keys when parsed.
 * "prev." names the same key in the previous year's report.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *key;      /* NULL for a constant */
  double   constant;
  int      sign;     /* +1 or -1 within its side */
  gboolean lhs;      /* on the left of "==" */
  gboolean prev;     /* "prev.": the previous year's report */
} CfExprTerm;

typedef struct _CfExpr CfExpr;

CfExpr           *cf_expr_parse       (const char         *text,
                                       const char * const *keys,
                                       guint               n_keys,
                                       GError            **error);
void              cf_expr_free        (CfExpr             *expr);
guint             cf_expr_get_n_terms (const CfExpr       *expr);
const CfExprTerm *cf_expr_get_term    (const CfExpr       *expr,
                                       guint               index);

/* What a term's cell holds when a relation is checked. */
typedef enum
{
  CF_OPERAND_ABSENT,  /* the report has no such row/column: the term drops out */
  CF_OPERAND_BLANK,   /* blank, placeholder, lost or uncertain: an unknown count >= 0 */
  CF_OPERAND_KNOWN,
} CfOperandState;

typedef struct
{
  CfOperandState state;
  double         value;
} CfOperand;

typedef enum
{
  CF_EXPR_HOLDS,       /* all known and equal, or blanks that can only be 0 / hold as 0 */
  CF_EXPR_FAILS,       /* no non-negative values of the blanks can make it hold */
  CF_EXPR_INCOMPLETE,  /* the blanks decide */
} CfExprOutcome;

/* Checks the relation, blank-aware ("Blank is not zero" in report-forms.md).
 * @operands has one entry per term (constants ignore theirs). @lhs / @rhs
 * receive the sums of the known terms of each side. */
CfExprOutcome     cf_expr_check       (const CfExpr       *expr,
                                       const CfOperand    *operands,
                                       double             *lhs,
                                       double             *rhs);

G_END_DECLS
