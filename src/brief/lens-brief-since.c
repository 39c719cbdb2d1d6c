/* lens-brief-since.c: what changed since the last brief of a saved brief
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-since"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lens-brief-private.h"
#include "lens-brief-since.h"
#include "lens-brief-since-private.h"
#include "lens-catalog.h"
#include "lens-chart-loader.h"
#include "lens-compstat.h"
#include "lens-consent-decree.h"
#include "lens-data-coverage.h"
#include "lens-datasets.h"
#include "lens-date.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-format.h"
#include "lens-reports.h"

#define COMPSTAT_TABLE_ID "compstat-since"

static void
item_free (Item *item)
{
  g_free (item->text);
  g_strfreev (item->headers);
  g_clear_pointer (&item->rows, g_ptr_array_unref);
  g_free (item);
}

static LensBriefSince *
since_new (void)
{
  LensBriefSince *since = g_new0 (LensBriefSince, 1);

  since->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_date_clear (&since->crimes_end, 1);
  g_date_clear (&since->copa_end, 1);
  return since;
}

void
lens_brief_since_free (LensBriefSince *since)
{
  if (since == NULL)
    return;
  g_free (since->title);
  g_ptr_array_unref (since->items);
  g_clear_pointer (&since->compstat, lens_brief_record_figures_free);
  g_free (since);
}

void
brief_since_free (LensBriefSince *since)
{
  lens_brief_since_free (since);
}

static void
add_item (LensBriefSince *since,
          ItemKind        kind,
          char           *text)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->text = text;
  g_ptr_array_add (since->items, item);
}

const GDate *
lens_brief_since_get_data_end (LensBriefSince *since,
                               const char     *dataset_id)
{
  if (g_strcmp0 (dataset_id, LENS_DATASET_CRIMES) == 0)
    return &since->crimes_end;
  if (g_strcmp0 (dataset_id, LENS_DATASET_COPA) == 0)
    return &since->copa_end;
  return NULL;
}

LensBriefSince *
lens_brief_since_new_none (const char *problem)
{
  LensBriefSince *since = since_new ();

  /* Translators: the one line a saved brief made for the first time has in place of the
   * "Since <date>" section. */
  add_item (since, ITEM_NOTE, g_strdup (_("There is no earlier brief of this saved brief to compare with: the next one will show what changed since this one.")));
  if (problem != NULL)
    add_item (since, ITEM_NOTE, g_strdup (problem));
  return since;
}

/* Dates */

static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_local (g_date_get_year (day),
                                                         g_date_get_month (day),
                                                         g_date_get_day (day), 12, 0, 0);

  return lens_format_date (datetime);
}

static char *
format_made (GDateTime *made)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (made);

  return lens_format_date (local);
}

