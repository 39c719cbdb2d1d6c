/* test-chart-loader.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-loader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-categories.h"
#include "lens-chart-loader.h"
#include "lens-test-util.h"

/* The chart loader against the fake portal over loopback. Every number is SYNTHETIC: the
 * test checks that the loader puts the portal's numbers in the right places. */

/* The portal, a client and its cache: lens_test_portal_fixture_set_up (). */
typedef LensTestPortal Fixture;

static void
load_spec (Fixture        *f,
           LensChartSpec  *spec,
           LensFilters    *filters,
           LensQueryFlags  flags,
           GCancellable   *cancellable,
           LensTestLoad   *w)
{
  lens_test_load_chart (f->client, spec, filters, flags, cancellable, w);
}

static void
load (Fixture        *f,
      const char     *chart,
      LensFilters    *filters,
      LensQueryFlags  flags,
      GCancellable   *cancellable,
      LensTestLoad   *w)
{
  load_spec (f, lens_catalog_lookup_chart (lens_catalog_get_default (), chart), filters, flags,
             cancellable, w);
}

static LensFilters *
filters_new (const char *string)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autofree char *full = NULL;

  /* Today's default range, with the district and comparison of @string */
  if (string != NULL)
    {
      g_auto(GStrv) args = g_strsplit (string, " ", -1);

      g_assert_true (lens_filters_parse_args (filters, (const char * const *) args, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&filters);
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* [@from, @to) clipped to the filters' inclusive range, as ISO days */
static gint64
expected (Fixture            *f,
          const char         *dataset,
          const char * const *constraints,
          LensFilters        *filters,
          GDate              *from,
          GDate              *to)
{
  GDate a = *from, b = *to, end = *lens_filters_get_to (filters);
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  g_date_add_days (&end, 1);
  if (g_date_compare (&a, lens_filters_get_from (filters)) < 0)
    a = *lens_filters_get_from (filters);
  if (g_date_compare (&b, &end) > 0)
    b = end;
  sa = iso (&a);
  sb = iso (&b);
  return lens_fake_portal_expected_count (f->portal, dataset, constraints, sa, sb);
}

/* The data's last full day, which the chart's partial and missing points follow: the fake
 * portal's Crimes end on 30 March 2026, seven days before its update. */
static const GDate *
data_end (LensChartData *data)
{
  LensDataCoverage *coverage = lens_chart_data_get_coverage (data);

  g_assert_nonnull (coverage);
  return lens_data_coverage_get_last_full_day (coverage);
}

static void
check_years (Fixture            *f,
             LensChartData      *data,
             const char         *dataset,
             const char * const *primary,
             const char * const *comparison)
{
  LensSeries *series = lens_chart_data_get_series (data);
  LensFilters *filters = lens_chart_data_get_filters (data);
  int first = g_date_get_year (lens_filters_get_from (filters));
  int last = g_date_get_year (lens_filters_get_to (filters));

  /* Every year of the range, in order */
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, last - first + 1);
  for (int year = first; year <= last; year++)
    {
      guint i = year - first;
      g_autofree char *label = g_strdup_printf ("%d", year);
      g_autoptr(GDate) from = g_date_new_dmy (1, 1, year);
      g_autoptr(GDate) to = g_date_new_dmy (1, 1, year + 1);

      g_assert_cmpstr (lens_series_get_label (series, i), ==, label);
      g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==,
                         expected (f, dataset, primary, filters, from, to));
      if (comparison != NULL)
        g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==,
                           expected (f, dataset, comparison, filters, from, to));
      /* The year the data end in is partial; earlier full years are not */
      g_assert_true (lens_series_get_partial (series, i) == (year == g_date_get_year (data_end (data))));
    }
}

