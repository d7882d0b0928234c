/* cf-rules.c: a form's rules checked on the tables matched to it
 *
 * The rules are relations over canonical keys (cf-expr.c), checked
 * blank-aware; the first cell of a finding is the one most likely wrong: the
 * operand shared by the most failing relations. Decisions are listed in
 * cf-audit.c.
 */
#include <math.h>
#include <string.h>
#include "cf-rules.h"

/* Checking the rules ----------------------------------------------------- */

typedef struct
{
  const char *row_key;
  const char *col_key;
  CfCell     *cell;   /* NULL when the slot has no cell */
  CfOperand   operand;
  int         sign;
  gboolean    lhs;
} Operand;

typedef struct
{
  const CfFormRule *rule;
  const char       *along;     /* the row (per row) or column (per column) key */
  CfExprOutcome     outcome;
  double            lhs;
  double            rhs;
  GArray           *operands;  /* of Operand */
  int               suspect;   /* index into operands */
  GPtrArray        *lost;      /* names of the cells the form has and the reading lost */
} Failure;

static void
failure_free (gpointer data)
{
  Failure *failure = data;

  g_array_unref (failure->operands);
  g_clear_pointer (&failure->lost, g_ptr_array_unref);
  g_free (failure);
}

static CfOperand
operand_of_cell (const CfCell *cell)
{
  CfOperand operand = { CF_OPERAND_BLANK, 0 };

  if (cell == NULL || (cell->flags & (CF_CELL_FLAG_MISSING | CF_CELL_FLAG_UNCERTAIN)))
    return operand;
  if (cell->number.kind == CF_NUMBER_VALUE)
    {
      operand.state = CF_OPERAND_KNOWN;
      operand.value = cell->number.value;
    }
  return operand;
}

static gboolean
strv_has (GStrv strv, const char *key)
{
  return strv == NULL || g_strv_contains ((const char * const *) strv, key);
}

/* A term whose row or column the table lacks. The form's own gaps (a row
 * without this column) and a row printed instead of its alternatives
 * (其他处理 as one row, or its three items) drop out; anything else the form
 * has was printed and lost by the reading (a row cut off at a page break, a
 * column not found): an unknown count, like a blank, so that a lost row
 * never makes a consistent report wrong. */
static CfOperandState
absent_operand_state (CfMappedTable *mapped, const char *row_key, const char *col_key)
{
  const CfFormItem *row = cf_form_table_get_row (mapped->ftable, row_key);

  if (row == NULL || !strv_has (row->columns, col_key))
    return CF_OPERAND_ABSENT;
  for (guint i = 0; row->instead_of && row->instead_of[i]; i++)
    if (g_hash_table_contains (mapped->rows, row->instead_of[i]))
      return CF_OPERAND_ABSENT;
  return CF_OPERAND_BLANK;
}

