#!/usr/bin/env python3
# check-manifest.py
#
# Copyright 2026 The Reform Lens authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest offline: it is valid JSON, flatpak-builder parses it without a
# warning, its finish-args are exactly the allowed set, and the app ID is the same everywhere it
# is written (manifest file name and "id", desktop file name and Icon=, metainfo id and launchable,
# icon file names, GSettings schema id and path, app_id in meson.build).
#
# Exit status: 0 all checks passed; 1 a check failed; 77 every other check passed but
# flatpak-builder is not installed, so its part was skipped (meson reports a skip).

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ALLOWED_FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
}

SKIP = 77


class Checker:
    def __init__(self):
        self.failures = []

    def check(self, ok, message):
        if ok:
            print(f'ok: {message}')
        else:
            print(f'FAIL: {message}')
            self.failures.append(message)
        return ok


def reject_duplicate_keys(pairs):
    # json.load keeps the last of two equal keys silently; flatpak-builder would too.
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f'duplicate keys: {", ".join(duplicates)}')
    return dict(pairs)


def find_manifest(source_root):
    flatpak_dir = os.path.join(source_root, 'flatpak')
    manifests = sorted(name for name in os.listdir(flatpak_dir) if name.endswith('.json'))
    if len(manifests) != 1:
        sys.exit(f'FAIL: expected exactly one manifest in {flatpak_dir}, found {manifests}')
    return os.path.join(flatpak_dir, manifests[0])


def read_text(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def check_manifest_content(c, manifest, app_id):
    c.check(manifest.get('id') == app_id, f'manifest "id" is {manifest.get("id")!r}')
    c.check('app-id' not in manifest, 'manifest uses "id", not the old "app-id" as well')
    c.check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform')
    c.check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk')
    version = manifest.get('runtime-version', '')
    c.check(re.fullmatch(r'[0-9]+', str(version)) is not None,
            f'runtime-version {version!r} is a numbered stable branch')
    command = manifest.get('command', '')
    c.check(command == 'reform-lens', f'command is {command!r}, a bare name in /app/bin')

    finish_args = manifest.get('finish-args', [])
    c.check(len(finish_args) == len(set(finish_args)), 'finish-args has no duplicates')
    c.check(set(finish_args) == ALLOWED_FINISH_ARGS,
            'finish-args is exactly ' + ' '.join(sorted(ALLOWED_FINISH_ARGS))
            + (f' (got {" ".join(finish_args)})' if set(finish_args) != ALLOWED_FINISH_ARGS else ''))

    modules = manifest.get('modules', [])
    c.check(all(isinstance(m, dict) for m in modules), 'every module is written inline')
    for module in modules:
        if not isinstance(module, dict):
            continue
        name = module.get('name', '?')
        for source in module.get('sources', []):
            kind = source.get('type')
            if kind in ('archive', 'file'):
                c.check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
                        f'module {name}: {kind} source pinned by sha256')
            elif kind == 'git':
                c.check('tag' in source or 'commit' in source,
                        f'module {name}: git source pinned by tag or commit')
    if modules and isinstance(modules[-1], dict):
        app = modules[-1]
        c.check(app.get('buildsystem') == 'meson', 'the app module (last) is built with meson')
        c.check('-Dtests=false' in app.get('config-opts', []), 'the app module has -Dtests=false')


