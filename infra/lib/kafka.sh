# Apache Kafka: one KRaft broker+controller on 127.0.0.1:9092, from the jars infra/kafka fetches from Maven Central.
# Clients authenticate with SASL/SCRAM-SHA-512 and the broker authorizes each request by the ACLs of
# infra/kafka/acls.txt (StandardAuthorizer; what no ACL allows is refused). MARKET_KAFKA_PORT moves the broker (the
# controller takes the next port) for a second broker beside a running one.
# shellcheck shell=bash

KAFKA_HOME="$ROOT/infra/kafka"
KAFKA_DATA="$STATE/kafka"
KAFKA_PORT="${MARKET_KAFKA_PORT:-9092}"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
# The SCRAM principals the storage is formatted with: the four services (each writes only the topics it owns),
# market-admin, the local superuser that creates topics and applies the ACLs and that tests use to play another
# service's part, and market-integrator, the demo integrator that may read the public market data (README.md,
# Integrators). Local development passwords only, "<principal>-kafka-secret" (the services' dev and test profiles
# and test-support know them too); a cluster's come from Secrets (k8s/README.md, Security).
KAFKA_PRINCIPALS=(market-admin registry-service allocation-service trading-service settlement-service market-integrator)
kafka_password() { echo "$1-kafka-secret"; }

# The administrator's client settings, for CreateTopics and StreamAcls.
kafka_admin_properties() {
  mkdir -p "$KAFKA_DATA"
  cat > "$KAFKA_DATA/market-admin.properties" <<PROPS
bootstrap.servers=$KAFKA_BOOTSTRAP
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="market-admin" password="$(kafka_password market-admin)";
PROPS
  echo "$KAFKA_DATA/market-admin.properties"
}

# Creates (or completes) the market's topics and the copies for tests (prefix test.), benchmarks (bench.) and the
# failover test (ha.); true once Kafka answers.
kafka_ready() { java -cp "$KAFKA_HOME/target/lib/*" "$KAFKA_HOME/CreateTopics.java" "$(kafka_admin_properties)" "$KAFKA_HOME/topics.txt" "$@"; }

# Gives the broker the ACLs of acls.txt, no more.
kafka_acls() {
  java -cp "$KAFKA_HOME/target/lib/*" "$KAFKA_HOME/StreamAcls.java" "$(kafka_admin_properties)" \
    "$KAFKA_HOME/acls.txt" "$KAFKA_HOME/topics.txt"
}

# Empties the test runs' topics and consumer groups: each test run starts from nothing, like its databases.
reset_test_topics() { kafka_ready --fresh test. || die "resetting the test topics failed"; }

# Empties the cross-service suite's topics (prefix e2e.): its services start from nothing the unit tests left.
reset_e2e_topics() { kafka_ready --fresh e2e. || die "resetting the e2e topics failed"; }

# Empties the benchmarks' topics (prefix bench.) and consumer groups: a benchmark starts from nothing.
reset_bench_topics() { kafka_ready --fresh bench. || die "resetting the bench topics failed"; }

ensure_kafka() {
  if running kafka; then kafka_acls >/dev/null || die "applying the Kafka ACLs failed"; return 0; fi
  if port_open "$KAFKA_PORT"; then
    # Another checkout's launcher (or the machine) runs a broker here: use it if market-admin may create our topics.
    kafka_ready >/dev/null 2>&1 || die "port $KAFKA_PORT is taken by something that is not a usable Kafka broker (one with SASL/SCRAM and market-admin)"
    kafka_acls >/dev/null || die "applying the Kafka ACLs failed"
    warn "using the Kafka broker already listening on $KAFKA_BOOTSTRAP (not started by this checkout)"
    return 0
  fi
  if [ ! -f "$KAFKA_HOME/target/lib/kafka_2.13-4.1.1.jar" ]; then
    say "fetching the Kafka broker from Maven Central"
    (cd "$KAFKA_HOME" && mvn_batch -q package)
  fi
  mkdir -p "$KAFKA_DATA/logs"
  # The log is flushed every second: left to the kernel, a partition's file is written back whole once it is old
  # enough, and PostgreSQL's commits on the same disk wait behind that burst (Kafka flushes outside its log lock).
  cat > "$KAFKA_DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$((KAFKA_PORT + 1))
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$((KAFKA_PORT + 1))
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="market-admin" password="$(kafka_password market-admin)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
# market-admin administers the broker. ANONYMOUS is the principal of the controller listener, which is plaintext on
# the loopback interface only: the broker registers with its controller there (cluster actions need a superuser).
# No client is ever ANONYMOUS on the client listener, where a connection that does not authenticate is closed.
super.users=User:market-admin;User:ANONYMOUS
log.dirs=$KAFKA_DATA/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
num.network.threads=2
num.io.threads=2
log.flush.interval.ms=1000
log.flush.scheduler.interval.ms=1000
PROPS
  # Two broker threads of each kind and a fixed heap with short collection pauses: the broker shares a few cores with
  # the services, whose order journal waits on its acknowledgements.
  local cp="$KAFKA_HOME/target/lib/*"
  local opts=(-Xms768m -Xmx768m -XX:MaxGCPauseMillis=10 -Dkafka.logs.dir="$KAFKA_DATA/logs" -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.properties")
  # SCRAM credentials live in the cluster's metadata and are added when the storage is formatted: storage formatted
  # before them (or for other principals) is formatted anew.
  if [ -f "$KAFKA_DATA/data/meta.properties" ] && [ "$(cat "$KAFKA_DATA/scram-principals" 2>/dev/null)" != "${KAFKA_PRINCIPALS[*]}" ]; then
    warn "Kafka's data predates its SCRAM principals (${KAFKA_PRINCIPALS[*]}): formatting it anew. The local market's Kafka data is reproducible: tests and benchmarks recreate their topics; a market that ./market up started before begins afresh with ./market reset"
    rm -rf "$KAFKA_DATA/data"
  fi
  if [ ! -f "$KAFKA_DATA/data/meta.properties" ]; then
    local scram=() principal
    for principal in "${KAFKA_PRINCIPALS[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$principal,password=$(kafka_password "$principal")]")
    done
    java "${opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$(cat /proc/sys/kernel/random/uuid | tr -d '-' | head -c 22)" \
      -c "$KAFKA_DATA/server.properties" "${scram[@]}" >>"$LOGS/kafka.log" 2>&1 || die "formatting Kafka storage failed; see $LOGS/kafka.log"
    echo "${KAFKA_PRINCIPALS[*]}" > "$KAFKA_DATA/scram-principals"
  fi
  say "starting Kafka on $KAFKA_BOOTSTRAP (SASL/SCRAM, ACLs of infra/kafka/acls.txt)"
  start_process kafka "$LOGS/kafka.log" java "${opts[@]}" -cp "$cp" kafka.Kafka "$KAFKA_DATA/server.properties"
  wait_for "Kafka" 60 kafka port_open "$KAFKA_PORT"
  wait_for "Kafka topics" 60 kafka kafka_ready
  kafka_acls >/dev/null || die "applying the Kafka ACLs failed"
  keep kafka
}
