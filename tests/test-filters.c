/* test-filters.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-filters"

#include "config.h"

#include "lens-filters.h"

static GDate *
ymd (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static void
assert_date (const GDate *date, int y, int m, int d)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, y);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_day (date), ==, d);
}

static void
test_defaults (void)
{
  g_autoptr(GDate) today = ymd (2026, 11, 26);
  g_autoptr(LensFilters) f = lens_filters_new_for_date (today);
  g_autoptr(LensFilters) now = lens_filters_new ();
  g_autoptr(GDateTime) dt = g_date_time_new_now_local ();
  g_autofree char *string = NULL;

  g_assert_cmpuint (lens_filters_get_district (f), ==, 0);
  g_assert_cmpint (lens_filters_get_compare (f), ==, LENS_COMPARE_NONE);
  g_assert_cmpuint (lens_filters_get_compare_district (f), ==, 0);
  assert_date (lens_filters_get_from (f), 2021, 1, 1);
  assert_date (lens_filters_get_to (f), 2026, 11, 26);
  g_assert_true (lens_filters_validate (f, NULL));

  string = lens_filters_to_string (f);
  g_assert_cmpstr (string, ==, "district=0;compare=none;from=2021-01-01;to=2026-11-26");

  assert_date (lens_filters_get_from (now), g_date_time_get_year (dt) - 5, 1, 1);
  assert_date (lens_filters_get_to (now), g_date_time_get_year (dt),
               g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));
}

static void
test_copy_equal (void)
{
  g_autoptr(GDate) today = ymd (2026, 11, 26);
  g_autoptr(LensFilters) a = lens_filters_new_for_date (today);
  g_autoptr(LensFilters) b = NULL;
  g_autoptr(GDate) from = ymd (2020, 1, 1);

  lens_filters_set_district (a, 5);
  lens_filters_set_compare (a, LENS_COMPARE_CITYWIDE, 9);  /* the number is ignored */
  b = lens_filters_copy (a);
  g_assert_true (lens_filters_equal (a, b));
  g_assert_cmpuint (lens_filters_hash (a), ==, lens_filters_hash (b));
  g_assert_cmpuint (lens_filters_get_compare_district (b), ==, 0);

  lens_filters_set_district (b, 7);
  g_assert_false (lens_filters_equal (a, b));
  lens_filters_set_district (b, 5);
  g_assert_true (lens_filters_equal (a, b));

  lens_filters_set_range (b, from, lens_filters_get_to (a));
  g_assert_false (lens_filters_equal (a, b));
  g_assert_false (lens_filters_equal (a, NULL));
  g_assert_true (lens_filters_equal (NULL, NULL));

  /* The copy is independent and has its own reference count. */
  lens_filters_unref (lens_filters_ref (b));
  assert_date (lens_filters_get_from (a), 2021, 1, 1);
}

static void
test_string_round_trip (void)
{
  const char *strings[] = {
    "district=5;compare=citywide;from=2021-01-01;to=2026-11-26",
    "district=0;compare=7;from=2020-02-29;to=2020-02-29",
    "district=25;compare=none;from=2001-01-01;to=2024-12-31",
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LensFilters) f = lens_filters_new_from_string (strings[i], &error);
      g_autofree char *back = NULL;
      g_autoptr(LensFilters) again = NULL;

      g_assert_no_error (error);
      back = lens_filters_to_string (f);
      g_assert_cmpstr (back, ==, strings[i]);
      again = lens_filters_new_from_string (back, &error);
      g_assert_no_error (error);
      g_assert_true (lens_filters_equal (f, again));
    }
}

