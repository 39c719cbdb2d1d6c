/* lens-portal-client-private.h: what the portal client's files share: the client's fields,
 * and the requests it starts (lens-portal-request.c)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "lens-portal-client.h"
#include "lens-retry-policy.h"

G_BEGIN_DECLS

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

/* https anywhere; plain http only where nothing can be overheard: this computer. */
gboolean  lens_portal_client_uri_is_allowed  (GUri                *uri);

typedef enum
{
  LENS_PORTAL_OP_QUERY,
  LENS_PORTAL_OP_DATASET_INFO,
  LENS_PORTAL_OP_BOUNDARIES,   /* a dataset's GeoJSON export, parsed as LensBoundaries */
} LensPortalOpKind;

/* A task for one query_async or fetch_dataset_info_async call, with the client's settings of
 * the moment copied into it. Nothing is sent yet: return an error through it, or start it. */
GTask    *lens_portal_op_new                 (LensPortalClient    *self,
                                              LensPortalOpKind     kind,
                                              LensQueryFlags       flags,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data,
                                              gpointer             source_tag);
/* Start a LENS_PORTAL_OP_QUERY task for @query (lens_soql_validate() has accepted it), or a
 * LENS_PORTAL_OP_DATASET_INFO task for @dataset_id (a 4x4). Both take @task's reference. */
void      lens_portal_op_start_query         (GTask               *task,
                                              LensSoql            *query);
void      lens_portal_op_start_dataset_info  (GTask               *task,
                                              const char          *dataset_id);
/* A LENS_PORTAL_OP_BOUNDARIES task for /resource/@dataset_id.geojson. Takes @task's reference. */
void      lens_portal_op_start_boundaries    (GTask               *task,
                                              const char          *dataset_id);

G_END_DECLS
