/* test-district-map-view.c: the district map on the Crime page: a click on a district or a row
 * of its list chooses that district for the window; offline it draws from the cache; and
 * pictures of it for people to look at (screenshots/district-map-*.png)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "lens-district-map.h"
#include "lens-language.h"
#include "lens-map.h"
#include "lens-test-window.h"

static LensDistrictMap *
find_map (LensWindow *window)
{
  GtkWidget *page = lens_window_get_page_widget (window, "crime");
  g_autoptr(GPtrArray) maps = lens_test_find_all (page, LENS_TYPE_DISTRICT_MAP);

  g_assert_cmpuint (maps->len, ==, 1);
  return g_ptr_array_index (maps, 0);
}

static char *
window_district (LensWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "district");

  return g_variant_dup_string (state, NULL);
}

static gboolean
has_data (gpointer data)
{
  return lens_district_map_get_data (data) != NULL && lens_loadable_is_settled (data);
}

static gboolean
selected_is (gpointer data)
{
  LensDistrictMap *map = g_object_get_data (data, "map");
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (data, "wanted"));

  return lens_district_map_get_selected (map) == wanted;
}

static void
wait_selected (LensWindow      *window,
               LensDistrictMap *map,
               guint            district)
{
  g_object_set_data (G_OBJECT (window), "map", map);
  g_object_set_data (G_OBJECT (window), "wanted", GUINT_TO_POINTER (district));
  g_assert_true (lens_test_wait_until (selected_is, window));
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  g_assert_true (gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

static void
test_click_and_list (void)
{
  LensTestWindow fixture = { 0 };
  g_autofree char *district = NULL;
  LensDistrictMap *map;
  LensWindow *window;
  GtkWidget *canvas;
  GtkListBoxRow *row;
  LensMapStats stats;
  double x, y;

  lens_test_window_set_up (&fixture, "", "none");
  window = lens_test_window_open (&fixture, "crime", 1600, 1000);
  g_assert_true (lens_test_wait_settled (window));
  map = find_map (window);
  g_assert_true (lens_test_wait_until (has_data, map));
  canvas = lens_district_map_get_canvas (map);
  scroll_to (GTK_WIDGET (map));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));
  g_assert_cmpint (gtk_widget_get_width (canvas), >, 100);
  /* It fits a phone: the narrow window is 360 wide */
  {
    int min_width;

    gtk_widget_measure (GTK_WIDGET (map), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_test_message ("map minimum width %d", min_width);
    g_assert_cmpint (min_width, <=, 330);
  }

  /* All 22 drawn at the canvas's size */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (canvas),
                                                           gtk_widget_get_height (canvas));
    cairo_t *cr = cairo_create (surface);
    LensPlotStyle style;

    lens_plot_style_init_light (&style);
    lens_map_draw (lens_district_map_get_data (map), &style, 0, LENS_MAP_DRAW_DEFAULT, cr,
                   gtk_widget_get_width (canvas), gtk_widget_get_height (canvas), &stats);
    g_assert_cmpuint (stats.n_districts, ==, 22);
    g_assert_cmpuint (stats.n_labels, ==, 22);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* A click inside district 12 chooses it for every page */
  g_assert_true (lens_map_get_district_point (lens_district_map_get_data (map), LENS_MAP_DRAW_DEFAULT,
                                              gtk_widget_get_width (canvas), gtk_widget_get_height (canvas),
                                              12, &x, &y));
  g_assert_true (lens_district_map_activate_at (map, x, y));
  district = window_district (window);
  g_assert_cmpstr (district, ==, "12");
  wait_selected (window, map, 12);
  g_assert_true (lens_test_wait_settled (window));
  /* A click outside the districts chooses nothing */
  g_assert_false (lens_district_map_activate_at (map, 1, 1));

  /* The list: 22 rows named for screen readers; activating one chooses its district */
  g_assert_nonnull (gtk_list_box_get_row_at_index (lens_district_map_get_list (map), 21));
  g_assert_null (gtk_list_box_get_row_at_index (lens_district_map_get_list (map), 22));
  row = gtk_list_box_get_row_at_index (lens_district_map_get_list (map), 3);  /* district 4 */
  {
    const LensDistrictStanding *standing =
      lens_district_ranking_lookup (lens_district_map_data_get_ranking (lens_district_map_get_data (map)), 4);
    g_autofree char *name = lens_map_dup_district_text (lens_district_map_get_data (map), 4);

    g_assert_nonnull (standing);
    g_assert_true (g_str_has_prefix (name, "District 4: "));
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

    g_assert_null (wrong);
  }
  g_signal_emit_by_name (lens_district_map_get_list (map), "row-activated", row);
  g_free (district);
  district = window_district (window);
  g_assert_cmpstr (district, ==, "4");
  wait_selected (window, map, 4);

  lens_test_window_tear_down (&fixture);
}

