/* test-plot.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "lens-format.h"
#include "lens-plot-layout-private.h"
#include "lens-plot-private.h"
#include "lens-test-util.h"

/* All numbers here are synthetic, from a seeded generator. */

static const char *offences[] = {
  "THEFT", "BATTERY", "CRIMINAL DAMAGE", "ASSAULT", "DECEPTIVE PRACTICE",
  "OTHER OFFENSE", "MOTOR VEHICLE THEFT", "NARCOTICS", "BURGLARY", "ROBBERY",
  "WEAPONS VIOLATION", "CRIMINAL TRESPASS",
  "OFFENSE INVOLVING CHILDREN AND A VERY LONG DESCRIPTION THAT GOES ON AND ON",
  "INTERFERENCE WITH PUBLIC OFFICER", "PUBLIC PEACE VIOLATION",
};

static LensSeries *
make_series (guint        n_labels,
             guint        n_vectors,
             const char  *label_kind,
             double       scale,
             guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  LensSeries *series = lens_series_new ();

  for (guint v = 0; v < n_vectors; v++)
    lens_series_add_vector (series, v == 0 ? "District 5 – Calumet (synthetic)" : "Citywide average (synthetic)");

  for (guint i = 0; i < n_labels; i++)
    {
      g_autofree char *label = NULL;

      if (g_strcmp0 (label_kind, "years") == 0)
        label = g_strdup_printf ("%u", 2001 + i);
      else if (g_strcmp0 (label_kind, "months") == 0)
        label = lens_format_month (2022 + i / 12, 1 + i % 12);
      else if (g_strcmp0 (label_kind, "offences") == 0)
        label = g_strdup (offences[i % G_N_ELEMENTS (offences)]);
      else
        label = g_strdup_printf ("Category %u", i + 1);

      lens_series_add_label (series, label);
      for (guint v = 0; v < n_vectors; v++)
        lens_series_set_value (series, v, i, scale * g_rand_double_range (rand, 0.3, 1.0) * (v == 0 ? 1.0 : 0.8));
    }

  if (n_labels > 0 && g_strcmp0 (label_kind, "years") == 0)
    lens_series_set_partial (series, n_labels - 1, TRUE);

  return series;
}

static char *
output_path (const char *name)
{
  g_autofree char *file = g_strconcat ("plot-", name, ".png", NULL);

  return g_test_build_filename (G_TEST_BUILT, file, NULL);
}

/* Counts pixels that differ from the background @bg inside @area. */
static guint
count_ink (cairo_surface_t         *surface,
           const cairo_rectangle_t *area,
           guint32                  bg)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint count = 0;
  int x0 = MAX (0, (int) floor (area->x));
  int y0 = MAX (0, (int) floor (area->y));
  int x1 = MIN (w, (int) ceil (area->x + area->width));
  int y1 = MIN (h, (int) ceil (area->y + area->height));

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + 4 * x) & 0xffffff;
        if (p != (bg & 0xffffff))
          count++;
      }

  return count;
}

