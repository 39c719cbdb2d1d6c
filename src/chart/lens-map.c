/* lens-map.c: the district map
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "lens-datasets.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-format.h"
#include "lens-language.h"
#include "lens-map.h"

/* Sequential classes, light to dark on a light page and dark to bright on a dark one, so
 * "more" always stands out from the background (ColorBrewer OrRd and a darkened YlOrBr). */
static const guint32 light_palette[LENS_MAP_MAX_CLASSES] = {
  0xfef0d9, 0xfdcc8a, 0xfc8d59, 0xe34a33, 0xb30000
};
static const guint32 dark_palette[LENS_MAP_MAX_CLASSES] = {
  0x4a2a1c, 0x7f3b1b, 0xb8541f, 0xe8802e, 0xfdc26a
};

static void
rgb (guint32 color,
     double  out[3])
{
  out[0] = ((color >> 16) & 0xff) / 255.0;
  out[1] = ((color >> 8) & 0xff) / 255.0;
  out[2] = (color & 0xff) / 255.0;
}

/* Classes */

typedef struct
{
  guint  n_classes;
  double lo[LENS_MAP_MAX_CLASSES];
  double hi[LENS_MAP_MAX_CLASSES];
} Classes;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* About as many districts per class (quantiles); ties never split */
static void
compute_classes (LensDistrictMapData *data,
                 Classes             *classes)
{
  LensDistrictRanking *ranking = lens_district_map_data_get_ranking (data);
  guint n = lens_district_ranking_get_n_ranked (ranking);
  g_autofree double *values = g_new (double, MAX (n, 1));
  guint start = 0;

  memset (classes, 0, sizeof *classes);
  for (guint i = 0; i < n; i++)
    values[i] = lens_district_ranking_get_nth (ranking, i)->value;
  qsort (values, n, sizeof (double), compare_doubles);

  for (guint k = 0; k < LENS_MAP_MAX_CLASSES && start < n; k++)
    {
      guint end = MAX ((k + 1) * n / LENS_MAP_MAX_CLASSES, start + 1);

      /* Equal values stay together */
      while (end < n && values[end] == values[end - 1])
        end++;
      if (k == LENS_MAP_MAX_CLASSES - 1)
        end = n;
      classes->lo[classes->n_classes] = values[start];
      classes->hi[classes->n_classes] = values[end - 1];
      classes->n_classes++;
      start = end;
    }
}

static int
class_of (const Classes *classes,
          double         value)
{
  for (guint k = 0; k < classes->n_classes; k++)
    if (value <= classes->hi[k])
      return k;
  return classes->n_classes > 0 ? (int) classes->n_classes - 1 : -1;
}

static void
class_color (const Classes       *classes,
             const LensPlotStyle *style,
             int                  klass,
             double               out[3])
{
  const guint32 *palette = style->dark ? dark_palette : light_palette;
  guint index = 0;

  /* Fewer classes spread over the whole ramp */
  if (classes->n_classes > 1)
    index = (guint) lround ((double) klass * (LENS_MAP_MAX_CLASSES - 1) / (classes->n_classes - 1));
  rgb (palette[MIN (index, LENS_MAP_MAX_CLASSES - 1)], out);
}

static void
neutral_color (const LensPlotStyle *style,
               double               out[3])
{
  rgb (style->dark ? 0x5a5a5a : 0xd4d4d4, out);
}

guint
lens_map_get_n_classes (LensDistrictMapData *data)
{
  Classes classes;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), 0);
  compute_classes (data, &classes);
  return classes.n_classes;
}

void
lens_map_get_class_range (LensDistrictMapData *data,
                          guint                klass,
                          double              *lo,
                          double              *hi)
{
  Classes classes;

  g_return_if_fail (LENS_IS_DISTRICT_MAP_DATA (data));
  compute_classes (data, &classes);
  g_return_if_fail (klass < classes.n_classes);
  *lo = classes.lo[klass];
  *hi = classes.hi[klass];
}