static void
test_years (Fixture       *f,
            gconstpointer  data)
{
  const char *district5[] = { "district=005", NULL };
  g_autoptr(LensFilters) citywide = filters_new (NULL);
  g_autoptr(LensFilters) compared = filters_new ("--district=5 --compare=citywide --compare-as=counts");
  g_auto(LensTestLoad) a = { 0 };
  g_auto(LensTestLoad) b = { 0 };
  LensSeries *series;

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, citywide, LENS_QUERY_DEFAULT, NULL, &a);
  g_assert_no_error (a.error);
  series = lens_chart_data_get_series (a.data);
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 1);
  g_assert_cmpstr (lens_series_get_vector_name (series, 0), ==, "Citywide");
  g_assert_cmpstr (lens_series_get_unit (series), ==, "incidents");
  check_years (f, a.data, "ijzp-q8t2", NULL, NULL);
  g_assert_cmpuint (g_strv_length ((char **) lens_chart_data_get_urls (a.data)), ==, 1);
  g_assert_cmpint (lens_chart_data_get_plot_kind (a.data), ==, LENS_PLOT_BAR);
  g_assert_false (lens_chart_data_get_from_cache (a.data));
  g_assert_null (lens_chart_data_get_warning (a.data));
  g_assert_nonnull (lens_chart_data_get_rows_updated_at (a.data));
  g_assert_false (lens_chart_data_is_empty (a.data));

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, compared, LENS_QUERY_DEFAULT, NULL, &b);
  g_assert_no_error (b.error);
  series = lens_chart_data_get_series (b.data);
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 2);
  g_assert_cmpstr (lens_series_get_vector_name (series, 0), ==, "District 5 – Calumet");
  g_assert_cmpstr (lens_series_get_vector_name (series, 1), ==, "Citywide");
  check_years (f, b.data, "ijzp-q8t2", district5, NULL);
  g_assert_cmpuint (g_strv_length ((char **) lens_chart_data_get_urls (b.data)), ==, 2);
  g_assert_nonnull (strstr (lens_chart_data_get_urls (b.data)[0], "005"));
  g_assert_null (strstr (lens_chart_data_get_urls (b.data)[1], "district"));
  /* The citywide vector came from the cache this time */
  g_assert_true (lens_chart_data_get_from_cache (b.data));
}

static void
test_district_comparison (Fixture       *f,
                          gconstpointer  data)
{
  const char *d5[] = { "district=005", NULL };
  const char *d7[] = { "district=007", NULL };
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=7 --from=2020-03-15 --to=2024-06-30");
  g_auto(LensTestLoad) w = { 0 };
  LensSeries *series;

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  series = lens_chart_data_get_series (w.data);
  g_assert_cmpstr (lens_series_get_vector_name (series, 1), ==, "District 7 – Englewood");
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      int year = 2020 + i;
      g_autoptr(GDate) from = g_date_new_dmy (1, 1, year);
      g_autoptr(GDate) to = g_date_new_dmy (1, 1, year + 1);

      g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, expected (f, "ijzp-q8t2", d5, filters, from, to));
      g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==, expected (f, "ijzp-q8t2", d7, filters, from, to));
      /* 2020 starts on 15 March and 2024 ends on 30 June: both are cut short */
      g_assert_true (lens_series_get_partial (series, i) == (year == 2020 || year == 2024));
    }
}

static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  const char *d5[] = { "district=005", NULL };
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts --from=2025-01-01");
  g_auto(LensTestLoad) w = { 0 };
  LensSeries *series;
  GDate today, end;
  guint i = 0;

  g_date_clear (&today, 1);
  today = *lens_filters_get_to (filters);

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  series = lens_chart_data_get_series (w.data);
  end = *data_end (w.data);
  g_assert_cmpint (g_date_get_year (&end), ==, 2026);
  g_assert_cmpint (g_date_get_month (&end), ==, 3);
  g_assert_cmpint (g_date_get_day (&end), ==, 30);
  g_assert_cmpint (lens_chart_data_get_plot_kind (w.data), ==, LENS_PLOT_LINE);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==,
                    12 * (g_date_get_year (&today) - 2025) + g_date_get_month (&today));

  for (int year = 2025; year <= g_date_get_year (&today); year++)
    for (int month = 1; month <= 12; month++, i++)
      {
        g_autoptr(GDate) from = g_date_new_dmy (1, month, year);
        g_autoptr(GDate) to = g_date_new_dmy (1, month == 12 ? 1 : month + 1, month == 12 ? year + 1 : year);
        gboolean current = year == g_date_get_year (&end) && month == (int) g_date_get_month (&end);
        gboolean after = year * 12 + month > g_date_get_year (&end) * 12 + (int) g_date_get_month (&end);

        if (i >= lens_series_get_n_labels (series))
          break;

        /* Months after the data's end have no data, not 0; March 2026 ends a day short */
        if (after)
          {
            g_assert_true (isnan (lens_series_get_value (series, 0, i)));
            g_assert_true (isnan (lens_series_get_value (series, 1, i)));
          }
        else
          {
            g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, expected (f, "ijzp-q8t2", d5, filters, from, to));
            g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==, expected (f, "ijzp-q8t2", NULL, filters, from, to));
          }
        g_assert_true (lens_series_get_partial (series, i) == current);
      }
  g_assert_cmpuint (i, ==, lens_series_get_n_labels (series));
  g_assert_cmpstr (lens_series_get_label (series, 0), ==, "Jan 2025");
}

