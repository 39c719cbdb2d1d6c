/* test-window.c: the window against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lens-application.h"
#include "lens-chart-view.h"
#include "lens-dashboard-page.h"
#include "lens-preferences-window.h"
#include "lens-test-window.h"
#include "lens-window.h"

/* The run's application and a window against the fake portal (lens-test-window.h). */
typedef LensTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  LensPortalClient *client;

  lens_test_window_set_up (fixture, "", "none");
  client = lens_application_get_client (fixture->app);
  lens_portal_client_set_timeouts (client, 30, 60);
  lens_portal_client_set_offline (client, GPOINTER_TO_INT (user_data));
  lens_test_window_open (fixture, NULL, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  lens_test_window_tear_down (fixture);
}

static GPtrArray *
get_crime_charts (Fixture *fixture)
{
  GtkWidget *page = lens_window_get_page_widget (fixture->window, "crime");

  g_assert_true (LENS_IS_DASHBOARD_PAGE (page));
  return lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
}

static void
show_crime_page (Fixture *fixture)
{
  lens_test_show_page (fixture->window, "crime");
}

static void
assert_all_charts_in_state (Fixture        *fixture,
                            LensChartState  state)
{
  GPtrArray *charts = get_crime_charts (fixture);

  g_assert_cmpuint (charts->len, >, 0);
  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);

      if (lens_chart_view_get_state (view) != state)
        g_error ("Chart “%s” is in state %d, not %d (%s)",
                 lens_chart_view_get_entry (view)->id,
                 lens_chart_view_get_state (view), state,
                 lens_chart_view_get_message (view));
    }
}

static void
test_window_loads_charts (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_assert_cmpstr (lens_window_get_page (fixture->window), ==, "overview");
  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);
}

static void
test_window_district_reloads (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint before;

  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);

  before = lens_fake_portal_get_n_requests (fixture->portal);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "district",
                                  g_variant_new_string ("5"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "district");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "5");

  /* The charts went back to loading and asked the portal for district 5. */
  g_assert_true (lens_test_wait_settled (fixture->window));
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), >, before);

  {
    g_auto(GStrv) log = lens_fake_portal_dup_request_log (fixture->portal);
    gboolean asked_for_district = FALSE;

    for (guint i = 0; log[i] != NULL; i++)
      if (strstr (log[i], "'005'") != NULL)
        asked_for_district = TRUE;
    g_assert_true (asked_for_district);
  }

  /* Remembered for the next start. */
  {
    g_autofree char *saved = g_settings_get_string (settings, "district");

    g_assert_cmpstr (saved, ==, "5");
  }
}

static void
test_window_error_state (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GPtrArray *charts;
  LensChartView *view;
  GtkWidget *retry;

  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_ERROR);

  charts = get_crime_charts (fixture);
  view = g_ptr_array_index (charts, 0);
  g_assert_nonnull (lens_chart_view_get_message (view));
  g_assert_nonnull (strstr (lens_chart_view_get_message (view), "had a problem answering"));
  /* Not a refused query: no bug report. */
  g_assert_null (lens_chart_view_get_bug_report (view));

  /* A Retry button is on screen, and it works once the portal does. */
  retry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), LENS_TYPE_CHART_VIEW,
                                                     "retry_button"));
  g_assert_true (GTK_IS_BUTTON (retry));
  g_assert_true (gtk_widget_is_drawable (retry));

  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_NONE, 0);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_cmpint (lens_chart_view_get_state (view), ==, LENS_CHART_STATE_LOADING);
  g_assert_true (lens_test_wait_settled (fixture->window));
  g_assert_cmpint (lens_chart_view_get_state (view), ==, LENS_CHART_STATE_CHART);
}

static void
test_window_offline_empty_cache (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GPtrArray *charts;

  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_OFFLINE);

  charts = get_crime_charts (fixture);
  for (guint i = 0; i < charts->len; i++)
    {
      const char *message = lens_chart_view_get_message (g_ptr_array_index (charts, i));

      g_assert_nonnull (strstr (message, "no saved data"));
    }
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);
}

