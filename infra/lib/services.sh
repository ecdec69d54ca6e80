# The four market services in JVM mode, from the jars the Maven build leaves in */target/quarkus-app.
# shellcheck shell=bash

# name:port for `up`; tests use ports +1000 (Quarkus tests) and +1100 (the e2e suite), benchmarks +1300. Each
# service's management interface (health, metrics, OpenAPI, Swagger UI) listens on its port + 10.
SERVICE_PORTS=(registry:8081 allocation:8082 trading:8083 settlement:8084)

service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

management_port() { echo $(( $1 + 10 )); }

service_port() {
  local entry
  for entry in "${SERVICE_PORTS[@]}"; do [ "${entry%%:*}" != "$1" ] || { echo "${entry##*:}"; return 0; }; done
  die "no service $1"
}

# Builds the services when a jar is missing or older than any source it is built from.
build_services() {
  local stale=0 entry jar
  for entry in "${SERVICE_PORTS[@]}"; do
    jar=$(service_jar "${entry%%:*}")
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/${entry%%:*}-service" "$ROOT/platform" "$ROOT/contracts" \
        -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then stale=1; fi
  done
  if [ "$stale" = 1 ] || [ "${MARKET_REBUILD:-0}" = 1 ]; then
    say "building the services (mvn install -DskipTests)"
    (cd "$ROOT" && mvn_batch -q install -DskipTests) || die "build failed"
  fi
}

# The local development keys of the services' dev and test profiles (their application.properties): allocation's
# signing key for issuance instructions, its public half for the registry, and the registry's audit chain key.
LOCAL_ISSUANCE_SIGNING_KEY="local-1:MC4CAQAwBQYDK2VwBCIEIPSnwwlaVHxfBa20G0VBq4Lc2qcGSMKh3gAAlTklT/r4"
LOCAL_ISSUANCE_PUBLIC_KEY="local-1:MCowBQYDK2VwAyEAdXm2GsZzMtIIvM5BeVqiA67NhXhoH3MsUMhKTCR6T1s="
LOCAL_AUDIT_CHAIN_KEY="local-1:6vxayFtERo1954vjFrZ3iCMldzpwqaYxdMsNAVzlsOU="

# The registry's local development key for spooled uploads (its application.properties, dev and test).
LOCAL_SPOOL_KEY="bG9jYWwtZGV2ZWxvcG1lbnQtc3Bvb2wta2V5LTMyYiE="
# The registry's local development keys of parties' personal data: the blind index's and the SM4 field key (its
# application.properties, dev). Fixed, so that the data `up` keeps between runs stays readable.
LOCAL_BLIND_INDEX_KEY="local-1:QRjc0f/YCE/EbADzRgpeGHGAJpkdOkA0kDhxow/k59M="
LOCAL_PERSONAL_DATA_KEY="local-1:jtPaZhJ+9m+otwZz9RRo9g=="

# start_service SERVICE PORT DATABASE PIDNAME TOPIC_PREFIX: one service in the background (no waiting).
# Locally the exchange's clock starts at the next opening of continuous trading, so the market can be tried at any
# hour (MARKET_TRADING_CLOCK_FROM_NEXT_OPEN=false for the wall clock). The jars run their prod profile, which takes
# every server address and credential from the environment as a Deployment's would: here the local servers, the
# service's local database role (password = name), its Kafka principal with the local broker's development password,
# the local realm's development client secret and the local keys.
start_service() {
  local svc=$1 port=$2 db=$3 name=$4 topic_prefix=$5
  local group=${name%-b}  # a second instance (NAME-b) joins the first one's consumer groups
  running "$name" && return 0
  port_open "$port" && die "port $port is taken by a process this launcher did not start"
  local service=(env \
    QUARKUS_HTTP_PORT="$port" MARKET_DB_NAME="$db" KAFKA_GROUP_ID="$svc-service${group#"$svc"}" \
    MARKET_KAFKA_TOPIC_PREFIX="$topic_prefix" \
    MARKET_KEYCLOAK_URL="http://127.0.0.1:8180" KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    MARKET_KAFKA_USERNAME="$svc-service" MARKET_KAFKA_PASSWORD="$(kafka_password "$svc-service")" \
    QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    MARKET_DB_HOST="127.0.0.1" MARKET_DB_SSLMODE=disable MARKET_DB_CA_FILE=/etc/ssl/certs/ca-certificates.crt \
    SETTLEMENT_CLIENT_SECRET="settlement-service-secret" REGISTRY_SPOOL_KEY="$LOCAL_SPOOL_KEY" \
    ALLOCATION_ISSUANCE_SIGNING_KEY="$LOCAL_ISSUANCE_SIGNING_KEY" \
    REGISTRY_ISSUANCE_ALLOCATION_PUBLIC_KEY="$LOCAL_ISSUANCE_PUBLIC_KEY" REGISTRY_AUDIT_CHAIN_KEY="$LOCAL_AUDIT_CHAIN_KEY" \
    REGISTRY_IDENTITY_BLIND_INDEX_KEY="$LOCAL_BLIND_INDEX_KEY" REGISTRY_PERSONAL_DATA_KEY="$LOCAL_PERSONAL_DATA_KEY" \
    MARKET_TRADING_CLOCK_FROM_NEXT_OPEN="${MARKET_TRADING_CLOCK_FROM_NEXT_OPEN:-true}" \
    java -Xms64m -Xmx"${MARKET_HEAP:-384m}" -XX:+UseSerialGC ${MARKET_JAVA_OPTS:-} -jar "$(service_jar "$svc")")
  # The migration first, as the database's owner (in k8s the pre-deploy Job); the service then runs as the runtime
  # role SVC_app, which may change rows only (infra/lib/postgres.sh).
  env MARKET_DB_USER="$svc" MARKET_DB_PASSWORD="$svc" QUARKUS_INIT_AND_EXIT=true QUARKUS_FLYWAY_MIGRATE_AT_START=true \
    "${service[@]}" >>"$LOGS/$name.log" 2>&1 < /dev/null || die "the migration of $db failed; see $LOGS/$name.log"
  start_process "$name" "$LOGS/$name.log" env MARKET_DB_USER="${svc}_app" MARKET_DB_PASSWORD="${svc}_app" \
    "${service[@]}"
}

