/* lens-chart-view-private.h: what the chart view's files share
 *
 *   lens-chart-view.c          the card: loading, states, the table, footer and banner
 *   lens-chart-view-actions.c  export, copy and retry
 *   lens-chart-view-accessible.c  its name, state and description for screen readers
 *   lens-plot-area.c           the plot itself, with hover, focus and accessible text
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-chart-view.h"
#include "lens-plot-area.h"

G_BEGIN_DECLS

struct _LensChartView
{
  GtkWidget          parent_instance;

  /* Template */
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkSpinner        *refresh_spinner;
  GtkSpinner        *loading_spinner;
  GtkToggleButton   *table_button;
  GtkMenuButton     *menu_button;
  GtkLabel          *stale_banner;
  LensBugReport     *banner_report;
  GtkStack          *stack;
  LensPlotArea      *drawing_area;
  GtkLabel          *value_label;
  GtkColumnView     *column_view;
  GtkImage          *error_icon;
  GtkLabel          *error_title;
  GtkLabel          *error_label;
  LensBugReport     *error_report;
  GtkButton         *retry_button;
  GtkLabel          *empty_label;
  GtkBox            *footer;
  GtkLabel          *source_label;
  GtkLabel          *as_of_label;
  GtkLabel          *caveats_label;

  /* What it shows */
  LensChartSpec     *entry;
  LensChartData     *result;
  LensFilters       *filters;
  LensPortalClient  *client;
  GCancellable      *cancellable;
  LensChartState     state;
  LensQueryFlags     last_flags;
  /* A background refresh failed: the data shown is older than it should be. */
  GError            *refresh_error;

  guint              age_source;
  guint              show_table : 1;
};

/* Loads the chart again; @keep_shown: keep what is on screen while it loads. */
void lens_chart_view_start_load          (LensChartView      *self,
                                          LensQueryFlags      flags,
                                          gboolean            keep_shown);

/* lens-chart-view-actions.c: chart.export, chart.copy, chart.retry, chart.show-table */
void _lens_chart_view_class_actions_init (LensChartViewClass *klass);

/* lens-chart-view-accessible.c: named by the title (once the entry is set); the description
 * and busy state follow the state, the banner and the value line */
void _lens_chart_view_init_accessible   (LensChartView      *self);
void _lens_chart_view_update_accessible (LensChartView      *self);

G_END_DECLS
