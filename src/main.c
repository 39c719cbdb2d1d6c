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
  g_autoptr(GSettingsSchema) schema = NULL;

  /* The language chosen in Preferences wins over the system's for the messages (numbers and
   * dates keep following the system's locale). Read before anything is translated. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *language = g_settings_get_string (settings, "language");

      if (*language != '\0')
        g_setenv ("LANGUAGE", language, TRUE);
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  lens_resources_ensure_registered ();

  app = lens_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
