#!/usr/bin/env bash
# Re-record fixtures/slurm/<release>/ from the real Slurm that scripts/slurm/cluster.sh runs.
#
#   scripts/slurm/cluster.sh up && scripts/slurm/capture-fixtures.sh [OUTDIR]
#
# Every capture is three files: CASE.stdout, CASE.stderr (byte for byte) and CASE.status (the exit
# status). The scenario: n1 runs a long job (mixed), an array of 6 one-CPU tasks fills n1/n2 with
# the rest pending as one record, n2 is then drained while busy (draining), n3 drained while idle
# (drained), n4 set down, a held job, a job waiting for the drained/down "render" partition, and
# finished jobs (completed, failed, cancelled) that squeue --json still lists. At the end every job
# the script submitted is cancelled and n2..n4 are resumed. Run as root on the test cluster only:
# it changes node states.
set -euo pipefail
cd "$(dirname "$0")/../.."

release=$(sinfo --version | awk '{print $2}')
OUT=${1:-fixtures/slurm/$release}
work=$(mktemp -d /tmp/omtop-slurm-capture.XXXXXX)
cleanup() {
  # shellcheck disable=SC2046 # one job id per word
  [ ! -s "$work/jobs" ] || scancel $(cat "$work/jobs") 2>/dev/null || true
  for n in n2 n3 n4; do scontrol update nodename="$n" state=resume 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

scontrol ping | grep -q 'is UP' || { echo "capture: no Slurm controller answers (scripts/slurm/cluster.sh up)" >&2; exit 1; }
[ -z "$(squeue -h -t all -o %i)" ] || {
  echo "capture: the queue is not empty (squeue --json lists finished jobs for 5 minutes); start from a fresh cluster: scripts/slurm/cluster.sh down && scripts/slurm/cluster.sh up" >&2
  exit 1
}
mkdir -p "$OUT"

# capture CASE [ENV=VALUE...] -- COMMAND...: run it, keep stdout, stderr and the status.
capture() {
  local name=$1
  shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  local status=0
  env "${envs[@]}" "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || status=$?
  echo "$status" >"$OUT/$name.status"
  echo "capture: $name ($*) exit $status"
}

submit() { # sbatch arguments...; prints the job id and remembers it (in a file: this runs in $(...))
  local id
  id=$(sbatch --parsable -D "$work" -o "$work/%x-%j.out" "$@")
  echo "${id%%;*}" >>"$work/jobs"
  echo "${id%%;*}"
}

wait_until() { # SECONDS COMMAND...
  local i
  for ((i = 0; i < $1 * 10; i++)); do "${@:2}" && return 0; sleep 0.1; done
  echo "capture: timed out waiting for: ${*:2}" >&2
  return 1
}
job_state() { squeue -h -t all -j "$1" -o %T 2>/dev/null | head -n 1; }
is_state() { [ "$(job_state "$1")" = "$2" ]; }

SINFO_TEXT=(sinfo -h -N -o '%N|%T|%C|%m|%e|%O|%P|%E')
SQUEUE_TEXT=(squeue -h -o '%i|%A|%T|%u|%M|%C|%D|%P|%N|%r|%j')

# 1. An idle cluster.
for n in n1 n2 n3 n4; do scontrol update nodename="$n" state=resume 2>/dev/null || true; done
wait_until 20 sh -c '[ "$(sinfo -h -N -o %T | sort -u)" = idle ]'
capture idle.sinfo-json -- sinfo -N --json
capture idle.sinfo-text -- "${SINFO_TEXT[@]}"
capture idle.squeue-json -- squeue --json
capture idle.squeue-text -- "${SQUEUE_TEXT[@]}"
capture ping-up -- scontrol ping

# 2. Finished jobs: completed, failed, cancelled.
done_id=$(submit -J done --wrap true)
failed_id=$(submit -J fails --wrap 'exit 3')
cancelled_id=$(submit -J cancelled --hold --wrap 'sleep 1')
scancel "$cancelled_id"
wait_until 20 is_state "$done_id" COMPLETED
wait_until 20 is_state "$failed_id" FAILED

# 3. Busy: a long job on n1, an array over n1/n2, a held job; drains and a down node.
long_id=$(submit -J long -w n1 --wrap 'sleep 600')
wait_until 20 is_state "$long_id" RUNNING
scontrol update nodename=n3 state=drain reason="omtop test drain"
scontrol update nodename=n4 state=down reason="omtop test down"
array_id=$(submit -J frames --array=1-6 -p debug -o "$work/%x-%A_%a.out" --wrap 'echo "task $SLURM_ARRAY_TASK_ID on $SLURMD_NODENAME"; sleep 600')
wait_until 20 sh -c "[ \"\$(squeue -h -r -j $array_id -t R -o %i | wc -l)\" = 3 ]"
scontrol update nodename=n2 state=drain reason="omtop test draining, busy"
submit -J held --hold --wrap 'sleep 1' >/dev/null
submit -J 'scene render' -p render --wrap 'sleep 1' >/dev/null
sleep 1 # let the scheduler give the new jobs their pending reasons
capture cluster.sinfo-json -- sinfo -N --json
capture cluster.squeue-json -- squeue --json
capture cluster.sinfo-text -- "${SINFO_TEXT[@]}"
capture cluster.squeue-text -- "${SQUEUE_TEXT[@]}"
capture cluster.squeue-text-all -- "${SQUEUE_TEXT[@]}" -t all -r
capture cluster.scontrol-node -- scontrol -o show node
capture cluster.scontrol-job -- scontrol -o show job
capture cluster.hostnames -- scontrol show hostnames 'n[1-4]'

# 4. Actions' errors as the tools print them.
capture error.scancel-unknown -- scancel 999999
capture error.scontrol-unknown-node -- scontrol update nodename=n9 state=drain reason=x
capture error.drain-without-reason -- scontrol update nodename=n1 state=drain
capture error.release-not-held -- scontrol release "$long_id"
capture error.sbatch-bad-partition -- sbatch -p nosuch --wrap true

# 5. No Slurm here: no configuration at all (an empty /etc/slurm in a private mount namespace),
#    and a controller that does not answer (a copy of the config pointing at a port nobody serves).
capture no-config.sinfo -- unshare -m sh -c 'mount -t tmpfs none /etc/slurm && exec sinfo --json'
capture no-config.scontrol-ping -- unshare -m sh -c 'mount -t tmpfs none /etc/slurm && exec scontrol ping'
sed 's/^ClusterName=.*/&\nSlurmctldPort=6999/' /etc/slurm/slurm.conf >"$work/down.conf"
capture controller-down.scontrol-ping SLURM_CONF="$work/down.conf" -- scontrol ping
capture controller-down.squeue SLURM_CONF="$work/down.conf" -- squeue --json
capture controller-down.sinfo SLURM_CONF="$work/down.conf" -- sinfo -N --json
sinfo --version >"$OUT/version.txt"
echo "capture: wrote $OUT"
