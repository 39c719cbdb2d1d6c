/* lens-brief-builder.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-builder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-builder.h"
#include "lens-catalog.h"
#include "lens-chart-loader.h"
#include "lens-compstat.h"
#include "lens-consent-decree.h"
#include "lens-format.h"
#include "lens-reports.h"

typedef struct
{
  LensFilters    *filters;
  LensBriefParts  parts;
  gboolean        offline;
  GPtrArray      *specs;    /* LensChartSpec */
  GPtrArray      *data;     /* LensChartData or NULL, parallel to @specs */
  GPtrArray      *errors;   /* GError or NULL, parallel to @specs */
  GPtrArray      *compstat; /* LensCompstat per area, when loaded */
  GError         *compstat_error;
  LensStanding   *standing;
  GError         *standing_error;
  guint           pending;
  LensDistrictMapData *map;      /* the district map, when LENS_BRIEF_PART_MAP is asked for */
  GError         *map_error;
} BuildState;

typedef struct
{
  LensBrief *brief;
  GStrv      stale;
  GStrv      failed;
} BuildResult;

static void
build_state_free (BuildState *state)
{
  g_clear_pointer (&state->filters, lens_filters_unref);
  g_clear_pointer (&state->specs, g_ptr_array_unref);
  g_clear_pointer (&state->data, g_ptr_array_unref);
  g_clear_pointer (&state->errors, g_ptr_array_unref);
  g_clear_pointer (&state->compstat, g_ptr_array_unref);
  g_clear_error (&state->compstat_error);
  g_clear_object (&state->standing);
  g_clear_error (&state->standing_error);
  g_clear_object (&state->map);
  g_clear_error (&state->map_error);
  g_free (state);
}

static void
build_result_free (BuildResult *result)
{
  g_clear_object (&result->brief);
  g_clear_pointer (&result->stale, g_strfreev);
  g_clear_pointer (&result->failed, g_strfreev);
  g_free (result);
}

static void
free_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static void
unref_data (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

GStrv
lens_brief_builder_dup_chart_ids (LensBriefParts parts)
{
  static const struct {
    LensBriefParts part;
    const char    *page;
  } groups[] = {
    { LENS_BRIEF_PART_CRIME, "crime" },
    { LENS_BRIEF_PART_COMPLAINTS, "complaints" },
    { LENS_BRIEF_PART_SHOOTINGS, "shootings" },
    { LENS_BRIEF_PART_ARRESTS, "arrests" },
  };
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(GPtrArray) specs = NULL;

      if ((parts & groups[i].part) == 0)
        continue;

      specs = lens_catalog_get_charts_for_page (catalog, groups[i].page);
      for (guint j = 0; j < specs->len; j++)
        g_strv_builder_add (builder, ((LensChartSpec *) g_ptr_array_index (specs, j))->id);
    }

  return g_strv_builder_end (builder);
}

/* "Reported incidents per year: data from 3 hours ago", then the reason if any. */
static char *
dup_stale_line (LensChartData *data,
                GDateTime     *now)
{
  LensChartSpec *spec = lens_chart_data_get_spec (data);
  GDateTime *fetched_at = lens_chart_data_get_fetched_at (data);
  const GError *warning = lens_chart_data_get_warning (data);
  g_autofree char *age = NULL;
  g_autofree char *line = NULL;

  age = lens_format_age (fetched_at != NULL
                         ? MAX (0, g_date_time_difference (now, fetched_at) / G_TIME_SPAN_SECOND)
                         : 0);
  /* Translators: a chart whose numbers came from a saved copy: "<chart title>: data from
   * <3 hours ago>". */
  line = g_strdup_printf (_("%s: data from %s"), spec->title, age);

  if (warning == NULL)
    return g_steal_pointer (&line);

  /* Translators: the line above, then why the saved copy was used. */
  return g_strdup_printf (_("%s (%s)"), line, warning->message);
}

