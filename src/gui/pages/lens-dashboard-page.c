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
#include "lens-dashboard-page.h"
#include "lens-reports-panel.h"
#include "lens-split-layout.h"

struct _LensDashboardPage
{
  GtkWidget         parent_instance;

  char             *page_id;
  char             *title;
  char             *description;
  LensPortalClient *client;
  LensFilters      *filters;
  GPtrArray        *charts;

  GtkWidget        *scroller;
  GtkLabel         *title_label;
  GtkLabel         *description_label;
  GtkWidget        *grid;

  /* Filters changed or a reload was asked while the page was hidden: load when shown. */
  LensQueryFlags    pending_flags;
  guint             dirty : 1;
  guint             was_settled : 1;
};

static void lens_dashboard_page_iface_init (LensPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensDashboardPage, lens_dashboard_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_PAGE, lens_dashboard_page_iface_init))

enum {
  PROP_0,
  PROP_PAGE_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lens_dashboard_page_is_settled (LensPage *page)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (page);

  if (self->dirty)
    return FALSE;

  for (guint i = 0; i < self->charts->len; i++)
    if (!lens_chart_view_is_settled (g_ptr_array_index (self->charts, i)))
      return FALSE;

  return TRUE;
}

static void
chart_state_cb (LensDashboardPage *self)
{
  gboolean settled = lens_dashboard_page_is_settled (LENS_PAGE (self));

  if (settled && !self->was_settled)
    g_signal_emit_by_name (self, "settled");
  self->was_settled = settled;
}

static void
load_now (LensDashboardPage *self,
          LensQueryFlags     flags)
{
  if (self->client == NULL || self->filters == NULL)
    return;

  self->dirty = FALSE;
  self->was_settled = FALSE;

  for (guint i = 0; i < self->charts->len; i++)
    lens_chart_view_load (g_ptr_array_index (self->charts, i), self->client, self->filters, flags);

  chart_state_cb (self);
}

static void
request_load (LensDashboardPage *self,
              LensQueryFlags     flags)
{
  /* Only what is on screen talks to the portal. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_now (self, flags);
  else
    {
      self->pending_flags = self->dirty ? (self->pending_flags | flags) : flags;
      self->dirty = TRUE;
    }
}

static void
lens_dashboard_page_set_filters (LensPage    *page,
                                 LensFilters *filters)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (page);

  if (self->filters == filters)
    return;

  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = filters != NULL ? lens_filters_ref (filters) : NULL;

  /* What is saved shows at once; the charts ask the portal again when it is stale. */
  request_load (self, LENS_QUERY_CACHE_FIRST);
}

static void
lens_dashboard_page_reload (LensPage       *page,
                            LensQueryFlags  flags)
{
  request_load (LENS_DASHBOARD_PAGE (page), flags);
}

static void
lens_dashboard_page_iface_init (LensPageInterface *iface)
{
  iface->set_filters = lens_dashboard_page_set_filters;
  iface->reload = lens_dashboard_page_reload;
  iface->is_settled = lens_dashboard_page_is_settled;
}

static void
lens_dashboard_page_map (GtkWidget *widget)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (lens_dashboard_page_parent_class)->map (widget);

  if (self->dirty)
    load_now (self, self->pending_flags);
}

static void
lens_dashboard_page_constructed (GObject *object)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GPtrArray) entries = NULL;
  GtkLayoutManager *layout;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWidget *split;

  G_OBJECT_CLASS (lens_dashboard_page_parent_class)->constructed (object);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "dashboard");
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

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
  split = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_layout_manager (split, lens_split_layout_new ());
  gtk_box_append (GTK_BOX (split), self->grid);
  gtk_box_append (GTK_BOX (split), lens_reports_panel_new (self->page_id));
  gtk_box_append (GTK_BOX (box), split);

  entries = lens_catalog_get_charts_for_page (catalog, self->page_id);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GtkWidget *view = lens_chart_view_new (g_ptr_array_index (entries, i));

      g_signal_connect_object (view, "notify::state", G_CALLBACK (chart_state_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "loaded", G_CALLBACK (chart_state_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->grid), view);
      g_ptr_array_add (self->charts, view);
    }
}

static void
lens_dashboard_page_dispose (GObject *object)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);

  g_ptr_array_set_size (self->charts, 0);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (lens_dashboard_page_parent_class)->dispose (object);
}

static void
lens_dashboard_page_finalize (GObject *object)
{
  LensDashboardPage *self = LENS_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_object (&self->client);
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

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
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

    case PROP_CLIENT:
      if (g_set_object (&self->client, g_value_get_object (value)))
        {
          g_object_notify_by_pspec (object, pspec);
          request_load (self, LENS_QUERY_CACHE_FIRST);
        }
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
  object_class->dispose = lens_dashboard_page_dispose;
  object_class->finalize = lens_dashboard_page_finalize;
  object_class->get_property = lens_dashboard_page_get_property;
  object_class->set_property = lens_dashboard_page_set_property;

  widget_class->map = lens_dashboard_page_map;

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
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LENS_TYPE_PORTAL_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensdashboardpage");
}

static void
lens_dashboard_page_init (LensDashboardPage *self)
{
  self->charts = g_ptr_array_new ();
  self->was_settled = TRUE;
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
