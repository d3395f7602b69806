-- Top emerging hashtags and terms: count in the window against the window of the same length just
-- before it; growth = (current + 1) / (previous + 1). Hashtags come from hashtags_per_hour, terms
-- from mentions.terms. Only items with at least min_mentions mentions and min_authors authors now.
-- @param since DateTime64(3, 'UTC') window start (--since, relative to --until)
-- @param until DateTime64(3, 'UTC') window end (--until: now, latest or a time)
-- @param min_mentions UInt32 = 20 least mentions in the current window
-- @param min_authors UInt32 = 5 least distinct authors in the current window
-- @param kind String = any hashtag, term or any
-- @param top UInt32 = 25 rows to return
WITH
    {since:DateTime64(3, 'UTC')} AS w_start,
    {until:DateTime64(3, 'UTC')} AS w_end,
    subtractMilliseconds(w_start, dateDiff('millisecond', w_start, w_end)) AS p_start,
    items AS (
        SELECT 'hashtag' AS kind, hashtag AS item,
            uniqExactMergeIf(mentions, hour >= toStartOfHour(w_start)) AS now_mentions,
            uniqExactMergeIf(mentions, hour < toStartOfHour(w_start)) AS prev_mentions,
            uniqMergeIf(authors, hour >= toStartOfHour(w_start)) AS now_authors
        FROM hashtags_per_hour
        WHERE hour >= toStartOfHour(p_start) AND hour <= w_end
        GROUP BY hashtag
        UNION ALL
        SELECT 'term', term,
            uniqExactIf(id, created_at >= w_start),
            uniqExactIf(id, created_at < w_start),
            uniqIf(author_id, created_at >= w_start)
        FROM mentions
        ARRAY JOIN terms AS term
        WHERE created_at >= p_start AND created_at <= w_end AND NOT from_org
        GROUP BY term
    )
SELECT
    kind,
    item,
    now_mentions,
    prev_mentions,
    now_authors,
    round((now_mentions + 1) / (prev_mentions + 1), 2) AS growth
FROM items
WHERE ({kind:String} = 'any' OR kind = {kind:String})
  AND now_mentions >= {min_mentions:UInt32} AND now_authors >= {min_authors:UInt32}
ORDER BY growth DESC, now_mentions DESC
LIMIT {top:UInt32}
