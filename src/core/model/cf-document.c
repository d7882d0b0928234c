#include <string.h>

#include "cf-document.h"

struct _CfDocument
{
  GObject         parent_instance;

  char           *path;
  char           *basename;
  char           *sha256;
  CfDocumentKind  kind;
  char           *encoding;
  int             n_pages;
  char           *text;
  gsize           text_len;
  GArray         *text_boxes;  /* of CfTextBox */
  GArray         *line_starts; /* of gint64, built on demand */
  GPtrArray      *tables;
  guint           max_table_number; /* of the "table-N" ids its tables have had */
  char           *form;
  char           *body;
  int             year;
  guint           stated_found;   /* figures of the prose that map to a cell */
  guint           stated_checked; /* of those, compared with a value */
  GPtrArray      *notes;
  GPtrArray      *findings;
  CfCoverage      coverage;     /* what the last audit could check */
  GBytes         *source_bytes; /* PDF only: the file, to render its pages again */
};

G_DEFINE_FINAL_TYPE (CfDocument, cf_document, G_TYPE_OBJECT)

static void
cf_document_finalize (GObject *object)
{
  CfDocument *self = CF_DOCUMENT (object);

  g_free (self->path);
  g_free (self->basename);
  g_free (self->sha256);
  g_free (self->encoding);
  g_free (self->text);
  g_array_unref (self->text_boxes);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_ptr_array_unref (self->tables);
  g_free (self->form);
  g_free (self->body);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->findings);
  g_clear_pointer (&self->source_bytes, g_bytes_unref);
  G_OBJECT_CLASS (cf_document_parent_class)->finalize (object);
}

static void
cf_document_class_init (CfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_document_finalize;
}

static void
cf_document_init (CfDocument *self)
{
  self->text = g_strdup ("");
  self->text_boxes = g_array_new (FALSE, FALSE, sizeof (CfTextBox));
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
}

char *
cf_document_name_for_path (const char *path)
{
  if (path == NULL || strcmp (path, "-") == 0)
    return g_strdup ("(standard input)");
  return g_path_get_basename (path);
}

CfDocument *
cf_document_new (const char *path, CfDocumentKind kind)
{
  CfDocument *self = g_object_new (CF_TYPE_DOCUMENT, NULL);

  self->path = g_strdup (path ? path : "-");
  self->basename = cf_document_name_for_path (self->path);
  self->kind = kind;
  return self;
}

const char *
cf_document_get_path (CfDocument *self)
{
  return self->path;
}

const char *
cf_document_get_basename (CfDocument *self)
{
  return self->basename;
}

const char *
cf_document_get_sha256 (CfDocument *self)
{
  return self->sha256;
}

void
cf_document_set_sha256 (CfDocument *self, const char *sha256)
{
  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
}

CfDocumentKind
cf_document_get_kind (CfDocument *self)
{
  return self->kind;
}

const char *
cf_document_kind_to_string (CfDocumentKind kind)
{
  switch (kind)
    {
    case CF_DOCUMENT_KIND_PDF:
      return "pdf";
    case CF_DOCUMENT_KIND_HTML:
      return "html";
    case CF_DOCUMENT_KIND_TEXT:
    default:
      return "text";
    }
}

const char *
cf_document_get_encoding (CfDocument *self)
{
  return self->encoding;
}