def check_app_id_everywhere(c, source_root, app_id, meson_app_id):
    data = os.path.join(source_root, 'data')

    c.check(re.fullmatch(r'[A-Za-z_][\w]*(\.[A-Za-z_][\w]*){2,}', app_id) is not None
            and len(app_id) <= 255, f'{app_id} is a well-formed app ID')

    meson_build = read_text(os.path.join(source_root, 'meson.build'))
    match = re.search(r"^app_id\s*=\s*'([^']*)'", meson_build, re.MULTILINE)
    c.check(match is not None and match.group(1) == app_id,
            f'meson.build app_id is {match.group(1) if match else None!r}')
    if meson_app_id is not None:
        c.check(meson_app_id == app_id, f'meson configured APP_ID {meson_app_id!r}')

    desktop = os.path.join(data, app_id + '.desktop.in')
    if c.check(os.path.isfile(desktop), f'desktop file data/{app_id}.desktop.in exists'):
        icon = re.search(r'^Icon=(.*)$', read_text(desktop), re.MULTILINE)
        c.check(icon is not None and icon.group(1).strip() == app_id,
                f'desktop file Icon= is {icon.group(1).strip() if icon else None!r}')

    metainfo = os.path.join(data, app_id + '.metainfo.xml.in')
    if c.check(os.path.isfile(metainfo), f'metainfo data/{app_id}.metainfo.xml.in exists'):
        root = ET.parse(metainfo).getroot()
        c.check(root.findtext('id') == app_id, f'metainfo <id> is {root.findtext("id")!r}')
        launchables = [l.text for l in root.findall('launchable')
                       if l.get('type') == 'desktop-id']
        c.check(launchables == [app_id + '.desktop'],
                f'metainfo desktop-id launchable is {launchables!r}')

    schema = os.path.join(data, app_id + '.gschema.xml')
    if c.check(os.path.isfile(schema), f'schema data/{app_id}.gschema.xml exists'):
        root = ET.parse(schema).getroot()
        schemas = root.findall('schema')
        wanted_path = '/' + app_id.replace('.', '/') + '/'
        c.check(any(s.get('id') == app_id and s.get('path') == wanted_path for s in schemas),
                f'schema id {app_id} with path {wanted_path}')

    icons = os.path.join(data, 'icons', 'hicolor')
    scalable = os.path.join(icons, 'scalable', 'apps', app_id + '.svg')
    symbolic = os.path.join(icons, 'symbolic', 'apps', app_id + '-symbolic.svg')
    c.check(os.path.isfile(scalable), f'icon hicolor/scalable/apps/{app_id}.svg exists')
    c.check(os.path.isfile(symbolic), f'icon hicolor/symbolic/apps/{app_id}-symbolic.svg exists')
    allowed = {app_id + '.svg', app_id + '.png', app_id + '-symbolic.svg'}
    for dirpath, _, filenames in os.walk(icons):
        for filename in filenames:
            c.check(filename in allowed,
                    f'icon {os.path.relpath(os.path.join(dirpath, filename), data)} is named by the app ID')


def check_flatpak_builder(c, manifest_path):
    flatpak_builder = shutil.which('flatpak-builder')
    if flatpak_builder is None:
        print('skip: flatpak-builder is not installed; --show-manifest not run')
        return False
    # flatpak-builder writes a .flatpak-builder state directory into its working directory:
    # run it in a scratch directory so neither the source tree nor the home gets one.
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, HOME=scratch, XDG_CACHE_HOME=os.path.join(scratch, 'cache'))
        result = subprocess.run([flatpak_builder, '--show-manifest',
                                 os.path.abspath(manifest_path)],
                                capture_output=True, text=True, env=env, cwd=scratch)
    if result.stderr.strip():
        print(result.stderr.rstrip())
    c.check(result.returncode == 0, f'flatpak-builder --show-manifest exits 0 ({result.returncode})')
    c.check('WARNING' not in result.stderr and 'CRITICAL' not in result.stderr,
            'flatpak-builder --show-manifest prints no warning')
    try:
        json.loads(result.stdout)
        c.check(True, 'flatpak-builder prints the normalised manifest as JSON')
    except ValueError as e:
        c.check(False, f'flatpak-builder prints the normalised manifest as JSON ({e})')
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--source-root',
                        default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument('--app-id', help='the APP_ID meson configured, to compare as well')
    args = parser.parse_args()

    c = Checker()
    manifest_path = find_manifest(args.source_root)
    app_id = os.path.basename(manifest_path)[:-len('.json')]
    print(f'manifest: {manifest_path}')

    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f, object_pairs_hook=reject_duplicate_keys)
        c.check(isinstance(manifest, dict), 'manifest is a JSON object')
    except ValueError as e:
        c.check(False, f'manifest is valid JSON ({e})')
        manifest = {}

    if isinstance(manifest, dict):
        check_manifest_content(c, manifest, app_id)
    check_app_id_everywhere(c, args.source_root, app_id, args.app_id)
    ran_builder = check_flatpak_builder(c, manifest_path)

    if c.failures:
        print(f'{len(c.failures)} check(s) failed')
        return 1
    return 0 if ran_builder else SKIP


if __name__ == '__main__':
    sys.exit(main())
