#!/usr/bin/env bash
# Debian packages the tests and document generation need: Chromium (browser tests drive /usr/bin/chromium
# through Playwright — no browser download), Noto CJK fonts (Chinese text in PDFs and screenshots) and a
# headless Java runtime (the Spark engine's JVM: pyspark ships Spark's jars but not Java).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# another apt-get (unattended upgrades, a second shell) may hold the dpkg lock: wait for it, don't fail
APT_WAIT=(-o DPkg::Lock::Timeout=600)
for attempt in $(seq 1 30); do  # `update` takes the lists lock, which the timeout option does not cover
  $SUDO apt-get "${APT_WAIT[@]}" update -qq && break
  [ "$attempt" -eq 30 ] && exit 1
  echo "apt-get update is busy (another apt-get?); retrying in 10 s"; sleep 10
done
DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${APT_WAIT[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
