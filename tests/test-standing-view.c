/* test-standing-view.c: where the district stands, against the fake portal: the counts of all
 * 22 districts, their ranks, the words of a rank, the bars, the table and the CSV
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gtk/gtk.h>

#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-plot-area.h"
#include "lens-standing-view.h"
#include "lens-test-util.h"
#include "lens-test-window.h"

typedef LensTestPortal Fixture;

static char *
day_string (const GDate *date,
            int          add)
{
  GDate d = *date;

  g_date_add_days (&d, add);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static void
test_rank_text (void)
{
  static const struct { guint rank; const char *text; } cases[] = {
    { 1, "1st of 22" }, { 2, "2nd of 22" }, { 3, "3rd of 22" }, { 4, "4th of 22" },
    { 11, "11th of 22" }, { 12, "12th of 22" }, { 13, "13th of 22" }, { 21, "21st of 22" },
    { 22, "22nd of 22" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lens_standing_dup_rank_text (cases[i].rank, 22);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static gboolean
is_settled (gpointer data)
{
  return lens_loadable_is_settled (LENS_LOADABLE (data)) &&
         lens_standing_view_get_standing (LENS_STANDING_VIEW (data)) != NULL;
}

/* Each district's count is what the portal counts for its rows: one request for all 22. */
static void
check_against_portal (Fixture      *f,
                      LensStanding *standing)
{
  LensDistrictRanking *ranking = lens_standing_get_ranking (standing);
  const LensPeriod *period = lens_standing_get_period (standing);
  g_autofree char *from = day_string (&period->from, 0);
  g_autofree char *to = day_string (&period->to, 1);
  guint measure = lens_standing_get_measure (standing);

  g_assert_cmpuint (lens_district_ranking_get_n_ranked (ranking), ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      const LensDistrictStanding *s = lens_district_ranking_get_nth (ranking, i);
      g_autofree char *code = lens_district_dup_code (lens_district_lookup_number (s->district));
      g_autofree char *district = g_strdup_printf ("district=%s", code);
      gint64 expected = 0;

      if (measure == LENS_STANDING_ALL_INCIDENTS)
        {
          const char *constraints[] = { district, NULL };

          expected = lens_fake_portal_expected_count (f->portal, LENS_DATASET_CRIMES, constraints, from, to);
        }
      else
        {
          const char * const *codes = lens_compstat_get_row (measure - 1)->fbi_codes;

          for (guint c = 0; codes[c] != NULL; c++)
            {
              g_autofree char *fbi = g_strdup_printf ("fbi_code=%s", codes[c]);
              const char *constraints[] = { district, fbi, NULL };

              expected += lens_fake_portal_expected_count (f->portal, LENS_DATASET_CRIMES, constraints, from, to);
            }
        }
      g_assert_cmpfloat (s->value, ==, (double) expected);
      if (i > 0)
        {
          const LensDistrictStanding *previous = lens_district_ranking_get_nth (ranking, i - 1);

          g_assert_cmpfloat (previous->value, >=, s->value);
          g_assert_cmpuint (s->rank, ==, previous->value == s->value ? previous->rank : i + 1);
        }
    }
}

static guint
count_ranking_requests (Fixture *f)
{
  g_auto(GStrv) log = lens_fake_portal_dup_request_log (f->portal);
  guint n = 0;

  for (guint i = 0; log[i] != NULL; i++)
    if (strstr (log[i], "$group=district") != NULL)
      n++;
  return n;
}

static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lens_standing_view_new ();
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *rank = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  LensStanding *standing;
  LensSeries *series;
  const LensDistrictStanding *five;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  lens_filters_set_district (filters, 5);
  lens_loadable_load (LENS_LOADABLE (view), f->client, filters, LENS_QUERY_DEFAULT);
  g_assert_true (lens_test_wait_until (is_settled, view));
  g_assert_cmpuint (count_ranking_requests (f), ==, 1);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (f->portal), ==, 0);

  standing = lens_standing_view_get_standing (LENS_STANDING_VIEW (view));
  g_assert_cmpuint (lens_standing_get_measure (standing), ==, LENS_STANDING_ALL_INCIDENTS);
  check_against_portal (f, standing);

  /* The sentence names district 5's rank; the bars highlight it */
  five = lens_district_ranking_lookup (lens_standing_get_ranking (standing), 5);
  rank = lens_standing_dup_rank_text (five->rank, 22);
  g_assert_nonnull (strstr (lens_standing_view_get_sentence (LENS_STANDING_VIEW (view)), rank));
  areas = lens_test_find_all (view, LENS_TYPE_PLOT_AREA);
  series = lens_plot_area_get_series (g_ptr_array_index (areas, 0));
  g_assert_nonnull (series);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 22);
  g_assert_cmpuint (lens_series_get_highlight (series), !=, G_MAXUINT);
  g_assert_true (lens_district_ranking_get_nth (lens_standing_get_ranking (standing),
                                                lens_series_get_highlight (series))->district == 5);
  g_assert_cmpfloat (lens_series_get_value (series, 0, lens_series_get_highlight (series)), ==, five->value);

  /* The CSV through the chart export path: district, count, rank */
  document = lens_standing_dup_document (standing, 5, TRUE);
  csv = lens_chart_export_to_csv (document);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "district,count,rank");
  g_assert_cmpuint (g_strv_length (lines), >=, 23);
  for (guint i = 0; i < 22; i++)
    {
      const LensDistrictStanding *s = lens_district_ranking_get_nth (lens_standing_get_ranking (standing), i);
      g_autofree char *line = g_strdup_printf ("%u,%.0f,%u", s->district, s->value, s->rank);

      g_assert_cmpstr (lines[i + 1], ==, line);
    }

  /* Another measure: robbery over the last 28 days, one more request */
  lens_standing_view_set_window (LENS_STANDING_VIEW (view), LENS_COMPSTAT_LAST_28);
  g_assert_true (lens_test_wait_until (is_settled, view));
  lens_standing_view_set_measure (LENS_STANDING_VIEW (view), 3);
  g_assert_true (lens_test_wait_until (is_settled, view));
  standing = lens_standing_view_get_standing (LENS_STANDING_VIEW (view));
  g_assert_cmpuint (lens_standing_get_measure (standing), ==, 3);
  g_assert_cmpstr (lens_standing_get_measure_id (3), ==, "robbery");
  check_against_portal (f, standing);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/standing/rank-text", test_rank_text);
  g_test_add ("/standing/view", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_view, lens_test_portal_fixture_tear_down);

  return g_test_run ();
}
