/* lens-dashboard-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-dashboard-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-catalog.h"
#include "lens-chart-view.h"
#include "lens-columns-layout.h"
#include "lens-compstat-view.h"
#include "lens-dashboard-page.h"
#include "lens-district-map.h"
#include "lens-reports-panel.h"
#include "lens-reading-box.h"
#include "lens-split-layout.h"
#include "lens-standing-view.h"

struct _LensDashboardPage
{
  LensPage   parent_instance;

  char      *page_id;
  char      *title;
  char      *description;

  GtkLabel  *title_label;
  GtkLabel  *description_label;
  GtkWidget *grid;
  GPtrArray *charts;  /* the chart views, in order (the page owns them) */
};

G_DEFINE_FINAL_TYPE (LensDashboardPage, lens_dashboard_page, LENS_TYPE_PAGE)

enum {
  PROP_0,
  PROP_PAGE_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lens_dashboard_page_constructed (GObject *object)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GPtrArray) entries = NULL;
  GtkLayoutManager *layout;
  GtkWidget *box;
  GtkWidget *split;

  G_OBJECT_CLASS (lens_dashboard_page_parent_class)->constructed (object);

  self->charts = g_ptr_array_new ();
  box = lens_page_add_column (LENS_PAGE (self), 1400, 1000);

  self->title_label = GTK_LABEL (gtk_label_new (self->title));
  gtk_label_set_xalign (self->title_label, 0.0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "page-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));

  self->description_label = GTK_LABEL (gtk_label_new (self->description));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          self->description != NULL && *self->description != '\0');
  gtk_label_set_xalign (self->description_label, 0.0);
  gtk_label_set_wrap (self->description_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "page-subtitle");
  gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->description_label), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->description_label));

  self->grid = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  layout = lens_columns_layout_new ();
  lens_columns_layout_set_column_width (LENS_COLUMNS_LAYOUT (layout), 460);
  lens_columns_layout_set_spacing (LENS_COLUMNS_LAYOUT (layout), 18);
  gtk_widget_set_layout_manager (self->grid, layout);

  /* "What the reports say" beside the charts on a wide window, below them on a narrow one */
  split = lens_reading_box_new ();
  gtk_widget_set_layout_manager (split, lens_split_layout_new ());
  /* The Crime page opens with the district statistics councils review: the CompStat table,
   * where the district stands among the 22, and the map. */
  if (g_strcmp0 (self->page_id, "crime") == 0)
    {
      GtkWidget *sections[] = {
        lens_compstat_view_new (),
        lens_standing_view_new (),
        lens_district_map_new (),
      };

      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          gtk_box_append (GTK_BOX (box), sections[i]);
          lens_page_add_loadable (LENS_PAGE (self), LENS_LOADABLE (sections[i]));
        }
    }

  gtk_box_append (GTK_BOX (split), self->grid);
  gtk_box_append (GTK_BOX (split), lens_reports_panel_new (self->page_id));
  gtk_box_append (GTK_BOX (box), split);

  entries = lens_catalog_get_charts_for_page (catalog, self->page_id);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GtkWidget *view = lens_chart_view_new (g_ptr_array_index (entries, i));

      gtk_box_append (GTK_BOX (self->grid), view);
      g_ptr_array_add (self->charts, view);
      lens_page_add_loadable (LENS_PAGE (self), LENS_LOADABLE (view));
    }
}

static void
lens_dashboard_page_finalize (GObject *object)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->page_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lens_dashboard_page_parent_class)->finalize (object);
}

static void
lens_dashboard_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_ID:
      g_value_set_string (value, self->page_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_dashboard_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_ID:
      self->page_id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_dashboard_page_class_init (LensDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_dashboard_page_constructed;
  object_class->finalize = lens_dashboard_page_finalize;
  object_class->get_property = lens_dashboard_page_get_property;
  object_class->set_property = lens_dashboard_page_set_property;

  properties[PROP_PAGE_ID] =
    g_param_spec_string ("page-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensdashboardpage");
}

static void
lens_dashboard_page_init (LensDashboardPage *self)
{
}

GtkWidget *
lens_dashboard_page_new (const char *page_id,
                         const char *title,
                         const char *description)
{
  g_return_val_if_fail (page_id != NULL, NULL);

  return g_object_new (LENS_TYPE_DASHBOARD_PAGE,
                       "page-id", page_id,
                       "title", title,
                       "description", description,
                       NULL);
}

const char *
lens_dashboard_page_get_page_id (LensDashboardPage *self)
{
  g_return_val_if_fail (LENS_IS_DASHBOARD_PAGE (self), NULL);

  return self->page_id;
}

GPtrArray *
lens_dashboard_page_get_charts (LensDashboardPage *self)
{
  g_return_val_if_fail (LENS_IS_DASHBOARD_PAGE (self), NULL);

  return self->charts;
}