static const char *crime_types[] = {
  "THEFT", "BATTERY", "CRIMINAL DAMAGE", "ASSAULT", "MOTOR VEHICLE THEFT", "DECEPTIVE PRACTICE",
  "OTHER OFFENSE", "ROBBERY", "BURGLARY", "WEAPONS VIOLATION", "NARCOTICS", "CRIMINAL TRESPASS",
  "OFFENSE INVOLVING CHILDREN", "CRIMINAL SEXUAL ASSAULT", "SEX OFFENSE", "PUBLIC PEACE VIOLATION",
  "INTERFERENCE WITH PUBLIC OFFICER", "HOMICIDE", "STALKING", "ARSON",
  "CONCEALED CARRY LICENSE VIOLATION", "PROSTITUTION", "LIQUOR LAW VIOLATION", "INTIMIDATION",
  "KIDNAPPING", "OBSCENITY", "GAMBLING", "HUMAN TRAFFICKING", "PUBLIC INDECENCY", "NON-CRIMINAL",
};

typedef struct
{
  const char *type;
  gint64      primary;
  gint64      comparison;
} Expected;

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *ea = a, *eb = b;

  if (ea->primary != eb->primary)
    return ea->primary > eb->primary ? -1 : 1;
  return strcmp (ea->type, eb->type);
}

static void
test_top_offenses (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts --from=2024-01-01 --to=2024-12-31");
  g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2024);
  g_autoptr(GDate) to = g_date_new_dmy (1, 1, 2025);
  Expected all[G_N_ELEMENTS (crime_types)];
  g_auto(LensTestLoad) w = { 0 };
  LensSeries *series;

  for (guint i = 0; i < G_N_ELEMENTS (crime_types); i++)
    {
      g_autofree char *type = g_strdup_printf ("primary_type=%s", crime_types[i]);
      const char *d5[] = { type, "district=005", NULL };
      const char *city[] = { type, NULL };

      all[i].type = crime_types[i];
      all[i].primary = expected (f, "ijzp-q8t2", d5, filters, from, to);
      all[i].comparison = expected (f, "ijzp-q8t2", city, filters, from, to);
      /* its older spelling counts in the same row */
      if (g_str_equal (crime_types[i], "CRIMINAL SEXUAL ASSAULT"))
        {
          const char *old_d5[] = { "primary_type=CRIM SEXUAL ASSAULT", "district=005", NULL };
          const char *old_city[] = { "primary_type=CRIM SEXUAL ASSAULT", NULL };

          all[i].primary += expected (f, "ijzp-q8t2", old_d5, filters, from, to);
          all[i].comparison += expected (f, "ijzp-q8t2", old_city, filters, from, to);
        }
    }
  qsort (all, G_N_ELEMENTS (all), sizeof all[0], compare_expected);

  load (f, LENS_CHART_CRIME_TOP_OFFENSES, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  series = lens_chart_data_get_series (w.data);
  g_assert_cmpint (lens_chart_data_get_plot_kind (w.data), ==, LENS_PLOT_HORIZONTAL_BAR);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 10);

  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpstr (lens_series_get_label (series, i), ==,
                       lens_category_label (LENS_CATEGORY_CRIME_TYPE, all[i].type));
      g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, all[i].primary);
      /* The comparison follows the district's order, not its own */
      g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==, all[i].comparison);
      g_assert_false (lens_series_get_partial (series, i));
      if (i > 0)
        g_assert_cmpfloat (lens_series_get_value (series, 0, i - 1), >=, lens_series_get_value (series, 0, i));
    }
  g_assert_cmpstr (lens_series_get_label (series, 0), ==, "Theft");
}

