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
#include "lens-fake-portal.h"
#include "lens-format.h"
#include "lens-headline.h"

/* Headline cards against the fake portal. The numbers are SYNTHETIC. */

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
  lens_portal_client_set_retry_policy (f->client, 1, 10, 20);
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
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
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
test_year_to_date (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) lagged = g_date_time_add_days (now, -7);
  const char *d5[] = { "district=005", NULL };
  g_autoptr(LensFilters) district = lens_filters_new ();
  g_auto(Wait) w = { 0 };
  g_auto(Wait) d = { 0 };
  const GDate *to;

  load (f, LENS_HEADLINE_CRIME_YEAR_TO_DATE, NULL, &w);
  g_assert_no_error (w.error);
  g_assert_cmpstr (lens_headline_get_title (w.headline), ==, "Reported incidents so far this year");
  g_assert_cmpstr (lens_headline_get_page (w.headline), ==, "crime");
  g_assert_cmpstr (lens_headline_get_area_label (w.headline), ==, "Citywide");
  g_assert_nonnull (strstr (lens_headline_get_note (w.headline), "seven days ago"));

  /* Both windows end seven days ago, a year apart */
  to = lens_headline_get_current_to (w.headline);
  g_assert_cmpint (g_date_get_year (to), ==, g_date_time_get_year (lagged));
  g_assert_cmpint (g_date_get_month (to), ==, g_date_time_get_month (lagged));
  g_assert_cmpint (g_date_get_day (to), ==, g_date_time_get_day_of_month (lagged));
  g_assert_cmpint (g_date_get_year (lens_headline_get_previous_to (w.headline)), ==, g_date_get_year (to) - 1);
  g_assert_cmpint (g_date_get_month (lens_headline_get_previous_to (w.headline)), ==, g_date_get_month (to));
  g_assert_cmpint (g_date_get_day (lens_headline_get_current_from (w.headline)), ==, 1);
  g_assert_cmpint (g_date_get_month (lens_headline_get_current_from (w.headline)), ==, 1);

  check_values (f, w.headline, NULL);
  g_assert_nonnull (lens_headline_get_rows_updated_at (w.headline));
  g_assert_nonnull (lens_headline_get_fetched_at (w.headline));
  g_assert_cmpuint (g_strv_length ((char **) lens_headline_get_urls (w.headline)), ==, 2);
  g_assert_cmpstr (lens_headline_get_dataset_name (w.headline), ==, "Crimes - 2001 to Present");
  g_assert_nonnull (strstr (lens_headline_get_current_period (w.headline), " – "));
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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *last = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);
  g_autofree char *before = g_strdup_printf ("%d", g_date_time_get_year (now) - 2);
  g_auto(Wait) w = { 0 };

  load (f, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR, NULL, &w);
  g_assert_no_error (w.error);
  g_assert_cmpstr (lens_headline_get_current_period (w.headline), ==, last);
  g_assert_cmpstr (lens_headline_get_previous_period (w.headline), ==, before);
  check_values (f, w.headline, NULL);
  g_assert_cmpfloat (lens_headline_get_previous_value (w.headline), >, 0);
}

/* A zero base gives "n/a", never "0%" or an infinite change: a headline counting an offense
 * the portal has no rows for. */
static const char zero_catalog[] =
  "{ \"format\": 1,\n"
  "  \"translatable\": { \"title\": \"chart title\", \"description\": null, \"x-title\": \"axis title\",\n"
  "                    \"y-title\": \"axis title\", \"unit\": \"unit\", \"note\": null, \"text\": null },\n"
  "  \"caveats\": [ { \"id\": \"c\", \"text\": \"C.\" } ], \"charts\": [],\n"
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
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
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
  g_test_add ("/headline/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("year-to-date", test_year_to_date);
  ADD ("latest-full-year", test_latest_full_year);
  ADD ("zero-base", test_zero_base);
  ADD ("fault", test_fault);

  return g_test_run ();
}
