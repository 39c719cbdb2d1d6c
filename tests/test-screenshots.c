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
  const char    *popup_action;  /* a window action that opens a popover (screen grab) */
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

/* Popovers are surfaces of their own: grab the screen with ImageMagick's import instead. */
static void
grab_screen (const char *file,
             int         width,
             int         height)
{
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *geometry = g_strdup_printf ("%dx%d+0+0", width + 60, height + 60);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { import, "-window", "root", "-crop", geometry, file, NULL };
  int status = 0;

  if (import == NULL)
    {
      g_test_message ("no ImageMagick import: %s not written", file);
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static LensApplication *app;

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wait_settled (LensWindow *window,
              guint       seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!lens_window_is_settled (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return lens_window_is_settled (window);
}

static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  /* The window's own rectangle, without the shadow around it. */
  graphene_rect_init (&bounds, 0, 0, width, height);
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

  g_assert_true (wait_settled (window, 30));

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

  /* Transitions and the first frames. */
  spin (700);

  path = g_build_filename (directory, shot->name, NULL);
  if (shot->popup_action != NULL)
    {
      g_autofree char *file = g_strconcat (path, ".png", NULL);

      grab_screen (file, shot->width, shot->height);
    }
  else if (shot->preferences)
    {
      g_autofree char *file = g_strconcat (path, ".png", NULL);
      LensPreferencesWindow *preferences = lens_preferences_window_new (app);

      gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (preferences));
      spin (700);
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
    g_assert_cmpint (gdk_texture_get_width (check), ==, gtk_widget_get_width (GTK_WIDGET (window)));
    g_test_message ("wrote %s", file);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spin (50);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  const char *only = g_getenv ("LENS_SCREENSHOT");

  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    if (only == NULL || g_str_equal (only, shots[i].name))
      take_shot (&shots[i], directory);
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

  app = lens_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
  }

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
