/* test-headline.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-headline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-format.h"
#include "lens-headline.h"
#include "lens-test-util.h"

/* Headline cards against the fake portal. The numbers are SYNTHETIC. */

/* The portal, a client and its cache: lens_test_portal_fixture_set_up (). */
typedef LensTestPortal Fixture;

typedef struct
{
  gboolean      done;
  LensHeadline *headline;
  GError       *error;
} Wait;

static void
wait_clear (Wait *w)
{
  g_clear_object (&w->headline);
  g_clear_error (&w->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wait, wait_clear)

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->headline = lens_headline_load_finish (result, &w->error);
  g_assert_true ((w->headline == NULL) != (w->error == NULL));
  w->done = TRUE;
}

static void
load (Fixture     *f,
      const char  *id,
      LensFilters *filters,
      Wait        *w)
{
  LensHeadlineSpec *spec = lens_catalog_lookup_headline (lens_catalog_get_default (), id);

  g_assert_nonnull (spec);
  memset (w, 0, sizeof *w);
  lens_headline_load_async (f->client, spec, filters, LENS_QUERY_DEFAULT, NULL, load_cb, w);
  g_assert_true (lens_test_wait_flag (&w->done));
}

/* The portal's count for the inclusive range [@from, @to] */
static gint64
expected (Fixture            *f,
          const char * const *constraints,
          const GDate        *from,
          const GDate        *to)
{
  GDate end = *to;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_date_add_days (&end, 1);
  a = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (from), g_date_get_month (from), g_date_get_day (from));
  b = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
  return lens_fake_portal_expected_count (f->portal, "ijzp-q8t2", constraints, a, b);
}

static void
check_values (Fixture            *f,
              LensHeadline       *h,
              const char * const *constraints)
{
  g_autofree char *count = NULL;
  g_autofree char *change = NULL;

  g_assert_cmpfloat (lens_headline_get_current_value (h), ==,
                     expected (f, constraints, lens_headline_get_current_from (h), lens_headline_get_current_to (h)));
  g_assert_cmpfloat (lens_headline_get_previous_value (h), ==,
                     expected (f, constraints, lens_headline_get_previous_from (h), lens_headline_get_previous_to (h)));
  count = lens_format_count (lens_headline_get_current_value (h));
  change = lens_format_change (lens_headline_get_previous_value (h), lens_headline_get_current_value (h));
  g_assert_cmpstr (lens_headline_get_current_text (h), ==, count);
  g_assert_cmpstr (lens_headline_get_change_text (h), ==, change);
}

