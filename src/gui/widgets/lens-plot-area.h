/* lens-plot-area.h: a series drawn with lens_plot_draw(), whose values can be read by pointing
 * at a category or by moving through them with the keyboard
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-plot.h"
#include "lens-series.h"

G_BEGIN_DECLS

/* The plot takes the widget's text colour, the light or dark scheme and the UI font. The
 * category under the pointer, or the focused one (arrow keys, Home, End), is highlighted; its
 * value is the tooltip and, when focused, the accessible description
 * (lens_describe_point()). */
#define LENS_TYPE_PLOT_AREA (lens_plot_area_get_type ())
G_DECLARE_FINAL_TYPE (LensPlotArea, lens_plot_area, LENS, PLOT_AREA, GtkDrawingArea)

GtkWidget  *lens_plot_area_new               (void);
/* NULL draws nothing. The pointed-at category is forgotten; the focused one is kept when the
 * new series still has it. */
void        lens_plot_area_set_series        (LensPlotArea *self,
                                              LensSeries   *series,
                                              LensPlotKind  kind);
LensSeries *lens_plot_area_get_series        (LensPlotArea *self);
/* Axis titles drawn on the plot; either may be NULL. */
void        lens_plot_area_set_axis_titles   (LensPlotArea *self,
                                              const char   *x_title,
                                              const char   *y_title);
/* The chart's title, for its accessible name ("Chart: <title>"). */
void        lens_plot_area_set_title         (LensPlotArea *self,
                                              const char   *title);
/* Drawn instead of a plot when the series has no data; translated. */
void        lens_plot_area_set_empty_message (LensPlotArea *self,
                                              const char   *message);
/* The category pointed at, else the focused one while the area has the focus; -1 for none.
 * The "point" property notifies when it changes. */
int         lens_plot_area_get_point         (LensPlotArea *self);

G_END_DECLS
