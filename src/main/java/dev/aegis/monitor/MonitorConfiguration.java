package dev.aegis.monitor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MonitorSettings.class, LlmSettings.class})
class MonitorConfiguration {}
