#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need first (Debian's chromium and
# postgresql, the npm packages of the real clients), starts a throwaway PostgreSQL on 127.0.0.1, runs
# `dotnet test`, stops the server and prints one closing line with the totals.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

packages=()
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
if (( ${#packages[@]} > 0 )); then
  echo "== installing ${packages[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

for dir in tests/clients tests/BotHost.Tests/EndToEnd/clients; do
  if [[ -f "$dir/package-lock.json" ]]; then
    echo "== npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  fi
done

echo "== starting a throwaway PostgreSQL"
eval "$(scripts/postgres-test-server.sh start)"
trap 'scripts/postgres-test-server.sh stop >/dev/null 2>&1 || true' EXIT
export BOT_TEST_POSTGRES
export CHROMIUM_PATH=/usr/bin/chromium

echo "== building"
dotnet build Bot.sln -c Release -warnaserror --nologo -v quiet

echo "== testing"
log="$(mktemp)"
set +e
dotnet test Bot.sln -c Release --no-build --nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test project; add them up into one closing line.
python3 - "$log" <<'PY'
import re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"(Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)", line)
    if m:
        failed += int(m.group(2)); passed += int(m.group(3)); skipped += int(m.group(4))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
