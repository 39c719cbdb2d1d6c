/* test-catalog.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-catalog"

#include "config.h"

#include <string.h>

#include "lens-catalog.h"
#include "lens-categories.h"
#include "lens-compstat.h"
#include "lens-datasets.h"
#include "lens-portal-error.h"
#include "lens-reports.h"

static const char * const required_charts[] = {
  LENS_CHART_CRIME_INCIDENTS_PER_YEAR, LENS_CHART_CRIME_INCIDENTS_PER_MONTH,
  LENS_CHART_CRIME_TOP_OFFENSES, LENS_CHART_CRIME_ARREST_SHARE,
  LENS_CHART_COMPLAINTS_PER_YEAR, LENS_CHART_COMPLAINTS_CATEGORIES,
  LENS_CHART_COMPLAINTS_FINDINGS, LENS_CHART_COMPLAINTS_STATUS, NULL
};

static GDate *
ymd (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static void
test_shipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensCatalog) catalog = lens_catalog_new_from_resource (&error);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) crime = NULL;
  g_autoptr(GPtrArray) none = NULL;
  LensChartSpec *spec;
  LensHeadlineSpec *headline;

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_true (lens_catalog_get_default () == lens_catalog_get_default ());

  for (guint i = 0; required_charts[i] != NULL; i++)
    g_assert_nonnull (lens_catalog_lookup_chart (catalog, required_charts[i]));
  g_assert_nonnull (lens_catalog_lookup_headline (catalog, LENS_HEADLINE_CRIME_YEAR_TO_DATE));
  g_assert_nonnull (lens_catalog_lookup_headline (catalog, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR));
  g_assert_null (lens_catalog_lookup_chart (catalog, "no-such-chart"));

  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    {
      spec = lens_catalog_get_chart (catalog, i);
      g_assert_true (g_hash_table_add (ids, spec->id));
      g_assert_nonnull (lens_dataset_lookup (spec->dataset_id));
      g_assert_nonnull (spec->title);
      g_assert_nonnull (spec->description);
      g_assert_nonnull (spec->unit);
      g_assert_cmpuint (g_strv_length (spec->caveats), >, 0);
      g_assert_cmpuint (g_strv_length (spec->caveats), ==, g_strv_length (spec->caveat_texts));
      for (guint c = 0; spec->caveats[c] != NULL; c++)
        g_assert_cmpstr (lens_catalog_get_caveat_text (catalog, spec->caveats[c]), ==, spec->caveat_texts[c]);
    }
  for (guint i = 0; i < lens_catalog_get_n_headlines (catalog); i++)
    {
      headline = lens_catalog_get_headline (catalog, i);
      g_assert_true (g_hash_table_add (ids, headline->id));
      g_assert_nonnull (lens_catalog_lookup_chart (catalog, headline->chart));
    }

  /* What the loader and the pages rely on */
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_INCIDENTS_PER_YEAR);
  g_assert_cmpint (spec->kind, ==, LENS_CHART_KIND_BAR);
  g_assert_cmpint (spec->label_kind, ==, LENS_LABEL_KIND_YEAR);
  g_assert_cmpstr (spec->dataset_id, ==, LENS_DATASET_CRIMES);
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_INCIDENTS_PER_MONTH);
  g_assert_cmpint (spec->kind, ==, LENS_CHART_KIND_LINE);
  g_assert_cmpint (spec->label_kind, ==, LENS_LABEL_KIND_MONTH);
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_TOP_OFFENSES);
  g_assert_cmpint (spec->kind, ==, LENS_CHART_KIND_HBAR);
  g_assert_cmpuint (spec->top_n, ==, 10);
  g_assert_cmpstr (spec->category_context, ==, "crime-type");
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_ARREST_SHARE);
  g_assert_cmpint (spec->value_kind, ==, LENS_VALUE_KIND_RATIO);
  g_assert_true (spec->percent);
  /* COPA: no district column, districts from the beats, and a caveat that says how */
  {
    const char *copa[] = {
      LENS_CHART_COMPLAINTS_PER_YEAR, LENS_CHART_COMPLAINTS_CATEGORIES,
      LENS_CHART_COMPLAINTS_FINDINGS, LENS_CHART_COMPLAINTS_STATUS,
    };

    for (guint i = 0; i < G_N_ELEMENTS (copa); i++)
      {
        spec = lens_catalog_lookup_chart (catalog, copa[i]);
        g_assert_null (spec->district_condition);
        g_assert_cmpstr (spec->district_beat_field, ==, "beat");
        g_assert_true (g_strv_contains ((const char * const *) spec->caveats, "copa-beats"));
        g_assert_true (g_strv_contains ((const char * const *) spec->caveats, "copa-per-case"));
      }
  }
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_COMPLAINTS_CATEGORIES);
  g_assert_cmpstr (spec->category_context, ==, LENS_CATEGORY_COPA_CATEGORY);
  g_assert_cmpuint (spec->top_n, ==, 10);
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_COMPLAINTS_STATUS);
  g_assert_cmpstr (spec->category_context, ==, LENS_CATEGORY_COPA_STATUS);
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_COMPLAINTS_FINDINGS);
  g_assert_cmpstr (spec->category_context, ==, LENS_CATEGORY_COPA_FINDING);
  g_assert_cmpstr (spec->where, ==, "current_status = 'Closed'");
  /* Crimes charts keep their district condition */
  spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_TOP_OFFENSES);
  g_assert_null (spec->district_beat_field);

  crime = lens_catalog_get_charts_for_page (catalog, "crime");
  g_assert_cmpuint (crime->len, ==, 4);
  none = lens_catalog_get_charts_for_page (catalog, "nowhere");
  g_assert_cmpuint (none->len, ==, 0);

  /* The caveats the brief asks for, each in plain words */
  g_assert_cmpuint (lens_catalog_get_n_caveats (catalog), >=, 7);
  g_assert_nonnull (strstr (lens_catalog_get_caveat_text (catalog, "crimes-lag"), "seven days"));
  g_assert_nonnull (strstr (lens_catalog_get_caveat_text (catalog, "copa-some-complaints"), "Bureau of Internal Affairs"));
  g_assert_nonnull (strstr (lens_catalog_get_caveat_text (catalog, "copa-beats"), "more than the city's"));
  g_assert_nonnull (strstr (lens_catalog_get_caveat_text (catalog, "copa-beats"), "no beat recorded counts only in the citywide"));
  {
    const char *ids2[] = { "crimes-lag", "unknown", "copa-beats", NULL };
    g_autofree const char **texts = lens_catalog_dup_caveat_texts (catalog, ids2);

    g_assert_cmpuint (g_strv_length ((char **) texts), ==, 2);
  }

  headline = lens_catalog_lookup_headline (catalog, LENS_HEADLINE_CRIME_YEAR_TO_DATE);
  g_assert_cmpstr (headline->page, ==, "crime");
  g_assert_nonnull (strstr (headline->note, "seven days"));
  /* The lag is the dataset's, not the card's */
  g_assert_cmpuint (lens_dataset_lookup (headline->dataset_id)->publication_lag_days, ==, 7);
}

