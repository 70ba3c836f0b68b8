#!/usr/bin/env bash
# Makes the local PostgreSQL check passwords for members of warden_password_auth (the server
# otherwise trusts 127.0.0.1), so tests can prove a wrong password is refused. Idempotent.
set -euo pipefail
hba=$(psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'show hba_file')
if ! grep -q '+warden_password_auth' "$hba"; then
  sed -i '1i host all +warden_password_auth 127.0.0.1/32 scram-sha-256\nhost all +warden_password_auth ::1/128 scram-sha-256' "$hba"
  psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select pg_reload_conf()' >/dev/null
fi
psql -h 127.0.0.1 -U postgres -d postgres -q -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warden_password_auth') THEN CREATE ROLE warden_password_auth NOLOGIN; END IF; END \$\$"
