/* lens-district-map.c: the district map card
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-district-map"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-drop-down.h"
#include "lens-compstat.h"
#include "lens-district-map.h"
#include "lens-districts.h"
#include "lens-export-chooser.h"
#include "lens-format.h"
#include "lens-map.h"
#include "lens-split-layout.h"

/* The drawing: a widget of its own so that its height follows its width (Chicago is tall;
 * on a narrow window the legend goes under the map) */

#define LENS_TYPE_MAP_CANVAS (lens_map_canvas_get_type ())
G_DECLARE_FINAL_TYPE (LensMapCanvas, lens_map_canvas, LENS, MAP_CANVAS, GtkWidget)

struct _LensMapCanvas
{
  GtkWidget        parent_instance;
  LensDistrictMap *map;  /* not a reference: the map owns the canvas */
};

G_DEFINE_FINAL_TYPE (LensMapCanvas, lens_map_canvas, GTK_TYPE_WIDGET)

static void draw_canvas (LensDistrictMap *self,
                         GtkWidget       *canvas,
                         cairo_t         *cr,
                         int              width,
                         int              height);

static GtkSizeRequestMode
lens_map_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
height_for_width (int width)
{
  if (width < 720)
    return width * 1.05 + 330;  /* the map, then the legend under it */
  return CLAMP (width * 0.65, 460, 680);
}

static void
lens_map_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 260;
      *natural = 900;
    }
  else
    *minimum = *natural = height_for_width (for_size > 0 ? for_size : 900);
}

static void
lens_map_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LensMapCanvas *self = LENS_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->map == NULL || lens_district_map_get_data (self->map) == NULL || width < 2 || height < 2)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_canvas (self->map, widget, cr, width, height);
  cairo_destroy (cr);
}

static void
lens_map_canvas_class_init (LensMapCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = lens_map_canvas_get_request_mode;
  widget_class->measure = lens_map_canvas_measure;
  widget_class->snapshot = lens_map_canvas_snapshot;
  gtk_widget_class_set_css_name (widget_class, "districtmapcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lens_map_canvas_init (LensMapCanvas *self)
{
}

/* The card */

struct _LensDistrictMap
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkWidget           *measure_dropdown;
  GtkWidget           *period_dropdown;
  GtkLabel            *status_label;
  GtkWidget           *retry_button;
  GtkWidget           *menu_button;
  GtkWidget           *canvas;
  GtkWidget           *list;
  GtkWidget           *list_scroller;

  LensPortalClient    *client;
  LensFilters         *filters;
  GCancellable        *cancellable;
  LensDistrictMapData *data;
  GError              *error;
  guint                measure;
  LensMapPeriod        period;
  guint                selected;
  gboolean             loading;
  gboolean             updating;  /* the drop-downs are set from code */
  char                *status;
};

static void lens_district_map_loadable_init (LensLoadableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensDistrictMap, lens_district_map, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_LOADABLE, lens_district_map_loadable_init))

enum {
  PROP_0,
  PROP_SETTLED,
};

static void
get_style (GtkWidget     *widget,
           LensPlotStyle *style)
{
  GdkRGBA color;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
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
  /* The card paints the background. */
  style->background[3] = 0.0;
}

static void
draw_canvas (LensDistrictMap *self,
             GtkWidget       *canvas,
             cairo_t         *cr,
             int              width,
             int              height)
{
  LensPlotStyle style;

  get_style (canvas, &style);
  lens_map_draw (self->data, &style, self->selected, LENS_MAP_DRAW_DEFAULT, cr, width, height, NULL);
}

static char *
dup_title (LensDistrictMap *self)
{
  if (self->data != NULL)
    return lens_map_dup_title (self->data);
  return g_strdup (_("Incidents by District"));
}

