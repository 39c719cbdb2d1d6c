/* lens-plot.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-plot"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <plplot.h>
#include <string.h>

#include "lens-format.h"
#include "lens-language.h"
#include "lens-plot-layout-private.h"

/* Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour
 * vision deficiencies. */
static const guint32 okabe_ito[N_PALETTE] = {
  0x0072B2, /* blue */
  0xE69F00, /* orange */
  0x009E73, /* bluish green */
  0xCC79A7, /* reddish purple */
  0x56B4E9, /* sky blue */
  0xD55E00, /* vermillion */
  0xF0E442, /* yellow */
};

/* Style */

void
lens_plot_style_init_light (LensPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (LensPlotStyle) {
    .foreground = { 0.12, 0.12, 0.14, 1.0 },
    .background = { 1.0, 1.0, 1.0, 1.0 },
    .grid = { 0.0, 0.0, 0.0, 0.12 },
    .dark = FALSE,
    .font_family = NULL,
    .font_size_pt = 10.0,
    .rtl = lens_language_is_rtl (),
  };
}

void
lens_plot_style_init_dark (LensPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (LensPlotStyle) {
    .foreground = { 0.93, 0.93, 0.93, 1.0 },
    .background = { 0.14, 0.14, 0.14, 1.0 },
    .grid = { 1.0, 1.0, 1.0, 0.15 },
    .dark = TRUE,
    .font_family = NULL,
    .font_size_pt = 10.0,
    .rtl = lens_language_is_rtl (),
  };
}

void
lens_plot_get_series_color (const LensPlotStyle *style,
                            guint                index,
                            double               rgba[4])
{
  guint32 rgb = okabe_ito[index % N_PALETTE];
  double mix = (style != NULL && style->dark) ? 0.3 : 0.0;

  /* On a dark background the darker colours (the blue above all) lose contrast: mix in
   * some white so they read, keeping the hue. */
  rgba[0] = ((rgb >> 16) & 0xff) / 255.0 * (1.0 - mix) + mix;
  rgba[1] = ((rgb >> 8) & 0xff) / 255.0 * (1.0 - mix) + mix;
  rgba[2] = (rgb & 0xff) / 255.0 * (1.0 - mix) + mix;
  rgba[3] = 1.0;
}

/* Text */

char *
_lens_plot_escape (const char *text)
{
  GString *str;

  if (text == NULL)
    return g_strdup ("");

  str = g_string_sized_new (strlen (text) + 4);
  for (const char *p = text; *p; p++)
    {
      if (*p == '#')
        g_string_append_c (str, '#');
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

const char *
_lens_plot_get_font_family (const LensPlotStyle *style)
{
  const char *family;

  if (style->font_family != NULL && style->font_family[0] != '\0')
    return style->font_family;

  family = g_getenv ("PLPLOT_FREETYPE_SANS_FAMILY");

  return family != NULL && family[0] != '\0' ? family : "sans";
}

double
_lens_plot_get_font_size (const LensPlotStyle *style)
{
  if (style->font_size_pt > 0 && isfinite (style->font_size_pt))
    return CLAMP (style->font_size_pt, 4.0, 72.0);

  return 10.0;
}


gboolean
lens_plot_get_label_area_full (LensSeries          *series,
                               LensPlotKind         kind,
                               const LensPlotStyle *style,
                               const char          *x_title,
                               const char          *y_title,
                               double               width,
                               double               height,
                               guint                label,
                               cairo_rectangle_t   *area)
{
  Layout l;
  gboolean ret;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  _lens_plot_layout_compute (&l, series, kind, style, x_title, y_title, width, height);
  ret = _lens_plot_layout_label_area (&l, label, area);
  _lens_plot_layout_clear (&l);

  return ret;
}

double
lens_plot_get_min_height (LensSeries          *series,
                          LensPlotKind         kind,
                          const LensPlotStyle *style,
                          const char          *x_title,
                          const char          *y_title,
                          double               width)
{
  g_return_val_if_fail (style != NULL, 0.0);

  return _lens_plot_layout_min_height (series, kind, style, x_title, y_title, width);
}

gboolean
lens_plot_get_label_area (LensSeries          *series,
                          LensPlotKind         kind,
                          const LensPlotStyle *style,
                          double               width,
                          double               height,
                          guint                label,
                          cairo_rectangle_t   *area)
{
  return lens_plot_get_label_area_full (series, kind, style, NULL, NULL,
                                        width, height, label, area);
}

GArray *
_lens_plot_get_text_boxes (LensSeries          *series,
                           LensPlotKind         kind,
                           const LensPlotStyle *style,
                           const char          *x_title,
                           const char          *y_title,
                           double               width,
                           double               height)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  Layout l;

  _lens_plot_layout_compute (&l, series, kind, style, x_title, y_title, width, height);
  if (l.valid && !l.empty)
    for (guint i = 0; i < l.texts->len; i++)
      g_array_append_val (boxes, g_array_index (l.texts, TextItem, i).box);
  _lens_plot_layout_clear (&l);

  return boxes;
}

gboolean
_lens_plot_get_plot_area (LensSeries          *series,
                          LensPlotKind         kind,
                          const LensPlotStyle *style,
                          const char          *x_title,
                          const char          *y_title,
                          double               width,
                          double               height,
                          cairo_rectangle_t   *area)
{
  Layout l;
  gboolean ret;

  _lens_plot_layout_compute (&l, series, kind, style, x_title, y_title, width, height);
  ret = l.valid && !l.empty;
  if (ret)
    *area = l.plot;
  _lens_plot_layout_clear (&l);

  return ret;
}

static void
draw_message (cairo_t             *cr,
              const LensPlotStyle *style,
              const char          *message,
              double               width,
              double               height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  int lw, lh;

  if (message == NULL || message[0] == '\0' || width < 8 || height < 8)
    return;

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, _lens_plot_get_font_family (style));
  pango_font_description_set_size (font, (int) (_lens_plot_get_font_size (style) * 1.2 * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, message, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) ((width - 8) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) ((height - 8) * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &lw, &lh);

  cairo_save (cr);
  cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1],
                         style->foreground[2], style->foreground[3] * 0.7);
  cairo_move_to (cr, 4, MAX (0, (height - lh) / 2.0));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}


void
lens_plot_draw (LensSeries          *series,
                LensPlotKind         kind,
                const LensPlotStyle *style,
                const char          *x_title,
                const char          *y_title,
                const char          *empty_message,
                cairo_t             *cr,
                double               width,
                double               height)
{
  Layout l;

  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  _lens_plot_layout_compute (&l, series, kind, style, x_title, y_title, width, height);

  if (!l.valid)
    {
      _lens_plot_layout_clear (&l);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background[3] > 0.0)
    {
      cairo_set_source_rgba (cr, style->background[0], style->background[1],
                             style->background[2], style->background[3]);
      cairo_paint (cr);
    }

  if (l.empty)
    draw_message (cr, style, empty_message, width, height);
  else
    _lens_plot_draw_layout (&l, series, style, cr);

  cairo_restore (cr);
  _lens_plot_layout_clear (&l);
}

