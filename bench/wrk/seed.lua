-- Creates customers through POST /customer until bench/run stops wrk. bench/run stops it once the
-- customer it needs exists, so a few dozen more may be created than it reads. The customers have
-- no external_id: the stand-in checks a new one against every stored customer, which would make
-- seeding quadratic in the number of customers.

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
      .. '"city":"London","country":"GB","allow_email":true,"cf_loyalty_tier":"silver"}',
    sent, sent)
  return wrk.format("POST", "/customer", headers, body)
end
