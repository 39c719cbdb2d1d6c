/* test-district-ranking.c: the 22 districts' order, ties, and what is not ranked
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-district-ranking.h"
#include "lens-districts.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/district-ranking/order", test_order);
  g_test_add_func ("/district-ranking/ties", test_ties);
  g_test_add_func ("/district-ranking/unranked", test_unranked);

  return g_test_run ();
}
