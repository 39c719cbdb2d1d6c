/* test-chart-compare.c: a comparison loaded as counts, an index or a share of the city
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-compare"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-chart-loader.h"
#include "lens-describe.h"
#include "lens-test-util.h"

/* The loader against the fake portal over loopback. Every number is SYNTHETIC: the test
 * transforms by hand the counts the fake portal served and checks the loader drew those. */

typedef LensTestPortal Fixture;

typedef struct
{
  gboolean       done;
  LensChartData *data;
  GError        *error;
} Wait;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->data = lens_chart_loader_load_finish (result, &w->error);
  w->done = TRUE;
}

/* Loads @chart with the filters of @args ("--district=5 --compare=citywide ..."). */
static LensChartData *
load (Fixture    *f,
      const char *chart,
      const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_auto(GStrv) argv = g_strsplit (args, " ", -1);
  Wait w = { 0 };

  g_assert_true (lens_filters_parse_args (filters, (const char * const *) argv, &error));
  g_assert_no_error (error);
  lens_chart_loader_load_async (f->client,
                                lens_catalog_lookup_chart (lens_catalog_get_default (), chart),
                                filters, LENS_QUERY_DEFAULT, NULL, load_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  return w.data;
}

/* What the fake portal counts in @year for @district (0: citywide) */
static double
count (Fixture *f,
       guint    district,
       int      year)
{
  g_autofree char *from = g_strdup_printf ("%d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);
  g_autofree char *condition = g_strdup_printf ("district=%03u", district);
  const char *constraints[] = { condition, NULL };

  return lens_fake_portal_expected_count (f->portal, "ijzp-q8t2",
                                          district != 0 ? constraints : NULL, from, to);
}

#define FIRST 2020
#define LAST 2024
#define RANGE "--from=2020-01-01 --to=2024-12-31"

/* The counts beside the drawn values: vectors named as the areas, the portal's numbers */
static void
check_counts (Fixture    *f,
              LensSeries *series,
              guint       n_vectors,
              const guint *districts)
{
  LensSeries *counts = lens_series_get_counts (series);

  g_assert_nonnull (counts);
  g_assert_cmpuint (lens_series_get_n_vectors (counts), ==, n_vectors);
  g_assert_cmpuint (lens_series_get_n_labels (counts), ==, lens_series_get_n_labels (series));
  for (guint v = 0; v < n_vectors; v++)
    for (int year = FIRST; year <= LAST; year++)
      g_assert_cmpfloat (lens_series_get_value (counts, v, year - FIRST), ==,
                         count (f, districts[v], year));
}

static void
test_share_citywide (Fixture       *f,
                     gconstpointer  data)
{
  /* No --compare-as: citywide is read as a share by default */
  g_autoptr(LensChartData) share = load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR,
                                         "--district=5 --compare=citywide " RANGE);
  g_autoptr(LensChartData) counts = load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR,
                                          "--district=5 --compare=citywide --compare-as=counts " RANGE);
  LensSeries *series = lens_chart_data_get_series (share);
  const guint districts[] = { 5, 0 };
  g_auto(GStrv) columns = lens_chart_data_dup_column_names (share);
  g_autoptr(LensChartDocument) document = lens_chart_data_to_document (share);
  g_autofree char *csv = lens_chart_export_to_csv (document);
  g_auto(GStrv) footer = lens_chart_data_dup_footer_lines (share);
  g_autofree char *point = NULL;
  g_autofree char *shown = NULL;
  const char * const *urls = lens_chart_data_get_urls (share);
  const char * const *count_urls = lens_chart_data_get_urls (counts);

  g_assert_cmpint (lens_chart_data_get_compare_as (share), ==, LENS_COMPARE_AS_SHARE);
  /* Citywide as a share of itself is 100 everywhere: only the district is drawn */
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 1);
  g_assert_cmpstr (lens_series_get_vector_name (series, 0), ==,
                   "District 5 – Calumet, share of the city’s total (%)");
  g_assert_true (lens_series_get_percent (series));
  g_assert_cmpstr (lens_series_get_unit (series), ==, "percent");
  g_assert_cmpstr (lens_chart_data_get_y_title (share), ==, "Share of the city’s total (%)");
  for (int year = FIRST; year <= LAST; year++)
    g_assert_cmpfloat_with_epsilon (lens_series_get_value (series, 0, year - FIRST),
                                    100.0 * count (f, 5, year) / count (f, 0, year), 1e-9);
  check_counts (f, series, 2, districts);

  /* The same two requests as the counts: transformed here, not on the portal */
  g_assert_cmpuint (g_strv_length ((char **) urls), ==, 2);
  g_assert_cmpstr (urls[0], ==, count_urls[0]);
  g_assert_cmpstr (urls[1], ==, count_urls[1]);
  g_assert_null (lens_series_get_counts (lens_chart_data_get_series (counts)));
  g_assert_cmpint (lens_chart_data_get_compare_as (counts), ==, LENS_COMPARE_AS_COUNTS);
  g_assert_cmpstr (lens_chart_data_get_y_title (counts), ==, "Incidents");

  /* The table and the CSV: the share, then the counts it came from */
  g_assert_cmpstr (columns[1], ==, "District 5 – Calumet, share of the city’s total (%)");
  g_assert_cmpstr (columns[2], ==, "District 5 – Calumet (counts)");
  g_assert_cmpstr (columns[3], ==, "Citywide (counts)");
  g_assert_null (columns[4]);
  g_assert_true (g_str_has_prefix (csv, "Year,\"District 5 – Calumet, share of the city’s total (%)\","
                                        "District 5 – Calumet (counts),Citywide (counts)\r\n"));
  {
    g_autofree char *line = g_strdup_printf ("\r\n2021,%s,%.0f,%.0f\r\n", "%s",
                                             count (f, 5, 2021), count (f, 0, 2021));
    g_auto(GStrv) parts = g_strsplit (line, "%s", 2);
    const char *start = strstr (csv, parts[0]);
    char *end = NULL;

    /* "2021,<share>,<district>,<city>" */
    g_assert_nonnull (start);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (start + strlen (parts[0]), &end),
                                    100.0 * count (f, 5, 2021) / count (f, 0, 2021), 1e-9);
    g_assert_true (g_str_has_prefix (end, parts[1]));
  }

  /* The footer and the spoken point say which is shown */
  g_assert_cmpstr (footer[0], ==, "District 5 – Calumet compared with citywide as a share of "
                                  "the city’s total, 1 Jan 2020 – 31 Dec 2024");
  point = lens_describe_point (series, 1);
  g_assert_true (g_str_has_prefix (point, "2021: District 5 – Calumet, share of the city’s total (%) "));
  g_assert_true (g_str_has_suffix (point, " incidents)"));
  shown = lens_describe_compare_as (series);
  g_assert_cmpstr (shown, ==, "Shown as shares of the city’s total, in percent; the table has the counts.");
}

