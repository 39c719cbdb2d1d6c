/* lens-test-window.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-resources.h"
#include "lens-test-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* The run */

static LensApplication *application;

void
lens_test_window_init (int    *argc,
                       char ***argv)
{
  lens_test_home_set_up ();
  g_test_init (argc, argv, NULL);
  lens_resources_ensure_registered ();
}

int
lens_test_window_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&application);
  lens_test_home_tear_down ();

  return ret;
}

LensApplication *
lens_test_get_application (void)
{
  g_autoptr(GError) error = NULL;

  if (application != NULL)
    return application;

  application = lens_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  lens_test_park_pointer (gdk_display_get_default ());
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  return application;
}

/* A window against the fake portal */

void
lens_test_window_set_up (LensTestWindow *fixture,
                         const char     *district,
                         const char     *compare)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  LensPortalClient *client;

  fixture->portal = lens_fake_portal_new ();
  fixture->directory = lens_test_make_dir ();
  fixture->window = NULL;

  g_settings_set_string (settings, "portal-url", lens_fake_portal_get_base_url (fixture->portal));
  g_settings_set_string (settings, "district", district != NULL ? district : "");
  g_settings_set_string (settings, "compare", compare != NULL ? compare : "none");

  fixture->app = g_object_ref (lens_test_get_application ());
  client = lens_application_get_client (fixture->app);
  /* Faults must show at once, not after the production back-off. */
  lens_portal_client_set_retry_policy (client, 0, 10, 10);
  lens_test_client_set_instant_waits (client, NULL, NULL);
  lens_portal_client_set_offline (client, FALSE);
  /* Every test starts with nothing saved. */
  g_assert_true (lens_cache_clear (lens_application_get_cache (fixture->app), &error));
  g_assert_no_error (error);
}

LensWindow *
lens_test_window_open (LensTestWindow *fixture,
                       const char     *page_id,
                       int             width,
                       int             height)
{
  g_assert_null (fixture->window);

  fixture->window = lens_window_new (fixture->app);
  g_object_ref_sink (fixture->window);
  if (page_id != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "page",
                                    g_variant_new_string (page_id));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  return fixture->window;
}

void
lens_test_window_close (LensTestWindow *fixture)
{
  if (fixture->window == NULL)
    return;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  /* Let cancelled loads finish before the client goes. */
  lens_test_drain (50);
}

void
lens_test_window_tear_down (LensTestWindow *fixture)
{
  lens_test_window_close (fixture);
  lens_test_remove_tree (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->portal);
}

GtkWidget *
lens_test_show_page (LensWindow *window,
                     const char *page_id)
{
  GtkWidget *page;

  g_action_group_activate_action (G_ACTION_GROUP (window), "page",
                                  g_variant_new_string (page_id));
  g_assert_cmpstr (lens_window_get_page (window), ==, page_id);
  g_assert_true (lens_test_wait_settled (window));
  /* two whole frames, so that the page is laid out */
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));

  page = lens_window_get_page_widget (window, page_id);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  return page;
}

/* Waits */

typedef struct
{
  guint ticks;
  guint wanted;
} Frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;

  frames->ticks++;
  return frames->ticks < frames->wanted ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer data)
{
  Frames *frames = data;

  return frames->ticks >= frames->wanted;
}

gboolean
lens_test_wait_frames (GtkWidget *widget,
                       guint      n_frames)
{
  /* A tick comes at the start of a frame: the n-th frame has been laid out and painted when
   * the tick of the one after it arrives. The callback keeps the clock running meanwhile. */
  Frames frames = { 0, n_frames + 1 };
  guint id;
  gboolean done;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (gtk_widget_get_realized (widget), FALSE);

  id = gtk_widget_add_tick_callback (widget, tick_cb, &frames, NULL);
  done = lens_test_wait_until (frames_done, &frames);
  if (!done)
    gtk_widget_remove_tick_callback (widget, id);

  return done;
}

static gboolean
window_settled (gpointer data)
{
  return lens_window_is_settled (data);
}

gboolean
lens_test_wait_settled (LensWindow *window)
{
  return lens_test_wait_until (window_settled, window);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
lens_test_wait_mapped (GtkWidget *widget)
{
  return lens_test_wait_until (widget_mapped, widget);
}

static gboolean
widget_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

gboolean
lens_test_wait_allocated (GtkWidget *widget)
{
  return lens_test_wait_until (widget_allocated, widget);
}

void
lens_test_park_pointer (GdkDisplay *display)
{
  g_return_if_fail (GDK_IS_DISPLAY (display));

#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (display))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (display);
      Screen *screen = DefaultScreenOfDisplay (xdisplay);

      XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                    WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
      XSync (xdisplay, False);
    }
#endif
}

/* Widget trees */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
lens_test_find_all (GtkWidget *root,
                    GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* Pictures */

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

static gboolean
is_open_popover (GtkWidget *widget)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget);
}

GdkTexture *
lens_test_snapshot_window (GtkWindow *window)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GPtrArray) popovers = lens_test_find_all (GTK_WIDGET (window), GTK_TYPE_POPOVER);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds;
  double window_x, window_y;

  graphene_rect_init (&bounds, 0, 0,
                      gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_height (GTK_WIDGET (window)));
  append_widget (snapshot, GTK_WIDGET (window), 0, 0);

  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  for (guint i = 0; i < popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (popovers, i);
      graphene_rect_t rect;
      double x, y;

      if (!is_open_popover (popover))
        continue;
      native_origin (GTK_NATIVE (popover), &x, &y);
      x -= window_x;
      y -= window_y;
      append_widget (snapshot, popover, x, y);
      graphene_rect_init (&rect, x, y, gtk_widget_get_width (popover), gtk_widget_get_height (popover));
      graphene_rect_union (&bounds, &rect, &bounds);
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &bounds);
}

GdkTexture *
lens_test_save_window (GtkWindow  *window,
                       const char *path)
{
  g_autoptr(GdkTexture) texture = lens_test_snapshot_window (window);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  return g_steal_pointer (&texture);
}

char *
lens_test_screenshot_path (const char *name)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  return g_build_filename (directory, file, NULL);
}