/* Evaluates @rule along one row or column; NULL when it holds or cannot apply. */
static Failure *
check_along (CfMappedTable *mapped, const CfFormRule *rule, const char *along)
{
  guint n = cf_expr_get_n_terms (rule->expr);
  g_autofree CfOperand *operands = g_new0 (CfOperand, n);
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (Operand));
  g_autoptr (GPtrArray) lost = NULL; /* made when a term is lost: most checks have none */
  gboolean lhs_present = FALSE, rhs_present = FALSE;
  Failure *failure;
  double lhs, rhs;
  CfExprOutcome outcome;

  for (guint t = 0; t < n; t++)
    {
      const CfExprTerm *term = cf_expr_get_term (rule->expr, t);
      Operand operand = { 0 };
      gboolean present;

      if (term->key == NULL)
        continue;
      operand.row_key = rule->scope == CF_RULE_FOR_EACH_ROW ? along : term->key;
      operand.col_key = rule->scope == CF_RULE_FOR_EACH_ROW ? term->key : along;
      operand.sign = term->sign;
      operand.lhs = term->lhs;
      present = g_hash_table_contains (mapped->rows, operand.row_key)
                && g_hash_table_contains (mapped->columns, operand.col_key);
      /* A row that does not have this column (proactive rows differ). */
      if (present)
        {
          const CfFormItem *row = cf_form_table_get_row (mapped->ftable, operand.row_key);
          present = strv_has (row->columns, operand.col_key);
        }
      if (!present)
        {
          operands[t].state = absent_operand_state (mapped, operand.row_key, operand.col_key);
          if (operands[t].state == CF_OPERAND_BLANK)
            {
              if (lost == NULL)
                lost = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (lost, cf_mapped_table_cell_name (mapped, operand.row_key, operand.col_key));
            }
          continue;
        }
      operand.cell = cf_mapped_table_get_cell (mapped, operand.row_key, operand.col_key);
      operand.operand = operand_of_cell (operand.cell);
      if (operand.cell && g_hash_table_contains (mapped->guessed, operand.cell))
        operand.operand.state = CF_OPERAND_BLANK;
      operands[t] = operand.operand;
      if (term->lhs)
        lhs_present = TRUE;
      else
        rhs_present = TRUE;
      g_array_append_val (list, operand);
    }
  if (!lhs_present || !rhs_present)
    return NULL;

  outcome = cf_expr_check (rule->expr, operands, &lhs, &rhs);
  if (outcome == CF_EXPR_HOLDS)
    return NULL;

  failure = g_new0 (Failure, 1);
  failure->rule = rule;
  failure->along = along;
  failure->outcome = outcome;
  failure->lhs = lhs;
  failure->rhs = rhs;
  failure->operands = g_steal_pointer (&list);
  failure->lost = g_steal_pointer (&lost);
  return failure;
}

static void
add_operand_cell (CfFinding *finding, CfMappedTable *mapped, const Operand *operand)
{
  cf_finding_add_cell (finding, mapped->ftable->id,
                       operand->cell ? operand->cell->row : -1,
                       operand->cell ? operand->cell->col : -1,
                       operand->row_key, operand->col_key);
}

static void
append_side (GString *out, Failure *failure, gboolean lhs, double sum)
{
  guint shown = 0, terms = 0, blanks = 0;
  g_autofree char *total = cf_number_format (sum);

  for (guint i = 0; i < failure->operands->len; i++)
    {
      const Operand *op = &g_array_index (failure->operands, Operand, i);

      if (op->lhs != lhs)
        continue;
      terms++;
      blanks += op->operand.state == CF_OPERAND_BLANK;
    }
  if (terms == 1 && blanks == 0)
    {
      g_string_append (out, total);
      return;
    }
  for (guint i = 0; i < failure->operands->len; i++)
    {
      const Operand *op = &g_array_index (failure->operands, Operand, i);
      g_autofree char *value = NULL;

      if (op->lhs != lhs || op->operand.state != CF_OPERAND_KNOWN || op->operand.value == 0)
        continue;
      value = cf_number_format (fabs (op->operand.value));
      if (shown > 0)
        g_string_append (out, op->sign < 0 ? " - " : " + ");
      else if (op->sign < 0)
        g_string_append (out, "-");
      g_string_append (out, value);
      shown++;
    }
  if (blanks > 0)
    {
      if (shown > 0)
        g_string_append (out, " + ");
      if (blanks == 1)
        g_string_append (out, "空白");
      else
        g_string_append_printf (out, "%u 个空白", blanks);
      return;
    }
  if (shown == 0)
    g_string_append (out, "0");
  else if (shown > 1)
    g_string_append_printf (out, " = %s", total);
}

