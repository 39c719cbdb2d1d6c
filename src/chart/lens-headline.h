/* lens-headline.h: a headline card's number, against the same number a year earlier
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

#define LENS_TYPE_HEADLINE (lens_headline_get_type ())
G_DECLARE_FINAL_TYPE (LensHeadline, lens_headline, LENS, HEADLINE, GObject)

/* Asks where the dataset's data end (lens_data_coverage_load_async()), then loads both periods
 * concurrently (lens_headline_spec_get_periods() of the data's last full day) for the district
 * of @filters (NULL or district 0: citywide; the range and the comparison of @filters are
 * ignored: a headline has its own periods). Errors as for lens_chart_loader_load_async(). */
void          lens_headline_load_async              (LensPortalClient    *client,
                                                     LensHeadlineSpec    *spec,
                                                     LensFilters         *filters,
                                                     LensQueryFlags       flags,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
LensHeadline *lens_headline_load_finish             (GAsyncResult        *result,
                                                     GError             **error);

LensHeadlineSpec *lens_headline_get_spec            (LensHeadline *self);
/* The spec's title, translated */
const char   *lens_headline_get_title               (LensHeadline *self);
/* The spec's note (why the windows are what they are), translated */
const char   *lens_headline_get_note                (LensHeadline *self);
/* The page the card opens ("crime") */
const char   *lens_headline_get_page                (LensHeadline *self);
/* "District 5 – Calumet" or "Citywide" */
const char   *lens_headline_get_area_label          (LensHeadline *self);
double        lens_headline_get_current_value       (LensHeadline *self);
double        lens_headline_get_previous_value      (LensHeadline *self);
/* lens_format_count() of the current value */
const char   *lens_headline_get_current_text        (LensHeadline *self);
/* lens_format_change (previous, current): "+4.2%", "−3.0%", "n/a" for a zero base */
const char   *lens_headline_get_change_text         (LensHeadline *self);
/* "1 Jan 2026 – 19 Nov 2026", or "2025" for a whole calendar year: translated, locale dates.
 * When the data end before today less the dataset's lag, the current period says so:
 * "1 Jan 2026 to 30 Mar 2026, the latest day the data covers", or "2025; the latest day the
 * data covers is 30 Mar 2026". */
const char   *lens_headline_get_current_period      (LensHeadline *self);
const char   *lens_headline_get_previous_period     (LensHeadline *self);
/* Where the data end: the periods are computed from its last full day. */
LensDataCoverage *lens_headline_get_coverage        (LensHeadline *self);
/* Inclusive ends of both periods */
const GDate  *lens_headline_get_current_from        (LensHeadline *self);
const GDate  *lens_headline_get_current_to          (LensHeadline *self);
const GDate  *lens_headline_get_previous_from       (LensHeadline *self);
const GDate  *lens_headline_get_previous_to         (LensHeadline *self);

/* Provenance, as in LensChartData */
GDateTime    *lens_headline_get_fetched_at          (LensHeadline *self);
GDateTime    *lens_headline_get_rows_updated_at     (LensHeadline *self);  /* may be NULL */
gboolean      lens_headline_get_from_cache          (LensHeadline *self);
gboolean      lens_headline_get_stale               (LensHeadline *self);
const GError *lens_headline_get_warning             (LensHeadline *self);
/* Current period's URL first, NULL-terminated */
const char * const *lens_headline_get_urls          (LensHeadline *self);
const char   *lens_headline_get_dataset_name        (LensHeadline *self);
const char   *lens_headline_get_dataset_url         (LensHeadline *self);
const char * const *lens_headline_get_caveats       (LensHeadline *self);

G_END_DECLS
