/* lens-compliance-chart.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compliance-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-compliance-chart.h"
#include "lens-content-widgets.h"
#include "lens-describe.h"
#include "lens-plot.h"

struct _LensComplianceChart
{
  GtkWidget   parent_instance;

  LensSeries *series;
  GtkWidget  *area;
};

G_DEFINE_FINAL_TYPE (LensComplianceChart, lens_compliance_chart, GTK_TYPE_WIDGET)

static void
get_plot_style (GtkWidget     *widget,
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

  style->foreground[0] = style->grid[0] = color.red;
  style->foreground[1] = style->grid[1] = color.green;
  style->foreground[2] = style->grid[2] = color.blue;
  style->foreground[3] = color.alpha;
  style->grid[3] = 0.15;
  /* the card paints the background */
  style->background[3] = 0.0;
}

static void
draw_func (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LensComplianceChart *self = user_data;
  g_autofree char *font_family = NULL;
  g_autofree char *font_name = NULL;
  LensPlotStyle style;

  if (self->series == NULL)
    return;

  get_plot_style (GTK_WIDGET (area), &style);

  /* the UI font, so that the chart reads like the rest of the window */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (area)), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);

      if (pango_font_description_get_family (desc) != NULL)
        font_family = g_strdup (pango_font_description_get_family (desc));
      pango_font_description_free (desc);
    }
  style.font_family = font_family;

  lens_plot_draw (self->series, LENS_PLOT_STACKED_BAR, &style, NULL, NULL,
                  _("No compliance figures"), cr, width, height);
}

static void
dark_changed_cb (LensComplianceChart *self)
{
  gtk_widget_queue_draw (self->area);
}

static void
lens_compliance_chart_dispose (GObject *object)
{
  LensComplianceChart *self = LENS_COMPLIANCE_CHART (object);

  g_clear_pointer (&self->area, gtk_widget_unparent);
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
  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_func, self, NULL);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
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

  description = self->series != NULL ? lens_describe_compliance (self->series) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compliance by monitoring report"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (self->area);
}

LensSeries *
lens_compliance_chart_get_series (LensComplianceChart *self)
{
  g_return_val_if_fail (LENS_IS_COMPLIANCE_CHART (self), NULL);

  return self->series;
}