static gboolean
is_cancellation (const GError *error)
{
  return g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
build_finish_assembly (GTask *task)
{
  BuildState *state = g_task_get_task_data (task);
  g_autoptr(LensBrief) brief = NULL;
  g_autoptr(LensReports) reports = NULL;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  LensBriefParts parts = state->parts;
  const GError *first_error = NULL;
  BuildResult *result;
  guint n_loaded = 0;

  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint i = 0; i < state->errors->len; i++)
    {
      const GError *chart_error = g_ptr_array_index (state->errors, i);

      if (chart_error == NULL)
        continue;

      if (g_error_matches (chart_error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED) ||
          g_error_matches (chart_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_error_copy (chart_error));
          return;
        }
    }

  if (is_cancellation (state->compstat_error) || is_cancellation (state->standing_error))
    {
      g_task_return_error (task, g_error_copy (is_cancellation (state->compstat_error)
                                               ? state->compstat_error : state->standing_error));
      return;
    }

  reports = lens_reports_new_from_resource (&error);
  if (reports == NULL)
    {
      /* Shipped data: a broken file is a bug, but the brief can go on without passages. */
      g_warning ("%s", error->message);
      g_clear_error (&error);
      parts &= ~LENS_BRIEF_PART_PASSAGES;
    }

  brief = lens_brief_new ();
  lens_brief_set_filters (brief, state->filters);
  if (reports != NULL)
    lens_brief_set_reports (brief, reports);

  for (guint i = 0; i < state->specs->len; i++)
    {
      LensChartSpec *spec = g_ptr_array_index (state->specs, i);
      LensChartData *data = g_ptr_array_index (state->data, i);
      const GError *chart_error = g_ptr_array_index (state->errors, i);

      if (data == NULL)
        {
          if (first_error == NULL)
            first_error = chart_error;
          /* Translators: a chart left out of the brief: "<chart title>: <why>". */
          g_ptr_array_add (failed, g_strdup_printf (_("%s: %s"), spec->title,
                                                        chart_error != NULL ? chart_error->message : ""));
          continue;
        }

      n_loaded++;
      parts |= lens_brief_part_for_page (spec->page);

      if (lens_chart_data_get_stale (data) ||
          lens_chart_data_get_warning (data) != NULL ||
          (state->offline && lens_chart_data_get_from_cache (data)))
        g_ptr_array_add (stale, dup_stale_line (data, now));

      lens_brief_add_chart_data (brief, data, NULL);
    }

  /* The district statistics: left out, and said so, when their requests fail */
  if (state->compstat != NULL)
    lens_brief_set_compstat (brief, state->compstat);
  else if (parts & LENS_BRIEF_PART_COMPSTAT)
    {
      parts &= ~LENS_BRIEF_PART_COMPSTAT;
      if (state->compstat_error != NULL)
        g_ptr_array_add (failed, g_strdup_printf (_("%s: %s"), _("Index Crimes Against a Year Earlier"),
                                                  state->compstat_error->message));
    }
  if (state->standing != NULL)
    lens_brief_set_standing (brief, state->standing, lens_filters_get_district (state->filters));
  else if (parts & LENS_BRIEF_PART_STANDING)
    {
      parts &= ~LENS_BRIEF_PART_STANDING;
      if (state->standing_error != NULL)
        g_ptr_array_add (failed, g_strdup_printf (_("%s: %s"), _("Where the District Stands"),
                                                  state->standing_error->message));
    }

  if (state->map != NULL)
    lens_brief_set_district_map (brief, state->map, lens_filters_get_district (state->filters));
  else if (parts & LENS_BRIEF_PART_MAP)
    {
      if (g_error_matches (state->map_error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&state->map_error));
          return;
        }
      /* Translators: the map left out of the brief: "District map: <why>" */
      g_ptr_array_add (failed, g_strdup_printf (_("District map: %s"),
                                                state->map_error != NULL ? state->map_error->message : ""));
      parts &= ~LENS_BRIEF_PART_MAP;
    }
  if (state->map != NULL &&
      (lens_district_map_data_get_warning (state->map) != NULL ||
       (state->offline && lens_boundaries_result_get_from_cache (lens_district_map_data_get_boundaries_result (state->map)))))
    {
      g_autofree char *age = lens_format_age (lens_district_map_data_get_age (state->map));

      g_ptr_array_add (stale, g_strdup_printf (_("%s: data from %s"), _("District map"), age));
    }

  if (state->specs->len > 0 && n_loaded == 0 && state->compstat == NULL && state->standing == NULL &&
      state->map == NULL)
    {
      g_task_return_error (task, g_error_copy (first_error));
      return;
    }

  if (parts & LENS_BRIEF_PART_CONSENT_DECREE)
    {
      g_autoptr(LensConsentDecree) decree = lens_consent_decree_new_from_resource (&error);

      if (decree != NULL)
        {
          g_autoptr(GPtrArray) passages = NULL;

          if (reports != NULL && (parts & LENS_BRIEF_PART_PASSAGES))
            passages = lens_reports_get_passages_for_page (reports, "consent-decree");
          lens_brief_set_consent_decree (brief, decree, passages);
        }
      else
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
          parts &= ~LENS_BRIEF_PART_CONSENT_DECREE;
        }
    }

  lens_brief_set_parts (brief, parts);

  result = g_new0 (BuildResult, 1);
  result->brief = g_steal_pointer (&brief);
  g_ptr_array_add (stale, NULL);
  g_ptr_array_add (failed, NULL);
  result->stale = (GStrv) g_ptr_array_steal (stale, NULL);
  result->failed = (GStrv) g_ptr_array_steal (failed, NULL);
  g_task_return_pointer (task, result, (GDestroyNotify) build_result_free);
}

