/* lens-compstat.c: the CompStat table, index crimes over three periods against a year earlier
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compstat"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-compstat.h"
#include "lens-compstat-private.h"
#include "lens-content-private.h"
#include "lens-data-coverage.h"
#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-format.h"

/* The rows, from data/compstat.json. */

typedef struct
{
  LensCompstatRow row;
  char           *kind;   /* "violent", "property" for a category */
  GStrv           kinds;  /* the kinds a total adds up */
} Row;

static GPtrArray *rows;   /* of Row, never freed: one table for the life of the process */
static GStrv      all_codes;

static const char * const translatable_keys[] = { "label", NULL };

static gboolean
read_rows (JsonArray          *array,
           gboolean            totals,
           LensContentReader  *reader,
           GError            **error)
{
  static const char * const category_keys[] = { "id", "label", "fbi-codes", "kind", NULL };
  static const char * const total_keys[] = { "id", "label", "kinds", NULL };
  const char * const *keys = totals ? total_keys : category_keys;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Row *row = g_new0 (Row, 1);
      char *id = NULL, *label = NULL;
      GStrv codes = NULL;

      lens_content_reader_set_where (reader, "%s %u", totals ? "total" : "category", i + 1);
      if (object == NULL ||
          !lens_content_reader_check_keys (reader, NULL, object, keys, keys, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "id", TRUE, &id, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "label", TRUE, &label, error) ||
          (!totals && (!lens_content_reader_get_strv (reader, NULL, object, "fbi-codes", TRUE, &codes, error) ||
                       !lens_content_reader_get_string (reader, NULL, object, "kind", TRUE, &row->kind, error))) ||
          (totals && !lens_content_reader_get_strv (reader, NULL, object, "kinds", TRUE, &row->kinds, error)))
        {
          if (object == NULL)
            g_set_error (error, LENS_CONTENT_ERROR, LENS_CONTENT_ERROR_SCHEMA, "compstat.json: not an object");
          g_free (id);
          g_free (label);
          g_strfreev (codes);
          g_free (row);
          return FALSE;
        }

      if (totals)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          for (guint k = 0; k < rows->len; k++)
            {
              Row *category = g_ptr_array_index (rows, k);

              if (!category->row.is_total && g_strv_contains ((const char * const *) row->kinds, category->kind))
                g_strv_builder_addv (builder, (const char **) category->row.fbi_codes);
            }
          codes = g_strv_builder_end (builder);
        }

      row->row.id = id;
      row->row.label = label;
      row->row.fbi_codes = (const char * const *) codes;
      row->row.is_total = totals;
      g_ptr_array_add (rows, row);
    }

  return TRUE;
}

static void
load_rows (void)
{
  g_auto(LensContentReader) reader = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  JsonArray *categories = NULL, *totals = NULL;

  rows = g_ptr_array_new ();
  if (!(bytes = lens_content_read_resource (LENS_COMPSTAT_RESOURCE, &error)) ||
      !lens_content_reader_load (&reader, "compstat.json", bytes, translatable_keys, &error) ||
      !lens_content_reader_get_array (&reader, NULL, reader.root, "categories", TRUE, &categories, &error) ||
      !lens_content_reader_get_array (&reader, NULL, reader.root, "totals", TRUE, &totals, &error) ||
      !read_rows (categories, FALSE, &reader, &error) ||
      !read_rows (totals, TRUE, &reader, &error))
    g_error ("compstat.json: %s", error->message);  /* a resource of the build: a bug */

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);

      if (!row->row.is_total)
        g_strv_builder_addv (codes, (const char **) row->row.fbi_codes);
    }
  all_codes = g_strv_builder_end (codes);
}

static void
ensure_rows (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      load_rows ();
      g_once_init_leave (&loaded, 1);
    }
}

guint
lens_compstat_get_n_rows (void)
{
  ensure_rows ();
  return rows->len;
}

