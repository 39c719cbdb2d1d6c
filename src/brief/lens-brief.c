/* lens-brief.c: the brief object, its options and its inputs
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-private.h"
#include "lens-describe.h"
#include "lens-format.h"


G_DEFINE_FINAL_TYPE (LensBrief, lens_brief, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (LensBriefParts, lens_brief_parts,
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_COVER, "cover"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_CRIME, "crime"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_COMPLAINTS, "complaints"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_CONSENT_DECREE, "consent-decree"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_PASSAGES, "passages"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_SHOOTINGS, "shootings"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_ARRESTS, "arrests"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_COMPSTAT, "compstat"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_STANDING, "standing"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_MAP, "map"))

enum {
  PROP_0,
  PROP_DISTRICT_LABEL,
  PROP_COMPARISON_LABEL,
  PROP_RANGE_LABEL,
  PROP_GENERATED_AT,
  PROP_PARTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
brief_passage_free (BriefPassage *passage)
{
  g_free (passage->text);
  g_free (passage->attribution);
  g_free (passage->source);
  g_free (passage->confidence);
  g_free (passage);
}

static void
brief_dataset_free (BriefDataset *dataset)
{
  g_free (dataset->name);
  g_clear_pointer (&dataset->rows_updated_at, g_date_time_unref);
  g_clear_pointer (&dataset->fetched_at, g_date_time_unref);
  g_free (dataset->warning);
  g_free (dataset);
}

static void
brief_chart_free (BriefChart *chart)
{
  lens_chart_document_unref (chart->document);
  g_strfreev (chart->source_lines);
  g_strfreev (chart->caveats);
  g_ptr_array_unref (chart->passages);
  g_free (chart->description);
  g_free (chart->note);
  g_free (chart->chart_id);
  g_free (chart->dataset_id);
  g_clear_pointer (&chart->rows_updated_at, g_date_time_unref);
  g_free (chart);
}

static void
invalidate (LensBrief *self)
{
  self->dirty = TRUE;
}

static void
lens_brief_finalize (GObject *object)
{
  LensBrief *self = (LensBrief *) object;

  g_free (self->district_label);
  g_free (self->comparison_label);
  g_free (self->range_label);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_object (&self->reports);
  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_object (&self->decree);
  g_clear_object (&self->map);
  g_clear_pointer (&self->decree_passages, g_ptr_array_unref);
  g_clear_pointer (&self->since, brief_since_free);
  g_clear_pointer (&self->compstat, g_ptr_array_unref);
  g_clear_object (&self->standing);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lens_brief_parent_class)->finalize (object);
}

static void
lens_brief_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LensBrief *self = LENS_BRIEF (object);

  switch (prop_id)
    {
    case PROP_DISTRICT_LABEL:
      g_value_set_string (value, self->district_label);
      break;
    case PROP_COMPARISON_LABEL:
      g_value_set_string (value, self->comparison_label);
      break;
    case PROP_RANGE_LABEL:
      g_value_set_string (value, self->range_label);
      break;
    case PROP_GENERATED_AT:
      g_value_set_boxed (value, self->generated_at);
      break;
    case PROP_PARTS:
      g_value_set_flags (value, self->parts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_brief_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LensBrief *self = LENS_BRIEF (object);

  switch (prop_id)
    {
    case PROP_DISTRICT_LABEL:
      lens_brief_set_district_label (self, g_value_get_string (value));
      break;
    case PROP_COMPARISON_LABEL:
      lens_brief_set_comparison_label (self, g_value_get_string (value));
      break;
    case PROP_RANGE_LABEL:
      lens_brief_set_range_label (self, g_value_get_string (value));
      break;
    case PROP_GENERATED_AT:
      lens_brief_set_generated_at (self, g_value_get_boxed (value));
      break;
    case PROP_PARTS:
      lens_brief_set_parts (self, g_value_get_flags (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_brief_class_init (LensBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_brief_finalize;
  object_class->get_property = lens_brief_get_property;
  object_class->set_property = lens_brief_set_property;

  properties[PROP_DISTRICT_LABEL] =
    g_param_spec_string ("district-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPARISON_LABEL] =
    g_param_spec_string ("comparison-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RANGE_LABEL] =
    g_param_spec_string ("range-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GENERATED_AT] =
    g_param_spec_boxed ("generated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARTS] =
    g_param_spec_flags ("parts", NULL, NULL, LENS_TYPE_BRIEF_PARTS, LENS_BRIEF_PARTS_ALL,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lens_brief_init (LensBrief *self)
{
  self->parts = LENS_BRIEF_PARTS_ALL;
  self->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_dataset_free);
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_chart_free);
  self->decree_passages = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_passage_free);
  self->dirty = TRUE;
}

LensBrief *
lens_brief_new (void)
{
  return g_object_new (LENS_TYPE_BRIEF, NULL);
}

/* Options */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
lens_brief_set_district_label (LensBrief  *self,
                               const char *label)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  if (set_string (&self->district_label, label))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT_LABEL]);
    }
}

