# Sourced by the test-server scripts: stops the server whose pid is in a file (TERM, then KILL
# after 30 s) and removes the file. Expects the sourcing script's `log`.
#
#   stop_by_pid_file <what it is, for the log> <pid file>
stop_by_pid_file() {
  local what=$1 pid_file=$2
  if [[ -f $pid_file ]]; then
    local pid
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping $what (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
  fi
}
