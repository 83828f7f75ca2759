-- wrk script: replays the lines of a file, "METHOD<TAB>PATH<TAB>BODY" or a bare "PATH" (GET).
-- Arguments after "--": file, first line (0-based), number of lines, wrk threads.
-- Each thread takes every n-th line of the range; a thread that runs out starts again and says so
-- (wrapped > 0 in the result line: the range was too short for the run, the figures are not clean).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, first, count, nthreads = args[1], tonumber(args[2] or "0"), tonumber(args[3] or "1000000000"),
      tonumber(args[4] or "1")
  local headers = { ["Content-Type"] = "application/json" }
  local token = os.getenv("BENCH_TOKEN")
  if token then headers["Authorization"] = "Bearer " .. token end
  reqs = {}
  local i = 0
  for line in io.lines(file) do
    if i >= first + count then break end
    if i >= first and (i - first) % nthreads == id then
      local m, p, b = line:match("^(%u+)\t([^\t]+)\t(.*)$")
      if m then
        reqs[#reqs + 1] = wrk.format(m, p, headers, b)
      else
        reqs[#reqs + 1] = wrk.format("GET", line, headers)
      end
    end
    i = i + 1
  end
  n = 0
  wrapped = 0
end

function request()
  n = n + 1
  if n > #reqs then wrapped = 1 end
  return reqs[(n - 1) % #reqs + 1]
end

function done(summary, latency, requests)
  local w = 0
  for _, t in ipairs(threads) do w = w + (t:get("wrapped") or 0) end
  local e = summary.errors
  io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d wrapped=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      e.connect + e.read + e.write + e.timeout, e.status, w))
end
