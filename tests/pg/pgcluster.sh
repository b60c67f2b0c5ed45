#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the test suite: `start DIR` makes one in
# DIR (initdb, a free loopback port, trust for loopback only) and writes the
# server URL to DIR/url; `stop DIR` stops it and removes DIR. Run as root,
# the server runs as the `postgres` system user, as PostgreSQL requires.
set -eu
cmd=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (Debian package postgresql)." >&2; exit 1; }

as_server() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
start)
	[ -f "$dir/data/postmaster.pid" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log" >&2; exit 1; }
	# Everyone on loopback is trusted but the one role a test makes to be
	# refused a wrong password.
	{ echo "host all hub_password 127.0.0.1/32 scram-sha-256"; cat "$dir/data/pg_hba.conf"; } >"$dir/hba.tmp"
	[ "$(id -u)" = 0 ] && chown postgres "$dir/hba.tmp"
	as_server cp "$dir/hba.tmp" "$dir/data/pg_hba.conf"
	# Tests trade durability for speed: the cluster is thrown away anyway.
	for try in 1 2 3 4 5 6 7 8; do
		port=$(( 20000 + ( $(od -An -N2 -tu2 /dev/urandom) % 30000 ) ))
		if as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >/dev/null 2>&1; then
			echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
			chmod a+r "$dir/url"
			echo "PostgreSQL test cluster on port $port"
			exit 0
		fi
	done
	cat "$dir/server.log" >&2
	exit 1
	;;
stop)
	[ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop DIR" >&2
	exit 2
	;;
esac
