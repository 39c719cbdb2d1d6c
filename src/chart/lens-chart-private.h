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

G_BEGIN_DECLS

/* The filters a chart really shows: for a chart with neither a district condition nor a
 * district attribution the whole city and no comparison, whatever district was chosen. */
LensFilters *lens_chart_effective_filters (LensChartSpec *spec,
                                           LensFilters   *filters);

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
