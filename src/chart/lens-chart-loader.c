/* lens-chart-loader.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lens-categories.h"
#include "lens-chart-loader.h"
#include "lens-chart-private.h"
#include "lens-datasets.h"
#include "lens-date.h"
#include "lens-districts.h"
#include "lens-format.h"

/* Shared helpers */

LensFilters *
lens_chart_effective_filters (LensChartSpec *spec,
                              LensFilters   *filters)
{
  LensFilters *effective;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (filters != NULL, NULL);

  if (spec->district_condition != NULL || spec->district_beat_field != NULL)
    {
      LensCompareAs compare_as = lens_chart_compare_as (spec, filters);

      if (compare_as == lens_filters_get_compare_as (filters))
        return lens_filters_ref (filters);

      /* What the chart really shows, so that its footer says so (a rate stays a rate). */
      effective = lens_filters_copy (filters);
      lens_filters_set_compare_as (effective, compare_as);
      return effective;
    }

  effective = lens_filters_copy (filters);
  lens_filters_set_district (effective, 0);
  lens_filters_set_compare (effective, LENS_COMPARE_NONE, 0);
  return effective;
}

/* Several queries at once */

struct _LensMultiQuery
{
  LensPortalClient *client;
  char             *dataset_id;
  LensQueryFlags    flags;
  GPtrArray        *queries;   /* LensSoql */
  GPtrArray        *results;   /* LensQueryResult, NULL until done */
  LensDataCoverage *coverage;  /* given, fetched, or NULL until asked for */
  GError           *error;
  guint             pending;
  GTask            *task;      /* not a reference: the task owns us */
};

typedef struct
{
  GTask *task;
  guint  index;
} Op;

/* Results stay NULL for failed queries. */
static void
clear_result (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
multi_query_free (gpointer data)
{
  LensMultiQuery *self = data;

  g_clear_object (&self->client);
  g_free (self->dataset_id);
  g_ptr_array_unref (self->queries);
  g_ptr_array_unref (self->results);
  g_clear_object (&self->coverage);
  g_clear_error (&self->error);
  g_free (self);
}

LensMultiQuery *
lens_multi_query_new (LensPortalClient    *client,
                      const char          *dataset_id,
                      LensQueryFlags       flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      gpointer             source_tag)
{
  LensMultiQuery *self = g_new0 (LensMultiQuery, 1);

  self->client = g_object_ref (client);
  self->dataset_id = g_strdup (dataset_id);
  self->flags = flags;
  self->queries = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_soql_unref);
  self->results = g_ptr_array_new_with_free_func (clear_result);

  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, source_tag);
  /* The client reports cancellation as LENS_PORTAL_ERROR_CANCELLED: keep that. */
  g_task_set_check_cancellable (self->task, FALSE);
  g_task_set_task_data (self->task, self, multi_query_free);

  return self;
}

void
lens_multi_query_set_coverage (LensMultiQuery   *self,
                               LensDataCoverage *coverage)
{
  g_set_object (&self->coverage, coverage);
}

void
lens_multi_query_add (LensMultiQuery *self,
                      LensSoql       *query)
{
  g_ptr_array_add (self->queries, query);
}

static void
multi_query_op_done (LensMultiQuery *self)
{
  GTask *task = self->task;

  if (--self->pending > 0)
    return;

  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
multi_query_query_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Op *op = user_data;
  LensMultiQuery *self = g_task_get_task_data (op->task);
  g_autoptr(GError) error = NULL;
  LensQueryResult *query_result;

  query_result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &error);
  if (query_result != NULL)
    g_ptr_array_index (self->results, op->index) = query_result;
  else if (self->error == NULL ||
           /* A real failure says more than the cancellation that followed it. */
           g_error_matches (self->error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }

  multi_query_op_done (self);
  g_free (op);
}

static void
multi_query_coverage_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  LensMultiQuery *self = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Only a cancellation fails, and the queries report it too. */
  self->coverage = lens_data_coverage_load_finish (result, &error);
  if (error != NULL)
    g_debug ("No coverage for %s: %s", self->dataset_id, error->message);

  multi_query_op_done (self);
}

