/* lens-compliance-chart.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compliance-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-compliance-chart.h"
#include "lens-content-widgets.h"
#include "lens-format.h"
#include "lens-plot.h"

struct _LensComplianceChart
{
  GtkWidget   parent_instance;

  LensSeries *series;
  GtkWidget  *area;
};

G_DEFINE_FINAL_TYPE (LensComplianceChart, lens_compliance_chart, GTK_TYPE_WIDGET)

/* Bottom to top: what is done first, then what is on its way. */
static const LensComplianceLevel stack_order[] = {
  LENS_COMPLIANCE_FULL,
  LENS_COMPLIANCE_SECONDARY,
  LENS_COMPLIANCE_PRELIMINARY,
};

LensSeries *
lens_compliance_series_new (LensConsentDecree *decree)
{
  g_autoptr(GArray) bars = NULL;
  LensSeries *series;
  guint first_monitorable = 0;
  guint monitorable = 0;
  guint divider = 0;

  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (decree), NULL);

  series = lens_series_new ();
  lens_series_set_percent (series, TRUE);
  lens_series_set_unit (series, "%");

  for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
    {
      const LensLevelMeaning *level = lens_consent_decree_get_level_meaning (decree, stack_order[k]);

      lens_series_add_vector (series, level != NULL ? level->name : lens_compliance_level_to_key (stack_order[k]));
    }

  bars = lens_consent_decree_get_compliance_bars (decree);
  lens_consent_decree_get_denominator_change (decree, &first_monitorable);
  lens_consent_decree_get_monitorable_paragraphs (decree, &monitorable);

  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);
      g_autofree char *name = lens_monitoring_report_name (report->number);
      guint label = lens_series_add_label (series, name);

      if (report->number == first_monitorable && label > 0)
        divider = label;

      for (guint b = 0; b < bars->len; b++)
        {
          const LensComplianceBar *bar = &g_array_index (bars, LensComplianceBar, b);

          if (bar->report != report->number)
            continue;

          for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
            lens_series_set_value (series, k, label, bar->percent[stack_order[k]]);
        }
    }

  if (divider > 0)
    {
      g_autofree char *after = NULL;

      /* Translators: above the compliance chart, right of the line where the monitor started
       * counting against all monitorable paragraphs; %u is their number (552) */
      after = g_strdup_printf (_("Of all %u monitorable paragraphs"), monitorable);
      lens_series_set_divider (series, divider,
                               /* Translators: above the compliance chart, left of that line */
                               _("Of the paragraphs assessed"), after);
    }

  return series;
}

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

/* The chart as a sentence per report, for screen readers. */
static char *
describe_series (LensSeries *series)
{
  GString *text = g_string_new (_("Compliance by monitoring report."));

  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      gboolean any = FALSE;

      g_string_append_c (text, ' ');
      g_string_append (text, lens_series_get_label (series, i));
      g_string_append (text, ": ");
      for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
        {
          double value = lens_series_get_value (series, v, i);
          g_autofree char *percent = NULL;

          if (!isfinite (value))
            continue;
          percent = lens_format_percent (value, value == floor (value) ? 0 : 1);
          if (any)
            g_string_append (text, ", ");
          /* Translators: a level and its share, "Full 16%" */
          g_string_append_printf (text, C_("level share", "%s %s"),
                                  lens_series_get_vector_name (series, v), percent);
          any = TRUE;
        }
      if (!any)
        g_string_append (text, _("not published"));
      g_string_append_c (text, '.');
    }

  return g_string_free (text, FALSE);
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
    self->series = lens_compliance_series_new (decree);

  description = self->series != NULL ? describe_series (self->series) : NULL;
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
