/* test-keyboard.c: the window by keyboard alone, against the fake portal
 *
 * - Tab: on every page, wide (1600 × 1000) and narrow (600 × 1000), left to right and right
 *   to left, Tab reaches every focusable control, in reading order (by where the controls
 *   are: down the page, and along a row in the direction of the language), and comes back
 *   to where it started (no trap). Tab is what GtkWindow does for it: gtk_widget_child_focus()
 *   forward from the focus, from the start again when it runs out.
 * - Escape (real key presses through the X server, XTest): closes a chart's menu, the
 *   district drop-down, Preferences, the brief dialog and the shortcuts window.
 * - The shortcuts window lists every accelerator of gtk_application_set_accels_for_action(),
 *   and none that does not exist.
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "lens-chart-view.h"
#include "lens-test-window.h"

static const char * const pages[] = {
  "overview", "crime", "complaints", "shootings", "arrests", "consent-decree", "reports",
  "get-involved",
};

typedef struct
{
  int             width;
  GtkTextDirection direction;
} TabCase;

/* Tab */

/* A control Tab must stop on: focusable, shown, usable. A row of a list is reached through
 * its list (Tab enters a list once; the arrows move in it). */
static gboolean
wants_tab (GtkWidget *widget)
{
  return gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
         gtk_widget_is_sensitive (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_child_visible (widget) &&
         gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static GtkWidget *
list_of (GtkWidget *widget)
{
  GtkWidget *list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX);

  if (list == NULL)
    list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW);
  if (list == NULL)
    list = gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW);
  return list;
}

/* The widgets that take the focus for their own content: the focus lands inside them (a
 * drop-down's button, a spin button's text), or they only pass it on. */
static gboolean
is_container_stop (GtkWidget *widget)
{
  return GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) ||
         GTK_IS_STACK (widget) || GTK_IS_WINDOW (widget);
}

static void
collect_wanted (GtkWidget *widget,
                GPtrArray *wanted)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;
  /* a popover closed or open is its own surface: not in the window's Tab order */
  if (GTK_IS_POPOVER (widget))
    return;
  if (wants_tab (widget) && !is_container_stop (widget))
    g_ptr_array_add (wanted, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_wanted (child, wanted);
}

static char *
describe (GtkWidget *widget)
{
  graphene_rect_t bounds;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    graphene_rect_init (&bounds, -1, -1, 0, 0);
  return g_strdup_printf ("%s “%s” at %.0f,%.0f %.0f×%.0f", G_OBJECT_TYPE_NAME (widget),
                          label != NULL ? label : tooltip != NULL ? tooltip : "",
                          bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
}

/* @b comes after @a in reading order, or at least not clearly before it: not wholly above it
 * in the same column, not wholly before it on the same line (before: to the left in
 * left-to-right, to the right in right-to-left). A step to the next column (wholly after,
 * whatever the height) reads on. */
static gboolean
reads_after (const graphene_rect_t *a,
             const graphene_rect_t *b,
             gboolean               rtl)
{
  float a_start = rtl ? -(a->origin.x + a->size.width) : a->origin.x;
  float a_end = a_start + a->size.width;
  float b_start = rtl ? -(b->origin.x + b->size.width) : b->origin.x;
  float b_end = b_start + b->size.width;
  gboolean b_above = b->origin.y + b->size.height <= a->origin.y + 0.5f;
  gboolean b_below = b->origin.y >= a->origin.y + a->size.height - 0.5f;
  gboolean b_after = b_start >= a_end - 0.5f;
  gboolean b_before = b_end <= a_start + 0.5f;

  if (b_after)
    return TRUE;
  if (b_above)
    return FALSE;
  if (!b_below && b_before)
    return FALSE;
  return TRUE;
}

/* Where a Tab stop is read: a row of a list that scrolls inside the page (the map's list of
 * districts) is read where its list is; the row the list gives the focus to may be scrolled
 * out of sight until it has it. */
static gboolean
compute_stop_bounds (GtkWidget       *stop,
                     GtkWidget       *window,
                     graphene_rect_t *bounds)
{
  GtkWidget *list = list_of (stop);
  GtkWidget *scroller = list != NULL ? gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW) : NULL;

  if (scroller != NULL && gtk_widget_get_parent (scroller) != NULL &&
      gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW) != NULL)
    stop = scroller;
  return gtk_widget_compute_bounds (stop, window, bounds);
}

