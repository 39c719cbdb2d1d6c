/* lens-settings.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-settings"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lens-resources.h"
#include "lens-settings.h"

#define BUILT_IN_SCHEMA_RESOURCE APP_RESOURCE_PATH "/schemas/gschemas.compiled"

static GQuark
built_in_quark (void)
{
  return g_quark_from_static_string ("lens-settings-built-in");
}

GSettingsSchema *
lens_settings_lookup_installed_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  /* NULL when GLib finds no schema folder at all. */
  if (source == NULL)
    return NULL;

  return g_settings_schema_source_lookup (source, APP_ID, TRUE);
}

/* GLib reads compiled schemas only from a folder, so the resource's copy goes to a private
 * temporary one. The file is mapped, not read again, so it is removed at once. */
static GSettingsSchemaSource *
load_built_in_source (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  GSettingsSchemaSource *source;
  gsize size;
  const char *data;

  lens_resources_ensure_registered ();
  bytes = g_resources_lookup_data (BUILT_IN_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  directory = g_dir_make_tmp ("reform-lens-schema-XXXXXX", error);
  if (directory == NULL)
    return NULL;

  path = g_build_filename (directory, "gschemas.compiled", NULL);
  data = g_bytes_get_data (bytes, &size);
  if (g_file_set_contents (path, data, size, error))
    source = g_settings_schema_source_new_from_directory (directory, NULL, TRUE, error);
  else
    source = NULL;

  g_unlink (path);
  g_rmdir (directory);

  return source;
}

/* Loaded once: every GSettings made from it shares the one source. */
static GSettingsSchema *
lookup_built_in_schema (GError **error)
{
  static GSettingsSchemaSource *source;
  static GMutex mutex;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  GSettingsSchema *schema;

  if (source == NULL && (source = load_built_in_source (error)) == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  if (schema == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "%s has no schema %s", BUILT_IN_SCHEMA_RESOURCE, APP_ID);

  return schema;
}

GSettings *
lens_settings_new (GError **error)
{
  g_autoptr(GSettingsSchema) schema = lens_settings_lookup_installed_schema ();
  g_autoptr(GSettingsBackend) backend = NULL;
  GSettings *settings;

  if (schema != NULL)
    return g_settings_new_full (schema, NULL, NULL);

  schema = lookup_built_in_schema (error);
  if (schema == NULL)
    {
      g_prefix_error (error,
                      /* Translators: %s is the settings schema's name; the reason follows. */
                      _("the settings schema %s is not installed, and the copy built into the "
                        "app could not be read: "),
                      APP_ID);
      return NULL;
    }

  /* Without an installed schema nothing may be written where an installed app would keep its
   * settings: this run's changes stay in memory. */
  g_debug ("Settings schema %s is not installed; using the built-in defaults", APP_ID);
  backend = g_memory_settings_backend_new ();
  settings = g_settings_new_full (schema, backend, NULL);
  g_object_set_qdata (G_OBJECT (settings), built_in_quark (), GINT_TO_POINTER (TRUE));

  return settings;
}

gboolean
lens_settings_is_installed (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  return g_object_get_qdata (G_OBJECT (settings), built_in_quark ()) == NULL;
}

guint64
lens_settings_get_cache_max_bytes (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);

  return (guint64) g_settings_get_uint (settings, "cache-size-mb") * 1024 * 1024;
}

LensPortalClient *
lens_settings_new_client (GSettings  *settings,
                          const char *portal_url)
{
  g_autoptr(LensCache) cache = NULL;
  g_autofree char *url = NULL;
  LensPortalClient *client;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  url = portal_url != NULL ? g_strdup (portal_url) : g_settings_get_string (settings, "portal-url");
  cache = lens_cache_new (NULL, lens_settings_get_cache_max_bytes (settings));
  client = lens_portal_client_new (url, cache);
  lens_settings_apply_to_client (settings, client, "app-token", NULL, NULL);

  return client;
}

gboolean
lens_settings_apply_to_client (GSettings         *settings,
                               LensPortalClient  *client,
                               const char        *key,
                               const char        *portal_url,
                               GError           **error)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (client), FALSE);

  if ((key == NULL || g_str_equal (key, "cache-size-mb")) &&
      lens_portal_client_get_cache (client) != NULL)
    lens_cache_set_max_bytes (lens_portal_client_get_cache (client),
                              lens_settings_get_cache_max_bytes (settings));

  if (key == NULL || g_str_equal (key, "app-token"))
    {
      g_autofree char *token = g_settings_get_string (settings, "app-token");

      lens_portal_client_set_app_token (client, token);
    }

  if (key == NULL || g_str_equal (key, "portal-url"))
    {
      g_autofree char *url = portal_url != NULL ? g_strdup (portal_url)
                                                : g_settings_get_string (settings, "portal-url");

      return lens_portal_client_set_base_url (client, url, error);
    }

  return TRUE;
}
