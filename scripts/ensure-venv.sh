#!/bin/sh
# Makes sure VENV exists and was made by a supported Python (3.11 or newer).
#   ensure-venv.sh PYTHON VENV ORIGIN
# ORIGIN is make's $(origin PYTHON): when PYTHON was chosen on the command line or in the
# environment, a venv made by another interpreter is recreated with it.
set -eu
python=$1 venv=$2 origin=$3
version='import sys; print("%d.%d" % sys.version_info[:2])'
supported='import sys; sys.exit(sys.version_info < (3, 11))'

want=$("$python" -c "$version" 2>/dev/null) || { echo "make: cannot run PYTHON=$python; install Python 3.11 or newer, or name one: make run PYTHON=python3.12" >&2; exit 2; }
"$python" -c "$supported" || { echo "make: scopebot needs Python 3.11 or newer, and PYTHON=$python is $want; name another: make run PYTHON=python3.12" >&2; exit 2; }
want_path=$("$python" -c 'import os, sys; print(os.path.realpath(sys.executable))')

if [ -e "$venv" ]; then
    have=$("$venv/bin/python" -c "$version" 2>/dev/null || echo "a broken interpreter")
    if ! "$venv/bin/python" -c "$supported" 2>/dev/null; then
        echo "make: $venv was made by Python $have, which scopebot does not support (3.11 or newer); recreating it with $python ($want)"
        rm -rf "$venv"
    elif [ "$origin" = "command line" ] || [ "$origin" = environment ] && \
         [ "$(cat "$venv/.made-by" 2>/dev/null)" != "$want_path" ]; then
        echo "make: $venv was made by Python $have; recreating it with PYTHON=$python ($want)"
        rm -rf "$venv"
    fi
fi
if [ ! -e "$venv" ]; then
    "$python" -m venv "$venv"
    echo "$want_path" > "$venv/.made-by"
fi
