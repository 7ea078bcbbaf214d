#!/usr/bin/env bash
# A real Slurm cluster on this one host, for omtop's tests and for trying omtop out:
# munge + slurmctld + four slurmd virtual nodes n1..n4, all on 127.0.0.1, as root, without systemd.
#
#   scripts/slurm/cluster.sh up       start what is not running yet (idempotent); waits until n1..n4 answer
#   scripts/slurm/cluster.sh down     stop exactly the processes `up` started (by PID, never by name)
#   scripts/slurm/cluster.sh status   say what runs and which PIDs this script owns
#
# Every PID `up` starts is written to $OMTOP_SLURM_DIR/started.pids ("PID PROGRAM" per line);
# `down` signals only those, and only while /proc/PID/cmdline still names that program (a PID
# reused by another process is left alone). If a Slurm controller already answers when `up` runs
# (another cluster, or ours from an earlier `up`), nothing is started and nothing is recorded.
#
# The configuration goes to /etc/slurm/slurm.conf (where every Slurm client looks) with a marker
# line; a slurm.conf without that marker belongs to someone else and is never overwritten.
# State, spool and logs live under $OMTOP_SLURM_DIR (default /var/lib/omtop-slurm).
# Facts behind the settings: proctrack/linuxproc + task/none (cgroup plugins fail here), pid files
# in a directory owned by the slurm user, munged run as the munge user (its key's owner).
set -euo pipefail

DIR=${OMTOP_SLURM_DIR:-/var/lib/omtop-slurm}
CONF=${OMTOP_SLURM_CONF:-/etc/slurm/slurm.conf}
PIDS=$DIR/started.pids
MARKER='# written by omtop scripts/slurm/cluster.sh'
NODES=(n1 n2 n3 n4)
HOST=$(hostname -s)
CPUS_PER_NODE=2

say() { echo "slurm-cluster: $*"; }
die() { echo "slurm-cluster: $*" >&2; exit 1; }

# True while PID runs a program whose command line contains WORD (so a reused PID is not ours).
alive_as() {
  local pid=$1 word=$2 cmd
  [ -r "/proc/$pid/cmdline" ] || return 1
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmd == *"$word"* ]]
}

controller_answers() { timeout 5 scontrol ping 2>/dev/null | grep -q 'is UP'; }

record() { echo "$1 $2" >>"$PIDS"; }

write_conf() {
  if [ -e "$CONF" ] && ! grep -qxF "$MARKER" "$CONF"; then
    die "$CONF exists and was not written by this script; not touching it (set OMTOP_SLURM_CONF to use another path)"
  fi
  install -d "$(dirname "$CONF")"
  cat >"$CONF" <<CONF
$MARKER
ClusterName=omtop
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
StateSaveLocation=$DIR/ctld
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdSpoolDir=$DIR/slurmd/%n
SlurmdPidFile=$DIR/run/slurmd-%n.pid
SlurmdLogFile=$DIR/log/slurmd-%n.log
NodeName=n[1-4] NodeHostname=$HOST NodeAddr=127.0.0.1 Port=[17001-17004] CPUs=$CPUS_PER_NODE RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=n[1-4] Default=YES MaxTime=INFINITE State=UP
PartitionName=render Nodes=n[3-4] MaxTime=60 State=UP
CONF
}

