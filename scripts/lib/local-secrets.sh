# shellcheck shell=bash
# Sourced by the scripts that start servers or run tests: exports this checkout's own development secrets (the
# webhook signing secret, the stripe-mock API key, Admin Center's password), made at random on first use and kept
# in .local/secrets.env (gitignored, readable by its owner only). No secret that works anywhere is in the
# repository; the server refuses to start with one that ever was (PublishedSecrets).
secrets_file="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/secrets.env"
if [ ! -s "$secrets_file" ]; then
  mkdir -p "$(dirname "$secrets_file")"
  ( umask 077
    random() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
    {
      echo "# This checkout's development secrets (scripts/lib/local-secrets.sh). Never commit or reuse them."
      echo "STRIPE_WEBHOOK_SECRET=whsec_$(random)"
      echo "STRIPE_API_KEY=sk_test_$(random)"
      echo "ADMIN_USER=admin"
      echo "ADMIN_PASSWORD=$(random)"
    } > "$secrets_file" )
  echo "[secrets] made this checkout's development secrets: $secrets_file" >&2
fi
set -a
# shellcheck disable=SC1090
. "$secrets_file"
set +a
