/* lens-plot-draw.c
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

/* Drawing */

static void
set_color (int          index,
           const double rgba[4],
           double       alpha)
{
  plscol0a (index,
            (PLINT) CLAMP (round (rgba[0] * 255.0), 0, 255),
            (PLINT) CLAMP (round (rgba[1] * 255.0), 0, 255),
            (PLINT) CLAMP (round (rgba[2] * 255.0), 0, 255),
            CLAMP (rgba[3] * alpha, 0.0, 1.0));
}

static void
set_palette (const LensPlotStyle *style)
{
  double muted[4];

  plscmap0n (N_COLORS);
  set_color (COLOR_BACKGROUND, style->background, 1.0);
  set_color (COLOR_FOREGROUND, style->foreground, 1.0);
  set_color (COLOR_GRID, style->grid, 1.0);
  memcpy (muted, style->foreground, sizeof muted);
  set_color (COLOR_MUTED, muted, 0.8);

  for (guint i = 0; i < N_PALETTE; i++)
    {
      double rgba[4];

      lens_plot_get_series_color (style, i, rgba);
      set_color (COLOR_SERIES + i, rgba, 1.0);
      set_color (COLOR_FADED + i, rgba, style->dark ? 0.4 : 0.3);
      set_color (COLOR_FAINT + i, rgba, style->dark ? 0.25 : 0.15);
    }
}

/* PLplot's world coordinates for a point in cairo units (y down) on the full page */
#define PAGE_Y(l, y) ((l)->height - (y))

static void
use_page_window (Layout *l)
{
  plvpor (0.0, 1.0, 0.0, 1.0);
  plwind (0.0, l->width, 0.0, l->height);
}

static void
use_plot_window (Layout *l)
{
  double x0 = l->plot.x / l->width;
  double x1 = (l->plot.x + l->plot.width) / l->width;
  double y0 = 1.0 - (l->plot.y + l->plot.height) / l->height;
  double y1 = 1.0 - l->plot.y / l->height;

  plvpor (CLAMP (x0, 0.0, 1.0), CLAMP (x1, 0.0, 1.0), CLAMP (y0, 0.0, 1.0), CLAMP (y1, 0.0, 1.0));
  if (l->kind == LENS_PLOT_HORIZONTAL_BAR && l->rtl)
    plwind (l->hi, l->lo, 0.0, l->n);  /* mirrored: zero on the right, bars grow leftwards */
  else if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
    plwind (l->lo, l->hi, 0.0, l->n);
  else
    plwind (0.0, l->n, l->lo, l->hi);
}

static void
set_dashes (int vector)
{
  /* mark and space lengths in micrometres */
  static const PLINT marks[][2] = { { 0, 0 }, { 3500, 1500 }, { 1000, 1200 }, { 5000, 1500 } };
  static const PLINT spaces[][2] = { { 0, 0 }, { 2000, 2000 }, { 1200, 1200 }, { 1500, 1500 } };
  int k = vector % G_N_ELEMENTS (marks);

  if (k == 0)
    plstyl (0, NULL, NULL);
  else
    plstyl (2, (PLINT *) marks[k], (PLINT *) spaces[k]);
}

/* The second cue besides colour: vectors after the first get diagonal hatching. */
static void
set_hatch (int vector)
{
  PLINT inc[2] = { 450, -450 };
  PLINT del[2] = { 1800, 1800 };

  if (vector == 0)
    {
      plpsty (0);
      return;
    }

  switch (vector % 3)
    {
    case 1:
      plpat (1, inc, del);
      break;
    case 2:
      inc[0] = -450;
      plpat (1, inc, del);
      break;
    default:
      plpat (2, inc, del);
      break;
    }
}

static void
fill_rect (double x0,
           double y0,
           double x1,
           double y1)
{
  PLFLT x[4] = { x0, x1, x1, x0 };
  PLFLT y[4] = { y0, y0, y1, y1 };

  plfill (4, x, y);
}

static void
outline_rect (double x0,
              double y0,
              double x1,
              double y1)
{
  PLFLT x[5] = { x0, x1, x1, x0, x0 };
  PLFLT y[5] = { y0, y0, y1, y1, y0 };

  plline (5, x, y);
}

/* One bar: solid for the first vector; a light fill with hatching in the full colour for the
 * comparison; partial points lighter with a dashed outline. */
