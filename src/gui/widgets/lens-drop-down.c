/* lens-drop-down.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-drop-down.h"

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  wrap)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       string != NULL ? gtk_string_object_get_string (string) : "");
}

static GtkListItemFactory *
label_factory_new (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (wrap));
  return factory;
}

GtkWidget *
lens_drop_down_new_wrapping (GListModel *model)
{
  GtkWidget *drop_down = gtk_drop_down_new (model, NULL);
  g_autoptr(GtkListItemFactory) button_factory = label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (FALSE);

  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  return drop_down;
}
