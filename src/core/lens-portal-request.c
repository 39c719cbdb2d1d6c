/* lens-portal-request.c: the state machine of one request of the portal client
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-portal-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-boundaries-result.h"
#include "lens-portal-request-private.h"

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

typedef LensPortalOp Op;

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
  lens_portal_op_clear_message (op);
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

gboolean
lens_portal_op_caller_cancelled (Op *op)
{
  return g_cancellable_is_cancelled (op->cancellable);
}

/* Results */

static void
return_result (GTask   *task,
               GObject *result)
{
  Op *op = g_task_get_task_data (task);

  /* Whatever was done meanwhile, a cancelled request ends cancelled. */
  if (lens_portal_op_caller_cancelled (op))
    g_task_return_error (task, lens_portal_error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
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
  if (op->kind == LENS_PORTAL_OP_DATASET_INFO)
    return (GObject *) lens_dataset_info_new_from_json (lens_cache_entry_get_body (entry), error);

  if (op->kind == LENS_PORTAL_OP_BOUNDARIES)
    {
      LensBoundaries *boundaries = lens_boundaries_new_from_bytes (lens_cache_entry_get_body (entry), error);

      if (boundaries == NULL)
        return NULL;
      return (GObject *) lens_boundaries_result_new (boundaries, op->key,
                                                     lens_cache_entry_get_fetched_at (entry),
                                                     from_cache, stale, warning);
    }

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

  if (lens_portal_op_caller_cancelled (op))
    {
      g_task_return_error (task, lens_portal_error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
      return;
    }

  if (op->result != NULL)
    {
      return_result (task, op->result);
      return;
    }

  if (op->offline)
    {
      g_task_return_error (task, lens_portal_error_new (LENS_PORTAL_ERROR_OFFLINE,
                                            _("Reform Lens is offline and this data is not in its cache")));
      return;
    }

  lens_portal_op_send_page (g_steal_pointer (&task));
}

static void
start (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  if (op->cache != NULL)
    run_in_thread (task, lookup_thread, lookup_done);
  else if (op->offline)
    {
      g_task_return_error (task, lens_portal_error_new (LENS_PORTAL_ERROR_OFFLINE,
                                            _("Reform Lens is offline and this data is not in its cache")));
      g_object_unref (task);
    }
  else
    lens_portal_op_send_page (task);
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

  if (op->kind == LENS_PORTAL_OP_DATASET_INFO)
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

  /* About 1 MB of GeoJSON: parsed here, in the worker, like every answer. */
  if (op->kind == LENS_PORTAL_OP_BOUNDARIES)
    {
      LensBoundaries *boundaries = lens_boundaries_new_from_bytes (op->page_body, &op->error);

      if (boundaries != NULL)
        {
          g_autoptr(GDateTime) now = now_utc ();

          g_clear_object (&op->result);
          op->result = G_OBJECT (lens_boundaries_result_new (boundaries, op->key, now,
                                                             FALSE, FALSE, NULL));
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

  if (op->kind == LENS_PORTAL_OP_QUERY)
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
      lens_portal_op_fail (g_steal_pointer (&task), g_steal_pointer (&op->error));
      return;
    }

  if (lens_portal_op_caller_cancelled (op))
    {
      lens_portal_op_fail (g_steal_pointer (&task),
                           lens_portal_error_new (LENS_PORTAL_ERROR_CANCELLED, NULL));
      return;
    }

  if (op->pages == NULL)
    op->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (op->pages, g_steal_pointer (&op->page_body));
  op->fetched += op->page_rows;

  /* A full page means there may be more. */
  if (op->kind == LENS_PORTAL_OP_QUERY && op->paging && op->page_rows > 0 &&
      op->page_rows == op->page_limit &&
      (op->wanted < 0 || op->fetched < op->wanted))
    {
      lens_portal_op_send_page (g_steal_pointer (&task));
      return;
    }

  run_in_thread (g_steal_pointer (&task), store_thread, finish_done);
}

void
lens_portal_op_parse_page (GTask *task)
{
  run_in_thread (task, parse_page_thread, parse_page_done);
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

void
lens_portal_op_not_modified (GTask *task)
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

void
lens_portal_op_fail (GTask  *task,
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

static void
cancel_op_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

GTask *
lens_portal_op_new (LensPortalClient    *self,
                    LensPortalOpKind     kind,
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
lens_portal_op_start_query (GTask    *task,
                            LensSoql *query)
{
  Op *op = g_task_get_task_data (task);
  gint64 limit;

  op->query = lens_soql_copy (query);
  op->key = lens_soql_to_url (op->query, op->self->base_url);

  /* A query that may return more rows than a page is fetched page by page; an aggregate
   * without $group is one row, sent as it is (the portal refuses it an $order). */
  limit = lens_soql_get_limit (op->query);
  op->paging = lens_soql_get_shape (op->query) != LENS_SOQL_SHAPE_AGGREGATE &&
               (limit < 0 || limit > op->page_size);
  op->wanted = limit;
  op->first_offset = MAX (lens_soql_get_offset (op->query), 0);

  start (task);
}

void
lens_portal_op_start_dataset_info (GTask      *task,
                                   const char *dataset_id)
{
  Op *op = g_task_get_task_data (task);
  const char *base_url = op->self->base_url;
  gsize base_len;

  op->dataset_id = g_strdup (dataset_id);

  base_len = strlen (base_url);
  while (base_len > 0 && base_url[base_len - 1] == '/')
    base_len--;
  op->key = g_strdup_printf ("%.*s/api/views/%s.json", (int) base_len, base_url, dataset_id);

  start (task);
}

void
lens_portal_op_start_boundaries (GTask      *task,
                                 const char *dataset_id)
{
  Op *op = g_task_get_task_data (task);
  const char *base_url = op->self->base_url;
  gsize base_len;

  op->dataset_id = g_strdup (dataset_id);

  base_len = strlen (base_url);
  while (base_len > 0 && base_url[base_len - 1] == '/')
    base_len--;
  op->key = g_strdup_printf ("%.*s/resource/%s.geojson", (int) base_len, base_url, dataset_id);

  start (task);
}
