-- Replays signed webhooks for wrk: each line of the file named after "--" is "signature<TAB>body".
local signatures, bodies, next_one = {}, {}, 0

function init(args)
  for line in io.lines(args[1]) do
    local sig, body = line:match("^(%x+)\t(.*)$")
    signatures[#signatures + 1] = sig
    bodies[#bodies + 1] = body
  end
end

function request()
  next_one = next_one % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
                                  ["X-Spark-Signature"] = signatures[next_one]}, bodies[next_one])
end
