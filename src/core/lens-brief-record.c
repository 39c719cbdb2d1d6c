/* lens-brief-record.c: the figures a saved brief printed, as a small JSON file
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-record"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lens-brief-record.h"
#include "lens-date.h"

#define FORMAT_ID "reform-lens-brief-record"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (lens-brief-record-error-quark, lens_brief_record_error)

LensBriefRecordFigures *
lens_brief_record_figures_new (const char         *id,
                               const char         *title,
                               const char         *dataset,
                               const char         *unit,
                               GDateTime          *as_of,
                               const char * const *labels,
                               const gboolean     *partial)
{
  LensBriefRecordFigures *figures = g_new0 (LensBriefRecordFigures, 1);
  guint n = labels != NULL ? g_strv_length ((GStrv) labels) : 0;

  figures->id = g_strdup (id);
  figures->title = g_strdup (title);
  figures->dataset = g_strdup (dataset);
  figures->unit = g_strdup (unit);
  figures->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
  figures->labels = labels != NULL ? g_strdupv ((GStrv) labels) : g_new0 (char *, 1);
  figures->partial = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), n);
  for (guint i = 0; i < n; i++)
    {
      gboolean p = partial != NULL && partial[i];

      g_array_append_val (figures->partial, p);
    }
  figures->vector_names = g_new0 (char *, 1);
  figures->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return figures;
}

void
lens_brief_record_figures_add_vector (LensBriefRecordFigures *figures,
                                      const char             *name,
                                      const double           *values)
{
  guint n = g_strv_length (figures->labels);
  guint n_vectors = g_strv_length (figures->vector_names);
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  g_array_append_vals (array, values, n);
  g_ptr_array_add (figures->values, array);
  figures->vector_names = g_renew (char *, figures->vector_names, n_vectors + 2);
  figures->vector_names[n_vectors] = g_strdup (name);
  figures->vector_names[n_vectors + 1] = NULL;
}

guint
lens_brief_record_figures_get_n_labels (const LensBriefRecordFigures *figures)
{
  return g_strv_length (figures->labels);
}

double
lens_brief_record_figures_get_value (const LensBriefRecordFigures *figures,
                                     guint                         vector,
                                     guint                         label)
{
  GArray *array;

  if (vector >= figures->values->len)
    return NAN;
  array = g_ptr_array_index (figures->values, vector);
  return label < array->len ? g_array_index (array, double, label) : NAN;
}

void
lens_brief_record_figures_free (LensBriefRecordFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->id);
  g_free (figures->title);
  g_free (figures->dataset);
  g_free (figures->unit);
  g_clear_pointer (&figures->as_of, g_date_time_unref);
  g_strfreev (figures->labels);
  g_array_unref (figures->partial);
  g_strfreev (figures->vector_names);
  g_ptr_array_unref (figures->values);
  g_free (figures);
}

LensBriefRecord *
lens_brief_record_new (const char  *portal,
                       LensFilters *filters,
                       GDateTime   *made)
{
  LensBriefRecord *record = g_new0 (LensBriefRecord, 1);

  record->portal = g_strdup (portal);
  record->filters = lens_filters_copy (filters);
  record->made = g_date_time_ref (made);
  record->data_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  record->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_brief_record_figures_free);
  record->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_brief_record_figures_free);
  return record;
}

void
lens_brief_record_free (LensBriefRecord *record)
{
  if (record == NULL)
    return;
  g_clear_pointer (&record->made, g_date_time_unref);
  g_free (record->portal);
  g_clear_pointer (&record->filters, lens_filters_unref);
  g_hash_table_unref (record->data_ends);
  g_ptr_array_unref (record->charts);
  g_ptr_array_unref (record->tables);
  g_free (record);
}

void
lens_brief_record_add_chart (LensBriefRecord        *record,
                             LensBriefRecordFigures *figures)
{
  g_ptr_array_add (record->charts, figures);
}

void
lens_brief_record_add_table (LensBriefRecord        *record,
                             LensBriefRecordFigures *figures)
{
  g_ptr_array_add (record->tables, figures);
}

void
lens_brief_record_set_data_end (LensBriefRecord *record,
                                const char      *dataset,
                                const GDate     *last_full_day)
{
  g_return_if_fail (last_full_day != NULL && g_date_valid (last_full_day));
  g_hash_table_replace (record->data_ends, g_strdup (dataset),
                        g_memdup2 (last_full_day, sizeof (GDate)));
}

const GDate *
lens_brief_record_get_data_end (LensBriefRecord *record,
                                const char      *dataset)
{
  return g_hash_table_lookup (record->data_ends, dataset);
}

const LensBriefRecordFigures *
lens_brief_record_lookup_chart (LensBriefRecord *record,
                                const char      *id)
{
  for (guint i = 0; i < record->charts->len; i++)
    {
      const LensBriefRecordFigures *figures = g_ptr_array_index (record->charts, i);

      if (g_strcmp0 (figures->id, id) == 0)
        return figures;
    }
  return NULL;
}

char *
lens_brief_record_dup_path (const char *dir,
                            const char *name)
{
  g_autofree char *base = g_strconcat (name, ".json", NULL);

  return g_build_filename (dir, "records", base, NULL);
}

/* Writing */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_figures (JsonBuilder                  *b,
             const LensBriefRecordFigures *figures)
{
  g_autofree char *as_of = figures->as_of != NULL ? g_date_time_format_iso8601 (figures->as_of) : NULL;
  guint n = lens_brief_record_figures_get_n_labels (figures);

  json_builder_begin_object (b);
  add_string (b, "id", figures->id);
  add_string (b, "title", figures->title);
  add_string (b, "dataset", figures->dataset);
  add_string (b, "unit", figures->unit);
  add_string (b, "as-of", as_of);
  json_builder_set_member_name (b, "labels");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (b, figures->labels[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "partial");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_boolean_value (b, g_array_index (figures->partial, gboolean, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "vectors");
  json_builder_begin_array (b);
  for (guint v = 0; figures->vector_names[v] != NULL; v++)
    {
      json_builder_begin_object (b);
      add_string (b, "name", figures->vector_names[v]);
      json_builder_set_member_name (b, "values");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          double value = lens_brief_record_figures_get_value (figures, v, i);

          if (isfinite (value))
            json_builder_add_double_value (b, value);
          else
            json_builder_add_null_value (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
lens_brief_record_to_data (LensBriefRecord *record)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *made = g_date_time_format_iso8601 (record->made);
  g_autofree char *filters = lens_filters_to_string (record->filters);
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (record->data_ends),
                                       (GCompareFunc) strcmp);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, FORMAT_ID);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, FORMAT_VERSION);
  add_string (b, "made", made);
  add_string (b, "portal", record->portal);
  add_string (b, "filters", filters);
  json_builder_set_member_name (b, "data-ends");
  json_builder_begin_object (b);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *day = lens_date_format_iso (g_hash_table_lookup (record->data_ends, l->data));

      add_string (b, l->data, day);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "charts");
  json_builder_begin_array (b);
  for (guint i = 0; i < record->charts->len; i++)
    add_figures (b, g_ptr_array_index (record->charts, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "tables");
  json_builder_begin_array (b);
  for (guint i = 0; i < record->tables->len; i++)
    add_figures (b, g_ptr_array_index (record->tables, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

gboolean
lens_brief_record_save (LensBriefRecord  *record,
                        const char       *path,
                        GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  data = lens_brief_record_to_data (record);
  return g_file_set_contents (path, data, -1, error);
}

/* Reading: anything unexpected is FALSE, the caller words it. */

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static LensBriefRecordFigures *
read_figures (JsonNode *node)
{
  JsonObject *object;
  JsonArray *labels, *partial, *vectors;
  g_autoptr(GStrvBuilder) label_builder = g_strv_builder_new ();
  g_auto(GStrv) label_strv = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autofree gboolean *partial_values = NULL;
  g_autoptr(LensBriefRecordFigures) figures = NULL;
  const char *as_of_text;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  labels = get_array (object, "labels");
  partial = get_array (object, "partial");
  vectors = get_array (object, "vectors");
  if (get_string (object, "id") == NULL || labels == NULL || vectors == NULL)
    return NULL;

  n = json_array_get_length (labels);
  if (partial != NULL && json_array_get_length (partial) != n)
    return NULL;
  partial_values = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *label = json_array_get_element (labels, i);

      if (!JSON_NODE_HOLDS_VALUE (label) || json_node_get_value_type (label) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (label_builder, json_node_get_string (label));
      if (partial != NULL)
        partial_values[i] = json_array_get_boolean_element (partial, i);
    }
  label_strv = g_strv_builder_end (label_builder);

  as_of_text = get_string (object, "as-of");
  if (as_of_text != NULL)
    as_of = g_date_time_new_from_iso8601 (as_of_text, NULL);

  figures = lens_brief_record_figures_new (get_string (object, "id"), get_string (object, "title"),
                                           get_string (object, "dataset"), get_string (object, "unit"),
                                           as_of, (const char * const *) label_strv, partial_values);

  for (guint v = 0; v < json_array_get_length (vectors); v++)
    {
      JsonNode *vector = json_array_get_element (vectors, v);
      g_autofree double *values = NULL;
      JsonArray *array;

      if (!JSON_NODE_HOLDS_OBJECT (vector))
        return NULL;
      array = get_array (json_node_get_object (vector), "values");
      if (array == NULL || json_array_get_length (array) != n)
        return NULL;
      values = g_new0 (double, n + 1);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *value = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_NULL (value))
            values[i] = NAN;
          else if (JSON_NODE_HOLDS_VALUE (value) &&
                   (json_node_get_value_type (value) == G_TYPE_DOUBLE ||
                    json_node_get_value_type (value) == G_TYPE_INT64))
            values[i] = json_node_get_double (value);
          else
            return NULL;
        }
      lens_brief_record_figures_add_vector (figures,
                                            get_string (json_node_get_object (vector), "name"),
                                            values);
    }

  return g_steal_pointer (&figures);
}

static gboolean
read_figures_array (JsonObject *object,
                    const char *name,
                    GPtrArray  *into)
{
  JsonArray *array = get_array (object, name);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      LensBriefRecordFigures *figures = read_figures (json_array_get_element (array, i));

      if (figures == NULL)
        return FALSE;
      g_ptr_array_add (into, figures);
    }
  return TRUE;
}

static LensBriefRecord *
read_record (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(LensBriefRecord) record = NULL;
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(GDateTime) made = NULL;
  JsonNode *root;
  JsonObject *object, *ends;
  JsonNode *ends_node;
  const char *made_text, *filters_text, *portal;

  if (!json_parser_load_from_data (parser, data, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (get_string (object, "format"), FORMAT_ID) != 0 ||
      json_object_get_int_member_with_default (object, "version", 0) != FORMAT_VERSION)
    return NULL;

  made_text = get_string (object, "made");
  filters_text = get_string (object, "filters");
  portal = get_string (object, "portal");
  if (made_text == NULL || filters_text == NULL || portal == NULL)
    return NULL;
  made = g_date_time_new_from_iso8601 (made_text, NULL);
  filters = lens_filters_new_from_string (filters_text, NULL);
  if (made == NULL || filters == NULL)
    return NULL;

  record = lens_brief_record_new (portal, filters, made);

  ends_node = json_object_get_member (object, "data-ends");
  if (ends_node == NULL || !JSON_NODE_HOLDS_OBJECT (ends_node))
    return NULL;
  ends = json_node_get_object (ends_node);
  {
    g_autoptr(GList) members = json_object_get_members (ends);

    for (GList *l = members; l != NULL; l = l->next)
      {
        GDate day;

        if (!lens_date_parse_iso (get_string (ends, l->data), &day))
          return NULL;
        lens_brief_record_set_data_end (record, l->data, &day);
      }
  }

  if (!read_figures_array (object, "charts", record->charts) ||
      !read_figures_array (object, "tables", record->tables))
    return NULL;

  return g_steal_pointer (&record);
}

LensBriefRecord *
lens_brief_record_new_from_data (const char  *data,
                                 GError     **error)
{
  LensBriefRecord *record = read_record (data);

  if (record == NULL)
    g_set_error_literal (error, LENS_BRIEF_RECORD_ERROR, LENS_BRIEF_RECORD_ERROR_CORRUPT,
                         _("The figures of the last brief could not be read."));
  return record;
}

LensBriefRecord *
lens_brief_record_load (const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  LensBriefRecord *record;

  if (!g_file_get_contents (path, &data, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, LENS_BRIEF_RECORD_ERROR, LENS_BRIEF_RECORD_ERROR_NOT_FOUND,
                     /* Translators: %s is a file name. */
                     _("There is no record of a previous brief in %s."), display);
      else
        g_set_error (error, LENS_BRIEF_RECORD_ERROR, LENS_BRIEF_RECORD_ERROR_CORRUPT,
                     /* Translators: %s is a file name, then why it could not be read. */
                     _("The figures of the last brief (%s) could not be read: %s. This brief "
                       "is made without comparing."), display, local_error->message);
      return NULL;
    }

  record = read_record (data);
  if (record == NULL)
    g_set_error (error, LENS_BRIEF_RECORD_ERROR, LENS_BRIEF_RECORD_ERROR_CORRUPT,
                 /* Translators: %s is a file name. */
                 _("The figures of the last brief (%s) are damaged or not in a form this "
                   "version knows, so this brief is made without comparing. The file is "
                   "replaced when this brief is saved."), display);
  return record;
}

gboolean
lens_brief_record_rename (const char  *dir,
                          const char  *name,
                          const char  *new_name,
                          GError     **error)
{
  g_autofree char *path = lens_brief_record_dup_path (dir, name);
  g_autofree char *new_path = lens_brief_record_dup_path (dir, new_name);

  if (g_rename (path, new_path) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not rename %s: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

gboolean
lens_brief_record_delete (const char  *dir,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *path = lens_brief_record_dup_path (dir, name);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not remove %s: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}
