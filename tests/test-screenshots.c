/* test-screenshots.c: every page of the window drawn, as pictures, each checked
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes $G_TEST_BUILDDIR/screenshots/<name>.png for a person to look at: wide (1400x900) and
 * narrow (360x720), light and dark, every page, error and offline states, popovers and the
 * preferences, and each page with its rows expanded scrolled down step by step
 * (pages-<page>-<width>-<step>.png). The numbers are the fake portal's synthetic ones.
 *
 * What it checks in each picture is that it is not blank: the content area (the page, or the
 * whole window where the page is not shown) has many colours and is not all background, and
 * every chart that is on screen with its data has marks drawn in the series' colours. The
 * rest (the words, the layout) is for the person, and for the other window tests.
 * `meson test --suite screenshots` runs only this.
 */
#include "config.h"

#include <adwaita.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>

#include "lens-chart-view.h"
#include "lens-compliance-chart.h"
#include "lens-compstat-view.h"
#include "lens-dashboard-page.h"
#include "lens-plot.h"
#include "lens-preferences-window.h"
#include "lens-language.h"
#include "lens-test-window.h"

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
  /* the victims of shootings for a district; the arrests, citywide whatever the district */
  { "wide-light-shootings", 1400, 900, FALSE, "shootings", "5", "citywide", LENS_FAKE_FAULT_NONE },
  { "narrow-light-shootings", 360, 720, FALSE, "shootings", "5", "none", LENS_FAKE_FAULT_NONE },
  { "wide-light-arrests", 1400, 900, FALSE, "arrests", "5", "7", LENS_FAKE_FAULT_NONE },
  { "wide-dark-arrests", 1400, 900, TRUE, "arrests", "", "none", LENS_FAKE_FAULT_NONE },
};

/* What "not blank" means. A page of only its background has one colour, one of empty cards
 * a handful (their borders and shadows); text brings hundreds (its anti-aliasing: each page
 * here has 200 or more), and the least of a page that is not its background is several per
 * cent (an error message in a card; the pages here have 12 % or more). A chart's line or bars
 * are hundreds of pixels of their series' colours. */
#define MIN_COLOURS      64
#define MIN_INK          0.01
#define MIN_MARK_PIXELS  40
/* How far from the series' colour a drawn pixel may be, per channel of 255 (rounding). */
#define MARK_TOLERANCE   6

/* Counting pixels */

typedef struct
{
  guint32 *pixels;  /* cairo's ARGB32 */
  int      width;
  int      height;
} Picture;

static void
picture_init (Picture    *picture,
              GdkTexture *texture)
{
  picture->width = gdk_texture_get_width (texture);
  picture->height = gdk_texture_get_height (texture);
  picture->pixels = g_new (guint32, (gsize) picture->width * picture->height);
  gdk_texture_download (texture, (guchar *) picture->pixels, picture->width * 4);
}

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

/* @area, in the picture's coordinates, cut to the picture; FALSE when nothing is left. */
static gboolean
picture_clip (const Picture         *picture,
              const graphene_rect_t *area,
              int                    box[4])
{
  box[0] = MAX (0, (int) floorf (area->origin.x));
  box[1] = MAX (0, (int) floorf (area->origin.y));
  box[2] = MIN (picture->width, (int) ceilf (area->origin.x + area->size.width));
  box[3] = MIN (picture->height, (int) ceilf (area->origin.y + area->size.height));

  return box[0] < box[2] && box[1] < box[3];
}

/* How many colours @area has, and the share of its pixels that are not its most common
 * colour (its background). */