static CfFinding *
finding_from_failure (CfMappedTable *mapped, Failure *failure)
{
  const Operand *suspect = &g_array_index (failure->operands, Operand, failure->suspect);
  gboolean incomplete = failure->outcome == CF_EXPR_INCOMPLETE;
  g_autofree char *rule_id = incomplete ? g_strconcat (failure->rule->id, ".incomplete", NULL)
                                        : g_strdup (failure->rule->id);
  g_autofree char *where = NULL;
  GString *message = g_string_new (NULL);
  gboolean suspect_lhs = suspect->lhs;
  guint lhs_terms = 0;
  CfFinding *finding;

  for (guint i = 0; i < failure->operands->len; i++)
    lhs_terms += g_array_index (failure->operands, Operand, i).lhs;
  if (incomplete)
    {
      /* In the relation's own order, named by its stated total when it has one. */
      const Operand *named = lhs_terms == 1 ? &g_array_index (failure->operands, Operand, 0)
                                            : suspect;
      suspect_lhs = TRUE;
      where = cf_mapped_table_cell_name (mapped, named->row_key, named->col_key);
    }
  else
    where = cf_mapped_table_cell_name (mapped, suspect->row_key, suspect->col_key);

  g_string_append_printf (message, "%s：", where);
  append_side (message, failure, suspect_lhs, suspect_lhs ? failure->lhs : failure->rhs);
  g_string_append (message, " ≠ ");
  append_side (message, failure, !suspect_lhs, suspect_lhs ? failure->rhs : failure->lhs);
  if (incomplete)
    {
      guint named = 0;

      g_string_append (message, "；空白单元格：");
      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);
          g_autofree char *name = NULL;

          if (op->operand.state != CF_OPERAND_BLANK)
            continue;
          if (named == 5)
            {
              g_string_append (message, "……");
              break;
            }
          name = cf_mapped_table_cell_name (mapped, op->row_key, op->col_key);
          g_string_append_printf (message, "%s%s", named ? "；" : "", name);
          named++;
        }
      if (failure->lost != NULL && failure->lost->len > 0)
        {
          g_string_append (message, named ? "；未读到：" : "未读到：");
          for (guint i = 0; i < failure->lost->len && i < 5; i++)
            g_string_append_printf (message, "%s%s", i ? "；" : "",
                                    (const char *) g_ptr_array_index (failure->lost, i));
          if (failure->lost->len > 5)
            g_string_append (message, "……");
        }
      g_string_append (message, "，填写的数字决定是否相符");
    }
  if (failure->rule->description)
    g_string_append_printf (message, "（%s）", failure->rule->description);

  finding = cf_finding_new (incomplete ? CF_SEVERITY_WARNING : failure->rule->severity, rule_id,
                            mapped->ftable->id, message->str);
  g_string_free (message, TRUE);

  /* Incomplete: the blanks first (they decide); else the likely wrong cell. */
  add_operand_cell (finding, mapped, suspect);
  if (incomplete)
    {
      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);
          if (op->operand.state == CF_OPERAND_BLANK && (int) i != failure->suspect)
            add_operand_cell (finding, mapped, op);
        }
    }
  for (guint i = 0; i < failure->operands->len; i++)
    {
      const Operand *op = &g_array_index (failure->operands, Operand, i);

      if ((int) i == failure->suspect
          || (incomplete && op->operand.state == CF_OPERAND_BLANK))
        continue;
      add_operand_cell (finding, mapped, op);
    }
  /* actual: the likely wrong cell; expected: the value that makes the relation hold. */
  if (!incomplete)
    {
      double residual = failure->lhs - failure->rhs;
      double actual = suspect->operand.value;
      double expected = suspect->lhs ? actual - suspect->sign * residual
                                     : actual + suspect->sign * residual;

      cf_finding_set_values (finding, TRUE, expected, TRUE, actual);
    }
  return finding;
}

static guint
cell_hash (gconstpointer key)
{
  return g_direct_hash (key);
}

/* The likely wrong operand of each failure: the known cell in most failing
 * relations; ties go to the rule's suspect key, then to the first term. */
