package io.github.metarl4j.spark;

import io.github.metarl4j.sampler.TaskBuild;
import java.io.Serial;
import java.io.Serializable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One part of a {@link SparkSampler#open} call: tasks {@code [first, first + count)} of the call
 * {@code call}, with everything needed to build their states on any executor (the build, the family's
 * recipe, the data type). The cached partition of a part is this small value; the states themselves
 * stay in the executor's memory ({@link ExecutorStates}), rebuilt from the part wherever they are missing.
 *
 * @param call   the call's identifier, unique in the driver's session
 * @param index  the part's index
 * @param first  the first task
 * @param count  the number of tasks
 * @param build  the states' build
 * @param source the family's recipe
 * @param type   the sampler's data type
 */
record Part(String call, int index, int first, int count, TaskBuild<?> build, FamilySource source, DataType type)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The key of this part's states in an executor's memory. */
    String key() {
        return call + "/" + index;
    }
}