void
lens_multi_query_start (LensMultiQuery *self)
{
  GCancellable *cancellable = g_task_get_cancellable (self->task);

  /* One reference for all the operations, dropped when the last one finishes. */
  self->pending = self->queries->len + (self->coverage == NULL ? 1 : 0);
  g_ptr_array_set_size (self->results, self->queries->len);

  for (guint i = 0; i < self->queries->len; i++)
    {
      Op *op = g_new0 (Op, 1);

      op->task = self->task;
      op->index = i;
      lens_portal_client_query_async (self->client, g_ptr_array_index (self->queries, i),
                                      self->flags, cancellable, multi_query_query_cb, op);
    }

  /* The metadata and the last day: rowsUpdatedAt for "Data as of", and where periods end. */
  if (self->coverage == NULL)
    lens_data_coverage_load_async (self->client, self->dataset_id, self->flags, cancellable,
                                   multi_query_coverage_cb, self->task);
}

gboolean
lens_multi_query_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

LensMultiQuery *
lens_multi_query_from_result (GAsyncResult *result)
{
  return g_task_get_task_data (G_TASK (result));
}

guint
lens_multi_query_get_n_results (LensMultiQuery *self)
{
  return self->results->len;
}

LensQueryResult *
lens_multi_query_get_result (LensMultiQuery *self,
                             guint           index)
{
  return g_ptr_array_index (self->results, index);
}

GDateTime *
lens_multi_query_get_fetched_at (LensMultiQuery *self)
{
  GDateTime *oldest = NULL;

  for (guint i = 0; i < self->results->len; i++)
    {
      GDateTime *at = lens_query_result_get_fetched_at (g_ptr_array_index (self->results, i));

      if (at != NULL && (oldest == NULL || g_date_time_compare (at, oldest) < 0))
        oldest = at;
    }

  return oldest;
}

static GDateTime *
results_rows_updated_at (LensMultiQuery *self)
{
  for (guint i = 0; i < self->results->len; i++)
    {
      LensQueryResult *result = g_ptr_array_index (self->results, i);
      GDateTime *at = result != NULL ? lens_query_result_get_rows_updated_at (result) : NULL;

      if (at != NULL)
        return at;
    }

  return NULL;
}

LensDataCoverage *
lens_multi_query_get_coverage (LensMultiQuery *self)
{
  /* Nothing came back (a cancellation raced the answers): what the answers' headers say. */
  if (self->coverage == NULL)
    {
      GDate today;

      lens_data_period_get_today (&today);
      self->coverage = lens_data_coverage_new (self->dataset_id, &today,
                                               results_rows_updated_at (self), NULL);
    }

  return self->coverage;
}

GDateTime *
lens_multi_query_get_rows_updated_at (LensMultiQuery *self)
{
  if (self->coverage != NULL && lens_data_coverage_get_rows_updated_at (self->coverage) != NULL)
    return lens_data_coverage_get_rows_updated_at (self->coverage);

  return results_rows_updated_at (self);
}

gboolean
lens_multi_query_get_from_cache (LensMultiQuery *self)
{
  for (guint i = 0; i < self->results->len; i++)
    if (lens_query_result_get_from_cache (g_ptr_array_index (self->results, i)))
      return TRUE;
  return FALSE;
}

gboolean
lens_multi_query_get_stale (LensMultiQuery *self)
{
  for (guint i = 0; i < self->results->len; i++)
    if (lens_query_result_get_stale (g_ptr_array_index (self->results, i)))
      return TRUE;
  return FALSE;
}

const GError *
lens_multi_query_get_warning (LensMultiQuery *self)
{
  for (guint i = 0; i < self->results->len; i++)
    {
      const GError *warning = lens_query_result_get_warning (g_ptr_array_index (self->results, i));

      if (warning != NULL)
        return warning;
    }
  return NULL;
}

GStrv
lens_multi_query_dup_urls (LensMultiQuery *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->results->len; i++)
    g_strv_builder_add (builder, lens_query_result_get_url (g_ptr_array_index (self->results, i)));

  return g_strv_builder_end (builder);
}

/* Queries */

LensPlotKind
lens_chart_kind_to_plot_kind (LensChartKind kind)
{
  switch (kind)
    {
    case LENS_CHART_KIND_HBAR:
      return LENS_PLOT_HORIZONTAL_BAR;
    case LENS_CHART_KIND_LINE:
      return LENS_PLOT_LINE;
    case LENS_CHART_KIND_BAR:
    default:
      return LENS_PLOT_BAR;
    }
}

