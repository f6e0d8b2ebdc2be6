#!/usr/bin/env bash
# Install Citus into the PostgreSQL that $PG_CONFIG names, from a cached build
# when there is one, else built from ../shared/vendor/citus-*.tar.gz (Citus is
# not among Debian's packages) and then cached.  GD_VENDOR names another
# directory holding the tarball.
#
#   test/citus/install-citus.sh            (as root; PG_CONFIG as for make install)
#
# The cache (GD_CITUS_CACHE, default /var/cache/govdisclose/citus-VERSION-pgMAJOR)
# holds the built library and extension files, so every later run, and every
# private PostgreSQL copy on this machine, installs in a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
tarball=$(ls "${GD_VENDOR:-../shared/vendor}"/citus-*.tar.gz 2>/dev/null | sort -V | tail -1 || true)
version=$(basename "${tarball:-citus-13.2.2.tar.gz}" .tar.gz)
major=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
cache=${GD_CITUS_CACHE:-/var/cache/govdisclose/$version-pg$major}
pkglibdir=$("$PG_CONFIG" --pkglibdir)
extdir=$("$PG_CONFIG" --sharedir)/extension

install_from_cache() {
    cp -r "$cache"/lib/* "$pkglibdir/"
    cp -r "$cache"/extension/* "$extdir/"
}

mkdir -p "$(dirname "$cache")"
# one build at a time on this machine; the others wait and then use the cache
exec 9>"$cache.lock"
flock 9
if [ -f "$cache/complete" ]; then
    install_from_cache
    echo "$version installed from the cache $cache"
    exit 0
fi
[ -n "$tarball" ] || { echo "no cached build in $cache and no ${GD_VENDOR:-../shared/vendor}/citus-*.tar.gz" >&2; exit 1; }

. test/apt-lib.sh
install_missing liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev libxslt1-dev libpam0g-dev \
    libreadline-dev zlib1g-dev postgresql-server-dev-"$major"

work=$(mktemp -d /tmp/citus-build.XXXXXX)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
src=$work/$version
# PostgreSQL 15.20 exports have_createdb_privilege() itself (commands/dbcommands.h);
# Citus's PostgreSQL 15 copy of it then clashes with that declaration, so rename the copy.
if grep -q 'have_createdb_privilege' "$("$PG_CONFIG" --includedir-server)/commands/dbcommands.h"; then
    sed -i 's/^have_createdb_privilege(void)$/have_createdb_privilege_before_pg15_20(void)/' \
        "$src/src/include/pg_version_compat.h"
fi
started=$(date +%s)
# no libcurl: the test clusters must not phone home (anonymous statistics);
# no LLVM bitcode (with_llvm=no): JIT inlining is not what these clusters test
(cd "$src" && ./configure --without-libcurl PG_CONFIG="$PG_CONFIG" >"$work/configure.log" 2>&1) ||
    { tail -30 "$work/configure.log" >&2; exit 1; }
(cd "$src" && nice -n 10 make -j2 with_llvm=no >"$work/make.log" 2>&1 &&
    make with_llvm=no install DESTDIR="$work/stage" >>"$work/make.log" 2>&1) ||
    { grep -m20 -B2 -A5 'error' "$work/make.log" >&2; exit 1; }
rm -rf "$cache"
mkdir -p "$cache/lib" "$cache/extension"
cp -r "$work/stage$pkglibdir"/* "$cache/lib/"
cp -r "$work/stage$extdir"/* "$cache/extension/"
echo "built in $(($(date +%s) - started)) s" >"$cache/complete"
install_from_cache
echo "$version built in $(($(date +%s) - started)) s, cached in $cache and installed"
