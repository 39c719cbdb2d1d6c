/* test-reports.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lens-consent-decree.h"
#include "lens-reports.h"
#include "lens-test-util.h"

/* The chart catalogue's ids (data/charts.json on the catalog branch). */
static const char * const known_charts[] = {
  "crime-incidents-per-year", "crime-incidents-per-month", "crime-top-offenses",
  "crime-arrest-share", "complaints-per-year", "complaints-categories", "complaints-findings",
  "complaints-status", "consent-decree-compliance", NULL
};

static const char * const known_pages[] = {
  "crime", "complaints", "consent-decree", "overview", NULL
};

static LensReports *
load_shipped (void)
{
  g_autoptr(GError) error = NULL;
  LensReports *reports = lens_reports_new_from_resource (&error);

  g_assert_no_error (error);
  g_assert_nonnull (reports);
  return reports;
}

static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0'))
      n++;
  return n;
}

static void
assert_charts_known (GStrv charts)
{
  for (guint i = 0; charts[i] != NULL; i++)
    {
      g_test_message ("chart id %s", charts[i]);
      g_assert_true (g_strv_contains (known_charts, charts[i]));
    }
}

static void
test_four_reports (void)
{
  g_autoptr(LensReports) reports = load_shipped ();
  g_autoptr(LensReports) from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "reports.json", NULL);
  guint perspectives[3] = { 0 };

  from_file = lens_reports_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_reports_get_n_reports (from_file), ==, 4);

  g_assert_cmpuint (lens_reports_get_n_reports (reports), ==, 4);
  for (guint i = 0; i < lens_reports_get_n_reports (reports); i++)
    {
      const LensReport *report = lens_reports_get_report (reports, i);
      guint sentences = count_sentences (report->summary);

      g_test_message ("report %s: %u sentences", report->id, sentences);
      g_assert_nonnull (report->title);
      g_assert_nonnull (report->written_by);
      g_assert_nonnull (report->heard);
      g_assert_cmpuint (sentences, >=, 3);
      g_assert_cmpuint (sentences, <=, 5);
      g_assert_nonnull (report->points[0]);
      g_assert_nonnull (report->sources[0]);
      for (guint j = 0; report->sources[j] != NULL; j++)
        g_assert_true (g_str_has_prefix (report->sources[j], "https://"));
      assert_charts_known (report->charts);
      perspectives[report->perspective]++;
      g_assert_cmpstr (lens_perspective_describe (report->perspective), !=, NULL);
      g_assert_true (lens_reports_lookup_report (reports, report->id) == report);
    }

  g_assert_cmpuint (perspectives[LENS_PERSPECTIVE_COMMUNITY], ==, 2);
  g_assert_cmpuint (perspectives[LENS_PERSPECTIVE_CPD_MEMBERS], ==, 1);
  g_assert_cmpuint (perspectives[LENS_PERSPECTIVE_NATIONAL], ==, 1);

  g_assert_true (g_str_has_prefix (lens_reports_lookup_report (reports, "national-practices")->written_by,
                                   "21CP Solutions"));
  g_assert_nonnull (strstr (lens_reports_lookup_report (reports, "community-engaged-policing")->heard, "700"));
}

static void
test_passages (void)
{
  g_autoptr(LensReports) reports = load_shipped ();
  g_autoptr(LensConsentDecree) decree = NULL;
  g_autoptr(GPtrArray) crime = lens_reports_get_passages_for_page (reports, "crime");
  g_autoptr(GPtrArray) compliance = lens_reports_get_passages_for_chart (reports, "consent-decree-compliance");
  g_autoptr(GPtrArray) none = lens_reports_get_passages_for_page (reports, "no-such-page");
  g_autoptr(GError) error = NULL;

  decree = lens_consent_decree_new_from_resource (&error);
  g_assert_no_error (error);

  g_assert_cmpuint (crime->len, >, 0);
  for (guint i = 0; i < crime->len; i++)
    g_assert_cmpstr (((const LensPassage *) g_ptr_array_index (crime, i))->page, ==, "crime");
  g_assert_cmpuint (compliance->len, >, 0);
  g_assert_cmpuint (none->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (known_pages) - 1; i++)
    {
      g_autoptr(GPtrArray) page = lens_reports_get_passages_for_page (reports, known_pages[i]);

      g_assert_cmpuint (page->len, >, 0);
    }

  for (guint i = 0; i < lens_reports_get_n_passages (reports); i++)
    {
      const LensPassage *passage = lens_reports_get_passage (reports, i);

      g_assert_true (g_strv_contains (known_pages, passage->page));
      g_assert_nonnull (passage->text);
      g_assert_true (g_str_has_prefix (passage->source.url, "https://"));
      assert_charts_known (passage->charts);
      g_assert_true ((passage->from_report != NULL) != (passage->from_monitoring_report != 0));
      if (passage->from_report != NULL)
        g_assert_nonnull (lens_reports_lookup_report (reports, passage->from_report));
      else
        g_assert_nonnull (lens_consent_decree_lookup_report (decree, passage->from_monitoring_report));
    }
}

