/* lens-chart-view.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-chart-view.h"
#include "lens-describe.h"
#include "lens-format.h"

struct _LensChartView
{
  GtkWidget          parent_instance;

  /* Template */
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkSpinner        *refresh_spinner;
  GtkSpinner        *loading_spinner;
  GtkToggleButton   *table_button;
  GtkMenuButton     *menu_button;
  GtkLabel          *stale_banner;
  GtkStack          *stack;
  GtkDrawingArea    *drawing_area;
  GtkLabel          *value_label;
  GtkColumnView     *column_view;
  GtkImage          *error_icon;
  GtkLabel          *error_title;
  GtkLabel          *error_label;
  GtkButton         *retry_button;
  GtkLabel          *empty_label;
  GtkBox            *footer;
  GtkLabel          *source_label;
  GtkLabel          *as_of_label;
  GtkLabel          *caveats_label;

  /* What it shows */
  LensChartSpec     *entry;
  LensChartData     *result;
  LensFilters       *filters;
  LensPortalClient  *client;
  GCancellable      *cancellable;
  LensChartState     state;
  LensQueryFlags     last_flags;
  /* A background refresh failed: the data shown is older than it should be. */
  GError            *refresh_error;

  /* Hit areas of the labels for the current size, computed on demand */
  GArray            *label_areas;
  int                areas_width;
  int                areas_height;

  int                hover_index;
  int                focus_index;
  guint              age_source;
  guint              show_table : 1;
  guint              has_focus : 1;
};

G_DEFINE_FINAL_TYPE (LensChartView, lens_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_STATE,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void lens_chart_view_start_load (LensChartView  *self,
                                        LensQueryFlags  flags,
                                        gboolean        keep_shown);

/* Helpers */

static LensSeries *
get_series (LensChartView *self)
{
  return self->result != NULL ? lens_chart_data_get_series (self->result) : NULL;
}

static LensPlotKind
kind_of (LensChartView *self)
{
  return lens_chart_kind_to_plot_kind (self->entry->kind);
}

static const char *
state_to_page (LensChartState state,
               gboolean       show_table)
{
  switch (state)
    {
    case LENS_CHART_STATE_LOADING:
      return "loading";
    case LENS_CHART_STATE_CHART:
      return show_table ? "table" : "chart";
    case LENS_CHART_STATE_EMPTY:
      return "empty";
    case LENS_CHART_STATE_ERROR:
    case LENS_CHART_STATE_OFFLINE:
    default:
      return "error";
    }
}

static void
set_state (LensChartView  *self,
           LensChartState  state)
{
  gboolean has_data = state == LENS_CHART_STATE_CHART;

  gtk_stack_set_visible_child_name (self->stack, state_to_page (state, self->show_table));
  gtk_spinner_set_spinning (self->loading_spinner, state == LENS_CHART_STATE_LOADING);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.show-table", has_data);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* The style of the plot follows the widget: its text colour and the light or dark scheme. */
static void
get_plot_style (LensChartView *self,
                LensPlotStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *widget = GTK_WIDGET (self->drawing_area);
  GdkRGBA color;

  if (adw_style_manager_get_dark (manager))
    lens_plot_style_init_dark (style);
  else
    lens_plot_style_init_light (style);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  style->foreground[0] = color.red;
  style->foreground[1] = color.green;
  style->foreground[2] = color.blue;
  style->foreground[3] = color.alpha;
  style->grid[0] = color.red;
  style->grid[1] = color.green;
  style->grid[2] = color.blue;
  style->grid[3] = 0.15;
  /* The card paints the background. */
  style->background[3] = 0.0;
}

/* Hit areas */

static void
invalidate_label_areas (LensChartView *self)
{
  g_clear_pointer (&self->label_areas, g_array_unref);
}

static GArray *
ensure_label_areas (LensChartView *self)
{
  LensSeries *series = get_series (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self->drawing_area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->drawing_area));
  LensPlotStyle style;

  if (series == NULL || width <= 1 || height <= 1)
    return NULL;

  if (self->label_areas != NULL && self->areas_width == width && self->areas_height == height)
    return self->label_areas;

  invalidate_label_areas (self);
  get_plot_style (self, &style);

  self->label_areas = g_array_sized_new (FALSE, TRUE, sizeof (cairo_rectangle_t),
                                         lens_series_get_n_labels (series));
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      cairo_rectangle_t area = { 0, 0, 0, 0 };

      if (!lens_plot_get_label_area_full (series,
                                          kind_of (self),
                                          &style,
                                          self->entry->x_title,
                                          self->entry->y_title,
                                          width, height, i, &area))
        area = (cairo_rectangle_t) { 0, 0, 0, 0 };
      g_array_append_val (self->label_areas, area);
    }

  self->areas_width = width;
  self->areas_height = height;

  return self->label_areas;
}

