#!/usr/bin/env python3
"""Writes events/<function>/<name>.json for catalog functions that have none yet: real-shaped Lambda events
(API Gateway HTTP API payload 2.0) with the placeholders SampleEventsIT substitutes. Existing files are kept."""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KEY = "luna_example_admin_key_for_sample_events_0001"
IDS = {"id": {"agents": "agt_01JEXAMPLE0000000000000000", "projects": "prj_01JEXAMPLE0000000000000000",
              "api-keys": "key_01JEXAMPLE0000000000000000"},
       "userId": "usr_example_member"}
BODIES = {
    "projects-create": ("create", {"name": "Payments", "description": "Payment services and their agents", "settings": {"region": "eu-west-1"}}),
    "projects-update": ("rename", {"name": "Payments Platform", "description": "Renamed"}),
    "projects-members-add": ("add-developer", {"userId": "usr_example_member", "role": "developer"}),
    "api-keys-create": ("ci-key", {"name": "ci pipeline", "scopes": ["agents:read", "tasks:write"], "expiresInDays": 90, "rateLimitPerMinute": 120}),
    "auth-token": ("api-key-grant", {"grant_type": "api_key", "api_key": KEY}),
    "auth-refresh": ("rotate", {"refresh_token": "lrt_EXAMPLE_REFRESH_TOKEN"}),
    "auth-revoke": ("revoke-refresh", {"token": "lrt_EXAMPLE_REFRESH_TOKEN"}),
}


def http_event(name, fn):
    t = fn["trigger"]
    path = t["path"]
    params = {}
    raw = path
    for p in ("id", "userId"):
        if "{" + p + "}" in path:
            value = IDS[p][path.split("/")[3]] if p == "id" else IDS[p]
            params[p] = value
            raw = raw.replace("{" + p + "}", value)
    headers = {"accept": "application/json", "host": "api.luna.example.com", "user-agent": "curl/8.5.0", "x-forwarded-proto": "https"}
    if not fn.get("public"):
        headers["authorization"] = "Bearer " + KEY
    file, body = BODIES.get(name, ("request", None))
    if body is not None:
        headers["content-type"] = "application/json"
    ev = {"version": "2.0", "routeKey": t["method"] + " " + path, "rawPath": raw, "rawQueryString": "", "headers": headers}
    if params:
        ev["pathParameters"] = params
    ev["requestContext"] = {"accountId": "123456789012", "apiId": "luna0api", "domainName": "api.luna.example.com",
                            "http": {"method": t["method"], "path": raw, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.10", "userAgent": "curl/8.5.0"},
                            "requestId": "sample-" + name, "routeKey": t["method"] + " " + path, "stage": "$default",
                            "time": "27/Nov/2026:04:00:00 +0000", "timeEpoch": 1795665600000}
    if body is not None:
        ev["body"] = json.dumps(body)
    ev["isBase64Encoded"] = False
    return file, ev


def main():
    catalog = json.load(open(os.path.join(ROOT, "functions", "catalog.json")))
    written = 0
    for name, fn in catalog["functions"].items():
        d = os.path.join(ROOT, "events", name)
        if os.path.isdir(d) and any(f.endswith(".json") for f in os.listdir(d)):
            continue
        if fn["trigger"]["type"] != "http":
            print(f"skip {name}: write its {fn['trigger']['type']} event by hand", file=sys.stderr)
            continue
        os.makedirs(d, exist_ok=True)
        file, ev = http_event(name, fn)
        with open(os.path.join(d, file + ".json"), "w") as out:
            json.dump(ev, out, indent=2)
            out.write("\n")
        written += 1
    print(f"wrote {written} sample events")


if __name__ == "__main__":
    main()
