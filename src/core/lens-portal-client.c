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

#include "lens-portal-client.h"
#include "lens-retry-policy.h"

/* One request, from the caller's point of view:
 *
 *   cache lookup (worker thread)
 *     -> served from the cache (fresh, CACHE_FIRST or offline), parsed in the worker, or
 *     -> GET, conditional when something is cached (main context, asynchronous libsoup)
 *          429/503/502/504/202: wait (Retry-After or backoff) and try again, a few times
 *          304: the cached body, with a new fetch time, stored again
 *          200: body read in chunks up to max_body_size, parsed in a worker; a full page asks
 *               for the next one; at the end the whole answer is stored in a worker
 *          anything else: an error, and the cached entry (if any) is returned as stale data
 *                         with that error as its warning; the cache is never touched.
 *
 * The main context only runs libsoup callbacks and small decisions; disk and JSON are always
 * in a worker thread (g_task_run_in_thread). */

#define DEFAULT_CONNECT_TIMEOUT  10
#define DEFAULT_READ_TIMEOUT     30
#define DEFAULT_MAX_AGE          (6 * 60 * 60)
#define DEFAULT_PAGE_SIZE        50000
#define DEFAULT_MAX_BODY_SIZE    (32 * 1024 * 1024)
#define IDLE_TIMEOUT             60
#define READ_CHUNK               (128 * 1024)
/* libsoup 3.2 has no name for it. */
#define HTTP_TOO_MANY_REQUESTS   429
/* Error bodies are read up to this size, for the portal's own message. */
#define MAX_ERROR_BODY           (64 * 1024)

struct _LensPortalClient
{
  GObject      parent_instance;

  char        *base_url;
  GError      *base_url_error;   /* set while the base URL is not acceptable */
  LensCache   *cache;
  SoupSession *session;
  char        *app_token;
  gboolean     offline;

  guint              connect_timeout;
  guint              read_timeout;
  LensRetryPolicy    retry_policy;
  LensPortalWaitFunc wait_func;
  gpointer           wait_data;
  GDestroyNotify     wait_destroy;
  guint              max_age;
  guint              page_size;
  gsize              max_body_size;
};

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

typedef enum
{
  OP_QUERY,
  OP_DATASET_INFO,
} OpKind;

/* The state of one query_async or fetch_dataset_info_async call. The main context and the
 * worker threads take turns with it: a worker only runs while the main context waits. */
typedef struct
{
  LensPortalClient *self;
  OpKind            kind;
  LensSoql         *query;
  char             *dataset_id;
  char             *key;             /* the canonical URL: cache key and result URL */
  LensQueryFlags    flags;

  /* Copied from the client when the request starts. */
  LensCache        *cache;
  gboolean          offline;
  guint             max_age;
  guint             page_size;
  gsize             max_body_size;

  GCancellable     *cancellable;     /* the caller's, may be NULL */
  GCancellable     *op_cancellable;  /* ours: cancelled by the caller's and by timeouts */
  gulong            cancelled_id;

  LensCacheEntry   *cached;

  /* The current HTTP exchange. */
  SoupMessage      *msg;
  GInputStream     *stream;
  GByteArray       *buffer;
  gsize             read_limit;
  gboolean          reading_error_body;
  guint             attempt;
  GSource          *connect_timer;
  gboolean          connect_timed_out;
  char             *bad_redirect;    /* where the portal tried to send us, if refused */
  GSource          *retry_timer;
  GSource          *retry_cancel;

  /* Paging. */
  gboolean          paging;
  gint64            first_offset;
  gint64            wanted;          /* total rows asked for, -1: all */
  gint64            fetched;         /* rows received so far */
  gint64            page_limit;      /* $limit of the current page */

  /* What the answer is made of. */
  GPtrArray        *pages;           /* GBytes, one per page */
  GBytes           *page_body;
  guint             page_rows;
  LensTable        *table;
  char             *etag;
  char             *last_modified;
  char             *fields;
  char             *types;
  GDateTime        *rows_updated_at;

  /* Outputs of the worker steps. */
  GObject          *result;
  GError           *error;
} Op;

