#!/usr/bin/env bash
# Samples RSS and CPU of the four Centaur service JVMs once a second, found by the port in their
# environment (QUARKUS_HTTP_PORT = base port + 0..3), until they are all gone or the time is up.
#   k8s/measure/sample-resources.sh <base-port> <out.csv> [max-seconds]
# Every 5 s it also reads the used heap from /q/metrics (jvm_memory_used_bytes, area="heap").
# Prints one line per service at the end: peak RSS, peak used heap, mean, 95th-percentile and
# highest CPU (cores, over 5 s windows).
set -euo pipefail
base_port="$1"; out="$2"; max_seconds="${3:-3600}"
services=(router inference crowd qc)
hz=$(getconf CLK_TCK)
echo "t,service,rss_kib,cpu_ticks,heap_used_bytes" > "$out"

find_pid() { # the java process whose environment has QUARKUS_HTTP_PORT=$1
  local pid
  for pid in $(pgrep -x java || true); do
    if tr '\0' '\n' 2>/dev/null < "/proc/$pid/environ" | grep -qx "QUARKUS_HTTP_PORT=$1"; then
      echo "$pid"; return 0
    fi
  done
  return 1
}

declare -A pids
start=$(date +%s)
round=0
while (( $(date +%s) - start < max_seconds )); do
  round=$((round + 1))
  alive=0
  for i in "${!services[@]}"; do
    s=${services[$i]}
    if [[ -z "${pids[$s]:-}" || ! -d "/proc/${pids[$s]}" ]]; then
      pids[$s]=$(find_pid $((base_port + i)) || true)
    fi
    pid=${pids[$s]}
    [[ -n "$pid" && -r "/proc/$pid/stat" ]] || continue
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
    [[ -n "$rss" && -n "$ticks" ]] || continue
    t=$(( $(date +%s) - start )); heap=""
    if (( round % 5 == 0 )); then
      heap=$(curl -s -m 2 "http://127.0.0.1:$((base_port + i))/q/metrics" 2>/dev/null \
        | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {if (sum > 0) printf "%d", sum}' || true)
    fi
    echo "$t,$s,$rss,$ticks,$heap" >> "$out"
    alive=1
  done
  if (( alive == 0 && $(date +%s) - start > 120 )); then break; fi
  sleep 1
done

# Summary: per service, peak RSS and CPU over 5-second windows (mean over windows with data, p95).
awk -F, -v hz="$hz" 'NR > 1 {
    s = $2; if ($3 > peak[s]) peak[s] = $3; if ($5 > heap[s]) heap[s] = $5
    w = int($1 / 5); key = s SUBSEP w
    if (!(key in first)) { first[key] = $4; firstT[key] = $1 }
    last[key] = $4; lastT[key] = $1; windows[s] = windows[s] " " w
  }
  END {
    printf "%-10s %12s %13s %10s %10s %10s\n", "service", "peak_rss_mib", "peak_heap_mib", "cpu_mean", "cpu_p95", "cpu_max"
    for (s in peak) {
      n = 0; sum = 0; delete v
      split(windows[s], ws, " "); delete seen
      for (k in ws) { w = ws[k]; if (w == "" || (w in seen)) continue; seen[w] = 1
        key = s SUBSEP w; dt = lastT[key] - firstT[key]; if (dt <= 0) continue
        c = (last[key] - first[key]) / hz / dt; v[++n] = c; sum += c }
      asort(v); p95 = v[int(0.95 * n) > 0 ? int(0.95 * n) : 1]
      printf "%-10s %12.0f %13.0f %10.2f %10.2f %10.2f\n", s, peak[s] / 1024, heap[s] / 1048576, (n ? sum / n : 0), p95, v[n]
    }
  }' "$out"
