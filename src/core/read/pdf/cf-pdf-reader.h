/* cf-pdf-reader.h: PDF reports through poppler-glib */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

/* Loads the PDF in @bytes into @doc: the pages' text with character boxes,
 * ruled (lattice) and borderless (stream) tables, tables joined across pages.
 * A page with no text layer adds a warning note naming the page. */
gboolean cf_pdf_reader_read (CfDocument   *doc,
                             GBytes       *bytes,
                             const char   *password,
                             GCancellable *cancellable,
                             GError      **error);

G_END_DECLS
