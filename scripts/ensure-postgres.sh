#!/bin/sh
# The database tests run on SQLite and on a throwaway PostgreSQL server; this installs the server
# programs (Debian's postgresql package) when they are missing and we may (root, apt-get).
set -eu
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "make: installing PostgreSQL's server (apt-get install postgresql) for the database tests"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
else
    echo "make: PostgreSQL's server is not installed and cannot be installed here (needs root and apt-get);" \
         "the PostgreSQL half of the database tests will be skipped"
fi