int
lens_map_get_class (LensDistrictMapData *data,
                    guint                district)
{
  const LensDistrictStanding *standing;
  Classes classes;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), -1);
  standing = lens_district_ranking_lookup (lens_district_map_data_get_ranking (data), district);
  if (standing == NULL)
    return -1;
  compute_classes (data, &classes);
  return class_of (&classes, standing->value);
}

/* Words */

static char *
dup_period_text (LensDistrictMapData *data)
{
  const LensPeriod *days = lens_district_map_data_get_days (data);
  g_autofree char *range = lens_describe_period (&days->from, &days->to, NULL);

  /* Translators: "Last 28 days: 3 Nov 2026 – 30 Nov 2026" */
  return g_strdup_printf (_("%s: %s"), lens_map_period_get_label (lens_district_map_data_get_period (data)),
                          range);
}

char *
lens_map_dup_title (LensDistrictMapData *data)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), NULL);
  period = dup_period_text (data);
  /* Translators: "All index crimes by district, Last 28 days: 3 Nov 2026 – 30 Nov 2026" */
  return g_strdup_printf (_("%s by district, %s"), lens_district_map_data_get_measure_label (data), period);
}

char *
lens_map_dup_district_text (LensDistrictMapData *data,
                            guint                district)
{
  const LensDistrictStanding *standing;
  g_autofree char *count = NULL;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), NULL);

  standing = lens_district_ranking_lookup (lens_district_map_data_get_ranking (data), district);
  if (standing == NULL)
    /* Translators: %u is a district number (31) that is not one of the 22 police districts */
    return g_strdup_printf (_("District %u: not ranked"), district);

  count = lens_format_count (standing->value);
  /* Translators: "District 5: 1,234 incidents" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "District %u: %s incident", "District %u: %s incidents",
                                       (gulong) MIN (standing->value, G_MAXULONG)),
                          district, count);
}

char *
lens_map_dup_csv (LensDistrictMapData *data)
{
  LensDistrictRanking *ranking;
  GString *csv;
  const char *header[] = { _("District"), NULL, _("Rank") };

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), NULL);

  ranking = lens_district_map_data_get_ranking (data);
  header[1] = lens_district_map_data_get_measure_label (data);
  csv = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_string_append (csv, i ? ",\"" : "\"");
      for (const char *p = header[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  g_string_append (csv, "\r\n");
  for (guint i = 0; i < lens_district_ranking_get_n_ranked (ranking); i++)
    {
      const LensDistrictStanding *standing = lens_district_ranking_get_nth (ranking, i);

      g_string_append_printf (csv, "%u,%.0f,%u\r\n", standing->district, standing->value, standing->rank);
    }

  return g_string_free (csv, FALSE);
}

/* Layout: the same for drawing and hit-testing */

typedef struct
{
  double            font;       /* base text size, in cairo units */
  double            margin;
  gboolean          rtl;
  gboolean          legend_below;
  cairo_rectangle_t title;
  cairo_rectangle_t map;
  cairo_rectangle_t legend;
  /* the projection: x = ox + (lon - min.lon) * kx * scale, y = oy + (max.lat - lat) * scale */
  LensGeoPoint      min, max;
  double            kx, scale, ox, oy;
} Layout;