static void
draw_bar (int      vector,
          gboolean partial,
          double   x0,
          double   y0,
          double   x1,
          double   y1)
{
  int c = vector % N_PALETTE;

  plpsty (0);
  if (vector == 0)
    plcol0 (partial ? COLOR_FADED + c : COLOR_SERIES + c);
  else
    plcol0 (partial ? COLOR_FAINT + c : COLOR_FADED + c);
  fill_rect (x0, y0, x1, y1);

  if (vector > 0)
    {
      plcol0 (COLOR_SERIES + c);
      set_hatch (vector);
      fill_rect (x0, y0, x1, y1);
      plpsty (0);
    }

  if (vector > 0 || partial)
    {
      plcol0 (COLOR_SERIES + c);
      plwidth (1.0);
      if (partial)
        {
          static PLINT mark = 1500, space = 1000;
          plstyl (1, &mark, &space);
        }
      outline_rect (x0, y0, x1, y1);
      plstyl (0, NULL, NULL);
    }
}

/* The chosen one among all: solid with a heavy outline; the others light with a thin one, so
 * it stands out by lightness and outline, not by hue alone. */
static void
draw_highlighted_bar (gboolean chosen,
                      double   x0,
                      double   y0,
                      double   x1,
                      double   y1)
{
  plpsty (0);
  plcol0 (chosen ? COLOR_SERIES : COLOR_FADED);
  fill_rect (x0, y0, x1, y1);
  plcol0 (chosen ? COLOR_FOREGROUND : COLOR_SERIES);
  plwidth (chosen ? 2.5 : 0.5);
  outline_rect (x0, y0, x1, y1);
  plwidth (1.0);
}

static void
draw_stacked_bars (Layout     *l,
                   LensSeries *series)
{
  static PLINT mark = 1500, space = 1500;
  double a = 0.15, b = 0.85;

  for (guint i = 0; i < l->n; i++)
    {
      gboolean partial = lens_series_get_partial (series, i);
      double base = 0.0;

      if (_lens_plot_is_unpublished (series, i))
        {
          /* an empty slot, so that a missing report is seen as missing, not as zero */
          plcol0 (COLOR_MUTED);
          plwidth (1.0);
          plstyl (1, &mark, &space);
          outline_rect (i + a, l->lo, i + b, l->hi);
          plstyl (0, NULL, NULL);
          continue;
        }

      for (guint v = 0; v < l->n_vectors; v++)
        {
          double value = lens_series_get_value (series, v, i);
          double top;

          if (!isfinite (value) || value <= 0.0 || base >= l->hi)
            continue;

          top = MIN (base + value, l->hi);
          draw_bar (v, partial, i + a, base, i + b, top);
          base = top;
        }
    }
}

static void
draw_divider (Layout *l)
{
  static PLINT mark = 2500, space = 1500;
  double x;

  if (l->divider == 0)
    return;

  x = l->plot.x + l->divider * (l->plot.width / l->n);
  plcol0 (COLOR_FOREGROUND);
  plwidth (1.5);
  plstyl (1, &mark, &space);
  pljoin (x, PAGE_Y (l, l->divider_top), x, PAGE_Y (l, l->plot.y + l->plot.height));
  plstyl (0, NULL, NULL);
}

static void
draw_bars (Layout     *l,
           LensSeries *series)
{
  double group = l->n_vectors > 1 ? 0.8 : 0.7;
  double bar = group / l->n_vectors;
  guint highlight = l->n_vectors == 1 ? lens_series_get_highlight (series) : G_MAXUINT;

  for (guint i = 0; i < l->n; i++)
    {
      gboolean partial = lens_series_get_partial (series, i);

      for (guint v = 0; v < l->n_vectors; v++)
        {
          double value = lens_series_get_value (series, v, i);
          double a = (1.0 - group) / 2.0 + v * bar;
          double b = a + bar;

          if (!isfinite (value))
            continue;

          value = CLAMP (value, l->lo, l->hi);
          if (l->kind == LENS_PLOT_HORIZONTAL_BAR && highlight != G_MAXUINT)
            {
              double top = l->n - i;

              draw_highlighted_bar (i == highlight, 0.0, top - a, value, top - b);
            }
          else if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
            {
              /* row i counts down from the top */
              double top = l->n - i;

              draw_bar (v, partial, 0.0, top - a, value, top - b);
            }
          else
            draw_bar (v, partial, i + a, 0.0, i + b, value);
        }
    }
}

