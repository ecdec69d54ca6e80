# PostgreSQL: use the server on 127.0.0.1:5432; install and start Debian's if there is none.
# shellcheck shell=bash

SERVICES=(registry allocation trading settlement)

pg_admin() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"
  else psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; fi
}

ensure_postgres() {
  if ! command -v pg_isready >/dev/null || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then apt_install postgresql; fi
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    say "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
    wait_for "PostgreSQL" 30 "" pg_isready -h 127.0.0.1 -p 5432 -q
  fi
  # Per service two roles (password = name): the owner SVC, which owns the database and runs the migrations, and the
  # runtime role SVC_app, which the service runs as and which may only read and write rows (the grants come from the
  # migration db/platform/R__runtime_role.sql). The owner is a member of the runtime role so that the migration may
  # hand it the queues it vacuums (before PostgreSQL 17). One database per service, plus a _test database for the
  # test suites (which run as the owner).
  local svc db role
  for svc in "${SERVICES[@]}"; do
    for role in "$svc" "${svc}_app"; do
      if [ "$(pg_admin -c "select 1 from pg_roles where rolname = '$role'")" != 1 ]; then
        pg_admin -c "create role $role login password '$role'"
      fi
    done
    pg_admin -c "grant ${svc}_app to $svc"
    for db in "$svc" "${svc}_test"; do
      if [ "$(pg_admin -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
        pg_admin -c "create database $db owner $svc"
      fi
    done
  done
}

# Runs a PostgreSQL client program as the superuser (peer authentication over the socket when we are root).
pg_superuser() {
  local program=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$program" "$@"; else "$program" -h 127.0.0.1 -U postgres "$@"; fi
}

# fresh_database NAME OWNER: drops and creates a scratch database (benchmarks start from nothing).
fresh_database() {
  pg_admin -c "drop database if exists $1 with (force)"
  pg_admin -c "create database $1 owner $2"
}

# Drops the market's own databases (not the test ones); ensure_postgres creates them empty again.
drop_market_databases() {
  local svc
  for svc in "${SERVICES[@]}"; do pg_admin -c "drop database if exists $svc with (force)"; done
}

# Drops and recreates the test databases (suffix _test, or the one given), so every test run starts from empty
# schemas.
reset_test_databases() {
  local svc suffix=${1:-_test}
  for svc in "${SERVICES[@]}"; do
    pg_admin -c "drop database if exists ${svc}${suffix} with (force)"
    pg_admin -c "create database ${svc}${suffix} owner $svc"
  done
}
