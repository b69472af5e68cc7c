/**
 * The ISO/IEC 42001 AI management system: its documented information under one document control (references,
 * versions, four-eyes approval, publication, retention), the context and scope statement, the AI and topic policies
 * with their acknowledgements, AIMS roles, the internal audit programme, nonconformities with their corrective actions,
 * and which management-system requirements those records meet in force.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "inventory",
            "control",
            "framework",
            "finding",
            "risk",
            "telemetry",
            "vendor",
            "notification"
        })
package dev.aegis.aims;
