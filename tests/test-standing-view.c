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

#include "lens-brief-builder.h"
#include "lens-compstat-view.h"
#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-district-card.h"
#include "lens-format.h"
#include "lens-plot-area.h"
#include "lens-standing-view.h"
#include "lens-pdf-text.h"
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

typedef struct
{
  gboolean   done;
  GPtrArray *tables;
} AreasWait;

static void
areas_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AreasWait *w = user_data;

  w->tables = lens_compstat_load_areas_finish (result, NULL);
  w->done = TRUE;
}

static gboolean
card_settled (gpointer data)
{
  return lens_loadable_is_settled (LENS_LOADABLE (data));
}

/* The Overview's cards: the rank this year as the ranking gives it, and the index crimes of
 * the last 28 days as the portal counts them, against the same days a year earlier. */
static void
test_overview_cards (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *standing_card = lens_district_card_new (LENS_DISTRICT_CARD_STANDING, "Crime");
  GtkWidget *last_28 = lens_district_card_new (LENS_DISTRICT_CARD_LAST_28, "Crime");
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(LensDistrictRanking) ranking = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  LensPeriod windows[LENS_COMPSTAT_N_WINDOWS];
  GDate end;
  gint64 count = 0;
  const char * const *codes = lens_compstat_get_row (lens_compstat_get_n_rows () - 1)->fbi_codes;

  gtk_box_append (GTK_BOX (box), standing_card);
  gtk_box_append (GTK_BOX (box), last_28);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  lens_filters_set_district (filters, 5);
  lens_loadable_load (LENS_LOADABLE (standing_card), f->client, filters, LENS_QUERY_DEFAULT);
  lens_loadable_load (LENS_LOADABLE (last_28), f->client, filters, LENS_QUERY_DEFAULT);
  g_assert_true (lens_test_wait_until (card_settled, standing_card));
  g_assert_true (lens_test_wait_until (card_settled, last_28));
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);

  /* The rank from the portal's counts of all incidents this year in every district */
  g_assert_nonnull (lens_district_card_get_text (LENS_DISTRICT_CARD (last_28)));
  g_assert_nonnull (strstr (lens_district_card_get_detail (LENS_DISTRICT_CARD (standing_card)), "in incidents this year, to "));
  {
    const char *detail = lens_district_card_get_detail (LENS_DISTRICT_CARD (last_28));

    g_assert_nonnull (strstr (detail, "the 28 days to "));
    g_assert_nonnull (strstr (detail, "compared with the same days a year earlier ("));
  }

  /* Both cards end on the data's last full day: find it from a table of the same client. */
  {
    static const guint areas[] = { 5 };
    AreasWait w = { 0 };

    lens_compstat_load_areas_async (f->client, areas, 1, FALSE, LENS_QUERY_DEFAULT, NULL,
                                    areas_cb, &w);
    g_assert_true (lens_test_wait_flag (&w.done));
    end = *lens_compstat_get_last_full_day (g_ptr_array_index (w.tables, 0));
    g_ptr_array_unref (w.tables);
  }
  lens_compstat_get_windows (&end, windows);

  ranking = lens_district_ranking_new ();
  from = day_string (&windows[LENS_COMPSTAT_YEAR_TO_DATE].from, 0);
  to = day_string (&windows[LENS_COMPSTAT_YEAR_TO_DATE].to, 1);
  for (guint d = 0; d < lens_districts_get_count (); d++)
    {
      g_autofree char *code = lens_district_dup_code (lens_districts_get_nth (d));
      g_autofree char *district = g_strdup_printf ("district=%s", code);
      const char *constraints[] = { district, NULL };

      lens_district_ranking_add (ranking, code,
                                 lens_fake_portal_expected_count (f->portal, LENS_DATASET_CRIMES, constraints, from, to));
    }
  rank = lens_standing_dup_standing_text (ranking, 5);
  g_assert_cmpstr (lens_district_card_get_text (LENS_DISTRICT_CARD (standing_card)), ==, rank);

  g_free (from);
  g_free (to);
  from = day_string (&windows[LENS_COMPSTAT_LAST_28].from, 0);
  to = day_string (&windows[LENS_COMPSTAT_LAST_28].to, 1);
  for (guint c = 0; codes[c] != NULL; c++)
    {
      g_autofree char *fbi = g_strdup_printf ("fbi_code=%s", codes[c]);
      const char *constraints[] = { "district=005", fbi, NULL };

      count += lens_fake_portal_expected_count (f->portal, LENS_DATASET_CRIMES, constraints, from, to);
    }
  expected = lens_format_count (count);
  g_assert_cmpstr (lens_district_card_get_text (LENS_DISTRICT_CARD (last_28)), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
compstat_settled (gpointer data)
{
  return lens_loadable_is_settled (LENS_LOADABLE (data)) &&
         lens_compstat_view_get_tables (LENS_COMPSTAT_VIEW (data)) != NULL;
}

typedef struct
{
  gboolean   done;
  LensBrief *brief;
  GError    *error;
} BriefWait;

static void
brief_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BriefWait *w = user_data;

  w->brief = lens_brief_builder_build_finish (result, NULL, NULL, &w->error);
  w->done = TRUE;
}

