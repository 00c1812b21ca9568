/**
 * The command-line tool {@code metarl4j} (picocli): {@code train}, {@code resume}, {@code evaluate},
 * {@code report} and {@code check-env}. Exit status 0 when done, 2 for bad usage or a bad config, 1
 * for a failure. The launcher {@code src/main/scripts/metarl4j} starts it with the project's JVM flags.
 */
package io.github.metarl4j.cli;
