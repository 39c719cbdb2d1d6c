/* test-victims-arrests-window.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-victims-arrests-window"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-chart-view.h"
#include "lens-dashboard-page.h"
#include "lens-format.h"
#include "lens-headline-card.h"
#include "lens-overview-page.h"
#include "lens-pdf-text.h"
#include "lens-test-window.h"

/* The Shootings and Arrests pages and the victims card in a window, and the brief's parts for
 * them, against the fake portal, whose numbers are SYNTHETIC. */

typedef LensTestWindow Fixture;

static void
district5_set_up (Fixture       *fixture,
                  gconstpointer  user_data)
{
  lens_test_window_set_up (fixture, "5", "7");
  lens_test_window_open (fixture, NULL, 1400, 900);
}

static void
citywide_set_up (Fixture       *fixture,
                 gconstpointer  user_data)
{
  lens_test_window_set_up (fixture, "", "none");
  lens_test_window_open (fixture, NULL, 1400, 900);
}

/* The City last updated the victims on 10 February 2026 */
static void
victims_update_set_up (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 ("2026-02-10T11:00:00Z", NULL);

  lens_test_window_set_up (fixture, "", "none");
  lens_fake_portal_set_as_of (fixture->portal, "gumc-mgzr", g_date_time_to_unix (updated), NULL);
  lens_test_window_open (fixture, NULL, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  lens_test_window_tear_down (fixture);
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = lens_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
charts_settled (gpointer data)
{
  GPtrArray *charts = data;

  for (guint i = 0; i < charts->len; i++)
    if (!lens_chart_view_is_settled (g_ptr_array_index (charts, i)))
      return FALSE;

  return TRUE;
}

/* Every chart of @page_id drawn, each with one series named @series */
static GPtrArray *
assert_page_charts (Fixture    *fixture,
                    const char *page_id,
                    guint       n_series,
                    const char *series)
{
  GtkWidget *page = lens_test_show_page (fixture->window, page_id);
  GPtrArray *charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
  g_autoptr(GPtrArray) specs = lens_catalog_get_charts_for_page (lens_catalog_get_default (), page_id);

  g_assert_cmpuint (charts->len, ==, specs->len);
  g_assert_cmpuint (charts->len, >=, 5);
  g_assert_true (lens_test_wait_until (charts_settled, charts));
  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);
      LensSeries *data;

      if (lens_chart_view_get_state (view) != LENS_CHART_STATE_CHART)
        g_error ("Chart “%s” is in state %d (%s)", lens_chart_view_get_entry (view)->id,
                 lens_chart_view_get_state (view), lens_chart_view_get_message (view));
      data = lens_chart_data_get_series (lens_chart_view_get_data (view));
      g_assert_cmpuint (lens_series_get_n_vectors (data), ==, n_series);
      g_assert_cmpstr (lens_series_get_vector_name (data, 0), ==, series);
    }
  g_assert_cmpuint (lens_fake_portal_get_n_refused (fixture->portal), ==, 0);
  return charts;
}

/* District 5 compared with District 7 is chosen: the arrests are the city's, say so, and
 * equal what the portal has for the whole city. */
static void
test_arrests_page (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GPtrArray *charts = assert_page_charts (fixture, "arrests", 1, "Citywide");
  GtkWidget *page = lens_test_show_page (fixture->window, "arrests");

  g_assert_true (shows_text (page, "The dataset records no district or beat, so this page always "
                                   "shows the whole city, whichever district is chosen."));

  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);
      LensChartData *data = lens_chart_view_get_data (view);
      LensSeries *series = lens_chart_data_get_series (data);
      LensFilters *filters = lens_chart_data_get_filters (data);
      const char * const *urls = lens_chart_data_get_urls (data);

      for (guint u = 0; urls[u] != NULL; u++)
        g_assert_null (strstr (urls[u], "district"));
      if (!g_str_equal (lens_chart_view_get_entry (view)->id, "arrests-per-year"))
        continue;

      /* the full years of the chosen dates, citywide */
      for (guint l = 0; l < lens_series_get_n_labels (series); l++)
        {
          int year = atoi (lens_series_get_label (series, l));
          g_autofree char *from = g_strdup_printf ("%d-01-01", year);
          g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);

          if (year <= g_date_get_year (lens_filters_get_from (filters)) ||
              year >= g_date_get_year (lens_filters_get_to (filters)))
            continue;
          g_assert_cmpfloat (lens_series_get_value (series, 0, l), ==,
                             lens_fake_portal_expected_count (fixture->portal, "dpt3-jri9", NULL, from, to));
        }
    }
}

/* The victims are the district's, as the filters say */
static void
test_shootings_page (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *page;

  assert_page_charts (fixture, "shootings", 2, "District 5 – Calumet");
  page = lens_test_show_page (fixture->window, "shootings");
  g_assert_true (shows_text (page, "Violence Reduction – Victims of Homicides and Non-Fatal Shootings"));
}

static gboolean
card_settled (gpointer data)
{
  return lens_headline_card_is_settled (data);
}

/* Shooting victims so far this year: the fake's update of 6 April 2026 leaves out two days, but
 * its rows end on 31 March (max(date)), and both periods end there. */
