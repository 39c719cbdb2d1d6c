#!/usr/bin/env python3
# test-flatpak-plplot.py
#
# Copyright 2026 The Reform Lens authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Flatpak manifest's PLplot module outside Flatpak and proves the app works with it.
# The GNOME runtime cannot be downloaded on the CI machines, so this does what flatpak-builder
# would do with the module, on Debian:
#
#   1. PLplot of the manifest's release, from Debian's source package (`apt-get source`, with a
#      private deb-src list and lists directory, so the machine's apt state is left alone),
#      configured with exactly the module's config-opts and build-options, into a temporary
#      prefix that stands for /app;
#   2. the devices Reform Lens needs are in that library and draw files;
#   3. Reform Lens built with Meson (the manifest's reform-lens module) against that PLplot
#      only, installed into the same prefix, the manifest's cleanup applied;
#   4. the installed binary, linked to that PLplot (checked with ldd), exports a chart as PNG,
#      SVG and PDF from the fake portal.
#
# Usage: test-flatpak-plplot.py --source-root DIR --cache-dir DIR --fake-portal PROGRAM
#                               [--manifest PATH]
# The built PLplot is kept in --cache-dir, keyed by the hash of the manifest and of this test;
# any change to either rebuilds it.
#
# Exit status: 0 passed; 1 failed; 77 (meson: skipped) only when Debian's source of the
# manifest's PLplot release cannot be had (no apt, no network, no such version).

import argparse
import fcntl
import fnmatch
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
PROBE_SOURCE = os.path.join(HERE, 'plplot-device-probe.c')

# PLplot devices Reform Lens needs besides those its code selects with plsdev() (found in
# src/): DESIGN.md's stack names pngcairo, svgcairo and pdfcairo as the file devices, the
# ones Debian's plplot-driver-cairo gives the app it is developed and tested against. Each is
# drawn through here, and its file must start with the magic below.
FILE_DEVICES = {
    'pngcairo': b'\x89PNG\r\n\x1a\n',
    'svgcairo': b'<?xml',
    'pdfcairo': b'%PDF-',
}

# The app's exports: --output suffix -> the start of a valid file of that type.
EXPORTS = {
    'png': b'\x89PNG\r\n\x1a\n',
    'svg': b'<?xml',
    'pdf': b'%PDF-',
}
EXPORT_ARGS = ['--export-chart=crime-incidents-per-year', '--district=5', '--compare=citywide']


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def log(message):
    print(message, flush=True)


def require(program):
    if shutil.which(program) is None:
        raise Failure(f'{program} is not installed (build-aux/packages.txt lists what this test '
                      f'needs; build-aux/test installs it)')


def run(cmd, log_path=None, **kwargs):
    """Runs cmd; its output goes to log_path (printed in part on failure) or to ours."""
    log('+ ' + ' '.join(cmd))
    require(cmd[0])
    if log_path is None:
        result = subprocess.run(cmd, stdin=subprocess.DEVNULL, **kwargs)
    else:
        with open(log_path, 'w', encoding='utf-8') as out:
            result = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, **kwargs)
    if result.returncode != 0:
        if log_path is not None:
            with open(log_path, encoding='utf-8', errors='replace') as f:
                tail = f.read().splitlines()[-40:]
            log('\n'.join(tail))
            log(f'(full log: {log_path})')
        raise Failure(f'{cmd[0]} exited with status {result.returncode}')
    return result


def output(cmd, **kwargs):
    """The standard output of cmd, which must succeed."""
    require(cmd[0])
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            **kwargs)
    if result.returncode != 0:
        raise Failure(f'{" ".join(cmd)} exited with status {result.returncode}:\n'
                      + result.stdout + result.stderr)
    return result.stdout


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


# ---- The manifest -------------------------------------------------------------------------

def load_manifest(path):
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    modules = {m.get('name'): m for m in manifest.get('modules', []) if isinstance(m, dict)}
    for name in ('plplot', 'reform-lens'):
        if name not in modules:
            raise Failure(f'the manifest has no "{name}" module')
    return manifest, modules['plplot'], modules['reform-lens']