static void
check_tab (GtkWindow  *window,
           const char *page,
           gboolean    rtl,
           guint      *n_checked)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) lists_reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint limit;

  collect_wanted (GTK_WIDGET (window), wanted);
  g_assert_cmpuint (wanted->len, >, 0);
  limit = wanted->len * 4 + 50;

  /* From nothing focused, Tab until the window's end (where Tab starts again) or until a
   * control comes round again: a container of the window may wrap by itself (the sidebar's
   * list takes the focus back to its last row). A trap is a round that leaves controls out:
   * every control reached must come round again, but the rows of a list other than the one
   * it keeps (a list is one Tab stop; the arrows move in it). */
  gtk_window_set_focus (window, NULL);
  for (guint step = 0;; step++)
    {
      GtkWidget *focus;

      if (step == limit)
        g_error ("%s: Tab never comes round in %u presses", page, limit);
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_window_get_focus (window);
      g_assert_nonnull (focus);
      if (g_hash_table_contains (reached, focus))
        {
          guint start = 0;

          g_assert_true (g_ptr_array_find (order, focus, &start));
          for (guint i = 0; i < start; i++)
            {
              GtkWidget *left_out = g_ptr_array_index (order, i);

              if (list_of (left_out) == NULL)
                {
                  g_autofree char *what = describe (left_out);
                  g_autofree char *again = describe (focus);

                  g_error ("%s: Tab is trapped: after %s, it comes round to %s and never to %s again",
                           page, (char *) describe (g_ptr_array_index (order, order->len - 1)),
                           again, what);
                }
            }
          break;
        }
      g_hash_table_add (reached, focus);
      if (list_of (focus) != NULL)
        g_hash_table_add (lists_reached, list_of (focus));
      g_ptr_array_add (order, focus);
    }
  g_assert_cmpuint (order->len, >, 0);

  /* every control, or its list */
  for (guint i = 0; i < wanted->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (wanted, i);
      GtkWidget *list = list_of (widget);

      if (g_hash_table_contains (reached, widget) ||
          (list != NULL && g_hash_table_contains (lists_reached, list)))
        continue;
      /* the focus can land on a child of it, or on the control it is part of (the item shown
       * in a drop-down's button) */
      {
        gboolean inside = FALSE;

        for (guint j = 0; j < order->len && !inside; j++)
          inside = gtk_widget_is_ancestor (g_ptr_array_index (order, j), widget) ||
                   gtk_widget_is_ancestor (widget, g_ptr_array_index (order, j));
        if (inside)
          continue;
      }
      {
        g_autofree char *what = describe (widget);

        g_error ("%s: Tab never reaches %s", page, what);
      }
    }

  /* in reading order: within the sidebar, the header bars and the page, each step reads on */
  for (guint i = 1; i < order->len; i++)
    {
      GtkWidget *a = g_ptr_array_index (order, i - 1);
      GtkWidget *b = g_ptr_array_index (order, i);
      graphene_rect_t ra, rb;

      g_assert_true (compute_stop_bounds (a, GTK_WIDGET (window), &ra));
      g_assert_true (compute_stop_bounds (b, GTK_WIDGET (window), &rb));
      if (!reads_after (&ra, &rb, rtl))
        {
          g_autofree char *what_a = describe (a);
          g_autofree char *what_b = describe (b);

          g_error ("%s: Tab goes back against the reading order: from %s to %s", page, what_a, what_b);
        }
    }
  *n_checked += order->len;
}

