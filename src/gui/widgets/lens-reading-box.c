/* lens-reading-box.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-reading-box.h"

struct _LensReadingBox
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (LensReadingBox, lens_reading_box, GTK_TYPE_BOX)

static gboolean
lens_reading_box_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkWidget *child;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (lens_reading_box_parent_class)->focus (widget, direction);

  /* on from the child that has the focus, else from the first (the last going back) */
  child = gtk_widget_get_focus_child (widget);
  if (child != NULL)
    {
      if (gtk_widget_child_focus (child, direction))
        return TRUE;
      child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child);
    }
  else
    child = forward ? gtk_widget_get_first_child (widget) : gtk_widget_get_last_child (widget);

  for (; child != NULL;
       child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_child_focus (child, direction))
      return TRUE;

  return FALSE;
}

static void
lens_reading_box_class_init (LensReadingBoxClass *klass)
{
  GTK_WIDGET_CLASS (klass)->focus = lens_reading_box_focus;
}

static void
lens_reading_box_init (LensReadingBox *self)
{
}

GtkWidget *
lens_reading_box_new (void)
{
  return g_object_new (LENS_TYPE_READING_BOX, "orientation", GTK_ORIENTATION_VERTICAL, NULL);
}
