/* lens-plot-layout.c
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
#include "lens-plot-layout-private.h"

/* The layout: where every text, the data area and the legend go, in cairo units. */

static void
measure_init (Measure             *m,
              const LensPlotStyle *style)
{
  /* The cairo driver makes its layouts with pango_cairo_create_layout() on our context, so
   * the default font map and its resolution (96 dpi) give the same metrics. */
  m->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  m->layout = pango_layout_new (m->context);
  m->font = pango_font_description_new ();
  pango_font_description_set_family (m->font, _lens_plot_get_font_family (style));
  pango_font_description_set_size (m->font, (int) (_lens_plot_get_font_size (style) * PANGO_SCALE));
  pango_layout_set_font_description (m->layout, m->font);
}

static void
measure_clear (Measure *m)
{
  g_clear_object (&m->layout);
  g_clear_object (&m->context);
  g_clear_pointer (&m->font, pango_font_description_free);
}

static void
measure_text (Measure    *m,
              const char *text,
              double     *width,
              double     *height,
              double     *baseline)
{
  PangoRectangle logical;

  pango_layout_set_text (m->layout, text, -1);
  pango_layout_get_extents (m->layout, NULL, &logical);

  /* +1: hinting on the target surface may round a glyph or two up */
  *width = logical.width / (double) PANGO_SCALE + 1.0;
  *height = logical.height / (double) PANGO_SCALE;
  if (baseline != NULL)
    *baseline = pango_layout_get_baseline (m->layout) / (double) PANGO_SCALE;
}

/* Cuts @text to at most @max_width with an ellipsis, at a character boundary. */
static char *
ellipsise (Measure    *m,
           const char *text,
           double      max_width)
{
  g_autofree char *clean = NULL;
  double w, h;
  glong n_chars;
  glong lo = 0, hi;

  /* one line only, and PLplot's text buffer is small */
  clean = g_utf8_make_valid (text ? text : "", -1);
  g_strdelimit (clean, "\r\n\t", ' ');
  if (g_utf8_strlen (clean, -1) > 200)
    {
      char *end = g_utf8_offset_to_pointer (clean, 200);
      *end = '\0';
    }

  measure_text (m, clean, &w, &h, NULL);
  if (w <= max_width)
    return g_steal_pointer (&clean);

  n_chars = g_utf8_strlen (clean, -1);
  hi = n_chars;

  /* the longest prefix that fits with the ellipsis */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (clean, 0, mid);
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);

      measure_text (m, candidate, &w, &h, NULL);
      if (w <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  if (lo == 0)
    return g_strdup ("");

  {
    g_autofree char *prefix = g_utf8_substring (clean, 0, lo);
    return g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);
  }
}

/* Layout */

static void
text_item_clear (gpointer data)
{
  TextItem *item = data;

  g_clear_pointer (&item->text, g_free);
}

void
_lens_plot_layout_clear (Layout *l)
{
  g_clear_pointer (&l->texts, g_array_unref);
  g_clear_pointer (&l->legend, g_array_unref);
}

/* Adds a text whose logical box starts at (@left, @top); works out PLplot's reference point:
 * the cairo driver puts the baseline half the font size (in points) below the reference point
 * and shifts the text left by @just times its width. */
static TextItem *
add_text (Layout     *l,
          Measure    *m,
          const char *text,
          double      left,
          double      top,
          double      just,
          int         color)
{
  TextItem item = { 0 };
  double w, h, baseline;

  if (text == NULL || text[0] == '\0')
    return NULL;

  measure_text (m, text, &w, &h, &baseline);

  item.text = g_strdup (text);
  item.just = just;
  item.color = color;
  item.box = (cairo_rectangle_t) { left, top, w, h };
  item.x = left + just * (w - 1.0);
  item.y = top + baseline - 0.5 * l->font_pt;
  g_array_append_val (l->texts, item);

  return &g_array_index (l->texts, TextItem, l->texts->len - 1);
}

/* A text reading bottom to top, centred vertically on @centre_y, its top edge (the left side
 * once rotated) at @left. */
