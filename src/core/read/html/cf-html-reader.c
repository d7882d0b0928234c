/* cf-html-reader.c: saved web-page reports, read with libxml2's HTML parser
 *
 * libxml2 builds the tree (it copes with the tag soup government sites
 * publish); this file only walks it. The page is flattened to text the way a
 * reader sees it: block elements end a line, whitespace collapses, and each
 * table row becomes one line of tab-separated cell texts. Every <table>
 * becomes a CfTable laid out with the HTML table algorithm (rowspan/colspan,
 * slots covered from above skipped), its cells pointing into that text.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "cf-html-reader.h"
#include "cf-error.h"
#include "cf-table.h"
#include "cf-text-tables.h"

/* HTML caps colspan at 1000 and rowspan at 65534; we follow. */
#define MAX_COL_SPAN 1000
#define MAX_ROW_SPAN 65534

/* A nested table this big is the real table inside a layout table. */
#define LAYOUT_INNER_MIN_ROWS 3

/* Bounds for hostile pages (no report comes near them). A table is at most
 * this wide and its rows x columns at most this many slots (the table's
 * index has one per slot); a page gives at most this many cells; elements
 * nested deeper than this (unclosed tags nest every row in the one before)
 * are read as text without their structure, and deeper still not at all, so
 * the walk's recursion stays within any thread's stack. */
#define MAX_TABLE_COLUMNS 1000
#define MAX_TABLE_SLOTS   ((gint64) 1 << 22)
#define MAX_PAGE_CELLS    2000000
#define MAX_TABLE_DEPTH   200
#define MAX_DEPTH         1000

/* Where collapsed inline text goes: the document's lines, or one cell. */
typedef struct
{
  GString  *out;
  gsize     line_start;    /* where the current line (or the cell) starts in @out */
  gboolean  in_cell;
  gboolean  pending_space; /* white space seen since the last character */
  gboolean  pending_break; /* ... and it held a line break (source newline, <br>, a block) */
  gunichar  last_char;
  int       pre_depth;
} Flow;

typedef struct
{
  CfReading  *out;
  GString    *text;
  Flow        block;
  char       *last_block_line; /* nearest preceding non-empty block line: table titles */
  guint       n_tables;
  guint       n_cells;
  guint       depth;           /* elements open in the walk */
  guint       n_cut_tables;    /* tables cut to the bounds above */
  gboolean    too_deep;        /* elements past MAX_DEPTH were skipped */
} Reader;

static void walk_children (Reader *reader, Flow *flow, xmlNode *parent);

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_cell_element (xmlNode *node)
{
  return is_element (node, "td") || is_element (node, "th");
}

static gboolean
is_block_element (xmlNode *node)
{
  static const char *const blocks[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "ul", "option",
  };

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp ((const char *) node->name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Elements whose content is never shown as text. */
static gboolean
is_skipped_element (xmlNode *node)
{
  static const char *const skipped[] = {
    "script", "style", "noscript", "template", "object", "embed", "iframe",
    "select", "button", "svg", "math",
  };
  g_autofree xmlChar *style = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_ascii_strcasecmp ((const char *) node->name, skipped[i]) == 0)
      return TRUE;

  /* Hidden blocks (share widgets, print-only copies) would double the text. */
  style = xmlGetProp (node, (const xmlChar *) "style");
  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown ((const char *) style, -1);
      char *w = compact;

      for (const char *p = compact; *p; p++)
        if (!g_ascii_isspace (*p))
          *w++ = *p;
      *w = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }
  return xmlHasProp (node, (const xmlChar *) "hidden") != NULL;
}

/* HTML white space, plus the no-break space (&nbsp;, a blank) and the
 * ideographic space Chinese pages indent and pad with. */
static gboolean
is_collapsible_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x00A0 ||
         c == 0x3000;
}

/* Characters between which a line break vanishes instead of becoming a space
 * (CSS Text's segment-break rule for East Asian wide characters). */
