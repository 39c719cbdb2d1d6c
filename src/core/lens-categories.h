/* lens-categories.h: translated labels for the portal's category values
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Contexts of the category vocabularies the portal sends in English. */
#define LENS_CATEGORY_CRIME_TYPE    "crime-type"     /* Crimes primary_type: THEFT, BATTERY */
#define LENS_CATEGORY_COPA_FINDING  "copa-finding"   /* COPA finding_code: Sustained ... */

/* The label to show for @value, a category the portal sent in the vocabulary @context:
 * translated when the value is known ("THEFT" -> "Theft", "Robo" in Spanish), otherwise the
 * value exactly as the portal sent it. Never NULL for a non-NULL @value. */
const char  *lens_category_label (const char *context,
                                  const char *value);

G_END_DECLS
