/* lens-portal-client.h: asynchronous, cached access to a Socrata portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-boundaries-result.h"
#include "lens-cache.h"
#include "lens-dataset-info.h"
#include "lens-portal-error.h"
#include "lens-query-result.h"
#include "lens-soql.h"
#include "lens-table.h"

G_BEGIN_DECLS

typedef enum
{
  /* Fresh cache hit: no network. Stale or missing: network (conditional GET when cached).
   * Network failure with a cached entry: that entry, with the failure as its warning. */
  LENS_QUERY_DEFAULT      = 0,
  /* Any cached entry, however old, without touching the network; the network only when
   * nothing is cached. For the first paint: show what we have, then ask again with DEFAULT. */
  LENS_QUERY_CACHE_FIRST  = 1 << 0,
  /* Skip the freshness check (a Retry or Refresh button); still conditional. */
  LENS_QUERY_REFRESH      = 1 << 1,
} LensQueryFlags;

#define LENS_TYPE_PORTAL_CLIENT (lens_portal_client_get_type ())
G_DECLARE_FINAL_TYPE (LensPortalClient, lens_portal_client, LENS, PORTAL_CLIENT, GObject)

/* @base_url: "https://data.cityofchicago.org"; http only for loopback hosts.
 * @cache: may be NULL (no caching). */
LensPortalClient *lens_portal_client_new               (const char        *base_url,
                                                        LensCache         *cache);
const char       *lens_portal_client_get_base_url      (LensPortalClient  *self);
/* FALSE (and an error) for a URL that is not https and not loopback http. */
gboolean          lens_portal_client_set_base_url      (LensPortalClient  *self,
                                                        const char        *base_url,
                                                        GError           **error);
void              lens_portal_client_set_app_token     (LensPortalClient  *self,
                                                        const char        *app_token);
/* Offline: only the cache answers; a miss is LENS_PORTAL_ERROR_OFFLINE. */
void              lens_portal_client_set_offline       (LensPortalClient  *self,
                                                        gboolean           offline);
gboolean          lens_portal_client_get_offline       (LensPortalClient  *self);
LensCache        *lens_portal_client_get_cache         (LensPortalClient  *self);

/* Tuning (defaults in brackets); the tests shorten them. */
void              lens_portal_client_set_timeouts      (LensPortalClient  *self,
                                                        guint              connect_seconds, /* 10 */
                                                        guint              read_seconds);   /* 30 */
void              lens_portal_client_set_retry_policy  (LensPortalClient  *self,
                                                        guint              max_retries,     /* 3 */
                                                        guint              base_delay_ms,   /* 1000 */
                                                        guint              max_delay_ms);   /* 30000 */
/* Makes the source that ends a wait of @delay_ms before a request is tried again: a GSource
 * that fires once, attached by the client to its main context. The default is
 * g_timeout_source_new (); a test puts in one that notes the delay asked for and fires at once,
 * so that retries need no real waiting. */
typedef GSource *(*LensPortalWaitFunc) (guint    delay_ms,
                                        gpointer user_data);

/* @func NULL: back to real timers. */
void              lens_portal_client_set_wait_func     (LensPortalClient  *self,
                                                        LensPortalWaitFunc func,
                                                        gpointer           user_data,
                                                        GDestroyNotify     destroy);
void              lens_portal_client_set_max_age       (LensPortalClient  *self,
                                                        guint              seconds);        /* 6 h */
void              lens_portal_client_set_page_size     (LensPortalClient  *self,
                                                        guint              rows);           /* 50000 */
void              lens_portal_client_set_max_body_size (LensPortalClient  *self,
                                                        gsize              bytes);          /* 32 MiB */

void              lens_portal_client_query_async       (LensPortalClient  *self,
                                                        LensSoql          *query,
                                                        LensQueryFlags     flags,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
LensQueryResult  *lens_portal_client_query_finish      (LensPortalClient  *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

void              lens_portal_client_fetch_dataset_info_async  (LensPortalClient  *self,
                                                                const char        *dataset_id,
                                                                LensQueryFlags     flags,
                                                                GCancellable      *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer           user_data);
LensDatasetInfo  *lens_portal_client_fetch_dataset_info_finish (LensPortalClient  *self,
                                                                GAsyncResult      *result,
                                                                GError           **error);

/* A boundaries dataset's GeoJSON export (/resource/<id>.geojson, "24zt-jpfn" for the police
 * districts), parsed in a worker thread and cached like any answer: offline or failing, the
 * cached copy comes back stale with the failure as its warning. */
void              lens_portal_client_fetch_boundaries_async  (LensPortalClient  *self,
                                                              const char        *dataset_id,
                                                              LensQueryFlags     flags,
                                                              GCancellable      *cancellable,
                                                              GAsyncReadyCallback callback,
                                                              gpointer           user_data);
LensBoundariesResult *lens_portal_client_fetch_boundaries_finish (LensPortalClient  *self,
                                                                  GAsyncResult      *result,
                                                                  GError           **error);

G_END_DECLS
