# Sourced by the scripts in bin/: points JAVA_HOME at a JDK of release 21 or newer.
# Order: an already suitable JAVA_HOME, then the newest JDK under /usr/lib/jvm, then Debian's
# openjdk-21 package (installed when the machine has apt and none is present).

java_release() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

suitable_jdk() {
  [ -x "$1/bin/javac" ] && [ "$(java_release "$1")" -ge 21 ] 2>/dev/null
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && suitable_jdk "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_release=0 candidate release
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    release=$(java_release "$candidate")
    if [ "${release:-0}" -ge 21 ] && [ "$release" -gt "$best_release" ]; then
      best="$candidate"; best_release="$release"
    fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

select_jdk() {
  local jdk
  if ! jdk=$(find_jdk); then
    if command -v apt-get >/dev/null 2>&1; then
      echo "No JDK 21+ found: installing Debian's openjdk-21-jdk-headless" >&2
      apt-get update -qq >&2 && apt-get install -y -qq openjdk-21-jdk-headless >&2
    fi
    jdk=$(find_jdk) || { echo "A JDK of release 21 or newer is needed: set JAVA_HOME to one." >&2; exit 1; }
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}
