/**
 * Shared infrastructure every module may use: database start-up and migrations, the application shell,
 * problem details, the clock and common UI pieces.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.aegis.shared;
