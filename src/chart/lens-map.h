/* lens-map.h: the district map: a choropleth of one measure over the 22 police districts,
 * drawn with cairo into any surface (the widget, PNG/SVG/PDF files, the brief)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lens-chart-export.h"
#include "lens-district-map-data.h"
#include "lens-plot.h"

G_BEGIN_DECLS

typedef enum
{
  LENS_MAP_DRAW_DEFAULT = 0,
  LENS_MAP_DRAW_TITLE   = 1 << 0,  /* the title above the map (files, the brief) */
  LENS_MAP_DRAW_SOURCE  = 1 << 1,  /* the source and as-of line under the legend */
} LensMapDrawFlags;

/* What the last drawing drew, for the tests */
typedef struct
{
  guint n_polygons;   /* outer rings filled, district 31's included */
  guint n_districts;  /* ranked districts filled (22) */
  guint n_labels;     /* district numbers written at their label points */
  guint n_classes;    /* legend classes */
  guint n_neutral;    /* features drawn neutral, not ranked (district 31's pieces) */
} LensMapStats;

#define LENS_MAP_MAX_CLASSES 5

/* The legend classes of @data: at most five, of about as many districts each, equal values
 * always in one class. @lo/@hi: the least and the greatest value of the class. */
guint    lens_map_get_n_classes     (LensDistrictMapData *data);
void     lens_map_get_class_range   (LensDistrictMapData *data,
                                     guint                klass,
                                     double              *lo,
                                     double              *hi);
/* The class of one of the 22 districts; -1 for any other number */
int      lens_map_get_class         (LensDistrictMapData *data,
                                     guint                district);

/* "All index crimes by district, last 28 days (3 Nov 2026 – 30 Nov 2026)" */
char    *lens_map_dup_title         (LensDistrictMapData *data);
/* "District 5: 1,234 incidents" (for a screen reader's list and the tooltip) */
char    *lens_map_dup_district_text (LensDistrictMapData *data,
                                     guint                district);

/* Draws into (0,0)-(@width,@height) of @cr; saves and restores @cr. @selected: a district
 * outlined, 0 for none. @stats may be NULL. */
void     lens_map_draw              (LensDistrictMapData *data,
                                     const LensPlotStyle *style,
                                     guint                selected,
                                     LensMapDrawFlags     flags,
                                     cairo_t             *cr,
                                     double               width,
                                     double               height,
                                     LensMapStats        *stats);
/* The ranked district under (@x, @y) of a drawing of that size and flags; 0 when none (or
 * district 31, which is not ranked). */
guint    lens_map_hit_test          (LensDistrictMapData *data,
                                     LensMapDrawFlags     flags,
                                     double               width,
                                     double               height,
                                     double               x,
                                     double               y);
/* Where the district's number is written in such a drawing: a point inside it. */
gboolean lens_map_get_district_point (LensDistrictMapData *data,
                                      LensMapDrawFlags     flags,
                                      double               width,
                                      double               height,
                                      guint                district,
                                      double              *x,
                                      double              *y);

/* "District,Value,Rank" then the 22 districts, highest value first (RFC 4180, CRLF) */
char    *lens_map_dup_csv           (LensDistrictMapData *data);
/* A page (title, map, legend, source) in the light style, for the brief or a print. */
void     lens_map_draw_page         (LensDistrictMapData *data,
                                     guint                selected,
                                     cairo_t             *cr,
                                     double               width,
                                     double               height);
/* PNG, SVG, PDF or CSV, as charts are written (lens_export_drawing_to_file()). */
gboolean lens_map_export_to_file    (LensDistrictMapData *data,
                                     guint                selected,
                                     const char          *path,
                                     LensExportFormat     format,
                                     GError             **error);

G_END_DECLS