static LensChartView *
find_chart (Fixture    *fixture,
            const char *id)
{
  GPtrArray *charts = get_crime_charts (fixture);

  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (lens_chart_view_get_entry (g_ptr_array_index (charts, i))->id, id))
      return g_ptr_array_index (charts, i);

  g_assert_not_reached ();
}

/* The citywide count of the last full year of the per-year chart, and what the portal has. */
static void
get_last_full_year (Fixture *fixture,
                    double  *shown,
                    gint64  *expected)
{
  LensChartView *view = find_chart (fixture, "crime-incidents-per-year");
  LensSeries *series = lens_chart_data_get_series (lens_chart_view_get_data (view));
  guint n = lens_series_get_n_labels (series);
  const char *year = lens_series_get_label (series, n - 2);
  g_autofree char *from = g_strdup_printf ("%s-01-01", year);
  g_autofree char *to = g_strdup_printf ("%d-01-01", atoi (year) + 1);

  *shown = lens_series_get_value (series, 0, n - 2);
  *expected = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2", NULL, from, to);
}

static void
test_window_stale_then_fresh (Fixture       *fixture,
                              gconstpointer  user_data)
{
  LensPortalClient *client = lens_application_get_client (fixture->app);
  double shown;
  gint64 expected, old_expected;

  show_crime_page (fixture);
  get_last_full_year (fixture, &shown, &old_expected);
  g_assert_cmpfloat (shown, ==, (double) old_expected);

  /* New numbers on the portal, and everything saved is now stale. */
  lens_fake_portal_set_data_version (fixture->portal, 2);
  lens_portal_client_set_max_age (client, 0);
  get_last_full_year (fixture, &shown, &expected);
  g_assert_cmpint (expected, !=, old_expected);

  /* A new window paints the saved numbers first, then asks the portal and shows the new ones. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  lens_fake_portal_reset_counters (fixture->portal);
  fixture->window = lens_window_new (fixture->app);
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  show_crime_page (fixture);

  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), >, 0);
  get_last_full_year (fixture, &shown, &expected);
  g_assert_cmpfloat (shown, ==, (double) expected);

  lens_portal_client_set_max_age (client, 6 * 60 * 60);
}

static void
test_window_cached_with_warning (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  LensChartView *view;
  const char *message;

  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);

  /* Refresh while the portal fails: the saved numbers stay, with the reason above them. */
  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_false (lens_window_is_settled (fixture->window));
  g_assert_true (lens_test_wait_settled (fixture->window));

  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);
  view = find_chart (fixture, "crime-incidents-per-year");
  message = lens_chart_view_get_message (view);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Showing data from "));
  g_assert_nonnull (strstr (message, "had a problem answering"));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *controller = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The details show the portal's message; the button copies a report with what the developers
 * need. */
static void
assert_bug_report (LensBugReport *report,
                   const char    *chart_id)
{
  g_autofree char *chart_line = g_strdup_printf ("Chart: %s\n", chart_id);
  g_autofree char *copied = NULL;
  const char *text;

  g_assert_nonnull (report);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (report)));
  g_assert_cmpstr (lens_bug_report_get_details (report), ==,
                   "Query coordinator error: query.soql.no-such-column; No such column: ncategory");

  text = lens_bug_report_get_text (report);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Reform Lens " PACKAGE_VERSION ": "));
  g_assert_nonnull (strstr (text, chart_line));
  g_assert_nonnull (strstr (text, "Request: http://127.0.0.1:"));
  g_assert_nonnull (strstr (text, "/resource/"));
  g_assert_nonnull (strstr (text, "Answer: HTTP 400, query.soql.no-such-column\n"));
  g_assert_nonnull (strstr (text, "\"errorCode\":\"query.soql.no-such-column\""));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "bug-report.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (report)), NULL,
                                 clipboard_read_cb, &copied);
  g_assert_true (lens_test_wait_until (text_is_set, &copied));
  g_assert_cmpstr (copied, ==, text);
}

