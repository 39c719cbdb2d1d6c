/* lens-overview-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-overview-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-catalog.h"
#include "lens-columns-layout.h"
#include "lens-compliance-card.h"
#include "lens-headline-card.h"
#include "lens-overview-page.h"

struct _LensOverviewPage
{
  GtkWidget          parent_instance;

  LensPageTitleFunc  page_title_func;
  LensPortalClient  *client;
  LensFilters       *filters;
  GPtrArray         *cards;

  GtkWidget         *scroller;
  GtkLabel          *area_label;

  LensQueryFlags     pending_flags;
  guint              dirty : 1;
  guint              was_settled : 1;
};

static void lens_overview_page_iface_init (LensPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensOverviewPage, lens_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_PAGE, lens_overview_page_iface_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PAGE_TITLE_FUNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lens_overview_page_is_settled (LensPage *page)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (page);

  if (self->dirty)
    return FALSE;

  for (guint i = 0; i < self->cards->len; i++)
    if (!lens_headline_card_is_settled (g_ptr_array_index (self->cards, i)))
      return FALSE;

  return TRUE;
}

static void
card_loaded_cb (LensOverviewPage *self)
{
  gboolean settled = lens_overview_page_is_settled (LENS_PAGE (self));

  if (settled && !self->was_settled)
    g_signal_emit_by_name (self, "settled");
  self->was_settled = settled;
}

static void
load_now (LensOverviewPage *self,
          LensQueryFlags    flags)
{
  if (self->client == NULL || self->filters == NULL)
    return;

  self->dirty = FALSE;
  self->was_settled = FALSE;

  for (guint i = 0; i < self->cards->len; i++)
    lens_headline_card_load (g_ptr_array_index (self->cards, i), self->client, self->filters, flags);

  card_loaded_cb (self);
}

static void
request_load (LensOverviewPage *self,
              LensQueryFlags    flags)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_now (self, flags);
  else
    {
      self->pending_flags = self->dirty ? (self->pending_flags | flags) : flags;
      self->dirty = TRUE;
    }
}

static void
lens_overview_page_set_filters (LensPage    *page,
                                LensFilters *filters)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (page);
  g_autofree char *area = NULL;
  gboolean same_district;

  if (self->filters == filters)
    return;

  /* Headlines have their own periods and no comparison: only the district matters. */
  same_district = self->filters != NULL && filters != NULL &&
                  lens_filters_get_district (self->filters) == lens_filters_get_district (filters);

  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = filters != NULL ? lens_filters_ref (filters) : NULL;

  if (filters != NULL)
    {
      area = lens_filters_dup_district_label (filters);
      gtk_label_set_label (self->area_label, area);
    }

  if (!same_district)
    request_load (self, LENS_QUERY_CACHE_FIRST);
}

static void
lens_overview_page_reload (LensPage       *page,
                           LensQueryFlags  flags)
{
  request_load (LENS_OVERVIEW_PAGE (page), flags);
}

static void
lens_overview_page_iface_init (LensPageInterface *iface)
{
  iface->set_filters = lens_overview_page_set_filters;
  iface->reload = lens_overview_page_reload;
  iface->is_settled = lens_overview_page_is_settled;
}

static void
lens_overview_page_map (GtkWidget *widget)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (lens_overview_page_parent_class)->map (widget);

  if (self->dirty)
    load_now (self, self->pending_flags);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static void
lens_overview_page_constructed (GObject *object)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);
  LensCatalog *catalog = lens_catalog_get_default ();
  GtkLayoutManager *layout;
  GtkWidget *clamp, *box, *grid, *label;

  G_OBJECT_CLASS (lens_overview_page_parent_class)->constructed (object);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "dashboard");
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  label = add_label (box, _("Overview"), "page-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  add_label (box,
             _("Police data for Chicago from the City’s data portal, for the whole city or one "
               "of its 22 police districts. Choose a district at the top of the window. The "
               "numbers below compare whole periods with the same period a year earlier; the "
               "chosen dates apply to the charts."),
             "page-subtitle");

  self->area_label = GTK_LABEL (add_label (box, NULL, "title-2"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->area_label), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->area_label), 6);

  grid = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  layout = lens_columns_layout_new ();
  lens_columns_layout_set_column_width (LENS_COLUMNS_LAYOUT (layout), 320);
  lens_columns_layout_set_spacing (LENS_COLUMNS_LAYOUT (layout), 18);
  gtk_widget_set_layout_manager (grid, layout);
  gtk_box_append (GTK_BOX (box), grid);

  for (guint i = 0; i < lens_catalog_get_n_headlines (catalog); i++)
    {
      LensHeadlineSpec *spec = lens_catalog_get_headline (catalog, i);
      const char *page_title = self->page_title_func != NULL ? self->page_title_func (spec->page)
                                                              : NULL;
      GtkWidget *card;

      /* A headline whose page the app does not show yet waits for it. */
      if (page_title == NULL)
        continue;

      card = lens_headline_card_new (spec, page_title);
      g_signal_connect_object (card, "loaded", G_CALLBACK (card_loaded_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (grid), card);
      g_ptr_array_add (self->cards, card);
    }

  /* The consent decree's latest figures ship with the app: a card with nothing to load. */
  if (self->page_title_func != NULL && self->page_title_func ("consent-decree") != NULL)
    gtk_box_append (GTK_BOX (grid), lens_compliance_card_new (self->page_title_func ("consent-decree")));

  label = add_label (box,
                     _("Every number comes from the City of Chicago Data Portal with the time it "
                       "was fetched, and is saved on this computer so that it also shows "
                       "offline. Press F5 to check for newer data."),
                     "caveat");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
}

static void
lens_overview_page_dispose (GObject *object)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);

  g_ptr_array_set_size (self->cards, 0);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (lens_overview_page_parent_class)->dispose (object);
}

static void
lens_overview_page_finalize (GObject *object)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lens_overview_page_parent_class)->finalize (object);
}

static void
lens_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      if (g_set_object (&self->client, g_value_get_object (value)))
        {
          g_object_notify_by_pspec (object, pspec);
          request_load (self, LENS_QUERY_CACHE_FIRST);
        }
      break;

    case PROP_PAGE_TITLE_FUNC:
      self->page_title_func = (LensPageTitleFunc) g_value_get_pointer (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_overview_page_class_init (LensOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_overview_page_constructed;
  object_class->dispose = lens_overview_page_dispose;
  object_class->finalize = lens_overview_page_finalize;
  object_class->get_property = lens_overview_page_get_property;
  object_class->set_property = lens_overview_page_set_property;

  widget_class->map = lens_overview_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LENS_TYPE_PORTAL_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE_TITLE_FUNC] =
    g_param_spec_pointer ("page-title-func", NULL, NULL,
                          (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensoverviewpage");
}

static void
lens_overview_page_init (LensOverviewPage *self)
{
  self->cards = g_ptr_array_new ();
  self->was_settled = TRUE;
}

GtkWidget *
lens_overview_page_new (LensPageTitleFunc page_title_func)
{
  /* A function pointer in a gpointer property: fine on every platform GTK runs on. */
  return g_object_new (LENS_TYPE_OVERVIEW_PAGE,
                       "page-title-func", (gpointer) page_title_func,
                       NULL);
}

GPtrArray *
lens_overview_page_get_cards (LensOverviewPage *self)
{
  g_return_val_if_fail (LENS_IS_OVERVIEW_PAGE (self), NULL);

  return self->cards;
}
