# Apache Kafka: one KRaft broker+controller on 127.0.0.1:9092, from the jars infra/kafka fetches from Maven Central.
# shellcheck shell=bash

KAFKA_HOME="$ROOT/infra/kafka"
KAFKA_DATA="$STATE/kafka"

# Creates (or completes) the market's topics and the copies for tests (prefix test.) and benchmarks (bench.); true once Kafka answers.
kafka_ready() { java -cp "$KAFKA_HOME/target/lib/*" "$KAFKA_HOME/CreateTopics.java" 127.0.0.1:9092 "$KAFKA_HOME/topics.txt" "$@"; }

# Empties the test runs' topics and consumer groups: each test run starts from nothing, like its databases.
reset_test_topics() { kafka_ready --fresh test. || die "resetting the test topics failed"; }

# Empties the cross-service suite's topics (prefix e2e.): its services start from nothing the unit tests left.
reset_e2e_topics() { kafka_ready --fresh e2e. || die "resetting the e2e topics failed"; }

# Empties the benchmarks' topics (prefix bench.) and consumer groups: a benchmark starts from nothing.
reset_bench_topics() { kafka_ready --fresh bench. || die "resetting the bench topics failed"; }

ensure_kafka() {
  if running kafka; then return 0; fi
  if port_open 9092; then
    # Another checkout's launcher (or the machine) runs a broker here: use it if it takes our topics.
    kafka_ready >/dev/null 2>&1 || die "port 9092 is taken by something that is not a usable Kafka broker"
    warn "using the Kafka broker already listening on 127.0.0.1:9092 (not started by this checkout)"
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
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
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
  if [ ! -f "$KAFKA_DATA/data/meta.properties" ]; then
    java "${opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$(cat /proc/sys/kernel/random/uuid | tr -d '-' | head -c 22)" \
      -c "$KAFKA_DATA/server.properties" >>"$LOGS/kafka.log" 2>&1 || die "formatting Kafka storage failed; see $LOGS/kafka.log"
  fi
  say "starting Kafka on 127.0.0.1:9092"
  start_process kafka "$LOGS/kafka.log" java "${opts[@]}" -cp "$cp" kafka.Kafka "$KAFKA_DATA/server.properties"
  wait_for "Kafka" 60 kafka port_open 9092
  wait_for "Kafka topics" 60 kafka kafka_ready
  keep kafka
}
