#!/usr/bin/env bash
# Starts librdkafka's mock Kafka cluster (one broker) for tests: builds mock-cluster.c into a temp
# dir, pre-creates the topics given as name:partitions arguments, prints the bootstrap servers as
# the first stdout line, and runs until stdin closes (see mock-cluster.c for the stdin commands).
#
#   test/kafka-mock/start.sh [topic:partitions ...]
#
# Needs a C compiler and librdkafka-dev (Debian 12 ships 2.0.2). When they are missing and this
# runs as root, it installs them with apt-get; otherwise it exits 3 with the reason on stderr.
# Everything but the bootstrap line and command answers goes to stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

unavailable() {
  echo "kafka-mock: $*" >&2
  exit 3
}

have_librdkafka() {
  command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists rdkafka &&
    [ -f "$(pkg-config --variable=includedir rdkafka)/librdkafka/rdkafka_mock.h" ]
}

if ! have_librdkafka; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "kafka-mock: installing librdkafka-dev and pkg-config with apt-get" >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y librdkafka-dev pkg-config; } >&2 ||
      unavailable "apt-get install librdkafka-dev pkg-config failed"
  fi
  have_librdkafka || unavailable "librdkafka-dev (with rdkafka_mock.h) and pkg-config are not installed; run as root or: apt-get install -y librdkafka-dev pkg-config"
fi

cc_bin="${CC:-cc}"
command -v "$cc_bin" >/dev/null 2>&1 || unavailable "no C compiler ($cc_bin) on PATH"

workdir="$(mktemp -d "${TMPDIR:-/tmp}/pulse-kafka-mock.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT

# shellcheck disable=SC2046 # pkg-config output is a list of flags
"$cc_bin" -std=c11 -O2 -Wall -Wextra -o "$workdir/mock-cluster" "$here/mock-cluster.c" \
  $(pkg-config --cflags --libs rdkafka) >&2 ||
  unavailable "compiling mock-cluster.c failed"

# Not exec: the trap removes the build dir once the cluster exits (when stdin closes).
"$workdir/mock-cluster" "$@"
