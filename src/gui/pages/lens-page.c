/* lens-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-page"

#include "config.h"

#include "lens-page.h"

G_DEFINE_INTERFACE (LensPage, lens_page, GTK_TYPE_WIDGET)

enum {
  SETTLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lens_page_default_init (LensPageInterface *iface)
{
  /**
   * LensPage::settled:
   *
   * Everything the page shows has finished loading (with data, an error or a message).
   */
  signals[SETTLED] =
    g_signal_new ("settled",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
lens_page_set_filters (LensPage    *self,
                       LensFilters *filters)
{
  g_return_if_fail (LENS_IS_PAGE (self));

  LENS_PAGE_GET_IFACE (self)->set_filters (self, filters);
}

void
lens_page_reload (LensPage       *self,
                  LensQueryFlags  flags)
{
  g_return_if_fail (LENS_IS_PAGE (self));

  LENS_PAGE_GET_IFACE (self)->reload (self, flags);
}

gboolean
lens_page_is_settled (LensPage *self)
{
  g_return_val_if_fail (LENS_IS_PAGE (self), TRUE);

  if (LENS_PAGE_GET_IFACE (self)->is_settled == NULL)
    return TRUE;

  return LENS_PAGE_GET_IFACE (self)->is_settled (self);
}
