#pragma once

#include <adwaita.h>

#include "crossfoot.h"
#include "cf-application.h"
#include "cf-grid-view.h"
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
/* The first file here, each other one in a new window. */
void          cf_window_open_files       (CfWindow      *self,
                                          GSList        *files);
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

G_END_DECLS
