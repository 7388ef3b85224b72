#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine, for .ci/slurm-test.sh: munged, slurmctld and
# slurmd on localhost, all as root, with Debian's slurm-wlm and munge (installed when missing).
# Idempotent: when the node already answers as idle, it does nothing.
#
# Files: /etc/slurm/slurm.conf (rewritten), state in /var/spool/slurm-ci, logs in /var/log/slurm-ci.
# Stop with .ci/slurm-stop.sh.
set -euo pipefail

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
log() { echo "slurm-setup: $*"; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    log "installing slurm-wlm and munge"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host=$(hostname -s)
if sinfo -h -n "$host" -o %T 2>/dev/null | grep -qx idle; then
    log "node $host is already idle"
    exit 0
fi

# munge: a key, then the daemon as the munge user (it refuses to run as root).
if [ ! -s /etc/munge/munge.key ]; then
    log "creating /etc/munge/munge.key"
    $SUDO mkdir -p /etc/munge
    if command -v mungekey >/dev/null; then
        $SUDO mungekey --create --keyfile=/etc/munge/munge.key
    else
        $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
    $SUDO chown munge:munge /etc/munge/munge.key
    $SUDO chmod 400 /etc/munge/munge.key
fi
$SUDO mkdir -p /run/munge /var/log/munge /var/lib/munge
$SUDO chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    log "starting munged"
    $SUDO runuser -u munge -- /usr/sbin/munged --force
    for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n | unmunge >/dev/null || { echo "slurm-setup: FAIL: munged does not answer" >&2; exit 1; }
fi

# slurm.conf: one node, this machine, with the CPUs and memory slurmd detects.
state=/var/spool/slurm-ci
logs=/var/log/slurm-ci
$SUDO mkdir -p /etc/slurm "$state/ctld" "$state/d" "$logs"
# Addresses are given, so nothing depends on the host name resolving (containers often lack it).
node=$(slurmd -C | head -n 1 | sed "s/^NodeName=[^ ]*/NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host/")
$SUDO tee /etc/slurm/slurm.conf >/dev/null <<EOF
# Written by .ci/slurm-setup.sh: a one-node cluster on localhost for CI.
ClusterName=crisis-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$logs/slurmctld.log
SlurmdLogFile=$logs/slurmd.log
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=600
$node State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

if ! scontrol ping 2>/dev/null | grep -q "is UP"; then
    log "starting slurmctld"
    $SUDO slurmctld
fi
if ! pgrep -x slurmd >/dev/null; then
    log "starting slurmd"
    $SUDO slurmd
fi

log "waiting for node $host to be idle"
for _ in $(seq 1 60); do
    nodestate=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
    case "$nodestate" in
        idle) log "node $host is idle"; sinfo; exit 0 ;;
        down*|drain*|inval*) $SUDO scontrol update nodename="$host" state=resume 2>/dev/null || true ;;
    esac
    sleep 1
done
echo "slurm-setup: FAIL: node $host is '${nodestate:-not known}', not idle, after 60 s" >&2
sinfo -R >&2 || true
tail -n 20 "$logs/slurmctld.log" "$logs/slurmd.log" >&2 || true
exit 1
