/* cf-reading.c: what a reader found in a report, before it is a document */
#include "cf-reading.h"

struct _CfReading
{
  GObject    parent_instance;

  char      *text;
  gsize      text_len;
  GPtrArray *tables;     /* of CfTable */
  GPtrArray *notes;      /* of CfFinding */
  GArray    *text_boxes; /* of CfTextBox */
  int        n_pages;
  GPtrArray *candidates; /* of CfTable */
};

G_DEFINE_FINAL_TYPE (CfReading, cf_reading, G_TYPE_OBJECT)

static void
cf_reading_finalize (GObject *object)
{
  CfReading *self = CF_READING (object);

  g_free (self->text);
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->notes);
  g_array_unref (self->text_boxes);
  g_ptr_array_unref (self->candidates);
  G_OBJECT_CLASS (cf_reading_parent_class)->finalize (object);
}

static void
cf_reading_class_init (CfReadingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_reading_finalize;
}

static void
cf_reading_init (CfReading *self)
{
  self->text = g_strdup ("");
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  self->text_boxes = g_array_new (FALSE, FALSE, sizeof (CfTextBox));
  self->candidates = g_ptr_array_new_with_free_func (g_object_unref);
}

CfReading *
cf_reading_new (void)
{
  return g_object_new (CF_TYPE_READING, NULL);
}

const char *
cf_reading_get_text (CfReading *self, gsize *length)
{
  g_return_val_if_fail (CF_IS_READING (self), NULL);

  if (length)
    *length = self->text_len;
  return self->text;
}

void
cf_reading_take_text (CfReading *self, char *text, gsize length)
{
  g_return_if_fail (CF_IS_READING (self));

  g_free (self->text);
  self->text = text ? text : g_strdup ("");
  self->text_len = text ? length : 0;
}

char *
cf_reading_steal_text (CfReading *self, gsize *length)
{
  char *text;

  g_return_val_if_fail (CF_IS_READING (self), NULL);

  text = g_steal_pointer (&self->text);
  if (length)
    *length = self->text_len;
  self->text = g_strdup ("");
  self->text_len = 0;
  return text;
}

GPtrArray *
cf_reading_get_tables (CfReading *self)
{
  g_return_val_if_fail (CF_IS_READING (self), NULL);

  return self->tables;
}

void
cf_reading_add_table (CfReading *self, CfTable *table)
{
  g_return_if_fail (CF_IS_READING (self));
  g_return_if_fail (CF_IS_TABLE (table));

  if (cf_table_get_id (table) == NULL)
    {
      g_autofree char *id = g_strdup_printf ("table-%u", self->tables->len + 1);
      cf_table_set_id (table, id);
    }
  g_ptr_array_add (self->tables, g_object_ref (table));
}

GPtrArray *
cf_reading_get_notes (CfReading *self)
{
  g_return_val_if_fail (CF_IS_READING (self), NULL);

  return self->notes;
}

void
cf_reading_take_note (CfReading *self, CfFinding *note)
{
  g_return_if_fail (CF_IS_READING (self));

  g_ptr_array_add (self->notes, note);
}

void
cf_reading_add_text_box (CfReading *self, const CfTextBox *box)
{
  g_return_if_fail (CF_IS_READING (self));

  g_array_append_vals (self->text_boxes, box, 1);
}

GArray *
cf_reading_get_text_boxes (CfReading *self)
{
  g_return_val_if_fail (CF_IS_READING (self), NULL);

  return self->text_boxes;
}

int
cf_reading_get_n_pages (CfReading *self)
{
  g_return_val_if_fail (CF_IS_READING (self), 0);

  return self->n_pages;
}

void
cf_reading_set_n_pages (CfReading *self, int n_pages)
{
  g_return_if_fail (CF_IS_READING (self));

  self->n_pages = n_pages;
}

GPtrArray *
cf_reading_get_candidates (CfReading *self)
{
  g_return_val_if_fail (CF_IS_READING (self), NULL);

  return self->candidates;
}

void
cf_reading_add_candidate (CfReading *self, CfTable *table)
{
  g_return_if_fail (CF_IS_READING (self));
  g_return_if_fail (CF_IS_TABLE (table));

  g_ptr_array_add (self->candidates, g_object_ref (table));
}
