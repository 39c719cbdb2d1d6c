/* lens-brief.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lens-brief.h"
#include "lens-describe.h"
#include "lens-format.h"
#include "lens-plot.h"

/* Typography, in points. */
#define FONT_FAMILY   "Sans"
#define SIZE_TITLE    22.0
#define SIZE_H2       14.0
#define SIZE_H3       11.0
#define SIZE_BODY     10.0
#define SIZE_TABLE     9.0
#define SIZE_SMALL     8.5
#define SIZE_FOOTER    8.0
/* Tick labels of the charts, after scaling the export page down into its box. */
#define CHART_TICK_PT  8.0
#define CELL_PAD_X     6.0
#define CELL_PAD_Y     2.5
#define BOX_PAD        8.0

static const double ink[4] = { 0.10, 0.10, 0.10, 1.0 };
static const double muted[4] = { 0.36, 0.36, 0.36, 1.0 };
static const double rule[4] = { 0.75, 0.75, 0.75, 1.0 };
static const double header_fill[4] = { 0.90, 0.91, 0.93, 1.0 };
static const double stripe_fill[4] = { 0.965, 0.965, 0.97, 1.0 };
static const double quote_fill[4] = { 0.94, 0.96, 0.98, 1.0 };
static const double accent[4] = { 0.0, 0.447, 0.698, 1.0 };   /* Okabe-Ito blue */
static const double note_fill[4] = { 1.0, 0.96, 0.86, 1.0 };
static const double note_bar[4] = { 0.90, 0.62, 0.0, 1.0 };   /* Okabe-Ito orange */

typedef struct
{
  double         size;
  PangoWeight    weight;
  PangoStyle     style;
  PangoAlignment align;
  const double  *color;
} TextStyle;

static const TextStyle style_title = { SIZE_TITLE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_kicker = { SIZE_SMALL, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, accent };
static const TextStyle style_h2 = { SIZE_H2, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_h3 = { SIZE_H3, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_body = { SIZE_BODY, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_body_bold = { SIZE_BODY, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_info = { SIZE_H3, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_small = { SIZE_SMALL, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, muted };
static const TextStyle style_small_ink = { SIZE_SMALL, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_small_bold = { SIZE_SMALL, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, muted };
static const TextStyle style_continued = { SIZE_SMALL, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, PANGO_ALIGN_LEFT, muted };
static const TextStyle style_cell = { SIZE_TABLE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_cell_head = { SIZE_TABLE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, ink };
static const TextStyle style_footer = { SIZE_FOOTER, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, muted };

/* Input */

typedef struct
{
  char *text;
  char *attribution;  /* "From “<report title>”" */
  char *source;       /* "Source: WTTW, https://…" */
  char *confidence;   /* for anything less than confirmed, else NULL */
} BriefPassage;

typedef struct
{
  char      *name;
  GDateTime *rows_updated_at;
  GDateTime *fetched_at;
  gboolean   stale;
  char      *warning;
  GDate      numbers_end;  /* where the numbers stop short of the dates, or invalid */
} BriefDataset;

typedef struct
{
  LensChartDocument *document;
  GStrv              source_lines;
  GStrv              caveats;
  GPtrArray         *passages;  /* BriefPassage */
  LensBriefGroup     group;
  char              *description;
  char              *note;
  gboolean           included;
  guint              start_page;
} BriefChart;

/* Output: each page is a display list of blocks, in points, laid out left to right (mirrored
 * when drawn for a right-to-left language). */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RECT,
  BLOCK_LINE,
  BLOCK_CHART,
  BLOCK_PLOT,
  BLOCK_LINK,
} BlockKind;

typedef struct
{
  BlockKind          kind;
  double             x, y, width, height;  /* LINE: from (x, y) to (x + width, y + height) */
  double             rgba[4];
  double             line_width;
  gboolean           dashed;
  PangoLayout       *layout;        /* TEXT */
  int                first_line;    /* TEXT: the lines shown */
  int                n_lines;       /* TEXT: -1: all */
  double             line_offset;   /* TEXT: top of @first_line within the layout */
  LensChartDocument *document;      /* CHART */
  double             chart_scale;   /* CHART: export units to points */
  LensSeries        *series;        /* PLOT: drawn with lens_plot_draw() */
  LensPlotKind       plot_kind;     /* PLOT */
  guint              target_page;   /* LINK */
} Block;

typedef struct
{
  char  *title;
  guint  page;
} OutlineEntry;

struct _LensBrief
{
  GObject            parent_instance;

  char              *district_label;
  char              *comparison_label;
  char              *range_label;
  GDateTime         *generated_at;
  LensBriefParts     parts;
  LensReports       *reports;
  gboolean           reports_tried;
  GPtrArray         *datasets;         /* BriefDataset */
  GPtrArray         *charts;           /* BriefChart */
  LensConsentDecree *decree;
  GPtrArray         *decree_passages;  /* BriefPassage */

  /* the layout */
  PangoContext      *context;
  GPtrArray         *pages;            /* GArray of Block */
  GArray            *outline;          /* OutlineEntry */
  double             page_width;
  double             page_height;
  guint              decree_page;
  gboolean           rtl;
  gboolean           dirty;
};

G_DEFINE_FINAL_TYPE (LensBrief, lens_brief, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (LensBriefParts, lens_brief_parts,
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_COVER, "cover"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_CRIME, "crime"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_COMPLAINTS, "complaints"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_CONSENT_DECREE, "consent-decree"),
                     G_DEFINE_ENUM_VALUE (LENS_BRIEF_PART_PASSAGES, "passages"))

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
  g_free (chart);
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->document, lens_chart_document_unref);
  g_clear_pointer (&block->series, lens_series_unref);
}

static void
outline_entry_clear (gpointer data)
{
  OutlineEntry *entry = data;

  g_free (entry->title);
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
  g_clear_pointer (&self->decree_passages, g_ptr_array_unref);
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
  lens_chart_document_set_axis_titles (document, spec->x_title, spec->y_title);
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

  lens_brief_set_chart_group (self, index,
                              g_strcmp0 (spec->page, "complaints") == 0 ? LENS_BRIEF_GROUP_COMPLAINTS
                                                                        : LENS_BRIEF_GROUP_CRIME);
  lens_brief_set_chart_description (self, index, spec->description);

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
    case LENS_BRIEF_GROUP_CRIME:
    default:
      return (self->parts & LENS_BRIEF_PART_CRIME) != 0;
    }
}

static gboolean
chart_shown (LensBrief  *self,
             BriefChart *chart)
{
  return chart->included && group_included (self, chart->group);
}

gboolean
lens_brief_check (LensBrief  *self,
                  GError    **error)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), FALSE);

  for (guint i = 0; i < self->charts->len; i++)
    {
      BriefChart *chart = g_ptr_array_index (self->charts, i);
      double max;

      if (chart_shown (self, chart) &&
          lens_series_get_max (lens_chart_document_get_series (chart->document), &max))
        return TRUE;
    }

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

/* Layout primitives */

typedef struct
{
  LensBrief *self;
  double     left;
  double     top;
  double     bottom;
  double     width;
  double     y;
  GArray    *page;
  /* the last heading, moved to the next page if nothing follows it on its own */
  GArray    *heading_page;
  guint      heading_index;
  double     heading_after;
} Flow;

static void
set_rgba (double       dest[4],
          const double src[4])
{
  memcpy (dest, src, sizeof (double) * 4);
}

static PangoLayout *
make_layout (LensBrief       *self,
             const char      *text,
             const TextStyle *style,
             double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (style->size * PANGO_SCALE));
  pango_font_description_set_weight (font, style->weight);
  pango_font_description_set_style (font, style->style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_natural_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static Block *
add_block (GArray    *page,
           BlockKind  kind,
           double     x,
           double     y,
           double     width,
           double     height)
{
  Block block = { 0 };

  block.kind = kind;
  block.x = x;
  block.y = y;
  block.width = width;
  block.height = height;
  block.n_lines = -1;
  set_rgba (block.rgba, ink);
  g_array_append_val (page, block);

  return &g_array_index (page, Block, page->len - 1);
}

static void
add_text (GArray       *page,
          PangoLayout  *layout,
          double        x,
          double        y,
          double        width,
          const double  rgba[4])
{
  Block *block = add_block (page, BLOCK_TEXT, x, y, width, layout_height (layout));

  block->layout = g_object_ref (layout);
  set_rgba (block->rgba, rgba);
}

static void
add_rect (GArray       *page,
          double        x,
          double        y,
          double        width,
          double        height,
          const double  rgba[4])
{
  Block *block = add_block (page, BLOCK_RECT, x, y, width, height);

  set_rgba (block->rgba, rgba);
}

static void
add_line (GArray       *page,
          double        x,
          double        y,
          double        dx,
          double        dy,
          double        line_width,
          const double  rgba[4])
{
  Block *block = add_block (page, BLOCK_LINE, x, y, dx, dy);

  block->line_width = line_width;
  set_rgba (block->rgba, rgba);
}

static void
flow_new_page (Flow *f)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Block));
  gboolean move_heading = f->heading_page != NULL && f->heading_page == f->page &&
                          f->page->len == f->heading_index + 1;
  Block heading = { 0 };

  if (move_heading)
    {
      heading = g_array_index (f->page, Block, f->heading_index);
      g_object_ref (heading.layout);
      g_array_remove_index (f->page, f->heading_index);
    }

  g_array_set_clear_func (page, block_clear);
  g_ptr_array_add (f->self->pages, page);
  f->page = page;
  f->y = f->top;
  f->heading_page = NULL;

  if (move_heading)
    {
      heading.y = f->top;
      g_array_append_val (page, heading);
      f->y = f->top + f->heading_after;
    }
}