/* What a screen reader says of the drawing: its title and its state */
static void
update_accessible (LensDistrictMap *self)
{
  g_autofree char *title = dup_title (self);
  g_autofree char *label = NULL;

  if (self->loading && self->data == NULL)
    label = g_strdup_printf ("%s. %s", title, _("Loading…"));
  else if (self->data == NULL && self->error != NULL)
    label = g_strdup_printf ("%s. %s", title, self->error->message);
  else
    label = g_strdup_printf ("%s. %s", title, self->status != NULL ? self->status : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Choose a district on the map, or in the list of districts after it."),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, self->loading, -1);
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  LensDistrictMap *self)
{
  guint district = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lens-district"));
  g_autofree char *value = g_strdup_printf ("%u", district);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.district", "s", value);
}

static void
rebuild_list (LensDistrictMap *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  gtk_widget_set_visible (self->list_scroller, self->data != NULL);
  if (self->data == NULL)
    return;

  for (guint i = 0; i < lens_districts_get_count (); i++)
    {
      const LensDistrict *district = lens_districts_get_nth (i);
      const LensDistrictStanding *standing =
        lens_district_ranking_lookup (lens_district_map_data_get_ranking (self->data), district->number);
      g_autofree char *name = lens_map_dup_district_text (self->data, district->number);
      g_autofree char *place = lens_district_dup_label (district);
      g_autofree char *count = lens_format_count (standing != NULL ? standing->value : 0);
      g_autofree char *rank = NULL;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (place);
      GtkWidget *value = gtk_label_new (count);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (value, "numeric");
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), value);
      g_object_set (line, "margin-start", 8, "margin-end", 8, "margin-top", 4, "margin-bottom", 4, NULL);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      g_object_set_data (G_OBJECT (row), "lens-district", GUINT_TO_POINTER (district->number));
      if (standing != NULL)
        /* Translators: for a screen reader after "District 5: 1,234 incidents" */
        rank = g_strdup_printf (_("rank %u of %u"), standing->rank,
                                lens_district_ranking_get_n_ranked (lens_district_map_data_get_ranking (self->data)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rank, -1);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      if (district->number == self->selected)
        gtk_list_box_select_row (GTK_LIST_BOX (self->list), GTK_LIST_BOX_ROW (row));
    }
}

