# ruleid: secret-slack-token
SLACK_BOT = "xoxb-016587809492-7379018278330-H9GLGqUXT2nOGlqL2Bul6vOM"
# ok: secret-slack-token
SLACK_DOC = "xoxb-your-token-here"
