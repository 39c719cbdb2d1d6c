/* lens-content.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-content"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "lens-content-private.h"
#include "lens-date.h"
#include "lens-resources.h"

const char *
lens_confidence_to_tag (LensConfidence confidence)
{
  switch (confidence)
    {
    case LENS_CONFIDENCE_CONFIRMED:
      return "C";
    case LENS_CONFIDENCE_SECONDARY:
      return "S";
    case LENS_CONFIDENCE_DERIVED:
      return "D";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lens_confidence_describe (LensConfidence confidence)
{
  switch (confidence)
    {
    case LENS_CONFIDENCE_CONFIRMED:
      return _("Confirmed by an official document or by two independent reports");
    case LENS_CONFIDENCE_SECONDARY:
      return _("From one news or advocacy source");
    case LENS_CONFIDENCE_DERIVED:
      return _("Worked out from published numbers");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lens_content_date_is_set (const LensContentDate *date)
{
  return date != NULL && date->month != 0;
}

int
lens_content_date_compare (const LensContentDate *a,
                           const LensContentDate *b)
{
  guint ka = 0;
  guint kb = 0;

  if (lens_content_date_is_set (a))
    ka = a->year * 10000u + a->month * 100u + MAX (a->day, 1);
  if (lens_content_date_is_set (b))
    kb = b->year * 10000u + b->month * 100u + MAX (b->day, 1);

  return (ka > kb) - (ka < kb);
}

char *
lens_content_date_to_iso (const LensContentDate *date)
{
  if (!lens_content_date_is_set (date))
    return NULL;
  if (date->day == 0)
    return g_strdup_printf ("%04u-%02u", date->year, date->month);
  return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
}

GDateTime *
lens_content_date_to_date_time (const LensContentDate *date)
{
  if (!lens_content_date_is_set (date))
    return NULL;
  return g_date_time_new_utc (date->year, date->month, MAX (date->day, 1), 0, 0, 0);
}

void
lens_source_clear (LensSource *source)
{
  g_clear_pointer (&source->url, g_free);
  g_clear_pointer (&source->outlet, g_free);
  source->mirror = FALSE;
}

/* Reading */

GBytes *
lens_content_read_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, LENS_CONTENT_ERROR, LENS_CONTENT_ERROR_READ,
                   /* Translators: a file name, then the system's reason */
                   _("%s: could not be read: %s"), name, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, len);
}

GBytes *
lens_content_read_resource (const char  *resource_path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (resource_path);
  GBytes *bytes;

  lens_resources_ensure_registered ();

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_set_error (error, LENS_CONTENT_ERROR, LENS_CONTENT_ERROR_READ,
                 _("%s: could not be read: %s"), name, local_error->message);

  return bytes;
}

void
lens_content_reader_clear (LensContentReader *reader)
{
  g_clear_pointer (&reader->file, g_free);
  g_clear_pointer (&reader->where, g_free);
  g_clear_pointer (&reader->contexts, g_hash_table_unref);
  g_clear_object (&reader->parser);
  reader->root = NULL;
}

void
lens_content_reader_set_where (LensContentReader *reader,
                               const char        *format,
                               ...)
{
  va_list args;

  g_clear_pointer (&reader->where, g_free);
  if (format == NULL)
    return;

  va_start (args, format);
  reader->where = g_strdup_vprintf (format, args);
  va_end (args);
}

gboolean
lens_content_reader_fail (LensContentReader  *reader,
                          GError            **error,
                          LensContentError    code,
                          const char         *field,
                          const char         *format,
                          ...)
{
  g_autoptr(GString) message = g_string_new (reader->file);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->where != NULL)
    g_string_append_printf (message, ": %s", reader->where);
  if (field != NULL)
    g_string_append_printf (message, ": \"%s\"", field);
  g_string_append_printf (message, ": %s", problem);

  g_set_error_literal (error, LENS_CONTENT_ERROR, code, message->str);
  return FALSE;
}

