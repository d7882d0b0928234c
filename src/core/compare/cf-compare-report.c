/* cf-compare-report.c: a comparison as a report, in HTML or PDF */
#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>
#include "cf-error.h"
#include "cf-number.h"
#include "cf-compare-report.h"

/* The report as blocks ----------------------------------------------------------- */

typedef enum
{
  STYLE_PLAIN,
  STYLE_REMOVED,
  STYLE_INSERTED,
  STYLE_REMOVED_NUMBER,
  STYLE_INSERTED_NUMBER,
} Style;

typedef struct
{
  char *text;
  Style style;
} Run;

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH, /* of runs */
  BLOCK_TABLE,     /* rows of cells; the first row is the header */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  GArray    *runs; /* of Run */
  GPtrArray *rows; /* of GStrv */
} Block;

static void
run_clear (gpointer data)
{
  g_free (((Run *) data)->text);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->runs, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static Block *
add_block (GPtrArray *blocks, BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (block->runs, run_clear);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (blocks, block);
  return block;
}

static void
add_run (Block *block, const char *text, gssize len, Style style)
{
  Run run = { len < 0 ? g_strdup (text) : g_strndup (text, len), style };

  if (*run.text == '\0')
    {
      g_free (run.text);
      return;
    }
  g_array_append_val (block->runs, run);
}

static void
add_text (GPtrArray *blocks, BlockKind kind, const char *text)
{
  add_run (add_block (blocks, kind), text, -1, STYLE_PLAIN);
}

static void
add_row (Block *table, const char *first, ...)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (ap, const char *))
    g_ptr_array_add (cells, g_strdup (cell));
  va_end (ap);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (g_steal_pointer (&cells), FALSE));
}

static void
add_largest (GPtrArray *blocks, CfComparison *comparison)
{
  g_autoptr (GPtrArray) largest = cf_comparison_list_largest_changes (comparison,
                                                                       CF_COMPARE_REPORT_N_LARGEST);
  Block *table;

  add_text (blocks, BLOCK_HEADING, _("Largest changes"));
  if (largest->len == 0)
    {
      add_text (blocks, BLOCK_PARAGRAPH, _("No cell changed."));
      return;
    }
  table = add_block (blocks, BLOCK_TABLE);
  add_row (table, _("Row"), _("Column"), cf_comparison_get_year_label (comparison, FALSE),
           cf_comparison_get_year_label (comparison, TRUE), _("Change"), NULL);
  for (guint i = 0; i < largest->len; i++)
    {
      CfCellChange *change = largest->pdata[i];
      g_autofree char *old_text = cf_cell_change_dup_value_text (change, FALSE);
      g_autofree char *new_text = cf_cell_change_dup_value_text (change, TRUE);
      g_autofree char *delta = cf_cell_change_dup_change_text (change);

      add_row (table, cf_cell_change_get_row_label (change), cf_cell_change_get_col_label (change),
               old_text, new_text, delta, NULL);
    }
}

static void
add_carry (GPtrArray *blocks, CfComparison *comparison)
{
  GPtrArray *findings = cf_comparison_get_carry_findings (comparison);

  add_text (blocks, BLOCK_HEADING, _("Carry-over between the years"));
  if (cf_comparison_get_carry_note (comparison) != NULL)
    add_text (blocks, BLOCK_PARAGRAPH, cf_comparison_get_carry_note (comparison));
  else if (findings->len == 0)
    add_text (blocks, BLOCK_PARAGRAPH,
              _("The later report carries the earlier one’s figures over as the rules ask."));
  for (guint i = 0; i < findings->len; i++)
    {
      const CfFinding *finding = findings->pdata[i];
      g_autofree char *head = g_strdup_printf (
        "%s %s", finding->severity == CF_SEVERITY_ERROR ? _("Error:") : _("Warning:"),
        finding->message);
      Block *table;

      add_text (blocks, BLOCK_PARAGRAPH, head);
      table = add_block (blocks, BLOCK_TABLE);
      add_row (table, _("Report"), _("Cell"), _("Page"), _("Value"), NULL);
      for (guint c = 0; finding->cells != NULL && c < finding->cells->len; c++)
        {
          const CfCellRef *ref = &g_array_index (finding->cells, CfCellRef, c);
          gboolean new_year = FALSE;
          const CfCell *cell = cf_comparison_get_finding_cell (comparison, finding, c, &new_year);
          CfDocument *doc = cf_comparison_get_document (comparison, new_year);
          g_autofree char *report = g_strdup_printf ("%s (%s)",
                                                     cf_comparison_get_year_label (comparison,
                                                                                   new_year),
                                                     cf_document_get_basename (doc));
          CfCellChange *change = cf_comparison_find_change (comparison, ref->table, ref->row_key,
                                                            ref->col_key);
          /* The cell in the form's words, as the grid names it. */
          g_autofree char *where = change ? g_strdup_printf ("%s, %s",
                                                             cf_cell_change_get_row_label (change),
                                                             cf_cell_change_get_col_label (change))
                                          : g_strdup_printf ("%s / %s", ref->row_key,
                                                             ref->col_key);
          g_autofree char *page = cell && cell->page > 0 ? g_strdup_printf ("%d", cell->page)
                                                         : g_strdup ("—");

          add_row (table, report, where, page, cell && cell->text ? cell->text : "", NULL);
        }
    }
}