static void
clear_msg (Op *op)
{
  /* libsoup may keep the message a little longer than we do. */
  if (op->msg != NULL)
    g_signal_handlers_disconnect_by_data (op->msg, op);
  g_clear_object (&op->msg);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  if (op->cancelled_id != 0)
    g_cancellable_disconnect (op->cancellable, op->cancelled_id);
  if (op->connect_timer != NULL)
    g_source_destroy (op->connect_timer);
  g_clear_pointer (&op->connect_timer, g_source_unref);
  if (op->retry_timer != NULL)
    g_source_destroy (op->retry_timer);
  g_clear_pointer (&op->retry_timer, g_source_unref);
  if (op->retry_cancel != NULL)
    g_source_destroy (op->retry_cancel);
  g_clear_pointer (&op->retry_cancel, g_source_unref);

  g_clear_object (&op->self);
  g_clear_pointer (&op->query, lens_soql_unref);
  g_clear_pointer (&op->dataset_id, g_free);
  g_clear_pointer (&op->key, g_free);
  g_clear_pointer (&op->bad_redirect, g_free);
  g_clear_object (&op->cache);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->op_cancellable);
  g_clear_pointer (&op->cached, lens_cache_entry_unref);
  clear_msg (op);
  g_clear_object (&op->stream);
  g_clear_pointer (&op->buffer, g_byte_array_unref);
  g_clear_pointer (&op->pages, g_ptr_array_unref);
  g_clear_pointer (&op->page_body, g_bytes_unref);
  g_clear_pointer (&op->table, lens_table_unref);
  g_clear_pointer (&op->etag, g_free);
  g_clear_pointer (&op->last_modified, g_free);
  g_clear_pointer (&op->fields, g_free);
  g_clear_pointer (&op->types, g_free);
  g_clear_pointer (&op->rows_updated_at, g_date_time_unref);
  g_clear_object (&op->result);
  g_clear_error (&op->error);
  g_free (op);
}

static void send_attempt (GTask *task);
static void start_page (GTask *task);
static void fail (GTask  *task,
                  GError *error);

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

/* https anywhere; plain http only where nothing can be overheard: this computer. */
static gboolean
uri_is_allowed (GUri *uri)
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

  if (uri_is_allowed (uri))
    return TRUE;

  {
    g_autofree char *detail =
      g_strdup_printf (_("“%s” is not a secure (https) address"), base_url);

    lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_QUERY, detail);
  }
  return FALSE;
}

/* Errors */

static GError *
error_new (LensPortalError  code,
           const char      *detail)
{
  GError *error = NULL;

  lens_portal_error_set (&error, code, detail);
  return error;
}

static gboolean
caller_cancelled (Op *op)
{
  return g_cancellable_is_cancelled (op->cancellable);
}

static char *
timeout_detail (guint seconds)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "the portal did not answer within %u second",
                                       "the portal did not answer within %u seconds",
                                       seconds),
                          seconds);
}

/* A transport error (before or while reading the body) as a portal error. */
static GError *
transport_error (Op           *op,
                 const GError *error,
                 gboolean      in_body)
{
  if (caller_cancelled (op))
    return error_new (LENS_PORTAL_ERROR_CANCELLED, NULL);

  if (op->bad_redirect != NULL)
    {
      g_autofree char *detail =
        g_strdup_printf (_("the portal redirected to “%s”, which is not a secure (https) address"),
                         op->bad_redirect);

      return error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail);
    }

  if (op->connect_timed_out)
    {
      g_autofree char *detail =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "could not connect within %u second",
                                      "could not connect within %u seconds",
                                      op->self->connect_timeout),
                         op->self->connect_timeout);

      return error_new (LENS_PORTAL_ERROR_OFFLINE, detail);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_autofree char *detail = timeout_detail (op->self->read_timeout);

      return error_new (LENS_PORTAL_ERROR_OFFLINE, detail);
    }

  /* A body that stops short of what the headers promised. */
  if (in_body && (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
                  g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)))
    {
      g_autofree char *detail = g_strdup_printf (_("the answer was cut off: %s"), error->message);

      return error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail);
    }

  /* Decoding errors (a broken gzip stream) are the answer's fault, not the network's. */
  if (in_body && error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_DATA)
    return error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, error->message);

  /* Refused, unreachable, DNS, TLS, reset: the portal cannot be reached. */
  return error_new (LENS_PORTAL_ERROR_OFFLINE, error->message);
}

