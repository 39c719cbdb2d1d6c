/* lens-get-involved-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-get-involved-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-content-widgets.h"
#include "lens-get-involved-page.h"

struct _LensGetInvolvedPage
{
  LensPage             parent_instance;

  /* Template */
  GtkWidget           *scroller;
  AdwPreferencesGroup *concern_group;
  AdwPreferencesGroup *district_group;
  AdwPreferencesGroup *voice_group;
  AdwPreferencesGroup *organizations_group;
  AdwPreferencesGroup *learn_group;
};

G_DEFINE_FINAL_TYPE (LensGetInvolvedPage, lens_get_involved_page, LENS_TYPE_PAGE)

/* Which group an item of reports.json goes in; anything new goes under "Learn more". */
static AdwPreferencesGroup *
group_for_item (LensGetInvolvedPage *self,
                const char          *id)
{
  static const char * const concern[] = { "community-concern", "chicago-311", "copa", "copa-jurisdiction", NULL };
  static const char * const district[] = { "police-district", NULL };
  static const char * const voice[] = { "district-councils", "ccpsa", NULL };

  if (g_strv_contains (concern, id))
    return self->concern_group;
  if (g_strv_contains (district, id))
    return self->district_group;
  if (g_strv_contains (voice, id))
    return self->voice_group;

  return self->learn_group;
}

static void
fill (LensGetInvolvedPage *self)
{
  LensReports *reports = lens_shipped_reports ();
  const char * const *organizations;
  const LensSource *source;

  if (reports == NULL)
    return;

  for (guint i = 0; i < lens_reports_get_n_get_involved (reports); i++)
    {
      const LensGetInvolvedItem *item = lens_reports_get_get_involved (reports, i);
      g_autofree char *host = lens_url_dup_host (item->url);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* where the link goes, so that nobody has to open it to find out */
      subtitle = g_strjoin ("\n", item->text, item->contact != NULL ? item->contact : host,
                            item->contact != NULL ? host : NULL, NULL);
      row = lens_link_row_new (item->title, subtitle, item->url, NULL);
      gtk_widget_set_name (row, item->id);
      adw_preferences_group_add (group_for_item (self, item->id), row);
    }

  organizations = lens_reports_get_organizations (reports);
  for (guint i = 0; organizations != NULL && organizations[i] != NULL; i++)
    adw_preferences_group_add (self->organizations_group, lens_text_row_new (organizations[i], NULL));

  source = lens_reports_get_engagement_source (reports);
  if (source != NULL && source->url != NULL)
    {
      g_autofree char *outlet = lens_source_describe (source);

      adw_preferences_group_set_header_suffix (self->organizations_group,
                                               lens_link_icon_new (source->url, outlet));
    }
}

static void
lens_get_involved_page_dispose (GObject *object)
{
  LensGetInvolvedPage *self = LENS_GET_INVOLVED_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_GET_INVOLVED_PAGE);

  G_OBJECT_CLASS (lens_get_involved_page_parent_class)->dispose (object);
}

static void
lens_get_involved_page_class_init (LensGetInvolvedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_get_involved_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-get-involved-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LensGetInvolvedPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LensGetInvolvedPage, concern_group);
  gtk_widget_class_bind_template_child (widget_class, LensGetInvolvedPage, district_group);
  gtk_widget_class_bind_template_child (widget_class, LensGetInvolvedPage, voice_group);
  gtk_widget_class_bind_template_child (widget_class, LensGetInvolvedPage, organizations_group);
  gtk_widget_class_bind_template_child (widget_class, LensGetInvolvedPage, learn_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensgetinvolvedpage");
}

static void
lens_get_involved_page_init (LensGetInvolvedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill (self);
}

GtkWidget *
lens_get_involved_page_new (void)
{
  return g_object_new (LENS_TYPE_GET_INVOLVED_PAGE, NULL);
}