# start_services PORT_OFFSET DB_SUFFIX NAME_SUFFIX TOPIC_PREFIX: starts all four and waits until each is ready.
start_services() {
  local offset=${1:-0} db_suffix=${2:-} name_suffix=${3:-} topic_prefix=${4:-} entry svc port
  for entry in "${SERVICE_PORTS[@]}"; do
    svc=${entry%%:*}; port=$(( ${entry##*:} + offset ))
    # Settlement calls trading's risk view: the trading of the same group (ports shifted alike).
    MARKET_TRADING_URL="http://127.0.0.1:$(( 8083 + offset ))" \
      start_service "$svc" "$port" "$svc$db_suffix" "$svc$name_suffix" "$topic_prefix"
  done
  for entry in "${SERVICE_PORTS[@]}"; do
    svc=${entry%%:*}; port=$(( ${entry##*:} + offset ))
    wait_for "$svc-service" 120 "$svc$name_suffix" http_ok "http://127.0.0.1:$(management_port "$port")/q/health/ready"
  done
}

# start_e2e_services: the e2e suite's four services (ports 9181-9184, databases *_e2e, topics e2e.) and a second
# instance of registry, allocation and settlement (ports 9281, 9282, 9284; names *-e2e-b) on the same databases,
# topics and consumer groups, for the two-instance tests (e2e TwoInstancesIT). The scheduled jobs run every few seconds,
# in both instances alike so that they share periods, and several periods pass while the suite runs.
start_e2e_services() {
  local -x ALLOCATION_AUCTION_SHORTEST_BID_WINDOW=PT10S REGISTRY_PLEDGE_EXPIRY_EVERY=5s \
    SETTLEMENT_RECONCILIATION_EVERY=10s ALLOCATION_AUCTION_PREPARE_EVERY=5s MARKET_TRADING_URL=http://127.0.0.1:9183
  local svc port
  start_services 1100 "_e2e" "-e2e" "e2e."
  for svc in registry allocation settlement; do
    start_service "$svc" "$(( $(service_port "$svc") + 1200 ))" "${svc}_e2e" "$svc-e2e-b" "e2e."
  done
  for svc in registry allocation settlement; do
    port=$(( $(service_port "$svc") + 1200 ))
    wait_for "$svc-service (second instance)" 120 "$svc-e2e-b" http_ok "http://127.0.0.1:$(management_port "$port")/q/health/ready"
  done
}

# A second exchange instance (port 8183, pid name trading-standby) on the market's database and journal: a standby
# that follows the active instance and takes over when it stops (trading-service/README.md, "Active and standby").
# Its own consumer groups: every instance reads other services' events (the standby waits for the leader's).
start_trading_standby() {
  start_service trading 8183 trading trading-standby ""
  wait_for "trading-service (standby)" 120 trading-standby http_ok "http://127.0.0.1:$(management_port 8183)/q/health/live"
}

# Which local trading instance runs the exchange: readiness is the leader's only, and says state and epoch.
trading_roles() {
  local port health
  for port in 8083 8183; do
    health=$(curl -s --max-time 3 "http://127.0.0.1:$(management_port "$port")/q/health/ready" 2>/dev/null) || continue
    echo "trading :$port  $(echo "$health" | grep -o '"state" *: *"[A-Z_]*"' | grep -o '[A-Z_]*"$' | tr -d '"')" \
      "epoch $(echo "$health" | grep -o '"epoch" *: *[0-9]*' | grep -o '[0-9]*$')"
  done
}

stop_services() {
  local group_suffix=${1:-} entry
  for entry in "${SERVICE_PORTS[@]}"; do stop_process "${entry%%:*}$group_suffix"; done
}
