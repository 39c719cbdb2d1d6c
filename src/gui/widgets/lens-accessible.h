/* lens-accessible.h: naming controls for screen readers on the GTK 4.8 floor
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @label without its mnemonic underscores ("_Retry" → "Retry", "__" → "_"). */
char *lens_accessible_strip_mnemonic (const char *label);

/* Sets @widget's accessible name to @label (a visible label, maybe with a mnemonic): GTK 4.8
 * does not name a button from its child label, and a name with "_" is read out as is. */
void  lens_accessible_set_name       (GtkWidget  *widget,
                                      const char *label);

G_END_DECLS
