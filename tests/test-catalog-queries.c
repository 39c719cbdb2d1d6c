/* test-catalog-queries.c: every query the app can build is one the real portal accepts
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-catalog-queries"

#include "config.h"

#include <string.h>

#include "lens-catalog.h"
#include "lens-chart-loader.h"
#include "lens-compstat.h"
#include "lens-standing.h"
#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-headline.h"
#include "lens-test-util.h"

/* Each chart and each headline card of the shipped catalogue (data/charts.json), loaded the
 * way the window loads them, for every kind of filters, against the fake portal, which judges
 * each query by the real portal's rules (tests/lens-fake-soql.c). A chart or card added to
 * the catalogue is in here without touching this file; one the real portal would refuse
 * fails it. No cache: every query goes to the portal. */

/* The portal and a client without a cache (lens-test-util.h). */
typedef LensTestPortal Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lens_test_portal_set_up (f, 0, LENS_TEST_PORTAL_NO_CACHE);
  lens_portal_client_set_timeouts (f->client, 10, 30);
  /* Smaller pages: the longer grouped answers come in several, each with its $order, $limit
   * and $offset, as a long answer does on the real portal. */
  if (data != NULL)
    lens_portal_client_set_page_size (f->client, GPOINTER_TO_UINT (data));
}

typedef struct
{
  gboolean  done;
  GObject  *result;
  GError   *error;
} Wait;

static void
chart_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *w = user_data;

  w->result = G_OBJECT (lens_chart_loader_load_finish (result, &w->error));
  w->done = TRUE;
}

static void
headline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *w = user_data;

  w->result = G_OBJECT (lens_headline_load_finish (result, &w->error));
  w->done = TRUE;
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *w = user_data;

  w->result = G_OBJECT (lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &w->error));
  w->done = TRUE;
}

static void
spin (Wait *w)
{
  g_assert_true (lens_test_wait_flag (&w->done));
}

static GDate *
date_new (int year,
          int month,
          int day)
{
  return g_date_new_dmy (day, month, year);
}

/* The kinds of filters a person can choose: citywide or a district, with or without a
 * comparison, over a short and a long range. */
static GPtrArray *
filter_variants (void)
{
  static const struct {
    guint       district;
    LensCompare compare;
    guint       compare_district;
  } areas[] = {
    { 0, LENS_COMPARE_NONE, 0 },
    { 5, LENS_COMPARE_NONE, 0 },
    { 5, LENS_COMPARE_CITYWIDE, 0 },
    { 5, LENS_COMPARE_DISTRICT, 12 },
    { 0, LENS_COMPARE_DISTRICT, 25 },
  };
  g_autoptr(GDate) short_from = date_new (2025, 2, 3);
  g_autoptr(GDate) short_to = date_new (2025, 2, 16);
  g_autoptr(GDate) day = date_new (2024, 7, 4);
  g_autoptr(GDate) long_from = date_new (2019, 1, 1);
  g_autoptr(GDate) long_to = date_new (2026, 3, 31);
  const GDate *ranges[][2] = { { short_from, short_to }, { day, day }, { long_from, long_to } };
  GPtrArray *variants = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_filters_unref);

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      /* The app's own default range too: five years up to today. */
      LensFilters *filters = lens_filters_new ();

      lens_filters_set_district (filters, areas[a].district);
      lens_filters_set_compare (filters, areas[a].compare, areas[a].compare_district);
      g_assert_true (lens_filters_validate (filters, NULL));
      g_ptr_array_add (variants, filters);

      for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
        {
          filters = lens_filters_copy (g_ptr_array_index (variants, variants->len - 1));
          lens_filters_set_range (filters, ranges[r][0], ranges[r][1]);
          g_assert_true (lens_filters_validate (filters, NULL));
          g_ptr_array_add (variants, filters);
        }
    }

  /* Compare as: the index and the share are drawn from the same answers, except that two
   * districts as shares of the city ask for the citywide totals too (the same grouped query
   * without the district condition). Last, so that the indices above stay as they are. */
  {
    LensFilters *filters = lens_filters_new ();

    lens_filters_set_district (filters, 5);
    lens_filters_set_compare (filters, LENS_COMPARE_DISTRICT, 12);
    lens_filters_set_compare_as (filters, LENS_COMPARE_AS_SHARE);
    lens_filters_set_range (filters, long_from, long_to);
    g_ptr_array_add (variants, filters);

    filters = lens_filters_copy (filters);
    lens_filters_set_compare (filters, LENS_COMPARE_CITYWIDE, 0);
    lens_filters_set_compare_as (filters, LENS_COMPARE_AS_INDEX);
    g_ptr_array_add (variants, filters);
  }

  return variants;
}

static void
assert_all_judged_and_accepted (Fixture *f)
{
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);
  /* "Accepted" means judged: no query of the app is beyond the model of the rules. */
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (f->portal), ==, 0);
}

