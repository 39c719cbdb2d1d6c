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
#include "lens-district-card.h"
#include "lens-headline-card.h"
#include "lens-overview-page.h"

struct _LensOverviewPage
{
  LensPage           parent_instance;

  LensPageTitleFunc  page_title_func;
  GtkLabel          *area_label;
  GPtrArray         *headline_cards;  /* LensHeadlineCard, owned by the page */
  GPtrArray         *district_cards;  /* LensDistrictCard */
};

G_DEFINE_FINAL_TYPE (LensOverviewPage, lens_overview_page, LENS_TYPE_PAGE)

enum {
  PROP_0,
  PROP_PAGE_TITLE_FUNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lens_overview_page_filters_changed (LensPage    *page,
                                    LensFilters *old_filters)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (page);
  LensFilters *filters = lens_page_get_filters (page);

  if (filters != NULL)
    {
      g_autofree char *area = lens_filters_dup_district_label (filters);

      gtk_label_set_label (self->area_label, area);
    }

  /* Headlines have their own periods and no comparison: only the district matters. */
  return old_filters == NULL || filters == NULL ||
         lens_filters_get_district (old_filters) != lens_filters_get_district (filters);
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
  GtkWidget *box, *grid, *label;

  G_OBJECT_CLASS (lens_overview_page_parent_class)->constructed (object);

  box = lens_page_add_column (LENS_PAGE (self), 1100, 800);

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
      gtk_box_append (GTK_BOX (grid), card);
      g_ptr_array_add (self->headline_cards, card);
      lens_page_add_loadable (LENS_PAGE (self), LENS_LOADABLE (card));
    }

  /* The district statistics: where it stands this year, and the last 28 days (CompStat) */
  if (self->page_title_func != NULL && self->page_title_func ("crime") != NULL)
    {
      static const LensDistrictCardKind kinds[] = { LENS_DISTRICT_CARD_STANDING, LENS_DISTRICT_CARD_LAST_28 };

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          GtkWidget *card = lens_district_card_new (kinds[i], self->page_title_func ("crime"));

          gtk_box_append (GTK_BOX (grid), card);
          g_ptr_array_add (self->district_cards, card);
          lens_page_add_loadable (LENS_PAGE (self), LENS_LOADABLE (card));
        }
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
lens_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE_TITLE_FUNC:
      self->page_title_func = (LensPageTitleFunc) g_value_get_pointer (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_overview_page_finalize (GObject *object)
{
  LensOverviewPage *self = LENS_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->headline_cards, g_ptr_array_unref);
  g_clear_pointer (&self->district_cards, g_ptr_array_unref);

  G_OBJECT_CLASS (lens_overview_page_parent_class)->finalize (object);
}

static void
lens_overview_page_class_init (LensOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LensPageClass *page_class = LENS_PAGE_CLASS (klass);

  object_class->constructed = lens_overview_page_constructed;
  object_class->finalize = lens_overview_page_finalize;
  object_class->set_property = lens_overview_page_set_property;

  page_class->filters_changed = lens_overview_page_filters_changed;

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
  self->headline_cards = g_ptr_array_new ();
  self->district_cards = g_ptr_array_new ();
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

  return self->headline_cards;
}

GPtrArray *
lens_overview_page_get_district_cards (LensOverviewPage *self)
{
  g_return_val_if_fail (LENS_IS_OVERVIEW_PAGE (self), NULL);

  return self->district_cards;
}
