/* lens-data-coverage.h: which days a dataset's data cover, from the portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-data-period.h"
#include "lens-datasets.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

#define LENS_TYPE_DATA_COVERAGE (lens_data_coverage_get_type ())
G_DECLARE_FINAL_TYPE (LensDataCoverage, lens_data_coverage, LENS, DATA_COVERAGE, GObject)

/* Immutable. The last full day of @dataset_id on @today (lens_data_end_compute(), with the
 * dataset's publication lag from lens-datasets.h, 0 for an unknown dataset) from what is
 * known: @rows_updated_at and @last_day may be NULL. */
LensDataCoverage *lens_data_coverage_new              (const char          *dataset_id,
                                                       const GDate         *today,
                                                       GDateTime           *rows_updated_at,
                                                       const GDate         *last_day);

/* The day of the latest row: "$select=max(date) AS last_date&$limit=1", an aggregate with no
 * $group and no $order, answered with one row and never paged. NULL for a dataset without a
 * date field. */
LensSoql         *lens_data_coverage_build_query      (const LensDataset   *dataset);

/* Reads the day of "last_date" from the answer of that query ("2026-03-30T23:55:00.000", a
 * floating timestamp read as written). FALSE when the answer has no such day. */
gboolean          lens_data_coverage_parse_last_day   (LensTable           *table,
                                                       GDate               *day);

/* Asks for the dataset's metadata (rowsUpdatedAt) and the day of its latest row at once, and
 * decides the last full day for today in local time. Neither failing is an error: what is
 * missing is left out, down to the calendar (LENS_DATA_END_CALENDAR). The only error is
 * LENS_PORTAL_ERROR_CANCELLED. */
void              lens_data_coverage_load_async       (LensPortalClient    *client,
                                                       const char          *dataset_id,
                                                       LensQueryFlags       flags,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
LensDataCoverage *lens_data_coverage_load_finish      (GAsyncResult        *result,
                                                       GError             **error);

const char       *lens_data_coverage_get_dataset_id   (LensDataCoverage    *self);
/* The dataset's rowsUpdatedAt, NULL when unknown. */
GDateTime        *lens_data_coverage_get_rows_updated_at (LensDataCoverage *self);
/* The day of the latest row; an invalid (cleared) date when unknown. */
const GDate      *lens_data_coverage_get_last_day     (LensDataCoverage    *self);
/* The last full day the data cover, always valid: every period ends there. */
const GDate      *lens_data_coverage_get_last_full_day (LensDataCoverage   *self);
LensDataEndSource lens_data_coverage_get_source       (LensDataCoverage    *self);
/* TRUE when the data end before today less the lag: say "the latest day the data covers". */
gboolean          lens_data_coverage_get_ends_early   (LensDataCoverage    *self);

G_END_DECLS