/* The portal spells one crime two ways (CRIM SEXUAL ASSAULT through about 2018): the chart,
 * its table and its CSV have one row with both counts, which alone would both fall out of the
 * top ten. */
static void
test_renamed_category (Fixture       *f,
                       gconstpointer  data)
{
  static const char *old_spelling[] = { "primary_type=CRIM SEXUAL ASSAULT", NULL };
  static const char *new_spelling[] = { "primary_type=CRIMINAL SEXUAL ASSAULT", NULL };
  static const char *tenth[] = { "primary_type=WEAPONS VIOLATION", NULL };
  g_autoptr(LensFilters) filters = filters_new ("--from=2024-01-01 --to=2024-12-31");
  g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2024);
  g_autoptr(GDate) to = g_date_new_dmy (1, 1, 2025);
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(LensTestLoad) w = { 0 };
  const char *label = lens_category_label (LENS_CATEGORY_CRIME_TYPE, "CRIMINAL SEXUAL ASSAULT");
  gint64 older = expected (f, "ijzp-q8t2", old_spelling, filters, from, to);
  gint64 newer = expected (f, "ijzp-q8t2", new_spelling, filters, from, to);
  LensSeries *series;
  guint n_rows = 0, n_lines = 0;

  g_assert_cmpint (older, >, 0);
  g_assert_cmpint (newer, >, 0);
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_CRIME_TYPE, "CRIM SEXUAL ASSAULT"), ==, label);
  /* each spelling alone counts less than a row of the top ten */
  g_assert_cmpint (MAX (older, newer), <, expected (f, "ijzp-q8t2", tenth, filters, from, to));

  load (f, LENS_CHART_CRIME_TOP_OFFENSES, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  series = lens_chart_data_get_series (w.data);
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    if (g_str_equal (lens_series_get_label (series, i), label))
      {
        n_rows++;
        g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, (double) (older + newer));
      }
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);

  /* the CSV: one line for the crime, with the sum */
  document = lens_chart_data_to_document (w.data);
  csv = lens_chart_export_to_csv (document);
  lines = g_strsplit (csv, "\r\n", -1);
  line = g_strdup_printf ("%s,%" G_GINT64_FORMAT, label, older + newer);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], label))
      {
        n_lines++;
        g_assert_cmpstr (lines[i], ==, line);
      }
  g_assert_cmpuint (n_lines, ==, 1);
}

static void
test_arrest_share (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts --from=2019-01-01 --to=2024-12-31");
  g_auto(LensTestLoad) w = { 0 };
  LensSeries *series;

  load (f, LENS_CHART_CRIME_ARREST_SHARE, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  series = lens_chart_data_get_series (w.data);
  g_assert_true (lens_series_get_percent (series));
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 6);
  for (guint v = 0; v < 2; v++)
    for (guint i = 0; i < 6; i++)
      {
        double value = lens_series_get_value (series, v, i);

        /* The fake's arrests are 10-20% of its incidents */
        g_assert_true (isfinite (value));
        g_assert_cmpfloat (value, >=, 10.0);
        g_assert_cmpfloat (value, <=, 20.0);
      }
}

/* Ratios: a year with no incidents has no percentage (NAN), not 0% */
static void
test_ratio_gap (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--from=2016-01-01 --to=2019-12-31");
  g_autoptr(LensFilters) counts = filters_new ("--from=2016-01-01 --to=2019-12-31");
  g_auto(LensTestLoad) w = { 0 };
  g_auto(LensTestLoad) c = { 0 };
  LensSeries *series;

  load (f, LENS_CHART_CRIME_ARREST_SHARE, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  series = lens_chart_data_get_series (w.data);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 4);
  /* The synthetic series starts in 2019 */
  for (guint i = 0; i < 3; i++)
    g_assert_true (isnan (lens_series_get_value (series, 0, i)));
  g_assert_true (isfinite (lens_series_get_value (series, 0, 3)));

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, counts, LENS_QUERY_DEFAULT, NULL, &c);
  g_assert_no_error (c.error);
  series = lens_chart_data_get_series (c.data);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, 0.0);
}

