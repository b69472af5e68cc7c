/**
 * The EU AI Act (Regulation (EU) 2024/1689) applied to the AI system register: the classification questionnaire
 * per AI system, kept as versioned records with every answer and who gave it, the tier and role it sets, and the
 * duties (articles) that follow for the system's role and tier with their dates of application.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "security",
            "inventory",
            "inventory :: system-page",
            "framework",
            "audit",
            "finding",
            "notification",
            "telemetry",
            "risk",
            "control"
        })
package dev.aegis.euaiact;
