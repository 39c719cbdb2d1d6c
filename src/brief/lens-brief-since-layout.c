/* lens-brief-since-layout.c: the "Since" section on the brief's pages, and the record of the
 * figures a brief printed
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-since"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-private.h"
#include "lens-brief-since-private.h"

void
lens_brief_set_since (LensBrief      *self,
                      LensBriefSince *since)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  g_clear_pointer (&self->since, lens_brief_since_free);
  self->since = since;
  self->dirty = TRUE;
}

/* Layout */

void
brief_flow_since (Flow *f)
{
  LensBriefSince *since = f->self->since;
  gboolean first_heading = TRUE;

  if (!brief_flow_at_top (f))
    brief_flow_space (f, 12.0);
  if (since->title != NULL)
    brief_add_outline (f->self, since->title, brief_flow_current_page (f));

  for (guint i = 0; i < since->items->len; i++)
    {
      Item *item = g_ptr_array_index (since->items, i);

      switch (item->kind)
        {
        case ITEM_HEADING:
          brief_flow_heading (f, item->text, first_heading ? &style_h2 : &style_h3,
                              first_heading ? 0 : 8.0, 40.0);
          first_heading = FALSE;
          break;
        case ITEM_TEXT:
          brief_flow_text (f, item->text, &style_body, 0, 6.0);
          break;
        case ITEM_NOTE:
          {
            const char *texts[] = { item->text };
            const TextStyle *styles[] = { &style_body };

            brief_flow_box (f, texts, styles, 1, note_fill, note_bar);
            brief_flow_space (f, 6.0);
          }
          break;
        case ITEM_BULLET:
          brief_flow_bullet (f, item->text, &style_body, 3.0);
          break;
        case ITEM_TABLE:
          {
            g_autoptr(Table) table = brief_table_new (4);
            double rest = f->width - 150.0;

            table->widths[0] = 150.0;
            table->widths[1] = rest * 0.4;
            table->widths[2] = rest * 0.35;
            table->widths[3] = rest * 0.25;
            table->aligns[0] = PANGO_ALIGN_LEFT;
            table->aligns[1] = PANGO_ALIGN_RIGHT;
            table->aligns[2] = PANGO_ALIGN_RIGHT;
            table->aligns[3] = PANGO_ALIGN_RIGHT;
            brief_table_set_cells (table, f->self, (const char **) item->headers, item->rows);
            brief_flow_table (f, table, NULL);
            brief_flow_space (f, 6.0);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The record */

LensBriefRecord *
lens_brief_dup_record (LensBrief   *self,
                       const char  *portal,
                       LensFilters *filters)
{
  LensBriefRecord *record;

  g_return_val_if_fail (LENS_IS_BRIEF (self), NULL);

  if (self->generated_at == NULL)
    self->generated_at = g_date_time_new_now_local ();
  record = lens_brief_record_new (portal, filters, self->generated_at);

  for (guint i = 0; i < self->charts->len; i++)
    {
      BriefChart *chart = g_ptr_array_index (self->charts, i);
      LensSeries *shown = lens_chart_document_get_series (chart->document);
      /* The City revises counts: a share or an index is kept as the counts it came from */
      LensSeries *series = lens_series_get_counts (shown) != NULL ? lens_series_get_counts (shown) : shown;
      guint n = lens_series_get_n_labels (series);
      g_autofree char **labels = g_new0 (char *, n + 1);
      g_autofree gboolean *partial = g_new0 (gboolean, n + 1);
      LensBriefRecordFigures *figures;

      if (chart->chart_id == NULL || !brief_chart_shown (self, chart))
        continue;
      for (guint l = 0; l < n; l++)
        {
          labels[l] = (char *) lens_series_get_label (series, l);
          partial[l] = lens_series_get_partial (series, l);
        }
      figures = lens_brief_record_figures_new (chart->chart_id,
                                               lens_chart_document_get_title (chart->document),
                                               chart->dataset_id, lens_series_get_unit (series),
                                               chart->rows_updated_at,
                                               (const char * const *) labels, partial);
      for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
        {
          g_autofree double *values = g_new0 (double, n + 1);

          for (guint l = 0; l < n; l++)
            values[l] = lens_series_get_value (series, v, l);
          lens_brief_record_figures_add_vector (figures, lens_series_get_vector_name (series, v),
                                                values);
        }
      lens_brief_record_add_chart (record, figures);
    }

  if (self->since != NULL && self->since->compstat != NULL)
    {
      g_autofree char *data = NULL;
      LensBriefRecordFigures *copy = lens_brief_record_figures_new (self->since->compstat->id,
                                                                    self->since->compstat->title,
                                                                    self->since->compstat->dataset,
                                                                    self->since->compstat->unit,
                                                                    self->since->compstat->as_of,
                                                                    (const char * const *) self->since->compstat->labels,
                                                                    (const gboolean *) self->since->compstat->partial->data);

      for (guint v = 0; v < self->since->compstat->values->len; v++)
        lens_brief_record_figures_add_vector (copy, self->since->compstat->vector_names[v],
                                              (const double *) ((GArray *) g_ptr_array_index (self->since->compstat->values, v))->data);
      lens_brief_record_add_table (record, copy);
    }

  return record;
}
