#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages when it is missing: Chromium for the
# browser tests (feed page), librdkafka-dev + pkg-config for the Kafka-protocol mock cluster.
# Without root (or apt-get) it only reports; those tests then skip and say why.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! pkg-config --exists rdkafka 2>/dev/null; then need+=(librdkafka-dev pkg-config); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-deps: missing ${need[*]} (not root or no apt-get): those tests will be skipped" >&2
  exit 0
fi
echo "ensure-test-deps: installing ${need[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
