/* lens-dataset-info.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-dataset-info"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lens-dataset-info.h"
#include "lens-portal-error.h"

struct _LensDatasetInfo
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  GDateTime *rows_updated_at;
  GStrv      fields;
  GStrv      types;
};

G_DEFINE_FINAL_TYPE (LensDatasetInfo, lens_dataset_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROWS_UPDATED_AT,
  PROP_FIELDS,
  PROP_TYPES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lens_dataset_info_finalize (GObject *object)
{
  LensDatasetInfo *self = (LensDatasetInfo *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->rows_updated_at, g_date_time_unref);
  g_clear_pointer (&self->fields, g_strfreev);
  g_clear_pointer (&self->types, g_strfreev);

  G_OBJECT_CLASS (lens_dataset_info_parent_class)->finalize (object);
}

static void
lens_dataset_info_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LensDatasetInfo *self = LENS_DATASET_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROWS_UPDATED_AT:
      g_value_set_boxed (value, self->rows_updated_at);
      break;

    case PROP_FIELDS:
      g_value_set_boxed (value, self->fields);
      break;

    case PROP_TYPES:
      g_value_set_boxed (value, self->types);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_dataset_info_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LensDatasetInfo *self = LENS_DATASET_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ROWS_UPDATED_AT:
      self->rows_updated_at = g_value_dup_boxed (value);
      break;

    case PROP_FIELDS:
      self->fields = g_value_dup_boxed (value);
      break;

    case PROP_TYPES:
      self->types = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_dataset_info_constructed (GObject *object)
{
  LensDatasetInfo *self = (LensDatasetInfo *)object;

  G_OBJECT_CLASS (lens_dataset_info_parent_class)->constructed (object);

  /* Never hand out NULL arrays. */
  if (self->fields == NULL)
    self->fields = g_new0 (char *, 1);
  if (self->types == NULL)
    self->types = g_new0 (char *, 1);
}

static void
lens_dataset_info_class_init (LensDatasetInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = lens_dataset_info_constructed;
  object_class->finalize = lens_dataset_info_finalize;
  object_class->get_property = lens_dataset_info_get_property;
  object_class->set_property = lens_dataset_info_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ROWS_UPDATED_AT] =
    g_param_spec_boxed ("rows-updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FIELDS] = g_param_spec_boxed ("fields", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TYPES] = g_param_spec_boxed ("types", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lens_dataset_info_init (LensDatasetInfo *self)
{
}

LensDatasetInfo *
lens_dataset_info_new (const char         *id,
                       const char         *name,
                       GDateTime          *rows_updated_at,
                       const char * const *fields,
                       const char * const *types)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail ((fields == NULL) == (types == NULL), NULL);
  g_return_val_if_fail (fields == NULL || g_strv_length ((GStrv) fields) == g_strv_length ((GStrv) types), NULL);

  return g_object_new (LENS_TYPE_DATASET_INFO,
                       "id", id,
                       "name", name,
                       "rows-updated-at", rows_updated_at,
                       "fields", fields,
                       "types", types,
                       NULL);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

LensDatasetInfo *
lens_dataset_info_new_from_json (GBytes  *body,
                                 GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  g_autoptr(GDateTime) rows_updated_at = NULL;
  g_auto(GStrv) field_names = NULL;
  g_auto(GStrv) type_names = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *node;
  const char *id;
  gsize len;
  const char *data;

  g_return_val_if_fail (body != NULL, NULL);

  data = g_bytes_get_data (body, &len);
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", len, &local_error))
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE,
                             _("the dataset description is not a JSON object"));
      return NULL;
    }

  object = json_node_get_object (root);
  id = member_string (object, "id");
  if (id == NULL)
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE,
                             _("the dataset description has no identifier"));
      return NULL;
    }

  /* Unix seconds. */
  node = json_object_get_member (object, "rowsUpdatedAt");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    rows_updated_at = g_date_time_new_from_unix_utc (json_node_get_int (node));

  node = json_object_get_member (object, "columns");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *columns = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (columns); i++)
        {
          JsonNode *column = json_array_get_element (columns, i);
          const char *field, *type;

          if (!JSON_NODE_HOLDS_OBJECT (column))
            continue;
          field = member_string (json_node_get_object (column), "fieldName");
          type = member_string (json_node_get_object (column), "dataTypeName");
          if (field == NULL)
            continue;
          g_strv_builder_add (fields, field);
          g_strv_builder_add (types, type != NULL ? type : "text");
        }
    }

  field_names = g_strv_builder_end (fields);
  type_names = g_strv_builder_end (types);

  return lens_dataset_info_new (id, member_string (object, "name"), rows_updated_at,
                                (const char * const *) field_names,
                                (const char * const *) type_names);
}

const char *
lens_dataset_info_get_id (LensDatasetInfo *self)
{
  g_return_val_if_fail (LENS_IS_DATASET_INFO (self), NULL);

  return self->id;
}

const char *
lens_dataset_info_get_name (LensDatasetInfo *self)
{
  g_return_val_if_fail (LENS_IS_DATASET_INFO (self), NULL);

  return self->name;
}

GDateTime *
lens_dataset_info_get_rows_updated_at (LensDatasetInfo *self)
{
  g_return_val_if_fail (LENS_IS_DATASET_INFO (self), NULL);

  return self->rows_updated_at;
}

const char * const *
lens_dataset_info_get_fields (LensDatasetInfo *self)
{
  g_return_val_if_fail (LENS_IS_DATASET_INFO (self), NULL);

  return (const char * const *) self->fields;
}

const char * const *
lens_dataset_info_get_types (LensDatasetInfo *self)
{
  g_return_val_if_fail (LENS_IS_DATASET_INFO (self), NULL);

  return (const char * const *) self->types;
}