static gboolean
flow_at_top (Flow *f)
{
  return f->y <= f->top + 0.5;
}

/* Starts a new page unless @height fits under the cursor (or the cursor is at the top). */
static void
flow_need (Flow   *f,
           double  height)
{
  if (!flow_at_top (f) && f->y + height > f->bottom)
    flow_new_page (f);
}

static void
flow_space (Flow   *f,
            double  space)
{
  if (!flow_at_top (f))
    f->y = MIN (f->y + space, f->bottom);
}

static guint
current_page (Flow *f)
{
  return f->self->pages->len - 1;
}

/* Places @layout at @x, splitting it between lines over as many pages as it needs; never
 * leaves one line of a longer paragraph alone at the foot of a page. */
static void
flow_layout (Flow         *f,
             PangoLayout  *layout,
             double        x,
             double        width,
             const double  rgba[4],
             guint        *start_page,
             double       *start_y)
{
  PangoLayoutIter *iter;
  int n = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, MAX (n, 1));
  g_autofree double *bottoms = g_new (double, MAX (n, 1));
  int i = 0;
  int first = 0;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      tops[i] = (double) logical.y / PANGO_SCALE;
      bottoms[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      i++;
    }
  while (i < n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n = i;

  if (n > 0 && f->y + (bottoms[n - 1] - tops[0]) <= f->bottom)
    {
      if (start_page != NULL)
        *start_page = current_page (f);
      if (start_y != NULL)
        *start_y = f->y;
      add_text (f->page, layout, x, f->y, width, rgba);
      f->y += bottoms[n - 1] - tops[0];
      return;
    }

  while (first < n)
    {
      int last = first;
      Block *block;

      while (last < n && f->y + (bottoms[last] - tops[first]) <= f->bottom)
        last++;

      if (last == first || (first == 0 && last == 1 && n > 1))
        {
          if (!flow_at_top (f))
            {
              flow_new_page (f);
              continue;
            }
          last = MAX (last, first + 1);
        }

      if (first == 0 && start_page != NULL)
        *start_page = current_page (f);
      if (first == 0 && start_y != NULL)
        *start_y = f->y;
      block = add_block (f->page, BLOCK_TEXT, x, f->y, width, bottoms[last - 1] - tops[first]);
      block->layout = g_object_ref (layout);
      block->first_line = first;
      block->n_lines = last - first;
      block->line_offset = tops[first];
      set_rgba (block->rgba, rgba);
      f->y += bottoms[last - 1] - tops[first];

      first = last;
      if (first < n)
        flow_new_page (f);
    }
}

static void
flow_text (Flow            *f,
           const char      *text,
           const TextStyle *style,
           double           indent,
           double           space_after)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (f->self, text, style, f->width - indent);
  flow_layout (f, layout, f->left + indent, f->width - indent, style->color, NULL, NULL);
  flow_space (f, space_after);
}

/* A heading stays with the start of what follows it (@keep points of it). */
static void
flow_heading (Flow            *f,
              const char      *text,
              const TextStyle *style,
              double           space_before,
              double           keep)
{
  g_autoptr(PangoLayout) layout = make_layout (f->self, text, style, f->width);
  double height = layout_height (layout);

  flow_space (f, space_before);
  flow_need (f, height + keep);
  add_text (f->page, layout, f->left, f->y, f->width, style->color);
  f->heading_page = f->page;
  f->heading_index = f->page->len - 1;
  f->heading_after = height + 0.35 * style->size;
  f->y += f->heading_after;
}

/* "• text" with the text indented under the bullet. */
static void
flow_bullet (Flow            *f,
             const char      *text,
             const TextStyle *style,
             double           space_after)
{
  g_autoptr(PangoLayout) bullet = make_layout (f->self, "•", style, 0);
  g_autoptr(PangoLayout) layout = NULL;
  double indent = style->size * 1.1;
  double y = 0;
  guint page = 0;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (f->self, text, style, f->width - indent);
  flow_layout (f, layout, f->left + indent, f->width - indent, style->color, &page, &y);
  /* the bullet goes where the paragraph started */
  add_text (g_ptr_array_index (f->self->pages, page), bullet, f->left, y, indent, style->color);
  flow_space (f, space_after);
}

