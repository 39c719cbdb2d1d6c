/* lens-columns-layout.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-columns-layout"

#include "config.h"

#include "lens-columns-layout.h"

struct _LensColumnsLayout
{
  GtkLayoutManager parent_instance;

  int              column_width;  /* a column is never narrower than this when there are two */
  guint            max_columns;
  int              spacing;
};

G_DEFINE_FINAL_TYPE (LensColumnsLayout, lens_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

static guint
count_columns (LensColumnsLayout *self,
               int                width)
{
  guint columns = 1;

  while (columns < self->max_columns &&
         (int) (columns + 1) * self->column_width + (int) columns * self->spacing <= width)
    columns++;

  return columns;
}

static int
column_size (LensColumnsLayout *self,
             int                width,
             guint              columns)
{
  return MAX (0, (width - (int) (columns - 1) * self->spacing) / (int) columns);
}

static void
lens_columns_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  LensColumnsLayout *self = LENS_COLUMNS_LAYOUT (manager);
  GtkWidget *child;

  *minimum = 0;
  *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int child_min = 0, child_nat = 0;

      for (child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          child_min = MAX (child_min, min);
          child_nat = MAX (child_nat, nat);
        }

      *minimum = child_min;
      *natural = MAX (child_nat, self->column_width) * (int) self->max_columns
               + self->spacing * (int) (self->max_columns - 1);
    }
  else
    {
      guint columns = for_size < 0 ? 1 : count_columns (self, for_size);
      int width = for_size < 0 ? -1 : column_size (self, for_size, columns);
      int row_min = 0, row_nat = 0;
      guint column = 0;
      gboolean any_row = FALSE;

      for (child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, width, &min, &nat, NULL, NULL);
          row_min = MAX (row_min, min);
          row_nat = MAX (row_nat, nat);

          if (++column == columns)
            {
              *minimum += row_min + (any_row ? self->spacing : 0);
              *natural += row_nat + (any_row ? self->spacing : 0);
              row_min = row_nat = 0;
              column = 0;
              any_row = TRUE;
            }
        }

      if (column > 0)
        {
          *minimum += row_min + (any_row ? self->spacing : 0);
          *natural += row_nat + (any_row ? self->spacing : 0);
        }
    }

  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static void
lens_columns_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  LensColumnsLayout *self = LENS_COLUMNS_LAYOUT (manager);
  guint columns = count_columns (self, width);
  int column_width = column_size (self, width, columns);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *row_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (row_start != NULL)
    {
      GtkWidget *child;
      GtkWidget *next_row = NULL;
      int row_height = 0;
      guint n = 0;

      /* Measure one row: its height is its tallest child's, so cards in a row line up. */
      for (child = row_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;
          if (n == columns)
            {
              next_row = child;
              break;
            }

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, column_width, &min, &nat, NULL, NULL);
          row_height = MAX (row_height, nat);
          n++;
        }

      n = 0;
      for (child = row_start; child != next_row; child = gtk_widget_get_next_sibling (child))
        {
          int x;

          if (!gtk_widget_should_layout (child))
            continue;

          x = (int) n * (column_width + self->spacing);
          if (rtl)
            x = width - x - column_width;

          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { x, y, column_width, row_height },
                                    -1);
          n++;
        }

      y += row_height + self->spacing;
      row_start = next_row;
    }
}

static GtkSizeRequestMode
lens_columns_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lens_columns_layout_class_init (LensColumnsLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = lens_columns_layout_measure;
  layout_class->allocate = lens_columns_layout_allocate;
  layout_class->get_request_mode = lens_columns_layout_get_request_mode;
}

static void
lens_columns_layout_init (LensColumnsLayout *self)
{
  self->column_width = 420;
  self->max_columns = 2;
  self->spacing = 18;
}

GtkLayoutManager *
lens_columns_layout_new (void)
{
  return g_object_new (LENS_TYPE_COLUMNS_LAYOUT, NULL);
}

void
lens_columns_layout_set_column_width (LensColumnsLayout *self,
                                      int                width)
{
  g_return_if_fail (LENS_IS_COLUMNS_LAYOUT (self));

  self->column_width = MAX (1, width);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

void
lens_columns_layout_set_max_columns (LensColumnsLayout *self,
                                     guint              max_columns)
{
  g_return_if_fail (LENS_IS_COLUMNS_LAYOUT (self));

  self->max_columns = MAX (1, max_columns);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

void
lens_columns_layout_set_spacing (LensColumnsLayout *self,
                                 int                spacing)
{
  g_return_if_fail (LENS_IS_COLUMNS_LAYOUT (self));

  self->spacing = MAX (0, spacing);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}
