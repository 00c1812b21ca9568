package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;

/**
 * Where an offline learner's fixed dataset comes from (its {@code data} key), chosen by its
 * {@code type} ({@link TypeNames}): {@code collect} ({@link CollectedData}: played in the family by a
 * behaviour policy), {@code file} ({@link FileData}: an HDF5 or CSV file), or the class name of a
 * user's record implementing this interface.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(TypeNames.class)
public interface DataConfig {

    /**
     * The dataset for {@code family}, checked against its spaces; the same arguments give the same
     * dataset, so a resumed run trains from the data it started with.
     *
     * @param setup   the experiment's family, with its expert where it has one
     * @param sampler plays episodes where the dataset is collected
     * @param seeds   this dataset's node of the experiment's seed tree
     * @throws IllegalArgumentException naming the field and the row of a value that does not fit the family
     */
    <T extends Task, O, A> TransitionDataset dataset(FamilySetup<T, O, A> setup, Sampler sampler, SeedTree seeds);
}