static void
add_sentence (Block *block, const CfSentenceChange *sentence)
{
  switch (sentence->kind)
    {
    case CF_TEXT_REMOVED:
      add_run (block, sentence->old_text, -1, STYLE_REMOVED);
      break;
    case CF_TEXT_INSERTED:
      add_run (block, sentence->new_text, -1, STYLE_INSERTED);
      break;
    case CF_TEXT_CHANGED:
      for (guint k = 0; k < sentence->spans->len; k++)
        {
          const CfDiffSpan *span = &g_array_index (sentence->spans, CfDiffSpan, k);

          if (span->op == CF_DIFF_SAME)
            add_run (block, sentence->new_text + span->new_offset, span->new_length, STYLE_PLAIN);
          else if (span->op == CF_DIFF_REMOVED)
            add_run (block, sentence->old_text + span->old_offset, span->old_length,
                     span->is_number ? STYLE_REMOVED_NUMBER : STYLE_REMOVED);
          else
            add_run (block, sentence->new_text + span->new_offset, span->new_length,
                     span->is_number ? STYLE_INSERTED_NUMBER : STYLE_INSERTED);
        }
      break;
    case CF_TEXT_SAME:
    default:
      break;
    }
}

static void
add_text_change (const char *heading, const CfSentenceChange *sentence, gpointer data)
{
  GPtrArray *blocks = data;

  if (sentence == NULL)
    add_text (blocks, BLOCK_SUBHEADING, heading);
  else
    add_sentence (add_block (blocks, BLOCK_PARAGRAPH), sentence);
}

static void
add_text_changes (GPtrArray *blocks, CfComparison *comparison)
{
  add_text (blocks, BLOCK_HEADING, _("Changes in the text"));
  if (cf_text_diff_count_changes (cf_comparison_get_text (comparison)) == 0)
    add_text (blocks, BLOCK_PARAGRAPH, _("The text did not change."));
  cf_comparison_foreach_text_change (comparison, add_text_change, blocks);
}

static GPtrArray *
build_blocks (CfComparison *comparison)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  g_autofree char *title = g_strdup_printf (_("Comparison of %s and %s"),
                                            cf_comparison_get_year_label (comparison, FALSE),
                                            cf_comparison_get_year_label (comparison, TRUE));
  const char *const *notes = cf_comparison_get_notes (comparison);

  add_text (blocks, BLOCK_TITLE, title);
  for (int y = 0; y < 2; y++)
    {
      CfDocument *doc = cf_comparison_get_document (comparison, y);
      const char *body = cf_document_get_body (doc);
      g_autofree char *line = g_strdup_printf (y ? _("Later report: %s (%s)")
                                                 : _("Earlier report: %s (%s)"),
                                               cf_document_get_basename (doc),
                                               body ? body : _("body unknown"));

      add_text (blocks, BLOCK_PARAGRAPH, line);
    }
  for (guint i = 0; notes[i] != NULL; i++)
    add_text (blocks, BLOCK_PARAGRAPH, notes[i]);
  add_largest (blocks, comparison);
  add_carry (blocks, comparison);
  add_text_changes (blocks, comparison);
  return blocks;
}

/* HTML ----------------------------------------------------------------------------- */

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

char *
cf_compare_report_to_html (CfComparison *comparison)
{
  g_autoptr (GPtrArray) blocks = build_blocks (comparison);
  GString *out = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>");
  static const char *const tags[] = { "h1", "h2", "h3", "p" };
  static const char *const run_tags[] = { NULL, "del", "ins", "del class=\"number\"",
                                          "ins class=\"number\"" };

  append_escaped (out, ((Run *) ((Block *) blocks->pdata[0])->runs->data)->text);
  g_string_append (out, "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
                        "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;"
                        "text-decoration:underline}.number{font-weight:bold}</style>\n</head><body>\n");
  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = blocks->pdata[b];

      if (block->kind == BLOCK_TABLE)
        {
          g_string_append (out, "<table>\n");
          for (guint r = 0; r < block->rows->len; r++)
            {
              GStrv cells = block->rows->pdata[r];

              g_string_append (out, "<tr>");
              for (guint c = 0; cells[c] != NULL; c++)
                {
                  g_string_append (out, r == 0 ? "<th>" : "<td>");
                  append_escaped (out, cells[c]);
                  g_string_append (out, r == 0 ? "</th>" : "</td>");
                }
              g_string_append (out, "</tr>\n");
            }
          g_string_append (out, "</table>\n");
          continue;
        }
      g_string_append_printf (out, "<%s>", tags[block->kind]);
      for (guint i = 0; i < block->runs->len; i++)
        {
          Run *run = &g_array_index (block->runs, Run, i);

          if (run_tags[run->style] != NULL)
            g_string_append_printf (out, "<%s>", run_tags[run->style]);
          append_escaped (out, run->text);
          if (run_tags[run->style] != NULL)
            g_string_append_printf (out, "</%.3s>", run_tags[run->style]);
        }
      g_string_append_printf (out, "</%s>\n", tags[block->kind]);
    }
  g_string_append (out, "</body></html>\n");
  return g_string_free (out, FALSE);
}

