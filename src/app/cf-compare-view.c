/* cf-compare-view.c: two years of one body's report side by side
 *
 * The grid is a GtkColumnView over the CfCellChange objects of the table
 * chosen (or of all tables, largest change first): its cells are labels,
 * named in bind every time since rows are recycled (../shared/spec/app.md).
 */
#include "config.h"

#include <glib/gi18n.h>
#include "cf-compare-view.h"

struct _CfCompareView
{
  AdwBin               parent_instance;

  GtkLabel            *summary_label;
  GtkLabel            *notes_label;
  GtkDropDown         *table_dropdown;
  GtkCheckButton      *largest_check;
  GtkColumnView       *cells_view;
  GtkListBox          *findings_list;
  GtkTextView         *text_view;

  CfComparison        *comparison;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[CF_COMPARE_N_COLUMNS];
  GListStore          *largest; /* CfCellChange, when largest first */
};

G_DEFINE_FINAL_TYPE (CfCompareView, cf_compare_view, ADW_TYPE_BIN)

/* Cells --------------------------------------------------------------------- */

static void
on_cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CfCompareColumn column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column >= CF_COMPARE_COLUMN_OLD ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 4);
  gtk_widget_set_margin_end (label, 4);
  gtk_list_item_set_child (item, label);
}

static const char *const mark_classes[] = { "compare-changed", "compare-one-year", "error",
                                            "warning", "dim-label" };

/* Where a year's cell came from, as the main grid says it. */
static char *
where_of (const CfCell *cell)
{
  if (cell == NULL)
    return g_strdup ("");
  if (cell->page > 0)
    /* TRANSLATORS: where a cell came from: a PDF page */
    return g_strdup_printf (_("page %d"), cell->page);
  return g_strdup ("");
}

static void
on_cell_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CfCompareColumn column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_list_item_get_child (item);
  CfCellChange *change = gtk_list_item_get_item (item);
  CfCompareView *self = g_object_get_data (G_OBJECT (factory), "view");
  CfCellChangeKind kind = cf_cell_change_get_kind (change);
  GPtrArray *findings = cf_cell_change_get_findings (change);
  const char *row = cf_cell_change_get_row_label (change);
  const char *col = cf_cell_change_get_col_label (change);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GString) description = g_string_new (NULL);
  gboolean new_year = column == CF_COMPARE_COLUMN_NEW;

  for (guint i = 0; i < G_N_ELEMENTS (mark_classes); i++)
    gtk_widget_remove_css_class (label, mark_classes[i]);
  switch (column)
    {
    case CF_COMPARE_COLUMN_ROW:
      text = g_strdup (row);
      /* TRANSLATORS: accessible name of a row label cell: the row, then the word */
      name = g_strdup_printf (_("%s, row"), row);
      break;
    case CF_COMPARE_COLUMN_COLUMN:
      text = g_strdup (col);
      /* TRANSLATORS: accessible name of a column label cell: the column, then the word */
      name = g_strdup_printf (_("%s, column"), col);
      break;
    case CF_COMPARE_COLUMN_OLD:
    case CF_COMPARE_COLUMN_NEW:
      {
        g_autofree char *where = where_of (cf_cell_change_get_cell (change, new_year));

        text = cf_cell_change_dup_value_text (change, new_year);
        name = g_strdup_printf ("%s, %s, %s", row, col,
                                cf_comparison_get_year_label (self->comparison, new_year));
        g_string_append (description, where);
        if (cf_cell_change_get_cell (change, new_year) == NULL
            || (cf_cell_change_get_cell (change, new_year)->text
                && *cf_cell_change_get_cell (change, new_year)->text == '\0'))
          gtk_widget_add_css_class (label, "dim-label");
        break;
      }
    case CF_COMPARE_COLUMN_CHANGE:
    case CF_COMPARE_N_COLUMNS:
    default:
      text = cf_cell_change_dup_change_text (change);
      /* TRANSLATORS: accessible name of a change cell: row, column, then the word */
      name = g_strdup_printf (_("%s, %s, change"), row, col);
      break;
    }
  if (column >= CF_COMPARE_COLUMN_NEW && kind != CF_CELL_CHANGE_SAME)
    {
      gtk_widget_add_css_class (label, kind == CF_CELL_CHANGE_ONLY_OLD
                                           || kind == CF_CELL_CHANGE_ONLY_NEW
                                         ? "compare-one-year" : "compare-changed");
      if (description->len > 0)
        g_string_append (description, "; ");
      /* TRANSLATORS: accessible description of a cell that changed between the years */
      g_string_append (description, _("changed"));
    }
  /* A cell a carry-over finding joins is marked in both years' columns. */
  for (guint i = 0; column >= CF_COMPARE_COLUMN_OLD && i < findings->len; i++)
    {
      const CfFinding *finding = findings->pdata[i];

      gtk_widget_add_css_class (label, finding->severity == CF_SEVERITY_ERROR ? "error"
                                                                               : "warning");
      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append (description, finding->message);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, description->len > 0 ? description->str : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
}

