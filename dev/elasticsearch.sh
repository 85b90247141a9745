#!/usr/bin/env bash
# Local single-node Elasticsearch for development, run from Elastic's own Maven Central jars (no Docker).
# Usage: dev/elasticsearch.sh start|stop|status
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC="$ROOT/dev/elasticsearch"
TARGET="$SRC/target"
BUILT_STAMP="$TARGET/.built"
LOCAL=${FLOWCARE_LOCAL:-$ROOT/.local}
[[ $LOCAL = /* ]] || LOCAL="$PWD/$LOCAL"
ES_HOME="$LOCAL/elasticsearch"
PID_FILE="$ES_HOME/elasticsearch.pid"
LOG_FILE="$ES_HOME/elasticsearch.log"
PORT=${FLOWCARE_ES_PORT:-9250}
# derived from the HTTP port so that a second instance on another port does not collide
TRANSPORT_PORT=${FLOWCARE_ES_TRANSPORT_PORT:-$((PORT + 100))}
URL="http://127.0.0.1:$PORT"
START_TIMEOUT=120
STOP_TIMEOUT=30
MAIN_CLASS=flowcare.elasticsearch.Main

JVM_OPTS=(
  -Xms512m -Xmx1g -Xss1m
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError
  -Djava.io.tmpdir="$ES_HOME/tmp"
  -Djava.awt.headless=true -Dfile.encoding=UTF-8
  # 8.15 parses dates with these providers on JDK < 23; CLDR would change some formats
  -Djava.locale.providers=SPI,COMPAT
  -Djna.nosys=true
  -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
  # the node closes itself on SIGTERM and still needs logging while it does
  -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true
)

progress() { echo "elasticsearch: $*" >&2; }

pom_version() {
  sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$SRC/pom.xml"
}

running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  # the pid may have been reused by an unrelated process since the node last ran
  [[ $pid =~ ^[0-9]+$ ]] && grep -qa "$MAIN_CLASS" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

healthy() {
  curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

live_version() {
  curl -fsS --max-time 2 "$URL/" 2>/dev/null | sed -n 's/.*"number":"\([^"]*\)".*/\1/p'
}

build_if_stale() {
  if [[ -f $BUILT_STAMP && -z $(find "$SRC/src" "$SRC/pom.xml" -newer "$BUILT_STAMP" -print -quit) ]]; then
    return
  fi
  command -v mvn >/dev/null || { echo "elasticsearch: mvn not found; install Maven to build the launcher" >&2; exit 1; }
  progress "building launcher with Maven (downloads from Maven Central on the first run)..."
  local started=$SECONDS
  mkdir -p "$ES_HOME"
  # captured because Debian's Maven prints stray ANSI resets even in quiet batch mode
  if ! mvn -B -q -Dstyle.color=never -f "$SRC/pom.xml" package >"$ES_HOME/build.log" 2>&1; then
    echo "elasticsearch: Maven build failed:" >&2
    tail -n 40 "$ES_HOME/build.log" >&2
    exit 1
  fi
  touch "$BUILT_STAMP"
  progress "built in $((SECONDS - started))s"
}

fail_with_log() {
  echo "elasticsearch: $*" >&2
  if [[ -f $LOG_FILE ]]; then
    echo "--- last 40 lines of $LOG_FILE ---" >&2
    tail -n 40 "$LOG_FILE" >&2
  fi
  exit 1
}

# SIGTERM first so the node flushes and releases its data directory lock, SIGKILL only as a last resort
terminate() {
  local pid=$1 waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= STOP_TIMEOUT)); then
      progress "pid $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
}

cmd_start() {
  local started=$SECONDS pid
  if pid=$(running_pid); then
    if healthy; then
      echo "elasticsearch $(live_version) already running at $URL (pid $pid)"
      return 0
    fi
    progress "pid $pid is running but not healthy yet, waiting..."
  else
    rm -f "$PID_FILE"
    build_if_stale
    command -v java >/dev/null || { echo "elasticsearch: java not found; a JDK 17+ is required" >&2; exit 1; }
    mkdir -p "$ES_HOME/tmp"
    [[ -f $LOG_FILE ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
    progress "starting node on $URL (log: $LOG_FILE)..."
    # setsid detaches the node from this terminal so Ctrl-C in the caller's shell does not reach it
    setsid java "${JVM_OPTS[@]}" -cp "$TARGET/elasticsearch-dev.jar:$TARGET/lib/*" "$MAIN_CLASS" \
      "path.home=$ES_HOME" "http.port=$PORT" "transport.port=$TRANSPORT_PORT" \
      >"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi

  progress "waiting up to ${START_TIMEOUT}s for cluster health..."
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      fail_with_log "node exited during startup"
    fi
    if healthy; then
      echo "elasticsearch $(live_version) ready at $URL ($((SECONDS - started))s)"
      return 0
    fi
    sleep 1
  done
  terminate "$pid"
  fail_with_log "node not healthy after ${START_TIMEOUT}s, stopped it"
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    echo "elasticsearch not running"
    return 0
  fi
  progress "stopping pid $pid..."
  terminate "$pid"
  echo "elasticsearch stopped"
}

cmd_status() {
  local pid
  if ! pid=$(running_pid); then
    echo "elasticsearch $(pom_version) not running"
    return 3
  fi
  if healthy; then
    echo "elasticsearch $(live_version) running at $URL (pid $pid)"
  else
    echo "elasticsearch $(pom_version) running (pid $pid) but $URL is not healthy; see $LOG_FILE"
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
