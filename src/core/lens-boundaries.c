/* lens-boundaries.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-boundaries"

#include "config.h"

#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "lens-boundaries.h"
#include "lens-portal-error.h"

/* json-glib, not the table scanner: the scanner reads SODA row arrays, and a GeoJSON file is a
 * tree of nested coordinate arrays parsed once per download (bench-json measures it). */

struct _LensBoundaries
{
  GArray *features;   /* LensBoundary */
};

static void
clear_ring (gpointer data)
{
  g_free (((LensGeoRing *) data)->points);
}

static void
clear_boundary (gpointer data)
{
  LensBoundary *boundary = data;

  for (guint i = 0; i < boundary->n_rings; i++)
    g_free (boundary->rings[i].points);
  g_free (boundary->rings);
}

void
lens_boundaries_free (LensBoundaries *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->features);
  g_free (self);
}

/* The detail of the error is the format's name: the sentence says what went wrong. */
static gboolean
invalid (GError **error)
{
  lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, "GeoJSON");
  return FALSE;
}

static gboolean
read_ring (JsonArray   *coordinates,
           gboolean     hole,
           GArray      *rings,
           GError     **error)
{
  guint n = json_array_get_length (coordinates);
  LensGeoRing ring = { n, NULL, hole };

  if (n < 4)
    return invalid (error);

  ring.points = g_new (LensGeoPoint, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (coordinates, i);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      if (pair == NULL || json_array_get_length (pair) < 2)
        {
          g_free (ring.points);
          return invalid (error);
        }
      ring.points[i].lon = json_array_get_double_element (pair, 0);
      ring.points[i].lat = json_array_get_double_element (pair, 1);
    }

  g_array_append_val (rings, ring);
  return TRUE;
}

/* A Polygon's coordinates: the outer ring, then its holes */
static gboolean
read_polygon (JsonArray  *polygon,
              GArray     *rings,
              GError    **error)
{
  guint n = json_array_get_length (polygon);

  if (n == 0)
    return invalid (error);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (polygon, i);

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error);
      if (!read_ring (json_node_get_array (node), i > 0, rings, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_geometry (JsonObject   *geometry,
               LensBoundary *boundary,
               GError      **error)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonNode *coordinates = json_object_get_member (geometry, "coordinates");
  g_autoptr(GArray) rings = g_array_new (FALSE, TRUE, sizeof (LensGeoRing));
  gboolean ok = TRUE;

  g_array_set_clear_func (rings, clear_ring);

  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates))
    return invalid (error);

  if (g_str_equal (type, "Polygon"))
    ok = read_polygon (json_node_get_array (coordinates), rings, error);
  else if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = json_node_get_array (coordinates);

      for (guint i = 0; ok && i < json_array_get_length (polygons); i++)
        {
          JsonNode *node = json_array_get_element (polygons, i);

          ok = JSON_NODE_HOLDS_ARRAY (node)
               ? read_polygon (json_node_get_array (node), rings, error)
               : invalid (error);
        }
    }
  else
    ok = invalid (error);

  if (ok && rings->len == 0)
    ok = invalid (error);
  if (!ok)
    return FALSE;

  /* The points now belong to @boundary: take the segment without clearing it */
  boundary->n_rings = rings->len;
  g_array_set_clear_func (rings, NULL);
  boundary->rings = (LensGeoRing *) (void *) g_array_free (g_steal_pointer (&rings), FALSE);

  return TRUE;
}

/* `dist_num` is a string ("17") in the export */
static guint
read_district (JsonObject *properties)
{
  const char *text;
  guint64 number;

  if (properties == NULL || !json_object_has_member (properties, "dist_num"))
    return 0;

  text = json_object_get_string_member_with_default (properties, "dist_num", NULL);
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 99, &number, NULL))
    return 0;

  return (guint) number;
}

LensBoundaries *
lens_boundaries_new_from_bytes (GBytes  *geojson,
                                GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(LensBoundaries) self = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonArray *features;
  gsize len;
  const char *data;

  g_return_val_if_fail (geojson != NULL, NULL);

  data = g_bytes_get_data (geojson, &len);
  if (!json_parser_load_from_data (parser, data, len, &parse_error))
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "features")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "features")))
    {
      invalid (error);
      return NULL;
    }

  self = g_new0 (LensBoundaries, 1);
  self->features = g_array_new (FALSE, TRUE, sizeof (LensBoundary));
  g_array_set_clear_func (self->features, clear_boundary);

  features = json_object_get_array_member (json_node_get_object (root), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonNode *node = json_array_get_element (features, i);
      JsonObject *feature = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *geometry = feature != NULL ? json_object_get_member (feature, "geometry") : NULL;
      JsonNode *properties = feature != NULL ? json_object_get_member (feature, "properties") : NULL;
      LensBoundary boundary = { 0 };

      if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry)
          || properties == NULL || !JSON_NODE_HOLDS_OBJECT (properties))
        {
          invalid (error);
          return NULL;
        }

      boundary.district = read_district (json_node_get_object (properties));
      if (boundary.district == 0)
        {
          invalid (error);
          return NULL;
        }

      if (!read_geometry (json_node_get_object (geometry), &boundary, error))
        return NULL;

      g_array_append_val (self->features, boundary);
    }

  if (self->features->len == 0)
    {
      invalid (error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  LensBoundaries *boundaries = lens_boundaries_new_from_bytes (task_data, &error);

  if (boundaries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, boundaries, (GDestroyNotify) lens_boundaries_free);
}

void
lens_boundaries_parse_async (GBytes              *geojson,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (geojson != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_boundaries_parse_async);
  g_task_set_task_data (task, g_bytes_ref (geojson), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_in_thread);
}

LensBoundaries *
lens_boundaries_parse_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
lens_boundaries_get_n_features (LensBoundaries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->features->len;
}

const LensBoundary *
lens_boundaries_get_nth (LensBoundaries *self,
                         guint           n)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n < self->features->len, NULL);

  return &g_array_index (self->features, LensBoundary, n);
}

