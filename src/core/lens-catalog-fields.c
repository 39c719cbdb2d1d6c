/* lens-catalog-fields.c: the catalogue's "fields", the one declaration of the fields its
 * queries name and their types
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-catalog-private.h"
#include "lens-datasets.h"

struct _LensCatalogFields
{
  GPtrArray  *dataset_ids;   /* the datasets of "fields", in file order, NULL-terminated */
  GHashTable *field_types;   /* dataset id -> (field -> Socrata type) */
};

/* The Socrata types ("dataTypeName" of /api/views/<id>.json) a field may be declared with. */
static const char * const field_types[] = {
  "text", "number", "calendar_date", "date", "checkbox", "point", "location", "url", NULL
};

LensCatalogFields *
lens_catalog_fields_new (void)
{
  LensCatalogFields *self = g_new0 (LensCatalogFields, 1);

  self->dataset_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->dataset_ids, NULL);
  self->field_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);
  return self;
}

void
lens_catalog_fields_free (LensCatalogFields *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->dataset_ids);
  g_hash_table_unref (self->field_types);
  g_free (self);
}

/* "fields": { "<dataset id>": { "<field>": "<Socrata type>", ... }, ... }: the one list of the
 * fields the queries name, with the type the portal's metadata gives each. */
gboolean
lens_catalog_fields_read (LensCatalogFields  *self,
                          LensContentReader  *reader,
                          GError            **error)
{
  JsonObject *object;
  g_autoptr(GList) datasets = NULL;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_object (reader, NULL, reader->root, "fields", TRUE, &object, error))
    return FALSE;

  /* json-glib keeps the members in file order */
  datasets = json_object_get_members (object);
  for (GList *d = datasets; d != NULL; d = d->next)
    {
      const char *dataset_id = d->data;
      g_autofree char *where = g_strconcat ("fields.", dataset_id, NULL);
      g_autoptr(GList) names = NULL;
      JsonNode *node = json_object_get_member (object, dataset_id);
      JsonObject *fields;
      GHashTable *types;

      if (lens_dataset_lookup (dataset_id) == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "fields",
                                         _("\"%s\" is not a dataset Reform Lens knows"), dataset_id);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, where,
                                         _("must be an object of field names and their types"));

      fields = json_node_get_object (node);
      types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->field_types, g_strdup (dataset_id), types);
      g_ptr_array_insert (self->dataset_ids, self->dataset_ids->len - 1, g_strdup (dataset_id));

      names = json_object_get_members (fields);
      for (GList *f = names; f != NULL; f = f->next)
        {
          JsonNode *type = json_object_get_member (fields, f->data);
          const char *name = type != NULL && JSON_NODE_HOLDS_VALUE (type) &&
                             json_node_get_value_type (type) == G_TYPE_STRING
                             ? json_node_get_string (type) : NULL;

          if (name == NULL || !g_strv_contains (field_types, name))
            {
              g_autofree char *list = g_strjoinv (", ", (char **) field_types);
              g_autofree char *field = g_strconcat (where, ".", (const char *) f->data, NULL);

              return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, field,
                                               _("\"%s\" is not one of %s"),
                                               name != NULL ? name : "", list);
            }
          g_hash_table_insert (types, g_strdup (f->data), g_strdup (name));
        }
    }

  return TRUE;
}

const char * const *
lens_catalog_fields_get_dataset_ids (LensCatalogFields *self)
{
  return (const char * const *) self->dataset_ids->pdata;
}

const char *
lens_catalog_fields_lookup (LensCatalogFields *self,
                            const char        *dataset_id,
                            const char        *field)
{
  GHashTable *types = g_hash_table_lookup (self->field_types, dataset_id);

  return types != NULL ? g_hash_table_lookup (types, field) : NULL;
}
