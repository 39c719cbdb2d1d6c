/* lens-unit.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-unit"

#include "config.h"

#include <string.h>

#include "lens-unit.h"

/* In the order of LensUnit, from LENS_UNIT_PERCENT. */
static const char * const keys[] = {
  "percent",
  "incidents",
  "cases",
  "arrests",
  "victims",
  "paragraphs",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) == LENS_N_UNITS);

gboolean
lens_unit_from_key (const char *key,
                    LensUnit   *unit)
{
  g_return_val_if_fail (unit != NULL, FALSE);

  *unit = LENS_UNIT_NONE;
  if (key == NULL || *key == '\0')
    return TRUE;

  for (guint i = 0; keys[i] != NULL; i++)
    if (strcmp (keys[i], key) == 0)
      {
        *unit = LENS_UNIT_PERCENT + i;
        return TRUE;
      }

  return FALSE;
}

const char *
lens_unit_to_key (LensUnit unit)
{
  g_return_val_if_fail (unit < LENS_N_UNITS, NULL);

  if (unit == LENS_UNIT_NONE)
    return NULL;

  return keys[unit - LENS_UNIT_PERCENT];
}

const char * const *
lens_unit_get_keys (void)
{
  return keys;
}
