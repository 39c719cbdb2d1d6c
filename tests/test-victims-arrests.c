/* test-victims-arrests.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-victims-arrests"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-categories.h"
#include "lens-chart-loader.h"
#include "lens-fake-data.h"
#include "lens-test-util.h"

/* The charts of the Shootings and Arrests pages against the fake portal, whose numbers are
 * SYNTHETIC: each figure is the count the fake says it served for the same rows, computed
 * here independently of the loader. */

#define VICTIMS "gumc-mgzr"
#define ARRESTS "dpt3-jri9"

typedef LensTestPortal Fixture;

static LensSeries *
load (Fixture      *f,
      const char   *chart,
      const char   *args,
      LensTestLoad *w)
{
  LensChartSpec *spec = lens_catalog_lookup_chart (lens_catalog_get_default (), chart);
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_auto(GStrv) argv = g_strsplit (args, " ", -1);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (spec);
  g_assert_true (lens_filters_parse_args (filters, (const char * const *) argv, &error));
  g_assert_no_error (error);
  lens_test_load_chart (f->client, spec, filters, LENS_QUERY_DEFAULT, NULL, w);
  g_assert_no_error (w->error);
  return lens_chart_data_get_series (w->data);
}

/* @constraints plus @more, NULL-terminated */
static GStrv
constraints_with (const char * const *constraints,
                  const char         *more)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  if (constraints != NULL)
    g_strv_builder_addv (builder, (const char **) constraints);
  if (more != NULL)
    g_strv_builder_add (builder, more);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static const char *homicides[] = { "victimization_primary=HOMICIDE", NULL };
static const char *nonfatal[] = { "gunshot_injury_i=YES", "victimization_primary!=HOMICIDE", NULL };

typedef struct
{
  const char         *chart;
  const char         *dataset;
  const char * const *constraints;
  gboolean            by_district;
} TimeCase;

static const TimeCase time_cases[] = {
  { "victims-homicides-per-year", VICTIMS, homicides, TRUE },
  { "victims-shootings-per-year", VICTIMS, nonfatal, TRUE },
  { "arrests-per-year", ARRESTS, NULL, FALSE },
};

/* Each year of 2020..2025, citywide and (for the victims) in District 5 */
static void
test_years (Fixture       *f,
            gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (time_cases); c++)
    for (guint d = 0; d < 2; d++)
      {
        const TimeCase *tc = &time_cases[c];
        g_auto(LensTestLoad) w = { 0 };
        g_auto(GStrv) constraints = constraints_with (tc->constraints,
                                                      d == 1 && tc->by_district ? "district=005" : NULL);
        LensSeries *series = load (f, tc->chart,
                                   d == 0 ? "--district=0 --from=2020-01-01 --to=2025-12-31"
                                          : "--district=5 --from=2020-01-01 --to=2025-12-31", &w);

        g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 1);
        g_assert_cmpuint (lens_series_get_n_labels (series), ==, 6);
        for (int year = 2020; year <= 2025; year++)
          {
            g_autofree char *label = g_strdup_printf ("%d", year);
            g_autofree char *from = g_strdup_printf ("%d-01-01", year);
            g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);
            gint64 expected = lens_fake_portal_expected_count (f->portal, tc->dataset,
                                                               (const char * const *) constraints,
                                                               from, to);

            g_assert_cmpstr (lens_series_get_label (series, year - 2020), ==, label);
            g_assert_cmpfloat (lens_series_get_value (series, 0, year - 2020), ==, expected);
            g_assert_cmpint (expected, >, 0);
          }
      }
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);
}

static const TimeCase month_cases[] = {
  { "victims-homicides-per-month", VICTIMS, homicides, TRUE },
  { "victims-shootings-per-month", VICTIMS, nonfatal, TRUE },
  { "arrests-per-month", ARRESTS, NULL, FALSE },
};

