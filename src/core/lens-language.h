/* lens-language.h: the language the app runs in
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language is chosen once, at start, before anything is translated and before GTK is
 * initialised: from the `language` setting (Preferences), or from an explicit code such as a
 * command-line option. Nothing here uses GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* The code stored in the `language` setting and given to LANGUAGE: "es", "zh_CN", ... */
  const char *code;
  /* The language's name in itself ("Español"); never translated. */
  const char *native_name;
  /* The locale used for numbers and dates when the language is forced ("es_ES.UTF-8"). */
  const char *locale;
  /* Written right to left. */
  gboolean    rtl;
} LensLanguage;

/* The languages the app offers, in the order Preferences lists them (English first). */
const LensLanguage *lens_language_get_available (guint      *n_languages);
/* The entry for @code, or NULL when the app does not offer it. */
const LensLanguage *lens_language_lookup        (const char *code);

/* The code saved in the `language` setting, or NULL for the system language (also when the
 * settings schema is not installed: never aborts). */
char               *lens_language_get_saved     (void);

/* Runs the app in @code (NULL or "" leave the system language alone): sets LANGUAGE and, when
 * the current LC_MESSAGES locale is C/POSIX or another language, switches the whole locale to
 * the language's own (e.g. es_ES.UTF-8) so that numbers and dates follow it too. A locale that
 * is not installed is not fatal: the messages are still translated. Returns FALSE for a code
 * the app does not offer (nothing is changed).
 *
 * Call it before GTK is initialised and before any other thread runs (it calls setenv and
 * setlocale); main() also calls gtk_disable_setlocale() so that GTK keeps the locale chosen. */
gboolean            lens_language_apply         (const char *code);

/* Whether @language's own locale (language->locale) is installed on this computer: without
 * it lens_language_apply() still translates the messages, but numbers and dates keep the
 * system's form. */
gboolean            lens_language_has_locale    (const LensLanguage *language);

/* Where the translations are read from: $REFORM_LENS_LOCALEDIR (set by the tests to the build
 * tree) when it is set, the installed LOCALEDIR otherwise. */
const char         *lens_language_get_localedir (void);

/* The whole start-up sequence of main(): setlocale (LC_ALL, ""), then lens_language_apply()
 * with @code, or the saved setting when @code is NULL, then binds the text domain. */
void                lens_language_init          (const char *code);

/* The --language=CODE (or --language CODE) value in @argv, or NULL. Looked for by main() before
 * the options are parsed, because the option's own help text must already be translated. */
const char         *lens_language_scan_argv     (int         argc,
                                                 char      **argv);

/* TRUE when the language the app's messages are shown in is written right to left. */
gboolean            lens_language_is_rtl        (void);

G_END_DECLS
