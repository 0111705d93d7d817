# Sourced by the tray tests: a fresh profile in a temporary folder, the
# processes started recorded in `pids` and stopped (by PID, only those) on
# exit, fail() with the logs, wait_for, trayer as the tray, and how to find
# the app's windows in the tree (no window manager: a top-level window is a
# child of the root, the tray icon sits deeper, in trayer's panel).
# Set `test_name` before sourcing.
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
  echo "$test_name: $*" >&2
  for log in "$work"/*.log; do
    [[ -s "$log" ]] && { echo "--- $(basename "$log"), last lines:" >&2; tail -n 40 "$log" >&2; }
  done
  xwininfo -root -tree >&2 || true
  exit 1
}
# Polls `$@` every 0.1 s for up to $1 seconds.
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
app_window='0x[0-9a-f]+ "OpenArchiver Desktop": \("openarchiver"'
tray_icon_id() { tree | grep -E "^ {8,}$app_window" | awk '{print $1; exit}'; }
icon_in_tray() { [[ -n "$(tray_icon_id)" ]]; }
start_trayer() {
  trayer --edge top --align right --widthtype request --height 32 >/dev/null 2>&1 &
  pids+=($!)
  wait_for 10 trayer_up || fail "trayer did not start"
}
# Right-clicks the tray icon: its menu opens (pick an entry by mnemonic).
open_tray_menu() {
  local icon x y
  icon=$(tray_icon_id)
  read -r x y < <(xwininfo -id "$icon" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF} END {print x+8, y+8}')
  xdotool mousemove "$x" "$y" click 3
  sleep 0.5
}