/* The portal refuses the query: the chart says that Reform Lens asked for something the portal
 * cannot answer, names itself, shows the portal's message and offers a bug report. */
static void
test_window_refused_query (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GPtrArray *charts;

  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0);
  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_ERROR);

  charts = get_crime_charts (fixture);
  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);
      LensChartSpec *spec = lens_chart_view_get_entry (view);
      g_autofree char *named = g_strdup_printf ("Reform Lens asked the City’s data portal for “%s”",
                                                spec->title);
      const char *message = lens_chart_view_get_message (view);

      g_assert_true (g_str_has_prefix (message, named));
      g_assert_nonnull (strstr (message, "This is a fault in Reform Lens, not in your connection or your choices."));
      /* The portal said which field it lacks: the chart names it, and the command that
       * checks every chart's fields. */
      g_assert_nonnull (strstr (message, "The portal no longer has the field “ncategory”"));
      g_assert_nonnull (strstr (message, "reform-lens --check-portal"));
      /* Not the words for a network or a portal problem. */
      g_assert_null (strstr (message, "could not be reached"));
      g_assert_null (strstr (message, "did not accept"));
      assert_bug_report (lens_chart_view_get_bug_report (view), spec->id);
    }
}

/* Saved data is still shown when a later request is refused, with the same account of it. */
static void
test_window_refused_query_keeps_cache (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  LensChartView *view;
  double shown, before;
  gint64 expected;
  const char *message;

  show_crime_page (fixture);
  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);
  get_last_full_year (fixture, &before, &expected);
  g_assert_null (lens_chart_view_get_bug_report (find_chart (fixture, "crime-incidents-per-year")));

  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_false (lens_window_is_settled (fixture->window));
  g_assert_true (lens_test_wait_settled (fixture->window));

  assert_all_charts_in_state (fixture, LENS_CHART_STATE_CHART);
  get_last_full_year (fixture, &shown, &expected);
  g_assert_cmpfloat (shown, ==, before);

  view = find_chart (fixture, "crime-incidents-per-year");
  message = lens_chart_view_get_message (view);
  g_assert_true (g_str_has_prefix (message, "Showing data from "));
  g_assert_nonnull (strstr (message, "Reform Lens asked the City’s data portal for “Reported incidents per year”"));
  assert_bug_report (lens_chart_view_get_bug_report (view), "crime-incidents-per-year");

  /* Once the portal answers again, the report goes. */
  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_NONE, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_true (lens_test_wait_settled (fixture->window));
  g_assert_null (lens_chart_view_get_bug_report (view));
  g_assert_null (lens_chart_view_get_message (view));
}

