/* cf-text-diff.c: the prose of two reports, section by section */
#include "config.h"

#include <string.h>
#include "cf-normalize.h"
#include "cf-text-diff.h"

/* A heading is a short line; longer ones are numbered paragraphs. */
#define MAX_HEADING_CHARS 40
/* Alike enough to be one sentence changed (or one section renamed). */
#define SENTENCE_ALIKE 0.5
#define HEADING_ALIKE 0.6
/* Beyond this many removed × inserted sentences in one place, none are paired. */
#define MAX_PAIRINGS 2500

struct _CfTextDiff
{
  GObject    parent_instance;
  GPtrArray *sections; /* of CfSectionDiff */
};

G_DEFINE_FINAL_TYPE (CfTextDiff, cf_text_diff, G_TYPE_OBJECT)

static const char *const kind_names[] = { "same", "removed", "inserted", "changed" };

const char *
cf_text_change_kind_to_string (CfTextChangeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

static void
sentence_change_free (gpointer data)
{
  CfSentenceChange *s = data;

  g_free (s->old_text);
  g_free (s->new_text);
  g_clear_pointer (&s->spans, g_array_unref);
  g_free (s);
}

static void
section_diff_free (gpointer data)
{
  CfSectionDiff *s = data;

  g_free (s->old_heading);
  g_free (s->new_heading);
  g_ptr_array_unref (s->sentences);
  g_free (s);
}

static void
cf_text_diff_finalize (GObject *object)
{
  g_ptr_array_unref (CF_TEXT_DIFF (object)->sections);
  G_OBJECT_CLASS (cf_text_diff_parent_class)->finalize (object);
}

static void
cf_text_diff_class_init (CfTextDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_text_diff_finalize;
}

static void
cf_text_diff_init (CfTextDiff *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_diff_free);
}

/* Splitting ----------------------------------------------------------------- */

static gboolean
in_a_table (GPtrArray *tables, gint64 offset)
{
  for (guint t = 0; t < tables->len; t++)
    {
      gint64 start, length;

      cf_table_get_range (tables->pdata[t], &start, &length);
      if (start >= 0 && offset >= start && offset < start + length)
        return TRUE;
    }
  return FALSE;
}

/* Rows of tables the readers did not take (tabs, pipes) are not prose. */
static gboolean
looks_tabular (const char *line)
{
  guint tabs = 0;

  for (const char *p = line; *p; p++)
    tabs += *p == '\t';
  return tabs >= 2 || strchr (line, '|') != NULL || strstr (line, "│") != NULL;
}

static gboolean
is_heading (const char *line)
{
  glong n = g_utf8_strlen (line, -1);

  return cf_normalize_enumerator_depth (line) == 1 && n <= MAX_HEADING_CHARS
         && !g_str_has_suffix (line, "。");
}

/* Spaces between CJK characters are layout, not text: dropped; others kept as one. */
static void
append_squeezed (GString *out, const char *text)
{
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          const char *q = p;
          gunichar before = out->len > 0 ? g_utf8_get_char (g_utf8_prev_char (out->str + out->len))
                                         : 0;

          while (*q && g_unichar_isspace (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          if (before != 0 && before < 0x80 && *q && g_utf8_get_char (q) < 0x80)
            g_string_append_c (out, ' ');
          p = q;
          continue;
        }
      g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
}

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?'
         || c == '\n';
}

/* Appends the sentences of @body (paragraphs separated by '\n') to @out. */
static void
split_sentences (const char *body, GPtrArray *out)
{
  g_autoptr (GString) sentence = g_string_new (NULL);

  for (const char *p = body;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != 0)
        g_string_append_unichar (sentence, c);
      if (c == 0 || ends_sentence (c))
        {
          g_strstrip (sentence->str);
          if (sentence->str[0] != '\0')
            g_ptr_array_add (out, g_strdup (sentence->str));
          g_string_truncate (sentence, 0);
        }
      if (c == 0)
        break;
    }
}

