/* STUB: replaced by the form loader. */
#include "cf-form.h"

struct _CfFormRegistry
{
  GObject    parent_instance;
  GPtrArray *ids;
};

G_DEFINE_FINAL_TYPE (CfFormRegistry, cf_form_registry, G_TYPE_OBJECT)

static void
cf_form_registry_finalize (GObject *object)
{
  g_ptr_array_unref (CF_FORM_REGISTRY (object)->ids);
  G_OBJECT_CLASS (cf_form_registry_parent_class)->finalize (object);
}

static void
cf_form_registry_class_init (CfFormRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_form_registry_finalize;
}

static void
cf_form_registry_init (CfFormRegistry *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
}

CfFormRegistry *
cf_form_registry_new (void)
{
  return g_object_new (CF_TYPE_FORM_REGISTRY, NULL);
}

gboolean
cf_form_registry_load_dir (CfFormRegistry *self, const char *dir, GError **error)
{
  (void) self;
  (void) dir;
  (void) error;
  return TRUE;
}

gboolean
cf_form_registry_load_file (CfFormRegistry *self, const char *path, GError **error)
{
  (void) self;
  (void) path;
  (void) error;
  return TRUE;
}

CfFormRegistry *
cf_form_registry_get_default (void)
{
  static CfFormRegistry *registry;

  if (g_once_init_enter (&registry))
    g_once_init_leave (&registry, cf_form_registry_new ());
  return registry;
}

GPtrArray *
cf_form_registry_list_ids (CfFormRegistry *self)
{
  return self->ids;
}