static int
hit_test (LensChartView *self,
          double         x,
          double         y)
{
  GArray *areas = ensure_label_areas (self);
  gboolean horizontal = kind_of (self) == LENS_PLOT_HORIZONTAL_BAR;

  if (areas == NULL)
    return -1;

  /* The whole band of a category counts, not only the bar: small bars stay easy to point at. */
  for (guint i = 0; i < areas->len; i++)
    {
      const cairo_rectangle_t *area = &g_array_index (areas, cairo_rectangle_t, i);

      if (area->width <= 0 || area->height <= 0)
        continue;

      if (horizontal)
        {
          if (y >= area->y && y < area->y + area->height)
            return i;
        }
      else if (x >= area->x && x < area->x + area->width)
        return i;
    }

  return -1;
}

/* The value line under the chart and the accessible description */

static void
update_value_label (LensChartView *self)
{
  LensSeries *series = get_series (self);
  int index = self->hover_index >= 0 ? self->hover_index
            : self->has_focus ? self->focus_index : -1;

  if (series == NULL)
    {
      gtk_label_set_label (self->value_label, NULL);
      return;
    }

  if (index >= 0 && (guint) index < lens_series_get_n_labels (series))
    {
      g_autofree char *text = lens_describe_point (series, index);

      gtk_label_set_label (self->value_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "chart-hint");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "chart-value");
    }
  else
    {
      gtk_label_set_label (self->value_label,
                           _("Point at the chart, or focus it and use the arrow keys, to read "
                             "exact values."));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "chart-hint");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "chart-value");
    }
}

static void
update_accessible (LensChartView *self)
{
  LensSeries *series = get_series (self);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (series == NULL)
    return;

  /* Translators: the accessible name of a chart; %s is its title. */
  label = g_strdup_printf (_("Chart: %s"), self->entry->title);

  if (self->focus_index >= 0 && (guint) self->focus_index < lens_series_get_n_labels (series))
    description = lens_describe_point (series, self->focus_index);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u value. Use the arrow keys to read it.",
                                                "%u values. Use the arrow keys to read them.",
                                                lens_series_get_n_labels (series)),
                                   lens_series_get_n_labels (series));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Drawing */

static void
draw_func (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LensChartView *self = user_data;
  LensSeries *series = get_series (self);
  LensPlotStyle style;
  g_autofree char *font_family = NULL;
  int highlight;
  GArray *areas;

  if (series == NULL || width < 2 || height < 2)
    return;

  get_plot_style (self, &style);

  /* The UI font, so that the chart reads like the rest of the window. */
  {
    GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (area));
    g_autofree char *font_name = NULL;

    g_object_get (settings, "gtk-font-name", &font_name, NULL);
    if (font_name != NULL)
      {
        PangoFontDescription *desc = pango_font_description_from_string (font_name);

        if (pango_font_description_get_family (desc) != NULL)
          font_family = g_strdup (pango_font_description_get_family (desc));
        pango_font_description_free (desc);
      }
    style.font_family = font_family;
  }

  /* The highlighted category sits behind the bars, so it is drawn first. */
  highlight = self->hover_index >= 0 ? self->hover_index
            : self->has_focus ? self->focus_index : -1;
  areas = highlight >= 0 ? ensure_label_areas (self) : NULL;

  if (areas != NULL && (guint) highlight < areas->len)
    {
      const cairo_rectangle_t *rect = &g_array_index (areas, cairo_rectangle_t, highlight);
      AdwStyleManager *manager = adw_style_manager_get_default ();
      gboolean dark = adw_style_manager_get_dark (manager);

      cairo_save (cr);
      cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, dark ? 0.25 : 0.14);
      cairo_fill_preserve (cr);
      if (self->has_focus && highlight == self->focus_index)
        {
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 2.0);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
      cairo_restore (cr);
    }

  lens_plot_draw (series,
                  kind_of (self),
                  &style,
                  self->entry->x_title,
                  self->entry->y_title,
                  _("No data for these filters."),
                  cr, width, height);
}

