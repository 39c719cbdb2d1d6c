/* lens-brief-map.c: the district map page of the brief: the map with the filters' district
 * outlined, then every district's count and rank
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-private.h"
#include "lens-districts.h"
#include "lens-format.h"
#include "lens-map.h"

void
brief_flow_district_map (Flow *f)
{
  LensBrief *self = f->self;
  LensDistrictRanking *ranking = lens_district_map_data_get_ranking (self->map);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(Table) table = NULL;
  const char *headers[4];
  double height;
  Block *block;

  if (!brief_flow_at_top (f))
    brief_flow_new_page (f);

  brief_add_outline (self, _("Districts on a map"), brief_flow_current_page (f));
  brief_flow_text (f, _("Districts on a map"), &style_kicker, 0, 4.0);

  /* Wider than high, so that the legend goes beside the map and the map is large; its title,
   * legend and source are drawn with it */
  height = MIN (f->bottom - f->y, f->width * 0.78);
  block = brief_add_block (f->page, BLOCK_MAP, f->left, f->y, f->width, height);
  block->map = g_object_ref (self->map);
  block->map_selected = self->map_selected;
  f->y += height;

  brief_flow_heading (f, _("The numbers"), &style_h3, 8.0, 50.0);
  headers[0] = _("District");
  headers[1] = lens_district_map_data_get_measure_label (self->map);
  headers[2] = _("Rank");
  headers[3] = NULL;
  for (guint i = 0; i < lens_district_ranking_get_n_ranked (ranking); i++)
    {
      const LensDistrictStanding *standing = lens_district_ranking_get_nth (ranking, i);
      char **cells = g_new0 (char *, 4);

      cells[0] = lens_district_dup_label (lens_district_lookup_number (standing->district));
      cells[1] = lens_format_count (standing->value);
      cells[2] = g_strdup_printf ("%u", standing->rank);
      g_ptr_array_add (rows, cells);
    }

  table = brief_table_new (3);
  table->widths[0] = f->width * 0.5;
  table->widths[1] = f->width * 0.3;
  table->widths[2] = f->width * 0.2;
  table->aligns[1] = PANGO_ALIGN_RIGHT;
  table->aligns[2] = PANGO_ALIGN_RIGHT;
  brief_table_set_cells (table, self, headers, rows);
  brief_flow_table (f, table, _("The numbers (continued)"));
}
