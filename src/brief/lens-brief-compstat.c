/* lens-brief-compstat.c: the brief's CompStat page (the table as on screen, its periods and
 * caveats) and where the district stands among the 22
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-private.h"
#include "lens-compstat.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-format.h"
#include "lens-standing-document.h"

static const LensCompstatWindow shown[] = {
  LENS_COMPSTAT_LAST_7, LENS_COMPSTAT_LAST_28, LENS_COMPSTAT_YEAR_TO_DATE
};

/* The same words as the table on screen (lens-compstat-view.c) */
static const char *
window_title (LensCompstatWindow window)
{
  switch (window)
    {
    case LENS_COMPSTAT_LAST_7: return _("Last 7 days");
    case LENS_COMPSTAT_LAST_28: return _("Last 28 days");
    default: return _("Year to date");
    }
}

static char *
dup_area_label (guint district)
{
  if (district == 0)
    return g_strdup (_("Citywide"));
  return lens_district_dup_label (lens_district_lookup_number (district));
}

static char **
counts_row (const char *label,
            gint64      counts[LENS_COMPSTAT_N_WINDOWS],
            char       *changes[G_N_ELEMENTS (shown)])
{
  char **cells = g_new0 (char *, 2 + 3 * G_N_ELEMENTS (shown));

  cells[0] = g_strdup (label);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      cells[1 + 3 * i] = lens_format_count (counts[shown[i]]);
      cells[2 + 3 * i] = lens_format_count (counts[shown[i] + 1]);
      cells[3 + 3 * i] = changes[i];
    }
  return cells;
}

static void
flow_area (Flow         *f,
           LensCompstat *table)
{
  LensBrief *self = f->self;
  g_autofree char *area = dup_area_label (lens_compstat_get_district (table));
  g_autofree char *day = lens_describe_day (lens_compstat_get_last_full_day (table));
  g_autofree char *caption = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Table) grid = brief_table_new (1 + 3 * G_N_ELEMENTS (shown));
  const char *headers[1 + 3 * G_N_ELEMENTS (shown) + 1] = { NULL };
  double total = 0;

  /* Translators: "District 5 (Calumet): the 7 days, the 28 days and the year to 24 March 2026" */
  caption = g_strdup_printf (_("%s: the 7 days, the 28 days and the year to %s, each against the same days a year earlier"),
                             area, day);
  brief_flow_heading (f, caption, &style_h3, 8.0, 80.0);

  /* the periods, so a reader can check them against CPD's own report */
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      LensPeriod now, before;
      g_autofree char *now_text = NULL;
      g_autofree char *before_text = NULL;
      g_autofree char *line = NULL;

      lens_compstat_get_window (table, shown[i], &now);
      lens_compstat_get_window (table, shown[i] + 1, &before);
      now_text = lens_describe_period (&now.from, &now.to, NULL);
      before_text = lens_describe_period (&before.from, &before.to, NULL);
      /* Translators: "Last 7 days: 18 Mar 2026 – 24 Mar 2026; a year earlier: 18 Mar 2025 – 24 Mar 2025" */
      line = g_strdup_printf (_("%s: %s; a year earlier: %s"), window_title (shown[i]), now_text, before_text);
      brief_flow_text (f, line, &style_small, 0, 1.0);
    }
  brief_flow_space (f, 4.0);

  headers[0] = _("Category");
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const char *parts[] = { _("Now"), _("A year earlier"), _("Change") };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          /* the window named once, over its first column */
          char *name = k == 0 ? g_strdup_printf ("%s: %s", window_title (shown[i]), parts[k])
                              : g_strdup (parts[k]);

          g_ptr_array_add (names, name);
          headers[1 + 3 * i + k] = name;
        }
    }

  for (guint r = 0; r < lens_compstat_get_n_rows (); r++)
    {
      gint64 counts[LENS_COMPSTAT_N_WINDOWS];
      char *changes[G_N_ELEMENTS (shown)];

      for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
        counts[w] = lens_compstat_get_count (table, r, w);
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        changes[i] = lens_compstat_dup_change (table, r, shown[i]);
      g_ptr_array_add (rows, counts_row (lens_compstat_get_row (r)->label, counts, changes));
    }
  if (lens_compstat_has_victims (table))
    {
      gint64 counts[LENS_COMPSTAT_N_WINDOWS];
      char *changes[G_N_ELEMENTS (shown)];

      for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
        counts[w] = lens_compstat_get_victims (table, w);
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        changes[i] = lens_compstat_dup_victims_change (table, shown[i]);
      g_ptr_array_add (rows, counts_row (_("Shooting victims"), counts, changes));
    }

  /* each column as wide as its widest text (headers wrap), the room left shared out */
  for (guint c = 0; c < grid->n_columns; c++)
    {
      double widest = c == 0 ? brief_text_width (self, headers[c], &style_cell_head)
                             : brief_text_width (self, headers[c], &style_cell_head) / 3.0;
      g_auto(GStrv) words = g_strsplit (headers[c], " ", -1);

      /* a header wraps between its words, never inside one */
      for (guint k = 0; words[k] != NULL; k++)
        widest = MAX (widest, brief_text_width (self, words[k], &style_cell_head));

      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, brief_text_width (self, ((char **) g_ptr_array_index (rows, r))[c], &style_cell));
      grid->widths[c] = widest + 2 * CELL_PAD_X;
      grid->aligns[c] = c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
      total += grid->widths[c];
    }
  for (guint c = 0; c < grid->n_columns; c++)
    grid->widths[c] *= f->width / total;

  brief_table_set_cells (grid, self, headers, rows);
  /* Translators: above the rest of a table continued on the next page of the brief */
  brief_flow_table (f, grid, _("(continued)"));

  if (lens_compstat_has_victims (table))
    {
      g_autofree char *victims_day = lens_describe_day (lens_compstat_get_victims_last_full_day (table));
      /* Translators: %s is a day. gumc-mgzr is the dataset's id on the portal. */
      g_autofree char *note = g_strdup_printf (_("Shooting victims: people shot, fatally or not, from the dataset “Violence Reduction – Victims of Homicides and Non-Fatal Shootings” (gumc-mgzr), one row per victim; its periods end on %s, where its data end."),
                                               victims_day);

      brief_flow_space (f, 3.0);
      brief_flow_text (f, note, &style_small, 0, 2.0);
    }
}