static cairo_surface_t *
render (LensSeries          *series,
        LensPlotKind         kind,
        const LensPlotStyle *style,
        const char          *x_title,
        const char          *y_title,
        int                  width,
        int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
  cairo_t *cr = cairo_create (surface);

  lens_plot_draw (series, kind, style, x_title, y_title, "No data for these filters", cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static gboolean
rect_inside (const cairo_rectangle_t *r,
             double                   width,
             double                   height)
{
  return r->x >= -0.01 && r->y >= -0.01 &&
         r->x + r->width <= width + 0.01 && r->y + r->height <= height + 0.01;
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x + 0.5 < b->x + b->width && b->x + 0.5 < a->x + a->width &&
         a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height;
}

/* Every text inside the surface and no two texts on top of each other; label areas inside,
 * in order, and not overlapping. */
static void
check_layout (LensSeries          *series,
              LensPlotKind         kind,
              const LensPlotStyle *style,
              const char          *x_title,
              const char          *y_title,
              double               width,
              double               height)
{
  g_autoptr(GArray) boxes = _lens_plot_get_text_boxes (series, kind, style, x_title, y_title, width, height);
  cairo_rectangle_t prev = { 0 };

  for (guint i = 0; i < boxes->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (boxes, cairo_rectangle_t, i);

      if (!rect_inside (r, width, height))
        g_error ("text %u at %.1f,%.1f %.1fx%.1f is outside %.0fx%.0f",
                 i, r->x, r->y, r->width, r->height, width, height);

      for (guint j = 0; j < i; j++)
        {
          const cairo_rectangle_t *o = &g_array_index (boxes, cairo_rectangle_t, j);

          if (rects_overlap (r, o))
            g_error ("texts %u (%.1f,%.1f %.1fx%.1f) and %u (%.1f,%.1f %.1fx%.1f) overlap on %.0fx%.0f",
                     i, r->x, r->y, r->width, r->height, j, o->x, o->y, o->width, o->height, width, height);
        }
    }

  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      cairo_rectangle_t area;

      if (!lens_plot_get_label_area_full (series, kind, style, x_title, y_title, width, height, i, &area))
        {
          g_assert_cmpuint (i, ==, 0);
          break;
        }

      g_assert_true (rect_inside (&area, width, height));
      g_assert_cmpfloat (area.width, >, 0);
      g_assert_cmpfloat (area.height, >, 0);
      if (i > 0)
        {
          if (kind == LENS_PLOT_HORIZONTAL_BAR)
            g_assert_cmpfloat (area.y, >=, prev.y + prev.height - 0.01);
          else
            g_assert_cmpfloat (area.x, >=, prev.x + prev.width - 0.01);
        }
      prev = area;
    }
}

/* Ink where the layout put nothing: the measured text boxes must hold what PLplot drew.
 * Allowed: the data area (and its markers and tick marks), the text boxes, and the legend
 * strip above the data area. */
static guint
count_stray_ink (cairo_surface_t         *surface,
                 LensSeries              *series,
                 LensPlotKind             kind,
                 const LensPlotStyle     *style,
                 const char              *x_title,
                 const char              *y_title,
                 const cairo_rectangle_t *plot,
                 guint32                  bg)
{
  g_autoptr(GArray) boxes = _lens_plot_get_text_boxes (series, kind, style, x_title, y_title,
                                                       cairo_image_surface_get_width (surface),
                                                       cairo_image_surface_get_height (surface));
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint stray = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gboolean allowed = FALSE;

        if ((*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) == (bg & 0xffffff))
          continue;
        if (y < plot->y - 2)
          continue; /* legend */
        if (x >= plot->x - 6 && x <= plot->x + plot->width + 6 &&
            y >= plot->y - 6 && y <= plot->y + plot->height + 6)
          continue;
        for (guint i = 0; i < boxes->len && !allowed; i++)
          {
            const cairo_rectangle_t *r = &g_array_index (boxes, cairo_rectangle_t, i);
            allowed = x >= r->x - 2 && x <= r->x + r->width + 2 && y >= r->y - 2 && y <= r->y + r->height + 2;
          }
        if (!allowed && stray++ < 5)
          g_test_message ("stray ink at %d,%d: %08x (plot %.0f,%.0f %.0fx%.0f)", x, y,
                          *(const guint32 *) (data + y * stride + 4 * x),
                          plot->x, plot->y, plot->width, plot->height);
      }

  if (stray > 0)
    g_test_message ("%u stray pixels", stray);

  return stray;
}

static void
check_render (LensSeries   *series,
              LensPlotKind  kind,
              gboolean      dark,
              const char   *x_title,
              const char   *y_title,
              int           width,
              int           height,
              const char   *save_as)
{
  LensPlotStyle style;
  cairo_surface_t *surface;
  cairo_rectangle_t plot;

  if (dark)
    lens_plot_style_init_dark (&style);
  else
    lens_plot_style_init_light (&style);

  surface = render (series, kind, &style, x_title, y_title, width, height);
  check_layout (series, kind, &style, x_title, y_title, width, height);

  if (_lens_plot_get_plot_area (series, kind, &style, x_title, y_title, width, height, &plot))
    {
      /* the bottom right corner is always padding */
      guint32 bg = *(const guint32 *) (cairo_image_surface_get_data (surface) +
                                       (height - 1) * cairo_image_surface_get_stride (surface) +
                                       4 * (width - 1));

      g_assert_true (rect_inside (&plot, width, height));
      g_assert_cmpuint (count_ink (surface, &plot, bg), >, 20);
      g_assert_cmpuint (count_stray_ink (surface, series, kind, &style, x_title, y_title, &plot, bg), <=, 10);
    }

  if (save_as != NULL)
    {
      g_autofree char *path = output_path (save_as);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }

  cairo_surface_destroy (surface);
}