static void
close_section (GPtrArray *sections, char *heading, GString *body)
{
  GPtrArray *section = g_ptr_array_new ();

  g_ptr_array_add (section, heading);
  split_sentences (body->str, section);
  g_ptr_array_add (section, NULL);
  /* Text before the first heading that holds nothing is no section. */
  if (*heading != '\0' || section->len > 2)
    g_ptr_array_add (sections, g_ptr_array_free (section, FALSE));
  else
    g_strfreev ((GStrv) g_ptr_array_free (section, FALSE));
  g_string_truncate (body, 0);
}

GPtrArray *
cf_text_diff_split_sections (CfDocument *doc)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *tables = cf_document_get_tables (doc);
  gsize length = 0;
  const char *text = cf_document_get_text (doc, &length);
  g_autoptr (GString) body = g_string_new (NULL);
  char *heading = g_strdup ("");
  gsize start = 0;

  while (text != NULL && start < length)
    {
      gsize end = start;
      g_autofree char *line = NULL;

      while (end < length && text[end] != '\n' && text[end] != '\f')
        end++;
      line = g_utf8_make_valid (text + start, end - start);
      g_strstrip (line);
      if (*line == '\0')
        g_string_append_c (body, '\n'); /* a paragraph ends */
      else if (in_a_table (tables, start) || looks_tabular (line))
        ;
      else if (is_heading (line))
        {
          close_section (sections, heading, body);
          heading = g_strdup (line);
        }
      else
        append_squeezed (body, line);
      start = end + 1;
    }
  close_section (sections, heading, body);
  return sections;
}

/* Aligning ------------------------------------------------------------------ */

static gboolean
strings_equal (guint i, guint j, gpointer data)
{
  GStrv *both = data;

  return strcmp (both[0][i + 1], both[1][j + 1]) == 0;
}

static void
add_sentence (GPtrArray *out, CfTextChangeKind kind, const char *old_text, const char *new_text)
{
  CfSentenceChange *s = g_new0 (CfSentenceChange, 1);

  s->kind = kind;
  s->old_text = g_strdup (old_text);
  s->new_text = g_strdup (new_text);
  if (kind == CF_TEXT_CHANGED)
    s->spans = cf_char_diff (old_text, -1, new_text, -1);
  g_ptr_array_add (out, s);
}

/* A run of removed and inserted sentences between unchanged ones: each
 * removed one is paired, in order, with the first inserted one alike enough. */
static void
pair_block (GPtrArray *out, GPtrArray *removed, GPtrArray *inserted)
{
  guint r = 0, i = 0;
  gboolean try_pairs = removed->len * inserted->len <= MAX_PAIRINGS;

  while (r < removed->len || i < inserted->len)
    {
      guint match = inserted->len;

      for (guint k = i; try_pairs && r < removed->len && k < inserted->len; k++)
        if (cf_char_similarity (removed->pdata[r], inserted->pdata[k]) >= SENTENCE_ALIKE)
          {
            match = k;
            break;
          }
      if (r < removed->len && match == inserted->len)
        {
          add_sentence (out, CF_TEXT_REMOVED, removed->pdata[r++], NULL);
          continue;
        }
      while (i < match)
        add_sentence (out, CF_TEXT_INSERTED, NULL, inserted->pdata[i++]);
      if (r < removed->len)
        add_sentence (out, CF_TEXT_CHANGED, removed->pdata[r++], inserted->pdata[i++]);
    }
  g_ptr_array_set_size (removed, 0);
  g_ptr_array_set_size (inserted, 0);
}

