/* test-plot-rtl.c: charts in a right-to-left language. Horizontal bars are mirrored (labels
 * on the right, bars growing leftwards); legends start at the top right; a time axis keeps
 * running left to right; with the direction left to right nothing changes.
 *
 * The numbers are synthetic (made up here for the layout), not data.
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lens-plot-layout-private.h"
#include "lens-test-util.h"

#define WIDTH  640.0
#define HEIGHT 400.0

static const char *offences[] = { "سرقة", "اعتداء", "أضرار جنائية", "احتيال مالي" };

static LensSeries *
offence_series (guint n_vectors)
{
  LensSeries *series = lens_series_new ();

  lens_series_add_vector (series, "الدائرة 5");
  if (n_vectors > 1)
    lens_series_add_vector (series, "المدينة كلها");
  for (guint i = 0; i < G_N_ELEMENTS (offences); i++)
    {
      lens_series_add_label (series, offences[i]);
      for (guint v = 0; v < n_vectors; v++)
        lens_series_set_value (series, v, i, 1000.0 - 200.0 * i + 50.0 * v);
    }

  return series;
}

static LensSeries *
year_series (void)
{
  LensSeries *series = lens_series_new ();

  lens_series_add_vector (series, "الدائرة 5");
  lens_series_add_vector (series, "المدينة كلها");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *year = g_strdup_printf ("%u", 2020 + i);

      lens_series_add_label (series, year);
      lens_series_set_value (series, 0, i, 100.0 + 10.0 * i);
      lens_series_set_value (series, 1, i, 80.0 + 15.0 * i);
    }

  return series;
}

static void
style_init (LensPlotStyle *style,
            gboolean       rtl)
{
  lens_plot_style_init_light (style);
  style->rtl = rtl;
}

static const TextItem *
find_text (Layout     *l,
           const char *text)
{
  for (guint i = 0; i < l->texts->len; i++)
    if (g_str_equal (g_array_index (l->texts, TextItem, i).text, text))
      return &g_array_index (l->texts, TextItem, i);

  g_error ("no text “%s” in the layout", text);
}

static gboolean
is_category (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (offences); i++)
    if (g_str_equal (text, offences[i]))
      return TRUE;

  return FALSE;
}

/* Right to left: every category label right of the data area, the zero of the value axis on
 * the right, the legend's first key at the top right with its name on its left. */
static void
test_rtl_horizontal (void)
{
  g_autoptr(LensSeries) series = offence_series (2);
  LensPlotStyle style;
  Layout l;
  const TextItem *zero;
  const LegendItem *first;
  const TextItem *first_name;
  double plot_right;

  style_init (&style, TRUE);
  _lens_plot_layout_compute (&l, series, LENS_PLOT_HORIZONTAL_BAR, &style, NULL, NULL, WIDTH, HEIGHT);
  g_assert_true (l.valid);
  g_assert_false (l.empty);
  g_assert_false (l.compact);
  plot_right = l.plot.x + l.plot.width;

  for (guint i = 0; i < G_N_ELEMENTS (offences); i++)
    {
      const TextItem *label = find_text (&l, offences[i]);
      cairo_rectangle_t area;

      g_assert_nonnull (label);
      g_assert_cmpfloat (label->box.x, >=, plot_right);
      g_assert_cmpfloat (label->box.x + label->box.width, <=, WIDTH);
      /* the hover and focus area covers the label and its bars */
      g_assert_true (_lens_plot_layout_label_area (&l, i, &area));
      g_assert_cmpfloat (area.x, <=, l.plot.x + 0.5);
      g_assert_cmpfloat (area.x + area.width, >=, label->box.x + label->box.width - 0.5);
    }

  /* zero, where the bars start, on the right of the data area */
  zero = find_text (&l, "0");
  g_assert_nonnull (zero);
  g_assert_cmpfloat (fabs (zero->box.x + zero->box.width / 2.0 - plot_right), <, zero->box.width);

  /* the legend reads from the top right */
  first = &g_array_index (l.legend, LegendItem, 0);
  g_assert_cmpint (first->vector, ==, 0);
  for (guint i = 1; i < l.legend->len; i++)
    g_assert_cmpfloat (g_array_index (l.legend, LegendItem, i).swatch.x, <, first->swatch.x);
  g_assert_cmpfloat (first->swatch.x + first->swatch.width, >, WIDTH - 2 * l.em);
  first_name = find_text (&l, "الدائرة 5");
  g_assert_nonnull (first_name);
  g_assert_cmpfloat (first_name->box.x + first_name->box.width, <=, first->swatch.x);

  _lens_plot_layout_clear (&l);
}

