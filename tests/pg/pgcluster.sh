#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the test suite: `start DIR` makes one
# (initdb, a free loopback port, trust for loopback only) and writes the
# server URL to DIR/url; `stop DIR` stops it and removes it and DIR. Run as
# root, the server runs as the `postgres` system user, as PostgreSQL requires.
set -eu
cmd=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (Debian package postgresql)." >&2; exit 1; }

as_server() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster's files live under /tmp: the `postgres` user must reach them,
# and a clone under a private home folder (/root) is closed to it. DIR keeps
# only the URL and where the files are.
case $cmd in
start)
	if [ -f "$dir/datadir" ]; then
		old=$(cat "$dir/datadir")
		as_server "$bin/pg_ctl" -D "$old/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$old"
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	data=$(mktemp -d /tmp/hubkeeper-pg.XXXXXX)
	echo "$data" >"$dir/datadir"
	[ "$(id -u)" = 0 ] && chown postgres "$data"
	as_server "$bin/initdb" -D "$data/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log" >&2; exit 1; }
	# Everyone on loopback is trusted but the one role a test makes to be
	# refused a wrong password.
	{ echo "host all hub_password 127.0.0.1/32 scram-sha-256"; cat "$data/data/pg_hba.conf"; } >"$dir/hba.tmp"
	chmod a+r "$dir/hba.tmp"
	as_server cp "$dir/hba.tmp" "$data/data/pg_hba.conf" 2>/dev/null \
		|| as_server sh -c "cat > '$data/data/pg_hba.conf'" <"$dir/hba.tmp"
	# Tests trade durability for speed: the cluster is thrown away anyway.
	# Benchmarks (PGCLUSTER_DURABLE=1) keep it, to compare with a file that
	# syncs every commit.
	speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	[ "${PGCLUSTER_DURABLE:-0}" = 1 ] && speed="-c shared_buffers=512MB"
	for try in 1 2 3 4 5 6 7 8; do
		port=$(( 20000 + ( $(od -An -N2 -tu2 /dev/urandom) % 30000 ) ))
		if as_server "$bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' $speed -c max_connections=200" \
			start >/dev/null 2>&1; then
			echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
			chmod a+r "$dir/url"
			echo "PostgreSQL test cluster on port $port"
			exit 0
		fi
	done
	cat "$data/server.log" >&2
	exit 1
	;;
stop)
	if [ -f "$dir/datadir" ]; then
		data=$(cat "$dir/datadir")
		# Immediate: the cluster is thrown away, so nothing need be written out.
		[ -d "$data/data" ] && as_server "$bin/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf "$data"
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop DIR" >&2
	exit 2
	;;
esac
