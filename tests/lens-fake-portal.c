/* lens-fake-portal.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-fake-portal"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libsoup/soup.h>

#include "lens-fake-data.h"
#include "lens-fake-boundaries.h"
#include "lens-fake-portal.h"
#include "lens-fake-schema.h"
#include "lens-fake-soql.h"
#include "lens-test-util.h"

/* A SoupServer on 127.0.0.1 in its own thread with its own GMainContext (the pattern of
 * gnome-calendar's tests/gcal-simple-server.c), so a test can block or spin its own main
 * context while the portal answers. Everything it serves is synthetic and says so in the
 * X-Reform-Lens-Synthetic header. */

#define SYNTHETIC_HEADER "X-Reform-Lens-Synthetic"
#define SYNTHETIC_VALUE  "seeded generator, not City data"
#define HUGE_CHUNK_ROWS  6000
#define HUGE_ROW         "{\"n\":\"1\"}\n,"

struct _LensFakePortal
{
  GObject        parent_instance;

  guint          port;
  guint32        seed;
  char          *base_url;

  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  /* The creator's: woken on each request, for lens_fake_portal_wait_for_requests(). */
  GMainContext  *owner_context;

  /* Guards everything below: tests set and read it from their own thread. */
  GMutex         mutex;
  GCond          cond;
  gboolean       started;
  GError        *start_error;

  LensFakeFault  fault;
  guint          fault_remaining;   /* 0 with a fault set: forever */
  char          *retry_after;
  guint          stall_seconds;
  gsize          huge_size;
  guint          raw_rows;
  guint          version;
  GHashTable    *as_of;             /* dataset id -> LensFakeAsOf: datasets made stale */
  gboolean       gzip;
  LensFakeSchema *schema;           /* columns renamed or retyped */

  guint          n_requests;
  guint          n_not_modified;
  guint          n_refused;         /* queries the real portal's rules refuse */
  guint          n_unjudged;        /* queries beyond the model of those rules */
  GPtrArray     *log;
  SoupMessageHeaders *last_headers;

  /* Only touched in the server thread. */
  SoupServer    *server;
  GPtrArray     *stalls;
};

G_DEFINE_FINAL_TYPE (LensFakePortal, lens_fake_portal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PORT,
  PROP_SEED,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LensFakePortal    *self;
  SoupServerMessage *msg;
  GSource           *timeout;
} Stall;

typedef struct
{
  gsize   remaining;
  GBytes *chunk;
} Huge;

static void respond_normally (LensFakePortal    *self,
                              SoupServerMessage *msg);

static void
stall_free (gpointer data)
{
  Stall *stall = data;

  if (stall->timeout != NULL)
    {
      g_source_destroy (stall->timeout);
      g_source_unref (stall->timeout);
    }
  g_object_unref (stall->msg);
  g_free (stall);
}

static void
huge_free (gpointer  data,
           GClosure *closure)
{
  Huge *huge = data;

  g_bytes_unref (huge->chunk);
  g_free (huge);
}

static void
set_common_headers (LensFakePortal    *self,
                    SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *request_id = g_strdup_printf ("%08x%08x%016" G_GINT64_MODIFIER "x",
                                                 self->seed, g_random_int (),
                                                 g_get_monotonic_time ());

  soup_message_headers_replace (headers, SYNTHETIC_HEADER, SYNTHETIC_VALUE);
  soup_message_headers_replace (headers, "X-Socrata-RequestId", request_id);
  soup_message_headers_replace (headers, "Access-Control-Allow-Origin", "*");
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) converter = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  if (!g_output_stream_write_all (converter, data, len, NULL, NULL, NULL) ||
      !g_output_stream_close (converter, NULL, NULL))
    return g_bytes_ref (bytes);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
set_body (LensFakePortal    *self,
          SoupServerMessage *msg,
          guint              status,
          const char        *content_type,
          GBytes            *body)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *accept = soup_message_headers_get_list (request, "Accept-Encoding");
  g_autoptr(GBytes) sent = NULL;
  gboolean gzip;
  gsize len;
  const char *data;

  g_mutex_lock (&self->mutex);
  gzip = self->gzip;
  g_mutex_unlock (&self->mutex);

  if (gzip && accept != NULL && strstr (accept, "gzip") != NULL && g_bytes_get_size (body) > 0)
    {
      sent = gzip_bytes (body);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
    }
  else
    sent = g_bytes_ref (body);

  soup_message_headers_replace (response, "Vary", "Accept-Encoding");
  soup_server_message_set_status (msg, status, NULL);
  data = g_bytes_get_data (sent, &len);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, len);
}