static void
test_engagement (void)
{
  g_autoptr(LensReports) reports = load_shipped ();
  const char * const *organizations = lens_reports_get_organizations (reports);
  static const char * const expected[] = {
    "YWCA Metro Chicago", "Brave Space Alliance", "Bright Star Community Outreach",
    "BUILD Incorporated", "Coalition for a Better Chinese American Community", "El Valor",
    "Target Area Development Corp", "The Resurrection Project", NULL
  };
  gboolean saw_webinar = FALSE, saw_survey = FALSE, saw_sessions = FALSE;

  g_assert_cmpstrv (organizations, expected);
  g_assert_nonnull (lens_reports_get_engagement_summary (reports));
  g_assert_nonnull (lens_reports_get_engagement_next_steps (reports));
  g_assert_nonnull (lens_reports_get_engagement_source (reports)->url);

  for (guint i = 0; i < lens_reports_get_n_engagement_events (reports); i++)
    {
      const LensEngagementEvent *event = lens_reports_get_engagement_event (reports, i);
      g_autofree char *start = lens_content_date_to_iso (&event->date);
      g_autofree char *end = lens_content_date_to_iso (&event->end_date);

      if (g_str_equal (event->id, "webinar"))
        {
          saw_webinar = TRUE;
          g_assert_cmpstr (start, ==, "2025-05-08");
        }
      else if (g_str_equal (event->id, "survey"))
        {
          saw_survey = TRUE;
          g_assert_cmpstr (end, ==, "2025-06-27");
        }
      else if (g_str_equal (event->id, "sessions"))
        {
          saw_sessions = TRUE;
          g_assert_cmpstr (start, ==, "2025-05-10");
          g_assert_cmpstr (end, ==, "2025-06-25");
        }
    }

  g_assert_true (saw_webinar && saw_survey && saw_sessions);
}

static void
test_get_involved (void)
{
  g_autoptr(LensReports) reports = load_shipped ();
  gboolean saw_copa = FALSE, saw_ccpsa = FALSE;

  g_assert_cmpuint (lens_reports_get_n_get_involved (reports), >=, 8);
  for (guint i = 0; i < lens_reports_get_n_get_involved (reports); i++)
    {
      const LensGetInvolvedItem *item = lens_reports_get_get_involved (reports, i);

      g_assert_nonnull (item->title);
      g_assert_nonnull (item->text);
      g_assert_true (g_str_has_prefix (item->url, "https://"));
      saw_copa |= g_str_equal (item->id, "copa");
      saw_ccpsa |= g_str_equal (item->id, "ccpsa");
    }

  g_assert_true (saw_copa && saw_ccpsa);
}

