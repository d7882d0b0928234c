/* cf-window-private.h: the window's state, shared by cf-window*.c */
#pragma once

#include "cf-correction-session.h"
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
  CfInboxView         *inbox_view;
  GtkWidget           *inbox_button;
  GtkRevealer         *stale_banner;
  GtkLabel            *stale_label;

  GSettings           *settings;   /* NULL when the schema is not installed */
  char                *csv_encoding;

  CfDocument          *document;
  GBytes              *pdf_bytes;
  GCancellable        *load_cancellable;
  guint                pulse_id;
  char                *last_message;
  guint                syncing;    /* > 0 while panes follow each other */

  /* cf-window-edit.c */
  CfCorrectionSession *session;    /* the shown document's corrections, or NULL */
  GtkWidget           *cell_menu;  /* the grid's context menu */
  char                *password;   /* for the PDF being read, or NULL */
};

/* cf-window.c */
void     cf_window_show_toast        (CfWindow   *self,
                                      const char *message);
void     cf_window_refresh_findings  (CfWindow   *self);
void     cf_window_update_recent     (CfWindow   *self);
/* Rebuilds the tables list after a structure edit and shows table @index. */
void     cf_window_refresh_tables    (CfWindow   *self,
                                      guint       index);
/* Shows @document, already loaded and audited, in the document page. */
void     cf_window_set_document      (CfWindow   *self,
                                      CfDocument *document,
                                      GBytes     *pdf_bytes);

/* cf-window-actions.c */
void     cf_window_class_add_actions (GtkWidgetClass *widget_class);
void     cf_window_update_actions    (CfWindow   *self);
void     cf_window_update_page_label (CfWindow   *self);
/* "Saved NAME" with Open and Show in Folder (the file's folder) buttons. */
void     cf_window_show_saved        (CfWindow   *self,
                                      GFile      *file,
                                      const char *message);
/* The local path of @file, or NULL after a toast saying only local folders can be written. */
char    *cf_window_writable_path     (CfWindow   *self,
                                      GFile      *file);
/* After writing @file: @saved (or "Saved NAME") with Open and Show in Folder, or the error. */
void     cf_window_report_written    (CfWindow     *self,
                                      GFile        *file,
                                      gboolean      written,
                                      const GError *error,
                                      const char   *saved);

/* cf-window-inbox.c */
void     cf_window_class_add_inbox   (GtkWidgetClass *widget_class);
void     cf_window_setup_inbox       (CfWindow   *self);
/* TRUE when @files are several, or a folder: they go to the inbox. */
gboolean cf_window_wants_batch       (GSList     *files);

/* cf-window-edit.c */
void     cf_window_class_add_edit_actions (GtkWidgetClass *widget_class);
void     cf_window_setup_edit        (CfWindow   *self);
void     cf_window_dispose_edit      (CfWindow   *self);
/* Ties the document being shown to @session (NULL: open one now). */
void     cf_window_attach_session    (CfWindow            *self,
                                      CfCorrectionSession *session);
void     cf_window_update_edit_actions (CfWindow *self);
/* The grid's cell menu (rows, columns, spans, totals, the table). */
GMenuModel *cf_window_cell_menu_model_new (void);
/* The finding's review state in its row: accept button, note, dimming. */
void     cf_window_decorate_finding  (CfWindow   *self,
                                      GtkWidget  *row,
                                      GtkWidget  *box,
                                      CfFinding  *finding);
/* The reviewed toggle of a table in the tables list. */
void     cf_window_decorate_table_row (CfWindow  *self,
                                       GtkWidget *row,
                                       GtkWidget *box,
                                       CfTable   *table);
/* A PDF needs a password: asks for it, then reads @file again. */
void     cf_window_ask_password      (CfWindow   *self,
                                      GFile      *file,
                                      gboolean    retry);

/* cf-window-layout.c */
void     cf_window_class_add_layout  (GtkWidgetClass *widget_class);
void     cf_window_setup_layout      (CfWindow   *self);

/* cf-window-restate.c */
void     cf_window_class_add_restate_actions (GtkWidgetClass *widget_class);

/* cf-window-extract.c */
void     cf_window_class_add_extract (GtkWidgetClass *widget_class);
void     cf_window_setup_extract     (CfWindow   *self);

/* cf-window-dnd.c */
void     cf_window_setup_dnd         (CfWindow   *self);

G_END_DECLS
