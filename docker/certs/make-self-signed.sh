#!/bin/sh
# A self-signed certificate for local use of the compose stack (never production: browsers
# warn, and HSTS pins the warning for a year on that host name). Writes fullchain.pem and
# privkey.pem where nginx reads them (compose.yaml mounts this directory).
#   docker/certs/make-self-signed.sh [HOST] [DIR]    (default: localhost, this script's directory)
set -eu
host=${1:-localhost}
dir=${2:-$(dirname "$0")}
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 825 \
    -subj "/CN=${host}" \
    -addext "subjectAltName=DNS:${host},DNS:localhost,IP:127.0.0.1" \
    -keyout "${dir}/privkey.pem" -out "${dir}/fullchain.pem" 2>/dev/null
# nginx's master process reads the pair as root; the certificate itself is public.
chmod 0644 "${dir}/fullchain.pem"
echo "wrote ${dir}/fullchain.pem and ${dir}/privkey.pem for ${host}"
