/* lens-query-result.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-query-result"

#include "config.h"

#include "lens-query-result.h"

struct _LensQueryResult
{
  GObject    parent_instance;

  LensTable *table;
  char      *url;
  GDateTime *fetched_at;
  GDateTime *rows_updated_at;
  GError    *warning;
  guint      from_cache : 1;
  guint      stale : 1;
};

G_DEFINE_FINAL_TYPE (LensQueryResult, lens_query_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_URL,
  PROP_FETCHED_AT,
  PROP_ROWS_UPDATED_AT,
  PROP_FROM_CACHE,
  PROP_STALE,
  PROP_WARNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lens_query_result_finalize (GObject *object)
{
  LensQueryResult *self = (LensQueryResult *)object;

  g_clear_pointer (&self->table, lens_table_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_clear_pointer (&self->rows_updated_at, g_date_time_unref);
  g_clear_error (&self->warning);

  G_OBJECT_CLASS (lens_query_result_parent_class)->finalize (object);
}

static void
lens_query_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LensQueryResult *self = LENS_QUERY_RESULT (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_boxed (value, self->table);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_FETCHED_AT:
      g_value_set_boxed (value, self->fetched_at);
      break;

    case PROP_ROWS_UPDATED_AT:
      g_value_set_boxed (value, self->rows_updated_at);
      break;

    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;

    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;

    case PROP_WARNING:
      g_value_set_boxed (value, self->warning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_query_result_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LensQueryResult *self = LENS_QUERY_RESULT (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_dup_boxed (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_FETCHED_AT:
      self->fetched_at = g_value_dup_boxed (value);
      break;

    case PROP_ROWS_UPDATED_AT:
      self->rows_updated_at = g_value_dup_boxed (value);
      break;

    case PROP_FROM_CACHE:
      self->from_cache = g_value_get_boolean (value);
      break;

    case PROP_STALE:
      self->stale = g_value_get_boolean (value);
      break;

    case PROP_WARNING:
      self->warning = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_query_result_class_init (LensQueryResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lens_query_result_finalize;
  object_class->get_property = lens_query_result_get_property;
  object_class->set_property = lens_query_result_set_property;

  properties[PROP_TABLE] =
    g_param_spec_boxed ("table", NULL, NULL, LENS_TYPE_TABLE, flags);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_FETCHED_AT] =
    g_param_spec_boxed ("fetched-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ROWS_UPDATED_AT] =
    g_param_spec_boxed ("rows-updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FROM_CACHE] =
    g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, flags);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE, flags);
  properties[PROP_WARNING] =
    g_param_spec_boxed ("warning", NULL, NULL, G_TYPE_ERROR, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lens_query_result_init (LensQueryResult *self)
{
}

LensQueryResult *
lens_query_result_new (LensTable    *table,
                       const char   *url,
                       GDateTime    *fetched_at,
                       GDateTime    *rows_updated_at,
                       gboolean      from_cache,
                       gboolean      stale,
                       const GError *warning)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (fetched_at != NULL, NULL);

  return g_object_new (LENS_TYPE_QUERY_RESULT,
                       "table", table,
                       "url", url,
                       "fetched-at", fetched_at,
                       "rows-updated-at", rows_updated_at,
                       "from-cache", from_cache,
                       "stale", stale,
                       "warning", warning,
                       NULL);
}

LensTable *
lens_query_result_get_table (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), NULL);

  return self->table;
}

const char *
lens_query_result_get_url (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), NULL);

  return self->url;
}

GDateTime *
lens_query_result_get_fetched_at (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), NULL);

  return self->fetched_at;
}

GDateTime *
lens_query_result_get_rows_updated_at (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), NULL);

  return self->rows_updated_at;
}

gboolean
lens_query_result_get_from_cache (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), FALSE);

  return self->from_cache;
}

gboolean
lens_query_result_get_stale (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), FALSE);

  return self->stale;
}

gint64
lens_query_result_get_age (LensQueryResult *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), 0);

  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (now, self->fetched_at) / G_TIME_SPAN_SECOND);
}

const GError *
lens_query_result_get_warning (LensQueryResult *self)
{
  g_return_val_if_fail (LENS_IS_QUERY_RESULT (self), NULL);

  return self->warning;
}
