/* lens-brief-pages.c: pagination, page footers, drawing a page and writing the PDF
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-brief-private.h"
#include "lens-format.h"
#include "lens-map.h"


static void
outline_entry_clear (gpointer data)
{
  OutlineEntry *entry = data;

  g_free (entry->title);
}

/* Pagination */

/* The translation decides: an untranslated brief is English, left to right. */
static gboolean
direction_is_rtl (PangoContext *context)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoLayoutLine *line;

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, _("Meeting brief: %s"), -1);
  line = pango_layout_get_line_readonly (layout, 0);

  return line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
}

static void
ensure_context (LensBrief *self)
{
  cairo_font_options_t *options;

  g_clear_object (&self->context);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);

  /* metrics that do not depend on the device, so the PDF and a print preview break lines
   * at the same places */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->rtl = direction_is_rtl (self->context);
  pango_context_set_base_dir (self->context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
}

static void
add_page_footers (LensBrief *self,
                  double     margin_x)
{
  g_autoptr(GDateTime) generated = g_date_time_to_local (self->generated_at);
  g_autofree char *date = lens_format_date (generated);
  g_autofree char *left = NULL;
  guint n_pages = self->pages->len;
  double width = self->page_width - 2 * margin_x;
  double y = self->page_height - MIN (40.0, self->page_height * 0.05);

  /* Translators: the footer of each page of the brief: the district, then the date the
   * brief was made */
  left = g_strdup_printf (_("%s · Generated %s"),
                          self->district_label != NULL ? self->district_label : _("Citywide"),
                          date);

  for (guint p = 0; p < n_pages; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);
      g_autofree char *number = NULL;
      g_autoptr(PangoLayout) left_layout = NULL;
      g_autoptr(PangoLayout) right_layout = NULL;
      TextStyle right = style_footer;

      /* Translators: the page number in the footer of each page of the brief */
      number = g_strdup_printf (_("Page %u of %u"), p + 1, n_pages);
      right.align = PANGO_ALIGN_RIGHT;
      left_layout = brief_make_layout (self, left, &style_footer, width * 0.7);
      right_layout = brief_make_layout (self, number, &right, width * 0.3);

      brief_add_line (page, margin_x, y - 5.0, width, 0, 0.5, rule);
      brief_add_text (page, left_layout, margin_x, y, width * 0.7, muted);
      brief_add_text (page, right_layout, margin_x + width * 0.7, y, width * 0.3, muted);
    }
}

