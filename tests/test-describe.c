/* test-describe.c: the words about data (lens-describe.h) in English and in the shipped
 * languages, with each language's plural forms and its numbers and dates
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language is applied in this process as the app's start-up does (lens_language_init(),
 * the build tree's translations through $REFORM_LENS_LOCALEDIR). A language whose locale is
 * not installed fails (build-aux/setup.sh generates them).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-describe.h"
#include "lens-format.h"
#include "lens-language.h"
#include "lens-test-util.h"

static gboolean
use_language (const char *code)
{
  const LensLanguage *language = lens_language_lookup (code);

  g_assert_nonnull (language);
  if (!lens_test_require_locale (language->locale))
    return FALSE;

  lens_language_init (code);
  return TRUE;
}

/* @number as the locale groups it, then @rest: "262 914" + " zdarzeń". */
static char *
grouped (double      number,
         const char *rest)
{
  g_autofree char *digits = lens_format_count (number);

  return g_strconcat (digits, rest, NULL);
}

static void
assert_amount (LensUnit    unit,
               double      value,
               const char *expected)
{
  g_autofree char *text = lens_describe_amount (unit, value);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_amount_grouped (LensUnit    unit,
                       double      value,
                       const char *rest)
{
  g_autofree char *expected = grouped (value, rest);

  assert_amount (unit, value, expected);
}

static void
test_amount_english (void)
{
  if (!use_language ("en"))
    return;

  assert_amount (LENS_UNIT_INCIDENTS, 1, "1 incident");
  assert_amount (LENS_UNIT_INCIDENTS, 0, "0 incidents");
  assert_amount (LENS_UNIT_INCIDENTS, 2, "2 incidents");
  assert_amount (LENS_UNIT_INCIDENTS, 262914, "262,914 incidents");
  assert_amount (LENS_UNIT_INCIDENTS, 2.5, "2.5 incidents");
  assert_amount (LENS_UNIT_CASES, 1, "1 case");
  assert_amount (LENS_UNIT_CASES, 1234, "1,234 cases");
  assert_amount (LENS_UNIT_ARRESTS, 1, "1 arrest");
  assert_amount (LENS_UNIT_VICTIMS, 21, "21 victims");
  assert_amount (LENS_UNIT_PARAGRAPHS, 1, "1 paragraph");
  assert_amount (LENS_UNIT_PARAGRAPHS, 182, "182 paragraphs");
  assert_amount (LENS_UNIT_NONE, 5, "5");
  assert_amount (LENS_UNIT_PERCENT, 12.34, "12.3%");
  assert_amount (LENS_UNIT_INCIDENTS, NAN, "—");
  /* past a million the last digits pick the form */
  assert_amount (LENS_UNIT_INCIDENTS, 8000001, "8,000,001 incidents");
}

/* Polish: one, few (2–4, 22–24 …, not 12–14) and many. */
static void
test_amount_polish (void)
{
  if (!use_language ("pl"))
    return;

  assert_amount (LENS_UNIT_INCIDENTS, 1, "1 zdarzenie");
  assert_amount (LENS_UNIT_INCIDENTS, 2, "2 zdarzenia");
  assert_amount (LENS_UNIT_INCIDENTS, 4, "4 zdarzenia");
  assert_amount (LENS_UNIT_INCIDENTS, 5, "5 zdarzeń");
  assert_amount (LENS_UNIT_INCIDENTS, 12, "12 zdarzeń");
  assert_amount (LENS_UNIT_INCIDENTS, 22, "22 zdarzenia");
  assert_amount (LENS_UNIT_INCIDENTS, 0, "0 zdarzeń");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 262914, " zdarzeń");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 1000002, " zdarzenia");
  assert_amount (LENS_UNIT_CASES, 1, "1 sprawa");
  assert_amount (LENS_UNIT_CASES, 3, "3 sprawy");
  assert_amount (LENS_UNIT_CASES, 7, "7 spraw");
  assert_amount (LENS_UNIT_PARAGRAPHS, 23, "23 paragrafy");
  assert_amount (LENS_UNIT_PARAGRAPHS, 182, "182 paragrafy");
  assert_amount (LENS_UNIT_PARAGRAPHS, 19, "19 paragrafów");
}

