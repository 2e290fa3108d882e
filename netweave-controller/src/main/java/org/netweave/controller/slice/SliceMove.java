package org.netweave.controller.slice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.netweave.model.ControllerId;

/**
 * Slices of one role that one publication moved from one owner to another: what the role master
 * logs, one line per move, when an epoch changes who owns what.
 *
 * @param from   the previous owner; empty when the slices had none (the first assignment)
 * @param to     the new owner; empty when no node is live any more
 * @param slices the slices, ascending
 */
public record SliceMove(Role role, long epoch, Optional<ControllerId> from, Optional<ControllerId> to,
                        List<Integer> slices) {

    public SliceMove {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        slices = List.copyOf(slices);
    }

    /** The moves from {@code previous} to {@code next}, one per (from, to) pair, ordered by their first slice. */
    public static List<SliceMove> between(SliceAssignment previous, SliceAssignment next) {
        int size = Math.max(previous.owners().size(), next.owners().size());
        Map<List<Optional<ControllerId>>, List<Integer>> moved = new LinkedHashMap<>();
        for (int slice = 0; slice < size; slice++) {
            Optional<ControllerId> from = previous.ownerOf(slice);
            Optional<ControllerId> to = next.ownerOf(slice);
            if (!from.equals(to)) {
                moved.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(slice);
            }
        }
        List<SliceMove> moves = new ArrayList<>(moved.size());
        moved.forEach((pair, slices) -> moves.add(new SliceMove(next.role(), next.epoch(), pair.get(0), pair.get(1),
                slices)));
        return moves;
    }

    /** The slices as ascending ranges, "0-3,7,9-12", so that a whole role fits in a log line. */
    public String ranges() {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < slices.size()) {
            int first = slices.get(i);
            int last = first;
            while (i + 1 < slices.size() && slices.get(i + 1) == last + 1) {
                last = slices.get(++i);
            }
            out.append(out.isEmpty() ? "" : ",").append(first).append(first == last ? "" : "-" + last);
            i++;
        }
        return out.toString();
    }
}
