/* lens-brief-private.h: what the parts of the brief share: its inputs, the display list of
 * each page, the typography, and the flow that lays text, tables and charts out on pages
 *
 *   lens-brief.c           the object, its options and inputs (public API)
 *   lens-brief-flow.c      the flow engine: Pango text, boxes and tables over pages
 *   lens-brief-sections.c  the cover, a chart's section, the consent decree
 *   lens-brief-pages.c     pagination, page footers, drawing a page, the PDF
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "lens-brief.h"
#include "lens-plot.h"

G_BEGIN_DECLS

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
  char              *chart_id;         /* the catalogue id (lens_brief_add_chart_data()), or NULL */
  char              *dataset_id;
  GDateTime         *rows_updated_at;
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
  BLOCK_MAP,
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
  LensDistrictMapData *map;         /* MAP: drawn with lens_map_draw_page() */
  guint              map_selected;  /* MAP: the district outlined */
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
  struct _LensBriefSince *since;       /* lens-brief-since.c, or NULL */
  GPtrArray         *compstat;         /* LensCompstat, one per area */
  LensStanding      *standing;
  guint              standing_district;
  LensDistrictMapData *map;
  guint              map_selected;

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

/* The cursor of the layout: where the next thing goes on the current page. */
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

/* A table: column widths and alignments, then the layouts of its cells. */
typedef struct
{
  guint           n_columns;
  double         *widths;
  PangoAlignment *aligns;
  const TextStyle *cell_style;
  GPtrArray      *headers;   /* PangoLayout */
  GPtrArray      *rows;      /* GPtrArray of PangoLayout */
} Table;

/* An entry of the contents on the cover; its page number is filled in once known. */
typedef struct
{
  guint  page_index;  /* the cover page the entry is on */
  double x, y, width, height;
  guint *target;
} TocEntry;

/* lens-brief.c */
/* The chart is included and so is its part. */
gboolean     brief_chart_shown         (LensBrief        *self,
                                        BriefChart       *chart);

/* lens-brief-flow.c: layouts and blocks */
PangoLayout *brief_make_layout         (LensBrief        *self,
                                        const char       *text,
                                        const TextStyle  *style,
                                        double            width);
double       brief_layout_height       (PangoLayout      *layout);
double       brief_text_width          (LensBrief        *self,
                                        const char       *text,
                                        const TextStyle  *style);
Block       *brief_add_block           (GArray           *page,
                                        BlockKind         kind,
                                        double            x,
                                        double            y,
                                        double            width,
                                        double            height);
void         brief_add_text            (GArray           *page,
                                        PangoLayout      *layout,
                                        double            x,
                                        double            y,
                                        double            width,
                                        const double      rgba[4]);
void         brief_add_line            (GArray           *page,
                                        double            x,
                                        double            y,
                                        double            dx,
                                        double            dy,
                                        double            line_width,
                                        const double      rgba[4]);

/* lens-brief-flow.c: the flow */
void         brief_flow_new_page       (Flow             *f);
gboolean     brief_flow_at_top         (Flow             *f);
/* Starts a new page unless @height fits under the cursor (or the cursor is at the top). */
void         brief_flow_need           (Flow             *f,
                                        double            height);
void         brief_flow_space          (Flow             *f,
                                        double            space);
guint        brief_flow_current_page   (Flow             *f);
void         brief_flow_text           (Flow             *f,
                                        const char       *text,
                                        const TextStyle  *style,
                                        double            indent,
                                        double            space_after);
/* A heading stays with the start of what follows it (@keep points of it). */
void         brief_flow_heading        (Flow             *f,
                                        const char       *text,
                                        const TextStyle  *style,
                                        double            space_before,
                                        double            keep);
void         brief_flow_bullet         (Flow             *f,
                                        const char       *text,
                                        const TextStyle  *style,
                                        double            space_after);
/* A shaded box with a coloured bar at the start edge, kept on one page when it fits. */
void         brief_flow_box            (Flow             *f,
                                        const char      **texts,
                                        const TextStyle **styles,
                                        guint             n_texts,
                                        const double      fill[4],
                                        const double      bar[4]);

/* lens-brief-flow.c: tables */
Table       *brief_table_new           (guint             n_columns);
void         brief_table_free          (Table            *table);
/* Builds the layouts once the widths are known. @rows: of NULL-terminated cell strings. */
void         brief_table_set_cells     (Table            *table,
                                        LensBrief        *self,
                                        const char      **headers,
                                        GPtrArray        *rows);
/* Rows that do not fit go on the next page under @continued and the header row again. */
void         brief_flow_table          (Flow             *f,
                                        Table            *table,
                                        const char       *continued);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, brief_table_free)

/* lens-brief-sections.c */
/* A bookmark of the PDF's outline. */
void         brief_add_outline         (LensBrief        *self,
                                        const char       *title,
                                        guint             page);
void         brief_flow_cover          (Flow             *f,
                                        GArray           *toc);
void         brief_flow_chart_section  (Flow             *f,
                                        BriefChart       *chart,
                                        double            chart_height);
void         brief_flow_consent_decree (Flow             *f);
/* A chart document's export page in a box of @height */
void         brief_flow_chart          (Flow              *f,
                                        LensChartDocument *document,
                                        double             height);

/* lens-brief-compstat.c */
void         brief_flow_compstat       (Flow             *f);
void         brief_flow_standing       (Flow             *f,
                                        double            chart_height);

/* lens-brief-since.c */
void         brief_flow_since          (Flow             *f);
void         brief_since_free          (struct _LensBriefSince *since);

/* lens-brief-map.c */
void         brief_flow_district_map   (Flow             *f);

G_END_DECLS