static const int sizes[][2] = {
  { 1600, 1000 }, { 800, 500 }, { 360, 240 }, { 240, 160 }, { 120, 80 }, { 60, 40 },
};

static void
test_plot_kinds (void)
{
  const LensPlotKind kinds[] = { LENS_PLOT_BAR, LENS_PLOT_HORIZONTAL_BAR, LENS_PLOT_LINE };
  const char *kind_names[] = { "bar", "hbar", "line" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint n_vectors = 1; n_vectors <= 2; n_vectors++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int dark = 0; dark <= 1; dark++)
          {
            g_autoptr(LensSeries) series = NULL;
            g_autofree char *name = NULL;
            const char *labels = kinds[k] == LENS_PLOT_HORIZONTAL_BAR ? "offences" : "years";
            guint n = kinds[k] == LENS_PLOT_HORIZONTAL_BAR ? 12 : 24;

            series = make_series (n, n_vectors, labels, 20000, 7 + k);
            if (s == 0 || sizes[s][0] == 360 || (s == 1 && dark))
              name = g_strdup_printf ("%s-%uv-%dx%d%s", kind_names[k], n_vectors,
                                      sizes[s][0], sizes[s][1], dark ? "-dark" : "");
            check_render (series, kinds[k], dark, "Year", "Incidents", sizes[s][0], sizes[s][1], name);
            check_render (series, kinds[k], dark, NULL, NULL, sizes[s][0], sizes[s][1], NULL);
          }
}

static void
test_plot_months (void)
{
  g_autoptr(LensSeries) series = make_series (36, 2, "months", 900, 3);

  check_render (series, LENS_PLOT_LINE, FALSE, NULL, "Arrests", 800, 400, "months-line");
  check_render (series, LENS_PLOT_BAR, FALSE, NULL, NULL, 360, 240, "months-bar-small");
}