/* Each month of 2024 in District 11 (the victims) or citywide (the arrests) */
static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (month_cases); c++)
    {
      const TimeCase *tc = &month_cases[c];
      g_auto(LensTestLoad) w = { 0 };
      g_auto(GStrv) constraints = constraints_with (tc->constraints,
                                                    tc->by_district ? "district=011" : NULL);
      LensSeries *series = load (f, tc->chart, "--district=11 --from=2024-01-01 --to=2024-12-31", &w);

      g_assert_cmpuint (lens_series_get_n_labels (series), ==, 12);
      g_assert_cmpstr (lens_series_get_label (series, 0), ==, "Jan 2024");
      for (int month = 1; month <= 12; month++)
        {
          g_autofree char *from = g_strdup_printf ("2024-%02d-01", month);
          g_autofree char *to = month == 12 ? g_strdup ("2025-01-01")
                                            : g_strdup_printf ("2024-%02d-01", month + 1);

          g_assert_cmpfloat (lens_series_get_value (series, 0, month - 1), ==,
                             lens_fake_portal_expected_count (f->portal, tc->dataset,
                                                              (const char * const *) constraints,
                                                              from, to));
        }
    }
}

typedef struct
{
  const char  *chart;
  const char  *dataset;
  const char  *field;
  const char  *context;
  const char  *values[12];  /* the fake's domain, NULL-terminated */
} CategoryCase;

static const CategoryCase category_cases[] = {
  { "victims-by-age", VICTIMS, "age", LENS_CATEGORY_VICTIM_AGE,
    { "0-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+", "UNKNOWN", NULL } },
  { "victims-by-sex", VICTIMS, "sex", LENS_CATEGORY_VICTIM_SEX, { "M", "F", "UNKNOWN", NULL } },
  { "victims-by-race", VICTIMS, "race", LENS_CATEGORY_VICTIM_RACE,
    { "BLK", "WHI", "WWH", "WBH", "API", "I", "UNKNOWN", NULL } },
  { "arrests-by-charge-type", ARRESTS, "charge_1_type", LENS_CATEGORY_CHARGE_TYPE,
    { "M", "F", "L", NULL } },
  { "arrests-by-charge-class", ARRESTS, "charge_1_class", LENS_CATEGORY_CHARGE_CLASS,
    { "X", "1", "2", "3", "4", "A", "B", "C", NULL } },
  { "arrests-by-race", ARRESTS, "race", LENS_CATEGORY_ARREST_RACE,
    { "BLACK", "WHITE HISPANIC", "WHITE", "BLACK HISPANIC", "ASIAN / PACIFIC ISLANDER",
      "AMERICAN INDIAN / ALASKAN NATIVE", "UNKNOWN", NULL } },
};

static guint
find_label (LensSeries *series,
            const char *label)
{
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    if (g_strcmp0 (lens_series_get_label (series, i), label) == 0)
      return i;

  g_error ("No bar “%s”", label);
}

/* Every value of the fake's domain, under its readable label, with the fake's count */
static void
test_categories (Fixture       *f,
                 gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (category_cases); c++)
    {
      const CategoryCase *cc = &category_cases[c];
      gboolean victims = g_str_equal (cc->dataset, VICTIMS);
      g_auto(LensTestLoad) w = { 0 };
      LensSeries *series = load (f, cc->chart, "--district=8 --from=2022-03-01 --to=2024-10-31", &w);
      guint n = 0;

      for (guint v = 0; cc->values[v] != NULL; v++, n++)
        {
          g_autofree char *value = g_strdup_printf ("%s=%s", cc->field, cc->values[v]);
          const char *constraints[] = { value, victims ? "district=008" : NULL, NULL };
          const char *label = lens_category_label (cc->context, cc->values[v]);
          guint i = find_label (series, label);

          g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==,
                             lens_fake_portal_expected_count (f->portal, cc->dataset, constraints,
                                                              "2022-03-01", "2024-11-01"));
        }
      g_assert_cmpuint (lens_series_get_n_labels (series), ==, n);
      /* the age groups in their own order, the rest by size */
      if (g_str_equal (cc->chart, "victims-by-age"))
        for (guint v = 0; cc->values[v] != NULL; v++)
          g_assert_cmpstr (lens_series_get_label (series, v), ==,
                           lens_category_label (cc->context, cc->values[v]));
      else
        for (guint i = 1; i < n; i++)
          g_assert_cmpfloat (lens_series_get_value (series, 0, i - 1), >=,
                             lens_series_get_value (series, 0, i));
    }
}