static void
test_index (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LensChartData) index = load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR,
                                         "--district=5 --compare=citywide --compare-as=index " RANGE);
  LensSeries *series = lens_chart_data_get_series (index);
  const guint districts[] = { 5, 0 };
  g_auto(GStrv) columns = lens_chart_data_dup_column_names (index);
  g_autoptr(LensChartData) months = NULL;

  g_assert_cmpint (lens_chart_data_get_compare_as (index), ==, LENS_COMPARE_AS_INDEX);
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 2);
  g_assert_cmpstr (lens_series_get_vector_name (series, 0), ==, "District 5 – Calumet, first year = 100");
  g_assert_cmpstr (lens_series_get_vector_name (series, 1), ==, "Citywide, first year = 100");
  g_assert_false (lens_series_get_percent (series));
  g_assert_null (lens_series_get_unit (series));
  g_assert_cmpstr (lens_chart_data_get_y_title (index), ==, "Index, first year = 100");
  for (guint v = 0; v < 2; v++)
    for (int year = FIRST; year <= LAST; year++)
      g_assert_cmpfloat_with_epsilon (lens_series_get_value (series, v, year - FIRST),
                                      100.0 * count (f, districts[v], year) / count (f, districts[v], FIRST),
                                      1e-9);
  g_assert_cmpfloat (lens_series_get_value (series, 0, 0), ==, 100);
  check_counts (f, series, 2, districts);
  g_assert_cmpstr (columns[3], ==, "District 5 – Calumet (counts)");
  g_assert_cmpstr (columns[4], ==, "Citywide (counts)");

  /* Months: the first month is 100 */
  months = load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH,
                 "--district=5 --compare=citywide --compare-as=index --from=2024-01-01 --to=2024-12-31");
  g_assert_cmpstr (lens_series_get_vector_name (lens_chart_data_get_series (months), 0), ==,
                   "District 5 – Calumet, first month = 100");
  g_assert_cmpstr (lens_chart_data_get_y_title (months), ==, "Index, first month = 100");
}