def upstream_version(module):
    for source in module.get('sources', []):
        match = re.search(r'plplot-(\d+(?:\.\d+)+)\.tar', source.get('url', ''))
        if match:
            return match.group(1)
    raise Failure('the plplot module has no source archive named plplot-<version>.tar.*')


def map_app_prefix(value, prefix):
    """flatpak-builder's prefix is /app; here the temporary prefix stands for it."""
    return re.sub(r'(^|[=:;,\s]|-[IL])/app(?=/|$|[:;,\s])',
                  lambda m: m.group(1) + prefix, value)


def build_environment(manifest, module, prefix):
    """The environment flatpak-builder gives a module: the manifest's and the module's
    build-options (flags appended, module after manifest), and /app's search paths."""
    env = dict(os.environ)
    flags = {'cflags': 'CFLAGS', 'cppflags': 'CPPFLAGS', 'cxxflags': 'CXXFLAGS',
             'ldflags': 'LDFLAGS'}
    known = set(flags) | {'env'}
    values = {var: [] for var in flags.values()}
    for options in (manifest.get('build-options', {}), module.get('build-options', {})):
        unknown = sorted(set(options) - known)
        if unknown:
            raise Failure(f'module {module["name"]}: build-options this test does not '
                          f'reproduce: {", ".join(unknown)}')
        for key, var in flags.items():
            if key in options:
                values[var].append(map_app_prefix(options[key], prefix))
        for key, value in options.get('env', {}).items():
            env[key] = map_app_prefix(value, prefix)
    for var, parts in values.items():
        if parts:
            env[var] = ' '.join(parts)
        else:
            env.pop(var, None)
    env['PKG_CONFIG_PATH'] = f'{prefix}/lib/pkgconfig:{prefix}/share/pkgconfig'
    env.pop('PKG_CONFIG_LIBDIR', None)
    env['PATH'] = f'{prefix}/bin:{env.get("PATH", "/usr/bin:/bin")}'
    env['LD_LIBRARY_PATH'] = f'{prefix}/lib'  # /app/lib is in a Flatpak's ld.so.conf
    return env


def cleanup_matches(pattern, path):
    """flatpak-builder's cleanup rule: "/a/b" matches that path from the prefix and all under
    it; a pattern without a slash matches a file or directory name anywhere."""
    parts = path.split('/')
    if pattern.startswith('/'):
        pat_parts = pattern.strip('/').split('/')
        if len(parts) < len(pat_parts):
            return False
        return all(fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pat_parts))
    return any(fnmatch.fnmatchcase(p, pattern) for p in parts)


def apply_cleanup(prefix, manifest, plplot_module, app_module, plplot_files):
    """Removes what flatpak-builder removes at the end: the manifest's cleanup from every
    module's files, and each module's own cleanup from the files it installed."""
    global_patterns = manifest.get('cleanup', [])
    every_pattern = (global_patterns + plplot_module.get('cleanup', [])
                     + app_module.get('cleanup', []))
    removed = 0
    for root, dirs, files in os.walk(prefix, topdown=False):
        for name in files + dirs:
            full = os.path.join(root, name)
            rel = os.path.relpath(full, prefix)
            if os.path.isdir(full) and not os.path.islink(full):
                # Emptied by the rules below; a folder a module still has files in stays.
                if not os.listdir(full) and any(cleanup_matches(p, rel) for p in every_pattern):
                    os.rmdir(full)
                continue
            own = plplot_module if rel in plplot_files else app_module
            if any(cleanup_matches(p, rel) for p in global_patterns + own.get('cleanup', [])):
                os.unlink(full)
                removed += 1
    return removed


# ---- Debian's source package --------------------------------------------------------------

