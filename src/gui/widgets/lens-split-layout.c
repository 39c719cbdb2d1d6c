/* lens-split-layout.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-split-layout"

#include "config.h"

#include "lens-split-layout.h"

struct _LensSplitLayout
{
  GtkLayoutManager parent_instance;

  int              side_width;
  int              min_main_width;
  int              spacing;
  gboolean         side_by_side;
};

G_DEFINE_FINAL_TYPE (LensSplitLayout, lens_split_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The first two visible children. */
static void
get_children (GtkWidget  *widget,
              GtkWidget **main_child,
              GtkWidget **side_child)
{
  *main_child = NULL;
  *side_child = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (*main_child == NULL)
        *main_child = child;
      else if (*side_child == NULL)
        *side_child = child;
    }
}

static gboolean
fits_side_by_side (LensSplitLayout *self,
                   int              width)
{
  return width >= self->min_main_width + self->spacing + self->side_width;
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  int min = 0, nat = 0;

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, &min, &nat, NULL, NULL);

  *minimum = min;
  *natural = nat;
}

static GtkSizeRequestMode
lens_split_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lens_split_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  LensSplitLayout *self = LENS_SPLIT_LAYOUT (manager);
  GtkWidget *main_child, *side_child;
  int main_min, main_nat, side_min, side_nat;

  get_children (widget, &main_child, &side_child);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_child (main_child, orientation, -1, &main_min, &main_nat);
      measure_child (side_child, orientation, -1, &side_min, &side_nat);

      /* stacked when narrow, so the narrowest is the wider of the two */
      *minimum = MAX (main_min, side_min);
      *natural = side_child != NULL ? MAX (main_nat, self->min_main_width) + self->spacing +
                                      MAX (side_nat, self->side_width)
                                    : main_nat;
      *natural = MAX (*natural, *minimum);
    }
  else if (side_child != NULL && for_size >= 0 && fits_side_by_side (self, for_size))
    {
      measure_child (main_child, orientation, for_size - self->spacing - self->side_width,
                     &main_min, &main_nat);
      measure_child (side_child, orientation, self->side_width, &side_min, &side_nat);
      *minimum = MAX (main_min, side_min);
      *natural = MAX (main_nat, side_nat);
    }
  else
    {
      measure_child (main_child, orientation, for_size, &main_min, &main_nat);
      measure_child (side_child, orientation, for_size, &side_min, &side_nat);
      *minimum = main_min + (side_child != NULL ? self->spacing + side_min : 0);
      *natural = main_nat + (side_child != NULL ? self->spacing + side_nat : 0);
    }
}

static void
lens_split_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  LensSplitLayout *self = LENS_SPLIT_LAYOUT (manager);
  GtkWidget *main_child, *side_child;
  int min, nat;

  get_children (widget, &main_child, &side_child);
  if (main_child == NULL)
    return;

  if (side_child == NULL)
    {
      self->side_by_side = FALSE;
      gtk_widget_allocate (main_child, width, height, -1, NULL);
      return;
    }

  self->side_by_side = fits_side_by_side (self, width);
  if (self->side_by_side)
    {
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      int main_width = width - self->spacing - self->side_width;
      int side_x = rtl ? 0 : main_width + self->spacing;
      int main_x = rtl ? self->side_width + self->spacing : 0;

      measure_child (side_child, GTK_ORIENTATION_VERTICAL, self->side_width, &min, &nat);
      gtk_widget_allocate (main_child, main_width, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (main_x, 0)));
      gtk_widget_allocate (side_child, self->side_width, MIN (MAX (min, nat), MAX (height, min)), -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (side_x, 0)));
    }
  else
    {
      int main_height, side_height;

      measure_child (main_child, GTK_ORIENTATION_VERTICAL, width, &min, &nat);
      main_height = MIN (nat, height);
      main_height = MAX (main_height, min);
      side_height = MAX (0, height - main_height - self->spacing);
      measure_child (side_child, GTK_ORIENTATION_VERTICAL, width, &min, &nat);
      side_height = MAX (side_height, min);

      gtk_widget_allocate (main_child, width, main_height, -1, NULL);
      gtk_widget_allocate (side_child, width, side_height, -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT (0, main_height + self->spacing)));
    }
}

static void
lens_split_layout_class_init (LensSplitLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = lens_split_layout_get_request_mode;
  manager_class->measure = lens_split_layout_measure;
  manager_class->allocate = lens_split_layout_allocate;
}

static void
lens_split_layout_init (LensSplitLayout *self)
{
  self->side_width = 340;
  self->min_main_width = 560;
  self->spacing = 18;
}

GtkLayoutManager *
lens_split_layout_new (void)
{
  return g_object_new (LENS_TYPE_SPLIT_LAYOUT, NULL);
}

void
lens_split_layout_set_side_width (LensSplitLayout *self,
                                  int              width)
{
  g_return_if_fail (LENS_IS_SPLIT_LAYOUT (self));

  self->side_width = MAX (width, 1);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

void
lens_split_layout_set_min_main_width (LensSplitLayout *self,
                                      int              width)
{
  g_return_if_fail (LENS_IS_SPLIT_LAYOUT (self));

  self->min_main_width = MAX (width, 0);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

void
lens_split_layout_set_spacing (LensSplitLayout *self,
                               int              spacing)
{
  g_return_if_fail (LENS_IS_SPLIT_LAYOUT (self));

  self->spacing = MAX (spacing, 0);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

gboolean
lens_split_layout_get_side_by_side (LensSplitLayout *self)
{
  g_return_val_if_fail (LENS_IS_SPLIT_LAYOUT (self), FALSE);

  return self->side_by_side;
}
