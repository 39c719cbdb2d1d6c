/* test-pages.c: the consent-decree, reports and "Get involved" pages, the "What the reports
 * say" panel, the Complaints page and the Overview's complaints and consent-decree cards,
 * in the window against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "lens-application.h"
#include "lens-chart-view.h"
#include "lens-compliance-card.h"
#include "lens-compliance-chart.h"
#include "lens-consent-decree-page.h"
#include "lens-content-widgets.h"
#include "lens-dashboard-page.h"
#include "lens-get-involved-page.h"
#include "lens-headline-card.h"
#include "lens-overview-page.h"
#include "lens-reports-page.h"
#include "lens-reports-panel.h"
#include "lens-split-layout.h"
#include "lens-test-window.h"
#include "lens-window.h"

/* The run's application and a window against the fake portal (lens-test-window.h). */
typedef LensTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  lens_test_window_set_up (fixture, "", "none");
  /* A test's data: the day the City last updated Crimes ("2025-06-15"), or NULL */
  if (user_data != NULL)
    {
      g_autofree char *iso = g_strconcat (user_data, "T11:00:00Z", NULL);
      g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 (iso, NULL);

      lens_fake_portal_set_as_of (fixture->portal, "ijzp-q8t2", g_date_time_to_unix (updated), NULL);
    }
  lens_test_window_open (fixture, NULL, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  lens_test_window_tear_down (fixture);
}

/* Widget tree walks */

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = lens_test_find_all (root, type);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

/* TRUE when a label (or a preferences row's title or subtitle) under @root contains @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = lens_test_find_all (root, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) rows = lens_test_find_all (root, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *subtitle = NULL;

      if (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) != NULL)
        return TRUE;
      if (ADW_IS_ACTION_ROW (row))
        subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      else if (ADW_IS_EXPANDER_ROW (row))
        subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      if (subtitle != NULL && strstr (subtitle, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Links */

static gboolean
all_mapped (gpointer data)
{
  GPtrArray *widgets = data;

  for (guint i = 0; i < widgets->len; i++)
    if (!gtk_widget_get_mapped (g_ptr_array_index (widgets, i)))
      return FALSE;
  return TRUE;
}

static gboolean
activate_link_cb (GtkLinkButton *button,
                  GPtrArray     *opened)
{
  g_ptr_array_add (opened, g_strdup (gtk_link_button_get_uri (button)));

  /* handled: no browser in the tests */
  return TRUE;
}

static gboolean
has_opened (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

/* Every link under @root: a web address with a host, https but for the one source only
 * published over http; activating it asks to open exactly its address. */
static guint
check_links (GtkWidget *root)
{
  g_autoptr(GPtrArray) expanders = lens_test_find_all (root, ADW_TYPE_EXPANDER_ROW);
  g_autoptr(GPtrArray) links = lens_test_find_all (root, GTK_TYPE_LINK_BUTTON);

  /* what a person would open first to reach the links inside */
  for (guint i = 0; i < expanders->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (expanders, i), TRUE);
  g_assert_true (lens_test_wait_until (all_mapped, links));

  for (guint i = 0; i < links->len; i++)
    {
      GtkLinkButton *link = g_ptr_array_index (links, i);
      const char *uri = gtk_link_button_get_uri (link);
      g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
      g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
      gulong id;

      g_assert_nonnull (parsed);
      g_assert_nonnull (g_uri_get_host (parsed));
      if (!g_str_has_prefix (uri, "https://") &&
          !g_str_has_prefix (uri, "http://chicagotonight.wttw.com/"))
        g_error ("link %s is not https", uri);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (link)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (link)));

      id = g_signal_connect (link, "activate-link", G_CALLBACK (activate_link_cb), opened);
      /* the first as Enter or Space do (a button "clicks" a moment after it is activated,
       * so the others are clicked at once, to keep the test short) */
      if (i == 0)
        {
          gtk_widget_activate (GTK_WIDGET (link));
          lens_test_wait_until (has_opened, opened);
        }
      else
        g_signal_emit_by_name (link, "clicked");
      g_signal_handler_disconnect (link, id);

      g_assert_cmpuint (opened->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, uri);
    }

  return links->len;
}