/* Results */

static void
return_result (GTask   *task,
               GObject *result)
{
  Op *op = g_task_get_task_data (task);

  /* Whatever was done meanwhile, a cancelled request ends cancelled. */
  if (caller_cancelled (op))
    g_task_return_error (task, error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
  else
    g_task_return_pointer (task, g_object_ref (result), g_object_unref);
}

static GDateTime *
now_utc (void)
{
  return g_date_time_new_now_utc ();
}

static gboolean
entry_is_fresh (Op             *op,
                LensCacheEntry *entry)
{
  g_autoptr(GDateTime) now = now_utc ();
  GTimeSpan age = g_date_time_difference (now, lens_cache_entry_get_fetched_at (entry));

  return age >= 0 && age < (GTimeSpan) op->max_age * G_TIME_SPAN_SECOND;
}

/* Builds the caller's object from a cached (or just stored) entry. Any thread. */
static GObject *
result_from_entry (Op              *op,
                   LensCacheEntry  *entry,
                   gboolean         from_cache,
                   gboolean         stale,
                   const GError    *warning,
                   GError         **error)
{
  if (op->kind == OP_DATASET_INFO)
    return (GObject *) lens_dataset_info_new_from_json (lens_cache_entry_get_body (entry), error);

  {
    g_autoptr(LensTable) table =
      lens_table_new_from_response (lens_cache_entry_get_body (entry),
                                    lens_cache_entry_get_fields_header (entry),
                                    lens_cache_entry_get_types_header (entry),
                                    error);

    if (table == NULL)
      return NULL;

    return (GObject *) lens_query_result_new (table, op->key,
                                              lens_cache_entry_get_fetched_at (entry),
                                              lens_cache_entry_get_rows_updated_at (entry),
                                              from_cache, stale, warning);
  }
}

/* Step 1: the cache (worker thread). */

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Op *op = task_data;
  g_autoptr(GError) error = NULL;
  gboolean fresh;

  op->cached = lens_cache_lookup (op->cache, op->key);
  if (op->cached == NULL)
    return;

  fresh = entry_is_fresh (op, op->cached);

  /* Served without the network: offline, the first paint, or fresh enough. */
  if (op->offline || (op->flags & LENS_QUERY_CACHE_FIRST) != 0 ||
      ((op->flags & LENS_QUERY_REFRESH) == 0 && fresh))
    {
      op->result = result_from_entry (op, op->cached, TRUE, !fresh, NULL, &error);
      if (op->result == NULL)
        {
          /* Stored but unreadable (written by an older parser?): forget it and fetch. */
          g_debug ("Cached answer for %s does not parse: %s", op->key, error->message);
          lens_cache_remove (op->cache, op->key);
          g_clear_pointer (&op->cached, lens_cache_entry_unref);
        }
    }
}

static void
run_in_thread (GTask             *task,
               GTaskThreadFunc    func,
               GAsyncReadyCallback callback)
{
  /* No cancellable on the inner task: the outer one decides what a cancel means. The outer
   * task's reference moves to the callback. */
  GTask *inner = g_task_new (NULL, NULL, callback, task);

  g_task_set_task_data (inner, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (inner, func);
  g_object_unref (inner);
}

static void
lookup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);

  if (caller_cancelled (op))
    {
      g_task_return_error (task, error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
      return;
    }

  if (op->result != NULL)
    {
      return_result (task, op->result);
      return;
    }

  if (op->offline)
    {
      g_task_return_error (task, error_new (LENS_PORTAL_ERROR_OFFLINE,
                                            _("Reform Lens is offline and this data is not in its cache")));
      return;
    }

  start_page (g_steal_pointer (&task));
}

