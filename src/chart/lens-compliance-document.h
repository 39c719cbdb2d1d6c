/* lens-compliance-document.h: the consent-decree compliance chart as an export document
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-chart-export.h"
#include "lens-consent-decree.h"

G_BEGIN_DECLS

/* Its id for --list-charts and --export-chart; the chart is not in the catalogue (its
 * figures ship with the app, they are not asked of the portal). */
#define LENS_COMPLIANCE_CHART_ID   "consent-decree-compliance"
#define LENS_COMPLIANCE_CHART_PAGE "consent-decree"

/* "Compliance by Monitoring Report", translated. */
const char        *lens_compliance_chart_get_title (void);

/* The chart as drawn in the window (lens_describe_compliance_series()), with a footer naming
 * the sources and the change of denominator. Its CSV and copied table carry, after the shares
 * drawn, every figure as published with its unit, its source and who published it. */
LensChartDocument *lens_compliance_document_new    (LensConsentDecree *decree);

G_END_DECLS
