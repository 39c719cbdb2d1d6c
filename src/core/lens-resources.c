/* lens-resources.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-resources.h"
#include "lens-resources-generated.h"

void
lens_resources_ensure_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      /* Registered by hand: a constructor in a static library would be dropped by the
       * linker when nothing else references its object file. */
      lens_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
