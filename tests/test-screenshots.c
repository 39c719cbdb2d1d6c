/* test-screenshots.c: renders the window to PNG files to look at
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes $G_TEST_BUILDDIR/screenshots/<name>.png: wide (1400x900) and narrow (360x720), light
 * and dark, the Overview and Crime pages, an error state and the offline state. The numbers
 * are the fake portal's synthetic ones. The test checks that every file was written and is
 * not blank; a person looks at them.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "lens-application.h"
#include "lens-chart-view.h"
#include "lens-dashboard-page.h"
#include "lens-fake-portal.h"
#include "lens-preferences-window.h"
#include "lens-resources.h"
#include "lens-test-window.h"
#include "lens-window.h"

typedef struct
{
  const char    *name;
  int            width;
  int            height;
  gboolean       dark;
  const char    *page;
  const char    *district;
  const char    *compare;
  LensFakeFault  fault;
  gboolean       offline;
  gboolean       show_sidebar;
  gboolean       focus_chart;
  gboolean       show_table;
  const char    *popup_action;  /* a window action that opens a popover */
  gboolean       preferences;   /* the preferences window instead of the main window */
} Shot;

static const Shot shots[] = {
  { "wide-light-overview", 1400, 900, FALSE, "overview", "", "none", LENS_FAKE_FAULT_NONE },
  { "wide-light-crime", 1400, 900, FALSE, "crime", "5", "citywide", LENS_FAKE_FAULT_NONE,
    FALSE, FALSE, TRUE },
  { "wide-dark-crime", 1400, 900, TRUE, "crime", "5", "7", LENS_FAKE_FAULT_NONE },
  { "wide-dark-overview", 1400, 900, TRUE, "overview", "5", "none", LENS_FAKE_FAULT_NONE },
  { "wide-light-error", 1400, 900, FALSE, "crime", "", "none", LENS_FAKE_FAULT_ERROR_MALFORMED },
  { "wide-light-offline", 1400, 900, FALSE, "crime", "", "none", LENS_FAKE_FAULT_NONE, TRUE },
  { "wide-light-table", 1400, 900, FALSE, "crime", "12", "citywide", LENS_FAKE_FAULT_NONE,
    FALSE, FALSE, FALSE, TRUE },
  { "medium-light-crime", 900, 800, FALSE, "crime", "5", "citywide", LENS_FAKE_FAULT_NONE },
  { "narrow-light-crime", 360, 720, FALSE, "crime", "5", "citywide", LENS_FAKE_FAULT_NONE },
  { "narrow-dark-crime", 360, 720, TRUE, "crime", "", "none", LENS_FAKE_FAULT_NONE },
  { "narrow-light-overview", 360, 720, FALSE, "overview", "5", "none", LENS_FAKE_FAULT_NONE },
  { "narrow-light-sidebar", 360, 720, FALSE, "crime", "", "none", LENS_FAKE_FAULT_NONE,
    FALSE, TRUE },
  { "narrow-dark-error", 360, 720, TRUE, "crime", "", "none", LENS_FAKE_FAULT_SERVER_ERROR },
  { "narrow-light-filters", 360, 720, FALSE, "crime", "5", "citywide", LENS_FAKE_FAULT_NONE,
    FALSE, FALSE, FALSE, FALSE, "focus-district" },
  { "wide-light-dates", 1400, 900, FALSE, "crime", "5", "none", LENS_FAKE_FAULT_NONE,
    FALSE, FALSE, FALSE, FALSE, "focus-dates" },
  { "light-preferences", 1400, 900, FALSE, "overview", "", "none", LENS_FAKE_FAULT_NONE,
    FALSE, FALSE, FALSE, FALSE, NULL, TRUE },
  { "dark-preferences", 1400, 900, TRUE, "overview", "", "none", LENS_FAKE_FAULT_NONE,
    FALSE, FALSE, FALSE, FALSE, NULL, TRUE },
  /* the pages with the shipped reports and consent-decree content */
  { "wide-light-consent-decree", 1400, 900, FALSE, "consent-decree", "", "none", LENS_FAKE_FAULT_NONE },
  { "narrow-light-consent-decree", 360, 720, FALSE, "consent-decree", "", "none", LENS_FAKE_FAULT_NONE },
  { "wide-dark-consent-decree", 1400, 900, TRUE, "consent-decree", "", "none", LENS_FAKE_FAULT_NONE },
  { "wide-light-reports", 1400, 900, FALSE, "reports", "", "none", LENS_FAKE_FAULT_NONE },
  { "narrow-light-reports", 360, 720, FALSE, "reports", "", "none", LENS_FAKE_FAULT_NONE },
  { "wide-light-get-involved", 1400, 900, FALSE, "get-involved", "", "none", LENS_FAKE_FAULT_NONE },
  { "narrow-light-get-involved", 360, 720, FALSE, "get-involved", "", "none", LENS_FAKE_FAULT_NONE },
  { "wide-light-complaints", 1400, 900, FALSE, "complaints", "", "none", LENS_FAKE_FAULT_NONE },
  { "narrow-light-complaints", 360, 720, FALSE, "complaints", "", "none", LENS_FAKE_FAULT_NONE },
};

