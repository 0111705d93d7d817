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
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_RUNTIME_DIR="$work/run" QT_QPA_PLATFORM=xcb
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
archive="$work/archive.sqlite"

fail() {
  echo "tray-smoke: $*" >&2
  for log in "$work"/*.log; do
    [[ -s "$log" ]] && { echo "--- $(basename "$log"), last lines:" >&2; tail -n 40 "$log" >&2; }
  done
  xwininfo -root -tree >&2 || true
  exit 1
}
# Polls `$@` every 0.1 s for up to $timeout seconds.
wait_for() {
  local timeout=$1; shift
  local end=$((SECONDS + timeout))
  until "$@"; do
    ((SECONDS < end)) || return 1
    sleep 0.1
  done
}
tree() { xwininfo -root -tree; }
trayer_up() { tree | grep -q '"trayer"'; }
# The app's windows share name and class; a top-level one is a child of the
# root (no window manager here), the tray icon sits deeper, in trayer's panel.
app_window='0x[0-9a-f]+ "OpenArchiver Desktop": \("openarchiver"'
tray_icon_id() { tree | grep -E "^ {8,}$app_window" | awk '{print $1; exit}'; }
icon_in_tray() { [[ -n "$(tray_icon_id)" ]]; }
main_window_shown() {
  local id
  for id in $(tree | grep -E "^ {5}$app_window" | awk '{print $1}'); do
    xwininfo -id "$id" | grep -q 'IsViewable' && return 0
  done
  return 1
}

trayer --edge top --align right --widthtype request --height 32 >/dev/null 2>&1 &
pids+=($!)
wait_for 10 trayer_up || fail "trayer did not start"

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
icon=$(tray_icon_id)
read -r x y < <(xwininfo -id "$icon" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF} END {print x+8, y+8}')
xdotool mousemove "$x" "$y" click 3
sleep 0.5
xdotool key q
wait_for 10 bash -c "! kill -0 $first 2>/dev/null" || fail "Quit from the tray did not end the app"
wait "$first" || fail "the app exited with $?"
echo "tray-smoke: icon in the tray, second launch handed over, Quit from the tray ended the app"
