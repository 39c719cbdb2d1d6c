/* lens-brief-sections.c: the cover, a chart's section and the consent decree
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lens-brief-private.h"
#include "lens-describe.h"
#include "lens-format.h"


/* The numbers of a chart: the label column, then one column per vector, named as on screen. */
static Table *
chart_table (LensBrief         *self,
             LensChartDocument *document,
             double             width)
{
  LensSeries *series = lens_chart_document_get_series (document);
  /* the drawn values, then for an index or a share the counts they come from */
  LensSeries *counts = lens_series_get_counts (series);
  guint n_vectors = lens_series_get_n_vectors (series) +
                    (counts != NULL ? lens_series_get_n_vectors (counts) : 0);
  guint n_labels = lens_series_get_n_labels (series);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree const char **headers = g_new0 (const char *, n_vectors + 2);
  g_autofree double *value_widths = g_new0 (double, n_vectors + 2);
  g_autofree char *csv_header = NULL;
  g_auto(GStrv) names = NULL;
  Table *table = brief_table_new (n_vectors + 1);
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
      double head = brief_text_width (self, headers[c], &style_cell_head);

      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, brief_text_width (self, ((char **) g_ptr_array_index (rows, r))[c], &style_cell));
      value_widths[c] = widest;

      table->widths[c] = MAX (MAX (widest, MIN (head, 150.0)), head / 2.0 + 10.0) + 2 * CELL_PAD_X + 4.0;
      table->widths[c] = MAX (table->widths[c], 70.0);
      table->aligns[c] = PANGO_ALIGN_RIGHT;
      values_width += table->widths[c];
    }

  for (guint r = 0; r < rows->len; r++)
    label_width = MAX (label_width, brief_text_width (self, ((char **) g_ptr_array_index (rows, r))[0], &style_cell));
  label_width = MAX (label_width, brief_text_width (self, headers[0], &style_cell_head));

  /* the value columns give way when they would leave the labels too little room: first the
   * room their headings asked for beyond their widest value (a share's long heading next to
   * the counts), then evenly */
  if (values_width > width * 0.7)
    {
      double floor_width = 0;

      for (guint c = 1; c <= n_vectors; c++)
        floor_width += MIN (table->widths[c], value_widths[c] + 2 * CELL_PAD_X + 4.0);

      if (floor_width < width * 0.7)
        {
          double give = (width * 0.7 - floor_width) / (values_width - floor_width);

          for (guint c = 1; c <= n_vectors; c++)
            {
              double least = MIN (table->widths[c], value_widths[c] + 2 * CELL_PAD_X + 4.0);

              table->widths[c] = least + (table->widths[c] - least) * give;
            }
        }
      else
        {
          double shrink = width * 0.7 / values_width;

          for (guint c = 1; c <= n_vectors; c++)
            table->widths[c] *= shrink;
        }
      values_width = width * 0.7;
    }
  table->widths[0] = CLAMP (label_width + 2 * CELL_PAD_X + 12.0, MIN (110.0, width - values_width),
                            width - values_width);
  table->aligns[0] = PANGO_ALIGN_LEFT;

  brief_table_set_cells (table, self, headers, rows);

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

void
brief_flow_chart (Flow              *f,
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

  brief_flow_need (f, height - margin);
  block = brief_add_block (f->page, BLOCK_CHART, f->left - margin, f->y - margin, width, height);
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
    case LENS_BRIEF_GROUP_SHOOTINGS:
      /* Translators: the part of the brief with the charts of homicide and shooting victims */
      return _("Shooting and homicide victims");
    case LENS_BRIEF_GROUP_ARRESTS:
      /* Translators: the part of the brief with the charts of the Arrests dataset */
      return _("Arrests");
    case LENS_BRIEF_GROUP_CRIME:
    default:
      /* Translators: the part of the brief with the charts of reported crime and arrests */
      return _("Crime and arrests");
    }
}

