/**
 * The monitor's demo model: VADER sentiment scoring ported to Java, served at
 * {@code POST /monitor/v1/models/sentiment/predict} with input limits, a per-client rate limit and its own telemetry,
 * plus a traffic simulator for demo mode.
 */
package dev.aegis.monitor.sentiment;
