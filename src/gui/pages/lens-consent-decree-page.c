/* lens-consent-decree-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-consent-decree-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-accessible.h"
#include "lens-chart-export-dialog.h"
#include "lens-compliance-chart.h"
#include "lens-compliance-document.h"
#include "lens-consent-decree-page.h"
#include "lens-content-widgets.h"
#include "lens-describe.h"
#include "lens-format.h"
#include "lens-reading-box.h"
#include "lens-reports-panel.h"
#include "lens-split-layout.h"

struct _LensConsentDecreePage
{
  LensPage              parent_instance;

  /* Template */
  GtkWidget            *scroller;
  LensComplianceChart  *chart;
  GtkLabel             *divider_label;
  GtkBox               *divider_links;
  AdwPreferencesGroup  *figures_group;
  AdwPreferencesGroup  *levels_group;
  AdwPreferencesGroup  *topics_group;
  AdwPreferencesGroup  *dates_group;
  AdwPreferencesGroup  *sources_group;
  LensReportsPanel     *panel;
};

G_DEFINE_FINAL_TYPE (LensConsentDecreePage, lens_consent_decree_page, LENS_TYPE_PAGE)

/* Figures */

/* Full first, as on the chart, then the total. */
static const LensComplianceLevel figure_order[] = {
  LENS_COMPLIANCE_FULL,
  LENS_COMPLIANCE_SECONDARY,
  LENS_COMPLIANCE_PRELIMINARY,
  LENS_COMPLIANCE_ANY,
};

static char *
summarize_report (LensConsentDecree          *decree,
                  const LensMonitoringReport *report,
                  const LensComplianceBar    *bar)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (figure_order); k++)
    {
      const LensFigure *figure = lens_monitoring_report_get_figure (report, figure_order[k]);
      g_autofree char *value = NULL;

      if (figure == NULL)
        continue;

      value = lens_describe_figure_with_share (figure, bar != NULL ? bar->percent[figure_order[k]] : NAN);
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a level and its figure, "Full 16%" */
      g_string_append_printf (text, C_("level figure", "%s %s"),
                              lens_describe_level (decree, figure_order[k]), value);
    }

  if (text->len == 0)
    return g_strdup (_("No figures by level were published"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_denominator (const LensDenominator *denominator)
{
  g_autofree char *count = NULL;

  switch (denominator->kind)
    {
    case LENS_DENOMINATOR_ASSESSED:
      count = lens_format_count (denominator->count);
      /* Translators: what a report's shares are measured against */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Measured against the %s paragraph assessed in the period",
                                           "Measured against the %s paragraphs assessed in the period",
                                           denominator->count), count);
    case LENS_DENOMINATOR_MONITORABLE:
      count = lens_format_count (denominator->count);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Measured against all %s monitorable paragraph",
                                           "Measured against all %s monitorable paragraphs",
                                           denominator->count), count);
    case LENS_DENOMINATOR_NOT_PUBLISHED:
    default:
      return g_strdup (_("What the figures were measured against was not published, or the sources disagree"));
    }
}