/* A row with a link at its end opens the link when activated (Enter or Space on the row). */
static void
check_row_opens (GtkWidget  *row,
                 const char *expected_uri)
{
  g_autoptr(GPtrArray) links = lens_test_find_all (row, GTK_TYPE_LINK_BUTTON);
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  GtkLinkButton *link;
  gulong id;

  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  id = g_signal_connect (link, "activate-link", G_CALLBACK (activate_link_cb), opened);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  lens_test_wait_until (has_opened, opened);
  g_signal_handler_disconnect (link, id);

  g_assert_cmpuint (opened->len, ==, 1);
  if (expected_uri != NULL)
    g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, expected_uri);
}

/* Tests */

static void
test_consent_decree_page (Fixture       *fixture,
                          gconstpointer  user_data)
{
  LensConsentDecree *decree = lens_shipped_consent_decree ();
  GtkWidget *page = lens_test_show_page (fixture->window, "consent-decree");
  GtkWidget *chart;
  LensSeries *series;
  g_autoptr(GPtrArray) expanders = NULL;
  g_autoptr(GPtrArray) action_rows = NULL;
  guint n_reports = lens_consent_decree_get_n_reports (decree);
  guint figure_rows = 0, topic_rows = 0;
  guint first_monitorable = 0;
  const char *before = NULL, *after = NULL;
  guint n_links;

  g_assert_true (LENS_IS_CONSENT_DECREE_PAGE (page));
  g_assert_true (lens_page_is_settled (LENS_PAGE (page)));

  /* the chart: every report, full / secondary / preliminary stacked, the change marked */
  chart = find_one (page, LENS_TYPE_COMPLIANCE_CHART);
  /* Only the page shown is measured and allocated: wait for its first allocation. */
  g_assert_true (lens_test_wait_allocated (chart));
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 300);
  series = lens_compliance_chart_get_series (LENS_COMPLIANCE_CHART (chart));
  g_assert_nonnull (series);
  g_assert_true (lens_series_get_percent (series));
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, n_reports);
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 3);
  g_assert_cmpstr (lens_series_get_label (series, 0), ==, "IMR-1");
  g_assert_cmpstr (lens_series_get_vector_name (series, 0), ==, "Full");
  g_assert_cmpstr (lens_series_get_vector_name (series, 2), ==, "Preliminary");
  lens_consent_decree_get_denominator_change (decree, &first_monitorable);
  g_assert_cmpuint (first_monitorable, ==, 7);
  g_assert_cmpuint (lens_series_get_divider (series, &before, &after), ==, 6);
  g_assert_cmpstr (lens_series_get_label (series, 6), ==, "IMR-7");
  g_assert_nonnull (strstr (after, "552"));
  g_assert_nonnull (before);
  /* IMR-11 as published; IMR-2 had no figures: an empty slot */
  g_assert_cmpfloat (lens_series_get_value (series, 0, 10), ==, 16.0);
  g_assert_cmpfloat (lens_series_get_value (series, 1, 10), ==, 42.0);
  g_assert_cmpfloat (lens_series_get_value (series, 2, 10), ==, 34.0);
  for (guint v = 0; v < 3; v++)
    g_assert_true (isnan (lens_series_get_value (series, v, 1)));
  g_assert_cmpstr (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)) == GTK_ACCESSIBLE_ROLE_IMG ? "img" : "other", ==, "img");

  /* the figures: one row per report, with each figure's confidence and source */
  expanders = lens_test_find_all (page, ADW_TYPE_EXPANDER_ROW);
  for (guint i = 0; i < expanders->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (expanders, i);

      if (gtk_widget_has_css_class (row, "report-row"))
        figure_rows++;
      if (gtk_widget_has_css_class (row, "topic-row"))
        topic_rows++;
    }
  g_assert_cmpuint (figure_rows, ==, n_reports);
  g_assert_true (shows_text (page, "IMR-11 · "));
  g_assert_true (shows_text (page, "Full 16% · Secondary 42% · Preliminary 34% · Any level 92%"));
  g_assert_true (shows_text (page, "Full: 16%"));
  g_assert_true (shows_text (page, "No figures by level were published"));
  g_assert_true (shows_text (page, "Confirmed by an official document or by two independent reports · Source: WTTW"));
  /* a count turned into a share says so */
  g_assert_true (shows_text (page, "Full: 23 paragraphs (4.4%)"));
  g_assert_true (shows_text (page, "The share was worked out by Reform Lens from the published count."));
  g_assert_true (shows_text (page, "Measured against all 552 monitorable paragraphs"));

  /* the levels in plain words, the eleven areas and investigatory stops, key dates */
  g_assert_true (shows_text (page, "The requirement has been written into CPD policy."));
  g_assert_cmpuint (topic_rows, ==, 12);
  g_assert_true (shows_text (page, "4. Use of Force"));
  g_assert_true (shows_text (page, "Investigatory Stops"));
  g_assert_true (shows_text (page, "Lawsuit filed"));
  g_assert_true (shows_text (page, "The dashed line before IMR-7: "));

  /* every source opens in the browser; a figure's row opens its own source */
  n_links = check_links (page);
  g_assert_cmpuint (n_links, >, 40);
  action_rows = lens_test_find_all (page, ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < action_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (action_rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Full: 16%") == 0)
        check_row_opens (row, lens_monitoring_report_get_figure (lens_consent_decree_lookup_report (decree, 11),
                                                                 LENS_COMPLIANCE_FULL)->source.url);
    }

  /* the filters do not touch it */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "district", g_variant_new_string ("5"));
  g_assert_true (lens_page_is_settled (LENS_PAGE (page)));
  g_assert_cmpuint (lens_series_get_n_labels (lens_compliance_chart_get_series (LENS_COMPLIANCE_CHART (chart))), ==, n_reports);
}

