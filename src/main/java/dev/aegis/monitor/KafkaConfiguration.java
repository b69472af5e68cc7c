package dev.aegis.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitor's Kafka consumer, only when {@code aegis.monitor.kafka.bootstrap-servers}
 * (AEGIS_MONITOR_KAFKA_BOOTSTRAP_SERVERS) is set: no Kafka client runs otherwise.
 */
@Configuration(proxyBeanMethods = false)
@WhenMonitorEnabled
@ConditionalOnProperty("aegis.monitor.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaConfiguration.KafkaSettings.class)
class KafkaConfiguration {

    /**
     * @param bootstrapServers the brokers ({@code host:port,...})
     * @param groupId          the consumer group the monitor instances share
     * @param topics           topics of Aegis event JSON, each {@code topic} or {@code topic:deployment}
     * @param seldonTopics     Seldon Core 2 model topics ({@code seldon.<ns>.model.<model>.inputs|outputs})
     * @param concurrency      consumers in this instance (at most one per partition does work)
     * @param properties       further Kafka consumer properties (security.protocol, sasl.*, ssl.*)
     */
    @ConfigurationProperties("aegis.monitor.kafka")
    record KafkaSettings(
            String bootstrapServers,
            @DefaultValue("aegis-monitor") String groupId,
            @DefaultValue List<String> topics,
            @DefaultValue List<String> seldonTopics,
            @DefaultValue("1") int concurrency,
            @DefaultValue Map<String, String> properties) {}

    @Bean(initMethod = "start", destroyMethod = "stop")
    KafkaIngestion kafkaIngestion(
            KafkaSettings settings,
            IngestService ingest,
            KServeIngestion pairs,
            JsonMapper json,
            MeterRegistry meters) {
        if (settings.topics().isEmpty() && settings.seldonTopics().isEmpty()) {
            throw new IllegalStateException("AEGIS_MONITOR_KAFKA_BOOTSTRAP_SERVERS is set but no topic is: set "
                    + "AEGIS_MONITOR_KAFKA_TOPICS (topic or topic:deployment, comma-separated) or "
                    + "AEGIS_MONITOR_KAFKA_SELDON_TOPICS.");
        }
        return new KafkaIngestion(
                new KafkaIngestion.Settings(
                        settings.bootstrapServers(),
                        settings.groupId(),
                        settings.topics(),
                        settings.seldonTopics(),
                        settings.concurrency(),
                        settings.properties()),
                ingest,
                pairs,
                json,
                meters);
    }
}
