/* test-consent-decree.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lens-consent-decree.h"
#include "lens-test-util.h"

/* The shipped file must load and hold what the research notes say; broken files must fail
 * with a message that tells a staff member exactly where and why. */

static LensConsentDecree *
load_shipped (void)
{
  g_autoptr(GError) error = NULL;
  LensConsentDecree *decree = lens_consent_decree_new_from_resource (&error);

  g_assert_no_error (error);
  g_assert_nonnull (decree);
  return decree;
}

static void
assert_source (const LensSource *source)
{
  g_assert_nonnull (source->url);
  g_assert_true (g_str_has_prefix (source->url, "https://"));
  if (source->mirror)
    g_assert_nonnull (source->outlet);
}

static void
assert_date (const LensContentDate *date,
             const char            *iso)
{
  g_autofree char *text = lens_content_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

static void
test_shipped_loads (void)
{
  g_autoptr(LensConsentDecree) decree = load_shipped ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LensConsentDecree) from_file = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "consent-decree.json", NULL);

  /* The staff-facing path: the same file straight from the source tree. */
  from_file = lens_consent_decree_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_consent_decree_get_n_reports (from_file), ==,
                    lens_consent_decree_get_n_reports (decree));

  g_assert_cmpuint (lens_consent_decree_get_n_reports (decree), ==, 11);
  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    g_assert_cmpuint (lens_consent_decree_get_report (decree, i)->number, ==, i + 1);
  /* IMR-12 is left out until it is published (see data/consent-decree-format.md). */
  g_assert_null (lens_consent_decree_lookup_report (decree, 12));
}

static void
test_figures_sourced (void)
{
  g_autoptr(LensConsentDecree) decree = load_shipped ();
  guint n_figures = 0;

  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);

      for (guint level = 0; level < LENS_N_COMPLIANCE_LEVELS; level++)
        {
          const LensFigure *figure = lens_monitoring_report_get_figure (report, level);

          if (figure == NULL)
            continue;

          n_figures++;
          assert_source (&figure->source);
          g_assert_true (figure->confidence == LENS_CONFIDENCE_CONFIRMED ||
                         figure->confidence == LENS_CONFIDENCE_SECONDARY ||
                         figure->confidence == LENS_CONFIDENCE_DERIVED);
          g_assert_cmpstr (lens_confidence_to_tag (figure->confidence), !=, NULL);
        }

      if (report->denominator.kind == LENS_DENOMINATOR_ASSESSED)
        assert_source (&report->denominator.source);
      for (guint j = 0; j < report->highlights->len; j++)
        {
          const LensSourcedText *highlight = g_ptr_array_index (report->highlights, j);

          g_assert_nonnull (highlight->text);
          g_assert_nonnull (highlight->source.url);
        }
    }

  g_assert_cmpuint (n_figures, >, 20);
}

static void
test_levels_consistent (void)
{
  g_autoptr(LensConsentDecree) decree = load_shipped ();

  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);
      double count_sum = 0, percent_sum = 0;
      guint n = 0;

      for (guint level = LENS_COMPLIANCE_PRELIMINARY; level <= LENS_COMPLIANCE_FULL; level++)
        {
          const LensFigure *figure = report->figures[level];

          if (figure == NULL)
            continue;
          n++;
          if (figure->unit == LENS_FIGURE_UNIT_COUNT)
            count_sum += figure->value;
          else
            percent_sum += figure->value;
        }

      if (report->denominator.count > 0)
        g_assert_cmpfloat (count_sum, <=, report->denominator.count);
      g_assert_cmpfloat (percent_sum, <=, 102);

      /* Levels are exclusive: the three add up to "any level". */
      if (n == 3 && report->figures[LENS_COMPLIANCE_ANY] != NULL)
        g_assert_cmpfloat (fabs (count_sum + percent_sum - report->figures[LENS_COMPLIANCE_ANY]->value), <=, 2);

      /* The denominator changes at report 7. */
      if (report->number >= 7)
        g_assert_cmpint (report->denominator.kind, ==, LENS_DENOMINATOR_MONITORABLE);
      else
        g_assert_cmpint (report->denominator.kind, !=, LENS_DENOMINATOR_MONITORABLE);
    }
}