/* Every related report exists in reports.json; every crime/complaints chart a report names
 * exists here. */
static void
test_reports_cross_reference (void)
{
  g_autoptr(GError) error = NULL;
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(LensReports) reports = lens_reports_new_from_resource (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    {
      LensChartSpec *spec = lens_catalog_get_chart (catalog, i);

      for (guint r = 0; spec->reports[r] != NULL; r++)
        g_assert_nonnull (lens_reports_lookup_report (reports, spec->reports[r]));
    }

  for (guint i = 0; i < lens_reports_get_n_passages (reports); i++)
    {
      const LensPassage *passage = lens_reports_get_passage (reports, i);

      if (!g_str_equal (passage->page, "crime") && !g_str_equal (passage->page, "complaints"))
        continue;
      for (guint c = 0; passage->charts[c] != NULL; c++)
        g_assert_nonnull (lens_catalog_lookup_chart (catalog, passage->charts[c]));
    }
}

static void
test_queries (void)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GDate) from = ymd (2021, 1, 1);
  g_autoptr(GDate) to = ymd (2026, 11, 26);
  const guint districts[] = { 0, 5, 7, 25 };

  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    {
      LensChartSpec *spec = lens_catalog_get_chart (catalog, i);

      for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LensSoql) a = NULL;
          g_autoptr(LensSoql) b = NULL;
          g_autofree char *url_a = NULL;
          g_autofree char *url_b = NULL;
          g_autofree char *decoded = NULL;
          guint district = spec->district_condition != NULL || spec->district_beat_field != NULL ? districts[d] : 0;

          a = lens_chart_spec_build_query (spec, district, from, to, &error);
          g_assert_no_error (error);
          g_assert_true (lens_soql_validate (a, NULL));
          b = lens_chart_spec_build_query (spec, district, from, to, &error);
          g_assert_no_error (error);
          url_a = lens_soql_to_url (a, "https://data.cityofchicago.org");
          url_b = lens_soql_to_url (b, "https://data.cityofchicago.org");
          /* Stable: the same query is the same cache key */
          g_assert_cmpstr (url_a, ==, url_b);
          g_assert_true (g_str_has_prefix (url_a, "https://data.cityofchicago.org/resource/"));
          g_assert_nonnull (strstr (url_a, spec->dataset_id));
          /* Spaces and operators are percent-encoded */
          g_assert_null (strchr (url_a, ' '));
          g_assert_null (strchr (url_a, '>'));
          decoded = g_uri_unescape_string (url_a, NULL);
          /* The inclusive end becomes the next day, exclusive */
          g_assert_nonnull (strstr (decoded, " < '2026-11-27T00:00:00'"));
          g_assert_nonnull (strstr (decoded, " >= '2021-01-01T00:00:00'"));
          if (district == 5 && spec->district_condition != NULL)
            g_assert_nonnull (strstr (decoded, "(district = '005')"));
          if (district == 0)
            g_assert_null (strstr (decoded, "district"));
          /* Attribution: a district groups by beat too; citywide is the plain query */
          if (spec->district_beat_field != NULL)
            {
              g_autofree char *group = g_strdup_printf ("$group=beat, %s", spec->group);

              g_assert_true ((strstr (decoded, group) != NULL) == (district != 0));
              g_assert_true ((strstr (decoded, "$select=beat, ") != NULL) == (district != 0));
              g_assert_null (strstr (decoded, "district"));
            }
        }

      /* A district on a chart whose dataset has none is refused, never silently ignored. */
      if (spec->district_condition == NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LensSoql) q = lens_chart_spec_build_query (spec, 5, from, to, &error);

          /* No district column: the query stays citywide. */
          g_assert_no_error (error);
          g_assert_nonnull (q);
        }
    }

  /* The canonical form of one query, spelled out. */
  {
    g_autoptr(GError) error = NULL;
    LensChartSpec *spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_INCIDENTS_PER_YEAR);
    g_autoptr(LensSoql) q = lens_chart_spec_build_query (spec, 5, from, to, &error);
    g_autofree char *qs = lens_soql_to_query_string (q);
    g_autofree char *decoded = g_uri_unescape_string (qs, NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (decoded, ==,
                     "$select=date_extract_y(date) AS label, count(*) AS value"
                     "&$where=(date >= '2021-01-01T00:00:00' AND date < '2026-11-27T00:00:00') AND (district = '005')"
                     "&$group=label&$order=label");
  }

  /* A district of COPA cases: the beat joins the select, the groups and the order */
  {
    g_autoptr(GError) error = NULL;
    LensChartSpec *spec = lens_catalog_lookup_chart (catalog, LENS_CHART_COMPLAINTS_PER_YEAR);
    g_autoptr(LensSoql) q = lens_chart_spec_build_query (spec, 5, from, to, &error);
    g_autoptr(LensSoql) city = lens_chart_spec_build_query (spec, 0, from, to, &error);
    g_autoptr(LensSoql) bad = NULL;
    g_autofree char *qs = lens_soql_to_query_string (q);
    g_autofree char *decoded = g_uri_unescape_string (qs, NULL);
    g_autofree char *city_qs = lens_soql_to_query_string (city);
    g_autofree char *city_decoded = g_uri_unescape_string (city_qs, NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (decoded, ==,
                     "$select=beat, date_extract_y(complaint_date) AS label, count(*) AS value"
                     "&$where=(complaint_date >= '2021-01-01T00:00:00' AND complaint_date < '2026-11-27T00:00:00')"
                     "&$group=beat, label&$order=beat, label");
    g_assert_cmpstr (city_decoded, ==,
                     "$select=date_extract_y(complaint_date) AS label, count(*) AS value"
                     "&$where=(complaint_date >= '2021-01-01T00:00:00' AND complaint_date < '2026-11-27T00:00:00')"
                     "&$group=label&$order=label");

    bad = lens_chart_spec_build_query (spec, 13, from, to, &error);
    g_assert_null (bad);
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  }

  /* A bad district or range is a typed error */
  {
    g_autoptr(GError) error = NULL;
    LensChartSpec *spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_TOP_OFFENSES);
    g_autoptr(LensSoql) q = lens_chart_spec_build_query (spec, 13, from, to, &error);
    GDate invalid;

    g_assert_null (q);
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
    g_clear_error (&error);
    g_date_clear (&invalid, 1);
    g_assert_null (lens_chart_spec_build_query (spec, 0, &invalid, to, &error));
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  }

  /* Headlines */
  for (guint i = 0; i < lens_catalog_get_n_headlines (catalog); i++)
    {
      LensHeadlineSpec *spec = lens_catalog_get_headline (catalog, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(LensSoql) q = lens_headline_spec_build_query (spec, 5, from, to, &error);

      g_assert_no_error (error);
      g_assert_nonnull (q);
    }
}

