/* test-datasets.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-datasets"

#include "config.h"

#include <string.h>

#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-soql.h"

static void
test_datasets_lookup (void)
{
  const char *ids[] = { "ijzp-q8t2", "mft5-nfa8", "dpt3-jri9", "gumc-mgzr", "z8bn-74gv" };

  g_assert_cmpuint (lens_datasets_get_count (), ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const LensDataset *dataset = lens_dataset_lookup (ids[i]);
      g_autoptr(LensSoql) soql = NULL;
      g_autofree char *url = NULL;

      g_assert_nonnull (dataset);
      g_assert_true (dataset == lens_datasets_get_nth (i));
      g_assert_cmpstr (dataset->id, ==, ids[i]);
      url = g_strdup_printf ("https://data.cityofchicago.org/d/%s", ids[i]);
      g_assert_cmpstr (dataset->page_url, ==, url);
      g_assert_nonnull (dataset->name);
      g_assert_cmpstr (lens_dataset_get_display_name (dataset), ==, dataset->name);
      g_assert_true (g_utf8_validate (lens_dataset_get_display_name (dataset), -1, NULL));

      /* Every id is one a query accepts */
      soql = lens_soql_new (dataset->id);
      g_assert_true (lens_soql_validate (soql, NULL));

      /* A district field always says how it is written, and the other way round */
      g_assert_cmpint (dataset->district_field != NULL, ==,
                       dataset->district_code != LENS_DISTRICT_CODE_NONE);
    }

  g_assert_null (lens_dataset_lookup ("6zsd-86xi"));
  g_assert_null (lens_dataset_lookup (""));
  g_assert_null (lens_dataset_lookup (NULL));
  g_assert_null (lens_dataset_lookup ("IJZP-Q8T2"));
}

static void
test_datasets_fields (void)
{
  const LensDataset *crimes = lens_dataset_lookup (LENS_DATASET_CRIMES);
  const LensDataset *copa = lens_dataset_lookup (LENS_DATASET_COPA);
  const LensDataset *arrests = lens_dataset_lookup (LENS_DATASET_ARRESTS);
  const LensDataset *stations = lens_dataset_lookup (LENS_DATASET_STATIONS);

  g_assert_cmpstr (crimes->name, ==, "Crimes - 2001 to Present");
  g_assert_cmpstr (crimes->date_field, ==, "date");
  g_assert_cmpstr (crimes->district_field, ==, "district");
  g_assert_cmpint (crimes->district_code, ==, LENS_DISTRICT_CODE_PADDED);
  g_assert_cmpstr (crimes->beat_field, ==, "beat");
  g_assert_cmpstr (LENS_CRIMES_FIELD_PRIMARY_TYPE, ==, "primary_type");
  g_assert_cmpstr (LENS_CRIMES_FIELD_ARREST, ==, "arrest");

  g_assert_cmpstr (copa->name, ==, "COPA Cases - Summary");
  g_assert_cmpstr (copa->date_field, ==, "complaint_date");
  g_assert_null (copa->district_field);
  g_assert_cmpstr (copa->beat_field, ==, "beat");
  g_assert_cmpstr (LENS_COPA_FIELD_YEARS_ON_FORCE_OF_INVOLVED_OFFICERS, ==, "years_on_force_of_involved_officers");

  g_assert_cmpstr (arrests->date_field, ==, "arrest_date");
  g_assert_null (arrests->district_field);
  g_assert_cmpstr (LENS_ARRESTS_FIELD_CHARGE (1, "statute"), ==, "charge_1_statute");
  g_assert_cmpstr (LENS_ARRESTS_FIELD_CHARGE (4, "class"), ==, "charge_4_class");

  g_assert_null (stations->date_field);
  g_assert_cmpstr (stations->district_field, ==, "district");
  g_assert_cmpint (stations->district_code, ==, LENS_DISTRICT_CODE_PLAIN);
  g_assert_cmpstr (LENS_STATIONS_FIELD_DISTRICT_NAME, ==, "district_name");
}

