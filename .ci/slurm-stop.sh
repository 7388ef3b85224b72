#!/usr/bin/env bash
# Stops the one-node Slurm that .ci/slurm-setup.sh started (slurmd, slurmctld, then munged),
# by the process ids in their pid files.
set -uo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
state=/var/spool/slurm-ci
for pidfile in "$state/slurmd.pid" "$state/slurmctld.pid" /run/munge/munged.pid; do
    if [ -s "$pidfile" ]; then
        pid=$(cat "$pidfile")
        $SUDO kill "$pid" 2>/dev/null && echo "slurm-stop: stopped $(basename "$pidfile" .pid) ($pid)"
    fi
done
