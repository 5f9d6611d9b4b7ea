-- Shared by every script: one machine-readable line per run, read by ServiceBenchmark.
-- Latencies in microseconds; "rejected" counts answers outside 2xx/3xx, "failed" connect/read/write/timeout errors.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"rejected":%d,"failed":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