static void
drawing_area_resize_cb (LensChartView  *self,
                        int             width,
                        int             height,
                        GtkDrawingArea *area)
{
  invalidate_label_areas (self);
}

static void
style_changed_cb (LensChartView *self)
{
  invalidate_label_areas (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static void
set_hover (LensChartView *self,
           int            index)
{
  if (self->hover_index == index)
    return;

  self->hover_index = index;
  update_value_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           gpointer                  user_data)
{
  LensChartView *self = user_data;

  set_hover (self, hit_test (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          gpointer                  user_data)
{
  set_hover (LENS_CHART_VIEW (user_data), -1);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  LensChartView *self = user_data;
  LensSeries *series = get_series (self);
  g_autofree char *text = NULL;
  int index;

  if (series == NULL)
    return FALSE;

  index = keyboard_mode ? self->focus_index : hit_test (self, x, y);
  if (index < 0 || (guint) index >= lens_series_get_n_labels (series))
    return FALSE;

  text = lens_describe_point (series, index);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
set_focus_index (LensChartView *self,
                 int            index)
{
  LensSeries *series = get_series (self);
  int n;

  if (series == NULL)
    return;

  n = lens_series_get_n_labels (series);
  if (n == 0)
    return;

  self->focus_index = CLAMP (index, 0, n - 1);
  update_value_label (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  LensChartView *self = user_data;
  LensSeries *series = get_series (self);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int n;

  if (series == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  n = lens_series_get_n_labels (series);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_focus_index (self, self->focus_index + (rtl ? 1 : -1));
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_focus_index (self, self->focus_index + (rtl ? -1 : 1));
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_focus_index (self, self->focus_index - 1);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focus_index (self, self->focus_index + 1);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      set_focus_index (self, 0);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      set_focus_index (self, n - 1);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  LensChartView *self = user_data;

  self->has_focus = TRUE;
  if (self->focus_index < 0)
    set_focus_index (self, 0);
  else
    set_focus_index (self, self->focus_index);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  LensChartView *self = user_data;

  self->has_focus = FALSE;
  update_value_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

/* The table */

static void
table_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  int vector = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), vector < 0 ? 0.0 : 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
table_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  int vector = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GtkStringObject *row = gtk_list_item_get_item (item);
  LensChartView *self = g_object_get_data (G_OBJECT (factory), "lens-chart-view");
  LensSeries *series = get_series (self);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);
  g_autofree char *text = NULL;

  if (series == NULL || index >= lens_series_get_n_labels (series))
    return;

  if (vector < 0)
    text = lens_describe_label (series, index);
  else
    text = lens_describe_value (series, lens_series_get_value (series, vector, index));

  gtk_label_set_label (label, text);
}

static GtkColumnViewColumn *
create_table_column (LensChartView *self,
                     const char    *title,
                     int            vector)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "lens-chart-view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (table_cell_setup_cb), GINT_TO_POINTER (vector));
  g_signal_connect (factory, "bind", G_CALLBACK (table_cell_bind_cb), GINT_TO_POINTER (vector));

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);

  return column;
}

static void
rebuild_table (LensChartView *self)
{
  LensSeries *series = get_series (self);
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkStringList) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_auto(GStrv) names = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  if (series == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      return;
    }

  /* The headings of the exports and the brief; the cells carry the unit. */
  names = lens_chart_data_dup_column_names (self->result);
  for (guint c = 0; names[c] != NULL && c <= lens_series_get_n_vectors (series); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = create_table_column (self, names[c], (int) c - 1);

      gtk_column_view_append_column (self->column_view, column);
    }

  rows = gtk_string_list_new (NULL);
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (rows, index);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

/* Footer and banner */

static void
update_footer (LensChartView *self)
{
  LensChartData *result = self->result;
  g_autoptr(GString) as_of = g_string_new (NULL);
  g_autofree char *markup = NULL;
  const char *dataset_name;
  const char *dataset_url;
  GDateTime *rows_updated_at;
  GDateTime *fetched_at;
  const char * const *caveats;
  g_autofree char *end_line = NULL;

  if (result == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->footer), FALSE);
      return;
    }

  dataset_name = lens_chart_data_get_dataset_name (result);
  dataset_url = lens_chart_data_get_dataset_url (result);
  if (dataset_url != NULL)
    {
      g_autofree char *escaped_url = g_markup_escape_text (dataset_url, -1);
      g_autofree char *escaped_name = g_markup_escape_text (dataset_name, -1);

      /* Translators: %s is a dataset name linked to its page, e.g. "Crimes - 2001 to Present". */
      markup = g_strdup_printf (_("Source: %s, City of Chicago Data Portal"), "\x01");
      {
        g_autofree char *link = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped_url, escaped_name);
        g_auto(GStrv) parts = g_strsplit (markup, "\x01", 2);
        g_autofree char *before = g_markup_escape_text (parts[0], -1);
        g_autofree char *after = g_markup_escape_text (parts[1] != NULL ? parts[1] : "", -1);

        g_free (markup);
        markup = g_strconcat (before, link, after, NULL);
      }
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Source: %s, City of Chicago Data Portal"),
                                               dataset_name);

      markup = g_markup_escape_text (text, -1);
    }
  gtk_label_set_markup (self->source_label, markup);

  rows_updated_at = lens_chart_data_get_rows_updated_at (result);
  if (rows_updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (rows_updated_at);
      g_autofree char *date = lens_format_datetime (local);

      /* Translators: %s is when the City last updated the dataset. */
      g_string_append_printf (as_of, _("Data as of %s"), date);
    }

  fetched_at = lens_chart_data_get_fetched_at (result);
  if (fetched_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) local = g_date_time_to_local (fetched_at);
      g_autofree char *when = lens_format_datetime (local);
      g_autofree char *age = lens_format_age (MAX (0, g_date_time_difference (now, fetched_at)
                                                      / G_TIME_SPAN_SECOND));

      if (as_of->len > 0)
        /* Translators: separates "Data as of …" and "Fetched …". */
        g_string_append (as_of, _(" · "));
      /* Translators: when the app got the data: "Fetched 26 Nov 2026, 18:00 (3 hours ago)". */
      g_string_append_printf (as_of, _("Fetched %s (%s)"), when, age);
    }
  /* The dates run past the data: say where the numbers end. */
  end_line = lens_chart_data_dup_numbers_end_line (result);
  if (end_line != NULL)
    {
      if (as_of->len > 0)
        g_string_append_c (as_of, '\n');
      g_string_append (as_of, end_line);
    }
  gtk_label_set_label (self->as_of_label, as_of->str);

  caveats = lens_chart_data_get_caveats (result);
  if (caveats != NULL && caveats[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) caveats);

      gtk_label_set_label (self->caveats_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->caveats_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->caveats_label), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->footer), TRUE);
}

