-- POST /oauth/token, client credentials (CLIENT_ID, CLIENT_SECRET), as an HTML form.
dofile("benchmarks/wrk/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials&client_id=" .. os.getenv("CLIENT_ID")
  .. "&client_secret=" .. os.getenv("CLIENT_SECRET")