static gboolean
is_wide_char (gunichar c)
{
  return g_unichar_iswide (c) || (c >= 0xFF00 && c <= 0xFFEF);
}

static gboolean
flow_line_is_empty (Flow *flow)
{
  return flow->out->len == flow->line_start;
}

static void
flow_append_char (Flow *flow, gunichar c)
{
  if (flow->pending_space && !flow_line_is_empty (flow))
    {
      gboolean glue = flow->pending_break && is_wide_char (flow->last_char) && is_wide_char (c);

      if (!glue)
        g_string_append_c (flow->out, ' ');
    }
  flow->pending_space = FALSE;
  flow->pending_break = FALSE;
  g_string_append_unichar (flow->out, c);
  flow->last_char = c;
}

/* A break inside a line: <br> or a block boundary within a cell. */
static void
flow_soft_break (Flow *flow)
{
  flow->pending_space = TRUE;
  flow->pending_break = TRUE;
}

/* Ends the current document line if it holds anything; remembers it as the
 * latest heading candidate. */
static void
reader_end_line (Reader *reader)
{
  Flow *flow = &reader->block;

  if (!flow_line_is_empty (flow))
    {
      g_free (reader->last_block_line);
      reader->last_block_line = g_strndup (flow->out->str + flow->line_start,
                                           flow->out->len - flow->line_start);
      g_string_append_c (flow->out, '\n');
    }
  flow->line_start = flow->out->len;
  flow->pending_space = FALSE;
  flow->pending_break = FALSE;
  flow->last_char = 0;
}

static void
flow_text (Reader *reader, Flow *flow, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (flow->pre_depth > 0 && !flow->in_cell)
        {
          /* Preformatted text keeps its lines and spacing. */
          if (c == '\n')
            {
              if (flow_line_is_empty (flow))
                g_string_append_c (flow->out, '\n');
              reader_end_line (reader);
            }
          else if (c != '\r')
            {
              g_string_append_unichar (flow->out, c == 0x00A0 ? ' ' : c);
              flow->last_char = c;
            }
          continue;
        }

      if (is_collapsible_space (c))
        {
          flow->pending_space = TRUE;
          if (c == '\n' || c == '\r')
            flow->pending_break = TRUE;
        }
      else if (c >= 0x20 || c == '\t')
        flow_append_char (flow, c);
    }
}

static int
get_span (xmlNode *cell, const char *attr, int max)
{
  g_autofree xmlChar *value = xmlGetProp (cell, (const xmlChar *) attr);
  gint64 n;
  char *end;

  if (value == NULL)
    return 1;
  /* HTML's rule for non-negative integers: digits after white space, else
   * the attribute is ignored (span 1). */
  n = g_ascii_strtoll (g_strstrip ((char *) value), &end, 10);
  if (end == (char *) value)
    return 1;
  if (n < 0 || n > max)
    return n < 0 ? 1 : max;
  return (int) n; /* 0 is rowspan="0": to the end of the table, resolved by the caller */
}

/* The rows of @table in document order (through thead/tbody/tfoot), not
 * those of nested tables; rows without a cell are left out. */
static GPtrArray *
collect_rows (xmlNode *table)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (xmlNode *child = table->children; child; child = child->next)
    {
      if (is_element (child, "tr"))
        g_ptr_array_add (rows, child);
      else if (is_element (child, "thead") || is_element (child, "tbody") ||
               is_element (child, "tfoot"))
        for (xmlNode *row = child->children; row; row = row->next)
          if (is_element (row, "tr"))
            g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len;)
    {
      gboolean has_cell = FALSE;

      for (xmlNode *cell = ((xmlNode *) rows->pdata[i])->children; cell; cell = cell->next)
        has_cell |= is_cell_element (cell);
      if (has_cell)
        i++;
      else
        g_ptr_array_remove_index (rows, i);
    }
  return rows;
}

static guint
count_cells (xmlNode *row)
{
  guint n = 0;

  for (xmlNode *cell = row->children; cell; cell = cell->next)
    n += is_cell_element (cell);
  return n;
}

