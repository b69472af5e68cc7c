package dev.aegis.monitor;

import dev.aegis.shared.Actors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Consumes prediction events from Kafka in a consumer group, so several monitor instances share the partitions. Two
 * kinds of topic:
 *
 * <ul>
 * <li>Aegis's own event JSON (an event object or an array of them, as {@code POST .../events} takes), on the topics of
 * {@code aegis.monitor.kafka.topics} ({@code topic} or {@code topic:deployment}); the deployment is the record's
 * {@code aegis-deployment} header, else the one named with the topic;</li>
 * <li>Seldon Core 2's model topics {@code seldon.<namespace>.model.<model>.inputs} / {@code .outputs} on {@code
 * aegis.monitor.kafka.seldon-topics}: Open Inference Protocol v2 requests and responses in JSON, paired by the record
 * key (the request id) like KServe's logger events, for the deployment named as the model.</li>
 * </ul>
 *
 * Offsets are committed by hand, only after every record of a poll is durable in PostgreSQL (or refused for good, and
 * counted); a crash before that re-delivers the records, and the events are written once (idempotent by request id).
 * When the database cannot be reached the same poll is retried every five seconds, never skipped.
 */
public class KafkaIngestion {

    private static final Logger log = LoggerFactory.getLogger(KafkaIngestion.class);
    private static final Pattern SELDON = Pattern.compile("seldon\\.[^.]+\\.model\\.([^.]+)\\.(inputs|outputs)");

    /** Where the consumer connects and what it reads. */
    public record Settings(
            String bootstrapServers,
            String groupId,
            List<String> topics,
            List<String> seldonTopics,
            int concurrency,
            Map<String, String> clientProperties) {}

    private final Settings settings;
    private final IngestService ingest;
    private final KServeIngestion pairs;
    private final JsonMapper json;
    private final Map<String, String> topicDeployment = new LinkedHashMap<>();
    private final Counter refused;
    private final Counter consumed;
    private ConcurrentMessageListenerContainer<String, byte[]> container;
    /** Test seam: when false, records are stored but not acknowledged, as if the instance died before committing. */
    volatile boolean acknowledge = true;

    KafkaIngestion(
            Settings settings, IngestService ingest, KServeIngestion pairs, JsonMapper json, MeterRegistry meters) {
        this.settings = settings;
        this.ingest = ingest;
        this.pairs = pairs;
        this.json = json;
        for (String t : settings.topics()) {
            int colon = t.indexOf(':');
            topicDeployment.put(
                    colon < 0 ? t.trim() : t.substring(0, colon).trim(),
                    colon < 0 ? null : t.substring(colon + 1).trim());
        }
        this.refused = Counter.builder("aegis.monitor.kafka.refused")
                .description(
                        "Kafka records that could not be taken in (unreadable, unknown deployment, refused events)")
                .register(meters);
        this.consumed = Counter.builder("aegis.monitor.kafka.records")
                .description("Kafka records consumed and durable")
                .register(meters);
    }

    public synchronized void start() {
        Map<String, Object> props = new LinkedHashMap<>(settings.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<String> all = new ArrayList<>(topicDeployment.keySet());
        all.addAll(settings.seldonTopics());
        var properties = new ContainerProperties(all.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        properties.setMessageListener((BatchAcknowledgingMessageListener<String, byte[]>) this::onBatch);
        container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(props), properties);
        container.setConcurrency(Math.max(1, settings.concurrency()));
        // the database down: the same records again in five seconds, for as long as it takes
        container.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        container.setBeanName("aegis-monitor-kafka");
        container.start();
        log.info(
                "Monitor consumes Kafka topics {} at {} in group {}",
                all,
                settings.bootstrapServers(),
                settings.groupId());
    }

    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    /** Stores every record of one poll, then commits its offsets. */
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        Actors.runAsSystem(Set.of(Permissions.SYSTEM_INGEST), () -> {
            Map<String, ArrayNode> byDeployment = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                Matcher seldon = SELDON.matcher(record.topic());
                if (seldon.matches()) {
                    seldon(record, seldon.group(1), "inputs".equals(seldon.group(2)));
                    continue;
                }
                String deployment = header(record, "aegis-deployment");
                if (deployment == null) {
                    deployment = topicDeployment.get(record.topic());
                }
                if (deployment == null) {
                    skip(record, "no aegis-deployment header and no deployment named for the topic");
                    continue;
                }
                JsonNode value;
                try {
                    value = json.readTree(record.value());
                } catch (JacksonException e) {
                    skip(record, "not JSON: " + e.getOriginalMessage());
                    continue;
                }
                ArrayNode events = byDeployment.computeIfAbsent(deployment, d -> json.createArrayNode());
                if (value != null && value.isArray()) {
                    value.forEach(events::add);
                } else if (value != null && value.isObject()) {
                    events.add(value);
                } else {
                    skip(record, "an event is a JSON object (or an array of them)");
                }
            }
            for (var entry : byDeployment.entrySet()) {
                store(entry.getKey(), entry.getValue());
            }
        });
        consumed.increment(records.size());
        if (acknowledge) {
            ack.acknowledge();
        }
    }

    private void store(String deployment, ArrayNode events) {
        int max = 10_000;
        for (int from = 0; from < events.size(); from += max) {
            ArrayNode chunk = json.createArrayNode();
            for (int i = from; i < Math.min(events.size(), from + max); i++) {
                chunk.add(events.get(i));
            }
            try {
                var result = ingest.ingestOnce(deployment, new ByteArrayInputStream(json.writeValueAsBytes(chunk)));
                if (result.rejected() > 0) {
                    refused.increment(result.rejected());
                    log.warn(
                            "Kafka: {} event(s) for {} refused, e.g. {}",
                            result.rejected(),
                            deployment,
                            result.rejections().getFirst().message());
                }
            } catch (dev.aegis.shared.NotFoundException | IngestProblems.Malformed | IngestProblems.TooMany e) {
                // refused for good: retrying cannot help, and holding the partition back would stop all the others
                refused.increment(chunk.size());
                log.warn("Kafka: {} event(s) for {} refused: {}", chunk.size(), deployment, e.getMessage());
            }
        }
    }

    private void seldon(ConsumerRecord<String, byte[]> record, String model, boolean request) {
        if (record.key() == null) {
            skip(record, "a Seldon record has the request id as its key");
            return;
        }
        var event = new KServeIngestion.CloudEvent(
                record.key(),
                request ? KServeIngestion.REQUEST : KServeIngestion.RESPONSE,
                record.topic(),
                java.time.Instant.ofEpochMilli(record.timestamp()).toString(),
                model,
                "application/json");
        try {
            pairs.receive(event, record.value());
        } catch (dev.aegis.shared.NotFoundException
                | dev.aegis.shared.DomainRuleException
                | IngestProblems.Malformed e) {
            skip(record, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String why) {
        refused.increment();
        log.warn("Kafka: record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(), why);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