/* Marker shapes differ per vector: circle, square, triangle, diamond. */
static void
draw_marker (Layout  *l,
             int      vector,
             gboolean partial,
             double   x,
             double   y,
             double   radius)
{
  double sx = radius * l->n / l->plot.width;
  double sy = radius * (l->hi - l->lo) / l->plot.height;
  PLFLT px[13], py[13];
  int shape = vector % 4;
  int count;
  int c = vector % N_PALETTE;

  switch (shape)
    {
    case 0:
      count = 12;
      for (int k = 0; k < count; k++)
        {
          px[k] = x + sx * cos (2 * G_PI * k / count);
          py[k] = y + sy * sin (2 * G_PI * k / count);
        }
      break;
    case 1:
      count = 4;
      for (int k = 0; k < count; k++)
        {
          px[k] = x + sx * 0.85 * ((k == 0 || k == 3) ? -1 : 1);
          py[k] = y + sy * 0.85 * ((k < 2) ? -1 : 1);
        }
      break;
    case 2:
      count = 3;
      for (int k = 0; k < count; k++)
        {
          px[k] = x + sx * 1.15 * cos (G_PI / 2 + 2 * G_PI * k / 3);
          py[k] = y + sy * 1.15 * sin (G_PI / 2 + 2 * G_PI * k / 3);
        }
      break;
    default:
      count = 4;
      for (int k = 0; k < count; k++)
        {
          px[k] = x + sx * 1.1 * cos (G_PI / 2 * k);
          py[k] = y + sy * 1.1 * sin (G_PI / 2 * k);
        }
      break;
    }

  plcol0 (partial ? COLOR_FADED + c : COLOR_SERIES + c);
  plfill (count, px, py);

  px[count] = px[0];
  py[count] = py[0];
  plcol0 (COLOR_SERIES + c);
  plwidth (1.0);
  plline (count + 1, px, py);
}

static void
draw_lines (Layout     *l,
            LensSeries *series)
{
  double slot = l->plot.width / l->n;
  double radius = MIN (0.28 * l->line_h, 0.3 * slot);
  gboolean markers = radius >= 2.0 || l->n == 1;
  double line_width = l->compact ? 1.0 : 2.0;

  radius = MAX (radius, 2.0);

  for (guint v = 0; v < l->n_vectors; v++)
    {
      int c = v % N_PALETTE;

      for (guint i = 0; i + 1 < l->n; i++)
        {
          double a = lens_series_get_value (series, v, i);
          double b = lens_series_get_value (series, v, i + 1);
          PLFLT x[2] = { i + 0.5, i + 1.5 };
          PLFLT y[2];

          /* gaps in the data stay gaps */
          if (!isfinite (a) || !isfinite (b))
            continue;

          y[0] = CLAMP (a, l->lo, l->hi);
          y[1] = CLAMP (b, l->lo, l->hi);

          /* the segment into an incomplete period is lighter */
          plcol0 (lens_series_get_partial (series, i + 1) ? COLOR_FADED + c : COLOR_SERIES + c);
          plwidth (line_width);
          set_dashes (v);
          plline (2, x, y);
        }
      plstyl (0, NULL, NULL);

      for (guint i = 0; i < l->n; i++)
        {
          double value = lens_series_get_value (series, v, i);
          gboolean isolated;

          if (!isfinite (value))
            continue;

          isolated = (i == 0 || !isfinite (lens_series_get_value (series, v, i - 1))) &&
                     (i + 1 >= l->n || !isfinite (lens_series_get_value (series, v, i + 1)));

          /* a point with no neighbours would vanish without its marker */
          if (markers || isolated || lens_series_get_partial (series, i))
            draw_marker (l, v, lens_series_get_partial (series, i),
                         i + 0.5, CLAMP (value, l->lo, l->hi), radius);
        }
    }
}

static void
draw_grid_and_axes (Layout *l)
{
  plwidth (1.0);
  plcol0 (COLOR_GRID);
  for (guint i = 0; i < l->n_ticks && !l->compact; i++)
    {
      double v = _lens_plot_tick_value (l, i);

      if (v == 0.0)
        continue;
      if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
        pljoin (v, 0.0, v, l->n);
      else
        pljoin (0.0, v, l->n, v);
    }

  /* The axes come from plbox with the numeric labels left out ("n" is never given): the
   * tick labels are ours, in the locale, never "x10^5". */
  plcol0 (COLOR_MUTED);
  if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
    {
      if (!l->compact)
        plbox ("bt", l->step, 1, "", 0.0, 0);
      pljoin (0.0, 0.0, 0.0, l->n);
    }
  else
    {
      if (!l->compact)
        plbox ("", 0.0, 0, "bt", l->step, 1);
      pljoin (0.0, 0.0, l->n, 0.0);
    }
}