void
brief_add_outline (LensBrief  *self,
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
  brief_flow_heading (f, _("What the reports say"), &style_h3, 10.0, 60.0);

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
      brief_flow_box (f, texts, styles, 3, quote_fill, accent);
      brief_flow_space (f, 6.0);
    }
}

void
brief_flow_chart_section (Flow       *f,
                          BriefChart *chart,
                          double      chart_height)
{
  LensSeries *series = lens_chart_document_get_series (chart->document);
  const char *title = lens_chart_document_get_title (chart->document);
  g_autoptr(Table) table = NULL;
  g_autofree char *continued = NULL;

  if (!brief_flow_at_top (f))
    brief_flow_new_page (f);

  chart->start_page = brief_flow_current_page (f);
  brief_add_outline (f->self, title != NULL ? title : group_name (chart->group), chart->start_page);

  /* horizontal bars need the height for a readable label on every category */
  if (lens_chart_document_get_kind (chart->document) == LENS_PLOT_HORIZONTAL_BAR)
    {
      guint n_vectors = MAX (lens_series_get_n_vectors (series), 1);
      double wanted = 110.0 + lens_series_get_n_labels (series) * (n_vectors > 1 ? 11.0 * n_vectors : 15.0);

      chart_height = CLAMP (wanted, chart_height, (f->bottom - f->top) * 0.6);
    }

  brief_flow_text (f, group_name (chart->group), &style_kicker, 0, 4.0);
  brief_flow_chart (f, chart->document, chart_height);

  brief_flow_space (f, 6.0);
  brief_flow_text (f, chart->description, &style_body, 0, 6.0);

  if (chart->note != NULL)
    {
      const char *texts[] = { chart->note };
      const TextStyle *styles[] = { &style_small_ink };

      brief_flow_box (f, texts, styles, 1, note_fill, note_bar);
      brief_flow_space (f, 6.0);
    }

  /* Translators: a heading in the brief, above the table of a chart's numbers */
  brief_flow_heading (f, _("The numbers"), &style_h3, 6.0, 50.0);
  if (lens_series_get_n_labels (series) == 0 || lens_series_get_n_vectors (series) == 0)
    {
      brief_flow_text (f, _("There are no numbers for this chart."), &style_body, 0, 4.0);
    }
  else
    {
      table = chart_table (f->self, chart->document, f->width);
      /* Translators: above the rest of a table on the next page; %s is the chart's title */
      continued = g_strdup_printf (_("%s (continued)"), title != NULL ? title : _("The numbers"));
      brief_flow_table (f, table, continued);
    }

  if ((chart->source_lines != NULL && chart->source_lines[0] != NULL) ||
      (chart->caveats != NULL && chart->caveats[0] != NULL))
    {
      /* Translators: a heading in the brief, above a chart's source, dates and caveats */
      brief_flow_heading (f, _("Source and notes"), &style_h3, 12.0, 30.0);
      for (guint i = 0; chart->source_lines != NULL && chart->source_lines[i] != NULL; i++)
        brief_flow_text (f, chart->source_lines[i], &style_small, 0, 2.0);
      brief_flow_space (f, 3.0);
      for (guint i = 0; chart->caveats != NULL && chart->caveats[i] != NULL; i++)
        brief_flow_bullet (f, chart->caveats[i], &style_small_ink, 2.0);
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

  brief_flow_need (f, height);
  block = brief_add_block (f->page, BLOCK_PLOT, f->left, f->y, f->width, height);
  block->series = lens_series_ref (series);
  block->plot_kind = kind;
  f->y += height;
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
  g_autoptr(Table) table = brief_table_new (G_N_ELEMENTS (columns) + 1);
  const char *headers[G_N_ELEMENTS (columns) + 1];
  double total = 0;

  /* Translators: the heading of the column of monitoring reports ("IMR-11") in the brief */
  headers[0] = _("Report");
  table->aligns[0] = PANGO_ALIGN_LEFT;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      headers[c + 1] = lens_describe_level (decree, columns[c]);
      table->aligns[c + 1] = PANGO_ALIGN_RIGHT;
    }

  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);
      const LensComplianceBar *bar = lens_compliance_bars_find (bars, report->number);
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
      double widest = brief_text_width (f->self, headers[c], &style_cell_head);

      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, brief_text_width (f->self, ((char **) g_ptr_array_index (rows, r))[c], &style_cell));
      table->widths[c] = widest + 2 * CELL_PAD_X + 4.0;
      total += table->widths[c];
    }
  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] *= f->width / total;

  brief_table_set_cells (table, f->self, headers, rows);
  brief_flow_table (f, table, NULL);
}

