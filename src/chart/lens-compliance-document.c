/* lens-compliance-document.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compliance-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-compliance-document.h"
#include "lens-describe.h"

/* The order of the drawn stack (lens_describe_compliance_series()), then "any". */
static const LensComplianceLevel column_order[] = {
  LENS_COMPLIANCE_FULL,
  LENS_COMPLIANCE_SECONDARY,
  LENS_COMPLIANCE_PRELIMINARY,
  LENS_COMPLIANCE_ANY,
};

const char *
lens_compliance_chart_get_title (void)
{
  return _("Compliance by Monitoring Report");
}

/* Plain C-locale numbers, as in the rest of the CSV, so a spreadsheet reads them anywhere. */
static char *
plain_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);

  return g_strdup (buf);
}

static const LensMonitoringReport *
report_for_label (LensConsentDecree *decree,
                  LensSeries        *series,
                  guint              label)
{
  /* the series has one label per report, in report order */
  if (label >= lens_consent_decree_get_n_reports (decree) ||
      label >= lens_series_get_n_labels (series))
    return NULL;

  return lens_consent_decree_get_report (decree, label);
}

static void
add_column (LensChartDocument *document,
            const char        *name,
            GPtrArray         *cells)
{
  g_ptr_array_add (cells, NULL);
  lens_chart_document_add_text_column (document, name, (const char * const *) cells->pdata);
}

static void
add_figure_columns (LensChartDocument *document,
                    LensConsentDecree *decree,
                    LensSeries        *series,
                    LensComplianceLevel level)
{
  const char *level_name = lens_describe_level (decree, level);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *value_name = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *url_name = NULL;
  g_autofree char *outlet_name = NULL;

  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      const LensMonitoringReport *report = report_for_label (decree, series, i);
      const LensFigure *figure = report != NULL ? lens_monitoring_report_get_figure (report, level) : NULL;

      if (figure == NULL)
        {
          g_ptr_array_add (values, g_strdup (""));
          g_ptr_array_add (units, g_strdup (""));
          g_ptr_array_add (urls, g_strdup (""));
          g_ptr_array_add (outlets, g_strdup (""));
          continue;
        }

      g_ptr_array_add (values, plain_number (figure->value));
      g_ptr_array_add (units, g_strdup (figure->unit == LENS_FIGURE_UNIT_PERCENT
                                        /* Translators: the unit of a published consent-decree figure, in a CSV cell */
                                        ? C_("figure unit", "percent")
                                        : C_("figure unit", "paragraphs")));
      g_ptr_array_add (urls, g_strdup (figure->source.url != NULL ? figure->source.url : ""));
      g_ptr_array_add (outlets, g_strdup (figure->source.outlet != NULL ? figure->source.outlet : ""));
    }

  /* Translators: CSV column headings; %s is a compliance level, "Full" */
  value_name = g_strdup_printf (_("%s, as published"), level_name);
  unit_name = g_strdup_printf (_("%s, unit"), level_name);
  url_name = g_strdup_printf (_("%s, source"), level_name);
  outlet_name = g_strdup_printf (_("%s, published by"), level_name);

  /* the source right after the figure it stands for */
  add_column (document, value_name, values);
  add_column (document, unit_name, units);
  add_column (document, url_name, urls);
  add_column (document, outlet_name, outlets);
}

static char **
dup_footer (LensConsentDecree *decree,
            LensSeries        *series)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GArray) bars = lens_consent_decree_get_compliance_bars (decree);
  g_autoptr(GString) derived = g_string_new (NULL);
  const LensSourcedText *change;
  guint first_monitorable = 0;

  g_strv_builder_add (lines, _("Source: the Independent Monitoring Team’s reports to the court "
                               "(cpdmonitoringteam.com), as published by news outlets and advocacy "
                               "groups. The CSV export gives each figure with its source."));

  change = lens_consent_decree_get_denominator_change (decree, &first_monitorable);
  if (change != NULL)
    {
      g_autofree char *name = lens_describe_report_name (first_monitorable);
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("The dashed line before %s: %s"), name, change->text);
      g_strv_builder_add (lines, text);
    }

  for (guint b = 0; b < bars->len; b++)
    {
      const LensComplianceBar *bar = &g_array_index (bars, LensComplianceBar, b);
      gboolean any = FALSE;

      /* only the levels drawn: "any" is not a part of the stack */
      for (guint k = 0; k < LENS_N_COMPLIANCE_LEVELS; k++)
        any |= k != LENS_COMPLIANCE_ANY && bar->derived[k] && isfinite (bar->percent[k]);
      if (any)
        {
          g_autofree char *name = lens_describe_report_name (bar->report);

          if (derived->len > 0)
            /* Translators: the separator of a list of reports, "IMR-4, IMR-5" */
            g_string_append (derived, _(", "));
          g_string_append (derived, name);
        }
    }
  if (derived->len > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: under the exported compliance chart; %s is a list of reports, "IMR-5" */
      text = g_strdup_printf (_("The shares for %s were worked out by Reform Lens from the published "
                                "counts."), derived->str);
      g_strv_builder_add (lines, text);
    }

  return g_strv_builder_end (lines);
}

LensChartDocument *
lens_compliance_document_new (LensConsentDecree *decree)
{
  g_autoptr(LensSeries) series = NULL;
  g_auto(GStrv) footer = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) denominators = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) column_names = NULL;
  LensChartDocument *document;

  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (decree), NULL);

  series = lens_describe_compliance_series (decree);
  document = lens_chart_document_new (series, LENS_PLOT_STACKED_BAR);
  lens_chart_document_set_title (document, lens_compliance_chart_get_title ());
  lens_chart_document_set_empty_message (document, _("No compliance figures"));

  footer = dup_footer (decree, series);
  lens_chart_document_set_footer (document, (const char * const *) footer);

  /* Translators: the heading of the first column of the exported compliance table */
  g_strv_builder_add (names, _("Report"));
  for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
    {
      g_autofree char *name = NULL;

      /* Translators: a CSV column heading; %s is a compliance level, "Full": the share the
       * chart draws, in percent */
      name = g_strdup_printf (_("%s, share drawn (%%)"), lens_series_get_vector_name (series, v));
      g_strv_builder_add (names, name);
    }
  column_names = g_strv_builder_end (names);
  lens_chart_document_set_column_names (document, (const char * const *) column_names);

  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      const LensMonitoringReport *report = report_for_label (decree, series, i);

      g_ptr_array_add (periods, report != NULL ? lens_describe_report_period (report) : g_strdup (""));
      g_ptr_array_add (denominators,
                       report != NULL && report->denominator.kind != LENS_DENOMINATOR_NOT_PUBLISHED &&
                       report->denominator.count > 0
                       ? plain_number (report->denominator.count) : g_strdup (""));
    }
  /* Translators: a CSV column heading: the months a monitoring report covers */
  add_column (document, _("Period"), periods);
  /* Translators: a CSV column heading: the number of paragraphs the shares are of */
  add_column (document, _("Shares of (paragraphs)"), denominators);

  for (guint k = 0; k < G_N_ELEMENTS (column_order); k++)
    add_figure_columns (document, decree, series, column_order[k]);

  return document;
}