static void
assert_day (const GDate *date,
            int          year,
            int          month,
            int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* The fake portal's data are as of 6 April 2026, with the latest seven days left out: the
 * periods end on 30 March, in both years, whatever today is. */
static void
test_year_to_date (Fixture       *f,
                   gconstpointer  data)
{
  const char *d5[] = { "district=005", NULL };
  g_autoptr(LensFilters) district = lens_filters_new ();
  g_auto(Wait) w = { 0 };
  g_auto(Wait) d = { 0 };
  LensDataCoverage *coverage;

  load (f, LENS_HEADLINE_CRIME_YEAR_TO_DATE, NULL, &w);
  g_assert_no_error (w.error);
  g_assert_cmpstr (lens_headline_get_title (w.headline), ==, "Reported incidents so far this year");
  g_assert_cmpstr (lens_headline_get_page (w.headline), ==, "crime");
  g_assert_cmpstr (lens_headline_get_area_label (w.headline), ==, "Citywide");
  g_assert_nonnull (strstr (lens_headline_get_note (w.headline), "the latest day the data covers"));

  coverage = lens_headline_get_coverage (w.headline);
  g_assert_nonnull (coverage);
  assert_day (lens_data_coverage_get_last_full_day (coverage), 2026, 3, 30);

  /* The same days of both years: 1 January to the data's last full day */
  assert_day (lens_headline_get_current_from (w.headline), 2026, 1, 1);
  assert_day (lens_headline_get_current_to (w.headline), 2026, 3, 30);
  assert_day (lens_headline_get_previous_from (w.headline), 2025, 1, 1);
  assert_day (lens_headline_get_previous_to (w.headline), 2025, 3, 30);
  g_assert_cmpstr (lens_headline_get_previous_period (w.headline), ==, "1 Jan 2025 – 30 Mar 2025");
  /* Today is later than the data's 6 April: the card says where the data end */
  if (lens_data_coverage_get_ends_early (coverage))
    g_assert_cmpstr (lens_headline_get_current_period (w.headline), ==,
                     "1 Jan 2026 to 30 Mar 2026, the latest day the data covers");
  else
    g_assert_cmpstr (lens_headline_get_current_period (w.headline), ==, "1 Jan 2026 – 30 Mar 2026");

  check_values (f, w.headline, NULL);
  /* Like with like: the synthetic years differ by a few percent, never by three quarters */
  g_assert_cmpfloat (fabs (lens_headline_get_current_value (w.headline) /
                           lens_headline_get_previous_value (w.headline) - 1), <, 0.25);
  g_assert_nonnull (lens_headline_get_rows_updated_at (w.headline));
  g_assert_nonnull (lens_headline_get_fetched_at (w.headline));
  g_assert_cmpuint (g_strv_length ((char **) lens_headline_get_urls (w.headline)), ==, 2);
  g_assert_cmpstr (lens_headline_get_dataset_name (w.headline), ==, "Crimes - 2001 to Present");
  g_assert_cmpuint (g_strv_length ((char **) lens_headline_get_caveats (w.headline)), >, 0);

  lens_filters_set_district (district, 5);
  load (f, LENS_HEADLINE_CRIME_YEAR_TO_DATE, district, &d);
  g_assert_no_error (d.error);
  g_assert_cmpstr (lens_headline_get_area_label (d.headline), ==, "District 5 – Calumet");
  check_values (f, d.headline, d5);
  g_assert_nonnull (strstr (lens_headline_get_urls (d.headline)[0], "005"));
}

static void
test_latest_full_year (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Wait) w = { 0 };

  /* The data end on 30 March 2026: 2025 is the last year they complete */
  load (f, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR, NULL, &w);
  g_assert_no_error (w.error);
  assert_day (lens_headline_get_current_from (w.headline), 2025, 1, 1);
  assert_day (lens_headline_get_current_to (w.headline), 2025, 12, 31);
  g_assert_cmpstr (lens_headline_get_previous_period (w.headline), ==, "2024");
  if (lens_data_coverage_get_ends_early (lens_headline_get_coverage (w.headline)))
    g_assert_cmpstr (lens_headline_get_current_period (w.headline), ==,
                     "2025; the latest day the data covers is 30 Mar 2026");
  else
    g_assert_cmpstr (lens_headline_get_current_period (w.headline), ==, "2025");
  check_values (f, w.headline, NULL);
  g_assert_cmpfloat (lens_headline_get_previous_value (w.headline), >, 0);
}