static CfSectionDiff *
diff_section (GStrv old_section, GStrv new_section)
{
  CfSectionDiff *diff = g_new0 (CfSectionDiff, 1);
  GStrv both[2] = { old_section, new_section };
  guint n_old = old_section ? g_strv_length (old_section) - 1 : 0;
  guint n_new = new_section ? g_strv_length (new_section) - 1 : 0;
  g_autoptr (GPtrArray) removed = g_ptr_array_new ();
  g_autoptr (GPtrArray) inserted = g_ptr_array_new ();
  g_autoptr (GByteArray) script = NULL;
  guint i = 0, j = 0;

  diff->old_heading = old_section ? g_strdup (old_section[0]) : NULL;
  diff->new_heading = new_section ? g_strdup (new_section[0]) : NULL;
  diff->sentences = g_ptr_array_new_with_free_func (sentence_change_free);
  if (old_section == NULL || new_section == NULL)
    return diff;
  script = cf_diff_sequences (n_old, n_new, strings_equal, both);
  for (guint s = 0; s < script->len; s++)
    switch ((CfDiffOp) script->data[s])
      {
      case CF_DIFF_SAME:
        pair_block (diff->sentences, removed, inserted);
        add_sentence (diff->sentences, CF_TEXT_SAME, old_section[++i], new_section[++j]);
        break;
      case CF_DIFF_REMOVED:
        g_ptr_array_add (removed, old_section[++i]);
        break;
      case CF_DIFF_INSERTED:
        g_ptr_array_add (inserted, new_section[++j]);
        break;
      }
  pair_block (diff->sentences, removed, inserted);
  return diff;
}

static char *
heading_key (GStrv section)
{
  return cf_normalize_label (section[0]);
}

CfTextDiff *
cf_text_diff_new (CfDocument *old_doc, CfDocument *new_doc)
{
  CfTextDiff *self = g_object_new (CF_TYPE_TEXT_DIFF, NULL);
  g_autoptr (GPtrArray) olds = cf_text_diff_split_sections (old_doc);
  g_autoptr (GPtrArray) news = cf_text_diff_split_sections (new_doc);
  g_autofree int *partner = g_new (int, news->len + 1);
  g_autofree gboolean *used = g_new0 (gboolean, olds->len + 1);

  /* Same heading first, then the most alike of the headings left. */
  for (guint n = 0; n < news->len; n++)
    {
      g_autofree char *key = heading_key (news->pdata[n]);

      partner[n] = -1;
      for (guint o = 0; o < olds->len && partner[n] < 0; o++)
        {
          g_autofree char *other = heading_key (olds->pdata[o]);

          if (!used[o] && strcmp (key, other) == 0)
            partner[n] = o, used[o] = TRUE;
        }
    }
  for (guint n = 0; n < news->len; n++)
    {
      g_autofree char *key = heading_key (news->pdata[n]);
      double best = HEADING_ALIKE;

      for (guint o = 0; partner[n] < 0 && *key && o < olds->len; o++)
        {
          g_autofree char *other = heading_key (olds->pdata[o]);
          double alike = used[o] || !*other ? 0 : cf_char_similarity (other, key);

          if (alike >= best)
            best = alike, partner[n] = o;
        }
      if (partner[n] >= 0)
        used[partner[n]] = TRUE;
    }
  for (guint n = 0; n < news->len; n++)
    g_ptr_array_add (self->sections,
                     diff_section (partner[n] >= 0 ? olds->pdata[partner[n]] : NULL,
                                   news->pdata[n]));
  for (guint o = 0; o < olds->len; o++)
    if (!used[o])
      g_ptr_array_add (self->sections, diff_section (olds->pdata[o], NULL));
  return self;
}

guint
cf_text_diff_get_n_sections (CfTextDiff *self)
{
  g_return_val_if_fail (CF_IS_TEXT_DIFF (self), 0);
  return self->sections->len;
}

const CfSectionDiff *
cf_text_diff_get_section (CfTextDiff *self, guint index)
{
  g_return_val_if_fail (CF_IS_TEXT_DIFF (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return self->sections->pdata[index];
}

guint
cf_text_diff_count_changes (CfTextDiff *self)
{
  guint n = 0;

  g_return_val_if_fail (CF_IS_TEXT_DIFF (self), 0);
  for (guint s = 0; s < self->sections->len; s++)
    {
      const CfSectionDiff *section = self->sections->pdata[s];

      for (guint i = 0; i < section->sentences->len; i++)
        n += ((CfSentenceChange *) section->sentences->pdata[i])->kind != CF_TEXT_SAME;
    }
  return n;
}