const char *
lens_brief_get_district_label (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), NULL);
  return self->district_label;
}

void
lens_brief_set_comparison_label (LensBrief  *self,
                                 const char *label)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  if (set_string (&self->comparison_label, label))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON_LABEL]);
    }
}

const char *
lens_brief_get_comparison_label (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), NULL);
  return self->comparison_label;
}

void
lens_brief_set_range_label (LensBrief  *self,
                            const char *label)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  if (set_string (&self->range_label, label))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_LABEL]);
    }
}

const char *
lens_brief_get_range_label (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), NULL);
  return self->range_label;
}

void
lens_brief_set_filters (LensBrief   *self,
                        LensFilters *filters)
{
  g_autofree char *district = NULL;
  g_autofree char *comparison = NULL;
  g_autofree char *range = NULL;

  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (filters != NULL);

  district = lens_filters_dup_district_label (filters);
  comparison = lens_filters_dup_compare_label (filters);
  range = lens_filters_dup_range_label (filters);

  /* Compare as: the cover says how the comparison is drawn */
  if (comparison != NULL)
    {
      g_autofree char *compare_as = lens_filters_dup_compare_as_label (filters);
      g_autofree char *label = g_steal_pointer (&comparison);

      /* Translators: on the brief's cover after "Compared with:"; "Citywide, shown as share of
       * the city’s total"; the second %s is "counts", "share of the city’s total" or "index,
       * first period = 100" */
      comparison = g_strdup_printf (_("%s, shown as %s"), label, compare_as);
    }

  lens_brief_set_district_label (self, district);
  lens_brief_set_comparison_label (self, comparison);
  lens_brief_set_range_label (self, range);
}

void
lens_brief_set_generated_at (LensBrief *self,
                             GDateTime *generated_at)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  if (self->generated_at == generated_at ||
      (self->generated_at != NULL && generated_at != NULL &&
       g_date_time_equal (self->generated_at, generated_at)))
    return;

  g_clear_pointer (&self->generated_at, g_date_time_unref);
  if (generated_at != NULL)
    self->generated_at = g_date_time_ref (generated_at);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATED_AT]);
}

GDateTime *
lens_brief_get_generated_at (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), NULL);
  return self->generated_at;
}

void
lens_brief_set_parts (LensBrief      *self,
                      LensBriefParts  parts)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  parts &= LENS_BRIEF_PARTS_ALL;
  if (self->parts == parts)
    return;

  self->parts = parts;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTS]);
}

LensBriefParts
lens_brief_get_parts (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);
  return self->parts;
}

void
lens_brief_set_reports (LensBrief   *self,
                        LensReports *reports)
{
  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (reports == NULL || LENS_IS_REPORTS (reports));

  g_set_object (&self->reports, reports);
  self->reports_tried = FALSE;
}

static LensReports *
ensure_reports (LensBrief *self)
{
  if (self->reports == NULL && !self->reports_tried)
    {
      g_autoptr(GError) error = NULL;

      self->reports_tried = TRUE;
      self->reports = lens_reports_new_from_resource (&error);
      if (self->reports == NULL)
        g_warning ("Could not load the shipped reports: %s", error->message);
    }

  return self->reports;
}

void
lens_brief_add_dataset (LensBrief  *self,
                        const char *name,
                        GDateTime  *rows_updated_at,
                        GDateTime  *fetched_at,
                        gboolean    stale,
                        const char *warning)
{
  BriefDataset *dataset = NULL;

  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (name != NULL);

  for (guint i = 0; i < self->datasets->len; i++)
    {
      BriefDataset *d = g_ptr_array_index (self->datasets, i);

      if (g_strcmp0 (d->name, name) == 0)
        {
          dataset = d;
          break;
        }
    }

  if (dataset == NULL)
    {
      dataset = g_new0 (BriefDataset, 1);
      dataset->name = g_strdup (name);
      g_date_clear (&dataset->numbers_end, 1);
      g_ptr_array_add (self->datasets, dataset);
    }

  /* the oldest fetch tells how old the numbers can be */
  if (fetched_at != NULL &&
      (dataset->fetched_at == NULL || g_date_time_compare (fetched_at, dataset->fetched_at) < 0))
    {
      g_clear_pointer (&dataset->fetched_at, g_date_time_unref);
      dataset->fetched_at = g_date_time_ref (fetched_at);
      if (rows_updated_at != NULL)
        {
          g_clear_pointer (&dataset->rows_updated_at, g_date_time_unref);
          dataset->rows_updated_at = g_date_time_ref (rows_updated_at);
        }
    }
  if (dataset->rows_updated_at == NULL && rows_updated_at != NULL)
    dataset->rows_updated_at = g_date_time_ref (rows_updated_at);

  dataset->stale = dataset->stale || stale;
  if (dataset->warning == NULL && warning != NULL)
    dataset->warning = g_strdup (warning);

  invalidate (self);
}

