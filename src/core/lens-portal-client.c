/* lens-portal-client.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-portal-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "lens-portal-client-private.h"

#define DEFAULT_CONNECT_TIMEOUT  10
#define DEFAULT_READ_TIMEOUT     30
#define DEFAULT_MAX_AGE          (6 * 60 * 60)
#define DEFAULT_PAGE_SIZE        50000
#define DEFAULT_MAX_BODY_SIZE    (32 * 1024 * 1024)
#define IDLE_TIMEOUT             60

G_DEFINE_FINAL_TYPE (LensPortalClient, lens_portal_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_CACHE,
  PROP_APP_TOKEN,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Base URLs */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* "[::1]" from a URL. */
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    bare = g_strndup (host + 1, strlen (host) - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
lens_portal_client_uri_is_allowed (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);

  return g_ascii_strcasecmp (scheme, "https") == 0 ||
         (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri)));
}

static gboolean
check_base_url (const char  *base_url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (base_url == NULL || *base_url == '\0')
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_QUERY, _("no portal address is set"));
      return FALSE;
    }

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a web address"), base_url);

      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_QUERY, detail);
      return FALSE;
    }

  if (lens_portal_client_uri_is_allowed (uri))
    return TRUE;

  {
    g_autofree char *detail =
      g_strdup_printf (_("“%s” is not a secure (https) address"), base_url);

    lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_QUERY, detail);
  }
  return FALSE;
}

/* The client object */

static GSource *
default_wait_func (guint    delay_ms,
                   gpointer user_data)
{
  return g_timeout_source_new (delay_ms);
}

static void
lens_portal_client_dispose (GObject *object)
{
  LensPortalClient *self = (LensPortalClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (lens_portal_client_parent_class)->dispose (object);
}

static void
lens_portal_client_finalize (GObject *object)
{
  LensPortalClient *self = (LensPortalClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_error (&self->base_url_error);
  g_clear_pointer (&self->app_token, g_free);
  if (self->wait_destroy != NULL)
    self->wait_destroy (self->wait_data);

  G_OBJECT_CLASS (lens_portal_client_parent_class)->finalize (object);
}

static void
lens_portal_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LensPortalClient *self = LENS_PORTAL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;

    case PROP_APP_TOKEN:
      g_value_set_string (value, self->app_token);
      break;

    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_portal_client_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LensPortalClient *self = LENS_PORTAL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      /* An unacceptable address is kept (so it can be shown) but every request fails. */
      g_free (self->base_url);
      self->base_url = g_value_get_string (value) != NULL ? g_value_dup_string (value)
                                                          : g_strdup (DEFAULT_PORTAL_URL);
      g_clear_error (&self->base_url_error);
      check_base_url (self->base_url, &self->base_url_error);
      break;

    case PROP_CACHE:
      self->cache = g_value_dup_object (value);
      break;

    case PROP_APP_TOKEN:
      lens_portal_client_set_app_token (self, g_value_get_string (value));
      break;

    case PROP_OFFLINE:
      lens_portal_client_set_offline (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_portal_client_class_init (LensPortalClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lens_portal_client_dispose;
  object_class->finalize = lens_portal_client_finalize;
  object_class->get_property = lens_portal_client_get_property;
  object_class->set_property = lens_portal_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         DEFAULT_PORTAL_URL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL,
                         LENS_TYPE_CACHE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APP_TOKEN] =
    g_param_spec_string ("app-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lens_portal_client_init (LensPortalClient *self)
{
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->read_timeout = DEFAULT_READ_TIMEOUT;
  self->retry_policy = (LensRetryPolicy) LENS_RETRY_POLICY_INIT;
  self->wait_func = default_wait_func;
  self->max_age = DEFAULT_MAX_AGE;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->max_body_size = DEFAULT_MAX_BODY_SIZE;

  /* SoupContentDecoder is on by default: it sends Accept-Encoding and unpacks gzip.
   * "timeout" bounds every socket read and write; "idle-timeout" closes unused keep-alive
   * connections. libsoup 3.2 has no separate connect timeout: see send_attempt(). */
  self->session = soup_session_new_with_options ("user-agent", "Reform Lens/" PACKAGE_VERSION " (+" PACKAGE_WEBSITE ")",
                                                 "timeout", self->read_timeout,
                                                 "idle-timeout", IDLE_TIMEOUT,
                                                 NULL);
}

LensPortalClient *
lens_portal_client_new (const char *base_url,
                        LensCache  *cache)
{
  g_return_val_if_fail (cache == NULL || LENS_IS_CACHE (cache), NULL);

  return g_object_new (LENS_TYPE_PORTAL_CLIENT,
                       "base-url", base_url,
                       "cache", cache,
                       NULL);
}

const char *
lens_portal_client_get_base_url (LensPortalClient *self)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), NULL);

  return self->base_url;
}

gboolean
lens_portal_client_set_base_url (LensPortalClient  *self,
                                 const char        *base_url,
                                 GError           **error)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), FALSE);

  if (!check_base_url (base_url, error))
    return FALSE;

  if (g_strcmp0 (self->base_url, base_url) != 0)
    {
      g_free (self->base_url);
      self->base_url = g_strdup (base_url);
      g_clear_error (&self->base_url_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
    }

  return TRUE;
}

