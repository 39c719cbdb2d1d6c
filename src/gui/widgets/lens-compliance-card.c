/* lens-compliance-card.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compliance-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-accessible.h"
#include "lens-compliance-card.h"
#include "lens-content-widgets.h"
#include "lens-describe.h"

struct _LensComplianceCard
{
  GtkWidget          parent_instance;

  char              *page_title;

  /* Template */
  GtkWidget         *box;
  GtkLabel          *report_label;
  GtkLabel          *number_label;
  GtkLabel          *date_label;
  GtkLabel          *levels_label;
  GtkLabel          *source_label;
  GtkLabel          *open_label;
};

G_DEFINE_FINAL_TYPE (LensComplianceCard, lens_compliance_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
open_clicked_cb (LensComplianceCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "consent-decree");
}

/* The newest report with all three levels as shares. */
static const LensComplianceBar *
find_latest (GArray *bars)
{
  for (guint i = bars->len; i > 0; i--)
    {
      const LensComplianceBar *bar = &g_array_index (bars, LensComplianceBar, i - 1);

      if (isfinite (bar->percent[LENS_COMPLIANCE_FULL]) &&
          isfinite (bar->percent[LENS_COMPLIANCE_SECONDARY]) &&
          isfinite (bar->percent[LENS_COMPLIANCE_PRELIMINARY]))
        return bar;
    }

  return NULL;
}

static void
fill (LensComplianceCard *self)
{
  LensConsentDecree *decree = lens_shipped_consent_decree ();
  g_autoptr(GArray) bars = NULL;
  const LensComplianceBar *bar;
  const LensMonitoringReport *report;
  const LensFigure *figure;
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  g_autofree char *full = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *preliminary = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outlet = NULL;

  if (decree == NULL)
    return;

  bars = lens_consent_decree_get_compliance_bars (decree);
  bar = find_latest (bars);
  if (bar == NULL)
    {
      gtk_label_set_label (self->levels_label, _("No compliance figures were published"));
      return;
    }

  report = lens_consent_decree_lookup_report (decree, bar->report);
  name = lens_describe_report_name (bar->report);
  period = lens_describe_report_period (report);
  full = lens_describe_share (bar->percent[LENS_COMPLIANCE_FULL]);
  secondary = lens_describe_share (bar->percent[LENS_COMPLIANCE_SECONDARY]);
  preliminary = lens_describe_share (bar->percent[LENS_COMPLIANCE_PRELIMINARY]);

  {
    /* Translators: the monitoring report and the months it covers:
     * "Monitoring report IMR-11, Jul 2024 – Dec 2024" */
    g_autofree char *line = g_strdup_printf (_("Monitoring report %s, %s"), name, period);

    gtk_label_set_label (self->report_label, line);
  }

  gtk_label_set_label (self->number_label, full);

  /* Translators: the levels of the latest monitoring report: "IMR-11: 16% full, 42%
   * secondary, 34% preliminary" */
  text = g_strdup_printf (_("%s: %s full, %s secondary, %s preliminary"),
                          name, full, secondary, preliminary);
  gtk_label_set_label (self->levels_label, text);

  if (lens_content_date_is_set (&report->released))
    {
      g_autofree char *date = lens_describe_content_date (&report->released);
      g_autofree char *when = NULL;

      if (report->release_kind == LENS_RELEASE_FILED)
        when = g_strdup_printf (_("Filed with the court on %s"), date);
      else
        when = g_strdup_printf (_("Made public on %s"), date);
      gtk_label_set_label (self->date_label, when);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), lens_content_date_is_set (&report->released));

  figure = lens_monitoring_report_get_figure (report, LENS_COMPLIANCE_FULL);
  if (figure != NULL)
    {
      g_autofree char *source = NULL;

      outlet = lens_source_describe (&figure->source);
      /* Translators: where a figure was published, then how sure we are of it:
       * "Source: WTTW. Confirmed by an official document or by two independent reports" */
      source = g_strdup_printf (_("Source: %s. %s"), outlet, lens_confidence_describe (figure->confidence));
      gtk_label_set_label (self->source_label, source);
    }
}

static void
lens_compliance_card_constructed (GObject *object)
{
  LensComplianceCard *self = LENS_COMPLIANCE_CARD (object);
  g_autofree char *open_text = NULL;

  G_OBJECT_CLASS (lens_compliance_card_parent_class)->constructed (object);

  /* Translators: the button at the bottom of the consent-decree card; %s is the page,
   * "Consent Decree" */
  open_text = g_strdup_printf (_("Open %s"), self->page_title != NULL ? self->page_title : "");
  gtk_label_set_label (self->open_label, open_text);
  /* GTK 4.8 does not name the button from the label inside it */
  lens_accessible_set_name (gtk_widget_get_ancestor (GTK_WIDGET (self->open_label), GTK_TYPE_BUTTON),
                            open_text);
  fill (self);
}

static void
lens_compliance_card_dispose (GObject *object)
{
  LensComplianceCard *self = LENS_COMPLIANCE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_COMPLIANCE_CARD);

  G_OBJECT_CLASS (lens_compliance_card_parent_class)->dispose (object);
}

static void
lens_compliance_card_finalize (GObject *object)
{
  LensComplianceCard *self = LENS_COMPLIANCE_CARD (object);

  g_clear_pointer (&self->page_title, g_free);

  G_OBJECT_CLASS (lens_compliance_card_parent_class)->finalize (object);
}

static void
lens_compliance_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LensComplianceCard *self = LENS_COMPLIANCE_CARD (object);

  switch (prop_id)
    {
    case PROP_PAGE_TITLE:
      g_value_set_string (value, self->page_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_compliance_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LensComplianceCard *self = LENS_COMPLIANCE_CARD (object);

  switch (prop_id)
    {
    case PROP_PAGE_TITLE:
      self->page_title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_compliance_card_class_init (LensComplianceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_compliance_card_constructed;
  object_class->dispose = lens_compliance_card_dispose;
  object_class->finalize = lens_compliance_card_finalize;
  object_class->get_property = lens_compliance_card_get_property;
  object_class->set_property = lens_compliance_card_set_property;

  properties[PROP_PAGE_TITLE] =
    g_param_spec_string ("page-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-compliance-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, box);
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, report_label);
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, date_label);
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, levels_label);
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, source_label);
  gtk_widget_class_bind_template_child (widget_class, LensComplianceCard, open_label);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lenscompliancecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lens_compliance_card_init (LensComplianceCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lens_compliance_card_new (const char *page_title)
{
  return g_object_new (LENS_TYPE_COMPLIANCE_CARD,
                       "page-title", page_title,
                       NULL);
}

const char *
lens_compliance_card_get_text (LensComplianceCard *self)
{
  g_return_val_if_fail (LENS_IS_COMPLIANCE_CARD (self), NULL);

  return gtk_label_get_label (self->levels_label);
}