static void
add_vertical_text (Layout     *l,
                   Measure    *m,
                   const char *text,
                   double      left,
                   double      centre_y,
                   int         color)
{
  TextItem item = { 0 };
  double w, h, baseline;

  if (text == NULL || text[0] == '\0')
    return;

  measure_text (m, text, &w, &h, &baseline);

  item.text = g_strdup (text);
  item.just = 0.5;
  item.vertical = TRUE;
  item.color = color;
  item.box = (cairo_rectangle_t) { left, centre_y - w / 2.0, h, w };
  item.x = left + baseline - 0.5 * l->font_pt;
  item.y = centre_y;
  g_array_append_val (l->texts, item);
}

static double
nice_step (double raw)
{
  double e = floor (log10 (raw));
  double p = pow (10.0, e);
  double f = raw / p;

  if (f <= 1.0)
    return p;
  if (f <= 2.0)
    return 2.0 * p;
  if (f <= 5.0)
    return 5.0 * p;
  return 10.0 * p;
}

/* A value axis from @dmin to @dmax (zero always included: bars start at zero, and a line
 * chart that starts elsewhere exaggerates changes) in steps of 1, 2 or 5 x 10^n. */
static gboolean
axis_ticks (double  dmin,
            double  dmax,
            int     target,
            double *lo,
            double *hi,
            double *step,
            guint  *n_ticks)
{
  double range;

  dmin = MIN (dmin, 0.0);
  dmax = MAX (dmax, 0.0);
  if (dmax - dmin < 1e-9 * MAX (1.0, MAX (fabs (dmin), fabs (dmax))))
    dmax = dmin + 1.0;

  range = dmax - dmin;
  if (!isfinite (range) || range <= 0.0)
    return FALSE;

  *step = nice_step (range / MAX (target, 1));
  *lo = floor (dmin / *step + 1e-9) * *step;
  *hi = ceil (dmax / *step - 1e-9) * *step;
  if (*hi <= *lo)
    *hi = *lo + *step;

  if (!isfinite (*step) || !isfinite (*lo) || !isfinite (*hi) || *step <= 0.0)
    return FALSE;

  *n_ticks = (guint) floor ((*hi - *lo) / *step + 0.5) + 1;

  return *n_ticks >= 2 && *n_ticks <= 50;
}

double
_lens_plot_tick_value (Layout *l,
                       guint   i)
{
  double v = l->lo + i * l->step;

  if (fabs (v) < l->step * 1e-6)
    v = 0.0;

  return v;
}

static char *
format_tick (LensSeries *series,
             double      value,
             double      step)
{
  int decimals = 0;

  if (step < 1.0)
    decimals = CLAMP ((int) ceil (-log10 (step) - 1e-9), 0, 12);

  if (lens_series_get_percent (series))
    return lens_format_percent (value, decimals);

  return lens_format_number (value, decimals);
}

