-- wrk script: POST signed feedback submissions, each with a fresh submission id.
-- Usage: TOKENS="tok1 tok2 …" wrk -t2 -c32 -d20s -s bench/feedback-submit.lua http://127.0.0.1:5080
-- (bench/wrk-feedback runs the app, makes the tokens and counts the stored responses back.)
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or "", "%S+") do tokens[#tokens + 1] = t end
local counter = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

local function uuid()
  local r = math.random
  return string.format("%08x-%04x-4%03x-%04x-%012x", r(0, 0xffffffff), r(0, 0xffff), r(0, 0xfff), r(0x8000, 0xbfff), r(0, 0xffffffffffff))
end

init = function(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local body = string.format(
    '{"token":"%s","submissionId":"%s","recommendation":%d,"answers":{"AV1":%d,"EN1":%d,"SA1":%d,"IN1":%d,"US1":%d,"OMA1":%d},"ageGroup":"Age30To49","language":"fi"}',
    token, uuid(), math.random(0, 10), math.random(0, 5), math.random(0, 5), math.random(0, 5), math.random(0, 5), math.random(0, 5), math.random(0, 5))
  return wrk.format("POST", "/api/v1/feedback/responses", { ["Content-Type"] = "application/json" }, body)
end

local created, other = 0, 0
response = function(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (connect %d, read %d, write %d, timeout %d, status %d)\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("submissions/s %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