static void
set_text_body (LensFakePortal    *self,
               SoupServerMessage *msg,
               guint              status,
               const char        *content_type,
               const char        *text)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  set_body (self, msg, status, content_type, body);
}

static char *
http_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return soup_date_time_to_string (dt, SOUP_DATE_HTTP);
}

/* Faults */

static gboolean
stall_timeout_cb (gpointer user_data)
{
  Stall *stall = user_data;
  LensFakePortal *self = stall->self;

  g_clear_pointer (&stall->timeout, g_source_unref);
  respond_normally (self, stall->msg);
  soup_server_message_unpause (stall->msg);
  g_ptr_array_remove (self->stalls, stall);

  return G_SOURCE_REMOVE;
}

static void
huge_wrote_chunk_cb (SoupServerMessage *msg,
                     gpointer           user_data)
{
  Huge *huge = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (huge->chunk == NULL)
    return;

  if (huge->remaining > 0)
    {
      soup_message_body_append_bytes (body, huge->chunk);
      huge->remaining -= MIN (huge->remaining, g_bytes_get_size (huge->chunk));
    }
  else
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "{\"n\":\"1\"}]\n", 11);
      soup_message_body_complete (body);
      g_clear_pointer (&huge->chunk, g_bytes_unref);
    }
}

static void
respond_huge (LensFakePortal    *self,
              SoupServerMessage *msg,
              gsize              size)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  GString *chunk = g_string_sized_new (HUGE_CHUNK_ROWS * strlen (HUGE_ROW));
  Huge *huge = g_new0 (Huge, 1);

  for (guint i = 0; i < HUGE_CHUNK_ROWS; i++)
    g_string_append (chunk, HUGE_ROW);
  huge->chunk = g_string_free_to_bytes (chunk);
  huge->remaining = size;

  /* Streamed: written chunks are dropped, so the portal never holds the whole body. */
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json;charset=utf-8", NULL);
  soup_message_headers_replace (headers, "X-SODA2-Fields", "[\"n\"]");
  soup_message_headers_replace (headers, "X-SODA2-Types", "[\"number\"]");
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
  g_signal_connect_data (msg, "wrote-chunk", G_CALLBACK (huge_wrote_chunk_cb), huge, huge_free, 0);
}

static void
respond_truncated (LensFakePortal    *self,
                   SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  const char *response =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json;charset=utf-8\r\n"
    "Content-Length: 4096\r\n"
    "X-SODA2-Fields: [\"yr\",\"n\"]\r\n"
    "X-SODA2-Types: [\"number\",\"number\"]\r\n"
    SYNTHETIC_HEADER ": " SYNTHETIC_VALUE "\r\n"
    "\r\n"
    "[{\"yr\":\"2019\",\"n\":\"231004\"}\n,{\"yr\":\"2020\",\"n\":\"2";

  /* The headers promise 4 KiB; the connection closes after a few bytes. */
  if (stream != NULL)
    {
      GOutputStream *out = g_io_stream_get_output_stream (stream);

      g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
      g_io_stream_close (stream, NULL, NULL);
    }
}

