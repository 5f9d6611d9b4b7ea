-- GET of a 50-row page of LISTING (a path) at a random offset in [0, TOTAL - 50], with the bearer token in TOKEN.
dofile("benchmarks/wrk/report.lua")
local listing = os.getenv("LISTING")
local last = math.max(0, tonumber(os.getenv("TOTAL")) - 50)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  return wrk.format("GET", listing .. "?limit=50&offset=" .. math.random(0, last))
end
