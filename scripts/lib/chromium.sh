# Sourced by the scripts: finds Debian's Chromium for the UI preview and the
# browser check, or installs Debian's chromium package when it is missing.
# Never downloads a browser build of its own. $EXSYNC_CHROMIUM overrides.

find_chromium() { # the calling script's name, for the messages; prints the browser's path
  local caller=$1 log reason
  if [ -n "${EXSYNC_CHROMIUM:-}" ]; then
    [ -x "$EXSYNC_CHROMIUM" ] || { echo "$caller: EXSYNC_CHROMIUM=$EXSYNC_CHROMIUM is not an executable browser" >&2; return 1; }
    echo "$EXSYNC_CHROMIUM"; return 0
  fi
  if [ -x /usr/bin/chromium ]; then
    echo /usr/bin/chromium; return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$caller: needs Chromium at /usr/bin/chromium (Debian's chromium package), or EXSYNC_CHROMIUM set to a Chromium; this system has no apt-get to install it" >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "$caller: needs Debian's chromium package; install it with 'sudo apt-get install chromium' and run again" >&2
    return 1
  fi
  echo "$caller: installing Debian's chromium package (the browser for the UI preview and check) with apt-get" >&2
  log=$(mktemp)
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; } >"$log" 2>&1 \
    || [ ! -x /usr/bin/chromium ]; then
    reason=$(grep -E '^(E|W):' "$log" | head -n 1 || true)
    echo "$caller: 'apt-get install chromium' failed: ${reason:-$(tail -n 1 "$log")} (full output in $log)" >&2
    return 1
  fi
  rm -f "$log"
  echo /usr/bin/chromium
}