void
brief_flow_consent_decree (Flow *f)
{
  LensBrief *self = f->self;
  LensConsentDecree *decree = self->decree;
  const LensMonitoringReport *latest = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Table) table = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[3];

  if (!brief_flow_at_top (f))
    brief_flow_new_page (f);

  self->decree_page = brief_flow_current_page (f);
  brief_add_outline (self, _("Consent decree"), self->decree_page);

  /* Translators: the kicker above the consent-decree part of the brief */
  brief_flow_text (f, _("Consent decree"), &style_kicker, 0, 4.0);
  /* Translators: the heading of the consent-decree part of the brief */
  brief_flow_heading (f, _("How far the Chicago Police Department has come in meeting the consent decree"),
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
      brief_flow_text (f, _("The monitor has not published compliance figures yet."), &style_body, 0, 8.0);
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
      brief_flow_text (f, intro, &style_body, 0, 8.0);

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

          cells[0] = g_strdup (lens_describe_level (decree, level));
          cells[1] = lens_describe_figure (figure);
          cells[2] = g_strdup (meaning != NULL ? meaning->meaning : "");
          g_ptr_array_add (rows, cells);

          if (figure != NULL)
            add_source (sources, &figure->source);
          if (meaning != NULL)
            add_source (sources, &meaning->source);
        }

      table = brief_table_new (3);
      table->widths[0] = 110.0;
      table->widths[1] = 95.0;
      table->widths[2] = f->width - 205.0;
      table->aligns[0] = PANGO_ALIGN_LEFT;
      table->aligns[1] = PANGO_ALIGN_RIGHT;
      table->aligns[2] = PANGO_ALIGN_LEFT;
      brief_table_set_cells (table, self, headers, rows);
      brief_flow_table (f, table, NULL);
      brief_flow_space (f, 6.0);

      if (latest->denominator.kind == LENS_DENOMINATOR_MONITORABLE)
        {
          guint count = 0;

          lens_consent_decree_get_monitorable_paragraphs (decree, &count);
          if (count > 0)
            {
              g_autofree char *n = lens_format_count (count);
              g_autofree char *text = g_strdup_printf (_("Shares are of the %s monitorable paragraphs of the consent decree. Each paragraph counts once, at the highest level it has reached."), n);

              brief_flow_text (f, text, &style_small_ink, 0, 3.0);
            }
        }
      else if (latest->denominator.kind == LENS_DENOMINATOR_ASSESSED && latest->denominator.count > 0)
        {
          g_autofree char *n = lens_format_count (latest->denominator.count);
          g_autofree char *text = g_strdup_printf (_("Shares are of the %s paragraphs the monitor assessed in that period."), n);

          brief_flow_text (f, text, &style_small_ink, 0, 3.0);
          add_source (sources, &latest->denominator.source);
        }

      brief_flow_text (f, latest->note, &style_small_ink, 0, 3.0);
    }

  bars = lens_consent_decree_get_compliance_bars (decree);
  if (bars->len > 0)
    {
      g_autoptr(LensSeries) series = lens_describe_compliance_series (decree);
      const LensSourcedText *change;
      guint first_report = 0;
      gboolean any_derived = FALSE;

      /* Translators: a heading in the brief, above the chart of compliance by report */
      brief_flow_heading (f, _("Compliance in each monitoring report"), &style_h3, 12.0, 210.0);
      flow_plot (f, series, LENS_PLOT_STACKED_BAR, 210.0);
      brief_flow_space (f, 6.0);

      /* the words under the chart on the consent-decree page */
      brief_flow_text (f, _("The share of the decree’s paragraphs at each level of compliance, as published for each of the monitor’s reports. Each paragraph counts once, at the highest level it has reached."),
                       &style_small_ink, 0, 3.0);
      brief_flow_text (f, _("A dashed empty slot is a report for which no shares by level were published; a bar with only the full level had only that share published. The figures, with their sources, are listed below."),
                       &style_small_ink, 0, 3.0);
      change = lens_consent_decree_get_denominator_change (decree, &first_report);
      if (change != NULL && change->text != NULL)
        {
          g_autofree char *name = lens_describe_report_name (first_report);
          g_autofree char *text = g_strdup_printf (_("The dashed line before %s: %s"), name, change->text);

          brief_flow_text (f, text, &style_small_ink, 0, 3.0);
          add_source (sources, &change->source);
        }
      brief_flow_space (f, 6.0);

      flow_compliance_table (f, decree, bars, &any_derived);
      brief_flow_space (f, 4.0);
      if (any_derived)
        brief_flow_text (f, _("A share in brackets was worked out by Reform Lens from the published count of paragraphs."),
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
      brief_flow_heading (f, _("Sources"), &style_h3, 10.0, 24.0);
      for (guint i = 0; i < sources->len; i++)
        brief_flow_bullet (f, g_ptr_array_index (sources, i), &style_small, 1.5);
    }

  flow_passages (f, self->decree_passages);
}