static gboolean
is_crime_page (gpointer data)
{
  return g_strcmp0 (lens_window_get_page (((Fixture *) data)->window), "crime") == 0;
}

static void
test_reports_page (Fixture       *fixture,
                   gconstpointer  user_data)
{
  LensReports *reports = lens_shipped_reports ();
  GtkWidget *page = lens_test_show_page (fixture->window, "reports");
  GtkWidget *card, *button;
  g_autoptr(GPtrArray) boxes = lens_test_find_all (page, GTK_TYPE_BOX);
  guint cards = 0;

  g_assert_true (LENS_IS_REPORTS_PAGE (page));
  g_assert_cmpuint (lens_reports_get_n_reports (reports), ==, 4);

  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "report-card"))
      cards++;
  g_assert_cmpuint (cards, ==, 4);

  for (guint i = 0; i < lens_reports_get_n_reports (reports); i++)
    {
      const LensReport *report = lens_reports_get_report (reports, i);
      g_autoptr(GPtrArray) links = NULL;

      card = find_named (page, report->id);
      g_assert_nonnull (card);
      g_assert_true (shows_text (card, report->title));
      g_assert_true (shows_text (card, report->written_by));
      g_assert_true (shows_text (card, report->heard));
      g_assert_true (shows_text (card, report->summary));
      g_assert_true (shows_text (card, report->points[0]));
      g_assert_true (shows_text (card, lens_perspective_describe (report->perspective)));

      links = lens_test_find_all (card, GTK_TYPE_LINK_BUTTON);
      g_assert_cmpuint (links->len, ==, g_strv_length (report->sources));
      g_assert_cmpstr (gtk_link_button_get_uri (g_ptr_array_index (links, 0)), ==, report->sources[0]);

      /* one button per related chart whose page the app has */
      for (guint c = 0; report->charts[c] != NULL; c++)
        {
          button = find_named (card, report->charts[c]);
          g_assert_nonnull (button);
          g_assert_true (gtk_widget_get_visible (button));
        }
    }

  /* the engagement: the webinar, the survey, the 16 sessions, the eight organizations */
  g_assert_true (shows_text (page, "webinar"));
  g_assert_true (shows_text (page, "survey"));
  g_assert_true (shows_text (page, "Sixteen public sessions"));
  for (guint i = 0; lens_reports_get_organizations (reports)[i] != NULL; i++)
    g_assert_true (shows_text (page, lens_reports_get_organizations (reports)[i]));
  g_assert_cmpuint (g_strv_length ((GStrv) lens_reports_get_organizations (reports)), ==, 8);

  g_assert_cmpuint (check_links (page), >=, 10);

  /* a chart button leads to the chart's page */
  card = find_named (page, "community-engaged-policing");
  button = find_named (card, "crime-incidents-per-year");
  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_activate (button);
  g_assert_true (lens_test_wait_until (is_crime_page, fixture));
  g_assert_true (lens_test_wait_settled (fixture->window));
}

