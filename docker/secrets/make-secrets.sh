#!/bin/sh
# Writes the compose stack's secrets (compose.yaml `secrets:`) once: the app's secret key and
# encryption key, the MariaDB password, and the two files built from it (the app's database
# URL, the MariaDB exporter's client config). An existing file is kept, never replaced: the
# encryption key must outlive every restart (docs/operations.md rotates it).
#   docker/secrets/make-secrets.sh [DIR]        (default: this script's directory)
set -eu
dir=${1:-$(dirname "$0")}
mkdir -p "$dir"
# The directory keeps the files from other users of the host. The files themselves are
# readable (0644) because compose bind-mounts them as they are, and the containers read them
# as their own unprivileged users (cryptolens 10001, mysql, nobody).
chmod 0700 "$dir"

write() {  # write NAME VALUE: unless NAME exists
    if [ -e "$dir/$1" ]; then
        echo "kept $dir/$1"
        return
    fi
    printf '%s' "$2" > "$dir/$1"
    chmod 0644 "$dir/$1"
    echo "wrote $dir/$1"
}

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
# A Fernet key: 32 random bytes, URL-safe base64.
fernet_key() { head -c 32 /dev/urandom | base64 | tr '+/' '-_'; }

write secret_key "$(random_hex 32)"
write encryption_keys "$(fernet_key)"
write db_password "$(random_hex 24)"
password=$(cat "$dir/db_password")
write database_url "mysql+asyncmy://cryptolens:${password}@db:3306/cryptolens?charset=utf8mb4"
write mysqld_exporter.cnf "$(printf '[client]\nuser=cryptolens\npassword=%s\nhost=db\nport=3306\n' "$password")"