static gboolean
check_filters (LensFilters  *filters,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (lens_filters_validate (filters, &local_error))
    return TRUE;

  g_set_error_literal (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY, local_error->message);
  return FALSE;
}

/* The district of one vector of @effective (0: citywide). */
static gboolean
vector_district (LensFilters  *effective,
                 gboolean      comparison,
                 guint        *district,
                 GError      **error)
{
  if (!comparison)
    *district = lens_filters_get_district (effective);
  else
    switch (lens_filters_get_compare (effective))
      {
      case LENS_COMPARE_CITYWIDE:
        *district = 0;
        break;
      case LENS_COMPARE_DISTRICT:
        *district = lens_filters_get_compare_district (effective);
        break;
      case LENS_COMPARE_NONE:
      default:
        g_set_error_literal (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY,
                             _("These filters have no comparison"));
        return FALSE;
      }

  return TRUE;
}

LensSoql *
lens_chart_loader_build_query (LensChartSpec  *spec,
                               LensFilters    *filters,
                               gboolean        comparison,
                               GError        **error)
{
  g_autoptr(LensFilters) effective = NULL;
  guint district;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (filters != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_filters (filters, error))
    return NULL;

  effective = lens_chart_effective_filters (spec, filters);
  if (!vector_district (effective, comparison, &district, error))
    return NULL;

  return lens_chart_spec_build_query (spec, district,
                                      lens_filters_get_from (effective),
                                      lens_filters_get_to (effective),
                                      error);
}

/* Turning rows into a series */

typedef struct
{
  LensChartSpec *spec;
  LensFilters   *filters;
  LensFilters   *effective;
  guint          districts[3];  /* of each vector; 0: citywide */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  lens_chart_spec_unref (load->spec);
  lens_filters_unref (load->filters);
  lens_filters_unref (load->effective);
  g_free (load);
}

/* One vector's rows by label key: "2024", "2024-03", or the category text ("" for null).
 * Rows with the same key are summed: the groups of one district (attribution by beats) and
 * the values of one category group (lens_category_group()). */
typedef struct
{
  double value;        /* ALIAS: the sum */
  double numerator;    /* RATIO: the sums of both columns */
  double denominator;
} Cell;

typedef struct
{
  GHashTable *values;  /* key -> Cell */
  GPtrArray  *order;   /* keys in the portal's order (categories) */
} Vector;

static void
vector_clear (Vector *v)
{
  g_clear_pointer (&v->values, g_hash_table_unref);
  g_clear_pointer (&v->order, g_ptr_array_unref);
}

static int
find_column (LensTable   *table,
             const char  *name,
             GError     **error)
{
  int column = lens_table_find_column (table, name);

  if (column < 0)
    g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE,
                 /* Translators: %s is a column name such as "label" */
                 _("The portal's answer has no column “%s”"), name);
  return column;
}

/* The label key of a row, or NULL to skip the row. */
static char *
row_key (LensChartSpec *spec,
         LensTable     *table,
         guint          row,
         int            column)
{
  const char *text = lens_table_get_text (table, row, column);
  GDate day;

  switch (spec->label_kind)
    {
    case LENS_LABEL_KIND_YEAR:
      {
        double number = lens_table_get_number (table, row, column);

        /* date_extract_y() gives a number; date_trunc_y() a floating timestamp */
        if (isfinite (number))
          return g_strdup_printf ("%04d", (int) number);
        if (lens_date_parse_floating (text, &day))
          return g_strdup_printf ("%04u", (guint) g_date_get_year (&day));
        return NULL;
      }

    case LENS_LABEL_KIND_MONTH:
      /* A floating timestamp "2024-03-01T00:00:00.000": read as written, no time zone. */
      if (lens_date_parse_floating (text, &day))
        return g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (&day), (guint) g_date_get_month (&day));
      return NULL;

    case LENS_LABEL_KIND_CATEGORY:
    default:
      if (text == NULL)
        return g_strdup ("");
      return g_strdup (lens_category_group (spec->category_context, text));
    }
}

gboolean
lens_chart_beats_in_district (const char * const *beats,
                              guint               district)
{
  for (guint i = 0; beats != NULL && beats[i] != NULL; i++)
    if (district != 0 && lens_district_from_beat (beats[i]) == district)
      return TRUE;
  return FALSE;
}

