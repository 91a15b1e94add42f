# Sourced by the scripts: checks for Node.js 20.19+ with npm and installs the
# package's pinned JavaScript tools (package-lock.json) when they are missing,
# older than the lock file, or were not installed completely.

use_node_tools() { # the calling script's name, for the messages
  local caller=$1
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 \
    || ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "$caller: needs Node.js 20.19 or newer with npm; install it (for example 'apt-get install nodejs npm') and run again" >&2
    exit 1
  fi
  # The stamp is written only after a complete install: an interrupted npm ci
  # leaves none, so the next run installs again
  local stamp=node_modules/.exsync-installed
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "== npm ci (the pinned tools of package-lock.json)" >&2
    npm ci --no-audit --no-fund >&2
    touch "$stamp"
  fi
}