/* The first table inside @node, looking no more than @depth levels down. */
static xmlNode *
find_descendant_table (xmlNode *node, guint depth)
{
  if (depth == 0)
    return NULL;
  for (xmlNode *child = node->children; child; child = child->next)
    {
      xmlNode *found;

      if (is_element (child, "table"))
        return child;
      if (child->type == XML_ELEMENT_NODE && (found = find_descendant_table (child, depth - 1)) != NULL)
        return found;
    }
  return NULL;
}

/* A table used for page layout: one of its cells holds a real table (several
 * rows of several cells). Its cells are then read as blocks, so the inner
 * tables become tables of their own; small nested tables stay cell text. */
static gboolean
is_layout_table (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    for (xmlNode *cell = ((xmlNode *) rows->pdata[i])->children; cell; cell = cell->next)
      {
        xmlNode *inner;
        g_autoptr (GPtrArray) inner_rows = NULL;
        guint n_big_rows = 0;

        if (!is_cell_element (cell) || (inner = find_descendant_table (cell, MAX_TABLE_DEPTH)) == NULL)
          continue;
        inner_rows = collect_rows (inner);
        for (guint j = 0; j < inner_rows->len; j++)
          n_big_rows += count_cells (inner_rows->pdata[j]) >= 2;
        if (n_big_rows >= LAYOUT_INNER_MIN_ROWS)
          return TRUE;
      }
  return FALSE;
}

/* A cell's inner text, whitespace collapsed, inner blocks and <br> joined. */
static char *
read_cell_text (Reader *reader, xmlNode *cell)
{
  Flow flow = { 0 };

  flow.out = g_string_new (NULL);
  flow.in_cell = TRUE;
  walk_children (reader, &flow, cell);
  return g_string_free (flow.out, FALSE);
}

