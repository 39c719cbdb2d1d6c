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
#include "lens-plot-private.h"

/* How it works: one layout computation (layout_compute) measures every text with Pango, the
 * same way PLplot's cairo driver lays it out, and decides where the data area, tick labels,
 * category labels, titles and legend go, in cairo units with y down. The drawing turns that
 * layout into PLplot calls on a fresh extcairo stream; lens_plot_get_label_area reads the
 * same layout, so hover and focus boxes always agree with what is drawn.
 *
 * Every string is formatted (lens-format) before PLplot runs: PLplot switches LC_NUMERIC to
 * "C" inside some of its calls, and its own numeric labels would use "x10^5" notation. */

#define ELLIPSIS "\xe2\x80\xa6"

/* cmap0 indices */
enum
{
  COLOR_BACKGROUND = 0,
  COLOR_FOREGROUND = 1,
  COLOR_GRID = 2,
  COLOR_MUTED = 3,
  COLOR_SERIES = 4,        /* + vector index, N_PALETTE of them */
  COLOR_FADED = 11,        /* + vector index: light fill, partial points */
  COLOR_FAINT = 18,        /* + vector index: partial points of a hatched vector */
  N_COLORS = 25,
};

#define N_PALETTE 7

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

typedef struct
{
  char             *text;     /* as shown (ellipsised), not escaped */
  double            x;        /* PLplot reference point, cairo units, y down */
  double            y;
  double            just;     /* 0 left, 0.5 centred, 1 right */
  gboolean          vertical; /* reads bottom to top */
  int               color;
  cairo_rectangle_t box;      /* logical extents */
} TextItem;

typedef struct
{
  int               vector;   /* -1: the "incomplete period" key */
  cairo_rectangle_t swatch;
} LegendItem;

typedef struct
{
  gboolean          valid;    /* FALSE: nothing can be drawn (no room) */
  gboolean          empty;    /* no data: draw the message */
  gboolean          compact;  /* no room for text: data only */
  LensPlotKind      kind;
  double            width;
  double            height;
  double            font_pt;
  double            em;
  double            line_h;
  guint             n;        /* categories */
  guint             n_vectors;
  gboolean          has_partial;
  cairo_rectangle_t plot;
  double            lo;       /* value axis */
  double            hi;
  double            step;
  guint             n_ticks;
  double            label_bottom; /* lowest edge of the category labels (vertical kinds) */
  double            label_left;   /* left edge of the category labels (horizontal bars) */
  guint             divider;      /* stacked bars: a line before this category; 0: none */
  double            divider_top;  /* where the line starts (the divider texts' top) */
  GArray           *texts;    /* TextItem */
  GArray           *legend;   /* LegendItem */
} Layout;

typedef struct
{
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *font;
} Measure;

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

static const char *
get_font_family (const LensPlotStyle *style)
{
  const char *family;

  if (style->font_family != NULL && style->font_family[0] != '\0')
    return style->font_family;

  family = g_getenv ("PLPLOT_FREETYPE_SANS_FAMILY");

  return family != NULL && family[0] != '\0' ? family : "sans";
}

static double
get_font_size (const LensPlotStyle *style)
{
  if (style->font_size_pt > 0 && isfinite (style->font_size_pt))
    return CLAMP (style->font_size_pt, 4.0, 72.0);

  return 10.0;
}

static void
measure_init (Measure             *m,
              const LensPlotStyle *style)
{
  /* The cairo driver makes its layouts with pango_cairo_create_layout() on our context, so
   * the default font map and its resolution (96 dpi) give the same metrics. */
  m->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  m->layout = pango_layout_new (m->context);
  m->font = pango_font_description_new ();
  pango_font_description_set_family (m->font, get_font_family (style));
  pango_font_description_set_size (m->font, (int) (get_font_size (style) * PANGO_SCALE));
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

static void
layout_clear (Layout *l)
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

static double
tick_value (Layout *l,
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
      g_autofree char *text = format_tick (series, tick_value (l, i), l->step);
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
static gboolean
is_unpublished (LensSeries *series,
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

      if (!is_unpublished (series, i) || slot < l->line_h)
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
      g_autofree char *text = format_tick (series, tick_value (l, i), l->step);
      double y = l->plot.y + l->plot.height * (1.0 - (tick_value (l, i) - l->lo) / (l->hi - l->lo));
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
      g_autofree char *text = format_tick (series, tick_value (l, i), l->step);
      double x = l->plot.x + l->plot.width * (tick_value (l, i) - l->lo) / (l->hi - l->lo);
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

static void
layout_compute (Layout              *l,
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

  memset (l, 0, sizeof *l);
  l->texts = g_array_new (FALSE, TRUE, sizeof (TextItem));
  g_array_set_clear_func (l->texts, text_item_clear);
  l->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  l->kind = (kind == LENS_PLOT_HORIZONTAL_BAR || kind == LENS_PLOT_LINE ||
             kind == LENS_PLOT_STACKED_BAR) ? kind : LENS_PLOT_BAR;
  l->width = width;
  l->height = height;
  l->font_pt = get_font_size (style);

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
      measure_clear (&m);
      return;
    }

  legend_h = layout_legend (l, &m, series, pad, pad, width - pad);
  if (legend_h < 0 || legend_h > height / 3.0)
    {
      layout_compact (l, series, dmin, dmax);
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

  measure_clear (&m);
}

/* Label areas */

static gboolean
layout_label_area (Layout            *l,
                   guint              label,
                   cairo_rectangle_t *area)
{
  if (!l->valid || l->empty || label >= l->n)
    return FALSE;

  if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
    {
      double row = l->plot.height / l->n;

      area->x = l->compact ? l->plot.x : l->label_left;
      area->y = l->plot.y + label * row;
      area->width = l->plot.x + l->plot.width - area->x;
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

  layout_compute (&l, series, kind, style, x_title, y_title, width, height);
  ret = layout_label_area (&l, label, area);
  layout_clear (&l);

  return ret;
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

  layout_compute (&l, series, kind, style, x_title, y_title, width, height);
  if (l.valid && !l.empty)
    for (guint i = 0; i < l.texts->len; i++)
      g_array_append_val (boxes, g_array_index (l.texts, TextItem, i).box);
  layout_clear (&l);

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

  layout_compute (&l, series, kind, style, x_title, y_title, width, height);
  ret = l.valid && !l.empty;
  if (ret)
    *area = l.plot;
  layout_clear (&l);

  return ret;
}

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
  if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
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

      if (is_unpublished (series, i))
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
          if (l->kind == LENS_PLOT_HORIZONTAL_BAR)
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
      double v = tick_value (l, i);

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
  pango_font_description_set_family (font, get_font_family (style));
  pango_font_description_set_size (font, (int) (get_font_size (style) * 1.2 * PANGO_SCALE));
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

static void
draw_with_plplot (Layout              *l,
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

  layout_compute (&l, series, kind, style, x_title, y_title, width, height);

  if (!l.valid)
    {
      layout_clear (&l);
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
    draw_with_plplot (&l, series, style, cr);

  cairo_restore (cr);
  layout_clear (&l);
}
