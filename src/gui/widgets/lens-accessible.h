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

/* A GtkImage of @icon_name that says nothing a label beside it does not: a screen reader
 * skips it (GTK_ACCESSIBLE_ROLE_PRESENTATION, a construct-only role on GTK 4.8). */
GtkWidget *lens_accessible_decorative_image_new (const char *icon_name);

/* Hides from screen readers every image inside @widget: for widgets of libadwaita 1.2 that
 * make their own decorative icons (AdwExpanderRow's arrow), whose role cannot be changed
 * once made. */
void       lens_accessible_hide_images         (GtkWidget   *widget);

/* Names @drop_down @label (e.g. "District") and the toggle button inside it, which is what
 * takes the focus and what a screen reader reads (GTK 4.8 names neither), labelled by the
 * drop-down, as GNOME's own drop-downs are from GTK 4.10 on. */
void       lens_accessible_name_drop_down      (GtkDropDown *drop_down,
                                                const char  *label);

/* GTK 4.8 names a GtkColumnView's header row and its rows by their class
 * ("GtkListItemWidget"). The header row is named by @headings joined ("Year, District 5,
 * Citywide"); a row by a sentence, from a cell's child being bound (the row is the cell's
 * parent). */
void       lens_accessible_name_table_header   (GtkColumnView      *view,
                                                const char * const *headings);
void       lens_accessible_name_table_row      (GtkWidget          *cell_child,
                                                const char         *sentence);

G_END_DECLS