/* A shaded box with a coloured bar at the start edge, kept on one page when it fits. */
static void
flow_box (Flow            *f,
          const char     **texts,
          const TextStyle **styles,
          guint            n_texts,
          const double     fill[4],
          const double     bar[4])
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double inner = f->width - 2 * BOX_PAD - 3.0;
  double height = 2 * BOX_PAD;
  double x = f->left + BOX_PAD + 3.0;

  for (guint i = 0; i < n_texts; i++)
    {
      PangoLayout *layout;

      if (texts[i] == NULL || *texts[i] == '\0')
        continue;
      layout = make_layout (f->self, texts[i], styles[i], inner);
      g_object_set_data (G_OBJECT (layout), "lens-style", (gpointer) styles[i]);
      g_ptr_array_add (layouts, layout);
      height += layout_height (layout) + (layouts->len > 1 ? 3.0 : 0.0);
    }

  if (layouts->len == 0)
    return;

  flow_need (f, height);

  if (f->y + height <= f->bottom)
    {
      double y = f->y + BOX_PAD;

      add_rect (f->page, f->left, f->y, f->width, height, fill);
      add_rect (f->page, f->left, f->y, 3.0, height, bar);
      for (guint i = 0; i < layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (layouts, i);
          const TextStyle *style = g_object_get_data (G_OBJECT (layout), "lens-style");

          if (i > 0)
            y += 3.0;
          add_text (f->page, layout, x, y, inner, style->color);
          y += layout_height (layout);
        }
      f->y += height;
    }
  else
    {
      /* taller than a page: plain text with the bar on each piece is not worth it */
      for (guint i = 0; i < layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (layouts, i);
          const TextStyle *style = g_object_get_data (G_OBJECT (layout), "lens-style");

          flow_layout (f, layout, x, inner, style->color, NULL, NULL);
        }
    }
}

/* Tables */

typedef struct
{
  guint           n_columns;
  double         *widths;
  PangoAlignment *aligns;
  const TextStyle *cell_style;
  GPtrArray      *headers;   /* PangoLayout */
  GPtrArray      *rows;      /* GPtrArray of PangoLayout */
} Table;

static void
table_free (Table *table)
{
  g_free (table->widths);
  g_free (table->aligns);
  g_ptr_array_unref (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static Table *
table_new (guint n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->widths = g_new0 (double, n_columns);
  table->aligns = g_new0 (PangoAlignment, n_columns);
  table->cell_style = &style_cell;
  table->headers = g_ptr_array_new_with_free_func (g_object_unref);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return table;
}

static double
text_width (LensBrief       *self,
            const char      *text,
            const TextStyle *style)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, -1);

  return layout_natural_width (layout);
}

/* Builds the layouts once the widths are known. @cells: n_rows x n_columns strings. */
static void
table_set_cells (Table       *table,
                 LensBrief   *self,
                 const char **headers,
                 GPtrArray   *rows)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      TextStyle style = style_cell_head;
      PangoLayout *layout;

      style.align = table->aligns[c];
      layout = make_layout (self, headers[c], &style, table->widths[c] - 2 * CELL_PAD_X);
      g_ptr_array_add (table->headers, layout);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint c = 0; c < table->n_columns; c++)
        {
          TextStyle style = *table->cell_style;

          style.align = table->aligns[c];
          g_ptr_array_add (row, make_layout (self, cells[c], &style,
                                             table->widths[c] - 2 * CELL_PAD_X));
        }
      g_ptr_array_add (table->rows, row);
    }
}

static double
row_height (GPtrArray *layouts)
{
  double height = 0;

  for (guint c = 0; c < layouts->len; c++)
    height = MAX (height, layout_height (g_ptr_array_index (layouts, c)));

  return height + 2 * CELL_PAD_Y;
}

static double
table_width (Table *table)
{
  double width = 0;

  for (guint c = 0; c < table->n_columns; c++)
    width += table->widths[c];

  return width;
}

static void
place_row (Flow         *f,
           Table        *table,
           GPtrArray    *layouts,
           double        height,
           const double *fill)
{
  double x = f->left;

  if (fill != NULL)
    add_rect (f->page, f->left, f->y, table_width (table), height, fill);

  for (guint c = 0; c < table->n_columns; c++)
    {
      add_text (f->page, g_ptr_array_index (layouts, c), x + CELL_PAD_X, f->y + CELL_PAD_Y,
                table->widths[c] - 2 * CELL_PAD_X, ink);
      x += table->widths[c];
    }

  f->y += height;
}

static void
place_header (Flow  *f,
              Table *table)
{
  double height = row_height (table->headers);

  place_row (f, table, table->headers, height, header_fill);
  add_line (f->page, f->left, f->y, table_width (table), 0, 0.75, muted);
}

/* Rows that do not fit go on the next page under @continued and the header row again. */
static void
flow_table (Flow       *f,
            Table      *table,
            const char *continued)
{
  double header = row_height (table->headers);
  double first_rows = 0;

  for (guint r = 0; r < MIN (table->rows->len, 3); r++)
    first_rows += row_height (g_ptr_array_index (table->rows, r));

  flow_need (f, header + first_rows);
  place_header (f, table);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      double height = row_height (row);

      if (f->y + height > f->bottom)
        {
          flow_new_page (f);
          if (continued != NULL)
            flow_text (f, continued, &style_continued, 0, 3.0);
          place_header (f, table);
        }

      place_row (f, table, row, height, r % 2 == 1 ? stripe_fill : NULL);
    }

  add_line (f->page, f->left, f->y, table_width (table), 0, 0.5, rule);
}

/* The numbers of a chart: the label column, then one column per vector, named as on screen. */
static Table *
chart_table (LensBrief         *self,
             LensChartDocument *document,
             double             width)
{
  LensSeries *series = lens_chart_document_get_series (document);
  guint n_vectors = lens_series_get_n_vectors (series);
  guint n_labels = lens_series_get_n_labels (series);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree const char **headers = g_new0 (const char *, n_vectors + 2);
  g_autofree char *csv_header = NULL;
  g_auto(GStrv) names = NULL;
  Table *table = table_new (n_vectors + 1);
  double label_width = 0;
  double values_width = 0;

  /* the column names, the same the CSV export writes */
  csv_header = lens_chart_export_to_tsv (document);
  csv_header[strcspn (csv_header, "\n")] = '\0';
  names = g_strsplit (csv_header, "\t", -1);
  for (guint c = 0; c <= n_vectors; c++)
    headers[c] = (names != NULL && c < g_strv_length (names)) ? names[c] : "";

  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (rows, lens_describe_row (series, i));

  /* value columns as wide as their widest value, with room for a header of two lines */
  for (guint c = 1; c <= n_vectors; c++)
    {
      double widest = 0;
      double head = text_width (self, headers[c], &style_cell_head);

      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, text_width (self, ((char **) g_ptr_array_index (rows, r))[c], &style_cell));

      table->widths[c] = MAX (MAX (widest, MIN (head, 150.0)), head / 2.0 + 10.0) + 2 * CELL_PAD_X + 4.0;
      table->widths[c] = MAX (table->widths[c], 70.0);
      table->aligns[c] = PANGO_ALIGN_RIGHT;
      values_width += table->widths[c];
    }

  for (guint r = 0; r < rows->len; r++)
    label_width = MAX (label_width, text_width (self, ((char **) g_ptr_array_index (rows, r))[0], &style_cell));
  label_width = MAX (label_width, text_width (self, headers[0], &style_cell_head));

  /* the value columns give way when they would leave the labels too little room */
  if (values_width > width * 0.7)
    {
      double shrink = width * 0.7 / values_width;

      for (guint c = 1; c <= n_vectors; c++)
        table->widths[c] *= shrink;
      values_width = width * 0.7;
    }
  table->widths[0] = CLAMP (label_width + 2 * CELL_PAD_X + 12.0, MIN (110.0, width - values_width),
                            width - values_width);
  table->aligns[0] = PANGO_ALIGN_LEFT;

  table_set_cells (table, self, headers, rows);

  return table;
}

