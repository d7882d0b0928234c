#include <stdlib.h>

#include "cf-table.h"

/* Most slots the dense (row, col) index may have (32 MB of pointers). A table
 * whose rows x columns is bigger (a hostile page or a corrupt correction
 * file, never a report) is indexed by its cells instead, so memory stays
 * linear in the number of cells whatever the grid's size. */
#define MAX_DENSE_SLOTS ((gsize) 1 << 22)

/* A cell in the sparse index: where it starts, and its place in @cells so
 * that the first cell placed wins a slot two cells claim, as in the dense one. */
typedef struct
{
  int     row;
  int     col;
  guint   index;
  CfCell *cell;
} IndexEntry;

struct _CfTable
{
  GObject    parent_instance;

  GPtrArray *cells;   /* of CfCell, sorted by (row, col) after finish */
  int        n_rows;
  int        n_cols;
  /* n_rows * n_cols slots pointing at the covering cell; rebuilt lazily.
   * NULL when the grid is too big: then @origins (of IndexEntry, sorted by
   * row, col, index) and @spanning (of IndexEntry, the merged cells in
   * @cells order) answer lookups. */
  CfCell   **grid;
  GArray    *origins;
  GArray    *spanning;
  gboolean   grid_valid;
  char      *id;
  char      *title;
  char      *layout;
  double     confidence; /* -1: none given */
  int        page;
  gint64     offset;
  gint64     length;
  GArray    *row_roles;  /* of int (CfRowRole), by row; NULL until one is set */
  GArray    *col_roles;
  char      *forced_form;
  char      *forced_table;
};

