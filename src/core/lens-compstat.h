/* lens-compstat.h: the CompStat table, index crimes over three periods against a year earlier
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-data-period.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

#define LENS_COMPSTAT_RESOURCE "/io/github/reformlens/ReformLens/compstat.json"

/* The six windows of every area, in this order; each odd one is the same days a year before
 * the even one before it. All end at the data's last full day (or that day a year earlier). */
typedef enum
{
  LENS_COMPSTAT_LAST_7 = 0,
  LENS_COMPSTAT_LAST_7_BEFORE,
  LENS_COMPSTAT_LAST_28,
  LENS_COMPSTAT_LAST_28_BEFORE,
  LENS_COMPSTAT_YEAR_TO_DATE,
  LENS_COMPSTAT_YEAR_TO_DATE_BEFORE,
  LENS_COMPSTAT_N_WINDOWS
} LensCompstatWindow;

/* One row of the table: an index crime category (its FBI codes) or a total of categories. */
typedef struct
{
  const char         *id;         /* "robbery", "violent", "index" */
  const char         *label;      /* translated */
  const char * const *fbi_codes;  /* the codes counted, for a total all of its categories' */
  gboolean            is_total;
} LensCompstatRow;

/* The rows of data/compstat.json: the categories, then the totals. Loaded once; never NULL
 * (the file is a resource checked by the tests). */
guint                  lens_compstat_get_n_rows     (void);
const LensCompstatRow *lens_compstat_get_row        (guint               index);

/* The six windows ending at @last_full_day. */
void                   lens_compstat_get_windows    (const GDate        *last_full_day,
                                                     LensPeriod          windows[LENS_COMPSTAT_N_WINDOWS]);

/* ONE request for an area: "$select=fbi_code, sum(case(date >= ... AND date < ..., 1, true, 0))
 * AS w0, ... w5", $where the union of the windows and the index codes (and the district),
 * $group=fbi_code. @district: a district number, 0 for the whole city. */
LensSoql              *lens_compstat_build_query    (const GDate        *last_full_day,
                                                     guint               district);

#define LENS_TYPE_COMPSTAT (lens_compstat_get_type ())
G_DECLARE_FINAL_TYPE (LensCompstat, lens_compstat, LENS, COMPSTAT, GObject)

/* Immutable: the counts of one area. Reads the answer of lens_compstat_build_query(); an
 * answer without the columns it asked for is LENS_PORTAL_ERROR_BAD_RESPONSE. */
LensCompstat    *lens_compstat_new_from_result      (LensQueryResult    *result,
                                                     const GDate        *last_full_day,
                                                     guint               district,
                                                     GError            **error);

/* The coverage of Crimes, then the one request; cached like every response. */
void             lens_compstat_load_async           (LensPortalClient   *client,
                                                     guint               district,
                                                     LensQueryFlags      flags,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
LensCompstat    *lens_compstat_load_finish          (GAsyncResult       *result,
                                                     GError            **error);

/* 0 for the whole city. */
guint            lens_compstat_get_district         (LensCompstat       *self);
const GDate     *lens_compstat_get_last_full_day    (LensCompstat       *self);
void             lens_compstat_get_window           (LensCompstat       *self,
                                                     LensCompstatWindow  window,
                                                     LensPeriod         *period);
/* The count of row @row (lens_compstat_get_row()) in @window. */
gint64           lens_compstat_get_count            (LensCompstat       *self,
                                                     guint               row,
                                                     LensCompstatWindow  window);
/* The change of @row from the window a year earlier to @window (LAST_7, LAST_28 or
 * YEAR_TO_DATE), as lens_format_change() words it: "n/a" on a zero base. */
char            *lens_compstat_dup_change           (LensCompstat       *self,
                                                     guint               row,
                                                     LensCompstatWindow  window);
/* Where the counts came from: fetched-at, age, cache, staleness (the as-of time). */
LensQueryResult *lens_compstat_get_result           (LensCompstat       *self);

/* The shooting victims row (lens-compstat-areas.c): victims with a gunshot injury, fatal or
 * not, in the Violence Reduction victims dataset, over its own six windows (its newest day is
 * left out, so they may end a day or more before the table's). Unset when not loaded. */
gboolean         lens_compstat_has_victims          (LensCompstat       *self);
gint64           lens_compstat_get_victims          (LensCompstat       *self,
                                                     LensCompstatWindow  window);
char            *lens_compstat_dup_victims_change   (LensCompstat       *self,
                                                     LensCompstatWindow  window);
const GDate     *lens_compstat_get_victims_last_full_day (LensCompstat  *self);
LensQueryResult *lens_compstat_get_victims_result   (LensCompstat       *self);

/* ONE request for the victims row of an area: "$select=sum(case(...)) AS w0, ... w5",
 * $where the windows, gunshot_injury_i = 'YES' (and the district); no $group. */
LensSoql        *lens_compstat_build_victims_query  (const GDate        *last_full_day,
                                                     guint               district);

/* Several areas from ONE coverage lookup of Crimes (and one of the victims dataset with
 * @with_victims), then one request per area (and one more per area for the victims row).
 * A victims request that fails leaves the row out; a table request that fails is the error.
 * Finishes with a GPtrArray of LensCompstat in the order of @districts. */
void             lens_compstat_load_areas_async     (LensPortalClient   *client,
                                                     const guint        *districts,
                                                     guint               n_districts,
                                                     gboolean            with_victims,
                                                     LensQueryFlags      flags,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GPtrArray       *lens_compstat_load_areas_finish    (GAsyncResult       *result,
                                                     GError            **error);

G_END_DECLS