def debian_mirror(sources_d='/etc/apt/sources.list.d', sources_list='/etc/apt/sources.list'):
    """The Debian mirror this machine's apt already uses (as shared/tools/fresh-machine.sh
    finds it): the first deb822 stanza of sources.list.d, else the first deb line of
    sources.list. Returns (uri, suite, signed_by or None)."""
    for path in sorted(glob.glob(os.path.join(sources_d, '*.sources'))):
        with open(path, encoding='utf-8') as f:
            for stanza in re.split(r'\n\s*\n', f.read()):
                fields = {}
                for line in stanza.splitlines():
                    if ':' in line and not line.startswith(('#', ' ', '\t')):
                        key, value = line.split(':', 1)
                        fields[key.strip().lower()] = value.strip()
                if 'deb' in fields.get('types', '').split() and fields.get('uris'):
                    suites = fields.get('suites', '').split()
                    return (fields['uris'].split()[0], suites[0] if suites else None,
                            fields.get('signed-by'))
    try:
        with open(sources_list, encoding='utf-8') as f:
            for line in f:
                words = line.split()
                if not words or words[0] != 'deb':
                    continue
                options = ''
                words = words[1:]
                if words and words[0].startswith('['):
                    while words and not words[0].endswith(']'):
                        options += words.pop(0) + ' '
                    options += words.pop(0)
                match = re.search(r'signed-by=(\S+?)\]?(\s|$)', options)
                if len(words) >= 2:
                    return words[0], words[1], match.group(1) if match else None
    except OSError:
        pass
    return None


def os_codename():
    try:
        with open('/etc/os-release', encoding='utf-8') as f:
            for line in f:
                if line.startswith('VERSION_CODENAME='):
                    return line.split('=', 1)[1].strip().strip('"')
    except OSError:
        pass
    return None


