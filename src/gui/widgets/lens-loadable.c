/* lens-loadable.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-loadable"

#include "config.h"

#include "lens-loadable.h"

G_DEFINE_INTERFACE (LensLoadable, lens_loadable, GTK_TYPE_WIDGET)

static void
lens_loadable_default_init (LensLoadableInterface *iface)
{
  /**
   * LensLoadable:settled:
   *
   * Nothing is loading (the widget shows data, an error or a message). Implementations
   * override it with g_object_class_override_property() and notify it when a load starts
   * and when it ends.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_boolean ("settled", NULL, NULL,
                                                             TRUE,
                                                             (G_PARAM_READABLE |
                                                              G_PARAM_EXPLICIT_NOTIFY |
                                                              G_PARAM_STATIC_STRINGS)));
}

void
lens_loadable_load (LensLoadable     *self,
                    LensPortalClient *client,
                    LensFilters      *filters,
                    LensQueryFlags    flags)
{
  g_return_if_fail (LENS_IS_LOADABLE (self));
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (filters != NULL);

  LENS_LOADABLE_GET_IFACE (self)->load (self, client, filters, flags);
}

gboolean
lens_loadable_is_settled (LensLoadable *self)
{
  g_return_val_if_fail (LENS_IS_LOADABLE (self), TRUE);

  return LENS_LOADABLE_GET_IFACE (self)->is_settled (self);
}
