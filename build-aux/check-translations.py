#!/usr/bin/env python3
"""Checks every translation listed in po/LINGUAS: it compiles with msgfmt --check-format,
has no fuzzy or untranslated message, and covers every message of a template made afresh from
po/POTFILES.in, so a string added to the code without a translation fails the test.

Usage: check-translations.py SOURCE_ROOT
"""
import os
import subprocess
import sys
import tempfile

# The same keywords as meson's i18n 'glib' preset.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--package-name=reform-lens',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_print:1:c-format',
]


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    if not languages:
        print('no languages in po/LINGUAS')
        return 77

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'reform-lens.pot')
        subprocess.run(['xgettext', '--files-from=' + os.path.join(po_dir, 'POTFILES.in'),
                        '--directory=' + root, '--output=' + pot] + XGETTEXT_ARGS, check=True)
        failures = 0
        for lang in languages:
            po = os.path.join(po_dir, lang + '.po')
            stats = subprocess.run(['msgfmt', '-c', '--check-format', '--statistics',
                                    '-o', os.devnull, po],
                                   capture_output=True, text=True,
                                   env=dict(os.environ, LC_ALL='C'))
            report = (stats.stdout + stats.stderr).strip()
            if stats.returncode != 0 or 'fuzzy' in report or 'untranslated' in report:
                print(f'{lang}: {report}')
                failures += 1
                continue
            cmp = subprocess.run(['msgcmp', '--use-untranslated', po, pot],
                                 capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
            if cmp.returncode != 0:
                missing = cmp.stderr.count('this message is used but not defined')
                print(f'{lang}: {missing} messages of the current sources are not in {lang}.po '
                      f'(run `meson compile reform-lens-update-po` and translate them)')
                print(cmp.stderr[:2000])
                failures += 1
                continue
            print(f'{lang}: {report}')
        return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