static void
start (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  if (op->cache != NULL)
    run_in_thread (task, lookup_thread, lookup_done);
  else if (op->offline)
    {
      g_task_return_error (task, error_new (LENS_PORTAL_ERROR_OFFLINE,
                                            _("Reform Lens is offline and this data is not in its cache")));
      g_object_unref (task);
    }
  else
    start_page (task);
}

/* Step 2: the network (main context). */

static char *
page_url (Op *op)
{
  g_autoptr(LensSoql) page = NULL;
  gint64 limit;

  if (op->kind == OP_DATASET_INFO || !op->paging)
    return g_strdup (op->key);

  limit = op->page_size;
  if (op->wanted >= 0)
    limit = MIN (limit, op->wanted - op->fetched);
  op->page_limit = limit;

  /* Pages need a stable order the portal accepts for the query's shape (see LensSoql). */
  page = lens_soql_dup_page (op->query, op->first_offset + op->fetched, limit);

  return lens_soql_to_url (page, op->self->base_url);
}

static void
disarm_connect_timer (Op *op)
{
  if (op->connect_timer != NULL)
    {
      g_source_destroy (op->connect_timer);
      g_clear_pointer (&op->connect_timer, g_source_unref);
    }
}

static gboolean
connect_timeout_cb (gpointer user_data)
{
  Op *op = user_data;

  g_clear_pointer (&op->connect_timer, g_source_unref);
  op->connect_timed_out = TRUE;
  g_cancellable_cancel (op->op_cancellable);

  return G_SOURCE_REMOVE;
}

static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  /* Connected (and through TLS): from here on the read timeout applies. */
  if (event == G_SOCKET_CLIENT_COMPLETE)
    disarm_connect_timer (user_data);
}

static void
restarted_cb (SoupMessage *msg,
              gpointer     user_data)
{
  Op *op = user_data;
  GUri *uri = soup_message_get_uri (msg);

  /* libsoup follows redirects; the https-only rule applies to where they lead too. */
  if (!uri_is_allowed (uri))
    {
      g_free (op->bad_redirect);
      op->bad_redirect = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD | G_URI_HIDE_QUERY);
      g_cancellable_cancel (op->op_cancellable);
    }
}

static void
wrote_headers_cb (SoupMessage *msg,
                  gpointer     user_data)
{
  /* A reused connection has no network events. */
  disarm_connect_timer (user_data);
}

static void
close_stream (Op *op)
{
  if (op->stream != NULL)
    {
      /* Closing before the end drops the connection rather than draining it. */
      g_input_stream_close_async (op->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&op->stream);
    }
}

static void read_next (GTask *task);
static void body_done (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      /* An error body that breaks off still says which status it was. */
      if (op->reading_error_body && !caller_cancelled (op) && !op->connect_timed_out)
        {
          close_stream (op);
          body_done (g_steal_pointer (&task));
          return;
        }

      close_stream (op);
      fail (g_steal_pointer (&task), transport_error (op, error, TRUE));
      return;
    }

  len = g_bytes_get_size (bytes);
  if (len == 0)
    {
      g_clear_object (&op->stream);
      body_done (g_steal_pointer (&task));
      return;
    }

  if (op->buffer->len + len > op->read_limit)
    {
      close_stream (op);

      if (op->reading_error_body)
        {
          body_done (g_steal_pointer (&task));
          return;
        }

      {
        g_autofree char *size = g_format_size (op->read_limit);
        g_autofree char *detail = g_strdup_printf (_("the answer is too large (more than %s)"), size);

        fail (g_steal_pointer (&task), error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail));
      }
      return;
    }

  g_byte_array_append (op->buffer, g_bytes_get_data (bytes, NULL), len);
  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (op->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   op->op_cancellable, read_cb, task);
}

static void
read_body (GTask    *task,
           gboolean  error_body)
{
  Op *op = g_task_get_task_data (task);

  g_clear_pointer (&op->buffer, g_byte_array_unref);
  op->buffer = g_byte_array_new ();
  op->reading_error_body = error_body;
  op->read_limit = error_body ? MAX_ERROR_BODY : op->max_body_size;
  read_next (task);
}