def fetch_source(cache_dir, version):
    """Downloads Debian's orig tarball of PLplot <version> into cache_dir/source (kept between
    runs). Only the orig tarball: the mirror may lack the .debian.tar.xz, and Debian's patches
    are not what the Flatpak builds."""
    if shutil.which('apt-get') is None:
        raise Skip('no apt-get: Debian\'s PLplot source cannot be had on this system')
    mirror = debian_mirror()
    if mirror is None:
        raise Skip('no Debian mirror in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list')
    uri, suite, signed_by = mirror
    suite = (suite or os_codename() or 'stable').split('-')[0]  # the release, not -updates
    apt_dir = os.path.join(cache_dir, 'apt')
    for sub in ('lists/partial', 'cache/archives/partial'):
        os.makedirs(os.path.join(apt_dir, sub), exist_ok=True)
    sources_list = os.path.join(apt_dir, 'sources.list')
    option = f'[signed-by={signed_by}] ' if signed_by else ''
    with open(sources_list, 'w', encoding='utf-8') as f:
        f.write(f'deb-src {option}{uri} {suite} main\n')
    apt_options = ['-o', f'Dir::State::Lists={apt_dir}/lists',
                   '-o', f'Dir::Etc::SourceList={sources_list}',
                   '-o', 'Dir::Etc::SourceParts=-',
                   '-o', f'Dir::Cache={apt_dir}/cache']
    log(f'Debian source: deb-src {uri} {suite} main (private apt lists in {apt_dir})')
    update = subprocess.run(['apt-get', '-q'] + apt_options + ['update'],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if update.returncode != 0:
        raise Skip('apt-get update of the deb-src list failed:\n' + update.stdout + update.stderr)
    uris = subprocess.run(['apt-get', '-q'] + apt_options + ['source', '--print-uris', 'plplot'],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    orig = None
    for line in uris.stdout.splitlines():
        match = re.match(r"'(\S+)' (plplot_([^_]+)\.orig\.tar\.\w+) (\d+) (\w+):(\w+)", line)
        if match:
            orig = match.groups()
    if orig is None:
        raise Skip('apt-get source --print-uris plplot found no source:\n' + uris.stdout
                   + uris.stderr)
    url, name, debian_version, _, hash_type, hash_value = orig
    if re.sub(r'\+.*', '', debian_version) != version:
        raise Skip(f'Debian\'s PLplot source is {debian_version}; the manifest builds {version}')
    source_dir = os.path.join(cache_dir, 'source')
    os.makedirs(source_dir, exist_ok=True)
    path = os.path.join(source_dir, name)
    if not (os.path.exists(path) and hash_type.upper() == 'SHA256'
            and sha256_file(path) == hash_value):
        for old in glob.glob(os.path.join(source_dir, '*')):
            os.unlink(old)
        download = subprocess.run(['/usr/lib/apt/apt-helper', 'download-file', url, path,
                                   f'{hash_type}:{hash_value}'],
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if download.returncode != 0 or not os.path.exists(path):
            raise Skip(f'cannot download {url}:\n' + download.stdout + download.stderr)
    log(f'Debian source: {name} ({hash_type} {hash_value}); the manifest\'s archive is '
        f'upstream\'s plplot-{version}.tar.gz, which Debian repacks without www/')
    return path


# ---- Building -----------------------------------------------------------------------------

def build_plplot(manifest, module, orig, work_dir, prefix, logs):
    """What flatpak-builder does with a cmake-ninja module, with /app -> prefix."""
    buildsystem = module.get('buildsystem')
    generators = {'cmake-ninja': ('Ninja', 'ninja'), 'cmake': ('Unix Makefiles', 'make')}
    if buildsystem not in generators:
        raise Failure(f'the plplot module\'s buildsystem is {buildsystem!r}; this test builds '
                      f'cmake and cmake-ninja modules')
    generator, make = generators[buildsystem]
    run(['tar', '-xf', orig, '-C', work_dir])
    (top,) = [d for d in os.listdir(work_dir) if d.startswith('plplot-')]
    source = os.path.join(work_dir, top)
    # Debian's repack drops upstream's www/ folder (web site), which CMakeLists.txt adds.
    www = os.path.join(source, 'www')
    if not os.path.exists(www):
        os.makedirs(www)
        open(os.path.join(www, 'CMakeLists.txt'), 'w').close()
    build_dir = os.path.join(source, '_flatpak_build') if module.get('builddir') else source
    os.makedirs(build_dir, exist_ok=True)
    env = build_environment(manifest, module, prefix)
    config_opts = [map_app_prefix(o, prefix) for o in module.get('config-opts', [])]
    log(f'CFLAGS={env.get("CFLAGS", "")}')
    run(['cmake', f'-DCMAKE_INSTALL_PREFIX:PATH={prefix}', '-G', generator,
         os.path.relpath(source, build_dir)] + config_opts,
        log_path=os.path.join(logs, 'plplot-configure.log'), cwd=build_dir, env=env)
    jobs = os.cpu_count() or 1
    run([make, f'-j{jobs}', f'-l{2 * jobs}'], log_path=os.path.join(logs, 'plplot-build.log'),
        cwd=build_dir, env=env)
    run([make, 'install'], log_path=os.path.join(logs, 'plplot-install.log'),
        cwd=build_dir, env=env)


def build_app(manifest, module, source_root, build_dir, prefix, logs):
    """What flatpak-builder does with the meson module: meson --prefix=/app, ninja, install."""
    if module.get('buildsystem') != 'meson':
        raise Failure('the reform-lens module is not built with meson')
    env = build_environment(manifest, module, prefix)
    config_opts = [map_app_prefix(o, prefix) for o in module.get('config-opts', [])]
    if not os.path.exists(os.path.join(build_dir, 'build.ninja')):
        run(['meson', 'setup', f'--prefix={prefix}', build_dir, source_root] + config_opts,
            log_path=os.path.join(logs, 'reform-lens-setup.log'), env=env)
    else:
        run(['meson', 'configure', build_dir] + config_opts,
            log_path=os.path.join(logs, 'reform-lens-setup.log'), env=env)
    run(['meson', 'compile', '-C', build_dir], log_path=os.path.join(logs, 'reform-lens-build.log'),
        env=env)
    run(['meson', 'install', '-C', build_dir, '--no-rebuild'],
        log_path=os.path.join(logs, 'reform-lens-install.log'), env=env)
    return env


# ---- Checks -------------------------------------------------------------------------------

def devices_the_code_selects(source_root):
    devices = set()
    for path in glob.glob(os.path.join(source_root, 'src', '**', '*.c'), recursive=True):
        with open(path, encoding='utf-8', errors='replace') as f:
            devices.update(re.findall(r'plsdev\s*\(\s*"([^"]+)"', f.read()))
    return devices


def check_devices(source_root, env, prefix, work_dir):
    probe = os.path.join(work_dir, 'plplot-device-probe')
    flags = output(['pkg-config', '--cflags', '--libs', 'plplot'], env=env).split()
    if not any(flag.startswith(f'-L{prefix}/') for flag in flags):
        raise Failure(f'pkg-config\'s plplot is not the one in {prefix}: {" ".join(flags)}')
    run(['cc', '-o', probe, PROBE_SOURCE] + flags, env=env)
    listed = output([probe, '--list'], env=env).split()
    log(f'PLplot built from the manifest offers: {" ".join(listed)}')
    needed = devices_the_code_selects(source_root) | set(FILE_DEVICES)
    missing = sorted(needed - set(listed))
    if missing:
        options = ' '.join(f'-DPLD_{d}=ON' for d in missing)
        raise Failure(f'PLplot built with the manifest\'s config-opts lacks the device'
                      f'{"s" if len(missing) > 1 else ""} {", ".join(missing)} that Reform '
                      f'Lens needs; the plplot module must enable '
                      f'{"them" if len(missing) > 1 else "it"} ({options})')
    for device, magic in sorted(FILE_DEVICES.items()):
        out = os.path.join(work_dir, f'probe.{device}')
        run([probe, '--draw', device, out], env=env)
        with open(out, 'rb') as f:
            if not f.read(len(magic)) == magic:
                raise Failure(f'PLplot\'s {device} device did not write a valid file')
        log(f'ok: device {device} draws ({os.path.getsize(out)} bytes)')


def check_linked(binary, env, prefix, build_dir):
    deps = json.loads(output(['meson', 'introspect', '--dependencies', build_dir]))
    plplot = [d for d in deps if d.get('name') == 'plplot']
    if not plplot:
        raise Failure('meson did not record a plplot dependency')
    args = ' '.join(plplot[0].get('compile_args', []) + plplot[0].get('link_args', []))
    if prefix not in args:
        raise Failure(f'meson found a plplot outside the temporary prefix: {args}')
    log(f'ok: meson\'s plplot {plplot[0].get("version")} comes from the prefix: {args}')
    ldd = output(['ldd', binary], env=env)
    lines = [line.strip() for line in ldd.splitlines()
             if re.match(r'\s*lib(plplot|qsastime|csirocsa|csironn)\b', line)]
    if not any(line.startswith('libplplot.') for line in lines):
        raise Failure('the installed reform-lens is not linked to libplplot:\n' + ldd)
    foreign = [line for line in lines if f'=> {prefix}/' not in line]
    if foreign:
        raise Failure('the installed reform-lens loads a PLplot from outside the temporary '
                      'prefix:\n' + '\n'.join(foreign))
    for line in lines:
        log(f'ok: ldd: {line}')


def run_exports(binary, env, fake_portal, prefix, work_dir):
    schemas = os.path.join(prefix, 'share', 'glib-2.0', 'schemas')
    if os.path.isdir(schemas):
        run(['glib-compile-schemas', schemas])  # flatpak-builder's finish step
        env = dict(env, GSETTINGS_SCHEMA_DIR=schemas)
    for var in ('DISPLAY', 'WAYLAND_DISPLAY', 'GSETTINGS_BACKEND'):
        env.pop(var, None)
    for var in ('XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME'):
        env[var] = os.path.join(work_dir, var.lower())
    portal = subprocess.Popen([fake_portal, '--port', '0'], stdout=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, text=True)
    try:
        url = portal.stdout.readline().strip()
        if not url.startswith('http://127.0.0.1:'):
            raise Failure(f'the fake portal did not start (said {url!r})')
        for suffix, magic in EXPORTS.items():
            out = os.path.join(work_dir, f'chart.{suffix}')
            run([binary, f'--portal={url}', f'--output={out}'] + EXPORT_ARGS, env=env)
            with open(out, 'rb') as f:
                if f.read(len(magic)) != magic:
                    raise Failure(f'the installed app\'s {suffix.upper()} export is not a '
                                  f'{suffix.upper()} file')
            log(f'ok: installed reform-lens exported {suffix.upper()} '
                f'({os.path.getsize(out)} bytes)')
    finally:
        portal.terminate()
        portal.wait()


# ---- The test -----------------------------------------------------------------------------

def cache_key(manifest_path):
    digest = hashlib.sha256()
    for path in (manifest_path, os.path.abspath(__file__), PROBE_SOURCE):
        digest.update(sha256_file(path).encode())
    return digest.hexdigest()[:16]


def prepare_plplot(args, manifest, plplot_module, prefix, logs, timings):
    """Fills prefix with the manifest's PLplot: from the cache when the manifest and this test
    are unchanged, else built. Returns the prefix-relative paths PLplot installed."""
    key = cache_key(args.manifest)
    archive = os.path.join(args.cache_dir, f'plplot-{key}.tar')
    if os.path.exists(archive):
        log(f'PLplot: cached build {archive} (same manifest and test)')
    else:
        version = upstream_version(plplot_module)
        start = time.monotonic()
        orig = fetch_source(args.cache_dir, version)
        timings['fetch source'] = time.monotonic() - start
        for old in glob.glob(os.path.join(args.cache_dir, 'plplot-*.tar')):
            os.unlink(old)
        shutil.rmtree(os.path.join(args.cache_dir, 'reform-lens-build'), ignore_errors=True)
        start = time.monotonic()
        with tempfile.TemporaryDirectory(dir=args.cache_dir) as work_dir:
            build_plplot(manifest, plplot_module, orig, work_dir, prefix, logs)
        timings['build PLplot'] = time.monotonic() - start
        run(['tar', '-cf', archive + '.part', '-C', prefix, '.'])
        os.rename(archive + '.part', archive)
        shutil.rmtree(prefix)
    os.makedirs(prefix)
    run(['tar', '-xf', archive, '-C', prefix])
    files = set()
    for root, _, names in os.walk(prefix):
        files.update(os.path.relpath(os.path.join(root, n), prefix) for n in names)
    return files


def main():
    parser = argparse.ArgumentParser(
        description='Builds the Flatpak manifest\'s PLplot module and Reform Lens against it.')
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--cache-dir', required=True)
    parser.add_argument('--fake-portal', required=True)
    parser.add_argument('--manifest')
    args = parser.parse_args()
    args.source_root = os.path.abspath(args.source_root)
    args.cache_dir = os.path.abspath(args.cache_dir)
    if args.manifest is None:
        args.manifest = os.path.join(args.source_root, 'flatpak',
                                     'io.github.reformlens.ReformLens.json')
    args.manifest = os.path.abspath(args.manifest)
    os.makedirs(args.cache_dir, exist_ok=True)
    log(f'manifest: {args.manifest}')

    lock = open(os.path.join(args.cache_dir, '.lock'), 'w')
    fcntl.flock(lock, fcntl.LOCK_EX)
    timings = {}
    total = time.monotonic()
    try:
        manifest, plplot_module, app_module = load_manifest(args.manifest)
        logs = os.path.join(args.cache_dir, 'logs')
        os.makedirs(logs, exist_ok=True)
        # The prefix path stays the same between runs: PLplot compiles its data directory in.
        prefix = os.path.join(args.cache_dir, 'app')
        shutil.rmtree(prefix, ignore_errors=True)
        plplot_files = prepare_plplot(args, manifest, plplot_module, prefix, logs, timings)
        with tempfile.TemporaryDirectory(dir=args.cache_dir) as work_dir:
            env = build_environment(manifest, plplot_module, prefix)
            check_devices(args.source_root, env, prefix, work_dir)
            start = time.monotonic()
            build_dir = os.path.join(args.cache_dir, 'reform-lens-build')
            env = build_app(manifest, app_module, args.source_root, build_dir, prefix, logs)
            timings['build Reform Lens'] = time.monotonic() - start
            removed = apply_cleanup(prefix, manifest, plplot_module, app_module, plplot_files)
            log(f'cleanup: removed {removed} files as the manifest says')
            binary = os.path.join(prefix, 'bin', 'reform-lens')
            check_linked(binary, env, prefix, build_dir)
            run_exports(binary, env, args.fake_portal, prefix, work_dir)
        shutil.rmtree(prefix, ignore_errors=True)
    except Skip as e:
        log(f'SKIP: {e}')
        return SKIP
    except Failure as e:
        log(f'FAIL: {e}')
        return 1
    timings['total'] = time.monotonic() - total
    log('timings: ' + ', '.join(f'{k} {v:.0f} s' for k, v in timings.items()))
    log('PASS: the manifest\'s PLplot module builds, and Reform Lens built against it exports '
        'PNG, SVG and PDF')
    return 0


if __name__ == '__main__':
    sys.exit(main())