static gboolean
write_atomically (const char *path, const char *data, gsize len, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  /* g_file_set_contents writes a temporary file and renames it. */
  if (g_file_set_contents (path, data, (gssize) len, &local_error))
    return TRUE;
  g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be written (%s)"), path,
               local_error->message);
  return FALSE;
}

gboolean
cf_compare_report_write_html (CfComparison *comparison, const char *path, GError **error)
{
  g_autofree char *html = cf_compare_report_to_html (comparison);

  return write_atomically (path, html, strlen (html), error);
}

/* PDF ------------------------------------------------------------------------------ */

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 50.0

typedef struct
{
  cairo_t *cr;
  double   y;
} Pen;

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Pango markup of a block's runs. */
static char *
runs_markup (Block *block)
{
  GString *out = g_string_new (NULL);
  static const char *const spans[] = {
    NULL,
    "<span strikethrough=\"true\" foreground=\"#990000\" background=\"#ffdddd\">",
    "<span underline=\"single\" foreground=\"#006600\" background=\"#ddffdd\">",
    "<span strikethrough=\"true\" weight=\"bold\" foreground=\"#990000\" background=\"#ffdddd\">",
    "<span underline=\"single\" weight=\"bold\" foreground=\"#006600\" background=\"#ddffdd\">",
  };

  for (guint i = 0; i < block->runs->len; i++)
    {
      Run *run = &g_array_index (block->runs, Run, i);
      g_autofree char *escaped = g_markup_escape_text (run->text, -1);

      if (spans[run->style])
        g_string_append (out, spans[run->style]);
      g_string_append (out, escaped);
      if (spans[run->style])
        g_string_append (out, "</span>");
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
make_layout (Pen *pen, const char *markup, double size, gboolean bold, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Noto Sans CJK SC");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
ensure_room (Pen *pen, double height)
{
  if (pen->y + height <= PAGE_H - MARGIN || pen->y <= MARGIN)
    return;
  cairo_show_page (pen->cr);
  pen->y = MARGIN;
}

static void
draw_layout (Pen *pen, PangoLayout *layout, double x, double space_after)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  ensure_room (pen, (double) h / PANGO_SCALE);
  cairo_move_to (pen->cr, x, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += (double) h / PANGO_SCALE + space_after;
}

static void
draw_table (Pen *pen, Block *block)
{
  guint n_cols = block->rows->len > 0 ? g_strv_length (block->rows->pdata[0]) : 0;
  double width = PAGE_W - 2 * MARGIN;
  double col_w = n_cols ? width / n_cols : width;

  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv cells = block->rows->pdata[r];
      g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      double row_h = 0;

      for (guint c = 0; c < n_cols && cells[c] != NULL; c++)
        {
          g_autofree char *escaped = g_markup_escape_text (cells[c], -1);
          PangoLayout *layout = make_layout (pen, escaped, 8, r == 0, col_w - 6);
          int w, h;

          pango_layout_get_size (layout, &w, &h);
          row_h = MAX (row_h, (double) h / PANGO_SCALE + 4);
          g_ptr_array_add (layouts, layout);
        }
      ensure_room (pen, row_h);
      for (guint c = 0; c < layouts->len; c++)
        {
          cairo_rectangle (pen->cr, MARGIN + c * col_w, pen->y, col_w, row_h);
          cairo_set_line_width (pen->cr, 0.5);
          cairo_stroke (pen->cr);
          cairo_move_to (pen->cr, MARGIN + c * col_w + 3, pen->y + 2);
          pango_cairo_show_layout (pen->cr, layouts->pdata[c]);
        }
      pen->y += row_h;
    }
  pen->y += 8;
}

gboolean
cf_compare_report_write_pdf (CfComparison *comparison, const char *path, GError **error)
{
  g_autoptr (GPtrArray) blocks = build_blocks (comparison);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_W,
                                                                  PAGE_H);
  Pen pen = { cairo_create (surface), MARGIN };
  static const double sizes[] = { 16, 13, 11, 9.5 };
  cairo_status_t status;

  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = blocks->pdata[b];
      g_autofree char *markup = NULL;
      g_autoptr (PangoLayout) layout = NULL;

      if (block->kind == BLOCK_TABLE)
        {
          draw_table (&pen, block);
          continue;
        }
      markup = runs_markup (block);
      layout = make_layout (&pen, markup, sizes[block->kind], block->kind != BLOCK_PARAGRAPH,
                            PAGE_W - 2 * MARGIN);
      /* A heading is not left alone at the foot of a page. */
      if (block->kind != BLOCK_PARAGRAPH)
        ensure_room (&pen, 60);
      draw_layout (&pen, layout, MARGIN, block->kind == BLOCK_PARAGRAPH ? 5 : 8);
    }
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IO, _("%s: cannot be written (%s)"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return write_atomically (path, (const char *) bytes->data, bytes->len, error);
}
