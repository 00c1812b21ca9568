/**
 * A run's pictures and report, drawn from the files in its run directory (so {@code report} can be
 * run again at any time): PNG plots of the training curves and of the adaptation curves with 95%
 * confidence bands ({@link io.github.metarl4j.report.Charts}), and one self-contained
 * {@code report.html} with the images embedded ({@link io.github.metarl4j.report.HtmlReport}).
 */
package io.github.metarl4j.report;