static void
respond_fault (LensFakePortal    *self,
               SoupServerMessage *msg,
               LensFakeFault      fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *html = "<html><head><title>Service Unavailable</title></head>"
                     "<body><h1>Service Temporarily Unavailable</h1></body></html>\n";
  g_autofree char *retry_after = NULL;
  guint stall_seconds;
  gsize huge_size;

  g_mutex_lock (&self->mutex);
  retry_after = g_strdup (self->retry_after);
  stall_seconds = self->stall_seconds;
  huge_size = self->huge_size;
  g_mutex_unlock (&self->mutex);

  switch (fault)
    {
    case LENS_FAKE_FAULT_THROTTLED_RETRY_AFTER:
      if (retry_after != NULL)
        soup_message_headers_replace (headers, "Retry-After", retry_after);
      G_GNUC_FALLTHROUGH;
    case LENS_FAKE_FAULT_THROTTLED:
      set_text_body (self, msg, 429, "application/json;charset=utf-8",
                     "{\"code\":\"too_many_requests\",\"error\":true,"
                     "\"message\":\"Too many requests (synthetic fault)\"}\n");
      break;

    case LENS_FAKE_FAULT_SERVER_ERROR:
      set_text_body (self, msg, 500, "application/json;charset=utf-8",
                     "{\"code\":\"internal_error\",\"error\":true,"
                     "\"message\":\"Internal error (synthetic fault)\"}\n");
      break;

    case LENS_FAKE_FAULT_BAD_GATEWAY:
      set_text_body (self, msg, 502, "text/html", html);
      break;

    case LENS_FAKE_FAULT_UNAVAILABLE:
      set_text_body (self, msg, 503, "text/html", html);
      break;

    case LENS_FAKE_FAULT_PROCESSING:
      set_text_body (self, msg, 202, "application/json;charset=utf-8",
                     "{\"message\":\"Request is being processed (synthetic fault)\"}\n");
      break;

    case LENS_FAKE_FAULT_STALL:
      {
        Stall *stall = g_new0 (Stall, 1);

        stall->self = self;
        stall->msg = g_object_ref (msg);
        stall->timeout = g_timeout_source_new_seconds (stall_seconds);
        g_source_set_callback (stall->timeout, stall_timeout_cb, stall, NULL);
        g_source_attach (stall->timeout, self->context);
        g_ptr_array_add (self->stalls, stall);
        soup_server_message_pause (msg);
      }
      break;

    case LENS_FAKE_FAULT_TRUNCATED:
      respond_truncated (self, msg);
      break;

    case LENS_FAKE_FAULT_INVALID_JSON:
      soup_message_headers_replace (headers, "X-SODA2-Fields", "[\"yr\",\"n\"]");
      soup_message_headers_replace (headers, "X-SODA2-Types", "[\"number\",\"number\"]");
      set_text_body (self, msg, 200, "application/json;charset=utf-8",
                     "[{\"yr\":\"2019\",\"n\":\"231004\"}\n,{\"yr\":\"2020\",\"n\":\"19");
      break;

    case LENS_FAKE_FAULT_WRONG_SHAPE:
      soup_message_headers_replace (headers, "X-SODA2-Fields", "[\"yr\",\"n\"]");
      soup_message_headers_replace (headers, "X-SODA2-Types", "[\"number\",\"number\"]");
      set_text_body (self, msg, 200, "application/json;charset=utf-8",
                     "{\"rows\":[{\"yr\":\"2019\",\"n\":\"231004\"}],\"synthetic\":true}\n");
      break;

    case LENS_FAKE_FAULT_ERROR_MALFORMED:
      set_text_body (self, msg, 400, "application/json;charset=utf-8",
                     "{\"code\":\"query.compiler.malformed\",\"error\":true,"
                     "\"message\":\"Could not parse SoQL query \\\"select * where string_column > 42\\\"\","
                     "\"data\":{\"query\":\"select * where string_column > 42\"}}\n");
      break;

    case LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN:
      set_text_body (self, msg, 400, "application/json;charset=utf-8",
                     "{\"message\":\"Query coordinator error: query.soql.no-such-column; No such column: ncategory\","
                     "\"errorCode\":\"query.soql.no-such-column\","
                     "\"data\":{\"column\":\"ncategory\",\"dataset\":\"alpha.90\","
                     "\"position\":{\"row\":1,\"column\":8,\"line\":\"SELECT `ncategory`\"}}}\n");
      break;

    case LENS_FAKE_FAULT_WRONG_CONTENT_TYPE:
      set_text_body (self, msg, 200, "text/html;charset=utf-8",
                     "<!DOCTYPE html><html><head><title>Scheduled maintenance</title></head>"
                     "<body><p>The portal is down for maintenance (synthetic fault).</p></body></html>\n");
      break;

    case LENS_FAKE_FAULT_HUGE_BODY:
      respond_huge (self, msg, huge_size);
      break;

    case LENS_FAKE_FAULT_REDIRECT_INSECURE:
      {
        GUri *uri = soup_server_message_get_uri (msg);
        g_autofree char *location =
          g_strdup_printf ("http://0.0.0.0:9%s%s%s", g_uri_get_path (uri),
                           g_uri_get_query (uri) != NULL ? "?" : "",
                           g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "");

        /* 0.0.0.0 is this machine: even a client that followed would not leave it. */
        soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
      }
      break;

    case LENS_FAKE_FAULT_NONE:
    default:
      respond_normally (self, msg);
      break;
    }
}

/* Normal answers */

static gboolean
not_modified (SoupMessageHeaders *request,
              const char         *etag,
              gint64              last_modified)
{
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");

  if (if_none_match != NULL)
    return strcmp (if_none_match, "*") == 0 || strstr (if_none_match, etag) != NULL;

  if (if_modified_since != NULL)
    {
      g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (if_modified_since);

      return since != NULL && g_date_time_to_unix (since) >= last_modified;
    }

  return FALSE;
}