static void
add_row (GtkWidget *expander,
         GtkWidget *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
sourced_row (const char       *title,
             const char       *subtitle,
             const LensSource *source)
{
  return lens_source_row_new (title, subtitle, source);
}

static GtkWidget *
create_report_row (LensConsentDecree          *decree,
                   const LensMonitoringReport *report,
                   const LensComplianceBar    *bar)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *name = lens_describe_report_name (report->number);
  g_autofree char *period = lens_describe_report_period (report);
  g_autofree char *title = NULL;
  g_autofree char *summary = summarize_report (decree, report, bar);
  g_autofree char *denominator = describe_denominator (&report->denominator);

  /* Translators: a monitoring report and the months it covers, "IMR-11 · Jul 2024 – Dec 2024" */
  title = g_strdup_printf (_("%s · %s"), name, period);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  /* libadwaita 1.2 leaves the row a screen reader lands on without a name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  lens_accessible_hide_images (expander);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
  gtk_widget_add_css_class (expander, "report-row");

  if (lens_content_date_is_set (&report->released))
    {
      g_autofree char *date = lens_describe_content_date (&report->released);
      g_autofree char *when = NULL;

      if (report->release_kind == LENS_RELEASE_FILED)
        /* Translators: %s is a date */
        when = g_strdup_printf (_("Filed with the court on %s"), date);
      else
        /* Translators: %s is a date */
        when = g_strdup_printf (_("Made public on %s"), date);
      add_row (expander, sourced_row (when, lens_confidence_describe (report->release_confidence),
                                      &report->release_source));
    }
  else
    add_row (expander, lens_text_row_new (_("Release date not found"), NULL));

  add_row (expander, sourced_row (denominator,
                                  report->denominator.kind != LENS_DENOMINATOR_NOT_PUBLISHED
                                    ? lens_confidence_describe (report->denominator.confidence) : NULL,
                                  report->denominator.kind != LENS_DENOMINATOR_NOT_PUBLISHED
                                    ? &report->denominator.source : NULL));

  for (guint k = 0; k < G_N_ELEMENTS (figure_order); k++)
    {
      const LensFigure *figure = lens_monitoring_report_get_figure (report, figure_order[k]);
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;
      g_autofree char *confidence = NULL;

      if (figure == NULL)
        continue;

      value = lens_describe_figure_with_share (figure, bar != NULL ? bar->percent[figure_order[k]] : NAN);
      /* Translators: a level and its figure in the list of sources, "Full: 16%" */
      line = g_strdup_printf (_("%s: %s"), lens_describe_level (decree, figure_order[k]), value);
      if (bar != NULL && bar->derived[figure_order[k]])
        /* Translators: the confidence of a published count, then how its share was found */
        confidence = g_strdup_printf (_("%s. The share was worked out by Reform Lens from the published count."),
                                      lens_confidence_describe (figure->confidence));
      else
        confidence = g_strdup (lens_confidence_describe (figure->confidence));
      add_row (expander, sourced_row (line, confidence, &figure->source));
    }

  if (report->note != NULL)
    add_row (expander, lens_text_row_new (report->note, NULL));

  for (guint i = 0; report->sources != NULL && report->sources[i] != NULL; i++)
    {
      LensSource source = { (char *) report->sources[i], NULL, FALSE };

      add_row (expander, sourced_row (_("Further source"), NULL, &source));
    }

  for (guint i = 0; report->highlights != NULL && i < report->highlights->len; i++)
    {
      const LensSourcedText *highlight = g_ptr_array_index (report->highlights, i);

      add_row (expander, sourced_row (highlight->text, lens_confidence_describe (highlight->confidence),
                                      &highlight->source));
    }

  return expander;
}

/* Topic areas */

static char *
describe_finding_reports (const LensTopicFinding *finding)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (finding->reports == NULL || finding->reports->len == 0)
    return g_strdup (_("Court finding"));

  for (guint i = 0; i < finding->reports->len; i++)
    {
      g_autofree char *name = lens_describe_report_name (g_array_index (finding->reports, guint, i));

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
create_topic_row (const LensTopicArea *area)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n = area->findings != NULL ? area->findings->len : 0;

  /* Translators: a numbered topic area of the decree, "4. Use of Force" */
  title = g_strdup_printf (_("%u. %s"), area->number, area->name);
  if (n > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  else
    subtitle = g_strdup (_("No finding in our sources"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  /* libadwaita 1.2 leaves the row a screen reader lands on without a name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  lens_accessible_hide_images (expander);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  gtk_widget_add_css_class (expander, "topic-row");

  if (area->about != NULL)
    {
      g_autofree char *about = NULL;

      if (lens_content_date_is_set (&area->added))
        {
          /* The sentence names a month ("Added in June 2023"), so the day is left out. */
          LensContentDate month = { area->added.year, area->added.month, 0 };
          g_autofree char *added = lens_describe_content_date (&month);

          /* Translators: a topic area's description, then the month it was added to the
           * decree: "…. Added in June 2023." The month and year come from the "month only"
           * date format. */
          about = g_strdup_printf (_("%s Added in %s."), area->about, added);
        }
      add_row (expander, sourced_row (about != NULL ? about : area->about,
                                      lens_confidence_describe (area->confidence), &area->source));
    }

  for (guint i = 0; i < n; i++)
    {
      const LensTopicFinding *finding = g_ptr_array_index (area->findings, i);
      g_autofree char *reports = describe_finding_reports (finding);
      g_autofree char *subtitle_line = NULL;

      /* Translators: which reports a finding is from, then how sure we are of it:
       * "IMR-4, IMR-5 · From one news or advocacy source" */
      subtitle_line = g_strdup_printf (_("%s · %s"), reports, lens_confidence_describe (finding->confidence));
      add_row (expander, sourced_row (finding->text, subtitle_line, &finding->source));
    }

  if (area->note != NULL)
    add_row (expander, lens_text_row_new (area->note, NULL));

  return expander;
}

/* Construction */

static void
fill (LensConsentDecreePage *self)
{
  LensConsentDecree *decree = lens_shipped_consent_decree ();
  g_autoptr(GArray) bars = NULL;
  const LensSourcedText *change;
  guint first_monitorable = 0;
  static const LensComplianceLevel meaning_order[] = {
    LENS_COMPLIANCE_PRELIMINARY, LENS_COMPLIANCE_SECONDARY, LENS_COMPLIANCE_FULL, LENS_COMPLIANCE_ANY,
  };
  static const struct { const char *title; const char *url; } further[] = {
    { N_("Independent Monitoring Team: reports"), "https://cpdmonitoringteam.com/" },
    { N_("City of Chicago: the consent decree"), "https://chicago.gov/city/en/sites/police-reform/home/consent-decree.html" },
  };

  if (decree == NULL)
    return;

  lens_compliance_chart_set_decree (self->chart, decree);

  change = lens_consent_decree_get_denominator_change (decree, &first_monitorable);
  if (change != NULL)
    {
      g_autofree char *name = lens_describe_report_name (first_monitorable);
      g_autofree char *text = NULL;

      /* Translators: under the compliance chart; %s is a report, "IMR-7", then the
       * explanation of the change */
      text = g_strdup_printf (_("The dashed line before %s: %s"), name, change->text);
      gtk_label_set_label (self->divider_label, text);
      gtk_box_append (self->divider_links, lens_source_link_new (&change->source));
    }

  bars = lens_consent_decree_get_compliance_bars (decree);
  /* newest first: that is what people look for */
  for (guint i = lens_consent_decree_get_n_reports (decree); i > 0; i--)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i - 1);

      adw_preferences_group_add (self->figures_group,
                                 create_report_row (decree, report, lens_compliance_bars_find (bars, report->number)));
    }

  for (guint k = 0; k < G_N_ELEMENTS (meaning_order); k++)
    {
      const LensLevelMeaning *meaning = lens_consent_decree_get_level_meaning (decree, meaning_order[k]);

      if (meaning != NULL)
        adw_preferences_group_add (self->levels_group,
                                   sourced_row (meaning->name, meaning->meaning, &meaning->source));
    }

  for (guint i = 0; i < lens_consent_decree_get_n_topic_areas (decree); i++)
    adw_preferences_group_add (self->topics_group,
                               create_topic_row (lens_consent_decree_get_topic_area (decree, i)));

  for (guint i = 0; i < lens_consent_decree_get_n_key_facts (decree); i++)
    {
      const LensKeyFact *fact = lens_consent_decree_get_key_fact (decree, i);
      g_autofree char *date = lens_describe_content_date (&fact->date);
      g_autofree char *title = NULL;

      /* Translators: a key date and what happened, "August 29, 2017: Lawsuit filed" */
      title = date != NULL ? g_strdup_printf (_("%s: %s"), date, fact->title) : g_strdup (fact->title);
      adw_preferences_group_add (self->dates_group, sourced_row (title, fact->text, &fact->source));
    }

  for (guint i = 0; i < G_N_ELEMENTS (further); i++)
    adw_preferences_group_add (self->sources_group,
                               lens_link_row_new (_(further[i].title), NULL, further[i].url, NULL));
}