static LensApplication *app;

/* Every popover that is open under @widget is on the screen. */
static gboolean
popovers_mapped (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget) && !gtk_widget_get_mapped (widget))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!popovers_mapped (child))
      return FALSE;

  return TRUE;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
collect_popovers (GtkWidget *widget,
                  GPtrArray *popovers)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (popovers, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_popovers (child, popovers);
}

/* Where @native's widget is, in the coordinates of its toplevel's surface. */
static void
native_origin (GtkNative *native,
               double    *x,
               double    *y)
{
  double tx, ty;

  *x = *y = 0;
  /* A popup is placed relative to its parent surface, up to the toplevel. */
  for (GdkSurface *s = gtk_native_get_surface (native);
       GDK_IS_POPUP (s);
       s = gdk_popup_get_parent (GDK_POPUP (s)))
    {
      *x += gdk_popup_get_position_x (GDK_POPUP (s));
      *y += gdk_popup_get_position_y (GDK_POPUP (s));
    }
  gtk_native_get_surface_transform (native, &tx, &ty);
  *x += tx;
  *y += ty;
}

static void
append_widget (GtkSnapshot *snapshot,
               GtkWidget   *widget,
               double       x,
               double       y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  gtk_snapshot_restore (snapshot);
}

/* The window as it is on the screen, with the popovers open over it (each a surface of its
 * own), all drawn by GTK: the picture needs no other program and no other X client. */