wait_for() { # SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2
  shift 2
  local i
  for ((i = 0; i < limit * 10; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  die "timed out after ${limit}s waiting for $what (logs: $DIR/log/)"
}

nodes_registered() {
  local states
  states=$(sinfo -h -N -o '%N %T' 2>/dev/null) || return 1
  local n
  for n in "${NODES[@]}"; do
    grep -Eq "^$n (idle|mixed|allocated|drained|draining|completing)" <<<"$states" || return 1
  done
}

up() {
  [ "$(id -u)" = 0 ] || die "must run as root (it starts munged, slurmctld and slurmd)"
  for program in munged slurmctld slurmd scontrol sinfo; do
    command -v "$program" >/dev/null || [ -x "/usr/sbin/$program" ] ||
      die "$program not found: apt-get install slurmctld slurmd slurm-client munge"
  done
  if controller_answers; then
    say "a Slurm controller already answers; nothing started"
    return 0
  fi
  # Ours from an earlier run, half dead? Stop what is left before starting again.
  [ -s "$PIDS" ] && down
  install -d -m 0755 "$DIR"
  : >"$PIDS"
  getent hosts "$HOST" >/dev/null || die "$HOST does not resolve: add '127.0.0.1 $HOST' to /etc/hosts"
  write_conf

  if timeout 5 munge -n 2>/dev/null | timeout 5 unmunge >/dev/null 2>&1; then
    say "munged already runs; using it"
  else
    [ -s /etc/munge/munge.key ] || mungekey --create --force
    install -d -o munge -g munge -m 0755 /run/munge
    runuser -u munge -- /usr/sbin/munged --foreground >/dev/null 2>&1 &
    record $! munged
    wait_for 10 "munged's socket" test -S /run/munge/munge.socket.2
    wait_for 10 "munge to answer" sh -c 'munge -n | unmunge >/dev/null 2>&1'
  fi

  install -d -o slurm -g slurm -m 0755 "$DIR/ctld" "$DIR/log" "$DIR/run"
  rm -rf "${DIR:?}/ctld/"* # fresh state: the node list is this script's, not an earlier cluster's
  /usr/sbin/slurmctld -D -i >>"$DIR/log/slurmctld.stdout" 2>&1 &
  record $! slurmctld
  for n in "${NODES[@]}"; do
    install -d -m 0755 "$DIR/slurmd/$n"
    /usr/sbin/slurmd -D -N "$n" >>"$DIR/log/slurmd-$n.stdout" 2>&1 &
    record $! slurmd
  done
  wait_for 20 "slurmctld to answer" controller_answers
  wait_for 30 "nodes ${NODES[*]} to register" nodes_registered
  say "up: ${NODES[*]} on 127.0.0.1 (config $CONF, PIDs in $PIDS)"
}

down() {
  if [ ! -s "$PIDS" ]; then
    say "nothing to stop (no PIDs recorded in $PIDS)"
    return 0
  fi
  # Jobs still on our cluster would leave their slurmstepd behind when slurmd stops: cancel them first.
  if controller_answers && grep -qxF "$MARKER" "$CONF" 2>/dev/null; then
    local jobs
    jobs=$(squeue -h -t all -o %i 2>/dev/null | tr '\n' ' ') || jobs=
    if [ -n "${jobs// /}" ]; then
      # shellcheck disable=SC2086 # job ids, one word each
      scancel $jobs 2>/dev/null || true
      wait_for 10 "cancelled jobs to leave the queue" sh -c '[ -z "$(squeue -h -o %i 2>/dev/null)" ]' || true
    fi
  fi
  local pid program left=()
  while read -r pid program; do
    [ -n "$pid" ] || continue
    if alive_as "$pid" "$program"; then
      kill -TERM "$pid" 2>/dev/null || true
      left+=("$pid:$program")
    fi
  done <"$PIDS"
  local i entry still
  for ((i = 0; i < 100; i++)); do
    still=()
    for entry in "${left[@]}"; do alive_as "${entry%%:*}" "${entry#*:}" && still+=("$entry"); done
    [ "${#still[@]}" -eq 0 ] && break
    sleep 0.1
  done
  for entry in "${still[@]}"; do
    say "PID ${entry%%:*} (${entry#*:}) ignored SIGTERM for 10 s: SIGKILL"
    kill -KILL "${entry%%:*}" 2>/dev/null || true
  done
  rm -f "$PIDS"
  say "down: stopped ${#left[@]} process(es) this script started"
}

status() {
  if controller_answers; then say "controller: $(scontrol ping 2>&1 | head -n 1)"; else say "controller: not answering"; fi
  if [ -s "$PIDS" ]; then
    local pid program
    while read -r pid program; do
      if alive_as "$pid" "$program"; then say "ours: $pid $program (running)"; else say "ours: $pid $program (gone)"; fi
    done <"$PIDS"
  else
    say "no PIDs recorded"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