static void
test_known_values (void)
{
  g_autoptr(LensConsentDecree) decree = load_shipped ();
  const LensMonitoringReport *report;
  guint count = 0;
  guint first = 0;

  report = lens_consent_decree_lookup_report (decree, 5);
  g_assert_nonnull (report);
  g_assert_cmpint (report->denominator.kind, ==, LENS_DENOMINATOR_ASSESSED);
  g_assert_cmpuint (report->denominator.count, ==, 523);
  g_assert_cmpint (report->figures[LENS_COMPLIANCE_PRELIMINARY]->unit, ==, LENS_FIGURE_UNIT_COUNT);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_PRELIMINARY]->value, ==, 281);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_SECONDARY]->value, ==, 76);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_FULL]->value, ==, 23);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_ANY]->value, ==, 380);
  assert_date (&report->period_start, "2021-07-01");
  assert_date (&report->period_end, "2021-12-31");
  assert_date (&report->released, "2022-04-11");
  g_assert_cmpint (report->release_kind, ==, LENS_RELEASE_FILED);

  report = lens_consent_decree_lookup_report (decree, 10);
  g_assert_cmpint (report->figures[LENS_COMPLIANCE_PRELIMINARY]->unit, ==, LENS_FIGURE_UNIT_PERCENT);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_PRELIMINARY]->value, ==, 45);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_SECONDARY]->value, ==, 37);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_FULL]->value, ==, 9);
  g_assert_cmpint (report->figures[LENS_COMPLIANCE_FULL]->confidence, ==, LENS_CONFIDENCE_CONFIRMED);
  g_assert_cmpuint (report->denominator.count, ==, 552);

  report = lens_consent_decree_lookup_report (decree, 11);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_PRELIMINARY]->value, ==, 34);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_SECONDARY]->value, ==, 42);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_FULL]->value, ==, 16);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_ANY]->value, ==, 92);
  assert_date (&report->released, "2025-04-11");

  /* IMR-4: the sources disagree on the denominator, so none is shipped. */
  report = lens_consent_decree_lookup_report (decree, 4);
  g_assert_cmpint (report->denominator.kind, ==, LENS_DENOMINATOR_NOT_PUBLISHED);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_PRELIMINARY]->value, ==, 182);
  g_assert_nonnull (strstr (report->note, "507"));
  g_assert_nonnull (strstr (report->note, "519"));

  /* Reports without published levels have none. */
  report = lens_consent_decree_lookup_report (decree, 2);
  g_assert_false (lens_monitoring_report_has_figures (report));
  report = lens_consent_decree_lookup_report (decree, 9);
  g_assert_false (lens_content_date_is_set (&report->released));
  report = lens_consent_decree_lookup_report (decree, 8);
  g_assert_null (report->figures[LENS_COMPLIANCE_PRELIMINARY]);
  g_assert_cmpfloat (report->figures[LENS_COMPLIANCE_FULL]->value, ==, 6);

  lens_consent_decree_get_monitorable_paragraphs (decree, &count);
  g_assert_cmpuint (count, ==, 552);
  g_assert_nonnull (lens_consent_decree_get_denominator_change (decree, &first)->text);
  g_assert_cmpuint (first, ==, 7);
}

