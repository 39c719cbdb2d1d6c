/* lens-district-card.h: the Overview's cards from the district statistics: where the district
 * stands for the year to date, and the last 28 days from the CompStat figures
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-loadable.h"

G_BEGIN_DECLS

typedef enum
{
  LENS_DISTRICT_CARD_STANDING,  /* "3rd of 22 in incidents this year, to 24 March 2026" */
  LENS_DISTRICT_CARD_LAST_28,   /* index crimes in the last 28 days against a year earlier */
} LensDistrictCardKind;

#define LENS_TYPE_DISTRICT_CARD (lens_district_card_get_type ())
G_DECLARE_FINAL_TYPE (LensDistrictCard, lens_district_card, LENS, DISTRICT_CARD, GtkWidget)

/* A LensLoadable for the filters' district (the city when none); @page_title names the page
 * its button opens ("Open Crime Charts"). */
GtkWidget  *lens_district_card_new      (LensDistrictCardKind kind,
                                         const char          *page_title);
/* The big text and the line under it, as shown; NULL while loading or after an error. */
const char *lens_district_card_get_text (LensDistrictCard    *self);
const char *lens_district_card_get_detail (LensDistrictCard  *self);

G_END_DECLS
