/**
 * The conformance checker users run on their own task families
 * ({@link io.github.metarl4j.conformance.ConformanceChecker}), the same one the tests run on
 * every built-in family.
 */
package io.github.metarl4j.conformance;
