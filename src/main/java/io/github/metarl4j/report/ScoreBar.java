package io.github.metarl4j.report;

/**
 * One bar of a grouped bar chart ({@link Charts#scoreBars}): a mean with its 95% half-width.
 *
 * @param group     the category on the x axis (a dataset kind)
 * @param series    the bar's series within the group (an algorithm), one colour across groups
 * @param mean      the bar's height
 * @param halfWidth the interval's half-width, drawn as a whisker; NaN or 0 for none
 */
public record ScoreBar(String group, String series, double mean, double halfWidth) {
}
