/**
 * Users, roles, sign-in (password, two-factor, OpenID Connect), personal API tokens and the two security chains.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.aegis.security;
