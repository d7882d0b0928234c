/* cf-pdf-reader.h: PDF reports through poppler-glib */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

/* Reads the PDF in @bytes (@name, the file's, for messages; @password or
 * NULL): the pages' text with character boxes, ruled (lattice) and
 * borderless (stream) tables, tables joined across pages. A page with no
 * text layer adds a warning note naming the page. NULL with @error set
 * (CF_ERROR, messages that start with @name) when it cannot be read. */
CfReading *cf_pdf_reader_read (GBytes       *bytes,
                               const char   *password,
                               const char   *name,
                               GCancellable *cancellable,
                               GError      **error);

G_END_DECLS
