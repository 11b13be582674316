#!/bin/sh
# deps.sh: installs the Debian packages vmc needs that are missing (apt-get; sudo when not root).
# Usage: tools/deps.sh [extra packages...]
pkgs="gcc make tcc libtcc-dev libgc-dev lua5.4 $*"
missing=
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || exit 1
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $missing >/dev/null || exit 1
