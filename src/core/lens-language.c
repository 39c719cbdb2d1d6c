/* lens-language.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-language"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "lens-language.h"
#include "lens-settings.h"

static const LensLanguage languages[] = {
  { "en", "English", "en_US.UTF-8", FALSE },
  { "es", "Español", "es_ES.UTF-8", FALSE },
  { "zh_CN", "中文（简体）", "zh_CN.UTF-8", FALSE },
  { "pl", "Polski", "pl_PL.UTF-8", FALSE },
  { "ar", "العربية", "ar_EG.UTF-8", TRUE },
  { "hi", "हिन्दी", "hi_IN.UTF-8", FALSE },
};

const LensLanguage *
lens_language_get_available (guint *n_languages)
{
  if (n_languages != NULL)
    *n_languages = G_N_ELEMENTS (languages);

  return languages;
}

const LensLanguage *
lens_language_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];

  return NULL;
}

char *
lens_language_get_saved (void)
{
  g_autoptr(GSettingsSchema) schema = lens_settings_lookup_installed_schema ();
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *code = NULL;

  /* Not installed: nothing can have been saved (the built-in defaults say ""). */
  if (schema == NULL || !g_settings_schema_has_key (schema, "language"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  code = g_settings_get_string (settings, "language");
  if (*code == '\0')
    return NULL;

  return g_steal_pointer (&code);
}

/* "es_ES.UTF-8@euro" -> "es_ES" (with_territory) or "es" */
static char *
locale_language (const char *locale,
                 gboolean    with_territory)
{
  gsize len = strcspn (locale, with_territory ? ".@" : "_.@");

  return g_strndup (locale, len);
}

static gboolean
locale_is_c (const char *locale)
{
  return locale == NULL ||
         g_str_equal (locale, "C") ||
         g_str_equal (locale, "POSIX") ||
         g_str_has_prefix (locale, "C.");
}

/* Whether the LC_MESSAGES locale already speaks @language ("es" matches es_MX; "zh_CN" needs
 * zh_CN, not zh_TW). */
static gboolean
locale_speaks (const char         *locale,
               const LensLanguage *language)
{
  gboolean with_territory = strchr (language->code, '_') != NULL;
  g_autofree char *spoken = NULL;

  if (locale_is_c (locale))
    return FALSE;

  spoken = locale_language (locale, with_territory);
  return g_str_equal (spoken, language->code);
}

/* gettext ignores LANGUAGE under the plain C locale (a machine with no LANG set), but not
 * under C.UTF-8, which keeps the C form of numbers and dates. */
static void
let_gettext_read_language (const char *messages)
{
  if (locale_is_c (messages) && g_strcmp0 (messages, "C.UTF-8") != 0)
    setlocale (LC_ALL, "C.UTF-8");
}

gboolean
lens_language_apply (const char *code)
{
  const LensLanguage *language;
  const char *messages;

  if (code == NULL || *code == '\0')
    return TRUE;

  language = lens_language_lookup (code);
  if (language == NULL)
    return FALSE;

  /* LANGUAGE wins over LC_MESSAGES for gettext, and GTK reads its text direction from its own
   * translation, so this one variable moves the whole interface. */
  g_setenv ("LANGUAGE", language->code, TRUE);

  messages = setlocale (LC_MESSAGES, NULL);
  if (!locale_speaks (messages, language))
    {
      /* Numbers and dates follow the chosen language too. The locale may not be installed:
       * then keep what there is, but gettext ignores LANGUAGE under the plain C locale, so move
       * to C.UTF-8 in that case. */
      if (setlocale (LC_ALL, language->locale) == NULL)
        {
          g_debug ("Locale %s is not installed; numbers and dates keep the system's form",
                   language->locale);
          let_gettext_read_language (messages);
        }
    }
  else
    {
      g_autofree char *same = g_strdup (messages);

      /* Setting the locale again makes gettext drop what it cached for the old LANGUAGE. */
      setlocale (LC_MESSAGES, same);
    }

  return TRUE;
}

gboolean
lens_language_has_locale (const LensLanguage *language)
{
  locale_t locale;

  g_return_val_if_fail (language != NULL, FALSE);

  locale = newlocale (LC_ALL_MASK, language->locale, (locale_t) 0);
  if (locale == (locale_t) 0)
    return FALSE;

  freelocale (locale);
  return TRUE;
}

const char *
lens_language_get_localedir (void)
{
  const char *dir = g_getenv ("REFORM_LENS_LOCALEDIR");

  if (dir != NULL && *dir != '\0' && g_path_is_absolute (dir))
    return dir;

  return LOCALEDIR;
}

void
lens_language_init (const char *code)
{
  g_autofree char *saved = NULL;

  setlocale (LC_ALL, "");

  if (code == NULL)
    code = saved = lens_language_get_saved ();

  /* LANGUAGE=es set by hand is a choice too, also where no locale is set. */
  if (code == NULL && g_getenv ("LANGUAGE") != NULL && *g_getenv ("LANGUAGE") != '\0')
    let_gettext_read_language (setlocale (LC_MESSAGES, NULL));

  /* An unknown code keeps the system language; --language reports it itself. */
  if (!lens_language_apply (code))
    g_debug ("Unknown language “%s”; using the system language", code);

  bindtextdomain (GETTEXT_PACKAGE, lens_language_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
lens_language_scan_argv (int    argc,
                         char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--language="))
        return argv[i] + strlen ("--language=");
      if (g_str_equal (argv[i], "--language") && i + 1 < argc)
        return argv[i + 1];
    }

  return NULL;
}

gboolean
lens_language_is_rtl (void)
{
  const char * const *names = g_get_language_names ();

  /* The first name the app has a language for decides ("ar_EG.UTF-8", "ar_EG", ... "ar"). */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const LensLanguage *language;

      if (locale_is_c (names[i]))
        break;
      language = lens_language_lookup (names[i]);
      if (language != NULL)
        return language->rtl;
    }

  return FALSE;
}