const LensCompstatRow *
lens_compstat_get_row (guint index)
{
  ensure_rows ();
  g_return_val_if_fail (index < rows->len, NULL);
  return &((Row *) g_ptr_array_index (rows, index))->row;
}

/* The windows and the query. */

void
lens_compstat_get_windows (const GDate *last_full_day,
                           LensPeriod   windows[LENS_COMPSTAT_N_WINDOWS])
{
  g_return_if_fail (last_full_day != NULL && g_date_valid (last_full_day));

  lens_period_last_days (last_full_day, 7, &windows[LENS_COMPSTAT_LAST_7],
                         &windows[LENS_COMPSTAT_LAST_7_BEFORE]);
  lens_period_last_days (last_full_day, 28, &windows[LENS_COMPSTAT_LAST_28],
                         &windows[LENS_COMPSTAT_LAST_28_BEFORE]);
  lens_period_year_to_date (last_full_day, &windows[LENS_COMPSTAT_YEAR_TO_DATE],
                            &windows[LENS_COMPSTAT_YEAR_TO_DATE_BEFORE]);
}

char *
_lens_compstat_bind_windows (LensSoql    *soql,
                             const GDate *last_full_day,
                             GString     *any)
{
  LensPeriod windows[LENS_COMPSTAT_N_WINDOWS];
  GString *select = g_string_new (NULL);

  lens_compstat_get_windows (last_full_day, windows);
  for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
    {
      g_autofree char *from = g_strdup_printf ("from%u", w);
      g_autofree char *to = g_strdup_printf ("to%u", w);
      g_autofree char *condition = g_strdup_printf ("date >= @%s AND date < @%s", from, to);
      GDate next = windows[w].to;

      /* "date < @to": the day after the inclusive end, at midnight. */
      g_date_add_days (&next, 1);
      lens_soql_bind_date (soql, from, &windows[w].from);
      lens_soql_bind_date (soql, to, &next);
      g_string_append_printf (select, "%ssum(case(%s, 1, true, 0)) AS w%u", w ? ", " : "", condition, w);
      g_string_append_printf (any, "%s(%s)", w ? " OR " : "", condition);
    }

  return g_string_free (select, FALSE);
}