static void
update_banner (LensChartView *self)
{
  const GError *warning = self->refresh_error;

  if (warning == NULL && self->result != NULL)
    warning = lens_chart_data_get_warning (self->result);
  GDateTime *fetched_at;
  g_autofree char *age = NULL;
  g_autofree char *text = NULL;

  if (warning == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->stale_banner), FALSE);
      return;
    }

  fetched_at = lens_chart_data_get_fetched_at (self->result);
  if (fetched_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      age = lens_format_age (MAX (0, g_date_time_difference (now, fetched_at) / G_TIME_SPAN_SECOND));
    }

  /* Translators: shown above a chart drawn from saved data: "Showing data from 3 hours ago:
   * The City’s data portal could not be reached…". */
  text = g_strdup_printf (_("Showing data from %s: %s"),
                          age != NULL ? age : _("earlier"), warning->message);
  gtk_label_set_label (self->stale_banner, text);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_banner), TRUE);
}

static gboolean
update_age_cb (gpointer user_data)
{
  LensChartView *self = user_data;

  update_footer (self);
  update_banner (self);

  return G_SOURCE_CONTINUE;
}

/* Loading */

static gboolean
series_is_empty (LensSeries *series)
{
  double max;

  return series == NULL || lens_series_get_n_labels (series) == 0 || !lens_series_get_max (series, &max);
}

