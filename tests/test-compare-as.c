/* test-compare-as.c: the index and share a comparison is drawn as
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "lens-compare-as.h"

static void
test_nicks (void)
{
  LensCompareAs compare_as = LENS_COMPARE_AS_COUNTS;

  for (guint i = LENS_COMPARE_AS_COUNTS; i <= LENS_COMPARE_AS_SHARE; i++)
    {
      g_assert_true (lens_compare_as_from_nick (lens_compare_as_to_nick (i), &compare_as));
      g_assert_cmpint (compare_as, ==, i);
    }
  g_assert_false (lens_compare_as_from_nick ("rate", &compare_as));
  g_assert_false (lens_compare_as_from_nick (NULL, &compare_as));
  g_assert_cmpstr (lens_compare_as_to_nick (lens_compare_as_default_for_citywide ()), ==, "share");
}

static void
test_index (void)
{
  double values[] = { 40, 50, 30, 0 };
  double out[G_N_ELEMENTS (values)];
  double zero_base[] = { 0, 5 };

  lens_compare_as_index (values, G_N_ELEMENTS (values), out);
  g_assert_cmpfloat (out[0], ==, 100);
  g_assert_cmpfloat (out[1], ==, 125);
  g_assert_cmpfloat (out[2], ==, 75);
  g_assert_cmpfloat (out[3], ==, 0);

  /* In place */
  lens_compare_as_index (values, G_N_ELEMENTS (values), values);
  g_assert_cmpfloat (values[1], ==, 125);

  lens_compare_as_index (zero_base, G_N_ELEMENTS (zero_base), zero_base);
  g_assert_true (isnan (zero_base[0]));
  g_assert_true (isnan (zero_base[1]));

  lens_compare_as_index (NULL, 0, NULL);
}

static void
test_share (void)
{
  g_assert_cmpfloat (lens_compare_as_share (25, 200), ==, 12.5);
  g_assert_cmpfloat (lens_compare_as_share (0, 200), ==, 0);
  g_assert_true (isnan (lens_compare_as_share (3, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare-as/nicks", test_nicks);
  g_test_add_func ("/compare-as/index", test_index);
  g_test_add_func ("/compare-as/share", test_share);

  return g_test_run ();
}