static void
test_get_involved_page (Fixture       *fixture,
                        gconstpointer  user_data)
{
  LensReports *reports = lens_shipped_reports ();
  GtkWidget *page = lens_test_show_page (fixture->window, "get-involved");

  g_assert_true (LENS_IS_GET_INVOLVED_PAGE (page));
  g_assert_cmpuint (lens_reports_get_n_get_involved (reports), >=, 8);

  for (guint i = 0; i < lens_reports_get_n_get_involved (reports); i++)
    {
      const LensGetInvolvedItem *item = lens_reports_get_get_involved (reports, i);
      GtkWidget *row = find_named (page, item->id);

      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, item->title);
      g_assert_true (g_str_has_prefix (item->url, "https://"));
      check_row_opens (row, item->url);
      if (item->contact != NULL)
        g_assert_true (shows_text (row, item->contact));
    }

  /* the three ways to raise a concern, and where to take part */
  g_assert_true (shows_text (page, "Report a community concern"));
  g_assert_true (shows_text (page, "Chicago 311"));
  g_assert_true (shows_text (page, "COPA"));
  g_assert_true (shows_text (page, "Community Commission for Public Safety and Accountability"));
  g_assert_true (shows_text (page, "District Council"));
  g_assert_true (shows_text (page, "911"));
  for (guint i = 0; lens_reports_get_organizations (reports)[i] != NULL; i++)
    g_assert_true (shows_text (page, lens_reports_get_organizations (reports)[i]));

  g_assert_cmpuint (check_links (page), >=, lens_reports_get_n_get_involved (reports));
}

static GtkWidget *
get_panel (GtkWidget *page)
{
  GtkWidget *panel = find_one (page, LENS_TYPE_REPORTS_PANEL);

  g_assert_true (gtk_widget_get_visible (panel));
  return panel;
}

/* The ids of @page_id's passages in the file: the page's own, then its charts'. */
static void
assert_panel_passages (GtkWidget  *panel,
                       const char *page_id)
{
  LensReports *reports = lens_shipped_reports ();
  g_auto(GStrv) shown = lens_reports_panel_dup_passage_ids (LENS_REPORTS_PANEL (panel));
  g_autoptr(GPtrArray) expected = lens_reports_get_passages_for_page (reports, page_id);

  g_assert_cmpstr (lens_reports_panel_get_page_id (LENS_REPORTS_PANEL (panel)), ==, page_id);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (g_strv_length (shown), >=, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const LensPassage *passage = g_ptr_array_index (expected, i);

      g_assert_cmpstr (shown[i], ==, passage->id);
      g_assert_true (shows_text (panel, passage->text));
    }
  g_assert_cmpuint (check_links (panel), >=, expected->len);
}

static gboolean
panel_side_by_side (GtkWidget *panel)
{
  GtkWidget *split = gtk_widget_get_parent (panel);

  return lens_split_layout_get_side_by_side (LENS_SPLIT_LAYOUT (gtk_widget_get_layout_manager (split)));
}

