/* lens-compliance-chart.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-consent-decree.h"
#include "lens-series.h"

G_BEGIN_DECLS

/* The consent-decree compliance chart: one stacked bar per monitoring report (full, then
 * secondary, then preliminary), an empty slot for a report whose figures were not
 * published, and the change of denominator marked between the two kinds of report. */
#define LENS_TYPE_COMPLIANCE_CHART (lens_compliance_chart_get_type ())
G_DECLARE_FINAL_TYPE (LensComplianceChart, lens_compliance_chart, LENS, COMPLIANCE_CHART, GtkWidget)

GtkWidget  *lens_compliance_chart_new        (void);
void        lens_compliance_chart_set_decree (LensComplianceChart *self,
                                              LensConsentDecree   *decree);
/* What is drawn; NULL before a decree is set. */
LensSeries *lens_compliance_chart_get_series (LensComplianceChart *self);

G_END_DECLS
