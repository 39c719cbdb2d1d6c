/* lens-headline.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-headline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-chart-private.h"
#include "lens-datasets.h"
#include "lens-describe.h"
#include "lens-format.h"
#include "lens-headline.h"

struct _LensHeadline
{
  GObject           parent_instance;

  LensHeadlineSpec *spec;
  char             *area_label;
  double            current;
  double            previous;
  char             *current_text;
  char             *change_text;
  char             *current_period;
  char             *previous_period;
  GDate             current_from;
  GDate             current_to;
  GDate             previous_from;
  GDate             previous_to;
  LensDataCoverage *coverage;
  guint             district;
  LensQueryFlags    flags;

  GDateTime        *fetched_at;
  GDateTime        *rows_updated_at;
  gboolean          from_cache;
  gboolean          stale;
  GError           *warning;
  GStrv             urls;
};

G_DEFINE_FINAL_TYPE (LensHeadline, lens_headline, G_TYPE_OBJECT)

static void
lens_headline_finalize (GObject *object)
{
  LensHeadline *self = (LensHeadline *) object;

  g_clear_pointer (&self->spec, lens_headline_spec_unref);
  g_free (self->area_label);
  g_free (self->current_text);
  g_free (self->change_text);
  g_free (self->current_period);
  g_free (self->previous_period);
  g_clear_object (&self->coverage);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_clear_pointer (&self->rows_updated_at, g_date_time_unref);
  g_clear_error (&self->warning);
  g_strfreev (self->urls);

  G_OBJECT_CLASS (lens_headline_parent_class)->finalize (object);
}

static void
lens_headline_class_init (LensHeadlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_headline_finalize;
}

static void
lens_headline_init (LensHeadline *self)
{
  g_date_clear (&self->current_from, 1);
  g_date_clear (&self->current_to, 1);
  g_date_clear (&self->previous_from, 1);
  g_date_clear (&self->previous_to, 1);
}

static gboolean
read_value (LensHeadlineSpec  *spec,
            LensQueryResult   *result,
            double            *value,
            GError           **error)
{
  LensTable *table = lens_query_result_get_table (result);
  int column;

  /* count(*) over no rows: the portal may answer with no row at all. */
  if (lens_table_get_n_rows (table) == 0)
    {
      *value = 0;
      return TRUE;
    }

  column = lens_table_find_column (table, spec->value_alias);
  if (column < 0)
    {
      g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE,
                   _("The portal's answer has no column “%s”"), spec->value_alias);
      return FALSE;
    }

  *value = lens_table_is_null (table, 0, column) ? 0 : lens_table_get_number (table, 0, column);
  if (!isfinite (*value))
    {
      g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE,
                   _("The portal's answer has no number in “%s”"), spec->value_alias);
      return FALSE;
    }

  return TRUE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LensHeadline *self = g_task_get_task_data (task);
  LensMultiQuery *multi = lens_multi_query_from_result (result);
  g_autoptr(GError) error = NULL;
  GDateTime *rows_updated_at;

  if (!lens_multi_query_finish (result, &error) ||
      !read_value (self->spec, lens_multi_query_get_result (multi, 0), &self->current, &error) ||
      !read_value (self->spec, lens_multi_query_get_result (multi, 1), &self->previous, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->current_text = lens_format_count (self->current);
  self->change_text = lens_format_change (self->previous, self->current);
  self->fetched_at = g_date_time_ref (lens_multi_query_get_fetched_at (multi));
  rows_updated_at = lens_multi_query_get_rows_updated_at (multi);
  self->rows_updated_at = rows_updated_at ? g_date_time_ref (rows_updated_at) : NULL;
  self->from_cache = lens_multi_query_get_from_cache (multi);
  self->stale = lens_multi_query_get_stale (multi);
  self->warning = lens_multi_query_get_warning (multi) ? g_error_copy (lens_multi_query_get_warning (multi)) : NULL;
  self->urls = lens_multi_query_dup_urls (multi);

  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

/* Step 2: the periods end where the data end; both are asked for at once. */
static void
coverage_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LensHeadline *self = g_task_get_task_data (task);
  LensPortalClient *client = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(LensSoql) current = NULL;
  g_autoptr(LensSoql) previous = NULL;
  GCancellable *cancellable;
  const GDate *end;
  LensMultiQuery *multi;

  self->coverage = lens_data_coverage_load_finish (result, &error);
  if (self->coverage == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  end = lens_data_coverage_get_last_full_day (self->coverage);
  lens_headline_spec_get_periods (self->spec, end,
                                  &self->current_from, &self->current_to,
                                  &self->previous_from, &self->previous_to);
  self->current_period = lens_describe_period (&self->current_from, &self->current_to,
                                               lens_data_coverage_get_ends_early (self->coverage) ? end : NULL);
  self->previous_period = lens_describe_period (&self->previous_from, &self->previous_to, NULL);

  if (!(current = lens_headline_spec_build_query (self->spec, self->district, &self->current_from,
                                                  &self->current_to, &error)) ||
      !(previous = lens_headline_spec_build_query (self->spec, self->district, &self->previous_from,
                                                   &self->previous_to, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  multi = lens_multi_query_new (client, self->spec->dataset_id, self->flags, cancellable,
                                load_cb, g_steal_pointer (&task), lens_headline_load_async);
  lens_multi_query_set_coverage (multi, self->coverage);
  lens_multi_query_add (multi, g_steal_pointer (&current));
  lens_multi_query_add (multi, g_steal_pointer (&previous));
  lens_multi_query_start (multi);
}

void
lens_headline_load_async (LensPortalClient    *client,
                          LensHeadlineSpec    *spec,
                          LensFilters         *filters,
                          LensQueryFlags       flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  LensHeadline *self;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (spec != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (LENS_TYPE_HEADLINE, NULL);
  self->spec = lens_headline_spec_ref (spec);
  self->flags = flags;

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_headline_load_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, self, g_object_unref);

  if (filters != NULL && spec->district_condition != NULL)
    self->district = lens_filters_get_district (filters);

  if (self->district == 0)
    self->area_label = g_strdup (_("Citywide"));
  else
    {
      g_autoptr(LensFilters) area = lens_filters_copy (filters);

      lens_filters_set_compare (area, LENS_COMPARE_NONE, 0);
      self->area_label = lens_filters_dup_district_label (area);
    }

  /* Step 1: where the data end (the metadata and the latest row). */
  lens_data_coverage_load_async (client, spec->dataset_id, flags, cancellable, coverage_cb, task);
}

LensHeadline *
lens_headline_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_headline_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

LensHeadlineSpec *
lens_headline_get_spec (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->spec;
}

const char *
lens_headline_get_title (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->spec->title;
}

const char *
lens_headline_get_note (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->spec->note;
}

const char *
lens_headline_get_page (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->spec->page;
}

const char *
lens_headline_get_area_label (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->area_label;
}

double
lens_headline_get_current_value (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NAN);
  return self->current;
}

double
lens_headline_get_previous_value (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NAN);
  return self->previous;
}

const char *
lens_headline_get_current_text (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->current_text;
}

const char *
lens_headline_get_change_text (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->change_text;
}

const char *
lens_headline_get_current_period (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->current_period;
}

const char *
lens_headline_get_previous_period (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->previous_period;
}

LensDataCoverage *
lens_headline_get_coverage (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->coverage;
}

const GDate *
lens_headline_get_current_from (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return &self->current_from;
}

const GDate *
lens_headline_get_current_to (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return &self->current_to;
}

const GDate *
lens_headline_get_previous_from (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return &self->previous_from;
}

const GDate *
lens_headline_get_previous_to (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return &self->previous_to;
}

GDateTime *
lens_headline_get_fetched_at (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->fetched_at;
}

GDateTime *
lens_headline_get_rows_updated_at (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->rows_updated_at;
}

gboolean
lens_headline_get_from_cache (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), FALSE);
  return self->from_cache;
}

gboolean
lens_headline_get_stale (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), FALSE);
  return self->stale;
}

const GError *
lens_headline_get_warning (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return self->warning;
}

const char * const *
lens_headline_get_urls (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return (const char * const *) self->urls;
}

const char *
lens_headline_get_dataset_name (LensHeadline *self)
{
  const LensDataset *dataset;

  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);

  dataset = lens_dataset_lookup (self->spec->dataset_id);
  return dataset != NULL ? lens_dataset_get_display_name (dataset) : self->spec->dataset_id;
}

const char *
lens_headline_get_dataset_url (LensHeadline *self)
{
  const LensDataset *dataset;

  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);

  dataset = lens_dataset_lookup (self->spec->dataset_id);
  return dataset != NULL ? dataset->page_url : NULL;
}

const char * const *
lens_headline_get_caveats (LensHeadline *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE (self), NULL);
  return (const char * const *) self->spec->caveat_texts;
}