static void
test_complaints (Fixture       *f,
                 gconstpointer  data)
{
  const char *charts[] = {
    LENS_CHART_COMPLAINTS_PER_YEAR, LENS_CHART_COMPLAINTS_CATEGORIES,
    LENS_CHART_COMPLAINTS_FINDINGS, LENS_CHART_COMPLAINTS_STATUS,
  };
  /* COPA has no district column: the district comes from the beats (test-copa checks the
   * numbers); the comparison is the plain citywide query */
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts --from=2020-01-01 --to=2024-12-31");

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_auto(LensTestLoad) w = { 0 };
      g_auto(GStrv) footer = NULL;
      LensSeries *series;

      load (f, charts[c], filters, LENS_QUERY_DEFAULT, NULL, &w);
      g_assert_no_error (w.error);
      series = lens_chart_data_get_series (w.data);
      g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 2);
      g_assert_cmpstr (lens_series_get_vector_name (series, 0), ==, "District 5 – Calumet");
      g_assert_cmpstr (lens_series_get_vector_name (series, 1), ==, "Citywide");
      g_assert_cmpuint (lens_series_get_n_labels (series), >, 0);
      g_assert_false (lens_chart_data_is_empty (w.data));
      footer = lens_chart_data_dup_footer_lines (w.data);
      g_assert_cmpstr (footer[0], ==, "District 5 – Calumet compared with citywide, 1 Jan 2020 – 31 Dec 2024");
      g_assert_nonnull (strstr (footer[1], "mft5-nfa8"));
    }

  /* Complaints per year equal the portal's counts */
  {
    g_auto(LensTestLoad) w = { 0 };
    LensSeries *series;

    load (f, LENS_CHART_COMPLAINTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &w);
    series = lens_chart_data_get_series (w.data);
    g_assert_cmpuint (lens_series_get_n_labels (series), ==, 5);
    for (guint i = 0; i < 5; i++)
      {
        g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2020 + i);
        g_autoptr(GDate) to = g_date_new_dmy (1, 1, 2021 + i);

        g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==,
                           expected (f, "mft5-nfa8", NULL, filters, from, to));
      }
  }

  /* Findings: closed cases only, labelled in the user's language */
  {
    g_auto(LensTestLoad) w = { 0 };
    LensSeries *series;
    g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2020);
    g_autoptr(GDate) to = g_date_new_dmy (1, 1, 2025);
    const char *sustained[] = { "finding_code=Sustained", "current_status=Closed", NULL };
    gboolean found = FALSE;

    load (f, LENS_CHART_COMPLAINTS_FINDINGS, filters, LENS_QUERY_DEFAULT, NULL, &w);
    series = lens_chart_data_get_series (w.data);
    for (guint i = 0; i < lens_series_get_n_labels (series); i++)
      if (g_str_equal (lens_series_get_label (series, i),
                       lens_category_label (LENS_CATEGORY_COPA_FINDING, "Sustained")))
        {
          g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==,
                             expected (f, "mft5-nfa8", sustained, filters, from, to));
          found = TRUE;
        }
    g_assert_true (found);
  }
}

static void
test_portal_fault (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts");
  g_auto(LensTestLoad) w = { 0 };
  g_auto(LensTestLoad) x = { 0 };

  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_SERVER);

  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0);
  load (f, LENS_CHART_CRIME_TOP_OFFENSES, filters, LENS_QUERY_DEFAULT, NULL, &x);
  g_assert_error (x.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
}

static void
test_bad_filters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LensSoql) q = NULL;
  g_auto(LensTestLoad) w = { 0 };

  lens_filters_set_district (filters, 13);
  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 0);

  lens_filters_set_district (filters, 5);
  q = lens_chart_loader_build_query (lens_catalog_lookup_chart (lens_catalog_get_default (),
                                                               LENS_CHART_CRIME_TOP_OFFENSES),
                                     filters, TRUE, &error);
  g_assert_null (q);
  g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
}

