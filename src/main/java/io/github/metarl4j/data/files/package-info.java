/**
 * Offline datasets in files: {@link io.github.metarl4j.data.files.Hdf5Datasets} reads and writes
 * D4RL's and Minari's flat HDF5 layout (so a file made in Python opens here and one made here opens
 * in h5py), {@link io.github.metarl4j.data.files.CsvDatasets} reads users' own logs. A file is read
 * whole and validated against the family's spaces before anything is returned: nothing is
 * half-loaded.
 */
package io.github.metarl4j.data.files;
