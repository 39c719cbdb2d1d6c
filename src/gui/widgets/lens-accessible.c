/* lens-accessible.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"

char *
lens_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the mnemonic */
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

GtkWidget *
lens_accessible_decorative_image_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name", icon_name,
                       NULL);
}

void
lens_accessible_hide_images (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_IMAGE (widget))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lens_accessible_hide_images (child);
}

void
lens_accessible_name_drop_down (GtkDropDown *drop_down,
                                const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  lens_accessible_set_name (GTK_WIDGET (drop_down), label);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        /* not a label as well: GTK 4.8 would read both, "District District" */
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                        -1);
      }
}

void
lens_accessible_name_table_header (GtkColumnView      *view,
                                   const char * const *headings)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* GTK 4.8: the header is the first child; the rows' list is the scrollable one */
  if (header == NULL || GTK_IS_SCROLLABLE (header))
    return;
  for (guint c = 0; headings != NULL && headings[c] != NULL; c++)
    {
      /* Translators: table headings read one after the other: "Year, District 5" */
      char *joined = text == NULL ? g_strdup (headings[c]) : g_strdup_printf (_("%s, %s"), text, headings[c]);

      g_free (text);
      text = joined;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

void
lens_accessible_name_table_row (GtkWidget  *cell_child,
                                const char *sentence)
{
  GtkWidget *cell, *row;

  g_return_if_fail (GTK_IS_WIDGET (cell_child));

  cell = gtk_widget_get_parent (cell_child);
  row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    sentence, -1);
}

void
lens_accessible_set_name (GtkWidget  *widget,
                          const char *label)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  name = lens_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}
