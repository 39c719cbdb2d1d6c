/* lens-chart-export.h: a chart as a file (PNG, SVG, PDF, CSV), a page or copied text
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lens-plot.h"
#include "lens-series.h"

G_BEGIN_DECLS

typedef enum
{
  LENS_EXPORT_FORMAT_UNKNOWN,
  LENS_EXPORT_FORMAT_PNG,  /* 1600 x 1000 px */
  LENS_EXPORT_FORMAT_SVG,  /* 800 x 500 pt */
  LENS_EXPORT_FORMAT_PDF,  /* 800 x 500 pt */
  LENS_EXPORT_FORMAT_CSV,  /* the numbers only */
} LensExportFormat;

/* Everything a chart file shows: the series, how it is drawn, a title above, and footer lines
 * under the plot (filters, source, as-of time, caveats: already translated). Reference
 * counted; build it, then treat it as immutable. */
typedef struct _LensChartDocument LensChartDocument;

#define LENS_TYPE_CHART_DOCUMENT (lens_chart_document_get_type ())
GType              lens_chart_document_get_type      (void) G_GNUC_CONST;

LensChartDocument *lens_chart_document_new           (LensSeries         *series,
                                                      LensPlotKind        kind);
LensChartDocument *lens_chart_document_ref           (LensChartDocument  *self);
void               lens_chart_document_unref         (LensChartDocument  *self);

void               lens_chart_document_set_title     (LensChartDocument  *self,
                                                      const char         *title);
void               lens_chart_document_set_axis_titles (LensChartDocument *self,
                                                        const char        *x_title,
                                                        const char        *y_title);
/* Lines of text under the plot, wrapped to the page width. */
void               lens_chart_document_set_footer    (LensChartDocument  *self,
                                                      const char * const *lines);
/* CSV/TSV header: the label column, then one per vector. Missing names default to
 * "Category" and the vector names. */
void               lens_chart_document_set_column_names (LensChartDocument  *self,
                                                         const char * const *names);
/* Shown instead of the plot when the series has no data. */
void               lens_chart_document_set_empty_message (LensChartDocument *self,
                                                          const char        *message);

/* A column of text after the numbers, in the CSV and the copied table only (a published
 * figure as printed, its source...): one cell per label, "" for an empty cell. */
void               lens_chart_document_add_text_column (LensChartDocument  *self,
                                                        const char         *name,
                                                        const char * const *cells);

LensSeries        *lens_chart_document_get_series    (LensChartDocument  *self);
LensPlotKind       lens_chart_document_get_kind      (LensChartDocument  *self);
const char        *lens_chart_document_get_title     (LensChartDocument  *self);

/* "chart.PNG" -> PNG; UNKNOWN when the extension is not one of png, svg, pdf, csv. */
LensExportFormat   lens_export_format_from_path      (const char         *path);

/* Writes the chart to @path atomically (a temporary file in the same directory, renamed when
 * complete): on error no partial file is left and @error is a G_IO_ERROR whose message names
 * the file. @format UNKNOWN: taken from the extension. */
gboolean           lens_chart_export_to_file         (LensChartDocument  *self,
                                                      const char         *path,
                                                      LensExportFormat    format,
                                                      GError            **error);
/* The numbers as RFC 4180 CSV (UTF-8, CRLF, plain C-locale numbers, empty for missing). */
char              *lens_chart_export_to_csv          (LensChartDocument  *self);
/* The numbers as tab-separated text for the clipboard. */
char              *lens_chart_export_to_tsv          (LensChartDocument  *self);
/* Draws title, plot and footer into (0,0)-(@width,@height) of @cr in the light style, for a
 * brief or a printed page. FALSE when @cr ends up in an error state. */
gboolean           lens_chart_export_to_cairo_page   (LensChartDocument  *self,
                                                      cairo_t            *cr,
                                                      double              width,
                                                      double              height);

/* Any drawing as a file, the way charts are written (the same page sizes, atomically): for
 * the district map. @draw draws a page of @width x @height into @cr in the light style; @csv
 * is the file's text for LENS_EXPORT_FORMAT_CSV (NULL: CSV is refused). */
typedef void       (*LensExportDrawFunc)             (cairo_t            *cr,
                                                      double              width,
                                                      double              height,
                                                      gpointer            user_data);
gboolean           lens_export_drawing_to_file       (LensExportDrawFunc  draw,
                                                      gpointer            user_data,
                                                      const char         *title,
                                                      const char         *csv,
                                                      const char         *path,
                                                      LensExportFormat    format,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensChartDocument, lens_chart_document_unref)

G_END_DECLS
