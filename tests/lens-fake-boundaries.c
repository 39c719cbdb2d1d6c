/* lens-fake-boundaries.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-fake-boundaries.h"

GBytes *
lens_fake_boundaries_get_body (void)
{
  static GBytes *body;

  if (g_once_init_enter (&body))
    {
      g_autoptr(GError) error = NULL;
      char *contents;
      gsize len;

      if (!g_file_get_contents (LENS_FAKE_FIXTURES_DIR "/boundaries-police-districts_24zt-jpfn.geojson",
                                &contents, &len, &error))
        g_error ("%s", error->message);
      g_once_init_leave (&body, g_bytes_new_take (contents, len));
    }

  return g_bytes_ref (body);
}
