# Shell functions the bench scripts share (sourced, not run).

descendants() { # the process ids below $1, deepest first
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do descendants "$child"; echo "$child"; done
}

stop_pid() { # SIGTERM, up to 20 s, then SIGKILL; the same for what it started and left behind
  local pid=$1 kids i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kids=$(descendants "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  for pid in $kids; do kill -TERM "$pid" 2>/dev/null || true; done
}