void
lens_brief_set_dataset_numbers_end (LensBrief   *self,
                                    const char  *name,
                                    const GDate *end)
{
  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (end != NULL && g_date_valid (end));

  for (guint i = 0; i < self->datasets->len; i++)
    {
      BriefDataset *dataset = g_ptr_array_index (self->datasets, i);

      if (g_strcmp0 (dataset->name, name) != 0)
        continue;
      /* the earliest end, should two charts disagree */
      if (!g_date_valid (&dataset->numbers_end) || g_date_compare (end, &dataset->numbers_end) < 0)
        dataset->numbers_end = *end;
      invalidate (self);
      return;
    }

  g_return_if_reached ();
}

/* Charts */

static BriefPassage *
copy_passage (LensBrief         *self,
              const LensPassage *passage)
{
  BriefPassage *copy = g_new0 (BriefPassage, 1);

  copy->text = g_strdup (passage->text);

  if (passage->from_report != NULL)
    {
      LensReports *reports = ensure_reports (self);
      const LensReport *report = reports ? lens_reports_lookup_report (reports, passage->from_report) : NULL;

      /* Translators: under a report passage in the brief: the report's title */
      copy->attribution = g_strdup_printf (_("From “%s”"),
                                           report != NULL ? report->title : passage->from_report);
    }
  else if (passage->from_monitoring_report != 0)
    {
      /* Translators: under a passage in the brief: the consent-decree monitor's report number */
      copy->attribution = g_strdup_printf (_("From Independent Monitoring Report %u"),
                                           passage->from_monitoring_report);
    }

  if (passage->source.url != NULL)
    {
      if (passage->source.outlet != NULL)
        /* Translators: where a passage comes from: an outlet's name, then a link */
        copy->source = g_strdup_printf (_("Source: %s, %s"), passage->source.outlet, passage->source.url);
      else
        /* Translators: where a passage comes from: a link */
        copy->source = g_strdup_printf (_("Source: %s"), passage->source.url);
    }

  if (passage->confidence != LENS_CONFIDENCE_CONFIRMED)
    copy->confidence = g_strdup (lens_confidence_describe (passage->confidence));

  return copy;
}

static GPtrArray *
copy_passages (LensBrief *self,
               GPtrArray *passages)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_passage_free);

  for (guint i = 0; passages != NULL && i < passages->len; i++)
    {
      const LensPassage *passage = g_ptr_array_index (passages, i);

      if (passage != NULL && passage->text != NULL)
        g_ptr_array_add (copy, copy_passage (self, passage));
    }

  return copy;
}

guint
lens_brief_add_chart (LensBrief          *self,
                      LensChartDocument  *document,
                      const char * const *source_lines,
                      const char * const *caveats,
                      GPtrArray          *passages)
{
  BriefChart *chart;

  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);
  g_return_val_if_fail (document != NULL, 0);

  chart = g_new0 (BriefChart, 1);
  chart->document = lens_chart_document_ref (document);
  chart->source_lines = g_strdupv ((char **) source_lines);
  chart->caveats = g_strdupv ((char **) caveats);
  chart->passages = copy_passages (self, passages);
  chart->group = LENS_BRIEF_GROUP_CRIME;
  chart->included = TRUE;
  g_ptr_array_add (self->charts, chart);

  invalidate (self);

  return self->charts->len - 1;
}

