/* lens-drop-down.h: drop-downs of strings that fit a narrow window
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkDropDown of @model's GtkStringObjects whose button wraps its label at word breaks, so
 * it is as narrow as its longest word rather than its longest item; the popup lists them whole. */
GtkWidget *lens_drop_down_new_wrapping (GListModel *model);

G_END_DECLS
