# Sourced by bin/test: makes sure the databases the integration tests use are running on loopback.
# On the project's machines they already run; on a fresh Debian machine this installs them from
# Debian's packages, opens them to loopback without a password (test machines only) and starts them.

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_for_port() {
  local port=$1 name=$2 tries=0
  until port_open "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then
      echo "$name did not open port $port within 60 s" >&2
      return 1
    fi
    sleep 1
  done
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "cannot install $*: no apt-get" >&2; return 1; }
  [ -n "${BRIGHTER_APT_UPDATED:-}" ] || { apt-get update -qq >&2 && BRIGHTER_APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_postgres() {
  port_open 5432 && return 0
  echo "PostgreSQL is not running on 127.0.0.1:5432: starting it" >&2
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  local version hba
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -q "brighter-test" "$hba"; then
    sed -i '1i # brighter-test: loopback connections without a password (test machines only)\nlocal all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_for_port 5432 PostgreSQL
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "create database test"
}

ensure_mariadb() {
  port_open 3306 && return 0
  echo "MariaDB is not running on 127.0.0.1:3306: starting it" >&2
  command -v mariadbd >/dev/null 2>&1 || apt_install mariadb-server
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql \
    --bind-address=127.0.0.1
  wait_for_port 3306 MariaDB
  mysql -u root -e "create database if not exists test;
    alter user 'root'@'localhost' identified via mysql_native_password using password('');" \
    || true
}

# brighter-aws-local's LocalDynamoDb (the DynamoDB tests, the Greetings sample) installs dynalite
# with npm and runs it with node.
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  echo "node or npm is missing: installing them (the DynamoDB tests run dynalite on node)" >&2
  apt_install nodejs npm
}

# Chromium for the web console's browser test (headless, driven over the DevTools protocol).
ensure_chromium() {
  [ -n "${BRIGHTER_CHROMIUM:-}" ] && return 0
  command -v chromium >/dev/null 2>&1 && return 0
  echo "Chromium is missing: installing it (the console's browser test runs it headless)" >&2
  apt_install chromium
}

# RabbitMQ for brighter-rabbitmq's integration tests (guest/guest on 127.0.0.1:5672).
ensure_rabbitmq() {
  port_open 5672 && return 0
  echo "RabbitMQ is not running on 127.0.0.1:5672: starting it" >&2
  command -v rabbitmq-server >/dev/null 2>&1 || apt_install rabbitmq-server
  local env=/etc/rabbitmq/rabbitmq-env.conf
  if ! grep -q "brighter-test" "$env" 2>/dev/null; then
    mkdir -p /etc/rabbitmq
    printf '%s\n' '# brighter-test: the broker listens on loopback only (guest/guest)' \
      'NODE_IP_ADDRESS=127.0.0.1' 'NODENAME=rabbit@localhost' \
      'SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"' >> "$env"
  fi
  port_open 5672 || ERL_EPMD_ADDRESS=127.0.0.1 rabbitmq-server -detached
  wait_for_port 5672 RabbitMQ
}

# The local endpoints that run on node (dynalite, s3rver, Azurite) and the Kafka broker (a JVM of
# its own) serve the whole run: the first test JVM that needs one starts it and records its address
# and process id in BRIGHTER_LOCAL_RUN_DIR; the later JVMs find it there. When the run ends, the
# processes recorded there are ended, and waited for (at most ten seconds each).
share_local_servers() {
  BRIGHTER_LOCAL_RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/brighter-local.XXXXXX")"
  export BRIGHTER_LOCAL_RUN_DIR
  trap stop_local_servers EXIT
}

stop_local_servers() {
  local pidfile pid tries
  for pidfile in "$BRIGHTER_LOCAL_RUN_DIR"/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if grep -qaE 'node|SharedKafkaProcess' "/proc/$pid/cmdline" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      tries=0
      while [ -e "/proc/$pid" ] && [ "$tries" -lt 50 ]; do
        sleep 0.2
        tries=$((tries + 1))
      done
    fi
  done
  rm -rf "$BRIGHTER_LOCAL_RUN_DIR"
}