/* A category value (from the portal, so from anyone) bound into a condition stays one SoQL
 * literal: it cannot end the string, add a condition or comment the rest out. */
static void
test_hostile_category (void)
{
  const char *hostile[] = {
    "THEFT') OR (1=1",
    "THEFT' OR primary_type != '",
    "O'Hare -- comment",
    "x'); DROP",
    "100% 'quoted' & $where=1",
    "back\\slash'",
  };
  LensCatalog *catalog = lens_catalog_get_default ();
  LensChartSpec *spec = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_INCIDENTS_PER_MONTH);
  g_autoptr(GDate) from = ymd (2024, 1, 1);
  g_autoptr(GDate) to = ymd (2024, 12, 31);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LensSoql) q = lens_chart_spec_build_query (spec, 5, from, to, &error);
      g_autofree char *quoted = lens_soql_quote_text (hostile[i]);
      g_autofree char *qs = NULL;
      g_autofree char *decoded = NULL;
      g_autofree char *expected = NULL;
      g_auto(GStrv) params = NULL;

      g_assert_no_error (error);
      lens_soql_add_where (q, "primary_type = @category");
      lens_soql_bind_text (q, "category", hostile[i]);
      g_assert_true (lens_soql_validate (q, &error));
      g_assert_no_error (error);

      qs = lens_soql_to_query_string (q);
      /* Still exactly four parameters: nothing escaped the $where value */
      params = g_strsplit (qs, "&", -1);
      g_assert_cmpuint (g_strv_length (params), ==, 4);
      decoded = g_uri_unescape_string (params[1], NULL);
      expected = g_strdup_printf ("AND (primary_type = %s)", quoted);
      g_assert_true (g_str_has_suffix (decoded, expected));
    }
}

