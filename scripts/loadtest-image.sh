#!/usr/bin/env bash
# The load generator's container image, for real: builds jmeter/Containerfile with Debian's buildah on a JDK 17 base
# made here from Debian's packages (debootstrap; no registry beyond those this machine reaches), then runs load
# scenarios inside that image against the app on loopback, failing when a threshold is missed. CI runs both
# (scripts/loadtest.sh), so the image the OpenShift pipeline builds is proven to build and to load.
#   ./scripts/loadtest-image.sh build                  the base (once per machine) and the image
#   ./scripts/loadtest-image.sh run [OPTIONS] SCENARIO...   scripts/run-scenarios.sh inside the image, e.g. voting
# Containers run with buildah's chroot isolation: this machine's cgroup layout has no room for an OCI runtime's
# cgroups, and chroot isolation shares the host's network, so 127.0.0.1 is the app.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/system.sh
. scripts/lib/system.sh

BASE=localhost/scrum-poker-jdk17:base
IMAGE=localhost/scrum-poker-loadtest:ci

log() { printf '[loadtest-image] %s\n' "$*"; }

# The Debian mirror and release this machine's apt uses, so the base comes from where its packages do.
debian_mirror() {
  {
    grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
    grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}'
  } | grep -E '/debian/?$' | head -1
}

build_base() {
  local rootfs container mount
  rootfs=$(mktemp -d)
  log "making a JDK 17 base from Debian's packages (debootstrap $VERSION_CODENAME)"
  debootstrap --variant=minbase --include=ca-certificates,openjdk-17-jdk-headless \
    "$VERSION_CODENAME" "$rootfs" "$(debian_mirror)" >/dev/null
  # The image trusts what this machine trusts: a TLS-inspecting egress proxy's CA lives in the local CA directory.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
    chroot "$rootfs" update-ca-certificates >/dev/null 2>&1
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  container=$(buildah from scratch)
  mount=$(buildah mount "$container")
  tar -C "$rootfs" -cf - . | tar -C "$mount" -xf -
  buildah umount "$container" >/dev/null
  buildah config --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 --cmd /bin/bash "$container"
  buildah commit -q "$container" "$BASE" >/dev/null
  buildah rm "$container" >/dev/null
  rm -rf "$rootfs"
}

build() {
  if ! command -v buildah >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
    log "installing buildah and debootstrap from Debian's packages"
    apt_install buildah debootstrap
  fi
  # shellcheck source=/dev/null
  . /etc/os-release
  buildah inspect --type image "$BASE" >/dev/null 2>&1 || build_base
  log "building jmeter/Containerfile on $BASE"
  buildah bud --isolation chroot --quiet --build-arg "BASE_IMAGE=$BASE" -f jmeter/Containerfile -t "$IMAGE" . >/dev/null
  log "built $IMAGE"
}

run() {
  local container results status=0
  results=$(mktemp -d)
  # The image runs as uid 1001 (as on OpenShift): its results folder must be writable by it.
  chmod 0777 "$results"
  container=$(buildah from "$IMAGE")
  log "run-scenarios.sh $* inside $IMAGE (results in $results)"
  buildah run --isolation chroot --volume "$results:/work/taurus/results" "$container" -- \
    ./scripts/run-scenarios.sh --results /work/taurus/results "$@" || status=$?
  buildah rm "$container" >/dev/null
  return "$status"
}

case "${1:-}" in
  build) build ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 build | run [run-scenarios options] SCENARIO..." >&2; exit 2 ;;
esac
