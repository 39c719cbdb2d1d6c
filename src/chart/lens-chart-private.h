/* lens-chart-private.h: helpers shared by the chart loader, chart data and headlines
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-catalog.h"
#include "lens-data-coverage.h"
#include "lens-filters.h"
#include "lens-portal-client.h"
#include "lens-series.h"

G_BEGIN_DECLS

/* The filters a chart really shows: for a chart with neither a district condition nor a
 * district attribution the whole city and no comparison, whatever district was chosen. */
LensFilters *lens_chart_effective_filters (LensChartSpec *spec,
                                           LensFilters   *filters);

/* Compare as (lens-chart-compare.c) */
/* What a chart shows of the filters' "compare as": counts for a chart of rates or
 * percentages, and for an index over categories (it needs periods); else the filters'. */
LensCompareAs lens_chart_compare_as       (LensChartSpec *spec,
                                           LensFilters   *filters);
/* TRUE when the share of another district needs the citywide totals: one more request, the
 * same grouped query without the district condition. */
gboolean     lens_chart_compare_needs_city (LensChartSpec *spec,
                                            LensFilters   *effective);
/* The y axis title for @compare_as: the spec's own for counts. */
const char  *lens_chart_compare_y_title   (LensChartSpec *spec,
                                           LensCompareAs  compare_as);
/* The series drawn: @counts (vectors: the district, the comparison, then the citywide totals
 * for the share of another district) transformed as @effective says, with @counts kept in
 * it (lens_series_get_counts()); @counts itself (a new reference) for counts. */
LensSeries  *lens_chart_compare_series    (LensChartSpec *spec,
                                           LensFilters   *effective,
                                           LensSeries    *counts);

/* Attribution by beats: TRUE when one of @beats (a row's beat field split with
 * lens_table_dup_multi_values(); may be NULL) lies in @district. A row with no beat, or only
 * beats of no existing district, counts for no district (only citywide). */
gboolean     lens_chart_beats_in_district (const char * const *beats,
                                           guint               district);

/* Runs several queries concurrently, plus the dataset metadata (whose failure is tolerated),
 * and reports when all have finished. */
typedef struct _LensMultiQuery LensMultiQuery;

LensMultiQuery   *lens_multi_query_new            (LensPortalClient    *client,
                                                   const char          *dataset_id,
                                                   LensQueryFlags       flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data,
                                                   gpointer             source_tag);
/* The dataset's coverage, when it is already known (a headline's periods come from it);
 * otherwise lens_multi_query_start() fetches it with the queries. Call before starting. */
void              lens_multi_query_set_coverage   (LensMultiQuery      *self,
                                                   LensDataCoverage    *coverage);
/* Takes @query; call before lens_multi_query_start(). */
void              lens_multi_query_add            (LensMultiQuery      *self,
                                                   LensSoql            *query);
void              lens_multi_query_start          (LensMultiQuery      *self);
/* The GTask's result: TRUE, or the first query error. After success: */
gboolean          lens_multi_query_finish         (GAsyncResult        *result,
                                                   GError             **error);
LensMultiQuery   *lens_multi_query_from_result    (GAsyncResult        *result);
guint             lens_multi_query_get_n_results  (LensMultiQuery      *self);
LensQueryResult  *lens_multi_query_get_result     (LensMultiQuery      *self,
                                                   guint                index);
/* Where the dataset's data end; never NULL after the queries finished (the calendar's end
 * when nothing else is known). */
LensDataCoverage *lens_multi_query_get_coverage   (LensMultiQuery      *self);
/* Provenance over all results: the oldest fetch, any from cache, any stale, the first
 * warning, rowsUpdatedAt from the metadata (or from a result), the URLs. */
GDateTime        *lens_multi_query_get_fetched_at (LensMultiQuery      *self);
GDateTime        *lens_multi_query_get_rows_updated_at (LensMultiQuery *self);
gboolean          lens_multi_query_get_from_cache (LensMultiQuery      *self);
gboolean          lens_multi_query_get_stale      (LensMultiQuery      *self);
const GError     *lens_multi_query_get_warning    (LensMultiQuery      *self);
GStrv             lens_multi_query_dup_urls       (LensMultiQuery      *self);

G_END_DECLS