/* The City stopped updating Crimes in June 2025: both cards are bounded by that, and say it. */
static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) june = g_date_time_new_utc (2025, 6, 15, 11, 0, 0);
  g_auto(Wait) ytd = { 0 };
  g_auto(Wait) full = { 0 };

  lens_fake_portal_set_as_of (f->portal, "ijzp-q8t2", g_date_time_to_unix (june), NULL);

  load (f, LENS_HEADLINE_CRIME_YEAR_TO_DATE, NULL, &ytd);
  g_assert_no_error (ytd.error);
  g_assert_true (lens_data_coverage_get_ends_early (lens_headline_get_coverage (ytd.headline)));
  assert_day (lens_headline_get_current_from (ytd.headline), 2025, 1, 1);
  assert_day (lens_headline_get_current_to (ytd.headline), 2025, 6, 8);
  assert_day (lens_headline_get_previous_from (ytd.headline), 2024, 1, 1);
  assert_day (lens_headline_get_previous_to (ytd.headline), 2024, 6, 8);
  g_assert_cmpstr (lens_headline_get_current_period (ytd.headline), ==,
                   "1 Jan 2025 to 8 Jun 2025, the latest day the data covers");
  g_assert_cmpstr (lens_headline_get_previous_period (ytd.headline), ==, "1 Jan 2024 – 8 Jun 2024");
  check_values (f, ytd.headline, NULL);
  g_assert_cmpfloat (lens_headline_get_current_value (ytd.headline), >, 0);
  g_assert_cmpfloat (fabs (lens_headline_get_current_value (ytd.headline) /
                           lens_headline_get_previous_value (ytd.headline) - 1), <, 0.25);

  /* 2025 is not over in the data: the latest full year is 2024 */
  load (f, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR, NULL, &full);
  g_assert_no_error (full.error);
  assert_day (lens_headline_get_current_from (full.headline), 2024, 1, 1);
  assert_day (lens_headline_get_current_to (full.headline), 2024, 12, 31);
  g_assert_cmpstr (lens_headline_get_current_period (full.headline), ==,
                   "2024; the latest day the data covers is 8 Jun 2025");
  g_assert_cmpstr (lens_headline_get_previous_period (full.headline), ==, "2023");
  check_values (f, full.headline, NULL);
}

/* A zero base gives "n/a", never "0%" or an infinite change: a headline counting an offense
 * the portal has no rows for. */
static const char zero_catalog[] =
  "{ \"format\": 1,\n"
  "  \"translatable\": { \"title\": \"chart title\", \"description\": null, \"x-title\": \"axis title\",\n"
  "                    \"y-title\": \"axis title\", \"note\": null, \"text\": null },\n"
  "  \"caveats\": [ { \"id\": \"c\", \"text\": \"C.\" } ], \"charts\": [],\n"
  "  \"fields\": { \"ijzp-q8t2\": { \"date\": \"calendar_date\", \"primary_type\": \"text\" } },\n"
  "  \"headlines\": [ { \"id\": \"h\", \"page\": \"crime\", \"dataset\": \"ijzp-q8t2\", \"title\": \"H\",\n"
  "      \"note\": \"N.\", \"unit\": \"incidents\", \"period\": \"latest-full-year\",\n"
  "      \"select\": \"count(*) AS value\", \"where\": \"primary_type = 'NO SUCH OFFENSE'\",\n"
  "      \"date-condition\": \"date >= @from AND date < @to\", \"value\": \"value\", \"caveats\": [\"c\"] } ] }\n";

static void
test_zero_base (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (zero_catalog, strlen (zero_catalog));
  g_autoptr(GError) error = NULL;
  g_autoptr(LensCatalog) catalog = lens_catalog_new_from_bytes (bytes, "charts.json", &error);
  g_auto(Wait) w = { 0 };

  g_assert_no_error (error);
  lens_headline_load_async (f->client, lens_catalog_lookup_headline (catalog, "h"), NULL,
                            LENS_QUERY_DEFAULT, NULL, load_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  g_assert_cmpfloat (lens_headline_get_current_value (w.headline), ==, 0);
  g_assert_cmpfloat (lens_headline_get_previous_value (w.headline), ==, 0);
  g_assert_cmpstr (lens_headline_get_current_text (w.headline), ==, "0");
  g_assert_cmpstr (lens_headline_get_change_text (w.headline), ==, "n/a");
}

static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Wait) w = { 0 };

  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_UNAVAILABLE, 0);
  load (f, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR, NULL, &w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_SERVER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/headline/" path, Fixture, NULL, lens_test_portal_fixture_set_up, func, \
              lens_test_portal_fixture_tear_down)

  ADD ("year-to-date", test_year_to_date);
  ADD ("latest-full-year", test_latest_full_year);
  ADD ("stale", test_stale);
  ADD ("zero-base", test_zero_base);
  ADD ("fault", test_fault);

  return g_test_run ();
}
