/* test-district-map.c: the district map's data (boundaries through the portal client, cached;
 * the one ranking request) and its renderer
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>

#include "lens-compstat.h"
#include "lens-district-map-data.h"
#include "lens-districts.h"
#include "lens-fake-boundaries.h"
#include "lens-map.h"
#include "lens-test-util.h"

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static LensDistrictMapData *
load_data (LensTestPortal *f,
           LensQueryFlags  flags,
           GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lens_district_map_data_load_async (f->client, lens_map_measure_from_id ("index"),
                                     LENS_MAP_PERIOD_LAST_28, flags, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lens_district_map_data_load_finish (result, error);
}

static guint
count_requests_for (LensFakePortal *portal,
                    const char     *needle)
{
  g_auto(GStrv) log = lens_fake_portal_dup_request_log (portal);
  guint n = 0;

  for (guint i = 0; log[i] != NULL; i++)
    n += strstr (log[i], needle) != NULL;
  return n;
}

static void
test_load (LensTestPortal *f,
           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensDistrictMapData) map = NULL;
  LensDistrictRanking *ranking;
  guint with_counts = 0;

  map = load_data (f, LENS_QUERY_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
  g_assert_cmpuint (lens_boundaries_get_n_features (lens_district_map_data_get_boundaries (map)), ==, 25);
  ranking = lens_district_map_data_get_ranking (map);
  g_assert_cmpuint (lens_district_ranking_get_n_ranked (ranking), ==, 22);
  for (guint i = 0; i < 22; i++)
    with_counts += lens_district_ranking_get_nth (ranking, i)->value > 0;
  g_assert_cmpuint (with_counts, >, 0);
  /* One $group=district request for the counts, one for the boundaries */
  g_assert_cmpuint (count_requests_for (f->portal, "$group=district"), ==, 1);
  g_assert_cmpuint (count_requests_for (f->portal, "/resource/24zt-jpfn.geojson"), ==, 1);
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (f->portal), ==, 0);
}

/* Every measure and period the map offers is one request the strict fake portal accepts */
static void
test_every_query (LensTestPortal *f,
                  gconstpointer   data)
{
  GDate end;

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, 3, 2026);
  for (guint m = 0; m < lens_compstat_get_n_rows (); m++)
    for (guint p = 0; p < LENS_MAP_N_PERIODS; p++)
      {
        g_autoptr(LensSoql) query = NULL;
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(LensQueryResult) answer = NULL;
        g_autoptr(GError) error = NULL;
        LensPeriod days;

        lens_map_period_compute (p, &end, &days);
        query = lens_district_map_build_query (m, &days);
        lens_portal_client_query_async (f->client, query, LENS_QUERY_DEFAULT, NULL, keep_result, &result);
        while (result == NULL)
          g_main_context_iteration (NULL, TRUE);
        answer = lens_portal_client_query_finish (f->client, result, &error);
        g_assert_no_error (error);
      }
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (f->portal), ==, 0);
  g_assert_cmpint (lens_map_period_from_id ("year-to-date"), ==, LENS_MAP_PERIOD_YEAR_TO_DATE);
  g_assert_cmpint (lens_map_period_from_id ("nope"), ==, -1);
}

static void
test_offline_from_cache (LensTestPortal *f,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensDistrictMapData) first = NULL;
  g_autoptr(LensDistrictMapData) cached = NULL;
  g_autoptr(LensDistrictMapData) missing = NULL;

  first = load_data (f, LENS_QUERY_DEFAULT, &error);
  g_assert_no_error (error);

  lens_portal_client_set_offline (f->client, TRUE);
  lens_fake_portal_reset_counters (f->portal);
  cached = load_data (f, LENS_QUERY_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cached);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 0);
  g_assert_true (lens_boundaries_result_get_from_cache (lens_district_map_data_get_boundaries_result (cached)));
  g_assert_cmpuint (lens_boundaries_get_n_features (lens_district_map_data_get_boundaries (cached)), ==, 25);
  g_assert_cmpfloat (lens_district_ranking_get_ranked_total (lens_district_map_data_get_ranking (cached)), ==,
                     lens_district_ranking_get_ranked_total (lens_district_map_data_get_ranking (first)));

  /* Nothing cached and offline: a translated error, not a crash */
  g_assert_true (lens_cache_clear (f->cache, NULL));
  missing = load_data (f, LENS_QUERY_DEFAULT, &error);
  g_assert_null (missing);
  g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);
}

static void
test_failure_falls_back (LensTestPortal *f,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensDistrictMapData) first = NULL;
  g_autoptr(LensDistrictMapData) stale = NULL;

  first = load_data (f, LENS_QUERY_DEFAULT, &error);
  g_assert_no_error (error);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
  stale = load_data (f, LENS_QUERY_REFRESH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lens_district_map_data_get_warning (stale));
  g_assert_true (lens_boundaries_result_get_stale (lens_district_map_data_get_boundaries_result (stale)));
}