void
cf_document_set_encoding (CfDocument *self, const char *encoding)
{
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

int
cf_document_get_n_pages (CfDocument *self)
{
  return self->n_pages;
}

void
cf_document_set_n_pages (CfDocument *self, int n_pages)
{
  self->n_pages = n_pages;
}

const char *
cf_document_get_text (CfDocument *self, gsize *length)
{
  if (length)
    *length = self->text_len;
  return self->text;
}

void
cf_document_take_text (CfDocument *self, char *text, gsize length)
{
  g_free (self->text);
  self->text = text ? text : g_strdup ("");
  self->text_len = text ? length : 0;
  g_clear_pointer (&self->line_starts, g_array_unref);
}

void
cf_document_add_text_box (CfDocument *self, const CfTextBox *box)
{
  g_array_append_vals (self->text_boxes, box, 1);
}

guint
cf_document_get_n_text_boxes (CfDocument *self)
{
  return self->text_boxes->len;
}

const CfTextBox *
cf_document_get_text_box (CfDocument *self, guint index)
{
  g_return_val_if_fail (index < self->text_boxes->len, NULL);
  return &g_array_index (self->text_boxes, CfTextBox, index);
}

gboolean
cf_document_locate_range (CfDocument *self, gint64 offset, gint64 length, int *page,
                          double bbox[4])
{
  GArray *boxes = self->text_boxes;
  guint lo = 0, hi = boxes->len;
  gboolean found = FALSE;
  int first_page = 0;
  double u[4] = { 0 };

  /* Binary search for the first box that ends after @offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const CfTextBox *b = &g_array_index (boxes, CfTextBox, mid);
      if (b->offset + b->length <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < boxes->len; i++)
    {
      const CfTextBox *b = &g_array_index (boxes, CfTextBox, i);

      if (b->offset >= offset + MAX (length, 1))
        break;
      if (!found)
        {
          first_page = b->page;
          memcpy (u, b->bbox, sizeof u);
          found = TRUE;
        }
      else if (b->page == first_page)
        {
          u[0] = MIN (u[0], b->bbox[0]);
          u[1] = MIN (u[1], b->bbox[1]);
          u[2] = MAX (u[2], b->bbox[2]);
          u[3] = MAX (u[3], b->bbox[3]);
        }
    }
  if (found)
    {
      if (page)
        *page = first_page;
      if (bbox)
        memcpy (bbox, u, sizeof u);
    }
  return found;
}

int
cf_document_line_at_offset (CfDocument *self, gint64 offset)
{
  guint lo = 0, hi;

  if (self->line_starts == NULL)
    {
      self->line_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 zero = 0;
      g_array_append_val (self->line_starts, zero);
      for (gsize i = 0; i < self->text_len; i++)
        if (self->text[i] == '\n')
          {
            gint64 next = (gint64) i + 1;
            g_array_append_val (self->line_starts, next);
          }
    }
  hi = self->line_starts->len;
  /* The last line start <= offset. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->line_starts, gint64, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return (int) lo + 1;
}

GPtrArray *
cf_document_get_tables (CfDocument *self)
{
  return self->tables;
}

/* Remembers the N of a "table-N" id, so that no later table gets the id of
 * one the analyst deleted (verdicts name tables by id). */
static void
note_table_id (CfDocument *self, CfTable *table)
{
  const char *id = cf_table_get_id (table);
  guint64 n;

  if (id != NULL && g_str_has_prefix (id, "table-")
      && g_ascii_string_to_unsigned (id + strlen ("table-"), 10, 1, G_MAXUINT, &n, NULL))
    self->max_table_number = MAX (self->max_table_number, (guint) n);
}

void
cf_document_add_table (CfDocument *self, CfTable *table)
{
  if (cf_table_get_id (table) == NULL)
    {
      g_autofree char *id = g_strdup_printf ("table-%u", self->tables->len + 1);
      cf_table_set_id (table, id);
    }
  note_table_id (self, table);
  g_ptr_array_add (self->tables, g_object_ref (table));
}

char *
cf_document_new_table_id (CfDocument *self)
{
  char *id = NULL;

  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);
  for (guint n = self->max_table_number + 1; id == NULL || cf_document_find_table (self, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("table-%u", n);
    }
  return id;
}

CfTable *
cf_document_find_table (CfDocument *self, const char *id)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      CfTable *table = g_ptr_array_index (self->tables, i);
      if (g_strcmp0 (cf_table_get_id (table), id) == 0)
        return table;
    }
  return NULL;
}

