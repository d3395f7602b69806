-- Share of voice: mentions of the organisation (topic `brand`) against each competitor (topics
-- `competitor.*`) in the window, with distinct authors, mean sentiment and engagement. A mention
-- that names both counts for both, so shares are of "entity mentions", not of posts.
-- @param since DateTime64(3, 'UTC') window start (--since, relative to --until)
-- @param until DateTime64(3, 'UTC') window end (--until: now, latest or a time)
SELECT
    topic AS entity,
    uniqExactMerge(mentions) AS total_mentions,
    round(100 * total_mentions / sum(total_mentions) OVER (), 1) AS share_pct,
    uniqMerge(authors) AS unique_authors,
    round(sumIf(sentiment_sum, sentiment != '') / nullIf(uniqExactMergeIf(mentions, sentiment != ''), 0), 3) AS mean_sentiment,
    round(100 * uniqExactMergeIf(mentions, sentiment = 'negative') / total_mentions, 1) AS negative_pct,
    sum(engagement) AS engagement
FROM mentions_per_hour
WHERE hour >= toStartOfHour({since:DateTime64(3, 'UTC')})
  AND hour <= {until:DateTime64(3, 'UTC')}
  AND (topic = 'brand' OR startsWith(topic, 'competitor.'))
GROUP BY topic
ORDER BY total_mentions DESC
