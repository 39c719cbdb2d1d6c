/* lens-boundaries.h: police district boundaries from the portal's GeoJSON (24zt-jpfn)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  double lon;
  double lat;
} LensGeoPoint;

typedef struct
{
  guint         n_points;
  LensGeoPoint *points;   /* closed: the last point repeats the first, as GeoJSON says */
  gboolean      hole;     /* an inner ring of its polygon */
} LensGeoRing;

typedef struct
{
  guint        district;  /* `dist_num`: one of the 22, or 31 (not one of them) */
  guint        n_rings;
  LensGeoRing *rings;     /* every ring of every polygon of the feature */
} LensBoundary;

typedef struct _LensBoundaries LensBoundaries;

/* Parses a GeoJSON FeatureCollection of (Multi)Polygons with a `dist_num` property.
 * Large (about 1 MB): call it off the main thread, or use lens_boundaries_parse_async(). */
LensBoundaries     *lens_boundaries_new_from_bytes (GBytes              *geojson,
                                                    GError             **error);
void                lens_boundaries_parse_async    (GBytes              *geojson,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
LensBoundaries     *lens_boundaries_parse_finish   (GAsyncResult        *result,
                                                    GError             **error);
void                lens_boundaries_free           (LensBoundaries      *self);

/* Features in file order; district 31 comes as several features */
guint               lens_boundaries_get_n_features (LensBoundaries      *self);
const LensBoundary *lens_boundaries_get_nth        (LensBoundaries      *self,
                                                    guint                n);
/* The bounding box of every feature */
void                lens_boundaries_get_extent     (LensBoundaries      *self,
                                                    LensGeoPoint        *min,
                                                    LensGeoPoint        *max);
/* The district whose boundary holds the point; 0 when none does */
guint               lens_boundaries_hit_test       (LensBoundaries      *self,
                                                    double               lon,
                                                    double               lat);
/* Even-odd rule over all the feature's rings, so holes are outside */
gboolean            lens_boundary_contains         (const LensBoundary  *boundary,
                                                    double               lon,
                                                    double               lat);
/* A point inside the feature's largest outer ring, for its label */
LensGeoPoint        lens_boundary_get_label_point  (const LensBoundary  *boundary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensBoundaries, lens_boundaries_free)

G_END_DECLS
