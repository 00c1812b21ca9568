package io.github.metarl4j.envs.gridworld;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable grid read from ASCII: {@code #} wall, {@code .} free, {@code G} a free cell
 * holding the fixed goal (at most one). Rows are separated by newlines; whitespace around each
 * row is ignored, so maps can be indented in Java text blocks and YAML.
 *
 * <p>The named maps are {@code open-8x8} (an open room, goal top right), {@code four-rooms}
 * (9x9 with walls, four 3x3 rooms joined by four doors, after Sutton, Precup and Singh 1999,
 * goal in the bottom-right room's corner) and {@code door-7x7} (a wall across row 3 with one
 * door, goal bottom right).
 */
public final class GridMap {

    /** The named maps, keyed by name, as ASCII. */
    public static final Map<String, String> NAMED = Map.of(
            "open-8x8", """
                    .......G
                    ........
                    ........
                    ........
                    ........
                    ........
                    ........
                    ........""",
            "four-rooms", """
                    #########
                    #...#...#
                    #.......#
                    #...#...#
                    ##.###.##
                    #...#...#
                    #.......#
                    #...#..G#
                    #########""",
            "door-7x7", """
                    .......
                    .......
                    .......
                    ###.###
                    .......
                    .......
                    ......G""");

    private final int rows;
    private final int cols;
    private final boolean[] wall;
    private final Cell goal;

    private GridMap(int rows, int cols, boolean[] wall, Cell goal) {
        this.rows = rows;
        this.cols = cols;
        this.wall = wall;
        this.goal = goal;
    }

    /**
     * A named map ({@link #NAMED}) or, if {@code text} spans several lines or has map
     * characters only, a map parsed from it.
     */
    @JsonCreator
    public static GridMap of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("map must be a map name or ASCII map, got null");
        }
        String key = text.strip();
        if (NAMED.containsKey(key)) {
            return parse(NAMED.get(key));
        }
        if (key.contains("\n") || key.matches("[#.G]+")) {
            return parse(text);
        }
        throw new IllegalArgumentException("unknown map name '" + key + "'; expected one of "
                + NAMED.keySet().stream().sorted().toList() + " or an ASCII map of '#', '.', 'G'");
    }

    /** Parses an ASCII map; errors name the row, column and character at fault. */
    public static GridMap parse(String ascii) {
        List<String> lines = ascii.strip().lines().map(String::strip).toList();
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("map must have at least one row, got an empty map");
        }
        int cols = lines.get(0).length();
        boolean[] wall = new boolean[lines.size() * cols];
        Cell goal = null;
        for (int r = 0; r < lines.size(); r++) {
            String line = lines.get(r);
            if (line.length() != cols) {
                throw new IllegalArgumentException("map rows must all have the same length: row " + r + " has "
                        + line.length() + " characters, expected " + cols + " (ragged map)");
            }
            for (int c = 0; c < cols; c++) {
                char ch = line.charAt(c);
                switch (ch) {
                    case '#' -> wall[r * cols + c] = true;
                    case '.' -> { }
                    case 'G' -> {
                        if (goal != null) {
                            throw new IllegalArgumentException("map has more than one goal 'G': at " + goal
                                    + " and " + new Cell(r, c));
                        }
                        goal = new Cell(r, c);
                    }
                    default -> throw new IllegalArgumentException("map character '" + ch + "' at row " + r
                            + ", col " + c + " is unknown; expected '#' (wall), '.' (free) or 'G' (goal)");
                }
            }
        }
        return new GridMap(lines.size(), cols, wall, goal);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The number of cells, {@code rows * cols}. */
    public int size() {
        return rows * cols;
    }

    /** The goal marked 'G', if the map has one. */
    public Optional<Cell> goal() {
        return Optional.ofNullable(goal);
    }

    public boolean inside(int row, int col) {
        return row >= 0 && row < rows && col >= 0 && col < cols;
    }

    /** Whether {@code cell} is inside the grid and not a wall. */
    public boolean isFree(Cell cell) {
        return inside(cell.row(), cell.col()) && !wall[cell.row() * cols + cell.col()];
    }

    /** The row-major index {@code row * cols + col}. */
    public int index(Cell cell) {
        return cell.row() * cols + cell.col();
    }

    public Cell cell(int index) {
        return new Cell(index / cols, index % cols);
    }

    /** Free cells in row-major order. */
    public List<Cell> freeCells() {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < wall.length; i++) {
            if (!wall[i]) {
                out.add(cell(i));
            }
        }
        return out;
    }

    /** Throws an error naming {@code what} and the cell unless it is a free cell of this map. */
    public Cell requireFree(Cell cell, String what) {
        if (cell == null || !isFree(cell)) {
            String why = cell == null ? "null" : !inside(cell.row(), cell.col())
                    ? cell + ", outside the " + rows + "x" + cols + " map" : cell + ", a wall";
            throw new IllegalArgumentException(what + " must be a free cell of the map, got " + why);
        }
        return cell;
    }

    /** Shortest-path lengths (4-neighbour moves) from {@code from} to every cell; -1 where unreachable. */
    public int[] distancesFrom(Cell from) {
        int[] dist = new int[size()];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        dist[index(requireFree(from, "BFS origin"))] = 0;
        queue.add(index(from));
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (Move m : Move.values()) {
                int j = m.next(this, i);
                if (dist[j] < 0) {
                    dist[j] = dist[i] + 1;
                    queue.add(j);
                }
            }
        }
        return dist;
    }

    /** The map as ASCII, one row a line; {@code GridMap.parse(ascii())} equals this map. */
    @JsonValue
    public String ascii() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Cell cell = new Cell(r, c);
                sb.append(wall[index(cell)] ? '#' : cell.equals(goal) ? 'G' : '.');
            }
            if (r + 1 < rows) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridMap m && rows == m.rows && cols == m.cols && Arrays.equals(wall, m.wall)
                && java.util.Objects.equals(goal, m.goal);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wall) * 31 + rows * 7 + (goal == null ? 0 : goal.hashCode());
    }

    @Override
    public String toString() {
        return ascii();
    }
}