static double
widest_tick (Layout     *l,
             Measure    *m,
             LensSeries *series)
{
  double widest = 0.0;

  for (guint i = 0; i < l->n_ticks; i++)
    {
      g_autofree char *text = format_tick (series, _lens_plot_tick_value (l, i), l->step);
      double w, h;

      measure_text (m, text, &w, &h, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static gboolean
series_has_partial (LensSeries *series)
{
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    if (lens_series_get_partial (series, i))
      return TRUE;

  return FALSE;
}

/* Stacked bars run from zero to the sum of their parts; percentages always show the whole
 * 0–100 scale, so that a bar's height reads as a share of everything. */
static void
stacked_range (LensSeries *series,
               double     *dmin,
               double     *dmax)
{
  *dmin = 0.0;
  *dmax = 0.0;

  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      double sum = 0.0;

      for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
        {
          double value = lens_series_get_value (series, v, i);

          if (isfinite (value) && value > 0.0)
            sum += value;
        }
      *dmax = MAX (*dmax, sum);
    }

  if (lens_series_get_percent (series))
    *dmax = MAX (*dmax, 100.0);
}

/* A stacked category with no value at all: its figures were not published. */
gboolean
_lens_plot_is_unpublished (LensSeries *series,
                           guint       label)
{
  for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
    if (isfinite (lens_series_get_value (series, v, label)))
      return FALSE;

  return TRUE;
}

static double
legend_swatch_width (Layout *l)
{
  return l->kind == LENS_PLOT_LINE ? 2.4 * l->em : 1.4 * l->em;
}

/* Flows the legend keys left to right from (@left, @top), wrapping at @right. Returns the
 * height taken. */
static double
layout_legend (Layout     *l,
               Measure    *m,
               LensSeries *series,
               double      left,
               double      top,
               double      right)
{
  double x = left;
  double y = top;
  double swatch_w = legend_swatch_width (l);
  double spacing = 0.4 * l->em;
  double item_gap = 1.2 * l->em;
  double avail = right - left - swatch_w - spacing;
  guint n_items = l->n_vectors + (l->has_partial ? 1 : 0);

  if (l->n_vectors < 2 && !l->has_partial && l->kind != LENS_PLOT_STACKED_BAR)
    return 0.0;

  if (avail < 3 * l->em)
    return -1.0;

  for (guint i = 0; i < n_items; i++)
    {
      gboolean partial_key = i >= l->n_vectors;
      const char *name = partial_key ? _("Incomplete period") : lens_series_get_vector_name (series, i);
      g_autofree char *text = ellipsise (m, name, avail);
      double w, h;
      LegendItem key;

      measure_text (m, text, &w, &h, NULL);
      if (x > left && x + swatch_w + spacing + w > right)
        {
          x = left;
          y += l->line_h;
        }

      key.vector = partial_key ? -1 : (int) i;
      key.swatch = (cairo_rectangle_t) {
        x, y + 0.2 * l->line_h, swatch_w, 0.6 * l->line_h
      };
      g_array_append_val (l->legend, key);

      add_text (l, m, text, x + swatch_w + spacing, y, 0.0, COLOR_FOREGROUND);
      x += swatch_w + spacing + w + item_gap;
    }

  return y + l->line_h - top;
}

/* The compact form: no room for any text, so only the data, filling the area. */
static void
layout_compact (Layout     *l,
                LensSeries *series,
                double      dmin,
                double      dmax)
{
  g_array_set_size (l->texts, 0);
  g_array_set_size (l->legend, 0);
  l->compact = TRUE;
  l->plot = (cairo_rectangle_t) { 1.0, 1.0, l->width - 2.0, l->height - 2.0 };
  l->label_bottom = l->height - 1.0;
  l->label_left = 1.0;
  l->divider_top = l->plot.y;

  if (!axis_ticks (dmin, dmax, 2, &l->lo, &l->hi, &l->step, &l->n_ticks))
    l->empty = TRUE;
}

/* Category labels under the data area, every nth when crowded; the last one (the latest
 * period in a time series) is always shown. */
static void
layout_category_labels_below (Layout     *l,
                              Measure    *m,
                              LensSeries *series,
                              double      top)
{
  double slot = l->plot.width / l->n;
  double cap = MAX (MIN (l->plot.width * 0.3, 12 * l->em), 2 * l->em);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double widest = 0.0;
  double prev_left = G_MAXDOUBLE;
  guint every;

  for (guint i = 0; i < l->n; i++)
    {
      char *text = ellipsise (m, lens_series_get_label (series, i), cap);
      double w, h;

      measure_text (m, text, &w, &h, NULL);
      widest = MAX (widest, w);
      g_ptr_array_add (texts, text);
    }

  every = (guint) MAX (1.0, ceil ((widest + l->em) / slot));

  for (guint k = 0; k < l->n; k += every)
    {
      guint i = l->n - 1 - k;
      const char *text = g_ptr_array_index (texts, i);
      double w, h, left;

      if (text[0] == '\0')
        continue;

      measure_text (m, text, &w, &h, NULL);
      left = l->plot.x + (i + 0.5) * slot - w / 2.0;
      left = CLAMP (left, 0.0, MAX (0.0, l->width - w));

      /* a label pushed in from the edge must not run into its neighbour */
      if (left + w + 0.5 * l->em > prev_left)
        continue;

      add_text (l, m, text, left, top, 0.0, COLOR_FOREGROUND);
      l->label_bottom = MAX (l->label_bottom, top + h);
      prev_left = left;
    }
}

/* The "not published" marks, read bottom to top inside their empty slots, and the divider's
 * texts on either side of it, above the bars. */
static void
layout_stacked_texts (Layout     *l,
                      Measure    *m,
                      LensSeries *series)
{
  double slot = l->plot.width / l->n;
  double gap = 0.4 * l->em;
  const char *before = NULL;
  const char *after = NULL;

  for (guint i = 0; i < l->n; i++)
    {
      g_autofree char *text = NULL;

      if (!_lens_plot_is_unpublished (series, i) || slot < l->line_h)
        continue;

      text = ellipsise (m, _("not published"), l->plot.height - l->em);
      add_vertical_text (l, m, text, l->plot.x + (i + 0.5) * slot - l->line_h / 2.0,
                         l->plot.y + l->plot.height / 2.0, COLOR_MUTED);
    }

  if (l->divider == 0)
    return;

  lens_series_get_divider (series, &before, &after);
  {
    double x = l->plot.x + l->divider * slot;
    g_autofree char *left = ellipsise (m, before, x - gap);
    g_autofree char *right = ellipsise (m, after, l->width - (x + gap));
    double w, h;

    if (left[0] != '\0')
      {
        measure_text (m, left, &w, &h, NULL);
        add_text (l, m, left, x - gap - w, l->divider_top, 0.0, COLOR_FOREGROUND);
      }
    if (right[0] != '\0')
      add_text (l, m, right, x + gap, l->divider_top, 0.0, COLOR_FOREGROUND);
  }
}

static void
layout_vertical (Layout     *l,
                 Measure    *m,
                 LensSeries *series,
                 const char *x_title,
                 const char *y_title,
                 double      left,
                 double      top,
                 double      right,
                 double      bottom,
                 double      dmin,
                 double      dmax)
{
  double pad = 0.4 * l->line_h;
  double tick_w;
  double labels_top;
  int target;

  if (y_title != NULL && y_title[0] != '\0')
    {
      g_autofree char *text = ellipsise (m, y_title, MAX (bottom - top, 0));

      add_vertical_text (l, m, text, left, (top + bottom) / 2.0, COLOR_FOREGROUND);
      left += l->line_h + pad;
    }

  if (x_title != NULL && x_title[0] != '\0')
    bottom -= l->line_h + pad / 2.0;

  if (l->divider > 0)
    {
      l->divider_top = top;
      top += l->line_h + pad / 2.0;
    }

  /* the category labels, then a gap of half a line so they clear the lowest tick label */
  labels_top = bottom - l->line_h;
  bottom = labels_top - 0.5 * l->line_h;
  top += 0.5 * l->line_h; /* the top tick label is centred on the top edge */

  l->plot.y = top;
  l->plot.height = bottom - top;
  if (l->plot.height < 1.5 * l->line_h)
    {
      layout_compact (l, series, dmin, dmax);
      return;
    }

  target = CLAMP ((int) (l->plot.height / (2.2 * l->line_h)), 1, 8);
  if (!axis_ticks (dmin, dmax, target, &l->lo, &l->hi, &l->step, &l->n_ticks))
    {
      l->empty = TRUE;
      return;
    }

  tick_w = widest_tick (l, m, series);
  l->plot.x = left + tick_w + 0.5 * l->em;
  l->plot.width = right - l->plot.x;
  if (l->plot.width < 3 * l->em)
    {
      layout_compact (l, series, dmin, dmax);
      return;
    }

  for (guint i = 0; i < l->n_ticks; i++)
    {
      g_autofree char *text = format_tick (series, _lens_plot_tick_value (l, i), l->step);
      double y = l->plot.y + l->plot.height * (1.0 - (_lens_plot_tick_value (l, i) - l->lo) / (l->hi - l->lo));
      double w, h;

      measure_text (m, text, &w, &h, NULL);
      add_text (l, m, text, l->plot.x - 0.5 * l->em - w, y - h / 2.0, 0.0, COLOR_MUTED);
    }

  l->label_bottom = labels_top;
  layout_category_labels_below (l, m, series, labels_top);
  if (l->kind == LENS_PLOT_STACKED_BAR)
    layout_stacked_texts (l, m, series);

  if (x_title != NULL && x_title[0] != '\0')
    {
      g_autofree char *text = ellipsise (m, x_title, l->plot.width);
      double w, h;

      measure_text (m, text, &w, &h, NULL);
      add_text (l, m, text,
                CLAMP (l->plot.x + (l->plot.width - w) / 2.0, 0.0, MAX (0.0, l->width - w)),
                l->label_bottom + pad / 2.0, 0.0, COLOR_FOREGROUND);
    }
}

static void
layout_horizontal (Layout     *l,
                   Measure    *m,
                   LensSeries *series,
                   const char *x_title,
                   const char *y_title,
                   double      left,
                   double      top,
                   double      right,
                   double      bottom,
                   double      dmin,
                   double      dmax)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double pad = 0.4 * l->line_h;
  double cap;
  double widest = 0.0;
  double tick_w = 0.0;
  double ticks_top;
  double row;
  double prev_bottom = -G_MAXDOUBLE;
  guint every;
  int target;

  if (x_title != NULL && x_title[0] != '\0')
    {
      g_autofree char *text = ellipsise (m, x_title, MAX (bottom - top, 0));

      add_vertical_text (l, m, text, left, (top + bottom) / 2.0, COLOR_FOREGROUND);
      left += l->line_h + pad;
    }

  if (y_title != NULL && y_title[0] != '\0')
    bottom -= l->line_h + pad / 2.0;

  ticks_top = bottom - l->line_h;
  bottom = ticks_top - pad / 2.0;

  l->plot.y = top;
  l->plot.height = bottom - top;
  if (l->plot.height < l->line_h || right - left < 6 * l->em)
    {
      layout_compact (l, series, dmin, dmax);
      return;
    }

  /* long category names (offence types) get up to 40% of the width, then an ellipsis */
  cap = MIN (0.4 * (right - left), 25 * l->em);
  for (guint i = 0; i < l->n; i++)
    {
      char *text = ellipsise (m, lens_series_get_label (series, i), cap);
      double w, h;

      measure_text (m, text, &w, &h, NULL);
      widest = MAX (widest, w);
      g_ptr_array_add (texts, text);
    }

  l->label_left = left;
  l->plot.x = left + widest + 0.5 * l->em;

  /* fewer ticks until their labels fit side by side */
  target = CLAMP ((int) ((right - l->plot.x) / (6 * l->em)), 1, 8);
  for (;; target--)
    {
      if (!axis_ticks (dmin, dmax, MAX (target, 1), &l->lo, &l->hi, &l->step, &l->n_ticks))
        {
          l->empty = TRUE;
          return;
        }

      tick_w = widest_tick (l, m, series);
      l->plot.width = right - tick_w / 2.0 - l->plot.x;
      if (target <= 1 || (tick_w + l->em) * (l->n_ticks - 1) <= l->plot.width)
        break;
    }

  if (l->plot.width < 3 * l->em)
    {
      layout_compact (l, series, dmin, dmax);
      return;
    }

  for (guint i = 0; i < l->n_ticks; i++)
    {
      g_autofree char *text = format_tick (series, _lens_plot_tick_value (l, i), l->step);
      double x = l->plot.x + l->plot.width * (_lens_plot_tick_value (l, i) - l->lo) / (l->hi - l->lo);
      double w, h;

      /* one tick only when the labels are wider than the whole axis: show the ends */
      measure_text (m, text, &w, &h, NULL);
      if ((tick_w + l->em) * (l->n_ticks - 1) > l->plot.width && i != 0 && i != l->n_ticks - 1)
        continue;
      add_text (l, m, text, CLAMP (x - w / 2.0, 0.0, MAX (0.0, l->width - w)), ticks_top, 0.0, COLOR_MUTED);
    }

  row = l->plot.height / l->n;
  every = (guint) MAX (1.0, ceil (l->line_h / row));
  for (guint i = 0; i < l->n; i += every)
    {
      const char *text = g_ptr_array_index (texts, i);
      double w, h, y;

      if (text[0] == '\0')
        continue;

      /* kept clear of the legend above and the tick labels below: the gaps to them are
       * pad and pad / 2 */
      measure_text (m, text, &w, &h, NULL);
      y = l->plot.y + (i + 0.5) * row - h / 2.0;
      y = CLAMP (y, MAX (0.0, l->plot.y - pad),
                 MAX (l->plot.y, l->plot.y + l->plot.height + pad / 2.0 - h));
      if (y < prev_bottom)
        continue;

      add_text (l, m, text, l->plot.x - 0.5 * l->em - w, y, 0.0, COLOR_FOREGROUND);
      prev_bottom = y + h;
    }

  if (y_title != NULL && y_title[0] != '\0')
    {
      g_autofree char *text = ellipsise (m, y_title, l->plot.width);
      double w, h;

      measure_text (m, text, &w, &h, NULL);
      add_text (l, m, text,
                CLAMP (l->plot.x + (l->plot.width - w) / 2.0, 0.0, MAX (0.0, l->width - w)),
                ticks_top + l->line_h + pad / 2.0, 0.0, COLOR_FOREGROUND);
    }
}

/* Right to left
 *
 * A right-to-left reader (Arabic) starts at the right. A horizontal-bar chart (offence types,
 * charge classes) is drawn as in a mirror: its category labels on the right, the bars growing
 * leftwards from the value axis's zero on the right, the ticks reading right to left, as
 * Arabic-language bar charts are drawn. The legend starts at the top right on every kind.
 * Charts whose categories run along the bottom (years, months, reports in time order) keep
 * time running left to right, as Arabic-language newspapers and statistics offices keep
 * chronological axes, so that their plot is the same as in English and a date reads where
 * the same date sits in any other chart. */

static void
mirror_text (Layout   *l,
             TextItem *item)
{
  double x = l->width - (item->box.x + item->box.width);

  item->x += x - item->box.x;
  item->box.x = x;
}

static void
mirror_rectangle (Layout            *l,
                  cairo_rectangle_t *r)
{
  r->x = l->width - (r->x + r->width);
}

/* @n_legend_texts: the texts that the legend added first. */
static void
mirror_layout (Layout *l,
               guint   n_legend_texts)
{
  gboolean whole = l->kind == LENS_PLOT_HORIZONTAL_BAR;
  guint n_texts = whole ? l->texts->len : MIN (n_legend_texts, l->texts->len);

  for (guint i = 0; i < n_texts; i++)
    mirror_text (l, &g_array_index (l->texts, TextItem, i));
  for (guint i = 0; i < l->legend->len; i++)
    mirror_rectangle (l, &g_array_index (l->legend, LegendItem, i).swatch);

  if (whole)
    {
      mirror_rectangle (l, &l->plot);
      l->label_left = l->width - l->label_left;
    }
}

void
_lens_plot_layout_compute (Layout              *l,
                LensSeries          *series,
                LensPlotKind         kind,
                const LensPlotStyle *style,
                const char          *x_title,
                const char          *y_title,
                double               width,
                double               height)
{
  Measure m;
  double dmin, dmax;
  double w, h;
  double pad;
  double legend_h;
  guint n_legend_texts;

  memset (l, 0, sizeof *l);
  l->texts = g_array_new (FALSE, TRUE, sizeof (TextItem));
  g_array_set_clear_func (l->texts, text_item_clear);
  l->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  l->kind = (kind == LENS_PLOT_HORIZONTAL_BAR || kind == LENS_PLOT_LINE ||
             kind == LENS_PLOT_STACKED_BAR) ? kind : LENS_PLOT_BAR;
  l->width = width;
  l->height = height;
  l->font_pt = _lens_plot_get_font_size (style);
  l->rtl = style != NULL && style->rtl;

  /* Too small for anything, or nonsense sizes */
  if (!isfinite (width) || !isfinite (height) || width < 4.0 || height < 4.0 ||
      width > 100000.0 || height > 100000.0)
    return;

  l->valid = TRUE;
  l->n = series != NULL ? lens_series_get_n_labels (series) : 0;
  l->n_vectors = series != NULL ? lens_series_get_n_vectors (series) : 0;

  if (l->n == 0 || l->n_vectors == 0 ||
      !lens_series_get_min (series, &dmin) || !lens_series_get_max (series, &dmax))
    {
      l->empty = TRUE;
      return;
    }

  l->has_partial = series_has_partial (series);
  if (l->kind == LENS_PLOT_STACKED_BAR)
    {
      stacked_range (series, &dmin, &dmax);
      l->divider = lens_series_get_divider (series, NULL, NULL);
    }

  measure_init (&m, style);
  measure_text (&m, "M", &w, &h, NULL);
  l->em = w - 1.0;
  measure_text (&m, "Ag", &w, &h, NULL);
  l->line_h = h;
  pad = 0.4 * l->line_h;

  if (width < 12 * l->em || height < 4 * l->line_h)
    {
      layout_compact (l, series, dmin, dmax);
      if (l->rtl)
        mirror_layout (l, 0);
      measure_clear (&m);
      return;
    }

  legend_h = layout_legend (l, &m, series, pad, pad, width - pad);
  n_legend_texts = l->texts->len;
  if (legend_h < 0 || legend_h > height / 3.0)
    {
      layout_compact (l, series, dmin, dmax);
      if (l->rtl)
        mirror_layout (l, 0);
      measure_clear (&m);
      return;
    }
  if (legend_h > 0)
    legend_h += pad;

  if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
    layout_horizontal (l, &m, series, x_title, y_title,
                       pad, pad + legend_h, width - pad, height - pad, dmin, dmax);
  else
    layout_vertical (l, &m, series, x_title, y_title,
                     pad, pad + legend_h, width - pad, height - pad, dmin, dmax);

  /* a compact layout has no texts left, and its plot fills the area */
  if (l->rtl && !l->empty)
    mirror_layout (l, l->compact ? 0 : n_legend_texts);

  measure_clear (&m);
}

/* Label areas */

gboolean
_lens_plot_layout_label_area (Layout            *l,
                   guint              label,
                   cairo_rectangle_t *area)
{
  if (!l->valid || l->empty || label >= l->n)
    return FALSE;

  if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
    {
      double row = l->plot.height / l->n;

      if (l->rtl)
        {
          /* from the bars' far end (left) to the label's right edge */
          area->x = l->plot.x;
          area->width = (l->compact ? l->plot.x + l->plot.width : l->label_left) - area->x;
        }
      else
        {
          area->x = l->compact ? l->plot.x : l->label_left;
          area->width = l->plot.x + l->plot.width - area->x;
        }
      area->y = l->plot.y + label * row;
      area->height = row;
    }
  else
    {
      double slot = l->plot.width / l->n;

      area->x = l->plot.x + label * slot;
      area->y = l->plot.y;
      area->width = slot;
      area->height = MAX (l->label_bottom, l->plot.y + l->plot.height) - l->plot.y;
    }

  return TRUE;
}

/* The height a horizontal-bar chart needs for every category label to show (one line for
 * each), at @width: what the legend, the ticks and the titles take at a tall height, plus the
 * tallest text's height a category. 0 for the other kinds, whose labels go under the plot, and when there is no
 * room for labels at all. */
double
_lens_plot_layout_min_height (LensSeries          *series,
                              LensPlotKind         kind,
                              const LensPlotStyle *style,
                              const char          *x_title,
                              const char          *y_title,
                              double               width)
{
  const double tall = 4000.0;
  Layout l;
  double needed = 0.0;

  if (kind != LENS_PLOT_HORIZONTAL_BAR || series == NULL)
    return 0.0;

  _lens_plot_layout_compute (&l, series, kind, style, x_title, y_title, width, tall);
  if (l.valid && !l.empty && !l.compact && l.n > 0)
    {
      /* a line is the tallest text's, which in Devanagari is taller than "Ag" */
      double line = l.line_h;

      for (guint i = 0; i < l.texts->len; i++)
        if (!g_array_index (l.texts, TextItem, i).vertical)
          line = MAX (line, g_array_index (l.texts, TextItem, i).box.height);
      needed = ceil (tall - l.plot.height + l.n * line) + 1.0;
    }
  _lens_plot_layout_clear (&l);

  return needed;
}