static void
compute_layout (LensDistrictMapData *data,
                LensMapDrawFlags     flags,
                double               width,
                double               height,
                Layout              *l)
{
  cairo_rectangle_t area;
  double map_w, map_h;

  memset (l, 0, sizeof *l);
  l->font = CLAMP (MIN (width, height) / 45.0, 9.0, 15.0);
  l->margin = l->font;
  l->rtl = lens_language_is_rtl ();

  area.x = l->margin;
  area.y = l->margin;
  area.width = MAX (width - 2 * l->margin, 1);
  area.height = MAX (height - 2 * l->margin, 1);
  if (flags & LENS_MAP_DRAW_TITLE)
    {
      l->title = (cairo_rectangle_t) { area.x, area.y, area.width, l->font * 3.4 };
      area.y += l->title.height;
      area.height = MAX (area.height - l->title.height, 1);
    }

  /* Chicago is taller than wide: the legend beside it when there is room, else below */
  l->legend_below = area.width < area.height * 1.05;
  if (!l->legend_below)
    {
      double legend_w = CLAMP (area.width * 0.38, l->font * 14, l->font * 28);

      l->legend = (cairo_rectangle_t) { l->rtl ? area.x : area.x + area.width - legend_w, area.y,
                                        legend_w, area.height };
      l->map = (cairo_rectangle_t) { l->rtl ? area.x + legend_w + l->margin : area.x, area.y,
                                     MAX (area.width - legend_w - l->margin, 1), area.height };
    }
  else
    {
      /* the classes, 31 and the outlined district, the words above and under them */
      double legend_h = l->font * 1.75 * (LENS_MAP_MAX_CLASSES + 2) + l->font * 9.5 +
                        ((flags & LENS_MAP_DRAW_SOURCE) ? l->font * 4.5 : 0);

      legend_h = MIN (area.height * 0.55, legend_h);

      l->map = (cairo_rectangle_t) { area.x, area.y, area.width, MAX (area.height - legend_h - l->margin, 1) };
      l->legend = (cairo_rectangle_t) { area.x, area.y + l->map.height + l->margin, area.width, legend_h };
    }

  /* Equirectangular, x shrunk by cos(latitude) so that a degree of longitude is as long as
   * it is in Chicago (about 0.75 of a degree of latitude) */
  lens_boundaries_get_extent (lens_district_map_data_get_boundaries (data), &l->min, &l->max);
  l->kx = cos ((l->min.lat + l->max.lat) / 2 * G_PI / 180.0);
  map_w = MAX ((l->max.lon - l->min.lon) * l->kx, 1e-9);
  map_h = MAX (l->max.lat - l->min.lat, 1e-9);
  l->scale = MIN (l->map.width / map_w, l->map.height / map_h);
  l->ox = l->map.x + (l->map.width - map_w * l->scale) / 2;
  l->oy = l->map.y + (l->map.height - map_h * l->scale) / 2;

  /* Beside it, the legend follows the map's edge, not the page's: the two stay together */
  if (!l->legend_below)
    {
      double slack = (l->map.width - map_w * l->scale) / 2;

      l->legend.x += l->rtl ? slack : -slack;
    }
}

static inline void
project (const Layout *l,
         double        lon,
         double        lat,
         double       *x,
         double       *y)
{
  *x = l->ox + (lon - l->min.lon) * l->kx * l->scale;
  *y = l->oy + (l->max.lat - lat) * l->scale;
}

static inline void
unproject (const Layout *l,
           double        x,
           double        y,
           double       *lon,
           double       *lat)
{
  *lon = l->min.lon + (x - l->ox) / (l->kx * l->scale);
  *lat = l->max.lat - (y - l->oy) / l->scale;
}

static guint
feature_path (cairo_t            *cr,
              const Layout       *l,
              const LensBoundary *boundary)
{
  guint n_outer = 0;

  for (guint r = 0; r < boundary->n_rings; r++)
    {
      const LensGeoRing *ring = &boundary->rings[r];
      double last_x = NAN, last_y = NAN;

      if (ring->n_points < 3)
        continue;
      n_outer += !ring->hole;
      for (guint p = 0; p < ring->n_points; p++)
        {
          double x, y;

          project (l, ring->points[p].lon, ring->points[p].lat, &x, &y);
          if (p == 0)
            cairo_move_to (cr, x, y);
          /* Thousands of points closer than about half a pixel add nothing but time */
          else if (fabs (x - last_x) < 0.6 && fabs (y - last_y) < 0.6 && p + 1 < ring->n_points)
            continue;
          else
            cairo_line_to (cr, x, y);
          last_x = x;
          last_y = y;
        }
      cairo_close_path (cr);
    }

  return n_outer;
}

guint
lens_map_hit_test (LensDistrictMapData *data,
                   LensMapDrawFlags     flags,
                   double               width,
                   double               height,
                   double               x,
                   double               y)
{
  Layout l;
  double lon, lat;
  guint district;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), 0);

  compute_layout (data, flags, width, height, &l);
  unproject (&l, x, y, &lon, &lat);
  district = lens_boundaries_hit_test (lens_district_map_data_get_boundaries (data), lon, lat);
  if (lens_district_ranking_lookup (lens_district_map_data_get_ranking (data), district) == NULL)
    return 0;
  return district;
}

