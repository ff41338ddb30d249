# Starts a fresh in-memory local runtime on a free port for a script (the pattern of scripts/test-console), building
# the local runtime first when it is missing. Sets LUNA_URL, LUNA_KEY and LUNA_RUNTIME_LOG; stops it on exit.
# Extra settings can be passed as VAR=value arguments. Needs lib.sh sourced and $ROOT set.
# shellcheck shell=bash

luna_start_runtime() {
  find_jdk
  if [ ! -f "$ROOT/local/target/luna-local.jar" ]; then
    echo "luna: building the local runtime (mvn package -pl local -am)" >&2
    (cd "$ROOT" && mvn_run package -DskipTests -pl local -am)
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  LUNA_KEY="luna_script_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  LUNA_RUNTIME_LOG=$(mktemp)
  env LUNA_ADMIN_KEY="$LUNA_KEY" LUNA_ACCESS_LOG=WARN "$@" \
    "$JAVA_HOME/bin/java" $(quiet_jvm_flags "$JAVA_HOME/bin/java") -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
    --add-modules jdk.incubator.vector -cp "$ROOT/local/target/luna-local.jar:$ROOT/local/target/lib/*" \
    dev.luna.local.Main --in-memory --port "$port" >"$LUNA_RUNTIME_LOG" 2>&1 &
  LUNA_RUNTIME_PID=$!
  trap 'kill "$LUNA_RUNTIME_PID" 2>/dev/null; wait "$LUNA_RUNTIME_PID" 2>/dev/null || true; rm -f "$LUNA_RUNTIME_LOG"' EXIT
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/api/v1/health/live" >/dev/null 2>&1 && break
    kill -0 "$LUNA_RUNTIME_PID" 2>/dev/null || { cat "$LUNA_RUNTIME_LOG" >&2; echo "luna: the local runtime did not start" >&2; return 1; }
    sleep 0.5
  done
  LUNA_URL="http://127.0.0.1:$port"
  export LUNA_URL LUNA_KEY LUNA_RUNTIME_LOG
}