static void
choose_suspects (GPtrArray *failures)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (cell_hash, g_direct_equal);

  for (guint f = 0; f < failures->len; f++)
    {
      Failure *failure = g_ptr_array_index (failures, f);

      if (failure->outcome != CF_EXPR_FAILS)
        continue;
      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);

          if (op->cell != NULL && op->operand.state == CF_OPERAND_KNOWN)
            g_hash_table_insert (counts, op->cell,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                   g_hash_table_lookup (counts, op->cell)) + 1));
        }
    }

  for (guint f = 0; f < failures->len; f++)
    {
      Failure *failure = g_ptr_array_index (failures, f);
      const char *preferred = failure->rule->suspect;

      if (failure->outcome == CF_EXPR_INCOMPLETE)
        {
          /* The blank that decides: on the side with the fewest blanks (a blank total). */
          guint blanks[2] = { 0, 0 };
          int first_blank[2] = { -1, -1 };

          for (guint i = 0; i < failure->operands->len; i++)
            {
              const Operand *op = &g_array_index (failure->operands, Operand, i);
              int side = op->lhs ? 0 : 1;

              if (op->operand.state != CF_OPERAND_BLANK)
                continue;
              if (first_blank[side] < 0)
                first_blank[side] = (int) i;
              blanks[side]++;
            }
          if (first_blank[0] >= 0 && (first_blank[1] < 0 || blanks[0] <= blanks[1]))
            failure->suspect = first_blank[0];
          else
            failure->suspect = MAX (first_blank[1], 0);
          continue;
        }
      int best = -1;
      guint best_count = 0;
      gboolean best_preferred = FALSE;

      for (guint i = 0; i < failure->operands->len; i++)
        {
          const Operand *op = &g_array_index (failure->operands, Operand, i);
          guint count;
          gboolean is_preferred;
          const char *key;

          if (op->operand.state != CF_OPERAND_KNOWN)
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, op->cell));
          key = failure->rule->scope == CF_RULE_FOR_EACH_ROW ? op->col_key : op->row_key;
          is_preferred = preferred && strcmp (key, preferred) == 0;
          if (best < 0 || count > best_count || (count == best_count && is_preferred && !best_preferred))
            {
              best = (int) i;
              best_count = count;
              best_preferred = is_preferred;
            }
        }
      failure->suspect = MAX (best, 0);
    }
}

static void
check_cells (CfMappedTable *mapped, const CfFormRule *rule, GPtrArray *findings)
{
  guint n = cf_table_get_n_cells (mapped->table);

  for (guint i = 0; i < n; i++)
    {
      CfCell *cell = cf_table_get_cell_at (mapped->table, i);
      const CfFormItem *column;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      CfFinding *finding;

      if (cell->row_key == NULL || cell->col_key == NULL)
        continue;
      /* A cell placed by guess (UNCERTAIN, or mapped in order on a row
       * short of the form's columns) is no figure of its column: the form's
       * rules leave it out too (operand_of_cell, mapped->guessed). */
      if ((cell->flags & (CF_CELL_FLAG_MISSING | CF_CELL_FLAG_UNCERTAIN))
          || g_hash_table_contains (mapped->guessed, cell))
        continue;
      column = cf_form_table_get_column (mapped->ftable, cell->col_key);
      if (cell->number.kind == CF_NUMBER_TEXT)
        {
          /* Reported once, whatever rule would have used it. */
          name = cf_mapped_table_cell_name (mapped, cell->row_key, cell->col_key);
          message = g_strdup_printf ("%s：“%s”不是一个数，不参与任何核对", name, cell->text);
          finding = cf_finding_new (CF_SEVERITY_INFO, "cell.not_a_number", mapped->ftable->id,
                                    message);
          cf_finding_add_cell (finding, mapped->ftable->id, cell->row, cell->col, cell->row_key,
                               cell->col_key);
          g_ptr_array_add (findings, finding);
          continue;
        }
      if (cell->number.kind != CF_NUMBER_VALUE || column == NULL || !column->count)
        continue;
      if (cell->number.value >= 0 && cf_number_is_integer (cell->number.value))
        continue;
      name = cf_mapped_table_cell_name (mapped, cell->row_key, cell->col_key);
      message = g_strdup_printf ("%s：“%s”不是不小于 0 的整数（%s）", name, cell->text,
                                 rule->description ? rule->description : "件数应为整数");
      finding = cf_finding_new (rule->severity, rule->id, mapped->ftable->id, message);
      cf_finding_add_cell (finding, mapped->ftable->id, cell->row, cell->col, cell->row_key,
                           cell->col_key);
      cf_finding_set_values (finding, TRUE, MAX (0, floor (cell->number.value)), TRUE,
                             cell->number.value);
      g_ptr_array_add (findings, finding);
    }
}