static void
show_state (LensDistrictMap *self)
{
  g_clear_pointer (&self->status, g_free);

  if (self->loading && self->data == NULL)
    self->status = g_strdup (_("Loading…"));
  else if (self->data == NULL && self->error != NULL)
    self->status = g_strdup (self->error->message);
  else if (self->data != NULL)
    {
      LensQueryResult *counts = lens_district_map_data_get_counts (self->data);
      const GError *warning = lens_district_map_data_get_warning (self->data);
      g_autofree char *when = NULL;
      g_autofree char *age = lens_format_age (lens_district_map_data_get_age (self->data));

      when = lens_format_datetime (counts != NULL ? lens_query_result_get_fetched_at (counts)
                                                  : lens_boundaries_result_get_fetched_at (lens_district_map_data_get_boundaries_result (self->data)));
      if (warning != NULL)
        /* Translators: "Showing data from 3 hours ago: <why>" */
        self->status = g_strdup_printf (_("Showing data from %s: %s"), age, warning->message);
      else
        self->status = g_strdup_printf (_("Fetched %s (%s)"), when, age);
    }

  gtk_label_set_label (self->status_label, self->status != NULL ? self->status : "");
  gtk_widget_set_visible (self->retry_button,
                          self->error != NULL ||
                          (self->data != NULL && lens_district_map_data_get_warning (self->data) != NULL));
  gtk_widget_set_visible (self->canvas, self->data != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", self->data != NULL);
  rebuild_list (self);
  update_accessible (self);
  gtk_widget_queue_draw (self->canvas);
}

static void
load_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(LensDistrictMap) self = user_data;
  g_autoptr(GError) error = NULL;
  LensDistrictMapData *data = lens_district_map_data_load_finish (res, &error);

  if (g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (data != NULL)
    {
      g_clear_object (&self->data);
      self->data = data;
    }
  else
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
  show_state (self);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
start_load (LensDistrictMap *self,
            LensQueryFlags   flags)
{
  if (self->client == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->error);
  /* Numbers of another measure or period do not stay on screen meanwhile */
  if (!(flags & LENS_QUERY_REFRESH))
    g_clear_object (&self->data);
  self->loading = TRUE;
  lens_district_map_data_load_async (self->client, self->measure, self->period, flags,
                                     self->cancellable, load_cb, g_object_ref (self));
  show_state (self);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
lens_district_map_load (LensLoadable     *loadable,
                        LensPortalClient *client,
                        LensFilters      *filters,
                        LensQueryFlags    flags)
{
  LensDistrictMap *self = LENS_DISTRICT_MAP (loadable);
  gboolean same_client = self->client == client;

  g_set_object (&self->client, client);
  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = lens_filters_copy (filters);
  self->selected = lens_filters_get_district (filters);

  /* The map shows every district whichever is chosen: a new choice only moves the outline */
  if (same_client && self->data != NULL && !(flags & LENS_QUERY_REFRESH) && !self->loading)
    {
      show_state (self);
      g_object_notify (G_OBJECT (self), "settled");
      return;
    }
  start_load (self, flags);
}

static gboolean
lens_district_map_is_settled (LensLoadable *loadable)
{
  return !LENS_DISTRICT_MAP (loadable)->loading;
}

static void
lens_district_map_loadable_init (LensLoadableInterface *iface)
{
  iface->load = lens_district_map_load;
  iface->is_settled = lens_district_map_is_settled;
}

/* Pointer and keyboard */

gboolean
lens_district_map_activate_at (LensDistrictMap *self,
                               double           x,
                               double           y)
{
  guint district;
  g_autofree char *value = NULL;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP (self), FALSE);

  if (self->data == NULL)
    return FALSE;
  district = lens_map_hit_test (self->data, LENS_MAP_DRAW_DEFAULT, gtk_widget_get_width (self->canvas),
                                gtk_widget_get_height (self->canvas), x, y);
  if (district == 0)
    return FALSE;
  value = g_strdup_printf ("%u", district);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.district", "s", value);
  return TRUE;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LensDistrictMap *self)
{
  lens_district_map_activate_at (self, x, y);
}

static gboolean
query_tooltip_cb (GtkWidget       *canvas,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  LensDistrictMap *self)
{
  g_autofree char *text = NULL;
  g_autofree char *place = NULL;
  const LensDistrictStanding *standing;
  guint district;

  if (self->data == NULL || keyboard)
    return FALSE;
  district = lens_map_hit_test (self->data, LENS_MAP_DRAW_DEFAULT, gtk_widget_get_width (canvas),
                                gtk_widget_get_height (canvas), x, y);
  if (district == 0)
    return FALSE;

  standing = lens_district_ranking_lookup (lens_district_map_data_get_ranking (self->data), district);
  place = lens_district_dup_label (lens_district_lookup_number (district));
  text = lens_map_dup_district_text (self->data, district);
  {
    g_autofree char *full = NULL;

    /* Translators: "5 – Calumet", then "District 5: 1,234 incidents", then its rank */
    full = g_strdup_printf (_("%s\n%s, rank %u of %u"), place, text, standing->rank,
                            lens_district_ranking_get_n_ranked (lens_district_map_data_get_ranking (self->data)));
    gtk_tooltip_set_text (tooltip, full);
  }
  return TRUE;
}

/* Actions */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(LensDistrictMap) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LensExportFormat format = lens_export_chooser_get_format (GTK_FILE_CHOOSER_NATIVE (dialog));

  if (response == GTK_RESPONSE_ACCEPT && self->data != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      if (!lens_map_export_to_file (self->data, self->selected, path, format, &error))
        lens_export_show_toast (GTK_WIDGET (self), error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), basename);

          lens_export_show_toast (GTK_WIDGET (self), message);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensDistrictMap *self = LENS_DISTRICT_MAP (widget);
  g_autofree char *stem = NULL;
  GtkFileChooserNative *dialog;

  if (self->data == NULL)
    return;
  /* "district-map-index-last-28" */
  stem = g_strdup_printf ("district-map-%s-%s", lens_compstat_get_row (self->measure)->id,
                          lens_map_period_get_id (self->period));
  dialog = lens_export_chooser_new (widget, g_variant_get_string (parameter, NULL), stem);
  if (dialog == NULL)
    return;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_load (LENS_DISTRICT_MAP (widget), LENS_QUERY_REFRESH);
}

static void
measure_selected_cb (LensDistrictMap *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->measure_dropdown));

  if (!self->updating && position != GTK_INVALID_LIST_POSITION)
    lens_district_map_set_measure (self, position);
}