gboolean
lens_map_get_district_point (LensDistrictMapData *data,
                             LensMapDrawFlags     flags,
                             double               width,
                             double               height,
                             guint                district,
                             double              *x,
                             double              *y)
{
  LensBoundaries *boundaries;
  Layout l;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), FALSE);

  boundaries = lens_district_map_data_get_boundaries (data);
  compute_layout (data, flags, width, height, &l);
  for (guint i = 0; i < lens_boundaries_get_n_features (boundaries); i++)
    {
      const LensBoundary *boundary = lens_boundaries_get_nth (boundaries, i);

      if (boundary->district == district)
        {
          LensGeoPoint p = lens_boundary_get_label_point (boundary);

          project (&l, p.lon, p.lat, x, y);
          return TRUE;
        }
    }

  return FALSE;
}

/* Text */

static PangoLayout *
text_layout (cairo_t             *cr,
             const LensPlotStyle *style,
             const char          *text,
             double               size,
             gboolean             bold,
             double               width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* Right to left: every line starts at the right, numbers ("120 – 340") too, and Arabic
   * sentences get their punctuation where they belong */
  if (lens_language_is_rtl ())
    {
      pango_context_set_base_dir (pango_layout_get_context (layout), PANGO_DIRECTION_RTL);
      pango_layout_context_changed (layout);
      pango_layout_set_auto_dir (layout, FALSE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }
  else
    pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);

  return layout;
}

static double
legend_row (cairo_t             *cr,
            const LensPlotStyle *style,
            const Layout        *l,
            const double         fill[3],
            gboolean             outline_only,
            const char          *text,
            double               y)
{
  double box = l->font * 1.3;
  double text_w = l->legend.width - box - l->font * 0.6;
  double box_x = l->rtl ? l->legend.x + l->legend.width - box : l->legend.x;
  double text_x = l->rtl ? l->legend.x : l->legend.x + box + l->font * 0.6;
  g_autoptr(PangoLayout) layout = text_layout (cr, style, text, l->font, FALSE, text_w);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_rectangle (cr, box_x + 0.5, y + 0.5, box - 1, box - 1);
  if (!outline_only)
    {
      cairo_set_source_rgb (cr, fill[0], fill[1], fill[2]);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2], 0.45);
    }
  else
    {
      cairo_set_line_width (cr, 3);
      cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2], 1);
    }
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2],
                         style->foreground[3]);
  cairo_move_to (cr, text_x, y + MAX (0, (box - h) / 2));
  pango_cairo_show_layout (cr, layout);
  return MAX (box, h) + l->font * 0.45;
}

static double
legend_text (cairo_t             *cr,
             const LensPlotStyle *style,
             const Layout        *l,
             const char          *text,
             double               size,
             gboolean             bold,
             double               alpha,
             double               y)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, style, text, size, bold, l->legend.width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2],
                         style->foreground[3] * alpha);
  cairo_move_to (cr, l->legend.x, y);
  pango_cairo_show_layout (cr, layout);
  return h + l->font * 0.5;
}

