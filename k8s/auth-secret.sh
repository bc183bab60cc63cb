#!/usr/bin/env bash
# Fresh tokens for the Secret centaur-auth (k8s/README.md "Tokens"): a random service token, which
# the services send each other, and a random first admin token, of which the Secret holds only the
# SHA-256. The admin token itself goes to an owner-only file (rw-------) and is never printed.
#
#   k8s/auth-secret.sh create [namespace] [admin-token-file]
#       creates (or replaces) the Secret centaur-auth with kubectl; production.
#   k8s/auth-secret.sh literals [admin-token-file]
#       prints the two literals for the local overlay's secretGenerator instead.
#
# The admin token file defaults to ./centaur-admin-token; the cli reads it with
# `--token-file centaur-admin-token` (or export CENTAUR_TOKEN="$(cat centaur-admin-token)").
# Rotating: run `create` again, then `kubectl -n <namespace> rollout restart deployment`; tokens
# router issued (centaur token create) stay valid, the old bootstrap admin token does not.
set -euo pipefail

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

random_token() {
  # 32 random bytes, URL-safe base64 without padding: as guard's BearerTokens.newToken.
  printf '%s%s' "$1" "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
}

sha256_hex() {
  printf '%s' "$1" | sha256sum | cut -d' ' -f1
}

write_admin_token() {
  local file="$1" token="$2"
  if [[ -e "$file" ]]; then
    echo "$file exists; move it away first (it may be the only copy of an admin token)" >&2
    exit 1
  fi
  (umask 077 && printf '%s\n' "$token" > "$file")
  echo "Admin token written to $file (owner-only). Keep it secret; the cluster stores only its SHA-256." >&2
}

[[ $# -ge 1 ]] || usage
mode="$1"
shift
service_token="$(random_token centaur_svc_)"
admin_token="$(random_token centaur_adm_)"
admin_sha256="$(sha256_hex "$admin_token")"

case "$mode" in
  create)
    namespace="${1:-centaur}"
    file="${2:-centaur-admin-token}"
    write_admin_token "$file" "$admin_token"
    # Through stdin, so the service token never appears on a command line (ps).
    kubectl -n "$namespace" create secret generic centaur-auth --dry-run=client -o yaml \
        --from-env-file=/dev/stdin <<<"service-token=$service_token
admin-token-sha256=$admin_sha256" | kubectl apply -f -
    echo "Secret $namespace/centaur-auth applied; restart the services to use it: kubectl -n $namespace rollout restart deployment" >&2
    ;;
  literals)
    file="${1:-centaur-admin-token}"
    write_admin_token "$file" "$admin_token"
    echo "Put these two lines under the centaur-auth secretGenerator of k8s/overlays/local/kustomization.yaml:" >&2
    echo "      - service-token=$service_token"
    echo "      - admin-token-sha256=$admin_sha256"
    ;;
  *)
    usage
    ;;
esac