static void
clear_retry_sources (Op *op)
{
  if (op->retry_timer != NULL)
    g_source_destroy (op->retry_timer);
  g_clear_pointer (&op->retry_timer, g_source_unref);
  if (op->retry_cancel != NULL)
    g_source_destroy (op->retry_cancel);
  g_clear_pointer (&op->retry_cancel, g_source_unref);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Op *op = g_task_get_task_data (task);

  clear_retry_sources (op);
  send_attempt (task);

  return G_SOURCE_REMOVE;
}

static gboolean
retry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Op *op = g_task_get_task_data (task);

  clear_retry_sources (op);
  fail (task, error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (GTask *task,
                guint  delay_ms)
{
  Op *op = g_task_get_task_data (task);
  GMainContext *context = g_task_get_context (task);

  g_debug ("Retrying %s in %u ms (attempt %u)", op->key, delay_ms, op->attempt + 1);
  op->attempt++;

  /* The task reference travels with whichever of the two sources fires first. */
  op->retry_timer = op->self->wait_func (delay_ms, op->self->wait_data);
  g_source_set_callback (op->retry_timer, retry_timeout_cb, task, NULL);
  g_source_attach (op->retry_timer, context);

  op->retry_cancel = g_cancellable_source_new (op->op_cancellable);
  g_source_set_callback (op->retry_cancel, G_SOURCE_FUNC (retry_cancelled_cb), task, NULL);
  g_source_attach (op->retry_cancel, context);
}

static LensPortalError
error_code_for_status (guint status)
{
  if (status == HTTP_TOO_MANY_REQUESTS)
    return LENS_PORTAL_ERROR_THROTTLED;
  if (status >= 500 || status == SOUP_STATUS_ACCEPTED)
    return LENS_PORTAL_ERROR_SERVER;
  if (status >= 400)
    return LENS_PORTAL_ERROR_BAD_QUERY;
  return LENS_PORTAL_ERROR_BAD_RESPONSE;
}

/* Whether to ask again after an answer with @status, and after how long. */
static gboolean
should_retry (Op    *op,
              guint  status,
              guint *delay_ms)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (op->msg);
  g_autoptr(GDateTime) now = now_utc ();

  return lens_retry_policy_get_delay (&op->self->retry_policy, op->attempt, status,
                                      soup_message_headers_get_one (headers, "Retry-After"),
                                      now, g_random_int (), delay_ms);
}

/* An answer that is not a 200 or a 304, with its (small) body read. */
static void
error_status_done (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  guint status = soup_message_get_status (op->msg);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&op->buffer));
  g_autofree char *code = NULL;
  g_autofree char *message = lens_portal_error_parse_body (body, &code);
  g_autofree char *detail = NULL;
  guint delay_ms;

  if (should_retry (op, status, &delay_ms))
    {
      schedule_retry (g_steal_pointer (&task), delay_ms);
      return;
    }

  /* The portal refused the query itself: the app's fault, reported with what was sent. */
  if (status == SOUP_STATUS_BAD_REQUEST && lens_portal_error_code_is_soql (code))
    {
      g_autofree char *url = g_uri_to_string (soup_message_get_uri (op->msg));

      fail (g_steal_pointer (&task),
            lens_portal_error_new_refused_query (status, code, message, url, body));
      return;
    }

  if (message != NULL)
    detail = g_strdup_printf ("HTTP %u: %s", status, message);
  else
    detail = g_strdup_printf ("HTTP %u %s", status,
                              soup_message_get_reason_phrase (op->msg) != NULL ?
                              soup_message_get_reason_phrase (op->msg) : "");
  g_strstrip (detail);

  fail (g_steal_pointer (&task), error_new (error_code_for_status (status), detail));
}

static gboolean
is_json (const char *content_type)
{
  /* application/json, optionally with parameters; application/…+json too. */
  return content_type != NULL &&
         (g_ascii_strcasecmp (content_type, "application/json") == 0 ||
          (g_str_has_prefix (content_type, "application/") && g_str_has_suffix (content_type, "+json")));
}

static void parse_page_done (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);
static void parse_page_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable);
static void not_modified (GTask *task);

#define DROPPED_CONNECTION_RETRY_MS 50

