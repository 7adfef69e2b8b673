#!/usr/bin/env bash
# Validates the deployment manifests offline; exits non-zero when one is invalid.
#
#   bash deploy/validate-manifests.sh [--compose FILE] [--k8s DIR]
#
# - docker-compose.yml: `docker compose config -q` when the compose plugin works, else the Debian
#   `docker-compose` (installed when missing). Neither needs a Docker engine for `config`.
# - k8s/: kubeconform in strict mode (unknown fields, wrong types and missing required fields are
#   errors; a kind without a schema is an error too), built into .tools/ with `go install`.
#
# Where the Kubernetes schemas come from: kubeconform downloads them from GitHub by default, which
# CI cannot reach. The PyPI package `kubernetes-validate` ships the official schemas for every
# recent Kubernetes release inside its wheel (JSON Schema 2020-12, with "-strict" variants that
# forbid unknown fields). We `pip download` that wheel (no install), take the one version's strict
# set out of it, and rewrite its references ("/api/_definitions.json#…" against an https $id) so
# they resolve to the file next to each schema. kubeconform then reads only local files
# (-schema-location is a local path template, and the default remote location is not used).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"

KUBECONFORM_VERSION=v0.8.0
KUBERNETES_VALIDATE_VERSION=1.37.0 # the PyPI package that carries the schemas
K8S_VERSION="${K8S_VERSION:-1.34.0}" # the cluster version we validate against

KUBECONFORM="$TOOLS/kubeconform/$KUBECONFORM_VERSION/kubeconform"
SCHEMA_ROOT="$TOOLS/k8s-schemas/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
SCHEMA_DIR="$SCHEMA_ROOT/v$K8S_VERSION-standalone-strict"

COMPOSE_FILE="$ROOT/docker-compose.yml"
K8S_DIR="$ROOT/k8s"
while [ $# -gt 0 ]; do
  case "$1" in
    --compose) COMPOSE_FILE="$2"; shift 2 ;;
    --k8s) K8S_DIR="$2"; shift 2 ;;
    *) echo "usage: bash deploy/validate-manifests.sh [--compose FILE] [--k8s DIR]" >&2; exit 2 ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
say() { printf '[manifests] %s\n' "$*" >&2; }
die() {
  printf '[manifests] ERROR: %s\n' "$1" >&2
  shift
  for hint in "$@"; do printf '[manifests]   → %s\n' "$hint" >&2; done
  exit 1
}

# ---------------------------------------------------------------------------------------------
# docker-compose.yml
# ---------------------------------------------------------------------------------------------

compose_cmd() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose"
    return
  fi
  if ! command -v docker-compose >/dev/null; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
    say "installing docker-compose (Debian package)"
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends docker-compose >&2; } ||
      die "could not install docker-compose." "install it (sudo apt-get install docker-compose) or the docker compose plugin, then run this again"
  fi
  echo "docker-compose"
}

validate_compose() {
  [ -f "$COMPOSE_FILE" ] || die "no compose file at $COMPOSE_FILE"
  local compose
  read -ra compose <<<"$(compose_cmd)"
  say "compose: ${compose[*]} config -q ($COMPOSE_FILE)"
  # Keys the file requires at `up` (${VAR:?…}) get a placeholder: any value will do to check its shape.
  local placeholders=() var
  # shellcheck disable=SC2016 # a literal ${ to find in the file
  while read -r var; do
    [ -n "${!var:-}" ] || placeholders+=("$var=placeholder-for-validation")
  done < <(grep -o '\${[A-Za-z_][A-Za-z0-9_]*:?' "$COMPOSE_FILE" | sed 's/^\${//; s/:?$//' | sort -u)
  env "${placeholders[@]}" \
    "${compose[@]}" --project-directory "$(dirname "$COMPOSE_FILE")" -f "$COMPOSE_FILE" config -q ||
    die "$COMPOSE_FILE is invalid (message above)."
}

