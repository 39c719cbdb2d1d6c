/* lens-brief-flow.c: the flow engine: text, boxes and tables laid out over pages with Pango
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <string.h>

#include "lens-brief-private.h"


static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->document, lens_chart_document_unref);
  g_clear_pointer (&block->series, lens_series_unref);
  g_clear_object (&block->map);
}

/* Layout primitives */

static void
set_rgba (double       dest[4],
          const double src[4])
{
  memcpy (dest, src, sizeof (double) * 4);
}

PangoLayout *
brief_make_layout (LensBrief       *self,
                   const char      *text,
                   const TextStyle *style,
                   double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (style->size * PANGO_SCALE));
  pango_font_description_set_weight (font, style->weight);
  pango_font_description_set_style (font, style->style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

double
brief_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_natural_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

Block *
brief_add_block (GArray    *page,
                 BlockKind  kind,
                 double     x,
                 double     y,
                 double     width,
                 double     height)
{
  Block block = { 0 };

  block.kind = kind;
  block.x = x;
  block.y = y;
  block.width = width;
  block.height = height;
  block.n_lines = -1;
  set_rgba (block.rgba, ink);
  g_array_append_val (page, block);

  return &g_array_index (page, Block, page->len - 1);
}

void
brief_add_text (GArray       *page,
                PangoLayout  *layout,
                double        x,
                double        y,
                double        width,
                const double  rgba[4])
{
  Block *block = brief_add_block (page, BLOCK_TEXT, x, y, width, brief_layout_height (layout));

  block->layout = g_object_ref (layout);
  set_rgba (block->rgba, rgba);
}

static void
add_rect (GArray       *page,
          double        x,
          double        y,
          double        width,
          double        height,
          const double  rgba[4])
{
  Block *block = brief_add_block (page, BLOCK_RECT, x, y, width, height);

  set_rgba (block->rgba, rgba);
}

void
brief_add_line (GArray       *page,
                double        x,
                double        y,
                double        dx,
                double        dy,
                double        line_width,
                const double  rgba[4])
{
  Block *block = brief_add_block (page, BLOCK_LINE, x, y, dx, dy);

  block->line_width = line_width;
  set_rgba (block->rgba, rgba);
}

void
brief_flow_new_page (Flow *f)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Block));
  gboolean move_heading = f->heading_page != NULL && f->heading_page == f->page &&
                          f->page->len == f->heading_index + 1;
  Block heading = { 0 };

  if (move_heading)
    {
      heading = g_array_index (f->page, Block, f->heading_index);
      g_object_ref (heading.layout);
      g_array_remove_index (f->page, f->heading_index);
    }

  g_array_set_clear_func (page, block_clear);
  g_ptr_array_add (f->self->pages, page);
  f->page = page;
  f->y = f->top;
  f->heading_page = NULL;

  if (move_heading)
    {
      heading.y = f->top;
      g_array_append_val (page, heading);
      f->y = f->top + f->heading_after;
    }
}

gboolean
brief_flow_at_top (Flow *f)
{
  return f->y <= f->top + 0.5;
}

/* Starts a new page unless @height fits under the cursor (or the cursor is at the top). */
void
brief_flow_need (Flow   *f,
                 double  height)
{
  if (!brief_flow_at_top (f) && f->y + height > f->bottom)
    brief_flow_new_page (f);
}

void
brief_flow_space (Flow   *f,
                  double  space)
{
  if (!brief_flow_at_top (f))
    f->y = MIN (f->y + space, f->bottom);
}

guint
brief_flow_current_page (Flow *f)
{
  return f->self->pages->len - 1;
}

/* Places @layout at @x, splitting it between lines over as many pages as it needs; never
 * leaves one line of a longer paragraph alone at the foot of a page. */
