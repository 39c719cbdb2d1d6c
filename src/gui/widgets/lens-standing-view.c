/* lens-standing-view.c: where the chosen district stands among the 22, on the Crime page
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-standing-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-drop-down.h"
#include "lens-chart-export-dialog.h"
#include "lens-columns-layout.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-format.h"
#include "lens-plot-area.h"
#include "lens-standing-document.h"
#include "lens-standing-view.h"

/* One row of the table */

#define LENS_TYPE_STANDING_ROW (lens_standing_row_get_type ())
G_DECLARE_FINAL_TYPE (LensStandingRow, lens_standing_row, LENS, STANDING_ROW, GObject)

struct _LensStandingRow
{
  GObject parent_instance;
  guint   district;
  double  count;
  guint   rank;
  gboolean chosen;
};

G_DEFINE_FINAL_TYPE (LensStandingRow, lens_standing_row, G_TYPE_OBJECT)

enum { ROW_PROP_0, ROW_PROP_DISTRICT, ROW_PROP_COUNT, ROW_PROP_RANK, ROW_N_PROPS };

static void
lens_standing_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LensStandingRow *row = LENS_STANDING_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_DISTRICT: g_value_set_uint (value, row->district); break;
    case ROW_PROP_COUNT: g_value_set_double (value, row->count); break;
    case ROW_PROP_RANK: g_value_set_uint (value, row->rank); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_standing_row_class_init (LensStandingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lens_standing_row_get_property;
  g_object_class_install_property (object_class, ROW_PROP_DISTRICT,
                                   g_param_spec_uint ("district", NULL, NULL, 0, G_MAXUINT, 0, flags));
  g_object_class_install_property (object_class, ROW_PROP_COUNT,
                                   g_param_spec_double ("count", NULL, NULL, 0, G_MAXDOUBLE, 0, flags));
  g_object_class_install_property (object_class, ROW_PROP_RANK,
                                   g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags));
}

static void
lens_standing_row_init (LensStandingRow *self)
{
}

static char *
dup_district_label (guint district)
{
  return lens_district_dup_label (lens_district_lookup_number (district));
}

/* The view */

struct _LensStandingView
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkWidget         *measure_drop;
  GtkWidget         *window_drop;
  GtkLabel          *sentence_label;
  GtkLabel          *unranked_label;
  GtkLabel          *status_label;
  GtkWidget         *retry_button;
  GtkWidget         *export_button;
  GtkWidget         *content;
  LensPlotArea      *plot;
  GtkColumnView     *column_view;
  GListStore        *rows;

  LensPortalClient  *client;
  LensFilters       *filters;
  GCancellable      *cancellable;
  guint              measure;
  LensCompstatWindow window;
  LensStanding      *standing;
  GError            *error;
  char              *sentence;
  guint              generation;
  gboolean           loading;
};

static void lens_standing_view_loadable_init (LensLoadableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensStandingView, lens_standing_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_LOADABLE, lens_standing_view_loadable_init))

enum {
  PROP_0,
  PROP_SETTLED,
};

static const LensCompstatWindow windows[] = { LENS_COMPSTAT_YEAR_TO_DATE, LENS_COMPSTAT_LAST_28 };

