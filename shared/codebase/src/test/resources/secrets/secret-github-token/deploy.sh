#!/bin/sh
# ruleid: secret-github-token
export GITHUB_TOKEN=ghp_wTdcoy5OYWgBlGMDN2sF5mvLbpIHtf92GnWN
# ruleid: secret-github-token
curl -H "Authorization: token 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" https://api.github.com/user
# ok: secret-github-token
export GH_TOKEN="${GITHUB_TOKEN}"
# ok: secret-github-token
echo ghp_short
