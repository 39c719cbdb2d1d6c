#!/usr/bin/env bash
# Installs the build into a temporary DESTDIR and runs the installed binary headless: the files
# a desktop needs are in place, and a chart export against the fake portal works.
# Usage: test-install.sh BUILD_ROOT FAKE_PORTAL_PROGRAM
set -eu
build=$1
fake_portal=$2
app_id=io.github.reformlens.ReformLens

dest=$(mktemp -d)
portal_pid=
cleanup () { [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null; rm -rf "$dest"; }
trap cleanup EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet
prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root=$dest$prefix

for f in bin/reform-lens \
         share/applications/$app_id.desktop \
         share/metainfo/$app_id.metainfo.xml \
         share/glib-2.0/schemas/$app_id.gschema.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg \
         share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg; do
  if [ ! -e "$root/$f" ]; then
    echo "not installed: $f" >&2
    exit 1
  fi
done
for lang in $(grep -v '^#' "$(dirname "$0")/../po/LINGUAS" 2>/dev/null); do
  if [ ! -e "$root/share/locale/$lang/LC_MESSAGES/reform-lens.mo" ]; then
    echo "translation not installed: $lang" >&2
    exit 1
  fi
done

glib-compile-schemas "$root/share/glib-2.0/schemas"
export GSETTINGS_SCHEMA_DIR=$root/share/glib-2.0/schemas
export XDG_CACHE_HOME=$dest/cache XDG_CONFIG_HOME=$dest/config XDG_DATA_HOME=$dest/data
unset DISPLAY WAYLAND_DISPLAY

# The portal prints its address once it listens: read it when it comes, through a pipe, instead
# of looking for it every so often. The 120 s are a safety net for a portal that never starts.
mkfifo "$dest/portal-url"
"$fake_portal" --port 0 > "$dest/portal-url" &
portal_pid=$!
exec 3< "$dest/portal-url"
read -r -t 120 url <&3 || { echo "the fake portal did not start" >&2; exit 1; }

"$root/bin/reform-lens" --portal="$url" --export-chart=crime-incidents-per-year \
  --district=5 --compare=citywide --output="$dest/chart.png"
# A PNG starts with \x89PNG
[ "$(head -c 4 "$dest/chart.png" | tail -c 3)" = "PNG" ] || { echo "the export is not a PNG" >&2; exit 1; }
"$root/bin/reform-lens" --list-charts | grep -q crime-incidents-per-year
echo "installed app exported a chart"