static void
test_plot_degenerate (void)
{
  const LensPlotKind kinds[] = { LENS_PLOT_BAR, LENS_PLOT_HORIZONTAL_BAR, LENS_PLOT_LINE,
                                 LENS_PLOT_STACKED_BAR };
  const int tiny[][2] = { { 0, 0 }, { 1, 1 }, { 10, 10 }, { 0, 300 }, { 300, 0 }, { 30, 300 }, { 400, 20 } };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(LensSeries) empty = lens_series_new ();
      g_autoptr(LensSeries) no_vectors = lens_series_new ();
      g_autoptr(LensSeries) all_nan = make_series (10, 2, "years", 1, 1);
      g_autoptr(LensSeries) single = make_series (1, 1, "years", 42, 1);
      g_autoptr(LensSeries) single2 = make_series (1, 2, "offences", 42, 1);
      g_autoptr(LensSeries) negative = make_series (12, 2, "years", 100, 2);
      g_autoptr(LensSeries) huge = make_series (8, 2, "years", 1e12, 3);
      g_autoptr(LensSeries) extreme = make_series (3, 1, "years", 1e300, 3);
      g_autoptr(LensSeries) tiny_values = make_series (5, 1, "years", 1e-9, 3);
      g_autoptr(LensSeries) zeros = make_series (5, 1, "years", 0, 3);
      g_autoptr(LensSeries) many = make_series (200, 2, "categories", 5000, 4);
      g_autoptr(LensSeries) gaps = make_series (20, 2, "years", 300, 5);
      g_autoptr(LensSeries) percent = make_series (10, 2, "years", 100, 6);
      LensPlotStyle style;
      cairo_surface_t *surface;

      lens_series_add_label (no_vectors, "2024");
      for (guint i = 0; i < 10; i++)
        {
          lens_series_set_value (all_nan, 0, i, NAN);
          lens_series_set_value (all_nan, 1, i, i % 2 ? INFINITY : NAN);
        }
      for (guint i = 0; i < 12; i++)
        lens_series_set_value (negative, i % 2, i, -lens_series_get_value (negative, i % 2, i));
      for (guint i = 0; i < 20; i += 3)
        lens_series_set_value (gaps, i % 2, i, NAN);
      lens_series_set_percent (percent, TRUE);

      lens_plot_style_init_light (&style);

      /* no data: the message, centred */
      surface = render (empty, kinds[k], &style, NULL, NULL, 400, 300);
      g_assert_cmpuint (count_ink (surface, &(cairo_rectangle_t) { 0, 0, 400, 300 }, 0xffffff), >, 20);
      cairo_surface_destroy (surface);
      surface = render (no_vectors, kinds[k], &style, NULL, NULL, 400, 300);
      cairo_surface_destroy (surface);

      check_render (all_nan, kinds[k], FALSE, "x", "y", 400, 300, NULL);
      check_render (single, kinds[k], FALSE, "Year", "Incidents", 400, 300, k == 2 ? "single-line" : NULL);
      check_render (single2, kinds[k], TRUE, NULL, NULL, 400, 300, NULL);
      check_render (negative, kinds[k], FALSE, NULL, "Change", 500, 300, k == 0 ? "negative-bar" : NULL);
      check_render (huge, kinds[k], FALSE, NULL, NULL, 500, 300, k == 1 ? "huge-hbar" : NULL);
      check_render (huge, kinds[k], FALSE, NULL, NULL, 360, 240, NULL);
      check_render (extreme, kinds[k], FALSE, NULL, NULL, 500, 300, NULL);
      check_render (tiny_values, kinds[k], FALSE, NULL, NULL, 500, 300, NULL);
      check_render (zeros, kinds[k], FALSE, NULL, NULL, 500, 300, NULL);
      check_render (many, kinds[k], FALSE, "Beat", "Incidents", 800, 500, k == 0 ? "many-bar" : k == 1 ? "many-hbar" : NULL);
      check_render (many, kinds[k], FALSE, NULL, NULL, 360, 240, NULL);
      check_render (gaps, kinds[k], FALSE, NULL, NULL, 500, 300, k == 2 ? "gaps-line" : NULL);
      check_render (percent, kinds[k], FALSE, NULL, NULL, 500, 300, k == 0 ? "percent-bar" : NULL);

      for (guint s = 0; s < G_N_ELEMENTS (tiny); s++)
        {
          surface = render (many, kinds[k], &style, "Beat", "Incidents", tiny[s][0], tiny[s][1]);
          cairo_surface_destroy (surface);
          check_layout (many, kinds[k], &style, "Beat", "Incidents", tiny[s][0], tiny[s][1]);
          surface = render (empty, kinds[k], &style, NULL, NULL, tiny[s][0], tiny[s][1]);
          cairo_surface_destroy (surface);
        }

      /* nonsense sizes */
      surface = render (negative, kinds[k], &style, NULL, NULL, 100, 100);
      {
        cairo_t *cr = cairo_create (surface);
        lens_plot_draw (negative, kinds[k], &style, NULL, NULL, NULL, cr, NAN, 100);
        lens_plot_draw (negative, kinds[k], &style, NULL, NULL, NULL, cr, -5, -5);
        lens_plot_draw (negative, kinds[k], &style, NULL, NULL, NULL, cr, 1e9, 1e9);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
      }
      cairo_surface_destroy (surface);
    }
}

/* Synthetic compliance-like shares: three parts of one whole per category (at most 100%),
 * categories 2 and 3 with nothing published, 6–8 with only the first part. */
