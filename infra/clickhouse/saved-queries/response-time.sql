-- Time to first response by the organisation's accounts to questions addressed to it (intent
-- `unanswered_question`, asked in the window), per source and overall: median and p90 minutes to
-- the first `from_org` reply, and the share answered within the target. A question still
-- unanswered counts as a miss only once it is older than the target at the window end.
-- @param since DateTime64(3, 'UTC') window start (--since, relative to --until)
-- @param until DateTime64(3, 'UTC') window end (--until: now, latest or a time)
-- @param target_minutes UInt32 = 120 response-time target in minutes
WITH
    questions AS (
        SELECT id, source, created_at
        FROM mentions
        WHERE has(intents, 'unanswered_question') AND NOT from_org
          AND created_at >= {since:DateTime64(3, 'UTC')} AND created_at <= {until:DateTime64(3, 'UTC')}
    ),
    first_reply AS (
        SELECT in_reply_to AS question_id, min(created_at) AS replied_at
        FROM mentions
        WHERE from_org AND in_reply_to != '' AND created_at >= {since:DateTime64(3, 'UTC')}
        GROUP BY in_reply_to
    ),
    timed AS (
        SELECT
            q.source AS src,
            r.question_id != '' AS is_answered,
            if(is_answered, dateDiff('second', q.created_at, r.replied_at) / 60, NULL) AS minutes,
            dateDiff('minute', q.created_at, {until:DateTime64(3, 'UTC')}) >= {target_minutes:UInt32} AS is_due
        FROM questions AS q
        LEFT JOIN first_reply AS r ON r.question_id = q.id
    )
SELECT
    if(grouping(src) = 1, 'all', src) AS source,
    count() AS questions,
    countIf(is_answered) AS answered,
    round(quantileExact(0.5)(minutes), 1) AS median_minutes,
    round(quantileExact(0.9)(minutes), 1) AS p90_minutes,
    countIf(is_answered AND minutes <= {target_minutes:UInt32}) AS within_target,
    countIf(is_answered OR is_due) AS measurable,
    round(100 * within_target / nullIf(measurable, 0), 1) AS within_target_pct
FROM timed
GROUP BY ROLLUP(src)
ORDER BY grouping(src), questions DESC
SETTINGS join_use_nulls = 0
