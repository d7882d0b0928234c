/* cf-edit-private.h: what the parts of cf-edit share */
#pragma once

#include "cf-edit.h"

G_BEGIN_DECLS

/* What a table looked like before a structure edit. Undoing restores it whole,
 * which is what makes an undo exact whatever the edit did to spans. */
typedef struct
{
  GPtrArray *cells;
  GArray    *row_roles; /* of int, for rows 0..n_rows */
  GArray    *col_roles;
  char      *form_id;
  char      *form_table;
} TableSnapshot;

struct _CfEdit
{
  gatomicrefcount ref_count;
  CfEditKind      kind;
  guint           table_index;
  int             row;
  int             col;
  int             n_rows;
  int             n_cols;
  gsize           index;
  CfRowRole       role;
  char           *text;       /* SET_TEXT: the new text; SET_FORM: the form id */
  char           *form_table; /* SET_FORM: the table id */
  char           *left;       /* SPLIT_TEXT: the two texts, fixed by the first apply */
  char           *right;
  char           *whole;      /* SPLIT_TEXT: the text split, to locate the pieces alike on replay */

  /* Undo state, filled by cf_edit_apply(). */
  gboolean        applied;
  TableSnapshot  *snapshot;
  char           *old_text;
  char           *old_original;
  CfCellFlags     old_flags;
  CfTable        *table;      /* REMOVE_TABLE: the removed table; ADD_TABLE: the added one */

  JsonObject     *added;      /* ADD_TABLE: the table and its note, as serialised */
  CfFinding      *note;       /* ADD_TABLE: the note it added (owned by the document) */
};

/* cf-edit.c */
CfEdit        *cf_edit_new_kind              (CfEditKind     kind,
                                              guint          table_index,
                                              int            row,
                                              int            col);
const char    *cf_edit_kind_to_string        (CfEditKind     kind);
gboolean       cf_edit_kind_from_string      (const char    *name,
                                              CfEditKind    *kind);
TableSnapshot *cf_edit_snapshot_take         (CfTable       *table);
void           cf_edit_snapshot_restore      (TableSnapshot *snap,
                                              CfTable       *table);
void           cf_edit_clear_undo_state      (CfEdit        *edit);

/* cf-edit-json.c */
CfTable       *cf_edit_added_table_from_json (JsonObject    *added,
                                              const char   **why);
CfFinding     *cf_edit_added_note_from_json  (JsonObject    *added,
                                              const char    *table_id);

G_END_DECLS
