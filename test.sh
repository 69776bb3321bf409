#!/usr/bin/env bash
# The one test command.
#   ./test.sh          everything CI runs: unit, component, integration (SQLite file, PostgreSQL cluster,
#                      SMTP server), browser tests and the slow migrations/scripts check, then tests/scale-out.sh
#                      (two instances behind nginx on PostgreSQL, checked from a browser; counted as one test)
#   ./test.sh --fast   the everyday loop: GrantPortal.Core.Tests and GrantPortal.Web.Tests
# The last line printed is "N passed, N failed, N skipped", counted from the TRX files of this run.
# Exits non-zero when a test failed, the build failed, or no test ran at all.
set -euo pipefail
cd "$(dirname "$0")"

mode=full
case "${1:-}" in
  "") ;;
  --fast) mode=fast ;;
  *) echo "usage: ./test.sh [--fast]" >&2; exit 2 ;;
esac

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
configuration=Debug
started=$(date +%s)
is_root() { [ "$(id -u)" -eq 0 ]; }
apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    echo "+ apt-get update -qq"
    # Another apt run (an unattended upgrade, a parallel job) may hold the lists lock for a while: wait for it.
    local tries=0
    until apt-get update -qq; do
      tries=$((tries + 1))
      if [ "$tries" -ge 30 ]; then echo "error: apt-get update kept failing" >&2; return 1; fi
      echo "apt-get update failed (lock held?); retrying in 10 s"
      sleep 10
    done
    apt_updated=yes
  fi
  echo "+ apt-get install -y -qq $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@"
}

echo "+ dotnet tool restore"
dotnet tool restore >/dev/null

if [ "$mode" = full ]; then
  # Browser tests drive Debian's Chromium; Playwright never downloads its own browser here.
  if [ ! -x /usr/bin/chromium ]; then
    if is_root; then
      echo "/usr/bin/chromium is missing: installing Debian's chromium package"
      apt_install chromium
    else
      echo "error: /usr/bin/chromium is missing; install it (sudo apt-get install -y chromium) and rerun." >&2
      exit 1
    fi
  fi

  # Korean text in screenshots needs a CJK font; without one Hangul renders as empty boxes (tests still pass).
  if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    if is_root; then
      echo "No CJK font found: installing Debian's fonts-noto-cjk package"
      apt_install fonts-noto-cjk
    else
      echo "warning: no CJK font (fonts-noto-cjk); Korean text in screenshots will show as boxes." >&2
    fi
  fi

  # The integration tests start their own PostgreSQL cluster with initdb and pg_ctl.
  has_postgres() {
    { command -v initdb && command -v pg_ctl; } >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
  }
  if ! has_postgres; then
    if is_root; then
      echo "PostgreSQL server binaries (initdb, pg_ctl) are missing: installing Debian's postgresql package"
      apt_install postgresql
    else
      echo "error: PostgreSQL server binaries (initdb, pg_ctl) are missing; install them (sudo apt-get install -y postgresql) and rerun." >&2
      exit 1
    fi
  fi
  # tests/scale-out.sh puts Debian's nginx in front of two instances.
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    if is_root; then
      echo "nginx is missing: installing Debian's nginx package (the check runs its own nginx on a loopback port)"
      apt_install nginx
    else
      echo "error: nginx is missing; install it (sudo apt-get install -y nginx) and rerun." >&2
      exit 1
    fi
  fi
  build_targets=(GrantPortal.sln)
  # One project at a time: the integration tests' races (fifty parallel awards, two job servers) and the
  # browser tests' real-time waits on a 2-core machine must not starve each other. Fast ones first.
  # Every tests/*Tests project runs; the browser tests go last.
  test_targets=()
  for project in tests/GrantPortal.*Tests; do
    [ "$project" = tests/GrantPortal.BrowserTests ] || test_targets+=("$project")
  done
  test_targets+=(tests/GrantPortal.BrowserTests)
else
  build_targets=(tests/GrantPortal.Core.Tests tests/GrantPortal.Web.Tests)
  test_targets=("${build_targets[@]}")
fi

for target in "${build_targets[@]}"; do
  echo "+ dotnet build $target -c $configuration"
  dotnet build "$target" -c "$configuration" -nologo -v q
done

# Without --results-directory each test project writes its TRX into its own TestResults/ folder, so files
# from projects that finish in the same second cannot overwrite each other.
rm -rf tests/*/TestResults
test_status=0
for target in "${test_targets[@]}"; do
  echo "+ dotnet test $target --no-build"
  dotnet test "$target" --no-build -c "$configuration" --logger trx --logger "console;verbosity=minimal" || test_status=$?
done

# Two instances behind nginx, on the build above; it prints its own "scale-out:" line and counts as one test.
scale_out_passed=0 scale_out_failed=0
if [ "$mode" = full ]; then
  echo "+ tests/scale-out.sh --no-build"
  if tests/scale-out.sh --no-build; then scale_out_passed=1; else scale_out_failed=1; fi
fi

passed=0 failed=0 skipped=0 files=0
shopt -s nullglob
for trx in tests/*/TestResults/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
  files=$((files + 1))
done

passed=$((passed + scale_out_passed))
failed=$((failed + scale_out_failed))
echo "Test results: $files TRX file(s) in tests/*/TestResults/$([ "$mode" = full ] && echo ", and tests/scale-out.sh"), $(( $(date +%s) - started )) s in all"
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failed test in the TRX files (a crashed test host, say): count it as a failure.
  echo "dotnet test exited with $test_status" >&2
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"

if [ "$failed" -ne 0 ] || [ "$((passed + failed))" -eq 0 ]; then
  exit 1
fi