char *
lens_content_field (const char *parent,
                    const char *key)
{
  if (parent == NULL)
    return g_strdup (key);
  return g_strconcat (parent, ".", key, NULL);
}

static gboolean
check_translatable (LensContentReader  *reader,
                    const char * const *expected,
                    GError            **error)
{
  JsonObject *object;
  JsonNode *node;
  JsonObjectIter iter;
  const char *key;

  node = json_object_get_member (reader->root, "translatable");
  if (node == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                     _("missing \"%s\""), "translatable");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "translatable",
                                     _("must be an object"));

  object = json_node_get_object (node);
  reader->contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      g_autofree char *field = lens_content_field ("translatable", key);

      if (!g_strv_contains (expected, key))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "translatable",
                                         _("\"%s\" is listed, but Reform Lens does not translate it"),
                                         key);
      if (JSON_NODE_HOLDS_NULL (node))
        g_hash_table_insert (reader->contexts, g_strdup (key), g_strdup (""));
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
               *json_node_get_string (node) != '\0')
        g_hash_table_insert (reader->contexts, g_strdup (key), g_strdup (json_node_get_string (node)));
      else
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                         _("must be a translation context (a string) or null"));
    }

  for (guint i = 0; expected[i] != NULL; i++)
    if (!g_hash_table_contains (reader->contexts, expected[i]))
      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "translatable",
                                       _("\"%s\" is translated by Reform Lens but not listed"),
                                       expected[i]);

  return TRUE;
}

gboolean
lens_content_reader_load (LensContentReader   *reader,
                          const char          *file,
                          GBytes              *bytes,
                          const char * const  *translatable_keys,
                          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonNode *format;
  const char *data;
  gsize len;

  g_return_val_if_fail (reader->parser == NULL, FALSE);

  reader->file = g_strdup (file);
  reader->parser = json_parser_new_immutable ();

  data = g_bytes_get_data (bytes, &len);
  if (!json_parser_load_from_data (reader->parser, data != NULL ? data : "", len, &local_error))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_PARSE, NULL,
                                     /* Translators: the parser's own message follows */
                                     _("not valid JSON: %s"), local_error->message);

  root = json_parser_get_root (reader->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                     _("the file must hold one JSON object"));
  reader->root = json_node_get_object (root);

  format = json_object_get_member (reader->root, "format");
  if (format == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                     _("missing \"%s\""), "format");
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "format",
                                     _("must be a whole number"));
  if (json_node_get_int (format) != LENS_CONTENT_FORMAT)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "format",
                                     /* Translators: file format versions, two whole numbers */
                                     _("version %lld is not supported (this version of Reform Lens reads version %d)"),
                                     (long long) json_node_get_int (format), LENS_CONTENT_FORMAT);

  return check_translatable (reader, translatable_keys, error);
}

gboolean
lens_content_reader_check_keys (LensContentReader   *reader,
                                const char          *field,
                                JsonObject          *object,
                                const char * const  *allowed,
                                const char * const  *required,
                                GError             **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    if (!g_strv_contains (allowed, key))
      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                       _("unknown key \"%s\""), key);

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    if (!json_object_has_member (object, required[i]))
      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                       _("missing \"%s\""), required[i]);

  return TRUE;
}

/* Looks up @key; FALSE with an error when it is required and absent. *node is NULL for an
 * absent or JSON null member. */
static gboolean
lookup (LensContentReader  *reader,
        const char         *field,
        JsonObject         *object,
        const char         *key,
        gboolean            required,
        JsonNode          **node,
        GError            **error)
{
  *node = json_object_get_member (object, key);

  if (*node == NULL && required)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                     _("missing \"%s\""), key);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    *node = NULL;

  return TRUE;
}