# ---------------------------------------------------------------------------------------------
# k8s/
# ---------------------------------------------------------------------------------------------

install_kubeconform() {
  [ -x "$KUBECONFORM" ] && return
  command -v go >/dev/null ||
    die "Go is needed to build kubeconform, and 'go' is not on PATH." "install Go ≥ 1.22, then run this again"
  say "building kubeconform $KUBECONFORM_VERSION into .tools/"
  local bin
  bin="$(dirname "$KUBECONFORM")"
  mkdir -p "$bin"
  if GOBIN="$bin" GOFLAGS=-buildvcs=false go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >&2; then
    return
  fi
  # Some proxies refuse go install's lookup of the module's deprecation notice (403); a throwaway
  # module that requires kubeconform builds the same command without that lookup.
  say "go install failed; building through a temporary module instead"
  local work
  work="$(mktemp -d)"
  (cd "$work" && go mod init kcbuild >/dev/null 2>&1 &&
    go get "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >&2 &&
    GOFLAGS=-buildvcs=false go build -o "$KUBECONFORM" github.com/yannh/kubeconform/cmd/kubeconform >&2) ||
    { rm -rf "$work"; die "could not build kubeconform." "check access to the Go module proxy (go env GOPROXY)"; }
  rm -rf "$work"
}

install_schemas() {
  [ -f "$SCHEMA_DIR/_definitions.json" ] && return
  command -v python3 >/dev/null || die "python3 is needed to fetch the Kubernetes schemas." "sudo apt-get install python3 python3-pip"
  python3 -m pip --version >/dev/null 2>&1 ||
    die "pip is needed to fetch the Kubernetes schemas from PyPI." "sudo apt-get install python3-pip, then run this again"
  say "fetching the Kubernetes $K8S_VERSION schemas (PyPI kubernetes-validate==$KUBERNETES_VALIDATE_VERSION)"
  local work
  work="$(mktemp -d)"
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$work" \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >&2 ||
    { rm -rf "$work"; die "could not download kubernetes-validate from PyPI." "check access to PyPI (pip config list)"; }
  python3 - "$work"/kubernetes_validate-*.whl "v$K8S_VERSION-local-strict" "$work/schemas" <<'PY' ||
import json, os, sys, zipfile

wheel, version_dir, out = sys.argv[1:]
prefix = f"kubernetes_validate/kubernetes-json-schema/{version_dir}/"
os.makedirs(out)
count = 0
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if not (name.startswith(prefix) and name.endswith(".json")):
            continue
        schema = json.loads(z.read(name))
        # Without the https $id, references resolve against the file itself: a sibling file.
        schema.pop("$id", None)
        text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
        with open(os.path.join(out, os.path.basename(name)), "w") as f:
            f.write(text)
        count += 1
if count == 0 or not os.path.exists(os.path.join(out, "_definitions.json")):
    sys.exit(f"no schemas for {version_dir} in {os.path.basename(wheel)}")
print(f"{count} schemas", file=sys.stderr)
PY
    { rm -rf "$work"; die "the wheel has no Kubernetes $K8S_VERSION schemas." "set K8S_VERSION to one it ships (1.25.0 … 1.37.0)"; }
  mkdir -p "$SCHEMA_ROOT"
  rm -rf "$SCHEMA_DIR"
  mv "$work/schemas" "$SCHEMA_DIR"
  rm -rf "$work"
}

validate_k8s() {
  [ -d "$K8S_DIR" ] || die "no manifests folder at $K8S_DIR"
  install_kubeconform
  install_schemas
  say "k8s: kubeconform -strict against Kubernetes $K8S_VERSION ($K8S_DIR)"
  "$KUBECONFORM" -strict -summary -kubernetes-version "$K8S_VERSION" \
    -schema-location "$SCHEMA_ROOT/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
    "$K8S_DIR" ||
    die "manifests in $K8S_DIR are invalid (messages above)."
}

validate_compose
validate_k8s
say "all manifests valid"