/* Two districts as shares of the city: one more request, the same query for the whole city */
static void
test_share_districts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LensChartData) share = load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR,
                                         "--district=5 --compare=7 --compare-as=share " RANGE);
  g_autoptr(LensChartData) counts = load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR,
                                          "--district=5 --compare=7 " RANGE);
  LensSeries *series = lens_chart_data_get_series (share);
  const guint districts[] = { 5, 7, 0 };
  const char * const *urls = lens_chart_data_get_urls (share);
  g_auto(GStrv) columns = lens_chart_data_dup_column_names (share);

  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 2);
  g_assert_cmpstr (lens_series_get_vector_name (series, 1), ==,
                   "District 7 – Englewood, share of the city’s total (%)");
  for (guint v = 0; v < 2; v++)
    for (int year = FIRST; year <= LAST; year++)
      g_assert_cmpfloat_with_epsilon (lens_series_get_value (series, v, year - FIRST),
                                      100.0 * count (f, districts[v], year) / count (f, 0, year),
                                      1e-9);
  check_counts (f, series, 3, districts);
  g_assert_cmpstr (columns[5], ==, "Citywide (counts)");

  g_assert_cmpuint (g_strv_length ((char **) urls), ==, 3);
  g_assert_nonnull (strstr (urls[0], "005"));
  g_assert_nonnull (strstr (urls[1], "007"));
  g_assert_null (strstr (urls[2], "district"));
  /* Another district alone defaults to counts: two requests, no transform */
  g_assert_cmpint (lens_chart_data_get_compare_as (counts), ==, LENS_COMPARE_AS_COUNTS);
  g_assert_cmpuint (g_strv_length ((char **) lens_chart_data_get_urls (counts)), ==, 2);
}

/* Where a mode does not apply the chart keeps its own numbers, and says nothing else */
static void
test_not_applicable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LensChartData) rate = load (f, LENS_CHART_CRIME_ARREST_SHARE,
                                        "--district=5 --compare=citywide --compare-as=share " RANGE);
  g_autoptr(LensChartData) top_index = load (f, LENS_CHART_CRIME_TOP_OFFENSES,
                                             "--district=5 --compare=citywide --compare-as=index " RANGE);
  g_autoptr(LensChartData) top_share = load (f, LENS_CHART_CRIME_TOP_OFFENSES,
                                             "--district=5 --compare=citywide --compare-as=share " RANGE);
  g_auto(GStrv) footer = lens_chart_data_dup_footer_lines (rate);
  LensSeries *series;

  /* A percentage of arrests is not a part of the city's percentage */
  g_assert_cmpint (lens_chart_data_get_compare_as (rate), ==, LENS_COMPARE_AS_COUNTS);
  g_assert_cmpuint (lens_series_get_n_vectors (lens_chart_data_get_series (rate)), ==, 2);
  g_assert_cmpstr (footer[0], ==, "District 5 – Calumet compared with citywide, 1 Jan 2020 – 31 Dec 2024");
  /* Categories have no first period */
  g_assert_cmpint (lens_chart_data_get_compare_as (top_index), ==, LENS_COMPARE_AS_COUNTS);
  /* ... but each has a share of the city's */
  g_assert_cmpint (lens_chart_data_get_compare_as (top_share), ==, LENS_COMPARE_AS_SHARE);
  series = lens_chart_data_get_series (top_share);
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    g_assert_cmpfloat_with_epsilon (lens_series_get_value (series, 0, i),
                                    100.0 * lens_series_get_value (lens_series_get_counts (series), 0, i) /
                                    lens_series_get_value (lens_series_get_counts (series), 1, i), 1e-9);
}

/* A zero base is "n/a": not 0, not infinity */
static void
test_zero_base (void)
{
  g_autoptr(LensSeries) counts = lens_series_new ();
  g_autoptr(LensSeries) index = lens_series_new ();
  double values[] = { 0, 4 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *point = NULL;
  g_auto(GStrv) row = NULL;

  lens_series_set_unit (counts, "incidents");
  lens_series_add_vector (counts, "District 5 (synthetic)");
  lens_series_add_label (counts, "2020");
  lens_series_add_label (counts, "2021");
  lens_series_set_value (counts, 0, 0, values[0]);
  lens_series_set_value (counts, 0, 1, values[1]);

  lens_series_add_vector (index, "District 5 (synthetic), first year = 100");
  lens_series_add_label (index, "2020");
  lens_series_add_label (index, "2021");
  lens_compare_as_index (values, 2, values);
  lens_series_set_value (index, 0, 0, values[0]);
  lens_series_set_value (index, 0, 1, values[1]);
  lens_series_set_counts (index, counts, LENS_COMPARE_AS_INDEX);

  first = lens_describe_cell (index, 0, 0);
  second = lens_describe_cell (index, 0, 1);
  g_assert_cmpstr (first, ==, "n/a");
  g_assert_cmpstr (second, ==, "n/a");
  point = lens_describe_point (index, 1);
  g_assert_cmpstr (point, ==, "2021: District 5 (synthetic), first year = 100 n/a (4 incidents)");
  row = lens_describe_row (index, 1);
  g_assert_cmpstr (row[1], ==, "n/a");
  g_assert_cmpstr (row[2], ==, "4 incidents");
  g_assert_null (row[3]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/chart-compare/" path, Fixture, NULL, lens_test_portal_fixture_set_up, func, \
              lens_test_portal_fixture_tear_down)
  ADD ("share-citywide", test_share_citywide);
  ADD ("index", test_index);
  ADD ("share-districts", test_share_districts);
  ADD ("not-applicable", test_not_applicable);
#undef ADD
  g_test_add_func ("/chart-compare/zero-base", test_zero_base);

  return g_test_run ();
}
