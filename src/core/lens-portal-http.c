/* lens-portal-http.c: the HTTP exchanges of a portal request: the GET (conditional when
 * something is cached), the connect timeout, redirects, the body read in chunks up to its
 * cap, the retries the policy (lens-retry-policy.c) asks for, and errors as portal errors
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-portal-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-portal-request-private.h"

#define READ_CHUNK               (128 * 1024)
/* libsoup 3.2 has no name for it. */
#define HTTP_TOO_MANY_REQUESTS   429
/* Error bodies are read up to this size, for the portal's own message. */
#define MAX_ERROR_BODY           (64 * 1024)

typedef LensPortalOp Op;

static void send_attempt (GTask *task);

void
lens_portal_op_clear_message (Op *op)
{
  /* libsoup may keep the message a little longer than we do. */
  if (op->msg != NULL)
    g_signal_handlers_disconnect_by_data (op->msg, op);
  g_clear_object (&op->msg);
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
  if (lens_portal_op_caller_cancelled (op))
    return lens_portal_error_new (LENS_PORTAL_ERROR_CANCELLED, NULL);

  if (op->bad_redirect != NULL)
    {
      g_autofree char *detail =
        g_strdup_printf (_("the portal redirected to “%s”, which is not a secure (https) address"),
                         op->bad_redirect);

      return lens_portal_error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail);
    }

  if (op->connect_timed_out)
    {
      g_autofree char *detail =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "could not connect within %u second",
                                      "could not connect within %u seconds",
                                      op->self->connect_timeout),
                         op->self->connect_timeout);

      return lens_portal_error_new (LENS_PORTAL_ERROR_OFFLINE, detail);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_autofree char *detail = timeout_detail (op->self->read_timeout);

      return lens_portal_error_new (LENS_PORTAL_ERROR_OFFLINE, detail);
    }

  /* A body that stops short of what the headers promised. */
  if (in_body && (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
                  g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)))
    {
      g_autofree char *detail = g_strdup_printf (_("the answer was cut off: %s"), error->message);

      return lens_portal_error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail);
    }

  /* Decoding errors (a broken gzip stream) are the answer's fault, not the network's. */
  if (in_body && error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_DATA)
    return lens_portal_error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, error->message);

  /* Refused, unreachable, DNS, TLS, reset: the portal cannot be reached. */
  return lens_portal_error_new (LENS_PORTAL_ERROR_OFFLINE, error->message);
}

/* Step 2: the network (main context). */

static char *
page_url (Op *op)
{
  g_autoptr(LensSoql) page = NULL;
  gint64 limit;

  if (op->kind != LENS_PORTAL_OP_QUERY || !op->paging)
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
  if (!lens_portal_client_uri_is_allowed (uri))
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
      if (op->reading_error_body && !lens_portal_op_caller_cancelled (op) && !op->connect_timed_out)
        {
          close_stream (op);
          body_done (g_steal_pointer (&task));
          return;
        }

      close_stream (op);
      lens_portal_op_fail (g_steal_pointer (&task), transport_error (op, error, TRUE));
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

        lens_portal_op_fail (g_steal_pointer (&task),
                             lens_portal_error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail));
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
  lens_portal_op_fail (task, lens_portal_error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));

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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

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

      lens_portal_op_fail (g_steal_pointer (&task),
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

  lens_portal_op_fail (g_steal_pointer (&task),
                       lens_portal_error_new (error_code_for_status (status), detail));
}

static gboolean
is_json (const char *content_type)
{
  /* application/json, optionally with parameters; application/…+json too. */
  return content_type != NULL &&
         (g_ascii_strcasecmp (content_type, "application/json") == 0 ||
          (g_str_has_prefix (content_type, "application/") && g_str_has_suffix (content_type, "+json")));
}

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
      lens_portal_op_fail (g_steal_pointer (&task), transport_error (op, error, FALSE));
      return;
    }

  status = soup_message_get_status (op->msg);
  headers = soup_message_get_response_headers (op->msg);

  if (status == SOUP_STATUS_NOT_MODIFIED && op->cached != NULL && op->fetched == 0)
    {
      close_stream (op);
      lens_portal_op_not_modified (g_steal_pointer (&task));
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
      lens_portal_op_fail (g_steal_pointer (&task),
                           lens_portal_error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail));
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
      lens_portal_op_fail (g_steal_pointer (&task),
                           lens_portal_error_new (LENS_PORTAL_ERROR_BAD_RESPONSE, detail));
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

  if (lens_portal_op_caller_cancelled (op))
    {
      lens_portal_op_fail (task, lens_portal_error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
      return;
    }

  lens_portal_op_clear_message (op);
  op->msg = soup_message_new (SOUP_METHOD_GET, url);
  if (op->msg == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a web address"), url);

      lens_portal_op_fail (task, lens_portal_error_new (LENS_PORTAL_ERROR_BAD_QUERY, detail));
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

void
lens_portal_op_send_page (GTask *task)
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

  lens_portal_op_parse_page (task);
}