/* The brief's CompStat page has the numbers the table on screen shows, row by row, and its
 * standing page the rank on screen. */
static void
test_brief_pages (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *compstat = lens_compstat_view_new ();
  GtkWidget *standing = lens_standing_view_new ();
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *squeezed = NULL;
  g_autofree char *rank = NULL;
  BriefWait w = { 0 };
  GPtrArray *tables;
  guint n_pages;

  if (!lens_pdf_have_poppler ())
    return;

  gtk_box_append (GTK_BOX (box), compstat);
  gtk_box_append (GTK_BOX (box), standing);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  lens_filters_set_district (filters, 5);
  lens_loadable_load (LENS_LOADABLE (compstat), f->client, filters, LENS_QUERY_DEFAULT);
  lens_loadable_load (LENS_LOADABLE (standing), f->client, filters, LENS_QUERY_DEFAULT);
  g_assert_true (lens_test_wait_until (compstat_settled, compstat));
  g_assert_true (lens_test_wait_until (is_settled, standing));

  lens_brief_builder_build_async (f->client, filters, NULL,
                                  LENS_BRIEF_PART_COVER | LENS_BRIEF_PART_COMPSTAT | LENS_BRIEF_PART_STANDING,
                                  LENS_QUERY_DEFAULT, NULL, brief_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  g_assert_nonnull (w.brief);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);

  dir = lens_test_make_dir ();
  path = g_build_filename (dir, "brief.pdf", NULL);
  g_assert_true (lens_brief_write_pdf (w.brief, path, NULL));
  n_pages = lens_pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  pages = lens_pdf_pages_text (path, n_pages);
  for (guint i = 0; i < pages->len; i++)
    g_string_append (all, g_ptr_array_index (pages, i));
  squeezed = lens_pdf_squeeze (all->str);

  g_assert_nonnull (strstr (squeezed, "Index Crimes Against a Year Earlier"));
  g_assert_nonnull (strstr (squeezed, "Where the District Stands"));
  g_assert_nonnull (strstr (squeezed, "counts, not rates"));

  /* every row of every area on screen, its nine numbers in one line of the brief */
  tables = lens_compstat_view_get_tables (LENS_COMPSTAT_VIEW (compstat));
  g_assert_cmpuint (tables->len, ==, 2);
  for (guint t = 0; t < tables->len; t++)
    {
      LensCompstat *table = g_ptr_array_index (tables, t);
      guint n_rows = lens_compstat_get_n_rows () + (lens_compstat_has_victims (table) ? 1 : 0);

      for (guint r = 0; r < n_rows; r++)
        {
          static const LensCompstatWindow shown[] = { LENS_COMPSTAT_LAST_7, LENS_COMPSTAT_LAST_28, LENS_COMPSTAT_YEAR_TO_DATE };
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
            {
              gboolean victims = r == lens_compstat_get_n_rows ();

              g_ptr_array_add (cells, lens_format_count (victims ? lens_compstat_get_victims (table, shown[i])
                                                                 : lens_compstat_get_count (table, r, shown[i])));
              g_ptr_array_add (cells, lens_format_count (victims ? lens_compstat_get_victims (table, shown[i] + 1)
                                                                 : lens_compstat_get_count (table, r, shown[i] + 1)));
              g_ptr_array_add (cells, victims ? lens_compstat_dup_victims_change (table, shown[i])
                                              : lens_compstat_dup_change (table, r, shown[i]));
            }
          for (guint p = 0; p < pages->len && !found; p++)
            found = lens_pdf_has_row (g_ptr_array_index (pages, p), (const char **) cells->pdata, cells->len);
          if (!found)
            g_error ("Row %u of area %u is not in the brief as on screen", r, t);
        }
    }

  /* the rank on screen */
  rank = lens_standing_dup_standing_text (lens_standing_get_ranking (lens_standing_view_get_standing (LENS_STANDING_VIEW (standing))), 5);
  {
    g_autofree char *rank_squeezed = lens_pdf_squeeze (rank);

    g_assert_nonnull (strstr (squeezed, rank_squeezed));
  }

  g_clear_object (&w.brief);
  lens_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/standing/rank-text", test_rank_text);
  g_test_add ("/standing/overview-cards", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_overview_cards, lens_test_portal_fixture_tear_down);
  g_test_add ("/standing/brief-pages", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_brief_pages, lens_test_portal_fixture_tear_down);
  g_test_add ("/standing/view", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_view, lens_test_portal_fixture_tear_down);

  return g_test_run ();
}