/* The bars are drawn growing leftwards: the right end of the data area (zero) is covered by
 * the first vector's colour in the longest row, its left end is not in the shortest. */
static void
test_rtl_horizontal_drawn (void)
{
  g_autoptr(LensSeries) series = offence_series (1);
  LensPlotStyle style;
  Layout l;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double color[4];
  double row;
  const guint32 *pixels;
  int stride;

  style_init (&style, TRUE);
  _lens_plot_layout_compute (&l, series, LENS_PLOT_HORIZONTAL_BAR, &style, NULL, NULL, WIDTH, HEIGHT);
  lens_plot_draw (series, LENS_PLOT_HORIZONTAL_BAR, &style, NULL, NULL, "", cr, WIDTH, HEIGHT);
  cairo_surface_flush (surface);
  lens_plot_get_series_color (&style, 0, color);

  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  row = l.plot.height / l.n;

#define PIXEL_IS_SERIES(x, y) \
  (ABS ((int) ((pixels[(int) (y) * stride + (int) (x)] >> 16) & 0xff) - (int) round (color[0] * 255)) <= 6 && \
   ABS ((int) ((pixels[(int) (y) * stride + (int) (x)] >> 8) & 0xff) - (int) round (color[1] * 255)) <= 6 && \
   ABS ((int) (pixels[(int) (y) * stride + (int) (x)] & 0xff) - (int) round (color[2] * 255)) <= 6)

  /* the first row (1000) near its zero end, and where a left-to-right bar would end */
  g_assert_true (PIXEL_IS_SERIES (l.plot.x + l.plot.width - 4, l.plot.y + 0.5 * row));
  /* the last row (400 of the axis's 1000) leaves the left of the data area empty */
  g_assert_false (PIXEL_IS_SERIES (l.plot.x + 4, l.plot.y + (l.n - 0.5) * row));
  g_assert_true (PIXEL_IS_SERIES (l.plot.x + l.plot.width - 4, l.plot.y + (l.n - 0.5) * row));
#undef PIXEL_IS_SERIES

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  _lens_plot_layout_clear (&l);
}

static void
assert_same_texts (Layout  *a,
                   Layout  *b,
                   guint    from)
{
  g_assert_cmpuint (a->texts->len, ==, b->texts->len);
  for (guint i = from; i < a->texts->len; i++)
    {
      const TextItem *x = &g_array_index (a->texts, TextItem, i);
      const TextItem *y = &g_array_index (b->texts, TextItem, i);

      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpfloat (x->box.x, ==, y->box.x);
      g_assert_cmpfloat (x->box.y, ==, y->box.y);
      g_assert_cmpfloat (x->x, ==, y->x);
    }
}

/* Left to right: labels left of the bars, and the same layout and the same pixels as the
 * style's default direction (the C locale's: left to right). */
