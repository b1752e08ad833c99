#!/bin/sh
# Regenerates help/*.txt from the installed docker client (28.2.2): `docker PATH --help` for every
# command Drydock knows. Run from this folder; review the diff. Not run by tests.
set -eu
for path in "" container image volume system \
  run create start stop kill restart rm ps logs exec cp diff commit inspect images rmi tag history \
  version info pull \
  "container inspect" "container prune" \
  "image inspect" "image prune" \
  "system df" "system prune" \
  "volume create" "volume ls" "volume inspect" "volume rm" "volume prune"; do
  name=$(printf '%s' "${path:-docker}" | tr ' ' '_')
  # shellcheck disable=SC2086
  docker $path --help > "help/$name.txt"
done