static void
test_parse_args (void)
{
  g_autoptr(GDate) today = ymd (2026, 11, 26);
  g_autoptr(LensFilters) f = lens_filters_new_for_date (today);
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--district=005", "--compare=7", "--from=2020-01-01", "--to=2024-12-31", NULL };
  const char *args2[] = { "--compare=none", "--district=citywide", NULL };
  const char *args3[] = { "--district=5", "--compare=citywide", NULL };
  g_autofree char *string = NULL;

  g_assert_true (lens_filters_parse_args (f, args, &error));
  g_assert_no_error (error);
  string = lens_filters_to_string (f);
  g_assert_cmpstr (string, ==, "district=5;compare=7;from=2020-01-01;to=2024-12-31");
  g_assert_cmpint (lens_filters_get_compare (f), ==, LENS_COMPARE_DISTRICT);
  g_assert_cmpuint (lens_filters_get_compare_district (f), ==, 7);

  g_assert_true (lens_filters_parse_args (f, args2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lens_filters_get_district (f), ==, 0);
  g_assert_cmpint (lens_filters_get_compare (f), ==, LENS_COMPARE_NONE);

  g_assert_true (lens_filters_parse_args (f, args3, &error));
  g_assert_cmpint (lens_filters_get_compare (f), ==, LENS_COMPARE_CITYWIDE);

  /* set_option takes the name with or without dashes */
  g_assert_true (lens_filters_set_option (f, "district", "05", &error));
  g_assert_true (lens_filters_set_option (f, "--district", "22", &error));
  g_assert_cmpuint (lens_filters_get_district (f), ==, 22);
}

typedef struct
{
  const char *arg;
  int         code;
  const char *message;
} Bad;

static void
test_bad_values (void)
{
  const Bad bad[] = {
    { "--district=13", LENS_FILTERS_ERROR_BAD_DISTRICT,
      "--district: “13” is not a Chicago police district (use a number such as 5, or citywide)" },
    { "--district=", LENS_FILTERS_ERROR_BAD_DISTRICT, NULL },
    { "--district= 5", LENS_FILTERS_ERROR_BAD_DISTRICT, NULL },
    { "--district=Calumet", LENS_FILTERS_ERROR_BAD_DISTRICT, NULL },
    { "--district=99", LENS_FILTERS_ERROR_BAD_DISTRICT, NULL },
    { "--compare=everywhere", LENS_FILTERS_ERROR_BAD_COMPARE,
      "--compare: “everywhere” is not citywide, none or a police district number" },
    { "--compare=21", LENS_FILTERS_ERROR_BAD_COMPARE, NULL },
    { "--from=2024-02-30", LENS_FILTERS_ERROR_BAD_DATE,
      "--from: “2024-02-30” is not a date written YYYY-MM-DD" },
    { "--to=2024-1-5", LENS_FILTERS_ERROR_BAD_DATE, "--to: “2024-1-5” is not a date written YYYY-MM-DD" },
    { "--to=24-01-05", LENS_FILTERS_ERROR_BAD_DATE, NULL },
    { "--to=2024-01-05x", LENS_FILTERS_ERROR_BAD_DATE, NULL },
    { "--to=+024-01-05", LENS_FILTERS_ERROR_BAD_DATE, NULL },
    { "--to=0000-01-05", LENS_FILTERS_ERROR_BAD_DATE, NULL },
    { "--colour=red", LENS_FILTERS_ERROR_UNKNOWN_OPTION,
      "Unknown filter option “colour” (use --district, --compare, --compare-as, --from or --to)" },
    { "district=5", LENS_FILTERS_ERROR_UNKNOWN_OPTION, NULL },
    { "--district", LENS_FILTERS_ERROR_UNKNOWN_OPTION, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LensFilters) f = lens_filters_new ();
      g_autoptr(LensFilters) before = lens_filters_copy (f);
      g_autoptr(GError) error = NULL;
      const char *args[] = { bad[i].arg, NULL };

      g_test_message ("%s", bad[i].arg);
      g_assert_false (lens_filters_parse_args (f, args, &error));
      g_assert_error (error, LENS_FILTERS_ERROR, bad[i].code);
      if (bad[i].message != NULL)
        g_assert_cmpstr (error->message, ==, bad[i].message);
      /* A refused value changes nothing */
      g_assert_true (lens_filters_equal (f, before));
    }
}

static void
test_validate (void)
{
  struct { const char *string; int code; const char *message; } bad[] = {
    { "district=5;compare=5;from=2021-01-01;to=2021-12-31", LENS_FILTERS_ERROR_SAME_DISTRICT,
      "District 5 cannot be compared with itself" },
    { "district=0;compare=citywide;from=2021-01-01;to=2021-12-31", LENS_FILTERS_ERROR_SAME_DISTRICT, NULL },
    { "district=5;compare=none;from=2022-01-01;to=2021-12-31", LENS_FILTERS_ERROR_BAD_RANGE,
      "The start date 2022-01-01 is after the end date 2021-12-31" },
    { "district=5;compare=none;from=2022-01-01;to", LENS_FILTERS_ERROR_UNKNOWN_OPTION, NULL },
    { "district=5;size=2", LENS_FILTERS_ERROR_UNKNOWN_OPTION, NULL },
  };
  g_autoptr(LensFilters) f = lens_filters_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LensFilters) parsed = NULL;

      g_clear_error (&error);
      parsed = lens_filters_new_from_string (bad[i].string, &error);
      g_assert_null (parsed);
      g_assert_error (error, LENS_FILTERS_ERROR, bad[i].code);
      if (bad[i].message != NULL)
        g_assert_cmpstr (error->message, ==, bad[i].message);
    }

  /* Setters do not validate; validate() does. */
  g_clear_error (&error);
  lens_filters_set_district (f, 13);
  g_assert_false (lens_filters_validate (f, &error));
  g_assert_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_DISTRICT);
  g_clear_error (&error);
  lens_filters_set_district (f, 5);
  lens_filters_set_compare (f, LENS_COMPARE_DISTRICT, 23);
  g_assert_false (lens_filters_validate (f, &error));
  g_assert_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_COMPARE);
  g_clear_error (&error);
  lens_filters_set_compare (f, LENS_COMPARE_DISTRICT, 7);
  g_assert_true (lens_filters_validate (f, &error));
  g_assert_no_error (error);

  /* One-day range is fine */
  {
    g_autoptr(GDate) day = ymd (2024, 2, 29);

    lens_filters_set_range (f, day, day);
    g_assert_true (lens_filters_validate (f, NULL));
  }
}

