/* cf-reading.h: what a reader found in a report, before it is a document
 *
 * Readers (text, HTML, PDF) and the table finders return a CfReading: the
 * text, its tables (cells with offsets into that text), notes made while
 * reading, and for a PDF the boxes of the text on its pages. They never see
 * a CfDocument: the loader (cf-loader.c) turns a reading into one.
 */
#pragma once

#include "cf-document.h"

G_BEGIN_DECLS

#define CF_TYPE_READING (cf_reading_get_type ())
G_DECLARE_FINAL_TYPE (CfReading, cf_reading, CF, READING, GObject)

CfReading       *cf_reading_new            (void);

/* The text (UTF-8, NUL-terminated; "" until set). Cell offsets point into it. */
const char      *cf_reading_get_text       (CfReading       *self,
                                            gsize           *length);
/* Takes ownership of @text. */
void             cf_reading_take_text      (CfReading       *self,
                                            char            *text,
                                            gsize            length);
/* Hands the text over (the reading's text is "" after). */
char            *cf_reading_steal_text     (CfReading       *self,
                                            gsize           *length);

/* Of CfTable, in reading order. */
GPtrArray       *cf_reading_get_tables     (CfReading       *self);
/* Appends @table (adds a ref); gives it the id "table-N" (N its place) if it
 * has none, the id a document gives it, so that notes can name it. */
void             cf_reading_add_table      (CfReading       *self,
                                            CfTable         *table);

/* Of CfFinding: what the reader noted (a scanned page, a row that lost a cell). */
GPtrArray       *cf_reading_get_notes      (CfReading       *self);
void             cf_reading_take_note      (CfReading       *self,
                                            CfFinding       *note);

/* PDF only: where each run of the text lies on its page, sorted by offset. */
void             cf_reading_add_text_box   (CfReading       *self,
                                            const CfTextBox *box);
/* Of CfTextBox. */
GArray          *cf_reading_get_text_boxes (CfReading       *self);

/* PDF only: the number of pages (0 otherwise). */
int              cf_reading_get_n_pages    (CfReading       *self);
void             cf_reading_set_n_pages    (CfReading       *self,
                                            int              n_pages);

/* Tables a second reading of the same text found (of CfTable, cell offsets
 * into this reading's text), each competing with the tables it overlaps: the
 * loader keeps the one whose form maps more canonical cells. */
GPtrArray       *cf_reading_get_candidates (CfReading       *self);
void             cf_reading_add_candidate  (CfReading       *self,
                                            CfTable         *table);

G_END_DECLS