static void
count_colours (const Picture         *picture,
               const graphene_rect_t *area,
               guint                 *n_colours,
               double                *ink)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint most = 0, total = 0;
  int box[4];

  *n_colours = 0;
  *ink = 0;
  if (!picture_clip (picture, area, box))
    return;

  for (int y = box[1]; y < box[3]; y++)
    for (int x = box[0]; x < box[2]; x++)
      {
        gpointer pixel = GUINT_TO_POINTER (picture->pixels[(gsize) y * picture->width + x]);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pixel));

        g_hash_table_insert (counts, pixel, GUINT_TO_POINTER (n + 1));
        total++;
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    most = MAX (most, GPOINTER_TO_UINT (value));

  *n_colours = g_hash_table_size (counts);
  *ink = 1.0 - (double) most / total;
}

static gboolean
near (guint32 pixel,
      int     red,
      int     green,
      int     blue)
{
  return ABS ((int) ((pixel >> 16) & 0xff) - red) <= MARK_TOLERANCE &&
         ABS ((int) ((pixel >> 8) & 0xff) - green) <= MARK_TOLERANCE &&
         ABS ((int) (pixel & 0xff) - blue) <= MARK_TOLERANCE &&
         (pixel >> 24) == 0xff;
}

/* How many pixels of @area have one of the first series' colours of @style. */
static guint
count_marks (const Picture         *picture,
             const graphene_rect_t *area,
             const LensPlotStyle   *style)
{
  int colours[3][3];
  guint n = 0;
  int box[4];

  for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
    {
      double rgba[4];

      lens_plot_get_series_color (style, c, rgba);
      for (guint k = 0; k < 3; k++)
        colours[c][k] = (int) (rgba[k] * 255 + 0.5);
    }

  if (!picture_clip (picture, area, box))
    return 0;

  for (int y = box[1]; y < box[3]; y++)
    for (int x = box[0]; x < box[2]; x++)
      {
        guint32 pixel = picture->pixels[(gsize) y * picture->width + x];

        for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
          if (near (pixel, colours[c][0], colours[c][1], colours[c][2]))
            {
              n++;
              break;
            }
      }

  return n;
}

/* Checking a picture */

/* @widget's bounds in @window, when it is on screen whole: mapped, and inside the scroller
 * that shows it (a chart scrolled out of view is not in the picture). */
static gboolean
bounds_on_screen (GtkWidget       *widget,
                  GtkWidget       *window,
                  graphene_rect_t *bounds)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t in_scroller, visible;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    return FALSE;

  if (scroller != NULL)
    {
      if (!gtk_widget_compute_bounds (widget, scroller, &in_scroller))
        return FALSE;
      graphene_rect_init (&visible, 0, 0,
                          gtk_widget_get_width (scroller), gtk_widget_get_height (scroller));
      if (!graphene_rect_contains_rect (&visible, &in_scroller))
        return FALSE;
    }

  return gtk_widget_compute_bounds (widget, window, bounds);
}

/* The plot areas under @root that show data: the charts' drawing areas (not a chart shown as
 * a table, loading or failed) and the consent decree's compliance charts. */
static GPtrArray *
find_plots (GtkWidget *root)
{
  g_autoptr(GPtrArray) views = lens_test_find_all (root, LENS_TYPE_CHART_VIEW);
  GPtrArray *plots = lens_test_find_all (root, LENS_TYPE_COMPLIANCE_CHART);

  for (guint i = 0; i < views->len; i++)
    {
      LensChartView *view = g_ptr_array_index (views, i);

      if (lens_chart_view_get_state (view) == LENS_CHART_STATE_CHART)
        g_ptr_array_add (plots, gtk_widget_get_template_child (GTK_WIDGET (view),
                                                               LENS_TYPE_CHART_VIEW,
                                                               "drawing_area"));
    }

  return plots;
}

