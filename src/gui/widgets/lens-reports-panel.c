/* lens-reports-panel.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-reports-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-catalog.h"
#include "lens-content-widgets.h"
#include "lens-describe.h"
#include "lens-reports-panel.h"

struct _LensReportsPanel
{
  GtkWidget  parent_instance;

  char      *page_id;
  GPtrArray *passages;  /* borrowed const LensPassage *, from the shipped reports */

  /* Template */
  GtkWidget *box;
  GtkBox    *passages_box;
};

G_DEFINE_FINAL_TYPE (LensReportsPanel, lens_reports_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_unique (GPtrArray         *passages,
            const LensPassage *passage)
{
  if (!g_ptr_array_find (passages, passage, NULL))
    g_ptr_array_add (passages, (gpointer) passage);
}

/* The page's own passages, then those tied to its charts, each once. */
static GPtrArray *
collect_passages (const char *page_id)
{
  LensReports *reports = lens_shipped_reports ();
  GPtrArray *passages = g_ptr_array_new ();
  g_autoptr(GPtrArray) for_page = NULL;
  g_autoptr(GPtrArray) charts = NULL;

  if (reports == NULL || page_id == NULL)
    return passages;

  for_page = lens_reports_get_passages_for_page (reports, page_id);
  for (guint i = 0; i < for_page->len; i++)
    add_unique (passages, g_ptr_array_index (for_page, i));

  charts = lens_catalog_get_charts_for_page (lens_catalog_get_default (), page_id);
  for (guint i = 0; charts != NULL && i < charts->len; i++)
    {
      LensChartSpec *spec = g_ptr_array_index (charts, i);
      g_autoptr(GPtrArray) for_chart = lens_reports_get_passages_for_chart (reports, spec->id);

      for (guint j = 0; j < for_chart->len; j++)
        add_unique (passages, g_ptr_array_index (for_chart, j));
    }

  return passages;
}

static char *
describe_origin (const LensPassage *passage)
{
  if (passage->from_report != NULL)
    {
      const LensReport *report = lens_reports_lookup_report (lens_shipped_reports (),
                                                             passage->from_report);

      if (report != NULL)
        /* Translators: where a passage comes from: the report's title, then whose
         * perspective it gives ("Community", "CPD members", "National") */
        return g_strdup_printf (_("From “%s” (%s perspective)"), report->title,
                                lens_perspective_describe (report->perspective));
    }

  if (passage->from_monitoring_report != 0)
    {
      g_autofree char *name = lens_describe_report_name (passage->from_monitoring_report);

      /* Translators: where a passage comes from; %s is a report's short name, "IMR-11" */
      return g_strdup_printf (_("From the consent-decree monitor’s report %s"), name);
    }

  return NULL;
}

static void
report_clicked_cb (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.page", "s", "reports");
}

static GtkWidget *
create_passage (const LensPassage *passage)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *links = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *origin = describe_origin (passage);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "passage");

  label = lens_wrap_label_new (passage->text, "passage-text");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);

  if (origin != NULL)
    gtk_box_append (GTK_BOX (box), lens_wrap_label_new (origin, "caption-heading"));

  label = lens_wrap_label_new (lens_confidence_describe (passage->confidence), "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (links, "passage-links");
  gtk_box_append (GTK_BOX (links), lens_source_link_new (&passage->source));
  if (passage->from_report != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (_("About the Report"));

      gtk_widget_add_css_class (button, "flat");
      /* as tall as the link beside it: GTK sorts Tab stops by where their middles are, and a
       * shorter button centred beside a two-line link came before it */
      g_signal_connect (button, "clicked", G_CALLBACK (report_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (links), button);
    }
  gtk_box_append (GTK_BOX (box), links);

  return box;
}

static void
rebuild (LensReportsPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages_box))) != NULL)
    gtk_box_remove (self->passages_box, child);

  g_clear_pointer (&self->passages, g_ptr_array_unref);
  self->passages = collect_passages (self->page_id);

  for (guint i = 0; i < self->passages->len; i++)
    gtk_box_append (self->passages_box, create_passage (g_ptr_array_index (self->passages, i)));

  gtk_widget_set_visible (GTK_WIDGET (self), self->passages->len > 0);
}

static void
lens_reports_panel_dispose (GObject *object)
{
  LensReportsPanel *self = LENS_REPORTS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_REPORTS_PANEL);

  G_OBJECT_CLASS (lens_reports_panel_parent_class)->dispose (object);
}

static void
lens_reports_panel_finalize (GObject *object)
{
  LensReportsPanel *self = LENS_REPORTS_PANEL (object);

  g_clear_pointer (&self->passages, g_ptr_array_unref);
  g_clear_pointer (&self->page_id, g_free);

  G_OBJECT_CLASS (lens_reports_panel_parent_class)->finalize (object);
}

static void
lens_reports_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LensReportsPanel *self = LENS_REPORTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PAGE_ID:
      g_value_set_string (value, self->page_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_reports_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LensReportsPanel *self = LENS_REPORTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PAGE_ID:
      lens_reports_panel_set_page_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_reports_panel_class_init (LensReportsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_reports_panel_dispose;
  object_class->finalize = lens_reports_panel_finalize;
  object_class->get_property = lens_reports_panel_get_property;
  object_class->set_property = lens_reports_panel_set_property;

  properties[PROP_PAGE_ID] =
    g_param_spec_string ("page-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-reports-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LensReportsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, LensReportsPanel, passages_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensreportspanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_REGION);
}

static void
lens_reports_panel_init (LensReportsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the Reports Say"),
                                  -1);
  self->passages = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lens_reports_panel_new (const char *page_id)
{
  return g_object_new (LENS_TYPE_REPORTS_PANEL,
                       "page-id", page_id,
                       NULL);
}

const char *
lens_reports_panel_get_page_id (LensReportsPanel *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS_PANEL (self), NULL);

  return self->page_id;
}

void
lens_reports_panel_set_page_id (LensReportsPanel *self,
                                const char       *page_id)
{
  g_return_if_fail (LENS_IS_REPORTS_PANEL (self));

  if (g_strcmp0 (self->page_id, page_id) == 0)
    return;

  g_free (self->page_id);
  self->page_id = g_strdup (page_id);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_ID]);
}

GStrv
lens_reports_panel_dup_passage_ids (LensReportsPanel *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LENS_IS_REPORTS_PANEL (self), NULL);

  for (guint i = 0; i < self->passages->len; i++)
    g_strv_builder_add (builder, ((const LensPassage *) g_ptr_array_index (self->passages, i))->id);

  return g_strv_builder_end (builder);
}
