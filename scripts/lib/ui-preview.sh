# Sourced by the scripts: builds the UI preview's bundle (tools/ui-preview)
# when it is missing or older than anything it is made from.
. "$EXSYNC_ROOT/scripts/lib/build.sh"

UI_PREVIEW_APP="$EXSYNC_ROOT/target/ui-preview/app"

ensure_ui_preview_built() {
  if is_stale "$UI_PREVIEW_APP/main.js" "$EXSYNC_ROOT/force-app/main/default/lwc" \
    "$EXSYNC_ROOT/tools/ui-preview/build.mjs" "$EXSYNC_ROOT/tools/ui-preview/src" "$EXSYNC_ROOT/package-lock.json"; then
    echo "== Building the UI preview (LWC OSS, lightning-base-components) into target/ui-preview/app" >&2
    node "$EXSYNC_ROOT/tools/ui-preview/build.mjs" "$UI_PREVIEW_APP" >&2
  fi
}
