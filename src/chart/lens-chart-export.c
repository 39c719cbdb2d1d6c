/* lens-chart-export.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <string.h>

#include "lens-chart-export.h"

/* Files are drawn on an 800 x 500 page (points for SVG and PDF; PNG at twice that in
 * pixels, so the text stays readable on a projector). */
#define PAGE_WIDTH  800.0
#define PAGE_HEIGHT 500.0
#define PNG_SCALE   2.0

struct _LensChartDocument
{
  gatomicrefcount ref_count;
  LensSeries     *series;
  LensPlotKind    kind;
  char           *title;
  char           *x_title;
  char           *y_title;
  char          **footer;
  char          **column_names;
  char           *empty_message;
  GPtrArray      *text_names;  /* of char *: text columns after the numbers */
  GPtrArray      *text_cells;  /* of GStrv, one cell per label */
};

G_DEFINE_BOXED_TYPE (LensChartDocument, lens_chart_document,
                     lens_chart_document_ref, lens_chart_document_unref)

LensChartDocument *
lens_chart_document_new (LensSeries   *series,
                         LensPlotKind  kind)
{
  LensChartDocument *self;

  g_return_val_if_fail (series != NULL, NULL);

  self = g_new0 (LensChartDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->series = lens_series_ref (series);
  self->kind = kind;

  return self;
}

LensChartDocument *
lens_chart_document_ref (LensChartDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lens_chart_document_unref (LensChartDocument *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      lens_series_unref (self->series);
      g_free (self->title);
      g_free (self->x_title);
      g_free (self->y_title);
      g_strfreev (self->footer);
      g_strfreev (self->column_names);
      g_free (self->empty_message);
      g_clear_pointer (&self->text_names, g_ptr_array_unref);
      g_clear_pointer (&self->text_cells, g_ptr_array_unref);
      g_free (self);
    }
}

void
lens_chart_document_set_title (LensChartDocument *self,
                               const char        *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

void
lens_chart_document_set_axis_titles (LensChartDocument *self,
                                     const char        *x_title,
                                     const char        *y_title)
{
  g_return_if_fail (self != NULL);

  g_free (self->x_title);
  g_free (self->y_title);
  self->x_title = g_strdup (x_title);
  self->y_title = g_strdup (y_title);
}

void
lens_chart_document_set_footer (LensChartDocument  *self,
                                const char * const *lines)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->footer);
  self->footer = g_strdupv ((char **) lines);
}

void
lens_chart_document_set_column_names (LensChartDocument  *self,
                                      const char * const *names)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->column_names);
  self->column_names = g_strdupv ((char **) names);
}

void
lens_chart_document_set_empty_message (LensChartDocument *self,
                                       const char        *message)
{
  g_return_if_fail (self != NULL);

  g_free (self->empty_message);
  self->empty_message = g_strdup (message);
}

void
lens_chart_document_add_text_column (LensChartDocument  *self,
                                     const char         *name,
                                     const char * const *cells)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (cells != NULL);

  if (self->text_names == NULL)
    {
      self->text_names = g_ptr_array_new_with_free_func (g_free);
      self->text_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    }
  g_ptr_array_add (self->text_names, g_strdup (name));
  g_ptr_array_add (self->text_cells, g_strdupv ((char **) cells));
}

LensSeries *
lens_chart_document_get_series (LensChartDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->series;
}

LensPlotKind
lens_chart_document_get_kind (LensChartDocument *self)
{
  g_return_val_if_fail (self != NULL, LENS_PLOT_BAR);

  return self->kind;
}

