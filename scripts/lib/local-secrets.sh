# shellcheck shell=bash
# Sourced by the scripts that start servers or run tests: exports this checkout's own development secrets (the
# webhook signing secret, the stripe-mock API key, Admin Center's password), made at random on first use and kept
# in .local/secrets.env (gitignored, readable by its owner only). No secret that works anywhere is in the
# repository; the server refuses to start with one that ever was (PublishedSecrets).
secrets_file="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/secrets.env"
mkdir -p "$(dirname "$secrets_file")"
# Each secret is made once; ones added to this list later are appended to an existing file.
for secret in STRIPE_WEBHOOK_SECRET=whsec_ STRIPE_API_KEY=sk_test_ ADMIN_USER= ADMIN_PASSWORD= METRICS_USER= \
              METRICS_PASSWORD=; do
  name=${secret%%=*}
  if ! grep -q "^$name=" "$secrets_file" 2>/dev/null; then
    case $name in
      ADMIN_USER) value=admin ;;
      METRICS_USER) value=metrics ;;
      *) value="${secret#*=}$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" ;;
    esac
    ( umask 077; echo "$name=$value" >> "$secrets_file" )
    made=true
  fi
done
if [ "${made:-false}" = true ]; then
  echo "[secrets] this checkout's development secrets (never commit or reuse them): $secrets_file" >&2
fi
unset secret name value made
set -a
# shellcheck disable=SC1090
. "$secrets_file"
set +a
