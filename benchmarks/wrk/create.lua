-- Creates of KIND (clients, identities or pats) with unique names, as the bearer of TOKEN. PATs are spread over the
-- owners listed one per line in OWNERS, ten to each (the most an identity may hold); each wrk thread takes its share.
dofile("benchmarks/wrk/report.lua")
local kind = os.getenv("KIND")
local run = os.getenv("RUN")
local paths = { clients = "/v3/oauth-clients", identities = "/v3/identities", pats = "/v3/personal-access-tokens" }
wrk.method = "POST"
wrk.path = paths[kind]
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"

local threadCount = tonumber(os.getenv("THREADS"))
local started = 0
function setup(thread)
  thread:set("number", started)
  started = started + 1
end

local owners = {}
local count = 0
function init(args)
  if kind == "pats" then
    local index = 0
    for line in io.lines(os.getenv("OWNERS")) do
      if index % threadCount == number then
        table.insert(owners, line)
      end
      index = index + 1
    end
  end
end

function request()
  count = count + 1
  local name = string.format("bench %s %d-%d", run, number, count)
  local body
  if kind == "clients" then
    body = '{"name":"' .. name .. '","description":"benchmark","accessTokenValiditySeconds":600,'
      .. '"grantTypes":["CLIENT_CREDENTIALS"],"scope":["idn:identities:read"]}'
  elseif kind == "identities" then
    body = '{"name":"' .. name .. '","kind":"USER"}'
  else
    local owner = owners[math.floor((count - 1) / 10) % #owners + 1]
    body = '{"name":"' .. name .. '","ownerId":"' .. owner .. '","scope":["sp:scopes:all"]}'
  end
  return wrk.format(nil, nil, nil, body)
end
