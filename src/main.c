/* main.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lens-application.h"
#include "lens-language.h"
#include "lens-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LensApplication) app = NULL;

  /* Before anything is translated: the language from --language or Preferences. */
  lens_language_init (lens_language_scan_argv (argc, argv));
  /* GTK would otherwise reset the locale from the environment when it starts. */
  gtk_disable_setlocale ();

  lens_resources_ensure_registered ();

  app = lens_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