static void
test_window_chart_values (Fixture       *fixture,
                          gconstpointer  user_data)
{
  LensChartView *view;
  LensSeries *series;
  GtkWidget *area, *value_label;
  g_autofree char *tsv = NULL;
  g_autofree char *expected = NULL;
  guint n;

  show_crime_page (fixture);
  view = find_chart (fixture, "crime-incidents-per-year");
  series = lens_chart_data_get_series (lens_chart_view_get_data (view));
  n = lens_series_get_n_labels (series);
  area = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), LENS_TYPE_CHART_VIEW,
                                                    "drawing_area"));
  /* Only the page shown is measured and allocated: wait for the chart's first allocation. */
  g_assert_true (lens_test_wait_allocated (area));
  value_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                           LENS_TYPE_CHART_VIEW, "value_label"));

  /* Focus shows the first value; the arrow keys, Home and End move between values. */
  g_assert_true (gtk_widget_grab_focus (area));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (value_label)),
                                   lens_series_get_label (series, 0)));
  press_key (area, GDK_KEY_Right);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (value_label)),
                                   lens_series_get_label (series, 1)));
  press_key (area, GDK_KEY_End);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (value_label)),
                                   lens_series_get_label (series, n - 1)));
  press_key (area, GDK_KEY_Left);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (value_label)),
                                   lens_series_get_label (series, n - 2)));
  press_key (area, GDK_KEY_Home);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (value_label)),
                                   lens_series_get_label (series, 0)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (value_label)), "incidents"));

  /* Pointing at a category shows its exact value too. */
  {
    GtkEventController *motion = find_controller (area, GTK_TYPE_EVENT_CONTROLLER_MOTION);
    LensPlotStyle style;
    cairo_rectangle_t rect;
    LensChartSpec *spec = lens_chart_view_get_entry (view);

    lens_plot_style_init_light (&style);
    g_assert_true (lens_plot_get_label_area_full (series, lens_chart_kind_to_plot_kind (spec->kind),
                                                  &style, spec->x_title, spec->y_title,
                                                  gtk_widget_get_width (area),
                                                  gtk_widget_get_height (area),
                                                  2, &rect));
    g_signal_emit_by_name (motion, "motion", rect.x + rect.width / 2, rect.y + rect.height / 2);
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (value_label)),
                                     lens_series_get_label (series, 2)));
  }

  /* Copy as a table puts tab-separated numbers on the clipboard. */
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 clipboard_read_cb, &tsv);
  g_assert_true (lens_test_wait_until (text_is_set, &tsv));
  expected = g_strdup_printf ("%s\t%.0f", lens_series_get_label (series, 0),
                              lens_series_get_value (series, 0, 0));
  g_assert_true (g_str_has_prefix (tsv, "Year\t"));
  g_assert_nonnull (strstr (tsv, expected));

  /* The table shows the same numbers. */
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.show-table", NULL);
  {
    GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                  LENS_TYPE_CHART_VIEW, "stack"));

    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "table");
    gtk_widget_activate_action (GTK_WIDGET (view), "chart.show-table", NULL);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
  }
}

static void
test_window_size_remembered (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  g_clear_object (&fixture->window);
  fixture->window = lens_window_new (fixture->app);
  g_object_ref_sink (fixture->window);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
    g_assert_cmpint (width, ==, 1000);
    g_assert_cmpint (height, ==, 700);
  }
}

static gboolean
has_ancestor_type (GtkWidget *widget,
                   GType      type)
{
  return gtk_widget_get_ancestor (widget, type) != NULL;
}

static void
test_window_keyboard (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *charts;
  gboolean sidebar = FALSE, district = FALSE, compare = FALSE, dates = FALSE;
  guint chart_areas = 0, table_toggles = 0, chart_menus = 0;
  GtkWidget *focus;

  show_crime_page (fixture);
  charts = get_crime_charts (fixture);

  gtk_widget_grab_focus (GTK_WIDGET (fixture->window));

  for (guint steps = 0; steps < 500; steps++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        {
          /* The end of the chain: once round again from the start. */
          gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
          if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
            break;
        }

      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL)
        continue;
      if (g_hash_table_contains (seen, focus))
        break;
      g_hash_table_add (seen, focus);

      if (GTK_IS_LIST_BOX_ROW (focus))
        sidebar = TRUE;
      if (has_ancestor_type (focus, GTK_TYPE_DROP_DOWN))
        {
          GtkWidget *drop_down = gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN);
          const char *tooltip = gtk_widget_get_tooltip_text (drop_down);

          if (tooltip != NULL && g_str_has_prefix (tooltip, "District"))
            district = TRUE;
          if (tooltip != NULL && g_str_has_prefix (tooltip, "Compare"))
            compare = TRUE;
        }
      if (has_ancestor_type (focus, GTK_TYPE_MENU_BUTTON))
        {
          GtkWidget *button = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON);
          const char *tooltip = gtk_widget_get_tooltip_text (button);

          if (tooltip != NULL && g_str_has_prefix (tooltip, "Dates"))
            dates = TRUE;
        }
      if (GTK_IS_DRAWING_AREA (focus) && has_ancestor_type (focus, LENS_TYPE_CHART_VIEW))
        chart_areas++;
      if (GTK_IS_TOGGLE_BUTTON (focus) && has_ancestor_type (focus, LENS_TYPE_CHART_VIEW) &&
          !has_ancestor_type (focus, GTK_TYPE_MENU_BUTTON))
        table_toggles++;
      if (has_ancestor_type (focus, GTK_TYPE_MENU_BUTTON) &&
          has_ancestor_type (focus, LENS_TYPE_CHART_VIEW))
        chart_menus++;
    }

  g_assert_true (sidebar);
  g_assert_true (district);
  g_assert_true (compare);
  g_assert_true (dates);
  g_assert_cmpuint (chart_areas, ==, charts->len);
  g_assert_cmpuint (table_toggles, ==, charts->len);
  g_assert_cmpuint (chart_menus, ==, charts->len);
}