static void
test_ltr_unchanged (void)
{
  static const LensPlotKind kinds[] = {
    LENS_PLOT_HORIZONTAL_BAR, LENS_PLOT_BAR, LENS_PLOT_LINE, LENS_PLOT_STACKED_BAR,
  };
  LensPlotStyle plain, ltr;

  lens_plot_style_init_light (&plain);
  g_assert_false (plain.rtl);
  style_init (&ltr, FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(LensSeries) series = kinds[k] == LENS_PLOT_HORIZONTAL_BAR ? offence_series (2) : year_series ();
      cairo_surface_t *surfaces[2];
      Layout a, b;

      _lens_plot_layout_compute (&a, series, kinds[k], &plain, "x", "y", WIDTH, HEIGHT);
      _lens_plot_layout_compute (&b, series, kinds[k], &ltr, "x", "y", WIDTH, HEIGHT);
      assert_same_texts (&a, &b, 0);

      if (kinds[k] == LENS_PLOT_HORIZONTAL_BAR)
        for (guint i = 0; i < a.texts->len; i++)
          {
            const TextItem *item = &g_array_index (a.texts, TextItem, i);

            if (is_category (item->text))
              g_assert_cmpfloat (item->box.x + item->box.width, <=, a.plot.x);
          }

      for (guint s = 0; s < 2; s++)
        {
          cairo_t *cr;

          surfaces[s] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
          cr = cairo_create (surfaces[s]);
          lens_plot_draw (series, kinds[k], s == 0 ? &plain : &ltr, "x", "y", "", cr, WIDTH, HEIGHT);
          cairo_destroy (cr);
          cairo_surface_flush (surfaces[s]);
        }
      g_assert_cmpmem (cairo_image_surface_get_data (surfaces[0]),
                       cairo_image_surface_get_stride (surfaces[0]) * (int) HEIGHT,
                       cairo_image_surface_get_data (surfaces[1]),
                       cairo_image_surface_get_stride (surfaces[1]) * (int) HEIGHT);
      cairo_surface_destroy (surfaces[0]);
      cairo_surface_destroy (surfaces[1]);
      _lens_plot_layout_clear (&a);
      _lens_plot_layout_clear (&b);
    }
}

/* A time axis keeps running left to right under a right-to-left language: the plot, the
 * years and the ticks are where they are in English; only the legend moves to the right. */
static void
test_rtl_time_axis (void)
{
  g_autoptr(LensSeries) series = year_series ();
  LensPlotStyle ltr, rtl;
  Layout a, b;
  guint n_legend_texts;

  style_init (&ltr, FALSE);
  style_init (&rtl, TRUE);
  _lens_plot_layout_compute (&a, series, LENS_PLOT_LINE, &ltr, NULL, NULL, WIDTH, HEIGHT);
  _lens_plot_layout_compute (&b, series, LENS_PLOT_LINE, &rtl, NULL, NULL, WIDTH, HEIGHT);

  g_assert_cmpfloat (a.plot.x, ==, b.plot.x);
  g_assert_cmpfloat (a.plot.width, ==, b.plot.width);
  /* the years, left to right */
  g_assert_cmpfloat (find_text (&b, "2020")->box.x, <, find_text (&b, "2024")->box.x);
  g_assert_cmpfloat (find_text (&a, "2024")->box.x, ==, find_text (&b, "2024")->box.x);

  /* the legend's texts come first; everything after them is as in English */
  n_legend_texts = a.legend->len;
  assert_same_texts (&a, &b, n_legend_texts);
  g_assert_cmpfloat (g_array_index (b.legend, LegendItem, 0).swatch.x, >,
                     g_array_index (b.legend, LegendItem, 1).swatch.x);
  g_assert_cmpfloat (g_array_index (b.legend, LegendItem, 0).swatch.x, >, WIDTH / 2);

  _lens_plot_layout_clear (&a);
  _lens_plot_layout_clear (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot-rtl/horizontal", test_rtl_horizontal);
  g_test_add_func ("/plot-rtl/horizontal-drawn", test_rtl_horizontal_drawn);
  g_test_add_func ("/plot-rtl/ltr-unchanged", test_ltr_unchanged);
  g_test_add_func ("/plot-rtl/time-axis", test_rtl_time_axis);
  return g_test_run ();
}