void
lens_portal_client_set_app_token (LensPortalClient *self,
                                  const char       *app_token)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));

  if (app_token != NULL && *app_token == '\0')
    app_token = NULL;

  if (g_strcmp0 (self->app_token, app_token) != 0)
    {
      g_free (self->app_token);
      self->app_token = g_strdup (app_token);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APP_TOKEN]);
    }
}

void
lens_portal_client_set_offline (LensPortalClient *self,
                                gboolean          offline)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));

  offline = !!offline;
  if (self->offline != offline)
    {
      self->offline = offline;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }
}

gboolean
lens_portal_client_get_offline (LensPortalClient *self)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), FALSE);

  return self->offline;
}

LensCache *
lens_portal_client_get_cache (LensPortalClient *self)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), NULL);

  return self->cache;
}

void
lens_portal_client_set_timeouts (LensPortalClient *self,
                                 guint             connect_seconds,
                                 guint             read_seconds)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));

  self->connect_timeout = connect_seconds;
  self->read_timeout = read_seconds;
  /* Applies to connections opened from now on. */
  soup_session_set_timeout (self->session, read_seconds);
}

void
lens_portal_client_set_retry_policy (LensPortalClient *self,
                                     guint             max_retries,
                                     guint             base_delay_ms,
                                     guint             max_delay_ms)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));

  self->retry_policy.max_retries = max_retries;
  self->retry_policy.base_delay_ms = base_delay_ms;
  self->retry_policy.max_delay_ms = max_delay_ms;
}

void
lens_portal_client_set_wait_func (LensPortalClient   *self,
                                  LensPortalWaitFunc  func,
                                  gpointer            user_data,
                                  GDestroyNotify      destroy)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));

  if (self->wait_destroy != NULL)
    self->wait_destroy (self->wait_data);
  self->wait_func = func != NULL ? func : default_wait_func;
  self->wait_data = func != NULL ? user_data : NULL;
  self->wait_destroy = func != NULL ? destroy : NULL;
}

void
lens_portal_client_set_max_age (LensPortalClient *self,
                                guint             seconds)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));

  self->max_age = seconds;
}

void
lens_portal_client_set_page_size (LensPortalClient *self,
                                  guint             rows)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (rows > 0);

  self->page_size = rows;
}

void
lens_portal_client_set_max_body_size (LensPortalClient *self,
                                      gsize             bytes)
{
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (bytes > 0);

  self->max_body_size = bytes;
}

void
lens_portal_client_query_async (LensPortalClient    *self,
                                LensSoql            *query,
                                LensQueryFlags       flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = lens_portal_op_new (self, LENS_PORTAL_OP_QUERY, flags, cancellable, callback, user_data,
                             lens_portal_client_query_async);

  /* Nothing leaves the machine for a bad address or a bad query. */
  if (self->base_url_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->base_url_error));
      return;
    }
  if (!lens_soql_validate (query, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  lens_portal_op_start_query (g_steal_pointer (&task), query);
}

LensQueryResult *
lens_portal_client_query_finish (LensPortalClient  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
lens_portal_client_fetch_dataset_info_async (LensPortalClient    *self,
                                             const char          *dataset_id,
                                             LensQueryFlags       flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = lens_portal_op_new (self, LENS_PORTAL_OP_DATASET_INFO, flags, cancellable, callback,
                             user_data, lens_portal_client_fetch_dataset_info_async);

  if (self->base_url_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->base_url_error));
      return;
    }
  if (!lens_soql_is_dataset_id (dataset_id))
    {
      g_autofree char *detail =
        g_strdup_printf (_("“%s” is not a dataset identifier"), dataset_id != NULL ? dataset_id : "");

      g_task_return_error (task, lens_portal_error_new (LENS_PORTAL_ERROR_BAD_QUERY, detail));
      return;
    }

  lens_portal_op_start_dataset_info (g_steal_pointer (&task), dataset_id);
}

LensDatasetInfo *
lens_portal_client_fetch_dataset_info_finish (LensPortalClient  *self,
                                              GAsyncResult      *result,
                                              GError           **error)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
lens_portal_client_fetch_boundaries_async (LensPortalClient    *self,
                                           const char          *dataset_id,
                                           LensQueryFlags       flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = lens_portal_op_new (self, LENS_PORTAL_OP_BOUNDARIES, flags, cancellable, callback,
                             user_data, lens_portal_client_fetch_boundaries_async);

  if (self->base_url_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->base_url_error));
      return;
    }
  if (!lens_soql_is_dataset_id (dataset_id))
    {
      g_autofree char *detail =
        g_strdup_printf (_("“%s” is not a dataset identifier"), dataset_id != NULL ? dataset_id : "");

      g_task_return_error (task, lens_portal_error_new (LENS_PORTAL_ERROR_BAD_QUERY, detail));
      return;
    }

  lens_portal_op_start_boundaries (g_steal_pointer (&task), dataset_id);
}

LensBoundariesResult *
lens_portal_client_fetch_boundaries_finish (LensPortalClient  *self,
                                            GAsyncResult      *result,
                                            GError           **error)
{
  g_return_val_if_fail (LENS_IS_PORTAL_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
