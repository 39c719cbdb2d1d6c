/* lens-standing.h: where the districts stand on one crime measure over one period
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-compstat.h"
#include "lens-district-ranking.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* The measures: 0 is every incident in Crimes; 1.. are the rows of the CompStat table
 * (lens_compstat_get_row (measure - 1)), counted by their FBI codes. */
#define LENS_STANDING_ALL_INCIDENTS 0
guint        lens_standing_get_n_measures     (void);
const char  *lens_standing_get_measure_id     (guint               measure);
/* Translated, as in a sentence's object: "incidents", "robbery" */
const char  *lens_standing_get_measure_label  (guint               measure);

/* "3rd of 22", "3.º de 22", "第3名（共22个）": translated with the English ordinal ending
 * as context, so each language words it its own way. */
char        *lens_standing_dup_rank_text      (guint               rank,
                                               guint               n);
/* "3rd of 22" or "2nd of 22, tied with 1 other district" */
char        *lens_standing_dup_standing_text  (LensDistrictRanking *ranking,
                                               guint               district);

/* ONE request: all the districts' counts of @measure in @period ($group=district). */
LensSoql    *lens_standing_build_query        (guint               measure,
                                               const LensPeriod   *period);

#define LENS_TYPE_STANDING (lens_standing_get_type ())
G_DECLARE_FINAL_TYPE (LensStanding, lens_standing, LENS, STANDING, GObject)

/* The coverage of Crimes, then the one request for @window (LENS_COMPSTAT_YEAR_TO_DATE or
 * LENS_COMPSTAT_LAST_28) ending at the data's last full day. */
void                 lens_standing_load_async       (LensPortalClient   *client,
                                                     guint               measure,
                                                     LensCompstatWindow  window,
                                                     LensQueryFlags      flags,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
LensStanding        *lens_standing_load_finish      (GAsyncResult       *result,
                                                     GError            **error);

LensStanding        *lens_standing_new_from_result  (LensQueryResult    *result,
                                                     guint               measure,
                                                     const LensPeriod   *period,
                                                     GError            **error);

guint                lens_standing_get_measure      (LensStanding       *self);
const LensPeriod    *lens_standing_get_period       (LensStanding       *self);
LensDistrictRanking *lens_standing_get_ranking      (LensStanding       *self);
LensQueryResult     *lens_standing_get_result       (LensStanding       *self);

/* The numbers as CSV (district, count, rank), one line per district, highest first. */
char                *lens_standing_dup_csv          (LensStanding       *self);

G_END_DECLS
