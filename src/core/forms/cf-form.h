/* cf-form.h: national report forms, loaded from data files
 *
 * A form (data/forms/<id>.json) names its tables, their rows and columns with
 * canonical keys and the labels (and synonyms) that print them, and the rules
 * that must hold as small expressions over keys. Adding a form needs no C.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_FORM_REGISTRY (cf_form_registry_get_type ())
G_DECLARE_FINAL_TYPE (CfFormRegistry, cf_form_registry, CF, FORM_REGISTRY, GObject)

CfFormRegistry *cf_form_registry_new          (void);
/* Loads every *.json form in @dir. */
gboolean        cf_form_registry_load_dir     (CfFormRegistry *self,
                                               const char     *dir,
                                               GError        **error);
gboolean        cf_form_registry_load_file    (CfFormRegistry *self,
                                               const char     *path,
                                               GError        **error);
/* The forms shipped with Crossfoot: $CROSSFOOT_FORMS_DIR, then the source or
 * installed data/forms folder, then the copy compiled into the library. */
CfFormRegistry *cf_form_registry_get_default  (void);
/* Form ids, in load order. */
GPtrArray      *cf_form_registry_list_ids     (CfFormRegistry *self);
/* The ids of the rules of @form_id (within one report, then across years),
 * or NULL when there is no such form. Free with g_ptr_array_unref. */
GPtrArray      *cf_form_registry_list_rule_ids (CfFormRegistry *self,
                                                const char     *form_id);
/* The row (@rows TRUE) or column keys of a table of a form, in the declared
 * order, or NULL. Free with g_ptr_array_unref. */
GPtrArray      *cf_form_registry_list_keys    (CfFormRegistry *self,
                                               const char     *form_id,
                                               const char     *table_id,
                                               gboolean        rows);
/* The label the national form prints for row (@rows TRUE) or column @key of
 * a table, under its group when it has one ("法人或其他组织 / 商业企业"), or
 * NULL when the form, table or key is unknown. */
char           *cf_form_registry_get_key_label (CfFormRegistry *self,
                                                const char     *form_id,
                                                const char     *table_id,
                                                const char     *key,
                                                gboolean        rows);
/* The heading of a form table ("收到和处理政府信息公开申请情况"), or NULL. */
const char     *cf_form_registry_get_table_heading (CfFormRegistry *self,
                                                    const char     *form_id,
                                                    const char     *table_id);
/* The table ids of @form_id in the declared order, or NULL. Free with g_ptr_array_unref. */
GPtrArray      *cf_form_registry_list_table_ids (CfFormRegistry *self,
                                                 const char     *form_id);

G_END_DECLS
