/*
 * A Kafka-protocol peer for CI: librdkafka's built-in mock cluster (rdkafka_mock.h), one broker.
 *
 *   mock-cluster [topic:partitions ...]
 *
 * Pre-creates the topics given as arguments, prints the bootstrap servers as the first line on
 * stdout, then reads commands from stdin until it closes:
 *
 *   create <topic> <partitions>   creates a topic, answers "created <topic>" or "error <topic> <reason>"
 *
 * The mock has no CreateTopics/DescribeGroups/ListGroups and reports controller id 0, so clients
 * create topics through this process instead of the admin API. Closing stdin stops the cluster.
 */
#include <errno.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int create_topic(rd_kafka_mock_cluster_t *mcluster, const char *topic, int partitions) {
  rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mcluster, topic, partitions, 1);
  if (err) {
    printf("error %s %s\n", topic, rd_kafka_err2str(err));
    fflush(stdout);
    return -1;
  }
  return 0;
}

static int parse_partitions(const char *s) {
  char *end = NULL;
  errno = 0;
  long n = strtol(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || n < 1 || n > 1024) return -1;
  return (int)n;
}

int main(int argc, char **argv) {
  char errstr[512];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  /* Only the mock cluster's own handle: keep librdkafka's logs off stdout (the protocol channel). */
  rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
  if (!rk) {
    fprintf(stderr, "mock-cluster: rd_kafka_new: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, 1);
  if (!mcluster) {
    fprintf(stderr, "mock-cluster: could not create the mock cluster\n");
    rd_kafka_destroy(rk);
    return 1;
  }

  int status = 0;
  for (int i = 1; i < argc; i++) {
    char *spec = argv[i];
    char *colon = strrchr(spec, ':');
    int partitions = colon ? parse_partitions(colon + 1) : 1;
    if (colon) *colon = '\0';
    if (partitions < 1 || spec[0] == '\0') {
      fprintf(stderr, "mock-cluster: bad topic spec \"%s\" (want name:partitions)\n", argv[i]);
      status = 2;
      goto done;
    }
    if (create_topic(mcluster, spec, partitions) != 0) {
      status = 1;
      goto done;
    }
  }

  printf("%s\n", rd_kafka_mock_cluster_bootstraps(mcluster));
  fflush(stdout);

  char line[1024];
  while (fgets(line, sizeof(line), stdin)) {
    char topic[512];
    char count[32];
    if (sscanf(line, "create %511s %31s", topic, count) == 2) {
      int partitions = parse_partitions(count);
      if (partitions < 1) {
        printf("error %s bad partition count\n", topic);
        fflush(stdout);
      } else if (create_topic(mcluster, topic, partitions) == 0) {
        printf("created %s\n", topic);
        fflush(stdout);
      }
    } else if (line[0] != '\n') {
      printf("error - unknown command\n");
      fflush(stdout);
    }
  }

done:
  rd_kafka_mock_cluster_destroy(mcluster);
  rd_kafka_destroy(rk);
  return status;
}