/* The real portal's rules (lens-fake-soql.c). FALSE with @response set to its 400 when the
 * query breaks one; a query beyond the model is counted and passed on. */
static gboolean
judge_query (LensFakePortal   *self,
             const char       *dataset_id,
             GHashTable       *params,
             LensFakeResponse *response)
{
  const LensFakeField *fields = lens_fake_data_get_fields (dataset_id);
  g_autofree LensFakeField *changed = NULL;
  LensFakeSoqlVerdict verdict;

  /* An unknown dataset is the generator's 404. */
  if (fields == NULL)
    return TRUE;

  /* The names and types as the City has changed them. */
  g_mutex_lock (&self->mutex);
  if (lens_fake_schema_has_changes (self->schema, dataset_id))
    fields = changed = lens_fake_schema_dup_fields (self->schema, dataset_id, fields);
  g_mutex_unlock (&self->mutex);

  verdict = lens_fake_soql_check (dataset_id, fields, params, response);

  g_mutex_lock (&self->mutex);
  if (verdict == LENS_FAKE_SOQL_REFUSED)
    self->n_refused++;
  else if (verdict == LENS_FAKE_SOQL_UNJUDGED)
    self->n_unjudged++;
  g_mutex_unlock (&self->mutex);

  return verdict != LENS_FAKE_SOQL_REFUSED;
}

static void
respond_normally (LensFakePortal    *self,
                  SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = g_uri_get_path (uri);
  const char *query = g_uri_get_query (uri);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *dataset_id = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *body_sum = NULL;
  g_autofree char *last_modified = NULL;
  LensFakeResponse response = { 0 };
  LensFakeAsOf as_of;
  gboolean is_view = FALSE;
  guint raw_rows;
  guint version;
  gint64 updated;

  g_mutex_lock (&self->mutex);
  raw_rows = self->raw_rows;
  version = self->version;
  g_mutex_unlock (&self->mutex);

  set_common_headers (self, msg);

  if (g_str_equal (path, LENS_FAKE_BOUNDARIES_PATH))
    {
      g_autoptr(GBytes) boundaries = lens_fake_boundaries_get_body ();

      set_body (self, msg, 200, "application/vnd.geo+json;charset=utf-8", boundaries);
      return;
    }

  if (g_str_has_prefix (path, "/resource/") && g_str_has_suffix (path, ".json"))
    dataset_id = g_strndup (path + strlen ("/resource/"), strlen (path) - strlen ("/resource/") - strlen (".json"));
  else if (g_str_has_prefix (path, "/api/views/"))
    {
      dataset_id = g_strdup (path + strlen ("/api/views/"));
      if (g_str_has_suffix (dataset_id, ".json"))
        dataset_id[strlen (dataset_id) - strlen (".json")] = '\0';
      is_view = TRUE;
    }
  else
    {
      set_text_body (self, msg, 404, "application/json;charset=utf-8",
                     "{\"message\":\"Path not found\",\"errorCode\":\"not-found\",\"data\":{}}\n");
      return;
    }

  if (strcmp (soup_server_message_get_method (msg), "GET") != 0)
    {
      set_text_body (self, msg, 405, "application/json;charset=utf-8",
                     "{\"code\":\"method_not_allowed\",\"error\":true,\"message\":\"Method not allowed\"}\n");
      return;
    }

  lens_fake_portal_get_as_of (self, dataset_id, &as_of);

  if (is_view)
    {
      lens_fake_data_view (self->seed, version, &as_of, dataset_id, &response);
      g_mutex_lock (&self->mutex);
      if (lens_fake_schema_has_changes (self->schema, dataset_id))
        lens_fake_schema_apply_view (self->schema, dataset_id, &response);
      g_mutex_unlock (&self->mutex);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      params = query != NULL ? g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, &error)
                             : g_hash_table_new (g_str_hash, g_str_equal);
      if (params == NULL)
        {
          set_text_body (self, msg, 400, "application/json;charset=utf-8",
                         "{\"code\":\"query.compiler.malformed\",\"error\":true,"
                         "\"message\":\"Could not parse the query string\"}\n");
          return;
        }
      if (!judge_query (self, dataset_id, params, &response))
        {
          set_body (self, msg, response.status, "application/json;charset=utf-8", response.body);
          lens_fake_response_clear (&response);
          return;
        }
      lens_fake_data_query (self->seed, version, &as_of, raw_rows, dataset_id, params, &response);
      /* Allowed by the rules, but beyond what the generator can compute: not the real answer. */
      if (response.status == 400)
        {
          g_message ("The fake portal's generator cannot answer a query the real portal's rules "
                     "allow; it answers 400 instead: %s?%s", path, query);
          g_mutex_lock (&self->mutex);
          self->n_unjudged++;
          g_mutex_unlock (&self->mutex);
        }
    }

  if (response.status != 200)
    {
      set_body (self, msg, response.status, "application/json;charset=utf-8", response.body);
      lens_fake_response_clear (&response);
      return;
    }

  /* Validators: the ETag depends on the request and the data, Last-Modified on the data. */
  updated = as_of.rows_updated_at;
  body_sum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, g_bytes_get_data (response.body, NULL),
                                         g_bytes_get_size (response.body));
  etag = g_strdup_printf ("\"fake-%.24s\"", body_sum);
  last_modified = http_date (updated);

  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Last-Modified", last_modified);
  if (!is_view)
    {
      soup_message_headers_replace (headers, "X-SODA2-Fields", response.fields);
      soup_message_headers_replace (headers, "X-SODA2-Types", response.types);
      soup_message_headers_replace (headers, "X-SODA2-Data-Out-Of-Date", "false");
      soup_message_headers_replace (headers, "X-SODA2-Truth-Last-Modified", last_modified);
    }

  if (not_modified (request, etag, updated))
    {
      g_mutex_lock (&self->mutex);
      self->n_not_modified++;
      g_mutex_unlock (&self->mutex);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
    }
  else
    set_body (self, msg, 200, "application/json;charset=utf-8", response.body);

  lens_fake_response_clear (&response);
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  LensFakePortal *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *decoded = NULL;
  LensFakeFault fault = LENS_FAKE_FAULT_NONE;

  decoded = g_uri_unescape_string (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", NULL);

  g_mutex_lock (&self->mutex);
  self->n_requests++;
  g_ptr_array_add (self->log, g_strconcat (g_uri_get_path (uri), *decoded ? "?" : "", decoded, NULL));
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header, self->last_headers);

  if (self->fault != LENS_FAKE_FAULT_NONE)
    {
      fault = self->fault;
      if (self->fault_remaining > 0 && --self->fault_remaining == 0)
        self->fault = LENS_FAKE_FAULT_NONE;
    }
  g_mutex_unlock (&self->mutex);
  g_main_context_wakeup (self->owner_context);

  if (fault != LENS_FAKE_FAULT_NONE)
    {
      set_common_headers (self, msg);
      respond_fault (self, msg, fault);
    }
  else
    respond_normally (self, msg);
}

