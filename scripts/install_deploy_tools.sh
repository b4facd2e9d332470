#!/usr/bin/env bash
# The Debian tools tests/deploy checks the docker/ stack with: nginx (and the brotli filter
# module the nginx image loads), promtool (package prometheus) and docker-compose (1.29: its
# `config` validates the compose file without a Docker daemon). Installs what is missing when
# run as root with apt-get; elsewhere it only says what is missing (the checks then skip, or
# fail under CRYPTOLENS_TEST_REQUIRE_SERVICES=1). No service is started: nginx and Prometheus
# are only run by the tests themselves, on loopback ports.
set -euo pipefail

have_all() {
  [ -x /usr/sbin/nginx ] && [ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
    && command -v promtool >/dev/null && command -v docker-compose >/dev/null
}

have_all && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install_deploy_tools: missing nginx/promtool/docker-compose and cannot apt-get them" >&2
  exit 0
fi

echo "install_deploy_tools: installing nginx, prometheus (promtool), docker-compose"
# Packages may not start their services here (nginx would take port 80): policy-rc.d says no
# to every start for the length of the install, unless the machine already has its own.
added_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  added_policy=1
fi
trap 'if [ -n "$added_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  nginx libnginx-mod-http-brotli-filter prometheus docker-compose
have_all