static void
test_tab (gconstpointer data)
{
  const TabCase *tab_case = data;
  LensTestWindow fixture = { 0 };
  LensWindow *window;
  guint n_checked = 0;

  gtk_widget_set_default_direction (tab_case->direction);
  lens_test_window_set_up (&fixture, "5", "citywide");
  window = lens_test_window_open (&fixture, "overview", tab_case->width, 1000);
  g_assert_true (lens_test_wait_settled (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      lens_test_show_page (window, pages[i]);
      check_tab (GTK_WINDOW (window), pages[i], tab_case->direction == GTK_TEXT_DIR_RTL, &n_checked);
    }
  g_test_message ("%d px, %s: %u Tab stops checked on %zu pages", tab_case->width,
                  tab_case->direction == GTK_TEXT_DIR_RTL ? "right to left" : "left to right",
                  n_checked, G_N_ELEMENTS (pages));

  lens_test_window_tear_down (&fixture);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* Escape */

/* A real key press: XTest through the X server to the window that has the focus, as a
 * keyboard sends it. */
static void
press_escape (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  Window xwindow = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  KeyCode code = XKeysymToKeycode (xdisplay, XK_Escape);

  g_assert_cmpuint (code, !=, 0);
  XSetInputFocus (xdisplay, xwindow, RevertToParent, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  XSync (xdisplay, False);
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The weak pointer of a window Escape destroys, or it is hidden. */
static gboolean
window_gone (gpointer data)
{
  GtkWidget **window = data;

  return *window == NULL || !gtk_widget_get_visible (*window);
}

static GtkWidget *
find_popover (GtkWidget *root)
{
  g_autoptr(GPtrArray) popovers = lens_test_find_all (root, GTK_TYPE_POPOVER);

  for (guint i = 0; i < popovers->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (popovers, i)))
      return g_ptr_array_index (popovers, i);
  return NULL;
}

static gboolean
popover_opened (gpointer data)
{
  return find_popover (data) != NULL;
}

/* A popover under @owner has just been asked to open. */
static void
check_popover_escape (GtkWindow  *window,
                      GtkWidget  *owner,
                      const char *what)
{
  GtkWidget *popover = NULL;

  if (!lens_test_wait_until (popover_opened, owner))
    g_error ("%s: no popover opened", what);
  popover = find_popover (owner);
  g_assert_true (lens_test_wait_frames (popover, 1));
  press_escape (window);
  if (!lens_test_wait_until (widget_unmapped, popover))
    g_error ("%s: Escape did not close it", what);
  g_test_message ("Escape closes %s", what);
}

/* The newest toplevel other than @window. */
static GtkWidget *
find_other_window (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) other = g_list_model_get_item (toplevels, i);

      if (other != GTK_WIDGET (window) && gtk_widget_get_visible (other))
        found = other;
    }
  return found;
}

static void
check_window_escape (GtkWindow  *window,
                     const char *action,
                     const char *what)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));
  dialog = find_other_window (window);
  if (dialog == NULL)
    g_error ("%s (%s) did not open", what, action);
  g_assert_true (lens_test_wait_mapped (dialog));
  g_assert_true (lens_test_wait_frames (dialog, 2));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press_escape (GTK_WINDOW (dialog));
  if (!lens_test_wait_until (window_gone, &dialog))
    g_error ("Escape did not close %s", what);
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_test_message ("Escape closes %s", what);
}

static void
test_escape (void)
{
  LensTestWindow fixture = { 0 };
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) menus = NULL;
  g_autoptr(GPtrArray) drop_downs = NULL;
  LensWindow *window;
  GtkWidget *page;

  lens_test_window_set_up (&fixture, "5", "citywide");
  window = lens_test_window_open (&fixture, "crime", 1600, 1000);
  page = lens_test_show_page (window, "crime");

  /* a chart's menu */
  charts = lens_test_find_all (page, LENS_TYPE_CHART_VIEW);
  g_assert_cmpuint (charts->len, >, 0);
  menus = lens_test_find_all (g_ptr_array_index (charts, 0), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (menus->len, >, 0);
  /* as a keyboard user reaches it: focused, so scrolled into view (the district statistics
   * above push the charts below the fold, and a popover off every monitor has none) */
  gtk_widget_grab_focus (g_ptr_array_index (menus, 0));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 3));
  gtk_menu_button_popup (g_ptr_array_index (menus, 0));
  check_popover_escape (GTK_WINDOW (window), g_ptr_array_index (menus, 0), "a chart's menu");

  /* the district drop-down (Ctrl+D focuses it; activating it opens its list) */
  drop_downs = lens_test_find_all (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (drop_downs->len, >, 0);
  for (guint i = 0; i < drop_downs->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (drop_downs, i)))
      {
        g_autoptr(GPtrArray) buttons = lens_test_find_all (g_ptr_array_index (drop_downs, i),
                                                           GTK_TYPE_TOGGLE_BUTTON);

        /* what Space on its focused button does */
        g_assert_cmpuint (buttons->len, >, 0);
        gtk_widget_activate (g_ptr_array_index (buttons, 0));
        check_popover_escape (GTK_WINDOW (window), g_ptr_array_index (drop_downs, i),
                              "a drop-down's list");
        break;
      }

  check_window_escape (GTK_WINDOW (window), "app.preferences", "Preferences");
  check_window_escape (GTK_WINDOW (window), "win.prepare-brief", "the brief dialog");
  check_window_escape (GTK_WINDOW (window), "win.show-help-overlay", "the shortcuts window");

  lens_test_window_tear_down (&fixture);
}

