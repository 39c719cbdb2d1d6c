/* lens-district-map.h: the district map card of the Crime page: the choropleth, a list of the
 * 22 districts for the keyboard, a measure and a period, exports
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-district-map-data.h"
#include "lens-loadable.h"

G_BEGIN_DECLS

#define LENS_TYPE_DISTRICT_MAP (lens_district_map_get_type ())
G_DECLARE_FINAL_TYPE (LensDistrictMap, lens_district_map, LENS, DISTRICT_MAP, GtkWidget)

GtkWidget           *lens_district_map_new          (void);
/* What is shown; NULL while nothing has loaded (or after an error without a cached copy) */
LensDistrictMapData *lens_district_map_get_data     (LensDistrictMap *self);
/* The district of the filters, outlined; 0 for the whole city */
guint                lens_district_map_get_selected (LensDistrictMap *self);
/* The measure (a CompStat row) and the period shown; changing them loads again */
void                 lens_district_map_set_measure  (LensDistrictMap *self,
                                                     guint            measure);
void                 lens_district_map_set_period   (LensDistrictMap *self,
                                                     LensMapPeriod    period);
/* The drawing, for hit-testing in its own coordinates */
GtkWidget           *lens_district_map_get_canvas   (LensDistrictMap *self);
/* What a click at (@x, @y) of the canvas does: activates win.district with the district
 * there. FALSE (nothing done) outside the 22 districts. */
gboolean             lens_district_map_activate_at  (LensDistrictMap *self,
                                                     double           x,
                                                     double           y);
/* The keyboard's way: a GtkListBox of the 22 districts in number order; activating a row
 * activates win.district with its district */
GtkListBox          *lens_district_map_get_list     (LensDistrictMap *self);
/* The status line under the title (loading, error, fetched when) */
const char          *lens_district_map_get_status   (LensDistrictMap *self);

G_END_DECLS
