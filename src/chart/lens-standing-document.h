/* lens-standing-document.h: where the districts stand, as a chart document
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-chart-export.h"
#include "lens-standing.h"

G_BEGIN_DECLS

/* The Crimes dataset's name in the user's language and its id: "Crimes - 2001 to Present
 * (ijzp-q8t2)" */
char              *lens_standing_dup_dataset_name (void);

/* "the year to 24 March 2026", "the 28 days to 24 March 2026" */
char              *lens_standing_dup_period_text (LensStanding *standing);

/* The bars as a chart document (the export path of every chart): one vector with the chosen
 * district highlighted; for CSV (@for_csv) the vectors are count and rank, so the file has the
 * columns district, count, rank. */
LensChartDocument *lens_standing_dup_document (LensStanding      *standing,
                                               guint              district,
                                               gboolean           for_csv);

G_END_DECLS
