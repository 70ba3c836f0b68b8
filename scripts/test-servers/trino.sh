#!/usr/bin/env bash
# A real single-node Trino for the Trino connector tests: fetched from Maven Central, laid out
# with catalogs on the local PostgreSQL and MariaDB test servers, started in the background.
#
#   scripts/test-servers/trino.sh start   fetch (once), configure, start, wait until it answers
#   scripts/test-servers/trino.sh stop    stop the server this script started
#
# Everything lives outside the work tree, in $WARDEN_TEST_SERVERS_CACHE (default
# ~/.cache/warden-test-servers): trino-<version>/ is the unpacked server (kept between runs, so
# a second start fetches nothing), trino-run/ the configuration, certificates, keys, data and
# log of the running server (laid anew by every start). trino-run/connection.json tells the
# tests where the server listens, the CA to trust, the user, its password and the key JWTs are
# signed with (test/helpers/trino-server.ts reads it).
#
# A second, small node from the same install (trino-run/restricted/) runs with file-based access
# control, which the first cannot: Trino 476's file-based access control refuses CREATE CATALOG
# to every user, and the tests' sandboxes on the first node are catalogs made that way. The
# second node has static catalogs only (`pg` on the same PostgreSQL database, `mem`), a rules
# file the tests rewrite, reloaded every second, and a restricted user for the tests' crawls.
# Both nodes start in parallel; `start` returns when both answer.
set -euo pipefail