static void
test_periods (void)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  LensHeadlineSpec *ytd = lens_catalog_lookup_headline (catalog, LENS_HEADLINE_CRIME_YEAR_TO_DATE);
  LensHeadlineSpec *full = lens_catalog_lookup_headline (catalog, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR);
  /* From the data's last full day, as if it were today */
  struct {
    LensHeadlineSpec *spec;
    int end[3];
    int cf[3], ct[3], pf[3], pt[3];
  } cases[] = {
    { ytd, { 2026, 11, 19 }, { 2026, 1, 1 }, { 2026, 11, 19 }, { 2025, 1, 1 }, { 2025, 11, 19 } },
    /* Leap day at the end: the previous year ends on 28 Feb */
    { ytd, { 2024, 2, 29 }, { 2024, 1, 1 }, { 2024, 2, 29 }, { 2023, 1, 1 }, { 2023, 2, 28 } },
    /* Data to late December (early January less the lag): that year's */
    { ytd, { 2025, 12, 27 }, { 2025, 1, 1 }, { 2025, 12, 27 }, { 2024, 1, 1 }, { 2024, 12, 27 } },
    /* A stale dataset: its own year so far */
    { ytd, { 2025, 6, 8 }, { 2025, 1, 1 }, { 2025, 6, 8 }, { 2024, 1, 1 }, { 2024, 6, 8 } },
    { full, { 2026, 11, 19 }, { 2025, 1, 1 }, { 2025, 12, 31 }, { 2024, 1, 1 }, { 2024, 12, 31 } },
    { full, { 2025, 12, 31 }, { 2025, 1, 1 }, { 2025, 12, 31 }, { 2024, 1, 1 }, { 2024, 12, 31 } },
    /* A stale dataset: the last year it completed */
    { full, { 2025, 6, 8 }, { 2024, 1, 1 }, { 2024, 12, 31 }, { 2023, 1, 1 }, { 2023, 12, 31 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) end = ymd (cases[i].end[0], cases[i].end[1], cases[i].end[2]);
      GDate cf, ct, pf, pt;
      GDate *got[] = { &cf, &ct, &pf, &pt };
      int *want[] = { cases[i].cf, cases[i].ct, cases[i].pf, cases[i].pt };

      lens_headline_spec_get_periods (cases[i].spec, end, &cf, &ct, &pf, &pt);
      for (guint k = 0; k < G_N_ELEMENTS (got); k++)
        {
          g_assert_cmpint (g_date_get_year (got[k]), ==, want[k][0]);
          g_assert_cmpint (g_date_get_month (got[k]), ==, want[k][1]);
          g_assert_cmpint (g_date_get_day (got[k]), ==, want[k][2]);
        }
    }
}

