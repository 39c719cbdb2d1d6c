/* lens-fake-schema.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "lens-fake-schema.h"

typedef struct
{
  char *dataset_id;
  char *name;       /* the column's name before this change */
  char *new_name;   /* or NULL */
  char *view_type;  /* or NULL */
  char *soda2_type; /* follows @view_type */
} Change;

struct _LensFakeSchema
{
  GPtrArray *changes;  /* Change, in the order made */
};

static void
change_free (Change *change)
{
  g_free (change->dataset_id);
  g_free (change->name);
  g_free (change->new_name);
  g_free (change->view_type);
  g_free (change->soda2_type);
  g_free (change);
}

LensFakeSchema *
lens_fake_schema_new (void)
{
  LensFakeSchema *self = g_new0 (LensFakeSchema, 1);

  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return self;
}

void
lens_fake_schema_free (LensFakeSchema *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->changes);
  g_free (self);
}

void
lens_fake_schema_rename (LensFakeSchema *self,
                         const char     *dataset_id,
                         const char     *old_name,
                         const char     *new_name)
{
  Change *change = g_new0 (Change, 1);

  change->dataset_id = g_strdup (dataset_id);
  change->name = g_strdup (old_name);
  change->new_name = g_strdup (new_name);
  g_ptr_array_add (self->changes, change);
}

/* The SODA2 type (X-SODA2-Types, the SoQL checker's) of a metadata type (socrata-cpd.md §2). */
static const char *
soda2_type (const char *view_type)
{
  if (g_str_equal (view_type, "calendar_date"))
    return "floating_timestamp";
  if (g_str_equal (view_type, "date"))
    return "fixed_timestamp";
  if (g_str_equal (view_type, "checkbox"))
    return "boolean";
  return view_type;
}

void
lens_fake_schema_retype (LensFakeSchema *self,
                         const char     *dataset_id,
                         const char     *name,
                         const char     *view_type)
{
  Change *change = g_new0 (Change, 1);

  change->dataset_id = g_strdup (dataset_id);
  change->name = g_strdup (name);
  change->view_type = g_strdup (view_type);
  change->soda2_type = g_strdup (soda2_type (view_type));
  g_ptr_array_add (self->changes, change);
}

gboolean
lens_fake_schema_has_changes (LensFakeSchema *self,
                              const char     *dataset_id)
{
  for (guint i = 0; i < self->changes->len; i++)
    if (g_strcmp0 (((Change *) g_ptr_array_index (self->changes, i))->dataset_id, dataset_id) == 0)
      return TRUE;
  return FALSE;
}

/* Applies the changes of @dataset_id to one column, in the order they were made. */
static void
apply (LensFakeSchema  *self,
       const char      *dataset_id,
       const char     **name,
       const char     **view_type,
       const char     **type)
{
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = g_ptr_array_index (self->changes, i);

      if (g_strcmp0 (change->dataset_id, dataset_id) != 0 || g_strcmp0 (change->name, *name) != 0)
        continue;
      if (change->new_name != NULL)
        *name = change->new_name;
      if (change->view_type != NULL)
        {
          if (view_type != NULL)
            *view_type = change->view_type;
          if (type != NULL)
            *type = change->soda2_type;
        }
    }
}

LensFakeField *
lens_fake_schema_dup_fields (LensFakeSchema      *self,
                             const char          *dataset_id,
                             const LensFakeField *fields)
{
  GArray *copy = g_array_new (TRUE, TRUE, sizeof (LensFakeField));

  for (const LensFakeField *f = fields; f->name != NULL; f++)
    {
      LensFakeField field = *f;

      apply (self, dataset_id, &field.name, NULL, &field.type);
      g_array_append_val (copy, field);
    }

  return (LensFakeField *) g_array_free (copy, FALSE);
}

void
lens_fake_schema_apply_view (LensFakeSchema   *self,
                             const char       *dataset_id,
                             LensFakeResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  JsonObject *root;
  JsonArray *columns;
  char *body;
  gsize len;

  if (response->status != 200 || response->body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                                   g_bytes_get_size (response->body), NULL))
    return;

  root = json_node_get_object (json_parser_get_root (parser));
  columns = json_object_get_array_member (root, "columns");
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonObject *column = json_array_get_object_element (columns, i);
      const char *name = json_object_get_string_member (column, "fieldName");
      const char *view_type = json_object_get_string_member (column, "dataTypeName");
      g_autofree char *new_name = NULL;
      g_autofree char *new_type = NULL;

      apply (self, dataset_id, &name, &view_type, NULL);
      new_name = g_strdup (name);
      new_type = g_strdup (view_type);
      json_object_set_string_member (column, "fieldName", new_name);
      json_object_set_string_member (column, "dataTypeName", new_type);
      json_object_set_string_member (column, "renderTypeName", new_type);
    }

  generator = json_generator_new ();
  json_generator_set_root (generator, json_parser_get_root (parser));
  body = json_generator_to_data (generator, &len);
  g_bytes_unref (response->body);
  response->body = g_bytes_new_take (body, len);
}
