/* test-district-ranking.c: the 22 districts' order, ties, and what is not ranked
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-district-ranking.h"
#include "lens-districts.h"
#include "lens-datasets.h"
#include "lens-portal-error.h"
#include "lens-test-util.h"

static void
test_order (void)
{
  g_autoptr(LensDistrictRanking) ranking = lens_district_ranking_new ();
  const LensDistrictStanding *standing;

  /* As a `$group=district` answer spells its codes */
  lens_district_ranking_add (ranking, "011", 900);
  lens_district_ranking_add (ranking, "006", 700);
  lens_district_ranking_add (ranking, "005", 800);
  lens_district_ranking_add (ranking, "1", 10);

  g_assert_cmpuint (lens_district_ranking_get_n_ranked (ranking), ==, 22);
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 0)->district, ==, 11);
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 0)->rank, ==, 1);
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 1)->district, ==, 5);
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 2)->district, ==, 6);
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 3)->district, ==, 1);

  standing = lens_district_ranking_lookup (ranking, 5);
  g_assert_nonnull (standing);
  g_assert_cmpuint (standing->rank, ==, 2);
  g_assert_cmpfloat (standing->value, ==, 800);
  g_assert_cmpuint (lens_district_ranking_count_tied (ranking, standing), ==, 1);
  g_assert_cmpfloat (lens_district_ranking_get_ranked_total (ranking), ==, 2410);
}

/* Standard competition ranking: equal counts share the best rank, the next one skips */
static void
test_ties (void)
{
  g_autoptr(LensDistrictRanking) ranking = lens_district_ranking_new ();
  const LensDistrictStanding *standing;

  lens_district_ranking_add (ranking, "001", 50);
  lens_district_ranking_add (ranking, "024", 30);
  lens_district_ranking_add (ranking, "002", 30);
  lens_district_ranking_add (ranking, "003", 10);

  g_assert_cmpuint (lens_district_ranking_lookup (ranking, 1)->rank, ==, 1);
  g_assert_cmpuint (lens_district_ranking_lookup (ranking, 2)->rank, ==, 2);
  g_assert_cmpuint (lens_district_ranking_lookup (ranking, 24)->rank, ==, 2);
  g_assert_cmpuint (lens_district_ranking_lookup (ranking, 3)->rank, ==, 4);
  /* Equal values in district number order */
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 1)->district, ==, 2);
  g_assert_cmpuint (lens_district_ranking_get_nth (ranking, 2)->district, ==, 24);

  standing = lens_district_ranking_lookup (ranking, 24);
  g_assert_cmpuint (lens_district_ranking_count_tied (ranking, standing), ==, 2);

  /* The 18 districts without a row share the last rank */
  standing = lens_district_ranking_lookup (ranking, 25);
  g_assert_cmpfloat (standing->value, ==, 0);
  g_assert_cmpuint (standing->rank, ==, 5);
  g_assert_cmpuint (lens_district_ranking_count_tied (ranking, standing), ==, 18);
}

/* District 31, codes of no current district and empty codes are added up apart */
static void
test_unranked (void)
{
  g_autoptr(LensDistrictRanking) ranking = lens_district_ranking_new ();

  lens_district_ranking_add (ranking, "031", 7);
  lens_district_ranking_add (ranking, "013", 2);
  lens_district_ranking_add (ranking, "", 1);
  lens_district_ranking_add (ranking, NULL, 1);
  lens_district_ranking_add (ranking, "005", 3);
  lens_district_ranking_add (ranking, "5", 4);

  g_assert_null (lens_district_ranking_lookup (ranking, 31));
  g_assert_null (lens_district_ranking_lookup (ranking, 13));
  g_assert_cmpfloat (lens_district_ranking_get_unranked_total (ranking), ==, 11);
  g_assert_cmpfloat (lens_district_ranking_lookup (ranking, 5)->value, ==, 7);
  g_assert_cmpuint (lens_district_ranking_lookup (ranking, 5)->rank, ==, 1);
}

typedef struct
{
  gboolean         done;
  LensQueryResult *result;
  GError          *error;
} Wait;

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *w = user_data;

  w->result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &w->error);
  w->done = TRUE;
}

static LensTable *
run_query (LensTestPortal *f,
           LensSoql       *query)
{
  Wait w = { 0 };
  LensTable *table;

  lens_portal_client_query_async (f->client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  table = lens_table_ref (lens_query_result_get_table (w.result));
  g_object_unref (w.result);

  return table;
}

/* One `$group=district` request, aggregated on the (strict) fake portal; a district's standing
 * is the count of the same query filtered on that district (the fake data's model: a grouped
 * row equals the filtered query, see lens-fake-data.c). */
static void
test_portal (LensTestPortal *f,
             gconstpointer   data)
{
  g_autoptr(LensSoql) query = lens_district_ranking_build_query (LENS_DATASET_CRIMES, "district");
  g_autoptr(LensSoql) district_5 = lens_soql_new (LENS_DATASET_CRIMES);
  g_autoptr(LensDistrictRanking) ranking = lens_district_ranking_new ();
  g_autoptr(LensTable) table = NULL;
  g_autoptr(LensTable) total = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  lens_soql_add_where (query, "date >= '2024-01-01T00:00:00' AND date < '2025-01-01T00:00:00'");
  lens_soql_set_select (district_5, "count(*) AS n");
  lens_soql_add_where (district_5, "date >= '2024-01-01T00:00:00' AND date < '2025-01-01T00:00:00'");
  lens_soql_add_where (district_5, "district = '005'");

  before = lens_fake_portal_get_n_requests (f->portal);
  table = run_query (f, query);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal) - before, ==, 1);
  g_assert_true (lens_district_ranking_add_table (ranking, table, &error));
  g_assert_no_error (error);

  total = run_query (f, district_5);
  g_assert_cmpfloat (lens_district_ranking_lookup (ranking, 5)->value,
                     ==, lens_table_get_number (total, 0, 0));
  g_assert_cmpfloat (lens_district_ranking_get_ranked_total (ranking), >, 0);

  /* Ranks never rise down the list */
  for (guint i = 1; i < lens_district_ranking_get_n_ranked (ranking); i++)
    g_assert_cmpuint (lens_district_ranking_get_nth (ranking, i - 1)->rank, <=,
                      lens_district_ranking_get_nth (ranking, i)->rank);

  /* An answer without the columns is refused */
  g_assert_false (lens_district_ranking_add_table (ranking, total, &error));
  g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/district-ranking/order", test_order);
  g_test_add_func ("/district-ranking/ties", test_ties);
  g_test_add_func ("/district-ranking/unranked", test_unranked);
  g_test_add ("/district-ranking/portal", LensTestPortal, NULL,
              lens_test_portal_fixture_set_up, test_portal, lens_test_portal_fixture_tear_down);

  return g_test_run ();
}