static void
day_of (GDateTime *datetime,
        GDate     *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (datetime);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* The computation */

typedef struct
{
  LensPortalClient *client;
  LensBriefRecord  *previous;
  LensFilters      *filters;
  LensBriefSince   *since;
  guint             pending;
  /* the parts, assembled in order once all are in */
  GPtrArray        *compstat_items;   /* Item */
  GPtrArray        *complaint_items;
  GPtrArray        *revision_lines;   /* char * */
  GPtrArray        *revision_problems;
  guint             n_charts;
  GPtrArray        *chart_data;       /* LensChartData or NULL, parallel to the record's charts */
} Compute;

static void
compute_free (Compute *compute)
{
  g_clear_object (&compute->client);
  g_clear_pointer (&compute->previous, lens_brief_record_free);
  g_clear_pointer (&compute->filters, lens_filters_unref);
  g_clear_pointer (&compute->since, lens_brief_since_free);
  g_clear_pointer (&compute->compstat_items, g_ptr_array_unref);
  g_clear_pointer (&compute->complaint_items, g_ptr_array_unref);
  g_clear_pointer (&compute->revision_lines, g_ptr_array_unref);
  g_clear_pointer (&compute->revision_problems, g_ptr_array_unref);
  g_clear_pointer (&compute->chart_data, g_ptr_array_unref);
  g_free (compute);
}

static Item *
new_item (ItemKind  kind,
          char     *text)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->text = text;
  return item;
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The days after @before up to @now; FALSE when there are none. */
static gboolean
days_between (const GDate *before,
              const GDate *now,
              LensPeriod  *period)
{
  if (before == NULL || !g_date_valid (before) || !g_date_valid (now))
    return FALSE;
  period->from = *before;
  g_date_add_days (&period->from, 1);
  period->to = *now;
  return g_date_compare (&period->from, &period->to) <= 0;
}

static void
add_reports (Compute *compute)
{
  LensBriefSince *since = compute->since;
  g_autoptr(GError) error = NULL;
  g_autoptr(LensConsentDecree) decree = lens_consent_decree_new_from_resource (&error);
  g_autoptr(LensReports) reports = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GDate made;

  day_of (compute->previous->made, &made);

  /* Translators: a heading in the "Since <date>" section of a brief */
  add_item (since, ITEM_HEADING, g_strdup (_("Monitoring reports published since")));

  if (decree != NULL)
    for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
      {
        const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);
        g_autoptr(GDateTime) released = lens_content_date_to_date_time (&report->released);
        g_autofree char *date = NULL;
        GDate day;

        if (released == NULL)
          continue;
        g_date_clear (&day, 1);
        g_date_set_dmy (&day, g_date_time_get_day_of_month (released),
                        g_date_time_get_month (released), g_date_time_get_year (released));
        if (g_date_compare (&day, &made) <= 0)
          continue;
        date = lens_describe_content_date (&report->released);
        g_ptr_array_add (lines, g_strdup_printf (report->release_kind == LENS_RELEASE_FILED
                                                 /* Translators: a monitoring report newer than the last brief: its number and when it was filed with the court */
                                                 ? _("Independent Monitoring Report %u, filed %s")
                                                 /* Translators: as above, with the date it was made public */
                                                 : _("Independent Monitoring Report %u, released %s"),
                                                 report->number, date));
      }
  else
    g_warning ("%s", error->message);

  g_clear_error (&error);
  reports = lens_reports_new_from_resource (&error);
  if (reports != NULL)
    for (guint i = 0; i < lens_reports_get_n_reports (reports); i++)
      {
        const LensReport *report = lens_reports_get_report (reports, i);
        g_autoptr(GDateTime) date = lens_content_date_to_date_time (&report->date);
        g_autofree char *text = NULL;
        GDate day;

        if (date == NULL)
          continue;
        g_date_clear (&day, 1);
        g_date_set_dmy (&day, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                        g_date_time_get_year (date));
        if (g_date_compare (&day, &made) <= 0)
          continue;
        text = lens_describe_content_date (&report->date);
        /* Translators: a report newer than the last brief: “<title>”, <date> */
        g_ptr_array_add (lines, g_strdup_printf (_("“%s”, %s"), report->title, text));
      }
  else
    g_warning ("%s", error->message);

  if (lines->len == 0)
    add_item (since, ITEM_TEXT, g_strdup (_("No monitoring report or other report in this app was published since the last brief.")));
  for (guint i = 0; i < lines->len; i++)
    add_item (since, ITEM_BULLET, g_strdup (g_ptr_array_index (lines, i)));
}