static void
show_state (LensStandingView *self)
{
  LensDistrictRanking *ranking;
  g_autoptr(LensSeries) series = NULL;
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *period = NULL;
  guint district = self->filters != NULL ? lens_filters_get_district (self->filters) : 0;
  double unranked;

  gtk_widget_set_visible (self->retry_button, self->error != NULL);
  gtk_widget_set_visible (self->export_button, self->standing != NULL);
  gtk_widget_set_visible (self->content, self->standing != NULL);
  g_list_store_remove_all (self->rows);
  g_clear_pointer (&self->sentence, g_free);

  if (self->loading && self->standing == NULL)
    gtk_label_set_label (self->status_label, _("Loading…"));
  else if (self->error != NULL)
    gtk_label_set_label (self->status_label, self->error->message);

  if (self->standing == NULL)
    {
      gtk_label_set_label (self->sentence_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->unranked_label), FALSE);
      lens_plot_area_set_series (self->plot, NULL, LENS_PLOT_HORIZONTAL_BAR);
      return;
    }

  ranking = lens_standing_get_ranking (self->standing);
  period = lens_standing_dup_period_text (self->standing);
  if (self->error == NULL)
    {
      LensQueryResult *result = lens_standing_get_result (self->standing);
      g_autofree char *when = lens_format_datetime (lens_query_result_get_fetched_at (result));
      g_autofree char *age = lens_format_age (lens_query_result_get_age (result));
      g_autofree char *name = lens_standing_dup_dataset_name ();
      g_autofree char *source = g_strdup_printf (_("Source: %s"), name);
      g_autofree char *fetched = g_strdup_printf (_("Fetched %s (%s)"), when, age);
      g_autofree char *text = g_strconcat (source, _(" · "), fetched, NULL);

      gtk_label_set_label (self->status_label, text);
    }

  if (district != 0 && lens_district_ranking_lookup (ranking, district) != NULL)
    {
      g_autofree char *area = dup_district_label (district);
      g_autofree char *rank = lens_standing_dup_standing_text (ranking, district);

      /* Translators: "District 5 – Calumet: 3rd of 22 for “Robbery”, the year to 24 March 2026" */
      self->sentence = g_strdup_printf (_("%s: %s for “%s”, %s"), area, rank,
                                        lens_standing_get_measure_label (self->measure), period);
    }
  else
    /* Translators: %s is a measure and then a period */
    self->sentence = g_strdup_printf (_("All 22 districts for “%s”, %s. Choose a district at the top of the window to see where it stands."),
                                      lens_standing_get_measure_label (self->measure), period);
  gtk_label_set_label (self->sentence_label, self->sentence);

  unranked = lens_district_ranking_get_unranked_total (ranking);
  if (unranked > 0)
    {
      g_autofree char *n = lens_format_count (unranked);
      /* Translators: %s is a count */
      g_autofree char *text = g_strdup_printf (_("Not ranked: %s more in district 31 (not one of the 22) or with no district."), n);

      gtk_label_set_label (self->unranked_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unranked_label), unranked > 0);

  document = lens_standing_dup_document (self->standing, district, FALSE);
  lens_plot_area_set_title (self->plot, lens_chart_document_get_title (document));
  lens_plot_area_set_axis_titles (self->plot, NULL, _("Incidents"));
  lens_plot_area_set_series (self->plot, lens_chart_document_get_series (document),
                             LENS_PLOT_HORIZONTAL_BAR);

  for (guint i = 0; i < lens_district_ranking_get_n_ranked (ranking); i++)
    {
      const LensDistrictStanding *s = lens_district_ranking_get_nth (ranking, i);
      g_autoptr(LensStandingRow) row = g_object_new (LENS_TYPE_STANDING_ROW, NULL);

      row->district = s->district;
      row->count = s->value;
      row->rank = s->rank;
      row->chosen = s->district == district;
      g_list_store_append (self->rows, row);
    }
}

typedef struct
{
  LensStandingView *self;
  guint             generation;
} Slot;

static void
load_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Slot *slot = user_data;
  g_autoptr(LensStandingView) self = slot->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LensStanding) standing = lens_standing_load_finish (res, &error);
  guint generation = slot->generation;

  g_free (slot);
  if (generation != self->generation)
    return;

  self->loading = FALSE;
  if (standing != NULL)
    g_set_object (&self->standing, standing);
  else
    self->error = g_steal_pointer (&error);
  show_state (self);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
start_load (LensStandingView *self,
            LensQueryFlags    flags)
{
  Slot *slot;

  if (self->client == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  g_clear_error (&self->error);
  if (!(flags & LENS_QUERY_REFRESH))
    g_clear_object (&self->standing);

  slot = g_new0 (Slot, 1);
  slot->self = g_object_ref (self);
  slot->generation = self->generation;
  self->loading = TRUE;
  lens_standing_load_async (self->client, self->measure, self->window, flags, self->cancellable,
                            load_cb, slot);
  show_state (self);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
lens_standing_view_load (LensLoadable     *loadable,
                         LensPortalClient *client,
                         LensFilters      *filters,
                         LensQueryFlags    flags)
{
  LensStandingView *self = LENS_STANDING_VIEW (loadable);

  g_set_object (&self->client, client);
  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = lens_filters_copy (filters);
  /* The ranking has its own periods: a new district only moves the highlight. */
  start_load (self, flags);
}

static gboolean
lens_standing_view_is_settled (LensLoadable *loadable)
{
  return !LENS_STANDING_VIEW (loadable)->loading;
}

static void
lens_standing_view_loadable_init (LensLoadableInterface *iface)
{
  iface->load = lens_standing_view_load;
  iface->is_settled = lens_standing_view_is_settled;
}

void
lens_standing_view_set_measure (LensStandingView *self,
                                guint             measure)
{
  g_return_if_fail (LENS_IS_STANDING_VIEW (self));
  g_return_if_fail (measure < lens_standing_get_n_measures ());

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->measure_drop)) != measure)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->measure_drop), measure);
  if (self->measure == measure)
    return;
  self->measure = measure;
  start_load (self, LENS_QUERY_DEFAULT);
}

