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
  LensChartEntry    *entry;
  LensChartResult   *result;
  LensFilters       *filters;
  LensPortalClient  *client;
  GCancellable      *cancellable;
  LensChartState     state;
  LensQueryFlags     last_flags;

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
  return self->result != NULL ? lens_chart_result_get_series (self->result) : NULL;
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

static char *
format_value (LensSeries *series,
              double      value)
{
  const char *unit = lens_series_get_unit (series);
  g_autofree char *number = NULL;

  if (isnan (value))
    /* Translators: a chart point without a value. */
    return g_strdup (_("no data"));

  if (lens_series_get_percent (series))
    return lens_format_percent (value, 1);

  if (value == floor (value))
    number = lens_format_count (value);
  else
    number = lens_format_number (value, 1);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  /* Translators: a number and its unit, e.g. "262,914 incidents". */
  return g_strdup_printf (C_("value with unit", "%s %s"), number, unit);
}

static char *
format_label (LensSeries *series,
              guint       label)
{
  const char *text = lens_series_get_label (series, label);

  if (lens_series_get_partial (series, label))
    /* Translators: a chart category whose data are not complete yet, e.g. "2026 (so far)". */
    return g_strdup_printf (_("%s (so far)"), text);

  return g_strdup (text);
}

/* "2023: 262,914 incidents", or with a comparison
 * "2023: District 5 – Calumet 12,345 incidents; Citywide 262,914 incidents". */
static char *
describe_point (LensSeries *series,
                guint       label)
{
  g_autofree char *category = format_label (series, label);
  guint n_vectors = lens_series_get_n_vectors (series);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n_vectors == 1)
    {
      g_autofree char *value = format_value (series, lens_series_get_value (series, 0, label));

      /* Translators: a chart point: the category, then its value ("2023: 262,914 incidents"). */
      return g_strdup_printf (_("%s: %s"), category, value);
    }

  for (guint v = 0; v < n_vectors; v++)
    {
      g_autofree char *value = format_value (series, lens_series_get_value (series, v, label));

      if (v > 0)
        /* Translators: separates the values of the district and its comparison. */
        g_string_append (text, _("; "));
      /* Translators: a series name and its value ("Citywide 262,914 incidents"). */
      g_string_append_printf (text, _("%s %s"), lens_series_get_vector_name (series, v), value);
    }

  return g_strdup_printf (_("%s: %s"), category, text->str);
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
                                          lens_chart_entry_get_kind (self->entry),
                                          &style,
                                          lens_chart_entry_get_x_title (self->entry),
                                          lens_chart_entry_get_y_title (self->entry),
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
  gboolean horizontal = lens_chart_entry_get_kind (self->entry) == LENS_PLOT_HORIZONTAL_BAR;

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
      g_autofree char *text = describe_point (series, index);

      gtk_label_set_label (self->value_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->value_label,
                           _("Point at the chart, or focus it and use the arrow keys, to read "
                             "exact values."));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
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
  label = g_strdup_printf (_("Chart: %s"), lens_chart_entry_get_title (self->entry));

  if (self->focus_index >= 0 && (guint) self->focus_index < lens_series_get_n_labels (series))
    description = describe_point (series, self->focus_index);
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
                  lens_chart_entry_get_kind (self->entry),
                  &style,
                  lens_chart_entry_get_x_title (self->entry),
                  lens_chart_entry_get_y_title (self->entry),
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

  text = describe_point (series, index);
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
    text = format_label (series, index);
  else
    text = format_value (series, lens_series_get_value (series, vector, index));

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
  const char *x_title;

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

  x_title = lens_chart_entry_get_x_title (self->entry);
  {
    g_autoptr(GtkColumnViewColumn) column =
      create_table_column (self, x_title != NULL ? x_title : _("Category"), -1);

    gtk_column_view_append_column (self->column_view, column);
  }

  for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        create_table_column (self, lens_series_get_vector_name (series, v), (int) v);

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