static void
finish (GTask *task)
{
  Compute *compute = g_task_get_task_data (task);
  LensBriefSince *since = compute->since;

  if (--compute->pending > 0 || g_task_had_error (task))
    return;

  for (guint i = 0; i < compute->compstat_items->len; i++)
    g_ptr_array_add (since->items, g_steal_pointer (&g_ptr_array_index (compute->compstat_items, i)));
  g_ptr_array_set_free_func (compute->compstat_items, NULL);
  for (guint i = 0; i < compute->complaint_items->len; i++)
    g_ptr_array_add (since->items, g_steal_pointer (&g_ptr_array_index (compute->complaint_items, i)));
  g_ptr_array_set_free_func (compute->complaint_items, NULL);

  add_reports (compute);

  /* Translators: a heading in the "Since <date>" section: figures the City changed */
  add_item (since, ITEM_HEADING, g_strdup (_("Revised figures")));
  if (compute->revision_lines->len == 0 && compute->revision_problems->len == 0)
    add_item (since, ITEM_TEXT, g_strdup (_("None of the figures of the last brief for periods that had ended has changed.")));
  else if (compute->revision_lines->len > 0)
    add_item (since, ITEM_TEXT, g_strdup (_("The City revises its figures as cases are reviewed. These figures of periods that had already ended when the last brief was made are different now:")));
  for (guint i = 0; i < compute->revision_lines->len; i++)
    add_item (since, ITEM_BULLET, g_strdup (g_ptr_array_index (compute->revision_lines, i)));
  for (guint i = 0; i < compute->revision_problems->len; i++)
    add_item (since, ITEM_NOTE, g_strdup (g_ptr_array_index (compute->revision_problems, i)));

  g_task_return_pointer (task, g_steal_pointer (&compute->since), (GDestroyNotify) lens_brief_since_free);
}

/* CompStat over the days between */

