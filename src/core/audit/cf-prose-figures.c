/* cf-prose-figures.c: the figures the prose states, against their cells
 *
 * Reports state their key figures twice: in the text ("全年共受理政府信息公开
 * 申请3119件") and in the tables. Which phrase states which cell is data: the
 * "statements" of the form file (docs/report-forms.md). A disagreement is a
 * finding naming the sentence and the cell.
 *
 * Decisions:
 * - A figure is a quantity with a count unit (件 条 个 宗 起 次 项…). Its
 *   words are the text before it back to the clause's start (, ; : or
 *   brackets, or the number before it) and the words after it up to the next
 *   break. When words follow the unit, they name what is counted ("另有72件
 *   申请…顺延到下年度"), so the statement's object must be among them: "等六
 *   个部分" counts parts, not requests.
 * - The first statement of the form whose words fit is the one stated.
 * - Cells the report leaves blank read as 0; a disagreement with one is a
 *   warning. An error needs an exact figure and a word the statement calls
 *   unambiguous (收到 / 新收 申请: 受理 may cover a narrower body).
 * - Approximate figures (约, 余, 多, 近, 以上…) agree within 10 % or one
 *   unit of their last significant digit, and never make an error.
 * - Shares: after a figure, the parts that follow in the same paragraph
 *   with their share ("予以公开258件，占33.9%；不予公开35件，占4.34%…") must
 *   each be their part of it, within one unit of the printed last decimal;
 *   when the run ends on 其他/其余/另有/剩余 the parts must make the whole.
 *   Both are warnings: the base may be another figure.
 */
#include <math.h>
#include <string.h>
#include "cf-prose-private.h"
#include "cf-form-private.h"
#include "cf-number.h"

struct _CfStatedFigures
{
  CfDocument   *doc;
  const CfForm *form;
  guint         n_found;
  guint         n_checked;
  /* The run of shares after the last figure stated in this paragraph. */
  gboolean      has_base;
  double        base;
  char         *base_stated;
  guint         n_parts;
  double        parts_sum;
  guint         n_shares;
  double        shares_sum;
  gboolean      closed;
  SentenceSpan  run_span;   /* from the base's sentence to the last part's */
};

static gboolean
is_break (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == 0x3002 /* 。 */
         || c == '[' || c == ']';
}

static gboolean
is_count_unit (const char *unit)
{
  return cf_prose_unit_is_piece (unit) || strcmp (unit, "起") == 0 || strcmp (unit, "次") == 0
         || strcmp (unit, "项") == 0 || strcmp (unit, "件次") == 0;
}

