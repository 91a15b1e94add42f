# Sourced by the scripts: builds a middleware module's runnable jar when it is
# missing or older than any source or pom it is made from.

maven() { "$EXSYNC_ROOT/mvnw" -B -q -ntp -f "$EXSYNC_ROOT/pom.xml" "$@"; }

is_stale() { # jar, then the directories and files it is built from
  local jar=$1; shift
  [ -f "$jar" ] || return 0
  [ -n "$(find "$@" -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

ensure_built() { # module directory name under middleware/
  local module=$1 jar
  jar=$(ls "$EXSYNC_ROOT/middleware/$module/target/"*-all.jar 2>/dev/null | head -n 1)
  if is_stale "${jar:-/nonexistent}" "$EXSYNC_ROOT/pom.xml" "$EXSYNC_ROOT/middleware"/*/pom.xml "$EXSYNC_ROOT/middleware"/*/src/main; then
    echo "Building middleware/$module ..." >&2
    maven -DskipTests -pl "middleware/$module" -am package >&2 || {
      echo "The build of middleware/$module failed; run './mvnw -pl middleware/$module -am package' to see why." >&2; exit 1; }
    jar=$(ls "$EXSYNC_ROOT/middleware/$module/target/"*-all.jar | head -n 1)
  fi
  echo "$jar"
}
