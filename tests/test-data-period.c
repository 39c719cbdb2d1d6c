/* test-data-period.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-data-period"

#include "config.h"

#include <string.h>

#include "lens-data-coverage.h"
#include "lens-data-period.h"
#include "lens-fake-portal.h"

/* The data's last full day and the periods computed from it; then the same against the fake
 * portal, whose numbers are SYNTHETIC. */

static GDate
day (int year,
     int month,
     int dom)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, dom, month, year);
  return date;
}

#define assert_day(date, y, m, d) G_STMT_START { \
  const GDate *_d = (date); \
  g_assert_true (g_date_valid (_d)); \
  g_assert_cmpint (g_date_get_year (_d), ==, (y)); \
  g_assert_cmpint (g_date_get_month (_d), ==, (m)); \
  g_assert_cmpint (g_date_get_day (_d), ==, (d)); \
} G_STMT_END

#define assert_period(p, y1, m1, d1, y2, m2, d2) G_STMT_START { \
  assert_day (&(p)->from, y1, m1, d1); \
  assert_day (&(p)->to, y2, m2, d2); \
} G_STMT_END

static GDateTime *
utc (int year,
     int month,
     int dom,
     int hour)
{
  return g_date_time_new_utc (year, month, dom, hour, 0, 0);
}

/* The last full day */

static void
test_end_calendar (void)
{
  GDate today = day (2026, 12, 2);
  LensDataEnd end;

  /* Nothing known: the calendar less the lag, which is never "early" */
  lens_data_end_compute (&today, 7, NULL, NULL, &end);
  assert_day (&end.last_full_day, 2026, 11, 25);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_CALENDAR);
  g_assert_false (end.early);

  lens_data_end_compute (&today, 0, NULL, NULL, &end);
  assert_day (&end.last_full_day, 2026, 12, 2);
}

static void
test_end_updated (void)
{
  GDate today = day (2026, 12, 2);
  GDate last = day (2026, 11, 25);
  g_autoptr(GDateTime) this_morning = utc (2026, 12, 2, 11);
  g_autoptr(GDateTime) yesterday = utc (2026, 12, 1, 11);
  g_autoptr(GDateTime) late_evening = utc (2026, 12, 2, 3);   /* 1 Dec, 21:00 in Chicago */
  g_autoptr(GDateTime) future = utc (2026, 12, 20, 11);
  LensDataEnd end;

  /* Updated this morning with the last week left out: the same as the calendar */
  lens_data_end_compute (&today, 7, this_morning, &last, &end);
  assert_day (&end.last_full_day, 2026, 11, 25);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_UPDATED);
  g_assert_false (end.early);

  /* Not yet updated today: a day earlier, and said so */
  lens_data_end_compute (&today, 7, yesterday, NULL, &end);
  assert_day (&end.last_full_day, 2026, 11, 24);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_UPDATED);
  g_assert_true (end.early);

  /* The update's day is Chicago's, where 03:00 UTC is still the evening before */
  lens_data_end_compute (&today, 1, late_evening, NULL, &end);
  assert_day (&end.last_full_day, 2026, 11, 30);

  /* An update dated in the future covers no more than the calendar */
  lens_data_end_compute (&today, 7, future, NULL, &end);
  assert_day (&end.last_full_day, 2026, 11, 25);
  g_assert_false (end.early);
}

static void
test_end_last_day (void)
{
  GDate today = day (2026, 12, 2);
  GDate october = day (2026, 10, 31);
  GDate typo = day (2027, 1, 1);
  GDate invalid;
  g_autoptr(GDateTime) this_morning = utc (2026, 12, 2, 11);
  LensDataEnd end;

  g_date_clear (&invalid, 1);

  /* Updated, but no row after 31 October: the data end there */
  lens_data_end_compute (&today, 7, this_morning, &october, &end);
  assert_day (&end.last_full_day, 2026, 10, 31);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_LAST_DAY);
  g_assert_true (end.early);

  /* The last day alone, without the metadata */
  lens_data_end_compute (&today, 7, NULL, &october, &end);
  assert_day (&end.last_full_day, 2026, 10, 31);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_LAST_DAY);

  /* A row dated next year (a typing error) does not move the end past the update */
  lens_data_end_compute (&today, 7, this_morning, &typo, &end);
  assert_day (&end.last_full_day, 2026, 11, 25);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_UPDATED);

  lens_data_end_compute (&today, 7, this_morning, &invalid, &end);
  g_assert_cmpint (end.source, ==, LENS_DATA_END_UPDATED);
}