static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds;
  double window_x, window_y;

  graphene_rect_init (&bounds, 0, 0,
                      gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_height (GTK_WIDGET (window)));
  append_widget (snapshot, GTK_WIDGET (window), 0, 0);

  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  collect_popovers (GTK_WIDGET (window), popovers);
  for (guint i = 0; i < popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (popovers, i);
      graphene_rect_t rect;
      double x, y;

      native_origin (GTK_NATIVE (popover), &x, &y);
      x -= window_x;
      y -= window_y;
      append_widget (snapshot, popover, x, y);
      graphene_rect_init (&rect, x, y, gtk_widget_get_width (popover), gtk_widget_get_height (popover));
      graphene_rect_union (&bounds, &rect, &bounds);
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
take_shot (const Shot *shot,
           const char *directory)
{
  g_autoptr(LensFakePortal) portal = lens_fake_portal_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LensPortalClient *client;
  LensWindow *window;

  g_settings_set_string (settings, "portal-url", lens_fake_portal_get_base_url (portal));
  g_settings_set_string (settings, "district", shot->district);
  g_settings_set_string (settings, "compare", shot->compare);
  g_settings_set_int (settings, "window-width", shot->width);
  g_settings_set_int (settings, "window-height", shot->height);


  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* No half-finished crossfades in the pictures. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  client = lens_application_get_client (app);
  lens_portal_client_set_retry_policy (client, 0, 10, 10);
  lens_portal_client_set_offline (client, shot->offline);
  /* Each shot starts from an empty cache: the offline one must have nothing saved. */
  g_assert_true (lens_cache_clear (lens_application_get_cache (app), NULL));
  lens_fake_portal_set_fault (portal, shot->fault, 0);

  window = lens_window_new (app);
  g_object_ref_sink (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "page",
                                  g_variant_new_string (shot->page));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (lens_test_wait_settled (window));

  if (shot->show_sidebar)
    {
      AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        LENS_TYPE_WINDOW,
                                                                        "leaflet"));

      adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
    }

  if (shot->focus_chart || shot->show_table)
    {
      GtkWidget *page = lens_window_get_page_widget (window, "crime");
      GPtrArray *charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
      GtkWidget *view = g_ptr_array_index (charts, 0);

      if (shot->focus_chart)
        {
          GtkWidget *area = GTK_WIDGET (gtk_widget_get_template_child (view, LENS_TYPE_CHART_VIEW,
                                                                       "drawing_area"));

          /* The first point is highlighted and its value shown under the chart. */
          gtk_widget_grab_focus (area);
        }

      if (shot->show_table)
        g_object_set (view, "show-table", TRUE, NULL);
    }

  if (shot->popup_action != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), shot->popup_action, NULL);

  /* What the steps above changed, laid out and drawn (animations are off). */
  g_assert_true (lens_test_wait_until ((LensTestPredicate) popovers_mapped, window));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));

  path = g_build_filename (directory, shot->name, NULL);
  if (shot->preferences)
    {
      g_autofree char *file = g_strconcat (path, ".png", NULL);
      LensPreferencesWindow *preferences = lens_preferences_window_new (app);

      gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (preferences));
      g_assert_true (lens_test_wait_until (widget_mapped, preferences));
      g_assert_true (lens_test_wait_frames (GTK_WIDGET (preferences), 2));
      save_window (GTK_WINDOW (preferences), file);
      gtk_window_destroy (GTK_WINDOW (preferences));
    }
  else
  {
    g_autofree char *file = g_strconcat (path, ".png", NULL);
    g_autoptr(GdkTexture) check = NULL;

    save_window (GTK_WINDOW (window), file);
    check = gdk_texture_new_from_filename (file, &error);
    g_assert_no_error (error);
    /* The window's width, or more with a popover over its edge. */
    g_assert_cmpint (gdk_texture_get_width (check), >=, gtk_widget_get_width (GTK_WIDGET (window)));
    g_test_message ("wrote %s", file);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  /* A popover shot runs in a process of its own, which ends here (see test_popover_shot). */
  if (shot->popup_action == NULL)
    lens_test_drain (50);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static char *
shots_directory (void)
{
  char *directory = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  return directory;
}

static gboolean
shot_wanted (const Shot *shot)
{
  const char *only = g_getenv ("LENS_SCREENSHOT");

  return only == NULL || g_str_equal (only, shot->name);
}

static void
test_screenshots (void)
{
  g_autofree char *directory = shots_directory ();

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    if (shots[i].popup_action == NULL && shot_wanted (&shots[i]))
      take_shot (&shots[i], directory);
}

/* A shot with a popover open, in a process that ends with it. Opening the popover starts GTK's
 * tooltip timer on the popover's surface, and GTK 4.8's popover does not detach the tooltip
 * when it goes (later GTKs do): the timer fires half a second later on a surface that is gone,
 * a critical. How soon a test closes the window must not decide whether it passes. */
static void
test_popover_shot (gconstpointer data)
{
  const Shot *shot = data;

  if (!shot_wanted (shot))
    {
      g_test_skip ("not in LENS_SCREENSHOT");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autofree char *directory = shots_directory ();

      take_shot (shot, directory);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("reform-lens-test-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int ret;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: that hides the system's icon themes (XDG_DATA_DIRS). */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  /* The screenshots are for people: numbers and dates as an English-speaking resident sees
   * them, when that locale is installed (the suite runs in C.UTF-8). */
  {
    /* LENS_SCREENSHOT_LOCALE=es_ES.UTF-8 shows the window in another language. */
    const char *locale = g_getenv ("LENS_SCREENSHOT_LOCALE");

    if (locale == NULL)
      locale = "en_US.UTF-8";
    if (setlocale (LC_ALL, locale) != NULL)
      g_setenv ("LC_ALL", locale, TRUE);  /* gtk_init() reads it again */
    else
      setlocale (LC_ALL, "");
  }
  lens_resources_ensure_registered ();

  g_test_add_func ("/screenshots/window", test_screenshots);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    if (shots[i].popup_action != NULL)
      {
        g_autofree char *path = g_strconcat ("/screenshots/popover/", shots[i].name, NULL);

        g_test_add_data_func (path, &shots[i], test_popover_shot);
      }

  app = lens_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
  }
  lens_test_park_pointer (gdk_display_get_default ());

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
