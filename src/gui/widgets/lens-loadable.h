/* lens-loadable.h: a widget that shows data it reads from the portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* What a page (LensPage) asks of a chart or a card: load for these filters through this
 * client, and say when nothing is loading any more. The page decides when to load; the
 * widget decides what loading means (which queries, what stays on screen meanwhile). */
#define LENS_TYPE_LOADABLE (lens_loadable_get_type ())
G_DECLARE_INTERFACE (LensLoadable, lens_loadable, LENS, LOADABLE, GtkWidget)

struct _LensLoadableInterface
{
  GTypeInterface parent_iface;

  /* Cancels a load in progress and starts one. LENS_QUERY_REFRESH keeps what is shown until
   * the new numbers arrive; without it, numbers for other filters do not stay on screen. */
  void     (*load)       (LensLoadable     *self,
                          LensPortalClient *client,
                          LensFilters      *filters,
                          LensQueryFlags    flags);
  /* TRUE when no load is in progress. The implementation notifies LensLoadable:settled
   * when a load starts and when it ends. */
  gboolean (*is_settled) (LensLoadable     *self);
};

void     lens_loadable_load       (LensLoadable     *self,
                                   LensPortalClient *client,
                                   LensFilters      *filters,
                                   LensQueryFlags    flags);
gboolean lens_loadable_is_settled (LensLoadable     *self);

G_END_DECLS
