-- Unanswered questions: mentions in the window with intent `unanswered_question` (a question
-- addressed to the organisation: its handle or the brand topic) that no organisation account has
-- replied to (no `from_org` mention whose in_reply_to is the question's id), oldest first.
-- Text is PHI-redacted at enrichment; authors are keyed hashes.
-- @param since DateTime64(3, 'UTC') window start (--since, relative to --until)
-- @param until DateTime64(3, 'UTC') window end (--until: now, latest or a time)
-- @param top UInt32 = 50 rows to return
SELECT
    created_at,
    source,
    round(dateDiff('minute', created_at, {until:DateTime64(3, 'UTC')}) / 60, 1) AS waiting_hours,
    topics,
    url,
    substring(text, 1, 140) AS text
FROM mentions
WHERE has(intents, 'unanswered_question')
  AND NOT from_org
  AND created_at >= {since:DateTime64(3, 'UTC')}
  AND created_at <= {until:DateTime64(3, 'UTC')}
  AND id NOT IN (
      SELECT in_reply_to FROM mentions
      WHERE from_org AND in_reply_to != '' AND created_at >= {since:DateTime64(3, 'UTC')}
  )
ORDER BY created_at
LIMIT {top:UInt32}