static void
check_form_rules (CfMappedTable *mapped, GPtrArray *findings)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (failure_free);

  for (guint r = 0; r < mapped->form->rules->len; r++)
    {
      const CfFormRule *rule = g_ptr_array_index (mapped->form->rules, r);
      GPtrArray *along;

      if (rule->table != NULL && strcmp (rule->table, mapped->ftable->id) != 0)
        continue;
      if (rule->scope == CF_RULE_FOR_EACH_CELL)
        {
          check_cells (mapped, rule, findings);
          continue;
        }
      along = rule->scope == CF_RULE_FOR_EACH_ROW ? mapped->ftable->rows : mapped->ftable->columns;
      for (guint i = 0; i < along->len; i++)
        {
          const CfFormItem *item = g_ptr_array_index (along, i);
          Failure *failure;

          if (!strv_has (rule->only, item->id))
            continue;
          if (!g_hash_table_contains (rule->scope == CF_RULE_FOR_EACH_ROW ? mapped->rows
                                                                          : mapped->columns,
                                      item->id))
            continue;
          failure = check_along (mapped, rule, item->id);
          if (failure != NULL)
            g_ptr_array_add (failures, failure);
        }
    }

  choose_suspects (failures);
  for (guint f = 0; f < failures->len; f++)
    g_ptr_array_add (findings, finding_from_failure (mapped, g_ptr_array_index (failures, f)));
}

/* Lost cells the extraction did not already note. */
static void
note_missing_cells (CfMappedTable *mapped, GPtrArray *notes, GPtrArray *findings)
{
  g_autoptr(GHashTable) noted = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *original = cf_form_match_get_original_id (mapped->table);

  for (guint i = 0; i < notes->len; i++)
    {
      CfFinding *note = g_ptr_array_index (notes, i);

      for (guint c = 0; c < note->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (note->cells, CfCellRef, c);

          if (g_strcmp0 (ref->table, original) == 0 || g_strcmp0 (ref->table, mapped->ftable->id) == 0)
            g_hash_table_add (noted, GINT_TO_POINTER (ref->row + 1));
        }
    }

  for (guint i = 0; i < cf_table_get_n_cells (mapped->table); i++)
    {
      CfCell *cell = cf_table_get_cell_at (mapped->table, i);
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      CfFinding *finding;

      if (!(cell->flags & CF_CELL_FLAG_MISSING) || cell->row_key == NULL
          || g_hash_table_contains (noted, GINT_TO_POINTER (cell->row + 1)))
        continue;
      g_hash_table_add (noted, GINT_TO_POINTER (cell->row + 1));
      name = cf_mapped_table_cell_name (mapped, cell->row_key, cell->col_key);
      message = g_strdup_printf ("%s：这一行缺少一个单元格，本行各数值所在的列无法确定，不参与核对",
                                 name);
      finding = cf_finding_new (CF_SEVERITY_WARNING, "cell.missing", mapped->ftable->id, message);
      cf_finding_add_cell (finding, mapped->ftable->id, cell->row, cell->col, cell->row_key,
                           cell->col_key);
      g_ptr_array_add (findings, finding);
    }
}


void
cf_rules_check_table (CfMappedTable *mapped, GPtrArray *notes, GPtrArray *findings)
{
  note_missing_cells (mapped, notes, findings);
  check_form_rules (mapped, findings);
}

/* Across years ---------------------------------------------------------------- */

static CfOperand
year_operand (CfDocument *doc, const char *table_id, const char *row, const char *col,
              CfCell **cell_out)
{
  CfTable *table = cf_document_find_table (doc, table_id);
  CfCell *cell = table ? cf_table_find_by_keys (table, row, col) : NULL;
  CfOperand operand = { CF_OPERAND_ABSENT, 0 };

  *cell_out = cell;
  if (cell == NULL)
    return operand;
  return operand_of_cell (cell);
}

