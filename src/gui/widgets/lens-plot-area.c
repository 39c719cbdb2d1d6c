/* lens-plot-area.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-plot-area"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-describe.h"
#include "lens-plot-area.h"

struct _LensPlotArea
{
  GtkDrawingArea  parent_instance;

  LensSeries     *series;
  LensPlotKind    kind;
  char           *x_title;
  char           *y_title;
  char           *title;
  char           *empty_message;

  /* Hit areas of the categories for the current size, computed on demand */
  GArray         *label_areas;
  int             areas_width;
  int             areas_height;

  int             hover_index;
  int             focus_index;
  int             point;
  guint           has_focus : 1;
};

G_DEFINE_FINAL_TYPE (LensPlotArea, lens_plot_area, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_POINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style of the plot follows the widget: its text colour and the light or dark scheme. */
static void
get_plot_style (LensPlotArea  *self,
                LensPlotStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA color;

  if (adw_style_manager_get_dark (manager))
    lens_plot_style_init_dark (style);
  else
    lens_plot_style_init_light (style);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* the widget's own direction, which follows the UI language unless someone set it */
  style->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

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

/* The UI font, so that the chart reads like the rest of the window. */
static char *
dup_font_family (LensPlotArea *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  PangoFontDescription *desc;
  char *family = NULL;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name == NULL)
    return NULL;

  desc = pango_font_description_from_string (font_name);
  if (pango_font_description_get_family (desc) != NULL)
    family = g_strdup (pango_font_description_get_family (desc));
  pango_font_description_free (desc);

  return family;
}

/* Hit areas */

static void
invalidate_label_areas (LensPlotArea *self)
{
  g_clear_pointer (&self->label_areas, g_array_unref);
}

static GArray *
ensure_label_areas (LensPlotArea *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  LensPlotStyle style;

  if (self->series == NULL || width <= 1 || height <= 1)
    return NULL;

  if (self->label_areas != NULL && self->areas_width == width && self->areas_height == height)
    return self->label_areas;

  invalidate_label_areas (self);
  get_plot_style (self, &style);

  self->label_areas = g_array_sized_new (FALSE, TRUE, sizeof (cairo_rectangle_t),
                                         lens_series_get_n_labels (self->series));
  for (guint i = 0; i < lens_series_get_n_labels (self->series); i++)
    {
      cairo_rectangle_t area = { 0, 0, 0, 0 };

      if (!lens_plot_get_label_area_full (self->series, self->kind, &style,
                                          self->x_title, self->y_title,
                                          width, height, i, &area))
        area = (cairo_rectangle_t) { 0, 0, 0, 0 };
      g_array_append_val (self->label_areas, area);
    }

  self->areas_width = width;
  self->areas_height = height;

  return self->label_areas;
}

static int
hit_test (LensPlotArea *self,
          double        x,
          double        y)
{
  GArray *areas = ensure_label_areas (self);
  gboolean horizontal = self->kind == LENS_PLOT_HORIZONTAL_BAR;

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

/* The point and the accessible text */

static void
update_point (LensPlotArea *self)
{
  int point = lens_plot_area_get_point (self);

  if (self->point == point)
    return;

  self->point = point;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINT]);
}

