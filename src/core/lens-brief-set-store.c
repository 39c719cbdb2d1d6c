/* lens-brief-set-store.c: saved briefs as one JSON file each, written atomically
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lens-brief-set-store.h"
#include "lens-brief-record.h"
#include "lens-date.h"

#define FORMAT_ID "reform-lens-brief-set"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (lens-brief-set-store-error-quark, lens_brief_set_store_error)

char *
lens_brief_set_store_default_dir (void)
{
  const char *dir = g_getenv ("REFORM_LENS_BRIEFS_DIR");

  /* For the window tests (which do not isolate the user's folders) and the programs they run. */
  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_data_dir (), "reform-lens", "briefs", NULL);
}

/* A name becomes a file name: anything but a path separator or a leading dot is kept. */
static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || *name == '.' || strchr (name, '/') != NULL
      || strchr (name, '\\') != NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_INVALID_NAME,
                   _("“%s” cannot be the name of a saved brief: use a name without “/” that does not start with a dot."),
                   name != NULL ? name : "");
      return FALSE;
    }
  return TRUE;
}

static char *
path_for (const char *dir,
          const char *name)
{
  g_autofree char *base = g_strconcat (name, ".json", NULL);

  return g_build_filename (dir, base, NULL);
}

static char *
to_json (const LensBriefSet *set)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, FORMAT_ID);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, FORMAT_VERSION);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, set->name);
  json_builder_set_member_name (b, "district");
  json_builder_add_int_value (b, set->district);
  json_builder_set_member_name (b, "comparison");
  json_builder_add_string_value (b, set->comparison != NULL ? set->comparison : "");
  json_builder_set_member_name (b, "language");
  json_builder_add_string_value (b, set->language != NULL ? set->language : "");
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; set->sections != NULL && set->sections[i] != NULL; i++)
    json_builder_add_string_value (b, set->sections[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, lens_brief_period_rule_to_id (set->rule));
  if (set->rule == LENS_BRIEF_PERIOD_FIXED && g_date_valid (&set->fixed_from)
      && g_date_valid (&set->fixed_to))
    {
      g_autofree char *from = lens_date_format_iso (&set->fixed_from);
      g_autofree char *to = lens_date_format_iso (&set->fixed_to);

      json_builder_set_member_name (b, "from");
      json_builder_add_string_value (b, from);
      json_builder_set_member_name (b, "to");
      json_builder_add_string_value (b, to);
    }
  json_builder_set_member_name (b, "last-made");
  json_builder_add_int_value (b, set->last_made);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static gboolean
read_string (JsonObject  *obj,
             const char  *member,
             char       **out)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_int (JsonObject *obj,
          const char *member,
          gint64     *out)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* NULL when @root is not a saved brief of a version this app reads. */
static LensBriefSet *
from_json (JsonNode *root)
{
  g_autoptr(LensBriefSet) set = lens_brief_set_new (NULL);
  g_autofree char *format = NULL;
  g_autofree char *period = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  JsonObject *obj;
  JsonArray *sections;
  gint64 version = 0, district = 0;
  g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  obj = json_node_get_object (root);
  if (!read_string (obj, "format", &format) || g_strcmp0 (format, FORMAT_ID) != 0
      || !read_int (obj, "version", &version) || version != FORMAT_VERSION
      || !read_string (obj, "name", &set->name) || *set->name == '\0'
      || !read_int (obj, "district", &district) || district < 0 || district > 99
      || !read_string (obj, "comparison", &set->comparison)
      || !read_string (obj, "language", &set->language)
      || !read_string (obj, "period", &period)
      || !lens_brief_period_rule_from_id (period, &set->rule)
      || !json_object_has_member (obj, "sections")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "sections")))
    return NULL;
  set->district = district;
  read_int (obj, "last-made", &set->last_made);

  sections = json_object_get_array_member (obj, "sections");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *node = json_array_get_element (sections, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (sb, json_node_get_string (node));
    }
  set->sections = g_strv_builder_end (sb);

  if (set->rule == LENS_BRIEF_PERIOD_FIXED
      && (!read_string (obj, "from", &from) || !read_string (obj, "to", &to)
          || !lens_date_parse_iso (from, &set->fixed_from)
          || !lens_date_parse_iso (to, &set->fixed_to)
          || g_date_compare (&set->fixed_from, &set->fixed_to) > 0))
    return NULL;

  return g_steal_pointer (&set);
}

/* Renames @path to @path.bad (a number added when one is there already) so the user's file
 * is kept for them to look at, and says so in @error. */