static LensSeries *
make_stacked_series (gboolean divider)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  LensSeries *series = lens_series_new ();

  lens_series_add_vector (series, "Part A (synthetic)");
  lens_series_add_vector (series, "Part B (synthetic)");
  lens_series_add_vector (series, "Part C (synthetic)");
  lens_series_set_percent (series, TRUE);

  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *label = g_strdup_printf ("R-%u", i + 1);
      double left = 100.0;

      lens_series_add_label (series, label);
      if (i == 1 || i == 2)
        continue;

      for (guint v = 0; v < 3; v++)
        {
          double value = g_rand_double_range (rand, 0.1, 0.45) * 100.0;

          if (v > 0 && i >= 5 && i <= 7)
            break;
          value = MIN (value, left);
          lens_series_set_value (series, v, i, value);
          left -= value;
        }
    }

  /* the first category is exactly half, for the axis check */
  lens_series_set_value (series, 0, 0, 20.0);
  lens_series_set_value (series, 1, 0, 10.0);
  lens_series_set_value (series, 2, 0, 20.0);

  if (divider)
    lens_series_set_divider (series, 6, "Before (synthetic)", "After (synthetic)");

  return series;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return *(const guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface) + 4 * x) & 0xffffff;
}

static double
grey_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  guint32 p = pixel_at (surface, x, y);

  return 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
}

/* Greyscale variation in a square: ~0 for a flat fill, large for hatching. */
static double
grey_spread (cairo_surface_t *surface,
             int              cx,
             int              cy,
             int              r)
{
  double lo = 255, hi = 0;

  for (int y = cy - r; y <= cy + r; y++)
    for (int x = cx - r; x <= cx + r; x++)
      {
        lo = MIN (lo, grey_at (surface, x, y));
        hi = MAX (hi, grey_at (surface, x, y));
      }

  return hi - lo;
}