void
brief_flow_cover (Flow   *f,
                  GArray *toc)
{
  LensBrief *self = f->self;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) generated = g_date_time_to_local (self->generated_at);
  g_autofree char *generated_text = lens_format_datetime (generated);
  gboolean any_chart = FALSE;

  /* Translators: the kicker above the brief's title */
  brief_flow_text (f, _("District meeting brief"), &style_kicker, 0, 4.0);
  /* Translators: the brief's title; %s is "District 5 – Calumet" or "Citywide" */
  title = g_strdup_printf (_("Meeting brief: %s"),
                           self->district_label != NULL ? self->district_label : _("Citywide"));
  brief_flow_text (f, title, &style_title, 0, 10.0);

  if (self->comparison_label != NULL)
    {
      /* Translators: on the brief's cover; %s is "Citywide" or another district */
      g_autofree char *text = g_strdup_printf (_("Compared with: %s"), self->comparison_label);

      brief_flow_text (f, text, &style_info, 0, 3.0);
    }
  if (self->range_label != NULL)
    {
      /* Translators: on the brief's cover; %s is "1 Jan 2021 – 26 Nov 2026" */
      g_autofree char *text = g_strdup_printf (_("Dates: %s"), self->range_label);

      brief_flow_text (f, text, &style_info, 0, 3.0);
    }
  {
    /* Translators: on the brief's cover; %s is a date and time */
    g_autofree char *text = g_strdup_printf (_("Generated: %s"), generated_text);

    brief_flow_text (f, text, &style_info, 0, 3.0);
  }

  brief_flow_space (f, 8.0);
  brief_add_line (f->page, f->left, f->y, f->width, 0, 0.75, rule);
  brief_flow_space (f, 10.0);

  /* Translators: a heading on the brief's cover, above the as-of times of each dataset */
  brief_flow_heading (f, _("Where the numbers come from"), &style_h2, 0, 40.0);
  if (self->datasets->len == 0)
    brief_flow_text (f, _("This brief has no numbers from the City of Chicago data portal."), &style_body, 0, 4.0);

  for (guint i = 0; i < self->datasets->len; i++)
    {
      BriefDataset *dataset = g_ptr_array_index (self->datasets, i);
      g_autoptr(GString) when = g_string_new (NULL);

      brief_flow_need (f, 40.0);
      brief_flow_text (f, dataset->name, &style_body_bold, 0, 1.0);

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
      brief_flow_text (f, when->str, &style_body, 0, 4.0);

      if (g_date_valid (&dataset->numbers_end))
        {
          g_autofree char *line = lens_chart_dup_data_end_line (&dataset->numbers_end);

          brief_flow_text (f, line, &style_body, 0, 4.0);
        }

      if (dataset->stale)
        {
          g_autofree char *note = NULL;
          const char *texts[1];
          const TextStyle *styles[] = { &style_small_ink };

          note = g_strconcat (_("These numbers come from a saved copy and may be out of date."),
                              dataset->warning != NULL ? " " : NULL, dataset->warning, NULL);
          texts[0] = note;
          brief_flow_box (f, texts, styles, 1, note_fill, note_bar);
          brief_flow_space (f, 4.0);
        }
      brief_flow_space (f, 4.0);
    }

  /* the contents: page numbers are filled in once the pages are known */
  for (guint i = 0; i < self->charts->len; i++)
    any_chart = any_chart || brief_chart_shown (self, g_ptr_array_index (self->charts, i));

  if (any_chart || (self->decree != NULL && (self->parts & LENS_BRIEF_PART_CONSENT_DECREE) != 0))
    {
      /* Translators: a heading on the brief's cover */
      brief_flow_heading (f, _("Contents"), &style_h2, 10.0, 30.0);

      for (LensBriefGroup group = LENS_BRIEF_GROUP_CRIME; group < LENS_BRIEF_N_GROUPS; group++)
        {
          gboolean first = TRUE;

          for (guint i = 0; i < self->charts->len; i++)
            {
              BriefChart *chart = g_ptr_array_index (self->charts, i);
              const char *chart_title = lens_chart_document_get_title (chart->document);
              g_autoptr(PangoLayout) layout = NULL;
              TocEntry entry;
              double height;

              if (!brief_chart_shown (self, chart) || chart->group != group)
                continue;

              if (first)
                brief_flow_text (f, group_name (group), &style_body_bold, 0, 2.0);
              first = FALSE;

              layout = brief_make_layout (self, chart_title != NULL ? chart_title : "", &style_body, f->width - 60.0 - 12.0);
              height = brief_layout_height (layout);
              brief_flow_need (f, height);
              brief_add_text (f->page, layout, f->left + 12.0, f->y, f->width - 60.0 - 12.0, ink);
              entry.page_index = brief_flow_current_page (f);
              entry.x = f->left + f->width - 48.0;
              entry.y = f->y;
              entry.width = 48.0;
              entry.height = height;
              entry.target = &chart->start_page;
              g_array_append_val (toc, entry);
              f->y += height + 2.0;
            }
          if (!first)
            brief_flow_space (f, 4.0);
        }

      if (self->decree != NULL && (self->parts & LENS_BRIEF_PART_CONSENT_DECREE) != 0)
        {
          g_autoptr(PangoLayout) layout = brief_make_layout (self, _("Consent decree"), &style_body_bold, f->width - 60.0);
          TocEntry entry;
          double height = brief_layout_height (layout);

          brief_flow_need (f, height);
          brief_add_text (f->page, layout, f->left, f->y, f->width - 60.0, ink);
          entry.page_index = brief_flow_current_page (f);
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
  brief_flow_heading (f, _("How to read this brief"), &style_h2, 12.0, 40.0);
  brief_flow_bullet (f, _("Each chart has a page of its own: the chart, then every number in it as a table, then where the numbers come from, the notes that limit what they can say, and what the community policing reports say on the subject."),
                     &style_body, 3.0);
  brief_flow_bullet (f, _("“Data as of” is when the City last updated a dataset; “fetched” is when Reform Lens downloaded the numbers. A period marked “so far” is not complete yet."),
                     &style_body, 3.0);
  brief_flow_bullet (f, _("The numbers are the City of Chicago’s own, from its data portal; Reform Lens counts and draws them but does not change them. Synthetic or test data is labelled as such."),
                     &style_body, 3.0);
  brief_flow_bullet (f, _("Read the notes before comparing districts or years: a change in a count can come from a change in how incidents are recorded or reported."),
                     &style_body, 3.0);
}