static void
move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *bad = g_strconcat (path, ".bad", NULL);

  for (guint n = 2; g_file_test (bad, G_FILE_TEST_EXISTS) && n < 1000; n++)
    {
      g_free (bad);
      bad = g_strdup_printf ("%s.%u.bad", path, n);
    }

  if (g_rename (path, bad) != 0)
    {
      int errsv = errno;

      g_set_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_CORRUPT,
                   _("The saved brief %s cannot be read and could not be moved aside (%s); it is left as it is."),
                   path, g_strerror (errsv));
      return;
    }

  g_set_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_CORRUPT,
               _("The saved brief %s cannot be read: it is not a brief this version of Reform Lens saved. It was kept as %s; save the brief again to replace it."),
               path, bad);
}

static LensBriefSet *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  LensBriefSet *set;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      move_aside (path, error);
      return NULL;
    }

  set = from_json (json_parser_get_root (parser));
  if (set == NULL)
    move_aside (path, error);
  return set;
}

static int
compare_sets (gconstpointer a,
              gconstpointer b)
{
  const LensBriefSet *sa = *(LensBriefSet * const *) a;
  const LensBriefSet *sb = *(LensBriefSet * const *) b;
  g_autofree char *ka = g_utf8_collate_key (sa->name, -1);
  g_autofree char *kb = g_utf8_collate_key (sb->name, -1);

  return strcmp (ka, kb);
}

GPtrArray *
lens_brief_set_store_list (const char *dir,
                           GPtrArray  *problems)
{
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_brief_set_free);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *entry;

  if (gdir == NULL)
    return sets;

  while ((entry = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      LensBriefSet *set;

      if (!g_str_has_suffix (entry, ".json") || *entry == '.')
        continue;
      path = g_build_filename (dir, entry, NULL);
      set = load_path (path, &error);
      if (set != NULL)
        g_ptr_array_add (sets, set);
      else if (error != NULL && problems != NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
    }

  g_ptr_array_sort (sets, compare_sets);
  return sets;
}

LensBriefSet *
lens_brief_set_store_load (const char  *dir,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  LensBriefSet *set;

  if (!check_name (name, error))
    return NULL;
  path = path_for (dir, name);
  set = load_path (path, &local);
  if (set == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_NOT_FOUND,
                     _("There is no saved brief named “%s”."), name);
      else
        g_propagate_error (error, g_steal_pointer (&local));
    }
  return set;
}

gboolean
lens_brief_set_store_save (const char          *dir,
                           const LensBriefSet  *set,
                           GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  if (!check_name (set->name, error))
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  path = path_for (dir, set->name);
  json = to_json (set);
  return g_file_set_contents (path, json, -1, error);
}

static gboolean
copy_to (const char  *dir,
         const char  *name,
         const char  *new_name,
         gboolean     remove_old,
         GError     **error)
{
  g_autoptr(LensBriefSet) set = NULL;
  g_autofree char *new_path = NULL;

  if (!check_name (new_name, error))
    return FALSE;
  set = lens_brief_set_store_load (dir, name, error);
  if (set == NULL)
    return FALSE;
  new_path = path_for (dir, new_name);
  if (g_file_test (new_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_EXISTS,
                   _("A saved brief named “%s” exists already: choose another name."),
                   new_name);
      return FALSE;
    }
  g_free (set->name);
  set->name = g_strdup (new_name);
  if (!remove_old)
    set->last_made = 0;
  if (!lens_brief_set_store_save (dir, set, error))
    return FALSE;
  return !remove_old || lens_brief_set_store_delete (dir, name, error);
}

gboolean
lens_brief_set_store_rename (const char  *dir,
                             const char  *name,
                             const char  *new_name,
                             GError     **error)
{
  g_autofree char *new_path = NULL;

  if (g_strcmp0 (name, new_name) == 0)
    return check_name (name, error);
  new_path = path_for (dir, new_name);

  /* The figures of its last brief go with it (before the old name's file is removed). */
  if (!check_name (new_name, NULL) ||
      g_file_test (new_path, G_FILE_TEST_EXISTS) ||
      !lens_brief_record_rename (dir, name, new_name, NULL))
    return copy_to (dir, name, new_name, TRUE, error);
  if (!copy_to (dir, name, new_name, TRUE, error))
    {
      lens_brief_record_rename (dir, new_name, name, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
lens_brief_set_store_duplicate (const char  *dir,
                                const char  *name,
                                const char  *new_name,
                                GError     **error)
{
  return copy_to (dir, name, new_name, FALSE, error);
}

gboolean
lens_brief_set_store_delete (const char  *dir,
                             const char  *name,
                             GError     **error)
{
  g_autofree char *path = NULL;

  if (!check_name (name, error))
    return FALSE;
  path = path_for (dir, name);
  lens_brief_record_delete (dir, name, NULL);
  if (g_unlink (path) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        g_set_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_NOT_FOUND,
                     _("There is no saved brief named “%s”."), name);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                     _("Could not remove %s: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}