/* A range that runs past the data's end: periods after it have no data, not zero. */
static void
test_future (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LensFilters) filters = lens_filters_new ();
  /* Around the fake portal's end, 30 March 2026 */
  g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2025);
  g_autoptr(GDate) to = g_date_new_dmy (31, 12, 2027);
  g_auto(LensTestLoad) y = { 0 };
  g_auto(LensTestLoad) m = { 0 };
  LensSeries *series;
  guint current;

  lens_filters_set_range (filters, from, to);
  lens_filters_set_compare (filters, LENS_COMPARE_CITYWIDE, 0);
  lens_filters_set_compare_as (filters, LENS_COMPARE_AS_COUNTS);
  lens_filters_set_district (filters, 5);

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &y);
  g_assert_no_error (y.error);
  series = lens_chart_data_get_series (y.data);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 3);
  for (guint v = 0; v < 2; v++)
    {
      g_assert_true (isfinite (lens_series_get_value (series, v, 0)));
      g_assert_true (isfinite (lens_series_get_value (series, v, 1)));
      g_assert_true (isnan (lens_series_get_value (series, v, 2)));
    }
  g_assert_false (lens_series_get_partial (series, 0));
  g_assert_true (lens_series_get_partial (series, 1));

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &m);
  g_assert_no_error (m.error);
  series = lens_chart_data_get_series (m.data);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 36);
  current = 12 * (g_date_get_year (data_end (m.data)) - 2025) + g_date_get_month (data_end (m.data)) - 1;
  g_assert_cmpuint (current, ==, 14);
  for (guint i = 0; i < 36; i++)
    for (guint v = 0; v < 2; v++)
      g_assert_true (isfinite (lens_series_get_value (series, v, i)) == (i <= current));
  g_assert_true (lens_series_get_partial (series, current));
}

/* An answer that fills the query's limit may be cut short: refused, not drawn as the whole. */
static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LensCatalog) catalog = NULL;
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --from=2022-01-01 --to=2023-12-31");
  const char *select = "\"select\": \"date_trunc_ym(date) AS label, count(*) AS value\",";
  g_autofree char *limited = NULL;
  g_auto(LensTestLoad) cut = { 0 };
  g_auto(LensTestLoad) whole = { 0 };
  g_auto(GStrv) log = NULL;

  shipped = g_resources_lookup_data (LENS_CATALOG_RESOURCE, 0, &error);
  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));

  /* 24 months through a limit of 6 */
  limited = g_strconcat (select, " \"limit\": 6,", NULL);
  g_assert_cmpuint (g_string_replace (text, select, limited, 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  catalog = lens_catalog_new_from_bytes (bytes, "charts.json", &error);
  g_assert_no_error (error);
  load_spec (f, lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_INCIDENTS_PER_MONTH),
             filters, LENS_QUERY_DEFAULT, NULL, &cut);
  g_assert_error (cut.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (cut.error->message, "6 rows"));
  log = lens_fake_portal_dup_request_log (f->portal);
  for (guint i = 0; log[i] != NULL; i++)
    g_test_message ("%s", log[i]);
  g_assert_true (g_strv_length (log) >= 1);

  /* Without a limit of its own the chart fits well inside Socrata's default */
  load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &whole);
  g_assert_no_error (whole.error);
  g_assert_cmpuint (lens_series_get_n_labels (lens_chart_data_get_series (whole.data)), ==, 24);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(LensTestLoad) w = { 0 };

  /* Cancelled once the portal has a request, which it holds (30 s): without the cancel the
   * load would end with the portal's answer. */
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_STALL, 0);
  lens_fake_portal_reset_counters (f->portal);
  lens_test_load_chart_start (f->client,
                              lens_catalog_lookup_chart (lens_catalog_get_default (),
                                                         LENS_CHART_CRIME_INCIDENTS_PER_YEAR),
                              filters, LENS_QUERY_DEFAULT, cancellable, &w);
  g_assert_true (lens_fake_portal_wait_for_requests (f->portal, 1));
  g_assert_false (w.done);
  g_cancellable_cancel (cancellable);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED);
}

