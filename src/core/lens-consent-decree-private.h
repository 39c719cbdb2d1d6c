/* lens-consent-decree-private.h: what the consent decree's two files share: the object's
 * fields, and the reading of the monitor's reports (lens-consent-decree-reports.c)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-consent-decree.h"
#include "lens-content-private.h"

G_BEGIN_DECLS

struct _LensConsentDecree
{
  GObject           parent_instance;

  GPtrArray        *reports;       /* LensMonitoringReport */
  GPtrArray        *key_facts;     /* LensKeyFact */
  GPtrArray        *topic_areas;   /* LensTopicArea */
  LensLevelMeaning *levels[LENS_N_COMPLIANCE_LEVELS];
  LensSourcedText   monitorable;
  guint             monitorable_count;
  LensSourcedText   denominator_change;
  guint             first_monitorable_report;
};

/* The keys of a source and its confidence tag, allowed beside any sourced value. */
#define LENS_CONSENT_DECREE_SOURCED_KEYS "source", "outlet", "mirror", "confidence"

/* "text" + a source and confidence tag, at @field. */
gboolean  lens_consent_decree_read_sourced_text (LensContentReader      *reader,
                                                 const char             *field,
                                                 JsonObject             *object,
                                                 LensSourcedText        *out,
                                                 GError                **error);
void      lens_sourced_text_free                (LensSourcedText        *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensSourcedText, lens_sourced_text_free)

/* "reports": every monitoring report, in ascending order, into self->reports. Needs the
 * monitorable paragraphs and the denominator change read first. */
gboolean  lens_consent_decree_read_reports      (LensConsentDecree      *self,
                                                 LensContentReader      *reader,
                                                 GError                **error);
void      lens_monitoring_report_free           (LensMonitoringReport   *report);
/* @figure as a percentage of the report's own denominator; NAN when that cannot be said
 * (also for NULL, a figure not published). */
double    lens_figure_get_percent               (const LensFigure       *figure,
                                                 const LensDenominator  *denominator);

G_END_DECLS
