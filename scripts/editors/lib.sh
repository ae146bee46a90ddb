# Shared by the editor test scripts: step headers with timings, loud failures, and where installs are cached.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Installs are cached here (gitignored) so that reruns skip them.
CACHE="${BRIEFLINT_EDITOR_CACHE:-$REPO/.cache/editors}"
# Screenshots and logs of the editor tests.
ARTIFACTS="${BRIEFLINT_ARTIFACTS:-$REPO/target/editor-tests}"
NVIM_VERSION=0.11.4

step_started=0
step() {
  step_started=$SECONDS
  printf '\n==> %s\n' "$*"
}
step_done() {
  printf '<== done in %ss\n' "$((SECONDS - step_started))"
}
died=
die() {
  died=1
  printf '\nFAILED: %s\n' "$*" >&2
  exit 1
}
# A command that fails under `set -e` without die() still gets a loud last line.
trap 'status=$?; [ $status -eq 0 ] || [ -n "$died" ] || printf "\nFAILED: %s exited with %s (last step above)\n" "$(basename "$0")" "$status" >&2' EXIT
