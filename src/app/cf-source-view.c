/* cf-source-view.c: the source pane for text and HTML reports
 *
 * Cell offsets are bytes of the document text; GtkTextBuffer counts
 * characters, so ranges are converted at the edges.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-source-view.h"

struct _CfSourceView
{
  AdwBin         parent_instance;

  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag    *selected_tag;
  GtkTextTag    *error_tag;
  GtkTextTag    *warning_tag;
  GtkTextMark   *highlight_mark;
  CfDocument    *document;
  guint          syncing : 1;
};

G_DEFINE_FINAL_TYPE (CfSourceView, cf_source_view, ADW_TYPE_BIN)

enum
{
  OFFSET_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
document_text (CfSourceView *self, gsize *length)
{
  if (self->document == NULL)
    {
      *length = 0;
      return "";
    }
  return cf_document_get_text (self->document, length);
}

static void
iter_at_byte (CfSourceView *self, gint64 offset, GtkTextIter *iter)
{
  gsize length;
  const char *text = document_text (self, &length);

  offset = CLAMP (offset, 0, (gint64) length);
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter,
                                      (int) g_utf8_pointer_to_offset (text, text + offset));
}

static gint64
byte_at_iter (CfSourceView *self, const GtkTextIter *iter)
{
  gsize length;
  const char *text = document_text (self, &length);

  return g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (iter)) - text;
}

void
cf_source_view_set_document (CfSourceView *self, CfDocument *document)
{
  gsize length = 0;
  const char *text;

  g_return_if_fail (CF_IS_SOURCE_VIEW (self));
  g_set_object (&self->document, document);
  text = document_text (self, &length);
  self->syncing = TRUE;
  gtk_text_buffer_set_text (self->buffer, text, (int) length);
  self->syncing = FALSE;
}

void
cf_source_view_highlight (CfSourceView *self, gint64 offset, gint64 length)
{
  GtkTextIter start, end;

  g_return_if_fail (CF_IS_SOURCE_VIEW (self));
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->selected_tag, &start, &end);
  if (offset < 0 || self->document == NULL)
    return;
  iter_at_byte (self, offset, &start);
  iter_at_byte (self, offset + MAX (length, 0), &end);
  gtk_text_buffer_apply_tag (self->buffer, self->selected_tag, &start, &end);
  gtk_text_buffer_move_mark (self->buffer, self->highlight_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->highlight_mark, 0.1, TRUE, 0.0, 0.3);
}

gboolean
cf_source_view_get_highlight (CfSourceView *self, gint64 *offset, gint64 *length)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CF_IS_SOURCE_VIEW (self), FALSE);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, self->selected_tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&start, self->selected_tag))
    return FALSE;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, self->selected_tag);
  *offset = byte_at_iter (self, &start);
  *length = byte_at_iter (self, &end) - *offset;
  return TRUE;
}

void
cf_source_view_clear_findings (CfSourceView *self)
{
  GtkTextIter start, end;

  g_return_if_fail (CF_IS_SOURCE_VIEW (self));
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->error_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->warning_tag, &start, &end);
}

void
cf_source_view_mark_finding (CfSourceView *self, gint64 offset, gint64 length, CfSeverity severity)
{
  GtkTextIter start, end;

  g_return_if_fail (CF_IS_SOURCE_VIEW (self));
  if (offset < 0 || length <= 0 || severity == CF_SEVERITY_INFO)
    return;
  iter_at_byte (self, offset, &start);
  iter_at_byte (self, offset + length, &end);
  gtk_text_buffer_apply_tag (self->buffer,
                             severity == CF_SEVERITY_ERROR ? self->error_tag : self->warning_tag,
                             &start, &end);
}

GtkTextView *
cf_source_view_get_text_view (CfSourceView *self)
{
  g_return_val_if_fail (CF_IS_SOURCE_VIEW (self), NULL);
  return self->text_view;
}

/* Clicking (or moving the cursor) inside a table's text selects that cell. */
static void
on_cursor_moved (GtkTextBuffer *buffer, GParamSpec *pspec, CfSourceView *self)
{
  GtkTextIter iter;

  if (self->syncing || self->document == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_signal_emit (self, signals[OFFSET_ACTIVATED], 0, byte_at_iter (self, &iter));
}

static void
cf_source_view_dispose (GObject *object)
{
  CfSourceView *self = CF_SOURCE_VIEW (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (cf_source_view_parent_class)->dispose (object);
}

static void
cf_source_view_class_init (CfSourceViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_source_view_dispose;

  signals[OFFSET_ACTIVATED] = g_signal_new ("offset-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cf_source_view_init (CfSourceView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkTextIter start;

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (self->text_view, FALSE);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "source-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source"),
                                  -1);

  /* Colours that read on light and dark backgrounds; weight and underline
   * carry the meaning too. */
  self->selected_tag = gtk_text_buffer_create_tag (self->buffer, "selected-cell",
                                                   "background", "rgba(53,132,228,0.35)",
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);
  self->error_tag = gtk_text_buffer_create_tag (self->buffer, "finding-error",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1 },
                                                "background", "rgba(224,27,36,0.18)",
                                                NULL);
  self->warning_tag = gtk_text_buffer_create_tag (self->buffer, "finding-warning",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  "underline-rgba", &(GdkRGBA) { 0.9, 0.6, 0.0, 1 },
                                                  "background", "rgba(229,165,10,0.18)",
                                                  NULL);
  /* The selection shows over findings. */
  gtk_text_tag_set_priority (self->selected_tag,
                             gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (self->buffer)) - 1);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->highlight_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  g_signal_connect (self->buffer, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

GtkWidget *
cf_source_view_new (void)
{
  return g_object_new (CF_TYPE_SOURCE_VIEW, NULL);
}