/* Charts: the export page, scaled so its tick labels are CHART_TICK_PT points. The export
 * draws its text at 10 x scale on a page of 800 x 500 (scale clamped to 0.5 .. 3), with a
 * margin of 20 x scale around. */
static double
chart_export_scale (double width,
                    double height,
                    double k)
{
  return CLAMP (MIN (width / k / 800.0, height / k / 500.0), 0.5, 3.0);
}

static void
flow_chart (Flow              *f,
            LensChartDocument *document,
            double             height)
{
  double k = CHART_TICK_PT / 5.0;
  double margin;
  double width;
  Block *block;

  /* the box reaches into the page margins by the export's own margin, so its title lines
   * up with the text */
  margin = 20.0 * chart_export_scale (f->width + 32.0, height, k) * k;
  width = f->width + 2 * margin;
  margin = 20.0 * chart_export_scale (width, height, k) * k;

  flow_need (f, height - margin);
  block = add_block (f->page, BLOCK_CHART, f->left - margin, f->y - margin, width, height);
  block->document = lens_chart_document_ref (document);
  block->chart_scale = k;
  f->y += height - 2 * margin;
}

/* Sections */

static const char *
group_name (LensBriefGroup group)
{
  switch (group)
    {
    case LENS_BRIEF_GROUP_COMPLAINTS:
      /* Translators: the part of the brief with the charts of complaints against officers */
      return _("Complaints");
    case LENS_BRIEF_GROUP_CRIME:
    default:
      /* Translators: the part of the brief with the charts of reported crime and arrests */
      return _("Crime and arrests");
    }
}

static void
add_outline (LensBrief  *self,
             const char *title,
             guint       page)
{
  OutlineEntry entry = { g_strdup (title), page };

  g_array_append_val (self->outline, entry);
}

static void
flow_passages (Flow      *f,
               GPtrArray *passages)
{
  if (passages == NULL || passages->len == 0 || (f->self->parts & LENS_BRIEF_PART_PASSAGES) == 0)
    return;

  /* Translators: a heading in the brief, above passages from the community policing reports */
  flow_heading (f, _("What the reports say"), &style_h3, 10.0, 60.0);

  for (guint i = 0; i < passages->len; i++)
    {
      BriefPassage *passage = g_ptr_array_index (passages, i);
      g_autofree char *attribution = NULL;
      const char *texts[3];
      const TextStyle *styles[3] = { &style_body, &style_small_bold, &style_small };

      if (passage->confidence != NULL && passage->attribution != NULL)
        attribution = g_strdup_printf ("%s · %s", passage->attribution, passage->confidence);
      else
        attribution = g_strdup (passage->attribution != NULL ? passage->attribution : passage->confidence);

      texts[0] = passage->text;
      texts[1] = attribution;
      texts[2] = passage->source;
      flow_box (f, texts, styles, 3, quote_fill, accent);
      flow_space (f, 6.0);
    }
}

static void
flow_chart_section (Flow       *f,
                    BriefChart *chart,
                    double      chart_height)
{
  LensSeries *series = lens_chart_document_get_series (chart->document);
  const char *title = lens_chart_document_get_title (chart->document);
  g_autoptr(Table) table = NULL;
  g_autofree char *continued = NULL;

  if (!flow_at_top (f))
    flow_new_page (f);

  chart->start_page = current_page (f);
  add_outline (f->self, title != NULL ? title : group_name (chart->group), chart->start_page);

  /* horizontal bars need the height for a readable label on every category */
  if (lens_chart_document_get_kind (chart->document) == LENS_PLOT_HORIZONTAL_BAR)
    {
      guint n_vectors = MAX (lens_series_get_n_vectors (series), 1);
      double wanted = 110.0 + lens_series_get_n_labels (series) * (n_vectors > 1 ? 11.0 * n_vectors : 15.0);

      chart_height = CLAMP (wanted, chart_height, (f->bottom - f->top) * 0.6);
    }

  flow_text (f, group_name (chart->group), &style_kicker, 0, 4.0);
  flow_chart (f, chart->document, chart_height);

  flow_space (f, 6.0);
  flow_text (f, chart->description, &style_body, 0, 6.0);

  if (chart->note != NULL)
    {
      const char *texts[] = { chart->note };
      const TextStyle *styles[] = { &style_small_ink };

      flow_box (f, texts, styles, 1, note_fill, note_bar);
      flow_space (f, 6.0);
    }

  /* Translators: a heading in the brief, above the table of a chart's numbers */
  flow_heading (f, _("The numbers"), &style_h3, 6.0, 50.0);
  if (lens_series_get_n_labels (series) == 0 || lens_series_get_n_vectors (series) == 0)
    {
      flow_text (f, _("There are no numbers for this chart."), &style_body, 0, 4.0);
    }
  else
    {
      table = chart_table (f->self, chart->document, f->width);
      /* Translators: above the rest of a table on the next page; %s is the chart's title */
      continued = g_strdup_printf (_("%s (continued)"), title != NULL ? title : _("The numbers"));
      flow_table (f, table, continued);
    }

  if ((chart->source_lines != NULL && chart->source_lines[0] != NULL) ||
      (chart->caveats != NULL && chart->caveats[0] != NULL))
    {
      /* Translators: a heading in the brief, above a chart's source, dates and caveats */
      flow_heading (f, _("Source and notes"), &style_h3, 12.0, 30.0);
      for (guint i = 0; chart->source_lines != NULL && chart->source_lines[i] != NULL; i++)
        flow_text (f, chart->source_lines[i], &style_small, 0, 2.0);
      flow_space (f, 3.0);
      for (guint i = 0; chart->caveats != NULL && chart->caveats[i] != NULL; i++)
        flow_bullet (f, chart->caveats[i], &style_small_ink, 2.0);
    }

  flow_passages (f, chart->passages);
}

static void
add_source (GPtrArray        *sources,
            const LensSource *source)
{
  g_autofree char *text = NULL;

  if (source == NULL || source->url == NULL)
    return;

  if (source->outlet != NULL)
    text = g_strdup_printf ("%s: %s", source->outlet, source->url);
  else
    text = g_strdup (source->url);

  if (!g_ptr_array_find_with_equal_func (sources, text, g_str_equal, NULL))
    g_ptr_array_add (sources, g_steal_pointer (&text));
}

