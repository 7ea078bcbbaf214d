#!/bin/bash
# One task of an omtop render array (see sbatchArgv.ts): names the node it runs on, then execs the
# blender argv omtop wrote for this task as NUL-separated words. Arguments: LOG_DIR ROUND.
set -u
dir=$1
round=$2
echo "omtop: ${SLURM_JOB_NAME:-render} task ${SLURM_ARRAY_TASK_ID:-?} of job ${SLURM_ARRAY_JOB_ID:-?} on SLURMD_NODENAME=${SLURMD_NODENAME:-unknown}"
mapfile -d '' -t argv < "$dir/$round-task-${SLURM_ARRAY_TASK_ID}.argv" || { echo "omtop: cannot read $dir/$round-task-${SLURM_ARRAY_TASK_ID}.argv" >&2; exit 3; }
exec "${argv[@]}"
