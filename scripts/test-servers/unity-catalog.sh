#!/usr/bin/env bash
# A real Unity Catalog OSS server for the Databricks connector tests: fetched from Maven Central
# (the thin server jar and its runtime closure), laid out with etc/conf/, started in the
# background on two free ports.
#
#   scripts/test-servers/unity-catalog.sh start   fetch (once), lay out, start, wait until it answers
#   scripts/test-servers/unity-catalog.sh stop    stop the server this script started
#   scripts/test-servers/unity-catalog.sh fetch   fetch only
#
# Everything lives outside the work tree, in $WARDEN_TEST_SERVERS_CACHE (default
# ~/.cache/warden-test-servers): unitycatalog-<version>/lib the jars (kept between runs, so a
# second start fetches nothing), unitycatalog-run/ the working directory of the running server
# (etc/conf, its H2 database, its log; laid anew by every start). unitycatalog-run/connection.json
# tells the tests where the REST API listens.
#
# Status (2026-12-01): io.unitycatalog:unitycatalog-server is not served by the Maven Central
# this machine reaches (0.6.0, 0.5.1, 0.4.1, 0.3.0 and 0.2.0 all answer "Could not find
# artifact"), so `start` stops at the fetch with that reason and .ci/run does not call it yet.
set -euo pipefail

UC_VERSION=0.6.0
CACHE=${WARDEN_TEST_SERVERS_CACHE:-$HOME/.cache/warden-test-servers}
INSTALL=$CACHE/unitycatalog-$UC_VERSION
RUN=$CACHE/unitycatalog-run
# Compiled with --release 17: the machine's default Java does.
JAVA=${WARDEN_UC_JAVA:-java}
START_TIMEOUT_S=${WARDEN_UC_START_TIMEOUT_S:-180}

log() { printf '[unity-catalog] %s\n' "$*" >&2; }
# shellcheck source=stop-by-pid-file.sh
source "$(dirname "${BASH_SOURCE[0]}")/stop-by-pid-file.sh"
fail() { log "FAILED: $*"; exit 1; }

fetch() {
  [[ -f $INSTALL/.complete ]] && return 0
  command -v mvn >/dev/null || fail "mvn is not installed"
  local started=$SECONDS dl
  dl=$(mktemp -d "$CACHE/unitycatalog-dl.XXXXXX")
  # shellcheck disable=SC2064 # the directory is fixed now
  trap "rm -rf '$dl'" EXIT
  # The server jar is thin (its own classes only): its runtime dependencies come through a
  # one-dependency pom, copied with copy-dependencies.
  cat >"$dl/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>warden.test</groupId><artifactId>unitycatalog-closure</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.unitycatalog</groupId><artifactId>unitycatalog-server</artifactId><version>$UC_VERSION</version></dependency>
  </dependencies>
</project>
POM
  log "fetching io.unitycatalog:unitycatalog-server:$UC_VERSION and its runtime dependencies from Maven Central"
  mvn -B -q -Dstyle.color=never dependency:copy "-Dartifact=io.unitycatalog:unitycatalog-server:$UC_VERSION" "-DoutputDirectory=$dl/lib" \
    || fail "mvn dependency:copy of io.unitycatalog:unitycatalog-server:$UC_VERSION (not served by the Maven repository this machine reaches?)"
  (cd "$dl" && mvn -B -q -Dstyle.color=never dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$dl/lib") \
    || fail "mvn dependency:copy-dependencies of io.unitycatalog:unitycatalog-server:$UC_VERSION"
  rm -rf "$INSTALL" && mkdir -p "$INSTALL" && mv "$dl/lib" "$INSTALL/lib"
  rm -rf "$dl"
  echo "$UC_VERSION" >"$INSTALL/.complete"
  log "fetched in $((SECONDS - started)) s into $INSTALL"
}

stop() {
  stop_by_pid_file "Unity Catalog" "$RUN/server.pid"
}

# Two free neighbouring ports: the server listens on port (a Vert.x URL transcoder) and port+1
# (the Armeria REST server it forwards to).
free_port_pair() {
  node -e '
    const net = require("node:net");
    const listen = (port) => new Promise((resolve) => {
      const server = net.createServer().once("error", () => resolve(null)).listen(port, "127.0.0.1", () => resolve(server));
    });
    (async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const first = await listen(0);
        const port = first.address().port;
        const second = await listen(port + 1);
        first.close();
        if (second) { second.close(); console.log(port); return; }
      }
      process.exit(1);
    })();
  ' || fail "no two free neighbouring ports on 127.0.0.1"
}

# A file H2 database in the run directory (so every start is empty), authorization off (the
# Databricks front in the tests checks tokens), logs to a file.
configure() {
  mkdir -p "$RUN/etc/conf" "$RUN/etc/db" "$RUN/etc/logs" "$RUN/tables"
  cat >"$RUN/etc/conf/server.properties" <<PROPS
server.env=dev
server.authorization=disable
server.managed-table.enabled=false
PROPS
  cat >"$RUN/etc/conf/hibernate.properties" <<PROPS
hibernate.connection.driver_class=org.h2.Driver
hibernate.connection.url=jdbc:h2:file:$RUN/etc/db/h2db;DB_CLOSE_DELAY=-1
hibernate.hbm2ddl.auto=update
hibernate.show_sql=false
PROPS
  cat >"$RUN/etc/conf/server.log4j2.properties" <<PROPS
status=warn
appender.file.type=File
appender.file.name=file
appender.file.fileName=$RUN/etc/logs/server.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d{ISO8601} %-5p %c{1} - %m%n
rootLogger.level=warn
rootLogger.appenderRef.file.ref=file
logger.uc.name=io.unitycatalog
logger.uc.level=info
PROPS
}

launch() {
  local port=$1
  (cd "$RUN" && exec "$JAVA" -Xmx512m -cp "$INSTALL/lib/*" io.unitycatalog.server.UnityCatalogServer -p "$port" \
    >"$RUN/stdout.log" 2>&1 </dev/null) &
  echo $! >"$RUN/server.pid"
}

wait_ready() {
  local port=$1 started=$SECONDS pid
  pid=$(cat "$RUN/server.pid")
  until curl -sf "http://127.0.0.1:$port/api/2.1/unity-catalog/catalogs" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then tail -n 40 "$RUN/stdout.log" >&2; fail "Unity Catalog exited while starting (log: $RUN/stdout.log)"; fi
    if ((SECONDS - started > START_TIMEOUT_S)); then tail -n 40 "$RUN/stdout.log" >&2; fail "Unity Catalog did not answer within $START_TIMEOUT_S s"; fi
    sleep 1
  done
  log "started in $((SECONDS - started)) s"
}

start() {
  mkdir -p "$CACHE"
  fetch
  stop
  rm -rf "$RUN" && mkdir -p "$RUN"
  configure
  local port
  port=$(free_port_pair)
  launch "$port"
  wait_ready "$port"
  printf '{\n  "version": "%s",\n  "baseUrl": "http://127.0.0.1:%s",\n  "tablesRoot": "%s"\n}\n' "$UC_VERSION" "$port" "$RUN/tables" >"$RUN/connection.json"
  log "Unity Catalog $UC_VERSION listens on http://127.0.0.1:$port (and $((port + 1))); connection info: $RUN/connection.json"
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  fetch) mkdir -p "$CACHE" && fetch ;;
  *) fail "usage: $0 start|stop|fetch" ;;
esac