/* A plot of @series, drawn by lens_plot_draw() as the window draws it, kept on one page. */
static void
flow_plot (Flow         *f,
           LensSeries   *series,
           LensPlotKind  kind,
           double        height)
{
  Block *block;

  flow_need (f, height);
  block = add_block (f->page, BLOCK_PLOT, f->left, f->y, f->width, height);
  block->series = lens_series_ref (series);
  block->plot_kind = kind;
  f->y += height;
}

static const LensComplianceBar *
find_bar (GArray *bars,
          guint   report)
{
  for (guint b = 0; b < bars->len; b++)
    if (g_array_index (bars, LensComplianceBar, b).report == report)
      return &g_array_index (bars, LensComplianceBar, b);

  return NULL;
}

/* Every figure of every report, as published (with the share worked out from a count), the
 * numbers of the chart above. Sets @any_derived when a share was worked out. */
static void
flow_compliance_table (Flow              *f,
                       LensConsentDecree *decree,
                       GArray            *bars,
                       gboolean          *any_derived)
{
  static const LensComplianceLevel columns[] = {
    LENS_COMPLIANCE_FULL, LENS_COMPLIANCE_SECONDARY, LENS_COMPLIANCE_PRELIMINARY, LENS_COMPLIANCE_ANY,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(Table) table = table_new (G_N_ELEMENTS (columns) + 1);
  const char *headers[G_N_ELEMENTS (columns) + 1];
  double total = 0;

  /* Translators: the heading of the column of monitoring reports ("IMR-11") in the brief */
  headers[0] = _("Report");
  table->aligns[0] = PANGO_ALIGN_LEFT;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      const LensLevelMeaning *meaning = lens_consent_decree_get_level_meaning (decree, columns[c]);

      headers[c + 1] = meaning != NULL ? meaning->name : lens_compliance_level_to_key (columns[c]);
      table->aligns[c + 1] = PANGO_ALIGN_RIGHT;
    }

  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);
      const LensComplianceBar *bar = find_bar (bars, report->number);
      char **cells = g_new0 (char *, G_N_ELEMENTS (columns) + 2);

      cells[0] = lens_describe_report_name (report->number);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const LensFigure *figure = lens_monitoring_report_get_figure (report, columns[c]);
          double share = bar != NULL ? bar->percent[columns[c]] : NAN;

          cells[c + 1] = lens_describe_figure_with_share (figure, share);
          if (figure != NULL && figure->unit == LENS_FIGURE_UNIT_COUNT && isfinite (share))
            *any_derived = TRUE;
        }
      g_ptr_array_add (rows, cells);
    }

  /* each column as wide as its widest text, the room left shared out */
  for (guint c = 0; c < table->n_columns; c++)
    {
      double widest = text_width (f->self, headers[c], &style_cell_head);

      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, text_width (f->self, ((char **) g_ptr_array_index (rows, r))[c], &style_cell));
      table->widths[c] = widest + 2 * CELL_PAD_X + 4.0;
      total += table->widths[c];
    }
  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] *= f->width / total;

  table_set_cells (table, f->self, headers, rows);
  flow_table (f, table, NULL);
}

static void
flow_consent_decree (Flow *f)
{
  LensBrief *self = f->self;
  LensConsentDecree *decree = self->decree;
  const LensMonitoringReport *latest = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Table) table = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[3];

  if (!flow_at_top (f))
    flow_new_page (f);

  self->decree_page = current_page (f);
  add_outline (self, _("Consent decree"), self->decree_page);

  /* Translators: the kicker above the consent-decree part of the brief */
  flow_text (f, _("Consent decree"), &style_kicker, 0, 4.0);
  /* Translators: the heading of the consent-decree part of the brief */
  flow_heading (f, _("How far the Chicago Police Department has come in meeting the consent decree"),
                &style_h2, 0, 40.0);

  for (guint i = lens_consent_decree_get_n_reports (decree); i > 0; i--)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i - 1);

      if (lens_monitoring_report_has_figures (report))
        {
          latest = report;
          break;
        }
    }

  if (latest == NULL)
    {
      flow_text (f, _("The monitor has not published compliance figures yet."), &style_body, 0, 8.0);
    }
  else
    {
      g_autofree char *start = lens_describe_content_date (&latest->period_start);
      g_autofree char *end = lens_describe_content_date (&latest->period_end);
      g_autofree char *released = lens_describe_content_date (&latest->released);
      g_autofree char *intro = NULL;

      if (released != NULL)
        intro = g_strdup_printf (latest->release_kind == LENS_RELEASE_FILED
                                 /* Translators: the latest monitoring report: its number, the
                                  * period it covers, and when it was filed with the court */
                                 ? _("The latest figures are from Independent Monitoring Report %u, covering %s to %s, filed %s.")
                                 /* Translators: as above, with the date it was made public */
                                 : _("The latest figures are from Independent Monitoring Report %u, covering %s to %s, released %s."),
                                 latest->number, start, end, released);
      else
        intro = g_strdup_printf (_("The latest figures are from Independent Monitoring Report %u, covering %s to %s."),
                                 latest->number, start, end);
      flow_text (f, intro, &style_body, 0, 8.0);

      headers[0] = _("Level of compliance");
      /* Translators: a column of the brief's compliance table: the figure as the monitor
       * published it */
      headers[1] = _("Published figure");
      headers[2] = _("What it means");

      for (guint level = 0; level < LENS_N_COMPLIANCE_LEVELS; level++)
        {
          const LensLevelMeaning *meaning = lens_consent_decree_get_level_meaning (decree, level);
          const LensFigure *figure = lens_monitoring_report_get_figure (latest, level);
          char **cells = g_new0 (char *, 4);

          cells[0] = g_strdup (meaning != NULL ? meaning->name : lens_compliance_level_to_key (level));
          cells[1] = lens_describe_figure (figure);
          cells[2] = g_strdup (meaning != NULL ? meaning->meaning : "");
          g_ptr_array_add (rows, cells);

          if (figure != NULL)
            add_source (sources, &figure->source);
          if (meaning != NULL)
            add_source (sources, &meaning->source);
        }

      table = table_new (3);
      table->widths[0] = 110.0;
      table->widths[1] = 95.0;
      table->widths[2] = f->width - 205.0;
      table->aligns[0] = PANGO_ALIGN_LEFT;
      table->aligns[1] = PANGO_ALIGN_RIGHT;
      table->aligns[2] = PANGO_ALIGN_LEFT;
      table_set_cells (table, self, headers, rows);
      flow_table (f, table, NULL);
      flow_space (f, 6.0);

      if (latest->denominator.kind == LENS_DENOMINATOR_MONITORABLE)
        {
          guint count = 0;

          lens_consent_decree_get_monitorable_paragraphs (decree, &count);
          if (count > 0)
            {
              g_autofree char *n = lens_format_count (count);
              g_autofree char *text = g_strdup_printf (_("Shares are of the %s monitorable paragraphs of the consent decree. Each paragraph counts once, at the highest level it has reached."), n);

              flow_text (f, text, &style_small_ink, 0, 3.0);
            }
        }
      else if (latest->denominator.kind == LENS_DENOMINATOR_ASSESSED && latest->denominator.count > 0)
        {
          g_autofree char *n = lens_format_count (latest->denominator.count);
          g_autofree char *text = g_strdup_printf (_("Shares are of the %s paragraphs the monitor assessed in that period."), n);

          flow_text (f, text, &style_small_ink, 0, 3.0);
          add_source (sources, &latest->denominator.source);
        }

      flow_text (f, latest->note, &style_small_ink, 0, 3.0);
    }

  bars = lens_consent_decree_get_compliance_bars (decree);
  if (bars->len > 0)
    {
      g_autoptr(LensSeries) series = lens_describe_compliance_series (decree);
      const LensSourcedText *change;
      guint first_report = 0;
      gboolean any_derived = FALSE;

      /* Translators: a heading in the brief, above the chart of compliance by report */
      flow_heading (f, _("Compliance in each monitoring report"), &style_h3, 12.0, 210.0);
      flow_plot (f, series, LENS_PLOT_STACKED_BAR, 210.0);
      flow_space (f, 6.0);

      /* the words under the chart on the consent-decree page */
      flow_text (f, _("The share of the decree’s paragraphs at each level of compliance, as published for each of the monitor’s reports. Each paragraph counts once, at the highest level it has reached."),
                 &style_small_ink, 0, 3.0);
      flow_text (f, _("A dashed empty slot is a report for which no shares by level were published; a bar with only the full level had only that share published. The figures, with their sources, are listed below."),
                 &style_small_ink, 0, 3.0);
      change = lens_consent_decree_get_denominator_change (decree, &first_report);
      if (change != NULL && change->text != NULL)
        {
          g_autofree char *name = lens_describe_report_name (first_report);
          g_autofree char *text = g_strdup_printf (_("The dashed line before %s: %s"), name, change->text);

          flow_text (f, text, &style_small_ink, 0, 3.0);
          add_source (sources, &change->source);
        }
      flow_space (f, 6.0);

      flow_compliance_table (f, decree, bars, &any_derived);
      flow_space (f, 4.0);
      if (any_derived)
        flow_text (f, _("A share in brackets was worked out by Reform Lens from the published count of paragraphs."),
                   &style_small_ink, 0, 3.0);

      for (guint b = 0; b < bars->len; b++)
        {
          const LensMonitoringReport *report =
            lens_consent_decree_lookup_report (decree, g_array_index (bars, LensComplianceBar, b).report);

          for (guint l = 0; report != NULL && l < LENS_N_COMPLIANCE_LEVELS; l++)
            {
              const LensFigure *figure = lens_monitoring_report_get_figure (report, l);

              if (figure != NULL)
                add_source (sources, &figure->source);
            }
        }
    }

  if (sources->len > 0)
    {
      flow_heading (f, _("Sources"), &style_h3, 10.0, 24.0);
      for (guint i = 0; i < sources->len; i++)
        flow_bullet (f, g_ptr_array_index (sources, i), &style_small, 1.5);
    }

  flow_passages (f, self->decree_passages);
}