static void
draw_legend (Layout     *l,
             LensSeries *series)
{
  for (guint i = 0; i < l->legend->len; i++)
    {
      LegendItem *key = &g_array_index (l->legend, LegendItem, i);
      cairo_rectangle_t *r = &key->swatch;
      int vector = key->vector < 0 ? 0 : key->vector;
      gboolean partial = key->vector < 0;

      if (l->kind == LENS_PLOT_LINE)
        {
          PLFLT x[2] = { r->x, r->x + r->width };
          PLFLT y[2] = { PAGE_Y (l, r->y + r->height / 2), PAGE_Y (l, r->y + r->height / 2) };
          PLFLT mx[13], my[13];
          double radius = MIN (0.28 * l->line_h, r->height / 2);
          int c = vector % N_PALETTE;

          if (!partial)
            {
              plcol0 (COLOR_SERIES + c);
              plwidth (2.0);
              set_dashes (vector);
              plline (2, x, y);
              plstyl (0, NULL, NULL);
            }

          /* the marker, in page coordinates */
          for (int k = 0; k < 12; k++)
            {
              mx[k] = r->x + r->width / 2 + radius * cos (2 * G_PI * k / 12);
              my[k] = PAGE_Y (l, r->y + r->height / 2) + radius * sin (2 * G_PI * k / 12);
            }
          if (vector % 4 == 1)
            {
              double s = radius * 0.85;
              PLFLT sx[4] = { x[0] + r->width / 2 - s, x[0] + r->width / 2 + s,
                              x[0] + r->width / 2 + s, x[0] + r->width / 2 - s };
              PLFLT sy[4] = { y[0] - s, y[0] - s, y[0] + s, y[0] + s };
              plcol0 (partial ? COLOR_FADED + c : COLOR_SERIES + c);
              plfill (4, sx, sy);
            }
          else
            {
              plcol0 (partial ? COLOR_FADED + c : COLOR_SERIES + c);
              plfill (12, mx, my);
              if (partial)
                {
                  mx[12] = mx[0];
                  my[12] = my[0];
                  plcol0 (COLOR_SERIES + c);
                  plwidth (1.0);
                  plline (13, mx, my);
                }
            }
        }
      else
        draw_bar (vector, partial,
                  r->x, PAGE_Y (l, r->y), r->x + r->width, PAGE_Y (l, r->y + r->height));
    }
}

static void
draw_texts (Layout *l)
{
  plschr (l->font_pt * 25.4 / 72.0, 1.0);

  for (guint i = 0; i < l->texts->len; i++)
    {
      TextItem *item = &g_array_index (l->texts, TextItem, i);
      g_autofree char *escaped = _lens_plot_escape (item->text);

      plcol0 (item->color);
      if (item->vertical)
        plptex (item->x, PAGE_Y (l, item->y), 0.0, 1.0, item->just, escaped);
      else
        plptex (item->x, PAGE_Y (l, item->y), 1.0, 0.0, item->just, escaped);
    }
}

void
_lens_plot_draw_layout (Layout              *l,
                  LensSeries          *series,
                  const LensPlotStyle *style,
                  cairo_t             *cr)
{
  PLINT prev = 0;
  PLINT stream = -1;
  const char *env_family;

  /* The cairo driver reads the family at every plinit; set it only when the caller asks for
   * one that is not already there (setenv is not free). */
  env_family = g_getenv ("PLPLOT_FREETYPE_SANS_FAMILY");
  if (style->font_family != NULL && style->font_family[0] != '\0' &&
      g_strcmp0 (env_family, style->font_family) != 0)
    g_setenv ("PLPLOT_FREETYPE_SANS_FAMILY", style->font_family, TRUE);

  plgstrm (&prev);
  plmkstrm (&stream);
  if (stream < 0)
    {
      g_warning ("No free PLplot stream");
      return;
    }

  plsdev ("extcairo");
  plspage (0.0, 0.0, (PLINT) ceil (l->width), (PLINT) ceil (l->height), 0, 0);
  plsetopt ("drvopt", "set_background=0");
  set_palette (style);
  plinit ();

  cairo_save (cr);
  pl_cmd (PLESC_DEVINIT, cr);

  pladv (0);
  plfont (1);

  use_plot_window (l);
  draw_grid_and_axes (l);
  if (l->kind == LENS_PLOT_LINE)
    draw_lines (l, series);
  else if (l->kind == LENS_PLOT_STACKED_BAR)
    draw_stacked_bars (l, series);
  else
    draw_bars (l, series);

  use_page_window (l);
  draw_divider (l);
  draw_legend (l, series);
  draw_texts (l);

  plend1 ();
  cairo_restore (cr);
  plsstrm (prev);
}