/* Arabic: zero, one and two (without a figure), few (3–10), many (11–99), other (100 …). */
static void
test_amount_arabic (void)
{
  if (!use_language ("ar"))
    return;

  assert_amount_grouped (LENS_UNIT_INCIDENTS, 0, " حادثة");
  assert_amount (LENS_UNIT_INCIDENTS, 1, "حادثة واحدة");
  assert_amount (LENS_UNIT_INCIDENTS, 2, "حادثتان");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 3, " حوادث");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 10, " حوادث");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 11, " حادثةً");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 100, " حادثة");
  assert_amount_grouped (LENS_UNIT_INCIDENTS, 103, " حوادث");
  assert_amount_grouped (LENS_UNIT_CASES, 7, " قضايا");
  assert_amount (LENS_UNIT_CASES, 2, "قضيتان");
}

static void
test_amount_other_languages (void)
{
  if (use_language ("hi"))
    {
      assert_amount (LENS_UNIT_INCIDENTS, 1, "1 घटना");
      assert_amount (LENS_UNIT_INCIDENTS, 2, "2 घटनाएँ");
      assert_amount (LENS_UNIT_CASES, 1, "1 मामला");
    }
  if (use_language ("es"))
    {
      assert_amount (LENS_UNIT_INCIDENTS, 1, "1 incidente");
      assert_amount_grouped (LENS_UNIT_INCIDENTS, 262914, " incidentes");
      assert_amount (LENS_UNIT_CASES, 2, "2 casos");
    }
  if (use_language ("zh_CN"))
    {
      assert_amount (LENS_UNIT_INCIDENTS, 1, "1起事件");
      assert_amount_grouped (LENS_UNIT_CASES, 1234, "起案件");
    }
}

static LensSeries *
make_series (gboolean comparison)
{
  LensSeries *series = lens_series_new ();

  lens_series_add_vector (series, "District 5 – Calumet");
  if (comparison)
    lens_series_add_vector (series, "Citywide");
  lens_series_set_unit (series, "incidents");
  lens_series_add_label (series, "2025");
  lens_series_add_label (series, "2026");
  lens_series_set_partial (series, 1, TRUE);
  lens_series_set_value (series, 0, 0, 12345);
  lens_series_set_value (series, 0, 1, 1);
  if (comparison)
    {
      lens_series_set_value (series, 1, 0, 262914);
      lens_series_set_value (series, 1, 1, NAN);
    }

  return series;
}

static void
test_series_words (void)
{
  g_autoptr(LensSeries) one = make_series (FALSE);
  g_autoptr(LensSeries) two = make_series (TRUE);
  g_autoptr(LensSeries) share = lens_series_new ();
  g_auto(GStrv) row = NULL;
  char *text;

  if (!use_language ("en"))
    return;

  text = lens_describe_label (one, 0);
  g_assert_cmpstr (text, ==, "2025");
  g_free (text);
  text = lens_describe_label (one, 1);
  g_assert_cmpstr (text, ==, "2026 (so far)");
  g_free (text);
  text = lens_describe_point (one, 0);
  g_assert_cmpstr (text, ==, "2025: 12,345 incidents");
  g_free (text);
  text = lens_describe_point (one, 1);
  g_assert_cmpstr (text, ==, "2026 (so far): 1 incident");
  g_free (text);
  text = lens_describe_point (two, 0);
  g_assert_cmpstr (text, ==, "2025: District 5 – Calumet 12,345 incidents; Citywide 262,914 incidents");
  g_free (text);

  row = lens_describe_row (two, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[0], ==, "2026 (so far)");
  g_assert_cmpstr (row[1], ==, "1 incident");
  g_assert_cmpstr (row[2], ==, "no data");

  /* a share: one decimal, or as published */
  lens_series_add_vector (share, "Share");
  lens_series_add_label (share, "A");
  lens_series_set_percent (share, TRUE);
  lens_series_set_unit (share, "percent");
  text = lens_describe_value (share, 16);
  g_assert_cmpstr (text, ==, "16.0%");
  g_free (text);
  lens_series_set_as_published (share, TRUE);
  text = lens_describe_value (share, 16);
  g_assert_cmpstr (text, ==, "16%");
  g_free (text);
  text = lens_describe_value (share, 4.4);
  g_assert_cmpstr (text, ==, "4.4%");
  g_free (text);
}

