"""Writes d4rl-layout.h5, the test fixture of Hdf5DatasetsTest, with h5py's own conventions
(numpy bools as h5py's boolean enum, float32 columns as D4RL stores them, int64 actions, a
variable-length string attribute). Run with a Python that has h5py and numpy:
python3 make_fixture.py  (writes next to this script)."""
import os

import h5py
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
with h5py.File(os.path.join(here, "d4rl-layout.h5"), "w") as f:
    f["observations"] = np.array([[0, 0], [0.1, 0.1], [0.2, 0.2], [0.5, 0.5], [0.6, 0.6]], dtype=np.float32)
    f["next_observations"] = np.array([[0.1, 0.1], [0.2, 0.2], [1, 1], [0.6, 0.6], [0.7, 0.7]], dtype=np.float32)
    f["actions"] = np.array([0, 1, 2, 1, 0], dtype=np.int64)
    f["rewards"] = np.array([0, 0, 1, -0.5, 0.25], dtype=np.float32)
    f["terminals"] = np.array([False, False, True, False, False])
    f["timeouts"] = np.array([False, False, False, False, True])
    f["infos/task"] = np.array([4, 4, 4, 7, 7], dtype=np.int32)
    f["infos/action_log_probs"] = np.full(5, -1.0986123, dtype=np.float32)
    f.attrs["behaviour"] = "random"
