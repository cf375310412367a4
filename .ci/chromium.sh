#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when the machine has none (Playwright's own
# browser download does not work here; the tests drive /usr/bin/chromium).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
fi
/usr/bin/chromium --version >&2