static void
test_series_words_polish (void)
{
  g_autoptr(LensSeries) two = make_series (TRUE);
  g_autofree char *point = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;

  if (!use_language ("pl"))
    return;

  point = lens_describe_point (two, 0);
  first = grouped (12345, " zdarzeń");
  second = grouped (262914, " zdarzeń");
  expected = g_strdup_printf ("2025: District 5 – Calumet %s; Citywide %s", first, second);
  g_assert_cmpstr (point, ==, expected);

  g_clear_pointer (&point, g_free);
  point = lens_describe_point (two, 1);
  g_assert_cmpstr (point, ==, "2026 (jak dotąd): District 5 – Calumet 1 zdarzenie; Citywide brak danych");
}

static void
test_dates (void)
{
  LensContentDate day = { 2025, 4, 11 };
  LensContentDate month = { 2023, 12, 0 };
  LensContentDate unset = { 0, 0, 0 };
  GDate from, to, end;
  char *text;

  if (!use_language ("en"))
    return;

  text = lens_describe_content_date (&day);
  g_assert_cmpstr (text, ==, "April 11, 2025");
  g_free (text);
  text = lens_describe_content_date (&month);
  g_assert_cmpstr (text, ==, "December 2023");
  g_free (text);
  g_assert_null (lens_describe_content_date (&unset));

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2025);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2025);
  g_date_set_dmy (&end, 30, G_DATE_MARCH, 2026);

  text = lens_describe_day (&end);
  g_assert_cmpstr (text, ==, "30 Mar 2026");
  g_free (text);
  text = lens_describe_period (&from, &to, NULL);
  g_assert_cmpstr (text, ==, "2025");
  g_free (text);
  text = lens_describe_period (&from, &to, &end);
  g_assert_cmpstr (text, ==, "2025; the latest day the data covers is 30 Mar 2026");
  g_free (text);

  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2026);
  text = lens_describe_period (&from, &end, &end);
  g_assert_cmpstr (text, ==, "1 Jan 2026 to 30 Mar 2026, the latest day the data covers");
  g_free (text);
  text = lens_describe_period (&from, &end, NULL);
  g_assert_cmpstr (text, ==, "1 Jan 2026 – 30 Mar 2026");
  g_free (text);
}

/* A left-to-right name inside a right-to-left sentence is isolated; English is unchanged. */
static void
test_isolate (void)
{
  g_autofree char *english = lens_describe_isolate ("Data as of %s", "1 Mar 2024, 10:00");
  g_autofree char *arabic = lens_describe_isolate ("البيانات حتى %s", "Crimes - 2001 to Present");

  g_assert_cmpstr (english, ==, "1 Mar 2024, 10:00");
  g_assert_cmpstr (arabic, ==, "\u2068Crimes - 2001 to Present\u2069");
}