static void
test_window_preferences (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *before = g_settings_get_string (settings, "portal-url");
  g_autofree char *after = NULL;
  LensPreferencesWindow *preferences = lens_preferences_window_new (fixture->app);
  GtkWidget *row, *error_label, *spin;

  gtk_window_present (GTK_WINDOW (preferences));
  row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                   LENS_TYPE_PREFERENCES_WINDOW, "portal_row"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                           LENS_TYPE_PREFERENCES_WINDOW,
                                                           "portal_error_label"));
  spin = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                    LENS_TYPE_PREFERENCES_WINDOW,
                                                    "cache_size_spin"));

  /* Plain http to another computer is refused, shown, and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "http://example.com");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  after = g_settings_get_string (settings, "portal-url");
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Loopback http is accepted. */
  gtk_editable_set_text (GTK_EDITABLE (row), "http://127.0.0.1:9");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (row, "apply");
  after = g_settings_get_string (settings, "portal-url");
  g_assert_cmpstr (after, ==, "http://127.0.0.1:9");
  g_assert_cmpstr (lens_portal_client_get_base_url (lens_application_get_client (fixture->app)),
                   ==, "http://127.0.0.1:9");

  /* The cache size is bound to the setting, within 10..10000 MB. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "cache-size-mb"), ==, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 500);
  g_assert_cmpuint (g_settings_get_uint (settings, "cache-size-mb"), ==, 500);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_window_about_and_shortcuts (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean about = FALSE, shortcuts = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);

  /* Backwards: destroying a window removes it from the list. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_ABOUT_WINDOW (window))
        {
          about = TRUE;
          g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (window)), ==,
                           PACKAGE_VERSION);
          gtk_window_destroy (window);
        }
      else if (GTK_IS_SHORTCUTS_WINDOW (window))
        {
          shortcuts = TRUE;
          gtk_window_close (window);
        }
    }

  g_assert_true (about);
  g_assert_true (shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  lens_test_window_init (&argc, &argv);

#define ADD(path, func, offline) \
  g_test_add (path, Fixture, GINT_TO_POINTER (offline), fixture_set_up, func, fixture_tear_down)

  ADD ("/window/loads-charts", test_window_loads_charts, FALSE);
  ADD ("/window/district-reloads", test_window_district_reloads, FALSE);
  ADD ("/window/error-state", test_window_error_state, FALSE);
  ADD ("/window/refused-query", test_window_refused_query, FALSE);
  ADD ("/window/refused-query-keeps-cache", test_window_refused_query_keeps_cache, FALSE);
  ADD ("/window/offline-empty-cache", test_window_offline_empty_cache, TRUE);
  ADD ("/window/keyboard", test_window_keyboard, FALSE);
  ADD ("/window/chart-values", test_window_chart_values, FALSE);
  ADD ("/window/size-remembered", test_window_size_remembered, FALSE);
  ADD ("/window/stale-then-fresh", test_window_stale_then_fresh, FALSE);
  ADD ("/window/cached-with-warning", test_window_cached_with_warning, FALSE);
  ADD ("/window/preferences", test_window_preferences, FALSE);
  ADD ("/window/about-and-shortcuts", test_window_about_and_shortcuts, FALSE);

#undef ADD

  return lens_test_window_run ();
}