static void
test_every_chart (Fixture       *f,
                  gconstpointer  data)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GPtrArray) variants = filter_variants ();
  guint n_loads = 0;

  /* In pages: a district with a comparison over the long range (many groups, many pages),
   * and citywide over a short one. Every page costs the fake a whole answer. */
  if (data != NULL)
    {
      g_autoptr(GPtrArray) all = g_steal_pointer (&variants);

      variants = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_filters_unref);
      g_ptr_array_add (variants, lens_filters_ref (g_ptr_array_index (all, 1)));
      g_ptr_array_add (variants, lens_filters_ref (g_ptr_array_index (all, 11)));
    }

  g_assert_cmpuint (lens_catalog_get_n_charts (catalog), >, 0);

  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    for (guint v = 0; v < variants->len; v++)
      {
        LensChartSpec *spec = lens_catalog_get_chart (catalog, i);
        LensFilters *filters = g_ptr_array_index (variants, v);
        Wait w = { 0 };

        lens_chart_loader_load_async (f->client, spec, filters, LENS_QUERY_DEFAULT, NULL, chart_cb, &w);
        spin (&w);
        if (w.error != NULL)
          {
            g_autofree char *described = lens_filters_describe (filters);

            g_error ("Chart “%s” for %s: %s", spec->id, described, w.error->message);
          }
        g_clear_object (&w.result);
        n_loads++;
      }

  g_test_message ("%u chart loads, %u requests", n_loads, lens_fake_portal_get_n_requests (f->portal));
  assert_all_judged_and_accepted (f);

  if (data != NULL)
    {
      g_auto(GStrv) log = lens_fake_portal_dup_request_log (f->portal);
      guint n_later_pages = 0;

      for (guint i = 0; log[i] != NULL; i++)
        if (strstr (log[i], "$offset=") != NULL)
          n_later_pages++;
      g_assert_cmpuint (n_later_pages, >, 0);
    }
}

static void
test_every_headline (Fixture       *f,
                     gconstpointer  data)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GPtrArray) variants = filter_variants ();
  g_auto(GStrv) log = NULL;
  guint n_headline_requests = 0;

  g_assert_cmpuint (lens_catalog_get_n_headlines (catalog), >, 0);

  for (guint i = 0; i < lens_catalog_get_n_headlines (catalog); i++)
    for (guint v = 0; v < variants->len; v++)
      {
        LensHeadlineSpec *spec = lens_catalog_get_headline (catalog, i);
        LensFilters *filters = g_ptr_array_index (variants, v);
        Wait w = { 0 };

        lens_headline_load_async (f->client, spec, filters, LENS_QUERY_DEFAULT, NULL, headline_cb, &w);
        spin (&w);
        if (w.error != NULL)
          {
            g_autofree char *described = lens_filters_describe (filters);

            g_error ("Headline “%s” for %s: %s", spec->id, described, w.error->message);
          }
        g_clear_object (&w.result);
      }

  assert_all_judged_and_accepted (f);

  /* One number each: sent as it is, without the $order or $limit of paging. */
  log = lens_fake_portal_dup_request_log (f->portal);
  for (guint i = 0; log[i] != NULL; i++)
    {
      if (!g_str_has_prefix (log[i], "/resource/") || strstr (log[i], "$group") != NULL)
        continue;
      g_assert_null (strstr (log[i], "$order"));
      g_assert_null (strstr (log[i], "$limit"));
      g_assert_null (strstr (log[i], "$offset"));
      /* Each load also asks for the data's last day (lens-data-coverage), one row too. */
      if (strstr (log[i], "AS last_date") == NULL)
        n_headline_requests++;
    }
  g_assert_cmpuint (n_headline_requests, ==, 2 * lens_catalog_get_n_headlines (catalog) * variants->len);
}

static void
compstat_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *w = user_data;

  w->result = G_OBJECT (lens_compstat_load_finish (result, &w->error));
  w->done = TRUE;
}

/* The CompStat table (lens-compstat.h, categories from data/compstat.json): citywide and
 * each district, one request each besides the data's coverage, every one accepted. */
static void
test_compstat (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) log = NULL;
  guint n_compstat = 0;

  for (guint d = 0; d <= lens_districts_get_count (); d++)
    {
      guint district = d == 0 ? 0 : lens_districts_get_nth (d - 1)->number;
      Wait w = { 0 };

      lens_compstat_load_async (f->client, district, LENS_QUERY_DEFAULT, NULL, compstat_cb, &w);
      spin (&w);
      g_assert_no_error (w.error);
      g_clear_object (&w.result);
    }

  assert_all_judged_and_accepted (f);
  log = lens_fake_portal_dup_request_log (f->portal);
  for (guint i = 0; log[i] != NULL; i++)
    if (strstr (log[i], "sum(case(") != NULL)
      n_compstat++;
  g_assert_cmpuint (n_compstat, ==, lens_districts_get_count () + 1);
}