/* A dataset the City stopped updating long ago bounds every period. */
static void
test_end_stale (void)
{
  GDate today = day (2026, 12, 2);
  g_autoptr(GDateTime) june = utc (2025, 6, 15, 11);
  LensPeriod ytd, ytd_before, year, year_before, days, days_before;
  LensDataEnd end;

  lens_data_end_compute (&today, 7, june, NULL, &end);
  assert_day (&end.last_full_day, 2025, 6, 8);
  g_assert_true (end.early);

  lens_period_year_to_date (&end.last_full_day, &ytd, &ytd_before);
  assert_period (&ytd, 2025, 1, 1, 2025, 6, 8);
  assert_period (&ytd_before, 2024, 1, 1, 2024, 6, 8);

  /* 2025 is not over in the data: the latest full year is 2024, not the calendar's 2025 */
  lens_period_latest_full_year (&end.last_full_day, &year, &year_before);
  assert_period (&year, 2024, 1, 1, 2024, 12, 31);
  assert_period (&year_before, 2023, 1, 1, 2023, 12, 31);

  lens_period_last_days (&end.last_full_day, 28, &days, &days_before);
  assert_period (&days, 2025, 5, 12, 2025, 6, 8);
  assert_period (&days_before, 2024, 5, 12, 2024, 6, 8);
}

/* Periods */