/* A small valid file; each case below breaks one thing. */
static const char base_file[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"translatable\": { \"title\": \"chart title\", \"description\": null, \"x-title\": \"axis title\",\n"
  "                    \"y-title\": \"axis title\", \"note\": null, \"text\": null },\n"
  "  \"caveats\": [ { \"id\": \"c1\", \"text\": \"Caveat one.\" }, { \"id\": \"c2\", \"text\": \"Caveat two.\" } ],\n"
  "  \"fields\": { \"ijzp-q8t2\": { \"date\": \"calendar_date\", \"district\": \"text\" },\n"
  "              \"mft5-nfa8\": { \"complaint_date\": \"calendar_date\", \"current_status\": \"text\",\n"
  "                             \"police_shooting\": \"text\", \"beat\": \"text\" } },\n"
  "  \"charts\": [\n"
  "    { \"id\": \"a\", \"page\": \"crime\", \"dataset\": \"ijzp-q8t2\", \"title\": \"A\", \"description\": \"A.\",\n"
  "      \"kind\": \"bar\", \"unit\": \"incidents\", \"select\": \"date_extract_y(date) AS label, count(*) AS value\",\n"
  "      \"group\": \"label\", \"date-condition\": \"date >= @from AND date < @to\",\n"
  "      \"district-condition\": \"district = @district\", \"label\": \"year\", \"value\": \"value\",\n"
  "      \"caveats\": [\"c1\"], \"reports\": [] },\n"
  "    { \"id\": \"b\", \"page\": \"complaints\", \"dataset\": \"mft5-nfa8\", \"title\": \"B\", \"description\": \"B.\",\n"
  "      \"kind\": \"hbar\", \"unit\": \"percent\", \"percent\": true,\n"
  "      \"select\": \"current_status AS label, count(*) AS n, sum(case(police_shooting = 'Yes', 1, true, 0)) AS s\",\n"
  "      \"group\": \"label\", \"date-condition\": \"complaint_date >= @from AND complaint_date < @to\",\n"
  "      \"label\": \"category\", \"value\": { \"numerator\": \"s\", \"denominator\": \"n\" }, \"top-n\": 3,\n"
  "      \"caveats\": [\"c2\"], \"reports\": [\"r1\"] }\n"
  "  ],\n"
  "  \"headlines\": [\n"
  "    { \"id\": \"h\", \"page\": \"crime\", \"chart\": \"a\", \"dataset\": \"ijzp-q8t2\", \"title\": \"H\", \"note\": \"N.\",\n"
  "      \"unit\": \"incidents\", \"period\": \"year-to-date\", \"select\": \"count(*) AS value\",\n"
  "      \"date-condition\": \"date >= @from AND date < @to\", \"value\": \"value\", \"caveats\": [\"c1\"] }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  const char *find;
  const char *replace;
  int         code;
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "\"kind\": \"bar\"", "\"kind\": \"pie\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"a\": \"kind\": \"pie\" is not one of bar, hbar, line" },
  { "\"label\": \"year\"", "\"label\": \"week\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"a\": \"label\": \"week\" is not one of year, month, category" },
  { "\"title\": \"A\", ", "",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: chart \"a\": missing \"title\"" },
  { "\"unit\": \"incidents\", \"select\": \"date", "\"select\": \"date",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: chart \"a\": missing \"unit\"" },
  { "\"unit\": \"incidents\", \"select\": \"date", "\"unit\": \"crimes\", \"select\": \"date",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"a\": \"unit\": \"crimes\" is not one of percent, incidents, cases, arrests, victims, paragraphs" },
  { "\"unit\": \"incidents\", \"select\": \"date", "\"unit\": \"percent\", \"select\": \"date",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"a\": \"unit\": a percentage has the unit \"percent\", and only a percentage has it" },
  { "\"unit\": \"incidents\", \"period\"", "\"unit\": \"percent\", \"period\"",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: headline \"h\": \"unit\": a percentage has the unit \"percent\", and only a percentage has it" },
  { "\"kind\": \"bar\",", "\"kind\": \"bar\", \"colour\": \"red\",",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: chart \"a\": unknown key \"colour\"" },
  { "{ \"id\": \"b\"", "{ \"id\": \"a\"",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "charts.json: chart \"a\": \"id\": \"a\" is used twice (charts and headlines share one set of ids)" },
  { "{ \"id\": \"h\"", "{ \"id\": \"b\"",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "charts.json: headline \"b\": \"id\": \"b\" is used twice (charts and headlines share one set of ids)" },
  { "\"dataset\": \"ijzp-q8t2\", \"title\": \"A\"", "\"dataset\": \"abcd-1234\", \"title\": \"A\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"a\": \"dataset\": \"abcd-1234\" is not a dataset Reform Lens knows" },
  { "\"caveats\": [\"c2\"]", "\"caveats\": [\"c2\", \"c3\"]",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"b\": \"caveats\": \"c3\" is not the id of a caveat in \"caveats\"" },
  { "\"value\", \"caveats\": [\"c1\"] }\n  ]", "\"value\", \"caveats\": [\"c9\"] }\n  ]",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: headline \"h\": \"caveats\": \"c9\" is not the id of a caveat in \"caveats\"" },
  { "{ \"id\": \"c2\"", "{ \"id\": \"c1\"",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: caveat \"c1\": \"id\": \"c1\" is used twice" },
  { "\"text\": \"Caveat two.\"", "\"text\": \"\"",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: caveat \"c2\": \"text\": must not be empty" },
  { "\"label\": \"category\", \"value\": { \"numerator\": \"s\", \"denominator\": \"n\" }",
    "\"label\": \"category\", \"value\": { \"numerator\": \"s\" }",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: chart \"b\": \"value\": missing \"denominator\"" },
  { "\"date-condition\": \"complaint_date >= @from AND complaint_date < @to\",",
    "\"date-condition\": \"complaint_date >= @from AND complaint_date < @to\", \"district-condition\": \"district = @district\",",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"b\": \"district-condition\": the dataset \"mft5-nfa8\" has no district column" },
  { "\"district-condition\": \"district = @district\", \"label\"", "\"district-condition\": \"district = '005'\", \"label\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"a\": \"district-condition\": must use @district" },
  { "\"date-condition\": \"date >= @from AND date < @to\",\n      \"district",
    "\"date-condition\": \"date >= '2020-01-01'\",\n      \"district",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"a\": \"date-condition\": must use both @from and @to" },
  { "\"select\": \"date_extract_y(date) AS label, count(*) AS value\"",
    "\"select\": \"date_extract_y(date AS label, count(*) AS value\"",
    LENS_CONTENT_ERROR_VALUE, NULL },
  { "\"select\": \"date_extract_y(date) AS label, count(*) AS value\"",
    "\"select\": \"date_extract_y(date) AS label, count(*) AS value, @limit AS n\"",
    LENS_CONTENT_ERROR_VALUE, NULL },
  { "\"percent\": true,", "",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"b\": \"percent\": a ratio is shown as a percentage, and only a ratio is" },
  { "\"label\": \"year\", \"value\": \"value\",", "\"label\": \"year\", \"value\": \"value\", \"top-n\": 5,",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"a\": \"top-n\": only a chart of categories can have it" },
  { "\"top-n\": 3,", "\"top-n\": 3, \"category-context\": \"weather\",",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"b\": \"category-context\": \"weather\" is not one of crime-type, copa-finding, copa-status, copa-category, victim-age, victim-sex, victim-race, charge-type, charge-class, arrest-race" },
  { "\"top-n\": 3,", "\"top-n\": 3, \"district-attribution\": \"beats\",",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"b\": \"district-attribution\": the dataset \"mft5-nfa8\" has no beat field \"beats\"" },
  { "\"label\": \"year\", \"value\": \"value\",", "\"label\": \"year\", \"value\": \"value\", \"district-attribution\": \"beat\",",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"a\": \"district-attribution\": a chart has either a district condition or a district attribution" },
  { "\"group\": \"label\", \"date-condition\": \"complaint_date >= @from AND complaint_date < @to\",",
    "\"date-condition\": \"complaint_date >= @from AND complaint_date < @to\", \"district-attribution\": \"beat\",",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"b\": \"district-attribution\": only a grouped query can be attributed to districts" },
  { "\"group\": \"label\", \"date-condition\": \"date >= @from", "\"date-condition\": \"date >= @from",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"a\": \"group\": a chart's query must be grouped, so that the portal counts the rows" },
  { "\"select\": \"count(*) AS value\"", "\"select\": \"date AS value\"",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: headline \"h\": \"select\": a headline's query must give one number: an aggregate such as count(*), without \"group\"" },
  { "\"period\": \"year-to-date\"", "\"period\": \"decade\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: headline \"h\": \"period\": \"decade\" is not one of year-to-date, latest-full-year" },
  { "\"chart\": \"a\",", "\"chart\": \"zzz\",",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: headline \"h\": \"chart\": \"zzz\" is not the id of a chart in \"charts\"" },
  { "\"reports\": [\"r1\"]", "\"reports\": [\"Report One\"]",
    LENS_CONTENT_ERROR_VALUE, "charts.json: chart \"b\": \"reports\": \"Report One\" is not an id (lowercase letters, digits and single hyphens)" },
  { "{ \"id\": \"a\"", "{ \"id\": \"A b\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: item 1 of \"charts\": \"id\": \"A b\" is not an id (lowercase letters, digits and single hyphens)" },
  { "\"note\": null, ", "",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: \"translatable\": \"note\" is translated by Reform Lens but not listed" },
  { "\"headlines\": [", "\"headline\": [",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: unknown key \"headline\"" },
  { "\"group\": \"label\", \"date-condition\": \"date", "\"group\": \"label\", \"limit\": -5, \"date-condition\": \"date",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: chart \"a\": \"limit\": must be a whole number, 0 or more" },
  { "\"top-n\": 3,", "\"top-n\": 3, \"limit\": 3,",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"b\": \"limit\": must be more than \"top-n\"" },
  { "\"police_shooting\": \"text\", ", "",
    LENS_CONTENT_ERROR_INCONSISTENT, "charts.json: chart \"b\": \"select\": the query names \"police_shooting\", which \"fields\" does not declare for \"mft5-nfa8\"" },
  { "\"district\": \"text\" }", "\"district\": \"text\" }, \"abcd-1234\": {}",
    LENS_CONTENT_ERROR_VALUE, "charts.json: \"fields\": \"abcd-1234\" is not a dataset Reform Lens knows" },
  { "\"current_status\": \"text\"", "\"current_status\": \"string\"",
    LENS_CONTENT_ERROR_VALUE, "charts.json: \"fields.mft5-nfa8.current_status\": \"string\" is not one of text, number, calendar_date, date, checkbox, point, location, url" },
  { "\"format\": 1", "\"format\": 2",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: \"format\": version 2 is not supported (this version of Reform Lens reads version 1)" },
  { "\"charts\": [\n", "\"charts\": [ 3,\n",
    LENS_CONTENT_ERROR_SCHEMA, "charts.json: item 1 of \"charts\": must be an object" },
};