static LensDistrictMapData *
sample_data (void)
{
  g_autoptr(GBytes) body = lens_fake_boundaries_get_body ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LensBoundariesResult) boundaries = NULL;
  LensDistrictRanking *ranking = lens_district_ranking_new ();
  LensPeriod days;
  GDate end;
  boundaries = lens_boundaries_result_new (lens_boundaries_new_from_bytes (body, &error), "test", now,
                                           FALSE, FALSE, NULL);
  g_assert_no_error (error);
  /* SYNTHETIC counts: the district number times ten, 31 left out */
  for (guint i = 0; i < lens_districts_get_count (); i++)
    {
      const LensDistrict *district = lens_districts_get_nth (i);
      g_autofree char *code = lens_district_dup_code (district);

      lens_district_ranking_add (ranking, code, district->number * 10.0);
    }
  lens_district_ranking_add (ranking, "031", 5);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, 11, 2026);
  lens_map_period_compute (LENS_MAP_PERIOD_LAST_28, &end, &days);

  return lens_district_map_data_new (boundaries, ranking, NULL, lens_map_measure_from_id ("index"),
                                     LENS_MAP_PERIOD_LAST_28, &days);
}

static void
test_draw (void)
{
  g_autoptr(LensDistrictMapData) map = sample_data ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  cairo_t *cr = cairo_create (surface);
  LensPlotStyle style;
  LensMapStats stats;
  double lo, hi, x, y;

  lens_plot_style_init_light (&style);
  lens_map_draw (map, &style, 5, LENS_MAP_DRAW_TITLE, cr, 1600, 1000, &stats);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (stats.n_districts, ==, 22);
  g_assert_cmpuint (stats.n_labels, ==, 22);
  g_assert_cmpuint (stats.n_neutral, ==, 3);
  g_assert_cmpuint (stats.n_classes, ==, 5);
  g_assert_cmpuint (stats.n_polygons, >=, 25);

  /* Classes cover 10 .. 250 in order; 31 has none */
  lens_map_get_class_range (map, 0, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 10);
  lens_map_get_class_range (map, 4, &lo, &hi);
  g_assert_cmpfloat (hi, ==, 250);
  g_assert_cmpint (lens_map_get_class (map, 1), ==, 0);
  g_assert_cmpint (lens_map_get_class (map, 25), ==, 4);
  g_assert_cmpint (lens_map_get_class (map, 31), ==, -1);

  /* Every district's label point hits that district, in both layouts */
  for (guint i = 0; i < lens_districts_get_count (); i++)
    {
      guint number = lens_districts_get_nth (i)->number;

      g_assert_true (lens_map_get_district_point (map, LENS_MAP_DRAW_TITLE, 1600, 1000, number, &x, &y));
      g_assert_cmpuint (lens_map_hit_test (map, LENS_MAP_DRAW_TITLE, 1600, 1000, x, y), ==, number);
      g_assert_true (lens_map_get_district_point (map, 0, 600, 900, number, &x, &y));
      g_assert_cmpuint (lens_map_hit_test (map, 0, 600, 900, x, y), ==, number);
    }
  /* 31 is not ranked: a click there chooses nothing */
  g_assert_true (lens_map_get_district_point (map, 0, 600, 900, 31, &x, &y));
  g_assert_cmpuint (lens_map_hit_test (map, 0, 600, 900, x, y), ==, 0);
  g_assert_cmpuint (lens_map_hit_test (map, 0, 600, 900, 1, 1), ==, 0);

  /* Dark draws the same */
  lens_plot_style_init_dark (&style);
  lens_map_draw (map, &style, 0, 0, cr, 600, 900, &stats);
  g_assert_cmpuint (stats.n_labels, ==, 22);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_words_and_csv (void)
{
  g_autoptr(LensDistrictMapData) map = sample_data ();
  g_autofree char *csv = lens_map_dup_csv (map);
  g_autofree char *text = lens_map_dup_district_text (map, 5);
  g_autofree char *title = lens_map_dup_title (map);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "\"District\",\"All index crimes\",\"Rank\"");
  g_assert_cmpstr (lines[1], ==, "25,250,1");
  g_assert_cmpstr (lines[22], ==, "1,10,22");
  g_assert_cmpstr (lines[23], ==, "");
  g_assert_cmpstr (text, ==, "District 5: 50 incidents");
  g_assert_nonnull (strstr (title, "All index crimes"));
  g_assert_nonnull (strstr (title, "Last 28 days"));
}

static void
test_export (void)
{
  g_autoptr(LensDistrictMapData) map = sample_data ();
  g_autofree char *dir = lens_test_make_dir ();
  const char *names[] = { "map.png", "map.svg", "map.pdf", "map.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (lens_map_export_to_file (map, 5, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 20);
      /* To look at them: LENS_MAP_KEEP=/some/folder */
      if (g_getenv ("LENS_MAP_KEEP") != NULL)
        {
          g_autofree char *kept = g_build_filename (g_getenv ("LENS_MAP_KEEP"), names[i], NULL);

          g_assert_true (g_file_set_contents (kept, contents, len, NULL));
        }
    }
  lens_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/district-map/load", LensTestPortal, NULL,
              lens_test_portal_fixture_set_up, test_load, lens_test_portal_fixture_tear_down);
  g_test_add ("/district-map/every-query", LensTestPortal, NULL,
              lens_test_portal_fixture_set_up, test_every_query, lens_test_portal_fixture_tear_down);
  g_test_add ("/district-map/offline-from-cache", LensTestPortal, NULL,
              lens_test_portal_fixture_set_up, test_offline_from_cache, lens_test_portal_fixture_tear_down);
  g_test_add ("/district-map/failure-falls-back", LensTestPortal, NULL,
              lens_test_portal_fixture_set_up, test_failure_falls_back, lens_test_portal_fixture_tear_down);
  g_test_add_func ("/district-map/draw", test_draw);
  g_test_add_func ("/district-map/words-and-csv", test_words_and_csv);
  g_test_add_func ("/district-map/export", test_export);

  return g_test_run ();
}