/* The CompStat table of @widget's page, or NULL. */
static GtkWidget *
find_compstat_view (GtkWidget *widget)
{
  if (LENS_IS_COMPSTAT_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_compstat_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* @texture is a picture of @window: not blank in its content area (the page stack when a
 * page is shown), and with marks on every chart on screen. Returns how many charts it saw. */
static guint
check_picture (GtkWindow  *window,
               GdkTexture *texture,
               const char *name)
{
  g_auto(Picture) picture = { 0 };
  g_autoptr(GPtrArray) plots = find_plots (GTK_WIDGET (window));
  GtkWidget *content = GTK_WIDGET (window);
  LensPlotStyle style;
  graphene_rect_t area;
  guint n_colours, n_charts = 0;
  double ink;

  picture_init (&picture, texture);
  if (LENS_IS_WINDOW (window))
    {
      GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                    LENS_TYPE_WINDOW,
                                                                    "page_stack"));

      if (gtk_widget_get_mapped (stack))
        content = stack;
    }
  if (content == GTK_WIDGET (window))
    graphene_rect_init (&area, 0, 0, picture.width, picture.height);
  else
    g_assert_true (gtk_widget_compute_bounds (content, GTK_WIDGET (window), &area));

  count_colours (&picture, &area, &n_colours, &ink);
  g_test_message ("%s: %u colours, %.1f%% not background", name, n_colours, ink * 100);
  if (n_colours < MIN_COLOURS || ink < MIN_INK)
    g_error ("%s is blank: %u colours, %.2f%% not background", name, n_colours, ink * 100);

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    lens_plot_style_init_dark (&style);
  else
    lens_plot_style_init_light (&style);

  for (guint i = 0; i < plots->len; i++)
    {
      GtkWidget *plot = g_ptr_array_index (plots, i);
      guint marks;

      if (gtk_native_get_surface (gtk_widget_get_native (plot)) !=
          gtk_native_get_surface (GTK_NATIVE (window)) ||
          !bounds_on_screen (plot, GTK_WIDGET (window), &area))
        continue;

      marks = count_marks (&picture, &area, &style);
      n_charts++;
      g_test_message ("%s: a chart at %.0f,%.0f has %u pixels of a series' colour",
                      name, area.origin.x, area.origin.y, marks);
      if (marks < MIN_MARK_PIXELS)
        g_error ("%s: the chart at %.0f,%.0f (%.0f×%.0f) has %u pixels of a series' colour",
                 name, area.origin.x, area.origin.y, area.size.width, area.size.height, marks);
    }

  return n_charts;
}

static gboolean
shows_charts (const char *page_id)
{
  return g_str_equal (page_id, "crime") || g_str_equal (page_id, "complaints") ||
         g_str_equal (page_id, "shootings") || g_str_equal (page_id, "arrests") ||
         g_str_equal (page_id, "consent-decree");
}

/* The shots */

static gboolean
popovers_mapped (gpointer data)
{
  g_autoptr(GPtrArray) popovers = lens_test_find_all (GTK_WIDGET (data), GTK_TYPE_POPOVER);

  /* Every popover that is open is on the screen. */
  for (guint i = 0; i < popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (popovers, i);

      if (gtk_widget_get_visible (popover) && !gtk_widget_get_mapped (popover))
        return FALSE;
    }

  return TRUE;
}