static void
show_result (LensChartView   *self,
             LensChartData   *result)
{
  LensSeries *series;

  g_clear_object (&self->result);
  g_clear_error (&self->refresh_error);
  self->result = g_object_ref (result);
  series = get_series (self);

  invalidate_label_areas (self);
  self->hover_index = -1;
  if (series == NULL || self->focus_index >= (int) lens_series_get_n_labels (series))
    self->focus_index = -1;

  update_footer (self);
  update_banner (self);

  if (series_is_empty (series))
    {
      gtk_label_set_label (self->empty_label,
                           _("The portal has no records for these filters. Try another district "
                             "or a longer date range."));
      set_state (self, LENS_CHART_STATE_EMPTY);
    }
  else
    {
      rebuild_table (self);
      update_value_label (self);
      update_accessible (self);
      set_state (self, LENS_CHART_STATE_CHART);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static void
show_error (LensChartView *self,
            const GError  *error)
{
  gboolean offline = g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);

  /* Nothing saved to fall back on (the loader returns cached data with a warning instead of
   * an error when it has some). */
  g_clear_object (&self->result);
  g_clear_error (&self->refresh_error);
  update_footer (self);
  update_banner (self);

  if (offline)
    {
      gtk_image_set_from_icon_name (self->error_icon, "network-offline-symbolic");
      gtk_label_set_label (self->error_title, _("No Saved Data Yet"));
      if (self->client != NULL && lens_portal_client_get_offline (self->client))
        gtk_label_set_label (self->error_label,
                             _("There is no saved data for this chart yet, and Reform Lens is "
                               "working offline. Start it without --offline while connected to "
                               "the internet to load the chart; after that it also shows "
                               "offline."));
      else
        gtk_label_set_label (self->error_label,
                             _("There is no saved data for this chart yet. Connect to the "
                               "internet and try again; once loaded, the chart also shows "
                               "offline."));
      set_state (self, LENS_CHART_STATE_OFFLINE);
    }
  else
    {
      gtk_image_set_from_icon_name (self->error_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->error_title, _("This Chart Could Not Be Loaded"));
      gtk_label_set_label (self->error_label, error->message);
      set_state (self, LENS_CHART_STATE_ERROR);
    }
}

static void
set_refreshing (LensChartView *self,
                gboolean       refreshing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), refreshing);
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);
}

static void
load_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  g_autoptr(LensChartView) self = user_data;
  g_autoptr(LensChartData) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_cache_first = (self->last_flags & LENS_QUERY_CACHE_FIRST) != 0;

  result = lens_chart_loader_load_finish (async_result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_refreshing (self, FALSE);

  if (error != NULL)
    {
      /* A failed background refresh keeps what is shown, with the reason above it. */
      if (self->result != NULL && self->state == LENS_CHART_STATE_CHART && !was_cache_first)
        {
          g_clear_error (&self->refresh_error);
          self->refresh_error = g_error_copy (error);
          update_banner (self);
        }
      else
        show_error (self, error);
    }
  else
    {
      show_result (self, result);

      /* The first paint used whatever was saved: now ask for fresh numbers. */
      if (was_cache_first && lens_chart_data_get_stale (result))
        {
          lens_chart_view_start_load (self, LENS_QUERY_DEFAULT, TRUE);
          return;
        }
    }

  g_signal_emit (self, signals[LOADED], 0);
}

static void
lens_chart_view_start_load (LensChartView  *self,
                            LensQueryFlags  flags,
                            gboolean        keep_shown)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL || self->filters == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->last_flags = flags;

  if (keep_shown && self->state == LENS_CHART_STATE_CHART)
    set_refreshing (self, TRUE);
  else
    {
      set_refreshing (self, FALSE);
      set_state (self, LENS_CHART_STATE_LOADING);
    }

  lens_chart_loader_load_async (self->client,
                                self->entry,
                                self->filters,
                                flags,
                                self->cancellable,
                                load_cb,
                                g_object_ref (self));
}

/* Export and copy */

static LensChartDocument *
create_document (LensChartView *self)
{
  if (self->result == NULL)
    return NULL;

  return lens_chart_data_to_document (self->result);
}