static void
period_selected_cb (LensDistrictMap *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period_dropdown));

  if (!self->updating && position != GTK_INVALID_LIST_POSITION)
    lens_district_map_set_period (self, position);
}

/* GObject */

static void
lens_district_map_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SETTLED:
      g_value_set_boolean (value, lens_district_map_is_settled (LENS_LOADABLE (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_district_map_dispose (GObject *object)
{
  LensDistrictMap *self = LENS_DISTRICT_MAP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->canvas != NULL)
    LENS_MAP_CANVAS (self->canvas)->map = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_object (&self->data);
  g_clear_error (&self->error);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (lens_district_map_parent_class)->dispose (object);
}

static void
lens_district_map_class_init (LensDistrictMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lens_district_map_get_property;
  object_class->dispose = lens_district_map_dispose;
  g_object_class_override_property (object_class, PROP_SETTLED, "settled");

  gtk_widget_class_install_action (widget_class, "map.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "map.retry", NULL, retry_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "districtmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GMenuModel *
create_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *exports = g_menu_new ();
  GMenu *other = g_menu_new ();

  g_menu_append (exports, _("Export as _PNG Image…"), "map.export::png");
  g_menu_append (exports, _("Export as _SVG Image…"), "map.export::svg");
  g_menu_append (exports, _("Export as P_DF…"), "map.export::pdf");
  g_menu_append (exports, _("Export as _CSV Table…"), "map.export::csv");
  g_menu_append (other, _("_Reload"), "map.retry");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (exports));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  g_object_unref (exports);
  g_object_unref (other);

  return G_MENU_MODEL (menu);
}

static void
lens_district_map_init (LensDistrictMap *self)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GMenuModel) menu = create_menu ();
  GtkWidget *header, *title, *note, *actions, *split;
  GtkLayoutManager *layout;
  GtkGesture *click;

  self->measure = MAX (lens_map_measure_from_id ("index"), 0);
  self->period = LENS_MAP_PERIOD_LAST_28;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_object_set (header, "margin-top", 12, "margin-start", 12, "margin-end", 12, NULL);
  title = gtk_label_new (_("Incidents by District"));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), title);
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Export"));
  lens_accessible_set_name (self->menu_button, _("Map menu: export"));
  gtk_box_append (GTK_BOX (header), self->menu_button);
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Incidents by District"), -1);

  note = gtk_label_new (_("Each district is coloured by its count for the measure and period chosen; district 31 is not one of the 22 districts and is not ranked. Counts are not rates: districts differ in area and population. Choose a district on the map or in the list to show it on every chart."));
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  g_object_set (note, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (self->box), note);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_object_set (actions, "margin-start", 12, "margin-end", 12, NULL);
  for (guint i = 0; i < lens_compstat_get_n_rows (); i++)
    gtk_string_list_append (measures, lens_compstat_get_row (i)->label);
  self->measure_dropdown = lens_drop_down_new_wrapping (G_LIST_MODEL (g_object_ref (measures)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->measure_dropdown), self->measure);
  lens_accessible_name_drop_down (GTK_DROP_DOWN (self->measure_dropdown), _("Measure"));
  gtk_widget_set_tooltip_text (self->measure_dropdown, _("Measure"));
  g_signal_connect_swapped (self->measure_dropdown, "notify::selected", G_CALLBACK (measure_selected_cb), self);
  gtk_box_append (GTK_BOX (actions), self->measure_dropdown);
  for (guint i = 0; i < LENS_MAP_N_PERIODS; i++)
    gtk_string_list_append (periods, lens_map_period_get_label (i));
  self->period_dropdown = lens_drop_down_new_wrapping (G_LIST_MODEL (g_object_ref (periods)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), self->period);
  lens_accessible_name_drop_down (GTK_DROP_DOWN (self->period_dropdown), _("Period"));
  gtk_widget_set_tooltip_text (self->period_dropdown, _("Period"));
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self);
  gtk_box_append (GTK_BOX (actions), self->period_dropdown);
  gtk_box_append (GTK_BOX (self->box), actions);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_object_set (actions, "margin-start", 12, "margin-end", 12, NULL);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0.0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->status_label));
  self->retry_button = gtk_button_new_with_label (_("Retry"));
  lens_accessible_set_name (self->retry_button, _("Retry"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "map.retry");
  gtk_widget_set_valign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (actions), self->retry_button);
  gtk_box_append (GTK_BOX (self->box), actions);

  /* The map, and beside it (or under it) the districts as a list for the keyboard */
  split = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  layout = lens_split_layout_new ();
  lens_split_layout_set_side_width (LENS_SPLIT_LAYOUT (layout), 280);
  lens_split_layout_set_min_main_width (LENS_SPLIT_LAYOUT (layout), 620);
  lens_split_layout_set_spacing (LENS_SPLIT_LAYOUT (layout), 12);
  gtk_widget_set_layout_manager (split, layout);
  g_object_set (split, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);

  self->canvas = g_object_new (LENS_TYPE_MAP_CANVAS, NULL);
  LENS_MAP_CANVAS (self->canvas)->map = self;
  gtk_widget_set_hexpand (self->canvas, TRUE);
  gtk_widget_set_has_tooltip (self->canvas, TRUE);
  gtk_widget_set_cursor_from_name (self->canvas, "pointer");
  g_signal_connect (self->canvas, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (split), self->canvas);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Districts"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  self->list_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->list_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->list_scroller), 560);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->list_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->list_scroller), self->list);
  gtk_box_append (GTK_BOX (split), self->list_scroller);
  gtk_box_append (GTK_BOX (self->box), split);

  show_state (self);
}