# 476 is the last release whose server tarball is on Maven Central (477+ moved to GitHub
# releases). The full `trino-server` tarball, not `trino-server-core` + plugin zips: the plugin
# zips of 476 (trino-postgresql, trino-mariadb) are not served here, the full tarball is.
TRINO_VERSION=476
CACHE=${WARDEN_TEST_SERVERS_CACHE:-$HOME/.cache/warden-test-servers}
INSTALL=$CACHE/trino-$TRINO_VERSION
RUN=$CACHE/trino-run
# Trino 476 needs Java 24 or newer; the machine's default is 17.
JAVA_HOME=${WARDEN_TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
HTTP_PORT=${WARDEN_TRINO_HTTP_PORT:-18080}
HTTPS_PORT=${WARDEN_TRINO_HTTPS_PORT:-18443}
RESTRICTED=$RUN/restricted
RESTRICTED_HTTP_PORT=${WARDEN_TRINO_RESTRICTED_HTTP_PORT:-18081}
RESTRICTED_HTTPS_PORT=${WARDEN_TRINO_RESTRICTED_HTTPS_PORT:-18444}
PG_URL_HOST=${WARDEN_TRINO_PG_HOST:-127.0.0.1:5432}
MARIADB_HOST=${WARDEN_TRINO_MARIADB_HOST:-127.0.0.1:3306}
# The databases the `pg` and `maria` catalogs read; tests create their schemas / databases in them.
PG_DATABASE=warden_trino
MARIADB_USER=warden_trino
# The catalogs' own users; a MariaDB user that sees only warden_trino% databases keeps the
# `maria` catalog from listing every database on the shared server.
MARIADB_PASSWORD=warden-trino-catalog
TRINO_USER=warden
TRINO_PASSWORD=warden-trino-test-password
# The restricted node's second user: it sees what the rules file grants it, nothing more.
CRAWLER_USER=warden_crawler
CRAWLER_PASSWORD=warden-trino-crawler-password
START_TIMEOUT_S=${WARDEN_TRINO_START_TIMEOUT_S:-300}
# The plugins the catalogs use (PostgreSQL's needs geospatial's Geometry type), and the one the
# password file needs.
PLUGINS=(postgresql mariadb memory geospatial password-authenticators)

log() { printf '[trino] %s\n' "$*" >&2; }
# shellcheck source=stop-by-pid-file.sh
source "$(dirname "${BASH_SOURCE[0]}")/stop-by-pid-file.sh"
fail() { log "FAILED: $*"; exit 1; }

fetch() {
  # The marker holds the plugin list, so a changed list unpacks again.
  if [[ -f $INSTALL/.complete && $(cat "$INSTALL/.complete") == "${PLUGINS[*]}" ]]; then return 0; fi
  command -v mvn >/dev/null || fail "mvn is not installed"
  local started=$SECONDS dl
  dl=$(mktemp -d "$CACHE/trino-dl.XXXXXX")
  # shellcheck disable=SC2064 # the directory is fixed now
  trap "rm -rf '$dl'" EXIT
  log "fetching io.trino:trino-server:$TRINO_VERSION:tar.gz from Maven Central"
  mvn -B -q -Dstyle.color=never dependency:copy "-Dartifact=io.trino:trino-server:$TRINO_VERSION:tar.gz" "-DoutputDirectory=$dl" \
    || fail "mvn dependency:copy of io.trino:trino-server:$TRINO_VERSION:tar.gz"
  # Unpacked whole: plugins share jars as hard links to other plugins' copies. Then only the
  # launcher, the libraries and the plugins the catalogs use are kept (the rest is ~1 GB).
  tar -xzf "$dl/trino-server-$TRINO_VERSION.tar.gz" -C "$dl" || fail "unpacking trino-server-$TRINO_VERSION.tar.gz"
  rm -rf "$INSTALL" && mkdir -p "$INSTALL/plugin"
  local unpacked=$dl/trino-server-$TRINO_VERSION
  mv "$unpacked/lib" "$unpacked/bin" "$INSTALL/"
  for plugin in "${PLUGINS[@]}"; do mv "$unpacked/plugin/$plugin" "$INSTALL/plugin/"; done
  rm -rf "$dl"
  echo "${PLUGINS[*]}" >"$INSTALL/.complete"
  log "fetched and unpacked in $((SECONDS - started)) s into $INSTALL"
}

stop() {
  stop_by_pid_file "Trino ($RESTRICTED)" "$RESTRICTED/trino.pid"
  stop_by_pid_file "Trino ($RUN)" "$RUN/trino.pid"
}

# The catalogs' databases are laid anew at every start, so schemas an interrupted test run left
# behind do not pile up.
backends() {
  local pg=(psql -h "${PG_URL_HOST%:*}" -p "${PG_URL_HOST#*:}" -U postgres -d postgres -q)
  "${pg[@]}" -c "drop database if exists $PG_DATABASE with (force)" -c "create database $PG_DATABASE" >/dev/null \
    || fail "creating the PostgreSQL database $PG_DATABASE on $PG_URL_HOST"
  local maria=(mariadb -h "${MARIADB_HOST%:*}" -P "${MARIADB_HOST#*:}" -u root)
  # The databases the tests create for the maria catalog (warden_trino_<pid>_…), which an
  # interrupted run leaves behind (.ci/run's cleanup drops only warden_test_* ones).
  "${maria[@]}" -N -e "select concat('drop database \`', replace(schema_name, '\`', '\`\`'), '\`;') from information_schema.schemata where schema_name like 'warden\\_trino\\_%'" \
    | "${maria[@]}" || fail "dropping the maria catalog's leftover test databases on $MARIADB_HOST"
  "${maria[@]}" -e "
    DROP DATABASE IF EXISTS warden_trino;
    CREATE DATABASE warden_trino;
    CREATE USER IF NOT EXISTS '$MARIADB_USER'@'%' IDENTIFIED BY '$MARIADB_PASSWORD';
    ALTER USER '$MARIADB_USER'@'%' IDENTIFIED BY '$MARIADB_PASSWORD';
    GRANT ALL ON \`warden\\_trino%\`.* TO '$MARIADB_USER'@'%';" \
    || fail "preparing the MariaDB database and user for the maria catalog on $MARIADB_HOST"
}

# A throwaway CA, a server certificate for 127.0.0.1/localhost signed by it, the password file
# (bcrypt, as Trino's file authenticator wants) and the key pair JWTs are signed with.
credentials() {
  local tls=$RUN/tls
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Warden test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/san.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$tls/san.ext" -out "$tls/server.crt" 2>/dev/null
  cat "$tls/server.crt" "$tls/server.key" >"$tls/server.pem"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tls/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$tls/jwt-private.pem" -pubout -out "$tls/jwt-public.pem"
  if ! command -v htpasswd >/dev/null; then
    log "installing apache2-utils for htpasswd (bcrypt)"
    { apt-get update -qq && apt-get install -y -qq apache2-utils; } >/dev/null || fail "apt-get install apache2-utils"
  fi
  htpasswd -b -B -C 10 -c "$RUN/password.db" "$TRINO_USER" "$TRINO_PASSWORD" 2>/dev/null || fail "htpasswd"
  htpasswd -b -B -C 10 "$RUN/password.db" "$CRAWLER_USER" "$CRAWLER_PASSWORD" 2>/dev/null || fail "htpasswd"
}

# The files every node needs, in $1 (etc/, data/): node $2 with a heap of $3 on HTTP port $4 and
# HTTPS port $5, sharing the certificate, password file and JWT key of credentials().
node_config() {
  local dir=$1 id=$2 heap=$3 http=$4 https=$5
  local etc=$dir/etc
  mkdir -p "$etc/catalog" "$dir/data"
  cat >"$etc/node.properties" <<EOF
node.environment=warden_test
node.id=$id
node.data-dir=$dir/data
EOF
  # Small heaps: the machine's two cores and memory are shared with other test servers.
  cat >"$etc/jvm.config" <<EOF
-server
-Xmx$heap
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
-XX:+UnlockDiagnosticVMOptions
-XX:G1NumCollectionsKeepPinned=10000000
EOF
  # Passwords and JWTs are accepted over HTTPS only; plain HTTP stays on for the node's own
  # discovery and the readiness check (/v1/info needs no authentication).
  cat >"$etc/config.properties" <<EOF
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$http
discovery.uri=http://127.0.0.1:$http
http-server.https.enabled=true
http-server.https.port=$https
http-server.https.keystore.path=$RUN/tls/server.pem
http-server.https.keystore.key=
internal-communication.shared-secret=$(openssl rand -hex 32)
http-server.authentication.type=PASSWORD,JWT
http-server.authentication.allow-insecure-over-http=true
http-server.authentication.jwt.key-file=$RUN/tls/jwt-public.pem
EOF
  cat >"$etc/password-authenticator.properties" <<EOF
password-authenticator.name=file
file.password-file=$RUN/password.db
EOF
  cat >"$etc/log.properties" <<EOF
io.trino=WARN
io.trino.server.Server=INFO
EOF
}

# A catalog file of the PostgreSQL connector on a database of the local server.
postgres_catalog() { # file, database
  cat >"$1" <<EOF
connector.name=postgresql
connection-url=jdbc:postgresql://$PG_URL_HOST/$2
connection-user=postgres
connection-password=
EOF
}

configure() {
  node_config "$RUN" warden-test-1 1G "$HTTP_PORT" "$HTTPS_PORT"
  cat >>"$RUN/etc/config.properties" <<EOF
query.max-memory=512MB
query.max-memory-per-node=512MB
# Tests create a catalog per sandbox (CREATE CATALOG … USING postgresql) and drop it after.
catalog.management=dynamic
EOF
  # Case-insensitive name matching is what lets Trino read a mixed-case PostgreSQL table at all
  # (and what makes case twins ambiguous, so Warden can tell them: trino-catalog.ts).
  postgres_catalog "$RUN/etc/catalog/pg.properties" "$PG_DATABASE"
  echo 'case-insensitive-name-matching=true' >>"$RUN/etc/catalog/pg.properties"
  cat >"$RUN/etc/catalog/maria.properties" <<EOF
connector.name=mariadb
connection-url=jdbc:mariadb://$MARIADB_HOST
connection-user=$MARIADB_USER
connection-password=$MARIADB_PASSWORD
EOF
  cat >"$RUN/etc/catalog/mem.properties" <<EOF
connector.name=memory
memory.max-data-per-node=256MB
EOF
  # A catalog whose backend is gone: its PostgreSQL database does not exist. Listed in
  # system.metadata.catalogs (connections are made lazily), unreadable when crawled.
  postgres_catalog "$RUN/etc/catalog/gone.properties" warden_trino_missing
}

# The restricted node: static catalogs, file-based access control. The rules file starts with
# the administrator's rules alone; the tests put the crawler's entries on top of them (as the
# setup script says to) and Trino reads the file again within security.refresh-period.
configure_restricted() {
  node_config "$RESTRICTED" warden-test-restricted 512M "$RESTRICTED_HTTP_PORT" "$RESTRICTED_HTTPS_PORT"
  cat >>"$RESTRICTED/etc/config.properties" <<EOF
query.max-memory=128MB
query.max-memory-per-node=128MB
EOF
  cat >"$RESTRICTED/etc/access-control.properties" <<EOF
access-control.name=file
security.config-file=$RESTRICTED/rules.json
security.refresh-period=1s
EOF
  cat >"$RESTRICTED/rules.json" <<EOF
{
  "catalogs": [{ "user": "$TRINO_USER", "allow": "all" }],
  "schemas": [{ "user": "$TRINO_USER", "owner": true }],
  "tables": [{ "user": "$TRINO_USER", "privileges": ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"] }]
}
EOF
  postgres_catalog "$RESTRICTED/etc/catalog/pg.properties" "$PG_DATABASE"
  cat >"$RESTRICTED/etc/catalog/mem.properties" <<EOF
connector.name=memory
memory.max-data-per-node=16MB
EOF
}

launch() {
  local dir=$1 id=$2
  [[ -x $JAVA_HOME/bin/java ]] || fail "no Java at $JAVA_HOME (Trino $TRINO_VERSION needs Java 24+; set WARDEN_TRINO_JAVA_HOME)"
  ulimit -n 8192 2>/dev/null || ulimit -n 4096 2>/dev/null || true
  local jvm
  mapfile -t jvm < <(grep -v '^#' "$dir/etc/jvm.config")
  # What bin/launcher would run, without its Python: the working directory holds etc/ and plugin/.
  ln -sfn "$INSTALL/plugin" "$dir/plugin"
  (cd "$dir" && exec "$JAVA_HOME/bin/java" -cp "$INSTALL/lib/*" "${jvm[@]}" \
    -Dnode.environment=warden_test "-Dnode.id=$id" "-Dnode.data-dir=$dir/data" \
    "-Dlog.levels-file=$dir/etc/log.properties" "-Dconfig=$dir/etc/config.properties" \
    io.trino.server.TrinoServer >"$dir/trino.log" 2>&1 </dev/null) &
  echo $! >"$dir/trino.pid"
}

# Waits for the node in $1 (HTTP port $2, HTTPS port $3) until a query over HTTPS with the
# password lists catalog $4.
wait_ready() {
  local dir=$1 http=$2 https=$3 catalog=$4
  local started=$SECONDS pid
  pid=$(cat "$dir/trino.pid")
  until curl -sf "http://127.0.0.1:$http/v1/info" 2>/dev/null | grep -q '"starting":false'; do
    if ! kill -0 "$pid" 2>/dev/null; then tail -n 40 "$dir/trino.log" >&2; fail "Trino exited while starting (log: $dir/trino.log)"; fi
    if ((SECONDS - started > START_TIMEOUT_S)); then tail -n 40 "$dir/trino.log" >&2; fail "Trino did not start within $START_TIMEOUT_S s"; fi
    sleep 1
  done
  # /v1/info can say ACTIVE before the catalogs are loaded: one query through HTTPS and the
  # password proves the whole path the tests take.
  until query "$https" "SELECT count(*) FROM system.metadata.catalogs WHERE catalog_name = '$catalog'" | grep -q '\[\[1\]\]'; do
    if ((SECONDS - started > START_TIMEOUT_S)); then fail "Trino answers but a first query did not succeed within $START_TIMEOUT_S s"; fi
    sleep 1
  done
  log "node $dir ready (waited $((SECONDS - started)) s)"
}

# One statement as the administrator over HTTPS on port $1, following nextUri; prints each
# page's data.
query() {
  local next page
  page=$(curl -sf --cacert "$RUN/tls/ca.pem" -u "$TRINO_USER:$TRINO_PASSWORD" -H "X-Trino-User: $TRINO_USER" \
    --data-binary "$2" "https://127.0.0.1:$1/v1/statement") || return 1
  while :; do
    printf '%s\n' "$page" | grep -o '"data":\[\[[^]]*\]\]' | sed 's/"data"://' || true
    next=$(printf '%s\n' "$page" | grep -o '"nextUri":"[^"]*"' | sed 's/"nextUri":"//; s/"$//') || true
    [[ -n $next ]] || return 0
    page=$(curl -sf --cacert "$RUN/tls/ca.pem" -u "$TRINO_USER:$TRINO_PASSWORD" "$next") || return 1
  done
}

connection_info() {
  node -e '
    const fs = require("node:fs");
    const [run, version, httpsPort, httpPort, user, password, pgDatabase, pgJdbcUrl, restricted, rHttpsPort, rHttpPort, crawler, crawlerPassword] =
      process.argv.slice(1);
    const info = {
      version, hostname: "127.0.0.1", httpsPort: Number(httpsPort), httpPort: Number(httpPort),
      ca: fs.readFileSync(`${run}/tls/ca.pem`, "utf8"),
      username: user, password,
      jwtPrivateKey: fs.readFileSync(`${run}/tls/jwt-private.pem`, "utf8"),
      pgJdbcUrl,
      catalogs: { pg: { database: pgDatabase }, maria: { databasePrefix: "warden_trino" }, mem: {}, gone: {} },
      restricted: {
        httpsPort: Number(rHttpsPort), httpPort: Number(rHttpPort),
        rulesFile: `${restricted}/rules.json`,
        crawler: { username: crawler, password: crawlerPassword },
        catalogs: { pg: { database: pgDatabase }, mem: {} },
      },
    };
    fs.writeFileSync(`${run}/connection.json`, JSON.stringify(info, null, 2));
  ' "$RUN" "$TRINO_VERSION" "$HTTPS_PORT" "$HTTP_PORT" "$TRINO_USER" "$TRINO_PASSWORD" "$PG_DATABASE" "jdbc:postgresql://$PG_URL_HOST/$PG_DATABASE" \
    "$RESTRICTED" "$RESTRICTED_HTTPS_PORT" "$RESTRICTED_HTTP_PORT" "$CRAWLER_USER" "$CRAWLER_PASSWORD"
}

start() {
  mkdir -p "$CACHE"
  fetch
  stop
  rm -rf "$RUN" && mkdir -p "$RUN"
  backends
  credentials
  configure
  configure_restricted
  # Both nodes start at once (most of a start is the JVM loading plugins); each is waited for.
  local started=$SECONDS
  launch "$RUN" warden-test-1
  launch "$RESTRICTED" warden-test-restricted
  wait_ready "$RUN" "$HTTP_PORT" "$HTTPS_PORT" mem
  wait_ready "$RESTRICTED" "$RESTRICTED_HTTP_PORT" "$RESTRICTED_HTTPS_PORT" mem
  connection_info
  log "both nodes started in $((SECONDS - started)) s"
  log "Trino $TRINO_VERSION listens on https://127.0.0.1:$HTTPS_PORT (password, JWT) and http://127.0.0.1:$HTTP_PORT (unauthenticated /v1/info)"
  log "the restricted node (file-based access control, rules $RESTRICTED/rules.json) on https://127.0.0.1:$RESTRICTED_HTTPS_PORT"
  log "connection info for the tests: $RUN/connection.json (pids $(cat "$RUN/trino.pid") $(cat "$RESTRICTED/trino.pid"), logs $RUN/trino.log $RESTRICTED/trino.log)"
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  fetch) mkdir -p "$CACHE" && fetch ;;
  *) fail "usage: $0 start|stop|fetch" ;;
esac
