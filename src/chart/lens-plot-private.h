/* lens-plot-private.h: layout details for the tests
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-plot.h"

G_BEGIN_DECLS

/* The boxes (cairo_rectangle_t, logical text extents) of every text the plot draws on a
 * @width x @height plot, from the same layout computation the drawing uses. */
GArray      *_lens_plot_get_text_boxes   (LensSeries          *series,
                                          LensPlotKind         kind,
                                          const LensPlotStyle *style,
                                          const char          *x_title,
                                          const char          *y_title,
                                          double               width,
                                          double               height);

/* The rectangle of the data area; FALSE when nothing is drawn. */
gboolean     _lens_plot_get_plot_area    (LensSeries          *series,
                                          LensPlotKind         kind,
                                          const LensPlotStyle *style,
                                          const char          *x_title,
                                          const char          *y_title,
                                          double               width,
                                          double               height,
                                          cairo_rectangle_t   *area);

/* Doubles every '#', PLplot's escape character, so the text is drawn literally. */
char        *_lens_plot_escape           (const char          *text);

G_END_DECLS