static void
test_offline_from_cache (void)
{
  LensTestWindow fixture = { 0 };
  LensPortalClient *client;
  LensDistrictMap *map;
  LensWindow *window;
  guint before;

  lens_test_window_set_up (&fixture, "", "none");
  window = lens_test_window_open (&fixture, "crime", 1600, 1000);
  g_assert_true (lens_test_wait_settled (window));
  g_assert_true (lens_test_wait_until (has_data, find_map (window)));
  lens_test_window_close (&fixture);

  /* Offline, the same window draws the map from what was saved */
  client = lens_application_get_client (fixture.app);
  lens_portal_client_set_offline (client, TRUE);
  before = lens_fake_portal_get_n_requests (fixture.portal);
  window = lens_test_window_open (&fixture, "crime", 1600, 1000);
  g_assert_true (lens_test_wait_settled (window));
  map = find_map (window);
  g_assert_true (lens_test_wait_until (has_data, map));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture.portal), ==, before);
  g_assert_true (lens_boundaries_result_get_from_cache (
    lens_district_map_data_get_boundaries_result (lens_district_map_get_data (map))));
  lens_portal_client_set_offline (client, FALSE);

  lens_test_window_tear_down (&fixture);
}

typedef struct
{
  const char *name;
  int         width;
  int         height;
  gboolean    dark;
} Shot;

static const Shot shots[] = {
  { "wide-light", 1600, 1000, FALSE },
  { "wide-dark", 1600, 1000, TRUE },
  { "narrow-light", 600, 1000, FALSE },
  { "narrow-dark", 600, 1000, TRUE },
};

static void
test_shot (gconstpointer data)
{
  const Shot *shot = data;
  LensTestWindow fixture = { 0 };
  const char *lang = g_getenv ("LENS_MAP_SHOT_SUFFIX");
  g_autofree char *name = g_strdup_printf ("district-map-%s%s%s", shot->name, lang ? "-" : "", lang ? lang : "");
  g_autofree char *path = lens_test_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  LensDistrictMap *map;
  LensWindow *window;

  lens_test_window_set_up (&fixture, "5", "none");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = lens_test_window_open (&fixture, "crime", shot->width, shot->height);
  g_assert_true (lens_test_wait_settled (window));
  map = find_map (window);
  g_assert_true (lens_test_wait_until (has_data, map));
  scroll_to (GTK_WIDGET (map));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 3));
  texture = lens_test_save_window (GTK_WINDOW (window), path);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  lens_test_window_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* the test AT context keeps the accessible names; the suite's GTK_A11Y=none would drop them */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* LENS_MAP_SHOT_LANGUAGE=ar (with LANGUAGE=ar LC_ALL=ar_EG.UTF-8, as a session would
   * start the app): the pictures in that language (district-map-*-ar.png), as main() does */
  if (g_getenv ("LENS_MAP_SHOT_LANGUAGE") != NULL)
    {
      lens_language_init (g_getenv ("LENS_MAP_SHOT_LANGUAGE"));
      gtk_disable_setlocale ();
      g_setenv ("LENS_MAP_SHOT_SUFFIX", g_getenv ("LENS_MAP_SHOT_LANGUAGE"), TRUE);
    }
  lens_test_window_init (&argc, &argv);

  g_test_add_func ("/district-map-view/click-and-list", test_click_and_list);
  g_test_add_func ("/district-map-view/offline-from-cache", test_offline_from_cache);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *test_path = g_strconcat ("/district-map-view/screenshot/", shots[i].name, NULL);

      g_test_add_data_func (test_path, &shots[i], test_shot);
    }

  return lens_test_window_run ();
}
