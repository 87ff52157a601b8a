-- 90% reads and 10% writes of one customer: every tenth request updates its city.
-- Appended to report.lua by bench/run. WRK_PATH (env) is the customer's path.

local customer_path = os.getenv("WRK_PATH") or "/customer/1001"
local counter = 0
local read_request
local write_request

function init(args)
  local write_headers = {}
  for name, value in pairs(wrk.headers) do
    write_headers[name] = value
  end
  write_headers["Content-Type"] = "application/json"
  read_request = wrk.format("GET", customer_path)
  write_request = wrk.format("PUT", customer_path, write_headers, '{"city":"London"}')
end

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    return write_request
  end
  return read_request
end