static gboolean
is_dropped_connection (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  goffset length;
  guint status;

  op->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  disarm_connect_timer (op);

  /* A kept-alive connection that the server has closed in the meantime fails at once: one
   * quick new attempt, on a fresh connection, before calling the portal unreachable. */
  if (op->stream == NULL && op->attempt == 0 && is_dropped_connection (error) &&
      !g_cancellable_is_cancelled (op->op_cancellable))
    {
      g_debug ("Connection dropped for %s: %s", op->key, error->message);
      schedule_retry (g_steal_pointer (&task), DROPPED_CONNECTION_RETRY_MS);
      return;
    }

  if (op->stream == NULL)
    {
      fail (g_steal_pointer (&task), transport_error (op, error, FALSE));
      return;
    }

  status = soup_message_get_status (op->msg);
  headers = soup_message_get_response_headers (op->msg);

  if (status == SOUP_STATUS_NOT_MODIFIED && op->cached != NULL && op->fetched == 0)
    {
      close_stream (op);
      not_modified (g_steal_pointer (&task));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      read_body (g_steal_pointer (&task), TRUE);
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (!is_json (content_type))
    {
      g_autofree char *detail =
        g_strdup_printf (_("the answer is not JSON but “%s”"), content_type != NULL ? content_type : "?");

      close_stream (op);
      fail (g_steal_pointer (&task), error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail));
      return;
    }

  /* A declared size over the cap fails before reading anything. */
  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      length > 0 && (guint64) length > op->max_body_size)
    {
      g_autofree char *size = g_format_size (op->max_body_size);
      g_autofree char *detail = g_strdup_printf (_("the answer is too large (more than %s)"), size);

      close_stream (op);
      fail (g_steal_pointer (&task), error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail));
      return;
    }

  read_body (g_steal_pointer (&task), FALSE);
}

