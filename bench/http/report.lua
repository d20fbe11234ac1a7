-- wrk script used by bench/http/run.sh.
--
-- Only a done() hook: no request()/response() hooks, so wrk keeps its fast
-- path (no Lua call per request) and the numbers are not skewed by the client.
--
-- After wrk's normal report it prints one "BENCH key=value" line per metric;
-- run.sh greps for them. Units: latencies in milliseconds, duration in seconds.
--
--   requests      completed responses
--   duration_s    measured wall time
--   rps           requests / duration_s
--   bytes         bytes read
--   lat_mean_ms, lat_stdev_ms, lat_max_ms
--   p50_ms, p90_ms, p99_ms, p999_ms
--   non2xx        responses with status >= 400 (wrk's own "Non-2xx or 3xx"
--                 counter, errors.status; 3xx are not counted by wrk)
--   err_connect, err_read, err_write, err_timeout   socket errors by kind
--   socket_errors sum of the four above

local function ms(us)
  return us / 1000.0
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local lines = {
    string.format("requests=%d", summary.requests),
    string.format("duration_s=%.3f", secs),
    string.format("rps=%.2f", secs > 0 and summary.requests / secs or 0),
    string.format("bytes=%d", summary.bytes),
    string.format("lat_mean_ms=%.3f", ms(latency.mean)),
    string.format("lat_stdev_ms=%.3f", ms(latency.stdev)),
    string.format("lat_max_ms=%.3f", ms(latency.max)),
    string.format("p50_ms=%.3f", ms(latency:percentile(50))),
    string.format("p90_ms=%.3f", ms(latency:percentile(90))),
    string.format("p99_ms=%.3f", ms(latency:percentile(99))),
    string.format("p999_ms=%.3f", ms(latency:percentile(99.9))),
    string.format("non2xx=%d", e.status),
    string.format("err_connect=%d", e.connect),
    string.format("err_read=%d", e.read),
    string.format("err_write=%d", e.write),
    string.format("err_timeout=%d", e.timeout),
    string.format("socket_errors=%d", socket_errors),
  }
  for _, l in ipairs(lines) do
    io.write("BENCH ", l, "\n")
  end
end
