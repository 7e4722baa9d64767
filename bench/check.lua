-- wrk script of bench/run: counts the responses that are not the page asked
-- for (a status other than 200, or a body without BENCH_MARKER) and prints
-- one line of figures for the harness to read. Defining response() makes
-- wrk read every body, the ceiling's as the pages'.
local marker = os.getenv("BENCH_MARKER") or ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad_status = 0
  bad_body = 0
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
  elseif marker ~= "" and not string.find(body, marker, 1, true) then
    bad_body = bad_body + 1
  end
end

function done(summary, latency, requests)
  local bs, bb = 0, 0
  for _, t in ipairs(threads) do
    bs = bs + t:get("bad_status")
    bb = bb + t:get("bad_body")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %.0f, "p99_us": %.0f, ' ..
    '"bad_status": %d, "bad_body": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    bs, bb, e.connect, e.read, e.write, e.timeout))
end
