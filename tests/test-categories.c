/* test-categories.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-categories.h"

static void
test_known_values (void)
{
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CRIME_TYPE, "THEFT"), ==, "Theft");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CRIME_TYPE, "CRIMINAL DAMAGE"), ==, "Criminal damage");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_FINDING, "NOT SUSTAINED"), ==, "Not sustained");
}

static void
test_unknown_values_pass_through (void)
{
  /* A category CPD adds later is shown exactly as the portal sent it. */
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CRIME_TYPE, "NEW CATEGORY"), ==, "NEW CATEGORY");
  g_assert_cmpstr (lens_category_label ("no-such-context", "THEFT"), ==, "THEFT");
  g_assert_null (lens_category_label (LENS_CATEGORY_CRIME_TYPE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/categories/known", test_known_values);
  g_test_add_func ("/categories/unknown", test_unknown_values_pass_through);
  return g_test_run ();
}