/* The server thread */

static gboolean
stop_cb (gpointer user_data)
{
  LensFakePortal *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
server_thread_func (gpointer user_data)
{
  LensFakePortal *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", "lens-fake-portal ", NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);

  if (self->port == 0)
    ok = soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  else
    {
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", self->port);

      ok = soup_server_listen (self->server, address, 0, &error);
    }

  if (ok)
    {
      GSList *uris = soup_server_get_uris (self->server);

      self->port = g_uri_get_port (uris->data);
      self->base_url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&self->mutex);
  self->started = TRUE;
  if (!ok)
    self->start_error = g_steal_pointer (&error);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (ok)
    g_main_loop_run (self->loop);

  /* Answer what is still stalled, then close every connection. */
  while (self->stalls->len > 0)
    {
      Stall *stall = g_ptr_array_index (self->stalls, self->stalls->len - 1);

      soup_server_message_set_status (stall->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (stall->msg);
      g_ptr_array_remove_index (self->stalls, self->stalls->len - 1);
    }
  soup_server_disconnect (self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static gboolean
lens_fake_portal_start (LensFakePortal  *self,
                        GError         **error)
{
  self->thread = g_thread_new ("lens-fake-portal", server_thread_func, self);

  g_mutex_lock (&self->mutex);
  while (!self->started)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      g_thread_join (g_steal_pointer (&self->thread));
      return FALSE;
    }

  return TRUE;
}

static void
lens_fake_portal_dispose (GObject *object)
{
  LensFakePortal *self = (LensFakePortal *)object;

  if (self->thread != NULL)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, stop_cb, self, NULL);
      g_source_attach (source, self->context);
      g_source_unref (source);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  G_OBJECT_CLASS (lens_fake_portal_parent_class)->dispose (object);
}

static void
lens_fake_portal_finalize (GObject *object)
{
  LensFakePortal *self = (LensFakePortal *)object;

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->retry_after, g_free);
  g_clear_pointer (&self->log, g_ptr_array_unref);
  g_clear_pointer (&self->as_of, g_hash_table_unref);
  g_clear_pointer (&self->schema, lens_fake_schema_free);
  g_clear_pointer (&self->stalls, g_ptr_array_unref);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_clear_error (&self->start_error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (lens_fake_portal_parent_class)->finalize (object);
}

static void
lens_fake_portal_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LensFakePortal *self = LENS_FAKE_PORTAL (object);

  switch (prop_id)
    {
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;

    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_fake_portal_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LensFakePortal *self = LENS_FAKE_PORTAL (object);

  switch (prop_id)
    {
    case PROP_PORT:
      self->port = g_value_get_uint (value);
      break;

    case PROP_SEED:
      self->seed = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_fake_portal_class_init (LensFakePortalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lens_fake_portal_dispose;
  object_class->finalize = lens_fake_portal_finalize;
  object_class->get_property = lens_fake_portal_get_property;
  object_class->set_property = lens_fake_portal_set_property;

  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, G_MAXUINT16, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL,
                       0, G_MAXUINT32, 1,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lens_fake_portal_init (LensFakePortal *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->seed = 1;
  self->stall_seconds = 30;
  self->huge_size = 50 * 1000 * 1000;
  self->raw_rows = 2500;
  self->retry_after = g_strdup ("1");
  self->gzip = TRUE;
  self->log = g_ptr_array_new_with_free_func (g_free);
  self->as_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->schema = lens_fake_schema_new ();
  self->stalls = g_ptr_array_new_with_free_func (stall_free);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->owner_context = g_main_context_ref_thread_default ();
}

LensFakePortal *
lens_fake_portal_new_full (guint     port,
                           guint32   seed,
                           GError  **error)
{
  g_autoptr(LensFakePortal) self = g_object_new (LENS_TYPE_FAKE_PORTAL,
                                                 "port", port,
                                                 "seed", seed,
                                                 NULL);

  if (!lens_fake_portal_start (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

LensFakePortal *
lens_fake_portal_new (void)
{
  g_autoptr(GError) error = NULL;
  LensFakePortal *self = lens_fake_portal_new_full (0, 1, &error);

  if (self == NULL)
    g_error ("The fake portal could not start: %s", error->message);

  return self;
}

const char *
lens_fake_portal_get_base_url (LensFakePortal *self)
{
  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), NULL);

  return self->base_url;
}

guint32
lens_fake_portal_get_seed (LensFakePortal *self)
{
  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), 0);

  return self->seed;
}

void
lens_fake_portal_set_fault (LensFakePortal *self,
                            LensFakeFault   fault,
                            guint           n_times)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->fault = fault;
  self->fault_remaining = n_times;
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_set_retry_after (LensFakePortal *self,
                                  const char     *value)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  g_free (self->retry_after);
  self->retry_after = g_strdup (value);
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_set_stall_seconds (LensFakePortal *self,
                                    guint           seconds)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->stall_seconds = seconds;
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_set_huge_body_size (LensFakePortal *self,
                                     gsize           bytes)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->huge_size = bytes;
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_set_raw_rows (LensFakePortal *self,
                               guint           rows)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->raw_rows = rows;
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_set_data_version (LensFakePortal *self,
                                   guint           version)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->version = version;
  g_mutex_unlock (&self->mutex);
}

static void
bump_as_of (gpointer key,
            gpointer value,
            gpointer user_data)
{
  LensFakeAsOf *as_of = value;
  gint64 updated = as_of->rows_updated_at + LENS_FAKE_BUMP_DAYS * 86400;

  lens_fake_data_get_as_of_update (updated, key, as_of);
}

gboolean
lens_fake_portal_bump (LensFakePortal *self,
                       const char     *revised_month)
{
  int month = lens_fake_data_month_index (revised_month);
  guint bumps;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), FALSE);
  g_return_val_if_fail (month >= 0, FALSE);

  g_mutex_lock (&self->mutex);
  bumps = LENS_FAKE_VERSION_BUMPS (self->version) + 1;
  self->version = LENS_FAKE_VERSION_MAKE (LENS_FAKE_VERSION_BASE (self->version), bumps, month);
  /* datasets made stale move on as much */
  g_hash_table_foreach (self->as_of, bump_as_of, NULL);
  g_mutex_unlock (&self->mutex);
  return TRUE;
}

guint
lens_fake_portal_get_data_version (LensFakePortal *self)
{
  guint ret;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), 0);

  g_mutex_lock (&self->mutex);
  ret = self->version;
  g_mutex_unlock (&self->mutex);

  return ret;
}