static void
flow_layout (Flow         *f,
             PangoLayout  *layout,
             double        x,
             double        width,
             const double  rgba[4],
             guint        *start_page,
             double       *start_y)
{
  PangoLayoutIter *iter;
  int n = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, MAX (n, 1));
  g_autofree double *bottoms = g_new (double, MAX (n, 1));
  int i = 0;
  int first = 0;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      tops[i] = (double) logical.y / PANGO_SCALE;
      bottoms[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      i++;
    }
  while (i < n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n = i;

  if (n > 0 && f->y + (bottoms[n - 1] - tops[0]) <= f->bottom)
    {
      if (start_page != NULL)
        *start_page = brief_flow_current_page (f);
      if (start_y != NULL)
        *start_y = f->y;
      brief_add_text (f->page, layout, x, f->y, width, rgba);
      f->y += bottoms[n - 1] - tops[0];
      return;
    }

  while (first < n)
    {
      int last = first;
      Block *block;

      while (last < n && f->y + (bottoms[last] - tops[first]) <= f->bottom)
        last++;

      if (last == first || (first == 0 && last == 1 && n > 1))
        {
          if (!brief_flow_at_top (f))
            {
              brief_flow_new_page (f);
              continue;
            }
          last = MAX (last, first + 1);
        }

      if (first == 0 && start_page != NULL)
        *start_page = brief_flow_current_page (f);
      if (first == 0 && start_y != NULL)
        *start_y = f->y;
      block = brief_add_block (f->page, BLOCK_TEXT, x, f->y, width, bottoms[last - 1] - tops[first]);
      block->layout = g_object_ref (layout);
      block->first_line = first;
      block->n_lines = last - first;
      block->line_offset = tops[first];
      set_rgba (block->rgba, rgba);
      f->y += bottoms[last - 1] - tops[first];

      first = last;
      if (first < n)
        brief_flow_new_page (f);
    }
}

void
brief_flow_text (Flow            *f,
                 const char      *text,
                 const TextStyle *style,
                 double           indent,
                 double           space_after)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return;

  layout = brief_make_layout (f->self, text, style, f->width - indent);
  flow_layout (f, layout, f->left + indent, f->width - indent, style->color, NULL, NULL);
  brief_flow_space (f, space_after);
}

/* A heading stays with the start of what follows it (@keep points of it). */
void
brief_flow_heading (Flow            *f,
                    const char      *text,
                    const TextStyle *style,
                    double           space_before,
                    double           keep)
{
  g_autoptr(PangoLayout) layout = brief_make_layout (f->self, text, style, f->width);
  double height = brief_layout_height (layout);

  brief_flow_space (f, space_before);
  brief_flow_need (f, height + keep);
  brief_add_text (f->page, layout, f->left, f->y, f->width, style->color);
  f->heading_page = f->page;
  f->heading_index = f->page->len - 1;
  f->heading_after = height + 0.35 * style->size;
  f->y += f->heading_after;
}

/* "• text" with the text indented under the bullet. */
void
brief_flow_bullet (Flow            *f,
                   const char      *text,
                   const TextStyle *style,
                   double           space_after)
{
  g_autoptr(PangoLayout) bullet = brief_make_layout (f->self, "•", style, 0);
  g_autoptr(PangoLayout) layout = NULL;
  double indent = style->size * 1.1;
  double y = 0;
  guint page = 0;

  if (text == NULL || *text == '\0')
    return;

  layout = brief_make_layout (f->self, text, style, f->width - indent);
  flow_layout (f, layout, f->left + indent, f->width - indent, style->color, &page, &y);
  /* the bullet goes where the paragraph started */
  brief_add_text (g_ptr_array_index (f->self->pages, page), bullet, f->left, y, indent, style->color);
  brief_flow_space (f, space_after);
}

/* A shaded box with a coloured bar at the start edge, kept on one page when it fits. */
void
brief_flow_box (Flow            *f,
                const char     **texts,
                const TextStyle **styles,
                guint            n_texts,
                const double     fill[4],
                const double     bar[4])
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double inner = f->width - 2 * BOX_PAD - 3.0;
  double height = 2 * BOX_PAD;
  double x = f->left + BOX_PAD + 3.0;

  for (guint i = 0; i < n_texts; i++)
    {
      PangoLayout *layout;

      if (texts[i] == NULL || *texts[i] == '\0')
        continue;
      layout = brief_make_layout (f->self, texts[i], styles[i], inner);
      g_object_set_data (G_OBJECT (layout), "lens-style", (gpointer) styles[i]);
      g_ptr_array_add (layouts, layout);
      height += brief_layout_height (layout) + (layouts->len > 1 ? 3.0 : 0.0);
    }

  if (layouts->len == 0)
    return;

  brief_flow_need (f, height);

  if (f->y + height <= f->bottom)
    {
      double y = f->y + BOX_PAD;

      add_rect (f->page, f->left, f->y, f->width, height, fill);
      add_rect (f->page, f->left, f->y, 3.0, height, bar);
      for (guint i = 0; i < layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (layouts, i);
          const TextStyle *style = g_object_get_data (G_OBJECT (layout), "lens-style");

          if (i > 0)
            y += 3.0;
          brief_add_text (f->page, layout, x, y, inner, style->color);
          y += brief_layout_height (layout);
        }
      f->y += height;
    }
  else
    {
      /* taller than a page: plain text with the bar on each piece is not worth it */
      for (guint i = 0; i < layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (layouts, i);
          const TextStyle *style = g_object_get_data (G_OBJECT (layout), "lens-style");

          flow_layout (f, layout, x, inner, style->color, NULL, NULL);
        }
    }
}