static void
test_offline_warm_cache (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts");
  g_auto(LensTestLoad) online = { 0 };
  g_auto(LensTestLoad) offline = { 0 };
  g_auto(LensTestLoad) cold = { 0 };
  LensSeries *a, *b;

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &online);
  g_assert_no_error (online.error);

  /* Older than the max-age (0: any age), and no network: the cached numbers, marked stale */
  lens_portal_client_set_max_age (f->client, 0);
  lens_portal_client_set_offline (f->client, TRUE);
  load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &offline);
  g_assert_no_error (offline.error);
  g_assert_true (lens_chart_data_get_from_cache (offline.data));
  a = lens_chart_data_get_series (online.data);
  b = lens_chart_data_get_series (offline.data);
  g_assert_cmpuint (lens_series_get_n_labels (a), ==, lens_series_get_n_labels (b));
  for (guint v = 0; v < 2; v++)
    for (guint i = 0; i < lens_series_get_n_labels (a); i++)
      {
        double x = lens_series_get_value (a, v, i), y = lens_series_get_value (b, v, i);

        /* Months after the data's end have no number in either */
        g_assert_true ((isnan (x) && isnan (y)) || x == y);
      }
  g_assert_true (g_date_time_compare (lens_chart_data_get_fetched_at (offline.data),
                                      lens_chart_data_get_fetched_at (online.data)) == 0);
  g_assert_true (lens_chart_data_get_stale (offline.data));

  /* Online but the portal fails: the cached numbers, with the failure as the warning */
  {
    g_auto(LensTestLoad) failing = { 0 };

    lens_portal_client_set_offline (f->client, FALSE);
    lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
    load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &failing);
    g_assert_no_error (failing.error);
    g_assert_true (lens_chart_data_get_stale (failing.data));
    g_assert_true (g_error_matches (lens_chart_data_get_warning (failing.data),
                                    LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_SERVER));
    lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_NONE, 0);
    lens_portal_client_set_offline (f->client, TRUE);
  }

  /* Nothing cached for another chart: a typed error */
  load (f, LENS_CHART_CRIME_ARREST_SHARE, filters, LENS_QUERY_DEFAULT, NULL, &cold);
  g_assert_error (cold.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);
}

static void
test_footer_and_document (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--district=5 --compare=citywide --compare-as=counts --from=2021-01-01 --to=2024-12-31");
  g_auto(LensTestLoad) w = { 0 };
  g_auto(GStrv) footer = NULL;
  g_auto(GStrv) columns = NULL;
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *csv = NULL;
  const char * const *caveats;

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);

  footer = lens_chart_data_dup_footer_lines (w.data);
  g_assert_cmpstr (footer[0], ==, "District 5 – Calumet compared with citywide, 1 Jan 2021 – 31 Dec 2024");
  g_assert_cmpstr (footer[1], ==, "Source: City of Chicago Data Portal, Crimes - 2001 to Present (ijzp-q8t2), "
                                  "https://data.cityofchicago.org/d/ijzp-q8t2");
  g_assert_true (g_str_has_prefix (footer[2], "Data as of "));
  g_assert_true (g_str_has_prefix (footer[3], "Fetched "));
  caveats = lens_chart_data_get_caveats (w.data);
  g_assert_cmpuint (g_strv_length ((char **) caveats), >=, 3);
  for (guint i = 0; caveats[i] != NULL; i++)
    g_assert_cmpstr (footer[4 + i], ==, caveats[i]);
  g_assert_null (footer[4 + g_strv_length ((char **) caveats)]);
  g_assert_true (g_strv_contains ((const char * const *) footer,
                                  "The Crimes dataset leaves out the most recent seven days."));

  g_assert_cmpstr (lens_chart_data_get_dataset_name (w.data), ==, "Crimes - 2001 to Present");
  g_assert_cmpstr (lens_chart_data_get_dataset_url (w.data), ==, "https://data.cityofchicago.org/d/ijzp-q8t2");

  columns = lens_chart_data_dup_column_names (w.data);
  g_assert_cmpstr (columns[0], ==, "Year");
  g_assert_cmpstr (columns[1], ==, "District 5 – Calumet");
  g_assert_cmpstr (columns[2], ==, "Citywide");

  document = lens_chart_data_to_document (w.data);
  g_assert_cmpstr (lens_chart_document_get_title (document), ==, "Reported incidents per year");
  g_assert_cmpint (lens_chart_document_get_kind (document), ==, LENS_PLOT_BAR);
  csv = lens_chart_export_to_csv (document);
  g_assert_true (g_str_has_prefix (csv, "Year,District 5 – Calumet,Citywide\r\n2021,"));
}

