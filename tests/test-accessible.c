/* test-accessible.c: the naming helpers in src/gui/widgets/lens-accessible.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "lens-accessible.h"

static void
test_strip_mnemonic (void)
{
  const struct { const char *label; const char *name; } cases[] = {
    { "_Retry", "Retry" },
    { "Open Crime Charts", "Open Crime Charts" },
    { "_مقارنة مع", "مقارنة مع" },
    { "snake__case", "snake_case" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = lens_accessible_strip_mnemonic (cases[i].label);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* A button whose label has a mnemonic is named without the underscore (not "_Retry Retry"). */
static void
test_set_name (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_mnemonic ("_Retry"));
  g_autofree char *error = NULL;

  lens_accessible_set_name (button, "_Retry");
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Retry");
  g_assert_null (error);
  g_object_unref (button);
}

int
main (int   argc,
      char *argv[])
{
  /* the test AT context keeps the properties; the suite's GTK_A11Y=none would drop them */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/accessible/strip-mnemonic", test_strip_mnemonic);
  g_test_add_func ("/accessible/set-name", test_set_name);
  return g_test_run ();
}