/* Actions: the chart's menu */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensConsentDecree *decree = lens_shipped_consent_decree ();
  g_autoptr(LensChartDocument) document = NULL;

  if (decree == NULL)
    return;

  document = lens_compliance_document_new (decree);
  lens_chart_export_dialog_show (widget, document, g_variant_get_string (parameter, NULL),
                                 LENS_COMPLIANCE_CHART_ID);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LensConsentDecree *decree = lens_shipped_consent_decree ();
  g_autoptr(LensChartDocument) document = NULL;

  if (decree == NULL)
    return;

  document = lens_compliance_document_new (decree);
  lens_chart_copy_document (widget, document);
}

static void
lens_consent_decree_page_dispose (GObject *object)
{
  LensConsentDecreePage *self = LENS_CONSENT_DECREE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_CONSENT_DECREE_PAGE);

  G_OBJECT_CLASS (lens_consent_decree_page_parent_class)->dispose (object);
}

static void
lens_consent_decree_page_class_init (LensConsentDecreePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_consent_decree_page_dispose;

  g_type_ensure (LENS_TYPE_COMPLIANCE_CHART);
  g_type_ensure (LENS_TYPE_REPORTS_PANEL);
  g_type_ensure (LENS_TYPE_SPLIT_LAYOUT);
  g_type_ensure (LENS_TYPE_READING_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-consent-decree-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, chart);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, divider_label);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, divider_links);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, figures_group);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, topics_group);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, dates_group);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, LensConsentDecreePage, panel);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensconsentdecreepage");

  /* the names of every chart's actions (lens-chart-view-actions.c), so the menu reads the same */
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
}

static void
lens_consent_decree_page_init (LensConsentDecreePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill (self);
  /* nothing to export when the shipped figures could not be read */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", lens_shipped_consent_decree () != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", lens_shipped_consent_decree () != NULL);
}

GtkWidget *
lens_consent_decree_page_new (void)
{
  return g_object_new (LENS_TYPE_CONSENT_DECREE_PAGE, NULL);
}
