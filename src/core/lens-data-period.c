/* lens-data-period.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-data-period"

#include "config.h"

#include "lens-data-period.h"

static void
set_day_of (GDateTime *datetime,
            GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day,
                  g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime),
                  g_date_time_get_year (datetime));
}

void
lens_data_period_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (today != NULL);

  set_day_of (now, today);
}

void
lens_data_period_chicago_day (GDateTime *datetime,
                              GDate     *day)
{
  static GTimeZone *chicago;
  g_autoptr(GDateTime) there = NULL;

  g_return_if_fail (datetime != NULL);
  g_return_if_fail (day != NULL);

  if (g_once_init_enter (&chicago))
    {
      GTimeZone *zone = g_time_zone_new_identifier ("America/Chicago");

      g_once_init_leave (&chicago, zone != NULL ? zone : g_time_zone_new_local ());
    }

  there = g_date_time_to_timezone (datetime, chicago);
  set_day_of (there != NULL ? there : datetime, day);
}

void
lens_data_end_compute (const GDate *today,
                       guint        lag_days,
                       GDateTime   *rows_updated_at,
                       const GDate *last_day,
                       LensDataEnd *end)
{
  GDate calendar;

  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (end != NULL);

  calendar = *today;
  g_date_subtract_days (&calendar, lag_days);

  end->last_full_day = calendar;
  end->source = LENS_DATA_END_CALENDAR;

  if (rows_updated_at != NULL)
    {
      GDate updated;

      lens_data_period_chicago_day (rows_updated_at, &updated);
      g_date_subtract_days (&updated, lag_days);
      /* An update "in the future" (a wrong clock) cannot cover more than the calendar. */
      if (g_date_compare (&updated, &end->last_full_day) < 0)
        end->last_full_day = updated;
      end->source = LENS_DATA_END_UPDATED;
    }

  /* Rows dated after the update less the lag are days still being filled in (or typing
   * errors): only a last day before it says more. */
  if (last_day != NULL && g_date_valid (last_day) &&
      g_date_compare (last_day, &end->last_full_day) < 0)
    {
      end->last_full_day = *last_day;
      end->source = LENS_DATA_END_LAST_DAY;
    }

  end->early = g_date_compare (&end->last_full_day, &calendar) < 0;
}

void
lens_date_in_year (const GDate *date,
                   int          year,
                   GDate       *out)
{
  GDateDay day;
  GDateMonth month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (g_date_valid_year (year));
  g_return_if_fail (out != NULL);

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  if (!g_date_valid_dmy (day, month, year))
    day = g_date_get_days_in_month (month, year);

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

static void
set_year (LensPeriod *period,
          int         year)
{
  g_date_clear (&period->from, 1);
  g_date_clear (&period->to, 1);
  g_date_set_dmy (&period->from, 1, G_DATE_JANUARY, year);
  g_date_set_dmy (&period->to, 31, G_DATE_DECEMBER, year);
}

void
lens_period_year_to_date (const GDate *end,
                          LensPeriod  *current,
                          LensPeriod  *previous)
{
  int year;

  g_return_if_fail (end != NULL && g_date_valid (end));
  g_return_if_fail (current != NULL);

  year = g_date_get_year (end);
  g_date_clear (&current->from, 1);
  g_date_set_dmy (&current->from, 1, G_DATE_JANUARY, year);
  current->to = *end;

  if (previous != NULL)
    {
      g_date_clear (&previous->from, 1);
      g_date_set_dmy (&previous->from, 1, G_DATE_JANUARY, year - 1);
      lens_date_in_year (end, year - 1, &previous->to);
    }
}

void
lens_period_last_days (const GDate *end,
                       guint        n_days,
                       LensPeriod  *current,
                       LensPeriod  *previous)
{
  g_return_if_fail (end != NULL && g_date_valid (end));
  g_return_if_fail (n_days >= 1);
  g_return_if_fail (current != NULL);

  current->to = *end;
  current->from = *end;
  g_date_subtract_days (&current->from, n_days - 1);

  if (previous != NULL)
    {
      lens_date_in_year (end, g_date_get_year (end) - 1, &previous->to);
      previous->from = previous->to;
      g_date_subtract_days (&previous->from, n_days - 1);
    }
}

void
lens_period_latest_full_year (const GDate *end,
                              LensPeriod  *current,
                              LensPeriod  *previous)
{
  int year;

  g_return_if_fail (end != NULL && g_date_valid (end));
  g_return_if_fail (current != NULL);

  year = g_date_get_year (end);
  if (!(g_date_get_month (end) == G_DATE_DECEMBER && g_date_get_day (end) == 31))
    year--;

  set_year (current, year);
  if (previous != NULL)
    set_year (previous, year - 1);
}

gboolean
lens_period_is_calendar_year (const LensPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  return g_date_valid (&period->from) && g_date_valid (&period->to) &&
         g_date_get_year (&period->from) == g_date_get_year (&period->to) &&
         g_date_get_month (&period->from) == G_DATE_JANUARY && g_date_get_day (&period->from) == 1 &&
         g_date_get_month (&period->to) == G_DATE_DECEMBER && g_date_get_day (&period->to) == 31;
}

gboolean
lens_period_clamp (LensPeriod  *period,
                   const GDate *end)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (end != NULL && g_date_valid (end), FALSE);

  if (g_date_compare (&period->from, end) > 0 || g_date_compare (&period->to, end) <= 0)
    return FALSE;

  period->to = *end;
  return TRUE;
}