G_DEFINE_FINAL_TYPE (CfTable, cf_table, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONFIDENCE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
cf_table_finalize (GObject *object)
{
  CfTable *self = CF_TABLE (object);

  g_ptr_array_unref (self->cells);
  g_free (self->grid);
  g_clear_pointer (&self->origins, g_array_unref);
  g_clear_pointer (&self->spanning, g_array_unref);
  g_free (self->id);
  g_free (self->title);
  g_free (self->layout);
  g_clear_pointer (&self->row_roles, g_array_unref);
  g_clear_pointer (&self->col_roles, g_array_unref);
  g_free (self->forced_form);
  g_free (self->forced_table);
  G_OBJECT_CLASS (cf_table_parent_class)->finalize (object);
}

static void
cf_table_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CfTable *self = CF_TABLE (object);

  switch (prop_id)
    {
    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_table_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CfTable *self = CF_TABLE (object);

  switch (prop_id)
    {
    case PROP_CONFIDENCE:
      cf_table_set_confidence (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_table_class_init (CfTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_table_finalize;
  object_class->get_property = cf_table_get_property;
  object_class->set_property = cf_table_set_property;
  props[PROP_CONFIDENCE] = g_param_spec_double ("confidence", NULL, NULL, -1.0, 1.0, -1.0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
cf_table_init (CfTable *self)
{
  self->confidence = -1.0;
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_cell_free);
  self->offset = -1;
  self->length = 0;
}

CfTable *
cf_table_new (void)
{
  return g_object_new (CF_TYPE_TABLE, NULL);
}

/* Keeps row + row_span and col + col_span within int. */
static void
clamp_spans (CfCell *cell)
{
  cell->row_span = CLAMP (cell->row_span, 1, cell->row >= 0 ? G_MAXINT - cell->row : G_MAXINT);
  cell->col_span = CLAMP (cell->col_span, 1, cell->col >= 0 ? G_MAXINT - cell->col : G_MAXINT);
}

CfCell *
cf_table_add_cell (CfTable *self, int row, int col, int row_span, int col_span, const char *text,
                   gint64 offset, gint64 length)
{
  CfCell *cell;

  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  g_return_val_if_fail (row >= 0 && col >= 0, NULL);

  cell = cf_cell_new (row, col, row_span, col_span, text, offset, length);
  clamp_spans (cell);
  g_ptr_array_add (self->cells, cell);
  self->n_rows = MAX (self->n_rows, row + cell->row_span);
  self->n_cols = MAX (self->n_cols, col + cell->col_span);
  self->grid_valid = FALSE;
  return cell;
}

guint
cf_table_get_n_cells (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->cells->len;
}

CfCell *
cf_table_get_cell_at (CfTable *self, guint index)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);
  return g_ptr_array_index (self->cells, index);
}

static int
compare_entries (const void *a, const void *b)
{
  const IndexEntry *ea = a, *eb = b;

  if (ea->row != eb->row)
    return ea->row < eb->row ? -1 : 1;
  if (ea->col != eb->col)
    return ea->col < eb->col ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static void
build_sparse_index (CfTable *self)
{
  self->origins = g_array_sized_new (FALSE, FALSE, sizeof (IndexEntry), self->cells->len);
  self->spanning = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  for (guint i = 0; i < self->cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (self->cells, i);
      IndexEntry entry = { cell->row, cell->col, i, cell };

      g_array_append_val (self->origins, entry);
      if (cell->row_span > 1 || cell->col_span > 1)
        g_array_append_val (self->spanning, entry);
    }
  if (self->origins->len > 1)
    qsort (self->origins->data, self->origins->len, sizeof (IndexEntry), compare_entries);
}

static void
ensure_grid (CfTable *self)
{
  gsize n;

  if (self->grid_valid)
    return;
  g_clear_pointer (&self->grid, g_free);
  g_clear_pointer (&self->origins, g_array_unref);
  g_clear_pointer (&self->spanning, g_array_unref);
  self->grid_valid = TRUE;

  if (self->n_cols > 0 && (gsize) self->n_rows > MAX_DENSE_SLOTS / (gsize) self->n_cols)
    {
      build_sparse_index (self);
      return;
    }

  n = (gsize) self->n_rows * (gsize) self->n_cols;
  self->grid = g_new0 (CfCell *, MAX (n, 1));
  for (guint i = 0; i < self->cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (self->cells, i);

      for (int r = cell->row; r < cell->row + cell->row_span && r < self->n_rows; r++)
        for (int c = cell->col; c < cell->col + cell->col_span && c < self->n_cols; c++)
          {
            CfCell **slot = &self->grid[(gsize) r * self->n_cols + c];
            /* The first cell placed wins a slot two cells claim. */
            if (*slot == NULL)
              *slot = cell;
          }
    }
}

/* The sparse index's answer: the first cell in @cells order that starts at
 * or spans over (@row, @col). */
static CfCell *
sparse_lookup (CfTable *self, int row, int col)
{
  const IndexEntry *entries = (const IndexEntry *) (gpointer) self->origins->data;
  const IndexEntry *best = NULL;
  guint lo = 0, hi = self->origins->len;

  /* The first entry at (row, col): the lowest index there. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].row < row || (entries[mid].row == row && entries[mid].col < col))
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < self->origins->len && entries[lo].row == row && entries[lo].col == col)
    best = &entries[lo];

  for (guint i = 0; i < self->spanning->len; i++)
    {
      const IndexEntry *span = &g_array_index (self->spanning, IndexEntry, i);
      const CfCell *cell = span->cell;

      if (best != NULL && span->index >= best->index)
        break; /* in @cells order: nothing later can win */
      if (row >= cell->row && row - cell->row < cell->row_span &&
          col >= cell->col && col - cell->col < cell->col_span)
        {
          best = span;
          break;
        }
    }
  return best ? best->cell : NULL;
}

CfCell *
cf_table_get_cell (CfTable *self, int row, int col)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  if (row < 0 || col < 0 || row >= self->n_rows || col >= self->n_cols)
    return NULL;
  ensure_grid (self);
  if (self->grid == NULL)
    return sparse_lookup (self, row, col);
  return self->grid[(gsize) row * self->n_cols + col];
}

CfCell *
cf_table_get_origin_cell (CfTable *self, int row, int col)
{
  CfCell *cell = cf_table_get_cell (self, row, col);

  if (cell != NULL && cell->row == row && cell->col == col)
    return cell;
  return NULL;
}

CfCell *
cf_table_find_by_keys (CfTable *self, const char *row_key, const char *col_key)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  for (guint i = 0; i < self->cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (self->cells, i);

      if (g_strcmp0 (cell->row_key, row_key) == 0 && g_strcmp0 (cell->col_key, col_key) == 0)
        return cell;
    }
  return NULL;
}

int
cf_table_get_n_rows (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->n_rows;
}

int
cf_table_get_n_cols (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->n_cols;
}

const char *
cf_table_get_id (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  return self->id;
}

void
cf_table_set_id (CfTable *self, const char *id)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
cf_table_get_title (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  return self->title;
}

void
cf_table_set_title (CfTable *self, const char *title)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

int
cf_table_get_page (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), 0);
  return self->page;
}

