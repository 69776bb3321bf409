#!/usr/bin/env bash
# Two portal instances on one PostgreSQL behind nginx, checked from a browser.
#   tests/scale-out.sh             build the portal and the browser check, then run
#   tests/scale-out.sh --no-build  use what ./test.sh (or an earlier build) left in bin/Debug
#   SCALEOUT_KEEP=1 tests/scale-out.sh   keep the temporary folder (instance and nginx logs) afterwards
# Starts a throwaway PostgreSQL cluster, runs migrate once (which also makes the first data-protection key),
# starts instances "a" and "b" at the same moment on loopback ports, seeds demo data, and puts nginx in front
# (docs/deploy/nginx-grantportal.conf's upstream, affinity and WebSocket settings, on a loopback port). Then
# tests/GrantPortal.ScaleOut signs in through the proxy, edits a draft, uploads a file, kills the instance that
# holds the circuit and carries on on the other; afterwards the job storage is read to check that every
# recurring occurrence ran once. Everything lives in one temporary folder, removed on exit with every process.
# The last line printed begins "scale-out:"; the exit code is 0 only when everything held.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

build=yes
case "${1:-}" in
  "") ;;
  --no-build) build=no ;;
  *) echo "usage: tests/scale-out.sh [--no-build]" >&2; echo "scale-out: FAILED (usage)"; exit 2 ;;
esac

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
started=$(date +%s)
verdict="failed before the check ran"
work=""
pg_root=""
pg_bin=""
declare -A instance_pid=()
nginx_pid=""
check_pid=""
watchdog_pid=""

is_root() { [ "$(id -u)" -eq 0 ]; }
log() { echo "[scale-out $(( $(date +%s) - started ))s] $*"; }

stop_process() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

