/* main.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lens-application.h"
#include "lens-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LensApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  lens_resources_ensure_registered ();

  app = lens_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
