/* lens-brief.h: the district meeting brief: a cover, the charts with their numbers, sources
 * and report passages, and the consent-decree status, laid out in pages and drawn page by
 * page on any cairo context (a PDF file, or the pages of a print operation)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lens-chart-data.h"
#include "lens-chart-export.h"
#include "lens-consent-decree.h"
#include "lens-district-map-data.h"
#include "lens-filters.h"
#include "lens-reports.h"
#include "lens-standing.h"

G_BEGIN_DECLS

/* US Letter, portrait, in points: the size lens_brief_write_pdf() uses. */
#define LENS_BRIEF_PAGE_WIDTH  612.0
#define LENS_BRIEF_PAGE_HEIGHT 792.0

/* The parts a brief can include, in the order they are printed. */
typedef enum /*< flags >*/
{
  LENS_BRIEF_PART_COVER          = 1 << 0,  /* title, dates, as-of times, how to read it */
  LENS_BRIEF_PART_CRIME          = 1 << 1,  /* the charts of LENS_BRIEF_GROUP_CRIME */
  LENS_BRIEF_PART_COMPLAINTS     = 1 << 2,  /* the charts of LENS_BRIEF_GROUP_COMPLAINTS */
  LENS_BRIEF_PART_CONSENT_DECREE = 1 << 3,  /* needs lens_brief_set_consent_decree() */
  LENS_BRIEF_PART_PASSAGES       = 1 << 4,  /* report passages beside their charts */
  LENS_BRIEF_PART_SHOOTINGS      = 1 << 5,  /* the charts of LENS_BRIEF_GROUP_SHOOTINGS */
  LENS_BRIEF_PART_ARRESTS        = 1 << 6,  /* the charts of LENS_BRIEF_GROUP_ARRESTS */
  LENS_BRIEF_PART_COMPSTAT       = 1 << 7,  /* needs lens_brief_set_compstat() */
  LENS_BRIEF_PART_STANDING       = 1 << 8,  /* needs lens_brief_set_standing() */
  LENS_BRIEF_PART_MAP            = 1 << 9,  /* the district map; needs lens_brief_set_district_map() */
} LensBriefParts;

#define LENS_BRIEF_PARTS_ALL (LENS_BRIEF_PART_COVER | LENS_BRIEF_PART_CRIME |           \
                              LENS_BRIEF_PART_COMPLAINTS | LENS_BRIEF_PART_CONSENT_DECREE | \
                              LENS_BRIEF_PART_PASSAGES | LENS_BRIEF_PART_SHOOTINGS |  \
                              LENS_BRIEF_PART_ARRESTS | LENS_BRIEF_PART_COMPSTAT |    \
                              LENS_BRIEF_PART_STANDING | LENS_BRIEF_PART_MAP)

#define LENS_TYPE_BRIEF_PARTS (lens_brief_parts_get_type ())
GType lens_brief_parts_get_type (void) G_GNUC_CONST;

/* Which part a chart belongs to (the catalogue's "crime", "complaints", "shootings" and
 * "arrests" pages), in the order they are printed. */
typedef enum
{
  LENS_BRIEF_GROUP_CRIME,
  LENS_BRIEF_GROUP_COMPLAINTS,
  LENS_BRIEF_GROUP_SHOOTINGS,
  LENS_BRIEF_GROUP_ARRESTS,
} LensBriefGroup;

#define LENS_BRIEF_N_GROUPS (LENS_BRIEF_GROUP_ARRESTS + 1)

/* The group and the part of the charts of a catalogue page ("crime" for any other). */
LensBriefGroup      lens_brief_group_for_page         (const char         *page);
LensBriefParts      lens_brief_part_for_page          (const char         *page);

#define LENS_TYPE_BRIEF (lens_brief_get_type ())
G_DECLARE_FINAL_TYPE (LensBrief, lens_brief, LENS, BRIEF, GObject)