GtkWidget *
lens_district_map_new (void)
{
  return g_object_new (LENS_TYPE_DISTRICT_MAP, NULL);
}

LensDistrictMapData *
lens_district_map_get_data (LensDistrictMap *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP (self), NULL);
  return self->data;
}

guint
lens_district_map_get_selected (LensDistrictMap *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP (self), 0);
  return self->selected;
}

void
lens_district_map_set_measure (LensDistrictMap *self,
                               guint            measure)
{
  g_return_if_fail (LENS_IS_DISTRICT_MAP (self));
  g_return_if_fail (measure < lens_compstat_get_n_rows ());

  if (self->measure == measure)
    return;
  self->measure = measure;
  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->measure_dropdown), measure);
  self->updating = FALSE;
  start_load (self, LENS_QUERY_DEFAULT);
}

void
lens_district_map_set_period (LensDistrictMap *self,
                              LensMapPeriod    period)
{
  g_return_if_fail (LENS_IS_DISTRICT_MAP (self));
  g_return_if_fail (period < LENS_MAP_N_PERIODS);

  if (self->period == period)
    return;
  self->period = period;
  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), period);
  self->updating = FALSE;
  start_load (self, LENS_QUERY_DEFAULT);
}

GtkWidget *
lens_district_map_get_canvas (LensDistrictMap *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP (self), NULL);
  return self->canvas;
}

GtkListBox *
lens_district_map_get_list (LensDistrictMap *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP (self), NULL);
  return GTK_LIST_BOX (self->list);
}

const char *
lens_district_map_get_status (LensDistrictMap *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP (self), NULL);
  return self->status;
}