void
lens_fake_portal_rename_column (LensFakePortal *self,
                                const char     *dataset_id,
                                const char     *old_name,
                                const char     *new_name)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));
  g_return_if_fail (lens_fake_data_get_fields (dataset_id) != NULL);
  g_return_if_fail (old_name != NULL && new_name != NULL);

  g_mutex_lock (&self->mutex);
  lens_fake_schema_rename (self->schema, dataset_id, old_name, new_name);
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_retype_column (LensFakePortal *self,
                                const char     *dataset_id,
                                const char     *name,
                                const char     *view_type)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));
  g_return_if_fail (lens_fake_data_get_fields (dataset_id) != NULL);
  g_return_if_fail (name != NULL && view_type != NULL);

  g_mutex_lock (&self->mutex);
  lens_fake_schema_retype (self->schema, dataset_id, name, view_type);
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_set_gzip (LensFakePortal *self,
                           gboolean        gzip)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->gzip = !!gzip;
  g_mutex_unlock (&self->mutex);
}

guint
lens_fake_portal_get_n_requests (LensFakePortal *self)
{
  guint ret;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), 0);

  g_mutex_lock (&self->mutex);
  ret = self->n_requests;
  g_mutex_unlock (&self->mutex);

  return ret;
}

guint
lens_fake_portal_get_n_not_modified (LensFakePortal *self)
{
  guint ret;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), 0);

  g_mutex_lock (&self->mutex);
  ret = self->n_not_modified;
  g_mutex_unlock (&self->mutex);

  return ret;
}