static void
test_year_to_date (void)
{
  static const struct {
    int end[3];
    int cf[3], ct[3], pf[3], pt[3];
  } cases[] = {
    { { 2026, 11, 25 }, { 2026, 1, 1 }, { 2026, 11, 25 }, { 2025, 1, 1 }, { 2025, 11, 25 } },
    /* The fake portal's data as of 6 April 2026 */
    { { 2026, 3, 30 }, { 2026, 1, 1 }, { 2026, 3, 30 }, { 2025, 1, 1 }, { 2025, 3, 30 } },
    /* A leap day at the end: the year before ends on 28 February */
    { { 2024, 2, 29 }, { 2024, 1, 1 }, { 2024, 2, 29 }, { 2023, 1, 1 }, { 2023, 2, 28 } },
    /* 28 February after a leap year: the same date, 29 February is not in it */
    { { 2025, 2, 28 }, { 2025, 1, 1 }, { 2025, 2, 28 }, { 2024, 1, 1 }, { 2024, 2, 28 } },
    /* The data end on New Year's Eve: the whole year */
    { { 2025, 12, 31 }, { 2025, 1, 1 }, { 2025, 12, 31 }, { 2024, 1, 1 }, { 2024, 12, 31 } },
    /* and on New Year's Day: one day */
    { { 2026, 1, 1 }, { 2026, 1, 1 }, { 2026, 1, 1 }, { 2025, 1, 1 }, { 2025, 1, 1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate end = day (cases[i].end[0], cases[i].end[1], cases[i].end[2]);
      LensPeriod current, previous, alone;

      lens_period_year_to_date (&end, &current, &previous);
      assert_period (&current, cases[i].cf[0], cases[i].cf[1], cases[i].cf[2],
                     cases[i].ct[0], cases[i].ct[1], cases[i].ct[2]);
      assert_period (&previous, cases[i].pf[0], cases[i].pf[1], cases[i].pf[2],
                     cases[i].pt[0], cases[i].pt[1], cases[i].pt[2]);

      /* Without a comparison */
      lens_period_year_to_date (&end, &alone, NULL);
      g_assert_cmpint (g_date_compare (&alone.from, &current.from), ==, 0);
      g_assert_cmpint (g_date_compare (&alone.to, &current.to), ==, 0);
    }
}

static guint
n_days (const LensPeriod *period)
{
  return g_date_days_between (&period->from, &period->to) + 1;
}

static void
test_last_days (void)
{
  static const struct {
    int end[3];
    guint n;
    int cf[3], pf[3], pt[3];
  } cases[] = {
    { { 2026, 3, 30 }, 28, { 2026, 3, 3 }, { 2025, 3, 3 }, { 2025, 3, 30 } },
    { { 2026, 3, 30 }, 7, { 2026, 3, 24 }, { 2025, 3, 24 }, { 2025, 3, 30 } },
    /* Across a leap day: 28 days each, ending on the same date */
    { { 2024, 3, 1 }, 28, { 2024, 2, 3 }, { 2023, 2, 2 }, { 2023, 3, 1 } },
    { { 2025, 3, 1 }, 28, { 2025, 2, 2 }, { 2024, 2, 3 }, { 2024, 3, 1 } },
    /* Ending on a leap day: a year earlier ends on 28 February */
    { { 2024, 2, 29 }, 7, { 2024, 2, 23 }, { 2023, 2, 22 }, { 2023, 2, 28 } },
    /* Across New Year */
    { { 2026, 1, 3 }, 7, { 2025, 12, 28 }, { 2024, 12, 28 }, { 2025, 1, 3 } },
    { { 2026, 1, 3 }, 1, { 2026, 1, 3 }, { 2025, 1, 3 }, { 2025, 1, 3 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate end = day (cases[i].end[0], cases[i].end[1], cases[i].end[2]);
      LensPeriod current, previous;

      lens_period_last_days (&end, cases[i].n, &current, &previous);
      assert_period (&current, cases[i].cf[0], cases[i].cf[1], cases[i].cf[2],
                     cases[i].end[0], cases[i].end[1], cases[i].end[2]);
      assert_period (&previous, cases[i].pf[0], cases[i].pf[1], cases[i].pf[2],
                     cases[i].pt[0], cases[i].pt[1], cases[i].pt[2]);
      g_assert_cmpuint (n_days (&current), ==, cases[i].n);
      g_assert_cmpuint (n_days (&previous), ==, cases[i].n);
    }
}

static void
test_latest_full_year (void)
{
  static const struct {
    int end[3];
    int year;
  } cases[] = {
    { { 2026, 3, 30 }, 2025 },
    { { 2026, 1, 1 }, 2025 },
    { { 2025, 12, 30 }, 2024 },
    { { 2025, 12, 31 }, 2025 },
    /* A leap year's 31 December is still its last day */
    { { 2024, 12, 31 }, 2024 },
    { { 2024, 2, 29 }, 2023 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate end = day (cases[i].end[0], cases[i].end[1], cases[i].end[2]);
      LensPeriod current, previous;

      lens_period_latest_full_year (&end, &current, &previous);
      assert_period (&current, cases[i].year, 1, 1, cases[i].year, 12, 31);
      assert_period (&previous, cases[i].year - 1, 1, 1, cases[i].year - 1, 12, 31);
      g_assert_true (lens_period_is_calendar_year (&current));
    }
}

static void
test_helpers (void)
{
  GDate leap = day (2024, 2, 29);
  GDate end = day (2026, 3, 30);
  GDate out;
  LensPeriod period;

  lens_date_in_year (&leap, 2023, &out);
  assert_day (&out, 2023, 2, 28);
  lens_date_in_year (&leap, 2028, &out);
  assert_day (&out, 2028, 2, 29);

  period.from = day (2026, 1, 1);
  period.to = day (2026, 12, 2);
  g_assert_false (lens_period_is_calendar_year (&period));
  g_assert_true (lens_period_clamp (&period, &end));
  assert_period (&period, 2026, 1, 1, 2026, 3, 30);
  /* Already within, or wholly after: left as it is */
  g_assert_false (lens_period_clamp (&period, &end));
  period.from = day (2026, 5, 1);
  period.to = day (2026, 6, 1);
  g_assert_false (lens_period_clamp (&period, &end));
  assert_period (&period, 2026, 5, 1, 2026, 6, 1);
}

/* Against the fake portal */

typedef struct
{
  LensFakePortal   *portal;
  LensCache        *cache;
  LensPortalClient *client;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->portal = lens_fake_portal_new ();
  f->cache = lens_cache_new (NULL, 0);
  f->client = lens_portal_client_new (lens_fake_portal_get_base_url (f->portal), f->cache);
  lens_portal_client_set_retry_policy (f->client, 0, 10, 20);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_assert_true (lens_cache_clear (f->cache, NULL));
  g_clear_object (&f->cache);
  g_clear_object (&f->portal);
}

typedef struct
{
  gboolean          done;
  LensDataCoverage *coverage;
  GError           *error;
} Wait;

static void
wait_clear (Wait *w)
{
  g_clear_object (&w->coverage);
  g_clear_error (&w->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wait, wait_clear)

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->coverage = lens_data_coverage_load_finish (result, &w->error);
  g_assert_true ((w->coverage == NULL) != (w->error == NULL));
  w->done = TRUE;
}

static void
load (Fixture      *f,
      const char   *dataset_id,
      GCancellable *cancellable,
      Wait         *w)
{
  wait_clear (w);
  memset (w, 0, sizeof *w);
  lens_data_coverage_load_async (f->client, dataset_id, LENS_QUERY_REFRESH, cancellable, load_cb, w);
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_today_after (int year,
                int month,
                int dom)
{
  GDate today, then = day (year, month, dom);

  lens_data_period_get_today (&today);
  return g_date_compare (&today, &then) > 0;
}

static void
test_coverage_fake (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Wait) w = { 0 };
  g_auto(GStrv) log = NULL;
  gboolean asked = FALSE;

  /* Updated 6 April 2026 with the latest seven days left out */
  load (f, "ijzp-q8t2", NULL, &w);
  g_assert_no_error (w.error);
  g_assert_cmpstr (lens_data_coverage_get_dataset_id (w.coverage), ==, "ijzp-q8t2");
  g_assert_cmpint (g_date_time_to_unix (lens_data_coverage_get_rows_updated_at (w.coverage)), ==,
                   lens_fake_data_rows_updated_at (0));
  assert_day (lens_data_coverage_get_last_day (w.coverage), 2026, 3, 30);
  assert_day (lens_data_coverage_get_last_full_day (w.coverage), 2026, 3, 30);
  g_assert_cmpint (lens_data_coverage_get_source (w.coverage), ==, LENS_DATA_END_UPDATED);
  /* The fake's data are of April 2026: any later day finds them short */
  g_assert_true (lens_data_coverage_get_ends_early (w.coverage) == is_today_after (2026, 4, 6));

  /* The last day is one aggregate: no $group, no $order, no paging */
  log = lens_fake_portal_dup_request_log (f->portal);
  for (guint i = 0; log[i] != NULL; i++)
    if (strstr (log[i], "max(date)") != NULL)
      {
        g_test_message ("%s", log[i]);
        g_assert_nonnull (strstr (log[i], "$select=max(date) AS last_date"));
        g_assert_null (strstr (log[i], "$group"));
        g_assert_null (strstr (log[i], "$order"));
        g_assert_null (strstr (log[i], "$offset"));
        asked = TRUE;
      }
  g_assert_true (asked);

  /* COPA's rows stop at the end of the synthetic series, before its update less a day */
  load (f, "mft5-nfa8", NULL, &w);
  g_assert_no_error (w.error);
  assert_day (lens_data_coverage_get_last_full_day (w.coverage), 2026, 3, 31);
  g_assert_cmpint (lens_data_coverage_get_source (w.coverage), ==, LENS_DATA_END_LAST_DAY);

  /* No date field: nothing to ask but the metadata */
  load (f, "z8bn-74gv", NULL, &w);
  g_assert_no_error (w.error);
  g_assert_false (g_date_valid (lens_data_coverage_get_last_day (w.coverage)));
}

static void
test_coverage_stale (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) june = utc (2025, 6, 15, 11);
  g_auto(Wait) w = { 0 };

  /* The City stopped updating Crimes in June 2025 */
  lens_fake_portal_set_as_of (f->portal, "ijzp-q8t2", g_date_time_to_unix (june), NULL);
  load (f, "ijzp-q8t2", NULL, &w);
  g_assert_no_error (w.error);
  assert_day (lens_data_coverage_get_last_day (w.coverage), 2025, 6, 8);
  assert_day (lens_data_coverage_get_last_full_day (w.coverage), 2025, 6, 8);
  g_assert_true (lens_data_coverage_get_ends_early (w.coverage));
  g_assert_cmpint (lens_fake_portal_expected_count (f->portal, "ijzp-q8t2", NULL, "2025-06-09", "2026-01-01"), ==, 0);
  g_assert_cmpint (lens_fake_portal_expected_count (f->portal, "ijzp-q8t2", NULL, "2025-06-01", "2025-06-09"), >, 0);

  /* Updated recently, but with no rows after October 2025 */
  lens_fake_portal_set_as_of (f->portal, "ijzp-q8t2", 0, "2025-10-31");
  load (f, "ijzp-q8t2", NULL, &w);
  g_assert_no_error (w.error);
  assert_day (lens_data_coverage_get_last_full_day (w.coverage), 2025, 10, 31);
  g_assert_cmpint (lens_data_coverage_get_source (w.coverage), ==, LENS_DATA_END_LAST_DAY);

  /* Back to the data version's */
  lens_fake_portal_set_as_of (f->portal, "ijzp-q8t2", 0, NULL);
  load (f, "ijzp-q8t2", NULL, &w);
  assert_day (lens_data_coverage_get_last_full_day (w.coverage), 2026, 3, 30);
}

/* Failures are no error: what is missing is left out, down to the calendar. */
static void
test_coverage_failures (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Wait) w = { 0 };
  GDate today, expected;

  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
  load (f, "ijzp-q8t2", NULL, &w);
  g_assert_no_error (w.error);
  g_assert_cmpint (lens_data_coverage_get_source (w.coverage), ==, LENS_DATA_END_CALENDAR);
  g_assert_null (lens_data_coverage_get_rows_updated_at (w.coverage));
  g_assert_false (lens_data_coverage_get_ends_early (w.coverage));
  lens_data_period_get_today (&today);
  expected = today;
  g_date_subtract_days (&expected, 7);
  g_assert_cmpint (g_date_compare (lens_data_coverage_get_last_full_day (w.coverage), &expected), ==, 0);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_NONE, 0);

  g_cancellable_cancel (cancellable);
  load (f, "ijzp-q8t2", cancellable, &w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data-period/end/calendar", test_end_calendar);
  g_test_add_func ("/data-period/end/updated", test_end_updated);
  g_test_add_func ("/data-period/end/last-day", test_end_last_day);
  g_test_add_func ("/data-period/end/stale", test_end_stale);
  g_test_add_func ("/data-period/year-to-date", test_year_to_date);
  g_test_add_func ("/data-period/last-days", test_last_days);
  g_test_add_func ("/data-period/latest-full-year", test_latest_full_year);
  g_test_add_func ("/data-period/helpers", test_helpers);

#define ADD(path, func) \
  g_test_add ("/data-period/coverage/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("fake-portal", test_coverage_fake);
  ADD ("stale", test_coverage_stale);
  ADD ("failures", test_coverage_failures);

  return g_test_run ();
}