static LensSoql *
build_compstat_query (const LensPeriod *now,
                      const LensPeriod *before,
                      guint             district)
{
  const LensPeriod *windows[2] = { now, before };
  g_autoptr(GString) select = g_string_new (LENS_CRIMES_FIELD_FBI_CODE);
  g_autoptr(GString) any = g_string_new (NULL);
  g_autoptr(GString) codes = g_string_new (LENS_CRIMES_FIELD_FBI_CODE " IN (");
  g_autoptr(GPtrArray) all_codes = g_ptr_array_new ();
  LensSoql *soql = lens_soql_new (LENS_DATASET_CRIMES);

  for (guint w = 0; w < 2; w++)
    {
      g_autofree char *from = g_strdup_printf ("from%u", w);
      g_autofree char *to = g_strdup_printf ("to%u", w);
      g_autofree char *condition = g_strdup_printf ("date >= @%s AND date < @%s", from, to);
      GDate start = windows[w]->from;
      GDate next = windows[w]->to;

      g_date_add_days (&next, 1);
      lens_soql_bind_date (soql, from, &start);
      lens_soql_bind_date (soql, to, &next);
      g_string_append_printf (select, ", sum(case(%s, 1, true, 0)) AS w%u", condition, w);
      g_string_append_printf (any, "%s(%s)", w ? " OR " : "", condition);
    }

  for (guint r = 0; r < lens_compstat_get_n_rows (); r++)
    {
      const LensCompstatRow *row = lens_compstat_get_row (r);

      if (row->is_total)
        continue;
      for (guint c = 0; row->fbi_codes[c] != NULL; c++)
        g_ptr_array_add (all_codes, (gpointer) row->fbi_codes[c]);
    }
  for (guint i = 0; i < all_codes->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("code%u", i);

      g_string_append_printf (codes, "%s@%s", i ? ", " : "", name);
      lens_soql_bind_text (soql, name, g_ptr_array_index (all_codes, i));
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

typedef struct
{
  GTask      *task;
  LensPeriod  now;
  LensPeriod  before;
} CompstatClosure;

static void
compstat_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  CompstatClosure *closure = user_data;
  g_autoptr(GTask) task = closure->task;
  Compute *compute = g_task_get_task_data (task);
  g_autoptr(LensQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_strv = NULL;
  g_autofree double *now_values = NULL;
  g_autofree double *before_values = NULL;
  g_autofree char *from = format_day (&closure->now.from);
  g_autofree char *to = format_day (&closure->now.to);
  g_autofree char *range = NULL;
  LensTable *table;
  guint n_rows = lens_compstat_get_n_rows ();
  int code_column, w0, w1;
  Item *item;

  result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (result == NULL)
    {
      if (is_cancelled (error))
        {
          g_free (closure);
          if (!g_task_had_error (task))
            g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* Translators: the CompStat part of the "Since" section could not be loaded */
      g_ptr_array_add (compute->compstat_items,
                       new_item (ITEM_NOTE, g_strdup_printf (_("The crime counts since the last brief could not be loaded: %s"), error->message)));
      g_free (closure);
      finish (task);
      return;
    }

  table = lens_query_result_get_table (result);
  code_column = lens_table_find_column (table, LENS_CRIMES_FIELD_FBI_CODE);
  w0 = lens_table_find_column (table, "w0");
  w1 = lens_table_find_column (table, "w1");
  now_values = g_new0 (double, n_rows);
  before_values = g_new0 (double, n_rows);

  for (guint r = 0; r < n_rows; r++)
    {
      const LensCompstatRow *row = lens_compstat_get_row (r);
      g_autofree char *now_text = NULL, *before_text = NULL, *change = NULL;
      char **cells;

      for (guint t = 0; code_column >= 0 && w0 >= 0 && w1 >= 0 && t < lens_table_get_n_rows (table); t++)
        {
          const char *code = lens_table_get_text (table, t, code_column);

          if (code != NULL && g_strv_contains (row->fbi_codes, code))
            {
              now_values[r] += lens_table_get_number (table, t, w0);
              before_values[r] += lens_table_get_number (table, t, w1);
            }
        }

      g_strv_builder_add (labels, row->label);
      now_text = lens_format_count (now_values[r]);
      before_text = lens_format_count (before_values[r]);
      change = lens_format_change (before_values[r], now_values[r]);
      cells = g_new0 (char *, 5);
      cells[0] = g_strdup (row->label);
      cells[1] = g_steal_pointer (&now_text);
      cells[2] = g_steal_pointer (&before_text);
      cells[3] = g_steal_pointer (&change);
      g_ptr_array_add (rows, cells);
    }

  /* Translators: the range of days of the CompStat table of the "Since" section */
  range = g_strdup_printf (_("%s – %s"), from, to);
  item = new_item (ITEM_TABLE, NULL);
  item->headers = g_new0 (char *, 5);
  /* Translators: columns of the CompStat table of the "Since" section */
  item->headers[0] = g_strdup (C_("compstat since", "Category"));
  item->headers[1] = g_strdup (range);
  item->headers[2] = g_strdup (C_("compstat since", "Same days a year earlier"));
  item->headers[3] = g_strdup (C_("compstat since", "Change"));
  item->rows = g_steal_pointer (&rows);
  g_ptr_array_add (compute->compstat_items, item);

  label_strv = g_strv_builder_end (labels);
  compute->since->compstat = lens_brief_record_figures_new (COMPSTAT_TABLE_ID,
                                                            _("Index crimes in the days since the last brief"),
                                                            LENS_DATASET_CRIMES, "incidents",
                                                            lens_query_result_get_rows_updated_at (result),
                                                            (const char * const *) label_strv, NULL);
  lens_brief_record_figures_add_vector (compute->since->compstat, range, now_values);
  lens_brief_record_figures_add_vector (compute->since->compstat,
                                        C_("compstat since", "Same days a year earlier"), before_values);
  g_free (closure);
  finish (task);
}

static void
start_compstat (GTask       *task,
                const GDate *crimes_end)
{
  Compute *compute = g_task_get_task_data (task);
  const GDate *previous_end = lens_brief_record_get_data_end (compute->previous, LENS_DATASET_CRIMES);
  CompstatClosure *closure;
  g_autoptr(LensSoql) query = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *end = format_day (crimes_end);
  GDate a, b;

  /* Translators: a heading in the "Since <date>" section: CompStat's index crimes */
  g_ptr_array_add (compute->compstat_items, new_item (ITEM_HEADING, g_strdup (_("Index crimes in the days the data added"))));

  closure = g_new0 (CompstatClosure, 1);
  if (!days_between (previous_end, crimes_end, &closure->now))
    {
      g_free (closure);
      g_ptr_array_add (compute->compstat_items,
                       new_item (ITEM_TEXT, g_strdup_printf (_("The crime data have no days since the last brief: they still end on %s."), end)));
      finish (task);
      return;
    }

  /* the same days a year earlier, as the CompStat table compares */
  lens_date_in_year (&closure->now.from, g_date_get_year (&closure->now.from) - 1, &a);
  lens_date_in_year (&closure->now.to, g_date_get_year (&closure->now.to) - 1, &b);
  closure->before.from = a;
  closure->before.to = b;
  {
    g_autofree char *from = format_day (&closure->now.from);

    g_ptr_array_add (compute->compstat_items,
                     new_item (ITEM_TEXT, g_strdup_printf (_("The CompStat categories counted over the days from %s to %s, which the crime data did not cover at the last brief, against the same days a year earlier."), from, end)));
  }

  query = build_compstat_query (&closure->now, &closure->before, lens_filters_get_district (compute->filters));
  closure->task = g_object_ref (task);
  lens_portal_client_query_async (compute->client, query, LENS_QUERY_REFRESH,
                                  g_task_get_cancellable (task), compstat_cb, closure);
}

/* Complaints filed since */

typedef struct
{
  GTask      *task;
  LensPeriod  period;
} CopaClosure;

static void
copa_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  CopaClosure *closure = user_data;
  g_autoptr(GTask) task = closure->task;
  Compute *compute = g_task_get_task_data (task);
  g_autoptr(LensQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = format_day (&closure->period.from);
  g_autofree char *to = format_day (&closure->period.to);
  guint district = lens_filters_get_district (compute->filters);
  LensTable *table;
  double total = 0;
  int n, beat;

  g_free (closure);
  result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (result == NULL)
    {
      if (is_cancelled (error))
        {
          if (!g_task_had_error (task))
            g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (compute->complaint_items,
                       new_item (ITEM_NOTE, g_strdup_printf (_("The complaints filed since the last brief could not be counted: %s"), error->message)));
      finish (task);
      return;
    }

  table = lens_query_result_get_table (result);
  n = lens_table_find_column (table, "n");
  beat = lens_table_find_column (table, LENS_COPA_FIELD_BEAT);
  for (guint r = 0; n >= 0 && r < lens_table_get_n_rows (table); r++)
    {
      g_auto(GStrv) beats = NULL;
      gboolean in_district = district == 0;

      if (district != 0 && beat >= 0)
        {
          beats = lens_table_dup_multi_values (table, r, beat);
          /* once for the district, however many of its beats the case names */
          for (guint b = 0; beats != NULL && beats[b] != NULL && !in_district; b++)
            in_district = lens_district_from_beat (beats[b]) == district;
        }
      if (in_district)
        total += lens_table_get_number (table, r, n);
    }

  {
    g_autofree char *count = lens_format_count (total);

    g_ptr_array_add (compute->complaint_items,
                     new_item (ITEM_TEXT,
                               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             /* Translators: COPA cases with a complaint date in the days since the last brief: the count, then the first and last day */
                                                             "%s complaint was filed with COPA from %s to %s.",
                                                             "%s complaints were filed with COPA from %s to %s.",
                                                             (gulong) total),
                                                count, from, to)));
  }
  finish (task);
}

static void
start_copa (GTask       *task,
            const GDate *copa_end)
{
  Compute *compute = g_task_get_task_data (task);
  const GDate *previous_end = lens_brief_record_get_data_end (compute->previous, LENS_DATASET_COPA);
  guint district = lens_filters_get_district (compute->filters);
  g_autoptr(LensSoql) soql = NULL;
  g_autofree char *end = format_day (copa_end);
  CopaClosure *closure = g_new0 (CopaClosure, 1);
  GDate next;

  /* Translators: a heading in the "Since <date>" section */
  g_ptr_array_add (compute->complaint_items, new_item (ITEM_HEADING, g_strdup (_("Complaints filed since"))));
  if (!days_between (previous_end, copa_end, &closure->period))
    {
      g_free (closure);
      g_ptr_array_add (compute->complaint_items,
                       new_item (ITEM_TEXT, g_strdup_printf (_("The complaint data have no days since the last brief: they still end on %s."), end)));
      finish (task);
      return;
    }

  soql = lens_soql_new (LENS_DATASET_COPA);
  next = closure->period.to;
  g_date_add_days (&next, 1);
  lens_soql_bind_date (soql, "from", &closure->period.from);
  lens_soql_bind_date (soql, "to", &next);
  lens_soql_add_where (soql, LENS_COPA_FIELD_COMPLAINT_DATE " >= @from AND "
                       LENS_COPA_FIELD_COMPLAINT_DATE " < @to");
  if (district != 0)
    {
      /* COPA has no district: cases are attributed by their beats, as on the charts */
      lens_soql_set_select (soql, LENS_COPA_FIELD_BEAT ", count(*) AS n");
      lens_soql_set_group (soql, LENS_COPA_FIELD_BEAT);
      lens_soql_set_order (soql, LENS_COPA_FIELD_BEAT);
    }
  else
    lens_soql_set_select (soql, "count(*) AS n");

  closure->task = g_object_ref (task);
  lens_portal_client_query_async (compute->client, soql, LENS_QUERY_REFRESH,
                                  g_task_get_cancellable (task), copa_cb, closure);
}

/* Revisions */

static void
compare_chart (Compute                      *compute,
               const LensBriefRecordFigures *old,
               LensChartData                *data)
{
  LensSeries *shown = lens_chart_data_get_series (data);
  /* Counts, as lens-brief-since-layout.c records them */
  LensSeries *series = lens_series_get_counts (shown) != NULL ? lens_series_get_counts (shown) : shown;
  LensChartSpec *spec = lens_chart_data_get_spec (data);
  g_autofree char *made = format_made (compute->previous->made);
  guint n_old = lens_brief_record_figures_get_n_labels (old);
  guint n_vectors = MIN (old->values->len, lens_series_get_n_vectors (series));

  for (guint i = 0; i < n_old; i++)
    {
      int label = -1;

      if (g_array_index (old->partial, gboolean, i))
        continue;  /* that period had not ended at the last brief */

      for (guint j = 0; j < lens_series_get_n_labels (series); j++)
        if (g_strcmp0 (lens_series_get_label (series, j), old->labels[i]) == 0)
          label = j;
      if (label < 0 && n_old == lens_series_get_n_labels (series))
        label = i;  /* the same periods, named in another language */
      if (label < 0 || lens_series_get_partial (series, label))
        continue;

      for (guint v = 0; v < n_vectors; v++)
        {
          double before = lens_brief_record_figures_get_value (old, v, i);
          double now = lens_series_get_value (series, v, label);
          g_autofree char *before_text = NULL, *now_text = NULL, *label_text = NULL;
          g_autofree char *what = NULL;

          if ((!isfinite (before) && !isfinite (now)) ||
              (isfinite (before) && isfinite (now) && fabs (before - now) < 1e-9))
            continue;

          before_text = lens_brief_format_value (series, before);
          now_text = lens_brief_format_value (series, now);
          label_text = lens_brief_format_label (series, label);
          if (n_vectors > 1)
            /* Translators: a revised figure: "<chart title>, <period or category> (<area>)" */
            what = g_strdup_printf (_("%s, %s (%s)"), spec->title, label_text,
                                    lens_series_get_vector_name (series, v));
          else
            /* Translators: a revised figure: "<chart title>, <period or category>" */
            what = g_strdup_printf (_("%s, %s"), spec->title, label_text);
          g_ptr_array_add (compute->revision_lines,
                           /* Translators: a revised figure: what, the number in the last brief and its date, the number now. E.g. "Reported incidents per month, March 2026: 1,204 incidents in the brief of 2 Apr 2026, now 1,219 incidents" */
                           g_strdup_printf (_("%s: %s in the brief of %s, now %s"), what,
                                            before_text, made, now_text));
        }
    }
}

typedef struct
{
  GTask *task;
  guint  index;
} ChartClosure;

static void
chart_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  ChartClosure *closure = user_data;
  g_autoptr(GTask) task = closure->task;
  Compute *compute = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LensChartData *data;
  guint index = closure->index;

  g_free (closure);
  data = lens_chart_loader_load_finish (res, &error);
  if (data == NULL && is_cancelled (error))
    {
      if (!g_task_had_error (task))
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data == NULL)
    {
      const LensBriefRecordFigures *old = g_ptr_array_index (compute->previous->charts, index);

      /* Translators: a chart of the last brief could not be loaded again to look for revisions: "<title>: <why>" */
      g_ptr_array_add (compute->revision_problems,
                       g_strdup_printf (_("Revisions of “%s” could not be checked: %s"),
                                        old->title, error->message));
    }
  g_ptr_array_index (compute->chart_data, index) = data;

  if (--compute->n_charts > 0)
    return;

  /* in the order of the last brief */
  for (guint i = 0; i < compute->chart_data->len; i++)
    if (g_ptr_array_index (compute->chart_data, i) != NULL)
      compare_chart (compute, g_ptr_array_index (compute->previous->charts, i),
                     g_ptr_array_index (compute->chart_data, i));
  finish (task);
}

static void
unref_data (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
start_revisions (GTask *task)
{
  Compute *compute = g_task_get_task_data (task);
  LensCatalog *catalog = lens_catalog_get_default ();
  GPtrArray *charts = compute->previous->charts;

  compute->chart_data = g_ptr_array_new_full (charts->len, unref_data);
  g_ptr_array_set_size (compute->chart_data, charts->len);
  for (guint i = 0; i < charts->len; i++)
    if (lens_catalog_lookup_chart (catalog, ((LensBriefRecordFigures *) g_ptr_array_index (charts, i))->id) != NULL)
      compute->n_charts++;

  if (compute->n_charts == 0)
    {
      finish (task);
      return;
    }

  for (guint i = 0; i < charts->len; i++)
    {
      const LensBriefRecordFigures *old = g_ptr_array_index (charts, i);
      LensChartSpec *spec = lens_catalog_lookup_chart (catalog, old->id);
      ChartClosure *closure;

      if (spec == NULL)
        continue;
      closure = g_new0 (ChartClosure, 1);
      closure->task = g_object_ref (task);
      closure->index = i;
      /* the periods of the last brief, with the numbers the City gives for them now */
      lens_chart_loader_load_async (compute->client, spec, compute->previous->filters,
                                    LENS_QUERY_REFRESH, g_task_get_cancellable (task),
                                    chart_cb, closure);
    }
}

/* Where the data end now */

typedef struct
{
  GTask *task;
  char  *dataset;
} CoverageClosure;

static void
coverage_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  CoverageClosure *closure = user_data;
  g_autoptr(GTask) task = closure->task;
  g_autofree char *dataset = closure->dataset;
  Compute *compute = g_task_get_task_data (task);
  g_autoptr(LensDataCoverage) coverage = NULL;
  g_autoptr(GError) error = NULL;

  g_free (closure);
  coverage = lens_data_coverage_load_finish (res, &error);
  if (coverage == NULL)
    {
      if (!g_task_had_error (task))
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_str_equal (dataset, LENS_DATASET_CRIMES))
    {
      compute->since->crimes_end = *lens_data_coverage_get_last_full_day (coverage);
      start_compstat (g_object_ref (task), &compute->since->crimes_end);
      g_object_unref (task);
    }
  else
    {
      compute->since->copa_end = *lens_data_coverage_get_last_full_day (coverage);
      start_copa (g_object_ref (task), &compute->since->copa_end);
      g_object_unref (task);
    }
}

/* Why @previous is not compared with a brief of @filters from @portal, or NULL. */
static char *
dup_mismatch (LensBriefRecord *previous,
              const char      *portal,
              LensFilters     *filters)
{
  g_autofree char *made = format_made (previous->made);

  if (g_strcmp0 (previous->portal, portal) != 0)
    /* Translators: the last brief was made from another data portal: its date, its address */
    return g_strdup_printf (_("Not compared with the brief of %s: it was made from another data portal (%s), so its figures are not these."),
                            made, previous->portal);

  if (lens_filters_get_district (previous->filters) != lens_filters_get_district (filters) ||
      lens_filters_get_compare (previous->filters) != lens_filters_get_compare (filters) ||
      lens_filters_get_compare_district (previous->filters) != lens_filters_get_compare_district (filters))
    {
      g_autofree char *then = lens_filters_dup_district_label (previous->filters);
      g_autofree char *then_compare = lens_filters_dup_compare_label (previous->filters);
      g_autofree char *then_text = then_compare != NULL
                                   /* Translators: "<district> compared with <area>" */
                                   ? g_strdup_printf (_("%s compared with %s"), then, then_compare)
                                   : g_strdup (then);

      /* Translators: the last brief was about another area or comparison: its date, what it was about */
      return g_strdup_printf (_("Not compared with the brief of %s: it was made for %s, with other filters than this one."),
                              made, then_text);
    }
  return NULL;
}

void
lens_brief_since_compute_async (LensPortalClient    *client,
                                LensBriefRecord     *previous,
                                LensFilters         *filters,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *mismatch = NULL;
  g_autofree char *made = NULL;
  g_autofree char *intro = NULL;
  Compute *compute;
  const char *datasets[] = { LENS_DATASET_CRIMES, LENS_DATASET_COPA };

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (filters != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_brief_since_compute_async);
  g_task_set_check_cancellable (task, FALSE);

  compute = g_new0 (Compute, 1);
  compute->client = g_object_ref (client);
  compute->filters = lens_filters_copy (filters);
  compute->since = since_new ();
  compute->compstat_items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  compute->complaint_items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  compute->revision_lines = g_ptr_array_new_with_free_func (g_free);
  compute->revision_problems = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, compute, (GDestroyNotify) compute_free);

  if (previous == NULL)
    {
      lens_brief_since_free (compute->since);
      compute->since = lens_brief_since_new_none (NULL);
      g_task_return_pointer (task, g_steal_pointer (&compute->since), (GDestroyNotify) lens_brief_since_free);
      return;
    }

  mismatch = dup_mismatch (previous, lens_portal_client_get_base_url (client), filters);
  if (mismatch != NULL)
    {
      add_item (compute->since, ITEM_NOTE, g_steal_pointer (&mismatch));
      g_task_return_pointer (task, g_steal_pointer (&compute->since), (GDestroyNotify) lens_brief_since_free);
      return;
    }

  /* the record is read-only here; a copy keeps it for as long as the loads run */
  {
    g_autofree char *data = lens_brief_record_to_data (previous);

    compute->previous = lens_brief_record_new_from_data (data, NULL);
  }
  made = format_made (previous->made);
  /* Translators: the title of the section that opens a saved brief made again; %s is the date of the last brief */
  compute->since->title = g_strdup_printf (_("Since %s"), made);
  add_item (compute->since, ITEM_HEADING, g_strdup (compute->since->title));
  /* Translators: %s is the date of the last brief */
  intro = g_strdup_printf (_("What changed since the last brief of %s: the days the data have added since then, and the figures of that brief the City has since revised. Every period ends where the data end."), made);
  add_item (compute->since, ITEM_TEXT, g_steal_pointer (&intro));

  /* compstat, complaints, revisions */
  compute->pending = 3;
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      CoverageClosure *closure = g_new0 (CoverageClosure, 1);

      closure->task = g_object_ref (task);
      closure->dataset = g_strdup (datasets[i]);
      lens_data_coverage_load_async (client, datasets[i], LENS_QUERY_REFRESH, cancellable,
                                     coverage_cb, closure);
    }
  start_revisions (task);
}

LensBriefSince *
lens_brief_since_compute_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