typedef struct
{
  guint  page_index;  /* the cover page the entry is on */
  double x, y, width, height;
  guint *target;
} TocEntry;

static void
flow_cover (Flow   *f,
            GArray *toc)
{
  LensBrief *self = f->self;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) generated = g_date_time_to_local (self->generated_at);
  g_autofree char *generated_text = lens_format_datetime (generated);
  gboolean any_chart = FALSE;

  /* Translators: the kicker above the brief's title */
  flow_text (f, _("District meeting brief"), &style_kicker, 0, 4.0);
  /* Translators: the brief's title; %s is "District 5 – Calumet" or "Citywide" */
  title = g_strdup_printf (_("Meeting brief: %s"),
                           self->district_label != NULL ? self->district_label : _("Citywide"));
  flow_text (f, title, &style_title, 0, 10.0);

  if (self->comparison_label != NULL)
    {
      /* Translators: on the brief's cover; %s is "Citywide" or another district */
      g_autofree char *text = g_strdup_printf (_("Compared with: %s"), self->comparison_label);

      flow_text (f, text, &style_info, 0, 3.0);
    }
  if (self->range_label != NULL)
    {
      /* Translators: on the brief's cover; %s is "1 Jan 2021 – 26 Nov 2026" */
      g_autofree char *text = g_strdup_printf (_("Dates: %s"), self->range_label);

      flow_text (f, text, &style_info, 0, 3.0);
    }
  {
    /* Translators: on the brief's cover; %s is a date and time */
    g_autofree char *text = g_strdup_printf (_("Generated: %s"), generated_text);

    flow_text (f, text, &style_info, 0, 3.0);
  }

  flow_space (f, 8.0);
  add_line (f->page, f->left, f->y, f->width, 0, 0.75, rule);
  flow_space (f, 10.0);

  /* Translators: a heading on the brief's cover, above the as-of times of each dataset */
  flow_heading (f, _("Where the numbers come from"), &style_h2, 0, 40.0);
  if (self->datasets->len == 0)
    flow_text (f, _("This brief has no numbers from the City of Chicago data portal."), &style_body, 0, 4.0);

  for (guint i = 0; i < self->datasets->len; i++)
    {
      BriefDataset *dataset = g_ptr_array_index (self->datasets, i);
      g_autoptr(GString) when = g_string_new (NULL);

      flow_need (f, 40.0);
      flow_text (f, dataset->name, &style_body_bold, 0, 1.0);

      if (dataset->rows_updated_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (dataset->rows_updated_at);
          g_autofree char *as_of = lens_format_datetime (local);

          /* Translators: %s is the date and time the portal last updated the dataset */
          g_string_append_printf (when, _("Data as of %s"), as_of);
        }
      else
        g_string_append (when, _("The portal did not say when it last updated this dataset."));

      if (dataset->fetched_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (dataset->fetched_at);
          g_autofree char *fetched = lens_format_datetime (local);

          /* Translators: separates the as-of and fetched times on the brief's cover */
          g_string_append (when, _(" · "));
          /* Translators: %s is the date and time Reform Lens downloaded the numbers */
          g_string_append_printf (when, _("Fetched %s"), fetched);
        }
      flow_text (f, when->str, &style_body, 0, 4.0);

      if (g_date_valid (&dataset->numbers_end))
        {
          g_autofree char *line = lens_chart_dup_data_end_line (&dataset->numbers_end);

          flow_text (f, line, &style_body, 0, 4.0);
        }

      if (dataset->stale)
        {
          g_autofree char *note = NULL;
          const char *texts[1];
          const TextStyle *styles[] = { &style_small_ink };

          note = g_strconcat (_("These numbers come from a saved copy and may be out of date."),
                              dataset->warning != NULL ? " " : NULL, dataset->warning, NULL);
          texts[0] = note;
          flow_box (f, texts, styles, 1, note_fill, note_bar);
          flow_space (f, 4.0);
        }
      flow_space (f, 4.0);
    }

  /* the contents: page numbers are filled in once the pages are known */
  for (guint i = 0; i < self->charts->len; i++)
    any_chart = any_chart || chart_shown (self, g_ptr_array_index (self->charts, i));

  if (any_chart || (self->decree != NULL && (self->parts & LENS_BRIEF_PART_CONSENT_DECREE) != 0))
    {
      /* Translators: a heading on the brief's cover */
      flow_heading (f, _("Contents"), &style_h2, 10.0, 30.0);

      for (LensBriefGroup group = LENS_BRIEF_GROUP_CRIME; group <= LENS_BRIEF_GROUP_COMPLAINTS; group++)
        {
          gboolean first = TRUE;

          for (guint i = 0; i < self->charts->len; i++)
            {
              BriefChart *chart = g_ptr_array_index (self->charts, i);
              const char *chart_title = lens_chart_document_get_title (chart->document);
              g_autoptr(PangoLayout) layout = NULL;
              TocEntry entry;
              double height;

              if (!chart_shown (self, chart) || chart->group != group)
                continue;

              if (first)
                flow_text (f, group_name (group), &style_body_bold, 0, 2.0);
              first = FALSE;

              layout = make_layout (self, chart_title != NULL ? chart_title : "", &style_body, f->width - 60.0 - 12.0);
              height = layout_height (layout);
              flow_need (f, height);
              add_text (f->page, layout, f->left + 12.0, f->y, f->width - 60.0 - 12.0, ink);
              entry.page_index = current_page (f);
              entry.x = f->left + f->width - 48.0;
              entry.y = f->y;
              entry.width = 48.0;
              entry.height = height;
              entry.target = &chart->start_page;
              g_array_append_val (toc, entry);
              f->y += height + 2.0;
            }
          if (!first)
            flow_space (f, 4.0);
        }

      if (self->decree != NULL && (self->parts & LENS_BRIEF_PART_CONSENT_DECREE) != 0)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, _("Consent decree"), &style_body_bold, f->width - 60.0);
          TocEntry entry;
          double height = layout_height (layout);

          flow_need (f, height);
          add_text (f->page, layout, f->left, f->y, f->width - 60.0, ink);
          entry.page_index = current_page (f);
          entry.x = f->left + f->width - 48.0;
          entry.y = f->y;
          entry.width = 48.0;
          entry.height = height;
          entry.target = NULL;  /* filled in by the caller */
          g_array_append_val (toc, entry);
          f->y += height + 2.0;
        }
    }

  /* Translators: a heading on the brief's cover */
  flow_heading (f, _("How to read this brief"), &style_h2, 12.0, 40.0);
  flow_bullet (f, _("Each chart has a page of its own: the chart, then every number in it as a table, then where the numbers come from, the notes that limit what they can say, and what the community policing reports say on the subject."),
               &style_body, 3.0);
  flow_bullet (f, _("“Data as of” is when the City last updated a dataset; “fetched” is when Reform Lens downloaded the numbers. A period marked “so far” is not complete yet."),
               &style_body, 3.0);
  flow_bullet (f, _("The numbers are the City of Chicago’s own, from its data portal; Reform Lens counts and draws them but does not change them. Synthetic or test data is labelled as such."),
               &style_body, 3.0);
  flow_bullet (f, _("Read the notes before comparing districts or years: a change in a count can come from a change in how incidents are recorded or reported."),
               &style_body, 3.0);
}