static void
test_plot_stacked (void)
{
  g_autoptr(LensSeries) series = make_stacked_series (TRUE);
  g_autoptr(LensSeries) plain = make_stacked_series (FALSE);
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(GArray) plain_boxes = NULL;
  LensPlotStyle style;
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  double slot, y_half, y_zero;
  double colors[3][4];
  int cx, divider_x;
  guint divider_ink = 0;

  g_assert_cmpuint (lens_series_get_divider (series, NULL, NULL), ==, 6);
  g_assert_cmpuint (lens_series_get_divider (plain, NULL, NULL), ==, 0);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autofree char *name = NULL;

        if (s <= 2 && !dark)
          name = g_strdup_printf ("stacked-%dx%d", sizes[s][0], sizes[s][1]);
        check_render (series, LENS_PLOT_STACKED_BAR, dark, NULL, "Share", sizes[s][0], sizes[s][1], name);
        check_render (plain, LENS_PLOT_STACKED_BAR, dark, "Report", NULL, sizes[s][0], sizes[s][1], NULL);
      }

  lens_plot_style_init_light (&style);
  for (guint v = 0; v < 3; v++)
    lens_plot_get_series_color (&style, v, colors[v]);

  /* the legend (three keys), the two unpublished marks and the divider's two texts */
  boxes = _lens_plot_get_text_boxes (series, LENS_PLOT_STACKED_BAR, &style, NULL, NULL, 800, 500);
  plain_boxes = _lens_plot_get_text_boxes (plain, LENS_PLOT_STACKED_BAR, &style, NULL, NULL, 800, 500);
  g_assert_cmpuint (boxes->len, ==, plain_boxes->len + 2);

  surface = render (series, LENS_PLOT_STACKED_BAR, &style, NULL, NULL, 800, 500);
  g_assert_true (_lens_plot_get_plot_area (series, LENS_PLOT_STACKED_BAR, &style, NULL, NULL, 800, 500, &plot));
  slot = plot.width / 11;
  y_zero = plot.y + plot.height;
  y_half = plot.y + plot.height / 2.0;

  /* percent axis from 0 to 100: the first bar (50%) ends half-way up */
  cx = (int) (plot.x + 0.5 * slot);
  {
    int top = -1;

    for (int y = (int) plot.y; y < (int) y_zero; y++)
      if (grey_at (surface, cx, y) < 200)
        {
          top = y;
          break;
        }
    g_test_message ("plot %g,%g %gx%g: top of the first bar at %d", plot.x, plot.y, plot.width, plot.height, top);
    g_assert_cmpfloat (fabs (top - y_half), <, 3.0);
  }

  /* the first part is a flat colour at the bottom; the others are hatched, so that the
   * three read apart in greyscale too */
  g_assert_cmpfloat (grey_spread (surface, cx, (int) (y_zero - 0.1 * plot.height), 4), <, 2.0);
  g_assert_cmpfloat (grey_spread (surface, cx, (int) (y_zero - 0.25 * plot.height), 4), >, 40.0);
  g_assert_cmpfloat (grey_spread (surface, cx, (int) (y_zero - 0.4 * plot.height), 4), >, 40.0);
  {
    guint32 p = pixel_at (surface, cx, (int) (y_zero - 0.1 * plot.height));
    g_assert_cmpint (abs ((int) ((p >> 16) & 0xff) - (int) round (colors[0][0] * 255)), <=, 2);
  }
  /* the two hatched parts differ where they are the same distance into their bar part */
  {
    guint differ = 0;
    int y1 = (int) (y_zero - 0.25 * plot.height);
    int y2 = (int) (y_zero - 0.4 * plot.height);

    for (int dy = -5; dy <= 5; dy++)
      for (int dx = -5; dx <= 5; dx++)
        if (fabs (grey_at (surface, cx + dx, y1 + dy) - grey_at (surface, cx + dx, y2 + dy)) > 30)
          differ++;
    g_assert_cmpuint (differ, >, 10);
  }

  /* an unpublished slot: no bar colour in it, only the dashed outline and its mark */
  cx = (int) (plot.x + 1.5 * slot);
  for (int y = (int) plot.y + 2; y < (int) y_zero - 2; y++)
    for (int dx = -3; dx <= 3; dx++)
      {
        guint32 p = pixel_at (surface, cx + dx, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        /* greys only: text and outline, never a level's colour */
        g_assert_cmpint (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)), <, 24);
      }

  /* the divider: a dashed line between categories 6 and 7, from above the bars to the axis */
  divider_x = (int) floor (plot.x + 6 * slot);
  for (int y = (int) plot.y; y < (int) y_zero; y++)
    if (MIN (grey_at (surface, divider_x, y), grey_at (surface, divider_x + 1, y)) < 128)
      divider_ink++;
  g_assert_cmpuint (divider_ink, >, plot.height / 4);
  g_assert_cmpuint (divider_ink, <, plot.height);

  cairo_surface_destroy (surface);

  /* nothing published at all: the empty message */
  {
    g_autoptr(LensSeries) none = lens_series_new ();

    lens_series_add_vector (none, "A");
    lens_series_add_label (none, "R-1");
    lens_series_set_percent (none, TRUE);
    surface = render (none, LENS_PLOT_STACKED_BAR, &style, NULL, NULL, 400, 300);
    g_assert_cmpuint (count_ink (surface, &(cairo_rectangle_t) { 0, 0, 400, 300 }, 0xffffff), >, 20);
    g_assert_false (_lens_plot_get_plot_area (none, LENS_PLOT_STACKED_BAR, &style, NULL, NULL, 400, 300, &plot));
    cairo_surface_destroy (surface);
  }
}