void
lens_standing_view_set_window (LensStandingView  *self,
                               LensCompstatWindow window)
{
  g_return_if_fail (LENS_IS_STANDING_VIEW (self));
  g_return_if_fail (window == LENS_COMPSTAT_YEAR_TO_DATE || window == LENS_COMPSTAT_LAST_28);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->window_drop), window == LENS_COMPSTAT_LAST_28);
  if (self->window == window)
    return;
  self->window = window;
  start_load (self, LENS_QUERY_DEFAULT);
}

LensStanding *
lens_standing_view_get_standing (LensStandingView *self)
{
  g_return_val_if_fail (LENS_IS_STANDING_VIEW (self), NULL);
  return self->standing;
}

const char *
lens_standing_view_get_sentence (LensStandingView *self)
{
  g_return_val_if_fail (LENS_IS_STANDING_VIEW (self), NULL);
  return self->sentence;
}

static void
measure_changed (LensStandingView *self)
{
  lens_standing_view_set_measure (self, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->measure_drop)));
}

static void
window_changed (LensStandingView *self)
{
  lens_standing_view_set_window (self, windows[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->window_drop)) ? 1 : 0]);
}

static void
retry_clicked (LensStandingView *self)
{
  start_load (self, LENS_QUERY_REFRESH);
}

/* Exports: the same files as every chart's */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensStandingView *self = LENS_STANDING_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *stem = NULL;

  if (self->standing == NULL)
    return;

  /* The CSV carries every district's rank; the pictures are the bars */
  document = lens_standing_dup_document (self->standing, lens_filters_get_district (self->filters),
                                         g_str_equal (extension, "csv"));
  stem = g_strdup_printf ("district-standing-%s-%s", lens_standing_get_measure_id (self->measure),
                          self->window == LENS_COMPSTAT_LAST_28 ? "last-28-days" : "year-to-date");
  lens_chart_export_dialog_show (widget, document, extension, stem);
}

/* The table */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  LensStandingRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_UINT (column))
    {
    case ROW_PROP_DISTRICT: text = dup_district_label (row->district); break;
    case ROW_PROP_COUNT: text = lens_format_count (row->count); break;
    default: text = g_strdup_printf ("%u", row->rank); break;
    }
  gtk_label_set_label (GTK_LABEL (label), text);
  if (GPOINTER_TO_UINT (column) == ROW_PROP_DISTRICT)
    {
      g_autofree char *count = lens_format_count (row->count);
      /* Translators: a row of the districts' table as a screen reader says it:
       * "5 – Calumet: 468, rank 10" */
      g_autofree char *sentence = g_strdup_printf (_("%s: %s, rank %u"), text, count, row->rank);

      lens_accessible_name_table_row (label, sentence);
      /* Rows only show what the bars show: Tab goes from the sorting headings on to the next
       * section, not through 22 rows (GTK 4.8 also tabs into rows it has not laid out) */
      if (gtk_widget_get_parent (label) != NULL && gtk_widget_get_parent (gtk_widget_get_parent (label)) != NULL)
        gtk_widget_set_focusable (gtk_widget_get_parent (gtk_widget_get_parent (label)), FALSE);
    }
  /* The chosen district stands out in the table as in the bars. */
  if (row->chosen)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
add_column (LensStandingView *self,
            const char       *title,
            guint             prop,
            GtkSorter        *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (prop != ROW_PROP_DISTRICT));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (prop));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, prop == ROW_PROP_DISTRICT);
  gtk_column_view_append_column (self->column_view, column);
  if (prop == ROW_PROP_RANK)
    gtk_column_view_sort_by_column (self->column_view, column, GTK_SORT_ASCENDING);
  g_object_unref (column);
  g_object_unref (sorter);
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (LENS_TYPE_STANDING_ROW, NULL, property)));
}

