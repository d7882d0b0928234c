/* cf-document.h: a loaded report: its text, its pages and its tables
 *
 * Data flows one way: bytes -> CfDocument (text with offsets, PDF character
 * boxes) -> CfTable cells with provenance -> form mapping -> findings. The
 * document is a model only: the loader (cf-loader.c) fills it from what a
 * reader returns.
 */
#pragma once

#include <gio/gio.h>
#include "cf-table.h"
#include "cf-finding.h"

G_BEGIN_DECLS

typedef enum
{
  CF_DOCUMENT_KIND_TEXT,
  CF_DOCUMENT_KIND_HTML,
  CF_DOCUMENT_KIND_PDF,
} CfDocumentKind;

/* A run of document text placed on a PDF page (one per character or word). */
typedef struct
{
  gint64 offset; /* byte offset in the document text */
  gint64 length;
  int    page;   /* 1-based */
  double bbox[4];
} CfTextBox;

#define CF_TYPE_DOCUMENT (cf_document_get_type ())
G_DECLARE_FINAL_TYPE (CfDocument, cf_document, CF, DOCUMENT, GObject)

/* An empty document (cf_loader_load_file() reads one from a file). */
CfDocument     *cf_document_new         (const char   *path,
                                         CfDocumentKind kind);

const char     *cf_document_get_path       (CfDocument *self);
/* The file name without folders, for messages. */
const char     *cf_document_get_basename   (CfDocument *self);
/* The name a document read from @path ("-" or NULL: standard input) has in
 * messages, as cf_document_get_basename() gives it. */
char           *cf_document_name_for_path  (const char *path);
const char     *cf_document_get_sha256     (CfDocument *self);
void            cf_document_set_sha256     (CfDocument *self,
                                            const char *sha256);
CfDocumentKind  cf_document_get_kind       (CfDocument *self);
const char     *cf_document_kind_to_string (CfDocumentKind kind);
const char     *cf_document_get_encoding   (CfDocument *self);
void            cf_document_set_encoding   (CfDocument *self,
                                            const char *encoding);
int             cf_document_get_n_pages    (CfDocument *self);
void            cf_document_set_n_pages    (CfDocument *self,
                                            int         n_pages);

/* The decoded text (UTF-8, NUL-terminated). For HTML: the page flattened to
 * text (paragraphs, then tables as tab-separated lines); for PDF: the pages'
 * text in reading order, pages separated by '\f'. Cell offsets point into it. */
const char     *cf_document_get_text       (CfDocument *self,
                                            gsize      *length);
/* Takes ownership of @text. */
void            cf_document_take_text      (CfDocument *self,
                                            char       *text,
                                            gsize       length);

/* PDF only: the file's bytes (kept to render a page again, as when the
 * analyst extracts an area); NULL for other documents. */
GBytes         *cf_document_get_source_bytes (CfDocument *self);
void            cf_document_set_source_bytes (CfDocument *self,
                                              GBytes     *bytes);

/* PDF only: where each run of the text lies. Boxes are sorted by offset. */
void            cf_document_add_text_box   (CfDocument *self,
                                            const CfTextBox *box);
guint           cf_document_get_n_text_boxes (CfDocument *self);
const CfTextBox *cf_document_get_text_box  (CfDocument *self,
                                            guint       index);
/* Page and union box of the text range [offset, offset+length); FALSE if not on a page. */
gboolean        cf_document_locate_range   (CfDocument *self,
                                            gint64      offset,
                                            gint64      length,
                                            int        *page,
                                            double      bbox[4]);
/* 1-based line number of a byte offset of the text. */
int             cf_document_line_at_offset (CfDocument *self,
                                            gint64      offset);

GPtrArray      *cf_document_get_tables     (CfDocument *self);
/* Appends @table (adds a ref); gives it the id "table-N" if it has none. */
void            cf_document_add_table      (CfDocument *self,
                                            CfTable    *table);
CfTable        *cf_document_find_table     (CfDocument *self,
                                            const char *id);
/* Removes the table at @index (the analyst deleted it); its ref is dropped. */
void            cf_document_remove_table   (CfDocument *self,
                                            guint       index);
/* Inserts @table (adds a ref) at @index (undoing a removal). */
void            cf_document_insert_table   (CfDocument *self,
                                            guint       index,
                                            CfTable    *table);
/* A "table-N" id that no table of the document has had, the ones removed
 * included, for a table made by hand: verdicts and reviewed marks, which name
 * tables by id, then never pass from a deleted table to a new one. */
char           *cf_document_new_table_id   (CfDocument *self);

/* The recognised form id ("gip-2019", "gip-2021") or NULL. */
const char     *cf_document_get_form       (CfDocument *self);
void            cf_document_set_form       (CfDocument *self,
                                            const char *form_id);

/* Issuing body and year read from the title or first lines (NULL / 0 when unknown). */
const char     *cf_document_get_body       (CfDocument *self);
int             cf_document_get_year       (CfDocument *self);
void            cf_document_set_report_meta (CfDocument *self,
                                             const char *body,
                                             int         year);

/* How many figures the prose states that the form maps to a cell (found),
 * and how many of them were compared with a cell that holds a value
 * (checked); set by the audit, 0 before it. */
guint           cf_document_get_stated_figures (CfDocument *self,
                                                guint      *checked);
void            cf_document_set_stated_figures (CfDocument *self,
                                                guint       found,
                                                guint       checked);

/* Notes made while reading (a scanned page, a row that lost a cell): findings
 * that belong to the extraction and survive a re-audit. */
GPtrArray      *cf_document_get_notes      (CfDocument *self);
void            cf_document_take_note      (CfDocument *self,
                                            CfFinding  *finding);

/* Findings: the notes plus the audit's results (the audit clears and refills them). */
GPtrArray      *cf_document_get_findings   (CfDocument *self);
void            cf_document_take_finding   (CfDocument *self,
                                            CfFinding  *finding);
void            cf_document_clear_findings (CfDocument *self);
/* What an audit could check. A document where it could check nothing (no
 * table of a known form, no table with a total, no sum in its prose that
 * failed) is not "clean": the app and the inbox say so. */
typedef struct
{
  guint n_form_tables;        /* tables of a recognised form: their rules were checked */
  guint n_total_checks;       /* totals of other tables checked against their parts */
  guint n_pages_without_text; /* PDF pages with no text layer (scans) */
  guint n_prose_findings;     /* sums in the prose that do not add up */
} CfCoverage;

/* Set by the audit (the first two fields; the others are counted from the findings). */
void            cf_document_set_coverage   (CfDocument       *self,
                                            const CfCoverage *coverage);
void            cf_document_get_coverage   (CfDocument       *self,
                                            CfCoverage       *coverage);
gboolean        cf_document_nothing_checked (CfDocument      *self);

/* Counts findings of @severity. */
guint           cf_document_count_findings (CfDocument *self,
                                            CfSeverity  severity);

G_END_DECLS
