# Sign-in helpers for the load scripts (sourced, not run). The caller sets:
#   base              the server, e.g. http://localhost:8093
#   work              a scratch directory for the cookie jars
#   password          the password the accounts get for the run
#   initial_password  the one-time password of a fresh start
#   check_path        a page every signed-in account used by the script may open, e.g. /clues

# The CSRF token of a page, keeping the session in cookie jar $1.
csrf() {
  curl -s -c "$1" -b "$1" "$base$2" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'
}

# Signs in; succeeds when the answer redirects anywhere but back to the login form.
sign_in() {
  local jar=$1 user=$2 pass=$3 token location
  rm -f "$jar"
  token=$(csrf "$jar" /login)
  location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$user" \
    --data-urlencode "password=$pass" --data-urlencode "_csrf=$token" "$base/login")
  [[ -n "$location" && "$location" != *"/login"* ]]
}

# Prints the session id of USER signed in with $password; a fresh account's one-time password
# is changed to $password first. Fails unless the session opens $check_path.
session_of() {
  local user=$1 jar="$work/$1.jar" token status
  if ! sign_in "$jar" "$user" "$password"; then
    sign_in "$jar" "$user" "$initial_password" || { echo "cannot sign in as $user" >&2; return 1; }
    token=$(csrf "$jar" /password)
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "currentPassword=$initial_password" \
      --data-urlencode "newPassword=$password" --data-urlencode "confirmPassword=$password" \
      --data-urlencode "_csrf=$token" "$base/password"
    sign_in "$jar" "$user" "$password" || { echo "password change failed for $user" >&2; return 1; }
  fi
  status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base$check_path")
  [[ "$status" == 200 ]] || { echo "$user gets $status for $check_path" >&2; return 1; }
  awk '$6 == "SESSION" {print $7}' "$jar"
}
