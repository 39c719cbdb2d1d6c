/* lens-compliance-chart.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compliance-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-compliance-chart.h"
#include "lens-describe.h"
#include "lens-plot-area.h"

struct _LensComplianceChart
{
  GtkWidget     parent_instance;

  LensSeries   *series;
  LensPlotArea *area;
};

G_DEFINE_FINAL_TYPE (LensComplianceChart, lens_compliance_chart, GTK_TYPE_WIDGET)

static void
lens_compliance_chart_dispose (GObject *object)
{
  LensComplianceChart *self = LENS_COMPLIANCE_CHART (object);

  if (self->area != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->area));
      self->area = NULL;
    }
  g_clear_pointer (&self->series, lens_series_unref);

  G_OBJECT_CLASS (lens_compliance_chart_parent_class)->dispose (object);
}

static void
lens_compliance_chart_class_init (LensComplianceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_compliance_chart_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lenscompliancechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lens_compliance_chart_init (LensComplianceChart *self)
{
  self->area = LENS_PLOT_AREA (lens_plot_area_new ());
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), 320);
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  lens_plot_area_set_title (self->area, _("Compliance by monitoring report"));
  lens_plot_area_set_empty_message (self->area, _("No compliance figures"));
  gtk_widget_set_parent (GTK_WIDGET (self->area), GTK_WIDGET (self));
}

GtkWidget *
lens_compliance_chart_new (void)
{
  return g_object_new (LENS_TYPE_COMPLIANCE_CHART, NULL);
}

void
lens_compliance_chart_set_decree (LensComplianceChart *self,
                                  LensConsentDecree   *decree)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LENS_IS_COMPLIANCE_CHART (self));
  g_return_if_fail (decree == NULL || LENS_IS_CONSENT_DECREE (decree));

  g_clear_pointer (&self->series, lens_series_unref);
  if (decree != NULL)
    self->series = lens_describe_compliance_series (decree);

  /* the whole history in words; the plot area reads out the report it is focused on */
  description = self->series != NULL ? lens_describe_compliance (self->series) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compliance by monitoring report"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
  lens_plot_area_set_series (self->area, self->series, LENS_PLOT_STACKED_BAR);
}

LensSeries *
lens_compliance_chart_get_series (LensComplianceChart *self)
{
  g_return_val_if_fail (LENS_IS_COMPLIANCE_CHART (self), NULL);

  return self->series;
}