/* @district: the district the rows are attributed to by their beats (0: every row counts). */
static gboolean
read_vector (LensChartSpec    *spec,
             LensQueryResult  *result,
             guint             district,
             Vector           *vector,
             GError          **error)
{
  LensTable *table = lens_query_result_get_table (result);
  guint n_rows = lens_table_get_n_rows (table);
  int label, value = -1, numerator = -1, denominator = -1, beat = -1;
  gboolean attributed = district != 0 && spec->district_beat_field != NULL;

  vector->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  vector->order = g_ptr_array_new ();

  if (n_rows == 0)
    return TRUE;

  /* An answer that fills the chart's own $limit may be cut short, and a chart needs every
   * group (years to fill, all categories to rank): refuse it rather than draw part of the data
   * as the whole. Without a limit the client pages through to the last row, so Socrata's
   * default page of 1000 rows never cuts an answer. */
  if (spec->limit != 0 && n_rows >= spec->limit)
    {
      g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE,
                   /* Translators: %u is a number of rows */
                   _("The portal's answer stopped at %u rows and may be incomplete"), n_rows);
      return FALSE;
    }

  if ((label = find_column (table, "label", error)) < 0)
    return FALSE;
  if (spec->value_kind == LENS_VALUE_KIND_RATIO)
    {
      if ((numerator = find_column (table, spec->numerator, error)) < 0 ||
          (denominator = find_column (table, spec->denominator, error)) < 0)
        return FALSE;
    }
  else if ((value = find_column (table, spec->value_alias, error)) < 0)
    return FALSE;
  /* Socrata leaves a column out when it is null in every row: then no row has a beat. */
  if (attributed)
    beat = lens_table_find_column (table, spec->district_beat_field);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *key = NULL;
      Cell *cell;

      if (attributed)
        {
          g_auto(GStrv) beats = beat >= 0 ? lens_table_dup_multi_values (table, row, beat) : NULL;

          /* Once for the district, however many of its beats the row names. */
          if (!lens_chart_beats_in_district ((const char * const *) beats, district))
            continue;
        }

      if ((key = row_key (spec, table, row, label)) == NULL)
        continue;

      cell = g_hash_table_lookup (vector->values, key);
      if (cell == NULL)
        {
          cell = g_new0 (Cell, 1);
          g_ptr_array_add (vector->order, key);
          g_hash_table_insert (vector->values, g_steal_pointer (&key), cell);
        }

      if (spec->value_kind == LENS_VALUE_KIND_RATIO)
        {
          cell->numerator += lens_table_get_number (table, row, numerator);
          cell->denominator += lens_table_get_number (table, row, denominator);
        }
      else
        cell->value += lens_table_get_number (table, row, value);
    }

  /* Ratios once the sums are complete; a missing number leaves a gap, not a wrong value. */
  if (spec->value_kind == LENS_VALUE_KIND_RATIO)
    {
      GHashTableIter iter;
      gpointer data;

      g_hash_table_iter_init (&iter, vector->values);
      while (g_hash_table_iter_next (&iter, NULL, &data))
        {
          Cell *cell = data;

          cell->value = (isfinite (cell->numerator) && isfinite (cell->denominator) &&
                         cell->denominator > 0) ? cell->numerator / cell->denominator * 100.0 : NAN;
        }
    }

  return TRUE;
}

static double
vector_lookup (Vector     *vector,
               const char *key,
               double      missing)
{
  Cell *cell = g_hash_table_lookup (vector->values, key);

  return cell != NULL ? cell->value : missing;
}

typedef struct
{
  const char *key;
  double      value;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;
  double va = isfinite (ra->value) ? ra->value : -INFINITY;
  double vb = isfinite (rb->value) ? rb->value : -INFINITY;

  if (va != vb)
    return va > vb ? -1 : 1;
  return strcmp (ra->key, rb->key);
}

/* @end: the data's last full day. Years and months after it have no data (NAN, not 0);
 * the one it falls in is partial unless it ends there. */
