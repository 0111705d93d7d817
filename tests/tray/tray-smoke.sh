#!/usr/bin/env bash
# The app in a real system tray: Xvfb with trayer (XEmbed) as the tray host
# (shared notes, desktop-lab §3). Started minimized, the app shows its icon
# in the tray and no window; a second launch of the same archive exits at
# once and brings the first one's window forward; Quit from the tray's menu
# ends the process. Usage: tray-smoke.sh PATH-TO-openarchiver
# Run under xvfb-run by ctest (tests/tray/CMakeLists.txt). Stops only the
# processes it started, by their PID.
set -euo pipefail
app=$1
test_name=tray-smoke
source "$(dirname "$0")/tray-common.sh"
main_window_shown() {
  local id
  for id in $(tree | grep -E "^ {5}$app_window" | awk '{print $1}'); do
    xwininfo -id "$id" | grep -q 'IsViewable' && return 0
  done
  return 1
}

start_trayer

"$app" --archive "$archive" --minimized >"$work/first.log" 2>&1 &
first=$!
pids+=("$first")
wait_for 20 icon_in_tray || fail "no icon in the tray"
sleep 1
main_window_shown && fail "started minimized, yet the window shows"

# A second launch of the same archive hands over and exits.
timeout 20 "$app" --archive "$archive" >"$work/second.log" 2>&1 || fail "the second launch failed ($?)"
wait_for 10 main_window_shown || fail "the second launch did not bring the window forward"
kill -0 "$first" || fail "the first instance is gone"

# Quit from the tray's menu: right-click the icon, then the Quit mnemonic.
open_tray_menu
xdotool key q
wait_for 10 bash -c "! kill -0 $first 2>/dev/null" || fail "Quit from the tray did not end the app"
wait "$first" || fail "the app exited with $?"
echo "tray-smoke: icon in the tray, second launch handed over, Quit from the tray ended the app"
