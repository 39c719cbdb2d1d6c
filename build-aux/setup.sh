# Shared set-up for build-aux/run and build-aux/test: installs the Debian packages the project
# needs (the list is build-aux/packages.txt), then configures a build directory.
# Sourced, not run.

top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

lens_missing_packages ()
{
  local pkg
  grep -v '^\s*#' "$top_srcdir/build-aux/packages.txt" | grep -v '^\s*$' | while read -r pkg; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$pkg"
    fi
  done
}

lens_install_packages ()
{
  local missing sudo=""
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "build-aux: not a Debian-like system; install the packages in build-aux/packages.txt yourself" >&2
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  fi
  missing=$(lens_missing_packages | tr '\n' ' ')
  if [ -z "$missing" ]; then
    lens_generate_locales "$sudo"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "build-aux: these packages are missing and there is no sudo: $missing" >&2
      return 1
    fi
    sudo="sudo"
  fi
  echo "build-aux: installing $missing"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  lens_generate_locales "$sudo"
}

# The translation tests start the app in each shipped language; glibc needs those locales.
lens_generate_locales ()
{
  local sudo=$1 wanted="en_US.UTF-8 es_ES.UTF-8 zh_CN.UTF-8 pl_PL.UTF-8 ar_EG.UTF-8 hi_IN.UTF-8" loc changed=0
  [ -f /etc/locale.gen ] || return 0
  for loc in $wanted; do
    if ! locale -a 2>/dev/null | grep -qi "^${loc%%.*}\.utf-\?8$"; then
      $sudo sed -i "s/^# *\($loc UTF-8\)/\1/" /etc/locale.gen
      grep -q "^$loc UTF-8" /etc/locale.gen || echo "$loc UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
      changed=1
    fi
  done
  [ $changed -eq 1 ] && $sudo locale-gen >/dev/null
  return 0
}

# lens_configure BUILDDIR [meson options...]
lens_configure ()
{
  local builddir=$1; shift
  if [ -f "$top_srcdir/$builddir/build.ninja" ]; then
    meson configure "$top_srcdir/$builddir" "$@" >/dev/null
  else
    meson setup "$top_srcdir/$builddir" "$top_srcdir" "$@"
  fi
}

# lens_run_app BUILDDIR [app arguments...]
# Replaces the shell with the app built in BUILDDIR, in Meson's developer environment (the
# build's translations and settings schema, see po/meson.build and data/meson.build), run in
# the current folder rather than in BUILDDIR so that relative paths mean what was typed.
lens_run_app ()
{
  local builddir=$1; shift
  exec meson devenv -C "$builddir" --workdir "$PWD" reform-lens "$@"
}