void
brief_flow_compstat (Flow *f)
{
  LensBrief *self = f->self;
  const char *title = _("Index Crimes Against a Year Earlier");

  if (!brief_flow_at_top (f))
    brief_flow_new_page (f);
  brief_add_outline (self, title, brief_flow_current_page (f));
  brief_flow_heading (f, title, &style_h2, 0, 60.0);
  brief_flow_text (f, _("The categories are the FBI’s index crimes, by the FBI code the Crimes dataset gives each incident; violent and property crimes add up their categories, and simple assaults and batteries are left out. The classifications are preliminary and the dataset has one row per incident, except homicides, which have one per victim, so CPD’s own CompStat reports may give other numbers."),
                   &style_small_ink, 0, 4.0);
  /* Translators: %s is a dataset name and its id */
  {
    g_autofree char *name = lens_standing_dup_dataset_name ();
    g_autofree char *source = g_strdup_printf (_("Source: %s"), name);

    brief_flow_text (f, source, &style_small, 0, 4.0);
  }

  for (guint i = 0; i < self->compstat->len; i++)
    flow_area (f, g_ptr_array_index (self->compstat, i));
}

void
brief_flow_standing (Flow   *f,
                     double  chart_height)
{
  LensBrief *self = f->self;
  LensDistrictRanking *ranking = lens_standing_get_ranking (self->standing);
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *period = lens_standing_dup_period_text (self->standing);
  g_autofree char *sentence = NULL;
  const char *title = _("Where the District Stands");
  const char *measure = lens_standing_get_measure_label (lens_standing_get_measure (self->standing));

  brief_flow_heading (f, title, &style_h2, 14.0, 60.0);
  brief_add_outline (self, title, brief_flow_current_page (f));
  if (self->standing_district != 0 && lens_district_ranking_lookup (ranking, self->standing_district) != NULL)
    {
      g_autofree char *area = lens_district_dup_label (lens_district_lookup_number (self->standing_district));
      g_autofree char *rank = lens_standing_dup_standing_text (ranking, self->standing_district);

      /* Translators: "District 5 – Calumet: 3rd of 22 for “Robbery”, the year to 24 March 2026" */
      sentence = g_strdup_printf (_("%s: %s for “%s”, %s"), area, rank, measure, period);
    }
  else
    /* Translators: %s is a measure and then a period */
    sentence = g_strdup_printf (_("All 22 districts for “%s”, %s."), measure, period);
  brief_flow_text (f, sentence, &style_body_bold, 0, 3.0);
  brief_flow_text (f, _("These are counts, not rates: the districts’ populations differ, and the portal publishes none, so a district with more residents, workers or visitors may count more for that reason alone."),
                   &style_small_ink, 0, 6.0);

  document = lens_standing_dup_document (self->standing, self->standing_district, FALSE);
  /* 22 bars need the height of most of a page for every name to show */
  brief_flow_chart (f, document, MAX (chart_height, (f->bottom - f->top) * 0.8));
}
