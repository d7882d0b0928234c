/* cf-loader.h: a report's bytes to a document */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

/* Reads and extracts a report: decodes it, reads it with the reader its
 * kind needs (PDF, HTML, plain text) and returns the document. @path "-"
 * reads standard input. @password for encrypted PDFs. Errors are in
 * CF_ERROR and their message starts with the file name. */
CfDocument *cf_loader_load_file  (const char   *path,
                                  const char   *password,
                                  GCancellable *cancellable,
                                  GError      **error);
/* The same for @bytes, named @path (NULL or "-": standard input). */
CfDocument *cf_loader_load_bytes (GBytes       *bytes,
                                  const char   *path,
                                  const char   *password,
                                  GCancellable *cancellable,
                                  GError      **error);

/* Moves what @reading found into @doc, an empty document: the text, PDF
 * pages and boxes, the tables (with the ids the reading gave them) and the
 * notes. @reading is left without them. */
void        cf_loader_take_reading (CfDocument   *doc,
                                    CfReading    *reading);

/* @reading's candidates (tables a second reading found) against @doc's
 * tables, after cf_loader_take_reading() and the report's year are read:
 * each form table the candidates map more canonical cells of replaces the
 * tables it overlaps, but never one mapping more cells of another. */
void        cf_loader_choose_candidates (CfDocument *doc,
                                         CfReading  *reading);

G_END_DECLS