/* Pagination */

/* The translation decides: an untranslated brief is English, left to right. */
static gboolean
direction_is_rtl (PangoContext *context)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoLayoutLine *line;

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, _("Meeting brief: %s"), -1);
  line = pango_layout_get_line_readonly (layout, 0);

  return line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
}

static void
ensure_context (LensBrief *self)
{
  cairo_font_options_t *options;

  g_clear_object (&self->context);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);

  /* metrics that do not depend on the device, so the PDF and a print preview break lines
   * at the same places */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->rtl = direction_is_rtl (self->context);
  pango_context_set_base_dir (self->context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
}

static void
add_page_footers (LensBrief *self,
                  double     margin_x)
{
  g_autoptr(GDateTime) generated = g_date_time_to_local (self->generated_at);
  g_autofree char *date = lens_format_date (generated);
  g_autofree char *left = NULL;
  guint n_pages = self->pages->len;
  double width = self->page_width - 2 * margin_x;
  double y = self->page_height - MIN (40.0, self->page_height * 0.05);

  /* Translators: the footer of each page of the brief: the district, then the date the
   * brief was made */
  left = g_strdup_printf (_("%s · Generated %s"),
                          self->district_label != NULL ? self->district_label : _("Citywide"),
                          date);

  for (guint p = 0; p < n_pages; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);
      g_autofree char *number = NULL;
      g_autoptr(PangoLayout) left_layout = NULL;
      g_autoptr(PangoLayout) right_layout = NULL;
      TextStyle right = style_footer;

      /* Translators: the page number in the footer of each page of the brief */
      number = g_strdup_printf (_("Page %u of %u"), p + 1, n_pages);
      right.align = PANGO_ALIGN_RIGHT;
      left_layout = make_layout (self, left, &style_footer, width * 0.7);
      right_layout = make_layout (self, number, &right, width * 0.3);

      add_line (page, margin_x, y - 5.0, width, 0, 0.5, rule);
      add_text (page, left_layout, margin_x, y, width * 0.7, muted);
      add_text (page, right_layout, margin_x + width * 0.7, y, width * 0.3, muted);
    }
}

static void
paginate (LensBrief *self,
          double     page_width,
          double     page_height)
{
  g_autoptr(GArray) toc = g_array_new (FALSE, FALSE, sizeof (TocEntry));
  double margin = MIN (54.0, MIN (page_width, page_height) * 0.09);
  double chart_height;
  Flow f = { 0 };

  self->page_width = page_width;
  self->page_height = page_height;
  self->dirty = FALSE;

  if (self->generated_at == NULL)
    self->generated_at = g_date_time_new_now_local ();

  ensure_context (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  g_array_set_clear_func (self->outline, outline_entry_clear);

  f.self = self;
  f.left = margin;
  f.top = margin;
  f.width = MAX (page_width - 2 * margin, 72.0);
  /* room for the page footer */
  f.bottom = MAX (page_height - margin - 14.0, f.top + 72.0);
  chart_height = CLAMP ((f.bottom - f.top) * 0.40, 120.0, 380.0);

  flow_new_page (&f);

  if ((self->parts & LENS_BRIEF_PART_COVER) != 0)
    {
      add_outline (self, _("Cover"), 0);
      flow_cover (&f, toc);
    }

  for (LensBriefGroup group = LENS_BRIEF_GROUP_CRIME; group <= LENS_BRIEF_GROUP_COMPLAINTS; group++)
    {
      for (guint i = 0; i < self->charts->len; i++)
        {
          BriefChart *chart = g_ptr_array_index (self->charts, i);

          if (chart_shown (self, chart) && chart->group == group)
            flow_chart_section (&f, chart, chart_height);
        }
    }

  if (self->decree != NULL && (self->parts & LENS_BRIEF_PART_CONSENT_DECREE) != 0)
    {
      flow_consent_decree (&f);
    }

  /* the page numbers of the contents, now that they are known */
  for (guint i = 0; i < toc->len; i++)
    {
      TocEntry *entry = &g_array_index (toc, TocEntry, i);
      GArray *page = g_ptr_array_index (self->pages, entry->page_index);
      guint target = entry->target != NULL ? *entry->target : self->decree_page;
      g_autofree char *number = g_strdup_printf ("%u", target + 1);
      TextStyle right = style_body;
      g_autoptr(PangoLayout) layout = NULL;
      Block *link;

      right.align = PANGO_ALIGN_RIGHT;
      layout = make_layout (self, number, &right, entry->width);
      add_text (page, layout, entry->x, entry->y, entry->width, ink);
      link = add_block (page, BLOCK_LINK, f.left, entry->y, f.width, entry->height);
      link->target_page = target;
    }

  add_page_footers (self, margin);
}

guint
lens_brief_paginate (LensBrief *self,
                     double     page_width,
                     double     page_height)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  paginate (self, page_width, page_height);

  return self->pages->len;
}

