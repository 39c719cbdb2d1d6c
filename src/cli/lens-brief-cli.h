/* lens-brief-cli.h: --brief and --language on the command line (no display needed)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-brief.h"

G_BEGIN_DECLS

/* --brief=FILE.pdf and --language=CODE; the filters, --portal and --offline are lens-cli's. */
const GOptionEntry *lens_brief_cli_get_option_entries (void);

/* Switches the process to @language with lens_language_apply(), so that messages, numbers and
 * dates follow. Call before any translated string is produced. FALSE with a translated message
 * for a code lens_language_lookup() does not know; TRUE with @warning set (may be NULL) when
 * the language's locale is not installed, so only messages change. */
gboolean            lens_brief_cli_set_language       (const char    *language,
                                                       char         **warning,
                                                       GError       **error);

/* Reads the hidden --brief-sections list (chart ids, "crime", "complaints",
 * "consent-decree", "passages", "map") into chart ids for lens_brief_builder_build_async() and the
 * parts (the cover always). */
gboolean            lens_brief_cli_parse_sections     (const char      *sections,
                                                       GStrv           *chart_ids,
                                                       LensBriefParts  *parts,
                                                       GError         **error);

/* Applies --language, then runs --brief if given and returns its exit status; otherwise
 * returns -1 (or an exit status after printing what was wrong with --language). */
int                 lens_brief_cli_handle_options     (GVariantDict  *options,
                                                       GSettings     *settings);

G_END_DECLS
