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

/* A renamed primary type counts with its new name: one row, one label. */
static void
test_renamed_one_row (void)
{
  const char *old_key = lens_category_group (LENS_CATEGORY_CRIME_TYPE, "CRIM SEXUAL ASSAULT");
  const char *new_key = lens_category_group (LENS_CATEGORY_CRIME_TYPE, "CRIMINAL SEXUAL ASSAULT");

  g_assert_cmpstr (old_key, ==, new_key);
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CRIME_TYPE, old_key), ==,
                   lens_category_label (LENS_CATEGORY_CRIME_TYPE, "CRIM SEXUAL ASSAULT"));
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_CRIME_TYPE, "NON - CRIMINAL"), ==, "NON-CRIMINAL");
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_CRIME_TYPE, "THEFT"), ==, "THEFT");
  /* Other vocabularies are not touched. */
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_CATEGORY, "CRIM SEXUAL ASSAULT"), ==,
                   "CRIM SEXUAL ASSAULT");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/categories/known", test_known_values);
  g_test_add_func ("/categories/unknown", test_unknown_values_pass_through);
  g_test_add_func ("/categories/renamed-one-row", test_renamed_one_row);
  return g_test_run ();
}
