-- GET of the URL given to wrk, with the bearer token in TOKEN (none when it is empty).
dofile("benchmarks/wrk/report.lua")
local token = os.getenv("TOKEN") or ""
if token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