/* The fields each query names come from the query itself, and every one is declared with its
 * type in "fields": the one list the schema check (--check-portal) compares with the portal. */
static void
test_fields (void)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  LensChartSpec *share = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_ARREST_SHARE);
  LensChartSpec *complaints = lens_catalog_lookup_chart (catalog, LENS_CHART_COMPLAINTS_FINDINGS);
  LensHeadlineSpec *headline = lens_catalog_lookup_headline (catalog, "victims-year-to-date");
  const char * const share_fields[] = { "date", "arrest", "district", NULL };
  const char * const complaint_fields[] = { "beat", "finding_code", "current_status", "complaint_date", NULL };
  const char * const headline_fields[] = { "gunshot_injury_i", "date", "district", NULL };
  g_autoptr(GDate) day = g_date_new_dmy (30, 3, 2026);
  g_autoptr(LensSoql) compstat = lens_compstat_build_query (day, 5);
  g_auto(GStrv) compstat_fields = lens_soql_dup_fields (compstat);
  const char * const *datasets = lens_catalog_get_dataset_ids (catalog);

  g_assert_cmpstrv (share->fields, share_fields);
  g_assert_cmpstrv (complaints->fields, complaint_fields);
  g_assert_cmpstrv (headline->fields, headline_fields);
  g_assert_cmpstr (lens_catalog_get_field_type (catalog, LENS_DATASET_CRIMES, "arrest"), ==, "checkbox");
  g_assert_cmpstr (lens_catalog_get_field_type (catalog, LENS_DATASET_CRIMES, "date"), ==, "calendar_date");
  g_assert_null (lens_catalog_get_field_type (catalog, LENS_DATASET_CRIMES, "label"));

  /* The CompStat table's query, built in lens-compstat.c, names declared fields only. */
  g_assert_cmpuint (g_strv_length (compstat_fields), ==, 3);
  for (guint i = 0; compstat_fields[i] != NULL; i++)
    g_assert_nonnull (lens_catalog_get_field_type (catalog, LENS_DATASET_CRIMES, compstat_fields[i]));

  /* Every dataset a chart uses has its declarations. */
  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    g_assert_true (g_strv_contains (datasets, lens_catalog_get_chart (catalog, i)->dataset_id));
}