static void
paginate (LensBrief *self,
          double     page_width,
          double     page_height)
{
  g_autoptr(GArray) toc = g_array_new (FALSE, FALSE, sizeof (TocEntry));
  double margin = MIN (54.0, MIN (page_width, page_height) * 0.09);
  double chart_height;
  Flow f = { 0 };

  self->page_width = page_width;
  self->page_height = page_height;
  self->dirty = FALSE;

  if (self->generated_at == NULL)
    self->generated_at = g_date_time_new_now_local ();

  ensure_context (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  g_array_set_clear_func (self->outline, outline_entry_clear);

  f.self = self;
  f.left = margin;
  f.top = margin;
  f.width = MAX (page_width - 2 * margin, 72.0);
  /* room for the page footer */
  f.bottom = MAX (page_height - margin - 14.0, f.top + 72.0);
  chart_height = CLAMP ((f.bottom - f.top) * 0.40, 120.0, 380.0);

  brief_flow_new_page (&f);

  if ((self->parts & LENS_BRIEF_PART_COVER) != 0)
    {
      brief_add_outline (self, _("Cover"), 0);
      brief_flow_cover (&f, toc);
    }

  if (self->since != NULL)
    brief_flow_since (&f);

  /* The district statistics head the crime part, as the CompStat table heads the Crime page */
  if (self->compstat != NULL && (self->parts & LENS_BRIEF_PART_COMPSTAT) != 0)
    brief_flow_compstat (&f);
  if (self->standing != NULL && (self->parts & LENS_BRIEF_PART_STANDING) != 0)
    brief_flow_standing (&f, chart_height);

  for (LensBriefGroup group = LENS_BRIEF_GROUP_CRIME; group < LENS_BRIEF_N_GROUPS; group++)
    {
      for (guint i = 0; i < self->charts->len; i++)
        {
          BriefChart *chart = g_ptr_array_index (self->charts, i);

          if (brief_chart_shown (self, chart) && chart->group == group)
            brief_flow_chart_section (&f, chart, chart_height);
        }
    }

  if (self->map != NULL && (self->parts & LENS_BRIEF_PART_MAP) != 0)
    brief_flow_district_map (&f);

  if (self->decree != NULL && (self->parts & LENS_BRIEF_PART_CONSENT_DECREE) != 0)
    {
      brief_flow_consent_decree (&f);
    }

  /* the page numbers of the contents, now that they are known */
  for (guint i = 0; i < toc->len; i++)
    {
      TocEntry *entry = &g_array_index (toc, TocEntry, i);
      GArray *page = g_ptr_array_index (self->pages, entry->page_index);
      guint target = entry->target != NULL ? *entry->target : self->decree_page;
      g_autofree char *number = g_strdup_printf ("%u", target + 1);
      TextStyle right = style_body;
      g_autoptr(PangoLayout) layout = NULL;
      Block *link;

      right.align = PANGO_ALIGN_RIGHT;
      layout = brief_make_layout (self, number, &right, entry->width);
      brief_add_text (page, layout, entry->x, entry->y, entry->width, ink);
      link = brief_add_block (page, BLOCK_LINK, f.left, entry->y, f.width, entry->height);
      link->target_page = target;
    }

  add_page_footers (self, margin);
}

guint
lens_brief_paginate (LensBrief *self,
                     double     page_width,
                     double     page_height)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  paginate (self, page_width, page_height);

  return self->pages->len;
}