static void
read_table (Reader *reader, xmlNode *table_node)
{
  g_autoptr (GPtrArray) rows = collect_rows (table_node);
  g_autoptr (GArray) busy_until = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr (CfTable) table = NULL;
  GString *text = reader->text;
  gint64 table_start = -1, table_end = -1;
  gboolean cut = FALSE, stopped = FALSE;
  int width = 0;

  reader_end_line (reader);

  /* A caption is the table's own heading. */
  for (xmlNode *child = table_node->children; child; child = child->next)
    if (is_element (child, "caption"))
      {
        walk_children (reader, &reader->block, child);
        reader_end_line (reader);
      }

  if (rows->len == 0)
    return;

  if (is_layout_table (rows))
    {
      for (guint r = 0; r < rows->len; r++)
        for (xmlNode *cell = ((xmlNode *) rows->pdata[r])->children; cell; cell = cell->next)
          if (is_cell_element (cell))
            {
              walk_children (reader, &reader->block, cell);
              reader_end_line (reader);
            }
      return;
    }

  table = cf_table_new ();
  for (guint r = 0; r < rows->len; r++)
    {
      gboolean first = TRUE;
      /* Past the bounds the row's text is still read, but not as cells. */
      gboolean keep = !stopped && (gint64) (r + 1) * MAX (width, 1) <= MAX_TABLE_SLOTS;
      int col = 0;

      table_start = table_start < 0 ? (gint64) text->len : table_start;
      for (xmlNode *cell = ((xmlNode *) rows->pdata[r])->children; cell; cell = cell->next)
        {
          g_autofree char *cell_text = NULL;
          int row_span, col_span;
          gsize offset;
          CfCell *added;

          if (!is_cell_element (cell))
            continue;

          /* Skip the slots rows above still cover. */
          while ((guint) col < busy_until->len && g_array_index (busy_until, int, col) > (int) r)
            col++;

          col_span = MAX (1, get_span (cell, "colspan", MAX_COL_SPAN));
          row_span = get_span (cell, "rowspan", MAX_ROW_SPAN);
          /* rowspan="0" and spans past the last row end with the table. */
          if (row_span == 0 || row_span > (int) (rows->len - r))
            row_span = rows->len - r;

          if (!first)
            g_string_append_c (text, '\t');
          first = FALSE;
          cell_text = read_cell_text (reader, cell);
          offset = text->len;
          g_string_append (text, cell_text);

          /* A cell past the last column is dropped; past the page's cells
           * or the table's slots, the rest of the table is. */
          if (keep && (reader->n_cells >= MAX_PAGE_CELLS ||
                       (col < MAX_TABLE_COLUMNS &&
                        (gint64) (r + 1) * MAX (width, col + MIN (col_span, MAX_TABLE_COLUMNS - col)) > MAX_TABLE_SLOTS)))
            keep = FALSE;
          if (!keep || col >= MAX_TABLE_COLUMNS)
            {
              stopped |= !keep;
              cut = TRUE;
              continue;
            }
          col_span = MIN (col_span, MAX_TABLE_COLUMNS - col);
          width = MAX (width, col + col_span);

          added = cf_table_add_cell (table, r, col, row_span, col_span, cell_text, offset,
                                     strlen (cell_text));
          reader->n_cells++;
          if (is_element (cell, "th"))
            added->flags |= CF_CELL_FLAG_HEADER;

          if (busy_until->len < (guint) (col + col_span))
            g_array_set_size (busy_until, col + col_span);
          for (int c = col; c < col + col_span; c++)
            g_array_index (busy_until, int, c) = r + row_span;
          col += col_span;
        }
      table_end = text->len;
      g_string_append_c (text, '\n');
    }
  reader->block.line_start = text->len;

  /* Rows spanned down from above count against the bound too. */
  if (width > 0)
    for (guint i = 0; i < cf_table_get_n_cells (table); i++)
      {
        CfCell *added = cf_table_get_cell_at (table, i);
        gint64 max_rows = MAX_TABLE_SLOTS / width;

        if (added->row + (gint64) added->row_span > max_rows)
          {
            added->row_span = (int) MAX (1, max_rows - added->row);
            cut = TRUE;
          }
      }
  reader->n_cut_tables += cut;
  if (cf_table_get_n_cells (table) == 0)
    return; /* every cell was past the bounds */

  cf_table_set_title (table, reader->last_block_line);
  cf_table_set_layout (table, "html");
  cf_table_set_range (table, table_start, table_end - table_start);
  /* Recomputes the size from the cells, whose spans may have been cut. */
  cf_table_reindex (table);
  cf_reading_add_table (reader->out, table);
  reader->n_tables++;
}

static void walk_element_inner (Reader *reader, Flow *flow, xmlNode *node);

static void
walk_element (Reader *reader, Flow *flow, xmlNode *node)
{
  if (reader->depth >= MAX_DEPTH)
    {
      reader->too_deep = TRUE;
      return;
    }
  reader->depth++;
  walk_element_inner (reader, flow, node);
  reader->depth--;
}

static void
walk_element_inner (Reader *reader, Flow *flow, xmlNode *node)
{
  gboolean block;

  if (is_skipped_element (node))
    return;

  if (is_element (node, "br"))
    {
      if (flow->in_cell)
        flow_soft_break (flow);
      else
        reader_end_line (reader);
      return;
    }

  if (is_element (node, "table") && !flow->in_cell && reader->depth < MAX_TABLE_DEPTH)
    {
      read_table (reader, node);
      return;
    }

  block = is_block_element (node);
  if (block)
    {
      if (flow->in_cell)
        flow_soft_break (flow);
      else
        reader_end_line (reader);
    }

  if (is_element (node, "pre"))
    flow->pre_depth++;
  walk_children (reader, flow, node);
  if (is_element (node, "pre"))
    flow->pre_depth--;

  if (block)
    {
      if (flow->in_cell)
        flow_soft_break (flow);
      else
        reader_end_line (reader);
    }
}