static void
test_describe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensFilters) f = lens_filters_new_from_string ("district=5;compare=citywide;from=2021-01-01;to=2026-11-26", &error);
  g_autoptr(LensFilters) g = lens_filters_new_from_string ("district=0;compare=8;from=2021-01-01;to=2021-03-05", &error);
  g_autoptr(LensFilters) h = lens_filters_new_from_string ("district=1;compare=none;from=2021-01-01;to=2021-03-05", &error);
  g_autofree char *d1 = lens_filters_describe (f);
  g_autofree char *d2 = lens_filters_describe (g);
  g_autofree char *d3 = lens_filters_describe (h);
  g_autofree char *l1 = lens_filters_dup_district_label (f);
  g_autofree char *c1 = lens_filters_dup_compare_label (f);
  g_autofree char *c3 = lens_filters_dup_compare_label (h);

  g_assert_no_error (error);
  /* A citywide comparison is read as shares until another way is chosen */
  g_assert_cmpstr (d1, ==, "District 5 – Calumet compared with citywide as a share of the city’s total, 1 Jan 2021 – 26 Nov 2026");
  g_assert_cmpstr (d2, ==, "Citywide compared with District 8 – Chicago Lawn, 1 Jan 2021 – 5 Mar 2021");
  g_assert_cmpstr (d3, ==, "District 1 – Central, 1 Jan 2021 – 5 Mar 2021");
  g_assert_cmpstr (l1, ==, "District 5 – Calumet");
  g_assert_cmpstr (c1, ==, "Citywide");
  g_assert_null (c3);
}

/* Compare as: the readable default for citywide, a choice kept in every form */
static void
test_compare_as (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensFilters) f = lens_filters_new_from_string ("district=5;compare=citywide;from=2021-01-01;to=2026-11-26", &error);
  g_autoptr(LensFilters) g = NULL;
  g_autoptr(LensFilters) back = NULL;
  g_autofree char *string = NULL;
  g_autofree char *describe = NULL;
  g_autofree char *label = NULL;
  g_autofree char *field = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LensFilters) from_args = lens_filters_new ();

  g_assert_no_error (error);
  /* Citywide: the share, not chosen, so not written */
  g_assert_cmpint (lens_filters_get_compare_as (f), ==, LENS_COMPARE_AS_SHARE);
  g_assert_false (lens_filters_get_compare_as_chosen (f));
  field = lens_filters_dup_field (f, "compare-as");
  g_assert_cmpstr (field, ==, "");
  g_clear_pointer (&field, g_free);
  label = lens_filters_dup_compare_as_label (f);
  g_assert_cmpstr (label, ==, "share of the city’s total");
  g_clear_pointer (&label, g_free);

  /* Another district: counts; no comparison: counts */
  g = lens_filters_copy (f);
  lens_filters_set_compare (g, LENS_COMPARE_DISTRICT, 7);
  g_assert_cmpint (lens_filters_get_compare_as (g), ==, LENS_COMPARE_AS_COUNTS);
  lens_filters_set_compare (g, LENS_COMPARE_NONE, 0);
  g_assert_cmpint (lens_filters_get_compare_as (g), ==, LENS_COMPARE_AS_COUNTS);
  g_assert_null (lens_filters_dup_compare_as_label (g));

  /* Chosen: kept whatever the comparison, and different from the default */
  g_assert_true (lens_filters_set_field (g, "compare-as", "index", &error));
  g_assert_no_error (error);
  g_assert_false (lens_filters_equal (f, g));
  g_assert_cmpint (lens_filters_get_compare_as (g), ==, LENS_COMPARE_AS_COUNTS);
  lens_filters_set_compare (g, LENS_COMPARE_CITYWIDE, 0);
  g_assert_cmpint (lens_filters_get_compare_as (g), ==, LENS_COMPARE_AS_INDEX);
  g_assert_false (lens_filters_equal (f, g));
  describe = lens_filters_describe (g);
  g_assert_cmpstr (describe, ==, "District 5 – Calumet compared with citywide as an index (first period = 100), 1 Jan 2021 – 26 Nov 2026");

  /* The stable string, the options and the field read back */
  string = lens_filters_to_string (g);
  g_assert_cmpstr (string, ==, "district=5;compare=citywide;from=2021-01-01;to=2026-11-26;compare-as=index");
  back = lens_filters_new_from_string (string, &error);
  g_assert_no_error (error);
  g_assert_true (lens_filters_equal (back, g));
  g_assert_cmpuint (lens_filters_hash (back), ==, lens_filters_hash (g));
  args = lens_filters_dup_args (g);
  g_assert_cmpstr (args[4], ==, "--compare-as=index");
  g_assert_null (args[5]);
  g_assert_true (lens_filters_parse_args (from_args, (const char * const *) args, &error));
  g_assert_no_error (error);
  g_assert_true (lens_filters_equal (from_args, g));
  field = lens_filters_dup_field (g, "compare-as");
  g_assert_cmpstr (field, ==, "index");

  /* Counts chosen for citywide stay counts; "" goes back to the default */
  g_assert_true (lens_filters_set_option (g, "--compare-as", "counts", &error));
  g_assert_cmpint (lens_filters_get_compare_as (g), ==, LENS_COMPARE_AS_COUNTS);
  g_assert_true (lens_filters_set_field (g, "compare-as", "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lens_filters_get_compare_as (g), ==, LENS_COMPARE_AS_SHARE);
  g_assert_true (lens_filters_equal (f, g));

  g_assert_false (lens_filters_set_option (g, "compare-as", "rate", &error));
  g_assert_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_COMPARE_AS);
  g_assert_cmpstr (error->message, ==, "--compare-as: “rate” is not counts, index or share");
}