static void
test_victims_card (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char *shot[] = { "gunshot_injury_i=YES", NULL };
  GtkWidget *overview = lens_test_show_page (fixture->window, "overview");
  GPtrArray *cards = lens_overview_page_get_cards (LENS_OVERVIEW_PAGE (overview));
  LensHeadlineCard *card = NULL;
  g_autofree char *now = NULL;
  g_autofree char *before = NULL;
  g_autofree char *compared = NULL;

  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (lens_headline_card_get_spec (g_ptr_array_index (cards, i))->id, "victims-year-to-date"))
      card = g_ptr_array_index (cards, i);
  g_assert_nonnull (card);
  g_assert_true (lens_test_wait_until (card_settled, card));
  g_assert_true (lens_headline_card_has_numbers (card));

  now = lens_format_count (lens_fake_portal_expected_count (fixture->portal, "gumc-mgzr", shot,
                                                            "2026-01-01", "2026-04-01"));
  before = lens_format_count (lens_fake_portal_expected_count (fixture->portal, "gumc-mgzr", shot,
                                                               "2025-01-01", "2025-04-01"));
  g_assert_cmpstr (lens_headline_card_get_text (card), ==, now);
  g_assert_true (shows_text (GTK_WIDGET (card), "1 Jan 2026 to 31 Mar 2026, the latest day the data covers"));
  compared = g_strdup_printf ("compared with 1 Jan 2025 – 31 Mar 2025 (%s)", before);
  g_assert_true (shows_text (GTK_WIDGET (card), compared));
  g_assert_cmpuint (lens_fake_portal_get_n_refused (fixture->portal), ==, 0);
}

/* An update of 10 February leaves out its own day and the day before: the periods end on
 * 8 February. */
static void
test_victims_card_lag (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char *shot[] = { "gunshot_injury_i=YES", NULL };
  GtkWidget *overview = lens_test_show_page (fixture->window, "overview");
  GPtrArray *cards = lens_overview_page_get_cards (LENS_OVERVIEW_PAGE (overview));
  LensHeadlineCard *card = NULL;
  g_autofree char *now = NULL;

  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (lens_headline_card_get_spec (g_ptr_array_index (cards, i))->id, "victims-year-to-date"))
      card = g_ptr_array_index (cards, i);
  g_assert_nonnull (card);
  g_assert_true (lens_test_wait_until (card_settled, card));
  g_assert_true (lens_headline_card_has_numbers (card));
  g_assert_true (shows_text (GTK_WIDGET (card), "1 Jan 2026 to 8 Feb 2026, the latest day the data covers"));
  g_assert_true (shows_text (GTK_WIDGET (card), "compared with 1 Jan 2025 – 8 Feb 2025 ("));
  now = lens_format_count (lens_fake_portal_expected_count (fixture->portal, "gumc-mgzr", shot,
                                                            "2026-01-01", "2026-02-09"));
  g_assert_cmpstr (lens_headline_card_get_text (card), ==, now);
}

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the brief:\n%s", what, text);
}

/* The brief's victims and arrests parts, for District 5, 2021-2024: the district's homicide
 * victims and the city's arrests, each year as the portal served them. */
static void
test_brief_sections (LensTestProgram *fixture,
                     gconstpointer    data)
{
  static const char *district_homicides[] = { "victimization_primary=HOMICIDE", "district=005", NULL };
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *path = g_build_filename (fixture->directory, "brief.pdf", NULL);
  g_autofree char *brief = g_strdup_printf ("--brief=%s", path);
  const char *args[] = {
    brief, "--district=5", "--from=2021-01-01", "--to=2024-12-31", "--language=en",
    "--brief-sections=shootings,arrests", portal, NULL
  };
  const char *pdftotext[] = { "pdftotext", "-layout", path, "-", NULL };
  LensTestRun run = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (lens_test_require_locale ("en_US.UTF-8"));
  lens_test_run_program (&run, NULL, fixture->cache_home, NULL, args);
  if (run.status != 0)
    g_error ("--brief failed: %s", run.err);
  text = lens_pdf_run (pdftotext);
  assert_contains (text, "Shooting and homicide victims");
  assert_contains (text, "Homicide victims per year");
  assert_contains (text, "Victims by race");
  assert_contains (text, "Arrests per year");
  assert_contains (text, "Arrests by class of the most serious charge");
  assert_contains (text, "Class X felony");
  assert_contains (text, "so these numbers are for the whole city");
  assert_contains (text, "a shooting that wounds three people counts three times");
  /* not the other parts */
  g_assert_null (strstr (text, "Reported incidents per year"));

  /* numbers grouped as the brief's English groups them */
  saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  setlocale (LC_NUMERIC, "en_US.UTF-8");
  for (int year = 2021; year <= 2024; year++)
    {
      g_autofree char *from = g_strdup_printf ("%d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);
      g_autofree char *victims = lens_format_count (lens_fake_portal_expected_count (fixture->portal, "gumc-mgzr",
                                                                                     district_homicides,
                                                                                     from, to));
      g_autofree char *arrests = lens_format_count (lens_fake_portal_expected_count (fixture->portal, "dpt3-jri9",
                                                                                     NULL, from, to));

      assert_contains (text, victims);
      assert_contains (text, arrests);
    }
  setlocale (LC_NUMERIC, saved);
  lens_test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  lens_test_window_init (&argc, &argv);

  g_test_add ("/victims-arrests-window/arrests-page", Fixture, NULL, district5_set_up,
              test_arrests_page, fixture_tear_down);
  g_test_add ("/victims-arrests-window/shootings-page", Fixture, NULL, district5_set_up,
              test_shootings_page, fixture_tear_down);
  g_test_add ("/victims-arrests-window/victims-card", Fixture, NULL, citywide_set_up,
              test_victims_card, fixture_tear_down);
  g_test_add ("/victims-arrests-window/victims-card-lag", Fixture, NULL, victims_update_set_up,
              test_victims_card_lag, fixture_tear_down);

  g_test_add ("/victims-arrests-window/brief-sections", LensTestProgram, NULL,
              lens_test_program_fixture_set_up, test_brief_sections,
              lens_test_program_fixture_tear_down);

  return lens_test_window_run ();
}
