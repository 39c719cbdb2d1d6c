/* lens-boundaries-result.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-boundaries-result"

#include "config.h"

#include "lens-boundaries-result.h"

struct _LensBoundariesResult
{
  GObject         parent_instance;

  LensBoundaries *boundaries;
  char           *url;
  GDateTime      *fetched_at;
  GError         *warning;
  gboolean        from_cache;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (LensBoundariesResult, lens_boundaries_result, G_TYPE_OBJECT)

static void
lens_boundaries_result_finalize (GObject *object)
{
  LensBoundariesResult *self = LENS_BOUNDARIES_RESULT (object);

  g_clear_pointer (&self->boundaries, lens_boundaries_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_clear_error (&self->warning);

  G_OBJECT_CLASS (lens_boundaries_result_parent_class)->finalize (object);
}

static void
lens_boundaries_result_class_init (LensBoundariesResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lens_boundaries_result_finalize;
}

static void
lens_boundaries_result_init (LensBoundariesResult *self)
{
}

LensBoundariesResult *
lens_boundaries_result_new (LensBoundaries *boundaries,
                            const char     *url,
                            GDateTime      *fetched_at,
                            gboolean        from_cache,
                            gboolean        stale,
                            const GError   *warning)
{
  LensBoundariesResult *self;

  g_return_val_if_fail (boundaries != NULL, NULL);
  g_return_val_if_fail (fetched_at != NULL, NULL);

  self = g_object_new (LENS_TYPE_BOUNDARIES_RESULT, NULL);
  self->boundaries = boundaries;
  self->url = g_strdup (url);
  self->fetched_at = g_date_time_ref (fetched_at);
  self->from_cache = from_cache;
  self->stale = stale;
  self->warning = warning != NULL ? g_error_copy (warning) : NULL;

  return self;
}

LensBoundaries *
lens_boundaries_result_get_boundaries (LensBoundariesResult *self)
{
  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), NULL);
  return self->boundaries;
}

const char *
lens_boundaries_result_get_url (LensBoundariesResult *self)
{
  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), NULL);
  return self->url;
}

GDateTime *
lens_boundaries_result_get_fetched_at (LensBoundariesResult *self)
{
  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), NULL);
  return self->fetched_at;
}

gboolean
lens_boundaries_result_get_from_cache (LensBoundariesResult *self)
{
  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), FALSE);
  return self->from_cache;
}

gboolean
lens_boundaries_result_get_stale (LensBoundariesResult *self)
{
  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), FALSE);
  return self->stale;
}

gint64
lens_boundaries_result_get_age (LensBoundariesResult *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), 0);
  return MAX (g_date_time_difference (now, self->fetched_at) / G_TIME_SPAN_SECOND, 0);
}

const GError *
lens_boundaries_result_get_warning (LensBoundariesResult *self)
{
  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (self), NULL);
  return self->warning;
}