static LensSeries *
build_series (LoadData        *load,
              Vector          *vectors,
              guint            n_vectors,
              const GDate     *end,
              GError         **error)
{
  LensChartSpec *spec = load->spec;
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  /* Per label: TRUE for a year or month after the data's end, which has no data rather than
   * zero incidents (a range may end in the future, or the data stop short). */
  g_autoptr(GArray) future = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autofree char *primary_name = lens_filters_dup_district_label (load->effective);
  g_autofree char *compare_name = lens_filters_dup_compare_label (load->effective);
  const GDate *from = lens_filters_get_from (load->effective);
  const GDate *to = lens_filters_get_to (load->effective);
  double missing = spec->value_kind == LENS_VALUE_KIND_RATIO ? NAN : 0.0;
  int end_year = g_date_get_year (end);
  int end_month = g_date_get_month (end);
  gboolean year_done = end_month == 12 && g_date_get_day (end) == 31;
  gboolean month_done = g_date_is_last_of_month (end);

  lens_series_set_unit (series, spec->unit);
  lens_series_set_percent (series, spec->percent);
  lens_series_add_vector (series, primary_name);
  if (n_vectors > 1)
    lens_series_add_vector (series, compare_name);
  /* The citywide totals a share of another district divides by */
  if (n_vectors > 2)
    lens_series_add_vector (series, _("Citywide"));

  switch (spec->label_kind)
    {
    case LENS_LABEL_KIND_YEAR:
      for (int year = g_date_get_year (from); year <= g_date_get_year (to); year++)
        {
          g_autofree char *label = g_strdup_printf ("%d", year);
          guint index = lens_series_add_label (series, label);
          gboolean cut_start = year == g_date_get_year (from) &&
                               !(g_date_get_month (from) == 1 && g_date_get_day (from) == 1);
          gboolean cut_end = year == g_date_get_year (to) &&
                             !(g_date_get_month (to) == 12 && g_date_get_day (to) == 31);

          gboolean not_begun = year > end_year;

          /* A year without data is not "so far" either. */
          lens_series_set_partial (series, index,
                                   !not_begun && ((year == end_year && !year_done) || cut_start || cut_end));
          g_ptr_array_add (keys, g_strdup_printf ("%04d", year));
          g_array_append_val (future, not_begun);
        }
      break;

    case LENS_LABEL_KIND_MONTH:
      {
        int year = g_date_get_year (from);
        int month = g_date_get_month (from);
        int last = g_date_get_year (to) * 12 + g_date_get_month (to) - 1;

        for (; year * 12 + month - 1 <= last; month == 12 ? (month = 1, year++) : month++)
          {
            g_autofree char *label = lens_format_month (year, month);
            guint index = lens_series_add_label (series, label);
            gboolean cut_start = year == g_date_get_year (from) &&
                                 month == (int) g_date_get_month (from) &&
                                 g_date_get_day (from) != 1;
            gboolean cut_end = year == g_date_get_year (to) &&
                               month == (int) g_date_get_month (to) &&
                               !g_date_is_last_of_month (to);
            gboolean current = year == end_year && month == end_month && !month_done;
            gboolean not_begun = year * 12 + month > end_year * 12 + end_month;

            lens_series_set_partial (series, index, !not_begun && (current || cut_start || cut_end));
            g_ptr_array_add (keys, g_strdup_printf ("%04d-%02d", year, month));
            g_array_append_val (future, not_begun);
          }
      }
      break;

    case LENS_LABEL_KIND_CATEGORY:
    default:
      {
        g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
        guint n;

        for (guint i = 0; i < vectors[0].order->len; i++)
          {
            Ranked r;

            r.key = g_ptr_array_index (vectors[0].order, i);
            r.value = vector_lookup (&vectors[0], r.key, NAN);
            g_array_append_val (ranked, r);
          }
        /* Ranked by value, unless the chart orders its categories itself (age groups) */
        if (g_strcmp0 (spec->order, "label") != 0)
          g_array_sort (ranked, compare_ranked);

        n = ranked->len;
        if (spec->top_n > 0)
          n = MIN (n, spec->top_n);

        for (guint i = 0; i < n; i++)
          {
            const Ranked *r = &g_array_index (ranked, Ranked, i);
            const char *label;

            if (r->key[0] == '\0')
              label = _("Not recorded");
            else
              label = lens_category_label (spec->category_context, r->key);
            lens_series_add_label (series, label);
            g_ptr_array_add (keys, g_strdup (r->key));
          }

        /* A comparison has no value for a category it lacks. */
        missing = NAN;
      }
      break;
    }

  for (guint v = 0; v < n_vectors; v++)
    for (guint i = 0; i < keys->len; i++)
      {
        double fill = missing;

        /* The primary of a category chart has every label it shows. */
        if (spec->label_kind == LENS_LABEL_KIND_CATEGORY && v == 0)
          fill = NAN;
        if (i < future->len && g_array_index (future, gboolean, i))
          fill = NAN;
        lens_series_set_value (series, v, i,
                               vector_lookup (&vectors[v], g_ptr_array_index (keys, i), fill));
      }

  return g_steal_pointer (&series);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *load = g_task_get_task_data (task);
  LensMultiQuery *multi = lens_multi_query_from_result (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(LensSeries) series = NULL;
  g_auto(GStrv) urls = NULL;
  Vector vectors[3] = { { 0 }, { 0 }, { 0 } };
  guint n_vectors;

  if (!lens_multi_query_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_vectors = MIN (lens_multi_query_get_n_results (multi), G_N_ELEMENTS (vectors));
  for (guint i = 0; i < n_vectors; i++)
    if (!read_vector (load->spec, lens_multi_query_get_result (multi, i), load->districts[i],
                      &vectors[i], &error))
      break;

  if (error == NULL)
    series = build_series (load, vectors, n_vectors,
                           lens_data_coverage_get_last_full_day (lens_multi_query_get_coverage (multi)),
                           &error);

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    vector_clear (&vectors[i]);

  if (series == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Compare as an index or a share: from the same counts, on this side of the portal. */
  {
    g_autoptr(LensSeries) counts = g_steal_pointer (&series);

    series = lens_chart_compare_series (load->spec, load->effective, counts);
  }

  urls = lens_multi_query_dup_urls (multi);
  g_task_return_pointer (task,
                         lens_chart_data_new (load->spec, load->filters, series,
                                              (const char * const *) urls,
                                              lens_multi_query_get_fetched_at (multi),
                                              lens_multi_query_get_rows_updated_at (multi),
                                              lens_multi_query_get_from_cache (multi),
                                              lens_multi_query_get_stale (multi),
                                              lens_multi_query_get_warning (multi),
                                              lens_multi_query_get_coverage (multi)),
                         g_object_unref);
}

void
lens_chart_loader_load_async (LensPortalClient    *client,
                              LensChartSpec       *spec,
                              LensFilters         *filters,
                              LensQueryFlags       flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LensSoql) primary = NULL;
  g_autoptr(LensSoql) comparison = NULL;
  g_autoptr(LensSoql) city = NULL;
  LensMultiQuery *multi;
  LoadData *load;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (spec != NULL);
  g_return_if_fail (filters != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_chart_loader_load_async);
  g_task_set_check_cancellable (task, FALSE);

  load = g_new0 (LoadData, 1);
  load->spec = lens_chart_spec_ref (spec);
  load->filters = lens_filters_ref (filters);
  load->effective = lens_chart_effective_filters (spec, filters);
  g_task_set_task_data (task, load, load_data_free);

  if (!(primary = lens_chart_loader_build_query (spec, filters, FALSE, &error)) ||
      !vector_district (load->effective, FALSE, &load->districts[0], &error) ||
      (lens_filters_get_compare (load->effective) != LENS_COMPARE_NONE &&
       (!(comparison = lens_chart_loader_build_query (spec, filters, TRUE, &error)) ||
        !vector_district (load->effective, TRUE, &load->districts[1], &error))))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Two districts as shares of the city: one more request, the same grouped query for the
   * whole city (a citywide comparison already is that query). */
  if (lens_chart_compare_needs_city (spec, load->effective) &&
      !(city = lens_chart_spec_build_query (spec, 0, lens_filters_get_from (load->effective),
                                            lens_filters_get_to (load->effective), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  load->districts[2] = 0;

  multi = lens_multi_query_new (client, spec->dataset_id, flags, cancellable,
                                load_cb, g_steal_pointer (&task),
                                lens_chart_loader_load_async);
  lens_multi_query_add (multi, g_steal_pointer (&primary));
  if (comparison != NULL)
    lens_multi_query_add (multi, g_steal_pointer (&comparison));
  if (city != NULL)
    lens_multi_query_add (multi, g_steal_pointer (&city));
  lens_multi_query_start (multi);
}

LensChartData *
lens_chart_loader_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_chart_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