LensSoql *
lens_compstat_build_query (const GDate *last_full_day,
                           guint        district)
{
  g_autoptr(GString) select = g_string_new (LENS_CRIMES_FIELD_FBI_CODE);
  g_autofree char *sums = NULL;
  g_autoptr(GString) any = g_string_new (NULL);
  g_autoptr(GString) codes = g_string_new (LENS_CRIMES_FIELD_FBI_CODE " IN (");
  LensSoql *soql;

  g_return_val_if_fail (last_full_day != NULL && g_date_valid (last_full_day), NULL);
  g_return_val_if_fail (district == 0 || lens_district_lookup_number (district) != NULL, NULL);

  ensure_rows ();
  soql = lens_soql_new (LENS_DATASET_CRIMES);
  sums = _lens_compstat_bind_windows (soql, last_full_day, any);
  g_string_append_printf (select, ", %s", sums);

  for (guint i = 0; all_codes[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("code%u", i);

      g_string_append_printf (codes, "%s@%s", i ? ", " : "", name);
      lens_soql_bind_text (soql, name, all_codes[i]);
    }
  g_string_append_c (codes, ')');

  lens_soql_set_select (soql, select->str);
  lens_soql_add_where (soql, any->str);
  lens_soql_add_where (soql, codes->str);
  if (district != 0)
    {
      g_autofree char *code = lens_district_dup_code (lens_district_lookup_number (district));

      lens_soql_add_where (soql, LENS_CRIMES_FIELD_DISTRICT " = @district");
      lens_soql_bind_text (soql, "district", code);
    }
  lens_soql_set_group (soql, LENS_CRIMES_FIELD_FBI_CODE);
  lens_soql_set_order (soql, LENS_CRIMES_FIELD_FBI_CODE);

  return soql;
}

/* The table of one area. */

struct _LensCompstat
{
  GObject          parent_instance;

  guint            district;
  GDate            last_full_day;
  LensPeriod       windows[LENS_COMPSTAT_N_WINDOWS];
  gint64          *counts;   /* n_rows × LENS_COMPSTAT_N_WINDOWS */
  LensQueryResult *result;

  /* The shooting victims row, from its own dataset and coverage; unset when not loaded */
  gboolean         has_victims;
  GDate            victims_last_full_day;
  gint64           victims[LENS_COMPSTAT_N_WINDOWS];
  LensQueryResult *victims_result;
};

G_DEFINE_FINAL_TYPE (LensCompstat, lens_compstat, G_TYPE_OBJECT)

static void
lens_compstat_finalize (GObject *object)
{
  LensCompstat *self = LENS_COMPSTAT (object);

  g_free (self->counts);
  g_clear_object (&self->result);
  g_clear_object (&self->victims_result);

  G_OBJECT_CLASS (lens_compstat_parent_class)->finalize (object);
}

static void
lens_compstat_class_init (LensCompstatClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lens_compstat_finalize;
}

static void
lens_compstat_init (LensCompstat *self)
{
  g_date_clear (&self->last_full_day, 1);
  g_date_clear (&self->victims_last_full_day, 1);
}

LensCompstat *
lens_compstat_new_from_result (LensQueryResult  *result,
                               const GDate      *last_full_day,
                               guint             district,
                               GError          **error)
{
  g_autoptr(LensCompstat) self = NULL;
  LensTable *table;
  int code_column, columns[LENS_COMPSTAT_N_WINDOWS];
  guint n_rows;

  g_return_val_if_fail (LENS_IS_QUERY_RESULT (result), NULL);
  g_return_val_if_fail (last_full_day != NULL && g_date_valid (last_full_day), NULL);

  table = lens_query_result_get_table (result);
  code_column = lens_table_find_column (table, LENS_CRIMES_FIELD_FBI_CODE);
  for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
    {
      g_autofree char *name = g_strdup_printf ("w%u", w);

      columns[w] = lens_table_find_column (table, name);
      /* An area with no index crime at all in the windows has no rows, nor columns. */
      if (columns[w] < 0 && lens_table_get_n_rows (table) > 0)
        code_column = -1;
    }
  if (code_column < 0 && lens_table_get_n_rows (table) > 0)
    {
      g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE,
                   _("The portal’s answer lacks the columns Reform Lens asked for"));
      return NULL;
    }

  n_rows = lens_compstat_get_n_rows ();
  self = g_object_new (LENS_TYPE_COMPSTAT, NULL);
  self->district = district;
  self->last_full_day = *last_full_day;
  self->result = g_object_ref (result);
  self->counts = g_new0 (gint64, n_rows * LENS_COMPSTAT_N_WINDOWS);
  lens_compstat_get_windows (last_full_day, self->windows);

  for (guint r = 0; r < lens_table_get_n_rows (table); r++)
    {
      const char *code = lens_table_get_text (table, r, code_column);

      if (code == NULL)
        continue;
      for (guint i = 0; i < n_rows; i++)
        {
          if (!g_strv_contains (lens_compstat_get_row (i)->fbi_codes, code))
            continue;
          for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
            {
              double v = lens_table_get_number (table, r, columns[w]);

              if (isfinite (v))
                self->counts[i * LENS_COMPSTAT_N_WINDOWS + w] += (gint64) llround (v);
            }
        }
    }

  return g_steal_pointer (&self);
}

/* Loading: the coverage, then the one request. */

typedef struct
{
  LensPortalClient *client;
  guint             district;
  LensQueryFlags    flags;
  GDate             last_full_day;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->client);
  g_free (load);
}