static gboolean
panel_below (gpointer data)
{
  return !panel_side_by_side (data);
}

static void
test_reports_panel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *crime, *complaints, *decree, *panel;
  graphene_rect_t bounds, main_bounds;
  g_auto(GStrv) crime_ids = NULL;
  g_auto(GStrv) complaints_ids = NULL;

  crime = lens_test_show_page (fixture->window, "crime");
  panel = get_panel (crime);
  assert_panel_passages (panel, "crime");
  crime_ids = lens_reports_panel_dup_passage_ids (LENS_REPORTS_PANEL (panel));
  g_assert_true (g_strv_contains ((const char * const *) crime_ids, "residents-visible-policing"));
  g_assert_true (shows_text (panel, "What the Reports Say"));

  /* wide: beside the charts, at the same height */
  g_assert_true (panel_side_by_side (panel));
  g_assert_true (gtk_widget_compute_bounds (panel, gtk_widget_get_parent (panel), &bounds));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_first_child (gtk_widget_get_parent (panel)),
                                            gtk_widget_get_parent (panel), &main_bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, main_bounds.origin.x + main_bounds.size.width);
  g_assert_cmpfloat (bounds.origin.y, ==, main_bounds.origin.y);

  /* another page, other passages */
  complaints = lens_test_show_page (fixture->window, "complaints");
  g_assert_true (LENS_IS_DASHBOARD_PAGE (complaints));
  panel = get_panel (complaints);
  assert_panel_passages (panel, "complaints");
  complaints_ids = lens_reports_panel_dup_passage_ids (LENS_REPORTS_PANEL (panel));
  for (guint i = 0; complaints_ids[i] != NULL; i++)
    g_assert_false (g_strv_contains ((const char * const *) crime_ids, complaints_ids[i]));

  decree = lens_test_show_page (fixture->window, "consent-decree");
  assert_panel_passages (get_panel (decree), "consent-decree");

  /* narrow: below the charts, full width */
  lens_test_show_page (fixture->window, "crime");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  panel = get_panel (crime);
  g_assert_true (lens_test_wait_until (panel_below, panel));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  g_assert_false (panel_side_by_side (panel));
  g_assert_true (gtk_widget_compute_bounds (panel, gtk_widget_get_parent (panel), &bounds));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_first_child (gtk_widget_get_parent (panel)),
                                            gtk_widget_get_parent (panel), &main_bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, main_bounds.origin.y + main_bounds.size.height);
  g_assert_cmpfloat (bounds.size.width, ==, main_bounds.size.width);
}

static gboolean
is_decree_page (gpointer data)
{
  return g_strcmp0 (lens_window_get_page (((Fixture *) data)->window), "consent-decree") == 0;
}

static void
test_overview_cards (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *overview = lens_test_show_page (fixture->window, "overview");
  GtkWidget *card = find_one (overview, LENS_TYPE_COMPLIANCE_CARD);
  GPtrArray *cards = lens_overview_page_get_cards (LENS_OVERVIEW_PAGE (overview));
  LensHeadlineCard *complaints = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  /* the consent decree: the latest report's levels and its date */
  g_assert_cmpstr (lens_compliance_card_get_text (LENS_COMPLIANCE_CARD (card)), ==,
                   "IMR-11: 16% full, 42% secondary, 34% preliminary");
  g_assert_true (shows_text (card, "April 11, 2025"));
  g_assert_true (shows_text (card, "Source: WTTW"));

  /* The portal's cards, one for each headline of the catalogue (crimes so far this year, in
   * the last full year, COPA cases in the last full year, shooting victims so far this year),
   * each with its number, from a portal that refuses what the real one refuses. */
  g_assert_cmpuint (cards->len, ==, lens_catalog_get_n_headlines (lens_catalog_get_default ()));
  g_assert_cmpuint (cards->len, ==, 4);
  for (guint i = 0; i < cards->len; i++)
    {
      LensHeadlineCard *headline = g_ptr_array_index (cards, i);

      if (!lens_headline_card_has_numbers (headline))
        g_error ("Card “%s” has no number: %s", lens_headline_card_get_spec (headline)->id,
                 lens_headline_card_get_text (headline));
      g_assert_true (g_ascii_isdigit (lens_headline_card_get_text (headline)[0]));
      g_assert_null (lens_headline_card_get_bug_report (headline));
      if (g_str_equal (lens_headline_card_get_spec (headline)->page, "complaints"))
        complaints = headline;
    }
  g_assert_nonnull (complaints);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (fixture->portal), ==, 0);
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (fixture->portal), ==, 0);

  /* the card opens its page */
  buttons = lens_test_find_all (card, GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_widget_activate (g_ptr_array_index (buttons, 0));
  g_assert_true (lens_test_wait_until (is_decree_page, fixture));
}