static gboolean
text_has_any (const char *text, GStrv words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The words of @n: before it in its clause, and after its unit to the next break. */
static void
figure_words (const Sentence *s, GArray *numbers, guint index, char **before, char **after)
{
  const ProseNumber *n = &g_array_index (numbers, ProseNumber, index);
  gsize from = n->start, to = n->end;
  gsize lower = index > 0 ? g_array_index (numbers, ProseNumber, index - 1).end : 0;
  gsize upper = index + 1 < numbers->len ? g_array_index (numbers, ProseNumber, index + 1).start
                                         : s->n;

  while (from > lower && !is_break (s->chars[from - 1]))
    from--;
  while (to < upper && !is_break (s->chars[to]) && s->chars[to] != 0x3001 /* 、 */)
    to++;
  *before = g_strndup (s->text + s->starts[from], s->starts[n->start] - s->starts[from]);
  *after = g_strstrip (g_strndup (s->text + s->starts[n->end], s->starts[to] - s->starts[n->end]));
}

/* @context: the words of the figure this one details ("行政复议2件，其中维持1件"). */
static const CfFormStatement *
find_statement (const CfForm *form, const char *before, const char *after, const char *context)
{
  g_autofree char *words = g_strconcat (context, before, after, NULL);

  for (guint i = 0; i < form->statements->len; i++)
    {
      const CfFormStatement *statement = g_ptr_array_index (form->statements, i);

      if (!text_has_any (*after != '\0' ? after : before, statement->objects))
        continue;
      if (statement->verbs != NULL && statement->verbs[0] != NULL
          && !text_has_any (words, statement->verbs))
        continue;
      if (text_has_any (words, statement->none))
        continue;
      return statement;
    }
  return NULL;
}

/* A row whose values the matcher could not place in their columns (the
 * rules take no part of it either). */
static gboolean
row_is_unplaced (CfDocument *doc, const char *table_id, int row)
{
  GPtrArray *findings = cf_document_get_findings (doc);

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->rule, "form.row_mismatch") != 0
          && g_strcmp0 (finding->rule, "cell.missing") != 0)
        continue;
      for (guint c = 0; c < finding->cells->len; c++)
        {
          CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);

          if (ref->row == row && g_strcmp0 (ref->table, table_id) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The sum of the statement's cells; FALSE when one is not in the report or
 * holds no number. */
static gboolean
cells_value (CfDocument *doc, const CfFormStatement *statement, double *sum, gboolean *blank,
             GPtrArray *cells)
{
  *sum = 0;
  *blank = FALSE;
  for (guint c = 0; c < statement->cells->len; c++)
    {
      const CfFormCellKey *key = &g_array_index (statement->cells, CfFormCellKey, c);
      CfTable *table = cf_document_find_table (doc, key->table);
      CfCell *cell = table ? cf_table_find_by_keys (table, key->row, key->column) : NULL;

      if (cell == NULL || (cell->flags & (CF_CELL_FLAG_MISSING | CF_CELL_FLAG_UNCERTAIN))
          || row_is_unplaced (doc, key->table, cell->row))
        return FALSE;
      if (cell->number.kind == CF_NUMBER_VALUE)
        *sum += cell->number.value;
      else if (cell->number.kind == CF_NUMBER_BLANK)
        *blank = TRUE;
      else
        return FALSE;
      g_ptr_array_add (cells, cell);
    }
  return TRUE;
}

static gboolean
approximately_equal (double stated, double actual)
{
  double step = 1;

  while (step * 10 <= stated && fmod (stated, step * 10) < 0.5)
    step *= 10;
  return fabs (stated - actual) <= MAX (0.1 * stated, step);
}

static void
locate (const SentenceSpan *span, CfFinding *finding)
{
  finding->offset = span->offset;
  finding->length = span->length;
  if (cf_document_get_kind (span->doc) == CF_DOCUMENT_KIND_PDF)
    cf_document_locate_range (span->doc, span->offset, span->length, &finding->page,
                              finding->bbox);
}

static void
compare_figure (CfStatedFigures *self, const SentenceSpan *span, const ProseNumber *n,
                const CfFormStatement *statement, const char *words)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *stated = NULL;
  g_autofree char *table_text = NULL;
  g_autofree char *message = NULL;
  gboolean blank, agree;
  CfFinding *finding;
  CfSeverity severity;
  double sum;

  self->n_found++;
  if (!cells_value (self->doc, statement, &sum, &blank, cells))
    return;
  self->n_checked++;
  agree = n->approximate ? approximately_equal (n->value, sum) : fabs (n->value - sum) < 0.5;
  if (agree)
    return;

  severity = !n->approximate && !blank && text_has_any (words, statement->unambiguous)
               ? CF_SEVERITY_ERROR
               : CF_SEVERITY_WARNING;
  stated = cf_number_format (n->value);
  table_text = cf_number_format (sum);
  message = g_strdup_printf ("正文称%s%s%s%s，表格%s为%s", statement->stated,
                             n->approximate ? "约" : "", stated, n->unit, statement->cell_name,
                             table_text);
  finding = cf_finding_new (severity, "prose.table_mismatch", NULL, message);
  cf_finding_set_values (finding, TRUE, sum, TRUE, n->value);
  locate (span, finding);
  for (guint c = 0; c < statement->cells->len; c++)
    {
      const CfFormCellKey *key = &g_array_index (statement->cells, CfFormCellKey, c);
      CfCell *cell = g_ptr_array_index (cells, c);

      cf_finding_add_cell (finding, key->table, cell->row, cell->col, key->row, key->column);
    }
  cf_document_take_finding (self->doc, finding);
}

/* Shares ------------------------------------------------------------------- */

static void
run_end (CfStatedFigures *self)
{
  if (self->has_base && self->closed && self->n_parts >= 2 && self->n_shares >= 2
      && fabs (self->parts_sum - self->base) >= 0.5)
    {
      g_autofree char *parts = cf_number_format (self->parts_sum);
      g_autofree char *base = cf_number_format (self->base);
      g_autofree char *message = g_strdup_printf (
        "正文列出%s%s件的各部分，合计%s件，所述占比合计%.2f%%", self->base_stated ? self->base_stated : "",
        base, parts, self->shares_sum);
      CfFinding *finding = cf_finding_new (CF_SEVERITY_WARNING, "prose.share", NULL, message);

      cf_finding_set_values (finding, TRUE, self->base, TRUE, self->parts_sum);
      locate (&self->run_span, finding);
      cf_document_take_finding (self->doc, finding);
    }
  self->has_base = FALSE;
  self->n_parts = self->n_shares = 0;
  self->parts_sum = self->shares_sum = 0;
  self->closed = FALSE;
  g_clear_pointer (&self->base_stated, g_free);
}