as_postgres() {
  if is_root; then su postgres -s /bin/sh -c "$1"; else /bin/sh -c "$1"; fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  [ -n "$watchdog_pid" ] && kill -TERM -- "-$watchdog_pid" 2>/dev/null
  if [ -n "$check_pid" ] && kill -0 -- "-$check_pid" 2>/dev/null; then
    kill -TERM -- "-$check_pid" 2>/dev/null; sleep 1; kill -KILL -- "-$check_pid" 2>/dev/null
  fi
  for name in "${!instance_pid[@]}"; do stop_process "${instance_pid[$name]}"; done
  stop_process "$nginx_pid"
  if [ -n "$pg_root" ] && [ -f "$pg_root/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl -D $pg_root/data -m immediate -w stop" >/dev/null 2>&1
  fi
  if [ "$status" -ne 0 ] && [ -n "$work" ]; then
    for file in "$work"/instance-*.log "$work/nginx/error.log"; do
      [ -s "$file" ] || continue
      echo "----- last lines of ${file#"$work"/}"
      grep -v -E "^\s*$" "$file" | tail -n 25
    done
  fi
  [ -n "$pg_root" ] && rm -rf "$pg_root"
  if [ -n "${SCALEOUT_KEEP:-}" ] && [ -n "$work" ]; then
    echo "SCALEOUT_KEEP is set: logs kept in $work"
  elif [ -n "$work" ]; then
    rm -rf "$work"
  fi
  if [ "$status" -eq 0 ]; then
    echo "scale-out: passed in $(( $(date +%s) - started )) s ($verdict)"
  else
    echo "scale-out: FAILED after $(( $(date +%s) - started )) s ($verdict)"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'verdict="interrupted"; exit 130' INT TERM

fail() { verdict="$*"; log "error: $*"; exit 1; }

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  while :; do
    port=$(( 20000 + RANDOM % 12000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_for() {
  # wait_for SECONDS DESCRIPTION COMMAND...: retries the command every half second.
  local seconds=$1 what=$2
  shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what not within $seconds s"
    sleep 0.5
  done
}

# ---- what the run needs
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if is_root; then
    log "nginx is missing: installing Debian's nginx package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 nginx >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 nginx >/dev/null; } \
      || fail "could not install nginx"
  else
    fail "nginx is missing; install it (sudo apt-get install -y nginx) and rerun"
  fi
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing (apt-get install -y chromium)"
for candidate in $(command -v initdb 2>/dev/null | xargs -r dirname) $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin=$candidate; break; fi
done
[ -n "$pg_bin" ] || fail "PostgreSQL server binaries (initdb, pg_ctl) are missing (apt-get install -y postgresql)"

if [ "$build" = yes ]; then
  log "building the portal and the browser check"
  dotnet build src/GrantPortal.Web -nologo -v q >/dev/null || fail "the portal did not build"
  dotnet build tests/GrantPortal.ScaleOut -nologo -v q >/dev/null || fail "the browser check did not build"
fi
portal_dll=$repo/src/GrantPortal.Web/bin/Debug/net10.0/GrantPortal.Web.dll
check_dll=$repo/tests/GrantPortal.ScaleOut/bin/Debug/net10.0/GrantPortal.ScaleOut.dll
[ -f "$portal_dll" ] || fail "$portal_dll is missing: build first or drop --no-build"
[ -f "$check_dll" ] || fail "$check_dll is missing: build first or drop --no-build"

work=$(mktemp -d /tmp/grantportal-scaleout.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/attachments" "$work/mail" "$work/nginx/temp" "$work/artifacts"

# ---- PostgreSQL: a throwaway cluster, as tests/GrantPortal.Testing/ThrowawayPostgres.cs starts it
pg_root=$(mktemp -d /tmp/grantportal-scaleout-pg.XXXXXX)
is_root && chown -R postgres:postgres "$pg_root"
pg_port=$(free_port)
log "PostgreSQL on 127.0.0.1:$pg_port"
as_postgres "$pg_bin/initdb -D $pg_root/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync" >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; fail "initdb failed"; }
as_postgres "$pg_bin/pg_ctl -D $pg_root/data -l $pg_root/server.log -o \"-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_root/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -w start" >/dev/null \
  || fail "PostgreSQL did not start"
psql_bin=$pg_bin/psql
[ -x "$psql_bin" ] || psql_bin=$(command -v psql) || fail "psql is missing (apt-get install -y postgresql-client)"
psql_portal() { "$psql_bin" -X -q -A -t -h 127.0.0.1 -p "$pg_port" -U postgres -d grantportal -v ON_ERROR_STOP=1 -c "$1"; }
"$psql_bin" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "CREATE DATABASE grantportal" >/dev/null || fail "could not create the database"

# Every instance (and the seeding run) reads the same settings; only the name and the port differ.
export ASPNETCORE_ENVIRONMENT=Development   # static web assets of the build output resolve in Development only
export Database__Provider=PostgreSql
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=grantportal"
export Database__MigrateOnStartup=false Database__SeedDemoDataOnStartup=false
export Attachments__Directory=$work/attachments          # the shared directory (ADR 0026)
export Smtp__Host="" Smtp__PickupDirectory=$work/mail
export Reminders__Cron="*/10 * * * * *" Outbox__Cron="*/10 * * * * *"   # often, so both servers meet each occurrence
export Logging__LogLevel__Default=Warning

# As an operator deploys: migrate once (which makes the first data-protection key), then start the instances.
log "migrating"
(cd src/GrantPortal.Web && dotnet "$portal_dll" migrate) >"$work/instance-migrate.log" 2>&1 || { cat "$work/instance-migrate.log"; fail "migrate failed"; }
keys=$(psql_portal 'SELECT count(*) FROM "DataProtectionKeys"')
[ "$keys" = 1 ] || fail "migrate left $keys data-protection keys, not 1"

# ---- two instances, started at the same moment: both install Hangfire's schema and register the recurring jobs at once
declare -A instance_port=()
for name in a b; do instance_port[$name]=$(free_port); done
for name in a b; do
  (cd src/GrantPortal.Web && Hosting__InstanceName=$name exec dotnet "$portal_dll" --urls "http://127.0.0.1:${instance_port[$name]}") \
    >"$work/instance-$name.log" 2>&1 &
  instance_pid[$name]=$!
  disown "${instance_pid[$name]}"   # the check kills one on purpose: no job notice for it; cleanup stops them by pid
done
log "instances a (127.0.0.1:${instance_port[a]}, pid ${instance_pid[a]}) and b (127.0.0.1:${instance_port[b]}, pid ${instance_pid[b]}) starting"
for name in a b; do
  wait_for 90 "instance $name ready" curl -fsS "http://127.0.0.1:${instance_port[$name]}/health/ready"
  answered=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:${instance_port[$name]}/health/live" | tr -d '\r' | sed -n 's/^[Xx]-[Gg]rant[Pp]ortal-[Ii]nstance: //p')
  [ "$answered" = "$name" ] || fail "instance $name answered as '$answered'"
done
keys=$(psql_portal 'SELECT count(*) FROM "DataProtectionKeys"')
[ "$keys" = 1 ] || fail "after both instances started there are $keys data-protection keys, not 1"
hangfire_servers() { [ "$(psql_portal "SELECT count(*) FROM hangfire.server")" = 2 ]; }
wait_for 30 "both Hangfire servers registered" hangfire_servers
log "both instances ready, both job servers registered, one data-protection key"

# Demo data arrives while the instances run, as any data would: no instance caches what it read.
log "seeding demo data"
(cd src/GrantPortal.Web && Hosting__InstanceName=seed dotnet "$portal_dll" seed-demo) >"$work/instance-seed.log" 2>&1 || { cat "$work/instance-seed.log"; fail "seed-demo failed"; }
keys=$(psql_portal 'SELECT count(*) FROM "DataProtectionKeys"')
[ "$keys" = 1 ] || fail "after seeding there are $keys data-protection keys, not 1"

# ---- nginx in front: the deployment file's upstream, maps and proxy settings on loopback, own prefix and logs
proxy_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 512; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
    map \$cookie_grantportal_affinity \$grantportal_affinity { "" \$request_id; default \$cookie_grantportal_affinity; }
    map \$cookie_grantportal_affinity \$grantportal_affinity_cookie { "" "grantportal_affinity=\$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }
    upstream grantportal {
        hash \$grantportal_affinity consistent;
        server 127.0.0.1:${instance_port[a]} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:${instance_port[b]} max_fails=1 fail_timeout=10s;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$proxy_port;
        client_max_body_size 25m;
        location / {
            add_header Set-Cookie \$grantportal_affinity_cookie always;
            proxy_pass http://grantportal;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 5s;
        }
    }
}
EOF
chmod -R 777 "$work/nginx/temp"
"$nginx_bin" -t -p "$work/nginx" -c "$work/nginx/nginx.conf" >"$work/nginx/test.log" 2>&1 || { cat "$work/nginx/test.log"; fail "nginx refused its configuration"; }
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" >>"$work/nginx/error.log" 2>&1 &
nginx_pid=$!
disown "$nginx_pid"
wait_for 20 "nginx answering" curl -fsS "http://127.0.0.1:$proxy_port/health/live"
log "nginx on 127.0.0.1:$proxy_port"

# Affinity: browsers without the cookie spread over both instances; one browser's cookie always reaches one.
answered_by() { curl -fsS -D - -o /dev/null "$@" | tr -d '\r' | sed -n 's/^[Xx]-[Gg]rant[Pp]ortal-[Ii]nstance: //p'; }
spread=$(for _ in $(seq 1 16); do answered_by "http://127.0.0.1:$proxy_port/health/live"; done | sort -u | tr '\n' ' ')
[ "$spread" = "a b " ] || fail "16 new browsers all reached '$spread'; the affinity hash does not spread them"
sticky=$(for _ in $(seq 1 8); do answered_by -b "grantportal_affinity=scale-out-check" "http://127.0.0.1:$proxy_port/health/live"; done | sort -u | tr '\n' ' ')
[ "$(echo "$sticky" | wc -w)" = 1 ] || fail "one affinity cookie reached '$sticky'"
log "affinity: new browsers reach $spread; one cookie always reaches $sticky"

# ---- the browser check
# In a session of its own, so that the browser and Playwright's driver it starts are stopped with it.
SCALEOUT_PROXY="http://127.0.0.1:$proxy_port" \
SCALEOUT_INSTANCES="a=http://127.0.0.1:${instance_port[a]},b=http://127.0.0.1:${instance_port[b]}" \
SCALEOUT_PIDS="a=${instance_pid[a]},b=${instance_pid[b]}" \
SCALEOUT_ARTIFACTS="$work/artifacts" \
  setsid -w dotnet "$check_dll" &
check_pid=$!
setsid bash -c 'sleep 240; echo "the browser check ran out of its 240 s"; kill -TERM -- "-$1"' watchdog "$check_pid" 2>/dev/null &
watchdog_pid=$!
set +e
wait "$check_pid"
check_status=$?
set -e
kill -TERM -- "-$watchdog_pid" 2>/dev/null || true
[ "$check_status" -eq 0 ] || fail "the browser check failed (exit $check_status)"

# ---- jobs: every recurring occurrence became one job, whichever server scheduled it, and ran once
# Hangfire stamps a job made from a recurring job with its id and the occurrence's time ("Time", Unix seconds).
occurrences=$(psql_portal "SELECT count(*) FROM hangfire.jobparameter WHERE name = 'RecurringJobId'")
timed=$(psql_portal "SELECT count(*) FROM hangfire.jobparameter r JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time' WHERE r.name = 'RecurringJobId'")
duplicates=$(psql_portal "SELECT count(*) FROM (SELECT r.value, t.value FROM hangfire.jobparameter r JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time' WHERE r.name = 'RecurringJobId' GROUP BY r.value, t.value HAVING count(*) > 1) d")
servers=$(psql_portal "SELECT string_agg(DISTINCT split_part(data::json->>'ServerId', ':', 1), ',') FROM hangfire.state WHERE name = 'Succeeded' OR name = 'Processing'")
log "recurring occurrences: $occurrences jobs, $duplicates duplicated; jobs ran on: $servers"
[ "$occurrences" -ge 2 ] || fail "only $occurrences recurring occurrences were scheduled; the check proves nothing"
[ "$timed" = "$occurrences" ] || fail "$((occurrences - timed)) recurring jobs carry no occurrence time; duplicates cannot be told"
[ "$duplicates" = 0 ] || fail "$duplicates recurring occurrences were scheduled twice"
repeated=$(psql_portal 'SELECT count(*) FROM "ReminderDeliveries" WHERE "Attempts" > 1')
[ "$repeated" = 0 ] || fail "$repeated reminders were sent more than once"

verdict="2 instances behind nginx: shared sign-in, attachment across instances, draft kept through a failover, $occurrences recurring occurrences each run once"
