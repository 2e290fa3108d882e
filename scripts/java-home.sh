# Sourced by the launcher and the test script: exports JAVA_HOME pointing at a Java 25 (or newer) JDK.
# Order: $JAVA_HOME if it is 25+, then /usr/lib/jvm/*25*, then any newer JDK under /usr/lib/jvm.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  for d in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -x "$d/bin/javac" ] && [ "$(java_major "$d")" -ge 25 ] 2>/dev/null; then
      echo "$d"; return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_java_home); then
  echo "netweave: no Java 25 JDK found. Set JAVA_HOME or install one under /usr/lib/jvm (for example Temurin 25)." >&2
  exit 1
fi
export JAVA_HOME