static void
send_attempt (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  LensPortalClient *self = op->self;
  g_autofree char *url = page_url (op);
  SoupMessageHeaders *headers;

  if (caller_cancelled (op))
    {
      fail (task, error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
      return;
    }

  clear_msg (op);
  op->msg = soup_message_new (SOUP_METHOD_GET, url);
  if (op->msg == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a web address"), url);

      fail (task, error_new (LENS_PORTAL_ERROR_BAD_QUERY, detail));
      return;
    }

  headers = soup_message_get_request_headers (op->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->app_token != NULL)
    soup_message_headers_replace (headers, "X-App-Token", self->app_token);

  /* Revalidate what we have; only the first page, which carries the validators. */
  if (op->cached != NULL && op->fetched == 0)
    {
      const char *etag = lens_cache_entry_get_etag (op->cached);
      const char *last_modified = lens_cache_entry_get_last_modified (op->cached);

      if (etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", etag);
      if (last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
    }

  g_signal_connect (op->msg, "network-event", G_CALLBACK (network_event_cb), op);
  g_signal_connect (op->msg, "wrote-headers", G_CALLBACK (wrote_headers_cb), op);
  g_signal_connect (op->msg, "restarted", G_CALLBACK (restarted_cb), op);

  disarm_connect_timer (op);
  if (self->connect_timeout > 0)
    {
      op->connect_timer = g_timeout_source_new_seconds (self->connect_timeout);
      g_source_set_callback (op->connect_timer, connect_timeout_cb, op, NULL);
      g_source_attach (op->connect_timer, g_task_get_context (task));
    }

  soup_session_send_async (self->session, op->msg, G_PRIORITY_DEFAULT, op->op_cancellable,
                           send_cb, task);
}

static void
start_page (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  op->attempt = 0;
  send_attempt (task);
}

static GDateTime *
parse_http_date (const char *value)
{
  return value != NULL ? soup_date_time_new_from_http_string (value) : NULL;
}

/* A whole page has arrived (main context): keep its headers, parse it in a worker. */
static void
body_done (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  if (op->reading_error_body)
    {
      error_status_done (task);
      return;
    }

  headers = soup_message_get_response_headers (op->msg);
  g_clear_pointer (&op->page_body, g_bytes_unref);
  op->page_body = g_byte_array_free_to_bytes (g_steal_pointer (&op->buffer));

  if (op->fetched == 0)
    {
      const char *truth = soup_message_headers_get_one (headers, "X-SODA2-Truth-Last-Modified");

      op->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      op->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      op->fields = g_strdup (soup_message_headers_get_one (headers, "X-SODA2-Fields"));
      op->types = g_strdup (soup_message_headers_get_one (headers, "X-SODA2-Types"));
      /* When the dataset's rows last changed; Last-Modified is the same date on Socrata. */
      op->rows_updated_at = parse_http_date (truth != NULL ? truth : op->last_modified);
    }

  run_in_thread (task, parse_page_thread, parse_page_done);
}

/* Step 3: parsing and storing (worker threads). */

static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Op *op = task_data;
  g_autoptr(LensTable) page = NULL;

  if (op->kind == OP_DATASET_INFO)
    {
      LensDatasetInfo *info = lens_dataset_info_new_from_json (op->page_body, &op->error);

      if (info != NULL)
        {
          g_clear_object (&op->result);
          op->result = G_OBJECT (info);
        }
      op->page_rows = 0;
      return;
    }

  page = lens_table_new_from_response (op->page_body, op->fields, op->types, &op->error);
  if (page == NULL)
    return;

  op->page_rows = lens_table_get_n_rows (page);
  if (op->table == NULL)
    op->table = g_steal_pointer (&page);
  else
    lens_table_append (op->table, page, &op->error);
}

/* Joins the pages' JSON arrays into one, as if the portal had sent a single answer. */
static GBytes *
join_pages (GPtrArray *pages)
{
  GString *joined;
  gboolean any = FALSE;

  if (pages->len == 1)
    return g_bytes_ref (g_ptr_array_index (pages, 0));

  joined = g_string_new ("[");
  for (guint i = 0; i < pages->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (pages, i), &len);
      const char *start = data;
      const char *end = data + len;

      /* Each page parsed as an array: strip its brackets and the space around them. */
      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (start < end && *start == '[')
        start++;
      if (end > start && end[-1] == ']')
        end--;
      while (start < end && g_ascii_isspace (*start))
        start++;
      if (start == end)
        continue;

      if (any)
        g_string_append (joined, "\n,");
      g_string_append_len (joined, start, end - start);
      any = TRUE;
    }
  g_string_append (joined, "]\n");

  return g_string_free_to_bytes (joined);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Op *op = task_data;
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(LensCacheEntry) entry = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (op->cache != NULL)
    {
      body = join_pages (op->pages);
      /* An ETag names one page; a joined answer can only be revalidated by date. */
      entry = lens_cache_entry_new (op->key, body, now,
                                    op->pages->len == 1 ? op->etag : NULL,
                                    op->last_modified, op->rows_updated_at,
                                    op->fields, op->types);
      if (!lens_cache_store (op->cache, entry, &error))
        g_debug ("Could not cache %s: %s", op->key, error->message);
    }

  if (op->kind == OP_QUERY)
    {
      g_clear_object (&op->result);
      op->result = G_OBJECT (lens_query_result_new (op->table, op->key, now, op->rows_updated_at,
                                                    FALSE, FALSE, NULL));
    }
}

static void
finish_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);

  return_result (task, op->result);
}

static void
parse_page_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);

  if (op->error != NULL)
    {
      fail (g_steal_pointer (&task), g_steal_pointer (&op->error));
      return;
    }

  if (caller_cancelled (op))
    {
      fail (g_steal_pointer (&task), error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
      return;
    }

  if (op->pages == NULL)
    op->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (op->pages, g_steal_pointer (&op->page_body));
  op->fetched += op->page_rows;

  /* A full page means there may be more. */
  if (op->kind == OP_QUERY && op->paging && op->page_rows > 0 &&
      op->page_rows == op->page_limit &&
      (op->wanted < 0 || op->fetched < op->wanted))
    {
      start_page (g_steal_pointer (&task));
      return;
    }

  run_in_thread (g_steal_pointer (&task), store_thread, finish_done);
}