guint
lens_brief_get_n_pages (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/* Drawing */

static void
draw_text (cairo_t     *cr,
           const Block *block,
           double       x)
{
  PangoLayoutIter *iter;
  int i = 0;

  if (block->n_lines < 0)
    {
      cairo_move_to (cr, x, block->y);
      pango_cairo_show_layout (cr, block->layout);
      return;
    }

  /* only these lines: the others are on another page, and hidden text would still be in
   * the PDF's text */
  iter = pango_layout_get_iter (block->layout);
  do
    {
      if (i >= block->first_line && i < block->first_line + block->n_lines)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         block->y - block->line_offset + (double) baseline / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < block->first_line + block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_block (LensBrief   *self,
            cairo_t     *cr,
            const Block *block)
{
  /* right-to-left languages read the page mirrored: blocks swap sides, text does not */
  double x = self->rtl ? self->page_width - block->x - block->width : block->x;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      cairo_set_source_rgba (cr, block->rgba[0], block->rgba[1], block->rgba[2], block->rgba[3]);
      draw_text (cr, block, x);
      break;

    case BLOCK_RECT:
      cairo_set_source_rgba (cr, block->rgba[0], block->rgba[1], block->rgba[2], block->rgba[3]);
      cairo_rectangle (cr, x, block->y, block->width, block->height);
      cairo_fill (cr);
      break;

    case BLOCK_LINE:
      {
        double x0 = self->rtl ? self->page_width - block->x : block->x;
        double dx = self->rtl ? -block->width : block->width;

        cairo_save (cr);
        cairo_set_source_rgba (cr, block->rgba[0], block->rgba[1], block->rgba[2], block->rgba[3]);
        cairo_set_line_width (cr, block->line_width);
        if (block->dashed)
          {
            const double dash[] = { 3.0, 2.0 };

            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          }
        cairo_move_to (cr, x0, block->y);
        cairo_rel_line_to (cr, dx, block->height);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;

    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, x, block->y);
      cairo_scale (cr, block->chart_scale, block->chart_scale);
      lens_chart_export_to_cairo_page (block->document, cr,
                                       block->width / block->chart_scale,
                                       block->height / block->chart_scale);
      cairo_restore (cr);
      break;

    case BLOCK_PLOT:
      {
        LensPlotStyle style;

        lens_plot_style_init_light (&style);
        style.font_family = FONT_FAMILY;
        style.font_size_pt = CHART_TICK_PT;
        cairo_save (cr);
        cairo_translate (cr, x, block->y);
        lens_plot_draw (block->series, block->plot_kind, &style, NULL, NULL,
                        _("No compliance figures"), cr, block->width, block->height);
        cairo_restore (cr);
      }
      break;

    case BLOCK_MAP:
      /* a map is not mirrored for a right-to-left language: its legend is */
      cairo_save (cr);
      cairo_translate (cr, x, block->y);
      lens_map_draw_page (block->map, block->map_selected, cr, block->width, block->height);
      cairo_restore (cr);
      break;

    case BLOCK_LINK:
      {
        g_autofree char *attributes = NULL;
        double ux = x, uy = block->y;
        double dx = block->width, dy = block->height;

        /* the rectangle is given in device space */
        cairo_user_to_device (cr, &ux, &uy);
        cairo_user_to_device_distance (cr, &dx, &dy);
        /* whole numbers: cairo 1.16 misreads decimals in the attributes under a locale
         * with a decimal comma */
        attributes = g_strdup_printf ("rect=[%d %d %d %d] page=%u",
                                      (int) floor (ux), (int) floor (uy),
                                      (int) ceil (dx), (int) ceil (dy), block->target_page + 1);
        cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_plot (const Block *block)
{
  return block->kind == BLOCK_CHART || block->kind == BLOCK_PLOT || block->kind == BLOCK_MAP;
}

void
lens_brief_draw_page (LensBrief *self,
                      cairo_t   *cr,
                      guint      page)
{
  GArray *blocks;

  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);

  if (self->dirty)
    paginate (self, self->page_width, self->page_height);

  g_return_if_fail (page < self->pages->len);

  blocks = g_ptr_array_index (self->pages, page);

  /* charts first: the export paints its box white, and the box reaches into the space of
   * the text above it */
  cairo_save (cr);
  for (guint i = 0; i < blocks->len; i++)
    if (is_plot (&g_array_index (blocks, Block, i)))
      draw_block (self, cr, &g_array_index (blocks, Block, i));
  for (guint i = 0; i < blocks->len; i++)
    if (!is_plot (&g_array_index (blocks, Block, i)))
      draw_block (self, cr, &g_array_index (blocks, Block, i));
  cairo_restore (cr);
}

/* The PDF */

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GByteArray *
render_pdf (LensBrief      *self,
            cairo_status_t *status)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (256 * 1024);
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  n_pages = lens_brief_paginate (self, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);

  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes,
                                                 LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  title = g_strdup_printf (_("Meeting brief: %s"),
                           self->district_label != NULL ? self->district_label : _("Citywide"));
  creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  created = g_date_time_format (self->generated_at, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; p++)
    {
      lens_brief_draw_page (self, cr, p);
      cairo_show_page (cr);
    }

  /* bookmarks for a PDF reader's sidebar */
  for (guint i = 0; i < self->outline->len; i++)
    {
      OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      g_autofree char *link = g_strdup_printf ("page=%u", entry->page + 1);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry->title, link, 0);
    }

  *status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_steal_pointer (&bytes);
}

gboolean
lens_brief_write_pdf (LensBrief   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *display = NULL;
  cairo_status_t status;

  g_return_val_if_fail (LENS_IS_BRIEF (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  if (!lens_brief_check (self, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, then the reason */
                   _("Could not save the brief to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  bytes = render_pdf (self, &status);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR,
                   status == CAIRO_STATUS_NO_MEMORY ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_FAILED,
                   _("Could not save the brief to “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  /* A temporary file in the same directory, renamed over @path once complete; on failure
   * GLib removes the temporary file, so no partial file is left. */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Could not save the brief to “%s”: %s"),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
