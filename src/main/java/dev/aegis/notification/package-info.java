/**
 * Telling people: a notification goes to named users (or everyone holding a role), is kept for the in-app list
 * and mailed when the user has an address and a mail server is configured (SPRING_MAIL_HOST). Other modules call
 * {@link dev.aegis.notification.Notifications#send}; nothing here knows what a finding or an assessment is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package dev.aegis.notification;