/* 304: the cached body is still right. */
static void
revalidated_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Op *op = task_data;
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(LensCacheEntry) entry = lens_cache_entry_copy_revalidated (op->cached, now);
  g_autoptr(GError) error = NULL;

  if (!lens_cache_store (op->cache, entry, &error))
    g_debug ("Could not update %s: %s", op->key, error->message);

  op->result = result_from_entry (op, entry, TRUE, FALSE, NULL, &op->error);
}

static void
revalidated_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);

  if (op->result == NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    return_result (task, op->result);
}

static void
not_modified (GTask *task)
{
  run_in_thread (task, revalidated_thread, revalidated_done);
}

/* Failure: the cached entry as a stale answer, or the error. */

static void
fallback_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Op *op = task_data;
  g_autoptr(GError) parse_error = NULL;

  g_clear_object (&op->result);
  op->result = result_from_entry (op, op->cached, TRUE, TRUE, op->error, &parse_error);
}

static void
fallback_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);

  if (op->result != NULL)
    return_result (task, op->result);
  else
    g_task_return_error (task, g_steal_pointer (&op->error));
}

static void
fail (GTask  *task,
      GError *error)
{
  Op *op = g_task_get_task_data (task);

  g_debug ("Request for %s failed: %s", op->key, error->message);

  /* A cancel is the caller's wish, not a reason to show old data. */
  if (op->cached == NULL || g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_clear_error (&op->error);
  op->error = error;
  run_in_thread (task, fallback_thread, fallback_done);
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

static void
cancel_op_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static GTask *
op_task_new (LensPortalClient    *self,
             OpKind               kind,
             LensQueryFlags       flags,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  /* We report a cancel as LENS_PORTAL_ERROR_CANCELLED ourselves. */
  g_task_set_check_cancellable (task, FALSE);

  op->self = g_object_ref (self);
  op->kind = kind;
  op->flags = flags;
  op->cache = self->cache != NULL ? g_object_ref (self->cache) : NULL;
  op->offline = self->offline;
  op->max_age = self->max_age;
  op->page_size = self->page_size;
  op->max_body_size = self->max_body_size;
  op->wanted = -1;
  op->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  op->op_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    op->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_op_cb),
                                              g_object_ref (op->op_cancellable), g_object_unref);

  g_task_set_task_data (task, op, op_free);

  return task;
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
  Op *op;
  gint64 limit;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_QUERY, flags, cancellable, callback, user_data,
                      lens_portal_client_query_async);
  op = g_task_get_task_data (task);
  op->query = lens_soql_copy (query);

  /* Nothing leaves the machine for a bad address or a bad query. */
  if (self->base_url_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->base_url_error));
      return;
    }
  if (!lens_soql_validate (op->query, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op->key = lens_soql_to_url (op->query, self->base_url);

  /* A query that may return more rows than a page is fetched page by page; an aggregate
   * without $group is one row, sent as it is (the portal refuses it an $order). */
  limit = lens_soql_get_limit (op->query);
  op->paging = lens_soql_get_shape (op->query) != LENS_SOQL_SHAPE_AGGREGATE &&
               (limit < 0 || limit > op->page_size);
  op->wanted = limit;
  op->first_offset = MAX (lens_soql_get_offset (op->query), 0);

  start (g_steal_pointer (&task));
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
  Op *op;
  gsize base_len;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_DATASET_INFO, flags, cancellable, callback, user_data,
                      lens_portal_client_fetch_dataset_info_async);
  op = g_task_get_task_data (task);
  op->dataset_id = g_strdup (dataset_id);

  if (self->base_url_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->base_url_error));
      return;
    }
  if (!lens_soql_is_dataset_id (dataset_id))
    {
      g_autofree char *detail =
        g_strdup_printf (_("“%s” is not a dataset identifier"), dataset_id != NULL ? dataset_id : "");

      g_task_return_error (task, error_new (LENS_PORTAL_ERROR_BAD_QUERY, detail));
      return;
    }

  base_len = strlen (self->base_url);
  while (base_len > 0 && self->base_url[base_len - 1] == '/')
    base_len--;
  op->key = g_strdup_printf ("%.*s/api/views/%s.json", (int) base_len, self->base_url, dataset_id);

  start (g_steal_pointer (&task));
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