guint
lens_fake_portal_get_n_refused (LensFakePortal *self)
{
  guint ret;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), 0);

  g_mutex_lock (&self->mutex);
  ret = self->n_refused;
  g_mutex_unlock (&self->mutex);

  return ret;
}

guint
lens_fake_portal_get_n_unjudged (LensFakePortal *self)
{
  guint ret;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), 0);

  g_mutex_lock (&self->mutex);
  ret = self->n_unjudged;
  g_mutex_unlock (&self->mutex);

  return ret;
}

typedef struct
{
  LensFakePortal *self;
  guint           n;
} RequestsWait;

static gboolean
has_requests (gpointer data)
{
  RequestsWait *wait = data;

  return lens_fake_portal_get_n_requests (wait->self) >= wait->n;
}

gboolean
lens_fake_portal_wait_for_requests (LensFakePortal *self,
                                    guint           n)
{
  RequestsWait wait = { self, n };

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), FALSE);

  return lens_test_wait_until (has_requests, &wait);
}

void
lens_fake_portal_reset_counters (LensFakePortal *self)
{
  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));

  g_mutex_lock (&self->mutex);
  self->n_requests = 0;
  self->n_not_modified = 0;
  self->n_refused = 0;
  self->n_unjudged = 0;
  g_ptr_array_set_size (self->log, 0);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_mutex_unlock (&self->mutex);
}

char **
lens_fake_portal_dup_request_log (LensFakePortal *self)
{
  GStrvBuilder *builder;
  char **ret;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), NULL);

  builder = g_strv_builder_new ();
  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->log->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->log, i));
  g_mutex_unlock (&self->mutex);
  ret = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ret;
}

char *
lens_fake_portal_dup_last_request_header (LensFakePortal *self,
                                          const char     *name)
{
  char *ret = NULL;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_mutex_lock (&self->mutex);
  if (self->last_headers != NULL)
    ret = g_strdup (soup_message_headers_get_list (self->last_headers, name));
  g_mutex_unlock (&self->mutex);

  return ret;
}

void
lens_fake_portal_set_as_of (LensFakePortal *self,
                            const char     *dataset_id,
                            gint64          rows_updated_at,
                            const char     *last_day)
{
  LensFakeAsOf *as_of;
  int y = 0, m = 0, d = 0;

  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));
  g_return_if_fail (dataset_id != NULL);
  if (last_day != NULL && (sscanf (last_day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
                           !g_date_valid_dmy (d, m, y)))
    {
      g_critical ("“%s” is not a day written YYYY-MM-DD", last_day);
      return;
    }

  g_mutex_lock (&self->mutex);
  if (rows_updated_at == 0 && last_day == NULL)
    {
      g_hash_table_remove (self->as_of, dataset_id);
      g_mutex_unlock (&self->mutex);
      return;
    }

  as_of = g_new0 (LensFakeAsOf, 1);
  /* The dataset's own lag before the update, unless a last day is given. */
  lens_fake_data_get_as_of_update (rows_updated_at != 0 ? rows_updated_at
                                                        : lens_fake_data_rows_updated_at (self->version),
                                   dataset_id, as_of);
  if (last_day != NULL)
    {
      g_date_clear (&as_of->last_day, 1);
      g_date_set_dmy (&as_of->last_day, d, m, y);
    }
  g_hash_table_replace (self->as_of, g_strdup (dataset_id), as_of);
  g_mutex_unlock (&self->mutex);
}

