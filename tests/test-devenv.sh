#!/usr/bin/env bash
# The app as build-aux/run starts it: lens_run_app (build-aux/setup.sh) runs it in Meson's
# developer environment, which must give it the build's translations and settings schema by
# itself, in the folder the command was typed in.
# Usage: test-devenv.sh BUILD_ROOT SOURCE_ROOT FAKE_PORTAL_PROGRAM
set -eu
build=$1
srcdir=$2
fake_portal=$3

work=$(mktemp -d)
portal_pid=
cleanup () { [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail () { echo "test-devenv: $*" >&2; exit 1; }

# The other tests get these from meson.build's test environment; the developer environment
# must set them itself.
unset REFORM_LENS_LOCALEDIR GSETTINGS_SCHEMA_DIR GSETTINGS_BACKEND LANGUAGE
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
unset DISPLAY WAYLAND_DISPLAY

. "$srcdir/build-aux/setup.sh"
run () { ( lens_run_app "$build" "$@" ); }

# A translated string the app itself prints, as po/es.po has it.
msgstr_es () {
  awk -v id="msgid \"$1\"" '$0 == id { getline; sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }' \
    "$srcdir/po/es.po"
}
english="List the charts (id, page, title) and exit"
spanish=$(msgstr_es "$english")
[ -n "$spanish" ] && [ "$spanish" != "$english" ] || fail "po/es.po has no translation of “$english”"

mkdir "$work/here"
cd "$work/here"

# --language=es, and LANGUAGE=es, also on a machine with no locale set (plain C).
run --language=es --help > help-option.txt
grep -qF "$spanish" help-option.txt || fail "--language=es: no Spanish in --help: $(cat help-option.txt)"
LC_ALL=C LANG=C LANGUAGE=es run --help > help-variable.txt
grep -qF "$spanish" help-variable.txt || fail "LANGUAGE=es: no Spanish in --help: $(cat help-variable.txt)"
grep -qF "$english" help-variable.txt && fail "LANGUAGE=es: --help is still in English"

# The build's settings schema, where GLib looks in the developer environment.
meson devenv -C "$build" gsettings list-keys io.github.reformlens.ReformLens | grep -qx portal-url ||
  fail "meson devenv does not give the build's settings schema"

exec 3< <(exec "$fake_portal" --port 0)
portal_pid=$!
read -r url <&3 || fail "the fake portal did not start"

run --portal="$url" --export-chart=crime-incidents-per-year --output=chart-$$.csv 2> export-err.txt ||
  fail "export failed: $(cat export-err.txt)"

# Relative paths are relative to where the command was typed, not to the build folder.
[ -s "$work/here/chart-$$.csv" ] || fail "--output=chart-$$.csv is not in the current folder"
[ ! -e "$build/chart-$$.csv" ] || { rm -f "$build/chart-$$.csv"; fail "--output went into the build folder"; }

run --portal="$url" --brief=brief-$$.pdf --brief-sections=crime-incidents-per-year > brief-out.txt
[ -s "$work/here/brief-$$.pdf" ] || fail "--brief=brief-$$.pdf is not in the current folder"
[ ! -e "$build/brief-$$.pdf" ] || { rm -f "$build/brief-$$.pdf"; fail "--brief went into the build folder"; }
grep -qF "$work/here/brief-$$.pdf" brief-out.txt || fail "the brief does not say where it went: $(cat brief-out.txt)"

echo "meson devenv: Spanish, the build's schema, and paths from the current folder"