/* PLplot reads "#" as an escape ("#gm" is μ): labels must come out literally. */
static void
test_plot_escape (void)
{
  g_autofree char *escaped = _lens_plot_escape ("#1 #gm ## x");
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontMap *fontmap = pango_cairo_font_map_get_default ();
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (fontmap));
  PangoFontDescription *font;
  PangoRectangle ink;
  LensPlotStyle style;
  cairo_surface_t *surface;
  const cairo_rectangle_t *box = NULL;
  guint ink_pixels;

  g_assert_cmpstr (escaped, ==, "##1 ##gm #### x");

  lens_series_add_vector (series, "v");
  lens_series_add_label (series, "#gm#gm#gm");
  lens_series_set_value (series, 0, 0, 10);

  lens_plot_style_init_light (&style);
  surface = render (series, LENS_PLOT_BAR, &style, NULL, NULL, 400, 300);
  boxes = _lens_plot_get_text_boxes (series, LENS_PLOT_BAR, &style, NULL, NULL, 400, 300);

  /* the category label is the last text */
  box = &g_array_index (boxes, cairo_rectangle_t, boxes->len - 1);

  layout = pango_layout_new (PANGO_CONTEXT (context));
  font = pango_font_description_from_string ("sans 10");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, "#gm#gm#gm", -1);
  pango_layout_get_pixel_extents (layout, &ink, NULL);

  /* nine glyphs' worth of ink, not three μ */
  g_assert_cmpfloat (box->width, >=, ink.width);
  ink_pixels = count_ink (surface, box, 0xffffff);
  g_assert_cmpuint (ink_pixels, >, 60);
  {
    g_autofree char *path = output_path ("escape");
    cairo_surface_write_to_png (surface, path);
  }
  {
    /* the ink spans most of the box: measure its horizontal extent */
    int stride = cairo_image_surface_get_stride (surface);
    const guchar *data = cairo_image_surface_get_data (surface);
    int left = G_MAXINT, right = -1;

    for (int y = (int) box->y; y < (int) (box->y + box->height); y++)
      for (int x = MAX (0, (int) box->x - 2); x < MIN (400, (int) (box->x + box->width + 2)); x++)
        if ((*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff)
          {
            left = MIN (left, x);
            right = MAX (right, x);
          }
    g_assert_cmpint (right - left + 1, >=, ink.width * 0.9);
  }
  cairo_surface_destroy (surface);
}

/* Arabic, Hindi and Chinese labels go through PLplot to Pango and must show up. */
static void
test_plot_scripts (void)
{
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(GArray) boxes = NULL;
  LensPlotStyle style;
  cairo_surface_t *surface;
  const char *labels[] = { "السرقة", "الاعتداء", "चोरी", "盗窃", "Ñandú" };

  lens_series_add_vector (series, "المنطقة ٥ (synthetic)");
  lens_series_add_vector (series, "जिला (synthetic)");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      lens_series_add_label (series, labels[i]);
      lens_series_set_value (series, 0, i, 100 + 40 * i);
      lens_series_set_value (series, 1, i, 90 + 30 * i);
    }

  lens_plot_style_init_light (&style);
  check_render (series, LENS_PLOT_HORIZONTAL_BAR, FALSE, "الفئة", "العدد", 600, 360, "scripts-hbar");

  surface = render (series, LENS_PLOT_HORIZONTAL_BAR, &style, "الفئة", "العدد", 600, 360);
  boxes = _lens_plot_get_text_boxes (series, LENS_PLOT_HORIZONTAL_BAR, &style, "الفئة", "العدد", 600, 360);
  g_assert_cmpuint (boxes->len, >, 5);
  for (guint i = 0; i < boxes->len; i++)
    g_assert_cmpuint (count_ink (surface, &g_array_index (boxes, cairo_rectangle_t, i), 0xffffff), >, 5);
  cairo_surface_destroy (surface);
}

/* Tick labels come from lens-format, in the locale, even though PLplot flips LC_NUMERIC. */
static void
test_plot_locale (void)
{
  g_autoptr(LensSeries) series = make_series (6, 2, "years", 2e6, 9);
  locale_t loc;

  if (!lens_test_require_locale ("es_ES.UTF-8"))
    return;
  loc = newlocale (LC_ALL_MASK, "es_ES.UTF-8", (locale_t) 0);

  uselocale (loc);
  check_render (series, LENS_PLOT_BAR, FALSE, "Año", "Incidentes", 600, 360, "locale-es");
  check_render (series, LENS_PLOT_HORIZONTAL_BAR, FALSE, "Año", "Incidentes", 600, 360, "locale-es-hbar");
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);
}

static void
test_plot_colors (void)
{
  LensPlotStyle light, dark;
  double a[4], b[4];

  lens_plot_style_init_light (&light);
  lens_plot_style_init_dark (&dark);

  lens_plot_get_series_color (&light, 0, a);
  g_assert_cmpfloat_with_epsilon (a[0], 0x00 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a[1], 0x72 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a[2], 0xB2 / 255.0, 1e-9);
  lens_plot_get_series_color (&light, 1, a);
  g_assert_cmpfloat_with_epsilon (a[0], 0xE6 / 255.0, 1e-9);

  /* lighter on dark backgrounds */
  lens_plot_get_series_color (&light, 0, a);
  lens_plot_get_series_color (&dark, 0, b);
  g_assert_cmpfloat (b[0] + b[1] + b[2], >, a[0] + a[1] + a[2]);

  /* wraps around */
  lens_plot_get_series_color (&light, 7, b);
  lens_plot_get_series_color (&light, 0, a);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
}

