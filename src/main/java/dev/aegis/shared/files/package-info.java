/**
 * Files people upload as evidence (vendor answers, evidence items): size limited, the type detected from the
 * content and checked against a list, the SHA-256 computed on arrival.
 */
package dev.aegis.shared.files;