/* All text is translated when the brief is laid out (lens_brief_paginate()): set the locale
 * first. Numbers and dates follow LC_NUMERIC / LC_TIME through lens-format.h. Must be used on
 * one thread (the main thread: charts are drawn with PLplot). */
LensBrief          *lens_brief_new                    (void);

/* "District 5 – Calumet": the cover title ("Meeting brief: District 5 – Calumet") and the
 * footer of every page. */
void                lens_brief_set_district_label     (LensBrief          *self,
                                                       const char         *label);
const char         *lens_brief_get_district_label     (LensBrief          *self);
/* "Citywide", "District 7 – Chicago Lawn", or NULL for no comparison. */
void                lens_brief_set_comparison_label   (LensBrief          *self,
                                                       const char         *label);
const char         *lens_brief_get_comparison_label   (LensBrief          *self);
/* "1 Jan 2021 – 26 Nov 2026" */
void                lens_brief_set_range_label        (LensBrief          *self,
                                                       const char         *label);
const char         *lens_brief_get_range_label        (LensBrief          *self);
/* Sets the three labels above from @filters. */
void                lens_brief_set_filters            (LensBrief          *self,
                                                       LensFilters        *filters);
/* When the brief was made; NULL: the time of the first lens_brief_paginate(). Shown on the
 * cover, in every page footer and as the PDF's creation date. */
void                lens_brief_set_generated_at       (LensBrief          *self,
                                                       GDateTime          *generated_at);
GDateTime          *lens_brief_get_generated_at       (LensBrief          *self);
/* Default LENS_BRIEF_PARTS_ALL. */
void                lens_brief_set_parts              (LensBrief          *self,
                                                       LensBriefParts      parts);
LensBriefParts      lens_brief_get_parts              (LensBrief          *self);

/* Used for the names of the reports the passages come from, and for the passages of
 * lens_brief_add_chart_data() with @passages NULL. Without it the shipped reports are loaded
 * when first needed. */
void                lens_brief_set_reports            (LensBrief          *self,
                                                       LensReports        *reports);

/* One dataset's provenance for the cover: the portal's rowsUpdatedAt (may be NULL) and when
 * Reform Lens fetched it. @stale: the numbers came from an old saved copy; @warning: why
 * (e.g. the portal could not be reached), or NULL. A dataset added twice keeps the oldest
 * fetch, and is stale when either was. lens_brief_add_chart_data() calls this. */
void                lens_brief_add_dataset            (LensBrief          *self,
                                                       const char         *name,
                                                       GDateTime          *rows_updated_at,
                                                       GDateTime          *fetched_at,
                                                       gboolean            stale,
                                                       const char         *warning);

/* The brief's dates run past @name's data, whose numbers end on @end (the earliest of the
 * days given): the cover says so. @name must have been added. lens_brief_add_chart_data()
 * calls this. */
void                lens_brief_set_dataset_numbers_end (LensBrief         *self,
                                                        const char        *name,
                                                        const GDate       *end);

/* Adds a chart section to LENS_BRIEF_GROUP_CRIME; returns its index. The document's title and
 * plot are drawn with lens_chart_export_to_cairo_page() (its footer lines too: give a
 * document without a footer, since the brief prints @source_lines and @caveats after the
 * table); its column names head the table. @source_lines: filters, source, as-of and fetched
 * lines; @caveats: the chart's caveat texts; both translated, may be NULL. @passages:
 * borrowed `const LensPassage *` as lens_reports_get_passages_for_chart() returns them
 * (copied), or NULL. */
guint               lens_brief_add_chart              (LensBrief          *self,
                                                       LensChartDocument  *document,
                                                       const char * const *source_lines,
                                                       const char * const *caveats,
                                                       GPtrArray          *passages);
/* A loaded chart: its document (without footer), the source lines and caveats of
 * lens_chart_data_dup_footer_lines(), the spec's description, its group from the spec's page,
 * a note when the numbers are stale, and its dataset for the cover. @passages NULL: the
 * passages the reports (lens_brief_set_reports()) tie to the chart's id. */
