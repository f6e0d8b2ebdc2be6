# Sourced by the test and build scripts: install_missing PKG... installs, from
# Debian's packages, those of PKG that are not installed (root only; one
# apt-get update first), and says which.
install_missing() {
    local need=() pkg
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
    done
    [ "${#need[@]}" -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] || { echo "run as root to install: ${need[*]}" >&2; return 1; }
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}
