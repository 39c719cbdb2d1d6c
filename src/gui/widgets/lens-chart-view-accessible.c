/* lens-chart-view-accessible.c: what a screen reader hears of a chart card
 *
 * The card is a group named by its title (labelled by the title label, as GNOME apps name a
 * group by its heading); its description is its state, in the words shown: loading, the
 * error or offline message with its title, the reason saved data is shown, or the value line
 * under the plot. While it loads, the card is busy.
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-chart-view-private.h"

static char *
dup_state_text (LensChartView *self)
{
  const char *value;

  switch (self->state)
    {
    case LENS_CHART_STATE_LOADING:
      return g_strdup (_("Loading from the City’s data portal…"));
    case LENS_CHART_STATE_EMPTY:
      return g_strdup (gtk_label_get_label (self->empty_label));
    case LENS_CHART_STATE_ERROR:
    case LENS_CHART_STATE_OFFLINE:
      return g_strdup_printf (_("%s: %s"), gtk_label_get_label (self->error_title),
                              gtk_label_get_label (self->error_label));
    case LENS_CHART_STATE_CHART:
    default:
      value = gtk_label_get_label (self->value_label);
      if (gtk_widget_get_visible (GTK_WIDGET (self->stale_banner)))
        return g_strjoin ("\n", gtk_label_get_label (self->stale_banner), value, NULL);
      return g_strdup (value);
    }
}

void
_lens_chart_view_init_accessible (LensChartView *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

  /* the name is the title label's text (GTK 4.8 would add a label property to it) */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
  /* the table's header row, until the table has headings (rebuild_table() names it by them):
   * not its class name */
  if (header != NULL && !GTK_IS_SCROLLABLE (header))
    gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Chart values"), -1);
  _lens_chart_view_update_accessible (self);
}

void
_lens_chart_view_update_accessible (LensChartView *self)
{
  g_autofree char *text = dup_state_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, self->state == LENS_CHART_STATE_LOADING,
                               -1);
}
