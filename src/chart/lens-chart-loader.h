/* lens-chart-loader.h: runs a chart's queries and turns the rows into a series
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-catalog.h"
#include "lens-chart-data.h"
#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* The query of one vector: the filters' district (@comparison FALSE) or the comparison
 * (@comparison TRUE: citywide or the compared district), over the filters' range.
 * FALSE/NULL with LENS_PORTAL_ERROR_BAD_QUERY when the spec or the filters are invalid
 * (e.g. @comparison without a comparison). */
LensSoql       *lens_chart_loader_build_query  (LensChartSpec       *spec,
                                                LensFilters         *filters,
                                                gboolean             comparison,
                                                GError             **error);

/* Loads one chart: one query per vector, run concurrently, plus the dataset's coverage (its
 * metadata and last day, lens-data-coverage.h; their failure is tolerated: rows_updated_at is
 * then NULL and the data's end the calendar's). Year and month charts get every year/month of
 * the range (0 for a count with no row, NAN for a ratio, NAN for a year/month after the one
 * holding the data's last full day, which has no data); category charts keep the primary's
 * top_n and align the comparison to its labels (NAN where it has none).
 * Partial points: the year/month holding the data's last full day (unless it ends there) and
 * one cut by either end of the range.
 * Errors: LENS_PORTAL_ERROR_* from the client (the first failing vector), or
 * LENS_PORTAL_ERROR_BAD_QUERY (invalid filters) / BAD_RESPONSE (a column the spec names is
 * missing, or an answer with as many rows as the spec's limit, which may be cut short);
 * LENS_PORTAL_ERROR_CANCELLED on cancellation, as the client reports it.
 * A spec with a district attribution (COPA) queries a district's vector grouped by beat too and
 * sums the groups with a beat in that district (lens_chart_beats_in_district()); its
 * citywide vector is the plain query. Rows with the same label are summed, so category values
 * that lens_category_group() puts together become one bar.
 * A spec with neither a district condition nor an attribution is loaded citywide without a
 * comparison, whatever the filters' district: the vector is named "Citywide". */
void            lens_chart_loader_load_async   (LensPortalClient    *client,
                                                LensChartSpec       *spec,
                                                LensFilters         *filters,
                                                LensQueryFlags       flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
LensChartData  *lens_chart_loader_load_finish  (GAsyncResult        *result,
                                                GError             **error);

/* The PLplot kind for a catalogue kind. */
LensPlotKind    lens_chart_kind_to_plot_kind   (LensChartKind        kind);

G_END_DECLS
