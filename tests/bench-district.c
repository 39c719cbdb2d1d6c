/* bench-district.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the district pieces that do not draw: parsing the real 24zt-jpfn GeoJSON
 * (tests/fixtures, about 1 MB), hit-testing a point against its 25 features, and counts the
 * requests the 22-district ranking takes against the fake portal (SYNTHETIC counts from its
 * seeded generator). Prints numbers; asserts nothing about time. */

#define G_LOG_DOMAIN "bench-district"

#include "config.h"

#include <time.h>

#include "lens-boundaries.h"
#include "lens-datasets.h"
#include "lens-district-ranking.h"
#include "lens-fake-boundaries.h"
#include "lens-map.h"
#include "lens-test-util.h"

#define RUNS 20

static double
median (GArray *times)
{
  lens_test_sort_doubles ((double *) (gpointer) times->data, times->len);
  return g_array_index (times, double, times->len / 2);
}

static void
bench_boundaries (void)
{
  g_autoptr(GBytes) body = lens_fake_boundaries_get_body ();
  g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hit_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LensBoundaries) boundaries = lens_boundaries_new_from_bytes (body, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      guint hits = 0;

      g_assert_nonnull (boundaries);
      g_array_append_val (parse_times, ms);

      /* The label point of every feature, as a click on each district would be */
      start = g_get_monotonic_time ();
      for (guint i = 0; i < lens_boundaries_get_n_features (boundaries); i++)
        {
          LensGeoPoint p = lens_boundary_get_label_point (lens_boundaries_get_nth (boundaries, i));

          hits += lens_boundaries_hit_test (boundaries, p.lon, p.lat) != 0;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0 / MAX (hits, 1);
      g_array_append_val (hit_times, ms);
    }

  g_print ("Boundaries (real 24zt-jpfn GeoJSON, %zu bytes, %u runs, medians):\n",
           g_bytes_get_size (body), RUNS);
  g_print ("  parse            %8.3f ms\n", median (parse_times));
  g_print ("  label point + hit-test, per district %8.3f ms\n", median (hit_times));
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The map at the size of a PNG export (1600 x 1000) into an image surface: the real
 * boundaries, SYNTHETIC counts (the district number times ten) */
static void
bench_map (void)
{
  g_autoptr(GBytes) body = lens_fake_boundaries_get_body ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LensBoundariesResult) boundaries = NULL;
  g_autoptr(LensDistrictMapData) map = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  LensDistrictRanking *ranking = lens_district_ranking_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  LensPlotStyle style;
  LensMapStats stats = { 0 };
  LensPeriod days;
  GDate end;

  boundaries = lens_boundaries_result_new (lens_boundaries_new_from_bytes (body, NULL), "bench", now,
                                           FALSE, FALSE, NULL);
  for (guint d = 1; d <= 25; d++)
    {
      g_autofree char *code = g_strdup_printf ("%03u", d);

      lens_district_ranking_add (ranking, code, d * 10.0);
    }
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, 11, 2026);
  lens_map_period_compute (LENS_MAP_PERIOD_LAST_28, &end, &days);
  map = lens_district_map_data_new (boundaries, ranking, NULL, MAX (lens_map_measure_from_id ("index"), 0),
                                    LENS_MAP_PERIOD_LAST_28, &days);
  lens_plot_style_init_light (&style);

  for (guint run = 0; run < RUNS + 1; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      double ms, cpu_ms;

      lens_map_draw (map, &style, 5, LENS_MAP_DRAW_TITLE | LENS_MAP_DRAW_SOURCE, cr, 1600, 1000, &stats);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms = thread_cpu_ms () - cpu_start;
      cairo_destroy (cr);
      /* the first run loads fonts: not counted */
      if (run > 0)
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
        }
    }
  cairo_surface_destroy (surface);

  g_print ("District map at 1600 x 1000 into an image surface (%u districts, %u labels, %u runs):\n",
           stats.n_districts, stats.n_labels, RUNS);
  {
    double mid = median (times);  /* sorts them */

    g_print ("  median %8.3f ms, fastest %8.3f ms, slowest %8.3f ms (wall clock)\n", mid,
             g_array_index (times, double, 0), g_array_index (times, double, times->len - 1));
    /* The machine is shared: the thread's own CPU time says what the drawing costs */
    mid = median (cpu_times);
    g_print ("  median %8.3f ms, fastest %8.3f ms, slowest %8.3f ms (CPU time of the thread)\n", mid,
             g_array_index (cpu_times, double, 0), g_array_index (cpu_times, double, cpu_times->len - 1));
  }
}

static void
ranked (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(LensQueryResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
bench_ranking (void)
{
  LensTestPortal f = { 0 };
  g_autoptr(LensSoql) query = lens_district_ranking_build_query (LENS_DATASET_CRIMES, "district");
  gboolean done = FALSE;
  guint before;

  lens_test_portal_set_up (&f, 0, LENS_TEST_PORTAL_NO_CACHE);
  lens_soql_add_where (query, "date >= '2024-01-01T00:00:00' AND date < '2025-01-01T00:00:00'");
  before = lens_fake_portal_get_n_requests (f.portal);
  lens_portal_client_query_async (f.client, query, LENS_QUERY_DEFAULT, NULL, ranked, &done);
  g_assert_true (lens_test_wait_flag (&done));
  g_print ("Ranking of the 22 districts: %u request(s) to the portal\n",
           lens_fake_portal_get_n_requests (f.portal) - before);
  lens_test_portal_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bench_boundaries ();
  bench_map ();
  bench_ranking ();

  return 0;
}
