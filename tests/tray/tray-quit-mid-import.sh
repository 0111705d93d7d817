#!/usr/bin/env bash
# Quit from the tray in the middle of an initial import: the process ends
# within the issue's 5 s (measured and printed; the test fails only past
# 15 s, as shared machines are noisy), the import is left Importing, not
# failed, and the next start completes it with every message exactly once.
# Usage: tray-quit-mid-import.sh APP CLI DEMO-SERVER. Run under xvfb-run and
# a keyring session by ctest (tests/tray/CMakeLists.txt); the demo server is
# the Dovecot fixture on loopback. Stops only the processes it started.
set -euo pipefail
app=$1 cli=$2 demo=$3
test_name=tray-quit-mid-import
source "$(dirname "$0")/tray-common.sh"
messages=4000

# "<status> <archived> <on the server> <every folder complete>" of the one
# source, from `status --json` (the folders' counts: the demo mailbox has
# the same message in more than one folder).
source_state() {
  "$cli" --archive "$archive" status --json 2>/dev/null | python3 -c '
import json, sys
source = json.load(sys.stdin)["sources"][0]
folders = source["folders"]
print(source["status"], sum(f["archived"] for f in folders), sum(max(f["server"], 0) for f in folders),
      bool(folders) and all(f["complete"] for f in folders))'
}
stored() { local count; read -r _ count _ < <(source_state) && ((count > 0)); }
complete() {
  local status archived server whole
  read -r status archived server whole < <(source_state) || return 1
  [[ "$status" == active && "$whole" == True && "$archived" == "$server" ]]
}

"$demo" --messages "$messages" --attachment-scale 0.3 >"$work/demo.log" 2>&1 &
pids+=($!)
wait_for 120 grep -aq "^Mailbox:" "$work/demo.log" || fail "the demo server did not start"
port=$(grep -aoP 'Port:\s+\K[0-9]+' "$work/demo.log" | head -n 1)
fingerprint=$(grep -aoP 'Certificate SHA-256: \K[0-9A-F:]+' "$work/demo.log" | head -n 1)
echo demo-password | "$cli" --archive "$archive" source add --name Demo --host 127.0.0.1 --port "$port" \
  --user demo --trust-fingerprint "$fingerprint" --password-stdin >"$work/add.log" 2>&1 \
  || fail "source add failed"

start_trayer

"$app" --archive "$archive" --minimized >"$work/first.log" 2>&1 &
first=$!
pids+=("$first")
wait_for 20 icon_in_tray || fail "no icon in the tray"
wait_for 60 stored || fail "the import stored nothing"
read -r status count server _ < <(source_state)
[[ "$status" == importing ]] || fail "expected importing, got $status"

open_tray_menu
started=$(date +%s%N)
xdotool key q
wait_for 15 bash -c "! kill -0 $first 2>/dev/null" || fail "Quit from the tray did not end the app within 15 s"
wait "$first" || fail "the app exited with $?"
took=$(( ($(date +%s%N) - started) / 1000000 ))
read -r status count _ < <(source_state)
echo "[ measure  ] Quit mid-import ended the app in $took ms with $count messages stored"
[[ "$status" == importing ]] || fail "after the quit the source is $status, not importing (the import ended first?)"

# The next start completes the import, every message once.
"$app" --archive "$archive" --minimized >"$work/second.log" 2>&1 &
second=$!
pids+=("$second")
wait_for 240 complete || fail "the next start did not complete the import: $(source_state)"
kill "$second"; wait "$second" 2>/dev/null || true
echo "tray-quit-mid-import: ok ($took ms to quit; $(source_state) after the restart)"