const char *
lens_chart_document_get_title (LensChartDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* Tables */

static const char *
column_name (LensChartDocument *self,
             guint              column)
{
  if (self->column_names != NULL && column < g_strv_length (self->column_names))
    return self->column_names[column];

  if (column == 0)
    {
      /* Translators: the heading of the first column of an exported table */
      return _("Category");
    }

  if (column > lens_series_get_n_vectors (self->series))
    return lens_series_get_vector_name (lens_series_get_counts (self->series),
                                        column - 1 - lens_series_get_n_vectors (self->series));

  return lens_series_get_vector_name (self->series, column - 1);
}

/* A plain number a spreadsheet reads in any locale: C locale, no grouping, as short as it
 * can be while reading back the same double. */
static void
append_number (GString *str,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  g_string_append (str, buf);
}

static void
append_csv_field (GString    *str,
                  const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (str, field);
      return;
    }

  g_string_append_c (str, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (str, '"');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');
}

static void
append_tsv_field (GString    *str,
                  const char *field)
{
  if (field == NULL)
    return;

  for (const char *p = field; *p; p++)
    g_string_append_c (str, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static char *
export_table (LensChartDocument *self,
              gboolean           csv)
{
  GString *str = g_string_new (NULL);
  guint n_vectors = lens_series_get_n_vectors (self->series);
  guint n_labels = lens_series_get_n_labels (self->series);
  /* An index or a share carries the counts it was computed from: never drop them. */
  LensSeries *counts = lens_series_get_counts (self->series);
  guint n_counts = counts != NULL ? lens_series_get_n_vectors (counts) : 0;
  const char *sep = csv ? "," : "\t";
  const char *eol = csv ? "\r\n" : "\n";
  guint n_text = self->text_names != NULL ? self->text_names->len : 0;
  void (*append_field) (GString *, const char *) = csv ? append_csv_field : append_tsv_field;

  for (guint c = 0; c <= n_vectors + n_counts; c++)
    {
      if (c > 0)
        g_string_append (str, sep);
      append_field (str, column_name (self, c));
    }
  for (guint t = 0; t < n_text; t++)
    {
      g_string_append (str, sep);
      append_field (str, g_ptr_array_index (self->text_names, t));
    }
  g_string_append (str, eol);

  for (guint i = 0; i < n_labels; i++)
    {
      append_field (str, lens_series_get_label (self->series, i));
      for (guint v = 0; v < n_vectors; v++)
        {
          g_string_append (str, sep);
          append_number (str, lens_series_get_value (self->series, v, i));
        }
      for (guint v = 0; v < n_counts; v++)
        {
          g_string_append (str, sep);
          append_number (str, lens_series_get_value (counts, v, i));
        }
      for (guint t = 0; t < n_text; t++)
        {
          char **cells = g_ptr_array_index (self->text_cells, t);

          g_string_append (str, sep);
          if (i < g_strv_length (cells))
            append_field (str, cells[i]);
        }
      g_string_append (str, eol);
    }

  return g_string_free (str, FALSE);
}

char *
lens_chart_export_to_csv (LensChartDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return export_table (self, TRUE);
}

char *
lens_chart_export_to_tsv (LensChartDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return export_table (self, FALSE);
}

/* Pages */

static PangoLayout *
create_text_layout (cairo_t    *cr,
                    const char *text,
                    double      size_pt,
                    gboolean    bold,
                    double      width,
                    int         max_lines)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "sans");
  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* a negative height is a number of lines */
  pango_layout_set_height (layout, -max_lines);

  return layout;
}

gboolean
lens_chart_export_to_cairo_page (LensChartDocument *self,
                                 cairo_t           *cr,
                                 double             width,
                                 double             height)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  LensPlotStyle style;
  double margin;
  double scale;
  double top, bottom;
  int tw, th;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    return TRUE;

  lens_plot_style_init_light (&style);

  /* text grows with the page: 10 pt tick labels on an 800 x 500 page */
  scale = CLAMP (MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT), 0.5, 3.0);
  style.font_size_pt = 10.0 * scale;
  margin = 20.0 * scale;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  top = margin;
  bottom = height - margin;

  if (self->title != NULL && self->title[0] != '\0')
    {
      title = create_text_layout (cr, self->title, 15.0 * scale, TRUE, width - 2 * margin, 2);
      pango_layout_get_pixel_size (title, &tw, &th);
      cairo_set_source_rgba (cr, style.foreground[0], style.foreground[1],
                             style.foreground[2], style.foreground[3]);
      cairo_move_to (cr, margin, top);
      pango_cairo_show_layout (cr, title);
      top += th + 0.6 * margin;
    }

  if (self->footer != NULL && self->footer[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", self->footer);

      double needed = lens_plot_get_min_height (self->series, self->kind, &style, self->x_title,
                                                self->y_title, width - 2 * margin);
      double footer_pt = 8.5;

      footer = create_text_layout (cr, text, footer_pt * scale, FALSE, width - 2 * margin, 12);
      pango_layout_get_pixel_size (footer, &tw, &th);
      /* A horizontal-bar chart shows every category's name only with a line for each: a
       * footer that leaves less (Devanagari lines are tall) gets a smaller type, down to 6.5 pt. */
      while (needed > 0 && bottom - th - 0.6 * margin - top < needed && footer_pt > 6.5)
        {
          g_clear_object (&footer);
          footer_pt -= 0.5;
          footer = create_text_layout (cr, text, footer_pt * scale, FALSE, width - 2 * margin, 12);
          pango_layout_get_pixel_size (footer, &tw, &th);
        }

      /* the footer never takes more than a third of the page */
      if (th > (height - top) / 3.0)
        {
          pango_layout_set_height (footer, (int) ((height - top) / 3.0 * PANGO_SCALE));
          pango_layout_get_pixel_size (footer, &tw, &th);
        }

      bottom -= th;
      cairo_set_source_rgba (cr, style.foreground[0], style.foreground[1],
                             style.foreground[2], 0.75);
      cairo_move_to (cr, margin, bottom);
      pango_cairo_show_layout (cr, footer);
      bottom -= 0.6 * margin;
    }

  if (bottom - top > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, margin, top);
      lens_plot_draw (self->series, self->kind, &style, self->x_title, self->y_title,
                      self->empty_message ? self->empty_message : _("No data for this chart."),
                      cr, width - 2 * margin, bottom - top);
      cairo_restore (cr);
    }

  cairo_restore (cr);

  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

