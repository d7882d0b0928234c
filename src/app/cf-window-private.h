/* cf-window-private.h: the window's state, shared by cf-window*.c */
#pragma once

#include "cf-window.h"

G_BEGIN_DECLS

struct _CfWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *title_widget;
  GtkStack            *main_stack;
  AdwStatusPage       *loading_page;
  GtkSpinner          *spinner;
  GtkProgressBar      *progress;
  GtkListBox          *tables_list;
  GtkStack            *source_stack;
  CfSourceView        *source_view;
  CfPdfView           *pdf_view;
  GtkScrolledWindow   *pdf_scroller;
  GtkLabel            *pdf_status;
  GtkLabel            *page_label;
  GtkLabel            *table_title;
  CfGridView          *grid_view;
  GtkListBox          *findings_list;
  GtkLabel            *findings_heading;
  GMenu               *recent_section;

  GSettings           *settings;   /* NULL when the schema is not installed */
  char                *csv_encoding;

  CfDocument          *document;
  GBytes              *pdf_bytes;
  GCancellable        *load_cancellable;
  guint                pulse_id;
  char                *last_message;
  guint                syncing;    /* > 0 while panes follow each other */
};

/* cf-window.c */
void     cf_window_show_toast        (CfWindow   *self,
                                      const char *message);
void     cf_window_refresh_findings  (CfWindow   *self);
void     cf_window_update_recent     (CfWindow   *self);

/* cf-window-actions.c */
void     cf_window_class_add_actions (GtkWidgetClass *widget_class);
void     cf_window_update_actions    (CfWindow   *self);
void     cf_window_update_page_label (CfWindow   *self);

/* cf-window-dnd.c */
void     cf_window_setup_dnd         (CfWindow   *self);

G_END_DECLS