/* The readable labels of the codes */
static void
test_labels (void)
{
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CHARGE_TYPE, "F"), ==, "Felony");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CHARGE_TYPE, "M"), ==, "Misdemeanor");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CHARGE_CLASS, "X"), ==, "Class X felony");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CHARGE_CLASS, "a"), ==, "Class A misdemeanor");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_VICTIM_SEX, "F"), ==, "Female");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_VICTIM_RACE, "WBH"), ==, "Black Hispanic");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_ARREST_RACE, "WHITE HISPANIC"), ==, "White Hispanic");
  /* an unknown code is shown as sent */
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CHARGE_CLASS, "Z"), ==, "Z");
}

/* Arrests have no district: whatever the filters, one citywide series, and no query names a
 * district. */
static void
test_arrests_citywide (Fixture       *f,
                       gconstpointer  data)
{
  static const char *charts[] = {
    "arrests-per-year", "arrests-per-month", "arrests-by-charge-type", "arrests-by-charge-class",
    "arrests-by-race",
  };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_auto(LensTestLoad) city = { 0 };
      g_auto(LensTestLoad) district = { 0 };
      LensSeries *a = load (f, charts[c], "--district=0 --from=2021-01-01 --to=2023-12-31", &city);
      LensSeries *b = load (f, charts[c], "--district=5 --compare=7 --from=2021-01-01 --to=2023-12-31", &district);
      const char * const *urls = lens_chart_data_get_urls (district.data);
      const char * const *caveats = lens_chart_data_get_caveats (district.data);

      g_assert_cmpuint (lens_series_get_n_vectors (b), ==, 1);
      g_assert_cmpstr (lens_series_get_vector_name (b, 0), ==, "Citywide");
      g_assert_cmpuint (lens_series_get_n_labels (b), ==, lens_series_get_n_labels (a));
      for (guint i = 0; i < lens_series_get_n_labels (a); i++)
        {
          g_assert_cmpstr (lens_series_get_label (b, i), ==, lens_series_get_label (a, i));
          g_assert_cmpfloat (lens_series_get_value (b, 0, i), ==, lens_series_get_value (a, 0, i));
        }
      for (guint i = 0; urls[i] != NULL; i++)
        g_assert_null (strstr (urls[i], "district"));
      g_assert_true (g_strv_contains (caveats,
                                      lens_catalog_get_caveat_text (lens_catalog_get_default (),
                                                                    "arrests-citywide")));
    }
}

/* What the victims' charts say beside the numbers */
static void
test_victims_caveats (Fixture       *f,
                      gconstpointer  data)
{
  static const char *ids[] = {
    "victims-per-victimization", "victims-lag", "victims-preliminary", "victims-not-crimes",
  };
  g_auto(LensTestLoad) w = { 0 };
  const char * const *caveats;

  load (f, "victims-homicides-per-year", "--district=5 --from=2021-01-01 --to=2024-12-31", &w);
  caveats = lens_chart_data_get_caveats (w.data);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (g_strv_contains (caveats,
                                    lens_catalog_get_caveat_text (lens_catalog_get_default (), ids[i])));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/victims-arrests/" path, Fixture, NULL, lens_test_portal_fixture_set_up, func, \
              lens_test_portal_fixture_tear_down)

  g_test_add_func ("/victims-arrests/labels", test_labels);
  ADD ("years", test_years);
  ADD ("months", test_months);
  ADD ("categories", test_categories);
  ADD ("arrests-citywide", test_arrests_citywide);
  ADD ("victims-caveats", test_victims_caveats);

  return g_test_run ();
}
