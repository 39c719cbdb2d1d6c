/* lens-chart-data.h: a loaded chart: its numbers, what they are about and where they came from
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lens-catalog.h"
#include "lens-chart-export.h"
#include "lens-data-coverage.h"
#include "lens-filters.h"
#include "lens-plot.h"
#include "lens-series.h"

G_BEGIN_DECLS

#define LENS_TYPE_CHART_DATA (lens_chart_data_get_type ())
G_DECLARE_FINAL_TYPE (LensChartData, lens_chart_data, LENS, CHART_DATA, GObject)

/* Immutable. Built by lens_chart_loader_load_finish(); lens_chart_data_new() is for tests
 * and for the loader. @urls: one per request, in the order of the counts' vectors
 * (lens_series_get_counts(), or the series' own). @coverage: where the dataset's
 * data end, NULL when unknown (the chosen dates are then taken as they are). */
LensChartData      *lens_chart_data_new                  (LensChartSpec      *spec,
                                                          LensFilters        *filters,
                                                          LensSeries         *series,
                                                          const char * const *urls,
                                                          GDateTime          *fetched_at,
                                                          GDateTime          *rows_updated_at,
                                                          gboolean            from_cache,
                                                          gboolean            stale,
                                                          const GError       *warning,
                                                          LensDataCoverage   *coverage);

LensChartSpec      *lens_chart_data_get_spec             (LensChartData *self);
LensFilters        *lens_chart_data_get_filters          (LensChartData *self);
/* Vector 0: the chosen district ("District 5 – Calumet") or "Citywide"; vector 1, when
 * there is a comparison: the compared district or "Citywide". */
LensSeries         *lens_chart_data_get_series           (LensChartData *self);
/* How the comparison is shown (lens-compare-as.h): the filters' choice where it applies,
 * counts for a chart of rates or percentages and for an index of categories. The series'
 * values are then transformed; lens_series_get_counts() has the counts. */
LensCompareAs       lens_chart_data_get_compare_as       (LensChartData *self);
/* The y axis title: the spec's, or the unit of the index or the share. */
const char         *lens_chart_data_get_y_title          (LensChartData *self);
/* The spec's kind as a PLplot kind. */
LensPlotKind        lens_chart_data_get_plot_kind        (LensChartData *self);
/* The request URL of each vector (the cache keys), NULL-terminated. */
const char * const *lens_chart_data_get_urls             (LensChartData *self);

/* Provenance */
/* When the oldest of the vectors was fetched from the portal. */
GDateTime          *lens_chart_data_get_fetched_at       (LensChartData *self);
/* The dataset's rowsUpdatedAt, NULL when the metadata could not be read. */
GDateTime          *lens_chart_data_get_rows_updated_at  (LensChartData *self);
/* TRUE when any vector came from the cache. */
gboolean            lens_chart_data_get_from_cache       (LensChartData *self);
/* TRUE when any vector is older than the client's max-age or stands in for a failed fetch. */
gboolean            lens_chart_data_get_stale            (LensChartData *self);
/* Why cached data stands in for fresh data (offline, throttled...), or NULL. */
const GError       *lens_chart_data_get_warning          (LensChartData *self);
/* The dataset's translated name ("Crimes - 2001 to Present") and its portal page. */
const char         *lens_chart_data_get_dataset_name     (LensChartData *self);
const char         *lens_chart_data_get_dataset_url      (LensChartData *self);
/* The spec's caveat texts, translated, NULL-terminated. */
const char * const *lens_chart_data_get_caveats          (LensChartData *self);
/* Where the dataset's data end, or NULL. */
LensDataCoverage   *lens_chart_data_get_coverage         (LensChartData *self);
/* The day the numbers end: TRUE when the chosen dates run past the data's last full day,
 * which @end then receives; FALSE (and the chosen end in @end) otherwise. */
gboolean            lens_chart_data_get_numbers_end      (LensChartData *self,
                                                          GDate         *end);
/* "The numbers end on 19 Nov 2026, the latest day the data covers.": for a chart, an export
 * or a brief whose dates run past @last_full_day. */
char               *lens_chart_dup_data_end_line         (const GDate   *last_full_day);
/* That line when the chosen dates run past the data's last full day, else NULL. */
char               *lens_chart_data_dup_numbers_end_line (LensChartData *self);
/* TRUE when no vector has a finite value. */
gboolean            lens_chart_data_is_empty             (LensChartData *self);

/* Translated lines for under a chart in an export or a brief, in this order:
 *   "District 5 – Calumet compared with citywide, 1 Jan 2021 – 26 Nov 2026" (the chosen
 *    dates, ending on the data's last full day when they run past it, then
 *   "The numbers end on 19 Nov 2026, the latest day the data covers.")
 *   "Source: City of Chicago Data Portal, Crimes - 2001 to Present (ijzp-q8t2),
 *    https://data.cityofchicago.org/d/ijzp-q8t2"
 *   "Data as of <rowsUpdatedAt>"        (left out when unknown)
 *   "Fetched <datetime>"
 *   each caveat text
 * Free with g_strfreev(). */
char              **lens_chart_data_dup_footer_lines     (LensChartData *self);
/* Column names as on screen: the x axis title (or "Year" / "Month" / "Category"), then the
 * vector names, then for an index or a share the counts' vector names ("District 5 – Calumet
 * (counts)"). Free with g_strfreev(). */
char              **lens_chart_data_dup_column_names     (LensChartData *self);
/* A document ready for lens_chart_export_to_file(): series, kind, title, axis titles, footer,
 * column names, an empty message. */
LensChartDocument  *lens_chart_data_to_document          (LensChartData *self);

G_END_DECLS
