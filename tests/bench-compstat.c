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
  gboolean   done;
  GPtrArray *tables;
} Wait;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->tables = lens_compstat_load_areas_finish (result, NULL);
  w->done = TRUE;
}

/* District 5 and the city, as the Crime page loads them: one coverage lookup for both */
static void
load_pair (LensTestPortal *f,
           gboolean        with_victims)
{
  static const guint areas[] = { 5, 0 };
  Wait wait = { 0 };

  lens_compstat_load_areas_async (f->client, areas, G_N_ELEMENTS (areas), with_victims,
                                  LENS_QUERY_DEFAULT, NULL, load_cb, &wait);
  g_assert_true (lens_test_wait_flag (&wait.done));
  g_assert_nonnull (wait.tables);
  g_assert_cmpuint (wait.tables->len, ==, 2);
  g_ptr_array_unref (wait.tables);
}

static void
bench (gboolean with_victims)
{
  LensTestPortal f = { 0 };
  double times[RUNS];
  guint cold_requests, cold_data, warm_requests;

  lens_test_portal_set_up (&f, 0, LENS_TEST_PORTAL_DEFAULT);
  load_pair (&f, with_victims);
  cold_requests = lens_fake_portal_get_n_requests (f.portal);
  /* The coverage asks twice per dataset (metadata and the latest day); the rest is data. */
  cold_data = cold_requests - (with_victims ? 4 : 2);
  lens_fake_portal_reset_counters (f.portal);

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      load_pair (&f, with_victims);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  warm_requests = lens_fake_portal_get_n_requests (f.portal);
  lens_test_sort_doubles (times, RUNS);

  g_print ("CompStat, district 5 + citywide%s:\n", with_victims ? ", with the shooting victims row" : "");
  g_print ("  cold cache: %u requests, %u of them data requests (the rest: one coverage lookup per dataset)\n",
           cold_requests, cold_data);
  g_print ("  warm cache: %.1f requests per pair, median %.3f ms, min %.3f ms, max %.3f ms (%d runs)\n",
           (double) warm_requests / RUNS, times[RUNS / 2], times[0], times[RUNS - 1], RUNS);

  lens_test_portal_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  lens_test_home_set_up ();
  g_test_init (&argc, &argv, NULL);
  bench (FALSE);
  bench (TRUE);
  lens_test_home_tear_down ();
  return 0;
}
