/* lens-chart-view.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-bug-report.h"
#include "lens-catalog.h"
#include "lens-chart-loader.h"
#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

typedef enum
{
  LENS_CHART_STATE_LOADING,
  LENS_CHART_STATE_CHART,    /* data shown (as a chart or as a table) */
  LENS_CHART_STATE_EMPTY,    /* the portal answered, with nothing for these filters */
  LENS_CHART_STATE_ERROR,    /* it could not be had, and nothing is saved */
  LENS_CHART_STATE_OFFLINE,  /* no connection, and nothing is saved for this chart yet */
} LensChartState;

/* One chart of the catalogue: title, the plot (exact values on hover and keyboard focus), a
 * table of the same numbers, export and copy, the source and as-of time, the caveats, and a
 * clear message with Retry when the data could not be had. */
#define LENS_TYPE_CHART_VIEW (lens_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LensChartView, lens_chart_view, LENS, CHART_VIEW, GtkWidget)

GtkWidget      *lens_chart_view_new        (LensChartSpec    *entry);
LensChartSpec  *lens_chart_view_get_entry  (LensChartView    *self);
LensChartState  lens_chart_view_get_state  (LensChartView    *self);
/* The data shown, or NULL. */
LensChartData  *lens_chart_view_get_data   (LensChartView    *self);
/* The error shown in the ERROR and OFFLINE states, or the reason cached data is shown. */
const char     *lens_chart_view_get_message (LensChartView   *self);
/* When the portal refused the chart's query: the details and bug report shown (with the error,
 * or under the saved data's banner); otherwise NULL. */
LensBugReport  *lens_chart_view_get_bug_report (LensChartView *self);

/* Loads the chart for @filters. Cancels a load in progress. With LENS_QUERY_CACHE_FIRST the
 * cached answer shows at once and, when it is stale, a second load with LENS_QUERY_DEFAULT
 * replaces it. */
void            lens_chart_view_load       (LensChartView    *self,
                                            LensPortalClient *client,
                                            LensFilters      *filters,
                                            LensQueryFlags    flags);
/* Loads again with the last client and filters. */
void            lens_chart_view_reload     (LensChartView    *self,
                                            LensQueryFlags    flags);
/* TRUE when no load is in progress. */
gboolean        lens_chart_view_is_settled (LensChartView    *self);

G_END_DECLS
