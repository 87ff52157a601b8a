-- Reads the customers WRK_FIRST_ID to WRK_LAST_ID (env) in turn, starting again after the last,
-- until bench/run stops wrk.

local first_id = tonumber(os.getenv("WRK_FIRST_ID") or "1001")
local last_id = tonumber(os.getenv("WRK_LAST_ID") or "1001")
local next_id = first_id

function request()
  local id = next_id
  next_id = next_id + 1
  if next_id > last_id then
    next_id = first_id
  end
  return wrk.format("GET", "/customer/" .. id)
end