static void
update_accessible (LensPlotArea *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  guint n;

  if (self->series == NULL)
    return;

  n = lens_series_get_n_labels (self->series);
  /* Translators: the accessible name of a chart; %s is its title. */
  label = g_strdup_printf (_("Chart: %s"), self->title != NULL ? self->title : "");

  if (self->focus_index >= 0 && (guint) self->focus_index < n)
    description = lens_describe_point (self->series, self->focus_index);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u value. Use the arrow keys to read it.",
                                                "%u values. Use the arrow keys to read them.",
                                                n),
                                   n);

  /* An index or a share says so */
  {
    g_autofree char *shown = lens_describe_compare_as (self->series);

    if (shown != NULL)
      {
        g_autofree char *values = g_steal_pointer (&description);

        description = g_strconcat (shown, " ", values, NULL);
      }
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
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
  LensPlotArea *self = LENS_PLOT_AREA (area);
  g_autofree char *font_family = NULL;
  LensPlotStyle style;
  int highlight;
  GArray *areas;

  if (self->series == NULL || width < 2 || height < 2)
    return;

  get_plot_style (self, &style);
  font_family = dup_font_family (self);
  style.font_family = font_family;

  /* The highlighted category sits behind the bars, so it is drawn first. */
  highlight = lens_plot_area_get_point (self);
  areas = highlight >= 0 ? ensure_label_areas (self) : NULL;

  if (areas != NULL && (guint) highlight < areas->len)
    {
      const cairo_rectangle_t *rect = &g_array_index (areas, cairo_rectangle_t, highlight);
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

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

  lens_plot_draw (self->series, self->kind, &style, self->x_title, self->y_title,
                  self->empty_message, cr, width, height);
}

static void
resize_cb (LensPlotArea *self,
           int           width,
           int           height,
           gpointer      user_data)
{
  invalidate_label_areas (self);
}

static void
style_changed_cb (LensPlotArea *self)
{
  invalidate_label_areas (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pointer and keyboard */

static void
set_hover (LensPlotArea *self,
           int           index)
{
  if (self->hover_index == index)
    return;

  self->hover_index = index;
  update_point (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LensPlotArea             *self)
{
  set_hover (self, hit_test (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LensPlotArea             *self)
{
  set_hover (self, -1);
}

static gboolean
query_tooltip_cb (LensPlotArea *self,
                  int           x,
                  int           y,
                  gboolean      keyboard_mode,
                  GtkTooltip   *tooltip,
                  gpointer      user_data)
{
  g_autofree char *text = NULL;
  int index;

  if (self->series == NULL)
    return FALSE;

  index = keyboard_mode ? self->focus_index : hit_test (self, x, y);
  if (index < 0 || (guint) index >= lens_series_get_n_labels (self->series))
    return FALSE;

  text = lens_describe_point (self->series, index);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
set_focus_index (LensPlotArea *self,
                 int           index)
{
  int n;

  if (self->series == NULL)
    return;

  n = lens_series_get_n_labels (self->series);
  if (n == 0)
    return;

  self->focus_index = CLAMP (index, 0, n - 1);
  update_point (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LensPlotArea          *self)
{
  /* the arrows follow the screen: only horizontal bars are mirrored right to left (their
   * rows read top down either way; Left then means "on" for a right-to-left reader), a time
   * axis runs left to right in every language (lens-plot-layout.c) */
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL &&
                 self->kind == LENS_PLOT_HORIZONTAL_BAR;
  int n;

  if (self->series == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  n = lens_series_get_n_labels (self->series);

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
                LensPlotArea            *self)
{
  self->has_focus = TRUE;
  set_focus_index (self, self->focus_index < 0 ? 0 : self->focus_index);
  /* No series yet: the point is still none, but it may have been the hover. */
  update_point (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                LensPlotArea            *self)
{
  self->has_focus = FALSE;
  update_point (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
lens_plot_area_finalize (GObject *object)
{
  LensPlotArea *self = LENS_PLOT_AREA (object);

  invalidate_label_areas (self);
  g_clear_pointer (&self->series, lens_series_unref);
  g_clear_pointer (&self->x_title, g_free);
  g_clear_pointer (&self->y_title, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->empty_message, g_free);

  G_OBJECT_CLASS (lens_plot_area_parent_class)->finalize (object);
}

static void
lens_plot_area_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LensPlotArea *self = LENS_PLOT_AREA (object);

  switch (prop_id)
    {
    case PROP_POINT:
      g_value_set_int (value, lens_plot_area_get_point (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_plot_area_class_init (LensPlotAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lens_plot_area_finalize;
  object_class->get_property = lens_plot_area_get_property;

  properties[PROP_POINT] =
    g_param_spec_int ("point", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "lensplotarea");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lens_plot_area_init (LensPlotArea *self)
{
  GtkEventController *controller;

  self->hover_index = -1;
  self->focus_index = -1;
  self->point = -1;
  self->kind = LENS_PLOT_BAR;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_func, NULL, NULL);
  g_signal_connect (self, "resize", G_CALLBACK (resize_cb), NULL);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_enter_cb), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Light and dark: the plot's colours come from the style, so it is drawn again. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-font-name",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lens_plot_area_new (void)
{
  return g_object_new (LENS_TYPE_PLOT_AREA, NULL);
}

void
lens_plot_area_set_series (LensPlotArea *self,
                           LensSeries   *series,
                           LensPlotKind  kind)
{
  g_return_if_fail (LENS_IS_PLOT_AREA (self));

  if (series != NULL)
    lens_series_ref (series);
  g_clear_pointer (&self->series, lens_series_unref);
  self->series = series;
  self->kind = kind;

  invalidate_label_areas (self);
  self->hover_index = -1;
  if (series == NULL || self->focus_index >= (int) lens_series_get_n_labels (series))
    self->focus_index = -1;

  update_point (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LensSeries *
lens_plot_area_get_series (LensPlotArea *self)
{
  g_return_val_if_fail (LENS_IS_PLOT_AREA (self), NULL);

  return self->series;
}

void
lens_plot_area_set_axis_titles (LensPlotArea *self,
                                const char   *x_title,
                                const char   *y_title)
{
  g_return_if_fail (LENS_IS_PLOT_AREA (self));

  g_free (self->x_title);
  g_free (self->y_title);
  self->x_title = g_strdup (x_title);
  self->y_title = g_strdup (y_title);
  invalidate_label_areas (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lens_plot_area_set_title (LensPlotArea *self,
                          const char   *title)
{
  g_return_if_fail (LENS_IS_PLOT_AREA (self));

  g_free (self->title);
  self->title = g_strdup (title);

  if (self->series == NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    update_accessible (self);
}

void
lens_plot_area_set_empty_message (LensPlotArea *self,
                                  const char   *message)
{
  g_return_if_fail (LENS_IS_PLOT_AREA (self));

  g_free (self->empty_message);
  self->empty_message = g_strdup (message);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
lens_plot_area_get_point (LensPlotArea *self)
{
  g_return_val_if_fail (LENS_IS_PLOT_AREA (self), -1);

  if (self->hover_index >= 0)
    return self->hover_index;

  return self->has_focus ? self->focus_index : -1;
}