static LensHeadlineCard *
find_card (GtkWidget  *overview,
           const char *id)
{
  GPtrArray *cards = lens_overview_page_get_cards (LENS_OVERVIEW_PAGE (overview));

  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (lens_headline_card_get_spec (g_ptr_array_index (cards, i))->id, id))
      return g_ptr_array_index (cards, i);

  g_error ("No card “%s”", id);
}

/* The fake portal's data are as of 6 April 2026: the same days of both years, to 30 March. */
static void
test_overview_same_days (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *overview = lens_test_show_page (fixture->window, "overview");
  LensHeadlineCard *ytd = find_card (overview, LENS_HEADLINE_CRIME_YEAR_TO_DATE);
  LensHeadlineCard *full = find_card (overview, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR);

  g_assert_true (lens_headline_card_has_numbers (ytd));
  g_assert_true (shows_text (GTK_WIDGET (ytd), "1 Jan 2026 to 30 Mar 2026, the latest day the data covers"));
  g_assert_true (shows_text (GTK_WIDGET (ytd), "compared with 1 Jan 2025 – 30 Mar 2025 ("));
  g_assert_true (lens_headline_card_has_numbers (full));
  g_assert_true (shows_text (GTK_WIDGET (full), "2025; the latest day the data covers is 30 Mar 2026"));
  g_assert_true (shows_text (GTK_WIDGET (full), "compared with 2024 ("));
}

/* The City stopped updating Crimes on 15 June 2025: both cards end with its data and say so. */
static void
test_overview_stale (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *overview = lens_test_show_page (fixture->window, "overview");
  LensHeadlineCard *ytd = find_card (overview, LENS_HEADLINE_CRIME_YEAR_TO_DATE);
  LensHeadlineCard *full = find_card (overview, LENS_HEADLINE_CRIME_LATEST_FULL_YEAR);

  g_assert_true (lens_headline_card_has_numbers (ytd));
  g_assert_true (shows_text (GTK_WIDGET (ytd), "1 Jan 2025 to 8 Jun 2025, the latest day the data covers"));
  g_assert_true (shows_text (GTK_WIDGET (ytd), "compared with 1 Jan 2024 – 8 Jun 2024 ("));
  g_assert_true (lens_headline_card_has_numbers (full));
  g_assert_true (shows_text (GTK_WIDGET (full), "2024; the latest day the data covers is 8 Jun 2025"));
  g_assert_true (shows_text (GTK_WIDGET (full), "compared with 2023 ("));
}

static void
assert_card_bug_report (LensHeadlineCard *card)
{
  LensBugReport *report = lens_headline_card_get_bug_report (card);
  g_autofree char *chart_line = g_strdup_printf ("Chart: %s\n", lens_headline_card_get_spec (card)->id);

  g_assert_nonnull (report);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (report)));
  g_assert_true (shows_text (GTK_WIDGET (report), "Details"));
  g_assert_cmpstr (lens_bug_report_get_details (report), ==,
                   "Query coordinator error: query.soql.no-such-column; No such column: ncategory");
  g_assert_true (g_str_has_prefix (lens_bug_report_get_text (report), "Reform Lens " PACKAGE_VERSION));
  g_assert_nonnull (strstr (lens_bug_report_get_text (report), chart_line));
  g_assert_nonnull (strstr (lens_bug_report_get_text (report), "Request: http://127.0.0.1:"));
}