static void
show_toast (LensChartView *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* "crime-incidents-per-year-district-5-vs-citywide" */
static char *
suggest_file_name (LensChartView *self)
{
  LensFilters *filters = lens_chart_data_get_filters (self->result);
  GString *name = g_string_new (self->entry->id);

  if (lens_filters_get_district (filters) != 0 && self->entry->district_condition != NULL)
    g_string_append_printf (name, "-district-%u", lens_filters_get_district (filters));
  if (lens_chart_data_get_series (self->result) != NULL &&
      lens_series_get_n_vectors (lens_chart_data_get_series (self->result)) > 1)
    {
      if (lens_filters_get_compare (filters) == LENS_COMPARE_CITYWIDE)
        g_string_append (name, "-vs-citywide");
      else if (lens_filters_get_compare (filters) == LENS_COMPARE_DISTRICT)
        g_string_append_printf (name, "-vs-district-%u",
                                lens_filters_get_compare_district (filters));
    }

  return g_string_free (name, FALSE);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  LensChartView *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LensChartDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LensExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lens-format"));

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  document = create_document (self);
  if (path == NULL || document == NULL)
    goto out;

  if (!lens_chart_export_to_file (document, path, format, &error))
    show_toast (self, error->message);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("Saved “%s”"), basename);
      show_toast (self, message);
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensChartView *self = LENS_CHART_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  LensExportFormat format;
  GtkRoot *root;

  name = g_strdup_printf ("chart.%s", extension);
  format = lens_export_format_from_path (name);
  if (format == LENS_EXPORT_FORMAT_UNKNOWN || self->result == NULL)
    return;

  root = gtk_widget_get_root (widget);
  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  filter = gtk_file_filter_new ();
  switch (format)
    {
    case LENS_EXPORT_FORMAT_PNG:
      gtk_file_filter_set_name (filter, _("PNG Image"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    case LENS_EXPORT_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG Image"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case LENS_EXPORT_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF Document"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case LENS_EXPORT_FORMAT_CSV:
    case LENS_EXPORT_FORMAT_UNKNOWN:
    default:
      gtk_file_filter_set_name (filter, _("CSV Table"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  id = suggest_file_name (self);
  g_free (name);
  name = g_strdup_printf ("%s.%s", id, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_object_set_data (G_OBJECT (dialog), "lens-format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LensChartView *self = LENS_CHART_VIEW (widget);
  g_autoptr(LensChartDocument) document = create_document (self);
  g_autofree char *tsv = NULL;

  if (document == NULL)
    return;

  tsv = lens_chart_export_to_tsv (document);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
  show_toast (self, _("Table copied"));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lens_chart_view_start_load (LENS_CHART_VIEW (widget), LENS_QUERY_REFRESH, TRUE);
}

/* GObject */

static void
lens_chart_view_map (GtkWidget *widget)
{
  LensChartView *self = LENS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (lens_chart_view_parent_class)->map (widget);

  /* "3 minutes ago" keeps up while the chart is on screen. */
  update_age_cb (self);
  self->age_source = g_timeout_add_seconds (60, update_age_cb, self);
}

static void
lens_chart_view_unmap (GtkWidget *widget)
{
  LensChartView *self = LENS_CHART_VIEW (widget);

  g_clear_handle_id (&self->age_source, g_source_remove);

  GTK_WIDGET_CLASS (lens_chart_view_parent_class)->unmap (widget);
}

static void
lens_chart_view_constructed (GObject *object)
{
  LensChartView *self = LENS_CHART_VIEW (object);
  const char *subtitle;

  G_OBJECT_CLASS (lens_chart_view_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, self->entry->title);
  subtitle = self->entry->description;
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->entry->title,
                                  -1);
}

static void
lens_chart_view_dispose (GObject *object)
{
  LensChartView *self = LENS_CHART_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->age_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_CHART_VIEW);
  /* Children of the template that are not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lens_chart_view_parent_class)->dispose (object);
}

static void
lens_chart_view_finalize (GObject *object)
{
  LensChartView *self = LENS_CHART_VIEW (object);

  invalidate_label_areas (self);
  g_clear_object (&self->result);
  g_clear_error (&self->refresh_error);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_pointer (&self->entry, lens_chart_spec_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lens_chart_view_parent_class)->finalize (object);
}

static void
lens_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LensChartView *self = LENS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_boxed (value, self->entry);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LensChartView *self = LENS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      self->entry = g_value_dup_boxed (value);
      break;

    case PROP_SHOW_TABLE:
      if (self->show_table != g_value_get_boolean (value))
        {
          self->show_table = g_value_get_boolean (value);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button),
                                       self->show_table ? _("Show as Chart") : _("Show as Table"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          self->show_table ? _("Show as chart") : _("Show as table"),
                                          -1);
          if (self->state == LENS_CHART_STATE_CHART)
            gtk_stack_set_visible_child_name (self->stack, state_to_page (self->state, self->show_table));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_chart_view_class_init (LensChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_chart_view_constructed;
  object_class->dispose = lens_chart_view_dispose;
  object_class->finalize = lens_chart_view_finalize;
  object_class->get_property = lens_chart_view_get_property;
  object_class->set_property = lens_chart_view_set_property;

  widget_class->map = lens_chart_view_map;
  widget_class->unmap = lens_chart_view_unmap;

  properties[PROP_ENTRY] =
    g_param_spec_boxed ("entry", NULL, NULL,
                        LENS_TYPE_CHART_SPEC,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      LENS_CHART_STATE_LOADING, LENS_CHART_STATE_OFFLINE, LENS_CHART_STATE_LOADING,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LensChartView::loaded:
   *
   * A load finished: the chart shows data, a message or an error.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LensChartView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, table_button);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, stale_banner);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, drawing_area);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, value_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_icon);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_title);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, footer);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, source_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, caveats_label);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.retry", NULL, retry_action);
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lenschartview");
}

static void
lens_chart_view_init (LensChartView *self)
{
  GtkEventController *controller;
  GtkLayoutManager *layout;

  self->hover_index = -1;
  self->focus_index = -1;
  self->state = LENS_CHART_STATE_LOADING;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  gtk_drawing_area_set_draw_func (self->drawing_area, draw_func, self, NULL);
  g_signal_connect_object (self->drawing_area, "resize", G_CALLBACK (drawing_area_resize_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drawing_area, "query-tooltip", G_CALLBACK (query_tooltip_cb),
                           self, 0);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drawing_area), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drawing_area), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drawing_area), controller);

  /* Light and dark: the plot's colours come from the style, so it is drawn again. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-font-name",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  set_state (self, LENS_CHART_STATE_LOADING);
}

GtkWidget *
lens_chart_view_new (LensChartSpec *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_object_new (LENS_TYPE_CHART_VIEW,
                       "entry", entry,
                       NULL);
}

LensChartSpec *
lens_chart_view_get_entry (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  return self->entry;
}

LensChartState
lens_chart_view_get_state (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), LENS_CHART_STATE_LOADING);

  return self->state;
}

LensChartData *
lens_chart_view_get_data (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  return self->result;
}

const char *
lens_chart_view_get_message (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  if (self->state == LENS_CHART_STATE_ERROR || self->state == LENS_CHART_STATE_OFFLINE)
    return gtk_label_get_label (self->error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->stale_banner)))
    return gtk_label_get_label (self->stale_banner);
  if (self->state == LENS_CHART_STATE_EMPTY)
    return gtk_label_get_label (self->empty_label);

  return NULL;
}

void
lens_chart_view_load (LensChartView    *self,
                      LensPortalClient *client,
                      LensFilters      *filters,
                      LensQueryFlags    flags)
{
  g_return_if_fail (LENS_IS_CHART_VIEW (self));
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (filters != NULL);

  g_set_object (&self->client, client);
  if (self->filters != filters)
    {
      g_clear_pointer (&self->filters, lens_filters_unref);
      self->filters = lens_filters_ref (filters);
    }

  /* New filters mean other numbers: do not leave the old ones on screen. */
  lens_chart_view_start_load (self, flags, (flags & LENS_QUERY_REFRESH) != 0);
}

void
lens_chart_view_reload (LensChartView  *self,
                        LensQueryFlags  flags)
{
  g_return_if_fail (LENS_IS_CHART_VIEW (self));

  lens_chart_view_start_load (self, flags, TRUE);
}

gboolean
lens_chart_view_is_settled (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), TRUE);

  return self->cancellable == NULL;
}