typedef struct
{
  GTask *task;
  guint  index;
} LoadClosure;

static void
build_compstat_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BuildState *state = g_task_get_task_data (task);

  state->compstat = lens_compstat_load_areas_finish (result, &state->compstat_error);
  if (--state->pending == 0)
    build_finish_assembly (task);
}

static void
build_standing_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BuildState *state = g_task_get_task_data (task);

  state->standing = lens_standing_load_finish (result, &state->standing_error);
  if (--state->pending == 0)
    build_finish_assembly (task);
}

static void
build_load_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoadClosure *closure = user_data;
  g_autoptr(GTask) task = closure->task;
  BuildState *state = g_task_get_task_data (task);
  GError *error = NULL;
  guint index = closure->index;

  g_free (closure);

  g_ptr_array_index (state->data, index) = lens_chart_loader_load_finish (result, &error);
  g_ptr_array_index (state->errors, index) = error;

  state->pending--;
  if (state->pending == 0)
    build_finish_assembly (task);
}

static void
build_map_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BuildState *state = g_task_get_task_data (task);

  state->map = lens_district_map_data_load_finish (result, &state->map_error);
  state->pending--;
  if (state->pending == 0)
    build_finish_assembly (task);
}

void
lens_brief_builder_build_async (LensPortalClient   *client,
                                LensFilters        *filters,
                                const char * const *chart_ids,
                                LensBriefParts      parts,
                                LensQueryFlags      flags,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) default_ids = NULL;
  LensCatalog *catalog = lens_catalog_get_default ();
  BuildState *state;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (filters != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_brief_builder_build_async);

  state = g_new0 (BuildState, 1);
  state->filters = lens_filters_copy (filters);
  state->parts = parts;
  state->offline = lens_portal_client_get_offline (client);
  state->specs = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_chart_spec_unref);
  state->data = g_ptr_array_new_with_free_func (unref_data);
  state->errors = g_ptr_array_new_with_free_func (free_error);
  g_task_set_task_data (task, state, (GDestroyNotify) build_state_free);

  if (chart_ids == NULL)
    {
      default_ids = lens_brief_builder_dup_chart_ids (parts);
      chart_ids = (const char * const *) default_ids;
    }

  for (guint i = 0; chart_ids[i] != NULL; i++)
    {
      LensChartSpec *spec = lens_catalog_lookup_chart (catalog, chart_ids[i]);

      if (spec == NULL)
        {
          g_task_return_new_error (task, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY,
                                   /* Translators: %s is a chart id such as "crime-top-offenses". */
                                   _("There is no chart “%s”"), chart_ids[i]);
          return;
        }

      g_ptr_array_add (state->specs, lens_chart_spec_ref (spec));
      g_ptr_array_add (state->data, NULL);
      g_ptr_array_add (state->errors, NULL);
    }

  /* One more for the loop below, so that nothing finishes before everything is started */
  state->pending = 1;

  for (guint i = 0; i < state->specs->len; i++)
    {
      LoadClosure *closure = g_new0 (LoadClosure, 1);

      closure->task = g_object_ref (task);
      closure->index = i;
      state->pending++;
      lens_chart_loader_load_async (client, g_ptr_array_index (state->specs, i), filters, flags,
                                    cancellable, build_load_cb, closure);
    }

  /* The CompStat page: the areas of the Crime page's table, with the shooting victims row */
  if (parts & LENS_BRIEF_PART_COMPSTAT)
    {
      guint areas[3], n_areas = 0;
      guint district = lens_filters_get_district (filters);

      areas[n_areas++] = district;
      if (district != 0)
        areas[n_areas++] = 0;
      if (lens_filters_get_compare (filters) == LENS_COMPARE_DISTRICT)
        areas[n_areas++] = lens_filters_get_compare_district (filters);
      state->pending++;
      lens_compstat_load_areas_async (client, areas, n_areas, TRUE, flags, cancellable,
                                      build_compstat_cb, g_object_ref (task));
    }
  /* Where the district stands: all incidents this year, as on the Overview */
  if (parts & LENS_BRIEF_PART_STANDING)
    {
      state->pending++;
      lens_standing_load_async (client, LENS_STANDING_ALL_INCIDENTS, LENS_COMPSTAT_YEAR_TO_DATE,
                                flags, cancellable, build_standing_cb, g_object_ref (task));
    }
  /* The district map: index crimes over the last 28 days, the chosen district outlined */
  if (parts & LENS_BRIEF_PART_MAP)
    {
      state->pending++;
      lens_district_map_data_load_async (client, MAX (lens_map_measure_from_id ("index"), 0),
                                         LENS_MAP_PERIOD_LAST_28, flags, cancellable, build_map_cb,
                                         g_object_ref (task));
    }

  if (--state->pending == 0)
    build_finish_assembly (task);
}

LensBrief *
lens_brief_builder_build_finish (GAsyncResult  *result,
                                 GStrv         *stale,
                                 GStrv         *failed,
                                 GError       **error)
{
  BuildResult *built;
  LensBrief *brief;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_brief_builder_build_async,
                        NULL);

  if (stale != NULL)
    *stale = NULL;
  if (failed != NULL)
    *failed = NULL;

  built = g_task_propagate_pointer (G_TASK (result), error);
  if (built == NULL)
    return NULL;

  brief = g_steal_pointer (&built->brief);
  if (stale != NULL)
    *stale = g_steal_pointer (&built->stale);
  if (failed != NULL)
    *failed = g_steal_pointer (&built->failed);
  build_result_free (built);

  return brief;
}

char *
lens_brief_builder_dup_file_name (LensFilters *filters,
                                  GDateTime   *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  guint district;

  g_return_val_if_fail (filters != NULL, NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  day = g_date_time_format (date, "%Y-%m-%d");
  district = lens_filters_get_district (filters);
  if (district == 0)
    return g_strdup_printf ("brief-citywide-%s.pdf", day);

  return g_strdup_printf ("brief-district-%u-%s.pdf", district, day);
}