/* The shortcuts window */

/* Keys that widgets handle themselves, not the application's accelerators: what the shortcuts
 * window may list besides them. The plot's key controller (lens-plot-area.c) reads Left,
 * Right, Home and End; Tab and Shift+Tab are GTK's. */
static const char * const widget_keys[] = { "Left", "Right", "Home", "End", "Tab", "<Shift>Tab" };

static char *
normalize_accel (const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accel, &key, &mods) || key == 0)
    return NULL;
  return gtk_accelerator_name (key, mods);
}

static void
test_shortcuts_window (void)
{
  LensTestWindow fixture = { 0 };
  GtkApplication *app;
  GtkShortcutsWindow *overlay;
  g_autoptr(GHashTable) app_accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) shortcuts = NULL;
  g_auto(GStrv) actions = NULL;
  LensWindow *window;
  guint n_missing = 0, n_bogus = 0;

  lens_test_window_set_up (&fixture, "", "none");
  window = lens_test_window_open (&fixture, "overview", 1400, 900);
  g_assert_true (lens_test_wait_settled (window));
  app = GTK_APPLICATION (fixture.app);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  /* every accelerator the application sets, with its action */
  actions = gtk_application_list_action_descriptions (app);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          char *name = normalize_accel (accels[j]);

          g_assert_nonnull (name);
          g_hash_table_insert (app_accels, name, g_strdup (actions[i]));
        }
    }
  g_assert_cmpuint (g_hash_table_size (app_accels), >, 0);

  /* every accelerator the shortcuts window shows: its action's, or the one it names */
  shortcuts = lens_test_find_all (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_assert_cmpuint (shortcuts->len, >, 0);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "title", &title, "action-name", &action,
                    "accelerator", &accelerator, NULL);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

          if (accels[0] == NULL)
            {
              g_printerr ("listed, but no such accelerator: “%s” (%s)\n", title, action);
              n_bogus++;
            }
          for (guint j = 0; accels[j] != NULL; j++)
            g_hash_table_add (listed, normalize_accel (accels[j]));
        }
      else if (accelerator != NULL)
        {
          g_auto(GStrv) keys = g_strsplit (accelerator, " ", -1);

          for (guint j = 0; keys[j] != NULL; j++)
            {
              char *name = normalize_accel (keys[j]);

              if (name == NULL)
                {
                  g_printerr ("listed, but not an accelerator: “%s” (%s)\n", title, keys[j]);
                  n_bogus++;
                  continue;
                }
              if (!g_hash_table_contains (app_accels, name) &&
                  !g_strv_contains (widget_keys, keys[j]))
                {
                  g_printerr ("listed, but no such accelerator: “%s” (%s)\n", title, name);
                  n_bogus++;
                }
              g_hash_table_add (listed, name);
            }
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, app_accels);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!g_hash_table_contains (listed, key))
        {
          g_printerr ("not listed in the shortcuts window: %s (%s)\n", (char *) key, (char *) value);
          n_missing++;
        }
  }
  g_test_message ("%u accelerators, %u shortcuts listed", g_hash_table_size (app_accels),
                  shortcuts->len);
  g_assert_cmpuint (n_missing, ==, 0);
  g_assert_cmpuint (n_bogus, ==, 0);

  lens_test_window_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  static const TabCase wide = { 1600, GTK_TEXT_DIR_LTR };
  static const TabCase narrow = { 600, GTK_TEXT_DIR_LTR };
  static const TabCase wide_rtl = { 1600, GTK_TEXT_DIR_RTL };
  static const TabCase narrow_rtl = { 600, GTK_TEXT_DIR_RTL };

  lens_test_window_init (&argc, &argv);

  g_test_add_func ("/keyboard/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/keyboard/escape", test_escape);
  g_test_add_data_func ("/keyboard/tab/wide", &wide, test_tab);
  g_test_add_data_func ("/keyboard/tab/narrow", &narrow, test_tab);
  g_test_add_data_func ("/keyboard/tab/wide-rtl", &wide_rtl, test_tab);
  g_test_add_data_func ("/keyboard/tab/narrow-rtl", &narrow_rtl, test_tab);

  return lens_test_window_run ();
}
