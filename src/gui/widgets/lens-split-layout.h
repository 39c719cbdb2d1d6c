/* lens-split-layout.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Two children: the main one, and a side one (the "What the reports say" panel). When the
 * widget is wide enough for both, the side child sits at the end with a fixed width, top
 * aligned; otherwise it goes below the main one at full width. A hidden side child leaves
 * all the room to the main one. The order of the children is the reading and focus order
 * in both forms. */
#define LENS_TYPE_SPLIT_LAYOUT (lens_split_layout_get_type ())
G_DECLARE_FINAL_TYPE (LensSplitLayout, lens_split_layout, LENS, SPLIT_LAYOUT, GtkLayoutManager)

GtkLayoutManager *lens_split_layout_new                (void);
void              lens_split_layout_set_side_width     (LensSplitLayout *self,
                                                        int              width);
void              lens_split_layout_set_min_main_width (LensSplitLayout *self,
                                                        int              width);
void              lens_split_layout_set_spacing        (LensSplitLayout *self,
                                                        int              spacing);
/* TRUE when the last allocation put the side child beside the main one. */
gboolean          lens_split_layout_get_side_by_side   (LensSplitLayout *self);

G_END_DECLS
