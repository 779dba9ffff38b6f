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

free_port() { # a TCP port on 127.0.0.1 that nothing listens on now
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# CPU seconds (utime+stime, and the waited-for children's when $2 is "all") of process $1.
cpu_of() {
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  # Fields after the command name, which may hold spaces: utime is field 14 of the whole line, 12 after ")".
  sed 's/.*) //' "/proc/$1/stat" | awk -v t="$(getconf CLK_TCK)" -v all="${2:-}" \
    '{ s = $12 + $13; if (all == "all") s += $14 + $15; printf "%.2f\n", s / t }'
}
