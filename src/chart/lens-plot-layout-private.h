/* lens-plot-layout-private.h: what the plot's layout and its drawing share
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "lens-plot-private.h"

G_BEGIN_DECLS

/* How it works: one layout computation (lens-plot-layout.c) measures every text with Pango, the
 * same way PLplot's cairo driver lays it out, and decides where the data area, tick labels,
 * category labels, titles and legend go, in cairo units with y down. The drawing (lens-plot-draw.c) turns that
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
  double            label_left;   /* the outer edge of the category labels (horizontal bars):
                                   * their left edge, or their right edge when @rtl */
  gboolean          rtl;          /* mirrored: see mirror_layout() in lens-plot-layout.c */
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

void         _lens_plot_layout_compute    (Layout              *l,
                                           LensSeries          *series,
                                           LensPlotKind         kind,
                                           const LensPlotStyle *style,
                                           const char          *x_title,
                                           const char          *y_title,
                                           double               width,
                                           double               height);
void         _lens_plot_layout_clear      (Layout              *l);
double       _lens_plot_layout_min_height (LensSeries          *series,
                                           LensPlotKind         kind,
                                           const LensPlotStyle *style,
                                           const char          *x_title,
                                           const char          *y_title,
                                           double               width);
gboolean     _lens_plot_layout_label_area (Layout              *l,
                                           guint                label,
                                           cairo_rectangle_t   *area);

/* The value of tick @i of the value axis (an exact 0 where rounding would miss it). */
double       _lens_plot_tick_value        (Layout              *l,
                                           guint                i);
/* A stacked category with no value at all: its figures were not published. */
gboolean     _lens_plot_is_unpublished    (LensSeries          *series,
                                           guint                label);

const char  *_lens_plot_get_font_family   (const LensPlotStyle *style);
double       _lens_plot_get_font_size     (const LensPlotStyle *style);

/* Draws @l (valid, not empty) with PLplot on a fresh extcairo stream on @cr. */
void         _lens_plot_draw_layout       (Layout              *l,
                                           LensSeries          *series,
                                           const LensPlotStyle *style,
                                           cairo_t             *cr);

G_END_DECLS