void
lens_boundaries_get_extent (LensBoundaries *self,
                            LensGeoPoint   *min,
                            LensGeoPoint   *max)
{
  LensGeoPoint lo = { G_MAXDOUBLE, G_MAXDOUBLE };
  LensGeoPoint hi = { -G_MAXDOUBLE, -G_MAXDOUBLE };

  g_return_if_fail (self != NULL);

  for (guint f = 0; f < self->features->len; f++)
    {
      const LensBoundary *boundary = &g_array_index (self->features, LensBoundary, f);

      for (guint r = 0; r < boundary->n_rings; r++)
        for (guint i = 0; i < boundary->rings[r].n_points; i++)
          {
            const LensGeoPoint *p = &boundary->rings[r].points[i];

            lo.lon = MIN (lo.lon, p->lon);
            lo.lat = MIN (lo.lat, p->lat);
            hi.lon = MAX (hi.lon, p->lon);
            hi.lat = MAX (hi.lat, p->lat);
          }
    }

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
}

static gboolean
ring_contains (const LensGeoRing *ring,
               double             lon,
               double             lat)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    {
      const LensGeoPoint *a = &ring->points[i];
      const LensGeoPoint *b = &ring->points[j];

      if ((a->lat > lat) != (b->lat > lat)
          && lon < (b->lon - a->lon) * (lat - a->lat) / (b->lat - a->lat) + a->lon)
        inside = !inside;
    }

  return inside;
}

gboolean
lens_boundary_contains (const LensBoundary *boundary,
                        double              lon,
                        double              lat)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (boundary != NULL, FALSE);

  for (guint r = 0; r < boundary->n_rings; r++)
    if (ring_contains (&boundary->rings[r], lon, lat))
      inside = !inside;

  return inside;
}

guint
lens_boundaries_hit_test (LensBoundaries *self,
                          double          lon,
                          double          lat)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint f = 0; f < self->features->len; f++)
    {
      const LensBoundary *boundary = &g_array_index (self->features, LensBoundary, f);

      if (lens_boundary_contains (boundary, lon, lat))
        return boundary->district;
    }

  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
ring_area (const LensGeoRing *ring)
{
  double area = 0;

  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    area += (ring->points[j].lon * ring->points[i].lat) - (ring->points[i].lon * ring->points[j].lat);

  return ABS (area) / 2;
}

/* The middle of the widest run inside the largest ring along the horizontal line through its
 * vertical middle: unlike the centroid, it is always inside, even for a concave district. */
LensGeoPoint
lens_boundary_get_label_point (const LensBoundary *boundary)
{
  const LensGeoRing *largest = NULL;
  double largest_area = -1, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double));
  LensGeoPoint point = { 0, 0 };
  double best = -1;

  g_return_val_if_fail (boundary != NULL, point);

  for (guint r = 0; r < boundary->n_rings; r++)
    if (!boundary->rings[r].hole && ring_area (&boundary->rings[r]) > largest_area)
      {
        largest = &boundary->rings[r];
        largest_area = ring_area (largest);
      }
  if (largest == NULL)
    return point;

  for (guint i = 0; i < largest->n_points; i++)
    {
      lo = MIN (lo, largest->points[i].lat);
      hi = MAX (hi, largest->points[i].lat);
    }
  point.lat = (lo + hi) / 2;
  point.lon = largest->points[0].lon;

  for (guint i = 0, j = largest->n_points - 1; i < largest->n_points; j = i++)
    {
      const LensGeoPoint *a = &largest->points[i];
      const LensGeoPoint *b = &largest->points[j];

      if ((a->lat > point.lat) != (b->lat > point.lat))
        {
          double x = (b->lon - a->lon) * (point.lat - a->lat) / (b->lat - a->lat) + a->lon;

          g_array_append_val (crossings, x);
        }
    }
  g_array_sort (crossings, compare_doubles);
  for (guint i = 0; i + 1 < crossings->len; i += 2)
    {
      double x0 = g_array_index (crossings, double, i);
      double x1 = g_array_index (crossings, double, i + 1);

      if (x1 - x0 > best)
        {
          best = x1 - x0;
          point.lon = (x0 + x1) / 2;
        }
    }

  return point;
}