gboolean
lens_content_reader_get_object (LensContentReader  *reader,
                                const char         *field,
                                JsonObject         *object,
                                const char         *key,
                                gboolean            required,
                                JsonObject        **out,
                                GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;

  *out = NULL;
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
lens_content_reader_get_array (LensContentReader  *reader,
                               const char         *field,
                               JsonObject         *object,
                               const char         *key,
                               gboolean            required,
                               JsonArray         **out,
                               GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;

  *out = NULL;
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be a list"));

  *out = json_node_get_array (node);
  return TRUE;
}

static char *
translate (LensContentReader *reader,
           const char        *key,
           const char        *text)
{
  const char *context = g_hash_table_lookup (reader->contexts, key);

  if (context == NULL)
    return g_strdup (text);
  if (*context != '\0')
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, context, text));
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, text));
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
lens_content_reader_get_string (LensContentReader  *reader,
                                const char         *field,
                                JsonObject         *object,
                                const char         *key,
                                gboolean            required,
                                char              **out,
                                GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;
  const char *text;

  *out = NULL;
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_string (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be a string"));

  text = json_node_get_string (node);
  /* An empty msgid would translate to the catalogue's header. */
  if (*text == '\0')
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must not be empty"));

  *out = translate (reader, key, text);
  return TRUE;
}

gboolean
lens_content_reader_get_strv (LensContentReader  *reader,
                              const char         *field,
                              JsonObject         *object,
                              const char         *key,
                              gboolean            required,
                              GStrv              *out,
                              GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  *out = NULL;
  if (!lens_content_reader_get_array (reader, field, object, key, required, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!node_is_string (node) || *json_node_get_string (node) == '\0')
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                         _("must be a list of strings that are not empty"));

      g_autofree char *text = translate (reader, key, json_node_get_string (node));

      g_strv_builder_add (builder, text);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
lens_content_reader_get_number (LensContentReader  *reader,
                                const char         *field,
                                JsonObject         *object,
                                const char         *key,
                                gboolean            required,
                                double             *out,
                                GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;

  *out = 0;
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_number (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be a number"));

  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
lens_content_reader_get_uint (LensContentReader  *reader,
                              const char         *field,
                              JsonObject         *object,
                              const char         *key,
                              gboolean            required,
                              guint              *out,
                              GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;

  *out = 0;
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXUINT)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be a whole number, 0 or more"));

  *out = (guint) json_node_get_int (node);
  return TRUE;
}

gboolean
lens_content_reader_get_boolean (LensContentReader  *reader,
                                 const char         *field,
                                 JsonObject         *object,
                                 const char         *key,
                                 gboolean            required,
                                 gboolean           *out,
                                 GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;

  *out = FALSE;
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be true or false"));

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
parse_date (const char      *text,
            gboolean         allow_month,
            LensContentDate *out)
{
  GDate date;
  guint year, month;

  if (lens_date_parse_iso (text, &date))
    {
      out->year = g_date_get_year (&date);
      out->month = g_date_get_month (&date);
      out->day = g_date_get_day (&date);
      return TRUE;
    }

  if (allow_month && lens_date_parse_iso_month (text, &year, &month))
    {
      out->year = year;
      out->month = month;
      out->day = 0;
      return TRUE;
    }

  return FALSE;
}

gboolean
lens_content_reader_get_date (LensContentReader  *reader,
                              const char         *field,
                              JsonObject         *object,
                              const char         *key,
                              gboolean            required,
                              gboolean            allow_month,
                              LensContentDate    *out,
                              GError            **error)
{
  g_autofree char *path = lens_content_field (field, key);
  JsonNode *node;

  memset (out, 0, sizeof *out);
  if (!lookup (reader, field, object, key, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_string (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be a date written as a string"));

  if (!parse_date (json_node_get_string (node), allow_month, out))
    {
      if (allow_month)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, path,
                                         _("\"%s\" is not a date in the form YYYY-MM-DD or YYYY-MM"),
                                         json_node_get_string (node));
      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, path,
                                       _("\"%s\" is not a date in the form YYYY-MM-DD"),
                                       json_node_get_string (node));
    }

  return TRUE;
}

gboolean
lens_content_reader_get_confidence (LensContentReader  *reader,
                                    const char         *field,
                                    JsonObject         *object,
                                    LensConfidence     *out,
                                    GError            **error)
{
  g_autofree char *path = lens_content_field (field, "confidence");
  JsonNode *node;
  const char *tag;

  *out = LENS_CONFIDENCE_CONFIRMED;
  if (!lookup (reader, field, object, "confidence", TRUE, &node, error))
    return FALSE;
  if (node == NULL || !node_is_string (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, path,
                                     _("must be a string"));

  tag = json_node_get_string (node);
  if (g_str_equal (tag, "C"))
    *out = LENS_CONFIDENCE_CONFIRMED;
  else if (g_str_equal (tag, "S"))
    *out = LENS_CONFIDENCE_SECONDARY;
  else if (g_str_equal (tag, "D"))
    *out = LENS_CONFIDENCE_DERIVED;
  else if (g_str_equal (tag, "U"))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_UNCONFIRMED, field,
                                     _("confidence \"U\" marks an unconfirmed figure, and unconfirmed figures are not shipped: confirm it from a source (C, S or D) or leave it out"));
  else
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, field,
                                     _("confidence \"%s\" is not one of C, S, D"), tag);

  return TRUE;
}

gboolean
lens_content_reader_check_url (LensContentReader  *reader,
                               const char         *field,
                               const char         *url,
                               GError            **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      strpbrk (url, " \t\n") != NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, field,
                                     _("\"%s\" is not an http:// or https:// address"), url);

  return TRUE;
}

gboolean
lens_content_reader_check_id (LensContentReader  *reader,
                              const char         *field,
                              const char         *id,
                              GError            **error)
{
  gboolean ok = g_ascii_islower (id[0]) || g_ascii_isdigit (id[0]);

  for (const char *p = id; ok && *p != '\0'; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) ||
         (*p == '-' && p[1] != '\0' && p[1] != '-');

  if (!ok)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, field,
                                     _("\"%s\" is not an id (lowercase letters, digits and single hyphens)"),
                                     id);
  return TRUE;
}

JsonObject *
lens_content_reader_get_element (LensContentReader  *reader,
                                 JsonArray          *array,
                                 guint               index,
                                 GError            **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
lens_content_reader_read_item (LensContentReader  *reader,
                               JsonArray          *array,
                               guint               index,
                               const char         *list,
                               JsonObject        **object,
                               char              **id,
                               GError            **error)
{
  lens_content_reader_set_where (reader, _("item %u of \"%s\""), index + 1, list);
  return (*object = lens_content_reader_get_element (reader, array, index, error)) != NULL &&
         lens_content_reader_get_string (reader, NULL, *object, "id", TRUE, id, error) &&
         lens_content_reader_check_id (reader, "id", *id, error);
}

gboolean
lens_content_reader_get_source (LensContentReader  *reader,
                                const char         *field,
                                JsonObject         *object,
                                LensSource         *out,
                                GError            **error)
{
  g_autofree char *path = lens_content_field (field, "source");
  g_auto(LensSource) source = { 0 };

  if (!json_object_has_member (object, "source"))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                     _("missing \"%s\""), "source");

  if (!lens_content_reader_get_string (reader, field, object, "source", TRUE, &source.url, error) ||
      !lens_content_reader_check_url (reader, path, source.url, error) ||
      !lens_content_reader_get_string (reader, field, object, "outlet", FALSE, &source.outlet, error) ||
      !lens_content_reader_get_boolean (reader, field, object, "mirror", FALSE, &source.mirror, error))
    return FALSE;

  if (source.mirror && source.outlet == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                     _("a mirrored source must name its \"outlet\""));

  *out = source;
  memset (&source, 0, sizeof source);
  return TRUE;
}
