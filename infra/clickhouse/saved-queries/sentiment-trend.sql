-- Sentiment trend per topic, hourly (from mentions_per_hour): mentions, positive/negative/neutral
-- counts, net sentiment ((positive − negative) / labelled) and mean score (−1..1). Set
-- --param topic=<id> for one topic; empty = every topic except untagged mentions.
-- @param since DateTime64(3, 'UTC') window start (--since, relative to --until)
-- @param until DateTime64(3, 'UTC') window end (--until: now, latest or a time)
-- @param topic String = brand topic id (an empty value for all topics)
SELECT
    hour,
    topic,
    uniqExactMerge(mentions) AS total_mentions,
    uniqExactMergeIf(mentions, sentiment = 'positive') AS positive,
    uniqExactMergeIf(mentions, sentiment = 'negative') AS negative,
    uniqExactMergeIf(mentions, sentiment = 'neutral') AS neutral,
    round((positive - negative) / nullIf(positive + negative + neutral, 0), 3) AS net_sentiment,
    round(sumIf(sentiment_sum, sentiment != '') / nullIf(positive + negative + neutral, 0), 3) AS mean_score
FROM mentions_per_hour
WHERE hour >= toStartOfHour({since:DateTime64(3, 'UTC')})
  AND hour <= {until:DateTime64(3, 'UTC')}
  AND topic != ''
  AND ({topic:String} = '' OR topic = {topic:String})
GROUP BY hour, topic
ORDER BY topic, hour