static void
test_districts_list (void)
{
  const struct { guint number; const char *name; } expected[] = {
    { 1, "Central" }, { 2, "Wentworth" }, { 3, "Grand Crossing" }, { 4, "South Chicago" },
    { 5, "Calumet" }, { 6, "Gresham" }, { 7, "Englewood" }, { 8, "Chicago Lawn" },
    { 9, "Deering" }, { 10, "Ogden" }, { 11, "Harrison" }, { 12, "Near West" },
    { 14, "Shakespeare" }, { 15, "Austin" }, { 16, "Jefferson Park" }, { 17, "Albany Park" },
    { 18, "Near North" }, { 19, "Town Hall" }, { 20, "Lincoln" }, { 22, "Morgan Park" },
    { 24, "Rogers Park" }, { 25, "Grand Central" },
  };

  g_assert_cmpuint (lens_districts_get_count (), ==, 22);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LensDistrict *district = lens_districts_get_nth (i);

      g_assert_cmpuint (district->number, ==, expected[i].number);
      g_assert_cmpstr (district->name, ==, expected[i].name);
      g_assert_true (lens_district_lookup_number (expected[i].number) == district);
    }

  for (guint n = 0; n < 30; n++)
    {
      gboolean exists = n >= 1 && n <= 25 && n != 13 && n != 21 && n != 23;
      g_assert_cmpint (lens_district_lookup_number (n) != NULL, ==, exists);
    }
}

static void
test_districts_codes (void)
{
  const LensDistrict *calumet = lens_district_lookup_number (5);
  const LensDistrict *grand_central = lens_district_lookup_number (25);
  g_autofree char *code = NULL;
  g_autofree char *code25 = NULL;
  g_autofree char *label = NULL;
  const char *bad[] = { "", "0", "00", "000", "13", "21", "023", "26", "0005", "5 ", " 5", "-5",
                        "+5", "5a", "Headquarters", "５", NULL };

  g_assert_true (lens_district_lookup ("5") == calumet);
  g_assert_true (lens_district_lookup ("05") == calumet);
  g_assert_true (lens_district_lookup ("005") == calumet);
  g_assert_true (lens_district_lookup ("025") == grand_central);
  g_assert_true (lens_district_lookup ("25") == grand_central);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (lens_district_lookup (bad[i]));

  code = lens_district_dup_code (calumet);
  g_assert_cmpstr (code, ==, "005");
  code25 = lens_district_dup_code (grand_central);
  g_assert_cmpstr (code25, ==, "025");

  label = lens_district_dup_label (calumet);
  g_assert_cmpstr (label, ==, "5 – Calumet");

  /* Every code reads back to its district */
  for (guint i = 0; i < lens_districts_get_count (); i++)
    {
      const LensDistrict *district = lens_districts_get_nth (i);
      g_autofree char *c = lens_district_dup_code (district);
      g_autofree char *l = lens_district_dup_label (district);

      g_assert_cmpuint (strlen (c), ==, 3);
      g_assert_true (lens_district_lookup (c) == district);
      g_assert_true (g_str_has_suffix (l, district->name));
    }
}

static void
test_districts_beats (void)
{
  const struct { const char *beat; guint district; } cases[] = {
    { "0511", 5 }, { "511", 5 }, { "332", 3 }, { "1114", 11 }, { "0111", 1 }, { "2535", 25 },
    { "1211", 12 }, { "2433", 24 }, { "2222", 22 },
    /* not beats of an existing district */
    { "1311", 0 }, { "2111", 0 }, { "2311", 0 }, { "2611", 0 }, { "0011", 0 },
    /* not beats at all */
    { "0500", 0 }, { "500", 0 }, { "51", 0 }, { "5", 0 }, { "05", 0 }, { "", 0 },
    { "05111", 0 }, { "05a1", 0 }, { " 511", 0 }, { "332 | 1114", 0 }, { "-511", 0 },
    { NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (lens_district_from_beat (cases[i].beat), ==, cases[i].district);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datasets/lookup", test_datasets_lookup);
  g_test_add_func ("/datasets/fields", test_datasets_fields);
  g_test_add_func ("/districts/list", test_districts_list);
  g_test_add_func ("/districts/codes", test_districts_codes);
  g_test_add_func ("/districts/beats", test_districts_beats);

  return g_test_run ();
}