/* Models ---------------------------------------------------------------------- */

static void
show_model (CfCompareView *self, GListModel *model)
{
  gtk_single_selection_set_model (self->selection, model);
}

static void
update_rows (CfCompareView *self)
{
  gboolean largest = gtk_check_button_get_active (self->largest_check);
  GListModel *tables;
  guint index = gtk_drop_down_get_selected (self->table_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->table_dropdown), !largest);
  if (self->comparison == NULL)
    {
      show_model (self, NULL);
      return;
    }
  if (largest)
    {
      g_autoptr (GPtrArray) changes = cf_comparison_list_largest_changes (self->comparison, 0);

      g_list_store_remove_all (self->largest);
      g_list_store_splice (self->largest, 0, 0, changes->pdata, changes->len);
      show_model (self, G_LIST_MODEL (self->largest));
      return;
    }
  tables = cf_comparison_get_tables (self->comparison);
  if (index == GTK_INVALID_LIST_POSITION || index >= g_list_model_get_n_items (tables))
    {
      show_model (self, NULL);
      return;
    }
  {
    g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, index);

    show_model (self, cf_table_diff_get_changes (diff));
  }
}

static void
on_table_selected (CfCompareView *self)
{
  update_rows (self);
}

static void
on_largest_toggled (CfCompareView *self)
{
  update_rows (self);
}

/* Findings and text --------------------------------------------------------------- */

static void
add_finding_row (CfCompareView *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_append (self->findings_list, label);
}

static void
fill_findings (CfCompareView *self)
{
  GPtrArray *findings = cf_comparison_get_carry_findings (self->comparison);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  if (cf_comparison_get_carry_note (self->comparison) != NULL)
    add_finding_row (self, cf_comparison_get_carry_note (self->comparison));
  else if (findings->len == 0)
    add_finding_row (self, _("No carry-over finding: the later report carries the earlier one’s "
                             "figures over as the rules ask."));
  for (guint i = 0; i < findings->len; i++)
    {
      const CfFinding *finding = findings->pdata[i];
      g_autofree char *text = g_strdup_printf (
        "%s%s", finding->severity == CF_SEVERITY_ERROR ? _("Error: ") : _("Warning: "),
        finding->message);

      add_finding_row (self, text);
    }
}

static void
insert_tagged (GtkTextBuffer *buffer, const char *text, gssize len, const char *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, (int) len, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, (int) len);
}

/* Removed and inserted runs carry wdiff's marks as well as colours, so
 * that a screen reader, which reads no colour, tells them apart. */
static void
insert_sentence (GtkTextBuffer *buffer, const CfSentenceChange *sentence)
{
  switch (sentence->kind)
    {
    case CF_TEXT_REMOVED:
      insert_tagged (buffer, "[-", -1, "removed");
      insert_tagged (buffer, sentence->old_text, -1, "removed");
      insert_tagged (buffer, "-]", -1, "removed");
      break;
    case CF_TEXT_INSERTED:
      insert_tagged (buffer, "{+", -1, "inserted");
      insert_tagged (buffer, sentence->new_text, -1, "inserted");
      insert_tagged (buffer, "+}", -1, "inserted");
      break;
    case CF_TEXT_CHANGED:
      for (guint k = 0; k < sentence->spans->len; k++)
        {
          const CfDiffSpan *span = &g_array_index (sentence->spans, CfDiffSpan, k);
          gboolean removed = span->op == CF_DIFF_REMOVED;
          const char *tag = span->is_number ? (removed ? "removed-number" : "inserted-number")
                                            : (removed ? "removed" : "inserted");

          if (span->op == CF_DIFF_SAME)
            {
              insert_tagged (buffer, sentence->new_text + span->new_offset,
                             (gssize) span->new_length, NULL);
              continue;
            }
          insert_tagged (buffer, removed ? "[-" : "{+", -1, tag);
          insert_tagged (buffer,
                         removed ? sentence->old_text + span->old_offset
                                 : sentence->new_text + span->new_offset,
                         (gssize) (removed ? span->old_length : span->new_length), tag);
          insert_tagged (buffer, removed ? "-]" : "+}", -1, tag);
        }
      break;
    case CF_TEXT_SAME:
    default:
      return;
    }
  insert_tagged (buffer, "\n", -1, NULL);
}

