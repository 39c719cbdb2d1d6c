/* bench-compstat.c: the CompStat table of a district and the city from a warm cache
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers, never thresholds: requests to the portal and milliseconds per table pair.
 */
#include "config.h"

#include "lens-compstat.h"
#include "lens-test-util.h"

#define RUNS 25

typedef struct
{
  gboolean      done;
  LensCompstat *table;
} Wait;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->table = lens_compstat_load_finish (result, NULL);
  w->done = TRUE;
}

static void
load_pair (LensTestPortal *f)
{
  Wait district = { 0 }, city = { 0 };

  lens_compstat_load_async (f->client, 5, LENS_QUERY_DEFAULT, NULL, load_cb, &district);
  lens_compstat_load_async (f->client, 0, LENS_QUERY_DEFAULT, NULL, load_cb, &city);
  g_assert_true (lens_test_wait_flag (&district.done));
  g_assert_true (lens_test_wait_flag (&city.done));
  g_assert_nonnull (district.table);
  g_assert_nonnull (city.table);
  g_object_unref (district.table);
  g_object_unref (city.table);
}

int
main (int   argc,
      char *argv[])
{
  LensTestPortal f = { 0 };
  double times[RUNS];
  guint cold_requests, warm_requests;

  lens_test_home_set_up ();
  g_test_init (&argc, &argv, NULL);
  lens_test_portal_set_up (&f, 0, LENS_TEST_PORTAL_DEFAULT);

  load_pair (&f);
  cold_requests = lens_fake_portal_get_n_requests (f.portal);
  lens_fake_portal_reset_counters (f.portal);

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      load_pair (&f);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  warm_requests = lens_fake_portal_get_n_requests (f.portal);
  lens_test_sort_doubles (times, RUNS);

  g_print ("CompStat, district 5 + citywide:\n");
  g_print ("  cold cache: %u requests (coverage of Crimes and one table request per area)\n", cold_requests);
  g_print ("  warm cache: %.1f requests per pair, median %.3f ms, min %.3f ms, max %.3f ms (%d runs)\n",
           (double) warm_requests / RUNS, times[RUNS / 2], times[0], times[RUNS - 1], RUNS);

  lens_test_portal_tear_down (&f);
  lens_test_home_tear_down ();
  return 0;
}