guint               lens_brief_add_chart_data         (LensBrief          *self,
                                                       LensChartData      *data,
                                                       GPtrArray          *passages);
guint               lens_brief_get_n_charts           (LensBrief          *self);
void                lens_brief_set_chart_group        (LensBrief          *self,
                                                       guint               chart,
                                                       LensBriefGroup      group);
/* One or two sentences under the chart: what is counted and how. */
void                lens_brief_set_chart_description  (LensBrief          *self,
                                                       guint               chart,
                                                       const char         *description);
/* A highlighted note under the chart, e.g. that its numbers came from an old saved copy. */
void                lens_brief_set_chart_note         (LensBrief          *self,
                                                       guint               chart,
                                                       const char         *note);
/* Every chart starts included. */
void                lens_brief_set_chart_included     (LensBrief          *self,
                                                       guint               chart,
                                                       gboolean            included);
gboolean            lens_brief_get_chart_included     (LensBrief          *self,
                                                       guint               chart);

/* The consent-decree part: the latest report's compliance figures with the level meanings,
 * the history as a stacked-bar chart, and the sources. @passages: `const LensPassage *` for
 * the consent-decree page (copied), or NULL. */
/* The district map page: @data drawn with the filters' district outlined (NULL: none). */
void                lens_brief_set_district_map       (LensBrief           *self,
                                                       LensDistrictMapData *data,
                                                       guint                selected);
void                lens_brief_set_consent_decree     (LensBrief          *self,
                                                       LensConsentDecree  *decree,
                                                       GPtrArray          *passages);

/* The CompStat page: the tables of @tables (LensCompstat, one per area, as on screen: the
 * district, the city, the comparison district) with their periods and caveats. */
void                lens_brief_set_compstat           (LensBrief          *self,
                                                       GPtrArray          *tables);
/* Where the district stands: the bars of the 22 with @district (0: none) highlighted. */
void                lens_brief_set_standing           (LensBrief          *self,
                                                       LensStanding       *standing,
                                                       guint               district);

/* TRUE when at least one included chart has a number to show; otherwise FALSE with a
 * G_IO_ERROR_INVALID_DATA error "There is no data for this brief…". */
gboolean            lens_brief_check                  (LensBrief          *self,
                                                       GError            **error);

/* Lays the brief out on pages of @page_width x @page_height (cairo units, taken as points;
 * for a GtkPrintOperation use GTK_UNIT_POINTS and the print context's width and height) and
 * returns the number of pages (at least 1). Done once; call again after changing the brief
 * or for another page size. */
guint               lens_brief_paginate               (LensBrief          *self,
                                                       double              page_width,
                                                       double              page_height);
/* 0 before lens_brief_paginate(). */
guint               lens_brief_get_n_pages            (LensBrief          *self);
/* Draws page @page (from 0) of the last pagination at the origin of @cr, without painting a
 * background. If the brief changed since, it is laid out again at the same size. */
void                lens_brief_draw_page              (LensBrief          *self,
                                                       cairo_t            *cr,
                                                       guint               page);

/* Paginates on Letter pages and writes the PDF atomically (a temporary file in the same
 * directory, renamed when complete): on any error (no data, permission, full disk, a cairo
 * error) no file is left behind and @error is a G_IO_ERROR with a translated sentence naming
 * the file. */
gboolean            lens_brief_write_pdf              (LensBrief          *self,
                                                       const char         *path,
                                                       GError            **error);

/* The table cells as the chart view shows them (lens_describe_value() and
 * lens_describe_label()): "12,345 incidents", "12.3%", "no data"; a partial label as
 * "2026 (so far)". */
char               *lens_brief_format_value           (LensSeries         *series,
                                                       double              value);
char               *lens_brief_format_label           (LensSeries         *series,
                                                       guint               label);

G_END_DECLS