static void
test_context (void)
{
  g_autoptr(LensConsentDecree) decree = load_shipped ();
  const LensKeyFact *fact;
  guint with_findings = 0;

  for (guint level = 0; level < LENS_N_COMPLIANCE_LEVELS; level++)
    {
      const LensLevelMeaning *meaning = lens_consent_decree_get_level_meaning (decree, level);

      g_assert_nonnull (meaning);
      g_assert_cmpint (meaning->level, ==, level);
      g_assert_nonnull (meaning->name);
      g_assert_nonnull (meaning->meaning);
      g_assert_nonnull (meaning->source.url);
    }
  g_assert_cmpstr (lens_consent_decree_get_level_meaning (decree, LENS_COMPLIANCE_FULL)->name, ==, "Full");

  /* Eleven areas plus the investigatory stops added in 2023. */
  g_assert_cmpuint (lens_consent_decree_get_n_topic_areas (decree), ==, 12);
  for (guint i = 0; i < lens_consent_decree_get_n_topic_areas (decree); i++)
    {
      const LensTopicArea *area = lens_consent_decree_get_topic_area (decree, i);

      g_assert_cmpuint (area->number, ==, i + 1);
      g_assert_nonnull (area->source.url);
      /* An area without findings says so. */
      g_assert_true (area->findings->len > 0 || area->note != NULL);
      if (area->findings->len > 0)
        with_findings++;
    }
  g_assert_cmpuint (with_findings, >=, 6);
  assert_date (&lens_consent_decree_lookup_topic_area (decree, "investigatory-stops")->added, "2023-06-27");

  fact = lens_consent_decree_lookup_key_fact (decree, "amended-stipulation");
  assert_date (&fact->date, "2023-06-27");
  fact = lens_consent_decree_lookup_key_fact (decree, "oig-released");
  assert_date (&fact->date, "2023-12");
  g_assert_cmpuint (fact->date.day, ==, 0);
  assert_date (&lens_consent_decree_lookup_key_fact (decree, "filed")->date, "2017-08-29");
  assert_date (&lens_consent_decree_lookup_key_fact (decree, "approved")->date, "2019-01-31");
  assert_date (&lens_consent_decree_lookup_key_fact (decree, "effective")->date, "2019-03-01");
  g_assert_nonnull (lens_consent_decree_lookup_key_fact (decree, "judge"));
  g_assert_nonnull (lens_consent_decree_lookup_key_fact (decree, "monitor"));
}

static void
test_compliance_bars (void)
{
  g_autoptr(LensConsentDecree) decree = load_shipped ();
  g_autoptr(GArray) bars = lens_consent_decree_get_compliance_bars (decree);
  const LensComplianceBar *bar;
  guint last = 0;

  /* Every report with a figure: 1 and 4 to 11. */
  g_assert_cmpuint (bars->len, ==, 9);
  for (guint i = 0; i < bars->len; i++)
    {
      bar = &g_array_index (bars, LensComplianceBar, i);
      g_assert_cmpuint (bar->report, >, last);
      last = bar->report;
      g_assert_true (bar->after_denominator_change == (bar->report >= 7));
      for (guint level = 0; level < LENS_N_COMPLIANCE_LEVELS; level++)
        if (!isnan (bar->percent[level]))
          g_assert_cmpfloat (bar->percent[level], <=, 100);
    }

  /* IMR-1: 15 of 67 assessed, converted by us. */
  bar = &g_array_index (bars, LensComplianceBar, 0);
  g_assert_cmpuint (bar->report, ==, 1);
  g_assert_cmpfloat_with_epsilon (bar->percent[LENS_COMPLIANCE_ANY], 100.0 * 15 / 67, 1e-9);
  g_assert_true (bar->derived[LENS_COMPLIANCE_ANY]);
  g_assert_true (isnan (bar->percent[LENS_COMPLIANCE_FULL]));

  /* IMR-4: counts but no agreed denominator, so nothing to draw as a share. */
  bar = &g_array_index (bars, LensComplianceBar, 1);
  g_assert_cmpuint (bar->report, ==, 4);
  for (guint level = 0; level < LENS_N_COMPLIANCE_LEVELS; level++)
    {
      g_assert_true (isnan (bar->percent[level]));
      g_assert_false (bar->derived[level]);
    }

  /* IMR-5: counts of 523, derived. */
  bar = &g_array_index (bars, LensComplianceBar, 2);
  g_assert_cmpuint (bar->report, ==, 5);
  g_assert_cmpuint (bar->denominator, ==, 523);
  g_assert_cmpfloat_with_epsilon (bar->percent[LENS_COMPLIANCE_PRELIMINARY], 53.728, 0.001);
  g_assert_cmpfloat_with_epsilon (bar->percent[LENS_COMPLIANCE_SECONDARY], 14.532, 0.001);
  g_assert_cmpfloat_with_epsilon (bar->percent[LENS_COMPLIANCE_FULL], 4.398, 0.001);
  g_assert_true (bar->derived[LENS_COMPLIANCE_FULL]);
  g_assert_cmpint (bar->confidence[LENS_COMPLIANCE_FULL], ==, LENS_CONFIDENCE_DERIVED);

  /* IMR-10: published percentages, as published. */
  bar = &g_array_index (bars, LensComplianceBar, 7);
  g_assert_cmpuint (bar->report, ==, 10);
  g_assert_cmpint (bar->denominator_kind, ==, LENS_DENOMINATOR_MONITORABLE);
  g_assert_cmpfloat (bar->percent[LENS_COMPLIANCE_PRELIMINARY], ==, 45);
  g_assert_cmpfloat (bar->percent[LENS_COMPLIANCE_SECONDARY], ==, 37);
  g_assert_cmpfloat (bar->percent[LENS_COMPLIANCE_FULL], ==, 9);
  g_assert_false (bar->derived[LENS_COMPLIANCE_FULL]);
  g_assert_cmpint (bar->confidence[LENS_COMPLIANCE_FULL], ==, LENS_CONFIDENCE_CONFIRMED);
}

