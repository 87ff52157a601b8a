-- Shared by every bench/run scenario: optional pacing, and a machine-readable summary.
-- WRK_DELAY_MS (env) is the pause of each connection between a response and its next request.
-- bench/run sets it to pace a run at a target rate, and leaves it at 0 for maximum throughput.

local pause_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")

if pause_ms > 0 then
  function delay()
    return pause_ms
  end
end

-- Prints one line that bench/run parses. Latencies are in microseconds. The errors are wrk's
-- socket errors by kind, and non2xx counts responses with a status of 400 or more.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d "
      .. "connect=%d read=%d write=%d timeout=%d non2xx=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
