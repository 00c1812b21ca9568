package io.github.metarl4j.envs.gridworld;

/**
 * One cell role's regions in the three task sets of a split: where starts (or goals) of
 * meta-training, validation and test tasks lie. The task sets built from them must be disjoint
 * ({@link GridTasks#of}).
 *
 * @param train      the region of meta-training tasks
 * @param validation the region of validation tasks
 * @param test       the region of test tasks
 */
public record RegionSplit(Region train, Region validation, Region test) {

    /**
     * Checks the arguments and holds them:
     *
     * @param train      the region of meta-training tasks
     * @param validation the region of validation tasks
     * @param test       the region of test tasks
     */
    public RegionSplit {
        if (train == null || validation == null || test == null) {
            throw new IllegalArgumentException("train, validation and test regions must be given, got " + train + ", "
                    + validation + " and " + test);
        }
    }

    /** The split of three regions in text ({@link Region#parse}): {@code of("left-half", "top-right-quadrant", "bottom-right")}. */
    public static RegionSplit of(String train, String validation, String test) {
        return new RegionSplit(Region.parse(train), Region.parse(validation), Region.parse(test));
    }

    /** The same region for all three sets (e.g. the map's fixed goal). */
    public static RegionSplit same(Region region) {
        return new RegionSplit(region, region, region);
    }
}