/* Each language writes a date in running text its own way: the translators' formats. */
static void
test_dates_translated (void)
{
  const char *codes[] = { "es", "pl", "zh_CN", "ar", "hi" };
  LensContentDate day = { 2025, 4, 11 };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GDateTime) datetime = g_date_time_new_utc (2025, 4, 11, 0, 0, 0);
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      const char *format;

      if (!use_language (codes[i]))
        continue;

      format = g_dpgettext2 (GETTEXT_PACKAGE, "full date", "%B %-d, %Y");
      g_assert_cmpstr (format, !=, "%B %-d, %Y");
      expected = g_date_time_format (datetime, format);
      text = lens_describe_content_date (&day);
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_figures (void)
{
  LensFigure percent = { 16, LENS_FIGURE_UNIT_PERCENT, LENS_CONFIDENCE_CONFIRMED, { NULL, NULL, FALSE } };
  LensFigure count = { 23, LENS_FIGURE_UNIT_COUNT, LENS_CONFIDENCE_CONFIRMED, { NULL, NULL, FALSE } };
  LensFigure one = { 1, LENS_FIGURE_UNIT_COUNT, LENS_CONFIDENCE_CONFIRMED, { NULL, NULL, FALSE } };
  char *text;

  if (!use_language ("en"))
    return;

  text = lens_describe_figure (NULL);
  g_assert_cmpstr (text, ==, "not published");
  g_free (text);
  text = lens_describe_figure (&percent);
  g_assert_cmpstr (text, ==, "16%");
  g_free (text);
  text = lens_describe_figure (&count);
  g_assert_cmpstr (text, ==, "23 paragraphs");
  g_free (text);
  text = lens_describe_figure (&one);
  g_assert_cmpstr (text, ==, "1 paragraph");
  g_free (text);
  text = lens_describe_figure_with_share (&count, 4.4);
  g_assert_cmpstr (text, ==, "23 paragraphs (4.4%)");
  g_free (text);
  text = lens_describe_figure_with_share (&count, NAN);
  g_assert_cmpstr (text, ==, "23 paragraphs");
  g_free (text);
  text = lens_describe_figure_with_share (&percent, 16);
  g_assert_cmpstr (text, ==, "16%");
  g_free (text);
  text = lens_describe_report_name (11);
  g_assert_cmpstr (text, ==, "IMR-11");
  g_free (text);
}

/* The shipped history: the chart the consent-decree page and the brief draw. */
static void
test_compliance_series (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensConsentDecree) decree = NULL;
  g_autoptr(LensSeries) series = NULL;
  g_autofree char *text = NULL;
  g_autofree char *point = NULL;
  const char *before = NULL, *after = NULL;

  if (!use_language ("en"))
    return;

  decree = lens_consent_decree_new_from_resource (&error);
  g_assert_no_error (error);
  series = lens_describe_compliance_series (decree);

  g_assert_cmpuint (lens_series_get_n_labels (series), ==, lens_consent_decree_get_n_reports (decree));
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 3);
  g_assert_true (lens_series_get_percent (series));
  g_assert_cmpstr (lens_series_get_unit (series), ==, "percent");
  g_assert_cmpstr (lens_series_get_label (series, 10), ==, "IMR-11");
  g_assert_cmpuint (lens_series_get_divider (series, &before, &after), ==, 6);
  g_assert_nonnull (strstr (after, "552"));

  point = lens_describe_point (series, 10);
  g_assert_cmpstr (point, ==, "IMR-11: Full 16%; Secondary 42%; Preliminary 34%");
  text = lens_describe_compliance (series);
  g_assert_true (g_str_has_prefix (text, "Compliance by monitoring report. IMR-1: not published."));
  g_assert_nonnull (strstr (text, " IMR-11: Full 16%, Secondary 42%, Preliminary 34%."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/describe/amount/en", test_amount_english);
  g_test_add_func ("/describe/amount/pl", test_amount_polish);
  g_test_add_func ("/describe/amount/ar", test_amount_arabic);
  g_test_add_func ("/describe/amount/hi-es-zh_CN", test_amount_other_languages);
  g_test_add_func ("/describe/series", test_series_words);
  g_test_add_func ("/describe/series/pl", test_series_words_polish);
  g_test_add_func ("/describe/dates", test_dates);
  g_test_add_func ("/describe/dates/translated", test_dates_translated);
  g_test_add_func ("/describe/isolate", test_isolate);
  g_test_add_func ("/describe/figures", test_figures);
  g_test_add_func ("/describe/compliance-series", test_compliance_series);

  return g_test_run ();
}