guint
lens_brief_add_chart_data (LensBrief     *self,
                           LensChartData *data,
                           GPtrArray     *passages)
{
  g_autoptr(LensChartDocument) document = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_auto(GStrv) footer = NULL;
  g_auto(GStrv) columns = NULL;
  g_auto(GStrv) source_lines = NULL;
  LensChartSpec *spec;
  const char * const *caveats;
  const GError *warning;
  guint n_caveats;
  guint n_footer;
  guint index;
  GDate end;

  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);
  g_return_val_if_fail (LENS_IS_CHART_DATA (data), 0);

  spec = lens_chart_data_get_spec (data);
  caveats = lens_chart_data_get_caveats (data);
  warning = lens_chart_data_get_warning (data);

  /* the brief prints the source and caveats after the table, so the document has no footer */
  document = lens_chart_document_new (lens_chart_data_get_series (data),
                                      lens_chart_data_get_plot_kind (data));
  lens_chart_document_set_title (document, spec->title);
  lens_chart_document_set_axis_titles (document, spec->x_title, lens_chart_data_get_y_title (data));
  columns = lens_chart_data_dup_column_names (data);
  lens_chart_document_set_column_names (document, (const char * const *) columns);
  lens_chart_document_set_empty_message (document, _("The portal has no records for these filters."));

  /* the footer lines end with the caveats */
  footer = lens_chart_data_dup_footer_lines (data);
  n_caveats = caveats != NULL ? g_strv_length ((char **) caveats) : 0;
  n_footer = g_strv_length (footer);
  source_lines = g_new0 (char *, n_footer + 1);
  for (guint i = 0; i + n_caveats < n_footer; i++)
    source_lines[i] = g_strdup (footer[i]);

  if (passages == NULL && ensure_reports (self) != NULL)
    passages = found = lens_reports_get_passages_for_chart (self->reports, spec->id);

  index = lens_brief_add_chart (self, document, (const char * const *) source_lines, caveats, passages);

  lens_brief_set_chart_group (self, index, lens_brief_group_for_page (spec->page));
  lens_brief_set_chart_description (self, index, spec->description);
  {
    BriefChart *chart = g_ptr_array_index (self->charts, index);
    GDateTime *rows_updated_at = lens_chart_data_get_rows_updated_at (data);

    /* for the record of a saved brief (lens-brief-since.c) */
    chart->chart_id = g_strdup (spec->id);
    chart->dataset_id = g_strdup (spec->dataset_id);
    chart->rows_updated_at = rows_updated_at != NULL ? g_date_time_ref (rows_updated_at) : NULL;
  }

  if (lens_chart_data_get_stale (data))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (lens_chart_data_get_fetched_at (data));
      g_autofree char *fetched = lens_format_datetime (local);
      g_autofree char *note = NULL;

      /* Translators: a note beside a chart in the brief; %s is when the numbers were fetched */
      note = g_strdup_printf (_("These numbers come from a saved copy fetched %s and may be out of date."),
                              fetched);
      if (warning != NULL)
        {
          g_autofree char *with_reason = g_strconcat (note, " ", warning->message, NULL);

          g_free (note);
          note = g_steal_pointer (&with_reason);
        }
      lens_brief_set_chart_note (self, index, note);
    }

  lens_brief_add_dataset (self, lens_chart_data_get_dataset_name (data),
                          lens_chart_data_get_rows_updated_at (data),
                          lens_chart_data_get_fetched_at (data),
                          lens_chart_data_get_stale (data),
                          warning != NULL ? warning->message : NULL);
  if (lens_chart_data_get_numbers_end (data, &end))
    lens_brief_set_dataset_numbers_end (self, lens_chart_data_get_dataset_name (data), &end);

  return index;
}

guint
lens_brief_get_n_charts (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);
  return self->charts->len;
}

static BriefChart *
get_chart (LensBrief *self,
           guint      chart)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), NULL);
  g_return_val_if_fail (chart < self->charts->len, NULL);

  return g_ptr_array_index (self->charts, chart);
}

void
lens_brief_set_chart_group (LensBrief      *self,
                            guint           chart,
                            LensBriefGroup  group)
{
  BriefChart *c = get_chart (self, chart);

  if (c != NULL)
    {
      c->group = group;
      invalidate (self);
    }
}

void
lens_brief_set_chart_description (LensBrief  *self,
                                  guint       chart,
                                  const char *description)
{
  BriefChart *c = get_chart (self, chart);

  if (c != NULL && set_string (&c->description, description))
    invalidate (self);
}

void
lens_brief_set_chart_note (LensBrief  *self,
                           guint       chart,
                           const char *note)
{
  BriefChart *c = get_chart (self, chart);

  if (c != NULL && set_string (&c->note, note))
    invalidate (self);
}

void
lens_brief_set_chart_included (LensBrief *self,
                               guint      chart,
                               gboolean   included)
{
  BriefChart *c = get_chart (self, chart);

  if (c != NULL && c->included != !!included)
    {
      c->included = !!included;
      invalidate (self);
    }
}

gboolean
lens_brief_get_chart_included (LensBrief *self,
                               guint      chart)
{
  BriefChart *c = get_chart (self, chart);

  return c != NULL && c->included;
}