/* Broken files. A small valid file (figures from IMR-5, IMR-7 and IMR-10, example URLs) is
 * edited one way at a time; each edit must fail with exactly the expected message. */

static const char base_file[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"translatable\": { \"name\": \"consent-decree name\", \"title\": \"consent-decree title\",\n"
  "                    \"about\": null, \"meaning\": null, \"note\": null, \"text\": null },\n"
  "  \"monitorable-paragraphs\": { \"count\": 552, \"text\": \"M.\", \"source\": \"https://example.org/m\", \"confidence\": \"C\" },\n"
  "  \"denominator-change\": { \"first-report\": 7, \"text\": \"D.\", \"source\": \"https://example.org/d\", \"confidence\": \"C\" },\n"
  "  \"levels\": [\n"
  "    { \"id\": \"preliminary\", \"name\": \"Preliminary\", \"meaning\": \"P.\", \"source\": \"https://example.org/l\", \"confidence\": \"S\" },\n"
  "    { \"id\": \"secondary\", \"name\": \"Secondary\", \"meaning\": \"S.\", \"source\": \"https://example.org/l\", \"confidence\": \"S\" },\n"
  "    { \"id\": \"full\", \"name\": \"Full\", \"meaning\": \"F.\", \"source\": \"https://example.org/l\", \"confidence\": \"S\" },\n"
  "    { \"id\": \"any\", \"name\": \"Any level\", \"meaning\": \"A.\", \"source\": \"https://example.org/l\", \"confidence\": \"D\" }\n"
  "  ],\n"
  "  \"key-facts\": [\n"
  "    { \"id\": \"filed\", \"title\": \"Filed\", \"date\": \"2017-08-29\", \"text\": \"F.\", \"source\": \"https://example.org/k\", \"confidence\": \"C\" }\n"
  "  ],\n"
  "  \"topic-areas\": [\n"
  "    { \"id\": \"use-of-force\", \"number\": 4, \"name\": \"Use of Force\", \"source\": \"https://example.org/t\", \"confidence\": \"C\",\n"
  "      \"findings\": [ { \"reports\": [5], \"text\": \"T.\", \"source\": \"https://example.org/t1\", \"confidence\": \"S\" } ] },\n"
  "    { \"id\": \"training\", \"number\": 6, \"name\": \"Training\", \"source\": \"https://example.org/t\", \"confidence\": \"C\",\n"
  "      \"findings\": [], \"note\": \"No finding.\" }\n"
  "  ],\n"
  "  \"reports\": [\n"
  "    { \"number\": 5,\n"
  "      \"period\": { \"start\": \"2021-07-01\", \"end\": \"2021-12-31\" },\n"
  "      \"released\": { \"date\": \"2022-04-11\", \"kind\": \"filed\", \"source\": \"https://example.org/r5\", \"confidence\": \"C\" },\n"
  "      \"denominator\": { \"kind\": \"assessed\", \"count\": 523, \"source\": \"https://example.org/d5\", \"confidence\": \"S\" },\n"
  "      \"preliminary\": { \"value\": 281, \"unit\": \"count\", \"source\": \"https://example.org/p5\", \"confidence\": \"S\" },\n"
  "      \"secondary\": { \"value\": 76, \"unit\": \"count\", \"source\": \"https://example.org/s5\", \"confidence\": \"S\" },\n"
  "      \"full\": { \"value\": 23, \"unit\": \"count\", \"source\": \"https://example.org/f5\", \"confidence\": \"S\" },\n"
  "      \"any\": { \"value\": 380, \"unit\": \"count\", \"source\": \"https://example.org/a5\", \"confidence\": \"S\" } },\n"
  "    { \"number\": 7,\n"
  "      \"period\": { \"start\": \"2022-07-01\", \"end\": \"2022-12-31\" },\n"
  "      \"released\": { \"date\": \"2023-06-29\", \"kind\": \"released\", \"source\": \"https://example.org/r7\", \"confidence\": \"S\" },\n"
  "      \"denominator\": { \"kind\": \"monitorable\" },\n"
  "      \"full\": { \"value\": 6, \"unit\": \"percent\", \"source\": \"https://example.org/f7\", \"confidence\": \"S\" } },\n"
  "    { \"number\": 10,\n"
  "      \"period\": { \"start\": \"2024-01-01\", \"end\": \"2024-06-30\" },\n"
  "      \"released\": null,\n"
  "      \"denominator\": { \"kind\": \"monitorable\", \"count\": 552 },\n"
  "      \"preliminary\": { \"value\": 45, \"unit\": \"percent\", \"source\": \"https://example.org/p10\", \"confidence\": \"C\" },\n"
  "      \"secondary\": { \"value\": 37, \"unit\": \"percent\", \"source\": \"https://example.org/s10\", \"confidence\": \"C\" },\n"
  "      \"full\": { \"value\": 9, \"unit\": \"percent\", \"source\": \"https://example.org/f10\", \"confidence\": \"C\" },\n"
  "      \"any\": { \"value\": 91, \"unit\": \"percent\", \"source\": \"https://example.org/a10\", \"confidence\": \"C\" } }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  const char       *find;      /* must occur exactly once in base_file */
  const char       *replace;
  int               code;      /* a LensContentError */
  const char       *message;   /* NULL: the edited file must still load */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "{ \"number\": 10,", "{ \"number\": 10, \"fulll\": {},",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: report 10: unknown key \"fulll\"" },
  { "\"source\": \"https://example.org/f10\", ", "",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: report 10: \"full\": missing \"source\"" },
  { "\"https://example.org/f10\", \"confidence\": \"C\"", "\"https://example.org/f10\", \"confidence\": \"X\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"full\": confidence \"X\" is not one of C, S, D" },
  { "\"https://example.org/f10\", \"confidence\": \"C\"", "\"https://example.org/f10\", \"confidence\": \"U\"",
    LENS_CONTENT_ERROR_UNCONFIRMED,
    "consent-decree.json: report 10: \"full\": confidence \"U\" marks an unconfirmed figure, and "
    "unconfirmed figures are not shipped: confirm it from a source (C, S or D) or leave it out" },
  { "\"value\": 9, \"unit\": \"percent\"", "\"value\": 120, \"unit\": \"percent\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"full\": 120% is more than 100%" },
  { "\"value\": 9, \"unit\": \"percent\"", "\"value\": -1, \"unit\": \"percent\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"full\": value -1 is negative" },
  { "\"value\": 9, \"unit\": \"percent\"", "\"value\": 9, \"unit\": \"percentage\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"full\": unit \"percentage\" is not one of count, percent" },
  { "\"https://example.org/f10\"", "\"example.org/f10\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"full.source\": \"example.org/f10\" is not an http:// or https:// address" },
  { "\"value\": 281,", "\"value\": 481,",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 5: preliminary + secondary + full = 580 paragraphs, more than the denominator (523)" },
  { "\"value\": 281,", "\"value\": 600,",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 5: \"preliminary\": 600 paragraphs is more than the denominator (523)" },
  { "\"value\": 23,", "\"value\": 23.5,",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 5: \"full\": a count must be a whole number, not 23.5" },
  { "\"value\": 45,", "\"value\": 58,",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 10: preliminary + secondary + full = 104%, more than 100%" },
  /* 45 + 37 + 9 = 91: one or two points of rounding are accepted, more are not. */
  { "\"value\": 91,", "\"value\": 93,", 0, NULL },
  { "\"value\": 45,", "\"value\": 46,", 0, NULL },
  { "\"value\": 91,", "\"value\": 95,",
    LENS_CONTENT_ERROR_INCONSISTENT, "consent-decree.json: report 10: \"any\" is 95%, but preliminary + secondary + full = 91%" },
  { "\"value\": 380,", "\"value\": 379,",
    LENS_CONTENT_ERROR_INCONSISTENT, "consent-decree.json: report 5: \"any\" is 379, but preliminary + secondary + full = 380" },
  { "\"value\": 380,", "\"value\": 20,",
    LENS_CONTENT_ERROR_INCONSISTENT, "consent-decree.json: report 5: \"preliminary\" (281) is more than \"any\" (20)" },
  { "{ \"number\": 7,", "{ \"number\": 5,",
    LENS_CONTENT_ERROR_INCONSISTENT, "consent-decree.json: report 5: \"number\": report 5 is listed more than once" },
  { "{ \"number\": 7,", "{",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: item 2 of \"reports\": missing \"number\"" },
  { "{ \"number\": 7,", "{ \"number\": 11,",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 10: \"number\": reports must be listed in ascending order, but 10 comes after 11" },
  { "\"end\": \"2024-06-30\"", "\"end\": \"2024-06-31\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"period.end\": \"2024-06-31\" is not a date in the form YYYY-MM-DD" },
  { "\"end\": \"2024-06-30\"", "\"end\": \"30/06/2024\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"period.end\": \"30/06/2024\" is not a date in the form YYYY-MM-DD" },
  { "\"end\": \"2024-06-30\"", "\"end\": \"2023-12-31\"",
    LENS_CONTENT_ERROR_INCONSISTENT, "consent-decree.json: report 10: \"period\": ends on 2023-12-31, before it starts on 2024-01-01" },
  { "\"date\": \"2022-04-11\"", "\"date\": \"2021-11-01\"",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 5: \"released.date\": 2021-11-01 is not after the end of the reporting period (2021-12-31)" },
  { "\"kind\": \"filed\"", "\"kind\": \"published\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 5: \"released.kind\": \"published\" is not one of filed, released" },
  { "\"released\": null,\n", "",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: report 10: missing \"released\"" },
  { "{ \"kind\": \"monitorable\", \"count\": 552 }", "{ \"kind\": \"monitorable\", \"count\": 500 }",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 10: \"denominator.count\": 500 does not match the 552 monitorable paragraphs; "
    "leave \"count\" out for \"monitorable\"" },
  { "{ \"kind\": \"monitorable\", \"count\": 552 }",
    "{ \"kind\": \"assessed\", \"count\": 500, \"source\": \"https://example.org/x\", \"confidence\": \"S\" }",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: report 10: \"denominator.kind\": reports from number 7 on use \"monitorable\" (see \"denominator-change\")" },
  { "{ \"kind\": \"monitorable\", \"count\": 552 }", "{ \"kind\": \"estimated\" }",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: report 10: \"denominator.kind\": \"estimated\" is not one of assessed, monitorable" },
  { "\"count\": 523, \"source\": \"https://example.org/d5\", ", "",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: report 5: \"denominator\": missing \"count\"" },
  { "\"reports\": [5]", "\"reports\": [13]",
    LENS_CONTENT_ERROR_INCONSISTENT,
    "consent-decree.json: topic area \"use-of-force\": finding 1: \"reports\": there is no report 13 in \"reports\"" },
  { "\"findings\": [], \"note\": \"No finding.\"", "\"findings\": []",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: topic area \"training\": an area with no findings needs a \"note\" that says so" },
  { "\"date\": \"2017-08-29\"", "\"date\": \"2017-13\"",
    LENS_CONTENT_ERROR_VALUE, "consent-decree.json: key fact \"filed\": \"date\": \"2017-13\" is not a date in the form YYYY-MM-DD or YYYY-MM" },
  { "\"date\": \"2017-08-29\"", "\"date\": \"2017-08\"", 0, NULL },
  { "{ \"id\": \"any\", \"name\": \"Any level\", \"meaning\": \"A.\", \"source\": \"https://example.org/l\", \"confidence\": \"D\" }",
    "{ \"id\": \"full\", \"name\": \"Any level\", \"meaning\": \"A.\", \"source\": \"https://example.org/l\", \"confidence\": \"D\" }",
    LENS_CONTENT_ERROR_INCONSISTENT, "consent-decree.json: level \"full\": \"id\": level \"full\" is listed more than once" },
  { "\"about\": null, ", "",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: \"translatable\": \"about\" is translated by Reform Lens but not listed" },
  { "\"note\": null,", "\"note\": null, \"source\": null,",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: \"translatable\": \"source\" is listed, but Reform Lens does not translate it" },
  { "\"format\": 1,", "\"format\": 1, \"extra\": true,",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: unknown key \"extra\"" },
  { "\"format\": 1,", "\"format\": 2,",
    LENS_CONTENT_ERROR_SCHEMA,
    "consent-decree.json: \"format\": version 2 is not supported (this version of Reform Lens reads version 1)" },
  { "\"text\": \"M.\"", "\"text\": \"\"",
    LENS_CONTENT_ERROR_SCHEMA, "consent-decree.json: \"monitorable-paragraphs.text\": must not be empty" },
};

static void
test_broken_files (void)
{
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "consent-decree.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      const BrokenCase *c = &broken_cases[i];
      g_autoptr(LensConsentDecree) decree = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      lens_test_write_edited (path, base_file, c->find, c->replace);

      decree = lens_consent_decree_new_from_file (path, &error);
      if (c->message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (decree);
          continue;
        }

      g_assert_null (decree);
      g_assert_error (error, LENS_CONTENT_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
    }

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LensConsentDecree) decree = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{ \"format\": 1, ", 15);

  decree = lens_consent_decree_new_from_file ("/nonexistent/consent-decree.json", &error);
  g_assert_null (decree);
  g_assert_error (error, LENS_CONTENT_ERROR, LENS_CONTENT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "consent-decree.json: could not be read: "));
  g_clear_error (&error);

  decree = lens_consent_decree_new_from_bytes (bytes, "consent-decree.json", &error);
  g_assert_null (decree);
  g_assert_error (error, LENS_CONTENT_ERROR, LENS_CONTENT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "consent-decree.json: not valid JSON: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/consent-decree/shipped-loads", test_shipped_loads);
  g_test_add_func ("/consent-decree/figures-sourced", test_figures_sourced);
  g_test_add_func ("/consent-decree/levels-consistent", test_levels_consistent);
  g_test_add_func ("/consent-decree/known-values", test_known_values);
  g_test_add_func ("/consent-decree/context", test_context);
  g_test_add_func ("/consent-decree/compliance-bars", test_compliance_bars);
  g_test_add_func ("/consent-decree/broken-files", test_broken_files);
  g_test_add_func ("/consent-decree/unreadable", test_unreadable);

  return g_test_run ();
}