static gboolean
overview_settled (gpointer data)
{
  GPtrArray *cards = data;

  for (guint i = 0; i < cards->len; i++)
    if (!lens_headline_card_is_settled (g_ptr_array_index (cards, i)))
      return FALSE;
  return TRUE;
}

/* A card whose query the portal refuses says it is Reform Lens's fault, names itself and
 * offers a bug report; a card with saved numbers keeps them. */
static void
test_overview_refused_query (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *overview;
  GPtrArray *cards;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  /* Nothing saved yet. */
  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0);
  overview = lens_test_show_page (fixture->window, "overview");
  cards = lens_overview_page_get_cards (LENS_OVERVIEW_PAGE (overview));
  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      LensHeadlineCard *card = g_ptr_array_index (cards, i);
      g_autofree char *named = g_strdup_printf ("Reform Lens asked the City’s data portal for “%s”",
                                                lens_headline_card_get_spec (card)->title);

      g_assert_false (lens_headline_card_has_numbers (card));
      g_assert_true (g_str_has_prefix (lens_headline_card_get_text (card), named));
      g_assert_nonnull (strstr (lens_headline_card_get_text (card), "This is a fault in Reform Lens"));
      assert_card_bug_report (card);
    }

  /* Saved numbers, then a refused refresh: the numbers stay, with the same account. */
  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_NONE, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_true (lens_test_wait_until (overview_settled, cards));
  for (guint i = 0; i < cards->len; i++)
    {
      LensHeadlineCard *card = g_ptr_array_index (cards, i);

      g_assert_true (lens_headline_card_has_numbers (card));
      g_assert_null (lens_headline_card_get_bug_report (card));
      g_ptr_array_add (numbers, g_strdup (lens_headline_card_get_text (card)));
    }

  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_true (lens_test_wait_until (overview_settled, cards));
  for (guint i = 0; i < cards->len; i++)
    {
      LensHeadlineCard *card = g_ptr_array_index (cards, i);
      g_autofree char *named = g_strdup_printf ("Reform Lens asked the City’s data portal for “%s”",
                                                lens_headline_card_get_spec (card)->title);

      g_assert_true (lens_headline_card_has_numbers (card));
      g_assert_cmpstr (lens_headline_card_get_text (card), ==, g_ptr_array_index (numbers, i));
      g_assert_true (shows_text (GTK_WIDGET (card), named));
      assert_card_bug_report (card);
    }
}

static void
test_complaints_page (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *page = lens_test_show_page (fixture->window, "complaints");
  GPtrArray *charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
  g_autoptr(GPtrArray) specs = lens_catalog_get_charts_for_page (lens_catalog_get_default (), "complaints");

  g_assert_cmpuint (charts->len, ==, specs->len);
  g_assert_cmpuint (charts->len, >=, 4);
  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);

      if (lens_chart_view_get_state (view) != LENS_CHART_STATE_CHART)
        g_error ("Chart “%s” is in state %d (%s)", lens_chart_view_get_entry (view)->id,
                 lens_chart_view_get_state (view), lens_chart_view_get_message (view));
    }
}

int
main (int   argc,
      char *argv[])
{
  lens_test_window_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pages/consent-decree", test_consent_decree_page);
  ADD ("/pages/reports", test_reports_page);
  ADD ("/pages/get-involved", test_get_involved_page);
  ADD ("/pages/reports-panel", test_reports_panel);
  ADD ("/pages/overview-cards", test_overview_cards);
  ADD ("/pages/overview-same-days", test_overview_same_days);
  g_test_add ("/pages/overview-stale", Fixture, "2025-06-15", fixture_set_up, test_overview_stale,
              fixture_tear_down);
  ADD ("/pages/overview-refused-query", test_overview_refused_query);
  ADD ("/pages/complaints", test_complaints_page);

#undef ADD

  return lens_test_window_run ();
}