static void
insert_text_change (const char *heading, const CfSentenceChange *sentence, gpointer data)
{
  GtkTextBuffer *buffer = data;

  if (sentence != NULL)
    {
      insert_sentence (buffer, sentence);
      return;
    }
  insert_tagged (buffer, heading, -1, "heading");
  insert_tagged (buffer, "\n", -1, NULL);
}

static void
fill_text (CfCompareView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_set_text (buffer, "", 0);
  if (cf_text_diff_count_changes (cf_comparison_get_text (self->comparison)) == 0)
    insert_tagged (buffer, _("The text did not change."), -1, NULL);
  cf_comparison_foreach_text_change (self->comparison, insert_text_change, buffer);
}

static void
fill (CfCompareView *self)
{
  GListModel *tables = cf_comparison_get_tables (self->comparison);
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr (GString) notes = g_string_new (NULL);
  const char *const *each = cf_comparison_get_notes (self->comparison);
  g_autofree char *summary = NULL;
  g_autoptr (GPtrArray) changed = cf_comparison_list_largest_changes (self->comparison, 0);

  for (int y = 0; y < 2; y++)
    gtk_column_view_column_set_title (self->columns[CF_COMPARE_COLUMN_OLD + y],
                                      cf_comparison_get_year_label (self->comparison, y));
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr (CfTableDiff) diff = g_list_model_get_item (tables, t);
      CfTableMatch match = cf_table_diff_get_match (diff);
      g_autofree char *title = NULL;

      if (match == CF_TABLE_MATCH_ONLY_OLD || match == CF_TABLE_MATCH_ONLY_NEW)
        /* TRANSLATORS: a table in the list of tables, found in one year only */
        title = g_strdup_printf (_("%s (only in %s)"), cf_table_diff_get_title (diff),
                                 cf_comparison_get_year_label (self->comparison,
                                                               match == CF_TABLE_MATCH_ONLY_NEW));
      else
        title = g_strdup_printf (ngettext ("%s (%u changed)", "%s (%u changed)",
                                           cf_table_diff_count_changed (diff)),
                                 cf_table_diff_get_title (diff), cf_table_diff_count_changed (diff));
      gtk_string_list_append (titles, title);
    }
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (titles));
  {
    guint n_findings = cf_comparison_get_carry_findings (self->comparison)->len;
    guint n_sentences = cf_text_diff_count_changes (cf_comparison_get_text (self->comparison));
    g_autofree char *cells = g_strdup_printf (ngettext ("%u cell changed", "%u cells changed",
                                                        changed->len), changed->len);
    g_autofree char *findings = g_strdup_printf (ngettext ("%u carry-over finding",
                                                           "%u carry-over findings", n_findings),
                                                 n_findings);
    g_autofree char *sentences = g_strdup_printf (ngettext ("%u sentence changed",
                                                            "%u sentences changed", n_sentences),
                                                  n_sentences);

    /* TRANSLATORS: the comparison's summary: the two files, then the three counts */
    summary = g_strdup_printf (_("%s → %s: %s, %s, %s"),
                               cf_document_get_basename (cf_comparison_get_document (self->comparison, FALSE)),
                               cf_document_get_basename (cf_comparison_get_document (self->comparison, TRUE)),
                               cells, findings, sentences);
  }
  gtk_label_set_text (self->summary_label, summary);
  for (; *each != NULL; each++)
    g_string_append_printf (notes, "%s%s", notes->len ? "\n" : "", *each);
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  fill_findings (self);
  fill_text (self);
  update_rows (self);
}