static void
areas_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *w = user_data;
  GPtrArray *tables = lens_compstat_load_areas_finish (result, &w->error);

  g_clear_pointer (&tables, g_ptr_array_unref);
  w->done = TRUE;
}

static void
standing_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *w = user_data;

  w->result = G_OBJECT (lens_standing_load_finish (result, &w->error));
  w->done = TRUE;
}

/* The CompStat tables with the shooting victims row, and where the districts stand for every
 * measure and both periods: one `$group=district` request each, every one accepted. */
static void
test_standing (Fixture       *f,
               gconstpointer  data)
{
  static const guint areas[] = { 5, 0, 12 };
  static const LensCompstatWindow windows[] = { LENS_COMPSTAT_YEAR_TO_DATE, LENS_COMPSTAT_LAST_28 };
  g_auto(GStrv) log = NULL;
  guint n_ranking = 0, n_victims = 0;
  Wait w = { 0 };

  lens_compstat_load_areas_async (f->client, areas, G_N_ELEMENTS (areas), TRUE, LENS_QUERY_DEFAULT,
                                  NULL, areas_cb, &w);
  spin (&w);
  g_assert_no_error (w.error);

  for (guint m = 0; m < lens_standing_get_n_measures (); m++)
    for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
      {
        Wait ws = { 0 };

        lens_standing_load_async (f->client, m, windows[i], LENS_QUERY_DEFAULT, NULL, standing_cb, &ws);
        spin (&ws);
        g_assert_no_error (ws.error);
        g_clear_object (&ws.result);
      }

  assert_all_judged_and_accepted (f);
  log = lens_fake_portal_dup_request_log (f->portal);
  for (guint i = 0; log[i] != NULL; i++)
    {
      if (strstr (log[i], "$group=district") != NULL)
        n_ranking++;
      if (strstr (log[i], LENS_DATASET_VICTIMS) != NULL && strstr (log[i], "sum(case(") != NULL)
        n_victims++;
    }
  g_assert_cmpuint (n_ranking, ==, 2 * lens_standing_get_n_measures ());
  g_assert_cmpuint (n_victims, ==, G_N_ELEMENTS (areas));
}

/* The portal's rules are the ones the fake enforces: the request the client used to send for
 * the Overview's cards is refused. */
static void
test_old_headline_query_refused (Fixture       *f,
                                 gconstpointer  data)
{
  LensHeadlineSpec *spec = lens_catalog_lookup_headline (lens_catalog_get_default (),
                                                         LENS_HEADLINE_CRIME_YEAR_TO_DATE);
  g_autoptr(GDate) from = date_new (2026, 1, 1);
  g_autoptr(GDate) to = date_new (2026, 3, 25);
  g_autoptr(LensSoql) query = lens_headline_spec_build_query (spec, 0, from, to, NULL);
  g_autoptr(LensSoql) paged = lens_soql_copy (query);
  g_auto(GStrv) log = NULL;
  Wait w = { 0 };

  g_assert_cmpint (lens_soql_get_shape (query), ==, LENS_SOQL_SHAPE_AGGREGATE);
  /* Paged the way it was: ordered by :id, with a page's $limit. Below a page, so the client
   * sends it as it is. */
  lens_soql_set_order (paged, ":id");
  lens_soql_set_limit (paged, 50000);
  lens_portal_client_query_async (f->client, paged, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  spin (&w);

  g_assert_null (w.result);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_true (lens_portal_error_is_refused_query (w.error));
  g_assert_cmpstr (lens_portal_error_get_code (w.error), ==, "query.soql.column-not-in-group-bys");
  g_assert_nonnull (strstr (lens_portal_error_get_url (w.error), "$order=:id"));
  g_assert_nonnull (strstr (lens_portal_error_get_portal_message (w.error), "Column ':id' is not in group by"));
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 1);
  g_clear_error (&w.error);

  log = lens_fake_portal_dup_request_log (f->portal);
  g_assert_cmpuint (g_strv_length (log), ==, 1);
  g_assert_nonnull (strstr (log[0], "$select=count(*) AS value&$where=(date >= '2026-01-01T00:00:00' AND date < '2026-03-26T00:00:00')&$order=:id&$limit=50000"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_setup, func, lens_test_portal_fixture_tear_down)
  ADD ("/catalog-queries/every-chart", NULL, test_every_chart);
  ADD ("/catalog-queries/every-chart-paged", GUINT_TO_POINTER (500), test_every_chart);
  ADD ("/catalog-queries/every-headline", NULL, test_every_headline);
  ADD ("/catalog-queries/compstat", NULL, test_compstat);
  ADD ("/catalog-queries/standing", NULL, test_standing);
  ADD ("/catalog-queries/old-headline-query-refused", NULL, test_old_headline_query_refused);
#undef ADD

  return g_test_run ();
}