static void
run_start (CfStatedFigures *self, const SentenceSpan *span, const ProseNumber *n,
           const CfFormStatement *statement)
{
  run_end (self);
  if (n->approximate)
    return;
  self->has_base = TRUE;
  self->base = n->value;
  self->base_stated = g_strdup (statement->stated);
  self->run_span = *span;
}

/* "予以公开258件，占33.9%": a part, then its share of the base. */
static void
check_share (CfStatedFigures *self, const SentenceSpan *span, const ProseNumber *part,
             const ProseNumber *share)
{
  double unit = 1, actual;

  for (int d = 0; d < share->decimals; d++)
    unit /= 10;
  actual = 100 * part->value / self->base;
  self->n_shares++;
  self->shares_sum += share->value;
  if (share->approximate || fabs (actual - share->value) <= unit + 1e-9)
    return;
  {
    g_autofree char *part_text = cf_number_format (part->value);
    g_autofree char *base_text = cf_number_format (self->base);
    g_autofree char *message = g_strdup_printf ("正文称%s%s占%.*f%%，但%s÷%s为%.2f%%", part_text,
                                                part->unit, share->decimals, share->value,
                                                part_text, base_text, actual);
    CfFinding *finding = cf_finding_new (CF_SEVERITY_WARNING, "prose.share", NULL, message);

    cf_finding_set_values (finding, TRUE, actual, TRUE, share->value);
    locate (span, finding);
    cf_document_take_finding (self->doc, finding);
  }
}

static gboolean
is_share (const Sentence *s, const ProseNumber *n)
{
  return strcmp (n->unit, "%") == 0 && cf_sentence_find (s, n->clause, n->start, "占") >= 0
         && !cf_sentence_has_rate_word (s, n->clause, n->start);
}

/* A sentence of the run: parts of the base, each maybe with its share. */
static gboolean
take_parts (CfStatedFigures *self, const SentenceSpan *span, const Sentence *s, GArray *numbers)
{
  const ProseNumber *part = NULL;
  gboolean any = FALSE;

  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);

      if (is_share (s, n) && part != NULL)
        {
          check_share (self, span, part, n);
          any = TRUE;
          part = NULL;
        }
      else if (n->usable && is_count_unit (n->unit))
        {
          gsize from = n->clause;

          if (part != NULL)
            break;  /* two parts without shares: not a run of shares */
          part = n;
          self->n_parts++;
          self->parts_sum += n->value;
          while (from < n->start && s->chars[from] == ' ')
            from++;
          self->closed = cf_sentence_matches (s, from, "其他") || cf_sentence_matches (s, from, "其余")
                         || cf_sentence_matches (s, from, "其它") || cf_sentence_matches (s, from, "另有")
                         || cf_sentence_matches (s, from, "剩余");
          any = TRUE;
        }
      else if (n->usable)
        return FALSE;
    }
  if (any)
    {
      self->run_span.length = span->offset + span->length - self->run_span.offset;
    }
  return any;
}

/* The walk ------------------------------------------------------------------ */

CfStatedFigures *
cf_stated_figures_new (CfDocument *doc, const CfForm *form)
{
  CfStatedFigures *self = g_new0 (CfStatedFigures, 1);

  self->doc = doc;
  self->form = form;
  return self;
}

void
cf_stated_figures_check (CfStatedFigures *self, const SentenceSpan *span, const Sentence *s,
                         GArray *numbers)
{
  gboolean stated_any = FALSE;
  g_autofree char *context = g_strdup ("");

  if (self->form == NULL)
    return;
  for (guint k = 0; k < numbers->len; k++)
    {
      const ProseNumber *n = &g_array_index (numbers, ProseNumber, k);
      const CfFormStatement *statement;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *words = NULL;

      if (!n->usable || !is_count_unit (n->unit))
        continue;
      figure_words (s, numbers, k, &before, &after);
      statement = find_statement (self->form, before, after,
                                  g_str_has_prefix (before, "其中") ? context : "");
      if (statement == NULL)
        continue;
      words = g_strconcat (before, after, NULL);
      g_free (context);
      context = g_strdup (words);
      compare_figure (self, span, n, statement, words);
      /* A figure in brackets explains the one before; it is no base. */
      if (n->depth == 0)
        run_start (self, span, n, statement);
      stated_any = TRUE;
    }
  if (!stated_any && self->has_base && !take_parts (self, span, s, numbers))
    run_end (self);
}

void
cf_stated_figures_paragraph_end (CfStatedFigures *self)
{
  run_end (self);
}

void
cf_stated_figures_free (CfStatedFigures *self)
{
  run_end (self);
  cf_document_set_stated_figures (self->doc, self->n_found, self->n_checked);
  g_free (self);
}
