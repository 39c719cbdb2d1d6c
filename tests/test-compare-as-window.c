/* test-compare-as-window.c: "Compare as" in the window: the action, the drop-down, the setting
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lens-application.h"
#include "lens-catalog.h"
#include "lens-chart-view.h"
#include "lens-dashboard-page.h"
#include "lens-test-window.h"
#include "lens-window.h"

/* Every number is the fake portal's: SYNTHETIC. */
typedef LensTestWindow Fixture;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  lens_test_window_set_up (fixture, "5", "citywide");
  lens_test_window_open (fixture, "crime", 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  lens_test_window_tear_down (fixture);
}

static char *
get_state (Fixture *fixture)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window),
                                                               "compare-as");

  return g_variant_dup_string (state, NULL);
}

/* The incidents-per-year chart of the Crime page, loaded */
static LensChartData *
get_year_chart (Fixture *fixture)
{
  GtkWidget *page = lens_window_get_page_widget (fixture->window, "crime");
  GPtrArray *charts;

  g_assert_true (lens_test_wait_settled (fixture->window));
  charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);

      if (g_str_equal (lens_chart_view_get_entry (view)->id, LENS_CHART_CRIME_INCIDENTS_PER_YEAR))
        {
          g_assert_cmpint (lens_chart_view_get_state (view), ==, LENS_CHART_STATE_CHART);
          return lens_chart_view_get_data (view);
        }
    }

  g_assert_not_reached ();
}

/* The share's table, with the counts beside it (five columns of long headings), fits its card at
 * 1400 px: no column is cut at the right edge (the table would scroll sideways if it had to). */
static void
assert_table_fits (Fixture *fixture)
{
  GtkWidget *page = lens_window_get_page_widget (fixture->window, "crime");
  GPtrArray *charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
  GtkWidget *view = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (lens_chart_view_get_entry (g_ptr_array_index (charts, i))->id,
                     LENS_CHART_CRIME_INCIDENTS_PER_YEAR))
      view = g_ptr_array_index (charts, i);
  g_assert_nonnull (view);
  g_object_set (view, "show-table", TRUE, NULL);
  tables = lens_test_find_all (view, GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (tables->len, ==, 1);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (g_ptr_array_index (tables, 0)));
  g_assert_true (lens_test_wait_allocated (GTK_WIDGET (scroller)));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (gtk_scrolled_window_get_child (scroller)))),
                    ==, 4);
  adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
  /* every heading and cell whole, inside the table's edges */
  labels = lens_test_find_all (GTK_WIDGET (scroller), GTK_TYPE_LABEL);
  g_assert_cmpuint (labels->len, >, 4);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      graphene_rect_t bounds;
      int natural;

      if (!gtk_widget_get_mapped (label))
        continue;
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
      g_assert_true (gtk_widget_compute_bounds (label, view, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, -0.5);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (view) + 0.5);
    }
  g_object_set (view, "show-table", FALSE, NULL);
}

/* The compare-as drop-downs of the wide and the narrow filter boxes */
static GPtrArray *
get_drop_downs (Fixture *fixture)
{
  GPtrArray *all = lens_test_find_all (GTK_WIDGET (fixture->window), GTK_TYPE_DROP_DOWN);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, i)), "compare-as") == 0)
      g_ptr_array_add (found, g_ptr_array_index (all, i));

  return found;
}

static void
assert_drop_downs (Fixture       *fixture,
                   LensCompareAs  selected,
                   gboolean       sensitive)
{
  g_autoptr(GPtrArray) drop_downs = get_drop_downs (fixture);

  /* one in the header bar, one in the narrow window's panel (it may not be in the tree
   * until the popover is made) */
  g_assert_cmpuint (drop_downs->len, >=, 1);
  for (guint i = 0; i < drop_downs->len; i++)
    {
      GtkDropDown *drop_down = g_ptr_array_index (drop_downs, i);

      g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, selected);
      /* The header bar's button is an icon: the tooltip names the mode */
      if (sensitive)
        g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down)),
                                         selected == LENS_COMPARE_AS_SHARE ? "Compare as: share"
                                         : selected == LENS_COMPARE_AS_INDEX ? "Compare as: index"
                                         : "Compare as: counts"));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (drop_down)) == sensitive);
    }
}

static void
test_compare_as_window (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GSettings *settings = lens_application_get_settings (fixture->app);
  g_autofree char *state = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GPtrArray) drop_downs = NULL;
  LensChartData *data;

  /* Citywide: the share, by default, not saved as a choice */
  state = get_state (fixture);
  g_assert_cmpstr (state, ==, "");
  data = get_year_chart (fixture);
  g_assert_cmpint (lens_chart_data_get_compare_as (data), ==, LENS_COMPARE_AS_SHARE);
  g_assert_cmpuint (lens_series_get_n_vectors (lens_chart_data_get_series (data)), ==, 1);
  assert_drop_downs (fixture, LENS_COMPARE_AS_SHARE, TRUE);
  assert_table_fits (fixture);

  /* The action: the charts reload as an index, and the choice is kept */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "compare-as",
                                  g_variant_new_string ("index"));
  g_clear_pointer (&state, g_free);
  state = get_state (fixture);
  g_assert_cmpstr (state, ==, "index");
  saved = g_settings_get_string (settings, "compare-as");
  g_assert_cmpstr (saved, ==, "index");
  data = get_year_chart (fixture);
  g_assert_cmpint (lens_chart_data_get_compare_as (data), ==, LENS_COMPARE_AS_INDEX);
  assert_drop_downs (fixture, LENS_COMPARE_AS_INDEX, TRUE);

  /* The drop-down: counts, chosen for citywide, stays counts */
  drop_downs = get_drop_downs (fixture);
  gtk_drop_down_set_selected (g_ptr_array_index (drop_downs, 0), LENS_COMPARE_AS_COUNTS);
  g_clear_pointer (&state, g_free);
  state = get_state (fixture);
  g_assert_cmpstr (state, ==, "counts");
  data = get_year_chart (fixture);
  g_assert_cmpint (lens_chart_data_get_compare_as (data), ==, LENS_COMPARE_AS_COUNTS);
  g_assert_cmpuint (lens_series_get_n_vectors (lens_chart_data_get_series (data)), ==, 2);
  g_assert_null (lens_series_get_counts (lens_chart_data_get_series (data)));

  /* Without a comparison there is nothing to show it as */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "compare",
                                  g_variant_new_string ("none"));
  assert_drop_downs (fixture, LENS_COMPARE_AS_COUNTS, FALSE);

  /* The next window starts with the saved choice */
  lens_test_window_close (fixture);
  g_settings_set_string (settings, "compare", "citywide");
  lens_test_window_open (fixture, "crime", 1400, 900);
  g_clear_pointer (&state, g_free);
  state = get_state (fixture);
  g_assert_cmpstr (state, ==, "counts");
  assert_drop_downs (fixture, LENS_COMPARE_AS_COUNTS, TRUE);

  /* "" in the settings: back to the readable default */
  lens_test_window_close (fixture);
  g_settings_set_string (settings, "compare-as", "");
  lens_test_window_open (fixture, "crime", 1400, 900);
  data = get_year_chart (fixture);
  g_assert_cmpint (lens_chart_data_get_compare_as (data), ==, LENS_COMPARE_AS_SHARE);
}

int
main (int   argc,
      char *argv[])
{
  lens_test_window_init (&argc, &argv);

  g_test_add ("/compare-as-window/action-drop-down-settings", Fixture, NULL,
              fixture_set_up, test_compare_as_window, fixture_tear_down);

  return lens_test_window_run ();
}