void
lens_brief_set_compstat (LensBrief *self,
                         GPtrArray *tables)
{
  g_return_if_fail (LENS_IS_BRIEF (self));

  g_clear_pointer (&self->compstat, g_ptr_array_unref);
  if (tables != NULL)
    self->compstat = g_ptr_array_ref (tables);
  self->dirty = TRUE;
}

void
lens_brief_set_standing (LensBrief    *self,
                         LensStanding *standing,
                         guint         district)
{
  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (standing == NULL || LENS_IS_STANDING (standing));

  g_set_object (&self->standing, standing);
  self->standing_district = district;
  self->dirty = TRUE;
}

void
lens_brief_set_district_map (LensBrief           *self,
                             LensDistrictMapData *data,
                             guint                selected)
{
  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (data == NULL || LENS_IS_DISTRICT_MAP_DATA (data));

  g_set_object (&self->map, data);
  self->map_selected = selected;
  invalidate (self);
}

void
lens_brief_set_consent_decree (LensBrief         *self,
                               LensConsentDecree *decree,
                               GPtrArray         *passages)
{
  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (decree == NULL || LENS_IS_CONSENT_DECREE (decree));

  g_set_object (&self->decree, decree);
  g_clear_pointer (&self->decree_passages, g_ptr_array_unref);
  self->decree_passages = copy_passages (self, passages);
  invalidate (self);
}

static gboolean
group_included (LensBrief      *self,
                LensBriefGroup  group)
{
  switch (group)
    {
    case LENS_BRIEF_GROUP_COMPLAINTS:
      return (self->parts & LENS_BRIEF_PART_COMPLAINTS) != 0;
    case LENS_BRIEF_GROUP_SHOOTINGS:
      return (self->parts & LENS_BRIEF_PART_SHOOTINGS) != 0;
    case LENS_BRIEF_GROUP_ARRESTS:
      return (self->parts & LENS_BRIEF_PART_ARRESTS) != 0;
    case LENS_BRIEF_GROUP_CRIME:
    default:
      return (self->parts & LENS_BRIEF_PART_CRIME) != 0;
    }
}

gboolean
brief_chart_shown (LensBrief  *self,
                   BriefChart *chart)
{
  return chart->included && group_included (self, chart->group);
}

gboolean
lens_brief_check (LensBrief  *self,
                  GError    **error)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), FALSE);

  /* The district map's counts are data too */
  if (self->map != NULL && (self->parts & LENS_BRIEF_PART_MAP) != 0)
    return TRUE;

  for (guint i = 0; i < self->charts->len; i++)
    {
      BriefChart *chart = g_ptr_array_index (self->charts, i);
      double max;

      if (brief_chart_shown (self, chart) &&
          lens_series_get_max (lens_chart_document_get_series (chart->document), &max))
        return TRUE;
    }
  /* The district statistics are numbers too */
  if ((self->compstat != NULL && (self->parts & LENS_BRIEF_PART_COMPSTAT) != 0) ||
      (self->standing != NULL && (self->parts & LENS_BRIEF_PART_STANDING) != 0))
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("There is no data for this brief: none of its charts has any numbers. "
                         "Load the charts first, or include at least one chart with data."));
  return FALSE;
}

/* Cell text, as the chart view shows it */

char *
lens_brief_format_value (LensSeries *series,
                         double      value)
{
  return lens_describe_value (series, value);
}

char *
lens_brief_format_label (LensSeries *series,
                         guint       label)
{
  return lens_describe_label (series, label);
}

static const struct
{
  const char     *page;
  LensBriefGroup  group;
  LensBriefParts  part;
} page_groups[] = {
  { "crime", LENS_BRIEF_GROUP_CRIME, LENS_BRIEF_PART_CRIME },
  { "complaints", LENS_BRIEF_GROUP_COMPLAINTS, LENS_BRIEF_PART_COMPLAINTS },
  { "shootings", LENS_BRIEF_GROUP_SHOOTINGS, LENS_BRIEF_PART_SHOOTINGS },
  { "arrests", LENS_BRIEF_GROUP_ARRESTS, LENS_BRIEF_PART_ARRESTS },
};

LensBriefGroup
lens_brief_group_for_page (const char *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_groups); i++)
    if (g_strcmp0 (page_groups[i].page, page) == 0)
      return page_groups[i].group;

  return LENS_BRIEF_GROUP_CRIME;
}

LensBriefParts
lens_brief_part_for_page (const char *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_groups); i++)
    if (g_strcmp0 (page_groups[i].page, page) == 0)
      return page_groups[i].part;

  return LENS_BRIEF_PART_CRIME;
}