/* Life ------------------------------------------------------------------------------ */

static void
cf_compare_view_dispose (GObject *object)
{
  CfCompareView *self = CF_COMPARE_VIEW (object);

  g_clear_object (&self->comparison);
  g_clear_object (&self->selection);
  g_clear_object (&self->largest);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_COMPARE_VIEW);
  G_OBJECT_CLASS (cf_compare_view_parent_class)->dispose (object);
}

static void
cf_compare_view_class_init (CfCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_compare_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crossfoot/Crossfoot/cf-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, largest_check);
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, cells_view);
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, CfCompareView, text_view);
}

static void
cf_compare_view_init (CfCompareView *self)
{
  const char *titles[CF_COMPARE_N_COLUMNS] = { _("Row"), _("Column"), "", "", _("Change") };
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->largest = g_list_store_new (CF_TYPE_CELL_CHANGE);
  self->selection = gtk_single_selection_new (NULL);
  gtk_column_view_set_model (self->cells_view, GTK_SELECTION_MODEL (self->selection));
  for (int i = 0; i < CF_COMPARE_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), GINT_TO_POINTER (i));
      self->columns[i] = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_column_set_expand (self->columns[i], i < CF_COMPARE_COLUMN_OLD);
      gtk_column_view_append_column (self->cells_view, self->columns[i]);
      g_object_unref (self->columns[i]); /* the view keeps it */
    }
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, "pixels-above-lines",
                              8, NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "strikethrough", TRUE, "foreground", "#a51d2d",
                              "background", "#fbe3e4", NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#26703a", "background", "#e0f5e4", NULL);
  gtk_text_buffer_create_tag (buffer, "removed-number", "strikethrough", TRUE, "weight",
                              PANGO_WEIGHT_BOLD, "foreground", "#a51d2d", "background", "#f6c6c9",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "inserted-number", "underline", PANGO_UNDERLINE_SINGLE,
                              "weight", PANGO_WEIGHT_BOLD, "foreground", "#26703a", "background",
                              "#b8ebc4", NULL);
  g_signal_connect_swapped (self->table_dropdown, "notify::selected",
                            G_CALLBACK (on_table_selected), self);
  g_signal_connect_swapped (self->largest_check, "toggled", G_CALLBACK (on_largest_toggled), self);
}

GtkWidget *
cf_compare_view_new (void)
{
  return g_object_new (CF_TYPE_COMPARE_VIEW, NULL);
}

void
cf_compare_view_set_comparison (CfCompareView *self, CfComparison *comparison)
{
  g_return_if_fail (CF_IS_COMPARE_VIEW (self));
  if (!g_set_object (&self->comparison, comparison))
    return;
  if (comparison != NULL)
    fill (self);
  else
    update_rows (self);
}

CfComparison *
cf_compare_view_get_comparison (CfCompareView *self)
{
  g_return_val_if_fail (CF_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

void
cf_compare_view_select_table (CfCompareView *self, guint index)
{
  g_return_if_fail (CF_IS_COMPARE_VIEW (self));
  gtk_drop_down_set_selected (self->table_dropdown, index);
}

void
cf_compare_view_set_largest_first (CfCompareView *self, gboolean largest_first)
{
  g_return_if_fail (CF_IS_COMPARE_VIEW (self));
  gtk_check_button_set_active (self->largest_check, largest_first);
}

GtkColumnView *
cf_compare_view_get_column_view (CfCompareView *self)
{
  g_return_val_if_fail (CF_IS_COMPARE_VIEW (self), NULL);
  return self->cells_view;
}

GListModel *
cf_compare_view_get_model (CfCompareView *self)
{
  g_return_val_if_fail (CF_IS_COMPARE_VIEW (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

GtkListBox *
cf_compare_view_get_findings (CfCompareView *self)
{
  g_return_val_if_fail (CF_IS_COMPARE_VIEW (self), NULL);
  return self->findings_list;
}

GtkTextView *
cf_compare_view_get_text_view (CfCompareView *self)
{
  g_return_val_if_fail (CF_IS_COMPARE_VIEW (self), NULL);
  return self->text_view;
}