static void
check_year_rule (CfDocument *doc, CfDocument *prev, const CfForm *form, const CfFormRule *rule)
{
  const CfFormTable *ftable = cf_form_get_table (form, rule->table);
  GPtrArray *along = rule->scope == CF_RULE_FOR_EACH_ROW ? ftable->rows : ftable->columns;
  guint n = cf_expr_get_n_terms (rule->expr);

  for (guint a = 0; a < along->len; a++)
    {
      const char *key = ((CfFormItem *) g_ptr_array_index (along, a))->id;
      g_autofree CfOperand *operands = g_new0 (CfOperand, n);
      g_autofree CfCell **cells = g_new0 (CfCell *, n);
      gboolean complete = TRUE;
      int first = -1, other = -1;
      double lhs, rhs;

      if (!strv_has (rule->only, key))
        continue;
      for (guint t = 0; t < n; t++)
        {
          const CfExprTerm *term = cf_expr_get_term (rule->expr, t);
          const char *row = rule->scope == CF_RULE_FOR_EACH_ROW ? key : term->key;
          const char *col = rule->scope == CF_RULE_FOR_EACH_ROW ? term->key : key;

          if (term->key == NULL)
            continue;
          operands[t] = year_operand (term->prev ? prev : doc, rule->table, row, col, &cells[t]);
          if (operands[t].state != CF_OPERAND_KNOWN)
            complete = FALSE;
          if (!term->prev && first < 0)
            first = (int) t;
          if (term->prev && other < 0)
            other = (int) t;
        }
      if (!complete || first < 0 || other < 0)
        continue;
      if (cf_expr_check (rule->expr, operands, &lhs, &rhs) != CF_EXPR_FAILS)
        continue;

      {
        CfCell *here = cells[first];
        CfCell *there = cells[other];
        const CfExprTerm *first_term = cf_expr_get_term (rule->expr, first);
        const CfExprTerm *other_term = cf_expr_get_term (rule->expr, other);
        g_autofree char *a_value = cf_number_format (lhs);
        g_autofree char *b_value = cf_number_format (rhs);
        g_autofree char *message = g_strdup_printf (
          "%d 年报告 %s / %s：%s ≠ %s（与 %s 的 %d 年报告 %s / %s 比较；%s）",
          cf_document_get_year (doc),
          rule->scope == CF_RULE_FOR_EACH_ROW ? key : first_term->key,
          rule->scope == CF_RULE_FOR_EACH_ROW ? first_term->key : key, a_value, b_value,
          cf_document_get_basename (prev), cf_document_get_year (prev),
          rule->scope == CF_RULE_FOR_EACH_ROW ? key : other_term->key,
          rule->scope == CF_RULE_FOR_EACH_ROW ? other_term->key : key,
          rule->description ? rule->description : rule->id);
        CfFinding *finding = cf_finding_new (rule->severity, rule->id, rule->table, message);

        cf_finding_add_cell (finding, rule->table, here->row, here->col, here->row_key,
                             here->col_key);
        cf_finding_add_cell (finding, rule->table, there->row, there->col, there->row_key,
                             there->col_key);
        cf_finding_set_values (finding, TRUE, rhs, TRUE, lhs);
        finding->related_document = g_strdup (cf_document_get_path (prev));
        cf_document_take_finding (doc, finding);
      }
    }
}

void
cf_rules_check_years (CfDocument *doc, CfDocument *prev, const CfForm *form)
{
  for (guint r = 0; r < form->year_rules->len; r++)
    check_year_rule (doc, prev, form, g_ptr_array_index (form->year_rules, r));
}

gboolean
cf_rules_year_reads (const CfForm *form, const char *table_id, const char *row_key,
                     const char *col_key)
{
  for (guint r = 0; r < form->year_rules->len; r++)
    {
      const CfFormRule *rule = g_ptr_array_index (form->year_rules, r);
      gboolean per_row = rule->scope == CF_RULE_FOR_EACH_ROW;
      const char *along = per_row ? row_key : col_key;
      const char *term_key = per_row ? col_key : row_key;

      if (g_strcmp0 (rule->table, table_id) != 0 || !strv_has (rule->only, along))
        continue;
      for (guint t = 0; t < cf_expr_get_n_terms (rule->expr); t++)
        if (g_strcmp0 (cf_expr_get_term (rule->expr, t)->key, term_key) == 0)
          return TRUE;
    }
  return FALSE;
}