void
cf_document_remove_table (CfDocument *self, guint index)
{
  g_return_if_fail (index < self->tables->len);
  g_ptr_array_remove_index (self->tables, index);
}

void
cf_document_insert_table (CfDocument *self, guint index, CfTable *table)
{
  g_return_if_fail (index <= self->tables->len);
  note_table_id (self, table);
  g_ptr_array_insert (self->tables, (int) index, g_object_ref (table));
}

const char *
cf_document_get_form (CfDocument *self)
{
  return self->form;
}

void
cf_document_set_form (CfDocument *self, const char *form_id)
{
  g_free (self->form);
  self->form = g_strdup (form_id);
}

const char *
cf_document_get_body (CfDocument *self)
{
  return self->body;
}

int
cf_document_get_year (CfDocument *self)
{
  return self->year;
}

void
cf_document_set_report_meta (CfDocument *self, const char *body, int year)
{
  g_free (self->body);
  self->body = g_strdup (body);
  self->year = year;
}

guint
cf_document_get_stated_figures (CfDocument *self, guint *checked)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), 0);
  if (checked != NULL)
    *checked = self->stated_checked;
  return self->stated_found;
}

void
cf_document_set_stated_figures (CfDocument *self, guint found, guint checked)
{
  g_return_if_fail (CF_IS_DOCUMENT (self));
  self->stated_found = found;
  self->stated_checked = checked;
}

GPtrArray *
cf_document_get_notes (CfDocument *self)
{
  return self->notes;
}

void
cf_document_take_note (CfDocument *self, CfFinding *finding)
{
  g_ptr_array_add (self->notes, finding);
}

GPtrArray *
cf_document_get_findings (CfDocument *self)
{
  return self->findings;
}

void
cf_document_take_finding (CfDocument *self, CfFinding *finding)
{
  g_ptr_array_add (self->findings, finding);
}

void
cf_document_clear_findings (CfDocument *self)
{
  g_ptr_array_set_size (self->findings, 0);
}

guint
cf_document_count_findings (CfDocument *self, CfSeverity severity)
{
  guint n = 0;

  for (guint i = 0; i < self->findings->len; i++)
    if (((CfFinding *) g_ptr_array_index (self->findings, i))->severity == severity)
      n++;
  return n;
}

GBytes *
cf_document_get_source_bytes (CfDocument *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT (self), NULL);

  return self->source_bytes;
}

void
cf_document_set_coverage (CfDocument *self, const CfCoverage *coverage)
{
  g_return_if_fail (CF_IS_DOCUMENT (self));
  self->coverage = *coverage;
}

void
cf_document_get_coverage (CfDocument *self, CfCoverage *coverage)
{
  g_return_if_fail (CF_IS_DOCUMENT (self));
  *coverage = self->coverage;
  coverage->n_pages_without_text = 0;
  coverage->n_prose_findings = 0;
  for (guint i = 0; i < self->findings->len; i++)
    {
      const CfFinding *f = g_ptr_array_index (self->findings, i);

      if (g_strcmp0 (f->rule, "pdf.no_text_layer") == 0)
        coverage->n_pages_without_text++;
      else if (f->rule && g_str_has_prefix (f->rule, "prose."))
        coverage->n_prose_findings++;
    }
}

gboolean
cf_document_nothing_checked (CfDocument *self)
{
  CfCoverage c;

  cf_document_get_coverage (self, &c);
  return c.n_form_tables == 0 && c.n_total_checks == 0 && c.n_prose_findings == 0;
}

void
cf_document_set_source_bytes (CfDocument *self, GBytes *bytes)
{
  g_return_if_fail (CF_IS_DOCUMENT (self));

  g_clear_pointer (&self->source_bytes, g_bytes_unref);
  self->source_bytes = bytes ? g_bytes_ref (bytes) : NULL;
}