/* The forms of the window's actions and settings */
static void
test_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensFilters) f = lens_filters_new_from_string ("district=5;compare=7;from=2021-01-01;to=2026-11-26", &error);
  g_autoptr(LensFilters) g = NULL;
  static const char *names[] = { "district", "compare", "from", "to", "date-range" };
  static const struct {
    const char *name;
    const char *value;
    const char *field;  /* as it reads back */
  } forms[] = {
    { "district", "", "" },
    { "district", "citywide", "" },
    { "district", "0", "" },
    { "district", "05", "5" },
    { "compare", "", "none" },
    { "compare", "none", "none" },
    { "compare", "citywide", "citywide" },
    { "compare", "008", "8" },
    { "from", "2020-02-29", "2020-02-29" },
    { "date-range", "2020-01-01/2024-12-31", "2020-01-01/2024-12-31" },
  };
  static const struct {
    const char *name;
    const char *value;
    int         code;  /* LensFiltersError */
  } bad[] = {
    { "district", "13", LENS_FILTERS_ERROR_BAD_DISTRICT },
    { "compare", "everywhere", LENS_FILTERS_ERROR_BAD_COMPARE },
    { "date-range", "2020-01-01", LENS_FILTERS_ERROR_BAD_DATE },
    { "date-range", "", LENS_FILTERS_ERROR_BAD_DATE },
    { "date-range", "2020-1-1/2024-12-31", LENS_FILTERS_ERROR_BAD_DATE },
    { "date-range", "2020-01-01/2024-12-31/2025-01-01", LENS_FILTERS_ERROR_BAD_DATE },
    { "date-range", "last-6-years", LENS_FILTERS_ERROR_BAD_DATE },
    { "size", "2", LENS_FILTERS_ERROR_UNKNOWN_OPTION },
  };

  g_assert_no_error (error);

  /* Each field read back gives the same filters. */
  g = lens_filters_new_for_date (lens_filters_get_to (f));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *value = lens_filters_dup_field (f, names[i]);

      g_assert_true (lens_filters_set_field (g, names[i], value, &error));
      g_assert_no_error (error);
    }
  g_assert_true (lens_filters_equal (f, g));

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(LensFilters) h = lens_filters_copy (f);
      g_autofree char *field = NULL;

      g_assert_true (lens_filters_set_field (h, forms[i].name, forms[i].value, &error));
      g_assert_no_error (error);
      field = lens_filters_dup_field (h, forms[i].name);
      g_assert_cmpstr (field, ==, forms[i].field);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LensFilters) h = lens_filters_copy (f);

      g_assert_false (lens_filters_set_field (h, bad[i].name, bad[i].value, &error));
      g_assert_error (error, LENS_FILTERS_ERROR, bad[i].code);
      g_clear_error (&error);
    }
}

