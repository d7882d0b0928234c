/* cf-html-reader.h: saved web-page reports, read with libxml2's HTML parser */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

/* Parses @html (UTF-8; @name, the file's, for messages) into a reading: its
 * text is the page flattened to text (block elements one per line; each
 * table row a line of tab-separated cells), and every <table> becomes a
 * CfTable whose merged cells keep their rowspan/colspan and whose cell
 * offsets point into that text. NULL with @error set when it cannot be. */
CfReading *cf_html_reader_read  (const char *html,
                                 gsize       len,
                                 const char *name,
                                 GError    **error);

/* TRUE when @text looks like an HTML page (doctype, <html>, <table> near the start). */
gboolean   cf_html_reader_sniff (const char *text,
                                 gsize       len);

G_END_DECLS