void
cf_table_set_page (CfTable *self, int page)
{
  g_return_if_fail (CF_IS_TABLE (self));
  self->page = page;
}

void
cf_table_get_range (CfTable *self, gint64 *offset, gint64 *length)
{
  g_return_if_fail (CF_IS_TABLE (self));
  if (offset)
    *offset = self->offset;
  if (length)
    *length = self->length;
}

void
cf_table_set_range (CfTable *self, gint64 offset, gint64 length)
{
  g_return_if_fail (CF_IS_TABLE (self));
  self->offset = offset;
  self->length = length;
}

const char *
cf_table_get_layout (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  return self->layout;
}

void
cf_table_set_layout (CfTable *self, const char *layout)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->layout);
  self->layout = g_strdup (layout);
}

double
cf_table_get_confidence (CfTable *self)
{
  g_return_val_if_fail (CF_IS_TABLE (self), -1.0);
  return self->confidence;
}

void
cf_table_set_confidence (CfTable *self, double confidence)
{
  g_return_if_fail (CF_IS_TABLE (self));
  confidence = confidence < 0 ? -1.0 : MIN (confidence, 1.0);
  if (confidence == self->confidence)
    return;
  self->confidence = confidence;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CONFIDENCE]);
}

static int
compare_cells (gconstpointer a, gconstpointer b)
{
  const CfCell *ca = *(CfCell * const *) a;
  const CfCell *cb = *(CfCell * const *) b;

  if (ca->row != cb->row)
    return ca->row < cb->row ? -1 : 1;
  if (ca->col != cb->col)
    return ca->col < cb->col ? -1 : 1;
  return 0;
}

void
cf_table_finish (CfTable *self)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_ptr_array_sort (self->cells, compare_cells);
  self->grid_valid = FALSE;
  ensure_grid (self);
}

CfCell *
cf_table_take_cell (CfTable *self, CfCell *cell)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  g_return_val_if_fail (cell != NULL && cell->row >= 0 && cell->col >= 0, NULL);

  clamp_spans (cell);
  g_ptr_array_add (self->cells, cell);
  self->n_rows = MAX (self->n_rows, cell->row + cell->row_span);
  self->n_cols = MAX (self->n_cols, cell->col + cell->col_span);
  self->grid_valid = FALSE;
  return cell;
}

void
cf_table_remove_cell (CfTable *self, CfCell *cell)
{
  g_return_if_fail (CF_IS_TABLE (self));
  if (g_ptr_array_remove (self->cells, cell))
    self->grid_valid = FALSE;
}

GPtrArray *
cf_table_dup_cells (CfTable *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  g_ptr_array_sort (self->cells, compare_cells);
  copy = g_ptr_array_new_full (self->cells->len, (GDestroyNotify) cf_cell_free);
  for (guint i = 0; i < self->cells->len; i++)
    g_ptr_array_add (copy, cf_cell_copy (g_ptr_array_index (self->cells, i)));
  return copy;
}