static void
walk_children (Reader *reader, Flow *flow, xmlNode *parent)
{
  for (xmlNode *node = parent->children; node; node = node->next)
    {
      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL)
            flow_text (reader, flow, (const char *) node->content);
          break;

        case XML_ELEMENT_NODE:
          walk_element (reader, flow, node);
          break;

        default:
          break;
        }
    }
}

gboolean
cf_html_reader_sniff (const char *text, gsize len)
{
  static const char *const markers[] = {
    "<!doctype html", "<html", "<head", "<body", "<table", "<meta ", "<title>",
  };
  gsize n;
  g_autofree char *head = NULL;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  /* Leading white space and a BOM do not count against the window. */
  while (len > 0 && (g_ascii_isspace (*text)))
    text++, len--;
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, len -= 3;

  n = MIN (len, 4096);
  head = g_ascii_strdown (text, n);
  for (gsize i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (head, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

CfReading *
cf_html_reader_read (const char *html, gsize len, const char *name, GError **error)
{
  g_autoptr (CfReading) reading = NULL;
  Reader reader = { 0 };
  htmlDocPtr tree;
  xmlNode *root;
  gsize text_len;

  g_return_val_if_fail (html != NULL || len == 0, NULL);

  if (len > G_MAXINT)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE, _("%s: the page is too large to parse"),
                   name);
      return NULL;
    }

  /* The bytes are already UTF-8 (cf_decode_text): a <meta charset> saying
   * otherwise describes the file as it was saved, not these bytes.
   * XML_PARSE_HUGE: without it libxml2 silently drops everything nested
   * deeper than 256 elements, which tag soup with unclosed <font> or <span>
   * in every row reaches; the walk below bounds the depth itself. */
  tree = htmlReadMemory (html, (int) len, NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);

  reading = cf_reading_new ();
  reader.out = reading;
  reader.text = g_string_sized_new (len / 2 + 16);
  reader.block.out = reader.text;

  root = tree ? xmlDocGetRootElement (tree) : NULL;
  if (root != NULL)
    {
      /* The <title> goes first even when a page puts it late in <head>. */
      xmlNode *head = NULL;

      for (xmlNode *child = root->children; child; child = child->next)
        if (is_element (child, "head"))
          head = child;
      if (head != NULL)
        for (xmlNode *child = head->children; child; child = child->next)
          if (is_element (child, "title"))
            walk_element (&reader, &reader.block, child);

      for (xmlNode *child = root->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE && !is_element (child, "head"))
          walk_element (&reader, &reader.block, child);
        else if (child->type == XML_TEXT_NODE && child->content != NULL)
          flow_text (&reader, &reader.block, (const char *) child->content);
    }
  reader_end_line (&reader);

  if (tree != NULL)
    xmlFreeDoc (tree);
  g_free (reader.last_block_line);

  if (reader.n_cut_tables > 0)
    {
      g_autofree char *message =
        g_strdup_printf ("网页中有%u个表格过大（超过%d列、%" G_GINT64_FORMAT "个格位或全页%d个单元格），"
                         "超出部分只读取了文字，未读取为单元格",
                         reader.n_cut_tables, MAX_TABLE_COLUMNS, MAX_TABLE_SLOTS, MAX_PAGE_CELLS);

      cf_reading_take_note (reading, cf_finding_new (CF_SEVERITY_WARNING, "extract.too_large", NULL, message));
    }
  if (reader.too_deep)
    {
      g_autofree char *message =
        g_strdup_printf ("网页的标签嵌套超过%d层（可能有大量未闭合的标签），更深层的内容未读取", MAX_DEPTH);

      cf_reading_take_note (reading, cf_finding_new (CF_SEVERITY_WARNING, "extract.too_deep", NULL, message));
    }

  text_len = reader.text->len;
  cf_reading_take_text (reading, g_string_free (reader.text, FALSE), text_len);

  /* A page without <table> may still hold a table typed as text (<pre>). */
  if (reader.n_tables == 0)
    cf_text_tables_find (reading);

  return g_steal_pointer (&reading);
}