static void
take_shot (const Shot *shot)
{
  LensTestWindow fixture = { 0 };
  g_autofree char *path = lens_test_screenshot_path (shot->name);
  g_autoptr(GdkTexture) texture = NULL;
  LensWindow *window;
  guint n_charts;

  lens_test_window_set_up (&fixture, shot->district, shot->compare);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The offline shot must have nothing saved: the cache is empty. */
  lens_portal_client_set_offline (lens_application_get_client (fixture.app), shot->offline);
  lens_fake_portal_set_fault (fixture.portal, shot->fault, 0);

  window = lens_test_window_open (&fixture, shot->page, shot->width, shot->height);
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
        {
          g_autoptr(GPtrArray) scrollers = lens_test_find_all (page, GTK_TYPE_SCROLLED_WINDOW);
          GtkWidget *scroller = g_ptr_array_index (scrollers, 0);
          graphene_rect_t bounds;

          g_object_set (view, "show-table", TRUE, NULL);
          /* the chart is below the district sections: scroll it to the top of the window */
          g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));
          g_assert_true (gtk_widget_compute_bounds (view, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                    &bounds));
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                                    bounds.origin.y - 12);
          g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));
          /* With the share come the counts: every heading and cell whole, inside the card */
          {
            g_autoptr(GPtrArray) labels = lens_test_find_all (view, GTK_TYPE_LABEL);
            g_autoptr(GPtrArray) tables = lens_test_find_all (view, GTK_TYPE_COLUMN_VIEW);

            for (guint i = 0; i < labels->len; i++)
              {
                GtkWidget *label = g_ptr_array_index (labels, i);
                int natural;

                if (!gtk_widget_get_mapped (label) ||
                    !gtk_widget_is_ancestor (label, g_ptr_array_index (tables, 0)))
                  continue;
                gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
                g_assert_true (gtk_widget_compute_bounds (label, view, &bounds));
                if (gtk_widget_get_width (label) < natural ||
                    bounds.origin.x + bounds.size.width > gtk_widget_get_width (view) + 0.5)
                  g_error ("The table's “%s” is cut: %d of %d px, ends at %.0f of %d",
                           gtk_label_get_label (GTK_LABEL (label)), gtk_widget_get_width (label), natural,
                           bounds.origin.x + bounds.size.width, gtk_widget_get_width (view));
              }
          }
        }
    }

  if (shot->popup_action != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), shot->popup_action, NULL);

  /* What the steps above changed, laid out and drawn (animations are off). */
  g_assert_true (lens_test_wait_until (popovers_mapped, window));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));

  if (shot->preferences)
    {
      LensPreferencesWindow *preferences = lens_preferences_window_new (fixture.app);

      gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (preferences));
      g_assert_true (lens_test_wait_mapped (GTK_WIDGET (preferences)));
      g_assert_true (lens_test_wait_frames (GTK_WIDGET (preferences), 2));
      texture = lens_test_save_window (GTK_WINDOW (preferences), path);
      check_picture (GTK_WINDOW (preferences), texture, shot->name);
      gtk_window_destroy (GTK_WINDOW (preferences));
    }
  else
    {
      texture = lens_test_save_window (GTK_WINDOW (window), path);
      /* The window's width, or more with a popover over its edge. */
      g_assert_cmpint (gdk_texture_get_width (texture), >=, gtk_widget_get_width (GTK_WIDGET (window)));
      n_charts = check_picture (GTK_WINDOW (window), texture, shot->name);
      /* A page of charts that loaded shows at least its first one whole, as a chart, or,
       * on the Crime page, the CompStat table at its top, loaded. */
      if (shows_charts (shot->page) && !shot->show_sidebar && !shot->show_table &&
          shot->fault == LENS_FAKE_FAULT_NONE && !shot->offline && n_charts == 0)
        {
          GtkWidget *page = lens_window_get_page_widget (LENS_WINDOW (window), shot->page);
          GtkWidget *compstat = find_compstat_view (page);

          g_assert_nonnull (compstat);
          g_assert_true (gtk_widget_get_mapped (compstat));
          g_assert_nonnull (lens_compstat_view_get_tables (LENS_COMPSTAT_VIEW (compstat)));
        }
    }

  /* A popover shot runs in a process of its own, which ends here (see test_popover_shot):
   * nothing more is dispatched in it. */
  if (shot->popup_action != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_clear_object (&fixture.window);
    }
  lens_test_window_tear_down (&fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* LENS_SCREENSHOT=<name> takes only that one; the others are skipped. */
static gboolean
shot_wanted (const char *name)
{
  const char *only = g_getenv ("LENS_SCREENSHOT");

  if (only == NULL || g_str_equal (only, name))
    return TRUE;

  g_test_skip ("not in LENS_SCREENSHOT");
  return FALSE;
}

static void
test_shot (gconstpointer data)
{
  const Shot *shot = data;

  if (!shot_wanted (shot->name))
    return;

  take_shot (shot);
}

/* A shot with a popover open, in a process that ends with it. Opening the popover starts GTK's
 * tooltip timer on the popover's surface, and GTK 4.8's popover does not detach the tooltip
 * when it goes (later GTKs do): the timer fires half a second later on a surface that is gone,
 * a critical. How soon a test closes the window must not decide whether it passes. */
static void
test_popover_shot (gconstpointer data)
{
  const Shot *shot = data;

  if (!shot_wanted (shot->name))
    return;

  if (g_test_subprocess ())
    {
      take_shot (shot);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A page with the first rows and the twelfth from the end expanded (there are more than a
 * window's worth), scrolled down step by step, at @width × @height. */
static void
shoot_scrolled (const char *page_id,
                int         width,
                int         height)
{
  LensTestWindow fixture = { 0 };
  g_autoptr(GPtrArray) scrollers = NULL;
  g_autoptr(GPtrArray) expanders = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *page;

  /* LENS_SCREENSHOT_DISTRICT=5 scrolls the page of one district (the ranking highlights it). */
  lens_test_window_set_up (&fixture, g_getenv ("LENS_SCREENSHOT_DISTRICT") != NULL ? g_getenv ("LENS_SCREENSHOT_DISTRICT") : "",
                           "none");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  lens_test_window_open (&fixture, NULL, width, height);
  page = lens_test_show_page (fixture.window, page_id);

  expanders = lens_test_find_all (page, ADW_TYPE_EXPANDER_ROW);
  for (guint i = 0; i < expanders->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (expanders, i), i < 2 || i == expanders->len - 12);
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (fixture.window), 2));

  scrollers = lens_test_find_all (page, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpuint (scrollers->len, >, 0);
  adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));
  for (guint step = 0; step < 12; step++)
    {
      g_autofree char *name = g_strdup_printf ("pages-%s-%d-%02u", page_id, width, step);
      g_autofree char *path = lens_test_screenshot_path (name);
      g_autoptr(GdkTexture) texture = NULL;
      double value = step * gtk_adjustment_get_page_size (adjustment) * 0.9;

      if (step > 0 && value >= gtk_adjustment_get_upper (adjustment))
        break;
      gtk_adjustment_set_value (adjustment, value);
      g_assert_true (lens_test_wait_frames (GTK_WIDGET (fixture.window), 2));
      texture = lens_test_save_window (GTK_WINDOW (fixture.window), path);
      check_picture (GTK_WINDOW (fixture.window), texture, name);
    }

  lens_test_window_tear_down (&fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_scrolled (gconstpointer data)
{
  const char *page_id = data;
  g_autofree char *name = g_strdup_printf ("pages-%s", page_id);

  if (!shot_wanted (name))
    return;

  shoot_scrolled (page_id, 1400, 900);
  shoot_scrolled (page_id, 360, 720);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const scrolled_pages[] = {
    "overview", "consent-decree", "reports", "get-involved", "crime", "complaints", "shootings", "arrests",
  };

  lens_test_window_init (&argc, &argv);
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
    /* the app's own translations, from the build tree, as the app reads them */
    bindtextdomain (GETTEXT_PACKAGE, lens_language_get_localedir ());
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  }

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strconcat (shots[i].popup_action != NULL ? "/screenshots/popover/"
                                                                         : "/screenshots/window/",
                                           shots[i].name, NULL);

      g_test_add_data_func (path, &shots[i],
                            shots[i].popup_action != NULL ? test_popover_shot : test_shot);
    }
  for (guint i = 0; i < G_N_ELEMENTS (scrolled_pages); i++)
    {
      g_autofree char *path = g_strconcat ("/screenshots/scrolled/", scrolled_pages[i], NULL);

      g_test_add_data_func (path, scrolled_pages[i], test_scrolled);
    }

  return lens_test_window_run ();
}