static void
test_broken (void)
{
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (base_file, strlen (base_file));
    g_autoptr(GError) error = NULL;
    g_autoptr(LensCatalog) catalog = lens_catalog_new_from_bytes (bytes, "charts.json", &error);
    LensChartSpec *b;

    g_assert_no_error (error);
    g_assert_cmpuint (lens_catalog_get_n_charts (catalog), ==, 2);
    b = lens_catalog_lookup_chart (catalog, "b");
    g_assert_cmpint (b->value_kind, ==, LENS_VALUE_KIND_RATIO);
    g_assert_cmpstr (b->numerator, ==, "s");
    g_assert_cmpstr (b->denominator, ==, "n");
    g_assert_cmpuint (b->top_n, ==, 3);
    g_assert_cmpstr (b->caveat_texts[0], ==, "Caveat two.");
    g_assert_null (b->district_beat_field);
  }

  /* The same chart attributed to districts by its beats */
  {
    g_autoptr(GString) text = g_string_new (base_file);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(LensCatalog) catalog = NULL;

    g_string_replace (text, "\"top-n\": 3,", "\"top-n\": 3, \"district-attribution\": \"beat\",", 1);
    bytes = g_bytes_new (text->str, text->len);
    catalog = lens_catalog_new_from_bytes (bytes, "charts.json", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lens_catalog_lookup_chart (catalog, "b")->district_beat_field, ==, "beat");
  }

  {
    /* An explicit limit reaches the query; without one the portal's default applies. */
    g_autoptr(GString) text = g_string_new (base_file);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(LensCatalog) catalog = NULL;
    g_autoptr(LensSoql) a = NULL;
    g_autoptr(LensSoql) b = NULL;
    g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2020);
    g_autoptr(GDate) to = g_date_new_dmy (31, 12, 2020);
    g_autofree char *query = NULL;

    g_string_replace (text, "\"top-n\": 3,", "\"top-n\": 3, \"limit\": 5000,", 1);
    bytes = g_bytes_new (text->str, text->len);
    catalog = lens_catalog_new_from_bytes (bytes, "charts.json", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lens_catalog_lookup_chart (catalog, "b")->limit, ==, 5000);
    g_assert_cmpuint (lens_catalog_lookup_chart (catalog, "a")->limit, ==, 0);
    b = lens_chart_spec_build_query (lens_catalog_lookup_chart (catalog, "b"), 0, from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpint (lens_soql_get_limit (b), ==, 5000);
    query = lens_soql_to_query_string (b);
    g_assert_nonnull (strstr (query, "$limit=5000"));
    a = lens_chart_spec_build_query (lens_catalog_lookup_chart (catalog, "a"), 5, from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpint (lens_soql_get_limit (a), ==, -1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      const BrokenCase *c = &broken_cases[i];
      g_autoptr(GString) text = g_string_new (base_file);
      const char *at = strstr (base_file, c->find);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LensCatalog) catalog = NULL;

      g_test_message ("case %u: %s -> %s", i, c->find, c->replace);
      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, c->find));
      g_string_replace (text, c->find, c->replace, 1);
      bytes = g_bytes_new (text->str, text->len);

      catalog = lens_catalog_new_from_bytes (bytes, "charts.json", &error);
      g_assert_null (catalog);
      g_assert_error (error, LENS_CONTENT_ERROR, c->code);
      if (c->message != NULL)
        g_assert_cmpstr (error->message, ==, c->message);
      else
        g_assert_true (g_str_has_prefix (error->message, "charts.json: chart \"a\": \"select\": the query is not valid: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/shipped", test_shipped);
  g_test_add_func ("/catalog/reports-cross-reference", test_reports_cross_reference);
  g_test_add_func ("/catalog/queries", test_queries);
  g_test_add_func ("/catalog/hostile-category", test_hostile_category);
  g_test_add_func ("/catalog/periods", test_periods);
  g_test_add_func ("/catalog/broken", test_broken);
  g_test_add_func ("/catalog/fields", test_fields);

  return g_test_run ();
}