/* The preset ranges end today; the longest is the default. */
static void
test_presets (void)
{
  g_autoptr(LensFilters) f = lens_filters_new ();
  g_autoptr(LensFilters) defaults = lens_filters_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  g_assert_true (lens_filters_set_field (f, "date-range", "last-5-years", NULL));
  g_assert_true (lens_filters_equal (f, defaults));

  g_assert_true (lens_filters_set_field (f, "date-range", "this-year", NULL));
  assert_date (lens_filters_get_from (f), g_date_get_year (&today), 1, 1);
  g_assert_cmpint (g_date_compare (lens_filters_get_to (f), lens_filters_get_to (defaults)), ==, 0);

  g_assert_true (lens_filters_set_field (f, "date-range", "last-12-months", NULL));
  g_assert_cmpint (g_date_days_between (lens_filters_get_from (f), lens_filters_get_to (f)), >=, 364);
  g_assert_cmpint (g_date_days_between (lens_filters_get_from (f), lens_filters_get_to (f)), <=, 365);
  g_assert_true (lens_filters_validate (f, NULL));
}

/* Command-line options, as GApplication hands them over, and back. */
static void
test_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensFilters) saved = lens_filters_new_from_string ("district=7;compare=5;from=2021-01-01;to=2026-11-26", &error);
  g_autoptr(LensFilters) f = NULL;
  g_autoptr(LensFilters) g = NULL;
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GVariantDict) bad = g_variant_dict_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autofree char *string = NULL;

  g_assert_no_error (error);

  /* Nothing given: nothing changes. */
  f = lens_filters_copy (saved);
  g_assert_true (lens_filters_apply_options (f, options, &error));
  g_assert_no_error (error);
  g_assert_true (lens_filters_equal (f, saved));
  g_clear_pointer (&f, lens_filters_unref);

  /* --district=5 alone drops the saved comparison with 5 instead of failing. */
  g_variant_dict_insert (options, "district", "s", "5");
  g_variant_dict_insert (options, "to", "s", "2024-12-31");
  f = lens_filters_copy (saved);
  g_assert_true (lens_filters_apply_options (f, options, &error));
  g_assert_no_error (error);
  string = lens_filters_to_string (f);
  g_assert_cmpstr (string, ==, "district=5;compare=none;from=2021-01-01;to=2024-12-31");

  g_variant_dict_insert (bad, "compare", "s", "7");
  g_assert_false (lens_filters_apply_options (saved, bad, &error));
  g_assert_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_SAME_DISTRICT);
  g_clear_error (&error);

  /* The options for another process read back to the same filters. */
  lens_filters_set_compare (f, LENS_COMPARE_CITYWIDE, 0);
  args = lens_filters_dup_args (f);
  g_assert_cmpuint (g_strv_length (args), ==, 4);
  g_assert_cmpstr (args[0], ==, "--district=5");
  g_assert_cmpstr (args[1], ==, "--compare=citywide");
  g_assert_cmpstr (args[2], ==, "--from=2021-01-01");
  g_assert_cmpstr (args[3], ==, "--to=2024-12-31");
  g = lens_filters_new ();
  g_assert_true (lens_filters_parse_args (g, (const char * const *) args, &error));
  g_assert_no_error (error);
  g_assert_true (lens_filters_equal (f, g));

  g_clear_pointer (&args, g_strfreev);
  lens_filters_set_district (g, 0);
  lens_filters_set_compare (g, LENS_COMPARE_DISTRICT, 8);
  args = lens_filters_dup_args (g);
  g_assert_cmpstr (args[0], ==, "--district=citywide");
  g_assert_cmpstr (args[1], ==, "--compare=8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/filters/defaults", test_defaults);
  g_test_add_func ("/filters/copy-equal", test_copy_equal);
  g_test_add_func ("/filters/string-round-trip", test_string_round_trip);
  g_test_add_func ("/filters/parse-args", test_parse_args);
  g_test_add_func ("/filters/bad-values", test_bad_values);
  g_test_add_func ("/filters/validate", test_validate);
  g_test_add_func ("/filters/describe", test_describe);
  g_test_add_func ("/filters/compare-as", test_compare_as);
  g_test_add_func ("/filters/fields", test_fields);
  g_test_add_func ("/filters/presets", test_presets);
  g_test_add_func ("/filters/options", test_options);

  return g_test_run ();
}
