/* test-date.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "lens-date.h"

static void
assert_day (const GDate *date,
            guint        year,
            guint        month,
            guint        day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

static void
test_date_parse_iso (void)
{
  const char *bad[] = {
    "", "2020", "2020-01", "2020-1-5", "2020-01-5", "2020-1-05", " 2020-01-05", "2020-01-05 ",
    "2020-01-05\n", "+020-01-05", "2020-+1-05", "2020-01-+5", "2020/01/05", "2020-01-05T00:00:00",
    "2020-02-30", "2023-02-29", "2020-13-01", "2020-00-10", "2020-01-00", "2020-01-32",
    "0000-01-01", "２０２０-01-05", "2020-01-05x", "abcd-ef-gh",
  };
  GDate date;

  g_assert_true (lens_date_parse_iso ("2020-01-05", &date));
  assert_day (&date, 2020, 1, 5);
  g_assert_true (lens_date_parse_iso ("2024-02-29", &date));
  assert_day (&date, 2024, 2, 29);
  g_assert_true (lens_date_parse_iso ("0001-12-31", &date));
  assert_day (&date, 1, 12, 31);
  g_assert_true (lens_date_parse_iso ("9999-12-31", &date));
  assert_day (&date, 9999, 12, 31);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_date_set_dmy (&date, 1, 1, 2000);
      g_assert_false (lens_date_parse_iso (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }

  g_assert_false (lens_date_parse_iso (NULL, &date));
  g_assert_false (g_date_valid (&date));
}

static void
test_date_parse_iso_month (void)
{
  const char *bad[] = { "", "2020", "2020-1", "2020-00", "2020-13", " 2020-01", "2020-01 ",
                        "2020-01-05", "0000-01", "2020/01", "+020-01" };
  guint year = 0, month = 0;

  g_assert_true (lens_date_parse_iso_month ("2023-12", &year, &month));
  g_assert_cmpuint (year, ==, 2023);
  g_assert_cmpuint (month, ==, 12);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      year = month = 7;
      g_test_message ("“%s”", bad[i]);
      g_assert_false (lens_date_parse_iso_month (bad[i], &year, &month));
      g_assert_cmpuint (year, ==, 7);
      g_assert_cmpuint (month, ==, 7);
    }
  g_assert_false (lens_date_parse_iso_month (NULL, &year, &month));
}

static void
test_date_parse_floating (void)
{
  /* The forms Socrata sends (socrata-cpd.md §2.1; tests/fixtures) */
  struct { const char *text; guint year, month, day; } good[] = {
    { "2024-03-01T00:00:00.000", 2024, 3, 1 },
    { "2002-04-07T14:45:00.000", 2002, 4, 7 },
    { "2016-01-15T11:08:45", 2016, 1, 15 },
    { "2024-12-31T23:59:59.999999", 2024, 12, 31 },
    { "2024-01-01", 2024, 1, 1 },
  };
  const char *bad[] = {
    "", "2024-03", "2024-3-01T00:00:00.000", "2024-03-01T", "2024-03-01T00:00", "2024-03-01T00:00:00.",
    "2024-03-01T00:00:00Z", "2024-03-01T00:00:00.000Z", "2024-03-01T00:00:00+01:00",
    "2024-03-01 00:00:00", "2024-03-01T24:00:00", "2024-03-01T00:60:00", "2024-03-01T00:00:60",
    "2024-02-30T00:00:00.000", " 2024-03-01T00:00:00", "2024-03-01T0:00:00", "2024-03-01x",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("“%s”", good[i].text);
      g_assert_true (lens_date_parse_floating (good[i].text, &date));
      assert_day (&date, good[i].year, good[i].month, good[i].day);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_date_set_dmy (&date, 1, 1, 2000);
      g_assert_false (lens_date_parse_floating (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }
  g_assert_false (lens_date_parse_floating (NULL, &date));
}

static void
test_date_format_iso (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (5, 1, 2020);
  g_autoptr(GDate) early = g_date_new_dmy (31, 12, 1);
  g_autoptr(GDate) invalid = g_date_new ();
  g_autofree char *text = lens_date_format_iso (date);
  g_autofree char *early_text = lens_date_format_iso (early);
  GDate back;

  g_assert_cmpstr (text, ==, "2020-01-05");
  g_assert_cmpstr (early_text, ==, "0001-12-31");
  g_assert_null (lens_date_format_iso (invalid));

  /* What is written reads back as the same day */
  g_assert_true (lens_date_parse_iso (text, &back));
  g_assert_cmpint (g_date_compare (&back, date), ==, 0);
}

static void
test_date_range (void)
{
  const char *bad[] = { "", "2020-01-01", "2020-01-01/", "/2020-01-01", "2020-1-1/2020-2-2",
                        "2020-01-01/2020-02-30", "2020-01-01 /2020-02-01", "2020-01-01/2020-02-01/",
                        "2020-01-01-2020-02-01", "2020-01-01/2020-02-01x" };
  g_autoptr(GDate) first = g_date_new_dmy (1, 1, 2020);
  g_autoptr(GDate) last = g_date_new_dmy (31, 12, 2024);
  g_autoptr(GDate) invalid = g_date_new ();
  g_autofree char *text = lens_date_range_format (first, last);
  GDate from, to;

  g_assert_cmpstr (text, ==, "2020-01-01/2024-12-31");
  g_assert_null (lens_date_range_format (first, invalid));

  g_assert_true (lens_date_range_parse (text, &from, &to));
  assert_day (&from, 2020, 1, 1);
  assert_day (&to, 2024, 12, 31);
  g_assert_true (lens_date_range_parse ("2024-02-29/2024-02-29", &from, &to));

  /* The wrong way round: read, but not a range */
  g_assert_false (lens_date_range_parse ("2024-12-31/2020-01-01", &from, &to));
  assert_day (&from, 2024, 12, 31);
  assert_day (&to, 2020, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_assert_false (lens_date_range_parse (bad[i], &from, &to));
      g_assert_false (g_date_valid (&from));
      g_assert_false (g_date_valid (&to));
    }
  g_assert_false (lens_date_range_parse (NULL, &from, &to));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-iso", test_date_parse_iso);
  g_test_add_func ("/date/parse-iso-month", test_date_parse_iso_month);
  g_test_add_func ("/date/parse-floating", test_date_parse_floating);
  g_test_add_func ("/date/format-iso", test_date_format_iso);
  g_test_add_func ("/date/range", test_date_range);

  return g_test_run ();
}
