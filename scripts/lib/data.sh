# Sourced by scripts/backup and scripts/restore: how to run their Deno halves (backup.ts,
# restore.ts) natively on a data folder, or inside the app's container of the compose stack.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

# The least the scripts need: the data folder, tar, and the two variables naming the data.
data_permissions() {
  printf '%s\n' --no-prompt "--allow-read=$1" "--allow-write=$1" --allow-run=tar --allow-env=KV_PATH,DATA_DIR
}

# Runs scripts/NAME.ts natively with the data in DIR (KV at KV_FILE, default DIR/showfloor.kv).
native_deno() {
  local script="$1" dir="$2" kv="$3"
  shift 3
  local deno="$ROOT/.tools/bin/deno"
  [[ -x "$deno" ]] || deno="$(command -v deno)" || die "Deno is needed: run scripts/setup first."
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  kv="${kv:-$dir/showfloor.kv}"
  local perms
  mapfile -t perms < <(data_permissions "$dir")
  (cd "$ROOT" && DATA_DIR="$dir" KV_PATH="$kv" "$deno" run "${perms[@]}" "scripts/$script.ts" "$@")
}

# docker compose (v2 plugin) or docker-compose (v1), run from the repository.
compose() {
  if docker compose version >/dev/null 2>&1; then
    (cd "$ROOT" && docker compose "$@")
  elif command -v docker-compose >/dev/null 2>&1; then
    (cd "$ROOT" && docker-compose "$@")
  else
    die "neither 'docker compose' nor 'docker-compose' is installed."
  fi
}

# The app container's data folder is /data (docker-compose.yml); its env names the KV file.
container_deno_args() {
  local perms
  mapfile -t perms < <(data_permissions /data)
  printf '%s\n' deno run "${perms[@]}" "scripts/$1.ts"
}
