/* lens-portal-request-private.h: one request of the portal client, shared by its state
 * machine (lens-portal-request.c) and its HTTP exchanges (lens-portal-http.c)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-portal-client-private.h"

G_BEGIN_DECLS

typedef struct _LensPortalOp LensPortalOp;

/* The state of one query_async or fetch_dataset_info_async call. The main context and the
 * worker threads take turns with it: a worker only runs while the main context waits. */
struct _LensPortalOp
{
  LensPortalClient *self;
  LensPortalOpKind  kind;
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
};

/* lens-portal-request.c */

/* The caller cancelled (not one of our own timeouts). */
gboolean  lens_portal_op_caller_cancelled  (LensPortalOp *op);
/* Ends the task with @error (taken), or with the cached entry as a stale answer carrying
 * @error as its warning. Takes @task's reference. */
void      lens_portal_op_fail              (GTask        *task,
                                            GError       *error);
/* A whole page (op->page_body, its headers read) has arrived: parse it in a worker, then ask
 * for the next page or store the answer. Takes @task's reference. */
void      lens_portal_op_parse_page        (GTask        *task);
/* 304: the cached answer is still right; store its new fetch time and return it. Takes
 * @task's reference. */
void      lens_portal_op_not_modified      (GTask        *task);

/* lens-portal-http.c */

/* Sends the request for the next page (or the only one), retrying as the policy says, and
 * goes on with one of the functions above. Takes @task's reference. */
void      lens_portal_op_send_page         (GTask        *task);
/* Lets go of the current message and its signal handlers. */
void      lens_portal_op_clear_message     (LensPortalOp *op);

G_END_DECLS