static void
test_plot_streams (void)
{
  g_autoptr(LensSeries) series = make_series (10, 2, "years", 100, 11);
  LensPlotStyle style;

  lens_plot_style_init_light (&style);

  /* a fresh stream per draw: many draws do not run out of PLplot's 100 streams */
  for (guint i = 0; i < 150; i++)
    {
      cairo_surface_t *surface = render (series, i % 3, &style, NULL, NULL, 120 + i, 90 + i);
      cairo_surface_destroy (surface);
    }
}

/* Hindi: a horizontal-bar chart of ten offences on an exported page (760 wide, 10 pt) shows
 * every category's name at the height lens_plot_get_min_height() asks for; with two lines
 * less, some are left out (Devanagari lines are tall), so the height is what matters. The
 * labels are the Hindi translations of the Crimes dataset's offence types; the values are
 * synthetic. */
static void
test_min_height_hindi (void)
{
  static const char *hindi_offences[] = {
    "चोरी", "मारपीट", "आपराधिक नुक़सान", "हमले की धमकी", "मोटर वाहन चोरी",
    "छलपूर्ण व्यवहार (धोखाधड़ी)", "अन्य अपराध", "आपराधिक यौन हमला", "लूट", "हथियार क़ानून का उल्लंघन",
  };
  g_autoptr(LensSeries) series = lens_series_new ();
  LensPlotStyle style;
  double needed;
  Layout l;
  guint shown;

  lens_series_add_vector (series, "पूरा शहर");
  for (guint i = 0; i < G_N_ELEMENTS (hindi_offences); i++)
    {
      lens_series_add_label (series, hindi_offences[i]);
      lens_series_set_value (series, 0, i, 250000.0 - 20000.0 * i);
    }
  lens_plot_style_init_light (&style);
  style.font_size_pt = 10.0;

  needed = lens_plot_get_min_height (series, LENS_PLOT_HORIZONTAL_BAR, &style, "अपराध", "घटनाएँ", 760.0);
  g_assert_cmpfloat (needed, >, 0.0);
  g_assert_cmpfloat (lens_plot_get_min_height (series, LENS_PLOT_BAR, &style, NULL, NULL, 760.0), ==, 0.0);

  for (int less = 0; less <= 2; less += 2)
    {
      /* two lines less: 2 × 10 pt type is about 30 px */
      _lens_plot_layout_compute (&l, series, LENS_PLOT_HORIZONTAL_BAR, &style, "अपराध", "घटनाएँ",
                                 760.0, needed - less * 15.0);
      g_assert_false (l.compact);
      shown = 0;
      for (guint i = 0; i < G_N_ELEMENTS (hindi_offences); i++)
        for (guint t = 0; t < l.texts->len; t++)
          if (g_str_equal (g_array_index (l.texts, TextItem, t).text, hindi_offences[i]))
            {
              shown++;
              break;
            }
      if (less == 0)
        g_assert_cmpuint (shown, ==, G_N_ELEMENTS (hindi_offences));
      else
        g_assert_cmpuint (shown, <, G_N_ELEMENTS (hindi_offences));
      _lens_plot_layout_clear (&l);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/min-height-hindi", test_min_height_hindi);

  g_test_add_func ("/plot/kinds", test_plot_kinds);
  g_test_add_func ("/plot/months", test_plot_months);
  g_test_add_func ("/plot/degenerate", test_plot_degenerate);
  g_test_add_func ("/plot/stacked", test_plot_stacked);
  g_test_add_func ("/plot/escape", test_plot_escape);
  g_test_add_func ("/plot/scripts", test_plot_scripts);
  g_test_add_func ("/plot/locale", test_plot_locale);
  g_test_add_func ("/plot/colors", test_plot_colors);
  g_test_add_func ("/plot/streams", test_plot_streams);

  return g_test_run ();
}