/* The City stopped updating Crimes on 15 June 2025: the numbers end on 8 June, the months
 * after have none (not zero), 2025 is "so far", and the footer says where the numbers end. */
static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) june = g_date_time_new_utc (2025, 6, 15, 11, 0, 0);
  g_autoptr(LensFilters) filters = filters_new ("--from=2024-01-01 --to=2026-11-30");
  g_auto(LensTestLoad) m = { 0 };
  g_auto(LensTestLoad) y = { 0 };
  g_auto(GStrv) footer = NULL;
  g_autofree char *end_line = NULL;
  LensSeries *series;
  GDate end;

  lens_fake_portal_set_as_of (f->portal, "ijzp-q8t2", g_date_time_to_unix (june), NULL);

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_MONTH, filters, LENS_QUERY_DEFAULT, NULL, &m);
  g_assert_no_error (m.error);
  series = lens_chart_data_get_series (m.data);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 35);
  for (guint i = 0; i < 35; i++)
    {
      /* January 2024 is index 0, June 2025 index 17 */
      g_assert_true (isfinite (lens_series_get_value (series, 0, i)) == (i <= 17));
      g_assert_true (lens_series_get_partial (series, i) == (i == 17));
    }
  g_assert_cmpfloat (lens_series_get_value (series, 0, 17), >, 0);

  g_assert_true (lens_chart_data_get_numbers_end (m.data, &end));
  g_assert_cmpint (g_date_get_year (&end), ==, 2025);
  g_assert_cmpint (g_date_get_month (&end), ==, 6);
  g_assert_cmpint (g_date_get_day (&end), ==, 8);
  footer = lens_chart_data_dup_footer_lines (m.data);
  g_assert_cmpstr (footer[0], ==, "Citywide, 1 Jan 2024 – 8 Jun 2025");
  g_assert_cmpstr (footer[1], ==, "The numbers end on 8 Jun 2025, the latest day the data covers.");
  end_line = lens_chart_data_dup_numbers_end_line (m.data);
  g_assert_cmpstr (end_line, ==, footer[1]);

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &y);
  g_assert_no_error (y.error);
  series = lens_chart_data_get_series (y.data);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 3);
  g_assert_true (isfinite (lens_series_get_value (series, 0, 1)));
  g_assert_true (lens_series_get_partial (series, 1));
  g_assert_true (isnan (lens_series_get_value (series, 0, 2)));
  g_assert_false (lens_series_get_partial (series, 2));
}

/* Dates that end before the data: nothing to say about the data's end. */
static void
test_within_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LensFilters) filters = filters_new ("--from=2021-01-01 --to=2024-12-31");
  g_auto(LensTestLoad) w = { 0 };
  GDate end;

  load (f, LENS_CHART_CRIME_INCIDENTS_PER_YEAR, filters, LENS_QUERY_DEFAULT, NULL, &w);
  g_assert_no_error (w.error);
  g_assert_false (lens_chart_data_get_numbers_end (w.data, &end));
  g_assert_null (lens_chart_data_dup_numbers_end_line (w.data));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/chart-loader/" path, Fixture, NULL, lens_test_portal_fixture_set_up, func, \
              lens_test_portal_fixture_tear_down)

  ADD ("years", test_years);
  ADD ("district-comparison", test_district_comparison);
  ADD ("months", test_months);
  ADD ("top-offenses", test_top_offenses);
  ADD ("renamed-category", test_renamed_category);
  ADD ("arrest-share", test_arrest_share);
  ADD ("ratio-gap", test_ratio_gap);
  ADD ("complaints", test_complaints);
  ADD ("portal-fault", test_portal_fault);
  ADD ("bad-filters", test_bad_filters);
  ADD ("future", test_future);
  ADD ("limit", test_limit);
  ADD ("cancel", test_cancel);
  ADD ("offline-warm-cache", test_offline_warm_cache);
  ADD ("footer-and-document", test_footer_and_document);
  ADD ("stale", test_stale);
  ADD ("within-data", test_within_data);

  return g_test_run ();
}