static void
lens_standing_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SETTLED:
      g_value_set_boolean (value, lens_standing_view_is_settled (LENS_LOADABLE (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_standing_view_dispose (GObject *object)
{
  LensStandingView *self = LENS_STANDING_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_object (&self->client);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_object (&self->standing);
  g_clear_error (&self->error);
  g_clear_pointer (&self->sentence, g_free);

  G_OBJECT_CLASS (lens_standing_view_parent_class)->dispose (object);
}

static void
lens_standing_view_class_init (LensStandingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lens_standing_view_get_property;
  object_class->dispose = lens_standing_view_dispose;
  g_object_class_override_property (object_class, PROP_SETTLED, "settled");

  gtk_widget_class_install_action (widget_class, "standing.export", "s", export_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "standing");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
margin_label (GtkWidget  *box,
              const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
lens_standing_view_init (LensStandingView *self)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *periods[] = { _("Year to date"), _("Last 28 days"), NULL };
  GtkWidget *title, *note, *controls, *actions, *scroller;
  GtkSortListModel *sorted;
  GtkLayoutManager *layout;

  self->window = LENS_COMPSTAT_YEAR_TO_DATE;
  self->rows = g_list_store_new (LENS_TYPE_STANDING_ROW);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = margin_label (self->box, _("Where the District Stands"), "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_margin_top (title, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where the District Stands"), -1);

  controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  for (guint i = 0; i < lens_standing_get_n_measures (); i++)
    gtk_string_list_append (measures, lens_standing_get_measure_label (i));
  self->measure_drop = lens_drop_down_new_wrapping (G_LIST_MODEL (g_object_ref (measures)));
  lens_accessible_name_drop_down (GTK_DROP_DOWN (self->measure_drop), _("Measure"));
  g_signal_connect_swapped (self->measure_drop, "notify::selected", G_CALLBACK (measure_changed), self);
  gtk_box_append (GTK_BOX (controls), self->measure_drop);
  self->window_drop = gtk_drop_down_new_from_strings (periods);
  lens_accessible_name_drop_down (GTK_DROP_DOWN (self->window_drop), _("Period"));
  g_signal_connect_swapped (self->window_drop, "notify::selected", G_CALLBACK (window_changed), self);
  gtk_box_append (GTK_BOX (controls), self->window_drop);
  gtk_box_append (GTK_BOX (self->box), controls);

  self->sentence_label = GTK_LABEL (margin_label (self->box, NULL, "heading"));
  note = margin_label (self->box,
                       _("These are counts, not rates: the districts’ populations differ, and the portal publishes none, so a district with more residents, workers or visitors may count more for that reason alone."),
                       "dim-label");
  (void) note;
  self->unranked_label = GTK_LABEL (margin_label (self->box, NULL, "dim-label"));
  gtk_widget_add_css_class (GTK_WIDGET (self->unranked_label), "caption");

  /* The bars beside the table on a wide window, above it on a narrow one */
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  layout = lens_columns_layout_new ();
  lens_columns_layout_set_column_width (LENS_COLUMNS_LAYOUT (layout), 420);
  lens_columns_layout_set_spacing (LENS_COLUMNS_LAYOUT (layout), 18);
  gtk_widget_set_layout_manager (self->content, layout);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);

  self->plot = LENS_PLOT_AREA (lens_plot_area_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->plot), -1, 560);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->plot));

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("All 22 districts"), -1);
  add_column (self, _("District"), ROW_PROP_DISTRICT, numeric_sorter ("district"));
  add_column (self, _("Count"), ROW_PROP_COUNT, numeric_sorter ("count"));
  add_column (self, _("Rank"), ROW_PROP_RANK, numeric_sorter ("rank"));
  {
    const char *headings[] = { _("District"), _("Count"), _("Rank"), NULL };

    lens_accessible_name_table_header (self->column_view, headings);
  }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, -1, 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_box_append (GTK_BOX (self->content), scroller);
  gtk_box_append (GTK_BOX (self->box), self->content);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (actions, 12);
  gtk_widget_set_margin_end (actions, 12);
  gtk_widget_set_margin_bottom (actions, 12);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0.0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->status_label));

  self->retry_button = gtk_button_new_with_label (_("Retry"));
  lens_accessible_set_name (self->retry_button, _("Retry"));
  g_signal_connect_swapped (self->retry_button, "clicked", G_CALLBACK (retry_clicked), self);
  gtk_box_append (GTK_BOX (actions), self->retry_button);

  g_menu_append (menu, _("Export as _PNG Image…"), "standing.export::png");
  g_menu_append (menu, _("Export as _SVG Image…"), "standing.export::svg");
  g_menu_append (menu, _("Export as P_DF…"), "standing.export::pdf");
  g_menu_append (menu, _("Export as _CSV Table…"), "standing.export::csv");
  self->export_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->export_button), _("Export"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->export_button), G_MENU_MODEL (menu));
  lens_accessible_set_name (self->export_button, _("Export the district ranking"));
  gtk_widget_set_valign (self->export_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (actions), self->export_button);
  gtk_box_append (GTK_BOX (self->box), actions);

  show_state (self);
}

GtkWidget *
lens_standing_view_new (void)
{
  return g_object_new (LENS_TYPE_STANDING_VIEW, NULL);
}