guint
lens_brief_get_n_pages (LensBrief *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/* Drawing */

static void
draw_text (cairo_t     *cr,
           const Block *block,
           double       x)
{
  PangoLayoutIter *iter;
  int i = 0;

  if (block->n_lines < 0)
    {
      cairo_move_to (cr, x, block->y);
      pango_cairo_show_layout (cr, block->layout);
      return;
    }

  /* only these lines: the others are on another page, and hidden text would still be in
   * the PDF's text */
  iter = pango_layout_get_iter (block->layout);
  do
    {
      if (i >= block->first_line && i < block->first_line + block->n_lines)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         block->y - block->line_offset + (double) baseline / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < block->first_line + block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_block (LensBrief   *self,
            cairo_t     *cr,
            const Block *block)
{
  /* right-to-left languages read the page mirrored: blocks swap sides, text does not */
  double x = self->rtl ? self->page_width - block->x - block->width : block->x;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      cairo_set_source_rgba (cr, block->rgba[0], block->rgba[1], block->rgba[2], block->rgba[3]);
      draw_text (cr, block, x);
      break;

    case BLOCK_RECT:
      cairo_set_source_rgba (cr, block->rgba[0], block->rgba[1], block->rgba[2], block->rgba[3]);
      cairo_rectangle (cr, x, block->y, block->width, block->height);
      cairo_fill (cr);
      break;

    case BLOCK_LINE:
      {
        double x0 = self->rtl ? self->page_width - block->x : block->x;
        double dx = self->rtl ? -block->width : block->width;

        cairo_save (cr);
        cairo_set_source_rgba (cr, block->rgba[0], block->rgba[1], block->rgba[2], block->rgba[3]);
        cairo_set_line_width (cr, block->line_width);
        if (block->dashed)
          {
            const double dash[] = { 3.0, 2.0 };

            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          }
        cairo_move_to (cr, x0, block->y);
        cairo_rel_line_to (cr, dx, block->height);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;

    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, x, block->y);
      cairo_scale (cr, block->chart_scale, block->chart_scale);
      lens_chart_export_to_cairo_page (block->document, cr,
                                       block->width / block->chart_scale,
                                       block->height / block->chart_scale);
      cairo_restore (cr);
      break;

    case BLOCK_PLOT:
      {
        LensPlotStyle style;

        lens_plot_style_init_light (&style);
        style.font_family = FONT_FAMILY;
        style.font_size_pt = CHART_TICK_PT;
        cairo_save (cr);
        cairo_translate (cr, x, block->y);
        lens_plot_draw (block->series, block->plot_kind, &style, NULL, NULL,
                        _("No compliance figures"), cr, block->width, block->height);
        cairo_restore (cr);
      }
      break;

    case BLOCK_LINK:
      {
        g_autofree char *attributes = NULL;
        double ux = x, uy = block->y;
        double dx = block->width, dy = block->height;

        /* the rectangle is given in device space */
        cairo_user_to_device (cr, &ux, &uy);
        cairo_user_to_device_distance (cr, &dx, &dy);
        /* whole numbers: cairo 1.16 misreads decimals in the attributes under a locale
         * with a decimal comma */
        attributes = g_strdup_printf ("rect=[%d %d %d %d] page=%u",
                                      (int) floor (ux), (int) floor (uy),
                                      (int) ceil (dx), (int) ceil (dy), block->target_page + 1);
        cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_plot (const Block *block)
{
  return block->kind == BLOCK_CHART || block->kind == BLOCK_PLOT;
}

void
lens_brief_draw_page (LensBrief *self,
                      cairo_t   *cr,
                      guint      page)
{
  GArray *blocks;

  g_return_if_fail (LENS_IS_BRIEF (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);

  if (self->dirty)
    paginate (self, self->page_width, self->page_height);

  g_return_if_fail (page < self->pages->len);

  blocks = g_ptr_array_index (self->pages, page);

  /* charts first: the export paints its box white, and the box reaches into the space of
   * the text above it */
  cairo_save (cr);
  for (guint i = 0; i < blocks->len; i++)
    if (is_plot (&g_array_index (blocks, Block, i)))
      draw_block (self, cr, &g_array_index (blocks, Block, i));
  for (guint i = 0; i < blocks->len; i++)
    if (!is_plot (&g_array_index (blocks, Block, i)))
      draw_block (self, cr, &g_array_index (blocks, Block, i));
  cairo_restore (cr);
}

/* The PDF */

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GByteArray *
render_pdf (LensBrief      *self,
            cairo_status_t *status)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (256 * 1024);
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  n_pages = lens_brief_paginate (self, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);

  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes,
                                                 LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  title = g_strdup_printf (_("Meeting brief: %s"),
                           self->district_label != NULL ? self->district_label : _("Citywide"));
  creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  created = g_date_time_format (self->generated_at, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; p++)
    {
      lens_brief_draw_page (self, cr, p);
      cairo_show_page (cr);
    }

  /* bookmarks for a PDF reader's sidebar */
  for (guint i = 0; i < self->outline->len; i++)
    {
      OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      g_autofree char *link = g_strdup_printf ("page=%u", entry->page + 1);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry->title, link, 0);
    }

  *status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_steal_pointer (&bytes);
}

gboolean
lens_brief_write_pdf (LensBrief   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *display = NULL;
  cairo_status_t status;

  g_return_val_if_fail (LENS_IS_BRIEF (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  if (!lens_brief_check (self, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, then the reason */
                   _("Could not save the brief to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  bytes = render_pdf (self, &status);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR,
                   status == CAIRO_STATUS_NO_MEMORY ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_FAILED,
                   _("Could not save the brief to “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  /* A temporary file in the same directory, renamed over @path once complete; on failure
   * GLib removes the temporary file, so no partial file is left. */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Could not save the brief to “%s”: %s"),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