/* Tables */

void
brief_table_free (Table *table)
{
  g_free (table->widths);
  g_free (table->aligns);
  g_ptr_array_unref (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

Table *
brief_table_new (guint n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->widths = g_new0 (double, n_columns);
  table->aligns = g_new0 (PangoAlignment, n_columns);
  table->cell_style = &style_cell;
  table->headers = g_ptr_array_new_with_free_func (g_object_unref);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return table;
}

double
brief_text_width (LensBrief       *self,
                  const char      *text,
                  const TextStyle *style)
{
  g_autoptr(PangoLayout) layout = brief_make_layout (self, text, style, -1);

  return layout_natural_width (layout);
}

/* Builds the layouts once the widths are known. @cells: n_rows x n_columns strings. */
void
brief_table_set_cells (Table       *table,
                       LensBrief   *self,
                       const char **headers,
                       GPtrArray   *rows)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      TextStyle style = style_cell_head;
      PangoLayout *layout;

      style.align = table->aligns[c];
      layout = brief_make_layout (self, headers[c], &style, table->widths[c] - 2 * CELL_PAD_X);
      g_ptr_array_add (table->headers, layout);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint c = 0; c < table->n_columns; c++)
        {
          TextStyle style = *table->cell_style;

          style.align = table->aligns[c];
          g_ptr_array_add (row, brief_make_layout (self, cells[c], &style,
                                                   table->widths[c] - 2 * CELL_PAD_X));
        }
      g_ptr_array_add (table->rows, row);
    }
}

static double
row_height (GPtrArray *layouts)
{
  double height = 0;

  for (guint c = 0; c < layouts->len; c++)
    height = MAX (height, brief_layout_height (g_ptr_array_index (layouts, c)));

  return height + 2 * CELL_PAD_Y;
}

static double
table_width (Table *table)
{
  double width = 0;

  for (guint c = 0; c < table->n_columns; c++)
    width += table->widths[c];

  return width;
}

static void
place_row (Flow         *f,
           Table        *table,
           GPtrArray    *layouts,
           double        height,
           const double *fill)
{
  double x = f->left;

  if (fill != NULL)
    add_rect (f->page, f->left, f->y, table_width (table), height, fill);

  for (guint c = 0; c < table->n_columns; c++)
    {
      brief_add_text (f->page, g_ptr_array_index (layouts, c), x + CELL_PAD_X, f->y + CELL_PAD_Y,
                      table->widths[c] - 2 * CELL_PAD_X, ink);
      x += table->widths[c];
    }

  f->y += height;
}

static void
place_header (Flow  *f,
              Table *table)
{
  double height = row_height (table->headers);

  place_row (f, table, table->headers, height, header_fill);
  brief_add_line (f->page, f->left, f->y, table_width (table), 0, 0.75, muted);
}

/* Rows that do not fit go on the next page under @continued and the header row again. */
void
brief_flow_table (Flow       *f,
                  Table      *table,
                  const char *continued)
{
  double header = row_height (table->headers);
  double first_rows = 0;

  for (guint r = 0; r < MIN (table->rows->len, 3); r++)
    first_rows += row_height (g_ptr_array_index (table->rows, r));

  brief_flow_need (f, header + first_rows);
  place_header (f, table);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      double height = row_height (row);

      if (f->y + height > f->bottom)
        {
          brief_flow_new_page (f);
          if (continued != NULL)
            brief_flow_text (f, continued, &style_continued, 0, 3.0);
          place_header (f, table);
        }

      place_row (f, table, row, height, r % 2 == 1 ? stripe_fill : NULL);
    }

  brief_add_line (f->page, f->left, f->y, table_width (table), 0, 0.5, rule);
}
