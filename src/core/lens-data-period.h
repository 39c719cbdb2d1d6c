/* lens-data-period.h: the data's last full day, and the periods computed from it
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every period the app computes (year to date, the last 7 or 28 days, the latest full year)
 * ends at the last full day the data covers, computed as if that day were today: a dataset
 * the City has not updated for weeks gives the same days of both years, never a fall that
 * did not happen. Pure functions, no I/O: lens-data-coverage.h fetches what they need. */

/* A run of days, both ends inclusive. */
typedef struct
{
  GDate from;
  GDate to;
} LensPeriod;

/* Where a last full day came from. */
typedef enum
{
  /* Nothing is known of the data: today less the dataset's publication lag. */
  LENS_DATA_END_CALENDAR,
  /* The dataset's last update (rowsUpdatedAt, in Chicago) less its publication lag. */
  LENS_DATA_END_UPDATED,
  /* The last day present in the data, earlier than the update less the lag. */
  LENS_DATA_END_LAST_DAY,
} LensDataEndSource;

typedef struct
{
  GDate             last_full_day;
  LensDataEndSource source;
  /* TRUE when the last full day is before today less the lag: the data stops short of where
   * the calendar says it should be, and what shows it says so ("the latest day the data
   * covers"). */
  gboolean          early;
} LensDataEnd;

/* Today in local time. */
void     lens_data_period_get_today      (GDate             *today);

/* The calendar day of @datetime in Chicago, the time zone of the portal's floating
 * timestamps (local time if the zone is not installed). */
void     lens_data_period_chicago_day    (GDateTime         *datetime,
                                          GDate             *day);

/* Decides the last full day of a dataset whose publication lag is @lag_days (the number of
 * latest days, counting the day of an update, its data leave out: 7 for Crimes), from
 * @rows_updated_at (NULL when unknown) less the lag and @last_day (the day of the latest row,
 * NULL or invalid when unknown), whichever is earlier, and never after @today less the lag.
 * With neither known it is @today less the lag (LENS_DATA_END_CALENDAR, never early). */
void     lens_data_end_compute           (const GDate       *today,
                                          guint              lag_days,
                                          GDateTime         *rows_updated_at,
                                          const GDate       *last_day,
                                          LensDataEnd       *end);

/* @date moved to @year, 29 February becoming 28 February. */
void     lens_date_in_year               (const GDate       *date,
                                          int                year,
                                          GDate             *out);

/* 1 January of @end's year up to @end, against the same days a year earlier (ending on the
 * same date, 28 February for 29 February). @previous may be NULL. */
void     lens_period_year_to_date        (const GDate       *end,
                                          LensPeriod        *current,
                                          LensPeriod        *previous);

/* The @n_days days up to @end (@n_days >= 1), against as many days ending on the same date a
 * year earlier (28 February for 29 February): both periods have @n_days days, so counts
 * compare like with like across a leap day. @previous may be NULL. */
void     lens_period_last_days           (const GDate       *end,
                                          guint              n_days,
                                          LensPeriod        *current,
                                          LensPeriod        *previous);

/* The last calendar year @end has completed (@end's year when @end is 31 December, else the
 * year before), against the year before it. @previous may be NULL. */
void     lens_period_latest_full_year    (const GDate       *end,
                                          LensPeriod        *current,
                                          LensPeriod        *previous);

/* TRUE for 1 January to 31 December of one year. */
gboolean lens_period_is_calendar_year    (const LensPeriod  *period);

/* Ends @period at @end when it starts on or before @end and runs past it: TRUE when cut.
 * A period ending on or before @end, or starting after it, is left as it is (FALSE). */
gboolean lens_period_clamp               (LensPeriod        *period,
                                          const GDate       *end);

G_END_DECLS