static const char base_file[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"translatable\": { \"title\": \"reports title\", \"written-by\": null, \"heard\": null, \"summary\": null,\n"
  "                    \"points\": null, \"note\": null, \"text\": null, \"next-steps\": null },\n"
  "  \"reports\": [\n"
  "    { \"id\": \"r1\", \"title\": \"R1\", \"perspective\": \"national\", \"written-by\": \"W.\", \"heard\": \"H.\",\n"
  "      \"summary\": \"S.\", \"points\": [\"P.\"], \"sources\": [\"https://example.org/r1\"], \"charts\": [] }\n"
  "  ],\n"
  "  \"engagement\": { \"summary\": \"E.\", \"next-steps\": \"N.\", \"source\": \"https://example.org/e\",\n"
  "                  \"organizations\": [\"O\"],\n"
  "                  \"events\": [ { \"id\": \"e1\", \"title\": \"E1\", \"date\": \"2025-05-10\", \"end-date\": \"2025-06-25\",\n"
  "                                \"text\": \"T.\", \"source\": \"https://example.org/e1\" } ] },\n"
  "  \"passages\": [\n"
  "    { \"id\": \"p1\", \"page\": \"crime\", \"from-report\": \"r1\", \"text\": \"T.\", \"source\": \"https://example.org/p1\",\n"
  "      \"confidence\": \"C\", \"charts\": [\"crime-top-offenses\"] }\n"
  "  ],\n"
  "  \"get-involved\": [ { \"id\": \"g1\", \"title\": \"G1\", \"text\": \"G.\", \"url\": \"https://example.org/g1\" } ]\n"
  "}\n";

typedef struct
{
  const char       *find;
  const char       *replace;
  int               code;      /* a LensContentError */
  const char       *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "\"perspective\": \"national\"", "\"perspective\": \"police\"",
    LENS_CONTENT_ERROR_VALUE, "reports.json: report \"r1\": \"perspective\": \"police\" is not one of community, cpd-members, national" },
  { "\"heard\": \"H.\",", "",
    LENS_CONTENT_ERROR_SCHEMA, "reports.json: report \"r1\": missing \"heard\"" },
  { "\"sources\": [\"https://example.org/r1\"]", "\"sources\": [\"www.example.org\"]",
    LENS_CONTENT_ERROR_VALUE, "reports.json: report \"r1\": \"sources\": \"www.example.org\" is not an http:// or https:// address" },
  { "\"points\": [\"P.\"]", "\"points\": []",
    LENS_CONTENT_ERROR_SCHEMA, "reports.json: report \"r1\": \"points\": must list at least one point" },
  { "\"page\": \"crime\"", "\"page\": \"arrests\"",
    LENS_CONTENT_ERROR_VALUE, "reports.json: passage \"p1\": \"page\": \"arrests\" is not one of crime, complaints, consent-decree, overview" },
  { "\"from-report\": \"r1\",", "\"from-report\": \"r1\", \"from-monitoring-report\": 11,",
    LENS_CONTENT_ERROR_SCHEMA, "reports.json: passage \"p1\": needs exactly one of \"from-report\" and \"from-monitoring-report\"" },
  { "\"from-report\": \"r1\",", "\"from-report\": \"r2\",",
    LENS_CONTENT_ERROR_INCONSISTENT, "reports.json: passage \"p1\": \"from-report\": there is no report \"r2\" in \"reports\"" },
  { "\"charts\": [\"crime-top-offenses\"]", "\"charts\": [\"Crime Top\"]",
    LENS_CONTENT_ERROR_VALUE, "reports.json: passage \"p1\": \"charts\": \"Crime Top\" is not an id (lowercase letters, digits and single hyphens)" },
  { "\"confidence\": \"C\"", "\"confidence\": \"U\"",
    LENS_CONTENT_ERROR_UNCONFIRMED,
    "reports.json: passage \"p1\": confidence \"U\" marks an unconfirmed figure, and unconfirmed figures are not shipped: "
    "confirm it from a source (C, S or D) or leave it out" },
  { "\"end-date\": \"2025-06-25\"", "\"end-date\": \"2025-05-01\"",
    LENS_CONTENT_ERROR_INCONSISTENT, "reports.json: event \"e1\": \"end-date\": ends on 2025-05-01, before it starts on 2025-05-10" },
  { "\"url\": \"https://example.org/g1\"", "\"url\": \"mailto:someone@example.org\"",
    LENS_CONTENT_ERROR_VALUE, "reports.json: get-involved item \"g1\": \"url\": \"mailto:someone@example.org\" is not an http:// or https:// address" },
  { "{ \"id\": \"g1\",", "{ \"id\": \"p1\", \"title\": \"P\", \"text\": \"P.\", \"url\": \"https://example.org/p\" }, { \"id\": \"p1\",",
    LENS_CONTENT_ERROR_INCONSISTENT, "reports.json: get-involved item \"p1\": \"id\": get-involved item \"p1\" is listed more than once" },
  { "\"next-steps\": null", "\"next-steps\": 3",
    LENS_CONTENT_ERROR_SCHEMA, "reports.json: \"translatable.next-steps\": must be a translation context (a string) or null" },
};

static void
test_broken_files (void)
{
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "reports.json", NULL);

  /* The base itself loads. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (base_file, strlen (base_file));
    g_autoptr(GError) error = NULL;
    g_autoptr(LensReports) reports = lens_reports_new_from_bytes (bytes, "reports.json", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (lens_reports_get_n_reports (reports), ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      const BrokenCase *c = &broken_cases[i];
      g_autoptr(LensReports) reports = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      lens_test_write_edited (path, base_file, c->find, c->replace);

      reports = lens_reports_new_from_file (path, &error);
      g_assert_null (reports);
      g_assert_error (error, LENS_CONTENT_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
    }

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reports/four-reports", test_four_reports);
  g_test_add_func ("/reports/passages", test_passages);
  g_test_add_func ("/reports/engagement", test_engagement);
  g_test_add_func ("/reports/get-involved", test_get_involved);
  g_test_add_func ("/reports/broken-files", test_broken_files);

  return g_test_run ();
}