static void
query_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(LensQueryResult) result = NULL;
  LensCompstat *self;
  GError *error = NULL;

  result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  self = lens_compstat_new_from_result (result, &load->last_full_day, load->district, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

static void
coverage_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(LensDataCoverage) coverage = NULL;
  g_autoptr(LensSoql) query = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  coverage = lens_data_coverage_load_finish (res, &error);
  if (coverage == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  load->last_full_day = *lens_data_coverage_get_last_full_day (coverage);
  query = lens_compstat_build_query (&load->last_full_day, load->district);
  cancellable = g_task_get_cancellable (task);
  lens_portal_client_query_async (load->client, query, load->flags, cancellable, query_cb,
                                  g_steal_pointer (&task));
}

void
lens_compstat_load_async (LensPortalClient    *client,
                          guint                district,
                          LensQueryFlags       flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  Load *load;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (district == 0 || lens_district_lookup_number (district) != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_compstat_load_async);
  /* The client reports cancellation as LENS_PORTAL_ERROR_CANCELLED: keep that. */
  g_task_set_check_cancellable (task, FALSE);

  load = g_new0 (Load, 1);
  load->client = g_object_ref (client);
  load->district = district;
  load->flags = flags;
  g_task_set_task_data (task, load, load_free);

  lens_data_coverage_load_async (client, LENS_DATASET_CRIMES, flags, cancellable,
                                 coverage_cb, task);
}

LensCompstat *
lens_compstat_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_compstat_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
lens_compstat_get_district (LensCompstat *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), 0);
  return self->district;
}

const GDate *
lens_compstat_get_last_full_day (LensCompstat *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), NULL);
  return &self->last_full_day;
}

void
lens_compstat_get_window (LensCompstat       *self,
                          LensCompstatWindow  window,
                          LensPeriod         *period)
{
  g_return_if_fail (LENS_IS_COMPSTAT (self));
  g_return_if_fail (window < LENS_COMPSTAT_N_WINDOWS);
  *period = self->windows[window];
}

gint64
lens_compstat_get_count (LensCompstat       *self,
                         guint               row,
                         LensCompstatWindow  window)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), 0);
  g_return_val_if_fail (row < lens_compstat_get_n_rows (), 0);
  g_return_val_if_fail (window < LENS_COMPSTAT_N_WINDOWS, 0);
  return self->counts[row * LENS_COMPSTAT_N_WINDOWS + window];
}

char *
lens_compstat_dup_change (LensCompstat       *self,
                          guint               row,
                          LensCompstatWindow  window)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), NULL);
  g_return_val_if_fail (window % 2 == 0 && window < LENS_COMPSTAT_N_WINDOWS, NULL);

  return lens_format_change (lens_compstat_get_count (self, row, window + 1),
                             lens_compstat_get_count (self, row, window));
}

LensQueryResult *
lens_compstat_get_result (LensCompstat *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), NULL);
  return self->result;
}

void
_lens_compstat_set_victims (LensCompstat    *self,
                            const gint64    *counts,
                            const GDate     *last_full_day,
                            LensQueryResult *result)
{
  g_return_if_fail (LENS_IS_COMPSTAT (self));

  self->has_victims = TRUE;
  memcpy (self->victims, counts, sizeof self->victims);
  self->victims_last_full_day = *last_full_day;
  g_set_object (&self->victims_result, result);
}

gboolean
lens_compstat_has_victims (LensCompstat *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), FALSE);
  return self->has_victims;
}

gint64
lens_compstat_get_victims (LensCompstat       *self,
                           LensCompstatWindow  window)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), 0);
  g_return_val_if_fail (window < LENS_COMPSTAT_N_WINDOWS, 0);
  return self->victims[window];
}

char *
lens_compstat_dup_victims_change (LensCompstat       *self,
                                  LensCompstatWindow  window)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), NULL);
  g_return_val_if_fail (window % 2 == 0 && window < LENS_COMPSTAT_N_WINDOWS, NULL);

  return lens_format_change (self->victims[window + 1], self->victims[window]);
}

const GDate *
lens_compstat_get_victims_last_full_day (LensCompstat *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), NULL);
  return &self->victims_last_full_day;
}

LensQueryResult *
lens_compstat_get_victims_result (LensCompstat *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT (self), NULL);
  return self->victims_result;
}