static char *
dup_range (double lo,
           double hi)
{
  g_autofree char *a = lens_format_count (lo);
  g_autofree char *b = lens_format_count (hi);

  if (lo == hi)
    return g_steal_pointer (&a);
  /* Translators: a range of counts in the map's legend: "120 – 340" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

static void
draw_legend (LensDistrictMapData *data,
             const LensPlotStyle *style,
             const Layout        *l,
             const Classes       *classes,
             guint                selected,
             LensMapDrawFlags     flags,
             cairo_t             *cr)
{
  g_autofree char *period = dup_period_text (data);
  double y = l->legend.y;
  double fill[3];

  cairo_save (cr);
  cairo_rectangle (cr, l->legend.x, l->legend.y, l->legend.width, l->legend.height);
  cairo_clip (cr);

  y += legend_text (cr, style, l, lens_district_map_data_get_measure_label (data), l->font * 1.15, TRUE, 1, y);
  y += legend_text (cr, style, l, period, l->font, FALSE, 0.75, y);
  /* Translators: the heading of the map legend's classes */
  y += legend_text (cr, style, l, _("Incidents per district"), l->font, TRUE, 1, y);

  for (guint k = classes->n_classes; k-- > 0;)
    {
      g_autofree char *range = dup_range (classes->lo[k], classes->hi[k]);

      class_color (classes, style, k, fill);
      y += legend_row (cr, style, l, fill, FALSE, range, y);
    }
  neutral_color (style, fill);
  y += legend_row (cr, style, l, fill, FALSE, _("District 31: not one of the 22 districts, not ranked"), y);

  if (selected != 0)
    {
      const LensDistrictStanding *standing =
        lens_district_ranking_lookup (lens_district_map_data_get_ranking (data), selected);

      if (standing != NULL)
        {
          g_autofree char *text = lens_map_dup_district_text (data, selected);
          g_autofree char *row = NULL;

          /* Translators: "Outlined: District 5: 1,234 incidents, rank 3 of 22" */
          row = g_strdup_printf (_("Outlined: %s, rank %u of %u"), text, standing->rank,
                                 lens_district_ranking_get_n_ranked (lens_district_map_data_get_ranking (data)));
          y += legend_row (cr, style, l, fill, TRUE, row, y);
        }
    }

  y += l->font * 0.3;
  y += legend_text (cr, style, l, _("Counts of incidents, not rates: districts differ in area and population."),
                    l->font * 0.95, FALSE, 0.75, y);

  if (flags & LENS_MAP_DRAW_SOURCE)
    {
      g_autofree char *when = NULL;
      g_autofree char *source = NULL;
      LensQueryResult *counts = lens_district_map_data_get_counts (data);

      when = lens_format_datetime (counts != NULL ? lens_query_result_get_fetched_at (counts)
                                                  : lens_boundaries_result_get_fetched_at (lens_district_map_data_get_boundaries_result (data)));
      /* Translators: %s is a date and time */
      source = g_strdup_printf (_("Source: City of Chicago Data Portal, Crimes - 2001 to Present (ijzp-q8t2) and Boundaries - Police Districts (current) (24zt-jpfn); fetched %s."),
                                when);
      y += legend_text (cr, style, l, source, l->font * 0.85, FALSE, 0.75, y);
    }

  cairo_restore (cr);
}

