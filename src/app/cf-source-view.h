/* cf-source-view.h: a text report's text, with the selected cell highlighted */
#pragma once

#include <adwaita.h>

#include "crossfoot.h"

G_BEGIN_DECLS

#define CF_TYPE_SOURCE_VIEW (cf_source_view_get_type ())
G_DECLARE_FINAL_TYPE (CfSourceView, cf_source_view, CF, SOURCE_VIEW, AdwBin)

GtkWidget   *cf_source_view_new              (void);
void         cf_source_view_set_document     (CfSourceView *self,
                                              CfDocument   *document);
/* Highlights the byte range [@offset, @offset+@length) of the document text
 * and scrolls it into view; @offset -1 clears. */
void         cf_source_view_highlight        (CfSourceView *self,
                                              gint64        offset,
                                              gint64        length);
/* The highlighted byte range as the buffer holds it; FALSE when none. */
gboolean     cf_source_view_get_highlight    (CfSourceView *self,
                                              gint64       *offset,
                                              gint64       *length);
void         cf_source_view_clear_findings   (CfSourceView *self);
void         cf_source_view_mark_finding     (CfSourceView *self,
                                              gint64        offset,
                                              gint64        length,
                                              CfSeverity    severity);
GtkTextView *cf_source_view_get_text_view    (CfSourceView *self);

G_END_DECLS