void
cf_table_replace_cells (CfTable *self, GPtrArray *cells)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_ptr_array_set_free_func (cells, (GDestroyNotify) cf_cell_free);
  g_ptr_array_unref (self->cells);
  self->cells = cells;
  cf_table_reindex (self);
}

void
cf_table_reindex (CfTable *self)
{
  g_return_if_fail (CF_IS_TABLE (self));
  self->n_rows = 0;
  self->n_cols = 0;
  for (guint i = 0; i < self->cells->len; i++)
    {
      CfCell *cell = g_ptr_array_index (self->cells, i);

      clamp_spans (cell);
      self->n_rows = MAX (self->n_rows, cell->row + cell->row_span);
      self->n_cols = MAX (self->n_cols, cell->col + cell->col_span);
    }
  cf_table_finish (self);
}

static CfRowRole
get_role (GArray *roles, int index)
{
  if (roles == NULL || index < 0 || (guint) index >= roles->len)
    return CF_ROW_ROLE_NONE;
  return (CfRowRole) g_array_index (roles, int, index);
}

/* Roles past this index are not kept: a corrupt edit file could otherwise
 * ask for gigabytes of role slots (no table has this many rows). */
#define MAX_ROLE_INDEX (1 << 22)

static void
set_role (GArray **roles, int index, CfRowRole role)
{
  if (index < 0 || index >= MAX_ROLE_INDEX)
    return;
  if (*roles == NULL)
    *roles = g_array_new (FALSE, TRUE, sizeof (int));
  if ((guint) index >= (*roles)->len)
    g_array_set_size (*roles, index + 1);
  g_array_index (*roles, int, index) = role;
}

static void
shift_roles (GArray *roles, int at, int count)
{
  if (roles == NULL || at < 0 || (guint) at >= roles->len)
    return;
  if (count > 0)
    {
      int zeros[16] = { 0 };
      for (int left = MIN (count, MAX_ROLE_INDEX); left > 0; left -= 16)
        g_array_insert_vals (roles, at, zeros, MIN (left, 16));
    }
  else if (count < 0)
    g_array_remove_range (roles, at, (guint) MIN (-(gint64) count, (gint64) (roles->len - at)));
}

CfRowRole
cf_table_get_row_role (CfTable *self, int row)
{
  g_return_val_if_fail (CF_IS_TABLE (self), CF_ROW_ROLE_NONE);
  return get_role (self->row_roles, row);
}

void
cf_table_set_row_role (CfTable *self, int row, CfRowRole role)
{
  g_return_if_fail (CF_IS_TABLE (self));
  set_role (&self->row_roles, row, role);
}

CfRowRole
cf_table_get_col_role (CfTable *self, int col)
{
  g_return_val_if_fail (CF_IS_TABLE (self), CF_ROW_ROLE_NONE);
  return get_role (self->col_roles, col);
}

void
cf_table_set_col_role (CfTable *self, int col, CfRowRole role)
{
  g_return_if_fail (CF_IS_TABLE (self));
  set_role (&self->col_roles, col, role);
}

void
cf_table_shift_row_roles (CfTable *self, int at, int count)
{
  g_return_if_fail (CF_IS_TABLE (self));
  shift_roles (self->row_roles, at, count);
}

void
cf_table_shift_col_roles (CfTable *self, int at, int count)
{
  g_return_if_fail (CF_IS_TABLE (self));
  shift_roles (self->col_roles, at, count);
}

void
cf_table_set_forced_form (CfTable *self, const char *form_id, const char *table_id)
{
  g_return_if_fail (CF_IS_TABLE (self));
  g_free (self->forced_form);
  g_free (self->forced_table);
  self->forced_form = g_strdup (form_id);
  self->forced_table = g_strdup (table_id);
}

const char *
cf_table_get_forced_form (CfTable *self, const char **table_id)
{
  g_return_val_if_fail (CF_IS_TABLE (self), NULL);
  if (table_id)
    *table_id = self->forced_table;
  return self->forced_form;
}