static double
luminance (const double c[3])
{
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

void
lens_map_draw (LensDistrictMapData *data,
               const LensPlotStyle *style,
               guint                selected,
               LensMapDrawFlags     flags,
               cairo_t             *cr,
               double               width,
               double               height,
               LensMapStats        *stats)
{
  LensBoundaries *boundaries;
  LensDistrictRanking *ranking;
  LensMapStats counted = { 0 };
  Classes classes;
  Layout l;

  g_return_if_fail (LENS_IS_DISTRICT_MAP_DATA (data));
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 1 && height > 1 && isfinite (width) && isfinite (height)))
    {
      if (stats != NULL)
        *stats = counted;
      return;
    }

  boundaries = lens_district_map_data_get_boundaries (data);
  ranking = lens_district_map_data_get_ranking (data);
  compute_classes (data, &classes);
  compute_layout (data, flags, width, height, &l);
  counted.n_classes = classes.n_classes;

  cairo_save (cr);
  if (style->background[3] > 0)
    {
      cairo_set_source_rgba (cr, style->background[0], style->background[1], style->background[2],
                             style->background[3]);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  if (flags & LENS_MAP_DRAW_TITLE)
    {
      g_autofree char *title = lens_map_dup_title (data);
      g_autoptr(PangoLayout) layout = text_layout (cr, style, title, l.font * 1.4, TRUE, l.title.width);

      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2],
                             style->foreground[3]);
      cairo_move_to (cr, l.title.x, l.title.y);
      pango_cairo_show_layout (cr, layout);
    }

  /* The districts */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  for (guint i = 0; i < lens_boundaries_get_n_features (boundaries); i++)
    {
      const LensBoundary *boundary = lens_boundaries_get_nth (boundaries, i);
      const LensDistrictStanding *standing = lens_district_ranking_lookup (ranking, boundary->district);
      double fill[3];

      cairo_new_path (cr);
      counted.n_polygons += feature_path (cr, &l, boundary);
      if (standing != NULL)
        {
          class_color (&classes, style, class_of (&classes, standing->value), fill);
          counted.n_districts++;
        }
      else
        {
          neutral_color (style, fill);
          counted.n_neutral++;
        }
      cairo_set_source_rgb (cr, fill[0], fill[1], fill[2]);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, MAX (l.font / 14.0, 0.6));
      cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2], 0.55);
      cairo_stroke (cr);
    }

  /* The chosen district: a wide line of the background under a line of the text colour, so
   * it shows against any class */
  for (guint i = 0; selected != 0 && i < lens_boundaries_get_n_features (boundaries); i++)
    {
      const LensBoundary *boundary = lens_boundaries_get_nth (boundaries, i);

      if (boundary->district != selected)
        continue;
      cairo_new_path (cr);
      feature_path (cr, &l, boundary);
      cairo_set_line_width (cr, l.font * 0.5);
      cairo_set_source_rgb (cr, style->dark ? 0 : 1, style->dark ? 0 : 1, style->dark ? 0 : 1);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, l.font * 0.25);
      cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1], style->foreground[2], 1);
      cairo_stroke (cr);
    }

  /* The numbers */
  for (guint i = 0; i < lens_boundaries_get_n_features (boundaries); i++)
    {
      const LensBoundary *boundary = lens_boundaries_get_nth (boundaries, i);
      const LensDistrictStanding *standing = lens_district_ranking_lookup (ranking, boundary->district);
      g_autofree char *number = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      LensGeoPoint p;
      double fill[3], x, y;
      int w, h;

      if (standing == NULL)
        continue;
      p = lens_boundary_get_label_point (boundary);
      project (&l, p.lon, p.lat, &x, &y);
      class_color (&classes, style, class_of (&classes, standing->value), fill);
      number = g_strdup_printf ("%u", boundary->district);
      layout = text_layout (cr, style, number, l.font * (boundary->district == selected ? 1.15 : 1.0), TRUE, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
      /* A halo of the district's colour keeps the number readable over the outline */
      if (boundary->district == selected)
        {
          pango_cairo_layout_path (cr, layout);
          cairo_set_source_rgb (cr, fill[0], fill[1], fill[2]);
          cairo_set_line_width (cr, l.font * 0.35);
          cairo_stroke (cr);
          cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
        }
      if (luminance (fill) > 0.45)
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      pango_cairo_show_layout (cr, layout);
      counted.n_labels++;
    }

  draw_legend (data, style, &l, &classes, selected, flags, cr);
  cairo_restore (cr);

  if (stats != NULL)
    *stats = counted;
}

void
lens_map_draw_page (LensDistrictMapData *data,
                    guint                selected,
                    cairo_t             *cr,
                    double               width,
                    double               height)
{
  LensPlotStyle style;

  lens_plot_style_init_light (&style);
  lens_map_draw (data, &style, selected, LENS_MAP_DRAW_TITLE | LENS_MAP_DRAW_SOURCE, cr, width, height, NULL);
}

typedef struct
{
  LensDistrictMapData *data;
  guint                selected;
} Page;

static void
draw_export_page (cairo_t *cr,
                  double   width,
                  double   height,
                  gpointer user_data)
{
  Page *page = user_data;

  lens_map_draw_page (page->data, page->selected, cr, width, height);
}

gboolean
lens_map_export_to_file (LensDistrictMapData *data,
                         guint                selected,
                         const char          *path,
                         LensExportFormat     format,
                         GError             **error)
{
  Page page = { data, selected };
  g_autofree char *title = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (data), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == LENS_EXPORT_FORMAT_UNKNOWN)
    format = lens_export_format_from_path (path);
  title = lens_map_dup_title (data);
  if (format == LENS_EXPORT_FORMAT_CSV)
    csv = lens_map_dup_csv (data);

  return lens_export_drawing_to_file (draw_export_page, &page, title, csv, path, format, error);
}