/* Files */

LensExportFormat
lens_export_format_from_path (const char *path)
{
  const char *dot;

  if (path == NULL)
    return LENS_EXPORT_FORMAT_UNKNOWN;

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return LENS_EXPORT_FORMAT_UNKNOWN;

  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return LENS_EXPORT_FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return LENS_EXPORT_FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return LENS_EXPORT_FORMAT_PDF;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    return LENS_EXPORT_FORMAT_CSV;

  return LENS_EXPORT_FORMAT_UNKNOWN;
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static void
png_write_to_bytes (png_structp png,
                    png_bytep   data,
                    size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
png_flush_nothing (png_structp png)
{
}

/* cairo_surface_write_to_png() compresses hard and took most of an export's time; a chart
 * (flat colours, long runs) compresses nearly as well at zlib's fastest level. */
static cairo_status_t
write_png (cairo_surface_t *surface,
           GByteArray      *bytes)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  g_autofree guchar *row = NULL;
  png_structp png;
  png_infop info;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  if (data == NULL || cairo_image_surface_get_format (surface) != CAIRO_FORMAT_RGB24)
    return CAIRO_STATUS_INVALID_FORMAT;

  row = g_malloc ((gsize) width * 3);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, bytes, png_write_to_bytes, png_flush_nothing);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);

      /* cairo's RGB24 is a native-endian 32-bit xRGB word per pixel */
      for (int x = 0; x < width; x++)
        {
          row[3 * x] = (pixels[x] >> 16) & 0xff;
          row[3 * x + 1] = (pixels[x] >> 8) & 0xff;
          row[3 * x + 2] = pixels[x] & 0xff;
        }
      png_write_row (png, row);
    }

  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);

  return CAIRO_STATUS_SUCCESS;
}

/* Renders the page into memory; the file is written in one go afterwards. */
static GByteArray *
render (LensExportDrawFunc  draw,
        gpointer            user_data,
        const char         *title,
        LensExportFormat    format,
        cairo_status_t     *status)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (512 * 1024);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean is_png = format == LENS_EXPORT_FORMAT_PNG;

  switch (format)
    {
    case LENS_EXPORT_FORMAT_PNG:
      /* opaque: RGB24 PNGs are smaller and quicker to write */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            PAGE_WIDTH * PNG_SCALE, PAGE_HEIGHT * PNG_SCALE);
      break;
    case LENS_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
      break;
    case LENS_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
      break;
    case LENS_EXPORT_FORMAT_CSV:
    case LENS_EXPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  if (is_png)
    cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  draw (cr, PAGE_WIDTH, PAGE_HEIGHT, user_data);
  *status = cairo_status (cr);
  cairo_destroy (cr);

  if (*status == CAIRO_STATUS_SUCCESS && is_png)
    *status = write_png (surface, bytes);

  cairo_surface_finish (surface);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_steal_pointer (&bytes);
}

static void
draw_document (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  lens_chart_export_to_cairo_page (user_data, cr, width, height);
}

gboolean
lens_chart_export_to_file (LensChartDocument  *self,
                           const char         *path,
                           LensExportFormat    format,
                           GError            **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == LENS_EXPORT_FORMAT_UNKNOWN)
    format = lens_export_format_from_path (path);
  if (format == LENS_EXPORT_FORMAT_CSV)
    csv = lens_chart_export_to_csv (self);

  return lens_export_drawing_to_file (draw_document, self, self->title, csv, path, format, error);
}

gboolean
lens_export_drawing_to_file (LensExportDrawFunc  draw,
                             gpointer            user_data,
                             const char         *title,
                             const char         *csv,
                             const char         *path,
                             LensExportFormat    format,
                             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *display = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  if (format == LENS_EXPORT_FORMAT_UNKNOWN)
    format = lens_export_format_from_path (path);

  if (format == LENS_EXPORT_FORMAT_CSV && csv != NULL)
    {
      data = csv;
      length = strlen (csv);
    }
  else if (format == LENS_EXPORT_FORMAT_PNG ||
           format == LENS_EXPORT_FORMAT_SVG ||
           format == LENS_EXPORT_FORMAT_PDF)
    {
      cairo_status_t status;

      bytes = render (draw, user_data, title, format, &status);
      if (bytes == NULL)
        {
          g_set_error (error, G_IO_ERROR,
                       status == CAIRO_STATUS_NO_MEMORY ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_FAILED,
                       /* Translators: %s is a file name, then the reason */
                       _("Could not save the chart to “%s”: %s"),
                       display, cairo_status_to_string (status));
          return FALSE;
        }
      data = (const char *) bytes->data;
      length = bytes->len;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save the chart to “%s”: use a name ending in .png, .svg, .pdf or .csv"),
                   display);
      return FALSE;
    }

  /* A temporary file in the same directory, renamed over @path once complete; on failure
   * GLib removes the temporary file, so no partial file is left. */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Could not save the chart to “%s”: %s"),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
