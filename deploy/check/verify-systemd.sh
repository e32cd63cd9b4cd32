#!/usr/bin/env bash
# systemd-analyze verify of deploy/systemd/switchboard.service, where systemd is installed: clean means
# no output at all (unknown keys and bad values are only warnings to systemd). The unit's ExecStart is
# pointed at the launcher of this checkout, since /opt/switchboard is not installed here; a broken unit
# (broken/switchboard.service) must be reported, so that a check that passes everything is caught.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! command -v systemd-analyze > /dev/null; then
  echo "skip systemd-analyze verify: systemd-analyze is not installed"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

verify() {   # prints what systemd-analyze says about the unit, nothing when clean
  sed "s|/opt/switchboard/bin/switchboard|$here/../bin/switchboard|" "$1" > "$work/switchboard.service"
  systemd-analyze verify "$work/switchboard.service" 2>&1 || true
}

found=$(verify "$here/../systemd/switchboard.service")
if [ -n "$found" ]; then
  echo "FAIL systemd-analyze verify deploy/systemd/switchboard.service:"
  echo "$found"
  exit 1
fi
echo "ok   systemd-analyze verify: deploy/systemd/switchboard.service"
found=$(verify "$here/broken/switchboard.service")
if [ -z "$found" ]; then
  echo "FAIL systemd-analyze verify: broken/switchboard.service should be reported"
  exit 1
fi
echo "ok   systemd-analyze verify: broken/switchboard.service reported as it must be: $(head -1 <<< "$found")"
