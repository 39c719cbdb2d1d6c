/* lens-pdf-text.c: the text of a written PDF, read with the poppler tools, for the tests
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lens-pdf-text.h"

gboolean
lens_pdf_have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdftoppm" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed");
          return FALSE;
        }
    }

  return TRUE;
}

char *
lens_pdf_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

/* Runs of blanks (also no-break spaces) as one space, so a date with two spaces in it or a
 * number with a narrow no-break space matches what pdftotext lays out. */
char *
lens_pdf_squeeze (const char *text)
{
  GString *str = g_string_new (NULL);
  gboolean blank = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          blank = TRUE;
          continue;
        }
      if (blank && str->len > 0 && str->str[str->len - 1] != '\n' && c != '\n')
        g_string_append_c (str, ' ');
      blank = FALSE;
      g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}

guint
lens_pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = lens_pdf_run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "), NULL, 10);
}

char *
lens_pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return lens_pdf_run (argv);
}

/* The text of @page (from 1), squeezed. */
char *
lens_pdf_page_text (const char *path,
                    guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = lens_pdf_run (argv);

  return lens_pdf_squeeze (text);
}

GPtrArray *
lens_pdf_pages_text (const char *path,
                     guint       n_pages)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 1; p <= n_pages; p++)
    g_ptr_array_add (pages, lens_pdf_page_text (path, p));

  return pages;
}

/* TRUE when a line of @text holds every one of @cells, in order. */
gboolean
lens_pdf_has_row (const char  *text,
                  const char **cells,
                  guint        n_cells)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];
      guint c;

      for (c = 0; c < n_cells; c++)
        {
          g_autofree char *cell = lens_pdf_squeeze (cells[c]);
          const char *found = strstr (p, cell);

          if (found == NULL)
            break;
          p = found + strlen (cell);
        }
      if (c == n_cells)
        return TRUE;
    }

  return FALSE;
}
