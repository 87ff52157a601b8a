-- Creates customers through POST /customer until bench/run stops wrk. bench/run stops it once the
-- customer it needs exists, so a few dozen more may be created than it reads.

local sent = 0

function request()
  sent = sent + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
  local body = string.format(
    '{"first_name":"Bench","last_name":"Customer%d","email":"bench.customer%d@example.com",'
      .. '"external_id":"bench-%d","city":"London","country":"GB","allow_email":true,'
      .. '"cf_loyalty_tier":"silver"}', sent, sent, sent)
  return wrk.format("POST", "/customer", headers, body)
end