void
lens_fake_portal_get_as_of (LensFakePortal *self,
                            const char     *dataset_id,
                            LensFakeAsOf   *as_of)
{
  const LensFakeAsOf *stale;

  g_return_if_fail (LENS_IS_FAKE_PORTAL (self));
  g_return_if_fail (dataset_id != NULL);

  g_mutex_lock (&self->mutex);
  stale = g_hash_table_lookup (self->as_of, dataset_id);
  if (stale != NULL)
    *as_of = *stale;
  else
    lens_fake_data_get_as_of (self->version, dataset_id, as_of);
  g_mutex_unlock (&self->mutex);
}

gint64
lens_fake_portal_expected_count (LensFakePortal     *self,
                                 const char         *dataset_id,
                                 const char * const *constraints,
                                 const char         *from,
                                 const char         *to)
{
  LensFakeAsOf as_of;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), -1);

  lens_fake_portal_get_as_of (self, dataset_id, &as_of);
  return lens_fake_data_expected_count (self->seed, lens_fake_portal_get_data_version (self),
                                        &as_of, dataset_id, constraints, from, to);
}

gint64
lens_fake_portal_expected_district_count (LensFakePortal     *self,
                                          const char         *dataset_id,
                                          const char         *beat_field,
                                          guint               district,
                                          const char * const *constraints,
                                          const char         *from,
                                          const char         *to)
{
  LensFakeAsOf as_of;

  g_return_val_if_fail (LENS_IS_FAKE_PORTAL (self), -1);

  lens_fake_portal_get_as_of (self, dataset_id, &as_of);
  return lens_fake_data_expected_district_count (self->seed, lens_fake_portal_get_data_version (self),
                                                 &as_of, dataset_id, beat_field, district,
                                                 constraints, from, to);
}

gboolean
lens_fake_fault_from_string (const char    *name,
                             LensFakeFault *fault,
                             guint         *n_times)
{
  static const struct {
    const char    *name;
    LensFakeFault  fault;
    guint          n_times;
  } names[] = {
    { "none", LENS_FAKE_FAULT_NONE, 0 },
    { "429", LENS_FAKE_FAULT_THROTTLED, 0 },
    { "429-retry-after", LENS_FAKE_FAULT_THROTTLED_RETRY_AFTER, 0 },
    { "429-then-success", LENS_FAKE_FAULT_THROTTLED, 2 },
    { "500", LENS_FAKE_FAULT_SERVER_ERROR, 0 },
    { "502", LENS_FAKE_FAULT_BAD_GATEWAY, 0 },
    { "503", LENS_FAKE_FAULT_UNAVAILABLE, 0 },
    { "503-then-success", LENS_FAKE_FAULT_UNAVAILABLE, 2 },
    { "202", LENS_FAKE_FAULT_PROCESSING, 0 },
    { "stall", LENS_FAKE_FAULT_STALL, 0 },
    { "truncated", LENS_FAKE_FAULT_TRUNCATED, 0 },
    { "invalid-json", LENS_FAKE_FAULT_INVALID_JSON, 0 },
    { "wrong-shape", LENS_FAKE_FAULT_WRONG_SHAPE, 0 },
    { "error-malformed", LENS_FAKE_FAULT_ERROR_MALFORMED, 0 },
    { "error-no-such-column", LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0 },
    { "html", LENS_FAKE_FAULT_WRONG_CONTENT_TYPE, 0 },
    { "huge", LENS_FAKE_FAULT_HUGE_BODY, 0 },
    { "redirect-insecure", LENS_FAKE_FAULT_REDIRECT_INSECURE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (names[i].name, name) == 0)
        {
          if (fault != NULL)
            *fault = names[i].fault;
          if (n_times != NULL)
            *n_times = names[i].n_times;
          return TRUE;
        }
    }

  return FALSE;
}
