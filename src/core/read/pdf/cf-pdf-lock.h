/* cf-pdf-lock.h: one page rendered at a time, process-wide
 *
 * Poppler's cairo output is not safe on two threads at once: two threads
 * rendering pages (of one document or of two) deadlocked in cairo's font
 * cache. Every caller of poppler_page_render() holds this lock around it:
 * the reader's page threads, the batch's workers and the app's page view.
 * Text extraction and table finding stay parallel.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cf_pdf_render_lock   (void);
void cf_pdf_render_unlock (void);

G_END_DECLS
