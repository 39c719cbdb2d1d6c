/* lens-district-map-data.h: what the district map shows: the boundaries and one measure
 * counted per district over one period
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-boundaries-result.h"
#include "lens-data-period.h"
#include "lens-district-ranking.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* The police districts' boundaries: "Boundaries - Police Districts (current)" */
#define LENS_DATASET_POLICE_DISTRICTS "24zt-jpfn"

/* The periods the map offers; each ends at the Crimes data's last full day. */
typedef enum
{
  LENS_MAP_PERIOD_LAST_28 = 0,
  LENS_MAP_PERIOD_YEAR_TO_DATE,
  LENS_MAP_PERIOD_LAST_365,
  LENS_MAP_N_PERIODS
} LensMapPeriod;

/* "Last 28 days", translated */
const char *lens_map_period_get_label        (LensMapPeriod        period);
/* "last-28", "year-to-date", "last-365"; lens_map_period_from_id() gives -1 for anything else */
const char *lens_map_period_get_id           (LensMapPeriod        period);
int         lens_map_period_from_id          (const char          *id);
void        lens_map_period_compute          (LensMapPeriod        period,
                                              const GDate         *last_full_day,
                                              LensPeriod          *days);

/* The measures are the CompStat rows (data/compstat.json): an index crime category or a total,
 * by the index of lens_compstat_get_row(). -1 for an unknown id. */
int         lens_map_measure_from_id         (const char          *id);

/* The ranking query (lens_district_ranking_build_query(): one `$group=district` request)
 * restricted to the measure's FBI codes and the period's days. */
LensSoql   *lens_district_map_build_query    (guint                measure,
                                              const LensPeriod    *days);

#define LENS_TYPE_DISTRICT_MAP_DATA (lens_district_map_data_get_type ())
G_DECLARE_FINAL_TYPE (LensDistrictMapData, lens_district_map_data, LENS, DISTRICT_MAP_DATA, GObject)

/* Immutable. Takes @ranking. @counts may be NULL (a test, a brief drawn from given numbers). */
LensDistrictMapData *lens_district_map_data_new   (LensBoundariesResult *boundaries,
                                                   LensDistrictRanking  *ranking,
                                                   LensQueryResult      *counts,
                                                   guint                 measure,
                                                   LensMapPeriod         period,
                                                   const LensPeriod     *days);

/* The boundaries (cached like every answer), the coverage of Crimes, then the one ranking
 * request. Either failing without a cached copy fails the load. */
void                 lens_district_map_data_load_async  (LensPortalClient    *client,
                                                         guint                measure,
                                                         LensMapPeriod        period,
                                                         LensQueryFlags       flags,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
LensDistrictMapData *lens_district_map_data_load_finish (GAsyncResult        *result,
                                                         GError             **error);

LensBoundaries       *lens_district_map_data_get_boundaries        (LensDistrictMapData *self);
LensBoundariesResult *lens_district_map_data_get_boundaries_result (LensDistrictMapData *self);
LensDistrictRanking  *lens_district_map_data_get_ranking           (LensDistrictMapData *self);
/* May be NULL */
LensQueryResult      *lens_district_map_data_get_counts            (LensDistrictMapData *self);
guint                 lens_district_map_data_get_measure           (LensDistrictMapData *self);
/* The measure's translated name: "All index crimes" */
const char           *lens_district_map_data_get_measure_label     (LensDistrictMapData *self);
LensMapPeriod         lens_district_map_data_get_period            (LensDistrictMapData *self);
const LensPeriod     *lens_district_map_data_get_days              (LensDistrictMapData *self);
/* Seconds since the oldest of its parts was fetched */
gint64                lens_district_map_data_get_age               (LensDistrictMapData *self);
/* A cached part was shown because the network failed: that failure, else NULL */
const GError         *lens_district_map_data_get_warning           (LensDistrictMapData *self);

G_END_DECLS
