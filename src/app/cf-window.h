#pragma once

#include <adwaita.h>

#include "crossfoot.h"
#include "cf-application.h"
#include "cf-grid-view.h"
#include "cf-inbox-view.h"
#include "cf-pdf-view.h"
#include "cf-source-view.h"

G_BEGIN_DECLS

typedef enum
{
  CF_EXPORT_TABLE,      /* the table shown, to a file */
  CF_EXPORT_ALL_TABLES, /* every table, one file each, into a folder */
  CF_EXPORT_LONG,       /* canonical cells of the recognised form */
  CF_EXPORT_FINDINGS,
} CfExportKind;

#define CF_TYPE_WINDOW (cf_window_get_type ())
G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

CfWindow     *cf_window_new              (CfApplication *app);
/* Reads @file in a worker thread; the command line, drops and the open dialog all come here. */
void          cf_window_open_file        (CfWindow      *self,
                                          GFile         *file);
/* One file here; several files, or a folder, as a batch in the inbox. */
void          cf_window_open_files       (CfWindow      *self,
                                          GSList        *files);
/* Audits @files (folders give their reports) in the background, listed in the inbox. */
void          cf_window_open_batch       (CfWindow      *self,
                                          GSList        *files);
void          cf_window_open_folder      (CfWindow      *self,
                                          GFile         *folder);
/* Shows the inbox page; FALSE when no batch was opened. */
gboolean      cf_window_show_inbox       (CfWindow      *self);
CfInboxView  *cf_window_get_inbox_view   (CfWindow      *self);
/* The main page shown: "empty", "loading", "document" or "inbox". */
const char   *cf_window_get_view_name    (CfWindow      *self);
/* Reads a table from the whole lines of [@offset, @offset+@length) of the text
 * (@layout_hint as cf_text_tables_extract_range(); NULL or "auto" detects),
 * adds it to the document and audits again. Its index, or -1 with @error. */
int           cf_window_extract_text_range (CfWindow    *self,
                                            gint64       offset,
                                            gint64       length,
                                            const char  *layout_hint,
                                            GError     **error);
gboolean      cf_window_is_loading       (CfWindow      *self);
CfDocument   *cf_window_get_document     (CfWindow      *self);
void          cf_window_select_table     (CfWindow      *self,
                                          guint          index);
void          cf_window_select_finding   (CfWindow      *self,
                                          guint          index);
/* Writes @kind to @path (a folder for CF_EXPORT_ALL_TABLES) in the chosen encoding. */
gboolean      cf_window_export           (CfWindow      *self,
                                          CfExportKind   kind,
                                          const char    *path,
                                          GError       **error);
/* The last message shown in a toast (for tests), or NULL. */
const char   *cf_window_get_last_message (CfWindow      *self);

CfGridView   *cf_window_get_grid_view    (CfWindow      *self);
CfSourceView *cf_window_get_source_view  (CfWindow      *self);
CfPdfView    *cf_window_get_pdf_view     (CfWindow      *self);
GtkListBox   *cf_window_get_tables_list  (CfWindow      *self);
GtkListBox   *cf_window_get_findings_list (CfWindow     *self);
GtkLabel     *cf_window_get_pdf_status   (CfWindow      *self);

/* Corrections and review (cf-window-edit.c). */
/* Like cf_window_open_file() for a PDF that needs @password. */
void          cf_window_open_file_with_password (CfWindow   *self,
                                                 GFile      *file,
                                                 const char *password);
/* The workbook of every table and finding, with the review state. */
gboolean      cf_window_export_xlsx      (CfWindow      *self,
                                          const char    *path,
                                          GError       **error);
/* Accepts finding @index of the document ("keep as published") with @note. */
gboolean      cf_window_accept_finding   (CfWindow      *self,
                                          guint          index,
                                          const char    *note,
                                          GError       **error);
/* The list of tables beside the document (F9), and "Fit Table": the grid
 * takes the window (cf-window-layout.c). */
void          cf_window_set_sidebar_shown (CfWindow     *self,
                                           gboolean      shown);
gboolean      cf_window_get_sidebar_shown (CfWindow     *self);
/* Whether the sidebar is folded (a narrow window): it opens over the rest. */
gboolean      cf_window_get_sidebar_folded (CfWindow    *self);
void          cf_window_fit_table        (CfWindow      *self,
                                          gboolean       fit);
gboolean      cf_window_get_table_fitted (CfWindow      *self);
/* The row of the findings list showing finding @index of the document (the
 * list puts errors first and groups findings alike), or NULL. */
GtkListBoxRow *cf_window_get_finding_row (CfWindow    *self,
                                          guint        index);
/* Where toasts go now: over the grid when a document is shown (never over
 * the findings), else over the window. */
AdwToastOverlay *cf_window_get_toast_overlay (CfWindow   *self);
/* The shown document's edit history (NULL without one), and its corrections
 * saved as the JSON `crossfoot-cli --corrections` reads (win.export-corrections). */
CfEditHistory   *cf_window_get_edit_history (CfWindow   *self);
gboolean         cf_window_save_corrections_json (CfWindow   *self,
                                                  const char *path,
                                                  GError    **error);
/* The findings header of @document: what was checked and what was found. */
char         *cf_window_findings_heading (CfDocument    *document);
/* "The report is wrong here": keeps @figure as the right figure of the shown
 * table's cell (@row, @col) beside the printed text (NULL or "" forgets it). */
gboolean      cf_window_restate_cell     (CfWindow      *self,
                                          int            row,
                                          int            col,
                                          const char    *figure,
                                          GError       **error);
gboolean      cf_window_set_table_reviewed (CfWindow    *self,
                                            guint        index,
                                            gboolean     reviewed,
                                            GError     **error);
/* The banner offering an earlier version's corrections (shown when revealed). */
GtkRevealer  *cf_window_get_stale_banner (CfWindow      *self);

G_END_DECLS
