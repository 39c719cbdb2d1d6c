/* lens-plot.h: draws a series with PLplot on any cairo context
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "lens-series.h"

G_BEGIN_DECLS

typedef enum
{
  LENS_PLOT_BAR,            /* vertical bars; several vectors: grouped bars */
  LENS_PLOT_HORIZONTAL_BAR, /* long category names (offence types); grouped for a comparison */
  LENS_PLOT_LINE,           /* one line per vector, markers differ per vector */
  LENS_PLOT_STACKED_BAR,    /* the vectors stacked bottom up in one bar per category (parts of
                             * one whole, e.g. compliance levels); a colour and a hatch per
                             * vector; always a legend; percent series get a 0–100 axis; a
                             * category with no value at all is an empty slot marked "not
                             * published"; the series' divider (lens_series_set_divider) is
                             * drawn as a vertical line with its texts above the bars */
} LensPlotKind;

/* How a plot looks: text, colours (RGBA 0..1) and size. The widget fills this from the GTK
 * style (light or dark), the file exports from a fixed light style. */
typedef struct
{
  double foreground[4];      /* axis, tick labels, text */
  double background[4];      /* alpha 0: leave the surface as it is */
  double grid[4];
  gboolean dark;             /* picks the palette variant that reads on a dark background */
  const char *font_family;   /* NULL: "sans" */
  double font_size_pt;       /* tick labels; 0: 10 pt */
  gboolean rtl;              /* a right-to-left language: horizontal bars grow leftwards from
                              * their labels on the right; legends start at the top right */
} LensPlotStyle;

/* Both take the direction from the UI language (lens_language_is_rtl()); a widget sets
 * @rtl from its own direction afterwards. */
void         lens_plot_style_init_light  (LensPlotStyle *style);
void         lens_plot_style_init_dark   (LensPlotStyle *style);

/* Okabe-Ito colour for vector @index (RGBA). The second cue for vector n>0 is a hatch
 * pattern (bars) or a different marker and dash (lines). */
void         lens_plot_get_series_color  (const LensPlotStyle *style,
                                          guint                index,
                                          double               rgba[4]);

/* Where the category @label sits on a plot of @width x @height (in cairo units), for hover and
 * keyboard focus. FALSE when the series cannot be drawn. */
gboolean     lens_plot_get_label_area    (LensSeries          *series,
                                          LensPlotKind         kind,
                                          const LensPlotStyle *style,
                                          double               width,
                                          double               height,
                                          guint                label,
                                          cairo_rectangle_t   *area);
/* The same with the axis titles given to lens_plot_draw(), which take room on the plot;
 * lens_plot_get_label_area() is this with no titles. */
gboolean     lens_plot_get_label_area_full (LensSeries          *series,
                                            LensPlotKind         kind,
                                            const LensPlotStyle *style,
                                            const char          *x_title,
                                            const char          *y_title,
                                            double               width,
                                            double               height,
                                            guint                label,
                                            cairo_rectangle_t   *area);

/* The height lens_plot_draw() needs at @width to show every category label of a horizontal-bar
 * chart; 0 where any height does (other kinds) or none would. */
double       lens_plot_get_min_height    (LensSeries          *series,
                                          LensPlotKind         kind,
                                          const LensPlotStyle *style,
                                          const char          *x_title,
                                          const char          *y_title,
                                          double               width);

/* Draws @series into the rectangle (0,0)-(width,height) of @cr with PLplot's extcairo device
 * on a fresh stream; saves and restores @cr. Must run on the main thread (PLplot is not
 * thread-safe). Empty, single-point, all-NAN or huge inputs draw a sensible chart or a short
 * message (@empty_message, already translated); never aborts. Axis titles may be NULL. */
void         lens_plot_draw              (LensSeries          *series,
                                          LensPlotKind         kind,
                                          const LensPlotStyle *style,
                                          const char          *x_title,
                                          const char          *y_title,
                                          const char          *empty_message,
                                          cairo_t             *cr,
                                          double               width,
                                          double               height);

G_END_DECLS
