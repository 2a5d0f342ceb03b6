# The embedded PostgreSQL asks every role for its password (docs/operations.md); the load scripts
# sign in as its superuser, whose password is db.owner-password in <data-dir>/secrets.properties.
# Sourced, not run. DATA_DIR names the server's --fangfei.data-dir (default ./data); a PGPASSWORD
# already set wins.
if [ -z "${PGPASSWORD:-}" ]; then
  secrets="${DATA_DIR:-data}/secrets.properties"
  [ -r "$secrets" ] || { echo "cannot read $secrets: set DATA_DIR to the server's --fangfei.data-dir, or PGPASSWORD" >&2; exit 2; }
  PGPASSWORD=$(sed -n 's/^db\.owner-password=//p' "$secrets")
  export PGPASSWORD
fi
