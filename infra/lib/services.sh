# The four market services in JVM mode, from the jars the Maven build leaves in */target/quarkus-app.
# shellcheck shell=bash

# name:port for `up`; tests use ports +1000 (Quarkus tests) and +1100 (the e2e suite).
SERVICE_PORTS=(registry:8081 allocation:8082 trading:8083 settlement:8084)

service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

build_services() {
  local missing=0 svc
  for entry in "${SERVICE_PORTS[@]}"; do [ -f "$(service_jar "${entry%%:*}")" ] || missing=1; done
  if [ "$missing" = 1 ] || [ "${MARKET_REBUILD:-0}" = 1 ]; then
    say "building the services (mvn install -DskipTests)"
    (cd "$ROOT" && mvn_batch -q install -DskipTests) || die "build failed"
  fi
}

# start_services PORT_OFFSET DB_SUFFIX GROUP_SUFFIX TOPIC_PREFIX: starts all four and waits until each is ready.
start_services() {
  local offset=${1:-0} db_suffix=${2:-} group_suffix=${3:-} topic_prefix=${4:-} entry svc port
  for entry in "${SERVICE_PORTS[@]}"; do
    svc=${entry%%:*}; port=$(( ${entry##*:} + offset ))
    running "$svc$group_suffix" && continue
    port_open "$port" && die "port $port is taken by a process this launcher did not start"
    start_process "$svc$group_suffix" "$LOGS/$svc$group_suffix.log" env \
      QUARKUS_HTTP_PORT="$port" MARKET_DB_NAME="$svc$db_suffix" KAFKA_GROUP_ID="$svc-service$group_suffix" \
      MARKET_KAFKA_TOPIC_PREFIX="$topic_prefix" \
      java -Xms64m -Xmx384m -XX:+UseSerialGC -jar "$(service_jar "$svc")"
  done
  for entry in "${SERVICE_PORTS[@]}"; do
    svc=${entry%%:*}; port=$(( ${entry##*:} + offset ))
    wait_for "$svc-service" 120 "$svc$group_suffix" http_ok "http://127.0.0.1:$port/q/health/ready"
  done
}

stop_services() {
  local group_suffix=${1:-} entry
  for entry in "${SERVICE_PORTS[@]}"; do stop_process "${entry%%:*}$group_suffix"; done
}
